/**
 * Extraction's share of reading time on generated scans: OCR (PaddleOCR) milliseconds per page against
 * `extractDocuments` milliseconds per page (everything after OCR), on pages made by the eval generator in the clean,
 * noisy and phone-photo conditions. Goal (issue 4): extraction under 5 % of OCR time per page.
 */
import { existsSync } from 'node:fs';
import { readFile as readBytes } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractDocuments } from '../shared/extraction/index.js';
import { createOcrEngine } from '../shared/ocr/create-ocr-engine.js';
import { createReadingPaddleEngine, readFile } from '../shared/reading/index.js';
import { generateFiles, type GenerationJob } from '../test/eval/generate.js';
import { loadTruths } from '../test/eval/truth-files.js';

const DIR = path.join('bench', 'out', 'extraction-share');
const JOBS: GenerationJob[] = [
  { name: 'clean-skill-level', condition: 'clean_scan', kinds: ['skill_level'] },
  { name: 'clean-social-insurance', condition: 'clean_scan', kinds: ['social_insurance_record'] },
  { name: 'clean-labor-contract', condition: 'clean_scan', kinds: ['labor_contract'] },
  { name: 'noisy-qualification', condition: 'noisy_scan', kinds: ['qualification'] },
  { name: 'noisy-business-license', condition: 'noisy_scan', kinds: ['business_license'] },
  { name: 'photo-id-card', condition: 'phone_photo', kinds: ['id_card'] },
  { name: 'photo-employment-letter', condition: 'phone_photo', kinds: ['employment_letter'] },
];
/** Extraction is fast enough that one run is timer noise; repeat it over the same OCR pages. */
const EXTRACT_REPEATS = 20;

export async function run(): Promise<void> {
  if (!existsSync(path.join(DIR, `${JOBS[JOBS.length - 1].name}.truth.json`))) {
    console.log(`generating ${JOBS.length} scan files in ${DIR} ...`);
    await generateFiles(DIR, JOBS, { seed: 5 });
  }
  const truths = await loadTruths(DIR);
  const ocr = createOcrEngine('paddle', { paddle: () => createReadingPaddleEngine() });
  // Warm-up: the first page pays for loading the model, which is not per-page cost.
  await readFile(new Uint8Array(await readBytes(path.join(DIR, truths[0].file))), truths[0].file, { ocr, extract: (p) => extractDocuments(p) });
  let pages = 0;
  let ocrMs = 0;
  let extractMs = 0;
  for (const truth of truths) {
    const bytes = new Uint8Array(await readBytes(path.join(DIR, truth.file)));
    const result = await readFile(bytes, truth.file, { ocr, extract: (p) => extractDocuments(p) });
    pages += result.pages.length;
    ocrMs += result.timings.ocr;
    const started = performance.now();
    for (let i = 0; i < EXTRACT_REPEATS; i++) extractDocuments(result.pages);
    extractMs += (performance.now() - started) / EXTRACT_REPEATS;
  }
  const ocrPerPage = ocrMs / pages;
  const extractPerPage = extractMs / pages;
  const share = (extractPerPage / ocrPerPage) * 100;
  console.log(`pages: ${pages} (clean, noisy and phone-photo scans from the eval generator)`);
  console.log(`OCR (paddle):          ${ocrPerPage.toFixed(0)} ms/page`);
  console.log(`extraction (after OCR): ${extractPerPage.toFixed(2)} ms/page (mean of ${EXTRACT_REPEATS} runs)`);
  console.log(`extraction share:       ${share.toFixed(2)} % of OCR time (goal < 5 %) ${share < 5 ? 'MET' : 'MISSED'}`);
}
