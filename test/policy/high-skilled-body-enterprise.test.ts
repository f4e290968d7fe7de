import { describe, expect, it } from 'vitest';
import { certificateClaimKey } from '../../shared/policy/index.js';
import { evaluateClaim } from '../support/shipped-policy.js';
import { ALL_BODY_MATERIALS, XIHU_EMPLOYER, enterpriseClaim, parametersWith, reasonsOf, trainingBodyClaim } from './factories.js';

describe('XH36-3.7.a training body: 200 yuan per trainee newly obtaining level 3 or higher', () => {
  it.each([
    { level: 1 as const, outcome: 'eligible', amount: 200 },
    { level: 2 as const, outcome: 'eligible', amount: 200 },
    { level: 3 as const, outcome: 'eligible', amount: 200 },
    { level: 4 as const, outcome: 'ineligible', amount: 0 },
    { level: 5 as const, outcome: 'ineligible', amount: 0 },
    { level: 'principal_technician' as const, outcome: 'ineligible', amount: 0 },
  ])('level $level → $outcome, $amount yuan', ({ level, outcome, amount }) => {
    const decision = evaluateClaim(
      trainingBodyClaim({ certificates: [{ personRef: 'p1', kind: 'skill_level', level, number: 'S1', issueDate: '2021-06-30' }] }),
    );
    expect(decision.outcome).toBe(outcome);
    expect(decision.amountYuan).toBe(amount);
  });

  it('pays for an employee of a Xihu enterprise who lives elsewhere', () => {
    const decision = evaluateClaim(
      trainingBodyClaim({
        persons: [{ ref: 'p1', idNumber: '340101199001011234', householdRegistration: { city: '合肥市', district: '蜀山区' } }],
        labourContracts: [{ personRef: 'p1', ...XIHU_EMPLOYER, startDate: '2020-01-01', openEnded: true }],
      }),
    );
    expect(decision.outcome).toBe('eligible');
  });

  it('refuses a trainee who neither works for a Xihu enterprise nor has Xihu household registration', () => {
    const decision = evaluateClaim(
      trainingBodyClaim({
        persons: [{ ref: 'p1', idNumber: '330102199001011234', householdRegistration: { city: '杭州市', district: '上城区' } }],
        labourContracts: [{ personRef: 'p1', employerName: '杭州上城公司', employerRegisteredInXihu: false, startDate: '2020-01-01', openEnded: true }],
      }),
    );
    expect(decision.outcome).toBe('ineligible');
    expect(reasonsOf(decision)[0]).toContain('neither an employee of a Xihu enterprise nor a Xihu resident');
  });

  it('refuses a certificate from the previous year (当年新取得, `claim_year` reading)', () => {
    const decision = evaluateClaim(
      trainingBodyClaim({ claimDate: '2021-01-05', certificates: [{ personRef: 'p1', kind: 'skill_level', level: 3, number: 'S1', issueDate: '2020-12-20' }] }),
    );
    expect(decision.outcome).toBe('ineligible');
    expect(reasonsOf(decision)[0]).toContain('not newly obtained in the year of the claim (issued 2020-12-20)');
    const windowReading = parametersWith({ 'interpretation.newly_obtained_body_enterprise': 'policy_window' });
    expect(
      evaluateClaim(
        trainingBodyClaim({
          claimDate: '2021-01-05',
          certificates: [{ personRef: 'p1', kind: 'skill_level', level: 3, number: 'S1', issueDate: '2020-12-20' }],
        }),
        { parameters: windowReading },
      ).outcome,
    ).toBe('eligible');
  });

  it('refuses a pensioner (XH36-2.1)', () => {
    const decision = evaluateClaim(trainingBodyClaim({ persons: [{ ref: 'p1', householdRegistration: { district: '西湖区' }, drawsMonthlyPension: true }] }));
    expect(decision.outcome).toBe('ineligible');
  });

  it('emits a `unique` key per certificate number, shared with 3.7.b', () => {
    const body = evaluateClaim(
      trainingBodyClaim({ certificates: [{ personRef: 'p1', kind: 'skill_level', level: 3, number: 's2021-0001 ', issueDate: '2021-06-30' }] }),
    );
    const enterprise = evaluateClaim(
      enterpriseClaim({ certificates: [{ personRef: 'p1', kind: 'skill_level', level: 3, number: 'S2021-0001', issueDate: '2021-05-10' }] }),
    );
    expect(body.claimKeys).toEqual([{ kind: 'unique', key: certificateClaimKey('S2021-0001'), ruleId: 'XH36-3.7.a' }]);
    expect(enterprise.claimKeys.map((k) => k.key)).toEqual(body.claimKeys.map((k) => k.key));
  });

  it('pays a roster per qualifying certificate and sends the rest to a clerk', () => {
    const decision = evaluateClaim(
      trainingBodyClaim({
        persons: [
          { ref: 'p1', householdRegistration: { district: '西湖区' } },
          { ref: 'p2', householdRegistration: { district: '西湖区' } },
          { ref: 'p3', householdRegistration: { district: '西湖区' } },
        ],
        certificates: [
          { personRef: 'p1', kind: 'skill_level', level: 3, number: 'A1', issueDate: '2021-06-30' },
          { personRef: 'p2', kind: 'skill_level', level: 2, number: 'A2', issueDate: '2021-06-30' },
          { personRef: 'p3', kind: 'skill_level', level: 4, number: 'A3', issueDate: '2021-06-30' },
        ],
      }),
    );
    expect(decision.outcome).toBe('needs_review');
    expect(decision.amountYuan).toBe(400);
    expect(decision.claimKeys.map((k) => k.key)).toEqual([certificateClaimKey('A1'), certificateClaimKey('A2')]);
  });

  it.each(ALL_BODY_MATERIALS.map((m) => ({ material: m })))('asks for the missing $material (XH36-3.7.1)', ({ material }) => {
    const decision = evaluateClaim(trainingBodyClaim({ materials: ALL_BODY_MATERIALS.filter((m) => m !== material) }));
    expect(decision.outcome).toBe('missing_documents');
    expect(decision.missingDocuments).toHaveLength(1);
  });

  it('accepts certificate copies in place of the roster', () => {
    const decision = evaluateClaim(trainingBodyClaim({ materials: ['certificate', 'application_form', 'business_licence', 'wage_proof'] }));
    expect(decision.outcome).toBe('eligible');
  });

  it('refuses a claim by an enterprise under the training-body clause', () => {
    expect(evaluateClaim(trainingBodyClaim({ applicant: { kind: 'enterprise' } })).outcome).toBe('ineligible');
  });
});

describe('XH36-3.7.b Xihu enterprise: 200 yuan per own employee newly obtaining level 3 or higher', () => {
  it('pays 200 yuan for an own employee with a level-3 certificate', () => {
    const decision = evaluateClaim(enterpriseClaim());
    expect(decision).toMatchObject({ outcome: 'eligible', amountYuan: 200, programme: 'XH36-3.7.b' });
  });

  it.each([
    { level: 3 as const, outcome: 'eligible' },
    { level: 4 as const, outcome: 'ineligible' },
  ])('level $level → $outcome', ({ level, outcome }) => {
    const decision = evaluateClaim(
      enterpriseClaim({ certificates: [{ personRef: 'p1', kind: 'qualification', level, number: 'Q', issueDate: '2021-05-10' }] }),
    );
    expect(decision.outcome).toBe(outcome);
  });

  it('does not ask for insurance proof for people insured in Hangzhou, and does otherwise', () => {
    expect(evaluateClaim(enterpriseClaim()).missingDocuments).toEqual([]);
    const notInsured = evaluateClaim(enterpriseClaim({ persons: [{ ref: 'p1', insuredInHangzhou: false }] }));
    expect(notInsured.missingDocuments).toEqual(['trainee_residence_or_insurance_proof']);
  });

  it('refuses an enterprise not registered in Xihu', () => {
    const decision = evaluateClaim(enterpriseClaim({ applicant: { kind: 'enterprise', name: '杭州上城公司', registeredInXihu: false } }));
    expect(decision.outcome).toBe('ineligible');
  });

  it('refuses a trainee employed by someone else', () => {
    const decision = evaluateClaim(
      enterpriseClaim({
        labourContracts: [
          { personRef: 'p1', employerName: '杭州别家公司', employerCreditCode: '91330106MA2BBBBBB2', startDate: '2019-01-01', openEnded: true },
        ],
      }),
    );
    expect(decision.outcome).toBe('ineligible');
    expect(reasonsOf(decision)[0]).toContain('not an employee of the applicant');
  });
});
