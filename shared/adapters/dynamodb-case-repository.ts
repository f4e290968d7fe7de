import { BatchGetCommand, GetCommand, paginateQuery, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { reviewCaseSchema, type AuditEvent, type ReviewCase } from '../cases/review-case.js';
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
import { DocumentNotFoundError } from '../ports/document-repository.js';
import {
  COUNTER_SHARDS,
  caseFromItem,
  caseKeys,
  auditEventFromItem,
  claimKeyItemKey,
  countersPartition,
  createWrite,
  findKey,
  personKey,
  readCaseItem,
  statePartition,
  storedStateOf,
  updateWrite,
  type CaseTable,
  type CaseWrite,
  type ItemRole,
  type StoredState,
} from './dynamodb-case-write.js';
import { DynamoDbCaseLeases, queryQueueIndex } from './dynamodb-case-leases.js';
import { InvalidCursorError, toStoreError } from './dynamodb-errors.js';
import { collectPages } from './dynamodb-pages.js';
import { decodeCursor, encodeCursor, entityAttributes, lookupSecretFromEnv } from './dynamodb-items.js';
import { TransactionCancelled, TransactionCounts, runTransaction } from './dynamodb-transactions.js';
import { caseListAttributes, indexNames } from './table-design.js';

/** Cases this instance keeps at the version it last read or wrote (see `remember`); documents make them large. */
const knownCasesLimit = 500;

/** A page of an index partition as a query returns it. */
interface IndexPage {
  items: Record<string, unknown>[];
  lastEvaluatedKey?: Record<string, unknown>;
}

/**
 * Review cases in the intake table (single-table design, docs/data-model.md): the case item, its audit events and
 * lease under the case's partition, claim-key items for cross-claim constraints, and three indexes (queue,
 * submission, person). Every write is one TransactWriteItems that `dynamodb-case-write.ts` builds (the case under a
 * version condition, an audit event, the claim keys taken or released, search keys and counters, the settled
 * document), so they succeed or fail together; this class sends it, keeps the version it wrote, and reads the lists.
 * Claiming is `DynamoDbCaseLeases`, built on the first claim.
 *
 * @example
 * const cases = new DynamoDbCaseRepository(createDynamoDbDocumentClient(), process.env.INTAKE_TABLE_NAME!);
 * const next = await cases.claimNext('XH36-3.7.c', 'clerk-li', 900, new Date());
 */
export class DynamoDbCaseRepository implements CaseRepository, CaseLists {
  /** The table, and what the case write makes keys and TTLs with (dynamodb-case-write.ts). */
  private readonly table: CaseTable;
  /** Per case, the case at the version last read or written here and what `update` needs of it (see `remember`). */
  private readonly knownCases = new Map<string, { reviewCase: ReviewCase; state: StoredState }>();
  /** Claiming the next case of a queue, and the lease heuristics that keep claims on this instance apart: see `leases`. */
  #leases: DynamoDbCaseLeases | undefined;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: {
      lookupSecret?: string;
      /** Days a closed case stays before the table's TTL removes it (`INTAKE_CLOSED_CASE_RETENTION_DAYS`); 0 keeps it. */
      closedCaseRetentionDays?: number;
    } = {},
  ) {
    this.table = { db, tableName, secret: options.lookupSecret ?? lookupSecretFromEnv(), retentionDays: options.closedCaseRetentionDays ?? 0 };
  }

  /**
   * Claiming, built on the first claim: its state (shared first-page reads, lease horizons, reservations) exists only
   * on an instance that claims. An instance that never claims (the process function) keeps none, and its case writes
   * have no shared read to end and no horizon to lower.
   */
  private get leases(): DynamoDbCaseLeases {
    this.#leases ??= new DynamoDbCaseLeases(
      this.db,
      this.tableName,
      this.table.secret,
      { remember: (reviewCase, state) => this.remember(reviewCase, state), get: (caseId) => this.get(caseId) },
      this.transactionCounts,
    );
    return this.#leases;
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
    return claimKeyItemKey(key, this.table.secret);
  }

  /** The look-up index key of a person's cases: keyed-hashed ID number (see docs/data-model.md). */
  personKey(idNumber: string): string {
    return personKey(idNumber, this.table.secret);
  }

  async create(
    reviewCase: ReviewCase,
    audit: AuditEvent,
    claimKeys: ClaimKey[] = [],
    alongside?: DocumentSettlement,
  ): Promise<{ reviewCase: ReviewCase; created: boolean }> {
    const write = createWrite(this.table, reviewCase, audit, claimKeys, alongside);
    try {
      await this.send(write, 'create case');
      return { reviewCase: this.remember(write.stored, write), created: true };
    } catch (error) {
      if (error instanceof TransactionCancelled && error.reasons[0]?.code === 'ConditionalCheckFailed') {
        const existing = await this.get(write.stored.caseId);
        if (existing) return { reviewCase: existing, created: false };
      }
      throw await this.refusal(error, write.roles, write.stored.caseId, 0);
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
    const write = updateWrite(this.table, next, expectedVersion, audit, state, claimKeys, alongside);
    try {
      // Counted by action (claim-free writes: correct, confirm…), so the bench can set each beside the claim.
      await this.send(write, 'update case', `update case: ${audit.action}`);
      return this.remember(write.stored, write);
    } catch (error) {
      this.knownCases.delete(next.caseId);
      throw await this.refusal(error, write.roles, next.caseId, expectedVersion);
    }
  }

  /** Sends a case write; a claiming instance hears of the lease it writes before, and of a case made claimable after. */
  private async send(write: CaseWrite, operation: string, countAs?: string): Promise<void> {
    const { stored } = write;
    if (stored.lease) this.#leases?.noteLease(stored.queue, stored.lease.expiresAt);
    await runTransaction(this.db, write.items, operation, undefined, { counts: this.transactionCounts, ...(countAs ? { countAs } : {}) });
    this.#leases?.endSharedReads(stored);
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
    // Counters kept by every case write (dynamodb-case-write.ts): a few hundred bytes read, whatever the backlog.
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
    const key = findKey('user', userId, this.table.secret);
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
      byKey(findKey('name', text, this.table.secret)).then((page) => page.items),
      byKey(findKey('certificate', text, this.table.secret)).then((page) => page.items),
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

  /**
   * The error a refused case write means, by the item that failed: the case's version, the settled document gone, a
   * claim key another case holds (with that case when the cancellation or a read says so); any other error as it is.
   */
  private async refusal(error: unknown, roles: ItemRole[], caseId: string, expectedVersion: number): Promise<unknown> {
    if (!(error instanceof TransactionCancelled)) return error;
    const index = error.failedAt();
    const role = roles[index];
    if (!role) return error;
    if (role.kind === 'case') return new VersionConflictError(caseId, expectedVersion);
    if (role.kind === 'document') return Object.assign(new DocumentNotFoundError(role.documentId), { cause: error });
    if (role.kind !== 'take') return error;
    let holder = error.reasons[index]?.item?.holder as string | undefined;
    if (!holder && role.key.kind === 'unique') {
      const { Item } = await this.db.send(
        new GetCommand({ TableName: this.tableName, Key: claimKeyItemKey(role.key, this.table.secret), ConsistentRead: true }),
      );
      holder = Item?.holder as string | undefined;
    }
    return Object.assign(new ClaimKeyTakenError(role.key, holder), { cause: error });
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

/**
 * Sums the counter items of every shard into queue counts and state counts.
 *
 * @example
 * sumCounters([{ SK: 'QUEUE#q', count: 2 }, { SK: 'QUEUE#q', count: 1 }]).queues; // { q: 3 }
 */
export function sumCounters(items: Record<string, unknown>[]): { queues: Record<string, number>; states: Record<string, number> } {
  const queues: Record<string, number> = {};
  const states: Record<string, number> = {};
  for (const item of items) {
    const match = /^(QUEUE|STATE)#(.*)$/.exec(String(item.SK));
    if (!match) continue;
    const into = match[1] === 'QUEUE' ? queues : states;
    into[match[2]!] = (into[match[2]!] ?? 0) + Number(item.count ?? 0);
  }
  return { queues, states };
}

/**
 * A list row from a status-index entry or a search-key item: the case without its documents (`documents` is empty), as
 * the index projects it or the item carries it (`caseListAttributes`). Undefined for an entry of a keys-only index — a
 * table created before the index carried the rows and not yet migrated (`intake migrate-indexes`) — and for a search-key
 * item written before search keys carried the row and not rewritten since: the caller reads the case instead.
 *
 * @example
 * listedCaseFromIndexItem({ PK: 'CASE#c1', SK: 'CASE', GSI4PK: 'STATE#confirmed', GSI4SK: '…' }); // undefined
 */
export function listedCaseFromIndexItem(item: Record<string, unknown>): ReviewCase | undefined {
  if (item.caseId === undefined || item.version === undefined) return undefined;
  const row: Record<string, unknown> = {};
  for (const name of caseListAttributes) if (item[name] !== undefined) row[name] = item[name];
  return reviewCaseSchema.parse({ ...entityAttributes(row), documents: [] });
}
