import { LabelMatch } from './confidence.js';
import { fieldFromLine, type DocumentContext, type DraftField } from './document-context.js';
import { linesRightOf, type LayoutLine, type PageLayout } from './page-layout.js';
import type { ValueReader } from './value-readers.js';

/** Issue on a value read beside what is left of its label (the label's head lost): the clerk confirms the pairing. */
export const LABEL_INFERRED = 'label_inferred';

/** A lone Chinese character in its own box. */
const LONE_CJK = /^[\u3400-\u9fff]$/;

/**
 * What is left of a person's label when a photo's glare, a watermark or a seal took its head (`保人` of `参保人`,
 * `名:` of `姓名:`), or its tail misread in a spread label's own box (`姓` | `君` for `姓　名`): the line to read the
 * name beside, and the box before the name to look past (the misread tail), if any.
 */
function labelRemains(layout: PageLayout, line: LayoutLine, labels: readonly string[]): LayoutLine | undefined {
  if (line.hits.length > 0) return undefined;
  const tail = line.flat.replace(/:$/, '');
  const colon = tail !== line.flat;
  // The label's last characters: two or more, or one with the colon the label ends in (`名:`); never the whole label
  // (that is a label hit) and never a lone character without its colon (seal lettering, stray marks).
  const isTail = labels.some((label) => label !== tail && label.endsWith(tail) && (tail.length >= 2 || colon));
  if (isTail) return line;
  // The spread label's head alone (`姓`), its tail boxed apart and misread (`君`): the name comes after that box.
  if (!labels.some((label) => label.length === 2 && label[0] === tail) || colon) return undefined;
  const next = linesRightOf(layout, line)[0];
  return next && LONE_CJK.test(next.flat) && next.box.x - (line.box.x + line.box.width) <= line.box.height * 4 ? next : undefined;
}

/**
 * The person named beside what is left of a person's label whose head the page lost (`保人` … `谢建`, `名:` … `姚建`)
 * or whose spread tail was misread (`姓` | `君` … `曾敏超`): the first line on its row after it, within a third of the
 * page's width, that is nothing but a person's name with a known surname. Read only when no label names the person,
 * flagged `label_inferred`, and never when two such names stand on the pages.
 *
 * @example
 * nameBesideLabelRemains(ctx, ['参保人姓名', '参保人', '姓名'], readPersonName)?.value; // '谢建' beside `保人`
 */
export function nameBesideLabelRemains(ctx: DocumentContext, labels: readonly string[], reader: ValueReader): DraftField | undefined {
  const found: DraftField[] = [];
  for (const layout of ctx.layouts) {
    for (const line of layout.lines) {
      const remains = labelRemains(layout, line, labels);
      if (!remains) continue;
      const next = linesRightOf(layout, remains)[0];
      if (!next || next.hits.length > 0 || next.box.x - (remains.box.x + remains.box.width) > layout.width / 3) continue;
      const field = nameOfInferredLabel(next, reader);
      if (field) found.push(field);
    }
  }
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The name a line holds whole, read as the value of a label inferred from its remains (flagged `label_inferred`);
 * undefined when the line is not exactly one plausible name.
 */
export function nameOfInferredLabel(line: LayoutLine, reader: ValueReader): DraftField | undefined {
  const reading = reader(line.text);
  if (!reading || reading.plausibility !== 1 || reading.value !== line.flat) return undefined;
  const field = fieldFromLine(line, reading, LabelMatch.unlabelled);
  field.issues = [...(field.issues ?? []), LABEL_INFERRED];
  return field;
}
