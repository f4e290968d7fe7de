import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATE_STYLES, formatDate, formatMonth, MONTH_STYLES } from './factory/dates.js';
import { DOCUMENT_KINDS, LEVEL_NAMES } from './factory/documents.js';
import { generateSet } from './generate.js';
import { pdfPageTexts } from './render/pdf-assembly.js';
import type { TruthFile, TruthValue } from './truth.js';

const KIND_TITLES: Record<string, string> = {
  skill_level: '职业技能等级证书',
  qualification: '职业资格证书',
  special_ability: '专项职业能力证书',
  special_operation: '特种作业操作证',
  training_completion: '培训合格证书',
};

const squash = (s: string): string => s.replace(/\s+/gu, '');

/** The forms a truth value may take on the page (dates and levels are printed, not normalised). */
function printedForms(field: string, value: TruthValue): string[] | undefined {
  if (value === null) return field === 'endDate' ? ['无固定期限'] : undefined;
  if (field === 'monthsPaid') return undefined; // some layouts print no total: it is counted from the spans
  if (field === 'certificateKind') return [KIND_TITLES[String(value)]];
  if (field === 'level') return [LEVEL_NAMES[Number(value)].grade, LEVEL_NAMES[Number(value)].title];
  const text = String(value);
  let m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (m) {
    const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
    return DATE_STYLES.map((style) => formatDate(d, style));
  }
  m = /^(\d{4})-(\d{2})$/.exec(text);
  if (m) return MONTH_STYLES.map((style) => formatMonth({ year: Number(m![1]), month: Number(m![2]), day: 1 }, style));
  return [text];
}

describe('the document generator (digital condition, one chromium for the file)', () => {
  let dir: string;
  let truths: TruthFile[];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'eval-smoke-'));
    truths = await generateSet({ dir, perCell: 1, conditions: ['digital_pdf'], seed: 4 });
  }, 300_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('renders one PDF of each kind of document with as many pages as its truth says', async () => {
    expect(truths).toHaveLength(DOCUMENT_KINDS.length);
    for (const truth of truths) {
      const pages = pdfPageTexts(await readFile(path.join(dir, truth.file)));
      expect(pages, truth.file).toHaveLength(truth.pageCount);
      expect(
        pages.every((p) => squash(p).length > 20),
        truth.file,
      ).toBe(true);
    }
  });

  it('prints every truth value in the PDF text layer, in one of its printed forms', async () => {
    for (const truth of truths) {
      const [doc] = truth.documents;
      const text = squash(pdfPageTexts(await readFile(path.join(dir, truth.file))).join('\n'));
      for (const [field, value] of Object.entries(doc.fields)) {
        const forms = printedForms(field, value);
        if (!forms) continue;
        expect(
          forms.some((f) => text.includes(squash(f))),
          `${truth.file} ${field} = ${JSON.stringify(value)}`,
        ).toBe(true);
      }
    }
  });
});
