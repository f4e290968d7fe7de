import sharp from 'sharp';
import { ImageCorruptError } from './errors.js';
import { DEFAULT_PIXEL_LIMIT, inspectImage } from './inspect-image.js';
import { straightenPhotographedPage } from './page-quad.js';

/**
 * Long side, in pixels, that pages are brought down to before OCR. An A4 page at 200 dpi is 2339 px long, which
 * keeps 9-point text about 25 px high — comfortably above what PP-OCRv4 needs — while a 48 MP phone photo
 * (8000 px) would cost 10× the detection time for no gain.
 */
export const DEFAULT_OCR_LONG_SIDE = 2400;

export interface NormalisedPage {
  /** 1-based page (frame) number within the image file. */
  pageNumber: number;
  /** Upright PNG (EXIF orientation applied, alpha flattened onto white). */
  bytes: Uint8Array;
  width: number;
  height: number;
  /** Factor applied to the stored size (1 when the page was small enough). */
  scale: number;
}

export interface NormaliseOptions {
  pixelLimit?: number;
  longSide?: number;
  /** Straighten a page photographed on a desk (`straightenPhotographedPage`); off by default. */
  straightenPhotos?: boolean;
}

/**
 * Prepares an uploaded image for OCR and for the clerk's page view: checks it (see `inspectImage`), applies the
 * EXIF orientation of phone photos, splits multi-page TIFF into pages, downscales very large pages and, with
 * `straightenPhotos`, straightens a page photographed on a desk (`straightenPhotographedPage`).
 *
 * @example
 * const pages = await normaliseForOcr(jpegFromPhone);
 * const page = await engine.recognize({ bytes: pages[0].bytes, pageNumber: 1 });
 */
export async function normaliseForOcr(bytes: Uint8Array, options: NormaliseOptions = {}): Promise<NormalisedPage[]> {
  const pixelLimit = options.pixelLimit ?? DEFAULT_PIXEL_LIMIT;
  const longSide = options.longSide ?? DEFAULT_OCR_LONG_SIDE;
  const info = await inspectImage(bytes, { pixelLimit });
  const pages: NormalisedPage[] = [];
  for (let index = 0; index < info.pages; index++) {
    try {
      const upright = info.orientation !== undefined && info.orientation >= 5;
      const width = upright ? info.height : info.width;
      const height = upright ? info.width : info.height;
      const scale = Math.min(1, longSide / Math.max(width, height));
      let pipeline = sharp(bytes, { page: index, limitInputPixels: pixelLimit }).rotate();
      if (scale < 1) {
        pipeline = pipeline.resize({ width: Math.round(width * scale), height: Math.round(height * scale), fit: 'fill' });
      }
      pipeline = pipeline.flatten({ background: '#ffffff' }).toColourspace('srgb');
      if (options.straightenPhotos) {
        const decoded = await pipeline.removeAlpha().raw().toBuffer({ resolveWithObject: true });
        // A page photographed on a desk is straightened (as `imagePageRasters` does for the raw-pixel path).
        const page = straightenPhotographedPage({ data: decoded.data, width: decoded.info.width, height: decoded.info.height }).pixels;
        pipeline = sharp(page.data, { raw: { width: page.width, height: page.height, channels: 3 } });
      }
      const { data, info: out } = await pipeline
        // Level 1: these PNGs are intermediate; speed matters more than size.
        .png({ compressionLevel: 1 })
        .toBuffer({ resolveWithObject: true });
      pages.push({ pageNumber: index + 1, bytes: new Uint8Array(data), width: out.width, height: out.height, scale });
    } catch (error) {
      throw new ImageCorruptError(`page ${index + 1} cannot be decoded`, { cause: error });
    }
  }
  return pages;
}
