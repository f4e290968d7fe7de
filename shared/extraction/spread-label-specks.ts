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
  return withSpecksEndingLabelPiecesDropped(withSpecksAfterLabelPiecesDropped(withSpecksInsideLinesDropped(lines)));
}

function withSpecksInsideLinesDropped(lines: readonly OcrLine[]): OcrLine[] {
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

/**
 * The same speck when the engine boxed the spread label's first characters apart (`姓` | `簡名`, `簡` at 0.06 heading
 * the box of `名`, on a turned scan): a line opening with a character the engine was unsure of, then one it was sure of,
 * loses the first when a line on its row, ending before it in characters read surely, spells a known label with the
 * second, set spread. The line's box then starts at the character kept.
 */
function withSpecksAfterLabelPiecesDropped(lines: readonly OcrLine[]): OcrLine[] {
  return lines.map((line) => {
    const words = line.words ?? [];
    if (words.length < 2) return line;
    const [speck, after] = words;
    if (!isChinese(speck.text) || speck.confidence >= SPECK_CONFIDENCE || !isChinese(after.text) || after.confidence < SURE) return line;
    const middle = line.box.y + line.box.height / 2;
    const piece = lines.find((other) => {
      const own = other.words ?? [];
      const last = own[own.length - 1];
      if (other === line || own.length === 0 || own.length > 3 || !last) return false;
      if (!own.every((w) => isChinese(w.text) && w.confidence >= SURE)) return false;
      if (middle < other.box.y || middle > other.box.y + other.box.height) return false;
      if (last.box.x >= speck.box.x || after.box.x - last.box.x < last.box.height * SPREAD) return false;
      return LABEL_GROUP_OF.has(own.map((w) => w.text).join('') + after.text);
    });
    if (!piece) return line;
    const x = after.box.x;
    return { ...line, text: withoutCharacter(line.text, 0), words: words.slice(1), box: { ...line.box, x, width: line.box.x + line.box.width - x } };
  });
}

/**
 * The same speck boxed at the end of the label's first piece (`工藍` | `种：`, `藍` at 0.20 in the gap of a spread
 * `工　种`, on a clean scan): a short line of characters read surely but its last, which the engine was unsure of, loses
 * that last character when the next box on its row opens, set spread, with characters read surely that spell a known
 * label with the piece's.
 */
function withSpecksEndingLabelPiecesDropped(lines: readonly OcrLine[]): OcrLine[] {
  return lines.map((line) => {
    const words = line.words ?? [];
    if (words.length < 2 || words.length > 4) return line;
    const speck = words[words.length - 1];
    const own = words.slice(0, -1);
    if (!isChinese(speck.text) || speck.confidence >= SPECK_CONFIDENCE || !own.every((w) => isChinese(w.text) && w.confidence >= SURE)) return line;
    const head = own.map((w) => w.text).join('');
    const last = own[own.length - 1];
    const middle = line.box.y + line.box.height / 2;
    const next = lines.find((other) => {
      const first = other.words?.[0];
      if (other === line || !first || !isChinese(first.text) || first.confidence < SURE) return false;
      if (middle < other.box.y || middle > other.box.y + other.box.height || first.box.x <= speck.box.x) return false;
      if (first.box.x - last.box.x < last.box.height * SPREAD) return false;
      let tail = '';
      for (const w of (other.words ?? []).slice(0, 3)) {
        if (!isChinese(w.text) || w.confidence < SURE) break;
        tail += w.text;
        if (LABEL_GROUP_OF.has(head + tail)) return true;
      }
      return false;
    });
    if (!next) return line;
    const width = speck.box.x - line.box.x;
    return { ...line, text: withoutCharacter(line.text, words.length - 1), words: own, box: { ...line.box, width } };
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
