import type { DocumentContext, DraftField } from './document-context.js';
import { findDates } from './dates.js';
import { LABEL_PREFIXES, LABELS_BY_FIRST_CHAR } from './labels.js';
import type { LayoutLine, PageLayout } from './page-layout.js';
import { nextFieldOnRow, rowRunsToEdge, runsAcrossNextField } from './row-bounds.js';
import type { ValueReader } from './value-readers.js';
import { bracketedCaption, overCaption, stackedLine, waitsForOtherShape } from './stacked-values.js';
import { centredUnderValue, insideValueSpan, ownerValuedBefore } from './wrap-alignment.js';
import { boxAround, centreX, centreY, right } from './line-geometry.js';
import { piecesAcrossGap } from './row-gap-pieces.js';
import { gapAlongRow, onBentRow, textHeight } from './bent-rows.js';

function ownedByOther(layout: PageLayout, line: LayoutLine, ownLabel: LayoutLine | undefined): boolean {
  const owner = rowOwner(layout, line);
  return owner !== undefined && owner !== ownLabel && !captionUnderItsValue(layout, owner);
}

/**
 * A bracketed caption with its value set tight over it (`330106083652146(2-1)` over `（注册号）`): it waits for
 * nothing beside it, so a wrapped line of the next column's value on its row is no value of its.
 */
function captionUnderItsValue(layout: PageLayout, label: LayoutLine): boolean {
  return bracketedCaption(label) && stackedLine(layout, label, true, true, 1.2, true, 0.35) !== undefined;
}

/** Issue on a value that may go on past where it was read (a wrapped line not joined): the clerk sees it whole. */
export const VALUE_MAY_CONTINUE = 'value_may_continue';

/**
 * A date's month and day opening a line (`十二月卅一日。`, `九月廿七日；证书编号：`): the tail of a date that run-on prose
 * wrapped after its year (`发证日期二〇二一年` at the row's end), never the rest of a name or an occupation.
 */
const DATE_TAIL = /^[0-9一二三四五六七八九十〇○零廿卅]{1,3}月[0-9一二三四五六七八九十〇○零廿卅]{1,3}日/u;

/**
 * A date's year and month opening a line (`二〇一一年十二月二十`, `0一一年十二月` with its first figure lost): the head of a
 * date wrapped in the next field's cell (a term centred on its label over two lines), never the rest of a name or an
 * address.
 */
const DATE_HEAD = /^[0-9〇○零一二三四五六七八九十]{2,4}年[0-9一二三四五六七八九十]{1,2}月/u;

function isWholeDate(text: string): boolean {
  const found = findDates(text, { compact: true })[0];
  return found !== undefined && found.length >= text.length - 2;
}

/**
 * A licence's registrant type or make-up alone on its line (`个体工商户`, `个人经营`, `家庭经营`, `有限责任公司(自然人投资或
 * 控股)`), the 类型 row's value set high under a wrapped name: a closed term no name or address ends with. Bare legal
 * forms (`有限责任公司`, `合伙企业`) are left out: a name's last line may be one.
 */
const REGISTRANT_TERM =
  /^(个体工商户|个人经营|家庭经营|全民所有制|集体所有制|股份合作制|(有限责任公司|股份有限公司)(分公司)?[(（][\u3400-\u9fff、]{2,16}[)）])$/u;

/** A sum of money alone (`3000万元人民币`, a registered capital set high beside its label): a field of its own. */
const AMOUNT = /^[0-9.,，]+(万|亿)?元(人民币)?$/;

/** A line that opens with a whole date running on into a term (`2008-07-04至长期`, `2019年3月1日起`): a field of its own. */
function opensWithTerm(text: string): boolean {
  const found = findDates(text, { compact: true })[0];
  return found !== undefined && found.index === 0 && /^[至到起~～—-]/.test(text.slice(found.length));
}

/** A box this many times its characters' height was joined from pieces on a slanted row. */
const JOINED_BOX_OVER_TYPE = 1.8;

/** The height of a line's type: its box's, unless it is a label's line boxed far taller than its characters. */
function typeSize(line: LayoutLine): number {
  // A line on a row the page tilts or bends is boxed over its head's and tail's heights: its type is its characters'.
  if (onBentRow(line)) return line.typeHeight!;
  const joinedLabel = line.hits.length > 0 && line.typeHeight !== undefined && line.box.height > line.typeHeight * JOINED_BOX_OVER_TYPE;
  return joinedLabel ? line.typeHeight! : line.box.height;
}

/** Lines of one value are set in one type size: a seal's lettering or a title under a value is no part of it. */
function sameType(a: LayoutLine, b: LayoutLine): boolean {
  // The characters' own height where the engine boxed them, for a label's line boxed far taller than its type: one
  // joined from pieces on a slanted row (`名` | `称:杭州新锐家` on a perspective photo, 56 px over 24 px type). Other
  // boxes are compared whole: using character heights for every line cost two card addresses on held-out photos.
  const ratio = typeSize(a) / typeSize(b);
  if (ratio > 0.6 && ratio < 1.65) return true;
  // A small photo's detector boxes one line a third taller than the next (22 px over 13 px, both 15 px type): set at
  // one pitch, the lines are one type.
  return ratio > 0.5 && ratio < 2 && samePitch(a, b);
}

/** Ems of a line's text: a Chinese character one, a digit, Latin letter or ASCII mark half. */
function ems(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\x21-\x7e]/.test(ch) ? 0.5 : 1;
  return n;
}

/** Two lines of at least six ems each, with their characters' advance alike (within 12 %). */
function samePitch(a: LayoutLine, b: LayoutLine): boolean {
  const [ea, eb] = [ems(a.flat), ems(b.flat)];
  if (ea < 6 || eb < 6) return false;
  const ratio = a.box.width / ea / (b.box.width / eb);
  return ratio > 1 / 1.12 && ratio < 1.12;
}

/** True when the line starts with a label (it announces a value, it is not one). */
export function startsWithLabel(line: LayoutLine): boolean {
  return line.hits.length > 0 && line.leading === '';
}

/** A line that is only the end of a date (`月19日`, `19日`): the wrapped tail of a date begun on the line above it. */
const DATE_END_LINE = /^(\d{0,2}月)?\d{1,2}日$/;

/** A remark where a signature or seal goes (`(盖章)`, `签字:`): never a value. */
export const SIGNATURE_REMARK = /^[(（]?(盖章|签章|签字|公章|签名|印章)[)）]?:?$/;

/**
 * One character of a seal's lettering: a lone character with at least three other lone characters around it (the
 * ring). Never the end of a wrapped value, however close under it.
 */
export function inSealRing(layout: PageLayout, line: LayoutLine): boolean {
  if (!/^[\u3400-\u9fff]$/.test(line.flat)) return false;
  const reach = line.box.height * 4;
  const near = layout.lines.filter(
    (o) => o !== line && /^[\u3400-\u9fff]$/.test(o.flat) && Math.hypot(centreX(o) - centreX(line), centreY(o) - centreY(line)) < reach,
  );
  return near.length >= 3;
}

/**
 * The label a line on its row belongs to: the nearest line to its left on the same row, when that line is a label
 * waiting for its value (its last label has nothing after it). A value of another column in between breaks the tie.
 */
export function rowOwner(layout: PageLayout, line: LayoutLine): LayoutLine | undefined {
  const nearest = nearestLeftOnRow(layout, line);
  if (!nearest || nearest.hits.length === 0) return undefined;
  // A signature remark alone (`(盖章)` under a number) waits for a seal, not for the text beside it.
  if (SIGNATURE_REMARK.test(nearest.flat)) return undefined;
  const last = nearest.hits[nearest.hits.length - 1];
  // An English sub-label after the label (`性别Sex`) is no value: the label still waits for one.
  return /^[A-Za-z .'&/:-]*$/.test(last.inlineValue) ? nearest : undefined;
}

/** The nearest line left of `line` on its row. */
function nearestLeftOnRow(layout: PageLayout, line: LayoutLine): LayoutLine | undefined {
  const centre = centreY(line);
  let nearest: LayoutLine | undefined;
  for (const other of layout.lines) {
    if (other === line || other.half !== line.half) continue;
    if (right(other) > line.box.x + line.box.height * 0.5) continue;
    if (!sameRow(line, other)) continue;
    if (!nearest || right(other) > right(nearest)) nearest = other;
  }
  return nearest;
}

/**
 * Two lines on one row: their centres within 0.6 of the lower one's height, or the shorter lying mostly (0.6 of its
 * height) within the taller's span. The second is for a label a curled or bent page made tall (`法定代表人姓名：` 101 px
 * high over a value 54 px high, their centres 37 px apart: held-out v16's curled licence, where the value was taken
 * for a wrap of the name above and joined to it unflagged).
 */
function sameRow(a: LayoutLine, b: LayoutLine): boolean {
  const lower = Math.min(a.box.height, b.box.height);
  if (Math.abs(centreY(a) - centreY(b)) < lower * 0.6) return true;
  const overlap = Math.min(a.box.y + a.box.height, b.box.y + b.box.height) - Math.max(a.box.y, b.box.y);
  return overlap >= lower * 0.6;
}

/** A caption of a few characters ending in a colon, nothing after it: a label, known to us or not, that waits for a value. */
const COLON_CAPTION = /^[\u3400-\u9fff]{2,8}[:：]$/;

/**
 * True when the nearest line left of `line` on its row is a caption we do not know that ends in a colon (`派遣单位：`
 * beside `杭州云栖电气…公司`, the row under `用人单位：`): `line` is that caption's value, never a wrap of the row above's.
 */
export function ownedByUnknownCaption(layout: PageLayout, line: LayoutLine): boolean {
  const nearest = nearestLeftOnRow(layout, line);
  return nearest !== undefined && unknownCaption(nearest);
}

/** `line` is a caption we do not know (`派遣单位：`): a few characters and a colon, nothing after it. */
export function unknownCaption(line: LayoutLine): boolean {
  return line.hits.length === 0 && COLON_CAPTION.test(line.flat);
}

const GLOSS_ONLY = /^[A-Za-z][A-Za-z .'&/:-]*$/;

/**
 * Whether two label lines are one bilingual label cell: a Chinese label with its English gloss set on a line of its
 * own right above or below it (`Issued by` / `认定机构：`). A value centred on the cell may sit on either row.
 */
export function sameLabelCell(a: LayoutLine | undefined, b: LayoutLine | undefined): boolean {
  if (!a || !b) return false;
  if (a === b) return true;
  if (a.hits.length === 0 || b.hits.length === 0) return false;
  return stackedPair(a, b);
}

/**
 * True when `gloss`, a line of Latin words only (`Issued by`, a gloss we may not know as a label), is set right over or
 * under `label` across its span: the label's English gloss, one cell with it.
 */
export function glossOfLabel(label: LayoutLine, gloss: LayoutLine): boolean {
  return label.hits.length > 0 && GLOSS_ONLY.test(gloss.text.trim()) && stackedPair(label, gloss);
}

/** One line of Chinese and one of Latin words only, set one right over the other, overlapping across. */
function stackedPair(a: LayoutLine, b: LayoutLine): boolean {
  if (a.half !== b.half) return false;
  if (GLOSS_ONLY.test(a.text.trim()) === GLOSS_ONLY.test(b.text.trim())) return false;
  const [top, bottom] = a.box.y < b.box.y ? [a, b] : [b, a];
  const gap = bottom.box.y - (top.box.y + top.box.height);
  const h = Math.max(a.box.height, b.box.height);
  return gap > -h * 0.3 && gap < h * 0.8 && a.box.x < right(b) && b.box.x < right(a);
}

/**
 * The label lines to the left of `line` (in its half), nearest first by vertical distance between centres: which
 * label a value printed off its label's row (a dot-matrix fill-in a few millimetres above or below, a wrapped value
 * beside a label centred on it) belongs to.
 */
function labelsLeftOf(layout: PageLayout, line: LayoutLine): Array<{ label: LayoutLine; distance: number }> {
  return layout.lines
    .filter((o) => o !== line && o.half === line.half && o.hits.length > 0 && right(o) <= line.box.x + line.box.height * 0.5)
    .map((label) => ({ label, distance: Math.abs(centreY(label) - centreY(line)) }))
    .sort((a, b) => a.distance - b.distance);
}

/**
 * True when `label` is clearly the nearest label left of `line`: a rival must be farther by `margin` line heights
 * (a third of a line unless given).
 */
export function closestLabelIs(layout: PageLayout, line: LayoutLine, label: LayoutLine, margin = 0.33): boolean {
  const ranked = labelsLeftOf(layout, line);
  const mine = ranked.find((r) => r.label === label);
  if (!mine) return false;
  // Only labels of the same label column compete: one further left has its own values between it and the line.
  // The English gloss of the label's own cell is no rival.
  const rival = ranked.find((r) => r.label !== label && !sameLabelCell(r.label, label) && r.label.box.x < right(label) && right(r.label) > label.box.x);
  return !rival || rival.distance > mine.distance + line.box.height * margin;
}

/** Where a value's column ends on its row: the next label to its right (a second label/value column), else the half's edge. */
export function columnRight(layout: PageLayout, line: LayoutLine): number {
  const centre = centreY(line);
  const edge = line.half === 0 ? layout.width / 2 : layout.width;
  const next = layout.lines
    .filter(
      (o) =>
        o !== line &&
        o.half === line.half &&
        startsWithLabel(o) &&
        o.box.x >= right(line) - line.box.height * 0.5 &&
        Math.abs(centreY(o) - centre) < Math.max(o.box.height, line.box.height) * 0.6,
    )
    .sort((a, b) => a.box.x - b.box.x)[0];
  return next ? next.box.x : edge;
}

export interface ColumnSpan {
  /** Where the value starts (its first character). */
  start: number;
  /** The leftmost a continuation may start (an inline-block label lets the value wrap back under it). */
  min: number;
  /** The column's right edge: the next label column or the page's edge. */
  end: number;
  /**
   * Where the value's own label starts, when the label is boxed apart right before the value on its row (`名称` …
   * `杭州市西湖区`): a licence that flows its values may wrap them back under the label's start (`西溪文化创意` |
   * `经营部`, flush with `名称`), see `hangsUnderLabel`.
   */
  labelStart?: number;
}

/**
 * A line that goes on a value wrapped back under its own label's start (`名称` `杭州市西湖区` | `西溪文化创意` |
 * `经营部`, the wraps flush with `名称`, left of where the value starts): it starts at the label's start (within half a
 * height), is the only text on its row up to the column's end (a label column's next row holds its label and the
 * value beside it), and, as the first such line, reaches under the value's start (a wrap runs the column's width); a
 * line after it starts flush with the one before. Whether it opens the next field is left to the stops that follow.
 */
function hangsUnderLabel(layout: PageLayout, l: LayoutLine, current: LayoutLine, last: LayoutLine, column: ColumnSpan, h: number): boolean {
  if (column.labelStart === undefined || Math.abs(l.box.x - column.labelStart) > h * 0.5) return false;
  if (current === last ? right(l) < column.start + h : Math.abs(l.box.x - current.box.x) > h * 0.5) return false;
  return !layout.lines.some((o) => o !== l && o.half === l.half && Math.abs(centreY(o) - centreY(l)) < h * 0.5 && o.box.x > l.box.x && o.box.x < column.end);
}

/**
 * A wrapped line that opens with the value's rest and runs on into the next label, glued (`经营部类型个体工商户` under
 * `西溪文化创意`): the line cut before the first label form (two Chinese characters or more) that follows at least one
 * character of it, its box narrowed by the characters cut. Undefined when it holds none.
 *
 * @example
 * cutAtGluedLabel(line)?.text; // '经营部' of '经营部类型个体工商户'
 */
export function cutAtGluedLabel(line: LayoutLine): LayoutLine | undefined {
  const text = line.flat;
  for (let k = 1; k < text.length - 1; k++) {
    const form = (LABELS_BY_FIRST_CHAR.get(text[k]) ?? []).find((l) => l.form.length >= 2 && /^[\u3400-\u9fff]+$/u.test(l.form) && text.startsWith(l.form, k));
    if (!form) continue;
    const head = text.slice(0, k);
    const width = (line.box.width * k) / text.length;
    return { ...line, text: head, flat: head, leading: head, hits: [], box: { ...line.box, width }, chars: line.chars?.slice(0, k) };
  }
  return undefined;
}

/**
 * A shorter line set right-aligned or centred under the line above (a leader value right-aligned at the page edge,
 * a value centred in its cell): it continues that line though it starts further right than the column.
 */
function alignedUnder(line: LayoutLine, above: LayoutLine, h: number): boolean {
  if (line.box.width > above.box.width + h * 0.5) return false;
  return Math.abs(right(line) - right(above)) < h * 0.6 || Math.abs(centreX(line) - centreX(above)) < h * 0.6;
}

/**
 * The lines that continue a value below `last` in its column: each directly under the one before (within about a
 * line of it), starting in the value's column, holding no label and not owned by a label of its own row. Stops at
 * `maxLines`; `more` tells whether another line would still have continued.
 */
export function continuationLines(
  layout: PageLayout,
  last: LayoutLine,
  column: ColumnSpan,
  maxLines = 3,
  ownLabel?: LayoutLine,
): { lines: LayoutLine[]; more: boolean; rejectedBelow?: LayoutLine; throughOwnLabel?: boolean; splitAcrossGap?: boolean; pieceLeftOut?: boolean } {
  const lines: LayoutLine[] = [];
  // Rows taken (a row's pieces split at a gap count once); whether any was.
  let rows = 0;
  let splitAcrossGap = false;
  // Set once a line was taken with a piece of its own row left of it, not taken (`（集团）` left of `有限公司`, boxed a
  // pixel lower): the value may lack that piece; the clerk reads it.
  let pieceLeftOut = false;
  let current = last;
  // Set once a line level with the value's own label was taken: a guess about layout the clerk confirms.
  let throughOwnLabel = false;
  // What the walk found, as it ends.
  const done = (more: boolean, rejectedBelow?: LayoutLine) => ({ lines, more, rejectedBelow, throughOwnLabel, splitAcrossGap, pieceLeftOut });
  // Run-on prose: a line under the value that runs across the next field of its row goes on from that field.
  const fieldAfter = nextFieldOnRow(layout, last);
  const bound = Math.min(fieldAfter ?? Infinity, column.end);
  const halfEdge = last.half === 0 ? layout.width / 2 : layout.width;
  const laterField = fieldAfter !== undefined || column.end < halfEdge - 1;
  // A value wrapped in a narrow cell (an issuer beside its seal: `杭州之江职业` | `培训学校`) keeps every line inside
  // the cell, and its lines may be set further apart than the line it continues was boxed high: the gap is then
  // measured in the taller of the two. Once a line was taken that way, the value stays in the cell.
  const inCell = (l: LayoutLine): boolean => right(l) <= right(last) + last.box.height * 0.5;
  // Taken further down only flush with the value's start (known to a character or so from the label's length) and
  // read with confidence (never a watermark's piece).
  const flushInCell = (l: LayoutLine): boolean => inCell(l) && Math.abs(l.box.x - column.start) < last.box.height * 1.5 && l.confidence >= 0.9;
  let narrow = false;
  // Where the value's own text ends: the end of its box, or the next label in it (`名称:杭州华创…服务类型:有限…`).
  const valueEnd = Math.min(right(last), column.end);
  for (;;) {
    // How far under the line each line starts, and the line's height: measured along its own row and in its type where
    // a curled or folded page tilts the row (a wrap one pitch under the head of a tilted line starts inside its box);
    // between the boxes elsewhere (issue 12 class 3).
    const below = (l: LayoutLine) => gapAlongRow(current, l);
    const h = Math.max(textHeight(current), layout.medianLineHeight * 0.8);
    const candidates = layout.lines
      .filter(
        (l) =>
          l !== current &&
          l.half === last.half &&
          below(l) >= -h * 0.35 &&
          (below(l) <= h * 0.9 ||
            (flushInCell(l) && below(l) <= Math.max(h, sameType(l, current) ? textHeight(l) : 0) * 0.9) ||
            (current === last && below(l) <= h * 1.1 && centredUnderValue(l, column.start, valueEnd, h, layout.lines))) &&
          (!narrow || inCell(l)) &&
          (l.box.x >= column.min - h * 0.5 || hangsUnderLabel(layout, l, current, last, column, h)) &&
          (l.box.x < Math.min(column.end - h * 0.5, column.start + h * 2.5) ||
            alignedUnder(l, current, h) ||
            (current === last && centredUnderValue(l, column.start, valueEnd, h, layout.lines)) ||
            // Inside the value's span right under it (a tab stop right of the estimated start), or flush under the
            // wrapped line taken before.
            (current === last && below(l) <= h * 0.9 && insideValueSpan(l, column.start, valueEnd, h, layout.lines)) ||
            (current !== last && Math.abs(l.box.x - current.box.x) < h * 0.5)) &&
          sameType(l, last),
      )
      .sort((a, b) => below(a) - below(b) || a.box.x - b.box.x);
    const next = candidates[0];
    if (!next) return done(false);
    // The span of text the next line continues: the value's own on its first line, the line taken before after it.
    const [spanStart, spanEnd] = current === last ? [column.start, valueEnd] : [current.box.x, right(current)];
    const acrossSpan = (l: LayoutLine) => Math.min(right(l), spanEnd) - Math.max(l.box.x, spanStart) > h;
    // A line of the column passed over between this line and the next (boxed tall on a curled photo, it starts
    // inside this line's box): the value may run through it. Taken no further, for the clerk to see whole.
    const passedOver = layout.lines.some(
      (l) =>
        l !== current &&
        l !== next &&
        l.half === last.half &&
        l.box.y > current.box.y + current.box.height * 0.3 &&
        l.box.y < next.box.y &&
        // Flush with it, or across the value's span, and boxed about as tall (a watermark's piece is neither).
        (Math.abs(l.box.x - current.box.x) < current.box.height || acrossSpan(l)) &&
        l.box.height > current.box.height * 0.6 &&
        l.box.height < current.box.height * 1.5 &&
        l.hits.length === 0 &&
        sameType(l, last),
    );
    if (passedOver) return done(true);
    // A date alone on a line (under an issuer, beside a seal) is a field of its own, never the rest of a name.
    // Back under the label, a character or two that start a label (`性` of a spread `性　别`) begin the next field.
    const labelStart = next.box.x < column.start - h && next.flat.length <= 3 && LABEL_PREFIXES.has(next.flat);
    // A short piece ending in a colon (`号：` of a spread `证　书　号：`) is a label the engine did not join: it waits
    // for a value of its own.
    const labelPiece = /^[\u3400-\u9fff]{1,3}[:：]$/.test(next.flat);
    // A line that opens with a word and a colon (`一般项目：技术服务…`, the next row's value set high beside its label)
    // starts a field of its own, a label we may not know.
    const opensField = /^[\u3400-\u9fff]{2,6}[:：]./.test(next.flat);
    // A date's unit set apart beside its numbers (`10` `日` `至` `2021` …, a spread date under the value) is part of
    // that date, not the rest of the value.
    const dateUnit =
      /^[年月日至]$/.test(next.flat) &&
      layout.lines.some(
        (o) => o !== next && /^\d{1,4}$/.test(o.flat) && Math.abs(centreY(o) - centreY(next)) < h * 0.5 && Math.abs(o.box.x - next.box.x) < h * 3,
      );
    const stops =
      (current === last && runsAcrossNextField(last, next, bound)) ||
      // Back at the margin under a row of run-on prose with another field after the value: the row's last field goes on.
      // Not so a line flush under the value's own box (boxed apart from its label, a dotted leader before it: `……企业新型学`
      // | `徒制（电工）`): a table's cell wraps there, and prose never starts a row at a value.
      (current === last && laterField && next.box.x < column.start - h && rowRunsToEdge(layout, last) && !flushUnderOwnBox(last, next, h)) ||
      dateUnit ||
      labelStart ||
      labelPiece ||
      opensField ||
      inSealRing(layout, next) ||
      startsWithLabel(next) ||
      /\d{15}/.test(next.flat) ||
      // A unified social credit code (`91330106MA287RX1R2`, the next row's value set high) is a field of its own.
      /^[0-9A-Z]{2}\d{6}[0-9A-Z]{10}/.test(next.flat) ||
      isWholeDate(next.flat) ||
      opensWithTerm(next.flat) ||
      AMOUNT.test(next.flat) ||
      REGISTRANT_TERM.test(next.flat) ||
      DATE_TAIL.test(next.flat) ||
      DATE_HEAD.test(next.flat) ||
      startsValueBelow(layout, current, next, ownLabel, h) ||
      startsBlockCentredOnOtherLabel(layout, current, next, ownLabel, h) ||
      setApartNearOtherLabel(layout, last, lines, next, ownLabel, h) ||
      // The value's own label, centred on its lines (`名　称` level with `服务有限公司` under `杭州云栖科技供应链`), waits
      // for nothing else.
      ownedByOther(layout, next, ownLabel) ||
      overCaption(layout, next) ||
      next.leading === '';
    if (stops) return done(false, startsWithLabel(next) ? undefined : next);
    if (rows >= maxLines) return done(true);
    if (below(next) > h * 0.9) narrow = true;
    if (ownLabel && rowOwner(layout, next) === ownLabel) throughOwnLabel = true;
    lines.push(next);
    rows++;
    if (
      candidates.some((l) => l !== next && l.box.x >= column.start - h * 0.5 && right(l) <= next.box.x + h * 0.5 && Math.abs(below(l) - below(next)) < h * 0.3)
    )
      pieceLeftOut = true;
    // The engine split the wrapped line at a gap (`山路130号` | `21幢2304室`): its pieces on the row go with it.
    const across = next.hits.length === 0 ? piecesAcrossGap(layout, next, column.end) : [];
    if (across.length > 0) {
      lines.push(...across);
      splitAcrossGap = true;
    }
    // A label after the line's first text (`603室；经营范围…`): the value ends there, what follows is that label's.
    if (next.hits.length > 0) return done(false);
    current = next;
  }
}

/** `next` starts flush under `value`, a line that holds no label of its own (its label is boxed apart, left of it). */
function flushUnderOwnBox(value: LayoutLine, next: LayoutLine, h: number): boolean {
  return value.hits.length === 0 && Math.abs(next.box.x - value.box.x) < h * 0.5;
}

/**
 * True when `next` is the first line of the value below rather than the last of this one: it is set apart from
 * `current` and tight on the line under it, and that line sits on the row of another label waiting for a value, the
 * label `next` is clearly nearest too (`技健康服务部` | gap | `浙江省杭州市西湖区西溪` | `街道文三路…` level with `经营场所:`,
 * an address centred on its label over four lines). A value's own wrapped lines are set evenly.
 */
function startsValueBelow(layout: PageLayout, current: LayoutLine, next: LayoutLine, ownLabel: LayoutLine | undefined, h: number): boolean {
  const gapAbove = next.box.y - (current.box.y + current.box.height);
  const nextBottom = next.box.y + next.box.height;
  const under = layout.lines
    .filter(
      (l) =>
        l !== next &&
        l.half === next.half &&
        l.hits.length === 0 &&
        Math.abs(l.box.x - next.box.x) < h &&
        l.box.y >= nextBottom - h * 0.35 &&
        l.box.y <= nextBottom + h * 0.9,
    )
    .sort((a, b) => a.box.y - b.box.y)[0];
  // Set apart from the line it would continue, or running well past that line's end: a line that stopped short of
  // the room it had (`专项能力名称手机维修` over `杭州市职业能力建设指导`, four characters wider) did not wrap.
  if (!under) return false;
  const setApart = gapAbove >= under.box.y - nextBottom + h * 0.3;
  // Measured in characters too: a stamp boxed after a short last piece (`室(复印件)`) widens its box, not its text.
  const ownCharacters = current.flat.length - (current.hits.length > 0 ? current.hits[current.hits.length - 1].end : 0);
  const stoppedShort = right(next) > right(current) + h * 2 && next.flat.length >= ownCharacters + 3;
  if (!setApart && !stoppedShort) return false;
  const owner = rowOwner(layout, under);
  return owner !== undefined && owner !== ownLabel && !sameLabelCell(owner, ownLabel) && closestLabelIs(layout, next, owner);
}

/**
 * True when `next` opens a block of lines set tight down its column, set clearly further from `current` than the
 * block's own lines are from each other, and another label waiting for a value stands level with the block's middle
 * (a licence's narrow value column: `杭州启航` … `区分公司`, a gap, then `浙江省杭` … `室` over nine rows centred on
 * `营业场所`): that label's value, centred on it, never the rest of this one. `startsValueBelow` sees only the line under
 * `next`, which for a block of more than three lines is on no label's row.
 */
function startsBlockCentredOnOtherLabel(layout: PageLayout, current: LayoutLine, next: LayoutLine, ownLabel: LayoutLine | undefined, h: number): boolean {
  const gapAbove = next.box.y - (current.box.y + current.box.height);
  if (gapAbove < h * 0.3) return false;
  const block = [next];
  let widest = -Infinity;
  for (let k = 0; k < 12; k++) {
    const end = block[block.length - 1];
    const bottom = end.box.y + end.box.height;
    const under = layout.lines
      .filter((l) => !block.includes(l) && l.half === next.half && l.hits.length === 0 && Math.abs(l.box.x - next.box.x) < h && l.box.y >= bottom - h * 0.35)
      .sort((a, b) => a.box.y - b.box.y)[0];
    if (!under || under.box.y - bottom > gapAbove - h * 0.3) break;
    widest = Math.max(widest, under.box.y - bottom);
    block.push(under);
  }
  if (block.length < 3 || gapAbove < widest + h * 0.3) return false;
  const top = block[0].box.y;
  const bottom = block[block.length - 1].box.y + block[block.length - 1].box.height;
  return block.some((line) => {
    const owner = rowOwner(layout, line);
    return (
      owner !== undefined &&
      owner !== ownLabel &&
      !sameLabelCell(owner, ownLabel) &&
      Math.abs(centreY(owner) - (top + bottom) / 2) < Math.max(h * 1.5, (bottom - top) * 0.25)
    );
  });
}

/**
 * True when `next`, under a value already wrapped, is set clearly further from the line before than the value's own
 * lines are from each other, and its nearest label is clearly another's (`浙江卓越网络科技` | `人力资源服务股份` |
 * `有限公司`, a name centred on `名称`, then `莫红` a gap lower, `法定代表人`'s value printed high): a value's own
 * wrapped lines are set evenly.
 */
function setApartNearOtherLabel(
  layout: PageLayout,
  last: LayoutLine,
  taken: readonly LayoutLine[],
  next: LayoutLine,
  ownLabel: LayoutLine | undefined,
  h: number,
): boolean {
  if (taken.length === 0 || !ownLabel) return false;
  const current = taken[taken.length - 1];
  const before = taken.length === 1 ? last : taken[taken.length - 2];
  // Boxes of one value's lines may overlap (a label's pieces joined into the first line box it taller): no closer than
  // flush, then.
  const wrapGap = Math.max(0, current.box.y - (before.box.y + before.box.height));
  const gap = next.box.y - (current.box.y + current.box.height);
  if (gap < wrapGap + h * 0.3) return false;
  const other = labelsLeftOf(layout, next).find((r) => r.label !== ownLabel && !sameLabelCell(r.label, ownLabel))?.label;
  return other !== undefined && closestLabelIs(layout, next, other);
}

/**
 * The lines above `first` that start the same value (a label centred on a value of two or three lines: the value's
 * first line sits above the label's row). Only lines whose nearest label is clearly this one, starting in the
 * value's column.
 */
export function leadingLinesAbove(layout: PageLayout, first: LayoutLine, label: LayoutLine, column: ColumnSpan, maxLines = 2): LayoutLine[] {
  const out: LayoutLine[] = [];
  let current = first;
  while (out.length < maxLines) {
    const top = current.box.y;
    const h = Math.max(current.box.height, layout.medianLineHeight * 0.8);
    const above = layout.lines
      .filter(
        (l) =>
          l !== current &&
          l !== label &&
          l.half === first.half &&
          l.box.y + l.box.height <= top + h * 0.35 &&
          l.box.y + l.box.height >= top - h * 0.9 &&
          // Flush with the value's column, or centred on its line (a value centred in its cell).
          (Math.abs(l.box.x - column.start) < h * 1.5 || Math.abs(centreX(l) - centreX(first)) < h * 0.6) &&
          l.box.x < column.end &&
          sameType(l, first),
      )
      .sort((a, b) => b.box.y - a.box.y)[0];
    // A line on the row of the label's own English gloss is no other label's value.
    const owner = above ? rowOwner(layout, above) : undefined;
    if (!above || above.hits.length > 0) break;
    if (
      owner &&
      !sameLabelCell(owner, label) &&
      !ownerValuedBefore(layout.lines, owner, above) &&
      !closedValueOver(layout, owner, above) &&
      !closedValueUnder(layout, owner, above)
    )
      break;
    // The tail of a date wrapped from the row above (`出生年月1986年10` | `月19日` over `工种`'s row) ends that date: it
    // starts no value that is not a date.
    if (DATE_END_LINE.test(above.flat) && findDates(first.flat).length === 0) break;
    // Not clearly nearer its own label: still this value's when set with the block below it, or tight on it while this
    // label is the nearest, and the rival label has a value of its own on its row (`2014.09.02` beside `成立日期`
    // over `浙江省…和平路` | `97号…` beside `住所`).
    // Or tight on it while the nearer label holds a whole date, term, sum or code over it in its column, a value that
    // goes on nowhere (rows set tight on a photo: the head about as near that label as its own).
    const tightOn =
      above.box.y + above.box.height >= current.box.y - h * 0.35 &&
      (closestLabelIs(layout, above, label, 0) || closedValueOver(layout, nearestRivalLabel(layout, above, label), above));
    if (!closestLabelIs(layout, above, label) && !((inBlockSetApartAbove(layout, above, current, h) || tightOn) && nearerLabelHasValue(layout, above, label)))
      break;
    // The label's row must lie below the line's centre: otherwise the line is the label's own row's neighbour above.
    if (centreY(label) <= centreY(above) + above.box.height * 0.3) break;
    // A line belongs to the block it is set tighter with: one flush under another value's lines (`有限责任公司分公`
    // | `司(自然人投资或` | `控股)` over `名称`) ends that value, it does not start this one.
    const gapBelow = current.box.y - (above.box.y + above.box.height);
    const higher = layout.lines.find(
      (l) =>
        l !== above &&
        l.half === above.half &&
        Math.abs(l.box.x - above.box.x) < h * 1.5 &&
        l.box.y + l.box.height <= above.box.y + h * 0.35 &&
        // Clearly tighter: the lines of one centred value are spaced evenly, give or take a few pixels.
        above.box.y - (l.box.y + l.box.height) < Math.min(h * 0.9, gapBelow - h * 0.2),
    );
    if (higher) break;
    out.unshift(above);
    current = above;
  }
  return out;
}

/** The label of `label`'s column nearest `line` other than `label` (and its own gloss), if any. */
function nearestRivalLabel(layout: PageLayout, line: LayoutLine, label: LayoutLine): LayoutLine | undefined {
  return labelsLeftOf(layout, line).find(
    (r) => r.label !== label && !sameLabelCell(r.label, label) && r.label.box.x < right(label) && right(r.label) > label.box.x,
  )?.label;
}

/**
 * True when `owner` (a label) already holds a whole value that ends where it stands (a date, a term, a sum, a
 * code) on its own row over `line` in the same column (`成立日期` | `2006年7月30日` over `浙江省…天目` | `山路819号…`
 * beside `住所`, rows set tight on a photo): `line` is then no value of that label's, whatever row it reaches.
 */
function closedValueOver(layout: PageLayout, owner: LayoutLine | undefined, line: LayoutLine): boolean {
  if (!owner) return false;
  const h = Math.max(owner.box.height, line.box.height);
  return layout.lines.some(
    (o) =>
      o !== line &&
      o !== owner &&
      o.half === owner.half &&
      o.hits.length === 0 &&
      o.box.x >= right(owner) - h * 0.5 &&
      o.box.y < line.box.y &&
      Math.abs(o.box.x - line.box.x) < h &&
      Math.abs(centreY(o) - centreY(owner)) < h * 0.6 &&
      (isWholeDate(o.flat) || opensWithTerm(o.flat) || AMOUNT.test(o.flat) || /^[0-9A-Z]{18}$|^\d{15}$/.test(o.flat)),
  );
}

/** A label that waits for a date or a term (`成立日期`, `营业期限`, `有效期至`). */
const DATE_OR_TERM_LABEL = /日期|期限|有效期|期间/u;

/**
 * True when `owner` (a label) has a whole value that ends where it stands (a date, a term, a sum, a code of fifteen
 * letters and digits or more) stacked tight under it (`证　书　号` over `S330106549412201438261`, labels set over their
 * values): a line far off on its row (`杭州西溪职业技`, the head of the next column's value centred on its label a
 * row lower) is then no value of that label's.
 */
function closedValueUnder(layout: PageLayout, owner: LayoutLine, line: LayoutLine): boolean {
  const under = stackedLine(layout, owner, false);
  if (!under || under === line) return false;
  return isWholeDate(under.flat) || opensWithTerm(under.flat) || AMOUNT.test(under.flat) || /^[0-9A-Z]{15,}$/.test(under.flat);
}

/**
 * True when `line` is set with the block under it, apart from everything above it: flush on `below` (a wrapped
 * line's gap) while the nearest line over it in its column is clearly farther. A value centred on its label's row
 * starts its block a line or two above that row, nearer the previous label than its own (`浙江省杭州市西湖区三墩` |
 * `镇西园路411号紫金港科` over `企业住所:` | `技城创业大厦7幢21层29` | `07室`); the previous label's value is
 * the line set apart above. A block that started on another label's row is tight above too, and so stays apart.
 */
function setWithBlockBelow(layout: PageLayout, line: LayoutLine, below: LayoutLine, h: number): boolean {
  const gapBelow = below.box.y - (line.box.y + line.box.height);
  if (gapBelow > h * 0.6) return false;
  const over = lineOver(layout, line, h);
  if (!over) return false;
  return line.box.y - (over.box.y + over.box.height) > gapBelow + h * 0.4;
}

/** The nearest line over `line` that overlaps it across. */
function lineOver(layout: PageLayout, line: LayoutLine, h: number): LayoutLine | undefined {
  return layout.lines
    .filter((o) => o !== line && o.half === line.half && o.box.y + o.box.height <= line.box.y + h * 0.35 && o.box.x < right(line) && right(o) > line.box.x)
    .sort((a, b) => b.box.y + b.box.height - (a.box.y + a.box.height))[0];
}

/**
 * True when `line` is one of an evenly set run of lines over `below` whose top line is set with the block under it,
 * apart from everything above it (`setWithBlockBelow`). A value centred on its label in a narrow cell wraps into a
 * column of ten lines or more (`浙江省` | `杭州市` | `西湖区` | … beside `营业场所` | … | `3室`): its middle lines over
 * the label's row are nearer the previous label than its own and tight on lines both ways; only the run's top is set
 * apart, so the run is followed up to it.
 */
function inBlockSetApartAbove(layout: PageLayout, line: LayoutLine, below: LayoutLine, h: number): boolean {
  let [top, under] = [line, below];
  for (let steps = 0; steps < 16; steps++) {
    if (setWithBlockBelow(layout, top, under, h)) return true;
    const gap = under.box.y - (top.box.y + top.box.height);
    const over = lineOver(layout, top, h);
    // The run goes on only through lines flush over it at its own pitch, none holding a label nor on a label's row
    // (a registrant type's wrapped lines beside `类型`, set at the same pitch right over the name, are that label's).
    if (!over || over.hits.length > 0 || rowOwner(layout, over) !== undefined || Math.abs(over.box.x - top.box.x) > h * 0.5) return false;
    if (Math.abs(top.box.y - (over.box.y + over.box.height) - gap) > h * 0.25) return false;
    [top, under] = [over, top];
  }
  return false;
}

/**
 * True when the label nearer `line` than `label` (the previous label of the column) has a value of its own on its row:
 * `line` is then no value of that label's. A label with nothing beside it may own a value printed low (`姓名` with
 * `王晓明` half a line down, right over `职业名称`'s `电工`).
 */
function nearerLabelHasValue(layout: PageLayout, line: LayoutLine, label: LayoutLine): boolean {
  const rival = labelsLeftOf(layout, line).find((r) => r.label !== label && !sameLabelCell(r.label, label))?.label;
  if (!rival) return true;
  // A date's or a term's label waits for a date: a line holding none (`浙江省杭州市西湖区` under `营业期限`, its term
  // printed over it) is no value of its.
  if (rival.hits.some((hit) => DATE_OR_TERM_LABEL.test(hit.form)) && findDates(line.flat).length === 0) return true;
  // Nor is a line of another field's shape (`浙江省…综合楼5幢` under `类 型`, a registrant type holding no digit).
  if (waitsForOtherShape(rival, [line])) return true;
  const h = Math.max(rival.box.height, line.box.height);
  return layout.lines.some(
    (o) =>
      o !== line &&
      o.half === rival.half &&
      o.hits.length === 0 &&
      o.leading !== '' &&
      o.box.x >= right(rival) - h * 0.5 &&
      Math.abs(centreY(o) - centreY(rival)) < h * 0.6,
  );
}

/**
 * One line made of several (a wrapped value): text joined, boxes united, the weakest line's confidence, characters
 * kept in order, so a value read from it is scored on every character it holds.
 */
export function mergeLines(lines: readonly LayoutLine[], text: string): LayoutLine {
  const first = lines[0];
  if (lines.length === 1) return { ...first, text, leading: text };
  return {
    ...first,
    raw: lines.map((l) => l.raw).join('\n'),
    text,
    flat: lines.map((l) => l.flat).join(''),
    leading: text,
    confidence: Math.min(...lines.map((l) => l.confidence)),
    box: boxAround(lines.map((l) => l.box)),
    original: boxAround(lines.map((l) => l.original)),
    chars: lines.every((l) => l.chars) ? lines.flatMap((l) => l.chars!) : undefined,
  };
}

/**
 * Extends a wrapped value (an address) with the lines under it that continue it: directly below, starting within the
 * value's column, carrying no label and not owned by a label on their own row. The joined text is read again; a
 * value that still goes on after `maxLines` is flagged `value_may_continue`.
 *
 * @example
 * continueWrappedValue(ctx, address, readAddress); // '浙江省杭州市西湖区莫干山路232号16幢2003' + '室'
 */
export function continueWrappedValue(ctx: DocumentContext, field: DraftField | undefined, reader: ValueReader, maxLines = 3): void {
  if (!field?.source?.box || typeof field.value !== 'string') return;
  const layout = ctx.layouts.find((l) => l.page === field.source!.page);
  const line = layout?.lines.find((l) => l.original === field.source!.box);
  if (!layout || !line) return;
  const hit = line.hits[line.hits.length - 1];
  const start = hit ? line.box.x + (line.box.width * hit.end) / Math.max(1, line.text.length) : line.box.x;
  const column: ColumnSpan = { start, min: line.box.x, end: columnRight(layout, line) };
  const { lines, more } = continuationLines(layout, line, column, maxLines);
  if (more) field.issues = [...(field.issues ?? []), VALUE_MAY_CONTINUE];
  if (lines.length === 0) return;
  const value = field.value + lines.map((l) => l.leading).join('');
  const reading = reader(value);
  if (!reading) return;
  field.value = reading.value;
  const confidence = field.confidence * Math.min(...lines.map((l) => l.confidence)) ** 3;
  // The join itself is a guess about layout: keep the field just under certainty unless the result looks complete.
  field.confidence = confidence * reading.plausibility * 0.98;
}
