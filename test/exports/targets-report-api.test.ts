import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedClaim } from '../review/review-fixtures.js';
import { reviewTestEnv, type ReviewTestEnv } from '../review/review-env.js';

// 一、总体要求：技能提升行动实施期间平均每年培训1.25万人次以上 — the supervisors' yearly report on the API.
let env: ReviewTestEnv;
beforeEach(async () => {
  env = await reviewTestEnv();
});
afterEach(() => env.drop());

async function approvedClaim(options: Parameters<typeof seedClaim>[1] = {}) {
  const seeded = await seedClaim(env.stores, options);
  const confirmed = (await env.call('POST', `/cases/${seeded.caseId}/confirm`, { user: 'clerk1', body: { version: seeded.version } })).json.case;
  const approved = await env.call('POST', `/cases/${seeded.caseId}/approve`, { user: 'supervisor1', body: { version: confirmed.version } });
  expect(approved.status).toBe(200);
  return approved.json.case as { caseId: string; decision: { evaluatedOn: string; amountYuan: number; programme: string } };
}

describe('review API: GET /reports/targets (XH36-1)', () => {
  it("gives a supervisor the year's person-times, certificates and amounts from approved cases only", async () => {
    const approved = await approvedClaim();
    await seedClaim(env.stores); // read, not approved: not counted
    const year = Number(approved.decision.evaluatedOn.slice(0, 4));

    const { status, json } = await env.call('GET', `/reports/targets?year=${year}`, { user: 'supervisor1' });

    expect(status).toBe(200);
    expect(json.year).toBe(year);
    expect(json.totals).toMatchObject({ cases: 1, personTimes: 1, certificates: 1, approvedYuan: approved.decision.amountYuan, paidYuan: 0 });
    expect(json.byProgramme).toEqual([expect.objectContaining({ programme: 'XH36-3.7.c', programmeTitle: '高技能人才一次性补贴（个人）', personTimes: 1 })]);
    expect((await env.call('GET', `/reports/targets?year=${year + 1}`, { user: 'supervisor1' })).json.totals).toMatchObject({ cases: 0, personTimes: 0 });
  });

  it('reads the 12,500 target of the year it is in force', async () => {
    const { json } = await env.call('GET', '/reports/targets?year=2021', { user: 'supervisor1' });
    expect(json.target).toMatchObject({ personTimes: 12500 });
    expect(json.totals.percentOfTarget).toBe(0);
  });

  it('serves the report as an XLSX workbook with the totals sheet', async () => {
    const approved = await approvedClaim();
    const year = Number(approved.decision.evaluatedOn.slice(0, 4));

    const { status, response } = await env.call('GET', `/reports/targets.xlsx?year=${year}`, { user: 'supervisor1' });

    expect(status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    expect(response.headers.get('content-disposition')).toContain(`targets-${year}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['年度目标', '按项目', '证书']);
    const rows = workbook.getWorksheet('按项目')!.getRow(2).values as unknown[];
    expect(rows).toEqual(expect.arrayContaining(['XH36-3.7.c', 1, approved.decision.amountYuan]));
  });

  it('refuses clerks and institutions (403), strangers (401) and a malformed year (400)', async () => {
    expect((await env.call('GET', '/reports/targets?year=2021', { user: 'clerk1' })).status).toBe(403);
    expect((await env.call('GET', '/reports/targets.xlsx?year=2021', { user: 'institution-a' })).status).toBe(403);
    expect((await env.call('GET', '/reports/targets?year=2021')).status).toBe(401);
    expect((await env.call('GET', '/reports/targets?year=21', { user: 'supervisor1' })).status).toBe(400);
    expect((await env.call('GET', '/reports/targets', { user: 'supervisor1' })).status).toBe(400);
  });

  it('is listed in the OpenAPI document with its schema', async () => {
    const { json } = await env.call('GET', '/openapi.json');
    expect(json.paths['/api/reports/targets'].get.responses['200'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/TargetsReport' });
    expect(json.paths['/api/reports/targets.xlsx'].get.description).toBe('Who: supervisor.');
  });
});
