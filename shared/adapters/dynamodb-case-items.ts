import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { auditEventSchema, reviewCaseSchema, type AuditEvent, type ReviewCase } from '../cases/review-case.js';
import type { ClaimKey } from '../policy/decision.js';
import { toStoreError } from './dynamodb-errors.js';
import { entityAttributes, unpackAttribute } from './dynamodb-items.js';
import type { TransactItem } from './dynamodb-transactions.js';

/**
 * The items of a case in the intake table, shared by the case repository and its claiming and claim-key modules:
 * their keys, how a case and its state are read back from an item, and the audit and lease items every case write
 * carries. See docs/data-model.md.
 */

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
  /** The search keys the case's items carry now (see dynamodb-case-lists.ts). */
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
