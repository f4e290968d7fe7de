import type { PaddleModels } from './paddle-models.js';
import type { Raster } from './raster.js';
import { recogniseRegions, type RecognisedText, type RecognitionSettings } from './text-lines.js';
import {
  DEFAULT_DETECTION_SETTINGS,
  detectTextRegions,
  readingOrder,
  regionBounds,
  regionContains,
  type DetectionSettings,
  type TextRegion,
} from './text-regions.js';

/**
 * Lines the detector merged with a neighbour into one tall region. On a phone photo of an ID card the address's second
 * line (`路347号14幢605室`, 20 px type) touches a slanted violet stamp (`仅限办理职业技能补贴使用`) below it: the page's
 * detection pass gives both one region 76 px tall, three lines high, which reads as nothing and is dropped, so the
 * address loses its second half (docs/ocr.md, "photoline15"). Detected again on its own, at the page's scale, the same
 * pixels give two lines, each read at 0.97–0.999: the detector's map joins the two under the page's context, not on
 * the crop alone.
 *
 * So a region much taller than the page's lines that reads unsure (or as nothing) is detected again on a crop of its
 * own, and when that gives two or more regions of line height they stand in its place, each read as a line. Pages
 * with no such region pay nothing but one pass over their regions' heights.
 */

/** A region this many times the page's typical line height (or more) may hold several lines. */
export const TALL_FROM = 2;
/** A tall region read at least this surely is one line of large print (a title), and is left alone. */
export const SURE_TALL_READING = 0.85;
/** A region running across the page less than this many times its height is a seal, a photo or a column: left alone. */
const MIN_ELONGATION = 1.5;
/** Around the region, the crop takes in this much more on each side (line heights): the lines' own ends and strokes. */
const CROP_MARGIN = 0.5;
/** A region found in the crop counts as a line when it is at most this share of the tall region's height. */
const LINE_SHARE = 0.75;
/**
 * The scales (times the page's detection scale) the crop is detected at, in turn, until one gives the lines apart. The
 * detector's map joins or parts two touching lines by a few pixels' difference: on the ID card's crop it parted them
 * at 1× in two of four crops tried and at 2× in three, and at one of the two in all four.
 */
const CROP_SCALES = [1, 2, 1.5];
/** Regions further than this from the page's rows are not lines of it (a seal's ring, a steep stamp). */
const LEVEL = (20 * Math.PI) / 180;
/** At most this many tall regions are detected again on one page (the least sure first): keeps a page's cost bounded. */
const MAX_TALL_REGIONS = 4;

/**
 * The median height of the page's line-shaped regions (at least twice as long as high); 0 without any.
 *
 * @example
 * typicalLineHeight(regions); // 21.5
 */
export function typicalLineHeight(regions: readonly TextRegion[]): number {
  const heights = regions.filter((region) => region.width >= 2 * region.height).map((region) => region.height);
  if (heights.length === 0) return 0;
  heights.sort((a, b) => a - b);
  return heights[heights.length >> 1];
}

/**
 * The indices of regions that may hold several merged lines: at least `TALL_FROM` typical line heights tall, running
 * across the page (not a column, seal or photo), level within 20°, not bent, and read under `SURE_TALL_READING`
 * (a sure reading is one line of large print). Least sure first, at most `MAX_TALL_REGIONS`.
 *
 * @example
 * tallUnsureRegions(regions, texts); // [4]: a 206 × 76 region on a page of 21-px lines, read '' at 0
 */
export function tallUnsureRegions(regions: readonly TextRegion[], texts: readonly RecognisedText[]): number[] {
  const lineHeight = typicalLineHeight(regions);
  if (lineHeight === 0) return [];
  const tall = regions.flatMap((region, index) => {
    if (region.centreLine || region.height < TALL_FROM * lineHeight || region.width < MIN_ELONGATION * region.height) return [];
    if (!isLevel(region)) return [];
    return texts[index].confidence < SURE_TALL_READING ? [index] : [];
  });
  return tall.sort((a, b) => texts[a].confidence - texts[b].confidence).slice(0, MAX_TALL_REGIONS);
}

/**
 * The detection scale of a page `long` px on its longer side (as `detectTextRegions` picks it): shrunk to
 * `limitSide`, or enlarged towards `minLongSide` (at most 3×).
 */
export function pageDetectionScale(long: number, settings: DetectionSettings): number {
  if (settings.minLongSide > 0 && long < settings.minLongSide) return Math.min(3, settings.minLongSide / long);
  return Math.min(1, settings.limitSide / long);
}

/** The pixels of `bounds` copied out of the raster (RGB). */
export function cropped(raster: Raster, bounds: { x0: number; y0: number; x1: number; y1: number }): Raster {
  const width = bounds.x1 - bounds.x0;
  const height = bounds.y1 - bounds.y0;
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    const from = ((bounds.y0 + y) * raster.width + bounds.x0) * 3;
    data.set(raster.data.subarray(from, from + width * 3), y * width * 3);
  }
  return { data, width, height };
}

/**
 * The lines inside one tall region: the region's crop (with `CROP_MARGIN` line heights around it) detected again at the
 * page's detection scale (or at `CROP_SCALES` of it, in turn); the regions found there whose middle lies inside the
 * tall region, in no other region of the page (`others`), that are line-shaped (at least twice as long as high, and
 * level within 20°: a seal's ring falls apart into squat or steep pieces) and of line height (at most `LINE_SHARE` of it), in page coordinates. Empty unless there are at least two: one region again is no split.
 *
 * @example
 * await linesInTallRegion(models, raster, region, 21, otherRegions); // [路347号… region, stamp region]
 */
export async function linesInTallRegion(
  models: Pick<PaddleModels, 'detection'>,
  raster: Raster,
  region: TextRegion,
  lineHeight: number,
  others: readonly TextRegion[] = [],
  settings: DetectionSettings = DEFAULT_DETECTION_SETTINGS,
): Promise<TextRegion[]> {
  const bounds = regionBounds(region, raster, Math.round(CROP_MARGIN * lineHeight));
  const crop = cropped(raster, bounds);
  if (crop.width < 8 || crop.height < 8) return [];
  const pageScale = pageDetectionScale(Math.max(raster.width, raster.height), settings);
  const cropLong = Math.max(crop.width, crop.height);
  const ux = Math.cos(region.angle);
  const uy = Math.sin(region.angle);
  for (const enlarged of CROP_SCALES) {
    const scale = pageScale * enlarged;
    const { regions } = await detectTextRegions(models.detection, crop, {
      ...settings,
      firstPassSide: 0,
      smallPrintSide: 0,
      limitSide: Math.max(32, cropLong * scale),
      minLongSide: scale > 1 ? cropLong * scale : 0,
    });
    const lines = regions
      .map((found) => ({ ...found, cx: found.cx + bounds.x0, cy: found.cy + bounds.y0 }))
      .filter((found) => {
        const dx = found.cx - region.cx;
        const dy = found.cy - region.cy;
        const inside = Math.abs(dx * ux + dy * uy) <= region.width / 2 && Math.abs(-dx * uy + dy * ux) <= region.height / 2;
        // A line the page's pass boxed already (the crop's margin takes in the neighbouring rows) is not found again.
        const line = found.width >= 2 * found.height && found.height <= LINE_SHARE * region.height && isLevel(found);
        return inside && line && !others.some((other) => regionContains(other, found.cx, found.cy));
      });
    if (lines.length >= 2) return lines;
  }
  return [];
}

/**
 * The page's regions and readings with each tall unsure region (see `tallUnsureRegions`) that holds several lines
 * replaced by those lines, each read, in reading order (`order`: the page's own, or on a curled page the order of its
 * straightened rows). The same arrays when nothing was split (the usual case).
 *
 * @example
 * ({ ordered, texts } = await withMergedLinesApart(models, raster, ordered, texts, recognition, detection));
 */
export async function withMergedLinesApart(
  models: Pick<PaddleModels, 'detection' | 'recognition' | 'alphabet'>,
  raster: Raster,
  ordered: TextRegion[],
  texts: RecognisedText[],
  recognition: RecognitionSettings,
  detection: DetectionSettings = DEFAULT_DETECTION_SETTINGS,
  order: (regions: TextRegion[]) => TextRegion[] = readingOrder,
): Promise<{ ordered: TextRegion[]; texts: RecognisedText[] }> {
  const tall = tallUnsureRegions(ordered, texts);
  if (tall.length === 0) return { ordered, texts };
  const lineHeight = typicalLineHeight(ordered);
  const replaced = new Map<TextRegion, TextRegion[]>();
  for (const index of tall) {
    const others = ordered.filter((_, k) => k !== index);
    const lines = await linesInTallRegion(models, raster, ordered[index], lineHeight, others, detection);
    if (lines.length > 0) replaced.set(ordered[index], lines);
  }
  if (replaced.size === 0) return { ordered, texts };
  const added = [...replaced.values()].flat();
  const read = await recogniseRegions(models.recognition, models.alphabet, raster, added, recognition);
  const reading = new Map<TextRegion, RecognisedText>(ordered.map((region, k) => [region, texts[k]]));
  added.forEach((region, k) => reading.set(region, read[k]));
  const all = order([...ordered.filter((region) => !replaced.has(region)), ...added]);
  return { ordered: all, texts: all.map((region) => reading.get(region)!) };
}

/** Whether the region runs left to right within `LEVEL` of the page's rows. */
export function isLevel(region: TextRegion): boolean {
  return Math.abs(Math.sin(region.angle)) <= Math.sin(LEVEL) && Math.cos(region.angle) >= 0;
}
