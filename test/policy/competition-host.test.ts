import { describe, expect, it } from 'vitest';
import { evaluateClaim } from '../support/shipped-policy.js';
import { competitionHostClaim, parametersWith } from './factories.js';

describe('XH36-3.7.d competition host: the shortfall after city subsidies', () => {
  it.each([
    { sentence: 'budget 80,000, spent 90,000, city 50,000 → 30,000 (the lesser of budget and costs)', c: {}, amount: 30000, outcome: 'eligible' },
    { sentence: 'spent 70,000 under a budget of 80,000, city 50,000 → 20,000', c: { actualCostsYuan: 70000 }, amount: 20000, outcome: 'eligible' },
    { sentence: 'the city covers everything → nothing', c: { citySubsidyYuan: 90000 }, amount: 0, outcome: 'ineligible' },
    { sentence: 'not held by the district → refused', c: { heldByDistrict: false }, amount: 0, outcome: 'ineligible' },
    { sentence: 'not the actual organiser → refused', c: { applicantIsActualOrganiser: false }, amount: 0, outcome: 'ineligible' },
    { sentence: 'unknown city subsidy → review', c: { citySubsidyYuan: undefined }, amount: 0, outcome: 'needs_review' },
  ])('$sentence', ({ c, amount, outcome }) => {
    const decision = evaluateClaim(competitionHostClaim({}, c));
    expect(decision.outcome).toBe(outcome);
    expect(decision.amountYuan).toBe(amount);
  });

  it('uses the actual costs under the `actual_costs` reading', () => {
    const decision = evaluateClaim(competitionHostClaim(), { parameters: parametersWith({ 'interpretation.competition_shortfall_base': 'actual_costs' }) });
    expect(decision.amountYuan).toBe(40000);
  });

  it.each(['competition_budget', 'competition_expense_list', 'competition_qualified_roster'] as const)('asks for the missing %s (XH36-3.7.1)', (material) => {
    const all = ['competition_budget', 'competition_expense_list', 'competition_qualified_roster'] as const;
    const decision = evaluateClaim(competitionHostClaim({ materials: all.filter((m) => m !== material) }));
    expect(decision).toMatchObject({ outcome: 'missing_documents', missingDocuments: [material] });
  });
});
