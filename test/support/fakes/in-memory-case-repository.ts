import type { AuditEvent, ReviewCase } from '../../../shared/cases/index.js';
import type { ClaimKey } from '../../../shared/policy/decision.js';
import {
  CaseNotFoundError,
  ClaimKeyTakenError,
  VersionConflictError,
  DocumentNotFoundError,
  queuedCaseStatuses,
  type CaseRepository,
  type DocumentSettlement,
  type Page,
} from '../../../shared/ports/index.js';
import type { InMemoryDocumentRepository } from './in-memory-document-repository.js';

/**
 * A CaseRepository in Maps, faithful to the DynamoDB one: versions (create stores version 1, update bumps),
 * an audit event per write, claim keys (`unique` held by one case, `quota` counted up to its limit) reserved and
 * released atomically with the write, queues oldest first (by createdAt, then caseId) holding only cases in
 * `queuedCaseStatuses`, and leases for `claimNext`. Every method works on copies.
 *
 * @example
 * const cases = new InMemoryCaseRepository();
 * await cases.create(reviewCase, { caseId: reviewCase.caseId, at, actor: 'system', action: 'create' });
 */
export class InMemoryCaseRepository implements CaseRepository {
  /** `documents`: where a DocumentSettlement written with a case goes (a pipeline test wires both fakes so). */
  constructor(private readonly options: { documents?: InMemoryDocumentRepository } = {}) {}

  readonly cases = new Map<string, ReviewCase>();
  readonly auditTrail = new Map<string, AuditEvent[]>();
  /** Unique claim key → holding case id. */
  readonly uniqueKeys = new Map<string, string>();
  /** Quota claim key → case ids counted. */
  readonly quotas = new Map<string, Set<string>>();
  private readonly heldKeys = new Map<string, ClaimKey[]>();

  async create(
    reviewCase: ReviewCase,
    audit: AuditEvent,
    claimKeys: ClaimKey[] = [],
    alongside?: DocumentSettlement,
  ): Promise<{ reviewCase: ReviewCase; created: boolean }> {
    const existing = this.cases.get(reviewCase.caseId);
    if (existing) return { reviewCase: structuredClone(existing), created: false };
    this.checkSettlement(alongside);
    this.applyClaimKeys(reviewCase.caseId, [], claimKeys);
    if (alongside) this.options.documents!.applyChanges(alongside.documentId, alongside.changes);
    const stored = structuredClone({ ...reviewCase, version: 1 });
    this.cases.set(stored.caseId, stored);
    this.appendAudit(audit, stored.caseId);
    return { reviewCase: structuredClone(stored), created: true };
  }

  async get(caseId: string): Promise<ReviewCase | undefined> {
    const found = this.cases.get(caseId);
    return found && structuredClone(found);
  }

  async getAtVersion(caseId: string): Promise<ReviewCase | undefined> {
    return this.get(caseId);
  }

  async update(next: ReviewCase, expectedVersion: number, audit: AuditEvent, claimKeys?: ClaimKey[], alongside?: DocumentSettlement): Promise<ReviewCase> {
    const current = this.cases.get(next.caseId);
    if (!current) throw new CaseNotFoundError(next.caseId);
    if (current.version !== expectedVersion) throw new VersionConflictError(next.caseId, expectedVersion);
    this.checkSettlement(alongside);
    if (claimKeys) this.applyClaimKeys(next.caseId, this.heldKeys.get(next.caseId) ?? [], claimKeys);
    if (alongside) this.options.documents!.applyChanges(alongside.documentId, alongside.changes);
    const stored = structuredClone({ ...next, version: expectedVersion + 1 });
    this.cases.set(stored.caseId, stored);
    this.appendAudit(audit, stored.caseId);
    return structuredClone(stored);
  }

  /** A settlement is refused before anything is written: no document store wired, or no such record. */
  private checkSettlement(alongside: DocumentSettlement | undefined): void {
    if (!alongside) return;
    if (!this.options.documents) throw new Error('InMemoryCaseRepository was built without the documents a settlement writes to');
    if (!this.options.documents.records.has(alongside.documentId)) throw new DocumentNotFoundError(alongside.documentId);
  }

  async listQueue(queue: string, options: { limit?: number; cursor?: string } = {}): Promise<Page<ReviewCase>> {
    const waiting = this.queued(queue);
    const start = options.cursor ? Number(Buffer.from(options.cursor, 'base64url').toString()) : 0;
    const limit = options.limit ?? 50;
    const items = waiting.slice(start, start + limit);
    const end = start + items.length;
    return { items, cursor: end < waiting.length ? Buffer.from(String(end)).toString('base64url') : undefined };
  }

  async countQueues(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const c of this.cases.values()) {
      if (isQueued(c)) counts[c.queue] = (counts[c.queue] ?? 0) + 1;
    }
    return counts;
  }

  async claimNext(queue: string, holder: string, leaseSeconds: number, now: Date, holderName?: string): Promise<ReviewCase | undefined> {
    const candidate = this.queued(queue).find((c) => c.status === 'needs_review' || !c.lease || Date.parse(c.lease.expiresAt) <= now.getTime());
    if (!candidate) return undefined;
    const claimed: ReviewCase = {
      ...candidate,
      status: 'claimed',
      lease: { holder, ...(holderName ? { holderName } : {}), expiresAt: new Date(now.getTime() + leaseSeconds * 1000).toISOString() },
      updatedAt: now.toISOString(),
    };
    return this.update(claimed, candidate.version, {
      caseId: candidate.caseId,
      at: now.toISOString(),
      actor: holder,
      action: 'claim',
      before: { status: candidate.status, lease: candidate.lease },
      after: { status: claimed.status, lease: claimed.lease },
    });
  }

  async listByPerson(idNumber: string): Promise<ReviewCase[]> {
    const wanted = idNumber.trim().toUpperCase();
    return this.sorted().filter((c) => c.personIdNumber?.trim().toUpperCase() === wanted);
  }

  async listBySubmission(submissionId: string): Promise<ReviewCase[]> {
    return this.sorted().filter((c) => c.submissionId === submissionId);
  }

  async listByStatus(status: ReviewCase['status']): Promise<ReviewCase[]> {
    return this.sorted().filter((c) => c.status === status);
  }

  async audit(caseId: string): Promise<AuditEvent[]> {
    return structuredClone(this.auditTrail.get(caseId) ?? []);
  }

  /** The claim keys a case holds now (tests check release on update). */
  claimKeysOf(caseId: string): ClaimKey[] {
    return structuredClone(this.heldKeys.get(caseId) ?? []);
  }

  private applyClaimKeys(caseId: string, held: ClaimKey[], wanted: ClaimKey[]): void {
    const heldIds = new Set(held.map(claimKeyId));
    const wantedIds = new Set(wanted.map(claimKeyId));
    const toTake = wanted.filter((k) => !heldIds.has(claimKeyId(k)));
    const toRelease = held.filter((k) => !wantedIds.has(claimKeyId(k)));
    // Check everything before changing anything: the write is all or nothing, as in a DynamoDB transaction.
    for (const key of toTake) {
      if (key.kind === 'unique') {
        const holder = this.uniqueKeys.get(key.key);
        if (holder !== undefined && holder !== caseId) throw new ClaimKeyTakenError(key, holder);
      } else if ((this.quotas.get(key.key)?.size ?? 0) >= key.limit) {
        throw new ClaimKeyTakenError(key);
      }
    }
    for (const key of toRelease) {
      if (key.kind === 'unique') {
        if (this.uniqueKeys.get(key.key) === caseId) this.uniqueKeys.delete(key.key);
      } else this.quotas.get(key.key)?.delete(caseId);
    }
    for (const key of toTake) {
      if (key.kind === 'unique') this.uniqueKeys.set(key.key, caseId);
      else this.quotas.set(key.key, (this.quotas.get(key.key) ?? new Set()).add(caseId));
    }
    this.heldKeys.set(caseId, structuredClone(wanted));
  }

  private appendAudit(audit: AuditEvent, caseId: string): void {
    const trail = this.auditTrail.get(caseId) ?? [];
    trail.push(structuredClone({ ...audit, caseId }));
    trail.sort((a, b) => a.at.localeCompare(b.at));
    this.auditTrail.set(caseId, trail);
  }

  private queued(queue: string): ReviewCase[] {
    return this.sorted().filter((c) => c.queue === queue && isQueued(c));
  }

  private sorted(): ReviewCase[] {
    return [...this.cases.values()].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.caseId.localeCompare(b.caseId)).map((c) => structuredClone(c));
  }
}

function isQueued(reviewCase: ReviewCase): boolean {
  return (queuedCaseStatuses as readonly string[]).includes(reviewCase.status);
}

function claimKeyId(key: ClaimKey): string {
  return `${key.kind}\u0000${key.key}`;
}
