import type { OcrPage } from '../documents/ocr-page.js';
import type { Raster } from './raster.js';

/** An image to read: encoded bytes (PNG, JPEG or TIFF) and the 1-based page number it has in its file. */
export interface PageImage {
  bytes: Uint8Array;
  pageNumber: number;
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
}
