import type { ClaimKey, Decision } from './decision.js';
import { programmeIdSchema, UNCLASSIFIED } from './programmes.js';

/**
 * The review queue a decision goes to: its programme id (`XH36-3.7.c`), or `unclassified`.
 *
 * @example
 * queueForDecision(decision); // 'XH36-3.7.c'
 */
export function queueForDecision(decision: Pick<Decision, 'programme'>): string {
  return programmeIdSchema.safeParse(decision.programme).success ? decision.programme : UNCLASSIFIED;
}

/**
 * The decision once the store found `claimKey` already held by another case: a duplicate finding, not paid twice.
 * The other claim keys stay (they were not the conflict); the taken one is dropped.
 *
 * @example
 * const duplicate = withClaimKeyTaken(decision, decision.claimKeys[0], 'case-123');
 * duplicate.outcome; // 'ineligible'
 */
export function withClaimKeyTaken(decision: Decision, claimKey: ClaimKey, heldByCaseId: string): Decision {
  return {
    ...decision,
    outcome: 'ineligible',
    amountYuan: 0,
    duplicateOf: heldByCaseId,
    claimKeys: decision.claimKeys.filter((key) => key.key !== claimKey.key),
    reasons: [...decision.reasons, takenReason(claimKey, heldByCaseId)],
  };
}

function takenReason(claimKey: ClaimKey, caseId: string): Decision['reasons'][number] {
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
      zh: `同一人只能享受一次高技能人才一次性补贴，已在案件${caseId}中享受`,
      en: `once per person: the one-off subsidy was already granted in case ${caseId}`,
    };
  }
  return {
    ruleId: claimKey.ruleId,
    zh: `重复申领：该证书已在案件${caseId}中申领，不重复补贴`,
    en: `duplicate: this certificate was already claimed in case ${caseId}; not paid twice`,
  };
}
