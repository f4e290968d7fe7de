import { z } from 'zod';
import { documentTypeSchema } from './document-type.js';
import { boxSchema, extractedFieldSchema } from './extracted-field.js';

/** The part of a file's page that one document covers when the page holds two (two certificates photographed side by side). */
export const pageRegionSchema = z.object({
  page: z.number().int().positive(),
  /** In pixels of the page image, like a field's `source.box`. */
  box: boxSchema,
});
export type PageRegion = z.infer<typeof pageRegionSchema>;

/** A span of social-insurance contributions read from a record's table (months are counted from spans, gaps included). */
export const socialInsuranceSpanSchema = z.object({
  employerName: z.string(),
  from: z.string().regex(/^\d{4}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}$/),
  months: z.number().int().nonnegative().optional(),
});
export type SocialInsuranceSpanRow = z.infer<typeof socialInsuranceSpanSchema>;

/**
 * One document found in a file: its type, which pages of the file it spans, and its fields by name
 * (see FIELDS_BY_TYPE). A file may hold several documents.
 *
 * @example
 * extractedDocumentSchema.parse({ type: 'id_card', pages: [1], fields: {} });
 */
export const extractedDocumentSchema = z.object({
  type: documentTypeSchema,
  pages: z.array(z.number().int().positive()).min(1),
  /**
   * Pages this document shares with another, each with the part it covers: the document was read from that part
   * only. Its fields' boxes stay on the whole page, so the page view draws them where they are.
   */
  regions: z.array(pageRegionSchema).optional(),
  fields: z.record(z.string(), extractedFieldSchema),
  /** How sure the classifier is of `type`. */
  typeConfidence: z.number().min(0).max(1).optional(),
  /**
   * Document-level reasons for review, e.g. `document_boundary_inconsistent`: the pages' evidence disagreed about
   * where this document ends, so its pages were kept together for the clerk to split if need be.
   */
  issues: z.array(z.string()).optional(),
  /** Table rows for social-insurance records. */
  spans: z.array(socialInsuranceSpanSchema).optional(),
});
export type ExtractedDocument = z.infer<typeof extractedDocumentSchema>;

/** Why a file could not be read: a stable code and a sentence for people. */
export const readErrorSchema = z.object({ code: z.string(), message: z.string() });
export type ReadError = z.infer<typeof readErrorSchema>;

/** The `intake extract --json` result for one file. */
export const fileExtractionSchema = z.object({
  file: z.string(),
  documents: z.array(extractedDocumentSchema),
  error: readErrorSchema.optional(),
});
export type FileExtraction = z.infer<typeof fileExtractionSchema>;
