/**
 * Captions under their values that the engine misread by one character (`职亚)` for `（职业）` under `汽车维修工` on a
 * form that sets its captions under the fill-in): no label the layout knows, so the value over it is nobody's. The
 * caption is still told by its shape: a bracketed word one character off a field's label.
 */
import { LabelMatch } from './confidence.js';
import { fieldFromLine, type DocumentContext, type DraftField } from './document-context.js';
import { LABEL_INFERRED } from './label-tail-names.js';
import type { LayoutLine } from './page-layout.js';
import { stackedLine } from './stacked-values.js';
import type { ValueReader } from './value-readers.js';

/** A caption closed by its bracket, its opening bracket read or lost (`（职业）`, `职亚)`). */
const CLOSED_CAPTION = /^[(（]?([\u3400-\u9fff]{2,8})[)）]$/u;

/** Whether `read` is `form` with exactly one character read as another. */
function oneCharacterOff(read: string, form: string): boolean {
  const a = [...read];
  const b = [...form];
  return a.length === b.length && a.filter((ch, i) => ch !== b[i]).length === 1;
}

/** Whether a line with no label is a caption one character off one of `forms` (brackets and all). */
function misreadCaption(line: LayoutLine, forms: readonly string[]): boolean {
  const inner = line.hits.length === 0 ? CLOSED_CAPTION.exec(line.flat)?.[1] : undefined;
  return inner !== undefined && forms.some((form) => oneCharacterOff(inner, form.replace(/[()（）]/g, '')));
}

/**
 * The value stacked over a caption one character off one of `forms` (`汽车维修工` over `职亚)`): read whole and fully
 * typical, flagged `label_inferred`; never when two such captions hold values on the pages.
 *
 * @example
 * valueOverMisreadCaption(ctx, ['职业'], readOccupation)?.value; // '汽车维修工' over `职亚)`
 */
export function valueOverMisreadCaption(ctx: DocumentContext, forms: readonly string[], reader: ValueReader): DraftField | undefined {
  const found: DraftField[] = [];
  for (const layout of ctx.layouts) {
    for (const line of layout.lines) {
      if (!misreadCaption(line, forms)) continue;
      // A value over its caption, set down onto it by a fill-in printed low (as over a caption read right).
      const value = stackedLine(layout, line, true, false, 0.45, false, 0.4);
      const reading = value ? reader(value.text) : null;
      if (!value || !reading || reading.plausibility < 1 || reading.value !== value.flat) continue;
      found.push(fieldFromLine(value, { ...reading, issues: [...reading.issues, LABEL_INFERRED] }, LabelMatch.unlabelled));
    }
  }
  return found.length === 1 ? found[0] : undefined;
}
