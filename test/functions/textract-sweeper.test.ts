import { GetDocumentTextDetectionCommand, TextractClient } from '@aws-sdk/client-textract';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DynamoDbDocumentRepository } from '../../shared/adapters/dynamodb-document-repository.js';
import { DynamoDbTextractJobLedger } from '../../shared/adapters/dynamodb-textract-job-ledger.js';
import { createTextractSweeperHandler } from '../../functions/textract-sweeper/handler.js';
import { composeTextractSweeper, sweepSettingsFromEnv } from '../../functions/textract-sweeper/compose.js';
import type { MetricSink } from '../../functions/compose/metrics.js';
import { makeScannedPdf } from '../pdf/pdf-factory.js';
import { certificateLines, textractPageBlocks } from '../adapters/textract-blocks-factory.js';
import { blankPng } from '../pipeline/pipeline-factories.js';
import { FixedClock, InMemoryBlobStore, InMemoryWorkQueue } from '../support/fakes/index.js';
import { createTestTable, uniqueName, type TestTable } from '../support/local-aws.js';

const BUCKET = 'intake';
const NOW = new Date('2026-12-04T12:00:00Z');
const minutesAgo = (minutes: number) => new Date(NOW.getTime() - minutes * 60_000).toISOString();

// A table per test: each sweep sees only its own test's jobs.
let table: TestTable;
beforeEach(async () => {
  table = await createTestTable('textract-sweeper');
});
afterEach(() => table.drop());

const textract = mockClient(TextractClient);
beforeEach(() => textract.reset());

/** A sweeper over DynamoDB Local (documents and the pending-job list), mocked Textract and in-memory S3 and queues. */
async function setUp() {
  const documents = new DynamoDbDocumentRepository(table.db, table.tableName);
  const jobs = new DynamoDbTextractJobLedger(table.db, table.tableName);
  const blobs = new InMemoryBlobStore();
  const queue = new InMemoryWorkQueue();
  const kept = new InMemoryWorkQueue();
  const failedCounts: number[] = [];
  const metrics: MetricSink = { count: (_name, value) => failedCounts.push(value) };
  const png = await blankPng(120, 170);
  const pdf = makeScannedPdf([png, png]);
  /** A two-page scan waiting in `processing` on the job `jobId` started `startedMinutesAgo`. */
  const waiting = async (jobId: string, startedMinutesAgo: number) => {
    const documentId = uniqueName('doc');
    const key = `incoming/s/${documentId}.pdf`;
    await blobs.put(BUCKET, key, pdf);
    await documents.register({
      documentId,
      submissionId: uniqueName('sub'),
      bucket: BUCKET,
      key,
      sourceVersion: 'v1',
      pageCount: 2,
      status: 'processing',
      createdAt: minutesAgo(startedMinutesAgo + 1),
      updatedAt: minutesAgo(startedMinutesAgo),
    });
    await jobs.record({ documentId, jobId, startedAt: minutesAgo(startedMinutesAgo) });
    return documentId;
  };
  const client = new TextractClient({ region: 'us-east-1' });
  const settings = {
    tableName: table.tableName,
    bucket: BUCKET,
    region: 'us-east-1',
    ocrEngine: 'textract' as const,
    limits: { maxFileBytes: 50_000_000, maxPdfPages: 200, maxImagePixels: 100_000_000 },
    derivedPrefix: 'derived/',
    pagePreviewDpi: 96,
    ocrDpi: 200,
    serviceName: 'test',
    closedCaseRetentionDays: 0,
  };
  const clock = new FixedClock(NOW);
  const deps = composeTextractSweeper({
    settings,
    env: { TEXTRACT_SWEEP_AFTER_MINUTES: '60', TEXTRACT_GIVE_UP_AFTER_HOURS: '24' },
    jobs,
    documents,
    kept,
    clock,
    metrics,
    blobs,
    queue,
    textract: client,
  });
  // The root's own probe (GetDocumentTextDetection through a TextractClient, mocked for every instance).
  const sweep = createTextractSweeperHandler(() => deps);
  return { documents, jobs, blobs, queue, kept, failedCounts, waiting, sweep };
}

/** Jobs of this test's documents only (the table is shared by the file's tests). */
async function pendingOf(jobs: DynamoDbTextractJobLedger, documentIds: string[]) {
  return (await jobs.listStartedBefore(NOW.toISOString(), 1000)).filter((job) => documentIds.includes(job.documentId));
}

const outcomeOf = (report: { outcomes: { documentId: string; outcome: string }[] }, documentId: string) =>
  report.outcomes.find((entry) => entry.documentId === documentId)?.outcome;

describe('textract-sweeper', () => {
  it('completes a job whose SNS completion never came through the completion path and crosses it out', async () => {
    const env = await setUp();
    const documentId = await env.waiting('job-done', 90);
    textract
      .on(GetDocumentTextDetectionCommand, { JobId: 'job-done', MaxResults: 1 })
      .resolves({ JobStatus: 'SUCCEEDED' })
      .on(GetDocumentTextDetectionCommand, { JobId: 'job-done' })
      .resolves({
        JobStatus: 'SUCCEEDED',
        DocumentMetadata: { Pages: 2 },
        Blocks: [...textractPageBlocks({ page: 1, lines: certificateLines }), ...textractPageBlocks({ page: 2, lines: certificateLines })],
      });

    const report = await env.sweep({});

    expect(outcomeOf(report, documentId)).toBe('completed');
    expect(env.blobs.keys(BUCKET, `derived/${documentId}/ocr/`)).toEqual([`derived/${documentId}/ocr/1.json`, `derived/${documentId}/ocr/2.json`]);
    expect(env.queue.drain()).toEqual([{ documentId, syncOcr: true }]);
    expect(await pendingOf(env.jobs, [documentId])).toEqual([]);
    // The probe asked once; the completion path then paged through the results.
    const probes = textract.commandCalls(GetDocumentTextDetectionCommand).filter((call) => call.args[0].input.MaxResults === 1);
    expect(probes).toHaveLength(1);
  });

  it('leaves a job younger than the setting alone and asks Textract nothing', async () => {
    const env = await setUp();
    const documentId = await env.waiting('job-young', 59);

    const report = await env.sweep({});

    expect(outcomeOf(report, documentId)).toBeUndefined();
    expect(textract.commandCalls(GetDocumentTextDetectionCommand).filter((call) => call.args[0].input.JobId === 'job-young')).toEqual([]);
    expect(await pendingOf(env.jobs, [documentId])).toHaveLength(1);
  });

  it('keeps a job Textract could not be asked about (throttled), counts the attempt and settles it at the next sweep', async () => {
    const env = await setUp();
    const documentId = await env.waiting('job-throttled', 120);
    // Throttled on every try the SDK makes in this sweep.
    textract.on(GetDocumentTextDetectionCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'ProvisionedThroughputExceededException' }));

    const first = await env.sweep({});

    expect(outcomeOf(first, documentId)).toBe('retry_later');
    expect((await env.documents.get(documentId))?.status).toBe('processing');
    const [kept] = await pendingOf(env.jobs, [documentId]);
    expect(kept).toMatchObject({ attempts: 1, lastError: expect.stringContaining('ProvisionedThroughputExceededException') });

    textract.reset();
    textract.on(GetDocumentTextDetectionCommand).resolves({ JobStatus: 'FAILED', StatusMessage: 'unsupported document' });
    const second = await env.sweep({});

    // A failed job goes the completion handler's way: its pages are read one by one.
    expect(outcomeOf(second, documentId)).toBe('completed');
    expect(env.queue.drain()).toEqual([{ documentId, syncOcr: true }]);
    expect(await pendingOf(env.jobs, [documentId])).toEqual([]);
  });

  it('marks a document failed with the stored reason ocr_job_lost when Textract no longer knows its job, and keeps it for a redrive', async () => {
    const env = await setUp();
    const documentId = await env.waiting('job-expired', 60 * 24 * 8);
    textract
      .on(GetDocumentTextDetectionCommand, { JobId: 'job-expired' })
      .rejects(Object.assign(new Error('Invalid job id'), { name: 'InvalidJobIdException' }));

    const report = await env.sweep({});

    expect(outcomeOf(report, documentId)).toBe('marked_failed');
    const record = await env.documents.get(documentId);
    expect(record).toMatchObject({ status: 'failed', error: { code: 'ocr_job_lost', message: expect.stringContaining('文字识别') } });
    expect(env.kept.drain()).toEqual([{ documentId, syncOcr: true }]);
    expect(env.failedCounts).toEqual([1]);
    expect(await pendingOf(env.jobs, [documentId])).toEqual([]);
  });

  it('waits on a job still running within the give-up age and gives it up past it', async () => {
    const env = await setUp();
    const running = await env.waiting('job-running', 120);
    const stuck = await env.waiting('job-stuck', 60 * 25);
    textract.on(GetDocumentTextDetectionCommand).resolves({ JobStatus: 'IN_PROGRESS' });

    const report = await env.sweep({});

    expect(outcomeOf(report, running)).toBe('still_running');
    expect((await env.documents.get(running))?.status).toBe('processing');
    expect(await pendingOf(env.jobs, [running])).toHaveLength(1);
    expect(outcomeOf(report, stuck)).toBe('marked_failed');
    expect((await env.documents.get(stuck))?.error?.code).toBe('ocr_job_lost');
  });

  it('crosses out a job whose document settled meanwhile without asking Textract', async () => {
    const env = await setUp();
    const documentId = await env.waiting('job-late', 90);
    await env.documents.update(documentId, { status: 'processed' });

    const report = await env.sweep({});

    expect(outcomeOf(report, documentId)).toBe('already_settled');
    expect(textract.commandCalls(GetDocumentTextDetectionCommand).filter((call) => call.args[0].input.JobId === 'job-late')).toEqual([]);
    expect(await pendingOf(env.jobs, [documentId])).toEqual([]);
  });

  it('keeps the first start time when a redelivered start records the same job again', async () => {
    const env = await setUp();
    const documentId = await env.waiting('job-again', 90);

    await env.jobs.record({ documentId, jobId: 'job-again', startedAt: NOW.toISOString() });

    expect((await pendingOf(env.jobs, [documentId]))[0]?.startedAt).toBe(minutesAgo(90));
  });

  it('reads its age settings from the environment with defaults', () => {
    expect(sweepSettingsFromEnv({})).toEqual({ staleAfterMinutes: 60, giveUpAfterHours: 24, maxJobsPerSweep: 100 });
    expect(sweepSettingsFromEnv({ TEXTRACT_SWEEP_AFTER_MINUTES: '30', TEXTRACT_GIVE_UP_AFTER_HOURS: '6' })).toMatchObject({
      staleAfterMinutes: 30,
      giveUpAfterHours: 6,
    });
  });
});
