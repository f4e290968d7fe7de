import { randomInt } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import {
  BatchGetCommand,
  GetCommand,
  paginateQuery,
  paginateScan,
  QueryCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { auditEventSchema, reviewCaseSchema, type AuditEvent, type ReviewCase } from '../cases/review-case.js';
import type { ClaimKey } from '../policy/decision.js';
import {
  CaseNotFoundError,
  ClaimKeyTakenError,
  VersionConflictError,
  queuedCaseStatuses,
  type CaseRepository,
  type Page,
} from '../ports/case-repository.js';
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
import { indexNames } from './table-design.js';

/** Item keys of cases and what hangs off them; see docs/data-model.md. */
export const caseKeys = {
  case: (caseId: string) => ({ PK: `CASE#${caseId}`, SK: 'CASE' }),
  audit: (caseId: string, at: string, version: number) => ({ PK: `CASE#${caseId}`, SK: `AUDIT#${at}#${String(version).padStart(9, '0')}` }),
  lease: (caseId: string) => ({ PK: `CASE#${caseId}`, SK: 'LEASE' }),
  queue: (queue: string) => `QUEUE#${queue}`,
  submission: (submissionId: string) => `SUB#${submissionId}`,
  sortByTime: (createdAt: string, caseId: string) => `CASE#${createdAt}#${caseId}`,
};

/** How many of the oldest claimable cases a contended claimer's first try is spread over, at least. */
const claimFirstTryWindow = 8;
/** How long a lost race on a queue keeps this instance treating that queue as contended. */
const claimContentionMemoryMs = 30_000;

/** What the adapter needs to know about a case item before writing it. */
interface StoredState {
  version: number;
  heldClaimKeys: ClaimKey[];
  hasLease: boolean;
}

/** What each item of a transaction is, so a cancellation reason can be mapped to the right error. */
type ItemRole = { kind: 'case' } | { kind: 'audit' } | { kind: 'lease' } | { kind: 'take'; key: ClaimKey } | { kind: 'release'; key: ClaimKey };

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
export class DynamoDbCaseRepository implements CaseRepository {
  private readonly secret: string;
  /** Per queue: `claimNext` calls running on this instance now. */
  private readonly claimsInFlight = new Map<string, number>();
  /** Per queue: when (performance.now()) a claim on this instance last lost a race. */
  private readonly lastLostRace = new Map<string, number>();

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    options: { lookupSecret?: string } = {},
  ) {
    this.secret = options.lookupSecret ?? lookupSecretFromEnv();
  }

  /** The partition key of a claim key's item: keyed-hashed, since once-per-person keys hold an ID number. */
  claimKeyItemKey(key: ClaimKey): { PK: string; SK: string } {
    return { PK: `CLAIM#${pseudonymKey(`${key.kind}\u0000${key.key}`, this.secret)}`, SK: key.kind === 'unique' ? 'UNIQUE' : 'QUOTA' };
  }

  /** The look-up index key of a person's cases: keyed-hashed ID number (see docs/data-model.md). */
  personKey(idNumber: string): string {
    return `PERSON#${pseudonymKey(idNumber.trim().toUpperCase(), this.secret)}`;
  }

  async create(reviewCase: ReviewCase, audit: AuditEvent, claimKeys: ClaimKey[] = []): Promise<{ reviewCase: ReviewCase; created: boolean }> {
    const stored = reviewCaseSchema.parse({ ...reviewCase, version: 1 });
    const keys = dedupe(claimKeys);
    const roles: ItemRole[] = [];
    const items: TransactItem[] = [];
    roles.push({ kind: 'case' });
    items.push({ Put: { TableName: this.tableName, Item: this.toItem(stored, keys), ConditionExpression: 'attribute_not_exists(PK)' } });
    roles.push({ kind: 'audit' });
    items.push(this.auditPut(stored.caseId, audit, stored.version));
    if (stored.lease) {
      roles.push({ kind: 'lease' });
      items.push(this.leasePut(stored));
    }
    for (const key of keys) {
      roles.push({ kind: 'take', key });
      items.push(this.take(key, stored.caseId));
    }
    try {
      await runTransaction(this.db, items, 'create case');
      return { reviewCase: stored, created: true };
    } catch (error) {
      if (error instanceof TransactionCancelled && error.reasons[0]?.code === 'ConditionalCheckFailed') {
        const existing = await this.get(stored.caseId);
        if (existing) return { reviewCase: existing, created: false };
      }
      throw await this.mapCancellation(error, roles, stored.caseId, 0);
    }
  }

  async get(caseId: string): Promise<ReviewCase | undefined> {
    try {
      const { Item } = await this.db.send(new GetCommand({ TableName: this.tableName, Key: caseKeys.case(caseId), ConsistentRead: true }));
      return Item ? caseFromItem(Item) : undefined;
    } catch (error) {
      throw toStoreError(error, 'get case');
    }
  }

  async update(next: ReviewCase, expectedVersion: number, audit: AuditEvent, claimKeys?: ClaimKey[]): Promise<ReviewCase> {
    const state = await this.storedState(next.caseId);
    if (!state) throw new CaseNotFoundError(next.caseId);
    if (state.version !== expectedVersion) throw new VersionConflictError(next.caseId, expectedVersion);
    return this.write(next, expectedVersion, audit, state, claimKeys);
  }

  async listQueue(queue: string, options: { limit?: number; cursor?: string } = {}): Promise<Page<ReviewCase>> {
    const startKey = options.cursor === undefined ? undefined : decodeCursor(options.cursor);
    // A cursor of another queue would make DynamoDB fail with an opaque ValidationException.
    if (options.cursor !== undefined && startKey?.GSI1PK !== caseKeys.queue(queue)) throw new InvalidCursorError(options.cursor);
    const page = await this.queryQueue(queue, options.limit ?? 50, startKey);
    return { items: page.items.map(caseFromItem), cursor: encodeCursor(page.lastEvaluatedKey) };
  }

  async countQueues(): Promise<Record<string, number>> {
    // The queue index is sparse (only waiting cases), so scanning its keys costs what is waiting, not the table.
    const counts: Record<string, number> = {};
    const queues = await collectPages(
      'count queues',
      paginateScan({ client: this.db }, { TableName: this.tableName, IndexName: indexNames.queue, ProjectionExpression: 'GSI1PK' }),
      (item) => String(item.GSI1PK).slice('QUEUE#'.length),
    );
    for (const queue of queues) counts[queue] = (counts[queue] ?? 0) + 1;
    return counts;
  }

  async claimNext(queue: string, holder: string, leaseSeconds: number, now: Date): Promise<ReviewCase | undefined> {
    // Contention is judged on this instance's own evidence (see docs/data-model.md, Claiming): claims in flight here
    // now, or a race lost on this queue a moment ago. Real time, not `now`: `now` is the lease clock callers pass.
    const inFlight = (this.claimsInFlight.get(queue) ?? 0) + 1;
    this.claimsInFlight.set(queue, inFlight);
    const contended = inFlight > 1 || performance.now() - (this.lastLostRace.get(queue) ?? -Infinity) < claimContentionMemoryMs;
    try {
      let startKey: Record<string, unknown> | undefined;
      do {
        const page = await this.queryQueue(queue, 25, startKey);
        let candidates = page.items.map(candidateFromItem).filter((c) => isClaimable(c.reviewCase, now));
        for (let attempt = 0; candidates.length > 0 && attempt < 3 * page.items.length; attempt++) {
          // Alone, the oldest. Contended, the first try is spread over the few oldest so twenty clerks pressing
          // "next" together do not all race for one case: over at least as many as claims are in flight here, since
          // strict oldest-first would hand that many oldest cases to them anyway. After a lost race, any one still free.
          const window = attempt > 0 ? candidates.length : contended ? Math.min(Math.max(claimFirstTryWindow, this.claimsInFlight.get(queue) ?? 1), candidates.length) : 1;
          const candidate = candidates[window === 1 ? 0 : randomInt(window)]!;
          const claimed = await this.tryClaim(candidate.reviewCase, candidate.state, holder, leaseSeconds, now);
          if (claimed) return claimed;
          this.lastLostRace.set(queue, performance.now());
          // One consistent read of what is left (the lost one included: the winner's transaction may have failed, or
          // the index was stale) costs less than trying transactions on cases others have already taken.
          const ids = candidates.map((c) => c.reviewCase.caseId);
          candidates = (await this.getManyWithState(ids)).filter((c) => c.reviewCase.queue === queue && isClaimable(c.reviewCase, now));
        }
        startKey = page.lastEvaluatedKey;
      } while (startKey);
      return undefined;
    } finally {
      const left = (this.claimsInFlight.get(queue) ?? 1) - 1;
      if (left > 0) this.claimsInFlight.set(queue, left);
      else this.claimsInFlight.delete(queue);
    }
  }

  async listByPerson(idNumber: string): Promise<ReviewCase[]> {
    return this.queryCases(indexNames.lookup, 'GSI3PK', this.personKey(idNumber), 'GSI3SK');
  }

  async listBySubmission(submissionId: string): Promise<ReviewCase[]> {
    return this.queryCases(indexNames.submission, 'GSI2PK', caseKeys.submission(submissionId), 'GSI2SK');
  }

  async listByStatus(status: ReviewCase['status']): Promise<ReviewCase[]> {
    // No index holds cases by status (the queue index is sparse by design); exports are rare, so a filtered scan.
    return collectPages(
      'list cases by status',
      paginateScan(
        { client: this.db },
        {
          TableName: this.tableName,
          FilterExpression: 'entity = :case AND #status = :status',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':case': 'case', ':status': status },
          ConsistentRead: true,
        },
      ),
      caseFromItem,
    );
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


  private async tryClaim(candidate: ReviewCase, state: StoredState, holder: string, leaseSeconds: number, now: Date): Promise<ReviewCase | undefined> {
    const claimed: ReviewCase = {
      ...candidate,
      status: 'claimed',
      lease: { holder, expiresAt: new Date(now.getTime() + leaseSeconds * 1000).toISOString() },
      updatedAt: now.toISOString(),
    };
    const audit: AuditEvent = {
      caseId: candidate.caseId,
      at: now.toISOString(),
      actor: holder,
      action: 'claim',
      before: { status: candidate.status, lease: candidate.lease },
      after: { status: claimed.status, lease: claimed.lease },
    };
    try {
      // Held claim keys are kept as they are: a claim changes the review state only.
      return await this.write(claimed, candidate.version, audit, state, undefined, 1);
    } catch (error) {
      // Another claimer got there first (or is in the middle of it): the caller re-reads and moves on.
      if (error instanceof VersionConflictError || error instanceof CaseNotFoundError || error instanceof StoreContentionError) return undefined;
      throw error;
    }
  }

  /** One transaction: the case under its version condition, the audit event, the lease, claim keys taken/released. */
  private async write(
    next: ReviewCase,
    expectedVersion: number,
    audit: AuditEvent,
    state: StoredState,
    claimKeys: ClaimKey[] | undefined,
    attempts?: number,
  ): Promise<ReviewCase> {
    const stored = reviewCaseSchema.parse({ ...next, version: expectedVersion + 1 });
    const wanted = claimKeys === undefined ? undefined : dedupe(claimKeys);
    const roles: ItemRole[] = [];
    const items: TransactItem[] = [];
    const caseItem = this.toItem(stored, wanted);
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
    try {
      await runTransaction(this.db, items, 'update case', attempts);
      return stored;
    } catch (error) {
      throw await this.mapCancellation(error, roles, stored.caseId, expectedVersion);
    }
  }

  private async mapCancellation(error: unknown, roles: ItemRole[], caseId: string, expectedVersion: number): Promise<unknown> {
    if (!(error instanceof TransactionCancelled)) return error;
    const index = error.failedAt();
    const role = roles[index];
    if (!role) return error;
    if (role.kind === 'case') return new VersionConflictError(caseId, expectedVersion);
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

  private leasePut(reviewCase: ReviewCase): TransactItem {
    const expiresAt = Math.ceil(Date.parse(reviewCase.lease!.expiresAt) / 1000);
    return { Put: { TableName: this.tableName, Item: { ...caseKeys.lease(reviewCase.caseId), entity: 'lease', holder: reviewCase.lease!.holder, expiresAt } } };
  }

  private toItem(reviewCase: ReviewCase, heldClaimKeys: ClaimKey[] | undefined): Record<string, unknown> {
    const { documents, ...rest } = reviewCase;
    const byTime = caseKeys.sortByTime(reviewCase.createdAt, reviewCase.caseId);
    const queued = (queuedCaseStatuses as readonly string[]).includes(reviewCase.status);
    const item: Record<string, unknown> = {
      ...caseKeys.case(reviewCase.caseId),
      entity: 'case',
      // Sparse queue index: only cases waiting for a clerk carry its keys.
      GSI1PK: queued ? caseKeys.queue(reviewCase.queue) : undefined,
      GSI1SK: queued ? `${reviewCase.createdAt}#${reviewCase.caseId}` : undefined,
      GSI2PK: caseKeys.submission(reviewCase.submissionId),
      GSI2SK: byTime,
      GSI3PK: reviewCase.personIdNumber ? this.personKey(reviewCase.personIdNumber) : undefined,
      GSI3SK: reviewCase.personIdNumber ? byTime : undefined,
      heldClaimKeys: heldClaimKeys ?? [],
      ...JSON.parse(JSON.stringify(rest)),
      ...packAttribute('documents', documents),
    };
    for (const name of Object.keys(item)) if (item[name] === undefined) delete item[name];
    assertItemFits(item, 'case', reviewCase.caseId);
    return item;
  }

  private async queryQueue(queue: string, limit: number, startKey: Record<string, unknown> | undefined) {
    try {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: indexNames.queue,
          KeyConditionExpression: 'GSI1PK = :queue',
          ExpressionAttributeValues: { ':queue': caseKeys.queue(queue) },
          Limit: limit,
          ExclusiveStartKey: startKey,
        }),
      );
      return { items: page.Items ?? [], lastEvaluatedKey: page.LastEvaluatedKey };
    } catch (error) {
      throw toStoreError(error, 'list queue');
    }
  }

  private async getManyWithState(caseIds: string[]): Promise<{ reviewCase: ReviewCase; state: StoredState }[]> {
    const found: { reviewCase: ReviewCase; state: StoredState }[] = [];
    let keys: Record<string, unknown>[] = caseIds.map((id) => caseKeys.case(id));
    try {
      for (let attempt = 0; keys.length > 0 && attempt < 5; attempt++) {
        const result = await this.db.send(new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: keys.slice(0, 100), ConsistentRead: true } } }));
        found.push(...(result.Responses?.[this.tableName] ?? []).map(candidateFromItem));
        keys = [...((result.UnprocessedKeys?.[this.tableName]?.Keys as Record<string, unknown>[] | undefined) ?? []), ...keys.slice(100)];
      }
    } catch (error) {
      throw toStoreError(error, 'get cases');
    }
    return found;
  }

  private async storedState(caseId: string): Promise<StoredState | undefined> {
    try {
      const { Item } = await this.db.send(
        new GetCommand({
          TableName: this.tableName,
          Key: caseKeys.case(caseId),
          ConsistentRead: true,
          ProjectionExpression: 'version, heldClaimKeys, lease',
        }),
      );
      if (!Item) return undefined;
      return { version: Number(Item.version), heldClaimKeys: (Item.heldClaimKeys as ClaimKey[] | undefined) ?? [], hasLease: Item.lease !== undefined };
    } catch (error) {
      throw toStoreError(error, 'read case version');
    }
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

function isClaimable(reviewCase: ReviewCase, now: Date): boolean {
  if (reviewCase.status === 'needs_review') return true;
  return reviewCase.status === 'claimed' && (!reviewCase.lease || Date.parse(reviewCase.lease.expiresAt) <= now.getTime());
}

function candidateFromItem(item: Record<string, unknown>): { reviewCase: ReviewCase; state: StoredState } {
  const reviewCase = caseFromItem(item);
  return { reviewCase, state: { version: reviewCase.version, heldClaimKeys: (item.heldClaimKeys as ClaimKey[] | undefined) ?? [], hasLease: Boolean(reviewCase.lease) } };
}

function claimKeyId(key: ClaimKey): string {
  return `${key.kind}\u0000${key.key}`;
}

function dedupe(keys: ClaimKey[]): ClaimKey[] {
  const seen = new Map<string, ClaimKey>();
  for (const key of keys) seen.set(claimKeyId(key), key);
  return [...seen.values()];
}

function caseFromItem(item: Record<string, unknown>): ReviewCase {
  return reviewCaseSchema.parse({ ...entityAttributes(item), documents: unpackAttribute(item, 'documents') ?? [] });
}
