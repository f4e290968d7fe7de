import { GetObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbBatchStore, DynamoDbCertificateClaims } from '../../shared/adapters/dynamodb-batch-store.js';
import { S3UploadUrlSigner } from '../../shared/adapters/s3-upload-url-signer.js';
import { createBatch, findCrossBatchDuplicates } from '../../shared/batches/index.js';
import { FixedClock } from '../support/fakes/index.js';
import { createTestBucket, createTestTable, type TestBucket, type TestTable } from '../support/local-aws.js';

describe('batch storage (DynamoDB Local + s3rver)', () => {
  let table: TestTable;
  let bucket: TestBucket;

  beforeAll(async () => {
    [table, bucket] = await Promise.all([createTestTable('batches'), createTestBucket('batches')]);
  });
  afterAll(async () => {
    await Promise.all([table.drop(), bucket.drop()]);
  });

  it('creates a batch whose presigned URL accepts the roster upload, and reads the batch back', async () => {
    const batches = new DynamoDbBatchStore(table.db, table.tableName);
    const { batch, uploads } = await createBatch(
      { institutionId: 'inst-1', files: [{ name: 'roster.csv', size: 20, role: 'roster', contentType: 'text/csv' }] },
      {
        batches,
        signer: new S3UploadUrlSigner(bucket.s3),
        clock: new FixedClock('2026-11-27T01:00:00Z'),
        bucket: bucket.bucket,
        newBatchId: () => 'batch-int-1',
      },
    );
    const upload = uploads[0]!;
    if (upload.method !== 'PUT') throw new Error('expected a single PUT');
    const response = await fetch(upload.url, { method: 'PUT', body: '姓名,身份证号,证书编号\n', headers: { 'content-type': 'text/csv' } });
    expect(response.ok).toBe(true);
    const stored = await bucket.s3.send(new GetObjectCommand({ Bucket: bucket.bucket, Key: 'batches/batch-int-1/roster.csv' }));
    expect(await stored.Body!.transformToString()).toContain('证书编号');
    expect(await batches.get('batch-int-1')).toEqual(batch);
  });

  it('lets only the first batch hold a certificate number', async () => {
    const claims = new DynamoDbCertificateClaims(table.db, table.tableName);
    const rows = [{ rowNumber: 3, certificateNumber: 'S000033010000001' }];
    expect(await findCrossBatchDuplicates(rows, 'batch-a', claims)).toEqual([]);
    expect(await findCrossBatchDuplicates(rows, 'batch-a', claims)).toEqual([]);
    expect(await findCrossBatchDuplicates(rows, 'batch-b', claims)).toEqual([
      { certificateNumber: 'S000033010000001', rowNumber: 3, otherBatches: ['batch-a'] },
    ]);
    // Whoever listed it first, both batches see the same finding: the first lister holds nothing.
    expect(await findCrossBatchDuplicates(rows, 'batch-a', claims)).toEqual([
      { certificateNumber: 'S000033010000001', rowNumber: 3, otherBatches: ['batch-b'] },
    ]);
  });
});
