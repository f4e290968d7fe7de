import type { Raster } from './raster.js';

/**
 * JPEG blocking: a photo re-saved by a chat app (scaled to 960–1,280 px, saved twice at quality 22–50) carries its
 * 8 × 8 block grid as steps at every eighth column and row, and its small print (7–10 px tall) sits in blocks and
 * ringing the recogniser reads as strokes. The engine reads rasters, not files, so what the file's quantisation was is
 * read from the pixels: the grid's phase from where the small steps stand out, then the luminance DC step from how the
 * blocks' DC coefficients cluster on its multiples (`dcStepOf`). A page saved coarsely (`COARSE_DC_STEP`) is smoothed
 * (`withoutJpegBlocking`); every other page comes back as the same object.
 */

/** The grid measured on a page: its phase (the first column and row of a block) and how far its steps stand out. */
export interface BlockGrid {
  /** Column (0–7) where blocks start: the step lies between column `x − 1` and `x` for x ≡ this (mod 8). */
  phaseX: number;
  /** Row (0–7) where blocks start. */
  phaseY: number;
  /** Mean small step across the grid's columns over the other phases' mean (1 on a page with no grid). */
  ratioX: number;
  /** The same over rows. */
  ratioY: number;
  /** Mean small step across the grid's lines, grey levels (what the quantisation left at block edges). */
  step: number;
}

/** Steps larger than this (grey levels) are print's or the scene's edges, not a block's: they are clipped in the measure. */
const SMALL_STEP = 12;

/** A page's grid stands out when its steps are at least this many times the other phases' on both axes. */
export const BLOCKING_RATIO = 1.3;

/**
 * The page's block grid measured from its pixels (grey), on every eighth row and column.
 *
 * @example
 * const grid = measureBlockGrid(raster); // { phaseX: 0, phaseY: 0, ratioX: 1.9, ratioY: 1.8, step: 3.1 }
 */
export function measureBlockGrid(raster: Raster): BlockGrid {
  const { data, width, height } = raster;
  const grey = (x: number, y: number): number => {
    const i = (y * width + x) * 3;
    return data[i] + 2 * data[i + 1] + data[i + 2];
  };
  const colSum = new Float64Array(8);
  const colCount = new Float64Array(8);
  const rowSum = new Float64Array(8);
  const rowCount = new Float64Array(8);
  const clip = SMALL_STEP * 4;
  for (let y = 1; y < height; y += 8) {
    let left = grey(0, y);
    for (let x = 1; x < width; x++) {
      const here = grey(x, y);
      const d = Math.abs(here - left);
      left = here;
      colSum[x & 7] += d < clip ? d : clip;
      colCount[x & 7]++;
    }
  }
  for (let x = 1; x < width; x += 8) {
    let above = grey(x, 0);
    for (let y = 1; y < height; y++) {
      const here = grey(x, y);
      const d = Math.abs(here - above);
      above = here;
      rowSum[y & 7] += d < clip ? d : clip;
      rowCount[y & 7]++;
    }
  }
  const axis = (sum: Float64Array, count: Float64Array): { phase: number; ratio: number; step: number } => {
    const means = Array.from(sum, (s, i) => (count[i] ? s / count[i] : 0));
    let phase = 0;
    for (let i = 1; i < 8; i++) if (means[i] > means[phase]) phase = i;
    const others = means.filter((_, i) => i !== phase);
    const rest = others.reduce((a, b) => a + b, 0) / others.length;
    return { phase, ratio: rest > 0 ? means[phase] / rest : 1, step: means[phase] / 4 };
  };
  const xs = axis(colSum, colCount);
  const ys = axis(rowSum, rowCount);
  return { phaseX: xs.phase, phaseY: ys.phase, ratioX: round3(xs.ratio), ratioY: round3(ys.ratio), step: round3((xs.step + ys.step) / 2) };
}

/**
 * The luminance DC step the page was last saved with, read from its pixels: each 8 × 8 block (on the grid's phase)
 * has a DC coefficient (its luma sum / 8, level-shifted) that the save rounded to a multiple of the step, so the
 * coefficients cluster there. The largest step (`from`–64) whose clustering holds (`DC_CLUSTERING`) is taken; blocks at
 * the ends of the range (clipped paper or black) are left out, and each value counts once. 1 when no step holds (a PNG, a resized JPEG).
 *
 * @example
 * dcStepOf(raster, measureBlockGrid(raster)); // 24 for a chat app's re-save, 7–10 for a phone's own JPEG
 */
export function dcStepOf(raster: Raster, grid: Pick<BlockGrid, 'phaseX' | 'phaseY'>, from = 2): number {
  const { data, width, height } = raster;
  const dcs: number[] = [];
  // At most about 2,000 blocks: every block of a chat-sized page, one in a few of a large one.
  const blocks = Math.floor(width / 8) * Math.floor(height / 8);
  const skip = Math.max(1, Math.round(Math.sqrt(blocks / 2000)));
  for (let by = grid.phaseY; by + 8 <= height; by += 8 * skip) {
    for (let bx = grid.phaseX; bx + 8 <= width; bx += 8 * skip) {
      let sum = 0;
      let lo = 255;
      let hi = 0;
      for (let y = by; y < by + 8; y++) {
        let i = (y * width + bx) * 3;
        for (let x = 0; x < 8; x++, i += 3) {
          const luma = 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
          sum += luma;
          if (luma < lo) lo = luma;
          if (luma > hi) hi = luma;
        }
      }
      if (hi >= 252 || lo <= 3) continue;
      dcs.push(sum / 8 - 1024);
    }
  }
  // Flat paper gives one value many times, which sits on a multiple of any step: each value (to ¼) counts once.
  const distinct = [...new Set(dcs.map((dc) => Math.round(dc * 4) / 4))];
  if (distinct.length < 64) return 1;
  let best = 1;
  for (let step = Math.max(2, from); step <= 64; step++) {
    let re = 0;
    let im = 0;
    for (const dc of distinct) {
      const angle = (2 * Math.PI * dc) / step;
      re += Math.cos(angle);
      im += Math.sin(angle);
    }
    if (Math.hypot(re, im) / distinct.length >= DC_CLUSTERING) best = step;
  }
  return best;
}

/** How tightly the DC coefficients must sit on multiples of a step for it to be the page's (1 = exactly). */
const DC_CLUSTERING = 0.6;

/**
 * A page's luminance DC step at or over this was saved coarsely (IJG quality about 50 or less: a chat app's re-save
 * gives 21–33; a phone's own JPEG 6–10, a scanner's less): its small print sits in blocks and ringing.
 */
export const COARSE_DC_STEP = 16;

/** The Gaussian the coarse page is smoothed with (px): the blocks' steps and ringing, not strokes 1–2 px wide. */
export const BLOCKING_SIGMA = 0.9;

/** A page's JPEG blocking: its grid, its DC step read from the pixels, and whether it was smoothed. */
export interface JpegBlocking {
  grid: BlockGrid;
  dcStep: number;
}

/**
 * The page smoothed when it was saved coarsely (its DC step read from the pixels at `COARSE_DC_STEP` or over),
 * else the same object: a Gaussian of `BLOCKING_SIGMA` per channel, which takes the 8 × 8 blocks' steps and the
 * ringing around small print down to the level of the page's grain, the strokes' own contrast kept.
 *
 * @example
 * const { raster: smooth, blocking } = withoutJpegBlocking(raster); // blocking.dcStep 24 on a chat app's re-save
 */
export function withoutJpegBlocking(raster: Raster): { raster: Raster; blocking?: JpegBlocking } {
  const blocking = coarseJpegBlocking(raster);
  return blocking ? { raster: gaussianSmoothed(raster, BLOCKING_SIGMA), blocking } : { raster };
}

/**
 * The longest side (px) of a page a chat app re-saved: the apps scale a photo to 960–1,280 px before saving it. A
 * larger page saved coarsely (a scanner's JPEG at quality 30–45, 2,000 px and more) carries its print at 20 px and
 * more, which the blocks do not break up: it is read as it is (smoothing it gained nothing and cost ≈ 430 ms).
 */
export const CHAT_PAGE_LONG_SIDE = 1400;

/**
 * A chat app's re-save: a page no longer than `CHAT_PAGE_LONG_SIDE` whose block grid stands out on both axes and whose
 * DC step (read from the pixels) is `COARSE_DC_STEP` or over; else undefined (the page is read as it is).
 *
 * @example
 * coarseJpegBlocking(raster)?.dcStep; // 24 on a chat app's re-save, undefined on a 2,400-px scan saved at quality 35
 */
export function coarseJpegBlocking(raster: Raster): JpegBlocking | undefined {
  if (raster.width < 64 || raster.height < 64 || Math.max(raster.width, raster.height) > CHAT_PAGE_LONG_SIDE) return undefined;
  const grid = measureBlockGrid(raster);
  if (grid.ratioX < BLOCKING_RATIO || grid.ratioY < BLOCKING_RATIO) return undefined;
  const dcStep = dcStepOf(raster, grid, COARSE_DC_STEP);
  return dcStep < COARSE_DC_STEP ? undefined : { grid, dcStep };
}

/** The raster smoothed by a separable Gaussian of `sigma` px (kernel to 3σ, edges clamped), rounded to bytes. */
export function gaussianSmoothed(raster: Raster, sigma: number): Raster {
  const { data, width, height } = raster;
  const radius = Math.max(1, Math.ceil(sigma * 3));
  const taps = 2 * radius + 1;
  const kernel = new Float64Array(taps);
  let total = 0;
  for (let k = -radius; k <= radius; k++) total += kernel[k + radius] = Math.exp(-(k * k) / (2 * sigma * sigma));
  for (let k = 0; k < taps; k++) kernel[k] /= total;
  // Along rows: the first and last `radius` columns clamp; between them the taps are read straight.
  const across = new Float32Array(data.length);
  const stride = width * 3;
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    for (let x = 0; x < width; x++) {
      const inside = x >= radius && x < width - radius;
      for (let c = 0; c < 3; c++) {
        let sum = 0;
        if (inside) {
          let i = row + (x - radius) * 3 + c;
          for (let k = 0; k < taps; k++, i += 3) sum += kernel[k] * data[i];
        } else {
          for (let k = -radius; k <= radius; k++) {
            const xx = x + k < 0 ? 0 : x + k >= width ? width - 1 : x + k;
            sum += kernel[k + radius] * data[row + xx * 3 + c];
          }
        }
        across[row + x * 3 + c] = sum;
      }
    }
  }
  // Down columns, a row at a time (rows above and below the page clamp), the taps summed in the same order.
  const out = new Uint8Array(data.length);
  const sums = new Float64Array(stride);
  for (let y = 0; y < height; y++) {
    sums.fill(0);
    for (let k = -radius; k <= radius; k++) {
      const yy = y + k < 0 ? 0 : y + k >= height ? height - 1 : y + k;
      const weight = kernel[k + radius];
      const from = yy * stride;
      for (let i = 0; i < stride; i++) sums[i] += weight * across[from + i];
    }
    const row = y * stride;
    for (let i = 0; i < stride; i++) out[row + i] = Math.round(sums[i]);
  }
  return { data: out, width, height };
}

/**
 * The luminance quantisation table of a baseline or progressive JPEG (the first DQT table, id 0), in zig-zag order,
 * or undefined for a file that is not a JPEG or has none. For analysis (the engine reads rasters).
 *
 * @example
 * jpegLumaQuantisation(bytes)?.[0]; // the DC step, e.g. 19
 */
export function jpegLumaQuantisation(bytes: Uint8Array): number[] | undefined {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) return undefined;
  let i = 2;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) return undefined;
    const marker = bytes[i + 1];
    if (marker === 0xd9 || marker === 0xda) return undefined;
    const length = (bytes[i + 2] << 8) | bytes[i + 3];
    if (marker === 0xdb) {
      let j = i + 4;
      const end = i + 2 + length;
      while (j < end) {
        const precision = bytes[j] >> 4;
        const id = bytes[j] & 15;
        const table: number[] = [];
        for (let k = 0; k < 64; k++) table.push(precision ? (bytes[j + 1 + 2 * k] << 8) | bytes[j + 2 + 2 * k] : bytes[j + 1 + k]);
        if (id === 0) return table;
        j += 1 + 64 * (precision ? 2 : 1);
      }
    }
    i += 2 + length;
  }
  return undefined;
}

/** The IJG quality (1–100) a luminance table was made at, from its scale against the standard table (rounded). */
export function jpegQualityOf(table: readonly number[]): number {
  let scale = 0;
  for (let k = 0; k < 64; k++) scale += (table[k] * 100) / STANDARD_LUMA_ZIGZAG[k];
  scale /= 64;
  return Math.max(1, Math.min(100, Math.round(scale > 100 ? 5000 / scale : (200 - scale) / 2)));
}

/** The IJG standard luminance table in natural (row-major) order. */
const STANDARD_LUMA = [
  16, 11, 10, 16, 24, 40, 51, 61, 12, 12, 14, 19, 26, 58, 60, 55, 14, 13, 16, 24, 40, 57, 69, 56, 14, 17, 22, 29, 51, 87, 80, 62, 18, 22, 37, 56, 68, 109, 103,
  77, 24, 35, 55, 64, 81, 104, 113, 92, 49, 64, 78, 87, 103, 121, 120, 101, 72, 92, 95, 98, 112, 100, 103, 99,
];

/** The standard table in zig-zag order (a DQT segment's order). */
const STANDARD_LUMA_ZIGZAG = zigzagOrder().map((natural) => STANDARD_LUMA[natural]);

/** For each zig-zag position, its index in row-major order. */
function zigzagOrder(): number[] {
  const order: number[] = [];
  for (let s = 0; s < 15; s++) {
    const cells: number[] = [];
    for (let y = Math.max(0, s - 7); y <= Math.min(7, s); y++) cells.push(y * 8 + (s - y));
    order.push(...(s % 2 === 0 ? cells : cells.reverse()));
  }
  return order;
}

function round3(n: number): number {
  return Math.round(n * 1000) / 1000;
}
