/**
 * Bounds on what one request may carry, the same behind API Gateway and in `npm start`. API Gateway refuses bodies
 * over 10 MB and Lambda over 6 MB on AWS; locally nothing did, and a 60 MB sign-in body grew the process by 400 MB
 * and was echoed back. Ids over DynamoDB's 2 KB key limit reached the table and came back as 500.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** The largest JSON body any route takes (a correction, a batch of 500 file names): 1 MiB. */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024;

/** The longest path segment an id can be: case ids (`case-<submission>-<document>-<n>-f<k>`) stay far below it. */
export const MAX_ID_LENGTH = 256;

/**
 * Refuses a body over `MAX_REQUEST_BODY_BYTES` with 413 (declared or streamed: the body is counted as it arrives,
 * never read whole first) and answers 404 for a path segment longer than any id can be, before any route runs.
 *
 * @example
 * app.use('*', requestLimits());
 */
export function requestLimits(options: { maxBodyBytes?: number; maxIdLength?: number } = {}): MiddlewareHandler {
  const maxIdLength = options.maxIdLength ?? MAX_ID_LENGTH;
  const limitBody = bodyLimit({
    maxSize: options.maxBodyBytes ?? MAX_REQUEST_BODY_BYTES,
    onError: (c) => c.json({ error: { code: 'request_too_large', message: 'The request body is larger than the API accepts.', zh: '请求内容过大' } }, 413),
  });
  return async (c, next) => {
    const segments = c.req.path.split('/');
    if (segments.some((segment) => segment.length > maxIdLength)) {
      return c.json({ error: { code: 'not_found', message: 'No such resource.', zh: '未找到' } }, 404);
    }
    return limitBody(c, next);
  };
}
