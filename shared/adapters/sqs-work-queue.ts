import { SendMessageBatchCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { ProcessDocumentMessage, WorkQueue } from '../ports/work-queue.js';

/** SQS refused some messages of a batch even after a retry (they were not queued). */
export class WorkQueueSendError extends Error {
  constructor(
    readonly queueUrl: string,
    readonly failed: { id: string; code?: string; message?: string }[],
  ) {
    super(`SQS did not accept ${failed.length} message(s) for ${queueUrl}: ${failed.map((f) => f.code ?? 'unknown').join(', ')}`);
    this.name = 'WorkQueueSendError';
  }
}

const SQS_BATCH_LIMIT = 10;

/**
 * The process queue on AWS: SendMessageBatch in tens; entries SQS reports as failed are sent once more and then
 * surface as WorkQueueSendError (the S3 event is then retried, and ingest is idempotent).
 *
 * @example
 * const queue = new SqsWorkQueue(new SQSClient({}), process.env.PROCESS_QUEUE_URL!);
 * await queue.send([{ documentId: 'doc-1' }]);
 */
export class SqsWorkQueue implements WorkQueue {
  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
  ) {}

  async send(messages: ProcessDocumentMessage[]): Promise<void> {
    for (let start = 0; start < messages.length; start += SQS_BATCH_LIMIT) {
      let entries = messages.slice(start, start + SQS_BATCH_LIMIT).map((message, index) => ({ Id: String(index), MessageBody: JSON.stringify(message) }));
      for (let attempt = 1; entries.length > 0; attempt++) {
        const result = await this.sqs.send(new SendMessageBatchCommand({ QueueUrl: this.queueUrl, Entries: entries }));
        const failed = result.Failed ?? [];
        if (failed.length === 0) break;
        if (attempt >= 2 || failed.some((entry) => entry.SenderFault)) {
          throw new WorkQueueSendError(
            this.queueUrl,
            failed.map((entry) => ({ id: entry.Id ?? '', code: entry.Code, message: entry.Message })),
          );
        }
        const retry = new Set(failed.map((entry) => entry.Id));
        entries = entries.filter((entry) => retry.has(entry.Id));
      }
    }
  }
}
