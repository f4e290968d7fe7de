import type { LayoutLine } from './page-layout.js';
import { endsRowInLabelColumn, opensFlowingRow } from './flowing-rows.js';
import { centreY, right } from './line-geometry.js';

/** A value line that stops on a listing separator (`…技术咨询、`): it goes on at its column's next line. */
const OPEN_LISTING = /[、，,；;]$/u;

/**
 * The label that `last` (a value at the right of its row) belongs to: the line itself when it opens with its label
 * (`住所：浙江省…`), else the nearest label line ending just left of it on its row.
 */
function ownLabelOf(lines: readonly LayoutLine[], last: LayoutLine, h: number): LayoutLine | undefined {
  if (last.hits.length > 0 && last.leading === '') return last;
  return lines
    .filter(
      (o) =>
        o !== last &&
        o.half === last.half &&
        o.hits.length > 0 &&
        right(o) <= last.box.x + h * 0.5 &&
        Math.abs(centreY(o) - centreY(last)) < Math.min(o.box.height, last.box.height) * 0.6,
    )
    .sort((a, b) => right(b) - right(a))[0];
}

/**
 * True when `margin`, a line at the text's margin under `last`, continues the value of the label column to the left
 * of `last`'s label rather than `last`: a form of two label/value columns (`经营范围` | `一般项目：技术服务、…技术咨询、`
 * | `住所` | `浙江省…1405室`) wraps each value inside its own column, and the left value goes on at the margin under
 * its label (`技术交流、技术转让…` ending where that value's line ends, left of `住所`). The right column's value never
 * goes on there. Told by the margin line ending inside the left column, flush with the left value's end (a block
 * justified in its column) or under a left value cut on a listing separator.
 */
export function wrapOfLeftColumn(lines: readonly LayoutLine[], margin: LayoutLine, last: LayoutLine, h: number): boolean {
  const label = ownLabelOf(lines, last, h);
  if (!label || right(margin) > label.box.x) return false;
  // A label ending its row in a column of row-end labels (a licence that flows each value into the next row) has no
  // column left of it: every value opens a row (flowing-rows.ts).
  if (label === last && endsRowInLabelColumn(lines, last, h)) return false;
  // Prose that goes on along the margin line's row (`4月3日` | `止。本合同…`, a fill-in-the-blank contract whose
  // date wrapped) is a sentence, not a column: its margin line is the right value's end.
  const proseGoesOn = lines.some(
    (o) =>
      o !== margin && o.half === margin.half && Math.abs(centreY(o) - centreY(margin)) < h * 0.5 && o.box.x >= right(margin) - h * 0.3 && o.box.x < label.box.x,
  );
  if (proseGoesOn) return false;
  return lines.some(
    (v) =>
      v !== last &&
      v !== label &&
      v !== margin &&
      v.half === last.half &&
      v.hits.length === 0 &&
      v.leading !== '' &&
      right(v) <= label.box.x &&
      // Under the left value's column: the wrap starts at or left of where the value starts.
      margin.box.x <= v.box.x + h &&
      Math.abs(centreY(v) - centreY(last)) < Math.min(v.box.height, last.box.height) * 0.6 &&
      v.box.height / last.box.height > 0.6 &&
      v.box.height / last.box.height < 1.65 &&
      (Math.abs(right(margin) - right(v)) < h * 1.5 || OPEN_LISTING.test(v.text.trim())) &&
      // A value opening its row under a label that waits at the row over's end flows from there: no column's.
      !opensFlowingRow(lines, v, h),
  );
}
