import type { ClaimKey, Decision } from './decision.js';
import { programmeIdSchema, UNCLASSIFIED } from './programmes.js';
import { applyHeldClaims, ledgerFromStoreConflict } from './rules/cross-claim.js';

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
 * The decision once the store found `claimKey` already held by another case (or its quota full): a duplicate
 * finding, not paid twice. The store's path (assemble-cases, the review service) calls this; it applies the same
 * cross-claim rule as `evaluateClaim` does with `claimsHeld`/`studiosNamed` facts (`applyHeldClaims`), fed with what
 * the store's transaction found.
 *
 * @example
 * const duplicate = withClaimKeyTaken(decision, decision.claimKeys[0], 'case-123');
 * duplicate.outcome; // 'ineligible'
 */
export function withClaimKeyTaken(decision: Decision, claimKey: ClaimKey, heldByCaseId: string): Decision {
  const withKey = decision.claimKeys.some((key) => key.key === claimKey.key) ? decision : { ...decision, claimKeys: [...decision.claimKeys, claimKey] };
  return applyHeldClaims(withKey, ledgerFromStoreConflict(claimKey, heldByCaseId));
}
