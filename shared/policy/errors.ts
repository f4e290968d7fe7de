/** Base of every error the policy domain raises; `code` is stable for mapping to HTTP statuses and CLI messages. */
export class PolicyError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
  }
}

/** A parameter has no value in force on the date asked (before its first value, or after a `null` ended it). */
export class ParameterNotInForceError extends PolicyError {
  constructor(
    readonly parameter: string,
    readonly date: string,
  ) {
    super('parameter_not_in_force', `parameter ${parameter} has no value in force on ${date}`);
  }
}

/** A rule asked for a parameter that no parameter file defines. */
export class UnknownParameterError extends PolicyError {
  constructor(readonly parameter: string) {
    super('unknown_parameter', `no parameter file defines ${parameter}`);
  }
}

/** A parameter file does not match the schema, or two files give the same parameter a value on the same date. */
export class ParameterFileError extends PolicyError {
  constructor(
    readonly file: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super('parameter_file_invalid', `${file}: ${message}`, options);
  }
}

/** Claim facts that do not match the facts schema; `issues` is zod's list, `message` is readable. */
export class InvalidFactsError extends PolicyError {
  constructor(
    readonly issues: readonly { path: readonly PropertyKey[]; message: string }[],
    options?: { cause?: unknown },
  ) {
    super(
      'invalid_facts',
      `invalid claim facts: ${issues.map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`).join('; ')}`,
      options,
    );
  }
}
