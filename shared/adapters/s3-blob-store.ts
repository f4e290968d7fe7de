import { GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { BlobNotFoundError, type BlobStore } from '../ports/blob-store.js';
import { BlobStoreError, isS3NotFound } from './s3-errors.js';

/**
 * The BlobStore on S3 (or s3rver locally, through a path-style client from createS3Client). A missing object is a
 * BlobNotFoundError; other failures, once the SDK's retries (5xx, throttling) are spent, a BlobStoreError.
 *
 * @example
 * const blobs = new S3BlobStore(createS3Client());
 * const bytes = await blobs.get('intake', 'incoming/s1/证书.pdf');
 */
export class S3BlobStore implements BlobStore {
  constructor(private readonly s3: S3Client) {}

  async get(bucket: string, key: string, versionId?: string): Promise<Uint8Array> {
    return (await this.getWithMetadata(bucket, key, versionId)).bytes;
  }

  async getWithMetadata(bucket: string, key: string, versionId?: string): Promise<{ bytes: Uint8Array; metadata?: Record<string, string> }> {
    try {
      const result = await this.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, ...(versionId ? { VersionId: versionId } : {}) }));
      const bytes = result.Body ? await result.Body.transformToByteArray() : new Uint8Array();
      return { bytes, ...(result.Metadata ? { metadata: result.Metadata } : {}) };
    } catch (error) {
      if (isS3NotFound(error)) throw new BlobNotFoundError(bucket, key, { cause: error });
      throw new BlobStoreError('get', bucket, key, { cause: error });
    }
  }

  async put(bucket: string, key: string, bytes: Uint8Array, contentType?: string, metadata?: Record<string, string>): Promise<void> {
    try {
      await this.s3.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentType: contentType, ContentLength: bytes.byteLength, Metadata: metadata }),
      );
    } catch (error) {
      throw new BlobStoreError('put', bucket, key, { cause: error });
    }
  }

  async head(
    bucket: string,
    key: string,
    versionId?: string,
  ): Promise<{ size: number; eTag?: string; versionId?: string; metadata?: Record<string, string> } | undefined> {
    try {
      const result = await this.s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key, ...(versionId ? { VersionId: versionId } : {}) }));
      return { size: result.ContentLength ?? 0, eTag: result.ETag, versionId: result.VersionId, ...(result.Metadata ? { metadata: result.Metadata } : {}) };
    } catch (error) {
      if (isS3NotFound(error)) return undefined;
      throw new BlobStoreError('head', bucket, key, { cause: error });
    }
  }

  /**
   * A short-lived GET URL for an object (page images for the clerk's page), signed with the client's credentials.
   *
   * @example
   * const url = await blobs.presignGet('intake', 'derived/d1/page-1.png', 300);
   */
  async presignGet(bucket: string, key: string, expiresInSeconds = 300): Promise<string> {
    return getSignedUrl(this.s3, new GetObjectCommand({ Bucket: bucket, Key: key }), { expiresIn: expiresInSeconds });
  }

  /**
   * The keys under a prefix, every page of them (the batch progress checks each stored object has its record).
   *
   * @example
   * const keys = await blobs.listKeys('intake', 'incoming/batch-1/');
   */
  async listKeys(bucket: string, prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    try {
      do {
        const page = await this.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }));
        for (const object of page.Contents ?? []) if (object.Key) keys.push(object.Key);
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    } catch (error) {
      throw new BlobStoreError('list', bucket, prefix, { cause: error });
    }
    return keys;
  }
}
