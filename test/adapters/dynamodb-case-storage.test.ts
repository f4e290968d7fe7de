import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbCaseRepository } from '../../shared/adapters/dynamodb-case-repository.js';
import { caseKeys } from '../../shared/adapters/dynamodb-case-write.js';
import { InvalidCursorError, ItemTooLargeError } from '../../shared/adapters/dynamodb-errors.js';
import { aCaseDocument, aReviewCase, anAuditEvent } from '../support/fakes/factories.js';
import { createTestTable, type TestTable } from '../support/local-aws.js';

describe('DynamoDbCaseRepository storage layout', () => {
  let table: TestTable;
  let cases: DynamoDbCaseRepository;
  beforeAll(async () => {
    table = await createTestTable();
    cases = new DynamoDbCaseRepository(table.db, table.tableName, { lookupSecret: 'test-secret' });
  });
  afterAll(() => table.drop());

  async function allKeyValues(): Promise<string[]> {
    const { Items } = await table.db.send(new ScanCommand({ TableName: table.tableName }));
    return (Items ?? []).flatMap((item) =>
      ['PK', 'SK', 'GSI1PK', 'GSI1SK', 'GSI2PK', 'GSI2SK', 'GSI3PK', 'GSI3SK'].map((k) => item[k]).filter((v): v is string => typeof v === 'string'),
    );
  }

  it('keeps ID numbers and names out of every key, claim keys included, yet finds the person', async () => {
    const idNumber = '33010619850505123X';
    const reviewCase = aReviewCase({ personIdNumber: idNumber, personName: '赵六' });
    await cases.create(reviewCase, anAuditEvent(reviewCase.caseId), [{ kind: 'unique', key: `XH36-3.7.c#${idNumber}`, ruleId: 'XH36-3.7.c' }]);

    const keys = await allKeyValues();

    expect(keys.some((k) => k.includes('330106198505') || k.includes('赵六'))).toBe(false);
    expect(keys).toContain(cases.personKey(idNumber));
    expect((await cases.listByPerson(idNumber.toLowerCase())).map((c) => c.caseId)).toEqual([reviewCase.caseId]);
  });

  it('stores a lease item with an epoch-seconds TTL while claimed, and deletes it on release', async () => {
    const reviewCase = aReviewCase({ queue: 'lease-queue' });
    await cases.create(reviewCase, anAuditEvent(reviewCase.caseId));
    const now = new Date('2021-06-18T09:00:00.000Z');

    const claimed = (await cases.claimNext('lease-queue', 'clerk-li', 900, now))!;
    const lease = await table.db.send(new GetCommand({ TableName: table.tableName, Key: caseKeys.lease(reviewCase.caseId) }));
    await cases.update(
      { ...claimed, status: 'needs_review', lease: undefined },
      claimed.version,
      anAuditEvent(reviewCase.caseId, { at: '2021-06-18T09:01:00.000Z', action: 'release' }),
    );
    const afterRelease = await table.db.send(new GetCommand({ TableName: table.tableName, Key: caseKeys.lease(reviewCase.caseId) }));

    expect(lease.Item).toMatchObject({ holder: 'clerk-li', expiresAt: now.getTime() / 1000 + 900 });
    expect(afterRelease.Item).toBeUndefined();
  });

  it('compresses the documents of a large case and reads them back unchanged', async () => {
    const documents = Array.from({ length: 45 }, (_, i) => aCaseDocument({ documentId: `doc-${i}`, pages: [i + 1] }, 40));
    const reviewCase = aReviewCase({ documents });
    const jsonBytes = Buffer.byteLength(JSON.stringify(documents));

    await cases.create(reviewCase, anAuditEvent(reviewCase.caseId));
    const { Item } = await table.db.send(new GetCommand({ TableName: table.tableName, Key: caseKeys.case(reviewCase.caseId) }));

    expect(jsonBytes).toBeGreaterThan(400 * 1024);
    expect(Item?.documents).toBeUndefined();
    expect((Item?.documentsGz as Uint8Array).byteLength).toBeLessThan(jsonBytes / 2);
    expect((await cases.get(reviewCase.caseId))?.documents).toEqual(documents);
  });

  it('refuses a case too large even compressed with ItemTooLargeError, writing nothing', async () => {
    // Random bytes do not compress: 20 documents × 40 fields × 800 characters stay over the limit gzipped.
    const documents = Array.from({ length: 20 }, (_, i) =>
      aCaseDocument({
        documentId: `doc-${i}`,
        fields: Object.fromEntries(
          Array.from({ length: 40 }, (_, j) => [`f${j}`, { value: randomBytes(600).toString('base64'), confidence: 0.5, needsReview: false }]),
        ),
      }),
    );
    const reviewCase = aReviewCase({ documents });

    await expect(cases.create(reviewCase, anAuditEvent(reviewCase.caseId))).rejects.toBeInstanceOf(ItemTooLargeError);
    expect(await cases.get(reviewCase.caseId)).toBeUndefined();
  });

  it('refuses a cursor it did not hand out, or one of another queue, with InvalidCursorError', async () => {
    for (let i = 0; i < 3; i++) {
      const c = aReviewCase({ queue: 'cursor-queue', createdAt: `2021-06-18T08:00:0${i}.000Z` });
      await cases.create(c, anAuditEvent(c.caseId));
    }
    const { cursor } = await cases.listQueue('cursor-queue', { limit: 1 });

    await expect(cases.listQueue('any', { cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(cases.listQueue('another-queue', { cursor })).rejects.toBeInstanceOf(InvalidCursorError);
    expect((await cases.listQueue('cursor-queue', { limit: 5, cursor })).items).toHaveLength(2);
  });
});
