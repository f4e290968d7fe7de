/**
 * `npm run bench -- province [--documents N] [--scanned-percent P] [--window-documents W] [--data-dir DIR] [--fresh]`:
 * a province's intake through the embedded stack (issue 14, *Run a province*): N documents (default 300; the issue's
 * figure is 10,000) as claims of one or two files each — mostly digital certificates with a text layer (what a
 * training body's batch exports), every fourth claim with a one-page digital labour contract, and P % (default 10)
 * scanned certificate pages (PNG, read by PaddleOCR) — uploaded at the pace the stack takes them (at most `--ahead`,
 * default 200, documents waiting), and then counted.
 *
 * It prints, per window of W documents finished (default N/10, at least 50): documents and pages per minute, the
 * table's size so far and the resident memory, so a throughput that falls as the table grows shows as a falling
 * column; and at the end: uploaded objects vs document records vs cases, duplicates, anything not in a visible state,
 * the first-to-last window ratio of pages/min and the peak RSS (the pipeline process by the kernel's high-water mark,
 * the s3rver child beside it; DynamoDB Local's JVM is not counted).
 *
 * Resumable: the run lives in DIR (default `.data/bench-province`); started again with the same N it restarts the
 * stack over the same data (the stack's reconcile picks up what was in flight) and uploads from where it stopped.
 * `--fresh` starts over. The 10,000-document run belongs on a quiet machine: see docs/capacity.md.
 *
 * `--upload-until HH:MM` (UTC, today) stops uploading at that time, lets the stack finish what was uploaded and counts
 * it (a partial run: the same command without it resumes the rest later). Each window line carries the 1-minute load
 * average, since the machine may be shared.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { SQSBatchResponse } from 'aws-lambda';
import { loadPipelineHandlers, startEmbeddedStack, type EmbeddedStack } from '../local/embedded-stack.js';
import { makeCertificatePdf, makeLaborContractPdf, renderCertificateScan, sampleClaim } from '../local/sample-documents.js';
import { countOutcome } from './fault-run.js';

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const raw = index >= 0 ? process.argv[index + 1] : undefined;
  const value = Number(raw);
  return raw !== undefined && Number.isFinite(value) && value >= 0 ? value : fallback;
}

function textArgument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

/** One object of the run: its key and how to make its bytes (made when uploaded, not held). */
interface PlannedObject {
  index: number;
  key: string;
  kind: 'certificate-pdf' | 'contract-pdf' | 'certificate-scan';
  pages: number;
  make: () => Promise<Uint8Array> | Uint8Array;
}

/**
 * The run's objects in upload order, the same for the same N and share (so a resumed run continues the same plan).
 * Scans are spread evenly: every ⌈100 / P⌉-th claim's certificate is a scan.
 */
function planProvince(documents: number, scannedPercent: number, runId: string): PlannedObject[] {
  const objects: PlannedObject[] = [];
  const scanEvery = scannedPercent > 0 ? Math.max(1, Math.round(100 / scannedPercent)) : 0;
  for (let claim = 0; objects.length < documents; claim += 1) {
    const facts = sampleClaim(claim);
    const submission = `${runId}-c${String(claim).padStart(6, '0')}`;
    const scanned = scanEvery > 0 && claim % scanEvery === scanEvery - 1;
    objects.push(
      scanned
        ? { index: objects.length, key: `incoming/${submission}/certificate.png`, kind: 'certificate-scan', pages: 1, make: () => renderCertificateScan(facts) }
        : { index: objects.length, key: `incoming/${submission}/certificate.pdf`, kind: 'certificate-pdf', pages: 1, make: () => makeCertificatePdf(facts) },
    );
    if (claim % 4 === 3 && objects.length < documents) {
      objects.push({
        index: objects.length,
        key: `incoming/${submission}/contract.pdf`,
        kind: 'contract-pdf',
        pages: 1,
        make: () => makeLaborContractPdf(facts, { pages: 1 }),
      });
    }
  }
  return objects;
}

interface Progress {
  runId: string;
  documents: number;
  scannedPercent: number;
  uploaded: number;
}

function procStatusBytes(pid: number | undefined, field: 'VmRSS' | 'VmHWM'): number {
  if (!pid) return 0;
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function run(): Promise<void> {
  const documents = Math.floor(argument('documents', 300));
  const scannedPercent = argument('scanned-percent', 10);
  const ahead = Math.max(1, Math.floor(argument('ahead', 200)));
  const windowDocuments = Math.max(1, Math.floor(argument('window-documents', Math.max(50, Math.round(documents / 10)))));
  const dataDir = path.resolve(textArgument('data-dir') ?? '.data/bench-province');
  const until = textArgument('upload-until');
  const uploadUntil = until ? Date.parse(`${new Date().toISOString().slice(0, 10)}T${until}:00Z`) : undefined;
  if (until && !Number.isFinite(uploadUntil)) throw new Error(`--upload-until takes HH:MM (UTC), not ${until}`);
  const progressFile = path.join(dataDir, 'progress.json');
  if (process.argv.includes('--fresh')) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  let progress: Progress | undefined = existsSync(progressFile) ? (JSON.parse(readFileSync(progressFile, 'utf8')) as Progress) : undefined;
  if (progress && (progress.documents !== documents || progress.scannedPercent !== scannedPercent)) {
    throw new Error(
      `${dataDir} holds a run of ${progress.documents} documents (${progress.scannedPercent} % scanned): run it with the same figures, or add --fresh`,
    );
  }
  progress ??= { runId: `prov-${Date.now().toString(36)}`, documents, scannedPercent, uploaded: 0 };
  const save = () => writeFileSync(progressFile, `${JSON.stringify(progress)}\n`);
  save();
  const plan = planProvince(documents, scannedPercent, progress.runId);
  const scans = plan.filter((object) => object.kind === 'certificate-scan').length;
  console.log(
    `province: ${documents} documents (${documents - scans} digital PDFs, ${scans} scanned pages), ${new Set(plan.map((o) => o.key.split('/')[1])).size} claims; ` +
      `${progress.uploaded > 0 ? `resuming after ${progress.uploaded} uploaded` : 'fresh run'} in ${dataDir}`,
  );

  // The handlers' own log lines would bury the report.
  process.env.POWERTOOLS_LOG_LEVEL ??= 'ERROR';
  process.env.INTAKE_LOCAL_LOG_LEVEL ??= 'warn';
  const pagesOfKey = new Map(plan.map((object) => [object.key, object.pages]));
  const pagesOfDocument = new Map<string, number>();
  let finished = 0;
  let finishedPages = 0;
  // Ctrl-C stops the stack cleanly (DynamoDB Local and s3rver with it); the same command resumes.
  let interrupted = false;
  const onInterrupt = () => {
    if (interrupted) return;
    interrupted = true;
    console.log(`\ninterrupted after ${progress!.uploaded} uploaded; stopping the stack (run the same command to resume)`);
  };
  process.on('SIGINT', onInterrupt);
  process.on('SIGTERM', onInterrupt);
  const forgetInterrupt = () => {
    process.off('SIGINT', onInterrupt);
    process.off('SIGTERM', onInterrupt);
  };
  let stack: EmbeddedStack;
  try {
    stack = await startStack();
  } catch (error) {
    forgetInterrupt();
    // Ctrl-C reaches DynamoDB Local and s3rver too, so a start cut short fails; the stack has stopped what it started.
    if (interrupted) return;
    throw error;
  }
  if (interrupted) {
    await stack.stop();
    forgetInterrupt();
    return;
  }
  function startStack() {
    return startEmbeddedStack({
      dataDir: path.join(dataDir, 'stack'),
      httpPort: false,
      inboxDir: false,
      // Long enough for the batches running at Ctrl-C to finish: a worker thread ended inside native OCR code aborts.
      stopGraceMs: 60_000,
      loadHandlers: async (queue, composition) => {
        const real = await loadPipelineHandlers(queue, composition, { processInWorker: true });
        return {
          ...real,
          // Counts each message the process stage finished (not named in batchItemFailures).
          process: async (event) => {
            const response = (await real.process(event)) as SQSBatchResponse | void;
            const failed = new Set((response?.batchItemFailures ?? []).map((failure) => failure.itemIdentifier));
            for (const record of event.Records) {
              if (failed.has(record.messageId)) continue;
              const documentId = (JSON.parse(record.body) as { documentId: string }).documentId;
              finished += 1;
              finishedPages += pagesOfDocument.get(documentId) ?? 1;
            }
            return response ?? { batchItemFailures: [] };
          },
        };
      },
    });
  }
  const { documentIdFor } = await import('../shared/storage/layout.js');

  let peakRss = 0;
  let peakS3Rss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage.rss());
    peakS3Rss = Math.max(peakS3Rss, procStatusBytes(stack.s3ServerPid, 'VmRSS'));
  }, 1_000);
  sampler.unref();

  const started = Date.now();
  const windows: { documents: number; pagesPerMinute: number; documentsPerMinute: number; rssMb: number }[] = [];
  let windowStart = { at: started, finished: 0, pages: 0 };
  const closeWindow = (force = false) => {
    if (!force && finished - windowStart.finished < windowDocuments) return;
    if (finished === windowStart.finished) return;
    const minutes = (Date.now() - windowStart.at) / 60_000;
    const row = {
      documents: finished,
      pagesPerMinute: Math.round((finishedPages - windowStart.pages) / minutes),
      documentsPerMinute: Math.round((finished - windowStart.finished) / minutes),
      rssMb: Math.round(process.memoryUsage.rss() / 1024 / 1024),
    };
    windows.push(row);
    console.log(
      `  window ${String(windows.length).padStart(2)}: ${String(row.documents).padStart(6)} finished this run · ${String(row.pagesPerMinute).padStart(5)} pages/min · ` +
        `${String(row.documentsPerMinute).padStart(5)} documents/min · uploaded ${progress!.uploaded}/${documents} · RSS ${row.rssMb} MB · ` +
        `${new Date().toISOString().slice(11, 16)} UTC, load ${os.loadavg()[0]!.toFixed(1)}`,
    );
    windowStart = { at: Date.now(), finished, pages: finishedPages };
  };

  let ticker: NodeJS.Timeout | undefined;
  try {
    // Windows close as documents finish, while uploading and while the stack drains.
    ticker = setInterval(() => closeWindow(), 250);
    ticker.unref();
    // Upload at the stack's pace: never more than `ahead` documents waiting.
    const resumedFrom = progress.uploaded;
    for (let next = progress.uploaded; next < plan.length; ) {
      if (interrupted) return;
      if (uploadUntil !== undefined && Date.now() >= uploadUntil) {
        console.log(`upload window over (${until} UTC) after ${next} of ${documents} uploaded: finishing and counting those`);
        break;
      }
      if (next - resumedFrom - finished >= ahead) {
        closeWindow();
        await sleep(100);
        continue;
      }
      const batch = plan.slice(next, Math.min(plan.length, next + 10));
      await Promise.all(
        batch.map(async (object) => {
          const body = await object.make();
          const put = await stack.s3.send(
            new PutObjectCommand({ Bucket: stack.endpoints.bucket, Key: object.key, Body: body, Metadata: { submitter: 'bench-province' } }),
          );
          pagesOfDocument.set(documentIdFor(stack.endpoints.bucket, object.key, (put.ETag ?? '').replace(/"/g, '')), pagesOfKey.get(object.key) ?? 1);
        }),
      );
      next += batch.length;
      progress.uploaded = next;
      save();
      closeWindow();
    }
    // Then until the stack is quiet.
    for (;;) {
      if (interrupted) return;
      const depth = stack.queue.depth();
      if (depth.visible + depth.delayed + depth.inFlight === 0 && stack.dispatcher.pending() === 0) break;
      await sleep(250);
    }
    clearInterval(ticker);
    closeWindow(true);
    const seconds = (Date.now() - started) / 1000;
    const counts = await countOutcome(stack, `incoming/${progress.runId}-`);
    const ok =
      counts.uploaded === progress.uploaded &&
      counts.records === counts.uploaded &&
      counts.duplicateRecords + counts.duplicateCases + counts.duplicateCaseDocuments === 0 &&
      counts.notVisible.length === 0 &&
      counts.cases === counts.submissions;
    // The first window carries the start-up (DynamoDB Local's JVM warming, the OCR models loading) and the final one
    // the drain: flatness is the second window against the last full one.
    const full = windows.slice(0, -1);
    const first = (full[1] ?? full[0])?.pagesPerMinute ?? 0;
    const last = full.at(-1)?.pagesPerMinute ?? first;
    if (progress.uploaded < documents)
      console.log(`PARTIAL RUN: ${progress.uploaded} of ${documents} documents uploaded (run the same command to upload the rest)`);
    console.log(
      `finished ${finished} documents (${finishedPages} pages) this run in ${Math.round(seconds)} s: ${Math.round((finishedPages / seconds) * 60)} pages/min overall`,
    );
    console.log(
      `uploaded objects ${counts.uploaded} · document records ${counts.records} · claims ${counts.submissions} · cases ${counts.cases} · ` +
        `final states ${Object.entries(counts.byStatus)
          .map(([status, n]) => `${status} ${n}`)
          .join(', ')}`,
    );
    console.log(
      `duplicates: records ${counts.duplicateRecords}, cases ${counts.duplicateCases}, case documents ${counts.duplicateCaseDocuments} · ` +
        `not in a visible state ${counts.notVisible.length} · read but in no case ${counts.documentsWithoutCase} · dead-lettered ${counts.dead}`,
    );
    console.log(
      full.length >= 2
        ? `pages/min, second window → last full window: ${first} → ${last} (${first > 0 ? Math.round((last / first) * 100) : 0} %)`
        : 'pages/min over time: too few windows this run to compare (lower --window-documents)',
    );
    console.log(
      `peak RSS: pipeline process ${mb(Math.max(peakRss, procStatusBytes(process.pid, 'VmHWM')))} (kernel high-water mark), s3rver ${mb(Math.max(peakS3Rss, procStatusBytes(stack.s3ServerPid, 'VmHWM')))}`,
    );
    console.log(ok ? 'OK: no loss, no duplicate, every object in a visible state' : 'NOT OK: see the counts above');
    if (counts.notVisible.length > 0) console.log(`not visible: ${counts.notVisible.slice(0, 20).join('; ')}`);
    if (!ok) process.exitCode = 1;
  } finally {
    clearInterval(sampler);
    clearInterval(ticker);
    await stack.stop();
    forgetInterrupt();
  }
}
