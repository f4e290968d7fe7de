/**
 * Composition root of **dead-letter**: the document records, a clock and the failed-document metric. Nothing that
 * reads pages: no OCR runtime, no mupdf, no sharp.
 */
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDbDocumentRepository } from '../../shared/adapters/dynamodb-document-repository.js';
import { SqsWorkQueue } from '../../shared/adapters/sqs-work-queue.js';
import type { PipelineLogger } from '../../shared/pipeline/logger.js';
import { systemClock, type Clock, type DocumentRepository, type WorkQueue } from '../../shared/ports/index.js';
import { emfMetrics, type MetricSink } from '../compose/metrics.js';
import { lazyClients, rootSettings, type RootOptions } from '../compose/root-options.js';

export interface DeadLetterDeps {
  documents: DocumentRepository;
  clock: Clock;
  metrics: MetricSink;
  /**
   * Where each failed document's message is kept for a redrive (`FAILED_DOCUMENTS_QUEUE_URL` on AWS: an SQS queue an
   * operator moves back to the process queue once the cause is gone). Absent locally.
   */
  kept?: WorkQueue;
  logger?: PipelineLogger;
}

export interface DeadLetterRootOptions extends RootOptions, Partial<DeadLetterDeps> {}

/**
 * Everything the dead-letter function uses.
 *
 * @example
 * const deps = composeDeadLetter({ settings, endpoints });
 */
export function composeDeadLetter(options: DeadLetterRootOptions = {}): DeadLetterDeps {
  const documents =
    options.documents ??
    (() => {
      const settings = rootSettings(options);
      return new DynamoDbDocumentRepository(lazyClients(settings, options.endpoints).db(), settings.tableName);
    })();
  const env = options.env ?? process.env;
  const keptUrl = env.FAILED_DOCUMENTS_QUEUE_URL?.trim();
  return {
    documents,
    kept: options.kept ?? (keptUrl ? new SqsWorkQueue(new SQSClient({ region: env.AWS_REGION }), keptUrl) : undefined),
    clock: options.clock ?? systemClock,
    metrics: options.metrics ?? emfMetrics({ Function: 'dead-letter' }),
    logger: options.logger,
  };
}
