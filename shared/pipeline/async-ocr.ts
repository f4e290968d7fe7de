import type { OcrPage } from '../documents/ocr-page.js';
import type { BlobStore } from '../ports/blob-store.js';
import type { Clock } from '../ports/clock.js';
import type { DocumentRepository } from '../ports/document-repository.js';
import type { WorkQueue } from '../ports/work-queue.js';
import { blobPageCheckpoints } from './process.js';
import { UnknownDocumentError } from './errors.js';
import type { PipelineLogger } from './logger.js';

/**
 * An asynchronous OCR job over a whole multi-page file (Textract's StartDocumentTextDetection, whose completion
 * arrives later through SNS). `start` must be idempotent per document (a redelivered process message starts no
 * second job).
 */
export interface AsyncPageOcr {
  /** `version`: the S3 versionId the document was registered with, so the job reads exactly those bytes. */
  start(input: { bucket: string; key: string; documentId: string; version?: string }): Promise<string>;
}

/** What an asynchronous job returned for a document. */
export interface AsyncOcrResult {
  documentId: string;
  jobId: string;
  pages: OcrPage[];
  /** Pages the job could not read; process reads them one by one afterwards. */
  missingPages: number[];
}

export interface CompleteAsyncOcrDeps {
  blobs: BlobStore;
  documents: DocumentRepository;
  queue: WorkQueue;
  clock: Clock;
  derivedPrefix: string;
  logger?: PipelineLogger;
}

/**
 * Takes an asynchronous OCR job's pages back into the pipeline: each page becomes the document's checkpoint, exactly
 * as if process had read it, and the document is queued again with `syncOcr` so that process finishes the file —
 * reading any page the job missed one by one rather than starting another job. Repeating it is harmless.
 *
 * @example
 * await completeAsyncOcr({ documentId: 'doc-1', jobId: 'j1', pages, missingPages: [] }, deps);
 */
export async function completeAsyncOcr(result: AsyncOcrResult, deps: CompleteAsyncOcrDeps): Promise<{ saved: number; missing: number[] }> {
  const record = await deps.documents.get(result.documentId);
  if (!record) throw new UnknownDocumentError(result.documentId);
  const checkpoints = blobPageCheckpoints(deps.blobs, record.bucket, deps.derivedPrefix, record.documentId);
  for (const page of result.pages) await checkpoints.save(page);
  await deps.documents.update(record.documentId, { pagesDone: result.pages.length, updatedAt: deps.clock.now().toISOString() });
  await deps.queue.send([{ documentId: record.documentId, syncOcr: true }]);
  if (result.missingPages.length > 0) {
    deps.logger?.warn('asynchronous OCR missed pages; process reads them one by one', {
      documentId: record.documentId,
      jobId: result.jobId,
      missingPages: result.missingPages,
    });
  }
  return { saved: result.pages.length, missing: result.missingPages };
}
