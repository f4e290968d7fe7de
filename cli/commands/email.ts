/**
 * `intake email FILE.eml...`: hands raw messages to the running stack as SES would — each is stored under `email/`
 * and taken in by the same code as the e-mail Lambda (shared/email), so its attachments land under `incoming/` where
 * the stack's ingest picks them up. Prints what became of each message and its attachments.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { Command } from 'commander';
import { createDynamoDbDocumentClient, createS3Client } from '../../shared/adapters/aws-clients.js';
import { DynamoDbEmailRecordStore } from '../../shared/adapters/dynamodb-email-record-store.js';
import { S3BlobStore } from '../../shared/adapters/s3-blob-store.js';
import { DEFAULT_INTAKE_LIMITS } from '../../shared/intake/limits.js';
import { EMAIL_PREFIX, takeInEmail } from '../../shared/email/index.js';
import { systemClock } from '../../shared/ports/index.js';
import { resolveStackEndpoints } from '../../local/stack-endpoints.js';

/**
 * The key a raw message is stored under: its content hash, as SES names objects by message id (no personal data in
 * the key).
 *
 * @example
 * emailKeyFor(raw); // 'email/cli-3f1c…'
 */
export function emailKeyFor(raw: Uint8Array): string {
  return `${EMAIL_PREFIX}cli-${createHash('sha256').update(raw).digest('hex').slice(0, 32)}`;
}

async function sendEmails(files: string[], options: { json?: boolean }): Promise<void> {
  const where = resolveStackEndpoints();
  const s3 = createS3Client({ endpoint: where.s3, region: where.region });
  const db = createDynamoDbDocumentClient({ endpoint: where.dynamodb, region: where.region });
  const emails = new DynamoDbEmailRecordStore(db, where.tableName);
  const deps = { blobs: new S3BlobStore(s3), emails, clock: systemClock, maxFileBytes: DEFAULT_INTAKE_LIMITS.maxFileBytes };
  const results = [];
  for (const file of files) {
    const raw = new Uint8Array(readFileSync(file));
    const key = emailKeyFor(raw);
    const put = await s3.send(new PutObjectCommand({ Bucket: where.bucket, Key: key, Body: raw, ContentType: 'message/rfc822' }));
    const outcome = await takeInEmail({ bucket: where.bucket, key, eTag: put.ETag, versionId: put.VersionId }, deps);
    const record = 'emailId' in outcome ? await emails.get(outcome.emailId) : undefined;
    results.push({ file, outcome, record });
    if (outcome.kind === 'rejected') process.exitCode = 1;
    if (options.json) continue;
    console.log(
      `${path.basename(file)}: ${outcome.kind}${'code' in outcome ? ` (${outcome.code})` : ''}${'emailId' in outcome ? `  submission ${outcome.emailId}` : ''}`,
    );
    for (const attachment of record?.attachments ?? []) {
      console.log(
        `  ${attachment.outcome.padEnd(8)} ${attachment.fileName}${attachment.error ? `  ${attachment.error.code}: ${attachment.error.message}` : ''}`,
      );
    }
    if (record?.reply) console.log(`  reply to ${record.reply.to} (${record.reply.channel}): ${record.reply.subject}`);
  }
  if (options.json)
    console.log(
      JSON.stringify(
        results.map(({ file, outcome, record }) => ({
          file,
          outcome,
          status: record?.status,
          error: record?.error,
          attachments: record?.attachments,
          reply: record?.reply,
        })),
        null,
        2,
      ),
    );
  s3.destroy();
  db.destroy();
}

/**
 * Adds `intake email` to the program.
 *
 * @example
 * register(new Command('intake'));
 */
export function register(program: Command): void {
  program
    .command('email')
    .description('hand raw e-mail messages (.eml) to the running stack, as SES receiving would')
    .argument('<files...>', '.eml files')
    .option('--json', 'print the outcome of each message as JSON')
    .action(async (files: string[], options: { json?: boolean }) => {
      try {
        await sendEmails(files, options);
      } catch (error) {
        console.error(error instanceof Error ? error.message : String(error));
        process.exitCode = 1;
      }
    });
}
