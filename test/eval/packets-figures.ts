/**
 * Dev-only: the figures of a packet set read from its OCR cache (made by `ocr-cache.ts`), beside what `ocr-cache.ts`
 * prints: digital against images, the share of right fields flagged for review, and the wrong fields and split
 * failures of SEEN families only (held-out families are reported as counts, never listed, so nobody tunes on them).
 *
 *   node --openssl-legacy-provider --import tsx test/eval/packets-figures.ts --set /work/evalsets/packets-v1 --cache /work/evalsets/packets-v1.ocr.json [--list]
 */
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import type { FileExtraction } from '../../shared/documents/index.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { extractDocuments } from '../../shared/extraction/index.js';
import { compareFile, type FieldOutcome } from './compare.js';
import { loadTruths } from './truth-files.js';

const program = new Command('packets-figures')
  .requiredOption('--set <dir>', 'folder of files with *.truth.json beside them')
  .requiredOption('--cache <file>', 'OCR cache made by ocr-cache.ts')
  .option('--list', 'list the wrong fields and split failures of seen families')
  .parse(process.argv.filter((a, i) => !(i > 1 && a === '--')));
const opts = program.opts<{ set: string; cache: string; list?: boolean }>();

const cache: Record<string, { pages: OcrPage[]; error?: FileExtraction['error'] }> = JSON.parse(await readFile(opts.cache, 'utf8'));
// A cache still being made holds only some files: the figures are of those.
const truths = (await loadTruths(opts.set)).filter((t) => cache[t.file]);
console.log(`${truths.length} files read from the cache`);
const outcomes = truths.map((t) => {
  const cached = cache[t.file];
  const extraction: FileExtraction = cached.error
    ? { file: t.file, documents: [], error: cached.error }
    : { file: t.file, documents: extractDocuments(cached.pages) };
  return compareFile(t, extraction);
});
const documents = outcomes.flatMap((o) => o.documents);
const fields = documents.flatMap((d) => d.fields);
const rate = (list: readonly FieldOutcome[]) =>
  `${((100 * list.filter((f) => f.correct).length) / Math.max(1, list.length)).toFixed(1)} % (${list.filter((f) => f.correct).length}/${list.length})`;
const right = fields.filter((f) => f.correct && !f.masked);
const rightFlagged = right.filter((f) => f.needsReview === true);
console.log(`fields right ${rate(fields)}`);
console.log(`digital ${rate(fields.filter((f) => f.condition === 'digital_pdf'))}; images ${rate(fields.filter((f) => f.condition !== 'digital_pdf'))}`);
console.log(`seen ${rate(fields.filter((f) => !f.heldOut))}; held out ${rate(fields.filter((f) => f.heldOut))}`);
for (const type of [...new Set(fields.map((f) => f.type))].sort()) {
  const of = fields.filter((f) => f.type === type);
  console.log(
    `  ${type}: ${rate(of)}; digital ${rate(of.filter((f) => f.condition === 'digital_pdf'))}; images ${rate(of.filter((f) => f.condition !== 'digital_pdf'))}`,
  );
}
for (const family of [...new Set(fields.map((f) => f.family))].sort()) console.log(`  family ${family}: ${rate(fields.filter((f) => f.family === family))}`);
for (const form of [...new Set(fields.map((f) => f.letterForm).filter(Boolean))].sort())
  console.log(`  letter ${form}: ${rate(fields.filter((f) => f.letterForm === form))}`);
const withValue = (f: FieldOutcome) => f.actual !== null && f.actual !== undefined;
console.log(
  `right but flagged ${rightFlagged.length}/${right.length} (${((100 * rightFlagged.length) / Math.max(1, right.length)).toFixed(1)} %); ` +
    `of right values read (not empty) ${rightFlagged.filter(withValue).length}/${right.filter(withValue).length} (${((100 * rightFlagged.filter(withValue).length) / Math.max(1, right.filter(withValue).length)).toFixed(1)} %)`,
);
console.log(`confident-wrong ${fields.filter((f) => f.confidentWrong).length} (seen ${fields.filter((f) => f.confidentWrong && !f.heldOut).length})`);
const multi = documents.filter((d) => d.pages.length > 1);
console.log(
  `multi-page documents with exactly their pages ${multi.filter((d) => d.pagesCorrect).length}/${multi.length} (held out ${multi.filter((d) => d.heldOut && d.pagesCorrect).length}/${multi.filter((d) => d.heldOut).length})`,
);
const splitFiles = outcomes.filter((o) => o.needsSplit);
console.log(
  `split files right ${splitFiles.filter((o) => o.splitCorrect).length}/${splitFiles.length}; documents with exactly their pages ${documents.filter((d) => d.pagesCorrect).length}/${documents.length}`,
);
if (opts.list) {
  for (const f of fields.filter((x) => !x.correct && !x.heldOut)) {
    console.log(
      `  WRONG ${f.file} [${f.condition}, ${f.family}] ${f.type}.${f.field}: expected ${JSON.stringify(f.expected)}, got ${JSON.stringify(f.actual)}${f.needsReview ? ' (flagged)' : ''}`,
    );
  }
  for (const d of documents.filter((x) => !x.pagesCorrect && !x.heldOut && x.pages.length > 0)) {
    console.log(
      `  SPLIT ${d.file} [${d.condition}, ${d.family}] ${d.expectedType}: pages ${d.pages.join(',')}, found ${d.predictedPages?.join(',') ?? 'none'}`,
    );
  }
  for (const o of outcomes.filter((x) => x.needsSplit && !x.splitCorrect && x.documents.every((d) => !d.heldOut))) {
    console.log(
      `  SPLITFILE ${o.file}: ${o.extraDocuments} extra document(s), ${o.pagesRight}/${o.pageCount} pages right, blank ${o.blankPagesRight}/${o.blankPages} left out`,
    );
  }
  console.log(`  (held-out wrong fields not listed: ${fields.filter((x) => !x.correct && x.heldOut).length})`);
}
