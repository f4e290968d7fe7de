/**
 * Ruled grids of a label row over a value row (`grid_stacked` forms): each label centred in its cell, each value set
 * at its cell's left. A value then need not lie under its label at all (`参　保　人` centred over a row-wide cell,
 * `何雨涛` at the row's left margin), so the value under a label is found by the label row's cells: each label owns
 * the span between the midpoints to its neighbours on the row.
 */
import { centreX, centreY, right } from './line-geometry.js';
import type { LayoutLine, PageLayout } from './page-layout.js';
import { waitingLabel } from './stacked-values.js';

/** Lines on `line`'s row (its own included), left to right: centres within `share` of a line's height. */
function rowOf(layout: PageLayout, line: LayoutLine, share = 0.5): LayoutLine[] {
  const h = line.box.height;
  return layout.lines.filter((o) => o.half === line.half && Math.abs(centreY(o) - centreY(line)) < h * share).sort((a, b) => a.box.x - b.box.x);
}

/** A body line of about `line`'s size (a title or a footnote is no cell of the grid); `ratio` the most they differ. */
function sameSize(a: LayoutLine, b: LayoutLine, ratio = 1.3): boolean {
  return sizedFor(a, b, ratio, ratio);
}

/**
 * A value line of a size to go with `label`: about its size, or set larger, up to `grow` times it (a form prints its
 * labels small and fills its values in large: `注册日期` 28 px high over `2005.05.01` 48 px high).
 */
function sizedFor(value: LayoutLine, label: LayoutLine, ratio: number, grow: number): boolean {
  const r = Math.log(value.box.height / label.box.height);
  return r > -Math.log(ratio) && r < Math.log(Math.max(ratio, grow));
}

/** How much larger than its labels a grid may set its values. */
const VALUE_GROWTH = 2;

/** Issue on a grid's value set larger than its label: which cell it fills is read from layout, for the clerk to confirm. */
export const GRID_VALUE_LARGER = 'grid_value_larger_than_label_inferred';

/** The value of a label in a grid's label row, and whether it is set larger than the labels (see valueUnderGridLabel). */
export interface GridCellValue {
  line: LayoutLine;
  /** Larger than the row's first label (as the value row was found) by more than a grid's rows differ (1.3 times). */
  larger: boolean;
  /** The lines the value wraps onto down its own cell, top to bottom (see cellWraps); none for a one-line value. */
  wraps: LayoutLine[];
}

/** A row wholly of labels that wait for their values: the label row of a grid. */
function labelRow(row: readonly LayoutLine[]): boolean {
  return row.length > 0 && row.every((o) => waitingLabel(o));
}

/** A header cell's caption the lexicon does not know (`合同类型`, `联系电话`): a few Chinese characters, no digits. */
const UNKNOWN_CAPTION = /^([\u3400-\u9fff]{2,6}|[(（][\u3400-\u9fff]{1,4}[)）])[:：]?$/u;

/**
 * A grid's label row that holds captions the lexicon does not know among its labels (`用人单位 … 员工姓名 … 合同类型`
 * over a row of values): three waiting labels or more, at least twice as many as the others, and each other line a
 * short caption set apart from the line before it (more than a line's height and a half: a value beside its label
 * stands closer), of the labels' size. A row of pairs (`性别 男 民族 汉族`) has a value after every label instead.
 */
function labelRowWithCaptions(row: readonly LayoutLine[]): boolean {
  const waiting = row.filter((o) => waitingLabel(o));
  const others = row.filter((o) => !waitingLabel(o));
  if (waiting.length < 3 || others.length * 2 > waiting.length) return false;
  return others.every((o) => {
    if (o.hits.length > 0 || !UNKNOWN_CAPTION.test(o.flat) || !sameSize(o, waiting[0], 1.15)) return false;
    // A unit set under its label in the same cell (`注册资本` over `(万元)`) is part of that label's caption.
    if (waiting.some((w) => o.box.x >= w.box.x - o.box.height * 0.5 && right(o) <= right(w) + o.box.height * 0.5)) return true;
    const before = row[row.indexOf(o) - 1];
    return !before || o.box.x - right(before) > o.box.height * 1.5;
  });
}

/**
 * Whether a line stands on the next row of a grid's labels: two labels or more on its row wait for their values (a
 * value's own word read as a label, `期限` of `无固定` | `期限`, is one).
 */
function onLabelRow(layout: PageLayout, line: LayoutLine): boolean {
  return rowOf(layout, line).filter((o) => o !== line && waitingLabel(o)).length >= 2;
}

/** A row wholly of values: every line opens with text that is no label (a remark after it, `(盖章)`, allowed). */
function valueRow(row: readonly LayoutLine[]): boolean {
  return row.length > 0 && row.every((o) => o.leading !== '' && /[\p{L}\p{N}]/u.test(o.leading));
}

/**
 * The nearest row of body lines next to `row` (below it, or above with `above`), within `reach` line heights of it;
 * with the gap between the two rows.
 */
export function nextRow(
  layout: PageLayout,
  row: readonly LayoutLine[],
  above: boolean,
  ratio = 1.3,
  reach = 2.2,
  overlap = 0.25,
  grow = ratio,
): { row: LayoutLine[]; gap: number } | undefined {
  const anchor = row[0];
  const h = Math.max(anchor.box.height, layout.medianLineHeight);
  const top = Math.min(...row.map((o) => o.box.y));
  const bottom = Math.max(...row.map((o) => o.box.y + o.box.height));
  const gapTo = (o: LayoutLine) => (above ? top - (o.box.y + o.box.height) : o.box.y - bottom);
  const near = layout.lines
    .filter((o) => o.half === anchor.half && !row.includes(o) && sizedFor(o, anchor, ratio, grow) && gapTo(o) > -h * overlap && gapTo(o) < h * reach)
    .sort((a, b) => gapTo(a) - gapTo(b))[0];
  if (!near) return undefined;
  return { row: rowOf(layout, near, 0.6).filter((o) => sizedFor(o, anchor, ratio, grow)), gap: gapTo(near) };
}

/**
 * Whether the grid around a label row reads labels over values: walking up from it through rows of labels and of
 * values that alternate at one spacing, the top row (nothing of body size within reach over it) is a label row. A form
 * whose captions stand under their values starts with a value row, and a label row's value is then the row above
 * it. Rows at another spacing (values printed off their rows, up or down) or not alternating leave it unknown: no.
 */
function labelsOverValues(layout: PageLayout, labels: readonly LayoutLine[], gap: number): boolean {
  let row = labels;
  let isLabels = true;
  for (let step = 0; step < 16; step++) {
    // The rows of one grid are set in one size: a title over it, however near, is no row of it.
    const up = nextRow(layout, row, true, 1.1);
    if (!up) return isLabels;
    // A row of captions set tight on the value row under it, a row of values over it more than twice as far off: a grid
    // of its own under a block of another layout (`职业（工种）` … `评价机构` over their values, names and dates stacked
    // above). A lone caption (centred over a full-width cell) or a label row over it says nothing of the kind.
    if (step === 0 && labels.length >= 2 && up.gap > Math.max(gap * 2, row[0].box.height) && !labelRow(up.row) && valueRow(up.row)) return true;
    const upIsLabels = labelRow(up.row);
    if (Math.abs(up.gap - gap) > Math.max(gap, row[0].box.height) * 0.5) return false;
    if (upIsLabels === isLabels || (!upIsLabels && !valueRow(up.row))) return false;
    row = up.row;
    isLabels = upIsLabels;
    // A value row whose values wrap is a block of lines set tight (`有限责任公司分公` | `司(自然人投资或` | `控股)`):
    // its top line is the row next to the labels above. A one-line value beside it is centred on the block
    // (`91330106…` level between `杭州紫金文化创` and `意有限公司`), so the line above may overlap the row's top.
    for (
      let wrapped = isLabels ? undefined : nextRow(layout, row, true, 1.1, 2.2, 0.75);
      wrapped && !labelRow(wrapped.row) && valueRow(wrapped.row) && wrapped.gap < row[0].box.height * 0.6;
      wrapped = nextRow(layout, row, true, 1.1, 2.2, 0.75)
    ) {
      row = wrapped.row;
    }
  }
  return false;
}

/**
 * The value of a label in a grid's label row, from the value row right under it: the one line of that row that
 * starts inside the label's cell (between the midpoints to the labels beside it). Undefined unless the label's row
 * holds labels only, the row under it values only, the grid reads labels over values, and exactly one line starts in
 * the cell.
 *
 * @example
 * // `参　保　人` centred over the row, `何雨涛` at the row's left margin under it
 * valueUnderGridLabel(layout, label)?.line.text; // '何雨涛'
 */
export function valueUnderGridLabel(layout: PageLayout, label: LayoutLine): GridCellValue | undefined {
  const labels = rowOf(layout, label).filter((o) => sameSize(o, label));
  if (!labelRow(labels) && !labelRowWithCaptions(labels)) return undefined;
  // A table's header row of four labels or more may stand over a tall row whose values are centred in their cells,
  // the longest wrapped from the cell's top: its first line may be further down than a form's next row.
  const found =
    nextRow(layout, labels, false, 1.3, 2.2, 0.25, VALUE_GROWTH) ??
    (labels.length >= 4 ? nextRow(layout, labels, false, 1.3, 3.5, 0.25, VALUE_GROWTH) : undefined);
  const first = found && { ...found, row: found.row.filter((o) => !strayMark(o, found.row)) };
  const below = first && { ...first, row: tallRowValues(layout, labels, first.row) };
  if (!below || !valueRow(below.row)) return undefined;
  if (!labelsOverValues(layout, labels, below.gap)) return undefined;
  const value = gridCellValue(layout, labels, below.row, label);
  if (!value) return undefined;
  const larger = !sameSize(value, labels[0]);
  // Small labels between two rows of large values may be captions under the row over them as well (`学员姓名` 9 px
  // under `巴哈尔古丽·买买提`, 18 px over the next row): a value set larger than its label is the grid's only when the
  // row over the labels is clearly further off.
  if (larger) {
    const over = nextRow(layout, labels, true, 1.3, 2.2, 0.25, VALUE_GROWTH);
    if (over && valueRow(over.row) && over.gap <= below.gap * 1.2) return undefined;
  }
  return { line: value, larger, wraps: cellWraps(layout, labels, label, value) };
}

/**
 * The value row under a label row of three labels or more, read as a tall row of blocks centred on one line (each
 * cell's value wrapped from its own top: `杭州嘉禾` | … | `公司` four lines, `Y33010651` | … | `4615` three,
 * `物流服务` | `师` two, `四级` one): the top line of each cell's block whose middle is level with the middle of the
 * block `row` (the nearest row under the labels) starts. `row` as it is when the labels are fewer, it fills every
 * cell already, or no other cell holds such a block.
 */
function tallRowValues(layout: PageLayout, labels: readonly LayoutLine[], row: LayoutLine[]): LayoutLine[] {
  if (labels.length < 3 || row.length === 0 || row.length >= labels.length) return row;
  const near = row[0];
  const h = near.box.height;
  const block = (top: LayoutLine): LayoutLine[] => {
    const lines = [top];
    for (let current = top; lines.length < 5; ) {
      const bottom = current.box.y + current.box.height;
      const next = layout.lines.find(
        (o) =>
          !lines.includes(o) &&
          o.half === top.half &&
          o.hits.length === 0 &&
          !onLabelRow(layout, o) &&
          sameSize(o, top) &&
          o.box.y - bottom > -h * 0.3 &&
          o.box.y - bottom < h * 0.6 &&
          (Math.abs(o.box.x - top.box.x) < h * 0.5 || Math.abs(centreX(o) - centreX(current)) < h * 0.5),
      );
      if (!next) break;
      lines.push(next);
      current = next;
    }
    return lines;
  };
  const middle = (lines: readonly LayoutLine[]) => (lines[0].box.y + lines[lines.length - 1].box.y + lines[lines.length - 1].box.height) / 2;
  const level = middle(block(near));
  const labelBottom = Math.max(...labels.map((l) => l.box.y + l.box.height));
  const under = new Set(row.flatMap((o) => block(o).slice(1)));
  // Every line stacked tight under another (no block's top), walked once for the page.
  let stacked: Set<LayoutLine> | undefined;
  const stackedUnderAnother = (o: LayoutLine) => (stacked ??= new Set(layout.lines.flatMap((p) => block(p).slice(1)))).has(o);
  const tops = labels.map((label, at) => {
    const start = at > 0 ? cellEdge(labels[at - 1], label) : -Infinity;
    const end = at < labels.length - 1 ? cellEdge(label, labels[at + 1]) : Infinity;
    const inRow = row.find((o) => o.box.x >= start && o.box.x < end);
    if (inRow) return inRow;
    return layout.lines.find(
      (o) =>
        o.half === near.half &&
        o.hits.length === 0 &&
        !under.has(o) &&
        sameSize(o, near) &&
        o.box.x >= start &&
        o.box.x < end &&
        o.box.y > labelBottom &&
        // The top of its block: nothing of its cell stacked tight over it.
        !stackedUnderAnother(o) &&
        Math.abs(middle(block(o)) - level) < h * 0.75,
    );
  });
  const found = tops.filter((o): o is LayoutLine => o !== undefined);
  return found.length > row.length ? found.sort((a, b) => a.box.x - b.box.x) : row;
}

/**
 * The lines a grid's value wraps onto down its narrow cell (`16330176` | `14234652`, `2019年5` | `月20日` centred under
 * it): each set tight under the line before (within 0.6 of its height), of the value's size, holding no label, flush
 * with the value's start or centred under the line before, and inside the label's cell (between the midpoints to the
 * labels beside it; at the row's ends, within a height of the value): a neighbouring cell's piece is never taken. Up
 * to three.
 */
function cellWraps(layout: PageLayout, labels: readonly LayoutLine[], label: LayoutLine, value: LayoutLine): LayoutLine[] {
  const at = labels.indexOf(label);
  const h = value.box.height;
  const start = at > 0 ? cellEdge(labels[at - 1], label) : value.box.x - h;
  const end = at < labels.length - 1 ? cellEdge(label, labels[at + 1]) : right(value) + h;
  const out: LayoutLine[] = [];
  let current = value;
  while (out.length < 3) {
    const bottom = current.box.y + current.box.height;
    const next = layout.lines
      .filter(
        (o) =>
          o !== value &&
          !out.includes(o) &&
          o.half === value.half &&
          o.hits.length === 0 &&
          o.leading !== '' &&
          sameSize(o, value) &&
          // A caption the lexicon does not know on the next label row (`合同类型` under `公司`) ends the cell.
          !onLabelRow(layout, o) &&
          o.box.y - bottom > -h * 0.3 &&
          o.box.y - bottom < h * 0.6 &&
          o.box.x >= start &&
          right(o) <= end &&
          (Math.abs(o.box.x - value.box.x) < h * 0.5 || Math.abs(centreX(o) - centreX(current)) < h * 0.5),
      )
      .sort((a, b) => a.box.y - b.box.y)[0];
    if (!next) break;
    out.push(next);
    current = next;
  }
  return out;
}

/**
 * A lone character boxed far taller (1.3 times) than the middle of the value row it stands in (`牛` over `姜飞杰`, a
 * stamp's or seal's fragment in the cell): no value of the grid.
 */
function strayMark(line: LayoutLine, row: readonly LayoutLine[]): boolean {
  if (line.flat.length !== 1) return false;
  const heights = row.filter((o) => o !== line).map((o) => o.box.height);
  if (heights.length === 0) return false;
  const middle = [...heights].sort((a, b) => a - b)[Math.floor(heights.length / 2)];
  return line.box.height > middle * 1.3;
}

/** Where the cells of two neighbouring labels of a grid's label row meet: midway between the labels' midpoints. */
function cellEdge(a: LayoutLine, b: LayoutLine): number {
  return (a.box.x + right(a) + b.box.x + right(b)) / 4;
}

/** The line of `values`, the value row under a grid's row of `labels`, in `label`'s cell (see valueUnderGridLabel). */
function gridCellValue(layout: PageLayout, labels: LayoutLine[], values: LayoutLine[], label: LayoutLine): LayoutLine | undefined {
  const at = labels.indexOf(label);
  const start = at > 0 ? cellEdge(labels[at - 1], label) : -Infinity;
  const end = at < labels.length - 1 ? cellEdge(label, labels[at + 1]) : Infinity;
  const inCell = values.filter((o) => o.box.x >= start && o.box.x < end);
  if (inCell.length === 1) return inCell[0];
  // Cells of unequal widths, each label centred in its own (`职业（工种）` over a narrow first cell, `技能等级` centred
  // over a wide second one): the midpoints between the labels are no cell edges, and both values may start left of
  // the first midpoint (`美容师` … `一级`). Then a value row of as many lines as the label row has labels holds one
  // value a cell, in the labels' order.
  if (inCell.length > 1) return valueInLabelOrder(labels, values, at);
  // … and then the second cell holds no line by the midpoints (`等级　工种` over `技师　美发师`, `美发师` flush left in
  // the wide second cell, left of the midpoint): its value is the row's value in its label's place all the same.
  return centredInTallCell(layout, labels, values, start, end) ?? valueInLabelOrder(labels, values, at);
}

/**
 * The value of the `at`-th label of a grid's label row when the value row under it holds exactly one line for each
 * label (two or more), each value ending before the next one starts: the `at`-th value. Undefined otherwise.
 */
function valueInLabelOrder(labels: readonly LayoutLine[], values: readonly LayoutLine[], at: number): LayoutLine | undefined {
  if (labels.length < 2 || values.length !== labels.length) return undefined;
  if (values.some((o, i) => i > 0 && values[i - 1].box.x + values[i - 1].box.width > o.box.x)) return undefined;
  return values[at];
}

/**
 * A value centred in its cell of a tall value row (`薛杰轩` level with the second of three lines that the name and
 * the type beside it wrap onto): the top line starting in the cell between the value row's top and the next label
 * row under it. Undefined when none stands there.
 */
function centredInTallCell(
  layout: PageLayout,
  labels: readonly LayoutLine[],
  valueRow: readonly LayoutLine[],
  start: number,
  end: number,
): LayoutLine | undefined {
  const label = labels[0];
  const h = label.box.height;
  const top = Math.min(...valueRow.map((o) => o.box.y));
  const labelsBottom = Math.max(...labels.map((o) => o.box.y + o.box.height));
  const nextLabels = layout.lines.filter((o) => o.half === label.half && waitingLabel(o) && o.box.y > labelsBottom + h * 0.5).map((o) => o.box.y);
  const floor = nextLabels.length > 0 ? Math.min(...nextLabels) : Infinity;
  return layout.lines
    .filter(
      (o) =>
        o.half === label.half &&
        !waitingLabel(o) &&
        !strayMark(o, valueRow) &&
        o.leading !== '' &&
        sizedFor(o, label, 1.3, VALUE_GROWTH) &&
        o.box.x >= start &&
        o.box.x < end &&
        o.box.y >= top - h * 0.25 &&
        o.box.y + o.box.height <= floor,
    )
    .sort((a, b) => a.box.y - b.box.y)[0];
}
