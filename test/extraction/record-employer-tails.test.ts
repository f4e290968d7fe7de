import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { enginePage, type Line } from './support/text-lines.js';

// A social-insurance record on a phone photo (issue 12; idrec18, seen-family sample seed 9587): the engine lost the
// `司` at the end of the current employer's cell, `…股份有限公`. Rebuilt on constructed engine lines with values of
// their own; no eval file is read.

const record = (employer: string): Line[] => [
  ['杭州市社会保险参保缴费证明（个人）', 349, 224, 462, 50],
  ['姓名', 315, 318, 47, 29],
  ['柏立新', 436, 314, 70, 30],
  ['身份证号码', 540, 308, 106, 33],
  ['330106198203152415', 680, 304, 188, 30],
  ['单位名称', 393, 466, 80, 29],
  ['起始年月', 573, 448, 63, 30],
  ['截止年月', 657, 448, 63, 29],
  ['杭州汇通电子商务有限公司', 323, 514, 220, 30],
  ['2014-01', 569, 513, 69, 25],
  ['2015-07', 654, 511, 73, 24],
  [employer, 314, 553, 237, 29],
  ['2015-08', 569, 555, 73, 21],
  ['2021-10', 653, 554, 72, 22],
  ['累计缴费月数：94个月', 255, 629, 201, 31],
];
const read = (employer: string) => extractDocuments([enginePage(record(employer), { size: { width: 1174, height: 1561 } })], { today: '2026-12-06' })[0];

describe("a record's current employer whose legal form lost its last character", () => {
  it('completes `…股份有限公` to `…股份有限公司`, flagged employer_tail_inferred', () => {
    const field = read('杭州新锐汽车维修股份有限公').fields.employerName;
    expect(field.value).toBe('杭州新锐汽车维修股份有限公司');
    expect(field.issues).toContain('employer_tail_inferred');
    expect(field.needsReview).toBe(true);
  });

  it('leaves an employer whose legal form is whole', () => {
    const field = read('杭州新锐汽车维修股份有限公司').fields.employerName;
    expect(field.value).toBe('杭州新锐汽车维修股份有限公司');
    expect(field.issues ?? []).not.toContain('employer_tail_inferred');
  });
});
