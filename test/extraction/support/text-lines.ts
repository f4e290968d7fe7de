import type { OcrLine, OcrPage } from '../../../shared/ocr/index.js';

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

/** How `enginePage` reads its lines: the page's size, each line's score, and how much of a line's height the type fills. */
export interface EnginePageOptions {
  size?: { width: number; height: number };
  confidence?: number;
  typeShare?: number;
}

/**
 * A page as the engine reads a scan (an A4 page at 200 dpi unless `size` says otherwise): each line at `confidence`,
 * with one word per character (spaces are no characters) spread evenly over its box and `typeShare` of its height
 * high, centred on it, as the engine scores characters.
 *
 * @example
 * extractDocuments([enginePage([['姓名：王晓明', 100, 200, 240, 36]])]);
 */
export function enginePage(lines: readonly Line[], options: EnginePageOptions = {}): OcrPage {
  const { size = { width: 1654, height: 2340 }, confidence = 0.999, typeShare = 1 } = options;
  return {
    pageNumber: 1,
    ...size,
    rotation: 0,
    source: 'paddle',
    lines: lines.map(([text, x, y, width, height]) => {
      const chars = [...text.replace(/\s/g, '')];
      const step = width / chars.length;
      const type = Math.round(height * typeShare);
      const words = chars.map((ch, i) => ({ text: ch, confidence, box: { x: x + i * step, y: y + (height - type) / 2, width: step, height: type } }));
      return { text, confidence, box: { x, y, width, height }, words };
    }),
  };
}

/** How `scanPage` reads its lines: the page's size, each line's score, and lines given whole after them. */
export interface ScanPageOptions {
  size?: { width: number; height: number };
  confidence?: number;
  extra?: readonly OcrLine[];
}

/**
 * A page as the engine reads a scan (an A4 page at 200 dpi unless `size` says otherwise), with no character boxes:
 * each line at `confidence`, then the lines of `extra` as given.
 *
 * @example
 * extractDocuments([scanPage([['姓名：王晓明', 100, 200, 240, 36]])]);
 */
export function scanPage(lines: readonly Line[], options: ScanPageOptions = {}): OcrPage {
  const { size = { width: 1654, height: 2340 }, confidence = 0.99, extra = [] } = options;
  return {
    pageNumber: 1,
    ...size,
    rotation: 0,
    source: 'paddle',
    lines: [...lines.map(([text, x, y, width, height]) => ({ text, confidence, box: { x, y, width, height } })), ...extra],
  };
}

/** A line as the engine boxes it on a bent row: its characters' centres start at (x, y) and fall `slope` per pixel. */
export type BentLine = [text: string, x: number, y: number, width: number, type: number, slope?: number];

/**
 * A photographed page whose rows a curl or fold tilts here and there (an A4 page at 200 dpi unless `size` says
 * otherwise): each line's characters follow its own row (`slope`, level when left out), `type` high, and its box holds
 * them all, as the engine boxes a line on a bent row (far taller than its type).
 *
 * @example
 * extractDocuments([bentRowPage([['名称：杭州云栖机械制造有限公司', 160, 520, 690, 34, 0.09]])]);
 */
export function bentRowPage(lines: readonly BentLine[], size = { width: 1654, height: 2340 }): OcrPage {
  return {
    pageNumber: 1,
    ...size,
    rotation: 0,
    source: 'paddle',
    lines: lines.map(([text, x, y, width, type, slope = 0]) => {
      const chars = [...text.replace(/\s/g, '')];
      const step = width / chars.length;
      const words = chars.map((ch, i) => {
        const cx = x + (i + 0.5) * step;
        const cy = y + slope * (cx - x);
        return { text: ch, confidence: 0.99, box: { x: cx - step / 2, y: cy - type / 2, width: step, height: type } };
      });
      const top = Math.min(...words.map((w) => w.box.y));
      const bottom = Math.max(...words.map((w) => w.box.y + w.box.height));
      return { text, confidence: 0.99, box: { x, y: top, width, height: bottom - top }, words };
    }),
  };
}

/**
 * One line as the engine reports a line it read along a bend (`shared/ocr/bent-lines.ts`) on a curled photo: level
 * for its first `flat` share, then falling by `fall` px at its tail along a quarter circle's course; each character
 * boxed square at the straightened strip's height (twice its `type`), the line's box round those boxes with the bent
 * region's padding.
 *
 * @example
 * bentReadLine('杭州恒信机械制造数字服务股份有限公司西', 720, 660, 600, 31, 22);
 */
export function bentReadLine(text: string, x: number, y: number, width: number, type: number, fall: number, flat = 0.4): OcrLine {
  const chars = [...text.replace(/\s/g, '')];
  const step = width / chars.length;
  const strip = type * 2;
  const words = chars.map((ch, i) => {
    const cx = x + (i + 0.5) * step;
    const t = Math.max(0, (cx - x) / width - flat) / (1 - flat);
    const cy = y + type / 2 + fall * t * t;
    return { text: ch, confidence: 0.99, box: { x: cx - strip / 2, y: cy - strip / 2, width: strip, height: strip } };
  });
  const top = Math.min(...words.map((w) => w.box.y)) - type / 3;
  const bottom = Math.max(...words.map((w) => w.box.y + w.box.height)) + type / 3;
  return { text, confidence: 0.99, box: { x: x - type / 3, y: top, width: width + type / 3, height: bottom - top }, words };
}
