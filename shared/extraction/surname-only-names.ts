import type { DocumentContext, DraftField } from './document-context.js';
import { WRAP_INFERRED } from './field-search.js';
import type { LayoutLine } from './page-layout.js';
import { CJK } from './text.js';
import { COMPOUND_SURNAMES, NAME_SURNAME_ONLY, type ValueReader } from './value-readers.js';

export { NAME_SURNAME_ONLY };

/**
 * A person's name read as a compound surname alone (`诸葛` in a narrow cell, `阳佳` wrapped under it) is cut, never a
 * name: the line just under it in its column, one to three characters and no label, completes it (read joined,
 * flagged WRAP_INFERRED: the join is read from layout alone); without one the field is flagged NAME_SURNAME_ONLY.
 * Mutates the field.
 *
 * @example
 * completeSurnameOnlyName(ctx, employeeName, readWholePersonName); // '诸葛' → '诸葛阳佳', flagged
 */
export function completeSurnameOnlyName(ctx: DocumentContext, field: DraftField | undefined, reader: ValueReader): void {
  if (!field || typeof field.value !== 'string' || !COMPOUND_SURNAMES.includes(field.value)) return;
  const layout = ctx.layouts.find((l) => l.page === field.source?.page);
  const line = layout?.lines.find((l) => l.original === field.source?.box);
  const under = layout && line ? lineUnder(layout.lines, line) : undefined;
  const joined = under ? reader(`${field.value}${under.flat}`) : null;
  if (under && joined && typeof joined.value === 'string' && joined.value === `${field.value}${under.flat}`) {
    field.value = joined.value;
    field.issues = [...new Set([...(field.issues ?? []).filter((i) => i !== NAME_SURNAME_ONLY), WRAP_INFERRED])];
    return;
  }
  field.issues = [...new Set([...(field.issues ?? []), NAME_SURNAME_ONLY])];
}

function lineUnder(lines: readonly LayoutLine[], line: LayoutLine): LayoutLine | undefined {
  const h = line.box.height;
  return lines
    .filter(
      (o) =>
        o !== line &&
        o.half === line.half &&
        o.hits.length === 0 &&
        new RegExp(`^[${CJK}]{1,3}$`).test(o.flat) &&
        o.box.y > line.box.y + h * 0.4 &&
        o.box.y < line.box.y + h * 1.8 &&
        Math.abs(o.box.x - line.box.x) < h * 1.5,
    )
    .sort((a, b) => a.box.y - b.box.y)[0];
}
