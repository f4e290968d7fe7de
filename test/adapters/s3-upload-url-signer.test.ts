import { describe, expect, it } from 'vitest';
import { createPresigningS3Client, createS3Client } from '../../shared/adapters/aws-clients.js';
import { S3UploadUrlSigner } from '../../shared/adapters/s3-upload-url-signer.js';

const options = { region: 'ap-southeast-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'example-secret' } };

const queryOf = (url: string) => new URL(url).searchParams;

describe('S3UploadUrlSigner', () => {
  it('signs browser uploads with no body checksum in the URL, so S3 accepts the real body', async () => {
    const signer = new S3UploadUrlSigner(createPresigningS3Client(options));

    const put = queryOf(await signer.presignPut('intake-bucket', 'incoming/batch-1/证书.zip', 'application/zip', 900));
    const part = queryOf(await signer.presignPart('intake-bucket', 'incoming/batch-1/证书.zip', 'upload-1', 2, 900));

    for (const query of [put, part]) {
      const checksumKeys = [...query.keys()].filter((key) => /checksum/i.test(key));
      expect(checksumKeys).toEqual([]);
      expect(query.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
      expect(query.get('X-Amz-Expires')).toBe('900');
    }
    expect(part.get('partNumber')).toBe('2');
    expect(part.get('uploadId')).toBe('upload-1');
  });

  it('would sign the CRC32 of an empty body with the SDK default client (the reason for the presigning client)', async () => {
    const signer = new S3UploadUrlSigner(createS3Client(options));

    const put = queryOf(await signer.presignPut('intake-bucket', 'incoming/batch-1/证书.zip', 'application/zip', 900));

    // CRC32 of zero bytes: a browser PUT of a real file would be refused with BadDigest.
    expect(put.get('x-amz-checksum-crc32')).toBe('AAAAAA==');
  });
});
