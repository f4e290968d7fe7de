/**
 * The review API's request and response bodies. The router validates with them, the OpenAPI document is generated
 * from them, and the page imports the inferred types: one definition each.
 */
import { z } from 'zod';
import { auditEventSchema, caseStatusSchema, reviewCaseSchema } from '../cases/review-case.js';
import { reviewRoleSchema } from './principal.js';

export const errorBodySchema = z
  .object({
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
export const caseSummarySchema = z
  .object({
    caseId: z.string(),
    submissionId: z.string(),
    queue: z.string(),
    status: caseStatusSchema,
    personName: z.string().optional(),
    flaggedFieldCount: z.number().int().nonnegative(),
    outcome: z.string().optional(),
    amountYuan: z.number().int().nonnegative().optional(),
    lease: z.object({ holder: z.string(), expiresAt: z.string() }).optional(),
    version: z.number().int().nonnegative(),
    createdAt: z.string(),
  });
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const caseListResponseSchema = z.object({ items: z.array(caseSummarySchema), cursor: z.string().optional() });

export const caseListQuerySchema = z.object({
  cursor: z.string().optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

/** One page image of a case document, with the URL that serves it. */
export const casePageSchema = z.object({
  documentId: z.string(),
  pageNumber: z.number().int().positive(),
  url: z.string(),
});

/** A case with everything a clerk needs on one screen. */
export const caseDetailSchema = z
  .object({
    case: reviewCaseSchema,
    pages: z.array(casePageSchema),
    audit: z.array(auditEventSchema),
  });
export type CaseDetail = z.infer<typeof caseDetailSchema>;

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

export const correctFieldsRequestSchema = versionedSchema
  .extend({ corrections: z.array(fieldCorrectionSchema).min(1).max(100) });
export type CorrectFieldsRequest = z.infer<typeof correctFieldsRequestSchema>;

export const confirmRequestSchema = versionedSchema;
export const rejectRequestSchema = versionedSchema.extend({ reason: z.string().trim().min(1).max(500) });
export const requestDocumentsRequestSchema = versionedSchema
  .extend({ documents: z.array(z.string().trim().min(1)).min(1).max(20), note: z.string().max(500).optional() });
export const releaseRequestSchema = versionedSchema.partial();
export const approveRequestSchema = versionedSchema;

export const batchResponseSchema = z
  .object({
    submissionId: z.string(),
    cases: z.array(caseSummarySchema),
    counts: z.record(z.string(), z.number().int().nonnegative()),
  });

export const confirmCleanResponseSchema = z
  .object({
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

export const meResponseSchema = z
  .object({ userId: z.string(), displayName: z.string().optional(), roles: z.array(reviewRoleSchema), institutionId: z.string().optional() });

export const signInRequestSchema = z.object({ username: z.string().min(1) });
export const signInResponseSchema = z
  .object({ token: z.string(), user: meResponseSchema });

export const devUsersResponseSchema = z.object({ users: z.array(meResponseSchema) });
