import type { DocumentRecord, DocumentStatus } from '../cases/document-record.js';
import type { ExtractedDocument } from '../documents/extracted-document.js';
import { describeFailure } from '../intake/failure.js';
import type { IntakeLimits } from '../intake/limits.js';
import { isReadableType, sniffType } from '../intake/sniff.js';
import { UnsupportedTypeError } from '../intake/errors.js';
import type { OcrEngine } from '../ocr/ocr-engine.js';
import type { BlobStore } from '../ports/blob-store.js';
import type { CaseRepository } from '../ports/case-repository.js';
import type { Clock } from '../ports/clock.js';
import type { DocumentRepository } from '../ports/document-repository.js';
import type { ProcessDocumentMessage } from '../ports/work-queue.js';
import type { ExtractDocuments } from '../reading/read-file.js';
import { readPages, type PageCheckpoints } from '../reading/read-pages.js';
import { emptyTimings, timed, type StageTimings } from '../reading/timings.js';
import type { AsyncPageOcr } from './async-ocr.js';
import { caseDocumentsOf, planCases, submissionKindOf, writeCase, type CaseWriteResult, type SubmissionKind } from './assemble-cases.js';
import { blobPageCheckpoints } from './checkpoints.js';
import { UnknownDocumentError } from './errors.js';
import { caseIdFor } from './ids.js';
import type { ClaimJudge } from './judge.js';
import type { PipelineLogger } from './logger.js';

export interface ProcessDeps {
  blobs: BlobStore;
  documents: DocumentRepository;
  cases: CaseRepository;
  clock: Clock;
  ocr: OcrEngine;
  extract: ExtractDocuments;
  /** Cross-checks a submission's documents (same person's name and ID across them); identity when absent. */
  crossCheck?: (documents: ExtractedDocument[]) => ExtractedDocument[];
  judge: ClaimJudge;
  limits: IntakeLimits;
  derivedPrefix: string;
  ocrDpi?: number;
  previewDpi?: number;
  /** How a submission is judged (default: `submissionKindOf`). */
  submissionKind?: (submissionId: string, records: readonly DocumentRecord[]) => SubmissionKind;
  /** An asynchronous OCR job for multi-page scanned PDFs (Textract); without it every page is read in turn. */
  asyncOcr?: AsyncPageOcr;
  /** Least time between two progress writes on a long file. */
  progressIntervalMs?: number;
  logger?: PipelineLogger;
}

export type ProcessOutcome =
  | { kind: 'skipped'; documentId: string; status: DocumentStatus }
  | { kind: 'rejected'; documentId: string; code: string }
  | { kind: 'waiting'; documentId: string; jobId: string; pages: number[] }
  | { kind: 'done'; documentId: string; status: 'processed' | 'needs_review'; cases: CaseWriteResult[]; pageCount: number; resumedPages: number; timings: StageTimings };

/** What the queue message says beyond the document id. */
export interface ProcessMessage {
  syncOcr?: boolean;
  /** SQS's receive count; on a first delivery there are no checkpoints to look for. */
  receiveCount?: number;
  /** Where the original is, as ingest registered it (read beside the record; the record decides). */
  source?: ProcessDocumentMessage['source'];
}

/** Nothing left to do for a document in these states (a redelivered message finds them so). */
const SETTLED: readonly DocumentStatus[] = ['processed', 'needs_review', 'rejected', 'duplicate'];

/** A document needs a clerk's eye when its type is unknown or any of its fields is flagged. */
function needsReview(documents: readonly ExtractedDocument[]): boolean {
  return documents.length === 0 || documents.some((document) => document.type === 'unknown' || Object.values(document.fields).some((field) => field.needsReview));
}

/**
 * The **process** stage for one document (file): reads its pages (text layer or OCR, each page checkpointed with its
 * preview under the derived prefix), extracts its documents, then puts the submission's documents into their case(s)
 * — cross-checked, judged by the rules, written into the review queue with claim keys — and settles the document as
 * `processed` or `needs_review`.
 *
 * Every step can be repeated: checkpoints make a redelivered message resume at the first unread page, extracted
 * documents are saved before cases are touched, cases have deterministic ids and only ever gain documents, and the
 * document is settled last. A crash anywhere followed by redelivery therefore yields exactly one case and loses no
 * page.
 *
 * @example
 * const outcome = await processDocument('doc-1', deps);
 * // { kind: 'done', status: 'needs_review', cases: [{ caseId: 'case-sub-1', action: 'created' }], ... }
 */
export async function processDocument(
  documentId: string,
  deps: ProcessDeps,
  message: ProcessMessage = {},
): Promise<ProcessOutcome> {
  const steps = emptySteps();
  // The original is read beside the record when the message says where it is (ingest's messages do).
  const source = message.source;
  const original = source ? deps.blobs.get(source.bucket, source.key, source.versionId) : undefined;
  // Not awaited when the record turns out settled or already read: its failure must not go unhandled.
  original?.catch(() => undefined);
  const record = await timedStep(steps, 'fetch', () => deps.documents.get(documentId));
  if (!record) throw new UnknownDocumentError(documentId);
  if (SETTLED.includes(record.status)) {
    deps.logger?.info('document already settled; nothing to do', { documentId, status: record.status });
    return { kind: 'skipped', documentId, status: record.status };
  }
  // The record is the authority on which object version is read.
  const sameSource = source?.bucket === record.bucket && source.key === record.key && source.versionId === record.sourceVersionId;
  const readOriginal = () => (sameSource && original ? original : deps.blobs.get(record.bucket, record.key, record.sourceVersionId));
  const writes = new CheckpointWrites();
  try {
    return await processRecord(record, deps, message, writes, steps, readOriginal);
  } finally {
    // Whatever happened, no checkpoint write is left running behind the caller's back (a retry looks for them).
    await writes.settled();
  }
}

/** Milliseconds spent waiting on the stores, per step of processing one document (logged with the stage timings). */
interface StorageSteps {
  /** The document record and the original file. */
  fetch: number;
  /** The extracted documents saved on the record. */
  saveDocuments: number;
  /** The submission's records listed, its case(s) judged and written. */
  cases: number;
  /** What was left of the checkpoint writes once everything else was done. */
  checkpointWait: number;
  /** The document settled. */
  settle: number;
}

const emptySteps = (): StorageSteps => ({ fetch: 0, saveDocuments: 0, cases: 0, checkpointWait: 0, settle: 0 });

async function timedStep<T>(steps: StorageSteps, step: keyof StorageSteps, work: () => Promise<T>): Promise<T> {
  const started = performance.now();
  try {
    return await work();
  } finally {
    steps[step] += performance.now() - started;
  }
}

/**
 * Checkpoint writes (page JSON + preview, two S3 PUTs) started without waiting: they run while the next page is read,
 * and after the last page while the documents are extracted, saved and put into cases. They only help a redelivery
 * resume and the page view show a preview (which it can also render on demand), so nothing waits for them but the
 * document's settling, which fails (and is retried) if one did.
 */
class CheckpointWrites {
  readonly #running: Promise<void>[] = [];
  #failure: unknown;

  /** The checkpoints with `save` returning at once. */
  around(checkpoints: PageCheckpoints): PageCheckpoints {
    return {
      load: (pageNumber) => checkpoints.load(pageNumber),
      save: async (page, preview) => this.start(checkpoints.save(page, preview)),
      ...(checkpoints.savePreview && { savePreview: async (pageNumber, preview) => this.start(checkpoints.savePreview!(pageNumber, preview)) }),
    };
  }

  private start(write: Promise<void>): void {
    this.#running.push(
      write.catch((error: unknown) => {
        this.#failure ??= error;
      }),
    );
  }

  /** Waits for every write started so far; throws the first failure. */
  async done(): Promise<void> {
    await this.settled();
    if (this.#failure !== undefined) throw this.#failure;
  }

  async settled(): Promise<void> {
    await Promise.all(this.#running);
  }
}

async function processRecord(
  record: DocumentRecord,
  deps: ProcessDeps,
  message: ProcessMessage,
  writes: CheckpointWrites,
  steps: StorageSteps,
  readOriginal: () => Promise<Uint8Array>,
): Promise<ProcessOutcome> {
  const documentId = record.documentId;
  const timings = emptyTimings();
  const now = () => deps.clock.now().toISOString();

  let documents = record.documents;
  let pageCount = record.pageCount ?? 0;
  let resumedPages = 0;
  if (!documents) {
    const bytes = await timedStep(steps, 'fetch', readOriginal);
    const type = sniffType(bytes);
    try {
      if (!isReadableType(type)) throw new UnsupportedTypeError(type);
      // Counted from the start of reading: a file read within the interval (most) costs no progress write at all.
      let lastProgressAt = Date.now();
      const checkpoints = blobPageCheckpoints(deps.blobs, record.bucket, deps.derivedPrefix, documentId);
      // Saves a store round trip per OCRed page; a duplicate first delivery at worst reads a page twice.
      const firstAttempt = message.receiveCount === 1 && !message.syncOcr && (record.pagesDone ?? 0) === 0;
      // A multi-page scan goes to the asynchronous job once; its completion re-queues the message with `syncOcr`.
      const deferOcr = Boolean(deps.asyncOcr) && type === 'pdf' && (record.pageCount ?? 0) > 1 && !message.syncOcr;
      const read = await readPages(bytes, type, {
        deferOcr,
        ocr: deps.ocr,
        limits: deps.limits,
        ocrDpi: deps.ocrDpi,
        previewDpi: deps.previewDpi,
        checkpoints: writes.around(firstAttempt ? { ...checkpoints, load: async () => undefined } : checkpoints),
        // The extracted documents are saved right after the last page: its text checkpoint would be one write more.
        checkpointLastPage: false,
        onPage: async (pagesDone, total) => {
          const at = Date.now();
          // The last page's progress is written with the extracted documents just below.
          if (pagesDone >= total || at - lastProgressAt < (deps.progressIntervalMs ?? 2000)) return;
          lastProgressAt = at;
          await deps.documents.update(documentId, { pagesDone, pageCount: total, updatedAt: now() });
        },
      });
      Object.assign(timings, read.timings);
      if (read.deferredPages.length > 0 && deps.asyncOcr) {
        await writes.done();
        const jobId = await deps.asyncOcr.start({ bucket: record.bucket, key: record.key, documentId, ...(record.sourceVersionId ? { version: record.sourceVersionId } : {}) });
        await deps.documents.update(documentId, { pagesDone: read.pages.length, updatedAt: now() });
        deps.logger?.info('asynchronous OCR started for the scanned pages', { documentId, jobId, pages: read.deferredPages.length });
        return { kind: 'waiting', documentId, jobId, pages: read.deferredPages };
      }
      pageCount = read.pages.length;
      resumedPages = read.resumedPages;
      documents = await timed(timings, 'extract', () => deps.extract(read.pages));
    } catch (error) {
      const failure = describeFailure(error);
      if (failure.status !== 'rejected') throw error;
      // Damage found only while decoding (a page that will not render) is still bad input, not a failure.
      await deps.documents.update(documentId, { status: 'rejected', error: failure.error, updatedAt: now() });
      deps.logger?.warn('document rejected while reading', { documentId, code: failure.error.code, detail: failure.logMessage });
      return { kind: 'rejected', documentId, code: failure.error.code };
    }
    // Saved before cases are touched: a crash from here on never reads the file again.
    await timedStep(steps, 'saveDocuments', () => deps.documents.update(documentId, { documents, pageCount, pagesDone: pageCount, updatedAt: now() }));
  }

  const casesStarted = performance.now();
  // The submission's own case (the usual plan) is read while its records are listed; a stale read only costs
  // writeCase a retry (optimistic locking), never a lost document.
  const likelyCaseId = caseIdFor(record.submissionId);
  // A training body's batch is judged certificate by certificate, from this file's own documents (and its own upload
  // date): listing and cross-checking the whole submission for each of its files would read a 1,000-certificate
  // batch a million times. Roster matching and certificate-number claims compare a batch's certificates instead.
  const own: DocumentRecord = { ...record, documents };
  const kindOf = deps.submissionKind ?? submissionKindOf;
  const ownKind = kindOf(record.submissionId, [own]);
  const judgedAlone = ownKind.kind === 'batch';
  const [listed, likelyCase] = judgedAlone
    ? [[own], undefined]
    : await Promise.all([deps.documents.listBySubmission(record.submissionId), deps.cases.get(likelyCaseId)]);
  const records = listed.map((r) => (r.documentId === documentId ? { ...r, documents } : r));
  const readRecords = records.filter((r) => r.documents && r.status !== 'rejected' && r.status !== 'duplicate');
  const kind = judgedAlone ? ownKind : kindOf(record.submissionId, records);
  let caseDocuments = caseDocumentsOf(readRecords);
  if (deps.crossCheck) {
    const checked = deps.crossCheck(caseDocuments);
    caseDocuments = caseDocuments.map((document, index) => ({ ...document, ...checked[index], documentId: document.documentId, indexInFile: document.indexInFile }));
  }
  // The claim is dated by its first upload, whichever file finishes last, so every file judges it the same way.
  const firstUpload = records.map((r) => r.createdAt).sort()[0] ?? record.createdAt;
  const context = { submissionId: record.submissionId, applicant: kind.applicant, claimDate: firstUpload.slice(0, 10) };
  const plans = planCases(record.submissionId, kind, caseDocuments).filter((plan) => plan.documents.some((d) => d.documentId === documentId));
  const cases: CaseWriteResult[] = [];
  for (const plan of plans) {
    const known = plan.caseId === likelyCaseId ? { existing: likelyCase } : undefined;
    cases.push(await writeCase(plan, context, { cases: deps.cases, judge: deps.judge, clock: deps.clock, logger: deps.logger }, known));
  }
  steps.cases += performance.now() - casesStarted;

  const status = needsReview(documents) ? 'needs_review' : 'processed';
  await timedStep(steps, 'checkpointWait', () => writes.done());
  await timedStep(steps, 'settle', () =>
    // The documents, page count and pages done are on the record already (saved above, or by an earlier attempt).
    deps.documents.update(documentId, { status, caseIds: cases.map((c) => c.caseId), error: undefined, updatedAt: now() }),
  );
  // The storage steps beside the reading stages: the pipeline bench prints each.
  deps.logger?.info('document processed', { documentId, status, pageCount, resumedPages, cases: cases.map((c) => `${c.caseId}:${c.action}`), timings: { ...timings, ...steps } });
  return { kind: 'done', documentId, status, cases, pageCount, resumedPages, timings };
}

/**
 * Records that an attempt failed (the message will be retried, or dead-lettered), so the document shows the error
 * while it is still `processing`.
 *
 * @example
 * await noteProcessingError('doc-1', error, deps);
 */
export async function noteProcessingError(documentId: string, error: unknown, deps: Pick<ProcessDeps, 'documents' | 'clock'>): Promise<void> {
  const record = await deps.documents.get(documentId);
  if (!record || SETTLED.includes(record.status)) return;
  await deps.documents.update(documentId, { error: describeFailure(error).error, updatedAt: deps.clock.now().toISOString() });
}

/**
 * The dead-letter stage: a message that kept failing marks its document `failed` with the error, so poison
 * messages are visible to clerks instead of silently stuck in `processing`. Settled documents are left alone.
 *
 * @example
 * await markDocumentFailed('doc-1', deps); // status 'failed', error { code: 'processing_failed', ... }
 */
export async function markDocumentFailed(
  documentId: string,
  deps: Pick<ProcessDeps, 'documents' | 'clock' | 'logger'>,
): Promise<{ kind: 'failed' | 'skipped'; status?: DocumentStatus }> {
  const record = await deps.documents.get(documentId);
  if (!record) {
    deps.logger?.error('dead-lettered message for an unknown document', { documentId });
    return { kind: 'skipped' };
  }
  if (SETTLED.includes(record.status)) return { kind: 'skipped', status: record.status };
  const error = record.error && record.error.code !== 'processing_failed' ? record.error : describeFailure(undefined).error;
  await deps.documents.update(documentId, { status: 'failed', error, updatedAt: deps.clock.now().toISOString() });
  deps.logger?.error('document failed after retries', { documentId, code: error.code });
  return { kind: 'failed' };
}
