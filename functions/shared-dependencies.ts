/**
 * The composition root shared by the pipeline's Lambda entries (and, through them, by the embedded local stack):
 * settings from the environment, SDK clients and adapters built once per process (module scope, reused across
 * invocations), and the domain's dependencies assembled from them. Built lazily on the first invocation, so importing
 * a handler module never needs the environment — the local stack sets it first, tests override pieces.
 */
import { SQSClient } from '@aws-sdk/client-sqs';
import { TextractClient } from '@aws-sdk/client-textract';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { LogAttributes } from '@aws-lambda-powertools/logger/types';
import { createDynamoDbDocumentClient, createS3Client } from '../shared/adapters/aws-clients.js';
import { DynamoDbBatchStore } from '../shared/adapters/dynamodb-batch-store.js';
import { DynamoDbCaseRepository } from '../shared/adapters/dynamodb-case-repository.js';
import { DynamoDbDocumentRepository } from '../shared/adapters/dynamodb-document-repository.js';
import { DynamoDbEmailRecordStore } from '../shared/adapters/dynamodb-email-record-store.js';
import { DynamoDbEnterpriseRegister } from '../shared/adapters/dynamodb-enterprise-register.js';
import { takeInEmail } from '../shared/email/take-in-email.js';
import { S3BlobStore } from '../shared/adapters/s3-blob-store.js';
import { SqsWorkQueue } from '../shared/adapters/sqs-work-queue.js';
import { startTextDetection, TextractOcrEngine } from '../shared/adapters/textract-ocr-engine.js';
import type { ExtractedDocument } from '../shared/documents/index.js';
import { crossCheckDocuments, extractDocuments } from '../shared/extraction/index.js';
import { createLogger } from '../shared/logging/index.js';
import { createOcrEngine } from '../shared/ocr/create-ocr-engine.js';
import type { OcrEngine, OcrPage, PageImage, Raster } from '../shared/ocr/index.js';
import type { AsyncPageOcr, CompleteAsyncOcrDeps } from '../shared/pipeline/async-ocr.js';
import type { IngestDeps } from '../shared/pipeline/ingest.js';
import type { PipelineLogger } from '../shared/pipeline/logger.js';
import type { ClaimJudge } from '../shared/pipeline/judge.js';
import { createPolicyJudge } from '../shared/pipeline/policy-judge.js';
import type { ProcessDeps } from '../shared/pipeline/process.js';
import type { BlobStore, CaseRepository, Clock, DocumentRepository, EnterpriseRegister, WorkQueue } from '../shared/ports/index.js';
import { systemClock } from '../shared/ports/index.js';
import type { ExtractDocuments } from '../shared/reading/read-file.js';
import { inspectFile } from '../shared/reading/inspect-file.js';
import { loadSettings, type Settings } from './settings.js';

export interface PipelineDependencies {
  settings: Settings;
  blobs: BlobStore;
  documents: DocumentRepository;
  cases: CaseRepository;
  enterprises?: EnterpriseRegister;
  /** The process queue; SQS when `PROCESS_QUEUE_URL` is set, otherwise whatever the host plugs in (the local queue). */
  queue: WorkQueue;
  clock: Clock;
  ocr: OcrEngine;
  extract: ExtractDocuments;
  crossCheck: (documents: ExtractedDocument[]) => ExtractedDocument[];
  judge: ClaimJudge;
  /** Textract's asynchronous job for multi-page scans, when the engine is `textract` and its SNS channel is set. */
  asyncOcr?: AsyncPageOcr;
  /** The Textract client, when the engine is `textract` (the completion handler pages through results with it). */
  textract?: TextractClient;
}

/** No queue is configured: neither `PROCESS_QUEUE_URL` nor a queue plugged in by the host. */
export class QueueNotConfiguredError extends Error {
  constructor() {
    super('no process queue: set PROCESS_QUEUE_URL, or plug a queue in with configurePipeline({ queue }) / useWorkQueue(queue)');
    this.name = 'QueueNotConfiguredError';
  }
}

/**
 * An engine that loads its model on the first page, so a cold start of a function that never reads (ingest, the
 * dead-letter handler) does not pay for it, and one instance serves every invocation of a warm container.
 */
class LazyOcrEngine implements OcrEngine {
  #engine?: OcrEngine;
  /** Paddle reads raw pixels (a PDF page rendered without a PNG round trip); Textract needs encoded bytes. */
  readonly recognizeRaster?: (raster: Raster, pageNumber: number) => Promise<OcrPage>;
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
    }
  }
  recognize(image: PageImage): Promise<OcrPage> {
    this.#engine ??= this.build();
    return this.#engine.recognize(image);
  }
}

let overrides: Partial<PipelineDependencies> = {};
let built: PipelineDependencies | undefined;

/**
 * Replaces pieces of the pipeline's dependencies (the embedded stack plugs in its queue; tests their fakes). Takes
 * effect on the next `pipelineDependencies()` call.
 *
 * @example
 * configurePipeline({ queue: localQueue });
 */
export function configurePipeline(replacements: Partial<PipelineDependencies>): void {
  overrides = { ...overrides, ...replacements };
  built = undefined;
}

/**
 * Drops every override and the built dependencies (tests).
 *
 * @example
 * resetPipeline();
 */
export function resetPipeline(): void {
  overrides = {};
  built = undefined;
}

/**
 * The dependencies, built on first use from the environment and the overrides.
 *
 * @example
 * const { documents, settings } = pipelineDependencies();
 */
export function pipelineDependencies(): PipelineDependencies {
  if (built) return built;
  const settings = overrides.settings ?? loadSettings();
  const needs = <K extends keyof PipelineDependencies>(key: K, make: () => PipelineDependencies[K]): PipelineDependencies[K] =>
    key in overrides ? (overrides[key] as PipelineDependencies[K]) : make();
  let client: ReturnType<typeof createDynamoDbDocumentClient> | undefined;
  // One document client for every repository: one connection pool per container.
  const db = () => (client ??= createDynamoDbDocumentClient({ region: settings.region }));
  const queue = needs('queue', () => {
    if (!settings.processQueueUrl) throw new QueueNotConfiguredError();
    return new SqsWorkQueue(new SQSClient({ region: settings.region }), settings.processQueueUrl);
  });
  const enterprises = needs('enterprises', () => new DynamoDbEnterpriseRegister(db(), settings.tableName));
  const textract = settings.ocrEngine === 'textract' ? needs('textract', () => new TextractClient({ region: settings.region })) : undefined;
  const channel = settings.textract;
  const asyncOcr = needs('asyncOcr', () =>
    textract && channel
      ? {
          // The document id as the client token: a redelivered message gets the same job, not a second one.
          start: (input: { bucket: string; key: string; documentId: string; version?: string }) =>
            startTextDetection(
              { client: textract },
              { bucket: input.bucket, key: input.key, version: input.version, jobTag: input.documentId, clientRequestToken: input.documentId },
              channel,
            ),
        }
      : undefined,
  );
  built = {
    settings,
    textract,
    asyncOcr,
    blobs: needs('blobs', () => new S3BlobStore(createS3Client({ region: settings.region }))),
    documents: needs('documents', () => new DynamoDbDocumentRepository(db(), settings.tableName)),
    cases: needs('cases', () => new DynamoDbCaseRepository(db(), settings.tableName)),
    enterprises,
    queue,
    clock: needs('clock', () => systemClock),
    ocr: needs(
      'ocr',
      () =>
        new LazyOcrEngine(settings.ocrEngine, () =>
          createOcrEngine(settings.ocrEngine, { textract: () => new TextractOcrEngine({ client: textract ?? new TextractClient({ region: settings.region }) }) }),
        ),
    ),
    extract: needs('extract', () => (pages: OcrPage[]) => extractDocuments(pages)),
    crossCheck: needs('crossCheck', () => (documents: ExtractedDocument[]) => crossCheckDocuments(documents)),
    judge: needs('judge', () => createPolicyJudge({ enterprises })),
  };
  return built;
}

/**
 * What the ingest stage needs, from the pipeline's dependencies.
 *
 * @example
 * await ingestObject(object, ingestDependencies(pipelineDependencies()));
 */
export function ingestDependencies(deps: PipelineDependencies, logger?: Logger): IngestDeps {
  return {
    blobs: deps.blobs,
    documents: deps.documents,
    queue: deps.queue,
    clock: deps.clock,
    limits: deps.settings.limits,
    inspect: inspectFile,
    logger: logger && asPipelineLogger(logger),
    // Uploaded ZIPs (a training body's certificates) are expanded into incoming/; `INTAKE_EXPAND_ARCHIVES=false`
    // refuses them instead. Needs ingest to be allowed to write incoming/.
    archives: process.env.INTAKE_EXPAND_ARCHIVES === 'false' ? undefined : {},
    // An .eml dropped into the inbox (or uploaded as a document) goes to the e-mail intake.
    emailIntake: (object) => {
      emailRecords ??= new DynamoDbEmailRecordStore(createDynamoDbDocumentClient({ region: deps.settings.region }), deps.settings.tableName);
      return takeInEmail(object, { blobs: deps.blobs, emails: emailRecords, clock: deps.clock, maxFileBytes: deps.settings.limits.maxFileBytes }, { anyPrefix: true });
    },
    batchInstitution: async (batchId) => {
      batchStore ??= new DynamoDbBatchStore(createDynamoDbDocumentClient({ region: deps.settings.region }), deps.settings.tableName);
      return (await batchStore.get(batchId))?.institutionId;
    },
  };
}

let batchStore: DynamoDbBatchStore | undefined;

let emailRecords: DynamoDbEmailRecordStore | undefined;

/**
 * What the process stage needs, from the pipeline's dependencies.
 *
 * @example
 * await processDocument(documentId, processDependencies(pipelineDependencies()));
 */
export function processDependencies(deps: PipelineDependencies, logger?: Logger): ProcessDeps {
  return {
    blobs: deps.blobs,
    documents: deps.documents,
    cases: deps.cases,
    clock: deps.clock,
    ocr: deps.ocr,
    extract: deps.extract,
    crossCheck: deps.crossCheck,
    judge: deps.judge,
    limits: deps.settings.limits,
    derivedPrefix: deps.settings.derivedPrefix,
    ocrDpi: deps.settings.ocrDpi,
    previewDpi: deps.settings.pagePreviewDpi,
    asyncOcr: deps.asyncOcr,
    logger: logger && asPipelineLogger(logger),
  };
}

/**
 * What the asynchronous-OCR completion needs, from the pipeline's dependencies.
 *
 * @example
 * await completeAsyncOcr(result, completionDependencies(pipelineDependencies()));
 */
export function completionDependencies(deps: PipelineDependencies, logger?: Logger): CompleteAsyncOcrDeps {
  return {
    blobs: deps.blobs,
    documents: deps.documents,
    queue: deps.queue,
    clock: deps.clock,
    derivedPrefix: deps.settings.derivedPrefix,
    logger: logger && asPipelineLogger(logger),
  };
}

/**
 * The logger of one function, PII-masked.
 *
 * @example
 * const logger = functionLogger('ingest');
 */
export function functionLogger(name: string): Logger {
  return createLogger({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'skill-subsidy-intake', persistentKeys: { stage: name } });
}

/**
 * The domain's logger port over a Powertools Logger (records stay PII-masked by the logger itself).
 *
 * @example
 * const log = asPipelineLogger(functionLogger('process'));
 */
export function asPipelineLogger(logger: Logger): PipelineLogger {
  return {
    info: (message, attributes) => logger.info(message, (attributes ?? {}) as LogAttributes),
    warn: (message, attributes) => logger.warn(message, (attributes ?? {}) as LogAttributes),
    error: (message, attributes) => logger.error(message, (attributes ?? {}) as LogAttributes),
  };
}
