import { LABEL_PREFIXES, LABELS_BY_FIRST_CHAR } from './labels.js';
import type { LabelHit, LayoutLine } from './page-layout.js';
import { trimValue } from './text.js';
import { centreY } from './line-geometry.js';

/** A label's first characters after a separator at the end of a line (`…(1-1)；类`, `…至长期，地`). */
const HEAD_AT_END = /[;；,，、。]([\u3400-\u9fff]{1,3})$/u;
/**
 * A label's first characters glued to the end of a line with no separator (`…法定代表人:梁振娜实收` | `资本:…`,
 * `…组成形式:个人经营经` | `营场所…`), or after a sentence's `现`/`其` (`…(1-1)现类` | `型个体工商户`): run-on prose that
 * parts its pairs with nothing. Taken only for a label of three characters or more (after `现`/`其`, two), whose rest
 * opens the next row exactly.
 */
const GLUED_HEAD_AT_END = /([\u3400-\u9fff]{1,3})$/u;
const PROSE_WORD_BEFORE = /[现其]$/u;

/** The label head a line ends with, and the shortest whole label it may start (see HEAD_AT_END, GLUED_HEAD_AT_END). */
function headsAtEnd(text: string): { head: string; minLength: number; glued?: true }[] {
  const separated = HEAD_AT_END.exec(text)?.[1];
  if (separated) return [{ head: separated, minLength: 2 }];
  const glued = GLUED_HEAD_AT_END.exec(text)?.[1] ?? '';
  const heads: { head: string; minLength: number; glued?: true }[] = [];
  for (let n = Math.min(3, glued.length); n >= 1; n--) {
    const head = glued.slice(-n);
    // An organisation's `公司` is its name's end, never the head of `公司类型` (`…有限公司类` | `型:…`).
    if (head.startsWith('公司')) continue;
    heads.push({ head, minLength: PROSE_WORD_BEFORE.test(text.slice(0, -n)) ? 2 : 3, glued: true });
  }
  return heads;
}

/**
 * Run-on prose breaks a label across its line's end as it breaks words: `…；企` | `业名称　浙江…`, `…；地` | `址浙江省`,
 * `…，类` | `型：有限责任公司`. When the last box of a row ends with a label's first characters after a separator,
 * and the first box of the next row (at the margin, right under the row) starts with the rest of that label, the
 * characters are moved to the next row: the label is read whole, where its value is. The moved characters take their
 * width with them (boxes are shortened and lengthened by the line's pitch per character), so where a value starts in
 * its box is still estimated right.
 *
 * `findHits` is passed in (it lives with the layout) to read each changed line's labels again.
 */
export function joinLabelsAcrossWraps(lines: LayoutLine[], findHits: (text: string) => LabelHit[]): void {
  for (const a of lines) {
    const heads = headsAtEnd(a.text).filter(({ head }) => LABEL_PREFIXES.has(head));
    if (heads.length === 0) continue;
    const sameRow = (o: LayoutLine, l: LayoutLine) => Math.abs(centreY(o) - centreY(l)) < Math.min(o.box.height, l.box.height) * 0.5;
    const row = lines.filter((o) => o.page === a.page && o.half === a.half && sameRow(o, a));
    // The label goes on in the next box of the row (a spread label cut between boxes: `…(1-1)；类` … `型有限…`), or,
    // when this box ends the row, at the margin of the next row.
    const after = row.filter((o) => o !== a && o.box.x > a.box.x).sort((p, q) => p.box.x - q.box.x);
    const b = after.length > 0 ? nextInRow(a, after[0]) : firstOfNextRow(lines, a, row);
    if (!b) continue;
    const tail = b.text.replace(/^\s+/, '');
    // A box that opens with a label of its own, read whole, is that label (`固定期限` | `起始日期:`, not `期限起始` +
    // `日期:`): a glued head is then the value's end. A label read only as its tail is not whole (`会信用代码` after
    // `…统一社`, `民身份证号码` after `…龙宇居`): the head goes on in it.
    const own = findHits(tail)[0];
    const opensWithLabel = own !== undefined && own.start === 0 && !own.fuzzy && !own.inferred;
    let head = '';
    let whole: string | undefined;
    for (const h of heads) {
      if (h.glued && opensWithLabel) continue;
      whole = [...(LABELS_BY_FIRST_CHAR.get(h.head[0]) ?? [])]
        .map((l) => l.form)
        .filter(
          (form) =>
            form.length > h.head.length &&
            form.length >= h.minLength &&
            form.startsWith(h.head) &&
            tail.startsWith(form.slice(h.head.length)) &&
            // Glued, the head is the value's end unless the rest is no label by itself (`…有限公司` | `类型` stays).
            (h.minLength === 2 || !isLabelForm(form.slice(h.head.length))),
        )
        .sort((p, q) => q.length - p.length)[0];
      head = h.head;
      if (whole) break;
    }
    if (!whole) continue;
    // The head must not already be a label of its own there (`；类型` at a line's end waits for its value).
    if (a.hits.some((hit) => hit.end === a.text.length)) continue;
    const aPitch = a.box.width / Math.max(1, a.text.length);
    const bPitch = b.box.width / Math.max(1, b.text.length);
    relabel(a, a.text.slice(0, a.text.length - head.length).replace(/\s+$/, ''), findHits);
    a.box = { ...a.box, width: Math.max(aPitch, a.box.width - aPitch * head.length) };
    // A label set apart character by character ends where its value starts: the gap the engine lost after it is
    // put back (`地址浙江省…` would read as a word of prose).
    const rest = tail.slice(whole.length - head.length);
    relabel(b, /^[\u3400-\u9fff\p{L}\p{N}]/u.test(rest) ? `${whole} ${rest}` : `${head}${tail}`, findHits);
    b.box = { ...b.box, x: b.box.x - bPitch * head.length, width: b.box.width + bPitch * head.length };
  }
}

/** The next box of the row when it follows `a` within a spread label's reach (a few character widths). */
function nextInRow(a: LayoutLine, next: LayoutLine): LayoutLine | undefined {
  const gap = next.box.x - (a.box.x + a.box.width);
  return gap > -a.box.height * 0.3 && gap < a.box.height * 6 ? next : undefined;
}

/** The first box of the row right under `a`'s row, when it starts at that row's margin. */
function firstOfNextRow(lines: readonly LayoutLine[], a: LayoutLine, row: readonly LayoutLine[]): LayoutLine | undefined {
  const h = a.box.height;
  const sameRow = (o: LayoutLine, l: LayoutLine) => Math.abs(centreY(o) - centreY(l)) < Math.min(o.box.height, l.box.height) * 0.5;
  const margin = Math.min(...row.map((o) => o.box.x));
  const bottom = a.box.y + a.box.height;
  const below = lines.filter((o) => o !== a && o.page === a.page && o.half === a.half && centreY(o) > bottom && o.box.y < bottom + h * 1.5);
  // The next row's leftmost box: boxes of one row differ in top by a few pixels (`段洋超` 4 px over `代表人` left of it).
  const top = below.length > 0 ? Math.min(...below.map(centreY)) : 0;
  const b = below.filter((o) => Math.abs(centreY(o) - top) < h * 0.5).sort((p, q) => p.box.x - q.box.x)[0];
  // At the row's margin, or up to three characters left of it: a paragraph's first row is indented (`text-indent: 2em`).
  if (!b || b.box.x - margin > h * 1.5 || margin - b.box.x > h * 3) return undefined;
  return below.some((o) => o !== b && sameRow(o, b) && o.box.x < b.box.x) ? undefined : b;
}

/** True when `form` is a label of its own. */
function isLabelForm(form: string): boolean {
  return (LABELS_BY_FIRST_CHAR.get(form[0]) ?? []).some((l) => l.form === form);
}

function relabel(line: LayoutLine, text: string, findHits: (text: string) => LabelHit[]): void {
  const hits = findHits(text);
  line.text = text;
  line.flat = text.replace(/\s+/g, '');
  line.hits = hits;
  line.leading = trimValue(hits.length > 0 ? text.slice(0, hits[0].start) : text);
}
