import type { PaddleModels } from './paddle-models.js';
import type { Raster } from './raster.js';
import { greySealsOnPage, withGreySealsLifted, type GreySealOnPage, type GreySealsOnPage } from './grey-seals.js';
import { cropped, pageDetectionScale, typicalLineHeight } from './merged-lines.js';
import { isShorterSubsequence } from './reading-agreement.js';
import { recogniseRegions, type RecognisedText, type RecognitionSettings } from './text-lines.js';
import {
  DEFAULT_DETECTION_SETTINGS,
  detectTextRegions,
  readingOrder,
  regionBounds,
  regionContains,
  type DetectionSettings,
  type PixelBounds,
  type TextRegion,
} from './text-regions.js';

/**
 * Lines a grey seal hid from the detector. On a greyscale scan or a faint photocopy a seal has lost its colour, so
 * conditioning cannot suppress it; where its star and ring cross a date or an issuer, the detector boxes the print on
 * either side and leaves the crossed glyphs in no region at all (`签订日期：2019年10月2` and the `5日` under the star
 * gone; `颁证日期：` with only `月` and `六日` of `二〇二〇年十二月二十六日` boxed). Nothing after detection can read
 * them. So the rows a grey seal crosses (`greySealsOnPage`: a ring and star of broad, flat mid-grey strokes) are cut
 * out page-wide, the seal's strokes lifted to paper there (`withGreySealsLifted`), and detected again at the page's
 * own scale; a line found there that takes in glyphs no region held (it is longer than the regions it covers by a
 * glyph, or covers none) is read on the lifted rows and kept when it is sure and holds what the regions it replaces
 * read. docs/ocr.md, "photo22".
 */

/** The rows cut out reach this many line heights above and below the sealed lines. */
const BAND_MARGIN = 1;
/** A line found again must be at least this many line heights longer than the regions it covers together (a glyph gained). */
const GAIN_FROM = 0.8;
/** …and read at least this sure. */
const SURE_FOUND_LINE = 0.85;
/** A covered region read at least this sure must be kept by the new reading (its characters in order). */
const SURE_COVERED = 0.85;
/** Lines found again lie within this angle of the page's rows (a seal's arched lettering is not one). */
const LEVEL = (10 * Math.PI) / 180;
/** At most this many bands per page are detected again (the ones holding the most sealed lines first). */
const MAX_BANDS = 2;

/** The rows cut out around a grey seal (page-wide), and the seal's own box in them. */
export interface GreySealBand {
  rows: PixelBounds;
  seal: GreySealOnPage;
}

/**
 * The bands of rows grey seals cross: each seal's box grown by `BAND_MARGIN` line heights up and down, page-wide (a
 * label left of the seal is detected whole with its value). The largest seals first, at most `MAX_BANDS`.
 *
 * @example
 * greySealBands(page, greySealsOnPage(page, 48)!.seals, 48); // [{ rows: { x0: 0, y0: 1330, … }, seal: … }]
 */
export function greySealBands(raster: Raster, seals: readonly GreySealOnPage[], lineHeight: number): GreySealBand[] {
  const margin = Math.round(BAND_MARGIN * lineHeight);
  const area = (seal: GreySealOnPage) => (seal.bounds.x1 - seal.bounds.x0) * (seal.bounds.y1 - seal.bounds.y0);
  return [...seals]
    .sort((a, b) => area(b) - area(a))
    .slice(0, MAX_BANDS)
    .map((seal) => ({
      rows: { x0: 0, y0: Math.max(0, seal.bounds.y0 - margin), x1: raster.width, y1: Math.min(raster.height, seal.bounds.y1 + margin) },
      seal,
    }));
}

function isLevel(region: TextRegion): boolean {
  return Math.abs(region.angle) <= LEVEL;
}

/** A table's rule read as a character: joining two cells over it gains nothing. */
const RULE = /[丨｜|]/u;

function printed(text: RecognisedText): string[] {
  return text.characters.filter((c) => /[\p{L}\p{N}]/u.test(c) && !RULE.test(c));
}

/**
 * Whether a line found again on a band replaces the regions it covers: it is sure, gains a letter, digit or CJK
 * character over them (a table's rule read `丨` is none: two cells of a row under the seal joined over it), and keeps in order what each sure one read (a found line that is a seal's remnant or a
 * neighbour's half would not).
 *
 * @example
 * foundLineCounts(read('签订日期：2019年10月25日'), [read('签订日期：2019年10月2')]); // true
 */
export function foundLineCounts(found: RecognisedText, covered: readonly RecognisedText[]): boolean {
  if (found.confidence < SURE_FOUND_LINE) return false;
  const gained = printed(found);
  if (gained.length <= covered.reduce((sum, text) => sum + printed(text).length, 0)) return false;
  return covered.every((text) => text.confidence < SURE_COVERED || printed(text).length === 0 || isShorterSubsequence(printed(text), gained));
}

/**
 * The page's regions and readings with the lines grey seals hid found and read (see the module comment): each kept
 * line replaces the regions it covers, in reading order (`order`). The same arrays when no grey seal crosses a line
 * (the usual page: one sampling of the lines' boxes) or nothing was gained.
 *
 * @example
 * ({ ordered, texts } = await withLinesUnderGreySeals(models, page, ordered, texts, settings));
 */
export async function withLinesUnderGreySeals(
  models: Pick<PaddleModels, 'detection' | 'recognition' | 'alphabet'>,
  raster: Raster,
  ordered: TextRegion[],
  texts: RecognisedText[],
  recognition: RecognitionSettings,
  detection: DetectionSettings = DEFAULT_DETECTION_SETTINGS,
  order: (regions: TextRegion[]) => TextRegion[] = readingOrder,
): Promise<{ ordered: TextRegion[]; texts: RecognisedText[]; seals?: GreySealsOnPage }> {
  const lineHeight = typicalLineHeight(ordered);
  if (lineHeight === 0) return { ordered, texts };
  const found = greySealsOnPage(raster, lineHeight);
  if (!found) return { ordered, texts };
  const pageScale = pageDetectionScale(Math.max(raster.width, raster.height), detection);
  const replaced = new Set<TextRegion>();
  const added: { region: TextRegion; reading: RecognisedText }[] = [];
  for (const band of greySealBands(raster, found.seals, lineHeight)) {
    const { rows } = band;
    const seal = band.seal.bounds;
    const crop = cropped(raster, rows);
    const sealRegion: TextRegion = {
      cx: (seal.x0 + seal.x1) / 2 - rows.x0,
      cy: (seal.y0 + seal.y1) / 2 - rows.y0,
      width: seal.x1 - seal.x0,
      height: seal.y1 - seal.y0,
      angle: 0,
      score: 1,
    };
    const lifted = withGreySealsLifted(crop, [sealRegion], {
      ...found,
      lines: [{ index: 0, sealLevel: band.seal.sealLevel, liftFrom: band.seal.liftFrom, keepBelow: band.seal.keepBelow, sealArea: 1 }],
    });
    const cropLong = Math.max(crop.width, crop.height);
    const { regions: again } = await detectTextRegions(models.detection, lifted, {
      ...detection,
      firstPassSide: 0,
      smallPrintSide: 0,
      followBends: false,
      limitSide: Math.max(32, cropLong * pageScale),
      minLongSide: 0,
    });
    // Lines across the seal's columns, level, that gain on what the page's pass boxed there.
    const candidates = again
      .map((region) => ({ ...region, cx: region.cx + rows.x0, cy: region.cy + rows.y0 }))
      .filter((region) => isLevel(region) && region.width >= 2 * region.height && region.cy >= seal.y0 && region.cy <= seal.y1)
      .filter((region) => region.cx + region.width / 2 > seal.x0 && region.cx - region.width / 2 < seal.x1)
      .flatMap((region) => {
        if (ordered.some((other) => !replaced.has(other) && regionContains(other, region.cx, region.cy) && other.width >= region.width)) return [];
        const covered = ordered.filter((other) => !replaced.has(other) && regionContains(region, other.cx, other.cy));
        const coveredWidth = covered.reduce((sum, other) => sum + other.width, 0);
        return region.width - coveredWidth >= GAIN_FROM * lineHeight ? [{ region, covered }] : [];
      });
    if (candidates.length === 0) continue;
    const read = await recogniseRegions(
      models.recognition,
      models.alphabet,
      lifted,
      candidates.map(({ region }) => ({ ...region, cx: region.cx - rows.x0, cy: region.cy - rows.y0 })),
      recognition,
    );
    candidates.forEach(({ region, covered }, k) => {
      const coveredTexts = covered.map((other) => texts[ordered.indexOf(other)]);
      if (!foundLineCounts(read[k], coveredTexts)) return;
      covered.forEach((other) => replaced.add(other));
      added.push({ region, reading: read[k] });
    });
  }
  if (added.length === 0) return { ordered, texts, seals: found };
  const reading = new Map<TextRegion, RecognisedText>(ordered.map((region, k) => [region, texts[k]]));
  added.forEach(({ region, reading: text }) => reading.set(region, text));
  const all = order([...ordered.filter((region) => !replaced.has(region)), ...added.map(({ region }) => region)]);
  return { ordered: all, texts: all.map((region) => reading.get(region)!), seals: found };
}
