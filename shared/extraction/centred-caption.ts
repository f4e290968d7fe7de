import { centreX, centreY, right } from './line-geometry.js';
import type { LayoutLine, PageLayout } from './page-layout.js';

/** Issue on a value read at the start of the full-width cell under a caption centred over it: the clerk confirms it. */
export const UNDER_CENTRED_CAPTION = 'value_under_centred_caption_inferred';

const onRow = (a: LayoutLine, b: LayoutLine): boolean => Math.abs(centreY(a) - centreY(b)) < Math.min(a.box.height, b.box.height) * 0.5;

/** Alone on its row: no other line of its half shares the row. */
function aloneOnRow(layout: PageLayout, line: LayoutLine): boolean {
  return !layout.lines.some((o) => o !== line && o.half === line.half && onRow(o, line));
}

/**
 * The value of a caption centred over a full-width cell, the value set flush left in the cell under it (`乙方（劳动者）
 * 姓名` centred over the table, `诸葛国琪` at the table's left edge on the next row): the caption alone on its row,
 * centred on the text block around it; the value alone on the next row, starting at the block's left edge, well left
 * of the caption (where nothing under the caption itself was found). Undefined when the layout is not so.
 *
 * @example
 * valueUnderCentredCaption(layout, captionLine)?.text; // '诸葛国琪'
 */
export function valueUnderCentredCaption(layout: PageLayout, label: LayoutLine): LayoutLine | undefined {
  const h = label.box.height;
  if (!aloneOnRow(layout, label)) return undefined;
  const bottom = label.box.y + label.box.height;
  const value = layout.lines
    .filter((o) => o !== label && o.half === label.half && o.box.y >= bottom - h * 0.3 && o.box.y <= bottom + Math.max(h, layout.medianLineHeight) * 2.2)
    .sort((a, b) => a.box.y - b.box.y)[0];
  if (!value || value.hits.length > 0 || value.leading === '' || !aloneOnRow(layout, value)) return undefined;
  // Well left of the caption: not under it at all.
  if (right(value) > label.box.x - h * 0.5) return undefined;
  // The text block round the caption (a few rows up and down): its left edge and its centre.
  const near = layout.lines.filter((o) => o !== label && o !== value && o.half === label.half && Math.abs(centreY(o) - centreY(label)) < h * 8);
  if (near.length < 3) return undefined;
  const left = Math.min(...near.map((o) => o.box.x));
  const edge = Math.max(...near.map(right));
  if (Math.abs(value.box.x - left) > h * 1.5) return undefined;
  if (Math.abs(centreX(label) - (left + edge) / 2) > Math.max(h * 2, (edge - left) * 0.08)) return undefined;
  return value;
}
