import type { Raster } from './raster.js';
import { fft } from './fourier.js';

/**
 * Screen patterns on photos of monitors and phone screens (moiré): the screen's pixel grid and the camera's sensor
 * grid beat into fine, nearly regular stripes laid over the whole page. On the page's own spectrum that is a sharp
 * peak at a period of a few pixels, at the same place in every part of the page; print has a broad spectrum, paper
 * and JPEG noise a flat one. When the peak is there, the page is averaged along the stripes' normal over exactly one
 * period (a box of that length nulls a sine of that period and all its harmonics) of its strongest grating; a page
 * without it is returned as the same object, at the cost of a few small FFTs (10–13 CPU ms on a 2340 × 1654 page).
 */

/** Side of the square windows whose spectrum is measured (px; a power of two). */
const WINDOW = 128;
/** Windows measured across and down the page (a grid inside its outer tenth). */
const WINDOWS_ACROSS = 4;
const WINDOWS_DOWN = 5;
/** Periods looked for (px): finer is the detector's own blur; coarser is print (strokes, line spacing). */
const SHORTEST_PERIOD = 2.4;
const LONGEST_PERIOD = 6;
/** A window shows a pattern when its strongest peak in the band is this many times the band's median magnitude. */
const PEAK_OVER_MEDIAN = 30;
/** … with a sinusoid at least this strong (grey levels): a licence's fine background print is fainter and partial. */
const MIN_AMPLITUDE = 4;
/**
 * … and the page's grating must be this strong in the median window: moiré off a monitor measured 10.8–19 grey levels
 * (30 photos, in 85–100 % of the windows), the fine background print of a licence template 5–8 in at most 70 %.
 */
const MIN_PAGE_AMPLITUDE = 9;
/** … and the page when that holds in this share of its windows, at the same frequency (`SAME_PEAK` bins apart). */
const PATTERN_WINDOW_SHARE = 0.75;
const SAME_PEAK = 1.5;
/**
 * Gratings averaged out. A monitor's picture beats in two of close period; one box over the stronger leaves the other
 * at 7–20 % of its depth, and a second box doubled the blur across print and lost a field on the dev photos.
 */
const MAX_GRATINGS = 1;
/**
 * JPEG's 8-px blocks make peaks at multiples of 1/8 cycle per pixel exactly on the axes; a peak there is counted only
 * when it stands this many times higher than the page-wide threshold.
 */
const BLOCK_GRID_MARGIN = 3;

/** One grating: its frequency in cycles per pixel along x and y (the stripes run across that vector). */
export interface ScreenGrating {
  fx: number;
  fy: number;
  /** Period in px (1 / |f|). */
  period: number;
  /** Median peak-over-median of the windows that showed it. */
  strength: number;
  /** Median amplitude (grey levels) of the windows that showed it. */
  amplitude: number;
  /** Share of the measured windows that showed it. */
  share: number;
}

export interface ScreenPattern {
  gratings: ScreenGrating[];
}

function luminanceWindow(raster: Raster, left: number, top: number, out: Float64Array): void {
  const { data, width } = raster;
  let sum = 0;
  for (let y = 0; y < WINDOW; y++) {
    let p = ((top + y) * width + left) * 3;
    for (let x = 0; x < WINDOW; x++, p += 3) {
      const v = (data[p] * 77 + data[p + 1] * 150 + data[p + 2] * 29) / 256;
      out[y * WINDOW + x] = v;
      sum += v;
    }
  }
  const mean = sum / (WINDOW * WINDOW);
  for (let y = 0; y < WINDOW; y++) {
    for (let x = 0; x < WINDOW; x++) out[y * WINDOW + x] = (out[y * WINDOW + x] - mean) * HANN[x] * HANN[y];
  }
}

const HANN = Float64Array.from({ length: WINDOW }, (_, k) => 0.5 - 0.5 * Math.cos((2 * Math.PI * k) / (WINDOW - 1)));

/** Squared magnitudes of the 2-D spectrum of a WINDOW × WINDOW block (row-major, zero frequency at [0]), rows 0 … WINDOW / 2. */
function spectrum(values: Float64Array, im: Float64Array): Float64Array {
  const re = values;
  im.fill(0);
  for (let y = 0; y < WINDOW; y++) fft(re, im, WINDOW, y * WINDOW, 1);
  // Only rows v = 0 … WINDOW / 2 of the column transforms are needed, but the radix-2 pass needs them all.
  for (let x = 0; x < WINDOW; x++) fft(re, im, WINDOW, x, WINDOW);
  const power = new Float64Array((WINDOW / 2 + 1) * WINDOW);
  for (let k = 0; k < power.length; k++) power[k] = re[k] * re[k] + im[k] * im[k];
  return power;
}

interface WindowPeak {
  u: number;
  v: number;
  ratio: number;
  /** The peak's sinusoid amplitude in grey levels (a Hann-windowed cosine of amplitude A peaks at A · WINDOW² / 8). */
  amplitude: number;
}

/** On JPEG's block grid: on an axis, at a multiple of 1/8 cycle per pixel. */
function onBlockGrid(u: number, v: number): boolean {
  const step = WINDOW / 8;
  return (u === 0 && v % step === 0) || (v === 0 && u % step === 0);
}

const LOW_BIN = WINDOW / LONGEST_PERIOD;
const HIGH_BIN = WINDOW / SHORTEST_PERIOD;
/** The band's bins (half plane v > 0, or v = 0 and u > 0: a real image's spectrum is symmetric), as offsets into `spectrum`'s rows. */
const BAND = (() => {
  const bins: { u: number; v: number; index: number }[] = [];
  for (let v = 0; v <= WINDOW / 2; v++) {
    for (let u = -WINDOW / 2 + 1; u < WINDOW / 2; u++) {
      if (v === 0 && u <= 0) continue;
      const r = Math.sqrt(u * u + v * v);
      if (r >= LOW_BIN && r <= HIGH_BIN) bins.push({ u, v, index: v * WINDOW + ((u + WINDOW) % WINDOW) });
    }
  }
  return bins;
})();
/** Peaks kept per window. */
const PEAKS_PER_WINDOW = 4;

/**
 * The strongest peaks of one window's spectrum in the band of screen periods, each with its magnitude over the band's
 * median magnitude (peaks within 3 bins of a stronger one are skipped).
 */
function bandPeaks(power: Float64Array, scratch: Float64Array): WindowPeak[] {
  for (let k = 0; k < BAND.length; k++) scratch[k] = power[BAND[k].index];
  const sorted = scratch.slice(0, BAND.length).sort();
  const median = Math.sqrt(sorted[BAND.length >> 1]) || 1e-9;
  const peaks: WindowPeak[] = [];
  // Only bins well above the median can be peaks: look at the top few dozen.
  const floor = sorted[Math.max(0, BAND.length - 64)];
  const strong = BAND.filter((_, k) => scratch[k] >= floor).sort((a, b) => power[b.index] - power[a.index]);
  for (const c of strong) {
    if (peaks.length >= PEAKS_PER_WINDOW) break;
    if (peaks.some((p) => Math.abs(p.u - c.u) + Math.abs(p.v - c.v) < 4 || Math.abs(p.u + c.u) + Math.abs(p.v + c.v) < 4)) continue;
    peaks.push({ u: c.u, v: c.v, ratio: Math.sqrt(power[c.index]) / median, amplitude: (8 * Math.sqrt(power[c.index])) / (WINDOW * WINDOW) });
  }
  return peaks;
}

/**
 * The screen pattern a page shows, or undefined. Measured on `WINDOWS_ACROSS` × `WINDOWS_DOWN` windows of
 * `WINDOW` px: a grating is a spectral peak (`PEAK_OVER_MEDIAN`) at the same frequency in most windows.
 *
 * @example
 * findScreenPattern(photoOfMonitor); // { gratings: [{ fx: 0.02, fy: 0.26, period: 3.8, strength: 40 }] }
 */
export function findScreenPattern(raster: Raster): ScreenPattern | undefined {
  const { width, height } = raster;
  if (width < WINDOW * 2 || height < WINDOW * 2) return undefined;
  const windows: WindowPeak[][] = [];
  const block = new Float64Array(WINDOW * WINDOW);
  const im = new Float64Array(WINDOW * WINDOW);
  const scratch = new Float64Array(BAND.length);
  const allowedWithout = Math.floor((1 - PATTERN_WINDOW_SHARE) * WINDOWS_ACROSS * WINDOWS_DOWN);
  let without = 0;
  for (let j = 0; j < WINDOWS_DOWN; j++) {
    for (let i = 0; i < WINDOWS_ACROSS; i++) {
      const left = Math.round(width * 0.1 + ((width * 0.8 - WINDOW) * (i + 0.5)) / WINDOWS_ACROSS);
      const top = Math.round(height * 0.1 + ((height * 0.8 - WINDOW) * (j + 0.5)) / WINDOWS_DOWN);
      luminanceWindow(raster, left, top, block);
      const peaks = bandPeaks(spectrum(block, im), scratch).filter(
        (p) => p.amplitude >= MIN_AMPLITUDE && p.ratio >= PEAK_OVER_MEDIAN * (onBlockGrid(p.u, p.v) ? BLOCK_GRID_MARGIN : 1),
      );
      windows.push(peaks);
      // A page without a pattern is known after a few windows: too many already show no peak.
      if (peaks.length === 0 && ++without > allowedWithout) return undefined;
    }
  }
  // Candidate frequencies: every window's peaks; a grating is one most windows agree on.
  const gratings: ScreenGrating[] = [];
  const all = windows.flat().sort((a, b) => b.ratio - a.ratio);
  for (const candidate of all) {
    if (gratings.length >= MAX_GRATINGS) break;
    const near = (p: WindowPeak) =>
      Math.hypot(p.u - candidate.u, p.v - candidate.v) <= SAME_PEAK || Math.hypot(p.u + candidate.u, p.v + candidate.v) <= SAME_PEAK;
    const fx = candidate.u / WINDOW;
    const fy = candidate.v / WINDOW;
    if (
      gratings.some(
        (g) =>
          Math.hypot(g.fx * WINDOW - candidate.u, g.fy * WINDOW - candidate.v) <= 3 ||
          Math.hypot(g.fx * WINDOW + candidate.u, g.fy * WINDOW + candidate.v) <= 3,
      )
    )
      continue;
    const showing = windows.map((peaks) => peaks.find(near)).filter((p): p is WindowPeak => p !== undefined);
    if (showing.length < PATTERN_WINDOW_SHARE * windows.length) continue;
    const ratios = showing.map((p) => p.ratio).sort((a, b) => a - b);
    const amplitudes = showing.map((p) => p.amplitude).sort((a, b) => a - b);
    if (amplitudes[amplitudes.length >> 1] < MIN_PAGE_AMPLITUDE) continue;
    gratings.push({
      fx,
      fy,
      period: 1 / Math.hypot(fx, fy),
      strength: ratios[ratios.length >> 1],
      amplitude: amplitudes[amplitudes.length >> 1],
      share: showing.length / windows.length,
    });
  }
  return gratings.length > 0 ? { gratings } : undefined;
}

/** Taps of a box `length` px long (fractional: the two end taps weigh the remainder): the inner reach and the end taps' weight. */
function boxTaps(length: number): { reach: number; outer: number } {
  const reach = Math.max(0, Math.floor((length - 1) / 2));
  return { reach, outer: Math.max(0, (length - (2 * reach + 1)) / 2) };
}

/** A running mean down the columns over `length` rows, from `source` into `target` (interleaved RGB, whole rows at a time). */
function boxDown(source: Uint8Array, target: Uint8Array, width: number, height: number, length: number): void {
  const { reach, outer } = boxTaps(length);
  const stride = width * 3;
  const scale = 1 / length;
  const row = (y: number) => (y < 0 ? 0 : y >= height ? height - 1 : y) * stride;
  const sum = new Float32Array(stride);
  for (let y = -reach; y <= reach; y++) {
    const r = row(y);
    for (let k = 0; k < stride; k++) sum[k] += source[r + k];
  }
  for (let y = 0; y < height; y++) {
    const before = row(y - reach - 1);
    const after = row(y + reach + 1);
    const out = y * stride;
    const leaving = row(y - reach);
    for (let k = 0; k < stride; k++) {
      const incoming = source[after + k];
      const value = (sum[k] + outer * (source[before + k] + incoming)) * scale + 0.5;
      target[out + k] = value >= 255 ? 255 : value;
      sum[k] += incoming - source[leaving + k];
    }
  }
}

/** A running mean along the rows over `length` px, from `source` into `target` (interleaved RGB). */
function boxAcross(source: Uint8Array, target: Uint8Array, width: number, height: number, length: number): void {
  const { reach, outer } = boxTaps(length);
  const at = (start: number, x: number) => source[start + (x < 0 ? 0 : x >= width ? width - 1 : x) * 3];
  for (let y = 0; y < height; y++) {
    for (let c = 0; c < 3; c++) {
      const start = y * width * 3 + c;
      let sum = 0;
      for (let x = -reach; x <= reach; x++) sum += at(start, x);
      for (let x = 0; x < width; x++) {
        const value = (sum + outer * (at(start, x - reach - 1) + at(start, x + reach + 1))) / length;
        target[start + x * 3] = value > 255 ? 255 : Math.round(value);
        sum += at(start, x + reach + 1) - at(start, x - reach);
      }
    }
  }
}

/**
 * The page with its screen pattern averaged out: for each grating, a box along the axis on which its stripes change
 * faster, one period of that change long (1 / |fx| or 1 / |fy|). Print is blurred by as much along that axis only.
 *
 * @example
 * const pattern = findScreenPattern(page);
 * const evened = pattern ? withoutScreenPattern(page, pattern) : page;
 */
export function withoutScreenPattern(raster: Raster, pattern: ScreenPattern): Raster {
  let source = raster.data;
  for (const grating of pattern.gratings) {
    const target = new Uint8Array(source.length);
    const length = 1 / Math.max(Math.abs(grating.fx), Math.abs(grating.fy));
    if (Math.abs(grating.fx) > Math.abs(grating.fy)) boxAcross(source, target, raster.width, raster.height, length);
    else boxDown(source, target, raster.width, raster.height, length);
    source = target;
  }
  return { data: source, width: raster.width, height: raster.height };
}
