import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { insuranceRecordPage, type RecordRow } from './support/insurance-record.js';

// Issue 12, class 7: "In social-insurance records the current employer is the row that covers the last month and
// agrees with the printed totals, not the first or last row." Row order means nothing (chronological, reversed or
// shuffled); the table's own evidence (months covered, printed month counts, the printed total) picks the row.

const readOne = (page: OcrPage) => extractDocuments([page], { today: '2026-11-27' })[0];

type Row = RecordRow;

const record = (rows: readonly RecordRow[], total?: string): OcrPage => insuranceRecordPage('社会保险个人参保证明', rows, total);

const EARLY: Row = ['杭州同创建筑工程有限公司', '201610—201902', '29'];
const MIDDLE: Row = ['杭州智联机械制造有限公司', '201906—202008', '15'];
const CURRENT: Row = ['杭州启航物流股份有限公司', '202011—202110', '12'];
const TOTAL = '实际缴费月数合计 56 月';

describe('social-insurance record: the current employer is the row covering the last month', () => {
  for (const [how, rows] of [
    ['chronological', [EARLY, MIDDLE, CURRENT]],
    ['reversed', [CURRENT, MIDDLE, EARLY]],
    ['shuffled, current row in the middle', [MIDDLE, CURRENT, EARLY]],
    ['shuffled, current row first, earliest last', [CURRENT, EARLY, MIDDLE]],
  ] as const) {
    it(`reads the same record whatever the row order (${how})`, () => {
      const doc = readOne(record(rows, TOTAL));
      expect(doc.fields.employerName.value).toBe('杭州启航物流股份有限公司');
      expect(doc.fields.periodEnd.value).toBe('2021-10');
      expect(doc.fields.periodStart.value).toBe('2016-10');
      expect(doc.fields.monthsPaid.value).toBe(56);
      expect(doc.fields.employerName.needsReview).toBe(false);
      expect(doc.fields.monthsPaid.needsReview).toBe(false);
    });
  }

  it('does not read a row whose span starts after it ends, and flags what it would change', () => {
    // `202205—202110`: the start read (or printed) after the end: no span, so the totals and the current row are open.
    const impossible: Row = ['杭州启航物流股份有限公司', '202205—202110', '6'];
    const doc = readOne(record([EARLY, ['杭州智联机械制造有限公司', '201906—202111', '30'], impossible], '实际缴费月数合计 53 月'));
    expect(doc.fields.employerName.needsReview).toBe(true);
    expect(doc.fields.periodEnd.needsReview).toBe(true);
    expect(doc.fields.monthsPaid.needsReview).toBe(true);
  });

  it('flags the employer when two employers both run to the last month and nothing tells them apart', () => {
    const other: Row = ['杭州西溪文化创意有限公司', '202101—202110', '10'];
    const doc = readOne(record([EARLY, other, CURRENT], '实际缴费月数合计 51 月'));
    expect(doc.fields.periodEnd.value).toBe('2021-10');
    expect(doc.fields.employerName.needsReview).toBe(true);
    expect(doc.fields.employerName.issues).toContain('current_row_conflict');
  });

  it('takes the row whose printed month count agrees with its span when another row to the last month does not', () => {
    // The other row's start was misread (`202101` for `202011`?): its printed 12 disagrees with the 10 months it spans.
    const misread: Row = ['杭州西溪文化创意有限公司', '202101—202110', '12'];
    const doc = readOne(record([misread, EARLY, CURRENT]));
    expect(doc.fields.employerName.value).toBe('杭州启航物流股份有限公司');
    // The count that disagrees still sends the months to the clerk.
    expect(doc.fields.monthsPaid.needsReview).toBe(true);
  });
});
