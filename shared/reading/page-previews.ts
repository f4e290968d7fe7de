/**
 * Stores the page previews reading did not make (digital pages, pages OCR turned, pages read elsewhere): rendered with
 * mupdf and sharp, so an adapter of the pipeline's `PageReading` port, beside `readPages`.
 */
import sharp from 'sharp';
import { previewGeometry, previewLongSide, type PreviewGeometry } from '../documents/page-preview.js';
import type { IntakeLimits } from '../intake/limits.js';
import type { ReadableType } from '../intake/sniff.js';
import type { OcrPage } from '../documents/ocr-page.js';
import type { Raster } from '../ocr/raster.js';
import { PdfFile } from '../pdf/index.js';
import type { BlobStore } from '../ports/blob-store.js';
import { imagePageRasters } from './page-rasters.js';
import { derivedKeys } from '../storage/layout.js';

export interface StorePagePreviewsInput {
  blobs: BlobStore;
  bucket: string;
  derivedPrefix: string;
  documentId: string;
  /** The original file and its type. */
  bytes: Uint8Array;
  type: ReadableType;
  /** Every page of the file as read (text layer or OCR). */
  pages: readonly OcrPage[];
  /** Pages whose preview reading stored already, from the pixels OCR read (upright pages need nothing more). */
  stored: ReadonlySet<number>;
  previewDpi: number;
  ocrDpi: number;
  limits: Pick<IntakeLimits, 'maxPdfPages' | 'maxImagePixels'>;
  /** As the pages were read (`ReadPagesOptions.straightenPhotos`): a straightened photo's preview is the straightened page. */
  straightenPhotos?: boolean;
  /** A page's pixels as OCR read them (`ReadPagesResult.lastRaster`): its preview is made from them, not from the file again. */
  known?: { pageNumber: number; raster: Raster };
}

/**
 * Makes the page previews reading did not (or made sideways) and stores them under `derived/<documentId>/pages/<n>`,
 * each exactly `previewGeometry(page)`, upright as the page was read:
 *
 * - text-layer pages of a digital PDF: rendered with mupdf at the scale that gives the preview's size;
 * - pages OCR turned (a photo taken sideways or upside down): the page's pixels turned the same way;
 * - pages without a stored preview (read by an asynchronous OCR job, or resumed after a crash): from the original.
 *
 * A page whose pixels OCR read are handed over (`known`) is not decoded from the original again.
 *
 * The page view then only serves stored files (the API renders nothing), and `boxesInPreviewPixels` puts the fields'
 * boxes on them. Every write is a whole object made from the original, so a repeat makes the same files.
 *
 * @example
 * await storePagePreviews({ blobs, bucket, derivedPrefix: 'derived/', documentId, bytes, type: 'pdf', pages, stored, previewDpi: 96, ocrDpi: 200, limits });
 */
export async function storePagePreviews(input: StorePagePreviewsInput): Promise<number> {
  const longSide = previewLongSide(input.previewDpi);
  const keys = derivedKeys(input.derivedPrefix, input.documentId);
  const wanted = input.pages.filter((page) => page.source === 'text_layer' || page.rotation !== 0 || !input.stored.has(page.pageNumber));
  if (wanted.length === 0) return 0;
  const put = (page: OcrPage, preview: { bytes: Uint8Array; contentType: string }) =>
    input.blobs.put(input.bucket, keys.preview(page.pageNumber), preview.bytes, preview.contentType);
  if (input.type === 'pdf') {
    const pdf = PdfFile.open(input.bytes, { maxPages: input.limits.maxPdfPages });
    try {
      for (const page of wanted) {
        const geometry = previewGeometry(page, longSide);
        if (page.source === 'text_layer') {
          // The text layer's boxes are at `ocrDpi`: the page rendered at that times the preview's scale has its size,
          // turned as the text layer was read (a page whose text runs down or up it is read upright, `writingTurn`).
          const png = pdf.renderPage(page.pageNumber, input.ocrDpi * geometry.scaleX);
          await put(page, await exactly(page.rotation === 0 ? sharp(png) : sharp(png).rotate(page.rotation), geometry, 'png'));
        } else {
          const raster = knownRaster(page) ?? (await pdf.ocrRaster(page.pageNumber, input.ocrDpi)).raster;
          await put(page, await previewOfRaster(raster, page.rotation, geometry));
        }
      }
    } finally {
      pdf.close();
    }
    return wanted.length;
  }
  // Decoded only when a page wanted is not the one OCR's pixels were handed over for.
  const rasters = wanted.every((page) => knownRaster(page))
    ? undefined
    : await imagePageRasters(input.bytes, { pixelLimit: input.limits.maxImagePixels, straightenPhotos: input.straightenPhotos });
  for (const page of wanted) {
    const raster = knownRaster(page) ?? (await rasters!.page(page.pageNumber));
    await put(page, await previewOfRaster(raster, page.rotation, geometry(page)));
  }
  return wanted.length;

  function geometry(page: OcrPage) {
    return previewGeometry(page, longSide);
  }

  function knownRaster(page: OcrPage): Raster | undefined {
    return page.source !== 'text_layer' && input.known?.pageNumber === page.pageNumber ? input.known.raster : undefined;
  }
}

function previewOfRaster(raster: Raster, rotation: OcrPage['rotation'], geometry: PreviewGeometry) {
  const image = sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: 3 } });
  return exactly(rotation === 0 ? image : image.rotate(rotation), geometry, 'jpeg');
}

/** The image at exactly the preview's size (a render at a fractional resolution can be a pixel off). */
async function exactly(image: sharp.Sharp, geometry: PreviewGeometry, format: 'png' | 'jpeg') {
  const sized = image.resize({ width: geometry.width, height: geometry.height, fit: 'fill' });
  const bytes = format === 'png' ? await sized.png({ compressionLevel: 6 }).toBuffer() : await sized.jpeg({ quality: 75 }).toBuffer();
  return { bytes: new Uint8Array(bytes), contentType: format === 'png' ? 'image/png' : 'image/jpeg' };
}
