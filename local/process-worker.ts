/**
 * Worker-thread entry for the **process** handler. OCR inference holds its thread for seconds per page; in a worker
 * it leaves the main thread free for the HTTP API, the inbox, S3 events and ingest. Receives SQS events, answers with
 * the handler's `SQSBatchResponse`. The environment (endpoints, table, bucket) is the main thread's, copied at start.
 */
import { parentPort } from 'node:worker_threads';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { configurePipeline } from '../functions/shared-dependencies.js';
import type { ProcessDocumentMessage } from '../shared/ports/work-queue.js';
import { localLambdaContext } from './lambda-context.js';

type Invoke = { type: 'invoke'; id: number; event: SQSEvent };

// The queue lives on the main thread: whatever this thread enqueues is handed over to it.
configurePipeline({
  queue: {
    send: async (messages: ProcessDocumentMessage[]) => {
      parentPort!.postMessage({ type: 'send', messages });
    },
  },
});
const module = (await import('../functions/process/handler.js')) as { handler: (event: SQSEvent, context: unknown) => Promise<SQSBatchResponse> };

parentPort!.on('message', async (message: Invoke) => {
  if (message?.type !== 'invoke') return;
  try {
    const response = await module.handler(message.event, localLambdaContext('intake-process'));
    parentPort!.postMessage({ type: 'result', id: message.id, response });
  } catch (error) {
    parentPort!.postMessage({ type: 'error', id: message.id, message: error instanceof Error ? error.message : String(error) });
  }
});
parentPort!.postMessage({ type: 'ready' });
