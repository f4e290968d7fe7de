import type { OcrPage } from '../documents/ocr-page.js';

/**
 * How the rows of a photographed page slope at each point, when one slope does not describe them: a page photographed
 * at an angle (keystoned) fans its rows, so the top rows climb and the bottom rows fall (or the other way round), and
 * a label and its value far across the row, levelled by one median slope, end up a row apart. Built by
 * `rowSlopeField`.
 */
export interface RowSlopeField {
  /** The rows' slope (dy/dx) at a page point. */
  slopeAt(x: number, y: number): number;
  /** The height at which the row through (x, y) crosses the page's middle column: where the row lies once levelled. */
  levelY(x: number, y: number): number;
}

/** The slope of one straight line of text, from its characters' centres, and where it was measured. */
export interface RowSlopeSample {
  x: number;
  y: number;
  slope: number;
  /** The line's length along its row (longer lines say more). */
  weight: number;
}

function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * A line's characters off its fitted straight row by less than this share of their height: the line lies on a straight
 * row (seal lettering runs on an arc).
 */
const STRAIGHT_ROW = 0.2;

/** tan 14°: no photo or scan tilts its rows further; text set steeper is a watermark's or a stamp's. */
const PHOTO_TILT = 0.25;
/**
 * tan 3°: a line tilted less is boxed about as tall as its print (a skewed scan's few degrees add a few pixels), and
 * its box's height stands, as it always has.
 */
const TILTED = 0.05;

/**
 * A line's height across its row: its box's height less what its tilt adds over its width. A line photographed at 10°
 * is boxed twice as tall as its print, so a table's short cells never spanned three box heights and the tilted page
 * gave no slope at all. A line climbing steeper than a photo tilts keeps its box's height (a watermark gives no slope).
 */
function uprightHeight(line: OcrPage['lines'][number], slope: number): number {
  const tilt = Math.abs(slope);
  return tilt < TILTED || tilt > PHOTO_TILT ? line.box.height : line.box.height - tilt * line.box.width;
}

/**
 * The slope of one line whose characters the engine boxed, fitted to their centres: undefined under four characters,
 * over less than three line heights, or (`straight`, a share of the characters' height) when the centres stray further
 * from a straight row than that. The row of a bent page is straight enough over one line to say how it tilts there.
 * With `tilted` (the page's slope samples), a line's height is its height across its row (`uprightHeight`): a tilted
 * photo's short cells then give the page its slope; a line's own slope (`rowSlope`) keeps its box's height.
 *
 * @example
 * lineSlope(page.lines[4]); // { x: 640, y: 410, slope: 0.031, weight: 520 }
 */
export function lineSlope(line: OcrPage['lines'][number], straight = STRAIGHT_ROW, tilted = false): RowSlopeSample | undefined {
  const words = line.words;
  if (!words || words.length < 4) return undefined;
  const xs = words.map((w) => w.box.x + w.box.width / 2);
  const ys = words.map((w) => w.box.y + w.box.height / 2);
  const span = Math.max(...xs) - Math.min(...xs);
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < xs.length; i++) {
    sxy += (xs[i] - mx) * (ys[i] - my);
    sxx += (xs[i] - mx) ** 2;
  }
  if (sxx === 0) return undefined;
  const slope = sxy / sxx;
  if (span < (tilted ? uprightHeight(line, slope) : line.box.height) * 3) return undefined;
  const residual = Math.sqrt(ys.reduce((sum, y, i) => sum + (y - my - slope * (xs[i] - mx)) ** 2, 0) / ys.length);
  const charHeight = median(words.map((w) => w.box.height));
  return residual < charHeight * straight ? { x: mx, y: my, slope, weight: span } : undefined;
}

/**
 * The slope of each long line whose characters the engine boxed: their centres climb or fall along the line. Lines
 * whose characters lie on an arc (seal lettering) or that span under three line heights give none.
 *
 * @example
 * rowSlopeSamples(page.lines); // [{ x: 640, y: 410, slope: 0.031, weight: 520 }, …]
 */
export function rowSlopeSamples(ocrLines: readonly OcrPage['lines'][number][]): RowSlopeSample[] {
  return ocrLines.map((line) => lineSlope(line, STRAIGHT_ROW, true)).filter((s): s is RowSlopeSample => s !== undefined);
}

/** At least this many straight lines, spread over this share of the page's height, to tell a fan from one slope. */
const MIN_SAMPLES = 6;
const MIN_HEIGHT_SPREAD = 0.2;
/**
 * Rows of one page turn by less than this (≈ 6°) from their median, however it was photographed: a line that turns
 * further (a diagonal watermark, a stamp's text) is no row of the page.
 */
const ALONG_THE_ROWS = 0.1;
/** A line whose slope is off the fitted field by more than this (and 3 × the spread) is left out of the fit. */
const OUTLIER_SLOPE = 0.015;
/**
 * The field is used only when, levelled by it rather than by one slope, some line lands at least this share of the
 * body height elsewhere: otherwise one slope serves, and the page is laid out exactly as before. At a quarter of a
 * body line it moved lines of ordinary photos by a few pixels and re-rolled borderline joins both ways.
 */
const MIN_SHIFT = 0.5;
/** Steps taken along a row to its level at the middle column (the field is smooth: a few steps are exact enough). */
const LEVEL_STEPS = 8;

/** Weighted least squares of slope = a + b·v + c·u, with u, v the point's offset from the page centre over its size. */
function fitPlane(samples: readonly RowSlopeSample[], width: number, height: number): [number, number, number] | undefined {
  const m = [
    [0, 0, 0, 0],
    [0, 0, 0, 0],
    [0, 0, 0, 0],
  ];
  for (const s of samples) {
    const row = [1, (s.y - height / 2) / height, (s.x - width / 2) / width];
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) m[i][j] += s.weight * row[i] * row[j];
      m[i][3] += s.weight * row[i] * s.slope;
    }
  }
  for (let i = 0; i < 3; i++) {
    let pivot = i;
    for (let k = i + 1; k < 3; k++) if (Math.abs(m[k][i]) > Math.abs(m[pivot][i])) pivot = k;
    [m[i], m[pivot]] = [m[pivot], m[i]];
    if (Math.abs(m[i][i]) < 1e-9) return undefined;
    for (let k = 0; k < 3; k++) {
      if (k === i) continue;
      const f = m[k][i] / m[i][i];
      for (let j = i; j < 4; j++) m[k][j] -= f * m[i][j];
    }
  }
  return [m[0][3] / m[0][0], m[1][3] / m[1][1], m[2][3] / m[2][2]];
}

/**
 * The rows' slope as a smooth function of where on the page they run (slope = a + b·y + c·x: a keystoned photo fans
 * its rows with height, and a little across the width), fitted to the slopes of the page's straight lines, outliers
 * (a stamp's text, a tilted line of handwriting) left out. Undefined when one slope (`single`) levels every line to
 * within half a body line of where the field puts it, when too few lines, or lines over too little of the
 * page's height, say how the rows fan, or when the field would turn some line of the page further than rows turn.
 *
 * @example
 * const field = rowSlopeField(rowSlopeSamples(page.lines), page.lines, page.width, page.height, 0.004);
 * field?.levelY(1100, 300); // ≈ 330 when the top rows climb 0.05 to the right
 */
export function rowSlopeField(
  samples: readonly RowSlopeSample[],
  boxes: readonly { box: { x: number; y: number; width: number; height: number } }[],
  width: number,
  height: number,
  single: number,
): RowSlopeField | undefined {
  const rows = samples.filter((s) => Math.abs(s.slope - single) <= ALONG_THE_ROWS);
  if (rows.length < MIN_SAMPLES) return undefined;
  const ys = rows.map((s) => s.y).sort((a, b) => a - b);
  const low = ys[Math.floor(ys.length * 0.1)];
  const high = ys[Math.ceil(ys.length * 0.9) - 1];
  if (high - low < MIN_HEIGHT_SPREAD * height) return undefined;
  let kept = rows;
  let plane = fitPlane(kept, width, height);
  if (!plane) return undefined;
  const off = (p: [number, number, number], s: RowSlopeSample) => s.slope - p[0] - p[1] * ((s.y - height / 2) / height) - p[2] * ((s.x - width / 2) / width);
  for (let round = 0; round < 2; round++) {
    const fitted: [number, number, number] = plane;
    const spread = Math.sqrt(kept.reduce((sum, s) => sum + off(fitted, s) ** 2, 0) / kept.length);
    const next = kept.filter((s) => Math.abs(off(fitted, s)) <= Math.max(OUTLIER_SLOPE, 3 * spread));
    if (next.length === kept.length) break;
    if (next.length < MIN_SAMPLES) return undefined;
    kept = next;
    plane = fitPlane(kept, width, height);
    if (!plane) return undefined;
  }
  const [a, b, c] = plane;
  const slopeAt = (x: number, y: number): number => a + b * ((y - height / 2) / height) + c * ((x - width / 2) / width);
  const middle = width / 2;
  const levelY = (x: number, y: number): number => {
    // Follow the row from x to the middle column (midpoint rule).
    const dx = (middle - x) / LEVEL_STEPS;
    let at = x;
    let level = y;
    for (let k = 0; k < LEVEL_STEPS; k++) {
      const half = level + (slopeAt(at, level) * dx) / 2;
      level += slopeAt(at + dx / 2, half) * dx;
      at += dx;
    }
    return level;
  };
  // Lines spread over little of the width leave the field's turn across the page loosely fixed: a field that turns
  // any line of the page further than rows ever turn is an extrapolation, not the page.
  if (boxes.some(({ box }) => Math.abs(slopeAt(box.x + box.width / 2, box.y + box.height / 2) - single) > ALONG_THE_ROWS)) return undefined;
  const bodyHeight = median(boxes.map((l) => l.box.height)) || 20;
  const moved = Math.max(
    0,
    ...boxes.map(({ box }) => {
      const cx = box.x + box.width / 2;
      const cy = box.y + box.height / 2;
      return Math.abs(levelY(cx, cy) - (cy - single * (cx - middle)));
    }),
  );
  return moved >= MIN_SHIFT * bodyHeight ? { slopeAt, levelY } : undefined;
}
