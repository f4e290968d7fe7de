import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
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
