import { z } from 'zod';
import { boxSchema } from './extracted-field.js';

/** Another character the engine found likely at the same place, with its probability (0–1). */
export const characterAlternativeSchema = z.object({ text: z.string(), confidence: z.number().min(0).max(1) });
export type CharacterAlternative = z.infer<typeof characterAlternativeSchema>;

/** One line of text found on a page, with its box in page-image pixels and the engine's confidence (0–1). */
export const ocrLineSchema = z.object({
  text: z.string(),
  confidence: z.number().min(0).max(1),
  box: boxSchema,
  /**
   * Set on a curled page whose rows the engine straightened (`box` and `words` then lie on the straightened rows, where
   * a value keeps its label's height): where the line lies on the page image, for showing it there. The reader lays
   * out by `box` only.
   */
  pageBox: boxSchema.optional(),
  /** Per-word or per-character confidences where the engine gives them. */
  words: z
    .array(
      z.object({
        text: z.string(),
        confidence: z.number(),
        box: boxSchema,
        /**
         * The recogniser's second choice for a character it was unsure of (PaddleOCR: under 0.9, the other class at
         * ≥ 0.05): evidence a reader may try when the value's check digit fails, never a reading of its own.
         */
        alternative: characterAlternativeSchema.optional(),
      }),
    )
    .optional(),
  /**
   * Present when the engine read the line a second time (coloured ink such as a seal lay over it, or the first reading
   * was unsure): the other reading and whether both gave the same text. Where they disagree, the line carries the surer
   * reading and the characters the other reading did not confirm have their `words` confidence lowered (≤ 0.5).
   */
  secondReading: z.object({ text: z.string(), confidence: z.number().min(0).max(1), agrees: z.boolean() }).optional(),
  /**
   * Set on the lettering round a round seal's ring, read whole from the ring unrolled (`box` is then the seal's box):
   * a seal's name, never a line of the page's print, so the reader keeps it apart from the page's lines.
   */
  sealLettering: z.literal(true).optional(),
});
export type OcrLine = z.infer<typeof ocrLineSchema>;

export const textSourceSchema = z.enum(['text_layer', 'paddle', 'textract']);
export type TextSource = z.infer<typeof textSourceSchema>;

/**
 * The text of one page as any engine reports it. `rotation` is the clockwise turn (degrees) that was applied to make
 * the page upright before reading; boxes are in the upright page's pixels (`width` × `height`).
 *
 * @example
 * ocrPageSchema.parse({ pageNumber: 1, width: 1000, height: 700, rotation: 0, source: 'paddle', lines: [] });
 */
export const ocrPageSchema = z.object({
  pageNumber: z.number().int().positive(),
  width: z.number().positive(),
  height: z.number().positive(),
  rotation: z.union([z.literal(0), z.literal(90), z.literal(180), z.literal(270)]),
  source: textSourceSchema,
  lines: z.array(ocrLineSchema),
});
export type OcrPage = z.infer<typeof ocrPageSchema>;
