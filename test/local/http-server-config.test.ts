import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createLocalHttpApp } from '../../local/http-server.js';
import { loadPageConfig } from '../../web/src/cognito-sign-in.js';

describe('createLocalHttpApp /config.json', () => {
  const page = mkdtempSync(path.join(os.tmpdir(), 'intake-page-'));
  writeFileSync(path.join(page, 'index.html'), '<!doctype html><title>审核</title>');
  // As if someone copied the deployed file into web/dist: the local stack must still use the dev sign-in.
  writeFileSync(path.join(page, 'config.json'), JSON.stringify({ auth: 'cognito', domain: 'x.auth.ap-southeast-1.amazoncognito.com', clientId: 'c' }));
  afterAll(() => rmSync(page, { recursive: true, force: true }));

  it('tells the page to use the development sign-in, uncached, even over a config.json among the static files', async () => {
    const response = await createLocalHttpApp({ staticDir: page }).request('/config.json');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({ auth: 'dev' });
  });

  it("is read by the page's loader as the dev sign-in", async () => {
    const app = createLocalHttpApp({ staticDir: page });
    const config = await loadPageConfig((input, init) => Promise.resolve(app.request(`/${input}`, init)));
    expect(config).toEqual({ auth: 'dev' });
  });

  it('answers a config the stack passes in instead', async () => {
    const response = await createLocalHttpApp({ pageConfig: { auth: 'dev', apiBase: '/api' } }).request('/config.json');
    expect(await response.json()).toEqual({ auth: 'dev', apiBase: '/api' });
  });
});
