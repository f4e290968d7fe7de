import { describe, expect, it } from 'vitest';
import { explainRules, type ClaimFactsInput } from '../../shared/policy/index.js';
import { evaluateClaim } from '../support/shipped-policy.js';
import { XIHU_EMPLOYER, individualClaim, parametersWith, reasonsOf, studioClaim, trainingBodyClaim } from './factories.js';

/**
 * A fictitious successor policy, 西人社〔2022〕1号 (2022-01-01 → 2023-12-31), added purely as data — new dates, new
 * amounts and the 特级技师 level — in one extra parameter file. No rule code changes.
 */
const doc = '西人社〔2022〕1号（虚构）';
const value = (v: string) => `{ value: ${v}, status: confirmed, reference: { document: ${doc}, clause: 三（七） } }`;
const AMENDMENT = `
policy.document:
  description: The district policy in force
  values:
    "2022-01-01": ${value(doc)}
    "2024-01-01": { value: null }
high_skilled_talent.individual_by_level:
  description: One-off subsidy to the individual by certificate level
  unit: yuan
  values:
    "2022-01-01": ${value('{ principal_technician: 20000, "1": 12000, "2": 6000 }')}
    "2024-01-01": { value: null }
high_skilled_talent.individual_min_engagement_years:
  description: Years engaged by the same employer
  values:
    "2022-01-01": ${value('2')}
    "2024-01-01": { value: null }
high_skilled_talent.individual_min_insured_months:
  description: Months of contributions before payment
  values:
    "2022-01-01": ${value('24')}
    "2024-01-01": { value: null }
high_skilled_talent.training_body_per_person:
  description: Per trainee to the training body
  unit: yuan
  values:
    "2022-01-01": ${value('300')}
    "2024-01-01": { value: null }
high_skilled_talent.body_and_enterprise_levels:
  description: Levels that count for bodies and enterprises
  values:
    "2022-01-01": ${value('[principal_technician, "1", "2", "3"]')}
    "2024-01-01": { value: null }
`;

const parameters = parametersWith({}, { 'zz-amendment-2022.yaml': AMENDMENT });

function individualWith(level: 1 | 2 | 'principal_technician', issueDate: string): ClaimFactsInput {
  return individualClaim({
    claimDate: '2026-06-01',
    certificates: [{ kind: 'qualification', level, number: 'Q', issueDate }],
    engagementLetters: [{ employerName: XIHU_EMPLOYER.employerName, startDate: '2019-01-01' }],
    socialInsurance: [{ employerName: XIHU_EMPLOYER.employerName, from: '2018-03', to: '2026-05' }],
  });
}

describe('a later policy added as data (fictitious 西人社〔2022〕1号)', () => {
  it.each([
    { sentence: 'level 1 on the last day of 36号 gets 10,000', level: 1 as const, date: '2021-12-31', outcome: 'eligible', amount: 10000 },
    { sentence: 'level 1 on the first day of the amendment gets 12,000', level: 1 as const, date: '2022-01-01', outcome: 'eligible', amount: 12000 },
    { sentence: 'level 2 the day before gets 5,000', level: 2 as const, date: '2021-12-31', outcome: 'eligible', amount: 5000 },
    { sentence: 'level 2 the day after gets 6,000', level: 2 as const, date: '2022-01-01', outcome: 'eligible', amount: 6000 },
    { sentence: '特级技师 the day before is not paid', level: 'principal_technician' as const, date: '2021-12-31', outcome: 'ineligible', amount: 0 },
    { sentence: '特级技师 the day after gets 20,000', level: 'principal_technician' as const, date: '2022-01-01', outcome: 'eligible', amount: 20000 },
    { sentence: 'the last day of the amendment is inside', level: 1 as const, date: '2023-12-31', outcome: 'eligible', amount: 12000 },
    { sentence: 'the day after the amendment is outside both windows', level: 1 as const, date: '2024-01-01', outcome: 'ineligible', amount: 0 },
  ])('3.7.c: $sentence', ({ level, date, outcome, amount }) => {
    const decision = evaluateClaim(individualWith(level, date), { parameters });
    expect(decision.outcome).toBe(outcome);
    expect(decision.amountYuan).toBe(amount);
  });

  it('names both windows when a date falls outside them', () => {
    const decision = evaluateClaim(individualWith(1, '2024-01-01'), { parameters });
    expect(reasonsOf(decision)[0]).toBe(
      `XH36-end: the certificate issue date 2024-01-01 is outside the validity window (西人社〔2020〕36号 2020-10-22 → 2021-12-31; ${doc} 2022-01-01 → 2023-12-31); the claim falls outside this policy`,
    );
  });

  it('3.7.a: pays 300 for a 特级技师 certificate under the amendment and 200 for level 3 the day before', () => {
    const after = evaluateClaim(
      trainingBodyClaim({
        claimDate: '2022-03-01',
        certificates: [{ personRef: 'p1', kind: 'skill_level', level: 'principal_technician', number: 'P1', issueDate: '2022-01-01' }],
      }),
      { parameters },
    );
    const before = evaluateClaim(
      trainingBodyClaim({ claimDate: '2021-12-31', certificates: [{ personRef: 'p1', kind: 'skill_level', level: 3, number: 'P2', issueDate: '2021-12-31' }] }),
      { parameters },
    );
    expect([after.amountYuan, before.amountYuan]).toEqual([300, 200]);
  });

  it('leaves programmes the amendment does not continue out of force', () => {
    const decision = evaluateClaim(individualWith(1, '2022-01-01'), { parameters });
    expect(decision.trace).toContainEqual({ fact: 'policy.document', value: doc });
    expect(
      explainRules('2022-06-01', parameters)
        .find((r) => r.ruleId === 'XH36-3.6')
        ?.parameters.find((p) => p.name === 'master_studio.one_off')?.value,
    ).toBeUndefined();
  });

  it('shows the new figures in explainRules', () => {
    const rule = explainRules('2022-06-01', parameters).find((r) => r.ruleId === 'XH36-3.7.c')!;
    expect(rule.parameters.find((p) => p.name === 'high_skilled_talent.individual_by_level')?.value).toEqual({
      principal_technician: 20000,
      '1': 12000,
      '2': 6000,
    });
  });

  it('sends a claim to review, naming the parameter, when the new policy is in force but a figure was not carried over', () => {
    const decision = evaluateClaim(studioClaim({}, { namedOn: '2022-03-01' }), { parameters });
    expect(decision).toMatchObject({ outcome: 'needs_review', amountYuan: 0, claimKeys: [] });
    expect(reasonsOf(decision)).toContain(
      'XH36-3.6: parameter master_studio.leader_levels has no value in force on 2022-03-01: the rules cannot judge this claim until the policy data is completed',
    );
  });
});
