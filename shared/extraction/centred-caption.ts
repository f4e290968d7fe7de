import { centreX, centreY, right, sameRow } from './line-geometry.js';
import { nextRow } from './grid-rows.js';
import { linesBelow, type LayoutLine, type PageLayout } from './page-layout.js';
import { waitingLabel } from './stacked-values.js';

/** Issue on a value read at the start of the cell under a caption centred over it: the clerk confirms it. */
export const UNDER_CENTRED_CAPTION = 'value_under_centred_caption_inferred';

/**
 * The value of a caption centred over its cell, the value set flush left in the cell under it, too short to reach
 * under the caption (`乙方（劳动者）姓名` centred over a full-width cell, `诸葛国琪` at the table's left edge;
 * `负责人` centred over the left column, `郭宇` at the column's start, the right column's value further on): the
 * first row under the caption holds a line ending left of it, under no other line of the caption's row, and the
 * caption stands centred between that line's start and the next line of its row (else the page's text edge).
 * Undefined when the layout is not so; asked only where nothing beside, under or over the caption was found.
 *
 * @example
 * valueUnderCentredCaption(layout, captionLine)?.text; // '诸葛国琪'
 */
export function valueUnderCentredCaption(layout: PageLayout, label: LayoutLine): LayoutLine | undefined {
  const h = label.box.height;
  // A label with a colon leads to a value beside it: no caption.
  if (/[:：]$/.test(label.flat)) return undefined;
  const bottom = label.box.y + h;
  const below = layout.lines.filter(
    (o) => o !== label && o.half === label.half && o.box.y >= bottom - h * 0.3 && o.box.y <= bottom + Math.max(h, layout.medianLineHeight) * 2.2,
  );
  if (below.length === 0) return undefined;
  // The first row under the caption (cells of one row may sit a little off each other), the value the line of it
  // nearest the caption on its left.
  const first = below.reduce((a, b) => (centreY(b) < centreY(a) ? b : a));
  const row = below.filter((o) => centreY(o) - centreY(first) < Math.max(h, first.box.height) * 0.8);
  const value = row.filter((o) => right(o) <= label.box.x - h * 0.5).sort((a, b) => right(b) - right(a))[0];
  if (!value || value.hits.length > 0 || value.leading === '') return undefined;
  // A grid may set its captions under the values: a value-like line right over the caption that no caption over it
  // claims is the caption's own, and the line under it is the next caption's.
  if (unclaimedValueAbove(layout, label)) return undefined;
  // Nothing of the caption's row stands over the value or between it and the caption: the value would be that line's.
  const labelRow = layout.lines.filter((o) => o !== label && o.half === label.half && sameRow(o, label));
  if (labelRow.some((o) => right(o) > value.box.x - h && o.box.x < label.box.x)) return undefined;
  // The cell runs from the value's start to the next line of its row, else to the text block's right edge.
  const next = row.filter((o) => o.box.x > right(value) && o.box.x >= centreX(label)).sort((a, b) => a.box.x - b.box.x)[0];
  const text = layout.lines.filter((o) => o.half === label.half && o.flat.length > 1);
  const end = next ? next.box.x : Math.max(...text.map(right));
  const start = value.box.x;
  if (Math.abs(centreX(label) - (start + end) / 2) > Math.max(h * 2, (end - start) * 0.08)) return undefined;
  return value;
}

/**
 * Whether a line set like a value (left of the caption, no label in it) stands right over the caption with no
 * caption over it in turn: then the grid prints its captions under the values, and that line is this caption's.
 */
function unclaimedValueAbove(layout: PageLayout, label: LayoutLine): boolean {
  const h = label.box.height;
  const value = nextRow(layout, [label], true)?.row.find((o) => right(o) <= label.box.x - h * 0.5 && o.hits.length === 0 && o.leading !== '');
  if (!value) return false;
  return !nextRow(layout, [value], true)?.row.some((o) => o.hits.length > 0);
}

/** A line of text with no label in it. */
const unlabelledText = (o: LayoutLine): boolean => o.hits.length === 0 && o.leading !== '' && /[\p{L}\p{N}]/u.test(o.flat);

/**
 * The lines under a label centred over its column that start at the column's common left edge, wholly left of the
 * label (`法定代表人` centred at x 877–959, `诸葛雨` under it at 694–751, the column's other values at 684–699): a short
 * value set flush left in a column of centred labels has no overlap with its label. The edge is where the values
 * under at least two other labels of the column (centres within a line height of this one's) start, each left of its
 * own label and within half a line of each other; a lone guess at an edge sets none.
 *
 * @example
 * linesAtColumnEdgeUnder(layout, representativeLabel).map((l) => l.flat); // ['诸葛雨']
 */
export function linesAtColumnEdgeUnder(layout: PageLayout, label: LayoutLine): LayoutLine[] {
  if (!waitingLabel(label)) return [];
  const h = label.box.height;
  const firstUnder = (o: LayoutLine) => linesBelow(layout, o, 1.2).find((l) => unlabelledText(l) && right(l) > o.box.x - h * 8);
  const edges = layout.lines
    .filter((o) => o !== label && o.half === label.half && waitingLabel(o) && Math.abs(centreX(o) - centreX(label)) < h)
    .map((o) => ({ o, under: firstUnder(o) }))
    .filter(({ o, under }) => under !== undefined && under.box.x < o.box.x - h)
    .map(({ under }) => (under as LayoutLine).box.x);
  const edge = edges.find((x) => edges.filter((e) => Math.abs(e - x) < h * 0.5).length >= 2);
  if (edge === undefined) return [];
  const bottom = label.box.y + h;
  // A label waiting on this label's row between the line's start and this label heads the line's cell: a heading
  // grid's row (`法定代表人　乙方（劳动者）姓名` over `曹英　钟鸣一`, the column's other values at the same edge).
  const rowLabels = layout.lines.filter((o) => o !== label && o.half === label.half && sameRow(o, label) && waitingLabel(o));
  return layout.lines.filter(
    (o) =>
      o !== label &&
      o.half === label.half &&
      unlabelledText(o) &&
      right(o) <= label.box.x &&
      !rowLabels.some((l) => l.box.x < label.box.x && right(l) > o.box.x) &&
      Math.abs(o.box.x - edge) < h * 0.5 &&
      o.box.y >= bottom - h * 0.3 &&
      o.box.y <= bottom + h * 1.2,
  );
}
