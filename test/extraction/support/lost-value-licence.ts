import type { Line } from './text-lines.js';

/**
 * A scanned business licence (a 1240 × 1754 page) whose legal representative the page's pass lost: its label
 * `法定代表人` stands alone on its row. For the reader's second look (shared/extraction/second-look.ts).
 */
export const LICENCE_WITHOUT_REPRESENTATIVE: readonly Line[] = [
  ['营业执照', 640, 300, 380, 80],
  ['统一社会信用代码', 200, 480, 300, 40],
  ['91330106MA2CQ1UUPU', 520, 480, 420, 40],
  ['名称', 200, 560, 80, 40],
  ['杭州紫金信息技术有限公司', 520, 560, 500, 40],
  ['法定代表人', 200, 640, 200, 40],
  ['住所', 200, 720, 80, 40],
  ['浙江省杭州市西湖区文三路90号', 520, 720, 560, 40],
  ['成立日期', 200, 800, 160, 40],
  ['2019年03月12日', 520, 800, 300, 40],
];

/** The page size those lines lie on. */
export const LICENCE_PAGE_SIZE = { width: 1240, height: 1754 } as const;

/** The lost value, as the licence's representative row read alone gives it. */
export const LOST_REPRESENTATIVE: Line = ['王晓明', 520, 640, 120, 40];
