/**
 * A clerk sees what came in by e-mail, on the page (Debian chromium): from the case, 来件详情 shows the sender,
 * subject and body, and every attached file with its state — the PNG sent as `.pdf` rejected and the executable
 * refused, each with why.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHttpServer } from '../../local/http-server.js';
import { EMAIL_SUBMISSION, seedEmailSubmission } from '../review/email-submission-fixture.js';
import { seedClaim } from '../review/review-fixtures.js';
import type { ReviewTestEnv } from '../review/review-env.js';
import { startPageStack, type PageStack } from './page-stack.js';
import { screenshotPath } from './screenshots.js';

let env: ReviewTestEnv;
let http: RunningHttpServer;
let browser: Browser;
let stack: PageStack;

beforeAll(async () => {
  stack = await startPageStack('submission-view-');
  ({ env, http, browser } = stack);
});

afterAll(() => stack?.stop());

describe('e-mail submission on the page', () => {
  it('shows the clerk the sender, subject, body and every attachment with its state, refused ones with why', async () => {
    const emailId = await seedEmailSubmission(env.stores);
    const seeded = await seedClaim(env.stores, { level: 2, submissionId: emailId });
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${http.url}/`);
    await page.locator('.users button').first().waitFor();
    await page.keyboard.press('1');
    await page.locator('#who').filter({ hasText: '（' }).waitFor();
    await page.evaluate((id) => (location.hash = `#/case/${encodeURIComponent(id)}`), seeded.caseId);
    await page.locator('#submission-link').click();

    const { from, subject, body, files } = EMAIL_SUBMISSION;
    await page.locator('#email').waitFor();
    expect(await page.locator('#email').textContent()).toContain(from);
    expect(await page.locator('#email').textContent()).toContain(subject);
    expect(await page.locator('#email-body').textContent()).toBe(body);
    const row = (name: string) => page.locator(`#files tr[data-file="${name}"]`);
    expect(await row(files.pngAsPdf).getAttribute('data-state')).toBe('rejected');
    expect(await row(files.pngAsPdf).textContent()).toContain('文件实际内容不符');
    expect(await row(files.refused).getAttribute('data-state')).toBe('refused');
    expect(await row(files.refused).textContent()).toContain('未受理');
    expect(await row(files.readable).textContent()).toContain('识别中');
    // The case the submission went to is one click away.
    expect(await page.locator(`a[href="#/case/${encodeURIComponent(seeded.caseId)}"]`).count()).toBeGreaterThan(0);
    await page.screenshot({ path: screenshotPath('submission-email-1440.png'), fullPage: true });
    await context.close();
  });
});
