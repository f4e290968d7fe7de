import { z } from 'zod';
import { documentTypeSchema } from '../../shared/documents/index.js';

/**
 * How a generated file was made. `digital_pdf` has a text layer; every other condition is pixels only, which is
 * what makes the OCR engine (not the text layer) answer for it.
 */
export const Condition = {
  digitalPdf: 'digital_pdf',
  cleanScan: 'clean_scan',
  noisyScan: 'noisy_scan',
  phonePhoto: 'phone_photo',
  rotatedPage: 'rotated_page',
  multiDocumentScan: 'multi_document_scan',
} as const;

export const conditionSchema = z.enum([
  Condition.digitalPdf,
  Condition.cleanScan,
  Condition.noisyScan,
  Condition.phonePhoto,
  Condition.rotatedPage,
  Condition.multiDocumentScan,
]);
export type ConditionName = z.infer<typeof conditionSchema>;

export const ALL_CONDITIONS: readonly ConditionName[] = conditionSchema.options;

/** A value as `intake extract --json` must print it once normalised (dates `YYYY-MM-DD`, level 1–5, …). */
export const truthValueSchema = z.union([z.string(), z.number(), z.null()]);
export type TruthValue = z.infer<typeof truthValueSchema>;

/** Which part of a page image holding two documents one of them lies in. */
export const pageSideSchema = z.enum(['left', 'right', 'top', 'bottom']);

/**
 * One document inside a generated file. `fields` holds only what is printed on the document: a field the layout does
 * not carry (a level on a 特种作业操作证) is absent and not scored; `null` means "printed as none" (an open-ended
 * contract's end date) and must be predicted as `null`.
 */
export const truthDocumentSchema = z.object({
  type: documentTypeSchema,
  pages: z.array(z.number().int().positive()).min(1),
  /** Template family the document was drawn from, e.g. `skill-level/ribbon`. */
  family: z.string(),
  /** Held-out families are never used to tune the reader; the report shows them apart. */
  heldOut: z.boolean(),
  fields: z.record(z.string(), truthValueSchema),
  /** How a 聘书 says who and what (`appoint/range`, `decision/years`, `salutation/range`, `form` …). */
  letterForm: z.string().optional(),
  /** Fields whose printed value wraps over several lines: the report gives them a figure of their own. */
  multiline: z.array(z.string()).optional(),
  /** Fields printed but masked by the uploader (absent from `fields`): right only when the reader reports none. */
  masked: z.array(z.string()).optional(),
  /** Structural classes of the document (`cover`, `page_numbers_hyphen`, `pages_4` …) the report breaks down by. */
  structure: z.array(z.string()).optional(),
  /** What the procedural layout engine drew for this document (`placement:cell`, `licence:individual`, …). */
  variants: z.array(z.string()).optional(),
  /** Pages this document shares with another (two documents in one image, pair25) and the part of each it lies in. */
  parts: z.array(z.object({ page: z.number().int().positive(), side: pageSideSchema })).optional(),
});
export type TruthDocument = z.infer<typeof truthDocumentSchema>;
export type PageSide = z.infer<typeof pageSideSchema>;

/** `<file>.truth.json`: what a perfect `intake extract` would say about the file beside it. */
export const truthFileSchema = z.object({
  file: z.string(),
  condition: conditionSchema,
  pageCount: z.number().int().positive(),
  seed: z.number().int().optional(),
  /**
   * How the photo or copy was made within its condition (procedural sets): `photo:glare`, `photo:fold`,
   * `copy:faint`, `exif:6`, `size:large`, … so evaluation can report by them.
   */
  capture: z.array(z.string()).optional(),
  documents: z.array(truthDocumentSchema).min(1),
  /** Pages that belong to no document (blank back sides of a duplex scan). */
  blankPages: z.array(z.number().int().positive()).optional(),
});
export type TruthFile = z.infer<typeof truthFileSchema>;
