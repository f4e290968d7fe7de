import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalHttpServer, type RunningHttpServer } from '../../local/http-server.js';
import { MAX_REQUEST_BODY_BYTES } from '../../shared/review/request-limits.js';
import { reviewTestEnv, type ReviewTestEnv } from './review-env.js';

/** Abuse replayed over real HTTP against the API as `npm start` serves it (DynamoDB Local + s3rver behind it). */
describe('request limits (embedded HTTP server)', () => {
  let env: ReviewTestEnv;
  let http: RunningHttpServer;

  beforeAll(async () => {
    env = await reviewTestEnv();
    http = await createLocalHttpServer({ port: 0, api: env.api });
  });
  afterAll(async () => {
    await http?.close();
    await env?.drop();
  });

  const token = async () => (await env.call('POST', '/auth/sign-in', { body: { username: 'clerk1' } })).json.token as string;

  it('refuses a 60 MB sign-in body with 413 and echoes none of it', async () => {
    const huge = JSON.stringify({ username: 'x'.repeat(60 * 1024 * 1024) });
    const response = await fetch(`${http.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: huge });
    const text = await response.text();
    expect(response.status).toBe(413);
    expect(JSON.parse(text).error.code).toBe('request_too_large');
    expect(text.length).toBeLessThan(1000);
  });

  it('refuses a streamed body without a length once it passes the limit', async () => {
    const chunk = new TextEncoder().encode('{"username":"' + 'y'.repeat(64 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > 4 * MAX_REQUEST_BODY_BYTES) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const response = await fetch(`${http.url}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('answers 404, not 500, for an id longer than any id can be (3 KB)', async () => {
    const auth = { authorization: `Bearer ${await token()}` };
    const longId = `case-${'z'.repeat(3 * 1024)}`;
    expect((await fetch(`${http.url}/api/cases/${longId}`, { headers: auth })).status).toBe(404);
    expect((await fetch(`${http.url}/api/documents/doc-${'9'.repeat(3000)}/pages/1`, { headers: auth })).status).toBe(404);
  });

  it('still takes ordinary requests', async () => {
    const response = await fetch(`${http.url}/api/me`, { headers: { authorization: `Bearer ${await token()}` } });
    expect(response.status).toBe(200);
  });
});
