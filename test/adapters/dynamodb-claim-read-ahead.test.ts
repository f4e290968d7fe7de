import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createDynamoDbDocumentClient } from '../../shared/adapters/aws-clients.js';
import { DynamoDbCaseRepository } from '../../shared/adapters/dynamodb-case-repository.js';
import { aReviewCase, anAuditEvent } from '../support/fakes/factories.js';
import { createTestTable, type TestTable } from '../support/local-aws.js';

const at = (second: number) => new Date(Date.UTC(2021, 5, 18, 8, 0, second)).toISOString();
const secret = 'claim-read-ahead-test-secret';

/**
 * Claims read the queue's next first page ahead of need (DynamoDbCaseLeases.sharedFirstPage): a claim served an
 * answered page with few cases left sends the next read and takes its case from the page it has.
 */
describe('DynamoDbCaseRepository.claimNext reading the first page ahead', () => {
  let table: TestTable;
  let queueSeq = 0;
  const freshQueue = () => `read-ahead-${++queueSeq}-${Math.random().toString(36).slice(2, 8)}`;

  beforeAll(async () => {
    table = await createTestTable('intake-claim-read-ahead');
  });
  afterAll(() => table.drop());
  // Real time stands still (performance.now()), so no page grows old during a test on a busy machine: what a claim reads
  // ahead of depends on the cases left only.
  afterEach(() => {
    vi.useRealTimers();
  });

  async function seedQueue(cases: DynamoDbCaseRepository, queue: string, count: number): Promise<string[]> {
    const ids: string[] = [];
    for (let s = 0; s < count; s++) {
      const reviewCase = aReviewCase({ queue, createdAt: at(s), updatedAt: at(s) });
      ids.push(reviewCase.caseId);
      await cases.create(reviewCase, anAuditEvent(reviewCase.caseId, { at: at(s) }));
    }
    return ids;
  }

  /** A client whose queue-index answers wait, once `hold()` is called, until `release()`; `answered` resolves on the first held one. */
  function holdingClient() {
    const db = createDynamoDbDocumentClient({ endpoint: table.endpoint, region: 'us-east-1' });
    const control = {
      gate: undefined as Promise<void> | undefined,
      answered: Promise.resolve(),
      settled: Promise.resolve(),
      release: () => {},
      hold() {
        let answered = () => {};
        let settled = () => {};
        control.answered = new Promise<void>((resolve) => (answered = resolve));
        control.settled = new Promise<void>((resolve) => (settled = resolve));
        control.gate = new Promise<void>((resolve) => (control.release = resolve));
        const gate = control.gate;
        db.middlewareStack.add(
          (next, context) => async (args) => {
            const result = await next(args);
            // Queue-index reads only (a claim's read of its case and trail, beside its write, is not held).
            const indexRead = (args.input as { IndexName?: string }).IndexName !== undefined;
            if (context.commandName === 'QueryCommand' && indexRead && control.gate === gate) {
              control.gate = undefined;
              answered();
              await gate;
              // The adapter handles the answer on the next turns of the event loop.
              setTimeout(settled, 20);
            }
            return result;
          },
          { step: 'initialize', name: `holdQueueAnswers-${Math.random()}` },
        );
      },
    };
    return { db, control };
  }

  it('takes the oldest cases in order while the next page is read ahead, with one read ahead per page', { timeout: 180_000 }, async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const queue = freshQueue();
    const ids = await seedQueue(new DynamoDbCaseRepository(table.db, table.tableName, { lookupSecret: secret }), queue, 16);
    const cases = new DynamoDbCaseRepository(table.db, table.tableName, { lookupSecret: secret });
    const now = new Date(at(40));

    const claimed: (string | undefined)[] = [];
    for (let i = 0; i < 14; i++) claimed.push((await cases.claimNext(queue, `clerk-${i}`, 900, now))?.caseId);

    expect(claimed).toEqual(ids.slice(0, 14));
    // The first page holds 12 of the 16: once 4 of them are left, the next claim read ahead.
    expect(cases.claimStats.readsAhead).toBe(1);
    expect(cases.claimStats.lostRaces).toBe(0);
    for (const caseId of claimed) expect((await cases.get(caseId!))?.status).toBe('claimed');
  });

  it('waits for a read ahead in flight when its page has grown stale, rather than sending another read', { timeout: 180_000 }, async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const { db, control } = holdingClient();
    const cases = new DynamoDbCaseRepository(db, table.tableName, { lookupSecret: secret });
    const queue = freshQueue();
    const ids = await seedQueue(cases, queue, 3);
    const now = new Date(at(40));
    const first = await cases.claimNext(queue, 'clerk-1', 900, now);
    const readsBefore = cases.claimStats.queueReads;

    // Past half the page's second: the next claim reads ahead (held back here) and takes its case from the page.
    vi.advanceTimersByTime(600);
    control.hold();
    const second = await cases.claimNext(queue, 'clerk-2', 900, now);
    await control.answered;
    // The page is now older than its second; the read ahead is still in flight.
    vi.advanceTimersByTime(500);
    const third = cases.claimNext(queue, 'clerk-3', 900, now);
    control.release();
    const claimed = await third;
    db.destroy();

    expect([first?.caseId, second?.caseId, claimed?.caseId]).toEqual(ids);
    expect(cases.claimStats.queueReads - readsBefore).toBe(1);
    expect(cases.claimStats.readsAhead).toBe(1);
  });

  it('does not use a page read ahead that was answered before a release on this instance', { timeout: 180_000 }, async () => {
    vi.useFakeTimers({ toFake: ['performance'] });
    const { db, control } = holdingClient();
    const cases = new DynamoDbCaseRepository(db, table.tableName, { lookupSecret: secret });
    const queue = freshQueue();
    const ids = await seedQueue(cases, queue, 16);
    const now = new Date(at(40));
    const held = [];
    for (let i = 0; i < 8; i++) held.push((await cases.claimNext(queue, `clerk-${i}`, 900, now))!);
    expect(cases.claimStats.readsAhead).toBe(0);

    // The ninth claim finds 4 cases of the page left: it reads ahead (held back here) and takes its case meanwhile.
    control.hold();
    const ninth = await cases.claimNext(queue, 'clerk-8', 900, now);
    await control.answered;
    expect(cases.claimStats.readsAhead).toBe(1);
    // The read ahead has its answer (without the oldest case, then claimed) when this instance releases that case.
    await cases.update(
      { ...held[0]!, status: 'needs_review', lease: undefined },
      held[0]!.version,
      anAuditEvent(held[0]!.caseId, { at: at(41), action: 'release' }),
    );
    control.release();
    await control.settled;
    const tenth = await cases.claimNext(queue, 'clerk-9', 900, now);
    db.destroy();

    expect(ninth?.caseId).toBe(ids[8]);
    expect(tenth?.caseId).toBe(ids[0]);
  });
});
