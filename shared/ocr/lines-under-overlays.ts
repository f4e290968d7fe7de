import { luminanceAt } from './pixel-levels.js';
import type { PaddleModels } from './paddle-models.js';
import type { Raster } from './raster.js';
import { pageDetectionScale, typicalLineHeight } from './merged-lines.js';
import { isShorterSubsequence } from './reading-agreement.js';
import { recogniseRegions, type RecognisedText, type RecognitionSettings } from './text-lines.js';
import { DEFAULT_DETECTION_SETTINGS, detectTextRegions, readingOrder, regionContains, type DetectionSettings, type TextRegion } from './text-regions.js';

/**
 * Lines a light overlay hid or spoiled, found again with the overlay lifted. A copy watermark (`复印无效`,
 * `仅限办理职业技能补贴使用` tiled diagonally) that conditioning did not lift — on a faint copy it lies within a few
 * levels of the paper, on a photo it is blurred into the paper's shoulder, on an ID card the card's own tint takes the
 * histogram's light mode — is boxed by the detector as lines of its own, which cut the print they cross into pieces
 * (`姓` `复` `名：` `印无效` for `姓名：`), are read into a value (`人印卢婷` for `人：卢婷`), or leave a value's head in
 * no box.
 *
 * The overlay is found from the page's own lines: a line whose darkest ink is far lighter than the print of the page's
 * other lines, nearly grey (a seal's lettering, boxed in tilted pieces along its arc, is coloured), in one tone shared
 * by at least three lines of which at least three run diagonally and parallel (a light grey table set level, or a
 * seal's arc boxed in pieces, is no overlay), is overlay. On such a page a copy with every pixel at least as light as that tone lifted
 * to paper (print keeps its dark core) is (1) detected again: a line found there that covers overlay lines or gains on
 * the print lines it covers replaces them when it is read sure and keeps, in order, what each sure print line it
 * covers read (the rule of the lines under grey seals); (2) the print lines the overlay crosses are read again on it,
 * and a reading that differs from the first only where nothing is printed (the overlay's glyph read into the line) or
 * where it read another character at least as surely replaces the first, no surer than the first was; (3) lines
 * lighter than print that hold no print on it beyond what print lines box are dropped. Pages without such an overlay
 * come back as they were (the same arrays). docs/ocr.md, "water30".
 */

/** Sampling step over a line's pixels (px). */
const STEP = 2;
/** A line's ink is this quantile of its pixels' luminance (its darkest strokes). */
const INK_QUANTILE = 0.03;
/** The page's print is this quantile of its lines' ink levels (overlay lines may be most of the lines). */
const PRINT_QUANTILE = 0.2;
/** A line is overlay when its ink lies at least this share of the way from print to paper … */
const OVERLAY_FROM = 0.45;
/** … and at least this many levels under the paper (else it is paper noise). */
const OVERLAY_UNDER_PAPER = 10;
/** At least `MIN_OVERLAY_LINES` overlay lines must be runs (`RUN` times as wide as high) this far off level. */
const TILT = (8 * Math.PI) / 180;
/** …and run within this angle of each other (a tiled phrase's rows are parallel). */
const PARALLEL = (5 * Math.PI) / 180;
const RUN = 1.5;
/** Overlay lines' ink lies within this many levels of the overlay's tone. */
const TONE_BAND = 12;
/** Overlay ink is nearly grey: its darkest samples (within `INK_BAND` of its ink level) under this mean colour. */
const NEUTRAL_INK = 40;
const INK_BAND = 16;
/** Paper and print at least this far apart for two tones of ink to be told apart. */
const MIN_CONTRAST = 80;
/** A page carries an overlay when at least this many of its lines are overlay. */
const MIN_OVERLAY_LINES = 3;
/** Lifted: at and above the overlay's tone less `LIFT_MARGIN`, a pixel is paper; `LIFT_RAMP` levels below, kept. */
const LIFT_MARGIN = 6;
const LIFT_RAMP = 24;
/** A line found again must gain at least this many line heights over the print lines it covers (a glyph). */
const GAIN_FROM = 0.8;
/** …and be read at least this sure. */
const SURE_FOUND_LINE = 0.85;
/** A covered print line read at least this sure must be kept by the new reading (its characters in order). */
const SURE_COVERED = 0.85;
/** A print line is read again when at least this share of its samples is in the overlay's tone. */
const CROSSED_SHARE = 0.04;
/** …and its second reading kept only when at least this sure. */
const SURE_REREAD = 0.9;
/** A line holds no print on the lifted page when under this share of its samples are darker than the lift's foot. */
const EMPTY_SHARE = 0.01;

/**
 * Visits the pixels inside a rotated region, sampled every `STEP` px along and across it (the slice `from`–`to` of its
 * width, fractions), with each sample's position and its offset in `page`'s data; samples off the page are skipped.
 */
function forEachSample(page: Raster, region: TextRegion, visit: (x: number, y: number, offset: number) => void, from = 0, to = 1): void {
  const ux = Math.cos(region.angle);
  const uy = Math.sin(region.angle);
  for (let v = -region.height / 2; v <= region.height / 2; v += STEP) {
    for (let u = (from - 0.5) * region.width; u <= (to - 0.5) * region.width; u += STEP) {
      const x = Math.round(region.cx + u * ux - v * uy);
      const y = Math.round(region.cy + u * uy + v * ux);
      if (x < 0 || y < 0 || x >= page.width || y >= page.height) continue;
      visit(x, y, (y * page.width + x) * 3);
    }
  }
}

/** The luminance of the pixels inside a rotated region, sampled every `STEP` px along and across it. */
function regionLevels(raster: Raster, region: TextRegion): Uint32Array {
  const histogram = new Uint32Array(256);
  forEachSample(raster, region, (_x, _y, p) => histogram[luminanceAt(raster.data, p)]++);
  return histogram;
}

function quantile(histogram: Uint32Array, q: number): number {
  let total = 0;
  for (let v = 0; v < 256; v++) total += histogram[v];
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += histogram[v];
    if (seen > q * total) return v;
  }
  return 255;
}

/** A run of glyphs (not one glyph's box, whose angle means little) at least `TILT` off the page's rows. */
function isTilted(region: TextRegion): boolean {
  return region.width >= RUN * region.height && Math.abs(Math.sin(region.angle)) >= Math.sin(TILT);
}

/** The mean colour (max − min channel) of a region's ink: its samples within `INK_BAND` levels of its ink level. */
function inkChroma(raster: Raster, region: TextRegion, ink: number): number {
  let count = 0;
  let chroma = 0;
  forEachSample(raster, region, (_x, _y, p) => {
    if (luminanceAt(raster.data, p) > ink + INK_BAND) return;
    const r = raster.data[p];
    const g = raster.data[p + 1];
    const b = raster.data[p + 2];
    chroma += Math.max(r, g, b) - Math.min(r, g, b);
    count++;
  });
  return count === 0 ? 0 : chroma / count;
}

/** The page's overlay found from its lines: which lines are overlay, and the tones of print, overlay and paper. */
export interface OverlayOnPage {
  /** Indices (into the regions given) of the lines whose ink is the overlay's. */
  overlayLines: number[];
  print: number;
  /** The overlay's ink (median of its lines' ink levels). */
  tone: number;
  paper: number;
  /** Each line's ink level, and the level from which a line's ink is lighter than print. */
  inks: number[];
  lightFrom: number;
}

/**
 * The light overlay on a page, judged from its lines' ink (see the module comment), or undefined when fewer than
 * `MIN_OVERLAY_LINES` lines are overlay.
 *
 * @example
 * overlayOnPage(page, regions); // { overlayLines: [0, 3, 7, …], print: 30, tone: 226, paper: 252 }
 */
export function overlayOnPage(raster: Raster, regions: readonly TextRegion[]): OverlayOnPage | undefined {
  if (regions.length < MIN_OVERLAY_LINES + 1) return undefined;
  const pageHistogram = new Uint32Array(256);
  for (let y = 0; y < raster.height; y += 8) {
    for (let x = 0; x < raster.width; x += 8) pageHistogram[luminanceAt(raster.data, (y * raster.width + x) * 3)]++;
  }
  const paper = quantile(pageHistogram, 0.5);
  const inks = regions.map((region) => quantile(regionLevels(raster, region), INK_QUANTILE));
  // A seal's lettering (coloured ink conditioning left, its arc boxed in tilted pieces) is no overlay: grey ink only.
  const neutral = regions.map((region, index) => inkChroma(raster, region, inks[index]) < NEUTRAL_INK);
  const sorted = [...inks].sort((a, b) => a - b);
  const print = sorted[Math.floor(sorted.length * PRINT_QUANTILE)];
  if (paper - print < MIN_CONTRAST) return undefined;
  const from = print + OVERLAY_FROM * (paper - print);
  // The overlay's tone: the fullest `TONE_BAND`-wide window of the light lines' ink levels (a tiled watermark's pieces
  // share one tone; lines where it crosses print, or faint thin print, spread below it).
  const light = inks.filter((ink, index) => neutral[index] && ink >= from && ink <= paper - OVERLAY_UNDER_PAPER);
  let tone = -1;
  let best = 0;
  for (const centre of light) {
    const count = light.filter((ink) => Math.abs(ink - centre) <= TONE_BAND).length;
    if (count > best) {
      best = count;
      tone = centre;
    }
  }
  if (best < MIN_OVERLAY_LINES) return undefined;
  const overlayLines = inks.flatMap((ink, index) => (neutral[index] && Math.abs(ink - tone) <= TONE_BAND ? [index] : []));
  // A tiled copy watermark runs diagonally: a light grey table or footer printed level is no overlay.
  // …in one direction: a seal's lettering boxed in pieces along its arc is tilted too, each piece its own way.
  const angles = overlayLines.filter((index) => isTilted(regions[index])).map((index) => regions[index].angle);
  const parallel = Math.max(0, ...angles.map((a) => angles.filter((b) => Math.abs(Math.sin(a - b)) <= Math.sin(PARALLEL)).length));
  if (parallel < MIN_OVERLAY_LINES) return undefined;
  const tones = overlayLines.map((index) => inks[index]).sort((a, b) => a - b);
  return { overlayLines, print, tone: tones[tones.length >> 1], paper, inks, lightFrom: from };
}

/**
 * A copy of the page with every pixel at least as light as the overlay's tone (less `LIFT_MARGIN`) lifted to white,
 * and a short ramp below it: print's dark core stays, the overlay and the light edges of strokes go.
 */
export function withOverlayLifted(raster: Raster, overlay: OverlayOnPage): Raster {
  const white = overlay.tone - LIFT_MARGIN;
  const foot = white - LIFT_RAMP;
  const { data } = raster;
  const out = new Uint8Array(data.length);
  for (let p = 0; p < data.length; p += 3) {
    const r = data[p];
    const g = data[p + 1];
    const b = data[p + 2];
    const l = (r * 77 + g * 150 + b * 29) >> 8;
    const w = l >= white ? 1 : l <= foot ? 0 : (l - foot) / (white - foot);
    out[p] = Math.round(r + (255 - r) * w);
    out[p + 1] = Math.round(g + (255 - g) * w);
    out[p + 2] = Math.round(b + (255 - b) * w);
  }
  return { data: out, width: raster.width, height: raster.height };
}

/**
 * The share of a region's samples on the lifted page darker than `foot` (print) that lie in none of `printLines`.
 */
function unboxedPrint(lifted: Raster, region: TextRegion, foot: number, printLines: readonly TextRegion[]): number {
  const reach = (region.width + region.height) / 2;
  const near = printLines.filter(
    (other) =>
      Math.abs(other.cx - region.cx) < reach + (other.width + other.height) / 2 && Math.abs(other.cy - region.cy) < reach + (other.width + other.height) / 2,
  );
  let total = 0;
  let unboxed = 0;
  forEachSample(lifted, region, (x, y, p) => {
    total++;
    if (luminanceAt(lifted.data, p) >= foot) return;
    if (!near.some((other) => regionContains(other, x, y))) unboxed++;
  });
  return total === 0 ? 0 : unboxed / total;
}

/** The share of a region's samples in the overlay's tone (its strokes crossing the line, and print's soft edges). */
function toneShare(raster: Raster, region: TextRegion, overlay: OverlayOnPage): number {
  const levels = regionLevels(raster, region);
  let total = 0;
  let inTone = 0;
  for (let v = 0; v < 256; v++) {
    total += levels[v];
    if (Math.abs(v - overlay.tone) <= TONE_BAND) inTone += levels[v];
  }
  return total === 0 ? 0 : inTone / total;
}

/** The share of samples darker than `foot` in the slice of a region `from`–`to` (fractions of its width) on `page`. */
function darkShareOfSlice(page: Raster, region: TextRegion, from: number, to: number, foot: number): number {
  let total = 0;
  let dark = 0;
  forEachSample(
    page,
    region,
    (_x, _y, p) => {
      total++;
      if (luminanceAt(page.data, p) < foot) dark++;
    },
    from,
    to,
  );
  return total === 0 ? 0 : dark / total;
}

/**
 * Whether a line's reading on the lifted page (`second`) differs from its first reading only where the overlay lay:
 * each character of the first that the second does not keep (in order) either lies over no print on the lifted page
 * (the overlay's own glyph read into the line) or stands where the second read another character at least as surely
 * (a glyph the overlay spoiled), and at least one is not kept.
 *
 * @example
 * differsOnlyUnderOverlay(read('印卢婷'), read('卢婷'), lifted, region, 180); // true when nothing is printed under `印`
 */
export function differsOnlyUnderOverlay(first: RecognisedText, second: RecognisedText, lifted: Raster, region: TextRegion, foot: number): boolean {
  const a = first.characters;
  const b = second.characters;
  const table = Array.from({ length: a.length + 1 }, () => new Uint16Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) table[i][j] = a[i] === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
  }
  const keptA = new Uint8Array(a.length);
  const keptB = new Uint8Array(b.length);
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      keptA[i++] = 1;
      keptB[j++] = 1;
    } else if (table[i + 1][j] >= table[i][j + 1]) i++;
    else j++;
  }
  // Only a reading that sheds or replaces something the first read: characters merely added (a colon, a quote mark)
  // are no overlay taken out.
  if (keptA.every((kept, i) => kept === 1 || a[i].trim() === '')) return false;
  const glyph = Math.min(0.5, region.height / Math.max(1, region.width) / 2);
  for (let i = 0; i < a.length; i++) {
    if (keptA[i] || a[i].trim() === '') continue;
    const at = first.characterPositions[i];
    const instead = b.some(
      (c, j) => !keptB[j] && Math.abs(second.characterPositions[j] - at) <= glyph * 2 && second.characterConfidences[j] >= first.characterConfidences[i],
    );
    if (instead) continue;
    if (darkShareOfSlice(lifted, region, at - glyph, at + glyph, foot) > EMPTY_SHARE) return false;
  }
  return true;
}

/** How far two regions on one row overlap along it (px of their axis-aligned boxes; 0 off each other's row). */
function overlapAlong(a: TextRegion, b: TextRegion): number {
  if (Math.abs(a.cy - b.cy) > Math.min(a.height, b.height) / 2) return 0;
  return Math.min(a.cx + a.width / 2, b.cx + b.width / 2) - Math.max(a.cx - a.width / 2, b.cx - b.width / 2);
}

/** A table's rule read as a character: joining two cells over it gains nothing. */
const RULE = /[丨｜|]/u;

function printed(text: RecognisedText): string[] {
  return text.characters.filter((c) => /[\p{L}\p{N}]/u.test(c) && !RULE.test(c));
}

/**
 * Whether a line found on the lifted page replaces the lines it covers: it is sure, keeps in order what each sure
 * print line read, and either gains a character on them or clears overlay lines out of them (without losing one).
 *
 * @example
 * overlayLineCounts(read('姓名：'), [read('姓'), read('名：')], true); // true: `复` between them was the overlay's
 */
export function overlayLineCounts(found: RecognisedText, coveredPrint: readonly RecognisedText[], coversOverlay: boolean): boolean {
  if (found.confidence < SURE_FOUND_LINE) return false;
  const gained = printed(found);
  const before = coveredPrint.reduce((sum, text) => sum + printed(text).length, 0);
  if (gained.length < before || (gained.length === before && !coversOverlay)) return false;
  return coveredPrint.every(
    (text) =>
      text.confidence < SURE_COVERED ||
      printed(text).length === 0 ||
      isShorterSubsequence(printed(text), gained) ||
      (coveredPrint.length === 1 && printed(text).join('') === gained.join('')),
  );
}

/**
 * The page's regions and readings with the lines a light overlay hid or cut found again and its own lines dropped
 * (see the module comment), in reading order (`order`), and the page with the overlay lifted (for the steps that look
 * past a line's ends for print). The same arrays and no page when the page carries no overlay.
 *
 * @example
 * ({ ordered, texts } = await withLinesUnderOverlays(models, page, ordered, texts, settings));
 */
export async function withLinesUnderOverlays(
  models: Pick<PaddleModels, 'detection' | 'recognition' | 'alphabet'>,
  raster: Raster,
  ordered: TextRegion[],
  texts: RecognisedText[],
  recognition: RecognitionSettings,
  detection: DetectionSettings = DEFAULT_DETECTION_SETTINGS,
  order: (regions: TextRegion[]) => TextRegion[] = readingOrder,
): Promise<{ ordered: TextRegion[]; texts: RecognisedText[]; lifted?: Raster }> {
  const overlay = overlayOnPage(raster, ordered);
  if (!overlay) return { ordered, texts };
  const lineHeight = typicalLineHeight(ordered);
  if (lineHeight === 0) return { ordered, texts };
  const isOverlay = new Set(overlay.overlayLines.map((index) => ordered[index]));
  const lifted = withOverlayLifted(raster, overlay);
  const long = Math.max(raster.width, raster.height);
  const { regions: again } = await detectTextRegions(models.detection, lifted, {
    ...detection,
    firstPassSide: 0,
    smallPrintSide: 0,
    followBends: false,
    limitSide: Math.max(32, long * pageDetectionScale(long, detection)),
    minLongSide: 0,
  });
  const replaced = new Set<TextRegion>();
  const candidates = again.flatMap((region) => {
    if (region.width < region.height) return [];
    // Already boxed whole by a print line of the first pass: nothing to gain.
    if (ordered.some((other) => !isOverlay.has(other) && regionContains(other, region.cx, region.cy) && other.width >= region.width - GAIN_FROM * lineHeight))
      return [];
    const covered = ordered.filter((other) => regionContains(region, other.cx, other.cy));
    const print = covered.filter((other) => !isOverlay.has(other));
    // Reaching into a print line it does not cover would read that line's glyphs twice.
    if (ordered.some((other) => !isOverlay.has(other) && !covered.includes(other) && overlapAlong(region, other) > GAIN_FROM * lineHeight)) return [];
    const coversOverlay = covered.length > print.length;
    const printWidth = print.reduce((sum, other) => sum + other.width, 0);
    return coversOverlay || region.width - printWidth >= GAIN_FROM * lineHeight ? [{ region, covered, print, coversOverlay }] : [];
  });
  const added: { region: TextRegion; reading: RecognisedText }[] = [];
  if (candidates.length > 0) {
    const read = await recogniseRegions(
      models.recognition,
      models.alphabet,
      lifted,
      candidates.map(({ region }) => region),
      recognition,
    );
    candidates.forEach(({ region, covered, print, coversOverlay }, k) => {
      if (covered.some((other) => replaced.has(other))) return;
      const printTexts = print.map((other) => texts[ordered.indexOf(other)]);
      if (!overlayLineCounts(read[k], printTexts, coversOverlay)) return;
      covered.forEach((other) => replaced.add(other));
      added.push({ region, reading: read[k] });
    });
  }
  // Print lines the overlay crosses, read again on the lifted page: a reading that differs from the first only where
  // the overlay lay (characters the first read over no print, or read there as other characters) replaces it.
  const rereadFoot = overlay.tone - LIFT_MARGIN - LIFT_RAMP;
  const crossed = ordered.flatMap((region, index) =>
    !replaced.has(region) && overlay.inks[index] < overlay.lightFrom && region.width >= region.height && toneShare(raster, region, overlay) >= CROSSED_SHARE
      ? [index]
      : [],
  );
  const rereadTexts = [...texts];
  let reread = 0;
  if (crossed.length > 0) {
    const again = await recogniseRegions(
      models.recognition,
      models.alphabet,
      lifted,
      crossed.map((index) => ordered[index]),
      recognition,
    );
    crossed.forEach((index, k) => {
      const first = texts[index];
      const second = again[k];
      if (second.confidence < SURE_REREAD || second.text.trim() === first.text.trim() || printed(second).length === 0) return;
      if (!differsOnlyUnderOverlay(first, second, lifted, ordered[index], rereadFoot)) return;
      // No surer than the first reading was: the line was spoiled once.
      rereadTexts[index] = { ...second, confidence: Math.min(first.confidence, second.confidence) };
      reread++;
    });
  }
  texts = rereadTexts;
  // Lines lighter than print with nothing printed under them but what print lines hold: the overlay's own, and
  // pieces of it boxed across a print line's edge.
  const foot = overlay.tone - LIFT_MARGIN - LIFT_RAMP;
  const printLines = ordered.filter((region, index) => overlay.inks[index] < overlay.lightFrom);
  ordered.forEach((region, index) => {
    if (replaced.has(region) || overlay.inks[index] < overlay.lightFrom) return;
    if (unboxedPrint(lifted, region, foot, printLines) <= EMPTY_SHARE) replaced.add(region);
  });
  if (added.length === 0 && replaced.size === 0 && reread === 0) return { ordered, texts, lifted };
  const reading = new Map<TextRegion, RecognisedText>(ordered.map((region, k) => [region, texts[k]]));
  added.forEach(({ region, reading: text }) => reading.set(region, text));
  const all = order([...ordered.filter((region) => !replaced.has(region)), ...added.map(({ region }) => region)]);
  return { ordered: all, texts: all.map((region) => reading.get(region)!), lifted };
}
