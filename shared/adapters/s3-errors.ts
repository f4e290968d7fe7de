/** S3 failed in a way other than a missing object, after the SDK's retries (5xx, throttling, access). */
export class BlobStoreError extends Error {
  constructor(
    readonly operation: string,
    readonly bucket: string,
    readonly key: string,
    options?: { cause?: unknown },
  ) {
    const status = (options?.cause as { $metadata?: { httpStatusCode?: number } } | undefined)?.$metadata?.httpStatusCode;
    super(`S3 ${operation} of s3://${bucket}/${key} failed${status ? ` (HTTP ${status})` : ''}`, options);
    this.name = 'BlobStoreError';
  }
}

/** Whether an S3 error means the object or its bucket is not there. */
export function isS3NotFound(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'NoSuchKey' || error.name === 'NotFound' || error.name === 'NoSuchBucket') return true;
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404;
}
