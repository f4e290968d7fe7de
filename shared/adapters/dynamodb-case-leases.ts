import { randomInt } from 'node:crypto';
import { BatchGetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEvent, ReviewCase } from '../cases/review-case.js';
import { CaseNotFoundError } from '../ports/case-repository.js';
import {
  LEASED_SORT_PREFIX,
  auditEventFromItem,
  auditPut,
  caseFromItem,
  caseKeys,
  findKey,
  findKeyDelete,
  findKeyItem,
  leasePut,
  leasedSortKey,
  listRowOf,
  storedAuditEvent,
  storedStateOf,
  type StoredState,
} from './dynamodb-case-write.js';
import { StoreContentionError, toStoreError } from './dynamodb-errors.js';
import { TransactionCancelled, runTransaction, type TransactionCounts, type TransactItem } from './dynamodb-transactions.js';
import { indexNames, queueIndexAttributes } from './table-design.js';

// Real time is the global `performance` (not perf_hooks' binding), so tests can hold it still (vi.useFakeTimers).

/** How many of the oldest free cases a claimer's first try is spread over after a race lost to another instance. */
const claimFirstTryWindow = 8;
/** How long a lost race on a queue keeps this instance treating that queue as contended. */
const claimContentionMemoryMs = 30_000;
/** How long this instance trusts its own claim over an index entry showing an older version of the case. */
const claimedHereMemoryMs = 10_000;
/** How far apart two claims' lease clocks may be for one to use the other's queue read. */
const sharedReadClockSlackMs = 1_000;
/**
 * How long (real time) an answered first-page read still serves the claims that follow it. Under load the queue read is
 * half a claim's time (it queues behind DynamoDB Local's commits like the claim's write), and a page holds 12 claimable
 * cases: the cases claimed here since are skipped (`knownNewer`), a write here that makes a case claimable ends the
 * reuse (`endSharedReads`), and a case another instance took since is a lost race, settled by the version condition.
 */
const firstPageReuseMs = 1_000;
/** How many claims' timings `claimTimings` keeps. */
const claimTimingsKept = 1_000;
/** A page with this many cases or fewer left to claim is read again ahead of its claims (see `sharedFirstPage`). */
const readAheadBelow = 4;
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

/** A first-page read of a queue's claimable cases, as claims on this instance share it (see `sharedFirstPage`). */
interface FirstPageRead {
  /** The lease clock the read filtered at. */
  now: number;
  read: Promise<ClaimPage>;
  /** When it was answered (performance.now()), and what. */
  answeredAt?: number;
  page?: ClaimPage;
  /** A read ahead to replace this one has been sent, and (until answered) which. */
  readingAhead?: boolean;
  ahead?: FirstPageRead;
  /** The queue's `firstPageGeneration` when the read was sent. */
  generation: number;
}

/** A page of claimable cases as the queue index returns them (projected to what claiming needs). */
export interface ClaimPage {
  items: Record<string, unknown>[];
  lastEvaluatedKey?: Record<string, unknown>;
}

/** What claiming needs of the repository's copy of the cases it has read or written (see `remember` there). */
export interface RememberedCases {
  remember(reviewCase: ReviewCase, state: Pick<StoredState, 'heldClaimKeys' | 'findKeys' | 'expiresAt'>): ReviewCase;
  get(caseId: string): Promise<ReviewCase | undefined>;
}

/**
 * Claiming the next case of a queue and the lease that comes with it (docs/data-model.md, Claiming): the queue
 * index read (waiting cases, then the expired head of the leased tail), the heuristics that keep claims on one
 * instance from racing each other (reservations, a shared first page, the lease horizon, cases claimed here lately)
 * and the claim write itself. The case repository composes it and tells it of every lease it writes (`noteLease`)
 * and every case it makes claimable (`endSharedReads`).
 *
 * @example
 * const leases = new DynamoDbCaseLeases(db, tableName, secret, repository);
 * const next = await leases.claimNext({ queue: 'XH36-3.7.c', holder: 'clerk-li', leaseSeconds: 900, now: new Date() });
 */
export class DynamoDbCaseLeases {
  /** Per queue: the cases claims on this instance are trying now, each with whether its try won. */
  private readonly claimReservations = new Map<string, Map<string, Promise<boolean>>>();
  /** Cases this instance claimed lately, with the version written: a stale index entry is not worth a try. */
  private readonly claimedHere = new Map<string, { version: number; at: number }>();
  /** Per queue: when (performance.now()) a claim on this instance last lost a race. */
  private readonly lastLostRace = new Map<string, number>();
  /** What `claimNext` on this instance has done so far (the API bench prints it). */
  readonly claimStats = { claims: 0, lostRaces: 0, queueReads: 0, readsAhead: 0, leaseTailReads: 0 };
  /**
   * Where each recent claim's time went (the API bench prints the split of the slow ones): the last `claimTimingsKept`
   * claims, oldest first.
   */
  readonly claimTimings: ClaimTiming[] = [];
  /** Per queue: until when no lease can have expired, so a claim's first page skips the expired-lease read. */
  private readonly leaseHorizons = new Map<string, LeaseHorizon>();
  /** Per queue: the leased-tail reads in flight, each with the earliest expiry of the leases written here meanwhile. */
  private readonly leaseTailReads = new Map<string, Set<{ earliestWritten: number }>>();
  /**
   * Per queue: the latest first-page read of claimable cases, which claims arriving while it is in flight share, and
   * those arriving within `firstPageReuseMs` after its answer reuse (`answeredAt`, performance.now()).
   */
  private readonly firstPageReads = new Map<string, FirstPageRead>();
  /** Per queue: how many times a write here ended the sharing of its first page (a read ahead from before is not used). */
  private readonly firstPageGeneration = new Map<string, number>();
  /** Per case a claim returned: its audit trail as the claim left it, when read beside the claim's write (`trailAtClaim`). */
  private readonly trailsAtClaim = new WeakMap<ReviewCase, AuditEvent[]>();

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly secret: string,
    private readonly cases: RememberedCases,
    /** Where the claim transactions are counted (the repository's, shared with its other writes). */
    private readonly transactionCounts?: TransactionCounts,
  ) {}

  /** The oldest claimable case of the queue, claimed for `holder` until `now` + `leaseSeconds`; undefined when none is. */
  async claimNext(request: ClaimRequest): Promise<ReviewCase | undefined> {
    // Claims on this instance never race each other: each reserves the case it tries, and the others pass over
    // reserved cases (see docs/data-model.md, Claiming). Races with other instances (Lambda) are settled by the
    // version condition; a race lost in the last 30 s (real time, not the lease clock `now`) spreads first tries.
    const timing: ClaimTiming = {
      totalMs: 0,
      firstPageMs: 0,
      ownRead: false,
      queryMs: 0,
      transactionMs: 0,
      caseReadMs: 0,
      otherReadsMs: 0,
      triesWaitMs: 0,
      tries: 0,
      transactionItems: 0,
      sdkAttempts: 0,
      sdkRetryDelayMs: 0,
      othersInFlight: 0,
      claimsInFlight: 0,
    };
    const started = performance.now();
    try {
      return await this.claimNextTimed(request, timing);
    } finally {
      timing.totalMs = performance.now() - started;
      if (this.claimTimings.length >= claimTimingsKept) this.claimTimings.shift();
      this.claimTimings.push(timing);
    }
  }

  private async claimNextTimed(request: ClaimRequest, timing: ClaimTiming): Promise<ReviewCase | undefined> {
    const { queue, now, leaseSeconds } = request;
    const reserved = this.reservationsOf(queue);
    const contended = performance.now() - (this.lastLostRace.get(queue) ?? -Infinity) < claimContentionMemoryMs;
    let lost = false;
    let startKey: Record<string, unknown> | undefined;
    do {
      // The first page is read once for all the claims on this instance that ask while it is being read.
      const pageStarted = performance.now();
      const page =
        startKey === undefined ? await this.sharedFirstPage(queue, now, leaseSeconds, timing) : await this.queryClaimable(queue, now, leaseSeconds, startKey);
      if (startKey === undefined) timing.firstPageMs += performance.now() - pageStarted;
      else timing.otherReadsMs += performance.now() - pageStarted;
      let candidates = page.items.map(claimCandidateFromItem);
      for (let attempt = 0; attempt < 3 * page.items.length; attempt++) {
        candidates = candidates.filter((c) => isClaimable(c, now) && !this.knownNewer(c));
        if (candidates.length === 0) break;
        const free = candidates.filter((c) => !reserved.has(c.caseId));
        // Every candidate is being tried by another claim here, and the queue holds more than this page: the next page,
        // rather than waiting for those tries (transactions queued at the store: in the API bench the slowest claims
        // spent most of their time here). A try that loses leaves its case to a later claim.
        if (free.length === 0 && page.lastEvaluatedKey !== undefined) break;
        if (free.length === 0) {
          // Every candidate is being tried by another claim here: one that loses (to another instance, or a
          // transaction conflict) leaves its case free, so wait for them rather than report an empty queue.
          const waitStarted = performance.now();
          const settled = await Promise.all(candidates.map(async (c) => ({ c, won: await reserved.get(c.caseId) })));
          candidates = await this.readClaimCandidates(
            settled.filter((s) => s.won !== true).map((s) => s.c.caseId),
            queue,
            now,
          );
          timing.triesWaitMs += performance.now() - waitStarted;
          continue;
        }
        // The oldest free case. Lately beaten by another instance: the first try spread over the few oldest, and after
        // losing here, any one still free.
        const window = lost ? free.length : contended ? Math.min(claimFirstTryWindow, free.length) : 1;
        const candidate = free[window === 1 ? 0 : randomInt(window)]!;
        timing.tries++;
        const attemptDone = this.tryClaim(candidate, request, timing);
        reserved.set(
          candidate.caseId,
          attemptDone.then(
            (c) => c !== undefined,
            () => false,
          ),
        );
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
        const rereadStarted = performance.now();
        candidates = await this.readClaimCandidates(
          candidates.map((c) => c.caseId),
          queue,
          now,
        );
        timing.otherReadsMs += performance.now() - rereadStarted;
      }
      startKey = page.lastEvaluatedKey;
    } while (startKey);
    return undefined;
  }

  /**
   * The audit trail of a case `claimNext` returned, as its claim left it (oldest first, by the store's order of time and
   * version), when the claim read it beside its write; undefined otherwise (then read it: `audit`). It is the trail of
   * the same moment as the case returned, so an answer built from both is one consistent snapshot.
   *
   * @example
   * const claimed = await leases.claimNext(request);
   * const trail = claimed && (leases.trailAtClaim(claimed) ?? (await repository.audit(claimed.caseId)));
   */
  trailAtClaim(claimed: ReviewCase): AuditEvent[] | undefined {
    return this.trailsAtClaim.get(claimed);
  }

  /**
   * The claim write: the case updated in place under its version condition (only status, lease, updatedAt and
   * version change, so the documents are neither sent nor rewritten), the audit event and the lease item, in one
   * transaction. The case and its audit trail are read for the caller at the same time (one Query of the case's
   * partition), not after: a read that saw the version the claim was conditioned on saw exactly what the claim then
   * changed (every write bumps the version), so the claimed case is that read with the claim's changes and the trail is
   * the trail read with the claim's event (which the read may or may not have seen: DynamoDB does not isolate a Query
   * from a transaction, so each item is taken for itself); a read that saw the claim itself is taken as it is; anything
   * else (a read from another version, which the transaction's success rules out unless the case moved on since) is
   * read again. Undefined when another claimer won.
   */
  private async tryClaim(candidate: ClaimCandidate, request: ClaimRequest, timing: ClaimTiming): Promise<ReviewCase | undefined> {
    const { holder, holderName, leaseSeconds, now } = request;
    const lease = { holder, ...(holderName ? { holderName } : {}), expiresAt: new Date(now.getTime() + leaseSeconds * 1000).toISOString() };
    const version = candidate.version + 1;
    // "My cases": the holder's search key replaces a lapsed lease's holder's (unless that one confirmed the case).
    const holderKey = findKey('user', holder, this.secret);
    const lapsedHolder = candidate.lease?.holder;
    const dropped = lapsedHolder && lapsedHolder !== holder && lapsedHolder !== candidate.confirmedBy ? findKey('user', lapsedHolder, this.secret) : undefined;
    const findKeys = [...new Set([...candidate.findKeys.filter((key) => key !== dropped), holderKey])].sort();
    const row = { ...candidate.row, caseId: candidate.caseId, createdAt: candidate.createdAt, status: 'claimed', lease, updatedAt: now.toISOString(), version };
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
      auditPut(this.tableName, candidate.caseId, audit, version),
      leasePut(this.tableName, { caseId: candidate.caseId, lease }),
      // Claiming moves no counter: `claimed` counts and lists with `needs_review`. Every search key's list row shows the
      // claim ("my cases" and search read the rows, not the case); an open case has no TTL. (Updating only the claim's
      // attributes of the keys the case holds was tried: not shown cheaper at DynamoDB Local, docs/capacity.md 2026-12-04 night.)
      ...findKeys.map((key) => findKeyItem(this.tableName, row, key, undefined)),
      ...(dropped && candidate.findKeys.includes(dropped) ? [findKeyDelete(this.tableName, candidate.caseId, dropped)] : []),
    ];
    const reading = this.readCaseAndTrail(candidate.caseId);
    // Not awaited when the claim is lost: its failure must not go unhandled.
    reading.catch(() => undefined);
    this.noteLease(candidate.queue, lease.expiresAt);
    const writeStarted = performance.now();
    try {
      await runTransaction(this.db, items, 'claim case', 1, {
        counts: this.transactionCounts,
        onSent: (sent) => {
          timing.transactionItems += sent.items;
          timing.sdkAttempts += sent.sdkAttempts;
          timing.sdkRetryDelayMs += sent.sdkRetryDelayMs;
          timing.othersInFlight += sent.othersInFlight;
          timing.claimsInFlight += sent.sameInFlight;
        },
      });
    } catch (error) {
      timing.transactionMs += performance.now() - writeStarted;
      // Another claimer got there first (or is in the middle of it): the caller re-reads and moves on.
      if ((error instanceof TransactionCancelled && error.failedAt() === 0) || error instanceof StoreContentionError) return undefined;
      throw error;
    }
    timing.transactionMs += performance.now() - writeStarted;
    this.claimStats.claims++;
    this.rememberClaimed(candidate.caseId, version);
    const readStarted = performance.now();
    const read = await reading.catch(() => undefined);
    timing.caseReadMs += performance.now() - readStarted;
    const item = read?.item;
    const seen = item ? Number(item.version) : undefined;
    // The trail with the claim's event, whether or not the read saw it (the event's key names its version).
    const withClaim = (trail: { sk: string; event: AuditEvent }[]) => {
      const claimKey = caseKeys.audit(candidate.caseId, audit.at, version).SK;
      const all = trail.some((e) => e.sk === claimKey) ? trail : [...trail, { sk: claimKey, event: storedAuditEvent(candidate.caseId, audit) }];
      return all.sort((a, b) => (a.sk < b.sk ? -1 : a.sk > b.sk ? 1 : 0)).map((e) => e.event);
    };
    let claimed: ReviewCase | undefined;
    if (item && seen === candidate.version) {
      claimed = this.cases.remember(
        { ...caseFromItem(item), status: 'claimed', lease, updatedAt: now.toISOString(), version },
        { ...storedStateOf(item), findKeys },
      );
    } else if (item && seen === version && (item.lease as { holder?: string } | undefined)?.holder === holder) {
      claimed = this.cases.remember(caseFromItem(item), storedStateOf(item));
    }
    if (claimed) {
      if (read?.trail) this.trailsAtClaim.set(claimed, withClaim(read.trail));
      return claimed;
    }
    const again = await this.cases.get(candidate.caseId);
    if (!again) throw new CaseNotFoundError(candidate.caseId);
    return again;
  }

  /**
   * The case item and its audit events in one consistent Query of the case's partition (`AUDIT#…` sorts before `CASE`,
   * and nothing else of the partition lies between). `trail` is undefined when the answer came in pages (too long a
   * trail for one answer): the caller then reads it for itself.
   */
  private async readCaseAndTrail(caseId: string): Promise<{ item?: Record<string, unknown>; trail?: { sk: string; event: AuditEvent }[] }> {
    try {
      const { PK, SK } = caseKeys.case(caseId);
      const answer = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: 'PK = :pk AND SK BETWEEN :first AND :case',
          ExpressionAttributeValues: { ':pk': PK, ':first': 'AUDIT#', ':case': SK },
          ConsistentRead: true,
        }),
      );
      const items = answer.Items ?? [];
      const item = items.find((i) => i.SK === SK);
      if (answer.LastEvaluatedKey !== undefined) return { item };
      const trail = items.filter((i) => String(i.SK).startsWith('AUDIT#')).map((i) => ({ sk: String(i.SK), event: auditEventFromItem(i) }));
      return { item, trail };
    } catch (error) {
      throw toStoreError(error, 'get case');
    }
  }

  /**
   * The claimable cases of a queue page, oldest first, with only what choosing and claiming need: the filter and the
   * projection keep the cases' documents (most of each item) off the wire; `Limit` still counts every item read.
   */
  private async queryClaimable(queue: string, now: Date, leaseSeconds: number, startKey: Record<string, unknown> | undefined): Promise<ClaimPage> {
    // Cases under a lease sort after every waiting case in the queue partition (see queueSortKey), so the waiting
    // read stops before them and reads only claimable items; the first page also takes the leases that have expired,
    // from the head of the leased tail (by expiry, oldest first) — unless the queue's lease horizon says none can have.
    const waiting = queryQueueIndex(this.db, this.tableName, queue, claimPageSize, startKey, 'list claimable cases', claimableFilter(now), {
      below: LEASED_SORT_PREFIX,
    });
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
      const tail = await queryQueueIndex(this.db, this.tableName, queue, claimPageSize, undefined, 'list leased cases', claimProjection(), {
        prefix: LEASED_SORT_PREFIX,
      });
      const expiryOf = (item: Record<string, unknown>) => Date.parse(String((item.lease as { expiresAt?: unknown } | undefined)?.expiresAt));
      const running = tail.items.find((item) => !(expiryOf(item) <= now.getTime()));
      // A page of expired leases only, with more after it, dates nothing.
      if (running !== undefined || tail.lastEvaluatedKey === undefined) {
        const earliestRunning = running === undefined ? Infinity : expiryOf(running);
        const noneBefore = Math.min(
          Number.isNaN(earliestRunning) ? now.getTime() : earliestRunning,
          now.getTime() + leaseSeconds * 1000,
          writtenMeanwhile.earliestWritten,
        );
        this.leaseHorizons.set(queue, { readAt: now.getTime(), realAt, noneBefore });
      }
      return tail.items.filter((item) => expiryOf(item) <= now.getTime());
    } finally {
      inFlight.delete(writtenMeanwhile);
    }
  }

  /** A lease this instance is about to write: the queue's horizon (and any tail read in flight) may not pass it. */
  noteLease(queue: string, expiresAt: string): void {
    const at = Date.parse(expiresAt);
    const horizon = this.leaseHorizons.get(queue);
    if (horizon) horizon.noneBefore = Math.min(horizon.noneBefore, at);
    for (const read of this.leaseTailReads.get(queue) ?? []) read.earliestWritten = Math.min(read.earliestWritten, at);
  }

  /** Consistent re-read of candidates after a lost race: those still in `queue` and claimable at `now`. */
  private async readClaimCandidates(caseIds: string[], queue: string, now: Date): Promise<ClaimCandidate[]> {
    const found: ClaimCandidate[] = [];
    let keys: Record<string, unknown>[] = caseIds.map((id) => caseKeys.case(id));
    const { ProjectionExpression, ExpressionAttributeNames } = claimableFilter(now);
    try {
      for (let attempt = 0; keys.length > 0 && attempt < 5; attempt++) {
        const result = await this.db.send(
          new BatchGetCommand({
            RequestItems: { [this.tableName]: { Keys: keys.slice(0, 100), ConsistentRead: true, ProjectionExpression, ExpressionAttributeNames } },
          }),
        );
        found.push(...(result.Responses?.[this.tableName] ?? []).map(claimCandidateFromItem));
        keys = [...((result.UnprocessedKeys?.[this.tableName]?.Keys as Record<string, unknown>[] | undefined) ?? []), ...keys.slice(100)];
      }
    } catch (error) {
      throw toStoreError(error, 'get cases');
    }
    // BatchGet answers in no particular order: keep the oldest first.
    const order = new Map(caseIds.map((id, i) => [id, i]));
    return found.filter((c) => c.queue === queue && isClaimable(c, now)).sort((x, y) => order.get(x.caseId)! - order.get(y.caseId)!);
  }

  /**
   * The first page of claimable cases, shared by the claims that ask while it is being read: under load one query
   * serves many claims (DynamoDB Local reads every index item in full, a few ms each). A write on this instance that
   * makes a case claimable ends the sharing, so a claim never sees a page older than this instance's own writes.
   *
   * Read ahead: a claim served a page that is past half its reuse window, or of which few cases are left to claim, sends
   * the next read and is served the answered page meanwhile; the read replaces that page once answered. The claims after
   * it then find a page answered rather than wait for a Query queued behind DynamoDB Local's commits (in the API bench
   * the wait for the first page was a slow claim's largest part after its transaction). No page served is older than
   * `firstPageReuseMs` or than this instance's last write that made a case claimable, as without reading ahead.
   */
  private sharedFirstPage(queue: string, now: Date, leaseSeconds: number, timing: ClaimTiming): Promise<ClaimPage> {
    const shared = this.firstPageReads.get(queue);
    // The read filtered leases at its own `now`: a claim whose lease clock is far from it reads for itself; an answer
    // older than firstPageReuseMs is read again.
    const age = shared?.answeredAt === undefined ? 0 : performance.now() - shared.answeredAt;
    const usable = shared !== undefined && age <= firstPageReuseMs && Math.abs(shared.now - now.getTime()) <= sharedReadClockSlackMs;
    if (shared && usable) {
      // Few left matters only when the queue holds more than the page (a page that read the whole queue has nothing after).
      const runningOut = shared.page?.lastEvaluatedKey !== undefined && this.leftToClaim(queue, shared.page) <= readAheadBelow;
      if (shared.page !== undefined && !shared.readingAhead && (age > firstPageReuseMs / 2 || runningOut)) {
        shared.readingAhead = true;
        this.readFirstPage(queue, now, leaseSeconds, timing, shared);
      }
      return shared.read;
    }
    // The page is stale but a read ahead of it is in flight (and no write here ended the sharing since it was sent):
    // wait for that rather than send another.
    const ahead = shared?.ahead;
    if (ahead && ahead.generation === (this.firstPageGeneration.get(queue) ?? 0) && Math.abs(ahead.now - now.getTime()) <= sharedReadClockSlackMs) {
      this.firstPageReads.set(queue, ahead);
      return ahead.read;
    }
    return this.readFirstPage(queue, now, leaseSeconds, timing).read;
  }

  /**
   * Sends a first-page read. Without `aheadOf`, claims share it from the start (the page they had is gone or stale).
   * A read ahead of an answered page replaces that page once answered — unless a write here ended the sharing
   * meanwhile (`firstPageGeneration`), since the read may have been answered before that write.
   */
  private readFirstPage(queue: string, now: Date, leaseSeconds: number, timing: ClaimTiming, aheadOf?: FirstPageRead): FirstPageRead {
    const when = aheadOf ? 'ahead' : 'now';
    const generation = this.firstPageGeneration.get(queue) ?? 0;
    const entry: FirstPageRead = { now: now.getTime(), read: Promise.resolve({ items: [] }), generation };
    if (aheadOf) aheadOf.ahead = entry;
    const queryStarted = performance.now();
    if (when === 'now') timing.ownRead = true;
    entry.read = this.queryClaimable(queue, now, leaseSeconds, undefined).then(
      (page) => {
        entry.answeredAt = performance.now();
        entry.page = page;
        if (when === 'now') timing.queryMs = entry.answeredAt - queryStarted;
        if (when === 'ahead' && (this.firstPageGeneration.get(queue) ?? 0) === generation) this.firstPageReads.set(queue, entry);
        return page;
      },
      (error: unknown) => {
        if (this.firstPageReads.get(queue) === entry) this.firstPageReads.delete(queue);
        throw error;
      },
    );
    this.claimStats.queueReads++;
    if (when === 'now') this.firstPageReads.set(queue, entry);
    else {
      this.claimStats.readsAhead++;
      // No claim waits on a read ahead: its failure only leaves the page it would have replaced, and the next claim to
      // find that page stale reads again (the error then reaches that claim).
      entry.read.catch(() => undefined);
      const settled = () => {
        aheadOf!.readingAhead = false;
        aheadOf!.ahead = undefined;
      };
      entry.read.then(settled, settled);
    }
    return entry;
  }

  /** How many cases of an answered page claims here have neither taken nor are trying (as far as this instance knows). */
  private leftToClaim(queue: string, page: ClaimPage): number {
    const reserved = this.reservationsOf(queue);
    return page.items.filter((item) => !reserved.has(String(item.caseId)) && !this.knownNewer(claimCandidateFromItem(item))).length;
  }

  /** After a write: a case that may now be claimable must not be missed by a claim that starts after the write. */
  endSharedReads(written: Pick<ReviewCase, 'queue' | 'status' | 'lease'>): void {
    if (written.status === 'needs_review' || (written.status === 'claimed' && !written.lease)) {
      this.firstPageReads.delete(written.queue);
      this.firstPageGeneration.set(written.queue, (this.firstPageGeneration.get(written.queue) ?? 0) + 1);
    }
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
}

/**
 * One page of a queue's index partition, oldest first, optionally filtered and projected.
 *
 * @example
 * const page = await queryQueueIndex(db, tableName, 'XH36-3.7.c', 50, undefined, 'list queue');
 */
export async function queryQueueIndex(
  db: DynamoDBDocumentClient,
  tableName: string,
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
    const page = await db.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: indexNames.queue,
        KeyConditionExpression: `GSI1PK = :queue${range.condition}`,
        ...filter,
        ExpressionAttributeValues: {
          ':queue': caseKeys.queue(queue),
          ...(filter && 'ExpressionAttributeValues' in filter ? filter.ExpressionAttributeValues : {}),
          ...range.values,
        },
        Limit: limit,
        ExclusiveStartKey: startKey,
      }),
    );
    return { items: page.Items ?? [], lastEvaluatedKey: page.LastEvaluatedKey };
  } catch (error) {
    throw toStoreError(error, operation);
  }
}

/** One claim's request: who claims the next case of which queue, when (the lease clock) and for how long. */
export interface ClaimRequest {
  queue: string;
  holder: string;
  /** The holder's name as shown in lists ("my cases", the lease). */
  holderName?: string;
  leaseSeconds: number;
  now: Date;
}

/** Where one claim's time went (ms, real time); a shared first page counts in `firstPageMs` of every claim that waited on it. */
export interface ClaimTiming {
  totalMs: number;
  /** Waiting for the first page, whether this claim sent the read or shared another's. */
  firstPageMs: number;
  /** This claim sent the first-page read (the others shared or reused it). */
  ownRead: boolean;
  /** The first-page read's own time, when this claim sent it. */
  queryMs: number;
  /** The claim transactions, won or lost. */
  transactionMs: number;
  /** Waiting, after the transaction, for the read of the case and its trail sent beside it. */
  caseReadMs: number;
  /** Further pages and re-reads after a lost race. */
  otherReadsMs: number;
  /** Waiting for other claims' tries on every case left (and the re-read after): the queue held no more. */
  triesWaitMs: number;
  tries: number;
  /** Items written by its transactions (all tries). */
  transactionItems: number;
  /** Attempts the SDK made for its transactions (`$metadata.attempts`, all tries): more than `tries` means SDK retries. */
  sdkAttempts: number;
  /** Back-off the SDK waited between those attempts (`$metadata.totalRetryDelay`). */
  sdkRetryDelayMs: number;
  /** Other transactions of this repository in flight when its transactions were sent (summed over tries). */
  othersInFlight: number;
  /** Of those, other claims' transactions. */
  claimsInFlight: number;
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
  /** The case's list row as read (see listRowOf), which the claim writes again into each search-key item. */
  row: Record<string, unknown>;
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
    row: listRowOf(item as Pick<ReviewCase, 'caseId' | 'createdAt'>),
  };
}

/**
 * The server-side twin of isClaimable, with the projection claiming reads. Lease times are fixed-width ISO strings,
 * so they compare as strings.
 */
function claimableFilter(now: Date) {
  return {
    FilterExpression: '#status = :waiting OR (#status = :claimed AND (attribute_not_exists(#lease) OR #lease.expiresAt <= :now))',
    ...claimProjection(),
    ExpressionAttributeValues: { ':waiting': 'needs_review', ':claimed': 'claimed', ':now': now.toISOString() },
  };
}

/**
 * The projection claiming reads, without the filter: what the queue index carries (the list row, which the claim
 * rewrites into the search-key items, and the search keys), so the consistent BatchGet after a lost race reads the same.
 * The leased tail is read whole, to date its first running lease. Every name goes through a placeholder (`status`,
 * `queue`… are reserved words).
 */
function claimProjection() {
  return {
    ProjectionExpression: queueIndexAttributes.map((name) => `#${name}`).join(', '),
    ExpressionAttributeNames: Object.fromEntries(queueIndexAttributes.map((name) => [`#${name}`, name])) as Record<string, string>,
  };
}

function isClaimable(reviewCase: Pick<ReviewCase, 'status' | 'lease'>, now: Date): boolean {
  if (reviewCase.status === 'needs_review') return true;
  return reviewCase.status === 'claimed' && (!reviewCase.lease || Date.parse(reviewCase.lease.expiresAt) <= now.getTime());
}
