/**
 * The review API's request and response bodies. The router validates with them, the OpenAPI document is generated
 * from them, and the page imports the inferred types: one definition each.
 */
import { z } from 'zod';
import { evidenceKindSchema } from '../cases/evidence.js';
import { caseFindingSchema } from '../cases/findings.js';
import { auditEventSchema, caseStatusSchema, reviewCaseSchema } from '../cases/review-case.js';
import { reviewRoleSchema } from './principal.js';
import { documentTypeSchema } from '../documents/document-type.js';
import { pageRegionSchema } from '../documents/extracted-document.js';
import { programmeIdSchema } from '../policy/programmes.js';

export const errorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** The sentence for the clerk, in Simplified Chinese. */
    zh: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

export const queueSummarySchema = z.object({
  queue: z.string(),
  /** The programme's title in Chinese (`未分类` for unclassified). */
  title: z.string(),
  waiting: z.number().int().nonnegative(),
});
export const queuesResponseSchema = z.object({ queues: z.array(queueSummarySchema) });

/** A case as a list shows it: enough to choose, not the documents. */
export const caseSummarySchema = z.object({
  caseId: z.string(),
  submissionId: z.string(),
  queue: z.string(),
  status: caseStatusSchema,
  personName: z.string().optional(),
  flaggedFieldCount: z.number().int().nonnegative(),
  outcome: z.string().optional(),
  /** The outcome as people read it (`displayedOutcome`): 待核对（疑点未处理）while a finding holds a 符合 case. */
  outcomeZh: z.string().optional(),
  /** A finding (documents of different persons) is open; the amount is then left out. */
  findingsOpen: z.boolean().optional(),
  amountYuan: z.number().int().nonnegative().optional(),
  /** `holderName`: the holder's display name when the lease was taken (absent on leases taken before it was kept). */
  lease: z.object({ holder: z.string(), holderName: z.string().optional(), expiresAt: z.string() }).optional(),
  version: z.number().int().nonnegative(),
  createdAt: z.string(),
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseListResponseSchema = z.object({ items: z.array(caseSummarySchema), cursor: z.string().optional() });

export const caseListQuerySchema = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

/** The list states a case list counts (the page's tabs): a status, `claimed` counted with `needs_review` (待审核). */
export const caseListStateSchema = z.enum(['needs_review', 'awaiting_documents', 'confirmed', 'rejected', 'approved', 'paid', 'declined']);

/**
 * `GET /cases`: cases by state, the caller's own ("my cases": held under a lease or confirmed), or found by a term
 * (case id, ID number, person name, certificate number, each matched exactly). The three combine; without any, the
 * list is 待审核 (`needs_review`, claimed ones included).
 */
export const caseSearchQuerySchema = z.object({
  status: caseStatusSchema.optional(),
  q: z.string().trim().min(1).max(64).optional(),
  mine: z
    .enum(['1', '0', 'true', 'false'])
    .optional()
    .transform((value) => value === '1' || value === 'true'),
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export type CaseSearchQuery = z.infer<typeof caseSearchQuerySchema>;

/** A page of cases, with how many cases each list state holds (read from counters, not from the cases). */
export const caseSearchResponseSchema = z.object({
  items: z.array(caseSummarySchema),
  /** Absent on the last page; a search (`q`) answers in one page. */
  cursor: z.string().optional(),
  counts: z.record(caseListStateSchema, z.number().int().nonnegative()),
});
export type CaseSearchResponse = z.infer<typeof caseSearchResponseSchema>;

/** One page image of a case document, with the URL that serves it. */
export const casePageSchema = z.object({
  documentId: z.string(),
  pageNumber: z.number().int().positive(),
  url: z.string(),
});

/**
 * What the page shows of a case in words (no internal field paths, document ids or codes): the decision's reasons
 * and findings in Chinese, the open points of a 待核对 decision with the evidence that settles each, the standard
 * documents for a request, the unconfirmed figures of the amount (待确认标准), the audit trail as rows, and which
 * actions the caller may take now (the server refuses the others).
 */
export const caseViewSchema = z.object({
  statusZh: z.string(),
  outcomeZh: z.string().optional(),
  programmeTitle: z.string().optional(),
  reasons: z.array(z.object({ ruleId: z.string(), zh: z.string() })),
  missingDocuments: z.array(z.string()),
  openPoints: z.array(z.object({ ruleId: z.string(), zh: z.string(), evidence: z.array(z.object({ kind: evidenceKindSchema, zh: z.string() })) })),
  checklist: z.array(z.object({ code: z.string(), zh: z.string(), missing: z.boolean() })),
  unconfirmedFigures: z.array(z.object({ parameter: z.string(), titleZh: z.string(), document: z.string(), clause: z.string() })),
  audit: z.array(z.object({ at: z.string(), who: z.string(), what: z.string(), change: z.string() })),
  /** Display names of the people named on the case (lease holder, confirmer, approver), by user id. */
  people: z.record(z.string(), z.string()),
  actions: z.object({
    confirm: z.boolean(),
    decline: z.boolean(),
    approve: z.boolean(),
    recover: z.boolean(),
    recordEvidence: z.boolean(),
    /** Set the programme and document types of an unclassified case (未分类). Optional, additive. */
    classify: z.boolean().optional(),
    /** Split and merge a file's pages into documents (read again from the stored pages). Optional, additive. */
    regroupPages: z.boolean().optional(),
  }),
});
export type CaseViewText = z.infer<typeof caseViewSchema>;

/** A case with everything a clerk needs on one screen. */
export const caseDetailSchema = z.object({
  case: reviewCaseSchema,
  pages: z.array(casePageSchema),
  audit: z.array(auditEventSchema),
  /** What a clerk must settle before the case can be confirmed or approved (resolved ones carry their resolution). */
  findings: z.array(caseFindingSchema),
  /** The case as a clerk reads it: Chinese text, the open points and their controls, the checklist, the trail. */
  view: caseViewSchema,
});
export type CaseDetail = z.infer<typeof caseDetailSchema>;

/**
 * A case as a training body (institution) sees it: its state, the outcome, the reasons and documents meant for the
 * applicant, the documents asked for, and which documents and pages it sent. No clerks' notes, user ids, leases,
 * field readings or correction history (those are the bureau's).
 */
export const institutionCaseViewSchema = z.object({
  view: z.literal('institution'),
  case: z.object({
    caseId: z.string(),
    submissionId: z.string(),
    status: caseStatusSchema,
    statusZh: z.string(),
    programme: z.string().optional(),
    programmeTitle: z.string().optional(),
    outcome: z.string().optional(),
    outcomeZh: z.string().optional(),
    amountYuan: z.number().int().nonnegative().optional(),
    reasons: z.array(z.object({ ruleId: z.string(), zh: z.string() })),
    missingDocuments: z.array(z.string()),
    requestedDocuments: z.array(z.string()),
    rejectionReason: z.string().optional(),
    /** Why the case was closed as 不予补贴 (`declined`). */
    declineReason: z.string().optional(),
    /** The amount rests on figures the bureau has not confirmed (待确认标准). */
    unconfirmedFigures: z.array(z.object({ titleZh: z.string(), document: z.string() })).optional(),
    documents: z.array(z.object({ documentId: z.string(), type: z.string(), typeZh: z.string(), pages: z.array(z.number().int().positive()) })),
    createdAt: z.string(),
    updatedAt: z.string(),
  }),
  pages: z.array(casePageSchema),
});
export type InstitutionCaseView = z.infer<typeof institutionCaseViewSchema>;

export const versionedSchema = z.object({ version: z.number().int().nonnegative() });

/** One correction: a field of one document of the case, and its value as the clerk read it. */
export const fieldCorrectionSchema = z.object({
  documentId: z.string(),
  /** The document's index inside its file (a file may hold several); 0 when omitted. */
  indexInFile: z.number().int().nonnegative().default(0),
  field: z.string().min(1),
  /** The value as the clerk confirms it; the machine's value accepts the reading and clears the flag. */
  value: z.union([z.string(), z.number(), z.null()]),
});
export type FieldCorrection = z.infer<typeof fieldCorrectionSchema>;

export const correctFieldsRequestSchema = versionedSchema.extend({ corrections: z.array(fieldCorrectionSchema).min(1).max(100) });
export type CorrectFieldsRequest = z.infer<typeof correctFieldsRequestSchema>;

export const confirmRequestSchema = versionedSchema;
export const rejectRequestSchema = versionedSchema.extend({ reason: z.string().trim().min(1).max(500) });
/**
 * Documents asked for: checklist codes of the programme's materials list (`view.checklist`) or other documents in
 * words (both shown to the applicant), plus the clerk's free note (the bureau's, not shown to the applicant). At least
 * one document.
 */
export const requestDocumentsRequestSchema = versionedSchema.extend({
  documents: z.array(z.string().trim().min(1).max(200)).min(1).max(20),
  note: z.string().trim().max(500).optional(),
});
/** Evidence the clerk saw that settles an open point (居住证, 本地就业, 社保…). */
export const recordEvidenceRequestSchema = versionedSchema.extend({
  kind: evidenceKindSchema,
  note: z.string().trim().min(1).max(500),
  validUntil: z.iso.date().optional(),
});
/**
 * A clerk classifies an unclassified (未分类) case: the programme claimed and, for any document the machine could not
 * type, its type. The rules then judge the case again under that programme.
 */
export const classifyRequestSchema = versionedSchema.extend({
  programme: programmeIdSchema,
  documents: z
    .array(z.object({ documentId: z.string().min(1), indexInFile: z.number().int().nonnegative(), type: documentTypeSchema }))
    .max(50)
    .default([]),
});
export type ClassifyRequest = z.infer<typeof classifyRequestSchema>;
/**
 * The clerk's grouping of one file's pages into documents (a page split off, two documents merged): every page of the
 * file once, or in two groups when it holds two documents (a certificate photographed beside an ID card), each group
 * then reading its own part of it (`regions`, or the part it was read from before when left out). A page listed in
 * one group only is read whole: that is how the clerk says "this page is one document". The same grouping sent again
 * changes nothing (no second document). Checked against the file by `page-grouping.ts`.
 */
export const regroupPagesRequestSchema = versionedSchema.extend({
  documentId: z.string().min(1),
  groups: z
    .array(
      z.object({
        pages: z.array(z.number().int().positive()).min(1).max(200),
        type: documentTypeSchema.optional(),
        /** The part of a page this group shares with another group that this document covers (page-image pixels). */
        regions: z.array(pageRegionSchema).max(200).optional(),
      }),
    )
    .min(1)
    .max(50),
});
export type RegroupPagesRequest = z.infer<typeof regroupPagesRequestSchema>;
/** Closing a case as 不予补贴, with the reason the applicant will read. */
export const declineRequestSchema = versionedSchema.extend({ reason: z.string().trim().min(1).max(500) });
/** XH36-4.2 追回已拨付资金: how much, why, and the inspection it rests on. */
export const recoveryRequestSchema = versionedSchema.extend({
  amountYuan: z.number().int().positive(),
  reason: z.string().trim().min(1).max(500),
  findingRef: z.string().trim().min(1).max(200).optional(),
});
export const resolveFindingRequestSchema = versionedSchema.extend({
  /** The finding's key as the clerk saw it (a finding that changed since is refused). */
  key: z.string().min(1),
  /** What the clerk saw that settles it, e.g. 已核对身份证原件，为同一人（曾用名）. */
  note: z.string().trim().min(1).max(500),
});
export const releaseRequestSchema = versionedSchema.partial();
export const approveRequestSchema = versionedSchema;

export const batchResponseSchema = z.object({
  submissionId: z.string(),
  cases: z.array(caseSummarySchema),
  counts: z.record(z.string(), z.number().int().nonnegative()),
});

export const confirmCleanResponseSchema = z.object({
  confirmed: z.array(z.string()),
  skipped: z.array(z.object({ caseId: z.string(), reason: z.string() })),
});

export const paymentsQuerySchema = z
  .object({
    from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    format: z.enum(['xlsx', 'csv', 'json']).default('xlsx'),
  })
  .refine((q) => q.from <= q.to, { message: '`from` must not be after `to`' });

export const meResponseSchema = z.object({
  userId: z.string(),
  displayName: z.string().optional(),
  roles: z.array(reviewRoleSchema),
  institutionId: z.string().optional(),
});

export const signInRequestSchema = z.object({ username: z.string().min(1) });
export const signInResponseSchema = z.object({ token: z.string(), user: meResponseSchema });

export const devUsersResponseSchema = z.object({ users: z.array(meResponseSchema) });

// ---------------------------------------------------------------- batches of training institutions

/** One file of a new batch, as the page describes it before uploading. */
export const batchFileRequestSchema = z.object({
  name: z.string().trim().min(1).max(255),
  size: z.number().int().nonnegative(),
  contentType: z.string().max(255).default('application/octet-stream'),
  role: z.enum(['roster', 'certificates']),
});

/** A new batch: the institution comes from the caller, never from the body. */
export const createBatchRequestSchema = z.object({ files: z.array(batchFileRequestSchema).min(1).max(500) });
export type CreateBatchRequest = z.infer<typeof createBatchRequestSchema>;

/** Where and how to upload one file: a presigned PUT, or presigned parts of a multipart upload. */
export const uploadTargetSchema = z.discriminatedUnion('method', [
  z.object({ name: z.string(), key: z.string(), method: z.literal('PUT'), url: z.string() }),
  z.object({
    name: z.string(),
    key: z.string(),
    method: z.literal('MULTIPART'),
    uploadId: z.string(),
    partSize: z.number().int().positive(),
    parts: z.array(z.object({ partNumber: z.number().int().positive(), url: z.string() })),
  }),
]);

/** A batch as lists show it. */
export const batchListItemSchema = z.object({
  batchId: z.string(),
  institutionId: z.string(),
  status: z.enum(['created', 'uploaded']),
  rosterFileName: z.string().optional(),
  certificateFiles: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
  /**
   * Where the batch stands, in the list of an institution's batches (issue 16: the batch list shows states): its
   * documents read so far and its cases by state. Optional, additive: the newest batches of a list carry it.
   */
  state: z
    .object({
      documents: z.number().int().nonnegative(),
      documentsFinal: z.number().int().nonnegative(),
      casesByStatus: z.record(z.string(), z.number().int().nonnegative()),
    })
    .optional(),
});
export type BatchListItem = z.infer<typeof batchListItemSchema>;

export const createBatchResponseSchema = z.object({ batch: batchListItemSchema, uploads: z.array(uploadTargetSchema) });
export const batchListResponseSchema = z.object({ batches: z.array(batchListItemSchema) });

/** The parts of a multipart upload, with the ETag S3 answered each part's PUT with. */
export const completeUploadRequestSchema = z.object({
  key: z.string().min(1),
  uploadId: z.string().min(1),
  parts: z
    .array(z.object({ partNumber: z.number().int().min(1).max(10000), eTag: z.string().min(1) }))
    .min(1)
    .max(10000),
});
export type CompleteUploadRequest = z.infer<typeof completeUploadRequestSchema>;
export const completeUploadResponseSchema = z.object({ key: z.string() });

const rowRefSchema = z.object({ rowNumber: z.number().int(), holderName: z.string().optional() });

/** A batch's progress: documents by state and pages, cases, the roster matched against the certificates, amounts. */
export const batchProgressSchema = z.object({
  batch: batchListItemSchema,
  documents: z.object({
    total: z.number().int().nonnegative(),
    /** Documents in a final state (processed, needs_review, rejected, failed, duplicate). */
    final: z.number().int().nonnegative(),
    byStatus: z.record(z.string(), z.number().int().nonnegative()),
    /** Over the documents whose page count is known. */
    pagesTotal: z.number().int().nonnegative(),
    pagesDone: z.number().int().nonnegative(),
    /** Files that were refused, failed or repeated an earlier upload, with the reason code. */
    problems: z.array(z.object({ documentId: z.string(), fileName: z.string(), status: z.string(), reason: z.string().optional() })),
  }),
  /** Every uploaded certificate file has arrived and every document is final: nothing more will change by itself. */
  allFinal: z.boolean(),
  /** Certificate files the batch was opened with that have not arrived in storage yet (file names). */
  waitingForFiles: z.array(z.string()).optional(),
  cases: z.object({ total: z.number().int().nonnegative(), byStatus: z.record(z.string(), z.number().int().nonnegative()) }),
  /** Yuan claimed per programme (XH36-3.7.a, XH36-3.7.b). */
  amountsByProgramme: z.record(z.string(), z.number()),
  roster: z.object({
    uploaded: z.boolean(),
    fileName: z.string().optional(),
    rows: z.number().int().nonnegative(),
    error: z.object({ code: z.string(), zh: z.string() }).optional(),
  }),
  matching: z.object({
    rosterRows: z.number().int().nonnegative(),
    matched: z.number().int().nonnegative(),
    /** Matched rows where the certificate read differs from the roster (field names only: no values leave). */
    withFlags: z.array(
      rowRefSchema.extend({ caseId: z.string().optional(), fields: z.array(z.object({ field: z.string(), kind: z.enum(['mismatch', 'unread']) })) }),
    ),
    rowsWithoutCertificate: z.array(rowRefSchema),
    certificatesWithoutRow: z.array(
      z.object({ documentId: z.string(), indexInFile: z.number().int(), fileName: z.string().optional(), caseId: z.string().optional() }),
    ),
    /** Certificate numbers listed on more than one roster row. */
    duplicateRows: z.array(z.object({ certificateNumber: z.string(), rowNumbers: z.array(z.number().int()) })),
    /** Certificate numbers another batch claimed first. */
    /** Rows whose certificate number another batch's roster lists too; `otherBatches` is empty for a training body. */
    crossBatchDuplicates: z.array(z.object({ certificateNumber: z.string(), rowNumber: z.number().int(), otherBatches: z.array(z.string()) })),
  }),
  /** Each case with its file, state, outcome and reasons in Chinese: one line each on the batch page (`caseOutcomeLines`). */
  caseOutcomes: z.array(
    z.object({
      caseId: z.string(),
      fileName: z.string(),
      certificateInFile: z.number().int().positive(),
      holderName: z.string().optional(),
      status: z.string(),
      statusZh: z.string(),
      outcome: z.string().optional(),
      outcomeZh: z.string(),
      programmeTitle: z.string().optional(),
      /** Absent while an open finding holds the amount back (待核对（疑点未处理）). */
      amountYuan: z.number().int().nonnegative().optional(),
      reasonZh: z.string(),
    }),
  ),
  reportUrl: z.string(),
});
export type BatchProgress = z.infer<typeof batchProgressSchema>;
