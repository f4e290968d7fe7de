import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { startS3Local, type RunningS3 } from '../../local/s3-local.js';

describe('startS3Local in a worker thread', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'intake-s3w-'));
  let s3: RunningS3 | undefined;
  afterAll(async () => {
    await s3?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers an upload while the main thread is blocked, and reports the object event afterwards', async () => {
    s3 = await startS3Local({ dataDir: dir, buckets: ['intake'], inWorker: true });
    const events: unknown[] = [];
    s3.events.on('event', (event) => events.push(event));

    // spawnSync holds this thread until the child's upload is answered: only a server on another thread can answer.
    const upload = spawnSync(
      process.execPath,
      ['-e', `fetch(${JSON.stringify(`${s3.endpoint}/intake/incoming/s1/a.pdf`)}, { method: 'PUT', body: '%PDF-1.7' }).then((r) => console.log(r.status))`],
      { timeout: 30_000, encoding: 'utf8' },
    );
    expect(upload.stdout.trim()).toBe('200');

    await expect.poll(() => events.length).toBe(1);
    expect(events[0]).toMatchObject({ Records: [{ eventName: 'ObjectCreated:Put', s3: { bucket: { name: 'intake' }, object: { key: 'incoming/s1/a.pdf', size: 8 } } }] });
  });
});

describe('startS3Local in a child process', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'intake-s3c-'));
  let s3: RunningS3 | undefined;
  afterAll(async () => {
    await s3?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers an upload while this process is blocked, reports the object event, and stops its process', async () => {
    s3 = await startS3Local({ dataDir: dir, buckets: ['intake'], inChildProcess: true });
    const events: unknown[] = [];
    s3.events.on('event', (event) => events.push(event));

    const upload = spawnSync(
      process.execPath,
      ['-e', `fetch(${JSON.stringify(`${s3.endpoint}/intake/incoming/s1/a.pdf`)}, { method: 'PUT', body: '%PDF-1.7' }).then((r) => console.log(r.status))`],
      { timeout: 30_000, encoding: 'utf8' },
    );
    expect(upload.stdout.trim()).toBe('200');
    await expect.poll(() => events.length).toBe(1);
    expect(events[0]).toMatchObject({ Records: [{ eventName: 'ObjectCreated:Put', s3: { bucket: { name: 'intake' }, object: { key: 'incoming/s1/a.pdf', size: 8 } } }] });
    const pid = s3.pid!;
    expect(pid).not.toBe(process.pid);
    expect(readFileSync(`/proc/${pid}/status`, 'utf8')).toMatch(/^State:/m);

    await s3.stop();

    expect(() => process.kill(pid, 0)).toThrow();
  });
});
