/**
 * Composition root of **dead-letter**: the document records, a clock and the failed-document metric. Nothing that
 * reads pages: no OCR runtime, no mupdf, no sharp.
 */
import { DynamoDbDocumentRepository } from '../../shared/adapters/dynamodb-document-repository.js';
import type { PipelineLogger } from '../../shared/pipeline/logger.js';
import { systemClock, type Clock, type DocumentRepository } from '../../shared/ports/index.js';
import { emfMetrics, type MetricSink } from '../compose/metrics.js';
import { lazyClients, rootSettings, type RootOptions } from '../compose/root-options.js';

export interface DeadLetterDeps {
  documents: DocumentRepository;
  clock: Clock;
  metrics: MetricSink;
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
  return {
    documents,
    clock: options.clock ?? systemClock,
    metrics: options.metrics ?? emfMetrics({ Function: 'dead-letter' }),
    logger: options.logger,
  };
}
