/**
 * Composition root of **textract-sweeper**: the pending-job list and the document records (DynamoDB), one Textract
 * call per job, and the completion handler's own path for jobs that ended (so it ships what textract-completion
 * ships: mupdf for page sizes, no OCR runtime).
 */
import { SQSClient } from '@aws-sdk/client-sqs';
import { TextractClient } from '@aws-sdk/client-textract';
import { DynamoDbDocumentRepository } from '../../shared/adapters/dynamodb-document-repository.js';
import { DynamoDbTextractJobLedger } from '../../shared/adapters/dynamodb-textract-job-ledger.js';
import { S3BlobStore } from '../../shared/adapters/s3-blob-store.js';
import { SqsWorkQueue } from '../../shared/adapters/sqs-work-queue.js';
import { TextractGetJobProbe } from '../../shared/adapters/textract-job-probe.js';
import type { PipelineLogger } from '../../shared/pipeline/logger.js';
import {
  textractSweepSettingsSchema,
  type CompleteEndedJob,
  type TextractSweepDeps,
  type TextractSweepSettings,
} from '../../shared/pipeline/textract-sweep.js';
import {
  systemClock,
  type BlobStore,
  type Clock,
  type DocumentRepository,
  type TextractJobLedger,
  type TextractJobProbe,
  type WorkQueue,
} from '../../shared/ports/index.js';
import { emfMetrics, MetricName, type MetricSink } from '../compose/metrics.js';
import { processQueue } from '../compose/process-queue.js';
import { rootSettings, lazyClients, type RootOptions } from '../compose/root-options.js';
import { completeTextractJob, type TextractCompletionDeps } from '../compose/textract-job-completion.js';

export interface TextractSweeperRootOptions extends RootOptions {
  jobs?: TextractJobLedger;
  probe?: TextractJobProbe;
  complete?: CompleteEndedJob;
  documents?: DocumentRepository;
  kept?: WorkQueue;
  clock?: Clock;
  metrics?: MetricSink;
  sweep?: Partial<TextractSweepSettings>;
  /** The completion path's own parts when `complete` is not given: S3, the process queue, Textract. */
  blobs?: BlobStore;
  queue?: WorkQueue;
  textract?: TextractClient;
  logger?: PipelineLogger;
}

/**
 * The sweep's settings from the environment: `TEXTRACT_SWEEP_AFTER_MINUTES` (60), `TEXTRACT_GIVE_UP_AFTER_HOURS`
 * (24), `TEXTRACT_SWEEP_MAX_JOBS` (100).
 *
 * @example
 * sweepSettingsFromEnv({ TEXTRACT_SWEEP_AFTER_MINUTES: '30' }).staleAfterMinutes; // 30
 */
export function sweepSettingsFromEnv(env: NodeJS.ProcessEnv): TextractSweepSettings {
  const number = (value: string | undefined) => (value?.trim() ? Number(value) : undefined);
  return textractSweepSettingsSchema.parse({
    staleAfterMinutes: number(env.TEXTRACT_SWEEP_AFTER_MINUTES),
    giveUpAfterHours: number(env.TEXTRACT_GIVE_UP_AFTER_HOURS),
    maxJobsPerSweep: number(env.TEXTRACT_SWEEP_MAX_JOBS),
  });
}

/**
 * An ended job settled the way textract-completion settles a notice: the notice Textract would have sent, taken
 * through the same step (functions/compose/textract-job-completion.ts).
 *
 * @example
 * const complete = completeLikeTheNotice(completionDeps);
 */
export function completeLikeTheNotice(deps: TextractCompletionDeps): CompleteEndedJob {
  return async ({ documentId, jobId, state }) => {
    await completeTextractJob({ JobId: jobId, Status: state, API: 'StartDocumentTextDetection', JobTag: documentId }, deps);
  };
}

/**
 * Everything the sweeper uses.
 *
 * @example
 * const deps = composeTextractSweeper();
 * await sweepTextractJobs(deps);
 */
export function composeTextractSweeper(options: TextractSweeperRootOptions = {}): TextractSweepDeps {
  const env = options.env ?? process.env;
  const settings = rootSettings(options);
  const clients = lazyClients(settings, options.endpoints);
  let textract: TextractClient | undefined;
  const textractClient = () => (textract ??= new TextractClient({ region: settings.region }));
  const keptUrl = env.FAILED_DOCUMENTS_QUEUE_URL?.trim();
  const metrics = options.metrics ?? emfMetrics({ Function: 'textract-sweeper' });
  const documents = options.documents ?? new DynamoDbDocumentRepository(clients.db(), settings.tableName);
  const jobs = options.jobs ?? new DynamoDbTextractJobLedger(clients.db(), settings.tableName);
  return {
    jobs,
    documents,
    probe: options.probe ?? new TextractGetJobProbe(options.textract ?? textractClient()),
    complete:
      options.complete ??
      completeLikeTheNotice({
        textract: options.textract ?? textractClient(),
        blobs: options.blobs ?? new S3BlobStore(clients.s3()),
        documents,
        queue: processQueue(settings, options.queue),
        jobs,
        clock: options.clock ?? systemClock,
        derivedPrefix: settings.derivedPrefix,
        ocrDpi: settings.ocrDpi,
        logger: options.logger,
      }),
    clock: options.clock ?? systemClock,
    settings: { ...sweepSettingsFromEnv(env), ...options.sweep },
    kept: options.kept ?? (keptUrl ? new SqsWorkQueue(new SQSClient({ region: settings.region }), keptUrl) : undefined),
    onFailed: () => metrics.count(MetricName.failedDocuments, 1),
    logger: options.logger,
  };
}
