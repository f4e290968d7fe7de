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
  return page.filter((line) => !boxedTwice(line));
}
