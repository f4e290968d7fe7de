/**
 * `npm run bench -- pipeline [--pages N] [--digital-pages M] [--running-files R] [--concurrency C] [--layouts …]`: the
 * whole pipeline on the embedded stack (real DynamoDB Local, s3rver, the local queue and the real handlers) over
 * generated inputs — certificate scans (PNG, JPEG, and two-page scanned PDFs) and digital labour contracts (PDF with
 * a text layer, 10 pages each) — and prints throughput per kind, milliseconds per stage, CPU per page, the non-OCR
 * overhead as a share of OCR time and the peak RSS.
 *
 * Scanned pages run once per process-worker layout (ADR 0004), each on a fresh stack, so their ratios come from one
 * run on the same machine load: `workers` = one process worker per core, each with a one-thread OCR engine (the
 * default); `pool` = one process worker whose OCR goes to a pool of one-thread engines; `single` = one process
 * worker with one engine using every core (the layout before ADR 0004).
 *
 * Goals on the 2-core machine: ≥ 60 scanned pages/min, ≥ 1,000 digital pages/min, overhead ≤ 10 % of OCR,
 * peak RSS ≤ 1.5 GB. What the figures mean:
 * - **Stages.** Inside process: the reading stages (render = the OCR input and what is left of the preview once OCR
 *   returns; text layer; OCR; extraction) and the storage steps (fetch = record + original, cases = records listed +
 *   case read, judged and written with the file's read and settlement in one transaction, checkpointWait, settle = the
 *   file settled on its own when no case write took it), all from the timings the process stage
 *   logs per document; "rest of process" is the handler's time no step accounts for (hand-over to the worker thread,
 *   logging). The handlers' own durations give ingest and process as wholes. The reader's second look is split the
 *   same way: its regions' recognition is OCR, the page pixels made again for it render, its extractions extract
 *   (until 2026-12-07 all of it counted as OCR, which hid its non-OCR part from the overhead).
 * - **Non-OCR overhead by wall clock** (the goal's figure): (ingest handler + process handler − OCR) / OCR, one file
 *   after another, so no handler's time includes another page's OCR. It counts the latency of every S3 and DynamoDB
 *   round trip, which on a loaded machine waits for the CPU too (DynamoDB Local is a JVM, s3rver a Node process).
 *   Measured three times: right after start-up ("storage cold": DynamoDB Local's JVM has not compiled its request
 *   paths yet), after the digital phase has put ~30 files through the same stack ("storage warm"), and after
 *   `--running-files` (300) more one-page digital files ("storage steady", the goal's figure: a stack that has been
 *   running, as `npm start` is all day). DynamoDB Local's JVM keeps getting faster for its first ~1,000 writes (one
 *   transaction of three items, p50: 12–19 ms after 30, 9–10 after 300, 6–7 after 2,000; `bench -- dynamodb-local-warmup`),
 *   which the DynamoDB service the pipeline runs against on AWS does not; the cold and warm figures are printed beside it.
 * - **Non-OCR overhead by CPU**: (CPU per scanned page of the pipeline process and the s3rver child − CPU per page of
 *   the OCR engine alone on the same scans, measured at the end) / the latter. DynamoDB Local's CPU is not counted.
 * - **Peak RSS**: the pipeline process (main thread, process workers, their OCR engines — what maps to the Lambda
 *   functions) by the kernel's high-water mark; s3rver runs in a child process of its own (the stand-in for S3) and is
 *   reported beside it, with both together as sampled every 200 ms; DynamoDB Local's JVM is not counted.
 * On a loaded machine wall times stretch; CPU milliseconds per page are the steadier comparison.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as mupdf from 'mupdf';
import sharp from 'sharp';
import os from 'node:os';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { DynamoDbDocumentRepository } from '../shared/adapters/dynamodb-document-repository.js';
import type { DocumentStatus } from '../shared/cases/document-record.js';
import { documentIdFor } from '../shared/storage/layout.js';
import {
  loadPipelineHandlers,
  startEmbeddedStack,
  type EmbeddedStack,
  type EmbeddedStackOptions,
  type LocalComposition,
  type PipelineHandlers,
} from '../local/embedded-stack.js';
import type { LocalQueue } from '../local/local-queue.js';
import { makeLaborContractPdf, renderCertificateScan, sampleClaim } from '../local/sample-documents.js';
import { createReadingPaddleEngine, readPages } from '../shared/reading/index.js';
import { DEFAULT_INTAKE_LIMITS } from '../shared/intake/index.js';

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

/**
 * The s3rver child process of the running stack (ADR 0004 addendum: s3rver runs in its own process). Its memory and
 * CPU are not this process's, so they are read from /proc and reported beside this process's own: the pipeline (what
 * runs in Lambda on AWS) is this process; s3rver stands in for S3; DynamoDB Local's JVM for DynamoDB (not counted).
 */
let s3Pid: number | undefined;

function procStatus(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** User + system CPU of a child process in ms (/proc/<pid>/stat fields 14 and 15, in clock ticks of 1/100 s). */
function childCpuMs(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

let peakRssBytes = 0;
let peakS3RssBytes = 0;
let peakTreeRssBytes = 0;
function sampleRss(): void {
  const own = process.memoryUsage.rss();
  const s3 = s3Pid ? procStatus(s3Pid, 'VmRSS') : 0;
  peakRssBytes = Math.max(peakRssBytes, own);
  peakS3RssBytes = Math.max(peakS3RssBytes, s3);
  peakTreeRssBytes = Math.max(peakTreeRssBytes, own + s3);
}
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

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

function timedHandlers(watch: Stopwatch, layout: Layout, concurrency: number): (queue: LocalQueue, composition: LocalComposition) => Promise<PipelineHandlers> {
  return async (queue, composition) => {
    const handlers = await loadPipelineHandlers(queue, composition, {
      processInWorker: true,
      processWorkers: layout.processWorkers,
      queueConcurrency: concurrency,
    });
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

interface Layout {
  name: string;
  label: string;
  processWorkers: EmbeddedStackOptions['processWorkers'];
}

const LAYOUTS: Layout[] = [
  { name: 'workers', label: 'one process worker per core, 1 OCR thread each', processWorkers: {} },
  { name: 'pool', label: 'one process worker, OCR pool of one 1-thread engine per core', processWorkers: { ocrLayout: 'pool' } },
  { name: 'single', label: 'one process worker, one engine on every core (before)', processWorkers: { count: 1 } },
];

/** A scanned PDF: each PNG page placed on an A4 page, no text layer (what a flatbed scanner's PDF looks like). */
function scannedPdf(pngPages: Uint8Array[]): Uint8Array {
  const document = new mupdf.PDFDocument();
  try {
    for (const png of pngPages) {
      const image = document.addImage(new mupdf.Image(png.slice()));
      const resources = document.addObject({ XObject: { Im0: image } });
      document.insertPage(-1, document.addPage([0, 0, 595, 842], 0, resources, 'q 595 0 0 842 0 0 cm /Im0 Do Q'));
    }
    return document.saveToBuffer('compress').asUint8Array().slice();
  } finally {
    document.destroy();
  }
}

/** Scans in three shapes, in turn: a PNG, a JPEG (as from a phone or a scanner's default), a two-page scanned PDF. */
async function generateScans(pages: number, seed: number): Promise<Input[]> {
  const scanned: Input[] = [];
  for (let n = 0, left = pages; left > 0; n += 1) {
    const png = await renderCertificateScan(sampleClaim(seed + n));
    if (n % 3 === 0) {
      scanned.push({ name: `scan-${seed + n}/证书 ${n}.png`, bytes: png, pages: 1 });
      left -= 1;
    } else if (n % 3 === 1) {
      scanned.push({ name: `scan-${seed + n}/证书 ${n}.jpg`, bytes: new Uint8Array(await sharp(png).jpeg({ quality: 85 }).toBuffer()), pages: 1 });
      left -= 1;
    } else {
      const count = Math.min(2, left);
      const second = await renderCertificateScan(sampleClaim(seed + n + 50));
      scanned.push({ name: `scan-${seed + n}/证书 ${n}.pdf`, bytes: scannedPdf([png, second].slice(0, count)), pages: count });
      left -= count;
    }
  }
  return scanned;
}

/** One-page digital contracts, each its own submission: traffic that brings the stack to what a running one sees. */
function generateRunning(files: number): Input[] {
  return Array.from({ length: files }, (_, n) => ({
    name: `running-${n}/劳动合同.pdf`,
    bytes: makeLaborContractPdf(sampleClaim(2000 + n), { pages: 1 }),
    pages: 1,
  }));
}

function generateDigital(digitalPages: number): Input[] {
  const digital: Input[] = [];
  const perPdf = 10;
  for (let n = 0, left = digitalPages; left > 0; n += 1, left -= perPdf) {
    const pages = Math.min(perPdf, left);
    digital.push({ name: `contract-${n}/劳动合同 ${n}.pdf`, bytes: makeLaborContractPdf(sampleClaim(n), { pages }), pages });
  }
  return digital;
}

/**
 * Uploads every input as its own submission and waits until the stack is quiet; returns the wall time. Sequential:
 * each file waits for the one before to settle, so no handler's time includes another page's OCR (inference holds
 * the main thread while it runs).
 */
interface PhaseResult {
  wallMs: number;
  /** CPU time during the phase of this process (every thread: main, process workers, OCR) and of the s3rver child. */
  cpuMs: number;
  statuses: Record<string, number>;
}

async function runPhase(stack: EmbeddedStack, inputs: Input[], watch: Stopwatch, runId: string, options: { sequential?: boolean } = {}): Promise<PhaseResult> {
  const documents = new DynamoDbDocumentRepository(stack.db, stack.endpoints.tableName);
  const cpuBefore = process.cpuUsage();
  const s3CpuBefore = childCpuMs(stack.s3ServerPid);
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
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000 + (childCpuMs(stack.s3ServerPid) - s3CpuBefore);
  const statuses: Record<string, number> = {};
  for (const id of ids) {
    const status: DocumentStatus | 'missing' = (await documents.get(id))?.status ?? 'missing';
    statuses[status] = (statuses[status] ?? 0) + 1;
  }
  return { wallMs, cpuMs, statuses };
}

const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

function report(
  kind: string,
  inputs: Input[],
  result: PhaseResult,
  watch: Stopwatch,
  sequential = kind.includes('one file after another'),
): number | undefined {
  const sequentialNote = sequential ? '' : "; inflated here by waiting for other pages' OCR";
  const pages = inputs.reduce((sum, input) => sum + input.pages, 0);
  const perMin = (pages / result.wallMs) * 60_000;
  console.log(`\n${kind}: ${pages} pages in ${inputs.length} files, ${(result.wallMs / 1000).toFixed(1)} s wall → ${perMin.toFixed(0)} pages/min`);
  console.log(
    `  outcome: ${Object.entries(result.statuses)
      .map(([s, n]) => `${n} ${s}`)
      .join(', ')}`,
  );
  console.log(
    `  CPU: ${fmt(result.cpuMs)} = ${(result.cpuMs / pages).toFixed(0)} ms/page (this process, all threads, + the s3rver child) → ${((pages / result.cpuMs) * 60_000 * os.cpus().length).toFixed(0)} pages/min if ${os.cpus().length} cores were ours`,
  );
  for (const [stage, { ms, calls }] of watch.totals) {
    console.log(
      `  ${stage.padEnd(16)} ${fmt(ms).padStart(10)} total, ${(ms / calls).toFixed(1).padStart(8)} ms/call (${calls} calls), ${(ms / pages).toFixed(1).padStart(8)} ms/page`,
    );
  }
  const inner = [...watch.totals.keys()].filter((stage) => stage.startsWith('  ')).reduce((sum, stage) => sum + watch.ms(stage), 0);
  const rest = watch.ms('process handler') - inner;
  console.log(
    `    rest of process  ${fmt(rest).padStart(10)} total, ${(rest / pages).toFixed(1).padStart(8)} ms/page (hand-over to the worker thread, logging, what no step above timed)`,
  );
  const ocr = watch.ms('  ocr');
  // A phase of text-layer pages OCRs (next to) nothing: a share of that would be noise, not overhead.
  if (ocr > pages * 100) {
    const handlerMs = watch.ms('ingest handler') + watch.ms('process handler');
    const overhead = handlerMs - ocr;
    console.log(
      `  non-OCR overhead: ${fmt(overhead)} = ${((overhead / ocr) * 100).toFixed(1)} % of OCR time (ingest + process handler time minus OCR time${sequentialNote})`,
    );
    return (overhead / ocr) * 100;
  }
  return undefined;
}

/** OCR alone, in this thread with one inference thread: the CPU a scanned page costs the engine (the overhead's base). */
async function engineCpuPerPage(inputs: Input[]): Promise<number> {
  const engine = createReadingPaddleEngine({ intraOpNumThreads: 1 });
  await engine.warmUp();
  let cpuMs = 0;
  let pages = 0;
  const ocr = {
    name: 'paddle' as const,
    recognize: (image: { bytes: Uint8Array; pageNumber: number }) => engine.recognize(image),
    recognizeRaster: async (raster: Parameters<typeof engine.recognizeRaster>[0], pageNumber: number) => {
      const before = process.cpuUsage();
      try {
        return await engine.recognizeRaster(raster, pageNumber);
      } finally {
        const used = process.cpuUsage(before);
        cpuMs += (used.user + used.system) / 1000;
        pages += 1;
      }
    },
  };
  for (const input of inputs) {
    const type = input.name.endsWith('.pdf') ? 'pdf' : input.name.endsWith('.jpg') ? 'jpeg' : 'png';
    await readPages(input.bytes, type, { ocr, limits: DEFAULT_INTAKE_LIMITS });
  }
  return cpuMs / Math.max(1, pages);
}

export async function run(): Promise<void> {
  const scannedPages = argument('pages', 20);
  const digitalPages = argument('digital-pages', 300);
  const runningFiles = argument('running-files', 300);
  const concurrency = argument('concurrency', 2);
  const layoutIndex = process.argv.indexOf('--layouts');
  const wanted = (layoutIndex >= 0 ? process.argv[layoutIndex + 1] : (process.env.INTAKE_BENCH_LAYOUTS ?? 'workers,pool,single')).split(',');
  // In the order given, so a second run can swap the order and show what the machine's load did to the first.
  const layouts = wanted.flatMap((name) => LAYOUTS.filter((layout) => layout.name === name));
  const watch = new Stopwatch();
  const loadAtStart = os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  process.env.INTAKE_LOCAL_LOG_LEVEL ??= 'warn';
  // INFO: the process stage logs its per-stage timings with each document; captureStageTimings reads them.
  process.env.POWERTOOLS_LOG_LEVEL = 'INFO';
  const restoreStdout = captureStageTimings(watch);

  console.log(`generating ${scannedPages} scanned pages (PNG, JPEG, scanned PDF) and ${digitalPages} digital contract pages …`);
  const sequentialScans = await generateScans(Math.max(1, Math.floor(scannedPages / 2)), 0);
  const coldSequentialScans = await generateScans(Math.max(1, Math.floor(scannedPages / 2)), 300);
  const parallelScans = await generateScans(scannedPages, 100);
  const digital = generateDigital(digitalPages);
  const steadySequentialScans = runningFiles > 0 ? await generateScans(Math.max(1, Math.floor(scannedPages / 2)), 500) : [];
  const running = generateRunning(runningFiles);
  const summary: string[] = [];
  let overallPeak = 0;
  let overallS3Peak = 0;
  let overallTreePeak = 0;
  // CPU per scanned page of the whole pipeline (this process + s3rver), per phase of the first layout, for the CPU overhead.
  const cpuPerPage: { label: string; ms: number }[] = [];
  // The non-OCR overhead by wall clock, one file after another, of the first layout: printed together at the end.
  const oneByOne: { cold?: number; warm?: number; steady?: number } = {};

  try {
    for (const [index, layout] of layouts.entries()) {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), 'intake-bench-'));
      peakRssBytes = 0;
      peakS3RssBytes = 0;
      peakTreeRssBytes = 0;
      const stack = await startEmbeddedStack({
        dataDir,
        httpPort: false,
        inboxDir: false,
        loadHandlers: timedHandlers(watch, layout, concurrency),
        queue: { concurrency, batchSize: 1 },
      });
      s3Pid = stack.s3ServerPid;
      try {
        console.log(`
--- layout \`${layout.name}\`: ${layout.label}, queue concurrency ${concurrency}; load average ${os.loadavg()[0].toFixed(1)}`);
        // The first pages pay for loading the OCR models (in each worker); that is start-up, not throughput.
        const warm = performance.now();
        const warmups = await generateScans(concurrency, 900 + index * 10);
        await runPhase(stack, warmups, watch, `warm${index}`);
        console.log(`warm-up (model load + first pages): ${fmt(performance.now() - warm)}`);

        if (index === 0) {
          // One file after another gives the honest stage split (no handler's time includes another page's OCR).
          // First on a fresh DynamoDB Local, whose JVM has compiled nothing yet (what the first files after `npm start`
          // see), then again once the digital phase has run ~30 files through it (what a running stack sees).
          watch.reset();
          const cold = await runPhase(stack, coldSequentialScans, watch, 'scan0', { sequential: true });
          oneByOne.cold = report('scanned pages, one file after another, storage cold', coldSequentialScans, cold, watch);
          if (digitalPages > 0) {
            watch.reset();
            report(`digital pages (PDF text layer), all at once, ${concurrency} in process`, digital, await runPhase(stack, digital, watch, 'digital'), watch);
          }
          watch.reset();
          const one = await runPhase(stack, sequentialScans, watch, 'scan1', { sequential: true });
          oneByOne.warm = report(
            `scanned pages, one file after another, storage warm (after the digital phase)${runningFiles > 0 ? '' : " (THE OVERHEAD GOAL'S FIGURE)"}`,
            sequentialScans,
            one,
            watch,
          );
          cpuPerPage.push({ label: `${layout.name}, one file after another`, ms: one.cpuMs / sequentialScans.reduce((sum, input) => sum + input.pages, 0) });
        }
        watch.reset();
        const all = await runPhase(stack, parallelScans, watch, `scan2-${index}`);
        report(`scanned pages, all at once, ${concurrency} in process`, parallelScans, all, watch);
        const pages = parallelScans.reduce((sum, input) => sum + input.pages, 0);
        cpuPerPage.push({ label: `${layout.name}, all at once`, ms: all.cpuMs / pages });
        if (index === 0 && runningFiles > 0) {
          sampleRss();
          console.log(
            `  peak RSS so far: this process ${mb(procStatus(process.pid, 'VmHWM'))} (kernel high-water mark), s3rver ${mb(peakS3RssBytes)}, together at most ${mb(peakTreeRssBytes)} (sampled)`,
          );
          // A stack that has been running: DynamoDB Local's JVM keeps getting faster for its first ~1,000 writes (one
          // transaction: 12–19 ms after 30, 6–7 ms after 2,000), which DynamoDB itself never does. After
          // the throughput phase, so that phase's figures and peak memory compare with earlier runs.
          watch.reset();
          const warmed = await runPhase(stack, running, watch, 'running');
          console.log(
            `\nrunning stack: ${running.length} more one-page digital files through it in ${fmt(warmed.wallMs)} (${Object.entries(warmed.statuses)
              .map(([s, n]) => `${n} ${s}`)
              .join(', ')})`,
          );
          watch.reset();
          const steady = await runPhase(stack, steadySequentialScans, watch, 'scan3', { sequential: true });
          oneByOne.steady = report("scanned pages, one file after another, storage steady (THE OVERHEAD GOAL'S FIGURE)", steadySequentialScans, steady, watch);
        }
        sampleRss();
        summary.push(
          `  ${layout.name.padEnd(8)} ${((pages / all.wallMs) * 60_000).toFixed(1).padStart(6)} scanned pages/min wall, ${(all.cpuMs / pages).toFixed(0).padStart(5)} CPU ms/page, ` +
            `peak RSS ${mb(peakRssBytes)} this process + ${mb(peakS3RssBytes)} s3rver (sampled; together at most ${mb(peakTreeRssBytes)})`,
        );
        sampleRss();
        overallPeak = Math.max(overallPeak, peakRssBytes);
        // The kernel's own high-water mark of the child (not only what the 200 ms sampler saw).
        overallS3Peak = Math.max(overallS3Peak, peakS3RssBytes, s3Pid ? procStatus(s3Pid, 'VmHWM') : 0);
        overallTreePeak = Math.max(overallTreePeak, peakTreeRssBytes);
      } finally {
        await stack.stop();
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
  } finally {
    restoreStdout();
  }
  const maxRss = process.resourceUsage().maxRSS * 1024;
  console.log(`
scanned pages by layout (same inputs, one after another on this machine):\n${summary.join('\n')}`);
  console.log(
    `peak RSS of the pipeline process: ${mb(Math.max(overallPeak, maxRss))} (the kernel's high-water mark of this process since it started: main thread, ` +
      `process workers and their OCR engines, generating the inputs; max over layouts)`,
  );
  console.log(
    `peak RSS of the s3rver child process: ${mb(overallS3Peak)}; both processes at once, sampled every 200 ms: ${mb(overallTreePeak)} ` +
      `(DynamoDB Local's JVM, the stand-in for DynamoDB, not counted)`,
  );
  const engineCpu = await engineCpuPerPage(sequentialScans);
  console.log(`OCR engine alone (1 thread, raw pixels, same scans): ${engineCpu.toFixed(0)} CPU ms/page`);
  for (const { label, ms } of cpuPerPage) {
    console.log(
      `  non-OCR overhead by CPU, ${label}: (${ms.toFixed(0)} − ${engineCpu.toFixed(0)}) / ${engineCpu.toFixed(0)} = ${(((ms - engineCpu) / engineCpu) * 100).toFixed(1)} % (pipeline process + s3rver; DynamoDB Local not counted)`,
    );
  }
  const share = (value: number | undefined) => (value === undefined ? '—' : `${value.toFixed(1)} %`);
  console.log(
    `non-OCR overhead by wall clock, one file after another: storage cold ${share(oneByOne.cold)}, warm ${share(oneByOne.warm)}, ` +
      `steady ${share(oneByOne.steady)} (the goal's figure: steady with --running-files, else warm)`,
  );
  console.log(
    `machine: ${os.cpus().length} cores, load average ${loadAtStart} at start, ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} at the end (figures scale with what else runs)`,
  );
  console.log('goals: ≥ 60 scanned pages/min, ≥ 1,000 digital pages/min, overhead ≤ 10 % of OCR, peak RSS ≤ 1,536 MB');
}
