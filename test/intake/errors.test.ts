import { describe, expect, it } from 'vitest';
import { ArchiveBombError, ArchiveCorruptError, ArchiveTooManyEntriesError } from '../../shared/archives/errors.js';
import { UnreadableEmailError } from '../../shared/email/errors.js';
import { ImageCorruptError, ImageTooLargeError, ImageUnsupportedError } from '../../shared/images/errors.js';
import { EmptyFileError, FileTooLargeError, IntakeError, TypeMismatchError, UnsupportedHereError, UnsupportedTypeError } from '../../shared/intake/errors.js';
import { describeFailure, reasonText, type ReasonCode } from '../../shared/intake/failure.js';
import { PdfCorruptError, PdfEncryptedError, PdfPageOutOfRangeError, PdfPageTooLargeError, PdfTooManyPagesError } from '../../shared/pdf/errors.js';

const refusals: IntakeError[] = [
  new EmptyFileError('a.pdf'),
  new FileTooLargeError(20, 10),
  new TypeMismatchError('pdf', 'png'),
  new UnsupportedTypeError('unknown'),
  new UnsupportedHereError('zip'),
  new PdfEncryptedError(),
  new PdfCorruptError('no startxref'),
  new PdfTooManyPagesError(3, 2),
  new PdfPageTooLargeError(1, 9000, 9000),
  new ImageTooLargeError(4e9, 1e8),
  new ImageCorruptError('truncated'),
  new ImageUnsupportedError('gif'),
  new ArchiveCorruptError('no central directory'),
  new ArchiveTooManyEntriesError(5000, 1000),
  new ArchiveBombError('ratio', 500, 100),
  new UnreadableEmailError('no headers'),
];

describe('intake refusals', () => {
  it.each(refusals.map((error) => [error.name, error] as const))('%s is bad input with its sentence from the reason table', (_name, error) => {
    expect(error).toBeInstanceOf(IntakeError);
    expect(describeFailure(error)).toMatchObject({ status: 'rejected', error: { code: error.code, message: reasonText(error.code as ReasonCode).zh } });
  });

  it('names each refusal after its class, so a log says which one it was', () => {
    expect(refusals.map((error) => error.name)).toEqual(refusals.map((error) => error.constructor.name));
    expect(new PdfCorruptError('x').name).toBe('PdfCorruptError');
    expect(new ArchiveBombError('total_size', 2, 1).name).toBe('ArchiveBombError');
  });

  it('reports a page asked for outside the PDF as a processing failure, not as the sender’s fault', () => {
    expect(describeFailure(new PdfPageOutOfRangeError(4, 3))).toMatchObject({ status: 'failed', error: { code: 'processing_failed' } });
  });
});
