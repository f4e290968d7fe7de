/**
 * `npm start`: the whole intake pipeline on this machine. Everything is kept under `.data/` (DynamoDB, S3 objects,
 * the queue), so stopping with Ctrl-C and starting again carries on where it stopped.
 *
 * Settings (environment): INTAKE_DATA_DIR (.data), INTAKE_INBOX_DIR (inbox), INTAKE_DYNAMODB_PORT (8000),
 * INTAKE_S3_PORT (4568), INTAKE_HTTP_PORT (3000), INTAKE_HTTP_HOST (127.0.0.1), INTAKE_STATIC_DIR (web/dist),
 * INTAKE_QUEUE_CONCURRENCY (2), INTAKE_QUEUE_MAX_RECEIVES (3), INTAKE_QUEUE_VISIBILITY_SECONDS (300),
 * INTAKE_TABLE_NAME (intake), INTAKE_BUCKET (intake), INTAKE_LOCAL_LOG_LEVEL (info).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { LocalApi } from './http-server.js';
import { startEmbeddedStack, type EmbeddedStack, type LocalComposition } from './embedded-stack.js';
import { createLocalLogger } from './local-log.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const log = createLocalLogger('start');
// The pinned AWS SDK runs on Node 20; its notice that releases after January 2027 will need Node 22 would otherwise
// be printed once per thread at every start (README, Requirements). Workers inherit the setting.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${raw}"`);
  return value;
}

/**
 * The review API (`functions/api/app.ts`: the Lambda's router with the development sign-in), composed through the
 * API's root with the stack's settings and local endpoints.
 */
async function loadReviewApi(composition: LocalComposition): Promise<LocalApi> {
  const { createApiApp } = await import('../functions/api/app.js');
  return createApiApp(composition) as unknown as LocalApi;
}

/**
 * Builds the clerk page (web/build.ts, esbuild: well under a second) into the default static folder, so `npm start`
 * always serves the page of the checked-out source. A custom INTAKE_STATIC_DIR is served as it is.
 */
async function buildClerkPageInto(staticDir: string): Promise<void> {
  const builder = path.join(root, 'web', 'build.ts');
  if (staticDir !== path.join(root, 'web', 'dist') || !existsSync(builder)) return;
  try {
    const module = (await import(pathToFileURL(builder).href)) as { buildClerkPage: (outDir: string) => Promise<string> };
    await module.buildClerkPage(staticDir);
  } catch (error) {
    log.error('the clerk page did not build; serving what web/dist holds', { error: String(error) });
  }
}

/** A path as a person would type it: relative when under the working folder, absolute otherwise. */
function displayPath(target: string): string {
  const relative = path.relative(process.cwd(), target);
  return relative === '' ? '.' : relative.startsWith('..') ? target : relative;
}

function resumed(stack: EmbeddedStack): string | undefined {
  const depth = stack.queue.depth();
  const queued = depth.visible + depth.delayed + depth.inFlight;
  if (stack.reconciled === 0 && queued === 0 && depth.dead === 0) return undefined;
  return `  Resumed:           ${stack.reconciled} upload(s) sent to ingest again, ${queued} queued document(s), ${depth.dead} dead-lettered`;
}

function startupBlock(stack: EmbeddedStack): string {
  const { endpoints } = stack;
  const relInbox = endpoints.inbox ? displayPath(endpoints.inbox) : undefined;
  const lines = [
    '',
    'Skill Subsidy Intake — embedded stack is running',
    '',
    relInbox ? `  Drop files here:   ${relInbox}/   (a subfolder = one submission; sent files move to ${relInbox}/.sent/)` : undefined,
    `  Or upload:         npm run intake -- submit FILE... [--wait]`,
    `  S3 (s3rver):       ${endpoints.s3}   bucket "${endpoints.bucket}", prefix incoming/<submission>/  (keys S3RVER/S3RVER)`,
    `  DynamoDB Local:    ${endpoints.dynamodb}   table "${endpoints.tableName}"`,
    endpoints.http ? `  Clerk page:        ${endpoints.http}/` : undefined,
    endpoints.http ? `  Review API:        ${endpoints.http}/api${stack.apiMounted ? '' : '   (not built yet: answers 501)'}` : undefined,
    endpoints.http ? `  Health:            ${endpoints.http}/health` : undefined,
    `  Cases:             npm run intake -- cases [--queue Q] [--json]`,
    resumed(stack),
    '',
    'Ctrl-C stops everything; unfinished work resumes on the next start.',
    '',
  ];
  return lines.filter((line) => line !== undefined).join('\n');
}

async function main(): Promise<void> {
  const dataDir = path.resolve(root, process.env.INTAKE_DATA_DIR ?? '.data');
  const staticDir = path.resolve(root, process.env.INTAKE_STATIC_DIR ?? path.join('web', 'dist'));
  await buildClerkPageInto(staticDir);
  const stack = await startEmbeddedStack({
    dataDir,
    inboxDir: path.resolve(root, process.env.INTAKE_INBOX_DIR ?? 'inbox'),
    // 0 = any free port (the servers themselves cannot report the port they got).
    dynamoDbPort: intFromEnv('INTAKE_DYNAMODB_PORT', 8000) || undefined,
    s3Port: intFromEnv('INTAKE_S3_PORT', 4568) || undefined,
    httpPort: intFromEnv('INTAKE_HTTP_PORT', 3000),
    httpHost: process.env.INTAKE_HTTP_HOST ?? '127.0.0.1',
    staticDir,
    tableName: process.env.INTAKE_TABLE_NAME ?? 'intake',
    bucket: process.env.INTAKE_BUCKET ?? 'intake',
    queue: {
      concurrency: intFromEnv('INTAKE_QUEUE_CONCURRENCY', 2),
      maxReceiveCount: intFromEnv('INTAKE_QUEUE_MAX_RECEIVES', 3),
      visibilityTimeoutSeconds: intFromEnv('INTAKE_QUEUE_VISIBILITY_SECONDS', 300),
    },
    writeEndpointsFile: true,
    loadApi: (composition) =>
      loadReviewApi(composition).catch((error) => {
        log.error('the review API module failed to load; the stack runs without it', { error: String(error) });
        return undefined;
      }),
  });
  process.stdout.write(startupBlock(stack));

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) {
      log.warn('second signal: exiting without waiting');
      process.exit(130);
    }
    stopping = true;
    log.info(`${signal}: stopping (unfinished work is kept under ${displayPath(dataDir)})`);
    stack.stop().then(
      () => process.exit(0),
      (error) => {
        log.error('stop failed', { error: String(error) });
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  log.error(`could not start the embedded stack: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
