import { SETTLED_FOR_PROCESSING as SETTLED, type DocumentRecord, type DocumentStatus } from '../cases/document-record.js';
import type { ExtractedDocument } from '../documents/extracted-document.js';
import { describeFailure } from '../intake/failure.js';
import type { IntakeLimits } from '../intake/limits.js';
import type { OcrEngine } from '../ocr/ocr-engine.js';
import type { BlobStore } from '../ports/blob-store.js';
import type { CaseRepository } from '../ports/case-repository.js';
import type { Clock } from '../ports/clock.js';
import type { DocumentRepository } from '../ports/document-repository.js';
import type { ProcessDocumentMessage } from '../ports/work-queue.js';
import type { ExtractDocuments } from '../reading/read-file.js';
import { timed, type StageTimings } from '../documents/stage-timings.js';
import type { AsyncPageOcr } from './async-ocr.js';
import type { PageReading } from './page-reading.js';
import type { CaseWriteResult, SubmissionKind } from './assemble-cases.js';
import { UnknownDocumentError } from './errors.js';
import type { ClaimJudge } from './judge.js';
import type { PipelineLogger } from './logger.js';
import { CheckpointWrites, emptySteps, readDocument } from './process-read.js';
import { readSubmissionEarly, settleDocument } from './process-settle.js';

export interface ProcessDeps {
  blobs: BlobStore;
  documents: DocumentRepository;
  cases: CaseRepository;
  clock: Clock;
  ocr: OcrEngine;
  /** Pages and previews from the file's bytes (the PDF and image work): `pageReading` of `shared/reading`. */
  reading: PageReading;
  extract: ExtractDocuments;
  /** Cross-checks a submission's documents (same person's name and ID across them); identity when absent. */
  crossCheck?: (documents: ExtractedDocument[]) => ExtractedDocument[];
  judge: ClaimJudge;
  limits: IntakeLimits;
  derivedPrefix: string;
  ocrDpi?: number;
  /** Resolution of the page previews stored for the page view (default `DEFAULT_PREVIEW_DPI`; every page gets one). */
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
  | {
      kind: 'done';
      documentId: string;
      status: 'processed' | 'needs_review';
      cases: CaseWriteResult[];
      pageCount: number;
      resumedPages: number;
      timings: StageTimings;
    };

/**
 * What the queue message says beyond the document id (`syncOcr`; `source`, read beside the record, which decides),
 * and SQS's receive count: on a first delivery there are no checkpoints to look for.
 */
export type ProcessMessage = Omit<ProcessDocumentMessage, 'documentId'> & { receiveCount?: number };

/**
 * The **process** stage for one document (file), in two halves: **read** (`process-read.ts`: fetch the original, read
 * its pages — text layer or OCR, each checkpointed with its preview — render, extract its documents) and **settle**
 * (`process-settle.ts`: put the submission's documents into their case(s) — cross-checked, judged by the rules,
 * written into the review queue with claim keys — and settle the document as `processed` or `needs_review`).
 *
 * Every step can be repeated: checkpoints make a redelivered message resume at the first unread page (the last
 * page's text is stored only when the file's final write fails — otherwise it is saved with the case), cases have
 * deterministic ids and only ever gain documents, and what the file read is saved and the file settled in the same
 * transaction as its case — so a file is never settled without its case, and another file of the submission sees its
 * documents exactly when the case has them. A crash anywhere followed by redelivery therefore yields exactly one case
 * and loses no page.
 *
 * @example
 * const outcome = await processDocument('doc-1', deps);
 * // { kind: 'done', status: 'needs_review', cases: [{ caseId: 'case-sub-1', action: 'created' }], ... }
 */
export async function processDocument(documentId: string, deps: ProcessDeps, message: ProcessMessage = {}): Promise<ProcessOutcome> {
  const steps = emptySteps();
  // The original is read beside the record when the message says where it is (ingest's messages do).
  const source = message.source;
  const original = source ? deps.blobs.get(source.bucket, source.key, source.versionId) : undefined;
  // Not awaited when the record turns out settled or already read: its failure must not go unhandled.
  original?.catch(() => undefined);
  const record: DocumentRecord | undefined = await timed(steps, 'fetch', () => deps.documents.get(documentId));
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
    // The submission it settles into is read while its pages are (see readSubmissionEarly).
    const earlyRead = readSubmissionEarly(record, deps);
    const read = await readDocument(record, deps, message, { writes, steps, readOriginal });
    if (read.kind !== 'read') return read;
    return await settleDocument(record, read, deps, { writes, steps, earlyRead });
  } finally {
    // Whatever happened, no checkpoint write is left running behind the caller's back (a retry looks for them).
    await writes.settled();
  }
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
