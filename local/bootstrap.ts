import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { CreateBucketCommand, HeadBucketCommand, S3Client } from '@aws-sdk/client-s3';
import { createTableInput, tableDesign } from '../shared/adapters/table-design.js';

/**
 * Creates the intake table (from shared/adapters/table-design.ts) unless it exists, waits until it is ACTIVE, and
 * turns TTL on for leases. Safe to call on every start.
 *
 * @example
 * await ensureTable(new DynamoDBClient({ endpoint, region: 'us-east-1' }), 'intake');
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<{ created: boolean }> {
  let created = false;
  try {
    await client.send(new CreateTableCommand(createTableInput(tableName)));
    created = true;
  } catch (error) {
    // Another starter (or an earlier run with data kept under .data/) created it first: that is the goal.
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1, maxDelay: 2 }, { TableName: tableName });
  const table = await client.send(new DescribeTableCommand({ TableName: tableName }));
  if (table.Table?.TableStatus !== 'ACTIVE') throw new Error(`table ${tableName} is ${table.Table?.TableStatus}, not ACTIVE`);
  // Checked on every start, not only on creation: a start interrupted between the two calls must not leave TTL off.
  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  if (ttl.TimeToLiveDescription?.TimeToLiveStatus !== 'ENABLED' && ttl.TimeToLiveDescription?.TimeToLiveStatus !== 'ENABLING') {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: tableName,
        TimeToLiveSpecification: { AttributeName: tableDesign.timeToLiveAttribute, Enabled: true },
      }),
    );
  }
  return { created };
}

/**
 * Creates the bucket unless it exists (owned by us). Safe to call on every start.
 *
 * @example
 * await ensureBucket(createS3Client({ endpoint }), 'intake');
 */
export async function ensureBucket(client: S3Client, bucket: string): Promise<{ created: boolean }> {
  try {
    await client.send(new HeadBucketCommand({ Bucket: bucket }));
    return { created: false };
  } catch (error) {
    const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
    if (status !== 404) throw error;
  }
  try {
    await client.send(new CreateBucketCommand({ Bucket: bucket }));
    return { created: true };
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'BucketAlreadyOwnedByYou' || name === 'BucketAlreadyExists') return { created: false };
    throw error;
  }
}

/**
 * Creates the table and the buckets the local stack needs, idempotently.
 *
 * @example
 * await bootstrapLocal({ dynamodb, s3, tableName: 'intake', buckets: ['intake'] });
 */
export async function bootstrapLocal(options: { dynamodb: DynamoDBClient; s3: S3Client; tableName: string; buckets: string[] }): Promise<void> {
  await ensureTable(options.dynamodb, options.tableName);
  for (const bucket of options.buckets) await ensureBucket(options.s3, bucket);
}
