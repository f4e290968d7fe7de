import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  beginCognitoSignIn,
  CognitoSignInError,
  cognitoSignOutUrl,
  completeCognitoSignIn,
  loadPageConfig,
  pkceChallenge,
  SIGN_IN_STORAGE_KEYS,
  type PageConfig,
  type SignInStorage,
} from '../../web/src/cognito-sign-in.js';

const DOMAIN = 'xihu-test.auth.ap-southeast-1.amazoncognito.com';
const PAGE = 'https://d111111abcdef8.cloudfront.net/';

function cognitoConfig(overrides: Partial<PageConfig> = {}): PageConfig {
  return { auth: 'cognito', domain: DOMAIN, clientId: 'page-client-1', redirectUri: PAGE, apiBase: '/api', ...overrides };
}

function memoryStorage(initial: Record<string, string> = {}): SignInStorage & { entries: Map<string, string> } {
  const entries = new Map(Object.entries(initial));
  return {
    entries,
    getItem: (key) => entries.get(key) ?? null,
    setItem: (key, value) => void entries.set(key, value),
    removeItem: (key) => void entries.delete(key),
  };
}

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

async function begin(config = cognitoConfig()) {
  const storage = memoryStorage();
  let target = '';
  await beginCognitoSignIn(config, storage, (url) => (target = url));
  return { storage, url: new URL(target) };
}

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
    const { url, storage } = await begin();
    expect(`${url.origin}${url.pathname}`).toBe(`https://${DOMAIN}/oauth2/authorize`);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('client_id')).toBe('page-client-1');
    expect(url.searchParams.get('redirect_uri')).toBe(PAGE);
    expect(url.searchParams.get('scope')).toBe('openid email profile');
    expect(url.searchParams.get('state')).toBe(storage.entries.get(SIGN_IN_STORAGE_KEYS.state));
  });

  it('sends the S256 challenge of the verifier it stored, the verifier being 43+ URL-safe characters', async () => {
    const { url, storage } = await begin();
    const verifier = storage.entries.get(SIGN_IN_STORAGE_KEYS.verifier)!;
    expect(verifier).toMatch(/^[A-Za-z0-9_-]{43,128}$/);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('code_challenge')).toBe(sha256Url(verifier));
  });

  it('uses a fresh state and verifier for every sign-in', async () => {
    const first = await begin();
    const second = await begin();
    expect(second.storage.entries.get(SIGN_IN_STORAGE_KEYS.state)).not.toBe(first.storage.entries.get(SIGN_IN_STORAGE_KEYS.state));
    expect(second.storage.entries.get(SIGN_IN_STORAGE_KEYS.verifier)).not.toBe(first.storage.entries.get(SIGN_IN_STORAGE_KEYS.verifier));
  });

  it('refuses to start without Cognito settings', async () => {
    await expect(beginCognitoSignIn({ auth: 'dev' }, memoryStorage(), () => undefined)).rejects.toBeInstanceOf(CognitoSignInError);
  });
});

describe('completeCognitoSignIn', () => {
  const pending = () => memoryStorage({ [SIGN_IN_STORAGE_KEYS.state]: 'state-123', [SIGN_IN_STORAGE_KEYS.verifier]: 'verifier-abc' });

  it('does nothing on a page load without a code', async () => {
    const fetchImpl = fakeFetch(() => json({}));
    await expect(completeCognitoSignIn(cognitoConfig(), new URL(`${PAGE}#/queue/a`), pending(), fetchImpl)).resolves.toBeUndefined();
    expect(fetchImpl.calls).toHaveLength(0);
  });

  it('exchanges the code with the stored verifier, form-encoded, and returns the ID token', async () => {
    const fetchImpl = fakeFetch(() => json({ id_token: 'id.jwt.token', access_token: 'a', token_type: 'Bearer', expires_in: 3600 }));
    const storage = pending();
    const token = await completeCognitoSignIn(cognitoConfig(), new URL(`${PAGE}?code=code-9&state=state-123`), storage, fetchImpl);
    expect(token).toBe('id.jwt.token');
    const [call] = fetchImpl.calls;
    expect(call!.url).toBe(`https://${DOMAIN}/oauth2/token`);
    expect(call!.init?.method).toBe('POST');
    expect(new Headers(call!.init?.headers).get('content-type')).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(String(call!.init?.body)))).toEqual({
      grant_type: 'authorization_code',
      client_id: 'page-client-1',
      code: 'code-9',
      redirect_uri: PAGE,
      code_verifier: 'verifier-abc',
    });
    // Single use: a reload cannot replay the exchange.
    expect(storage.entries.size).toBe(0);
  });

  it('refuses a redirect whose state does not match, without calling Cognito', async () => {
    const fetchImpl = fakeFetch(() => json({ id_token: 'x' }));
    const storage = pending();
    const attempt = completeCognitoSignIn(cognitoConfig(), new URL(`${PAGE}?code=code-9&state=forged`), storage, fetchImpl);
    await expect(attempt).rejects.toMatchObject({ name: 'CognitoSignInError', code: 'state_mismatch', message: expect.stringMatching(/state .* does not match/) });
    expect(fetchImpl.calls).toHaveLength(0);
    expect(storage.entries.size).toBe(0);
  });

  it('refuses a code when this tab never started a sign-in', async () => {
    const fetchImpl = fakeFetch(() => json({ id_token: 'x' }));
    await expect(completeCognitoSignIn(cognitoConfig(), new URL(`${PAGE}?code=c&state=s`), memoryStorage(), fetchImpl)).rejects.toMatchObject({ code: 'state_mismatch' });
    expect(fetchImpl.calls).toHaveLength(0);
  });

  it('reports Cognito\'s refusal of the code with its error and description', async () => {
    const fetchImpl = fakeFetch(() => json({ error: 'invalid_grant', error_description: 'Code has expired' }, 400));
    await expect(completeCognitoSignIn(cognitoConfig(), new URL(`${PAGE}?code=old&state=state-123`), pending(), fetchImpl)).rejects.toThrow(
      'Cognito refused the sign-in code: invalid_grant (Code has expired)',
    );
  });

  it('reports an error the hosted UI sent back instead of a code', async () => {
    const fetchImpl = fakeFetch(() => json({}));
    const url = new URL(`${PAGE}?error=access_denied&error_description=User+is+disabled&state=state-123`);
    await expect(completeCognitoSignIn(cognitoConfig(), url, pending(), fetchImpl)).rejects.toMatchObject({
      code: 'authorize_error',
      message: 'sign-in was not completed: access_denied (User is disabled)',
    });
    expect(fetchImpl.calls).toHaveLength(0);
  });

  it('reports an answer without an ID token', async () => {
    const fetchImpl = fakeFetch(() => json({ access_token: 'a' }));
    await expect(completeCognitoSignIn(cognitoConfig(), new URL(`${PAGE}?code=c&state=state-123`), pending(), fetchImpl)).rejects.toThrow(/without an ID token/);
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

describe('pkceChallenge', () => {
  it('matches the S256 example of RFC 7636 appendix B', async () => {
    await expect(pkceChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).resolves.toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });
});
