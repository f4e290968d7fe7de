import { S3BlobStore } from '../../shared/adapters/s3-blob-store.js';
import { DynamoDbCaseRepository } from '../../shared/adapters/dynamodb-case-repository.js';
import { DynamoDbDocumentRepository } from '../../shared/adapters/dynamodb-document-repository.js';
import { DynamoDbEmailRecordStore } from '../../shared/adapters/dynamodb-email-record-store.js';
import { DynamoDbEnterpriseRegister } from '../../shared/adapters/dynamodb-enterprise-register.js';
import { DynamoDbBatchStore, DynamoDbCertificateClaims } from '../../shared/adapters/dynamodb-batch-store.js';
import { S3UploadUrlSigner } from '../../shared/adapters/s3-upload-url-signer.js';
import { BatchService } from '../../shared/review/index.js';
import type { Clock } from '../../shared/ports/index.js';
import { createTestBucket, createTestTable, type TestBucket, type TestTable } from '../support/local-aws.js';
import { reviewApiOver, type ReviewStores } from './review-fixtures.js';

/** A clock the test moves by hand (leases expire when the test says so). */
export function aManualClock(start = '2026-11-27T01:00:00.000Z'): Clock & { advance(seconds: number): void } {
  let now = Date.parse(start);
  return { now: () => new Date(now), advance: (seconds) => (now += seconds * 1000) };
}

export interface ReviewTestEnv {
  stores: ReviewStores;
  table: TestTable;
  bucket: TestBucket;
  /** Present when the env was made with `batches`. */
  batches?: BatchService;
  clock: ReturnType<typeof aManualClock>;
  api: ReturnType<typeof reviewApiOver>['api'];
  /** Calls the API as `user` (none: no token) and returns the status and the parsed JSON body (if JSON). */
  call(method: string, path: string, options?: { user?: string; body?: unknown; token?: string }): Promise<{ status: number; json: any; response: Response }>;
  drop(): Promise<void>;
}

/**
 * A fresh table and bucket in the run's DynamoDB Local and s3rver, the real adapters over them and the review API.
 *
 * @example
 * const env = await reviewTestEnv();
 * const { status } = await env.call('GET', '/queues', { user: 'clerk1' });
 */
export async function reviewTestEnv(
  options: { leaseSeconds?: number; batches?: { multipartThreshold?: number; partSize?: number } } = {},
): Promise<ReviewTestEnv> {
  const [table, bucket] = await Promise.all([createTestTable('review'), createTestBucket('review')]);
  const stores: ReviewStores = {
    cases: new DynamoDbCaseRepository(table.db, table.tableName),
    documents: new DynamoDbDocumentRepository(table.db, table.tableName),
    blobs: new S3BlobStore(bucket.s3),
    enterprises: new DynamoDbEnterpriseRegister(table.db, table.tableName),
    bucket: bucket.bucket,
    emails: new DynamoDbEmailRecordStore(table.db, table.tableName),
  };
  const clock = aManualClock();
  const batches = options.batches
    ? new BatchService({
        batches: new DynamoDbBatchStore(table.db, table.tableName),
        signer: new S3UploadUrlSigner(bucket.s3),
        claims: new DynamoDbCertificateClaims(table.db, table.tableName),
        documents: stores.documents,
        cases: stores.cases,
        blobs: stores.blobs,
        clock,
        bucket: bucket.bucket,
        listKeys: (prefix: string) => new S3BlobStore(bucket.s3).listKeys(bucket.bucket, prefix),
        ...options.batches,
      })
    : undefined;
  const { api, tokenFor } = reviewApiOver(stores, clock, { leaseSeconds: options.leaseSeconds, batches });
  return {
    stores,
    table,
    bucket,
    batches,
    clock,
    api,
    async call(method, path, callOptions = {}) {
      const headers: Record<string, string> = {};
      const token = callOptions.token ?? (callOptions.user ? await tokenFor(callOptions.user) : undefined);
      if (token) headers.authorization = `Bearer ${token}`;
      if (callOptions.body !== undefined) headers['content-type'] = 'application/json';
      const response = await api.request(path, { method, headers, ...(callOptions.body !== undefined ? { body: JSON.stringify(callOptions.body) } : {}) });
      const type = response.headers.get('content-type') ?? '';
      const json = type.includes('application/json') ? await response.clone().json() : undefined;
      return { status: response.status, json, response };
    },
    drop: async () => {
      await Promise.all([table.drop(), bucket.drop()]);
    },
  };
}
