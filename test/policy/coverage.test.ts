import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../support/shipped-policy.js';
import type { PersonFacts } from '../../shared/policy/index.js';
import { certificateTrainingClaim, parametersWith, reasonsOf } from './factories.js';

const claimFor = (person: Partial<PersonFacts>) => certificateTrainingClaim({ persons: [{ ref: 'p1', idNumber: '340101199001011234', ...person }] });

describe('XH36-2.1 who is covered', () => {
  it.each([
    { sentence: 'local household registration is covered', person: { householdRegistration: { city: '杭州市', district: '拱墅区' } }, outcome: 'eligible' },
    {
      sentence: 'a local residence permit is covered',
      person: { householdRegistration: { city: '合肥市' }, residencePermit: { city: '杭州市' } },
      outcome: 'eligible',
    },
    {
      sentence: 'an expired residence permit is not',
      person: { householdRegistration: { city: '合肥市' }, residencePermit: { city: '杭州市', validUntil: '2021-01-01' }, worksLocally: false },
      outcome: 'ineligible',
    },
    { sentence: 'working locally is covered', person: { householdRegistration: { city: '合肥市' }, worksLocally: true }, outcome: 'eligible' },
    {
      sentence: 'local unemployment registration is covered',
      person: { householdRegistration: { city: '合肥市' }, unemploymentRegisteredLocally: true },
      outcome: 'eligible',
    },
    {
      sentence: 'a non-resident without a permit, not working or registered locally, is not',
      person: { householdRegistration: { city: '合肥市', district: '蜀山区' }, worksLocally: false, unemploymentRegisteredLocally: false },
      outcome: 'ineligible',
    },
    {
      sentence: 'a pensioner is not, even if local',
      person: { householdRegistration: { city: '杭州市', district: '西湖区' }, drawsMonthlyPension: true },
      outcome: 'ineligible',
    },
    { sentence: 'nothing known goes to review', person: {}, outcome: 'needs_review' },
  ])('$sentence', ({ person, outcome }) => {
    expect(evaluateClaim(claimFor(person)).outcome).toBe(outcome);
  });

  it('names the pension rule', () => {
    const decision = evaluateClaim(claimFor({ householdRegistration: { city: '杭州市' }, drawsMonthlyPension: true }));
    expect(reasonsOf(decision)).toEqual(['XH36-2.1: people drawing a monthly pension are not covered']);
  });

  it('reads 本地 as Xihu only under the `xihu` reading', () => {
    const person = { householdRegistration: { city: '杭州市', district: '拱墅区' }, worksLocally: false };
    const parameters = parametersWith({ 'interpretation.local_area': 'xihu' });
    expect(evaluateClaim(claimFor(person), { parameters }).outcome).toBe('ineligible');
  });

  it('asks about the pension under the `needs_review` reading', () => {
    const parameters = parametersWith({ 'interpretation.pension_unknown': 'needs_review' });
    expect(evaluateClaim(claimFor({ householdRegistration: { city: '杭州市' } }), { parameters }).outcome).toBe('needs_review');
  });
});
