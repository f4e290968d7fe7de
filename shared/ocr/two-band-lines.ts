import type { PaddleModels } from './paddle-models.js';
import type { Raster } from './raster.js';
import { isLevel, linesInTallRegion, typicalLineHeight } from './merged-lines.js';
import { fillsRegionHeight, recogniseRegions, type RecognisedText, type RecognitionSettings } from './text-lines.js';
import { DEFAULT_DETECTION_SETTINGS, readingOrder, type DetectionSettings, type TextRegion } from './text-regions.js';

/**
 * A small label and the value printed just under it (a fill-in off its label's baseline, touching or overlapping the
 * label's line), boxed by the detector as one region 1.4–2.6× the page's line height: the recogniser reads the pair as
 * one garbled line (`鼎汪华创龟气设备环` for `用工单位` over `浙江华创电气设备环`; on a seen photo `合绛月男目` for
 * `合同终止日期：` over `2022年10月31日`). Such a region is too short for `withMergedLinesApart` (2× and up, and only
 * what the detector parts again) and made of two lines of different sizes or offsets.
 *
 * So a level region `SPLIT_FROM`–`SPLIT_UNDER` line heights tall that reads unsure is taken apart, the first way that
 * gives two lines: (1) where its ink, summed row by row across it, shows two text bands with a gap or a narrow waist,
 * it is cut there and each part trimmed to its own ink; (2) else its crop is detected again as `withMergedLinesApart`
 * does (the detector parts some touching pairs on the crop alone); (3) else, since overlapping lines show neither, in a
 * region at least `WINDOWS_FROM` line heights tall one line height is read from its top and one from its bottom, each
 * holding one line whole and a sliver of the other. The parts stand in its place only when both read something, do not
 * read one line twice, and together read surer than the whole did. (4) Where none of these parts it, and in such a
 * region read surely (the value read whole, its label lost: `杭州启航电气设` for `名称：` over `杭州启航电气设备…`), the
 * value may have run up into its label's line: the value is read from a line-tall window at the bottom and the label
 * from the surest of a few shorter windows at the top (`labelOverValue`), kept when the value reads about as surely as
 * the whole did and the label surely enough. Pages with no such region read exactly as before (the same arrays).
 */

/** A region this many typical line heights tall (or more) may be a label and its value boxed together. */
export const SPLIT_FROM = 1.4;
/** A region this many line heights tall (or more) is no pair of lines: a seal, a photo, several lines (`withMergedLinesApart`'s). */
export const SPLIT_UNDER = 2.6;
/** A region read at least this surely is left alone (one line of large print, or a pair read right anyway). */
export const SURE_READING = 0.9;
/** A region running across the page less than this many times its height is a seal, a photo or a column. */
const MIN_ELONGATION = 1.5;
/** The cut is looked for between these shares of the region's height (from its top). */
const CUT_RANGE: readonly [number, number] = [0.2, 0.8];
/** The ink at the cut is at most this share of the fainter band's peak: a gap, or a narrow waist. */
const WAIST = 0.3;
/** Each band's ink is at least this many typical line heights tall: an underline or a stray stroke is no line. */
const MIN_BAND = 0.3;
/** Paper and ink differ by at least this many grey levels in the region, else nothing is cut. */
const MIN_CONTRAST = 40;
/** A part is trimmed to its ink with this much room around it (its band's heights). */
const TRIM_ROOM = 0.4;
/** A window read from the region's top or bottom is this many typical line heights tall. */
const WINDOW = 1.05;
/**
 * Windows are read from regions this many line heights tall or more: in a shorter one they overlap by more than half a
 * line and both take in most of each line (a seen licence's `注册资本：` over its value, 1.41 line heights, read as
 * `民本：` and `注册赛体：`, the first taken for the name above it).
 */
const WINDOWS_FROM = 1.6;
/**
 * Label windows: heights (typical line heights) of windows read from a region's top where the value's glyphs run up
 * into its label's line. A small label is whole in the shortest; a taller one takes in more of the value's tops.
 */
const LABEL_WINDOWS: readonly number[] = [0.55, 0.7, 0.85];
/** A label window is kept only when read at least this surely (mean of its characters). */
const SURE_LABEL = 0.6;
/** The value's window stands when read at most this much less surely than the whole region was. */
const VALUE_SLACK = 0.05;
/** Two parts sharing this share of the shorter one's glyphs read one line twice. */
const SAME_LINE = 0.5;
/** At most this many regions are looked at on one page (the least sure first). */
const MAX_REGIONS = 4;

/** Where a region's rows are cut: the row (px from the region's top) and the two bands' ink extents. */
export interface TwoBands {
  cut: number;
  upper: [number, number];
  lower: [number, number];
}

/**
 * The indices of regions that may be a label and its value boxed together: at least `SPLIT_FROM` typical line heights
 * tall, running across the page, level, not bent, read under `SURE_READING`. Least sure first, at most `MAX_REGIONS`.
 *
 * @example
 * tallishUnsureRegions(regions, texts); // [7]: a 420 × 41 region on a page of 22-px lines, read at 0.61
 */
export function tallishUnsureRegions(regions: readonly TextRegion[], texts: readonly RecognisedText[]): number[] {
  const lineHeight = typicalLineHeight(regions);
  if (lineHeight === 0) return [];
  const found = regions.flatMap((region, index) => {
    if (region.centreLine || region.height < SPLIT_FROM * lineHeight || region.height >= SPLIT_UNDER * lineHeight) return [];
    if (region.width < MIN_ELONGATION * region.height) return [];
    return isLevel(region) && texts[index].confidence < SURE_READING ? [index] : [];
  });
  return found.sort((a, b) => texts[a].confidence - texts[b].confidence).slice(0, MAX_REGIONS);
}

/**
 * The ink of a region, row by row across it (top to bottom in reading frame), as a 0/1 grid `rows × columns` sampled
 * at 1 px steps: dark pixels under the midpoint between the region's paper (90th percentile grey) and ink (5th). Null
 * when paper and ink differ by less than `MIN_CONTRAST`.
 */
export function inkGrid(raster: Raster, region: TextRegion): { ink: Uint8Array; rows: number; columns: number } | null {
  const rows = Math.max(1, Math.round(region.height));
  const columns = Math.max(1, Math.round(region.width));
  const ux = Math.cos(region.angle);
  const uy = Math.sin(region.angle);
  const grey = new Uint8Array(rows * columns);
  for (let v = 0; v < rows; v++) {
    const across = v + 0.5 - rows / 2;
    for (let u = 0; u < columns; u++) {
      const along = u + 0.5 - columns / 2;
      const x = Math.min(raster.width - 1, Math.max(0, Math.round(region.cx + along * ux - across * uy)));
      const y = Math.min(raster.height - 1, Math.max(0, Math.round(region.cy + along * uy + across * ux)));
      const at = (y * raster.width + x) * 3;
      grey[v * columns + u] = (raster.data[at] * 299 + raster.data[at + 1] * 587 + raster.data[at + 2] * 114) / 1000;
    }
  }
  const counts = new Uint32Array(256);
  for (const value of grey) counts[value]++;
  const level = (share: number) => {
    let seen = 0;
    for (let value = 0; value < 256; value++) {
      seen += counts[value];
      if (seen >= share * grey.length) return value;
    }
    return 255;
  };
  const dark = level(0.05);
  const paper = level(0.9);
  if (paper - dark < MIN_CONTRAST) return null;
  const threshold = (paper + dark) / 2;
  const ink = new Uint8Array(grey.length);
  for (let k = 0; k < grey.length; k++) ink[k] = grey[k] < threshold ? 1 : 0;
  return { ink, rows, columns };
}

/**
 * Where a row profile (ink per row, top to bottom) parts into two text bands: the faintest row between `CUT_RANGE` of
 * the height when it holds at most `WAIST` of the fainter band's peak, and each band's ink
 * (rows over a fifth of its own peak) is at least `minBand` rows tall. Null otherwise.
 *
 * @example
 * twoBands([0, 5, 9, 8, 1, 0, 12, 14, 13, 2], 2); // { cut: 5, upper: [1, 3], lower: [6, 8] }
 */
export function twoBands(profile: readonly number[], minBand: number): TwoBands | null {
  const rows = profile.length;
  const smooth = profile.map((_, v) => (profile[Math.max(0, v - 1)] + profile[v] + profile[Math.min(rows - 1, v + 1)]) / 3);
  const from = Math.max(1, Math.floor(CUT_RANGE[0] * rows));
  const to = Math.min(rows - 2, Math.ceil(CUT_RANGE[1] * rows));
  // The faintest row (a waist may be a row or two thin; the bands' peaks are taken smoothed, over a stray row).
  let cut = -1;
  for (let v = from; v <= to; v++) if (cut < 0 || profile[v] < profile[cut]) cut = v;
  if (cut < 0) return null;
  const upperPeak = Math.max(...smooth.slice(0, cut));
  const lowerPeak = Math.max(...smooth.slice(cut + 1));
  if (profile[cut] > WAIST * Math.min(upperPeak, lowerPeak)) return null;
  const extent = (start: number, end: number, peak: number): [number, number] => {
    let first = -1;
    let last = -1;
    for (let v = start; v < end; v++) {
      if (profile[v] <= peak / 5) continue;
      if (first < 0) first = v;
      last = v;
    }
    return [first, last];
  };
  const upper = extent(0, cut, upperPeak);
  const lower = extent(cut + 1, rows, lowerPeak);
  if (upper[0] < 0 || lower[0] < 0) return null;
  if (upper[1] - upper[0] + 1 < minBand || lower[1] - lower[0] + 1 < minBand) return null;
  return { cut, upper, lower };
}

/**
 * The two lines inside a region boxed around a label and the value under it, in page coordinates (upper first): the
 * region's rows cut where its ink parts into two bands (see `twoBands`), each part trimmed along the line to its own ink
 * with `TRIM_ROOM` band heights around it. Empty when the ink shows no two bands.
 *
 * @example
 * linesInTwoBands(raster, region, 22); // [用工单位 region, 浙江华创电气设备… region]
 */
export function linesInTwoBands(raster: Raster, region: TextRegion, lineHeight: number): TextRegion[] {
  const grid = inkGrid(raster, region);
  if (!grid) return [];
  const { ink, rows, columns } = grid;
  const profile = Array.from({ length: rows }, (_, v) => {
    let sum = 0;
    for (let u = 0; u < columns; u++) sum += ink[v * columns + u];
    return sum / columns;
  });
  const bands = twoBands(profile, MIN_BAND * lineHeight);
  if (!bands) return [];
  const ux = Math.cos(region.angle);
  const uy = Math.sin(region.angle);
  const part = (top: number, bottom: number, band: [number, number]): TextRegion | undefined => {
    const room = TRIM_ROOM * (band[1] - band[0] + 1);
    // Columns with ink in the band's own rows (two pixels or more: a speck is no glyph).
    let first = -1;
    let last = -1;
    for (let u = 0; u < columns; u++) {
      let sum = 0;
      for (let v = band[0]; v <= band[1]; v++) sum += ink[v * columns + u];
      if (sum < 2) continue;
      if (first < 0) first = u;
      last = u;
    }
    if (first < 0) return undefined;
    const left = Math.max(0, first - room);
    const right = Math.min(columns, last + 1 + room);
    const along = (left + right) / 2 - columns / 2;
    const across = (top + bottom) / 2 - rows / 2;
    return {
      ...region,
      cx: region.cx + along * ux - across * uy,
      cy: region.cy + along * uy + across * ux,
      width: right - left,
      height: bottom - top,
      faintEnds: undefined,
    };
  };
  const upper = part(0, bands.cut, bands.upper);
  const lower = part(bands.cut, rows, bands.lower);
  return upper && lower ? [upper, lower] : [];
}

/**
 * Two windows one typical line height tall (`WINDOW` of it), one at the region's top and one at its bottom, each as
 * wide as the region: where a label and its value overlap, each window holds one line whole and a sliver of the other.
 *
 * @example
 * topAndBottomLines(region(200, 157, 290, 56), 32); // [region(200, 145.4, 290, 33.6), region(200, 168.6, 290, 33.6)]
 */
export function topAndBottomLines(region: TextRegion, lineHeight: number): TextRegion[] {
  const height = Math.min(region.height, WINDOW * lineHeight);
  const shift = (region.height - height) / 2;
  const ux = Math.cos(region.angle);
  const uy = Math.sin(region.angle);
  const at = (across: number): TextRegion => ({ ...region, cx: region.cx - across * uy, cy: region.cy + across * ux, height, faintEnds: undefined });
  return [at(-shift), at(shift)];
}

/**
 * Whether two parts read the same line (a tall single line, a title in large type, read from its top and its bottom):
 * at least `SAME_LINE` of the shorter reading's letters, digits and Han characters are in the other.
 *
 * @example
 * oneLineTwice('物流环境服务', '物流环境服务'); // true
 * oneLineTwice('联系电话：', '13121062056'); // false
 */
export function oneLineTwice(a: string, b: string): boolean {
  const shorter = Math.min(glyphsOf(a).length, glyphsOf(b).length);
  return shorter > 0 && sharedGlyphs(a, b) >= SAME_LINE * shorter;
}

/** A reading's letters, digits and Han characters, in order. */
function glyphsOf(text: string): string[] {
  return [...text].filter((c) => /[\p{L}\p{N}]/u.test(c));
}

/** The mean character confidence of readings taken together (0 when they hold no character). */
function meanConfidence(readings: readonly RecognisedText[]): number {
  const all = readings.flatMap((reading) => reading.characterConfidences);
  return all.length === 0 ? 0 : all.reduce((sum, value) => sum + value, 0) / all.length;
}

/**
 * The regions a label and its value may be boxed in though read surely (the value read whole, its label lost in it:
 * `杭州启航电气设` for `名称：` over `杭州启航电气设备…`, `所省杭州市…` for `住所：` over `浙江省杭州市…`): the geometry
 * of `tallishUnsureRegions`, read at `SURE_READING` or more. Tallest first, at most `MAX_REGIONS`, less those read as
 * one line of print as tall as the region (`fillsRegionHeight`: a title).
 *
 * @example
 * tallishSureRegions(regions, texts); // [3]: a 250 × 81 region on a page of 45-px lines, read at 0.94
 */
export function tallishSureRegions(regions: readonly TextRegion[], texts: readonly RecognisedText[]): number[] {
  const lineHeight = typicalLineHeight(regions);
  if (lineHeight === 0) return [];
  const found = regions.flatMap((region, index) => {
    if (region.centreLine || region.height < SPLIT_FROM * lineHeight || region.height >= SPLIT_UNDER * lineHeight) return [];
    if (region.width < MIN_ELONGATION * region.height) return [];
    return isLevel(region) && texts[index].confidence >= SURE_READING ? [index] : [];
  });
  // A title in large type fills its region's height: no label sits over it (its windows read the title again).
  const pairs = found.sort((a, b) => regions[b].height - regions[a].height).slice(0, MAX_REGIONS);
  return pairs.filter((index) => !fillsRegionHeight(regions[index], texts[index]));
}

/**
 * A window of a region as wide as it, `height` px tall, at its top (`side` −1) or bottom (1).
 *
 * @example
 * edgeWindow(region(200, 157, 290, 56), 18, -1); // region(200, 138, 290, 18)
 */
export function edgeWindow(region: TextRegion, height: number, side: 1 | -1): TextRegion {
  const across = (side * (region.height - height)) / 2;
  return { ...region, cx: region.cx - across * Math.sin(region.angle), cy: region.cy + across * Math.cos(region.angle), height, faintEnds: undefined };
}

/** The letters, digits and Han characters two readings share (each character of `a` matched once in `b`). */
function sharedGlyphs(a: string, b: string): number {
  const left = glyphsOf(b);
  let shared = 0;
  for (const c of glyphsOf(a)) {
    const at = left.indexOf(c);
    if (at < 0) continue;
    left.splice(at, 1);
    shared++;
  }
  return shared;
}

/**
 * A label over its value in one region whose value's glyphs run up into the label's line (so the window at the top
 * holds the value's tops and reads garbled): the value read from a window one line tall at the region's bottom, the
 * label from the surest of `LABEL_WINDOWS` at its top that shares at most one character (or a fifth of its own) with
 * the value. Null unless the value reads about as surely as the whole did (`VALUE_SLACK`) and the label at
 * `SURE_LABEL` or more: a title in large type read from its bottom reads nothing sure.
 *
 * @example
 * await labelOverValue(models, raster, region, 43, whole, recognition); // { lines: [营业期限：, 2012年02月07日至…], read }
 */
export async function labelOverValue(
  models: Pick<PaddleModels, 'recognition' | 'alphabet'>,
  raster: Raster,
  region: TextRegion,
  lineHeight: number,
  whole: RecognisedText,
  recognition: RecognitionSettings,
): Promise<{ lines: TextRegion[]; read: RecognisedText[] } | null> {
  const value = edgeWindow(region, Math.min(region.height, WINDOW * lineHeight), 1);
  const labels = LABEL_WINDOWS.map((share) => edgeWindow(region, share * lineHeight, -1));
  // The value first: most windows tried (a title's bottom) fail there, and the label windows are then not read (each
  // window is a recognition of its own, so reading them apart reads each as together did).
  const [valueRead] = await recogniseRegions(models.recognition, models.alphabet, raster, [value], recognition);
  if (valueRead.text.trim() === '' || valueRead.confidence < whole.confidence - VALUE_SLACK) return null;
  const labelReads = await recogniseRegions(models.recognition, models.alphabet, raster, labels, recognition);
  let best = -1;
  labelReads.forEach((reading, k) => {
    const glyphs = glyphsOf(reading.text).length;
    if (glyphs === 0 || sharedGlyphs(reading.text, valueRead.text) > Math.max(1, 0.2 * glyphs)) return;
    if (meanConfidence([reading]) < SURE_LABEL) return;
    if (best < 0 || meanConfidence([reading]) > meanConfidence([labelReads[best]])) best = k;
  });
  return best < 0 ? null : { lines: [labels[best], value], read: [labelReads[best], valueRead] };
}

/**
 * The page's regions and readings with each region that holds a label over its value (see `tallishUnsureRegions`,
 * `linesInTwoBands`) replaced by its two lines, each read, in reading order (`order`), where both parts read something
 * and, together, surer than the whole did. The same arrays when nothing was cut (the usual case).
 *
 * @example
 * ({ ordered, texts } = await withTwoBandLinesApart(models, raster, ordered, texts, recognition, order));
 */
export async function withTwoBandLinesApart(
  models: Pick<PaddleModels, 'detection' | 'recognition' | 'alphabet'>,
  raster: Raster,
  ordered: TextRegion[],
  texts: RecognisedText[],
  recognition: RecognitionSettings,
  detection: DetectionSettings = DEFAULT_DETECTION_SETTINGS,
  order: (regions: TextRegion[]) => TextRegion[] = readingOrder,
): Promise<{ ordered: TextRegion[]; texts: RecognisedText[] }> {
  const candidates = tallishUnsureRegions(ordered, texts);
  const sure = tallishSureRegions(ordered, texts);
  if (candidates.length === 0 && sure.length === 0) return { ordered, texts };
  const lineHeight = typicalLineHeight(ordered);
  const replaced = new Map<TextRegion, { lines: TextRegion[]; read: RecognisedText[] }>();
  const unparted: number[] = [];
  for (const index of candidates) {
    let lines = linesInTwoBands(raster, ordered[index], lineHeight);
    // Lines that overlap show no waist in their ink: the region detected again on its own crop may part them.
    if (lines.length === 0)
      lines = await linesInTallRegion(
        models,
        raster,
        ordered[index],
        lineHeight,
        ordered.filter((_, k) => k !== index),
        detection,
      );
    // Nor does the detector always: a line's height taken from the region's top and one from its bottom.
    if (lines.length === 0 && ordered[index].height >= WINDOWS_FROM * lineHeight) lines = topAndBottomLines(ordered[index], lineHeight);
    if (lines.length > 0) {
      const read = await recogniseRegions(models.recognition, models.alphabet, raster, lines, recognition);
      const surer =
        read.every((reading) => reading.text.trim() !== '') && !oneLineTwice(read[0].text, read[1].text) && meanConfidence(read) > texts[index].confidence;
      if (surer) {
        replaced.set(ordered[index], { lines, read });
        continue;
      }
    }
    unparted.push(index);
  }
  // A value run up into its label's line: the label from a short window at the top, the value from the bottom.
  for (const index of [...unparted, ...sure]) {
    const pair = await labelOverValue(models, raster, ordered[index], lineHeight, texts[index], recognition);
    if (pair) replaced.set(ordered[index], pair);
  }
  if (replaced.size === 0) return { ordered, texts };
  const reading = new Map<TextRegion, RecognisedText>(ordered.map((region, k) => [region, texts[k]]));
  for (const { lines, read } of replaced.values()) lines.forEach((region, k) => reading.set(region, read[k]));
  const added = [...replaced.values()].flatMap(({ lines }) => lines);
  const all = order([...ordered.filter((region) => !replaced.has(region)), ...added]);
  return { ordered: all, texts: all.map((region) => reading.get(region)!) };
}
