import type { LayoutParams } from '../eval/procedural/parts.js';

/** The plainest layout the procedural generator draws: one column, labels beside their values, nothing shifted. */
export const PLAIN_LAYOUT: LayoutParams = {
  font: 'Noto Sans CJK SC',
  valueFont: 'Noto Sans CJK SC',
  sizePt: 12,
  labelStyle: 'plain',
  placement: 'beside',
  columns: 1,
  colon: '：',
  valueShiftMm: 0,
  wrapLines: 1,
  rowGapMm: 2,
  labelColor: '#111',
};

/** The text of generated HTML, tags removed. */
export const textOf = (html: string): string => html.replace(/<[^>]*>/g, '');
