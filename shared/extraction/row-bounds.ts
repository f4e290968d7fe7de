import type { LayoutLine, PageLayout } from './page-layout.js';
import { centreY, right } from './line-geometry.js';

/** Separators that run-on prose glues before a label (`，类` `型：…`, `；主体类型`): nothing of a value. */
const LEADING_SEPARATORS = /^[\s,，;；、。._|]*$/;

/**
 * Where the next field starts on the row of a value's first line: a label later in the value's own box (`浙江…分公司
 * ；主体类型有限`), or a box right of it on its row that opens with a label (separators before it allowed: `，类` |
 * `型：…` joined as one label when the page was laid out). `undefined` when nothing on the row after the value is a
 * label: the value may run to the text's edge.
 *
 * Used to tell a value's own wrap from the row's: a line under the value that runs across this point is run-on prose
 * going on after the row's last field (`公司(自然人投资或控股)，负责人：…` under `名称：…分公司` | `，类型：有限责任公司分`),
 * not the value's next line.
 */
export function nextFieldOnRow(layout: PageLayout, line: LayoutLine): number | undefined {
  let bound: number | undefined;
  if (line.leading !== '' && line.hits.length > 0) {
    // The value is the text before the box's first label: the label starts where its characters start.
    const perChar = line.box.width / Math.max(1, line.text.length);
    bound = line.box.x + perChar * line.hits[0].start;
  }
  for (const other of layout.lines) {
    if (other === line || other.half !== line.half || other.hits.length === 0) continue;
    if (other.box.x < right(line) - line.box.height * 0.5) continue;
    if (Math.abs(centreY(other) - centreY(line)) >= Math.min(line.box.height, other.box.height) * 0.6) continue;
    if (!LEADING_SEPARATORS.test(other.leading)) continue;
    if (bound === undefined || other.box.x < bound) bound = other.box.x;
  }
  return bound;
}

/**
 * True when `below`, a line under a value's first line `first`, runs across where the next field of `first`'s row
 * starts (`bound`, see nextFieldOnRow): a line of prose that goes on from the row's last field, never a wrap of a value
 * that ends before that field.
 */
export function runsAcrossNextField(first: LayoutLine, below: LayoutLine, bound: number | undefined): boolean {
  if (bound === undefined) return false;
  return right(below) > bound + first.box.height;
}

/**
 * True when `line`'s row runs to the right edge of the text around it (run-on prose fills its rows; a table's row
 * ends where its last cell's value ends): the next row's margin then goes on from the row's last field.
 */
export function rowRunsToEdge(layout: PageLayout, line: LayoutLine): boolean {
  const h = line.box.height;
  const row = layout.lines.filter((o) => o.half === line.half && Math.abs(centreY(o) - centreY(line)) < Math.min(o.box.height, h) * 0.6);
  const near = layout.lines.filter(
    (o) => o.half === line.half && Math.abs(o.box.y - line.box.y) < h * 6 && o.box.height / h > 0.6 && o.box.height / h < 1.65 && o.flat.length > 1,
  );
  const edge = Math.max(...near.map(right));
  return Math.max(...row.map(right)) >= edge - h * 1.5;
}
