/**
 * Claims for the clerk's day (test/review/review-day.test.ts, test/web/review-day.test.ts): the seeded XH36-3.7.c claim
 * with documents left out or changed, judged again by the real rules, so a case lands 待核对, 不予补贴 or 待确认标准.
 */
import type { CaseDocument, ReviewCase } from '../../shared/cases/index.js';
import { createPolicyJudge } from '../../shared/pipeline/policy-judge.js';
import { shippedParameters } from '../support/shipped-policy.js';
import { seedClaim, type ClaimOptions, type ReviewStores } from './review-fixtures.js';

export interface DayClaimOptions extends ClaimOptions {
  /** Document types left out of the claim. */
  without?: CaseDocument['type'][];
  /** The ID card's address as read (`浙江省宁波市…` makes the person non-local). */
  idCardAddress?: string;
}

/**
 * A claim with residency under XH36-2.1 not established: a level-3 certificate (XH36-3.2, 2,000 yuan on an unconfirmed
 * standard) without ID card or labour contract → 待核对.
 */
export const RESIDENCY_UNKNOWN: DayClaimOptions = { level: 3, without: ['id_card', 'labor_contract'] };
/** A person registered outside Hangzhou with no local work shown → 不予补贴 under XH36-2.1. */
export const NOT_LOCAL: DayClaimOptions = { level: 3, without: ['labor_contract'], idCardAddress: '浙江省宁波市海曙区中山路1号' };

/**
 * Seeds the claim, then rewrites its documents as the options say and judges it again (as the process stage would).
 *
 * @example
 * const pending = await seedDayClaim(env.stores, RESIDENCY_UNKNOWN); // decision.outcome === 'needs_review'
 */
export async function seedDayClaim(stores: ReviewStores, options: DayClaimOptions = {}): Promise<ReviewCase> {
  const seeded = await seedClaim(stores, options);
  if (!options.without?.length && !options.idCardAddress) return seeded;
  const documents = structuredClone(seeded.documents).filter((d) => !options.without?.includes(d.type));
  const idCard = documents.find((d) => d.type === 'id_card');
  if (idCard && options.idCardAddress) idCard.fields.address = { ...idCard.fields.address!, value: options.idCardAddress };
  const judge = createPolicyJudge({ enterprises: stores.enterprises, parameters: shippedParameters() });
  const decision = await judge.judge(documents, {
    submissionId: seeded.submissionId,
    applicant: { kind: 'individual' },
    claimDate: seeded.createdAt.slice(0, 10),
  });
  const next: ReviewCase = { ...seeded, documents, queue: judge.queueFor(decision), ...(decision ? { decision } : {}) };
  return stores.cases.update(
    next,
    seeded.version,
    { caseId: seeded.caseId, at: seeded.createdAt, actor: 'system:process', action: 'documents_added', after: { outcome: decision?.outcome } },
    decision?.claimKeys ?? [],
  );
}
