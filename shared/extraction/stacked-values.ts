/**
 * Values that do not sit on their label's line (issue 12 class 5 and the placements real forms use): a value printed
 * a fraction of a line above or below its label's line (dot-matrix fill-in), a value stacked right above or below
 * its label in one cell. Who owns such a line is decided against the other labels around it: a line tight over or
 * under a label that waits for a value, or past a waiting label of the next column, is that label's value and never
 * another's; a label that has a value set on its own line is no rival for a line between two rows. A fill-in printed
 * 1–3 mm off its labels sets a value stacked over its label up to a line off it, between two rows of labels: the label
 * whose field's shape it fits owns it (an 18-digit ID is no name, an issuer no level), and a label with a value stacked
 * tight on it already waits for no other.
 */
import { findDates } from './dates.js';
import { CAPITAL_LABEL, LABEL_GROUP_OF, type LabelGroup, REGISTRANT_TYPE_LABEL } from './labels.js';
import { parseLevel } from './levels.js';
import { findHits, isSealLettering, linesRightOf, type LayoutLine, type PageLayout } from './page-layout.js';
import { centreX, centreY, gapBelow, right, sameRow } from './line-geometry.js';

const LONE_CJK = /^[\u3400-\u9fff]$/;
const ENGLISH_ONLY = /^[A-Za-z .'&/:-]*$/;
const SIGNATURE_REMARK = /^[(（]?(盖章|签章|签字|公章|签名|印章)[)）]?:?$/;

/**
 * A lone `男` or `女` after a label of the holder's sex (`性别：` … `男`): a whole value of one character, that label's,
 * where any other lone character is taken for a seal's lettering or a stray mark. A label with its sex beside it waits
 * for no other line (a name printed between its row and the row above is the label above's).
 */
function sexBesideItsLabel(label: LayoutLine, line: LayoutLine): boolean {
  return /^[男女]$/.test(line.flat) && line.hits.length === 0 && label.hits[label.hits.length - 1]?.form === '性别';
}

/** A line that can be a value: text with letters or digits and no label at its start. */
function valueLike(line: LayoutLine): boolean {
  return line.hits.length === 0 && line.leading !== '' && !LONE_CJK.test(line.flat) && /[\p{L}\p{N}]/u.test(line.flat);
}

/**
 * A value with a remark where to stamp or sign boxed after it (`白秀平 (盖章)`, the remark a delimiter of ours): over a
 * bracketed caption (`(持证人)`), or over a label waiting with nothing after it (`持证人姓名`, a name printed over its
 * caption like a signature line), it is that label's value, the remark no label of another field.
 */
function remarkedValue(line: LayoutLine): boolean {
  return line.hits.length > 0 && line.hits.every((h) => SIGNATURE_REMARK.test(h.form)) && line.leading !== '' && !LONE_CJK.test(line.leading);
}

/** A label line whose last label has nothing after it (an English gloss aside): it waits for a value. */
export function waitingLabel(line: LayoutLine): boolean {
  if (line.hits.length === 0 || line.leading !== '') return false;
  // A signature remark alone (`(盖章)` over a shifted fill-in's name) waits for a seal or a hand, never a printed line.
  if (SIGNATURE_REMARK.test(line.flat)) return false;
  // A seal's lettering read onto the label (`终止日期务专用章`, the seal stamped over the row) is no value either.
  const inline = line.hits[line.hits.length - 1].inlineValue;
  return ENGLISH_ONLY.test(inline) || isSealLettering(inline);
}

/**
 * The part of a waiting label's box that waits: a box holding a label with its value and a second label after it
 * (`证书号:Y3301…2935750发证日期:`) waits only where its last label stands (characters are about evenly spaced in a
 * box), so a value stacked under or over its first part is not that label's. Any other box is returned as it is.
 *
 * @example
 * waitingPart(numberAndDateLabels).box.x; // where `发证日期:` starts in the box
 */
export function waitingPart(line: LayoutLine): LayoutLine {
  const last = line.hits[line.hits.length - 1];
  if (line.hits.length < 2 || !last || last.inlineValue.trim() !== '' || line.hits.some((h) => h.otherParty)) return line;
  if (line.hits.slice(0, -1).every((h) => h.inlineValue.replace(/\s+/g, '') === '')) return line;
  const x = line.box.x + (line.box.width * last.start) / Math.max(1, line.text.length);
  return { ...line, box: { ...line.box, x, width: right(line) - x } };
}

/**
 * Where `label`'s cell ends on a row of labels that wait for their values (`持证人　出生日期　性别` over their values): midway
 * between it and the next waiting label to its right on its row; `Infinity` when none stands there. A line under the
 * row that starts past it is the next label's value (`一九七六年十月二` centred under `出生日期`, nearer the row than
 * the name under `持证人`).
 *
 * @example
 * labelCellEnd(layout, holderLabel); // halfway between `持证人`'s right edge and `出生日期`'s left one
 */
export function labelCellEnd(layout: PageLayout, label: LayoutLine): number {
  const next = layout.lines
    .filter(
      (o) =>
        o !== label &&
        o.half === label.half &&
        waitingLabel(o) &&
        o.box.x >= right(label) &&
        Math.abs(centreY(o) - centreY(label)) < Math.min(o.box.height, label.box.height) * 0.5,
    )
    .sort((a, b) => a.box.x - b.box.x)[0];
  return next ? (right(label) + next.box.x) / 2 : Infinity;
}

/** Horizontal overlap of two lines as a share of the narrower one. */
function overlapShare(a: LayoutLine, b: LayoutLine): number {
  const overlap = Math.min(right(a), right(b)) - Math.max(a.box.x, b.box.x);
  return overlap / Math.max(1, Math.min(a.box.width, b.box.width));
}

/**
 * The value set on the label's own line beside it: the nearest value-like line to its right whose centre is within a
 * quarter of a line of the label's. A label that has one is no rival for a line between two rows.
 */
function alignedValueBeside(layout: PageLayout, label: LayoutLine): LayoutLine | undefined {
  const line = linesRightOf(layout, label).find((l) => /[\p{L}\p{N}]/u.test(l.flat) && (!LONE_CJK.test(l.flat) || sexBesideItsLabel(label, l)));
  if (!line || !(valueLike(line) || sexBesideItsLabel(label, line))) return undefined;
  return Math.abs(centreY(line) - centreY(label)) < Math.min(line.box.height, label.box.height) * 0.25 ? line : undefined;
}

/**
 * A caption under a fill-in line: a label alone in brackets (`（姓名）`, `(公民身份号码)`). It names the line over it,
 * never one under it, and sits a ruled line's spacing under its value.
 *
 * @example
 * bracketedCaption(captionLine); // true for `（姓　　名）`
 */
export function bracketedCaption(line: LayoutLine): boolean {
  if (line.hits.length !== 1 || SIGN_HERE.test(line.flat)) return false;
  // The engine may drop the closing bracket at the box's end (`（合同期限自`): the label then ends the box. Or the
  // opening one at its start (`组成形式）` under `个人经营`, the `（` boxed apart or lost): the label then opens it.
  return (
    BRACKETED.test(line.flat) ||
    (/^\([^()]+$/.test(line.flat) && line.hits[0].end === line.text.length) ||
    (/^[^()]+\)$/.test(line.flat) && line.hits[0].start === 0 && /^\s*[)）]$/u.test(line.text.slice(line.hits[0].end)))
  );
}

/**
 * A caption set small under its value (`热依拉·买买提` on a rule, `持证者姓名` under it in type half its height): a
 * whole label alone on its line, no colon, with a value line over it in type at least 1.6 times its height, nearer than
 * any value under it (the next row's). It names the line over it, as a bracketed caption does.
 *
 * @example
 * smallCaptionUnderValue(layout, captionLine); // true for `持证者姓名` 19 px under a name set 46 px high
 */
export function smallCaptionUnderValue(layout: PageLayout, line: LayoutLine, ratio = SMALL_CAPTION_RATIO): boolean {
  // The label may carry its party in brackets after it (`用人单位（甲方）`, `法定代表人（负责人）`): still the whole caption.
  if (!wholeLabelAlone(line)) return false;
  let closing: boolean | undefined;
  const closesRows = () => (closing ??= captionsCloseTheirRows(layout, line, ratio));
  const over = captionValueOver(layout, line) ?? (closesRows() ? valueOverCaptionCell(layout, line) : undefined);
  if (!over || over.box.height < line.box.height * ratio) return false;
  const under = stackedLine(layout, line, false, true, 4);
  const gapOver = line.box.y - (over.box.y + over.box.height);
  return !under || under.box.y - (line.box.y + line.box.height) > gapOver * ratio || closesRows();
}

/** Whether a label alone on its line, with nothing before it, is the whole of it (its party's gloss after it aside). */
function wholeLabelAlone(line: LayoutLine): boolean {
  const whole = line.hits.length === 1 && (line.hits[0].end === line.text.length || BRACKETED_GLOSS.test(line.text.slice(line.hits[0].end)));
  return whole && line.hits[0].start === 0 && line.leading === '';
}

/**
 * The value line a caption would name: stacked over it (loosely), or written from the left end of the rule it is
 * centred under; or the last character of a value wrapped over it, stacked under the value's head (`赵胡沐` | `琪` over
 * `证书持有人`).
 */
function captionValueOver(layout: PageLayout, line: LayoutLine): LayoutLine | undefined {
  const over = stackedLine(layout, line, true, true, CAPTION_REACH, false, CAPTION_OVERLAP) ?? flushLeftOverCentredCaption(layout, line);
  const lone = stackedLine(layout, line, true, true, CAPTION_REACH, true, CAPTION_OVERLAP);
  const wrapTail = lone && lone !== over && LONE_CJK.test(lone.flat) && stackedLine(layout, lone, true, true) !== undefined;
  return wrapTail && (!over || lone.box.y > over.box.y) ? lone : over;
}

/**
 * The value printed over a caption in the caption's cell, from its start to the next text on its row (a row of
 * captions under a row of values): the nearest value-like line (or lone character: `女` over `性别`) over it, within
 * a caption's reach, that starts there. It finds a fill-in set off its caption's span (`五级` printed right of
 * `等级(级别)`), and tells apart two lines over a caption at one level (`公司`, the last line of an issuer centred
 * over `评价组织`, from the code over the caption left of it, `证书统一编号`, that reaches over it).
 */
function valueOverCaptionCell(layout: PageLayout, caption: LayoutLine): LayoutLine | undefined {
  const h = caption.box.height;
  const end = Math.min(
    ...layout.lines
      .filter((o) => o !== caption && o.half === caption.half && o.box.x > caption.box.x && Math.abs(centreY(o) - centreY(caption)) < h * 0.5)
      .map((o) => o.box.x),
    Infinity,
  );
  return layout.lines
    .filter((o) => {
      if (o === caption || o.half !== caption.half || !(valueLike(o) || (o.hits.length === 0 && LONE_CJK.test(o.flat)))) return false;
      const gap = caption.box.y - (o.box.y + o.box.height);
      return gap >= -h * CAPTION_OVERLAP && gap <= Math.min(h, o.box.height) * CAPTION_REACH && o.box.x >= caption.box.x - h && o.box.x < end;
    })
    .sort((a, b) => b.box.y - a.box.y)[0];
}

/**
 * Whether the small labels of `caption`'s type close their rows from under them, all down the form (a certificate's
 * grid of values over small captions at one pitch, its last caption row with nothing under it): every label alone on
 * its line in that type has a value `ratio` times taller over it, they stand on two rows or more, and none on the
 * lowest row has a value under it. A caption is then its value's, however evenly the rows are spaced (a value row as
 * near the caption over it as the caption under it). A form of labels over their values has none over its first
 * label row, and its last label row's values under it.
 */
function captionsCloseTheirRows(layout: PageLayout, caption: LayoutLine, ratio: number): boolean {
  const h = caption.box.height;
  const labels = layout.lines.filter((l) => l.half === caption.half && wholeLabelAlone(l) && Math.abs(l.box.height - h) <= h * 0.15);
  const rows: LayoutLine[][] = [];
  for (const l of [...labels].sort((a, b) => a.box.y - b.box.y)) {
    const row = rows.find((r) => Math.abs(centreY(r[0]) - centreY(l)) < h * 0.5);
    if (row) row.push(l);
    else rows.push([l]);
  }
  if (rows.length < 2) return false;
  const valued = labels.every((l) => {
    const over = captionValueOver(layout, l) ?? valueOverCaptionCell(layout, l);
    return over !== undefined && over.box.height >= l.box.height * ratio;
  });
  return valued && rows[rows.length - 1].every((l) => !stackedLine(layout, l, false, true, 4));
}

/** A word or two in brackets after a label, naming its party or role (`（甲方）`, `(负责人)`). */
const BRACKETED_GLOSS = /^\s*[(（][^()（）]{1,6}[)）]\s*$/u;

/** A small caption's value is set in type at least this many times the caption's height. */
const SMALL_CAPTION_RATIO = 1.6;

/**
 * A caption only a little smaller than its value (`乙方(劳动者)姓名` 34 px under `周黄博嘉` 47 px high) and only a
 * little nearer it than the next row: as likely a caption as a label over the next row. Its value is a guess.
 */
export const LOOSE_CAPTION_RATIO = 1.3;

/** How far over a caption its value may stand, in the nearer line's heights: a rule's spacing, and a fill-in set high. */
const CAPTION_REACH = 1.6;

/**
 * How far a value may overlap the bracketed caption under it, in the caption's heights: a page turned or bent a
 * little sets the value's box down onto its caption's (`万萱斌` 12 px into `（乙方）`, 46 px high, on a rotated scan).
 */
const CAPTION_OVERLAP = 0.35;

/**
 * How far a value stacked over its label may overlap the label, in the label's heights: a fill-in layer printed 1–3 mm
 * low sets the value over a label down onto it (`宋嘉禾` 12 px into `持证人姓名`, 36 px high; `钳工` 13 px into `工 种`).
 */
const VALUE_OVER_LABEL_OVERLAP = 0.4;

/** A whole line in brackets, one level of brackets inside allowed (`（甲方（用人单位）名称）`). */
const BRACKETED = /^\((?:[^()]|\([^()]*\))+\)$/;

/** `（盖章）`, `（签字）`: where to sign or stamp, after a value (`…109室` over `（盖章）`), never a caption naming it. */
const SIGN_HERE = /(盖章|签字|签章|签名|公章|印章)\)$/;

/** A line that is nothing but where to sign or stamp, in brackets (`（盖章）`, `（签字）`). */
const SIGN_HERE_ONLY = /^\((盖章|签字|签章|签名|公章|印章)\)$/;

/**
 * True when `line` is the value set over a bracketed caption (`男` over `（性别）`): that caption's, never the wrapped
 * end of a value above it.
 *
 * @example
 * overCaption(layout, sexLine); // true for `男` right over `（性别）`
 */
export function overCaption(layout: PageLayout, line: LayoutLine): boolean {
  return layout.lines.some(
    (c) => c !== line && c.half === line.half && bracketedCaption(c) && stackedLine(layout, c, true, true, 1.2, true, CAPTION_OVERLAP) === line,
  );
}

/**
 * The line stacked tight on a label (above with `above`, else below): one the label's column shares (most of the
 * narrower line over the other, or centred on it), less than `reach` line heights away (0.45), a value by its look
 * (or, with `lone`, a lone character). Boxes may overlap by `overlap` of the label's height (a quarter; more over a
 * bracketed caption, whose value a turned or bent page sets down onto it).
 */
export function stackedLine(
  layout: PageLayout,
  label: LayoutLine,
  above: boolean,
  loose = false,
  reach = 0.45,
  lone = false,
  overlap = 0.25,
): LayoutLine | undefined {
  const h = label.box.height;
  return layout.lines
    .filter((o) => {
      // `lone`: a lone character counts too (the last character of a value wrapped over a caption).
      const value =
        valueLike(o) ||
        (lone && o.hits.length === 0 && LONE_CJK.test(o.flat)) ||
        (above && remarkedValue(o) && (bracketedCaption(label) || waitingLabel(label)));
      if (o === label || o.half !== label.half || !value) return false;
      const gap = above ? label.box.y - (o.box.y + o.box.height) : o.box.y - (label.box.y + label.box.height);
      if (gap < -h * overlap || gap > Math.min(h, o.box.height) * reach) return false;
      const centred = Math.abs(o.box.x + o.box.width / 2 - (label.box.x + label.box.width / 2)) < h * 0.8;
      // Loose: any overlap (a wrapped value centred over a label read with its colon and spacing).
      return overlapShare(o, label) > (loose ? 0 : 0.5) || centred;
    })
    .sort((a, b) => (above ? b.box.y - a.box.y : a.box.y - b.box.y))[0];
}

/**
 * The value over a caption centred under its fill-in rule, the value written from the rule's left end (`王高琪梓` at
 * x 193–342 on a rule, `乙方（劳动者）姓名` centred under the rule at 402–573): a short value has no overlap with its
 * caption at all. The line over the caption (as near as a caption's value: CAPTION_REACH, CAPTION_OVERLAP) starting
 * left of it, ending inside the rule the caption is centred under (from the
 * line's start to as far past the caption's centre), with nothing else on its row inside that rule and nothing on the
 * caption's row between the line's start and the caption (another caption the line would be over). Undefined when
 * the layout is not so; asked only where no line stacked over the caption was found.
 *
 * @example
 * flushLeftOverCentredCaption(layout, captionLine)?.text; // '王高琪梓'
 */
export function flushLeftOverCentredCaption(layout: PageLayout, caption: LayoutLine): LayoutLine | undefined {
  const h = caption.box.height;
  const cx = centreX(caption);
  const value = layout.lines
    .filter((o) => {
      if (o === caption || o.half !== caption.half || !valueLike(o)) return false;
      const gap = caption.box.y - (o.box.y + o.box.height);
      if (gap < -h * CAPTION_OVERLAP || gap > Math.min(h, o.box.height) * CAPTION_REACH) return false;
      // Written from the rule's left end, short of the caption's centre: the rule runs as far past the centre.
      return o.box.x < caption.box.x && right(o) < cx && 2 * cx - o.box.x >= right(o);
    })
    // The one starting nearest the caption: a value further left on the row is another rule's.
    .sort((a, b) => b.box.x - a.box.x)[0];
  if (!value) return undefined;
  const ruleEnd = 2 * cx - value.box.x;
  const inRule = (o: LayoutLine) => o !== value && o.half === value.half && sameRow(o, value) && o.box.x > value.box.x && o.box.x < ruleEnd;
  const captionBefore = (o: LayoutLine) => o !== caption && o.half === caption.half && sameRow(o, caption) && right(o) > value.box.x && o.box.x < caption.box.x;
  return layout.lines.some((o) => inRule(o) || captionBefore(o)) ? undefined : value;
}

/**
 * True when the nearest line over `value` in its column (within about two lines) is a label waiting for a value:
 * labels set over their values are the common layout, so the value is that label's however tight it sits on the
 * caption under it (a fill-in printed low, the next value masked). `caption` is the label under the value.
 */
function captionedFromAbove(layout: PageLayout, value: LayoutLine, caption: LayoutLine): boolean {
  const over = lineOver(layout, value, caption);
  return (
    over !== undefined &&
    !bracketedCaption(over) &&
    (waitingLabel(over) || waitingHitOver(over, value)) &&
    !alignedValueBeside(layout, over) &&
    !captionOfOwnValue(layout, over, value)
  );
}

/**
 * True when `label` is a caption under a value of its own (captions under values all down the form): a value-like line
 * stacked tight over it, clearly nearer it than `below`, the line under it, is. It waits for that line, not `below`
 * (`2021-12-26` 12 px over `合同期限自：`, `2023年12月25日` 32 px under it and 12 px over `合同终止日期：`).
 */
function captionOfOwnValue(layout: PageLayout, label: LayoutLine, below: LayoutLine): boolean {
  const own = stackedLine(layout, label, true, true, 1.2);
  return (
    own !== undefined && own.hits.length === 0 && valueLike(own) && !waitsForOtherShape(label, [own]) && gapBelow(own, label) < gapBelow(label, below) * 0.75
  );
}

/**
 * True when `header`, a grid's header boxed as one line over several columns (`乙方（劳动者）姓名身份证号码联系电`),
 * holds a label over the start of `value` with the next label right after it, nothing between: that label waits for
 * `value` (`毛晨` under the header's start). Characters are about evenly spaced in a box, so where each label stands
 * is read from its characters' places.
 */
function waitingHitOver(header: LayoutLine, value: LayoutLine): boolean {
  if (header.hits.length < 2 || header.leading !== '') return false;
  const perChar = header.box.width / Math.max(1, header.text.length);
  return header.hits.slice(0, -1).some((hit, i) => {
    const start = header.box.x + perChar * hit.start;
    const end = header.box.x + perChar * header.hits[i + 1].start;
    return hit.inlineValue.trim() === '' && !hit.otherParty && value.box.x >= start - header.box.height && value.box.x < end;
  });
}

/**
 * True when `value` starts under `label`'s span (from a line's height before it to its end), its top under the label's
 * middle and less than a line under the label's foot: set under that label, however far its fill-in was shifted.
 */
function underLabelSpan(label: LayoutLine, value: LayoutLine): boolean {
  const h = label.box.height;
  const gap = value.box.y - (label.box.y + h);
  return value.box.x >= label.box.x - h && value.box.x < right(label) && value.box.y > centreY(label) && gap < h * 1.2;
}

/** The nearest line over `value` in its column, within about two lines (`caption`, the label under it, left out). */
function lineOver(layout: PageLayout, value: LayoutLine, caption: LayoutLine): LayoutLine | undefined {
  return layout.lines
    .filter((o) => {
      if (o === caption || o === value || o.half !== value.half) return false;
      const gap = value.box.y - (o.box.y + o.box.height);
      const centred = Math.abs(o.box.x + o.box.width / 2 - (value.box.x + value.box.width / 2)) < o.box.height * 0.8;
      return gap > -o.box.height * 0.25 && gap < Math.max(o.box.height, value.box.height) * 2.2 && (overlapShare(o, value) > 0.5 || centred);
    })
    .sort((a, b) => b.box.y + b.box.height - (a.box.y + a.box.height))[0];
}

/**
 * The label other than `label` that `value` belongs to, if any: a waiting label it is set beside on that label's own
 * line, a waiting label it is stacked tight on (with no value beside it on its own line), or a waiting label of a
 * later column that stands between `label` and it, within an off-baseline reach of its row. A value never comes from
 * a line that belongs to another label.
 *
 * @example
 * // `姓名` … `330102197808316451` (on 姓名's row, far right, tight over `公民身份号码` that has nothing beside it)
 * otherLabelOwning(layout, idLine, nameLabel); // the 公民身份号码 line
 */
export function otherLabelOwning(layout: PageLayout, value: LayoutLine, label: LayoutLine): LayoutLine | undefined {
  if (!valueLike(value)) return undefined;
  // Set on the label's own line right beside it: the label's, whatever stands under or over it.
  const h = Math.min(value.box.height, label.box.height);
  if (Math.abs(centreY(value) - centreY(label)) < h * 0.25 && value.box.x - right(label) < h * 4) return undefined;
  return layout.lines.find((o) => {
    if (o === label || o === value || o.half !== value.half || !waitingLabel(o)) return false;
    // Set on that label's own line beside it: its value. A label with another value beside it takes no other.
    const beside = alignedValueBeside(layout, o);
    // … unless it sits far across the row from that label and tight under `label`, which waits for it (a date stacked
    // under the next column's label, level with the first column's label).
    if (beside === value && value.box.x - right(o) > o.box.height * 4 && stackedLine(layout, label, false) === value) return false;
    // … or far across the row from a label with a value stacked tight under it (`名　称` over `杭州钱塘电…`, `杨一伟`
    // level with it 900 px right, over `法定代表人`): that label's value is the one under it.
    if (beside === value && value.box.x - right(o) > o.box.height * 4 && stackedLine(layout, o, false)) return false;
    if (beside) return beside === value;
    // A value beside it on its row, only printed off its baseline (a keystoned photo's or an off-true fill-in's), is
    // its value: a line stacked under or over the label, left of that value and further off the label's row, is not.
    const onRow = valueOnItsRow(layout, o);
    if (onRow && right(value) <= onRow.box.x && Math.abs(centreY(onRow) - centreY(o)) < Math.abs(centreY(value) - centreY(o))) return false;
    // Stacked under it, or over it when nothing is stacked under it (a value over its caption) and no waiting label
    // sits over the value nearly as close (labels set over their values: the value is the one above's).
    // A bracketed caption names the line over it only.
    // A box of a label with its value and a waiting label after it waits under and over that label's part alone.
    const waiting = waitingPart(o);
    const under = bracketedCaption(o) ? undefined : stackedLine(layout, waiting, false);
    const reach = bracketedCaption(o) ? 1.2 : 0.45;
    // Where to sign or stamp (`（盖章）` alone) waits for ink, never for the printed line over it.
    // A fill-in printed off its labels sets a value up to a line over its label: nearer it than `label` over the value,
    // when `label` is itself a caption under a value of its own (values over their labels all down the form).
    const nearer = value.box.y - (label.box.y + label.box.height) > o.box.y - (value.box.y + value.box.height) && captionOfOwnValue(layout, label, value);
    const over =
      !under &&
      !SIGN_HERE_ONLY.test(o.flat) &&
      (stackedLine(layout, waiting, true, false, reach) === value ||
        (nearer && !bracketedCaption(o) && stackedLine(layout, waiting, true, false, 1.2) === value));
    // … a value its field can take: a name of a person's shape stacked under `名称`, whose company is stacked over it,
    // is the next caption's (`皇甫远博` over `法定代表人姓名`).
    if ((under === value || (over && !captionedFromAbove(layout, value, o))) && !waitsForOtherShape(o, [value])) return true;
    // Starting under a label of a later column that waits, under its row and within a line of it: that column's value
    // printed low (`合同终止日期：` over `2024年12月9日` 31 px down, the line as far off `合同期限自：`'s row, 300 px left).
    if (o.box.x >= right(label) && !onRow && underLabelSpan(o, value)) return true;
    // Past the next label column: the waiting label stands after `label`, before the value, near the value's row.
    const between = o.box.x >= right(label) - label.box.height * 0.5 && right(o) <= value.box.x + o.box.height * 0.5;
    // … and the value is not clearly nearer `label`'s row than that label's (`合同期限至` … `类　型` `有固定期限` set
    // high … `2024.05.21` half a line off `合同期限至`'s row, a line off `类型`'s).
    const nearerOwn = Math.abs(centreY(label) - centreY(value)) + value.box.height * 0.5 < Math.abs(centreY(o) - centreY(value));
    return between && !nearerOwn && Math.abs(centreY(o) - centreY(value)) < Math.max(o.box.height, value.box.height) * 1.6;
  });
}

/**
 * The caption other than `label` stacked under the line flush under `line`, the rest of one value wrapped onto it
 * (`其他股份有限` over `公司(非上市)` over the bracketed caption `(类型)` of the next column, the first line nearer
 * `名称`'s row than any other label's): a value's first line belongs where its last line does.
 *
 * @example
 * otherLabelOwningWrap(layout, headLine, nameLabel); // the `(类型)` caption line under the value's last line
 */
export function otherLabelOwningWrap(layout: PageLayout, line: LayoutLine, label: LayoutLine): LayoutLine | undefined {
  if (!valueLike(line)) return undefined;
  const h = line.box.height;
  const bottom = line.box.y + h;
  const wrap = layout.lines.find(
    (o) =>
      o !== line &&
      o !== label &&
      o.half === line.half &&
      valueLike(o) &&
      Math.abs(o.box.x - line.box.x) < h * 0.5 &&
      o.box.y >= bottom - h * 0.35 &&
      o.box.y <= bottom + h * 0.6 &&
      o.box.height > h * 0.7 &&
      o.box.height < h * 1.4,
  );
  const owner = wrap && otherLabelOwning(layout, wrap, label);
  // Only a caption under the wrap (a value set over its caption): a label beside the lower line on its own row owns
  // that line alone, the next row of a grid whose values start at one edge (`王芳` over `电工`, beside `职业名称`).
  return owner && owner.box.y >= wrap.box.y + wrap.box.height - wrap.box.height * 0.35 ? owner : undefined;
}

/**
 * True when `value` stands under another label of `label`'s row, to its left, that waits for a value (a grid's row of
 * labels `法定代表人` … `劳动者姓名` over `黎一雪` … `田宇静`): the line at the next row's margin is that label's, not
 * the start of run-on prose going on from `label`.
 *
 * @example
 * underWaitingLabelOfRow(layout, marginLine, labelLine); // true when the margin line sits under a waiting label left of it
 */
export function underWaitingLabelOfRow(layout: PageLayout, value: LayoutLine, label: LayoutLine): boolean {
  const h = Math.min(value.box.height, label.box.height);
  return layout.lines.some(
    (o) =>
      o !== label &&
      o.half === label.half &&
      waitingLabel(o) &&
      !alignedValueBeside(layout, o) &&
      Math.abs(centreY(o) - centreY(label)) < h * 0.5 &&
      right(o) <= label.box.x + h * 0.5 &&
      value.box.y > o.box.y + o.box.height * 0.5 &&
      value.box.y - (o.box.y + o.box.height) < h * 1.5 &&
      // Under it, not reaching in under its head from the margin (`浙江省…古荡街道` at the next row's start, its
      // end under the `；成立日期` of the row over it, its label `；地址` ending that row): a grid's value stands in
      // its label's cell, over half the narrower of the two.
      Math.min(right(value), right(o)) - Math.max(value.box.x, o.box.x) > Math.min(value.box.width, o.box.width) * 0.5,
  );
}

/**
 * True when `label` is the label a line set between two rows belongs to, the rivals that have a value of their own
 * set on their line left out: a fill-in printed most of a line off its label's baseline can sit nearer the next
 * row's label, which already has its value beside it. The line must still be nearer this label than any other
 * waiting label of the column.
 */
export function offRowOwnerIs(layout: PageLayout, line: LayoutLine, label: LayoutLine): boolean {
  const distance = (l: LayoutLine) => Math.abs(centreY(l) - centreY(line));
  const mine = distance(label);
  return !layout.lines.some(
    (o) =>
      o !== label &&
      o !== line &&
      o.half === line.half &&
      // A rival of the same label column, left of the line, about as near as this label or nearer …
      o.hits.length > 0 &&
      right(o) <= line.box.x + line.box.height * 0.5 &&
      o.box.x < right(label) &&
      right(o) > label.box.x &&
      distance(o) < mine + line.box.height * 0.12 &&
      // … that still waits for a value: one with its value inline, set on its own line beside it, or stacked tight
      // under it (a label over its value, `联系电话：` over `137…`) is no rival.
      waitingLabel(o) &&
      !alignedValueBeside(layout, o) &&
      !stackedLine(layout, o, false) &&
      !nearerValueBeside(layout, o, line),
  );
}

/**
 * How far off its label's row (a share of a line's height) a value beside it may stand and still be that label's: a
 * fill-in layer printed off its labels sets an ID 0.69 of a line over `身份证号：` (cert17, a proc-C photo; 0.6 before).
 * A value that far off may stand as near the next label's row (a record's ID 0.7 of a line over `参保状态` and 0.85
 * under `身份证号码`): what is read past such a label is then flagged, not taken.
 */
const NEARER_VALUE_ROW_SHARE = 0.75;

/**
 * A value-like line to the right of `label`, on its row (within NEARER_VALUE_ROW_SHARE of a line) and nearer its row than `line` is: a
 * whole fill-in layer printed off its labels leaves each label's own value the line nearest its row, so a label that
 * has one waits for nothing farther (`二〇二一年四月五日` 14 px from `发证日期`, the number between them 29 px off).
 */
function nearerValueBeside(layout: PageLayout, label: LayoutLine, line: LayoutLine): boolean {
  const mine = Math.abs(centreY(line) - centreY(label));
  return layout.lines.some(
    (l) =>
      l !== line &&
      l !== label &&
      l.half === label.half &&
      ((valueLike(l) && !LONE_CJK.test(l.flat)) || sexBesideItsLabel(label, l)) &&
      l.box.x >= right(label) - label.box.height * 0.5 &&
      l.box.x - right(label) < layout.width * 0.6 &&
      Math.abs(centreY(l) - centreY(label)) < Math.min(mine, Math.min(l.box.height, label.box.height) * NEARER_VALUE_ROW_SHARE) &&
      // Not past the next label of the row: that one is the next column's value.
      !layout.lines.some(
        (o) =>
          o !== label &&
          o.half === label.half &&
          o.hits.length > 0 &&
          o.box.x >= right(label) - label.box.height * 0.5 &&
          right(o) <= l.box.x + label.box.height * 0.5 &&
          Math.abs(centreY(o) - centreY(label)) < Math.max(o.box.height, label.box.height) * 0.6,
      ),
  );
}

/**
 * A value stacked right above its label (a caption under what it names), top line first when it wraps: the
 * value-like lines tight over the label, not on a label's row, not the value of a waiting label over them, and with
 * the line over them clearly further off than the caption under them.
 *
 * @example
 * valueAboveLabel(layout, labelLine)?.map((l) => l.text); // ['吴梓颖'] over `参保人`
 */
export function valueAboveLabel(layout: PageLayout, label: LayoutLine, looseCaption = false): LayoutLine[] | undefined {
  // A bracketed caption sits a ruled line's spacing under its value (the line, its padding and the caption's own); a
  // fill-in printed a few millimetres high adds to it (43 px over a caption boxed 29 px high). So does a small one.
  const caption = bracketedCaption(label) || smallCaptionUnderValue(layout, label, looseCaption ? LOOSE_CAPTION_RATIO : SMALL_CAPTION_RATIO);
  const stacked =
    stackedLine(layout, label, true, true, caption ? CAPTION_REACH : 1.2, caption, caption ? CAPTION_OVERLAP : VALUE_OVER_LABEL_OVERLAP) ??
    (caption ? flushLeftOverCentredCaption(layout, label) : undefined);
  // Two lines over a caption at one level: the one that starts in the caption's cell, when the other starts over
  // another caption of the row (a code over the caption to its left reaches over this one too).
  const h = label.box.height;
  const overOtherCaption = (o: LayoutLine) =>
    layout.lines.some(
      (c) => c !== label && c.half === label.half && sameRow(c, label) && c.box.x < label.box.x && c.box.x <= o.box.x + h && right(c) > o.box.x - h,
    );
  const inCell = caption && stacked && stacked.box.x < label.box.x - h && overOtherCaption(stacked) ? valueOverCaptionCell(layout, label) : undefined;
  const level = (o: LayoutLine) => Math.abs(o.box.y + o.box.height - (stacked!.box.y + stacked!.box.height)) < h * 0.5;
  // Nothing over the caption itself, on a form whose captions close their rows: the value printed off its span,
  // in the caption's cell (`2009年 5月 9日` right of `成立日期`).
  const offSpan =
    caption && !stacked && captionsCloseTheirRows(layout, label, looseCaption ? LOOSE_CAPTION_RATIO : SMALL_CAPTION_RATIO)
      ? valueOverCaptionCell(layout, label)
      : undefined;
  const last = inCell && inCell !== stacked && level(inCell) ? inCell : (stacked ?? offSpan);
  if (!last) return undefined;
  if (otherLabelOwning(layout, last, label)) return undefined;
  if (!caption && fartherThanLabelOver(layout, last, label)) return undefined;
  // On the row of a label to its left: that label's value beside it, unless that label has its own value beside it
  // (a label of the first column level with a value's last line in the second).
  const onRowOfLabel = (line: LayoutLine) =>
    layout.lines.some(
      (o) =>
        o !== line &&
        o.half === line.half &&
        o.hits.length > 0 &&
        right(o) <= line.box.x + line.box.height * 0.5 &&
        Math.abs(centreY(o) - centreY(line)) < Math.min(o.box.height, line.box.height) * 0.6 &&
        [undefined, line].includes(alignedValueBeside(layout, o)) &&
        // A label with its value stacked tight under it (`名　称` over `杭州钱塘电…`) waits for nothing on its row (a
        // value over a bracketed caption level with one is still a pairing of the layout's, the clerk's to confirm).
        (caption || !stackedLine(layout, o, false)) &&
        !labelColumnBetween(layout, o, line),
    );
  const block = [last];
  for (let prev = stackedLine(layout, last, true, true); prev && block.length < 4; prev = stackedLine(layout, prev, true, true)) {
    // Over a caption, the value ends where the row above's value, beside its label, begins.
    if (caption && onRowOfLabel(prev)) break;
    // The lines of one wrapped value are set flush with each other or centred on each other: a line over it set
    // neither way (`有限责任公司分公司(自然人投资或控股)` over `浙江西溪…分公司`, the row above's value) is another's.
    if (!alignedWith(prev, block[0])) break;
    // A line whose wrap runs up to the head stacked under a waiting label of the column (`类型：` over `其他股份有限` |
    // `公司（非上市)`, then `林慧红` over `法定代表人：`) ends that label's value: ours starts under it.
    if (wrapOfValueUnderLabel(layout, prev)) break;
    block.unshift(prev);
  }
  const top = block[0];
  // A loose caption's value must not be what a label over it waits for (`三级(高级工)` under `认定等级`, over
  // `评价机构名称` 1.5 times smaller): labels over values are the common layout. Over a caption, that label is itself
  // tight under a value of its own (captions under values all down the form).
  if (looseCaption && captionedFromAbove(layout, top, label)) return undefined;
  // A label over it with nothing beside it waits for it (labels over values are the common layout), and the line
  // over it must stand clearly further off than the label under it (a label we do not know, set over its value, would
  // otherwise hand that value to the next label whose own value is masked or missing). A bracketed caption over it is
  // no rival: it names the line over itself; nor is anything over the value of one (the brackets say what it is).
  const over = caption ? undefined : lineOver(layout, top, label);
  // A label set tight under a value of its own is a caption too (captions under values all down the form): it waits
  // for the line over it, not for this one. A label waits for a value of its field's shape: a block that cannot be
  // one (an address stacked over `住所:`, `成立日期:` over it; an issuer over `发证机关`, `技能等级` over it) is not
  // what it waits for. Nor is the value stacked under a label over it, or that value's wrapped last line (`其他股份有限` |
  // `公司(非上市)` under `类 型`, then `赵超嘉` over `法定代表人姓名`), a caption we do not know.
  const rival = (o: LayoutLine) =>
    !bracketedCaption(o) &&
    !waitsForOtherShape(o, block) &&
    !valueBesideOffBaseline(layout, o) &&
    ((waitingLabel(o) && !alignedValueBeside(layout, o) && !captionOfOwnValue(layout, o, top) && !nearerValueBeside(layout, o, top)) ||
      (gapBelow(o, top) < Math.max(gapBelow(last, label), label.box.height * 0.1) * 1.5 &&
        !valueStackedUnderLabel(layout, o) &&
        !wrapOfValueUnderLabel(layout, o)));
  // A line over the value set apart from it (not flush, not centred) beside a label of its own on its left is that
  // label's value, printed low: no rival.
  if (over && rival(over) && !(!alignedWith(over, top) && besideLabel(layout, over))) return undefined;
  return block.some(onRowOfLabel) ? undefined : block;
}

/**
 * How far over its label a value may stand and be stacked tight on it, in the label's heights: past it, a fill-in
 * printed 1–3 mm high (up to 1.1 of a line over the label on proc-S pages) must be nearer this label than any label
 * over it.
 */
const TIGHT_OVER = 0.45;

/**
 * True when `value`, more than TIGHT_OVER of a line over `label`, sits nearer a label over it in its column whose
 * field it fits (`2020-11-06` riding 12 px down into `合同起始日期` over it, 23 px over `合同期限至`): that label's value
 * printed low, not this one's printed high.
 */
function fartherThanLabelOver(layout: PageLayout, value: LayoutLine, label: LayoutLine): boolean {
  const mine = label.box.y - (value.box.y + value.box.height);
  if (mine <= label.box.height * TIGHT_OVER) return false;
  return layout.lines.some(
    (o) =>
      o !== label &&
      o !== value &&
      o.half === value.half &&
      o.hits.length > 0 &&
      centreY(o) < centreY(value) &&
      overlapShare(o, value) > 0 &&
      value.box.y - (o.box.y + o.box.height) < mine &&
      !waitsForOtherShape(o, [value]) &&
      !valueBesideOffBaseline(layout, o),
  );
}

/**
 * True when a label has a value of its own field beside it, set off its baseline by up to most of a line (a fill-in
 * printed high: `2018年8月29日` 21 px over `合同起始日期`'s middle on a 32 px row): the nearest line right of it, within
 * four of its heights, its middle within 0.9 of a line of the label's. Such a label waits for no line under it (the
 * end date stacked between it and `合同终止日期`).
 */
function valueBesideOffBaseline(layout: PageLayout, label: LayoutLine): boolean {
  const h = label.box.height;
  const beside = layout.lines
    .filter(
      (l) =>
        l !== label &&
        l.half === label.half &&
        l.box.x >= right(label) - h * 0.5 &&
        l.box.x - right(label) < h * 4 &&
        Math.abs(centreY(l) - centreY(label)) < h * 0.9,
    )
    .sort((a, b) => a.box.x - b.box.x)[0];
  return beside !== undefined && beside.hits.length === 0 && valueLike(beside) && shapedField(label) && !waitsForOtherShape(label, [beside]);
}

/**
 * Whether a label's field has a shape its value can be told by (a date, a code, a name, a level, an organisation's or
 * an occupation's name, a registrant type, a sum of capital): only then does a line beside it prove to be its value. A label we read
 * nothing from (`联系电话`) has none.
 */
function shapedField(label: LayoutLine): boolean {
  const form = label.hits[label.hits.length - 1]?.form ?? '';
  const group = LABEL_GROUP_OF.get(form);
  if (REGISTRANT_TYPE_LABEL.test(form) || CAPITAL_LABEL.test(form)) return true;
  if (!group) return false;
  return DATE_GROUPS.has(group) || CODE_GROUPS.has(group) || NAME_GROUPS.has(group) || WORD_GROUPS.has(group) || group === 'level';
}

/**
 * True when `line` is the value stacked tight under a label waiting for it (`330106…2579` riding up into `身份证号`):
 * a value whose label is known, no caption of ours nor a label we do not know.
 */
function valueStackedUnderLabel(layout: PageLayout, line: LayoutLine): boolean {
  return valueLike(line) && layout.lines.some((o) => o !== line && o.half === line.half && waitingLabel(o) && stackedLine(layout, o, false) === line);
}

/**
 * Whether another column of labels stands between `label` and `line` across the page: a label, on any row, starting
 * past `label`'s end and ending before `line` starts (a landscape 副本's second column, `成立日期` over its value, the
 * address's last line level with `营业期限` of the first column). A label's value beside it never lies past the labels of
 * the next column: `line` is that column's.
 */
function labelColumnBetween(layout: PageLayout, label: LayoutLine, line: LayoutLine): boolean {
  return layout.lines.some(
    (o) => o !== label && o.half === label.half && o.hits.length > 0 && o.box.x >= right(label) && right(o) <= line.box.x + line.box.height * 0.5,
  );
}

/**
 * True when `line`, or a line it wraps from (lines stacked tight over it, up to three), is the value stacked tight under
 * a waiting label with nothing on its row, however far off its baseline: the line is part of that label's value.
 */
function wrapOfValueUnderLabel(layout: PageLayout, line: LayoutLine): boolean {
  let top: LayoutLine | undefined = line;
  for (let step = 0; top && step < 4; step++) {
    // A whole date or term ends where it stands: the line under it is none of its wrap (`2009年02月24日至2029-02-24`
    // stacked under `营业期限`, then `浙江省…天目山路811号` over `住所`, the address's first line).
    if (top !== line && endsWhole(top.flat)) return false;
    const head = top;
    // A date's label waits for a date: a dateless head under it (an address under `成立日期:`) is not its value.
    const waitsForHead = (o: LayoutLine) =>
      !(DATE_GROUPS.has(LABEL_GROUP_OF.get(o.hits[o.hits.length - 1]?.form ?? '') as LabelGroup) && findDates(head.flat).length === 0);
    if (layout.lines.some((o) => o !== head && waitingLabel(o) && !valueOnItsRow(layout, o) && waitsForHead(o) && stackedLine(layout, o, false) === head))
      return true;
    top = stackedLine(layout, head, true, true);
  }
  return false;
}

/**
 * A line that is a whole date, or a whole term (`2009年02月24日至2029-02-24`, `2014.02.17至长期`): a value that goes on
 * onto no line under it.
 *
 * @example
 * endsWhole('2009年02月24日至2029-02-24'); // true
 */
function endsWhole(text: string): boolean {
  const dates = findDates(text, { compact: true });
  const last = dates[dates.length - 1];
  if (!last) return false;
  if (dates[0].index === 0 && last.index + last.length >= text.length) {
    const between = text.slice(dates[0].length, last.index);
    return dates.length === 1 || (dates.length === 2 && /^[至到~～—-]$/.test(between));
  }
  return dates.length === 1 && dates[0].index === 0 && /^[至到](长期|永久)$/.test(text.slice(dates[0].length));
}

/**
 * The value beside `label` on its row, however far off its baseline (a fill-in printed low on a keystoned photo:
 * `地址:` … `浙江省…` half a line lower; `证件号码` … its ID 0.7 of a line higher).
 */
function valueOnItsRow(layout: PageLayout, label: LayoutLine): LayoutLine | undefined {
  return linesRightOf(layout, label).find((l) => valueLike(l) && !LONE_CJK.test(l.flat));
}

/** True when a label stands left of `line`, its centre within a line height of the line's (a fill-in printed off its row). */
function besideLabel(layout: PageLayout, line: LayoutLine): boolean {
  const h = line.box.height;
  return layout.lines.some(
    (o) => o !== line && o.half === line.half && o.hits.length > 0 && right(o) <= line.box.x + h * 0.5 && Math.abs(centreY(o) - centreY(line)) < h,
  );
}

const DATE_GROUPS: ReadonlySet<LabelGroup> = new Set(['birthDate', 'issueDate', 'establishedDate', 'startDate', 'endDate', 'signedDate']);

/** Fields whose value is a code of digits (an ID, a credit code, a registration number): 15 characters or more. */
const CODE_GROUPS: ReadonlySet<LabelGroup> = new Set(['idNumber', 'creditCode', 'registrationNumber']);

/** Fields whose value is words (an occupation, an organisation's name): no long run of digits. */
const WORD_GROUPS: ReadonlySet<LabelGroup> = new Set(['occupation', 'issuer', 'employer', 'companyName', 'school']);

/** Fields whose value is an organisation's name. */
const ORG_GROUPS: ReadonlySet<LabelGroup> = new Set(['issuer', 'employer', 'companyName', 'school']);

/** How an organisation's name, or the last line of one wrapped, ends. */
const ORG_END = /(公司|中心|局|厅|所|院|校|会|部|店|社|厂|站|室)$/u;

/** Fields whose value is a person's name: a few Chinese characters. */
const NAME_GROUPS: ReadonlySet<LabelGroup> = new Set(['personName', 'legalRepresentative']);

/**
 * True when the lines of `block` cannot be the value `label` waits for, by the shape of its field (its last label's):
 * a date's label waits for a date, an ID's or a code's for a run of digits, a name's for a few characters with no
 * digit, a level's for a level. Which of two labels owns a line set between them is then the one whose field it fits
 * (an 18-digit ID is no name; an issuer is no level); an occupation or an organisation's name holds no ID's run of
 * digits. Fields with no shape of their own (addresses, terms) take any line.
 *
 * @example
 * waitsForOtherShape(levelLabel, [issuerLine]); // true: `杭州卓越家政服务有限公司` names no level
 */
export function waitsForOtherShape(label: LayoutLine, block: readonly LayoutLine[]): boolean {
  const form = label.hits[label.hits.length - 1]?.form ?? '';
  const group = LABEL_GROUP_OF.get(form);
  const text = block.map((l) => l.flat).join('');
  // A registrant's type or make-up (`个人经营`, `有限责任公司（自然人投资或控股）`) is a closed term with no digit: a date
  // stacked between `组成形式` and `注册日期` is the date label's.
  if (REGISTRANT_TYPE_LABEL.test(form)) return /\d/.test(text);
  // A sum of capital is an amount in 元: an address stacked over `住所:` under `注册资本:` (its `1000万元人民币` beside
  // it, printed high) is no value of its.
  if (CAPITAL_LABEL.test(form)) return !/[元万]/.test(text);
  if (!group) return false;
  if (DATE_GROUPS.has(group)) return block.every((l) => findDates(l.flat).length === 0);
  if (CODE_GROUPS.has(group)) return (text.match(/\d/g) ?? []).length < 8;
  // A name's line holds Chinese characters alone, no more than a name's (a compound surname, a minority's name with
  // its dot): no digit, no bracket (`控股)`, a registrant type's wrap, over `法定代表人`).
  if (NAME_GROUPS.has(group)) return !/^[\u3400-\u9fff·•]{2,8}$/u.test(text);
  if (group === 'level') return parseLevel(text) === null && text.length > 8;
  // An occupation or an organisation's name holds no run of digits a code or an ID number has; an organisation's
  // name is longer than a person's, or ends as one does (`公司`, a wrap's last line).
  if (ORG_GROUPS.has(group) && /^[\u3400-\u9fff]{2,4}$/u.test(text) && !ORG_END.test(text)) return true;
  if (WORD_GROUPS.has(group)) return /\d{6}/.test(text);
  return false;
}

/** Two lines set flush left, flush right or centred on each other (within a line height). */
function alignedWith(a: LayoutLine, b: LayoutLine): boolean {
  const h = Math.max(a.box.height, b.box.height);
  return Math.abs(a.box.x - b.box.x) < h || Math.abs(right(a) - right(b)) < h || Math.abs(centreX(a) - centreX(b)) < h;
}

/**
 * True when `value`, read under `label`, also sits tight over another label waiting for a value (a caption under
 * it): which of the two it belongs to is a guess about layout the clerk confirms.
 *
 * @example
 * overAnotherCaption(layout, nameLine, labelLine); // true when `持证人` waits right under the name
 */
export function overAnotherCaption(layout: PageLayout, value: LayoutLine, label: LayoutLine): boolean {
  return layout.lines.some((o) => o !== label && o !== value && o.half === value.half && waitingLabel(o) && stackedLine(layout, o, true) === value);
}

/**
 * True when a lone character and the next box on its row spell a label from its first character (`经` | `营场所:`, a
 * spread `经　营　场　所` boxed apart): the character opens the next field, it ends no value above it.
 */
function opensSpreadLabel(layout: PageLayout, lone: LayoutLine): boolean {
  const next = linesRightOf(layout, lone)[0];
  if (!next || next.box.x - right(lone) > lone.box.height * 3) return false;
  const hit = findHits(`${lone.flat}${next.flat}`)[0];
  return hit !== undefined && hit.start === 0 && !hit.fuzzy && hit.end > 1;
}

/**
 * A lone character just under a value, left of where the value starts and right of its label (`东方平` set to the
 * right of its cell, `燕` at the cell's left on the next line): the value may wrap there, in an order the layout
 * cannot tell; `undefined` when there is none.
 *
 * @example
 * loneCharacterLeftUnder(layout, valueLine, labelLine); // line('燕')
 */
export function loneCharacterLeftUnder(layout: PageLayout, value: LayoutLine, label: LayoutLine): LayoutLine | undefined {
  const h = value.box.height;
  return layout.lines.find(
    (o) => o !== label && loneCharacterTightUnder(layout, o, value) && o.box.x < value.box.x - h * 0.5 && o.box.x >= right(label) - h * 0.5,
  );
}

/** True when `o` is a lone Chinese character of `line`'s size set tight under it, and no spread label's head. */
function loneCharacterTightUnder(layout: PageLayout, o: LayoutLine, line: LayoutLine): boolean {
  const h = line.box.height;
  const gap = o.box.y - (line.box.y + h);
  return (
    o !== line &&
    o.half === line.half &&
    o.hits.length === 0 &&
    LONE_CJK.test(o.flat) &&
    Math.abs(o.box.height - h) < h * 0.25 &&
    gap > -h * 0.25 &&
    gap < h * 0.6 &&
    !opensSpreadLabel(layout, o)
  );
}

/** The last characters of two-character labels (`性别`, `民族`, `工种`, `住所`): what a spread one leaves when its head is lost. */
const TWO_CHARACTER_LABEL_TAILS: ReadonlySet<string> = new Set([...LABEL_GROUP_OF.keys()].filter((form) => [...form].length === 2).map((form) => [...form][1]));

/**
 * True when `line` is a lone Chinese character that ends a two-character label (`别` of `性　别`, its `性` lost to glare):
 * under a value, it is that label's remains as likely as the value's wrapped last character.
 *
 * @example
 * spreadLabelTail(line('别')); // true
 */
export function spreadLabelTail(line: LayoutLine): boolean {
  return line.hits.length === 0 && LONE_CJK.test(line.flat) && TWO_CHARACTER_LABEL_TAILS.has(line.flat);
}

/**
 * A lone Chinese character set tight under the start of `line`, of its size: the last character of a value wrapped in
 * a narrow cell (`………上官娟` | `琪`), or a sex printed off its row. A value read without it may be cut short. Never
 * the first character of a spread label (`经` | `营场所:`).
 *
 * @example
 * loneCharacterUnder(layout, nameLine)?.flat; // '琪'
 */
export function loneCharacterUnder(layout: PageLayout, line: LayoutLine): LayoutLine | undefined {
  return layout.lines.find((o) => loneCharacterTightUnder(layout, o, line) && Math.abs(o.box.x - line.box.x) < line.box.height * 0.6);
}
