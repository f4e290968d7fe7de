import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATE_STYLES, formatDate } from './factory/dates.js';
import { generateFiles, type GenerationJob, PACKETS_V3_FAMILIES, planPackets } from './generate.js';
import { pdfPageCount, pdfPageTexts } from './render/pdf-assembly.js';
import { CONTRACT_PACKET_FAMILIES } from './templates/agreements.js';
import { LETTER_PROSE_FAMILIES } from './templates/letters.js';
import type { TruthFile, TruthValue } from './truth.js';

const squash = (s: string): string => s.replace(/\s+/gu, '');

function printed(value: TruthValue): string[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(value));
  if (!m) return [String(value)];
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return DATE_STYLES.map((style) => formatDate(d, style));
}

const includesAny = (text: string, forms: readonly string[]): boolean => forms.some((f) => text.includes(squash(f)));

describe('planPackets', () => {
  const jobs = planPackets({ count: 24, seed: 3 });

  it('mixes contracts, letters and certificate + contract + 聘书 packets, with every packet family in turn', () => {
    expect(jobs).toHaveLength(24);
    expect(jobs.some((j) => j.kinds.length === 3 && j.kinds.includes('skill_level'))).toBe(true);
    const families = new Set(jobs.flatMap((j) => j.families ?? []).filter(Boolean));
    for (const f of [...CONTRACT_PACKET_FAMILIES, ...LETTER_PROSE_FAMILIES]) expect(families.has(f.name), f.name).toBe(true);
    expect(CONTRACT_PACKET_FAMILIES.some((f) => f.heldOut) && LETTER_PROSE_FAMILIES.some((f) => f.heldOut)).toBe(true);
  });

  it('puts blank back sides only on scans of multi-page files', () => {
    const duplex = jobs.filter((j) => j.blankBacks);
    expect(duplex.length).toBeGreaterThan(0);
    expect(duplex.every((j) => j.condition !== 'digital_pdf' && j.condition !== 'phone_photo' && j.kinds.includes('labor_contract'))).toBe(true);
  });

  it('draws only the families made for packets-v3 when asked, all of them held out', () => {
    const v3 = planPackets({ count: 12, seed: 31, families: PACKETS_V3_FAMILIES });
    const named = new Set(v3.flatMap((j) => j.families ?? []).filter(Boolean));
    expect([...named].sort()).toEqual(['contract/party-table', 'letter/notice']);
  });

  it('is reproducible from its seed', () => {
    expect(planPackets({ count: 24, seed: 3 })).toEqual(jobs);
    expect(planPackets({ count: 24, seed: 4 })).not.toEqual(jobs);
  });
});

describe('the packet generator (one chromium for the file)', () => {
  let dir: string;
  let truths: TruthFile[];
  const jobs: GenerationJob[] = [
    {
      name: 'model',
      condition: 'digital_pdf',
      kinds: ['labor_contract', 'employment_letter'],
      families: ['contract/model', 'letter/prose'],
      addressLikeName: true,
    },
    { name: 'employer', condition: 'digital_pdf', kinds: ['labor_contract', 'employment_letter'], families: ['contract/employer', 'letter/card'] },
    {
      name: 'booklet',
      condition: 'digital_pdf',
      kinds: ['skill_level', 'labor_contract', 'employment_letter'],
      families: [undefined, 'contract/booklet', 'letter/decree'],
    },
    { name: 'v3', condition: 'digital_pdf', kinds: ['labor_contract', 'employment_letter'], families: ['contract/party-table', 'letter/notice'] },
    { name: 'duplex', condition: 'clean_scan', kinds: ['labor_contract'], families: ['contract/employer'], blankBacks: true },
  ];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'eval-packets-'));
    truths = await generateFiles(dir, jobs, { seed: 11, dpi: 100 });
  }, 300_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("prints every contract field on the contract's own pages and the signing date on its last page", async () => {
    for (const truth of truths.filter((t) => t.condition === 'digital_pdf')) {
      const pages = pdfPageTexts(await readFile(path.join(dir, truth.file))).map(squash);
      expect(pages, truth.file).toHaveLength(truth.pageCount);
      const contract = truth.documents.find((d) => d.type === 'labor_contract')!;
      expect(contract.pages.length, truth.file).toBeGreaterThanOrEqual(2);
      const text = contract.pages.map((p) => pages[p - 1]).join('\n');
      for (const [field, value] of Object.entries(contract.fields)) {
        if (value === null) continue;
        expect(includesAny(text, printed(value)), `${truth.file} ${field}`).toBe(true);
      }
      const last = pages[contract.pages[contract.pages.length - 1] - 1];
      expect(includesAny(last, printed(contract.fields.signedDate)), `${truth.file} signing date on the last page`).toBe(true);
    }
  });

  it('records the letter form, prints the name whole, and prints an end date only when the term is a span', async () => {
    for (const truth of truths.filter((t) => t.condition === 'digital_pdf')) {
      const pages = pdfPageTexts(await readFile(path.join(dir, truth.file))).map(squash);
      const letter = truth.documents.find((d) => d.type === 'employment_letter')!;
      expect(letter.letterForm, truth.file).toMatch(/^(appoint|decision|salutation)\/(range|years)$/);
      const text = letter.pages.map((p) => pages[p - 1]).join('\n');
      expect(text).toContain(squash(String(letter.fields.employeeName)));
      expect(text).toContain(squash(String(letter.fields.employerName)));
      expect(includesAny(text, printed(letter.fields.endDate)), `${truth.file} end date printed`).toBe(letter.letterForm!.endsWith('/range'));
    }
    expect(truths[0].documents[0].fields.employeeName).toMatch(/[君生士卿]$/);
  });

  it('puts a blank back side after each page of a duplex scan and in no document', async () => {
    const duplex = truths.find((t) => t.file.startsWith('duplex'))!;
    expect(pdfPageCount(await readFile(path.join(dir, duplex.file)))).toBe(duplex.pageCount);
    const contract = duplex.documents[0];
    expect(contract.pages).toEqual(contract.pages.map((_, i) => 2 * i + 1));
    expect(duplex.blankPages?.every((p) => p % 2 === 0 && !contract.pages.includes(p))).toBe(true);
    expect(contract.pages.length + (duplex.blankPages?.length ?? 0)).toBe(duplex.pageCount);
  });
});
