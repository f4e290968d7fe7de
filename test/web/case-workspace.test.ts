/**
 * The case view's workspace in Debian chromium: the page image zooms (buttons, keys, wheel), pans (drag) and turns (R)
 * with the field box staying on the value's text; thumbnails and page keys move between pages; the OCR text of the
 * focused value is shown; `?` lists every key; Tab reaches every action. An unclassified case (未分类) is classified
 * on the page, and a file's pages are split into documents and merged again; each time the case is judged again.
 */
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedClaim } from '../review/review-fixtures.js';
import type { ReviewTestEnv } from '../review/review-env.js';
import { CASE_KEYS, keyLabel } from '../../web/src/key-map.js';
import { boxAtRest, boxPlacement, type Box } from './box-geometry.js';
import { seedSharedPagePhoto, seedTwoPageScan, seedUnclassifiedClaim } from './day-fixtures.js';
import { signedInPage, startPageStack, VIEWPORTS, type PageStack } from './page-stack.js';

let env: ReviewTestEnv;
let stack: PageStack;

beforeAll(async () => {
  stack = await startPageStack('case-workspace-');
  ({ env } = stack);
});

afterAll(() => stack?.stop());

const caseHash = (caseId: string) => `#/case/${encodeURIComponent(caseId)}`;

/** The box's centre is where the value is on the image, and what the box covers on screen holds dark text. */
async function expectBoxOnValue(page: Page, box: Box, label: string) {
  await boxAtRest(page);
  const placed = await boxPlacement(page, box);
  expect(Math.abs(placed.drawn.x - placed.expected.x), `${label}: x`).toBeLessThan(3);
  expect(Math.abs(placed.drawn.y - placed.expected.y), `${label}: y`).toBeLessThan(3);
  const shot = await page.screenshot({ clip: placed.clip });
  const stats = await sharp(shot).greyscale().stats();
  // The value is printed in #111 on a pale page: text under the box means dark pixels in what it covers.
  expect(stats.channels[0]!.min, `${label}: text under the box`).toBeLessThan(90);
}

describe('the page image as a workspace', () => {
  it("keeps the field box on the value's text through zoom (button, key, wheel), drag and rotation", async () => {
    const claim = await seedClaim(env.stores, { level: 3, flagged: ['holderName'] });
    const certificate = claim.documents.find((d) => d.type === 'vocational_certificate')!;
    const key = `${certificate.documentId}#0#holderName`;
    const box = certificate.fields.holderName!.source!.box!;
    const page = await signedInPage(stack, 'clerk1', VIEWPORTS.desk, caseHash(claim.caseId));
    await page.locator(`#page-box[data-key="${key}"]:not([hidden])`).waitFor();
    await expectBoxOnValue(page, box, 'as drawn');
    // The OCR text the value was read from, beside the image.
    expect(await page.locator('#ocr-text').textContent()).toBe(`识别原文：${certificate.fields.holderName!.source!.raw}`);

    await page.locator('#zoom-in').click();
    await page.locator('#page-stage[data-scale="1.25"]').waitFor();
    await expectBoxOnValue(page, box, 'zoomed by the button');

    // Single-character keys belong to the field while the cursor is in one.
    await page.locator('#audit-toggle').focus();
    await page.keyboard.press('+');
    await page.locator('#page-stage[data-scale="1.5"]').waitFor();
    await page.keyboard.press('r');
    await page.locator('#page-turn[data-rotation="90"]').waitFor();
    await expectBoxOnValue(page, box, 'zoomed by key and turned 90°');

    const viewport = (await page.locator('#page-viewport').boundingBox())!;
    await page.mouse.move(viewport.x + viewport.width / 2, viewport.y + viewport.height / 2);
    await page.mouse.wheel(0, -200);
    await page.waitForFunction(() => Number(document.querySelector<HTMLElement>('#page-stage')!.dataset.scale) > 1.5);
    const before = await page.locator('#page-stage').evaluate((el) => el.style.transform);
    await page.mouse.down();
    await page.mouse.move(viewport.x + viewport.width / 2 - 60, viewport.y + viewport.height / 2 - 40, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction((was) => document.querySelector<HTMLElement>('#page-stage')!.style.transform !== was, before);
    await page.keyboard.press('r');
    await page.locator('#page-turn[data-rotation="180"]').waitFor();
    await expectBoxOnValue(page, box, 'wheel-zoomed, dragged and turned 180°');

    await page.keyboard.press('0');
    await page.locator('#page-turn[data-rotation="0"]').waitFor();
    await page.locator('#page-stage[data-scale="1"]').waitFor();
    await expectBoxOnValue(page, box, 'back as it was');
    await page.context().close();
  });

  it('shows a thumbnail for every page and moves between pages with PageDown and PageUp', async () => {
    const claim = await seedClaim(env.stores, { level: 2 });
    const page = await signedInPage(stack, 'clerk1', VIEWPORTS.desk, caseHash(claim.caseId));
    await page.locator('#decision').waitFor();
    const tabs = page.locator('.page-tabs button');
    const pages = await tabs.evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.page!));
    expect(pages.length).toBe(claim.documents.reduce((n, d) => n + d.pages.length, 0));
    expect(await page.locator('.page-tabs img.thumb').count()).toBe(pages.length);
    // The certificate's page image (the one the fixture stores) becomes its thumbnail.
    await page.locator(`.page-tabs img.thumb[data-thumb="${pages[0]}"][src^="blob:"]`).waitFor();

    await page.locator(`.page-tabs button[data-page="${pages[0]}"]`).click();
    await page.locator(`.page-tabs button.current[data-page="${pages[0]}"]`).waitFor();
    await page.keyboard.press('PageDown');
    await page.locator(`.page-tabs button.current[data-page="${pages[1]}"]`).waitFor();
    await page.keyboard.press('PageDown');
    await page.locator(`.page-tabs button.current[data-page="${pages[2]}"]`).waitFor();
    await page.keyboard.press('PageUp');
    await page.locator(`.page-tabs button.current[data-page="${pages[1]}"]`).waitFor();
    expect(await page.locator('.page-tabs button.current').count()).toBe(1);
    await page.context().close();
  });

  it('lists every key of the view in the ? overlay, and Tab reaches every action', async () => {
    const claim = await seedClaim(env.stores, { level: 2 });
    const page = await signedInPage(stack, 'clerk1', VIEWPORTS.desk, caseHash(claim.caseId));
    await page.locator('#confirm').waitFor();
    await page.locator('#audit-toggle').focus();
    await page.keyboard.press('?');
    await page.locator('#key-overlay').waitFor();
    const listed = await page.locator('#key-overlay tr').evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.keys));
    expect(listed).toEqual(CASE_KEYS.map((k) => k.keys));
    expect(await page.locator('#key-overlay').textContent()).toContain(`${keyLabel('Alt+b')}要求补件`);
    await page.keyboard.press('Escape');
    await page.locator('#key-overlay').waitFor({ state: 'detached' });
    // Escape closed the overlay and did not leave the case.
    expect(await page.evaluate(() => location.hash)).toBe(caseHash(claim.caseId));

    const actions = await page
      .locator('.page-tools button, .page-tabs button, .actions button, .actions a')
      .evaluateAll((els) => els.map((el) => el.id || (el as HTMLElement).dataset.page || el.textContent!.trim()));
    const reached = new Set<string>();
    await page.locator('body').focus();
    for (let i = 0; i < 250 && !actions.every((a) => reached.has(a)); i++) {
      await page.keyboard.press('Tab');
      const id = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el ? el.id || el.dataset.page || el.textContent!.trim() : '';
      });
      reached.add(id);
    }
    for (const action of actions) expect(reached.has(action), `Tab reaches ${action}`).toBe(true);
    await page.context().close();
  });
});

describe('classifying an unclassified case (未分类)', () => {
  it('lists the case in the 未分类 queue, titled in Chinese, with the time received in Beijing time', async () => {
    const unclassified = await seedUnclassifiedClaim(env.stores, { level: 2, createdAt: '2022-11-20T02:00:00.000Z' });
    const page = await signedInPage(stack, 'clerk1', VIEWPORTS.desk, '#/queue/unclassified');
    const row = page.locator(`tr[data-case="${unclassified.caseId}"]`);
    await row.waitFor();

    expect(await page.locator('#view h1').textContent()).toBe('队列 未分类');
    expect(await row.textContent()).toContain('2022-11-20 10:00');
    expect(await page.locator('#view').textContent()).not.toContain('unclassified');
    await page.context().close();
  });

  it("lets the clerk set the programme and the certificate's type; the case is judged again under XH36-3.7.c and the trail says so (an older certificate whose page is no longer stored: entered by hand)", async () => {
    const unclassified = await seedUnclassifiedClaim(env.stores, { level: 2 });
    expect(unclassified.queue).toBe('unclassified');
    const certificate = unclassified.documents.find((d) => d.type === 'unknown')!;
    const page = await signedInPage(stack, 'clerk1', VIEWPORTS.desk, caseHash(unclassified.caseId));
    await page.locator('#classify').waitFor();
    expect(await page.locator('#confirm').count()).toBe(0);
    expect(await page.locator('#keys').textContent()).toContain('Alt+K');
    // Headed in Chinese: no internal programme code where a policy clause would stand.
    expect(await page.locator('#decision .headline').textContent()).toContain('未分类');
    expect(await page.locator('#view').textContent()).not.toMatch(/unclassified|XH36-end/);

    await page.keyboard.press('Alt+k');
    await page.locator('dialog select[name="programme"]').selectOption('XH36-3.7.c');
    await page.locator(`dialog select[data-document="${certificate.documentId}"]`).selectOption('vocational_certificate');
    await page.keyboard.press('Control+Enter');

    // Judged again under the programme chosen: the headline names it, the certificate is one now with its fields to enter.
    await page.locator('#decision .headline').filter({ hasText: '高技能人才' }).waitFor();
    expect(await page.locator('#classify').count()).toBe(0);
    expect(await page.locator('.doc h3').filter({ hasText: '职业资格/技能等级证书' }).count()).toBe(1);
    expect(await page.locator(`input[data-key="${certificate.documentId}#0#holderName"]`).count()).toBe(1);
    const stored = (await env.stores.cases.get(unclassified.caseId))!;
    expect(stored).toMatchObject({ queue: 'XH36-3.7.c', classification: { programme: 'XH36-3.7.c', by: 'clerk1' }, decision: { programme: 'XH36-3.7.c' } });
    expect(stored.documents.find((d) => d.documentId === certificate.documentId)!.type).toBe('vocational_certificate');

    // The clerk enters the certificate as printed; the rules keep the programme and pay under it.
    const values: Record<string, string> = {
      holderName: '王晓明',
      idNumber: stored.personIdNumber!,
      occupation: '数控车工',
      level: '2',
      // Typed in Chinese, as the page shows it; stored as its code.
      certificateKind: '职业资格证书',
      certificateNumber: `Q2020-${stored.personIdNumber!.slice(-4)}`,
      issueDate: '2020-11-15',
      issuer: '杭州市职业技能鉴定中心',
    };
    for (const [field, value] of Object.entries(values)) {
      const input = page.locator(`input[data-key="${certificate.documentId}#0#${field}"]`);
      await input.fill(value);
      await input.press('Enter');
      await page.locator(`label.field[data-key="${certificate.documentId}#0#${field}"]:not(.flagged):not(.pending)`).waitFor();
    }
    await page.locator('#decision .headline').filter({ hasText: '符合' }).waitFor();
    const entered = (await env.stores.cases.get(unclassified.caseId))!.documents.find((d) => d.documentId === certificate.documentId)!;
    expect(entered.fields.certificateKind!.value).toBe('qualification');

    await page.keyboard.press('Alt+h');
    await page.locator('#audit:not([hidden])').waitFor();
    const row = page.locator('#audit tbody tr').filter({ hasText: '人工分类' });
    expect(await row.textContent()).toContain('材料类型：无法识别的材料 → 职业资格/技能等级证书');
    expect(await row.textContent()).toMatch(/项目：未分类 → 高技能人才/);
    expect(await row.textContent()).toContain('识别结果已不在存储中，未重新识别（请人工录入）：职业资格/技能等级证书');
    await page.context().close();
  });

  it('reads the certificate again from its stored page once classified: its fields show what the page prints and the case is 符合 with nothing typed', async () => {
    const unclassified = await seedUnclassifiedClaim(env.stores, { level: 2, personName: '孙三', pagesStored: true });
    const certificate = unclassified.documents.find((d) => d.type === 'unknown')!;
    const page = await signedInPage(stack, 'clerk1', VIEWPORTS.desk, caseHash(unclassified.caseId));
    await page.locator('#classify').waitFor();

    await page.keyboard.press('Alt+k');
    await page.locator('dialog select[name="programme"]').selectOption('XH36-3.7.c');
    await page.locator(`dialog select[data-document="${certificate.documentId}"]`).selectOption('vocational_certificate');
    await page.keyboard.press('Control+Enter');

    await page.locator('#decision .headline').filter({ hasText: '符合' }).waitFor();
    const field = (name: string) => page.locator(`input[data-key="${certificate.documentId}#0#${name}"]`);
    expect(await field('holderName').inputValue()).toBe('孙三');
    expect(await field('idNumber').inputValue()).toBe(unclassified.personIdNumber);
    expect(await field('certificateNumber').inputValue()).toMatch(/^S\d+$/);
    expect(await field('issueDate').inputValue()).toBe('2020-11-15');
    // The kind is shown in Chinese, not as its code.
    expect(await field('certificateKind').inputValue()).toBe('职业技能等级证书');
    expect(await page.locator(`label.field.flagged[data-key^="${certificate.documentId}#0#"]`).count()).toBe(0);
    expect(await page.locator('#confirm').count()).toBe(1);

    await page.keyboard.press('Alt+h');
    await page.locator('#audit:not([hidden])').waitFor();
    const row = page.locator('#audit tbody tr').filter({ hasText: '人工分类' });
    expect(await row.textContent()).toContain('已按新类型重新识别：职业资格/技能等级证书');
    await page.context().close();
  });
});

describe("splitting and merging a file's pages into documents", () => {
  it('splits the ID card page off a scan read as one certificate, reads both again from the stored pages, ignores a repeated request, and merges them back', async () => {
    const { reviewCase, fileId } = await seedTwoPageScan(env.stores);
    expect(reviewCase.documents.filter((d) => d.documentId === fileId).map((d) => d.pages)).toEqual([[1, 2]]);
    const page = await signedInPage(stack, 'clerk1', VIEWPORTS.desk, caseHash(reviewCase.caseId));
    await page.locator('#regroup').waitFor();
    expect(await page.locator('.doc h3').filter({ hasText: '身份证' }).count()).toBe(0);

    await page.keyboard.press('Alt+g');
    await page.locator(`dialog select[data-file="${fileId}"][data-page="2"]`).selectOption('2');
    await page.keyboard.press('Control+Enter');

    // Read again from the stored pages: the ID card is a document of its own with its values, the certificate keeps page 1.
    await page.locator('.doc h3').filter({ hasText: '身份证' }).waitFor();
    expect(await page.locator('.doc h3').filter({ hasText: '职业资格/技能等级证书' }).textContent()).toContain('（第1页）');
    const split = (await env.stores.cases.get(reviewCase.caseId))!;
    const ofFile = split.documents.filter((d) => d.documentId === fileId);
    expect(ofFile.map((d) => [d.indexInFile, d.type, d.pages])).toEqual([
      [0, 'vocational_certificate', [1]],
      [1, 'id_card', [2]],
    ]);
    expect(ofFile[1]!.fields.idNumber?.value).toBe(reviewCase.personIdNumber);

    // The same grouping sent again (a retry, a double click) changes nothing: no second ID card, no new version.
    const token = await stack.tokenFor('clerk1');
    const again = await fetch(`${stack.http.url}/api/cases/${encodeURIComponent(reviewCase.caseId)}/pages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ version: split.version, documentId: fileId, groups: [{ pages: [1] }, { pages: [2] }] }),
    });
    expect(again.status).toBe(200);
    const after = (await env.stores.cases.get(reviewCase.caseId))!;
    expect(after.version).toBe(split.version);
    expect(after.documents.filter((d) => d.documentId === fileId)).toHaveLength(2);

    await page.keyboard.press('Alt+g');
    await page.locator(`dialog select[data-file="${fileId}"][data-page="2"]`).selectOption('1');
    await page.keyboard.press('Control+Enter');
    await page.locator('.doc h3').filter({ hasText: '身份证' }).waitFor({ state: 'detached' });
    const merged = (await env.stores.cases.get(reviewCase.caseId))!;
    expect(merged.documents.filter((d) => d.documentId === fileId).map((d) => d.pages)).toEqual([[1, 2]]);

    await page.keyboard.press('Alt+h');
    await page.locator('#audit:not([hidden])').waitFor();
    const rows = page.locator('#audit tbody tr').filter({ hasText: '调整材料分页' });
    expect(await rows.count()).toBe(2);
    expect(await rows.first().textContent()).toContain('材料类型：职业资格/技能等级证书（第1、2页） → 职业资格/技能等级证书（第1页）、身份证（第2页）');
    await page.context().close();
  });
});

describe('a page two documents share (a certificate photographed beside an ID card)', () => {
  type Region = { page: number; box: Box };

  /** Each part's outline on screen against its region in page pixels scaled to the image as displayed (CSS px). */
  async function outlineOffsets(page: Page, regions: readonly Region[]) {
    return page.evaluate((parts) => {
      const img = document.querySelector<HTMLImageElement>('#page-img')!.getBoundingClientRect();
      const natural = document.querySelector<HTMLImageElement>('#page-img')!;
      const drawn = Array.from(document.querySelectorAll<HTMLElement>('#page-parts .part-outline')).map((el) => el.getBoundingClientRect());
      return parts.map(({ box }, i) => {
        const sx = img.width / natural.naturalWidth;
        const sy = img.height / natural.naturalHeight;
        const at = drawn[i]!;
        return {
          scale: sx,
          left: at.left - (img.left + box.x * sx),
          top: at.top - (img.top + box.y * sy),
          right: at.right - (img.left + (box.x + box.width) * sx),
          bottom: at.bottom - (img.top + (box.y + box.height) * sy),
        };
      });
    }, regions);
  }

  it('outlines each document’s part on the displayed image where its region lies, names the document, and keeps them there when zoomed', async () => {
    const { reviewCase, fileId } = await seedSharedPagePhoto(env.stores);
    const [certificate, card] = reviewCase.documents.filter((d) => d.documentId === fileId);
    const regions = [certificate!.regions![0]!, card!.regions![0]!];
    const page = await signedInPage(stack, 'clerk1', VIEWPORTS.desk, caseHash(reviewCase.caseId));
    await page.locator(`.page-tabs button[data-page="${fileId}/1"]`).click();
    await page.locator(`#page-parts[data-page="${fileId}/1"] .part-outline`).nth(1).waitFor();

    expect(await page.locator('#page-parts .part-outline').allTextContents()).toEqual(['材料1 职业资格/技能等级证书', '材料2 身份证']);
    expect(await page.locator(`.page-tabs button[data-page="${fileId}/1"]`).textContent()).toBe('职业资格/技能等级证书 + 身份证 第1页');
    expect(await page.locator('#page-parts .part-outline').evaluateAll((els) => els.map((el) => (el as HTMLElement).dataset.side))).toEqual(['left', 'right']);
    const measured = await outlineOffsets(page, regions);
    console.log('part outlines, CSS px off the scaled region (left, top, right, bottom):', JSON.stringify(measured));
    for (const [i, m] of measured.entries()) {
      expect(m.scale, 'the photo is shown downscaled').toBeLessThan(0.5);
      for (const edge of ['left', 'top', 'right', 'bottom'] as const) expect(Math.abs(m[edge]), `part ${i + 1} ${edge}`).toBeLessThan(1.5);
    }
    // A value of the card is boxed inside the card's outline.
    await page.locator(`input[data-key="${fileId}#1#address"]`).focus();
    await boxAtRest(page);
    const inside = await page.evaluate(() => {
      const value = document.querySelector<HTMLElement>('#page-box')!.getBoundingClientRect();
      const part = document.querySelectorAll<HTMLElement>('#page-parts .part-outline')[1]!.getBoundingClientRect();
      const [cx, cy] = [value.left + value.width / 2, value.top + value.height / 2];
      return cx > part.left && cx < part.right && cy > part.top && cy < part.bottom;
    });
    expect(inside).toBe(true);
    // The headings say which side of the page each document was read from.
    expect(await page.locator('.doc h3').filter({ hasText: '身份证' }).textContent()).toContain('（第1页右侧）');
    expect(await page.locator('.doc h3').filter({ hasText: '职业资格/技能等级证书' }).textContent()).toContain('（第1页左侧）');

    await page.locator('#zoom-in').click();
    await page.locator('#page-stage[data-scale="1.25"]').waitFor();
    await page.waitForFunction(() => document.querySelector<HTMLElement>('#page-stage')!.getAnimations({ subtree: true }).length === 0);
    const zoomed = await outlineOffsets(page, regions);
    console.log('zoomed 125 %:', JSON.stringify(zoomed));
    for (const m of zoomed) for (const edge of ['left', 'top', 'right', 'bottom'] as const) expect(Math.abs(m[edge])).toBeLessThan(2);
    await page.context().close();
  });

  it('reads the page whole as one document when the clerk ticks 整页为一份材料: one document, no outlines, the trail names both sides before', async () => {
    const { reviewCase, fileId } = await seedSharedPagePhoto(env.stores);
    const page = await signedInPage(stack, 'clerk1', VIEWPORTS.desk, caseHash(reviewCase.caseId));
    await page.locator('#regroup').waitFor();

    await page.keyboard.press('Alt+g');
    expect(await page.locator(`dialog select[data-file="${fileId}"][data-page="1"]`).count()).toBe(2);
    await page.locator(`dialog input[data-file="${fileId}"][data-whole="1"]`).check();
    await page.keyboard.press('Control+Enter');

    await page.locator('.doc h3').filter({ hasText: '身份证' }).waitFor({ state: 'detached' });
    const stored = (await env.stores.cases.get(reviewCase.caseId))!.documents.filter((d) => d.documentId === fileId);
    expect(stored.map((d) => [d.type, d.pages, d.regions])).toEqual([['vocational_certificate', [1], undefined]]);
    await page.locator(`.page-tabs button[data-page="${fileId}/1"]`).click();
    await page.locator(`#page-parts[data-page="${fileId}/1"]`).waitFor({ state: 'attached' });
    await page.locator('#page-img[src^="blob:"]').waitFor();
    expect(await page.locator('#page-parts .part-outline').count()).toBe(0);

    await page.keyboard.press('Alt+h');
    await page.locator('#audit:not([hidden])').waitFor();
    const row = page.locator('#audit tbody tr').filter({ hasText: '调整材料分页' });
    expect(await row.textContent()).toContain('职业资格/技能等级证书（第1页左侧）、身份证（第1页右侧） → 职业资格/技能等级证书（第1页）');
    await page.context().close();
  });

  it('moves the ID card’s side to the document of the card’s back: read again with its part, the certificate keeps the other; sent again unchanged, nothing is written', async () => {
    const { reviewCase, fileId } = await seedSharedPagePhoto(env.stores, { cardBack: true });
    const page = await signedInPage(stack, 'clerk1', VIEWPORTS.desk, caseHash(reviewCase.caseId));
    await page.locator('#regroup').waitFor();

    await page.keyboard.press('Alt+g');
    await page.locator(`dialog select[data-file="${fileId}"][data-page="1"][data-part="right"]`).selectOption('3');
    await page.keyboard.press('Control+Enter');

    await page.locator('.doc h3').filter({ hasText: '（第1页右侧、第2页）' }).waitFor();
    const moved = (await env.stores.cases.get(reviewCase.caseId))!;
    const ofFile = moved.documents.filter((d) => d.documentId === fileId);
    expect(ofFile.map((d) => [d.type, d.pages, d.regions?.map((r) => r.page)])).toEqual([
      ['vocational_certificate', [1], [1]],
      ['id_card', [1, 2], [1]],
    ]);
    await page.locator(`.page-tabs button[data-page="${fileId}/1"]`).click();
    await page.locator(`#page-parts[data-page="${fileId}/1"] .part-outline`).nth(1).waitFor();
    expect(await page.locator('#page-parts .part-outline').allTextContents()).toEqual(['材料1 职业资格/技能等级证书', '材料2 身份证']);

    // The dialog sent again as it opens (the grouping the case has): no new version, no second event.
    await page.keyboard.press('Alt+g');
    await page.locator(`dialog select[data-file="${fileId}"][data-part="right"]`).waitFor();
    const answered = page.waitForResponse((r) => r.url().endsWith('/pages') && r.request().method() === 'POST');
    await page.keyboard.press('Control+Enter');
    expect((await answered).status()).toBe(200);
    expect((await env.stores.cases.get(reviewCase.caseId))!.version).toBe(moved.version);
    expect((await env.stores.cases.audit(reviewCase.caseId)).filter((e) => e.action === 'regroup_pages')).toHaveLength(1);
    await page.context().close();
  });
});
