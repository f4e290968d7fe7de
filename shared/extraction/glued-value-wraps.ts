import { WRAP_JOINED } from './values-cut-by-wraps.js';
import { LabelMatch } from './confidence.js';
import { mergeLines } from './continuation.js';
import { fieldFromLine, type DocumentContext, type DraftField } from './document-context.js';
import type { LayoutLine, PageLayout } from './page-layout.js';
import { CJK } from './text.js';
import type { ValueReader } from './value-readers.js';

/** Issue on a value read with a line under it that layout alone says continues it: the clerk confirms the join. */
export { WRAP_JOINED };

/**
 * Where, across the line's box, the text at `index` starts: at its character's own box where the engine boxed the
 * line's characters as the reader reads them; otherwise with characters taken as evenly wide (a guess to a character).
 */
function xAt(line: LayoutLine, index: number): number {
  const boxed = line.chars?.map((c) => c.text).join('') === line.flat ? line.chars![line.text.slice(0, index).replace(/\s+/g, '').length]?.offset : undefined;
  return boxed !== undefined ? line.box.x + boxed : line.box.x + (line.box.width * index) / Math.max(1, line.text.length);
}

/** How far apart a line's characters stand (its box's width over its characters): its type's advance, gaps and all. */
function pitch(line: LayoutLine): number {
  return line.box.width / Math.max(1, [...line.flat].length);
}

/**
 * True when `other` starts under the text of `line` from `index` on (a value glued to its label in one box). The
 * engine boxes a label with its value across the gap between them (`用人单位　　浙江新锐建筑工程健`), which an even
 * share of the box's width puts before the value's start; so the start is also taken back from the box's right end at
 * `other`'s own pitch (a wrap or a head of the same name is set in the same type), within one character.
 *
 * @example
 * startsUnderText(gluedLine, 4, wrapLine); // true when the wrap stands under the value, not under the label
 */
export function startsUnderText(line: LayoutLine, index: number, other: LayoutLine): boolean {
  const even = xAt(line, index);
  if (Math.abs(other.box.x - even) < line.box.height * 1.5) return true;
  const rest = [...line.text.slice(index).replace(/\s+/g, '')].length;
  const fromRight = line.box.x + line.box.width - rest * pitch(other);
  return index > 0 && fromRight > even && Math.abs(other.box.x - fromRight) < pitch(other);
}

/**
 * The line a value glued to its label wraps onto: the next row, starting under the value's first character (not under
 * the label, which the engine boxed with the value), carrying no label of its own.
 */
function wrapUnder(layout: PageLayout, line: LayoutLine, at: number): LayoutLine | undefined {
  const h = line.box.height;
  return layout.lines
    .filter(
      (o) =>
        o !== line &&
        o.half === line.half &&
        o.hits.length === 0 &&
        new RegExp(`^[${CJK}]`).test(o.flat) &&
        o.box.y > line.box.y + h * 0.4 &&
        o.box.y < line.box.y + h * 1.8 &&
        startsUnderText(line, at, o) &&
        Math.abs(Math.log(o.box.height / h)) < Math.log(1.6),
    )
    .sort((a, b) => a.box.y - b.box.y)[0];
}

/**
 * A value the engine boxed together with its label (`甲方（用人单位）名称杭州云栖家政服务智`) that wraps onto the next
 * row under the value's own start (`慧服务有限公司`), far right of where the label's box begins: read joined when the
 * piece after the label is no whole value by itself and the join is one (for an organisation, a name with its legal
 * ending), flagged WRAP_JOINED since the join is read from layout alone. Labels earlier in `labels` win.
 *
 * @example
 * valueWrappedUnderGluedLabel(ctx, ['甲方(用人单位)名称'], readEmployerName)?.value; // '杭州云栖家政服务智慧服务有限公司'
 */
export function valueWrappedUnderGluedLabel(ctx: DocumentContext, labels: readonly string[], reader: ValueReader): DraftField | undefined {
  let best: { rank: number; field: DraftField } | undefined;
  for (const layout of ctx.layouts) {
    for (const line of layout.lines) {
      for (const hit of line.hits) {
        const rank = labels.indexOf(hit.form);
        if (rank < 0 || hit.otherParty || (best && best.rank <= rank)) continue;
        const inline = hit.inlineValue;
        if (!new RegExp(`^[${CJK}]`).test(inline) || reader(inline)?.plausibility === 1) continue;
        const at = line.text.indexOf(inline, hit.end);
        if (at < 0) continue;
        // A narrow cell may wrap the name more than once (`杭州钱塘机械` | `制造环境服务` | `有限公司`): the lines
        // down its column, up to three, until the name reads whole.
        const wraps: LayoutLine[] = [];
        let joined: ReturnType<ValueReader> = null;
        let raw = inline;
        for (let from = line, index = at; wraps.length < 3 && !joined; index = 0) {
          const wrap = wrapUnder(layout, from, index);
          if (!wrap) break;
          wraps.push(wrap);
          raw += wrap.flat;
          const reading = reader(raw);
          if (reading?.plausibility === 1) joined = reading;
          from = wrap;
        }
        if (!joined) continue;
        const field = fieldFromLine(mergeLines([line, ...wraps], raw), joined, LabelMatch.inline, raw);
        field.issues = [...new Set([...(field.issues ?? []), WRAP_JOINED])];
        best = { rank, field };
      }
    }
  }
  return best?.field;
}
