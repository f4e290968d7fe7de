import type { OcrLine } from '../documents/ocr-page.js';
import { centreX, centreY, gapBelow } from './line-geometry.js';
import type { LayoutLine } from './page-layout.js';

type EngineCharacters = NonNullable<OcrLine['words']>;

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
    // The engine read it along its bend (`typeSizeOfCharacters`): its box holds a bent region's padding as well.
    (Math.abs(line.rowSlope) * line.box.width >= (line.box.height - line.typeHeight) * TILT_SHARE || line.readAlongBend === true)
  );
}

/**
 * The height of `line`'s box less the climb or fall of its own row across it (`rowSlope` × width, once the page is
 * levelled), where its characters say the row tilts: a value on a row a curled page bends is boxed tall for its row's
 * course, not for a ring of type (a seal's arc, whose characters the engine boxes on one straight row, keeps its height).
 *
 * @example
 * heightLessRowTilt(bentName); // 80 for a 597 px line boxed 96 px tall, its row falling 0.027
 */
export function heightLessRowTilt(line: LayoutLine): number {
  if (line.rowSlope === undefined || Math.abs(line.rowSlope) < LEVEL_ROW || Math.abs(line.rowSlope) > MOST_ROW_TURN) return line.original.height;
  return Math.min(line.original.height, line.box.height - Math.abs(line.rowSlope) * line.box.width);
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

/**
 * Characters the engine boxed this many times taller than a line of Chinese advances per character were read along a
 * bend: `shared/ocr/bent-lines.ts` reads a bent line from a strip straightened along it and boxes each character at
 * that strip's height (62 px boxes for 31 px type on a curled photo), not at its type's.
 */
const BENT_READ_OVER_ADVANCE = 1.5;
/** Of a line's characters, this share at least are Chinese for their advance to be the type's size (an em each). */
const CHINESE_SHARE = 0.75;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * The size of a line's type from the characters the engine boxed: their median height, or, where the engine read the
 * line along a bend and boxed its characters at the straightened strip's height, the characters' advance along a line
 * of Chinese (an em each; `alongBend` then). Undefined without characters.
 *
 * @example
 * typeSizeOfCharacters(bentName.words); // { size: 30, alongBend: true } for `杭州恒信…西`, 19 characters boxed 62 px
 */
export function typeSizeOfCharacters(words: EngineCharacters | undefined): { size: number; alongBend: boolean } | undefined {
  if (!words?.length) return undefined;
  const height = median(words.map((w) => w.box.height));
  const characters = words.flatMap((w) => [...w.text.replace(/\s/g, '')]);
  const chinese = characters.filter((c) => /[\u3400-\u9fff]/u.test(c)).length;
  if (characters.length < 4 || chinese < characters.length * CHINESE_SHARE) return { size: height, alongBend: false };
  const left = Math.min(...words.map((w) => w.box.x));
  const right = Math.max(...words.map((w) => w.box.x + w.box.width));
  // The outer characters' boxes stand wider than their type by about the same as they stand taller.
  const advance = (right - left - (height - (right - left) / characters.length)) / characters.length;
  // Boxed square at the strip's height, the characters' boxes overlap by half (a condensed type's narrow boxes do not).
  const width = median(words.map((w) => w.box.width));
  const alongBend = height > advance * BENT_READ_OVER_ADVANCE && width > advance * BENT_READ_OVER_ADVANCE;
  return alongBend ? { size: advance, alongBend } : { size: height, alongBend };
}

/**
 * Where a line's head runs: the centre of its first characters (up to three, the engine's per-character positions
 * jitter by a few pixels), in the page's pixels. Undefined without characters.
 *
 * @example
 * headOfCharacters(bentName.words); // { x: 780, y: 676 } where the line's box is centred at y 685
 */
export function headOfCharacters(words: EngineCharacters | undefined): { x: number; y: number } | undefined {
  if (!words?.length) return undefined;
  const first = [...words].sort((a, b) => a.box.x - b.box.x).slice(0, 3);
  return {
    x: first.reduce((sum, w) => sum + w.box.x + w.box.width / 2, 0) / first.length,
    y: first.reduce((sum, w) => sum + w.box.y + w.box.height / 2, 0) / first.length,
  };
}

/**
 * The top of `line`'s type at its head where its box stands far taller than its type (a row a curled page bends: the
 * box holds the row's climb or fall, and a bent region's padding, so its top is no measure of where its head's text
 * starts); its box's top elsewhere.
 *
 * @example
 * headTypeTop(bentName); // 660 for a head 676 px down in 32 px type, where the box's top is 634
 */
export function headTypeTop(line: LayoutLine): number {
  if (line.head === undefined || line.typeHeight === undefined || line.box.height <= line.typeHeight * BENT_BOX_OVER_TYPE) return line.box.y;
  return Math.max(line.box.y, line.head.y - line.typeHeight / 2);
}
