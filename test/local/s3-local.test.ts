import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startS3Local, type RunningS3 } from '../../local/s3-local.js';

/**
 * Uploads from another process while this one is blocked (spawnSync holds the thread until the child's upload is
 * answered: only a server on another thread or process can answer), then waits for the object event.
 */
async function uploadWhileBlocked(s3: RunningS3): Promise<void> {
  const events: unknown[] = [];
  s3.events.on('event', (event) => events.push(event));
  const upload = spawnSync(
    process.execPath,
    ['-e', `fetch(${JSON.stringify(`${s3.endpoint}/intake/incoming/s1/a.pdf`)}, { method: 'PUT', body: '%PDF-1.7' }).then((r) => console.log(r.status))`],
    { timeout: 30_000, encoding: 'utf8' },
  );
  expect(upload.stdout.trim()).toBe('200');
  await expect.poll(() => events.length).toBe(1);
  expect(events[0]).toMatchObject({
    Records: [{ eventName: 'ObjectCreated:Put', s3: { bucket: { name: 'intake' }, object: { key: 'incoming/s1/a.pdf', size: 8 } } }],
  });
}

function temporaryServer(prefix: string) {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  const held: { s3?: RunningS3 } = {};
  afterAll(async () => {
    await held.s3?.stop();
    rmSync(dir, { recursive: true, force: true });
  });
  return { dir, held };
}

describe('startS3Local in a worker thread', () => {
  const { dir, held } = temporaryServer('intake-s3w-');

  it('answers an upload while the main thread is blocked, and reports the object event afterwards', async () => {
    held.s3 = await startS3Local({ dataDir: dir, buckets: ['intake'], inWorker: true });
    await uploadWhileBlocked(held.s3);
  });
});

describe('startS3Local in a child process', () => {
  const { dir, held } = temporaryServer('intake-s3c-');

  it('answers an upload while this process is blocked, reports the object event, and stops its process', async () => {
    const s3 = (held.s3 = await startS3Local({ dataDir: dir, buckets: ['intake'], inChildProcess: true }));
    await uploadWhileBlocked(s3);
    const pid = s3.pid!;
    expect(pid).not.toBe(process.pid);
    expect(readFileSync(`/proc/${pid}/status`, 'utf8')).toMatch(/^State:/m);

    await s3.stop();

    expect(() => process.kill(pid, 0)).toThrow();
  });
});
