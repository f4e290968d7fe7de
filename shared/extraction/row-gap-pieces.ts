import type { LayoutLine, PageLayout } from './page-layout.js';
import { centreY, right } from './line-geometry.js';
import { findDates } from './dates.js';

/**
 * Issue on a value read with a piece of its line that the engine boxed apart across a gap (glare, a fold, a wide
 * space: `住址 浙江省温州` | `市鹿城区莫干`): which boxes make one line is a guess about layout the clerk confirms.
 */
export const ROW_PIECES_JOINED = 'split_value_inferred';

/** The widest gap, in the line's heights, a line split by the engine leaves between its pieces. */
const MAX_GAP = 1.5;

/**
 * True when a line starts flush with `piece` within a few rows above or below it: the piece is a value of a column
 * of its own (a grid's cell under its label, `陈辉文` under `联络员姓名` beside an address's wrapped line).
 */
function ownColumn(layout: PageLayout, piece: LayoutLine): boolean {
  const h = piece.box.height;
  return layout.lines.some(
    (o) =>
      o !== piece &&
      o.half === piece.half &&
      Math.abs(o.box.x - piece.box.x) < h * 0.5 &&
      Math.abs(centreY(o) - centreY(piece)) > h * 0.6 &&
      Math.abs(centreY(o) - centreY(piece)) < h * 5,
  );
}

/**
 * The boxes that go on `line`'s row after it across a gap, in order: each starts within one and a half heights of the
 * end of the one before, before `columnEnd` (the next label column), in the line's type, holding no label, no date, no code and
 * three characters or more (a seal's or a stamp's lone character, a city's name `杭州` are no piece of a line), and heading no column of its
 * own. The engine split one printed line there.
 *
 * @example
 * piecesAcrossGap(layout, line('住址 浙江省温州'), 1900); // [line('市鹿城区莫干')]
 */
export function piecesAcrossGap(layout: PageLayout, line: LayoutLine, columnEnd: number): LayoutLine[] {
  const out: LayoutLine[] = [];
  let current = line;
  while (out.length < 3) {
    const h = current.box.height;
    const next = layout.lines
      .filter(
        (o) =>
          o !== current &&
          o !== line &&
          o.half === line.half &&
          Math.abs(centreY(o) - centreY(current)) < Math.min(h, o.box.height) * 0.4 &&
          o.box.x >= right(current) - h * 0.3 &&
          o.box.x - right(current) < h * MAX_GAP &&
          o.box.x < columnEnd - h * 0.5,
      )
      .sort((a, b) => a.box.x - b.box.x)[0];
    if (!next || next.hits.length > 0 || next.leading === '' || [...next.flat].length < 3) break;
    // A code or an ID number (`33010220020417766X`, turned12 fresh) is a field of its own.
    if (/\d{15}|[0-9A-Z]{2}\d{6}[0-9A-Z]{10}/.test(next.flat)) break;
    const ratio = next.box.height / h;
    if (ratio < 0.75 || ratio > 1.33) break;
    // A field of its own: a date or a term (`2006年10月10日至长期`), or another column's value.
    if (findDates(next.flat, { compact: true }).length > 0 || ownColumn(layout, next)) break;
    out.push(next);
    current = next;
  }
  return out;
}
