import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHttpServer } from '../../local/http-server.js';
import { seedClaim } from '../review/review-fixtures.js';
import type { ReviewTestEnv } from '../review/review-env.js';
import { startPageStack, type PageStack } from './page-stack.js';
import { screenshotPath } from './screenshots.js';

/** Seeded users by the number key that signs them in on the sign-in view. */
const KEY = { clerk1: '1', supervisor1: '3' } as const;

let env: ReviewTestEnv;
let http: RunningHttpServer;
let browser: Browser;
let stack: PageStack;

beforeAll(async () => {
  stack = await startPageStack('reports-page-');
  ({ env, http, browser } = stack);
});

afterAll(() => stack?.stop());

async function signedIn(user: keyof typeof KEY): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${http.url}/`);
  await page.locator('.users button').first().waitFor();
  await page.keyboard.press(KEY[user]);
  await page.locator('#who').filter({ hasText: '（' }).waitFor();
  return page;
}

/** A claim a clerk confirmed and a supervisor approved, through the API as the page would. */
async function approvedClaim(personName: string) {
  const seeded = await seedClaim(env.stores, { personName });
  const call = (user: string, path: string, body: unknown) => stack.env.call('POST', path, { user, body });
  const confirmed = (await call('clerk1', `/cases/${seeded.caseId}/confirm`, { version: seeded.version })).json.case;
  const approved = (await call('supervisor1', `/cases/${seeded.caseId}/approve`, { version: confirmed.version })).json.case;
  expect(approved.status).toBe('approved');
  return approved as { caseId: string; decision: { evaluatedOn: string; amountYuan: number } };
}

describe('yearly targets report page (XH36-1: 12,500 person-times a year)', () => {
  it('a supervisor opens 年度目标 from the nav, reads person-times, certificates and amounts by programme, and downloads the XLSX', async () => {
    const first = await approvedClaim('陈静');
    await approvedClaim('刘洋');
    await seedClaim(env.stores, { personName: '未审批' }); // read, not approved: not counted
    const year = Number(first.decision.evaluatedOn.slice(0, 4));
    const page = await signedIn('supervisor1');

    await page.locator('#nav a', { hasText: '年度目标' }).click();
    await page.locator('h1', { hasText: '年度目标完成情况' }).waitFor();
    await page.locator('#year').fill(String(year));
    await page.keyboard.press('Enter');
    await page.locator('#by-programme tr[data-programme="XH36-3.7.c"]').waitFor();

    const cells = await page.locator('#by-programme tr[data-programme="XH36-3.7.c"] td').allTextContents();
    expect(cells.slice(0, 5)).toEqual(['高技能人才一次性补贴（个人）', 'XH36-3.7.c', '2', '2', '2']);
    expect(cells[5]).toBe(`${(first.decision.amountYuan * 2).toLocaleString('zh-CN')} 元`);
    expect(await page.locator('#target-line').textContent()).toContain('2 人次');
    expect(await page.locator('#certificates tbody tr').first().textContent()).toMatch(/高技能人才一次性补贴（个人）.*级/);
    await page.screenshot({ path: screenshotPath('targets-report.png'), fullPage: false });

    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Alt+x')]);
    expect(download.suggestedFilename()).toBe(`年度目标-${year}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await download.path())!) as never);
    const row = (workbook.getWorksheet('按项目')!.getRow(2).values as unknown[]).slice(1);
    expect(row.slice(0, 5)).toEqual(['XH36-3.7.c', '高技能人才一次性补贴（个人）', 2, 2, 2]);
    // Every sheet names the programme by its title beside the clause, as the page does.
    const certificates = (workbook.getWorksheet('证书')!.getRow(2).values as unknown[]).slice(1);
    expect(certificates.slice(0, 2)).toEqual(['XH36-3.7.c', '高技能人才一次性补贴（个人）']);
    await page.context().close();
  });

  it('shows the 12,500 target and the share reached for a year the policy sets it', async () => {
    const page = await signedIn('supervisor1');
    await page.evaluate(() => (location.hash = '#/reports/2021'));
    await page.locator('#target-line').waitFor();
    expect(await page.locator('#target-line').textContent()).toContain('目标 12,500 人次（完成 0%）');
    expect(await page.locator('[role="progressbar"]').getAttribute('aria-valuenow')).toBe('0');
    await page.context().close();
  });

  it("gives a clerk no nav link, and the API's refusal when the address is typed", async () => {
    const page = await signedIn('clerk1');
    expect(await page.locator('#nav a', { hasText: '年度目标' }).count()).toBe(0);
    await page.evaluate(() => (location.hash = '#/reports/2021'));
    await page.locator('#banner:not([hidden])').waitFor();
    expect(await page.locator('#banner').textContent()).toBe('您没有执行此操作的权限。');
    expect(await page.locator('#by-programme').count()).toBe(0);
    await page.context().close();
  });
});
