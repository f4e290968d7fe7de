import { describe, expect, it } from 'vitest';
import { InvalidFactsError, parseClaimFacts } from '../../shared/policy/index.js';
import { evaluateClaim } from '../support/shipped-policy.js';
import { individualClaim, studioClaim, trainingBodyClaim } from './factories.js';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

describe('evaluateClaim', () => {
  it.each([individualClaim(), trainingBodyClaim(), studioClaim()])('does not touch the facts it is given (pure)', (facts) => {
    const frozen = deepFreeze(structuredClone(facts));
    expect(() => evaluateClaim(frozen)).not.toThrow();
    expect(frozen).toEqual(facts);
  });

  it('gives the same decision for the same facts', () => {
    expect(evaluateClaim(individualClaim())).toEqual(evaluateClaim(individualClaim()));
  });

  it('validates the facts first when asked, with the zod issue per path', () => {
    const bad = { ...individualClaim(), certificates: [{ kind: 'qualification', level: 6 }] } as unknown as Parameters<typeof evaluateClaim>[0];
    expect(() => evaluateClaim(bad, { validate: true })).toThrow(InvalidFactsError);
    expect(() => evaluateClaim(bad, { validate: true })).toThrow(/certificates\.0\.level/);
  });

  it('applies the schema defaults when parsing', () => {
    const facts = parseClaimFacts({ claimDate: '2021-01-01', applicant: { kind: 'individual' }, persons: [{}] });
    expect(facts).toMatchObject({ persons: [{ ref: 'p1' }], certificates: [], materials: [] });
  });

  it('masks ID numbers in the trace', () => {
    const decision = evaluateClaim(individualClaim());
    expect(decision.trace).toContainEqual({ fact: 'persons[p1].idNumber', value: '330106********1234' });
    expect(JSON.stringify(decision)).not.toContain('330106199001011234');
  });
});
