import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { OcrEngineFailedError, OcrImageUnreadableError, OcrModelUnavailableError } from './errors.js';
import type { OcrEngine, PageImage, RegionToRead } from './ocr-engine.js';
import type { OcrLine, OcrPage } from '../documents/ocr-page.js';
import type { PaddleOcrEngineOptions } from './paddle-ocr-engine.js';
import type { Raster } from './raster.js';
import type { WorkerData, WorkerEngineFactory, WorkerReply, WorkerRequest } from './paddle-ocr-worker.js';

export type { WorkerEngineFactory } from './paddle-ocr-worker.js';

export interface PaddleOcrWorkerPoolOptions extends Omit<PaddleOcrEngineOptions, 'onTimings' | 'sealRings'> {
  /**
   * Seal rings on every sealed page or none. A predicate (`SealRingPages`) cannot be sent to a worker thread: name an
   * `engineFactory` that composes the engine with it instead.
   */
  sealRings?: boolean;
  /** The factory each worker builds its engine with (default `createPaddleOcrEngine` with these options). */
  engineFactory?: WorkerEngineFactory;
  /** Worker threads, each with its own models (~200 MB) and one inference thread. Default: one per core. */
  workers?: number;
}

interface Pending {
  resolve: (reply: Extract<WorkerReply, { page: unknown } | { lines: unknown }>) => void;
  reject: (error: Error) => void;
}

interface Lane {
  worker: Worker;
  busy: number;
  dead: boolean;
}

/**
 * The paddle engine spread over worker threads. onnxruntime-node runs inference synchronously on the calling
 * thread, so in one thread pages never overlap and a 2-second page blocks the event loop (HTTP, queue timers) for
 * 2 seconds; a pool reads one page per core in parallel and leaves the main thread free. Pages go to the least
 * busy worker, and so do the regions the reader asks to read again (`recognizeRegion`, the second look). Call
 * `close()` when done.
 *
 * @example
 * const pool = new PaddleOcrWorkerPool({ workers: 2 });
 * const pages = await Promise.all(images.map((image) => pool.recognize(image)));
 * await pool.close();
 */
export class PaddleOcrWorkerPool implements OcrEngine {
  readonly name = 'paddle' as const;
  readonly #lanes: Lane[];
  readonly #pending = new Map<number, Pending & { lane: Lane }>();
  #nextId = 1;

  constructor(options: PaddleOcrWorkerPoolOptions = {}) {
    const { workers = availableParallelism(), ...engineOptions } = options;
    const running = fileURLToPath(import.meta.url);
    const workerFile = new URL(`./paddle-ocr-worker.${running.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url);
    const data: WorkerData = engineOptions;
    const spawn = () => (running.endsWith('.ts') ? typescriptWorker(workerFile, data) : new Worker(workerFile, { workerData: data }));
    this.#lanes = Array.from({ length: Math.max(1, workers) }, () => {
      const worker = spawn();
      const lane: Lane = { worker, busy: 0, dead: false };
      worker.on('message', (reply: WorkerReply) => this.#settle(reply));
      worker.on('error', (error) => this.#failLane(lane, error));
      worker.unref();
      return lane;
    });
  }

  async recognize(image: PageImage): Promise<OcrPage> {
    const reply = await this.#send({ kind: 'page', bytes: image.bytes, pageNumber: image.pageNumber });
    return (reply as { page: OcrPage }).page;
  }

  /** Reads a region of a page again, in the least busy worker (`PaddleOcrEngine.recognizeRegion`). */
  async recognizeRegion(raster: Raster, region: RegionToRead, pageNumber: number): Promise<OcrLine[]> {
    const reply = await this.#send({ kind: 'region', raster, region, pageNumber });
    return (reply as { lines: OcrLine[] }).lines;
  }

  #send(request: DistributiveOmit<WorkerRequest, 'id'>): Promise<Extract<WorkerReply, { page: unknown } | { lines: unknown }>> {
    const live = this.#lanes.filter((candidate) => !candidate.dead);
    if (live.length === 0) return Promise.reject(new OcrEngineFailedError('paddle', 'every OCR worker has stopped'));
    const lane = live.reduce((best, candidate) => (candidate.busy < best.busy ? candidate : best));
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#pending.set(id, { resolve, reject, lane });
      lane.busy++;
      // Keep the process alive while a page is being read.
      lane.worker.ref();
      lane.worker.postMessage({ ...request, id } as WorkerRequest);
    });
  }

  /** Stops the workers; pages still being read are rejected. */
  async close(): Promise<void> {
    for (const lane of this.#lanes) lane.dead = true;
    await Promise.all(this.#lanes.map((lane) => lane.worker.terminate()));
    for (const [id, pending] of this.#pending) {
      pending.reject(new OcrEngineFailedError('paddle', 'the OCR worker pool was closed'));
      this.#pending.delete(id);
    }
  }

  #settle(reply: WorkerReply): void {
    const pending = this.#pending.get(reply.id);
    if (!pending) return;
    this.#pending.delete(reply.id);
    pending.lane.busy--;
    if (pending.lane.busy === 0) pending.lane.worker.unref();
    if ('error' in reply) pending.reject(reviveError(reply.error));
    else pending.resolve(reply);
  }

  #failLane(lane: Lane, error: Error): void {
    lane.dead = true;
    for (const [id, pending] of this.#pending) {
      if (pending.lane !== lane) continue;
      this.#pending.delete(id);
      pending.reject(new OcrEngineFailedError('paddle', `OCR worker crashed: ${error.message}`, { cause: error }));
    }
    lane.busy = 0;
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * From TypeScript sources (tsx, vitest) the worker file is .ts: the worker first registers tsx's loader in its own
 * thread (loader hooks are per thread), then imports it. Bundled deployments run the .js file directly.
 */
function typescriptWorker(file: URL, workerData: unknown): Worker {
  const tsxApi = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href.replace(/index\.cjs$/, 'index.mjs');
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(file.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

function reviveError(error: Extract<WorkerReply, { error: unknown }>['error']): Error {
  if (error.code === 'ocr_image_unreadable') return new OcrImageUnreadableError(error.pageNumber ?? 0, { cause: error });
  if (error.code === 'ocr_model_unavailable') return new OcrModelUnavailableError(error.message, { cause: error });
  return new OcrEngineFailedError('paddle', `${error.name}: ${error.message}`, { cause: error });
}
