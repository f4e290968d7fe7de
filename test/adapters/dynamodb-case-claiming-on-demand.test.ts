import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DynamoDbCaseRepository } from '../../shared/adapters/dynamodb-case-repository.js';
import { aReviewCase, anAuditEvent } from '../support/fakes/factories.js';
import { createTestTable, type TestTable } from '../support/local-aws.js';

// Counts the claiming objects built, keeping their behaviour (the real class, subclassed).
const built = vi.hoisted(() => ({ claiming: 0 }));
vi.mock('../../shared/adapters/dynamodb-case-leases.js', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../shared/adapters/dynamodb-case-leases.js')>();
  class CountedLeases extends actual.DynamoDbCaseLeases {
    constructor(...args: ConstructorParameters<typeof actual.DynamoDbCaseLeases>) {
      super(...args);
      built.claiming += 1;
    }
  }
  return { ...actual, DynamoDbCaseLeases: CountedLeases };
});

describe('DynamoDbCaseRepository claiming, built on the first claim', () => {
  let table: TestTable;
  beforeAll(async () => {
    table = await createTestTable();
  });
  afterAll(() => table.drop());

  it('writes and updates cases without building any claiming state (the process function never claims)', async () => {
    built.claiming = 0;
    const cases = new DynamoDbCaseRepository(table.db, table.tableName, { lookupSecret: 'test-secret' });
    const reviewCase = aReviewCase({ queue: 'write-only-queue' });
    const { reviewCase: stored } = await cases.create(reviewCase, anAuditEvent(reviewCase.caseId));
    await cases.update({ ...stored, status: 'needs_review' }, stored.version, anAuditEvent(reviewCase.caseId, { at: '2021-06-18T09:01:00.000Z' }));

    expect(built.claiming).toBe(0);
    expect((await cases.get(reviewCase.caseId))?.status).toBe('needs_review');
  });

  it('builds claiming once, on the first claim, and claims through it from then on', async () => {
    built.claiming = 0;
    const cases = new DynamoDbCaseRepository(table.db, table.tableName, { lookupSecret: 'test-secret' });
    const first = aReviewCase({ queue: 'claim-queue' });
    const second = aReviewCase({ queue: 'claim-queue' });
    await cases.create(first, anAuditEvent(first.caseId));
    await cases.create(second, anAuditEvent(second.caseId));

    const now = new Date('2021-06-18T09:00:00.000Z');
    const a = await cases.claimNext('claim-queue', 'clerk-li', 900, now);
    const b = await cases.claimNext('claim-queue', 'clerk-wang', 900, now);

    expect(built.claiming).toBe(1);
    expect(new Set([a?.caseId, b?.caseId])).toEqual(new Set([first.caseId, second.caseId]));
  });
});
