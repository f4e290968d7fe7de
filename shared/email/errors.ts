import { IntakeError } from '../intake/errors.js';

/** Why a received message could not be taken in. Codes are reason codes of shared/intake's table. */
export class EmailError extends IntakeError {}

/** The bytes are not a MIME message mailparser can read. */
export class UnreadableEmailError extends EmailError {
  constructor(detail: string, options?: { cause?: unknown }) {
    super('email_unreadable', `the message cannot be parsed: ${detail}`, { detail }, options);
  }
}
