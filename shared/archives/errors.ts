import { IntakeError } from '../intake/errors.js';

/**
 * Why an archive (or one of its entries) was refused. Codes are stable: they are stored on the record of the archive
 * or of the refused entry and turned into sentences by shared/intake's `describeFailure`.
 */
export class ArchiveError extends IntakeError {}

/** The bytes are not a ZIP that can be read (truncated, no central directory, corrupt entry data). */
export class ArchiveCorruptError extends ArchiveError {
  constructor(detail: string, options?: { cause?: unknown }) {
    super('zip_corrupt', `the ZIP cannot be read: ${detail}`, { detail }, options);
  }
}

/** More entries than the limit (an entry-count bomb). */
export class ArchiveTooManyEntriesError extends ArchiveError {
  constructor(
    readonly entryCount: number,
    readonly limit: number,
  ) {
    super('zip_too_many_entries', `the ZIP has ${entryCount} entries, the limit is ${limit}`, { entryCount, limit });
  }
}

/** Expansion would exceed the total-size limit or the compression-ratio limit (a decompression bomb). */
export class ArchiveBombError extends ArchiveError {
  constructor(
    readonly measure: 'total_size' | 'ratio',
    readonly value: number,
    readonly limit: number,
  ) {
    super('zip_bomb', `the ZIP would expand beyond the ${measure === 'ratio' ? 'compression-ratio' : 'total-size'} limit (${value} > ${limit})`, {
      measure,
      value,
      limit,
    });
  }
}
