/**
 * Worker-thread entry for the **process** handler. OCR inference holds its thread for seconds per page; in a worker
 * it leaves the main thread free for the HTTP API, the inbox, S3 events and ingest, and with one worker per core
 * (ADR 0004) two pages are read at once. Receives SQS events, answers with the handler's `SQSBatchResponse`. The
 * settings and local endpoints come in `workerData` (with how to run OCR), and process is composed through its root.
 */
import { parentPort, workerData } from 'node:worker_threads';
import sharp from 'sharp';
import { asPipelineLogger, functionLogger } from '../functions/compose/logging.js';
import { composeProcess } from '../functions/process/compose.js';
import { createProcessHandler } from '../functions/process/handler.js';
import { ocrEngineNameFrom } from '../shared/ocr/create-ocr-engine.js';
import { PaddleOcrWorkerPool, type OcrEngine } from '../shared/ocr/index.js';
import { createReadingPaddleEngine, readingEngineFactory } from '../shared/reading/index.js';
import type { SQSEvent } from 'aws-lambda';
import type { ProcessWorkerSettings } from './process-worker-client.js';
import { localLambdaContext } from './lambda-context.js';

type Invoke = { type: 'invoke'; id: number; event: SQSEvent };

// libvips' operation cache (process-wide, up to 50 MB) would keep each page's pixel buffers alive after the page:
// every page's pixels differ, so it never hits; off, the memory goes back as soon as a page is done.
sharp.cache(false);

const settings = (workerData ?? {}) as ProcessWorkerSettings;
const engineName = settings.composition?.settings.ocrEngine ?? ocrEngineNameFrom(process.env);
let ocr: OcrEngine | undefined;
if (engineName === 'paddle' && settings.ocrThreads !== undefined) {
  // Models load on the first page (not at start), so a stack that never sees a scan never pays their 200 MB.
  ocr =
    settings.ocrLayout === 'pool'
      ? new PaddleOcrWorkerPool({ workers: settings.ocrThreads, intraOpNumThreads: 1, engineFactory: readingEngineFactory })
      : createReadingPaddleEngine({ intraOpNumThreads: settings.ocrThreads });
}
// Composed through process's own root, with the local endpoints the main thread gave (nothing read from its env).
const deps = composeProcess({ ...settings.composition, ocr, logger: asPipelineLogger(functionLogger('process')) });
const handler = createProcessHandler(() => deps);

parentPort!.on('message', async (message: Invoke) => {
  if (message?.type !== 'invoke') return;
  try {
    const response = await handler(message.event, localLambdaContext('intake-process'));
    parentPort!.postMessage({ type: 'result', id: message.id, response });
  } catch (error) {
    parentPort!.postMessage({ type: 'error', id: message.id, message: error instanceof Error ? error.message : String(error) });
  }
});
parentPort!.postMessage({ type: 'ready' });
