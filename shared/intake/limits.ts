import { z } from 'zod';

/**
 * What ingest accepts. The defaults fit the documents the bureau receives (a 300-dpi A4 scan is about 9 megapixels;
 * a long labour contract has some tens of pages) with a wide margin, while still refusing decompression bombs and
 * files that would hold a worker for minutes.
 */
export const intakeLimitsSchema = z.object({
  /** Largest accepted upload in bytes (default 50 MiB). */
  maxFileBytes: z
    .number()
    .int()
    .positive()
    .default(50 * 1024 * 1024),
  /** Most pages a PDF may have (default 200). */
  maxPdfPages: z.number().int().positive().default(200),
  /** Most pixels one image (or one page of a TIFF) may declare (default 100 megapixels; sharp's own cap is 268). */
  maxImagePixels: z.number().int().positive().default(100_000_000),
});
export type IntakeLimits = z.infer<typeof intakeLimitsSchema>;

/**
 * The documented defaults.
 *
 * @example
 * DEFAULT_INTAKE_LIMITS.maxPdfPages; // 200
 */
export const DEFAULT_INTAKE_LIMITS: IntakeLimits = Object.freeze(intakeLimitsSchema.parse({}));
