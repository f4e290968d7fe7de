import type { AuditEvent, ReviewCase } from '../cases/review-case.js';
import type { ClaimKey } from '../policy/decision.js';
import type { DocumentChanges } from './document-repository.js';

/**
 * A document's record changed in the same atomic write as a case, or not at all: process saves what it read of a
 * file and settles it with the case the file goes into (DocumentNotFoundError when the record is gone).
 */
export interface DocumentSettlement {
  documentId: string;
  changes: DocumentChanges;
}

/** A write lost an optimistic-locking race: someone changed the case since `expectedVersion` was read. */
export class VersionConflictError extends Error {
  constructor(
    readonly caseId: string,
    readonly expectedVersion: number,
  ) {
    super(`case ${caseId} changed since version ${expectedVersion}`);
    this.name = 'VersionConflictError';
  }
}

/** A cross-claim constraint refused the write (the key is held by another case, or the quota is full). */
export class ClaimKeyTakenError extends Error {
  constructor(
    readonly claimKey: ClaimKey,
    readonly heldBy?: string,
  ) {
    super(`claim key ${claimKey.key} (${claimKey.ruleId}) is taken${heldBy ? ` by case ${heldBy}` : ''}`);
    this.name = 'ClaimKeyTakenError';
  }
}

/** `update` named a case that does not exist. */
export class CaseNotFoundError extends Error {
  constructor(readonly caseId: string) {
    super(`no case ${caseId}`);
    this.name = 'CaseNotFoundError';
  }
}

/**
 * The statuses in which a case sits in its review queue (listed, counted, claimable once its lease is gone). A case
 * in any other status has left the queue.
 */
export const queuedCaseStatuses = ['needs_review', 'claimed'] as const;

/**
 * The states a case list shows (the page's tabs), each a partition of the status index and a counter: a case's status,
 * except that `claimed` lists and counts with `needs_review` (待审核), so claiming and releasing move no counter.
 */
export const caseListStates = ['needs_review', 'awaiting_documents', 'confirmed', 'rejected', 'approved', 'paid', 'declined'] as const;
export type CaseListState = (typeof caseListStates)[number];

/**
 * The list state of a status.
 *
 * @example
 * listStateOf('claimed'); // 'needs_review'
 */
export function listStateOf(status: ReviewCase['status']): CaseListState {
  return status === 'claimed' ? 'needs_review' : status;
}

/** Statuses after which nothing more happens to a case: it ages out of the table after the retention period. */
export const closedCaseStatuses = ['rejected', 'paid', 'declined'] as const satisfies readonly ReviewCase['status'][];

export interface Page<T> {
  items: T[];
  cursor?: string;
}

/**
 * Stores review cases, their audit trail and the cross-claim constraints. Every write appends an audit event in the
 * same transaction.
 */
export interface CaseRepository {
  /**
   * Creates the case (version 0 → 1) unless it exists; idempotent on caseId. Claim keys are reserved atomically
   * (ClaimKeyTakenError when one is held by another case or its quota is full).
   */
  create(
    reviewCase: ReviewCase,
    audit: AuditEvent,
    claimKeys?: ClaimKey[],
    alongside?: DocumentSettlement,
  ): Promise<{ reviewCase: ReviewCase; created: boolean }>;
  get(caseId: string): Promise<ReviewCase | undefined>;
  /**
   * The case as it was at `version`, for a change the caller will write under that version: a case's content at a
   * version never changes, so this may answer from what this instance last read or wrote at that version without a
   * read. The answer is either the case at `version` or the case as stored now (read); should the stored case have
   * moved past `version`, the caller's conditional write refuses it (VersionConflictError) all the same.
   */
  getAtVersion(caseId: string, version: number): Promise<ReviewCase | undefined>;
  /**
   * Writes `next` if the stored version is still `expectedVersion`; bumps the version. Throws VersionConflictError
   * (CaseNotFoundError when there is no such case). `claimKeys`, when given, becomes the set of keys the case holds:
   * new ones are reserved, ones no longer listed are released, in the same transaction; omitted, the held set stays.
   * `alongside` (also on `create`) is written in the same transaction: with the case, or not at all.
   */
  update(next: ReviewCase, expectedVersion: number, audit: AuditEvent, claimKeys?: ClaimKey[], alongside?: DocumentSettlement): Promise<ReviewCase>;
  /** Cases waiting in a queue, oldest first. */
  listQueue(queue: string, options?: { limit?: number; cursor?: string }): Promise<Page<ReviewCase>>;
  /** Queue names with how many cases wait in each. */
  countQueues(): Promise<Record<string, number>>;
  /**
   * Gives `holder` the oldest unclaimed (or lease-expired) case of the queue under a lease; two callers never get the
   * same. The case becomes `claimed` with `lease` set, its version is bumped and a `claim` audit event appended.
   * Releasing is an `update` that sets the status back to `needs_review` without a lease. `holderName`, the holder's
   * display name, is kept in the lease for lists to show (optional, additive).
   */
  claimNext(queue: string, holder: string, leaseSeconds: number, now: Date, holderName?: string): Promise<ReviewCase | undefined>;
  /**
   * The audit trail (oldest first) of a case `claimNext` just returned, as that claim left it, when the claim read it
   * beside its write; undefined (or no such method) when it did not: read `audit` then.
   */
  trailAtClaim?(claimed: ReviewCase): AuditEvent[] | undefined;
  listByPerson(idNumber: string): Promise<ReviewCase[]>;
  listBySubmission(submissionId: string): Promise<ReviewCase[]>;
  /**
   * Every case in `status` (the payments export reads the approved ones). Not an index look-up on DynamoDB: a filtered
   * scan, meant for occasional reports, not for request paths.
   */
  listByStatus(status: ReviewCase['status']): Promise<ReviewCase[]>;
  audit(caseId: string): Promise<AuditEvent[]>;
}

/** What a search term matched: a case id, or what a case's documents and person carry. */
export type CaseSearchMatch = 'case_id' | 'id_number' | 'name' | 'certificate_number';

/**
 * The case lists of the bureau's staff (issue 16 item 3): by state, "my cases" and search, each one index query a
 * page, and the counts of the queues and states read from counters kept with every case write.
 */
export interface CaseLists {
  /** Cases in a list state, newest first. */
  listByState(state: CaseListState, options?: { limit?: number; cursor?: string }): Promise<Page<ReviewCase>>;
  /** Cases `userId` holds under a lease or has confirmed, newest first. */
  listHeldBy(userId: string, options?: { limit?: number; cursor?: string }): Promise<Page<ReviewCase>>;
  /**
   * Cases a term names exactly: a case id, an ID number (through the keyed hash), a person's name, or a certificate
   * number. Newest first; at most `limit` (default 50).
   */
  search(term: string, options?: { limit?: number }): Promise<ReviewCase[]>;
  /** How many cases each list state holds (from counters: a handful of items, whatever the number of cases). */
  countStates(): Promise<Record<CaseListState, number>>;
}
