/**
 * The settings every Lambda entry (and the local stack, which runs the same handlers) reads from its environment.
 * Validated once with zod so a missing variable fails at the first invocation with a clear message, not halfway
 * through a batch.
 */
import { z } from 'zod';
import { DEFAULT_INTAKE_LIMITS, intakeLimitsSchema } from '../shared/intake/limits.js';
import { BucketPrefix } from '../shared/storage/layout.js';

const positiveInt = z.coerce.number().int().positive();

export const settingsSchema = z.object({
  tableName: z.string().min(1),
  bucket: z.string().min(1),
  /** SQS queue of the process stage. Absent locally, where the embedded stack plugs in its own queue. */
  processQueueUrl: z.string().url().optional(),
  ocrEngine: z.enum(['paddle', 'textract']).default('paddle'),
  region: z.string().min(1).default('us-east-1'),
  limits: intakeLimitsSchema,
  /** Where ingest and process keep derived files (page images, OCR results); the bucket's lifecycle expires them. */
  derivedPrefix: z.string().min(1).default(BucketPrefix.derived),
  /** Resolution of the page images kept for the clerk's page view (0 = keep none). OCR renders at its own dpi. */
  pagePreviewDpi: z.coerce.number().int().nonnegative().default(96),
  /** Resolution scanned PDF pages are rendered at for OCR. */
  ocrDpi: positiveInt.default(200),
  textract: z.object({ snsTopicArn: z.string().min(1), roleArn: z.string().min(1) }).optional(),
  serviceName: z.string().default('skill-subsidy-intake'),
  /** Days a closed case (paid, rejected, declined) stays before the table's TTL removes it; 0 keeps closed cases. */
  closedCaseRetentionDays: z.coerce.number().int().nonnegative().default(0),
  /** The policy parameter files' directory (a Lambda bundle's copy); absent: the files shipped beside the rules. */
  policyParametersDir: z.string().min(1).optional(),
});
export type Settings = z.infer<typeof settingsSchema>;

const optional = (value: string | undefined): string | undefined => (value === undefined || value.trim() === '' ? undefined : value.trim());

/**
 * Reads the settings from environment variables:
 * `INTAKE_TABLE_NAME`, `INTAKE_BUCKET` (required), `PROCESS_QUEUE_URL`, `OCR_ENGINE` (`paddle` | `textract`),
 * `AWS_REGION`, `INTAKE_MAX_FILE_BYTES`, `INTAKE_MAX_PDF_PAGES`, `INTAKE_MAX_IMAGE_PIXELS`, `INTAKE_DERIVED_PREFIX`,
 * `INTAKE_PAGE_PREVIEW_DPI`, `INTAKE_OCR_DPI`, `TEXTRACT_SNS_TOPIC_ARN` + `TEXTRACT_ROLE_ARN`,
 * `POWERTOOLS_SERVICE_NAME`, `INTAKE_POLICY_PARAMETERS_DIR`. SDK endpoints are not settings: the SDK reads `AWS_ENDPOINT_URL_DYNAMODB` /
 * `AWS_ENDPOINT_URL_S3` itself.
 *
 * @example
 * const settings = loadSettings({ INTAKE_TABLE_NAME: 'intake', INTAKE_BUCKET: 'intake-bucket' });
 * settings.limits.maxPdfPages; // 200
 */
export function loadSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const topic = optional(env.TEXTRACT_SNS_TOPIC_ARN);
  const role = optional(env.TEXTRACT_ROLE_ARN);
  const parsed = settingsSchema.safeParse({
    tableName: optional(env.INTAKE_TABLE_NAME),
    bucket: optional(env.INTAKE_BUCKET),
    processQueueUrl: optional(env.PROCESS_QUEUE_URL),
    ocrEngine: optional(env.OCR_ENGINE),
    region: optional(env.AWS_REGION) ?? optional(env.AWS_DEFAULT_REGION),
    limits: {
      maxFileBytes: Number(optional(env.INTAKE_MAX_FILE_BYTES) ?? DEFAULT_INTAKE_LIMITS.maxFileBytes),
      maxPdfPages: Number(optional(env.INTAKE_MAX_PDF_PAGES) ?? DEFAULT_INTAKE_LIMITS.maxPdfPages),
      maxImagePixels: Number(optional(env.INTAKE_MAX_IMAGE_PIXELS) ?? DEFAULT_INTAKE_LIMITS.maxImagePixels),
    },
    derivedPrefix: optional(env.INTAKE_DERIVED_PREFIX),
    pagePreviewDpi: optional(env.INTAKE_PAGE_PREVIEW_DPI),
    ocrDpi: optional(env.INTAKE_OCR_DPI),
    textract: topic && role ? { snsTopicArn: topic, roleArn: role } : undefined,
    serviceName: optional(env.POWERTOOLS_SERVICE_NAME),
    closedCaseRetentionDays: optional(env.INTAKE_CLOSED_CASE_RETENTION_DAYS),
    policyParametersDir: optional(env.INTAKE_POLICY_PARAMETERS_DIR),
  });
  if (!parsed.success) {
    throw new SettingsError(z.prettifyError(parsed.error));
  }
  return parsed.data;
}

/** The environment does not describe a usable configuration. */
export class SettingsError extends Error {
  constructor(detail: string) {
    super(`invalid intake settings from the environment:\n${detail}`);
    this.name = 'SettingsError';
  }
}
