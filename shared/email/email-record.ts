import { z } from 'zod';
import { readErrorSchema } from '../documents/extracted-document.js';

/** What became of one attachment (or one file inside a ZIP attachment). */
export const emailAttachmentOutcomeSchema = z.object({
  /** The name the sender gave (decoded from GBK/GB18030 where needed), or one made up when there was none. */
  fileName: z.string(),
  contentType: z.string(),
  disposition: z.enum(['attachment', 'inline', 'forwarded']),
  size: z.number().int().nonnegative(),
  /** `queued`: stored under `incoming/` where ingest gives it its own state; `expanded`: a ZIP or .eml whose files are listed after it; `refused`: not stored, `error` says why. */
  outcome: z.enum(['queued', 'expanded', 'refused']),
  key: z.string().optional(),
  error: readErrorSchema.optional(),
});
export type EmailAttachmentOutcome = z.infer<typeof emailAttachmentOutcomeSchema>;

/** The answer to a sender: stored with the message always; sent through SES where a sender address is configured. */
export const emailReplySchema = z.object({
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  inReplyTo: z.string().optional(),
  channel: z.enum(['stored', 'ses']),
  sentAt: z.string().optional(),
});
export type EmailReply = z.infer<typeof emailReplySchema>;

export const emailStatusSchema = z.enum([
  'received', // registered, attachments not yet all stored
  'accepted', // attachments stored under incoming/<submissionId>/
  'rejected', // spam/virus verdict FAIL, forged sender, unreadable, or nothing usable attached: `error` says why
]);
export type EmailStatus = z.infer<typeof emailStatusSchema>;

/**
 * One received e-mail and what became of it. Its id is also the submission id of its attachments, so a clerk looking
 * at a submission finds the sender, the subject and the body here.
 */
export const emailRecordSchema = z.object({
  emailId: z.string(),
  bucket: z.string(),
  key: z.string(),
  sourceVersion: z.string(),
  status: emailStatusSchema,
  /** The sender's address: the submitter of the attachments. */
  from: z.string().optional(),
  fromName: z.string().optional(),
  subject: z.string().optional(),
  messageId: z.string().optional(),
  sentAt: z.string().optional(),
  /** The plain-text body for the clerk (capped in length). */
  bodyText: z.string().optional(),
  attachments: z.array(emailAttachmentOutcomeSchema).default([]),
  /** SES's own verdicts on the message; `senderVerified` false means the clerk cannot rely on the From: address. */
  authentication: z
    .object({
      spam: z.string().optional(),
      virus: z.string().optional(),
      spf: z.string().optional(),
      dkim: z.string().optional(),
      dmarc: z.string().optional(),
      senderVerified: z.boolean(),
      forged: z.boolean(),
    })
    .optional(),
  error: readErrorSchema.optional(),
  reply: emailReplySchema.optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type EmailRecord = z.infer<typeof emailRecordSchema>;

/** Stores EmailRecords; `register` is idempotent on the email id. */
export interface EmailRecordStore {
  register(record: EmailRecord): Promise<{ record: EmailRecord; created: boolean }>;
  get(emailId: string): Promise<EmailRecord | undefined>;
  put(record: EmailRecord): Promise<void>;
}

/** Sends a reply (SES on AWS); the reply is stored on the record whether or not a sender is configured. */
export interface ReplySender {
  send(reply: { from: string; to: string; subject: string; text: string; inReplyTo?: string }): Promise<void>;
}
