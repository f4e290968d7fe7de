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
