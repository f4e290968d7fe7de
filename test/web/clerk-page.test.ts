import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedClaim } from '../review/review-fixtures.js';
import type { ReviewTestEnv } from '../review/review-env.js';
import { signedInPage, startPageStack, type PageStack, type SeededUser } from './page-stack.js';
import { screenshotPath } from './screenshots.js';

let env: ReviewTestEnv;
let stack: PageStack;

beforeAll(async () => {
  stack = await startPageStack('clerk-page-');
  ({ env } = stack);
});

afterAll(() => stack?.stop());

function signedIn(user: SeededUser, hash = '#/'): Promise<Page> {
  return signedInPage(stack, user, { width: 1366, height: 860 }, hash === '#/' ? undefined : hash);
}

const headline = (page: Page) => page.locator('#decision .headline');

describe('clerk page', () => {
  it('a clerk claims a case, fixes the flagged field, sees the decision change and confirms with the keyboard', async () => {
    const seeded = await seedClaim(env.stores, { level: 3, flagged: ['level'], personName: '赵磊' });
    const page = await signedIn('clerk1', '#/queue/XH36-3.2');
    await page.locator(`tr[data-case="${seeded.caseId}"]`).waitFor();
    await page.keyboard.press('c');

    await headline(page).filter({ hasText: '待核对' }).waitFor();
    expect(await headline(page).textContent()).toContain('2,000 元');
    // The flagged field is first, highlighted, focused, and its box is drawn on the page image.
    const focused = page.locator('input:focus');
    expect(await focused.getAttribute('name')).toBe('level');
    expect(await page.locator('.field.flagged').first().getAttribute('data-key')).toContain('#level');
    await page.locator('#page-box:not([hidden])').waitFor();
    const box = await page.locator('#page-box').boundingBox();
    const image = await page.locator('#page-img').boundingBox();
    expect(box!.y).toBeGreaterThan(image!.y);
    expect(await page.locator('.decision li').first().textContent()).toMatch(/XH36-3\.2/);
    await page.screenshot({ path: screenshotPath('case-view.png'), fullPage: false });

    await focused.fill('2');
    await page.keyboard.press('Enter');
    await headline(page).filter({ hasText: '符合 · 5,000 元' }).waitFor();
    expect(await headline(page).textContent()).toContain('XH36-3.7.c');
    expect(await page.locator('.field.flagged').count()).toBe(0);

    await page.keyboard.press('Control+Enter');
    await page.locator('#banner').filter({ hasText: '此队列已没有待领取的案件' }).waitFor();
    const stored = await env.stores.cases.get(seeded.caseId);
    expect(stored).toMatchObject({ status: 'confirmed', confirmedBy: 'clerk1', decision: { amountYuan: 5000, programme: 'XH36-3.7.c' } });
    await page.context().close();
  });

  it('confirms a clean case with one key press', async () => {
    const seeded = await seedClaim(env.stores, { level: 2 });
    const page = await signedIn('clerk2', `#/case/${seeded.caseId}`);
    await page.locator('#confirm:focus').waitFor();
    await page.keyboard.press('Enter');
    await page.locator('#banner').filter({ hasText: '已确认' }).waitFor();
    expect((await env.stores.cases.get(seeded.caseId))?.status).toBe('confirmed');
    await page.context().close();
  });

  it('tells the second of two clerks editing one case about the conflict and keeps what they typed', async () => {
    const seeded = await seedClaim(env.stores, { level: 3, flagged: ['level'] });
    const first = await signedIn('clerk1', `#/case/${seeded.caseId}`);
    const second = await signedIn('clerk2', `#/case/${seeded.caseId}`);
    for (const page of [first, second]) await page.locator('input[name="level"]:focus').waitFor();

    await first.locator('input[name="level"]').fill('2');
    await first.keyboard.press('Enter');
    await headline(first).filter({ hasText: '5,000 元' }).waitFor();

    await second.locator('input[name="level"]').fill('4');
    await second.keyboard.press('Enter');
    const banner = second.locator('#banner');
    await banner.filter({ hasText: '已被他人修改' }).waitFor();
    expect(await banner.textContent()).toContain('您输入的内容仍保留');
    expect(await second.locator('input[name="level"]').inputValue()).toBe('4');
    expect(await second.locator('.field.pending input[name="level"]').count()).toBe(1);
    // The page now shows the other clerk's version underneath: the decision they produced.
    expect(await headline(second).textContent()).toContain('5,000 元');
    const stored = await env.stores.cases.get(seeded.caseId);
    expect(stored?.documents[0]?.fields.level?.value).toBe(2);
    await first.context().close();
    await second.context().close();
  });

  it('a supervisor approves a confirmed case and the export holds the payment with its amount, its programme title and Beijing time, the ID as text in the CSV too', async () => {
    const seeded = await seedClaim(env.stores, { level: 2, personName: '孙悦', idNumber: '330106199202023456' });
    await env.stores.cases.update({ ...seeded, status: 'confirmed', confirmedBy: 'clerk1' }, seeded.version, {
      caseId: seeded.caseId,
      at: new Date().toISOString(),
      actor: 'clerk1',
      action: 'confirm',
    });
    const page = await signedIn('supervisor1', `#/case/${seeded.caseId}`);
    await page.locator('#approve').waitFor();
    await page.keyboard.press('Alt+p');
    await page.locator('#banner').filter({ hasText: '已审批通过' }).waitFor();
    expect((await env.stores.cases.get(seeded.caseId))?.approvedBy).toBe('supervisor1');

    await page.evaluate(() => (location.hash = '#/exports'));
    await page.locator('#xlsx').waitFor();
    await page.keyboard.press('Alt+v');
    const row = page.locator('#payments tbody tr', { hasText: seeded.caseId });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/孙悦330106199202023456高技能人才一次性补贴（个人）.*5,000 元/);

    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Alt+x')]);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync((await download.path())!) as never);
    const rows = workbook.getWorksheet('支付清单')!.getSheetValues().filter(Boolean) as unknown[][];
    const payment = rows.find((r) => r.includes(seeded.caseId))!;
    expect(payment).toContain(5000);
    expect(payment).toContain('330106199202023456');
    // The programme by its title and the approval in Beijing time, in the workbook and in the CSV; the ID stays text.
    const approvedAt = (await env.stores.cases.get(seeded.caseId))!.approvedAt!;
    const beijing = new Date(Date.parse(approvedAt) + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
    expect(payment).toContain('高技能人才一次性补贴（个人）');
    expect(payment).toContain(beijing);
    const [csv] = await Promise.all([page.waitForEvent('download'), page.locator('#csv').click()]);
    const line = readFileSync((await csv.path())!, 'utf8')
      .split('\r\n')
      .find((l) => l.includes(seeded.caseId))!;
    expect(line).toContain('="330106199202023456"');
    expect(line).toContain('高技能人才一次性补贴（个人）');
    expect(line).toContain(beijing);
    expect(line).not.toMatch(/approved|eligible|\d{4}-\d{2}-\d{2}T/);
    await page.context().close();
  });

  it("does not show an institution user another institution's case, and shows its own case in the institution's view", async () => {
    const theirs = await seedClaim(env.stores, { institutionId: 'inst-b' });
    const ours = await seedClaim(env.stores, { institutionId: 'inst-a' });
    const page = await signedIn('institution-a', `#/case/${theirs.caseId}`);
    // As for an id that does not exist: nothing tells which ids are another institution's.
    await page.locator('#banner').filter({ hasText: '案件不存在' }).waitFor();
    expect(await page.locator('#decision').count()).toBe(0);
    await page.evaluate((id) => (location.hash = `#/case/${id}`), ours.caseId);
    await headline(page).waitFor();
    expect(await page.locator('#decision').textContent()).toContain('待审核');
    expect(await page.locator('#confirm').count()).toBe(0);
    expect(await page.locator('input').count()).toBe(0);
    await page.context().close();
  });

  it('shows documents of different persons as a finding with a resolve control; the case is headed 待核对, listed 待核对 with no amount, and cannot be confirmed until the clerk resolves it', async () => {
    const seeded = await seedClaim(env.stores, { level: 2, personName: '周敏', otherPerson: { name: '吴刚', idNumber: '330106198802023456' } });
    const listedRow = async (page: Page) => {
      await page.evaluate((id) => (location.hash = `#/cases/q=${encodeURIComponent(id)}`), seeded.caseId);
      const row = page.locator(`#case-list tr[data-case="${seeded.caseId}"]`);
      await row.waitFor();
      const text = [(await row.locator('td.outcome').textContent()) ?? '', (await row.locator('td').nth(6).textContent()) ?? ''];
      await page.evaluate((id) => (location.hash = `#/case/${id}`), seeded.caseId);
      return text;
    };
    const page = await signedIn('clerk1', `#/case/${seeded.caseId}`);
    // The case list, outside the case view, says 待核对 too, and shows no amount as if granted.
    expect(await listedRow(page)).toEqual(['待核对（疑点未处理）', '—']);
    const finding = page.locator('.finding.open[data-finding="different_persons"]');
    await finding.waitFor();
    expect(await finding.textContent()).toContain('吴刚');
    expect(await finding.textContent()).toContain('周敏');
    expect(await page.locator('#confirm').count()).toBe(0);
    // Payable by the rules, but not 符合 while the finding is open.
    expect(await page.locator('#decision .headline').textContent()).toMatch(/^待核对（疑点未处理）/);

    await page.keyboard.press('Alt+y');
    await page.locator('dialog textarea').fill('已核对身份证原件：合同与社保记录所写为申请人本人（曾用名吴刚）');
    await page.keyboard.press('Control+Enter');
    await page.locator('.finding.resolved').waitFor();
    await page.locator('#confirm').waitFor();
    expect(await page.locator('#decision .headline').textContent()).toMatch(/^符合/);
    expect((await env.stores.cases.get(seeded.caseId))?.resolvedFindings?.[0]).toMatchObject({ code: 'different_persons', by: 'clerk1' });
    expect(await listedRow(page)).toEqual(['符合', '5,000 元']);
    await page.context().close();
  });

  it('offers 审批通过 only to a supervisor who did not confirm the case', async () => {
    const seeded = await seedClaim(env.stores, { level: 2 });
    const page = await signedIn('supervisor1', `#/case/${seeded.caseId}`);
    await page.locator('#confirm:focus').waitFor();
    await page.keyboard.press('Enter');
    // Confirming claims the next case and moves there: wait until it has, then come back to this one.
    await page
      .locator('#banner')
      .filter({ hasText: /已确认。(已领取下一件|此队列已没有待领取的案件)/ })
      .waitFor();
    await page.evaluate((id) => (location.hash = `#/case/${id}?again`), seeded.caseId);
    await page.evaluate((id) => (location.hash = `#/case/${id}`), seeded.caseId);
    await page.locator('#decision .status.confirmed').waitFor();
    expect(await page.locator('#approve').count()).toBe(0);
    await page.keyboard.press('Alt+p');
    expect((await env.stores.cases.get(seeded.caseId))?.status).toBe('confirmed');
    await page.context().close();
  });
});
