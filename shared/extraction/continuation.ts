import type { DocumentContext, DraftField } from './document-context.js';
import type { LayoutLine, PageLayout } from './page-layout.js';
import type { ValueReader } from './value-readers.js';

/** True when a label sits on the same row to the left of `line`: then `line` is that label's value. */
function ownedByRowLabel(layout: PageLayout, line: LayoutLine): boolean {
  const centre = line.box.y + line.box.height / 2;
  return layout.lines.some(
    (other) =>
      other !== line &&
      other.hits.length > 0 &&
      other.box.x < line.box.x &&
      Math.abs(other.box.y + other.box.height / 2 - centre) < line.box.height * 0.6,
  );
}

/**
 * Extends a wrapped value (an address) with the lines under it that continue it: directly below, starting within the
 * value's column, carrying no label and not owned by a label on their own row. The joined text is read again.
 *
 * @example
 * continueWrappedValue(ctx, address, readAddress); // '浙江省杭州市西湖区莫干山路232号16幢2003' + '室'
 */
export function continueWrappedValue(ctx: DocumentContext, field: DraftField | undefined, reader: ValueReader, maxLines = 2): void {
  if (!field?.source?.box || typeof field.value !== 'string') return;
  const layout = ctx.layouts.find((l) => l.page === field.source!.page);
  const line = layout?.lines.find((l) => l.original === field.source!.box);
  if (!layout || !line) return;
  let value = field.value;
  let confidence = field.confidence;
  let current = line;
  for (let n = 0; n < maxLines; n++) {
    const bottom = current.box.y + current.box.height;
    // A wrapped value continues on the next line, possibly back at the label's column (inline-block labels).
    const next = layout.lines
      .filter(
        (l) =>
          l !== current &&
          l.half === line.half &&
          l.box.y >= bottom - current.box.height * 0.3 &&
          l.box.y <= bottom + current.box.height * 0.9 &&
          l.box.x >= line.box.x - line.box.height * 8 &&
          l.box.x < line.box.x + line.box.width * 0.9,
      )
      .sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x)[0];
    if (!next || next.hits.length > 0 || /\d{15}/.test(next.flat) || ownedByRowLabel(layout, next)) break;
    value += next.flat;
    confidence *= next.confidence ** 3;
    current = next;
  }
  if (value === field.value) return;
  const reading = reader(value);
  if (!reading) return;
  field.value = reading.value;
  // The join itself is a guess about layout: keep the field just under certainty unless the result looks complete.
  field.confidence = confidence * reading.plausibility * 0.98;
}
