import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedMixedPersonClaimInBatch } from './mixed-person-fixture.js';
import { seedClaim } from './review-fixtures.js';
import { reviewTestEnv, type ReviewTestEnv } from './review-env.js';

let env: ReviewTestEnv;
beforeEach(async () => {
  env = await reviewTestEnv({ batches: {} });
});
afterEach(() => env.drop());

const aMixedPersonClaimInABatch = () => seedMixedPersonClaimInBatch(env);

/** The case as every view outside the case view shows it: a state's list, a search, the training body's view, its line and report row. */
async function shownOutside(batchId: string, caseId: string) {
  const listed = (await env.call('GET', '/cases?status=needs_review', { user: 'clerk1' })).json.items.find((c: { caseId: string }) => c.caseId === caseId);
  const found = (await env.call('GET', `/cases?q=${encodeURIComponent(caseId)}`, { user: 'clerk1' })).json.items[0];
  const institutionView = (await env.call('GET', `/cases/${caseId}`, { user: 'institution-a' })).json.case;
  const line = (await env.call('GET', `/batches/${batchId}`, { user: 'institution-a' })).json.caseOutcomes.find((l: { caseId: string }) => l.caseId === caseId);
  const report = await env.call('GET', `/batches/${batchId}/report.xlsx`, { user: 'institution-a' });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await report.response.arrayBuffer()) as ArrayBuffer);
  const sheet = workbook.getWorksheet('案件结果')!;
  const header = (sheet.getRow(1).values as unknown[]).map(String);
  const row = (sheet.getSheetValues() as unknown[][]).find((values) => values?.includes(caseId))!;
  const reportRow = { outcome: row[header.indexOf('审核结果')], amount: row[header.indexOf('金额（元）')], reason: String(row[header.indexOf('原因')]) };
  return { listed, found, institutionView, line, reportRow };
}

describe('a claim with documents of different persons, outside the case view (XH36 issue 16 item 2)', () => {
  it('reads 待核对 with no amount in the case lists, the training body view, its line and the batch report until a clerk resolves the finding, then 符合 · 5,000 元', async () => {
    const { batchId, mixed } = await aMixedPersonClaimInABatch();

    const before = await shownOutside(batchId, mixed.caseId);

    for (const summary of [before.listed, before.found]) {
      expect(summary).toMatchObject({ outcome: 'eligible', outcomeZh: '待核对（疑点未处理）', findingsOpen: true });
      expect(summary.amountYuan).toBeUndefined();
    }
    expect(before.institutionView).toMatchObject({ outcome: 'eligible', outcomeZh: '待核对（疑点未处理）' });
    expect(before.institutionView.amountYuan).toBeUndefined();
    expect(before.line).toMatchObject({ outcomeZh: '待核对（疑点未处理）' });
    // No amount at all while held (not 0, which would read as nothing granted).
    expect(before.line.amountYuan).toBeUndefined();
    expect(before.line.reasonZh).toContain('各材料所写人员不一致，待工作人员核对');
    expect(before.reportRow.outcome).toBe('待核对（疑点未处理）');
    expect(before.reportRow.amount ?? '').toBe('');
    expect(before.reportRow.reason).toContain('待工作人员核对');
    // The stored decision stays the rules' own: only what is shown waits for the clerk.
    expect((await env.stores.cases.get(mixed.caseId))!.decision).toMatchObject({ outcome: 'eligible', amountYuan: 5000 });

    const detail = (await env.call('GET', `/cases/${mixed.caseId}`, { user: 'clerk1' })).json;
    const resolved = await env.call('POST', `/cases/${mixed.caseId}/findings/different_persons/resolve`, {
      user: 'clerk1',
      body: { version: detail.case.version, key: detail.findings[0].key, note: '已核对身份证原件：合同与社保记录为申请人本人' },
    });
    expect(resolved.status).toBe(200);
    expect(resolved.json.audit.at(-1)).toMatchObject({ actor: 'clerk1' });

    const after = await shownOutside(batchId, mixed.caseId);
    for (const summary of [after.listed, after.found]) {
      expect(summary).toMatchObject({ outcome: 'eligible', outcomeZh: '符合', amountYuan: 5000 });
      expect(summary.findingsOpen).toBeUndefined();
    }
    expect(after.institutionView).toMatchObject({ outcomeZh: '符合', amountYuan: 5000 });
    expect(after.line).toMatchObject({ outcomeZh: '符合', amountYuan: 5000 });
    expect(after.reportRow).toMatchObject({ outcome: '符合', amount: 5000 });
  });
});

describe('case lists: who holds a case (issue 16, people by display name)', () => {
  it('keeps the holder display name with the lease where it is taken and lists it beside the user id', async () => {
    const seeded = await seedClaim(env.stores, { level: 2 });

    const claimed = await env.call('POST', `/queues/${seeded.queue}/claim`, { user: 'clerk1' });
    const listed = (await env.call('GET', `/cases?q=${encodeURIComponent(seeded.caseId)}`, { user: 'supervisor1' })).json.items[0];

    expect(claimed.json.case.caseId).toBe(seeded.caseId);
    expect(listed).toMatchObject({ status: 'claimed', lease: { holder: 'clerk1', holderName: '李经办' } });
    expect((await env.call('GET', '/cases?status=needs_review', { user: 'supervisor1' })).json.items[0].lease).toMatchObject({ holderName: '李经办' });
  });
});

describe('payments export: 经办人 and 审批人 (issue 16, people by display name)', () => {
  it('names the clerk who confirmed and the supervisor who approved by the display names kept at the time, ids beside them in JSON', async () => {
    const seeded = await seedClaim(env.stores, { personName: '陈静', idNumber: '330106198805052345' });
    const confirmed = (await env.call('POST', `/cases/${seeded.caseId}/confirm`, { user: 'clerk1', body: { version: seeded.version } })).json.case;
    const approved = (await env.call('POST', `/cases/${seeded.caseId}/approve`, { user: 'supervisor1', body: { version: confirmed.version } })).json.case;

    const rows = (await env.call('GET', '/exports/payments?from=2026-11-01&to=2026-11-30&format=json', { user: 'supervisor1' })).json;
    const csv = await (await env.call('GET', '/exports/payments?from=2026-11-01&to=2026-11-30&format=csv', { user: 'supervisor1' })).response.text();
    const xlsx = await env.call('GET', '/exports/payments?from=2026-11-01&to=2026-11-30', { user: 'supervisor1' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await xlsx.response.arrayBuffer()) as ArrayBuffer);
    const sheet = workbook.getWorksheet('支付清单')!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);

    expect(approved).toMatchObject({ confirmedBy: 'clerk1', confirmedByName: '李经办', approvedBy: 'supervisor1', approvedByName: '张科长' });
    expect(rows).toEqual([
      expect.objectContaining({ caseId: seeded.caseId, confirmedBy: 'clerk1', confirmedByName: '李经办', approvedBy: 'supervisor1', approvedByName: '张科长' }),
    ]);
    expect(csv.trim().split('\r\n')[1]).toMatch(/,李经办,张科长$/);
    expect([sheet.getRow(2).getCell(header.indexOf('经办人')).value, sheet.getRow(2).getCell(header.indexOf('审批人')).value]).toEqual(['李经办', '张科长']);
  });
});
