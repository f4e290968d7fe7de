import { mkdirSync } from 'node:fs';
import { fork, type ChildProcess } from 'node:child_process';
import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import S3rver from 's3rver';
import { freePort } from './free-port.js';

/**
 * Bucket CORS for the local buckets: the browser upload page (served on some localhost port) PUTs straight to s3rver with
 * presigned URLs and needs the ETag of each part to complete a multipart upload, so ETag is exposed. Origins are
 * localhost only; s3rver allows one `*` per origin pattern, hence one entry per host spelling.
 */
export const S3_LOCAL_CORS_XML = `<CORSConfiguration>
  <CORSRule>
    <AllowedOrigin>http://localhost:*</AllowedOrigin>
    <AllowedOrigin>http://127.0.0.1:*</AllowedOrigin>
    <AllowedMethod>PUT</AllowedMethod>
    <AllowedMethod>GET</AllowedMethod>
    <AllowedMethod>HEAD</AllowedMethod>
    <AllowedHeader>*</AllowedHeader>
    <ExposeHeader>ETag</ExposeHeader>
    <MaxAgeSeconds>3000</MaxAgeSeconds>
  </CORSRule>
</CORSConfiguration>`;

interface SubresourceStore {
  getSubresource(bucket: string, key: string | undefined, type: string): Promise<unknown>;
}

/**
 * Makes the localhost CORS rule the answer for every bucket without a CORS configuration of its own, buckets made
 * later through CreateBucket included (the embedded stack creates its bucket that way, after the server starts). A
 * PutBucketCors still wins. s3rver has no such option; its store is the one place every CORS check reads from.
 *
 * @example
 * withLocalCorsFallback(new S3rver({ directory: '.data/s3' }));
 */
export function withLocalCorsFallback(server: S3rver): S3rver {
  const { S3CorsConfiguration } = createRequire(import.meta.url)('s3rver/lib/models/config.js') as {
    S3CorsConfiguration: { validate(xml: string): unknown };
  };
  const fallback = S3CorsConfiguration.validate(S3_LOCAL_CORS_XML);
  const store = (server as unknown as { store: SubresourceStore }).store;
  const stored = store.getSubresource.bind(store);
  store.getSubresource = async (bucket, key, type) => (await stored(bucket, key, type)) ?? (type === 'cors' && key === undefined ? fallback : undefined);
  return server;
}

export interface RunningS3 {
  endpoint: string;
  port: number;
  /** Emits 'event' with each S3 notification s3rver raises (ObjectCreated, ObjectRemoved), shaped as S3 sends them. */
  events: EventEmitter;
  /** The child process's id when s3rver runs in one (its memory and CPU are not the caller's). */
  pid?: number;
  /** Resolves when the child process ends, for whatever reason (a supervisor starts it again). */
  exited?: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts s3rver, an S3-compatible server that keeps objects as files under `dataDir`.
 * Paginated listings need Node's `--openssl-legacy-provider` (the npm scripts pass it).
 *
 * @example
 * const s3 = await startS3Local({ dataDir: '.data/s3', buckets: ['intake'] });
 */
export async function startS3Local(options: {
  port?: number;
  dataDir: string;
  buckets?: string[];
  inWorker?: boolean;
  /** Run s3rver in a child process (wins over `inWorker`). */
  inChildProcess?: boolean;
}): Promise<RunningS3> {
  if (options.inChildProcess) return startS3LocalInChildProcess(options);
  if (options.inWorker) return startS3LocalInWorker(options);
  const port = options.port ?? (await freePort());
  mkdirSync(options.dataDir, { recursive: true });
  const server = withLocalCorsFallback(
    new S3rver({
      port,
      address: '127.0.0.1',
      directory: options.dataDir,
      silent: true,
      configureBuckets: (options.buckets ?? []).map((name) => ({ name, configs: [S3_LOCAL_CORS_XML] })),
    }),
  );
  await server.run();
  const events = new EventEmitter();
  // s3rver is a Koa app: it emits 'event' for every object notification (its typings omit the emitter).
  (server as unknown as EventEmitter).on('event', (event: unknown) => events.emit('event', event));
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    events,
    stop: () => server.close(),
  };
}

/**
 * Relays the object events s3-worker.mjs posts (from a worker thread or a forked process) to `events`, and resolves
 * once it says it listens; rejects when it reports a start error or ends first.
 *
 * @example
 * await relayUntilReady(worker, port, events, 'worker');
 */
function relayUntilReady(server: Worker | ChildProcess, port: number, events: EventEmitter, kind: 'worker' | 'process'): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.on('message', (message: { type: string; event?: unknown; message?: string }) => {
      if (message.type === 'event') events.emit('event', message.event);
      else if (message.type === 'ready') resolve();
      else if (message.type === 'error') reject(new Error(`s3rver could not start on port ${port}: ${message.message}`));
    });
    server.once('error', reject);
    server.once('exit', (code: number | null) => reject(new Error(`the s3rver ${kind} exited with code ${code}`)));
  });
}

/**
 * Starts s3rver in a worker thread, so it keeps answering while the main thread is busy (OCR inference blocks it for
 * seconds per page). Object events arrive on `events` as with the in-thread server.
 *
 * @example
 * const s3 = await startS3Local({ dataDir: '.data/s3', inWorker: true });
 */
export async function startS3LocalInWorker(options: { port?: number; dataDir: string; buckets?: string[] }): Promise<RunningS3> {
  const port = options.port ?? (await freePort());
  mkdirSync(options.dataDir, { recursive: true });
  const worker = new Worker(new URL('./s3-worker.mjs', import.meta.url), {
    workerData: { port, address: '127.0.0.1', directory: options.dataDir, buckets: options.buckets ?? [], configs: [S3_LOCAL_CORS_XML] },
  });
  const events = new EventEmitter();
  await relayUntilReady(worker, port, events, 'worker');
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    events,
    stop: () =>
      new Promise<void>((resolve) => {
        worker.once('exit', () => resolve());
        worker.postMessage({ type: 'stop' });
        // A worker that does not answer (stuck request) is ended rather than holding Ctrl-C.
        setTimeout(() => void worker.terminate(), 5_000).unref();
      }),
  };
}

/**
 * Starts s3rver in a child process (the same s3-worker.mjs, forked): it answers while the caller's threads are busy,
 * as in a worker thread, and its heap and object buffers stay out of the caller's memory (a worker thread shares the
 * process and its RSS). Object events arrive on `events` as with the in-thread server; `pid` names the child.
 *
 * @example
 * const s3 = await startS3LocalInChildProcess({ dataDir: '.data/s3', buckets: ['intake'] });
 */
export async function startS3LocalInChildProcess(options: { port?: number; dataDir: string; buckets?: string[] }): Promise<RunningS3> {
  const port = options.port ?? (await freePort());
  mkdirSync(options.dataDir, { recursive: true });
  const settings = { port, address: '127.0.0.1', directory: options.dataDir, buckets: options.buckets ?? [], configs: [S3_LOCAL_CORS_XML] };
  const child = fork(new URL('./s3-worker.mjs', import.meta.url), [], {
    // Plain JavaScript: no tsx loader; paginated listings need the legacy provider (s3rver's MD5-based markers). A small
    // young generation: s3rver waits on the disk, and V8's default (16 MB semi-spaces) had it at 86–107 MB after a few
    // hundred files instead of 75–80.
    execArgv: ['--openssl-legacy-provider', '--max-semi-space-size=2'],
    env: { ...process.env, NODE_OPTIONS: '', INTAKE_S3RVER_SETTINGS: JSON.stringify(settings) },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const events = new EventEmitter();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await relayUntilReady(child, port, events, 'process');
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    events,
    pid: child.pid,
    exited,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      // A child that does not answer (stuck request) is ended rather than holding Ctrl-C.
      const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
      kill.unref();
      if (child.connected) child.send({ type: 'stop' });
      else child.kill('SIGTERM');
      await exited;
      clearTimeout(kill);
    },
  };
}
