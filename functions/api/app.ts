/**
 * The review API as the embedded stack mounts it (`local/start.ts` loads `createApiApp()` from here): the same router
 * as on AWS, with the development sign-in standing in for Cognito (seeded users clerk1, clerk2, supervisor1,
 * institution-a, institution-b; HS256 tokens signed with `INTAKE_DEV_JWT_SECRET` or a fixed local secret).
 */
import { DevSignIn, bearerAuthenticator, createReviewApi } from '../../shared/review/index.js';
import type { Clock } from '../../shared/ports/index.js';
import type { ServiceEndpoints } from '../compose/root-options.js';
import type { Settings } from '../settings.js';
import { composeReviewApi, reviewApiServices } from './compose.js';

/** Only for the local stack: tokens signed with it grant nothing anywhere else. */
const LOCAL_DEVELOPMENT_SECRET = 'skill-subsidy-intake local development sign-in secret';

/**
 * The development sign-in of the local stack (the same secret `createApiApp` verifies with).
 *
 * @example
 * const { token } = await localDevSignIn().signIn('clerk1');
 */
export function localDevSignIn(env: NodeJS.ProcessEnv = process.env): DevSignIn {
  return new DevSignIn(env.INTAKE_DEV_JWT_SECRET || LOCAL_DEVELOPMENT_SECRET);
}

/**
 * A Hono app whose routes are relative to `/api`, for `npm start`, tests and the bench.
 *
 * @example
 * const api = createApiApp();
 * const { token } = await (await api.request('/auth/sign-in', { method: 'POST', body: '{"username":"clerk1"}' })).json();
 */
export function createApiApp(
  options: {
    clock?: Clock;
    leaseSeconds?: number;
    env?: NodeJS.ProcessEnv;
    settings?: Settings;
    endpoints?: ServiceEndpoints;
    multipartThreshold?: number;
    partSize?: number;
  } = {},
) {
  if (process.env.AWS_LAMBDA_FUNCTION_NAME) throw new Error('the development sign-in must not run on Lambda: use functions/api/handler.ts');
  const env = options.env ?? process.env;
  // Locally a page without a stored preview is rendered on first request (the local app is never bundled for Lambda).
  const deps = composeReviewApi({ ...options, env, presignPages: false });
  const devSignIn = localDevSignIn(env);
  return createReviewApi({
    ...reviewApiServices(deps),
    devSignIn,
    authenticate: bearerAuthenticator((token) => devSignIn.verify(token)),
  });
}
