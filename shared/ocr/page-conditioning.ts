import { luminance } from './pixel-levels.js';
import { valueAtPixel, type CellGrid } from './grid-sampling.js';
import type { Raster } from './raster.js';

/**
 * Page conditioning before detection: what phone photos, office copiers and rubber stamps do to a page, undone as far
 * as one pass over the pixels can, and only where the page shows the problem (a clean scan comes back unchanged, the
 * same object, at the cost of one measuring pass).
 *
 * - **Coloured ink over text** (red seals across issuer and date lines, blue stamps, coloured signatures): on the
 *   tiles where strongly coloured ink and dark neutral ink (print) meet, coloured pixels are replaced by their
 *   brightest channel as grey — red ink turns near white while black print under it stays black (a multiply-blended
 *   seal over black text is still black in every channel). Tiles of coloured ink alone (a red title, a seal on an
 *   empty margin) are kept: they may be text. Print is told from paper by a fixed dark level (a scan's black) or
 *   against the tile's own white-balanced paper: on a phone photo small type is blurred to mid grey under warm, cold
 *   or uneven light, and the seal over it was otherwise never found (`printUnderColour`).
 * - **Uneven light** (shadows across a photo, the dark band of a booklet's binding, a scanner lid left open): the
 *   paper's brightness is estimated per tile (a high percentile of luminance) and, when it varies across the page,
 *   every pixel is divided by it, so the paper comes out white everywhere.
 * - **Faint copies**: when the darkest ink is still light grey, levels are stretched so that ink becomes dark.
 * - **Light overprint** on evenly lit pages (tiled diagonal site watermarks such as `仅限办理职业技能补贴使用`, grey stamped text across
 *   fields): measured against the paper, the page's neutral ink shows a second mode clearly lighter than its print and
 *   spread over many tiles, with a trough between them. Everything at least as light as that mode is lifted to paper
 *   white (a short ramp below it), while print stays: black print under the watermark is still black, and the faint
 *   print of a faint copy lies in the trough or below it. The detector otherwise finds the watermark's lines and loses
 *   the value lines they cross. On a photo (uneven light) the mode is looked for after the light is flattened, and
 *   must be a peak with a dip before the paper: there the paper's blur and a shadow's edge rise steadily to the paper.
 */

/** Side of the tiles on which coloured ink and print are counted (px of the raster). */
const INK_TILE = 16;
/** Side of the tiles whose paper brightness is estimated for uneven light (px of the raster). */
const LIGHT_TILE = 64;
/** max − min channel at or above which a pixel is coloured ink. */
const COLOURED_CHROMA = 60;
/** A pixel is dark neutral ink (print) when its brightest channel is under this and it is nearly grey. */
const DARK_PRINT = 110;
const NEUTRAL_CHROMA = 40;
/** The page is measured on every `SAMPLE_STEP`-th pixel of every `SAMPLE_STEP`-th row (strokes are wider than that). */
const SAMPLE_STEP = 2;
/** Sampled pixels of each kind a 16 × 16 tile needs before coloured ink counts as lying over print (of 64). */
const TILE_MIN_PIXELS = 2;
/** Print under coloured ink: a tile's paper colour is the mean of its pixels at least this share of the paper's brightness. */
const PAPER_BAND = 0.92;
/** Print under coloured ink: its colour (max − min channel, white-balanced) is at most this share of its darkness. */
const PRINT_TINT = 0.18;
/** Print under coloured ink, against the paper: darker than this share of the tile's paper (white-balanced). */
const PRINT_UNDER_PAPER = 0.8;
/** Paper brightness: this share of a light tile's pixels is darker. */
const PAPER_PERCENTILE = 0.9;
/** The page's light is uneven when its dimmest paper (5th percentile of tiles) is under this share of its brightest. */
const UNEVEN_LIGHT = 0.8;
/** Gains beyond this would only amplify noise (a binding's shadow that is nearly black). */
const MAX_GAIN = 4;
/** Ink is faint when the page's darkest 0.5 % of pixels are still this light. */
const FAINT_INK = 96;
const INK_PERCENTILE = 0.005;
/** Where faint ink is stretched to. */
const STRETCHED_INK = 24;
/**
 * Light overprint, in units of the paper (256 = paper): the mode is looked for as the fullest `LIGHT_WINDOW`-wide
 * window starting between `LIGHT_FROM` and `LIGHT_TO`; it must hold `LIGHT_MIN_SHARE` of the page's neutral pixels,
 * `LIGHT_OVER_TROUGH` times what the same width holds between print and the mode (`TROUGH_FROM`–`TROUGH_TO`, a faint
 * copy's print lies there), and reach `LIGHT_TILE_SHARE` of a tile's pixels on `LIGHT_SPREAD` of the page's tiles; the
 * page must also have print darker than `PRINT_BELOW` (`PRINT_MIN_SHARE`).
 */
const LIGHT_WINDOW = 16;
const LIGHT_FROM = 192;
const LIGHT_TO = 224;
const LIGHT_MIN_SHARE = 0.01;
const LIGHT_OVER_TROUGH = 4;
const TROUGH_FROM = 150;
const TROUGH_TO = 190;
const LIGHT_TILE_SHARE = 0.02;
const LIGHT_SPREAD = 0.25;
const PRINT_BELOW = 120;
const PRINT_MIN_SHARE = 0.001;
/** Lifted: from this far below the mode's lighter side (the ramp's foot) … */
const LIFT_RAMP = 28;
/** … to white from this far below the mode's start (paper units). */
const LIFT_MARGIN = 4;
/** Paper level of a flattened page (every pixel divided by its paper brightness). */
const FLATTENED_PAPER = 255;
/**
 * On a flattened page the mode must start at or under `FLATTENED_LIGHT_TO` (above it lies the paper's own shoulder),
 * hold `FLATTENED_OVER_TROUGH` times the trough, and the 8 levels just above it at most `FLATTENED_DIP` of its fuller
 * 8-level half (a peak, not the rising shoulder of the paper).
 */
const FLATTENED_LIGHT_TO = 216;
const FLATTENED_OVER_TROUGH = 3;
const FLATTENED_DIP = 0.75;
/**
 * …and hold at least this share of the page's neutral pixels (twice a scan's `LIGHT_MIN_SHARE`). A photo's blur spreads
 * every stroke's edge into the light band, 5–15 ‰ a window; on a desk photo the desk's tiles kept such a bump under
 * `LIGHT_SPREAD`, but a page straightened out of the photo (`shared/images/page-quad.ts`) is paper to its edges and
 * the bump reached the spread (an ID card's print, 13 ‰, lifted to white). A tiled watermark holds 45–55 ‰.
 */
const FLATTENED_MIN_SHARE = 0.02;
/** The light band's 8-level bins counted per light tile, from `LIGHT_FROM` (a window spans two). */
const OVERPRINT_BINS = 8;

export interface PageConditions {
  /** Tiles (of `INK_TILE` px, row-major, `tilesAcross` wide) where coloured ink lies over print and is suppressed. */
  suppressedTiles: Uint8Array;
  tilesAcross: number;
  tilesDown: number;
  /** How many tiles are suppressed. */
  suppressedTileCount: number;
  /**
   * Sampled coloured pixels (every other pixel of every other row, chroma at least `COLOURED_CHROMA`) per ink tile, the
   * same tiles: where a seal's ring may be looked for (`sealRingsOnPage`), over print or not.
   */
  colouredTiles: Uint16Array;
  /** The side of those tiles (px). */
  inkTile: number;
  /** Paper brightness was uneven and has been flattened. */
  unevenLight: boolean;
  /** The darkest ink was faint and levels were stretched. */
  faintInk: boolean;
  /** Light neutral overprint (a watermark, grey stamped text) was found and lifted to paper white. */
  lightOverprint: boolean;
}

export interface ConditionOptions {
  /**
   * Where coloured ink is suppressed: `over-print` (default) only on tiles where it meets dark print; `page` wherever
   * it is (red titles too: measured against `over-print` in ADR 0001); `off` never.
   */
  colourSuppression?: 'over-print' | 'page' | 'off';
  /** Whether a watermark is looked for on a photo's flattened page (default true; false is the earlier engine). */
  photoOverprint?: boolean;
  /**
   * Whether print under coloured ink is also told against the paper around it (default true: a photo's blurred grey
   * print; see `printUnderColour`); false counts only print darker than a fixed level, the earlier engine.
   */
  printAgainstPaper?: boolean;
}

export interface ConditionedPage {
  /** The conditioned raster (the very same object as the input when nothing needed doing). */
  raster: Raster;
  conditions: PageConditions;
  /** Whether `raster` differs from the input at all. */
  changed: boolean;
}

/**
 * Measures the page and returns it conditioned (see the module comment). One pass to measure, one more to write the
 * new raster only when something needs doing.
 *
 * @example
 * const { raster, conditions } = conditionPage(decoded);
 * if (conditions.suppressedTileCount > 0) …; // a seal lay over text
 */
export function conditionPage(input: Raster, options: ConditionOptions = {}): ConditionedPage {
  const colourSuppression = options.colourSuppression ?? 'over-print';
  const { data, width, height } = input;
  const tilesAcross = Math.ceil(width / INK_TILE);
  const tilesDown = Math.ceil(height / INK_TILE);
  const lightAcross = Math.ceil(width / LIGHT_TILE);
  const lightDown = Math.ceil(height / LIGHT_TILE);
  // Each pass over the pixels is a function of its own: V8 then optimises each hot loop with the type feedback of that
  // loop alone, rather than optimising the whole page function mid-loop and throwing it away at the next loop (which
  // cost a process's first pages 2–4 times the steady cost of conditioning).
  const { coloured, lightHistograms, pageHistogram } = measurePage(input, tilesAcross, lightAcross, lightDown);
  const paper = paperLevels(lightHistograms, lightAcross * lightDown);
  const paperGrid = { values: paper, across: lightAcross, down: lightDown, cellWidth: LIGHT_TILE, cellHeight: LIGHT_TILE };
  const dark = printUnderColour(input, coloured, tilesAcross, paperGrid, options.printAgainstPaper !== false);
  const { suppressedTiles, suppressedTileCount } = suppressedTilesOf(coloured, dark, tilesAcross, tilesDown, colourSuppression);
  const sortedPaper = [...paper].sort((a, b) => a - b);
  const dimPaper = sortedPaper[Math.floor(sortedPaper.length * 0.05)] ?? 255;
  const brightPaper = sortedPaper[Math.floor(sortedPaper.length * 0.95)] ?? 255;
  const unevenLight = brightPaper > 0 && dimPaper < brightPaper * UNEVEN_LIGHT;

  // The darkest ink (after flattening the light, ink sits relative to the paper, so look at the raw page only when
  // the light is even).
  const inkLevel = darkestInk(pageHistogram, Math.ceil(width / SAMPLE_STEP) * Math.ceil(height / SAMPLE_STEP));
  const faintInk = !unevenLight && inkLevel >= FAINT_INK && inkLevel < brightPaper - 40;

  // Light overprint on the page as stored, on evenly lit pages only: on a photo the paper's soft light fills the same
  // levels (procedural-v1's phone photos: 6 of 9 without a watermark looked watermarked). A photo is measured again
  // once flattened (below).
  const mode = unevenLight ? undefined : lightOverprintMode(input, lightAcross, brightPaper);
  const lightOverprint = mode !== undefined;
  const liftWhite = lightOverprint ? ((mode - LIFT_MARGIN) * brightPaper) / 256 : 256;
  const liftFoot = liftWhite - (LIFT_RAMP * brightPaper) / 256;

  const conditions: PageConditions = {
    suppressedTiles,
    tilesAcross,
    tilesDown,
    suppressedTileCount,
    colouredTiles: coloured,
    inkTile: INK_TILE,
    unevenLight,
    faintInk,
    lightOverprint,
  };
  if (suppressedTileCount === 0 && !unevenLight && !faintInk && !lightOverprint) return { raster: input, conditions, changed: false };

  // Levels: faint ink stretched between the ink level and the paper; otherwise identity.
  const levels = new Uint8Array(256);
  for (let v = 0; v < 256; v++) {
    if (!faintInk) levels[v] = v;
    else {
      const stretched = STRETCHED_INK + ((v - inkLevel) * (255 - STRETCHED_INK)) / Math.max(1, brightPaper - inkLevel);
      levels[v] = Math.max(0, Math.min(255, Math.round(stretched)));
    }
  }
  // Gain per 16-px ink tile from the paper grid (bilinear between tile centres).
  const gainAt = (x: number, y: number): number => (unevenLight ? Math.min(MAX_GAIN, 255 / Math.max(1, valueAtPixel(paperGrid, x, y))) : 1);

  const out = new Uint8Array(data.length);
  // Only suppressed tiles change when the light is even and the ink dark: copy the page, then rewrite those tiles.
  const tilesOnly = !unevenLight && !faintInk && !lightOverprint;
  if (tilesOnly) out.set(data);
  const lift = lightOverprint ? { foot: liftFoot, white: liftWhite } : undefined;
  // Flattened light or stretched faint ink with nothing lifted: outside suppressed ink each channel is mapped on its own
  // (times the tile's gain, then through the levels) in a pass over whole rows, the same bytes as `conditionTile` wrote
  // there (conditioning a shadowed 2,240 × 1,440 photo: 48 → 35 CPU ms).
  const channelWise = !tilesOnly && !lift;
  if (channelWise)
    mapChannels(input, out, suppressedTiles, tilesAcross, tilesDown, (tx, ty) => gainAt(tx * INK_TILE + INK_TILE / 2, ty * INK_TILE + INK_TILE / 2), levels);
  for (let ty = 0; ty < tilesDown; ty++) {
    const yEnd = Math.min(height, (ty + 1) * INK_TILE);
    for (let tx = 0; tx < tilesAcross; tx++) {
      const t = ty * tilesAcross + tx;
      const suppress = suppressedTiles[t] === 1;
      if ((tilesOnly || channelWise) && !suppress) continue;
      const xEnd = Math.min(width, (tx + 1) * INK_TILE);
      const gain = gainAt(tx * INK_TILE + INK_TILE / 2, ty * INK_TILE + INK_TILE / 2);
      conditionTile(input, out, tx * INK_TILE, xEnd, ty * INK_TILE, yEnd, suppress, gain, lift, levels);
    }
  }
  if (unevenLight && options.photoOverprint !== false) {
    // A photo's watermark, judged on the flattened page (paper now white everywhere): the same second mode as on a
    // scan, measured again on the new pixels, then lifted in place.
    const flattened = { data: out, width, height };
    const photoMode = lightOverprintMode(flattened, lightAcross, FLATTENED_PAPER, true);
    if (photoMode !== undefined) {
      liftLightOverprint(out, photoMode, FLATTENED_PAPER);
      conditions.lightOverprint = true;
    }
  }
  return { raster: { data: out, width, height }, conditions, changed: true };
}

/** The measuring pass: coloured ink per ink tile, luminance per light tile (32 bins) and for the page. */
function measurePage(
  input: Raster,
  tilesAcross: number,
  lightAcross: number,
  lightDown: number,
): { coloured: Uint16Array; lightHistograms: Uint32Array; pageHistogram: Uint32Array } {
  const { data, width, height } = input;
  const coloured = new Uint16Array(tilesAcross * Math.ceil(height / INK_TILE));
  const lightHistograms = new Uint32Array(lightAcross * lightDown * 32);
  const pageHistogram = new Uint32Array(256);
  for (let y = 0; y < height; y += SAMPLE_STEP) {
    measureRow(data, y, width, ((y / INK_TILE) | 0) * tilesAcross, ((y / LIGHT_TILE) | 0) * lightAcross, coloured, lightHistograms, pageHistogram);
  }
  return { coloured, lightHistograms, pageHistogram };
}

/** One sampled row of the measuring pass (a function of its own, so that V8 optimises it whole). */
function measureRow(
  data: Uint8Array,
  y: number,
  width: number,
  inkRow: number,
  lightRow: number,
  coloured: Uint16Array,
  lightHistograms: Uint32Array,
  pageHistogram: Uint32Array,
): void {
  let p = y * width * 3;
  for (let x = 0; x < width; x += SAMPLE_STEP, p += 3 * SAMPLE_STEP) {
    const r = data[p];
    const g = data[p + 1];
    const b = data[p + 2];
    const max = r > g ? (r > b ? r : b) : g > b ? g : b;
    const min = r < g ? (r < b ? r : b) : g < b ? g : b;
    const chroma = max - min;
    if (chroma >= COLOURED_CHROMA) coloured[inkRow + ((x / INK_TILE) | 0)]++;
    const l = luminance(r, g, b);
    pageHistogram[l]++;
    lightHistograms[(lightRow + ((x / LIGHT_TILE) | 0)) * 32 + (l >> 3)]++;
  }
}

/**
 * Print in and beside coloured ink, per ink tile: only tiles holding coloured ink are looked at (a page without any
 * costs nothing here). A pixel is print when it is grey and darker than `DARK_PRINT` (a scan's black print), or, with
 * `againstPaper`, when it is darker than `PRINT_UNDER_PAPER` of the tile's own paper and, white-balanced on that
 * paper, tinted by no more than `PRINT_TINT` of its darkness: on a phone photo the print of small type is blurred to
 * mid grey (120–190 on paper at 200–226), and warm or cold light tints paper and print alike, while the soft edge of
 * coloured ink is as tinted as the ink.
 */
function printUnderColour(input: Raster, coloured: Uint16Array, tilesAcross: number, paperGrid: CellGrid, againstPaper: boolean): Uint16Array {
  const dark = new Uint16Array(coloured.length);
  for (let t = 0; t < coloured.length; t++) {
    if (coloured[t] < TILE_MIN_PIXELS) continue;
    const x0 = (t % tilesAcross) * INK_TILE;
    const y0 = ((t / tilesAcross) | 0) * INK_TILE;
    const paper = againstPaper ? valueAtPixel(paperGrid, x0 + INK_TILE / 2, y0 + INK_TILE / 2) : 0;
    dark[t] = printInTile(input, x0, y0, paper);
  }
  return dark;
}

/**
 * Sampled print pixels of the ink tile at `x0`, `y0` (see `printUnderColour`); `paperLevel` 0 counts by the fixed
 * level only.
 */
function printInTile(input: Raster, x0: number, y0: number, paperLevel: number): number {
  const { data, width, height } = input;
  const x1 = Math.min(width, x0 + INK_TILE);
  const y1 = Math.min(height, y0 + INK_TILE);
  // White balance: the paper's colour is the mean of the tile's pixels near the paper's brightness (grey when none).
  let pr = 0;
  let pg = 0;
  let pb = 0;
  let papers = 0;
  if (paperLevel > 0) {
    for (let y = y0; y < y1; y += SAMPLE_STEP) {
      let p = (y * width + x0) * 3;
      for (let x = x0; x < x1; x += SAMPLE_STEP, p += 3 * SAMPLE_STEP) {
        if (luminance(data[p], data[p + 1], data[p + 2]) < paperLevel * PAPER_BAND) continue;
        pr += data[p];
        pg += data[p + 1];
        pb += data[p + 2];
        papers++;
      }
    }
  }
  const grey = 255 / Math.max(1, paperLevel);
  const kr = papers > 0 ? (255 * papers) / Math.max(1, pr) : grey;
  const kg = papers > 0 ? (255 * papers) / Math.max(1, pg) : grey;
  const kb = papers > 0 ? (255 * papers) / Math.max(1, pb) : grey;
  const below = paperLevel > 0 ? PRINT_UNDER_PAPER * 255 : -1;
  let n = 0;
  for (let y = y0; y < y1; y += SAMPLE_STEP) {
    let p = (y * width + x0) * 3;
    for (let x = x0; x < x1; x += SAMPLE_STEP, p += 3 * SAMPLE_STEP) {
      const r = data[p];
      const g = data[p + 1];
      const b = data[p + 2];
      const max = r > g ? (r > b ? r : b) : g > b ? g : b;
      const min = r < g ? (r < b ? r : b) : g < b ? g : b;
      if (max - min < NEUTRAL_CHROMA && max < DARK_PRINT) {
        n++;
        continue;
      }
      if (below < 0) continue;
      const wr = r * kr;
      const wg = g * kg;
      const wb = b * kb;
      const l = (wr * 77 + wg * 150 + wb * 29) / 256;
      if (l >= below) continue;
      const wmax = wr > wg ? (wr > wb ? wr : wb) : wg > wb ? wg : wb;
      const wmin = wr < wg ? (wr < wb ? wr : wb) : wg < wb ? wg : wb;
      if (wmax - wmin <= PRINT_TINT * (255 - l)) n++;
    }
  }
  return n;
}

/** Coloured ink over print: the tiles holding both, and their coloured neighbours (a seal's stroke just past a line). */
function suppressedTilesOf(
  coloured: Uint16Array,
  dark: Uint16Array,
  tilesAcross: number,
  tilesDown: number,
  colourSuppression: NonNullable<ConditionOptions['colourSuppression']>,
): { suppressedTiles: Uint8Array; suppressedTileCount: number } {
  const both = new Uint8Array(tilesAcross * tilesDown);
  for (let t = 0; t < both.length; t++) both[t] = coloured[t] >= TILE_MIN_PIXELS && dark[t] >= TILE_MIN_PIXELS ? 1 : 0;
  const suppressedTiles = new Uint8Array(tilesAcross * tilesDown);
  let suppressedTileCount = 0;
  for (let ty = 0; ty < tilesDown; ty++) {
    for (let tx = 0; tx < tilesAcross; tx++) {
      const t = ty * tilesAcross + tx;
      if (coloured[t] < TILE_MIN_PIXELS || colourSuppression === 'off') continue;
      let near = colourSuppression === 'page';
      for (let dy = -1; dy <= 1 && !near; dy++) {
        for (let dx = -1; dx <= 1 && !near; dx++) {
          const nx = tx + dx;
          const ny = ty + dy;
          if (nx >= 0 && ny >= 0 && nx < tilesAcross && ny < tilesDown && both[ny * tilesAcross + nx]) near = true;
        }
      }
      if (near) {
        suppressedTiles[t] = 1;
        suppressedTileCount++;
      }
    }
  }
  return { suppressedTiles, suppressedTileCount };
}

/** Paper brightness per light tile: the `PAPER_PERCENTILE` level of its 32-bin histogram. */
function paperLevels(lightHistograms: Uint32Array, tiles: number): Float32Array {
  const paper = new Float32Array(tiles);
  for (let t = 0; t < paper.length; t++) {
    let total = 0;
    for (let k = 0; k < 32; k++) total += lightHistograms[t * 32 + k];
    let seen = 0;
    let level = 255;
    for (let k = 0; k < 32; k++) {
      seen += lightHistograms[t * 32 + k];
      if (seen >= total * PAPER_PERCENTILE) {
        level = k * 8 + 4;
        break;
      }
    }
    paper[t] = level;
  }
  return paper;
}

/** The level under which `INK_PERCENTILE` of the page's `total` sampled pixels lie. */
function darkestInk(pageHistogram: Uint32Array, total: number): number {
  let seen = 0;
  for (let v = 0; v < 256; v++) {
    seen += pageHistogram[v];
    if (seen >= total * INK_PERCENTILE) return v;
  }
  return 0;
}

/** Writes one ink tile (`x0`–`x1` × `y0`–`y1`) of the conditioned page (see the module comment). */
function conditionTile(
  input: Raster,
  out: Uint8Array,
  x0: number,
  x1: number,
  y0: number,
  y1: number,
  suppress: boolean,
  gain: number,
  lift: { foot: number; white: number } | undefined,
  levels: Uint8Array,
): void {
  const { data, width } = input;
  for (let y = y0; y < y1; y++) {
    let p = (y * width + x0) * 3;
    for (let x = x0; x < x1; x++, p += 3) {
      let r = data[p];
      let g = data[p + 1];
      let b = data[p + 2];
      if (suppress) {
        const max = r > g ? (r > b ? r : b) : g > b ? g : b;
        const min = r < g ? (r < b ? r : b) : g < b ? g : b;
        // Coloured ink, and the anti-aliased edge where it fades into paper, become grey at their brightest
        // channel: a red stroke goes nearly white, black print under it stays black.
        if (max - min >= COLOURED_CHROMA / 2) r = g = b = max;
      }
      if (gain !== 1) {
        r = r * gain;
        g = g * gain;
        b = b * gain;
      }
      if (lift) {
        // Light neutral ink goes to white (its whole pixel, so a tinted watermark does too); print is far darker.
        const l = (r * 77 + g * 150 + b * 29) / 256;
        if (l > lift.foot) {
          const max = r > g ? (r > b ? r : b) : g > b ? g : b;
          const min = r < g ? (r < b ? r : b) : g < b ? g : b;
          if (max - min < COLOURED_CHROMA) {
            const w = l >= lift.white ? 1 : (l - lift.foot) / (lift.white - lift.foot);
            r += (255 - r) * w;
            g += (255 - g) * w;
            b += (255 - b) * w;
          }
        }
      }
      out[p] = levels[r > 255 ? 255 : r | 0];
      out[p + 1] = levels[g > 255 ? 255 : g | 0];
      out[p + 2] = levels[b > 255 ? 255 : b | 0];
    }
  }
}

/**
 * The tiles without suppressed ink of a page conditioned without a lift: each channel times its tile's gain (`gainOf`),
 * truncated, at most 255, through `levels` (what `conditionTile` writes there), row by row.
 */
function mapChannels(
  input: Raster,
  out: Uint8Array,
  suppressedTiles: Uint8Array,
  tilesAcross: number,
  tilesDown: number,
  gainOf: (tx: number, ty: number) => number,
  levels: Uint8Array,
): void {
  const { data, width, height } = input;
  const gains = new Float64Array(tilesAcross);
  for (let ty = 0; ty < tilesDown; ty++) {
    for (let tx = 0; tx < tilesAcross; tx++) gains[tx] = gainOf(tx, ty);
    const yEnd = Math.min(height, (ty + 1) * INK_TILE);
    for (let y = ty * INK_TILE; y < yEnd; y++) mapRow(data, out, y * width * 3, width, suppressedTiles, ty * tilesAcross, gains, levels);
  }
}

/** One row of `mapChannels` (a function of its own, so that V8 optimises it whole). */
function mapRow(
  data: Uint8Array,
  out: Uint8Array,
  rowStart: number,
  width: number,
  suppressedTiles: Uint8Array,
  tileRow: number,
  gains: Float64Array,
  levels: Uint8Array,
): void {
  const tiles = gains.length;
  for (let tx = 0; tx < tiles; tx++) {
    if (suppressedTiles[tileRow + tx] === 1) continue;
    const gain = gains[tx];
    const from = rowStart + tx * INK_TILE * 3;
    const to = rowStart + Math.min(width, (tx + 1) * INK_TILE) * 3;
    for (let p = from; p < to; p++) {
      const v = data[p] * gain;
      out[p] = levels[v > 255 ? 255 : v | 0];
    }
  }
}

/**
 * Lifts light neutral ink at or above `mode` (paper units) to white in place, with the same ramp as on an evenly lit
 * page.
 */
function liftLightOverprint(data: Uint8Array, mode: number, paperLevel: number): void {
  const white = ((mode - LIFT_MARGIN) * paperLevel) / 256;
  const foot = white - (LIFT_RAMP * paperLevel) / 256;
  for (let p = 0; p < data.length; p += 3) {
    const r = data[p];
    const g = data[p + 1];
    const b = data[p + 2];
    const l = (r * 77 + g * 150 + b * 29) / 256;
    if (l <= foot) continue;
    const max = r > g ? (r > b ? r : b) : g > b ? g : b;
    const min = r < g ? (r < b ? r : b) : g < b ? g : b;
    if (max - min >= COLOURED_CHROMA) continue;
    const w = l >= white ? 1 : (l - foot) / (white - foot);
    data[p] = Math.round(r + (255 - r) * w);
    data[p + 1] = Math.round(g + (255 - g) * w);
    data[p + 2] = Math.round(b + (255 - b) * w);
  }
}

/**
 * The start (paper units, 256 = paper) of an evenly lit page's light-overprint mode, or undefined when the page shows
 * none (see the module comment). `paperLevel` is the page's paper brightness.
 *
 * @example
 * lightOverprintMode(raster, Math.ceil(raster.width / LIGHT_TILE), 252); // 216: a watermark at 216–232 of 256
 */
function lightOverprintMode(input: Raster, lightAcross: number, paperLevel: number, flattened = false): number | undefined {
  const { data, width, height } = input;
  const tiles = lightAcross * Math.ceil(height / LIGHT_TILE);
  const histogram = new Uint32Array(512);
  // Per light tile: sampled pixels, and the light band counted in 8-level bins from LIGHT_FROM (a window spans two).
  const bins = OVERPRINT_BINS;
  const tilePixels = new Uint32Array(tiles);
  const tileBins = new Uint32Array(tiles * bins);
  let neutral = 0;
  // Each luminance's level in paper units, as `overprintRow` computed it per pixel (a division each).
  const paperUnits = new Uint16Array(256);
  for (let l = 0; l < 256; l++) paperUnits[l] = ((l * 256) / Math.max(1, paperLevel)) | 0;
  for (let y = 0; y < height; y += SAMPLE_STEP) {
    neutral += overprintRow(data, y, width, ((y / LIGHT_TILE) | 0) * lightAcross, paperUnits, histogram, tilePixels, tileBins);
  }
  if (neutral === 0) return undefined;
  const sum = (from: number, to: number) => {
    let total = 0;
    for (let v = from; v < to; v++) total += histogram[v];
    return total;
  };
  if (sum(0, PRINT_BELOW) < neutral * PRINT_MIN_SHARE) return undefined;
  let start = LIGHT_FROM;
  let best = -1;
  const lastStart = flattened ? FLATTENED_LIGHT_TO : LIGHT_TO;
  for (let a = LIGHT_FROM; a <= lastStart; a += 8) {
    const inWindow = sum(a, a + LIGHT_WINDOW);
    if (inWindow > best) {
      best = inWindow;
      start = a;
    }
  }
  const trough = (sum(TROUGH_FROM, TROUGH_TO) * LIGHT_WINDOW) / (TROUGH_TO - TROUGH_FROM);
  const first = (start - LIGHT_FROM) >> 3;
  let spread = 0;
  for (let t = 0; t < tiles; t++) {
    let inWindow = 0;
    for (let k = first; k < first + LIGHT_WINDOW / 8; k++) inWindow += tileBins[t * bins + k];
    if (inWindow >= tilePixels[t] * LIGHT_TILE_SHARE) spread++;
  }
  if (best < neutral * (flattened ? FLATTENED_MIN_SHARE : LIGHT_MIN_SHARE) || best < trough * (flattened ? FLATTENED_OVER_TROUGH : LIGHT_OVER_TROUGH))
    return undefined;
  // On a flattened photo the paper's blur and what is left of a shadow's edge rise steadily towards the paper; a
  // watermark is a peak: the levels just above it hold clearly fewer pixels than its fuller half.
  if (flattened && sum(start + LIGHT_WINDOW, start + LIGHT_WINDOW + 8) > FLATTENED_DIP * Math.max(sum(start, start + 8), sum(start + 8, start + 16)))
    return undefined;
  return spread >= tiles * LIGHT_SPREAD ? start : undefined;
}

/**
 * One sampled row for `lightOverprintMode`: neutral pixels into the page histogram (paper units) and the light band's
 * 8-level bins per light tile. Returns how many neutral pixels the row has.
 */
function overprintRow(
  data: Uint8Array,
  y: number,
  width: number,
  lightRow: number,
  paperUnits: Uint16Array,
  histogram: Uint32Array,
  tilePixels: Uint32Array,
  tileBins: Uint32Array,
): number {
  const bins = OVERPRINT_BINS;
  let neutral = 0;
  let p = y * width * 3;
  for (let x = 0; x < width; x += SAMPLE_STEP, p += 3 * SAMPLE_STEP) {
    const t = lightRow + ((x / LIGHT_TILE) | 0);
    tilePixels[t]++;
    const r = data[p];
    const g = data[p + 1];
    const b = data[p + 2];
    const max = r > g ? (r > b ? r : b) : g > b ? g : b;
    const min = r < g ? (r < b ? r : b) : g < b ? g : b;
    if (max - min >= COLOURED_CHROMA) continue;
    const level = paperUnits[luminance(r, g, b)];
    histogram[level > 511 ? 511 : level]++;
    neutral++;
    const bin = (level - LIGHT_FROM) >> 3;
    if (bin >= 0 && bin < bins) tileBins[t * bins + bin]++;
  }
  return neutral;
}

/**
 * Whether a rectangle (raster px) touches a suppressed tile: a line read there may differ from the page as printed.
 *
 * @example
 * touchesSuppressedInk(conditions, { x: 80, y: 400, width: 600, height: 40 });
 */
export function touchesSuppressedInk(conditions: PageConditions, box: { x: number; y: number; width: number; height: number }): boolean {
  if (conditions.suppressedTileCount === 0) return false;
  const x0 = Math.max(0, Math.floor(box.x / INK_TILE));
  const y0 = Math.max(0, Math.floor(box.y / INK_TILE));
  const x1 = Math.min(conditions.tilesAcross - 1, Math.floor((box.x + box.width) / INK_TILE));
  const y1 = Math.min(conditions.tilesDown - 1, Math.floor((box.y + box.height) / INK_TILE));
  for (let ty = y0; ty <= y1; ty++) {
    for (let tx = x0; tx <= x1; tx++) if (conditions.suppressedTiles[ty * conditions.tilesAcross + tx]) return true;
  }
  return false;
}

/** A rotated rectangle on the raster the conditions were measured on (a text region's geometry). */
export interface RotatedBox {
  cx: number;
  cy: number;
  width: number;
  height: number;
  /** Direction of reading, radians. */
  angle: number;
}

/**
 * The stretch of a line that suppressed tiles touch, as distances along the line from its centre (px, reading
 * direction; each tile counted out to its corners), or undefined when none does. A second reading of the line from the
 * page as stored need only cover this stretch: elsewhere the stored pixels are the ones already read.
 *
 * @example
 * suppressedStretch(conditions, { cx: 1300, cy: 1040, width: 900, height: 47, angle: 0 }); // { from: -60, to: 450 }
 */
export function suppressedStretch(conditions: PageConditions, box: RotatedBox): { from: number; to: number } | undefined {
  if (conditions.suppressedTileCount === 0) return undefined;
  const ux = Math.cos(box.angle);
  const uy = Math.sin(box.angle);
  const halfW = box.width / 2;
  const halfH = box.height / 2;
  // Half a tile's diagonal: a tile whose centre lies this close to the rectangle may overlap it.
  const reach = (INK_TILE / 2) * Math.SQRT2;
  const extentX = Math.abs(halfW * ux) + Math.abs(halfH * uy) + reach;
  const extentY = Math.abs(halfW * uy) + Math.abs(halfH * ux) + reach;
  const x0 = Math.max(0, Math.floor((box.cx - extentX) / INK_TILE));
  const y0 = Math.max(0, Math.floor((box.cy - extentY) / INK_TILE));
  const x1 = Math.min(conditions.tilesAcross - 1, Math.floor((box.cx + extentX) / INK_TILE));
  const y1 = Math.min(conditions.tilesDown - 1, Math.floor((box.cy + extentY) / INK_TILE));
  let from = Infinity;
  let to = -Infinity;
  for (let ty = y0; ty <= y1; ty++) {
    for (let tx = x0; tx <= x1; tx++) {
      if (!conditions.suppressedTiles[ty * conditions.tilesAcross + tx]) continue;
      const dx = tx * INK_TILE + INK_TILE / 2 - box.cx;
      const dy = ty * INK_TILE + INK_TILE / 2 - box.cy;
      const u = dx * ux + dy * uy;
      const v = -dx * uy + dy * ux;
      if (Math.abs(v) > halfH + reach || Math.abs(u) > halfW + reach) continue;
      if (u - reach < from) from = u - reach;
      if (u + reach > to) to = u + reach;
    }
  }
  return from === Infinity ? undefined : { from: Math.max(-halfW, from), to: Math.min(halfW, to) };
}
