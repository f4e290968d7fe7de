/**
 * Pictures of the main screens for docs/screenshots, at 1440 px (a desk) and 390 px (a phone). Refreshing the
 * documented pictures is a deliberate act: the test runs only with `INTAKE_SCREENSHOTS=1`
 * (`INTAKE_SCREENSHOTS=1 npx vitest run test/web/main-screens.test.ts`) and is skipped otherwise.
 */
import { statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedEmailSubmission } from '../review/email-submission-fixture.js';
import { RESIDENCY_UNKNOWN, seedDayClaim } from '../review/review-day-fixtures.js';
import { seedClaim } from '../review/review-fixtures.js';
import type { ReviewTestEnv } from '../review/review-env.js';
import { seedUnclassifiedClaim } from './day-fixtures.js';
import { signedInPage, startPageStack, VIEWPORTS, type PageStack, type SeededUser } from './page-stack.js';
import { screenshotPath } from './screenshots.js';

const WRITE = process.env.INTAKE_SCREENSHOTS === '1';

let env: ReviewTestEnv;
let stack: PageStack;

beforeAll(async () => {
  if (!WRITE) return;
  stack = await startPageStack('main-screens-');
  ({ env } = stack);
});

afterAll(() => stack?.stop());

describe.skipIf(!WRITE)('main screens (written to docs/screenshots only with INTAKE_SCREENSHOTS=1)', () => {
  it('writes a PNG of each main screen at 1440 px and at 390 px', { timeout: 300_000 }, async () => {
    const flagged = await seedClaim(env.stores, { level: 3, flagged: ['level', 'holderName'], personName: '王晓明' });
    const pending = await seedDayClaim(env.stores, { ...RESIDENCY_UNKNOWN, personName: '赵一' });
    const emailId = await seedEmailSubmission(env.stores);
    const mailed = await seedClaim(env.stores, { level: 2, submissionId: emailId, personName: '钱二' });
    const unclassified = await seedUnclassifiedClaim(env.stores, { level: 2, personName: '孙三' });
    // A training body's batch as the pipeline leaves it: one case payable, one flagged, one held (two persons).
    const institution = { userId: 'institution-a', roles: ['institution' as const], institutionId: 'inst-a' };
    const { batch } = await env.batches!.create(institution, {
      files: [
        { name: '名册.xlsx', size: 10, contentType: 'application/octet-stream', role: 'roster' },
        { name: '证书.zip', size: 10, contentType: 'application/zip', role: 'certificates' },
      ],
    });
    const inBatch = { submissionId: batch.batchId, institutionId: 'inst-a' };
    await seedClaim(env.stores, { ...inBatch, caseId: `case-${batch.batchId}-1`, personName: '陈静', level: 2 });
    await seedClaim(env.stores, { ...inBatch, caseId: `case-${batch.batchId}-2`, personName: '刘洋', level: 3, flagged: ['level'] });
    await seedClaim(env.stores, {
      ...inBatch,
      caseId: `case-${batch.batchId}-3`,
      personName: '李四',
      level: 2,
      otherPerson: { name: '周敏', idNumber: '330106198805052345' },
    });
    const screens: { name: string; user: SeededUser; hash: string; ready: (page: Page) => Promise<unknown> }[] = [
      { name: 'queues', user: 'clerk1', hash: '#/', ready: (p) => p.locator('tr[data-queue]').first().waitFor() },
      { name: 'case-flagged', user: 'clerk1', hash: `#/case/${flagged.caseId}`, ready: (p) => p.locator('#page-box:not([hidden])').waitFor() },
      { name: 'case-open-point', user: 'clerk1', hash: `#/case/${pending.caseId}`, ready: (p) => p.locator('.open-point').first().waitFor() },
      { name: 'case-unclassified', user: 'clerk1', hash: `#/case/${unclassified.caseId}`, ready: (p) => p.locator('#classify').waitFor() },
      {
        name: 'case-keys',
        user: 'clerk1',
        hash: `#/case/${flagged.caseId}`,
        ready: async (p) => {
          await p.locator('#page-box:not([hidden])').waitFor();
          await p.locator('#audit-toggle').focus();
          await p.keyboard.press('?');
          await p.locator('#key-overlay').waitFor();
        },
      },
      { name: 'submission-email', user: 'clerk1', hash: `#/submission/${emailId}`, ready: (p) => p.locator('#files tr').first().waitFor() },
      { name: 'case-lists', user: 'supervisor1', hash: '#/cases', ready: (p) => p.locator('#case-list').waitFor() },
      { name: 'exports', user: 'supervisor1', hash: '#/exports', ready: (p) => p.locator('#xlsx').waitFor() },
      { name: 'batches', user: 'institution-a', hash: '#/', ready: (p) => p.locator('h1').waitFor() },
      { name: 'batch-outcomes', user: 'institution-a', hash: `#/batches/${batch.batchId}`, ready: (p) => p.locator('#case-outcomes li').nth(2).waitFor() },
    ];
    void mailed;
    for (const [width, viewport] of [
      [1440, VIEWPORTS.desk],
      [390, VIEWPORTS.phone],
    ] as const) {
      for (const screen of screens) {
        const page = await signedInPage(stack, screen.user, viewport, screen.hash);
        await screen.ready(page);
        const file = screenshotPath(`${screen.name}-${width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        expect(statSync(file).size, file).toBeGreaterThan(5_000);
        await page.context().close();
      }
    }
  });
});
