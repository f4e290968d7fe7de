import sharp from 'sharp';
import { DEFAULT_OCR_LONG_SIDE, DEFAULT_PIXEL_LIMIT, ImageCorruptError, inspectImage, straightenPhotographedPage } from '../images/index.js';
import { rgbRaster, type Raster } from '../ocr/raster.js';

export interface ImagePageRasters {
  /** Pages (frames) in the file. */
  pageCount: number;
  /** Decodes one page (1-based) when asked, so a multi-page TIFF never holds every page's pixels at once. */
  page(pageNumber: number): Promise<Raster>;
}

/**
 * An uploaded image's pages as upright RGB pixels for OCR — the same pixels `normaliseForOcr` would encode as PNG
 * and the engine would decode again (EXIF orientation applied, alpha flattened onto white, long side brought down
 * to `longSide`, with `straightenPhotos` a photographed page straightened), without that PNG round trip. The image is checked first (`inspectImage`: pixel limit, format).
 *
 * @example
 * const rasters = await imagePageRasters(jpegFromPhone, { pixelLimit: 60_000_000 });
 * const page = await engine.recognizeRaster(await rasters.page(1), 1);
 */
export interface ImagePageRastersOptions {
  pixelLimit?: number;
  longSide?: number;
  /**
   * Straighten a page photographed on a desk (`straightenPhotographedPage`): its quad warped to an upright rectangle,
   * the desk cut away. Off by default (see docs/ocr.md, 2026-12-05 quad12: not yet a gain on every set). Whoever reads
   * with it on must store previews with it on too, so that boxes and previews are the same pixels.
   */
  straightenPhotos?: boolean;
}

export async function imagePageRasters(bytes: Uint8Array, options: ImagePageRastersOptions = {}): Promise<ImagePageRasters> {
  const pixelLimit = options.pixelLimit ?? DEFAULT_PIXEL_LIMIT;
  const longSide = options.longSide ?? DEFAULT_OCR_LONG_SIDE;
  const info = await inspectImage(bytes, { pixelLimit });
  const upright = info.orientation !== undefined && info.orientation >= 5;
  const width = upright ? info.height : info.width;
  const height = upright ? info.width : info.height;
  const scale = Math.min(1, longSide / Math.max(width, height));
  return {
    pageCount: info.pages,
    async page(pageNumber: number): Promise<Raster> {
      try {
        let pipeline = sharp(bytes, { page: pageNumber - 1, limitInputPixels: pixelLimit }).rotate();
        if (scale < 1) pipeline = pipeline.resize({ width: Math.round(width * scale), height: Math.round(height * scale), fit: 'fill' });
        const raster = await rgbRaster(pipeline);
        // A page photographed on a desk is read (and previewed) straightened: boxes are in the straightened pixels.
        return options.straightenPhotos ? straightenPhotographedPage(raster).pixels : raster;
      } catch (error) {
        throw new ImageCorruptError(`page ${pageNumber} cannot be decoded`, { cause: error });
      }
    },
  };
}
