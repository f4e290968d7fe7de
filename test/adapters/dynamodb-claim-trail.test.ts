import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoDbCaseRepository } from '../../shared/adapters/dynamodb-case-repository.js';
import { TransactionCounts, runTransaction } from '../../shared/adapters/dynamodb-transactions.js';
import type { TestTable } from '../support/local-aws.js';
import { createTestTable } from '../support/local-aws.js';
import { aReviewCase, anAuditEvent } from '../support/fakes/factories.js';

const at = (second: number) => new Date(Date.UTC(2021, 5, 18, 8, 0, second)).toISOString();
const secret = 'claim-trail-test-secret';

/**
 * A claim reads the case and its audit trail beside its write (DynamoDbCaseLeases.readCaseAndTrail), so the claim's
 * answer needs no read after it (docs/capacity.md, 2026-12-05: the claim's tail); and every transaction is counted
 * with its items, SDK attempts and outcome (the API bench prints the counts).
 */
describe('DynamoDbCaseRepository.trailAtClaim', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await createTestTable('intake-claim-trail');
  });
  afterAll(() => table.drop());

  const repository = () => new DynamoDbCaseRepository(table.db, table.tableName, { lookupSecret: secret });

  async function seedOne(cases: DynamoDbCaseRepository, queue: string) {
    const reviewCase = aReviewCase({ queue, createdAt: at(1), updatedAt: at(1) });
    await cases.create(reviewCase, anAuditEvent(reviewCase.caseId, { at: at(1) }));
    return reviewCase.caseId;
  }

  it('gives a case claimed again after its lease lapsed its whole trail, both claims in order, as a read after would', { timeout: 60_000 }, async () => {
    const cases = repository();
    const queue = `trail-${Math.random().toString(36).slice(2, 8)}`;
    const caseId = await seedOne(cases, queue);
    const first = await cases.claimNext(queue, 'clerk-a', 60, new Date(at(10)));

    // Another instance (no shared memory) takes it over once the lease has lapsed.
    const other = repository();
    const second = await other.claimNext(queue, 'clerk-b', 60, new Date(at(75)));

    expect(second?.caseId).toBe(caseId);
    const trail = other.trailAtClaim(second!);
    expect(trail).toEqual(await repository().audit(caseId));
    expect(trail?.map((e) => [e.action, e.actor])).toEqual([
      ['create', 'system'],
      ['claim', 'clerk-a'],
      ['claim', 'clerk-b'],
    ]);
    // The first claim's snapshot stays what that claim left.
    expect(cases.trailAtClaim(first!)?.map((e) => e.actor)).toEqual(['system', 'clerk-a']);
  });

  it('knows no trail for a case it did not return from a claim', { timeout: 60_000 }, async () => {
    const cases = repository();
    const queue = `trail-${Math.random().toString(36).slice(2, 8)}`;
    const caseId = await seedOne(cases, queue);

    expect(cases.trailAtClaim((await cases.get(caseId))!)).toBeUndefined();
  });

  it('counts each claim transaction with its items, one SDK attempt and its outcome, and a lost condition by its reason', { timeout: 60_000 }, async () => {
    const cases = repository();
    const queue = `trail-${Math.random().toString(36).slice(2, 8)}`;
    const caseId = await seedOne(cases, queue);
    await cases.claimNext(queue, 'clerk-a', 900, new Date(at(10)));

    const claims = cases.transactionCounts.byOperation.get('claim case');
    // The case update, the audit event, the lease and the holder's search key (aReviewCase names a person: one more).
    expect(claims).toMatchObject({ calls: 1, sdkAttempts: 1, sdkRetried: 0, sdkRetryDelayMs: 0, outcomes: { ok: 1 }, othersInFlight: 0, sameInFlight: 0 });
    expect(claims!.items).toBeGreaterThanOrEqual(4);

    const counts = new TransactionCounts();
    const stale = {
      Update: {
        TableName: table.tableName,
        Key: { PK: `CASE#${caseId}`, SK: 'CASE' },
        UpdateExpression: 'SET note = :n',
        ConditionExpression: 'version = :v',
        ExpressionAttributeValues: { ':n': 'x', ':v': 1 },
      },
    };
    await expect(runTransaction(table.db, [stale], 'stale write', 1, { counts })).rejects.toThrow(/ConditionalCheckFailed/);
    expect(counts.byOperation.get('stale write')).toMatchObject({ calls: 1, items: 1, sdkAttempts: 1, outcomes: { ConditionalCheckFailed: 1 } });
  });

  it('counts how many transactions, and how many of the same operation, were in flight when each was sent', { timeout: 60_000 }, async () => {
    const counts = new TransactionCounts();
    const put = (sk: string) => [{ Put: { TableName: table.tableName, Item: { PK: 'IN-FLIGHT', SK: sk } } }];

    // Sent together: the second finds one in flight, the third two (one of them a claim).
    await Promise.all([
      runTransaction(table.db, put('a'), 'claim case', 1, { counts }),
      runTransaction(table.db, put('b'), 'claim case', 1, { counts }),
      runTransaction(table.db, put('c'), 'update case', 1, { counts, countAs: 'update case: confirm' }),
    ]);
    await runTransaction(table.db, put('d'), 'claim case', 1, { counts });

    expect(counts.byOperation.get('claim case')).toMatchObject({ calls: 3, othersInFlight: 1, sameInFlight: 1 });
    expect(counts.byOperation.get('update case: confirm')).toMatchObject({ calls: 1, othersInFlight: 2, sameInFlight: 0 });
  });

  it('counts the attempts and back-off the SDK reports for a call it retried', async () => {
    // The SDK's retry (throttling, TransactionInProgress, 5xx) shows only in $metadata: a client that reports one.
    const retried = { send: async () => ({ $metadata: { attempts: 3, totalRetryDelay: 640 } }) } as unknown as TestTable['db'];
    const counts = new TransactionCounts();
    const seen: number[] = [];

    await runTransaction(retried, [{ Put: { TableName: 't', Item: { PK: 'a', SK: 'b' } } }], 'update case', 6, {
      counts,
      countAs: 'update case: confirm',
      onSent: (sent) => seen.push(sent.sdkAttempts),
    });

    expect(counts.byOperation.get('update case: confirm')).toMatchObject({ calls: 1, items: 1, sdkAttempts: 3, sdkRetried: 1, sdkRetryDelayMs: 640 });
    expect(seen).toEqual([3]);
  });
});
