import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ReviewCase } from '../../shared/cases/index.js';
import type { Decision } from '../../shared/policy/decision.js';
import { payeeOf, paymentRows, paymentsCsv, paymentsXlsx } from '../../shared/exports/index.js';
import { aCaseDocument, aCreditCode, aReviewCase } from '../support/fakes/factories.js';

function aDecision(overrides: Partial<Decision> = {}): Decision {
  return { programme: 'XH36-3.7.c', outcome: 'eligible', amountYuan: 5000, reasons: [], missingDocuments: [], trace: [], unconfirmedParameters: [], claimKeys: [], evaluatedOn: '2026-11-20', ...overrides };
}

function anApprovedCase(overrides: Partial<ReviewCase> = {}): ReviewCase {
  return aReviewCase({ status: 'approved', decision: aDecision(), confirmedBy: 'clerk1', approvedBy: 'supervisor1', approvedAt: '2026-11-27T02:00:00.000Z', ...overrides });
}

describe('paymentRows', () => {
  it('lists approved eligible cases only, dated by the approval day in Beijing time', () => {
    const lateEvening = anApprovedCase({ approvedAt: '2026-11-30T15:59:59.000Z' }); // 23:59:59 on 30 Nov in Hangzhou
    const nextMorning = anApprovedCase({ approvedAt: '2026-11-30T16:00:00.000Z' }); // 00:00 on 1 Dec in Hangzhou
    const confirmedOnly = anApprovedCase({ status: 'confirmed' });
    const zero = anApprovedCase({ decision: aDecision({ outcome: 'ineligible', amountYuan: 0 }) });
    const rows = paymentRows([nextMorning, lateEvening, confirmedOnly, zero], { from: '2026-11-01', to: '2026-11-30' });
    expect(rows.map((r) => r.caseId)).toEqual([lateEvening.caseId]);
    expect(rows[0]).toMatchObject({ payeeName: '王晓明', payeeId: '330106199001011234', payeeKind: 'person', clause: 'XH36-3.7.c', programmeTitle: '高技能人才一次性补贴（个人）', amountYuan: 5000 });
  });

  it('pays an organisation by the credit code on its business licence', () => {
    const creditCode = aCreditCode(3);
    const licence = aCaseDocument({ documentId: 'd-lic', type: 'business_license', fields: { companyName: { value: '杭州某某职业培训学校', confidence: 0.97, needsReview: false }, creditCode: { value: creditCode, confidence: 0.97, needsReview: false } } });
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
    expect(line.startsWith(`"'=HYPERLINK(""x""),李",330106199001011234,`)).toBe(true);
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
    expect(sheet.getRow(3).getCell(6).value).toBe(2000);
    expect(sheet.getRow(4).getCell(1).value).toBe('合计');
    expect(sheet.getRow(4).getCell(6).value).toMatchObject({ formula: 'SUM(F2:F3)', result: 7000 });
  });
});
