import type { Raster } from './raster.js';
import { regionContains, type TextRegion } from './text-regions.js';

/**
 * The detector's blind spot for thin glyphs: PP-OCR's DB model gives a lone `一` no text probability at all, at small
 * print it leaves a `一` (or `二`) at the end of a short line out of the line's kernel, so `王一` is boxed and read `王`
 * at full confidence, and it can give a value made only of thin strokes (`十一`, `二十一`) no box at all (docs/ocr.md,
 * "short12"). Such glyphs are still plain ink on the page: just past the end of their line's region, on its band
 * (`withGlyphsPastLineEnds` grows the region over them), or right of a label that ends in a colon with nothing boxed
 * beside it (`regionsBesideBareLabels` gives them a region of their own). Both look only at the page the regions were
 * found on, and know nothing of document kinds.
 */

/** How far past a region's end the first ink may start (line heights): the unclip margin and a character's spacing. */
const START_WITHIN = 0.35;
/** A glyph ends where this many line heights of clean columns follow it. */
const CLEAN_AFTER = 0.25;
/** The widest glyph taken (line heights): a CJK character is about 0.7 of a region's height. */
const MAX_GLYPH = 0.95;
/** The narrowest ink run taken as a glyph (line heights); narrower ink is speckle or a rule's edge. */
const MIN_GLYPH = 0.2;
/** Half the band a glyph's ink must stay within, and the band around it that must be clean (line heights from the middle). */
const CORE_HALF = 0.45;
const CLEAN_HALF = 0.6;
/** The region is grown this far past the glyph's last ink column (line heights). */
const PAST_GLYPH = 0.22;
/** Regions whose direction is further than this from their page's rows, or that bend, are left alone. */
const LEVEL = (12 * Math.PI) / 180;
/**
 * A faint glyph: ink this share of the way from the region's paper to its ink (the ordinary test takes half). A thin
 * stroke of small, blurred print (`一` on a phone photo, 2 px at a 21-px line) keeps only about a fifth of the print's
 * contrast, so the half-way test does not see it.
 */
const FAINT_SHARE = 0.15;
/** At most this many glyphs are taken at each end of a line. */
const MAX_GLYPHS_PER_END = 2;
/** How far right of a bare label a value is looked for (line heights), unless another region comes first. */
const VALUE_WITHIN = 10;
/** A region starting this close past a label's end (line heights) is its value: the label is not bare. */
const VALUE_BOXED_WITHIN = 1.5;
/** Characters of one value lie closer than this (line heights); a wider gap ends the value. */
const GAP_IN_VALUE = 0.6;
/** The widest unboxed value taken beside a bare label (line heights): a few thin characters (`十一`, `二十一`). */
const MAX_VALUE = 4;

/**
 * The regions, each grown over unboxed glyphs lying just past either end on its own band (see the module comment).
 * Where the half-way ink test finds no glyph next to an end, a faint one (`FAINT_SHARE`) is taken too, and the end is
 * noted in the grown region's `faintEnds`: on dev and fresh photos of photo17 such a glyph was the `一` of `文一西路` and
 * `一般项目` left out at a wrapped line's start (read `一…` once grown), and once a pale mark that was no character.
 * Returns the same array when no region was grown (the usual case), so a caller can tell by identity.
 *
 * @example
 * const regions = withGlyphsPastLineEnds(raster, detected.regions); // `王` + the `一` beside it → one region `王一`
 */
export function withGlyphsPastLineEnds(raster: Raster, regions: TextRegion[]): TextRegion[] {
  const lineHeight = typicalLineHeight(regions);
  let grown: TextRegion[] | undefined;
  regions.forEach((region, index) => {
    if (region.centreLine || Math.abs(Math.sin(region.angle)) > Math.sin(LEVEL) || Math.cos(region.angle) < 0) return;
    // A one-character region is cut smaller than its glyph (its kernel is the glyph's middle): the page's lines say how
    // tall the print is.
    let current = region.height < lineHeight ? { ...region, height: lineHeight } : region;
    const levels = inkLevels(raster, region);
    if (!levels) return;
    let found = false;
    const faintEnds: (1 | -1)[] = [];
    for (const side of [1, -1] as const) {
      for (let k = 0; k < MAX_GLYPHS_PER_END; k++) {
        let glyphEnd = glyphPastEnd(raster, current, side, regions, index, levels.threshold);
        // Only the glyph next to the boxed line is looked for by the faint test too (a blurred `一` before `西路`).
        if (glyphEnd === undefined && k === 0) {
          glyphEnd = glyphPastEnd(raster, current, side, regions, index, levels.faint);
          if (glyphEnd !== undefined) faintEnds.push(side);
        }
        if (glyphEnd === undefined) break;
        current = extendedTo(current, side, glyphEnd + side * PAST_GLYPH * current.height);
        found = true;
      }
    }
    if (faintEnds.length > 0) current = { ...current, faintEnds };
    if (found) (grown ??= [...regions])[index] = current;
  });
  return grown ?? regions;
}

/**
 * Where a label line that ends in a colon has no region beside it on its row (a "bare" label, `texts[i]` its reading),
 * the unboxed value there: a short run of ink on the label's band (characters closer than `GAP_IN_VALUE`, together
 * at most `MAX_VALUE` wide, clean rows above and below), as a new region on the label's row to be read. The detector
 * gives no box at all to a value made only of thin strokes (`一`, `十一`, `二十一` beside `等级：`).
 *
 * @example
 * regionsBesideBareLabels(raster, regions, ['姓名：']); // [{ cx: …, width: 38, … }] when ink lies right of it
 */
export function regionsBesideBareLabels(raster: Raster, regions: readonly TextRegion[], texts: readonly string[]): TextRegion[] {
  const lineHeight = typicalLineHeight(regions);
  const found: TextRegion[] = [];
  regions.forEach((label, index) => {
    if (!/[:：]$/.test(texts[index]?.trim() ?? '')) return;
    if (label.centreLine || Math.abs(Math.sin(label.angle)) > Math.sin(LEVEL) || Math.cos(label.angle) < 0) return;
    const row = label.height < lineHeight ? { ...label, height: lineHeight } : label;
    const value = unboxedValueBeside(raster, row, regions, index);
    if (value) found.push(value);
  });
  return found;
}

function unboxedValueBeside(raster: Raster, label: TextRegion, regions: readonly TextRegion[], self: number): TextRegion | undefined {
  const h = label.height;
  const half = label.width / 2;
  const ux = Math.cos(label.angle);
  const uy = Math.sin(label.angle);
  // The next region along the label's row bounds the search; one right beside the label is its value.
  let limit = half + VALUE_WITHIN * h;
  for (const [k, other] of regions.entries()) {
    if (k === self) continue;
    const dx = other.cx - label.cx;
    const dy = other.cy - label.cy;
    if (Math.abs(-dx * uy + dy * ux) > h / 2) continue;
    const start = dx * ux + dy * uy - other.width / 2;
    if (start + other.width <= half) continue;
    if (start < half + VALUE_BOXED_WITHIN * h) return undefined;
    limit = Math.min(limit, start - PAST_GLYPH * h);
  }
  const levels = inkLevels(raster, label);
  if (!levels) return undefined;
  const coreHalf = CORE_HALF * h;
  const cleanHalf = CLEAN_HALF * h;
  let first: number | undefined;
  let last: number | undefined;
  let clean = 0;
  for (let u = half; u <= limit; u += 1) {
    const column = inkInColumn(raster, label, u, ux, uy, coreHalf, cleanHalf, levels.threshold);
    if (column === 'outside') {
      if (first !== undefined && clean >= GAP_IN_VALUE * h) break;
      return undefined;
    }
    if (column) {
      first ??= u;
      last = u;
      clean = 0;
      if (last - first > MAX_VALUE * h) return undefined;
    } else if (first !== undefined) {
      clean += 1;
      if (clean >= GAP_IN_VALUE * h) break;
    }
  }
  if (first === undefined || last === undefined || clean < GAP_IN_VALUE * h) return undefined;
  if (last - first < MIN_GLYPH * h) return undefined;
  const from = first - PAST_GLYPH * h;
  const to = last + PAST_GLYPH * h;
  const middle = (from + to) / 2;
  return { cx: label.cx + middle * ux, cy: label.cy + middle * uy, width: to - from, height: h, angle: label.angle, score: label.score };
}

/** Two pieces of one line are at most this far apart (line heights): a glyph or two lost between them. */
const SPLIT_GAP_WITHIN = 1.5;
/** A gap narrower than this (line heights) holds no whole glyph: the detector's own margin between pieces. */
const MIN_SPLIT_GAP = 0.25;
/** The share of a gap's columns that must hold ink on the line's band for the gap to hold a glyph, not paper. */
const SPLIT_GAP_INK = 0.3;
/** The pieces' heights differ by at most this share (a label in small print beside a large value is no split). */
const SPLIT_HEIGHT_SHARE = 0.7;
/** The second piece's middle lies at most this far (line heights) off the first piece's middle line. */
const SPLIT_OFF_BAND = 0.35;

/** Two regions that are pieces of one line, with the glyphs between them in neither (see `linesSplitOverGlyphs`). */
export interface SplitLine {
  /** Index of the piece the line starts with, and of the piece it ends with. */
  first: number;
  second: number;
  /** One region over both pieces and the gap between them. */
  joined: TextRegion;
}

/**
 * Lines the detector cut in two where a mark crossed them, with the glyph under the mark in neither piece: a seal's
 * star over `西` of `杭州西溪职业技术培训中心` boxed `杭州` | `溪职业…` (read `杭州溪…`), over `-03` of `2014-03-05`
 * boxed `2014` | `-05` (docs/ocr.md, "photo21"). The pieces lie on one band at one height, less than `SPLIT_GAP_WITHIN`
 * line heights apart, no other region lies between them, and the gap holds ink on their band in at least
 * `SPLIT_GAP_INK` of its columns (a label's gap before its value is paper). Each piece is paired with its nearest
 * follower only. The caller reads each joined region and keeps it only if it holds more than the pieces.
 *
 * @example
 * linesSplitOverGlyphs(raster, regions); // [{ first: 7, second: 8, joined: { cx: …, width: 282, … } }]
 */
export function linesSplitOverGlyphs(raster: Raster, regions: readonly TextRegion[]): SplitLine[] {
  const found: SplitLine[] = [];
  regions.forEach((a, i) => {
    if (a.centreLine || Math.abs(Math.sin(a.angle)) > Math.sin(LEVEL) || Math.cos(a.angle) < 0) return;
    const ux = Math.cos(a.angle);
    const uy = Math.sin(a.angle);
    let best: { j: number; gap: number } | undefined;
    regions.forEach((b, j) => {
      if (j === i || b.centreLine || Math.abs(b.angle - a.angle) > LEVEL / 2) return;
      const h = Math.max(a.height, b.height);
      if (Math.min(a.height, b.height) < SPLIT_HEIGHT_SHARE * h) return;
      const dx = b.cx - a.cx;
      const dy = b.cy - a.cy;
      if (Math.abs(-dx * uy + dy * ux) > SPLIT_OFF_BAND * h) return;
      const gap = dx * ux + dy * uy - a.width / 2 - b.width / 2;
      if (gap < 0 || gap > SPLIT_GAP_WITHIN * h) return;
      if (!best || gap < best.gap) best = { j, gap };
    });
    if (!best || best.gap < MIN_SPLIT_GAP * Math.max(a.height, regions[best.j].height)) return;
    const b = regions[best.j];
    const h = Math.max(a.height, b.height);
    const start = { x: a.cx - (a.width / 2) * ux, y: a.cy - (a.width / 2) * uy };
    const end = { x: b.cx + (b.width / 2) * ux, y: b.cy + (b.width / 2) * uy };
    const joined: TextRegion = {
      cx: (start.x + end.x) / 2,
      cy: (start.y + end.y) / 2,
      width: Math.hypot(end.x - start.x, end.y - start.y),
      height: h,
      angle: Math.atan2(end.y - start.y, end.x - start.x),
      score: Math.min(a.score, b.score),
    };
    // The gap itself, on the first piece's band: no other region in it, and ink in enough of its columns.
    const middle = a.width / 2 + best.gap / 2;
    const gapMiddle = { x: a.cx + middle * ux, y: a.cy + middle * uy };
    if (regions.some((other, k) => k !== i && k !== best!.j && regionContains(other, gapMiddle.x, gapMiddle.y))) return;
    const levels = inkLevels(raster, a);
    if (!levels) return;
    let inked = 0;
    let columns = 0;
    for (let u = a.width / 2 + 1; u < a.width / 2 + best.gap; u += 1) {
      columns++;
      // Ink on the core band only: a seal's star or ring reaching past it does not rule the column out.
      if (inkInColumn(raster, a, u, ux, uy, CORE_HALF * h, CORE_HALF * h, levels.threshold) === true) inked++;
    }
    if (columns === 0 || inked < SPLIT_GAP_INK * columns) return;
    found.push({ first: i, second: best.j, joined });
  });
  return found;
}

/** The median height of the page's line-shaped regions (at least twice as long as high); 0 without any. */
function typicalLineHeight(regions: readonly TextRegion[]): number {
  const heights = regions.filter((region) => region.width >= 2 * region.height).map((region) => region.height);
  if (heights.length === 0) return 0;
  heights.sort((a, b) => a - b);
  return heights[heights.length >> 1];
}

/**
 * Where an unboxed glyph just past the region's end (`side` 1: the end, −1: the start) stops, in px along the line from
 * the region's centre (signed like `side`); undefined when there is none: no ink starts within `START_WITHIN`, the ink
 * runs on past `MAX_GLYPH` (a rule, more text), is narrower than `MIN_GLYPH`, reaches out of the line's band (a
 * table's rule, a seal, a neighbouring row), or lies in another region.
 */
export function glyphPastEnd(
  raster: Raster,
  region: TextRegion,
  side: 1 | -1,
  regions: readonly TextRegion[],
  self: number,
  threshold = inkLevels(raster, region)?.threshold,
): number | undefined {
  if (threshold === undefined) return undefined;
  const h = region.height;
  const half = region.width / 2;
  const ux = Math.cos(region.angle);
  const uy = Math.sin(region.angle);
  const coreHalf = CORE_HALF * h;
  const cleanHalf = CLEAN_HALF * h;
  const to = half + (START_WITHIN + MAX_GLYPH + CLEAN_AFTER) * h;
  // From the region's end outwards: a glyph the detector cut off crosses the end; one it left out starts past it.
  let first: number | undefined;
  let last: number | undefined;
  let clean = 0;
  for (let u = half; u <= to; u += 1) {
    const column = inkInColumn(raster, region, side * u, ux, uy, coreHalf, cleanHalf, threshold);
    if (column === 'outside') {
      // Ink off the band: only acceptable once the glyph has ended (clean columns after it).
      if (first !== undefined && clean >= CLEAN_AFTER * h) break;
      return undefined;
    }
    if (column) {
      if (first === undefined) {
        if (u > half + START_WITHIN * h) return undefined;
        first = u;
      }
      last = u;
      clean = 0;
      if (last - half > MAX_GLYPH * h) return undefined;
    } else if (first !== undefined) {
      clean += 1;
      if (clean >= CLEAN_AFTER * h) break;
    }
  }
  if (first === undefined || last === undefined || clean < CLEAN_AFTER * h) return undefined;
  if (last - half < MIN_GLYPH * h) return undefined;
  const mid = side * ((first + last) / 2);
  const cx = region.cx + mid * ux;
  const cy = region.cy + mid * uy;
  if (regions.some((other, k) => k !== self && regionContains(other, cx, cy))) return undefined;
  return side * last;
}

/** The ink and paper of a region's own pixels, and the level between them; undefined for a region with no contrast. */
function inkLevels(raster: Raster, region: TextRegion): { threshold: number; faint: number } | undefined {
  const histogram = new Uint32Array(256);
  const ux = Math.cos(region.angle);
  const uy = Math.sin(region.angle);
  let count = 0;
  // A coarse grid (at most 64 × 12 points) is enough for two levels, and keeps pages where nothing fires cheap.
  const stepU = Math.max(1, region.width / 64);
  const stepV = Math.max(1, region.height / 12);
  for (let u = -region.width / 2; u <= region.width / 2; u += stepU) {
    for (let v = -region.height / 2; v <= region.height / 2; v += stepV) {
      const value = luminanceAt(raster, region.cx + u * ux - v * uy, region.cy + u * uy + v * ux);
      if (value === undefined) continue;
      histogram[value]++;
      count++;
    }
  }
  if (count === 0) return undefined;
  const ink = percentile(histogram, count, 0.03);
  const paper = percentile(histogram, count, 0.9);
  if (paper - ink < 48) return undefined;
  return { threshold: (ink + paper) / 2, faint: paper - FAINT_SHARE * (paper - ink) };
}

/**
 * Whether a column across the line at `u` px from the region's centre holds ink within `coreHalf` of the middle (true),
 * none at all (false), or ink between `coreHalf` and `cleanHalf` ('outside').
 */
function inkInColumn(
  raster: Raster,
  region: TextRegion,
  u: number,
  ux: number,
  uy: number,
  coreHalf: number,
  cleanHalf: number,
  threshold: number,
): boolean | 'outside' {
  const x0 = region.cx + u * ux;
  const y0 = region.cy + u * uy;
  let core = false;
  for (let v = -cleanHalf; v <= cleanHalf; v += 1) {
    const value = luminanceAt(raster, x0 - v * uy, y0 + v * ux);
    if (value === undefined) return 'outside';
    if (value >= threshold) continue;
    if (Math.abs(v) > coreHalf) return 'outside';
    core = true;
  }
  return core;
}

function luminanceAt(raster: Raster, x: number, y: number): number | undefined {
  const xi = Math.round(x);
  const yi = Math.round(y);
  if (xi < 0 || yi < 0 || xi >= raster.width || yi >= raster.height) return undefined;
  const p = (yi * raster.width + xi) * 3;
  return (raster.data[p] * 77 + raster.data[p + 1] * 150 + raster.data[p + 2] * 29) >> 8;
}

function percentile(histogram: Uint32Array, count: number, share: number): number {
  const wanted = share * count;
  let seen = 0;
  for (let level = 0; level < 256; level++) {
    seen += histogram[level];
    if (seen >= wanted) return level;
  }
  return 255;
}

/** The region with its end on `side` moved to `reach` px (signed) along the line from its centre. */
function extendedTo(region: TextRegion, side: 1 | -1, reach: number): TextRegion {
  const half = region.width / 2;
  const farEnd = -side * half;
  const width = Math.abs(reach - farEnd);
  const middle = (reach + farEnd) / 2;
  return { ...region, cx: region.cx + middle * Math.cos(region.angle), cy: region.cy + middle * Math.sin(region.angle), width };
}

/** How far past a cut end the glyphs it left out are looked for (line heights): two glyphs and the gap before them. */
const CUT_END_REACH = START_WITHIN + 2 * MAX_GLYPH;

/** Another region this much shorter than a line (its heights) is a fragment of a glyph, not a line of its own. */
const FRAGMENT_HEIGHT = 0.5;

/** A line end the detector cut short of its print, and the line's region grown over what it left out. */
export interface CutLineEnd {
  /** Index of the line's region. */
  index: number;
  /** The ends grown (1: the end, −1: the start). */
  sides: (1 | -1)[];
  /** The region grown past those ends. */
  grown: TextRegion;
}

/**
 * Lines whose region ends short of their print where a mark touches it, or where the print runs on: glyph ink on the
 * line's band starts within `START_WITHIN` of an end, and before the glyph is followed by clean columns either ink
 * reaches off the band (a seal's ring beside `2019-06-1` + `7`, a grey seal's edge beside `…有限公` + `司`) or the
 * ink runs on past `CUT_END_REACH` (more text the box stopped in: `浙江紫金汽车维` + `修…`). `withGlyphsPastLineEnds`
 * takes only a glyph with clean paper after it, so these stay out of the box (docs/ocr.md, "trunc28"). The region is
 * grown to the last column of glyph ink within `CUT_END_REACH` (at least `MIN_GLYPH` of it, in no other region); the
 * caller reads it and keeps the reading only if it holds the line's and gains a letter, digit or CJK character.
 *
 * @example
 * lineEndsAgainstMarks(raster, regions); // [{ index: 12, sides: [1], grown: { cx: …, width: 352, … } }]
 */
export function lineEndsAgainstMarks(raster: Raster, regions: readonly TextRegion[]): CutLineEnd[] {
  const lineHeight = typicalLineHeight(regions);
  const found: CutLineEnd[] = [];
  regions.forEach((region, index) => {
    if (region.centreLine || Math.abs(Math.sin(region.angle)) > Math.sin(LEVEL) || Math.cos(region.angle) < 0) return;
    // A line, not a lone glyph or a mark: a one-character region's box says too little about where its print ends.
    if (region.width < 2 * region.height || region.height < 0.6 * lineHeight) return;
    const levels = inkLevels(raster, region);
    if (!levels) return;
    // Both ends measured on the region as detected, in px along the line from its centre.
    let start = -region.width / 2;
    let end = region.width / 2;
    const sides: (1 | -1)[] = [];
    for (const side of [1, -1] as const) {
      const reach = inkPastCutEnd(raster, region, side, regions, index, levels.threshold);
      if (reach === undefined) continue;
      if (side === 1) end = reach + PAST_GLYPH * region.height;
      else start = reach - PAST_GLYPH * region.height;
      sides.push(side);
    }
    if (sides.length === 0) return;
    const middle = (start + end) / 2;
    const grown = { ...region, cx: region.cx + middle * Math.cos(region.angle), cy: region.cy + middle * Math.sin(region.angle), width: end - start };
    found.push({ index, sides, grown });
  });
  return found;
}

/**
 * How far (px along the line from the region's centre, signed like `side`) glyph ink left out past a cut end reaches,
 * or undefined when the end is not cut (see `lineEndsAgainstMarks`).
 */
function inkPastCutEnd(raster: Raster, region: TextRegion, side: 1 | -1, regions: readonly TextRegion[], self: number, threshold: number): number | undefined {
  const h = region.height;
  const half = region.width / 2;
  const ux = Math.cos(region.angle);
  const uy = Math.sin(region.angle);
  const to = half + CUT_END_REACH * h;
  let first: number | undefined;
  let last: number | undefined;
  let glyphColumns = 0;
  let touched = false;
  let clean = 0;
  let ended = false;
  for (let u = half; u <= to; u += 1) {
    const column = inkInColumn(raster, region, side * u, ux, uy, CORE_HALF * h, CLEAN_HALF * h, threshold);
    if (column === 'outside') {
      if (first === undefined && u > half + START_WITHIN * h) return undefined;
      touched = true;
      clean = 0;
      continue;
    }
    if (column) {
      if (first === undefined) {
        if (u > half + START_WITHIN * h) return undefined;
        first = u;
      }
      last = u;
      glyphColumns++;
      clean = 0;
    } else if (first !== undefined || touched) {
      clean += 1;
      if (clean >= CLEAN_AFTER * h) {
        ended = true;
        break;
      }
    }
  }
  if (first === undefined || last === undefined || glyphColumns < MIN_GLYPH * h) return undefined;
  // A glyph with clean paper after it and nothing touching it is `withGlyphsPastLineEnds`' (or paper after the line).
  if (ended && !touched) return undefined;
  // The ink left out must be no other line's (a label's value boxed on its own just past it); a fragment under half the
  // line's height is a piece of the glyph the box left out (`1` of `14` boxed 15 × 11 px beside a 44-px line).
  for (let u = half + PAST_GLYPH * h; u <= last; u += h / 4) {
    const x = region.cx + side * u * ux;
    const y = region.cy + side * u * uy;
    if (regions.some((other, k) => k !== self && other.height >= FRAGMENT_HEIGHT * h && regionContains(other, x, y))) return undefined;
  }
  return side * last;
}
