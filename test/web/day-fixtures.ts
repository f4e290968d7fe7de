/**
 * Cases of the clerk's day that the review fixtures do not seed: an unclassified claim (未分类) whose certificate the
 * machine could not type, and a two-page scan read as one document.
 */
import type { ReviewCase } from '../../shared/cases/index.js';
import { createPolicyJudge } from '../../shared/pipeline/policy-judge.js';
import { shippedParameters } from '../support/shipped-policy.js';
import { extractGroupedDocuments } from '../../shared/extraction/index.js';
import { blobPageCheckpoints } from '../../shared/pipeline/process.js';
import { idCardPage, person, residentId, skillLevelCertificatePage } from '../extraction/support/documents.js';
import { DERIVED_PREFIX, seedClaim, type ClaimOptions, type ReviewStores } from '../review/review-fixtures.js';

/**
 * The seeded XH36-3.7.c claim with its certificate read as `unknown` (no type, so no fields: what the reader leaves
 * for a page it cannot classify), judged again: no programme → 未分类. With `pagesStored`, the certificate's page is
 * stored as the process stage stores it (a page checkpoint: a 职业技能等级证书, level 2, issued 2020-11-15, printed
 * with the claimant's name and a valid ID number), so classifying it reads it again; without, it is an older document whose pages are gone.
 *
 * @example
 * const unclassified = await seedUnclassifiedClaim(env.stores); // queue 'unclassified'
 */
export async function seedUnclassifiedClaim(stores: ReviewStores, options: ClaimOptions & { pagesStored?: boolean } = {}): Promise<ReviewCase> {
  const idNumber =
    options.idNumber ?? (options.pagesStored ? residentId('19900307', '330106', String(Math.floor(Math.random() * 1000)).padStart(3, '0')) : undefined);
  const seeded = await seedClaim(stores, { ...options, ...(idNumber ? { idNumber } : {}) });
  if (options.pagesStored) {
    const certificate = seeded.documents.find((d) => d.type === 'vocational_certificate')!;
    const page = skillLevelCertificatePage({
      pageNumber: 1,
      level: 2,
      levelText: '二级/技师',
      year: 2020,
      dateText: '2020年11月15日',
      occupation: '数控车工',
      issuer: '杭州市职业技能鉴定中心',
      name: options.personName ?? '王晓明',
      id: idNumber,
    });
    await blobPageCheckpoints(stores.blobs, stores.bucket, DERIVED_PREFIX, certificate.documentId).save(page);
  }
  const documents = structuredClone(seeded.documents).map((d) =>
    d.type === 'vocational_certificate' ? { ...d, type: 'unknown' as const, fields: {}, typeConfidence: 0.31 } : d,
  );
  const judge = createPolicyJudge({ enterprises: stores.enterprises, parameters: shippedParameters() });
  const decision = await judge.judge(documents, {
    submissionId: seeded.submissionId,
    applicant: { kind: 'individual' },
    claimDate: seeded.createdAt.slice(0, 10),
  });
  const next: ReviewCase = { ...seeded, documents, queue: judge.queueFor(decision), flaggedFieldCount: 0, ...(decision ? { decision } : {}) };
  return stores.cases.update(
    next,
    seeded.version,
    { caseId: seeded.caseId, at: seeded.createdAt, actor: 'system:process', action: 'documents_added', after: { outcome: decision?.outcome } },
    decision?.claimKeys ?? [],
  );
}

/**
 * The seeded claim with one scanned file of two pages, a 职业技能等级证书 and an ID card, which the machine read as one
 * certificate of two pages (the ID card separately left out). The file's pages are stored as the process stage stores
 * them (page checkpoints), so the clerk can split them and the documents are read again without OCR.
 *
 * @example
 * const { reviewCase, fileId } = await seedTwoPageScan(env.stores);
 */
export async function seedTwoPageScan(stores: ReviewStores): Promise<{ reviewCase: ReviewCase; fileId: string }> {
  const seeded = await seedClaim(stores, { level: 2, idNumber: person.id, personName: person.name });
  const fileId = seeded.documents.find((d) => d.type === 'vocational_certificate')!.documentId;
  const pages = [skillLevelCertificatePage({ pageNumber: 1, level: 2, levelText: '二级/技师' }), idCardPage({ pageNumber: 2 })];
  const checkpoints = blobPageCheckpoints(stores.blobs, stores.bucket, DERIVED_PREFIX, fileId);
  for (const page of pages) await checkpoints.save(page);
  const [asOne] = extractGroupedDocuments(pages, [{ pages: [1, 2], type: 'vocational_certificate' }], { today: '2022-11-20' });
  const documents = seeded.documents
    .filter((d) => d.type !== 'id_card')
    .map((d) => (d.documentId === fileId ? { ...asOne!, documentId: fileId, indexInFile: 0 } : d));
  const judge = createPolicyJudge({ enterprises: stores.enterprises, parameters: shippedParameters() });
  const decision = await judge.judge(documents, {
    submissionId: seeded.submissionId,
    applicant: { kind: 'individual' },
    claimDate: seeded.createdAt.slice(0, 10),
  });
  const flaggedFieldCount = documents.reduce((n, d) => n + Object.values(d.fields).filter((f) => f.needsReview).length, 0);
  const next: ReviewCase = { ...seeded, documents, queue: judge.queueFor(decision), flaggedFieldCount, ...(decision ? { decision } : {}) };
  const reviewCase = await stores.cases.update(
    next,
    seeded.version,
    { caseId: seeded.caseId, at: seeded.createdAt, actor: 'system:process', action: 'documents_added', after: { outcome: decision?.outcome } },
    decision?.claimKeys ?? [],
  );
  return { reviewCase, fileId };
}
