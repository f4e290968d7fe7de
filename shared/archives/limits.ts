import { z } from 'zod';

/**
 * What ZIP expansion accepts. A batch of a thousand certificate scans is some hundreds of MiB at most and compresses
 * little (JPEG/PDF are compressed already), so a ratio above 100 or a total above 1 GiB is a bomb, not a batch.
 */
export const archiveLimitsSchema = z.object({
  /** Most entries in one archive, nested archives counted in (default 5,000). */
  maxEntries: z.number().int().positive().default(5_000),
  /** Most bytes all entries may expand to, nested archives counted in (default 1 GiB). */
  maxTotalBytes: z
    .number()
    .int()
    .positive()
    .default(1024 * 1024 * 1024),
  /** Largest uncompressed/compressed ratio of an entry and of the whole archive (default 100). */
  maxRatio: z.number().positive().default(100),
  /** How deep archives may nest: 1 = a ZIP inside the uploaded ZIP is expanded, one inside that is refused (default 1). */
  maxDepth: z.number().int().nonnegative().default(1),
});
export type ArchiveLimits = z.infer<typeof archiveLimitsSchema>;

/**
 * The documented defaults.
 *
 * @example
 * DEFAULT_ARCHIVE_LIMITS.maxDepth; // 1
 */
export const DEFAULT_ARCHIVE_LIMITS: ArchiveLimits = Object.freeze(archiveLimitsSchema.parse({}));
