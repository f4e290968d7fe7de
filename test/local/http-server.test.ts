import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalHttpApp, createLocalHttpServer } from '../../local/http-server.js';

describe('createLocalHttpApp', () => {
  it('answers /health with the facts the stack adds', async () => {
    const app = createLocalHttpApp({ health: () => ({ queue: { visible: 2 } }) });
    const response = await app.request('/health');
    expect(await response.json()).toEqual({ status: 'ok', queue: { visible: 2 } });
  });

  it("answers 503 with each part's state when the stack says a part is down", async () => {
    const app = createLocalHttpApp({ health: () => ({ status: 'degraded', parts: { dynamodb: 'restarting' } }) });
    const response = await app.request('/health');
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({ status: 'degraded', parts: { dynamodb: 'restarting' } });
  });

  it('mounts a Hono review API under /api with routes relative to it', async () => {
    const api = new Hono().get('/cases', (c) => c.json({ items: ['c1'] }));
    const response = await createLocalHttpApp({ api }).request('/api/cases');
    expect(await response.json()).toEqual({ items: ['c1'] });
  });

  it('passes the full request to a fetch-style API', async () => {
    const app = createLocalHttpApp({ api: (request) => Response.json({ path: new URL(request.url).pathname }) });
    expect(await (await app.request('/api/cases/c1?x=1')).json()).toEqual({ path: '/api/cases/c1' });
  });

  it('says 501 api_not_mounted while no API is mounted', async () => {
    const response = await createLocalHttpApp().request('/api/cases');
    expect(response.status).toBe(501);
    expect(await response.json()).toMatchObject({ error: { code: 'api_not_mounted' } });
  });

  describe('with a built clerk page', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'intake-web-'));
    writeFileSync(path.join(dir, 'index.html'), '<html>审核</html>');
    writeFileSync(path.join(dir, 'app.js'), 'console.log(1)');
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it('serves its files and falls back to index.html for client-side routes', async () => {
      const app = createLocalHttpApp({ staticDir: dir });
      expect(await (await app.request('/app.js')).text()).toBe('console.log(1)');
      expect(await (await app.request('/cases/c1')).text()).toBe('<html>审核</html>');
      expect(await (await app.request('/')).text()).toBe('<html>审核</html>');
    });
  });
});

describe('createLocalHttpServer', () => {
  it('listens on a free port and closes', async () => {
    const server = await createLocalHttpServer({ port: 0 });
    try {
      const response = await fetch(`${server.url}/health`);
      expect(response.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
