/**
 * Sign-in through Cognito's hosted UI for the page on AWS: OAuth 2.0 authorization code with PKCE (S256), no client
 * secret, no dependency (WebCrypto for the challenge). Locally the same page gets `{ auth: 'dev' }` and keeps its
 * development sign-in.
 *
 * Contract (for wiring into app.ts):
 * - `PageConfig { auth: 'dev' | 'cognito'; domain?; clientId?; redirectUri?; apiBase? }` — what `config.json` next to
 *   the page holds (the CDK deployment writes it; `npm start` answers `{ auth: 'dev' }`).
 * - `loadPageConfig(fetchImpl = fetch)` — GETs `config.json`; a missing file (404) means `{ auth: 'dev' }`; a file that
 *   says `cognito` without `domain` and `clientId` throws.
 * - `beginCognitoSignIn(config, storage = sessionStorage, navigate = location.assign)` — stores a fresh state and PKCE
 *   verifier, then navigates to `https://{domain}/oauth2/authorize?…`.
 * - `completeCognitoSignIn(config, url, storage = sessionStorage, fetchImpl = fetch)` — on the page load Cognito
 *   redirects back to (`?code=…&state=…`): checks the state, exchanges the code with the verifier at
 *   `https://{domain}/oauth2/token` and resolves to the ID token (send it as `Authorization: Bearer …`; it carries
 *   `cognito:groups` and `custom:institutionId`). Resolves to undefined when the URL has no code. Throws a
 *   `CognitoSignInError` (an Error; `code` says which) on a state mismatch, an error Cognito sent back, or a refused
 *   exchange. The state and verifier are single-use: removed whatever the outcome. Afterwards, take `code` and `state`
 *   off the address bar (`history.replaceState`) so a reload does not replay a spent code.
 * - `cognitoSignOutUrl(config)` — `https://{domain}/logout?client_id=…&logout_uri=…`: navigate there after dropping the
 *   token, so the hosted UI's own session ends too.
 * `redirectUri` defaults to the page's origin with `/` when the config leaves it out.
 */

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
export type SignInStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

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

/** sessionStorage keys of the pending sign-in. */
export const SIGN_IN_STORAGE_KEYS = { state: 'intake.cognito.state', verifier: 'intake.cognito.verifier' } as const;

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
  const { domain, clientId, redirectUri } = cognitoSettings(config);
  const state = randomUrlSafe(16);
  const verifier = randomUrlSafe(32);
  storage.setItem(SIGN_IN_STORAGE_KEYS.state, state);
  storage.setItem(SIGN_IN_STORAGE_KEYS.verifier, verifier);
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    scope: SCOPES,
    state,
    code_challenge: await pkceChallenge(verifier),
    code_challenge_method: 'S256',
  });
  navigate(`https://${domain}/oauth2/authorize?${query.toString()}`);
}

/**
 * Finishes a sign-in on the page load Cognito redirected back to: the ID token, or undefined when `url` carries no code.
 *
 * @example
 * const idToken = await completeCognitoSignIn(config, new URL(location.href));
 * if (idToken) history.replaceState(null, '', location.pathname + location.hash);
 */
export async function completeCognitoSignIn(
  config: PageConfig,
  url: URL,
  storage: SignInStorage = sessionStorage,
  fetchImpl: FetchLike = (input, init) => fetch(input, init),
): Promise<string | undefined> {
  const params = url.searchParams;
  const code = params.get('code');
  const returnedError = params.get('error');
  if (!code && !returnedError) return undefined;

  const expectedState = storage.getItem(SIGN_IN_STORAGE_KEYS.state);
  const verifier = storage.getItem(SIGN_IN_STORAGE_KEYS.verifier);
  // Single use, whatever happens next: a replayed or forged redirect finds nothing to match.
  storage.removeItem(SIGN_IN_STORAGE_KEYS.state);
  storage.removeItem(SIGN_IN_STORAGE_KEYS.verifier);

  if (returnedError) {
    const description = params.get('error_description');
    throw new CognitoSignInError(CognitoSignInErrorCode.authorizeError, `sign-in was not completed: ${returnedError}${description ? ` (${description})` : ''}`);
  }
  const state = params.get('state');
  if (!expectedState || !verifier || !state || state !== expectedState) {
    throw new CognitoSignInError(
      CognitoSignInErrorCode.stateMismatch,
      'sign-in refused: the state returned by the sign-in page does not match the one this tab sent (an old or forged link); sign in again',
    );
  }

  const { domain, clientId, redirectUri } = cognitoSettings(config);
  const body = new URLSearchParams({
    grant_type: 'authorization_code',
    client_id: clientId,
    code: code!,
    redirect_uri: redirectUri,
    code_verifier: verifier,
  });
  let response: Response;
  try {
    response = await fetchImpl(`https://${domain}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: body.toString(),
    });
  } catch (error) {
    throw new CognitoSignInError(CognitoSignInErrorCode.tokenError, `could not reach ${domain} to complete the sign-in`, { cause: error });
  }
  const payload = (await response.json().catch(() => ({}))) as { id_token?: unknown; error?: unknown; error_description?: unknown };
  if (!response.ok) {
    const reason = typeof payload.error === 'string' ? payload.error : `HTTP ${response.status}`;
    const description = typeof payload.error_description === 'string' ? ` (${payload.error_description})` : '';
    throw new CognitoSignInError(CognitoSignInErrorCode.tokenError, `Cognito refused the sign-in code: ${reason}${description}`);
  }
  if (typeof payload.id_token !== 'string' || !payload.id_token) {
    throw new CognitoSignInError(CognitoSignInErrorCode.tokenError, 'Cognito answered the code exchange without an ID token (is the openid scope allowed for this client?)');
  }
  return payload.id_token;
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

/**
 * The S256 PKCE challenge of a verifier: base64url of its SHA-256, unpadded (RFC 7636 §4.2).
 *
 * @example
 * await pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk'); // 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM'
 */
export async function pkceChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
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

function randomUrlSafe(byteCount: number): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(byteCount)));
}

function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
