import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createLocalHttpServer, type RunningHttpServer } from '../../local/http-server.js';
import { systemClock } from '../../shared/ports/index.js';
import { buildClerkPage } from '../../web/build.js';
import { reviewApiOver } from '../review/review-fixtures.js';
import { reviewTestEnv, type ReviewTestEnv } from '../review/review-env.js';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * Debian's chromium, headless, for the page tests.
 *
 * @example
 * const browser = await launchChromium();
 */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface PageStack {
  env: ReviewTestEnv;
  http: RunningHttpServer;
  browser: Browser;
  /** A development token for a seeded user, as the API accepts it. */
  tokenFor: (user: string) => Promise<string>;
  stop(): Promise<void>;
}

/**
 * The clerk page and the review API over the real DynamoDB Local and s3rver, on a free port as `npm start` serves
 * them, with a browser. `pageConfig` is what `/config.json` answers (default: the development sign-in).
 *
 * @example
 * const stack = await startPageStack('clerk-page-');
 * await (await stack.browser.newPage()).goto(`${stack.http.url}/`);
 */
export async function startPageStack(name: string, pageConfig?: Record<string, unknown>): Promise<PageStack> {
  const env = await reviewTestEnv({ batches: {} });
  const staticDir = await buildClerkPage(mkdtempSync(path.join(os.tmpdir(), name)));
  const over = reviewApiOver(env.stores, systemClock, { batches: env.batches });
  const http = await createLocalHttpServer({ port: 0, api: over.api, staticDir, ...(pageConfig ? { pageConfig } : {}) });
  const browser = await launchChromium();
  return {
    env,
    http,
    browser,
    tokenFor: over.tokenFor,
    stop: async () => {
      await browser.close();
      await http.close();
      await env.drop();
      rmSync(staticDir, { recursive: true, force: true });
    },
  };
}

/** Seeded users by the number key that signs them in on the development sign-in view. */
export const SIGN_IN_KEY = { clerk1: '1', clerk2: '2', supervisor1: '3', 'institution-a': '4' } as const;
export type SeededUser = keyof typeof SIGN_IN_KEY;

/** The viewports the page is checked at: a desk screen and a phone. */
export const VIEWPORTS = { desk: { width: 1440, height: 900 }, phone: { width: 390, height: 844 } } as const;

/**
 * A new browser context at `viewport`, signed in as a seeded user by the sign-in view's number key (no URL typed),
 * waiting until the header names the user. `hash`, when given, is then opened the way a link would.
 *
 * @example
 * const page = await signedInPage(stack, 'clerk1', VIEWPORTS.desk, `#/case/${caseId}`);
 */
export async function signedInPage(
  stack: Pick<PageStack, 'browser' | 'http'>,
  user: SeededUser,
  viewport: { width: number; height: number } = VIEWPORTS.desk,
  hash?: string,
): Promise<Page> {
  const context = await stack.browser.newContext({ viewport, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${stack.http.url}/`);
  await page.locator('.users button').first().waitFor();
  await page.keyboard.press(SIGN_IN_KEY[user]);
  await page
    .locator('#who')
    .filter({ hasText: user === 'institution-a' ? '培训机构' : '（' })
    .waitFor();
  if (hash) await page.evaluate((h) => (location.hash = h), hash);
  return page;
}
