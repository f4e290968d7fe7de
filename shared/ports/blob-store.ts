/** The object does not exist (S3 `NoSuchKey` / `NoSuchBucket`). */
export class BlobNotFoundError extends Error {
  constructor(
    readonly bucket: string,
    readonly key: string,
    options?: { cause?: unknown },
  ) {
    super(`no object s3://${bucket}/${key}`, options);
    this.name = 'BlobNotFoundError';
  }
}

/** Where originals and derived files (page images) live: S3 on AWS, s3rver locally. Adapters: shared/adapters. */
export interface BlobStore {
  /**
   * The object's bytes (of `versionId` when given: a key overwritten since its event must not be read in its place);
   * throws BlobNotFoundError when it does not exist.
   */
  get(bucket: string, key: string, versionId?: string): Promise<Uint8Array>;
  /** As `get`, with the user metadata stored with the object, from the same request (no HEAD beside it). */
  getWithMetadata(bucket: string, key: string, versionId?: string): Promise<{ bytes: Uint8Array; metadata?: Record<string, string> }>;
  /** `metadata`: user metadata stored with the object (S3 `x-amz-meta-*`; names lower-case). */
  put(bucket: string, key: string, bytes: Uint8Array, contentType?: string, metadata?: Record<string, string>): Promise<void>;
  /** Size, version and user metadata of an object, or undefined when it does not exist. */
  head(
    bucket: string,
    key: string,
    versionId?: string,
  ): Promise<{ size: number; eTag?: string; versionId?: string; metadata?: Record<string, string> } | undefined>;
}
