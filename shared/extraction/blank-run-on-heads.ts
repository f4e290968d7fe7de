import type { DocumentContext, DraftField } from './document-context.js';
import { WRAP_INFERRED } from './field-search.js';
import { centreY } from './line-geometry.js';
import { linesOfSource } from './page-layout.js';
import type { ValueReader } from './value-readers.js';

/** A blank of a fill-in form as its text layer or the engine reads it: dots, underscores or dashes alone. */
const BLANK = /^[·•.…_＿\-—–－]{3,}$/;

/**
 * A value run on after a blank to the column's end and wrapped back to the column's start, as a line of text flows:
 * `乙方（劳动者）姓名` `·············许` over `佳佳`, the name's head printed right after the blank's last dot and its
 * tail on the next line where the blank starts. The value read at the blank's start (`佳佳`) takes the head (one or two
 * characters alone on the blank's row, touching its end) when the two read as one value of `reader`'s kind; flagged
 * `value_wrap_inferred`, the join being read from layout.
 *
 * @example
 * headRunOnAfterBlank(ctx, employeeName, readWholePersonName)?.value; // '许佳佳' where '佳佳' was read
 */
export function headRunOnAfterBlank(ctx: DocumentContext, field: DraftField | undefined, reader: ValueReader): DraftField | undefined {
  if (!field?.source?.box || typeof field.value !== 'string') return field;
  const layout = ctx.layouts.find((l) => l.page === field.source!.page);
  const [value] = layout ? linesOfSource(layout.lines, field.source.box) : [];
  if (!layout || !value || value.flat !== field.value) return field;
  const h = value.box.height;
  const blank = layout.lines.find(
    (l) => BLANK.test(l.flat) && Math.abs(l.box.x - value.box.x) < h * 0.5 && l.box.y < value.box.y - h * 0.4 && l.box.y > value.box.y - h * 1.8,
  );
  if (!blank) return field;
  const blankEnd = blank.box.x + blank.box.width;
  const head = layout.lines.find(
    (l) =>
      l !== blank &&
      l.hits.length === 0 &&
      /^\p{Script=Han}{1,2}$/u.test(l.flat) &&
      Math.abs(centreY(l) - centreY(blank)) < h * 0.5 &&
      Math.abs(l.box.x - blankEnd) < h * 0.5,
  );
  if (!head) return field;
  const reading = reader(head.flat + field.value);
  if (!reading || reading.plausibility !== 1 || reading.value !== head.flat + field.value) return field;
  return { ...field, value: reading.value, issues: [...(field.issues ?? []), WRAP_INFERRED] };
}
