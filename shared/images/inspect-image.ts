import sharp from 'sharp';
import { ImageCorruptError, ImageTooLargeError, ImageUnsupportedError } from './errors.js';

/** Formats the intake accepts as scans and photos. */
export const ACCEPTED_IMAGE_FORMATS = ['jpeg', 'png', 'tiff'] as const;
export type AcceptedImageFormat = (typeof ACCEPTED_IMAGE_FORMATS)[number];

/**
 * 60 megapixels: an A3 page scanned at 600 dpi is about 70 MP, an A4 page at 600 dpi 35 MP, a 50 MP phone photo
 * fits. Anything larger is refused before decoding, because decoding costs width × height × channels bytes.
 */
export const DEFAULT_PIXEL_LIMIT = 60_000_000;

export interface ImageInfo {
  format: AcceptedImageFormat;
  /** Width and height as stored, before EXIF orientation is applied. */
  width: number;
  height: number;
  /** Pages (frames) in the file: TIFF scans may hold several. */
  pages: number;
  /** EXIF orientation tag (2–8) when the image must be turned or mirrored; 5–8 swap width and height. */
  orientation?: number;
}

export interface InspectImageOptions {
  /** Largest accepted width × height of a single page. */
  pixelLimit?: number;
}

/**
 * Reads an image's header only (no full decode) and refuses what must not be decoded: more pixels than the limit
 * (`image_too_large`), unreadable bytes (`image_corrupt`), other formats (`image_unsupported`).
 *
 * @example
 * const info = await inspectImage(bytes, { pixelLimit: 40_000_000 });
 * // { format: 'jpeg', width: 3024, height: 4032, pages: 1, orientation: 6 }
 */
export async function inspectImage(bytes: Uint8Array, options: InspectImageOptions = {}): Promise<ImageInfo> {
  const pixelLimit = options.pixelLimit ?? DEFAULT_PIXEL_LIMIT;
  let metadata: sharp.Metadata;
  try {
    metadata = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch (error) {
    throw new ImageCorruptError('unrecognised or damaged image header', { cause: error });
  }
  const { format, width, height } = metadata;
  if (!format || !width || !height) throw new ImageCorruptError('the header has no size');
  if (!isAccepted(format)) throw new ImageUnsupportedError(format);
  // For multi-page TIFF, `height` is one page's height unless pageHeight says otherwise.
  const pageHeight = metadata.pageHeight ?? height;
  const pixels = width * pageHeight;
  if (pixels > pixelLimit) throw new ImageTooLargeError(pixels, pixelLimit);
  return {
    format,
    width,
    height: pageHeight,
    pages: metadata.pages ?? 1,
    // 1 means "as stored", the same as no tag.
    ...(metadata.orientation && metadata.orientation > 1 ? { orientation: metadata.orientation } : {}),
  };
}

function isAccepted(format: string): format is AcceptedImageFormat {
  return (ACCEPTED_IMAGE_FORMATS as readonly string[]).includes(format);
}
