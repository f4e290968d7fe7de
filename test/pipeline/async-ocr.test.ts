import { describe, expect, it } from 'vitest';
import { DEFAULT_INTAKE_LIMITS } from '../../shared/intake/index.js';
import { completeAsyncOcr } from '../../shared/pipeline/async-ocr.js';
import { ingestObject } from '../../shared/pipeline/ingest.js';
import { processDocument, type ProcessDeps } from '../../shared/pipeline/process.js';
import { inspectFile, pageReading } from '../../shared/reading/index.js';
import { makeScannedPdf } from '../pdf/pdf-factory.js';
import { FixedClock, InMemoryBlobStore, InMemoryCaseRepository, InMemoryDocumentRepository, InMemoryWorkQueue } from '../support/fakes/index.js';
import { blankPng, lineExtractor, oncePerPersonJudge, scriptedOcr } from './pipeline-factories.js';

const bucket = 'intake';

async function setUp() {
  const blobs = new InMemoryBlobStore();
  const documents = new InMemoryDocumentRepository();
  const cases = new InMemoryCaseRepository({ documents });
  const queue = new InMemoryWorkQueue();
  const clock = new FixedClock('2021-06-18T08:00:00Z');
  const ocr = scriptedOcr(['姓名：王晓明', 'idNumber：330106199001011234']);
  const started: { documentId: string }[] = [];
  const asyncOcr = { start: async (input: { documentId: string }) => (started.push(input), `job-${input.documentId}`) };
  const deps: ProcessDeps = {
    blobs,
    documents,
    cases,
    clock,
    ocr,
    reading: pageReading,
    extract: lineExtractor,
    judge: oncePerPersonJudge(),
    limits: DEFAULT_INTAKE_LIMITS,
    derivedPrefix: 'derived/',
    asyncOcr,
  };
  const png = await blankPng(120, 170);
  const pdf = makeScannedPdf([png, png, png]);
  await blobs.put(bucket, 'incoming/sub-t/扫描合同.pdf', pdf);
  const head = await blobs.head(bucket, 'incoming/sub-t/扫描合同.pdf');
  await ingestObject(
    { bucket, key: 'incoming/sub-t/扫描合同.pdf', size: head!.size, eTag: head!.eTag },
    { blobs, documents, queue, clock, limits: DEFAULT_INTAKE_LIMITS, inspect: inspectFile },
  );
  const [message] = queue.drain();
  const page = (pageNumber: number) => ({
    pageNumber,
    width: 1654,
    height: 2339,
    rotation: 0 as const,
    source: 'textract' as const,
    lines: [{ text: '姓名：王晓明', confidence: 0.9, box: { x: 1, y: 1, width: 10, height: 5 } }],
  });
  return { blobs, documents, cases, queue, ocr, started, deps, documentId: message!.documentId, page };
}

describe('asynchronous OCR of a multi-page scan', () => {
  it("starts one job instead of reading page by page, then finishes from the job's pages without OCR", async () => {
    const env = await setUp();

    const first = await processDocument(env.documentId, env.deps);
    const redelivered = await processDocument(env.documentId, env.deps);

    expect(first).toMatchObject({ kind: 'waiting', jobId: `job-${env.documentId}`, pages: [1, 2, 3] });
    expect(redelivered.kind).toBe('waiting'); // the adapter's client token makes this the same job
    expect(env.ocr.calls).toBe(0);
    expect(env.cases.cases.size).toBe(0);

    await completeAsyncOcr(
      { documentId: env.documentId, jobId: 'job', pages: [env.page(1), env.page(2), env.page(3)], missingPages: [] },
      { ...env.deps, queue: env.queue },
    );
    const [message] = env.queue.drain();
    expect(message).toEqual({ documentId: env.documentId, syncOcr: true });

    const done = await processDocument(env.documentId, env.deps, { syncOcr: message!.syncOcr });

    expect(done).toMatchObject({ kind: 'done', pageCount: 3, resumedPages: 3 });
    expect(env.ocr.calls).toBe(0);
    expect(env.cases.cases.size).toBe(1);
  });

  it('reads the pages the job missed one by one', async () => {
    const env = await setUp();
    await processDocument(env.documentId, env.deps);

    await completeAsyncOcr(
      { documentId: env.documentId, jobId: 'job', pages: [env.page(1), env.page(3)], missingPages: [2] },
      { ...env.deps, queue: env.queue },
    );
    const done = await processDocument(env.documentId, env.deps, { syncOcr: true });

    expect(done).toMatchObject({ kind: 'done', pageCount: 3, resumedPages: 2 });
    expect(env.ocr.calls).toBe(1);
    expect(env.started).toHaveLength(1);
  });
});
