/**
 * One case write in the intake table (single-table design, docs/data-model.md): the items a TransactWriteItems carries
 * when a case is created or updated, and how a case comes back from its item. The case item (its index keys: queue,
 * submission, person, status), the audit event, the lease, the claim keys taken and released (the transactional form
 * of the cross-claim rule), the search keys and counters the case lists read (issue 16 item 3, issue 14), the retention
 * TTL of a closed case, and the document settled with the case — built together, so they succeed or fail together.
 * `DynamoDbCaseRepository` sends them; claiming (`dynamodb-case-leases.ts`) writes a claim from the same items.
 */
import { createHash } from 'node:crypto';
import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { auditEventSchema, reviewCaseSchema, type AuditEvent, type ReviewCase } from '../cases/review-case.js';
import { withOpenFindingCodes } from '../cases/findings.js';
import type { ClaimKey } from '../policy/decision.js';
import { closedCaseStatuses, listStateOf, queuedCaseStatuses, type CaseListState, type DocumentSettlement } from '../ports/case-repository.js';
import { documentUpdate } from './dynamodb-document-repository.js';
import { toStoreError } from './dynamodb-errors.js';
import { assertItemFits, caseDocumentsCompressAboveBytes, entityAttributes, packAttribute, pseudonymKey, unpackAttribute } from './dynamodb-items.js';
import type { TransactItem } from './dynamodb-transactions.js';
import { caseListAttributes } from './table-design.js';

/** The table a case write goes to, and what keys and TTLs are made with. */
export interface CaseTable {
  db: DynamoDBDocumentClient;
  tableName: string;
  /** The keyed hash's secret of person keys, search keys and claim keys: no ID number or name appears in a key. */
  secret: string;
  /** Days a closed case stays before the table's TTL removes it; 0 keeps it. */
  retentionDays: number;
}

/** What each item of a transaction is, so a cancellation reason can be mapped to the right error. */
export type ItemRole =
  | { kind: 'case' }
  | { kind: 'audit' }
  | { kind: 'lease' }
  | { kind: 'take'; key: ClaimKey }
  | { kind: 'release'; key: ClaimKey }
  | { kind: 'document'; documentId: string }
  | { kind: 'index' };

/** A case write ready to send: its items with their roles, and what the case holds once it is written. */
export interface CaseWrite {
  stored: ReviewCase;
  items: TransactItem[];
  roles: ItemRole[];
  heldClaimKeys: ClaimKey[];
  findKeys: string[];
  expiresAt: number | undefined;
}

/**
 * The write that creates a case at version 1: refused whole when the case exists (a replayed create moves no counter).
 *
 * @example
 * const write = createWrite(table, reviewCase, audit, decision.claimKeys, settlement);
 * await runTransaction(table.db, write.items, 'create case');
 */
export function createWrite(table: CaseTable, reviewCase: ReviewCase, audit: AuditEvent, claimKeys: ClaimKey[], alongside?: DocumentSettlement): CaseWrite {
  const stored = reviewCaseSchema.parse(withOpenFindingCodes({ ...reviewCase, version: 1 }));
  const keys = dedupeClaimKeys(claimKeys);
  const findKeys = findKeysOf(stored, table.secret);
  const expiresAt = retentionExpiry(stored, table.retentionDays, undefined);
  const { items, roles } = caseTransaction(
    table,
    { Put: { TableName: table.tableName, Item: caseItem(table, stored, keys, findKeys, expiresAt), ConditionExpression: 'attribute_not_exists(PK)' } },
    { stored, audit, claimKeys: { take: keys, release: [] }, findKeys, expiresAt, alongside },
    // Search keys and counters in the same transaction: a replayed create is refused whole, so nothing counts twice.
    { state: undefined, findKeys: { keys: [], expiresAt } },
  );
  return { stored, items, roles, heldClaimKeys: keys, findKeys, expiresAt };
}

/**
 * The write that moves a case from `expectedVersion` (stored as `state`) to the next: the case under its version
 * condition, its claim keys taken and released when `claimKeys` is given (kept as held otherwise), search keys gained
 * or lost, and the counters when its list state or queue changed — so a replayed or stale write moves nothing.
 *
 * @example
 * const write = updateWrite(table, next, 3, audit, storedStateOf(item), decision.claimKeys);
 */
export function updateWrite(
  table: CaseTable,
  next: ReviewCase,
  expectedVersion: number,
  audit: AuditEvent,
  state: StoredState,
  claimKeys?: ClaimKey[],
  alongside?: DocumentSettlement,
): CaseWrite {
  const stored = reviewCaseSchema.parse(withOpenFindingCodes({ ...next, version: expectedVersion + 1 }));
  const wanted = claimKeys === undefined ? undefined : dedupeClaimKeys(claimKeys);
  const findKeys = findKeysOf(stored, table.secret);
  const expiresAt = retentionExpiry(stored, table.retentionDays, state);
  const item = caseItem(table, stored, wanted, findKeys, expiresAt);
  if (wanted === undefined) delete item.heldClaimKeys;
  // A conditional Put would drop the held keys when they are not rewritten, so keep them with an explicit copy.
  if (wanted === undefined && state.heldClaimKeys.length > 0) item.heldClaimKeys = state.heldClaimKeys;
  const { items, roles } = caseTransaction(
    table,
    {
      Put: {
        TableName: table.tableName,
        Item: item,
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
    { state, findKeys: { keys: state.findKeys, expiresAt: state.expiresAt } },
  );
  return { stored, items, roles, heldClaimKeys: wanted ?? state.heldClaimKeys, findKeys, expiresAt };
}

/**
 * The items of one case write, each with its role (a cancellation names the item that failed by its index): the
 * case item, the audit event, the lease written or removed, the claim keys taken and released, the search keys and
 * counters moved from what the case was (`before`), and the document settled with it.
 */
function caseTransaction(
  table: CaseTable,
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
  const { tableName } = table;
  const roles: ItemRole[] = [{ kind: 'case' }, { kind: 'audit' }];
  const items: TransactItem[] = [casePut, auditPut(tableName, stored.caseId, write.audit, stored.version)];
  if (stored.lease) {
    roles.push({ kind: 'lease' });
    items.push(leasePut(tableName, stored));
  } else if (before.state?.hasLease) {
    roles.push({ kind: 'lease' });
    items.push({ Delete: { TableName: tableName, Key: caseKeys.lease(stored.caseId) } });
  }
  for (const key of write.claimKeys.take) {
    roles.push({ kind: 'take', key });
    items.push(takeClaimKey(table, key, stored.caseId));
  }
  for (const key of write.claimKeys.release) {
    roles.push({ kind: 'release', key });
    items.push(releaseClaimKey(table, key, stored.caseId));
  }
  for (const item of [
    ...findKeyWrites(tableName, stored, before.findKeys, { keys: write.findKeys, expiresAt: write.expiresAt }),
    ...counterUpdates(tableName, stored.caseId, before.state, stored),
  ]) {
    roles.push({ kind: 'index' });
    items.push(item);
  }
  // The document settled with the case: an Update of its record in the same transaction (see DocumentSettlement).
  const update = write.alongside && documentUpdate(write.alongside.documentId, write.alongside.changes);
  if (write.alongside && update?.UpdateExpression) {
    roles.push({ kind: 'document', documentId: write.alongside.documentId });
    items.push({ Update: { TableName: tableName, ...update, UpdateExpression: update.UpdateExpression } });
  }
  return { items, roles };
}

/** The case item: the case (documents packed above a size), its index keys, held claim keys, search keys and TTL. */
function caseItem(
  table: CaseTable,
  reviewCase: ReviewCase,
  heldClaimKeys: ClaimKey[] | undefined,
  findKeys: string[],
  expiresAt: number | undefined,
): Record<string, unknown> {
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
    GSI3PK: reviewCase.personIdNumber ? personKey(reviewCase.personIdNumber, table.secret) : undefined,
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

/**
 * The look-up index key of a person's cases: keyed-hashed ID number (see docs/data-model.md).
 *
 * @example
 * personKey(' 33010619900101123x', secret) === personKey('33010619900101123X', secret); // true
 */
export function personKey(idNumber: string, secret: string): string {
  return `PERSON#${pseudonymKey(idNumber.trim().toUpperCase(), secret)}`;
}

/**
 * The item key of a claim key (one claim per certificate, one per person, a quota per key: the cross-claim rule
 * `claimKeyTaken` of shared/policy/rules/cross-claim.ts): keyed-hashed, since once-per-person keys hold an ID number.
 *
 * @example
 * claimKeyItemKey({ kind: 'unique', key: 'XH36-3.7.c:cert:123', ruleId: 'XH36-3.7.c' }, secret); // { PK: 'CLAIM#…', SK: 'UNIQUE' }
 */
export function claimKeyItemKey(key: ClaimKey, secret: string): { PK: string; SK: string } {
  return { PK: `CLAIM#${pseudonymKey(claimKeyId(key), secret)}`, SK: key.kind === 'unique' ? 'UNIQUE' : 'QUOTA' };
}

/** Takes the key for the case: a unique key unless another case holds it, a quota key while under its limit. */
function takeClaimKey(table: CaseTable, key: ClaimKey, caseId: string): TransactItem {
  const itemKey = claimKeyItemKey(key, table.secret);
  if (key.kind === 'unique') {
    return {
      Put: {
        TableName: table.tableName,
        Item: { ...itemKey, entity: 'claim-key', holder: caseId, ruleId: key.ruleId },
        ConditionExpression: 'attribute_not_exists(PK) OR holder = :caseId',
        ExpressionAttributeValues: { ':caseId': caseId },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    };
  }
  return {
    Update: {
      TableName: table.tableName,
      Key: itemKey,
      UpdateExpression: 'ADD #count :one SET entity = :entity, ruleId = :ruleId, #limit = :limit',
      ConditionExpression: 'attribute_not_exists(#count) OR #count < :limit',
      ExpressionAttributeNames: { '#count': 'count', '#limit': 'limit' },
      ExpressionAttributeValues: { ':one': 1, ':limit': key.limit, ':entity': 'claim-quota', ':ruleId': key.ruleId },
      ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
    },
  };
}

/** Gives the key back: a unique key only if the case holds it, a quota key one count down. */
function releaseClaimKey(table: CaseTable, key: ClaimKey, caseId: string): TransactItem {
  const itemKey = claimKeyItemKey(key, table.secret);
  if (key.kind === 'unique') {
    return {
      Delete: { TableName: table.tableName, Key: itemKey, ConditionExpression: 'holder = :caseId', ExpressionAttributeValues: { ':caseId': caseId } },
    };
  }
  return {
    Update: {
      TableName: table.tableName,
      Key: itemKey,
      UpdateExpression: 'ADD #count :minusOne',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: { ':minusOne': -1 },
    },
  };
}

/**
 * The keys a write takes and releases to go from the held keys to the wanted ones.
 *
 * @example
 * claimKeyChanges([a], [a, b]); // { take: [b], release: [] }
 */
function claimKeyChanges(held: ClaimKey[], wanted: ClaimKey[]): { take: ClaimKey[]; release: ClaimKey[] } {
  const heldIds = new Set(held.map(claimKeyId));
  const wantedIds = new Set(wanted.map(claimKeyId));
  return { take: wanted.filter((k) => !heldIds.has(claimKeyId(k))), release: held.filter((k) => !wantedIds.has(claimKeyId(k))) };
}

/**
 * The keys once each (the last of equal keys wins).
 *
 * @example
 * dedupeClaimKeys([a, a, b]); // [a, b]
 */
function dedupeClaimKeys(keys: ClaimKey[]): ClaimKey[] {
  const seen = new Map<string, ClaimKey>();
  for (const key of keys) seen.set(claimKeyId(key), key);
  return [...seen.values()];
}

function claimKeyId(key: ClaimKey): string {
  return `${key.kind}\u0000${key.key}`;
}

/** Item keys of cases and what hangs off them; see docs/data-model.md. */
export const caseKeys = {
  case: (caseId: string) => ({ PK: `CASE#${caseId}`, SK: 'CASE' }),
  audit: (caseId: string, at: string, version: number) => ({ PK: `CASE#${caseId}`, SK: `AUDIT#${at}#${String(version).padStart(9, '0')}` }),
  lease: (caseId: string) => ({ PK: `CASE#${caseId}`, SK: 'LEASE' }),
  queue: (queue: string) => `QUEUE#${queue}`,
  submission: (submissionId: string) => `SUB#${submissionId}`,
  sortByTime: (createdAt: string, caseId: string) => `CASE#${createdAt}#${caseId}`,
};

/** What the adapter needs to know about a case item before writing it. */
export interface StoredState {
  version: number;
  heldClaimKeys: ClaimKey[];
  hasLease: boolean;
  /** Where the counters have the case now: a write moves them only when the status's list state or queue changes. */
  status: ReviewCase['status'];
  queue: string;
  /** The search keys the case's items carry now (see `findKeysOf`). */
  findKeys: string[];
  /** The TTL the case carries now (closed, with retention on). */
  expiresAt?: number;
}

/** What `update` needs to know of a stored case item besides the case itself. */
export function storedStateOf(item: Record<string, unknown>): StoredState {
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

/**
 * The case an item holds, documents unpacked.
 *
 * @example
 * const reviewCase = caseFromItem(Item); // Item from a GetCommand on caseKeys.case(caseId)
 */
export function caseFromItem(item: Record<string, unknown>): ReviewCase {
  return reviewCaseSchema.parse({ ...entityAttributes(item), documents: unpackAttribute(item, 'documents') ?? [] });
}

/**
 * The case item, read consistently; undefined when there is none.
 *
 * @example
 * const item = await readCaseItem(db, tableName, 'case-1');
 */
export async function readCaseItem(db: DynamoDBDocumentClient, tableName: string, caseId: string): Promise<Record<string, unknown> | undefined> {
  try {
    const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: caseKeys.case(caseId), ConsistentRead: true }));
    return Item;
  } catch (error) {
    throw toStoreError(error, 'get case');
  }
}

/**
 * The Put of one audit event under the case's partition, at the version the write gives the case.
 *
 * @example
 * items.push(auditPut(tableName, 'case-1', audit, 2));
 */
export function auditPut(tableName: string, caseId: string, audit: AuditEvent, version: number): TransactItem {
  const event = storedAuditEvent(caseId, audit);
  return { Put: { TableName: tableName, Item: { ...caseKeys.audit(caseId, event.at, version), entity: 'audit', ...event } } };
}

/**
 * An audit event as `auditPut` stores it and a read returns it: parsed, its free-form before/after kept as plain JSON
 * (so the marshaller never meets a class instance, and no undefined value survives).
 */
export function storedAuditEvent(caseId: string, audit: AuditEvent): AuditEvent {
  return JSON.parse(JSON.stringify(auditEventSchema.parse({ ...audit, caseId }))) as AuditEvent;
}

/** The audit event of an item `auditPut` wrote. */
export function auditEventFromItem(item: Record<string, unknown>): AuditEvent {
  return auditEventSchema.parse(entityAttributes(item));
}

/**
 * The Put of a case's lease item (its TTL is the lease's expiry, in epoch seconds).
 *
 * @example
 * items.push(leasePut(tableName, { caseId: 'case-1', lease: { holder: 'clerk-li', expiresAt: '2021-06-18T08:15:00.000Z' } }));
 */
export function leasePut(tableName: string, reviewCase: Pick<ReviewCase, 'caseId' | 'lease'>): TransactItem {
  const expiresAt = Math.ceil(Date.parse(reviewCase.lease!.expiresAt) / 1000);
  return { Put: { TableName: tableName, Item: { ...caseKeys.lease(reviewCase.caseId), entity: 'lease', holder: reviewCase.lease!.holder, expiresAt } } };
}

/** Sorts after every `createdAt` (an ISO date starts with a digit): the queue partition's leased tail. */
export const LEASED_SORT_PREFIX = '~LEASED#';

/**
 * A case's place in its queue's index partition: waiting cases by age, oldest first; cases under a lease after all
 * of them, by lease expiry, so a claim reads waiting cases without reading the leased ones, and reads expired
 * leases by key (`BETWEEN ~LEASED# AND ~LEASED#<now>`).
 *
 * @example
 * queueSortKey({ caseId: 'case-1', status: 'needs_review', createdAt: '2021-06-18T08:00:00Z' }); // '2021-06-18T08:00:00Z#case-1'
 */
export function queueSortKey(reviewCase: Pick<ReviewCase, 'caseId' | 'status' | 'lease' | 'createdAt'>): string {
  if (reviewCase.status === 'claimed' && reviewCase.lease) return leasedSortKey(reviewCase.caseId, reviewCase.lease.expiresAt);
  return `${reviewCase.createdAt}#${reviewCase.caseId}`;
}

/** The sort key of a case under a lease: in the queue partition's leased tail, by expiry. */
export function leasedSortKey(caseId: string, expiresAt: string): string {
  return `${LEASED_SORT_PREFIX}${expiresAt}#${caseId}`;
}

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
