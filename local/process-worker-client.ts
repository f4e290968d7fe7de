/**
 * The main thread's side of the process workers (local/process-worker.ts): an `SqsBatchHandler` that hands each
 * batch to the least busy of N worker threads and resolves with its response. A worker that dies fails the batches
 * it held (the queue redelivers them, as SQS would after a crashed invocation) and is started again for the next
 * batch. See ADR 0004 for why there is one worker per core, each with a one-thread OCR engine.
 */
import { Worker } from 'node:worker_threads';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { ServiceEndpoints } from '../functions/compose/root-options.js';
import type { Settings } from '../functions/settings.js';
import type { ProcessDocumentMessage, WorkQueue } from '../shared/ports/work-queue.js';
import type { SqsBatchHandler } from './local-queue.js';
import { createLocalLogger } from './local-log.js';

export interface RunningProcessWorker {
  process: SqsBatchHandler;
  /**
   * Fault injection: ends every worker thread now, as a crash would (batches in flight fail and are redelivered; the
   * next batch starts a fresh thread). Returns how many threads were running.
   */
  kill(): Promise<number>;
  stop(): Promise<void>;
}

/** What each worker thread is told at start (`workerData`). */
export interface ProcessWorkerSettings {
  /**
   * How the worker reads scanned pages with paddle: `engine` = its own PP-OCRv4 engine with `ocrThreads` inference
   * threads (default), `pool` = a `PaddleOcrWorkerPool` of `ocrThreads` one-thread OCR workers.
   */
  ocrLayout?: 'engine' | 'pool';
  ocrThreads?: number;
  /** The settings and local endpoints the worker composes process with (local/embedded-stack.ts). */
  composition?: { settings: Settings; endpoints: ServiceEndpoints };
}

export interface ProcessWorkerOptions extends ProcessWorkerSettings {
  /** Replaces the worker script (tests use one that speaks the same messages). */
  entry?: URL;
  /** Worker threads, each running whole batches (default 1). */
  workers?: number;
}

interface Pending {
  resolve: (response: SQSBatchResponse) => void;
  reject: (error: Error) => void;
}

type WorkerMessage = { type: string; id?: number; response?: SQSBatchResponse; message?: string; messages?: ProcessDocumentMessage[] };

/** One worker thread, started again after it dies. */
class WorkerSlot {
  readonly #pending = new Map<number, Pending>();
  #current: Promise<Worker> | undefined;
  #nextId = 0;

  constructor(
    private readonly start: () => Worker,
    private readonly queue: WorkQueue | undefined,
    private readonly log: ReturnType<typeof createLocalLogger>,
  ) {}

  get busy(): number {
    return this.#pending.size;
  }

  ready(): Promise<Worker> {
    this.#current ??= this.#spawn();
    return this.#current;
  }

  async invoke(event: SQSEvent): Promise<SQSBatchResponse> {
    const id = this.#nextId++;
    // Counted as busy while the worker is (re)starting, so the next batch picks another slot.
    const answer = new Promise<SQSBatchResponse>((resolve, reject) => this.#pending.set(id, { resolve, reject }));
    try {
      const worker = await this.ready();
      worker.postMessage({ type: 'invoke', id, event });
    } catch (error) {
      this.#pending.delete(id);
      throw error;
    }
    return answer;
  }

  async stop(): Promise<void> {
    const worker = await this.#current?.catch(() => undefined);
    await worker?.terminate();
  }

  /** Ends the thread as a crash would; the next batch starts another. Whether one was running. */
  async kill(): Promise<boolean> {
    const worker = await this.#current?.catch(() => undefined);
    if (!worker) return false;
    this.log.warn('process worker killed (fault injection); its batches will be redelivered');
    await worker.terminate();
    return true;
  }

  #spawn(): Promise<Worker> {
    return new Promise<Worker>((resolve, reject) => {
      const worker = this.start();
      worker.on('message', (message: WorkerMessage) => {
        if (message.type === 'send') {
          void this.queue?.send(message.messages ?? []).catch((error) => this.log.error('could not enqueue for the worker', { error: String(error) }));
          return;
        }
        if (message.type === 'ready') return resolve(worker);
        const entry = message.id === undefined ? undefined : this.#pending.get(message.id);
        if (!entry) return;
        this.#pending.delete(message.id!);
        if (message.type === 'result') entry.resolve(message.response ?? { batchItemFailures: [] });
        else entry.reject(new Error(message.message ?? 'process handler failed'));
      });
      worker.once('error', (error) => {
        this.log.error('process worker crashed; its batches will be redelivered', { error: String(error) });
        reject(error);
      });
      worker.once('exit', (code) => {
        for (const [id, entry] of this.#pending) {
          this.#pending.delete(id);
          entry.reject(new Error(`process worker exited with code ${code}`));
        }
        this.#current = undefined;
      });
    });
  }
}

/** The process workers' young generation (V8 `maxYoungGenerationSizeMb`), see `startProcessWorker`. */
export const PROCESS_WORKER_YOUNG_GENERATION_MB = 8;

/**
 * Starts the worker threads and waits until the handler module is loaded in each; what they enqueue goes to `queue`.
 *
 * @example
 * const worker = await startProcessWorker(localQueue, { workers: 2, ocrThreads: 1 });
 * const { batchItemFailures } = await worker.process(sqsEvent);
 */
export async function startProcessWorker(queue?: WorkQueue, options: ProcessWorkerOptions = {}): Promise<RunningProcessWorker> {
  const log = createLocalLogger('process-worker');
  const settings: ProcessWorkerSettings = { ocrLayout: options.ocrLayout, ocrThreads: options.ocrThreads, composition: options.composition };
  // The worker enables TypeScript itself (process-worker.mjs), whatever started this process (tsx, vitest).
  // A young generation of 8 MB instead of V8's default (up to 48 MB per worker, and it stays committed after a burst):
  // what a page allocates is mostly typed arrays, whose bytes live outside the V8 heap anyway. Measured with
  // `npm run bench -- pipeline`: peak RSS 1,399 → 1,326 MB through the throughput phases, 1,451 → 1,373 MB after 300
  // more files, the same pages/min and overhead.
  const start = () =>
    new Worker(options.entry ?? new URL('./process-worker.mjs', import.meta.url), {
      env: { ...process.env },
      workerData: settings,
      resourceLimits: { maxYoungGenerationSizeMb: PROCESS_WORKER_YOUNG_GENERATION_MB },
    });
  const slots = Array.from({ length: Math.max(1, options.workers ?? 1) }, () => new WorkerSlot(start, queue, log));
  let stopped = false;
  await Promise.all(slots.map((slot) => slot.ready()));

  return {
    process: async (event: SQSEvent) => {
      if (stopped) throw new Error('process worker stopped');
      const slot = slots.reduce((best, candidate) => (candidate.busy < best.busy ? candidate : best));
      return slot.invoke(event);
    },
    kill: async () => (await Promise.all(slots.map((slot) => slot.kill()))).filter(Boolean).length,
    stop: async () => {
      stopped = true;
      await Promise.all(slots.map((slot) => slot.stop()));
    },
  };
}
