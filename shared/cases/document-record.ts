import { z } from 'zod';
import { extractedDocumentSchema, readErrorSchema } from '../documents/extracted-document.js';

/** The states an uploaded object moves through. Every object ends in one a person can see. */
export const documentStatusSchema = z.enum([
  'received', // registered by ingest
  'processing', // pages queued / being read
  'processed', // read, nothing flagged
  'needs_review', // read, some field or the type is flagged
  'rejected', // bad input: `error` says why (never deleted from S3)
  'failed', // processing failed after retries (dead-lettered): `error` says why
  'duplicate', // same bytes as an earlier upload (`duplicateOf`)
]);
export type DocumentStatus = z.infer<typeof documentStatusSchema>;

/**
 * The states a document comes to rest in: the uploader and the clerk see the outcome, and a redelivered event or
 * message for it changes nothing. The one list ingest, the batch views, the CLI, the local stack and the benches use.
 */
export const FINAL_DOCUMENT_STATES = ['processed', 'needs_review', 'rejected', 'failed', 'duplicate'] as const satisfies readonly DocumentStatus[];

/** Whether a document has come to rest (see FINAL_DOCUMENT_STATES). */
export const isFinalDocumentState = (status: string): boolean => (FINAL_DOCUMENT_STATES as readonly string[]).includes(status);

/**
 * The final states the process step never reads again. `failed` is final for people, but a document that failed for
 * a transient reason is redriven: its redriven message must read it, so `failed` is not among these.
 */
export const SETTLED_FOR_PROCESSING: readonly DocumentStatus[] = FINAL_DOCUMENT_STATES.filter((status) => status !== 'failed');

export const sniffedTypeSchema = z.enum(['pdf', 'jpeg', 'png', 'tiff', 'zip', 'eml', 'xlsx', 'csv', 'unknown']);
export type SniffedType = z.infer<typeof sniffedTypeSchema>;

/**
 * One uploaded object (a file) and what became of it.
 *
 * @example
 * documentRecordSchema.parse({ documentId: 'd1', submissionId: 's1', bucket: 'b', key: 'incoming/s1/a.pdf',
 *   sourceVersion: 'etag', status: 'received', createdAt: '2021-06-18T00:00:00Z', updatedAt: '2021-06-18T00:00:00Z' });
 */
export const documentRecordSchema = z.object({
  documentId: z.string(),
  submissionId: z.string(),
  bucket: z.string(),
  key: z.string(),
  /** The S3 versionId, or the eTag where the bucket is not versioned: with bucket and key, the idempotency key. */
  sourceVersion: z.string(),
  /** The S3 versionId when the bucket is versioned: every read of the original asks for exactly this version. */
  sourceVersionId: z.string().optional(),
  fileName: z.string().optional(),
  sha256: z.string().optional(),
  size: z.number().int().nonnegative().optional(),
  sniffedType: sniffedTypeSchema.optional(),
  pageCount: z.number().int().nonnegative().optional(),
  /** Pages processed so far (progress on long files). */
  pagesDone: z.number().int().nonnegative().optional(),
  status: documentStatusSchema,
  error: readErrorSchema.optional(),
  duplicateOf: z.string().optional(),
  /**
   * The same bytes were uploaded earlier in ANOTHER submission (another claimant, another training body): this copy
   * still belongs to its own claim and is read for it; the link is a finding for the clerk, and the rule of one claim
   * per certificate decides payment — never who uploaded first.
   */
  sameContentAs: z.object({ documentId: z.string(), submissionId: z.string() }).optional(),
  /** The documents found in the file once read. */
  documents: z.array(extractedDocumentSchema).optional(),
  caseIds: z.array(z.string()).optional(),
  /**
   * A training body's documents of the same batch (its business licence…) that settled before this file's certificate
   * cases existed: their record ids, for this file's cases to take up once written (issue 15.12).
   */
  sharedDocumentIds: z.array(z.string()).optional(),
  submitter: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type DocumentRecord = z.infer<typeof documentRecordSchema>;
