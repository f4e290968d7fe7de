/**
 * An e-mail submission taken in as the pipeline would: the real e-mail intake stores the message's attachments in
 * the S3 server, and the real ingest registers each in DynamoDB Local. The message carries a readable PDF, a PNG
 * under a `.pdf` name (ingest rejects it: `type_mismatch`) and an executable (the e-mail intake refuses it).
 */
import { readFileSync } from 'node:fs';
import { takeInEmail } from '../../shared/email/index.js';
import { DEFAULT_INTAKE_LIMITS } from '../../shared/intake/limits.js';
import { ingestObject } from '../../shared/pipeline/ingest.js';
import { inspectFile } from '../../shared/reading/inspect-file.js';
import { buildMime, sesVerified } from '../email/mime-factory.js';
import { FixedClock, InMemoryWorkQueue } from '../support/fakes/index.js';
import type { ReviewStores } from './review-fixtures.js';

const READABLE_PDF = readFileSync(new URL('../fixtures/documents/digital-internship.pdf', import.meta.url));
/** A real 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

export const EMAIL_SUBMISSION = {
  from: 'office@xihu-peixun.cn',
  fromName: '西湖培训学校',
  subject: '技能补贴申请-钱晓红',
  body: '附件为钱晓红的证书和实习协议，请审核。',
  files: { readable: '实习协议.pdf', pngAsPdf: '证书照片.pdf', refused: 'setup.exe' },
} as const;

/** Takes the message in and ingests what it stored; returns the e-mail id, which is the submission id. */
export async function seedEmailSubmission(stores: ReviewStores, key = `email/msg-${Math.random().toString(36).slice(2, 10)}`): Promise<string> {
  const { blobs, bucket, emails, documents } = stores;
  if (!emails) throw new Error('seedEmailSubmission needs stores with an e-mail record store');
  const { from, fromName, subject, body, files } = EMAIL_SUBMISSION;
  await blobs.put(
    bucket,
    key,
    buildMime({
      from: `"${fromName}" <${from}>`,
      subject,
      body,
      sesHeaders: sesVerified('xihu-peixun.cn'),
      attachments: [
        { fileName: files.readable, contentType: 'application/pdf', bytes: READABLE_PDF },
        { fileName: files.pngAsPdf, contentType: 'application/pdf', bytes: PNG },
        { fileName: files.refused, contentType: 'application/octet-stream', bytes: new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 1, 2, 3]) },
      ],
    }),
    'message/rfc822',
  );
  const head = await blobs.head(bucket, key);
  const clock = new FixedClock('2026-12-04T02:00:00Z');
  const outcome = await takeInEmail({ bucket, key, eTag: head!.eTag }, { blobs, emails, clock, maxFileBytes: 50 * 1024 * 1024 });
  if (outcome.kind !== 'accepted') throw new Error(`the e-mail was not accepted: ${JSON.stringify(outcome)}`);
  const queue = new InMemoryWorkQueue();
  for (const stored of outcome.stored) {
    const object = await blobs.head(bucket, stored);
    await ingestObject(
      { bucket, key: stored, size: object!.size, eTag: object!.eTag },
      { blobs, documents, queue, clock, limits: DEFAULT_INTAKE_LIMITS, inspect: inspectFile },
    );
  }
  return outcome.emailId;
}
