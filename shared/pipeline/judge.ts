import type { CaseDocument } from '../cases/review-case.js';
import type { ClaimKey, Decision } from '../policy/decision.js';

/** What the process stage knows about a claim besides its documents. */
export interface ClaimContext {
  submissionId: string;
  /** Who claims: an individual unless the submission says otherwise (a training body's batch). */
  applicant: { kind: 'individual' | 'enterprise' | 'training_body' | 'competition_host' | 'studio'; id?: string };
  /** The date the claim was received (YYYY-MM-DD). */
  claimDate: string;
  /** Facts a clerk established from evidence seen (`declaredFromEvidence`), merged over the documents' facts. */
  declared?: { persons: Record<string, unknown>[] };
  /** The programme a clerk classified the claim under (wins over the guess from the documents). */
  programme?: string;
}

/**
 * The rules, as the process stage uses them (shared/policy's `buildClaimFacts` + `evaluateClaim`,
 * `queueForDecision`, `withClaimKeyTaken`, wired in the composition root).
 */
export interface ClaimJudge {
  /** The decision for a case's documents; undefined when the documents support no claim the rules know. */
  judge(documents: CaseDocument[], context: ClaimContext): Promise<Decision | undefined> | Decision | undefined;
  /** The review queue a decision goes to (the programme id, or `unclassified`). */
  queueFor(decision: Decision | undefined): string;
  /** The decision turned into a duplicate finding because `claimKey` is held by another case. */
  withClaimKeyTaken(decision: Decision, claimKey: ClaimKey, heldByCaseId: string | undefined): Decision;
}
