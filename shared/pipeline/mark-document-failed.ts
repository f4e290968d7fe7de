import { SETTLED_FOR_PROCESSING, type DocumentStatus } from '../cases/document-record.js';
import { describeFailure } from '../intake/failure.js';
import type { Clock } from '../ports/clock.js';
import type { DocumentRepository } from '../ports/document-repository.js';
import type { PipelineLogger } from './logger.js';

/**
 * The dead-letter stage: a message that kept failing marks its document `failed` with the error, so poison messages
 * are visible to clerks instead of silently stuck in `processing`. Settled documents are left alone. A module of its
 * own, so the dead-letter function does not carry the process stage.
 *
 * @example
 * await markDocumentFailed('doc-1', deps); // status 'failed', error { code: 'processing_failed', ... }
 */
export async function markDocumentFailed(
  documentId: string,
  deps: { documents: DocumentRepository; clock: Clock; logger?: PipelineLogger },
): Promise<{ kind: 'failed' | 'skipped'; status?: DocumentStatus }> {
  const record = await deps.documents.get(documentId);
  if (!record) {
    deps.logger?.error('dead-lettered message for an unknown document', { documentId });
    return { kind: 'skipped' };
  }
  // Already failed: a redelivered DLQ message changes nothing (and is not counted twice).
  if (SETTLED_FOR_PROCESSING.includes(record.status) || record.status === 'failed') return { kind: 'skipped', status: record.status };
  const error = record.error && record.error.code !== 'processing_failed' ? record.error : describeFailure(undefined).error;
  await deps.documents.update(documentId, { status: 'failed', error, updatedAt: deps.clock.now().toISOString() });
  deps.logger?.error('document failed after retries', { documentId, code: error.code });
  return { kind: 'failed' };
}

/**
 * Records that an attempt failed (the message will be retried, or dead-lettered), so the document shows the error
 * while it is still `processing`.
 *
 * @example
 * await noteProcessingError('doc-1', error, deps);
 */
export async function noteProcessingError(documentId: string, error: unknown, deps: { documents: DocumentRepository; clock: Clock }): Promise<void> {
  const record = await deps.documents.get(documentId);
  if (!record || SETTLED_FOR_PROCESSING.includes(record.status)) return;
  await deps.documents.update(documentId, { error: describeFailure(error).error, updatedAt: deps.clock.now().toISOString() });
}
