import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../support/shipped-policy.js';
import { XIHU_EMPLOYER, employeeApprenticeClaim, parametersWith, reasonsOf, studentApprenticeClaim } from './factories.js';

describe('XH36-3.1 employee apprentice (职工学徒)', () => {
  it.each([
    { sentence: 'training certificate only → 50 % of 2 years × 4,000', a: {}, amount: 4000 },
    { sentence: 'training + qualification certificate → 100 %', a: { holdsQualificationCertificate: true }, amount: 8000 },
    { sentence: 'a one-year period → 50 % of 4,000', a: { startDate: '2020-09-01', endDate: '2021-08-31' }, amount: 2000 },
  ])('$sentence', ({ a, amount }) => {
    const decision = evaluateClaim(employeeApprenticeClaim({}, a));
    expect(decision).toMatchObject({ outcome: 'eligible', amountYuan: amount, programme: 'XH36-3.1' });
    expect(decision.unconfirmedParameters).toContain('apprenticeship.employee_standard_per_year');
  });

  it.each([
    { sentence: 'a labour contract of exactly 1 year qualifies', end: '2020-08-31', outcome: 'eligible' },
    { sentence: 'one day less does not', end: '2020-08-30', outcome: 'ineligible' },
  ])('$sentence', ({ end, outcome }) => {
    const decision = evaluateClaim(employeeApprenticeClaim({ labourContracts: [{ ...XIHU_EMPLOYER, startDate: '2019-09-01', endDate: end }] }));
    expect(decision.outcome).toBe(outcome);
  });

  it.each([
    { sentence: 'a period under 1 year is refused', a: { startDate: '2020-09-02', endDate: '2021-08-31' }, outcome: 'ineligible' },
    { sentence: 'a 3-year period is refused without special circumstances', a: { startDate: '2018-09-01', endDate: '2021-08-31' }, outcome: 'ineligible' },
    {
      sentence: 'a 3-year period is paid in special circumstances',
      a: { startDate: '2018-09-01', endDate: '2021-08-31', extendedForSpecialCircumstances: true },
      outcome: 'eligible',
    },
    { sentence: 'not finishing the courses is refused', a: { coursesCompleted: false }, outcome: 'ineligible' },
    { sentence: 'no training certificate is refused', a: { holdsTrainingCertificate: false }, outcome: 'ineligible' },
    { sentence: 'a non-technical post is refused', a: { technicalPost: false }, outcome: 'ineligible' },
  ])('$sentence', ({ a, outcome }) => {
    expect(evaluateClaim(employeeApprenticeClaim({}, a)).outcome).toBe(outcome);
  });

  it('pays the 3-year special period at 3 years of the standard', () => {
    const decision = evaluateClaim(employeeApprenticeClaim({}, { startDate: '2018-09-01', endDate: '2021-08-31', extendedForSpecialCircumstances: true }));
    expect(decision.amountYuan).toBe(6000);
  });

  it('applies the no-subsidy condition to employee apprentices only under the `all_apprentices` reading', () => {
    const facts = employeeApprenticeClaim({}, { labourContractAfterTraining: false });
    expect(evaluateClaim(facts).outcome).toBe('eligible');
    expect(evaluateClaim(facts, { parameters: parametersWith({ 'interpretation.post_training_condition': 'all_apprentices' }) }).outcome).toBe('ineligible');
  });

  it('uses the Hangzhou fee share, capped per year, under the `city_fee_share` reading', () => {
    const parameters = parametersWith({ 'interpretation.employee_apprentice_standard': 'city_fee_share' });
    expect(evaluateClaim(employeeApprenticeClaim({}, { trainingFeeYuan: 10000 }), { parameters }).amountYuan).toBe(3000);
    expect(evaluateClaim(employeeApprenticeClaim({}, { trainingFeeYuan: 30000 }), { parameters }).amountYuan).toBe(6000);
    expect(evaluateClaim(employeeApprenticeClaim(), { parameters }).outcome).toBe('needs_review');
  });

  it('asks for the training certificate', () => {
    const decision = evaluateClaim(employeeApprenticeClaim({ materials: ['labour_contract'] }));
    expect(decision).toMatchObject({ outcome: 'missing_documents', missingDocuments: ['training_certificate'] });
  });

  it('is claimed by the enterprise, not the apprentice', () => {
    expect(evaluateClaim(employeeApprenticeClaim({ applicant: { kind: 'individual' } })).outcome).toBe('ineligible');
  });

  it('judges by the end of the training period against the window', () => {
    const decision = evaluateClaim(employeeApprenticeClaim({}, { startDate: '2020-01-01', endDate: '2022-01-01' }));
    expect(decision.outcome).toBe('ineligible');
    expect(decision.reasons[0].ruleId).toBe('XH36-end');
  });
});

describe('XH36-3.1 student apprentice (学生学徒)', () => {
  it('学生学徒补贴金额一般可按学徒月实习津贴标准确定: pays 12 months of the monthly allowance', () => {
    const decision = evaluateClaim(studentApprenticeClaim());
    expect(decision).toMatchObject({ outcome: 'eligible', amountYuan: 26400, amountStatus: 'final' });
    expect(decision.unconfirmedParameters).toEqual([]);
  });

  it('does not ask a student apprentice for a 培训合格证书 (the text ties it to 职工学徒)', () => {
    const decision = evaluateClaim(studentApprenticeClaim());
    expect(decision.missingDocuments).not.toContain('training_certificate');
  });

  it('asks for the labour contract and insurance record after training when they were not handed in', () => {
    const decision = evaluateClaim(
      studentApprenticeClaim(
        { materials: ['internship_agreement', 'employment_agreement'] },
        { labourContractAfterTraining: undefined, socialInsuranceAfterTraining: undefined },
      ),
    );
    expect(decision).toMatchObject({ outcome: 'missing_documents', missingDocuments: ['post_training_labour_contract', 'post_training_social_insurance'] });
  });

  it.each([
    { sentence: 'no labour contract after training → no subsidy', a: { labourContractAfterTraining: false } },
    { sentence: 'no social insurance after training → no subsidy', a: { socialInsuranceAfterTraining: false } },
    { sentence: 'not in the graduating year → refused', a: { graduatingYearStudent: false } },
  ])('$sentence', ({ a }) => {
    const decision = evaluateClaim(studentApprenticeClaim({}, a));
    expect(decision.outcome).toBe('ineligible');
  });

  it("states the no-subsidy condition in the clerk's language", () => {
    const decision = evaluateClaim(studentApprenticeClaim({}, { labourContractAfterTraining: false }));
    expect(decision.reasons[0].zh).toBe('培训后企业未与学徒签订劳动合同并缴纳社会保险费，不予补贴');
  });

  it('refuses an internship agreement shorter than one year', () => {
    const decision = evaluateClaim(studentApprenticeClaim({ internshipAgreements: [{ startDate: '2020-07-01', endDate: '2021-06-29' }] }));
    expect(reasonsOf(decision)).toContain('XH36-3.1: the internship agreement is shorter than 1 year(s)');
  });

  it('asks for the employment agreement', () => {
    const decision = evaluateClaim(
      studentApprenticeClaim({ employmentAgreements: [], materials: ['internship_agreement', 'labour_contract', 'social_insurance_record'] }),
    );
    expect(decision).toMatchObject({ outcome: 'missing_documents', missingDocuments: ['employment_agreement'] });
  });

  it('pays the provincial yearly standard of 3,000 under the `provincial_standard` reading, awaiting confirmation', () => {
    const parameters = parametersWith({ 'interpretation.student_apprentice_amount': 'provincial_standard' });
    const decision = evaluateClaim(studentApprenticeClaim(), { parameters });
    expect(decision).toMatchObject({ outcome: 'eligible', amountYuan: 3000, amountStatus: 'awaiting_confirmation' });
    expect(decision.awaitingConfirmation?.map((a) => a.parameter)).toEqual(['apprenticeship.student_standard_per_year']);
  });

  it('sends a claim without the monthly allowance to review rather than inventing one', () => {
    const decision = evaluateClaim(studentApprenticeClaim({}, { monthlyInternshipAllowanceYuan: undefined }));
    expect(decision.outcome).toBe('needs_review');
    expect(reasonsOf(decision)).toContain('XH36-3.1: the monthly internship allowance is not established (the student apprentice amount follows it)');
  });
});
