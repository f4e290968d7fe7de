import { TransactWriteCommand, type DynamoDBDocumentClient, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { StoreContentionError, StoreThrottledError, toStoreError } from './dynamodb-errors.js';
import { jitter } from './dynamodb-items.js';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Why one item of a cancelled transaction failed, with the item's old value when DynamoDB returned it. */
export interface CancellationReason {
  code: string;
  item?: Record<string, unknown>;
}

/** Thrown by runTransaction when a condition failed: `reasons[i]` belongs to the i-th item written. */
export class TransactionCancelled extends Error {
  constructor(
    readonly reasons: CancellationReason[],
    options?: { cause?: unknown },
  ) {
    super(`transaction cancelled: ${reasons.map((r) => r.code).join(', ')}`, options);
    this.name = 'TransactionCancelled';
  }

  /** Index of the first item whose condition failed, or -1. */
  failedAt(): number {
    return this.reasons.findIndex((r) => r.code === 'ConditionalCheckFailed');
  }
}

function reasonsOf(error: unknown): CancellationReason[] | undefined {
  if (!(error instanceof Error) || error.name !== 'TransactionCanceledException') return undefined;
  const raw = (error as { CancellationReasons?: { Code?: string; Item?: Record<string, unknown> }[] }).CancellationReasons ?? [];
  return raw.map((r) => ({ code: r.Code ?? 'None', item: r.Item ? toPlain(r.Item) : undefined }));
}

// Errors are not unmarshalled by the document client: the old item comes back in attribute-value form. Only the
// scalar attributes are needed (who holds a claim key, a counter), so those are converted and the rest left out.
function toPlain(item: Record<string, unknown>): Record<string, unknown> {
  const plain: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(item)) {
    if (!value || typeof value !== 'object') plain[name] = value;
    else if ('S' in value) plain[name] = (value as { S: string }).S;
    else if ('N' in value) plain[name] = Number((value as { N: string }).N);
    else if ('BOOL' in value) plain[name] = (value as { BOOL: boolean }).BOOL;
  }
  return plain;
}

/** What one TransactWriteItems call cost: SDK attempts and back-off as its `$metadata` reports them. */
export interface TransactionSent {
  operation: string;
  items: number;
  /** Attempts the SDK made for this call (1: no SDK retry). */
  sdkAttempts: number;
  /** Back-off the SDK waited between them (ms). */
  sdkRetryDelayMs: number;
  /** `ok`, or the first cancellation reason code (`ConditionalCheckFailed`, `TransactionConflict`…), or the error's name. */
  outcome: string;
  /** Other transactions of the same counts in flight when this one was sent (0 without counts). */
  othersInFlight: number;
  /** Of those, how many were of the same operation (a burst of claims, say). */
  sameInFlight: number;
}

/** Who learns of each transaction call `runTransaction` sends. */
export interface TransactionObserver {
  counts?: TransactionCounts;
  /** The operation the counts file the calls under (default: the operation named to runTransaction). */
  countAs?: string;
  onSent?: (sent: TransactionSent) => void;
}

/** Per operation: how many transactions were sent and what they cost in items, SDK attempts and back-off. */
export interface TransactionTally {
  calls: number;
  items: number;
  sdkAttempts: number;
  /** Calls the SDK sent more than once. */
  sdkRetried: number;
  sdkRetryDelayMs: number;
  /** Calls by outcome (`ok`, `ConditionalCheckFailed`, `TransactionConflict`…). */
  outcomes: Record<string, number>;
  /** Sum over the calls of the other transactions in flight when each was sent (÷ calls: how crowded a send was). */
  othersInFlight: number;
  /** The same, counting only transactions of this operation. */
  sameInFlight: number;
}

/**
 * Counts of the transactions an adapter sent, per operation (the API bench prints them): counts do not move with the
 * machine's load as times do, so they show whether a tail comes from retries or from the size of the writes.
 *
 * @example
 * const counts = new TransactionCounts();
 * await runTransaction(db, items, 'claim case', 1, { counts });
 * counts.byOperation.get('claim case')?.sdkRetried; // 0
 */
export class TransactionCounts {
  readonly byOperation = new Map<string, TransactionTally>();
  /** Transactions sent and not yet answered, in all and per operation. */
  private inFlight = 0;
  private readonly inFlightByOperation = new Map<string, number>();

  /** A call of `operation` is being sent: how many others are in flight, and how many of them of the same operation. Pair with `settled`. */
  sending(operation: string): { others: number; same: number } {
    const same = this.inFlightByOperation.get(operation) ?? 0;
    this.inFlightByOperation.set(operation, same + 1);
    return { others: this.inFlight++, same };
  }

  settled(operation: string): void {
    this.inFlight--;
    this.inFlightByOperation.set(operation, (this.inFlightByOperation.get(operation) ?? 1) - 1);
  }

  record(sent: TransactionSent): void {
    let tally = this.byOperation.get(sent.operation);
    if (!tally) {
      tally = { calls: 0, items: 0, sdkAttempts: 0, sdkRetried: 0, sdkRetryDelayMs: 0, outcomes: {}, othersInFlight: 0, sameInFlight: 0 };
      this.byOperation.set(sent.operation, tally);
    }
    tally.othersInFlight += sent.othersInFlight;
    tally.sameInFlight += sent.sameInFlight;
    tally.calls++;
    tally.items += sent.items;
    tally.sdkAttempts += sent.sdkAttempts;
    if (sent.sdkAttempts > 1) tally.sdkRetried++;
    tally.sdkRetryDelayMs += sent.sdkRetryDelayMs;
    tally.outcomes[sent.outcome] = (tally.outcomes[sent.outcome] ?? 0) + 1;
  }
}

/** The SDK's `$metadata` of an answer or an error: attempts made and back-off waited (1 and 0 when absent). */
function sdkCost(answer: unknown): { sdkAttempts: number; sdkRetryDelayMs: number } {
  const metadata = (answer as { $metadata?: { attempts?: number; totalRetryDelay?: number } } | undefined)?.$metadata;
  return { sdkAttempts: metadata?.attempts ?? 1, sdkRetryDelayMs: metadata?.totalRetryDelay ?? 0 };
}

/**
 * Writes the items all or nothing. Collisions with concurrent transactions (`TransactionConflict`) are retried with
 * jittered back-off; a failed condition surfaces as TransactionCancelled with the reason per item; persistent
 * throttling as StoreThrottledError. `observe` learns of every call sent, with what the SDK made of it.
 *
 * @example
 * await runTransaction(db, [{ Put: { TableName, Item, ConditionExpression: 'attribute_not_exists(PK)' } }], 'create case');
 */
export async function runTransaction(
  db: DynamoDBDocumentClient,
  items: TransactItem[],
  operation: string,
  attempts = 6,
  observe: TransactionObserver = {},
): Promise<void> {
  const { counts, onSent } = observe;
  const countedAs = observe.countAs ?? operation;
  for (let attempt = 0; ; attempt++) {
    const crowd = counts?.sending(countedAs) ?? { others: 0, same: 0 };
    const note = (answer: unknown, outcome: string) => {
      counts?.settled(countedAs);
      const sent = { operation: countedAs, items: items.length, ...sdkCost(answer), outcome, othersInFlight: crowd.others, sameInFlight: crowd.same };
      counts?.record(sent);
      onSent?.(sent);
    };
    try {
      note(await db.send(new TransactWriteCommand({ TransactItems: items })), 'ok');
      return;
    } catch (error) {
      const reasons = reasonsOf(error);
      note(error, reasons?.find((r) => r.code !== 'None')?.code ?? (error instanceof Error ? error.name : 'error'));
      if (!reasons) throw toStoreError(error, operation);
      if (reasons.some((r) => r.code === 'ConditionalCheckFailed')) throw new TransactionCancelled(reasons, { cause: error });
      const retryable = reasons.some((r) => r.code === 'TransactionConflict' || r.code === 'ThrottlingError' || r.code === 'ProvisionedThroughputExceeded');
      if (!retryable) throw new TransactionCancelled(reasons, { cause: error });
      if (attempt + 1 >= attempts) {
        if (reasons.some((r) => r.code === 'TransactionConflict')) throw new StoreContentionError(operation, { cause: error });
        throw new StoreThrottledError(operation, { cause: error });
      }
      await jitter(attempt);
    }
  }
}
