/**
 * An error a document's reading can end in: a stable `code` (stored as the document's reason) and a sentence a clerk
 * or submitter reads in Chinese (`messageZh`) beside the English `message` for logs. The PDF, image and OCR errors are
 * kinds of it, each with its own table of codes.
 *
 * @example
 * class PdfError extends CodedError<PdfErrorCode> {}
 * throw new PdfError('pdf_corrupt', 'The PDF cannot be read.', 'PDF 文件已损坏。');
 */
export class CodedError<Code extends string> extends Error {
  readonly code: Code;
  readonly messageZh: string;

  constructor(code: Code, message: string, messageZh: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.messageZh = messageZh;
  }
}
