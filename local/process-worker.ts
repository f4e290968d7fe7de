/**
 * Worker-thread entry for the **process** handler. OCR inference holds its thread for seconds per page; in a worker
 * it leaves the main thread free for the HTTP API, the inbox, S3 events and ingest, and with one worker per core
 * (ADR 0004) two pages are read at once. Receives SQS events, answers with the handler's `SQSBatchResponse`. The
 * environment (endpoints, table, bucket) is the main thread's, copied at start; `workerData` says how to run OCR.
 */
import { parentPort, workerData } from 'node:worker_threads';
import sharp from 'sharp';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { configurePipeline, type PipelineDependencies } from '../functions/shared-dependencies.js';
import { ocrEngineNameFrom } from '../shared/ocr/create-ocr-engine.js';
import { createPaddleOcrEngine, PaddleOcrWorkerPool } from '../shared/ocr/index.js';
import type { ProcessDocumentMessage } from '../shared/ports/work-queue.js';
import type { ProcessWorkerSettings } from './process-worker-client.js';
import { localLambdaContext } from './lambda-context.js';

type Invoke = { type: 'invoke'; id: number; event: SQSEvent };

// libvips' operation cache (process-wide, up to 50 MB) would keep each page's pixel buffers alive after the page:
// every page's pixels differ, so it never hits; off, the memory goes back as soon as a page is done.
sharp.cache(false);

const settings = (workerData ?? {}) as ProcessWorkerSettings;
const overrides: Partial<PipelineDependencies> = {
  // The queue lives on the main thread: whatever this thread enqueues is handed over to it.
  queue: {
    send: async (messages: ProcessDocumentMessage[]) => {
      parentPort!.postMessage({ type: 'send', messages });
    },
  },
};
if (ocrEngineNameFrom(process.env) === 'paddle' && settings.ocrThreads !== undefined) {
  // Models load on the first page (not at start), so a stack that never sees a scan never pays their 200 MB.
  overrides.ocr =
    settings.ocrLayout === 'pool'
      ? new PaddleOcrWorkerPool({ workers: settings.ocrThreads, intraOpNumThreads: 1 })
      : createPaddleOcrEngine({ intraOpNumThreads: settings.ocrThreads });
}
configurePipeline(overrides);
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
