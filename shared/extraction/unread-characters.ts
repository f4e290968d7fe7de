import type { DraftFields } from './document-context.js';
import { linesOfSource, type LayoutLine, type PageLayout } from './page-layout.js';

/**
 * Values the engine boxed more ink for than it read: a character seen and lost, so the value read is short. A name is
 * never shortened by rule and a lost character cannot be guessed: the clerk reads it off the page.
 */

/**
 * Issue on a person's name that ends its line where the engine boxed ink past the last character it recognised
 * (`人徐凯` boxed an em past `凯`, the `颖` of `徐凯颖` under glare never read).
 */
export const NAME_TAIL_UNREAD = 'name_tail_unread_incomplete';

/**
 * Issue on a person's name with a blank run between two of its characters where the engine boxed ink it did not read
 * (`方思` read from a line boxed over `方涵思` on a shadowed photo, 0.97; `曹晨` for `曹涵晨`).
 */
export const NAME_GAP_UNREAD = 'name_gap_unread_incomplete';

/**
 * Issue on an organisation's name or an address with a blank run of about a character's width inside what was read
 * (`杭州市湖区人力资源和社会保障局` with the `西` lost on a photographed certificate).
 */
export const VALUE_GAP_UNREAD = 'value_gap_unread_incomplete';

/** The fields that hold a person's name. */
const PERSON_NAME_FIELDS = ['holderName', 'employeeName', 'personName', 'studentName', 'name', 'legalRepresentative'] as const;

/** The fields that hold an organisation's name or an address: runs of type without spaces. */
const RUN_FIELDS = ['companyName', 'employerName', 'issuer', 'address'] as const;

/**
 * Ink boxed past the last character read, in ems of the line's type, from which a character may be lost. Over the
 * 4,022 engine lines of seen-family sample seed 9575, nine in ten lines end within a third of an em of their last
 * character, 99 in 100 within 0.91 em.
 */
const UNREAD_TAIL = 0.9;

/**
 * Blank run between two characters of a name, in ems of the line's type, from which a character between them was
 * lost. Over 2,053 names read whole in the engine lines of 66 older seen-family caches and seeds 9575/9576, the widest
 * run between two of a name's characters is 0.37 em (99 in 100 within 0.30); the two names that lost an inner
 * character there (`曹晨`, `方思`) show 0.76 and 0.74.
 */
const NAME_GAP = 0.55;

/**
 * The same for organisations' names and addresses, which set a `、` or a wider space now and then: over 1,412 such
 * values read whole in the same caches the widest run is 0.59 em (99 in 100 within 0.37); of the eight issuers there
 * that lost an inner character, five show 0.74-0.82 (the rest 0.29-0.50, too narrow to tell).
 */
const RUN_GAP = 0.7;

/** The shortest stretch of a value found on one line whose gaps are measured: a shorter match may be chance. */
const MIN_STRETCH = 3;

/**
 * Flags a person's name that ends a line with unread ink boxed after it (`NAME_TAIL_UNREAD`), and a name, an
 * organisation's name or an address whose characters the engine boxed with a character's width of blank between two
 * of them (`NAME_GAP_UNREAD`, `VALUE_GAP_UNREAD`). Values from a text layer are never flagged: nothing was seen there.
 *
 * @example
 * flagUnreadCharacters(draft, ctx.layouts); // `徐凯` read from `人徐凯`, boxed an em past `凯`: flagged
 */
export function flagUnreadCharacters(draft: DraftFields, layouts: readonly PageLayout[]): void {
  const byPage = new Map(layouts.map((l) => [l.page, l]));
  const sourceLines = (field: NonNullable<DraftFields[string]>): LayoutLine[] => {
    const layout = field.source?.box ? byPage.get(field.source.page) : undefined;
    return layout && layout.source !== 'text_layer' ? linesOfSource(layout.lines, field.source!.box!) : [];
  };
  for (const name of PERSON_NAME_FIELDS) {
    const field = draft[name];
    if (!field || typeof field.value !== 'string') continue;
    const value = field.value.replace(/\s+/g, '');
    const lines = sourceLines(field);
    // The name ends the last line it was read from.
    const last = lines.at(-1);
    if (last?.tailGap !== undefined && last.flat.endsWith(value) && last.tailGap > emOf(last) * UNREAD_TAIL) addIssue(field, NAME_TAIL_UNREAD);
    if (lines.some((line) => widestGapWithin(line, value, 2) > emOf(line) * NAME_GAP)) addIssue(field, NAME_GAP_UNREAD);
  }
  for (const name of RUN_FIELDS) {
    const field = draft[name];
    if (!field || typeof field.value !== 'string') continue;
    const value = field.value.replace(/\s+/g, '');
    if (sourceLines(field).some((line) => widestGapWithin(line, value, MIN_STRETCH) > emOf(line) * RUN_GAP)) addIssue(field, VALUE_GAP_UNREAD);
  }
}

function emOf(line: LayoutLine): number {
  return line.typeHeight ?? line.original.height;
}

/**
 * The widest blank run the engine boxed between two characters of the longest stretch of `value` (at least `least`
 * characters) that the line's characters spell; 0 where there is none. A value over several lines is measured on
 * each line's own stretch of it, never across a line's label and its value.
 */
function widestGapWithin(line: LayoutLine, value: string, least: number): number {
  if (!line.chars || value.length < least) return 0;
  const read = line.chars.map((c) => c.text).join('');
  const stretch = longestCommonRun(read, value);
  if (stretch.length < least) return 0;
  let widest = 0;
  for (let i = stretch.at + 1; i < stretch.at + stretch.length; i++) widest = Math.max(widest, line.chars[i].gapBefore ?? 0);
  return widest;
}

/**
 * Where in `a` the longest run of characters that `b` also spells starts, and its length.
 *
 * @example
 * longestCommonRun('单位名称杭州云栖', '杭州云栖科技'); // { at: 4, length: 4 }
 */
export function longestCommonRun(a: string, b: string): { at: number; length: number } {
  let best = { at: 0, length: 0 };
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) {
      if (a[i - 1] !== b[j - 1]) continue;
      row[j] = previous[j - 1] + 1;
      if (row[j] > best.length) best = { at: i - row[j], length: row[j] };
    }
    previous = row;
  }
  return best;
}

function addIssue(field: NonNullable<DraftFields[string]>, issue: string): void {
  if (!field.issues?.includes(issue)) field.issues = [...(field.issues ?? []), issue];
}
