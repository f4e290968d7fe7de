import { fft2 } from './fourier.js';
import { luminanceAt } from './pixel-levels.js';
import type { Raster } from './raster.js';

/**
 * A photo taken with a shaking hand: every point of the page smeared along one line (the direction the phone moved,
 * `length` px long). Print 9–11 px smeared reads as grey bands the detector finds few lines in and the recogniser
 * misreads (procedural motion_blur photos of seen families: 5 px 30/34 fields, 9 px 4/16, 11 px 0/9), and a whole-page
 * unsharp mask found fewer lines, not more: it sharpens across the smear as along it.
 *
 * The smear is measured on the page (never known in advance), from its cepstrum (the spectrum of the log power
 * spectrum, over its busiest 256 px tiles): a line kernel of extent L along u lays periodic zero lines across the
 * spectrum, which come out as a negative peak at L·u; a sharp page's strokes make no such peak past 6 px. Only a page
 * whose smear is long (7 px or more) and clear is deconvolved (a Wiener filter with the measured line kernel, on
 * luminance; each pixel's channels move by its luminance's change, so colour stays); every other page comes back as the
 * same object, unchanged.
 */

/** A smear shorter than this (px) is left alone: 5 px smears read 30 of 34 fields as they are. */
export const MIN_SMEAR = 7;
/** The longest smear looked for (px). */
const MAX_LAG = 16;
/**
 * A page is smeared when its cepstrum's trough (past `MIN_SMEAR`) is at most this: −0.052 to −0.21 on 7–11 px smears,
 * −0.014 to −0.027 on sharp photos and 5 px smears (procedural seen families, seed 10701).
 */
export const SMEAR_TROUGH = -0.04;
/**
 * …and the page's derivative along the smear stays correlated at least this much (see `spreadAlong`): 0.69–0.86 on
 * 7–11 px smears, 0.07–0.24 on sharp photos. A noisy scan's JPEG blocks made a trough of −0.22 at 8 px along a row
 * with no smear at all.
 */
export const SMEAR_SPREAD = 0.35;
/**
 * The cheap look: a page none of whose `GATE_DIRECTIONS` directions keeps a spread of `GATE_SPREAD` (sampled every
 * `GATE_STEP` px) is not measured further: 0.66–0.90 on 7–11 px smears, 0.04–0.51 on sharp photos (seed 10701).
 */
const GATE_DIRECTIONS = 8;
const GATE_STEP = 8;
const GATE_SPREAD = 0.4;
/** The Wiener filter's noise-to-signal ratio (JPEG's ringing and the photo's grain are not amplified past it). */
const NOISE_TO_SIGNAL = 0.02;

export interface Smear {
  /** Direction the page moved, degrees in [0, 180), image coordinates (y down). */
  angle: number;
  /** Points in the smear's line kernel (its extent end to end is `length` − 1 px). */
  length: number;
  /** The cepstrum's trough's lag (px, on a 0.25 px grid): the line's extent as measured. */
  extent?: number;
  /** The cepstrum's trough (negative on a smear; see `SMEAR_TROUGH`). */
  trough: number;
  /** The derivative's correlation along `angle` (see `spreadAlong`), measured only when the trough is deep enough. */
  spread?: number;
}

/** The line kernel of a smear: points along the line, each spread over the pixels it falls between. */
export function smearKernel(smear: Pick<Smear, 'angle' | 'length'>): { offsets: [number, number][]; weights: number[] } {
  const ux = Math.cos((smear.angle * Math.PI) / 180);
  const uy = Math.sin((smear.angle * Math.PI) / 180);
  const c = (smear.length - 1) / 2;
  const cells = new Map<string, number>();
  for (let t = -c; t <= c + 1e-9; t += 0.25) {
    const x = t * ux;
    const y = t * uy;
    const x0 = Math.floor(x);
    const y0 = Math.floor(y);
    for (const [xi, wx] of [
      [x0, 1 - (x - x0)],
      [x0 + 1, x - x0],
    ])
      for (const [yi, wy] of [
        [y0, 1 - (y - y0)],
        [y0 + 1, y - y0],
      ]) {
        const key = `${xi},${yi}`;
        cells.set(key, (cells.get(key) ?? 0) + wx * wy);
      }
  }
  const offsets: [number, number][] = [];
  const weights: number[] = [];
  let sum = 0;
  for (const [key, w] of cells) {
    if (w <= 0) continue;
    const [x, y] = key.split(',').map(Number);
    offsets.push([x, y]);
    weights.push(w);
    sum += w;
  }
  return { offsets, weights: weights.map((w) => w / sum) };
}

const nextPowerOfTwo = (n: number): number => 2 ** Math.ceil(Math.log2(Math.max(2, n)));

/**
 * The page deconvolved of `smear` (Wiener, on luminance; each pixel's channels moved by its luminance's change).
 *
 * @example
 * const sharp = unsmeared(raster, { angle: 165, length: 9 });
 */
export function unsmeared(raster: Raster, smear: Pick<Smear, 'angle' | 'length'>, noiseToSignal = NOISE_TO_SIGNAL): Raster {
  const { data, width, height } = raster;
  const pad = smear.length + 8;
  const w = nextPowerOfTwo(width + 2 * pad);
  const h = nextPowerOfTwo(height + 2 * pad);
  const re = new Float64Array(w * h);
  const im = new Float64Array(w * h);
  // The page mirrored into the padding (no hard edge for the filter to ring on), the rest wrapped smoothly by mirroring too.
  const mirror = (v: number, n: number): number => {
    const period = 2 * n;
    let m = ((v % period) + period) % period;
    if (m >= n) m = period - 1 - m;
    return m;
  };
  for (let y = 0; y < h; y++) {
    const sy = mirror(y - pad, height);
    for (let x = 0; x < w; x++) {
      const sx = mirror(x - pad, width);
      re[y * w + x] = luminanceAt(data, (sy * width + sx) * 3);
    }
  }
  // The kernel goes in as the imaginary part: one transform of the two real fields, parted by their spectra's
  // symmetry (a real field's spectrum at −k is the conjugate of its spectrum at k).
  const { offsets, weights } = smearKernel(smear);
  offsets.forEach(([dx, dy], i) => {
    im[((dy + h) % h) * w + ((dx + w) % w)] += weights[i];
  });
  fft2(re, im, w, h, false);
  for (let v = 0; v < h; v++) {
    const mv = ((h - v) % h) * w;
    for (let u = 0; u < w; u++) {
      const i = v * w + u;
      const j = mv + ((w - u) % w);
      if (j < i) continue;
      const a = re[i];
      const b = im[i];
      const c = re[j];
      const d = im[j];
      // The page's spectrum B = ((a + c) + i(b − d)) / 2 and the kernel's H = ((b + d) + i(c − a)) / 2 at i; their
      // conjugates at j.
      const br = (a + c) / 2;
      const bi = (b - d) / 2;
      const hr = (b + d) / 2;
      const hi = (c - a) / 2;
      const power = hr * hr + hi * hi;
      // B · conj(H) / (|H|² + K)
      const gr = hr / (power + noiseToSignal);
      const gi = -hi / (power + noiseToSignal);
      re[i] = br * gr - bi * gi;
      im[i] = br * gi + bi * gr;
      re[j] = re[i];
      im[j] = -im[i];
    }
  }
  fft2(re, im, w, h, true);
  const out = new Uint8Array(data.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const p = (y * width + x) * 3;
      const change = re[(y + pad) * w + x + pad] - luminanceAt(data, p);
      for (let c = 0; c < 3; c++) {
        const v = Math.round(data[p + c] + change);
        out[p + c] = v < 0 ? 0 : v > 255 ? 255 : v;
      }
    }
  }
  return { data: out, width, height };
}

/**
 * The page's smear when one is measured at `MIN_SMEAR` px or longer (see `cepstrumSmear`; whether it is clear enough
 * to deconvolve is `isSmeared`: its trough against `SMEAR_TROUGH`, its spread against `SMEAR_SPREAD`).
 *
 * @example
 * smearOf(raster); // { angle: 166, length: 9, trough: -0.11, spread: 0.83 } on a photo taken with a shaking hand
 */
export function smearOf(raster: Raster): Smear | undefined {
  // The cheap look first: the derivative's spread along eight directions, sparsely sampled (≈ 10 ms against the
  // cepstrum's ≈ 110 ms): a smear's direction, or one within 11° of it, keeps it high.
  let most = -Infinity;
  for (let i = 0; i < GATE_DIRECTIONS; i++) most = Math.max(most, spreadAlong(raster, (i * 180) / GATE_DIRECTIONS, GATE_STEP));
  if (most < GATE_SPREAD) return undefined;
  const smear = cepstrumSmear(raster, MIN_SMEAR);
  return smear && smear.trough <= SMEAR_TROUGH ? { ...smear, spread: spreadAlong(raster, smear.angle) } : smear;
}

/** Whether a measured smear is long and clear enough to deconvolve. */
export const isSmeared = (smear: Smear | undefined): smear is Smear => !!smear && smear.trough <= SMEAR_TROUGH && (smear.spread ?? 0) >= SMEAR_SPREAD;

export interface SmearedPage {
  /** The page to read: deconvolved when it was smeared, else the input itself. */
  raster: Raster;
  /** The smear measured, when one was deconvolved. */
  smear?: Smear;
}

/**
 * The page deconvolved of a hand's shake when it shows one (see the module comment), else the page itself.
 *
 * @example
 * const { raster, smear } = withoutSmear(decoded);
 */
export function withoutSmear(page: Raster): SmearedPage {
  const smear = smearOf(page);
  if (!isSmeared(smear)) return { raster: page };
  return { raster: unsmeared(page, smear), smear };
}

/** Side of the tiles the cepstrum is measured on (px, a power of two). */
const CEPSTRUM_TILE = 256;
/** A JPEG's blocks (px). */
const JPEG_BLOCK = 8;
/** The page's tiles with the most edge, this many, make the spectrum. */
const CEPSTRUM_TILES = 12;

/**
 * The smear read from the page's cepstrum (the spectrum of the log power spectrum, over its busiest tiles): a line
 * kernel of length L along u puts periodic zeros across the spectrum, which come out as a negative peak at L·u.
 */
export function cepstrumSmear(raster: Raster, minLength = 3): Smear | undefined {
  const { data, width, height } = raster;
  const n = CEPSTRUM_TILE;
  if (width < n || height < n) return undefined;
  const tiles: { x: number; y: number; edge: number }[] = [];
  for (let y = 0; y + n <= height; y += n / 2) {
    for (let x = 0; x + n <= width; x += n / 2) {
      let edge = 0;
      for (let yy = y + 1; yy < y + n - 1; yy += 4) {
        for (let xx = x + 1; xx < x + n - 1; xx += 4) {
          const p = (yy * width + xx) * 3;
          edge += Math.abs(luminanceAt(data, p + 3) - luminanceAt(data, p - 3)) + Math.abs(luminanceAt(data, p + 3 * width) - luminanceAt(data, p - 3 * width));
        }
      }
      tiles.push({ x, y, edge });
    }
  }
  tiles.sort((a, b) => b.edge - a.edge);
  const window = new Float64Array(n);
  for (let i = 0; i < n; i++) window[i] = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (n - 1));
  const power = new Float64Array(n * n);
  const re = new Float64Array(n * n);
  const im = new Float64Array(n * n);
  for (const tile of tiles.slice(0, CEPSTRUM_TILES)) {
    let mean = 0;
    for (let y = 0; y < n; y++) for (let x = 0; x < n; x++) mean += luminanceAt(data, ((tile.y + y) * width + tile.x + x) * 3);
    mean /= n * n;
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) {
        re[y * n + x] = (luminanceAt(data, ((tile.y + y) * width + tile.x + x) * 3) - mean) * window[x] * window[y];
        im[y * n + x] = 0;
      }
    }
    fft2(re, im, n, n, false);
    for (let i = 0; i < power.length; i++) power[i] += re[i] * re[i] + im[i] * im[i];
  }
  // A JPEG's 8 px blocks are periodic too (a noisy scan's made a trough at 8 px along a row): the spectrum's rows
  // and columns at multiples of n / 8 are replaced by their neighbours' mean before the cepstrum is taken.
  const block = n / JPEG_BLOCK;
  for (let k = block; k < n; k += block) {
    for (let i = 0; i < n; i++) {
      power[i * n + k] = (power[i * n + k - 1] + power[i * n + k + 1]) / 2;
    }
    for (let i = 0; i < n; i++) {
      power[k * n + i] = (power[(k - 1) * n + i] + power[(k + 1) * n + i]) / 2;
    }
  }
  for (let i = 0; i < power.length; i++) {
    re[i] = Math.log(power[i] + 1e-3);
    im[i] = 0;
  }
  fft2(re, im, n, n, true);
  // The cepstrum at a sub-pixel offset (bilinear; it is even, so the lower half-plane mirrors the upper).
  const at = (x: number, y: number): number => {
    const x0 = Math.floor(x);
    const y0 = Math.floor(y);
    const fx = x - x0;
    const fy = y - y0;
    const c = (xi: number, yi: number): number => re[((yi + n) % n) * n + ((xi + n) % n)];
    return (c(x0, y0) * (1 - fx) + c(x0 + 1, y0) * fx) * (1 - fy) + (c(x0, y0 + 1) * (1 - fx) + c(x0 + 1, y0 + 1) * fx) * fy;
  };
  const best = { angle: 0, r: 0, v: Infinity };
  for (let angle = 0; angle < 180; angle += 1) {
    const ux = Math.cos((angle * Math.PI) / 180);
    const uy = Math.sin((angle * Math.PI) / 180);
    for (let r = minLength - 1; r <= MAX_LAG; r += 0.25) {
      const v = at(r * ux, r * uy);
      if (v < best.v) Object.assign(best, { angle, r, v });
    }
  }
  // The peak's depth against the cepstrum's spread over the same annulus.
  let sum = 0;
  let sq = 0;
  let count = 0;
  for (let dy = -MAX_LAG; dy <= MAX_LAG; dy++) {
    for (let dx = -MAX_LAG; dx <= MAX_LAG; dx++) {
      const r = Math.hypot(dx, dy);
      if (r < 3 || r > MAX_LAG) continue;
      const v = re[((dy + n) % n) * n + ((dx + n) % n)];
      sum += v;
      sq += v * v;
      count++;
    }
  }
  const mean = sum / count;
  const sd = Math.sqrt(Math.max(1e-12, sq / count - mean * mean));
  // The peak lies at the line's extent, end to end (a kernel of `length` points spans length − 1), or past it: off
  // the axes a smear's pixels spread over their neighbours' cells, and the trough sits up to 0.75 px further out
  // (7 px smears 6–6.75, 9 px 8–8.5, 11 px 10–10.75 on 54 pages of seen families). The extent is taken at the whole
  // pixel below: a kernel a pixel too long rings (an edge's copy a smear away), one a fraction short only sharpens less.
  return { angle: best.angle, length: Math.floor(best.r + 1e-9) + 1, trough: best.v, extent: best.r };
}

/** Points sampled every `SPREAD_STEP` px in x and y for `spreadAlong`; only those on an edge (|derivative| ≥ `EDGE`) count. */
const SPREAD_STEP = 4;
const EDGE = 10;

/** Luminance, bilinear, at (x, y) (inside the page by at least one pixel). */
function sampleAt(data: Uint8Array, width: number, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const p = (y0 * width + x0) * 3;
  const q = p + width * 3;
  return (luminanceAt(data, p) * (1 - fx) + luminanceAt(data, p + 3) * fx) * (1 - fy) + (luminanceAt(data, q) * (1 - fx) + luminanceAt(data, q + 3) * fx) * fy;
}

/**
 * How far along `angle` the page's derivative stays correlated: its normalised autocorrelation at lag 2 over the
 * page's edge points. Along a smear the derivative is the difference of two copies of the sharp edges a smear apart,
 * each spread over the smear, so it stays correlated (0.58–0.88 on 7–11 px smears); a sharp page's falls within a
 * stroke's width (0.04–0.39 along any direction).
 */
export function spreadAlong(raster: Raster, angle: number, step = SPREAD_STEP): number {
  const { data, width, height } = raster;
  const ux = Math.cos((angle * Math.PI) / 180);
  const uy = Math.sin((angle * Math.PI) / 180);
  let zero = 0;
  let two = 0;
  const margin = 5;
  for (let y = margin; y < height - margin; y += step) {
    for (let x = margin; x < width - margin; x += step) {
      const d0 = sampleAt(data, width, x + ux, y + uy) - sampleAt(data, width, x - ux, y - uy);
      if (Math.abs(d0) < EDGE) continue;
      zero += d0 * d0;
      two += d0 * (sampleAt(data, width, x + 3 * ux, y + 3 * uy) - sampleAt(data, width, x + ux, y + uy));
    }
  }
  return zero > 0 ? two / zero : 0;
}
