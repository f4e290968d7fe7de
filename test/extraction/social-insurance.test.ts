import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { socialInsurancePage } from './support/documents.js';

const TODAY = '2026-11-27';
const read = (pages: OcrPage[]) => extractDocuments(pages, { today: TODAY });

const THREE_ROWS: Array<[string, string, string, number]> = [
  ['杭州东方电子有限公司', '2012-06', '2014-02', 21],
  ['杭州智联物流有限公司', '2014-07', '2019-06', 60],
  ['杭州西子智能科技有限公司', '2019-07', '2021-06', 24],
];

/** The same page with one line's text replaced (a cell the engine misread beyond recognition). */
function misread(page: OcrPage, from: string, to: string): OcrPage {
  return { ...page, lines: page.lines.map((line) => (line.text === from ? { ...line, text: to } : line)) };
}

describe('readSocialInsuranceRecord: the table must be read whole', () => {
  it('cross-checks a total printed as 合计缴费月数 and flags months, period and employer when it disagrees', () => {
    const [doc] = read([socialInsurancePage({ rows: THREE_ROWS, total: 120, totalLabel: '合计缴费月数' })]);
    // The record's own statement of the months paid, not the rows' sum (105), shown to the clerk with why it is in doubt.
    expect(doc.fields.monthsPaid.value).toBe(120);
    expect(doc.fields.monthsPaid.issues).toContain('total_months_mismatch_spans');
    for (const name of ['monthsPaid', 'periodStart', 'periodEnd', 'employerName']) expect(doc.fields[name].needsReview).toBe(true);
  });

  it('confirms months paid with a total printed as 合计缴费月数 that agrees with the rows', () => {
    const [doc] = read([socialInsurancePage({ rows: THREE_ROWS, totalLabel: '合计缴费月数' })]);
    expect(doc.fields.monthsPaid.value).toBe(105);
    expect(doc.fields.monthsPaid.issues ?? []).toEqual([]);
    expect(doc.fields.monthsPaid.needsReview).toBe(false);
  });

  it('flags the latest employer and period end when the last row could not be read as a span', () => {
    const page = misread(socialInsurancePage({ rows: THREE_ROWS, total: 105 }), '2021.06', '2O2l.Ob');
    const [doc] = read([page]);
    expect(doc.fields.monthsPaid.issues).toContain('span_row_unreadable');
    expect(doc.fields.monthsPaid.needsReview).toBe(true);
    expect(doc.fields.periodEnd.needsReview).toBe(true);
    expect(doc.fields.employerName.needsReview).toBe(true);
  });

  it('flags the period start when the first row could not be read as a span', () => {
    const page = misread(socialInsurancePage({ rows: THREE_ROWS }), '2014.02', '2Ol4.O2');
    const [doc] = read([page]);
    expect(doc.fields.periodStart.needsReview).toBe(true);
    expect(doc.fields.monthsPaid.needsReview).toBe(true);
  });
});
