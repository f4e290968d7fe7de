/**
 * Errors raised while checking or reading an uploaded PDF. Each carries a stable `code` (the document's rejection
 * reason) and a sentence in Chinese (`messageZh`) beside the English `message`.
 */
import { CodedError } from '../documents/coded-error.js';

export const PDF_ERROR_CODES = {
  pdfEncrypted: 'pdf_encrypted',
  pdfCorrupt: 'pdf_corrupt',
  pdfTooManyPages: 'pdf_too_many_pages',
  pdfPageTooLarge: 'pdf_page_too_large',
  pdfPageOutOfRange: 'pdf_page_out_of_range',
} as const;
export type PdfErrorCode = (typeof PDF_ERROR_CODES)[keyof typeof PDF_ERROR_CODES];

/** Base class of every PDF error. */
export class PdfError extends CodedError<PdfErrorCode> {}

/** The PDF needs a password to open: we cannot read it, and the submitter must upload it without protection. */
export class PdfEncryptedError extends PdfError {
  constructor() {
    super(PDF_ERROR_CODES.pdfEncrypted, 'The PDF is password-protected and cannot be read.', 'PDF 文件设置了打开密码，无法读取，请去除密码后重新上传。');
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
    super(PDF_ERROR_CODES.pdfCorrupt, `The PDF is damaged or incomplete: ${detail}.`, 'PDF 文件已损坏或不完整（可能上传中断），请重新上传。', options);
  }
}

/** The PDF has more pages than one submission may hold. */
export class PdfTooManyPagesError extends PdfError {
  constructor(
    readonly pageCount: number,
    readonly maxPages: number,
  ) {
    super(
      PDF_ERROR_CODES.pdfTooManyPages,
      `The PDF has ${pageCount} pages, more than the limit of ${maxPages}.`,
      `PDF 共 ${pageCount} 页，超过单个文件 ${maxPages} 页的上限，请拆分后上传。`,
    );
  }
}

/** A page is larger than any paper document (a 5000 × 5000 pt page is 1.8 m square): refused before rendering. */
export class PdfPageTooLargeError extends PdfError {
  constructor(
    readonly pageNumber: number,
    readonly widthPt: number,
    readonly heightPt: number,
  ) {
    super(
      PDF_ERROR_CODES.pdfPageTooLarge,
      `Page ${pageNumber} is ${Math.round(widthPt)} × ${Math.round(heightPt)} pt, larger than any paper document the bureau reads.`,
      `PDF 第 ${pageNumber} 页的页面尺寸异常（超过 A0 纸的两倍），无法读取，请按实际纸张大小扫描或导出后重新上传。`,
    );
  }
}

/** A page number outside 1…pageCount was asked for (a programming error, not a bad upload). */
export class PdfPageOutOfRangeError extends PdfError {
  constructor(
    readonly pageNumber: number,
    readonly pageCount: number,
  ) {
    super(
      PDF_ERROR_CODES.pdfPageOutOfRange,
      `Page ${pageNumber} does not exist; the PDF has ${pageCount} pages.`,
      `页码 ${pageNumber} 不存在（共 ${pageCount} 页）。`,
    );
  }
}
