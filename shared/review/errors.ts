/**
 * Errors of the review API's domain. Each carries an HTTP status, a stable machine `code` and a sentence for the clerk
 * (Simplified Chinese, shown on the page as it is); `httpErrorOf` is the one place that turns any error into a
 * response body.
 */

/** Base of every error the review service throws on purpose. */
export class ReviewError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 422,
    readonly code: string,
    /** What the clerk reads. */
    readonly zh: string,
    message: string,
    options?: { cause?: unknown; details?: Record<string, unknown> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ReviewError';
    this.details = options?.details;
  }
  readonly details: Record<string, unknown> | undefined;
}

/** No token, or one that does not verify. */
export class NotAuthenticatedError extends ReviewError {
  constructor(reason: string, options?: { cause?: unknown }) {
    super(401, 'not_authenticated', '请先登录。', `not authenticated: ${reason}`, options);
    this.name = 'NotAuthenticatedError';
  }
}

/** Signed in, but this user may not do this (role missing, another institution's case, approving one's own work). */
export class ForbiddenError extends ReviewError {
  constructor(code: string, zh: string, message: string) {
    super(403, code, zh, message);
    this.name = 'ForbiddenError';
  }
}

/** The case, document or page does not exist. */
export class ReviewNotFoundError extends ReviewError {
  constructor(what: 'case' | 'document' | 'page' | 'queue' | 'batch' | 'finding' | 'submission', id: string) {
    const zh = {
      case: '案件不存在',
      document: '材料不存在',
      page: '页面不存在',
      queue: '队列不存在',
      batch: '批次不存在',
      finding: '没有这项疑点',
      submission: '来件不存在',
    }[what];
    super(404, `${what}_not_found`, `${zh}：${id}`, `no ${what} ${id}`);
    this.name = 'ReviewNotFoundError';
  }
}

/** Someone changed the case since the caller read it: nothing was written. */
export class StaleVersionError extends ReviewError {
  constructor(
    readonly caseId: string,
    readonly expectedVersion: number,
    readonly currentVersion: number | undefined,
    options?: { cause?: unknown },
  ) {
    super(
      409,
      'version_conflict',
      '此案件已被他人修改（您看到的是旧版本），您的修改没有保存。请重新加载案件后再改。',
      `case ${caseId} changed since version ${expectedVersion}`,
      { ...options, details: { caseId, expectedVersion, currentVersion } },
    );
    this.name = 'StaleVersionError';
  }
}

/** The action does not fit the case's state (confirming a rejected case, approving an unconfirmed one...). */
export class InvalidStateError extends ReviewError {
  constructor(caseId: string, status: string, action: string, zh: string) {
    super(409, 'invalid_state', zh, `case ${caseId} is ${status}: cannot ${action}`, { details: { caseId, status, action } });
    this.name = 'InvalidStateError';
  }
}

/** The queue gave the case to another clerk whose lease still runs. */
export class LeasedToOtherError extends ReviewError {
  constructor(caseId: string, holder: string) {
    super(409, 'leased_to_other', `此案件已由 ${holder} 领取处理中，您的修改没有保存。`, `case ${caseId} is leased to ${holder}`, {
      details: { caseId, holder },
    });
    this.name = 'LeasedToOtherError';
  }
}

/** The request is well-formed but cannot be done as asked (a flagged field left, an unknown field named). */
export class UnprocessableError extends ReviewError {
  constructor(code: string, zh: string, message: string, details?: Record<string, unknown>) {
    super(422, code, zh, message, { details });
    this.name = 'UnprocessableError';
  }
}

/** The request body, query or path does not match its schema. */
export class InvalidRequestError extends ReviewError {
  constructor(issues: string, options?: { cause?: unknown }) {
    super(400, 'invalid_request', `请求有误：${issues}`, `invalid request: ${issues}`, options);
    this.name = 'InvalidRequestError';
  }
}

export interface HttpErrorBody {
  error: { code: string; message: string; zh: string; details?: Record<string, unknown> };
}

/**
 * The status and body for any error: a ReviewError as it says; the store's cursor and conflict errors by name (the
 * domain does not import adapters); anything else a 500 without internals.
 *
 * @example
 * const { status, body } = httpErrorOf(new ReviewNotFoundError('case', 'c1')); // 404, { error: { code: 'case_not_found', ... } }
 */
export function httpErrorOf(error: unknown): { status: 400 | 401 | 403 | 404 | 409 | 422 | 500; body: HttpErrorBody } {
  if (error instanceof ReviewError) {
    return {
      status: error.status,
      body: { error: { code: error.code, message: error.message, zh: error.zh, ...(error.details ? { details: error.details } : {}) } },
    };
  }
  const name = error instanceof Error ? error.name : '';
  if (name === 'InvalidCursorError') {
    return {
      status: 400,
      body: { error: { code: 'invalid_cursor', message: 'the cursor does not belong to this list', zh: '分页游标无效，请从第一页重新开始。' } },
    };
  }
  if (name === 'StoreThrottledError' || name === 'StoreContentionError') {
    return { status: 409, body: { error: { code: 'busy', message: 'the store is busy; try again', zh: '系统繁忙，请稍后重试。' } } };
  }
  return { status: 500, body: { error: { code: 'internal', message: 'internal error', zh: '系统内部错误，请稍后重试或联系管理员。' } } };
}
