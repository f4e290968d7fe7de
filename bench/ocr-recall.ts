/**
 * OCR-only recall on an evaluation set made outside this code (issue 12): the share of truth values found verbatim in
 * the OCR text of their file, read by the engine before page conditioning and second readings and after, on the same
 * files in one run. Digital PDFs are skipped (their text layer is not OCR). Also counts second readings and how often
 * they disagreed, and the CPU each engine spent.
 *
 *   node --openssl-legacy-provider --import tsx bench/ocr-recall.ts --set /work/evalsets/procedural-v1 [--only TEXT,TEXT…] [--limit N]
 *     [--variant TEXT: only files with a document variant containing TEXT, e.g. seal]
 *     [--engines before,after,page: which engines; "page" suppresses coloured ink on the whole page]
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { DEFAULT_INTAKE_LIMITS } from '../shared/intake/index.js';
import { createPaddleOcrEngine, type OcrPage, type PaddleOcrEngine } from '../shared/ocr/index.js';
import { readPages } from '../shared/reading/index.js';
import { BEFORE_CONDITIONING } from './ocr.bench.js';

const args = process.argv.slice(2);
const option = (name: string) => {
  const k = args.indexOf(`--${name}`);
  return k >= 0 ? args[k + 1] : undefined;
};
const set = option('set') ?? '/work/evalsets/procedural-v1';
const only = option('only');
const limit = Number(option('limit') ?? Infinity);
const variant = option('variant');
const engineNames = (option('engines') ?? 'before,after').split(',') as Which[];

interface Truth {
  file: string;
  condition: string;
  documents: { type: string; family?: string; fields: Record<string, unknown>; variants?: string[] }[];
  capture?: string;
}

const squeeze = (text: string) =>
  text
    .replace(/[\s\u3000]/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/：/g, ':');

/** The ways a truth value may be printed: dates in the usual forms; code-like enum values are not printed text. */
function printedForms(value: unknown): string[] {
  if (typeof value === 'number') return [String(value)];
  if (typeof value !== 'string' || value === '' || /^[a-z_]+$/.test(value)) return [];
  const date = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (date) {
    const [, y, m, d] = date;
    return [`${y}年${m}月${d}日`, `${y}年${Number(m)}月${Number(d)}日`, value, `${y}.${m}.${d}`, `${y}/${m}/${d}`, `${y}${m}${d}`];
  }
  return [squeeze(value)];
}

const typeOf = (file: string) => {
  const ext = path.extname(file).slice(1).toLowerCase();
  return ext === 'pdf' ? 'pdf' : ext === 'png' ? 'png' : ext === 'tif' || ext === 'tiff' ? 'tiff' : 'jpeg';
};

const names = (await readdir(set)).filter((n) => n.endsWith('.truth.json')).sort();
const truths: Truth[] = [];
for (const name of names) truths.push(JSON.parse(await readFile(path.join(set, name), 'utf8')) as Truth);
const chosen = truths
  .filter((t) => t.condition !== 'digital_pdf' && (!only || only.split(',').some((o) => t.file.includes(o))))
  .filter((t) => !variant || t.documents.some((d) => d.variants?.some((v) => v.includes(variant))))
  .slice(0, limit);

type Which = 'before' | 'after' | 'page';
const options = { before: BEFORE_CONDITIONING, after: {}, page: { colourSuppression: 'page' as const } };
const used = engineNames.filter((name) => name in options);
const engines: Partial<Record<Which, PaddleOcrEngine>> = Object.fromEntries(used.map((name) => [name, createPaddleOcrEngine(options[name])]));
const reference = used[0];
await engines[reference]!.warmUp();

interface Tally {
  found: number;
  total: number;
}
const byCondition = new Map<string, Partial<Record<Which, Tally>>>();
const cpu: Partial<Record<Which, number>> = {};
let secondReadings = 0;
let disagreements = 0;
const changes: string[] = [];
for (const [i, truth] of chosen.entries()) {
  const bytes = new Uint8Array(await readFile(path.join(set, truth.file)));
  const found: Partial<Record<Which, Set<string>>> = {};
  const order = i % 2 === 0 ? used : [...used].reverse();
  for (const which of order) {
    found[which] = new Set();
    const usage = process.cpuUsage();
    let pages: OcrPage[] = [];
    try {
      pages = (await readPages(bytes, typeOf(truth.file), { ocr: engines[which]!, limits: DEFAULT_INTAKE_LIMITS })).pages;
    } catch (error) {
      console.log(`${truth.file}: ${which} failed: ${(error as Error).message}`);
    }
    const spent = process.cpuUsage(usage);
    cpu[which] = (cpu[which] ?? 0) + (spent.user + spent.system) / 1000;
    const text = squeeze(pages.flatMap((p) => p.lines.map((l) => l.text)).join('|'));
    if (which !== 'before') {
      const lines = pages.flatMap((p) => p.lines);
      secondReadings += lines.filter((l) => l.secondReading).length;
      disagreements += lines.filter((l) => l.secondReading && !l.secondReading.agrees).length;
    }
    for (const [d, document] of truth.documents.entries()) {
      for (const [field, value] of Object.entries(document.fields)) {
        const forms = printedForms(value);
        if (forms.length > 0 && forms.some((form) => text.includes(form))) found[which]!.add(`${d}.${field}`);
      }
    }
  }
  const tally = byCondition.get(truth.condition) ?? Object.fromEntries(used.map((w) => [w, { found: 0, total: 0 }]));
  const scored = truth.documents.flatMap((document, d) =>
    Object.entries(document.fields)
      .filter(([, value]) => printedForms(value).length > 0)
      .map(([field, value]) => ({ key: `${d}.${field}`, value })),
  );
  for (const { key, value } of scored) {
    for (const which of used) {
      tally[which]!.total++;
      if (found[which]!.has(key)) tally[which]!.found++;
      if (which !== reference && found[reference]!.has(key) !== found[which]!.has(key)) {
        changes.push(`${truth.file} ${key} "${String(value)}": ${found[which]!.has(key) ? `found only ${which}` : `LOST ${which}`}`);
      }
    }
  }
  byCondition.set(truth.condition, tally);
  process.stdout.write(`${i + 1}/${chosen.length}\r`);
}

const pct = (t: Tally) => `${t.found}/${t.total} = ${((100 * t.found) / Math.max(1, t.total)).toFixed(1)} %`;
const all: Partial<Record<Which, Tally>> = Object.fromEntries(used.map((w) => [w, { found: 0, total: 0 }]));
console.log(
  `OCR-only recall on ${set} (${chosen.length} files${variant ? ` with a "${variant}" variant` : ''}, digital PDFs skipped): truth values found verbatim in the OCR text`,
);
const row = (label: string, tally: Partial<Record<Which, Tally>>) =>
  console.log(`  ${label.padEnd(14)} ${used.map((w) => `${w} ${pct(tally[w]!).padEnd(18)}`).join(' ')}`);
for (const [condition, tally] of [...byCondition.entries()].sort()) {
  row(condition, tally);
  for (const which of used) {
    all[which]!.found += tally[which]!.found;
    all[which]!.total += tally[which]!.total;
  }
}
row('all', all);
console.log(`  CPU ms/file: ${used.map((w) => `${w} ${Math.round(cpu[w]! / chosen.length)} (${(cpu[w]! / cpu[reference]!).toFixed(3)})`).join(', ')}`);
console.log(`  second readings (engines other than before): ${secondReadings} lines, ${disagreements} disagreeing`);
for (const change of changes) console.log(`  ${change}`);
