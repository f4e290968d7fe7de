import sharp from 'sharp';
import type { IntakeLimits } from '../intake/limits.js';
import type { ReadableType } from '../intake/sniff.js';
import { normaliseForOcr } from '../images/index.js';
import type { OcrEngine } from '../ocr/ocr-engine.js';
import type { OcrPage } from '../documents/ocr-page.js';
import type { Raster } from '../ocr/raster.js';
import { PdfFile, type UnreadRegion } from '../pdf/index.js';
import { rotateRaster } from '../ocr/raster.js';
import type { OcrLine } from '../documents/ocr-page.js';
import { imagePageRasters } from './page-rasters.js';
import { previewLongSide } from '../documents/page-preview.js';
import { emptyTimings, timed, type StageTimings } from '../documents/stage-timings.js';

/** A page image kept for the clerk's page view. */
export interface PagePreview {
  bytes: Uint8Array;
  contentType: 'image/jpeg' | 'image/png';
}

/**
 * Where pages already read are kept, so a redelivered message resumes a long file where it stopped instead of
 * reading it again (process stores them under the document's derived prefix; the CLI keeps none).
 */
export interface PageCheckpoints {
  load(pageNumber: number): Promise<OcrPage | undefined>;
  save(page: OcrPage, preview?: PagePreview): Promise<void>;
  /**
   * Stores a page's preview ahead of its text, while the page is still being read: a scanned page's preview is ready
   * long before OCR is, and writing it then keeps that write away from the ones after the last page. The page counts
   * as read only once `save` has stored its text.
   */
  savePreview?(pageNumber: number, preview: PagePreview): Promise<void>;
}

/**
 * Checkpoints an OCRed page, except the last one under `checkpointLastPage: false` (returned, to be kept by the
 * caller) — unless its preview still has to be stored, which only `save` does, with the text.
 */
async function keepPage(options: ReadPagesOptions, page: OcrPage, preview: PagePreview | undefined, isLastPage: boolean): Promise<OcrPage | undefined> {
  if (isLastPage && options.checkpointLastPage === false && preview === undefined) return page;
  await options.checkpoints?.save(page, preview);
  return undefined;
}

/**
 * The preview made while a page is OCRed, stored as soon as it is made when the checkpoints can (`savePreview`).
 * `done` gives the preview still to be passed to `save` (none when it is stored already); its failure surfaces there,
 * and never as an unhandled rejection when OCR fails first.
 */
function previewAlongside(previewing: Promise<PagePreview> | undefined, pageNumber: number, checkpoints: PageCheckpoints | undefined) {
  const savePreview = checkpoints?.savePreview?.bind(checkpoints);
  const stored = previewing && savePreview ? previewing.then((preview) => savePreview(pageNumber, preview)) : undefined;
  previewing?.catch(() => undefined);
  stored?.catch(() => undefined);
  return {
    async done(): Promise<PagePreview | undefined> {
      const preview = await previewing;
      if (stored) {
        await stored;
        return undefined;
      }
      return preview;
    },
  };
}

export interface ReadPagesOptions {
  ocr: OcrEngine;
  limits: Pick<IntakeLimits, 'maxPdfPages' | 'maxImagePixels'>;
  /** Resolution scanned PDF pages are rendered at for OCR (text-layer boxes are scaled to it too). */
  ocrDpi?: number;
  /** Resolution of the stored page previews; 0 or no checkpoints = none. */
  previewDpi?: number;
  /**
   * Also render previews of text-layer pages now. Off by default: rasterising a digital page costs 10× reading its
   * text (≈ 140 ms vs 14 ms with CJK fonts), which would cap digital PDFs far below 1,000 pages a minute; the page
   * preview is rendered in process (`storePagePreviews`). Scanned pages get theirs from the image OCR needed anyway.
   */
  previewTextLayerPages?: boolean;
  checkpoints?: PageCheckpoints;
  /**
   * Store the last OCRed page's text checkpoint (default). `false` when the caller's next write holds what the whole
   * file read anyway (process saves it with the file's case): the page comes back as `unsavedLastPage` instead, for
   * the caller to store should that write fail. Its preview is stored either way.
   */
  checkpointLastPage?: boolean;
  /**
   * Leave PDF pages that need OCR unread (listed in `deferredPages`) rather than OCR them one by one: the caller
   * starts an asynchronous job for the whole file (Textract) whose results come back as checkpoints.
   */
  deferOcr?: boolean;
  /**
   * Straighten pages photographed on a desk before OCR (`imagePageRasters`' `straightenPhotos`): off by default; the
   * previews stored afterwards (`storePagePreviews`) must be made with the same setting.
   */
  straightenPhotos?: boolean;
  /** Called after each page (progress on long files). */
  onPage?: (pagesDone: number, pageCount: number) => Promise<void> | void;
}

export interface ReadPagesResult {
  pages: OcrPage[];
  timings: StageTimings;
  /** Pages taken from checkpoints rather than read now. */
  resumedPages: number;
  /** With `deferOcr`: the pages left for an asynchronous OCR job (they are not in `pages`). */
  deferredPages: number[];
  /** With `checkpointLastPage: false`: the last page, OCRed now and not stored (see there). */
  unsavedLastPage?: OcrPage;
  /**
   * The pixels the engine read for the last page OCRed from raw pixels (`recognizeRaster`), as given to it: the second
   * look reads its regions from them (`RegionReaderOptions.known`) instead of decoding the file again. One page's only,
   * so no more memory is held than while that page was read.
   */
  lastRaster?: { pageNumber: number; raster: Raster };
}

async function previewFromImage(png: Uint8Array, previewDpi: number): Promise<PagePreview> {
  const longSide = previewLongSide(previewDpi);
  const bytes = await sharp(png).resize({ width: longSide, height: longSide, fit: 'inside', withoutEnlargement: true }).jpeg({ quality: 75 }).toBuffer();
  return { bytes: new Uint8Array(bytes), contentType: 'image/jpeg' };
}

/**
 * The preview straight from the pixels OCR read: no PNG to decode again, and the downscale is the cheap part. Started
 * before the page goes to the engine: sharp works on libuv's threads while inference holds this one, so only what is
 * left of it once OCR returns is timed (as `render`) and waited for.
 */
function previewFromRaster(raster: Raster, previewDpi: number): Promise<PagePreview> {
  const making = makePreviewFromRaster(raster, previewDpi);
  // Should OCR fail first, the preview is never awaited; its own failure must not surface as an unhandled rejection.
  making.catch(() => undefined);
  return making;
}

async function makePreviewFromRaster(raster: Raster, previewDpi: number): Promise<PagePreview> {
  const longSide = previewLongSide(previewDpi);
  const bytes = await sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: 3 } })
    .resize({ width: longSide, height: longSide, fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 75 })
    .toBuffer();
  return { bytes: new Uint8Array(bytes), contentType: 'image/jpeg' };
}

/**
 * What OCR reads in a part of a text-layer page the layer does not hold (`UnreadRegion`) is kept when the engine is
 * at least this sure of the line: a value pasted as a picture reads at 0.95 and more on a clean rendering; a mask (a
 * blurred smudge over a value, which must stay unread) reads as nothing, or as a guess below it.
 */
export const UNREAD_REGION_MIN_CONFIDENCE = 0.9;
/**
 * …and it is kept with its confidence no higher than this, under the review threshold (0.9): a text layer's lines are
 * exact, and the reader trusts them so (no second look, no second choices), but a line OCRed from a picture may be
 * misread, so a value read there is always shown to the clerk.
 */
export const UNREAD_REGION_CONFIDENCE = 0.85;
/** White margin (pixels at the OCR resolution) left round a region's pixels when it is read on its own. */
const UNREAD_REGION_MARGIN = 8;

/**
 * A text-layer page with the parts its layer does not hold read by OCR (`PdfFile.readTextLayerParts`): each region's
 * pixels alone on white (nothing of the text-layer lines beside it is read twice), its lines added to the page with their
 * confidence capped (`UNREAD_REGION_CONFIDENCE`), those OCR is unsure of left out (`UNREAD_REGION_MIN_CONFIDENCE`). An
 * engine that reads no regions (Textract) leaves the page as its text layer reads.
 */
async function withUnreadRegionsRead(
  pdf: PdfFile,
  page: OcrPage,
  unread: UnreadRegion[],
  dpi: number,
  ocr: OcrEngine,
  timings: StageTimings,
): Promise<OcrPage> {
  const recognizeRegion = ocr.recognizeRegion?.bind(ocr);
  if (!recognizeRegion) return page;
  const drawn = await timed(timings, 'render', () => pdf.renderPageRaster(page.pageNumber, dpi));
  const raster = page.rotation === 0 ? drawn : await timed(timings, 'render', () => rotateRaster(drawn, page.rotation as 90 | 180 | 270));
  if (raster.width !== page.width || raster.height !== page.height) return page;
  const added: OcrLine[] = [];
  for (const box of mergedBoxes(unread.map((region) => region.box))) {
    const alone = regionOnWhite(raster, box, UNREAD_REGION_MARGIN);
    if (!alone) continue;
    const lines = await timed(timings, 'ocr', () =>
      recognizeRegion(
        alone.raster,
        { box: alone.box, lineHeight: Math.min(alone.box.height, Math.max(16, page.lines.length ? medianHeight(page.lines) : alone.box.height)) },
        page.pageNumber,
      ),
    );
    for (const line of lines) {
      if (line.confidence < UNREAD_REGION_MIN_CONFIDENCE || !/[\p{Script=Han}\p{L}\p{N}]/u.test(line.text)) continue;
      const shift = (b: OcrLine['box']): OcrLine['box'] => ({ ...b, x: b.x + alone.x, y: b.y + alone.y });
      added.push({
        ...line,
        confidence: Math.min(line.confidence, UNREAD_REGION_CONFIDENCE),
        box: shift(line.box),
        ...(line.pageBox ? { pageBox: shift(line.pageBox) } : {}),
        ...(line.words ? { words: line.words.map((word) => ({ ...word, box: shift(word.box) })) } : {}),
      });
    }
  }
  return added.length === 0 ? page : { ...page, lines: [...page.lines, ...added] };
}

function medianHeight(lines: readonly OcrLine[]): number {
  const heights = lines.map((line) => line.box.height).sort((a, b) => a - b);
  return heights[Math.floor(heights.length / 2)];
}

/** Boxes that overlap by half the smaller one's area taken as one (an image drawn twice, a line over its own picture). */
function mergedBoxes(boxes: readonly OcrLine['box'][]): OcrLine['box'][] {
  const merged: OcrLine['box'][] = [];
  for (const box of boxes) {
    const same = merged.findIndex((other) => {
      const ix = Math.min(box.x + box.width, other.x + other.width) - Math.max(box.x, other.x);
      const iy = Math.min(box.y + box.height, other.y + other.height) - Math.max(box.y, other.y);
      return ix > 0 && iy > 0 && ix * iy >= 0.5 * Math.min(box.width * box.height, other.width * other.height);
    });
    if (same < 0) {
      merged.push(box);
      continue;
    }
    const other = merged[same];
    const x = Math.min(box.x, other.x);
    const y = Math.min(box.y, other.y);
    merged[same] = { x, y, width: Math.max(box.x + box.width, other.x + other.width) - x, height: Math.max(box.y + box.height, other.y + other.height) - y };
  }
  return merged;
}

/**
 * The pixels of `box` (rounded out) on white with `margin` round them, as a raster of their own: where it lies on the
 * page (`x`, `y`) and the box within it. `undefined` for a box off the page.
 */
function regionOnWhite(page: Raster, box: OcrLine['box'], margin: number): { raster: Raster; x: number; y: number; box: OcrLine['box'] } | undefined {
  const x0 = Math.max(0, Math.floor(box.x));
  const y0 = Math.max(0, Math.floor(box.y));
  const x1 = Math.min(page.width, Math.ceil(box.x + box.width));
  const y1 = Math.min(page.height, Math.ceil(box.y + box.height));
  if (x1 - x0 < 4 || y1 - y0 < 4) return undefined;
  const width = x1 - x0 + 2 * margin;
  const height = y1 - y0 + 2 * margin;
  const data = new Uint8Array(width * height * 3).fill(255);
  for (let y = y0; y < y1; y++) data.set(page.data.subarray((y * page.width + x0) * 3, (y * page.width + x1) * 3), ((y - y0 + margin) * width + margin) * 3);
  const x = x0 - margin;
  const y = y0 - margin;
  return { raster: { data, width, height }, x, y, box: { x: margin, y: margin, width: x1 - x0, height: y1 - y0 } };
}

/**
 * Reads every page of a PDF or image into `OcrPage`s: a PDF page's text layer when it has a usable one (mupdf), else
 * the page rendered and OCRed; images made upright (EXIF), split (multi-page TIFF) and OCRed. With checkpoints, OCRed
 * pages read before are loaded instead, and each newly OCRed page is saved (with its preview) as soon as it is read.
 *
 * @example
 * const { pages, timings } = await readPages(bytes, 'pdf', { ocr, limits: DEFAULT_INTAKE_LIMITS });
 */
export async function readPages(bytes: Uint8Array, type: ReadableType, options: ReadPagesOptions): Promise<ReadPagesResult> {
  const timings = emptyTimings();
  const ocrDpi = options.ocrDpi ?? 200;
  const previewDpi = options.checkpoints ? (options.previewDpi ?? 0) : 0;
  const pages: OcrPage[] = [];
  let unsavedLastPage: OcrPage | undefined;
  let lastRaster: ReadPagesResult['lastRaster'];
  let resumedPages = 0;
  const deferredPages: number[] = [];

  if (type === 'pdf') {
    const pdf = await timed(timings, 'sniff', () => PdfFile.open(bytes, { maxPages: options.limits.maxPdfPages }));
    try {
      for (let pageNumber = 1; pageNumber <= pdf.pageCount; pageNumber++) {
        // A text layer is read again rather than checkpointed: reading it is cheaper than a round trip to the store.
        const parts = await timed(timings, 'textLayer', () => pdf.readTextLayerParts(pageNumber, ocrDpi));
        const textPage =
          parts && parts.unread.length > 0 ? await withUnreadRegionsRead(pdf, parts.page, parts.unread, ocrDpi, options.ocr, timings) : parts?.page;
        if (textPage) {
          if (previewDpi > 0 && options.previewTextLayerPages) {
            const drawn = await timed(timings, 'render', () => pdf.renderPage(pageNumber, previewDpi));
            // A page whose text runs down or up it was read turned upright (`writingTurn`): its preview is turned too.
            const png = textPage.rotation === 0 ? drawn : new Uint8Array(await sharp(drawn).rotate(textPage.rotation).png().toBuffer());
            await options.checkpoints?.save(textPage, { bytes: png, contentType: 'image/png' });
          }
          pages.push(textPage);
        } else {
          const saved = await options.checkpoints?.load(pageNumber);
          if (saved) {
            pages.push(saved);
            resumedPages++;
          } else if (options.deferOcr) {
            deferredPages.push(pageNumber);
          } else {
            let page: OcrPage;
            let preview: PagePreview | undefined;
            const recognizeRaster = options.ocr.recognizeRaster?.bind(options.ocr);
            if (recognizeRaster) {
              // Raw pixels straight to the engine (a scan's own image when the page is one, see `PdfFile.ocrRaster`):
              // a PNG encode and decode cost about as much as detection.
              const { raster } = await timed(timings, 'render', () => pdf.ocrRaster(pageNumber, ocrDpi));
              const previewing = previewAlongside(previewDpi > 0 ? previewFromRaster(raster, previewDpi) : undefined, pageNumber, options.checkpoints);
              page = await timed(timings, 'ocr', () => recognizeRaster(raster, pageNumber));
              preview = await timed(timings, 'render', () => previewing.done());
              lastRaster = { pageNumber, raster };
            } else {
              const png = await timed(timings, 'render', () => pdf.renderPage(pageNumber, ocrDpi));
              page = await timed(timings, 'ocr', () => options.ocr.recognize({ bytes: png, pageNumber }));
              preview = previewDpi > 0 ? await timed(timings, 'render', () => previewFromImage(png, previewDpi)) : undefined;
            }
            unsavedLastPage = await keepPage(options, page, preview, pageNumber === pdf.pageCount);
            pages.push(page);
          }
        }
        await options.onPage?.(pageNumber, pdf.pageCount);
      }
    } finally {
      pdf.close();
    }
    return { pages, timings, resumedPages, deferredPages, ...(unsavedLastPage ? { unsavedLastPage } : {}), ...(lastRaster ? { lastRaster } : {}) };
  }

  const recognizeRaster = options.ocr.recognizeRaster?.bind(options.ocr);
  if (recognizeRaster) {
    // Decoded once: the same pixels feed OCR and the preview (no intermediate PNG for the engine to decode again).
    const rasters = await timed(timings, 'sniff', () =>
      imagePageRasters(bytes, { pixelLimit: options.limits.maxImagePixels, straightenPhotos: options.straightenPhotos }),
    );
    for (let pageNumber = 1; pageNumber <= rasters.pageCount; pageNumber++) {
      const saved = await options.checkpoints?.load(pageNumber);
      if (saved) {
        pages.push(saved);
        resumedPages++;
      } else {
        const raster = await timed(timings, 'render', () => rasters.page(pageNumber));
        const previewing = previewAlongside(previewDpi > 0 ? previewFromRaster(raster, previewDpi) : undefined, pageNumber, options.checkpoints);
        const page = await timed(timings, 'ocr', () => recognizeRaster(raster, pageNumber));
        const preview = await timed(timings, 'render', () => previewing.done());
        lastRaster = { pageNumber, raster };
        unsavedLastPage = await keepPage(options, page, preview, pageNumber === rasters.pageCount);
        pages.push(page);
      }
      await options.onPage?.(pageNumber, rasters.pageCount);
    }
    return { pages, timings, resumedPages, deferredPages, ...(unsavedLastPage ? { unsavedLastPage } : {}), ...(lastRaster ? { lastRaster } : {}) };
  }

  const images = await timed(timings, 'render', () =>
    normaliseForOcr(bytes, { pixelLimit: options.limits.maxImagePixels, straightenPhotos: options.straightenPhotos }),
  );
  for (const image of images) {
    const saved = await options.checkpoints?.load(image.pageNumber);
    if (saved) {
      pages.push(saved);
      resumedPages++;
    } else {
      const page = await timed(timings, 'ocr', () => options.ocr.recognize({ bytes: image.bytes, pageNumber: image.pageNumber }));
      const preview = previewDpi > 0 ? await timed(timings, 'render', () => previewFromImage(image.bytes, previewDpi)) : undefined;
      unsavedLastPage = await keepPage(options, page, preview, image.pageNumber === images.length);
      pages.push(page);
    }
    await options.onPage?.(image.pageNumber, images.length);
  }
  return { pages, timings, resumedPages, deferredPages, ...(unsavedLastPage ? { unsavedLastPage } : {}) };
}
