/**
 * Issue 16, training bodies: on the batch page each case's outcome and reason in one line, with its file name; a file
 * that serves no case (issue 15.12) is shown with its reason; the batch list shows where each batch stands. Debian chromium over the page stack (DynamoDB Local,
 * S3 server); the batch's cases are seeded as the pipeline writes them.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningHttpServer } from '../../local/http-server.js';
import { SERVES_NO_CASE } from '../../shared/pipeline/assemble-cases.js';
import { seedClaim } from '../review/review-fixtures.js';
import type { ReviewTestEnv } from '../review/review-env.js';
import { startPageStack, type PageStack } from './page-stack.js';
import { screenshotPath } from './screenshots.js';

let env: ReviewTestEnv;
let http: RunningHttpServer;
let browser: Browser;
let stack: PageStack;

beforeAll(async () => {
  stack = await startPageStack('batch-outcomes-page-');
  ({ env, http, browser } = stack);
});

afterAll(() => stack?.stop());

async function institutionPage(hash: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 860 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${http.url}/`);
  await page.locator('.users button').first().waitFor();
  await page.keyboard.press('4'); // institution-a
  await page.locator('#who').filter({ hasText: '培训机构' }).waitFor();
  await page.evaluate((h) => (location.hash = h), hash);
  return page;
}

describe('batch page: each case in one line', () => {
  it("shows each case's file, state, outcome and reason in Chinese, and a file that serves no case with why", async () => {
    const principal = { userId: 'institution-a', roles: ['institution' as const], institutionId: 'inst-a' };
    const { batch } = await env.batches!.create(principal, {
      files: [
        { name: '名册.xlsx', size: 10, contentType: 'application/octet-stream', role: 'roster' },
        { name: '证书.zip', size: 10, contentType: 'application/zip', role: 'certificates' },
      ],
    });
    const eligible = await seedClaim(env.stores, {
      submissionId: batch.batchId,
      caseId: `case-${batch.batchId}-1`,
      institutionId: 'inst-a',
      personName: '陈静',
      level: 2,
    });
    const flagged = await seedClaim(env.stores, {
      submissionId: batch.batchId,
      caseId: `case-${batch.batchId}-2`,
      institutionId: 'inst-a',
      personName: '刘洋',
      level: 3,
      flagged: ['level'],
    });
    // Contract and social-insurance record of someone else: payable by the rules, held until a clerk resolves it.
    const mixed = await seedClaim(env.stores, {
      submissionId: batch.batchId,
      caseId: `case-${batch.batchId}-3`,
      institutionId: 'inst-a',
      personName: '李四',
      level: 2,
      otherPerson: { name: '周敏', idNumber: '330106198805052345' },
    });
    const orphan = (await env.stores.documents.listBySubmission(batch.batchId)).find(
      (record) => record.caseIds?.includes(flagged.caseId) && record.fileName === 'contract.png',
    )!;
    await env.stores.documents.update(orphan.documentId, { caseIds: [], error: { ...SERVES_NO_CASE }, status: 'processed' });

    const page = await institutionPage(`#/batches/${batch.batchId}`);
    await page.locator('#case-outcomes li').first().waitFor();

    const line = (caseId: string) => page.locator(`#case-outcomes li[data-case="${caseId}"]`);
    const first = (await line(eligible.caseId).textContent())!;
    expect(first).toMatch(/^certificate\.png（陈静） · 待审核 · 符合 · 5,000 元：/);
    expect(first).not.toMatch(/eligible|needs_review|XH36-3\.7\.c\b(?!）)/);
    const second = (await line(flagged.caseId).textContent())!;
    expect(second).toMatch(/^certificate\.png（刘洋） · 待审核 · 待核对/);
    // The flagged field by its Chinese label and document title, as the case view words it: no rules path or document id.
    expect(second).toContain('「等级」');
    expect(second).not.toMatch(/doc-|certificates?(\[\d+\])?\.level|字段level/);
    const third = (await line(mixed.caseId).textContent())!;
    expect(third).toMatch(/^certificate\.png（李四） · 待审核 · 待核对（疑点未处理）：.*各材料所写人员不一致，待工作人员核对/);
    // No amount as if granted, neither beside the outcome nor in the rule's reason (the standard is held back too).
    expect(third).not.toMatch(/ · [\d,]+ 元/);
    expect(third).toContain('金额待疑点处理后显示');
    expect(third).not.toMatch(/5,?000\s*元/);
    expect(await page.locator('#problems').textContent()).toContain('文件 contract.png：已识别（没有证书案件需要此材料，未并入任何案件）');
    // Every file that arrived is read, but the certificate ZIP the batch was opened with never reached storage: named,
    // not "being read".
    expect(await page.locator('#state').textContent()).toMatch(/^已到达的材料均已处理；尚未收到文件：证书\.zip（/);
    await page.screenshot({ path: screenshotPath('batch-case-outcomes.png'), fullPage: true });
    await page.context().close();
  });
});

describe('batch report downloaded from the batch page', () => {
  it('carries each case with its outcome and reason columns in Chinese, no internal codes, and no amount on a held case', async () => {
    const principal = { userId: 'institution-a', roles: ['institution' as const], institutionId: 'inst-a' };
    const { batch } = await env.batches!.create(principal, {
      files: [
        { name: '名册.xlsx', size: 10, contentType: 'application/octet-stream', role: 'roster' },
        { name: '证书.zip', size: 10, contentType: 'application/zip', role: 'certificates' },
      ],
    });
    await seedClaim(env.stores, { submissionId: batch.batchId, caseId: `case-${batch.batchId}-1`, institutionId: 'inst-a', personName: '陈静', level: 2 });
    await seedClaim(env.stores, {
      submissionId: batch.batchId,
      caseId: `case-${batch.batchId}-2`,
      institutionId: 'inst-a',
      personName: '刘洋',
      level: 3,
      flagged: ['level'],
    });
    // Documents of two persons: payable by the rules, held (待核对, no amount) until a clerk resolves the finding.
    await seedClaim(env.stores, {
      submissionId: batch.batchId,
      caseId: `case-${batch.batchId}-3`,
      institutionId: 'inst-a',
      personName: '李四',
      level: 2,
      otherPerson: { name: '周敏', idNumber: '330106198805052345' },
    });

    const page = await institutionPage(`#/batches/${batch.batchId}`);
    await page.locator('#case-outcomes li').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Alt+x')]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await download.path())!) as never);
    const sheet = workbook.getWorksheet('案件结果')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const rows = (sheet.getSheetValues().slice(2) as unknown[][]).map((row) => row.slice(1));
    const everything = workbook.worksheets.flatMap((s) => s.getSheetValues().flat().map(String)).join(' ');

    expect(header).toEqual(expect.arrayContaining(['审核结果', '原因', '案件状态', '申领项目']));
    const of = (name: string) => rows.find((row) => row.includes(name))!;
    expect(of('陈静')[header.indexOf('审核结果')]).toBe('符合');
    expect(of('刘洋')[header.indexOf('审核结果')]).toBe('待核对');
    expect(of('刘洋')[header.indexOf('案件状态')]).toBe('待审核');
    expect(String(of('刘洋')[header.indexOf('原因')])).not.toBe('');
    expect(of('李四')[header.indexOf('审核结果')]).toBe('待核对（疑点未处理）');
    expect(of('李四')[header.indexOf('金额（元）')] ?? '').toBe('');
    expect(String(of('李四')[header.indexOf('原因')])).toContain('金额待疑点处理后显示');
    expect(String(of('李四')[header.indexOf('原因')])).not.toMatch(/5,?000\s*元/);
    expect(everything).not.toMatch(/needs_review|skill_level|unclassified|XH36-end|eligible|doc-cert|字段level/);
    await page.context().close();
  });
});

describe('batch list: each batch with its state', () => {
  it('shows a batch whose files are read with its cases by state in Chinese, and one still waiting for its files as such', async () => {
    const principal = { userId: 'institution-a', roles: ['institution' as const], institutionId: 'inst-a' };
    const files = [
      { name: '名册.xlsx', size: 10, contentType: 'application/octet-stream', role: 'roster' as const },
      { name: '证书.zip', size: 10, contentType: 'application/zip', role: 'certificates' as const },
    ];
    const { batch: read } = await env.batches!.create(principal, { files });
    const { batch: waiting } = await env.batches!.create(principal, { files });
    const approved = await seedClaim(env.stores, { submissionId: read.batchId, caseId: `case-${read.batchId}-1`, institutionId: 'inst-a', level: 2 });
    await seedClaim(env.stores, { submissionId: read.batchId, caseId: `case-${read.batchId}-2`, institutionId: 'inst-a', level: 3, flagged: ['level'] });
    await env.stores.cases.update({ ...approved, status: 'approved', confirmedBy: 'clerk1', approvedBy: 'supervisor1' }, approved.version, {
      caseId: approved.caseId,
      at: approved.createdAt,
      actor: 'supervisor1',
      action: 'approve',
    });

    const page = await institutionPage('#/');
    await page.locator(`tr[data-batch="${read.batchId}"]`).waitFor();
    const readState = await page.locator(`tr[data-batch="${read.batchId}"] .batch-state`).textContent();
    const waitingState = await page.locator(`tr[data-batch="${waiting.batchId}"] .batch-state`).textContent();

    expect(readState).toMatch(/^已识别 · /);
    expect(readState).toContain('已审批 1');
    expect(readState).toContain('待审核 1');
    expect(waitingState).toBe('等待文件');
    expect(await page.locator('table').first().textContent()).not.toMatch(/needs_review|approved|created/);
    await page.context().close();
  });
});
