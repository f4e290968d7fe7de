import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { DATE_SEPARATOR_INFERRED, findSeparatorLostDate } from '../../shared/extraction/separator-lost-dates.js';
import { readDateValue } from '../../shared/extraction/value-readers.js';
import { company, otherCertificatePage, person } from './support/documents.js';
import { PageBuilder } from './support/page-builder.js';

// Dates the engine read with a flaw the reader can see (dates12, 2026-12-05): each pinned on constructed OCR lines.

const TODAY = '2026-12-05';

/** A one-page labour contract in the form layout the seen families print: labels left, values right. */
function contractPage(rows: Array<[string, string]>, tail: string[] = []) {
  const b = new PageBuilder().title('劳动合同书');
  b.field('甲方（用人单位）', company.name, 'inline');
  b.field('乙方（劳动者）姓名', person.name, 'inline');
  b.field('身份证号码', person.id, 'inline');
  for (const [label, value] of rows) b.field(label, value, 'inline');
  for (const line of tail) b.line(line);
  return extractDocuments([b.build()], { today: TODAY })[0];
}

describe('a numeric date whose separator the engine lost', () => {
  it('reads `2016.1003`, `2018-0713` and `201402-17` as the one real date their digits give', () => {
    expect(findSeparatorLostDate('颁证期：2016.1003')?.value).toBe('2016-10-03');
    expect(findSeparatorLostDate('2018-0713')?.value).toBe('2018-07-13');
    expect(findSeparatorLostDate('成立日期：201402-17')?.value).toBe('2014-02-17');
  });

  it('drops a slash read as a digit when no split of the run is a real date (`2014/1726` for 2014/01/26)', () => {
    expect(findSeparatorLostDate('发证日期：2014/1726')?.value).toBe('2014-01-26');
  });

  it('reads nothing when the digits give two real dates or none', () => {
    expect(findSeparatorLostDate('2018-113')).toBeUndefined(); // 1-13 or 11-3
    expect(findSeparatorLostDate('2018-1399')).toBeUndefined();
    expect(findSeparatorLostDate('电话：0571-88886666')).toBeUndefined();
  });

  it('gives such a date to the reader only flagged, and leaves whole dates alone', () => {
    expect(readDateValue('2018-0713')).toMatchObject({ value: '2018-07-13', issues: [DATE_SEPARATOR_INFERRED] });
    expect(readDateValue('2018-07-13')).toMatchObject({ value: '2018-07-13', issues: [] });
  });

  it('flags a certificate issue date read `2016.1003` beside its label', () => {
    const doc = extractDocuments([otherCertificatePage('专项能力证书', { dateText: '2016.1003' })], { today: TODAY })[0];
    expect(doc.fields.issueDate).toMatchObject({ value: '2016-10-03', needsReview: true });
  });

  it('flags a contract signing date read `2018-0713` rather than falling back to another date on the page', () => {
    const doc = contractPage([
      ['合同期限自', '2018年7月17日'],
      ['合同期限至', '2023.07.16'],
      ['签订日期', '2018-0713'],
    ]);
    expect(doc.fields.signedDate).toMatchObject({ value: '2018-07-13', needsReview: true });
    expect(doc.fields.startDate.value).toBe('2018-07-17');
  });
});
