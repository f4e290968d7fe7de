/**
 * Base error of the extraction module. Extraction itself never throws on bad documents (it flags fields instead);
 * these errors are for programming mistakes such as asking a check character of a malformed prefix.
 */
export class ExtractionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A builder or check-character function was given input that does not have the identifier's shape. */
export class MalformedIdentifierError extends ExtractionError {
  constructor(
    readonly identifier: 'resident_id' | 'credit_code' | 'certificate_number',
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    // The offending value is deliberately left out of the message: it may be a person's ID number (PII).
    super(`Malformed ${identifier}: ${reason}`, options);
  }
}
