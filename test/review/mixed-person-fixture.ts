import type { ReviewTestEnv } from './review-env.js';
import { seedClaim } from './review-fixtures.js';

/** The training body `inst-a` as the batch API sees it. */
export const INSTITUTION_A = { userId: 'institution-a', roles: ['institution' as const], institutionId: 'inst-a' };

/**
 * A claim in institution-a's batch (roster + ZIP) whose contract and social-insurance record name someone else
 * (周敏) than its certificate (李四): the case carries an open `different_persons` finding (issue 16 item 2).
 *
 * @example
 * const { batchId, mixed } = await seedMixedPersonClaimInBatch(env);
 */
export async function seedMixedPersonClaimInBatch(env: ReviewTestEnv) {
  const { batch } = await env.batches!.create(INSTITUTION_A, {
    files: [
      { name: '名册.xlsx', size: 10, contentType: 'application/octet-stream', role: 'roster' },
      { name: '证书.zip', size: 10, contentType: 'application/zip', role: 'certificates' },
    ],
  });
  const mixed = await seedClaim(env.stores, {
    level: 2,
    submissionId: batch.batchId,
    caseId: `case-${batch.batchId}-1`,
    institutionId: 'inst-a',
    personName: '李四',
    otherPerson: { name: '周敏', idNumber: '330106198805052345' },
  });
  return { batchId: batch.batchId, mixed };
}
