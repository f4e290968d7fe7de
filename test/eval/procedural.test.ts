import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateRegistrationNumber as isValidRegistrationNumber } from '../../shared/extraction/credit-code.js';
import { formatMonth, MONTH_STYLES } from './factory/dates.js';
import { LEVEL_NAMES } from './factory/documents.js';
import { printedDateForms } from './procedural/dates.js';
import { PROCEDURAL_FAMILIES, PROCEDURAL_H3_FAMILIES } from './procedural/families.js';
import { generateProcedural, planProcedural } from './procedural/generate.js';
import { pdfPageTexts } from './render/pdf-assembly.js';
import type { TruthFile, TruthValue } from './truth.js';
import { truthFileSchema } from './truth.js';

const KIND_TITLES: Record<string, string> = {
  skill_level: '职业技能等级证书',
  qualification: '职业资格证书',
  special_ability: '专项职业能力证书',
  special_operation: '特种作业操作证',
  training_completion: '培训',
};

const squash = (s: string): string => s.replace(/\s+/gu, '');

function printedForms(field: string, value: TruthValue): string[] | undefined {
  if (value === null) return ['无固定期限'];
  if (field === 'monthsPaid') return [`${value}个月`, `${value}月`];
  if (field === 'certificateKind') return [KIND_TITLES[String(value)]];
  if (field === 'level') return [LEVEL_NAMES[Number(value)].grade, LEVEL_NAMES[Number(value)].title];
  const text = String(value);
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return printedDateForms(text);
  const m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) return MONTH_STYLES.map((style) => formatMonth({ year: Number(m[1]), month: Number(m[2]), day: 1 }, style));
  return [text];
}

/** Each truth value is in the page's text (squashed) in one of the forms it may be printed in. */
function expectEveryValuePrinted(file: string, fields: Record<string, TruthValue>, text: string): void {
  for (const [field, value] of Object.entries(fields)) {
    const forms = printedForms(field, value)!;
    expect(
      forms.some((f) => text.includes(squash(f))),
      `${file} ${field} = ${JSON.stringify(value)}`,
    ).toBe(true);
  }
}
describe('the procedural generator (one digital PDF per family, one chromium)', () => {
  let dir: string;
  let truths: TruthFile[];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'procedural-'));
    truths = await generateProcedural(dir, planProcedural({ rounds: 1, conditions: ['digital_pdf'] }), { seed: 31 });
  }, 300_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('makes one file per family with a truth file in the shared format, seen and held-out families both present', () => {
    expect(truths.map((t) => t.documents[0].family).sort()).toEqual(PROCEDURAL_FAMILIES.map((f) => f.name).sort());
    for (const t of truths) expect(() => truthFileSchema.parse(t)).not.toThrow();
    expect(truths.some((t) => t.documents[0].heldOut)).toBe(true);
    expect(truths.some((t) => !t.documents[0].heldOut)).toBe(true);
  });

  it('prints every truth value in the PDF text layer in one of its printed forms', async () => {
    for (const t of truths) {
      const [doc] = t.documents;
      const text = squash(pdfPageTexts(await readFile(path.join(dir, t.file))).join('\n'));
      expect(text.length, t.file).toBeGreaterThan(40);
      expectEveryValuePrinted(t.file, doc.fields, text);
    }
  });

  it('keeps masked fields out of the truth fields', () => {
    for (const t of truths) for (const f of t.documents[0].masked ?? []) expect(t.documents[0].fields, `${t.file} ${f}`).not.toHaveProperty(f);
  });

  it('gives pre-2016 licences a 15-digit 注册号 that passes the MOD 11,10 check', () => {
    for (const t of truths) {
      const code = t.documents[0].fields.creditCode;
      if (typeof code === 'string' && /^\d+$/.test(code)) expect(isValidRegistrationNumber(code), code).toBe(true);
    }
  });
});

describe('the proc-H3 held-out families (three digital PDFs per family, one chromium)', () => {
  let dir: string;
  let truths: TruthFile[];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'procedural-h3-pdf-'));
    truths = await generateProcedural(dir, planProcedural({ rounds: 3, conditions: ['digital_pdf'], families: PROCEDURAL_H3_FAMILIES }), { seed: 32 });
  }, 300_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('makes three held-out files per family with truth files in the shared format', () => {
    expect(truths).toHaveLength(15);
    for (const t of truths) {
      expect(() => truthFileSchema.parse(t)).not.toThrow();
      expect(t.documents[0].heldOut).toBe(true);
      expect(t.documents[0].family.endsWith('/proc-H3')).toBe(true);
    }
  });

  it('prints every truth value in the PDF text layer in one of its printed forms, masked fields left out of the truth', async () => {
    for (const t of truths) {
      const [doc] = t.documents;
      const text = squash(pdfPageTexts(await readFile(path.join(dir, t.file))).join('\n'));
      expectEveryValuePrinted(t.file, doc.fields, text);
      for (const f of doc.masked ?? []) expect(doc.fields, `${t.file} ${f}`).not.toHaveProperty(f);
    }
  });
});

describe('the 注册号 check digit (ISO 7064 MOD 11,10)', () => {
  it('accepts the published GS 15-2006 example and rejects it with any other last digit', () => {
    expect(isValidRegistrationNumber('110108000000016')).toBe(true);
    for (let d = 0; d <= 9; d++) if (d !== 6) expect(isValidRegistrationNumber(`11010800000001${d}`)).toBe(false);
    expect(isValidRegistrationNumber('11010800000001')).toBe(false);
  });
});
