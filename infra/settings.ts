import type { Node } from 'constructs';
import { z } from 'zod';

/** OCR engines the process function can be told to use (`OCR_ENGINE`). */
export const OcrEngineName = z.enum(['paddle', 'textract']);
export type OcrEngineName = z.infer<typeof OcrEngineName>;

// Context values arrive as strings from `cdk -c key=value` and as JSON from cdk.json: accept both.
const positiveInt = z.coerce.number().int().positive();
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

/**
 * Deployment settings read from CDK context (cdk.json or `-c`), validated once so a typo fails the synth, not the
 * deployment.
 */
export const InfraSettings = z.object({
  ocrEngine: OcrEngineName.default('paddle'),
  /** When set, SES receives mail for this domain and stores it under `email/` in the intake bucket. */
  receivingDomain: optionalText.pipe(
    z
      .string()
      .regex(/^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/i, 'receivingDomain must be a domain name')
      .optional(),
  ),
  /**
   * Custom domain name the clerk page is served under (an alternate domain name on its CloudFront distribution), when
   * there is one; its origin may read page images from the intake bucket (CORS) beside `https://*.cloudfront.net`.
   */
  clerkSiteDomain: optionalText.pipe(
    z
      .string()
      .regex(/^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/i, 'clerkSiteDomain must be a domain name')
      .optional(),
  ),
  /**
   * Prefix of the Cognito hosted sign-in domain (`https://{prefix}.auth.{region}.amazoncognito.com`). Unique per
   * region across all AWS accounts, so a deployment that finds it taken sets its own with `-c authDomainPrefix=…`.
   */
  authDomainPrefix: z
    .string()
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/, 'authDomainPrefix must be lowercase letters, digits and inner hyphens (at most 63)')
    .refine((prefix) => !/aws|amazon|cognito/.test(prefix), 'authDomainPrefix may not contain aws, amazon or cognito (Cognito refuses it)')
    .default('xihu-skill-subsidy-intake'),
  /**
   * When set, `http://localhost:{port}/` is also an allowed sign-in callback and sign-out URL, so a page served by a
   * developer's `npm start` can sign in against the deployed user pool. Cognito allows plain HTTP for localhost only
   * and has no port wildcard, hence one port.
   */
  authLocalhostPort: z.preprocess((value) => (value === '' ? undefined : value), z.coerce.number().int().min(1).max(65_535).optional()),
  /**
   * ACM certificate (in us-east-1, as CloudFront requires) for `clerkSiteDomain`: with both set the distribution
   * answers on the domain (alternate name + certificate); a domain without a certificate fails the synth.
   */
  clerkSiteCertificateArn: optionalText,
  /**
   * The clerk page's origin when it has no custom domain (`https://dxxxx.cloudfront.net`, known after the first
   * deployment): the only origin the intake bucket's CORS then allows. Without either, any CloudFront domain is
   * allowed and the synth warns.
   */
  clerkPageOrigin: optionalText.pipe(
    z
      .string()
      .regex(/^https:\/\/[a-z0-9.-]+$/i, 'clerkPageOrigin must be https://host')
      .optional(),
  ),
  /**
   * A regional custom domain for the review API (with `apiCertificateArn`, a regional ACM certificate): CloudFront
   * then reaches the API by it and the execute-api endpoint is disabled, so the API is reachable only through the page.
   */
  apiDomain: optionalText.pipe(
    z
      .string()
      .regex(/^(?=.{1,253}$)([a-z0-9-]+\.)+[a-z]{2,}$/i, 'apiDomain must be a domain name')
      .optional(),
  ),
  apiCertificateArn: optionalText,
  /** Steady requests per second the API stage accepts (a province's clerks: see docs/capacity.md). */
  apiRateLimit: positiveInt.default(200),
  apiBurstLimit: positiveInt.default(400),
  /** Concurrency reserved for the review API, so an ingest or OCR burst cannot take every execution from clerks. */
  apiReservedConcurrency: positiveInt.default(100),
  /** Most concurrent ingest executions (a 1,000-certificate batch arrives as 1,000 S3 events at once). */
  ingestReservedConcurrency: positiveInt.default(20),
  /**
   * Days a closed case (paid, rejected, declined) stays in the table after it closed: given to the API as
   * `INTAKE_CLOSED_CASE_RETENTION_DAYS`, written as the table's TTL attribute. 0 keeps closed cases.
   */
  closedCaseRetentionDays: z.coerce.number().int().nonnegative().default(0),
  /** Optional address subscribed to the alarm topic. */
  alarmEmail: optionalText.pipe(z.email().optional()),
  derivedExpirationDays: positiveInt.default(365),
  noncurrentVersionExpirationDays: positiveInt.default(90),
  /** Deliveries before a message is dead-lettered: transient failures retry with backoff up to this many times. */
  processMaxReceiveCount: positiveInt.default(10),
  processMaxConcurrency: z.coerce.number().int().min(2).max(1000).default(4),
  logRetentionDays: positiveInt.default(180),
  /** Minutes a Textract job may go without its completion before the sweeper asks Textract about it. */
  textractSweepAfterMinutes: positiveInt.default(60),
  /** Hours after which a Textract job still running is given up: its document is marked failed (`ocr_job_lost`). */
  textractGiveUpAfterHours: positiveInt.default(24),
});
export type InfraSettings = z.infer<typeof InfraSettings>;

const CONTEXT_KEYS = Object.keys(InfraSettings.shape) as (keyof InfraSettings)[];

/**
 * Reads and validates the deployment settings from a construct tree's context.
 *
 * @example
 * const settings = readInfraSettings(app.node);
 * settings.ocrEngine; // 'paddle' unless `-c ocrEngine=textract`
 */
export function readInfraSettings(node: Node): InfraSettings {
  const raw = Object.fromEntries(CONTEXT_KEYS.map((key) => [key, node.tryGetContext(key)]));
  const parsed = InfraSettings.safeParse(raw);
  if (!parsed.success) {
    throw new Error(`Invalid CDK context: ${z.prettifyError(parsed.error)}`);
  }
  if (parsed.data.clerkSiteDomain && !parsed.data.clerkSiteCertificateArn) {
    throw new Error('Invalid CDK context: clerkSiteDomain needs clerkSiteCertificateArn (an ACM certificate in us-east-1)');
  }
  if (Boolean(parsed.data.apiDomain) !== Boolean(parsed.data.apiCertificateArn)) {
    throw new Error('Invalid CDK context: apiDomain and apiCertificateArn go together');
  }
  return parsed.data;
}
