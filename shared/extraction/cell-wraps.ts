/**
 * A table's header row in narrow cells wraps its labels as it wraps its values: `社会保障` over `号码`, `参保单位` over
 * `名称`, each cell's lines set tight and centred (or flush left) in the cell. Read line by line, the label is two
 * pieces that are no label (`社会保障`, `号码`) or two labels that are not the one printed (`参保单位`, `名称`), and the
 * piece under it stands level with the values' first lines or reads as the neighbouring label's value.
 */
import { boxAround, centreX, centreY, right } from './line-geometry.js';
import type { LabelHit, LayoutLine } from './page-layout.js';
import { trimValue } from './text.js';

/**
 * A label's piece as a header cell wraps it: two Chinese characters or more, no colon (a wrapped label's colon comes at
 * its end). A lone character is a spread label's (`成　立　日　期` over `营　业　期　限`, `日` over `期`).
 */
const HEAD_PIECE = /^[\u3400-\u9fff][\u3400-\u9fff()（）/／]{1,9}$/u;
/** The rest under it: Chinese (a bracket or a slash among it: `方)`, `码/统一社会`), maybe the label's colon. */
const REST_PIECE = /^(?=.*[\u3400-\u9fff])[\u3400-\u9fff()（）/／]{1,8}[:：]?$/u;
/** A short piece of a header cell's label, whole or wrapped (see valueBeside). */
const LABEL_PIECE = /^[\u3400-\u9fff()（）/／]{1,10}$/u;

/**
 * Whether `hits` read `text` as labels only: the first opens it, each next one starts where the one before ends (a
 * slash or a bracketed qualifier between: `组织机构代码/统一社会信用代码`, `劳动者(乙方)`), the last reaches its end
 * (its colon aside); none fuzzy. `甲方` + `单位名称` spell `甲方单位名称`.
 */
function labelsOnly(text: string, hits: readonly LabelHit[]): boolean {
  const body = text.replace(/[:：]$/u, '');
  if (hits.length === 0 || hits[0].start !== 0 || hits.some((h) => h.fuzzy)) return false;
  let at = 0;
  for (const hit of hits) {
    if (!/^[/／]?$/u.test(body.slice(at, hit.start))) return false;
    at = hit.end;
  }
  return /^([(（][\u3400-\u9fff]{1,6}[)）])?$/u.test(body.slice(at));
}

/**
 * Whether a wrap at `at` falls inside one label of `text` (its printed form, not a word that qualifies it: `公司` over
 * `联系电话` is a company's last wrap) or inside the bracketed qualifier after the last (`劳动者(乙` | `方)`). Two whole
 * labels stacked in a label column (`申请人姓名` over `性别`) meet between labels: no wrap.
 */
function wrapInsideLabel(text: string, hits: readonly LabelHit[], at: number): boolean {
  if (hits.some((h) => h.end - h.form.length < at && at < h.end)) return true;
  const last = hits[hits.length - 1];
  return last !== undefined && last.end < at && at < text.replace(/[:：]$/u, '').length;
}

/**
 * Joins each label wrapped in its cell into one line: a box of Chinese and the box right under it (at most half a
 * line's height between them, of one size, within the upper box's span across: the cell's width), or the two boxes
 * under it (a label of three lines that reads as none until its last: `组织机构代` | `码/统一社会` | `信用代码`), whose
 * texts read on spell labels only (`社会保障` + `号码`, `甲方单位名` + `称`, `劳动者(乙` + `方)`; no fuzzy match), each
 * wrap falling inside one label's printed form or its bracketed qualifier: two labels stacked in a label column
 * (`申请人姓名` over `性别`) meet between labels, and a word that only qualifies a label (`公司`, a company's last wrap
 * over `联系电话`) is no part of it. Neither box may have a line right beside it on its row (within a line's height)
 * other than another label or a label's piece: a label wrapped in its cell stands apart from prose and values; nor a
 * value right of it on its row (a header row holds labels only). Two whole labels (`参保单位` over `名称`) join only
 * centred under each other, as a cell wraps its label. The joined line takes every box, centred where the cell's label
 * is.
 *
 * `findHits` is passed in (it lives with the layout) to read each joined line's labels again.
 *
 * @example
 * // `社会保障` at y 402, `号码` centred under it at y 438, each 30 px high
 * joinLabelsWrappedInCells(lines, findHits); // one line `社会保障号码`, 420–450 (its pieces' centre)
 */
export function joinLabelsWrappedInCells(lines: LayoutLine[], findHits: (text: string) => LabelHit[]): void {
  let moved = false;
  for (let i = 0; i < lines.length; i++) {
    const a = lines[i];
    // The joined label's own box is one line high (see join): where its last piece ends is kept here.
    const span = { top: a.box.y, bottom: a.box.y + a.box.height };
    for (let b = restUnder(lines, a, span.bottom); b; b = restUnder(lines, a, span.bottom)) {
      // A label of three lines may read as none until its last (`组织机构代` | `码/统一社会` | `信用代码`).
      const c = restUnder(lines, b, b.box.y + b.box.height);
      const pieces = [[b], ...(c ? [[b, c]] : [])].find((rest) => {
        const joined = a.flat + rest.map((o) => o.flat).join('');
        const hits = findHits(joined);
        // Each wrap falls inside a label (see wrapInsideLabel).
        const wraps = rest.map((_, k) => a.flat.length + rest.slice(0, k).reduce((n, o) => n + o.flat.length, 0));
        return labelsOnly(joined, hits) && wraps.every((at) => wrapInsideLabel(joined, hits, at));
      });
      if (!pieces) break;
      const last = pieces[pieces.length - 1];
      span.bottom = last.box.y + last.box.height;
      const joined = a.flat + pieces.map((o) => o.flat).join('');
      join(lines, a, pieces, joined, findHits(joined), span);
      moved = true;
    }
  }
  // The joined labels stand between their pieces' rows: reading order again (as buildPageLayout sorts).
  if (moved)
    lines.sort((p, q) => {
      const dy = p.box.y + p.box.height / 2 - (q.box.y + q.box.height / 2);
      return Math.abs(dy) > Math.min(p.box.height, q.box.height) / 2 ? dy : p.box.x - q.box.x;
    });
}

/** The one box right under `a` that may be the rest of a label `a` opens, wrapped in its cell (see joinLabelsWrappedInCells). */
function restUnder(lines: readonly LayoutLine[], a: LayoutLine, bottom: number): LayoutLine | undefined {
  if (!HEAD_PIECE.test(a.flat)) return undefined;
  const h = a.box.height;
  const under = lines.filter(
    (o) =>
      o !== a &&
      o.page === a.page &&
      o.half === a.half &&
      o.box.y - bottom > -h * 0.3 &&
      o.box.y - bottom < h * 0.6 &&
      o.box.x + o.box.width > a.box.x &&
      o.box.x < right(a),
  );
  if (under.length !== 1) return undefined;
  const b = under[0];
  if (!REST_PIECE.test(b.flat)) return undefined;
  const ratio = b.box.height / h;
  if (ratio < 1 / 1.3 || ratio > 1.3) return undefined;
  // Within the upper piece's span: centred under it or flush with its left.
  if (b.box.x < a.box.x - h * 0.5 || right(b) > right(a) + h * 0.5) return undefined;
  if (crowded(lines, a, h) || crowded(lines, b, h)) return undefined;
  // A header row holds labels only: a value beside either piece (`统一社会信用代码` beside its code, `名称` flush under
  // it in a label column) makes them two labels of a column, each with its value.
  if (valueBeside(lines, a) || valueBeside(lines, b)) return undefined;
  // Two whole labels (`参保单位` over `名称`) are one only set as a cell sets a wrap, centred under each other.
  const wholeLabel = (o: LayoutLine) => o.hits.length === 1 && o.hits[0].start === 0 && o.hits[0].end === o.flat.length && !o.hits[0].fuzzy;
  if (wholeLabel(a) && wholeLabel(b) && Math.abs(centreX(a) - centreX(b)) > h * 0.5) return undefined;
  return b;
}

/**
 * Whether a line right of `line` on its row reads as a value: anything but a label that opens its box or a short
 * piece of Chinese (another header cell's label, whole or wrapped).
 */
function valueBeside(lines: readonly LayoutLine[], line: LayoutLine): boolean {
  const h = line.box.height;
  return lines.some(
    (o) =>
      o !== line &&
      o.page === line.page &&
      o.half === line.half &&
      Math.abs(centreY(o) - centreY(line)) < h * 0.5 &&
      o.box.x > line.box.x &&
      !(o.hits.length > 0 && o.leading === '') &&
      !LABEL_PIECE.test(o.flat),
  );
}

/** Whether a line stands within a line's height beside `line` on its row (a value beside a label, a run of prose). */
function crowded(lines: readonly LayoutLine[], line: LayoutLine, h: number): boolean {
  const top = line.box.y;
  const bottom = line.box.y + line.box.height;
  return lines.some(
    (o) =>
      o !== line &&
      o.page === line.page &&
      o.half === line.half &&
      Math.min(bottom, o.box.y + o.box.height) - Math.max(top, o.box.y) > h * 0.5 &&
      // A header row's labels stand as close (narrow cells): a label or a label's piece beside it is no value or prose.
      !(o.hits.length > 0 && o.leading === '') &&
      !LABEL_PIECE.test(o.flat) &&
      (Math.abs(o.box.x - right(line)) < h || Math.abs(line.box.x - right(o)) < h),
  );
}

/**
 * Joins `pieces` into `a` as the label `text`; the pieces go. The label's box keeps one line's height, centred on its
 * pieces (`span`, top to bottom), across all of them: a header row's one-line labels are centred in their cells too, so
 * the row's labels stay one row of one size. The engine's box (`original`) takes every piece.
 */
function join(lines: LayoutLine[], a: LayoutLine, pieces: readonly LayoutLine[], text: string, hits: LabelHit[], span: { top: number; bottom: number }): void {
  const across = boxAround([a.box, ...pieces.map((o) => o.box)]);
  a.box = { x: across.x, y: (span.top + span.bottom - a.box.height) / 2, width: across.width, height: a.box.height };
  a.original = boxAround([a.original, ...pieces.map((o) => o.original)]);
  a.raw = [a.raw, ...pieces.map((o) => o.raw)].join(' ');
  a.text = text;
  a.flat = text;
  a.confidence = Math.min(a.confidence, ...pieces.map((o) => o.confidence));
  a.chars = a.chars && pieces.every((o) => o.chars) ? [...a.chars, ...pieces.flatMap((o) => o.chars!)] : undefined;
  a.tailGap = pieces[pieces.length - 1].tailGap;
  a.hits = hits;
  a.leading = trimValue(text.slice(0, hits[0].start));
  for (const o of pieces) lines.splice(lines.indexOf(o), 1);
}
