import type { LayoutLine } from './page-layout.js';
import { right } from './line-geometry.js';

/**
 * Issue on a wrapped value one of whose lines shows a character lost at its head: the engine boxed ink an em or more
 * before the first character it read (`4层705室` boxed from the column's edge, `幢1` unread before it), or the line
 * starts an em right of the lines above and below it, which start flush (`…街道文` | `西路553号…` | `幢5层…`, the thin
 * `一` of `文一西路` never detected). Read on, the value looks whole (`…大厦94层705室`, `…文西路553号…`): only the
 * clerk can restore it.
 */
export const WRAPPED_LINE_HEAD_INCOMPLETE = 'wrapped_line_head_incomplete';

/** The size of the line's type: its characters' boxes where the engine gave them, else the line's. */
const em = (line: LayoutLine): number => line.typeHeight ?? line.box.height;
/** Where the line's first recognised character starts. */
const textStart = (line: LayoutLine): number => line.box.x + (line.headGap ?? 0);

/** Ink boxed before the first character read, at least an em of it (a keystoned photo pads a box by nearly one). */
const UNREAD_HEAD = 1;
/** A line starting at least this many ems right of its flush neighbours (and no more than `INDENT_MAX`). */
const INDENT_MIN = 0.6;
const INDENT_MAX = 2.5;
/** Neighbours start flush within this many ems. */
const FLUSH = 0.3;
/**
 * A line opening on a number's suffix (`室`, `号`, `幢` …) under a line ending in a digit: the number may go on at its
 * head (`…28幢170` | `5室`), where a half-width digit leaves half an em of unread ink. Over 7,000 pairs of wrapped
 * lines of 67 seen caches, such a line's unread head passes the line above's by at most 0.27 em unless a digit was
 * lost (0.43 em, `5室` read `室`).
 */
const NUMBER_SUFFIX_HEAD = /^[室号幢栋层楼座]/u;
const UNREAD_DIGIT = 0.35;

/**
 * True when a line of a value read over `lines` (top to bottom, the value's own lines, a label line's value included)
 * lost a character at its head, as the engine's character boxes or the lines' starts show it. Lines that carry a
 * label start where the label does, so they measure nothing.
 *
 * @example
 * lostLineHead([line('浙江省…街道文', 932), line('西路553号…', 952), line('幢5层1705室', 931)]); // true
 */
export function lostLineHead(lines: readonly LayoutLine[]): boolean {
  const own = (l: LayoutLine) => l.hits.length === 0 && l.headGap !== undefined;
  if (lines.some((l) => own(l) && l.headGap! > em(l) * UNREAD_HEAD)) return true;
  if (lines.some((l, i) => i > 0 && own(l) && own(lines[i - 1]) && lostDigitBeforeSuffix(lines[i - 1], l))) return true;
  for (let i = 1; i + 1 < lines.length; i++) {
    const [above, line, below] = [lines[i - 1], lines[i], lines[i + 1]];
    if (!own(above) || !own(line) || !own(below)) continue;
    const size = em(line);
    if (Math.abs(textStart(above) - textStart(below)) > size * FLUSH) continue;
    const indent = textStart(line) - Math.max(textStart(above), textStart(below));
    // A line as long as the one above (not a short one centred under it) that starts further in.
    if (indent > size * INDENT_MIN && indent < size * INDENT_MAX && right(line) > right(above) - size) return true;
  }
  return false;
}

/**
 * True when `line`, wrapped under `above`, opens on a number's suffix after `above` ends in a digit, and the engine
 * boxed more unread ink before its first character than before the line above's: a digit of the number lost at the
 * wrap's head (`…28幢170` | `室` for `…28幢1705` | `5室`). `…28幢170室` reads as whole an address as the true one.
 */
function lostDigitBeforeSuffix(above: LayoutLine, line: LayoutLine): boolean {
  if (!/[0-9]$/u.test(above.flat) || !NUMBER_SUFFIX_HEAD.test(line.flat)) return false;
  return line.headGap! - above.headGap! >= em(line) * UNREAD_DIGIT;
}

/**
 * Issue on a wrapped value whose number is cut by the wrap (`…古墩路1` | `4号16幢2106室`): the engine's box of the upper
 * line may end inside the character at the break, a digit's stroke left outside it and never read (`…古墩路14` |
 * `4号…` read `…古墩路1` | `4号…`, `古墩路14号` for `144号`, 1.00 on every character). A number's digits read whole and
 * a number cut short look alike: the clerk reads the number off the page.
 */
export const NUMBER_SPLIT_AT_WRAP = 'wrapped_number_incomplete';

/**
 * True when one of the value's lines ends in a digit and the next opens with one, both read by the engine (not a text
 * layer): the wrap cuts a number.
 *
 * @example
 * numberSplitAtWrap([line('浙江省杭州市西湖区古墩路1'), line('4号16幢2106室')]); // true
 */
export function numberSplitAtWrap(lines: readonly LayoutLine[]): boolean {
  return lines.some((l, i) => i > 0 && l.headGap !== undefined && /[0-9]$/u.test(lines[i - 1].flat) && /^[0-9]/u.test(l.flat));
}
