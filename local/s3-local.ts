import { mkdirSync } from 'node:fs';
import { EventEmitter } from 'node:events';
import S3rver from 's3rver';
import { freePort } from './free-port.js';

export interface RunningS3 {
  endpoint: string;
  port: number;
  /** Emits 'event' with each S3 notification s3rver raises (ObjectCreated, ObjectRemoved), shaped as S3 sends them. */
  events: EventEmitter;
  stop(): Promise<void>;
}

/**
 * Starts s3rver, an S3-compatible server that keeps objects as files under `dataDir`.
 * Paginated listings need Node's `--openssl-legacy-provider` (the npm scripts pass it).
 *
 * @example
 * const s3 = await startS3Local({ dataDir: '.data/s3', buckets: ['intake'] });
 */
export async function startS3Local(options: { port?: number; dataDir: string; buckets?: string[] }): Promise<RunningS3> {
  const port = options.port ?? (await freePort());
  mkdirSync(options.dataDir, { recursive: true });
  const server = new S3rver({
    port,
    address: '127.0.0.1',
    directory: options.dataDir,
    silent: true,
    configureBuckets: (options.buckets ?? []).map((name) => ({ name, configs: [] })),
  });
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
