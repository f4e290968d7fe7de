/**
 * Dev-only: re-OCR a few files of an eval set with chosen engine options into an OCR cache of their own, so a change
 * to the engine can be scored on just the captures it affects (score with test/eval/procedural/by-variant.ts or
 * test/eval/ocr-cache.ts against the same cache). Prints each file's OCR time.
 *
 *   nice -n 10 node --openssl-legacy-provider --import tsx bench/ocr-captures.ts --set /tmp/small --cache /tmp/small.after.json \
 *     --engine '{"detection":{"minLongSide":1600}}'
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import type { OcrPage } from '../shared/ocr/index.js';
import { createPaddleOcrEngine, type PaddleOcrEngineOptions } from '../shared/ocr/index.js';
import { readFile as readDocumentFile } from '../shared/reading/index.js';
import { loadTruths } from '../test/eval/truth-files.js';

const opts = new Command('ocr-captures')
  .requiredOption('--set <dir>', 'folder of files with *.truth.json beside them')
  .requiredOption('--cache <file>', 'OCR cache to write (files already in it are read again)')
  .option('--engine <json>', 'PaddleOcrEngineOptions as JSON', '{}')
  .option('--only <text>', 'only files whose name contains TEXT')
  .parse(process.argv.filter((a, i) => !(i > 1 && a === '--')))
  .opts<{ set: string; cache: string; engine: string; only?: string }>();

const engine = createPaddleOcrEngine(JSON.parse(opts.engine) as PaddleOcrEngineOptions);
await engine.warmUp();
const truths = (await loadTruths(opts.set)).filter((t) => !opts.only || t.file.includes(opts.only));
const cache: Record<string, { pages: OcrPage[] }> = existsSync(opts.cache) ? JSON.parse(await readFile(opts.cache, 'utf8')) : {};
let total = 0;
for (const t of truths) {
  const bytes = new Uint8Array(await readFile(path.join(opts.set, t.file)));
  const started = performance.now();
  const read = await readDocumentFile(bytes, t.file, { ocr: engine, extract: () => [] });
  const ms = performance.now() - started;
  total += ms;
  cache[t.file] = { pages: read.pages, ...(read.extraction.error ? { error: read.extraction.error } : {}) };
  console.log(`${t.file}  ${(ms / 1000).toFixed(1)} s  rotation ${read.pages.map((p) => p.rotation).join(',')}`);
}
await writeFile(opts.cache, JSON.stringify(cache));
console.log(`${truths.length} files, ${(total / 1000).toFixed(1)} s OCR`);
