import { LabelMatch } from './confidence.js';
import { fieldFromLine, type DocumentContext, type DraftField } from './document-context.js';
import { centreX, centreY } from './line-geometry.js';
import { mergeLines } from './continuation.js';
import { WRAP_INFERRED } from './field-search.js';
import { inLabelColumn, overlapAcross } from './label-columns.js';
import type { LayoutLine, PageLayout } from './page-layout.js';
import { LABEL_GROUP_OF, type LabelGroup } from './labels.js';
import type { Reading, ValueReader } from './value-readers.js';

/** Issue on a party read from a line near its label that the layout pairs with no label (printed off its row). */
export const VALUE_OFF_ROW_INFERRED = 'value_off_row_inferred';

/**
 * A label of `forms` that waits for its value, not a signing block or someone else's: nothing after it in its box,
 * or only what is no value of its kind (`参保人：参保缴费`, the status of the row under it boxed onto a shifted page's
 * label).
 */
function waitingLabel(line: LayoutLine, forms: ReadonlySet<string>, reader: ValueReader): boolean {
  const hit = line.hits[line.hits.length - 1];
  if (!hit || !forms.has(hit.form) || hit.signature || hit.otherParty) return false;
  return hit.inlineValue === '' || (/^[\u3400-\u9fff]+$/.test(hit.inlineValue) && reader(hit.inlineValue) === null);
}

/**
 * Whether `label` is the label nearest `value` by row among the labels of its column side (every labelled line that
 * starts left of the value's end): a value printed between two rows belongs to the row it is nearer.
 */
function nearestLabelIs(layout: PageLayout, value: LayoutLine, label: LayoutLine): boolean {
  const mine = Math.abs(centreY(value) - centreY(label));
  return !layout.lines.some(
    (l) => l !== label && l.half === value.half && l.hits.length > 0 && l.box.x < value.box.x + value.box.width && Math.abs(centreY(value) - centreY(l)) < mine,
  );
}

/**
 * The whole value whose last line is `last`, wrapped up its column: up to three lines over it, each set as tight as a
 * cell's wrapped lines (less than half a line apart) and flush with it or centred on it, none a label's. The first
 * join that reads as a whole value of its kind, with the lines merged into one; flagged `value_wrap_inferred`.
 */
function wrappedUpTo(layout: PageLayout, last: LayoutLine, reader: ValueReader): { line: LayoutLine; reading: Reading } | undefined {
  const block = [last];
  for (let k = 0; k < 3; k++) {
    const top = block[0];
    const h = top.box.height;
    const over = layout.lines
      .filter((l) => {
        if (block.includes(l) || l.half !== top.half || l.hits.length > 0 || l.leading === '') return false;
        const gap = top.box.y - (l.box.y + l.box.height);
        const flush = Math.abs(l.box.x - top.box.x) < h * 1.5 || Math.abs(centreX(l) - centreX(top)) < h * 0.8;
        return gap > -h * 0.25 && gap < h * 0.5 && flush;
      })
      .sort((a, b) => b.box.y - a.box.y)[0];
    if (!over) return undefined;
    block.unshift(over);
    const text = block.map((l) => l.flat).join('');
    const reading = reader(text);
    if (reading?.plausibility === 1) {
      return { line: mergeLines(block, text), reading: { ...reading, issues: [...reading.issues, WRAP_INFERRED] } };
    }
  }
  return undefined;
}

/**
 * A party's value printed off its label's row where the layout search pairs it with nothing: a fill-in set half a
 * row low under `乙方（劳动者）姓名` overlapping the label's box (neither beside it nor under it), an employer printed
 * a row's third lower than `用人单位` and level with the credit code's label of the next column. Taken only when it
 * reads as a whole value of its kind (a person's name with a known surname, an organisation with its legal ending),
 * stands right of the label's start within a row and a half, is nearer that label's row than any other label's, and
 * when exactly one such value is on the pages. Always flagged VALUE_OFF_ROW_INFERRED: the pairing is the layout's
 * guess, for the clerk to confirm.
 *
 * @example
 * valueNearPartyLabel(ctx, ['乙方(劳动者)姓名'], readWholePersonName)?.value; // '郝涛敏'
 */
export function valueNearPartyLabel(ctx: DocumentContext, labels: readonly string[], reader: ValueReader): DraftField | undefined {
  const forms = new Set(labels);
  const found = new Map<string, { line: LayoutLine; reading: Reading }>();
  for (const layout of ctx.layouts) {
    for (const label of layout.lines.filter((l) => waitingLabel(l, forms, reader))) {
      const h = label.box.height;
      const right = label.box.x + label.box.width;
      for (const o of layout.lines) {
        const dy = centreY(o) - centreY(label);
        if (o === label || o.half !== label.half || o.hits.length > 0 || dy < -h || dy > h * 1.6) continue;
        if (o.box.x < label.box.x || o.box.x - right > layout.width * 0.6 || !nearestLabelIs(layout, o, label)) continue;
        const own = reader(o.leading);
        // Only the last line of a name wrapped up its narrow cell (`杭州灵隐网` | `络科技有限` | `公司`, the cell's
        // lines rising from the label's row): read with the lines over it.
        const wrapped = own?.plausibility === 1 ? undefined : wrappedUpTo(layout, o, reader);
        const reading = wrapped?.reading ?? own;
        if (!reading || reading.plausibility !== 1 || typeof reading.value !== 'string') continue;
        if (!found.has(reading.value)) found.set(reading.value, { line: wrapped?.line ?? o, reading });
      }
    }
  }
  if (found.size !== 1) return undefined;
  const [{ line, reading }] = found.values();
  const field = fieldFromLine(line, { ...reading, issues: [...reading.issues, VALUE_OFF_ROW_INFERRED] }, LabelMatch.unlabelled, line.leading);
  return field;
}

/** Whether `value` stands on a labelled line's row right of it: that label's value, not one set under a caption. */
function besideALabel(layout: PageLayout, value: LayoutLine): boolean {
  return layout.lines.some(
    (l) =>
      l !== value &&
      l.hits.length > 0 &&
      l.half === value.half &&
      Math.abs(centreY(l) - centreY(value)) < value.box.height * 0.5 &&
      l.box.x + l.box.width <= value.box.x + value.box.height,
  );
}

/**
 * A party's name at the left of its label's cell in a grid of captions over values (`劳动者姓名` over `苏慧`, the name
 * set at the cell's left edge, clear of the caption's span, while the caption of the row under it, `合同类型`, stands
 * right under the label): the nearest line under the waiting label, within two of its heights, starting in its cell
 * (between the midpoints to the labels beside it on its row) or under its span, that reads as a whole name of its kind.
 * Taken only when exactly one such value is on the pages; flagged VALUE_OFF_ROW_INFERRED.
 *
 * @example
 * valueInLabelCell(ctx, ['劳动者姓名'], readWholePersonName)?.value; // '苏慧'
 */
export function valueInLabelCell(ctx: DocumentContext, labels: readonly string[], reader: ValueReader): DraftField | undefined {
  const forms = new Set(labels);
  const found = new Map<string, { line: LayoutLine; reading: Reading }>();
  for (const layout of ctx.layouts) {
    for (const label of layout.lines.filter((l) => waitingLabel(l, forms, reader))) {
      const h = label.box.height;
      const reach = valueRowReach(layout, label);
      const under = layout.lines
        .filter((o) => {
          const dy = centreY(o) - centreY(label);
          return o !== label && o.half === label.half && dy > h * 0.6 && dy < reach && inLabelColumn(layout, label, o);
        })
        .sort((a, b) => a.box.y - b.box.y);
      // The first line under the label in its cell is its value or nothing: a label there (the next row's) ends it.
      const first = under[0];
      if (!first || first.hits.length > 0 || besideALabel(layout, first)) continue;
      const reading = reader(first.leading);
      if (!reading || reading.plausibility !== 1 || typeof reading.value !== 'string' || reading.value !== first.flat) continue;
      if (!found.has(reading.value)) found.set(reading.value, { line: first, reading });
    }
  }
  if (found.size !== 1) return undefined;
  const [{ line, reading }] = found.values();
  return fieldFromLine(line, { ...reading, issues: [...reading.issues, VALUE_OFF_ROW_INFERRED] }, LabelMatch.unlabelled, line.leading);
}

/**
 * How far under `label` its grid cell's value may stand: two heights and a little more, or as far as the value row of
 * its caption row reaches, when the captions beside it have their values further down (a text layer's grid spaced
 * 2.3 heights from caption to value: `工作岗位` `乙方` over `钳工` `侯刚晓`). That row is the nearest value under any
 * other caption of the row, in that caption's column and within three heights; half a height more lets a value sit
 * a little low on it.
 */
function valueRowReach(layout: PageLayout, label: LayoutLine): number {
  const h = label.box.height;
  let row = Infinity;
  for (const caption of layout.lines) {
    if (caption === label || caption.half !== label.half || caption.hits.length === 0) continue;
    if (Math.abs(centreY(caption) - centreY(label)) >= h * 0.5) continue;
    for (const o of layout.lines) {
      const dy = centreY(o) - centreY(caption);
      if (o.hits.length > 0 || o.half !== label.half || dy <= h * 0.6 || dy >= h * 3) continue;
      if (inLabelColumn(layout, caption, o)) row = Math.min(row, dy);
    }
  }
  return Math.max(h * 2.2, row === Infinity ? 0 : row + h * 0.5);
}

/**
 * A party's value printed over its label in the label's column (a photo's fill-in set a row high: `杭州卓越科技有限公司`
 * over `甲方:`, nothing beside the label): the line over the waiting label, overlapping its span, between 0.6 and 2.2
 * of its heights above it, nearer that label's row than any other label's, that reads as a whole value of its kind.
 * Taken only when exactly one such value is on the pages; flagged VALUE_OFF_ROW_INFERRED.
 *
 * @example
 * valueOverItsLabel(ctx, ['甲方'], readContractEmployerName)?.value; // '杭州卓越科技有限公司'
 */
export function valueOverItsLabel(ctx: DocumentContext, labels: readonly string[], reader: ValueReader): DraftField | undefined {
  const forms = new Set(labels);
  const found = new Map<string, LayoutLine>();
  for (const layout of ctx.layouts) {
    for (const label of layout.lines.filter((l) => waitingLabel(l, forms, reader))) {
      const h = label.box.height;
      for (const o of layout.lines) {
        const rise = centreY(label) - centreY(o);
        if (o === label || o.half !== label.half || o.hits.length > 0 || rise < h * 0.6 || rise > h * 2.2) continue;
        if (!overlapAcross(label, o) || !nearestLabelIs(layout, o, label)) continue;
        const reading = reader(o.leading);
        if (reading?.plausibility !== 1 || typeof reading.value !== 'string' || reading.value !== o.flat) continue;
        if (!found.has(reading.value)) found.set(reading.value, o);
      }
    }
  }
  if (found.size !== 1) return undefined;
  const [line] = found.values();
  const reading = reader(line.leading)!;
  return fieldFromLine(line, { ...reading, issues: [...reading.issues, VALUE_OFF_ROW_INFERRED] }, LabelMatch.unlabelled, line.leading);
}

/**
 * Label groups whose values are never a person's name: an ID number, a date, a count, a code, a status or a type (the
 * `delimiters` group of labels read only to end other values).
 */
const NAMELESS_GROUPS: ReadonlySet<LabelGroup> = new Set<LabelGroup>([
  'idNumber',
  'birthDate',
  'totalMonths',
  'creditCode',
  'registrationNumber',
  'issueDate',
  'startDate',
  'endDate',
  'signedDate',
  'establishedDate',
  'delimiters',
]);

/**
 * A person's name glued after the label of the row under its own (a fill-in printed a row low: `姓名` alone, then
 * `参保状态金嘉宇`, `身份证号码孔敏林` in one box): the waiting label's nearest labelled line below it, a row down
 * (0.6 to 2.2 of its heights) and flush with it in the label column, holding one label whose values are never a name
 * (see NAMELESS_GROUPS) and after it nothing but a whole name with a known surname. Taken only when exactly one such
 * name is on the pages; flagged VALUE_OFF_ROW_INFERRED.
 *
 * @example
 * nameGluedAfterNextLabel(ctx, ['姓名'], readPersonName)?.value; // '金嘉宇' from `姓名` over `参保状态金嘉宇`
 */
export function nameGluedAfterNextLabel(ctx: DocumentContext, labels: readonly string[], reader: ValueReader): DraftField | undefined {
  const forms = new Set(labels);
  const found = new Map<string, LayoutLine>();
  for (const layout of ctx.layouts) {
    for (const label of layout.lines.filter((l) => waitingLabel(l, forms, reader))) {
      const h = label.box.height;
      const next = layout.lines
        .filter((o) => o !== label && o.half === label.half && o.hits.length > 0 && centreY(o) - centreY(label) > h * 0.6)
        .sort((a, b) => a.box.y - b.box.y)[0];
      if (!next || centreY(next) - centreY(label) > h * 2.2 || Math.abs(next.box.x - label.box.x) > h) continue;
      const [hit] = next.hits;
      const group = LABEL_GROUP_OF.get(hit.form);
      if (next.hits.length !== 1 || hit.start !== 0 || !group || !NAMELESS_GROUPS.has(group) || hit.otherParty) continue;
      const reading = reader(hit.inlineValue);
      if (reading?.plausibility !== 1 || typeof reading.value !== 'string' || reading.value !== hit.inlineValue) continue;
      if (!found.has(reading.value)) found.set(reading.value, next);
    }
  }
  if (found.size !== 1) return undefined;
  const [[value, line]] = found.entries();
  const reading = reader(value)!;
  return fieldFromLine(line, { ...reading, issues: [...reading.issues, VALUE_OFF_ROW_INFERRED] }, LabelMatch.unlabelled, value);
}
