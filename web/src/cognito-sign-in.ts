/**
 * Sign-in through Cognito's hosted UI for the page on AWS: OAuth 2.0 authorization code with PKCE (S256), no client
 * secret, by oidc-client-ts (state, PKCE verifier, the code exchange, token expiry and renewal with the refresh token).
 * What stays ours: reading `config.json`, the Cognito endpoints (given as metadata: no discovery request), Cognito's
 * non-standard logout address, and the Chinese-facing error codes. Locally the same page gets `{ auth: 'dev' }` and
 * keeps its development sign-in.
 *
 * - `loadPageConfig()` — GETs `config.json`; a missing file (404) means `{ auth: 'dev' }`; a file that says `cognito`
 *   without `domain` and `clientId` throws.
 * - `beginCognitoSignIn(config)` — stores a fresh state and PKCE verifier (single use) and navigates to
 *   `https://{domain}/oauth2/authorize?…`.
 * - `completeCognitoSignIn(config, url)` — on the page load Cognito redirects back to (`?code=…&state=…`): checks the
 *   state, exchanges the code with the verifier at `https://{domain}/oauth2/token`, keeps the tokens (sessionStorage)
 *   and resolves to the ID token (sent as `Authorization: Bearer …`; it carries `cognito:groups` and
 *   `custom:institutionId`). Undefined when the URL has no code. Throws a `CognitoSignInError` (`code` says which) on
 *   a state mismatch, an error Cognito sent back, or a refused exchange. Afterwards take `code` and `state` off the
 *   address bar (`history.replaceState`) so a reload does not replay a spent code.
 * - `keepCognitoSignIn(config, onToken)` — before the tokens expire, renews them with the refresh token and hands the
 *   new ID token to `onToken`; a renewal that fails leaves the old token, and the next 401 shows the sign-in.
 * - `cognitoSignOutUrl(config)` / `forgetCognitoSignIn(config)` — drop the kept tokens, then end the hosted UI's own
 *   session at `https://{domain}/logout?client_id=…&logout_uri=…`.
 * `redirectUri` defaults to the page's origin with `/` when the config leaves it out.
 */
import { ErrorResponse, OidcClient, UserManager, WebStorageStateStore, type OidcClientSettings, type UserManagerSettings } from 'oidc-client-ts';

export interface PageConfig {
  auth: 'dev' | 'cognito';
  /** Host name of the Cognito domain, e.g. `xihu-skill-subsidy-intake.auth.ap-southeast-1.amazoncognito.com`. */
  domain?: string;
  /** The page's app client id (public client: no secret). */
  clientId?: string;
  /** Where Cognito sends the browser back to; one of the client's callback URLs. */
  redirectUri?: string;
  /** Where the review API is, relative to the page (`/api`). */
  apiBase?: string;
}

/** The part of `Storage` sign-in uses (sessionStorage in the page, a Map-backed fake in tests). */
export type SignInStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Why a sign-in could not complete. */
export const CognitoSignInErrorCode = {
  config: 'config',
  stateMismatch: 'state_mismatch',
  authorizeError: 'authorize_error',
  tokenError: 'token_error',
} as const;
export type CognitoSignInErrorCode = (typeof CognitoSignInErrorCode)[keyof typeof CognitoSignInErrorCode];

/** A sign-in that did not complete; `message` is meant for the person signing in's support desk, `code` for code. */
export class CognitoSignInError extends Error {
  constructor(
    readonly code: CognitoSignInErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CognitoSignInError';
  }
}

/** sessionStorage key prefixes: the pending sign-ins' states (PKCE verifier inside) and the kept tokens. */
export const SIGN_IN_STORAGE_PREFIX = { state: 'intake.cognito.state.', user: 'intake.cognito.user.' } as const;

const SCOPES = 'openid email profile';

/**
 * Reads the page's sign-in settings from `config.json` beside it.
 *
 * @example
 * const config = await loadPageConfig();
 * if (config.auth === 'cognito') await beginCognitoSignIn(config);
 */
export async function loadPageConfig(fetchImpl: FetchLike = (input, init) => fetch(input, init)): Promise<PageConfig> {
  // Relative: the file sits next to index.html, whatever path the page is served under. Never cached: it changes
  // with every deployment that changes the client.
  const response = await fetchImpl('config.json', { cache: 'no-store', headers: { accept: 'application/json' } });
  if (response.status === 404) return { auth: 'dev' };
  if (!response.ok) {
    throw new CognitoSignInError(CognitoSignInErrorCode.config, `could not load config.json: HTTP ${response.status}`);
  }
  let raw: unknown;
  try {
    raw = await response.json();
  } catch (error) {
    throw new CognitoSignInError(CognitoSignInErrorCode.config, 'config.json is not JSON', { cause: error });
  }
  return parsePageConfig(raw);
}

/**
 * Checks a `config.json` body: `auth` is `dev` or `cognito`, and `cognito` comes with a domain and a client id.
 *
 * @example
 * parsePageConfig({ auth: 'cognito', domain: 'x.auth.ap-southeast-1.amazoncognito.com', clientId: 'abc' });
 */
export function parsePageConfig(raw: unknown): PageConfig {
  const value = (raw ?? {}) as Record<string, unknown>;
  const text = (key: string) => (typeof value[key] === 'string' && (value[key] as string).trim() ? (value[key] as string).trim() : undefined);
  const auth = value.auth;
  if (auth !== 'dev' && auth !== 'cognito') {
    throw new CognitoSignInError(CognitoSignInErrorCode.config, `config.json: auth must be "dev" or "cognito", got ${JSON.stringify(auth)}`);
  }
  const config: PageConfig = { auth };
  for (const key of ['domain', 'clientId', 'redirectUri', 'apiBase'] as const) {
    const given = text(key);
    if (given) config[key] = given;
  }
  if (auth === 'cognito') cognitoSettings(config);
  return config;
}

/**
 * Sends the browser to the hosted sign-in, remembering the state and PKCE verifier for the return.
 *
 * @example
 * signInButton.onclick = () => beginCognitoSignIn(config);
 */
export async function beginCognitoSignIn(
  config: PageConfig,
  storage: SignInStorage = sessionStorage,
  navigate: (url: string) => void = (url) => location.assign(url),
): Promise<void> {
  // The request only (state and verifier stored); navigating is ours, so tests can watch the address.
  const request = await new OidcClient(cognitoClientSettings(config, storage)).createSigninRequest({ request_type: 'si:r' });
  navigate(request.url);
}

/**
 * Finishes a sign-in on the page load Cognito redirected back to: the ID token, or undefined when `url` carries no code.
 *
 * @example
 * const idToken = await completeCognitoSignIn(config, new URL(location.href));
 * if (idToken) history.replaceState(null, '', location.pathname + location.hash);
 */
export async function completeCognitoSignIn(config: PageConfig, url: URL, storage: SignInStorage = sessionStorage): Promise<string | undefined> {
  const params = url.searchParams;
  if (!params.get('code') && !params.get('error')) return undefined;
  const manager = cognitoUserManager(config, storage);
  let idToken: string | undefined;
  try {
    idToken = (await manager.signinRedirectCallback(url.href)).id_token;
  } catch (error) {
    throw signInErrorOf(error, url);
  }
  if (!idToken) {
    throw new CognitoSignInError(
      CognitoSignInErrorCode.tokenError,
      'Cognito answered the code exchange without an ID token (is the openid scope allowed for this client?)',
    );
  }
  return idToken;
}

/**
 * Keeps the sign-in alive: renews the tokens with the refresh token a minute before they expire and hands each new
 * ID token to `onToken`. Returns a function that stops it.
 *
 * @example
 * keepCognitoSignIn(config, (token) => sessionStorage.setItem('intake.token', token));
 */
export function keepCognitoSignIn(config: PageConfig, onToken: (idToken: string) => void, storage: SignInStorage = sessionStorage): () => void {
  const manager = cognitoUserManager(config, storage, { automaticSilentRenew: true });
  const loaded = (user: { id_token?: string }): void => {
    if (user.id_token) onToken(user.id_token);
  };
  manager.events.addUserLoaded(loaded);
  // Arms the expiry timers for the tokens kept by the last sign-in.
  void manager.getUser();
  return () => {
    manager.events.removeUserLoaded(loaded);
    manager.stopSilentRenew();
  };
}

/**
 * Drops the kept tokens (sign-out); pair with `cognitoSignOutUrl` to end the hosted UI's session too.
 *
 * @example
 * await forgetCognitoSignIn(config);
 * location.assign(cognitoSignOutUrl(config));
 */
export async function forgetCognitoSignIn(config: PageConfig, storage: SignInStorage = sessionStorage): Promise<void> {
  await cognitoUserManager(config, storage).removeUser();
}

/**
 * The hosted UI's sign-out address: ends Cognito's session and comes back to the page.
 *
 * @example
 * sessionStorage.removeItem('intake.token');
 * location.assign(cognitoSignOutUrl(config));
 */
export function cognitoSignOutUrl(config: PageConfig): string {
  const { domain, clientId, redirectUri } = cognitoSettings(config);
  return `https://${domain}/logout?${new URLSearchParams({ client_id: clientId, logout_uri: redirectUri }).toString()}`;
}

/** The library's settings for this deployment's Cognito domain and app client. */
function cognitoClientSettings(config: PageConfig, storage: SignInStorage): OidcClientSettings {
  const { domain, clientId, redirectUri } = cognitoSettings(config);
  const base = `https://${domain}`;
  return {
    authority: base,
    // Cognito's hosted-UI endpoints, given outright: the page makes no discovery request.
    metadata: {
      issuer: base,
      authorization_endpoint: `${base}/oauth2/authorize`,
      token_endpoint: `${base}/oauth2/token`,
      userinfo_endpoint: `${base}/oauth2/userInfo`,
      revocation_endpoint: `${base}/oauth2/revoke`,
    },
    client_id: clientId,
    redirect_uri: redirectUri,
    post_logout_redirect_uri: redirectUri,
    response_type: 'code',
    scope: SCOPES,
    loadUserInfo: false,
    stateStore: new WebStorageStateStore({ store: storage as Storage, prefix: SIGN_IN_STORAGE_PREFIX.state }),
  };
}

/** The library's session keeper: the kept tokens, their expiry and renewal. */
function cognitoUserManager(config: PageConfig, storage: SignInStorage, options: Partial<UserManagerSettings> = {}): UserManager {
  return new UserManager({
    ...cognitoClientSettings(config, storage),
    automaticSilentRenew: false,
    accessTokenExpiringNotificationTimeInSeconds: 60,
    userStore: new WebStorageStateStore({ store: storage as Storage, prefix: SIGN_IN_STORAGE_PREFIX.user }),
    ...options,
  });
}

/** The library's failure as one of ours: what the hosted UI sent back, a state this tab never sent, a refused code. */
function signInErrorOf(error: unknown, url: URL): CognitoSignInError {
  if (error instanceof ErrorResponse && url.searchParams.get('error')) {
    const description = error.error_description ? ` (${error.error_description})` : '';
    return new CognitoSignInError(CognitoSignInErrorCode.authorizeError, `sign-in was not completed: ${error.error}${description}`, { cause: error });
  }
  if (error instanceof ErrorResponse) {
    const description = error.error_description ? ` (${error.error_description})` : '';
    return new CognitoSignInError(CognitoSignInErrorCode.tokenError, `Cognito refused the sign-in code: ${error.error}${description}`, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  // The openid scope makes the library decode the ID token: none in the answer fails there.
  if (/invalid token specified|id_token/i.test(message)) {
    return new CognitoSignInError(
      CognitoSignInErrorCode.tokenError,
      'Cognito answered the code exchange without an ID token (is the openid scope allowed for this client?)',
      { cause: error },
    );
  }
  if (/matching state/i.test(message)) {
    return new CognitoSignInError(
      CognitoSignInErrorCode.stateMismatch,
      'sign-in refused: the state returned by the sign-in page does not match one this tab sent (an old or forged link); sign in again',
      { cause: error },
    );
  }
  return new CognitoSignInError(CognitoSignInErrorCode.tokenError, `the sign-in could not be completed: ${message}`, { cause: error });
}

function cognitoSettings(config: PageConfig): { domain: string; clientId: string; redirectUri: string } {
  if (config.auth !== 'cognito' || !config.domain || !config.clientId) {
    throw new CognitoSignInError(CognitoSignInErrorCode.config, 'Cognito sign-in needs config.json with auth "cognito", a domain and a client id');
  }
  // Tolerate a domain written as a URL: the endpoints are built from the host name.
  const domain = config.domain.replace(/^https?:\/\//i, '').replace(/\/+$/, '');
  const redirectUri = config.redirectUri ?? `${globalThis.location?.origin ?? ''}/`;
  if (!/^https?:\/\//.test(redirectUri)) {
    throw new CognitoSignInError(CognitoSignInErrorCode.config, 'Cognito sign-in needs a redirectUri (config.json) outside a browser page');
  }
  return { domain, clientId: config.clientId, redirectUri };
}
