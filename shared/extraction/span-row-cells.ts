/**
 * Slips of the engine in a record table's year-month cells, each with its repair: two year-months run together where
 * the dash between them was lost (`2014.082021.10`, `201511201703`), a colon read for the dot or dash between year and
 * month (`2021:11`), a `年` month whose `月` was lost or wrapped under the cell (`2013年05`).
 */
const SPAN_CELL_SLIPS: ReadonlyArray<[RegExp, string]> = [
  [/(?<![\d.])((?:19|20)\d{2})\s*([./-])\s*(\d{2})((?:19|20)\d{2})\s*[./-]\s*(\d{1,2})(?![\d.])/g, '$1$2$3-$4$2$5'],
  [/(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])((?:19|20)\d{2})(0[1-9]|1[0-2])(?!\d)/g, '$1$2-$3$4'],
  [/(?<![\d:：])((?:19|20)\d{2})\s*[:：]\s*(\d{1,2})(?![\d:：])/g, '$1.$2'],
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
