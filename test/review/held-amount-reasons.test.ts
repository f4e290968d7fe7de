import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HELD_AMOUNT_ZH } from '../../shared/cases/displayed-outcome.js';
import { seedMixedPersonClaimInBatch } from './mixed-person-fixture.js';
import { reviewTestEnv, type ReviewTestEnv } from './review-env.js';

let env: ReviewTestEnv;
beforeEach(async () => {
  env = await reviewTestEnv({ batches: {} });
});
afterEach(() => env.drop());

/** Every reason text a person reads of the case: the clerk's case view, the training body's view, its line and report row. */
async function reasonTexts(batchId: string, caseId: string): Promise<string[]> {
  const clerkView = (await env.call('GET', `/cases/${caseId}`, { user: 'clerk1' })).json.view;
  const institutionView = (await env.call('GET', `/cases/${caseId}`, { user: 'institution-a' })).json.case;
  const line = (await env.call('GET', `/batches/${batchId}`, { user: 'institution-a' })).json.caseOutcomes.find((l: { caseId: string }) => l.caseId === caseId);
  const report = await env.call('GET', `/batches/${batchId}/report.xlsx`, { user: 'institution-a' });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await report.response.arrayBuffer()) as ArrayBuffer);
  const sheet = workbook.getWorksheet('案件结果')!;
  const header = (sheet.getRow(1).values as unknown[]).map(String);
  const row = (sheet.getSheetValues() as unknown[][]).find((values) => values?.includes(caseId))!;
  return [
    ...clerkView.reasons.map((r: { zh: string }) => r.zh),
    ...institutionView.reasons.map((r: { zh: string }) => r.zh),
    line.reasonZh,
    String(row[header.indexOf('原因')]),
  ];
}

describe('the rules reasons of a case held by an open different_persons finding (issue 16 item 2)', () => {
  it('state no sum of yuan in the case views, the batch line or the report while the finding is open, and the amount again once resolved', async () => {
    const { batchId, mixed } = await seedMixedPersonClaimInBatch(env);
    // The rules' own reason names the amount (XH36-3.7.c: 二级证书，一次性补贴5000元).
    expect(mixed.decision!.reasons.some((r) => r.zh.includes('5000元'))).toBe(true);

    const held = await reasonTexts(batchId, mixed.caseId);

    for (const text of held) expect(text).not.toMatch(/\d\s*元/);
    expect(held.filter((text) => text.includes(HELD_AMOUNT_ZH))).toHaveLength(4);

    const detail = (await env.call('GET', `/cases/${mixed.caseId}`, { user: 'clerk1' })).json;
    const resolved = await env.call('POST', `/cases/${mixed.caseId}/findings/different_persons/resolve`, {
      user: 'clerk1',
      body: { version: detail.case.version, key: detail.findings[0].key, note: '已核对身份证原件：合同与社保记录为申请人本人' },
    });
    expect(resolved.status).toBe(200);

    const after = await reasonTexts(batchId, mixed.caseId);
    for (const text of after) expect(text).toContain('5000元');
    for (const text of after) expect(text).not.toContain(HELD_AMOUNT_ZH);
  });
});
