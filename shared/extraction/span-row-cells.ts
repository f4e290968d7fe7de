import { shiftMonth } from './dates.js';

/**
 * Slips of the engine in a record table's year-month cells, each with its repair: two year-months run together where
 * the dash between them was lost (`2014.082021.10`, `201511201703`), a colon or a comma read for the dot or dash
 * between year and month (`2021:11`, `2016,03`), a `年` month whose `月` was lost or wrapped under the cell (`2013年05`).
 */
const SPAN_CELL_SLIPS: ReadonlyArray<[RegExp, string]> = [
  [/(?<![\d.])((?:19|20)\d{2})\s*([./-])\s*(\d{2})((?:19|20)\d{2})\s*[./-]\s*(\d{1,2})(?![\d.])/g, '$1$2$3-$4$2$5'],
  [/(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])((?:19|20)\d{2})(0[1-9]|1[0-2])(?!\d)/g, '$1$2-$3$4'],
  [/(?<![\d:：,，])((?:19|20)\d{2})\s*[:：,，]\s*(\d{1,2})(?![\d:：,，])/g, '$1.$2'],
  [/((?:19|20)\d{2})\s*年\s*(\d{1,2})(?![\d月日号])(?!\s*[月日号])/g, '$1年$2月'],
];

/**
 * A record row's cell text with the engine's slips in its year-months undone (see SPAN_CELL_SLIPS); nothing else in it
 * changes. Only for a table row of spans: elsewhere a run of twelve digits or a colon means something else.
 *
 * @example
 * spanCellText('2014.082021.10'); // '2014.08-2021.10'
 */
export function spanCellText(text: string): string {
  return SPAN_CELL_SLIPS.reduce((t, [pattern, replacement]) => t.replace(pattern, replacement), text);
}

/** The month counts a row prints after its span, and whether a cell there looked like a count the engine misread. */
export interface PrintedCounts {
  /** Cells that are a whole count (`28`, `28个月`), in order. */
  counts: number[];
  /** A cell of a digit or two glued to a mark that is no part of a count (`2效`, `1扫`, `2h`): a misread count. */
  misread: boolean;
}

const WHOLE_COUNT = /^(\d{1,3})(?:个?月)?$/;
const MISREAD_COUNT = /^\d{1,3}[^\d\s.\-—–/]{1,2}$/;

/**
 * The month counts in the text of a row after its span: every whitespace-separated cell that is a whole count, and
 * small numbers inside longer cells (a text layer's run-on row: `28养老保险`); a cell of a digit or two glued to one or
 * two marks (`2效`, `1扫`) is a count the engine misread, never the count it shows.
 *
 * @example
 * printedCounts(' 2效 养老保险'); // { counts: [], misread: true }
 */
export function printedCounts(afterSpan: string): PrintedCounts {
  const counts: number[] = [];
  let misread = false;
  for (const cell of afterSpan.split(/\s+/).filter(Boolean)) {
    const whole = WHOLE_COUNT.exec(cell);
    if (whole) counts.push(Number(whole[1]));
    else if (MISREAD_COUNT.test(cell) && !/^\d+个?月$/.test(cell)) misread = true;
    else for (const m of cell.matchAll(/(?<![\d.])(\d{1,3})(?![\d.])/g)) counts.push(Number(m[1]));
  }
  return { counts, misread };
}

/** One end of a span as the row printed it: its year-month and how sure the engine was of the line it stands in. */
export interface PrintedMonth {
  value: string;
  confidence: number;
}

/** A span mended from the months it must cover, with the end that was worked out. */
export interface MendedSpan {
  from: string;
  to: string;
  inferred: 'from' | 'to';
}

/** True when two four-digit years differ in exactly one digit (`2011` for `2014`): one digit misread. */
function oneDigitApart(a: string, b: string): boolean {
  return a.length === b.length && [...a].filter((c, i) => c !== b[i]).length === 1;
}

/**
 * A span whose two year-months run backwards (`2012.02` – `2011.07`, the end's `4` read `1`): one of its years was
 * misread. Given the months the row must cover (what the printed total leaves for it once every other row is read),
 * the end is worked out from the other one; kept only when it falls in the month the row printed and its year is the
 * printed year with one digit changed. When either end could be the misread one, the one whose line the engine was less
 * sure of is taken, and none when it was as sure of both.
 *
 * @example
 * mendBackwardSpan({ value: '2012-02', confidence: 1 }, { value: '2011-07', confidence: 0.95 }, 30);
 * // { from: '2012-02', to: '2014-07', inferred: 'to' }
 */
export function mendBackwardSpan(from: PrintedMonth, to: PrintedMonth, months: number): MendedSpan | undefined {
  if (from.value <= to.value || months < 1) return undefined;
  const fits = (printed: string, worked: string) => printed.slice(5) === worked.slice(5) && oneDigitApart(printed.slice(0, 4), worked.slice(0, 4));
  const newTo = shiftMonth(from.value, months - 1);
  const newFrom = shiftMonth(to.value, -(months - 1));
  const keepFrom: MendedSpan | undefined = fits(to.value, newTo) ? { from: from.value, to: newTo, inferred: 'to' } : undefined;
  const keepTo: MendedSpan | undefined = fits(from.value, newFrom) ? { from: newFrom, to: to.value, inferred: 'from' } : undefined;
  if (keepFrom && keepTo) return from.confidence === to.confidence ? undefined : from.confidence > to.confidence ? keepFrom : keepTo;
  return keepFrom ?? keepTo;
}
