import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../support/shipped-policy.js';
import { reasonsOf, studioClaim } from './factories.js';

describe('XH36-3.6 West Lake master-craftsman studio (30,000 once, 6 a year)', () => {
  it('pays 30,000 once when named, with the year quota and the studio as claim keys', () => {
    const decision = evaluateClaim(studioClaim());
    expect(decision).toMatchObject({ outcome: 'eligible', amountYuan: 30000, evaluatedOn: '2021-06-01' });
    expect(decision.claimKeys).toEqual([
      { kind: 'quota', key: 'XH36-3.6:named:2021', limit: 6, ruleId: 'XH36-3.6' },
      { kind: 'unique', key: 'XH36-3.6:studio:91330106MA2AAAAAA1', ruleId: 'XH36-3.6' },
    ]);
  });

  it.each([
    { state: 'submitted' as const, en: 'materials submitted: awaiting expert evaluation with a site visit' },
    { state: 'evaluated' as const, en: 'evaluated: awaiting public notice' },
    { state: 'publicly_noticed' as const, en: 'publicly noticed: awaiting naming by the bureau' },
  ])('pays nothing yet while $state', ({ state, en }) => {
    const decision = evaluateClaim(studioClaim({}, { procedureState: state, namedOn: undefined }));
    expect(decision.outcome).toBe('needs_review');
    expect(decision.claimKeys).toEqual([]);
    expect(reasonsOf(decision)).toContain(`XH36-3.6: ${en}`);
  });

  it.each([
    { sentence: 'a 高级技师 leader qualifies', studio: { leaderLevel: 1 as const }, outcome: 'eligible' },
    { sentence: 'a 技师 leader qualifies', studio: { leaderLevel: 2 as const }, outcome: 'eligible' },
    { sentence: 'a 高级工 leader does not', studio: { leaderLevel: 3 as const }, outcome: 'ineligible' },
    { sentence: 'a 高级工 leader of unique skills (绝技绝活) does', studio: { leaderLevel: 3 as const, leaderHasUniqueSkills: true }, outcome: 'eligible' },
    { sentence: 'a team of 4 besides the leader qualifies', studio: { teamSizeExcludingLeader: 4 }, outcome: 'eligible' },
    { sentence: 'a team of 3 does not', studio: { teamSizeExcludingLeader: 3 }, outcome: 'ineligible' },
    { sentence: 'no management system does not', studio: { hasManagementSystem: false }, outcome: 'ineligible' },
    { sentence: 'no reward system does not', studio: { hasRewardSystem: false }, outcome: 'ineligible' },
    { sentence: 'no site and equipment does not', studio: { hasSiteAndEquipment: false }, outcome: 'ineligible' },
    { sentence: 'no funding does not', studio: { hasFunding: false }, outcome: 'ineligible' },
    { sentence: 'no project does not', studio: { project: 'none' as const }, outcome: 'ineligible' },
    { sentence: 'an unknown team size goes to review', studio: { teamSizeExcludingLeader: undefined }, outcome: 'needs_review' },
  ])('$sentence', ({ studio, outcome }) => {
    expect(evaluateClaim(studioClaim({}, studio)).outcome).toBe(outcome);
  });

  it('asks for the application materials', () => {
    const decision = evaluateClaim(studioClaim({ materials: [] }));
    expect(decision).toMatchObject({ outcome: 'missing_documents', missingDocuments: ['studio_application'] });
  });

  it('refuses an applicant outside the district', () => {
    expect(evaluateClaim(studioClaim({ applicant: { kind: 'studio', registeredInXihu: false } })).outcome).toBe('ineligible');
  });
});
