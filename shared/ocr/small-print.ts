import type { Raster } from './raster.js';
import type { DetectionSettings, TextRegion } from './text-regions.js';
import { MAX_DETECTION_UPSCALE, regionCorners, type PixelBounds } from './text-regions.js';

/**
 * Print the detector saw too small: a page lying small on a table in a photo taken from standing height (the page a
 * third to a half of the frame, the frame brought to 2,400 px for reading and then to the detector's 1,280), or any
 * page whose print reaches the detector that small. Its lines reach the detector 6–9 px tall (regions 11–17 px, grown
 * by the unclip ratio), where PP-OCRv4's detector cuts lines short, runs neighbours into one and misreads what it cuts.
 * (A chat app's re-save, 960–1,280 px, is not small print by this measure: its regions are 17.8–22.6 px at the input,
 * as a plain photo's 18.8–34; what it loses is to JPEG blocking on 7–9 px glyphs, which no finer detection recovers.)
 *
 * The page's first detection measures it: the height a quarter of its line regions (regions at least twice as long as
 * tall) are shorter than, in px of the detector's input (a quarter, not a tenth: a page of few lines has a seal's or a
 * stamp's fragments among its shortest). When that is under `SMALL_PRINT_INPUT_HEIGHT`, the page is detected once more
 * at the scale that brings that line to `SMALL_PRINT_INPUT_TARGET` px (enlarging the raster for the detector at most
 * `MAX_SMALL_PRINT_UPSCALE`×, the input's long side at most `MAX_SMALL_PRINT_INPUT_SIDE`); every later step reads as
 * before, from the page's own pixels. A page whose print is ordinary is read as it was (no setting changes).
 */

/**
 * A page whose line regions are a quarter of them under this height (px of the detector's input) is small print. On 64
 * photos of seen families (plain, thumb-held, chat re-saved) and the default set's photos and scans, that quarter line
 * was 17.8–34 px; on pages small on a table, 11.8–18.3 px.
 */
export const SMALL_PRINT_INPUT_HEIGHT = 17;
/** The height (px of the detector's input) the finer detection brings the quarter line region to. */
export const SMALL_PRINT_INPUT_TARGET = 26;
/** A raster is enlarged for the detector at most this much. */
export const MAX_SMALL_PRINT_UPSCALE = 2;
/** The finer detection's input long side (of the paper's window, on a photo of a table) is kept within this (its CPU grows with its area). */
export const MAX_SMALL_PRINT_INPUT_SIDE = 2560;
/** The share of a page's line regions under the height that measures its print. */
const QUARTER = 0.25;
/** Fewer line regions than this are no measure of the page's print. */
const MIN_LINES = 5;
/** The finer detection only pays when it enlarges the input by at least this much. */
const MIN_GAIN = 1.25;
/** A region is a line when it is at least this many times as long as it is tall. */
const ELONGATION = 2;

/**
 * The scale (of the raster) `detectTextRegions` detects a raster of this long side at, under `settings`.
 *
 * @example
 * detectionScale(2400, DEFAULT_DETECTION_SETTINGS); // 0.5333
 */
export function detectionScale(longSide: number, settings: DetectionSettings): number {
  const enlarged = settings.minLongSide > 0 && longSide < settings.minLongSide;
  return enlarged ? Math.min(MAX_DETECTION_UPSCALE, settings.minLongSide / longSide) : Math.min(1, settings.limitSide / longSide);
}

/**
 * The height of the line region a quarter of the page's line regions are shorter than, in px of the raster (undefined under `MIN_LINES` lines).
 *
 * @example
 * quarterLineHeight(regions); // 14.2
 */
export function quarterLineHeight(regions: readonly TextRegion[]): number | undefined {
  const heights = regions
    .map((region) => [Math.min(region.width, region.height), Math.max(region.width, region.height)])
    .filter(([short, long]) => short > 0 && long >= ELONGATION * short)
    .map(([short]) => short)
    .sort((a, b) => a - b);
  if (heights.length < MIN_LINES) return undefined;
  return heights[Math.floor(QUARTER * (heights.length - 1))];
}

/**
 * Detection settings that read a page of small print at a finer scale, or undefined when its print is ordinary (or
 * there is no room to enlarge it): see the module comment. `regions` are the first detection's, in px of the raster
 * of long side `longSide` that `settings` detected it from; `windowSide` is the long side (px of the raster) of what the
 * finer detection reads: the paper's window on a photo of a table, else the whole raster.
 *
 * @example
 * finerDetection(regions, 1280, DEFAULT_DETECTION_SETTINGS); // { ...settings, minLongSide: 2034 } (10-px lines to 22)
 */
export function finerDetection(
  regions: readonly TextRegion[],
  longSide: number,
  settings: DetectionSettings,
  windowSide: number = longSide,
): DetectionSettings | undefined {
  const quarter = quarterLineHeight(regions);
  if (quarter === undefined) return undefined;
  const scale = detectionScale(longSide, settings);
  const input = quarter * scale;
  if (input >= SMALL_PRINT_INPUT_HEIGHT) return undefined;
  const finer = Math.min((scale * SMALL_PRINT_INPUT_TARGET) / input, MAX_SMALL_PRINT_UPSCALE, MAX_SMALL_PRINT_INPUT_SIDE / windowSide);
  if (finer < scale * MIN_GAIN) return undefined;
  // `detectTextRegions` enlarges a raster shorter than `minLongSide` to it, and brings a longer one down to `limitSide`.
  return finer > 1
    ? { ...settings, firstPassSide: 0, smallPrintSide: 0, minLongSide: Math.ceil(longSide * finer) }
    : { ...settings, firstPassSide: 0, smallPrintSide: 0, minLongSide: 0, limitSide: Math.round(longSide * finer) };
}

/** The print's window is grown by this many of the quarter line's heights on every side… */
const WINDOW_MARGIN_LINES = 4;
/** …and by at least this share of the raster's long side. */
const WINDOW_MARGIN_SHARE = 0.03;
/** The raster is resized for the finer detection to a long side of at most this (px), window or not. */
const MAX_RESIZED_SIDE = 4096;

/**
 * Where the first detection found print, as shares of the raster's width and height: the bounds of its regions, grown
 * by `WINDOW_MARGIN_LINES` line heights and `WINDOW_MARGIN_SHARE` of the long side (a page small on a table: the table
 * around it holds no print, whatever its pattern or level).
 *
 * @example
 * printWindow(regions, 2400, 1800, 20); // { x0: 0.33, y0: 0.3, x1: 0.71, y1: 0.58 }
 */
export function printWindow(regions: readonly TextRegion[], width: number, height: number, lineHeight: number): PixelBounds {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const region of regions) {
    for (const [x, y] of regionCorners(region)) {
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
  }
  const margin = Math.max(WINDOW_MARGIN_LINES * lineHeight, WINDOW_MARGIN_SHARE * Math.max(width, height));
  return {
    x0: Math.max(0, (x0 - margin) / width),
    y0: Math.max(0, (y0 - margin) / height),
    x1: Math.min(1, (x1 + margin) / width),
    y1: Math.min(1, (y1 + margin) / height),
  };
}

/**
 * `finerDetection` for a page as stored: the finer detection reads the window of the page where the first detection
 * found print (`printWindow`) and is capped on it. `settings` read the page; `turned` (no window, capped on the whole
 * raster) read it again in another turn.
 *
 * @example
 * finerDetectionOf(regions, stored, DEFAULT_DETECTION_SETTINGS); // { settings: { ..., paper }, turned: { ... } } or undefined
 */
export function finerDetectionOf(
  regions: readonly TextRegion[],
  stored: Raster,
  settings: DetectionSettings,
): { settings: DetectionSettings; turned: DetectionSettings } | undefined {
  const longSide = Math.max(stored.width, stored.height);
  const quarter = quarterLineHeight(regions);
  // Ordinary print (nearly every page) is told before the window is measured.
  if (quarter === undefined || quarter * detectionScale(longSide, settings) >= SMALL_PRINT_INPUT_HEIGHT) return undefined;
  const window = printWindow(regions, stored.width, stored.height, quarter);
  const windowSide = Math.max(
    (window.x1 - window.x0) * stored.width,
    (window.y1 - window.y0) * stored.height,
    (longSide * MAX_SMALL_PRINT_INPUT_SIDE) / MAX_RESIZED_SIDE,
  );
  const finer = finerDetection(regions, longSide, settings, windowSide);
  if (!finer) return undefined;
  // A page turned after this detection is detected again whole (no window): capped on the whole raster.
  return { settings: { ...finer, paper: window }, turned: finerDetection(regions, longSide, settings) ?? settings };
}
