import { createHash } from 'node:crypto';
import { FINAL_DOCUMENT_STATES, type DocumentRecord, type DocumentStatus } from '../cases/document-record.js';
import { describeFailure } from '../intake/failure.js';
import type { IntakeLimits } from '../intake/limits.js';
import { sniffType, type ReadableType } from '../intake/sniff.js';
import { FileTooLargeError, IntakeError } from '../intake/errors.js';
import { checkUpload } from '../intake/validate.js';
import type { BlobStore } from '../ports/blob-store.js';
import type { Clock } from '../ports/clock.js';
import type { DocumentRepository } from '../ports/document-repository.js';
import type { WorkQueue } from '../ports/work-queue.js';
import { documentIdFor, INCOMING_PREFIX, submissionOf } from '../storage/layout.js';
import type { PipelineLogger } from './logger.js';

/** An object created in the intake bucket, its key decoded: what ingest (and the e-mail intake) takes in. */
export interface CreatedObject {
  bucket: string;
  key: string;
  size?: number;
  eTag?: string;
  versionId?: string;
}

/**
 * Expands an uploaded ZIP into documents of its submission: `zipArchives()` of shared/archives (yauzl) in every root.
 * Throws an `IntakeError` (an `ArchiveError`) when the archive is refused whole.
 */
export interface ArchiveExpansion {
  expand(
    archive: { bucket: string; submissionId: string; archiveName: string; archiveVersion: string; bytes: Uint8Array },
    stores: { blobs: BlobStore; documents: DocumentRepository; clock: Clock },
  ): Promise<{ stored: readonly string[]; refused: readonly unknown[] }>;
}

export interface IngestDeps {
  blobs: BlobStore;
  documents: DocumentRepository;
  queue: WorkQueue;
  clock: Clock;
  limits: IntakeLimits;
  /** Structure check and page count (shared/reading's `inspectFile`; injected so the domain tests need no PDFs). */
  inspect: (bytes: Uint8Array, type: ReadableType, limits: IntakeLimits) => Promise<{ pageCount: number }>;
  logger?: PipelineLogger;
  /**
   * When set, an uploaded ZIP is expanded into `incoming/<submission>/<zip name>/…` (each entry then comes through
   * ingest as a document) instead of being refused as `unsupported_here`. Needs write access to `incoming/`.
   */
  archives?: ArchiveExpansion;
  /**
   * When set, an e-mail message (`.eml`, e.g. dropped into the local inbox) is handed to the e-mail intake, whose
   * attachments come back through ingest, instead of being refused as `unsupported_here`.
   */
  emailIntake?: (object: CreatedObject) => Promise<{ kind: string }>;
  /**
   * The training institution that created a batch (`batch-…` submissions). Files uploaded through the batch's
   * presigned URLs carry no `submitter` metadata, so the batch record says whose they are: the payee of XH36-3.7.a.
   */
  batchInstitution?: (batchId: string) => Promise<string | undefined>;
}

export type IngestOutcome =
  | { kind: 'ignored'; key: string; reason: 'not_incoming' | 'object_missing' }
  | { kind: 'already_done'; documentId: string; status: DocumentStatus }
  | { kind: 'queued'; documentId: string; submissionId: string; pageCount: number }
  | { kind: 'duplicate'; documentId: string; duplicateOf: string }
  | { kind: 'rejected'; documentId: string; code: string }
  | { kind: 'expanded'; documentId: string; stored: number; refused: number }
  | { kind: 'handed_to_email'; documentId: string; outcome: string };

/** States after which ingest has nothing left to do for an object version. */
const SETTLED: readonly DocumentStatus[] = FINAL_DOCUMENT_STATES;

const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The `submitter` metadata value; `intake submit` URI-encodes it (S3 metadata is ASCII), the inbox stores it plain. */
function submitterOf(metadata: Record<string, string> | undefined): string | undefined {
  const raw = metadata?.submitter?.trim();
  if (!raw) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * Takes one created object under `incoming/` into the pipeline: registers its DocumentRecord (idempotent on bucket +
 * key + versionId/eTag), checks it (magic bytes, size, structure, pages), links byte-identical re-uploads to the first
 * one (`duplicate`, not processed twice) and queues it for the **process** stage. Bad input ends `rejected` with a
 * reason; the original is never touched.
 *
 * Safe to run again at any point: a record still `received` or `processing` is checked and queued again (process is
 * idempotent), a settled one is left alone. That is what makes S3's at-least-once delivery, and a crash between the
 * status write and the queue write, lose nothing and duplicate nothing.
 *
 * @example
 * const outcome = await ingestObject({ bucket: 'intake', key: 'incoming/s1/证书.pdf', eTag: '"abc"' }, deps);
 * // { kind: 'queued', documentId: 'doc-…', submissionId: 's1', pageCount: 1 }
 */
export async function ingestObject(object: CreatedObject, deps: IngestDeps): Promise<IngestOutcome> {
  const { bucket, key } = object;
  if (!key.startsWith(INCOMING_PREFIX) || key.endsWith('/')) return { kind: 'ignored', key, reason: 'not_incoming' };

  const head = object.versionId || object.eTag ? undefined : await deps.blobs.head(bucket, key);
  const sourceVersion = (object.versionId ?? object.eTag ?? head?.versionId ?? head?.eTag)?.replace(/"/g, '');
  const versionId = object.versionId ?? head?.versionId;
  if (!sourceVersion) {
    deps.logger?.warn('object no longer exists; nothing to ingest', { bucket, key });
    return { kind: 'ignored', key, reason: 'object_missing' };
  }
  const documentId = documentIdFor(bucket, key, sourceVersion);
  const { submissionId, fileName } = submissionOf(key, documentId);
  const now = deps.clock.now().toISOString();

  const received: DocumentRecord = {
    documentId,
    submissionId,
    bucket,
    key,
    sourceVersion,
    ...(versionId ? { sourceVersionId: versionId } : {}),
    fileName,
    ...(object.size !== undefined ? { size: object.size } : {}),
    status: 'received',
    createdAt: now,
    updatedAt: now,
  };
  // The record as `received`, or the outcome of an earlier delivery that already settled this object version. The
  // usual upload skips it: once read and checked, it is registered and claims its bytes in one write (below).
  const enter = async (): Promise<{ record: DocumentRecord; done?: undefined } | { done: IngestOutcome }> => {
    const { record, created } = await deps.documents.register(received);
    if (!created && SETTLED.includes(record.status)) {
      deps.logger?.info('object version already ingested', { documentId, status: record.status });
      return { done: { kind: 'already_done', documentId, status: record.status } };
    }
    return { record };
  };
  const reject = async (error: unknown, extra: Partial<DocumentRecord> = {}): Promise<IngestOutcome> => {
    const entered = await enter();
    if (entered.done) return entered.done;
    const failure = describeFailure(error);
    await deps.documents.update(documentId, { ...extra, status: failure.status, error: failure.error, updatedAt: deps.clock.now().toISOString() });
    deps.logger?.warn('document rejected', { documentId, submissionId, code: failure.error.code, detail: failure.logMessage });
    return { kind: 'rejected', documentId, code: failure.error.code };
  };

  try {
    // Refuse an oversized object before downloading it.
    if (object.size !== undefined && object.size > deps.limits.maxFileBytes) return await reject(new FileTooLargeError(object.size, deps.limits.maxFileBytes));
    // The version the event named, when the bucket is versioned: the key may already hold a newer upload (its own event).
    // The object's metadata says who handed it in (`intake submit --submitter`, the inbox): from the same GET as the bytes.
    const { bytes, metadata } = await deps.blobs.getWithMetadata(bucket, key, versionId);
    const sha256 = sha256Of(bytes);
    const submitter =
      submitterOf(metadata) ?? (submissionId.startsWith('batch-') && deps.batchInstitution ? await deps.batchInstitution(submissionId) : undefined);
    const known = { sha256, size: bytes.length, sniffedType: sniffType(bytes), ...(submitter ? { submitter } : {}) };

    if (known.sniffedType === 'zip' && deps.archives) {
      const entered = await enter();
      if (entered.done) return entered.done;
      try {
        const expansion = await deps.archives.expand(
          { bucket, submissionId, archiveName: fileName, archiveVersion: sourceVersion, bytes },
          { blobs: deps.blobs, documents: deps.documents, clock: deps.clock },
        );
        // The archive itself is done once its entries are in: each entry has its own record and state.
        await deps.documents.update(documentId, { ...known, pageCount: 0, status: 'processed', updatedAt: deps.clock.now().toISOString() });
        deps.logger?.info('archive expanded', { documentId, submissionId, stored: expansion.stored.length, refused: expansion.refused.length });
        return { kind: 'expanded', documentId, stored: expansion.stored.length, refused: expansion.refused.length };
      } catch (error) {
        // The archive refused whole (bomb, corrupt, too many entries): an ArchiveError, an intake refusal like any other.
        if (error instanceof IntakeError) return await reject(error, known);
        throw error;
      }
    }

    if (known.sniffedType === 'eml' && deps.emailIntake) {
      const entered = await enter();
      if (entered.done) return entered.done;
      const handed = await deps.emailIntake({ bucket, key, eTag: sourceVersion, ...(versionId ? { versionId } : {}) });
      // The message's own state (accepted, rejected with a reason, reply) is on its e-mail record; its files have theirs.
      await deps.documents.update(documentId, { ...known, pageCount: 0, status: 'processed', updatedAt: deps.clock.now().toISOString() });
      deps.logger?.info('e-mail message handed to the e-mail intake', { documentId, submissionId, outcome: handed.kind });
      return { kind: 'handed_to_email', documentId, outcome: handed.kind };
    }

    let type: ReadableType;
    let pageCount: number;
    try {
      type = checkUpload(bytes, fileName, deps.limits).type;
      pageCount = (await deps.inspect(bytes, type, deps.limits)).pageCount;
    } catch (error) {
      const failure = describeFailure(error);
      // Only bad input is the sender's; an infrastructure error is thrown so the event is retried.
      if (failure.status !== 'rejected') throw error;
      return await reject(error, known);
    }

    // A conditional claim on the content, not a look-up then a write: two uploads of the same bytes arriving together
    // must still be read once. The usual upload — first delivery, bytes nobody else sent — is registered `processing`
    // and claims its bytes in one write; a redelivery, or bytes another document holds, go the long way.
    const started = { ...known, pageCount, status: 'processing' as const, updatedAt: deps.clock.now().toISOString() };
    const firstTry = await deps.documents.registerOwningContent({ ...received, ...started, pagesDone: 0 });
    let owner = documentId;
    if (firstTry !== 'registered') {
      const entered = await enter();
      if (entered.done) return entered.done;
      owner = await deps.documents.claimContent(sha256, documentId, { ...started, pagesDone: entered.record.pagesDone ?? 0 });
    }
    const ownerRecord = owner !== documentId ? await deps.documents.get(owner) : undefined;
    if (ownerRecord && ownerRecord.submissionId !== submissionId) {
      // Another submission sent these bytes first (another claimant, another training body). The file still belongs to
      // this claim: it is read for it, linked to the other as a finding for the clerk, and never taken away.
      const sameContentAs = { documentId: owner, submissionId: ownerRecord.submissionId };
      await deps.documents.update(documentId, { ...started, sameContentAs });
      await deps.queue.send([{ documentId, source: { bucket, key, ...(versionId ? { versionId } : {}) } }]);
      deps.logger?.info('document queued; the same bytes were submitted in another submission', { documentId, submissionId, sameContentAsId: owner });
      return { kind: 'queued', documentId, submissionId, pageCount };
    }
    if (owner !== documentId) {
      await deps.documents.update(documentId, { ...known, pageCount, status: 'duplicate', duplicateOf: owner, updatedAt: deps.clock.now().toISOString() });
      deps.logger?.info('duplicate upload linked to the earlier document', { documentId, duplicateOf: owner });
      return { kind: 'duplicate', documentId, duplicateOf: owner };
    }
    await deps.queue.send([{ documentId, source: { bucket, key, ...(versionId ? { versionId } : {}) } }]);
    deps.logger?.info('document queued', { documentId, submissionId, type, pageCount });
    return { kind: 'queued', documentId, submissionId, pageCount };
  } catch (error) {
    // An infrastructure error (S3, DynamoDB, a worker): the event is retried, and meanwhile the upload shows as
    // `received` rather than not at all.
    await enter().catch(() => undefined);
    throw error;
  }
}
