import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { S3Client } from '@aws-sdk/client-s3';

/** Region used locally when none is configured (DynamoDB Local and s3rver accept any). */
export const localRegion = 'us-east-1';

export interface ClientOptions {
  /** Overrides the endpoint; otherwise the SDK reads `AWS_ENDPOINT_URL_DYNAMODB` / `AWS_ENDPOINT_URL_S3`. */
  endpoint?: string;
  region?: string;
  /** Total attempts including the first (the SDK's standard retry mode, which backs off on throttling and 5xx). */
  maxAttempts?: number;
  /** When the SDK adds request checksums (`WHEN_SUPPORTED` is the SDK's default; see createPresigningS3Client). */
  requestChecksumCalculation?: 'WHEN_SUPPORTED' | 'WHEN_REQUIRED';
  /** Explicit credentials (the local servers'); otherwise the SDK's chain, or dummy ones against a local endpoint. */
  credentials?: { accessKeyId: string; secretAccessKey: string };
}

/** The keys s3rver checks signatures against; DynamoDB Local accepts any. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

function hasAwsCredentials(): boolean {
  return Boolean(
    process.env.AWS_ACCESS_KEY_ID ||
      process.env.AWS_PROFILE ||
      process.env.AWS_CONTAINER_CREDENTIALS_FULL_URI ||
      process.env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI,
  );
}

/**
 * A DynamoDB document client: plain JS values in and out, undefined attributes dropped. Against a local endpoint
 * without AWS credentials in the environment it uses dummy ones (DynamoDB Local accepts any).
 *
 * @example
 * const db = createDynamoDbDocumentClient({ endpoint: 'http://127.0.0.1:8000' });
 */
export function createDynamoDbDocumentClient(options: ClientOptions = {}): DynamoDBDocumentClient {
  const endpoint = options.endpoint ?? process.env.AWS_ENDPOINT_URL_DYNAMODB;
  const client = new DynamoDBClient({
    region: options.region ?? process.env.AWS_REGION ?? (endpoint ? localRegion : undefined),
    endpoint,
    maxAttempts: options.maxAttempts,
    credentials: options.credentials ?? (endpoint && !hasAwsCredentials() ? { accessKeyId: 'local', secretAccessKey: 'local' } : undefined),
  });
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
    unmarshallOptions: { wrapNumbers: false },
  });
}

/**
 * An S3 client. Against a local endpoint (s3rver) it uses path-style addressing and s3rver's fixed credentials
 * (`S3RVER`/`S3RVER`), because s3rver has no virtual-host buckets and checks signatures.
 *
 * @example
 * const s3 = createS3Client({ endpoint: 'http://127.0.0.1:4569' });
 */
export function createS3Client(options: ClientOptions = {}): S3Client {
  const endpoint = options.endpoint ?? process.env.AWS_ENDPOINT_URL_S3;
  return new S3Client({
    region: options.region ?? process.env.AWS_REGION ?? (endpoint ? localRegion : undefined),
    endpoint,
    forcePathStyle: Boolean(endpoint),
    maxAttempts: options.maxAttempts,
    requestChecksumCalculation: options.requestChecksumCalculation,
    credentials: options.credentials ?? (endpoint && !hasAwsCredentials() ? { ...LOCAL_CREDENTIALS } : undefined),
  });
}

/**
 * An S3 client for presigning browser uploads. Since SDK 3.729 the default `requestChecksumCalculation` is
 * `WHEN_SUPPORTED`: a presigned PutObject/UploadPart then carries `x-amz-sdk-checksum-algorithm=CRC32` and the CRC32
 * of an *empty* body (`x-amz-checksum-crc32=AAAAAA==`), and S3 refuses the browser's real body with BadDigest.
 * `WHEN_REQUIRED` adds a checksum only where the operation demands one, so the URL signs no body checksum; the
 * object's integrity is still checked by S3 against Content-MD5/SigV4 and by the batch report's ETags.
 *
 * @example
 * const signer = new S3UploadUrlSigner(createPresigningS3Client({ region: 'ap-southeast-1' }));
 */
export function createPresigningS3Client(options: ClientOptions = {}): S3Client {
  return createS3Client({ ...options, requestChecksumCalculation: 'WHEN_REQUIRED' });
}
