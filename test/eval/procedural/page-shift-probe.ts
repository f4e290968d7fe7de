/**
 * Counts the pages of a set whose fill-in offset the reader measures (page-shift.ts), by whether the generator shifted
 * the page, with the offset as a share of the row pitch. Dev sets only (never a held-out set's per-file output):
 *
 *   node --import tsx test/eval/procedural/page-shift-probe.ts --set DIR --cache CACHE
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import { buildPageLayout } from '../../../shared/extraction/index.js';
import { fillInOffset } from '../../../shared/extraction/page-shift.js';
import type { OcrPage } from '../../../shared/ocr/index.js';

const opts = new Command('page-shift-probe')
  .requiredOption('--set <dir>')
  .requiredOption('--cache <file>')
  .parse(process.argv.filter((a, i) => !(i > 1 && a === '--')))
  .opts<{ set: string; cache: string }>();
const cache = JSON.parse(await readFile(opts.cache, 'utf8')) as Record<string, { pages: OcrPage[] }>;
const counts = { shiftedFired: 0, shiftedQuiet: 0, otherFired: 0, otherQuiet: 0 };
for (const [file, { pages }] of Object.entries(cache)) {
  const truthPath = path.join(opts.set, file.replace(/\.[a-z]+$/, '.truth.json'));
  const truth = await readFile(truthPath, 'utf8').catch(() => '');
  const shifted = truth.includes('values:page-shift');
  for (const page of pages) {
    const layout = buildPageLayout(page);
    const offset = fillInOffset(layout);
    const key = `${shifted ? 'shifted' : 'other'}${offset === undefined ? 'Quiet' : 'Fired'}` as keyof typeof counts;
    counts[key]++;
    if (offset !== undefined || shifted) console.log(`${file}: ${offset === undefined ? '-' : (offset / layout.medianLineHeight).toFixed(2) + ' lines'}`);
  }
}
console.log(JSON.stringify(counts));
