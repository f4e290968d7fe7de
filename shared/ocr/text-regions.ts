import type * as ort from 'onnxruntime-node';
import { Tensor } from 'onnxruntime-node';
import { resizeRaster, type Raster } from './raster.js';

/**
 * A text region found by the detector: a rotated rectangle in pixels of the raster it was found on. `angle`
 * (radians, −π/2…π/2) is the direction of reading, so `width` runs along the text and `height` across it.
 */
export interface TextRegion {
  cx: number;
  cy: number;
  width: number;
  height: number;
  angle: number;
  /** Mean text probability inside the region (the detector's confidence). */
  score: number;
  /**
   * Set when the line bends (a curled page): where the line's middle runs, as offsets across the line (`across`, px,
   * positive = downwards in reading frame) at points along it (`along`, px from the region's centre, ascending).
   * `height` is then the height of the line itself, so a crop that follows this centre line straightens it.
   */
  centreLine?: CentreLine;
  /**
   * Set by `withGlyphsPastLineEnds` when it grew the region over a faint glyph at these ends (1: the end, −1: the
   * start): ink only a faint test sees, which the reading may or may not hold (see `withEndsUnconfirmed`).
   */
  faintEnds?: (1 | -1)[];
}

/** The middle of a bent line, relative to its region's centre and axes (see `TextRegion.centreLine`). */
export interface CentreLine {
  along: number[];
  across: number[];
}

/**
 * How far a bent line's middle lies from its region's centre line at `along` px from the region's centre (linear
 * between the measured points, held level past the ends).
 *
 * @example
 * acrossAt({ along: [-50, 0, 50], across: [6, 0, 6] }, 25); // 3
 */
export function acrossAt(line: CentreLine, along: number): number {
  const { along: us, across: vs } = line;
  if (along <= us[0]) return vs[0];
  const last = us.length - 1;
  if (along >= us[last]) return vs[last];
  let k = 1;
  while (us[k] < along) k++;
  const t = (along - us[k - 1]) / (us[k] - us[k - 1]);
  return vs[k - 1] + t * (vs[k] - vs[k - 1]);
}

export interface DetectionSettings {
  /** The longer side of the detector input, in pixels (PP-OCR's `det_limit_side_len`): the most the detector sees. */
  limitSide: number;
  /**
   * When set (e.g. PP-OCR's own 960), a larger page is detected first with this long side, and again at `limitSide`
   * only when that pass shows small print (`showsSmallPrint`). 0 (the default, or ≥ `limitSide`) = one pass at
   * `limitSide`. Off because it lost fields: on 22 scans and 22 photos of seen families (docs/ocr.md, "cost12") no
   * page showed small print at 960 px, so every page was read from the 960-px pass (≈ 0.55 of the detector's CPU),
   * and fields right fell 134 → 131 and 117 → 115 (0 confident-wrong): coarser boxes cut dates and codes
   * (`2008-07-25` → `2008-0`, `2012.08-2014.04` → `2012.082014.04`). A one-pass 1,120 px lost 2 scan fields.
   */
  firstPassSide: number;
  /**
   * When set, a page whose pass at `limitSide` measured small print (a tenth of its lines under
   * `SMALL_PRINT_SECOND_PASS_HEIGHT` px of the detector's input) is detected again at the scale that brings that tenth line to
   * `SMALL_PRINT_TARGET` px, with the input's long side at most this and the raster never enlarged (`smallPrintScale`).
   * Ordinary print never reaches a second pass. 0 (the default) = one pass. It pays only on pages kept larger than
   * 2,400 px (`imagePageRasters`' `longSide`): from a 2,400-px page of a document shot from afar the second pass found
   * nothing the first missed; from a 4,096-px page it gave 4 fields in 67 (docs/ocr.md, "small16").
   */
  smallPrintSide: number;
  /** Probability above which a pixel is text (`det_db_thresh`). */
  pixelThreshold: number;
  /** Mean probability below which a region is dropped (`det_db_box_thresh`). */
  boxThreshold: number;
  /** How far a region is grown beyond the shrunk text kernel the model predicts (`det_db_unclip_ratio`). */
  unclipRatio: number;
  /**
   * Pages whose longer side is under this are enlarged for the detector (at most `MAX_DETECTION_UPSCALE`×), so the
   * small print of a small image (a cropped ID card, a thumbnail-sized upload) is as large as the model expects.
   * 0 = never enlarge (PP-OCR's own behaviour).
   */
  minLongSide: number;
  /**
   * Lines that bend (a curled page) get a centre line and are read along it (see `TextRegion.centreLine`). Off = every
   * region is one rotated rectangle (the engine before issue 12's photo work; the bench's "before").
   */
  followBends: boolean;
  /**
   * Where the paper lies on a photo of it on a table, as shares of the page's width and height (see `paperWindow`,
   * found by the engine on the page as stored): the detector's input is then that window of the resized page, at the
   * same scale, on the 32-px grid. Unset = the whole input (every crop other steps detect again, every scan).
   */
  paper?: PixelBounds;
}

/** A small image is enlarged at most this much for the detector. */
export const MAX_DETECTION_UPSCALE = 3;

/** PP-OCR's own defaults, except a larger input side: certificate pages carry small print (ADR 0001). */
export const DEFAULT_DETECTION_SETTINGS: DetectionSettings = {
  limitSide: 1280,
  firstPassSide: 0,
  smallPrintSide: 0,
  pixelThreshold: 0.3,
  boxThreshold: 0.6,
  unclipRatio: 1.5,
  minLongSide: 960,
  followBends: true,
};

export interface DetectedRegions {
  regions: TextRegion[];
  /** Dominant reading direction of the page's elongated regions (radians); ±π/2 means the page lies on its side. */
  dominantAngle: number;
  /** How many regions are clearly lines (long side ≥ 2 × short side): the evidence behind `dominantAngle`. */
  lineCount: number;
  /**
   * Long lines that arch (their middle above the chord between their ends): the way a curled page's lines look on
   * the page turned upside down, or the text round the top of a seal. Such lines are not followed (see `bentMiddle`).
   */
  archedLines: number;
}

const DET_MEAN = [0.485, 0.456, 0.406];
const DET_STD = [0.229, 0.224, 0.225];
/**
 * The detector's input value of each 8-bit level, per channel (B, G, R as the model takes them): the same float the
 * per-pixel arithmetic gives, looked up (a page's 3 million divisions were ≈ 3 % of a sealed page's CPU).
 */
const DET_LEVELS = DET_MEAN.map((mean, c) => Float32Array.from({ length: 256 }, (_, level) => (level / 255 - mean) / DET_STD[c]));
const MIN_COMPONENT_PIXELS = 6;
const MIN_SIDE = 3;
const ELONGATION_FOR_LINE = 2;
/**
 * A line is followed along its bend (rather than cut as one rectangle) when its middle strays from a straight line by
 * more than this share of its own height, and the rectangle around it is at least `BENT_RECTANGLE` times as tall as
 * the line. Straight print (flat pages, skewed scans) stays far under both, so flat pages are read as before.
 */
const BEND_OF_HEIGHT = 0.25;
const BENT_RECTANGLE = 1.4;
/** A line must be this many of its own heights long before its bend is measured (a short label bends too little). */
const BEND_MIN_LENGTH = 4;

/**
 * Runs the PP-OCRv4 detector on a raster and turns its probability map into rotated text regions (in the raster's
 * pixels). Regions are found as connected components of the thresholded map; each gets the rectangle of its
 * principal axes, which follows text skewed by a few degrees, and is grown by PP-OCR's unclip distance.
 *
 * @example
 * const { regions, dominantAngle } = await detectTextRegions(models.detection, raster);
 */
export async function detectTextRegions(
  session: ort.InferenceSession,
  raster: Raster,
  settings: DetectionSettings = DEFAULT_DETECTION_SETTINGS,
): Promise<DetectedRegions> {
  const long = Math.max(raster.width, raster.height);
  const enlarged = settings.minLongSide > 0 && long < settings.minLongSide;
  if (!enlarged && settings.firstPassSide > 0 && settings.firstPassSide < Math.min(long, settings.limitSide)) {
    const first = await detectAtScale(session, raster, settings.firstPassSide / long, settings);
    if (!showsSmallPrint(first.inputHeights)) return first.detected;
  }
  const scale = enlarged ? Math.min(MAX_DETECTION_UPSCALE, settings.minLongSide / long) : Math.min(1, settings.limitSide / long);
  const pass = await detectAtScale(session, raster, scale, settings);
  const finer = smallPrintScale(pass.inputHeights, scale, long, settings.smallPrintSide);
  return finer === undefined ? pass.detected : (await detectAtScale(session, raster, finer, settings)).detected;
}

/**
 * A page's pass at `limitSide` measured small print when the tenth shortest of its lines (regions at least twice as
 * long as tall) is under this height (px of the detector's input). On the 48 scans and photos of seen families of
 * small16's dev sample (small and large captures among them) the tenth shortest line box was 16.7–31.2 px; on the same
 * documents shot from afar (the page 40 % of a 6,000-px photo) 9.6–14.9 px (docs/ocr.md, "small16").
 */
export const SMALL_PRINT_SECOND_PASS_HEIGHT = 15;
/** The height (px of the detector's input) a second pass for small print brings the page's tenth shortest line to. */
export const SMALL_PRINT_TARGET = 20;
/** A second pass for small print is only worth its CPU when it enlarges the input by at least this much. */
const SMALL_PRINT_MIN_GAIN = 1.25;

/**
 * The scale (of the raster) to detect a page at again when a pass at `scale` measured small print, or undefined when
 * that pass is the right one: its print is ordinary (the tenth shortest line at least `SMALL_PRINT_SECOND_PASS_HEIGHT`
 * px), it found under `SMALL_PRINT_MIN_LINES` lines (a blank page is no evidence), the raster is already read at about
 * its own size, or `maxSide` (0 = never) leaves too little room. The tenth shortest line is brought to
 * `SMALL_PRINT_TARGET` px, the input's long side kept within `maxSide` and the raster never enlarged: a document that
 * is small print in a large photo (a card or certificate shot from afar) is found in the pixels it has.
 *
 * @example
 * smallPrintScale([10, 10, 11, 12, 13, 14, 15, 16, 17, 18], 0.3125, 4096, 2560); // 0.625: the 10-px lines come to 20 px
 * smallPrintScale([18, 19, 20, 21], 0.5333, 2400, 2560); // undefined: ordinary print
 */
export function smallPrintScale(lineHeights: readonly number[], scale: number, rasterLongSide: number, maxSide: number): number | undefined {
  if (maxSide <= 0 || lineHeights.length < SMALL_PRINT_MIN_LINES) return undefined;
  const sorted = [...lineHeights].sort((a, b) => a - b);
  const tenth = Math.max(1, sorted[Math.floor(0.1 * (sorted.length - 1))]);
  if (tenth >= SMALL_PRINT_SECOND_PASS_HEIGHT) return undefined;
  const finer = Math.min((scale * SMALL_PRINT_TARGET) / tenth, 1, maxSide / rasterLongSide);
  return finer >= scale * SMALL_PRINT_MIN_GAIN ? finer : undefined;
}

/** Below this many lines a first pass is no evidence of the page's print (a blank page, or print too small to find). */
const SMALL_PRINT_MIN_LINES = 3;
/**
 * A first pass shows small print when a tenth of its lines are under this height (px of the detector's input). On 44
 * scans and photos of seen families the tenth shortest line was 13.5–20.7 px at 960 px (docs/ocr.md, "cost12").
 */
export const SMALL_PRINT_HEIGHT = 12;

/**
 * Whether a detection pass leaves the page's print in doubt: fewer than `SMALL_PRINT_MIN_LINES` lines found, or the
 * tenth shortest line (of regions at least twice as long as tall) under `SMALL_PRINT_HEIGHT` px of the input.
 *
 * @example
 * showsSmallPrint([18, 19, 20, 21]); // false
 * showsSmallPrint([9, 10, 18, 19, 20]); // true
 */
export function showsSmallPrint(lineHeights: readonly number[]): boolean {
  if (lineHeights.length < SMALL_PRINT_MIN_LINES) return true;
  const sorted = [...lineHeights].sort((a, b) => a - b);
  return sorted[Math.floor(0.1 * (sorted.length - 1))] < SMALL_PRINT_HEIGHT;
}

/** One detector pass with the raster scaled by `scale`; also the heights (px of the input) of its line regions. */
async function detectAtScale(
  session: ort.InferenceSession,
  raster: Raster,
  scale: number,
  settings: DetectionSettings,
): Promise<{ detected: DetectedRegions; inputHeights: number[] }> {
  const inputWidth = Math.max(32, Math.round((raster.width * scale) / 32) * 32);
  const inputHeight = Math.max(32, Math.round((raster.height * scale) / 32) * 32);
  const small = await resizeRaster(raster, inputWidth, inputHeight);
  // A photo's table around the paper holds no print: the input is the paper's window of the same resized page.
  const window = settings.paper ? onInputGrid(settings.paper, inputWidth, inputHeight) : { x0: 0, y0: 0, x1: inputWidth, y1: inputHeight };
  const windowWidth = window.x1 - window.x0;
  const windowHeight = window.y1 - window.y0;
  const plane = windowWidth * windowHeight;
  const input = new Float32Array(3 * plane);
  const pixels = small.data;
  // PP-OCR models were trained on OpenCV's BGR channel order.
  const [blue, green, red] = DET_LEVELS;
  for (let y = 0, i = 0; y < windowHeight; y++) {
    for (let x = 0, p = ((window.y0 + y) * inputWidth + window.x0) * 3; x < windowWidth; x++, i++, p += 3) {
      input[i] = blue[pixels[p + 2]];
      input[plane + i] = green[pixels[p + 1]];
      input[2 * plane + i] = red[pixels[p]];
    }
  }
  const outputs = await session.run({ [session.inputNames[0]]: new Tensor('float32', input, [1, 3, windowHeight, windowWidth]) });
  const probability = outputs[session.outputNames[0]].data as Float32Array;
  const found = regionsFromProbability(probability, windowWidth, windowHeight, settings);
  const sx = raster.width / inputWidth;
  const sy = raster.height / inputHeight;
  const regions = found.regions.map((region) => scaleRegion({ ...region, cx: region.cx + window.x0, cy: region.cy + window.y0 }, sx, sy));
  const inputHeights = found.regions.filter((region) => region.width >= ELONGATION_FOR_LINE * region.height).map((region) => region.height);
  return { detected: { regions, dominantAngle: found.dominantAngle, lineCount: found.lineCount, archedLines: found.archedLines }, inputHeights };
}

/** Sampling step (input px) of `paperWindow`'s look at the page. */
const PAPER_STEP = 4;
/** The paper's mean level must lie this far above the table's for a window to be cut at all. */
const PAPER_CONTRAST = 50;
/** A sample counts as paper from this share of the way from the table's mean level to the paper's (shadowed paper too). */
const PAPER_LEVEL = 0.35;
/** A row or column holds paper when this share of its samples does. */
const PAPER_SHARE = 0.1;
/** Kept around the paper's rows and columns, as a share of the page's longer side (the paper's edge stays in view). */
const PAPER_MARGIN = 0.025;
/**
 * A sample left out is print when it lies this many levels under the lightest samples within `PAPER_INK_REACH` samples
 * of it on both sides along its row; a window that would leave out more than `PAPER_INK_SHARE` of such samples is not taken (a
 * shadow darkening the paper's edge, its labels in it, looks like table by level alone).
 */
const PAPER_INK = 40;
const PAPER_INK_REACH = 3;
const PAPER_INK_SHARE = 0.002;
/** A window is taken only when it leaves out at least this share of the input (else the whole input, as before). */
const PAPER_MIN_SAVING = 0.1;

/**
 * Where the paper lies in a photo of it on a darker table, as shares of the page's width and height (`PixelBounds` in
 * 0–1): the rows and columns of the page (`width` × `height` RGB, as stored: conditioning whitens the table unevenly)
 * that hold paper, grown `PAPER_MARGIN` of the longer side. Paper and table are
 * told apart by Otsu's split of the sampled levels, taken only when their means lie `PAPER_CONTRAST` levels apart; a
 * row or column holds paper when `PAPER_SHARE` of its samples are above `PAPER_LEVEL` of the way from table to paper.
 * Undefined when the window would leave out under `PAPER_MIN_SAVING` of the input: a scan, a page filling the photo,
 * or a table lighter than the paper (its rows then hold "paper" everywhere).
 *
 * @example
 * paperWindow(photo.data, 1320, 1756); // { x0: 0.03, y0: 0.04, x1: 0.93, y1: 0.96 }
 */
export function paperWindow(pixels: Uint8Array, width: number, height: number): PixelBounds | undefined {
  const columns = Math.ceil(width / PAPER_STEP);
  const rows = Math.ceil(height / PAPER_STEP);
  const levels = new Uint8Array(columns * rows);
  const histogram = new Float64Array(256);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      const p = (r * PAPER_STEP * width + c * PAPER_STEP) * 3;
      const level = (299 * pixels[p] + 587 * pixels[p + 1] + 114 * pixels[p + 2] + 500) / 1000;
      levels[r * columns + c] = level;
      histogram[levels[r * columns + c]]++;
    }
  }
  // Otsu: the split with the largest variance between the two classes.
  const total = levels.length;
  let sumAll = 0;
  for (let v = 0; v < 256; v++) sumAll += v * histogram[v];
  let below = 0;
  let sumBelow = 0;
  let best = -1;
  let split = 0;
  for (let v = 0; v < 255; v++) {
    below += histogram[v];
    sumBelow += v * histogram[v];
    const above = total - below;
    if (below === 0 || above === 0) continue;
    const between = below * above * (sumBelow / below - (sumAll - sumBelow) / above) ** 2;
    if (between > best) {
      best = between;
      split = v;
    }
  }
  let darkCount = 0;
  let darkSum = 0;
  for (let v = 0; v <= split; v++) {
    darkCount += histogram[v];
    darkSum += v * histogram[v];
  }
  if (darkCount === 0 || darkCount === total) return undefined;
  const table = darkSum / darkCount;
  const paper = (sumAll - darkSum) / (total - darkCount);
  if (paper - table < PAPER_CONTRAST) return undefined;
  const from = table + PAPER_LEVEL * (paper - table);
  const rowPaper = new Float64Array(rows);
  const columnPaper = new Float64Array(columns);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      if (levels[r * columns + c] < from) continue;
      rowPaper[r]++;
      columnPaper[c]++;
    }
  }
  const holding = (counts: Float64Array, of: number) => {
    const held = [...counts.keys()].filter((k) => counts[k] >= PAPER_SHARE * of);
    return held.length === 0 ? undefined : { first: held[0], last: held[held.length - 1] };
  };
  const across = holding(columnPaper, rows);
  const down = holding(rowPaper, columns);
  if (!across || !down) return undefined;
  // What is left out must look like table, not like paper a shadow darkened: no print's dark strokes in it.
  let ink = 0;
  let outside = 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      if (r >= down.first && r <= down.last && c >= across.first && c <= across.last) continue;
      outside++;
      // A stroke is a dip, lighter on both sides (the paper's own edge is a step, lighter on one side only).
      const level = levels[r * columns + c];
      let left = level;
      let right = level;
      for (let k = Math.max(0, c - PAPER_INK_REACH); k < c; k++) left = Math.max(left, levels[r * columns + k]);
      for (let k = c + 1; k <= Math.min(columns - 1, c + PAPER_INK_REACH); k++) right = Math.max(right, levels[r * columns + k]);
      if (Math.min(left, right) - level >= PAPER_INK) ink++;
    }
  }
  if (ink > PAPER_INK_SHARE * outside) return undefined;
  const margin = PAPER_MARGIN * Math.max(width, height);
  const x0 = Math.max(0, across.first * PAPER_STEP - margin) / width;
  const y0 = Math.max(0, down.first * PAPER_STEP - margin) / height;
  const x1 = Math.min(width, (across.last + 1) * PAPER_STEP + margin) / width;
  const y1 = Math.min(height, (down.last + 1) * PAPER_STEP + margin) / height;
  return (x1 - x0) * (y1 - y0) <= 1 - PAPER_MIN_SAVING ? { x0, y0, x1, y1 } : undefined;
}

/** A window given as shares of the page on the detector's input, grown out to its 32-px grid. */
function onInputGrid(share: PixelBounds, width: number, height: number): PixelBounds {
  const grid = 32;
  return {
    x0: Math.max(0, Math.floor((share.x0 * width) / grid) * grid),
    y0: Math.max(0, Math.floor((share.y0 * height) / grid) * grid),
    x1: Math.min(width, Math.ceil((share.x1 * width) / grid) * grid),
    y1: Math.min(height, Math.ceil((share.y1 * height) / grid) * grid),
  };
}

interface Component {
  start: number;
  end: number;
  meanX: number;
  meanY: number;
  angle: number;
  elongation: number;
  score: number;
}

/**
 * Connected components of the thresholded probability map → rotated rectangles. Exposed for tests.
 *
 * @example
 * const { regions } = regionsFromProbability(map, 64, 32, DEFAULT_DETECTION_SETTINGS);
 */
export function regionsFromProbability(probability: Float32Array, width: number, height: number, settings: DetectionSettings): DetectedRegions {
  const size = width * height;
  const visited = new Uint8Array(size);
  // The BFS queue doubles as the store of each component's pixels: component k owns queue[start, end).
  const queue = new Int32Array(size);
  let tail = 0;
  const components: Component[] = [];
  for (let seed = 0; seed < size; seed++) {
    if (visited[seed] || probability[seed] <= settings.pixelThreshold) continue;
    const start = tail;
    let head = tail;
    queue[tail++] = seed;
    visited[seed] = 1;
    let sumX = 0;
    let sumY = 0;
    let sumProbability = 0;
    while (head < tail) {
      const index = queue[head++];
      const x = index % width;
      const y = (index - x) / width;
      sumX += x;
      sumY += y;
      sumProbability += probability[index];
      // 8-connectivity, as OpenCV's findContours.
      for (let dy = -1; dy <= 1; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= width) continue;
          const neighbour = ny * width + nx;
          if (!visited[neighbour] && probability[neighbour] > settings.pixelThreshold) {
            visited[neighbour] = 1;
            queue[tail++] = neighbour;
          }
        }
      }
    }
    const count = tail - start;
    if (count < MIN_COMPONENT_PIXELS) continue;
    const score = sumProbability / count;
    if (score < settings.boxThreshold) continue;
    const meanX = sumX / count;
    const meanY = sumY / count;
    let cxx = 0;
    let cyy = 0;
    let cxy = 0;
    for (let k = start; k < tail; k++) {
      const x = (queue[k] % width) - meanX;
      const y = Math.floor(queue[k] / width) - meanY;
      cxx += x * x;
      cyy += y * y;
      cxy += x * y;
    }
    const angle = 0.5 * Math.atan2(2 * cxy, cxx - cyy);
    const spread = Math.sqrt((cxx - cyy) ** 2 + 4 * cxy * cxy);
    const major = (cxx + cyy + spread) / 2;
    const minor = Math.max((cxx + cyy - spread) / 2, 1e-6);
    components.push({ start, end: tail, meanX, meanY, angle, elongation: Math.sqrt(major / minor), score });
  }

  // Averaging doubled angles treats +89° and −89° as the same direction.
  let c2 = 0;
  let s2 = 0;
  let lineCount = 0;
  for (const component of components) {
    if (component.elongation < ELONGATION_FOR_LINE) continue;
    const weight = component.end - component.start;
    c2 += weight * Math.cos(2 * component.angle);
    s2 += weight * Math.sin(2 * component.angle);
    lineCount++;
  }
  const dominantAngle = lineCount > 0 ? 0.5 * Math.atan2(s2, c2) : 0;

  const kernels: Kernel[] = [];
  let archedLines = 0;
  for (const component of components) {
    // A single character is nearly square, so its own axes say nothing: it takes the page's direction.
    const angle = component.elongation < ELONGATION_FOR_LINE ? dominantAngle : component.angle;
    const ux = Math.cos(angle);
    const uy = Math.sin(angle);
    let uMin = Infinity;
    let uMax = -Infinity;
    let vMin = Infinity;
    let vMax = -Infinity;
    for (let k = component.start; k < component.end; k++) {
      const x = (queue[k] % width) - component.meanX;
      const y = Math.floor(queue[k] / width) - component.meanY;
      const u = x * ux + y * uy;
      const v = -x * uy + y * ux;
      if (u < uMin) uMin = u;
      if (u > uMax) uMax = u;
      if (v < vMin) vMin = v;
      if (v > vMax) vMax = v;
    }
    const long = uMax - uMin + 1;
    const rectangleShort = vMax - vMin + 1;
    if (Math.min(long, rectangleShort) < MIN_SIDE) continue;
    const uMid = (uMin + uMax) / 2;
    const measured =
      settings.followBends && component.elongation >= ELONGATION_FOR_LINE ? bentMiddle(queue, component, width, ux, uy, uMin, long, rectangleShort) : undefined;
    if (measured === 'arches') archedLines++;
    const bent = typeof measured === 'object' ? measured : undefined;
    // A bent line is cut to its own height around its middle; a straight one to its rectangle.
    const short = bent ? bent.thickness : rectangleShort;
    const vMid = bent ? bent.middle : (vMin + vMax) / 2;
    const distance = (long * short * settings.unclipRatio) / (2 * (long + short));
    kernels.push({
      // +0.5: pixel centres.
      cx: component.meanX + 0.5 + uMid * ux - vMid * uy,
      cy: component.meanY + 0.5 + uMid * uy + vMid * ux,
      long,
      short,
      angle,
      score: component.score,
      growBefore: distance,
      growAfter: distance,
      grow: distance,
      ...(bent ? { centreLine: { along: bent.along.map((u) => u - uMid), across: bent.across.map((v) => v - vMid) } } : {}),
    });
  }
  keepNeighboursApart(kernels);
  const regions = kernels.map((kernel): TextRegion => {
    const shift = (kernel.growAfter - kernel.growBefore) / 2;
    return {
      cx: kernel.cx + shift * Math.cos(kernel.angle),
      cy: kernel.cy + shift * Math.sin(kernel.angle),
      width: kernel.long + kernel.growBefore + kernel.growAfter,
      height: kernel.short + 2 * kernel.grow,
      angle: kernel.angle,
      score: kernel.score,
      ...(kernel.centreLine ? { centreLine: { along: kernel.centreLine.along.map((u) => u - shift), across: kernel.centreLine.across } } : {}),
    };
  });
  return { regions, dominantAngle, lineCount, archedLines };
}

/** A thresholded text kernel before it is grown, with how far each end will grow along the line. */
interface Kernel {
  cx: number;
  cy: number;
  long: number;
  short: number;
  angle: number;
  score: number;
  grow: number;
  growBefore: number;
  growAfter: number;
  centreLine?: CentreLine;
}

/**
 * Where a line-shaped component's middle runs, when it bends: the component cut into slices across its length (each
 * about one line height wide), each slice's middle between its top and bottom pixel. Returns undefined for a straight
 * line (see `BEND_OF_HEIGHT`, `BENT_RECTANGLE`). Offsets are in the component's axes (u along from its mean, v across).
 */
function bentMiddle(
  queue: Int32Array,
  component: Component,
  width: number,
  ux: number,
  uy: number,
  uMin: number,
  long: number,
  rectangleShort: number,
): { along: number[]; across: number[]; thickness: number; middle: number } | 'arches' | undefined {
  const count = component.end - component.start;
  // Area over length: the line's height, whatever its bend.
  const estimate = count / long;
  if (long < BEND_MIN_LENGTH * estimate || rectangleShort < BENT_RECTANGLE * estimate) return undefined;
  const sliceWidth = Math.max(2, estimate);
  const slices = Math.max(2, Math.ceil(long / sliceWidth));
  const top = new Float64Array(slices).fill(Infinity);
  const bottom = new Float64Array(slices).fill(-Infinity);
  for (let k = component.start; k < component.end; k++) {
    const x = (queue[k] % width) - component.meanX;
    const y = Math.floor(queue[k] / width) - component.meanY;
    const u = x * ux + y * uy;
    const v = -x * uy + y * ux;
    const slice = Math.min(slices - 1, Math.floor((u - uMin) / sliceWidth));
    if (v < top[slice]) top[slice] = v;
    if (v > bottom[slice]) bottom[slice] = v;
  }
  const along: number[] = [];
  const across: number[] = [];
  const heights: number[] = [];
  for (let slice = 0; slice < slices; slice++) {
    // A slice with no pixels is a gap between characters: the middle is taken from its neighbours.
    if (top[slice] === Infinity) continue;
    along.push(uMin + (slice + 0.5) * sliceWidth);
    across.push((top[slice] + bottom[slice]) / 2);
    heights.push(bottom[slice] - top[slice] + 1);
  }
  if (along.length < 3) return undefined;
  const thickness = median(heights);
  if (rectangleShort < BENT_RECTANGLE * thickness) return undefined;
  const smoothed = across.map((_, k) => median(across.slice(Math.max(0, k - 1), k + 2)));
  if (largestDeviationFromStraight(along, smoothed) < BEND_OF_HEIGHT * thickness) return undefined;
  // A page curls or lifts towards its edges, so a line's middle sags below the chord between its ends (a curl that
  // rises to one side, a page lifted at both). The text round the top of a seal's ring arches the other way: it is left
  // to the rectangle, as before (reading it would put the seal's wording among the page's lines).
  if (arch(along, smoothed) < 0) return 'arches';
  const middle = smoothed.reduce((a, b) => a + b, 0) / smoothed.length;
  return { along, across: smoothed, thickness, middle };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const half = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
}

/**
 * The signed largest distance of the points from the chord between the first and the last (positive: below it, in
 * image coordinates — the line sags; negative: above it — the line arches).
 */
function arch(xs: number[], ys: number[]): number {
  const last = xs.length - 1;
  const slope = (ys[last] - ys[0]) / (xs[last] - xs[0] || 1);
  let below = 0;
  let above = 0;
  for (let k = 1; k < last; k++) {
    const d = ys[k] - ys[0] - slope * (xs[k] - xs[0]);
    if (d > below) below = d;
    if (-d > above) above = -d;
  }
  return below >= above ? below : -above;
}

/** How far the points stray at most from their least-squares straight line. */
function largestDeviationFromStraight(xs: number[], ys: number[]): number {
  const n = xs.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let k = 0; k < n; k++) {
    sxy += (xs[k] - mx) * (ys[k] - my);
    sxx += (xs[k] - mx) ** 2;
  }
  const slope = sxx > 0 ? sxy / sxx : 0;
  let largest = 0;
  for (let k = 0; k < n; k++) largest = Math.max(largest, Math.abs(ys[k] - my - slope * (xs[k] - mx)));
  return largest;
}

const SAME_DIRECTION = (10 * Math.PI) / 180;

/**
 * Two kernels on one line separated by a narrow gap ("第四条　乙方…", "姓名  王晓明") would each grow across the gap
 * into the other's first character, which then gets read twice ("第四条" + "条乙方…"). Facing ends grow at most to
 * the middle of the gap; ends with no neighbour keep PP-OCR's full unclip distance.
 */
function keepNeighboursApart(kernels: Kernel[]): void {
  for (let i = 0; i < kernels.length; i++) {
    const a = kernels[i];
    const ux = Math.cos(a.angle);
    const uy = Math.sin(a.angle);
    for (let j = 0; j < kernels.length; j++) {
      if (i === j) continue;
      const b = kernels[j];
      let turn = Math.abs(a.angle - b.angle);
      turn = Math.min(turn, Math.PI - turn);
      if (turn > SAME_DIRECTION) continue;
      const dx = b.cx - a.cx;
      const dy = b.cy - a.cy;
      const across = -dx * uy + dy * ux;
      if (Math.abs(across) > Math.min(a.short, b.short) / 2) continue;
      const along = dx * ux + dy * uy;
      // Only b lying after a along the line; the pair is visited the other way round too.
      if (along <= 0) continue;
      const gap = along - a.long / 2 - b.long / 2;
      if (gap < 0) continue;
      const half = gap / 2;
      if (a.growAfter > half) a.growAfter = half;
      if (b.growBefore > half) b.growBefore = half;
    }
  }
}

function scaleRegion(region: TextRegion, sx: number, sy: number): TextRegion {
  const ux = Math.cos(region.angle);
  const uy = Math.sin(region.angle);
  const alongScale = Math.hypot(ux * sx, uy * sy);
  const acrossScale = Math.hypot(uy * sx, ux * sy);
  return {
    ...region,
    cx: region.cx * sx,
    cy: region.cy * sy,
    width: region.width * alongScale,
    height: region.height * acrossScale,
    ...(region.centreLine
      ? { centreLine: { along: region.centreLine.along.map((u) => u * alongScale), across: region.centreLine.across.map((v) => v * acrossScale) } }
      : {}),
  };
}

/** Whether the point lies inside the region's turned rectangle. */
export function regionContains(region: TextRegion, x: number, y: number): boolean {
  const dx = x - region.cx;
  const dy = y - region.cy;
  const ux = Math.cos(region.angle);
  const uy = Math.sin(region.angle);
  return Math.abs(dx * ux + dy * uy) <= region.width / 2 && Math.abs(-dx * uy + dy * ux) <= region.height / 2;
}

/**
 * The region's corner points (top-left, top-right, bottom-right, bottom-left in reading direction).
 *
 * @example
 * const [topLeft] = regionCorners(region);
 */
export function regionCorners(region: TextRegion): [number, number][] {
  const ux = Math.cos(region.angle);
  const uy = Math.sin(region.angle);
  const hw = region.width / 2;
  const hh = region.height / 2;
  return [
    [-hw, -hh],
    [hw, -hh],
    [hw, hh],
    [-hw, hh],
  ].map(([u, v]) => [region.cx + u * ux - v * uy, region.cy + u * uy + v * ux]);
}

/** Pixel bounds `[x0, x1) × [y0, y1)`, clipped to a page. */
export interface PixelBounds {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * The upright rectangle holding the region grown by `margin` on each side, clipped to a page of `width` × `height`.
 *
 * @example
 * const { x0, y0, x1, y1 } = regionBounds(region, raster, 4);
 */
export function regionBounds(region: TextRegion, page: { width: number; height: number }, margin = 0): PixelBounds {
  const corners = regionCorners({ ...region, width: region.width + 2 * margin, height: region.height + 2 * margin });
  const xs = corners.map(([x]) => x);
  const ys = corners.map(([, y]) => y);
  return {
    x0: Math.max(0, Math.floor(Math.min(...xs))),
    y0: Math.max(0, Math.floor(Math.min(...ys))),
    x1: Math.min(page.width, Math.ceil(Math.max(...xs))),
    y1: Math.min(page.height, Math.ceil(Math.max(...ys))),
  };
}

/**
 * Orders regions as a person reads the page: rows top to bottom (regions whose vertical centres lie within half a
 * line height share a row), left to right within a row.
 *
 * @example
 * const ordered = readingOrder(regions);
 */
export function readingOrder<T extends TextRegion>(regions: T[]): T[] {
  const byTop = [...regions].sort((a, b) => a.cy - b.cy);
  const rows: T[][] = [];
  for (const region of byTop) {
    const row = rows.at(-1);
    const anchor = row?.[0];
    if (row && anchor && Math.abs(region.cy - anchor.cy) < Math.min(region.height, anchor.height) / 2) row.push(region);
    else rows.push([region]);
  }
  return rows.flatMap((row) => row.sort((a, b) => a.cx - b.cx));
}
