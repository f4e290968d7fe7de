import { NotAuthenticatedError } from './errors.js';
import { reviewRoleSchema, type Principal, type ReviewRoleName } from './principal.js';

/** JWT claims as Cognito issues them (and as the local development sign-in signs them, so one mapping serves both). */
export interface ReviewTokenClaims {
  sub?: unknown;
  username?: unknown;
  'cognito:username'?: unknown;
  name?: unknown;
  /** An array in the token; API Gateway's HTTP API authorizer hands it over as the string `[clerk supervisor]`. */
  'cognito:groups'?: unknown;
  'custom:institutionId'?: unknown;
}

function groupsOf(raw: unknown): string[] {
  if (Array.isArray(raw)) return raw.map(String);
  if (typeof raw === 'string')
    return raw
      .replace(/^\[|\]$/g, '')
      .split(/[\s,]+/)
      .filter(Boolean);
  return [];
}

/**
 * The caller from verified token claims: the user id (username, else subject), the known review groups, and the
 * institution of an `institution` user. An institution user without an institution id would see nothing and is
 * refused outright.
 *
 * @example
 * principalFromClaims({ sub: 'u-1', 'cognito:username': 'clerk1', 'cognito:groups': ['clerk'] });
 * // { userId: 'clerk1', roles: ['clerk'] }
 */
export function principalFromClaims(claims: ReviewTokenClaims): Principal {
  const userId = [claims['cognito:username'], claims.username, claims.sub].find((v): v is string => typeof v === 'string' && v.length > 0);
  if (!userId) throw new NotAuthenticatedError('token has no subject');
  const roles = groupsOf(claims['cognito:groups']).filter((g): g is ReviewRoleName => reviewRoleSchema.safeParse(g).success);
  const institutionId = typeof claims['custom:institutionId'] === 'string' && claims['custom:institutionId'] ? claims['custom:institutionId'] : undefined;
  if (roles.includes('institution') && !institutionId) throw new NotAuthenticatedError('institution user without custom:institutionId');
  return {
    userId,
    roles,
    ...(typeof claims.name === 'string' ? { displayName: claims.name } : {}),
    ...(institutionId ? { institutionId } : {}),
  };
}
