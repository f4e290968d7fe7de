import type { RecognisedText } from './text-lines.js';
import type { TextRegion } from './text-regions.js';

/**
 * A line read surely on the whole can still hold one character the recogniser was unsure of: a noisy scan's `莫干山路`
 * read `莫千山路` with `千` at 0.61 in a line at 0.97 (docs/ocr.md, "photoline15"). Such a line gets no second reading
 * by its mean (`SECOND_READING_BELOW`), though a second crop, grown a little across and along the line, reads the
 * character right (`干`, the line at 0.98). Punctuation is left out: the recogniser is often unsure of `、`, `：` or `；`
 * on photos, and a reader does not take values by them.
 */

/** A letter, digit or CJK character read under this probability is unsure. */
export const UNSURE_CHARACTER_BELOW = 0.7;

/**
 * Whether the reading holds a letter, digit or CJK character under `UNSURE_CHARACTER_BELOW` (punctuation is not counted).
 *
 * @example
 * hasUnsureCharacter({ text: '莫千山路', characters: ['莫', '千', '山', '路'], characterConfidences: [1, 0.61, 1, 1], … }); // true
 */
export function hasUnsureCharacter(reading: Pick<RecognisedText, 'characters' | 'characterConfidences'>): boolean {
  return reading.characters.some((character, k) => reading.characterConfidences[k] < UNSURE_CHARACTER_BELOW && /[\p{L}\p{N}]/u.test(character));
}

/**
 * A line at least this many line heights long (about as many characters: a business licence's scope, a contract's
 * clause) is read a second time only about its unsure characters (`unsureStretch`), not whole: its second reading
 * was ≈ 1,600 recogniser columns for one character, and read the same characters but punctuation (docs/ocr.md, "cpu36").
 */
export const LONG_LINE_HEIGHTS = 16;

/**
 * Where along a long line (`LONG_LINE_HEIGHTS`) its unsure characters lie (`hasUnsureCharacter`'s), px from the
 * region's centre, each taken half a line height either side: the stretch a second reading needs (widened and cut
 * between characters by `stretchToReadAgain`). Undefined for a shorter line or a reading with none.
 *
 * @example
 * unsureStretch(region, reading); // { from: -212, to: -164 } for `…技木交流·…` with one unsure `木` left of centre
 */
export function unsureStretch(
  region: TextRegion,
  reading: Pick<RecognisedText, 'characters' | 'characterConfidences' | 'characterPositions'>,
): { from: number; to: number } | undefined {
  if (region.width < LONG_LINE_HEIGHTS * region.height) return undefined;
  const along = reading.characters.flatMap((character, k) =>
    reading.characterConfidences[k] < UNSURE_CHARACTER_BELOW && /[\p{L}\p{N}]/u.test(character) ? [(reading.characterPositions[k] - 0.5) * region.width] : [],
  );
  if (along.length === 0) return undefined;
  const half = region.height / 2;
  return { from: Math.min(...along) - half, to: Math.max(...along) + half };
}

/**
 * The reading with the letter, digit or CJK character on each side of every character it half saw
 * (`hiddenCharacters`) capped at `cap`: the line may have lost a character there (`室` read for `5室`, `科技份有限公司`
 * for `科技股份有限公司`), so neither neighbour is sure, whichever value it belongs to. The same reading when there is none.
 *
 * @example
 * withHiddenCharactersUnconfirmed(reading, 0.5).characterConfidences; // [0.5, 1, …] for `室…` with a `5` half seen before it
 */
export function withHiddenCharactersUnconfirmed(reading: RecognisedText, cap: number): RecognisedText {
  if (!reading.hiddenCharacters?.length) return reading;
  const capped = [...reading.characterConfidences];
  const isWord = (k: number) => /[\p{L}\p{N}]/u.test(reading.characters[k]);
  for (const hidden of reading.hiddenCharacters) {
    let before = hidden.before - 1;
    while (before >= 0 && !isWord(before)) before--;
    let after = hidden.before;
    while (after < reading.characters.length && !isWord(after)) after++;
    for (const k of [before, after]) if (k >= 0 && k < reading.characters.length) capped[k] = Math.min(capped[k], cap);
  }
  return { ...reading, characterConfidences: capped };
}
