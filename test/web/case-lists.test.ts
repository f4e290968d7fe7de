/**
 * 案件查询 in Debian chromium (issue 16 item 3): a supervisor finds the cases waiting for approval, anyone on staff
 * searches by ID number, name, certificate number and case id and opens the case, the closed states have tabs of their own, a clerk sees "我的案件", and a long state pages both ways.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHttpServer } from '../../local/http-server.js';
import type { ReviewCase } from '../../shared/cases/index.js';
import { aReviewCase, anAuditEvent } from '../support/fakes/factories.js';
import { seedClaim } from '../review/review-fixtures.js';
import type { ReviewTestEnv } from '../review/review-env.js';
import { startPageStack, type PageStack } from './page-stack.js';
import { screenshotPath } from './screenshots.js';

/** Seeded users by the number key that signs them in on the sign-in view. */
const KEY = { clerk1: '1', clerk2: '2', supervisor1: '3' } as const;

let env: ReviewTestEnv;
let http: RunningHttpServer;
let browser: Browser;
let stack: PageStack;
let confirmed: ReviewCase;
let waiting: ReviewCase;

beforeAll(async () => {
  stack = await startPageStack('case-lists-');
  ({ env, http, browser } = stack);
  confirmed = await seedClaim(env.stores, {
    personName: '陈思远',
    idNumber: '330106199203034321',
    createdAt: '2022-11-20T01:00:00.000Z',
    withPageImage: false,
  });
  waiting = await seedClaim(env.stores, {
    personName: '林小雨',
    idNumber: '330106199505056789',
    createdAt: '2022-11-20T02:00:00.000Z',
    withPageImage: false,
    withEnterprise: false,
  });
  // clerk1 confirmed the first: it waits for a supervisor's approval (待审批).
  await env.stores.cases.update(
    { ...confirmed, status: 'confirmed', confirmedBy: 'clerk1', updatedAt: '2022-11-21T01:00:00.000Z' },
    confirmed.version,
    anAuditEvent(confirmed.caseId, { action: 'confirm', actor: 'clerk1' }),
  );
  // 51 cases waiting for documents: one more than a page.
  for (let i = 0; i < 51; i++) {
    const reviewCase = aReviewCase({
      caseId: `case-docs-${String(i).padStart(2, '0')}`,
      status: 'awaiting_documents',
      personName: `补件${i}`,
      personIdNumber: undefined,
      createdAt: `2022-10-01T00:${String(i).padStart(2, '0')}:00.000Z`,
    });
    await env.stores.cases.create(reviewCase, anAuditEvent(reviewCase.caseId));
  }
}, 180_000);

afterAll(() => stack?.stop());

async function signedIn(user: keyof typeof KEY): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${http.url}/`);
  await page.locator('.users button').first().waitFor();
  await page.keyboard.press(KEY[user]);
  await page.locator('#who').filter({ hasText: '（' }).waitFor();
  return page;
}

const listed = (page: Page) => page.locator('#case-list tr[data-case]');
const caseIds = (page: Page) => listed(page).evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.case));

describe('case lists page', () => {
  it('a supervisor opens 案件查询, picks 待审批 and opens the case waiting for approval', async () => {
    const page = await signedIn('supervisor1');
    await page.locator('#nav a', { hasText: '案件查询' }).click();
    await page.locator('.tabs .tab.active', { hasText: '待审核' }).waitFor();

    await page.locator('.tabs .tab', { hasText: '待审批' }).click();
    await page.locator('.tabs .tab.active', { hasText: '待审批' }).waitFor();
    await listed(page).first().waitFor();

    expect(await caseIds(page)).toEqual([confirmed.caseId]);
    expect(await page.locator('.tabs .tab[data-state="confirmed"] .count').textContent()).toBe('1');
    expect(await page.locator('.tabs .tab[data-state="awaiting_documents"] .count').textContent()).toBe('51');
    await page.screenshot({ path: screenshotPath('case-lists.png') });
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/#/case/${confirmed.caseId}`);
    await page.context().close();
  });

  it('finds a case by ID number and by name from the search box, and opens it with the keyboard', async () => {
    const page = await signedIn('clerk2');
    await page.evaluate(() => (location.hash = '#/cases'));
    await page.locator('#case-q').waitFor();

    await page.keyboard.press('/');
    await page.keyboard.type('330106199505056789');
    await page.keyboard.press('Enter');
    await page.locator('.tabs .tab.active', { hasText: '全部' }).waitFor();
    await listed(page).first().waitFor();
    const byIdNumber = await caseIds(page);

    await page.locator('#case-q').fill('查无此人');
    await page.keyboard.press('Enter');
    await page.locator('#empty').waitFor();
    const nothing = await page.locator('#empty').textContent();

    await page.locator('#case-q').fill('陈思远');
    await page.keyboard.press('Enter');
    await page.locator(`#case-list tr[data-case="${confirmed.caseId}"]`).waitFor();
    const byName = await caseIds(page);
    // The first row has the focus: Enter opens it.
    await page.keyboard.press('Enter');
    await page.waitForURL(`**/#/case/${confirmed.caseId}`);

    expect(byIdNumber).toEqual([waiting.caseId]);
    expect(nothing).toContain('没有找到');
    expect(byName).toEqual([confirmed.caseId]);
    await page.context().close();
  });

  it('shows a clerk the cases they confirmed under 我的案件', async () => {
    const page = await signedIn('clerk1');
    await page.evaluate(() => (location.hash = '#/cases'));
    await page.locator('#mine').waitFor();

    await page.locator('#mine').check();
    await page.locator('.tabs .tab.active', { hasText: '全部' }).waitFor();
    await listed(page).first().waitFor();

    expect(await caseIds(page)).toEqual([confirmed.caseId]);
    expect(page.url()).toContain('mine=1');
    await page.context().close();
  });

  it('finds a case by its certificate number and by its case id, and lists 已审批, 已驳回 and 不予补贴 under their own tabs', async () => {
    const closed: Record<string, ReviewCase> = {};
    for (const status of ['approved', 'rejected', 'declined'] as const) {
      const reviewCase = aReviewCase({
        caseId: `case-closed-${status.slice(0, 3)}`,
        status,
        personName: `结案${status.length}`,
        personIdNumber: undefined,
        confirmedBy: 'clerk2',
        createdAt: '2022-09-01T00:00:00.000Z',
      });
      await env.stores.cases.create(reviewCase, anAuditEvent(reviewCase.caseId));
      closed[status] = reviewCase;
    }
    const page = await signedIn('supervisor1');
    await page.evaluate(() => (location.hash = '#/cases'));
    await page.locator('#case-q').waitFor();

    // The certificate number as printed on the certificate of 林小雨's claim (Q2020-<last four of the ID number>).
    await page.locator('#case-q').fill('Q2020-6789');
    await page.keyboard.press('Enter');
    // The search's own list (it alone offers 清除查询): the list before it may hold the same row, and a second term typed
    // into that list's box is lost when the search's list replaces it.
    await page.locator('#clear-q').waitFor();
    await page.locator(`#case-list tr[data-case="${waiting.caseId}"]`).waitFor();
    const byCertificate = await caseIds(page);
    await page.locator('#case-q').fill(confirmed.caseId);
    await page.keyboard.press('Enter');
    await page.locator(`#case-list tr[data-case="${confirmed.caseId}"]`).waitFor();
    const byCaseId = await caseIds(page);

    const tabs: Record<string, { row: string; ids: (string | undefined)[] }> = {};
    for (const [status, label] of [
      ['approved', '已审批'],
      ['rejected', '已驳回'],
      ['declined', '不予补贴'],
    ] as const) {
      await page.evaluate((state) => (location.hash = `#/cases/status=${state}`), status);
      await page.locator('.tabs .tab.active', { hasText: label }).waitFor();
      await page.locator(`#case-list tr[data-case="${closed[status]!.caseId}"]`).waitFor();
      tabs[status] = { row: (await page.locator(`#case-list tr[data-case="${closed[status]!.caseId}"]`).textContent())!, ids: await caseIds(page) };
    }

    expect(byCertificate).toEqual([waiting.caseId]);
    expect(byCaseId).toEqual([confirmed.caseId]);
    expect(tabs.approved!.ids).toEqual(['case-closed-app']);
    expect(tabs.rejected!.ids).toEqual(['case-closed-rej']);
    expect(tabs.declined!.ids).toEqual(['case-closed-dec']);
    // The row names the programme and the state in Chinese, and the time received in Beijing time.
    expect(tabs.declined!.row).toContain('高技能人才一次性补贴（个人）');
    expect(tabs.declined!.row).toContain('不予补贴');
    expect(tabs.declined!.row).toContain('2022-09-01 08:00');
    expect(tabs.declined!.row).not.toMatch(/declined|XH36|unclassified/);
    await page.context().close();
  });

  it('pages 待补材料 forward and back, newest first', async () => {
    const page = await signedIn('clerk2');
    await page.evaluate(() => (location.hash = '#/cases/status=awaiting_documents'));
    await page.locator('#next').waitFor();
    const first = await caseIds(page);

    await page.keyboard.press('n');
    await page.locator('#previous').waitFor();
    const second = await caseIds(page);
    await page.locator('#previous').click();
    await page.locator('#next').waitFor();
    const back = await caseIds(page);

    expect(first).toHaveLength(50);
    expect(first[0]).toBe('case-docs-50');
    expect(second).toEqual(['case-docs-00']);
    expect(back).toEqual(first);
    await page.context().close();
  });

  it('shows who holds a claimed case by display name, with the user id beside it', async () => {
    // Last in the file: clerk2 takes the waiting case from its queue, as the page's claim does.
    const claimed = await env.call('POST', `/queues/${waiting.queue}/claim`, { user: 'clerk2' });
    expect(claimed.json.case.caseId).toBe(waiting.caseId);
    const page = await signedIn('supervisor1');
    await page.evaluate(() => (location.hash = '#/cases/status=needs_review'));
    const row = page.locator(`#case-list tr[data-case="${waiting.caseId}"]`);
    await row.waitFor();

    expect(await row.locator('.status').textContent()).toBe('审核中 · 王经办（clerk2）');
    await page.context().close();
  });
});
