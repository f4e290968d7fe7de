import type { Box } from '../documents/index.js';
import type { DraftField } from './document-context.js';
import type { PageLayout, LayoutLine } from './page-layout.js';

/**
 * Issue on a resident ID card's wrapped address whose first line holds fewer characters than the card's line does
 * (`江西省抚州市临川区文` | `西路218号…` for `…临川区文一` | `西路…`): the line wrapped because it was full, so a
 * character of it was lost (a thin `一` at the line's end, a character under a stamp's frame), which the address's
 * shape cannot show.
 */
export const ADDRESS_LINE_INCOMPLETE = 'address_line_incomplete';

/**
 * The characters a resident ID card's address line holds before it wraps: eleven Chinese characters (a digit or a
 * Latin letter half of one), the card's printed layout, whatever the photo's size or angle.
 */
const CARD_ADDRESS_LINE_EMS = 11;

/** A character's width in the card's ems: a Chinese character one, a digit or a Latin letter half. */
const ems = (text: string): number => [...text].reduce((sum, ch) => sum + (/[\x21-\x7e]/.test(ch) ? 0.5 : 1), 0);

/**
 * Flags (`address_line_incomplete`) an ID card's address read over more than one row where a row before the last (the
 * first from where the value starts) holds under the card's eleven ems: the row was full when the card wrapped it,
 * so a character of it was lost.
 * The rows are the engine's lines the value was joined from (pieces of one row taken together); a value read from
 * one row, or whose first row holds fewer than four of its characters (the label alone, a row the search started
 * before), is left.
 *
 * @example
 * withCardAddressLinesChecked(address, ctx.layouts); // issues gain 'address_line_incomplete' for `…临川区文` | `西路…`
 */
export function withCardAddressLinesChecked<T extends DraftField | undefined>(field: T, layouts: readonly PageLayout[]): T {
  if (!field || typeof field.value !== 'string' || !field.source?.raw?.includes('\n')) return field;
  const layout = layouts.find((l) => l.page === field.source!.page);
  if (!layout) return field;
  const pieces = field.source.raw.split('\n');
  const lines = pieces.map((raw) => layout.lines.find((l) => l.raw === raw && inside(l, field.source!.box)));
  if (lines.some((l) => l === undefined)) return field;
  const rows = rowsOf(lines as LayoutLine[]);
  if (rows.length < 2) return field;
  const value = field.value.replace(/\s/g, '');
  const head = longestSuffixOpening(rows[0].map((l) => l.flat).join(''), value);
  if ([...head].length < 4) return field;
  // Every row but the last was full when the card wrapped it: the first from where the value starts, the others whole.
  const full = [head, ...rows.slice(1, -1).map((row) => row.map((l) => l.flat).join(''))];
  if (full.every((text) => ems(text) >= CARD_ADDRESS_LINE_EMS)) return field;
  field.issues = [...(field.issues ?? []), ADDRESS_LINE_INCOMPLETE];
  return field;
}

/** True when the line's engine box lies within the field's box (the joined lines' union). */
function inside(line: LayoutLine, box: Box | undefined): boolean {
  if (!box) return false;
  const b = line.original;
  return b.x >= box.x - 1 && b.y >= box.y - 1 && b.x + b.width <= box.x + box.width + 1 && b.y + b.height <= box.y + box.height + 1;
}

/** The lines grouped into rows, top to bottom (a line whose middle is within the row's first line's box joins it), each left to right. */
function rowsOf(lines: readonly LayoutLine[]): LayoutLine[][] {
  const rows: LayoutLine[][] = [];
  for (const line of [...lines].sort((a, b) => a.box.y - b.box.y)) {
    const middle = line.box.y + line.box.height / 2;
    const row = rows.find((r) => middle > r[0].box.y && middle < r[0].box.y + r[0].box.height);
    if (row) row.push(line);
    else rows.push([line]);
  }
  return rows.map((r) => r.sort((a, b) => a.box.x - b.box.x));
}

/** The longest end of `row` that `value` opens with: the row's part of the value, its label left out. */
function longestSuffixOpening(row: string, value: string): string {
  for (let start = 0; start < row.length; start++) if (value.startsWith(row.slice(start))) return row.slice(start);
  return '';
}
