import type { OcrPage } from '../../../shared/ocr/index.js';

/** One OCR line as the class tests write it: its text and its box in page pixels. */
export type Line = [text: string, x: number, y: number, width: number, height: number];

/**
 * A text-layer page (an A4 page at 200 dpi unless `size` says otherwise) holding `lines`, each read with confidence 1.
 *
 * @example
 * extractDocuments([textLayerPage([['姓名：', 100, 200, 90, 36], ['王晓明', 200, 200, 110, 36]])]);
 */
export function textLayerPage(lines: readonly Line[], size: { width: number; height: number } = { width: 1653, height: 2339 }): OcrPage {
  return {
    pageNumber: 1,
    ...size,
    rotation: 0,
    source: 'text_layer',
    lines: lines.map(([text, x, y, width, height]) => ({ text, confidence: 1, box: { x, y, width, height } })),
  };
}
