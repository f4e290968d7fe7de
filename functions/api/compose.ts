/**
 * The review API's composition root: settings, SDK clients and adapters built once per process, wired into the review
 * service and the page images. The Lambda entry (Cognito) and the local app (development sign-in) differ only in how
 * they authenticate and in how page images leave (presigned URL vs bytes). Both serve only the previews process
 * stored (the API carries no mupdf or sharp).
 */
import { DynamoDbBatchStore, DynamoDbCertificateClaims } from '../../shared/adapters/dynamodb-batch-store.js';
import { DynamoDbCaseRepository } from '../../shared/adapters/dynamodb-case-repository.js';
import { DynamoDbDocumentRepository } from '../../shared/adapters/dynamodb-document-repository.js';
import { DynamoDbEmailRecordStore } from '../../shared/adapters/dynamodb-email-record-store.js';
import { DynamoDbEnterpriseRegister } from '../../shared/adapters/dynamodb-enterprise-register.js';
import { S3BlobStore } from '../../shared/adapters/s3-blob-store.js';
import { S3UploadUrlSigner } from '../../shared/adapters/s3-upload-url-signer.js';
import { blobPageCheckpoints } from '../../shared/pipeline/process.js';
import { createPolicyJudge } from '../../shared/pipeline/policy-judge.js';
import {
  systemClock,
  type CaseRepository,
  type Clock,
  type DocumentRepository,
  type EnterpriseRegister,
  type RegisteredEnterprise,
} from '../../shared/ports/index.js';
import { BatchService } from '../../shared/review/batch-service.js';
import { CaseSearchService } from '../../shared/review/case-search-service.js';
import { PageImages } from '../../shared/review/page-images.js';
import { ReportService } from '../../shared/review/report-routes.js';
import { ReviewService } from '../../shared/review/review-service.js';
import type { ReviewApiDeps } from '../../shared/review/router.js';
import { SubmissionService } from '../../shared/review/submission-service.js';
import type { ParameterSet } from '../../shared/policy/parameters.js';
import { lazyClients, rootParameters, rootSettings, type RootOptions } from '../compose/root-options.js';

export interface ReviewDependencies {
  review: ReviewService;
  pages: PageImages;
  cases: CaseRepository;
  documents: DocumentRepository;
  /** Training institutions' batches (`/api/batches…`). */
  batches: BatchService;
  /** What came in under a submission: the e-mail and every file with its state. */
  submissions: SubmissionService;
  /** Staff's case lists and search (`GET /api/cases`). */
  search: CaseSearchService;
  /** The policy parameters the rules and the targets report read. */
  parameters: ParameterSet;
}

export interface ReviewApiRootOptions extends RootOptions {
  /** Page images as presigned S3 URLs (AWS) instead of streamed bytes (local). */
  presignPages: boolean;
  clock?: Clock;
  leaseSeconds?: number;
  /** Batch files above this many bytes upload in parts (default: createBatch's, 32 MiB). */
  multipartThreshold?: number;
  partSize?: number;
}

/**
 * Builds the review API's dependencies from settings (or the environment: `INTAKE_TABLE_NAME`, `INTAKE_BUCKET`) and
 * the host's overrides.
 *
 * @example
 * const deps = composeReviewApi({ presignPages: true });
 */
export function composeReviewApi(options: ReviewApiRootOptions): ReviewDependencies {
  const settings = rootSettings(options);
  const clients = lazyClients(settings, options.endpoints);
  const db = clients.db();
  const s3 = clients.s3();
  const cases = new DynamoDbCaseRepository(db, settings.tableName, { closedCaseRetentionDays: settings.closedCaseRetentionDays });
  const documents = new DynamoDbDocumentRepository(db, settings.tableName);
  const blobs = new S3BlobStore(s3);
  const clock = options.clock ?? systemClock;
  const parameters = rootParameters(settings);
  const batches = new BatchService({
    batches: new DynamoDbBatchStore(db, settings.tableName),
    // Its own client: presigned uploads must not sign an empty-body checksum (createPresigningS3Client).
    signer: new S3UploadUrlSigner(clients.presigning()),
    claims: new DynamoDbCertificateClaims(db, settings.tableName),
    documents,
    cases,
    blobs,
    clock,
    bucket: settings.bucket,
    listKeys: (prefix) => blobs.listKeys(settings.bucket, prefix),
    ...(options.multipartThreshold ? { multipartThreshold: options.multipartThreshold } : {}),
    ...(options.partSize ? { partSize: options.partSize } : {}),
  });
  const batchOwner = (submissionId: string) => batches.ownerOf(submissionId);
  const review = new ReviewService({
    cases,
    documents,
    judge: createPolicyJudge({
      enterprises: cachedRegister(new DynamoDbEnterpriseRegister(db, settings.tableName), 60_000, () => clock.now().getTime()),
      parameters,
    }),
    clock,
    leaseSeconds: options.leaseSeconds,
    batchOwner,
    storedPage: (documentId, pageNumber) => blobPageCheckpoints(blobs, settings.bucket, settings.derivedPrefix, documentId).load(pageNumber),
  });
  const pages = new PageImages({
    documents,
    cases,
    blobs,
    derivedPrefix: settings.derivedPrefix,
    dpi: settings.pagePreviewDpi || undefined,
    batchOwner,
    ...(options.presignPages ? { link: (bucket: string, key: string, seconds: number) => blobs.presignGet(bucket, key, seconds) } : {}),
  });
  const submissions = new SubmissionService({ documents, cases, emails: new DynamoDbEmailRecordStore(db, settings.tableName) });
  return { review, pages, cases, documents, batches, submissions, search: new CaseSearchService({ cases }), parameters };
}

/**
 * What the router serves over `deps`, for both entries: the Lambda handler and the local app add only how a caller
 * is authenticated (Cognito claims or the development sign-in).
 *
 * @example
 * const api = createReviewApi({ ...reviewApiServices(composeReviewApi({ presignPages: true })), authenticate });
 */
export function reviewApiServices(deps: ReviewDependencies): Omit<ReviewApiDeps, 'authenticate' | 'devSignIn' | 'basePath'> {
  return {
    review: deps.review,
    pages: deps.pages,
    batches: deps.batches,
    submissions: deps.submissions,
    reports: new ReportService({ cases: deps.cases, parameters: deps.parameters }),
    search: deps.search,
  };
}

/**
 * The district register with look-ups remembered for `ttlMs`: every correction re-runs the rules, which look the
 * employer up by code and by name, and the register changes a few times a year.
 *
 * @example
 * const register = cachedRegister(new DynamoDbEnterpriseRegister(db, table), 60_000, Date.now);
 */
export function cachedRegister(register: EnterpriseRegister, ttlMs: number, now: () => number): EnterpriseRegister {
  const cache = new Map<string, { at: number; value: RegisteredEnterprise | undefined }>();
  const cached = async (key: string, load: () => Promise<RegisteredEnterprise | undefined>) => {
    const hit = cache.get(key);
    if (hit && now() - hit.at < ttlMs) return hit.value;
    const value = await load();
    if (cache.size >= 5_000) cache.clear();
    cache.set(key, { at: now(), value });
    return value;
  };
  return {
    findByCreditCode: (creditCode) => cached(`code:${creditCode}`, () => register.findByCreditCode(creditCode)),
    findByName: (name) => cached(`name:${name}`, () => register.findByName(name)),
    upsert: async (enterprises) => {
      cache.clear();
      await register.upsert(enterprises);
    },
  };
}
