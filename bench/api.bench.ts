/**
 * Review API latency under load: 20 clerks at once, each looping claim → get case → correct the flagged field →
 * confirm, over HTTP against the embedded stack's servers (DynamoDB Local in memory, s3rver in a worker thread, the
 * local HTTP server with the API as functions/api composes it). All cases wait in one queue, so every claim contends
 * with the 19 others: the worst case for the lease. Prints p50/p95/max per operation; the goal is p95 ≤ 150 ms.
 *
 * `npm run bench -- api` runs it alone; BENCH_API_CLERKS and BENCH_API_ROUNDS change the load. By default it runs
 * twice: closed loop (each clerk sends the next request the moment the last one answers: a stress test) and with a
 * pause of BENCH_API_THINK_MS (default 1000 ms) before each request, still far busier than a clerk reading a case.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoDbDocumentClient, createS3Client } from '../shared/adapters/aws-clients.js';
import { DynamoDbCaseRepository } from '../shared/adapters/dynamodb-case-repository.js';
import { DynamoDbDocumentRepository } from '../shared/adapters/dynamodb-document-repository.js';
import { DynamoDbEnterpriseRegister } from '../shared/adapters/dynamodb-enterprise-register.js';
import { S3BlobStore } from '../shared/adapters/s3-blob-store.js';
import { DevSignIn, bearerAuthenticator, createReviewApi } from '../shared/review/index.js';
import { buildReviewDependencies } from '../functions/api/dependencies.js';
import { ensureBucket, ensureTable } from '../local/bootstrap.js';
import { startDynamoDbLocal } from '../local/dynamo-local.js';
import { createLocalHttpServer } from '../local/http-server.js';
import { startS3Local } from '../local/s3-local.js';
import { seedClaim } from '../test/review/review-fixtures.js';

const region = 'us-east-1';

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function run(): Promise<void> {
  const think = process.env.BENCH_API_THINK_MS === undefined ? [0, 1000] : [Number(process.env.BENCH_API_THINK_MS)];
  for (const thinkMs of think) await runOnce(thinkMs);
}

async function runOnce(thinkMs: number): Promise<void> {
  const clerks = Number(process.env.BENCH_API_CLERKS ?? 20);
  const rounds = Number(process.env.BENCH_API_ROUNDS ?? 10);
  console.log(`\n--- ${clerks} clerks, ${thinkMs ? `${thinkMs} ms pause before each request` : 'closed loop (no pause)'}`);
  const s3Dir = mkdtempSync(path.join(os.tmpdir(), 'bench-api-s3-'));
  const [dynamo, s3Server] = await Promise.all([startDynamoDbLocal(), startS3Local({ dataDir: s3Dir, inWorker: true })]);
  const tableName = 'bench-api';
  const bucket = 'bench-api';
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_ENDPOINT_URL_S3: s3Server.endpoint,
    AWS_REGION: region,
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    INTAKE_TABLE_NAME: tableName,
    INTAKE_BUCKET: bucket,
  });
  const dynamodb = new DynamoDBClient({ endpoint: dynamo.endpoint, region });
  const s3 = createS3Client({ endpoint: s3Server.endpoint, region });
  const db = createDynamoDbDocumentClient({ endpoint: dynamo.endpoint, region });
  await ensureTable(dynamodb, tableName);
  await ensureBucket(s3, bucket);
  const stores = {
    cases: new DynamoDbCaseRepository(db, tableName),
    documents: new DynamoDbDocumentRepository(db, tableName),
    blobs: new S3BlobStore(s3),
    enterprises: new DynamoDbEnterpriseRegister(db, tableName),
    bucket,
  };

  const total = clerks * rounds;
  const seedStart = performance.now();
  await seedClaim(stores, { level: 2, flagged: ['level'] });
  for (let i = 1; i < total; i += 10) {
    await Promise.all(Array.from({ length: Math.min(10, total - i) }, () => seedClaim(stores, { level: 2, flagged: ['level'], withPageImage: false, withEnterprise: false })));
  }
  console.log(`seeded ${total} cases in one queue in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  // The API as functions/api composes it, with one development user per clerk.
  const users = Array.from({ length: clerks }, (_, i) => ({ username: `bench-clerk-${i + 1}`, name: `经办${i + 1}`, groups: ['clerk' as const] }));
  const signIn = new DevSignIn('bench-api-development-secret-0123456789', users);
  const deps = buildReviewDependencies({ presignPages: false });
  const http = await createLocalHttpServer({
    port: 0,
    api: createReviewApi({ review: deps.review, pages: deps.pages, devSignIn: signIn, authenticate: bearerAuthenticator((t) => signIn.verify(t)) }),
  });

  const timings: Record<'claim' | 'get case' | 'correct field' | 'confirm', number[]> = { claim: [], 'get case': [], 'correct field': [], confirm: [] };
  let conflicts = 0;
  const timed = async (name: keyof typeof timings, request: () => Promise<Response>): Promise<Response> => {
    // Spread the clerks out (jittered pause) so they do not march in lock step.
    if (thinkMs > 0) await new Promise((resolve) => setTimeout(resolve, thinkMs * (0.5 + Math.random())));
    const start = performance.now();
    const response = await request();
    const body = await response.arrayBuffer();
    timings[name].push(performance.now() - start);
    if (response.status >= 400) {
      if (response.status === 409) conflicts++;
      else throw new Error(`${name} → ${response.status} ${new TextDecoder().decode(body)}`);
    }
    return new Response(response.status === 204 ? null : body, { status: response.status, headers: response.headers });
  };

  const clerk = async (username: string) => {
    const { token } = await signIn.signIn(username);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    for (;;) {
      const claimed = await timed('claim', () => fetch(`${http.url}/api/queues/XH36-3.7.c/claim`, { method: 'POST', headers }));
      if (claimed.status === 204) return;
      const { case: reviewCase } = (await claimed.json()) as { case: { caseId: string } };
      const read = await timed('get case', () => fetch(`${http.url}/api/cases/${reviewCase.caseId}`, { headers }));
      const detail = (await read.json()) as { case: { version: number; documents: { documentId: string; type: string }[] } };
      const certificate = detail.case.documents.find((d) => d.type === 'vocational_certificate')!;
      const corrected = await timed('correct field', () =>
        fetch(`${http.url}/api/cases/${reviewCase.caseId}/fields`, {
          method: 'PATCH',
          headers,
          body: JSON.stringify({ version: detail.case.version, corrections: [{ documentId: certificate.documentId, field: 'level', value: 2 }] }),
        }),
      );
      const { case: after } = (await corrected.json()) as { case: { version: number } };
      await timed('confirm', () => fetch(`${http.url}/api/cases/${reviewCase.caseId}/confirm`, { method: 'POST', headers, body: JSON.stringify({ version: after.version }) }));
    }
  };

  try {
    const start = performance.now();
    await Promise.all(users.map((u) => clerk(u.username)));
    const seconds = (performance.now() - start) / 1000;
    const done = timings.confirm.length;
    const distinct = new Set((await stores.cases.listByStatus('confirmed')).map((c) => c.caseId)).size;
    console.log(`${clerks} concurrent clerks, ${done} cases worked in ${seconds.toFixed(1)} s (${(done / seconds).toFixed(1)} cases/s), ${distinct} distinct cases confirmed, ${conflicts} conflicts`);
    console.log('operation        n      p50 ms   p95 ms   max ms');
    for (const [name, values] of Object.entries(timings)) {
      const sorted = [...values].sort((a, b) => a - b);
      console.log(`${name.padEnd(14)} ${String(sorted.length).padStart(4)} ${percentile(sorted, 50).toFixed(1).padStart(9)} ${percentile(sorted, 95).toFixed(1).padStart(8)} ${(sorted.at(-1) ?? NaN).toFixed(1).padStart(8)}`);
    }
    const worst = Math.max(...(['claim', 'get case', 'correct field'] as const).map((name) => percentile([...timings[name]].sort((a, b) => a - b), 95)));
    console.log(`goal p95 ≤ 150 ms for claim, get case, correct field: ${worst <= 150 ? 'met' : 'NOT met'} (worst p95 ${worst.toFixed(1)} ms)`);
  } finally {
    await http.close();
    db.destroy();
    s3.destroy();
    dynamodb.destroy();
    await Promise.all([dynamo.stop(), s3Server.stop()]);
    rmSync(s3Dir, { recursive: true, force: true });
  }
}
