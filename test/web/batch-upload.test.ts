/**
 * The institution's batch upload through the page, on the embedded stack (the run's DynamoDB Local, the stack's own
 * s3rver, the local queue and the real ingest/process handlers): the browser PUTs straight to s3rver with the
 * presigned URLs (cross-origin: the stack's s3rver CORS rule must allow the PUT and expose ETag), the pipeline reads the certificates, the progress view follows until every document is final.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmbeddedStack, type EmbeddedStack } from '../../local/embedded-stack.js';
import { freePort } from '../../local/free-port.js';
import { buildClerkPage } from '../../web/build.js';
import { people, rosterXlsx } from '../batches/roster-factory.js';
import { uniqueName } from '../support/local-aws.js';
import { digitalCertificatePdf, zipOf } from './batch-fixtures.js';
import { launchChromium } from './page-stack.js';
import { screenshotPath } from './screenshots.js';

/** Small parts, so the roster (about 7 KB) goes up as a multipart upload from the browser and the ZIP as one PUT. */
const PART_SIZE = 1024;
const MULTIPART_THRESHOLD = 4096;

let stack: EmbeddedStack;
let browser: Browser;
let root: string;

beforeAll(async () => {
  process.env.INTAKE_LOCAL_LOG_LEVEL = 'warn';
  process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';
  root = mkdtempSync(path.join(os.tmpdir(), 'batch-upload-page-'));
  const staticDir = await buildClerkPage(path.join(root, 'web'));
  stack = await startEmbeddedStack({
    dataDir: path.join(root, 'data'),
    inboxDir: false,
    dynamoDbEndpoint: process.env.INTAKE_TEST_DYNAMODB_ENDPOINT,
    s3Port: await freePort(),
    httpPort: 0,
    tableName: uniqueName('batch-page'),
    bucket: 'intake',
    staticDir,
    processWorkers: { count: 1 },
    queue: { failureDelaySeconds: 0, concurrency: 1 },
    stopGraceMs: 200,
    loadApi: async (composition) =>
      (await import('../../functions/api/app.js')).createApiApp({ ...composition, multipartThreshold: MULTIPART_THRESHOLD, partSize: PART_SIZE }),
  });
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await stack?.stop();
  rmSync(root, { recursive: true, force: true });
});

describe('batch upload page', () => {
  it(
    'institution-a uploads a roster and a ZIP of certificates, watches both bars reach 100 %, follows the batch to all-final and downloads the report',
    { timeout: 240_000 },
    async () => {
      const persons = people(3);
      const roster = await rosterXlsx(persons);
      // Two of the three roster people send a certificate: one roster row stays without one.
      const zip = await zipOf(
        persons.slice(0, 2).map((person, index) => ({ name: `证书/${index + 1}-${person.name}.pdf`, bytes: digitalCertificatePdf(person) })),
      );

      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
      const page = await context.newPage();
      // The machine is shared (2 cores, OCR workers of other tests): waits are generous, never asserted as times.
      page.setDefaultTimeout(90_000);
      await page.goto(`${stack.http!.url}/`);
      await page.locator('.users button').first().waitFor();
      await page.keyboard.press('4');
      await page.locator('h1').filter({ hasText: '我的批次' }).waitFor();

      await page.keyboard.press('n');
      await page.locator('h1').filter({ hasText: '新建批次' }).waitFor();
      // A roster that is not .xlsx/.csv is refused on the page, before any upload.
      await page.setInputFiles('#roster', { name: '名册.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from(roster) });
      await page.setInputFiles('#certificates', { name: '证书.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
      await page.keyboard.press('Control+Enter');
      await page.locator('#banner').filter({ hasText: '另存为 .xlsx' }).waitFor();

      await page.setInputFiles('#roster', {
        name: '名册.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: Buffer.from(roster),
      });
      await page.keyboard.press('Control+Enter');
      await page.locator('#overall[aria-valuenow="100"]').waitFor();
      expect(await page.locator('.files li .bar[aria-valuenow="100"]').count()).toBe(2);
      await page.locator('.files li.done').nth(1).waitFor();
      await page.screenshot({ path: screenshotPath('batch-upload.png'), fullPage: true });

      await page.locator('h1').filter({ hasText: '批次进度' }).waitFor();
      const batchId = decodeURIComponent(new URL(page.url()).hash.replace('#/batches/', ''));
      expect(batchId).toMatch(/^batch-/);
      await page.locator('#state.ok').filter({ hasText: '全部材料已处理完毕' }).waitFor({ timeout: 180_000 });
      expect(await page.locator('#docs-bar').getAttribute('aria-valuenow')).toBe('100');
      const count = (name: string) => page.locator(`#matching [data-count="${name}"]`).textContent();
      expect(await count('rows')).toBe('3');
      expect(await count('matched')).toBe('2');
      expect(await count('rowsWithoutCertificate')).toBe('1');
      expect(await count('certificatesWithoutRow')).toBe('0');
      expect(await page.locator('#problems').textContent()).toContain(`${persons[2]!.name}）：未找到对应证书`);
      await page.screenshot({ path: screenshotPath('batch-progress.png'), fullPage: true });

      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Alt+x')]);
      expect(download.suggestedFilename()).toBe(`批次报告-${batchId}.xlsx`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(readFileSync(await download.path()) as unknown as ArrayBuffer);
      const text = workbook.worksheets.flatMap((sheet) => sheet.getSheetValues().flat().map(String)).join(' ');
      expect(text).toContain(persons[2]!.name);

      // The batch's cases open in the existing batch view, though the uploaded files named no submitter.
      await page.keyboard.press('Alt+c');
      await page
        .locator('h1')
        .filter({ hasText: `批次 ${batchId}` })
        .waitFor();
      await page.locator('tr[data-case]').first().waitFor();
      expect(await page.locator('tr[data-case]').count()).toBe(2);
      await context.close();
    },
  );

  it(
    'says in Chinese that an upload failed, offers 重试, and the retry finishes the upload without sending done files again',
    { timeout: 180_000 },
    async () => {
      const roster = await rosterXlsx(people(1));
      const zip = await zipOf([{ name: '证书/1.pdf', bytes: digitalCertificatePdf(people(1)[0]!) }]);
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
      const page = await context.newPage();
      page.setDefaultTimeout(90_000);
      // The ZIP's PUT to S3 breaks once (the network drops); every other request goes through.
      const puts: string[] = [];
      let broken = false;
      await page.route(`${stack.endpoints.s3}/**`, async (route) => {
        const request = route.request();
        if (request.method() === 'PUT') puts.push(decodeURIComponent(new URL(request.url()).pathname.split('/').pop()!));
        if (request.method() === 'PUT' && request.url().includes('.zip') && !broken) {
          broken = true;
          return route.abort('connectionreset');
        }
        return route.continue();
      });
      await page.goto(`${stack.http!.url}/#/batches/new`);
      await page.locator('.users button').first().waitFor();
      await page.keyboard.press('4');
      await page.locator('h1').filter({ hasText: '新建批次' }).waitFor();
      await page.setInputFiles('#roster', {
        name: '名册.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: Buffer.from(roster),
      });
      await page.setInputFiles('#certificates', { name: '证书.zip', mimeType: 'application/zip', buffer: Buffer.from(zip) });
      await page.locator('#start-upload').click();

      const failed = page.locator('.files li.failed');
      await failed.locator('.error').filter({ hasText: '网络中断或无法连接存储服务' }).waitFor();
      expect(await failed.locator('.name').textContent()).toBe('证书.zip');
      await page.locator('#banner').filter({ hasText: '1 个文件上传失败' }).waitFor();
      expect(await page.locator('#overall').getAttribute('aria-valuenow')).not.toBe('100');
      const rosterPuts = puts.filter((name) => !name.endsWith('.zip')).length;

      await page.keyboard.press('r');
      await page.locator('#overall[aria-valuenow="100"]').waitFor();
      await page.locator('h1').filter({ hasText: '批次进度' }).waitFor();
      // The roster's parts were not sent again; the ZIP was sent twice (the broken try and the retry).
      expect(puts.filter((name) => !name.endsWith('.zip')).length).toBe(rosterPuts);
      expect(puts.filter((name) => name.endsWith('.zip'))).toHaveLength(2);
      await context.close();
    },
  );
});
