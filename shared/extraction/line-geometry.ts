import type { Box } from '../documents/extracted-field.js';
import type { LayoutLine } from './page-layout.js';

/** A line's right edge, in the page's pixels. */
export const right = (l: LayoutLine): number => l.box.x + l.box.width;

/** A line's horizontal centre, in the page's pixels. */
export const centreX = (l: LayoutLine): number => l.box.x + l.box.width / 2;

/** A line's vertical centre, in the page's pixels. */
export const centreY = (l: LayoutLine): number => l.box.y + l.box.height / 2;

/** Two lines on one row: their centres closer than half the smaller one's height. */
export const sameRow = (a: LayoutLine, b: LayoutLine): boolean => Math.abs(centreY(a) - centreY(b)) < Math.min(a.box.height, b.box.height) * 0.5;

/** How far `lower`'s box starts under `upper`'s foot, in the page's pixels (negative where the boxes overlap). */
export const gapBelow = (upper: LayoutLine, lower: LayoutLine): number => lower.box.y - (upper.box.y + upper.box.height);

/** The smallest box holding every one of `boxes`. */
export function boxAround(boxes: readonly Box[]): Box {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return { x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x, height: Math.max(...boxes.map((b) => b.y + b.height)) - y };
}
