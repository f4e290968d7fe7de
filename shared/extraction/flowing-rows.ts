import { centreY, right } from './line-geometry.js';
import type { LayoutLine } from './page-layout.js';

/**
 * Licences that flow each value into the next row (older 个体工商户 and company licences): every label is spread across
 * a narrow cell at a row's end (`住` … `所`, no colon), its value opens the next row at the margin and runs on to that
 * row's own label (`组成形式` | `个人经营 … 经营者` | `尹英一 … 注册日期`). Such a page has no label column: the value
 * at a row's start is the waiting label's of the row over it.
 */

/**
 * A value read up to the next label that ends its row, its wrap lines under left to that label: where it ends is read
 * from the page's layout alone, which a second reading of the same neighbourhood shows again (second-look.ts).
 */
export const VALUE_ENDS_AT_FLOWING_LABEL = 'value_end_at_flowing_label_inferred';

/** Two lines level on one row (their middles within 0.6 of the smaller's height): a row's label and what follows it. */
function sameRow(a: LayoutLine, b: LayoutLine): boolean {
  return Math.abs(centreY(a) - centreY(b)) < Math.min(a.box.height, b.box.height) * 0.6;
}

/** The label line that ends the row over `value` and waits for its value there (nothing right of it on its row). */
export function waitingLabelOverRow(lines: readonly LayoutLine[], value: LayoutLine, h: number): LayoutLine | undefined {
  return lines
    .filter(
      (o) =>
        o !== value &&
        o.half === value.half &&
        o.hits.length > 0 &&
        o.hits[o.hits.length - 1].inlineValue === '' &&
        o.box.x > right(value) &&
        centreY(o) < centreY(value) - h * 0.6 &&
        centreY(o) > centreY(value) - h * 2.6 &&
        !lines.some((r) => r !== o && r.half === o.half && r.box.x > right(o) - h * 0.3 && sameRow(r, o)),
    )
    .sort((a, b) => centreY(b) - centreY(a))[0];
}

/**
 * True when `value` is a flowing row's value: it opens its row (nothing left of it), carries no label, and a label
 * ending the row over it waits for its value. Such a value is no left column's value (left-column-wraps.ts): the
 * page has no columns.
 *
 * @example
 * opensFlowingRow(layout.lines, line, layout.medianLineHeight); // `个人经营` under `… 组成形式`
 */
export function opensFlowingRow(lines: readonly LayoutLine[], value: LayoutLine, h: number): boolean {
  if (value.hits.length > 0) return false;
  const opensRow = !lines.some(
    (o) => o !== value && o.half === value.half && right(o) <= value.box.x + h * 0.3 && Math.abs(centreY(o) - centreY(value)) < h * 0.5,
  );
  return opensRow && waitingLabelOverRow(lines, value, h) !== undefined;
}

/**
 * True when `label`, a label ending its row with nothing right of it, stands in a column of such labels flush at
 * their right ends (two more within six rows): the block's right edge on a flowing licence, whatever a centred
 * title or caption over the block (`（副本）`) sticks out past it.
 *
 * @example
 * endsRowInLabelColumn(layout.lines, line, h); // `法定代表人` under `类　型` over `注册资本`, all flush right
 */
export function endsRowInLabelColumn(lines: readonly LayoutLine[], label: LayoutLine, h: number): boolean {
  const endsRow = (o: LayoutLine) => !lines.some((r) => r !== o && r.half === o.half && r.box.x > right(o) - h * 0.3 && sameRow(r, o));
  if (label.hits.length === 0 || !endsRow(label)) return false;
  const flush = lines.filter(
    (o) =>
      o !== label &&
      o.half === label.half &&
      o.hits.length > 0 &&
      Math.abs(right(o) - right(label)) < h * 0.6 &&
      Math.abs(centreY(o) - centreY(label)) < h * 6 &&
      endsRow(o),
  );
  return flush.length >= 2;
}

/**
 * A flowing licence's value stops on the row its next label ends (`浙江省…805室 … 营业期限` | `二〇〇六年…至长期`): the
 * lines under are that label's value, not the wrap of this one. Returns the wrap lines `below` up to the first row (of
 * `first` or a wrap line) that ends with such a label: a label waiting for its value, in a column of row-end labels.
 *
 * @example
 * wrapUpToFlowingLabel(layout.lines, first, tight); // [] when `first`'s row ends with `营业期限`
 */
export function wrapUpToFlowingLabel(lines: readonly LayoutLine[], first: LayoutLine, below: readonly LayoutLine[]): LayoutLine[] {
  const rows = [first, ...below];
  const stop = rows.findIndex((value) => {
    const h = value.box.height;
    return lines.some(
      (o) =>
        o !== value &&
        o.half === value.half &&
        o.box.x > right(value) - h * 0.3 &&
        Math.abs(centreY(o) - centreY(value)) < Math.min(o.box.height, h) * 0.6 &&
        o.hits.length > 0 &&
        o.hits[0].start === 0 &&
        o.hits[o.hits.length - 1].inlineValue === '' &&
        endsRowInLabelColumn(lines, o, h),
    );
  });
  return stop < 0 ? [...below] : below.slice(0, stop);
}

/**
 * The rows a flowing licence's value wraps onto (`名　称　杭州智联信息技` | `术有限公司 … 类　型`): the value's row ends at
 * the row-end label column's left edge with no label there, and the text goes on at the block's margin, up to and
 * including the row its next label ends. Empty when `first` is no such value.
 *
 * @example
 * flowingWrapLines(layout.lines, first); // [`术有限公司`] under `杭州智联信息技`
 */
export function flowingWrapLines(lines: readonly LayoutLine[], first: LayoutLine): LayoutLine[] {
  const h = first.box.height;
  const rowEndLabels = lines.filter(
    (o) => o.half === first.half && o.hits.length > 0 && Math.abs(centreY(o) - centreY(first)) < h * 6 && endsRowInLabelColumn(lines, o, h),
  );
  if (rowEndLabels.length < 3) return [];
  // Their usual left edge: a label that carries its value's head (`成立日期2012`) starts further left.
  const lefts = rowEndLabels.map((o) => o.box.x).sort((a, b) => a - b);
  const columnLeft = lefts[Math.floor(lefts.length / 2)];
  const margin = Math.min(...lines.filter((o) => o.half === first.half && Math.abs(centreY(o) - centreY(first)) < h * 6).map((o) => o.box.x));
  const taken: LayoutLine[] = [];
  let current = first;
  for (let k = 0; k < 3; k++) {
    // The row wrapped: it reaches the label column's edge (within a character and the cell's padding), and no label ends it.
    const endsAtColumn = right(current) > columnLeft - h * 3 && right(current) < columnLeft + h * 0.3;
    if (!endsAtColumn || lines.some((o) => o !== current && o.half === current.half && o.box.x > right(current) - h * 0.3 && sameRow(o, current))) break;
    const bottom = current.box.y + current.box.height;
    const next = lines
      .filter(
        (o) =>
          o !== current &&
          o.half === current.half &&
          o.hits.length === 0 &&
          o.leading !== '' &&
          Math.abs(o.box.x - margin) < h &&
          o.box.y > bottom - h * 0.35 &&
          o.box.y < bottom + h * 1.2 &&
          Math.abs(o.box.height / h - 1) < 0.4,
      )
      .sort((a, b) => a.box.y - b.box.y)[0];
    if (!next) break;
    taken.push(next);
    // The row its next label ends is the value's last.
    if (rowEndLabels.some((o) => sameRow(o, next))) return taken;
    current = next;
  }
  return [];
}
