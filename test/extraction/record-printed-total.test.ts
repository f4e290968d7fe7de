import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { company, person } from './support/documents.js';
import { textLayerPage as page, type Line } from './support/text-lines.js';

// Issue 12: a social-insurance record's printed total, which confirms the rows (and so the current employer) only
// when it is the total. Constructed lines; no eval file is read here.

const readOne = (lines: readonly Line[]) => extractDocuments([page(lines)], { today: '2026-12-05' })[0];

describe("a social-insurance record's printed total", () => {
  const row = (n: number, employer: string, from: string, to: string, months: number, y: number): Line[] => [
    [String(n), 216, y, 17, 36],
    [employer, 317, y, 345, 36],
    [from, 728, y, 112, 36],
    [to, 873, y, 112, 36],
    [String(months), 1057, y, 35, 36],
    ['企业职工基本养老保险', 1166, y, 287, 36],
  ];
  const record = (totalLine: string) =>
    readOne([
      ['社会保险个人参保证明', 618, 166, 417, 53],
      ['姓　名', 181, 278, 160, 40],
      [person.name, 372, 278, 96, 40],
      ['身份证号码', 843, 278, 160, 40],
      [person.id, 1034, 278, 345, 40],
      ['序号', 196, 462, 57, 36],
      ['单位名称', 432, 462, 115, 36],
      ['起始年月', 726, 462, 115, 36],
      ['截止年月', 872, 462, 115, 36],
      ['缴费月数', 1017, 462, 115, 36],
      ['险种', 1281, 462, 57, 36],
      ...row(1, '杭州西溪机械制造有限公司', '2014-03', '2015-02', 12, 527),
      ...row(2, company.name, '2015-05', '2017-04', 24, 593),
      [totalLine, 181, 746, 198, 40],
    ]);

  it('reads a total written as a line of its own and never takes the first row under the month-count header for it', () => {
    const doc = record('合计:36个月');
    expect(doc.fields.monthsPaid.value).toBe(36);
    expect(doc.fields.employerName.value).toBe(company.name);
    expect(doc.fields.employerName.issues ?? []).not.toContain('total_months_mismatch_spans');
    expect(doc.fields.periodEnd.needsReview).toBe(false);
  });

  it('still flags the rows when the total written that way disagrees with them', () => {
    const doc = record('合计:48个月');
    expect(doc.fields.monthsPaid.issues).toContain('total_months_mismatch_spans');
    expect(doc.fields.employerName.needsReview).toBe(true);
  });
});
