import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ReviewCase } from '../../shared/cases/index.js';
import type { Decision } from '../../shared/policy/decision.js';
import { payeeOf, paymentRows, paymentsCsv, paymentsXlsx } from '../../shared/exports/index.js';
import { aCaseDocument, aCreditCode, aReviewCase } from '../support/fakes/factories.js';

function aDecision(overrides: Partial<Decision> = {}): Decision {
  return {
    programme: 'XH36-3.7.c',
    outcome: 'eligible',
    amountYuan: 5000,
    reasons: [],
    missingDocuments: [],
    trace: [],
    unconfirmedParameters: [],
    claimKeys: [],
    evaluatedOn: '2026-11-20',
    ...overrides,
  };
}

function anApprovedCase(overrides: Partial<ReviewCase> = {}): ReviewCase {
  return aReviewCase({
    status: 'approved',
    decision: aDecision(),
    confirmedBy: 'clerk1',
    approvedBy: 'supervisor1',
    approvedAt: '2026-11-27T02:00:00.000Z',
    ...overrides,
  });
}

describe('paymentRows', () => {
  it('lists approved eligible cases only, dated by the approval day in Beijing time', () => {
    const lateEvening = anApprovedCase({ approvedAt: '2026-11-30T15:59:59.000Z' }); // 23:59:59 on 30 Nov in Hangzhou
    const nextMorning = anApprovedCase({ approvedAt: '2026-11-30T16:00:00.000Z' }); // 00:00 on 1 Dec in Hangzhou
    const confirmedOnly = anApprovedCase({ status: 'confirmed' });
    const zero = anApprovedCase({ decision: aDecision({ outcome: 'ineligible', amountYuan: 0 }) });
    const rows = paymentRows([nextMorning, lateEvening, confirmedOnly, zero], { from: '2026-11-01', to: '2026-11-30' });
    expect(rows.map((r) => r.caseId)).toEqual([lateEvening.caseId]);
    expect(rows[0]).toMatchObject({
      payeeName: '王晓明',
      payeeId: '330106199001011234',
      payeeKind: 'person',
      clause: 'XH36-3.7.c',
      programmeTitle: '高技能人才一次性补贴（个人）',
      amountYuan: 5000,
    });
  });

  it('pays an organisation by the credit code on its business licence', () => {
    const creditCode = aCreditCode(3);
    const licence = aCaseDocument({
      documentId: 'd-lic',
      type: 'business_license',
      fields: {
        companyName: { value: '杭州某某职业培训学校', confidence: 0.97, needsReview: false },
        creditCode: { value: creditCode, confidence: 0.97, needsReview: false },
      },
    });
    const reviewCase = anApprovedCase({ applicant: { kind: 'training_body', id: 'inst-a' }, documents: [aCaseDocument(), licence] });
    expect(payeeOf(reviewCase)).toEqual({ payeeName: '杭州某某职业培训学校', payeeId: creditCode, payeeKind: 'organisation' });
  });
});

describe('paymentsCsv', () => {
  it('writes a BOM, Chinese headers and CRLF lines, quoting commas and defusing formulas', () => {
    const [row] = paymentRows([anApprovedCase({ personName: '=HYPERLINK("x"),李' })], { from: '2026-11-27', to: '2026-11-27' });
    const csv = paymentsCsv([row!]);
    expect(csv.startsWith('\uFEFF收款人,')).toBe(true);
    const line = csv.split('\r\n')[1]!;
    expect(line.startsWith(`"'=HYPERLINK(""x""),李",="330106199001011234",`)).toBe(true);
  });

  it('keeps ID numbers as text, shows programme titles, states in Chinese and Beijing time', () => {
    const [row] = paymentRows([anApprovedCase({ approvedAt: '2026-11-27T15:30:05.000Z' })], { from: '2026-11-27', to: '2026-11-27' });
    const [header, line] = paymentsCsv([row!])
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(header).toBe('收款人,身份证号/统一社会信用代码,补贴项目,政策条款,金额（元）,金额状态,案件状态,案件编号,审批时间（北京时间）,经办人,审批人');
    expect(line).toBe(
      `王晓明,="330106199001011234",高技能人才一次性补贴（个人）,XH36-3.7.c,5000,已确定,已审批,${row!.caseId},2026-11-27 23:30:05,clerk1,supervisor1`,
    );
    expect(line).not.toMatch(/approved|eligible|T15:30/);
  });
});

describe('who confirmed and approved (issue 16: people by display name)', () => {
  it('names the clerk and the supervisor by the display names kept with the case, by user id for a case confirmed before names were kept', () => {
    const named = anApprovedCase({ confirmedByName: '王经办', approvedByName: '李审批' });
    const older = anApprovedCase({ approvedAt: '2026-11-27T03:00:00.000Z' });
    const rows = paymentRows([named, older], { from: '2026-11-27', to: '2026-11-27' });
    expect(rows.map((r) => [r.caseId, r.confirmedByName, r.approvedByName])).toEqual([
      [named.caseId, '王经办', '李审批'],
      [older.caseId, 'clerk1', 'supervisor1'],
    ]);
    expect(paymentsCsv(rows).split('\r\n')[1]).toMatch(/,王经办,李审批$/);
  });
});

describe('amount status (issue 17.5: an amount resting on an unconfirmed delegated figure)', () => {
  it("names the figure the amount awaits the bureau's confirmation of by its Chinese title", () => {
    const awaiting = anApprovedCase({
      decision: aDecision({
        amountStatus: 'awaiting_confirmation',
        unconfirmedParameters: ['apprenticeship.student_standard_per_year'],
        awaitingConfirmation: [{ parameter: 'apprenticeship.student_standard_per_year', value: 2200, document: '杭州市学徒制文件', clause: '三（一）' }],
      }),
    });
    const final = anApprovedCase({ decision: aDecision({ amountStatus: 'final' }) });
    const rows = paymentRows([awaiting, final], { from: '2026-11-27', to: '2026-11-27' });
    const rowOf = (caseId: string) => rows.find((r) => r.caseId === caseId)!;
    expect([rowOf(awaiting.caseId), rowOf(final.caseId)].map((r) => [r.amountStatus, r.amountStatusZh])).toEqual([
      ['awaiting_confirmation', '待确认标准：学生学徒补贴标准（每人每年）'],
      ['final', '已确定'],
    ]);
    expect(rowOf(awaiting.caseId).awaitingParameters).toEqual(['apprenticeship.student_standard_per_year']);
    const csvLines = paymentsCsv(rows).split('\r\n');
    expect(csvLines.find((line) => line.includes(awaiting.caseId))).toContain(',待确认标准：学生学徒补贴标准（每人每年）,');
  });

  it('reads an older decision without amountStatus as awaiting when it lists unconfirmed parameters', () => {
    const [row] = paymentRows([anApprovedCase({ decision: aDecision({ unconfirmedParameters: ['x.y'] }) })], { from: '2026-11-27', to: '2026-11-27' });
    expect(row).toMatchObject({ amountStatus: 'awaiting_confirmation', amountStatusZh: '待确认标准：x.y' });
  });
});

describe('paymentsXlsx', () => {
  it('keeps ID numbers as text, amounts as numbers and adds a total', async () => {
    // Rows are ordered by approval time, so the 2,000-yuan case approved later is the second row.
    const rows = paymentRows(
      [anApprovedCase(), anApprovedCase({ approvedAt: '2026-11-27T03:00:00.000Z', decision: aDecision({ programme: 'XH36-3.2', amountYuan: 2000 }) })],
      { from: '2026-11-27', to: '2026-11-27' },
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await paymentsXlsx(rows)) as never);
    const sheet = workbook.getWorksheet('支付清单')!;
    expect(sheet.getRow(2).getCell(2).value).toBe('330106199001011234');
    expect(sheet.getColumn(2).numFmt).toBe('@');
    expect(sheet.getRow(3).getCell(5).value).toBe(2000);
    expect(sheet.getRow(4).getCell(1).value).toBe('合计');
    expect(sheet.getRow(4).getCell(5).value).toMatchObject({ formula: 'SUM(E2:E3)', result: 7000 });
    const values = (sheet.getRow(3).values as unknown[]).slice(1);
    expect(values).toEqual([
      '王晓明',
      '330106199001011234',
      '职业资格证书培训补贴',
      'XH36-3.2',
      2000,
      '已确定',
      '已审批',
      rows[1]!.caseId,
      '2026-11-27 11:00:00',
      'clerk1',
      'supervisor1',
    ]);
  });
});
