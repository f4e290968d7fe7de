import type { OcrLine } from '../documents/ocr-page.js';
import type { PaddleModels } from './paddle-models.js';
import { touchesSuppressedInk, type PageConditions } from './page-conditioning.js';
import type { Raster } from './raster.js';
import { commonCharacters, confirmedCharacters, isShorterSubsequence } from './reading-agreement.js';
import { recogniseRegions, type RecognisedText, type RecognitionSettings } from './text-lines.js';
import { regionBounds, type PixelBounds, type TextRegion } from './text-regions.js';
import { splicedReading, stretchOf, stretchToReadAgain, type LineStretch } from './line-stretch.js';

/**
 * A third reading of the unsure lines under a seal, from a crop built another way than the first two. The first reading
 * is of the conditioned page (the seal's ink turned grey at its brightest channel, tile by tile) and the second of the
 * page as stored; both can lose the same character where the seal's ring or star crosses blurred print (a `.` under
 * the ring: `2008.10.26` read `200810.26` twice). The third is read from the ink's own channel (the red channel under
 * a red seal), stretched against the line's own paper: the seal is nearly paper in its own channel and lifts to white,
 * print under it stays as dark as beside it, pixel by pixel rather than tile by tile.
 *
 * It runs only on lines that touch suppressed ink and are still unsure after their first two readings (a
 * disagreement, a character under `SURE_CHARACTER`, a mean under `SURE_LINE`), and reads only the stretch around
 * their unsure characters (`unsureStretch`): a page without a seal, and a sealed page whose lines were read sure, pay
 * nothing. The agreement is kept (`withSealReading`): the third reading replaces the merged one only when it is surer
 * (`SURER_BY`), its characters the merged reading lacks capped so that the reader flags them; when it disagrees and is
 * not surer, the merged reading's characters it does not confirm are capped (two readings agreeing on a lost character
 * are flagged rather than trusted). No character ever ends surer than the merged reading had it: the first and third
 * readings both have the seal's ink taken away, so their agreement lifts no flag.
 */

/** A line is sure (no third reading) when its merged reading's mean reaches this and no character is under `SURE_CHARACTER`. */
export const SURE_LINE = 0.97;
export const SURE_CHARACTER = 0.9;
/**
 * The third reading is surer when its mean is higher than each earlier reading's and its least sure character surer
 * than theirs by this much.
 */
export const SURER_BY = 0.1;
/** A third reading that is not surer counts against the merged one only from this mean confidence. */
export const EVIDENCE_FROM = 0.8;
/** A character no other reading confirms keeps at most this confidence (the engine's `UNCONFIRMED_CHARACTER_CONFIDENCE`). */
const UNCONFIRMED = 0.5;
/** At most this many lines per page are read a third time (the least sure first). */
export const MAX_SEAL_READINGS = 4;
/** Coloured ink: max − min channel at or above this (conditioning's `COLOURED_CHROMA`). */
const COLOURED_CHROMA = 60;
/** The crop reaches this many line heights past the line's box each way. */
const CROP_MARGIN = 0.3;
/** In the ink's channel: print is this quantile of the crop, paper this one. */
const PRINT_QUANTILE = 0.02;
const PAPER_QUANTILE = 0.9;
/** At and above this share of the paper (in the ink's channel) a pixel becomes white: the seal's own ink lies there. */
export const LIFT_TO_WHITE = 0.85;

/**
 * Of the crop's dark pixels (darker than the white level), at least this share must stay dark in the ink's channel: a
 * line whose dark pixels are mostly the coloured ink itself is the seal's own text (its name around the ring, read as
 * a line), which the lift would erase (13–14 % on the dev sample's seal-text lines, 29–63 % on print under a seal).
 */
export const MIN_PRINT_SHARE = 0.2;
/** A pixel counts as dark (print or coloured ink) under this share of the white level, in luminance. */
const DARK_SHARE = 0.85;

/** The merged reading of a line as the engine holds it (`mergeReadings`'s result, or the first reading alone). */
export interface MergedLine {
  reading: RecognisedText;
  region: TextRegion;
  other?: NonNullable<OcrLine['secondReading']>;
  /** The line's readings as the recogniser gave them (first, and second when read), before the merge capped any. */
  readings?: RecognisedText[];
}

/**
 * Whether a line's merged reading still needs a third reading: its two readings disagree, or it is not sure throughout.
 *
 * @example
 * unsureAfterTwoReadings(merged); // true for '200810.26' with a character at 0.75
 */
export function unsureAfterTwoReadings(line: MergedLine): boolean {
  const { reading, other } = line;
  if (reading.text.trim() === '') return false;
  if (other && !other.agrees) return true;
  return reading.confidence < SURE_LINE || reading.characterConfidences.some((c) => c < SURE_CHARACTER);
}

/**
 * The channel (0 red, 1 green, 2 blue) the coloured ink in a box is brightest in, on average over its coloured pixels:
 * the channel in which that ink is nearly paper. Undefined when the box holds no coloured ink.
 */
export function inkChannel(raster: Raster, box: PixelBounds): 0 | 1 | 2 | undefined {
  const { data, width } = raster;
  const sums = [0, 0, 0];
  let n = 0;
  for (let y = box.y0; y < box.y1; y += 2) {
    let p = (y * width + box.x0) * 3;
    for (let x = box.x0; x < box.x1; x += 2, p += 6) {
      const r = data[p];
      const g = data[p + 1];
      const b = data[p + 2];
      if (Math.max(r, g, b) - Math.min(r, g, b) < COLOURED_CHROMA) continue;
      sums[0] += r;
      sums[1] += g;
      sums[2] += b;
      n++;
    }
  }
  if (n === 0) return undefined;
  return sums[0] >= sums[1] && sums[0] >= sums[2] ? 0 : sums[1] >= sums[2] ? 1 : 2;
}

/**
 * The line's crop as grey from the ink's channel, stretched against the crop's own levels: print (`PRINT_QUANTILE`)
 * goes to black and `LIFT_TO_WHITE` of the paper (`PAPER_QUANTILE`) and above to white, so the seal's ink, nearly paper
 * in its own channel, vanishes while print crossing it stays dark. The region is returned in the crop's pixels.
 * Undefined when the crop holds no coloured ink or too little contrast.
 *
 * @example
 * const crop = inkChannelCrop(stored, region); // read crop.region on crop.raster
 */
export function inkChannelCrop(stored: Raster, region: TextRegion): { raster: Raster; region: TextRegion } | undefined {
  const box = regionBounds(region, stored, CROP_MARGIN * region.height);
  const width = box.x1 - box.x0;
  const height = box.y1 - box.y0;
  if (width <= 0 || height <= 0) return undefined;
  const channel = inkChannel(stored, box);
  if (channel === undefined) return undefined;
  const histogram = new Uint32Array(256);
  for (let y = box.y0; y < box.y1; y++) {
    let p = (y * stored.width + box.x0) * 3 + channel;
    for (let x = box.x0; x < box.x1; x++, p += 3) histogram[stored.data[p]]++;
  }
  const quantile = (q: number) => {
    let seen = 0;
    for (let v = 0; v < 256; v++) {
      seen += histogram[v];
      if (seen > q * width * height) return v;
    }
    return 255;
  };
  const print = quantile(PRINT_QUANTILE);
  const white = LIFT_TO_WHITE * quantile(PAPER_QUANTILE);
  if (white - print < 16) return undefined;
  const levels = new Uint8Array(256);
  for (let v = 0; v < 256; v++) levels[v] = Math.max(0, Math.min(255, Math.round((255 * (v - print)) / (white - print))));
  const data = new Uint8Array(width * height * 3);
  let darkInk = 0;
  let darkPrint = 0;
  for (let y = 0; y < height; y++) {
    let p = ((box.y0 + y) * stored.width + box.x0) * 3;
    let q = y * width * 3;
    for (let x = 0; x < width; x++, p += 3, q += 3) {
      const v = levels[stored.data[p + channel]];
      data[q] = data[q + 1] = data[q + 2] = v;
      const l = (stored.data[p] * 77 + stored.data[p + 1] * 150 + stored.data[p + 2] * 29) >> 8;
      if (l < DARK_SHARE * white) darkInk++;
      if (v < 128) darkPrint++;
    }
  }
  if (darkPrint < MIN_PRINT_SHARE * darkInk) return undefined;
  return { raster: { data, width, height }, region: { ...region, cx: region.cx - box.x0, cy: region.cy - box.y0 } };
}

/**
 * The stretch of a line its third reading needs: its unsure characters (under `SURE_CHARACTER`; under `SURE_LINE` when
 * none is), cut between characters and widened as a second reading's stretch is (`stretchToReadAgain`). Undefined
 * when that is most of the line: the whole line is read then.
 *
 * @example
 * unsureStretch(region, reading); // { from: 120, to: 260, keptBefore: 12, keptFrom: 17, … } around '鉴定'
 */
export function unsureStretch(region: TextRegion, reading: RecognisedText): LineStretch | undefined {
  const { characterConfidences: confidences, characterPositions: positions } = reading;
  let unsure = confidences.flatMap((c, k) => (c < SURE_CHARACTER ? [k] : []));
  if (unsure.length === 0) unsure = confidences.flatMap((c, k) => (c < SURE_LINE ? [k] : []));
  if (unsure.length === 0) return undefined;
  const along = unsure.map((k) => (positions[k] - 0.5) * region.width);
  const half = region.height / 2;
  return stretchToReadAgain(region, reading, { from: Math.min(...along) - half, to: Math.max(...along) + half });
}

/**
 * The lines to read a third time: on the page as stored (`storedRegions`, the page's regions there), touching
 * suppressed ink and unsure after two readings (`unsureAfterTwoReadings`); at most `MAX_SEAL_READINGS`, least sure
 * first. Their indexes.
 */
export function linesForSealReading(conditions: PageConditions, stored: Raster, storedRegions: readonly TextRegion[], merged: readonly MergedLine[]): number[] {
  if (conditions.suppressedTileCount === 0) return [];
  const wanted = merged.flatMap((line, index) => {
    if (!unsureAfterTwoReadings(line)) return [];
    const box = regionBounds(storedRegions[index], stored, 0);
    return touchesSuppressedInk(conditions, { x: box.x0, y: box.y0, width: box.x1 - box.x0, height: box.y1 - box.y0 }) ? [index] : [];
  });
  return wanted
    .sort((a, b) => merged[a].reading.confidence - merged[b].reading.confidence)
    .slice(0, MAX_SEAL_READINGS)
    .sort((a, b) => a - b);
}

/**
 * A character as a mark on paper: full- and half-width forms are one (`（` and `(`), and so are `〇` and `0` (a
 * date's zero is printed either way and read either way).
 */
function sameMark(character: string): string {
  const mark = character.normalize('NFKC');
  return mark === '〇' ? '0' : mark;
}

/**
 * The merged reading of a line with its third reading under a seal (`third`) taken into account (see the module
 * comment): equal texts, a third reading that is the merged one with characters left out or that lost most of the
 * line, and a reading under `EVIDENCE_FROM` leave it as it is; a surer third reading replaces it, its characters the
 * merged reading lacks capped and the rest kept no surer than the merged reading had them; otherwise the merged
 * reading stays, its characters the third does not confirm capped.
 *
 * @example
 * withSealReading(merged, third).reading.text; // '2008.10.26', the '.' capped at 0.5
 */
export function withSealReading(line: MergedLine, third: RecognisedText): MergedLine {
  const kept = line.reading;
  const squeeze = (text: string) =>
    Array.from(text.replace(/[\s\u3000]/g, ''))
      .map(sameMark)
      .join('');
  // A third reading with under half the characters lost the line with the ink (the seal's own text): no evidence.
  if (2 * squeeze(third.text).length < squeeze(kept.text).length || squeeze(third.text) === squeeze(kept.text)) return line;
  // A third reading that is the merged one with characters left out lost strokes with the ink: no evidence.
  if (isShorterSubsequence(third.characters.map(sameMark), kept.characters.map(sameMark))) return line;
  const least = (reading: RecognisedText) => Math.min(...reading.characterConfidences);
  // Surer than every earlier reading as the recogniser gave it (a character capped by the merge is no weakness); or,
  // when it only adds characters to the merged reading (what both earlier readings lost under the ink), surer than that.
  const restores = isShorterSubsequence(kept.characters.map(sameMark), third.characters.map(sameMark));
  const surerThan = (earlier: RecognisedText) => third.confidence > earlier.confidence && least(third) >= least(earlier) + SURER_BY;
  const surer = restores ? surerThan(kept) : (line.readings ?? [kept]).every(surerThan);
  // A reading less sure than this throughout is noise (the seal's remains), not evidence against the merged one.
  if (!surer && third.confidence < EVIDENCE_FROM) return line;
  // Weighed against the merged reading only: the first and the third are both read with the seal's ink gone and can
  // agree on a character it took, so no character ends surer than the merged reading had it (a flag is never lifted).
  const [taken, against] = surer ? [third, kept] : [kept, third];
  const ours = taken.characters.map(sameMark);
  const theirs = against.characters.map(sameMark);
  const pairs = commonCharacters(ours, theirs);
  const confirmed = confirmedCharacters(ours, theirs, pairs);
  const before = new Map(surer ? pairs.map(([i, j]) => [i, kept.characterConfidences[j]]) : []);
  const reading: RecognisedText = {
    ...taken,
    characterConfidences: taken.characterConfidences.map((c, k) => (confirmed[k] ? Math.min(c, before.get(k) ?? c) : Math.min(c, UNCONFIRMED))),
  };
  const replaced = surer ? kept : third;
  return {
    reading,
    region: line.region,
    other: { text: replaced.text.trim(), confidence: Math.round(replaced.confidence * 1e4) / 1e4, agrees: false },
  };
}

/**
 * Third readings of the page's unsure lines under a seal (`linesForSealReading`), each from its `inkChannelCrop` of
 * the page as stored, merged in place into `merged` (`withSealReading`). Returns how many lines were read.
 *
 * @example
 * await readUnderSealAgain(models, stored, conditions, storedRegions, merged, settings);
 */
export async function readUnderSealAgain(
  models: PaddleModels,
  stored: Raster,
  conditions: PageConditions,
  storedRegions: readonly TextRegion[],
  merged: MergedLine[],
  recognition: RecognitionSettings,
): Promise<number> {
  const indexes = linesForSealReading(conditions, stored, storedRegions, merged);
  const crops = indexes.flatMap((index) => {
    const region = storedRegions[index];
    const stretch = unsureStretch(region, merged[index].reading);
    // The crop (its levels, and whether it is print at all) is of the whole line; only the stretch is read.
    const crop = inkChannelCrop(stored, region);
    return crop ? [{ index, stretch, raster: crop.raster, region: stretch ? stretchOf(crop.region, stretch) : crop.region }] : [];
  });
  for (const crop of crops) {
    // Read once at the crop's own width: the agreement is weighed below, so the 320-px confirming read is not needed.
    const [read] = await recogniseRegions(models.recognition, models.alphabet, crop.raster, [crop.region], { ...recognition, confirmBelow: 0 });
    const line = merged[crop.index];
    const third = crop.stretch ? splicedReading(line.reading, crop.stretch, read, storedRegions[crop.index].width) : read;
    merged[crop.index] = withSealReading(line, third);
  }
  return crops.length;
}
