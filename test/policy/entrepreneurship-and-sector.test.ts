import { describe, expect, it } from 'vitest';
import { type ClaimFactsInput } from '../../shared/policy/index.js';
import { evaluateClaim } from '../support/shipped-policy.js';
import { parametersWith, reasonsOf } from './factories.js';

const entrepreneurship = (over: Partial<ClaimFactsInput> = {}): ClaimFactsInput => ({
  programme: 'XH36-3.4',
  claimDate: '2021-07-01',
  applicant: { kind: 'training_body', recognisedForEntrepreneurshipTraining: true },
  entrepreneurshipTraining: { completedOn: '2021-06-15', traineesCompleted: 25 },
  materials: ['certificate_roster'],
  ...over,
});

describe('XH36-3.4 entrepreneurship training (amount not known)', () => {
  it('goes to a clerk saying the standard is unknown, paying no made-up figure', () => {
    const decision = evaluateClaim(entrepreneurship());
    expect(decision).toMatchObject({ outcome: 'needs_review', amountYuan: 0, unconfirmedParameters: ['entrepreneurship_training.per_person'] });
    expect(reasonsOf(decision)).toContain('XH36-3.4: the entrepreneurship training standard (杭人社发〔2020〕43号) is not known: a clerk must set the amount');
  });

  it('refuses a body not recognised by the city bureau', () => {
    expect(evaluateClaim(entrepreneurship({ applicant: { kind: 'training_body', recognisedForEntrepreneurshipTraining: false } })).outcome).toBe('ineligible');
  });

  it('pays per trainee once a figure is entered as data', () => {
    const decision = evaluateClaim(entrepreneurship(), { parameters: parametersWith({ 'entrepreneurship_training.per_person': 1000 }) });
    expect(decision).toMatchObject({ outcome: 'eligible', amountYuan: 25000 });
  });
});

describe('XH36-3.5 sector training', () => {
  it('is recorded, not paid', () => {
    const decision = evaluateClaim({
      programme: 'XH36-3.5',
      claimDate: '2021-07-01',
      applicant: { kind: 'enterprise' },
      sectorTraining: { department: '区住建局', trainees: 120 },
    });
    expect(decision).toMatchObject({ outcome: 'ineligible', amountYuan: 0 });
    expect(decision.reasons[0].en).toContain('recorded towards the yearly training target');
  });
});

describe('unclassified claims', () => {
  it('go to a clerk when no programme could be chosen', () => {
    const decision = evaluateClaim({ claimDate: '2021-07-01', applicant: { kind: 'individual' } });
    expect(decision).toMatchObject({ programme: 'unclassified', outcome: 'needs_review', amountYuan: 0 });
  });
});
