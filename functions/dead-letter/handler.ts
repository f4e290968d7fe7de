/**
 * **dead-letter** — consumes the process queue's DLQ: each message that kept failing marks its document `failed`
 * with the last error, so poison messages are visible to clerks rather than stuck in `processing`.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { processDocumentMessageSchema } from '../../shared/ports/work-queue.js';
import { markDocumentFailed, type ProcessDeps } from '../../shared/pipeline/process.js';
import { asPipelineLogger, functionLogger, pipelineDependencies } from '../shared-dependencies.js';
import { resolveLookupSecret } from '../lookup-secret.js';

await resolveLookupSecret();

const logger = functionLogger('dead-letter');

/**
 * A dead-letter handler over the given dependencies.
 *
 * @example
 * const deadLetter = createDeadLetterHandler(() => ({ documents, clock }));
 * await deadLetter(sqsEvent);
 */
export function createDeadLetterHandler(resolve: () => Pick<ProcessDeps, 'documents' | 'clock' | 'logger'>) {
  const processor = new BatchProcessor(EventType.SQS);
  return async (event: SQSEvent, context?: Context): Promise<SQSBatchResponse> => {
    if (context) logger.addContext(context);
    const deps = resolve();
    const recordHandler = async (record: SQSRecord) => {
      const parsed = processDocumentMessageSchema.safeParse((() => {
        try {
          return JSON.parse(record.body);
        } catch {
          return undefined;
        }
      })());
      if (!parsed.success) {
        // Nothing to mark: keep the evidence in the log and let the message go.
        logger.error('dead-lettered message is not a process message', { messageId: record.messageId, body: record.body.slice(0, 500) });
        return;
      }
      return markDocumentFailed(parsed.data.documentId, deps);
    };
    return processPartialResponse(event, recordHandler, processor, { context, throwOnFullBatchFailure: false });
  };
}

export const handler = createDeadLetterHandler(() => {
  const deps = pipelineDependencies();
  return { documents: deps.documents, clock: deps.clock, logger: asPipelineLogger(logger) };
});
