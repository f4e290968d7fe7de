/**
 * The one HTTP server of the embedded stack: `/health`, the review API under `/api` and the clerk page's static
 * files under `/`. The review API and the page are built elsewhere; this file is only where they are mounted, so
 * they run the same behind API Gateway/CloudFront on AWS and here.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';

/** A review API: a Hono app (its routes are relative to `/api`) or a fetch-style function (gets the full URL). */
export type LocalApi = Hono | { fetch: (request: Request) => Response | Promise<Response> } | ((request: Request) => Response | Promise<Response>);

export interface LocalHttpServerOptions {
  api?: LocalApi;
  /** The built clerk page (index.html and assets). */
  staticDir?: string;
  port?: number;
  host?: string;
  /** Extra facts for `/health` (queue depth, endpoints). */
  health?: () => Record<string, unknown> | Promise<Record<string, unknown>>;
  /**
   * What `/config.json` answers: how the page signs in (web/src/cognito-sign-in.ts `PageConfig`). Default
   * `{ auth: 'dev' }`, the development sign-in; on AWS the deployment writes a Cognito one at the same path.
   */
  pageConfig?: Record<string, unknown>;
}

/** The page's sign-in settings on the local stack. */
export const LOCAL_PAGE_CONFIG = { auth: 'dev' } as const;

export interface RunningHttpServer {
  url: string;
  port: number;
  app: Hono;
  close(): Promise<void>;
}

const PLACEHOLDER_PAGE = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><title>职业技能补贴受理</title>
<body style="font-family: sans-serif; margin: 2rem"><h1>职业技能补贴受理 · Skill Subsidy Intake</h1>
<p>审核页面尚未构建 (the clerk page is not built yet). <a href="/health">/health</a> · <a href="/api">/api</a></p></body></html>`;

/**
 * Builds the Hono app without listening (tests call `app.request(...)`).
 *
 * @example
 * const app = createLocalHttpApp({ health: () => ({ queue: 0 }) });
 * const response = await app.request('/health');
 */
export function createLocalHttpApp(options: Omit<LocalHttpServerOptions, 'port' | 'host'> = {}): Hono {
  const app = new Hono();
  // 503 when a part is down (health says `status: 'degraded'`), so a monitor sees it.
  app.get('/health', async (c) => {
    const body = { status: 'ok', ...(options.health ? await options.health() : {}) };
    return c.json(body, body.status === 'ok' ? 200 : 503);
  });

  const api = options.api;
  if (api instanceof Hono) {
    app.route('/api', api);
  } else if (api) {
    const fetchApi = typeof api === 'function' ? api : (request: Request) => api.fetch(request);
    app.all('/api', (c) => fetchApi(c.req.raw));
    app.all('/api/*', (c) => fetchApi(c.req.raw));
  } else {
    app.all('/api/*', (c) => c.json({ error: { code: 'api_not_mounted', message: 'The review API is not part of this build yet.' } }, 501));
    app.all('/api', (c) => c.json({ error: { code: 'api_not_mounted', message: 'The review API is not part of this build yet.' } }, 501));
  }

  // Before the static files: a config.json left in web/dist (say, copied from a deployment) must not switch the
  // local page to Cognito.
  const pageConfig = options.pageConfig ?? LOCAL_PAGE_CONFIG;
  app.get('/config.json', (c) => {
    c.header('cache-control', 'no-store');
    return c.json(pageConfig);
  });

  const staticDir = options.staticDir ? path.resolve(options.staticDir) : undefined;
  if (staticDir && existsSync(path.join(staticDir, 'index.html'))) {
    const root = path.relative(process.cwd(), staticDir) || '.';
    app.use('/*', serveStatic({ root }));
    // The page routes on the client: unknown paths get the page itself.
    app.get('*', serveStatic({ root, path: 'index.html' }));
  } else {
    app.get('/', (c) => c.html(PLACEHOLDER_PAGE));
  }
  return app;
}

/**
 * Starts the HTTP server on `host:port` (port 0 picks a free one).
 *
 * @example
 * const http = await createLocalHttpServer({ port: 0 });
 * console.log(`${http.url}/health`);
 * await http.close();
 */
export async function createLocalHttpServer(options: LocalHttpServerOptions = {}): Promise<RunningHttpServer> {
  const app = createLocalHttpApp(options);
  const host = options.host ?? '127.0.0.1';
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${host}:${port}`,
    port,
    app,
    close: () =>
      new Promise<void>((resolve) => {
        // Keep-alive connections would hold close() open; Ctrl-C should not wait for a browser tab.
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
