import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { person } from './support/documents.js';
import { bentRowPage, type BentLine } from './support/text-lines.js';

// Issue 12 on curled phone photos (curl23): a social-insurance record's table rows bend where the page curls, so a
// long employer cell, tilted with its row, is boxed far taller than its type and its box's centre lies half a line off
// the month cells of its own row. Constructed lines (`bentRowPage`); no eval file is read.

const read = (lines: readonly BentLine[]) => extractDocuments([bentRowPage(lines, { width: 1276, height: 1697 })], { today: '2026-12-06' })[0];

const HEADER: BentLine[] = [
  ['社会保险个人参保证明', 490, 234, 251, 38],
  ['姓名：', 198, 306, 80, 32],
  [person.name, 300, 306, 100, 32],
  ['公民身份号码：', 520, 306, 190, 32],
  [person.id, 720, 306, 260, 32],
  ['单位名称', 300, 508, 120, 31],
  ['起始年月', 620, 508, 120, 31],
  ['截止年月', 780, 508, 120, 31],
  ['缴费月数', 940, 508, 120, 31],
];

describe('a record’s rows on a curled photo', () => {
  it('takes the employer of the row that covers the last month, its cell tilted with the row', () => {
    // The last row's employer cell falls 0.1 to the right with the curl at the table's left: its row runs through the
    // row's month cells (centre 636 at x 680), but its box is centred 34 px higher, between the two rows.
    const doc = read([
      ...HEADER,
      ['杭州智联网络科技有限公司', 200, 576, 330, 32],
      ['2014.08', 620, 576, 120, 32],
      ['2018.03', 780, 576, 120, 32],
      ['44', 980, 576, 40, 28],
      ['杭州新锐家政服务有限公司', 200, 588, 330, 32, 0.1],
      ['2018.04', 620, 636, 120, 32],
      ['2021.10', 780, 636, 120, 32],
      ['43', 980, 636, 40, 28],
      ['实际缴费月数合计87月', 207, 736, 241, 36],
    ]);
    expect(doc.type).toBe('social_insurance_record');
    expect(doc.fields.periodEnd.value).toBe('2021-10');
    expect(doc.fields.employerName.value).toBe('杭州新锐家政服务有限公司');
  });

  it('joins an employer cell’s wrapped line set one pitch under the tilted cell’s head', () => {
    // The last row's employer cell falls 0.08 to the right where the page curls at the table's corner (the short
    // cells beside it stay level): it wraps `公司` under its head, 40 px down, inside the tilted cell's 56 px box and
    // level with the row's month cells further right, which lie on the tilted row 38 px under its head.
    const doc = read([
      ...HEADER,
      ['杭州智联网络科技有限公司', 200, 576, 330, 32],
      ['2014.08', 620, 576, 120, 32],
      ['2018.03', 780, 576, 120, 32],
      ['44', 980, 576, 40, 28],
      ['杭州新锐家政服务股份有限', 200, 646, 330, 32, 0.08],
      ['公司', 200, 688, 55, 32],
      ['2018.04', 620, 684, 120, 32],
      ['2021.10', 780, 684, 120, 32],
      ['43', 980, 684, 40, 28],
      ['实际缴费月数合计87月', 207, 800, 241, 36],
    ]);
    expect(doc.fields.periodEnd.value).toBe('2021-10');
    expect(doc.fields.employerName.value).toBe('杭州新锐家政服务股份有限公司');
  });
});
