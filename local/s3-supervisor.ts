/**
 * s3rver in a child process, supervised as DynamoDB Local is (local/dynamo-local.ts): a child that dies (killed, out of
 * memory) is started again on the same port over the same files, its object events keep arriving on one emitter, and
 * listeners hear of each restart (the embedded stack then re-sends the events of objects ingest never took in and
 * resumes work dead-lettered while S3 was away). Objects are files under `dataDir`, so nothing stored is lost.
 */
import { EventEmitter } from 'node:events';
import { freePort } from './free-port.js';
import { createLocalLogger, type LocalLogger } from './local-log.js';
import { startS3LocalInChildProcess, type RunningS3 } from './s3-local.js';

export interface SupervisedS3 extends RunningS3 {
  /** `up` while the child runs; `restarting` after a crash until it answers again; `down` once it gave up or was stopped. */
  state(): 'up' | 'restarting' | 'down';
  /** Crashes seen since start. */
  readonly crashes: number;
  /** Called after each restart that answers again, with the time (epoch ms) the crash was seen. */
  onRestart(listener: (crashedAt: number) => void): void;
}

/**
 * Starts s3rver in a child process and keeps it running.
 *
 * @example
 * const s3 = await startSupervisedS3Local({ dataDir: '.data/s3', buckets: ['intake'] });
 * s3.onRestart(() => console.log('S3 is back'));
 */
export async function startSupervisedS3Local(options: {
  port?: number;
  dataDir: string;
  buckets?: string[];
  maxRestarts?: number;
  /** Pause before a restart (the port is free again at once; a loop of crashes should not spin). */
  restartDelayMs?: number;
  log?: LocalLogger;
}): Promise<SupervisedS3> {
  const port = options.port ?? (await freePort());
  const maxRestarts = options.maxRestarts ?? 20;
  const restartDelayMs = options.restartDelayMs ?? 200;
  const log = options.log ?? createLocalLogger('s3');
  const events = new EventEmitter();
  const listeners: ((crashedAt: number) => void)[] = [];
  let state: 'up' | 'restarting' | 'down' = 'restarting';
  let crashes = 0;
  let stopping = false;
  let current: RunningS3;
  let relaunching: Promise<void> | undefined;

  const launch = async (): Promise<void> => {
    const running = await startS3LocalInChildProcess({ port, dataDir: options.dataDir, buckets: options.buckets });
    current = running;
    running.events.on('event', (event: unknown) => events.emit('event', event));
    state = 'up';
    void running.exited?.then(() => {
      if (stopping || current !== running) return;
      const crashedAt = Date.now();
      crashes++;
      if (crashes > maxRestarts) {
        state = 'down';
        log.error('the S3 server keeps crashing; not restarted', { crashes });
        return;
      }
      state = 'restarting';
      log.warn('the S3 server died; starting it again over the same files', { crashes });
      const relaunch = async (attempt: number): Promise<void> => {
        await new Promise((resolve) => setTimeout(resolve, restartDelayMs * attempt));
        if (stopping) return;
        try {
          await launch();
          // Stopped while it was starting again (Ctrl-C reaches the child too): the new child goes as well.
          if (stopping) return void (await current.stop());
          listeners.forEach((listener) => listener(crashedAt));
        } catch (error) {
          if (attempt >= 5) {
            state = 'down';
            log.error('the S3 server could not be started again', { error: String(error) });
            return;
          }
          await relaunch(attempt + 1);
        }
      };
      relaunching = relaunch(1).finally(() => {
        relaunching = undefined;
      });
    });
  };

  await launch();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    events,
    get pid() {
      return state === 'up' ? current.pid : undefined;
    },
    state: () => state,
    get crashes() {
      return crashes;
    },
    onRestart: (listener) => void listeners.push(listener),
    stop: async () => {
      stopping = true;
      state = 'down';
      await relaunching;
      await current.stop();
    },
  };
}
