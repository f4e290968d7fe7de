import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocumentData, makeSubmissionContext } from './factory/documents.js';
import { Rng } from './factory/random.js';
import { generateFiles, type GenerationJob, PACKET_VARIATIONS, PACKETS_CAPTURED_FAMILIES, planPackets } from './generate.js';
import { pdfPageCount } from './render/pdf-assembly.js';
import { familiesFor } from './templates/index.js';
import { LETTER_WIDE_FAMILIES } from './templates/letters.js';
import type { TruthFile } from './truth.js';

describe('planPackets with the captured plan (packet24)', () => {
  const jobs = planPackets({ count: 24, seed: 9871, families: PACKETS_CAPTURED_FAMILIES });

  it('draws every variation in turn, each on the files it fits', () => {
    const drawn = new Map(PACKET_VARIATIONS.map((v) => [v, jobs.filter((j) => j.variation === v)]));
    for (const v of PACKET_VARIATIONS) expect(drawn.get(v)!.length, v).toBeGreaterThanOrEqual(4);
    expect(drawn.get('seal_only_employer')!.every((j) => j.kinds.includes('employment_letter'))).toBe(true);
    for (const v of ['turned_pages', 'two_up'] as const)
      expect(
        drawn.get(v)!.every((j) => j.kinds.includes('labor_contract')),
        v,
      ).toBe(true);
  });

  it('turns pages only in a feeder’s scans and lays two pages to an image only on a glass or a phone, without back sides', () => {
    expect(jobs.filter((j) => j.variation === 'turned_pages').every((j) => ['clean_scan', 'noisy_scan'].includes(j.condition))).toBe(true);
    const twoUp = jobs.filter((j) => j.variation === 'two_up');
    expect(twoUp.every((j) => ['clean_scan', 'phone_photo'].includes(j.condition) && !j.blankBacks)).toBe(true);
  });

  it('draws two documents to an image in turn: a certificate beside an ID card, a 聘书 beside a certificate, two certificates (pair25)', () => {
    const paired = planPackets({ count: 48, seed: 9921, families: PACKETS_CAPTURED_FAMILIES }).filter((j) => j.variation === 'two_documents');
    const pairs = paired.map((j) =>
      j.kinds
        .slice(-2)
        .map((k) => (k === 'id_card' || k === 'employment_letter' ? k : 'certificate'))
        .join('+'),
    );
    expect(new Set(pairs)).toEqual(new Set(['certificate+id_card', 'employment_letter+certificate', 'certificate+certificate', 'id_card+certificate']));
    expect(paired.every((j) => ['clean_scan', 'phone_photo'].includes(j.condition) && !j.blankBacks)).toBe(true);
  });

  it('draws seen families only', () => {
    const named = jobs.flatMap((j) => j.families ?? []).filter((f): f is string => f !== undefined);
    const heldOut = new Set(
      ['labor_contract', 'employment_letter', 'skill_level'].flatMap((k) =>
        familiesFor(k as never)
          .filter((f) => f.heldOut)
          .map((f) => f.name),
      ),
    );
    expect(named.filter((f) => heldOut.has(f))).toEqual([]);
  });
});

describe('a 聘书 whose employer is only in its seal', () => {
  it('prints no signature line with the employer’s name, only the seal', () => {
    const rng = new Rng(9872);
    for (const family of LETTER_WIDE_FAMILIES) {
      for (let i = 0; i < 6; i++) {
        const data = makeDocumentData('employment_letter', rng, makeSubmissionContext(rng));
        if (data.kind !== 'employment_letter') throw new Error('not a letter');
        const body = family.render({ ...data, sealOnly: true }, rng)[0].body;
        expect(body, family.name).not.toContain(`<div class="row">${data.enterprise.name}`);
        expect(body, family.name).toContain(data.enterprise.name);
      }
    }
  });
});

describe('the packet generator’s variations (one chromium for the file)', () => {
  let dir: string;
  let truths: TruthFile[];
  const jobs: GenerationJob[] = [
    { name: 'turned', condition: 'clean_scan', kinds: ['labor_contract'], families: ['contract/model-wide'], variation: 'turned_pages' },
    {
      name: 'two-up',
      condition: 'clean_scan',
      kinds: ['labor_contract', 'employment_letter'],
      families: ['contract/employer-wide', 'letter/prose-wide'],
      variation: 'two_up',
    },
    {
      name: 'two-documents',
      condition: 'clean_scan',
      kinds: ['employment_letter', 'skill_level', 'id_card'],
      families: ['letter/prose-wide', 'certificate/ribbon', 'id-card/copy'],
      variation: 'two_documents',
    },
  ];

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'eval-captured-'));
    truths = await generateFiles(dir, jobs, { seed: 9873, dpi: 60 });
  }, 300_000);

  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('keeps a page a file page when it is turned, and tags the document', async () => {
    const turned = truths.find((t) => t.file.startsWith('turned'))!;
    const contract = turned.documents[0];
    expect(contract.structure).toContain('turned_pages');
    expect(contract.pages).toEqual(contract.pages.map((_, i) => i + 1));
    expect(pdfPageCount(await readFile(path.join(dir, turned.file)))).toBe(turned.pageCount);
  });

  it('gives two pages of a document to one file page, never two documents to one page', async () => {
    const twoUp = truths.find((t) => t.file.startsWith('two-up'))!;
    const [contract, letter] = twoUp.documents;
    expect(contract.structure).toContain('two_up');
    expect(letter.structure ?? []).not.toContain('two_up');
    expect(pdfPageCount(await readFile(path.join(dir, twoUp.file)))).toBe(twoUp.pageCount);
    expect(twoUp.pageCount).toBeLessThan(contract.structure!.filter((s) => /^pages_\d$/.test(s)).map((s) => Number(s.slice(6)))[0] + 1);
    expect(letter.pages).toEqual([twoUp.pageCount]);
    expect(contract.pages).toEqual(contract.pages.map((_, i) => i + 1));
  });

  it('lays the last two documents in one image, both holding that page with the side each lies on', () => {
    const paired = truths.find((t) => t.file.startsWith('two-documents'))!;
    const [letter, certificate, card] = paired.documents;
    expect(paired.pageCount).toBe(2);
    expect(letter.pages).toEqual([1]);
    expect(letter.parts).toBeUndefined();
    expect(certificate.pages).toEqual([2]);
    expect(card.pages).toEqual([2]);
    expect(certificate.structure).toContain('two_documents');
    const sides = [certificate.parts![0].side, card.parts![0].side].sort();
    expect([
      ['left', 'right'],
      ['bottom', 'top'],
    ]).toContainEqual(sides);
  });
});
