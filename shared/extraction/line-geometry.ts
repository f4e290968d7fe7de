import type { LayoutLine } from './page-layout.js';

/** A line's right edge, in the page's pixels. */
export const right = (l: LayoutLine): number => l.box.x + l.box.width;

/** A line's horizontal centre, in the page's pixels. */
export const centreX = (l: LayoutLine): number => l.box.x + l.box.width / 2;

/** A line's vertical centre, in the page's pixels. */
export const centreY = (l: LayoutLine): number => l.box.y + l.box.height / 2;

/** How far `lower`'s box starts under `upper`'s foot, in the page's pixels (negative where the boxes overlap). */
export const gapBelow = (upper: LayoutLine, lower: LayoutLine): number => lower.box.y - (upper.box.y + upper.box.height);
