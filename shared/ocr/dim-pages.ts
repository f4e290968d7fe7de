import sharp from 'sharp';
import { levelAtShare, luminance, luminanceAt } from './pixel-levels.js';
import type { Raster } from './raster.js';

/**
 * A photo taken in a dim room: the phone raised its gain, so the page is dark, tinted by the room's light (warm lamps)
 * and covered in the sensor's grain. Conditioning then saw colour everywhere: the grain on a warm page puts many
 * pixels' channels 60 or more apart next to the blurred grey print, so hundreds to thousands of tiles held "coloured
 * ink over print" and were suppressed, tile by tile, into a patchwork the detector found few lines in (procedural
 * low_light photos of seen families: 18 of 68 fields; a photo's `证件号码 421002197701159609` not found at all).
 *
 * Such a page is told by its grain: the median, over the page, of a pixel's luminance against its two neighbours
 * (|2l−l₋₁−l₊₁|): 0–1 on scans, noisy scans, faint copies, plain, moiré and blurred photos (their JPEG smooths what
 * grain they have), 3–19 on these. Its grain is then smoothed (a Gaussian of 1 px), each channel divided by its own
 * paper level (the room's tint out, the paper brought near white) and the page made grey: the grain's colour (JPEG
 * keeps chroma at half resolution, so it comes in blotches no smoothing of this size takes out) is no ink's colour,
 * and a page without colour is read as a greyscale scan is (its seals by the grey-seal steps). Pages without grain
 * come back as the same object, unchanged, at the cost of one sampled pass (≈ 2 ms of CPU on a 1,300 × 1,700 photo).
 */

/** Median |2l − l₋₁ − l₊₁| (luminance, every `GRAIN_STEP`-th pixel) at or above which a page is grainy. */
export const GRAIN_LEVEL = 4;
/** The page is sampled on every `GRAIN_STEP`-th pixel of every `GRAIN_STEP`-th row. */
const GRAIN_STEP = 3;
/** The grain is smoothed by a Gaussian of this sigma (px): libvips' 3 × 3 median cost 0.5 s of CPU a page, this 15–20 ms. */
const GRAIN_BLUR = 1;
/** A channel's paper level: this share of the sampled pixels is darker. */
const PAPER_SHARE = 0.95;
/** Paper is brought to this level in every channel. */
const PAPER_WHITE = 245;
/** Brightening beyond this would only amplify the grain. */
const MAX_GAIN = 3;
/** A channel is raised at most this much over the brightest to take out the room's tint. */
const MAX_BALANCE = 4;

export interface DimPage {
  /** The page to read: smoothed, white-balanced, brightened and grey when it was grainy, else the input itself. */
  raster: Raster;
  /** The page's grain (see `GRAIN_LEVEL`). */
  grain: number;
  /** Whether the page was grainy and has been cleaned. */
  cleaned: boolean;
}

/**
 * The page's grain: the median over sampled pixels of |2l − l₋₁ − l₊₁| on luminance (see the module comment).
 *
 * @example
 * grainOf(raster); // 0 on a scan, 12 on a photo taken in a dim room
 */
export function grainOf(raster: Raster): number {
  const { data, width, height } = raster;
  const counts = new Uint32Array(256);
  let n = 0;
  for (let y = 1; y < height - 1; y += GRAIN_STEP) {
    let p = (y * width + 1) * 3;
    let left = luminanceAt(data, p - 3);
    for (let x = 1; x < width - 1; x += GRAIN_STEP, p += 3 * GRAIN_STEP) {
      const l = luminanceAt(data, p);
      const right = luminanceAt(data, p + 3);
      const lap = Math.abs(2 * l - left - right);
      counts[lap > 255 ? 255 : lap]++;
      n++;
      if (x + GRAIN_STEP < width - 1) {
        const q = p + 3 * GRAIN_STEP;
        left = luminanceAt(data, q - 3);
      }
    }
  }
  return levelAtShare(counts, n, 0.5);
}

/** Each channel's paper level: the `PAPER_SHARE` level of its sampled histogram. */
function paperOf(raster: Raster): [number, number, number] {
  const { data, width, height } = raster;
  const counts = [new Uint32Array(256), new Uint32Array(256), new Uint32Array(256)];
  let n = 0;
  for (let y = 0; y < height; y += GRAIN_STEP) {
    let p = y * width * 3;
    for (let x = 0; x < width; x += GRAIN_STEP, p += 3 * GRAIN_STEP) {
      counts[0][data[p]]++;
      counts[1][data[p + 1]]++;
      counts[2][data[p + 2]]++;
      n++;
    }
  }
  return counts.map((histogram) => levelAtShare(histogram, n, PAPER_SHARE)) as [number, number, number];
}

/**
 * The page cleaned of a dim room's tint and grain when it shows grain (see the module comment), else the page itself.
 *
 * @example
 * const { raster, cleaned } = await withoutDimRoom(decoded);
 */
export async function withoutDimRoom(page: Raster): Promise<DimPage> {
  const grain = grainOf(page);
  if (grain < GRAIN_LEVEL) return { raster: page, grain, cleaned: false };
  const { data, info } = await sharp(page.data, { raw: { width: page.width, height: page.height, channels: 3 } })
    .blur(GRAIN_BLUR)
    .raw()
    .toBuffer({ resolveWithObject: true });
  const smoothed: Raster = { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
  // The paper is measured once the grain is smoothed: grain lifts a dark channel's high percentiles more than a bright one's.
  const paper = paperOf(smoothed);
  const brightest = Math.max(...paper);
  const brighten = Math.min(MAX_GAIN, PAPER_WHITE / Math.max(1, brightest));
  const tables = paper.map((level) => {
    const gain = brighten * Math.min(MAX_BALANCE, brightest / Math.max(1, level));
    const table = new Uint8Array(256);
    for (let v = 0; v < 256; v++) table[v] = Math.min(255, Math.round(v * gain));
    return table;
  });
  const out = smoothed.data;
  const [tr, tg, tb] = tables;
  // Grey: the grain's colour noise (blotches of JPEG's halved chroma) is no ink's colour.
  for (let p = 0; p < out.length; p += 3) {
    const l = luminance(tr[out[p]], tg[out[p + 1]], tb[out[p + 2]]);
    out[p] = l;
    out[p + 1] = l;
    out[p + 2] = l;
  }
  return { raster: smoothed, grain, cleaned: true };
}
