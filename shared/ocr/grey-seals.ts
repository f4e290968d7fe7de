import { luminanceAt } from './pixel-levels.js';
import type { Raster } from './raster.js';
import type { PaddleModels } from './paddle-models.js';
import { recogniseRegions, type RecognisedText, type RecognitionSettings } from './text-lines.js';
import { regionBounds, type PixelBounds, type TextRegion } from './text-regions.js';

/**
 * Grey seals: a seal (or stamp) that lost its colour — a monochrome photo of a screen, a grey photocopy, a greyscale
 * scan — lies over print as a third tone, darker than paper and lighter than print, that colour suppression cannot see.
 * Its ring, star and border are broad strokes of that tone; print's own grey is only the thin edge of a dark stroke
 * (or a hairline). A line whose box holds enough of the broad mid-grey, and was read unsure, is read a second time with
 * the seal's strokes lifted to paper; a surer reading is kept as its second reading, and the two readings' agreement
 * is reported as for lines under suppressed coloured ink. The engine runs it only when asked (`greySeals`): on the
 * moire12 samples it found the sealed lines (docs/ocr.md) but corrected no field.
 */

/** Samples are taken every this many pixels each way (the broad strokes looked for are ≥ 7 px wide). */
const STEP = 2;
/** A sample is broad mid-grey when it and the samples this many pixels away up, down, left and right are all mid-grey. */
const REACH = 3;
/** …and within this many grey levels of the sample: a seal's ink is one flat tone, blurred print a slope (this test
 * alone took the dev sample's moiré photos from 21 of 30 pages firing, mostly on print, to 6). */
const FLAT = 24;
/**
 * The mid-grey band, as fractions of the way from the print level to the paper level: a seal over print in a
 * monochrome photo sits about halfway (0.45–0.65 measured on the dev sample); print's anti-aliased edges and paper's
 * noise are kept out by the broad-stroke test rather than by the band.
 */
const BAND_FROM = 0.28;
const BAND_TO = 0.8;
/** The print level is this quantile of the lines' pixels, the paper level their median. */
const PRINT_QUANTILE = 0.02;
/** Paper and print must be at least this many grey levels apart for three tones to be told apart. */
const MIN_CONTRAST = 80;
/** A line is under a grey seal when its broad mid-grey covers at least this share of its height squared. */
const MIN_SEAL_AREA = 0.1;
/** The seal's tone must stand this many grey levels above print (else it is print, and nothing can be lifted). */
const MIN_SEAL_ABOVE_PRINT = 35;
/** Lifted: at and above this fraction of the way from print to the seal's tone, a pixel becomes paper; below `KEEP_BELOW` it is kept. */
const LIFT_FROM = 0.8;
const KEEP_BELOW = 0.5;
/** At most this many lines per page are read again (the ones with the most seal first). */
export const MAX_GREY_SEAL_LINES = 8;

/** A line crossed by a grey seal and the tones its second reading lifts. */
export interface GreySealLine {
  /** Index of the line in the regions given. */
  index: number;
  /** The seal's grey level on this line (median of its broad mid-grey samples). */
  sealLevel: number;
  /** Pixels at or above this level become paper; those under `keepBelow` stay; those between are blended. */
  liftFrom: number;
  keepBelow: number;
  /** Share of the line's height squared that the broad mid-grey covers. */
  sealArea: number;
}

export interface GreySeals {
  lines: GreySealLine[];
  /** The paper's level (median of the lines' pixels), the tone lifted pixels take. */
  paper: number;
  /** The print's level (`PRINT_QUANTILE` of the lines' pixels). */
  print: number;
  /** The mid-grey band a seal's broad strokes were looked for in. */
  bandFrom: number;
  bandTo: number;
}

/** The level under which more than `q` of a histogram's `total` samples lie. */
function quantileOf(histogram: Uint32Array, total: number, q: number): number {
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += histogram[v];
    if (seen > q * total) return v;
  }
  return 255;
}

/** Histogram of the lines' pixels (every `STEP` px): print and paper levels as the lines themselves show them. */
function lineLevels(raster: Raster, boxes: PixelBounds[]): { print: number; paper: number } | undefined {
  const histogram = new Uint32Array(256);
  let total = 0;
  const { data, width } = raster;
  for (const box of boxes) {
    for (let y = box.y0; y < box.y1; y += STEP) {
      const row = y * width;
      for (let x = box.x0; x < box.x1; x += STEP) {
        histogram[luminanceAt(data, (row + x) * 3)]++;
        total++;
      }
    }
  }
  if (total === 0) return undefined;
  return { print: quantileOf(histogram, total, PRINT_QUANTILE), paper: quantileOf(histogram, total, 0.5) };
}

/** The broad mid-grey samples of one line's box (`from`–`to` levels), as a histogram of their levels. */
function broadMidGrey(raster: Raster, box: PixelBounds, from: number, to: number): { count: number; levels: Uint32Array } {
  const { data, width } = raster;
  const levels = new Uint32Array(256);
  let count = 0;
  const near = (x: number, y: number, v: number) => {
    const w = luminanceAt(data, (y * width + x) * 3);
    return w >= from && w <= to && Math.abs(w - v) <= FLAT;
  };
  for (let y = box.y0 + REACH; y < box.y1 - REACH; y += STEP) {
    for (let x = box.x0 + REACH; x < box.x1 - REACH; x += STEP) {
      const v = luminanceAt(data, (y * width + x) * 3);
      if (v < from || v > to) continue;
      if (!near(x - REACH, y, v) || !near(x + REACH, y, v) || !near(x, y - REACH, v) || !near(x, y + REACH, v)) continue;
      levels[v]++;
      count++;
    }
  }
  return { count, levels };
}

function medianOf(levels: Uint32Array, count: number): number {
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += levels[v];
    if (seen * 2 >= count) return v;
  }
  return 255;
}

/**
 * The lines (of `regions`, on `raster`) that a grey seal crosses: their boxes hold broad strokes of a tone between
 * print and paper covering at least `MIN_SEAL_AREA` of the line's height squared. Undefined when there are none (the
 * usual page: only the lines' boxes are sampled, every `STEP` px, so a page without one pays a few milliseconds).
 *
 * @example
 * const seals = greySealLines(page, regions); // { lines: [{ index: 3, sealLevel: 141, … }], paper: 218, print: 60 }
 */
export function greySealLines(raster: Raster, regions: readonly TextRegion[]): GreySeals | undefined {
  if (regions.length === 0) return undefined;
  const boxes = regions.map((region) => regionBounds(region, raster));
  const levels = lineLevels(raster, boxes);
  if (!levels || levels.paper - levels.print < MIN_CONTRAST) return undefined;
  const { print, paper } = levels;
  const from = Math.round(print + BAND_FROM * (paper - print));
  const to = Math.round(print + BAND_TO * (paper - print));
  const lines: GreySealLine[] = [];
  regions.forEach((region, index) => {
    const box = boxes[index];
    const height = Math.max(1, Math.min(region.height, region.width));
    const { count, levels: tones } = broadMidGrey(raster, box, from, to);
    const sealArea = (count * STEP * STEP) / (height * height);
    if (sealArea < MIN_SEAL_AREA) return;
    const sealLevel = medianOf(tones, count);
    if (sealLevel - print < MIN_SEAL_ABOVE_PRINT) return;
    lines.push({
      index,
      sealLevel,
      liftFrom: Math.round(print + LIFT_FROM * (sealLevel - print)),
      keepBelow: Math.round(print + KEEP_BELOW * (sealLevel - print)),
      sealArea,
    });
  });
  if (lines.length === 0) return undefined;
  lines.sort((a, b) => b.sealArea - a.sealArea);
  return { lines: lines.slice(0, MAX_GREY_SEAL_LINES).sort((a, b) => a.index - b.index), paper, print, bandFrom: from, bandTo: to };
}

/** Page-wide search: samples every this many pixels each way, counted in square cells of this side. */
const PAGE_STEP = 4;
const PAGE_CELL = 32;
/** A cell holds the seal's strokes when at least this many of its samples are broad mid-grey (of 64). */
const CELL_MIN_SAMPLES = 4;
/** A seal's cells span at least this many line heights each way, at most `SEAL_MAX_SIDE`, and are roughly round. */
const SEAL_MIN_SIDE = 3;
const SEAL_MAX_SIDE = 16;
const SEAL_MAX_ASPECT = 1.8;
/** A seal is a ring and a star: its cells fill at most this share of its bounding box (a grey table row fills it). */
const SEAL_MAX_FILL = 0.7;
/**
 * The page-wide band starts this far from print to paper (`greySealLines`' `BAND_FROM` is 0.28): a faint copy's or a
 * noisy scan's levels are stretched to full contrast by conditioning, and its seal lands at 0.2–0.3 of the way.
 */
const PAGE_BAND_FROM = 0.15;
/** Print is this quantile of the page's ink (pixels at least half of `MIN_CONTRAST` under the paper). */
const PAGE_PRINT_QUANTILE = 0.2;

/** A grey seal found on the page: its bounding box and the tones that lift it. */
export interface GreySealOnPage {
  bounds: PixelBounds;
  sealLevel: number;
  liftFrom: number;
  keepBelow: number;
}

/** `u` lies in the mid-grey band `from`–`to` and within `FLAT` levels of `v`. */
function flatNear(u: number, v: number, from: number, to: number): boolean {
  return u >= from && u <= to && Math.abs(u - v) <= FLAT;
}

/** The grey seals of a page and the levels they were told by (see `greySealsOnPage`). */
export interface GreySealsOnPage extends Omit<GreySeals, 'lines'> {
  seals: GreySealOnPage[];
}

/**
 * The grey seals of a page, found from the page's pixels rather than from lines (a seal's star hides glyphs from the
 * detector, so no line's box need hold it): broad, flat mid-grey samples (as `greySealLines` tests them, every
 * `PAGE_STEP` px) counted in `PAGE_CELL`-px cells, the cells joined into groups, and a group kept when it is the size
 * and shape of a seal (`SEAL_MIN_SIDE`–`SEAL_MAX_SIDE` line heights each way, roughly square, a ring not a filled
 * block). Print and paper levels are the page's (2 % quantile, median). Empty when the page's print and paper are
 * too close to tell a third tone apart.
 *
 * @example
 * greySealsOnPage(page, 48)?.seals; // [{ bounds: { x0: 1180, y0: 600, x1: 1700, y1: 1010 }, sealLevel: 150, … }]
 */
export function greySealsOnPage(raster: Raster, lineHeight: number): GreySealsOnPage | undefined {
  const { data, width, height } = raster;
  const histogram = new Uint32Array(256);
  let total = 0;
  for (let y = 0; y < height; y += PAGE_STEP * 2) {
    for (let x = 0; x < width; x += PAGE_STEP * 2) {
      histogram[luminanceAt(data, (y * width + x) * 3)]++;
      total++;
    }
  }
  const paper = quantileOf(histogram, total, 0.5);
  // Print: a low quantile of the ink alone (pixels well under the paper); a page is mostly paper, so a quantile of the
  // whole page lands in the ink's lighter edges or the seal.
  let ink = 0;
  for (let v = 0; v < paper - MIN_CONTRAST / 2; v++) ink += histogram[v];
  let print = 0;
  for (let seen = 0; print < 255 && seen + histogram[print] <= PAGE_PRINT_QUANTILE * ink; print++) seen += histogram[print];
  if (paper - print < MIN_CONTRAST) return undefined;
  const from = Math.round(print + PAGE_BAND_FROM * (paper - print));
  const to = Math.round(print + BAND_TO * (paper - print));
  const across = Math.ceil(width / PAGE_CELL);
  const down = Math.ceil(height / PAGE_CELL);
  const counts = new Uint16Array(across * down);
  const rowReach = width * REACH * 3;
  for (let y = REACH; y < height - REACH; y += PAGE_STEP) {
    const cellRow = Math.floor(y / PAGE_CELL) * across;
    for (let x = REACH; x < width - REACH; x += PAGE_STEP) {
      const offset = (y * width + x) * 3;
      const v = luminanceAt(data, offset);
      if (v < from || v > to) continue;
      if (!flatNear(luminanceAt(data, offset - REACH * 3), v, from, to) || !flatNear(luminanceAt(data, offset + REACH * 3), v, from, to)) continue;
      if (!flatNear(luminanceAt(data, offset - rowReach), v, from, to) || !flatNear(luminanceAt(data, offset + rowReach), v, from, to)) continue;
      counts[cellRow + Math.floor(x / PAGE_CELL)]++;
    }
  }
  const marked = new Uint8Array(across * down);
  for (let k = 0; k < counts.length; k++) if (counts[k] >= CELL_MIN_SAMPLES) marked[k] = 1;
  const seals: GreySealOnPage[] = [];
  const seen = new Uint8Array(across * down);
  for (let start = 0; start < marked.length; start++) {
    if (!marked[start] || seen[start]) continue;
    // One group of cells touching each other (or one cell apart: a ring's stroke leaves gaps between its cells).
    const stack = [start];
    seen[start] = 1;
    const cells: number[] = [];
    while (stack.length > 0) {
      const cell = stack.pop()!;
      cells.push(cell);
      const cx = cell % across;
      const cy = (cell - cx) / across;
      for (let dy = -2; dy <= 2; dy++) {
        for (let dx = -2; dx <= 2; dx++) {
          const nx = cx + dx;
          const ny = cy + dy;
          if (nx < 0 || ny < 0 || nx >= across || ny >= down) continue;
          const next = ny * across + nx;
          if (marked[next] && !seen[next]) {
            seen[next] = 1;
            stack.push(next);
          }
        }
      }
    }
    const xs = cells.map((cell) => cell % across);
    const ys = cells.map((cell) => Math.floor(cell / across));
    const x0 = Math.min(...xs) * PAGE_CELL;
    const x1 = Math.min(width, (Math.max(...xs) + 1) * PAGE_CELL);
    const y0 = Math.min(...ys) * PAGE_CELL;
    const y1 = Math.min(height, (Math.max(...ys) + 1) * PAGE_CELL);
    const w = x1 - x0;
    const h = y1 - y0;
    if (Math.min(w, h) < SEAL_MIN_SIDE * lineHeight || Math.max(w, h) > SEAL_MAX_SIDE * lineHeight) continue;
    if (Math.max(w, h) > SEAL_MAX_ASPECT * Math.min(w, h)) continue;
    if ((cells.length * PAGE_CELL * PAGE_CELL) / (w * h) > SEAL_MAX_FILL) continue;
    if (Math.min(w, h) < SEAL_MIN_SIDE * lineHeight || Math.max(w, h) > SEAL_MAX_SIDE * lineHeight) continue;
    if (Math.max(w, h) > SEAL_MAX_ASPECT * Math.min(w, h)) continue;
    if ((cells.length * PAGE_CELL * PAGE_CELL) / (w * h) > SEAL_MAX_FILL) continue;
    const bounds = { x0, y0, x1, y1 };
    const { count, levels: tones } = broadMidGrey(raster, bounds, from, to);
    if (count === 0) continue;
    const sealLevel = medianOf(tones, count);
    if (sealLevel - print < MIN_SEAL_ABOVE_PRINT) continue;
    seals.push({
      bounds,
      sealLevel,
      liftFrom: Math.round(print + LIFT_FROM * (sealLevel - print)),
      keepBelow: Math.round(print + KEEP_BELOW * (sealLevel - print)),
    });
  }
  return seals.length > 0 ? { seals, paper, print, bandFrom: from, bandTo: to } : undefined;
}

/** Marks in `to` every element of one run of `from` (`count` elements from `start`, `stride` apart) within `REACH` of a set one. */
function grow(from: Uint8Array, to: Uint8Array, start: number, stride: number, count: number): void {
  let sinceSet = REACH + 1;
  for (let k = 0; k < count; k++) {
    sinceSet = from[start + k * stride] ? 0 : sinceSet + 1;
    if (sinceSet <= REACH) to[start + k * stride] = 1;
  }
  sinceSet = REACH + 1;
  for (let k = count - 1; k >= 0; k--) {
    sinceSet = from[start + k * stride] ? 0 : sinceSet + 1;
    if (sinceSet <= REACH) to[start + k * stride] = 1;
  }
}

/**
 * The broad mid-grey pixels of a box (as `broadMidGrey` tests them, every pixel) and those within `REACH` of one: the
 * seal's strokes with their soft edges, as a mask over the box (row-major, `box` wide).
 */
function sealStrokes(raster: Raster, box: PixelBounds, from: number, to: number): Uint8Array {
  const { data, width } = raster;
  const w = box.x1 - box.x0;
  const h = box.y1 - box.y0;
  const level = (x: number, y: number) => luminanceAt(data, (y * width + x) * 3);
  const broad = new Uint8Array(w * h);
  for (let y = box.y0 + REACH; y < box.y1 - REACH; y++) {
    for (let x = box.x0 + REACH; x < box.x1 - REACH; x++) {
      const v = level(x, y);
      if (v < from || v > to) continue;
      const near = (u: number) => u >= from && u <= to && Math.abs(u - v) <= FLAT;
      if (near(level(x - REACH, y)) && near(level(x + REACH, y)) && near(level(x, y - REACH)) && near(level(x, y + REACH))) {
        broad[(y - box.y0) * w + (x - box.x0)] = 1;
      }
    }
  }
  // Grown by REACH each way (a row pass, then a column pass): the strokes' edges fail the test but are the seal's too.
  const rows = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) grow(broad, rows, y * w, 1, w);
  const grown = new Uint8Array(w * h);
  for (let x = 0; x < w; x++) grow(rows, grown, x, w, h);
  return grown;
}

/**
 * A copy of the page with each grey-sealed line's seal strokes lifted: where the seal's broad strokes lie (and within
 * `REACH` of them), pixels at or above the line's `liftFrom` become paper, those under `keepBelow` (print crossing the
 * seal) stay, those between are blended. Print elsewhere in the line is not touched, however grey (a blurred photo's
 * thin strokes share the seal's tone). The input is left untouched.
 *
 * @example
 * const lifted = withGreySealsLifted(page, regions, seals); // read seals.lines' regions again on `lifted`
 */
export function withGreySealsLifted(raster: Raster, regions: readonly TextRegion[], seals: GreySeals): Raster {
  const data = new Uint8Array(raster.data);
  const { width } = raster;
  const paper = seals.paper;
  for (const line of seals.lines) {
    const box = regionBounds(regions[line.index], raster);
    const strokes = sealStrokes(raster, box, seals.bandFrom, seals.bandTo);
    const w = box.x1 - box.x0;
    const span = Math.max(1, line.liftFrom - line.keepBelow);
    for (let y = box.y0; y < box.y1; y++) {
      for (let x = box.x0; x < box.x1; x++) {
        if (!strokes[(y - box.y0) * w + (x - box.x0)]) continue;
        const offset = (y * width + x) * 3;
        const v = luminanceAt(raster.data, offset);
        if (v < line.keepBelow) continue;
        const share = Math.min(1, (v - line.keepBelow) / span);
        for (let c = 0; c < 3; c++) data[offset + c] = Math.round(raster.data[offset + c] + share * (paper - raster.data[offset + c]));
      }
    }
  }
  return { data, width: raster.width, height: raster.height };
}

/** Only lines whose first reading is under this confidence take a surer lifted reading (the engine's `SECOND_READING_BELOW`). */
const UNSURE_BELOW = 0.85;

/**
 * Whether a line's reading with the seal lifted replaces its first reading as the line's second reading: only when the
 * first reading was unsure and the lifted one is surer. Measured on the moire12 dev sample (docs/ocr.md), a lifted
 * reading of a line read sure at first never corrected it and sometimes added a character of the seal's remnant
 * (`2020.03.18` read `2020.03.181` at 0.96), which the readings' merge then prefers as the fuller one.
 *
 * @example
 * liftedReadingCounts({ text: '雷梅', confidence: 0.7, … }, { text: '雷梅飞', confidence: 0.93, … }); // true
 */
export function liftedReadingCounts(first: RecognisedText, lifted: RecognisedText): boolean {
  return first.confidence < UNSURE_BELOW && lifted.text.trim() !== '' && lifted.confidence > first.confidence;
}

/**
 * Second readings for the lines a grey seal crosses (`greySealLines`), read on the page with the seal lifted
 * (`withGreySealsLifted`) and kept where `liftedReadingCounts`; `seconds` (one entry per region, the engine's other
 * second readings) is updated in place. Returns how many lines were read again.
 *
 * @example
 * await readUnderGreySeals(models, page, regions, firstReadings, settings, seconds);
 */
export async function readUnderGreySeals(
  models: PaddleModels,
  raster: Raster,
  regions: TextRegion[],
  texts: readonly RecognisedText[],
  recognition: RecognitionSettings,
  seconds: ({ reading: RecognisedText; region: TextRegion } | undefined)[],
): Promise<number> {
  const seals = greySealLines(raster, regions);
  if (!seals) return 0;
  const lines = seals.lines.filter((line) => texts[line.index].confidence < UNSURE_BELOW);
  if (lines.length === 0) return 0;
  const lifted = withGreySealsLifted(raster, regions, { ...seals, lines });
  const read = await recogniseRegions(
    models.recognition,
    models.alphabet,
    lifted,
    lines.map((line) => regions[line.index]),
    recognition,
  );
  lines.forEach((line, k) => {
    if (liftedReadingCounts(texts[line.index], read[k])) seconds[line.index] = { reading: read[k], region: regions[line.index] };
  });
  return lines.length;
}
