import type { OcrLine, OcrPage } from '../../../shared/ocr/index.js';

export interface LineOptions {
  height?: number;
  confidence?: number;
  width?: number;
}

/** Width a line of text takes: Chinese characters are square, Latin letters and digits about half as wide. */
export function textWidth(text: string, height: number): number {
  let units = 0;
  for (const ch of text) units += /[\u3400-\u9fff\uff00-\uffef（），：]/.test(ch) ? 1 : 0.55;
  return Math.round(units * height);
}

/**
 * Lays out OCR lines the way an engine reports a real page: boxes in pixels, top-left origin, one box per line of
 * text. Label/value helpers place the value on the label's line, to its right as a separate box, or below it.
 */
export class PageBuilder {
  private readonly lines: OcrLine[] = [];
  private cursorY: number;

  constructor(
    private readonly options: {
      pageNumber?: number;
      width?: number;
      height?: number;
      source?: OcrPage['source'];
      confidence?: number;
      lineHeight?: number;
      top?: number;
    } = {},
  ) {
    this.cursorY = options.top ?? 120;
  }

  get lineHeight(): number {
    return this.options.lineHeight ?? 32;
  }

  /** One line at (x, y). */
  at(x: number, y: number, text: string, opts: LineOptions = {}): this {
    const height = opts.height ?? this.lineHeight;
    this.lines.push({
      text,
      confidence: opts.confidence ?? this.options.confidence ?? 0.99,
      box: { x, y, width: opts.width ?? textWidth(text, height), height },
    });
    return this;
  }

  /** A line at x on the next row (rows advance by 1.8 line heights). */
  line(text: string, x = 150, opts: LineOptions = {}): this {
    this.at(x, this.cursorY, text, opts);
    this.cursorY += Math.round((opts.height ?? this.lineHeight) * 1.8);
    return this;
  }

  /** A centred title, larger than body text. */
  title(text: string, opts: LineOptions = {}): this {
    const height = opts.height ?? this.lineHeight * 1.8;
    const width = textWidth(text, height);
    this.at(Math.round((this.width - width) / 2), this.cursorY, text, { ...opts, height });
    this.cursorY += Math.round(height * 1.8);
    return this;
  }

  /** Several boxes on one row: [x, text] pairs (a table row, or label and value read as separate boxes). */
  row(cells: Array<[number, string]>, opts: LineOptions = {}): this {
    for (const [x, text] of cells) this.at(x, this.cursorY, text, opts);
    this.cursorY += Math.round((opts.height ?? this.lineHeight) * 1.8);
    return this;
  }

  /** `label：value` in one box, `label` and `value` as two boxes on a row, or the value on the line below. */
  field(label: string, value: string, layout: 'inline' | 'right' | 'below' = 'inline', x = 150, opts: LineOptions = {}): this {
    if (layout === 'inline') return this.line(`${label}：${value}`, x, opts);
    if (layout === 'right')
      return this.row(
        [
          [x, label],
          [x + 300, value],
        ],
        opts,
      );
    this.at(x, this.cursorY, label, opts);
    this.cursorY += Math.round(this.lineHeight * 1.3);
    return this.line(value, x, opts);
  }

  /** Skips vertical space (in line heights). */
  gap(lines = 1): this {
    this.cursorY += Math.round(this.lineHeight * lines);
    return this;
  }

  get width(): number {
    return this.options.width ?? 1654;
  }

  build(): OcrPage {
    return {
      pageNumber: this.options.pageNumber ?? 1,
      width: this.width,
      height: this.options.height ?? 2339,
      rotation: 0,
      source: this.options.source ?? 'paddle',
      lines: [...this.lines],
    };
  }
}
