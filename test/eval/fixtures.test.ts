import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURE_DIR, FIXTURE_JOBS } from './make-fixtures.js';
import { pdfPageCount } from './render/pdf-assembly.js';
import { loadTruths } from './truth-files.js';

describe('the committed fixture set', () => {
  it('holds every job of the fixture plan with a truth file whose pages match the file', async () => {
    const truths = await loadTruths(FIXTURE_DIR);
    expect(truths.map((t) => t.file.replace(/\.[a-z]+$/, '')).sort()).toEqual(FIXTURE_JOBS.map((j) => j.name).sort());
    for (const truth of truths) {
      const file = path.join(FIXTURE_DIR, truth.file);
      expect(existsSync(file), truth.file).toBe(true);
      const pages = truth.file.endsWith('.pdf') ? pdfPageCount(readFileSync(file)) : 1;
      expect(pages, truth.file).toBe(truth.pageCount);
      expect(truth.documents.flatMap((d) => d.pages).sort((a, b) => a - b)).toEqual(Array.from({ length: pages }, (_, i) => i + 1));
    }
  });

  it('covers every condition, every document type and at least one held-out family', async () => {
    const truths = await loadTruths(FIXTURE_DIR);
    expect(new Set(truths.map((t) => t.condition)).size).toBe(6);
    const docs = truths.flatMap((t) => t.documents);
    expect(new Set(docs.map((d) => d.type))).toEqual(
      new Set([
        'vocational_certificate',
        'labor_contract',
        'employment_letter',
        'social_insurance_record',
        'business_license',
        'internship_agreement',
        'id_card',
      ]),
    );
    expect(docs.some((d) => d.heldOut)).toBe(true);
  });
});
