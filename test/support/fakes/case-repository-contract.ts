import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ClaimKey } from '../../../shared/policy/decision.js';
import {
  CaseNotFoundError,
  ClaimKeyTakenError,
  DocumentNotFoundError,
  VersionConflictError,
  type CaseRepository,
  type DocumentRepository,
} from '../../../shared/ports/index.js';
import { aDocumentRecord, aReviewCase, anAuditEvent } from './factories.js';

/** What a contract run needs: a fresh, empty repository and a way to throw it away. */
export interface RepositoryFixture<T> {
  repository: T;
  dispose(): Promise<void>;
  /** The documents of the same store, where a case write's DocumentSettlement lands (case repositories only). */
  documents?: DocumentRepository;
}

const at = (second: number) => new Date(Date.UTC(2021, 5, 18, 8, 0, second)).toISOString();

/**
 * The behaviours every CaseRepository must show, run against the in-memory fake and against DynamoDB Local, so the
 * fake domain tests rely on cannot drift from the real store.
 *
 * @example
 * describeCaseRepositoryContract('DynamoDbCaseRepository', async () => ({ repository, dispose }));
 */
export function describeCaseRepositoryContract(name: string, open: () => Promise<RepositoryFixture<CaseRepository>>): void {
  describe(`${name} (CaseRepository contract)`, () => {
    let cases: CaseRepository;
    let fixture: RepositoryFixture<CaseRepository>;
    let queueSeq = 0;
    // Each test works in its own queue / submission / person, so tests share one repository without interfering.
    const freshQueue = () => `queue-${++queueSeq}-${Math.random().toString(36).slice(2, 8)}`;

    beforeAll(async () => {
      fixture = await open();
      cases = fixture.repository;
    });
    afterAll(() => fixture.dispose());

    it('creates a case at version 1 with its audit event, and a second create of the same id creates nothing', async () => {
      const reviewCase = aReviewCase({ queue: freshQueue() });
      const first = await cases.create(reviewCase, anAuditEvent(reviewCase.caseId));
      const again = await cases.create({ ...reviewCase, personName: '李四' }, anAuditEvent(reviewCase.caseId, { at: at(5) }));

      expect(first).toMatchObject({ created: true, reviewCase: { caseId: reviewCase.caseId, version: 1 } });
      expect(again.created).toBe(false);
      expect(again.reviewCase).toEqual(first.reviewCase);
      expect(await cases.get(reviewCase.caseId)).toEqual(first.reviewCase);
      expect(await cases.audit(reviewCase.caseId)).toHaveLength(1);
    });

    it('round-trips every field of a case, documents and decision included', async () => {
      const reviewCase = aReviewCase({
        queue: freshQueue(),
        applicant: { kind: 'individual', id: 'p1', name: '王晓明' },
        decision: {
          programme: 'XH36-3.7.c',
          outcome: 'eligible',
          amountYuan: 5000,
          reasons: [{ ruleId: 'XH36-3.7.c', zh: '符合条件', en: 'eligible' }],
          missingDocuments: [],
          trace: [{ fact: 'level', value: 2, documentId: 'doc-1', field: 'level' }],
          unconfirmedParameters: [],
          claimKeys: [],
          evaluatedOn: '2021-06-18',
        },
      });
      const { reviewCase: stored } = await cases.create(reviewCase, anAuditEvent(reviewCase.caseId));
      expect(stored).toEqual({ ...reviewCase, version: 1 });
      expect(await cases.get(reviewCase.caseId)).toEqual({ ...reviewCase, version: 1 });
    });

    it('updates on the expected version, bumps it and appends an audit event each time', async () => {
      const reviewCase = aReviewCase({ queue: freshQueue() });
      const { reviewCase: v1 } = await cases.create(reviewCase, anAuditEvent(reviewCase.caseId, { at: at(0) }));
      const v2 = await cases.update(
        { ...v1, personName: '王小明' },
        1,
        anAuditEvent(reviewCase.caseId, { at: at(1), actor: 'clerk-li', action: 'correct', before: { personName: '王晓明' }, after: { personName: '王小明' } }),
      );
      const v3 = await cases.update(
        { ...v2, status: 'confirmed', confirmedBy: 'clerk-li' },
        2,
        anAuditEvent(reviewCase.caseId, { at: at(2), actor: 'clerk-li', action: 'confirm' }),
      );

      expect([v2.version, v3.version]).toEqual([2, 3]);
      expect(await cases.get(reviewCase.caseId)).toMatchObject({ version: 3, status: 'confirmed', personName: '王小明' });
      const trail = await cases.audit(reviewCase.caseId);
      expect(trail.map((e) => e.action)).toEqual(['create', 'correct', 'confirm']);
      expect(trail[1]).toMatchObject({ actor: 'clerk-li', before: { personName: '王晓明' }, after: { personName: '王小明' } });
    });

    it('gives the case at the version a change names: the stored case, or undefined for none', async () => {
      const reviewCase = aReviewCase({ queue: freshQueue() });
      const { reviewCase: v1 } = await cases.create(reviewCase, anAuditEvent(reviewCase.caseId));
      const v2 = await cases.update({ ...v1, personName: '王小明' }, 1, anAuditEvent(reviewCase.caseId, { at: at(1), action: 'correct' }));

      expect(await cases.getAtVersion(reviewCase.caseId, 2)).toEqual(await cases.get(reviewCase.caseId));
      expect(await cases.getAtVersion(reviewCase.caseId, 2)).toMatchObject({ version: v2.version, personName: '王小明' });
      expect(await cases.getAtVersion('case-none', 1)).toBeUndefined();
    });

    it('writes a document settlement with the case or not at all: created, lost to an existing case, stale, or for no record', async () => {
      const documents = fixture.documents!;
      const record = aDocumentRecord({ status: 'processing' });
      await documents.register(record);
      const settle = (status: 'processed' | 'needs_review') => ({ documentId: record.documentId, changes: { status, caseIds: ['c'], pagesDone: 1 } });
      const reviewCase = aReviewCase({ queue: freshQueue() });

      const { reviewCase: v1 } = await cases.create(reviewCase, anAuditEvent(reviewCase.caseId), [], settle('needs_review'));
      expect(await documents.get(record.documentId)).toMatchObject({ status: 'needs_review', caseIds: ['c'], pagesDone: 1 });

      await documents.update(record.documentId, { status: 'processing' });
      expect((await cases.create(reviewCase, anAuditEvent(reviewCase.caseId), [], settle('processed'))).created).toBe(false);
      await cases.update({ ...v1, personName: '第一位' }, 1, anAuditEvent(reviewCase.caseId, { at: at(1) }));
      await expect(
        cases.update({ ...v1, personName: '第二位' }, 1, anAuditEvent(reviewCase.caseId, { at: at(2) }), undefined, settle('processed')),
      ).rejects.toBeInstanceOf(VersionConflictError);
      expect((await documents.get(record.documentId))?.status).toBe('processing');

      await cases.update({ ...v1, personName: '第三位' }, 2, anAuditEvent(reviewCase.caseId, { at: at(3) }), undefined, settle('processed'));
      expect((await documents.get(record.documentId))?.status).toBe('processed');

      const orphan = aReviewCase({ queue: freshQueue() });
      await expect(cases.create(orphan, anAuditEvent(orphan.caseId), [], { documentId: 'doc-none', changes: { status: 'processed' } })).rejects.toBeInstanceOf(
        DocumentNotFoundError,
      );
      expect(await cases.get(orphan.caseId)).toBeUndefined();
    });

    it('refuses a write on a stale version with VersionConflictError and overwrites nothing', async () => {
      const reviewCase = aReviewCase({ queue: freshQueue() });
      const { reviewCase: v1 } = await cases.create(reviewCase, anAuditEvent(reviewCase.caseId));
      await cases.update({ ...v1, personName: '第一位' }, 1, anAuditEvent(reviewCase.caseId, { at: at(1), action: 'correct' }));

      const stale = cases.update({ ...v1, personName: '第二位' }, 1, anAuditEvent(reviewCase.caseId, { at: at(2), action: 'correct' }));

      await expect(stale).rejects.toBeInstanceOf(VersionConflictError);
      await expect(stale).rejects.toMatchObject({ caseId: reviewCase.caseId, expectedVersion: 1 });
      expect(await cases.get(reviewCase.caseId)).toMatchObject({ personName: '第一位', version: 2 });
      expect(await cases.audit(reviewCase.caseId)).toHaveLength(2);
    });

    it('lets exactly one of two concurrent updates on the same version win', async () => {
      const reviewCase = aReviewCase({ queue: freshQueue() });
      const { reviewCase: v1 } = await cases.create(reviewCase, anAuditEvent(reviewCase.caseId));
      const results = await Promise.allSettled(
        ['甲', '乙'].map((who, i) => cases.update({ ...v1, personName: who }, 1, anAuditEvent(reviewCase.caseId, { at: at(1 + i), action: 'correct' }))),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason).toBeInstanceOf(VersionConflictError);
      expect((await cases.get(reviewCase.caseId))?.version).toBe(2);
    });

    it('refuses to update a case that does not exist with CaseNotFoundError', async () => {
      const ghost = aReviewCase();
      await expect(cases.update(ghost, 1, anAuditEvent(ghost.caseId))).rejects.toBeInstanceOf(CaseNotFoundError);
    });

    it('lists a queue oldest first, page by page with a cursor, and only cases still waiting', async () => {
      const queue = freshQueue();
      const seconds = [4, 1, 3, 0, 2];
      for (const s of seconds) {
        const c = aReviewCase({ queue, caseId: `case-${queue}-${s}`, createdAt: at(s), updatedAt: at(s) });
        await cases.create(c, anAuditEvent(c.caseId, { at: at(s) }));
      }
      const done = await cases.get(`case-${queue}-3`);
      await cases.update({ ...done!, status: 'confirmed' }, 1, anAuditEvent(done!.caseId, { at: at(10), action: 'confirm' }));

      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = await cases.listQueue(queue, { limit: 2, cursor });
        seen.push(...page.items.map((c) => c.caseId));
        cursor = page.cursor;
        pages++;
      } while (cursor && pages < 10);

      expect(seen).toEqual([0, 1, 2, 4].map((s) => `case-${queue}-${s}`));
      expect(pages).toBeGreaterThanOrEqual(2);
      expect((await cases.countQueues())[queue]).toBe(4);
    });

    // Concurrency against a real store on two shared cores: allow for a slow machine, never for a wrong answer.
    it('gives 20 concurrent claimers of a 10-case queue each case exactly once', { timeout: 180_000 }, async () => {
      const queue = freshQueue();
      const ids: string[] = [];
      for (let s = 0; s < 10; s++) {
        const c = aReviewCase({ queue, createdAt: at(s), updatedAt: at(s) });
        ids.push(c.caseId);
        await cases.create(c, anAuditEvent(c.caseId, { at: at(s) }));
      }
      const now = new Date(at(30));

      const claims = await Promise.all(Array.from({ length: 20 }, (_, i) => cases.claimNext(queue, `clerk-${i}`, 900, now)));

      const claimed = claims.filter((c) => c !== undefined);
      const claimedIds = claimed.map((c) => c.caseId);
      expect(new Set(claimedIds).size).toBe(claimedIds.length);
      expect(claimedIds.sort()).toEqual([...ids].sort());
      for (const c of claimed) {
        const stored = await cases.get(c.caseId);
        expect(stored).toMatchObject({ status: 'claimed', version: 2, lease: { holder: c.lease!.holder } });
      }
      expect(await cases.claimNext(queue, 'clerk-late', 900, now)).toBeUndefined();
    });

    it('claims the oldest waiting case, skips a live lease and takes over an expired one, auditing the claim', async () => {
      const queue = freshQueue();
      const older = aReviewCase({ queue, createdAt: at(0) });
      const newer = aReviewCase({ queue, createdAt: at(1) });
      await cases.create(older, anAuditEvent(older.caseId));
      await cases.create(newer, anAuditEvent(newer.caseId));
      const start = new Date(at(10));

      const first = await cases.claimNext(queue, 'clerk-a', 60, start);
      const second = await cases.claimNext(queue, 'clerk-b', 60, start);
      const none = await cases.claimNext(queue, 'clerk-c', 60, new Date(start.getTime() + 30_000));
      const takeover = await cases.claimNext(queue, 'clerk-c', 60, new Date(start.getTime() + 61_000));

      expect(first).toMatchObject({
        caseId: older.caseId,
        status: 'claimed',
        lease: { holder: 'clerk-a', expiresAt: new Date(start.getTime() + 60_000).toISOString() },
      });
      expect(second?.caseId).toBe(newer.caseId);
      expect(none).toBeUndefined();
      expect(takeover).toMatchObject({ caseId: older.caseId, lease: { holder: 'clerk-c' }, version: 3 });
      expect((await cases.audit(older.caseId)).map((e) => [e.action, e.actor])).toEqual([
        ['create', 'system'],
        ['claim', 'clerk-a'],
        ['claim', 'clerk-c'],
      ]);
    });

    it('puts a released case back in the queue and takes a confirmed one out', async () => {
      const queue = freshQueue();
      const c = aReviewCase({ queue });
      await cases.create(c, anAuditEvent(c.caseId));
      const now = new Date(at(10));
      const claimed = (await cases.claimNext(queue, 'clerk-a', 600, now))!;
      const released = await cases.update(
        { ...claimed, status: 'needs_review', lease: undefined },
        claimed.version,
        anAuditEvent(c.caseId, { at: at(11), action: 'release' }),
      );
      expect(released.lease).toBeUndefined();
      const again = (await cases.claimNext(queue, 'clerk-b', 600, now))!;
      expect(again.lease?.holder).toBe('clerk-b');
      await cases.update(
        { ...again, status: 'confirmed', lease: undefined, confirmedBy: 'clerk-b' },
        again.version,
        anAuditEvent(c.caseId, { at: at(12), action: 'confirm' }),
      );

      expect((await cases.listQueue(queue)).items).toEqual([]);
      expect((await cases.countQueues())[queue]).toBeUndefined();
      expect(await cases.claimNext(queue, 'clerk-c', 600, now)).toBeUndefined();
    });

    // Concurrency against a real store on two shared cores: allow for a slow machine, never for a wrong answer.
    it('lets exactly one of two concurrent cases take the same unique claim key, naming the holder to the loser', { timeout: 180_000 }, async () => {
      const key: ClaimKey = { kind: 'unique', key: `XH36-3.7.c#person#${Math.random()}`, ruleId: 'XH36-3.7.c' };
      const a = aReviewCase({ queue: freshQueue() });
      const b = aReviewCase({ queue: a.queue });

      const results = await Promise.allSettled([a, b].map((c) => cases.create(c, anAuditEvent(c.caseId), [key])));

      const won = results.filter((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ reviewCase: { caseId: string } }>[];
      const lost = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
      expect(won).toHaveLength(1);
      expect(lost).toHaveLength(1);
      expect(lost[0]!.reason).toBeInstanceOf(ClaimKeyTakenError);
      expect(lost[0]!.reason).toMatchObject({ claimKey: key, heldBy: won[0]!.value.reviewCase.caseId });
      const loser = won[0]!.value.reviewCase.caseId === a.caseId ? b : a;
      expect(await cases.get(loser.caseId)).toBeUndefined();
      expect(await cases.audit(loser.caseId)).toEqual([]);
    });

    it('treats a redelivered create of a case holding a unique key as already done, not as a rival', async () => {
      const key: ClaimKey = { kind: 'unique', key: `XH36-3.7.c#person#${Math.random()}`, ruleId: 'XH36-3.7.c' };
      const reviewCase = aReviewCase({ queue: freshQueue() });
      await cases.create(reviewCase, anAuditEvent(reviewCase.caseId), [key]);

      await expect(cases.create(reviewCase, anAuditEvent(reviewCase.caseId), [key])).resolves.toMatchObject({ created: false, reviewCase: { version: 1 } });
      expect(await cases.audit(reviewCase.caseId)).toHaveLength(1);
    });

    it('keeps held claim keys across an update that does not mention them, and frees them when the set is emptied', async () => {
      const key: ClaimKey = { kind: 'unique', key: `cert#${Math.random()}`, ruleId: 'XH36-3.7.a' };
      const holder = aReviewCase({ queue: freshQueue() });
      const { reviewCase: v1 } = await cases.create(holder, anAuditEvent(holder.caseId), [key]);
      const v2 = await cases.update({ ...v1, personName: '王小明' }, 1, anAuditEvent(holder.caseId, { at: at(1), action: 'correct' }));

      const rival = aReviewCase({ queue: holder.queue });
      await expect(cases.create(rival, anAuditEvent(rival.caseId), [key])).rejects.toMatchObject({ heldBy: holder.caseId });

      await cases.update(
        { ...v2, status: 'rejected', rejection: { reason: 'duplicate', by: 'clerk-li' } },
        2,
        anAuditEvent(holder.caseId, { at: at(2), action: 'reject' }),
        [],
      );
      await expect(cases.create(rival, anAuditEvent(rival.caseId), [key])).resolves.toMatchObject({ created: true });
    });

    it('refuses the seventh case under a quota of six, and admits one again after a release', async () => {
      const key: ClaimKey = { kind: 'quota', key: `XH36-3.6#2021#${Math.random()}`, limit: 6, ruleId: 'XH36-3.6' };
      const queue = freshQueue();
      const created = [];
      for (let i = 0; i < 6; i++) {
        const c = aReviewCase({ queue });
        created.push((await cases.create(c, anAuditEvent(c.caseId), [key])).reviewCase);
      }
      const seventh = aReviewCase({ queue });
      await expect(cases.create(seventh, anAuditEvent(seventh.caseId), [key])).rejects.toBeInstanceOf(ClaimKeyTakenError);
      expect(await cases.get(seventh.caseId)).toBeUndefined();

      const first = created[0]!;
      await cases.update({ ...first, status: 'rejected' }, first.version, anAuditEvent(first.caseId, { at: at(1), action: 'reject' }), []);
      await expect(cases.create(seventh, anAuditEvent(seventh.caseId), [key])).resolves.toMatchObject({ created: true });
    });

    // Concurrency against a real store on two shared cores: allow for a slow machine, never for a wrong answer.
    it('refuses the seventh of seven concurrent cases under a quota of six', { timeout: 180_000 }, async () => {
      const key: ClaimKey = { kind: 'quota', key: `XH36-3.6#2022#${Math.random()}`, limit: 6, ruleId: 'XH36-3.6' };
      const queue = freshQueue();
      const results = await Promise.allSettled(
        Array.from({ length: 7 }, () => aReviewCase({ queue })).map((c) => cases.create(c, anAuditEvent(c.caseId), [key])),
      );
      expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(6);
      const [refused] = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
      expect(refused!.reason).toBeInstanceOf(ClaimKeyTakenError);
    });

    it('lists every case in a status, and only those (the payments export reads the approved ones)', async () => {
      const approved = aReviewCase({ queue: freshQueue(), status: 'approved', approvedBy: 'supervisor-wang' });
      const paid = aReviewCase({ queue: approved.queue, status: 'paid' });
      for (const c of [approved, paid]) await cases.create(c, anAuditEvent(c.caseId));

      expect((await cases.listByStatus('approved')).map((c) => c.caseId)).toEqual([approved.caseId]);
      expect((await cases.listByStatus('paid')).map((c) => c.caseId)).toEqual([paid.caseId]);
    });

    it('lists the cases of a person (ID number in any letter case) and of a submission, oldest first', async () => {
      const idNumber = `33010619900101${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}x`;
      const submissionId = `sub-${Math.random()}`;
      const later = aReviewCase({ personIdNumber: idNumber, submissionId, createdAt: at(5) });
      const earlier = aReviewCase({ personIdNumber: idNumber.toUpperCase(), submissionId, createdAt: at(1) });
      const other = aReviewCase({ personIdNumber: '110101198001010010', submissionId: `other-${submissionId}` });
      for (const c of [later, earlier, other]) await cases.create(c, anAuditEvent(c.caseId));

      expect((await cases.listByPerson(idNumber.toUpperCase())).map((c) => c.caseId)).toEqual([earlier.caseId, later.caseId]);
      expect((await cases.listBySubmission(submissionId)).map((c) => c.caseId)).toEqual([earlier.caseId, later.caseId]);
    });
  });
}
