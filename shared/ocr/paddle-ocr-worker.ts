/**
 * Worker-thread entry of `PaddleOcrWorkerPool`: one PP-OCRv4 engine (one intra-op thread) per worker, reading the
 * pages the pool sends and answering with the `OcrPage` or a plain description of the error.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { OcrError } from './errors.js';
import { createPaddleOcrEngine, type PaddleOcrEngineOptions } from './paddle-ocr-engine.js';

export interface WorkerRequest {
  id: number;
  bytes: Uint8Array;
  pageNumber: number;
}

export type WorkerReply =
  | { id: number; page: import('../documents/ocr-page.js').OcrPage }
  | { id: number; error: { name: string; message: string; code?: string; pageNumber?: number } };

const options = (workerData ?? {}) as Omit<PaddleOcrEngineOptions, 'onTimings'>;
const engine = createPaddleOcrEngine({ ...options, intraOpNumThreads: options.intraOpNumThreads ?? 1 });

parentPort?.on('message', async (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id: request.id, page: await engine.recognize({ bytes: request.bytes, pageNumber: request.pageNumber }) };
  } catch (error) {
    const described = error instanceof Error ? error : new Error(String(error));
    reply = {
      id: request.id,
      error: {
        name: described.name,
        message: described.message,
        ...(error instanceof OcrError ? { code: error.code } : {}),
        ...(error && typeof error === 'object' && 'pageNumber' in error ? { pageNumber: Number(error.pageNumber) } : {}),
      },
    };
  }
  parentPort?.postMessage(reply);
});
