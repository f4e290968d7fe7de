import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { insuranceRecordPage, type RecordRow } from './support/insurance-record.js';

// A social-insurance record's totals are sums over the rows read: when nothing shows every row was read, the
// figures go to the clerk (issue 12: completeness; rows whose order means nothing).

const readOne = (page: OcrPage) => extractDocuments([page], { today: '2026-11-27' })[0];

const record = (rows: readonly RecordRow[], total?: string): OcrPage => insuranceRecordPage('杭州市社会保险参保缴费证明', rows, total);

const ROWS: Array<[string, string, string]> = [
  ['杭州西溪文化创意有限公司', '2021.03-2021.10', '8'],
  ['杭州新锐电气设备有限公司', '2018.09-2020.11', '27'],
  ['杭州之江网络科技有限公司', '2016.11-2018.05', '19'],
];

describe('social-insurance completeness', () => {
  it('passes months paid when the printed total agrees with the rows', () => {
    const doc = readOne(record(ROWS, '累计缴费月数：54个月'));
    expect(doc.fields.monthsPaid.value).toBe(54);
    expect(doc.fields.monthsPaid.needsReview).toBe(false);
    expect(doc.fields.periodStart.value).toBe('2016-11');
  });

  it('flags months paid summed from the rows when no total is printed', () => {
    const doc = readOne(record(ROWS));
    expect(doc.fields.monthsPaid.value).toBe(54);
    expect(doc.fields.monthsPaid.needsReview).toBe(true);
  });

  it('flags the first month when a row printed last could not be read (rows come in any order)', () => {
    // The earliest span misread past reading: `2016.1l-2O18.05` is not read as a span, and it is printed last.
    const rows: Array<[string, string, string]> = [ROWS[0], ROWS[1], ['杭州之江网络科技有限公司', '2016.1l-2O18.05', '19']];
    const doc = readOne(record(rows));
    expect(doc.fields.periodStart.value).toBe('2018-09');
    expect(doc.fields.periodStart.needsReview).toBe(true);
    expect(doc.fields.periodStart.issues).toContain('span_row_unreadable');
    expect(doc.fields.periodEnd.needsReview).toBe(true);
  });
});
