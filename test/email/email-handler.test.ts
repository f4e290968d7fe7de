import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmailHandler } from '../../functions/email/handler.js';
import { DynamoDbEmailRecordStore } from '../../shared/adapters/dynamodb-email-record-store.js';
import { S3BlobStore } from '../../shared/adapters/s3-blob-store.js';
import { toS3EventRecord } from '../../local/s3-event-dispatcher.js';
import { systemClock } from '../../shared/ports/index.js';
import { createTestBucket, createTestTable, type TestBucket, type TestTable } from '../support/local-aws.js';
import { buildMime, pdfBytes } from './mime-factory.js';

describe('email handler (DynamoDB Local + s3rver)', () => {
  let table: TestTable;
  let bucket: TestBucket;

  beforeAll(async () => {
    [table, bucket] = await Promise.all([createTestTable('email'), createTestBucket('email')]);
  });
  afterAll(async () => {
    await Promise.all([table.drop(), bucket.drop()]);
  });

  it('stores the attachments of a raw message under incoming/<emailId>/ and the message record in the table', async () => {
    const emails = new DynamoDbEmailRecordStore(table.db, table.tableName);
    const handler = createEmailHandler(() => ({ blobs: new S3BlobStore(bucket.s3), emails, clock: systemClock, maxFileBytes: 1024 * 1024 }));
    const raw = buildMime({
      from: 'peixun@example.cn',
      subject: '证书',
      subjectCharset: 'GBK',
      body: '请审核',
      attachments: [{ fileName: '证书 扫描.pdf', nameCharset: 'GBK', contentType: 'application/octet-stream', bytes: pdfBytes('s') }],
    });
    const put = await bucket.s3.send(new PutObjectCommand({ Bucket: bucket.bucket, Key: 'email/ses-0001', Body: raw }));
    const event = {
      Records: [
        toS3EventRecord(
          { bucket: bucket.bucket, key: 'email/ses-0001', size: raw.length, eTag: put.ETag!.replace(/"/g, '') },
          { region: 'us-east-1', sequencer: '01' },
        ),
      ],
    };

    const { outcomes } = await handler(event);

    expect(outcomes).toEqual([expect.objectContaining({ kind: 'accepted' })]);
    const emailId = (outcomes[0] as { emailId: string }).emailId;
    const stored = await bucket.s3.send(new GetObjectCommand({ Bucket: bucket.bucket, Key: `incoming/${emailId}/证书 扫描.pdf` }));
    expect(new TextDecoder().decode(await stored.Body!.transformToByteArray())).toContain('% s');
    expect(await emails.get(emailId)).toMatchObject({ status: 'accepted', from: 'peixun@example.cn', subject: '证书', bodyText: '请审核' });
    // Redelivery: nothing new.
    expect((await handler(event)).outcomes).toEqual([{ kind: 'already_done', emailId, status: 'accepted' }]);
  });
});
