import { describe, expect, it } from 'vitest';
import { parseCertificateNumber, validateCreditCode, validateResidentId } from '../../shared/extraction/index.js';
import { formatDate, formatMonth } from './factory/dates.js';
import { DOCUMENT_KINDS, makeDocumentData, makeSubmissionContext, totalMonths, truthFields } from './factory/documents.js';
import { makeCreditCode } from './factory/enterprises.js';
import { makeName, makePerson } from './factory/people.js';
import { Rng } from './factory/random.js';
import { planSet } from './generate.js';
import { FIELDS_BY_TYPE } from '../../shared/documents/index.js';
import { documentTypeOf } from './factory/documents.js';
import { familiesFor } from './templates/index.js';
import { truthDocumentSchema } from './truth.js';

describe('the data factory', () => {
  it('makes resident ID numbers that pass the GB 11643 check and carry the birth date and sex', () => {
    const rng = new Rng(11);
    for (let i = 0; i < 200; i++) {
      const person = makePerson(rng);
      expect(validateResidentId(person.idNumber).valid).toBe(true);
      expect(person.idNumber.slice(6, 10)).toBe(String(person.birth.year));
      expect(Number(person.idNumber[16]) % 2 === 1).toBe(person.sex === '男');
    }
  });

  it('makes credit codes that pass the GB 32100 check', () => {
    const rng = new Rng(12);
    for (let i = 0; i < 200; i++) expect(validateCreditCode(makeCreditCode(rng)).valid).toBe(true);
  });

  it('draws compound surnames and names of two to four characters', () => {
    const rng = new Rng(13);
    const names = Array.from({ length: 400 }, () => makeName(rng));
    expect(names.some((n) => /^(欧阳|司马|诸葛|上官|东方|皇甫|慕容|令狐|司徒|公孙|夏侯|尉迟)/.test(n))).toBe(true);
    expect(new Set(names.map((n) => [...n].length))).toEqual(new Set([2, 3, 4]));
  });

  it('numbers certificates so the encoded level and year agree with the printed ones', () => {
    const rng = new Rng(14);
    for (let i = 0; i < 100; i++) {
      for (const kind of ['skill_level', 'qualification'] as const) {
        const data = makeDocumentData(kind, rng);
        if (data.kind !== kind) throw new Error('kind');
        const parsed = parseCertificateNumber(data.certificateNumber);
        expect(parsed).toMatchObject({ structure: kind, level: data.level, year: data.issueDate.year });
      }
    }
  });

  it('gives each document type exactly the contract fields that its layouts print', () => {
    const rng = new Rng(15);
    for (const kind of DOCUMENT_KINDS) {
      const fields = truthFields(makeDocumentData(kind, rng));
      const contract: readonly string[] = FIELDS_BY_TYPE[documentTypeOf(kind)];
      expect(Object.keys(fields).every((f) => contract.includes(f))).toBe(true);
      expect(truthDocumentSchema.parse({ type: documentTypeOf(kind), pages: [1], family: 'x', heldOut: false, fields }).fields).toEqual(fields);
    }
  });

  it('counts social-insurance months from the spans, leaving the gaps out', () => {
    const rng = new Rng(16);
    const data = makeDocumentData('social_insurance_record', rng, makeSubmissionContext(rng));
    if (data.kind !== 'social_insurance_record') throw new Error('kind');
    const fields = truthFields(data);
    const first = data.spans[0].from;
    const last = data.spans[data.spans.length - 1].to;
    const calendarMonths = (last.year - first.year) * 12 + last.month - first.month + 1;
    expect(fields.monthsPaid).toBe(totalMonths(data.spans));
    expect(fields.monthsPaid).toBeLessThan(calendarMonths);
    expect(fields.employerName).toBe(data.spans[data.spans.length - 1].employer);
  });

  it('draws social-insurance spans that each start before they end, in order, however long the earlier ones run', () => {
    const rng = new Rng(307);
    const key = (d: { year: number; month: number }) => d.year * 12 + d.month;
    for (let n = 0; n < 400; n++) {
      const data = makeDocumentData('social_insurance_record', rng, makeSubmissionContext(rng));
      if (data.kind !== 'social_insurance_record') throw new Error('kind');
      for (const [i, s] of data.spans.entries()) {
        expect(key(s.from)).toBeLessThanOrEqual(key(s.to));
        if (i > 0) expect(key(s.from)).toBeGreaterThan(key(data.spans[i - 1].to));
      }
      expect(truthFields(data).monthsPaid).toBeGreaterThan(0);
    }
  });

  it('prints dates and months in the styles documents use', () => {
    const d = { year: 2021, month: 6, day: 18 };
    expect(formatDate(d, 'cn_padded')).toBe('2021年06月18日');
    expect(formatDate(d, 'cn')).toBe('2021年6月18日');
    expect(formatDate(d, 'cn_upper')).toBe('二〇二一年六月十八日');
    expect(formatDate({ year: 2020, month: 10, day: 30 }, 'cn_upper')).toBe('二〇二〇年十月三十日');
    expect(formatDate(d, 'dotted')).toBe('2021.06.18');
    expect(formatMonth({ year: 2015, month: 3, day: 1 }, 'compact')).toBe('201503');
  });
});

describe('template families and the set plan', () => {
  it('has at least one seen and one held-out family for every kind of document', () => {
    for (const kind of DOCUMENT_KINDS) {
      const families = familiesFor(kind);
      expect(
        families.some((f) => !f.heldOut),
        kind,
      ).toBe(true);
      expect(
        families.some((f) => f.heldOut),
        kind,
      ).toBe(true);
    }
  });

  it('plans one file per kind and condition plus multi-document scans', () => {
    const jobs = planSet({ perCell: 2, conditions: ['digital_pdf', 'multi_document_scan'], kinds: DOCUMENT_KINDS });
    expect(jobs.filter((j) => j.condition === 'digital_pdf')).toHaveLength(2 * DOCUMENT_KINDS.length);
    expect(jobs.filter((j) => j.condition === 'multi_document_scan').every((j) => j.kinds.length >= 2)).toBe(true);
  });
});
