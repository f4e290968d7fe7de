import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findKey, findKeysOf, listRowOf } from '../../shared/adapters/dynamodb-case-write.js';
import { DynamoDbCaseRepository } from '../../shared/adapters/dynamodb-case-repository.js';
import type { ReviewCase } from '../../shared/cases/index.js';
import { aCaseDocument, aReviewCase, anAuditEvent } from '../support/fakes/factories.js';
import { createTestTable, type TestTable } from '../support/local-aws.js';

const secret = 'claim-key-rows-secret';
const at = (minute: number) => new Date(Date.UTC(2021, 5, 18, 8, minute)).toISOString();

/** A case with its own person, certificate number and queue, so tests sharing a table do not see each other's. */
function aFreshCase(overrides: Partial<ReviewCase> = {}): ReviewCase {
  const document = aCaseDocument();
  document.fields.certificateNumber = { value: `S${randomUUID().slice(0, 12).toUpperCase()}`, confidence: 0.99, needsReview: false, source: { page: 1 } };
  return aReviewCase({
    documents: [document],
    personName: `张${randomUUID().slice(0, 6)}`,
    queue: `key-rows-${randomUUID()}`,
    createdAt: at(1),
    updatedAt: at(1),
    ...overrides,
  });
}

/**
 * A claim rewrites every search-key item of the case with the claimed case's list row, and puts the holder's key:
 * "my cases" and search read the items, not the case.
 */
describe('DynamoDbCaseRepository.claimNext and the search-key items', () => {
  let table: TestTable;
  let cases: DynamoDbCaseRepository;
  beforeAll(async () => {
    table = await createTestTable('intake-claim-key-rows');
    cases = new DynamoDbCaseRepository(table.db, table.tableName, { lookupSecret: secret });
  });
  afterAll(() => table.drop());

  async function keyItem(caseId: string, key: string) {
    return (await table.db.send(new GetCommand({ TableName: table.tableName, Key: { PK: `CASE#${caseId}`, SK: key }, ConsistentRead: true }))).Item;
  }

  /** What a key item carries besides its keys: the row. */
  const rowOf = (item: Record<string, unknown> | undefined) => {
    const { PK: _pk, SK: _sk, entity: _entity, GSI3PK: _gsi3pk, GSI3SK: _gsi3sk, ...row } = item ?? {};
    return row;
  };

  it('leaves every key item with the claimed case row, the holder key included', async () => {
    const created = (await cases.create(aFreshCase(), anAuditEvent('x'))).reviewCase;
    const held = findKeysOf(created, secret);
    const clerk = `clerk-${randomUUID()}`;

    const claimed = (await cases.claimNext(created.queue, clerk, 900, new Date(at(2)), '王经办'))!;

    expect(claimed).toMatchObject({ caseId: created.caseId, status: 'claimed', version: created.version + 1, lease: { holder: clerk, holderName: '王经办' } });
    const expected = listRowOf(claimed);
    for (const key of [...held, findKey('user', clerk, secret)]) expect(rowOf(await keyItem(created.caseId, key))).toEqual(expected);
    expect((await cases.listHeldBy(clerk)).items.map((c) => c.caseId)).toEqual([created.caseId]);
    expect((await cases.search(created.personName!)).map((c) => ({ status: c.status, lease: c.lease }))).toEqual([{ status: 'claimed', lease: claimed.lease }]);
  });

  it('writes the row into a key item written before the items carried rows', async () => {
    const created = (await cases.create(aFreshCase(), anAuditEvent('x'))).reviewCase;
    const nameKey = findKey('name', created.personName!, secret);
    // The item as it was written before: keys and the case id only.
    await table.db.send(
      new PutCommand({
        TableName: table.tableName,
        Item: {
          PK: `CASE#${created.caseId}`,
          SK: nameKey,
          entity: 'case-key',
          caseId: created.caseId,
          GSI3PK: nameKey,
          GSI3SK: `CASE#${created.createdAt}#${created.caseId}`,
        },
      }),
    );
    const claiming = new DynamoDbCaseRepository(table.db, table.tableName, { lookupSecret: secret });
    const clerk = `clerk-${randomUUID()}`;

    const claimed = (await claiming.claimNext(created.queue, clerk, 900, new Date(at(3))))!;

    expect(claimed).toMatchObject({ caseId: created.caseId, status: 'claimed', lease: { holder: clerk } });
    expect(claiming.claimStats).toMatchObject({ claims: 1, lostRaces: 0 });
    expect(rowOf(await keyItem(created.caseId, nameKey))).toEqual(listRowOf(claimed));
    expect((await claiming.audit(created.caseId)).filter((e) => e.action === 'claim')).toHaveLength(1);
  });
});
