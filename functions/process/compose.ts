/**
 * Composition root of **process**: the only function that reads pages, so the only one that carries the OCR runtime
 * (PaddleOCR on onnxruntime-node, or Textract), besides mupdf and sharp, the extraction and the policy judge.
 */
import { ChangeMessageVisibilityCommand, SQSClient } from '@aws-sdk/client-sqs';
import { TextractClient } from '@aws-sdk/client-textract';
import { DynamoDbCaseRepository } from '../../shared/adapters/dynamodb-case-repository.js';
import { DynamoDbDocumentRepository } from '../../shared/adapters/dynamodb-document-repository.js';
import { DynamoDbEnterpriseRegister } from '../../shared/adapters/dynamodb-enterprise-register.js';
import { S3BlobStore } from '../../shared/adapters/s3-blob-store.js';
import { startTextDetection, TextractOcrEngine } from '../../shared/adapters/textract-ocr-engine.js';
import { DynamoDbTextractJobLedger } from '../../shared/adapters/dynamodb-textract-job-ledger.js';
import type { ExtractedDocument } from '../../shared/documents/index.js';
import { crossCheckDocuments, extractDocuments } from '../../shared/extraction/index.js';
import { createOcrEngine } from '../../shared/ocr/create-ocr-engine.js';
import type { OcrEngine, OcrLine, OcrPage, PageImage, Raster, RegionToRead } from '../../shared/ocr/index.js';
import type { AsyncPageOcr } from '../../shared/pipeline/async-ocr.js';
import type { ClaimJudge } from '../../shared/pipeline/judge.js';
import type { PipelineLogger } from '../../shared/pipeline/logger.js';
import { createPolicyJudge } from '../../shared/pipeline/policy-judge.js';
import type { ProcessDeps } from '../../shared/pipeline/process.js';
import { createReadingPaddleEngine, pageReading } from '../../shared/reading/index.js';
import { systemClock, type BlobStore, type CaseRepository, type Clock, type DocumentRepository, type EnterpriseRegister } from '../../shared/ports/index.js';
import { lazyClients, rootParameters, rootSettings, type RootOptions } from '../compose/root-options.js';
import type { RetryLater } from './handler.js';

export interface ProcessRootOptions extends RootOptions {
  blobs?: BlobStore;
  documents?: DocumentRepository;
  cases?: CaseRepository;
  enterprises?: EnterpriseRegister;
  clock?: Clock;
  /** The OCR engine; by default the settings' engine, loaded on the first page. */
  ocr?: OcrEngine;
  judge?: ClaimJudge;
  /** Textract's asynchronous job for multi-page scans; by default when the engine is textract and its channel set. */
  asyncOcr?: AsyncPageOcr;
  logger?: PipelineLogger;
}

/**
 * An engine that loads its model on the first page, so a cold start that never reads a scan does not pay for it,
 * and one instance serves every invocation of a warm container.
 */
class LazyOcrEngine implements OcrEngine {
  #engine?: OcrEngine;
  /** Paddle reads raw pixels (a PDF page rendered without a PNG round trip); Textract needs encoded bytes. */
  readonly recognizeRaster?: (raster: Raster, pageNumber: number) => Promise<OcrPage>;
  /** Paddle reads a region of a page again for the reader's second look; Textract has no such step. */
  readonly recognizeRegion?: (raster: Raster, region: RegionToRead, pageNumber: number) => Promise<OcrLine[]>;
  constructor(
    readonly name: OcrEngine['name'],
    private readonly build: () => OcrEngine,
  ) {
    if (name === 'paddle') {
      this.recognizeRaster = async (raster, pageNumber) => {
        const engine = (this.#engine ??= this.build());
        if (!engine.recognizeRaster) throw new Error(`the ${engine.name} engine does not read raw pixels`);
        return engine.recognizeRaster(raster, pageNumber);
      };
      this.recognizeRegion = async (raster, region, pageNumber) => {
        const engine = (this.#engine ??= this.build());
        return engine.recognizeRegion ? engine.recognizeRegion(raster, region, pageNumber) : [];
      };
    }
  }
  recognize(image: PageImage): Promise<OcrPage> {
    this.#engine ??= this.build();
    return this.#engine.recognize(image);
  }
}

/**
 * Everything process uses, built from settings and the host's overrides.
 *
 * @example
 * const deps = composeProcess({ settings, endpoints, ocr: createReadingPaddleEngine({ intraOpNumThreads: 1 }) });
 * await processDocument(documentId, deps);
 */
export function composeProcess(options: ProcessRootOptions = {}): ProcessDeps {
  const settings = rootSettings(options);
  const clients = lazyClients(settings, options.endpoints);
  const textract = settings.ocrEngine === 'textract' ? new TextractClient({ region: settings.region }) : undefined;
  const channel = settings.textract;
  const asyncOcr =
    options.asyncOcr ??
    (textract && channel
      ? {
          // The document id as the client token: a redelivered message gets the same job, not a second one.
          // Written down once started, so the sweeper finds the job should its completion never arrive.
          start: async (input: { bucket: string; key: string; documentId: string; version?: string }) => {
            const jobId = await startTextDetection(
              { client: textract },
              { bucket: input.bucket, key: input.key, version: input.version, jobTag: input.documentId, clientRequestToken: input.documentId },
              channel,
            );
            const startedAt = (options.clock ?? systemClock).now().toISOString();
            await new DynamoDbTextractJobLedger(clients.db(), settings.tableName).record({ documentId: input.documentId, jobId, startedAt });
            return jobId;
          },
        }
      : undefined);
  const enterprises = options.enterprises ?? new DynamoDbEnterpriseRegister(clients.db(), settings.tableName);
  return {
    blobs: options.blobs ?? new S3BlobStore(clients.s3()),
    documents: options.documents ?? new DynamoDbDocumentRepository(clients.db(), settings.tableName),
    cases: options.cases ?? new DynamoDbCaseRepository(clients.db(), settings.tableName),
    clock: options.clock ?? systemClock,
    ocr:
      options.ocr ??
      new LazyOcrEngine(settings.ocrEngine, () =>
        createOcrEngine(settings.ocrEngine, {
          paddle: () => createReadingPaddleEngine(),
          textract: () => new TextractOcrEngine({ client: textract ?? new TextractClient({ region: settings.region }) }),
        }),
      ),
    reading: pageReading,
    extract: (pages: OcrPage[]) => extractDocuments(pages),
    crossCheck: (documents: ExtractedDocument[]) => crossCheckDocuments(documents),
    judge: options.judge ?? createPolicyJudge({ enterprises, parameters: rootParameters(settings) }),
    limits: settings.limits,
    derivedPrefix: settings.derivedPrefix,
    ocrDpi: settings.ocrDpi,
    previewDpi: settings.pagePreviewDpi,
    asyncOcr,
    logger: options.logger,
  };
}

/**
 * Shortens a failed record's wait to `seconds` (ChangeMessageVisibility on the queue the record came from), so a
 * retry does not wait out the queue's 90-minute visibility timeout.
 *
 * @example
 * const retryLater = sqsRetryLater();
 * await retryLater(record, 60);
 */
export function sqsRetryLater(client: Pick<SQSClient, 'send'> = new SQSClient({})): RetryLater {
  return async (record, seconds) => {
    await client.send(
      new ChangeMessageVisibilityCommand({ QueueUrl: queueUrlOf(record.eventSourceARN), ReceiptHandle: record.receiptHandle, VisibilityTimeout: seconds }),
    );
  };
}

/**
 * The queue URL of an SQS ARN.
 *
 * @example
 * queueUrlOf('arn:aws:sqs:ap-southeast-1:123456789012:process'); // 'https://sqs.ap-southeast-1.amazonaws.com/123456789012/process'
 */
export function queueUrlOf(arn: string): string {
  const [, partition, , region, account, name] = arn.split(':');
  const suffix = partition === 'aws-cn' ? 'amazonaws.com.cn' : 'amazonaws.com';
  return `https://sqs.${region}.${suffix}/${account}/${name}`;
}
