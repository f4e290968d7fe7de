import { describe, expect, it } from 'vitest';
import { extractDocuments, findDates } from '../../shared/extraction/index.js';
import { DATE_LETTER_DIGIT_INFERRED, DATE_SEPARATOR_INFERRED, findLetterDigitDate, findSeparatorLostDate } from '../../shared/extraction/misread-dates.js';
import { DATE_TWIN_INFERRED, oneCharacterCompletions } from '../../shared/extraction/twin-dates.js';
import { readDateValue } from '../../shared/extraction/value-readers.js';
import { company, otherCertificatePage, person, residentId } from './support/documents.js';
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

  it('reads a date glued to its label by a letter where the colon stood (`发证日期A202112.01` on a noisy scan), flagged', () => {
    const doc = contractPage(
      [
        ['合同期限自', '2018年7月17日'],
        ['合同期限至', '2023.07.16'],
      ],
      ['签订日期A201807.13'],
    );
    expect(doc.fields.signedDate).toMatchObject({ value: '2018-07-13', needsReview: true });
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

describe('a date of digits whose day may have lost a digit', () => {
  it('flags `2020-02-1` (month padded, day of one digit) and leaves `2020-2-1` and `2020-02-11` alone', () => {
    expect(readDateValue('2020-02-1')).toMatchObject({ value: '2020-02-01', issues: ['date_day_may_continue'] });
    expect(readDateValue('2020-2-1')).toMatchObject({ value: '2020-02-01', issues: [] });
    expect(readDateValue('2020-02-11')).toMatchObject({ value: '2020-02-11', issues: [] });
  });

  it('flags a contract’s start read `2020-02-1` beside its label', () => {
    const doc = contractPage([
      ['合同期限自', '2020-02-1'],
      ['合同期限至', '2023-02-10'],
    ]);
    expect(doc.fields.startDate).toMatchObject({ value: '2020-02-01', needsReview: true });
  });
});

describe('a labelled date with one character that belongs to no date', () => {
  it('lists the real dates the text gives with that character taken for each digit', () => {
    expect([...oneCharacterCompletions('2b20.03.05V')]).toEqual(['2020-03-05']);
    expect(oneCharacterCompletions('2020.03.05').size).toBe(0); // already a date
    expect(oneCharacterCompletions('2b2x.03.05').size).toBe(0); // two odd characters
  });

  it('takes the one completion printed elsewhere on the certificate, flagged', () => {
    const page = otherCertificatePage('培训合格证书', {
      dateText: '2b20.03.05V',
      extra: [
        ['培训时间', '2020年02月15日至2020年02月25日'],
        ['结业日期', '2020.03.05'],
      ],
    });
    const doc = extractDocuments([page], { today: TODAY })[0];
    expect(doc.fields.issueDate).toMatchObject({ value: '2020-03-05', needsReview: true, issues: expect.arrayContaining([DATE_TWIN_INFERRED]) });
  });

  it('takes no twin when two dates of the document complete it', () => {
    const page = otherCertificatePage('培训合格证书', {
      dateText: '2020.0b.05',
      extra: [
        ['培训开始', '2020.03.05'],
        ['结业日期', '2020.08.05'],
      ],
    });
    const doc = extractDocuments([page], { today: TODAY })[0];
    expect(doc.fields.issueDate.issues ?? []).not.toContain(DATE_TWIN_INFERRED);
    expect(doc.fields.issueDate.needsReview).toBe(true);
  });
});

describe('dates of one document that cannot all be right', () => {
  it('flags a signing date more than a year from the start, and the start with it', () => {
    const doc = contractPage([
      ['合同期限自', '2018年7月17日'],
      ['合同期限至', '2023年7月16日'],
      ['签订日期', '2016年7月13日'],
    ]);
    expect(doc.fields.signedDate).toMatchObject({ value: '2016-07-13', needsReview: true, issues: expect.arrayContaining(['signed_date_start_conflict']) });
    expect(doc.fields.startDate.issues).toContain('signed_date_start_conflict');
  });

  it('flags an end date less than a month after the signing date (the start read beside the end label)', () => {
    const doc = contractPage([
      ['合同期限至', '2020.02.20'],
      ['签订日期', '2020年2月10日'],
    ]);
    expect(doc.fields.endDate).toMatchObject({ value: '2020-02-20', needsReview: true, issues: expect.arrayContaining(['end_date_signed_date_conflict']) });
  });

  it('leaves a signing date days before the start alone', () => {
    const doc = contractPage([
      ['合同期限自', '2018年7月17日'],
      ['合同期限至', '2023年7月16日'],
      ['签订日期', '2018年7月13日'],
    ]);
    expect(doc.fields.signedDate.issues ?? []).not.toContain('signed_date_start_conflict');
    expect(doc.fields.startDate.issues ?? []).not.toContain('signed_date_start_conflict');
  });

  it('flags a certificate issued before its holder turned sixteen', () => {
    const young = residentId('20050307');
    const before = extractDocuments([otherCertificatePage('专项能力证书', { id: young, dateText: '2020.06.18' })], { today: TODAY })[0];
    expect(before.fields.issueDate).toMatchObject({
      value: '2020-06-18',
      needsReview: true,
      issues: expect.arrayContaining(['issue_date_holder_age_conflict']),
    });
    const after = extractDocuments([otherCertificatePage('专项能力证书', { id: young, dateText: '2021.06.18' })], { today: TODAY })[0];
    expect(after.fields.issueDate.issues ?? []).not.toContain('issue_date_holder_age_conflict');
  });
});

describe("a licence's date of establishment and its term of operation", () => {
  function licence(established: string | undefined, term: string) {
    const b = new PageBuilder({ width: 2339, height: 1654 }).line(`统一社会信用代码 ${company.code}`, 150).title('营 业 执 照');
    b.row([
      [300, '名 称'],
      [600, company.name],
    ]);
    b.row([
      [300, '法定代表人'],
      [600, '李建国'],
    ]);
    if (established !== undefined)
      b.row([
        [300, '成立日期'],
        [600, established],
      ]);
    b.row([
      [300, '营业期限'],
      [600, term],
    ]);
    return extractDocuments([b.build()], { today: TODAY })[0];
  }

  it('keeps an establishment date that the term starts on', () => {
    const doc = licence('2014年02月17日', '2014年02月17日至长期');
    expect(doc.fields.establishedDate).toMatchObject({ value: '2014-02-17', needsReview: false });
  });

  it('flags an establishment date that differs from the first day of the term', () => {
    const doc = licence('2014年08月17日', '2014年02月17日至长期');
    expect(doc.fields.establishedDate).toMatchObject({
      value: '2014-08-17',
      needsReview: true,
      issues: expect.arrayContaining(['established_date_term_start_conflict']),
    });
  });

  it('takes the first day of the term, flagged, when no establishment date is readable', () => {
    const doc = licence(undefined, '2014年02月17日至2034年02月16日');
    expect(doc.fields.establishedDate).toMatchObject({
      value: '2014-02-17',
      needsReview: true,
      issues: expect.arrayContaining(['established_date_inferred_from_term']),
    });
  });

  it('never takes the end of a term whose start wrapped away for the start', () => {
    const doc = licence('2016年04月21日', '04-21至2036年04月21日');
    expect(doc.fields.establishedDate.issues ?? []).not.toContain('established_date_term_start_conflict');
  });
});

describe('the signing date of a contract', () => {
  it('reads a date labelled 订立日期 as the signing date', () => {
    const doc = contractPage(
      [
        ['合同期限自', '2018年7月17日'],
        ['合同期限至', '2023年7月16日'],
        ['订立日期', '2018年7月13日'],
      ],
      ['附件：2019年1月1日补充条款'],
    );
    expect(doc.fields.signedDate).toMatchObject({ value: '2018-07-13', needsReview: false });
  });

  it('never falls back to the line the end of the term was read from, boxed apart from its label', () => {
    const b = new PageBuilder().title('劳动合同书');
    b.field('甲方（用人单位）', company.name, 'inline');
    b.field('乙方（劳动者）姓名', person.name, 'inline');
    b.row([
      [150, '合同期限自'],
      [400, '2019年10月18日'],
      [800, '合同期限至'],
      [1050, '2020-10-17'],
    ]);
    b.line('甲方（盖章）');
    b.line('签订日期：');
    const doc = extractDocuments([b.build()], { today: TODAY })[0];
    expect(doc.fields.endDate.value).toBe('2020-10-17');
    expect(doc.fields.signedDate.value).toBeNull();
  });

  it('never falls back to a date beside another date label (`合同到期日`), which stays the end date', () => {
    const doc = contractPage([
      ['合同期限自', '2018年7月17日'],
      ['合同到期日', '2023年7月16日'],
    ]);
    expect(doc.fields.signedDate.value).toBeNull();
    expect(doc.fields.endDate).toMatchObject({ value: '2023-07-16', needsReview: false });
  });
});

describe('the printed forms of a date', () => {
  it('reads 元月 as January and capital numerals (贰零贰叁年拾贰月叁拾壹日)', () => {
    expect(findDates('二〇二三年元月五日').map((d) => d.value)).toEqual(['2023-01-05']);
    expect(findDates('贰零贰叁年拾贰月叁拾壹日').map((d) => d.value)).toEqual(['2023-12-31']);
    expect(findDates('贰零贰叁年叁月壹日').map((d) => d.value)).toEqual(['2023-03-01']);
  });

  it('reads a day closed by 号 as closed', () => {
    expect(findDates('2023年3月1号')[0]).toMatchObject({ value: '2023-03-01' });
    expect(findDates('2023年3月1号')[0].open).toBeUndefined();
  });

  it('reads a dotted date with one dot read as a comma', () => {
    expect(findDates('营业期限：2004,12.12至长期').map((d) => d.value)).toEqual(['2004-12-12']);
    expect(findDates('2004.12,12').map((d) => d.value)).toEqual(['2004-12-12']);
  });

  it('never reads a day that runs on into a letter read for a digit as a shorter day (`2023.12.3l` is not the 3rd)', () => {
    expect(findDates('2023.12.3l')).toEqual([]);
    expect(findDates('2023年12月3l日')).toEqual([]);
  });

  it('reads letters put for digits (`l`, `O`) touching digits as those digits, flagged', () => {
    expect(findLetterDigitDate('2023.12.3l')).toBe('2023-12-31');
    expect(findLetterDigitDate('2023年1O月1日')).toBe('2023-10-01');
    expect(findLetterDigitDate('Issued 2023.10.01')).toBeUndefined();
    expect(readDateValue('发证日期：2023.12.3l')).toMatchObject({ value: '2023-12-31', issues: [DATE_LETTER_DIGIT_INFERRED] });
  });
});

describe("date labels of the term and of a certificate's other dates", () => {
  it.each([
    ['合同期限起', '合同期限止'],
    ['合同期限(起)', '合同期限(止)'],
    ['合同期限开始', '合同期限结束'],
    ['合同有效期自', '合同有效期至'],
    ['期限起始', '期限截止'],
  ])('reads a term labelled %s … %s', (start, end) => {
    const doc = contractPage([
      [start, '2018年7月17日'],
      [end, '2023年7月16日'],
      ['签订日期', '2018年7月10日'],
    ]);
    expect(doc.fields.startDate).toMatchObject({ value: '2018-07-17', needsReview: false });
    expect(doc.fields.endDate).toMatchObject({ value: '2023-07-16', needsReview: false });
  });

  it.each(['鉴定日期', '评定日期', '复审日期', '考核日期', '考试日期'])('never takes the date beside %s for the issue date', (other) => {
    const withIssue = otherCertificatePage('专项能力证书', { dateText: '2021.06.18', extra: [[other, '2021年5月3日']] });
    expect(extractDocuments([withIssue], { today: TODAY })[0].fields.issueDate).toMatchObject({ value: '2021-06-18', needsReview: false });
    const unreadable = otherCertificatePage('专项能力证书', { dateText: '', extra: [[other, '2021年5月3日']] });
    const issueDate = extractDocuments([unreadable], { today: TODAY })[0].fields.issueDate;
    expect(issueDate.value === null || issueDate.needsReview).toBe(true);
    expect(issueDate.value).not.toBe('2021-05-03');
  });
});
