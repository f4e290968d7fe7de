import type { OcrLine, OcrPage } from '../documents/ocr-page.js';
import type { ReadableType } from '../intake/sniff.js';
import type { IntakeLimits } from '../intake/limits.js';
import type { OcrEngine, RegionToRead } from '../ocr/ocr-engine.js';
import { rotateRaster, type Raster } from '../ocr/raster.js';
import { PdfFile } from '../pdf/index.js';
import { imagePageRasters } from './page-rasters.js';

export interface RegionReaderOptions {
  ocr: OcrEngine;
  limits: Pick<IntakeLimits, 'maxPdfPages' | 'maxImagePixels'>;
  /** As the pages were read (`ReadPagesOptions.ocrDpi`). */
  ocrDpi?: number;
  /** As the pages were read (`ReadPagesOptions.straightenPhotos`): boxes are in the straightened pixels then. */
  straightenPhotos?: boolean;
  /**
   * A page's pixels as reading gave them to the engine (`ReadPagesResult.lastRaster`): that page's regions are read from
   * them, and the file is not decoded again for it (the same pixels: the same decode or rendering at `ocrDpi`).
   */
  known?: { pageNumber: number; raster: Raster };
}

/**
 * What reads a region of a file's OCR'd page again (the reader's second look, `withSecondLook`): the page's pixels
 * made again as OCR read them (the image upright by EXIF, a PDF page's scan or rendering at `ocrDpi`, then turned as
 * the engine turned the page), decoded once per page while its regions are read (not at all for the page reading handed
 * over, `known`), and the engine's `recognizeRegion` on them. Undefined when the
 * engine has no `recognizeRegion` (Textract). A text-layer page has no region to read.
 *
 * @example
 * const readRegion = regionReader(bytes, 'jpeg', { ocr, limits });
 * const lines = await readRegion?.(page, { box, lineHeight: 40 });
 */
export function regionReader(
  bytes: Uint8Array,
  type: ReadableType,
  options: RegionReaderOptions,
): ((page: OcrPage, region: RegionToRead) => Promise<OcrLine[] | undefined>) | undefined {
  const recognizeRegion = options.ocr.recognizeRegion?.bind(options.ocr);
  if (!recognizeRegion) return undefined;
  // One page's raster kept at a time: the second look reads its regions page by page, and a process worker holding
  // every page of a long scan again would cost its memory budget (docs/local-stack.md).
  let last: { pageNumber: number; raster: Promise<Raster> } | undefined;
  const pageRaster = async (page: OcrPage): Promise<Raster> => {
    const known = options.known?.pageNumber === page.pageNumber ? options.known.raster : undefined;
    const stored = known ?? (await storedPageRaster(bytes, type, page.pageNumber, options));
    return page.rotation === 0 ? stored : rotateRaster(stored, page.rotation);
  };
  return async (page, region) => {
    if (page.source !== 'paddle') return undefined;
    if (last?.pageNumber !== page.pageNumber) last = { pageNumber: page.pageNumber, raster: pageRaster(page) };
    const upright = await last.raster;
    if (upright.width !== page.width || upright.height !== page.height) return undefined;
    return recognizeRegion(upright, region, page.pageNumber);
  };
}

async function storedPageRaster(bytes: Uint8Array, type: ReadableType, pageNumber: number, options: RegionReaderOptions): Promise<Raster> {
  if (type === 'pdf') {
    const pdf = await PdfFile.open(bytes, { maxPages: options.limits.maxPdfPages });
    try {
      return (await pdf.ocrRaster(pageNumber, options.ocrDpi ?? 200)).raster;
    } finally {
      pdf.close();
    }
  }
  const rasters = await imagePageRasters(bytes, { pixelLimit: options.limits.maxImagePixels, straightenPhotos: options.straightenPhotos });
  return rasters.page(pageNumber);
}
