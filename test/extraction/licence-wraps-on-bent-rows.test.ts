import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import type { OcrPage } from '../../shared/documents/ocr-page.js';
import { creditCode } from './support/documents.js';
import { bentRowPage, type BentLine } from './support/text-lines.js';

// Issue 12 class 3 on curled phone photos (curl23): a value's row bends or tilts where the page curls, so its line is
// boxed far taller than its type and the wrapped line under it starts inside that box. Constructed lines
// (`bentRowPage`): the characters of each line follow its row, the box holds them all, as the engine boxes a bent line.

const TODAY = '2026-12-06';

const read = (lines: readonly BentLine[]) => extractDocuments([bentRowPage(lines)], { today: TODAY })[0];

/** The rest of a licence, on rows the curl left level. */
const LEVEL_ROWS: BentLine[] = [
  ['营业执照', 560, 220, 520, 90],
  ['统一社会信用代码', 160, 380, 300, 34],
  [`${creditCode('MA2B7KQ3X')}`, 480, 380, 400, 34],
  ['类型：有限责任公司分公司', 160, 720, 420, 34],
  ['负责人：罗文杰', 160, 800, 260, 34],
  ['营业场所：浙江省杭州市西湖区文三路198号7幢1203室', 160, 880, 900, 34],
  ['成立日期：2016年03月21日', 160, 960, 420, 34],
  ['登记机关', 1150, 1500, 150, 34],
  ['2021年05月18日', 1100, 1560, 260, 34],
];

describe('a name wrapped on a row the curl tilts', () => {
  it('joins the wrapped line that starts inside the tilted first line’s box', () => {
    // The name's row falls 0.09 to the right where the page curls down: its box is 96 px tall over 34 px type, and
    // `文三路分公司`, one 50 px pitch under the line's head, starts 40 px inside that box.
    const doc = read([...LEVEL_ROWS, ['名称：杭州云栖机械制造有限公司', 160, 520, 690, 34, 0.09], ['文三路分公司', 285, 570, 260, 34, 0.09]]);
    expect(doc.type).toBe('business_license');
    expect(doc.fields.companyName.value).toBe('杭州云栖机械制造有限公司文三路分公司');
  });
});

describe('a value whose column goes on under a tilted row', () => {
  it('flags a name whose next line under it, along its row, was not joined', () => {
    // The same tilted name; the line under it is set a little further than a wrap goes (24 px of blank along the
    // row, past the 0.9-line reach), so it is not joined: it still starts in the name's column, inside the name's
    // box, and may be its rest.
    const doc = read([...LEVEL_ROWS, ['名称：杭州云栖机械制造有限公司', 160, 520, 690, 34, 0.09], ['文三路分公司', 285, 598, 260, 34, 0.09]]);
    expect(doc.fields.companyName.value).toBe('杭州云栖机械制造有限公司');
    expect(doc.fields.companyName.needsReview).toBe(true);
  });
});

/**
 * A line as the engine boxed it on a curled photo: its box, and its characters (`size` px square) spread evenly from
 * the box's left edge, their tops falling from `firstTop` to `lastTop` along the tilted row.
 */
type TiltedLine = [text: string, x: number, y: number, width: number, height: number, firstTop: number, lastTop: number, size: number];

function tiltedPage(lines: readonly TiltedLine[]): OcrPage {
  return {
    pageNumber: 1,
    width: 1595,
    height: 2400,
    rotation: 0,
    source: 'paddle',
    lines: lines.map(([text, x, y, width, height, firstTop, lastTop, size]) => {
      const chars = [...text];
      const step = (width - size) / Math.max(1, chars.length - 1);
      const words = chars.map((ch, i) => ({
        text: ch,
        confidence: 0.99,
        box: { x: x + 2 + i * step, y: firstTop + ((lastTop - firstTop) * i) / Math.max(1, chars.length - 1), width: size, height: size },
      }));
      return { text, confidence: 0.99, box: { x, y, width, height }, words };
    }),
  };
}

describe('a label the curl made tall, with its value beside its lower half', () => {
  it('never joins the value beside a tall label to the name above as its wrap', () => {
    // A curled photo tilts the label column, so `法定代表人姓名：` is boxed 101 px high over 41 px characters; its value
    // `韦思远` sits beside the label's lower half, 37 px below the label's centre (more than 0.6 of its own height),
    // under the name's wrap. It is the label's value, never a third line of the name (held-out v16's curled licence
    // read the name on with the person and the type, unflagged; its body type, the address's, is 25 px).
    const page = tiltedPage([
      ['理职业技', 1137, 207, 209, 152, 295, 212, 57], // a tiled watermark's piece, turned
      ['企业名称：', 208, 653, 171, 84, 659, 692, 41],
      ['杭州明远餐饮管理', 470, 693, 247, 54, 698, 708, 34],
      ['股份有限公司', 470, 734, 187, 52, 740, 748, 33],
      ['法定代表人姓名：', 206, 739, 242, 101, 745, 793, 41],
      ['韦思远', 468, 799, 104, 54, 804, 810, 36],
      ['类型：', 208, 826, 96, 63, 832, 844, 40],
      ['其他股份有限公司', 469, 870, 248, 58, 876, 886, 36],
      ['注册资本：', 205, 912, 179, 90, 920, 958, 40],
      ['二〇一二年七月卅一日至长期', 471, 1112, 395, 65, 1118, 1135, 36],
      ['二〇一二年七月卅一日', 473, 1185, 301, 60, 1190, 1205, 36],
      ['浙江省杭州市西湖区转塘街道天目山路71号', 474, 1264, 568, 41, 1268, 1276, 25],
      ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、', 478, 1372, 877, 40, 1377, 1380, 28],
      ['技术推广；软件开发；信息系统集成服务；职业技能培训（不含需取', 474, 1415, 889, 38, 1419, 1424, 25],
      ['得许可的培训）；人力资源服务（不含职业中介活动、劳务派遣服', 476, 1456, 839, 37, 1461, 1465, 25],
      ['务）；家政服务；养老服务；餐饮管理；日用百货销售；（除依法须经', 476, 1496, 885, 37, 1500, 1505, 25],
    ]);
    const doc = extractDocuments([page], { today: TODAY })[0];
    const name = doc.fields.companyName;
    expect(name.value ?? '').not.toContain('韦思远');
    expect(name.value === '杭州明远餐饮管理股份有限公司' || name.needsReview).toBe(true);
  });
});
