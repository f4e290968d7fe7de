import type { RecognisedText } from './text-lines.js';

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
