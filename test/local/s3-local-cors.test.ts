import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CreateBucketCommand, PutBucketCorsCommand } from '@aws-sdk/client-s3';
import { afterAll, describe, expect, it } from 'vitest';
import { createS3Client } from '../../shared/adapters/aws-clients.js';
import { startS3Local, type RunningS3 } from '../../local/s3-local.js';

const preflight = (endpoint: string, key: string, origin: string, method = 'PUT', bucket = 'intake') =>
  fetch(`${endpoint}/${bucket}/${key}`, {
    method: 'OPTIONS',
    headers: { Origin: origin, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': 'content-type' },
  });

describe.each([
  { name: 'in-thread', inWorker: false },
  { name: 'worker-thread', inWorker: true },
])('startS3Local bucket CORS ($name)', ({ inWorker }) => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'intake-s3cors-'));
  let s3: RunningS3 | undefined;
  const started = async () => (s3 ??= await startS3Local({ dataDir: dir, buckets: ['intake'], inWorker }));
  afterAll(async () => {
    await s3?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers a PUT preflight from a localhost page with the CORS headers', async () => {
    const { endpoint } = await started();
    const response = await preflight(endpoint, 'batches/b1/part.zip', 'http://localhost:5173');
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type');
  });

  it('exposes ETag on the PUT itself, so the page can complete a multipart upload', async () => {
    const { endpoint } = await started();
    const response = await fetch(`${endpoint}/intake/batches/b1/roster.xlsx`, {
      method: 'PUT',
      headers: { Origin: 'http://127.0.0.1:8080' },
      body: 'roster',
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://127.0.0.1:8080');
    expect(response.headers.get('access-control-expose-headers')).toBe('ETag');
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
  });

  it('gives a bucket created later through CreateBucket (as the embedded stack does) the same CORS', async () => {
    const { endpoint } = await started();
    const s3 = createS3Client({ endpoint, region: 'us-east-1' });
    await s3.send(new CreateBucketCommand({ Bucket: 'made-later' }));
    const response = await preflight(endpoint, 'batches/b2/roster.xlsx', 'http://localhost:3000', 'PUT', 'made-later');
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-methods')).toContain('PUT');

    // A bucket's own configuration still wins.
    await s3.send(
      new PutBucketCorsCommand({
        Bucket: 'made-later',
        CORSConfiguration: { CORSRules: [{ AllowedOrigins: ['http://localhost:9999'], AllowedMethods: ['GET'] }] },
      }),
    );
    expect((await preflight(endpoint, 'batches/b2/roster.xlsx', 'http://localhost:3000', 'PUT', 'made-later')).status).toBe(403);
    s3.destroy();
  });

  it('refuses a preflight from an origin that is not localhost', async () => {
    const { endpoint } = await started();
    const response = await preflight(endpoint, 'batches/b1/part.zip', 'https://evil.example');
    expect(response.status).toBe(403);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
