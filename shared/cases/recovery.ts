import { RecoveryExceedsPaidError, RecoveryNotPaidError } from './errors.js';
import { recoverySchema, type Recovery } from './recovery-record.js';
import type { AuditEvent, ReviewCase } from './review-case.js';

/**
 * The money recovered so far on a case (XH36-4.2).
 *
 * @example
 * recoveredYuan(paidCase); // 0
 */
export function recoveredYuan(reviewCase: Pick<ReviewCase, 'recoveries'>): number {
  return (reviewCase.recoveries ?? []).reduce((sum, r) => sum + r.amountYuan, 0);
}

/**
 * What was paid on a case: the decision's amount once the case is `paid` (0 otherwise).
 *
 * @example
 * paidYuan(paidCase); // 5000
 */
export function paidYuan(reviewCase: Pick<ReviewCase, 'status' | 'decision'>): number {
  return reviewCase.status === 'paid' ? (reviewCase.decision?.amountYuan ?? 0) : 0;
}

/**
 * XH36-4.2 追回已拨付资金: records that money paid on a case is to be recovered because the claim rested on false
 * information. Pure: returns the case to write (same status `paid`, the recovery appended, version unchanged for the
 * repository's optimistic write) and the audit event (台账, XH36-4.1) that goes with it. Throws `RecoveryNotPaidError`
 * for a case not paid and `RecoveryExceedsPaidError` for more than was paid and not yet recovered. The claim keys stay
 * held: a recovered claim still counts as the person's one claim (docs/policy-interpretation.md).
 *
 * @example
 * const { next, audit } = recordRecovery(paidCase, { amountYuan: 5000, reason: '聘书系伪造', by: 'supervisor-wang', at: '2022-03-01T02:00:00Z' });
 * await cases.update(next, paidCase.version, audit);
 */
export function recordRecovery(
  reviewCase: ReviewCase,
  request: { amountYuan: number; reason: string; findingRef?: string; by: string; at: string },
): { next: ReviewCase; audit: AuditEvent; recovery: Recovery } {
  if (reviewCase.status !== 'paid') throw new RecoveryNotPaidError(reviewCase.caseId, reviewCase.status);
  const recovery = recoverySchema.parse(request);
  const before = recoveredYuan(reviewCase);
  const recoverable = paidYuan(reviewCase) - before;
  if (recovery.amountYuan > recoverable) throw new RecoveryExceedsPaidError(reviewCase.caseId, recovery.amountYuan, recoverable);
  const next: ReviewCase = { ...reviewCase, recoveries: [...(reviewCase.recoveries ?? []), recovery], updatedAt: recovery.at };
  const audit: AuditEvent = {
    caseId: reviewCase.caseId,
    at: recovery.at,
    actor: recovery.by,
    action: 'recover_funds',
    before: { status: reviewCase.status, paidYuan: paidYuan(reviewCase), recoveredYuan: before },
    after: {
      status: reviewCase.status,
      amountYuan: recovery.amountYuan,
      reason: recovery.reason,
      ...(recovery.findingRef ? { findingRef: recovery.findingRef } : {}),
      recoveredYuan: before + recovery.amountYuan,
      ruleId: 'XH36-4.2',
    },
  };
  return { next, audit, recovery };
}
