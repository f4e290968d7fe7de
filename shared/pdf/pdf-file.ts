import * as mupdf from 'mupdf';
import sharp from 'sharp';
import type { OcrLine, OcrPage } from '../documents/ocr-page.js';
import type { Raster } from '../ocr/raster.js';
import { PdfCorruptError, PdfEncryptedError, PdfPageOutOfRangeError, PdfPageTooLargeError, PdfTooManyPagesError } from './errors.js';

/**
 * The text-layer rule. A page's text layer is used instead of OCR only when it has at least this many real
 * characters, visible ones (text drawn invisibly, a scanner app's OCR layer, is not the page's: `GlyphPlaces`, `glyphsToSetAside`), not
 * whitespace and not unmapped (`isUnmapped`: U+FFFD, private use, code points no Chinese form prints)…
 */
export const MIN_TEXT_LAYER_CHARACTERS = 10;
/**
 * …no more than this share of its characters are unmapped (a font without a ToUnicode table, or with a wrong one, reads
 * as garbage: `isUnmapped`)…
 */
export const MAX_UNMAPPED_SHARE = 0.1;
/**
 * …and it is not a scan with a caption: when one image covers this share of the page, the page counts as scanned
 * unless its visible text has at least `MIN_SCAN_OCR_LAYER_CHARACTERS` characters (a scan with a page of visible text
 * printed over it; a watermark like "扫描全能王" or a page stamp has fewer).
 */
export const SCAN_IMAGE_COVERAGE = 0.6;
export const MIN_SCAN_OCR_LAYER_CHARACTERS = 40;

export interface PdfPageInfo {
  pageNumber: number;
  /** Size in points (1/72 inch) after the page's /Rotate is applied. */
  widthPt: number;
  heightPt: number;
}

export interface PdfInfo {
  pageCount: number;
  pages: PdfPageInfo[];
  /** mupdf had to rebuild the cross-reference table (damaged but readable). */
  repaired: boolean;
}

export interface OpenPdfOptions {
  /** Refuse files with more pages than this (`pdf_too_many_pages`). */
  maxPages?: number;
}

/**
 * The largest page accepted, in square points: twice A0 (A0 is 1 m², 2384 × 3370 pt). Nothing the bureau reads is
 * larger; a page that is (a 1 KB PDF declaring 5000 × 5000 pt) would take gigabytes to render, and mupdf's
 * WebAssembly memory, once grown, is never returned. Such a file is refused as `pdf_page_too_large` at open.
 */
export const MAX_PAGE_AREA_PT2 = 2 * 2384 * 3370;

/**
 * The most pixels one page is ever rendered to (36 MP: 108 MB of RGB). A page whose size at the asked resolution
 * would exceed it is rendered at a lower resolution instead, text-layer boxes scaled alike; an A4 page at 200 dpi is
 * 3.9 MP and an A2 page 15.5 MP, so the cap only touches pages larger than A1.
 */
export const MAX_RENDER_PIXELS = 36_000_000;

/**
 * Points to pixels for a page of `widthPt` × `heightPt` at `dpi`, lowered so that the page stays within
 * `MAX_RENDER_PIXELS`.
 *
 * @example
 * renderScale(595, 842, 200); // 2.78 (200 dpi: an A4 page is far below the cap)
 */
export function renderScale(widthPt: number, heightPt: number, dpi: number): number {
  const wanted = dpi / 72;
  const area = Math.max(1, widthPt * heightPt);
  let scale = Math.min(wanted, Math.sqrt(MAX_RENDER_PIXELS / area));
  // The rasteriser rounds each side up to whole pixels: step down until the rounded page fits too.
  while (scale < wanted && Math.ceil(widthPt * scale) * Math.ceil(heightPt * scale) > MAX_RENDER_PIXELS) scale *= 0.999;
  return scale;
}

/** 200 dpi: the resolution pages are rendered at for OCR; boxes of a text layer are scaled to the same pixels. */
export const DEFAULT_RENDER_DPI = 200;

const MAX_TRAILER_SCAN = 2048;

/**
 * A scan image with a shorter long side than this is rendered (upscaled to the OCR resolution) rather than read as
 * it is: it is the detector's input side (`DEFAULT_DETECTION_SETTINGS.limitSide`), below which the detector would
 * see fewer pixels than it does today.
 */
export const MIN_SCAN_LONG_SIDE_FOR_OWN_PIXELS = 1280;
/** How far (share of the page side) a scan image may fall short of the page edges and still count as the page. */
const SCAN_EDGE_TOLERANCE = 0.01;

/** A scan image's own pixels and the page's size in pixels at the wanted resolution. */
type ScanPixels = Raster & { targetWidth: number; targetHeight: number };

/** How a page's pixels for OCR were made (`ocrRaster`). */
export type OcrRasterSource = 'scan_image' | 'rendered';

/**
 * mupdf prints its warnings ("repairing PDF document", "syntax error: …") to stderr by default; with several files
 * a second that is log noise without a file name. They are collected instead while this module calls into mupdf
 * (its calls are synchronous, so one collector at a time is enough) and kept on the file or the error.
 */
let mupdfMessages: string[] | undefined;
mupdf.setLog({
  error: (message) => mupdfMessages?.push(message),
  warning: (message) => mupdfMessages?.push(message),
});

function pageRenderScale(page: mupdf.Page, dpi: number): number {
  const [x0, y0, x1, y1] = page.getBounds();
  return renderScale(x1 - x0, y1 - y0, dpi);
}

function collectingMessages<T>(sink: string[], use: () => T): T {
  const previous = mupdfMessages;
  mupdfMessages = sink;
  try {
    return use();
  } finally {
    mupdfMessages = previous;
  }
}

/**
 * Runs `use`, then destroys `object`, thrown or not. A mupdf.js object is a small JS wrapper holding a reference into
 * the WebAssembly heap, and mupdf.js makes a new one for every image, font, path, text or colour space it hands a
 * callback (`StructuredText.walk`, a `Device`). One left to the garbage collector keeps what it refers to (a font and
 * what it was loaded from, after its document is destroyed) until V8 collects the wrapper, which reading PDFs one after
 * another rarely makes it do: 21 one-page digital PDFs read ten times over took mupdf's heap from 22 MB to 1,643 MB
 * (mupdf29; at 2 GB every allocation fails, `calloc … failed`), and that heap never shrinks.
 */
function releasing<T>(object: { destroy(): void }, use: () => T): T {
  try {
    return use();
  } finally {
    object.destroy();
  }
}

/** Destroys the mupdf objects among a callback's arguments (see `releasing`); the other arguments are plain values. */
function destroyObjects(args: readonly unknown[]): void {
  for (const arg of args) if (arg instanceof Object && 'destroy' in arg && typeof arg.destroy === 'function') arg.destroy();
}

/**
 * Takes a shading a device callback was handed off mupdf.js's finalizer. mupdf.js 1.28 wraps it without taking a
 * reference (it keeps every other object it hands over first), yet drops one when the wrapper is destroyed or collected:
 * the document's shading freed under it. Destroying them crashed reading d10231 after three shadings
 * (`memory access out of bounds` in `pdf_drop_document`, mupdf29); left to V8, the drop comes whenever it collects.
 */
function disown(shade: mupdf.Shade): void {
  (shade.constructor as unknown as { _finalizer?: FinalizationRegistry<unknown> })._finalizer?.unregister(shade);
}

/**
 * PDFs open in this thread. mupdf runs one WebAssembly instance per thread, with one resource store (decoded images,
 * fonts) that keeps what was decoded from a document after the document is closed; the heap grows to hold it and
 * never shrinks (mem27: ten two-page scanned PDFs read one after another took it from 22 to 145 MB; it stays at 22 MB
 * when the store is emptied after each). So the store is emptied when the thread's last open PDF is closed.
 */
let openInThisThread = 0;

/**
 * An opened PDF. Opening parses the cross-reference table once; reading many pages from one handle is what keeps
 * digital PDFs above 1,000 pages a minute. Call `close()` to free the WebAssembly memory: the document's, and mupdf's
 * cache of what was decoded from it once no other PDF is open in the thread.
 *
 * @example
 * const pdf = PdfFile.open(bytes, { maxPages: 200 });
 * try { const page = pdf.readTextLayer(1, 200); } finally { pdf.close(); }
 */
export class PdfFile {
  readonly pageCount: number;
  readonly repaired: boolean;
  readonly #messages: string[];
  readonly #document: mupdf.PDFDocument;
  #closed = false;

  private constructor(document: mupdf.PDFDocument, pageCount: number, repaired: boolean, warnings: string[]) {
    openInThisThread++;
    this.#document = document;
    this.pageCount = pageCount;
    this.repaired = repaired;
    this.#messages = warnings;
  }

  /** What mupdf warned about so far (e.g. "repairing PDF document"), for the audit trail and debugging. */
  get warnings(): readonly string[] {
    return this.#messages;
  }

  /**
   * Opens and checks a PDF: password-protected → `pdf_encrypted`; unparseable, truncated (no `%%EOF` in the last
   * 2 KB: an interrupted upload) or without pages → `pdf_corrupt`; more pages than `maxPages` → `pdf_too_many_pages`.
   *
   * @example
   * const pdf = PdfFile.open(bytes, { maxPages: 200 });
   */
  static open(bytes: Uint8Array, options: OpenPdfOptions = {}): PdfFile {
    const messages: string[] = [];
    try {
      return collectingMessages(messages, () => PdfFile.#open(bytes, options, messages));
    } catch (error) {
      if (error instanceof PdfCorruptError) error.mupdfMessages.push(...messages);
      throw error;
    }
  }

  static #open(bytes: Uint8Array, options: OpenPdfOptions, messages: string[]): PdfFile {
    if (!hasPdfHeader(bytes)) throw new PdfCorruptError('the file does not start with a PDF header');
    if (!hasEndOfFileMarker(bytes)) throw new PdfCorruptError('the file is truncated (no %%EOF marker at its end)');
    let document: mupdf.Document;
    try {
      // mupdf takes ownership of (detaches) the buffer it is given, so it gets a copy.
      document = mupdf.Document.openDocument(bytes.slice(), 'application/pdf');
    } catch (error) {
      throw new PdfCorruptError('the file cannot be parsed', { cause: error });
    }
    if (!(document instanceof mupdf.PDFDocument)) {
      document.destroy();
      throw new PdfCorruptError('the file is not a PDF');
    }
    if (document.needsPassword()) {
      document.destroy();
      throw new PdfEncryptedError();
    }
    let pageCount: number;
    try {
      pageCount = document.countPages();
    } catch (error) {
      document.destroy();
      throw new PdfCorruptError('the page tree cannot be read', { cause: error });
    }
    if (pageCount < 1) {
      document.destroy();
      throw new PdfCorruptError('the file has no pages');
    }
    if (options.maxPages !== undefined && pageCount > options.maxPages) {
      document.destroy();
      throw new PdfTooManyPagesError(pageCount, options.maxPages);
    }
    try {
      PdfFile.#checkPageSizes(document, pageCount);
    } catch (error) {
      document.destroy();
      throw error;
    }
    return new PdfFile(document, pageCount, document.wasRepaired(), messages);
  }

  /** Refuses a page larger than `MAX_PAGE_AREA_PT2` before anything renders it (bounds only: nothing is drawn). */
  static #checkPageSizes(document: mupdf.PDFDocument, pageCount: number): void {
    for (let pageNumber = 1; pageNumber <= pageCount; pageNumber++) {
      let bounds: number[];
      try {
        const page = document.loadPage(pageNumber - 1);
        bounds = page.getBounds();
        page.destroy();
      } catch {
        // A page that cannot even be loaded is reported as corrupt when it is read.
        continue;
      }
      const [x0, y0, x1, y1] = bounds;
      const width = x1 - x0;
      const height = y1 - y0;
      if (!(width * height <= MAX_PAGE_AREA_PT2)) throw new PdfPageTooLargeError(pageNumber, width, height);
    }
  }

  /** Loads every page once (so a broken page object surfaces here as `pdf_corrupt`) and reports the sizes. */
  info(): PdfInfo {
    return collectingMessages(this.#messages, () => this.#infoNow());
  }

  #infoNow(): PdfInfo {
    const pages: PdfPageInfo[] = [];
    for (let pageNumber = 1; pageNumber <= this.pageCount; pageNumber++) {
      const page = this.#loadPage(pageNumber);
      const [x0, y0, x1, y1] = page.getBounds();
      page.destroy();
      pages.push({ pageNumber, widthPt: x1 - x0, heightPt: y1 - y0 });
    }
    return { pageCount: this.pageCount, pages, repaired: this.repaired };
  }

  /**
   * The page's text layer as an `OcrPage` (`source: 'text_layer'`, confidence 1, boxes in pixels of the page
   * rendered at `dpi`), or `undefined` when the page has no usable text layer (see `MIN_TEXT_LAYER_CHARACTERS`).
   */
  readTextLayer(pageNumber: number, dpi: number = DEFAULT_RENDER_DPI): OcrPage | undefined {
    return this.readTextLayerParts(pageNumber, dpi)?.page;
  }

  /**
   * The page's text layer (`readTextLayer`) and the parts of the page it does not hold, for OCR of their pixels
   * (`UnreadRegion`): images no text line touches (a value pasted as a picture, a scanned signature block) and the lines
   * of fonts whose characters read as garbage (`isBrokenFont`), which are left out of the page's lines. Boxes are in
   * the page's pixels at `dpi`, turned as the page is (`rotation`).
   */
  readTextLayerParts(pageNumber: number, dpi: number = DEFAULT_RENDER_DPI): { page: OcrPage; unread: UnreadRegion[] } | undefined {
    return collectingMessages(this.#messages, () => this.#readTextLayerNow(pageNumber, dpi));
  }

  #readTextLayerNow(pageNumber: number, dpi: number = DEFAULT_RENDER_DPI): { page: OcrPage; unread: UnreadRegion[] } | undefined {
    const page = this.#loadPage(pageNumber);
    try {
      const [x0, y0, x1, y1] = page.getBounds();
      const scale = renderScale(x1 - x0, y1 - y0, dpi);
      const width = Math.round((x1 - x0) * scale);
      const height = Math.round((y1 - y0) * scale);
      const pageArea = (x1 - x0) * (y1 - y0);
      // The page as it is shown, annotations and form fields with it (`showExtras`): a form filled in a PDF viewer and
      // saved unflattened holds its values in its fields' appearances, and a typed note in a FreeText annotation.
      const shown = page.toDisplayList(true);
      const { text, glyphs } = releasing(shown, () => ({
        glyphs: glyphsToSetAside(shown),
        text: shown.toStructuredText('preserve-images,preserve-whitespace'),
      }));
      const collected = releasing(text, () => collectLines(text, pageArea, glyphs.invisible, glyphs.contradicted));
      if (!isUsableTextLayer(collected)) return undefined;
      // A page whose text runs down, up or leftwards is read turned upright, boxes and size with it (`writingTurn`).
      const turn = writingTurn(collected.charactersByWay);
      const inPixels = (bbox: readonly [number, number, number, number]) =>
        turnBox(
          {
            x: round2((bbox[0] - x0) * scale),
            y: round2((bbox[1] - y0) * scale),
            width: round2((bbox[2] - bbox[0]) * scale),
            height: round2((bbox[3] - bbox[1]) * scale),
          },
          width,
          height,
          turn,
        );
      const broken = brokenFonts(collected.fonts);
      const read = collected.lines.filter((line) => !line.fonts.some((font) => broken.has(font)));
      const lines: OcrLine[] = read.map((line) => ({ text: line.text, confidence: 1, box: inPixels(line.bbox) }));
      const unread: UnreadRegion[] = [
        ...collected.lines.filter((line) => !read.includes(line)).map((line) => ({ box: inPixels(line.bbox), why: 'broken_font' as const })),
        ...imagesUntouched(collected.images, read, y1 - y0).map((bbox) => ({ box: inPixels(bbox), why: 'image' as const })),
      ];
      const sideways = turn === 90 || turn === 270;
      const ocrPage: OcrPage = { pageNumber, width: sideways ? height : width, height: sideways ? width : height, rotation: turn, source: 'text_layer', lines };
      return { page: ocrPage, unread };
    } catch (error) {
      throw new PdfCorruptError(`page ${pageNumber} cannot be read`, { cause: error });
    } finally {
      page.destroy();
    }
  }

  /** The page rendered at `dpi` as an RGB PNG (for OCR and for the clerk's page view). */
  renderPage(pageNumber: number, dpi: number = DEFAULT_RENDER_DPI): Uint8Array {
    return collectingMessages(this.#messages, () => this.#renderPageNow(pageNumber, dpi));
  }

  #renderPageNow(pageNumber: number, dpi: number = DEFAULT_RENDER_DPI): Uint8Array {
    // The PNG lives in WebAssembly memory, which a later allocation may move: copy it out before the pixmap goes.
    return this.#withRenderedPage(pageNumber, dpi, (pixmap) => pixmap.asPNG().slice());
  }

  /**
   * The page rendered at `dpi` as raw RGB pixels, for handing straight to `PaddleOcrEngine.recognizeRaster`
   * (skips encoding and decoding a PNG).
   */
  renderPageRaster(pageNumber: number, dpi: number = DEFAULT_RENDER_DPI): Raster {
    return collectingMessages(this.#messages, () => this.#renderPageRasterNow(pageNumber, dpi));
  }

  #renderPageRasterNow(pageNumber: number, dpi: number = DEFAULT_RENDER_DPI): Raster {
    return this.#withRenderedPage(pageNumber, dpi, rgbPixels);
  }

  /**
   * Draws the page at `dpi` into an RGB pixmap (no alpha) and hands it to `read`; the page and the pixmap are freed
   * after (freeing twice is harmless in mupdf.js). A failure to draw is the PDF's: PdfCorruptError.
   */
  #withRenderedPage<T>(pageNumber: number, dpi: number, read: (pixmap: mupdf.Pixmap) => T): T {
    const page = this.#loadPage(pageNumber);
    try {
      const scale = pageRenderScale(page, dpi);
      const pixmap = page.toPixmap(mupdf.Matrix.scale(scale, scale), mupdf.ColorSpace.DeviceRGB, false, true);
      try {
        return read(pixmap);
      } finally {
        pixmap.destroy();
      }
    } catch (error) {
      throw new PdfCorruptError(`page ${pageNumber} cannot be rendered`, { cause: error });
    } finally {
      page.destroy();
    }
  }

  /**
   * The page's pixels for OCR, at most `dpi`. A scanned page — one upright image covering the page and nothing else
   * drawn over it (an invisible OCR text layer is allowed) — gives its image's own pixels: decoded once, scaled down
   * with sharp when the scan has more than `dpi`, never scaled up, which is what an uploaded JPEG or PNG of the same
   * scan gives the engine. mupdf's rasteriser (WebAssembly, no SIMD) needs ≈ 150 ms CPU to draw a 150 dpi A4 scan at
   * 200 dpi; decoding the image costs ≈ 25 ms, and OCR reads no more from upscaled pixels. Any other page (vector
   * text, stamps drawn over the scan, a masked, rotated or small image) is rendered at `dpi` as before.
   *
   * @example
   * const { raster, source } = await pdf.ocrRaster(1, 200); // source: 'scan_image' for a flatbed scan
   */
  async ocrRaster(pageNumber: number, dpi: number = DEFAULT_RENDER_DPI): Promise<{ raster: Raster; source: OcrRasterSource }> {
    let scan: ScanPixels | undefined;
    try {
      scan = this.scanImagePixels(pageNumber, dpi);
    } catch {
      // An image mupdf draws but will not hand over (an exotic colour space, say) is still rendered like any page;
      // a page that is really broken fails there with `pdf_corrupt`.
      scan = undefined;
    }
    if (!scan) return { raster: this.renderPageRaster(pageNumber, dpi), source: 'rendered' };
    if (scan.width <= scan.targetWidth && scan.height <= scan.targetHeight) return { raster: scan, source: 'scan_image' };
    try {
      const { data, info } = await sharp(scan.data, { raw: { width: scan.width, height: scan.height, channels: 3 } })
        .resize({ width: scan.targetWidth, height: scan.targetHeight, fit: 'fill' })
        .raw()
        .toBuffer({ resolveWithObject: true });
      return { raster: { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height }, source: 'scan_image' };
    } catch (error) {
      throw new PdfCorruptError(`page ${pageNumber} cannot be rendered`, { cause: error });
    }
  }

  private scanImagePixels(pageNumber: number, dpi: number): ScanPixels | undefined {
    return collectingMessages(this.#messages, () => this.#scanImagePixelsNow(pageNumber, dpi));
  }

  /** The scan image's RGB pixels and the page's size at `dpi`, or `undefined` when the page is not a plain scan. */
  #scanImagePixelsNow(pageNumber: number, dpi: number): ScanPixels | undefined {
    const page = this.#loadPage(pageNumber);
    let image: mupdf.Image | undefined;
    try {
      const [x0, y0, x1, y1] = page.getBounds();
      let images = 0;
      let otherMarks = 0;
      let maskClips = 0;
      let placement: mupdf.Matrix | undefined;
      // Every mupdf object a callback is handed is a new reference: destroyed here, save the one image kept.
      const other = (...args: unknown[]) => {
        otherMarks++;
        destroyObjects(args);
      };
      const device = new mupdf.Device({
        fillImage(found, ctm, alpha) {
          images++;
          image?.destroy();
          image = found;
          placement = ctm;
          if (alpha < 1) otherMarks++;
        },
        fillPath: other,
        strokePath: other,
        fillText: other,
        strokeText: other,
        clipText: other,
        clipStrokeText: other,
        fillShade: (shade) => {
          otherMarks++;
          disown(shade);
        },
        fillImageMask: other,
        // mupdf draws an image's soft mask as a clip of that mask around it; counted, and matched with the mask below.
        clipImageMask: (mask) => {
          mask.destroy();
          maskClips++;
        },
        beginMask: other,
        // mupdf wraps a soft-masked image in a plain group (normal blending, opaque); anything else may change pixels.
        beginGroup(_bbox, colorspace, _isolated, _knockout, blendmode, alpha) {
          colorspace?.destroy();
          if (blendmode !== 'Normal' || alpha < 1) otherMarks++;
        },
        beginTile: () => {
          otherMarks++;
          return 0;
        },
      });
      try {
        page.run(device, mupdf.Matrix.identity);
        device.close();
      } finally {
        device.destroy();
      }
      if (images !== 1 || otherMarks > 0 || !image || !placement) return undefined;
      const [a, b, c, d, e, f] = placement;
      const pageWidth = x1 - x0;
      const pageHeight = y1 - y0;
      // Upright and unflipped (mupdf maps the image's unit square top-down), covering the page edge to edge.
      const upright = b === 0 && c === 0 && a > 0 && d > 0;
      const covers =
        upright &&
        Math.abs(e - x0) <= SCAN_EDGE_TOLERANCE * pageWidth &&
        Math.abs(f - y0) <= SCAN_EDGE_TOLERANCE * pageHeight &&
        Math.abs(e + a - x1) <= SCAN_EDGE_TOLERANCE * pageWidth &&
        Math.abs(f + d - y1) <= SCAN_EDGE_TOLERANCE * pageHeight;
      if (!covers || image.getImageMask()) return undefined;
      const width = image.getWidth();
      const height = image.getHeight();
      if (Math.max(width, height) < MIN_SCAN_LONG_SIDE_FOR_OWN_PIXELS) return undefined;
      // An embedded image with more pixels than a page is ever rendered to is drawn (within the cap) instead of decoded.
      if (width * height > MAX_RENDER_PIXELS) return undefined;
      const scale = renderScale(pageWidth, pageHeight, dpi);
      const targetWidth = Math.round(pageWidth * scale);
      const targetHeight = Math.round(pageHeight * scale);
      const mask = image.getMask();
      if (!mask) return maskClips === 0 ? { ...rgbPixels(image.toPixmap()), targetWidth, targetHeight } : undefined;
      try {
        // A soft mask (PNG alpha) of the image's own size is laid onto white paper, as the page would show it.
        if (maskClips !== 1 || mask.getWidth() !== width || mask.getHeight() !== height) return undefined;
        return { ...onWhite(rgbPixels(image.toPixmap()), mask.toPixmap()), targetWidth, targetHeight };
      } finally {
        mask.destroy();
      }
    } finally {
      image?.destroy();
      page.destroy();
    }
  }

  /** Each page as a PDF of its own (resources copied with it), in page order. */
  split(): Uint8Array[] {
    return collectingMessages(this.#messages, () => this.#splitNow());
  }

  #splitNow(): Uint8Array[] {
    const parts: Uint8Array[] = [];
    for (let index = 0; index < this.pageCount; index++) {
      const single = new mupdf.PDFDocument();
      try {
        single.graftPage(-1, this.#document, index);
        const saved = single.saveToBuffer('compress');
        parts.push(releasing(saved, () => saved.asUint8Array().slice()));
      } catch (error) {
        throw new PdfCorruptError(`page ${index + 1} cannot be copied`, { cause: error });
      } finally {
        single.destroy();
      }
    }
    return parts;
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#document.destroy();
    openInThisThread--;
    // What was decoded from a closed document is never asked for again (a document opened again decodes anew).
    if (openInThisThread === 0) mupdf.emptyStore();
  }

  #loadPage(pageNumber: number): mupdf.PDFPage {
    if (!Number.isInteger(pageNumber) || pageNumber < 1 || pageNumber > this.pageCount) {
      throw new PdfPageOutOfRangeError(pageNumber, this.pageCount);
    }
    try {
      return this.#document.loadPage(pageNumber - 1);
    } catch (error) {
      throw new PdfCorruptError(`page ${pageNumber} cannot be loaded`, { cause: error });
    }
  }
}

/** A decoded image's pixels as tightly packed RGB (grey, CMYK and others converted; alpha dropped), the pixmap freed. */
function rgbPixels(decoded: mupdf.Pixmap): Raster {
  let pixmap = decoded;
  try {
    const colorspace = pixmap.getColorSpace();
    const rgb = colorspace ? releasing(colorspace, () => colorspace.isRGB()) : false;
    if (!rgb || pixmap.getAlpha()) {
      const converted = pixmap.convertToColorSpace(mupdf.ColorSpace.DeviceRGB, false);
      pixmap.destroy();
      pixmap = converted;
    }
    const width = pixmap.getWidth();
    const height = pixmap.getHeight();
    const stride = pixmap.getStride();
    const pixels = pixmap.getPixels();
    const data = new Uint8Array(width * height * 3);
    if (stride === width * 3) data.set(pixels.subarray(0, data.length));
    else for (let row = 0; row < height; row++) data.set(pixels.subarray(row * stride, row * stride + width * 3), row * width * 3);
    return { data, width, height };
  } finally {
    pixmap.destroy();
  }
}

/** RGB pixels composited onto white through a one-component alpha pixmap of the same size (freed here). */
function onWhite(raster: Raster, alpha: mupdf.Pixmap): Raster {
  try {
    const stride = alpha.getStride();
    const step = alpha.getNumberOfComponents() + alpha.getAlpha();
    const coverage = alpha.getPixels();
    const { data, width, height } = raster;
    for (let y = 0; y < height; y++) {
      for (let x = 0, p = y * width * 3, q = y * stride; x < width; x++, p += 3, q += step) {
        const a = coverage[q];
        if (a === 255) continue;
        const white = 255 - a;
        data[p] = (data[p] * a + white * 255 + 127) / 255;
        data[p + 1] = (data[p + 1] * a + white * 255 + 127) / 255;
        data[p + 2] = (data[p + 2] * a + white * 255 + 127) / 255;
      }
    }
    return raster;
  } finally {
    alpha.destroy();
  }
}

/**
 * A part of a text-layer page its text layer does not hold, to be read from the page's pixels (`readTextLayerParts`):
 * an `image` no text line touches, or a line drawn in a `broken_font`. Box in the page's pixels.
 */
export interface UnreadRegion {
  box: OcrLine['box'];
  why: 'image' | 'broken_font';
}

interface CollectedLine {
  text: string;
  bbox: [number, number, number, number];
  /** The fonts its printed characters are drawn in (`fonts`' keys). */
  fonts: string[];
}

interface CollectedText {
  lines: CollectedLine[];
  /** Images drawn on the page (points, y down). */
  images: [number, number, number, number][];
  /** Each font's printed characters on the page, and how many of them are unmapped (`isUnmapped`), by the font's address. */
  fonts: Map<string, { characters: number; unmapped: number }>;
  realCharacters: number;
  unmappedCharacters: number;
  largestImageShare: number;
  /** Characters of lines read along each way the page's text may run: right, down, left, up (`writingTurn`). */
  charactersByWay: [number, number, number, number];
}

/**
 * A text-layer line running this far (degrees) or more off both page axes is drawn across the page: a watermark
 * (`仅供杭州市西湖区人力社保局审核使用` repeated at 30–45°, as people stamp the copies of ID cards they hand in) or a
 * slanted stamp, never a form's row. Its box is the slanted run's bounding box, up to the whole page, so a reader
 * taking it as a row finds it beside and between every value. A scan the engine reads is read along its rows too.
 */
export const ACROSS_PAGE_DEGREES = 10;

/** Whether a text line's writing direction (mupdf's `dir`) runs across the page, off both axes (`ACROSS_PAGE_DEGREES`). */
export function runsAcrossPage(direction: readonly [number, number]): boolean {
  const degrees = (Math.atan2(Math.abs(direction[1]), Math.abs(direction[0])) * 180) / Math.PI;
  return degrees >= ACROSS_PAGE_DEGREES && degrees <= 90 - ACROSS_PAGE_DEGREES;
}

/**
 * Radicals a font's ToUnicode table may name instead of the character its glyph shows. Office suites and PDF printers
 * map a CJK glyph shared by a radical and a character (人 and the Kangxi radical ⼈ are one glyph in most fonts) to
 * the radical's code point, so the page reads `⼯作单位` where it shows 工作单位, and no label or name matches. The
 * Kangxi radicals (U+2F00–U+2FD5) and the CJK compatibility ideographs have Unicode's own mapping (NFKC); the
 * supplement's radicals that are whole characters in simplified Chinese (⻓ 长, ⻔ 门, ⻄ 西, ⺠ 民…) have none, so
 * they are listed here. Radicals that are only ever a part of a character (⻈ 讠, ⻐ 钅) are left as they are.
 */
const SUPPLEMENT_RADICAL_CHARACTERS: Readonly<Record<string, string>> = {
  '\u2e9f': '母',
  '\u2ea0': '民',
  '\u2ec4': '西',
  '\u2ec5': '见',
  '\u2ec6': '角',
  '\u2ec9': '贝',
  '\u2ecb': '车',
  '\u2ed1': '長',
  '\u2ed3': '长',
  '\u2ed4': '门',
  '\u2ed7': '雨',
  '\u2ed8': '青',
  '\u2ed9': '韦',
  '\u2eda': '页',
  '\u2edb': '风',
  '\u2edc': '飞',
  '\u2edd': '食',
  '\u2ee2': '马',
  '\u2ee3': '骨',
  '\u2ee4': '鬼',
  '\u2ee5': '鱼',
  '\u2ee6': '鸟',
  '\u2ee7': '卤',
  '\u2ee8': '麦',
  '\u2ee9': '黄',
  '\u2eea': '黾',
  '\u2eec': '齐',
  '\u2eee': '齿',
  '\u2ef0': '龙',
  '\u2ef3': '龟',
};

/**
 * The character a text layer's code point stands for (`SUPPLEMENT_RADICAL_CHARACTERS`): a radical or compatibility
 * ideograph becomes the unified ideograph it shows; every other character is kept as it is (full-width punctuation
 * too, which the reader knows).
 *
 * @example
 * textLayerCharacter('⼈'); // '人' (U+2F08 KANGXI RADICAL MAN)
 * textLayerCharacter('⻓'); // '长'
 */
export function textLayerCharacter(c: string): string {
  const code = c.codePointAt(0) ?? 0;
  if ((code >= 0x2f00 && code <= 0x2fd5) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0x2f800 && code <= 0x2fa1f)) {
    const unified = c.normalize('NFKC');
    return [...unified].length === 1 ? unified : c;
  }
  return SUPPLEMENT_RADICAL_CHARACTERS[c] ?? c;
}

/**
 * How near (share of the type size, along both axes) a character may be drawn to the same character already drawn,
 * in the same font at the same size, and be that character drawn again. PDF printers make bold of a font without a
 * bold face by drawing each run two to four times a fraction of a point apart ("fake bold"), and a shadow or outline
 * effect draws it again; each drawing is a line of the text layer, so `姓名：张三` comes three times and a value reads
 * beside and over itself. Two characters of one run are at least a half-width digit apart (0.5 of the size); a seal's
 * lettering stamped over the printed name it repeats is another font at another size, and is kept.
 */
export const OVERPRINT_SHARE = 0.2;

/** Remembers the characters kept on a page and tells a character drawn again over one of them (`OVERPRINT_SHARE`). */
class OverprintFilter {
  readonly #kept = new Map<string, [number, number, number][]>();

  /** Whether `c` in `font` at `origin` repeats a character kept there; when not, it is kept. */
  repeats(c: string, font: string, origin: readonly [number, number], size: number): boolean {
    const key = `${font}\u0000${c}`;
    const places = this.#kept.get(key);
    const near = Math.max(size, 1) * OVERPRINT_SHARE;
    const again = places?.some(([x, y, s]) => Math.abs(s - size) <= size * 0.05 && Math.abs(x - origin[0]) < near && Math.abs(y - origin[1]) < near);
    if (again) return true;
    if (places) places.push([origin[0], origin[1], size]);
    else this.#kept.set(key, [[origin[0], origin[1], size]]);
    return false;
  }
}

/**
 * Which way a line's writing direction (mupdf's `dir`, y down) runs along the page: 0 right, 1 down, 2 left, 3 up;
 * `undefined` across the page (`runsAcrossPage`).
 */
function wayOf(direction: readonly [number, number]): 0 | 1 | 2 | 3 | undefined {
  if (runsAcrossPage(direction)) return undefined;
  if (Math.abs(direction[0]) >= Math.abs(direction[1])) return direction[0] >= 0 ? 0 : 2;
  return direction[1] >= 0 ? 1 : 3;
}

/**
 * A page's text runs another way than rightwards when this share of its characters (on lines of two characters or
 * more, written horizontally) runs that way: a landscape form printed sideways onto a portrait page, or a page saved
 * turned (`/Rotate`). Then the page is read turned upright, as OCR reads a scan photographed sideways.
 */
export const TURNED_TEXT_SHARE = 0.6;

/**
 * The clockwise turn that makes a page's text read rightwards (`TURNED_TEXT_SHARE`), from its characters counted by
 * the way their lines run (right, down, left, up).
 *
 * @example
 * writingTurn([10, 200, 0, 0]); // 270: the text runs down the page, so the page is turned a quarter back
 */
export function writingTurn(charactersByWay: readonly [number, number, number, number]): 0 | 90 | 180 | 270 {
  const total = charactersByWay.reduce((a, b) => a + b, 0);
  if (total === 0) return 0;
  const [, down, left, up] = charactersByWay;
  if (down >= total * TURNED_TEXT_SHARE) return 270;
  if (left >= total * TURNED_TEXT_SHARE) return 180;
  if (up >= total * TURNED_TEXT_SHARE) return 90;
  return 0;
}

/**
 * A box on a page `width` × `height` (pixels) as it lies on that page turned `turn` degrees clockwise.
 *
 * @example
 * turnBox({ x: 10, y: 20, width: 30, height: 40 }, 100, 200, 90); // { x: 140, y: 10, width: 40, height: 30 }
 */
export function turnBox(box: OcrLine['box'], width: number, height: number, turn: 0 | 90 | 180 | 270): OcrLine['box'] {
  const { x, y } = box;
  const right = x + box.width;
  const bottom = y + box.height;
  switch (turn) {
    case 0:
      return box;
    case 90:
      return { x: round2(height - bottom), y: x, width: box.height, height: box.width };
    case 180:
      return { x: round2(width - right), y: round2(height - bottom), width: box.width, height: box.height };
    case 270:
      return { x: y, y: round2(width - right), width: box.height, height: box.width };
  }
}

/**
 * Glyph origins counted by place, each taken once by the character of the page's text drawn there: where a page draws
 * text invisibly (render mode 3, `3 Tr`) over an image, and where a font's own glyph contradicts its character
 * (`isContradicted`).
 * A scanner app or Acrobat's "recognise text" lays its OCR over the page's image this way, so the page can be searched;
 * mupdf's text of the page holds it like any text. It is not what the page shows: an app's quick OCR misreads (a digit
 * for another, a character for its neighbour), and a text layer taken for the page is read with confidence 1, so every
 * misread would be a confident wrong value. The page's text is read without it: a scan with only such a layer has no
 * text layer and is OCRed like any scan; visible text beside it is kept. Invisible text over no image is kept: no OCR
 * made it (a generator that draws its text as outlines lays the same text invisibly over them, for search).
 */
class GlyphPlaces {
  readonly #places = new Map<string, number>();

  get size(): number {
    return this.#places.size;
  }

  add(origin: readonly [number, number]): void {
    const key = GlyphPlaces.#key(origin);
    this.#places.set(key, (this.#places.get(key) ?? 0) + 1);
  }

  /** Whether a character at `origin` is one drawn invisibly there (each invisible glyph takes one character). */
  take(origin: readonly [number, number]): boolean {
    const key = GlyphPlaces.#key(origin);
    const left = this.#places.get(key);
    if (!left) return false;
    if (left === 1) this.#places.delete(key);
    else this.#places.set(key, left - 1);
    return true;
  }

  // A hundredth of a point: the structured text and the device see the same glyph origin from the same matrices.
  static #key(origin: readonly [number, number]): string {
    return `${Math.round(origin[0] * 100)},${Math.round(origin[1] * 100)}`;
  }
}

/** Rounded out by this much (points), an image's box still holds the origin of a glyph drawn over its edge. */
const IMAGE_EDGE_PT = 1;

/**
 * The invisible glyphs over images of a display list (`GlyphPlaces`): mupdf hands a device invisible text as
 * `ignoreText`, and images as `fillImage` or (one-bit scans) `fillImageMask`, each with the matrix that places its unit
 * square on the page. And the visible glyphs their own font draws another character with (`isContradicted`), by the
 * same places (`brokenFonts`).
 */
function glyphsToSetAside(list: mupdf.DisplayList): { invisible: GlyphPlaces; contradicted: GlyphPlaces } {
  const origins: [number, number][] = [];
  const contradicted = new GlyphPlaces();
  const images: [number, number, number, number][] = [];
  const placed = (ctm: mupdf.Matrix) => {
    const [a, b, c, d, e, f] = ctm;
    const xs = [e, a + e, c + e, a + c + e];
    const ys = [f, b + f, d + f, b + d + f];
    images.push([Math.min(...xs) - IMAGE_EDGE_PT, Math.min(...ys) - IMAGE_EDGE_PT, Math.max(...xs) + IMAGE_EDGE_PT, Math.max(...ys) + IMAGE_EDGE_PT]);
  };
  const device = new mupdf.Device({
    ignoreText(text, ctm) {
      // mupdf.js wraps each font a text walk meets in a new reference (kept in its cache until the next font): freed
      // after the walk, like the fonts of `collectLines` (`releasing`); a freed wrapper is never reused from the cache.
      const fonts = new Set<mupdf.Font>();
      releasing(text, () =>
        text.walk({
          showGlyph(font, trm) {
            fonts.add(font);
            const [a, b, c, d, e, f] = ctm;
            origins.push([a * trm[4] + c * trm[5] + e, b * trm[4] + d * trm[5] + f]);
          },
        }),
      );
      for (const font of fonts) font.destroy();
    },
    fillText(text, ctm, colorspace) {
      colorspace.destroy();
      // Glyphs whose font's own character map draws the character the text layer names with another glyph
      // (`isContradicted`), by origin, as `collectLines` meets them.
      const fonts = new Set<mupdf.Font>();
      releasing(text, () =>
        text.walk({
          showGlyph(font, trm, glyph, unicode) {
            fonts.add(font);
            if (!isContradicted(font, glyph, unicode)) return;
            const [a, b, c, d, e, f] = ctm;
            contradicted.add([a * trm[4] + c * trm[5] + e, b * trm[4] + d * trm[5] + f]);
          },
        }),
      );
      for (const font of fonts) font.destroy();
    },
    fillImage(image, ctm) {
      image.destroy();
      placed(ctm);
    },
    fillImageMask(image, ctm, colorspace) {
      destroyObjects([image, colorspace]);
      placed(ctm);
    },
  });
  try {
    list.run(device, mupdf.Matrix.identity);
    device.close();
  } finally {
    device.destroy();
  }
  const glyphs = new GlyphPlaces();
  for (const [x, y] of origins) if (images.some(([x0, y0, x1, y1]) => x >= x0 && x <= x1 && y >= y0 && y <= y1)) glyphs.add([x, y]);
  return { invisible: glyphs, contradicted };
}

/**
 * Whether a glyph's font, by its own character map, draws the character the text layer names for it (`unicode`, from
 * the PDF's ToUnicode table) with another glyph: the table names the glyph wrongly (a table off by a code names 张's
 * glyph 弡 and 1's glyph 2). Only Chinese characters, ASCII letters and digits are checked, which fonts draw with their
 * character map's glyph (no shaping: Arabic's joined forms and ligatures are other glyphs of the same character); a
 * font without a character map (Type3, a subset without `cmap`) answers 0 and tells nothing.
 */
function isContradicted(font: mupdf.Font, glyph: number, unicode: number): boolean {
  if (
    !(
      (unicode >= 0x4e00 && unicode <= 0x9fff) ||
      (unicode >= 0x30 && unicode <= 0x39) ||
      (unicode >= 0x41 && unicode <= 0x5a) ||
      (unicode >= 0x61 && unicode <= 0x7a)
    )
  )
    return false;
  if (font.getName().startsWith('Type3')) return false;
  const own = font.encodeCharacter(unicode);
  return own !== 0 && own !== glyph;
}

function collectLines(text: mupdf.StructuredText, pageArea: number, invisible: GlyphPlaces, contradicted: GlyphPlaces): CollectedText {
  const result: CollectedText = {
    lines: [],
    images: [],
    fonts: new Map(),
    realCharacters: 0,
    unmappedCharacters: 0,
    largestImageShare: 0,
    charactersByWay: [0, 0, 0, 0],
  };
  let fonts = new Set<string>();
  const overprint = new OverprintFilter();
  let current = '';
  let across = false;
  let way: 0 | 1 | 2 | 3 | undefined;
  let horizontal = true;
  let real = 0;
  let unmapped = 0;
  let repeated = 0;
  let bbox: [number, number, number, number] = [0, 0, 0, 0];
  let kept: [number, number, number, number] | undefined;
  // mupdf.js hands the walker a new reference to each image and to each character's font: destroyed at once, or the
  // fonts of every document read stay in the WebAssembly heap until V8 happens to collect their wrappers (`releasing`).
  text.walk({
    onImageBlock(rect, _transform, image) {
      image.destroy();
      const share = ((rect[2] - rect[0]) * (rect[3] - rect[1])) / pageArea;
      result.largestImageShare = Math.max(result.largestImageShare, share);
      result.images.push([rect[0], rect[1], rect[2], rect[3]]);
    },
    beginLine(rect, wmode, direction) {
      current = '';
      real = 0;
      unmapped = 0;
      repeated = 0;
      kept = undefined;
      fonts = new Set();
      across = runsAcrossPage([direction[0], direction[1]]);
      way = wayOf([direction[0], direction[1]]);
      horizontal = wmode === 0;
      bbox = [rect[0], rect[1], rect[2], rect[3]];
    },
    onChar(raw, origin, font, size, quad) {
      if (invisible.size > 0 && invisible.take([origin[0], origin[1]])) {
        font.destroy();
        return;
      }
      const c = textLayerCharacter(raw);
      // The font itself, not its name, for `brokenFonts`: two embedded subsets may share a name, one table broken.
      const fontKey = String(font.pointer);
      const fontName = releasing(font, () => font.getName());
      if (c.trim() !== '' && overprint.repeats(c, fontName, [origin[0], origin[1]], size)) {
        repeated++;
        return;
      }
      current += c;
      if (isUnmapped(c)) unmapped++;
      else if (c.trim() !== '') real++;
      if (c.trim() === '') return;
      fonts.add(fontKey);
      const counted = result.fonts.get(fontKey) ?? { characters: 0, unmapped: 0 };
      counted.characters++;
      // A character its font's glyph contradicts counts as unmapped for the font (not for the page: `isUsableTextLayer`).
      if ((contradicted.size > 0 && contradicted.take([origin[0], origin[1]])) || isUnmapped(c)) counted.unmapped++;
      result.fonts.set(fontKey, counted);
      const xs = [quad[0], quad[2], quad[4], quad[6]];
      const ys = [quad[1], quad[3], quad[5], quad[7]];
      const box: [number, number, number, number] = [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
      kept = kept ? [Math.min(kept[0], box[0]), Math.min(kept[1], box[1]), Math.max(kept[2], box[2]), Math.max(kept[3], box[3])] : box;
    },
    endLine() {
      // A run of characters across the page is left out, and does not make a scan's page a text layer. A character
      // alone keeps its line: a seal's lettering is drawn one character to a line, each turned round the ring, and
      // the reader knows such a ring from its characters' places.
      if (across && real + unmapped + repeated >= 2) return;
      result.realCharacters += real;
      result.unmappedCharacters += unmapped;
      const trimmed = current.trim();
      if (trimmed === '') return;
      if (way !== undefined && horizontal && real + unmapped >= 2) result.charactersByWay[way] += real + unmapped;
      // A line some of whose characters repeated others is boxed round the characters it kept.
      result.lines.push({ text: trimmed, bbox: repeated > 0 && kept ? kept : bbox, fonts: [...fonts] });
    },
  });
  return result;
}

/**
 * A font whose characters read as garbage on a page that otherwise reads right: at least this share of them, and
 * `MIN_BROKEN_FONT_CHARACTERS`, unmapped (`isUnmapped`) or named for a character the font's own character map draws
 * with another glyph (`isContradicted`). A form filled in with a font of its own for the values, whose ToUnicode table
 * is missing (U+FFFD) or off by some codes (张 as 弡: rare characters; 1 as 2, which only the glyphs tell), has all or
 * most of its few characters so; a page's own fonts print rare characters one among hundreds, and a name in a font of
 * its own (`王堃`) has one. Its lines are read from the page's pixels instead (`UnreadRegion`); under
 * `MAX_UNMAPPED_SHARE` of the page, the rest of the page keeps its text layer.
 */
export const BROKEN_FONT_SHARE = 0.5;
export const MIN_BROKEN_FONT_CHARACTERS = 2;

function brokenFonts(fonts: CollectedText['fonts']): Set<string> {
  const broken = new Set<string>();
  for (const [name, { characters, unmapped }] of fonts) {
    if (unmapped >= MIN_BROKEN_FONT_CHARACTERS && unmapped >= characters * BROKEN_FONT_SHARE) broken.add(name);
  }
  return broken;
}

/**
 * An image on a text-layer page is read from its pixels when it is line-shaped — no taller than this share of the page
 * and at least as wide as tall (a value or a signature block pasted as a picture; not a photo on an ID card, a seal or a
 * logo) — and no line of the text layer touches it (covers `IMAGE_TEXT_TOUCH_SHARE` of its own box on it: text printed
 * over a background image, a caption on a picture). What OCR reads there is kept only when it is sure of it (the
 * reading path's rule): a mask (a blurred smudge over a value) reads as nothing sure.
 */
export const UNREAD_IMAGE_MAX_HEIGHT_SHARE = 0.15;
export const IMAGE_TEXT_TOUCH_SHARE = 0.2;
/** Smaller images (points, either side) are specks, rules or bullets, never a value. */
const MIN_UNREAD_IMAGE_PT = 5;

function imagesUntouched(images: CollectedText['images'], lines: readonly CollectedLine[], pageHeight: number): [number, number, number, number][] {
  return images.filter(([x0, y0, x1, y1]) => {
    const w = x1 - x0;
    const h = y1 - y0;
    if (w < MIN_UNREAD_IMAGE_PT || h < MIN_UNREAD_IMAGE_PT || w < h) return false;
    if (h > pageHeight * UNREAD_IMAGE_MAX_HEIGHT_SHARE) return false;
    return !lines.some(({ bbox }) => {
      const ix = Math.min(x1, bbox[2]) - Math.max(x0, bbox[0]);
      const iy = Math.min(y1, bbox[3]) - Math.max(y0, bbox[1]);
      const area = (bbox[2] - bbox[0]) * (bbox[3] - bbox[1]);
      return ix > 0 && iy > 0 && ix * iy >= Math.max(area, 1e-6) * IMAGE_TEXT_TOUCH_SHARE;
    });
  });
}

function isUsableTextLayer(collected: CollectedText): boolean {
  const { realCharacters, unmappedCharacters, largestImageShare } = collected;
  if (realCharacters < MIN_TEXT_LAYER_CHARACTERS) return false;
  if (unmappedCharacters / (realCharacters + unmappedCharacters) > MAX_UNMAPPED_SHARE) return false;
  if (largestImageShare >= SCAN_IMAGE_COVERAGE && realCharacters < MIN_SCAN_OCR_LAYER_CHARACTERS) return false;
  return true;
}

/**
 * Whether a text layer's character stands for no character the page can show: U+FFFD (a glyph without a Unicode
 * mapping), private use, or a code point no Chinese form prints. A font whose ToUnicode table is missing or wrong
 * reads as such garbage: glyph ids taken for code points (`(cid:123)`: control characters, Latin Extended, Yi,
 * Braille, CJK Extension A), or a table off by some codes, which names every character by a rare neighbour (职业 as
 * 聍丛). A page with more than `MAX_UNMAPPED_SHARE` of them is OCRed (digital30).
 */
function isUnmapped(c: string): boolean {
  const code = c.codePointAt(0) ?? 0;
  if (code === 0xfffd || (code >= 0xe000 && code <= 0xf8ff)) return true;
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) return !/\s/.test(c);
  if (code >= 0x4e00 && code <= 0x9fff) return !commonHanCharacters().has(c);
  return !PRINTED_OUTSIDE_HAN.some(([from, to]) => code >= from && code <= to);
}

/**
 * The code points besides the CJK unified ideographs that Chinese forms, certificates and records print: Latin with
 * its accents (names in pinyin), Greek, Cyrillic, the scripts of bilingual documents from autonomous regions (Arabic
 * for Uyghur and Kazakh, Tibetan, Mongolian, Yi), box drawing, punctuation, symbols, circled numbers, CJK punctuation,
 * kana (Japanese names), Hangul, full-width forms. Anything else (Latin Extended-B but pinyin's tone letters ǎ ǐ ǒ ǔ ǚ,
 * IPA, Braille, the CJK extensions…) is what a broken ToUnicode table gives, not what a page shows.
 */
const PRINTED_OUTSIDE_HAN: readonly (readonly [number, number])[] = [
  [0x20, 0x7e],
  [0xa0, 0x17f],
  [0x1cd, 0x1dc],
  [0x2b0, 0x2ff],
  [0x370, 0x3ff],
  [0x400, 0x45f],
  [0x600, 0x6ff],
  [0xf00, 0xfff],
  [0x1800, 0x18af],
  [0x2000, 0x27ff],
  [0x2900, 0x2bff],
  [0x2e80, 0x2fdf],
  [0x3000, 0x30ff],
  [0x3100, 0x312f],
  [0x3190, 0x31ff],
  [0x3200, 0x33ff],
  [0xa000, 0xa4cf],
  [0xac00, 0xd7af],
  [0xfe30, 0xfe4f],
  [0xff00, 0xffef],
];

let commonHan: Set<string> | undefined;

/**
 * The Chinese characters in common print: GB 2312's 6,763 (simplified) and Big5's 5,401 frequent characters
 * (traditional), 8,836 in all, decoded from the two code tables (no list to ship). Real pages' text is almost all of
 * them (a rare character in a name is one among hundreds); a ToUnicode table off by a code gives characters of the
 * whole CJK block, two thirds of which are not.
 */
function commonHanCharacters(): Set<string> {
  if (commonHan) return commonHan;
  try {
    commonHan = decodedHanCharacters();
  } catch {
    // A Node built without full ICU has no GB 18030 or Big5 decoder: every Chinese character then counts as common.
    commonHan = new Set(Array.from({ length: 0x9fff - 0x4e00 + 1 }, (_, k) => String.fromCodePoint(0x4e00 + k)));
  }
  return commonHan;
}

function decodedHanCharacters(): Set<string> {
  const found = new Set<string>();
  const gb = new TextDecoder('gb18030');
  for (let lead = 0xb0; lead <= 0xf7; lead++) for (let trail = 0xa1; trail <= 0xfe; trail++) found.add(gb.decode(new Uint8Array([lead, trail])));
  const big5 = new TextDecoder('big5');
  for (let lead = 0xa4; lead <= 0xc6; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if ((trail > 0x7e && trail < 0xa1) || (lead === 0xc6 && trail > 0x7e)) continue;
      found.add(big5.decode(new Uint8Array([lead, trail])));
    }
  }
  return found;
}

function hasPdfHeader(bytes: Uint8Array): boolean {
  // The spec allows junk before the header; readers accept it within the first kilobyte.
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).includes('%PDF-', 0, 'latin1');
}

function hasEndOfFileMarker(bytes: Uint8Array): boolean {
  const tail = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).subarray(Math.max(0, bytes.byteLength - MAX_TRAILER_SCAN));
  return tail.includes('%%EOF', 0, 'latin1');
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
