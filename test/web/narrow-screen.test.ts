/**
 * The page at 390 px wide (a phone), in Debian chromium: the case view puts the page image above the fields, the
 * field box is still drawn on the image, and no view scrolls sideways.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHttpServer } from '../../local/http-server.js';
import { seedEmailSubmission } from '../review/email-submission-fixture.js';
import { seedClaim } from '../review/review-fixtures.js';
import type { ReviewTestEnv } from '../review/review-env.js';
import { startPageStack, type PageStack } from './page-stack.js';
import { screenshotPath } from './screenshots.js';

let env: ReviewTestEnv;
let http: RunningHttpServer;
let browser: Browser;
let stack: PageStack;

beforeAll(async () => {
  stack = await startPageStack('narrow-screen-');
  ({ env, http, browser } = stack);
});

afterAll(() => stack?.stop());

async function phone(key: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 1, locale: 'zh-CN', isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await page.goto(`${http.url}/`);
  await page.locator('.users button').first().waitFor();
  await page.keyboard.press(key);
  await page.locator('#who').filter({ hasText: '（' }).waitFor();
  return page;
}

/** How far the document is wider than the screen (0: no sideways scrolling). */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('the page on a 390 px screen', () => {
  it('shows the case with the page image above the fields, the box on the image and nothing wider than the screen', async () => {
    const seeded = await seedClaim(env.stores, { level: 3, flagged: ['level'], personName: '欧阳晓红' });
    const page = await phone('1');
    await page.evaluate((id) => (location.hash = `#/case/${encodeURIComponent(id)}`), seeded.caseId);
    await page.locator('input[name="level"]:focus').waitFor();
    await page.locator('#page-box:not([hidden])').waitFor();
    const image = (await page.locator('#page-img').boundingBox())!;
    const firstField = (await page.locator('.field').first().boundingBox())!;
    const box = (await page.locator('#page-box').boundingBox())!;
    expect(image.y + image.height).toBeLessThanOrEqual(firstField.y);
    expect(image.x + image.width).toBeLessThanOrEqual(390);
    // The box lies on the image.
    expect(box.x).toBeGreaterThanOrEqual(image.x - 1);
    expect(box.x + box.width).toBeLessThanOrEqual(image.x + image.width + 1);
    expect(await overflow(page)).toBe(0);
    await page.screenshot({ path: screenshotPath('case-view-390.png'), fullPage: true });
    await page.context().close();
  });

  it('lets no other view scroll sideways: the queues, a queue, what came in by e-mail, the case lists', async () => {
    const emailId = await seedEmailSubmission(env.stores);
    const seeded = await seedClaim(env.stores, { level: 2, submissionId: emailId });
    const page = await phone('1');
    const views: [string, string][] = [
      ['#/', '审核队列'],
      [`#/queue/${encodeURIComponent(seeded.queue)}`, seeded.queue],
      [`#/submission/${encodeURIComponent(emailId)}`, '来件详情'],
      ['#/cases', '案件查询'],
    ];
    for (const [hash, title] of views) {
      await page.evaluate((h) => (location.hash = h), hash);
      await page.locator('#view h1').filter({ hasText: title }).waitFor();
      expect(await overflow(page), hash).toBe(0);
    }
    await page.screenshot({ path: screenshotPath('submission-390.png'), fullPage: true });
    await page.context().close();
  });
});
