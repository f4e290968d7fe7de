/**
 * Lambda entry of the review API: API Gateway (HTTP API, Cognito user-pool authorizer on every route) → the same Hono
 * router as `npm start`. API Gateway has verified the JWT; the caller is read from the authorizer's claims
 * (`cognito:groups`, `custom:institutionId`). Page images leave as presigned S3 URLs (302).
 */
import { Hono, type Context } from 'hono';
import { handle, type LambdaEvent } from 'hono/aws-lambda';
import { principalFromClaims, type ReviewTokenClaims } from '../../shared/review/claims.js';
import { NotAuthenticatedError } from '../../shared/review/errors.js';
import { createReviewApi } from '../../shared/review/router.js';
import { composeReviewApi, reviewApiServices } from './compose.js';
import { resolveLookupSecret } from '../lookup-secret.js';

await resolveLookupSecret();

/**
 * The verified claims API Gateway put on the event (HTTP API JWT authorizer: `authorizer.jwt.claims`; REST API Cognito
 * authorizer: `authorizer.claims`). Absent claims are a 401: the authorizer should have refused the request already.
 *
 * @example
 * claimsOfEvent({ requestContext: { authorizer: { jwt: { claims: { sub: 'u1' } } } } }); // { sub: 'u1' }
 */
export function claimsOfEvent(event: unknown): ReviewTokenClaims {
  const authorizer = (event as { requestContext?: { authorizer?: { jwt?: { claims?: ReviewTokenClaims }; claims?: ReviewTokenClaims } } } | undefined)
    ?.requestContext?.authorizer;
  const claims = authorizer?.jwt?.claims ?? authorizer?.claims;
  if (!claims) throw new NotAuthenticatedError('no authorizer claims on the event');
  return claims;
}

type Env = { Bindings: { event: LambdaEvent } };

let app: Hono<Env> | undefined;

/**
 * The API app for Lambda, built on the first invocation (clients at module scope, reused while warm).
 *
 * @example
 * const response = await lambdaApp().request('/api/queues', {}, { event });
 */
export function lambdaApp(): Hono<Env> {
  if (app) return app;
  // Stored previews only: rendering pages is the pipeline's work, and this function carries no PDF renderer.
  const deps = composeReviewApi({ presignPages: true });
  const api = createReviewApi({
    ...reviewApiServices(deps),
    authenticate: async (c: Context) => principalFromClaims(claimsOfEvent((c.env as Env['Bindings'] | undefined)?.event)),
  });
  app = new Hono<Env>();
  app.route('/api', api as unknown as Hono<Env>);
  return app;
}

let lambdaHandler: ReturnType<typeof handle> | undefined;

export const handler = (event: LambdaEvent, context: Parameters<ReturnType<typeof handle>>[1]) => (lambdaHandler ??= handle(lambdaApp()))(event, context);
