/**
 * The process queue of the roots that send to it (ingest, textract-completion): SQS at `PROCESS_QUEUE_URL`, or
 * the queue the host gives (the local stack's).
 */
import { SQSClient } from '@aws-sdk/client-sqs';
import { SqsWorkQueue } from '../../shared/adapters/sqs-work-queue.js';
import type { WorkQueue } from '../../shared/ports/index.js';
import type { Settings } from '../settings.js';

/** No queue is configured: neither `PROCESS_QUEUE_URL` nor a queue given by the host. */
export class QueueNotConfiguredError extends Error {
  constructor() {
    super('no process queue: set PROCESS_QUEUE_URL, or give the root a queue (composeIngest({ queue }))');
    this.name = 'QueueNotConfiguredError';
  }
}

/**
 * The given queue, or SQS at the settings' queue URL.
 *
 * @example
 * const queue = processQueue(settings, options.queue);
 */
export function processQueue(settings: Settings, given?: WorkQueue): WorkQueue {
  if (given) return given;
  if (!settings.processQueueUrl) throw new QueueNotConfiguredError();
  return new SqsWorkQueue(new SQSClient({ region: settings.region }), settings.processQueueUrl);
}
