import type { ClaimKey, Decision } from '../decision.js';
import type { ClaimFacts, HeldClaim } from '../facts.js';
import { certificateClaimKey } from './high-skilled-body-enterprise.js';
import { personKey } from './high-skilled-individual.js';

/**
 * What is known about one claim key before this claim takes it: the case holding a `unique` key, or how many cases
 * count towards a `quota` key.
 */
export interface ClaimKeyState {
  holder?: string;
  count?: number;
}

/** Answers, for a claim key, what the store (or the facts standing in for it) knows. */
export type ClaimKeyLedger = (key: ClaimKey) => ClaimKeyState;

/**
 * The cross-claim rule, one predicate for every path: a `unique` key is taken when another case holds it
 * (XH36-3.7.c 同一人只能享受一次; XH36-3.7.a/b one claim per certificate; XH36-3.6 one subsidy per studio); a `quota`
 * key is taken when its count has reached the limit (XH36-3.6 每年新增6家). The DynamoDB adapter reserves keys with
 * the same condition in its transaction (`attribute_not_exists(PK) OR holder = :caseId`, `#count < :limit`).
 *
 * @example
 * claimKeyTaken({ kind: 'quota', key: 'XH36-3.6:named:2021', limit: 6, ruleId: 'XH36-3.6' }, { count: 6 }); // true
 */
export function claimKeyTaken(key: ClaimKey, state: ClaimKeyState, ownCaseId?: string): boolean {
  if (key.kind === 'unique') return state.holder !== undefined && state.holder !== ownCaseId;
  return (state.count ?? 0) >= key.limit;
}

/**
 * The decision once every claim key the ledger shows taken is applied: each becomes a duplicate (or quota-full)
 * finding, `ineligible` with `duplicateOf` and a reason. Used by `evaluateClaim` (facts carry `claimsHeld`,
 * `studiosNamed`) and by the store's path (`withClaimKeyTaken`, after its transaction found a key taken).
 *
 * @example
 * applyHeldClaims(decision, ledgerFromFacts(facts)).outcome; // 'ineligible' when the person was already paid
 */
export function applyHeldClaims(decision: Decision, ledger: ClaimKeyLedger, ownCaseId?: string): Decision {
  let result = decision;
  for (const key of decision.claimKeys) {
    const state = ledger(key);
    if (claimKeyTaken(key, state, ownCaseId)) result = duplicateFinding(result, key, state.holder ?? 'unknown');
  }
  return result;
}

/**
 * The ledger of a store conflict: the store's transaction found `key` taken (held by `heldBy`, or its quota full).
 *
 * @example
 * ledgerFromStoreConflict(key, 'case-123')(key); // { holder: 'case-123' }
 */
export function ledgerFromStoreConflict(taken: ClaimKey, heldBy: string | undefined): ClaimKeyLedger {
  return (key) => {
    if (key.key !== taken.key) return {};
    return taken.kind === 'unique' ? { holder: heldBy ?? 'unknown' } : { count: taken.limit, holder: heldBy };
  };
}

/**
 * The ledger the facts give: the keys of the claims already held (not those refused), and the studios already named
 * in each year.
 *
 * @example
 * ledgerFromFacts({ ...facts, claimsHeld: [{ caseId: 'c1', programme: 'XH36-3.7.c', outcome: 'eligible', personIdNumber: '3301…' }] });
 */
export function ledgerFromFacts(facts: Pick<ClaimFacts, 'claimsHeld' | 'studiosNamed'>): ClaimKeyLedger {
  const holders = new Map<string, string>();
  const quotaCases = new Map<string, Set<string>>();
  const countIn = (key: string, member: string) => {
    const set = quotaCases.get(key) ?? new Set<string>();
    set.add(member);
    quotaCases.set(key, set);
  };
  for (const held of facts.claimsHeld ?? []) {
    if (held.outcome === 'ineligible' || held.status === 'rejected') continue;
    for (const key of keysOfHeldClaim(held)) {
      if (key.startsWith(`${STUDIO_RULE}:named:`)) countIn(key, held.caseId);
      else if (!holders.has(key)) holders.set(key, held.caseId);
    }
  }
  (facts.studiosNamed ?? []).forEach((studio, i) => {
    countIn(studioQuotaKey(studio.namedOn), studio.caseId ?? studio.studio ?? `named#${i}`);
    if (studio.studio && !holders.has(studioKey(studio.studio))) holders.set(studioKey(studio.studio), studio.caseId ?? 'unknown');
  });
  return (key) => (key.kind === 'unique' ? { holder: holders.get(key.key) } : { count: quotaCases.get(key.key)?.size ?? 0 });
}

const STUDIO_RULE = 'XH36-3.6';

/**
 * The quota key of the studios named in a year (XH36-3.6: 每年新增6家大师工作室).
 *
 * @example
 * studioQuotaKey('2021-06-01'); // 'XH36-3.6:named:2021'
 */
export function studioQuotaKey(namedOn: string): string {
  return `${STUDIO_RULE}:named:${namedOn.slice(0, 4)}`;
}

/**
 * The once-per-studio key (the subsidy is 一次性).
 *
 * @example
 * studioKey('91330106MA2AAAAAA1'); // 'XH36-3.6:studio:91330106MA2AAAAAA1'
 */
export function studioKey(studio: string): string {
  return `${STUDIO_RULE}:studio:${studio}`;
}

/**
 * The XH36-3.2 key of a certificate (one certificate-training subsidy per certificate).
 *
 * @example
 * certificateTrainingKey(' q1 '); // 'XH36-3.2:certificate:Q1'
 */
export function certificateTrainingKey(number: string): string {
  return `XH36-3.2:certificate:${number.trim().toUpperCase()}`;
}

/** The keys a held claim holds: its own list, plus those derived from what it names. */
function keysOfHeldClaim(held: HeldClaim): string[] {
  const keys = [...(held.claimKeys ?? [])];
  if (held.programme === 'XH36-3.7.c' && held.personIdNumber) keys.push(`XH36-3.7.c:person:${personKey(held.personIdNumber)}`);
  for (const number of held.certificateNumbers ?? []) {
    if (held.programme === 'XH36-3.7.a' || held.programme === 'XH36-3.7.b') keys.push(certificateClaimKey(number));
    if (held.programme === 'XH36-3.2') keys.push(certificateTrainingKey(number));
  }
  if (held.programme === STUDIO_RULE) {
    if (held.studio) keys.push(studioKey(held.studio));
    if (held.date) keys.push(studioQuotaKey(held.date));
  }
  return keys;
}

/**
 * The decision once `claimKey` is found taken by `heldByCaseId`: a duplicate finding, not paid twice. The other claim
 * keys stay (they were not the conflict); the taken one is dropped; payment sentences go (a refusal promises nothing).
 */
function duplicateFinding(decision: Decision, claimKey: ClaimKey, heldByCaseId: string): Decision {
  const wasPaying = decision.outcome !== 'ineligible';
  return {
    ...decision,
    outcome: 'ineligible',
    amountYuan: 0,
    amountStatus: 'none',
    awaitingConfirmation: undefined,
    ...(decision.targetCounts ? { targetCounts: { personTimes: 0, certificates: [] } } : {}),
    // A full quota (XH36-3.6 每年新增6家) and a holder the facts do not name give no case to point at.
    ...(decision.duplicateOf
      ? { duplicateOf: decision.duplicateOf }
      : claimKey.kind === 'quota' || heldByCaseId === UNKNOWN_HOLDER
        ? {}
        : { duplicateOf: heldByCaseId }),
    claimKeys: decision.claimKeys.filter((key) => key.key !== claimKey.key),
    reasons: [...(wasPaying ? decision.reasons.filter((r) => !mentionsMoney(r)) : decision.reasons), takenReason(claimKey, heldByCaseId)],
  };
}

// A reason stating an amount to be paid (…补贴5000元 / …待区人社局确认): dropped once the claim is refused.
function mentionsMoney(reason: Decision['reasons'][number]): boolean {
  return /\d元/.test(reason.zh) || reason.zh.startsWith('金额待区人社局确认');
}

// Facts may name what was held without the case (a studio in `studiosNamed` without `caseId`): say so without one.
const UNKNOWN_HOLDER = 'unknown';

function takenReason(claimKey: ClaimKey, caseId: string): Decision['reasons'][number] {
  const known = caseId !== UNKNOWN_HOLDER;
  const inCaseZh = known ? `已在案件${caseId}中` : '已';
  const inCaseEn = known ? ` in case ${caseId}` : '';
  if (claimKey.kind === 'quota') {
    return {
      ruleId: claimKey.ruleId,
      zh: `本年度名额（${claimKey.limit}个）已满（${claimKey.key}），不予补贴`,
      en: `the year's quota of ${claimKey.limit} is used up (${claimKey.key}); no subsidy`,
    };
  }
  if (claimKey.ruleId === 'XH36-3.7.c') {
    return {
      ruleId: claimKey.ruleId,
      zh: `同一人只能享受一次高技能人才一次性补贴，${inCaseZh}享受`,
      en: `once per person: the one-off subsidy was already granted${inCaseEn}`,
    };
  }
  if (claimKey.ruleId === STUDIO_RULE) {
    return {
      ruleId: claimKey.ruleId,
      zh: `该工作室${inCaseZh}享受一次性补贴，不重复补贴`,
      en: `this studio already received the one-off subsidy${inCaseEn}; not paid twice`,
    };
  }
  return {
    ruleId: claimKey.ruleId,
    zh: `重复申领：该证书${inCaseZh}申领，不重复补贴`,
    en: `duplicate: this certificate was already claimed${inCaseEn}; not paid twice`,
  };
}
