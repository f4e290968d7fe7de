import type { SniffedType } from '../cases/document-record.js';

/**
 * Why an uploaded file is refused: the base of every refusal (here, and the PDF, image, archive, e-mail and roster
 * errors). Each subclass carries the context a person needs; the code is stable (it is stored on the DocumentRecord),
 * and the sentences people read stand beside it in one table, shown through `describeFailure`. An error names itself
 * after its class (the Lambda bundles keep class names), so a subclass sets no `name` of its own.
 *
 * @example
 * class PdfError extends IntakeError {}
 * throw new PdfError('pdf_corrupt', 'the PDF cannot be read', { detail });
 */
export class IntakeError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly context: Record<string, unknown> = {},
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class EmptyFileError extends IntakeError {
  constructor(readonly fileName: string) {
    super('empty_file', `${fileName} is empty (0 bytes)`, { fileName });
  }
}

export class FileTooLargeError extends IntakeError {
  constructor(
    readonly size: number,
    readonly limit: number,
  ) {
    super('file_too_large', `file has ${size} bytes, the limit is ${limit}`, { size, limit });
  }
}

export class TypeMismatchError extends IntakeError {
  constructor(
    readonly claimed: SniffedType,
    readonly actual: SniffedType,
  ) {
    super('type_mismatch', `name says ${claimed} but the bytes are ${actual}`, { claimed, actual });
  }
}

export class UnsupportedTypeError extends IntakeError {
  constructor(readonly actual: SniffedType) {
    super('unsupported_type', `bytes are not a PDF, JPEG, PNG or TIFF (sniffed: ${actual})`, { actual });
  }
}

/** A ZIP, e-mail, workbook or CSV arrived where only documents are read (they have their own handlers). */
export class UnsupportedHereError extends IntakeError {
  constructor(readonly actual: SniffedType) {
    super('unsupported_here', `${actual} files are not read by this handler`, { actual });
  }
}
