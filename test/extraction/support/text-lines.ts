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

/**
 * A page as the engine reads a scan (an A4 page at 200 dpi unless `size` says otherwise): each line at `confidence`,
 * with one word per character spread evenly over its box, as the engine scores characters.
 *
 * @example
 * extractDocuments([enginePage([['姓名：王晓明', 100, 200, 240, 36]])]);
 */
export function enginePage(lines: readonly Line[], size: { width: number; height: number } = { width: 1654, height: 2340 }, confidence = 0.999): OcrPage {
  return {
    pageNumber: 1,
    ...size,
    rotation: 0,
    source: 'paddle',
    lines: lines.map(([text, x, y, width, height]) => {
      const step = width / [...text].length;
      const words = [...text].map((ch, i) => ({ text: ch, confidence, box: { x: Math.round(x + i * step), y, width: Math.round(step), height } }));
      return { text, confidence, box: { x, y, width, height }, words };
    }),
  };
}
