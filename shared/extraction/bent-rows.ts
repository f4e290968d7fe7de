import { centreX, centreY, gapBelow } from './line-geometry.js';
import type { LayoutLine } from './page-layout.js';

/**
 * A line's box this many times the height of its type stands for a row the page tilts or bends there (a curled or
 * folded photo whose rows turn more, locally, than the page's slopes level): its box is no measure of where its text
 * runs.
 */
const BENT_BOX_OVER_TYPE = 1.5;
/** A row turned by less than this (dy/dx, about 1°) is level: its box's height is its type's. */
const LEVEL_ROW = 0.015;
/**
 * Rows of one page turn by no more than this (≈ 6°) from level, as `row-slope-field.ts` holds: a line turned further
 * (a diagonal watermark, a stamp's text) runs on no row of the page.
 */
const MOST_ROW_TURN = 0.1;
/**
 * At least this share of the box's height over its type is the tilt's (slope × width): a box padded round its type on
 * a level row (34 px over 22 px type) is no bent row.
 */
const TILT_SHARE = 0.5;

/**
 * True when `line` runs on a row the levelled page still tilts (its own characters climb or fall by `rowSlope`) and
 * is boxed far taller than its type for it: the box's top and bottom are where its head and tail run, not where its
 * text is at any one point.
 *
 * @example
 * onBentRow(nameLine); // true for `名称：杭州云栖机械制造有限公司` boxed 96 px tall over 34 px type, falling 0.09
 */
export function onBentRow(line: LayoutLine): boolean {
  return (
    line.rowSlope !== undefined &&
    line.typeHeight !== undefined &&
    Math.abs(line.rowSlope) >= LEVEL_ROW &&
    Math.abs(line.rowSlope) <= MOST_ROW_TURN &&
    line.box.height > line.typeHeight * BENT_BOX_OVER_TYPE &&
    Math.abs(line.rowSlope) * line.box.width >= (line.box.height - line.typeHeight) * TILT_SHARE
  );
}

/** Where `line`'s type runs at page column `x`: its characters' centre line, along its own row. */
export function rowCentreAt(line: LayoutLine, x: number): number {
  return onBentRow(line) ? centreY(line) + line.rowSlope! * (x - centreX(line)) : centreY(line);
}

/** The height of `line`'s text: its type's on a bent row, its box's elsewhere. */
export function textHeight(line: LayoutLine): number {
  return onBentRow(line) ? line.typeHeight! : line.box.height;
}

/**
 * The gap from `upper`'s text down to `lower`'s, measured where `lower` runs (its head's column for a short line): on
 * rows the page tilts or bends (issue 12 class 3, curl23), along `upper`'s own row rather than between the boxes, so a
 * wrapped line one pitch under a tilted value is as far below it as under a level one. Between level rows it is the
 * gap between the boxes.
 *
 * @example
 * gapAlongRow(tiltedName, wrap); // ≈ 16 (a 50 px pitch, 34 px type), where the boxes overlap by 40 px
 */
export function gapAlongRow(upper: LayoutLine, lower: LayoutLine): number {
  if (!onBentRow(upper) && !onBentRow(lower)) return gapBelow(upper, lower);
  // Measured at the middle of the part of `lower` under `upper` (a wrap's head under the value's head).
  const from = Math.max(lower.box.x, upper.box.x);
  const to = Math.min(lower.box.x + lower.box.width, upper.box.x + upper.box.width);
  const x = to > from ? (from + to) / 2 : centreX(lower);
  return rowCentreAt(lower, x) - textHeight(lower) / 2 - (rowCentreAt(upper, x) + textHeight(upper) / 2);
}

/**
 * How far apart the rows of two lines are: between their centres, measured along the row of the one a curled page
 * tilts (`b`'s where both are), at the other's centre; or along the row of `along` (the cell a short piece under it
 * wraps from: the piece, too short to show its own slope, runs parallel to it). Cells of one table row on a bent row
 * (`杭州…有限公司` boxed 65 px tall across the tilt, `2021.10` level beside it) lie on one row though their box centres
 * differ by half a line.
 *
 * @example
 * rowDistance(monthCell, tiltedEmployerCell); // ≈ 3 where the centres are 24 px apart
 */
export function rowDistance(a: LayoutLine, b: LayoutLine, along?: LayoutLine): number {
  if (along && onBentRow(along)) return Math.abs(centreY(b) - centreY(a) - along.rowSlope! * (centreX(b) - centreX(a)));
  if (onBentRow(b)) return Math.abs(centreY(a) - rowCentreAt(b, centreX(a)));
  if (onBentRow(a)) return Math.abs(centreY(b) - rowCentreAt(a, centreX(b)));
  return Math.abs(centreY(a) - centreY(b));
}
