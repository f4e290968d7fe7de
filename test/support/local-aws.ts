import { afterAll, beforeAll } from 'vitest';
import { randomBytes } from 'node:crypto';
import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DeleteBucketCommand, DeleteObjectsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDynamoDbDocumentClient, createS3Client } from '../../shared/adapters/aws-clients.js';
import { ensureBucket, ensureTable } from '../../local/bootstrap.js';

function endpointFrom(variable: 'INTAKE_TEST_DYNAMODB_ENDPOINT' | 'INTAKE_TEST_S3_ENDPOINT'): string {
  const endpoint = process.env[variable];
  if (!endpoint) throw new Error(`${variable} is not set: run integration tests through vitest (test/support/global-setup.ts starts the servers)`);
  return endpoint;
}

/** A unique, valid name for a table or bucket (lower case, digits, dashes). */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

export interface TestTable {
  tableName: string;
  endpoint: string;
  /** Low-level client (for CreateTable / DescribeTable and friends). */
  client: DynamoDBClient;
  /** Document client, as the adapters take it. */
  db: DynamoDBDocumentClient;
  /** Deletes the table and closes the clients. */
  drop(): Promise<void>;
}

/**
 * Creates a uniquely named table from shared/adapters/table-design.ts in the run's DynamoDB Local.
 *
 * @example
 * let table: TestTable;
 * beforeAll(async () => { table = await createTestTable(); });
 * afterAll(() => table.drop());
 */
export async function createTestTable(prefix = 'intake-test'): Promise<TestTable> {
  const endpoint = endpointFrom('INTAKE_TEST_DYNAMODB_ENDPOINT');
  const tableName = uniqueName(prefix);
  const client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
  await ensureTable(client, tableName);
  const db = createDynamoDbDocumentClient({ endpoint, region: 'us-east-1' });
  return {
    tableName,
    endpoint,
    client,
    db,
    drop: async () => {
      await client.send(new DeleteTableCommand({ TableName: tableName })).catch(() => undefined);
      client.destroy();
      db.destroy();
    },
  };
}

export interface TestBucket {
  bucket: string;
  endpoint: string;
  s3: S3Client;
  /** Empties and deletes the bucket, closes the client. */
  drop(): Promise<void>;
}

/**
 * Creates a uniquely named bucket in the run's s3rver.
 *
 * @example
 * const { bucket, s3, drop } = await createTestBucket();
 */
export async function createTestBucket(prefix = 'intake-test'): Promise<TestBucket> {
  const endpoint = endpointFrom('INTAKE_TEST_S3_ENDPOINT');
  const bucket = uniqueName(prefix);
  const s3 = createS3Client({ endpoint, region: 'us-east-1' });
  await ensureBucket(s3, bucket);
  return {
    bucket,
    endpoint,
    s3,
    drop: async () => {
      try {
        for (;;) {
          const listed = await s3.send(new ListObjectsV2Command({ Bucket: bucket }));
          const keys = (listed.Contents ?? []).map((o) => ({ Key: o.Key! }));
          if (keys.length === 0) break;
          await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys } }));
        }
        await s3.send(new DeleteBucketCommand({ Bucket: bucket }));
      } catch {
        // The server may already be stopping at the end of the run; the data directory is temporary anyway.
      }
      s3.destroy();
    },
  };
}

/**
 * For the tests of one `describe`: a table and a bucket of their own, named in the environment the CLI and the
 * handlers read (`INTAKE_BUCKET`, `INTAKE_TABLE_NAME`, the SDK endpoint variables); afterwards the environment is put
 * back and both are dropped. Read `table` and `bucket` inside tests (they exist once `beforeAll` ran).
 *
 * @example
 * const stack = useStackEnvironment('email-cli');
 * it('…', async () => { await stack.bucket.s3.send(…); });
 */
export function useStackEnvironment(prefix: string): { table: TestTable; bucket: TestBucket } {
  const stack = {} as { table: TestTable; bucket: TestBucket };
  const saved = { ...process.env };
  beforeAll(async () => {
    [stack.table, stack.bucket] = await Promise.all([createTestTable(prefix), createTestBucket(prefix)]);
    Object.assign(process.env, {
      INTAKE_BUCKET: stack.bucket.bucket,
      INTAKE_TABLE_NAME: stack.table.tableName,
      AWS_ENDPOINT_URL_S3: stack.bucket.endpoint,
      AWS_ENDPOINT_URL_DYNAMODB: stack.table.endpoint,
    });
  });
  afterAll(async () => {
    process.env = saved;
    await Promise.all([stack.table?.drop(), stack.bucket?.drop()]);
  });
  return stack;
}
