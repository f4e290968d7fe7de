import { SignJWT, jwtVerify } from 'jose';
import { principalFromClaims, type ReviewTokenClaims } from './claims.js';
import { NotAuthenticatedError } from './errors.js';
import type { Principal } from './principal.js';

/** A seeded local user. */
export interface DevUser {
  username: string;
  name: string;
  groups: ('clerk' | 'supervisor' | 'institution')[];
  institutionId?: string;
}

/** The users of the embedded stack: two clerks, a supervisor and two training institutions. */
export const DEV_USERS: readonly DevUser[] = [
  { username: 'clerk1', name: '李经办', groups: ['clerk'] },
  { username: 'clerk2', name: '王经办', groups: ['clerk'] },
  { username: 'supervisor1', name: '张科长', groups: ['supervisor'] },
  { username: 'institution-a', name: '西湖职业培训学校', groups: ['institution'], institutionId: 'inst-a' },
  { username: 'institution-b', name: '钱塘技能培训中心', groups: ['institution'], institutionId: 'inst-b' },
];

const ISSUER = 'skill-subsidy-intake/local';

/**
 * The local stand-in for Cognito: signs HS256 tokens carrying the same claims a Cognito ID token carries
 * (`cognito:username`, `cognito:groups`, `custom:institutionId`) for the seeded users, and verifies them. Never wired
 * into the Lambda entry.
 *
 * @example
 * const signIn = new DevSignIn('local-secret-at-least-32-characters!!');
 * const token = await signIn.signIn('clerk1');
 * const principal = await signIn.verify(token); // { userId: 'clerk1', roles: ['clerk'] }
 */
export class DevSignIn {
  private readonly key: Uint8Array;

  constructor(
    secret: string,
    readonly users: readonly DevUser[] = DEV_USERS,
    private readonly ttlSeconds = 8 * 3600,
  ) {
    if (secret.length < 32) throw new Error('the development sign-in secret must be at least 32 characters');
    this.key = new TextEncoder().encode(secret);
  }

  /** A token for a seeded user; anyone else gets NotAuthenticatedError (401). */
  async signIn(username: string): Promise<{ token: string; principal: Principal }> {
    const user = this.users.find((u) => u.username === username);
    if (!user) throw new NotAuthenticatedError(`no local user ${username}`);
    const claims = {
      'cognito:username': user.username,
      name: user.name,
      'cognito:groups': user.groups,
      ...(user.institutionId ? { 'custom:institutionId': user.institutionId } : {}),
    };
    const token = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.username)
      .setIssuer(ISSUER)
      .setIssuedAt()
      .setExpirationTime(`${this.ttlSeconds}s`)
      .sign(this.key);
    return { token, principal: principalFromClaims(claims as ReviewTokenClaims) };
  }

  /** The principal of a token this sign-in issued; NotAuthenticatedError when it does not verify or has expired. */
  async verify(token: string): Promise<Principal> {
    try {
      const { payload } = await jwtVerify(token, this.key, { issuer: ISSUER, algorithms: ['HS256'] });
      return principalFromClaims(payload as ReviewTokenClaims);
    } catch (error) {
      if (error instanceof NotAuthenticatedError) throw error;
      throw new NotAuthenticatedError('token does not verify', { cause: error });
    }
  }
}
