/**
 * Composition root of **email**: S3, the e-mail records and, when `INTAKE_REPLY_FROM` is set, SES for replies.
 * Reading a message needs mailparser only: no OCR runtime, no mupdf, no sharp.
 */
import { SESv2Client } from '@aws-sdk/client-sesv2';
import { DynamoDbEmailRecordStore } from '../../shared/adapters/dynamodb-email-record-store.js';
import { S3BlobStore } from '../../shared/adapters/s3-blob-store.js';
import { SesReplySender } from '../../shared/adapters/ses-reply-sender.js';
import type { EmailIntakeDeps } from '../../shared/email/index.js';
import { systemClock } from '../../shared/ports/index.js';
import { lazyClients, rootSettings, type RootOptions } from '../compose/root-options.js';

export interface EmailRootOptions extends RootOptions, Partial<EmailIntakeDeps> {}

/**
 * The e-mail intake's dependencies (`INTAKE_TABLE_NAME`, `INTAKE_BUCKET`, and `INTAKE_REPLY_FROM` when SES may send
 * replies), with the host's overrides.
 *
 * @example
 * const deps = composeEmail({ settings, endpoints });
 */
export function composeEmail(options: EmailRootOptions = {}): EmailIntakeDeps {
  const settings = rootSettings(options);
  const env = options.env ?? process.env;
  const clients = lazyClients(settings, options.endpoints);
  const replyFrom = options.replyFrom ?? (env.INTAKE_REPLY_FROM?.trim() || undefined);
  return {
    blobs: options.blobs ?? new S3BlobStore(clients.s3()),
    emails: options.emails ?? new DynamoDbEmailRecordStore(clients.db(), settings.tableName),
    clock: options.clock ?? systemClock,
    maxFileBytes: options.maxFileBytes ?? settings.limits.maxFileBytes,
    replyFrom,
    replies: options.replies ?? (replyFrom ? new SesReplySender(new SESv2Client({ region: settings.region })) : undefined),
    logger: options.logger,
  };
}
