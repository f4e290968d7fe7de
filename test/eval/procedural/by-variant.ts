/**
 * Scores a procedural set from its OCR cache (as ocr-cache.ts makes it) by what was drawn: every `capture` tag of a
 * file and every `variants` tag of its document (a `tag@field` variant on that field only), and masked fields (right only when the reader reports no value).
 * Dev-only; `npm run eval` and ocr-cache.ts give the usual report.
 *
 *   node --openssl-legacy-provider --import tsx test/eval/procedural/by-variant.ts --set /work/evalsets/procedural-v2 --cache /work/evalsets/procedural-v2.ocr.json
 */
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import type { FileExtraction } from '../../../shared/documents/index.js';
import { extractDocuments } from '../../../shared/extraction/index.js';
import type { OcrPage } from '../../../shared/ocr/index.js';
import { compareFile } from '../compare.js';
import { loadTruths } from '../truth-files.js';

const opts = new Command('by-variant')
  .requiredOption('--set <dir>', 'folder of files with *.truth.json beside them')
  .requiredOption('--cache <file>', 'OCR cache made by ocr-cache.ts')
  .parse(process.argv.filter((a, i) => !(i > 1 && a === '--')))
  .opts<{ set: string; cache: string }>();

const truths = await loadTruths(opts.set);
const cache = JSON.parse(await readFile(opts.cache, 'utf8')) as Record<string, { pages: OcrPage[]; error?: FileExtraction['error'] }>;
const tally = new Map<string, { right: number; total: number; confidentWrong: number }>();
const add = (tag: string, right: boolean, confidentWrong: boolean) => {
  const t = tally.get(tag) ?? { right: 0, total: 0, confidentWrong: 0 };
  t.total++;
  if (right) t.right++;
  if (confidentWrong) t.confidentWrong++;
  tally.set(tag, t);
};
let masked = 0;
let maskedNotRead = 0;
let maskedConfident = 0;
let skipped = 0;
for (const t of truths) {
  const cached = cache[t.file];
  if (!cached) {
    skipped++;
    continue;
  }
  const documents = cached.error ? [] : extractDocuments(cached.pages);
  const outcome = compareFile(t, cached.error ? { file: t.file, documents: [], error: cached.error } : { file: t.file, documents });
  for (const [i, d] of outcome.documents.entries()) {
    const truthDoc = t.documents[i];
    const tags = [...(t.capture ?? []), ...(truthDoc.variants ?? []), `condition:${t.condition}`];
    // A `tag@field` tag (per-field variants, field-variants.ts) counts that field alone, as `tag (the field)`.
    for (const f of d.fields)
      for (const tag of tags) {
        const at = tag.lastIndexOf('@');
        if (at < 0) add(tag, f.correct, f.confidentWrong);
        else if (tag.slice(at + 1) === f.field) add(`${tag.slice(0, at)} (the field)`, f.correct, f.confidentWrong);
      }
    const predicted = documents.find((p) => p.type === truthDoc.type && p.pages.some((n) => truthDoc.pages.includes(n)));
    for (const field of truthDoc.masked ?? []) {
      masked++;
      const read = predicted?.fields[field];
      const reported = read !== undefined && read.value !== null && read.value !== '';
      if (!reported) maskedNotRead++;
      else if (!read.needsReview) maskedConfident++;
    }
  }
}
const rows = [...tally.entries()].sort(([a], [b]) => a.localeCompare(b));
console.log(`Files scored: ${truths.length - skipped} (${skipped} not in the cache yet)`);
console.log('tag                                      right / total   rate     confident-wrong');
for (const [tag, v] of rows)
  console.log(
    `${tag.padEnd(40)} ${String(v.right).padStart(5)} / ${String(v.total).padEnd(5)}  ${((100 * v.right) / v.total).toFixed(1).padStart(5)} %  ${v.confidentWrong}`,
  );
console.log(`Masked fields: ${masked}; not read (right) ${maskedNotRead}; read anyway ${masked - maskedNotRead}, of them unflagged ${maskedConfident}`);
