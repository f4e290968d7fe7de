import { describe, expect, it } from 'vitest';
import { dynamoDbLocalArguments, startDynamoDbLocal } from '../../local/dynamo-local.js';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

describe('DynamoDB Local command line', () => {
  it('runs one shared database with telemetry off, in memory when no data folder is given', () => {
    const args = dynamoDbLocalArguments('/opt/ddb', 8123);
    expect(args).toEqual(expect.arrayContaining(['-sharedDb', '-disableTelemetry', '-inMemory']));
    expect(args.slice(args.indexOf('-port'), args.indexOf('-port') + 2)).toEqual(['-port', '8123']);
    expect(args).toContain('/opt/ddb/DynamoDBLocal.jar');
  });

  it('keeps the data under the given folder instead of in memory', () => {
    const args = dynamoDbLocalArguments('/opt/ddb', 8123, '/var/data/dynamodb');
    expect(args).not.toContain('-inMemory');
    expect(args.slice(args.indexOf('-dbPath'), args.indexOf('-dbPath') + 2)).toEqual(['-dbPath', '/var/data/dynamodb']);
  });

  it('starts the jar from the npm package with its data on disk, answers requests and stops', async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ddb-local-'));
    const db = await startDynamoDbLocal({ dataDir });
    try {
      const client = new DynamoDBClient({ endpoint: db.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
      expect((await client.send(new ListTablesCommand({}))).TableNames).toEqual([]);
      client.destroy();
      // -sharedDb: one database file whatever the credentials and region.
      expect(readdirSync(dataDir)).toContain('shared-local-instance.db');
    } finally {
      await db.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 90_000);
});
