/**
 * What the case lists (issue 16 item 3) and the O(1) counts (issue 14, *Run a province*) add to each case write: the
 * status-index keys, the search keys written as items beside the case, the counters, and the retention TTL of a
 * closed case. Pure functions producing item keys and transaction items; `DynamoDbCaseRepository` puts them in the
 * same TransactWriteItems as the case. The access patterns are in docs/data-model.md (*Case lists*).
 */
import { createHash } from 'node:crypto';
import { reviewCaseSchema, type ReviewCase } from '../cases/review-case.js';
import { closedCaseStatuses, listStateOf, queuedCaseStatuses, type CaseListState } from '../ports/case-repository.js';
import { entityAttributes, pseudonymKey } from './dynamodb-items.js';
import type { TransactItem } from './dynamodb-transactions.js';
import { caseListAttributes } from './table-design.js';

/**
 * Each counter is split over this many partitions (`COUNTS#0` … `COUNTS#7`, chosen by the case id): concurrent case
 * writes in one queue rarely meet on the same item (a TransactionConflict costs a retry), and the counters take 8 ×
 * one partition's write limit (docs/capacity.md). Reading is one Query per shard, in parallel, summed: a few hundred
 * small items whatever the number of cases.
 */
export const COUNTER_SHARDS = 8;

/** The partition of counter shard `shard`. */
export function countersPartition(shard: number): string {
  return `COUNTS#${shard}`;
}
/** A case writes at most this many search keys (names and certificate numbers beyond are not searchable). */
export const MAX_FIND_KEYS = 40;

/** Fields that name the person a document is about (shared/documents/field-names.ts). */
const personNameFields = ['holderName', 'employeeName', 'personName', 'studentName', 'name'] as const;

/** What a search key stands for; the value itself is never stored, only its keyed hash. */
export type FindKind = 'name' | 'certificate' | 'user';

/**
 * The status-index keys of a case: its list state, newest first by creation time. Claiming does not change them.
 *
 * @example
 * statusIndexKeys({ caseId: 'c1', status: 'claimed', createdAt: '2021-06-18T08:00:00Z' }); // { GSI4PK: 'STATE#needs_review', ... }
 */
export function statusIndexKeys(reviewCase: Pick<ReviewCase, 'caseId' | 'status' | 'createdAt'>): { GSI4PK: string; GSI4SK: string } {
  return { GSI4PK: statePartition(listStateOf(reviewCase.status)), GSI4SK: `${reviewCase.createdAt}#${reviewCase.caseId}` };
}

export function statePartition(state: CaseListState): string {
  return `STATE#${state}`;
}

/**
 * The search key of a value: `FIND#` and the keyed hash (the secret of the person keys) of its kind and normalised
 * form, so neither names nor certificate numbers nor user ids appear in any key.
 *
 * @example
 * findKey('name', ' 王 晓明', secret) === findKey('name', '王晓明', secret); // true
 */
export function findKey(kind: FindKind, value: string, secret: string): string {
  return `FIND#${pseudonymKey(`${kind}\u0000${normalise(kind, value)}`, secret)}`;
}

function normalise(kind: FindKind, value: string): string {
  if (kind === 'user') return value.trim();
  // Names and numbers as people type them: no spaces, Latin letters in upper case (证书编号 often has letters).
  return value.replace(/\s+/g, '').toUpperCase();
}

/**
 * The search keys a case carries: its person's and applicant's names, the certificate numbers its documents show,
 * and the staff who hold its lease or confirmed it ("my cases"). Sorted, at most MAX_FIND_KEYS.
 */
export function findKeysOf(reviewCase: ReviewCase, secret: string): string[] {
  const keys = new Set<string>();
  const add = (kind: FindKind, value: unknown) => {
    if (typeof value === 'string' && value.trim() !== '') keys.add(findKey(kind, value, secret));
  };
  if (reviewCase.lease) add('user', reviewCase.lease.holder);
  add('user', reviewCase.confirmedBy);
  add('name', reviewCase.personName);
  add('name', reviewCase.applicant?.name);
  for (const document of reviewCase.documents) {
    // The person each document names (a mixed-person claim is found under every name it carries).
    for (const field of personNameFields) add('name', document.fields[field]?.value);
    add('certificate', document.fields.certificateNumber?.value);
  }
  return [...keys].slice(0, MAX_FIND_KEYS).sort();
}

/**
 * What a search-key item carries besides its keys: the case's list row (`caseListAttributes`, the case without its
 * documents) as the case item stores it, so "my cases" and search are one Query of the lookup index each, with no read
 * of the cases behind it (as the status index does for lists by state). Every case write rewrites the row of each key
 * the case holds (see `findKeyWrites`; a claim does it in `DynamoDbCaseLeases`).
 *
 * @example
 * listRowOf(aReviewCase({ caseId: 'c1' })).caseId; // 'c1' (no `documents`)
 */
export function listRowOf(reviewCase: Pick<ReviewCase, 'caseId' | 'createdAt'> & Partial<ReviewCase>): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const name of caseListAttributes) if (reviewCase[name] !== undefined) row[name] = reviewCase[name];
  // As the case item stores it: plain JSON (no undefined members, dates as strings).
  return JSON.parse(JSON.stringify(row)) as Record<string, unknown>;
}

/**
 * The item of one search key of a case: under the case's partition (it goes when the case goes), found through the
 * lookup index by the key, newest case first, carrying the case's list row (`listRowOf`). It carries the case's TTL
 * when the case has one.
 */
export function findKeyItem(
  tableName: string,
  row: Record<string, unknown> & { caseId: string; createdAt: string },
  key: string,
  expiresAt: number | undefined,
): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...row,
        PK: `CASE#${row.caseId}`,
        SK: key,
        entity: 'case-key',
        caseId: row.caseId,
        GSI3PK: key,
        GSI3SK: `CASE#${row.createdAt}#${row.caseId}`,
        ...(expiresAt === undefined ? {} : { expiresAt }),
      },
    },
  };
}

export function findKeyDelete(tableName: string, caseId: string, key: string): TransactItem {
  return { Delete: { TableName: tableName, Key: { PK: `CASE#${caseId}`, SK: key } } };
}

/**
 * The search-key items a write puts and deletes: every key the case holds, put again with the case's new list row
 * (version, status, lease, decision… change with each write), and the keys it lost, deleted.
 */
export function findKeyWrites(
  tableName: string,
  reviewCase: ReviewCase,
  before: { keys: readonly string[] },
  after: { keys: readonly string[]; expiresAt: number | undefined },
): TransactItem[] {
  const has = new Set(after.keys);
  const row = listRowOf(reviewCase) as Record<string, unknown> & { caseId: string; createdAt: string };
  return [
    ...after.keys.map((key) => findKeyItem(tableName, row, key, after.expiresAt)),
    ...before.keys.filter((key) => !has.has(key)).map((key) => findKeyDelete(tableName, reviewCase.caseId, key)),
  ];
}

/** Where a case stands for the counters: its queue while it waits there, and its list state. */
export interface CountedPlace {
  queue: string;
  status: ReviewCase['status'];
}

/**
 * The counter changes of a write from `before` (undefined for a new case) to `after`: only a change of list state or
 * of queue moves a counter, so a write that is refused (a replayed create, a stale version) or changes neither moves
 * none. Claiming and releasing change neither (see `caseListStates`).
 *
 * @example
 * counterUpdates('intake', 'c1', { queue: 'q', status: 'claimed' }, { queue: 'q', status: 'confirmed' });
 * // queue q −1, state needs_review −1, state confirmed +1
 */
export function counterUpdates(tableName: string, caseId: string, before: CountedPlace | undefined, after: CountedPlace): TransactItem[] {
  const deltas = new Map<string, number>();
  const add = (name: string, delta: number) => deltas.set(name, (deltas.get(name) ?? 0) + delta);
  const queued = (place: CountedPlace) => (queuedCaseStatuses as readonly string[]).includes(place.status);
  if (before && queued(before)) add(`QUEUE#${before.queue}`, -1);
  if (queued(after)) add(`QUEUE#${after.queue}`, +1);
  if (before) add(`STATE#${listStateOf(before.status)}`, -1);
  add(`STATE#${listStateOf(after.status)}`, +1);
  const shard = counterShard(caseId);
  return [...deltas]
    .filter(([, delta]) => delta !== 0)
    .map(([name, delta]) => ({
      Update: {
        TableName: tableName,
        Key: { PK: countersPartition(shard), SK: name },
        UpdateExpression: 'ADD #count :delta SET entity = :entity',
        ExpressionAttributeNames: { '#count': 'count' },
        ExpressionAttributeValues: { ':delta': delta, ':entity': 'counter' },
      },
    }));
}

function counterShard(caseId: string): number {
  return createHash('sha256').update(caseId).digest()[0]! % COUNTER_SHARDS;
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
 * The TTL (epoch seconds) a case carries: none while it is open or when retention is off (0 days); once closed,
 * `retentionDays` after it closed — kept from the write that closed it, so later writes (a recovery on a paid case)
 * do not push it back.
 *
 * @example
 * retentionExpiry({ status: 'paid', updatedAt: '2021-06-18T00:00:00.000Z' }, 30, undefined); // 1626566400
 */
export function retentionExpiry(
  reviewCase: Pick<ReviewCase, 'status' | 'updatedAt'>,
  retentionDays: number,
  before: { status: ReviewCase['status']; expiresAt?: number } | undefined,
): number | undefined {
  if (retentionDays <= 0 || !isClosed(reviewCase.status)) return undefined;
  if (before && isClosed(before.status) && before.expiresAt !== undefined) return before.expiresAt;
  return Math.floor(Date.parse(reviewCase.updatedAt) / 1000) + retentionDays * 86_400;
}

function isClosed(status: ReviewCase['status']): boolean {
  return (closedCaseStatuses as readonly string[]).includes(status);
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
