import { CompleteMultipartUploadCommand, CreateMultipartUploadCommand, PutObjectCommand, UploadPartCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { UploadUrlSigner } from '../batches/batch.js';

/**
 * Presigned upload URLs for batches (S3 on AWS, s3rver locally). Give it a client made by
 * `createPresigningS3Client` (checksums `WHEN_REQUIRED`): with the SDK's default the URL would sign the CRC32 of an
 * empty body and S3 would refuse the browser's upload.
 *
 * @example
 * const signer = new S3UploadUrlSigner(createPresigningS3Client());
 * await signer.presignPut('intake', 'incoming/batch-1/证书.zip', 'application/zip', 3600);
 */
export class S3UploadUrlSigner implements UploadUrlSigner {
  constructor(private readonly s3: S3Client) {}

  presignPut(bucket: string, key: string, contentType: string, expiresInSeconds: number): Promise<string> {
    return getSignedUrl(this.s3, new PutObjectCommand({ Bucket: bucket, Key: key, ContentType: contentType }), { expiresIn: expiresInSeconds });
  }

  async createMultipartUpload(bucket: string, key: string, contentType: string): Promise<string> {
    const { UploadId } = await this.s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ContentType: contentType }));
    if (!UploadId) throw new Error(`S3 returned no upload id for ${key}`);
    return UploadId;
  }

  presignPart(bucket: string, key: string, uploadId: string, partNumber: number, expiresInSeconds: number): Promise<string> {
    return getSignedUrl(this.s3, new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: uploadId, PartNumber: partNumber }), {
      expiresIn: expiresInSeconds,
    });
  }

  /** Joins the uploaded parts (in part-number order) into the object; S3 then raises the object's created event. */
  async completeMultipartUpload(bucket: string, key: string, uploadId: string, parts: readonly { partNumber: number; eTag: string }[]): Promise<void> {
    const ordered = [...parts].sort((a, b) => a.partNumber - b.partNumber).map((part) => ({ PartNumber: part.partNumber, ETag: part.eTag }));
    await this.s3.send(new CompleteMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId, MultipartUpload: { Parts: ordered } }));
  }
}
