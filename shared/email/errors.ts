/** Why a received message could not be taken in. Codes are reason codes of shared/intake's table. */
export class EmailError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly context: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'EmailError';
  }
}

/** The bytes are not a MIME message mailparser can read. */
export class UnreadableEmailError extends EmailError {
  constructor(detail: string, options?: { cause?: unknown }) {
    super('email_unreadable', `the message cannot be parsed: ${detail}`, { detail }, options);
    this.name = 'UnreadableEmailError';
  }
}
