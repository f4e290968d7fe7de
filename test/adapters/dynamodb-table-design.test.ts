import { DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTable } from '../../local/bootstrap.js';
import { createTableInput, indexNames, tableDesign } from '../../shared/adapters/table-design.js';
import { createTestTable, type TestTable } from '../support/local-aws.js';

describe('the table design', () => {
  it('declares every key attribute it indexes, once', () => {
    const input = createTableInput('t');
    const names = input.AttributeDefinitions.map((a) => a.AttributeName);
    expect(new Set(names).size).toBe(names.length);
    expect(names.sort()).toEqual(['GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK', 'GSI4PK', 'GSI4SK', 'PK', 'SK']);
    expect(input.GlobalSecondaryIndexes.map((i) => i.IndexName)).toEqual(Object.values(indexNames));
  });
});

describe('ensureTable against DynamoDB Local', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await createTestTable();
  });
  afterAll(() => table.drop());

  it('creates the table ACTIVE with the four indexes and TTL on expiresAt', async () => {
    const described = await table.client.send(new DescribeTableCommand({ TableName: table.tableName }));
    expect(described.Table?.TableStatus).toBe('ACTIVE');
    expect(described.Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual([
      'lookup-index',
      'queue-index',
      'status-index',
      'submission-index',
    ]);
    const ttl = await table.client.send(new DescribeTimeToLiveCommand({ TableName: table.tableName }));
    expect(ttl.TimeToLiveDescription?.AttributeName).toBe(tableDesign.timeToLiveAttribute);
  });

  it('is idempotent: a second call finds the table and creates nothing', async () => {
    await expect(ensureTable(table.client, table.tableName)).resolves.toEqual({ created: false });
  });
});
