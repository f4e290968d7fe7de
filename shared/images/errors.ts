/**
 * Why an uploaded image is refused while it is checked or prepared: intake refusals like the others, each with a
 * stable `code` (the document's reason, whose sentences for people and logs stand in shared/intake's table) and the
 * context a person needs.
 */
import { IntakeError } from '../intake/errors.js';

/** Base class of every image error. */
export class ImageError extends IntakeError {}

/** The image has more pixels than the limit (a decompression bomb or an absurd scan resolution). */
export class ImageTooLargeError extends ImageError {
  constructor(
    readonly pixels: number,
    readonly limitPixels: number,
    options?: { cause?: unknown },
  ) {
    super('image_too_large', `The image has ${pixels} pixels, more than the limit of ${limitPixels}.`, { pixels, limitPixels }, options);
  }
}

/** The bytes cannot be decoded as an image (truncated, damaged or not an image at all). */
export class ImageCorruptError extends ImageError {
  constructor(
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super('image_corrupt', `The image cannot be read: ${detail}.`, { detail }, options);
  }
}

/** The image decodes but in a format the intake does not accept (only JPEG, PNG and TIFF are). */
export class ImageUnsupportedError extends ImageError {
  constructor(readonly format: string) {
    super('image_unsupported', `Image format ${format} is not accepted; use JPEG, PNG or TIFF.`, { format });
  }
}
