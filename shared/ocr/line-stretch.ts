import type { RecognisedText } from './text-lines.js';
import type { TextRegion } from './text-regions.js';

/**
 * A stretch of a line read again on its own, and that reading spliced into the line's first: a second reading under a
 * seal (the engine's `readAgain`) and a third (`readUnderSealAgain`) read only the part of a line that needs it, since
 * elsewhere the crop holds the pixels already read.
 */

/**
 * A fairly sure line under suppressed ink is read again only along its inked stretch, widened by this many line
 * heights each side (about one character of clean print, where the crop is cut between two characters): elsewhere the
 * page as stored holds the pixels already read. A stretch over `WHOLE_LINE_SHARE` of the line is read whole.
 */
const INK_STRETCH_MARGIN = 1;
const WHOLE_LINE_SHARE = 0.7;
/** The crop of a stretch reaches this many line heights past each end (see `LineStretch.readFrom`). */
const STRETCH_OVERLAP = 0.5;
/**
 * A stretch of a line read again on its own: `from`–`to` px along the line from its centre, cut between two characters
 * of the first reading; the first reading's characters before index `keptBefore` and from index `keptFrom` lie outside
 * it and are kept.
 */
export interface LineStretch {
  from: number;
  to: number;
  keptBefore: number;
  keptFrom: number;
  /**
   * The crop actually read: the stretch and `STRETCH_OVERLAP` line heights more each side, so that no character at its
   * ends is cut; of its reading only the characters placed within `from`–`to` are used.
   */
  readFrom: number;
  readTo: number;
}

/**
 * The stretch of a line that a second reading under ink needs: the inked stretch (`suppressedStretch`) widened by
 * `INK_STRETCH_MARGIN` line heights each side and cut midway between two characters of the first reading. Undefined
 * when that is most of the line (`WHOLE_LINE_SHARE`): the whole line is read again then.
 *
 * @example
 * stretchToReadAgain(region, first, { from: 60, to: 450 }); // { from: 5, to: 452, keptBefore: 9, keptFrom: 19, readFrom: -18, … }
 */
export function stretchToReadAgain(region: TextRegion, first: RecognisedText, inked: { from: number; to: number }): LineStretch | undefined {
  const half = region.width / 2;
  const margin = INK_STRETCH_MARGIN * region.height;
  const along = first.characterPositions.map((p) => (p - 0.5) * region.width);
  const n = along.length;
  const low = inked.from - margin;
  const high = inked.to + margin;
  let keptBefore = 0;
  while (keptBefore < n && along[keptBefore] < low) keptBefore++;
  let keptFrom = n;
  while (keptFrom > keptBefore && along[keptFrom - 1] > high) keptFrom--;
  // Ink between two characters (where one may have vanished): the stretch takes in both.
  if (keptFrom === keptBefore) {
    keptBefore = Math.max(0, keptBefore - 1);
    keptFrom = Math.min(n, keptFrom + 1);
  }
  const from = keptBefore === 0 ? -half : (along[keptBefore - 1] + (keptBefore < n ? along[keptBefore] : half)) / 2;
  const to = keptFrom === n ? half : ((keptFrom > 0 ? along[keptFrom - 1] : -half) + along[keptFrom]) / 2;
  if (to - from > WHOLE_LINE_SHARE * region.width) return undefined;
  const overlap = STRETCH_OVERLAP * region.height;
  return { from, to, keptBefore, keptFrom, readFrom: Math.max(-half, from - overlap), readTo: Math.min(half, to + overlap) };
}

/** The part of a region (on any page) that a stretch's crop covers. */
export function stretchOf(region: TextRegion, stretch: LineStretch): TextRegion {
  const middle = (stretch.readFrom + stretch.readTo) / 2;
  return {
    ...region,
    cx: region.cx + middle * Math.cos(region.angle),
    cy: region.cy + middle * Math.sin(region.angle),
    width: stretch.readTo - stretch.readFrom,
  };
}

/**
 * The whole line as a second reading: the first reading's characters outside the stretch, and inside it the
 * characters of the crop's reading (`read`, over `readFrom`–`readTo`) that it placed within the stretch (their
 * positions turned into fractions of the whole line, `lineWidth` px).
 *
 * @example
 * splicedReading(first, stretch, cropRead, region.width).text; // '发证机构：杭州市西湖区职业技能鉴定中心'
 */
export function splicedReading(first: RecognisedText, stretch: LineStretch, read: RecognisedText, lineWidth: number): RecognisedText {
  const span = stretch.readTo - stretch.readFrom;
  const inside = read.characters.flatMap((_, k) => {
    const along = stretch.readFrom + read.characterPositions[k] * span;
    return along >= stretch.from && along <= stretch.to ? [{ k, position: along / lineWidth + 0.5 }] : [];
  });
  const before = <T>(values: T[]) => values.slice(0, stretch.keptBefore);
  const after = <T>(values: T[]) => values.slice(stretch.keptFrom);
  const characters = [...before(first.characters), ...inside.map(({ k }) => read.characters[k]), ...after(first.characters)];
  const characterConfidences = [
    ...before(first.characterConfidences),
    ...inside.map(({ k }) => read.characterConfidences[k]),
    ...after(first.characterConfidences),
  ];
  const characterPositions = [...before(first.characterPositions), ...inside.map(({ position }) => position), ...after(first.characterPositions)];
  const spliced: RecognisedText = {
    text: characters.join(''),
    confidence: characterConfidences.length === 0 ? 0 : characterConfidences.reduce((a, b) => a + b, 0) / characterConfidences.length,
    characters,
    characterConfidences,
    characterPositions,
  };
  if (first.characterAlternatives || read.characterAlternatives) {
    const firstAlternatives = first.characterAlternatives ?? new Array(first.characters.length).fill(undefined);
    spliced.characterAlternatives = [...before(firstAlternatives), ...inside.map(({ k }) => read.characterAlternatives?.[k]), ...after(firstAlternatives)];
  }
  return spliced;
}
