import { CreateTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillOpenFindingCodes, migrateIndexes } from '../../cli/commands/migrate.js';
import { DynamoDbCaseRepository } from '../../shared/adapters/dynamodb-case-repository.js';
import { createDynamoDbDocumentClient } from '../../shared/adapters/aws-clients.js';
import { createTableInput, indexNames } from '../../shared/adapters/table-design.js';
import { aReviewCase, anAuditEvent } from '../support/fakes/factories.js';
import { individualClaimDocuments } from '../review/review-fixtures.js';
import { caseKeys } from '../../shared/adapters/dynamodb-case-write.js';
import { uniqueName } from '../support/local-aws.js';

/**
 * `intake migrate-indexes` on a table made before the status index carried the list rows (KEYS_ONLY): the index is
 * replaced and backfilled from the items already there, lists keep their rows, and a second run changes nothing.
 */
describe('migrateIndexes against DynamoDB Local', () => {
  const endpoint = process.env.INTAKE_TEST_DYNAMODB_ENDPOINT!;
  const tableName = uniqueName('intake-migrate');
  let client: DynamoDBClient;
  let db: ReturnType<typeof createDynamoDbDocumentClient>;
  beforeAll(async () => {
    client = new DynamoDBClient({ endpoint, region: 'us-east-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } });
    db = createDynamoDbDocumentClient({ endpoint, region: 'us-east-1' });
    const input = createTableInput(tableName);
    // The table as the design made it before: the status index keys only.
    const old = {
      ...input,
      GlobalSecondaryIndexes: input.GlobalSecondaryIndexes.map((index) =>
        index.IndexName === indexNames.status ? { ...index, Projection: { ProjectionType: 'KEYS_ONLY' as const } } : index,
      ),
    };
    await client.send(new CreateTableCommand(old as never));
  });
  afterAll(async () => {
    const { DeleteTableCommand } = await import('@aws-sdk/client-dynamodb');
    await client.send(new DeleteTableCommand({ TableName: tableName })).catch(() => undefined);
    client.destroy();
    db.destroy();
  });

  it('replaces a keys-only status index with the designed one, backfilled; lists keep their rows; a second run changes nothing', async () => {
    const cases = new DynamoDbCaseRepository(db, tableName, { lookupSecret: 'migrate-secret' });
    const created = [];
    for (let i = 0; i < 3; i++) {
      created.push(
        (await cases.create(aReviewCase({ status: 'confirmed', confirmedBy: 'clerk-li', createdAt: `2030-01-0${i + 1}T00:00:00.000Z` }), anAuditEvent('x')))
          .reviewCase,
      );
    }
    // Before: the old index has keys only, and the list reads the cases behind it.
    const before = await cases.listByState('confirmed', { limit: 50 });
    const oldEntry = (
      await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: indexNames.status,
          KeyConditionExpression: 'GSI4PK = :s',
          ExpressionAttributeValues: { ':s': 'STATE#confirmed' },
          Limit: 1,
        }),
      )
    ).Items![0]!;

    const changes = await migrateIndexes(client, tableName, { pollMs: 100 });
    const again = await migrateIndexes(client, tableName, { pollMs: 100 });

    const described = (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table!.GlobalSecondaryIndexes!.find(
      (i) => i.IndexName === indexNames.status,
    )!;
    const newEntry = (
      await db.send(
        new QueryCommand({
          TableName: tableName,
          IndexName: indexNames.status,
          KeyConditionExpression: 'GSI4PK = :s',
          ExpressionAttributeValues: { ':s': 'STATE#confirmed' },
          Limit: 1,
        }),
      )
    ).Items![0]!;
    const after = await cases.listByState('confirmed', { limit: 50 });
    expect(oldEntry.status).toBeUndefined();
    expect(changes).toEqual([{ indexName: indexNames.status, action: 'replaced' }]);
    expect(again).toEqual([]);
    expect(described).toMatchObject({ IndexStatus: 'ACTIVE', Projection: { ProjectionType: 'INCLUDE' } });
    expect(newEntry).toMatchObject({ status: 'confirmed', confirmedBy: 'clerk-li', version: created[2]!.version });
    expect(after.items).toEqual(before.items);
    expect(after.items.map((c) => c.caseId)).toEqual([...created].reverse().map((c) => c.caseId));
  });

  it('notes the open finding on a case item written before the store kept it, leaves the others, and writes nothing the second time', async () => {
    const cases = new DynamoDbCaseRepository(db, tableName, { lookupSecret: 'migrate-secret' });
    const ids = { certificate: 'm-cert', idCard: 'm-id', contract: 'm-contract', letter: 'm-letter', insurance: 'm-insurance' };
    const mixed = (
      await cases.create(
        aReviewCase({
          status: 'needs_review',
          applicant: { kind: 'individual', name: '李四' },
          documents: individualClaimDocuments(ids, { personName: '李四', otherPerson: { name: '周敏', idNumber: '330106198805052345' } }),
        }),
        anAuditEvent('x'),
      )
    ).reviewCase;
    const single = (
      await cases.create(
        aReviewCase({ status: 'needs_review', applicant: { kind: 'individual', name: '王晓明' }, documents: individualClaimDocuments(ids) }),
        anAuditEvent('x'),
      )
    ).reviewCase;
    expect(mixed.openFindingCodes ?? (await cases.get(mixed.caseId))!.openFindingCodes).toEqual(['different_persons']);
    // As the item was before the store kept the codes.
    await db.send(new UpdateCommand({ TableName: tableName, Key: caseKeys.case(mixed.caseId), UpdateExpression: 'REMOVE openFindingCodes' }));
    const rowOf = async (caseId: string) => (await cases.listByState('needs_review', { limit: 100 })).items.find((c) => c.caseId === caseId);
    expect((await rowOf(mixed.caseId))!.openFindingCodes).toBeUndefined();

    const first = await backfillOpenFindingCodes(db, tableName);
    const second = await backfillOpenFindingCodes(db, tableName);

    expect(first.updated).toBe(1);
    expect(second).toEqual({ scanned: first.scanned, updated: 0 });
    expect((await rowOf(mixed.caseId))!.openFindingCodes).toEqual(['different_persons']);
    expect((await rowOf(single.caseId))!.openFindingCodes).toBeUndefined();
    // Derived data: the case's version and its audit trail are as they were.
    expect((await cases.get(mixed.caseId))!.version).toBe(mixed.version);
  });
});
