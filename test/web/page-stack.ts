import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createLocalHttpServer, type RunningHttpServer } from '../../local/http-server.js';
import { systemClock } from '../../shared/ports/index.js';
import { buildClerkPage } from '../../web/build.js';
import { reviewApiOver } from '../review/review-fixtures.js';
import { reviewTestEnv, type ReviewTestEnv } from '../review/review-env.js';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

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
