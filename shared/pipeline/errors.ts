/** Base of the pipeline's own errors (input faults are IntakeError / PDF / image errors, mapped by describeFailure). */
export class PipelineError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PipelineError';
  }
}

/** A process message names a document that was never registered (a message from another environment, or a bug). */
export class UnknownDocumentError extends PipelineError {
  constructor(readonly documentId: string) {
    super(`process message for unknown document ${documentId}`);
    this.name = 'UnknownDocumentError';
  }
}

/** The case could not be written after repeated optimistic-locking conflicts or claim-key refusals. */
export class CaseWriteContentionError extends PipelineError {
  constructor(
    readonly caseId: string,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(`case ${caseId} could not be written after ${attempts} attempts`, options);
    this.name = 'CaseWriteContentionError';
  }
}

/**
 * The case was written by someone else between this attempt's reading of the submission and its own write (another
 * file of the submission settled meanwhile): the caller lists the submission again and plans afresh, so the last
 * writer always judges every file it saw saved.
 */
export class CaseChangedError extends PipelineError {
  constructor(readonly caseId: string) {
    super(`case ${caseId} changed while this file was being put into it`);
    this.name = 'CaseChangedError';
  }
}
