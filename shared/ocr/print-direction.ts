import type { Raster } from './raster.js';

/** The page is looked at in about this many blocks along its longer side (px of the block grid). */
const GRID_LONG_SIDE = 400;
/** A block is ink when it lies this many levels under the mean of the `INK_REACH` blocks around it. */
const INK_BELOW_LOCAL = 12;
const INK_REACH = 7;
/** Gaps (blocks) bridged inside a run: the space between two characters of a line at the grid's scale. */
const RUN_GAP = 2;
/** A run counts as print from this length (blocks) and this many separate pieces of ink (characters, strokes). */
const RUN_MIN_LENGTH = 24;
const RUN_MIN_PIECES = 4;

/**
 * Which way a page's print runs, from its pixels alone: the log of how much ink lies in print-like runs across the page
 * (rows) over how much lies in such runs down it (columns). A print-like run is a stretch of ink at a
 * `GRID_LONG_SIDE`-px grid, its gaps of up to `RUN_GAP` blocks bridged, at least `RUN_MIN_LENGTH` blocks long and made
 * of at least `RUN_MIN_PIECES` separate pieces: a line of characters, not a page's edge, a ruled line or an emblem
 * (one piece each). CJK characters are square and evenly spaced, so a line's characters join along it and its
 * neighbours stay apart across it: upright print gives a positive figure, print on its side a negative one. On 113
 * scans and photos of seen families (docs/ocr.md, "peer34") pages on their side gave −1.3 to −8.0, pages upright or
 * upside down +1.35 and over. A few ms of JavaScript on a 2,400-px page.
 *
 * @example
 * printRunsAcross(raster); // 3.1: the print runs across the page; −4.2: down it (the page lies on its side)
 */
export function printRunsAcross(raster: Raster): number {
  const { grey, width, height } = greyGrid(raster);
  const ink = inkOf(grey, width, height);
  const across = inkInPrintRuns(ink, width, height, false);
  const down = inkInPrintRuns(ink, width, height, true);
  return Math.log((across + 1) / (down + 1));
}

/** The page's luminance averaged over square blocks, about `GRID_LONG_SIDE` of them along its longer side. */
function greyGrid(raster: Raster): { grey: Float32Array; width: number; height: number } {
  const block = Math.max(1, Math.round(Math.max(raster.width, raster.height) / GRID_LONG_SIDE));
  const width = Math.max(1, Math.floor(raster.width / block));
  const height = Math.max(1, Math.floor(raster.height / block));
  const grey = new Float32Array(width * height);
  const data = raster.data;
  const rowStride = raster.width * 3;
  const scale = 1 / (4 * block * block);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      for (let dy = 0; dy < block; dy++) {
        let p = (y * block + dy) * rowStride + x * block * 3;
        for (let dx = 0; dx < block; dx++, p += 3) sum += data[p] + 2 * data[p + 1] + data[p + 2];
      }
      grey[y * width + x] = sum * scale;
    }
  }
  return { grey, width, height };
}

/** 1 where a block lies `INK_BELOW_LOCAL` levels under the mean of the blocks within `INK_REACH` of it. */
function inkOf(grey: Float32Array, width: number, height: number): Uint8Array {
  const stride = width + 1;
  const integral = new Float64Array(stride * (height + 1));
  for (let y = 0; y < height; y++) {
    let row = 0;
    for (let x = 0; x < width; x++) {
      row += grey[y * width + x];
      integral[(y + 1) * stride + x + 1] = integral[y * stride + x + 1] + row;
    }
  }
  const ink = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const y0 = Math.max(0, y - INK_REACH);
    const y1 = Math.min(height, y + INK_REACH + 1);
    for (let x = 0; x < width; x++) {
      const x0 = Math.max(0, x - INK_REACH);
      const x1 = Math.min(width, x + INK_REACH + 1);
      const sum = integral[y1 * stride + x1] - integral[y0 * stride + x1] - integral[y1 * stride + x0] + integral[y0 * stride + x0];
      const mean = sum / ((x1 - x0) * (y1 - y0));
      ink[y * width + x] = grey[y * width + x] < mean - INK_BELOW_LOCAL ? 1 : 0;
    }
  }
  return ink;
}

/** Ink blocks in print-like runs along rows (`down` false) or columns (`down` true). */
function inkInPrintRuns(ink: Uint8Array, width: number, height: number, down: boolean): number {
  const lines = down ? width : height;
  const along = down ? height : width;
  const step = down ? width : 1;
  const lineStep = down ? 1 : width;
  let total = 0;
  for (let line = 0; line < lines; line++) {
    const base = line * lineStep;
    let start = -1;
    let last = -2;
    let inkInRun = 0;
    let pieces = 0;
    for (let k = 0; k <= along; k++) {
      if (k < along && ink[base + k * step]) {
        if (start < 0 || k - last - 1 > RUN_GAP) {
          if (start >= 0 && last - start + 1 >= RUN_MIN_LENGTH && pieces >= RUN_MIN_PIECES) total += inkInRun;
          start = k;
          inkInRun = 0;
          pieces = 0;
        }
        if (last !== k - 1) pieces++;
        last = k;
        inkInRun++;
      }
    }
    if (start >= 0 && last - start + 1 >= RUN_MIN_LENGTH && pieces >= RUN_MIN_PIECES) total += inkInRun;
  }
  return total;
}
