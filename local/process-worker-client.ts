/**
 * The main thread's side of the process worker (local/process-worker.ts): an `SqsBatchHandler` that hands each
 * batch to the worker and resolves with its response. A worker that dies fails the batches it held (the queue
 * redelivers them, as SQS would after a crashed invocation) and is started again for the next batch.
 */
import { Worker } from 'node:worker_threads';
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import type { ProcessDocumentMessage, WorkQueue } from '../shared/ports/work-queue.js';
import type { SqsBatchHandler } from './local-queue.js';
import { createLocalLogger } from './local-log.js';

export interface RunningProcessWorker {
  process: SqsBatchHandler;
  stop(): Promise<void>;
}

interface Pending {
  resolve: (response: SQSBatchResponse) => void;
  reject: (error: Error) => void;
}

/**
 * Starts the worker and waits until the handler module is loaded in it; what the worker enqueues goes to `queue`.
 * `entry` replaces the worker script (tests use one that speaks the same messages).
 *
 * @example
 * const worker = await startProcessWorker(localQueue);
 * const { batchItemFailures } = await worker.process(sqsEvent);
 */
export async function startProcessWorker(queue?: WorkQueue, options: { entry?: URL } = {}): Promise<RunningProcessWorker> {
  const log = createLocalLogger('process-worker');
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let stopped = false;

  const spawn = () =>
    new Promise<Worker>((resolve, reject) => {
      // The worker enables TypeScript itself (process-worker.mjs), whatever started this process (tsx, vitest).
      const worker = new Worker(options.entry ?? new URL('./process-worker.mjs', import.meta.url), { env: { ...process.env } });
      worker.on('message', (message: { type: string; id?: number; response?: SQSBatchResponse; message?: string; messages?: ProcessDocumentMessage[] }) => {
        if (message.type === 'send') {
          void queue?.send(message.messages ?? []).catch((error) => log.error('could not enqueue for the worker', { error: String(error) }));
          return;
        }
        if (message.type === 'ready') {
          currentWorker = worker;
          return resolve(worker);
        }
        const entry = message.id === undefined ? undefined : pending.get(message.id);
        if (!entry) return;
        pending.delete(message.id!);
        if (message.type === 'result') entry.resolve(message.response ?? { batchItemFailures: [] });
        else entry.reject(new Error(message.message ?? 'process handler failed'));
      });
      worker.once('error', (error) => {
        log.error('process worker crashed; its batches will be redelivered', { error: String(error) });
        reject(error);
      });
      worker.once('exit', (code) => {
        for (const [id, entry] of pending) {
          pending.delete(id);
          entry.reject(new Error(`process worker exited with code ${code}`));
        }
        if (currentWorker === worker) {
          current = undefined;
          currentWorker = undefined;
        }
      });
    });

  let currentWorker: Worker | undefined;
  let current: Promise<Worker> | undefined = spawn();
  await current;

  return {
    process: async (event: SQSEvent) => {
      if (stopped) throw new Error('process worker stopped');
      current ??= spawn();
      const worker = await current;
      const id = nextId++;
      return new Promise<SQSBatchResponse>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        worker.postMessage({ type: 'invoke', id, event });
      });
    },
    stop: async () => {
      stopped = true;
      const worker = await current?.catch(() => undefined);
      await worker?.terminate();
    },
  };
}
