/**
 * **dead-letter** — consumes the process queue's DLQ: each message that kept failing marks its document `failed`
 * with the last error, so poison messages are visible to clerks rather than stuck in `processing`, and records one
 * `FailedDocuments` metric per document (the DLQ is drained in seconds, so its depth is no signal: the alarm reads
 * this metric). Each failed document's message is kept in the failed-documents queue for a redrive.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { processDocumentMessageSchema } from '../../shared/ports/work-queue.js';
import { markDocumentFailed } from '../../shared/pipeline/mark-document-failed.js';
import { asPipelineLogger, functionLogger } from '../compose/logging.js';
import { MetricName } from '../compose/metrics.js';
import { once } from '../compose/root-options.js';
import { composeDeadLetter, type DeadLetterDeps } from './compose.js';
import { resolveLookupSecret } from '../lookup-secret.js';

await resolveLookupSecret();

const logger = functionLogger('dead-letter');

/**
 * A dead-letter handler over the given dependencies.
 *
 * @example
 * const deadLetter = createDeadLetterHandler(() => ({ documents, clock, metrics }));
 * await deadLetter(sqsEvent);
 */
export function createDeadLetterHandler(resolve: () => DeadLetterDeps) {
  const processor = new BatchProcessor(EventType.SQS);
  return async (event: SQSEvent, context?: Context): Promise<SQSBatchResponse> => {
    if (context) logger.addContext(context);
    const deps = resolve();
    const recordHandler = async (record: SQSRecord) => {
      const parsed = processDocumentMessageSchema.safeParse(
        (() => {
          try {
            return JSON.parse(record.body);
          } catch {
            return undefined;
          }
        })(),
      );
      if (!parsed.success) {
        // Nothing to mark: keep the evidence in the log and let the message go.
        logger.error('dead-lettered message is not a process message', { messageId: record.messageId, body: record.body.slice(0, 500) });
        return;
      }
      const outcome = await markDocumentFailed(parsed.data.documentId, deps);
      if (outcome.kind === 'failed') {
        // Kept before this message is deleted: once the cause is gone the operator redrives it to process.
        await deps.kept?.send([parsed.data]);
        deps.metrics.count(MetricName.failedDocuments, 1);
      }
      return outcome;
    };
    return processPartialResponse(event, recordHandler, processor, { context, throwOnFullBatchFailure: false });
  };
}

export const handler = createDeadLetterHandler(once(() => composeDeadLetter({ logger: asPipelineLogger(logger) })));
