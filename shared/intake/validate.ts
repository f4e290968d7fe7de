import type { SniffedType } from '../cases/document-record.js';
import { EmptyFileError, FileTooLargeError, TypeMismatchError, UnsupportedHereError, UnsupportedTypeError } from './errors.js';
import type { IntakeLimits } from './limits.js';
import { isReadableType, sniffType, typeFromFileName, type ReadableType } from './sniff.js';

const IMAGE_TYPES: readonly SniffedType[] = ['jpeg', 'png', 'tiff'];

/**
 * The first gate for every upload, before any parser sees the bytes: not empty, not over the size limit, the real type
 * a document type we read, and the name not lying about it. Phones and scanners often name a PNG `.jpg`; that is
 * tolerated between image types, but a "PDF" that is not a PDF is refused (`type_mismatch`). Throws an IntakeError.
 *
 * @example
 * checkUpload(pdfBytes, '证书.pdf', DEFAULT_INTAKE_LIMITS); // { type: 'pdf', claimedType: 'pdf' }
 */
export function checkUpload(
  bytes: Uint8Array,
  fileName: string,
  limits: Pick<IntakeLimits, 'maxFileBytes'>,
): { type: ReadableType; claimedType?: SniffedType } {
  if (bytes.length === 0) throw new EmptyFileError(fileName);
  if (bytes.length > limits.maxFileBytes) throw new FileTooLargeError(bytes.length, limits.maxFileBytes);
  const actual = sniffType(bytes);
  const claimed = typeFromFileName(fileName);
  if (claimed && claimed !== actual && !(IMAGE_TYPES.includes(claimed) && IMAGE_TYPES.includes(actual))) {
    throw new TypeMismatchError(claimed, actual);
  }
  if (isReadableType(actual)) return { type: actual, claimedType: claimed };
  if (actual === 'unknown') throw new UnsupportedTypeError(actual);
  throw new UnsupportedHereError(actual);
}
