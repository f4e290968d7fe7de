import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../support/shipped-policy.js';
import { certificateTrainingClaim, reasonsOf } from './factories.js';

describe('XH36-3.2 vocational certificate training (standards of 杭人社发〔2016〕27号, unconfirmed)', () => {
  it.each([
    { level: 5 as const, amount: 1000 },
    { level: 4 as const, amount: 1500 },
    { level: 3 as const, amount: 2000 },
    { level: 2 as const, amount: 2500 },
    { level: 1 as const, amount: 3000 },
  ])('level $level pays $amount yuan', ({ level, amount }) => {
    const decision = evaluateClaim(certificateTrainingClaim({ certificates: [{ kind: 'qualification', level, number: 'Q', issueDate: '2021-04-01' }] }));
    expect(decision).toMatchObject({ outcome: 'eligible', amountYuan: amount, unconfirmedParameters: ['certificate_training.per_level'] });
  });

  it('pays 800 for a special-ability certificate (unconfirmed)', () => {
    const decision = evaluateClaim(certificateTrainingClaim({ certificates: [{ kind: 'special_ability', number: 'SA', issueDate: '2021-04-01' }] }));
    expect(decision).toMatchObject({ outcome: 'eligible', amountYuan: 800, unconfirmedParameters: ['certificate_training.special_ability'] });
  });

  it('recognises 学徒工 but pays nothing for it under this policy', () => {
    const decision = evaluateClaim(
      certificateTrainingClaim({
        certificates: [{ kind: 'skill_level', level: 'apprentice', number: 'A', issueDate: '2021-04-01' }],
        applicant: { kind: 'enterprise', runsRecognisedLevelAssessment: true },
      }),
    );
    expect(decision.outcome).toBe('ineligible');
    expect(reasonsOf(decision)[0]).toContain('recognised but not paid');
  });

  it.each([
    {
      sentence: 'a skill-level certificate claimed by the assessing enterprise is paid',
      applicant: { kind: 'enterprise' as const, runsRecognisedLevelAssessment: true },
      outcome: 'eligible',
    },
    { sentence: 'a skill-level certificate claimed by an individual is refused', applicant: { kind: 'individual' as const }, outcome: 'ineligible' },
    {
      sentence: 'an enterprise that does not run the assessment is refused',
      applicant: { kind: 'enterprise' as const, runsRecognisedLevelAssessment: false },
      outcome: 'ineligible',
    },
  ])('$sentence', ({ applicant, outcome }) => {
    const decision = evaluateClaim(
      certificateTrainingClaim({ applicant, certificates: [{ kind: 'skill_level', level: 3, number: 'S', issueDate: '2021-04-01' }] }),
    );
    expect(decision.outcome).toBe(outcome);
  });

  it('refuses a training body without an agreement with the bureau', () => {
    expect(evaluateClaim(certificateTrainingClaim({ applicant: { kind: 'training_body', hasTrainingAgreement: false } })).outcome).toBe('ineligible');
    expect(evaluateClaim(certificateTrainingClaim({ applicant: { kind: 'training_body', hasTrainingAgreement: true } })).outcome).toBe('eligible');
  });

  it('points special-operations certificates to project training', () => {
    const decision = evaluateClaim(certificateTrainingClaim({ certificates: [{ kind: 'special_operation', number: 'T', issueDate: '2021-04-01' }] }));
    expect(reasonsOf(decision)[0]).toContain('XH36-3.3');
  });

  it('asks for the certificate', () => {
    expect(evaluateClaim(certificateTrainingClaim({ materials: [], certificates: [] })).missingDocuments).toEqual(['certificate']);
  });

  it('emits a `unique` key per certificate number', () => {
    expect(evaluateClaim(certificateTrainingClaim()).claimKeys).toEqual([{ kind: 'unique', key: 'XH36-3.2:certificate:Q2021-0200', ruleId: 'XH36-3.2' }]);
  });
});

describe('XH36-3.2 rosters', () => {
  it('pays each qualifying certificate of a contracted training body and sends the rest to a clerk', () => {
    const decision = evaluateClaim(
      certificateTrainingClaim({
        applicant: { kind: 'training_body', hasTrainingAgreement: true },
        persons: [
          { ref: 'p1', householdRegistration: { city: '杭州市' } },
          { ref: 'p2', householdRegistration: { city: '杭州市' } },
          { ref: 'p3', householdRegistration: { city: '杭州市' }, drawsMonthlyPension: true },
        ],
        certificates: [
          { personRef: 'p1', kind: 'qualification', level: 5, number: 'R1', issueDate: '2021-04-01' },
          { personRef: 'p2', kind: 'special_ability', number: 'R2', issueDate: '2021-04-02' },
          { personRef: 'p3', kind: 'qualification', level: 4, number: 'R3', issueDate: '2021-04-03' },
        ],
        materials: ['certificate_roster'],
      }),
    );
    expect(decision).toMatchObject({ outcome: 'needs_review', amountYuan: 1800 });
    expect(decision.claimKeys.map((k) => k.key)).toEqual(['XH36-3.2:certificate:R1', 'XH36-3.2:certificate:R2']);
  });

  it('refuses a roster where no certificate qualifies', () => {
    const decision = evaluateClaim(
      certificateTrainingClaim({
        applicant: { kind: 'training_body', hasTrainingAgreement: true },
        certificates: [
          { kind: 'special_operation', number: 'R1', issueDate: '2021-04-01' },
          { kind: 'qualification', level: 4, number: 'R2', issueDate: '2019-04-01' },
        ],
      }),
    );
    expect(decision.outcome).toBe('ineligible');
  });
});
