/**
 * The page with `config.json` saying `cognito`, as on AWS: the hosted UI and its token endpoint are played by
 * Playwright routes (no network), the ID token they hand back is a development token the API accepts.
 */
import type { Browser, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHttpServer } from '../../local/http-server.js';
import { startPageStack, type PageStack } from './page-stack.js';

const DOMAIN = 'intake-test.auth.ap-east-1.amazoncognito.com';

let http: RunningHttpServer;
let browser: Browser;
let tokenFor: (user: string) => Promise<string>;
let stack: PageStack;

beforeAll(async () => {
  stack = await startPageStack('cognito-page-', { auth: 'cognito', domain: DOMAIN, clientId: 'page-client' });
  ({ http, browser, tokenFor } = stack);
});

afterAll(() => stack?.stop());

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
        return route.fulfill({
          status: 200,
          headers: { 'access-control-allow-origin': '*' },
          contentType: 'application/json',
          body: JSON.stringify({ id_token: await tokenFor('institution-a') }),
        });
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
