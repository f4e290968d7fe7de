import type { LayoutLine, PageLayout } from './page-layout.js';

/**
 * A document's text as one stream (lines joined without spaces, in reading order) with a map back to the lines, so
 * that sentences wrapped over several lines — and dates split at a line end — read as one.
 */
export interface DocumentText {
  text: string;
  /** The line that holds the character at `offset`. */
  lineAt(offset: number): LayoutLine;
}

/**
 * Builds the stream of a document's lines.
 *
 * @example
 * documentText(layouts).text; // '劳动合同书甲方(用人单位):…'
 */
export function documentText(layouts: readonly PageLayout[]): DocumentText {
  const lines = layouts.flatMap((l) => l.lines);
  const starts: number[] = [];
  let text = '';
  for (const line of lines) {
    starts.push(text.length);
    text += line.flat;
  }
  return {
    text,
    lineAt(offset: number): LayoutLine {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset) lo = mid;
        else hi = mid - 1;
      }
      return lines[lo];
    },
  };
}
