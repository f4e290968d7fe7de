import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedClaim } from '../review/review-fixtures.js';
import { NOT_LOCAL, RESIDENCY_UNKNOWN, seedDayClaim } from '../review/review-day-fixtures.js';
import type { ReviewTestEnv } from '../review/review-env.js';
import { signedInPage, startPageStack, type PageStack, type SeededUser } from './page-stack.js';

/** Internal names that must never reach the page. */
const INTERNAL = /doc-[\w-]+|persons\[|certificates\[|engagementLetter\.|certificate_training\.|needs_review|skill_level|unclassified|XH36-end/;

let env: ReviewTestEnv;
let stack: PageStack;

beforeAll(async () => {
  stack = await startPageStack('review-day-');
  ({ env } = stack);
});

afterAll(() => stack?.stop());

function signedIn(user: SeededUser, hash: string, width = 1366): Promise<Page> {
  return signedInPage(stack, user, { width, height: 860 }, hash);
}

const caseHash = (caseId: string) => `#/case/${encodeURIComponent(caseId)}`;
const headline = (page: Page) => page.locator('#decision .headline');

describe("the clerk's day on the page", () => {
  it('offers no 确认 on a 待核对 case; recording the 居住证 seen re-judges it as 符合 and then it can be confirmed', async () => {
    const pending = await seedDayClaim(env.stores, RESIDENCY_UNKNOWN);
    const page = await signedIn('clerk1', caseHash(pending.caseId));
    await headline(page).filter({ hasText: '待核对' }).waitFor();

    expect(await page.locator('#confirm').count()).toBe(0);
    expect(await page.locator('#keys').textContent()).not.toContain('Ctrl+Enter');
    expect(await page.locator('.open-point').first().textContent()).toContain('未能确认本地户籍');
    await page.keyboard.press('Alt+j');
    await page.locator('button.record-evidence[data-kind="residence_permit"]').click();
    await page.locator('dialog textarea[name="note"]').fill('已核对居住证原件，西湖区');
    await page.keyboard.press('Control+Enter');

    await headline(page).filter({ hasText: '符合 · 2,000 元' }).waitFor();
    await page.locator('#confirm').waitFor();
    expect(await page.locator('.evidence-recorded').textContent()).toContain('本地居住证');
    const stored = await env.stores.cases.get(pending.caseId);
    expect(stored).toMatchObject({ decision: { outcome: 'eligible', amountYuan: 2000 }, recordedEvidence: [{ kind: 'residence_permit', by: 'clerk1' }] });
    await page.context().close();
  });

  it('closes an ineligible case as 不予补贴 with a reason the training body then reads', async () => {
    const refused = await seedDayClaim(env.stores, { ...NOT_LOCAL, institutionId: 'inst-a' });
    const page = await signedIn('clerk1', caseHash(refused.caseId));
    await headline(page).filter({ hasText: '不予补贴' }).waitFor();
    expect(await page.locator('#confirm').count()).toBe(0);

    await page.keyboard.press('Alt+N');
    await page.locator('dialog textarea').fill('户籍在宁波市，未在本地就业');
    await page.keyboard.press('Control+Enter');

    await page.locator('#decision .status.declined').waitFor();
    expect(await page.locator('#declined').textContent()).toContain('户籍在宁波市，未在本地就业');
    expect(await page.locator('#decline').count()).toBe(0);
    await page.context().close();

    const institution = await signedIn('institution-a', caseHash(refused.caseId));
    await institution.locator('#declined').waitFor();
    expect(await institution.locator('#decision').textContent()).toContain('不予补贴');
    expect(await institution.locator('#declined').textContent()).toContain('户籍在宁波市，未在本地就业');
    await institution.context().close();
  });

  it("asks for documents from the programme's checklist (missing ones ticked) plus other documents and a note", async () => {
    const short = await seedDayClaim(env.stores, { level: 2, without: ['id_card'] });
    const page = await signedIn('clerk1', caseHash(short.caseId));
    await headline(page).filter({ hasText: '缺少材料' }).waitFor();
    expect(await page.locator('#missing').textContent()).toBe('缺少材料：身份证');
    // Listed once: not again among the reasons, nor anywhere else in the decision.
    expect((await page.locator('#decision').textContent())!.split('缺少材料：').length - 1).toBe(1);

    await page.keyboard.press('Alt+b');
    expect(await page.locator('dialog input[name="doc"][value="id_card"]').isChecked()).toBe(true);
    expect(await page.locator('dialog input[name="doc"][value="labour_contract"]').isChecked()).toBe(false);
    await page.locator('dialog input[name="doc"][value="engagement_letter"]').check();
    await page.locator('dialog input[name="other"]').fill('户口簿首页');
    await page.locator('dialog textarea[name="note"]').fill('已电话告知');
    await page.locator('dialog button[value="ok"]').click();

    await page.locator('#decision .status.awaiting_documents').waitFor();
    expect(await env.stores.cases.get(short.caseId)).toMatchObject({
      requestedDocuments: ['身份证', '单位聘书原件及复印件', '户口簿首页'],
      requestNote: '已电话告知',
    });
    await page.context().close();
  });

  it('shows reasons and the trail in Chinese, by name and in Beijing time, without widening the page', async () => {
    const flagged = await seedClaim(env.stores, { level: 3, flagged: ['level'] });
    const page = await signedIn('clerk1', caseHash(flagged.caseId));
    await headline(page).filter({ hasText: '待核对' }).waitFor();
    const focused = page.locator('input:focus');
    await focused.fill('3');
    await page.keyboard.press('Enter');
    await headline(page).filter({ hasText: '符合 · 2,000 元' }).waitFor();

    // An amount on an unconfirmed standard names the figure and its document.
    expect(await headline(page).textContent()).toContain('待确认标准');
    expect(await page.locator('#unconfirmed').textContent()).toContain('职业资格证书培训补贴标准（按等级）（杭人社发〔2016〕27号）');
    await page.keyboard.press('Alt+H');
    await page.locator('#audit:not([hidden])').waitFor();
    const rows = await page.locator('#audit tbody tr').allTextContents();
    expect(rows.at(-1)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}李经办更正字段职业资格\/技能等级证书「等级」/);
    expect(rows[0]).toContain('系统生成案件');
    const decisionText = await page.locator('#decision').textContent();
    const auditText = await page.locator('#audit').textContent();
    expect(decisionText).not.toMatch(INTERNAL);
    expect(auditText).not.toMatch(INTERNAL);
    expect(auditText).not.toMatch(/[{}"]|clerk1/);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.context().close();
  });

  it('offers nothing but reading on a case another clerk holds, and fits a 390 px screen', async () => {
    const refused = await seedDayClaim(env.stores, NOT_LOCAL);
    // The stack is shared by the tests: clerk2 claims from the queue until the queue hands over this case.
    let claimed = await env.stores.cases.claimNext(refused.queue, 'clerk2', 900, new Date());
    while (claimed && claimed.caseId !== refused.caseId) claimed = await env.stores.cases.claimNext(refused.queue, 'clerk2', 900, new Date());
    expect(claimed?.caseId).toBe(refused.caseId);
    const page = await signedIn('clerk1', caseHash(refused.caseId), 390);
    await page.locator('#leased').waitFor();

    for (const action of ['#confirm', '#decline', '#reject', '#request', '#release', '#approve', 'button.record-evidence'])
      expect(await page.locator(action).count(), action).toBe(0);
    expect(await page.locator('#keys').textContent()).not.toMatch(/Alt\+N|Alt\+R|Ctrl\+Enter/);
    expect(await page.locator('input[data-key]').first().getAttribute('readonly')).not.toBeNull();
    await page.keyboard.press('Alt+N');
    expect(await page.locator('dialog[open]').count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.context().close();
  });

  it('lets a supervisor record 追回已拨付资金 on a paid case; a clerk sees no such control', async () => {
    const paid = await seedClaim(env.stores, { level: 2, queueStatus: 'paid' });
    const clerk = await signedIn('clerk1', caseHash(paid.caseId));
    await clerk.locator('#decision .status.paid').waitFor();
    expect(await clerk.locator('#recover').count()).toBe(0);
    await clerk.context().close();

    const page = await signedIn('supervisor1', caseHash(paid.caseId));
    await page.locator('#recover').waitFor();
    await page.keyboard.press('Alt+Z');
    await page.locator('dialog textarea[name="reason"]').fill('聘书系伪造，经核查属实');
    await page.locator('dialog input[name="amount"]').fill('3000');
    await page.locator('dialog input[name="findingRef"]').fill('西人社稽〔2026〕12号');
    await page.keyboard.press('Control+Enter');

    await page.locator('.recovery').waitFor();
    expect(await page.locator('.recovery').textContent()).toContain('3,000 元');
    expect(await env.stores.cases.get(paid.caseId)).toMatchObject({
      status: 'paid',
      recoveries: [{ amountYuan: 3000, reason: '聘书系伪造，经核查属实', findingRef: '西人社稽〔2026〕12号', by: 'supervisor1' }],
    });
    await page.context().close();
  });
});
