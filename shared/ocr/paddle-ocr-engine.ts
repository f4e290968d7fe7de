import type { OcrEngine, PageImage } from './ocr-engine.js';
import type { OcrLine, OcrPage } from './ocr-page.js';
import { OcrImageUnreadableError } from './errors.js';
import { loadPaddleModels, type PaddleModelOptions, type PaddleModels } from './paddle-models.js';
import { decodeRaster, rotateRaster, type Raster } from './raster.js';
import { classifyUpsideDown, recogniseRegions, type RecognisedText } from './text-lines.js';
import {
  DEFAULT_DETECTION_SETTINGS,
  detectTextRegions,
  readingOrder,
  regionCorners,
  type DetectedRegions,
  type DetectionSettings,
  type TextRegion,
} from './text-regions.js';

/** Lines read with a mean character probability under this are noise (PP-OCR's `drop_score`). */
export const MIN_LINE_CONFIDENCE = 0.5;
/** How many of the longest lines the direction classifier looks at to decide whether a page is upside down. */
const DIRECTION_SAMPLE = 8;
/** A page lies on its side when its lines run within this many radians of vertical. */
const SIDEWAYS_TOLERANCE = Math.PI / 4;

/** Milliseconds spent in each stage of one page (for `npm run bench` and the pipeline's stage figures). */
export interface PaddleStageTimings {
  decodeMs: number;
  detectMs: number;
  directionMs: number;
  recogniseMs: number;
  /** Detection passes run: 1 for an upright or upside-down page, 2 for a page on its side. */
  detectionPasses: number;
}

export interface PaddleOcrEngineOptions extends PaddleModelOptions {
  detection?: Partial<DetectionSettings>;
  /** Called after each page with its stage timings. */
  onTimings?: (timings: PaddleStageTimings) => void;
}

export type PageRotation = 0 | 90 | 180 | 270;

let sharedModels: Promise<PaddleModels> | undefined;

/** The models, loaded on first use and shared by every engine in the process (≈ 200 MB; load once). */
function modelsFor(options: PaddleModelOptions): Promise<PaddleModels> {
  if (!sharedModels) {
    sharedModels = loadPaddleModels(options).catch((error: unknown) => {
      // A failed load is not cached, so a later page may try again.
      sharedModels = undefined;
      throw error;
    });
  }
  return sharedModels;
}

/**
 * PaddleOCR PP-OCRv4 on ONNX Runtime (the default engine). Reads a page image into lines with boxes and
 * confidences, and handles pages turned 90°, 180° or 270°:
 *
 * 1. detect text regions on the page as stored (the one detection pass an upright page needs);
 * 2. if the regions run vertically, the page lies on its side: turn it 90° clockwise and detect again;
 * 3. PP-OCR's direction classifier looks at the longest lines; if most are upside down, the regions are turned
 *    180° (no new detection needed);
 * 4. recognise every region, straightened along its own axis (so a few degrees of skew still read).
 *
 * @example
 * const engine = createPaddleOcrEngine();
 * const page = await engine.recognize({ bytes: png, pageNumber: 1 }); // page.rotation: 0 | 90 | 180 | 270
 */
export class PaddleOcrEngine implements OcrEngine {
  readonly name = 'paddle' as const;
  readonly #options: PaddleOcrEngineOptions;
  readonly #detection: DetectionSettings;

  constructor(options: PaddleOcrEngineOptions = {}) {
    this.#options = options;
    this.#detection = { ...DEFAULT_DETECTION_SETTINGS, ...options.detection };
  }

  /** Loads the models now rather than on the first page (for a Lambda's init phase). */
  async warmUp(): Promise<void> {
    await modelsFor(this.#options);
  }

  async recognize(image: PageImage): Promise<OcrPage> {
    const started = performance.now();
    let raster: Raster;
    try {
      raster = await decodeRaster(image.bytes);
    } catch (error) {
      throw new OcrImageUnreadableError(image.pageNumber, { cause: error });
    }
    return this.#read(raster, image.pageNumber, performance.now() - started);
  }

  /** Reads an already decoded RGB raster (skips decoding when the caller rendered the page itself). */
  async recognizeRaster(stored: Raster, pageNumber: number): Promise<OcrPage> {
    return this.#read(stored, pageNumber, 0);
  }

  async #read(stored: Raster, pageNumber: number, decodeMs: number): Promise<OcrPage> {
    const models = await modelsFor(this.#options);
    let clock = performance.now();
    const lap = () => {
      const now = performance.now();
      const elapsed = now - clock;
      clock = now;
      return elapsed;
    };
    let raster = stored;
    let rotation: PageRotation = 0;
    let detectionPasses = 1;
    let detected = await detectTextRegions(models.detection, raster, this.#detection);
    if (liesOnItsSide(detected)) {
      raster = await rotateRaster(raster, 90);
      rotation = 90;
      detectionPasses = 2;
      detected = await detectTextRegions(models.detection, raster, this.#detection);
    }
    const detectMs = lap();
    let regions = detected.regions;
    if (await isUpsideDown(models, raster, regions)) {
      const turned = await rotateRaster(raster, 180);
      const turnedRegions = regions.map((region) => turnHalfway(region, turned));
      // On some noisy scans the direction classifier calls both the page and its 180° turn upside down; reading the
      // sampled lines both ways and keeping the surer reading settles it (cost paid only when the classifier objects).
      const sample = directionSample(regions);
      const [asStored, asTurned] = await Promise.all([
        meanRecognitionConfidence(models, raster, sample.map((k) => regions[k])),
        meanRecognitionConfidence(models, turned, sample.map((k) => turnedRegions[k])),
      ]);
      if (asTurned > asStored) {
        raster = turned;
        rotation = rotation === 90 ? 270 : 180;
        regions = turnedRegions;
      }
    }
    const directionMs = lap();
    const ordered = readingOrder(regions);
    const texts = await recogniseRegions(models.recognition, models.alphabet, raster, ordered);
    this.#options.onTimings?.({ decodeMs, detectMs, directionMs, recogniseMs: lap(), detectionPasses });
    const lines: OcrLine[] = [];
    ordered.forEach((region, index) => {
      const { text, confidence } = texts[index];
      const trimmed = text.trim();
      if (trimmed === '' || confidence < MIN_LINE_CONFIDENCE) return;
      lines.push({
        text: trimmed,
        confidence: round4(confidence),
        box: boundingBox(region, raster),
        words: characterWords(region, texts[index], raster),
      });
    });
    return { pageNumber, width: raster.width, height: raster.height, rotation, source: 'paddle', lines };
  }
}

/**
 * The engine with the process-wide shared models.
 *
 * @example
 * const engine = createPaddleOcrEngine({ intraOpNumThreads: 1 });
 */
export function createPaddleOcrEngine(options: PaddleOcrEngineOptions = {}): PaddleOcrEngine {
  return new PaddleOcrEngine(options);
}

function liesOnItsSide(detected: DetectedRegions): boolean {
  return detected.lineCount >= 2 && Math.abs(detected.dominantAngle) > SIDEWAYS_TOLERANCE;
}

/** Indices of the longest line-shaped regions: the best evidence of which way the page is turned. */
function directionSample(regions: TextRegion[]): number[] {
  return regions
    .map((region, index) => ({ region, index }))
    .filter(({ region }) => region.width >= 2 * region.height)
    .sort((a, b) => b.region.width - a.region.width)
    .slice(0, DIRECTION_SAMPLE)
    .map(({ index }) => index);
}

async function meanRecognitionConfidence(models: PaddleModels, raster: Raster, regions: TextRegion[]): Promise<number> {
  if (regions.length === 0) return 0;
  const texts = await recogniseRegions(models.recognition, models.alphabet, raster, regions);
  return texts.reduce((sum, text) => sum + text.confidence, 0) / texts.length;
}

async function isUpsideDown(models: PaddleModels, raster: Raster, regions: TextRegion[]): Promise<boolean> {
  const longest = directionSample(regions).map((k) => regions[k]);
  if (longest.length === 0) return false;
  const upsideDown = await classifyUpsideDown(models.direction, raster, longest);
  // Weighted by length: a long line is better evidence than a short label.
  let weight = 0;
  let score = 0;
  longest.forEach((region, k) => {
    weight += region.width;
    score += region.width * upsideDown[k];
  });
  return score / weight > 0.5;
}

/** The same region on the page turned 180° (`raster` is the turned page). */
function turnHalfway(region: TextRegion, raster: Raster): TextRegion {
  return { ...region, cx: raster.width - region.cx, cy: raster.height - region.cy };
}

function boundingBox(region: TextRegion, raster: Raster): OcrLine['box'] {
  const corners = regionCorners(region);
  const xs = corners.map(([x]) => Math.min(raster.width, Math.max(0, x)));
  const ys = corners.map(([, y]) => Math.min(raster.height, Math.max(0, y)));
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x: Math.round(x), y: Math.round(y), width: Math.round(Math.max(...xs) - x), height: Math.round(Math.max(...ys) - y) };
}

/**
 * Each character as a "word" with its own probability and an approximate box (a square of ¾ the line height centred
 * where CTC placed it), so extraction can score a value by its own characters rather than by the whole line.
 */
function characterWords(region: TextRegion, recognised: RecognisedText, raster: Raster): NonNullable<OcrLine['words']> {
  const side = region.height * 0.75;
  const ux = Math.cos(region.angle);
  const uy = Math.sin(region.angle);
  const words: NonNullable<OcrLine['words']> = [];
  recognised.characters.forEach((text, k) => {
    if (text.trim() === '') return;
    const along = (recognised.characterPositions[k] - 0.5) * region.width;
    const cx = region.cx + along * ux;
    const cy = region.cy + along * uy;
    const box = boundingBox({ cx, cy, width: side, height: side, angle: region.angle, score: region.score }, raster);
    words.push({ text, confidence: round4(recognised.characterConfidences[k]), box });
  });
  return words;
}

function round4(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
