/**
 * Errors raised while checking or preparing an uploaded image. Each carries a stable `code` (used as the document's
 * rejection reason) and a sentence a clerk or submitter can read, in Chinese and English.
 */
import { CodedError } from '../documents/coded-error.js';

export const IMAGE_ERROR_CODES = {
  imageTooLarge: 'image_too_large',
  imageCorrupt: 'image_corrupt',
  imageUnsupported: 'image_unsupported',
} as const;
export type ImageErrorCode = (typeof IMAGE_ERROR_CODES)[keyof typeof IMAGE_ERROR_CODES];

/** Base class: every image error has a `code` and a Chinese sentence `messageZh` beside the English `message`. */
export class ImageError extends CodedError<ImageErrorCode> {}

/** The image has more pixels than the limit (a decompression bomb or an absurd scan resolution). */
export class ImageTooLargeError extends ImageError {
  constructor(
    readonly pixels: number,
    readonly limitPixels: number,
    options?: { cause?: unknown },
  ) {
    super(
      IMAGE_ERROR_CODES.imageTooLarge,
      `The image has ${pixels} pixels, more than the limit of ${limitPixels}.`,
      `图片像素过多（${pixels}），超过上限 ${limitPixels}，请降低分辨率后重新上传。`,
      options,
    );
  }
}

/** The bytes cannot be decoded as an image (truncated, damaged or not an image at all). */
export class ImageCorruptError extends ImageError {
  constructor(
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(IMAGE_ERROR_CODES.imageCorrupt, `The image cannot be read: ${detail}.`, '图片文件已损坏或无法读取，请重新扫描或拍照后上传。', options);
  }
}

/** The image decodes but in a format the intake does not accept (only JPEG, PNG and TIFF are). */
export class ImageUnsupportedError extends ImageError {
  constructor(readonly format: string) {
    super(
      IMAGE_ERROR_CODES.imageUnsupported,
      `Image format ${format} is not accepted; use JPEG, PNG or TIFF.`,
      `不支持的图片格式（${format}），请上传 JPEG、PNG 或 TIFF 图片。`,
    );
  }
}
