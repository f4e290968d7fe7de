import { centreY } from './line-geometry.js';
import type { LayoutLine, PageLayout } from './page-layout.js';

/**
 * Whether `a` and `b` overlap across: one column of the page.
 *
 * @example
 * overlapAcross(label, value); // true when the value stands under the label's span
 */
export function overlapAcross(a: LayoutLine, b: LayoutLine): boolean {
  return a.box.x < b.box.x + b.box.width && b.box.x < a.box.x + a.box.width;
}

/**
 * Whether `value` starts in `label`'s cell of a grid's label row: between the midpoints to the labels beside it on its
 * row (a grid of captions over values sets each value at its cell's left, not under its caption). A caption centred
 * in a cell wider than its neighbour's puts that midpoint past the cell's left edge (`法定代表人` | `乙 方` over
 * `司马刚博` | `蔡海华`, the second cell twice as wide, its name flush left at 544 and the midpoint at 645): a value
 * starting clear of the left caption's end is in this cell too, for a value of the left caption's cell starts under
 * that caption or left of it, flush left or centred, never after its end.
 *
 * @example
 * startsInLabelCell(layout, label, value); // true for `苏慧` at the left of `劳动者姓名`'s cell
 */
export function startsInLabelCell(layout: PageLayout, label: LayoutLine, value: LayoutLine): boolean {
  const row = layout.lines
    .filter((o) => o.half === label.half && o.hits.length > 0 && Math.abs(centreY(o) - centreY(label)) < label.box.height * 0.5)
    .sort((a, b) => a.box.x - b.box.x);
  const at = row.indexOf(label);
  const mid = (a: LayoutLine, b: LayoutLine) => (a.box.x + a.box.x + a.box.width + b.box.x + b.box.x + b.box.width) / 4;
  const leftEnd = (a: LayoutLine) => a.box.x + a.box.width + label.box.height * 0.3;
  const start = at > 0 ? Math.min(mid(row[at - 1], label), leftEnd(row[at - 1])) : -Infinity;
  const end = at < row.length - 1 ? mid(label, row[at + 1]) : Infinity;
  return value.box.x >= start && value.box.x < end;
}

/**
 * Whether `value` stands in `label`'s column: over or under the label's own span, or (under it) starting in its
 * grid cell.
 *
 * @example
 * inLabelColumn(layout, label, value);
 */
export function inLabelColumn(layout: PageLayout, label: LayoutLine, value: LayoutLine): boolean {
  return overlapAcross(label, value) || (centreY(value) > centreY(label) && startsInLabelCell(layout, label, value));
}
