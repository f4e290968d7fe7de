import { describe, expect, it } from 'vitest';
import { type ClaimFactsInput } from '../../shared/policy/index.js';
import { evaluateClaim } from '../support/shipped-policy.js';

const body = { kind: 'training_body' as const, name: '杭州西湖安全培训中心' };
const specialOps = (over: Partial<ClaimFactsInput> = {}): ClaimFactsInput => ({
  programme: 'XH36-3.3.1',
  claimDate: '2021-07-01',
  applicant: body,
  certificates: [
    { kind: 'special_operation', number: 'T1', issueDate: '2021-06-01' },
    { kind: 'special_operation', number: 'T2', issueDate: '2021-06-02' },
  ],
  projectTraining: { feePerPersonYuan: 500 },
  materials: ['certificate_roster'],
  ...over,
});
const completion = (project: ClaimFactsInput['projectTraining'] = {}, over: Partial<ClaimFactsInput> = {}): ClaimFactsInput => ({
  programme: 'XH36-3.3.2',
  claimDate: '2021-07-01',
  applicant: body,
  projectTraining: { filedWithCity: true, completedOn: '2021-06-20', trainingDays: 10, traineesCertified: 30, ...project },
  materials: ['project_filing_form', 'certificate_roster'],
  ...over,
});

describe('XH36-3.3 (1) special-operations certificate projects (≤ 650 per person, unconfirmed)', () => {
  it.each([
    { sentence: 'a fee under the cap is paid in full', fee: 500, amount: 1000 },
    { sentence: 'a fee over the cap is capped at 650', fee: 900, amount: 1300 },
  ])('$sentence', ({ fee, amount }) => {
    const decision = evaluateClaim(specialOps({ projectTraining: { feePerPersonYuan: fee } }));
    expect(decision).toMatchObject({ outcome: 'eligible', amountYuan: amount, unconfirmedParameters: ['project_training.special_operation_cap_per_person'] });
  });

  it('sends an unknown fee to review at the cap', () => {
    expect(evaluateClaim(specialOps({ projectTraining: {} }))).toMatchObject({ outcome: 'needs_review', amountYuan: 1300 });
  });
});

describe('XH36-3.3 (2) training-completion-certificate projects (100 per person-day, ≤ 20 days, unconfirmed)', () => {
  it.each([
    { days: 10, amount: 30000 },
    { days: 20, amount: 60000 },
    { days: 21, amount: 60000 },
  ])('$days days for 30 trainees → $amount', ({ days, amount }) => {
    expect(evaluateClaim(completion({ trainingDays: days }))).toMatchObject({ outcome: 'eligible', amountYuan: amount });
  });

  it('refuses a project not filed with the city bureau', () => {
    expect(evaluateClaim(completion({ filedWithCity: false })).outcome).toBe('ineligible');
  });

  it('asks for the filing form', () => {
    expect(evaluateClaim(completion({}, { materials: ['certificate_roster'] })).missingDocuments).toEqual(['project_filing_form']);
  });
});

describe('XH36-3.3 (3) competition projects (500 per person passing theory and practice, unconfirmed)', () => {
  const competition = (over: ClaimFactsInput['competition'] = {}): ClaimFactsInput => ({
    programme: 'XH36-3.3.3',
    claimDate: '2021-07-01',
    applicant: { kind: 'competition_host' },
    competition: { approvedBy: 'city', heldOn: '2021-05-01', participantsPassed: 12, ...over },
    materials: ['competition_filing_form', 'competition_qualified_roster'],
  });

  it('pays 500 per participant who passed', () => {
    expect(evaluateClaim(competition())).toMatchObject({ outcome: 'eligible', amountYuan: 6000 });
  });

  it('sends an unapproved competition to review', () => {
    expect(evaluateClaim(competition({ approvedBy: undefined })).outcome).toBe('needs_review');
  });
});
