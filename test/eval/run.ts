/**
 * `npm run eval`: generates (or reuses) a labelled set, runs `intake extract --json` over it as a subprocess in
 * chunks, compares with the truth files and prints accuracy by type, field, condition and family group, document-type
 * and split accuracy, confident-wrong fields with examples, pages per minute, and the goals against the figures.
 * Exits 0 even when goals are missed: it measures, it does not gate.
 *
 *   npm run eval                                   # default set (made once under test/eval/generated/default)
 *   npm run eval -- --set test/fixtures/documents  # any folder of files with *.truth.json beside them
 *   npm run eval -- --generate 3 --seed 7          # a fresh, larger set: 3 documents per type × condition
 *   npm run eval -- --conditions digital_pdf,noisy_scan --chunk 10 --json report.json
 *   npm run eval -- --echo                         # feed the truth back as predictions (checks the evaluator)
 *   npm run eval -- --predictions run.json --verbose  # save a run's output, later re-score it without reading again
 */
import { existsSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Command } from 'commander';
import type { FileExtraction } from '../../shared/documents/index.js';
import { compareFile } from './compare.js';
import { truthAsExtraction } from './echo.js';
import { runExtract } from './extract-runner.js';
import { DOCUMENT_KINDS, type DocumentKind } from './factory/documents.js';
import {
  generateFiles,
  generateSet,
  PACKET_VARIATIONS,
  PACKETS_CAPTURED_FAMILIES,
  PACKETS_V3_FAMILIES,
  PACKETS_WIDE_FAMILIES,
  planPackets,
} from './generate.js';
import { summarise } from './metrics.js';
import { formatReport } from './report.js';
import { ALL_CONDITIONS, type ConditionName, conditionSchema } from './truth.js';
import { loadTruths } from './truth-files.js';

const DEFAULT_SET = path.join('test', 'eval', 'generated', 'default');
const DEFAULT_PER_CELL = 1;
/** Packet files (multi-page contracts, 聘书 letters, certificate + contract + 聘书) per unit of `--generate`. */
const PACKETS_PER_CELL = 6;

function list<T extends string>(value: string | undefined, allowed: readonly T[], what: string): T[] | undefined {
  if (!value) return undefined;
  const items = value
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = items.filter((i) => !allowed.includes(i as T));
  if (bad.length > 0) throw new Error(`unknown ${what}: ${bad.join(', ')} (allowed: ${allowed.join(', ')})`);
  return items as T[];
}

async function main(): Promise<void> {
  const program = new Command('eval')
    .option('--set <dir>', 'folder of files with *.truth.json beside them')
    .option('--generate <n>', 'generate a fresh set with N documents per type and condition')
    .option('--packets <n>', 'generate (into --set, or a fresh folder) N packet files: multi-page contracts, 聘书 letters, certificate + contract + 聘书')
    .option(
      '--packet-families <name>',
      'with --packets: `v3` draws only the families made for packets-v3; `wide` the wide seen families (letters19c); `captured` the wide ones as people scan and photograph them (turned pages, two pages to an image, 聘书 sealed only; packet24)',
    )
    .option('--variation <name>', `with --packets and \`--packet-families captured\`: keep only the files of one variation (${PACKET_VARIATIONS.join(', ')})`)
    .option('--conditions <list>', `comma-separated: ${ALL_CONDITIONS.join(', ')}`)
    .option('--kinds <list>', `comma-separated document kinds to generate: ${DOCUMENT_KINDS.join(', ')}`)
    .option('--seed <n>', 'generator seed', '20201022')
    .option('--chunk <n>', 'files per intake extract subprocess', '12')
    .option('--echo', 'use the truth as predictions instead of running intake extract')
    .option('--json <file>', 'also write the summary as JSON')
    .option('--verbose', 'list every wrong field and split failure')
    .option('--predictions <file>', 'reuse the intake extract output saved in FILE if it exists, else run and save it there')
    .parse(process.argv.filter((a, i) => !(i > 1 && a === '--')));
  const opts = program.opts<{
    packetFamilies?: string;
    variation?: string;
    set?: string;
    generate?: string;
    packets?: string;
    conditions?: string;
    kinds?: string;
    seed: string;
    chunk: string;
    echo?: boolean;
    json?: string;
    verbose?: boolean;
    predictions?: string;
  }>();
  const conditions = list<ConditionName>(opts.conditions, conditionSchema.options, 'condition');
  const kinds = list<DocumentKind>(opts.kinds, DOCUMENT_KINDS, 'kind');
  const seed = Number(opts.seed);
  const PACKET_PLANS = { v3: PACKETS_V3_FAMILIES, wide: PACKETS_WIDE_FAMILIES, captured: PACKETS_CAPTURED_FAMILIES } as const;
  if (opts.packetFamilies !== undefined && !(opts.packetFamilies in PACKET_PLANS))
    throw new Error(`--packet-families: \`v3\`, \`wide\` or \`captured\`, not ${opts.packetFamilies}`);
  const packetPlan = opts.packetFamilies ? PACKET_PLANS[opts.packetFamilies as keyof typeof PACKET_PLANS] : undefined;

  let dir = opts.set ?? DEFAULT_SET;
  const perCell = opts.generate ? Number(opts.generate) : undefined;
  if (perCell !== undefined && !opts.set)
    dir = path.join('test', 'eval', 'generated', `n${perCell}-seed${seed}${conditions ? `-${conditions.join('+')}` : ''}`);
  const packets = opts.packets ? Number(opts.packets) : undefined;
  if (packets !== undefined && !opts.set) dir = path.join('test', 'eval', 'generated', `packets${packets}-seed${seed}`);
  const haveSet = existsSync(dir) && (await readdir(dir)).some((n) => n.endsWith('.truth.json'));
  if (packets !== undefined && !haveSet) {
    console.log(`Generating ${packets} packet files in ${dir} (seed ${seed}) ...`);
    const started = Date.now();
    // `--conditions` / `--kinds` keep the packet files of those conditions / holding only those kinds (a photo
    // sample: `--conditions phone_photo`; letters alone: `--kinds employment_letter`).
    const jobs = planPackets({ count: packets, seed, families: packetPlan }).filter(
      (j) =>
        (!conditions || conditions.includes(j.condition)) &&
        (!kinds || j.kinds.every((k) => kinds.includes(k))) &&
        (!opts.variation || j.variation === opts.variation),
    );
    await generateFiles(dir, jobs, {
      seed,
      log: (l) => console.log(`  ${l}`),
    });
    console.log(`Generated in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  } else if (perCell !== undefined || !haveSet) {
    console.log(
      `Generating a set in ${dir} (${perCell ?? DEFAULT_PER_CELL} per type × condition and ${PACKETS_PER_CELL * (perCell ?? DEFAULT_PER_CELL)} packets, seed ${seed}) ...`,
    );
    const started = Date.now();
    const n = perCell ?? DEFAULT_PER_CELL;
    await generateSet({ dir, perCell: n, conditions, kinds, seed, packets: PACKETS_PER_CELL * n, log: (l) => console.log(`  ${l}`) });
    console.log(`Generated in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  }

  const truths = (await loadTruths(dir)).filter((t) => !conditions || conditions.includes(t.condition));
  if (truths.length === 0) {
    console.log(`No truth files in ${dir} for the chosen conditions.`);
    return;
  }
  const byFile = new Map<string, FileExtraction>();
  let seconds = 0;
  const saved =
    opts.predictions && existsSync(opts.predictions)
      ? (JSON.parse(await readFile(opts.predictions, 'utf8')) as { seconds: number; extractions: FileExtraction[] })
      : undefined;
  if (opts.echo) {
    for (const t of truths) byFile.set(t.file, truthAsExtraction(t));
  } else if (saved) {
    console.log(`Scoring the predictions saved in ${opts.predictions} (no new run).`);
    for (const e of saved.extractions) byFile.set(path.basename(e.file), e);
    seconds = saved.seconds;
  } else {
    const chunk = Math.max(1, Number(opts.chunk));
    for (let i = 0; i < truths.length; i += chunk) {
      const part = truths.slice(i, i + chunk);
      const files = part.map((t) => path.join(dir, t.file));
      process.stdout.write(`intake extract: files ${i + 1}–${i + part.length} of ${truths.length} ... `);
      const result = await runExtract(files);
      seconds += result.seconds;
      console.log(`${result.seconds.toFixed(1)} s${result.failure ? `  FAILED: ${result.failure}` : ''}`);
      for (const e of result.extractions) byFile.set(path.basename(e.file), e);
      if (result.failure) {
        for (const t of part) byFile.set(t.file, { file: t.file, documents: [], error: { code: 'extract_failed', message: result.failure } });
      }
    }
  }
  if (opts.predictions && !saved && !opts.echo) {
    await writeFile(opts.predictions, `${JSON.stringify({ seconds, extractions: [...byFile.values()] })}\n`);
  }
  const outcomes = truths.map((t) => compareFile(t, byFile.get(t.file)));
  const summary = summarise(outcomes);
  const pages = truths.reduce((n, t) => n + t.pageCount, 0);
  console.log('');
  console.log(`Set: ${dir}${opts.echo ? '  (echo mode: truth fed back as predictions)' : ''}`);
  console.log(formatReport(summary, opts.echo ? undefined : { pages, seconds }, { verbose: opts.verbose }));
  if (opts.json) {
    await writeFile(
      opts.json,
      `${JSON.stringify({ set: dir, pages, seconds, pagesPerMinute: seconds > 0 ? (pages / seconds) * 60 : null, summary }, null, 2)}\n`,
    );
    console.log(`\nSummary written to ${opts.json}`);
  }
}

await main();
