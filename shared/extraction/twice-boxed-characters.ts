import type { OcrLine } from '../documents/ocr-page.js';

type Box = OcrLine['box'];

/** Share of the smaller of two boxes that the other must cover for both to hold the same stroke of ink. */
const SAME_INK = 0.6;

function overlapShare(a: Box, b: Box): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  return (w * h) / Math.min(a.width * a.height, b.width * b.height);
}

/**
 * The page's lines without a character the engine boxed twice: once among a longer line's characters and again
 * alone in a box over the same ink (`母婴护理` read down its cell, and its last `理` boxed again by itself over the
 * column's foot: the occupation read `母婴护理理`). A one-character line is dropped when one of another line's
 * character boxes holds the same character and covers most of it; any other one-character line stays, whatever
 * stands near it.
 *
 * @example
 * withCharactersBoxedTwiceDropped([column('母婴护理'), { text: '理', box: overTheColumnsFoot }]); // [column('母婴护理')]
 */
export function withCharactersBoxedTwiceDropped(page: readonly OcrLine[]): OcrLine[] {
  const boxedTwice = (line: OcrLine) => {
    const text = line.text.trim();
    if ([...text].length !== 1) return false;
    return page.some(
      (other) =>
        other !== line && (other.words?.length ?? 0) >= 2 && other.words!.some((w) => w.text.trim() === text && overlapShare(w.box, line.box) >= SAME_INK),
    );
  };
  return page.filter((line) => !boxedTwice(line)).map((line) => withLastCharacterBoxedAgainDropped(line, page));
}

/**
 * A line without its last character when the engine boxed that character again as the first of another line, over
 * the same ink (`所浙` | `浙江省杭州市西湖区`: a spread label's last piece boxed with the value's first character, the
 * address then read `浙浙江省…`). The character stays with the line it opens; a line of one character is left to
 * `withCharactersBoxedTwiceDropped`.
 *
 * @example
 * withLastCharacterBoxedAgainDropped(line('所浙'), page).text; // '所'
 */
function withLastCharacterBoxedAgainDropped(line: OcrLine, page: readonly OcrLine[]): OcrLine {
  const words = line.words ?? [];
  const last = words[words.length - 1];
  if (words.length < 2 || !last || !line.text.trimEnd().endsWith(last.text.trim()) || last.text.trim().length !== 1) return line;
  const again = page.some(
    (other) =>
      other !== line &&
      (other.words?.length ?? 0) >= 2 &&
      other.words![0].text.trim() === last.text.trim() &&
      overlapShare(other.words![0].box, last.box) >= SAME_INK,
  );
  if (!again) return line;
  const kept = words.slice(0, -1);
  const end = Math.max(...kept.map((w) => w.box.x + w.box.width));
  const text = line.text.trimEnd();
  return { ...line, text: text.slice(0, text.length - last.text.trim().length).trimEnd(), words: kept, box: { ...line.box, width: end - line.box.x } };
}
