import { GetCommand, PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COUNTER_SHARDS, caseKeys, findKey } from '../../shared/adapters/dynamodb-case-write.js';
import { DynamoDbCaseRepository } from '../../shared/adapters/dynamodb-case-repository.js';
import { InvalidCursorError } from '../../shared/adapters/dynamodb-errors.js';
import type { ReviewCase } from '../../shared/cases/index.js';
import { VersionConflictError, type CaseListState } from '../../shared/ports/index.js';
import { aCaseDocument, aReviewCase, anAuditEvent } from '../support/fakes/factories.js';
import { createTestTable, type TestTable } from '../support/local-aws.js';

const secret = 'case-lists-secret';
const at = (minute: number) => new Date(Date.UTC(2021, 5, 18, 8, minute)).toISOString();

/** A case with its own person, certificate number and queue, so tests sharing a table do not see each other's. */
function aFreshCase(overrides: Partial<ReviewCase> = {}): ReviewCase {
  const certificateNumber = `S${randomUUID().slice(0, 12).toUpperCase()}`;
  const document = aCaseDocument();
  document.fields.certificateNumber = { value: certificateNumber, confidence: 0.99, needsReview: false, source: { page: 1 } };
  return aReviewCase({ documents: [document], personName: `张${randomUUID().slice(0, 6)}`, personIdNumber: undefined, ...overrides });
}

const certificateOf = (reviewCase: ReviewCase) => String(reviewCase.documents[0]!.fields.certificateNumber!.value);

describe('DynamoDbCaseRepository case lists', () => {
  let table: TestTable;
  let cases: DynamoDbCaseRepository;
  beforeAll(async () => {
    table = await createTestTable();
    cases = new DynamoDbCaseRepository(table.db, table.tableName, { lookupSecret: secret, closedCaseRetentionDays: 30 });
  });
  afterAll(() => table.drop());

  /** Moves a case on as the review service would: the next status with the changes, at `when`. */
  async function move(reviewCase: ReviewCase, changes: Partial<ReviewCase>, action: string, when: string): Promise<ReviewCase> {
    return cases.update({ ...reviewCase, ...changes, updatedAt: when }, reviewCase.version, anAuditEvent(reviewCase.caseId, { action, at: when }));
  }

  describe('counts (issue 14: O(1) queue counts)', () => {
    it('keeps queue and state counts right through create, claim, confirm, approve, reject and a replayed write', async () => {
      const queue = `counted-${randomUUID()}`;
      const baseline = await cases.countStates();
      const delta = async () => {
        const now = await cases.countStates();
        return Object.fromEntries(
          Object.entries(now)
            .map(([state, n]) => [state, n - baseline[state as CaseListState]])
            .filter(([, n]) => n !== 0),
        );
      };
      const first = aFreshCase({ queue, createdAt: at(1) });
      const second = aFreshCase({ queue, createdAt: at(2) });

      await cases.create(first, anAuditEvent(first.caseId));
      await cases.create(second, anAuditEvent(second.caseId));
      const replayed = await cases.create(first, anAuditEvent(first.caseId));
      const afterCreate = { queue: (await cases.countQueues())[queue], states: await delta() };

      const claimed = (await cases.claimNext(queue, 'clerk-li', 900, new Date(at(3))))!;
      const afterClaim = { queue: (await cases.countQueues())[queue], states: await delta() };

      const confirmed = await move(claimed, { status: 'confirmed', lease: undefined, confirmedBy: 'clerk-li' }, 'confirm', at(4));
      // Redelivered: the same change under the version it was made from is refused and moves nothing.
      const stale = await move(claimed, { status: 'confirmed', lease: undefined, confirmedBy: 'clerk-li' }, 'confirm', at(4)).catch((e: unknown) => e);
      const afterConfirm = { queue: (await cases.countQueues())[queue], states: await delta() };

      await move(confirmed, { status: 'approved', approvedBy: 'supervisor-wang' }, 'approve', at(5));
      const secondNow = (await cases.get(second.caseId))!;
      await move(secondNow, { status: 'rejected', rejection: { reason: '证书不符', by: 'clerk-li' } }, 'reject', at(6));
      const atEnd = { queue: (await cases.countQueues())[queue], states: await delta() };

      expect(replayed.created).toBe(false);
      expect(afterCreate).toEqual({ queue: 2, states: { needs_review: 2 } });
      expect(afterClaim).toEqual({ queue: 2, states: { needs_review: 2 } });
      expect(stale).toBeInstanceOf(VersionConflictError);
      expect(afterConfirm).toEqual({ queue: 1, states: { needs_review: 1, confirmed: 1 } });
      // An empty queue leaves the counts; states sum to the cases there are.
      expect(atEnd).toEqual({ queue: undefined, states: { approved: 1, rejected: 1 } });
    });

    it('moves a case between queue counts when it is classified into another queue', async () => {
      const from = `unclassified-${randomUUID()}`;
      const to = `XH36-${randomUUID()}`;
      const reviewCase = (await cases.create(aFreshCase({ queue: from }), anAuditEvent('x'))).reviewCase;

      await move(reviewCase, { queue: to }, 'classify', at(7));
      const counts = await cases.countQueues();

      expect([counts[from], counts[to]]).toEqual([undefined, 1]);
    });

    it('keeps the counts in counter items of eight shard partitions, which sum to the counts read', async () => {
      // Cases of its own, enough that their ids hash to more than one shard (all 24 in one: 8 in 8^24).
      for (let i = 0; i < 24; i++) {
        const reviewCase = aFreshCase({ queue: `sharded-${randomUUID()}` });
        await cases.create(reviewCase, anAuditEvent(reviewCase.caseId));
      }
      const shards = await Promise.all(
        Array.from({ length: COUNTER_SHARDS }, (_, shard) =>
          table.db.send(
            new QueryCommand({ TableName: table.tableName, KeyConditionExpression: 'PK = :pk', ExpressionAttributeValues: { ':pk': `COUNTS#${shard}` } }),
          ),
        ),
      );
      const items = shards.flatMap((page) => page.Items ?? []);
      const summed = items.filter((item) => String(item.SK).startsWith('STATE#')).reduce((n, item) => n + Number(item.count), 0);
      const counted = Object.values(await cases.countStates()).reduce((n, count) => n + count, 0);

      expect(items.every((item) => item.entity === 'counter' && typeof item.count === 'number')).toBe(true);
      expect(shards.filter((page) => (page.Items ?? []).length > 0).length).toBeGreaterThan(1);
      expect(summed).toBe(counted);
    });
  });

  describe('lists by state', () => {
    it('pages a state newest first, claimed cases listed under needs_review, with a cursor', async () => {
      const created: ReviewCase[] = [];
      for (let i = 0; i < 5; i++)
        created.push(
          (await cases.create(aFreshCase({ createdAt: `2031-01-0${i + 1}T00:00:00.000Z`, status: 'awaiting_documents' }), anAuditEvent('x'))).reviewCase,
        );

      const first = await cases.listByState('awaiting_documents', { limit: 3 });
      const second = await cases.listByState('awaiting_documents', { limit: 3, cursor: first.cursor });

      expect(first.items.map((c) => c.caseId)).toEqual([created[4]!, created[3]!, created[2]!].map((c) => c.caseId));
      expect(second.items.map((c) => c.caseId)).toEqual(expect.arrayContaining([created[1]!.caseId, created[0]!.caseId]));
      // A list shows summaries: the documents are not read.
      expect(first.items[0]!.documents).toEqual([]);
      expect(first.items[0]).toMatchObject({ status: 'awaiting_documents', personName: created[4]!.personName });
    });

    it('reads a page of a state in one Query, the index carrying the rows (no BatchGet of the cases)', async () => {
      const sent: string[] = [];
      const counting = { send: (command: { constructor: { name: string } }) => (sent.push(command.constructor.name), table.db.send(command as never)) };
      const listing = new DynamoDbCaseRepository(counting as unknown as typeof table.db, table.tableName, { lookupSecret: secret });
      const stored = (
        await cases.create(
          aFreshCase({ createdAt: '2033-01-01T00:00:00.000Z', status: 'rejected', rejection: { reason: '证书不符', by: 'clerk-li' } }),
          anAuditEvent('x'),
        )
      ).reviewCase;

      const page = await listing.listByState('rejected', { limit: 50 });

      expect(sent).toEqual(['QueryCommand']);
      const { documents: _documents, personIdNumber: _idNumber, ...row } = stored;
      expect(page.items[0]).toEqual({ ...row, documents: [] });
    });

    it('lists a claimed case under needs_review and a closed one under its own state only', async () => {
      const queue = `listed-${randomUUID()}`;
      const reviewCase = (await cases.create(aFreshCase({ queue, createdAt: '2032-01-01T00:00:00.000Z' }), anAuditEvent('x'))).reviewCase;
      const claimed = (await cases.claimNext(queue, 'clerk-zhao', 900, new Date(at(10))))!;
      const waiting = await cases.listByState('needs_review', { limit: 5 });

      await move(claimed, { status: 'declined', lease: undefined }, 'decline', at(11));
      const declined = await cases.listByState('declined', { limit: 5 });
      const waitingAfter = await cases.listByState('needs_review', { limit: 5 });

      expect(waiting.items[0]).toMatchObject({ caseId: reviewCase.caseId, status: 'claimed' });
      expect(declined.items.map((c) => c.caseId)).toContain(reviewCase.caseId);
      expect(waitingAfter.items.map((c) => c.caseId)).not.toContain(reviewCase.caseId);
    });

    it('refuses a cursor of another list', async () => {
      const page = await cases.listByState('awaiting_documents', { limit: 1 });

      await expect(cases.listByState('approved', { cursor: page.cursor })).rejects.toBeInstanceOf(InvalidCursorError);
    });

    it('serves the payments export (listByStatus) from the index, documents included', async () => {
      const reviewCase = (await cases.create(aFreshCase({ status: 'approved', approvedBy: 'supervisor-wang' }), anAuditEvent('x'))).reviewCase;

      const approved = await cases.listByStatus('approved');

      expect(approved.find((c) => c.caseId === reviewCase.caseId)?.documents).toHaveLength(1);
      expect(approved.every((c) => c.status === 'approved')).toBe(true);
    });
  });

  describe('my cases', () => {
    it('lists the cases a clerk holds or confirmed, and drops a lapsed lease taken over by another clerk', async () => {
      const queue = `mine-${randomUUID()}`;
      const mine = `clerk-${randomUUID()}`;
      const other = `clerk-${randomUUID()}`;
      const kept = (await cases.create(aFreshCase({ queue, createdAt: at(20) }), anAuditEvent('x'))).reviewCase;
      const lapsed = (await cases.create(aFreshCase({ queue, createdAt: at(21) }), anAuditEvent('x'))).reviewCase;
      const start = new Date(at(22));

      const held = (await cases.claimNext(queue, mine, 60, start))!;
      await move(held, { status: 'confirmed', lease: undefined, confirmedBy: mine }, 'confirm', at(23));
      await cases.claimNext(queue, mine, 60, start);
      const before = await cases.listHeldBy(mine);
      // The lease on `lapsed` runs out; another clerk claims it.
      const takenOver = await cases.claimNext(queue, other, 60, new Date(start.getTime() + 120_000));
      const after = await cases.listHeldBy(mine);
      const others = await cases.listHeldBy(other);

      expect(held.caseId).toBe(kept.caseId);
      expect(before.items.map((c) => c.caseId).sort()).toEqual([kept.caseId, lapsed.caseId].sort());
      expect(takenOver?.caseId).toBe(lapsed.caseId);
      expect(after.items.map((c) => c.caseId)).toEqual([kept.caseId]);
      expect(others.items.map((c) => c.caseId)).toEqual([lapsed.caseId]);
    });
    it('reads a page of my cases in one Query, the search-key items carrying rows that show the claim and later writes', async () => {
      const sent: string[] = [];
      const counting = { send: (command: { constructor: { name: string } }) => (sent.push(command.constructor.name), table.db.send(command as never)) };
      const listing = new DynamoDbCaseRepository(counting as unknown as typeof table.db, table.tableName, { lookupSecret: secret });
      const queue = `mine-rows-${randomUUID()}`;
      const clerk = `clerk-${randomUUID()}`;
      await cases.create(aFreshCase({ queue, createdAt: at(24) }), anAuditEvent('x'));
      const claimed = (await cases.claimNext(queue, clerk, 900, new Date(at(25))))!;

      const whileClaimed = await listing.listHeldBy(clerk);
      const corrected = await move(claimed, { flaggedFieldCount: 0 }, 'correct', at(26));
      const afterCorrection = await listing.listHeldBy(clerk);

      expect(sent).toEqual(['QueryCommand', 'QueryCommand']);
      const rowOf = ({ documents: _documents, personIdNumber: _idNumber, ...row }: ReviewCase) => ({ ...row, documents: [] });
      expect(whileClaimed.items).toEqual([rowOf(claimed)]);
      expect(whileClaimed.items[0]).toMatchObject({ status: 'claimed', lease: { holder: clerk } });
      expect(afterCorrection.items).toEqual([rowOf(corrected)]);
    });

    it('reads the case behind a search-key item written before the items carried rows', async () => {
      const clerk = `clerk-${randomUUID()}`;
      const reviewCase = (await cases.create(aFreshCase({ status: 'confirmed', confirmedBy: clerk, createdAt: at(27) }), anAuditEvent('x'))).reviewCase;
      const key = findKey('user', clerk, secret);
      // The item as it was written before: keys and the case id only.
      await table.db.send(
        new PutCommand({
          TableName: table.tableName,
          Item: {
            PK: `CASE#${reviewCase.caseId}`,
            SK: key,
            entity: 'case-key',
            caseId: reviewCase.caseId,
            GSI3PK: key,
            GSI3SK: `CASE#${reviewCase.createdAt}#${reviewCase.caseId}`,
          },
        }),
      );

      const mine = await cases.listHeldBy(clerk);

      expect(mine.items).toEqual([
        expect.objectContaining({ caseId: reviewCase.caseId, status: 'confirmed', confirmedBy: clerk, version: reviewCase.version }),
      ]);
    });
  });

  describe('search', () => {
    it('finds a case by its id, ID number, person name and certificate number', async () => {
      const idNumber = `3301061990${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
      const reviewCase = (await cases.create(aFreshCase({ personIdNumber: idNumber }), anAuditEvent('x'))).reviewCase;

      const found = await Promise.all(
        [reviewCase.caseId, idNumber, ` ${reviewCase.personName} `, certificateOf(reviewCase).toLowerCase()].map((term) => cases.search(term)),
      );

      expect(found.map((list) => list.map((c) => c.caseId))).toEqual([[reviewCase.caseId], [reviewCase.caseId], [reviewCase.caseId], [reviewCase.caseId]]);
    });

    it('answers a search from the look-ups themselves: the case by id, one Query per key, no BatchGet of the cases', async () => {
      const sent: string[] = [];
      const counting = { send: (command: { constructor: { name: string } }) => (sent.push(command.constructor.name), table.db.send(command as never)) };
      const searching = new DynamoDbCaseRepository(counting as unknown as typeof table.db, table.tableName, { lookupSecret: secret });
      const idNumber = `3301061990${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
      const reviewCase = (await cases.create(aFreshCase({ personIdNumber: idNumber }), anAuditEvent('x'))).reviewCase;
      const { documents: _documents, personIdNumber: _idNumber, ...row } = reviewCase;

      const byName = await searching.search(reviewCase.personName!);
      const byNameSent = sent.splice(0).sort();
      const byIdNumber = await searching.search(idNumber);
      const byIdNumberSent = sent.splice(0).sort();
      const byId = await searching.search(reviewCase.caseId);

      expect(byNameSent).toEqual(['GetCommand', 'QueryCommand', 'QueryCommand']);
      expect(byIdNumberSent).toEqual(['GetCommand', 'QueryCommand', 'QueryCommand', 'QueryCommand']);
      expect(sent).not.toContain('BatchGetCommand');
      for (const found of [byName, byIdNumber, byId]) expect(found).toEqual([{ ...row, documents: [] }]);
    });

    it('finds a case under a corrected name and no longer under the old one', async () => {
      const reviewCase = (await cases.create(aFreshCase(), anAuditEvent('x'))).reviewCase;
      const oldName = reviewCase.personName!;
      const document = structuredClone(reviewCase.documents[0]!);
      document.fields.holderName = { ...document.fields.holderName!, value: '李四新' };

      await move(reviewCase, { personName: '李四新', documents: [document] }, 'correct', at(30));

      expect((await cases.search(oldName)).map((c) => c.caseId)).toEqual([]);
      expect((await cases.search('李四新')).map((c) => c.caseId)).toContain(reviewCase.caseId);
    });

    it('keeps names, certificate numbers, ID numbers and user ids out of every key', async () => {
      const reviewCase = (await cases.create(aFreshCase({ personIdNumber: '33010619850505123X' }), anAuditEvent('x'))).reviewCase;
      await cases.claimNext(reviewCase.queue, 'clerk-plainname', 900, new Date(at(40)));

      const { Items } = await table.db.send(new ScanCommand({ TableName: table.tableName }));
      const keys = (Items ?? []).flatMap((item) =>
        Object.entries(item)
          .filter(([name]) => /^(PK|SK|GSI\d(PK|SK))$/.test(name) || name === 'findKeys')
          .flatMap(([, v]) => (Array.isArray(v) ? v : [v]))
          .map(String),
      );

      expect(
        keys.some(
          (k) => k.includes(reviewCase.personName!) || k.includes(certificateOf(reviewCase)) || k.includes('330106198505') || k.includes('clerk-plainname'),
        ),
      ).toBe(false);
    });
  });

  describe('retention (INTAKE_CLOSED_CASE_RETENTION_DAYS)', () => {
    const ttlOf = async (caseId: string) => (await table.db.send(new GetCommand({ TableName: table.tableName, Key: caseKeys.case(caseId) }))).Item?.expiresAt;
    const keyTtls = async (caseId: string) => {
      const { Items } = await table.db.send(
        new QueryCommand({
          TableName: table.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :find)',
          ExpressionAttributeValues: { ':pk': caseKeys.case(caseId).PK, ':find': 'FIND#' },
        }),
      );
      return (Items ?? []).map((item) => item.expiresAt);
    };

    it('sets expiresAt 30 days after a case closes, keeps it on later writes, and removes it when re-opened', async () => {
      const reviewCase = (await cases.create(aFreshCase(), anAuditEvent('x'))).reviewCase;
      const openTtl = await ttlOf(reviewCase.caseId);

      const rejected = await move(reviewCase, { status: 'rejected', rejection: { reason: '材料不全', by: 'clerk-li' } }, 'reject', '2021-07-01T00:00:00.000Z');
      const closedTtl = await ttlOf(reviewCase.caseId);
      const closedKeyTtls = await keyTtls(reviewCase.caseId);
      const noted = await move(rejected, { requestedDocuments: ['劳动合同'] }, 'note', '2021-07-05T00:00:00.000Z');
      const laterTtl = await ttlOf(reviewCase.caseId);
      await move(noted, { status: 'needs_review', rejection: undefined }, 'reopen', '2021-07-06T00:00:00.000Z');
      const reopenedTtl = await ttlOf(reviewCase.caseId);
      const reopenedKeyTtls = await keyTtls(reviewCase.caseId);

      const expected = Date.parse('2021-07-01T00:00:00.000Z') / 1000 + 30 * 86_400;
      expect(openTtl).toBeUndefined();
      expect(closedTtl).toBe(expected);
      expect(closedKeyTtls.length).toBeGreaterThan(0);
      expect(closedKeyTtls.every((ttl) => ttl === expected)).toBe(true);
      expect(laterTtl).toBe(expected);
      expect(reopenedTtl).toBeUndefined();
      expect(reopenedKeyTtls.every((ttl) => ttl === undefined)).toBe(true);
    });

    it('gives paid and declined cases a TTL but not approved ones, and none when retention is 0', async () => {
      const keeping = new DynamoDbCaseRepository(table.db, table.tableName, { lookupSecret: secret });
      const [paid, declined, approved] = await Promise.all(
        (['paid', 'declined', 'approved'] as const).map(async (status) => (await cases.create(aFreshCase({ status }), anAuditEvent('x'))).reviewCase),
      );
      const kept = (await keeping.create(aFreshCase({ status: 'paid' }), anAuditEvent('x'))).reviewCase;

      const ttls = await Promise.all([paid, declined, approved, kept].map((c) => ttlOf(c!.caseId)));

      expect(ttls.map((ttl) => typeof ttl)).toEqual(['number', 'number', 'undefined', 'undefined']);
    });
  });
});
