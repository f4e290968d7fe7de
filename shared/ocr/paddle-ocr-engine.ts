import type { OcrEngine, PageImage, RegionToRead } from './ocr-engine.js';
import type { OcrLine, OcrPage } from '../documents/ocr-page.js';
import { CURL_MIN_BENT_LINES, flattenedRegion, rowFlattening } from './bent-lines.js';
import { OcrImageUnreadableError } from './errors.js';
import { loadPaddleModels, type PaddleModelOptions, type PaddleModels } from './paddle-models.js';
import { withoutDimRoom } from './dim-pages.js';
import { finerDetectionOf } from './small-print.js';
import { withoutSmear } from './motion-blur.js';
import { BLOCKING_SIGMA, coarseJpegBlocking, gaussianSmoothed } from './jpeg-blocking.js';
import { conditionPage, suppressedStretch, touchesSuppressedInk, type ConditionOptions, type PageConditions } from './page-conditioning.js';
import { decodeRaster, localContrastRaster, resizeRaster, type Raster } from './raster.js';
import { lineEndsAgainstMarks, linesSplitOverGlyphs, regionsBesideBareLabels, withGlyphsPastLineEnds } from './unboxed-glyphs.js';
import { readUnderGreySeals, type GreySealsOnPage } from './grey-seals.js';
import { withLinesUnderGreySeals } from './lines-under-grey-seals.js';
import { withSealedLinesReadLifted } from './grey-sealed-lines.js';
import { withLinesUnderOverlays } from './lines-under-overlays.js';
import { readUnderSealAgain, type MergedLine } from './seal-third-reading.js';
import { sealRingReadings, type SealRingReading } from './seal-rings.js';
import { splicedReading, stretchOf, stretchToReadAgain, type LineStretch } from './line-stretch.js';
import { commonCharacters, confirmedCharacters, fillsHalfSeenCharacters, isShorterSubsequence } from './reading-agreement.js';
import { findScreenPattern, withoutScreenPattern } from './screen-pattern.js';
import { readStackedColumns } from './stacked-columns.js';
import { cropped, typicalLineHeight, withMergedLinesApart } from './merged-lines.js';
import { withTwoBandLinesApart } from './two-band-lines.js';
import { hasUnsureCharacter, unsureStretch, withHiddenCharactersUnconfirmed } from './unsure-characters.js';
import { drawnInItsTurn, turnIfUpsideDown, turnOffItsSide, type PageDrawnInItsTurn, type PageRotation } from './page-orientation.js';
import { DEFAULT_RECOGNITION_SETTINGS, recogniseRegions, type CharacterAlternative, type RecognisedText, type RecognitionSettings } from './text-lines.js';
import {
  DEFAULT_DETECTION_SETTINGS,
  paperWindow,
  readingOrder,
  regionCorners,
  type DetectionSettings,
  type PixelBounds,
  type TextRegion,
} from './text-regions.js';

/** Lines read with a mean character probability under this are noise (PP-OCR's `drop_score`). */
export const MIN_LINE_CONFIDENCE = 0.5;

/**
 * Lines whose first reading is under this confidence are read a second time (as are lines under coloured ink that was
 * suppressed); the two readings' agreement is reported on the line.
 */
export const SECOND_READING_BELOW = 0.85;
/**
 * A line under suppressed coloured ink is read again unless its first reading was sure throughout: mean confidence at
 * least this and no character under `SURE_CHARACTER`.
 */
const SURE_UNDER_INK = 0.97;
const SURE_CHARACTER = 0.9;
/** Lines under this are not worth a second reading (detector noise: seal rings, speckle). */
const SECOND_READING_FLOOR = 0.3;
/** At most this many second readings per page (the costliest ones last): keeps a page's cost bounded. */
const MAX_SECOND_READINGS = 8;
/**
 * A region read again on its own (`recognizeRegion`) is enlarged until its lines are at least this tall (px): on the
 * look26 probe a crop read at its own scale found 8 of 35 lost values and at 2× 5, so small print only is enlarged.
 */
const SECOND_LOOK_LINE_HEIGHT = 24;
/** A character the other reading did not confirm gets at most this confidence. */
export const UNCONFIRMED_CHARACTER_CONFIDENCE = 0.5;

/** Milliseconds spent in each stage of one page (for `npm run bench` and the pipeline's stage figures). */
export interface PaddleStageTimings {
  decodeMs: number;
  detectMs: number;
  directionMs: number;
  recogniseMs: number;
  /** Conditioning (measuring the page, and rewriting it when a seal, uneven light or faint ink called for it). */
  conditionMs: number;
  /** Second readings run (and their share of `recogniseMs`). */
  secondReadings: number;
  /** Of those, how many read only the stretch of their line under suppressed ink (`stretchToReadAgain`). */
  stretchReadings: number;
  /** Third readings of unsure lines under a seal (`readUnderSealAgain`); their time is in `secondReadingMs`. */
  thirdReadings: number;
  secondReadingMs: number;
  /**
   * Detection passes run: 1 for an upright page, 2 for a turned one (as stored, then in the turn it is read in).
   */
  detectionPasses: number;
}

export interface PaddleOcrEngineOptions extends PaddleModelOptions {
  detection?: Partial<DetectionSettings>;
  /** How line crops are laid out for the recogniser (see `RecognitionSettings`: the narrowest input width). */
  recognition?: Partial<RecognitionSettings>;
  /**
   * Condition the page before detection (default on): coloured ink over print suppressed, uneven light flattened,
   * faint ink stretched (see `conditionPage`). Off reads the pixels as given (the bench's "before").
   */
  pageConditioning?: boolean;
  /** Where coloured ink is suppressed when conditioning (see `ConditionOptions`); default `over-print`. */
  colourSuppression?: ConditionOptions['colourSuppression'];
  /** Look for a watermark on a photo's flattened page (see `ConditionOptions`); default on. */
  photoOverprint?: ConditionOptions['photoOverprint'];
  /** Tell print under coloured ink against the paper around it, too (see `ConditionOptions`); default on. */
  printAgainstPaper?: ConditionOptions['printAgainstPaper'];
  /**
   * On a curled page (several bent lines), report the lines' boxes on the page's rows straightened (see
   * `rowFlattening`; default on). Off reports every box where the curled page put it.
   */
  straightenRows?: boolean;
  /** Average out a screen's moiré stripes when the page shows them (see `findScreenPattern`; default on, with conditioning). */
  screenPattern?: boolean;
  /** Clean a photo taken in a dim room of its tint and grain when the page shows grain (see `withoutDimRoom`; default on, with conditioning). */
  dimRooms?: boolean;
  /** Detect a page again at a finer scale when its first detection shows small print (see `finerDetection`; default on, with conditioning). */
  smallPrint?: boolean;
  /** Deconvolve a photo smeared by a shaking hand when the page shows a smear (see `withoutSmear`; default on, with conditioning). */
  motionBlur?: boolean;
  /** Smooth a page saved as a coarse JPEG (a chat app's re-save) of its blocking (see `coarseJpegBlocking`; default on, with conditioning). */
  jpegBlocking?: boolean;
  /**
   * Thin glyphs the detector leaves unboxed (default on): a line's region grown over a `一` or `二` just past its end
   * (see `withGlyphsPastLineEnds`), and a value of thin strokes beside a label that ends in a colon read where no
   * region is (see `regionsBesideBareLabels`). Off reads the regions as detected.
   */
  unboxedGlyphs?: boolean;
  /**
   * A line the detector cut in two where a mark crossed it (a seal's star), the glyph under the mark in neither piece,
   * read whole (see `linesSplitOverGlyphs`; default on, with `unboxedGlyphs`). Off keeps the pieces as detected.
   */
  splitLines?: boolean;
  /**
   * A line whose region stops short of its print where a mark touches it (a seal's ring beside a date's last digit) or
   * the print runs on, read again over what was left out (see `lineEndsAgainstMarks`; default on, with
   * `unboxedGlyphs`). Off reads the regions as detected.
   */
  cutLineEnds?: boolean;
  /** Detect a tall unsure region again on its own crop, for lines the page's pass merged (see `withMergedLinesApart`; default on). */
  mergedLines?: boolean;
  /** Take apart a region holding a small label and the value under it into two lines (see `withTwoBandLinesApart`; default on). */
  twoBandLines?: boolean;
  /** Read again a sure line holding an unsure letter, digit or CJK character (see `hasUnsureCharacter`; default on). */
  unsureCharacters?: boolean;
  /**
   * Characters the recogniser half saw between those it read (`RecognisedText.hiddenCharacters`; default on): a sure
   * line holding one is read again from a looser crop, and the characters beside one that no reading emitted are
   * capped at `UNCONFIRMED_CHARACTER_CONFIDENCE`. Off leaves them unremarked.
   */
  hiddenCharacters?: boolean;
  /** Read a region running down an upright page as characters stacked in a column (see `readStackedColumns`; default on). */
  stackedColumns?: boolean;
  /**
   * The page's detection reads only the window of a photo that holds the paper, the table around it left out (see
   * `paperWindow`). Off by default: it saves 5–14 % of a windowed photo's CPU, but the boxes it finds move by a pixel
   * or so and the lines read from them with them; on a fresh seen sample it gained 2 fields and lost 1 (docs/ocr.md,
   * "cpu32"). Scans and pages that fill the photo are detected whole either way.
   */
  paperWindow?: boolean;
  /** Read seal-covered and unsure lines a second time and report the agreement (default on). */
  secondReadings?: boolean;
  /**
   * With second readings, read the lines under suppressed coloured ink that are still unsure a third time, from the
   * ink's own channel (see `readUnderSealAgain`). Off by default: on five held-out samples it gained no field and
   * lost one (procedural-v8, a glare photo), and it costs 30-50 ms on a sealed page where it fires (docs/ocr.md).
   */
  sealThirdReadings?: boolean;
  /**
   * With second readings, read the unsure lines under a grey (colourless) seal again with the seal lifted (see
   * `readUnderGreySeals`). Off by default: on the moire12 dev sample it corrected no field (docs/ocr.md).
   */
  greySeals?: boolean;
  /**
   * Detect again, with the seal lifted, the rows a grey (colourless) seal crosses, for glyphs under its star or ring
   * that no region held (see `withLinesUnderGreySeals`; default on). Pages where coloured ink was suppressed skip it.
   */
  greySealLines?: boolean;
  /**
   * Read the lines a grey seal crosses again with the seal lifted, and keep a sure reading that only restores a glyph
   * the ring crossed or sheds the seal's lettering read on past an end (see `withSealedLinesReadLifted`; default on;
   * runs with `greySealLines`).
   */
  greySealedLines?: boolean;
  /**
   * On a page whose own lines show a light overlay conditioning left (a copy watermark on a faint copy or a photo),
   * detect again with the overlay lifted, for print it hid or cut, and drop its lines (see `withLinesUnderOverlays`;
   * default on). Pages without such lines read as before.
   */
  overlayLines?: boolean;
  /**
   * Read a round coloured seal's lettering whole (with conditioning): its ring found from the coloured ink, the band
   * under the ring unrolled into a strip and read as one line, reported with `sealLettering` set (see
   * `sealRingReadings`). Off by default, which leaves the lettering to the detector's pieces. `true` reads the rings
   * of every page with coloured ink, which costs 10–17 % CPU on every sealed page, past the OCR budget (docs/ocr.md,
   * seal25); a `SealRingPages` predicate reads them only on the pages whose own text it accepts (the composition roots
   * pass the reader's: pages that may name an employer only in a seal, sealgate26).
   */
  sealRings?: boolean | SealRingPages;
  /**
   * Contrast-limited local histogram equalisation (CLAHE, `tile` px windows, `maxSlope`) before conditioning. Off by
   * default: measured on procedural-v2's scanner-app, shadow and faint-copy photos (docs/ocr.md) it gained one field
   * in 98 and made a watermark over a masked field legible enough to be read as a value, so it is kept for
   * measuring (`bench/ocr-captures.ts --engine`), not used.
   */
  localContrast?: { tile: number; maxSlope: number };
  /**
   * What the stage timings count: `wall` milliseconds (default), or `cpu` milliseconds of the whole process (every
   * thread; less sensitive to other load on the machine, for benches that compare stages).
   */
  stageClock?: 'wall' | 'cpu';
  /** Called after each page with its stage timings. */
  onTimings?: (timings: PaddleStageTimings) => void;
}

/**
 * Whether a page's seals are worth reading whole, decided from the page's own text (its lines read by the page's
 * pass, upright, before any seal's ring is read). The engine knows no document types: the reader's vocabulary comes
 * from the composition root.
 *
 * @example
 * const engine = createPaddleOcrEngine({ sealRings: (page) => page.lines.some((line) => line.text.includes('聘')) });
 */
export type SealRingPages = (page: OcrPage) => boolean;

export type { PageRotation } from './page-orientation.js';
export { splicedReading, stretchToReadAgain, type LineStretch } from './line-stretch.js';

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
 * 2. if the regions run vertically, the page lies on its side: turn it (and its regions) 90° clockwise;
 * 3. PP-OCR's direction classifier looks at the longest lines; if most are upside down (and reading a sample both
 *    ways agrees), turn the page 180°; a page turned in step 2 or 3 is detected again in its final turn (see
 *    `turnIfUpsideDown`);
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
  readonly #recognition: RecognitionSettings;
  /** Pages the second look reads regions of, deconvolved once each when they show a smear (see `#regionSource`). */
  readonly #unsmeared = new WeakMap<Raster, Raster>();
  /** Pages the second look reads regions of, and whether each is a chat app's coarse re-save (see `#coarsePage`). */
  readonly #coarse = new WeakMap<Raster, boolean>();

  constructor(options: PaddleOcrEngineOptions = {}) {
    this.#options = options;
    this.#detection = { ...DEFAULT_DETECTION_SETTINGS, ...options.detection };
    this.#recognition = { ...DEFAULT_RECOGNITION_SETTINGS, ...options.recognition };
  }

  /** Loads the models now rather than on the first page (for a Lambda's init phase). */
  async warmUp(): Promise<void> {
    await modelsFor(this.#options);
  }

  async recognize(image: PageImage): Promise<OcrPage> {
    const clockNow = this.#clock();
    const started = clockNow();
    let raster: Raster;
    try {
      raster = await decodeRaster(image.bytes);
    } catch (error) {
      throw new OcrImageUnreadableError(image.pageNumber, { cause: error });
    }
    return this.#read(raster, image.pageNumber, clockNow() - started);
  }

  /** Reads an already decoded RGB raster (skips decoding when the caller rendered the page itself). */
  async recognizeRaster(stored: Raster, pageNumber: number): Promise<OcrPage> {
    return this.#read(stored, pageNumber, 0);
  }

  /**
   * Reads a region of an upright page again on its own crop (the reader's second look): the region with half a line
   * height around it, brought to lines at least `SECOND_LOOK_LINE_HEIGHT` px tall (never shrunk, at most 2×), detected
   * and recognised like a page; its lines moved back into the page's pixels. A crop the engine would turn (it reads
   * as lying on its side) gives nothing: its lines would not be the page's.
   *
   * @example
   * const lines = await engine.recognizeRegion(pageRaster, { box: { x: 80, y: 200, width: 900, height: 160 }, lineHeight: 40 }, 1);
   */
  async recognizeRegion(page: Raster, region: RegionToRead, pageNumber: number): Promise<OcrLine[]> {
    const margin = Math.round(region.lineHeight / 2);
    const x0 = Math.max(0, Math.floor(region.box.x) - margin);
    const y0 = Math.max(0, Math.floor(region.box.y) - margin);
    const x1 = Math.min(page.width, Math.ceil(region.box.x + region.box.width) + margin);
    const y1 = Math.min(page.height, Math.ceil(region.box.y + region.box.height) + margin);
    if (x1 - x0 < 8 || y1 - y0 < 8) return [];
    const source = this.#regionSource(page);
    const raw = cropped(source, { x0, y0, x1, y1 });
    // A chat app's coarse re-save (measured on the whole page): the crop smoothed at its own size, before enlarging.
    const crop = this.#coarsePage(page) ? gaussianSmoothed(raw, BLOCKING_SIGMA) : raw;
    const scale = Math.min(2, Math.max(1, SECOND_LOOK_LINE_HEIGHT / Math.max(1, region.lineHeight)));
    const read = await this.#read(
      scale > 1 ? await resizeRaster(crop, Math.round(crop.width * scale), Math.round(crop.height * scale)) : crop,
      pageNumber,
      0,
      source !== page,
      true,
    );
    if (read.rotation !== 0) return [];
    const back = (box: OcrLine['box']): OcrLine['box'] => ({
      x: Math.round(box.x / scale + x0),
      y: Math.round(box.y / scale + y0),
      width: Math.round(box.width / scale),
      height: Math.round(box.height / scale),
    });
    return read.lines.map((line) => ({
      ...line,
      box: back(line.box),
      ...(line.pageBox ? { pageBox: back(line.pageBox) } : {}),
      ...(line.words ? { words: line.words.map((word) => ({ ...word, box: back(word.box) })) } : {}),
    }));
  }

  /**
   * The page a region is cut from: deconvolved when the whole page shows a smear (a crop is too small to measure one
   * on, and was read smeared), else the page itself. Measured once per page raster the reader hands over.
   */
  #regionSource(page: Raster): Raster {
    if (this.#options.pageConditioning === false || this.#options.motionBlur === false) return page;
    let source = this.#unsmeared.get(page);
    if (!source) {
      source = withoutSmear(page).raster;
      this.#unsmeared.set(page, source);
    }
    return source;
  }

  /** The clock the stage timings count by (see `stageClock`). */
  #clock(): () => number {
    return this.#options.stageClock === 'cpu' ? cpuNow : () => performance.now();
  }

  /** Whether a page is a chat app's coarse re-save to smooth (see `coarseJpegBlocking`), measured once per page raster. */
  #coarsePage(page: Raster): boolean {
    if (this.#options.pageConditioning === false || this.#options.jpegBlocking === false) return false;
    let coarse = this.#coarse.get(page);
    if (coarse === undefined) {
      coarse = coarseJpegBlocking(page) !== undefined;
      this.#coarse.set(page, coarse);
    }
    return coarse;
  }

  /** `blockingChecked`: the caller checked the page already (a second look's crop, smoothed when its page was). */
  async #read(given: Raster, pageNumber: number, decodeMs: number, unsmeared = false, blockingChecked = false): Promise<OcrPage> {
    // A chat app's coarse re-save: smoothed of its blocks; it stands in for the page as stored.
    const decoded = !blockingChecked && this.#coarsePage(given) ? gaussianSmoothed(given, BLOCKING_SIGMA) : given;
    const contrast = this.#options.localContrast;
    // The evened page stands in for the page as stored (second readings read from it too).
    const evened = contrast ? await localContrastRaster(decoded, contrast.tile, contrast.maxSlope) : decoded;
    const models = await modelsFor(this.#options);
    const clockNow = this.#clock();
    let clock = clockNow();
    const lap = () => {
      const now = clockNow();
      const elapsed = now - clock;
      clock = now;
      return elapsed;
    };
    const conditioning = this.#options.pageConditioning !== false;
    // A photo of a screen: its stripes averaged out first; the evened page stands in for the page as stored.
    const screen = conditioning && this.#options.screenPattern !== false ? findScreenPattern(evened) : undefined;
    const unscreened = screen ? withoutScreenPattern(evened, screen) : evened;
    // A photo taken in a dim room: its tint and grain taken out first; the cleaned page stands in for the page as stored.
    const undimmed = conditioning && this.#options.dimRooms !== false ? (await withoutDimRoom(unscreened)).raster : unscreened;
    // A photo smeared by a shaking hand: deconvolved of the smear measured on it; it stands in for the page as stored.
    const stored = conditioning && this.#options.motionBlur !== false && !unsmeared ? withoutSmear(undimmed).raster : undimmed;
    const condition = conditioning
      ? (page: Raster) =>
          conditionPage(page, {
            colourSuppression: this.#options.colourSuppression,
            photoOverprint: this.#options.photoOverprint,
            printAgainstPaper: this.#options.printAgainstPaper,
          })
      : undefined;
    const asStored = condition?.(stored);
    const conditionMs = lap();
    // A photo's table around the paper holds no print: the page's first detection reads the paper's window only.
    const paper = this.#options.paperWindow === true ? paperWindow(stored.data, stored.width, stored.height) : undefined;
    let onItsFeet = await turnOffItsSide(models, asStored?.raster ?? stored, paper ? { ...this.#detection, paper } : this.#detection, stored);
    // Print the detector saw too small (a page small on a table): the page detected again finer (see `finerDetectionOf`).
    const finer = conditioning && this.#options.smallPrint !== false ? finerDetectionOf(onItsFeet.detected.regions, stored, this.#detection) : undefined;
    if (finer) onItsFeet = await turnOffItsSide(models, asStored?.raster ?? stored, finer.settings);
    const detectMs = lap();
    // A turned page is drawn again from its stored pixels in its final turn and read as that page given upright would
    // be (conditioning's tiles, second and third readings); upright pages never get here.
    let drawn: PageDrawnInItsTurn | undefined;
    const upright = await turnIfUpsideDown(models, onItsFeet, finer?.turned ?? this.#detection, this.#recognition, async (turn) => {
      drawn = await drawnInItsTurn(stored, turn, condition);
      return drawn.conditioned?.raster ?? drawn.stored;
    });
    const { raster, rotation: turn, detectionPasses } = upright;
    const { stored: read, conditioned, rotation } = drawn ? { ...drawn, rotation: 0 as const } : { stored, conditioned: asStored, rotation: turn };
    let regions = upright.regions;
    // Thin glyphs the detector left out at a line's end (`王一` boxed as `王`): the line's region grown over them (over
    // a faint one too, marked so that the character read at that end is capped below).
    if (this.#options.unboxedGlyphs !== false) regions = withGlyphsPastLineEnds(raster, regions);
    const directionMs = lap();
    // On a curled page the rows are straightened for the reader: boxes are reported on the straightened rows, so a
    // value on the curled side keeps its label's height (the lines are still read from the page's own pixels), and
    // each moved line keeps where it lies on the image as its `pageBox`.
    const flattening = this.#options.straightenRows !== false ? rowFlattening(regions, raster.width, raster.height) : undefined;
    const shown = (region: TextRegion): TextRegion => (flattening ? flattenedRegion(region, flattening) : region);
    // The steps below that add regions put them in this order too, so they run on curled pages as on flat ones.
    const order = (list: TextRegion[]): TextRegion[] =>
      flattening ? readingOrder(list.map((region) => ({ ...shown(region), source: region }))).map((flat) => flat.source) : readingOrder(list);
    let ordered = order(regions);
    let texts = await recogniseRegions(models.recognition, models.alphabet, raster, ordered, this.#recognition);
    // Characters stacked down a narrow cell, read as a row of upright characters (see `readStackedColumns`).
    if (this.#options.stackedColumns !== false) texts = await readStackedColumns(models, raster, ordered, texts, this.#recognition);
    // Lines the detector merged with a neighbour (a stamp under an address line) into one tall region that reads as nothing.
    if (this.#options.mergedLines !== false) {
      ({ ordered, texts } = await withMergedLinesApart(models, raster, ordered, texts, this.#recognition, this.#detection, order));
    }
    // A small label and the value just under it boxed as one region 1.4–2.6 lines tall, read unsure: taken apart in two lines.
    if (this.#options.twoBandLines !== false)
      ({ ordered, texts } = await withTwoBandLinesApart(models, raster, ordered, texts, this.#recognition, this.#detection, order));
    // A value of thin strokes the detector gave no box (`十一` beside `等级：`), read where a bare label points to it.
    if (this.#options.unboxedGlyphs !== false) {
      ({ ordered, texts } = await withValuesBesideBareLabels(models, raster, ordered, texts, this.#recognition, order));
    }
    // Glyphs a grey seal hid from the detector (a greyscale scan's or a faint copy's seal over a date), found again.
    let sealLifted: Raster | undefined;
    if (this.#options.greySealLines !== false && !conditioned?.conditions.suppressedTileCount) {
      let seals: GreySealsOnPage | undefined;
      ({ ordered, texts, seals } = await withLinesUnderGreySeals(models, raster, ordered, texts, this.#recognition, this.#detection, order));
      // Lines the seal's ring crosses, read sure but wrong: read again with it lifted (see `withSealedLinesReadLifted`).
      if (this.#options.greySealedLines !== false)
        ({ texts, lifted: sealLifted } = await withSealedLinesReadLifted(models, raster, ordered, texts, this.#recognition, seals));
    }
    // Print a light overlay (a copy watermark conditioning did not lift) hid from the detector or cut, found again.
    let overlayLifted: Raster | undefined;
    if (this.#options.overlayLines !== false) {
      ({ ordered, texts, lifted: overlayLifted } = await withLinesUnderOverlays(models, raster, ordered, texts, this.#recognition, this.#detection, order));
    }
    let secondReadings = 0;
    let stretchReadings = 0;
    let thirdReadings = 0;
    let secondReadingMs = 0;
    let seconds: (SecondReading | undefined)[] = [];
    if (this.#options.secondReadings !== false) {
      const started = clockNow();
      const pages = { stored: read, raster, rotation, conditions: conditioned?.changed ? conditioned.conditions : undefined };
      seconds = await readAgain(models, pages, ordered, texts, this.#recognition, {
        unsureCharacters: this.#options.unsureCharacters !== false,
        hiddenCharacters: this.#options.hiddenCharacters !== false,
      });
      // Lines under a grey seal (no coloured ink was suppressed), read again with the seal lifted (opt-in).
      if (this.#options.greySeals && !conditioned?.conditions.suppressedTileCount) {
        await readUnderGreySeals(models, raster, ordered, texts, this.#recognition, seconds);
      }
      secondReadings = seconds.filter(Boolean).length;
      stretchReadings = seconds.filter((second) => second?.stretched).length;
      secondReadingMs = clockNow() - started;
    }
    // A lone bent line keeps its straight reading as its second reading unless it already has one (under ink, unsure):
    // so it is read straight only then, after the second readings (a straight reading nothing keeps is not paid for).
    const bendChecks = await readLoneBendsStraight(models, raster, ordered, this.#recognition, seconds);
    bendChecks.forEach((check, index) => {
      if (check) seconds[index] = check;
    });
    const merges: MergedLine[] = ordered.map((region, index) => {
      const second = seconds[index];
      return second
        ? { ...mergeReadings(texts[index], region, second), readings: [texts[index], second.reading] }
        : { reading: texts[index], region, readings: [texts[index]] };
    });
    // Unsure lines under a seal, read a third time from the ink's own channel (see `readUnderSealAgain`).
    if (this.#options.secondReadings !== false && this.#options.sealThirdReadings === true && conditioned?.conditions.suppressedTileCount) {
      const started = clockNow();
      const storedRegions = ordered.map((region) => regionOnStoredPage(region, rotation, read));
      thirdReadings = await readUnderSealAgain(models, read, conditioned.conditions, storedRegions, merges, this.#recognition);
      secondReadingMs += clockNow() - started;
    }
    // A line the detector cut in two where a mark crossed it, the glyph under the mark in neither piece: read whole.
    const joins =
      this.#options.unboxedGlyphs !== false && this.#options.splitLines !== false
        ? await readSplitLinesWhole(models, { stored: read, raster, rotation }, ordered, merges, this.#recognition)
        : new Set<number>();
    // A line whose end the detector cut where a mark touches it (a seal's ring), read again over what it left out.
    if (this.#options.unboxedGlyphs !== false && this.#options.cutLineEnds !== false) {
      // (On a page under an overlay or a grey seal, from the page with it lifted: its glyphs beside a line are no print cut off.)
      await readCutLineEnds(models, overlayLifted ?? sealLifted ?? raster, ordered, merges, joins, this.#recognition);
    }
    // The lines are built outside the stage clock, as ever; the seals' rings are read inside it, as ever.
    let recogniseMs = lap();
    const lines: OcrLine[] = [];
    ordered.forEach((region, index) => {
      if (joins.has(index)) return;
      const merged = merges[index];
      // A line grown over a faint glyph: whatever was read at that end is not sure (the glyph itself may be lost).
      const grown = region.faintEnds ? withEndsUnconfirmed(merged.reading, region.faintEnds) : merged.reading;
      // A character half seen and emitted by no reading: its neighbours are not sure either.
      const reading =
        this.#options.hiddenCharacters !== false
          ? withHiddenCharactersUnconfirmed(withHiddenCharactersOf(grown, merged.readings ?? [merged.reading]), UNCONFIRMED_CHARACTER_CONFIDENCE)
          : grown;
      const trimmed = reading.text.trim();
      if (trimmed === '' || reading.confidence < MIN_LINE_CONFIDENCE) return;
      const words = characterWords(shown(merged.region), reading, raster);
      const onRows = shown(region);
      lines.push({
        text: trimmed,
        confidence: round4(
          merged.other && !merged.other.agrees
            ? meanOf(
                words.map((w) => w.confidence),
                reading.confidence,
              )
            : reading.confidence,
        ),
        box: boundingBox(onRows, raster),
        ...(onRows !== region ? { pageBox: boundingBox(region, raster) } : {}),
        words,
        ...(merged.other ? { secondReading: merged.other } : {}),
      });
    });
    // A round seal's lettering, read whole from its ring unrolled (the detector boxes the arc in pieces), on a page
    // with coloured ink whose own text asks for it (the gate sees the page's lines, upright).
    const coloured = conditioned?.conditions;
    const gate = this.#options.sealRings;
    lap();
    const seals: SealRingReading[] =
      gate &&
      coloured &&
      coloured.colouredTiles.some((count) => count > 0) &&
      (gate === true || gate({ pageNumber, width: raster.width, height: raster.height, rotation: turn, source: 'paddle', lines }))
        ? await sealRingReadings(models, read, typicalLineHeight(ordered), this.#recognition, {
            counts: coloured.colouredTiles,
            across: coloured.tilesAcross,
            tile: coloured.inkTile,
          })
        : [];
    recogniseMs += lap();
    for (const { ring, reading } of seals) {
      lines.push({
        text: reading.text.trim(),
        confidence: round4(reading.confidence),
        box: boxOnUprightPage(ring.bounds, rotation, read),
        sealLettering: true,
      });
    }
    this.#options.onTimings?.({
      decodeMs,
      conditionMs,
      detectMs,
      directionMs,
      recogniseMs,
      secondReadings,
      stretchReadings,
      thirdReadings,
      secondReadingMs,
      detectionPasses,
    });
    return { pageNumber, width: raster.width, height: raster.height, rotation: turn, source: 'paddle', lines };
  }
}

/**
 * A box on the page as stored (`bounds`, px) on the page read upright, that page being the stored one turned `rotation`
 * degrees clockwise (the inverse of `regionOnStoredPage`).
 *
 * @example
 * boxOnUprightPage({ x0: 100, y0: 40, x1: 300, y1: 240 }, 90, stored); // { x: stored.height - 240, y: 100, width: 200, height: 200 }
 */
export function boxOnUprightPage(bounds: PixelBounds, rotation: PageRotation, stored: Raster): OcrLine['box'] {
  const { width: w, height: h } = stored;
  const corners: [number, number][] = [
    [bounds.x0, bounds.y0],
    [bounds.x1, bounds.y1],
  ].map(([x, y]): [number, number] => {
    switch (rotation) {
      case 0:
        return [x, y];
      case 90:
        return [h - y, x];
      case 180:
        return [w - x, h - y];
      case 270:
        return [y, w - x];
    }
  });
  const xs = corners.map(([x]) => x);
  const ys = corners.map(([, y]) => y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x: Math.round(x), y: Math.round(y), width: Math.round(Math.max(...xs) - x), height: Math.round(Math.max(...ys) - y) };
}

/**
 * The page's regions and readings with the unboxed values beside bare labels (`regionsBesideBareLabels`) read and put
 * in reading order among them (`order`: the page's own, or a curled page's straightened rows); the same arrays when
 * there are none.
 */
async function withValuesBesideBareLabels(
  models: PaddleModels,
  raster: Raster,
  ordered: TextRegion[],
  texts: RecognisedText[],
  recognition: RecognitionSettings,
  order: (regions: TextRegion[]) => TextRegion[],
): Promise<{ ordered: TextRegion[]; texts: RecognisedText[] }> {
  const found = regionsBesideBareLabels(
    raster,
    ordered,
    texts.map((text) => text.text),
  );
  if (found.length === 0) return { ordered, texts };
  const read = await recogniseRegions(models.recognition, models.alphabet, raster, found, recognition);
  // Ink beside a label is not always a value (a seal's remains, a stray mark): only a sure reading is kept.
  const kept = found.flatMap((region, k) => (read[k].confidence >= SECOND_READING_BELOW ? [{ region, reading: read[k] }] : []));
  if (kept.length === 0) return { ordered, texts };
  const reading = new Map<TextRegion, RecognisedText>(ordered.map((region, k) => [region, texts[k]]));
  kept.forEach((value) => reading.set(value.region, value.reading));
  const all = order([...ordered, ...kept.map((value) => value.region)]);
  return { ordered: all, texts: all.map((region) => reading.get(region)!) };
}

/** At most this many split lines are read whole on one page (see `readSplitLinesWhole`): keeps a page's cost bounded. */
const MAX_SPLIT_LINES = 4;

/**
 * Each line the detector cut in two over a glyph (see `linesSplitOverGlyphs`) read whole, from the page the regions
 * were found on and from the page as stored (a seal's star suppressed on the one can take the print under it along:
 * `201.3-05` there, `2014-03-05` here). A reading that holds the pieces and more (see `wholeReadingOfSplitLine`; a
 * label and its value read whole give nothing more) replaces the first piece in place, in `ordered` and in `merges`;
 * returns the indices of the second pieces, now to be dropped.
 */
async function readSplitLinesWhole(
  models: PaddleModels,
  pages: Pick<PagesRead, 'stored' | 'raster' | 'rotation'>,
  ordered: TextRegion[],
  merges: MergedLine[],
  recognition: RecognitionSettings,
): Promise<Set<number>> {
  const dropped = new Set<number>();
  const splits = linesSplitOverGlyphs(pages.raster, ordered)
    .filter((split) => merges[split.first].reading.text.trim() !== '' && merges[split.second].reading.text.trim() !== '')
    .slice(0, MAX_SPLIT_LINES);
  if (splits.length === 0) return dropped;
  const joined = splits.map((split) => split.joined);
  const [onPage, onStored] = await Promise.all([
    recogniseRegions(models.recognition, models.alphabet, pages.raster, joined, recognition),
    pages.stored === pages.raster
      ? Promise.resolve(undefined)
      : recogniseRegions(
          models.recognition,
          models.alphabet,
          pages.stored,
          joined.map((region) => regionOnStoredPage(region, pages.rotation, pages.stored)),
          recognition,
        ),
  ]);
  splits.forEach((split, k) => {
    if (dropped.has(split.first) || dropped.has(split.second)) return;
    const reading = wholeReadingOfSplitLine(merges[split.first].reading, merges[split.second].reading, [onPage[k], onStored?.[k]]);
    if (!reading) return;
    merges[split.first] = { reading, region: split.joined, readings: [reading] };
    ordered[split.first] = split.joined;
    dropped.add(split.second);
  });
  return dropped;
}

/**
 * Of the whole readings of a line cut in two (`first` and `second` its pieces' readings), the surest one that is fairly
 * sure (`SECOND_READING_BELOW`) and holds the pieces' characters (all but one) with a letter, digit or CJK character
 * more besides, with the characters the pieces did not read capped at `UNCONFIRMED_CHARACTER_CONFIDENCE`; undefined
 * when none does (a label and its value read whole give nothing more than the two). Exposed for tests.
 *
 * @example
 * wholeReadingOfSplitLine(read('杭州'), read('溪职业技术培训中心'), [read('杭州西溪职业技术培训中心')])?.text; // '杭州西溪职业技术培训中心', `西` at 0.5
 */
export function wholeReadingOfSplitLine(
  first: RecognisedText,
  second: RecognisedText,
  readings: readonly (RecognisedText | undefined)[],
): RecognisedText | undefined {
  const pieces = [...first.characters, ...second.characters].filter((c) => c.trim() !== '');
  const whole = readings
    .filter((reading): reading is RecognisedText => reading !== undefined && reading.confidence >= SECOND_READING_BELOW)
    .filter((reading) => {
      const printed = reading.characters.filter((c) => c.trim() !== '');
      return printed.length > pieces.length && commonCharacters(printed, pieces).length >= pieces.length - 1;
    })
    .sort((a, b) => b.confidence - a.confidence)[0];
  if (!whole) return undefined;
  const shared = commonCharacters(whole.characters, pieces);
  // Only a letter, digit or CJK character gained is worth the join: a bracket or a stroke between a number and its
  // mark (`S3301…` | `复印件)`) is better left to the pieces the reader knows.
  const inShared = new Set(shared.map(([i]) => i));
  if (!whole.characters.some((c, i) => !inShared.has(i) && /[\p{L}\p{N}]/u.test(c))) return undefined;
  const confirmed = confirmedCharacters(whole.characters, pieces, shared);
  return {
    ...whole,
    characterConfidences: whole.characterConfidences.map((c, i) => (confirmed[i] ? c : Math.min(c, UNCONFIRMED_CHARACTER_CONFIDENCE))),
  };
}

/** At most this many lines with a cut end are read again on one page (see `readCutLineEnds`): keeps a page's cost bounded. */
const MAX_CUT_LINE_ENDS = 4;
/** At most this many characters are taken past a cut end: the two glyphs `lineEndsAgainstMarks` looks for, and one narrow. */
const MAX_GAINED_PAST_END = 3;

/**
 * Each line whose region ends short of its print (see `lineEndsAgainstMarks`) read again over what it left out, from
 * the page the regions were found on. A reading that holds the line's and gains letters, digits or CJK characters at
 * the grown ends (see `readingPastCutEnds`) replaces the line in place, in `ordered` and in `merges`.
 */
async function readCutLineEnds(
  models: PaddleModels,
  raster: Raster,
  ordered: TextRegion[],
  merges: MergedLine[],
  joined: ReadonlySet<number>,
  recognition: RecognitionSettings,
): Promise<void> {
  const cut = lineEndsAgainstMarks(raster, ordered)
    .filter((line) => !joined.has(line.index) && merges[line.index].reading.text.trim() !== '')
    .slice(0, MAX_CUT_LINE_ENDS);
  if (cut.length === 0) return;
  const read = await recogniseRegions(
    models.recognition,
    models.alphabet,
    raster,
    cut.map((line) => line.grown),
    recognition,
  );
  cut.forEach((line, k) => {
    const reading = readingPastCutEnds(merges[line.index].reading, read[k], line.sides);
    if (!reading) return;
    merges[line.index] = { ...merges[line.index], reading, region: line.grown, readings: [reading] };
    ordered[line.index] = line.grown;
  });
}

/**
 * The reading of a line's region grown past its cut ends (`sides`), when it holds the line's own reading (`kept`, its
 * characters in order, spaces aside) with 1–`MAX_GAINED_PAST_END` letters, digits or CJK characters more at the grown
 * ends only; punctuation and strokes read past the gained characters (a seal's ring read `)` or `|`) are dropped. The
 * gained characters are capped at `UNCONFIRMED_CHARACTER_CONFIDENCE` (a ring's arc can read as `1`); the line's own
 * keep the surer of their two readings. Undefined when the reading does not extend the line. Exposed for tests.
 *
 * @example
 * readingPastCutEnds(read('签订日期：2019-06-1'), read('签订日期：2019-06-17)'), [1])?.text; // '签订日期：2019-06-17', `7` at 0.5
 */
export function readingPastCutEnds(kept: RecognisedText, grown: RecognisedText, sides: readonly (1 | -1)[]): RecognisedText | undefined {
  const own = kept.characters.flatMap((c, i) => (c.trim() === '' ? [] : [i]));
  const theirs = grown.characters.flatMap((c, i) => (c.trim() === '' ? [] : [i]));
  if (own.length < 2 || theirs.length <= own.length) return undefined;
  const isWord = (c: string) => /[\p{L}\p{N}]/u.test(c);
  const ownText = own.map((i) => kept.characters[i]);
  const grownText = theirs.map((i) => grown.characters[i]).join('');
  // Where the line's own characters stand in the grown reading, as one run; the character at a grown end may read
  // differently once the glyph beside it is in the crop (`有限公` + `司` read `有限密司`): one such is allowed.
  const placements: { at: number; changed?: number }[] = [{ at: grownText.indexOf(ownText.join('')) }];
  if (sides.includes(1)) {
    const at = grownText.indexOf(ownText.slice(0, -1).join(''));
    placements.push({ at, changed: own.length - 1 });
  }
  if (sides.includes(-1)) {
    const at = grownText.indexOf(ownText.slice(1).join(''));
    placements.push({ at: at - 1, changed: 0 });
  }
  const placed = placements.find(({ at }) => at >= 0 && at + own.length <= theirs.length && ownText.join('').length === own.length);
  if (!placed) return undefined;
  const { at } = placed;
  let before = theirs.slice(0, at);
  let after = theirs.slice(at + own.length);
  // Marks read past the gained characters are the mark that hid them, not print: dropped from the outer ends.
  while (before.length > 0 && !isWord(grown.characters[before[0]])) before = before.slice(1);
  while (after.length > 0 && !isWord(grown.characters[after.at(-1)!])) after = after.slice(0, -1);
  if ((before.length > 0 && !sides.includes(-1)) || (after.length > 0 && !sides.includes(1))) return undefined;
  const gained = [...before, ...after];
  if (gained.length === 0 || gained.length > MAX_GAINED_PAST_END || !gained.some((i) => isWord(grown.characters[i]))) return undefined;
  // The line's own characters keep the surer of their two readings (a changed one, whichever is surer, unconfirmed);
  // spaces between characters are kept as read.
  const ownAt = new Map(theirs.slice(at, at + own.length).map((i, k) => [i, k]));
  const isGained = new Set(gained);
  const from = before[0] ?? theirs[at];
  const to = after.at(-1) ?? theirs[at + own.length - 1];
  const keptIndices = grown.characters.flatMap((_, i) => (i >= from && i <= to ? [i] : []));
  const characters: string[] = [];
  const characterConfidences: number[] = [];
  for (const i of keptIndices) {
    const read = grown.characterConfidences[i];
    const k = ownAt.get(i);
    if (isGained.has(i)) {
      characters.push(grown.characters[i]);
      characterConfidences.push(Math.min(read, UNCONFIRMED_CHARACTER_CONFIDENCE));
    } else if (k === undefined) {
      characters.push(grown.characters[i]);
      characterConfidences.push(read);
    } else {
      const mine = kept.characterConfidences[own[k]];
      const agree = kept.characters[own[k]] === grown.characters[i];
      characters.push(agree || mine >= read ? kept.characters[own[k]] : grown.characters[i]);
      characterConfidences.push(agree ? Math.max(read, mine) : Math.min(Math.max(read, mine), UNCONFIRMED_CHARACTER_CONFIDENCE));
    }
  }
  return {
    text: characters.join(''),
    confidence: meanOf(characterConfidences, grown.confidence),
    characters,
    characterConfidences,
    characterPositions: keptIndices.map((i) => grown.characterPositions[i]),
  };
}

/** A line read a second time: from the page as stored (ink not suppressed) or with a looser crop. */
export interface SecondReading {
  reading: RecognisedText;
  /** The region the second reading's character positions refer to (in the upright page). */
  region: TextRegion;
  /** Only a stretch of the line was read again (see `stretchToReadAgain`); the rest is the first reading. */
  stretched?: boolean;
}

interface PagesRead {
  /** The page as decoded, before conditioning and turning. */
  stored: Raster;
  /** The page the regions were found on (conditioned and turned upright). */
  raster: Raster;
  rotation: PageRotation;
  /** Set when conditioning changed the page. */
  conditions?: PageConditions;
}

/**
 * Second readings of the lines that need one: lines that touch suppressed coloured ink (read again from the page as
 * stored, so a suppressed red character cannot vanish unnoticed), and unsure lines (read again with a looser crop, or
 * from the stored page when conditioning changed it). Returns one entry per region (undefined = read once).
 */
async function readAgain(
  models: PaddleModels,
  pages: PagesRead,
  regions: TextRegion[],
  texts: RecognisedText[],
  recognition: RecognitionSettings,
  steps: { unsureCharacters: boolean; hiddenCharacters: boolean } = { unsureCharacters: true, hiddenCharacters: true },
): Promise<(SecondReading | undefined)[]> {
  const wanted: { index: number; priority: number; region: TextRegion; onStored: boolean; stretch?: LineStretch }[] = [];
  regions.forEach((region, index) => {
    const first = texts[index];
    const { confidence, text, characterConfidences } = first;
    if (text.trim() === '' || confidence < SECOND_READING_FLOOR) return;
    const storedRegion = pages.conditions ? regionOnStoredPage(region, pages.rotation, pages.stored) : undefined;
    const sure = confidence >= SURE_UNDER_INK && characterConfidences.every((c) => c >= SURE_CHARACTER);
    const underInk = !sure && storedRegion !== undefined && touchesSuppressedInk(pages.conditions!, boundingBox(storedRegion, pages.stored));
    if (underInk) {
      // A line doubtful throughout is read whole; a fairly sure one only where the ink was.
      // Only where conditioning changed nothing but the suppressed tiles are the stored pixels elsewhere the ones read.
      const inked =
        confidence >= SECOND_READING_BELOW && !region.centreLine && onlyInkSuppressed(pages.conditions!)
          ? suppressedStretch(pages.conditions!, storedRegion)
          : undefined;
      const stretch = inked ? stretchToReadAgain(region, first, inked) : undefined;
      wanted.push({ index, priority: 0, region: stretch ? stretchOf(storedRegion, stretch) : storedRegion, onStored: true, stretch });
    } else if (confidence < SECOND_READING_BELOW) {
      if (storedRegion) wanted.push({ index, priority: confidence, region: storedRegion, onStored: true });
      else wanted.push({ index, priority: confidence, region: loosened(region), onStored: false });
    } else if ((steps.unsureCharacters && hasUnsureCharacter(first)) || (steps.hiddenCharacters && first.hiddenCharacters)) {
      // A sure line with one unsure character (`莫千山路`, `千` at 0.61), or one it half saw and dropped (`室` for
      // `5室`): a looser crop, after the doubtful lines. A long line is read again only about its unsure characters.
      const unsure = first.hiddenCharacters?.length || region.centreLine ? undefined : unsureStretch(region, first);
      const stretch = unsure ? stretchToReadAgain(region, first, unsure) : undefined;
      wanted.push({ index, priority: confidence, region: stretch ? stretchOf(loosened(region), stretch) : loosened(region), onStored: false, stretch });
    }
  });
  wanted.sort((a, b) => a.priority - b.priority);
  const chosen = wanted.slice(0, MAX_SECOND_READINGS);
  const result: (SecondReading | undefined)[] = new Array(regions.length).fill(undefined);
  // Whole lines first, then stretches: a stretch is read once at its own width (its agreement with the first reading
  // is weighed anyway, and an unsure line under ink is read a third time), not again padded to 320 px.
  const onStored = [...chosen.filter((w) => w.onStored && !w.stretch), ...chosen.filter((w) => w.onStored && w.stretch)];
  const wholeOnStored = onStored.filter((w) => !w.stretch).length;
  // On the page, too, whole lines first and then stretches, each stretch read once at its own width.
  const onPage = [...chosen.filter((w) => !w.onStored && !w.stretch), ...chosen.filter((w) => !w.onStored && w.stretch)];
  const wholeOnPage = onPage.filter((w) => !w.stretch).length;
  const readStored = (from: number, to: number, settings: RecognitionSettings) =>
    to > from
      ? recogniseRegions(
          models.recognition,
          models.alphabet,
          pages.stored,
          onStored.slice(from, to).map((w) => w.region),
          settings,
        )
      : Promise.resolve([]);
  const readOnPage = (from: number, to: number, settings: RecognitionSettings) =>
    to > from
      ? recogniseRegions(
          models.recognition,
          models.alphabet,
          pages.raster,
          onPage.slice(from, to).map((w) => w.region),
          settings,
        )
      : Promise.resolve([]);
  const [fromStored, fromPage] = await Promise.all([
    Promise.all([readStored(0, wholeOnStored, recognition), readStored(wholeOnStored, onStored.length, { ...recognition, confirmBelow: 0 })]).then((read) =>
      read.flat(),
    ),
    Promise.all([readOnPage(0, wholeOnPage, recognition), readOnPage(wholeOnPage, onPage.length, { ...recognition, confirmBelow: 0 })]).then((read) =>
      read.flat(),
    ),
  ]);
  // Character positions are fractions along the region, so a stored-page reading's boxes use the upright region.
  onStored.forEach((w, k) => {
    const reading = w.stretch ? splicedReading(texts[w.index], w.stretch, fromStored[k], regions[w.index].width) : fromStored[k];
    result[w.index] = { reading, region: regions[w.index], ...(w.stretch ? { stretched: true } : {}) };
  });
  onPage.forEach((w, k) => {
    result[w.index] = w.stretch
      ? { reading: splicedReading(texts[w.index], w.stretch, fromPage[k], regions[w.index].width), region: regions[w.index], stretched: true }
      : { reading: fromPage[k], region: w.region };
  });
  return result;
}

/** Conditioning changed only the tiles where coloured ink was suppressed (no flattening, stretching or lifting). */
function onlyInkSuppressed(conditions: PageConditions): boolean {
  return !conditions.unevenLight && !conditions.faintInk && !conditions.lightOverprint;
}

/** Fewer bent lines than this on a page is no curl (a curled page bends every long line it has). */
export { CURL_MIN_BENT_LINES };

/**
 * The bent lines of a page that shows no curl (`CURL_MIN_BENT_LINES`): a line that sags alone is more often crossed
 * by a stroke (a signature scrawled under a date) than curled, and reading along that bend can drop a character at
 * full confidence (`2013年11月28日` read `2013年1月28日` at 0.998 on a flat scan). Their indexes in `regions`.
 *
 * @example
 * loneBentLines(regions); // [4] — one bent line among straight ones
 */
export function loneBentLines(regions: readonly TextRegion[]): number[] {
  const bent = regions.flatMap((region, index) => (region.centreLine ? [index] : []));
  return bent.length < CURL_MIN_BENT_LINES ? bent : [];
}

/**
 * Each lone bent line read again as one straight rectangle, for `mergeReadings` to hold the two readings together;
 * not a line that already has a second reading (`readAgain`'s, which that line keeps).
 */
async function readLoneBendsStraight(
  models: PaddleModels,
  raster: Raster,
  regions: TextRegion[],
  recognition: RecognitionSettings,
  secondReadings: readonly (SecondReading | undefined)[],
): Promise<(SecondReading | undefined)[]> {
  const result: (SecondReading | undefined)[] = new Array(regions.length).fill(undefined);
  const lone = loneBentLines(regions).filter((index) => !secondReadings[index]);
  if (lone.length === 0) return result;
  const straight = lone.map((index) => {
    const { centreLine: _bend, ...rectangle } = regions[index];
    return rectangle;
  });
  const read = await recogniseRegions(models.recognition, models.alphabet, raster, straight, recognition);
  lone.forEach((index, k) => (result[index] = { reading: read[k], region: straight[k] }));
  return result;
}

/** The region grown a little across and along the line: a second crop that takes in a clipped stroke. */
function loosened(region: TextRegion): TextRegion {
  return { ...region, width: region.width + region.height * 0.3, height: region.height * 1.2 };
}

/**
 * The same region on the page as stored, before it was turned `rotation` degrees clockwise (`stored` is that page).
 *
 * @example
 * regionOnStoredPage(region, 90, stored);
 */
export function regionOnStoredPage(region: TextRegion, rotation: PageRotation, stored: Raster): TextRegion {
  const { width: w, height: h } = stored;
  switch (rotation) {
    case 0:
      return region;
    case 90:
      return { ...region, cx: region.cy, cy: h - region.cx, angle: region.angle - Math.PI / 2 };
    case 180:
      return { ...region, cx: w - region.cx, cy: h - region.cy, angle: region.angle + Math.PI };
    case 270:
      return { ...region, cx: w - region.cy, cy: region.cx, angle: region.angle + Math.PI / 2 };
  }
}

function withoutSpaces(text: string): string {
  return text.replace(/[\s\u3000]/g, '');
}

/**
 * Takes the agreement of two readings of one line: the surer reading is kept; where they disagree, its characters
 * that the other reading does not share (longest common subsequence) keep at most `UNCONFIRMED_CHARACTER_CONFIDENCE`.
 * Exposed for tests.
 *
 * @example
 * mergeReadings(first, region, { reading: again, region }).other.agrees; // false when the texts differ
 */
export function mergeReadings(
  first: RecognisedText,
  region: TextRegion,
  second: SecondReading,
): { reading: RecognisedText; region: TextRegion; other: NonNullable<OcrLine['secondReading']> } {
  let secondWins = second.reading.confidence > first.confidence && second.reading.text.trim() !== '';
  // Where one reading is the other with characters left out, the fuller one is kept if it is fairly sure: ink
  // suppression or a tight crop loses strokes (a seal-covered 急 dropped from 浙江省应急管理厅) far more often than
  // the recogniser invents characters. So it is, however unsure, when each character it adds is one the surer reading
  // half saw at that place (`fillsHalfSeenCharacters`): its added characters are unconfirmed below, so still flagged.
  const [sure, unsure] = secondWins ? [second.reading, first] : [first, second.reading];
  if (isShorterSubsequence(sure.characters, unsure.characters)) {
    const halfSeen = unsure.confidence < SECOND_READING_BELOW && fillsHalfSeenCharacters(sure, unsure);
    if (unsure.confidence >= SECOND_READING_BELOW || halfSeen) secondWins = !secondWins;
  }
  const kept = secondWins ? second.reading : first;
  const other = secondWins ? first : second.reading;
  const agrees = withoutSpaces(kept.text) === withoutSpaces(other.text);
  let reading = kept;
  if (!agrees) {
    const pairs = commonCharacters(kept.characters, other.characters);
    const confirmed = confirmedCharacters(kept.characters, other.characters, pairs);
    reading = {
      ...kept,
      characterConfidences: kept.characterConfidences.map((c, k) => (confirmed[k] ? c : Math.min(c, UNCONFIRMED_CHARACTER_CONFIDENCE))),
    };
    const alternatives = withOtherReadingsChoices(kept, other, pairs);
    if (alternatives) reading.characterAlternatives = alternatives;
  }
  return {
    reading,
    region: secondWins ? second.region : region,
    other: { text: other.text.trim(), confidence: round4(other.confidence), agrees },
  };
}

/**
 * The kept reading's second choices, with what the other reading read instead where the two differ by substitution
 * only (as many characters on both sides between two they share): that character, at the other reading's probability,
 * is the second choice of the kept one unless its own second choice was likelier. Undefined when there is none.
 */
function withOtherReadingsChoices(kept: RecognisedText, other: RecognisedText, pairs: [number, number][]): (CharacterAlternative | undefined)[] | undefined {
  const choices: (CharacterAlternative | undefined)[] = kept.characterAlternatives
    ? [...kept.characterAlternatives]
    : new Array(kept.characters.length).fill(undefined);
  let any = kept.characterAlternatives !== undefined;
  const bounded: [number, number][] = [[-1, -1], ...pairs, [kept.characters.length, other.characters.length]];
  for (let k = 1; k < bounded.length; k++) {
    const [i0, j0] = bounded[k - 1];
    const [i1, j1] = bounded[k];
    if (i1 - i0 !== j1 - j0) continue;
    for (let d = 1; i0 + d < i1; d++) {
      const text = other.characters[j0 + d];
      const confidence = other.characterConfidences[j0 + d];
      if (text.trim() === '' || confidence <= (choices[i0 + d]?.confidence ?? 0)) continue;
      choices[i0 + d] = { text, confidence };
      any = true;
    }
  }
  return any ? choices : undefined;
}

function meanOf(values: number[], fallback: number): number {
  return values.length === 0 ? fallback : values.reduce((a, b) => a + b, 0) / values.length;
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

function boundingBox(region: TextRegion, raster: Raster): OcrLine['box'] {
  const corners = regionCorners(region);
  const xs = corners.map(([x]) => Math.min(raster.width, Math.max(0, x)));
  const ys = corners.map(([, y]) => Math.min(raster.height, Math.max(0, y)));
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x: Math.round(x), y: Math.round(y), width: Math.round(Math.max(...xs) - x), height: Math.round(Math.max(...ys) - y) };
}

/**
 * The kept reading with the characters half seen by every reading of the line that emitted exactly its characters
 * (itself, and the other reading when both read the same): a second crop that drops the same character without a trace
 * does not clear the first one's doubt. A reading that differs was weighed by `mergeReadings` already.
 *
 * @example
 * withHiddenCharactersOf(kept, [first, second]).hiddenCharacters; // the `5` the first reading half saw before `室`
 */
export function withHiddenCharactersOf(kept: RecognisedText, readings: readonly RecognisedText[]): RecognisedText {
  const same = readings.filter(
    (other) => other === kept || (other.characters.length === kept.characters.length && other.characters.every((c, k) => c === kept.characters[k])),
  );
  const hidden = same.flatMap((other) => other.hiddenCharacters ?? []);
  if (hidden.length === (kept.hiddenCharacters?.length ?? 0)) return kept;
  return { ...kept, hiddenCharacters: hidden };
}

/**
 * The reading with the letter or digit nearest each of `sides` (1: the line's end, −1: its start) capped at
 * `UNCONFIRMED_CHARACTER_CONFIDENCE`: the region was grown over a faint glyph there (`TextRegion.faintEnds`), which
 * the recogniser may have read (`一西路…`, right) or left out (`西路…` at full confidence, a character lost).
 *
 * @example
 * withEndsUnconfirmed(reading, [-1]).characterConfidences[0]; // 0.5 for `一西路377号…` grown over its faint `一`
 */
export function withEndsUnconfirmed(reading: RecognisedText, sides: readonly (1 | -1)[]): RecognisedText {
  const capped = [...reading.characterConfidences];
  for (const side of sides) {
    const order = reading.characters.map((_, k) => (side === 1 ? reading.characters.length - 1 - k : k));
    const at = order.find((k) => /[\p{L}\p{N}]/u.test(reading.characters[k]));
    if (at !== undefined) capped[at] = Math.min(capped[at], UNCONFIRMED_CHARACTER_CONFIDENCE);
  }
  return { ...reading, characterConfidences: capped };
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
    const alternative = recognised.characterAlternatives?.[k];
    words.push({
      text,
      confidence: round4(recognised.characterConfidences[k]),
      box,
      ...(alternative ? { alternative: { text: alternative.text, confidence: round4(alternative.confidence) } } : {}),
    });
  });
  return words;
}

/** CPU milliseconds used by the process so far (every thread). */
function cpuNow(): number {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
}

function round4(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
