/**
 * **process** — SQS batches of `{ documentId }` messages. Each record is read, extracted, judged and written into
 * the review queue (shared/pipeline/process.ts); failed records are reported in `batchItemFailures` so only they are
 * retried, after a backoff rather than the queue's 90-minute visibility timeout (retry-policy.ts): transient errors
 * until the queue's maxReceiveCount sends them to the DLQ (functions/dead-letter), other errors three times before
 * the document is marked `failed` here. Records documents, pages and stage times as CloudWatch metrics.
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { processDocumentMessageSchema } from '../../shared/ports/work-queue.js';
import sharp from 'sharp';
import { createPaddleOcrEngine } from '../../shared/ocr/paddle-ocr-engine.js';
import { loadPaddleModels } from '../../shared/ocr/paddle-models.js';
import { markDocumentFailed, noteProcessingError } from '../../shared/pipeline/mark-document-failed.js';
import { processDocument, type ProcessDeps, type ProcessOutcome } from '../../shared/pipeline/process.js';
import { asPipelineLogger, functionLogger } from '../compose/logging.js';
import { emfMetrics, MetricName, type MetricSink } from '../compose/metrics.js';
import { once } from '../compose/root-options.js';
import { composeProcess, sqsRetryLater } from './compose.js';
import { decideRetry, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy.js';
import { resolveLookupSecret } from '../lookup-secret.js';

await resolveLookupSecret();

const logger = functionLogger('process');

/** Makes a failed record visible again after `seconds` (SQS ChangeMessageVisibility). */
export type RetryLater = (record: SQSRecord, seconds: number) => Promise<void>;

export interface ProcessHandlerOptions {
  /** Without it (locally) a failed record waits for the queue's own redelivery. */
  retryLater?: RetryLater;
  metrics?: MetricSink;
  retryPolicy?: RetryPolicy;
}

/**
 * A process handler over the given dependencies (the exported `handler` uses the environment's).
 *
 * @example
 * const process = createProcessHandler(() => deps);
 * const { batchItemFailures } = await process(sqsEvent);
 */
export function createProcessHandler(resolve: () => ProcessDeps, options: ProcessHandlerOptions = {}) {
  // Records one after another: OCR already uses every core of the function, in parallel they would only compete.
  const processor = new BatchProcessor(EventType.SQS);
  const policy = options.retryPolicy ?? DEFAULT_RETRY_POLICY;
  return async (event: SQSEvent, context?: Context): Promise<SQSBatchResponse> => {
    if (context) logger.addContext(context);
    const deps = resolve();
    const recordHandler = async (record: SQSRecord) => {
      const { documentId, syncOcr, source } = processDocumentMessageSchema.parse(JSON.parse(record.body));
      const receiveCount = Number(record.attributes?.ApproximateReceiveCount ?? 0) || undefined;
      try {
        const outcome = await processDocument(documentId, deps, { syncOcr, receiveCount, source });
        recordOutcome(options.metrics, outcome);
        return outcome;
      } catch (error) {
        const decision = decideRetry(error, receiveCount ?? 1, policy);
        if (decision.kind === 'fail') {
          logger.error('processing failed for good; the document is marked failed', { documentId, receiveCount, error: error as Error });
          await noteProcessingError(documentId, error, deps).catch(() => undefined);
          const marked = await markDocumentFailed(documentId, { documents: deps.documents, clock: deps.clock, logger: deps.logger });
          if (marked.kind === 'failed') options.metrics?.count(MetricName.failedDocuments, 1);
          return marked;
        }
        logger.error('processing failed; the message will be retried', {
          documentId,
          receiveCount,
          transient: decision.transient,
          retryInSeconds: decision.delaySeconds,
          error: error as Error,
        });
        await noteProcessingError(documentId, error, deps).catch(() => undefined);
        await options
          .retryLater?.(record, decision.delaySeconds)
          .catch((cause) =>
            logger.warn('could not shorten the retry delay; the queue redelivers after its visibility timeout', { documentId, error: cause as Error }),
          );
        throw error;
      }
    };
    return processPartialResponse(event, recordHandler, processor, { context, processInParallel: false, throwOnFullBatchFailure: false });
  };
}

function recordOutcome(metrics: MetricSink | undefined, outcome: ProcessOutcome): void {
  if (!metrics || outcome.kind !== 'done') return;
  metrics.count(MetricName.documentsProcessed, 1);
  metrics.count(MetricName.pagesRead, outcome.pageCount);
  for (const [stage, ms] of Object.entries(outcome.timings)) metrics.milliseconds?.(MetricName.stageTime, ms, { Stage: stage });
}

export const handler = createProcessHandler(
  once(() => composeProcess({ logger: asPipelineLogger(logger) })),
  { retryLater: sqsRetryLater(), metrics: emfMetrics({ Function: 'process' }) },
);

/**
 * Loads the PP-OCRv4 models with the shipped onnxruntime and reads one blank page through the shipped sharp: the
 * bundle check (`npx tsx infra/check-bundles.ts`, run by CI after the synth) calls it on the built bundle, so a
 * missing model file or native binary fails CI instead of the first scan on AWS.
 *
 * @example
 * await checkOcrRuntime(); // { alphabet: 6623, lines: 0 }
 */
export async function checkOcrRuntime(): Promise<{ alphabet: number; lines: number }> {
  const models = await loadPaddleModels({ intraOpNumThreads: 1 });
  const blank = await sharp({ create: { width: 320, height: 120, channels: 3, background: '#ffffff' } })
    .png()
    .toBuffer();
  const page = await createPaddleOcrEngine({ intraOpNumThreads: 1 }).recognize({ bytes: new Uint8Array(blank), pageNumber: 1 });
  return { alphabet: models.alphabet.length, lines: page.lines.length };
}
