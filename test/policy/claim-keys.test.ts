import { describe, expect, it } from 'vitest';
import { decisionSchema, queueForDecision, withClaimKeyTaken } from '../../shared/policy/index.js';
import { evaluateClaim } from '../support/shipped-policy.js';
import { individualClaim, studioClaim, trainingBodyClaim } from './factories.js';

describe('queueForDecision', () => {
  it('routes a decision to its programme queue', () => {
    expect(queueForDecision(evaluateClaim(individualClaim()))).toBe('XH36-3.7.c');
  });

  it('routes an unclassified claim to `unclassified`', () => {
    expect(queueForDecision(evaluateClaim({ claimDate: '2021-01-01', applicant: { kind: 'individual' } }))).toBe('unclassified');
  });
});

describe('withClaimKeyTaken', () => {
  it('turns a second individual claim into a once-per-person refusal naming the first case', () => {
    const decision = evaluateClaim(individualClaim());
    const duplicate = withClaimKeyTaken(decision, decision.claimKeys[0], 'case-001');
    expect(duplicate).toMatchObject({ outcome: 'ineligible', amountYuan: 0, duplicateOf: 'case-001', claimKeys: [] });
    expect(duplicate.reasons.at(-1)).toEqual({
      ruleId: 'XH36-3.7.c',
      zh: '同一人只能享受一次高技能人才一次性补贴，已在案件case-001中享受',
      en: 'once per person: the one-off subsidy was already granted in case case-001',
    });
    expect(decisionSchema.parse(duplicate)).toEqual(duplicate);
  });

  it('flags a certificate already claimed by another body or enterprise as a duplicate, not paid twice', () => {
    const decision = evaluateClaim(trainingBodyClaim());
    const duplicate = withClaimKeyTaken(decision, decision.claimKeys[0], 'case-777');
    expect(duplicate.amountYuan).toBe(0);
    expect(duplicate.reasons.at(-1)?.en).toBe('duplicate: this certificate was already claimed in case case-777; not paid twice');
  });

  it('refuses a studio when the year quota is used up, keeping the other keys', () => {
    const decision = evaluateClaim(studioClaim());
    const quota = decision.claimKeys.find((k) => k.kind === 'quota')!;
    const full = withClaimKeyTaken(decision, quota, 'case-6th');
    expect(full.reasons.at(-1)?.en).toBe("the year's quota of 6 is used up (XH36-3.6:named:2021); no subsidy");
    expect(full.claimKeys.map((k) => k.kind)).toEqual(['unique']);
  });

  it('leaves the original decision untouched', () => {
    const decision = evaluateClaim(individualClaim());
    withClaimKeyTaken(decision, decision.claimKeys[0], 'x');
    expect(decision.outcome).toBe('eligible');
  });
});

describe('decisions', () => {
  it.each([individualClaim(), trainingBodyClaim(), studioClaim()])('match the Decision schema with integer yuan', (facts) => {
    const decision = evaluateClaim(facts);
    expect(decisionSchema.parse(decision)).toEqual(decision);
    expect(Number.isInteger(decision.amountYuan)).toBe(true);
  });
});
