import { z } from 'zod';
import { findingResolutionSchema } from './findings.js';
import { extractedDocumentSchema } from '../documents/extracted-document.js';
import { decisionSchema } from '../policy/decision.js';
import { recoverySchema } from './recovery-record.js';
import { recordedEvidenceSchema } from './evidence.js';

/** Where a case is in its life. */
export const caseStatusSchema = z.enum([
  'needs_review', // waiting in a queue for a clerk
  'claimed', // a clerk holds the lease
  'awaiting_documents', // the applicant was asked for more
  'confirmed', // a clerk confirmed what the machine read
  'rejected', // refused, with a reason
  'approved', // a supervisor (not the confirming clerk) approved payment
  'paid', // exported to / paid by the finance bureau
  'declined', // closed as 不予补贴 by a clerk, with a reason (an ineligible case, or an open point not established)
]);
export type CaseStatus = z.infer<typeof caseStatusSchema>;

/** A document of the case: the file it came from and what was read. */
export const caseDocumentSchema = extractedDocumentSchema.extend({
  documentId: z.string(),
  /** Index of this document inside its file (a file may hold several). */
  indexInFile: z.number().int().nonnegative(),
  /** The file's bytes were also submitted in another submission (a finding for the clerk; staff only). */
  sameContentAs: z.object({ documentId: z.string(), submissionId: z.string() }).optional(),
});
export type CaseDocument = z.infer<typeof caseDocumentSchema>;

/**
 * A claim being judged: the documents of one submission (or one certificate of a batch), the decision, and the
 * review state. `version` increments on every write (optimistic locking).
 */
export const reviewCaseSchema = z.object({
  caseId: z.string(),
  submissionId: z.string(),
  /** The review queue: a programme id such as `XH36-3.7.c`, or `unclassified`. */
  queue: z.string(),
  status: caseStatusSchema,
  applicant: z
    .object({
      kind: z.enum(['individual', 'enterprise', 'training_body', 'competition_host', 'studio']),
      id: z.string().optional(),
      name: z.string().optional(),
    })
    .optional(),
  personIdNumber: z.string().optional(),
  personName: z.string().optional(),
  documents: z.array(caseDocumentSchema),
  decision: decisionSchema.optional(),
  flaggedFieldCount: z.number().int().nonnegative(),
  /** `holderName`: the holder's display name when the lease was taken (lists show it beside the id). Optional, additive. */
  lease: z.object({ holder: z.string(), holderName: z.string().optional(), expiresAt: z.string() }).optional(),
  confirmedBy: z.string().optional(),
  /** The display name of `confirmedBy` when they confirmed (the payments export's 经办人). Optional, additive. */
  confirmedByName: z.string().optional(),
  approvedBy: z.string().optional(),
  /** The display name of `approvedBy` when they approved (the payments export's 审批人). Optional, additive. */
  approvedByName: z.string().optional(),
  /** When the supervisor approved payment (the payments export selects by it). Optional, additive. */
  approvedAt: z.string().optional(),
  rejection: z.object({ reason: z.string(), by: z.string() }).optional(),
  requestedDocuments: z.array(z.string()).optional(),
  /** The clerk's free note with the last request for documents (the bureau's; not shown to the applicant). Optional, additive. */
  requestNote: z.string().optional(),
  /** Why the case was closed as 不予补贴 (`declined`), by whom and when. Optional, additive. */
  declination: z.object({ reason: z.string(), by: z.string(), at: z.string() }).optional(),
  /**
   * Evidence a clerk saw that settles an open point of the decision (居住证, 本地就业, 社保…): each becomes a fact and
   * the case is judged again through the same rules. Optional, additive.
   */
  recordedEvidence: z.array(recordedEvidenceSchema).optional(),
  /** Clerks' resolutions of findings (`caseFindings`), e.g. documents naming different persons explained. */
  resolvedFindings: z.array(findingResolutionSchema).optional(),
  /**
   * The codes of the findings still open (`openFindings`), kept by the case store with each write: list rows carry no
   * documents, and a list must still say 待核对 while a finding is open (`displayedOutcome`). Optional, additive.
   */
  openFindingCodes: z.array(z.string()).optional(),
  institutionId: z.string().optional(),
  batchId: z.string().optional(),
  /**
   * A follow-up of a case a person had decided, opened when documents arrived after the decision: the decided case
   * stays as it was; this one needs its own confirmation and approval and pays at most the difference.
   */
  followUpOf: z.object({ caseId: z.string(), status: z.string(), decidedAmountYuan: z.number().int().nonnegative() }).optional(),
  /**
   * Money recovered after payment because the claim rested on false information (XH36-4.2 追回已拨付资金), oldest
   * first. Optional, additive: the case stays `paid`; `recoveredYuan(case)` sums them.
   */
  recoveries: z.array(recoverySchema).optional(),
  /**
   * The programme a clerk classified an unclassified (未分类) case under: the rules judge it under this programme from
   * then on, whatever the documents alone would suggest. Optional, additive.
   */
  classification: z.object({ programme: z.string(), by: z.string(), at: z.string() }).optional(),
  version: z.number().int().nonnegative(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ReviewCase = z.infer<typeof reviewCaseSchema>;

/** One line of the ledger (台账, XH36-4.1): who did what to a case, when, with the values before and after. */
export const auditEventSchema = z.object({
  caseId: z.string(),
  at: z.string(),
  actor: z.string(),
  /** The actor's display name when the event was written (the trail shows people, not user ids). Optional, additive. */
  actorName: z.string().optional(),
  action: z.string(),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type AuditEvent = z.infer<typeof auditEventSchema>;
