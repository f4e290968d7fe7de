/**
 * How process retries a failed document. A whole file may take 15 minutes, so the queue's visibility timeout is 90
 * (six times the function's timeout, AWS's guidance): a failed record left to it would wait 90 minutes. Instead each
 * failed record is made visible again after a backoff, and only errors that are not the service's passing state
 * (throttling, 5xx, timeouts) count towards the document failing:
 * - transient: retried with backoff 30 s, 60 s, 2 min … 15 min, until the queue's maxReceiveCount dead-letters it
 *   (the dead-letter function marks it `failed`; `intake redrive` or SQS's redrive sends it back);
 * - anything else: after `permanentAttempts` deliveries the document is marked `failed` here, so a real defect does
 *   not take ten tries.
 */

/** Error names and codes AWS SDKs and our adapters use for a service that is busy or briefly unwell. */
const TRANSIENT_NAMES =
  /Throttl|SlowDown|ProvisionedThroughputExceeded|RequestLimitExceeded|TooManyRequests|LimitExceeded|ServiceUnavailable|InternalServerError|InternalError|InternalFailure|RequestTimeout|TimeoutError|ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|NetworkingError/;

/**
 * Whether an error (or any error in its `cause` chain) is the service's passing state rather than the document's.
 *
 * @example
 * isTransientError(Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' })); // true
 * isTransientError(new Error('PDF has no pages')); // false
 */
export function isTransientError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 6 && current && typeof current === 'object'; depth++) {
    const candidate = current as { name?: unknown; code?: unknown; $retryable?: unknown; $metadata?: { httpStatusCode?: number } };
    const status = candidate.$metadata?.httpStatusCode;
    if (candidate.$retryable) return true;
    if (status !== undefined && (status >= 500 || status === 429)) return true;
    if (TRANSIENT_NAMES.test(String(candidate.name ?? '')) || TRANSIENT_NAMES.test(String(candidate.code ?? ''))) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

export interface RetryPolicy {
  /** Deliveries after which a non-transient failure marks the document `failed` (default 3). */
  permanentAttempts: number;
  /** First backoff (default 30 s); doubles per delivery. */
  baseDelaySeconds: number;
  /** Longest backoff (default 900 s, SQS's longest delay). */
  maxDelaySeconds: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { permanentAttempts: 3, baseDelaySeconds: 30, maxDelaySeconds: 900 };

/**
 * Seconds until the `receiveCount`-th delivery's failure is tried again.
 *
 * @example
 * retryDelaySeconds(1); // 30
 * retryDelaySeconds(4); // 240
 * retryDelaySeconds(9); // 900
 */
export function retryDelaySeconds(receiveCount: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): number {
  const exponent = Math.max(0, Math.min(20, receiveCount - 1));
  return Math.min(policy.maxDelaySeconds, policy.baseDelaySeconds * 2 ** exponent);
}

/** What to do with a failed delivery. */
export type RetryDecision = { kind: 'retry'; delaySeconds: number; transient: boolean } | { kind: 'fail' };

/**
 * The decision for a delivery that failed with `error`.
 *
 * @example
 * decideRetry(new Error('bug'), 3); // { kind: 'fail' }
 * decideRetry(throttled, 3); // { kind: 'retry', delaySeconds: 120, transient: true }
 */
export function decideRetry(error: unknown, receiveCount: number, policy: RetryPolicy = DEFAULT_RETRY_POLICY): RetryDecision {
  const transient = isTransientError(error);
  if (!transient && receiveCount >= policy.permanentAttempts) return { kind: 'fail' };
  return { kind: 'retry', delaySeconds: retryDelaySeconds(receiveCount, policy), transient };
}
