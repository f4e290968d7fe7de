/**
 * Review API latency under load: 20 clerks at once, each looping claim → get case → correct the flagged field →
 * confirm, over HTTP against the embedded stack's servers as `npm start` runs them (DynamoDB Local on disk, s3rver in
 * a worker thread, the local HTTP server with the API as functions/api composes it). All cases wait in one queue, so
 * every claim contends with the 19 others: the worst case for the lease. The clerks run in a worker thread of their
 * own, so the load generator does not queue behind the API on one event loop (both still share the machine's cores).
 *
 * Two runs, each on a fresh stack:
 * - realistic clerks (THE GOAL'S FIGURE: p95 ≤ 150 ms for claim, get case and correct field): a jittered pause of
 *   BENCH_API_THINK_MS (default 1000 ms, 0.5–1.5×) before each request — still far busier than a clerk who reads a
 *   case before confirming it;
 * - closed loop (saturation, no goal): each clerk sends the next request the moment the last one answers.
 * Each prints p50/p95/max per operation, requests per second, lost claim races (claims that lost a conditional write
 * to another claimer) and the load average, since the machine is shared.
 *
 * A third run, on a fresh stack of BENCH_API_LIST_CASES (default 10,000) cases spread over every state, measures the
 * case lists (issue 16: p95 ≤ 150 ms): BENCH_API_CLERKS staff at once, each with the same jittered pause, asking for a
 * state's page (`GET /api/cases?status=…`), their own cases (`mine=1`) and a search (`q=` a name, an ID number, a
 * certificate number or a case id), plus `GET /api/queues` (counts from counters).
 *
 * The realistic run also prints counts that do not move with the machine's load: per operation, the transactions the
 * case repository sent (items, SDK attempts and back-off, outcomes, others in flight at each send); per claim, the
 * same in the adapter's split; the claim route's own split (its Server-Timing header); when the slowest claims came;
 * and the claim's p50/p95 without each clerk's first claim (the clerks start within one pause of each other).
 *
 * Every run also times a baseline request, `GET /api/me` (HTTP, auth and the event loop, no store), with the same
 * pause and in the same loop: the machine is shared, so each operation's p50/p95 is also given as a ratio to the
 * baseline's, which moves with the machine's load and not with the store.
 *
 * `npm run bench -- api` runs it; BENCH_API_CLERKS, BENCH_API_ROUNDS, BENCH_API_THINK_MS change the load,
 * Each run first warms the stack up untimed, as a stack that has been running is (DynamoDB Local's JVM compiles each
 * request shape on first use; the service on AWS does not): the clerks work BENCH_API_WARMUP (default twice the
 * clerks) older cases of the queue, the list staff one round; the warm-up's own claim figures are printed apart, and
 * BENCH_API_WARMUP=0 times from cold.
 *
 * BENCH_API_RUNS (`realistic,closed,lists`, the default) picks runs, and BENCH_API_DYNAMODB=memory runs DynamoDB
 * Local in memory instead of on disk (not what users run; for comparison). It needs no AWS account: dummy
 * credentials are set when none are in the environment (the local servers accept any).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createDynamoDbDocumentClient, createS3Client, LOCAL_CREDENTIALS } from '../shared/adapters/aws-clients.js';
import type { ClaimTiming } from '../shared/adapters/dynamodb-case-leases.js';
import type { TransactionCounts } from '../shared/adapters/dynamodb-transactions.js';
import { DynamoDbCaseRepository } from '../shared/adapters/dynamodb-case-repository.js';
import { DynamoDbDocumentRepository } from '../shared/adapters/dynamodb-document-repository.js';
import { DynamoDbEnterpriseRegister } from '../shared/adapters/dynamodb-enterprise-register.js';
import { S3BlobStore } from '../shared/adapters/s3-blob-store.js';
import { DevSignIn, bearerAuthenticator, createReviewApi } from '../shared/review/index.js';
import { composeReviewApi } from '../functions/api/compose.js';
import { loadSettings } from '../functions/settings.js';
import { ensureBucket, ensureTable } from '../local/bootstrap.js';
import { startDynamoDbLocal } from '../local/dynamo-local.js';
import { createLocalHttpServer } from '../local/http-server.js';
import { startS3Local } from '../local/s3-local.js';
import { seedClaim, type ClaimOptions } from '../test/review/review-fixtures.js';
import { aCaseDocument, aReviewCase } from '../test/support/fakes/factories.js';
import type { ReviewCase } from '../shared/cases/index.js';

const region = 'us-east-1';

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function loadAverage(): string {
  return os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');
}

export async function run(): Promise<void> {
  // The SDK's credential chain would look for an AWS account; the local servers take any key.
  if (!process.env.AWS_ACCESS_KEY_ID && !process.env.AWS_PROFILE) {
    process.env.AWS_ACCESS_KEY_ID = LOCAL_CREDENTIALS.accessKeyId;
    process.env.AWS_SECRET_ACCESS_KEY = LOCAL_CREDENTIALS.secretAccessKey;
  }
  process.env.AWS_REGION ??= region;
  const thinkMs = Number(process.env.BENCH_API_THINK_MS ?? 1000);
  const runs = (process.env.BENCH_API_RUNS ?? 'realistic,closed,lists').split(',').map((r) => r.trim());
  const realistic = runs.includes('realistic') ? await runOnce(thinkMs) : undefined;
  if (runs.includes('closed')) await runOnce(0);
  const lists = runs.includes('lists') ? await runLists(thinkMs) : undefined;
  if (realistic) {
    console.log(
      `\nGOAL (realistic clerks, ${thinkMs} ms pause): p95 ≤ 150 ms for claim, get case, correct field — ${realistic.worstP95 <= 150 ? 'met' : 'NOT met'} ` +
        `(claim p95 ${realistic.p95.claim.toFixed(1)} ms, get case ${realistic.p95['get case'].toFixed(1)} ms, correct ${realistic.p95['correct field'].toFixed(1)} ms; ` +
        `baseline GET /me p95 ${realistic.p95.baseline.toFixed(1)} ms; load average ${realistic.load})`,
    );
  }
  if (lists) {
    console.log(
      `GOAL (case lists over ${lists.cases} cases): p95 ≤ 150 ms for list by state and search — ${lists.worstP95 <= 150 ? 'met' : 'NOT met'} ` +
        `(list by state p95 ${lists.p95['list by state'].toFixed(1)} ms, search p95 ${lists.p95.search.toFixed(1)} ms, my cases p95 ${lists.p95['my cases'].toFixed(1)} ms; ` +
        `baseline GET /me p95 ${lists.p95.baseline.toFixed(1)} ms; load average ${lists.load})`,
    );
  }
}

/** A timing table: n, p50, p95, max, and p50/p95 as multiples of the baseline request's in the same run. */
function printTimings<Name extends string>(timings: Record<Name, number[]>, extra?: (name: Name, n: number) => string): Record<Name, number> {
  const sorted = Object.fromEntries(Object.entries(timings).map(([name, values]) => [name, [...(values as number[])].sort((a, b) => a - b)])) as Record<
    string,
    number[]
  >;
  const base = sorted.baseline ?? [];
  const [base50, base95] = [percentile(base, 50), percentile(base, 95)];
  console.log(`operation        n      p50 ms   p95 ms   max ms   p50 ×base  p95 ×base${extra ? '   rows/answer' : ''}`);
  const p95 = {} as Record<Name, number>;
  for (const [name, values] of Object.entries(sorted) as [Name, number[]][]) {
    p95[name] = percentile(values, 95);
    const p50 = percentile(values, 50);
    console.log(
      `${name.padEnd(14)} ${String(values.length).padStart(4)} ${p50.toFixed(1).padStart(9)} ${p95[name].toFixed(1).padStart(8)} ${(values.at(-1) ?? NaN).toFixed(1).padStart(8)} ` +
        `${(p50 / base50).toFixed(1).padStart(10)} ${(p95[name] / base95).toFixed(1).padStart(10)}${extra ? extra(name, values.length) : ''}`,
    );
  }
  return p95;
}

type ListOperation = 'list by state' | 'my cases' | 'search' | 'queues' | 'baseline';

/** The states the list run spreads its cases over, with their shares. */
const LIST_MIX: [ReviewCase['status'], number][] = [
  ['needs_review', 0.35],
  ['claimed', 0.05],
  ['awaiting_documents', 0.1],
  ['confirmed', 0.2],
  ['approved', 0.1],
  ['paid', 0.1],
  ['rejected', 0.05],
  ['declined', 0.05],
];

/**
 * DynamoDB Local and the S3 server over a fresh temporary folder (DynamoDB in memory when asked), with the table and the
 * bucket `name` created; `stop` closes the clients and servers and removes the folder.
 */
async function startLocalStorage(name: string, inMemory: boolean) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), `${name}-`));
  const [dynamo, s3Server] = await Promise.all([
    startDynamoDbLocal(inMemory ? {} : { dataDir: path.join(dataDir, 'dynamodb') }),
    startS3Local({ dataDir: path.join(dataDir, 's3'), inWorker: true }),
  ]);
  const dynamodb = new DynamoDBClient({ endpoint: dynamo.endpoint, region, credentials: LOCAL_CREDENTIALS });
  const s3 = createS3Client({ endpoint: s3Server.endpoint, region });
  const db = createDynamoDbDocumentClient({ endpoint: dynamo.endpoint, region });
  await ensureTable(dynamodb, name);
  await ensureBucket(s3, name);
  return {
    tableName: name,
    bucket: name,
    db,
    s3,
    endpoints: { dynamodb: dynamo.endpoint, s3: s3Server.endpoint, credentials: LOCAL_CREDENTIALS },
    async stop(): Promise<void> {
      db.destroy();
      s3.destroy();
      dynamodb.destroy();
      await Promise.all([dynamo.stop(), s3Server.stop()]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The review API as functions/api composes it over `storage`, behind development sign-in for `users`, on a free port
 * of this machine.
 */
async function startReviewApi(storage: Awaited<ReturnType<typeof startLocalStorage>>, users: ConstructorParameters<typeof DevSignIn>[1]) {
  const signIn = new DevSignIn('bench-api-development-secret-0123456789', users);
  const deps = composeReviewApi({
    presignPages: false,
    settings: loadSettings({ ...process.env, INTAKE_TABLE_NAME: storage.tableName, INTAKE_BUCKET: storage.bucket, AWS_REGION: region }),
    endpoints: storage.endpoints,
  });
  const http = await createLocalHttpServer({
    port: 0,
    api: createReviewApi({
      review: deps.review,
      pages: deps.pages,
      search: deps.search,
      devSignIn: signIn,
      authenticate: bearerAuthenticator((t) => signIn.verify(t)),
    }),
  });
  return { signIn, deps, http };
}

/** Case lists over a full table: each staff member loops list-by-state → my cases → search → queues. */
async function runLists(thinkMs: number): Promise<{ p95: Record<ListOperation, number>; worstP95: number; load: string; cases: number }> {
  const staff = Number(process.env.BENCH_API_CLERKS ?? 20);
  const total = Number(process.env.BENCH_API_LIST_CASES ?? 10_000);
  const rounds = Number(process.env.BENCH_API_ROUNDS ?? 10);
  console.log(`\n--- case lists: ${total} cases over every state, ${staff} staff, ${thinkMs} ms pause (jittered) before each request`);
  const inMemory = process.env.BENCH_API_DYNAMODB === 'memory';
  const storage = await startLocalStorage('bench-api-lists', inMemory);
  const { tableName, db } = storage;
  const users = Array.from({ length: staff }, (_, i) => ({
    username: `bench-clerk-${i + 1}`,
    name: `经办${i + 1}`,
    groups: ['clerk' as const, 'supervisor' as const],
  }));
  try {
    // The cases as the pipeline and the clerks leave them: one create each (search keys and counters included).
    const seeding = new DynamoDbCaseRepository(db, tableName);
    const seedStart = performance.now();
    const terms: string[] = [];
    let next = 0;
    const seedOne = async (i: number) => {
      let at = (i * 0.618) % 1;
      const status = LIST_MIX.find(([, share]) => (at -= share) < 0)?.[0] ?? 'needs_review';
      const idNumber = `330106${String(19700101 + (i % 9000)).slice(0, 8)}${String(i).padStart(4, '0').slice(-4)}`;
      const document = aCaseDocument({ documentId: `doc-list-${i}` });
      document.fields.holderName = { ...document.fields.holderName!, value: `申请人${i}` };
      document.fields.certificateNumber = { value: `Q${String(2020_000_000 + i)}`, confidence: 0.98, needsReview: false, source: { page: 1 } };
      const clerk = users[i % staff]!.username;
      const createdAt = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
      const reviewCase = aReviewCase({
        caseId: `case-list-${i}`,
        status,
        personName: `申请人${i}`,
        personIdNumber: idNumber,
        documents: [document],
        createdAt,
        updatedAt: createdAt,
        ...(status === 'claimed' ? { lease: { holder: clerk, expiresAt: '2099-01-01T00:00:00.000Z' } } : {}),
        ...(['confirmed', 'approved', 'paid'].includes(status) ? { confirmedBy: clerk } : {}),
      });
      await seeding.create(reviewCase, { caseId: reviewCase.caseId, at: createdAt, actor: 'system:process', action: 'create' });
      if (i % 97 === 0) terms.push(`申请人${i}`, idNumber, `Q${String(2020_000_000 + i)}`, reviewCase.caseId);
    };
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        for (let i = next++; i < total; i = next++) await seedOne(i);
      }),
    );
    console.log(
      `seeded ${total} cases in ${((performance.now() - seedStart) / 1000).toFixed(1)} s (${(total / ((performance.now() - seedStart) / 1000)).toFixed(0)} creates/s)`,
    );

    const { signIn, http } = await startReviewApi(storage, users);
    try {
      const tokens = await Promise.all(users.map(async (u) => (await signIn.signIn(u.username)).token));
      const load = { start: loadAverage(), end: '' };
      const states = ['needs_review', 'awaiting_documents', 'confirmed', 'approved', 'paid', 'rejected', 'declined'];
      // Warm, as a running stack is (see runOnce): one untimed round per member first unless BENCH_API_WARMUP=0.
      const warmRounds = process.env.BENCH_API_WARMUP === '0' ? 0 : 1;
      if (warmRounds > 0) console.log(`warm-up: ${warmRounds} untimed round per member first (BENCH_API_WARMUP=0 times from cold)`);
      const worker = new Worker(listerLoop, { eval: true, workerData: { url: http.url, tokens, thinkMs, rounds, states, terms, warmRounds } });
      const result = await new Promise<{ timings: Record<ListOperation, number[]>; rows: Record<ListOperation, number> }>((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.once('exit', (code) => reject(new Error(`the staff worker stopped with code ${code} before reporting`)));
      });
      await worker.terminate();
      load.end = loadAverage();
      console.log(`load average (1/5/15 min) at start ${load.start}, at end ${load.end}`);
      const p95 = printTimings(result.timings, (name, n) => (result.rows[name] / Math.max(1, n)).toFixed(1).padStart(14));
      return { p95, worstP95: Math.max(p95['list by state'], p95.search), load: `${load.start} → ${load.end}`, cases: total };
    } finally {
      await http.close();
    }
  } finally {
    await storage.stop();
  }
}

/** The staff's list requests, as plain JavaScript for a worker thread (see clerkLoop). */
const listerLoop = `
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
const { url, tokens, thinkMs, rounds, states, terms, warmRounds } = workerData;
const timings = { 'list by state': [], 'my cases': [], search: [], queues: [], baseline: [] };
const rows = { 'list by state': 0, 'my cases': 0, search: 0, queues: 0, baseline: 0 };
const pick = (list) => list[Math.floor(Math.random() * list.length)];
async function timed(name, path, token, record) {
  if (thinkMs > 0) await new Promise((resolve) => setTimeout(resolve, thinkMs * (0.5 + Math.random())));
  const start = performance.now();
  const response = await fetch(url + '/api' + path, { headers: { authorization: 'Bearer ' + token } });
  const body = await response.text();
  if (record) timings[name].push(performance.now() - start);
  if (response.status !== 200) throw new Error(name + ' ' + path + ' → ' + response.status + ' ' + body);
  const json = JSON.parse(body);
  rows[name] += Array.isArray(json.items ?? json.queues) ? (json.items ?? json.queues).length : 0;
}
async function member(token) {
  // The first warmRounds rounds warm the store up untimed (see runOnce).
  for (let round = 0; round < warmRounds + rounds; round++) {
    const record = round >= warmRounds;
    await timed('list by state', '/cases?status=' + pick(states) + '&limit=50', token, record);
    await timed('my cases', '/cases?mine=1&limit=50', token, record);
    await timed('search', '/cases?q=' + encodeURIComponent(pick(terms)), token, record);
    await timed('queues', '/queues', token, record);
    await timed('baseline', '/me', token, record);
  }
}
Promise.all(tokens.map(member)).then(() => parentPort.postMessage({ timings, rows }), (error) => { throw error; });
`;

type Operation = 'claim' | 'get case' | 'correct field' | 'confirm' | 'baseline';

async function runOnce(thinkMs: number): Promise<{ p95: Record<Operation, number>; worstP95: number; load: string }> {
  const clerks = Number(process.env.BENCH_API_CLERKS ?? 20);
  const rounds = Number(process.env.BENCH_API_ROUNDS ?? 10);
  const inMemory = process.env.BENCH_API_DYNAMODB === 'memory';
  console.log(
    `\n--- ${clerks} clerks, ${thinkMs ? `realistic: ${thinkMs} ms pause (jittered) before each request — the goal's figure` : 'closed loop (no pause): saturation, no goal'}; DynamoDB Local ${inMemory ? 'in memory' : 'on disk, as npm start runs it'}`,
  );
  const storage = await startLocalStorage('bench-api', inMemory);
  const { tableName, bucket, db, s3 } = storage;
  const stores = {
    cases: new DynamoDbCaseRepository(db, tableName),
    documents: new DynamoDbDocumentRepository(db, tableName),
    blobs: new S3BlobStore(s3),
    enterprises: new DynamoDbEnterpriseRegister(db, tableName),
    bucket,
  };

  const total = clerks * rounds;
  // A running stack is warm: DynamoDB Local's JVM compiles each request shape on first use (the service on AWS has no
  // such warm-up; the pipeline bench measures on "storage steady" for the same reason). Unless BENCH_API_WARMUP=0, the
  // clerks first work this many older cases of the same queue untimed; the cold start is printed on its own.
  const warmup = Number(process.env.BENCH_API_WARMUP ?? clerks * 2);
  const seedStart = performance.now();
  // Ten at a time; the employer goes into the register with the first case of each part (upserts: idempotent).
  const seedInTens = async (count: number, options: (n: number) => ClaimOptions) => {
    for (let i = 0; i < count; i += 10) await Promise.all(Array.from({ length: Math.min(10, count - i) }, (_, k) => seedClaim(stores, options(i + k))));
  };
  await seedInTens(warmup, (n) => ({
    level: 2,
    flagged: ['level'],
    withPageImage: false,
    withEnterprise: n === 0,
    createdAt: new Date(Date.UTC(2022, 10, 1, 0, 0, n)).toISOString(),
  }));
  await seedClaim(stores, { level: 2, flagged: ['level'] });
  await seedInTens(total - 1, () => ({ level: 2, flagged: ['level'], withPageImage: false, withEnterprise: false }));
  console.log(`seeded ${total} cases in one queue in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`);

  // The API as functions/api composes it, with one development user per clerk.
  const users = Array.from({ length: clerks }, (_, i) => ({ username: `bench-clerk-${i + 1}`, name: `经办${i + 1}`, groups: ['clerk' as const] }));
  const { signIn, deps, http } = await startReviewApi(storage, users);

  const tokens = await Promise.all(users.map(async (u) => (await signIn.signIn(u.username)).token));
  const cases = deps.cases instanceof DynamoDbCaseRepository ? deps.cases : undefined;
  let timedCases = total;
  if (warmup > 0) {
    const warmStart = performance.now();
    const warm = await runClerks({ url: http.url, tokens, thinkMs, queue: 'XH36-3.7.c', total: warmup, stopAfter: warmup });
    const worked = warm.timings.confirm.length;
    timedCases = total + warmup - worked;
    const cold = [...warm.timings.claim].sort((a, b) => a - b);
    console.log(
      `warm-up (untimed in the figures below; BENCH_API_WARMUP=0 times from cold): ${worked} cases worked in ${((performance.now() - warmStart) / 1000).toFixed(1)} s; ` +
        `its claims p50 / p95 ${percentile(cold, 50).toFixed(1)} / ${percentile(cold, 95).toFixed(1)} ms, the ${clerks} first ${Math.max(...warm.timings.claim.slice(0, clerks)).toFixed(1)} ms at most`,
    );
    // The adapter's tallies start again with the timed run.
    cases?.claimTimings.splice(0);
    cases?.transactionCounts.byOperation.clear();
  }
  const statsBefore = { ...(cases?.claimStats ?? { claims: 0, lostRaces: 0, queueReads: 0, readsAhead: 0, leaseTailReads: 0 }) };
  const load = { start: loadAverage(), end: '' };
  const apiLoopBefore = performance.eventLoopUtilization();
  try {
    const start = performance.now();
    const result = await runClerks({ url: http.url, tokens, thinkMs, queue: 'XH36-3.7.c', total: timedCases });
    const seconds = (performance.now() - start) / 1000;
    const apiLoop = performance.eventLoopUtilization(apiLoopBefore);
    load.end = loadAverage();
    const timings = result.timings;
    const done = timings.confirm.length;
    const requests = Object.entries(timings).reduce((n, [name, values]) => n + (name === 'baseline' ? 0 : values.length), 0);
    const distinct = new Set((await stores.cases.listByStatus('confirmed')).map((c) => c.caseId)).size;
    const stats = cases?.claimStats;
    console.log(
      `${clerks} concurrent clerks, ${done} cases worked in ${seconds.toFixed(1)} s: ${(done / seconds).toFixed(1)} cases/s, ${(requests / seconds).toFixed(1)} requests/s; ` +
        `${distinct} distinct cases confirmed${warmup > 0 ? ' (warm-up included)' : ''}, ${result.conflicts} conflicts`,
    );
    if (stats) {
      const claims = stats.claims - statsBefore.claims;
      console.log(
        `claim races lost: ${stats.lostRaces - statsBefore.lostRaces} (for ${claims} claims); first-page queue reads: ${stats.queueReads - statsBefore.queueReads} (${stats.readsAhead - statsBefore.readsAhead} read ahead of the claims), of which read the leased tail: ${stats.leaseTailReads - statsBefore.leaseTailReads}`,
      );
    }
    if (cases) {
      printClaimSplit(cases.claimTimings);
      printTransactionCounts(cases.transactionCounts);
    }
    printClaimRouteSplit(result.claimServer);
    console.log(
      `event loop busy: API ${(apiLoop.utilization * 100).toFixed(0)} %, load generator ${(result.utilization * 100).toFixed(0)} %; load average (1/5/15 min) at start ${load.start}, at end ${load.end}`,
    );
    const p95 = printTimings(timings);
    const later = [...result.laterClaims].sort((a, b) => a - b);
    console.log(
      `  claim without each clerk's first (the ${clerks} first claims come within one pause): n ${later.length} p50 ${percentile(later, 50).toFixed(1)} / p95 ${percentile(later, 95).toFixed(1)} ms`,
    );
    // Where the tail comes from: while more cases wait than there are clerks, or while the queue runs dry (its last
    // cases, and each clerk's final "queue empty" answer). Every operation is split, not only claim: a claim whose
    // cost grew with the queue would drop in the drain while get case and correct did not; load drops them all.
    for (const [phase, byOperation] of Object.entries(result.phases)) {
      const figures = Object.entries(byOperation).map(([name, values]) => {
        const sorted = [...values].sort((a, b) => a - b);
        return `${name} n ${sorted.length} p50 ${percentile(sorted, 50).toFixed(1)} / p95 ${percentile(sorted, 95).toFixed(1)}`;
      });
      console.log(`  ${phase === 'steady' ? `more than ${clerks} cases waiting` : `${clerks} or fewer waiting (drain)`}: ${figures.join('; ')} ms`);
    }
    const worstP95 = Math.max(p95.claim, p95['get case'], p95['correct field']);
    return { p95, worstP95, load: `${load.start} → ${load.end}` };
  } finally {
    await http.close();
    await storage.stop();
  }
}

/**
 * Where the claims' time went inside the store adapter (DynamoDbCaseLeases.claimTimings): the split of the median claim
 * and of the slowest 5 %, and how many of each sent their own first-page read or tried more than once.
 */
function printClaimSplit(timings: ClaimTiming[]): void {
  if (timings.length === 0) return;
  const sorted = [...timings].sort((a, b) => a.totalMs - b.totalMs);
  // When the slowest claims came: their places among all claims in the order they finished (the first 20 are the
  // clerks' first claims, sent within the first pause of 0.5–1.5 s).
  const slowest = sorted.slice(Math.floor(sorted.length * 0.95));
  const places = slowest.map((t) => timings.indexOf(t) + 1).sort((a, b) => a - b);
  console.log(`slowest 5 % of claims finished as claims no. ${places.join(', ')} of ${timings.length}`);
  const groups: [string, ClaimTiming[]][] = [
    ['all', sorted],
    ['fastest 50 %', sorted.slice(0, Math.ceil(sorted.length / 2))],
    ['slowest 5 %', sorted.slice(Math.floor(sorted.length * 0.95))],
  ];
  const mean = (list: ClaimTiming[], pick: (t: ClaimTiming) => number) => list.reduce((n, t) => n + pick(t), 0) / Math.max(1, list.length);
  console.log("claim split in the adapter (mean ms): total = first page (own query) + transaction + case read + other reads + waits for others' tries");
  for (const [name, list] of groups) {
    const own = list.filter((t) => t.ownRead);
    console.log(
      `  ${name.padEnd(13)} n ${String(list.length).padStart(3)}: total ${mean(list, (t) => t.totalMs).toFixed(1)} = first page ${mean(list, (t) => t.firstPageMs).toFixed(1)} ` +
        `(own read in ${own.length}, its query ${mean(own, (t) => t.queryMs).toFixed(1)}) + transaction ${mean(list, (t) => t.transactionMs).toFixed(1)} + case read ${mean(list, (t) => t.caseReadMs).toFixed(1)} ` +
        `+ other reads ${mean(list, (t) => t.otherReadsMs).toFixed(1)} + waits for others' tries ${mean(list, (t) => t.triesWaitMs).toFixed(1)}; tries > 1 in ${list.filter((t) => t.tries > 1).length}; ` +
        `items/claim ${mean(list, (t) => t.transactionItems).toFixed(1)}, SDK attempts > tries in ${list.filter((t) => t.sdkAttempts > t.tries).length} (back-off ${mean(list, (t) => t.sdkRetryDelayMs).toFixed(1)}), ` +
        `transactions in flight at send ${mean(list, (t) => t.othersInFlight).toFixed(2)} (claims ${mean(list, (t) => t.claimsInFlight).toFixed(2)})`,
    );
  }
}

/**
 * Transactions per operation (counts, which do not move with the machine's load): items per call, SDK attempts and
 * back-off, and outcomes. SDK attempts above the calls mean the SDK retried (throttling, TransactionInProgress, 5xx).
 */
function printTransactionCounts(counts: TransactionCounts): void {
  console.log('transactions (counts): operation — calls, items per call, SDK attempts (calls retried by the SDK, their back-off ms), outcomes');
  for (const [operation, tally] of counts.byOperation) {
    const outcomes = Object.entries(tally.outcomes)
      .map(([outcome, n]) => `${outcome} ${n}`)
      .join(', ');
    console.log(
      `  ${operation.padEnd(24)} ${String(tally.calls).padStart(4)} calls, ${(tally.items / Math.max(1, tally.calls)).toFixed(1)} items/call, ` +
        `${tally.sdkAttempts} SDK attempts (${tally.sdkRetried} retried, ${tally.sdkRetryDelayMs.toFixed(0)} ms back-off); ${outcomes}; ` +
        `others in flight at send ${(tally.othersInFlight / Math.max(1, tally.calls)).toFixed(2)} (of the same operation ${(tally.sameInFlight / Math.max(1, tally.calls)).toFixed(2)})`,
    );
  }
}

/**
 * The claim route's own split (its Server-Timing header): the claim in the store, the audit trail read after it, the
 * answer built and serialised, and what is left of the time the clerk saw (HTTP, authentication, both event loops),
 * for every claim that got a case and for the slowest 5 % of them.
 */
function printClaimRouteSplit(claims: ClaimServerTiming[]): void {
  if (claims.length === 0) return;
  const sorted = [...claims].sort((a, b) => a.totalMs - b.totalMs);
  const mean = (list: ClaimServerTiming[], pick: (t: ClaimServerTiming) => number) => list.reduce((n, t) => n + pick(t), 0) / Math.max(1, list.length);
  console.log(
    'claim route split (mean ms, claims that got a case): seen by the clerk = store claim + audit trail + answer built + outside the route (HTTP, auth)',
  );
  for (const [name, list] of [
    ['all', sorted],
    ['slowest 5 %', sorted.slice(Math.floor(sorted.length * 0.95))],
  ] as const) {
    const outside = (t: ClaimServerTiming) => t.totalMs - t.claimMs - t.trailMs - t.answerMs;
    console.log(
      `  ${name.padEnd(13)} n ${String(list.length).padStart(3)}: ${mean(list, (t) => t.totalMs).toFixed(1)} = ${mean(list, (t) => t.claimMs).toFixed(1)} + ${mean(list, (t) => t.trailMs).toFixed(1)} + ` +
        `${mean(list, (t) => t.answerMs).toFixed(1)} + ${mean(list, outside).toFixed(1)}; answer ${(mean(list, (t) => t.bytes) / 1024).toFixed(1)} KB`,
    );
  }
}

/** One claim as the clerk saw it, with the route's Server-Timing parts (0 for a part the route did not report). */
interface ClaimServerTiming {
  totalMs: number;
  claimMs: number;
  trailMs: number;
  answerMs: number;
  bytes: number;
}

interface ClerkResult {
  claimServer: ClaimServerTiming[];
  /** Every claim but each clerk's first (the clerks start within one pause of each other: a herd of claims). */
  laterClaims: number[];
  timings: Record<Operation, number[]>;
  /** Each operation's times by how many cases were waiting when it was sent. */
  phases: { steady: Record<Operation, number[]>; drain: Record<Operation, number[]> };
  conflicts: number;
  /** Event-loop utilisation of the load generator's thread: near 100 % would mean it, not the API, is the limit. */
  utilization: number;
}

/** The clerks' loop in its own worker thread until the queue is empty (or `stopAfter` claims): every timing back. */
async function runClerks(workerData: {
  url: string;
  tokens: string[];
  thinkMs: number;
  queue: string;
  total: number;
  stopAfter?: number;
}): Promise<ClerkResult> {
  const worker = new Worker(clerkLoop, { eval: true, workerData });
  try {
    return await new Promise<ClerkResult>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the clerks' worker stopped with code ${code} before reporting`)));
    });
  } finally {
    await worker.terminate();
  }
}

/**
 * The clerks, as plain JavaScript for a worker thread (`eval`: no TypeScript loader there): each loops claim → get
 * case → correct the level → confirm until the queue is empty, and the worker posts every timing back.
 */
const clerkLoop = `
const { parentPort, workerData } = require('node:worker_threads');
const { performance } = require('node:perf_hooks');
const { url, tokens, thinkMs, queue, total, stopAfter } = workerData;
const timings = { claim: [], 'get case': [], 'correct field': [], confirm: [], baseline: [] };
const phases = { steady: { claim: [], 'get case': [], 'correct field': [], confirm: [], baseline: [] }, drain: { claim: [], 'get case': [], 'correct field': [], confirm: [], baseline: [] } };
let granted = 0;
let conflicts = 0;
const claimServer = [];
const laterClaims = [];
const serverPart = (header, name) => Number((new RegExp('(?:^|,) *' + name + ';dur=([0-9.]+)').exec(header || '') || [])[1] || 0);
async function timed(name, request) {
  // Jittered pause, so the clerks do not march in lock step.
  if (thinkMs > 0) await new Promise((resolve) => setTimeout(resolve, thinkMs * (0.5 + Math.random())));
  const waiting = total - granted;
  const start = performance.now();
  const response = await request();
  const body = await response.text();
  const elapsed = performance.now() - start;
  timings[name].push(elapsed);
  phases[waiting > tokens.length ? 'steady' : 'drain'][name].push(elapsed);
  if (name === 'claim' && response.status === 200) {
    granted++;
    const header = response.headers.get('server-timing');
    claimServer.push({ totalMs: elapsed, claimMs: serverPart(header, 'claim'), trailMs: serverPart(header, 'trail'), answerMs: serverPart(header, 'answer'), bytes: body.length });
  }
  if (response.status === 409) conflicts++;
  else if (response.status >= 400) throw new Error(name + ' → ' + response.status + ' ' + body);
  return { status: response.status, elapsed, json: () => JSON.parse(body) };
}
async function clerk(token) {
  const headers = { authorization: 'Bearer ' + token, 'content-type': 'application/json' };
  for (let round = 0; ; round++) {
    // A warm-up stops once it has claimed its cases (a clerk already on its way may claim one more: it finishes it).
    if (stopAfter !== undefined && granted >= stopAfter) return;
    const claimed = await timed('claim', () => fetch(url + '/api/queues/' + queue + '/claim', { method: 'POST', headers }));
    if (round > 0) laterClaims.push(claimed.elapsed);
    if (claimed.status === 204) return;
    const caseId = claimed.json().case.caseId;
    const detail = (await timed('get case', () => fetch(url + '/api/cases/' + caseId, { headers }))).json();
    const certificate = detail.case.documents.find((d) => d.type === 'vocational_certificate');
    const body = JSON.stringify({ version: detail.case.version, corrections: [{ documentId: certificate.documentId, field: 'level', value: 2 }] });
    const after = (await timed('correct field', () => fetch(url + '/api/cases/' + caseId + '/fields', { method: 'PATCH', headers, body }))).json();
    await timed('confirm', () => fetch(url + '/api/cases/' + caseId + '/confirm', { method: 'POST', headers, body: JSON.stringify({ version: after.case.version }) }));
    await timed('baseline', () => fetch(url + '/api/me', { headers }));
  }
}
const loop = performance.eventLoopUtilization();
Promise.all(tokens.map(clerk)).then(() => {
  parentPort.postMessage({ claimServer, laterClaims, timings, phases, conflicts, utilization: performance.eventLoopUtilization(loop).utilization });
}, (error) => { throw error; });
`;
