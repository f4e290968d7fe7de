import type { OcrLine } from '../documents/ocr-page.js';
import { LABEL_GROUP_OF } from './labels.js';

/** Below this the engine was guessing at a character: what it read in a spread label's gap was a speck of noise. */
const SPECK_CONFIDENCE = 0.6;
/** The characters either side of the speck are read surely. */
const SURE = 0.9;
/** A spread label's characters stand at least this many ems apart (left edge to left edge); a word's stand one apart. */
const SPREAD = 2;

const isChinese = (text: string) => /^[\u3400-\u9fff]$/u.test(text);

/**
 * The page's lines with a speck dropped that the engine read as a character in the gap of a spread label at a line's
 * head (`姓這名谢海凯`: `這` at 0.30 between `姓` and `名`, set 2.3 ems apart on a scan; `营业期產限`): without it, the
 * line's head spells a known label, which the speck hid. Only a character the engine was unsure of, between two it was
 * sure of, in a gap wider than a word's, is dropped; the line's text and characters lose it alike.
 *
 * @example
 * withSpecksInSpreadLabelsDropped([{ text: '姓這名谢海凯', words: [姓 1.00, 這 0.30, 名 1.00, …] }]); // [{ text: '姓名谢海凯', … }]
 */
export function withSpecksInSpreadLabelsDropped(lines: readonly OcrLine[]): OcrLine[] {
  return lines.map((line) => {
    const words = line.words ?? [];
    // The label's head: the speck stands second to fourth, after the label's first characters.
    for (let i = 1; i + 1 < words.length && i <= 3; i++) {
      const [before, speck, after] = [words[i - 1], words[i], words[i + 1]];
      if (!isChinese(speck.text) || speck.confidence >= SPECK_CONFIDENCE) continue;
      if (!words.slice(0, i).every((w) => isChinese(w.text) && w.confidence >= SURE) || !isChinese(after.text) || after.confidence < SURE) continue;
      if (after.box.x - before.box.x < before.box.height * SPREAD) continue;
      const label = words
        .slice(0, i)
        .map((w) => w.text)
        .join('');
      if (!LABEL_GROUP_OF.has(label + after.text)) continue;
      return { ...line, text: withoutCharacter(line.text, i), words: words.filter((_, j) => j !== i) };
    }
    return line;
  });
}

/** `text` without its `index`-th character that is not a space (the engine's words skip spaces). */
function withoutCharacter(text: string, index: number): string {
  let seen = -1;
  return [...text]
    .filter((ch) => {
      if (/\s/u.test(ch)) return true;
      seen++;
      return seen !== index;
    })
    .join('');
}
