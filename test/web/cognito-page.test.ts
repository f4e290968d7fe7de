/**
 * The page with `config.json` saying `cognito`, as on AWS: the hosted UI and its token endpoint are played by
 * Playwright routes (no network), the ID token they hand back is a development token the API accepts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalHttpServer, type RunningHttpServer } from '../../local/http-server.js';
import { systemClock } from '../../shared/ports/index.js';
import { buildClerkPage } from '../../web/build.js';
import { reviewApiOver } from '../review/review-fixtures.js';
import { reviewTestEnv, type ReviewTestEnv } from '../review/review-env.js';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const DOMAIN = 'intake-test.auth.ap-east-1.amazoncognito.com';

let env: ReviewTestEnv;
let http: RunningHttpServer;
let browser: Browser;
let staticDir: string;
let tokenFor: (user: string) => Promise<string>;

beforeAll(async () => {
  env = await reviewTestEnv({ batches: {} });
  staticDir = await buildClerkPage(mkdtempSync(path.join(os.tmpdir(), 'cognito-page-')));
  const over = reviewApiOver(env.stores, systemClock, { batches: env.batches });
  tokenFor = over.tokenFor;
  http = await createLocalHttpServer({ port: 0, api: over.api, staticDir, pageConfig: { auth: 'cognito', domain: DOMAIN, clientId: 'page-client' } });
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await http?.close();
  await env?.drop();
  rmSync(staticDir, { recursive: true, force: true });
});

describe('page sign-in through Cognito (config.json auth "cognito")', () => {
  it('sends the user to the hosted UI, exchanges the returned code for the ID token, calls the API with it and signs out at Cognito', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const exchanged: URLSearchParams[] = [];
    let loggedOut: URL | undefined;
    await page.route(`https://${DOMAIN}/**`, async (route: Route) => {
      const url = new URL(route.request().url());
      if (url.pathname === '/oauth2/authorize') {
        expect(url.searchParams.get('code_challenge_method')).toBe('S256');
        expect(url.searchParams.get('redirect_uri')).toBe(`${http.url}/`);
        return route.fulfill({ status: 302, headers: { location: `${http.url}/?code=code-1&state=${url.searchParams.get('state')}` } });
      }
      if (url.pathname === '/oauth2/token') {
        exchanged.push(new URLSearchParams(route.request().postData() ?? ''));
        return route.fulfill({ status: 200, headers: { 'access-control-allow-origin': '*' }, contentType: 'application/json', body: JSON.stringify({ id_token: await tokenFor('institution-a') }) });
      }
      loggedOut = url;
      return route.fulfill({ status: 200, contentType: 'text/html', body: '<p>signed out</p>' });
    });

    await page.goto(`${http.url}/`);
    await page.locator('#cognito-sign-in').waitFor();
    expect(await page.locator('.users').count()).toBe(0);
    await page.keyboard.press('Enter');
    await page.locator('h1').filter({ hasText: '我的批次' }).waitFor();
    expect(await page.locator('#who').textContent()).toContain('培训机构');
    expect(exchanged).toHaveLength(1);
    expect(exchanged[0]!.get('code')).toBe('code-1');
    expect(exchanged[0]!.get('code_verifier')).toBeTruthy();
    // The spent code is gone from the address bar.
    expect(new URL(page.url()).search).toBe('');

    await page.locator('#nav a').filter({ hasText: '退出' }).click();
    await page.waitForURL(`https://${DOMAIN}/logout**`);
    expect(loggedOut?.searchParams.get('client_id')).toBe('page-client');
    await context.close();
  });

  it('says the sign-in did not complete when the returned state does not match', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${http.url}/?code=stolen&state=forged`);
    await page.locator('#banner').filter({ hasText: '登录未完成' }).waitFor();
    await page.locator('#cognito-sign-in').waitFor();
    expect(new URL(page.url()).search).toBe('');
    await context.close();
  });
});
