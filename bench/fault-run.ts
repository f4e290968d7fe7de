/**
 * Fault injection on the embedded stack (issue 15, *Done when*): uploads a batch of claims (a digital certificate and,
 * for every other claim, a labour contract, each claim a submission of its own), and mid-batch kills the parts one
 * after another as the kernel's OOM killer would — the process worker threads, DynamoDB Local's JVM, the s3rver child
 * — then waits for the stack to start them again and finish, and counts: objects uploaded vs document records vs
 * cases, duplicates, and any object not in a state a person can see. Used by `npm run bench -- faults` and, with a
 * small batch, by test/faults/crash-parts.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { DynamoDbCaseRepository } from '../shared/adapters/dynamodb-case-repository.js';
import { DynamoDbDocumentRepository } from '../shared/adapters/dynamodb-document-repository.js';
import type { DocumentStatus } from '../shared/cases/document-record.js';
import { documentIdFor } from '../shared/storage/layout.js';
import { startEmbeddedStack, type EmbeddedStack } from '../local/embedded-stack.js';
import { makeCertificatePdf, makeLaborContractPdf, sampleClaim } from '../local/sample-documents.js';

/** The parts a run can kill, in the order it kills them. */
export const FAULT_PARTS = ['process-worker', 'dynamodb', 's3'] as const;
export type FaultPart = (typeof FAULT_PARTS)[number];

/** States a person can see an object in: every uploaded object must end in one. */
export const VISIBLE_FINAL_STATES: readonly DocumentStatus[] = ['processed', 'needs_review', 'rejected', 'failed', 'duplicate'];

export interface FaultRunOptions {
  /** Objects to upload (each claim is one or two objects). */
  documents: number;
  /** Parts to kill mid-batch (default all three). */
  kill?: readonly FaultPart[];
  /** How long the stack may take to finish after the last kill. */
  timeoutMs?: number;
  log?: (line: string) => void;
}

/** What a run counted. `ok` when nothing was lost or duplicated and every object ended visible. */
export interface FaultRunCounts {
  uploaded: number;
  /** Uploads that had to be retried because S3 was away (the uploader's view). */
  uploadRetries: number;
  records: number;
  byStatus: Partial<Record<DocumentStatus, number>>;
  submissions: number;
  cases: number;
  /** Records beyond one per uploaded object (a redelivery that made a second record). */
  duplicateRecords: number;
  /** Cases beyond one per submission, and documents listed by more than one case or twice in one. */
  duplicateCases: number;
  duplicateCaseDocuments: number;
  /** Objects with no record, or whose record is not in a final state. */
  notVisible: string[];
  /** Read documents (processed, needs_review) that no case lists. */
  documentsWithoutCase: number;
  killed: Record<FaultPart, number>;
  /** At each kill: documents already in a final state, and queue messages in flight (the kill was mid-batch). */
  atKill: Partial<Record<FaultPart, { settled: number; inFlight: number }>>;
  /** Crashes each supervised part saw (and came back from). */
  crashesSeen: { dynamodb: number; s3: number };
  dead: number;
  seconds: number;
  ok: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A PUT retried while the S3 server is away, as a client (the CLI, a browser) would retry. */
async function putWithRetry(s3: S3Client, bucket: string, key: string, body: Uint8Array, retries: { count: number }): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: 'application/pdf', Metadata: { submitter: 'fault-run' } }));
      return;
    } catch (error) {
      if (attempt >= 40) throw error;
      retries.count += 1;
      await sleep(250);
    }
  }
}

interface PlannedObject {
  key: string;
  body: Uint8Array;
}

/** Claims as submissions: a digital certificate each, and a one-page contract with every other one. */
function plan(documents: number, runId: string): PlannedObject[] {
  const objects: PlannedObject[] = [];
  for (let claim = 0; objects.length < documents; claim += 1) {
    const facts = sampleClaim(claim);
    const submission = `${runId}-c${String(claim).padStart(5, '0')}`;
    objects.push({ key: `incoming/${submission}/certificate.pdf`, body: makeCertificatePdf(facts) });
    if (claim % 2 === 1 && objects.length < documents)
      objects.push({ key: `incoming/${submission}/contract.pdf`, body: makeLaborContractPdf(facts, { pages: 1 }) });
  }
  return objects;
}

/** Counts what the store holds for the run's objects (see FaultRunCounts). */
export async function countOutcome(
  stack: EmbeddedStack,
  prefix: string,
): Promise<Omit<FaultRunCounts, 'uploadRetries' | 'killed' | 'atKill' | 'crashesSeen' | 'seconds' | 'ok'>> {
  const { bucket, tableName } = stack.endpoints;
  const documents = new DynamoDbDocumentRepository(stack.db, tableName);
  const cases = new DynamoDbCaseRepository(stack.db, tableName);
  const objects: { key: string; eTag: string }[] = [];
  let token: string | undefined;
  do {
    const page = await stack.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
    for (const object of page.Contents ?? []) objects.push({ key: object.Key!, eTag: (object.ETag ?? '').replace(/"/g, '') });
    token = page.NextContinuationToken;
  } while (token);
  const submissions = [...new Set(objects.map((object) => object.key.split('/')[1]!))];
  const byStatus: Partial<Record<DocumentStatus, number>> = {};
  const notVisible: string[] = [];
  let records = 0;
  let duplicateRecords = 0;
  let caseCount = 0;
  let duplicateCases = 0;
  let duplicateCaseDocuments = 0;
  let documentsWithoutCase = 0;
  for (const submission of submissions) {
    const expected = new Map(
      objects.filter((object) => object.key.split('/')[1] === submission).map((object) => [documentIdFor(bucket, object.key, object.eTag), object.key]),
    );
    const stored = await documents.listBySubmission(submission);
    records += stored.length;
    duplicateRecords += stored.filter((record) => !expected.has(record.documentId)).length;
    for (const record of stored) byStatus[record.status] = (byStatus[record.status] ?? 0) + 1;
    for (const [documentId, key] of expected) {
      const record = stored.find((candidate) => candidate.documentId === documentId);
      if (!record || !VISIBLE_FINAL_STATES.includes(record.status)) notVisible.push(`${key}: ${record?.status ?? 'no record'}`);
    }
    const submissionCases = await cases.listBySubmission(submission);
    caseCount += submissionCases.length;
    duplicateCases += Math.max(0, submissionCases.length - 1);
    const listed = submissionCases.flatMap((reviewCase) => reviewCase.documents.map((document) => document.documentId));
    duplicateCaseDocuments += listed.length - new Set(listed).size;
    documentsWithoutCase += stored.filter(
      (record) => (record.status === 'processed' || record.status === 'needs_review') && !listed.includes(record.documentId),
    ).length;
  }
  return {
    uploaded: objects.length,
    records,
    byStatus,
    submissions: submissions.length,
    cases: caseCount,
    duplicateRecords,
    duplicateCases,
    duplicateCaseDocuments,
    notVisible,
    documentsWithoutCase,
    dead: stack.queue.deadLetters().length,
  };
}

/**
 * Uploads `documents` objects to a fresh embedded stack, kills the given parts one after another mid-batch, waits for
 * the stack to finish, and counts.
 *
 * @example
 * const counts = await runFaultInjection({ documents: 12 });
 * counts.ok; // true
 */
export async function runFaultInjection(options: FaultRunOptions): Promise<FaultRunCounts> {
  const log = options.log ?? (() => undefined);
  const kill = options.kill ?? FAULT_PARTS;
  const root = mkdtempSync(path.join(os.tmpdir(), 'intake-faults-'));
  const started = Date.now();
  const runId = `faults-${started.toString(36)}`;
  const killed: Record<FaultPart, number> = { 'process-worker': 0, dynamodb: 0, s3: 0 };
  const retries = { count: 0 };
  const atKill: FaultRunCounts['atKill'] = {};
  // Its own DynamoDB Local and s3rver child, both supervised; a short failure delay so transient failures reach the
  // dead-letter path within the run (what must then be resumed).
  const stack = await startEmbeddedStack({
    dataDir: path.join(root, 'data'),
    httpPort: false,
    inboxDir: false,
    stopGraceMs: 500,
    queue: { failureDelaySeconds: 1, maxReceiveCount: 3 },
  });
  try {
    const objects = plan(options.documents, runId);
    const chunks = kill.length + 1;
    const perChunk = Math.ceil(objects.length / chunks);
    const settledCount = async () => {
      const documents = new DynamoDbDocumentRepository(stack.db, stack.endpoints.tableName);
      const submissions = [...new Set(objects.map((object) => object.key.split('/')[1]!))];
      let settled = 0;
      for (const submission of submissions) {
        settled += (await documents.listBySubmission(submission).catch(() => [])).filter((record) => VISIBLE_FINAL_STATES.includes(record.status)).length;
      }
      return settled;
    };
    for (let chunk = 0; chunk < chunks; chunk += 1) {
      const slice = objects.slice(chunk * perChunk, (chunk + 1) * perChunk);
      await Promise.all(slice.map((object) => putWithRetry(stack.s3, stack.endpoints.bucket, object.key, object.body, retries)));
      log(`uploaded ${Math.min(objects.length, (chunk + 1) * perChunk)}/${objects.length}`);
      const part = kill[chunk];
      if (!part) break;
      // Mid-batch: once part of this chunk is done while more of it is being processed (a message in flight).
      // Should the chunk finish before that is seen, the part is killed between batches (the next chunk arrives while
      // it is away), never after a long wait.
      const target = chunk * perChunk + 1;
      const chunkEnd = chunk * perChunk + slice.length;
      for (let waited = 0; waited < 60_000; waited += 50) {
        const settled = await settledCount();
        atKill[part] = { settled, inFlight: stack.queue.depth().inFlight };
        if ((atKill[part]!.inFlight > 0 && settled >= target) || settled >= chunkEnd) break;
        await sleep(50);
      }
      if (part === 'process-worker') killed[part] += await stack.faults.killProcessWorker();
      if (part === 'dynamodb') killed[part] += stack.faults.killDynamoDb() ? 1 : 0;
      if (part === 's3') killed[part] += stack.faults.killS3() ? 1 : 0;
      log(`killed ${part} (${killed[part]}) with ${atKill[part]!.settled} of ${objects.length} settled and ${atKill[part]!.inFlight} in flight`);
      // The next chunk goes up while the part is away or coming back.
    }
    // Done when every object is in a final state, the queue is empty and every part is up again.
    const deadline = Date.now() + (options.timeoutMs ?? 300_000);
    for (;;) {
      const parts = stack.parts();
      const depth = stack.queue.depth();
      const up = parts.dynamodb === 'up' && parts.s3 === 'up';
      if (up && depth.visible + depth.delayed + depth.inFlight === 0 && stack.dispatcher.pending() === 0 && (await settledCount()) >= objects.length) break;
      if (Date.now() > deadline) {
        log(`timed out waiting: parts ${JSON.stringify(parts)}, queue ${JSON.stringify(depth)}`);
        break;
      }
      await sleep(500);
    }
    const counts = await countOutcome(stack, `incoming/${runId}-`);
    const parts = stack.parts();
    const result: FaultRunCounts = {
      ...counts,
      uploadRetries: retries.count,
      killed,
      atKill,
      crashesSeen: { dynamodb: parts.dynamodbCrashes ?? 0, s3: parts.s3Crashes ?? 0 },
      seconds: Math.round((Date.now() - started) / 1000),
      ok: false,
    };
    result.ok =
      result.uploaded === objects.length &&
      result.records === result.uploaded &&
      result.duplicateRecords === 0 &&
      result.duplicateCases === 0 &&
      result.duplicateCaseDocuments === 0 &&
      result.notVisible.length === 0 &&
      result.documentsWithoutCase === 0 &&
      result.cases === result.submissions;
    return result;
  } finally {
    await stack.stop();
    rmSync(root, { recursive: true, force: true });
  }
}

/** The counts as lines for a person. */
export function formatFaultCounts(counts: FaultRunCounts): string[] {
  return [
    `killed: process worker threads ${counts.killed['process-worker']}, DynamoDB Local ${counts.killed.dynamodb}, s3rver ${counts.killed.s3} (restarts seen: DynamoDB ${counts.crashesSeen.dynamodb}, S3 ${counts.crashesSeen.s3})`,
    `at each kill (settled / in flight): ${Object.entries(counts.atKill)
      .map(([part, at]) => `${part} ${at.settled}/${at.inFlight}`)
      .join(', ')}`,
    `uploaded objects ${counts.uploaded} (upload retries while S3 was away: ${counts.uploadRetries}) · document records ${counts.records} · submissions ${counts.submissions} · cases ${counts.cases}`,
    `final states: ${Object.entries(counts.byStatus)
      .map(([status, n]) => `${status} ${n}`)
      .join(', ')}`,
    `duplicates: records ${counts.duplicateRecords}, cases ${counts.duplicateCases}, case documents ${counts.duplicateCaseDocuments} · not in a visible state: ${counts.notVisible.length} · read but in no case: ${counts.documentsWithoutCase} · left dead-lettered: ${counts.dead}`,
    `${counts.ok ? 'OK' : 'NOT OK'}: no loss, no duplicate, every object visible — in ${counts.seconds} s`,
  ];
}
