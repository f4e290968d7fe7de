/** Base of the errors the DynamoDB adapters raise beyond the ports' own (VersionConflictError, ClaimKeyTakenError, …). */
export class DynamoDbStoreError extends Error {
  constructor(
    message: string,
    readonly operation: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'DynamoDbStoreError';
  }
}

/** DynamoDB kept throttling after the SDK's retries with back-off: try again later (HTTP 503 to a caller). */
export class StoreThrottledError extends DynamoDbStoreError {
  constructor(operation: string, options?: { cause?: unknown }) {
    super(`DynamoDB throttled ${operation} after retries`, operation, options);
    this.name = 'StoreThrottledError';
  }
}

/** Concurrent transactions kept colliding on the same items after our own retries. */
export class StoreContentionError extends DynamoDbStoreError {
  constructor(operation: string, options?: { cause?: unknown }) {
    super(`DynamoDB transaction for ${operation} kept conflicting with concurrent writes`, operation, options);
    this.name = 'StoreContentionError';
  }
}

/** An item would exceed DynamoDB's 400 KB limit even with its large attributes compressed. */
export class ItemTooLargeError extends DynamoDbStoreError {
  constructor(
    readonly entity: string,
    readonly id: string,
    readonly bytes: number,
  ) {
    super(`${entity} ${id} needs about ${bytes} bytes, over the item limit`, 'write');
    this.name = 'ItemTooLargeError';
  }
}

/** A pagination cursor that this adapter did not hand out (or that was altered). */
export class InvalidCursorError extends DynamoDbStoreError {
  constructor(readonly cursor: string) {
    super('the pagination cursor is not valid', 'query');
    this.name = 'InvalidCursorError';
  }
}

const throttlingNames = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'RequestLimitExceeded', 'ThrottlingError']);

/**
 * Whether an SDK error is DynamoDB throttling (the SDK has already retried it by the time we see it).
 *
 * @example
 * if (isThrottling(error)) throw new StoreThrottledError('get case', { cause: error });
 */
export function isThrottling(error: unknown): boolean {
  return error instanceof Error && throttlingNames.has(error.name);
}

/**
 * Turns what the SDK throws into the adapters' errors where one applies (throttling), otherwise returns it as is.
 *
 * @example
 * try { ... } catch (error) { throw toStoreError(error, 'list queue'); }
 */
export function toStoreError(error: unknown, operation: string): unknown {
  if (error instanceof DynamoDbStoreError) return error;
  if (isThrottling(error)) return new StoreThrottledError(operation, { cause: error });
  return error;
}
