/**
 * **email** — S3 ObjectCreated events of the intake bucket's `email/` prefix, where SES's receipt rule (or
 * `intake email`, locally) stores raw messages. Reads each message, stores its usable files under `incoming/` (which
 * ingest picks up) and records the message (shared/email/take-in-email.ts). A record that fails for a reason other
 * than the message itself fails the invocation, so S3's asynchronous invocation retries it, then the e-mail DLQ.
 */
import { SESv2Client } from '@aws-sdk/client-sesv2';
import type { Context } from 'aws-lambda';
import { createDynamoDbDocumentClient, createS3Client } from '../../shared/adapters/aws-clients.js';
import { DynamoDbEmailRecordStore } from '../../shared/adapters/dynamodb-email-record-store.js';
import { S3BlobStore } from '../../shared/adapters/s3-blob-store.js';
import { SesReplySender } from '../../shared/adapters/ses-reply-sender.js';
import { takeInEmail, type EmailIntakeDeps, type EmailOutcome } from '../../shared/email/index.js';
import { createdObjects, s3EventSchema } from '../../shared/pipeline/events.js';
import { systemClock } from '../../shared/ports/index.js';
import { asPipelineLogger, functionLogger } from '../shared-dependencies.js';
import { loadSettings } from '../settings.js';
import { resolveLookupSecret } from '../lookup-secret.js';

await resolveLookupSecret();

const logger = functionLogger('email');

let built: EmailIntakeDeps | undefined;

/**
 * The e-mail intake's dependencies from the environment (`INTAKE_TABLE_NAME`, `INTAKE_BUCKET`, and
 * `INTAKE_REPLY_FROM` when SES may send replies), built once per container.
 *
 * @example
 * const deps = emailDependencies();
 */
export function emailDependencies(env: NodeJS.ProcessEnv = process.env): EmailIntakeDeps {
  if (built) return built;
  const settings = loadSettings(env);
  const replyFrom = env.INTAKE_REPLY_FROM?.trim() || undefined;
  built = {
    blobs: new S3BlobStore(createS3Client({ region: settings.region })),
    emails: new DynamoDbEmailRecordStore(createDynamoDbDocumentClient({ region: settings.region }), settings.tableName),
    clock: systemClock,
    maxFileBytes: settings.limits.maxFileBytes,
    replyFrom,
    replies: replyFrom ? new SesReplySender(new SESv2Client({ region: settings.region })) : undefined,
    logger: asPipelineLogger(logger),
  };
  return built;
}

/**
 * An e-mail handler over the given dependencies (the exported `handler` uses the environment's).
 *
 * @example
 * const email = createEmailHandler(() => ({ blobs, emails, clock, maxFileBytes: 50 * 1024 * 1024 }));
 * await email(s3Event);
 */
export function createEmailHandler(resolve: () => EmailIntakeDeps) {
  return async (event: unknown, context?: Context): Promise<{ outcomes: EmailOutcome[] }> => {
    if (context) logger.addContext(context);
    if ((event as { Event?: unknown } | null)?.Event === 's3:TestEvent') return { outcomes: [] };
    const objects = createdObjects(s3EventSchema.parse(event));
    const deps = resolve();
    const outcomes: EmailOutcome[] = [];
    const failures: unknown[] = [];
    for (const object of objects) {
      try {
        outcomes.push(await takeInEmail(object, deps));
      } catch (error) {
        logger.error('e-mail intake failed; the event will be retried', { bucket: object.bucket, key: object.key, error: error as Error });
        failures.push(error);
      }
    }
    if (failures.length > 0) throw new AggregateError(failures, `${failures.length} of ${objects.length} message(s) could not be taken in`);
    return { outcomes };
  };
}

export const handler = createEmailHandler(() => emailDependencies());
