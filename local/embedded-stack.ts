/**
 * The whole pipeline on one machine, with the same handlers as on AWS: DynamoDB Local and s3rver for state, the
 * S3 event dispatcher in place of S3 → Lambda notifications, the local queue in place of SQS (+ DLQ), the inbox
 * folder and one HTTP server. `npm start` (local/start.ts), the end-to-end test and the pipeline benchmark all start
 * it through `startEmbeddedStack`, so what the test proves is what a newcomer runs.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { S3Event } from 'aws-lambda';
import { localLambdaContext } from './lambda-context.js';
export { localLambdaContext } from './lambda-context.js';
import { startProcessWorker } from './process-worker-client.js';
import type { ServiceEndpoints } from '../functions/compose/root-options.js';
import { loadSettings, type Settings } from '../functions/settings.js';
import { createDynamoDbDocumentClient, createS3Client, LOCAL_CREDENTIALS } from '../shared/adapters/aws-clients.js';
import { DynamoDbDocumentRepository } from '../shared/adapters/dynamodb-document-repository.js';
import { FINAL_DOCUMENT_STATES, type DocumentStatus } from '../shared/cases/document-record.js';
import { documentIdFor } from '../shared/storage/layout.js';
import { bootstrapLocal } from './bootstrap.js';
import { startDynamoDbLocal, type RunningDynamoDb } from './dynamo-local.js';
import { createLocalHttpServer, type LocalApi, type RunningHttpServer } from './http-server.js';
import { startInboxWatcher, uploadToBucket, type RunningInboxWatcher } from './inbox-watcher.js';
import { RestartRecovery } from './restart-recovery.js';
import { LocalQueue, type DeadLetterHandler, type SqsBatchHandler } from './local-queue.js';
import { createLocalLogger, type LocalLogger } from './local-log.js';
import { startS3Local, type RunningS3 } from './s3-local.js';
import { startSupervisedS3Local, type SupervisedS3 } from './s3-supervisor.js';
import { S3EventDispatcher } from './s3-event-dispatcher.js';

/** The handlers the stack drives: on AWS, Lambda does. */
export interface PipelineHandlers {
  ingest: (event: S3Event) => Promise<unknown>;
  process: SqsBatchHandler;
  deadLetter?: DeadLetterHandler;
  /** Releases what the handlers hold (the process worker). */
  close?: () => Promise<void>;
  /** Fault injection: ends the process worker threads as a crash would (they start again for the next batch). */
  killProcessWorker?: () => Promise<number>;
}

/**
 * Fault injection for tests and benches: each kills one part as the kernel's OOM killer would (no chance to clean up).
 * The stack is expected to notice, start the part again and lose nothing (test/faults/crash-parts.test.ts).
 */
export interface StackFaults {
  /** Ends the process worker threads; their batches are redelivered. How many threads were running. */
  killProcessWorker(): Promise<number>;
  /** SIGKILLs DynamoDB Local's JVM (only when the stack started its own); false when there was none to kill. */
  killDynamoDb(): boolean;
  /** SIGKILLs the s3rver child process (only with `s3Host: 'child'`); false when there was none to kill. */
  killS3(): boolean;
}

/** Endpoints and names a client of the running stack needs (written to `.data/endpoints.json`). */
export interface StackEndpoints {
  dynamodb: string;
  s3: string;
  http?: string;
  bucket: string;
  tableName: string;
  region: string;
  inbox?: string;
}

export interface EmbeddedStackOptions {
  /** Where DynamoDB, S3 objects and the queue keep their data (`.data`). */
  dataDir: string;
  /** Use an already running DynamoDB (tests share the global one); otherwise one is started with data on disk. */
  dynamoDbEndpoint?: string;
  dynamoDbPort?: number;
  s3Port?: number;
  /**
   * Where s3rver runs: `child` (default) a child process, `worker` a worker thread of this process, `thread` this
   * thread. Off this thread, uploads are answered while a thread is busy; in a child process its heap and buffers
   * are not part of the pipeline process's memory (`s3ServerPid` names it, so a benchmark can count it).
   */
  s3Host?: 'child' | 'worker' | 'thread';
  /** Before `s3Host`: `false` = this thread, `true` = a worker thread. */
  s3InWorker?: boolean;
  /** Run the process handler in worker threads (default) when the real handlers are loaded. */
  processInWorker?: boolean;
  /**
   * Process worker threads (default: the queue's concurrency, at most one per core) and how each runs OCR (ADR 0004):
   * `engine` = its own one-thread engine (default), `pool` = one process worker whose OCR goes to a pool of workers.
   */
  processWorkers?: { count?: number; ocrLayout?: 'engine' | 'pool' };
  /** The HTTP server's port; `false` = no HTTP server. */
  httpPort?: number | false;
  httpHost?: string;
  api?: LocalApi;
  /** Builds the review API through its root, for the local servers. */
  loadApi?: (composition: LocalComposition) => Promise<LocalApi | undefined>;
  staticDir?: string;
  /** The watched drop folder; `false` = none. */
  inboxDir?: string | false;
  tableName?: string;
  bucket?: string;
  /** Key prefixes whose object events go to ingest (the bucket notification's filter); default `incoming/`. */
  notificationPrefixes?: string[];
  region?: string;
  queue?: { visibilityTimeoutSeconds?: number; maxReceiveCount?: number; concurrency?: number; batchSize?: number; failureDelaySeconds?: number };
  /** How long `stop` waits for running batches before leaving them to the next start (default 10 s). */
  stopGraceMs?: number;
  /** Builds the handlers for the local servers. Defaults to functions/ingest, process and dead-letter. */
  loadHandlers?: (queue: LocalQueue, composition: LocalComposition) => Promise<PipelineHandlers>;
  /** Write `<dataDir>/endpoints.json` for `intake submit` / `intake cases`. */
  writeEndpointsFile?: boolean;
  log?: LocalLogger;
}

export interface EmbeddedStack {
  endpoints: StackEndpoints;
  s3: S3Client;
  db: DynamoDBDocumentClient;
  queue: LocalQueue;
  dispatcher: S3EventDispatcher;
  inbox?: RunningInboxWatcher;
  http?: RunningHttpServer;
  /** The s3rver child process, when it runs in one (`s3Host: 'child'`). */
  s3ServerPid?: number;
  /** Whether a review API is mounted under /api. */
  apiMounted: boolean;
  faults: StackFaults;
  /** Each part's state, as /health reports it. */
  parts(): { dynamodb: string; s3: string; dynamodbCrashes?: number; s3Crashes?: number };
  /** How many objects the start-up reconcile sent to ingest again. */
  reconciled: number;
  /** Resolves once no S3 event, inbox upload or queue message is pending. */
  settled(): Promise<void>;
  /** Stops everything; unfinished work stays on disk for the next start. */
  stop(): Promise<void>;
}

/** Settled document states: ingest has nothing left to do for them (mirrors shared/pipeline/ingest.ts). */
const SETTLED: readonly DocumentStatus[] = FINAL_DOCUMENT_STATES;

/**
 * What the local stack hands every composition root: the settings (the environment's, with the stack's table, bucket
 * and region) and the local servers' endpoints. The roots are given them; the environment is never written.
 */
export interface LocalComposition {
  settings: Settings;
  endpoints: ServiceEndpoints;
}

/**
 * The real handlers of functions/, composed through their roots for the local servers: ingest sends through the
 * local queue rather than SQS. With `processInWorker`, process runs in a worker thread (local/process-worker.ts) so
 * its OCR does not freeze the main thread.
 *
 * @example
 * const handlers = await loadPipelineHandlers(queue, composition);
 */
export async function loadPipelineHandlers(
  queue: LocalQueue,
  composition: LocalComposition,
  options: {
    processInWorker?: boolean;
    processWorkers?: EmbeddedStackOptions['processWorkers'];
    /** The queue's concurrency (default 2). */ queueConcurrency?: number;
  } = {},
): Promise<PipelineHandlers> {
  const [{ createIngestHandler }, { composeIngest }, { createDeadLetterHandler }, { composeDeadLetter }, { asPipelineLogger, functionLogger }] =
    await Promise.all([
      import('../functions/ingest/handler.js'),
      import('../functions/ingest/compose.js'),
      import('../functions/dead-letter/handler.js'),
      import('../functions/dead-letter/compose.js'),
      import('../functions/compose/logging.js'),
    ]);
  const ingestDeps = composeIngest({ ...composition, queue, logger: asPipelineLogger(functionLogger('ingest')) });
  const ingest = createIngestHandler(() => ingestDeps);
  // Locally a failed document is a log line, not a CloudWatch metric.
  const deadLetterDeps = composeDeadLetter({ ...composition, logger: asPipelineLogger(functionLogger('dead-letter')), metrics: { count: () => undefined } });
  const deadLetter = createDeadLetterHandler(() => deadLetterDeps);
  let processBatch: SqsBatchHandler;
  let close: (() => Promise<void>) | undefined;
  let killProcessWorker: (() => Promise<number>) | undefined;
  if (options.processInWorker) {
    const worker = await startProcessWorker(queue, { ...processWorkerLayout(options.queueConcurrency ?? 2, options.processWorkers), composition });
    processBatch = worker.process;
    close = worker.stop;
    killProcessWorker = worker.kill;
  } else {
    const [{ createProcessHandler }, { composeProcess }] = await Promise.all([
      import('../functions/process/handler.js'),
      import('../functions/process/compose.js'),
    ]);
    const processDeps = composeProcess({ ...composition, logger: asPipelineLogger(functionLogger('process')) });
    const handler = createProcessHandler(() => processDeps);
    processBatch = (event) => handler(event, localLambdaContext('intake-process'));
  }
  return {
    ingest: (event) => ingest(event, localLambdaContext('intake-ingest')),
    process: processBatch,
    deadLetter: (event) => deadLetter(event, localLambdaContext('intake-dead-letter')),
    close,
    killProcessWorker,
  };
}

/**
 * How many process workers to start and how many OCR inference threads each gets, so that OCR uses every core once:
 * by default one worker per batch the queue runs at once (at most one per core), each with an equal share of the
 * cores; with `pool`, one worker whose OCR pool has one single-thread engine per core.
 *
 * @example
 * processWorkerLayout(2); // on 2 cores: { workers: 2, ocrThreads: 1, ocrLayout: 'engine' }
 */
export function processWorkerLayout(
  queueConcurrency: number,
  requested: EmbeddedStackOptions['processWorkers'] = {},
  cores: number = availableParallelism(),
): { workers: number; ocrThreads: number; ocrLayout: 'engine' | 'pool' } {
  if (requested.ocrLayout === 'pool') return { workers: 1, ocrThreads: Math.max(1, cores), ocrLayout: 'pool' };
  const workers = Math.max(1, Math.min(requested.count ?? queueConcurrency, cores));
  return { workers, ocrThreads: Math.max(1, Math.floor(cores / workers)), ocrLayout: 'engine' };
}

/**
 * Starts the embedded stack and composes the handlers and the API through their roots with the local servers'
 * endpoints (the environment is read for settings, never written).
 *
 * @example
 * const stack = await startEmbeddedStack({ dataDir: '.data', inboxDir: 'inbox', httpPort: 3000 });
 * console.log(stack.endpoints);
 * await stack.stop();
 */
export async function startEmbeddedStack(options: EmbeddedStackOptions): Promise<EmbeddedStack> {
  const log = options.log ?? createLocalLogger('stack');
  const dataDir = path.resolve(options.dataDir);
  const tableName = options.tableName ?? 'intake';
  const bucket = options.bucket ?? 'intake';
  const region = options.region ?? 'us-east-1';
  mkdirSync(dataDir, { recursive: true });

  const stopping: Array<() => Promise<unknown>> = [];
  const stopAll = async () => {
    for (const stop of stopping.splice(0).reverse()) await stop().catch((error) => log.warn('stop step failed', { error: String(error) }));
  };

  try {
    let dynamo: RunningDynamoDb | undefined;
    if (!options.dynamoDbEndpoint) {
      dynamo = await startDynamoDbLocal({ port: options.dynamoDbPort, dataDir: path.join(dataDir, 'dynamodb') });
      stopping.push(() => dynamo!.stop());
    }
    const dynamoEndpoint = options.dynamoDbEndpoint ?? dynamo!.endpoint;
    const s3Host = options.s3Host ?? (options.s3InWorker === undefined ? 'child' : options.s3InWorker ? 'worker' : 'thread');
    // In a child process s3rver is supervised: started again over the same files should it die.
    const supervisedS3: SupervisedS3 | undefined =
      s3Host === 'child' ? await startSupervisedS3Local({ port: options.s3Port, dataDir: path.join(dataDir, 's3') }) : undefined;
    const s3Server: RunningS3 =
      supervisedS3 ?? (await startS3Local({ port: options.s3Port, dataDir: path.join(dataDir, 's3'), inWorker: s3Host === 'worker' }));
    stopping.push(() => s3Server.stop());

    // Every root gets the local servers explicitly; s3rver checks signatures against its own keys, DynamoDB Local
    // accepts anything. Other settings (OCR engine, limits, dpi) come from the environment as on Lambda.
    const composition: LocalComposition = {
      settings: loadSettings({ ...process.env, INTAKE_TABLE_NAME: tableName, INTAKE_BUCKET: bucket, AWS_REGION: region, PROCESS_QUEUE_URL: '' }),
      endpoints: { dynamodb: dynamoEndpoint, s3: s3Server.endpoint, credentials: LOCAL_CREDENTIALS },
    };

    const s3 = createS3Client({ endpoint: s3Server.endpoint, region, credentials: LOCAL_CREDENTIALS });
    const db = createDynamoDbDocumentClient({ endpoint: dynamoEndpoint, region, credentials: LOCAL_CREDENTIALS });
    const dynamodb = new DynamoDBClient({ endpoint: dynamoEndpoint, region, credentials: LOCAL_CREDENTIALS });
    stopping.push(async () => {
      s3.destroy();
      db.destroy();
      dynamodb.destroy();
    });
    await bootstrapLocal({ dynamodb, s3, tableName, buckets: [bucket] });

    const queue = new LocalQueue({ dir: path.join(dataDir, 'queue', 'process'), region, ...options.queue });
    // Ingest sends through this queue (given to its root); on AWS it is SQS.
    const handlers = await (
      options.loadHandlers ??
      ((q: LocalQueue, c: LocalComposition) =>
        loadPipelineHandlers(q, c, {
          processInWorker: options.processInWorker ?? true,
          processWorkers: options.processWorkers,
          queueConcurrency: options.queue?.concurrency,
        }))
    )(queue, composition);
    if (handlers.close) stopping.push(handlers.close);

    const dispatcher = new S3EventDispatcher({
      deliver: handlers.ingest,
      prefixes: options.notificationPrefixes,
      region,
      head: async (b, key) => {
        const head = await s3.send(new HeadObjectCommand({ Bucket: b, Key: key }));
        return { size: head.ContentLength ?? 0, eTag: (head.ETag ?? '').replace(/"/g, '') };
      },
    });
    const detach = dispatcher.attach(s3Server.events);
    stopping.push(async () => {
      detach();
      await dispatcher.stop();
    });

    queue.start(handlers.process, handlers.deadLetter);

    // A restart loses nothing: objects ingest never took in, or took in without their work reaching the queue, go
    // through ingest again (idempotent: a settled document is left alone).
    const documents = new DynamoDbDocumentRepository(db, tableName);
    const reconcile = () =>
      dispatcher.reconcile({
        s3,
        bucket,
        isKnown: async (object) => {
          const documentId = documentIdFor(object.bucket, object.key, object.eTag);
          const record = await documents.get(documentId);
          if (!record) return false;
          if (SETTLED.includes(record.status)) return true;
          return record.status === 'processing' && queue.holds((body) => body.includes(documentId));
        },
      });
    // After a part comes back: ingest's events that gave up meanwhile are sent again, and work that died meanwhile is
    // resumed (process reads a `failed` document again).
    // Work whose retries straddled a restart dies after the redrive below: it is resumed as it dies (once).
    const recovery = new RestartRecovery();
    queue.onDeadLettered((message) => {
      if (!recovery.resumes(message)) return;
      const moved = queue.redrive((dead) => dead.messageId === message.messageId);
      if (moved) log.warn('resumed work that died across a restart', { messageId: message.messageId });
    });
    const resumeAfterRestart = (part: string, crashes: number, resumed: number) => {
      recovery.restarted(Date.now());
      void reconcile().then(
        (resent) => log.warn(`${part} restarted after a crash; resumed dead-lettered work and re-sent missed events`, { crashes, resumed, resent }),
        (error) => log.error(`${part} restarted, but the reconcile failed; the next start does it`, { error: String(error) }),
      );
    };
    // Work that died while DynamoDB Local was down (its dead-letter handling could not even record it) is resumed once
    // the supervisor has it answering again.
    dynamo?.onRestart(() => resumeAfterRestart('DynamoDB Local', dynamo!.crashes, queue.redrive()));
    // While S3 was away the dead-letter handler could record the failures (DynamoDB was up): what died from the crash
    // on was dead-lettered for a transient reason and goes back on the queue.
    supervisedS3?.onRestart((crashedAt) =>
      resumeAfterRestart(
        'the S3 server',
        supervisedS3.crashes,
        queue.redrive((message) => !message.deadLetterHandled || (message.deadLetteredAt ?? 0) >= crashedAt),
      ),
    );
    stopping.push(() => queue.stop(options.stopGraceMs));
    const reconciled = await reconcile();

    let inbox: RunningInboxWatcher | undefined;
    if (options.inboxDir !== false && options.inboxDir !== undefined) {
      inbox = startInboxWatcher({ dir: options.inboxDir, upload: uploadToBucket(s3, bucket) });
      await inbox.ready;
      stopping.push(() => inbox!.stop());
    }

    const parts = () => ({
      dynamodb: dynamo ? dynamo.state() : 'external',
      s3: supervisedS3 ? supervisedS3.state() : 'in-process',
      ...(dynamo ? { dynamodbCrashes: dynamo.crashes } : {}),
      ...(supervisedS3 ? { s3Crashes: supervisedS3.crashes } : {}),
    });
    const kill = (pid: number | undefined) => {
      if (pid === undefined) return false;
      process.kill(pid, 'SIGKILL');
      return true;
    };
    const faults: StackFaults = {
      killProcessWorker: async () => (await handlers.killProcessWorker?.()) ?? 0,
      killDynamoDb: () => kill(dynamo?.pid),
      killS3: () => kill(supervisedS3?.pid),
    };

    let http: RunningHttpServer | undefined;
    let apiMounted = false;
    if (options.httpPort !== false) {
      const api = options.api ?? (await options.loadApi?.(composition));
      apiMounted = api !== undefined;
      http = await createLocalHttpServer({
        port: options.httpPort ?? 0,
        host: options.httpHost,
        api,
        staticDir: options.staticDir,
        health: () => {
          // Each part's own state: a DynamoDB Local or S3 server that crashed shows `restarting` (it is started again
          // over the same data) or `down`, and the whole stack answers `degraded` (503) meanwhile.
          const state = parts();
          const ok = ['up', 'external', 'in-process'];
          return {
            status: ok.includes(state.dynamodb) && ok.includes(state.s3) ? 'ok' : 'degraded',
            parts: state,
            queue: queue.depth(),
            s3Events: dispatcher.stats,
            bucket,
            tableName,
          };
        },
      });
      stopping.push(() => http!.close());
    }

    const endpoints: StackEndpoints = { dynamodb: dynamoEndpoint, s3: s3Server.endpoint, http: http?.url, bucket, tableName, region, inbox: inbox?.dir };
    if (options.writeEndpointsFile) writeFileSync(path.join(dataDir, 'endpoints.json'), `${JSON.stringify(endpoints, null, 2)}\n`);

    const settled = async () => {
      // Ingest feeds the queue and the inbox feeds ingest, so wait until a full pass finds all three quiet.
      for (;;) {
        await inbox?.idle();
        await dispatcher.idle();
        await queue.idle();
        const depth = queue.depth();
        if (depth.visible + depth.delayed + depth.inFlight === 0 && dispatcher.pending() === 0) return;
      }
    };

    return {
      endpoints,
      s3,
      db,
      queue,
      dispatcher,
      inbox,
      http,
      reconciled,
      s3ServerPid: s3Server.pid,
      apiMounted,
      faults,
      parts,
      settled,
      stop: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
