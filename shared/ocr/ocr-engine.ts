import type { Box } from '../documents/extracted-field.js';
import type { OcrLine, OcrPage } from '../documents/ocr-page.js';
import type { Raster } from './raster.js';

/** An image to read: encoded bytes (PNG, JPEG or TIFF) and the 1-based page number it has in its file. */
export interface PageImage {
  bytes: Uint8Array;
  pageNumber: number;
}

/** A part of a page to read again on its own: its box in the page's pixels and the height of its lines there. */
export interface RegionToRead {
  box: Box;
  lineHeight: number;
}

/**
 * The OCR port. The domain asks for the text of a page image; adapters (PaddleOCR on ONNX Runtime, Amazon Textract)
 * answer with the same `OcrPage` shape. Engines must handle pages turned 90°/180°/270° and say which turn they applied.
 */
export interface OcrEngine {
  readonly name: 'paddle' | 'textract';
  recognize(image: PageImage): Promise<OcrPage>;
  /**
   * Reads already decoded RGB pixels (a PDF page rendered to raw pixels, an image decoded once for OCR and its
   * preview), sparing an encode/decode round trip. Optional: callers fall back to `recognize` without it.
   */
  recognizeRaster?(raster: Raster, pageNumber: number): Promise<OcrPage>;
  /**
   * Reads a region of a page again on its own (a second look the reader asked for): `raster` is the page as its lines
   * were read (upright), the region is cropped with a margin, detected and recognised at a scale chosen for its line
   * height, and its lines come back in the page's pixels. Optional: engines without it get no second look.
   */
  recognizeRegion?(raster: Raster, region: RegionToRead, pageNumber: number): Promise<OcrLine[]>;
}
