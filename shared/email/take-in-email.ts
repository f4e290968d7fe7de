import { createHash } from 'node:crypto';
import { ArchiveError, DEFAULT_ARCHIVE_LIMITS, expandZip, type ArchiveLimits } from '../archives/index.js';
import type { ReadError } from '../documents/extracted-document.js';
import { describeFailure, reasonText, type ReasonCode } from '../intake/failure.js';
import { isReadableType, sniffType } from '../intake/sniff.js';
import type { CreatedObject } from '../pipeline/ingest.js';
import { BucketPrefix, INCOMING_PREFIX } from '../storage/layout.js';
import type { PipelineLogger } from '../pipeline/logger.js';
import type { BlobStore } from '../ports/blob-store.js';
import type { Clock } from '../ports/clock.js';
import type { EmailAttachmentOutcome, EmailRecord, EmailRecordStore, EmailReply, ReplySender } from './email-record.js';
import { UnreadableEmailError } from './errors.js';
import { readEmail, type MailFile, type ReadEmail } from './read-email.js';

/** Prefix under which SES (or `intake email`, or the inbox) stores raw messages. */
export const EMAIL_PREFIX = BucketPrefix.email;

/** Points at which a test may kill the handler (fault injection); production passes no hook. */
export type EmailStep = 'registered' | 'read' | 'file_stored' | 'before_record';

export interface EmailIntakeDeps {
  blobs: BlobStore;
  emails: EmailRecordStore;
  clock: Clock;
  /** Largest attachment stored (ingest refuses larger ones anyway; this spares the copy). */
  maxFileBytes: number;
  archiveLimits?: ArchiveLimits;
  /** The reply's sender address (`INTAKE_REPLY_FROM`); without it (locally) replies are stored, not sent. */
  replyFrom?: string;
  replies?: ReplySender;
  logger?: PipelineLogger;
  onStep?: (step: EmailStep) => void | Promise<void>;
}

export type EmailOutcome =
  | { kind: 'ignored'; key: string }
  | { kind: 'already_done'; emailId: string; status: EmailRecord['status'] }
  | { kind: 'accepted'; emailId: string; stored: string[] }
  | { kind: 'rejected'; emailId: string; code: string };

const SETTLED: readonly EmailRecord['status'][] = ['accepted', 'rejected'];

const FILE_TYPE_EXTENSIONS: Record<string, string> = { pdf: 'pdf', jpeg: 'jpg', png: 'png', tiff: 'tif', zip: 'zip', eml: 'eml', xlsx: 'xlsx', csv: 'csv' };

/**
 * The id of a received message: derived from bucket, key and version like a document id, and used as the submission
 * id of its attachments, so a redelivered notification names the same message and the same submission.
 *
 * @example
 * emailIdFor('intake', 'email/abc', 'etag'); // 'mail-4c1d…'
 */
export function emailIdFor(bucket: string, key: string, sourceVersion: string): string {
  return `mail-${createHash('sha256').update([bucket, key, sourceVersion].join('\u0000')).digest('hex').slice(0, 20)}`;
}

/**
 * A file name safe as the last part of an S3 key: no folders, no control characters, something when there was none.
 *
 * @example
 * safeFileName('../证书.pdf', 2, 'pdf'); // '证书.pdf'
 */
export function safeFileName(name: string | undefined, index: number, sniffed: string): string {
  // eslint-disable-next-line no-control-regex
  const base = (name ?? '')
    .split(/[\\/]/)
    .pop()!
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim();
  if (base && base !== '.' && base !== '..') return base;
  return `attachment-${index + 1}.${FILE_TYPE_EXTENSIONS[sniffed] ?? 'bin'}`;
}

const refusal = (code: ReasonCode): ReadError => ({ code, message: reasonText(code).zh });

interface PlannedFile {
  name: string;
  bytes: Uint8Array;
  contentType: string;
}

/** Works out, without storing anything, what each carried file becomes. */
async function planFiles(files: MailFile[], deps: EmailIntakeDeps): Promise<{ outcomes: EmailAttachmentOutcome[]; store: PlannedFile[] }> {
  const outcomes: EmailAttachmentOutcome[] = [];
  const store: PlannedFile[] = [];
  const taken = new Set<string>();
  const unique = (name: string): string => {
    let candidate = name;
    for (let n = 2; taken.has(candidate); n++) candidate = name.replace(/(\.[^.]*)?$/, (ext) => `-${n}${ext}`);
    taken.add(candidate);
    return candidate;
  };
  for (const [index, file] of files.entries()) {
    const sniffed = sniffType(file.bytes);
    const fileName = unique(safeFileName(file.fileName, index, sniffed));
    const base = { fileName, contentType: file.contentType, disposition: file.disposition, size: file.bytes.length };
    if (file.bytes.length > deps.maxFileBytes) {
      outcomes.push({ ...base, outcome: 'refused', error: refusal('file_too_large') });
      continue;
    }
    if (sniffed === 'zip') {
      try {
        const expansion = await expandZip(file.bytes, deps.archiveLimits ?? DEFAULT_ARCHIVE_LIMITS);
        outcomes.push({ ...base, outcome: 'expanded' });
        for (const entry of expansion.entries) {
          const name = `${fileName}/${entry.path}`;
          outcomes.push({
            fileName: name,
            contentType: 'application/octet-stream',
            disposition: file.disposition,
            size: entry.bytes.length,
            outcome: 'queued',
            key: name,
          });
          store.push({ name, bytes: entry.bytes, contentType: 'application/octet-stream' });
        }
        for (const refused of expansion.refused) {
          outcomes.push({
            fileName: `${fileName}/${refused.path}`,
            contentType: 'application/octet-stream',
            disposition: file.disposition,
            size: 0,
            outcome: 'refused',
            error: refusal(refused.code),
          });
        }
      } catch (error) {
        if (!(error instanceof ArchiveError)) throw error;
        outcomes.push({ ...base, outcome: 'refused', error: describeFailure(error).error });
      }
      continue;
    }
    if (!isReadableType(sniffed)) {
      outcomes.push({ ...base, outcome: 'refused', error: refusal(file.bytes.length === 0 ? 'empty_file' : 'unsupported_type') });
      continue;
    }
    outcomes.push({ ...base, outcome: 'queued', key: fileName });
    store.push({ name: fileName, bytes: file.bytes, contentType: file.contentType });
  }
  return { outcomes, store };
}

/**
 * The answer to a verified sender whose message carried nothing usable. It never quotes the sender's own text (subject,
 * file names, body): a reply is a channel an attacker could otherwise aim at someone else, so it says only what the
 * bureau wrote and the reasons in its own words.
 */
function noAttachmentReply(outcomes: EmailAttachmentOutcome[]): Pick<EmailReply, 'subject' | 'text'> {
  const reasons = [
    ...new Set(
      outcomes
        .filter((item) => item.outcome === 'refused')
        .map((item) => item.error?.message)
        .filter(Boolean),
    ),
  ];
  const lines = [
    '您好：',
    '',
    '您发送的邮件已收到，但其中没有可受理的附件。',
    reasonText('email_no_attachment').zh,
    ...(reasons.length > 0
      ? ['', `有 ${outcomes.filter((item) => item.outcome === 'refused').length} 个附件未能受理，原因：`, ...reasons.map((reason) => `- ${reason}`)]
      : []),
    '',
    '杭州市西湖区人力资源和社会保障局 职业技能补贴受理（此邮件由系统自动发送，请勿直接回复）',
  ];
  return { subject: '回复：技能补贴申请材料（未收到可受理的附件）', text: lines.join('\n') };
}

/** A Message-ID fit to be echoed in In-Reply-To: one angle-bracketed token, nothing that could start another header. */
const safeMessageId = (id: string | undefined): string | undefined => (id && /^<[^<>\s]{1,250}>$/.test(id) ? id : undefined);

/**
 * Takes in one raw message stored under `email/`: reads it, refuses it on an SES spam or virus verdict of FAIL or a forged sender (only SES's own headers count),
 * expands ZIP attachments and forwarded messages, stores every usable file under `incoming/<emailId>/` (where ingest
 * gives each its own state) and records the message — sender (the submitter), subject, body for the clerk, and the
 * fate of each attachment. A message with nothing usable is recorded `rejected` and, when SES verified the sender, answered (the reply is
 * stored on the record; sent through SES when `replyFrom` is set).
 *
 * Safe to run again after a crash at any point: files already stored are not stored again, a settled message is
 * left alone.
 *
 * @example
 * const outcome = await takeInEmail({ bucket: 'intake', key: 'email/0a1b2c', eTag: '"e1"' }, deps);
 * // { kind: 'accepted', emailId: 'mail-…', stored: ['incoming/mail-…/证书.pdf'] }
 */
export async function takeInEmail(object: CreatedObject, deps: EmailIntakeDeps, options: { anyPrefix?: boolean } = {}): Promise<EmailOutcome> {
  const { bucket, key } = object;
  // `anyPrefix`: an .eml dropped into the inbox arrives under incoming/ and is handed over by ingest.
  if ((!options.anyPrefix && !key.startsWith(EMAIL_PREFIX)) || key.endsWith('/')) return { kind: 'ignored', key };
  const head = object.versionId || object.eTag ? undefined : await deps.blobs.head(bucket, key);
  const sourceVersion = (object.versionId ?? object.eTag ?? head?.versionId ?? head?.eTag)?.replace(/"/g, '');
  if (!sourceVersion) return { kind: 'ignored', key };
  const versionId = object.versionId ?? head?.versionId;
  const emailId = emailIdFor(bucket, key, sourceVersion);
  const now = () => deps.clock.now().toISOString();

  const { record, created } = await deps.emails.register({
    emailId,
    bucket,
    key,
    sourceVersion,
    status: 'received',
    attachments: [],
    createdAt: now(),
    updatedAt: now(),
  });
  if (!created && SETTLED.includes(record.status)) return { kind: 'already_done', emailId, status: record.status };
  await deps.onStep?.('registered');

  const finish = async (changes: Partial<EmailRecord>): Promise<void> => {
    await deps.onStep?.('before_record');
    await deps.emails.put({ ...record, ...changes, updatedAt: now() });
  };

  let mail: ReadEmail;
  try {
    mail = await readEmail(await deps.blobs.get(bucket, key, versionId));
  } catch (error) {
    if (!(error instanceof UnreadableEmailError)) throw error;
    const failure = describeFailure(error);
    await finish({ status: 'rejected', error: failure.error });
    deps.logger?.warn('e-mail rejected', { emailId, code: failure.error.code });
    return { kind: 'rejected', emailId, code: failure.error.code };
  }
  await deps.onStep?.('read');
  const about = { from: mail.from, fromName: mail.fromName, subject: mail.subject, messageId: mail.messageId, sentAt: mail.sentAt, bodyText: mail.text };

  const auth = mail.authentication;
  const authentication = {
    spam: auth.spam,
    virus: auth.virus,
    spf: auth.spf,
    dkim: auth.dkim,
    dmarc: auth.dmarc,
    senderVerified: auth.senderVerified,
    forged: auth.forged,
  };
  // SES scans before storing; a FAIL (SES's own header, not a copy the sender wrote) or a forged From: is refused
  // without a reply (answering spam only spreads it; answering a forged sender is backscatter).
  const verdict: ReasonCode | undefined =
    auth.virus === 'fail' ? 'email_virus' : auth.spam === 'fail' ? 'email_spam' : auth.forged ? 'email_forged_sender' : undefined;
  if (verdict) {
    await finish({ ...about, authentication, status: 'rejected', error: refusal(verdict) });
    deps.logger?.warn('e-mail rejected by verdict', { emailId, code: verdict });
    return { kind: 'rejected', emailId, code: verdict };
  }

  const { outcomes, store } = await planFiles(mail.files, deps);
  const usable = store.some((file) => isReadableType(sniffType(file.bytes)));
  if (!usable) {
    // Only a sender SES verified (SPF or DKIM aligned with the From: domain) is answered.
    const reply = mail.from && auth.senderVerified ? await answer(mail, noAttachmentReply(outcomes), deps) : undefined;
    await finish({ ...about, authentication, status: 'rejected', attachments: outcomes, error: refusal('email_no_attachment'), reply });
    deps.logger?.info('e-mail without usable attachment answered', { emailId, attachments: outcomes.length, replied: Boolean(reply) });
    return { kind: 'rejected', emailId, code: 'email_no_attachment' };
  }

  const stored: string[] = [];
  for (const file of store) {
    const target = `${INCOMING_PREFIX}${emailId}/${file.name}`;
    // A redelivery after a crash finds the file already there: storing it again would make a new version (and, on a
    // versioned bucket, a second document).
    if (!(await deps.blobs.head(bucket, target))) {
      await deps.blobs.put(bucket, target, file.bytes, file.contentType);
      await deps.onStep?.('file_stored');
    }
    stored.push(target);
  }
  const withKeys = outcomes.map((item) => (item.outcome === 'queued' ? { ...item, key: `${INCOMING_PREFIX}${emailId}/${item.key}` } : item));
  await finish({ ...about, authentication, status: 'accepted', attachments: withKeys });
  deps.logger?.info('e-mail accepted', { emailId, files: stored.length, refused: outcomes.filter((item) => item.outcome === 'refused').length });
  return { kind: 'accepted', emailId, stored };
}

async function answer(mail: ReadEmail, content: Pick<EmailReply, 'subject' | 'text'>, deps: EmailIntakeDeps): Promise<EmailReply> {
  const reply: EmailReply = { to: mail.from!, ...content, inReplyTo: safeMessageId(mail.messageId), channel: 'stored' };
  if (deps.replyFrom && deps.replies) {
    await deps.replies.send({ from: deps.replyFrom, to: reply.to, subject: reply.subject, text: reply.text, inReplyTo: reply.inReplyTo });
    return { ...reply, channel: 'ses', sentAt: deps.clock.now().toISOString() };
  }
  return reply;
}
