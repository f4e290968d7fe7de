import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { createDynamoDbDocumentClient } from '../../shared/adapters/aws-clients.js';
import { DynamoDbCaseRepository } from '../../shared/adapters/dynamodb-case-repository.js';
import { indexNames } from '../../shared/adapters/table-design.js';
import type { ReviewCase } from '../../shared/cases/index.js';
import { VersionConflictError } from '../../shared/ports/index.js';
import { aCaseDocument, aReviewCase, anAuditEvent } from '../support/fakes/factories.js';
import { createTestTable, type TestTable } from '../support/local-aws.js';

const at = (second: number) => new Date(Date.UTC(2021, 5, 18, 8, 0, second)).toISOString();
const secret = 'claiming-test-secret';

/**
 * The same client, naming each command it sends (GetCommand, TransactWriteCommand, …) in `commands`; a Query of a
 * case's own partition (no index) is named `QueryCommand (case partition)`, apart from the queue-index reads.
 */
function countingClient(db: TestTable['db']): { client: TestTable['db']; commands: string[] } {
  const commands: string[] = [];
  const client = Object.create(db) as TestTable['db'];
  client.send = ((command: { constructor: { name: string }; input?: { IndexName?: string } }) => {
    const name = command.constructor.name;
    commands.push(name === 'QueryCommand' && command.input?.IndexName === undefined ? `${name} (case partition)` : name);
    return db.send(command as never);
  }) as TestTable['db']['send'];
  return { client, commands };
}

// Concurrency against the real DynamoDB Local on two shared cores: generous timeouts, never a loose assertion.
describe('DynamoDbCaseRepository.claimNext under concurrency', () => {
  let table: TestTable;
  let queueSeq = 0;
  const freshQueue = () => `claim-queue-${++queueSeq}-${Math.random().toString(36).slice(2, 8)}`;

  beforeAll(async () => {
    table = await createTestTable('intake-claiming');
  });
  afterAll(() => table.drop());

  const repository = () => new DynamoDbCaseRepository(table.db, table.tableName, { lookupSecret: secret });

  async function seedQueue(cases: DynamoDbCaseRepository, queue: string, count: number, extra: Partial<ReviewCase> = {}): Promise<string[]> {
    const ids: string[] = [];
    for (let s = 0; s < count; s++) {
      const reviewCase = aReviewCase({ queue, createdAt: at(s), updatedAt: at(s), ...extra });
      ids.push(reviewCase.caseId);
      await cases.create(reviewCase, anAuditEvent(reviewCase.caseId, { at: at(s) }));
    }
    return ids;
  }

  async function claimEventsOf(cases: DynamoDbCaseRepository, caseId: string) {
    return (await cases.audit(caseId)).filter((e) => e.action === 'claim');
  }

  it('hands 20 concurrent claims on one instance 20 different cases, none twice, with one queue read and no lost race', { timeout: 180_000 }, async () => {
    const cases = repository();
    const queue = freshQueue();
    const ids = await seedQueue(cases, queue, 25);
    const now = new Date(at(40));

    const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => cases.claimNext(queue, `clerk-${i}`, 900, now)));

    const claimedIds = claims.map((c) => c?.caseId);
    expect(claimedIds.every((id) => id !== undefined)).toBe(true);
    expect(new Set(claimedIds).size).toBe(20);
    // Strictly the 20 oldest: reservations only make the claims pick different cases, not skip older ones.
    expect([...claimedIds].sort()).toEqual(ids.slice(0, 20).sort());
    // One queue read served all twenty: they all asked while it was in flight.
    expect(cases.claimStats).toEqual({ claims: 20, lostRaces: 0, queueReads: 1, readsAhead: 0, leaseTailReads: 1 });
    for (const [i, claimed] of claims.entries()) {
      expect(await cases.get(claimed!.caseId)).toMatchObject({ status: 'claimed', version: 2, lease: { holder: `clerk-${i}` } });
      expect(await claimEventsOf(cases, claimed!.caseId)).toHaveLength(1);
    }
  });

  it('returns the claimed case exactly as a read after the claim would, without reading it after the claim', { timeout: 60_000 }, async () => {
    const { client, commands } = countingClient(table.db);
    const cases = new DynamoDbCaseRepository(client, table.tableName, { lookupSecret: secret });
    const queue = freshQueue();
    await seedQueue(repository(), queue, 2, { documents: [aCaseDocument()] });

    const claimed = await cases.claimNext(queue, 'clerk-once', 900, new Date(at(50)));

    expect(claimed).toEqual(await repository().get(claimed!.caseId));
    expect(claimed).toMatchObject({ status: 'claimed', version: 2, lease: { holder: 'clerk-once' } });
    // The trail as a read after the claim would give it, the claim's event last.
    expect(cases.trailAtClaim(claimed!)).toEqual(await repository().audit(claimed!.caseId));
    expect(cases.trailAtClaim(claimed!)?.map((e) => e.action)).toEqual(['create', 'claim']);
    // The queue read (waiting cases and expired leases), the claim's transaction and one read of the case and its trail
    // sent beside it: nothing after.
    expect(commands.sort()).toEqual(['QueryCommand', 'QueryCommand', 'QueryCommand (case partition)', 'TransactWriteCommand']);
  });

  it(
    'updates a case it just read or wrote without reading it again, and still refuses a version another instance moved past',
    { timeout: 60_000 },
    async () => {
      const { client, commands } = countingClient(table.db);
      const here = new DynamoDbCaseRepository(client, table.tableName, { lookupSecret: secret });
      const elsewhere = repository();
      const queue = freshQueue();
      const [caseId] = await seedQueue(elsewhere, queue, 1);

      const read = (await here.get(caseId!))!;
      commands.length = 0;
      const corrected = await here.update({ ...read, status: 'claimed' }, read.version, anAuditEvent(caseId!, { at: at(51) }));
      const confirmed = await here.update({ ...corrected, status: 'confirmed' }, corrected.version, anAuditEvent(caseId!, { at: at(52) }));
      expect(commands).toEqual(['TransactWriteCommand', 'TransactWriteCommand']);
      expect(await elsewhere.get(caseId!)).toMatchObject({ status: 'confirmed', version: confirmed.version });

      // Another instance moves the case on: this one's stale knowledge cannot overwrite it.
      const moved = (await elsewhere.get(caseId!))!;
      await elsewhere.update({ ...moved, status: 'needs_review' }, moved.version, anAuditEvent(caseId!, { at: at(53) }));
      await expect(here.update({ ...confirmed, status: 'rejected' }, confirmed.version, anAuditEvent(caseId!, { at: at(54) }))).rejects.toBeInstanceOf(
        VersionConflictError,
      );
      expect(await elsewhere.get(caseId!)).toMatchObject({ status: 'needs_review', version: moved.version + 1 });
    },
  );

  it(
    "answers a change's read of the case at the version it last read or wrote without a round trip, and reads for any other version",
    { timeout: 60_000 },
    async () => {
      const { client, commands } = countingClient(table.db);
      const here = new DynamoDbCaseRepository(client, table.tableName, { lookupSecret: secret });
      const elsewhere = repository();
      const [caseId] = await seedQueue(elsewhere, freshQueue(), 1, { documents: [aCaseDocument()] });

      const read = (await here.get(caseId!))!;
      commands.length = 0;
      expect(await here.getAtVersion(caseId!, read.version)).toEqual(read);
      const written = await here.update({ ...read, status: 'claimed' }, read.version, anAuditEvent(caseId!, { at: at(55) }));
      expect(await here.getAtVersion(caseId!, written.version)).toEqual(await elsewhere.get(caseId!));
      expect(commands).toEqual(['TransactWriteCommand']);

      // Moved on by another instance: the version this instance knows is stale, and writing under it is refused.
      await elsewhere.update({ ...written, status: 'needs_review' }, written.version, anAuditEvent(caseId!, { at: at(56) }));
      const stale = (await here.getAtVersion(caseId!, written.version))!;
      await expect(here.update({ ...stale, status: 'confirmed' }, stale.version, anAuditEvent(caseId!, { at: at(57) }))).rejects.toBeInstanceOf(
        VersionConflictError,
      );
      commands.length = 0;
      expect(await here.getAtVersion(caseId!, written.version + 1)).toMatchObject({ status: 'needs_review', version: written.version + 1 });
      expect(commands).toEqual(['GetCommand']);
    },
  );

  it('keeps cases under a lease after the waiting ones in the queue index, so a claim reads past them in one read', { timeout: 180_000 }, async () => {
    const queue = freshQueue();
    const ids = await seedQueue(repository(), queue, 15);
    const now = new Date(at(40));
    const earlier = repository();
    for (let i = 0; i < 13; i++) await earlier.claimNext(queue, `clerk-${i}`, 900, now);

    const listed = (await earlier.listQueue(queue)).items.map((c) => c.caseId);
    const fresh = repository();
    const next = await fresh.claimNext(queue, 'clerk-late', 900, now);

    // Waiting first (oldest first), then the thirteen being worked; the claim gets the oldest waiting case.
    expect(listed.slice(0, 2)).toEqual(ids.slice(13, 15));
    expect([...listed.slice(2)].sort()).toEqual(ids.slice(0, 13).sort());
    expect(next?.caseId).toBe(ids[13]);
    expect(fresh.claimStats).toEqual({ claims: 1, lostRaces: 0, queueReads: 1, readsAhead: 0, leaseTailReads: 1 });
  });

  it('takes over an expired lease before younger waiting cases, read by the expiry in its index key', { timeout: 180_000 }, async () => {
    const queue = freshQueue();
    const ids = await seedQueue(repository(), queue, 3);
    const cases = repository();
    await cases.claimNext(queue, 'clerk-gone', 60, new Date(at(40)));

    const takeover = await repository().claimNext(queue, 'clerk-next', 60, new Date(at(40 + 61)));

    expect(takeover).toMatchObject({ caseId: ids[0], lease: { holder: 'clerk-next' } });
  });

  it('reads the leased tail again only once a lease may have expired: its own, or the earliest running one it read', { timeout: 180_000 }, async () => {
    const queue = freshQueue();
    const ids = await seedQueue(repository(), queue, 6);
    const cases = repository();
    const other = repository();
    // Its own lease (expires at 100 s): the tail it read was empty, so no lease can expire before 100 s.
    expect((await cases.claimNext(queue, 'clerk-a', 60, new Date(at(40))))?.caseId).toBe(ids[0]);
    // Another instance's lease, expiring at 105 s.
    expect((await other.claimNext(queue, 'clerk-b', 60, new Date(at(45))))?.caseId).toBe(ids[1]);
    expect((await cases.claimNext(queue, 'clerk-c', 60, new Date(at(50))))?.caseId).toBe(ids[2]);
    expect(cases.claimStats.leaseTailReads).toBe(1);

    // 101 s: its own lease has lapsed; the tail read finds it, and dates the other instance's lease (105 s).
    expect((await cases.claimNext(queue, 'clerk-d', 60, new Date(at(101))))?.caseId).toBe(ids[0]);
    expect(cases.claimStats.leaseTailReads).toBe(2);
    // 104 s: nothing can have expired yet; the oldest waiting case, without a tail read.
    expect((await cases.claimNext(queue, 'clerk-e', 60, new Date(at(104))))?.caseId).toBe(ids[3]);
    expect(cases.claimStats.leaseTailReads).toBe(2);
    // 106 s: the other instance's lease has lapsed; it is older than the waiting cases, so it comes first.
    expect((await cases.claimNext(queue, 'clerk-f', 60, new Date(at(106))))?.caseId).toBe(ids[1]);
    expect(cases.claimStats.leaseTailReads).toBe(3);
  });

  it('reads the leased tail again when the lease clock goes back before its last read', { timeout: 180_000 }, async () => {
    const queue = freshQueue();
    await seedQueue(repository(), queue, 3);
    const cases = repository();
    await cases.claimNext(queue, 'clerk-a', 900, new Date(at(40)));

    await cases.claimNext(queue, 'clerk-b', 900, new Date(at(30)));

    expect(cases.claimStats.leaseTailReads).toBe(2);
  });

  it('never double-assigns when a claim races another instance (a second repository object on the same table)', { timeout: 180_000 }, async () => {
    const [first, second] = [repository(), repository()];
    const queue = freshQueue();
    const ids = await seedQueue(first, queue, 15);
    const now = new Date(at(40));

    // Both instances go for the same oldest cases at once: only the version condition keeps them apart.
    const claims = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 === 0 ? first : second).claimNext(queue, `clerk-${i}`, 900, now).then((c) => ({ holder: `clerk-${i}`, claimed: c })),
      ),
    );

    const won = claims.filter((c) => c.claimed !== undefined);
    expect(won).toHaveLength(15);
    expect(new Set(won.map((c) => c.claimed!.caseId)).size).toBe(15);
    expect(won.map((c) => c.claimed!.caseId).sort()).toEqual([...ids].sort());
    for (const { holder, claimed } of won) {
      expect(await first.get(claimed!.caseId)).toMatchObject({ status: 'claimed', version: 2, lease: { holder } });
      const events = await claimEventsOf(first, claimed!.caseId);
      expect(events.map((e) => e.actor)).toEqual([holder]);
    }
  });

  it(
    'keeps the documents out of the queue index: its entries carry the list row and search keys, and a claim still gets the whole case',
    { timeout: 60_000 },
    async () => {
      const cases = repository();
      const queue = freshQueue();
      // A case as big as a real one: five documents of forty fields each.
      const documents = Array.from({ length: 5 }, (_, d) => aCaseDocument({ documentId: `doc-${d}` }, 40));
      await cases.create(aReviewCase({ queue, createdAt: at(1), updatedAt: at(1), documents }), anAuditEvent('x'));

      const { Items } = await table.db.send(
        new QueryCommand({
          TableName: table.tableName,
          IndexName: indexNames.queue,
          KeyConditionExpression: 'GSI1PK = :q',
          ExpressionAttributeValues: { ':q': `QUEUE#${queue}` },
        }),
      );
      const claimed = await cases.claimNext(queue, 'clerk-rows', 900, new Date(at(2)));

      expect(Items).toHaveLength(1);
      expect(Object.keys(Items![0]!).filter((name) => name.startsWith('documents'))).toEqual([]);
      expect(Items![0]).toMatchObject({ personName: '王晓明', flaggedFieldCount: 1, findKeys: expect.any(Array) });
      expect(JSON.stringify(Items![0]).length).toBeLessThan(2_000);
      expect(claimed?.documents).toEqual(documents);
    },
  );

  it('keeps the case item small for the claim path: documents of an ordinary case are stored gzipped, and read back whole', { timeout: 60_000 }, async () => {
    const cases = repository();
    const queue = freshQueue();
    const documents = Array.from({ length: 5 }, (_, d) => aCaseDocument({ documentId: `doc-${d}` }, 20));
    const created = (await cases.create(aReviewCase({ queue, createdAt: at(1), updatedAt: at(1), documents }), anAuditEvent('x'))).reviewCase;

    const claimed = await cases.claimNext(queue, 'clerk-small', 900, new Date(at(2)));
    const { Item } = await table.db.send(new GetCommand({ TableName: table.tableName, Key: { PK: `CASE#${created.caseId}`, SK: 'CASE' } }));

    expect(Buffer.byteLength(JSON.stringify(documents))).toBeLessThan(64 * 1024);
    expect(Item?.documents).toBeUndefined();
    expect((Item?.documentsGz as Uint8Array).byteLength).toBeLessThan(Buffer.byteLength(JSON.stringify(documents)) / 2);
    expect(claimed?.documents).toEqual(documents);
    expect((await repository().get(created.caseId))?.documents).toEqual(documents);
  });

  it('writes the claim in place: documents and held claim keys are kept, the lease and version change', async () => {
    const cases = repository();
    const queue = freshQueue();
    const reviewCase = aReviewCase({ queue, documents: [aCaseDocument({ documentId: 'd1' }, 5), aCaseDocument({ documentId: 'd2' }, 5)] });
    const key = { kind: 'unique' as const, key: `XH36-3.7.c#${reviewCase.caseId}`, ruleId: 'XH36-3.7.c' };
    const { reviewCase: created } = await cases.create(reviewCase, anAuditEvent(reviewCase.caseId), [key]);
    const now = new Date(at(50));

    const claimed = (await cases.claimNext(queue, 'clerk-zhao', 600, now))!;
    // An update that does not mention claim keys keeps the held set; emptying it must release the key claimed above.
    const released = await cases.update(
      { ...claimed, status: 'rejected', lease: undefined },
      claimed.version,
      anAuditEvent(reviewCase.caseId, { at: at(51), action: 'reject' }),
      [],
    );
    const other = aReviewCase({ queue: freshQueue() });
    const reuse = await cases.create(other, anAuditEvent(other.caseId), [key]);

    expect(claimed).toEqual({
      ...created,
      status: 'claimed',
      lease: { holder: 'clerk-zhao', expiresAt: new Date(now.getTime() + 600_000).toISOString() },
      updatedAt: now.toISOString(),
      version: 2,
    });
    expect(released.version).toBe(3);
    expect(reuse.created).toBe(true);
  });

  it('does not hand a claim a shared queue read that was answered before a release on this instance', { timeout: 180_000 }, async () => {
    // Queue-index answers are held back until the test lets them through, so the order of events is fixed.
    const db = createDynamoDbDocumentClient({ endpoint: table.endpoint, region: 'us-east-1' });
    let answered = () => {};
    let letThrough = () => {};
    let gate: Promise<void> | undefined;
    db.middlewareStack.add(
      (next, context) => async (args) => {
        const result = await next(args);
        if (context.commandName === 'QueryCommand' && gate) {
          answered();
          await gate;
        }
        return result;
      },
      { step: 'initialize', name: 'holdQueueAnswers' },
    );
    const cases = new DynamoDbCaseRepository(db, table.tableName, { lookupSecret: secret });
    const queue = freshQueue();
    const [oldest, next] = await seedQueue(cases, queue, 2);
    const now = new Date(at(40));
    const held = (await cases.claimNext(queue, 'clerk-a', 900, now))!;
    // A lease clock 2 s on: clerk-b does not reuse clerk-a's answered page, it reads (held back by the gate).
    const later = new Date(now.getTime() + 2_000);

    gate = new Promise<void>((resolve) => (letThrough = resolve));
    const firstAnswer = new Promise<void>((resolve) => (answered = resolve));
    const before = cases.claimNext(queue, 'clerk-b', 900, later);
    await firstAnswer;
    await cases.update({ ...held, status: 'needs_review', lease: undefined }, held.version, anAuditEvent(held.caseId, { at: at(41), action: 'release' }));
    const after = cases.claimNext(queue, 'clerk-c', 900, later);
    letThrough();
    const claims = await Promise.all([before, after]);
    db.destroy();

    expect(held.caseId).toBe(oldest);
    expect(claims.map((c) => c?.caseId).sort()).toEqual([oldest, next].sort());
  });

  it('reuses an answered first page for the claims that follow within a second: one queue read, the oldest cases in order', { timeout: 180_000 }, async () => {
    const seeding = repository();
    const queue = freshQueue();
    const ids = await seedQueue(seeding, queue, 5);
    // Real time held still: on a busy machine three claims could take longer than the page's reuse window.
    vi.useFakeTimers({ toFake: ['performance'] });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const { client, commands } = countingClient(table.db);
    const cases = new DynamoDbCaseRepository(client, table.tableName, { lookupSecret: secret });
    const now = new Date(at(40));

    const claimed = [];
    for (let i = 0; i < 3; i++) claimed.push((await cases.claimNext(queue, `clerk-${i}`, 900, now))?.caseId);

    expect(claimed).toEqual(ids.slice(0, 3));
    // The waiting read and the leased tail's head, once; then only each claim's transaction and read of the case.
    expect(commands.filter((name) => name === 'QueryCommand')).toHaveLength(2);
    expect(commands.filter((name) => name === 'QueryCommand (case partition)')).toHaveLength(3);
    expect(cases.claimStats).toMatchObject({ claims: 3, queueReads: 1, lostRaces: 0 });
  });

  it('does not hand a claim a shared queue read filtered at a lease clock far from its own', { timeout: 180_000 }, async () => {
    const cases = repository();
    const queue = freshQueue();
    const [only] = await seedQueue(cases, queue, 1);
    const start = new Date(at(40));
    await cases.claimNext(queue, 'clerk-a', 60, start);

    const [early, late] = await Promise.all([
      cases.claimNext(queue, 'clerk-b', 60, new Date(start.getTime() + 30_000)),
      cases.claimNext(queue, 'clerk-c', 60, new Date(start.getTime() + 61_000)),
    ]);

    expect(early).toBeUndefined();
    expect(late).toMatchObject({ caseId: only, lease: { holder: 'clerk-c' } });
  });
});
