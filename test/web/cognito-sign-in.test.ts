import { createHash } from 'node:crypto';
import { InMemoryWebStorage } from 'oidc-client-ts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  beginCognitoSignIn,
  CognitoSignInError,
  cognitoSignOutUrl,
  completeCognitoSignIn,
  forgetCognitoSignIn,
  keepCognitoSignIn,
  loadPageConfig,
  SIGN_IN_STORAGE_PREFIX,
  type PageConfig,
} from '../../web/src/cognito-sign-in.js';

const DOMAIN = 'xihu-test.auth.ap-southeast-1.amazoncognito.com';
const PAGE = 'https://d111111abcdef8.cloudfront.net/';

function cognitoConfig(overrides: Partial<PageConfig> = {}): PageConfig {
  return { auth: 'cognito', domain: DOMAIN, clientId: 'page-client-1', redirectUri: PAGE, apiBase: '/api', ...overrides };
}

/** sessionStorage as the library sees it, with the keys it wrote. */
function memoryStorage(): InMemoryWebStorage & { keys(): string[] } {
  const storage = new InMemoryWebStorage();
  return Object.assign(storage, { keys: () => Array.from({ length: storage.length }, (_, i) => storage.key(i)!) });
}

/** A JWT as Cognito's token endpoint returns one (the page decodes it; the API checks the signature). */
const jwt = (claims: Record<string, unknown>) =>
  `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`;
const ID_TOKEN = jwt({ sub: 'user-1', 'cognito:groups': ['institution'], exp: 4_102_444_800 });

interface RecordedRequest {
  url: string;
  init?: RequestInit;
}

function fakeFetch(answer: () => Response): ((url: string, init?: RequestInit) => Promise<Response>) & { calls: RecordedRequest[] } {
  const calls: RecordedRequest[] = [];
  const impl = async (url: string, init?: RequestInit) => {
    calls.push({ url, init });
    return answer();
  };
  return Object.assign(impl, { calls });
}

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const sha256Url = (text: string) => createHash('sha256').update(text).digest('base64url');

async function begin(config = cognitoConfig(), storage = memoryStorage()) {
  let target = '';
  await beginCognitoSignIn(config, storage, (url) => (target = url));
  const url = new URL(target);
  const stored = JSON.parse(storage.getItem(`${SIGN_IN_STORAGE_PREFIX.state}${url.searchParams.get('state')}`) ?? 'null') as { code_verifier?: string } | null;
  return { storage, url, state: url.searchParams.get('state')!, verifier: stored?.code_verifier };
}

/** The token endpoint played by a fake `fetch` (oidc-client-ts calls the global one). */
function tokenEndpoint(answer: () => Response) {
  const fetchImpl = fakeFetch(answer);
  vi.stubGlobal('fetch', fetchImpl);
  return fetchImpl;
}

afterEach(() => vi.unstubAllGlobals());

describe('loadPageConfig', () => {
  it('falls back to the development sign-in when there is no config.json', async () => {
    const fetchImpl = fakeFetch(() => new Response('Not Found', { status: 404 }));
    await expect(loadPageConfig(fetchImpl)).resolves.toEqual({ auth: 'dev' });
    expect(fetchImpl.calls[0]!.url).toBe('config.json');
    expect(fetchImpl.calls[0]!.init?.cache).toBe('no-store');
  });

  it('reads the Cognito settings the deployment wrote', async () => {
    const fetchImpl = fakeFetch(() => json({ auth: 'cognito', domain: DOMAIN, clientId: 'c1', redirectUri: PAGE, apiBase: '/api' }));
    await expect(loadPageConfig(fetchImpl)).resolves.toEqual({ auth: 'cognito', domain: DOMAIN, clientId: 'c1', redirectUri: PAGE, apiBase: '/api' });
  });

  it('refuses a cognito config without a client id, naming what is missing', async () => {
    const fetchImpl = fakeFetch(() => json({ auth: 'cognito', domain: DOMAIN }));
    await expect(loadPageConfig(fetchImpl)).rejects.toThrow(/a domain and a client id/);
  });

  it('does not mistake a server error for "no config" (that would show the dev sign-in on AWS)', async () => {
    const fetchImpl = fakeFetch(() => new Response('oops', { status: 503 }));
    await expect(loadPageConfig(fetchImpl)).rejects.toThrow('could not load config.json: HTTP 503');
  });
});

describe('beginCognitoSignIn', () => {
  it('sends the browser to the hosted authorize endpoint with the code flow, the client, the scopes and the redirect URI', async () => {
    const { url, verifier } = await begin();
    expect(`${url.origin}${url.pathname}`).toBe(`https://${DOMAIN}/oauth2/authorize`);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('client_id')).toBe('page-client-1');
    expect(url.searchParams.get('redirect_uri')).toBe(PAGE);
    expect(url.searchParams.get('scope')).toBe('openid email profile');
    // The state names the pending sign-in this tab stored.
    expect(verifier).toBeTruthy();
  });

  it('sends the S256 challenge of the verifier it stored, the verifier being 43+ URL-safe characters', async () => {
    const { url, verifier } = await begin();
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toBe(sha256Url(verifier!));
  });

  it('uses a fresh state and verifier for every sign-in', async () => {
    const first = await begin();
    const second = await begin();
    expect(second.state).not.toBe(first.state);
    expect(second.verifier).not.toBe(first.verifier);
  });

  it('refuses to start without Cognito settings', async () => {
    await expect(beginCognitoSignIn({ auth: 'dev' }, memoryStorage(), () => undefined)).rejects.toBeInstanceOf(CognitoSignInError);
  });
});

describe('completeCognitoSignIn', () => {
  it('does nothing on a page load without a code', async () => {
    const fetchImpl = tokenEndpoint(() => json({}));
    const { storage } = await begin();
    await expect(completeCognitoSignIn(cognitoConfig(), new URL(`${PAGE}#/queue/a`), storage)).resolves.toBeUndefined();
    expect(fetchImpl.calls).toHaveLength(0);
  });

  it('exchanges the code with the stored verifier, form-encoded, keeps the tokens and returns the ID token', async () => {
    const fetchImpl = tokenEndpoint(() => json({ id_token: ID_TOKEN, access_token: 'a', refresh_token: 'r', token_type: 'Bearer', expires_in: 3600 }));
    const { storage, state, verifier } = await begin();
    const token = await completeCognitoSignIn(cognitoConfig(), new URL(`${PAGE}?code=code-9&state=${state}`), storage);
    expect(token).toBe(ID_TOKEN);
    const [call] = fetchImpl.calls;
    expect(call!.url).toBe(`https://${DOMAIN}/oauth2/token`);
    expect(call!.init?.method).toBe('POST');
    expect(new Headers(call!.init?.headers).get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(String(call!.init?.body)))).toEqual({
      grant_type: 'authorization_code',
      client_id: 'page-client-1',
      code: 'code-9',
      redirect_uri: PAGE,
      code_verifier: verifier,
    });
    // Single use: a reload cannot replay the exchange. The tokens are kept for renewal, and dropped on sign-out.
    expect(storage.keys().filter((key) => key.startsWith(SIGN_IN_STORAGE_PREFIX.state))).toEqual([]);
    expect(storage.keys().filter((key) => key.startsWith(SIGN_IN_STORAGE_PREFIX.user))).toHaveLength(1);
    await forgetCognitoSignIn(cognitoConfig(), storage);
    expect(storage.keys()).toEqual([]);
  });

  it('refuses a redirect whose state does not match, without calling Cognito', async () => {
    const fetchImpl = tokenEndpoint(() => json({ id_token: ID_TOKEN }));
    const { storage } = await begin();
    const attempt = completeCognitoSignIn(cognitoConfig(), new URL(`${PAGE}?code=code-9&state=forged`), storage);
    await expect(attempt).rejects.toMatchObject({
      name: 'CognitoSignInError',
      code: 'state_mismatch',
      message: expect.stringMatching(/state .* does not match/),
    });
    expect(fetchImpl.calls).toHaveLength(0);
  });

  it('refuses a code when this tab never started a sign-in', async () => {
    const fetchImpl = tokenEndpoint(() => json({ id_token: ID_TOKEN }));
    await expect(completeCognitoSignIn(cognitoConfig(), new URL(`${PAGE}?code=c&state=s`), memoryStorage())).rejects.toMatchObject({ code: 'state_mismatch' });
    expect(fetchImpl.calls).toHaveLength(0);
  });

  it('uses a pending sign-in once: the same redirect a second time is refused', async () => {
    tokenEndpoint(() => json({ id_token: ID_TOKEN, access_token: 'a', token_type: 'Bearer', expires_in: 3600 }));
    const { storage, state } = await begin();
    const redirect = new URL(`${PAGE}?code=code-9&state=${state}`);
    await completeCognitoSignIn(cognitoConfig(), redirect, storage);
    await expect(completeCognitoSignIn(cognitoConfig(), redirect, storage)).rejects.toMatchObject({ code: 'state_mismatch' });
  });

  it("reports Cognito's refusal of the code with its error and description", async () => {
    tokenEndpoint(() => json({ error: 'invalid_grant', error_description: 'Code has expired' }, 400));
    const { storage, state } = await begin();
    await expect(completeCognitoSignIn(cognitoConfig(), new URL(`${PAGE}?code=old&state=${state}`), storage)).rejects.toThrow(
      'Cognito refused the sign-in code: invalid_grant (Code has expired)',
    );
  });

  it('reports an error the hosted UI sent back instead of a code', async () => {
    const fetchImpl = tokenEndpoint(() => json({}));
    const { storage, state } = await begin();
    const url = new URL(`${PAGE}?error=access_denied&error_description=User+is+disabled&state=${state}`);
    await expect(completeCognitoSignIn(cognitoConfig(), url, storage)).rejects.toMatchObject({
      code: 'authorize_error',
      message: 'sign-in was not completed: access_denied (User is disabled)',
    });
    expect(fetchImpl.calls).toHaveLength(0);
  });

  it('reports an answer without an ID token', async () => {
    tokenEndpoint(() => json({ access_token: 'a', token_type: 'Bearer' }));
    const { storage, state } = await begin();
    await expect(completeCognitoSignIn(cognitoConfig(), new URL(`${PAGE}?code=c&state=${state}`), storage)).rejects.toThrow(/without an ID token/);
  });
});

describe('keepCognitoSignIn', () => {
  it('renews the tokens with the refresh token before they expire and hands over the new ID token', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    try {
      const renewed = jwt({ sub: 'user-1', 'cognito:groups': ['institution'], exp: 4_102_444_900 });
      const fetchImpl = tokenEndpoint(() => {
        const grant = new URLSearchParams(String(fetchImpl.calls.at(-1)!.init?.body)).get('grant_type');
        return grant === 'refresh_token'
          ? json({ id_token: renewed, access_token: 'a2', token_type: 'Bearer', expires_in: 3600 })
          : json({ id_token: ID_TOKEN, access_token: 'a1', refresh_token: 'refresh-1', token_type: 'Bearer', expires_in: 120 });
      });
      const { storage, state } = await begin();
      await completeCognitoSignIn(cognitoConfig(), new URL(`${PAGE}?code=code-9&state=${state}`), storage);
      const tokens: string[] = [];
      const stop = keepCognitoSignIn(cognitoConfig(), (token) => tokens.push(token), storage);
      // The access token lives 120 s; renewal is due a minute before the end.
      await vi.advanceTimersByTimeAsync(30_000);
      expect(tokens).toEqual([]);
      await vi.advanceTimersByTimeAsync(40_000);
      expect(tokens).toEqual([renewed]);
      const refresh = new URLSearchParams(String(fetchImpl.calls.at(-1)!.init?.body));
      expect(Object.fromEntries(refresh)).toMatchObject({ grant_type: 'refresh_token', refresh_token: 'refresh-1', client_id: 'page-client-1' });
      stop();
    } finally {
      vi.useRealTimers();
    }
  });
});

describe('cognitoSignOutUrl', () => {
  it('points at the hosted logout endpoint, coming back to the page', () => {
    const url = new URL(cognitoSignOutUrl(cognitoConfig({ domain: `https://${DOMAIN}/` })));
    expect(`${url.origin}${url.pathname}`).toBe(`https://${DOMAIN}/logout`);
    expect(url.searchParams.get('client_id')).toBe('page-client-1');
    expect(url.searchParams.get('logout_uri')).toBe(PAGE);
  });
});
