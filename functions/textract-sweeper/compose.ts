/**
 * Composition root of **textract-sweeper**: the pending-job list and the document records (DynamoDB), one Textract
 * call per job, and the completion handler's own path for jobs that ended (so it ships what textract-completion
 * ships: mupdf for page sizes, no OCR runtime).
 */
import { SQSClient } from '@aws-sdk/client-sqs';
import { TextractClient } from '@aws-sdk/client-textract';
import type { SNSEvent } from 'aws-lambda';
import { DynamoDbDocumentRepository } from '../../shared/adapters/dynamodb-document-repository.js';
import { DynamoDbTextractJobLedger } from '../../shared/adapters/dynamodb-textract-job-ledger.js';
import { SqsWorkQueue } from '../../shared/adapters/sqs-work-queue.js';
import { TextractGetJobProbe } from '../../shared/adapters/textract-job-probe.js';
import type { PipelineLogger } from '../../shared/pipeline/logger.js';
import {
  textractSweepSettingsSchema,
  type CompleteEndedJob,
  type TextractJobLedger,
  type TextractJobProbe,
  type TextractSweepDeps,
  type TextractSweepSettings,
} from '../../shared/pipeline/textract-sweep.js';
import { systemClock, type Clock, type DocumentRepository, type WorkQueue } from '../../shared/ports/index.js';
import { emfMetrics, MetricName, type MetricSink } from '../compose/metrics.js';
import { rootSettings, lazyClients, type RootOptions } from '../compose/root-options.js';
import { createTextractCompletionHandler } from '../textract-completion/handler.js';
import { composeTextractCompletion, type TextractCompletionRootOptions } from '../textract-completion/compose.js';

export interface TextractSweeperRootOptions extends RootOptions {
  jobs?: TextractJobLedger;
  probe?: TextractJobProbe;
  complete?: CompleteEndedJob;
  documents?: DocumentRepository;
  kept?: WorkQueue;
  clock?: Clock;
  metrics?: MetricSink;
  sweep?: Partial<TextractSweepSettings>;
  /** What the completion path is built with (its queue, blobs, Textract client) when `complete` is not given. */
  completion?: TextractCompletionRootOptions;
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
 * An ended job settled through the completion handler: the notice Textract would have sent, handed to it.
 *
 * @example
 * const complete = completeThroughCompletionHandler(composeTextractCompletion());
 */
export function completeThroughCompletionHandler(deps: ReturnType<typeof composeTextractCompletion>): CompleteEndedJob {
  const handle = createTextractCompletionHandler(() => deps);
  return async ({ documentId, jobId, state }) => {
    const notice = { JobId: jobId, Status: state, API: 'StartDocumentTextDetection', JobTag: documentId };
    await handle({ Records: [{ Sns: { Message: JSON.stringify(notice) } }] } as unknown as SNSEvent);
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
    probe: options.probe ?? new TextractGetJobProbe(textractClient()),
    complete:
      options.complete ??
      completeThroughCompletionHandler(
        composeTextractCompletion({ settings, endpoints: options.endpoints, documents, jobs, textract: textractClient(), logger: options.logger, ...options.completion }),
      ),
    clock: options.clock ?? systemClock,
    settings: { ...sweepSettingsFromEnv(env), ...options.sweep },
    kept: options.kept ?? (keptUrl ? new SqsWorkQueue(new SQSClient({ region: settings.region }), keptUrl) : undefined),
    onFailed: () => metrics.count(MetricName.failedDocuments, 1),
    logger: options.logger,
  };
}
