/**
 * Cases of the clerk's day that the review fixtures do not seed: an unclassified claim (未分类) whose certificate the
 * machine could not type, and a two-page scan read as one document.
 */
import type { ReviewCase } from '../../shared/cases/index.js';
import { createPolicyJudge } from '../../shared/pipeline/policy-judge.js';
import { shippedParameters } from '../support/shipped-policy.js';
import sharp from 'sharp';
import type { ExtractedDocument } from '../../shared/documents/index.js';
import type { OcrPage } from '../../shared/documents/ocr-page.js';
import { extractDocuments, extractGroupedDocuments } from '../../shared/extraction/index.js';
import { derivedKeys } from '../../shared/storage/layout.js';
import { scanPage, type Line } from '../extraction/support/text-lines.js';
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
  return { reviewCase: await withFileRead(stores, seeded, fileId, [asOne!]), fileId };
}

/** The seeded case with the certificate file read as `read` says and the separate ID card left out, judged again. */
async function withFileRead(stores: ReviewStores, seeded: ReviewCase, fileId: string, read: readonly ExtractedDocument[]): Promise<ReviewCase> {
  const documents = seeded.documents
    .filter((d) => d.type !== 'id_card')
    .flatMap((d) => (d.documentId !== fileId ? [d] : read.map((doc, indexInFile) => ({ ...doc, documentId: fileId, indexInFile }))));
  const judge = createPolicyJudge({ enterprises: stores.enterprises, parameters: shippedParameters() });
  const decision = await judge.judge(documents, {
    submissionId: seeded.submissionId,
    applicant: { kind: 'individual' },
    claimDate: seeded.createdAt.slice(0, 10),
  });
  const flaggedFieldCount = documents.reduce((n, d) => n + Object.values(d.fields).filter((f) => f.needsReview).length, 0);
  const next: ReviewCase = { ...seeded, documents, queue: judge.queueFor(decision), flaggedFieldCount, ...(decision ? { decision } : {}) };
  return stores.cases.update(
    next,
    seeded.version,
    { caseId: seeded.caseId, at: seeded.createdAt, actor: 'system:process', action: 'documents_added', after: { outcome: decision?.outcome } },
    decision?.claimKeys ?? [],
  );
}

/** The photo's size: a certificate on the left, the claimant's ID card on the right, a desk between them. */
export const SHARED_PAGE_SIZE = { width: 3000, height: 1400 } as const;

/** The lines of the photo (pair25's page-parts test page), printed with the claimant's name and ID number. */
function sharedPageLines(): Line[] {
  const [cx, cy, kx, ky] = [120, 300, 1900, 420];
  return [
    ['职业技能等级证书', cx + 150, cy, 520, 64],
    [`姓名：${person.name}`, cx, cy + 140, 330, 40],
    [`身份证号：${person.id}`, cx, cy + 210, 620, 40],
    ['职业（工种）：电工', cx, cy + 280, 380, 40],
    ['职业技能等级：三级/高级工', cx, cy + 350, 520, 40],
    ['证书编号：2133010600123456', cx, cy + 420, 560, 40],
    ['发证日期：2021年06月18日', cx, cy + 490, 520, 40],
    ['发证单位：杭州市职业技能鉴定中心', cx, cy + 560, 660, 40],
    [`姓名　${person.name}`, kx, ky, 300, 40],
    ['性别　男　　民族　汉', kx, ky + 70, 420, 40],
    ['出生　1990年3月7日', kx, ky + 140, 400, 40],
    ['住址　浙江省杭州市西湖区文三路100号', kx, ky + 210, 640, 40],
    [`公民身份号码　${person.id}`, kx, ky + 380, 680, 40],
  ];
}

/** The photo as the preview store serves it: each line printed in its box, in the page's own pixels. */
async function sharedPageImage(lines: readonly Line[]): Promise<Uint8Array> {
  const { width, height } = SHARED_PAGE_SIZE;
  const text = lines.map(([t, x, y, , h]) => `<text x="${x}" y="${y + h * 0.85}" font-size="${Math.round(h * 0.9)}" fill="#111">${t}</text>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="#8a7560"/><rect x="60" y="220" width="1500" height="780" fill="#fbf8ef"/><rect x="1840" y="360" width="1020" height="560" fill="#eef3f6"/><g font-family="Noto Sans CJK SC">${text}</g></svg>`;
  return new Uint8Array(await sharp(Buffer.from(svg)).png().toBuffer());
}

/**
 * The seeded claim whose certificate file is one phone photo of the certificate beside the claimant's ID card: read as
 * the pipeline reads it (pair25), two documents that share page 1, each from its own side (`regions`). The page is
 * stored as read (a page checkpoint) and as the preview the page shows, so the clerk can regroup it without OCR.
 *
 * @example
 * const { reviewCase, fileId } = await seedSharedPagePhoto(env.stores); // certificate left, ID card right, both page 1
 */
export async function seedSharedPagePhoto(stores: ReviewStores, options: { cardBack?: boolean } = {}): Promise<{ reviewCase: ReviewCase; fileId: string }> {
  const seeded = await seedClaim(stores, { level: 3, idNumber: person.id, personName: person.name });
  const fileId = seeded.documents.find((d) => d.type === 'vocational_certificate')!.documentId;
  const lines = sharedPageLines();
  const page = scanPage(lines, { size: SHARED_PAGE_SIZE });
  const checkpoints = blobPageCheckpoints(stores.blobs, stores.bucket, DERIVED_PREFIX, fileId);
  await checkpoints.save(page);
  await stores.blobs.put(stores.bucket, derivedKeys(DERIVED_PREFIX, fileId).preview(1), await sharedPageImage(lines), 'image/png');
  const read = extractDocuments([page], { today: '2022-11-20' });
  if (!options.cardBack) return { reviewCase: await withFileRead(stores, seeded, fileId, read), fileId };
  // The card's back photographed alone as page 2, read as a document of its own.
  const back: OcrPage = {
    ...scanPage(
      [
        ['中华人民共和国', 300, 80, 420, 44],
        ['居民身份证', 330, 160, 360, 56],
        ['签发机关　杭州市公安局西湖分局', 120, 420, 640, 36],
        ['有效期限　2015.03.07-2035.03.07', 120, 500, 640, 36],
      ],
      { size: { width: 1000, height: 630 } },
    ),
    pageNumber: 2,
  };
  await checkpoints.save(back);
  const groups = [...read.map((d) => ({ pages: d.pages, type: d.type, regions: d.regions })), { pages: [2], type: 'id_card' as const }];
  return { reviewCase: await withFileRead(stores, seeded, fileId, extractGroupedDocuments([page, back], groups, { today: '2022-11-20' })), fileId };
}
