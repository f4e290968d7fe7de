import type { Box } from '../documents/index.js';
import type { DraftFields } from './document-context.js';
import type { LayoutLine, PageLayout } from './page-layout.js';

/**
 * Issue on a person's name that ends its line where the engine boxed ink past the last character it recognised
 * (`人徐凯` boxed an em past `凯`, the `颖` of `徐凯颖` under glare never read): the name read may be short. A name is
 * never shortened by rule, and a lost character cannot be guessed: the clerk reads it off the page.
 */
export const NAME_TAIL_UNREAD = 'name_tail_unread_incomplete';

/** The fields that hold a person's name. */
const PERSON_NAME_FIELDS = ['holderName', 'employeeName', 'personName', 'studentName', 'name', 'legalRepresentative'] as const;

/**
 * Ink boxed past the last character read, in ems of the line's type, from which a character may be lost. Over the
 * 4,022 engine lines of seen-family sample seed 9575, nine in ten lines end within a third of an em of their last
 * character, 99 in 100 within 0.91 em.
 */
const UNREAD_TAIL = 0.9;

/** The share of `box` that `other` covers. */
function coverage(box: Box, other: Box): number {
  const w = Math.min(box.x + box.width, other.x + other.width) - Math.max(box.x, other.x);
  const h = Math.min(box.y + box.height, other.y + other.height) - Math.max(box.y, other.y);
  return w > 0 && h > 0 ? (w * h) / (box.width * box.height) : 0;
}

/** The layout line a value was read from: the value's source box is its box as read, and it ends with the value. */
function sourceLine(layout: PageLayout, box: Box, value: string): LayoutLine | undefined {
  return layout.lines.find((l) => l.flat.endsWith(value) && coverage(box, l.original) > 0.8 && coverage(l.original, box) > 0.5);
}

/**
 * Flags each person's name that ends a line with unread ink boxed after it (`NAME_TAIL_UNREAD`).
 *
 * @example
 * flagNamesWithUnreadTails(draft, ctx.layouts); // `徐凯` read from `人徐凯`, boxed an em past `凯`: flagged
 */
export function flagNamesWithUnreadTails(draft: DraftFields, layouts: readonly PageLayout[]): void {
  const byPage = new Map(layouts.map((l) => [l.page, l]));
  for (const name of PERSON_NAME_FIELDS) {
    const field = draft[name];
    if (!field || typeof field.value !== 'string' || !field.source?.box) continue;
    const layout = byPage.get(field.source.page);
    if (!layout || layout.source === 'text_layer') continue;
    const line = sourceLine(layout, field.source.box, field.value.replace(/\s+/g, ''));
    if (!line || line.tailGap === undefined) continue;
    const em = line.typeHeight ?? line.original.height;
    if (line.tailGap > em * UNREAD_TAIL && !field.issues?.includes(NAME_TAIL_UNREAD)) field.issues = [...(field.issues ?? []), NAME_TAIL_UNREAD];
  }
}
