/**
 * Composition root of **ingest**: S3, the document and batch records, the process queue (SQS, or the host's), the
 * file checks (mupdf, sharp) and the e-mail intake for `.eml` uploads. No OCR runtime.
 */
import { DynamoDbBatchStore } from '../../shared/adapters/dynamodb-batch-store.js';
import { DynamoDbDocumentRepository } from '../../shared/adapters/dynamodb-document-repository.js';
import { DynamoDbEmailRecordStore } from '../../shared/adapters/dynamodb-email-record-store.js';
import { S3BlobStore } from '../../shared/adapters/s3-blob-store.js';
import { zipArchives } from '../../shared/archives/store-archive.js';
import { takeInEmail } from '../../shared/email/take-in-email.js';
import type { IngestDeps } from '../../shared/pipeline/ingest.js';
import type { PipelineLogger } from '../../shared/pipeline/logger.js';
import { systemClock, type BlobStore, type Clock, type DocumentRepository, type WorkQueue } from '../../shared/ports/index.js';
import { inspectFile } from '../../shared/reading/inspect-file.js';
import { processQueue } from '../compose/process-queue.js';
import { lazyClients, rootSettings, type RootOptions } from '../compose/root-options.js';

export interface IngestRootOptions extends RootOptions {
  /** The process queue; SQS at `PROCESS_QUEUE_URL` when absent (the local stack gives its own). */
  queue?: WorkQueue;
  blobs?: BlobStore;
  documents?: DocumentRepository;
  clock?: Clock;
  logger?: PipelineLogger;
  /** Expand uploaded ZIPs into incoming/ (default: unless `INTAKE_EXPAND_ARCHIVES=false`). */
  expandArchives?: boolean;
}

/**
 * Everything ingest uses, built from settings and the host's overrides.
 *
 * @example
 * const deps = composeIngest({ settings, endpoints: { dynamodb, s3 }, queue: localQueue });
 * await ingestObject(object, deps);
 */
export function composeIngest(options: IngestRootOptions = {}): IngestDeps {
  const settings = rootSettings(options);
  const env = options.env ?? process.env;
  const clients = lazyClients(settings, options.endpoints);
  const queue = processQueue(settings, options.queue);
  const blobs = options.blobs ?? new S3BlobStore(clients.s3());
  const clock = options.clock ?? systemClock;
  let emails: DynamoDbEmailRecordStore | undefined;
  let batches: DynamoDbBatchStore | undefined;
  return {
    blobs,
    documents: options.documents ?? new DynamoDbDocumentRepository(clients.db(), settings.tableName),
    queue,
    clock,
    limits: settings.limits,
    inspect: inspectFile,
    logger: options.logger,
    // Uploaded ZIPs (a training body's certificates) are expanded into incoming/; needs ingest to be allowed to
    // write incoming/.
    archives: (options.expandArchives ?? env.INTAKE_EXPAND_ARCHIVES !== 'false') ? zipArchives() : undefined,
    // An .eml dropped into the inbox (or uploaded as a document) goes to the e-mail intake.
    emailIntake: (object) => {
      emails ??= new DynamoDbEmailRecordStore(clients.db(), settings.tableName);
      return takeInEmail(object, { blobs, emails, clock, maxFileBytes: settings.limits.maxFileBytes }, { anyPrefix: true });
    },
    batchInstitution: async (batchId) => {
      batches ??= new DynamoDbBatchStore(clients.db(), settings.tableName);
      return (await batches.get(batchId))?.institutionId;
    },
  };
}
