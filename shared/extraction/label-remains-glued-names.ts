import { LabelMatch } from './confidence.js';
import { fieldFromLine, type DocumentContext, type DraftField } from './document-context.js';
import { LABEL_INFERRED } from './label-tail-names.js';
import { linesRightOf, type LayoutLine, type PageLayout } from './page-layout.js';
import type { ValueReader } from './value-readers.js';

/** A lone Chinese character in its own box. */
const LONE_CJK = /^[\u3400-\u9fff]$/;

/**
 * True when the box just before `line` on its row is the label's character before `tail` standing alone (`保` before
 * `人…` of a spread `参　保　人`): the label's boxes go on into `line`.
 */
function spreadLabelGoesOn(layout: PageLayout, line: LayoutLine, label: string, tail: string): boolean {
  const before = label[label.length - tail.length - 1];
  if (!before) return false;
  return layout.lines.some(
    (other) =>
      other !== line &&
      LONE_CJK.test(other.flat) &&
      other.flat === before &&
      linesRightOf(layout, other)[0] === line &&
      line.box.x - (other.box.x + other.box.width) <= line.box.height * 4,
  );
}

/**
 * The name in one box with what is left of its person label, the label's head lost to glare, a seal or a cut (`保人何文雨`
 * for `参保人：何文雨`), or a spread label's last character boxed with the name (`保` | `人公孙明怡`): the rest of the box
 * when it is nothing but a person's name with a known surname. Read only when no label names the person, flagged
 * `label_inferred`, and never when two such names stand on the pages.
 *
 * @example
 * nameGluedToLabelRemains(ctx, ['参保人', '姓名'], readPersonName)?.value; // '何文雨' from `保人何文雨`
 */
export function nameGluedToLabelRemains(ctx: DocumentContext, labels: readonly string[], reader: ValueReader): DraftField | undefined {
  const found = new Map<string, DraftField>();
  for (const layout of ctx.layouts) {
    for (const line of layout.lines) {
      if (line.hits.length > 0) continue;
      for (const label of labels) {
        const field = nameAfterTail(layout, line, label, reader);
        if (field) {
          found.set(String(field.value), found.get(String(field.value)) ?? field);
          break;
        }
      }
    }
  }
  return found.size === 1 ? [...found.values()][0] : undefined;
}

function nameAfterTail(layout: PageLayout, line: LayoutLine, label: string, reader: ValueReader): DraftField | undefined {
  for (let k = label.length - 1; k >= 1; k--) {
    const tail = label.slice(-k);
    if (!line.flat.startsWith(tail)) continue;
    // Two characters or more of the label's tail say what they are; one says it only after the label's other boxes.
    if (k === 1 && !spreadLabelGoesOn(layout, line, label, tail)) continue;
    const rest = line.flat.slice(k).replace(/^[:：]/, '');
    const reading = reader(rest);
    if (!reading || reading.plausibility !== 1 || reading.value !== rest) continue;
    const field = fieldFromLine(line, reading, LabelMatch.unlabelled, rest);
    field.issues = [...(field.issues ?? []), LABEL_INFERRED];
    return field;
  }
  return undefined;
}
