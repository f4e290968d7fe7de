import { LabelMatch } from './confidence.js';
import { fieldFromLine, type DocumentContext, type DraftField } from './document-context.js';
import { centreY } from './line-geometry.js';
import type { LayoutLine, PageLayout } from './page-layout.js';
import { CJK } from './text.js';
import type { ValueReader } from './value-readers.js';

/** A line that is a name and nothing else: two to four Chinese characters, or a name with its middle dot. */
const WHOLE_NAME = new RegExp(`^[${CJK}·]{2,8}$`);
/** A span's year-month (`2015.08`, `2019年08月`, `201310`): the record's table has begun. */
const YEAR_MONTH = /(?:19|20)\d{2}(?:[.\-/年]\d{1,2}|\d{2}(?!\d))/;

/**
 * The insured person's name when the engine lost its label altogether (a watermark or a glare over `参保人`): a
 * record sets its values in one column beside their labels, so the one line above the table that is nothing but a
 * whole name with a known surname, standing at the left edge of that column (left-aligned with another label's
 * value, within an em: one beside its label, or over its caption) with nothing before it on its row, is read, as a guess the clerk confirms
 * (`label_inferred`). Never two such lines: which is the person's is then not for the reader to say.
 *
 * @example
 * recordNameWithLabelLost(ctx, readPersonName)?.value; // '苏雪飞' from `苏雪飞` above `正常参保` beside `参保状态`
 */
export function recordNameWithLabelLost(ctx: DocumentContext, reader: ValueReader): DraftField | undefined {
  const found: { line: LayoutLine; value: string }[] = [];
  for (const layout of ctx.layouts) {
    const tableTop = Math.min(...layout.lines.filter((l) => YEAR_MONTH.test(l.flat)).map((l) => l.box.y));
    const values = layout.lines.filter((l) => l.hits.length === 0 && (labelBefore(layout, l) || captionUnder(layout, l)));
    for (const line of layout.lines) {
      if (line.hits.length > 0 || !WHOLE_NAME.test(line.flat) || line.box.y >= tableTop || before(layout, line).length > 0) continue;
      const reading = reader(line.text);
      // A four-character name of two surnames (`何马涛雨`) reads a little less sure than a known surname's two or three.
      if (!reading || reading.plausibility < (line.flat.length === 4 ? 0.9 : 1) || reading.value !== line.flat) continue;
      const em = line.box.height;
      if (!values.some((v) => v !== line && Math.abs(v.box.x - line.box.x) < em && v.box.y !== line.box.y)) continue;
      found.push({ line, value: line.flat });
    }
  }
  if (new Set(found.map((f) => f.value)).size !== 1) return undefined;
  const [{ line }] = found;
  const field = fieldFromLine(line, reader(line.text)!, LabelMatch.unlabelled);
  field.issues = [...(field.issues ?? []), 'label_inferred'];
  return field;
}

/**
 * The lines standing before `line` on its row, ending before it starts (within an em). Before a value, one with a
 * label is its owner; before a name whose label seems lost, anything (a label's remains, a stray mark or a seal's
 * letter where the label was printed) says the label was not simply lost, and the name is left (`label-tail-names.ts`
 * reads a name beside a label's remains).
 */
function before(layout: PageLayout, line: LayoutLine): LayoutLine[] {
  return layout.lines.filter(
    (l) => l !== line && Math.abs(centreY(l) - centreY(line)) < line.box.height * 0.5 && l.box.x + l.box.width <= line.box.x + line.box.height,
  );
}

/**
 * True when a label stands tight under `line`, across it (a caption under its value: `参保状态` under `参保缴费`): a
 * record that sets its captions under its values keeps them in one column as well.
 */
function captionUnder(layout: PageLayout, line: LayoutLine): boolean {
  const h = line.box.height;
  return layout.lines.some((l) => {
    if (l === line || l.hits.length === 0 || l.half !== line.half) return false;
    const gap = l.box.y - (line.box.y + h);
    const across = Math.min(l.box.x + l.box.width, line.box.x + line.box.width) - Math.max(l.box.x, line.box.x) > 0;
    return gap > -h * 0.3 && gap < h && across;
  });
}

/** True when a line with a label stands before `line` on its row (its value's owner). */
function labelBefore(layout: PageLayout, line: LayoutLine): boolean {
  return before(layout, line).some((l) => l.hits.length > 0);
}
