/**
 * `npm run bench -- pipeline [--pages N] [--digital-pages M] [--concurrency C]`: the whole pipeline on the embedded stack (real
 * DynamoDB Local, s3rver, the local queue and the real handlers) over generated inputs — certificate scans (PNG,
 * one page each) and digital labour contracts (PDF with a text layer, 10 pages each) — and prints throughput per
 * kind, milliseconds per stage, non-OCR overhead as a share of OCR time and the peak RSS of this process.
 *
 * Goals on the 2-core machine: ≥ 60 scanned pages/min, ≥ 1,000 digital pages/min, overhead ≤ 10 % of OCR,
 * peak RSS ≤ 1.5 GB. The stages inside process (render, text layer, OCR, extraction) come from the timings the
 * process stage logs per document; the handlers' own durations give the rest (storage, rules, S3 reads and writes). Bounded: about a minute with the defaults.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { DynamoDbDocumentRepository } from '../shared/adapters/dynamodb-document-repository.js';
import type { DocumentStatus } from '../shared/cases/document-record.js';
import { documentIdFor } from '../shared/pipeline/ids.js';
import { loadPipelineHandlers, startEmbeddedStack, type EmbeddedStack, type PipelineHandlers } from '../local/embedded-stack.js';
import type { LocalQueue } from '../local/local-queue.js';
import { makeLaborContractPdf, renderCertificateScan, sampleClaim } from '../local/sample-documents.js';

interface Input {
  name: string;
  bytes: Uint8Array;
  pages: number;
}

/** Milliseconds spent, summed over all calls, and how many calls. */
class Stopwatch {
  readonly totals = new Map<string, { ms: number; calls: number }>();

  add(stage: string, ms: number): void {
    const entry = this.totals.get(stage) ?? { ms: 0, calls: 0 };
    entry.ms += ms;
    entry.calls += 1;
    this.totals.set(stage, entry);
  }

  ms(stage: string): number {
    return this.totals.get(stage)?.ms ?? 0;
  }

  reset(): void {
    this.totals.clear();
  }

  async time<T>(stage: string, work: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await work();
    } finally {
      this.add(stage, performance.now() - started);
    }
  }
}

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const raw = index >= 0 ? process.argv[index + 1] : process.env[`INTAKE_BENCH_${name.replace(/-/g, '_').toUpperCase()}`];
  const value = Number(raw);
  return raw !== undefined && Number.isInteger(value) && value > 0 ? value : fallback;
}

let peakRssBytes = 0;
function sampleRss(): void {
  peakRssBytes = Math.max(peakRssBytes, process.memoryUsage.rss());
}

/**
 * Collects the stage timings the process stage logs with each document ("document processed", Powertools JSON on
 * stdout) and keeps the handlers' JSON log lines off the report.
 */
function captureStageTimings(watch: Stopwatch): () => void {
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    if (!text.startsWith('{')) return (write as (...args: unknown[]) => boolean)(chunk, ...rest);
    for (const line of text.split('\n')) {
      if (!line.includes('"document processed"')) continue;
      try {
        const timings = (JSON.parse(line) as { timings?: Record<string, number> }).timings ?? {};
        for (const [stage, ms] of Object.entries(timings)) if (ms > 0) watch.add(`  ${stage}`, ms);
      } catch {
        // A log line split across writes: its timings are lost, the totals stay close.
      }
    }
    return true;
  }) as typeof process.stdout.write;
  return () => {
    process.stdout.write = write;
  };
}

function timedHandlers(watch: Stopwatch): (queue: LocalQueue) => Promise<PipelineHandlers> {
  return async (queue) => {
    const handlers = await loadPipelineHandlers(queue, { processInWorker: true });
    return {
      ingest: (event) => watch.time('ingest handler', () => handlers.ingest(event)),
      process: (event) => {
        const now = Date.now();
        for (const record of event.Records) watch.add('queue wait', now - Number(record.attributes.SentTimestamp));
        return watch.time('process handler', () => handlers.process(event));
      },
      deadLetter: handlers.deadLetter,
      close: handlers.close,
    };
  };
}

async function generateInputs(scannedPages: number, digitalPages: number): Promise<{ scanned: Input[]; digital: Input[] }> {
  const scanned: Input[] = [];
  for (let n = 0; n < scannedPages; n += 1) scanned.push({ name: `scan-${n}/证书 ${n}.png`, bytes: await renderCertificateScan(sampleClaim(n)), pages: 1 });
  const digital: Input[] = [];
  const perPdf = 10;
  for (let n = 0, left = digitalPages; left > 0; n += 1, left -= perPdf) {
    const pages = Math.min(perPdf, left);
    digital.push({ name: `contract-${n}/劳动合同 ${n}.pdf`, bytes: makeLaborContractPdf(sampleClaim(n), { pages }), pages });
  }
  return { scanned, digital };
}

/**
 * Uploads every input as its own submission and waits until the stack is quiet; returns the wall time. Sequential:
 * each file waits for the one before to settle, so no handler's time includes another page's OCR (inference holds
 * the main thread while it runs).
 */
async function runPhase(stack: EmbeddedStack, inputs: Input[], watch: Stopwatch, runId: string, options: { sequential?: boolean } = {}): Promise<{ wallMs: number; statuses: Record<string, number> }> {
  const documents = new DynamoDbDocumentRepository(stack.db, stack.endpoints.tableName);
  const started = performance.now();
  const ids: string[] = [];
  for (const input of inputs) {
    const key = `incoming/${runId}-${input.name}`;
    const put = await watch.time('upload', () => stack.s3.send(new PutObjectCommand({ Bucket: stack.endpoints.bucket, Key: key, Body: input.bytes })));
    ids.push(documentIdFor(stack.endpoints.bucket, key, (put.ETag ?? '').replace(/"/g, '')));
    sampleRss();
    if (options.sequential) await stack.settled();
  }
  const sampler = setInterval(sampleRss, 200);
  await stack.settled();
  clearInterval(sampler);
  const wallMs = performance.now() - started;
  const statuses: Record<string, number> = {};
  for (const id of ids) {
    const status: DocumentStatus | 'missing' = (await documents.get(id))?.status ?? 'missing';
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
  return { wallMs, statuses };
}

const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

function report(kind: string, inputs: Input[], result: { wallMs: number; statuses: Record<string, number> }, watch: Stopwatch, sequential = kind.includes('one file after another')): void {
  const sequentialNote = sequential ? '' : '; inflated here by waiting for other pages\' OCR';
  const pages = inputs.reduce((sum, input) => sum + input.pages, 0);
  const perMin = (pages / result.wallMs) * 60_000;
  console.log(`\n${kind}: ${pages} pages in ${inputs.length} files, ${(result.wallMs / 1000).toFixed(1)} s wall → ${perMin.toFixed(0)} pages/min`);
  console.log(`  outcome: ${Object.entries(result.statuses).map(([s, n]) => `${n} ${s}`).join(', ')}`);
  for (const [stage, { ms, calls }] of watch.totals) {
    console.log(`  ${stage.padEnd(16)} ${fmt(ms).padStart(10)} total, ${(ms / calls).toFixed(1).padStart(8)} ms/call (${calls} calls), ${(ms / pages).toFixed(1).padStart(8)} ms/page`);
  }
  const inner = [...watch.totals.keys()].filter((stage) => stage.startsWith('  ')).reduce((sum, stage) => sum + watch.ms(stage), 0);
  const rest = watch.ms('process handler') - inner;
  console.log(`    rest of process  ${fmt(rest).padStart(10)} total, ${(rest / pages).toFixed(1).padStart(8)} ms/page (S3 reads/writes, checkpoints, previews' upload, DynamoDB, rules)`);
  const ocr = watch.ms('  ocr');
  if (ocr > 0) {
    const handlerMs = watch.ms('ingest handler') + watch.ms('process handler');
    const overhead = handlerMs - ocr;
    console.log(`  non-OCR overhead: ${fmt(overhead)} = ${((overhead / ocr) * 100).toFixed(1)} % of OCR time (ingest + process handler time minus OCR time${sequentialNote})`);
  }
}

export async function run(): Promise<void> {
  const scannedPages = argument('pages', 20);
  const digitalPages = argument('digital-pages', 300);
  const concurrency = argument('concurrency', 2);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'intake-bench-'));
  const watch = new Stopwatch();
  const loadAtStart = os.loadavg()[0].toFixed(1);
  process.env.INTAKE_LOCAL_LOG_LEVEL ??= 'warn';
  // INFO: the process stage logs its per-stage timings with each document; captureStageTimings reads them.
  process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
  const restoreStdout = captureStageTimings(watch);

  console.log(`generating ${scannedPages} certificate scans and ${digitalPages} digital contract pages …`);
  const { scanned, digital } = await generateInputs(scannedPages, digitalPages);

  const stack = await startEmbeddedStack({ dataDir, httpPort: false, inboxDir: false, loadHandlers: timedHandlers(watch), queue: { concurrency, batchSize: 1 } });
  try {
    // The first page pays for loading the OCR models; that is start-up, not throughput.
    const warm = performance.now();
    await runPhase(stack, [{ name: 'warmup/证书.png', bytes: await renderCertificateScan(sampleClaim(99)), pages: 1 }], watch, 'warm');
    console.log(`warm-up (model load + first page): ${fmt(performance.now() - warm)}`);

    // One file after another gives the honest stage split (OCR inference holds the main thread, so with several
    // files in flight every handler's time includes the others' OCR); all at once is how the stack runs and gives
    // the throughput.
    const half = Math.max(1, Math.floor(scanned.length / 2));
    watch.reset();
    report('scanned pages (PNG, OCR), one file after another', scanned.slice(0, half), await runPhase(stack, scanned.slice(0, half), watch, 'scan1', { sequential: true }), watch);
    watch.reset();
    report(`scanned pages (PNG, OCR), all at once, ${concurrency} in process`, scanned.slice(half), await runPhase(stack, scanned.slice(half), watch, 'scan2'), watch);
    watch.reset();
    report(`digital pages (PDF text layer), all at once, ${concurrency} in process`, digital, await runPhase(stack, digital, watch, 'digital'), watch);
    sampleRss();
    const maxRss = process.resourceUsage().maxRSS * 1024;
    console.log(`\npeak RSS of the pipeline process: ${(Math.max(peakRssBytes, maxRss) / 1024 / 1024).toFixed(0)} MB (DynamoDB Local's JVM not included)`);
    console.log(`machine: ${os.cpus().length} cores, load average ${loadAtStart} at start, ${os.loadavg()[0].toFixed(1)} at the end (figures scale with what else runs)`);
    console.log('goals: ≥ 60 scanned pages/min, ≥ 1,000 digital pages/min, overhead ≤ 10 % of OCR, peak RSS ≤ 1,536 MB');
  } finally {
    await stack.stop();
    restoreStdout();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
