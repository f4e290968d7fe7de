import type { IntakeLimits } from '../intake/limits.js';
import type { ReadableType } from '../intake/sniff.js';
import { inspectImage } from '../images/index.js';
import { inspectPdf } from '../pdf/index.js';

/**
 * Checks a file's structure without reading its content (a PDF's cross-reference table and encryption, an image's
 * header) and counts its pages. Throws the PDF and image errors (`pdf_encrypted`, `pdf_corrupt`,
 * `pdf_too_many_pages`, `image_too_large`, `image_corrupt`), which `describeFailure` turns into a rejection.
 *
 * @example
 * const { pageCount } = await inspectFile(bytes, 'pdf', DEFAULT_INTAKE_LIMITS); // 3
 */
export async function inspectFile(
  bytes: Uint8Array,
  type: ReadableType,
  limits: Pick<IntakeLimits, 'maxPdfPages' | 'maxImagePixels'>,
): Promise<{ pageCount: number }> {
  if (type === 'pdf') return { pageCount: inspectPdf(bytes, { maxPages: limits.maxPdfPages }).pageCount };
  const info = await inspectImage(bytes, { pixelLimit: limits.maxImagePixels });
  return { pageCount: info.pages };
}
