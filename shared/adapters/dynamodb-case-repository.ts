import { BatchGetCommand, GetCommand, paginateQuery, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { reviewCaseSchema, type AuditEvent, type ReviewCase } from '../cases/review-case.js';
import { withOpenFindingCodes } from '../cases/findings.js';
import type { ClaimKey } from '../policy/decision.js';
import {
  CaseNotFoundError,
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
import { auditEventFromItem, auditPut, caseFromItem, caseKeys, leasePut, readCaseItem, storedStateOf, type StoredState } from './dynamodb-case-items.js';
import { DynamoDbCaseLeases, queryQueueIndex, queueSortKey } from './dynamodb-case-leases.js';
import { DynamoDbClaimKeys, claimKeyChanges, dedupeClaimKeys } from './dynamodb-claim-keys.js';
import { InvalidCursorError, toStoreError } from './dynamodb-errors.js';
import { collectPages } from './dynamodb-pages.js';
import {
  assertItemFits,
  caseDocumentsCompressAboveBytes,
  decodeCursor,
  encodeCursor,
  entityAttributes,
  lookupSecretFromEnv,
  packAttribute,
  pseudonymKey,
} from './dynamodb-items.js';
import { TransactionCancelled, TransactionCounts, runTransaction, type TransactItem } from './dynamodb-transactions.js';
import { caseListAttributes, indexNames } from './table-design.js';

export { caseKeys } from './dynamodb-case-items.js';

/** Cases this instance keeps at the version it last read or wrote (see `remember`); documents make them large. */
const knownCasesLimit = 500;

/** A page of an index partition as a query returns it. */
interface IndexPage {
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
  /** Per case, the case at the version last read or written here and what `update` needs of it (see `remember`). */
  private readonly knownCases = new Map<string, { reviewCase: ReviewCase; state: StoredState }>();
  /** The claim-key items (one claim per certificate, per person; quotas) each case write takes and releases. */
  private readonly claimKeys: DynamoDbClaimKeys;
  /** Claiming the next case of a queue, and the lease heuristics that keep claims on this instance apart. */
  private readonly leases: DynamoDbCaseLeases;

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
    this.claimKeys = new DynamoDbClaimKeys(db, tableName, this.secret);
    this.leases = new DynamoDbCaseLeases(
      db,
      tableName,
      this.secret,
      {
        remember: (reviewCase, state) => this.remember(reviewCase, state),
        get: (caseId) => this.get(caseId),
      },
      this.transactionCounts,
    );
  }

  /** Every transaction this repository sent, per operation: items, SDK attempts and back-off (the API bench prints them). */
  readonly transactionCounts = new TransactionCounts();

  /** The audit trail of a case `claimNext` returned, as the claim left it, when the claim read it (see CaseRepository). */
  trailAtClaim(claimed: ReviewCase): AuditEvent[] | undefined {
    return this.leases.trailAtClaim(claimed);
  }

  /** What `claimNext` on this instance has done so far (the API bench prints it). */
  get claimStats(): DynamoDbCaseLeases['claimStats'] {
    return this.leases.claimStats;
  }

  /** Where the recent claims' time went (see DynamoDbCaseLeases.claimTimings; the API bench prints it). */
  get claimTimings(): DynamoDbCaseLeases['claimTimings'] {
    return this.leases.claimTimings;
  }

  /** The partition key of a claim key's item: keyed-hashed, since once-per-person keys hold an ID number. */
  claimKeyItemKey(key: ClaimKey): { PK: string; SK: string } {
    return this.claimKeys.itemKey(key);
  }

  /** The look-up index key of a person's cases: keyed-hashed ID number (see docs/data-model.md). */
  personKey(idNumber: string): string {
    return `PERSON#${pseudonymKey(idNumber.trim().toUpperCase(), this.secret)}`;
  }

  async create(
    reviewCase: ReviewCase,
    audit: AuditEvent,
    claimKeys: ClaimKey[] = [],
    alongside?: DocumentSettlement,
  ): Promise<{ reviewCase: ReviewCase; created: boolean }> {
    const stored = reviewCaseSchema.parse(withOpenFindingCodes({ ...reviewCase, version: 1 }));
    const keys = dedupeClaimKeys(claimKeys);
    const findKeys = findKeysOf(stored, this.secret);
    const expiresAt = retentionExpiry(stored, this.retentionDays, undefined);
    const { items, roles } = this.caseTransaction(
      { Put: { TableName: this.tableName, Item: this.toItem(stored, keys, findKeys, expiresAt), ConditionExpression: 'attribute_not_exists(PK)' } },
      { stored, audit, claimKeys: { take: keys, release: [] }, findKeys, expiresAt, alongside },
      // Search keys and counters in the same transaction: a replayed create is refused whole, so nothing counts twice.
      { state: undefined, findKeys: { keys: [], expiresAt } },
    );
    try {
      await runTransaction(this.db, items, 'create case', undefined, { counts: this.transactionCounts });
      this.leases.endSharedReads(stored);
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
    const item = await readCaseItem(this.db, this.tableName, caseId);
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
    const page = await queryQueueIndex(this.db, this.tableName, queue, options.limit ?? 50, startKey, 'list queue');
    // The queue index carries the rows, not the documents (table-design.ts, queueIndexAttributes).
    return { items: page.items.map((item) => listedCaseFromIndexItem(item) ?? caseFromItem(item)), cursor: encodeCursor(page.lastEvaluatedKey) };
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
    // The search-key items carry the rows (one Query); an item written before they did is read from its case.
    const cases = await this.listedRows(page.items);
    return { items: cases.filter((c) => c.lease?.holder === userId || c.confirmedBy === userId), cursor: encodeCursor(page.lastEvaluatedKey) };
  }

  async search(term: string, options: { limit?: number } = {}): Promise<ReviewCase[]> {
    const text = term.trim();
    if (text === '') return [];
    const limit = options.limit ?? 50;
    // Every reading of the term at once, each one key look-up: a case id, an ID number, a name, a certificate number.
    const byKey = (key: string) => this.queryIndex(indexNames.lookup, 'GSI3PK', key, limit, undefined, 'search cases');
    // Rows straight from what each look-up returns: the case item (by id, by person) or a search-key item's row.
    const [asCase, ...found] = await Promise.all([
      readCaseItem(this.db, this.tableName, text).then((item) => (item ? [item] : [])),
      ...(looksLikeIdNumber(text) ? [byKey(this.personKey(text)).then((page) => page.items)] : []),
      byKey(findKey('name', text, this.secret)).then((page) => page.items),
      byKey(findKey('certificate', text, this.secret)).then((page) => page.items),
    ]);
    const newest = new Map<string, ReviewCase>();
    for (const c of await this.listedRows([...asCase!, ...found.flat()])) if ((newest.get(c.caseId)?.version ?? -1) < c.version) newest.set(c.caseId, c);
    return [...newest.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.caseId.localeCompare(a.caseId)).slice(0, limit);
  }

  /** The list rows of index items (see listedCaseFromIndexItem), reading only the cases whose item carries none. */
  private async listedRows(items: Record<string, unknown>[]): Promise<ReviewCase[]> {
    const rows = items.map(listedCaseFromIndexItem);
    const missing = items.filter((_, i) => rows[i] === undefined).map((item) => String(item.caseId));
    const read = new Map(missing.length === 0 ? [] : (await this.readListed(missing)).map((c) => [c.caseId, c] as const));
    return items.flatMap((item, i) => rows[i] ?? read.get(String(item.caseId)) ?? []);
  }

  async claimNext(queue: string, holder: string, leaseSeconds: number, now: Date, holderName?: string): Promise<ReviewCase | undefined> {
    return this.leases.claimNext({ queue, holder, leaseSeconds, now, ...(holderName ? { holderName } : {}) });
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
      auditEventFromItem,
    );
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
    const stored = reviewCaseSchema.parse(withOpenFindingCodes({ ...next, version: expectedVersion + 1 }));
    const wanted = claimKeys === undefined ? undefined : dedupeClaimKeys(claimKeys);
    const findKeys = findKeysOf(stored, this.secret);
    const expiresAt = retentionExpiry(stored, this.retentionDays, state);
    const caseItem = this.toItem(stored, wanted, findKeys, expiresAt);
    if (wanted === undefined) delete caseItem.heldClaimKeys;
    // A conditional Put would drop the held keys when they are not rewritten, so keep them with an explicit copy.
    if (wanted === undefined && state.heldClaimKeys.length > 0) caseItem.heldClaimKeys = state.heldClaimKeys;
    const { items, roles } = this.caseTransaction(
      {
        Put: {
          TableName: this.tableName,
          Item: caseItem,
          ConditionExpression: 'attribute_exists(PK) AND version = :expected',
          ExpressionAttributeValues: { ':expected': expectedVersion },
        },
      },
      {
        stored,
        audit,
        claimKeys: wanted === undefined ? { take: [], release: [] } : claimKeyChanges(state.heldClaimKeys, wanted),
        findKeys,
        expiresAt,
        alongside,
      },
      // Search keys gained or lost, and the counters when the list state or queue changed: under the case's version
      // condition, so a replayed or stale write moves nothing.
      { state, findKeys: { keys: state.findKeys, expiresAt: state.expiresAt } },
    );
    try {
      // Counted by action (claim-free writes: correct, confirm…), so the bench can set each beside the claim.
      await runTransaction(this.db, items, 'update case', undefined, { counts: this.transactionCounts, countAs: `update case: ${audit.action}` });
      this.leases.endSharedReads(stored);
      return this.remember(stored, { heldClaimKeys: wanted ?? state.heldClaimKeys, findKeys, expiresAt });
    } catch (error) {
      this.knownCases.delete(stored.caseId);
      throw await this.mapCancellation(error, roles, stored.caseId, expectedVersion);
    }
  }

  /**
   * The items of one case write, each with its role (a cancellation names the item that failed by its index): the
   * case item, the audit event, the lease written or removed, the claim keys taken and released, the search keys and
   * counters moved from what the case was (`before`), and the document settled with it.
   */
  private caseTransaction(
    casePut: TransactItem,
    write: {
      stored: ReviewCase;
      audit: AuditEvent;
      claimKeys: { take: ClaimKey[]; release: ClaimKey[] };
      findKeys: string[];
      expiresAt: number | undefined;
      alongside: DocumentSettlement | undefined;
    },
    before: { state: StoredState | undefined; findKeys: { keys: string[]; expiresAt: number | undefined } },
  ): { items: TransactItem[]; roles: ItemRole[] } {
    const { stored } = write;
    const roles: ItemRole[] = [{ kind: 'case' }, { kind: 'audit' }];
    const items: TransactItem[] = [casePut, auditPut(this.tableName, stored.caseId, write.audit, stored.version)];
    if (stored.lease) {
      roles.push({ kind: 'lease' });
      items.push(leasePut(this.tableName, stored));
      this.leases.noteLease(stored.queue, stored.lease.expiresAt);
    } else if (before.state?.hasLease) {
      roles.push({ kind: 'lease' });
      items.push({ Delete: { TableName: this.tableName, Key: caseKeys.lease(stored.caseId) } });
    }
    for (const key of write.claimKeys.take) {
      roles.push({ kind: 'take', key });
      items.push(this.claimKeys.take(key, stored.caseId));
    }
    for (const key of write.claimKeys.release) {
      roles.push({ kind: 'release', key });
      items.push(this.claimKeys.release(key, stored.caseId));
    }
    for (const item of [
      ...findKeyWrites(this.tableName, stored, before.findKeys, { keys: write.findKeys, expiresAt: write.expiresAt }),
      ...counterUpdates(this.tableName, stored.caseId, before.state, stored),
    ]) {
      roles.push({ kind: 'index' });
      items.push(item);
    }
    this.addSettlement(items, roles, write.alongside);
    return { items, roles };
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
    if (role.kind === 'take') return this.claimKeys.takenError(error, index, role.key);
    return error;
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
      ...packAttribute('documents', documents, caseDocumentsCompressAboveBytes),
    };
    for (const name of Object.keys(item)) if (item[name] === undefined) delete item[name];
    assertItemFits(item, 'case', reviewCase.caseId);
    return item;
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
  private async queryIndex(
    indexName: string,
    partitionName: string,
    partition: string,
    limit: number,
    startKey: Record<string, unknown> | undefined,
    operation: string,
  ): Promise<IndexPage> {
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

/** An ID number as people type it (18 characters, the last possibly X; or the old 15 digits). */
function looksLikeIdNumber(text: string): boolean {
  return /^(\d{17}[\dXx]|\d{15})$/.test(text);
}
