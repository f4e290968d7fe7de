/**
 * Factories for the review API's tests, the Playwright tests and the bench: a high-skilled individual's claim
 * (XH36-3.7.c) as the pipeline would have written it — documents with boxes, the document record, a page image in the
 * bucket, the employer in the district register — judged by the real rules.
 */
import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { CaseDocument, DocumentRecord, ReviewCase } from '../../shared/cases/index.js';
import { CERTIFICATE_KIND_ZH } from '../../shared/cases/labels-zh.js';
import { derivedKeys } from '../../shared/storage/layout.js';
import { blobPageCheckpoints } from '../../shared/pipeline/process.js';
import { createPolicyJudge } from '../../shared/pipeline/policy-judge.js';
import { shippedParameters } from '../support/shipped-policy.js';
import type { BlobStore, CaseRepository, Clock, DocumentRepository, EnterpriseRegister } from '../../shared/ports/index.js';
import type { EmailRecordStore } from '../../shared/email/email-record.js';
import { DynamoDbCaseRepository } from '../../shared/adapters/dynamodb-case-repository.js';
import {
  CaseSearchService,
  DevSignIn,
  PageImages,
  ReportService,
  ReviewService,
  SubmissionService,
  bearerAuthenticator,
  createReviewApi,
  type BatchService,
} from '../../shared/review/index.js';

export const EMPLOYER = '杭州西湖精工科技有限公司';
export const EMPLOYER_CREDIT_CODE = '91330106MA2AAAAAA1';
export const DERIVED_PREFIX = 'derived/';
export const TEST_SECRET = 'review-api-tests-secret-0123456789abcdef';

export interface ReviewStores {
  cases: CaseRepository;
  documents: DocumentRepository;
  blobs: BlobStore;
  enterprises: EnterpriseRegister;
  bucket: string;
  /** Received e-mails (`GET /submissions/{id}` shows the one a submission came in). */
  emails?: EmailRecordStore;
}

type Values = Record<string, string | number | null>;

function document(
  documentId: string,
  type: CaseDocument['type'],
  values: Values,
  options: { flagged?: string[]; page?: number; spans?: CaseDocument['spans'] } = {},
): CaseDocument {
  let y = 140;
  const fields: CaseDocument['fields'] = {};
  for (const [name, value] of Object.entries(values)) {
    const flagged = options.flagged?.includes(name) ?? false;
    fields[name] = {
      value,
      confidence: flagged ? 0.62 : 0.97,
      needsReview: flagged,
      ...(flagged ? { issues: ['low_confidence'] } : {}),
      source: { page: options.page ?? 1, box: { x: 260, y, width: 340, height: 36 }, raw: String(value ?? '') },
    };
    y += 52;
  }
  return { documentId, indexInFile: 0, type, pages: [options.page ?? 1], fields, typeConfidence: 0.96, ...(options.spans ? { spans: options.spans } : {}) };
}

export interface ClaimOptions {
  submissionId?: string;
  /** Defaults to `case-<submissionId>`; give one per certificate when seeding a batch. */
  caseId?: string;
  /** The certificate level as read; 2 makes the claim eligible (5,000 yuan on 2022 dates). */
  level?: number;
  /** Field names of the certificate left flagged for review. */
  flagged?: string[];
  personName?: string;
  idNumber?: string;
  createdAt?: string;
  /** A training institution's batch: the case belongs to it (institution users see only theirs). */
  institutionId?: string;
  queueStatus?: ReviewCase['status'];
  /** Store the certificate's page image (default true; the bench leaves it out to seed faster). */
  withPageImage?: boolean;
  /** Upsert the employer into the district register (default true; once is enough when seeding many). */
  withEnterprise?: boolean;
  /** Someone else named on the contract and the social-insurance record (a claim mixing persons). */
  otherPerson?: { name: string; idNumber: string };
}

/** The documents of an individual's XH36-3.7.c claim: certificate, ID card, contract, letter of engagement, insurance record. */
export function individualClaimDocuments(
  ids: { certificate: string; idCard: string; contract: string; letter: string; insurance: string },
  options: ClaimOptions = {},
): CaseDocument[] {
  const name = options.personName ?? '王晓明';
  const idNumber = options.idNumber ?? '330106199001011234';
  return [
    document(
      ids.certificate,
      'vocational_certificate',
      {
        holderName: name,
        idNumber,
        occupation: '数控车工',
        level: options.level ?? 2,
        certificateKind: 'qualification',
        certificateNumber: `Q2020-${idNumber.slice(-4)}`,
        issueDate: '2020-11-15',
        issuer: '杭州市职业技能鉴定中心',
      },
      { flagged: options.flagged ?? [] },
    ),
    document(ids.idCard, 'id_card', { name, idNumber, address: '浙江省杭州市西湖区文三路100号', birthDate: '1990-01-01' }),
    document(ids.contract, 'labor_contract', {
      employerName: EMPLOYER,
      employerCreditCode: EMPLOYER_CREDIT_CODE,
      employeeName: options.otherPerson?.name ?? name,
      startDate: '2018-03-01',
      endDate: null,
    }),
    document(ids.letter, 'employment_letter', { employerName: EMPLOYER, employeeName: name, title: '技师', startDate: '2020-11-01', endDate: '2023-10-31' }),
    document(
      ids.insurance,
      'social_insurance_record',
      { personName: options.otherPerson?.name ?? name, idNumber: options.otherPerson?.idNumber ?? idNumber, employerName: EMPLOYER, monthsPaid: 56 },
      {
        spans: [
          { employerName: EMPLOYER, from: '2018-03', to: '2021-06' },
          { employerName: EMPLOYER, from: '2021-08', to: '2022-11' },
        ],
      },
    ),
  ];
}

/** A page image that looks like a scanned certificate, with the fields written where their boxes say. */
export async function certificatePageImage(documentFields: CaseDocument['fields']): Promise<Uint8Array> {
  const labels: Record<string, string> = {
    holderName: '姓名',
    idNumber: '身份证号',
    occupation: '职业',
    level: '等级',
    certificateKind: '类别',
    certificateNumber: '证书编号',
    issueDate: '发证日期',
    issuer: '发证机关',
  };
  const rows = Object.entries(documentFields)
    .map(([name, field]) => {
      const box = field.source?.box;
      if (!box) return '';
      // Printed as a certificate prints it: the kind in words, not the stored code.
      const printed = name === 'certificateKind' ? (CERTIFICATE_KIND_ZH[String(field.value)] ?? String(field.value ?? '')) : String(field.value ?? '');
      return `<text x="80" y="${box.y + 26}" font-size="24" fill="#333">${labels[name] ?? name}</text><text x="${box.x + 6}" y="${box.y + 26}" font-size="24" fill="#111">${printed}</text>`;
    })
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="620"><rect width="800" height="620" fill="#fbf8ef"/><rect x="20" y="20" width="760" height="580" fill="none" stroke="#b22" stroke-width="4"/><text x="400" y="90" font-size="36" text-anchor="middle" font-family="Noto Serif CJK SC" fill="#b22">职业资格证书</text><g font-family="Noto Sans CJK SC">${rows}</g></svg>`;
  return new Uint8Array(await sharp(Buffer.from(svg)).png().toBuffer());
}

/**
 * Seeds one claim the way the pipeline leaves it: document records, the certificate's page image, the case judged by
 * the real rules and created in the store.
 *
 * @example
 * const reviewCase = await seedClaim(stores, { level: 3, flagged: ['level'] });
 */
export async function seedClaim(stores: ReviewStores, options: ClaimOptions = {}): Promise<ReviewCase> {
  const submissionId = options.submissionId ?? `sub-${randomUUID().slice(0, 8)}`;
  const suffix = randomUUID().slice(0, 8);
  const ids = {
    certificate: `doc-cert-${suffix}`,
    idCard: `doc-id-${suffix}`,
    contract: `doc-contract-${suffix}`,
    letter: `doc-letter-${suffix}`,
    insurance: `doc-si-${suffix}`,
  };
  const idNumber = options.idNumber ?? `3301061990${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  const documents = individualClaimDocuments(ids, { ...options, idNumber });
  const createdAt = options.createdAt ?? '2022-11-20T02:00:00.000Z';
  if (options.withEnterprise !== false) await stores.enterprises.upsert([{ creditCode: EMPLOYER_CREDIT_CODE, name: EMPLOYER, district: '西湖区' }]);
  for (const [kind, documentId] of Object.entries(ids)) {
    const record: DocumentRecord = {
      documentId,
      submissionId,
      bucket: stores.bucket,
      key: `incoming/${submissionId}/${kind}.png`,
      sourceVersion: `${documentId}-etag`,
      fileName: `${kind}.png`,
      pageCount: 1,
      status: 'needs_review',
      ...(options.institutionId ? { submitter: options.institutionId } : {}),
      caseIds: [options.caseId ?? `case-${submissionId}`],
      createdAt,
      updatedAt: createdAt,
    };
    await stores.documents.register(record);
  }
  if (options.withPageImage !== false)
    await stores.blobs.put(
      stores.bucket,
      derivedKeys(DERIVED_PREFIX, ids.certificate).preview(1),
      await certificatePageImage(documents[0]!.fields),
      'image/png',
    );
  const judge = createPolicyJudge({ enterprises: stores.enterprises, parameters: shippedParameters() });
  const applicant = { kind: 'individual' } as const;
  const decision = await judge.judge(documents, { submissionId, applicant, claimDate: createdAt.slice(0, 10) });
  const flaggedFieldCount = documents.reduce((n, d) => n + Object.values(d.fields).filter((f) => f.needsReview).length, 0);
  const reviewCase: ReviewCase = {
    caseId: options.caseId ?? `case-${submissionId}`,
    submissionId,
    queue: judge.queueFor(decision),
    status: options.queueStatus ?? 'needs_review',
    applicant,
    personIdNumber: idNumber,
    personName: options.personName ?? '王晓明',
    documents,
    ...(decision ? { decision } : {}),
    flaggedFieldCount,
    ...(options.institutionId ? { institutionId: options.institutionId } : {}),
    version: 0,
    createdAt,
    updatedAt: createdAt,
  };
  const { reviewCase: stored } = await stores.cases.create(
    reviewCase,
    { caseId: reviewCase.caseId, at: createdAt, actor: 'system:process', action: 'create', after: { queue: reviewCase.queue, outcome: decision?.outcome } },
    decision?.claimKeys ?? [],
  );
  return stored;
}

/**
 * The review API over the given stores with the development sign-in (what `functions/api/app.ts` builds from the
 * environment), plus a helper that signs in a seeded user.
 *
 * @example
 * const { api, tokenFor } = reviewApiOver(stores, clock);
 * await api.request('/queues', { headers: { authorization: `Bearer ${await tokenFor('clerk1')}` } });
 */
export function reviewApiOver(stores: ReviewStores, clock: Clock, options: { leaseSeconds?: number; batches?: BatchService } = {}) {
  const batchOwner = options.batches ? (submissionId: string) => options.batches!.ownerOf(submissionId) : undefined;
  const review = new ReviewService({
    cases: stores.cases,
    documents: stores.documents,
    judge: createPolicyJudge({ enterprises: stores.enterprises, parameters: shippedParameters() }),
    clock,
    leaseSeconds: options.leaseSeconds,
    batchOwner,
    storedPage: (documentId, pageNumber) => blobPageCheckpoints(stores.blobs, stores.bucket, DERIVED_PREFIX, documentId).load(pageNumber),
  });
  const pages = new PageImages({ documents: stores.documents, cases: stores.cases, blobs: stores.blobs, derivedPrefix: DERIVED_PREFIX, batchOwner });
  const signIn = new DevSignIn(TEST_SECRET);
  // The case lists need the store's indexes (DynamoDbCaseRepository); over another store `GET /cases` is not routed.
  const search = stores.cases instanceof DynamoDbCaseRepository ? new CaseSearchService({ cases: stores.cases }) : undefined;
  const submissions = new SubmissionService({ documents: stores.documents, cases: stores.cases, emails: stores.emails });
  const api = createReviewApi({
    review,
    pages,
    batches: options.batches,
    submissions,
    reports: new ReportService({ cases: stores.cases, parameters: shippedParameters() }),
    search,
    devSignIn: signIn,
    authenticate: bearerAuthenticator((token) => signIn.verify(token)),
  });
  const tokens = new Map<string, string>();
  const tokenFor = async (username: string) => {
    if (!tokens.has(username)) tokens.set(username, (await signIn.signIn(username)).token);
    return tokens.get(username)!;
  };
  return { api, review, tokenFor, signIn };
}
