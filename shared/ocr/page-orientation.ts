import type { PaddleModels } from './paddle-models.js';
import type { ConditionedPage } from './page-conditioning.js';
import { rotateRaster, type Raster } from './raster.js';
import { turnedCentreLine } from './bent-lines.js';
import { printRunsAcross } from './print-direction.js';
import { classifyUpsideDown, recogniseRegions, type RecognitionSettings } from './text-lines.js';
import { detectTextRegions, type DetectedRegions, type DetectionSettings, type TextRegion } from './text-regions.js';

/** The clockwise turn that brought a page upright. */
export type PageRotation = 0 | 90 | 180 | 270;

/** How many of the longest lines the direction classifier looks at to decide whether a page is upside down. */
const DIRECTION_SAMPLE = 8;
/** A page lies on its side when its lines run within this many radians of vertical. */
const SIDEWAYS_TOLERANCE = Math.PI / 4;
/**
 * The direction classifier is in no doubt that a page is upside down when its vote for the page (`upsideDownShare`) is
 * at least `SURE_UPSIDE_DOWN` and its vote for the same lines turned 180° at most `SURE_UPRIGHT_WHEN_TURNED`: it then
 * contradicts itself nowhere, and the page is turned without reading its lines both ways. On the 24 pages of seen
 * families whose check ran (three samples, docs/ocr.md, "cpu29") such votes were 0.85–1.00 and 0.00–0.17, and reading
 * both ways turned every one of them; the noisy scans it misjudges vote "upside down" for both turns (the fixture
 * `noisy-contract-cover.jpg`: 0.54 and 0.73), and are read both ways as before.
 */
const SURE_UPSIDE_DOWN = 0.8;
const SURE_UPRIGHT_WHEN_TURNED = 0.2;

/** A page with its regions, after a turning step. */
export interface TurnedPage {
  raster: Raster;
  rotation: PageRotation;
  detected: DetectedRegions;
  regions: TextRegion[];
  /** Detection passes run so far on this page. */
  detectionPasses: number;
  /**
   * The regions were found on the page as stored and turned along with it (enough to judge which way is up, not to
   * read by): the page is detected again once its turn is settled.
   */
  provisional?: boolean;
}

/**
 * The page to detect and read in its final turn, given that turn (clockwise from the page as stored) and the page the
 * turning steps turned (`turned`: the page they were handed, turned). The default is `turned` itself; the engine draws
 * the page again from its stored pixels turned, so that conditioning runs on the page as it will be read (see
 * `PaddleOcrEngine`).
 */
export type PageInItsTurn = (rotation: PageRotation, turned: Raster) => Promise<Raster>;

const theTurnedPage: PageInItsTurn = async (_rotation, turned) => turned;

/**
 * The page detected as stored and, when its lines run vertically (it lies on its side), turned 90° clockwise with its
 * regions turned along (`provisional`: not detected on the turned page). Whether 90° was the right way round is
 * `turnIfUpsideDown`'s to settle, which then detects the page once, in its final turn. A page whose print runs down it
 * (`printRunsAcross` of `asStored`, the page's pixels before conditioning, under `SIDEWAYS_PRINT_BELOW`) is first
 * detected small (`GLANCE_SIDE`): when that pass finds it on its side, its regions judge which way is up and the page
 * is never detected at full size as stored; otherwise it is detected at full size as any page.
 *
 * @example
 * const onItsFeet = await turnOffItsSide(models, raster, DEFAULT_DETECTION_SETTINGS);
 */
export async function turnOffItsSide(models: PaddleModels, raster: Raster, detection: DetectionSettings, asStored: Raster = raster): Promise<TurnedPage> {
  const glance = Math.max(raster.width, raster.height) >= GLANCE_MIN_GAIN * GLANCE_SIDE && printRunsAcross(asStored) < SIDEWAYS_PRINT_BELOW;
  const small = glance ? await detectTextRegions(models.detection, raster, glanceSettings(detection)) : undefined;
  if (small && small.lineCount >= GLANCE_MIN_LINES && liesOnItsSide(small)) return onItsSide(raster, small, 1);
  const detected = await detectTextRegions(models.detection, raster, detection);
  const passes = small ? 2 : 1;
  if (!liesOnItsSide(detected)) return { raster, rotation: 0, detected, regions: detected.regions, detectionPasses: passes };
  return onItsSide(raster, detected, passes);
}

/**
 * A page's print runs down it (it may lie on its side) when `printRunsAcross` is under this: on 113 scans and photos of
 * seen families, pages on their side gave −1.3 and under, pages upright or upside down +1.35 and over (docs/ocr.md,
 * "peer34"). A page it misses is detected as before; one it takes wrongly pays for the small pass.
 */
const SIDEWAYS_PRINT_BELOW = -0.8;
/**
 * The longer side (px of the detector's input) of the small pass that tells a page on its side: ≈ a quarter of a
 * 1,280-px pass's CPU. At 480 px two of 23 pages on their side showed one line (print too small to find); at 640 px
 * every one showed its side as the 1,280-px pass does.
 */
const GLANCE_SIDE = 640;
/** The small pass is taken only where the page is read at least this many times larger. */
const GLANCE_MIN_GAIN = 1.5;
/** The small pass's word is taken on this many lines at least (else the page is detected at full size). */
const GLANCE_MIN_LINES = 4;

/** The detection settings of the small pass: `GLANCE_SIDE` px, never enlarged, no small-print pass. */
function glanceSettings(detection: DetectionSettings): DetectionSettings {
  return { ...detection, limitSide: GLANCE_SIDE, firstPassSide: 0, smallPrintSide: 0, minLongSide: 0 };
}

/** The page turned 90° clockwise with its regions turned along (`provisional`: not detected on the turned page). */
async function onItsSide(raster: Raster, detected: DetectedRegions, detectionPasses: number): Promise<TurnedPage> {
  const turned = await rotateRaster(raster, 90);
  const regions = detected.regions.map((region) => turnQuarter(region, raster));
  return { raster: turned, rotation: 90, detected, regions, detectionPasses, provisional: true };
}

/**
 * The page turned 180° when PP-OCR's direction classifier calls its longest lines upside down and either is in no
 * doubt (it calls the same lines turned upright: `SURE_UPSIDE_DOWN`, `SURE_UPRIGHT_WHEN_TURNED`) or reading a sample of
 * them both ways agrees (the surer reading wins); the same page otherwise. A page turned by either step is detected
 * once more, on `inItsTurn(rotation, turned)`; a page left as stored is returned as it came.
 *
 * @example
 * const upright = await turnIfUpsideDown(models, await turnOffItsSide(models, raster, detection), detection, recognition);
 */
export async function turnIfUpsideDown(
  models: PaddleModels,
  page: TurnedPage,
  detection: DetectionSettings,
  recognition: RecognitionSettings,
  inItsTurn: PageInItsTurn = theTurnedPage,
): Promise<TurnedPage> {
  const { raster, regions } = page;
  const settled = (turned: Raster, rotation: PageRotation) => detectedAgain(models, page, inItsTurn(rotation, turned), rotation, detection);
  const share = await upsideDownShare(models, raster, regions);
  if (!(share > 0.5)) return page.provisional ? settled(raster, page.rotation) : page;
  const turned = await rotateRaster(raster, 180);
  const turnedRegions = regions.map((region) => turnHalfway(region, turned));
  const turnedRotation: PageRotation = page.rotation === 90 ? 270 : 180;
  // On some noisy scans the direction classifier calls both the page and its 180° turn upside down; reading the
  // sampled lines both ways and keeping the surer reading settles it. The same lines turned are classified first
  // (one small batch): a classifier sure both ways round is in no doubt, and 16 recognitions are spared.
  if (share >= SURE_UPSIDE_DOWN && (await upsideDownShare(models, turned, turnedRegions)) <= SURE_UPRIGHT_WHEN_TURNED) {
    return settled(turned, turnedRotation);
  }
  const sample = directionSample(regions);
  const [asStored, asTurned] = await Promise.all([
    meanRecognitionConfidence(
      models,
      raster,
      sample.map((k) => regions[k]),
      recognition,
    ),
    meanRecognitionConfidence(
      models,
      turned,
      sample.map((k) => turnedRegions[k]),
      recognition,
    ),
  ]);
  if (asTurned <= asStored) return page.provisional ? settled(raster, page.rotation) : page;
  // Detected again once upright: the detector is not symmetric under a half turn, and on the page upside down it splits
  // and joins lines differently (`名称` boxed as `名` and `称`, a label cut from its value), and a curl arches where it
  // sagged. An upright page never gets here, so it pays nothing for this pass.
  return settled(turned, turnedRotation);
}

async function detectedAgain(
  models: PaddleModels,
  page: TurnedPage,
  drawn: Promise<Raster>,
  rotation: PageRotation,
  detection: DetectionSettings,
): Promise<TurnedPage> {
  const raster = await drawn;
  const detected = await detectTextRegions(models.detection, raster, detection);
  return { raster, rotation, detected, regions: detected.regions, detectionPasses: page.detectionPasses + 1 };
}

/**
 * Whether the detector's regions run vertically: the page lies on its side.
 *
 * @example
 * if (liesOnItsSide(detected)) raster = await rotateRaster(raster, 90);
 */
export function liesOnItsSide(detected: DetectedRegions): boolean {
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

async function meanRecognitionConfidence(models: PaddleModels, raster: Raster, regions: TextRegion[], recognition: RecognitionSettings): Promise<number> {
  if (regions.length === 0) return 0;
  const texts = await recogniseRegions(models.recognition, models.alphabet, raster, regions, recognition);
  return texts.reduce((sum, text) => sum + text.confidence, 0) / texts.length;
}

/**
 * The direction classifier's vote that the page is upside down, over its longest lines weighted by length (a long
 * line is better evidence than a short label): 0 upright … 1 upside down; 0 when the page has no line to judge by.
 *
 * @example
 * const share = await upsideDownShare(models, raster, regions); // 0.93: upside down
 */
export async function upsideDownShare(models: PaddleModels, raster: Raster, regions: TextRegion[]): Promise<number> {
  const longest = directionSample(regions).map((k) => regions[k]);
  if (longest.length === 0) return 0;
  const upsideDown = await classifyUpsideDown(models.direction, raster, longest);
  let weight = 0;
  let score = 0;
  longest.forEach((region, k) => {
    weight += region.width;
    score += region.width * upsideDown[k];
  });
  return score / weight;
}

/**
 * The same region on the page turned 90° clockwise (`stored` is the page before the turn), as a rectangle read left to
 * right: its angle brought back within ±90°, as the detector reports angles. A bend is dropped (the direction
 * classifier looks at rectangles).
 */
function turnQuarter(region: TextRegion, stored: Raster): TextRegion {
  const { centreLine: _bend, ...rectangle } = region;
  let angle = region.angle + Math.PI / 2;
  if (angle > Math.PI / 2) angle -= Math.PI;
  return { ...rectangle, cx: stored.height - region.cy, cy: region.cx, angle };
}

/** The same region on the page turned 180° (`raster` is the turned page). */
function turnHalfway(region: TextRegion, raster: Raster): TextRegion {
  const turned = { ...region, cx: raster.width - region.cx, cy: raster.height - region.cy };
  return region.centreLine ? { ...turned, centreLine: turnedCentreLine(region.centreLine) } : turned;
}

/** A turned page drawn again from its stored pixels (see `drawnInItsTurn`). */
export interface PageDrawnInItsTurn {
  /** The page as stored, turned. */
  stored: Raster;
  /** That page conditioned, when the engine conditions pages. */
  conditioned?: ConditionedPage;
}

/**
 * The page as stored turned `rotation` degrees clockwise and conditioned in that turn: the pixels the same page given
 * upright would be conditioned, detected and read from. Conditioning works in tiles laid from the page's top left
 * corner, so conditioning a page and then turning it is not the same as turning it and then conditioning it: tiles of
 * coloured ink over print (a seal over a date) fall elsewhere, and the turned page's lines read differently from its
 * upright twin's.
 *
 * @example
 * const drawn = await drawnInItsTurn(stored, 270, (page) => conditionPage(page));
 */
export async function drawnInItsTurn(stored: Raster, rotation: PageRotation, condition?: (page: Raster) => ConditionedPage): Promise<PageDrawnInItsTurn> {
  const turned = rotation === 0 ? stored : await rotateRaster(stored, rotation);
  return { stored: turned, ...(condition ? { conditioned: condition(turned) } : {}) };
}
