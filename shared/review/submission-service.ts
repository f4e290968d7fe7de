import { z } from 'zod';
import { documentStatusSchema, type DocumentRecord } from '../cases/document-record.js';
import type { EmailRecord, EmailRecordStore } from '../email/email-record.js';
import { reasonText, REASONS, type ReasonCode } from '../intake/failure.js';
import type { CaseRepository, DocumentRepository } from '../ports/index.js';
import { ReviewNotFoundError } from './errors.js';
import { isStaff, type Principal } from './principal.js';

/** What became of one file of a submission, in words a clerk reads. */
export const submissionFileSchema = z.object({
  fileName: z.string(),
  /** `refused`: never stored (the e-mail intake turned it away); otherwise the document's own state. */
  state: z.union([documentStatusSchema, z.literal('refused'), z.literal('expanded')]),
  stateZh: z.string(),
  /** Why it was refused, rejected or failed (Chinese). */
  reasonZh: z.string().optional(),
  documentId: z.string().optional(),
  pageCount: z.number().int().nonnegative().optional(),
  /** The kinds of document read in it (Chinese titles are the page's business: these are the type codes). */
  documentTypes: z.array(z.string()),
  caseIds: z.array(z.string()),
  /** From inside an attachment (a ZIP or a forwarded message). */
  fromArchive: z.boolean(),
});
export type SubmissionFile = z.infer<typeof submissionFileSchema>;

/** One submission as it came in: the e-mail (when it came by e-mail) and every file with its state. */
export const submissionDetailSchema = z.object({
  submissionId: z.string(),
  channel: z.enum(['email', 'upload']),
  email: z
    .object({
      from: z.string().optional(),
      fromName: z.string().optional(),
      subject: z.string().optional(),
      sentAt: z.string().optional(),
      receivedAt: z.string(),
      bodyText: z.string().optional(),
      /** False: the From: address did not pass SPF/DKIM, so the clerk cannot rely on it. */
      senderVerified: z.boolean().optional(),
      stateZh: z.string(),
      reasonZh: z.string().optional(),
      /** The answer stored (and, on AWS, sent) to the sender. */
      replyText: z.string().optional(),
    })
    .optional(),
  files: z.array(submissionFileSchema),
  caseIds: z.array(z.string()),
});
export type SubmissionDetail = z.infer<typeof submissionDetailSchema>;

const DOCUMENT_STATE_ZH: Record<SubmissionFile['state'], string> = {
  received: '已接收，等待识别',
  processing: '识别中',
  processed: '已识别',
  needs_review: '已识别（有待核对之处）',
  rejected: '已拒收',
  failed: '处理失败',
  duplicate: '重复上传（与先前上传的文件相同）',
  refused: '未受理',
  expanded: '压缩包（其中的文件列在下面）',
};
const EMAIL_STATE_ZH: Record<EmailRecord['status'], string> = { received: '已收到，附件保存中', accepted: '已受理', rejected: '未受理' };

/** The Chinese sentence of a stored reason code; the stored message where the code is not one of ours. */
function reasonZh(error: { code: string; message: string } | undefined): string | undefined {
  if (!error) return undefined;
  return Object.hasOwn(REASONS, error.code) ? reasonText(error.code as ReasonCode).zh : error.message;
}

export interface SubmissionServiceDeps {
  documents: Pick<DocumentRepository, 'listBySubmission'>;
  cases: Pick<CaseRepository, 'listBySubmission'>;
  /** Absent where no e-mail intake is wired: every submission then reads as an upload. */
  emails?: Pick<EmailRecordStore, 'get'>;
}

/**
 * What came in under one submission id, for the bureau's staff: the sender, subject and body of an e-mail, and every
 * attached file (refused ones too, with why), each with its state and the cases it went to.
 *
 * @example
 * const detail = await new SubmissionService({ documents, cases, emails }).detail(clerk, 'email-3f2a…');
 * detail.files.find((f) => f.state === 'rejected')?.reasonZh; // '文件名表示的类型与文件实际内容不符…'
 */
export class SubmissionService {
  constructor(private readonly deps: SubmissionServiceDeps) {}

  async detail(principal: Principal, submissionId: string): Promise<SubmissionDetail> {
    // Institutions see their batches through the batch view; a submission's mail and files are the bureau's.
    if (!isStaff(principal)) throw new ReviewNotFoundError('submission', submissionId);
    const [email, records, cases] = await Promise.all([
      this.deps.emails?.get(submissionId),
      this.deps.documents.listBySubmission(submissionId),
      this.deps.cases.listBySubmission(submissionId),
    ]);
    if (!email && records.length === 0 && cases.length === 0) throw new ReviewNotFoundError('submission', submissionId);
    const byKey = new Map(records.map((record) => [record.key, record]));
    const files: SubmissionFile[] = [];
    const listed = new Set<string>();
    for (const attachment of email?.attachments ?? []) {
      const record = attachment.key ? byKey.get(attachment.key) : undefined;
      if (record) {
        listed.add(record.documentId);
        files.push(fileOf(record, attachment.fileName, false));
      } else if (attachment.outcome === 'refused') {
        files.push({
          fileName: attachment.fileName,
          state: 'refused',
          stateZh: DOCUMENT_STATE_ZH.refused,
          reasonZh: reasonZh(attachment.error),
          documentTypes: [],
          caseIds: [],
          fromArchive: false,
        });
      } else if (attachment.outcome === 'expanded') {
        files.push({
          fileName: attachment.fileName,
          state: 'expanded',
          stateZh: DOCUMENT_STATE_ZH.expanded,
          documentTypes: [],
          caseIds: [],
          fromArchive: false,
        });
      } else {
        // Stored, but ingest has not registered it yet: it is on its way, not lost.
        files.push({
          fileName: attachment.fileName,
          state: 'received',
          stateZh: DOCUMENT_STATE_ZH.received,
          documentTypes: [],
          caseIds: [],
          fromArchive: false,
        });
      }
    }
    const attachmentKeys = new Set((email?.attachments ?? []).map((a) => a.key).filter(Boolean));
    for (const record of [...records].sort((a, b) => (a.fileName ?? a.key).localeCompare(b.fileName ?? b.key))) {
      if (listed.has(record.documentId)) continue;
      files.push(fileOf(record, record.fileName ?? record.key.split('/').pop() ?? record.key, Boolean(email) && !attachmentKeys.has(record.key)));
    }
    return submissionDetailSchema.parse({
      submissionId,
      channel: email ? 'email' : 'upload',
      ...(email
        ? {
            email: {
              from: email.from,
              fromName: email.fromName,
              subject: email.subject,
              sentAt: email.sentAt,
              receivedAt: email.createdAt,
              bodyText: email.bodyText,
              senderVerified: email.authentication?.senderVerified,
              stateZh: EMAIL_STATE_ZH[email.status],
              reasonZh: reasonZh(email.error),
              replyText: email.reply?.text,
            },
          }
        : {}),
      files,
      caseIds: cases.map((c) => c.caseId).sort(),
    });
  }
}

function fileOf(record: DocumentRecord, fileName: string, fromArchive: boolean): SubmissionFile {
  return {
    fileName,
    state: record.status,
    stateZh: DOCUMENT_STATE_ZH[record.status],
    ...(record.error ? { reasonZh: reasonZh(record.error) } : {}),
    documentId: record.documentId,
    ...(record.pageCount !== undefined ? { pageCount: record.pageCount } : {}),
    documentTypes: (record.documents ?? []).map((d) => d.type),
    caseIds: record.caseIds ?? [],
    fromArchive,
  };
}
