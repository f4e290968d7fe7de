import type { Box } from '../documents/index.js';
import type { OcrPage } from '../documents/ocr-page.js';
import type { DraftFields } from './document-context.js';
import type { PageLayout } from './page-layout.js';

/**
 * Issue on a value whose print runs off the page: characters past the edge were never read (a text layer drops the
 * glyphs outside the page, a scan or photo cuts them off), so what was read may be the value's head only
 * (`2020/7/2` of `2020/7/22`, `91330106MA2RM` of a credit code).
 */
export const VALUE_AT_PAGE_EDGE = 'value_at_page_edge_incomplete';

/**
 * How far past the page's edge a line's box must reach to count as cut by it. A text layer keeps a glyph that is
 * partly on the page: the line's box then reaches past the edge, which a line the page holds whole never does. An
 * engine clips its boxes to the image, so a line cut by the image's edge ends on it.
 */
const TEXT_LAYER_OVERHANG = 0.5;
const IMAGE_EDGE = 1;

/**
 * True when a line's box, as read from the page, runs off it on the left or right, or off its foot.
 *
 * @example
 * runsOffPage({ x: 1497, y: 884, width: 167, height: 45 }, { width: 1653, height: 2339, source: 'text_layer' }); // true
 */
export function runsOffPage(box: Box, page: Pick<OcrPage, 'width' | 'height' | 'source'>): boolean {
  if (page.source === 'text_layer') {
    return box.x < -TEXT_LAYER_OVERHANG || box.x + box.width > page.width + TEXT_LAYER_OVERHANG || box.y + box.height > page.height + TEXT_LAYER_OVERHANG;
  }
  // The detector's box of print cut by the image's edge may stop a few pixels short of it (its outline shrunk
  // around the last glyph's remains): within a twelfth of the line's height of the edge is on it.
  const edge = Math.max(IMAGE_EDGE, box.height / 12);
  return box.x <= edge || box.x + box.width >= page.width - edge || box.y + box.height >= page.height - edge;
}

/**
 * Whether a box that runs off the page is `box`'s print: a line of its height over most of it (a watermark's or a
 * title's box across the page is not).
 */
function samePrint(cut: Box, box: Box): boolean {
  const w = Math.min(cut.x + cut.width, box.x + box.width) - Math.max(cut.x, box.x);
  const h = Math.min(cut.y + cut.height, box.y + box.height) - Math.max(cut.y, box.y);
  return (
    w > 0 && h > 0 && Math.abs(Math.log(cut.height / box.height)) < Math.log(1.5) && w * h >= 0.5 * Math.min(cut.width * cut.height, box.width * box.height)
  );
}

/**
 * Flags every value read from print that runs off its page (`VALUE_AT_PAGE_EDGE`, a blocking issue): the value's own
 * line, or a line of two or more characters that the value holds whole (a wrapped value's last line cut at the edge),
 * is one of the page's lines that run off it (`PageLayout.offPage`, boxes as read: a value the reader set one
 * character a line and laid flat is judged by its characters' own boxes). A value the page holds whole is left as it
 * is, however near the edge.
 *
 * @example
 * flagValuesAtPageEdge(draft, ctx.layouts); // a start date read from `2020/7/2` at the right edge: flagged
 */
export function flagValuesAtPageEdge(draft: DraftFields, layouts: readonly PageLayout[]): void {
  const byPage = new Map(layouts.map((l) => [l.page, l]));
  for (const field of Object.values(draft)) {
    if (!field || field.value === null || !field.source?.box) continue;
    const layout = byPage.get(field.source.page);
    const cut = layout?.offPage ?? [];
    if (!layout || cut.length === 0) continue;
    const offPage = (box: Box) => cut.some((c) => samePrint(c, box));
    const value = String(field.value).replace(/\s+/g, '');
    const own = offPage(field.source.box);
    const held = layout.lines.some((line) => line.flat.length >= 2 && value.includes(line.flat) && offPage(line.original));
    if ((own || held) && !field.issues?.includes(VALUE_AT_PAGE_EDGE)) field.issues = [...(field.issues ?? []), VALUE_AT_PAGE_EDGE];
  }
}
