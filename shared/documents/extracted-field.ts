import { z } from 'zod';

/** A rectangle on a page, in pixels of the page image the text was read from (origin top-left). */
export const boxSchema = z.object({
  x: z.number(),
  y: z.number(),
  width: z.number(),
  height: z.number(),
});
export type Box = z.infer<typeof boxSchema>;

/** Where a value was read: the 1-based page of the file and the box on that page. */
export const fieldSourceSchema = z.object({
  page: z.number().int().positive(),
  box: boxSchema.optional(),
  /** The raw text the value was normalised from, kept so a clerk can compare. */
  raw: z.string().optional(),
});
export type FieldSource = z.infer<typeof fieldSourceSchema>;

/**
 * One value the machine read, with how sure it is. `needsReview` is what the clerk's page highlights: it is set when
 * `confidence` is under the documented threshold or a check failed (`issues` says which).
 *
 * @example
 * extractedFieldSchema.parse({ value: '王晓明', confidence: 0.98, needsReview: false });
 */
export const extractedFieldSchema = z.object({
  value: z.union([z.string(), z.number(), z.null()]),
  confidence: z.number().min(0).max(1),
  needsReview: z.boolean(),
  source: fieldSourceSchema.optional(),
  /** Machine-readable reasons for lowered confidence, e.g. `id_checksum_failed`. */
  issues: z.array(z.string()).optional(),
  /** A correction the checks made possible (e.g. OCR `O` → `0` in an ID number that then passes its checksum). */
  correction: z.object({ from: z.string(), reason: z.string() }).optional(),
});
export type ExtractedField = z.infer<typeof extractedFieldSchema>;
