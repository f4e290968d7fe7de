/**
 * Why an uploaded PDF is refused: intake refusals like the others, each with a stable `code` (the document's reason,
 * whose sentences for people and logs stand in shared/intake's table) and the context a person needs.
 */
import { IntakeError } from '../intake/errors.js';

/** Base class of every PDF error. */
export class PdfError extends IntakeError {}

/** The PDF needs a password to open: we cannot read it, and the submitter must upload it without protection. */
export class PdfEncryptedError extends PdfError {
  constructor() {
    super('pdf_encrypted', 'The PDF is password-protected and cannot be read.');
  }
}

/** The PDF is damaged or truncated (`detail` says which check failed). */
export class PdfCorruptError extends PdfError {
  /** mupdf's own diagnostics while it tried (e.g. "cannot find startxref"). */
  readonly mupdfMessages: string[] = [];

  constructor(
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super('pdf_corrupt', `The PDF is damaged or incomplete: ${detail}.`, { detail }, options);
  }
}

/** The PDF has more pages than one submission may hold. */
export class PdfTooManyPagesError extends PdfError {
  constructor(
    readonly pageCount: number,
    readonly maxPages: number,
  ) {
    super('pdf_too_many_pages', `The PDF has ${pageCount} pages, more than the limit of ${maxPages}.`, { pageCount, maxPages });
  }
}

/** A page is larger than any paper document (a 5000 × 5000 pt page is 1.8 m square): refused before rendering. */
export class PdfPageTooLargeError extends PdfError {
  constructor(
    readonly pageNumber: number,
    readonly widthPt: number,
    readonly heightPt: number,
  ) {
    super('pdf_page_too_large', `Page ${pageNumber} is ${Math.round(widthPt)} × ${Math.round(heightPt)} pt, larger than any paper document the bureau reads.`, {
      pageNumber,
      widthPt,
      heightPt,
    });
  }
}

/**
 * A page number outside 1…pageCount was asked for: a programming error, not a bad upload, so its code is no reason
 * of the table and `describeFailure` reports it as a processing failure.
 */
export class PdfPageOutOfRangeError extends PdfError {
  constructor(
    readonly pageNumber: number,
    readonly pageCount: number,
  ) {
    super('pdf_page_out_of_range', `Page ${pageNumber} does not exist; the PDF has ${pageCount} pages.`, { pageNumber, pageCount });
  }
}
