import { LABEL_PREFIXES, LABELS_BY_FIRST_CHAR } from './labels.js';
import type { LabelHit, LayoutLine } from './page-layout.js';
import { trimValue } from './text.js';
import { centreY, sameRow } from './line-geometry.js';

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
    const row = lines.filter((o) => o.page === a.page && o.half === a.half && sameRow(o, a));
    // The label goes on in the next box of the row (a spread label cut between boxes: `…(1-1)；类` … `型有限…`), or,
    // when this box ends the row, at the margin of the next row.
    const after = row.filter((o) => o !== a && o.box.x > a.box.x).sort((p, q) => p.box.x - q.box.x);
    const b = after.length > 0 ? nextInRow(a, after[0]) : firstOfNextRow(lines, a, row);
    if (!b) continue;
    // The label's rest may itself be cut over boxes (`…305号西；职` | `工姓` | `名：` | `钟飞红`: a spread label the engine
    // boxed in pieces; `…；操` `作项` | `目制冷与…`, its pieces on both sides of the wrap): the boxes after `b` on its
    // row, each a few characters of Chinese, and where they end the row, the next row's first box.
    const chain = labelPiecesFrom(lines, b);
    const tail = b.text.replace(/^\s+/, '');
    // A box that opens with a label of its own, read whole, is that label (`固定期限` | `起始日期:`, not `期限起始` +
    // `日期:`): a glued head is then the value's end. A label read only as its tail is not whole (`会信用代码` after
    // `…统一社`, `民身份证号码` after `…龙宇居`): the head goes on in it.
    const own = findHits(tail)[0];
    const opensWithLabel = own !== undefined && own.start === 0 && !own.fuzzy && !own.inferred;
    let head = '';
    let whole: string | undefined;
    let used = 1;
    for (const h of heads) {
      if (h.glued && opensWithLabel) continue;
      const found = [...(LABELS_BY_FIRST_CHAR.get(h.head[0]) ?? [])]
        .map((l) => l.form)
        .filter(
          (form) =>
            form.length > h.head.length &&
            form.length >= h.minLength &&
            form.startsWith(h.head) &&
            // Glued, the head is the value's end unless the rest is no label by itself (`…有限公司` | `类型` stays).
            (h.minLength === 2 || !isLabelForm(form.slice(h.head.length))),
        )
        .map((form) => ({ form, boxes: boxesSpelling(chain, form.slice(h.head.length)) }))
        .filter(({ boxes }) => boxes > 0)
        .sort((p, q) => q.form.length - p.form.length)[0];
      head = h.head;
      whole = found?.form;
      used = found?.boxes ?? 1;
      if (whole) break;
    }
    if (!whole) continue;
    // The head must not already be a label of its own there (`；类型` at a line's end waits for its value).
    if (a.hits.some((hit) => hit.end === a.text.length)) continue;
    const aPitch = a.box.width / Math.max(1, a.text.length);
    relabel(a, a.text.slice(0, a.text.length - head.length).replace(/\s+$/, ''), findHits);
    a.box = { ...a.box, width: Math.max(aPitch, a.box.width - aPitch * head.length) };
    // The label goes whole to its last row's pieces, joined (its value follows there); pieces of it on a row before
    // are moved with the head.
    const pieces = chain.slice(0, used);
    const firstOfLast = pieces.findIndex((p) => p.row === pieces[pieces.length - 1].row);
    const moved =
      head +
      pieces
        .slice(0, firstOfLast)
        .map((p) => p.line.flat)
        .join('');
    for (const p of pieces.slice(0, firstOfLast)) lines.splice(lines.indexOf(p.line), 1);
    const target = pieces[firstOfLast].line;
    if (pieces.length - firstOfLast > 1)
      joinPieces(
        lines,
        pieces.slice(firstOfLast).map((p) => p.line),
      );
    const joined = target.text.replace(/^\s+/, '');
    const pitch = target.box.width / Math.max(1, target.text.length);
    // A label set apart character by character ends where its value starts: the gap the engine lost after it is
    // put back (`地址浙江省…` would read as a word of prose).
    const rest = afterCharacters(joined, whole.length - moved.length);
    relabel(target, /^[\u3400-\u9fff\p{L}\p{N}]/u.test(rest) ? `${whole} ${rest}` : `${moved}${joined}`, findHits);
    target.box = { ...target.box, x: target.box.x - pitch * moved.length, width: target.box.width + pitch * moved.length };
  }
}

/** A box of a label's pieces, with the row it is on (0: the first box's, 1: the row under it). */
interface Piece {
  line: LayoutLine;
  row: number;
}

/**
 * The boxes a label's rest may be spelled over from `b`: `b`, the boxes after it on its row, each within a spread
 * label's reach of the one before while that one is a label's piece; where they end the row, the first box of the row
 * under it at the margin, and the pieces after that (a label is cut by one wrap at most).
 */
function labelPiecesFrom(lines: readonly LayoutLine[], b: LayoutLine): Piece[] {
  const out: Piece[] = [{ line: b, row: 0 }, ...piecesAfter(lines, b).map((line) => ({ line, row: 0 }))];
  const last = out[out.length - 1].line;
  if (out.length > 3 || !LABEL_PIECE.test(last.flat)) return out;
  const row = lines.filter((o) => o.page === last.page && o.half === last.half && sameRow(o, last));
  if (row.some((o) => o.box.x > last.box.x)) return out;
  const next = firstOfNextRow(lines, last, row);
  if (!next) return out;
  out.push({ line: next, row: 1 }, ...piecesAfter(lines, next).map((line) => ({ line, row: 1 })));
  return out.slice(0, 5);
}

/**
 * How many of `chain`'s boxes, from the first, spell `rest` (a label's characters after its head) and go on: one
 * when the first box opens with it whole; more when each box before the last holds only characters of it, in order,
 * and the last opens with what remains (`工姓` | `名：钟飞红` for `工姓名`). 0 when they do not.
 */
function boxesSpelling(chain: readonly Piece[], rest: string): number {
  let left = rest;
  for (let k = 0; k < chain.length; k++) {
    const flat = chain[k].line.flat;
    if (flat.startsWith(left)) return k + 1;
    if (flat.length === 0 || !left.startsWith(flat) || !LABEL_PIECE.test(flat)) return 0;
    left = left.slice(flat.length);
  }
  return 0;
}

/** `text` after its first `n` characters that are not spaces (a label's rest read spaced: `代表 人薛志`). */
function afterCharacters(text: string, n: number): string {
  let k = 0;
  for (let seen = 0; k < text.length && seen < n; k++) if (!/\s/.test(text[k])) seen++;
  return text.slice(k).replace(/^\s+/, '');
}

/** Up to three Chinese characters alone in a box: a piece of a label the engine boxed apart. */
const LABEL_PIECE = /^[\u3400-\u9fff]{1,3}$/u;

/**
 * The boxes that follow `b` on its row, left to right, each within a spread label's reach of the one before (a few
 * character widths), as long as the one before is a label's piece: where a label cut over boxes goes on.
 */
function piecesAfter(lines: readonly LayoutLine[], b: LayoutLine): LayoutLine[] {
  const h = b.box.height;
  const inRow = (o: LayoutLine) => o !== b && o.page === b.page && o.half === b.half && sameRow(o, b);
  const after = lines.filter((o) => inRow(o) && o.box.x > b.box.x).sort((p, q) => p.box.x - q.box.x);
  const out: LayoutLine[] = [];
  let last = b;
  for (const o of after) {
    if (out.length >= 3 || !LABEL_PIECE.test(last.flat)) break;
    const gap = o.box.x - (last.box.x + last.box.width);
    if (gap < -h * 0.3 || gap > h * 4) break;
    out.push(o);
    last = o;
  }
  return out;
}

/** Joins a label's pieces boxed apart on one row into the first: its text, box and characters; the others go. */
function joinPieces(lines: LayoutLine[], pieces: readonly LayoutLine[]): void {
  const [first, ...others] = pieces;
  const right = Math.max(...pieces.map((p) => p.box.x + p.box.width));
  const top = Math.min(...pieces.map((p) => p.box.y));
  const bottom = Math.max(...pieces.map((p) => p.box.y + p.box.height));
  const oRight = Math.max(...pieces.map((p) => p.original.x + p.original.width));
  const oTop = Math.min(...pieces.map((p) => p.original.y));
  const oBottom = Math.max(...pieces.map((p) => p.original.y + p.original.height));
  first.box = { x: first.box.x, y: top, width: right - first.box.x, height: bottom - top };
  first.original = { x: first.original.x, y: oTop, width: oRight - first.original.x, height: oBottom - oTop };
  first.raw = pieces.map((p) => p.raw).join(' ');
  first.text = pieces.map((p, k) => (k < pieces.length - 1 ? p.flat : p.text.replace(/^\s+/, ''))).join('');
  first.flat = first.text.replace(/\s+/g, '');
  first.confidence = Math.min(...pieces.map((p) => p.confidence));
  first.chars = pieces.every((p) => p.chars) ? pieces.flatMap((p) => p.chars!) : undefined;
  first.tailGap = pieces[pieces.length - 1].tailGap;
  for (const p of others) lines.splice(lines.indexOf(p), 1);
}

/** The next box of the row when it follows `a` within a spread label's reach (a few character widths). */
function nextInRow(a: LayoutLine, next: LayoutLine): LayoutLine | undefined {
  const gap = next.box.x - (a.box.x + a.box.width);
  return gap > -a.box.height * 0.3 && gap < a.box.height * 6 ? next : undefined;
}

/** The first box of the row right under `a`'s row, when it starts at that row's margin. */
function firstOfNextRow(lines: readonly LayoutLine[], a: LayoutLine, row: readonly LayoutLine[]): LayoutLine | undefined {
  const h = a.box.height;
  const margin = Math.min(...row.map((o) => o.box.x));
  const bottom = a.box.y + a.box.height;
  const below = lines.filter((o) => o !== a && o.page === a.page && o.half === a.half && centreY(o) > bottom && o.box.y < bottom + h * 1.5);
  // The next row's leftmost box: boxes of one row differ in top by a few pixels (`段洋超` 4 px over `代表人` left of it).
  const top = below.length > 0 ? Math.min(...below.map(centreY)) : 0;
  const b = below.filter((o) => Math.abs(centreY(o) - top) < h * 0.5).sort((p, q) => p.box.x - q.box.x)[0];
  // At the row's margin, or up to three characters left of it: a paragraph's first row is indented (`text-indent: 2em`).
  if (!b || b.box.x - margin > h * 1.5 || margin - b.box.x > h * 3) return undefined;
  // A row that ends short of where the row under it reaches was not wrapped (prose broke it there): nothing runs on.
  if (a.box.x + a.box.width < paragraphEdge(lines, a, b) - h * 2.5) return undefined;
  return below.some((o) => o !== b && sameRow(o, b) && o.box.x < b.box.x) ? undefined : b;
}

/**
 * How far right the prose `a` wraps into goes: the furthest right `a` and the boxes of the row under it (`b`'s row,
 * those starting left of `a`'s end) reach. Not the rows above, nor those further down: a paragraph may stand under a
 * wider one and `a` may open it, and the row under may be its last before a wider paragraph.
 */
function paragraphEdge(lines: readonly LayoutLine[], a: LayoutLine, b: LayoutLine): number {
  const under = lines.filter((o) => o.page === b.page && o.half === b.half && sameRow(o, b) && o.box.x < a.box.x + a.box.width);
  return Math.max(a.box.x + a.box.width, ...under.map((o) => o.box.x + o.box.width));
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
