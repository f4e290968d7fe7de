import type { OcrLine } from '../documents/ocr-page.js';

/** Filler printed after the last value of a form or cell; never part of a value (see OVERPRINT in page-layout). */
const FILLERS = ['以下空白', '此处空白', '以下无内容', '以下无正文'];

const flat = (text: string) => text.replace(/[\s\u3000()（）]/gu, '');

/**
 * The page's lines without a filler phrase cut across two boxes (`以下空` beside a wrapped name, its `白` alone under
 * it): a box ending in the phrase's first characters (two or more) and a box near it holding only the rest are the
 * phrase, not text of the value beside them. The rest is dropped, the head cut from its box (dropped when nothing else
 * is left). The whole phrase in one box is removed when the page is laid out.
 *
 * @example
 * withoutCutFiller([{ text: '以下空', … }, { text: '白', … }]); // []
 */
export function withoutCutFiller(lines: readonly OcrLine[]): OcrLine[] {
  const dropped = new Set<OcrLine>();
  const cut = new Map<OcrLine, string>();
  for (const line of lines) {
    const text = flat(line.text);
    for (const filler of FILLERS) {
      const split = headLength(text, filler);
      if (split === 0) continue;
      const rest = filler.slice(split);
      const h = line.box.height;
      const tail = lines.find(
        (o) =>
          o !== line &&
          !dropped.has(o) &&
          flat(o.text) === rest &&
          // The rest wraps under the head or goes on beside it, within a few line heights.
          o.box.y > line.box.y - h * 0.5 &&
          o.box.y < line.box.y + line.box.height + h * 5 &&
          Math.abs(o.box.x - line.box.x) < h * 12,
      );
      if (!tail) continue;
      dropped.add(tail);
      const head = [...filler.slice(0, split)].join('[\\s\\u3000]*');
      cut.set(line, line.text.replace(new RegExp(`[(（]?[\\s\\u3000]*${head}[\\s\\u3000]*$`, 'u'), '').trimEnd());
      break;
    }
  }
  if (dropped.size === 0) return [...lines];
  return lines.filter((l) => !dropped.has(l) && cut.get(l) !== '').map((l) => (cut.has(l) ? { ...l, text: cut.get(l)!, words: undefined } : l));
}

/** How many of `filler`'s first characters (at least two, not all) `text` ends with; 0 when none. */
function headLength(text: string, filler: string): number {
  for (let n = filler.length - 1; n >= 2; n--) {
    if (text.endsWith(filler.slice(0, n))) return n;
  }
  return 0;
}
