/**
 * Dev-only: iterate on the reader without re-running OCR. The first run over a set reads every file once (as
 * `intake extract` would) and saves its OcrPages to a cache file; later runs feed the cached pages straight to
 * `extractDocuments` and score the result like `npm run eval` does. Throughput is not measured here.
 *
 *   node --openssl-legacy-provider --import tsx test/eval/ocr-cache.ts --set test/fixtures/documents --cache /tmp/fixtures.ocr.json --verbose
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import type { FileExtraction } from '../../shared/documents/index.js';
import { extractDocuments } from '../../shared/extraction/index.js';
import { createOcrEngine } from '../../shared/ocr/create-ocr-engine.js';
import type { OcrEngine, OcrPage } from '../../shared/ocr/index.js';
import { createReadingPaddleEngine, readFile as readDocumentFile } from '../../shared/reading/index.js';
import { compareFile } from './compare.js';
import { summarise } from './metrics.js';
import { twoPassReading, type CachedReading } from './second-look-cache.js';
import { formatCalibration, formatReport } from './report.js';
import { loadTruths } from './truth-files.js';

interface CachedFile extends CachedReading {
  error?: FileExtraction['error'];
}

const program = new Command('ocr-cache')
  .requiredOption('--set <dir>', 'folder of files with *.truth.json beside them')
  .requiredOption('--cache <file>', 'JSON file of OcrPages per file (made on first use)')
  .option('--verbose', 'list every wrong field and split failure')
  .option('--only <text>', 'only files whose name contains TEXT')
  .option('--straighten-photos', 'straighten pages photographed on a desk before OCR (off by default in the engine path)')
  .option('--dump <text>', 'print the OCR lines of files whose name contains TEXT')
  .option('--first-pass', "score the page's pass only (no second look)")
  .option('--thresholds <list>', 'also re-run the reader at these review thresholds (comma-separated) and print the calibration table')
  .parse(process.argv.filter((a, i) => !(i > 1 && a === '--')));
const opts = program.opts<{
  set: string;
  cache: string;
  straightenPhotos?: boolean;
  verbose?: boolean;
  only?: string;
  dump?: string;
  thresholds?: string;
  firstPass?: boolean;
}>();

const truths = (await loadTruths(opts.set)).filter((t) => !opts.only || t.file.includes(opts.only));
const cache: Record<string, CachedFile> = existsSync(opts.cache) ? JSON.parse(await readFile(opts.cache, 'utf8')) : {};
const missing = truths.filter((t) => !cache[t.file]);
if (missing.length > 0) {
  // As `intake extract` reads: seal rings only on a 聘书 that may name its employer in its seal alone.
  const ocr = createOcrEngine('paddle', { paddle: () => createReadingPaddleEngine() });
  for (const [i, t] of missing.entries()) {
    process.stdout.write(`OCR ${i + 1}/${missing.length} ${t.file} ... `);
    const started = Date.now();
    const bytes = new Uint8Array(await readFile(path.join(opts.set, t.file)));
    const read = await readDocumentFile(bytes, t.file, { ocr, extract: () => [], straightenPhotos: opts.straightenPhotos });
    cache[t.file] = { pages: read.pages, ...(read.extraction.error ? { error: read.extraction.error } : {}) };
    await writeFile(opts.cache, JSON.stringify(cache));
    console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
}

// The second look: regions the reader asks to read again, read on first use and kept in the cache beside the pages.
let engine: OcrEngine | undefined;
const lazyEngine = () => (engine ??= createReadingPaddleEngine());
const score = async (reviewThreshold?: number) => {
  const options = reviewThreshold === undefined ? {} : { reviewThreshold };
  let fired = 0;
  let made = 0;
  const outcomes = [];
  for (const t of truths) {
    const cached = cache[t.file]!;
    let documents = cached.error ? [] : extractDocuments(cached.pages, options);
    if (!cached.error && !opts.firstPass) {
      const read = await twoPassReading(cached, path.join(opts.set, t.file), lazyEngine, options);
      documents = read.documents;
      fired += read.regions > 0 ? 1 : 0;
      made += read.made;
    }
    const extraction: FileExtraction = cached.error ? { file: t.file, documents: [], error: cached.error } : { file: t.file, documents };
    outcomes.push(compareFile(t, extraction));
  }
  if (made > 0) await writeFile(opts.cache, JSON.stringify(cache));
  if (!opts.firstPass && reviewThreshold === undefined) console.log(`second look: ${fired} files read regions again (${made} regions read now)`);
  return outcomes;
};

for (const t of truths) {
  if (!opts.dump || !t.file.includes(opts.dump)) continue;
  for (const page of cache[t.file]!.pages) {
    console.log(`--- ${t.file} page ${page.pageNumber} (${page.width}×${page.height}, rotation ${page.rotation}, ${page.source})`);
    for (const line of page.lines)
      console.log(
        `  [${line.box.x.toFixed(0)},${line.box.y.toFixed(0)} ${line.box.width.toFixed(0)}×${line.box.height.toFixed(0)}] ${line.confidence.toFixed(2)} ${line.text}`,
      );
  }
}
console.log(formatReport(summarise(await score()), undefined, { verbose: opts.verbose }));
if (opts.thresholds) {
  const thresholds = opts.thresholds
    .split(',')
    .map(Number)
    .filter((n) => n > 0 && n <= 1);
  const summaries = [];
  for (const threshold of thresholds) summaries.push({ threshold, summary: summarise(await score(threshold)) });
  console.log(formatCalibration(summaries));
}
