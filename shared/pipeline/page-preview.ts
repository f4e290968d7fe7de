import sharp from 'sharp';
import type { ExtractedDocument } from '../documents/extracted-document.js';
import type { Box } from '../documents/extracted-field.js';
import type { IntakeLimits } from '../intake/limits.js';
import type { ReadableType } from '../intake/sniff.js';
import type { OcrPage } from '../documents/ocr-page.js';
import type { Raster } from '../ocr/raster.js';
import { PdfFile } from '../pdf/index.js';
import type { BlobStore } from '../ports/blob-store.js';
import { imagePageRasters } from '../reading/page-rasters.js';
import { derivedKeys } from '../storage/layout.js';

/** Resolution of the stored page previews when the composition names none (an A4 page 794 × 1123 px). */
export const DEFAULT_PREVIEW_DPI = 96;

const A4_LONG_SIDE_AT_96_DPI = 1123;

/**
 * The long side (px) a page preview is brought down to at `previewDpi` — the same rule `readPages` sizes the
 * previews of scanned pages by, so that every preview of a page, however made, has one size.
 *
 * @example
 * previewLongSide(96); // 1123
 */
export function previewLongSide(previewDpi: number): number {
  return Math.round((A4_LONG_SIDE_AT_96_DPI * previewDpi) / 96);
}

/** The size of a page's preview and the factors from the read page's pixels to it. */
export interface PreviewGeometry {
  width: number;
  height: number;
  scaleX: number;
  scaleY: number;
}

/**
 * The preview's size for a page read at `page.width` × `page.height` (upright): brought inside `longSide`, never
 * enlarged (what sharp's `fit: 'inside', withoutEnlargement` gives the scanned pages' previews).
 *
 * @example
 * previewGeometry({ width: 1654, height: 2339 }, 1123); // { width: 794, height: 1123, scaleX: 0.48…, scaleY: 0.48… }
 */
export function previewGeometry(page: Pick<OcrPage, 'width' | 'height'>, longSide: number): PreviewGeometry {
  const scale = Math.min(1, longSide / Math.max(page.width, page.height));
  const width = Math.max(1, Math.round(page.width * scale));
  const height = Math.max(1, Math.round(page.height * scale));
  return { width, height, scaleX: width / page.width, scaleY: height / page.height };
}

const round2 = (value: number) => Math.round(value * 100) / 100;

function scaleBox(box: Box, geometry: PreviewGeometry): Box {
  return {
    x: round2(box.x * geometry.scaleX),
    y: round2(box.y * geometry.scaleY),
    width: round2(box.width * geometry.scaleX),
    height: round2(box.height * geometry.scaleY),
  };
}

/**
 * The documents with every field's `source.box` moved from the pixels of the image its page was read from (OCR's
 * raster, or the text layer at the OCR resolution) to the pixels of the page's stored preview — the image
 * `GET /api/documents/{id}/pages/{n}` serves. Fields on a page not in `pages` keep their box.
 *
 * @example
 * const shown = boxesInPreviewPixels(documents, read.pages, previewLongSide(96));
 */
export function boxesInPreviewPixels(
  documents: readonly ExtractedDocument[],
  pages: readonly Pick<OcrPage, 'pageNumber' | 'width' | 'height'>[],
  longSide: number,
): ExtractedDocument[] {
  const geometries = new Map(pages.map((page) => [page.pageNumber, previewGeometry(page, longSide)]));
  return documents.map((document) => ({
    ...document,
    fields: Object.fromEntries(
      Object.entries(document.fields).map(([name, field]) => {
        const geometry = field.source?.box ? geometries.get(field.source.page) : undefined;
        if (!geometry || !field.source?.box) return [name, field];
        return [name, { ...field, source: { ...field.source, box: scaleBox(field.source.box, geometry) } }];
      }),
    ),
  }));
}

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
}

/**
 * Makes the page previews reading did not (or made sideways) and stores them under `derived/<documentId>/pages/<n>`,
 * each exactly `previewGeometry(page)`, upright as the page was read:
 *
 * - text-layer pages of a digital PDF: rendered with mupdf at the scale that gives the preview's size;
 * - pages OCR turned (a photo taken sideways or upside down): the page's pixels turned the same way;
 * - pages without a stored preview (read by an asynchronous OCR job, or resumed after a crash): from the original.
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
          // The text layer's boxes are at `ocrDpi`: the page rendered at that times the preview's scale has its size.
          const png = pdf.renderPage(page.pageNumber, input.ocrDpi * geometry.scaleX);
          await put(page, await exactly(sharp(png), geometry, 'png'));
        } else {
          const { raster } = await pdf.ocrRaster(page.pageNumber, input.ocrDpi);
          await put(page, await previewOfRaster(raster, page.rotation, geometry));
        }
      }
    } finally {
      pdf.close();
    }
    return wanted.length;
  }
  const rasters = await imagePageRasters(input.bytes, { pixelLimit: input.limits.maxImagePixels });
  for (const page of wanted) await put(page, await previewOfRaster(await rasters.page(page.pageNumber), page.rotation, geometry(page)));
  return wanted.length;

  function geometry(page: OcrPage) {
    return previewGeometry(page, longSide);
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
