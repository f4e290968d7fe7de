/**
 * Cases of the clerk's day that the review fixtures do not seed: an unclassified claim (未分类) whose certificate the
 * machine could not type.
 */
import type { ReviewCase } from '../../shared/cases/index.js';
import { createPolicyJudge } from '../../shared/pipeline/policy-judge.js';
import { seedClaim, type ClaimOptions, type ReviewStores } from '../review/review-fixtures.js';

/**
 * The seeded XH36-3.7.c claim with its certificate read as `unknown` (no type, so no fields: what the reader leaves
 * for a page it cannot classify), judged again: no programme → 未分类.
 *
 * @example
 * const unclassified = await seedUnclassifiedClaim(env.stores); // queue 'unclassified'
 */
export async function seedUnclassifiedClaim(stores: ReviewStores, options: ClaimOptions = {}): Promise<ReviewCase> {
  const seeded = await seedClaim(stores, options);
  const documents = structuredClone(seeded.documents).map((d) => (d.type === 'vocational_certificate' ? { ...d, type: 'unknown' as const, fields: {}, typeConfidence: 0.31 } : d));
  const judge = createPolicyJudge({ enterprises: stores.enterprises });
  const decision = await judge.judge(documents, { submissionId: seeded.submissionId, applicant: { kind: 'individual' }, claimDate: seeded.createdAt.slice(0, 10) });
  const next: ReviewCase = { ...seeded, documents, queue: judge.queueFor(decision), flaggedFieldCount: 0, ...(decision ? { decision } : {}) };
  return stores.cases.update(next, seeded.version, { caseId: seeded.caseId, at: seeded.createdAt, actor: 'system:process', action: 'documents_added', after: { outcome: decision?.outcome } }, decision?.claimKeys ?? []);
}
