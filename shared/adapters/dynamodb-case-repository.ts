import { randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  BatchGetCommand,
  GetCommand,
  paginateQuery,
  QueryCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { auditEventSchema, reviewCaseSchema, type AuditEvent, type ReviewCase } from '../cases/review-case.js';
import type { ClaimKey } from '../policy/decision.js';
import {
  CaseNotFoundError,
  ClaimKeyTakenError,
  VersionConflictError,
  caseListStates,
  listStateOf,
  queuedCaseStatuses,
  type CaseListState,
  type CaseLists,
  type CaseRepository,
  type DocumentSettlement,
  type Page,
} from '../ports/case-repository.js';
import {
  COUNTER_SHARDS,
  counterUpdates,
  countersPartition,
  findKey,
  findKeyDelete,
  findKeyItem,
  findKeyWrites,
  findKeysOf,
  listedCaseFromIndexItem,
  retentionExpiry,
  statePartition,
  statusIndexKeys,
  sumCounters,
} from './dynamodb-case-lists.js';
import { DocumentNotFoundError } from '../ports/document-repository.js';
import { documentUpdate } from './dynamodb-document-repository.js';
import { InvalidCursorError, StoreContentionError, toStoreError } from './dynamodb-errors.js';
import { collectPages } from './dynamodb-pages.js';
import {
  assertItemFits,
  decodeCursor,
  encodeCursor,
  entityAttributes,
  lookupSecretFromEnv,
  packAttribute,
  pseudonymKey,
  unpackAttribute,
} from './dynamodb-items.js';
import { TransactionCancelled, runTransaction, type TransactItem } from './dynamodb-transactions.js';
import { caseListAttributes, indexNames } from './table-design.js';

/** Item keys of cases and what hangs off them; see docs/data-model.md. */
export const caseKeys = {
  case: (caseId: string) => ({ PK: `CASE#${caseId}`, SK: 'CASE' }),
  audit: (caseId: string, at: string, version: number) => ({ PK: `CASE#${caseId}`, SK: `AUDIT#${at}#${String(version).padStart(9, '0')}` }),
  lease: (caseId: string) => ({ PK: `CASE#${caseId}`, SK: 'LEASE' }),
  queue: (queue: string) => `QUEUE#${queue}`,
  submission: (submissionId: string) => `SUB#${submissionId}`,
  sortByTime: (createdAt: string, caseId: string) => `CASE#${createdAt}#${caseId}`,
};

/** How many of the oldest free cases a claimer's first try is spread over after a race lost to another instance. */
const claimFirstTryWindow = 8;
/** How long a lost race on a queue keeps this instance treating that queue as contended. */
const claimContentionMemoryMs = 30_000;
/** How long this instance trusts its own claim over an index entry showing an older version of the case. */
const claimedHereMemoryMs = 10_000;
/** How far apart two claims' lease clocks may be for one to use the other's queue read. */
const sharedReadClockSlackMs = 1_000;
/** Cases this instance keeps at the version it last read or wrote (see `remember`); documents make them large. */
const knownCasesLimit = 500;
/** Queue-index items read per claim query: all claimable, since leased cases sort after the waiting ones (queueSortKey). */
const claimPageSize = 12;
/** How long (real time) a queue's lease horizon spares claims the expired-lease read (see `LeaseHorizon`). */
const leaseHorizonMemoryMs = 30_000;

/**
 * What a read of a queue's leased tail established: no lease in the queue expires before `noneBefore` (lease clock,
 * epoch ms), as read at `readAt`. It holds for leases written after the read too — another instance's new lease
 * expires a whole lease after it is taken, and this instance lowers `noneBefore` for each lease it writes — so until
 * `noneBefore` a claim need not look for expired leases. Kept `leaseHorizonMemoryMs` of real time at most, which also
 * bounds how late a lease shorter than this instance's (another configuration) is noticed.
 */
interface LeaseHorizon {
  readAt: number;
  realAt: number;
  noneBefore: number;
}

/** What the adapter needs to know about a case item before writing it. */
interface StoredState {
  version: number;
  heldClaimKeys: ClaimKey[];
  hasLease: boolean;
  /** Where the counters have the case now: a write moves them only when the status's list state or queue changes. */
  status: ReviewCase['status'];
  queue: string;
  /** The search keys the case's items carry now (see dynamodb-case-lists.ts). */
  findKeys: string[];
  /** The TTL the case carries now (closed, with retention on). */
  expiresAt?: number;
}

/** A page of claimable cases as the queue index returns them (projected to what claiming needs). */
interface ClaimPage {
  items: Record<string, unknown>[];
  lastEvaluatedKey?: Record<string, unknown>;
}

/** What each item of a transaction is, so a cancellation reason can be mapped to the right error. */
type ItemRole =
  | { kind: 'case' }
  | { kind: 'audit' }
  | { kind: 'lease' }
  | { kind: 'take'; key: ClaimKey }
  | { kind: 'release'; key: ClaimKey }
  | { kind: 'document'; documentId: string }
  | { kind: 'index' };

/**
 * Review cases in the intake table (single-table design, docs/data-model.md): the case item, its audit events and
 * lease under the case's partition, claim-key items for cross-claim constraints, and three indexes (queue,
 * submission, person). Every write is one TransactWriteItems: the case under a version condition, an audit event,
 * and the claim keys taken or released, so they succeed or fail together.
 *
 * @example
 * const cases = new DynamoDbCaseRepository(createDynamoDbDocumentClient(), process.env.INTAKE_TABLE_NAME!);
 * const next = await cases.claimNext('XH36-3.7.c', 'clerk-li', 900, new Date());
 */
export class DynamoDbCaseRepository implements CaseRepository, CaseLists {
  private readonly secret: string;
  private readonly retentionDays: number;
  /** Per queue: the cases claims on this instance are trying now, each with whether its try won. */
  private readonly claimReservations = new Map<string, Map<string, Promise<boolean>>>();
  /** Per case, the case at the version last read or written here and what `update` needs of it (see `remember`). */
  private readonly knownCases = new Map<string, { reviewCase: ReviewCase; state: StoredState }>();
  /** Cases this instance claimed lately, with the version written: a stale index entry is not worth a try. */
  private readonly claimedHere = new Map<string, { version: number; at: number }>();
  /** Per queue: when (performance.now()) a claim on this instance last lost a race. */
  private readonly lastLostRace = new Map<string, number>();
  /** What `claimNext` on this instance has done so far (the API bench prints it). */
  readonly claimStats = { claims: 0, lostRaces: 0, queueReads: 0, leaseTailReads: 0 };
  /** Per queue: until when no lease can have expired, so a claim's first page skips the expired-lease read. */
  private readonly leaseHorizons = new Map<string, LeaseHorizon>();
  /** Per queue: the leased-tail reads in flight, each with the earliest expiry of the leases written here meanwhile. */
  private readonly leaseTailReads = new Map<string, Set<{ earliestWritten: number }>>();
  /** Per queue: the first-page read of claimable cases in flight now, which claims arriving meanwhile share. */
  private readonly firstPageReads = new Map<string, { now: number; read: Promise<ClaimPage> }>();

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: {
      lookupSecret?: string;
      /** Days a closed case stays before the table's TTL removes it (`INTAKE_CLOSED_CASE_RETENTION_DAYS`); 0 keeps it. */
      closedCaseRetentionDays?: number;
    } = {},
  ) {
    this.secret = options.lookupSecret ?? lookupSecretFromEnv();
    this.retentionDays = options.closedCaseRetentionDays ?? 0;
  }

  /** The partition key of a claim key's item: keyed-hashed, since once-per-person keys hold an ID number. */
  claimKeyItemKey(key: ClaimKey): { PK: string; SK: string } {
    return { PK: `CLAIM#${pseudonymKey(`${key.kind}\u0000${key.key}`, this.secret)}`, SK: key.kind === 'unique' ? 'UNIQUE' : 'QUOTA' };
  }

  /** The look-up index key of a person's cases: keyed-hashed ID number (see docs/data-model.md). */
  personKey(idNumber: string): string {
    return `PERSON#${pseudonymKey(idNumber.trim().toUpperCase(), this.secret)}`;
  }

  async create(reviewCase: ReviewCase, audit: AuditEvent, claimKeys: ClaimKey[] = [], alongside?: DocumentSettlement): Promise<{ reviewCase: ReviewCase; created: boolean }> {
    const stored = reviewCaseSchema.parse({ ...reviewCase, version: 1 });
    const keys = dedupe(claimKeys);
    const findKeys = findKeysOf(stored, this.secret);
    const expiresAt = retentionExpiry(stored, this.retentionDays, undefined);
    const roles: ItemRole[] = [];
    const items: TransactItem[] = [];
    roles.push({ kind: 'case' });
    items.push({ Put: { TableName: this.tableName, Item: this.toItem(stored, keys, findKeys, expiresAt), ConditionExpression: 'attribute_not_exists(PK)' } });
    roles.push({ kind: 'audit' });
    items.push(this.auditPut(stored.caseId, audit, stored.version));
    if (stored.lease) {
      roles.push({ kind: 'lease' });
      items.push(this.leasePut(stored));
      this.noteLease(stored.queue, stored.lease.expiresAt);
    }
    for (const key of keys) {
      roles.push({ kind: 'take', key });
      items.push(this.take(key, stored.caseId));
    }
    // Search keys and counters in the same transaction: a replayed create is refused whole, so nothing counts twice.
    for (const item of [
      ...findKeyWrites(this.tableName, stored, { keys: [], expiresAt }, { keys: findKeys, expiresAt }),
      ...counterUpdates(this.tableName, stored.caseId, undefined, stored),
    ]) {
      roles.push({ kind: 'index' });
      items.push(item);
    }
    this.addSettlement(items, roles, alongside);
    try {
      await runTransaction(this.db, items, 'create case');
      this.endSharedReads(stored);
      return { reviewCase: this.remember(stored, { heldClaimKeys: keys, findKeys, expiresAt }), created: true };
    } catch (error) {
      if (error instanceof TransactionCancelled && error.reasons[0]?.code === 'ConditionalCheckFailed') {
        const existing = await this.get(stored.caseId);
        if (existing) return { reviewCase: existing, created: false };
      }
      throw await this.mapCancellation(error, roles, stored.caseId, 0);
    }
  }

  async get(caseId: string): Promise<ReviewCase | undefined> {
    const item = await this.readCaseItem(caseId);
    if (!item) return undefined;
    return this.remember(caseFromItem(item), storedStateOf(item));
  }

  async getAtVersion(caseId: string, version: number): Promise<ReviewCase | undefined> {
    const known = this.knownCases.get(caseId);
    return known?.reviewCase.version === version ? structuredClone(known.reviewCase) : this.get(caseId);
  }

  /**
   * Keeps a copy of the case at its version, with what `update` needs of it (held claim keys; the lease is the case's),
   * and returns the case. A case's item changes only with its version, so for a change written under that version the
   * read can be skipped — and should the case have moved on meanwhile, the write's version condition refuses it all
   * the same. Bounded, oldest first out: an entry only saves a read for the next change of a case being worked on.
   */
  private remember(reviewCase: ReviewCase, state: Pick<StoredState, 'heldClaimKeys' | 'findKeys' | 'expiresAt'>): ReviewCase {
    this.knownCases.delete(reviewCase.caseId);
    if (this.knownCases.size >= knownCasesLimit) this.knownCases.delete(this.knownCases.keys().next().value!);
    const stored: StoredState = {
      version: reviewCase.version,
      heldClaimKeys: state.heldClaimKeys,
      hasLease: reviewCase.lease !== undefined,
      status: reviewCase.status,
      queue: reviewCase.queue,
      findKeys: state.findKeys,
      ...(state.expiresAt === undefined ? {} : { expiresAt: state.expiresAt }),
    };
    this.knownCases.set(reviewCase.caseId, { reviewCase: structuredClone(reviewCase), state: stored });
    return reviewCase;
  }

  async update(next: ReviewCase, expectedVersion: number, audit: AuditEvent, claimKeys?: ClaimKey[], alongside?: DocumentSettlement): Promise<ReviewCase> {
    // The case as this instance last read or wrote it, when that is the version the caller expects: no read needed.
    const known = this.knownCases.get(next.caseId)?.state;
    const state = known?.version === expectedVersion ? known : await this.storedState(next.caseId);
    if (!state) throw new CaseNotFoundError(next.caseId);
    if (state.version !== expectedVersion) throw new VersionConflictError(next.caseId, expectedVersion);
    return this.write(next, expectedVersion, audit, state, claimKeys, alongside);
  }

  async listQueue(queue: string, options: { limit?: number; cursor?: string } = {}): Promise<Page<ReviewCase>> {
    const startKey = options.cursor === undefined ? undefined : decodeCursor(options.cursor);
    // A cursor of another queue would make DynamoDB fail with an opaque ValidationException.
    if (options.cursor !== undefined && startKey?.GSI1PK !== caseKeys.queue(queue)) throw new InvalidCursorError(options.cursor);
    const page = await this.queryQueue(queue, options.limit ?? 50, startKey);
    return { items: page.items.map(caseFromItem), cursor: encodeCursor(page.lastEvaluatedKey) };
  }

  async countQueues(): Promise<Record<string, number>> {
    // Counters kept by every case write (dynamodb-case-lists.ts): a few hundred bytes read, whatever the backlog.
    const { queues } = await this.readCounters();
    return Object.fromEntries(Object.entries(queues).filter(([, count]) => count > 0));
  }

  async countStates(): Promise<Record<CaseListState, number>> {
    const { states } = await this.readCounters();
    return Object.fromEntries(caseListStates.map((state) => [state, Math.max(0, states[state] ?? 0)])) as Record<CaseListState, number>;
  }

  async listByState(state: CaseListState, options: { limit?: number; cursor?: string } = {}): Promise<Page<ReviewCase>> {
    const partition = statePartition(state);
    const startKey = this.startKeyOf(options.cursor, 'GSI4PK', partition);
    const page = await this.queryIndex(indexNames.status, 'GSI4PK', partition, options.limit ?? 50, startKey, 'list cases by state');
    // The index carries the rows (one Query); an entry of a not yet migrated keys-only index is read from its case.
    const rows = page.items.map(listedCaseFromIndexItem);
    const cases = rows.every((row) => row !== undefined) ? rows : await this.readListed(page.items.map((item) => String(item.PK).slice('CASE#'.length)));
    // The index is eventually consistent: a case that has just moved on is not shown under its old state.
    return { items: cases.filter((c) => listStateOf(c.status) === state), cursor: encodeCursor(page.lastEvaluatedKey) };
  }

  async listHeldBy(userId: string, options: { limit?: number; cursor?: string } = {}): Promise<Page<ReviewCase>> {
    const key = findKey('user', userId, this.secret);
    const startKey = this.startKeyOf(options.cursor, 'GSI3PK', key);
    const page = await this.queryIndex(indexNames.lookup, 'GSI3PK', key, options.limit ?? 50, startKey, 'list held cases');
    const cases = await this.readListed(page.items.map((item) => String(item.caseId)));
    return { items: cases.filter((c) => c.lease?.holder === userId || c.confirmedBy === userId), cursor: encodeCursor(page.lastEvaluatedKey) };
  }

  async search(term: string, options: { limit?: number } = {}): Promise<ReviewCase[]> {
    const text = term.trim();
    if (text === '') return [];
    const limit = options.limit ?? 50;
    // Every reading of the term at once, each one key look-up: a case id, an ID number, a name, a certificate number.
    const byKey = (key: string) => this.queryIndex(indexNames.lookup, 'GSI3PK', key, limit, undefined, 'search cases');
    const [asCase, ...found] = await Promise.all([
      this.readCaseItem(text).then((item) => (item ? [text] : [])),
      ...(looksLikeIdNumber(text) ? [byKey(this.personKey(text)).then((page) => page.items.map((item) => String(item.caseId)))] : []),
      byKey(findKey('name', text, this.secret)).then((page) => page.items.map((item) => String(item.caseId))),
      byKey(findKey('certificate', text, this.secret)).then((page) => page.items.map((item) => String(item.caseId))),
    ]);
    const ids = [...new Set([...asCase!, ...found.flat()])];
    const cases = await this.readListed(ids);
    return cases.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.caseId.localeCompare(a.caseId)).slice(0, limit);
  }

  async claimNext(queue: string, holder: string, leaseSeconds: number, now: Date): Promise<ReviewCase | undefined> {
    // Claims on this instance never race each other: each reserves the case it tries, and the others pass over
    // reserved cases (see docs/data-model.md, Claiming). Races with other instances (Lambda) are settled by the
    // version condition; a race lost in the last 30 s (real time, not the lease clock `now`) spreads first tries.
    const reserved = this.reservationsOf(queue);
    const contended = performance.now() - (this.lastLostRace.get(queue) ?? -Infinity) < claimContentionMemoryMs;
    let lost = false;
    let startKey: Record<string, unknown> | undefined;
    do {
      // The first page is read once for all the claims on this instance that ask while it is being read.
      const page = startKey === undefined ? await this.sharedFirstPage(queue, now, leaseSeconds) : await this.queryClaimable(queue, now, leaseSeconds, startKey);
      let candidates = page.items.map(claimCandidateFromItem);
      for (let attempt = 0; attempt < 3 * page.items.length; attempt++) {
        candidates = candidates.filter((c) => isClaimable(c, now) && !this.knownNewer(c));
        if (candidates.length === 0) break;
        const free = candidates.filter((c) => !reserved.has(c.caseId));
        if (free.length === 0) {
          // Every candidate is being tried by another claim here: one that loses (to another instance, or a
          // transaction conflict) leaves its case free, so wait for them rather than report an empty queue.
          const settled = await Promise.all(candidates.map(async (c) => ({ c, won: await reserved.get(c.caseId) })));
          candidates = await this.readClaimCandidates(settled.filter((s) => s.won !== true).map((s) => s.c.caseId), queue, now);
          continue;
        }
        // The oldest free case. Lately beaten by another instance: the first try spread over the few oldest, and after
        // losing here, any one still free.
        const window = lost ? free.length : contended ? Math.min(claimFirstTryWindow, free.length) : 1;
        const candidate = free[window === 1 ? 0 : randomInt(window)]!;
        const attemptDone = this.tryClaim(candidate, holder, leaseSeconds, now);
        reserved.set(candidate.caseId, attemptDone.then((c) => c !== undefined, () => false));
        let claimed: ReviewCase | undefined;
        try {
          claimed = await attemptDone;
        } finally {
          reserved.delete(candidate.caseId);
        }
        if (claimed) return claimed;
        lost = true;
        this.claimStats.lostRaces++;
        this.lastLostRace.set(queue, performance.now());
        // One consistent read of what is left (the lost one included: the winner's transaction may have failed, or
        // the index was stale) costs less than trying transactions on cases others have already taken.
        candidates = await this.readClaimCandidates(candidates.map((c) => c.caseId), queue, now);
      }
      startKey = page.lastEvaluatedKey;
    } while (startKey);
    return undefined;
  }

  async listByPerson(idNumber: string): Promise<ReviewCase[]> {
    return this.queryCases(indexNames.lookup, 'GSI3PK', this.personKey(idNumber), 'GSI3SK');
  }

  async listBySubmission(submissionId: string): Promise<ReviewCase[]> {
    return this.queryCases(indexNames.submission, 'GSI2PK', caseKeys.submission(submissionId), 'GSI2SK');
  }

  async listByStatus(status: ReviewCase['status']): Promise<ReviewCase[]> {
    // The status index's partition of the status's list state, then the cases themselves (documents included).
    const keys = await collectPages(
      'list cases by status',
      paginateQuery(
        { client: this.db },
        {
          TableName: this.tableName,
          IndexName: indexNames.status,
          KeyConditionExpression: 'GSI4PK = :state',
          ExpressionAttributeValues: { ':state': statePartition(listStateOf(status)) },
        },
      ),
      (item) => String(item.PK).slice('CASE#'.length),
    );
    const cases = await this.batchReadCases(keys, { withDocuments: true });
    return cases.filter((c) => c.status === status).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async audit(caseId: string): Promise<AuditEvent[]> {
    return collectPages(
      'list audit events',
      paginateQuery(
        { client: this.db },
        {
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND begins_with(SK, :audit)',
          ExpressionAttributeValues: { ':pk': caseKeys.case(caseId).PK, ':audit': 'AUDIT#' },
          ConsistentRead: true,
        },
      ),
      (item) => auditEventSchema.parse(entityAttributes(item)),
    );
  }


  /**
   * The claim write: the case updated in place under its version condition (only status, lease, updatedAt and
   * version change, so the documents are neither sent nor rewritten), the audit event and the lease item, in one
   * transaction. The case is read for the caller at the same time, not after: a read that saw the version the claim
   * was conditioned on saw exactly what the claim then changed (every write bumps the version), so the claimed case is
   * that read with the claim's changes; a read that saw the claim itself is taken as it is; anything else (a read from
   * another version, which the transaction's success rules out unless the case moved on since) is read again.
   * Undefined when another claimer won.
   */
  private async tryClaim(candidate: ClaimCandidate, holder: string, leaseSeconds: number, now: Date): Promise<ReviewCase | undefined> {
    const lease = { holder, expiresAt: new Date(now.getTime() + leaseSeconds * 1000).toISOString() };
    const version = candidate.version + 1;
    // "My cases": the holder's search key replaces a lapsed lease's holder's (unless that one confirmed the case).
    const holderKey = findKey('user', holder, this.secret);
    const lapsedHolder = candidate.lease?.holder;
    const dropped = lapsedHolder && lapsedHolder !== holder && lapsedHolder !== candidate.confirmedBy ? findKey('user', lapsedHolder, this.secret) : undefined;
    const findKeys = [...new Set([...candidate.findKeys.filter((key) => key !== dropped), holderKey])].sort();
    const audit: AuditEvent = {
      caseId: candidate.caseId,
      at: now.toISOString(),
      actor: holder,
      action: 'claim',
      before: { status: candidate.status, lease: candidate.lease },
      after: { status: 'claimed', lease },
    };
    const items: TransactItem[] = [
      {
        Update: {
          TableName: this.tableName,
          Key: caseKeys.case(candidate.caseId),
          UpdateExpression: 'SET #status = :claimed, lease = :lease, updatedAt = :now, version = :next, GSI1SK = :sortKey, findKeys = :findKeys',
          ConditionExpression: 'version = :seen',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':claimed': 'claimed',
            ':lease': lease,
            ':now': now.toISOString(),
            ':next': version,
            ':seen': candidate.version,
            ':sortKey': leasedSortKey(candidate.caseId, lease.expiresAt),
            ':findKeys': findKeys,
          },
        },
      },
      this.auditPut(candidate.caseId, audit, version),
      this.leasePut({ caseId: candidate.caseId, lease }),
      // Claiming moves no counter: `claimed` counts and lists with `needs_review`.
      ...(candidate.findKeys.includes(holderKey) ? [] : [findKeyItem(this.tableName, candidate, holderKey, undefined)]),
      ...(dropped && candidate.findKeys.includes(dropped) ? [findKeyDelete(this.tableName, candidate.caseId, dropped)] : []),
    ];
    const reading = this.readCaseItem(candidate.caseId);
    // Not awaited when the claim is lost: its failure must not go unhandled.
    reading.catch(() => undefined);
    this.noteLease(candidate.queue, lease.expiresAt);
    try {
      await runTransaction(this.db, items, 'claim case', 1);
    } catch (error) {
      // Another claimer got there first (or is in the middle of it): the caller re-reads and moves on.
      if ((error instanceof TransactionCancelled && error.failedAt() === 0) || error instanceof StoreContentionError) return undefined;
      throw error;
    }
    this.claimStats.claims++;
    this.rememberClaimed(candidate.caseId, version);
    const item = await reading.catch(() => undefined);
    const seen = item ? Number(item.version) : undefined;
    if (item && seen === candidate.version) {
      return this.remember({ ...caseFromItem(item), status: 'claimed', lease, updatedAt: now.toISOString(), version }, { ...storedStateOf(item), findKeys });
    }
    if (item && seen === version && (item.lease as { holder?: string } | undefined)?.holder === holder) {
      return this.remember(caseFromItem(item), storedStateOf(item));
    }
    const claimed = await this.get(candidate.caseId);
    if (!claimed) throw new CaseNotFoundError(candidate.caseId);
    return claimed;
  }

  private async readCaseItem(caseId: string): Promise<Record<string, unknown> | undefined> {
    try {
      const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: caseKeys.case(caseId), ConsistentRead: true }));
      return Item;
    } catch (error) {
      throw toStoreError(error, 'get case');
    }
  }

  /** One transaction: the case under its version condition, the audit event, the lease, claim keys taken/released. */
  private async write(
    next: ReviewCase,
    expectedVersion: number,
    audit: AuditEvent,
    state: StoredState,
    claimKeys: ClaimKey[] | undefined,
    alongside?: DocumentSettlement,
  ): Promise<ReviewCase> {
    const stored = reviewCaseSchema.parse({ ...next, version: expectedVersion + 1 });
    const wanted = claimKeys === undefined ? undefined : dedupe(claimKeys);
    const findKeys = findKeysOf(stored, this.secret);
    const expiresAt = retentionExpiry(stored, this.retentionDays, state);
    const roles: ItemRole[] = [];
    const items: TransactItem[] = [];
    const caseItem = this.toItem(stored, wanted, findKeys, expiresAt);
    if (wanted === undefined) delete caseItem.heldClaimKeys;
    // A conditional Put would drop the held keys when they are not rewritten, so keep them with an explicit copy.
    if (wanted === undefined && state.heldClaimKeys.length > 0) caseItem.heldClaimKeys = state.heldClaimKeys;
    roles.push({ kind: 'case' });
    items.push({
      Put: {
        TableName: this.tableName,
        Item: caseItem,
        ConditionExpression: 'attribute_exists(PK) AND version = :expected',
        ExpressionAttributeValues: { ':expected': expectedVersion },
      },
    });
    roles.push({ kind: 'audit' });
    items.push(this.auditPut(stored.caseId, audit, stored.version));
    if (stored.lease) {
      roles.push({ kind: 'lease' });
      items.push(this.leasePut(stored));
      this.noteLease(stored.queue, stored.lease.expiresAt);
    } else if (state.hasLease) {
      roles.push({ kind: 'lease' });
      items.push({ Delete: { TableName: this.tableName, Key: caseKeys.lease(stored.caseId) } });
    }
    if (wanted !== undefined) {
      const heldIds = new Set(state.heldClaimKeys.map(claimKeyId));
      const wantedIds = new Set(wanted.map(claimKeyId));
      for (const key of wanted.filter((k) => !heldIds.has(claimKeyId(k)))) {
        roles.push({ kind: 'take', key });
        items.push(this.take(key, stored.caseId));
      }
      for (const key of state.heldClaimKeys.filter((k) => !wantedIds.has(claimKeyId(k)))) {
        roles.push({ kind: 'release', key });
        items.push(this.release(key, stored.caseId));
      }
    }
    // Search keys gained or lost, and the counters when the list state or queue changed: under the case's version
    // condition, so a replayed or stale write moves nothing.
    for (const item of [
      ...findKeyWrites(this.tableName, stored, { keys: state.findKeys, expiresAt: state.expiresAt }, { keys: findKeys, expiresAt }),
      ...counterUpdates(this.tableName, stored.caseId, state, stored),
    ]) {
      roles.push({ kind: 'index' });
      items.push(item);
    }
    this.addSettlement(items, roles, alongside);
    try {
      await runTransaction(this.db, items, 'update case');
      this.endSharedReads(stored);
      return this.remember(stored, { heldClaimKeys: wanted ?? state.heldClaimKeys, findKeys, expiresAt });
    } catch (error) {
      this.knownCases.delete(stored.caseId);
      throw await this.mapCancellation(error, roles, stored.caseId, expectedVersion);
    }
  }

  /** The document settled with the case: an Update of its record in the same transaction (see DocumentSettlement). */
  private addSettlement(items: TransactItem[], roles: ItemRole[], alongside: DocumentSettlement | undefined): void {
    if (!alongside) return;
    const update = documentUpdate(alongside.documentId, alongside.changes);
    if (!update.UpdateExpression) return;
    roles.push({ kind: 'document', documentId: alongside.documentId });
    items.push({ Update: { TableName: this.tableName, ...update, UpdateExpression: update.UpdateExpression } });
  }

  private async mapCancellation(error: unknown, roles: ItemRole[], caseId: string, expectedVersion: number): Promise<unknown> {
    if (!(error instanceof TransactionCancelled)) return error;
    const index = error.failedAt();
    const role = roles[index];
    if (!role) return error;
    if (role.kind === 'case') return new VersionConflictError(caseId, expectedVersion);
    if (role.kind === 'document') return Object.assign(new DocumentNotFoundError(role.documentId), { cause: error });
    if (role.kind === 'take') {
      let holder = error.reasons[index]?.item?.holder as string | undefined;
      if (!holder && role.key.kind === 'unique') holder = await this.holderOf(role.key);
      return Object.assign(new ClaimKeyTakenError(role.key, holder), { cause: error });
    }
    return error;
  }

  private async holderOf(key: ClaimKey): Promise<string | undefined> {
    const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: this.claimKeyItemKey(key), ConsistentRead: true }));
    return Item?.holder as string | undefined;
  }

  // The transactional form of the cross-claim rule `claimKeyTaken` (shared/policy/rules/cross-claim.ts); a key found
  // taken becomes the finding `withClaimKeyTaken` makes, the same one `evaluateClaim` makes from `claimsHeld` facts.
  private take(key: ClaimKey, caseId: string): TransactItem {
    const itemKey = this.claimKeyItemKey(key);
    if (key.kind === 'unique') {
      return {
        Put: {
          TableName: this.tableName,
          Item: { ...itemKey, entity: 'claim-key', holder: caseId, ruleId: key.ruleId },
          ConditionExpression: 'attribute_not_exists(PK) OR holder = :caseId',
          ExpressionAttributeValues: { ':caseId': caseId },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
        },
      };
    }
    return {
      Update: {
        TableName: this.tableName,
        Key: itemKey,
        UpdateExpression: 'ADD #count :one SET entity = :entity, ruleId = :ruleId, #limit = :limit',
        ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
        ExpressionAttributeNames: { '#count': 'count', '#limit': 'limit' },
        ExpressionAttributeValues: { ':one': 1, ':limit': key.limit, ':entity': 'claim-quota', ':ruleId': key.ruleId },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    };
  }

  private release(key: ClaimKey, caseId: string): TransactItem {
    const itemKey = this.claimKeyItemKey(key);
    if (key.kind === 'unique') {
      return {
        Delete: { TableName: this.tableName, Key: itemKey, ConditionExpression: 'holder = :caseId', ExpressionAttributeValues: { ':caseId': caseId } },
      };
    }
    return {
      Update: { TableName: this.tableName, Key: itemKey, UpdateExpression: 'ADD #count :minusOne', ExpressionAttributeNames: { '#count': 'count' }, ExpressionAttributeValues: { ':minusOne': -1 } },
    };
  }

  private auditPut(caseId: string, audit: AuditEvent, version: number): TransactItem {
    const event = auditEventSchema.parse({ ...audit, caseId });
    // before/after are free-form: keep them JSON so the marshaller never meets a class instance.
    const plain = JSON.parse(JSON.stringify(event)) as AuditEvent;
    return { Put: { TableName: this.tableName, Item: { ...caseKeys.audit(caseId, event.at, version), entity: 'audit', ...plain } } };
  }

  private leasePut(reviewCase: Pick<ReviewCase, 'caseId' | 'lease'>): TransactItem {
    const expiresAt = Math.ceil(Date.parse(reviewCase.lease!.expiresAt) / 1000);
    return { Put: { TableName: this.tableName, Item: { ...caseKeys.lease(reviewCase.caseId), entity: 'lease', holder: reviewCase.lease!.holder, expiresAt } } };
  }

  private toItem(reviewCase: ReviewCase, heldClaimKeys: ClaimKey[] | undefined, findKeys: string[], expiresAt: number | undefined): Record<string, unknown> {
    const { documents, ...rest } = reviewCase;
    const byTime = caseKeys.sortByTime(reviewCase.createdAt, reviewCase.caseId);
    const queued = (queuedCaseStatuses as readonly string[]).includes(reviewCase.status);
    const item: Record<string, unknown> = {
      ...caseKeys.case(reviewCase.caseId),
      entity: 'case',
      // Sparse queue index: only cases waiting for a clerk carry its keys.
      GSI1PK: queued ? caseKeys.queue(reviewCase.queue) : undefined,
      GSI1SK: queued ? queueSortKey(reviewCase) : undefined,
      GSI2PK: caseKeys.submission(reviewCase.submissionId),
      GSI2SK: byTime,
      GSI3PK: reviewCase.personIdNumber ? this.personKey(reviewCase.personIdNumber) : undefined,
      GSI3SK: reviewCase.personIdNumber ? byTime : undefined,
      ...statusIndexKeys(reviewCase),
      heldClaimKeys: heldClaimKeys ?? [],
      findKeys,
      expiresAt,
      ...JSON.parse(JSON.stringify(rest)),
      ...packAttribute('documents', documents),
    };
    for (const name of Object.keys(item)) if (item[name] === undefined) delete item[name];
    assertItemFits(item, 'case', reviewCase.caseId);
    return item;
  }

  private async queryQueue(queue: string, limit: number, startKey: Record<string, unknown> | undefined) {
    return this.queryQueueIndex(queue, limit, startKey, 'list queue');
  }

  /**
   * The claimable cases of a queue page, oldest first, with only what choosing and claiming need: the filter and the
   * projection keep the cases' documents (most of each item) off the wire; `Limit` still counts every item read.
   */
  private async queryClaimable(queue: string, now: Date, leaseSeconds: number, startKey: Record<string, unknown> | undefined): Promise<ClaimPage> {
    // Cases under a lease sort after every waiting case in the queue partition (see queueSortKey), so the waiting
    // read stops before them and reads only claimable items; the first page also takes the leases that have expired,
    // from the head of the leased tail (by expiry, oldest first) — unless the queue's lease horizon says none can have.
    const waiting = this.queryQueueIndex(queue, claimPageSize, startKey, 'list claimable cases', claimableFilter(now), { below: LEASED_SORT_PREFIX });
    if (startKey !== undefined || this.noLeaseExpiredYet(queue, now)) return waiting;
    const [lapsed, open] = await Promise.all([this.readExpiredLeases(queue, now, leaseSeconds), waiting]);
    if (lapsed.length === 0) return open;
    // Oldest case first across both reads (createdAt is a fixed-width ISO string).
    const items = [...lapsed, ...open.items].sort((a, b) => String(a.createdAt).localeCompare(String(b.createdAt)));
    return { items, lastEvaluatedKey: open.lastEvaluatedKey };
  }

  /** True while the queue's lease horizon (see LeaseHorizon) says no lease can have expired at `now`. */
  private noLeaseExpiredYet(queue: string, now: Date): boolean {
    const horizon = this.leaseHorizons.get(queue);
    if (!horizon || performance.now() - horizon.realAt > leaseHorizonMemoryMs) return false;
    // A lease clock that went back before the read (a test's clock, a skewed caller) reads again.
    return now.getTime() >= horizon.readAt && now.getTime() < horizon.noneBefore;
  }

  /**
   * The expired leases at the head of the queue's leased tail, which the tail read also dates: the first lease still
   * running (or an empty tail) sets the queue's lease horizon.
   */
  private async readExpiredLeases(queue: string, now: Date, leaseSeconds: number): Promise<Record<string, unknown>[]> {
    const writtenMeanwhile = { earliestWritten: Infinity };
    const inFlight = this.leaseTailReads.get(queue) ?? new Set();
    this.leaseTailReads.set(queue, inFlight);
    inFlight.add(writtenMeanwhile);
    const realAt = performance.now();
    this.claimStats.leaseTailReads++;
    try {
      const tail = await this.queryQueueIndex(queue, claimPageSize, undefined, 'list leased cases', claimProjection(), { prefix: LEASED_SORT_PREFIX });
      const expiryOf = (item: Record<string, unknown>) => Date.parse(String((item.lease as { expiresAt?: unknown } | undefined)?.expiresAt));
      const running = tail.items.find((item) => !(expiryOf(item) <= now.getTime()));
      // A page of expired leases only, with more after it, dates nothing.
      if (running !== undefined || tail.lastEvaluatedKey === undefined) {
        const earliestRunning = running === undefined ? Infinity : expiryOf(running);
        const noneBefore = Math.min(Number.isNaN(earliestRunning) ? now.getTime() : earliestRunning, now.getTime() + leaseSeconds * 1000, writtenMeanwhile.earliestWritten);
        this.leaseHorizons.set(queue, { readAt: now.getTime(), realAt, noneBefore });
      }
      return tail.items.filter((item) => expiryOf(item) <= now.getTime());
    } finally {
      inFlight.delete(writtenMeanwhile);
    }
  }

  /** A lease this instance is about to write: the queue's horizon (and any tail read in flight) may not pass it. */
  private noteLease(queue: string, expiresAt: string): void {
    const at = Date.parse(expiresAt);
    const horizon = this.leaseHorizons.get(queue);
    if (horizon) horizon.noneBefore = Math.min(horizon.noneBefore, at);
    for (const read of this.leaseTailReads.get(queue) ?? []) read.earliestWritten = Math.min(read.earliestWritten, at);
  }

  /** One page of a queue's index partition, oldest first, optionally filtered and projected. */
  private async queryQueueIndex(
    queue: string,
    limit: number,
    startKey: Record<string, unknown> | undefined,
    operation: string,
    filter?: ReturnType<typeof claimableFilter> | ReturnType<typeof claimProjection>,
    sortKeyRange?: { below: string } | { prefix: string },
  ): Promise<ClaimPage> {
    const range =
      sortKeyRange === undefined
        ? { condition: '', values: {} }
        : 'below' in sortKeyRange
          ? { condition: ' AND GSI1SK < :below', values: { ':below': sortKeyRange.below } }
          : { condition: ' AND begins_with(GSI1SK, :prefix)', values: { ':prefix': sortKeyRange.prefix } };
    try {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: indexNames.queue,
          KeyConditionExpression: `GSI1PK = :queue${range.condition}`,
          ...filter,
          ExpressionAttributeValues: { ':queue': caseKeys.queue(queue), ...(filter && 'ExpressionAttributeValues' in filter ? filter.ExpressionAttributeValues : {}), ...range.values },
          Limit: limit,
          ExclusiveStartKey: startKey,
        }),
      );
      return { items: page.Items ?? [], lastEvaluatedKey: page.LastEvaluatedKey };
    } catch (error) {
      throw toStoreError(error, operation);
    }
  }

  /** Consistent re-read of candidates after a lost race: those still in `queue` and claimable at `now`. */
  private async readClaimCandidates(caseIds: string[], queue: string, now: Date): Promise<ClaimCandidate[]> {
    const found: ClaimCandidate[] = [];
    let keys: Record<string, unknown>[] = caseIds.map((id) => caseKeys.case(id));
    const { ProjectionExpression, ExpressionAttributeNames } = claimableFilter(now);
    try {
      for (let attempt = 0; keys.length > 0 && attempt < 5; attempt++) {
        const result = await this.db.send(
          new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: keys.slice(0, 100), ConsistentRead: true, ProjectionExpression, ExpressionAttributeNames } } }),
        );
        found.push(...(result.Responses?.[this.tableName] ?? []).map(claimCandidateFromItem));
        keys = [...((result.UnprocessedKeys?.[this.tableName]?.Keys as Record<string, unknown>[] | undefined) ?? []), ...keys.slice(100)];
      }
    } catch (error) {
      throw toStoreError(error, 'get cases');
    }
    // BatchGet answers in no particular order: keep the oldest first.
    const order = new Map(caseIds.map((id, i) => [id, i]));
    return found
      .filter((c) => c.queue === queue && isClaimable(c, now))
      .sort((x, y) => order.get(x.caseId)! - order.get(y.caseId)!);
  }

  /**
   * The first page of claimable cases, shared by the claims that ask while it is being read: under load one query
   * serves many claims (DynamoDB Local reads every index item in full, a few ms each). A write on this instance that
   * makes a case claimable ends the sharing, so a claim never sees a page older than this instance's own writes.
   */
  private sharedFirstPage(queue: string, now: Date, leaseSeconds: number): Promise<ClaimPage> {
    const shared = this.firstPageReads.get(queue);
    // The read filtered leases at its own `now`: a claim whose lease clock is far from it reads for itself.
    if (shared && Math.abs(shared.now - now.getTime()) <= sharedReadClockSlackMs) return shared.read;
    const read = this.queryClaimable(queue, now, leaseSeconds, undefined).finally(() => {
      if (this.firstPageReads.get(queue)?.read === read) this.firstPageReads.delete(queue);
    });
    this.claimStats.queueReads++;
    this.firstPageReads.set(queue, { now: now.getTime(), read });
    return read;
  }

  /** After a write: a case that may now be claimable must not be missed by a claim that starts after the write. */
  private endSharedReads(written: Pick<ReviewCase, 'queue' | 'status' | 'lease'>): void {
    if (written.status === 'needs_review' || (written.status === 'claimed' && !written.lease)) this.firstPageReads.delete(written.queue);
  }

  private reservationsOf(queue: string): Map<string, Promise<boolean>> {
    let reserved = this.claimReservations.get(queue);
    if (!reserved) this.claimReservations.set(queue, (reserved = new Map()));
    return reserved;
  }

  private rememberClaimed(caseId: string, version: number): void {
    const at = performance.now();
    // Bounded: an entry only matters while the queue index may still show the case as it was before the claim.
    if (this.claimedHere.size >= 1_000) {
      for (const [id, known] of this.claimedHere) if (at - known.at > claimedHereMemoryMs) this.claimedHere.delete(id);
      if (this.claimedHere.size >= 1_000) this.claimedHere.clear();
    }
    this.claimedHere.set(caseId, { version, at });
  }

  /** True when this instance wrote a newer version of the case than the (eventually consistent) index shows. */
  private knownNewer(candidate: ClaimCandidate): boolean {
    const known = this.claimedHere.get(candidate.caseId);
    return known !== undefined && performance.now() - known.at < claimedHereMemoryMs && known.version > candidate.version;
  }

  private async storedState(caseId: string): Promise<StoredState | undefined> {
    try {
      const { Item } = await this.db.send(
        new GetCommand({
          TableName: this.tableName,
          Key: caseKeys.case(caseId),
          ConsistentRead: true,
          ProjectionExpression: 'version, heldClaimKeys, lease, #status, #queue, findKeys, expiresAt',
          ExpressionAttributeNames: { '#status': 'status', '#queue': 'queue' },
        }),
      );
      if (!Item) return undefined;
      return storedStateOf(Item);
    } catch (error) {
      throw toStoreError(error, 'read case version');
    }
  }

  /** Every counter item: one Query per counter shard, in parallel (queues + states items each, not cases). */
  private async readCounters(): Promise<{ queues: Record<string, number>; states: Record<string, number> }> {
    const shards = await Promise.all(
      Array.from({ length: COUNTER_SHARDS }, (_, shard) =>
        collectPages(
          'read counters',
          paginateQuery(
            { client: this.db },
            {
              TableName: this.tableName,
              KeyConditionExpression: 'PK = :pk',
              ExpressionAttributeValues: { ':pk': countersPartition(shard) },
              ProjectionExpression: 'SK, #count',
              ExpressionAttributeNames: { '#count': 'count' },
            },
          ),
          (item) => item,
        ),
      ),
    );
    return sumCounters(shards.flat());
  }

  /** The start key a list cursor stands for; a cursor of another list would make DynamoDB fail opaquely. */
  private startKeyOf(cursor: string | undefined, partitionName: string, partition: string): Record<string, unknown> | undefined {
    if (cursor === undefined) return undefined;
    const startKey = decodeCursor(cursor);
    if (startKey?.[partitionName] !== partition) throw new InvalidCursorError(cursor);
    return startKey;
  }

  /** One page of an index partition, newest first. */
  private async queryIndex(indexName: string, partitionName: string, partition: string, limit: number, startKey: Record<string, unknown> | undefined, operation: string): Promise<ClaimPage> {
    try {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: indexName,
          KeyConditionExpression: '#pk = :pk',
          ExpressionAttributeNames: { '#pk': partitionName },
          ExpressionAttributeValues: { ':pk': partition },
          ScanIndexForward: false,
          Limit: limit,
          ExclusiveStartKey: startKey,
        }),
      );
      return { items: page.Items ?? [], lastEvaluatedKey: page.LastEvaluatedKey };
    } catch (error) {
      throw toStoreError(error, operation);
    }
  }

  /** The listed cases in the order given, without their documents (a list shows summaries: `documents` is empty). */
  private readListed(caseIds: string[]): Promise<ReviewCase[]> {
    return this.batchReadCases(caseIds, { withDocuments: false });
  }

  /** Cases by id in the order given (ids of cases gone, e.g. aged out, are skipped); eventually consistent. */
  private async batchReadCases(caseIds: string[], options: { withDocuments: boolean }): Promise<ReviewCase[]> {
    const unique = [...new Set(caseIds)];
    const found = new Map<string, ReviewCase>();
    const projection = options.withDocuments
      ? {}
      : {
          ProjectionExpression: caseListAttributes.map((name) => `#${name}`).join(', '),
          ExpressionAttributeNames: Object.fromEntries(caseListAttributes.map((name) => [`#${name}`, name])),
        };
    try {
      for (let start = 0; start < unique.length; start += 100) {
        let keys: Record<string, unknown>[] = unique.slice(start, start + 100).map((id) => caseKeys.case(id));
        for (let attempt = 0; keys.length > 0 && attempt < 5; attempt++) {
          const result = await this.db.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: keys, ...projection } } }));
          for (const item of result.Responses?.[this.tableName] ?? []) {
            const reviewCase = options.withDocuments ? caseFromItem(item) : reviewCaseSchema.parse({ ...entityAttributes(item), documents: [] });
            found.set(reviewCase.caseId, reviewCase);
          }
          keys = (result.UnprocessedKeys?.[this.tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
        }
      }
    } catch (error) {
      throw toStoreError(error, 'get cases');
    }
    return unique.flatMap((id) => found.get(id) ?? []);
  }

  private async queryCases(indexName: string, pk: string, pkValue: string, sk: string): Promise<ReviewCase[]> {
    return collectPages(
      'query cases',
      paginateQuery(
        { client: this.db },
        {
          TableName: this.tableName,
          IndexName: indexName,
          KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
          ExpressionAttributeNames: { '#pk': pk, '#sk': sk },
          ExpressionAttributeValues: { ':pk': pkValue, ':prefix': 'CASE#' },
        },
      ),
      caseFromItem,
    );
  }

}

/** What claiming needs of a case: enough to choose it, to write the claim and to audit what it was before. */
interface ClaimCandidate {
  caseId: string;
  queue: string;
  status: ReviewCase['status'];
  lease?: { holder: string; expiresAt: string };
  version: number;
  createdAt: string;
  confirmedBy?: string;
  findKeys: string[];
}

function claimCandidateFromItem(item: Record<string, unknown>): ClaimCandidate {
  const lease = item.lease as { holder?: unknown; expiresAt?: unknown } | undefined;
  return {
    caseId: String(item.caseId),
    queue: String(item.queue),
    status: item.status as ReviewCase['status'],
    ...(lease ? { lease: { holder: String(lease.holder), expiresAt: String(lease.expiresAt) } } : {}),
    version: Number(item.version),
    createdAt: String(item.createdAt),
    ...(typeof item.confirmedBy === 'string' ? { confirmedBy: item.confirmedBy } : {}),
    findKeys: (item.findKeys as string[] | undefined) ?? [],
  };
}

/**
 * The server-side twin of isClaimable, with the projection claiming reads. Lease times are fixed-width ISO strings,
 * so they compare as strings.
 */
function claimableFilter(now: Date) {
  return {
    FilterExpression: '#status = :waiting OR (#status = :claimed AND (attribute_not_exists(lease) OR lease.expiresAt <= :now))',
    ProjectionExpression: 'caseId, #queue, #status, lease, version, createdAt, confirmedBy, findKeys',
    ExpressionAttributeNames: { '#status': 'status', '#queue': 'queue' },
    ExpressionAttributeValues: { ':waiting': 'needs_review', ':claimed': 'claimed', ':now': now.toISOString() },
  };
}

/** The projection claiming reads, without the filter: the leased tail is read whole, to date its first running lease. */
function claimProjection() {
  return { ProjectionExpression: 'caseId, #queue, #status, lease, version, createdAt, confirmedBy, findKeys', ExpressionAttributeNames: { '#status': 'status', '#queue': 'queue' } };
}

/** Sorts after every `createdAt` (an ISO date starts with a digit): the queue partition's leased tail. */
const LEASED_SORT_PREFIX = '~LEASED#';

/**
 * A case's place in its queue's index partition: waiting cases by age, oldest first; cases under a lease after all
 * of them, by lease expiry, so a claim reads waiting cases without reading the leased ones, and reads expired
 * leases by key (`BETWEEN ~LEASED# AND ~LEASED#<now>`).
 *
 * @example
 * queueSortKey({ caseId: 'case-1', status: 'needs_review', createdAt: '2021-06-18T08:00:00Z' }); // '2021-06-18T08:00:00Z#case-1'
 */
function queueSortKey(reviewCase: Pick<ReviewCase, 'caseId' | 'status' | 'lease' | 'createdAt'>): string {
  if (reviewCase.status === 'claimed' && reviewCase.lease) return leasedSortKey(reviewCase.caseId, reviewCase.lease.expiresAt);
  return `${reviewCase.createdAt}#${reviewCase.caseId}`;
}

/** The sort key of a case under a lease: in the queue partition's leased tail, by expiry. */
function leasedSortKey(caseId: string, expiresAt: string): string {
  return `${LEASED_SORT_PREFIX}${expiresAt}#${caseId}`;
}

function isClaimable(reviewCase: Pick<ReviewCase, 'status' | 'lease'>, now: Date): boolean {
  if (reviewCase.status === 'needs_review') return true;
  return reviewCase.status === 'claimed' && (!reviewCase.lease || Date.parse(reviewCase.lease.expiresAt) <= now.getTime());
}

function claimKeyId(key: ClaimKey): string {
  return `${key.kind}\u0000${key.key}`;
}

function dedupe(keys: ClaimKey[]): ClaimKey[] {
  const seen = new Map<string, ClaimKey>();
  for (const key of keys) seen.set(claimKeyId(key), key);
  return [...seen.values()];
}

/** What `update` needs to know of a stored case item besides the case itself. */
function storedStateOf(item: Record<string, unknown>): StoredState {
  return {
    version: Number(item.version),
    heldClaimKeys: (item.heldClaimKeys as ClaimKey[] | undefined) ?? [],
    hasLease: item.lease !== undefined,
    status: item.status as ReviewCase['status'],
    queue: String(item.queue),
    findKeys: (item.findKeys as string[] | undefined) ?? [],
    ...(typeof item.expiresAt === 'number' ? { expiresAt: item.expiresAt } : {}),
  };
}

/** An ID number as people type it (18 characters, the last possibly X; or the old 15 digits). */
function looksLikeIdNumber(text: string): boolean {
  return /^(\d{17}[\dXx]|\d{15})$/.test(text);
}

function caseFromItem(item: Record<string, unknown>): ReviewCase {
  return reviewCaseSchema.parse({ ...entityAttributes(item), documents: unpackAttribute(item, 'documents') ?? [] });
}
