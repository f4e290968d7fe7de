import {
  DetectDocumentTextCommand,
  GetDocumentTextDetectionCommand,
  StartDocumentTextDetectionCommand,
  type Block,
  type GetDocumentTextDetectionCommandOutput,
  type TextractClient,
} from '@aws-sdk/client-textract';
import sharp from 'sharp';
import { z } from 'zod';
import { OcrEngineFailedError, OcrImageUnreadableError, OcrJobFailedError, OcrThrottledError } from '../ocr/errors.js';
import type { OcrEngine, PageImage } from '../ocr/ocr-engine.js';
import type { OcrPage } from '../documents/ocr-page.js';
import { textractBlocksToPages, type PagePixels } from './textract-blocks.js';

const ENGINE = 'textract';
const THROTTLING_ERRORS = new Set(['ProvisionedThroughputExceededException', 'ThrottlingException', 'LimitExceededException']);
const UNREADABLE_ERRORS = new Set(['BadDocumentException', 'UnsupportedDocumentException', 'DocumentTooLargeException']);

/** How throttled calls are retried: exponential backoff with full jitter, then `OcrThrottledError`. */
export interface RetryPolicy {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_TEXTRACT_RETRY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 250, maxDelayMs: 8_000 };

export interface TextractDeps {
  /** Built by the composition root (region, endpoint, credentials are its business). */
  client: TextractClient;
  retry?: RetryPolicy;
  /** Injected so tests do not wait on the wall clock. */
  sleep?: (ms: number) => Promise<void>;
  /** Injected so backoff is deterministic in tests. */
  random?: () => number;
}

function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : undefined;
}

/**
 * Calls `send` and retries it while Textract throttles; other errors pass through untouched.
 *
 * @example
 * const output = await withThrottlingRetry(() => client.send(command), deps);
 */
export async function withThrottlingRetry<T>(send: () => Promise<T>, deps: Omit<TextractDeps, 'client'> = {}): Promise<T> {
  const policy = deps.retry ?? DEFAULT_TEXTRACT_RETRY;
  const sleep = deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = deps.random ?? Math.random;
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (!THROTTLING_ERRORS.has(errorName(error) ?? '')) throw error;
      if (attempt >= policy.maxAttempts) throw new OcrThrottledError(ENGINE, attempt, { cause: error });
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      await sleep(Math.round(random() * ceiling));
    }
  }
}

/**
 * Amazon Textract as an `OcrEngine` for images and single pages (`DetectDocumentText`, synchronous). Selectable
 * with `OCR_ENGINE=textract`; see docs/adr/0001-ocr-engine.md for why it is not the default for Chinese documents.
 *
 * @example
 * const engine = new TextractOcrEngine({ client: new TextractClient({}) });
 * const page = await engine.recognize({ bytes: png, pageNumber: 1 });
 */
export class TextractOcrEngine implements OcrEngine {
  readonly name = 'textract' as const;
  readonly #deps: TextractDeps;

  constructor(deps: TextractDeps) {
    this.#deps = deps;
  }

  async recognize(image: PageImage): Promise<OcrPage> {
    const { bytes, pixels } = await uprightImage(image);
    let blocks: Block[];
    try {
      const output = await withThrottlingRetry(() => this.#deps.client.send(new DetectDocumentTextCommand({ Document: { Bytes: bytes } })), this.#deps);
      blocks = output.Blocks ?? [];
    } catch (error) {
      throw mapTextractError(error, image.pageNumber);
    }
    const [page] = textractBlocksToPages(blocks, () => pixels);
    const read = page ?? { pageNumber: 1, ...pixels, rotation: 0 as const, source: 'textract' as const, lines: [] };
    return { ...read, pageNumber: image.pageNumber };
  }
}

/** Textract reads the stored pixels and ignores EXIF, so a photo carrying an orientation tag is turned first. */
async function uprightImage(image: PageImage): Promise<{ bytes: Uint8Array; pixels: PagePixels }> {
  try {
    const metadata = await sharp(image.bytes).metadata();
    if (!metadata.width || !metadata.height) throw new Error('image has no size');
    if (metadata.orientation && metadata.orientation > 1) {
      const { data, info } = await sharp(image.bytes).rotate().png().toBuffer({ resolveWithObject: true });
      return { bytes: new Uint8Array(data), pixels: { width: info.width, height: info.height } };
    }
    return { bytes: image.bytes, pixels: { width: metadata.width, height: metadata.height } };
  } catch (error) {
    throw new OcrImageUnreadableError(image.pageNumber, { cause: error });
  }
}

function mapTextractError(error: unknown, pageNumber: number): Error {
  if (error instanceof OcrThrottledError) return error;
  const name = errorName(error) ?? 'Error';
  if (UNREADABLE_ERRORS.has(name)) return new OcrImageUnreadableError(pageNumber, { cause: error });
  return new OcrEngineFailedError(ENGINE, name, { cause: error });
}

/** Where Textract posts completion (from settings: the SNS topic and the role Textract assumes to publish). */
export interface TextractNotificationSettings {
  snsTopicArn: string;
  roleArn: string;
}

export interface StartTextDetectionInput {
  bucket: string;
  key: string;
  version?: string;
  /** Returned in the completion notification; the document id, so the notification finds its document. */
  jobTag?: string;
  /** Idempotency token: a redelivered start returns the same JobId instead of a second job. */
  clientRequestToken?: string;
}

/**
 * Starts asynchronous text detection of a multi-page PDF in S3; Textract posts completion to the SNS topic.
 *
 * @example
 * const jobId = await startTextDetection(deps, { bucket, key, jobTag: documentId }, { snsTopicArn, roleArn });
 */
export async function startTextDetection(deps: TextractDeps, input: StartTextDetectionInput, notification: TextractNotificationSettings): Promise<string> {
  try {
    const output = await withThrottlingRetry(
      () =>
        deps.client.send(
          new StartDocumentTextDetectionCommand({
            DocumentLocation: {
              S3Object: { Bucket: input.bucket, Name: input.key, ...(input.version ? { Version: input.version } : {}) },
            },
            NotificationChannel: { SNSTopicArn: notification.snsTopicArn, RoleArn: notification.roleArn },
            ...(input.jobTag ? { JobTag: input.jobTag } : {}),
            ...(input.clientRequestToken ? { ClientRequestToken: input.clientRequestToken } : {}),
          }),
        ),
      deps,
    );
    if (!output.JobId) throw new Error('StartDocumentTextDetection returned no JobId');
    return output.JobId;
  } catch (error) {
    throw mapTextractError(error, 1);
  }
}

/** The completion message Textract publishes to SNS (the SNS record's `Message`, a JSON string). */
export const textractCompletionSchema = z.object({
  JobId: z.string().min(1),
  // The documented values are SUCCEEDED, FAILED and ERROR; PARTIAL_SUCCESS is accepted in case it is ever sent.
  Status: z.enum(['SUCCEEDED', 'PARTIAL_SUCCESS', 'FAILED', 'ERROR']),
  API: z.string(),
  JobTag: z.string().optional(),
  Timestamp: z.number().optional(),
  DocumentLocation: z.object({ S3ObjectName: z.string(), S3Bucket: z.string() }).optional(),
});
export type TextractCompletion = z.infer<typeof textractCompletionSchema>;

/**
 * Parses Textract's completion notification (the SNS message text or the already parsed object).
 *
 * @example
 * const completion = parseTextractCompletion(snsRecord.Sns.Message);
 */
export function parseTextractCompletion(message: string | unknown): TextractCompletion {
  return textractCompletionSchema.parse(typeof message === 'string' ? JSON.parse(message) : message);
}

export interface TextDetectionResult {
  jobId: string;
  /** Pages read, in page order. */
  pages: OcrPage[];
  /** Pages Textract could not read (PARTIAL_SUCCESS warnings, or absent from the results): never silently dropped. */
  missingPages: number[];
  /** Textract's warnings as given, for the audit trail. */
  warnings: { errorCode: string; pages: number[] }[];
}

/**
 * Given the completion notification, pages through `GetDocumentTextDetection` (NextToken) and returns the pages.
 * `FAILED`/`ERROR` → `OcrJobFailedError` with Textract's StatusMessage; `PARTIAL_SUCCESS` → the pages its warnings
 * list (and any page with no blocks) are reported in `missingPages`.
 *
 * @example
 * const { pages, missingPages } = await collectTextDetection(deps, completion, (n) => pageSizes[n - 1]);
 */
export async function collectTextDetection(
  deps: TextractDeps,
  completion: TextractCompletion,
  pixelsOf: (pageNumber: number) => PagePixels,
): Promise<TextDetectionResult> {
  const blocks: Block[] = [];
  const warnings = new Map<string, Set<number>>();
  let pageCount = 0;
  let nextToken: string | undefined;
  do {
    let output: GetDocumentTextDetectionCommandOutput;
    try {
      output = await withThrottlingRetry(
        () => deps.client.send(new GetDocumentTextDetectionCommand({ JobId: completion.JobId, ...(nextToken ? { NextToken: nextToken } : {}) })),
        deps,
      );
    } catch (error) {
      throw mapTextractError(error, 1);
    }
    const status = output.JobStatus ?? completion.Status;
    const failed = [status, completion.Status].find((s) => s === 'FAILED' || s === 'ERROR');
    if (failed) throw new OcrJobFailedError(ENGINE, completion.JobId, failed, output.StatusMessage);
    if (status === 'IN_PROGRESS') {
      throw new OcrJobFailedError(ENGINE, completion.JobId, status, 'results requested before the job finished');
    }
    pageCount = Math.max(pageCount, output.DocumentMetadata?.Pages ?? 0);
    blocks.push(...(output.Blocks ?? []));
    for (const warning of output.Warnings ?? []) {
      const code = warning.ErrorCode ?? 'UNKNOWN';
      const pages = warnings.get(code) ?? new Set<number>();
      for (const page of warning.Pages ?? []) pages.add(page);
      warnings.set(code, pages);
    }
    nextToken = output.NextToken;
  } while (nextToken);

  const pages = textractBlocksToPages(blocks, pixelsOf);
  const read = new Set(pages.map((page) => page.pageNumber));
  const warned = new Set([...warnings.values()].flatMap((set) => [...set]));
  const missing = new Set(warned);
  for (let pageNumber = 1; pageNumber <= pageCount; pageNumber++) if (!read.has(pageNumber)) missing.add(pageNumber);
  return {
    jobId: completion.JobId,
    pages: pages.filter((page) => !warned.has(page.pageNumber)),
    missingPages: [...missing].sort((a, b) => a - b),
    warnings: [...warnings].map(([errorCode, set]) => ({ errorCode, pages: [...set].sort((a, b) => a - b) })),
  };
}
