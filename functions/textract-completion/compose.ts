/**
 * Composition root of **textract-completion**: Textract (to page through a job's results), S3, the document records,
 * the process queue and mupdf (page sizes). No PaddleOCR runtime.
 */
import { TextractClient } from '@aws-sdk/client-textract';
import { DynamoDbDocumentRepository } from '../../shared/adapters/dynamodb-document-repository.js';
import { S3BlobStore } from '../../shared/adapters/s3-blob-store.js';
import { DynamoDbTextractJobLedger } from '../../shared/adapters/dynamodb-textract-job-ledger.js';
import type { TextractJobLedger } from '../../shared/ports/textract-jobs.js';
import type { PipelineLogger } from '../../shared/pipeline/logger.js';
import { systemClock, type BlobStore, type Clock, type DocumentRepository, type WorkQueue } from '../../shared/ports/index.js';
import { lazyClients, rootSettings, type RootOptions } from '../compose/root-options.js';
import { processQueue } from '../compose/process-queue.js';
import type { TextractCompletionDeps } from './handler.js';

export interface TextractCompletionRootOptions extends RootOptions {
  textract?: TextractClient;
  blobs?: BlobStore;
  documents?: DocumentRepository;
  queue?: WorkQueue;
  jobs?: Pick<TextractJobLedger, 'remove'>;
  clock?: Clock;
  logger?: PipelineLogger;
}

/**
 * Everything the Textract completion uses.
 *
 * @example
 * const deps = composeTextractCompletion();
 */
export function composeTextractCompletion(options: TextractCompletionRootOptions = {}): TextractCompletionDeps {
  const settings = rootSettings(options);
  const clients = lazyClients(settings, options.endpoints);
  const queue = processQueue(settings, options.queue);
  return {
    textract: options.textract ?? new TextractClient({ region: settings.region }),
    blobs: options.blobs ?? new S3BlobStore(clients.s3()),
    documents: options.documents ?? new DynamoDbDocumentRepository(clients.db(), settings.tableName),
    queue,
    jobs: options.jobs ?? new DynamoDbTextractJobLedger(clients.db(), settings.tableName),
    clock: options.clock ?? systemClock,
    derivedPrefix: settings.derivedPrefix,
    ocrDpi: settings.ocrDpi,
    logger: options.logger,
  };
}
