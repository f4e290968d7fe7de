import { IntakeError } from '../intake/errors.js';

/** Why a roster or a batch could not be used. Codes are reason codes of shared/intake's table. */
export class BatchError extends IntakeError {
  // Same shape as every intake refusal (code, message, context, cause): only the name differs.
  override name = 'BatchError';
}

/** The roster lacks columns without which certificates cannot be matched. */
export class RosterMissingColumnsError extends BatchError {
  constructor(readonly missing: string[]) {
    super('roster_missing_columns', `the roster lacks the column(s) ${missing.join(', ')}`, { missing });
    this.name = 'RosterMissingColumnsError';
  }
}

/** The bytes are not a workbook or CSV that can be read. */
export class RosterUnreadableError extends BatchError {
  constructor(detail: string, options?: { cause?: unknown }) {
    super('roster_unreadable', `the roster cannot be read: ${detail}`, { detail }, options);
    this.name = 'RosterUnreadableError';
  }
}
