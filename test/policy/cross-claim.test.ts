import { describe, expect, it } from 'vitest';
import { ClaimKeyTakenError } from '../../shared/ports/case-repository.js';
import { claimKeyTaken, withClaimKeyTaken, type ClaimFactsInput, type Decision } from '../../shared/policy/index.js';
import { evaluateClaim } from '../support/shipped-policy.js';
import { aReviewCase, anAuditEvent } from '../support/fakes/factories.js';
import { InMemoryCaseRepository } from '../support/fakes/in-memory-case-repository.js';
import { enterpriseClaim, individualClaim, studioClaim, trainingBodyClaim } from './factories.js';

/**
 * The store's path: the earlier claims are written with their claim keys, then the new claim's write meets the taken
 * key and the decision becomes the finding `withClaimKeyTaken` makes (as assemble-cases does).
 */
async function storeDecision(earlier: { caseId: string; decision: Decision }[], claim: ClaimFactsInput, caseId: string): Promise<Decision> {
  const cases = new InMemoryCaseRepository();
  for (const held of earlier) {
    await cases.create(aReviewCase({ caseId: held.caseId, decision: held.decision }), anAuditEvent(held.caseId), held.decision.claimKeys);
  }
  let decision = evaluateClaim(claim);
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      await cases.create(aReviewCase({ caseId, decision }), anAuditEvent(caseId), decision.claimKeys);
      return decision;
    } catch (error) {
      if (!(error instanceof ClaimKeyTakenError)) throw error;
      decision = withClaimKeyTaken(decision, error.claimKey, error.heldBy ?? 'unknown');
    }
  }
  throw new Error('store never settled');
}

/** The facts' path: what the store holds, written as facts, and one evaluation. */
function factsDecision(earlier: { caseId: string; programme: string; decision: Decision; date?: string }[], claim: ClaimFactsInput): Decision {
  return evaluateClaim({
    ...claim,
    claimsHeld: earlier.map((held) => ({
      caseId: held.caseId,
      programme: held.programme as never,
      outcome: held.decision.outcome,
      claimKeys: held.decision.claimKeys.map((k) => k.key),
      ...(held.date ? { date: held.date } : {}),
    })),
  });
}

describe('cross-claim rules: `rules evaluate` with claims held gives the decision the store gives', () => {
  it('同一人只能享受一次 (XH36-3.7.c): the second claim of the same person', async () => {
    const first = { caseId: 'case-first', programme: 'XH36-3.7.c', decision: evaluateClaim(individualClaim()) };
    const second = individualClaim({
      claimDate: '2023-04-10',
      certificates: [{ kind: 'qualification', level: 1, number: 'Q2021-0002', issueDate: '2021-03-01' }],
      socialInsurance: [{ employerName: '杭州西湖精工科技有限公司', from: '2018-03', to: '2023-03' }],
    });
    expect(evaluateClaim(second)).toMatchObject({ outcome: 'eligible', amountYuan: 10000 });
    const viaStore = await storeDecision([first], second, 'case-second');
    const viaFacts = factsDecision([first], second);
    expect(viaStore).toMatchObject({ outcome: 'ineligible', duplicateOf: 'case-first', amountYuan: 0 });
    expect(viaFacts).toEqual(viaStore);
  });

  it('one claim per certificate across a training body (3.7.a) and an enterprise (3.7.b)', async () => {
    const number = 'Q2021-0100';
    const body = {
      caseId: 'case-body',
      programme: 'XH36-3.7.a',
      decision: evaluateClaim(trainingBodyClaim({ certificates: [{ personRef: 'p1', kind: 'qualification', level: 3, number, issueDate: '2021-05-10' }] })),
    };
    expect(body.decision.outcome).toBe('eligible');
    const claim = enterpriseClaim();
    const viaStore = await storeDecision([body], claim, 'case-enterprise');
    expect(viaStore).toMatchObject({ outcome: 'ineligible', duplicateOf: 'case-body' });
    expect(factsDecision([body], claim)).toEqual(viaStore);
  });

  it('six studios a year (XH36-3.6): the seventh named in 2021 is refused by both paths', async () => {
    const six = Array.from({ length: 6 }, (_, i) => ({
      caseId: `case-studio-${i}`,
      programme: 'XH36-3.6',
      date: '2021-05-01',
      decision: evaluateClaim(studioClaim({ applicant: { kind: 'studio', name: `工作室${i}`, creditCode: `CODE${i}`, registeredInXihu: true } })),
    }));
    const seventh = studioClaim();
    const viaStore = await storeDecision(six, seventh, 'case-studio-7');
    expect(viaStore).toMatchObject({ outcome: 'ineligible', amountYuan: 0 });
    expect(factsDecision(six, seventh)).toEqual(viaStore);
    // … and facts naming the studios (no case ids) give the same outcome and reason.
    const named = evaluateClaim({ ...seventh, studiosNamed: six.map((_, i) => ({ studio: `CODE${i}`, namedOn: '2021-05-01' })) });
    expect(named.outcome).toBe('ineligible');
    expect(named.reasons.at(-1)).toEqual(viaStore.reasons.at(-1));
    // A full quota names no case as the one this claim duplicates (it used to say `duplicate of case unknown`).
    expect([viaStore.duplicateOf, named.duplicateOf]).toEqual([undefined, undefined]);
  });

  it('a claim held but refused, or rejected by a clerk, takes nothing', () => {
    const claim = individualClaim();
    const id = (claim.persons as { idNumber: string }[])[0].idNumber;
    for (const held of [
      { caseId: 'c1', programme: 'XH36-3.7.c' as const, outcome: 'ineligible' as const, personIdNumber: id },
      { caseId: 'c2', programme: 'XH36-3.7.c' as const, outcome: 'eligible' as const, status: 'rejected', personIdNumber: id },
    ]) {
      expect(evaluateClaim({ ...claim, claimsHeld: [held] })).toMatchObject({ outcome: 'eligible', amountYuan: 5000 });
    }
  });

  it('claimKeyTaken is the store condition: another holder takes a unique key, a full count a quota', () => {
    const unique = { kind: 'unique' as const, key: 'k', ruleId: 'XH36-3.7.c' };
    const quota = { kind: 'quota' as const, key: 'q', limit: 6, ruleId: 'XH36-3.6' };
    expect(claimKeyTaken(unique, {})).toBe(false);
    expect(claimKeyTaken(unique, { holder: 'a' }, 'a')).toBe(false);
    expect(claimKeyTaken(unique, { holder: 'a' }, 'b')).toBe(true);
    expect(claimKeyTaken(quota, { count: 5 })).toBe(false);
    expect(claimKeyTaken(quota, { count: 6 })).toBe(true);
  });
});
