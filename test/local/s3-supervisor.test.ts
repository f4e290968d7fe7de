import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it } from 'vitest';
import { createS3Client, LOCAL_CREDENTIALS } from '../../shared/adapters/aws-clients.js';
import { ensureBucket } from '../../local/bootstrap.js';
import { startSupervisedS3Local, type SupervisedS3 } from '../../local/s3-supervisor.js';

describe('supervised S3 server', () => {
  let s3: SupervisedS3 | undefined;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 's3-supervised-'));
  afterEach(async () => {
    await s3?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts a killed s3rver again on the same port over the same files, says so, and keeps raising object events', { timeout: 60_000 }, async () => {
    s3 = await startSupervisedS3Local({ dataDir });
    const client = createS3Client({ endpoint: s3.endpoint, region: 'us-east-1', credentials: LOCAL_CREDENTIALS });
    await ensureBucket(client, 'intake');
    await client.send(new PutObjectCommand({ Bucket: 'intake', Key: 'incoming/a.txt', Body: 'before' }));
    const restarts: number[] = [];
    s3.onRestart((crashedAt) => restarts.push(crashedAt));
    const events: unknown[] = [];
    s3.events.on('event', (event) => events.push(event));
    const firstPid = s3.pid!;

    process.kill(firstPid, 'SIGKILL');

    await expect.poll(() => restarts.length, { timeout: 30_000, interval: 100 }).toBe(1);
    expect(s3.state()).toBe('up');
    expect(s3.crashes).toBe(1);
    expect(s3.pid).not.toBe(firstPid);
    const kept = await client.send(new GetObjectCommand({ Bucket: 'intake', Key: 'incoming/a.txt' }));
    expect(await kept.Body!.transformToString()).toBe('before');
    await client.send(new PutObjectCommand({ Bucket: 'intake', Key: 'incoming/b.txt', Body: 'after' }));
    await expect.poll(() => events.length, { timeout: 10_000 }).toBeGreaterThan(0);
    client.destroy();
  });
});
