/**
 * **process** — SQS batches of `{ documentId }` messages. Each record is read, extracted, judged and written into
 * the review queue (shared/pipeline/process.ts); failed records are reported in `batchItemFailures` so only they are
 * retried, and after the queue's maxReceiveCount they go to the DLQ (see functions/dead-letter).
 */
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { processDocumentMessageSchema } from '../../shared/ports/work-queue.js';
import sharp from 'sharp';
import { createPaddleOcrEngine } from '../../shared/ocr/paddle-ocr-engine.js';
import { loadPaddleModels } from '../../shared/ocr/paddle-models.js';
import { noteProcessingError, processDocument, type ProcessDeps } from '../../shared/pipeline/process.js';
import { asPipelineLogger, functionLogger } from '../compose/logging.js';
import { once } from '../compose/root-options.js';
import { composeProcess } from './compose.js';
import { resolveLookupSecret } from '../lookup-secret.js';

await resolveLookupSecret();

const logger = functionLogger('process');

/**
 * A process handler over the given dependencies (the exported `handler` uses the environment's).
 *
 * @example
 * const process = createProcessHandler(() => deps);
 * const { batchItemFailures } = await process(sqsEvent);
 */
export function createProcessHandler(resolve: () => ProcessDeps) {
  // Records one after another: OCR already uses every core of the function, in parallel they would only compete.
  const processor = new BatchProcessor(EventType.SQS);
  return async (event: SQSEvent, context?: Context): Promise<SQSBatchResponse> => {
    if (context) logger.addContext(context);
    const deps = resolve();
    const recordHandler = async (record: SQSRecord) => {
      const { documentId, syncOcr, source } = processDocumentMessageSchema.parse(JSON.parse(record.body));
      try {
        const receiveCount = Number(record.attributes?.ApproximateReceiveCount ?? 0) || undefined;
        return await processDocument(documentId, deps, { syncOcr, receiveCount, source });
      } catch (error) {
        logger.error('processing failed; the message will be retried', {
          documentId,
          receiveCount: record.attributes?.ApproximateReceiveCount,
          error: error as Error,
        });
        await noteProcessingError(documentId, error, deps).catch(() => undefined);
        throw error;
      }
    };
    return processPartialResponse(event, recordHandler, processor, { context, processInParallel: false, throwOnFullBatchFailure: false });
  };
}

export const handler = createProcessHandler(once(() => composeProcess({ logger: asPipelineLogger(logger) })));

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
  const blank = await sharp({ create: { width: 320, height: 120, channels: 3, background: '#ffffff' } }).png().toBuffer();
  const page = await createPaddleOcrEngine({ intraOpNumThreads: 1 }).recognize({ bytes: new Uint8Array(blank), pageNumber: 1 });
  return { alphabet: models.alphabet.length, lines: page.lines.length };
}
