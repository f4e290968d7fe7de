/**
 * Dev-only: from an OCR cache (ocr-cache.ts or ocr-captures.ts), the share of truth values found verbatim in each
 * file's OCR text, by capture tag — what the engine holds, against what the reader then takes (by-variant.ts). A
 * capture whose values are in the text but not read is the reader's to fix, not the engine's. No OCR is run.
 *
 *   node --openssl-legacy-provider --import tsx bench/ocr-captures-recall.ts --set /work/evalsets/procedural-v2 --cache /work/evalsets/procedural-v2.ocr.json
 */
import { readFile } from 'node:fs/promises';
import { Command } from 'commander';
import type { OcrPage } from '../shared/ocr/index.js';
import { loadTruths } from '../test/eval/truth-files.js';

const opts = new Command('ocr-captures-recall')
  .requiredOption('--set <dir>', 'folder of files with *.truth.json beside them')
  .requiredOption('--cache <file>', 'OCR cache')
  .parse(process.argv.filter((a, i) => !(i > 1 && a === '--')))
  .opts<{ set: string; cache: string }>();

const squeeze = (text: string) =>
  text
    .replace(/[\s\u3000]/g, '')
    .replace(/（/g, '(')
    .replace(/）/g, ')')
    .replace(/：/g, ':');

/** The ways a truth value may be printed (as bench/ocr-recall.ts counts them); enum codes are not printed text. */
function printedForms(value: unknown): string[] {
  if (typeof value === 'number') return [String(value)];
  if (typeof value !== 'string' || value === '' || /^[a-z_]+$/.test(value)) return [];
  const date = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(value);
  if (date) {
    const [, y, m, d] = date;
    if (!d) return [`${y}年${m}月`, `${y}年${Number(m)}月`, value, `${y}.${m}`, `${y}/${m}`];
    return [`${y}年${m}月${d}日`, `${y}年${Number(m)}月${Number(d)}日`, value, `${y}.${m}.${d}`, `${y}/${m}/${d}`, `${y}${m}${d}`];
  }
  return [squeeze(value)];
}

const truths = await loadTruths(opts.set);
const cache = JSON.parse(await readFile(opts.cache, 'utf8')) as Record<string, { pages: OcrPage[] }>;
const tally = new Map<string, { found: number; total: number }>();
for (const t of truths) {
  const cached = cache[t.file];
  if (!cached || t.condition === 'digital_pdf') continue;
  const text = squeeze(cached.pages.flatMap((p) => p.lines.map((l) => l.text)).join(''));
  for (const d of t.documents) {
    for (const value of Object.values(d.fields)) {
      const forms = printedForms(value);
      if (forms.length === 0) continue;
      const found = forms.some((f) => text.includes(f));
      for (const tag of t.capture ?? ['photo:none']) {
        const row = tally.get(tag) ?? { found: 0, total: 0 };
        row.total++;
        if (found) row.found++;
        tally.set(tag, row);
      }
    }
  }
}
console.log('capture tag                      in OCR text verbatim');
for (const [tag, { found, total }] of [...tally.entries()].sort(([a], [b]) => a.localeCompare(b))) {
  console.log(`${tag.padEnd(32)} ${String(found).padStart(3)} / ${String(total).padEnd(3)} ${((100 * found) / total).toFixed(1)} %`);
}
