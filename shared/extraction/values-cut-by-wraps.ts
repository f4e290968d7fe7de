import { centreY, right, sameRow } from './line-geometry.js';
import type { LayoutLine, PageLayout } from './page-layout.js';
import { DATE_DAY_MAY_CONTINUE, type Reading, type ValueReader } from './value-readers.js';

/**
 * Issue on a value joined across the wrap of run-on prose: its head ended a row that runs to the paragraph's right
 * margin, its rest opened the row under (`受聘人：余涵` | `丽，…`). Where the rest ends is read from the prose's
 * punctuation and labels, a guess the clerk confirms. The same issue marks every value joined across a wrap from
 * layout alone (glued-value-wraps.ts, the contract and certificate readers): a join which a second look at the same
 * neighbourhood would raise again (second-look.ts's layout doubts).
 */
export const WRAP_JOINED = 'wrap_joined_inferred';

/**
 * Words prose sets after a name or before a pair or a clause (`其性别`, `现住址`, `以下空白`, `汉族`, `同志`): they end
 * a value's rest, never are it.
 */
const PROSE_WORDS = ['以下空白', '以下无正文', '经核实', '现有', '本人', '特此', '汉族', '同志', '先生', '女士', '其', '现', '男', '女'] as const;
/** Punctuation that ends a piece of run-on prose (a colon ends none: text before it is a caption, not a value's rest). */
const PIECE_END = /^[，,。；;、\s\u3000（(]/u;
/** A date's characters: digits, Chinese numerals and the date's units and separators. */
const DATE_CHARACTERS = /^[0-9〇○零一二三四五六七八九十廿卅年月日号.\-/]+/u;
/** A date written whole: its day closed by 日 (号), or year, month and day in figures. */
const WHOLE_DATE = /(?:[日号]|^\d{4}[-./]\d{1,2}[-./]\d{1,2})$/u;
/** A date's head that may not go on: its day closed by 日 (号), or written in two figures. */
const CLOSED_DATE = /(?:[日号]|^\d{4}[-./]\d{1,2}[-./]\d{2})$/u;

/** The boxes of `line`'s row (its half of the page), left to right. */
function rowOf(layout: PageLayout, line: LayoutLine): LayoutLine[] {
  return layout.lines.filter((l) => l.half === line.half && (l === line || sameRow(l, line))).sort((a, b) => a.box.x - b.box.x);
}

/** Whether a row's boxes run on as prose does, none more than three characters after the one before (a form's grid sets its values apart). */
function runsOn(row: readonly LayoutLine[], h: number): boolean {
  return row.every((l, k) => k === 0 || l.box.x - right(row[k - 1]) <= h * 3);
}

/** The nearest row of text under (`below`) or over `line`'s row, within a line and a half, of its type size. */
function adjacentRow(layout: PageLayout, line: LayoutLine, below: boolean): LayoutLine[] {
  const h = line.box.height;
  const near = layout.lines.filter((l) => {
    if (l.half !== line.half || l.box.height / h < 0.6 || l.box.height / h > 1.65) return false;
    const gap = below ? l.box.y - (line.box.y + h) : line.box.y - (l.box.y + l.box.height);
    return gap > -h * 0.5 && gap < h * 1.6 && !sameRow(l, line);
  });
  if (near.length === 0) return [];
  const nearest = below ? Math.min(...near.map(centreY)) : Math.max(...near.map(centreY));
  return near.filter((l) => Math.abs(centreY(l) - nearest) < h * 0.5).sort((a, b) => a.box.x - b.box.x);
}

/**
 * Whether `line` ends a row of prose that runs to the paragraph's right margin (a wrap, not a break): a row of the
 * paragraph near it (the row under, the one under that, or the row over it), starting at the paragraph's margin,
 * ends where it ends (within a character), and no row under it runs further (`line` would then have ended short; a
 * row over it may be another paragraph's, set wider). Returns the row under's first box, where the prose goes on.
 */
function wrapAfter(layout: PageLayout, line: LayoutLine): LayoutLine | undefined {
  const h = line.box.height;
  const row = rowOf(layout, line);
  // The value's own row may leave a blank between a spread label and its value (`受` `聘` `人：` … `余涵`); the row
  // under, where the prose goes on, runs on as prose.
  if (row[row.length - 1] !== line) return undefined;
  const under = adjacentRow(layout, line, true);
  if (under.length === 0 || !runsOn(under, h)) return undefined;
  const start = under[0];
  // The prose goes on at the paragraph's margin: not right of where the cut row starts (an indented first row may
  // start up to three characters in).
  if (start.box.x > row[0].box.x + h * 0.6 || start.box.x < row[0].box.x - h * 3) return undefined;
  const edge = right(line);
  // Rows of the same paragraph: starting at its margin (the first row indented up to three characters).
  const atMargin = (r: LayoutLine[]) => r.length > 0 && r[0].box.x > start.box.x - h && r[0].box.x < start.box.x + h * 3;
  const end = (r: LayoutLine[]) => right(r[r.length - 1]);
  const below = [under, adjacentRow(layout, under[under.length - 1], true)].filter(atMargin);
  // A row under that runs further shows `line` ended short; a row over may be another paragraph's (set wider).
  if (below.some((r) => end(r) > edge + h)) return undefined;
  const over = adjacentRow(layout, line, false);
  return [...below, ...(atMargin(over) ? [over] : [])].some((r) => Math.abs(end(r) - edge) <= h) ? start : undefined;
}

/** A name's rest at the row's start: one or two Han characters ending where punctuation, a label or a prose word starts. */
function nameRests(leading: string, whole: string, more: boolean): string[] {
  const out: string[] = [];
  for (const k of [1, 2]) {
    const rest = leading.slice(0, k);
    if (!/^[\u3400-\u9fff]+$/u.test(rest) || rest.length < k) break;
    const after = leading.slice(k);
    // What follows: the end of the text before the row's first label, punctuation, or a prose word.
    const ends = (after === '' && (whole.length > k || more)) || PIECE_END.test(after) || PROSE_WORDS.some((w) => after.startsWith(w));
    if (ends && !PROSE_WORDS.includes(rest as (typeof PROSE_WORDS)[number])) out.push(rest);
  }
  return out;
}

/**
 * A value cut by the wrap of run-on prose, read whole: `head` (the text a label's value ends `line` with, nothing
 * after it, not even a comma) joined with the rest that opens the row under, where `line`'s row runs to the
 * paragraph's right margin (`wrapAfter`). Bounded: a date's head takes only the row's run of a date's characters and
 * only when they close it into a whole date (`20` | `24年3月1日起…`, `2020-03-2` | `7；`); another value takes one or
 * two Han characters that end before punctuation, a label or a prose word (a name's rest: `余涵` | `丽，…`, `钱` |
 * `建公民身份号码`), else the row's text up to its first punctuation or label when more follows it on the row
 * (`茶叶` | `加工、证书号…`), never text before a colon (a caption) nor a prose word. The join must read as exactly the
 * text joined and change the value. Flagged `WRAP_JOINED`; undefined otherwise.
 *
 * @example
 * valueCutByWrap(layout, line, '余涵', readPersonName); // { reading: { value: '余涵丽', … }, next: row under's first box, raw: '余涵丽' }
 */
export function valueCutByWrap(
  layout: PageLayout,
  line: LayoutLine,
  head: string,
  reader: ValueReader,
): { reading: Reading; next: LayoutLine; raw: string } | undefined {
  const bare = head.replace(/[\s\u3000]/gu, '');
  if (bare === '' || !line.flat.endsWith(bare)) return undefined;
  const next = wrapAfter(layout, line);
  if (!next || next.leading === '') return undefined;
  const leading = next.leading.replace(/^[\s\u3000]+/u, '');
  const before = reader(bare);
  const take = (rest: string): { reading: Reading; next: LayoutLine; raw: string } | undefined => {
    const raw = `${bare}${rest}`;
    const reading = reader(raw);
    if (!reading || reading.value === null || reading.value === before?.value) return undefined;
    return { reading: { ...reading, issues: [...reading.issues, WRAP_JOINED] }, next, raw };
  };
  if (DATE_CHARACTERS.exec(bare)?.[0] === bare) {
    // A date's head (its day not closed) takes the row's whole run of a date's characters, and only when they close
    // it into a whole date (`2020-03-2` | `7；`, `20` | `24年3月1日起`); never a part of the run (`2` of `2021年…`).
    if (CLOSED_DATE.test(bare)) return undefined;
    const rest = DATE_CHARACTERS.exec(leading.replace(/[\s\u3000]/gu, ''))?.[0] ?? '';
    if (!rest || !WHOLE_DATE.test(`${bare}${rest}`)) return undefined;
    const joined = take(rest);
    return joined && !joined.reading.issues.includes(DATE_DAY_MAY_CONTINUE) ? joined : undefined;
  }
  // A name's one or two characters first, then the row's text up to its first punctuation or label (an occupation's
  // or an organisation's rest), never the whole row (that would be a wrap of its own). The join must read as exactly
  // the text joined: a reader that cut or changed it read something else.
  const [piece = '', end = ''] = leading.split(/([，,。；;、：:\s\u3000（(])/u);
  // Other boxes after the row's first: text goes on after it on the row. A row under that ends short of the margin
  // is the paragraph's last: its text ends there too (`名称：杭州卓越家政服务有限` | `公司文三路分公司` | `类型：…`).
  const under = rowOf(layout, next);
  const more = under.length > 1 || right(next) < right(line) - line.box.height * 2;
  const pieceFits =
    /^[\u3400-\u9fff]{1,12}$/u.test(piece) &&
    !/[：:]/u.test(end) &&
    (more || piece !== next.flat.replace(/[\s\u3000]/gu, '')) &&
    !PROSE_WORDS.some((w) => piece.startsWith(w));
  for (const rest of [...nameRests(leading, next.flat, more), ...(pieceFits ? [piece] : [])]) {
    const joined = take(rest);
    if (joined && joined.reading.value === `${bare}${rest}`) return joined;
  }
  return undefined;
}
