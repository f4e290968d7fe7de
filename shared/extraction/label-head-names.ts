/**
 * Names beside a person's label whose tail the page lost (`持` | `证` … `范建`: the `人` of a spread `持　证　人` gone
 * under a photo's shadow). What is left is the label's head, in one box or in lone boxes along the row, and no label
 * the layout knows; the name after it on the row is still the person's.
 */
import { LabelMatch } from './confidence.js';
import { fieldFromLine, type DocumentContext, type DraftField } from './document-context.js';
import { LABEL_INFERRED, nameOfInferredLabel } from './label-tail-names.js';
import { right } from './line-geometry.js';
import { linesRightOf, type LayoutLine, type PageLayout } from './page-layout.js';
import { stackedLine } from './stacked-values.js';
import type { ValueReader } from './value-readers.js';

const LONE_CJK = /^[\u3400-\u9fff]$/;

/**
 * The boxes from `line` on along its row that spell the head of one of `labels` (two characters or more, never the
 * whole label): one box (`持证`) or lone characters each within four heights of the last (`持` | `证`). The last box
 * of the head, or undefined.
 */
function labelHeadFrom(layout: PageLayout, line: LayoutLine, labels: readonly string[]): LayoutLine | undefined {
  if (line.hits.length > 0) return undefined;
  let head = line.flat;
  let last = line;
  for (let next = linesRightOf(layout, last)[0]; LONE_CJK.test(head.slice(-1)) && next && LONE_CJK.test(next.flat) && next.hits.length === 0; ) {
    if (next.box.x - right(last) > last.box.height * 4 || !labels.some((l) => l.startsWith(head + next!.flat))) break;
    head += next.flat;
    last = next;
    next = linesRightOf(layout, last)[0];
  }
  const bare = head.replace(/:$/, '');
  return bare.length >= 2 && labels.some((label) => label !== bare && label.startsWith(bare)) ? last : undefined;
}

/** Characters the engine reads for a label's head character (`特` for the `持` of `持证人`). */
const HEAD_LOOK_ALIKES: Readonly<Record<string, string>> = { 持: '特恃待' };

/**
 * A line that is a label of three characters or more with its head read as a look-alike, glued to a whole name
 * (`特证人顾凯林`): the name, with the raw text it was read from.
 */
function nameAfterMisreadHead(line: LayoutLine, labels: readonly string[], reader: ValueReader) {
  if (line.hits.length > 0) return undefined;
  for (const label of labels) {
    if (label.length < 3 || !HEAD_LOOK_ALIKES[label[0]]?.includes(line.flat[0]) || !line.flat.startsWith(label.slice(1), 1)) continue;
    const raw = line.flat.slice(label.length).replace(/^:/, '');
    const reading = reader(raw);
    if (reading && reading.plausibility === 1 && reading.value === raw) return { reading, raw };
  }
  return undefined;
}

/**
 * The person named beside what is left of a person's label whose tail the page lost (`持` | `证` … `范建`): the first
 * line on its row after the head, within a third of the page's width, that is nothing but a person's name (full
 * plausibility: a known surname). Flagged `label_inferred`; never when two such names stand on the pages.
 *
 * @example
 * nameBesideLabelHead(ctx, ['持证人姓名', '持证人'], readPersonName)?.value; // '范建' beside `持` | `证`
 */
export function nameBesideLabelHead(ctx: DocumentContext, labels: readonly string[], reader: ValueReader): DraftField | undefined {
  const found: DraftField[] = [];
  for (const layout of ctx.layouts) {
    for (const line of layout.lines) {
      const misread = nameAfterMisreadHead(line, labels, reader);
      if (misread) {
        const field = fieldFromLine(line, misread.reading, LabelMatch.unlabelled, misread.raw);
        field.issues = [...(field.issues ?? []), LABEL_INFERRED];
        found.push(field);
        continue;
      }
      const head = labelHeadFrom(layout, line, labels);
      if (!head) continue;
      // Beside it on its row, or else stacked tight under it (`持证` over `皇甫浩海`).
      const beside = linesRightOf(layout, head)[0];
      const next = beside && beside.box.x - right(head) <= layout.width / 3 ? beside : stackedLine(layout, head, false);
      if (!next || next.hits.length > 0) continue;
      const field = nameOfInferredLabel(next, reader);
      if (field) found.push(field);
    }
  }
  return found.length === 1 ? found[0] : undefined;
}
