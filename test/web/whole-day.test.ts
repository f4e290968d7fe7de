/**
 * Issue 16, done when: a new clerk, a supervisor and a training body each do a whole day's work on the page, in
 * Debian chromium, with no URL typed after sign-in (links, buttons, the search box and keys only): a 待核对 case settled
 * by the evidence seen, a refused e-mail attachment seen in 来件详情, an unclassified case classified, a mixed-person
 * claim's finding resolved; the supervisor finds them under 待审批, approves and exports; the training body reads the
 * outcome line of its case.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMAIL_SUBMISSION, seedEmailSubmission } from '../review/email-submission-fixture.js';
import { RESIDENCY_UNKNOWN, seedDayClaim } from '../review/review-day-fixtures.js';
import { seedClaim } from '../review/review-fixtures.js';
import { seedMixedPersonClaimInBatch } from '../review/mixed-person-fixture.js';
import type { ReviewTestEnv } from '../review/review-env.js';
import { seedUnclassifiedClaim } from './day-fixtures.js';
import { signedInPage, SIGN_IN_KEY, startPageStack, VIEWPORTS, type PageStack, type SeededUser } from './page-stack.js';

let env: ReviewTestEnv;
let stack: PageStack;

beforeAll(async () => {
  stack = await startPageStack('whole-day-');
  ({ env } = stack);
});

afterAll(() => stack?.stop());

const headline = (page: Page) => page.locator('#decision .headline');

/** Opens a case through 案件查询: the search box, then the row. */
async function findCase(page: Page, caseId: string): Promise<void> {
  await page.locator('#nav a', { hasText: '案件查询' }).click();
  await page.locator('#case-q').fill(caseId);
  await page.locator('#case-q').press('Enter');
  await page.locator(`#case-list tr[data-case="${caseId}"]`).click();
  await page.locator('#decision').waitFor();
  await page.locator('.muted', { hasText: caseId }).first().waitFor();
}

/** Confirms the case on screen (确认 and claim the next one) and waits until it is 待审批 in the store. */
async function confirm(page: Page, caseId: string): Promise<void> {
  await page.locator('#confirm').click();
  await expect.poll(async () => (await env.stores.cases.get(caseId))?.status, { timeout: 20_000 }).toBe('confirmed');
}

/** Signs out through the nav and in again as another user by the sign-in view's key. */
async function switchUser(page: Page, user: SeededUser): Promise<void> {
  await page.locator('#nav a', { hasText: '退出' }).click();
  await page.locator('.users button').first().waitFor();
  await page.keyboard.press(SIGN_IN_KEY[user]);
  await page
    .locator('#who')
    .filter({ hasText: user === 'institution-a' ? '培训机构' : '（' })
    .waitFor();
}

describe('a whole day on the page', () => {
  it(
    'clerk settles 待核对, e-mail, 未分类 and mixed-person cases; supervisor approves them from 待审批 and exports; the training body reads its outcome',
    { timeout: 300_000 },
    async () => {
      const pending = await seedDayClaim(env.stores, { ...RESIDENCY_UNKNOWN, personName: '赵一' });
      const emailId = await seedEmailSubmission(env.stores);
      const mailed = await seedClaim(env.stores, { level: 2, submissionId: emailId, personName: '钱二' });
      const unclassified = await seedUnclassifiedClaim(env.stores, { level: 2, personName: '孙三' });
      const { batchId, mixed } = await seedMixedPersonClaimInBatch(env);

      const page = await signedInPage(stack, 'clerk1', VIEWPORTS.desk);
      page.setDefaultTimeout(30_000);

      // 1. 待核对: residency not established; the 居住证 seen is recorded and the case becomes 符合.
      await findCase(page, pending.caseId);
      await headline(page).filter({ hasText: '待核对' }).waitFor();
      await page.keyboard.press('Alt+j');
      await page.locator('button.record-evidence[data-kind="residence_permit"]').click();
      await page.locator('dialog textarea[name="note"]').fill('已核对居住证原件，西湖区，有效');
      await page.keyboard.press('Control+Enter');
      await headline(page).filter({ hasText: '符合' }).waitFor();
      await confirm(page, pending.caseId);

      // 2. E-mail: what came in, the refused attachment and why, then back to the case by its link.
      await findCase(page, mailed.caseId);
      await page.locator('#submission-link').click();
      const refused = page.locator(`#files tr[data-file="${EMAIL_SUBMISSION.files.pngAsPdf}"]`);
      await refused.waitFor();
      expect(await refused.getAttribute('data-state')).toBe('rejected');
      expect(await refused.textContent()).toContain('文件实际内容不符');
      await page
        .locator(`a[href="#/case/${encodeURIComponent(mailed.caseId)}"]`)
        .first()
        .click();
      await headline(page).filter({ hasText: '符合' }).waitFor();
      await confirm(page, mailed.caseId);

      // 3. 未分类: found through its queue; programme and the certificate's type set, the certificate entered as printed.
      await page.locator('#nav a', { hasText: '队列' }).click();
      const unclassifiedQueue = page.locator('tr[data-queue="unclassified"]');
      // The queue is named in Chinese; its internal code is not shown where a clause would stand.
      expect(await unclassifiedQueue.textContent()).toContain('未分类');
      expect(await page.locator('#view table').textContent()).not.toContain('unclassified');
      await unclassifiedQueue.click();
      await page.locator(`tr[data-case="${unclassified.caseId}"]`).click();
      await page.locator('#classify').waitFor();
      const certificate = unclassified.documents.find((d) => d.type === 'unknown')!;
      await page.keyboard.press('Alt+k');
      await page.locator('dialog select[name="programme"]').selectOption('XH36-3.7.c');
      await page.locator(`dialog select[data-document="${certificate.documentId}"]`).selectOption('vocational_certificate');
      await page.keyboard.press('Control+Enter');
      await page.locator(`input[data-key="${certificate.documentId}#0#holderName"]`).waitFor();
      const values: Record<string, string> = {
        holderName: '孙三',
        idNumber: unclassified.personIdNumber!,
        occupation: '数控车工',
        level: '2',
        certificateKind: 'qualification',
        certificateNumber: `Q2020-${unclassified.personIdNumber!.slice(-4)}`,
        issueDate: '2020-11-15',
        issuer: '杭州市职业技能鉴定中心',
      };
      for (const [field, value] of Object.entries(values)) {
        const input = page.locator(`input[data-key="${certificate.documentId}#0#${field}"]`);
        await input.fill(value);
        await input.press('Enter');
        await page.locator(`label.field[data-key="${certificate.documentId}#0#${field}"]:not(.flagged):not(.pending)`).waitFor();
      }
      await headline(page).filter({ hasText: '符合' }).waitFor();
      await confirm(page, unclassified.caseId);

      // 4. Mixed persons: the finding is resolved with what the clerk saw; then it can be confirmed.
      await findCase(page, mixed.caseId);
      await page.locator('.finding.open[data-finding="different_persons"]').waitFor();
      expect(await page.locator('#confirm').count()).toBe(0);
      await page.keyboard.press('Alt+y');
      await page.locator('dialog textarea').fill('已核对：合同与社保记录为申请人本人，系录入错误，已电话核实');
      await page.keyboard.press('Control+Enter');
      await page.locator('.finding.resolved').waitFor();
      await confirm(page, mixed.caseId);

      // The supervisor: 待审批 lists the four; each approved by its key.
      await switchUser(page, 'supervisor1');
      const all = [pending.caseId, mailed.caseId, unclassified.caseId, mixed.caseId];
      for (const caseId of all) {
        await page.locator('#nav a', { hasText: '案件查询' }).click();
        await page.locator('a.tab[data-state="confirmed"]').click();
        await page.locator('a.tab.active[data-state="confirmed"]').waitFor();
        await page.locator(`#case-list tr[data-case="${caseId}"]`).click();
        await page.locator('#approve').waitFor();
        await page.keyboard.press('Alt+p');
        await page.locator('#decision .status.approved').waitFor();
      }
      await page.locator('#nav a', { hasText: '案件查询' }).click();
      await page.locator('a.tab[data-state="confirmed"]').click();
      await page.locator('#empty').waitFor();

      await page.locator('#nav a', { hasText: '支付清单' }).click();
      // The view binds its keys when it mounts; a key pressed before then reaches no one, as it would for a clerk.
      await page.locator('#preview').waitFor();
      await page.keyboard.press('Alt+v');
      await page.locator('#payments tbody tr').first().waitFor();
      const paid = await page.locator('#payments tbody').textContent();
      for (const caseId of all) expect(paid).toContain(caseId);
      const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Alt+x')]);
      expect(download.suggestedFilename()).toMatch(/^支付清单-.*\.xlsx$/);

      // The training body: its batch, and the case's outcome in one line.
      await switchUser(page, 'institution-a');
      await page.locator(`tr[data-batch="${batchId}"]`).click();
      const line = page.locator(`#case-outcomes li[data-case="${mixed.caseId}"]`);
      await line.waitFor();
      expect(await line.textContent()).toMatch(/已审批 · 符合 · 5,000 元/);
      await page.context().close();
    },
  );
});
