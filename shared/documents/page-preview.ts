/**
 * The size of a page's stored preview (the image the page view serves) and the move of field boxes from the pixels a
 * page was read at to the preview's: pure geometry, shared by the reader that stores previews and the pipeline.
 */
import type { ExtractedDocument } from './extracted-document.js';
import type { Box } from './extracted-field.js';
import type { OcrPage } from './ocr-page.js';

/** Resolution of the stored page previews when the composition names none (an A4 page 794 × 1123 px). */
export const DEFAULT_PREVIEW_DPI = 96;

const A4_LONG_SIDE_AT_96_DPI = 1123;

/**
 * The long side (px) a page preview is brought down to at `previewDpi` — the one rule every preview of a page is
 * sized by (`readPages`' scanned pages and `storePagePreviews`), so that a page's preview, however made, has one size.
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
