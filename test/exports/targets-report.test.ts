import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ReviewCase } from '../../shared/cases/index.js';
import { recordRecovery } from '../../shared/cases/index.js';
import { targetsReport, targetsReportSchema, targetsReportXlsx } from '../../shared/exports/index.js';
import { yearlyTarget, type ClaimFactsInput } from '../../shared/policy/index.js';
import { evaluateClaim, shippedParameters } from '../support/shipped-policy.js';
import { PROGRAMME_TITLES } from '../../shared/policy/programmes.js';
import { certificateTrainingClaim, enterpriseClaim, individualClaim, studentApprenticeClaim, trainingBodyClaim } from '../policy/factories.js';
import { aReviewCase } from '../support/fakes/factories.js';

// 一、总体要求：技能提升行动实施期间平均每年培训1.25万人次以上。
function caseOf(facts: ClaimFactsInput, status: ReviewCase['status']): ReviewCase {
  return aReviewCase({ status, decision: evaluateClaim(facts) });
}

const roster = trainingBodyClaim({
  persons: [
    { ref: 'p1', householdRegistration: { district: '西湖区' } },
    { ref: 'p2', householdRegistration: { district: '西湖区' } },
    { ref: 'p3', householdRegistration: { district: '西湖区' } },
  ],
  certificates: [
    { personRef: 'p1', kind: 'skill_level', level: 3, number: 'S1', issueDate: '2021-06-30' },
    { personRef: 'p2', kind: 'skill_level', level: 2, number: 'S2', issueDate: '2021-06-30' },
    { personRef: 'p3', kind: 'skill_level', level: 4, number: 'S3', issueDate: '2021-06-30' }, // 四级: not paid, not counted
  ],
});

describe('targetsReport (XH36-1 yearly person-times against 12,500)', () => {
  const target = yearlyTarget(shippedParameters(), 2021);

  it('reads the 12,500 target in force in 2021 and none for 2022', () => {
    expect(target).toMatchObject({ personTimes: 12500 });
    expect(target?.reference).toContain('1.25万人次');
    expect(yearlyTarget(shippedParameters(), 2022)).toBeUndefined();
  });

  it('counts person-times and certificates by programme and level from approved and paid cases only', () => {
    const cases = [
      caseOf(roster, 'paid'), // 2 of 3 certificates paid (200 each)
      caseOf(enterpriseClaim(), 'approved'), // 1 person, level 3, 200
      caseOf(certificateTrainingClaim(), 'paid'), // 1 person, level 4, 1500
      caseOf(studentApprenticeClaim(), 'approved'), // 1 person, no certificate, 26400
      caseOf(certificateTrainingClaim({ certificates: [{ kind: 'qualification', level: 5, number: 'Q9', issueDate: '2021-04-01' }] }), 'needs_review'), // not approved
      caseOf(individualClaim(), 'paid'), // relevant date 2020-11-15: counts in 2020, not 2021
    ];
    const report = targetsReport(cases, { year: 2021, target });
    expect(targetsReportSchema.parse(report)).toEqual(report);
    expect(report.totals).toEqual({ cases: 4, personTimes: 5, certificates: 4, approvedYuan: 26600, paidYuan: 1900, recoveredYuan: 0, percentOfTarget: 0 });
    expect(report.byProgramme.map((r) => [r.programme, r.personTimes, r.certificates, r.approvedYuan, r.paidYuan])).toEqual([
      ['XH36-3.1', 1, 0, 26400, 0],
      ['XH36-3.2', 1, 1, 0, 1500],
      ['XH36-3.7.a', 2, 2, 0, 400],
      ['XH36-3.7.b', 1, 1, 200, 0],
    ]);
    expect(report.certificates).toEqual([
      { programme: 'XH36-3.2', kind: 'qualification', level: '4', kindZh: '职业资格证书', levelZh: '四级（中级工）', count: 1 },
      { programme: 'XH36-3.7.a', kind: 'skill_level', level: '2', kindZh: '职业技能等级证书', levelZh: '二级（技师）', count: 1 },
      { programme: 'XH36-3.7.a', kind: 'skill_level', level: '3', kindZh: '职业技能等级证书', levelZh: '三级（高级工）', count: 1 },
      { programme: 'XH36-3.7.b', kind: 'qualification', level: '3', kindZh: '职业资格证书', levelZh: '三级（高级工）', count: 1 },
    ]);
    expect(targetsReport(cases, { year: 2020 }).totals).toMatchObject({ cases: 1, personTimes: 1, paidYuan: 5000 });
  });

  it('shows the share of the target and money recovered after payment', () => {
    const paid = caseOf(individualClaim(), 'paid');
    const { next } = recordRecovery(paid, { amountYuan: 5000, reason: '聘书系伪造', by: 's', at: '2022-03-01T00:00:00Z' });
    const report = targetsReport([next], { year: 2020, target: { personTimes: 4, reference: 'test' } });
    expect(report.totals).toMatchObject({ personTimes: 1, paidYuan: 5000, recoveredYuan: 5000, percentOfTarget: 25 });
  });

  it('counts sector training (三（五）) trainees once a clerk confirmed the record, although it is never paid', () => {
    const decision = evaluateClaim({
      programme: 'XH36-3.5',
      claimDate: '2021-07-01',
      applicant: { kind: 'enterprise' },
      sectorTraining: { department: '区住建局', completedOn: '2021-06-30', trainees: 120 },
    });
    expect(decision).toMatchObject({ outcome: 'ineligible', amountYuan: 0 });
    expect(targetsReport([aReviewCase({ status: 'confirmed', decision })], { year: 2021 }).totals).toMatchObject({ personTimes: 120, paidYuan: 0 });
    expect(targetsReport([aReviewCase({ status: 'needs_review', decision })], { year: 2021 }).totals.personTimes).toBe(0);
  });

  it('writes an XLSX with the totals against the target and sheets by programme and certificate', async () => {
    const report = targetsReport([caseOf(roster, 'paid'), caseOf(enterpriseClaim(), 'approved')], { year: 2021, target });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await targetsReportXlsx(report)).buffer as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['年度目标', '按项目', '证书']);
    const summary = workbook.getWorksheet('年度目标')!;
    const values = Object.fromEntries(
      summary
        .getSheetValues()
        .slice(2)
        .map((row) => [(row as unknown[])[1], (row as unknown[])[2]]),
    );
    expect(values['培训人次（已审批案件）']).toBe(3);
    expect(values[`年度目标人次（${target!.reference}）`]).toBe(12500);
    const byProgramme = workbook.getWorksheet('按项目')!;
    expect(byProgramme.getRow(4).getCell(1).value).toBe('合计');
    expect(workbook.getWorksheet('证书')!.getRow(2).values).toEqual([
      undefined,
      'XH36-3.7.a',
      PROGRAMME_TITLES['XH36-3.7.a'].zh,
      '职业技能等级证书',
      '二级（技师）',
      1,
    ]);
  });
});
