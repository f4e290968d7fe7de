import { valueAtPixel } from './grid-sampling.js';
import { acrossAt, type CentreLine, type TextRegion } from './text-regions.js';

/** Bent lines are read by the recogniser's own crop sampler (`sampleRegion` follows `TextRegion.centreLine`). */
export { acrossAt };

/**
 * A bent region's centre line seen from the page turned 180° (its axes turn with it, so both offsets change sign).
 *
 * @example
 * turnedCentreLine({ along: [-10, 20], across: [3, -1] }); // { along: [-20, 10], across: [1, -3] }
 */
export function turnedCentreLine(line: CentreLine): CentreLine {
  return { along: line.along.map((u) => -u).reverse(), across: line.across.map((v) => -v).reverse() };
}

/**
 * How the rows of a curled page are straightened for the reader: `flatY(x, y)` is the height at which the text row
 * through page point (x, y) runs at the page's flattest column (`referenceX`). Built by `rowFlattening`.
 */
export interface RowFlattening {
  referenceX: number;
  flatY(x: number, y: number): number;
  /** The rows' slope (dy/dx) at a page point. */
  slopeAt(x: number, y: number): number;
}

/** A local slope of text (dy/dx) measured at a page point, weighted by the length of line it stands for. */
interface SlopeSample {
  x: number;
  y: number;
  slope: number;
  weight: number;
  /** The index of the region the sample was measured on. */
  line: number;
}

/** Fewer bent lines than this on a page is no curl: its rows are left as the page put them. */
export const CURL_MIN_BENT_LINES = 3;
/** Lines turned further than this from level are not rows of the page (stamps, vertical text): no slope from them. */
const ROW_TILT = (25 * Math.PI) / 180;
/** A region must be this many times longer than tall to give its angle as a slope (a single character gives none). */
const SLOPE_ELONGATION = 2;
/**
 * A page whose rows turn by at least this much (dy/dx, ≈ 3°) between one third of its width and another curls, even
 * with no line long enough to bend (short labels tilted at a curled edge, values level on the flat part). A page
 * turned in the scanner turns all its rows alike, and a photo's perspective turns them by height, not across.
 */
const CURL_SLOPE_SPREAD = 0.05;
/** The slope field is kept on a grid of this many columns and rows over the page (smooth: a page bends gently). */
const GRID_COLUMNS = 48;
const GRID_ROWS = 16;
/** The kernel over the samples: this share of the page's width along a row, and of its height across rows. */
const KERNEL_ALONG = 1 / 30;
const KERNEL_ACROSS = 1 / 6;
/** Flattening is used only when it moves some line by at least this share of the median line height. */
const FLATTEN_MIN_SHIFT = 0.5;
/**
 * A line runs along its row when its slope is within this of the rows' slope there (≈ 6°); a line that does not (a
 * diagonal watermark, a stamp's text) is left where the page put it.
 */
const ALONG_THE_ROW = 0.1;
/**
 * Flattening is used only when at most this share of the lines' length disagrees with the rows' slope: a page crossed by
 * a diagonal watermark has two kinds of row, and no one field straightens both.
 */
const MAX_DISAGREEING = 0.2;
/** What a page's other lines say of a slope sample (see `borneOut`). */
type Verdict = 'borne' | 'disowned' | 'alone';
/** A bent line counts towards a curl only when at least this share of its bend is borne out by its neighbours. */
const BEND_BORNE_OUT = 0.5;

/** Slope samples of the page's rows: a bent line gives one per piece of its centre line, a straight one its angle. */
function slopeSamples(regions: readonly TextRegion[]): SlopeSample[] {
  const samples: SlopeSample[] = [];
  for (const [index, region] of regions.entries()) {
    if (Math.abs(region.angle) > ROW_TILT) continue;
    const ux = Math.cos(region.angle);
    const uy = Math.sin(region.angle);
    const line = region.centreLine;
    if (line) {
      const points = line.along.map((u, k) => [region.cx + u * ux - line.across[k] * uy, region.cy + u * uy + line.across[k] * ux]);
      for (let k = 1; k < points.length; k++) {
        const dx = points[k][0] - points[k - 1][0];
        if (dx <= 0) continue;
        const slope = (points[k][1] - points[k - 1][1]) / dx;
        if (Math.abs(slope) > Math.tan(ROW_TILT)) continue;
        samples.push({ x: (points[k][0] + points[k - 1][0]) / 2, y: (points[k][1] + points[k - 1][1]) / 2, slope, weight: dx, line: index });
      }
    } else if (region.width >= SLOPE_ELONGATION * region.height) {
      // A rectangle round a line: its angle is the row's mean slope; sampled at three points so long lines weigh more.
      for (const at of [-1 / 3, 0, 1 / 3]) {
        samples.push({
          x: region.cx + at * region.width * ux,
          y: region.cy + at * region.width * uy,
          slope: Math.tan(region.angle),
          weight: region.width / 3,
          line: index,
        });
      }
    }
  }
  return samples;
}

/**
 * The samples that the page's OTHER lines bear out: a sample's slope within `ALONG_THE_ROW` of the weighted median
 * slope of the other lines' samples around it (the field's kernel, so neighbouring rows in the same columns), with at
 * least a line height's worth of them there (`alone` with fewer: it says nothing either way). A curl bends
 * neighbouring rows alike, so each bent row is borne out by the rows above and below it; a diagonal watermark's line,
 * the step where a line's middle drops to its dotted leader and rises again to the value, or a seal's lettering bends
 * alone among level rows, and the median of its neighbours (mostly level text) disowns it.
 */
function borneOut(samples: readonly SlopeSample[], width: number, height: number, lineHeight: number): Verdict[] {
  const sx = width * KERNEL_ALONG;
  const sy = height * KERNEL_ACROSS;
  return samples.map((sample) => {
    const around: { slope: number; weight: number }[] = [];
    let support = 0;
    for (const other of samples) {
      const [dx, dy] = [(other.x - sample.x) / sx, (other.y - sample.y) / sy];
      // Past four kernel widths a sample weighs nothing worth summing.
      if (other.line === sample.line || Math.abs(dx) > 4 || Math.abs(dy) > 4) continue;
      const weight = other.weight * Math.exp(-0.5 * (dx * dx + dy * dy));
      around.push({ slope: other.slope, weight });
      support += weight;
    }
    if (support < lineHeight) return 'alone';
    around.sort((a, b) => a.slope - b.slope);
    let passed = 0;
    const median = around.find((other) => (passed += other.weight) >= support / 2)!.slope;
    // Level print is no one's odd one out: a level line among tilted ones (a title across a curled page) stands.
    return Math.abs(sample.slope - median) <= ALONG_THE_ROW || Math.abs(sample.slope) <= Math.abs(median) ? 'borne' : 'disowned';
  });
}

/**
 * Whether a bent line bends as its neighbours do: at least half of its bend (each sample's weighted departure from the
 * line's own mean slope) lies in samples the other lines bear out. A line whose middle only drops over its leader dots
 * (`姓名 ........ 刘刚海`) bends where no neighbour does.
 */
function bendBorneOut(samples: readonly SlopeSample[], verdicts: readonly Verdict[], line: number): boolean {
  const own = samples.map((sample, k) => ({ sample, borne: verdicts[k] === 'borne' })).filter(({ sample }) => sample.line === line);
  const length = own.reduce((sum, { sample }) => sum + sample.weight, 0);
  if (length === 0) return false;
  const mean = own.reduce((sum, { sample }) => sum + sample.weight * sample.slope, 0) / length;
  let bend = 0;
  let borneBend = 0;
  for (const { sample, borne: ok } of own) {
    const departure = sample.weight * Math.abs(sample.slope - mean);
    bend += departure;
    if (ok) borneBend += departure;
  }
  return bend > 0 && borneBend >= BEND_BORNE_OUT * bend;
}

/**
 * How much the rows' slope differs between the thirds of the page's width (the weighted median slope of each third
 * that holds enough of the page's lines; 0 when fewer than two do).
 */
function slopeSpreadAcross(samples: readonly SlopeSample[], width: number): number {
  const total = samples.reduce((sum, sample) => sum + sample.weight, 0);
  const medians: number[] = [];
  for (let third = 0; third < 3; third++) {
    const inside = samples.filter((sample) => Math.min(2, Math.floor((3 * sample.x) / width)) === third).sort((a, b) => a.slope - b.slope);
    const weight = inside.reduce((sum, sample) => sum + sample.weight, 0);
    // A third with only a line or two in it says little about the page.
    if (weight < 0.1 * total) continue;
    let passed = 0;
    const median = inside.find((sample) => (passed += sample.weight) >= weight / 2);
    if (median) medians.push(median.slope);
  }
  return medians.length < 2 ? 0 : Math.max(...medians) - Math.min(...medians);
}

/**
 * The rows of a curled page straightened: from the page's lines (`regions`, on the upright page) a smooth field of the
 * rows' slope is estimated, and each point is followed along its row to the page's flattest column. A curled page
 * lifts or sags its rows towards an edge, so a value on the curled side sits higher or lower than its label on the
 * flat side; on the straightened rows they share a height again. Undefined for a page that shows no curl (fewer than
 * `CURL_MIN_BENT_LINES` bent lines and rows that turn alike across the page, `CURL_SLOPE_SPREAD`) or whose
 * straightening would move no line by half a line height.
 *
 * @example
 * const flat = rowFlattening(regions, 2340, 1862);
 * flat?.flatY(2100, 640); // ≈ 700 when the right edge of the page curls up by 60 px there
 */
export function rowFlattening(regions: readonly TextRegion[], width: number, height: number): RowFlattening | undefined {
  const all = slopeSamples(regions);
  if (all.length === 0) return undefined;
  // A page with no bent line and rows that turn alike across it shows no curl, whatever its lines bear out (the cheap
  // test first: most pages stop here).
  if (!regions.some((region) => region.centreLine) && slopeSpreadAcross(all, width) < CURL_SLOPE_SPREAD) return undefined;
  const lineHeights = regions.filter((region) => Math.abs(region.angle) <= ROW_TILT).map((region) => region.height);
  const lineHeight = lineHeights.length > 0 ? [...lineHeights].sort((a, b) => a - b)[lineHeights.length >> 1] : 0;
  // Only what the rows around it bear out says anything about curl, and only that shapes the rows' slope field.
  const verdicts = borneOut(all, width, height, lineHeight);
  // A straight line is one row or none: one of its samples disowned by the rows it crosses disowns it all (a watermark's
  // line among level rows at one end and in an empty margin at the other).
  const disowned = new Set(all.filter((sample, k) => verdicts[k] === 'disowned' && !regions[sample.line].centreLine).map((sample) => sample.line));
  const samples = all.filter((sample, k) => verdicts[k] === 'borne' && !disowned.has(sample.line));
  if (samples.length === 0) return undefined;
  const bentLines = regions.filter((region, index) => region.centreLine && bendBorneOut(all, verdicts, index)).length;
  if (bentLines < CURL_MIN_BENT_LINES && slopeSpreadAcross(samples, width) < CURL_SLOPE_SPREAD) return undefined;
  const cellWidth = width / GRID_COLUMNS;
  const cellHeight = height / GRID_ROWS;
  const sx = width * KERNEL_ALONG;
  const sy = height * KERNEL_ACROSS;
  const slopes = new Float64Array(GRID_COLUMNS * GRID_ROWS);
  const support = new Float64Array(GRID_COLUMNS * GRID_ROWS);
  for (let row = 0; row < GRID_ROWS; row++) {
    const y = (row + 0.5) * cellHeight;
    for (let column = 0; column < GRID_COLUMNS; column++) {
      const x = (column + 0.5) * cellWidth;
      let sum = 0;
      let weight = 0;
      for (const sample of samples) {
        const w = sample.weight * Math.exp(-0.5 * (((sample.x - x) / sx) ** 2 + ((sample.y - y) / sy) ** 2));
        sum += w * sample.slope;
        weight += w;
      }
      slopes[row * GRID_COLUMNS + column] = weight > 0 ? sum / weight : 0;
      support[row * GRID_COLUMNS + column] = weight;
    }
  }
  const slopeGrid = { values: slopes, across: GRID_COLUMNS, down: GRID_ROWS, cellWidth, cellHeight };
  const slopeAt = (x: number, y: number): number => valueAtPixel(slopeGrid, x, y);
  // The flattest column among those the text covers well (a margin with no text has slope 0 by default, not by fact).
  const columnSupport = Array.from({ length: GRID_COLUMNS }, (_, column) => {
    let total = 0;
    for (let row = 0; row < GRID_ROWS; row++) total += support[row * GRID_COLUMNS + column];
    return total;
  });
  const wellCovered = Math.max(...columnSupport) * 0.25;
  let referenceColumn = -1;
  let flattest = Infinity;
  for (let column = 0; column < GRID_COLUMNS; column++) {
    if (columnSupport[column] < wellCovered) continue;
    let bend = 0;
    let total = 0;
    for (let row = 0; row < GRID_ROWS; row++) {
      const w = support[row * GRID_COLUMNS + column];
      bend += w * Math.abs(slopes[row * GRID_COLUMNS + column]);
      total += w;
    }
    if (bend / total < flattest) {
      flattest = bend / total;
      referenceColumn = column;
    }
  }
  if (referenceColumn < 0) return undefined;
  const referenceX = (referenceColumn + 0.5) * cellWidth;
  const step = cellWidth / 2;
  const flatY = (x: number, y: number): number => {
    // Follow the row from x to the reference column in half-cell steps (midpoint rule).
    let at = x;
    let level = y;
    while (Math.abs(referenceX - at) > 1e-6) {
      const dx = Math.sign(referenceX - at) * Math.min(step, Math.abs(referenceX - at));
      const half = level + (slopeAt(at, level) * dx) / 2;
      level += slopeAt(at + dx / 2, half) * dx;
      at += dx;
    }
    return level;
  };
  const moved = Math.max(...regions.map((region) => Math.abs(flatY(region.cx, region.cy) - region.cy)));
  if (moved < FLATTEN_MIN_SHIFT * lineHeight) return undefined;
  // Every line's length counts here, borne out or not: a page crossed by a diagonal watermark has two kinds of row.
  const total = all.reduce((sum, sample) => sum + sample.weight, 0);
  const disagreeing = all.reduce((sum, sample) => sum + (Math.abs(sample.slope - slopeAt(sample.x, sample.y)) > ALONG_THE_ROW ? sample.weight : 0), 0);
  return disagreeing <= MAX_DISAGREEING * total ? { referenceX, flatY, slopeAt } : undefined;
}

/**
 * A region as it lies on the straightened rows (see `rowFlattening`): level, at the height its row has at the
 * reference column, as tall as the line itself. A line that does not run along its row (a diagonal watermark, a
 * stamp's text, vertical print) is left where the page put it.
 *
 * @example
 * flattenedRegion(region, flat); // { ...region, cy: 702, angle: 0 }
 */
export function flattenedRegion(region: TextRegion, flattening: RowFlattening): TextRegion {
  const { centreLine: line, ...rectangle } = region;
  // The line's own middle at its centre (a bent line's region centre lies between its bend and its ends).
  const across = line ? acrossAt(line, 0) : 0;
  const x = region.cx - across * Math.sin(region.angle);
  const y = region.cy + across * Math.cos(region.angle);
  // A bent line follows its row by construction, and a character or two on their own say nothing by their angle (the
  // detector gives them the page's); a longer rectangle must be turned as the row is there.
  const offRow = Math.abs(region.angle) > ROW_TILT || Math.abs(Math.tan(region.angle) - flattening.slopeAt(x, y)) > ALONG_THE_ROW;
  if (!line && region.width >= SLOPE_ELONGATION * region.height && offRow) return region;
  return { ...rectangle, cx: x, cy: flattening.flatY(x, y), angle: 0 };
}
