import type { OcrPage } from '../documents/ocr-page.js';
import { DEFAULT_RENDER_DPI, PdfFile, type OpenPdfOptions, type PdfInfo } from './pdf-file.js';

function withPdf<T>(bytes: Uint8Array, options: OpenPdfOptions, use: (pdf: PdfFile) => T): T {
  const pdf = PdfFile.open(bytes, options);
  try {
    return use(pdf);
  } finally {
    pdf.close();
  }
}

/**
 * Checks an uploaded PDF and reports its pages. Throws `PdfEncryptedError` (`pdf_encrypted`), `PdfCorruptError`
 * (`pdf_corrupt`) or `PdfTooManyPagesError` (`pdf_too_many_pages`, against `maxPages`).
 *
 * @example
 * const { pageCount } = inspectPdf(bytes, { maxPages: 200 });
 */
export function inspectPdf(bytes: Uint8Array, options: OpenPdfOptions = {}): PdfInfo {
  return withPdf(bytes, options, (pdf) => pdf.info());
}

/**
 * One page's text layer as an `OcrPage` with `source: 'text_layer'`, boxes in pixels of the page rendered at
 * `dpi`; `undefined` when the page has no usable text layer and must be OCRed. For many pages of one file, open a
 * `PdfFile` once instead.
 *
 * @example
 * const page = readTextLayer(bytes, 1, 200) ?? (await engine.recognize({ bytes: renderPage(bytes, 1, 200), pageNumber: 1 }));
 */
export function readTextLayer(bytes: Uint8Array, pageNumber: number, dpi: number = DEFAULT_RENDER_DPI): OcrPage | undefined {
  return withPdf(bytes, {}, (pdf) => pdf.readTextLayer(pageNumber, dpi));
}

/**
 * One page rendered at `dpi` as an RGB PNG.
 *
 * @example
 * const png = renderPage(bytes, 2, 150);
 */
export function renderPage(bytes: Uint8Array, pageNumber: number, dpi: number = DEFAULT_RENDER_DPI): Uint8Array {
  return withPdf(bytes, {}, (pdf) => pdf.renderPage(pageNumber, dpi));
}

/**
 * Splits a PDF into single-page PDFs, in page order (ingest stores them so each page is processed on its own).
 *
 * @example
 * const pages = splitPdf(bytes); // pages[0] is page 1 as a PDF
 */
export function splitPdf(bytes: Uint8Array, options: OpenPdfOptions = {}): Uint8Array[] {
  return withPdf(bytes, options, (pdf) => pdf.split());
}
