/**
 * Races between what the clerk does and what the page is still loading, made deterministic by holding the page's
 * own requests in the browser (Playwright routes) until the test lets them go. Under a loaded machine these orders
 * happen by themselves; here they happen every time.
 */
import type { Browser, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHttpServer } from '../../local/http-server.js';
import { seedClaim } from '../review/review-fixtures.js';
import type { ReviewTestEnv } from '../review/review-env.js';
import { startPageStack, type PageStack } from './page-stack.js';

let env: ReviewTestEnv;
let http: RunningHttpServer;
let browser: Browser;
let stack: PageStack;

beforeAll(async () => {
  stack = await startPageStack('page-races-');
  ({ env, http, browser } = stack);
});

afterAll(() => stack?.stop());

/** Requests matching `pattern` wait until `release()`; `held` resolves when the first one has arrived. */
async function hold(page: Page, pattern: string | RegExp): Promise<{ held: Promise<void>; release: () => void }> {
  let arrived!: () => void;
  const held = new Promise<void>((resolve) => (arrived = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(pattern, async (route: Route) => {
    arrived();
    await released;
    await route.continue();
  });
  return { held, release };
}

async function signedIn(key: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${http.url}/`);
  await page.locator('.users button').first().waitFor();
  await page.keyboard.press(key);
  await page.locator('#who').filter({ hasText: '（' }).waitFor();
  return page;
}

/** Like `hold`, but only the first matching request waits; later ones go through at once. */
async function holdFirst(page: Page, pattern: string | RegExp): Promise<{ held: Promise<void>; release: () => void }> {
  let arrived!: () => void;
  const held = new Promise<void>((resolve) => (arrived = resolve));
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let first = true;
  await page.route(pattern, async (route: Route) => {
    if (!first) return route.continue();
    first = false;
    arrived();
    await released;
    await route.continue();
  });
  return { held, release };
}

describe('page races', () => {
  it("keeps the focused field's box when the page image the case opened with arrives after it", async () => {
    // A clean case: the page opens on its first page with no field in focus and asks for the image (held); the
    // clerk focuses a field meanwhile, whose box is drawn from a second copy of the image. When the first copy
    // arrives late, it must not replace the image or hide the box.
    const seeded = await seedClaim(env.stores, { level: 3, personName: '周晓' });
    const certificate = seeded.documents.find((d) => d.type === 'vocational_certificate')!;
    const [fieldName] = Object.entries(certificate.fields).find(([, field]) => field.source?.box && (field.source.page ?? 1) === 1)!;
    const fieldKey = `${certificate.documentId}#${certificate.indexInFile}#${fieldName}`;
    const page = await signedIn('1');
    const image = await holdFirst(page, /\/api\/documents\/[^/]+\/pages\/\d+$/);
    await page.evaluate((id) => (location.hash = `#/case/${encodeURIComponent(id)}`), seeded.caseId);
    await page.locator('#decision').waitFor();
    await image.held;
    await page.locator(`input[data-key="${fieldKey}"]`).focus();
    const frame = page.locator(`#page-box[data-key="${fieldKey}"]:not([hidden])`);
    await frame.waitFor({ timeout: 20_000 });
    const srcBefore = await page.locator('#page-img').getAttribute('src');
    const late = page.waitForResponse(/\/api\/documents\/[^/]+\/pages\/\d+$/);
    image.release();
    await (await late).finished();
    // Give the late copy every chance to land: its blob, a decode and a few frames.
    await page.evaluate(async () => {
      await document
        .querySelector<HTMLImageElement>('#page-img')!
        .decode()
        .catch(() => undefined);
      for (let i = 0; i < 5; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    expect(await page.locator('#page-img').getAttribute('src')).toBe(srcBefore);
    expect(await frame.isVisible()).toBe(true);
    await page.context().close();
  });

  it('draws the box of a field focused while its page image is still loading for an earlier field', async () => {
    const seeded = await seedClaim(env.stores, { level: 3, flagged: ['level'], personName: '钱多多' });
    const certificate = seeded.documents.find((d) => d.type === 'vocational_certificate')!;
    const other = Object.entries(certificate.fields).find(([name, field]) => name !== 'level' && field.source?.box)!;
    const otherKey = `${certificate.documentId}#${certificate.indexInFile}#${other[0]}`;
    const page = await signedIn('1');
    const image = await hold(page, /\/api\/documents\/[^/]+\/pages\/\d+$/);
    await page.evaluate((id) => (location.hash = `#/case/${encodeURIComponent(id)}`), seeded.caseId);
    // The page focuses the flagged field and asks for its page image, which is held.
    await page.locator('input[name="level"]:focus').waitFor();
    await image.held;
    // The clerk moves to another field on the same page in the moment the image has arrived but is not decoded yet:
    // focus moves as soon as the page sets the image's source.
    await page.evaluate((key) => {
      const img = document.querySelector('#page-img')!;
      new MutationObserver((_, observer) => {
        observer.disconnect();
        document.querySelector<HTMLInputElement>(`input[data-key="${key}"]`)!.focus();
      }).observe(img, { attributes: true, attributeFilter: ['src'] });
    }, otherKey);
    image.release();
    const frame = page.locator(`#page-box[data-key="${otherKey}"]:not([hidden])`);
    await frame.waitFor({ timeout: 20_000 });
    const box = await frame.boundingBox();
    expect(box!.width).toBeGreaterThan(0);
    await page.context().close();
  });

  it('leaves the clerk where they went when they move on while the next case is still being claimed', async () => {
    const seeded = await seedClaim(env.stores, { level: 2, personName: '孙立' });
    const page = await signedIn('2');
    await page.evaluate((id) => (location.hash = `#/case/${encodeURIComponent(id)}`), seeded.caseId);
    await page.locator('#confirm:focus').waitFor();
    const claim = await hold(page, /\/api\/queues\/[^/]+\/claim$/);
    await page.keyboard.press('Enter');
    await claim.held;
    // Confirmed; the claim of the next case is under way and the clerk goes back to the queues.
    await page.evaluate(() => (location.hash = '#/'));
    await page.locator('#view h1').filter({ hasText: '审核队列' }).waitFor();
    claim.release();
    await page
      .locator('#banner')
      .filter({ hasText: /已领取下一件|此队列已没有待领取的案件/ })
      .waitFor();
    expect(await page.evaluate(() => location.hash)).toBe('#/');
    expect((await env.stores.cases.get(seeded.caseId))?.status).toBe('confirmed');
    await page.context().close();
  });
});
