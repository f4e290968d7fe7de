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

/**
 * Writes the items all or nothing. Collisions with concurrent transactions (`TransactionConflict`) are retried with
 * jittered back-off; a failed condition surfaces as TransactionCancelled with the reason per item; persistent
 * throttling as StoreThrottledError.
 *
 * @example
 * await runTransaction(db, [{ Put: { TableName, Item, ConditionExpression: 'attribute_not_exists(PK)' } }], 'create case');
 */
export async function runTransaction(db: DynamoDBDocumentClient, items: TransactItem[], operation: string, attempts = 6): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await db.send(new TransactWriteCommand({ TransactItems: items }));
      return;
    } catch (error) {
      const reasons = reasonsOf(error);
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
