/**
 * Worker-thread entry of `PaddleOcrWorkerPool`: one PP-OCRv4 engine (one intra-op thread) per worker, reading the
 * pages and regions the pool sends and answering with the `OcrPage` (or the region's lines) or a plain description of
 * the error. The engine is built by the factory the pool names (`WorkerEngineFactory`), else `createPaddleOcrEngine`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { OcrLine, OcrPage } from '../documents/ocr-page.js';
import { OcrError } from './errors.js';
import type { RegionToRead } from './ocr-engine.js';
import { createPaddleOcrEngine, type PaddleOcrEngine, type PaddleOcrEngineOptions } from './paddle-ocr-engine.js';
import type { Raster } from './raster.js';

/**
 * The module and export a worker builds its engine with, called with the pool's engine options. A predicate (the
 * seal-ring gate of `createReadingPaddleEngine`) cannot be sent to a worker thread; the module that composes it can.
 */
export interface WorkerEngineFactory {
  /** The module's URL (`import.meta.url` of the module that exports the factory). */
  module: string;
  /** The exported function: `(options: PaddleOcrEngineOptions) => PaddleOcrEngine`. */
  name: string;
}

export type WorkerRequest =
  | { id: number; kind: 'page'; bytes: Uint8Array; pageNumber: number }
  | { id: number; kind: 'region'; raster: Raster; region: RegionToRead; pageNumber: number };

export type WorkerReply =
  | { id: number; page: OcrPage }
  | { id: number; lines: OcrLine[] }
  | { id: number; error: { name: string; message: string; code?: string; pageNumber?: number } };

export type WorkerData = Omit<PaddleOcrEngineOptions, 'onTimings'> & { engineFactory?: WorkerEngineFactory };

const { engineFactory, ...options } = (workerData ?? {}) as WorkerData;
const engineOptions = { ...options, intraOpNumThreads: options.intraOpNumThreads ?? 1 };
const engine: Promise<PaddleOcrEngine> = engineFactory
  ? import(engineFactory.module).then((module: Record<string, (options: PaddleOcrEngineOptions) => PaddleOcrEngine>) => {
      const create = module[engineFactory.name];
      if (typeof create !== 'function') throw new Error(`${engineFactory.module} exports no engine factory ${engineFactory.name}`);
      return create(engineOptions);
    })
  : Promise.resolve(createPaddleOcrEngine(engineOptions));

parentPort?.on('message', async (request: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    const reader = await engine;
    reply =
      request.kind === 'region'
        ? { id: request.id, lines: await reader.recognizeRegion(request.raster, request.region, request.pageNumber) }
        : { id: request.id, page: await reader.recognize({ bytes: request.bytes, pageNumber: request.pageNumber }) };
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
