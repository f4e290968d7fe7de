import { GetObjectCommand, NoSuchKey, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3BlobStore } from '../../shared/adapters/s3-blob-store.js';
import { BlobStoreError } from '../../shared/adapters/s3-errors.js';
import { BlobNotFoundError } from '../../shared/ports/index.js';
import { createTestBucket, type TestBucket } from '../support/local-aws.js';
import { StubHttpHandler } from '../support/fakes/stub-http-handler.js';

describe('S3BlobStore against s3rver', () => {
  let bucket: TestBucket;
  let blobs: S3BlobStore;
  beforeAll(async () => {
    bucket = await createTestBucket();
    blobs = new S3BlobStore(bucket.s3);
  });
  afterAll(() => bucket.drop());

  it('stores and reads back bytes under a key with Chinese characters and spaces', async () => {
    const key = 'incoming/sub-1/王晓明 职业资格证书 (1).pdf';
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 0, 255]);

    await blobs.put(bucket.bucket, key, bytes, 'application/pdf');

    expect(await blobs.get(bucket.bucket, key)).toEqual(bytes);
    expect(await blobs.head(bucket.bucket, key)).toMatchObject({ size: bytes.byteLength, eTag: expect.stringMatching(/^"[0-9a-f]{32}"$/) });
  });

  it('stores user metadata with an object and returns it from head, and with the bytes from one GET', async () => {
    const key = 'incoming/sub-m/证书.png';
    await blobs.put(bucket.bucket, key, new Uint8Array([1, 2, 3]), 'image/png', { submitter: encodeURIComponent('西湖职业培训学校') });
    expect((await blobs.head(bucket.bucket, key))?.metadata).toEqual({ submitter: encodeURIComponent('西湖职业培训学校') });
    expect(await blobs.getWithMetadata(bucket.bucket, key)).toEqual({
      bytes: new Uint8Array([1, 2, 3]),
      metadata: { submitter: encodeURIComponent('西湖职业培训学校') },
    });
  });

  it('throws BlobNotFoundError for a missing object and heads it as undefined', async () => {
    await expect(blobs.get(bucket.bucket, 'incoming/none.pdf')).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(blobs.get(bucket.bucket, 'incoming/none.pdf')).rejects.toMatchObject({ bucket: bucket.bucket, key: 'incoming/none.pdf' });
    await expect(blobs.getWithMetadata(bucket.bucket, 'incoming/none.pdf')).rejects.toBeInstanceOf(BlobNotFoundError);
    expect(await blobs.head(bucket.bucket, 'incoming/none.pdf')).toBeUndefined();
  });

  it('signs a GET URL that the server honours', async () => {
    await blobs.put(bucket.bucket, 'derived/d1/page-1.png', new Uint8Array([137, 80, 78, 71]), 'image/png');
    const url = await blobs.presignGet(bucket.bucket, 'derived/d1/page-1.png', 60);
    const response = await fetch(url);
    expect(response.status).toBe(200);
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([137, 80, 78, 71]));
  });
});

describe('S3BlobStore error paths', () => {
  const offline = (handler: StubHttpHandler, maxAttempts = 3) =>
    new S3Client({
      region: 'us-east-1',
      endpoint: 'http://s3.test',
      forcePathStyle: true,
      credentials: { accessKeyId: 'a', secretAccessKey: 'b' },
      requestHandler: handler as never,
      maxAttempts,
    });
  const internalError = {
    statusCode: 500,
    headers: { 'content-type': 'application/xml' },
    body: '<?xml version="1.0"?><Error><Code>InternalError</Code><Message>We encountered an internal error.</Message></Error>',
  };

  it('maps NoSuchKey to BlobNotFoundError with the cause attached', async () => {
    const s3 = new S3Client({ region: 'us-east-1' });
    mockClient(s3)
      .on(GetObjectCommand)
      .rejects(new NoSuchKey({ message: 'The specified key does not exist.', $metadata: { httpStatusCode: 404 } }));

    const error = await new S3BlobStore(s3).get('intake', 'incoming/a.pdf').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BlobNotFoundError);
    expect((error as Error).cause).toBeInstanceOf(NoSuchKey);
  });

  it('asks S3 for the version it is given (s3rver keeps no versions, so the request is checked on a mocked client)', async () => {
    const s3 = new S3Client({ region: 'us-east-1' });
    const mock = mockClient(s3);
    mock.on(GetObjectCommand).resolves({});

    await new S3BlobStore(s3).get('intake', 'incoming/a.pdf', '3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY');
    await new S3BlobStore(s3).get('intake', 'incoming/a.pdf');

    expect(mock.commandCalls(GetObjectCommand).map((call) => call.args[0].input.VersionId)).toEqual(['3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY', undefined]);
  });

  it('retries a 500 (the SDK retry) and returns the object once S3 answers', async () => {
    const handler = new StubHttpHandler([internalError, internalError, { statusCode: 200, headers: { etag: '"abc"' }, body: 'hello' }]);

    const bytes = await new S3BlobStore(offline(handler)).get('intake', 'incoming/a.pdf');

    expect(Buffer.from(bytes).toString()).toBe('hello');
    expect(handler.requests).toBe(3);
  });

  it('gives up after the configured attempts with a BlobStoreError naming the object and status', async () => {
    const handler = new StubHttpHandler([internalError]);

    const error = await new S3BlobStore(offline(handler, 2)).put('intake', 'incoming/a.pdf', new Uint8Array([1])).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(BlobStoreError);
    expect((error as Error).message).toBe('S3 put of s3://intake/incoming/a.pdf failed (HTTP 500)');
    expect((error as Error).cause).toBeInstanceOf(S3ServiceException);
    expect(handler.requests).toBe(2);
  });
});
