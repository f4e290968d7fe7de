import { lostLineHead, NUMBER_SPLIT_AT_WRAP, numberSplitAtWrap, WRAPPED_LINE_HEAD_INCOMPLETE } from './wrapped-line-heads.js';
import { piecesAcrossGap, ROW_PIECES_JOINED } from './row-gap-pieces.js';
import { pieceOverWrap } from './pieces-over-wraps.js';
import { numberRunOnNextRow } from './numbers-run-on.js';
import { valueCutByWrap } from './values-cut-by-wraps.js';
import type { ExtractedField } from '../documents/index.js';
import { candidateConfidence, LabelMatch, type Candidate } from './confidence.js';
import {
  findHits,
  isMisreadWatermarkPiece,
  isStampCharactersOnly,
  linesBelow,
  linesRightOf,
  withoutOverprint,
  type LabelHit,
  type LayoutLine,
  type PageLayout,
} from './page-layout.js';
import {
  closestLabelIs,
  columnRight,
  continuationLines,
  cutAtGluedLabel,
  glossOfLabel,
  leadingLinesAbove,
  inSealRing,
  mergeLines,
  ownedByUnknownCaption,
  unknownCaption,
  rowOwner,
  sameLabelCell,
  SIGNATURE_REMARK,
  startsWithLabel,
  VALUE_MAY_CONTINUE,
  type ColumnSpan,
} from './continuation.js';
import { findDates } from './dates.js';
import { LABEL_PREFIXES } from './labels.js';
import { GRID_VALUE_LARGER, type GridCellValue, valueUnderGridLabel } from './grid-rows.js';
import {
  bracketedCaption,
  smallCaptionUnderValue,
  LOOSE_CAPTION_RATIO,
  loneCharacterLeftUnder,
  loneCharacterUnder,
  spreadLabelTail,
  offRowOwnerIs,
  otherLabelOwning,
  otherLabelOwningWrap,
  overAnotherCaption,
  overCaption,
  underWaitingLabelOfRow,
  labelCellEnd,
  valueAboveLabel,
  waitingLabel,
  waitingPart,
} from './stacked-values.js';
import { withFillInRealigned } from './page-shift.js';
import { loneCharacterRightBefore } from './split-value-head.js';
import { opensStampRemark } from './stamped-words.js';
import { readAsSecondChoice, withSecondChoices } from './second-choices.js';
import { DATE_DAY_MAY_CONTINUE, Evidence, NAME_PART_CUT, type Reading, type ValueReader } from './value-readers.js';
import { closesBracketNotOpenedIn, labelFollows, loneCharacterRightAfter, wrapMayOpenNextValue, wrapOfOtherValue } from './wrap-alignment.js';
import { endsRowInLabelColumn, flowingWrapLines, VALUE_ENDS_AT_FLOWING_LABEL, wrapUpToFlowingLabel } from './flowing-rows.js';
import { wrapOfLeftColumn } from './left-column-wraps.js';
import { centreX, centreY, gapBelow, right } from './line-geometry.js';
import { UNDER_CENTRED_CAPTION, linesAtColumnEdgeUnder, valueUnderCentredCaption } from './centred-caption.js';
import { gapAlongRow, heightLessRowTilt, textHeight } from './bent-rows.js';

export interface SearchOptions {
  /**
   * The value may wrap over the next lines of its column (organisation names, addresses, issuers, 经营范围): it is
   * read with every line that continues it, and one that goes on past three lines is flagged `value_may_continue`.
   */
  wrap?: boolean;
}

/** How much less sure a value is when its label was read with one character wrong or missing. */
const FUZZY_LABEL = 0.98;
/** About the longest name or address a licence or card prints (40 characters): how many lines a narrow column may wrap it onto. */
const LONG_VALUE_CHARACTERS = 40;
/** How much of a value a cell six characters wide or less is followed down for (a branch's name two a line: 12 lines). */
const NARROW_CELL_CHARACTERS = 24;
/** A short value read only by joining the line under it (`二〇一八年八月十九` | `日`). */
const JOINED_GUESS = 0.9;
/** A value printed off its label's row (dot-matrix fill-in above or below the line, a label centred on a wrapped value). */
const OFF_ROW = 0.95;
/** An off-row value only a little nearer its label than the next label of the column: a pairing to confirm. */
const AMBIGUOUS_ROW = 0.88;

/**
 * Every place a labelled value can be read on the pages: for each occurrence of one of `labels`, the text after the
 * label on its line, else the nearest line to its right on the same row, else the line below.
 *
 * @example
 * findLabelledCandidates(layouts, ['姓名', '持证人'], readPersonName);
 */
export function findLabelledCandidates(
  layouts: readonly PageLayout[],
  labels: readonly string[],
  reader: ValueReader,
  options: SearchOptions = {},
): Candidate[] {
  const candidates: Candidate[] = [];
  // A page whose whole fill-in layer is printed off its labels by one offset is read with it moved back (page-shift.ts).
  for (const layout of layouts.map(withFillInRealigned)) {
    // A wrapped value is read with the lines that continue it (and, beside a label centred on it, the lines above).
    // The label whose value is being read (set for each label hit below): a line on its own row is still its value's.
    let ownLabel: LayoutLine | undefined;
    // The engine boxed a value's last character apart, right after it (`欧阳琪` | `华`): read joined, for the clerk
    // to confirm; never left cut unflagged.
    const withSplitTail = (candidate: Candidate): Candidate | undefined => {
      const tail = endsLine(candidate.line, candidate.raw) ? loneCharacterRightAfter(layout.lines, candidate.line) : undefined;
      if (!tail) return undefined;
      const raw = `${candidate.raw}${tail.flat}`;
      const joined = reader(raw);
      if (!joined) return withIssue(candidate, VALUE_MAY_CONTINUE);
      return { ...candidate, reading: { ...joined, issues: [...joined.issues, 'split_value_inferred'] }, line: mergeLines([candidate.line, tail], raw), raw };
    };
    const buildAsRead = (base: Omit<Candidate, 'reading'> & { reading: Reading | null }, first: LayoutLine, column: ColumnSpan, above: LayoutLine[] = []) => {
      let candidate: Candidate | undefined = base.reading ? (base as Candidate) : undefined;
      // A number cut by the wrap of run-on prose (`身份证号码:330` | `102197701043000。参保状态…`): its rest opens the
      // next row. Not past a number read whole by its check digit.
      const runOn = above.length === 0 && candidate?.reading.evidence !== Evidence.checksum ? numberRunOnNextRow(layout, first, base.raw, reader) : undefined;
      if (runOn && runOn.reading.value !== candidate?.reading.value)
        return { ...base, reading: runOn.reading, line: mergeLines([first, runOn.next], runOn.raw), raw: runOn.raw };
      if (!options.wrap) {
        if (candidate) {
          // A value read with a flaw that the line under it in its column makes whole (a code wrapped at its cell's
          // edge, `91330106MA20MH5YY` | `5(1-1)`): read joined, as a guess the clerk confirms (the join's lower match).
          // Numbers and dates only: a name cut in its cell has its own joins below, which say why they joined.
          const flawed =
            candidate.reading.issues.length > 0 && !/[\u3400-\u9fff]/u.test(base.raw) && endsLine(first, base.raw)
              ? (lineUnder(layout, first, column) ?? lineCentredUnder(layout, first))
              : undefined;
          const whole = flawed ? reader(`${base.raw}${flawed.leading}`) : null;
          if (flawed && whole && whole.issues.length === 0 && whole.plausibility === 1 && whole.value !== candidate.reading.value) {
            const raw = `${base.raw}${flawed.leading}`;
            return { ...base, reading: whole, line: mergeLines([first, flawed], raw), raw, labelMatch: base.labelMatch * JOINED_GUESS };
          }
          // The engine boxed the value's last character apart, right after it (`欧阳琪` | `华`): read joined, for the
          // clerk to confirm; never left cut unflagged.
          const split = withSplitTail(candidate);
          if (split) return split;
          // A short value wrapped in a narrow cell before its last character (`………上官娟` | `琪` tight under the line's
          // start): read joined, as a guess the clerk confirms, when the character changes the value (a seal's
          // character under a date does not); a lone 男/女 there is a sex printed off its row.
          const under = endsLine(first, base.raw) ? loneCharacterUnder(layout, first) : undefined;
          const joinedUnder = under && !/^[男女]$/.test(under.flat) ? reader(`${candidate.raw}${under.flat}`) : null;
          if (under && joinedUnder && joinedUnder.value !== candidate.reading.value) {
            const raw = `${candidate.raw}${under.flat}`;
            return { ...candidate, reading: { ...joinedUnder, issues: [...joinedUnder.issues, WRAP_INFERRED] }, line: mergeLines([first, under], raw), raw };
          }
          // A minority name cut in a narrow cell (`阿依古丽·吾` | `拉木` centred under it): read with the line under it
          // in its column when that makes the part whole, as a guess the clerk confirms.
          const partLine = candidate.reading.issues.includes(NAME_PART_CUT) && endsLine(first, base.raw) ? lineUnder(layout, first, column) : undefined;
          const wholePart = partLine ? reader(`${candidate.raw}${partLine.leading}`) : null;
          if (partLine && wholePart?.value && !wholePart.issues.includes(NAME_PART_CUT)) {
            const raw = `${candidate.raw}${partLine.leading}`;
            return { ...candidate, reading: { ...wholePart, issues: [...wholePart.issues, WRAP_INFERRED] }, line: mergeLines([first, partLine], raw), raw };
          }
          // A lone character under it at the left of its cell, right of the label (`东方平` | `燕`): the value may wrap
          // there, in an order the layout cannot tell; the clerk reads it.
          const leftUnder = ownLabel && !under ? loneCharacterLeftUnder(layout, first, ownLabel) : undefined;
          if (leftUnder && ownLabel && closestLabelIs(layout, leftUnder, ownLabel)) return withIssue(candidate, VALUE_MAY_CONTINUE);
          // A value cut at the right edge of run-on prose (`，劳动者姓名：唐志` | `红，…`): read with the piece at the margin.
          const margin = endsLine(first, base.raw) ? marginLineAfter(layout, first) : undefined;
          if (!margin) return candidate;
          const withMargin = joinedWith(base, reader, [first], margin, layout);
          // The piece at the margin read with it changes nothing (`2005.05.01` | `部`, a date whole, the next row's
          // wrap of another cell): it is no part of this value.
          if (withMargin?.reading.value === candidate.reading.value && candidate.reading.plausibility === 1 && candidate.reading.issues.length === 0)
            return candidate;
          return withMargin ?? withIssue(candidate, VALUE_MAY_CONTINUE);
        }
        // A value stacked over its caption that wraps (`杭州嘉禾网络科技健康服务有限` | `公司` | `用人单位`): its last line
        // alone reads as nothing, so its lines are read joined, top first, as a guess the clerk confirms.
        if (above.length > 0) {
          const raw = withoutOverprint([...above.map((l) => l.leading), base.raw].join(''));
          const reading = reader(raw);
          if (reading) return withIssue({ ...base, reading, line: mergeLines([...above, first], raw), raw }, WRAP_INFERRED);
        }
        // A short value wrapped at its column's edge (`二〇一八年八月十九` | `日`): read with the next line of its column.
        // The piece may sit on the label's own row (a label centred on the two lines), so no row owner stops it.
        const next = lineUnder(layout, first, column);
        if (!next) {
          // Prose wraps a value too: inside its narrow blank (lines flush under it at the paragraph's pitch), or at the
          // text's right edge, going on at the margin (`起始日期：二〇一八年七月` | `四日，…`).
          const stacked = stackedBlankLines(layout, first, column);
          if (stacked.length > 0) return joinedWith(base, reader, [first, ...stacked]);
          // Read alone it is nothing (`起始日期：2021年` | `10月4日`): it is a head, and the row may end short of the
          // block's edge by the width of the word that did not fit (a number of two digits).
          const margin = endsLine(first, base.raw) ? marginLineAfter(layout, first, false, first.box.x, true) : undefined;
          return margin ? joinedWith(base, reader, [first], margin, layout) : undefined;
        }
        const raw = `${base.raw}${next.leading}`;
        const reading = reader(raw);
        // Which line continues a short value is a guess about layout: the clerk confirms it. Two lines that read with a
        // flaw may be a value wrapped three or four times down its narrow cell (`33010619` | `85081200` | `27`).
        const deeper =
          reading && (reading.plausibility < 1 || reading.issues.length > 0)
            ? cellLinesReadingWhole(layout, base.raw, [first, next], column, reader)
            : undefined;
        if (deeper)
          return { ...base, reading: deeper.reading, line: mergeLines(deeper.lines, deeper.raw), raw: deeper.raw, labelMatch: base.labelMatch * JOINED_GUESS };
        if (reading) return { ...base, reading, line: mergeLines([first, next], raw), raw, labelMatch: base.labelMatch * JOINED_GUESS };
        // A cell narrower still wraps a date two or three times (`2018` | `年9月` | `5日`, `2019` | `年7` | `月4` | `日`):
        // read the short lines joined, as a guess too. Only pieces as short as such a cell holds: a whole line under
        // them is a value of its own. A day that may still go on is read with the next piece.
        const pieces = [first, next];
        while (pieces.length < 4 && pieces.every((l) => l.flat.length <= 6)) {
          const more = lineUnder(layout, pieces[pieces.length - 1], column);
          if (!more || more.flat.length > 6) return undefined;
          pieces.push(more);
          const joined = `${base.raw}${pieces
            .slice(1)
            .map((l) => l.leading)
            .join('')}`;
          const read = reader(joined);
          if (read && !read.issues.includes(DATE_DAY_MAY_CONTINUE)) {
            return { ...base, reading: read, line: mergeLines(pieces, joined), raw: joined, labelMatch: base.labelMatch * JOINED_GUESS };
          }
        }
        return undefined;
      }
      // Values set in a narrow cell wrap every few characters (six or fewer a line: `浙江省杭州` | `市西湖区翠` | …): allow
      // more lines for them, enough for 24 characters (a branch's name two characters a line: `杭州` | `博远` | … | `公司`),
      // and as many as a long address needs in a column of seven to thirteen (`浙江省杭州市西` | `湖区文新街道天` | … |
      // `1907室`, five lines).
      const firstLength = first.flat.length - (first === base.line && first.hits.length > 0 ? first.hits[first.hits.length - 1].end : 0);
      const maxLines =
        firstLength <= 6
          ? Math.max(8, Math.ceil(NARROW_CELL_CHARACTERS / Math.max(1, firstLength)))
          : Math.max(3, Math.ceil(LONG_VALUE_CHARACTERS / firstLength));
      const { lines: tight, more, throughOwnLabel, splitAcrossGap, rejectedBelow, pieceLeftOut } = continuationLines(layout, first, column, maxLines, ownLabel);
      // A value wrapped inside a narrow blank of prose: its lines sit flush under it at the paragraph's line pitch.
      const stacked = tight.length === 0 && !more ? stackedBlankLines(layout, first, column) : [];
      // A licence that flows each value into the next row: the value stops on the row its next label ends (flowing-rows.ts).
      // A flowing licence's value wrapped at the row-end label column goes on at the next row's margin (flowing-rows.ts).
      const flowing = tight.length === 0 && stacked.length === 0 && above.length === 0 ? flowingWrapLines(layout.lines, first) : [];
      const wrapLines = tight.length > 0 ? tight : stacked.length > 0 ? stacked : flowing;
      let below = wrapUpToFlowingLabel(layout.lines, first, wrapLines);
      let gluedLabelCut = false;
      // Wrapped back under the value's own label (continuation.ts, `hangsUnderLabel`): a guess about layout.
      const hanging = column.labelStart !== undefined && tight.some((l) => l.box.x < column.min - textHeight(first) * 0.5);
      const cutAtFlowingLabel = below.length < wrapLines.length;
      // Cut on the row its next label ends, a value that reads whole only with the lines after (`…建设路34` | `3号22幢
      // 1101室`, then `一般项目：…` for 经营项目): the next label's value starts after them. Up to two more, still flagged.
      if (cutAtFlowingLabel && above.length === 0) {
        const readWith = (lines: readonly LayoutLine[]) => reader(withoutOverprint([base.raw, ...lines.map((l) => l.leading)].join('')));
        if ((readWith(below)?.plausibility ?? 0) < 1) {
          const whole = [1, 2].map((more) => wrapLines.slice(0, below.length + more)).find((lines) => readWith(lines)?.plausibility === 1);
          if (whole) below = whole;
        }
      }
      // A lone 男/女 under a value is a sex printed off its 性别 row (a fill-in printer's offset), far likelier than a
      // name wrapped before its last character: read without it, for the clerk to confirm.
      if (candidate && above.length === 0 && below.length === 1 && /^[男女]$/.test(below[0].flat)) return withIssue(candidate, VALUE_MAY_CONTINUE);
      // A wrap that runs on into the next label glued to it (`西溪文化创意` | `经营部类型个体工商户`): the value ends before
      // that label where it then reads better, as a guess the clerk confirms.
      const glued = below.findIndex((l) => l.hits.length === 0 && cutAtGluedLabel(l));
      if (glued >= 0) {
        const cut = [...below.slice(0, glued), cutAtGluedLabel(below[glued])!];
        const readCut = (lines: readonly LayoutLine[]) =>
          reader(withoutOverprint([...above.map((l) => l.leading), base.raw, ...lines.map((l) => l.leading)].join('')));
        const whole = readCut(below);
        const before = readCut(cut);
        if (before && (!whole || before.plausibility > whole.plausibility)) {
          below = cut;
          gluedLabelCut = true;
        }
      }
      if (below.length > 0 || above.length > 0) {
        const raw = withoutOverprint([...above.map((l) => l.leading), base.raw, ...below.map((l) => l.leading)].join(''));
        const reading = reader(raw);
        if (reading) {
          candidate = { ...base, reading, line: mergeLines([...above, first, ...below], raw), raw };
          // Lines joined across prose spacing, or through a line level with the value's own label (which could be a
          // value that label waits for), are a guess about layout: the clerk confirms it.
          if (stacked.length > 0 || flowing.length > 0 || (throughOwnLabel && tight.length > 0) || gluedLabelCut || hanging)
            candidate = withIssue(candidate, WRAP_INFERRED);
          // A lone character under a short value that ends a two-character label (`别` of a spread `性　别` whose `性`
          // glare took, under `陆建`) is that label's remains as likely as the value's last character: the clerk reads it.
          if (below.length === 1 && above.length === 0 && spreadLabelTail(below[0])) candidate = withIssue(candidate, WRAP_INFERRED);
          if (splitAcrossGap && tight.length > 0) candidate = withIssue(candidate, ROW_PIECES_JOINED);
          if (pieceLeftOut && tight.length > 0) candidate = withIssue(candidate, VALUE_MAY_CONTINUE);
          // Its lines run on into the next value's with nothing to part them, the value off its label's row: the last
          // wrap may open the next value as well.
          if (wrapMayOpenNextValue(first, tight, rejectedBelow, ownLabel, textHeight(first))) candidate = withIssue(candidate, WRAP_INFERRED);
          // The first line split at a gap with a piece beside it (`住址 浙江省温州` | `市鹿城区莫干`): joined under it, the
          // value passed that piece over; which goes where is for the clerk (a value and text printed after it look alike).
          // So with a box on the first line's row over the wrap's span, however far apart (`杭州` … `明达`, glare between).
          if (below.length > 0 && (piecesAcrossGap(layout, first, column.end).length > 0 || pieceOverWrap(layout, first, below[0], column.end)))
            candidate = withIssue(candidate, VALUE_MAY_CONTINUE);
        } else if (candidate) candidate = withIssue(candidate, VALUE_MAY_CONTINUE);
        // A line of it that lost a character at its head still reads whole: the clerk restores it.
        if (candidate && lostLineHead([...above, first, ...below])) candidate = withIssue(candidate, WRAPPED_LINE_HEAD_INCOMPLETE);
        if (candidate && below.length + above.length > 0 && numberSplitAtWrap([...above, first, ...below]))
          candidate = withIssue(candidate, NUMBER_SPLIT_AT_WRAP);
      } else if (!candidate) {
        // Run-on prose cut a value at the text's right edge before it reads as one (`评价单位:杭州西溪` |
        // `职业技术培训中心。`): read it with the margin line's first piece, as a guess the clerk confirms.
        const margin = endsLine(first, base.raw) ? marginLineAfter(layout, first) : undefined;
        if (margin) return joinedWith(base, reader, [first], margin, layout);
      }
      // Cut at a flowing licence's next label: where the value ends is read from layout alone, for the clerk to confirm.
      if (candidate && cutAtFlowingLabel) candidate = withIssue(candidate, VALUE_ENDS_AT_FLOWING_LABEL);
      if (candidate && below.length === 0 && above.length === 0 && !candidate.reading.issues.includes(VALUE_MAY_CONTINUE)) {
        const split = withSplitTail(candidate);
        if (split) return split;
        // A box right after the value on its row, inside its column, that would change the value if it were part of
        // it (`杭州西子智能` | `科技有限公司`): the value may be cut short at a box boundary.
        const next = boxRightAfter(layout, first, column);
        if (next && reader(`${candidate.raw}${next.text}`)?.value !== candidate.reading.value) return withIssue(candidate, VALUE_MAY_CONTINUE);
      }
      if (candidate && !more && !candidate.reading.issues.includes(VALUE_MAY_CONTINUE)) {
        // A line left out that still looks like part of the value (one above, set as tight as a wrapped line; one
        // below, a little further than a wrapped line goes, as prose lines are spaced): the value read may be only
        // part of it. Weak evidence of where the value ends: the clerk sees it whole.
        const top = above[0] ?? first;
        const last = below[below.length - 1] ?? first;
        const endsLast = below.length > 0 ? last.hits.length === 0 : endsLine(first, base.raw);
        const margin = endsLast ? marginLineAfter(layout, last) : undefined;
        if (margin && !looseLineAbove(layout, top, column)) {
          // Run-on prose: the value goes on at the margin (`…学院路295号19幢` | `402室　经营项目…`); read it joined.
          const joined = joinedWith({ ...candidate, raw: candidate.raw }, reader, [...above, first, ...below], margin, layout);
          if (joined) return joined;
        }
        // A line under it that a seal or stamp swelled (`东方` | `霞仅供补贴申报使用`) may hold the rest of it too.
        if (looseLineAbove(layout, top, column) || looseLineBelow(layout, last, column) || margin || overprintedLineUnder(layout, last, column)) {
          return withIssue(candidate, VALUE_MAY_CONTINUE);
        }
      }
      return candidate && more ? withIssue(candidate, VALUE_MAY_CONTINUE) : candidate;
    };
    // A value cut by the wrap of run-on prose (`受聘人：余涵` | `丽，…`, `2024年` | `3月1日`): read whole with the row
    // under's opening, where nothing else joined it (values-cut-by-wraps.ts).
    const build = (base: Omit<Candidate, 'reading'> & { reading: Reading | null }, first: LayoutLine, column: ColumnSpan, above: LayoutLine[] = []) => {
      const read = buildAsRead(base, first, column, above);
      if (above.length > 0 || (read && read.raw !== base.raw)) return read;
      const cut = valueCutByWrap(layout, first, base.raw, reader);
      return cut ? { ...base, reading: cut.reading, line: mergeLines([first, cut.next], cut.raw), raw: cut.raw } : read;
    };
    const push = (...args: Parameters<typeof build>) => {
      const candidate = build(...args);
      if (candidate) candidates.push(candidate);
    };
    for (const line of layout.lines) {
      // Two of a seal's ring characters boxed as one (`职业` of `…职业技能鉴定指导中心` round the seal) spell no label.
      if (sealPair(layout, line)) continue;
      for (let h = 0; h < line.hits.length; h++) {
        const hit = line.hits[h];
        const rank = labels.indexOf(hit.form);
        if (rank < 0) continue;
        // Where a party signs (`乙方(签字):`), a signature or the date under it stands more often than a printed
        // name: read after every label that asks for the value itself (`劳动者姓名`). So where it seals (`甲方(盖章):`):
        // the seal's lettering beside it is read in pieces (`不隐信息技术` for 杭州灵隐信息技术有限公司).
        const labelRank = hit.signature || hit.sealed ? labels.length + rank : rank;
        // Known only by its English gloss, a label is too weak a claim on a line of its row.
        ownLabel = hit.inferred ? undefined : line;
        const fuzzy = hit.fuzzy ? FUZZY_LABEL : 1;
        // A spread label cut across boxes leaves its first character glued after the value's separator
        // (`职业(工种)名称：电子商务师，级` | `别：`): the value ends at the separator, a guess the clerk confirms.
        const spread =
          h === line.hits.length - 1
            ? (spreadLabelStart(withoutGloss(hit.inlineValue)) ?? gluedLabelStart(layout, line, withoutGloss(hit.inlineValue)))
            : undefined;
        const inlineValue = spread ?? withoutGloss(hit.inlineValue);
        if (inlineValue) {
          const labelMatch = (hit.clean ? LabelMatch.inline : LabelMatch.inlineLoose) * fuzzy;
          const column = inlineColumn(layout, line, hit, line.hits[h + 1]);
          // A wrapped value glued after a label centred on it (`浙江省杭州市西湖区` over `住所 建设路376号26幢1` over
          // `406室`): its first line stands above the label's row, flush with the glued part.
          // Only for a glued part that is no whole value by itself (an issuer glued whole beside a seal's lettering is).
          const inlineReading = reader(inlineValue);
          const above =
            options.wrap && h === line.hits.length - 1 && (inlineReading?.plausibility ?? 0) < 1 ? leadingLinesAbove(layout, line, line, column, 2) : [];
          const candidate = build({ reading: inlineReading, line, labelMatch, raw: inlineValue, labelRank }, line, column, above);
          // Glued to its label, a value must look fully typical: `甲方每月15日前支付…` is prose, not a party.
          if (candidate && (hit.clean || candidate.reading.plausibility >= 1)) {
            candidates.push(spread === undefined ? candidate : withIssue(candidate, 'value_boundary_inferred'));
            continue;
          }
          if (h === line.hits.length - 1) {
            // A value the engine split into two boxes on its row (`颁证日期:二〇-` … `0年三月十日`): read them joined,
            // as a guess the clerk confirms.
            // Untrimmed: the character at the cut is often part of the value (`一` read as `-`).
            const head = line.text.slice(hit.end).replace(/^\s*:?\s*/, '');
            const rest = nearestValueLine(linesRightOf(layout, line));
            const joined = rest ? reader(`${head}${rest.text}`) : null;
            if (rest && joined && sameRowMatch(layout, line, rest.line) === LabelMatch.sameRow) {
              const reading = { ...joined, issues: [...joined.issues, 'split_value_inferred'] };
              candidates.push({ reading, line, labelMatch: LabelMatch.sameRow * 0.9, raw: `${head}${rest.text}`, labelRank });
              continue;
            }
          }
          // Text after a label that is not its value (a unit, a remark): look beside and below.
          if (h < line.hits.length - 1 || /[\u3400-\u9fff]{2}/.test(inlineValue)) continue;
        }
        // A label with nothing after it: its value sits to the right (table-like forms) or below it. Only the last
        // label of a line can own the line to its right.
        const last = h === line.hits.length - 1;
        // A line on the row that is another label's (stacked on a label of the next column that waits for it, or past
        // such a label) is not this label's value: look past it.
        const rightOf = last ? linesRightOf(layout, line) : [];
        const first = nearestValueLine(rightOf);
        const neighbour =
          first && otherLabelOwning(layout, first.line, line) ? nearestValueLine(rightOf.filter((o) => !otherLabelOwning(layout, o, line))) : first;
        // A label known only by its English gloss is a guess: what it leads to goes to the clerk.
        const inferred = (hit.inferred ? 0.9 : 1) * fuzzy;
        // A bracketed caption under a fill-in line (`（姓名）`) names the line over it: read that first.
        // So does a caption set small under its value, with no brackets (`持证者姓名` under `热依拉·买买提`).
        const sureCaption = last && !inlineValue && (bracketedCaption(line) || smallCaptionUnderValue(layout, line));
        // Only a little smaller than the line over it: a caption as likely as not, its value for the clerk to confirm.
        const looseCaption = last && !inlineValue && !sureCaption && smallCaptionUnderValue(layout, line, LOOSE_CAPTION_RATIO);
        const captioned = sureCaption || looseCaption ? valueAboveLabel(layout, line, looseCaption) : undefined;
        if (captioned) {
          const over = captioned[captioned.length - 1];
          const overValue = build(
            { reading: reader(over.leading), line: over, labelMatch: LabelMatch.below * inferred, raw: over.leading, labelRank },
            over,
            valueColumn(layout, over),
            captioned.slice(0, -1),
          );
          if (overValue) {
            candidates.push(looseCaption ? withIssue(overValue, CAPTION_INFERRED) : overValue);
            continue;
          }
          // Nothing over it reads as the value (another caption's value, `固定期限` over `（合同起始日期）`): a bracketed
          // label of a form that sets values beside its labels; look beside it.
        }
        if (neighbour) {
          const reading = reader(neighbour.text);
          // A licence that flows its values may wrap one back under its label's start (continuation.ts, `labelStart`).
          const column = { ...valueColumn(layout, neighbour.line), ...(line.leading === '' && h === line.hits.length - 1 ? { labelStart: line.box.x } : {}) };
          // A value in a narrow cell wraps every few characters, so more of its lines stand above the label's row: up
          // to four of four characters or fewer, three of eight or fewer (an address of 40 characters centred on
          // `营业场所` in seven lines of five to eight, three over the label's row).
          const aboveLines = neighbour.line.flat.length <= 4 ? 4 : neighbour.line.flat.length <= 8 ? 3 : 2;
          const above = options.wrap ? leadingLinesAbove(layout, neighbour.line, line, column, aboveLines) : [];
          const labelMatch = sameRowMatch(layout, line, neighbour.line) * inferred;
          // A short value wrapped in a cell centred on its label (`二〇二一年三` | `月十八日`, the label's row on the
          // second line): the line beside the label reads only with the one above it. A guess the clerk confirms.
          // A whole fill-in printed above its row leaves only its tail beside the label, its head tight over that tail
          // and nearer the label above (`2021年6月` | `13日` beside `起始日期`): taken when neither reads alone.
          const lead = !options.wrap && !reading ? leadingLinesAbove(layout, neighbour.line, line, column, 1) : [];
          if (!options.wrap && !reading && lead.length === 0) {
            const head = headTightAbove(layout, neighbour.line);
            if (head && !reader(head.leading)) lead.push(head);
          }
          let leadRaw = lead.length > 0 ? `${lead[0].leading}${neighbour.text}` : '';
          let leadReading = leadRaw ? reader(leadRaw) : null;
          // Three lines centred on the label (`二〇一九年` | `四月二十一` beside it | `日`): the short value's
          // middle line is on the label's row, its head above and its last character under it.
          const tail = lead.length > 0 && !leadReading ? lineUnder(layout, neighbour.line, column) : undefined;
          if (tail && !closestLabelIs(layout, tail, line)) leadReading = null;
          else if (tail) {
            leadRaw = `${leadRaw}${tail.leading}`;
            leadReading = reader(leadRaw);
          }
          if (leadReading) {
            const joinedReading = { ...leadReading, issues: [...leadReading.issues, WRAP_INFERRED] };
            candidates.push({
              reading: joinedReading,
              line: mergeLines(tail ? [lead[0], neighbour.line, tail] : [lead[0], neighbour.line], leadRaw),
              labelMatch: labelMatch * JOINED_GUESS,
              raw: leadRaw,
              labelRank,
            });
            continue;
          }
          // A value the layout cut into boxes at a word that is itself a label (`杭州市` | `职业` | `能力建设指导服务中心`):
          // nothing reads alone, the boxes side by side read as one. A guess the clerk confirms.
          const pieces = options.wrap && !reading && above.length === 0 ? rowPiecesAfter(layout, neighbour.line) : [];
          const piecesRaw = pieces.length > 0 ? [neighbour.text, ...pieces.map((p) => p.text)].join('') : '';
          const piecesReading = piecesRaw ? reader(piecesRaw) : null;
          if (piecesReading && pieces.some((p) => p.hits.length > 0)) {
            candidates.push({
              reading: { ...piecesReading, issues: [...piecesReading.issues, 'split_value_inferred'] },
              line: mergeLines([neighbour.line, ...pieces], piecesRaw),
              labelMatch: labelMatch * JOINED_GUESS,
              raw: piecesRaw,
              labelRank,
            });
            continue;
          }
          // A spread label's first character glued after the value in its own box (`…有限公司类` | `型:…`): the value
          // ends before it, a guess the clerk confirms.
          const cut = gluedLabelStart(layout, neighbour.line, neighbour.text);
          const cutReading = cut ? reader(cut) : null;
          if (cut && cutReading) {
            const cutCandidate = build({ reading: cutReading, line: neighbour.line, labelMatch, raw: cut, labelRank }, neighbour.line, column, above);
            if (cutCandidate) {
              candidates.push(withIssue(cutCandidate, 'value_boundary_inferred'));
              continue;
            }
          }
          // The engine boxed the value's first character apart, between the label and the rest (`受聘人` `陶` `国振`, a
          // value letter-spaced on its blank): read joined, for the clerk to confirm; never left cut unflagged.
          // A lone character further off may be a stray mark as well as the head: the value is only flagged.
          const before = above.length === 0 ? loneCharacterRightBefore(layout.lines, neighbour.line, line) : undefined;
          const head = before?.tight ? before.line : undefined;
          if (before) {
            const headRaw = head ? `${head.flat}${neighbour.text}` : neighbour.text;
            const headReading = head ? reader(headRaw) : null;
            const headBase =
              head && headReading
                ? { reading: headReading, line: mergeLines([head, neighbour.line], headRaw), labelMatch, raw: headRaw, labelRank }
                : { reading, line: neighbour.line, labelMatch, raw: neighbour.text, labelRank };
            const headed = build(headBase, neighbour.line, column);
            if (headed) {
              candidates.push(withIssue(headed, headReading ? 'split_value_inferred' : VALUE_MAY_CONTINUE));
              continue;
            }
          }
          const besideValue = build({ reading, line: neighbour.line, labelMatch, raw: neighbour.text, labelRank }, neighbour.line, column, above);
          if (besideValue) {
            candidates.push(besideValue);
            continue;
          }
          // Nothing on the row reads as the value (a `(2-1)` after the label): it may be printed off the row.
        }
        // Nearest first; a line the field's reader rejects (the wrapped end of the row above's address) is looked past.
        const offRows = last ? offRowValueLines(layout, line) : [];
        const offRow = offRows.find((o) => reader(o.leading)) ?? offRows[0];
        if (offRow) {
          const reading = reader(offRow.leading);
          const column = valueColumn(layout, offRow);
          // A value in a narrow cell, centred on its label, wraps every few characters above and below the label's
          // row (`杭州` | `启航` | `建筑` | `发证单位` | `工程` | `有限` | `公司`), as a value beside its row does.
          const above = options.wrap ? leadingLinesAbove(layout, offRow, line, column, offRow.flat.length <= 4 ? 4 : 2) : [];
          // Nearly as close to another label of the column: the nearer label takes it, but the clerk confirms.
          const ambiguous = closestLabelIs(layout, offRow, line) ? 1 : AMBIGUOUS_ROW;
          const base = { reading, line: offRow, labelMatch: LabelMatch.sameRow * OFF_ROW * ambiguous * inferred, raw: offRow.leading, labelRank };
          if (reading || above.length > 0) {
            push(base, offRow, column, above);
            continue;
          }
          // A short value wrapped in a narrow cell beside a label centred on it (`2018年5月14` | `日`): read joined,
          // as a guess the clerk confirms. Its two lines may stand equally far above and below the label's row
          // (`2020年11月` over it, `24日` under it): the nearest is then as likely its tail as its head, so the lines
          // are tried top first.
          // More pieces than the label's reach holds (`2019` | `年07` | `月11` | `日`): from heads flush over them.
          const readFrom = (o: LayoutLine) => build({ ...base, line: o, raw: o.leading }, o, valueColumn(layout, o));
          const joined = options.wrap
            ? undefined
            : ([offRow, ...[...offRows].sort((a, b) => a.box.y - b.box.y)].map(readFrom).find((c) => c !== undefined) ??
              joinFromHeadsAbove(layout, offRows, readFrom));
          if (joined) {
            candidates.push(joined);
            continue;
          }
        }
        // A label that ends a line of run-on prose (`合同类型：无固定期限　起始日期：` | `2018年3月25日 …`): its value
        // starts the next line at the margin. A guess about layout: the clerk confirms it.
        // A name spread character by character may leave its first character alone on the label's row, the rest at
        // the margin (`职工姓名:　司` | `马　嘉　涵`): read joined, the lone character first.
        const lone = last && !inlineValue ? loneCharacterAfter(layout, line) : undefined;
        // The margin line must end before the label does: a label that ends a line of other fields
        // (`注册日期:2009/11/30 经营场所:`) starts well right of the line's start.
        const labelX = lone ? undefined : line.box.x + (line.box.width * hit.start) / Math.max(1, line.text.length);
        const margin = last && !inlineValue ? marginLineAfter(layout, lone ?? line, true, labelX) : undefined;
        // A margin line set under another label of the row that waits for its value (`法定代表人` … `劳动者姓名`
        // over `黎一雪` … `田宇静`) is that label's: a grid's row of labels, not run-on prose.
        // Nor is it this label's when the label stands in a grid's label row whose value row has a line in this
        // label's cell (`⑤法定代表人　⑥乙方` over `张刚　俞秀`, each value at its cell's left): the margin line is
        // the first cell's value.
        // Found once for this label: the grid's value under it is tried again below when nothing else is taken.
        let gridCellFound: { cell: GridCellValue | undefined } | undefined;
        const gridCellOfLabel = () => (gridCellFound ??= { cell: valueUnderGridLabel(layout, line) }).cell;
        const gridCell = margin && !lone ? gridCellOfLabel()?.line : undefined;
        const runOn = margin && !lone && (underWaitingLabelOfRow(layout, margin, line) || (gridCell !== undefined && gridCell !== margin)) ? undefined : margin;
        const runOnText = runOn && firstPiece(runOn.leading) ? `${lone?.flat ?? ''}${firstPiece(runOn.leading)}` : '';
        // Read like any value of its own line: it may wrap in turn (`浙江省…解放路63` | `号28幢1504室`).
        const runOnValue =
          runOn && runOnText
            ? build(
                { reading: reader(runOnText), line: runOn, labelMatch: LabelMatch.below * inferred, raw: runOnText, labelRank },
                runOn,
                valueColumn(layout, runOn),
              )
            : undefined;
        if (runOnValue) {
          candidates.push(runOnValue.reading.issues.includes(WRAP_INFERRED) ? runOnValue : withIssue(runOnValue, WRAP_INFERRED));
          continue;
        }
        // Several labels read as one box (a row of labels over a row of values): each looks under its own words.
        const below = nearestValueLine(line.hits.length > 1 ? linesBelowHit(layout, line, h) : linesUnderLabel(layout, line));
        // A line under the label that a label of its own row waits for (`，用工起始日：` at a prose line's end, over
        // `，合同终止日期：` `2024年12月7日`) is that label's value.
        // Only a label right before it (within two heights): one far across the row is another column's.
        const owner = below ? rowOwner(layout, below.line) : undefined;
        const owned = !!below && !!owner && owner !== line && below.line.box.x - (owner.box.x + owner.box.width) < below.line.box.height * 2;
        // Prose that a later label of this row runs on into (`企业住所　　，经营项目　一般` | `项目：技术服务…`, the
        // address barred out) is that label's value, not this one's.
        // A grid's value read alone though it wraps down its cell (`Y33010651` | `560621466` | `4615` under `证书号`), for
        // a field not read with the lines it wraps onto (a number): read with its wraps, as the grid's, where that reads
        // as well.
        const withCellWraps = (value: Candidate, first: LayoutLine, text: string): Candidate => {
          const cell = !options.wrap && last && !inlineValue && value.raw === text ? gridCellOfLabel() : undefined;
          if (!cell || cell.line !== first || cell.wraps.length === 0) return value;
          const raw = cellLinesJoined([first, ...cell.wraps]);
          const joined = reader(raw);
          // Lines go on down the cell that the value does not read with (`艾克拜` over `尔热` | `合曼`, the name's dot
          // not in the text): the value may be cut at its cell's wrap, for the clerk to see whole.
          if (!joined || joined.plausibility < (value.reading?.plausibility ?? 0)) return withIssue(value, VALUE_MAY_CONTINUE);
          const issues = [...joined.issues, ...(cell.larger ? [GRID_VALUE_LARGER] : [])];
          return { reading: { ...joined, issues }, line: mergeLines([first, ...cell.wraps], raw), labelMatch: value.labelMatch, raw, labelRank };
        };
        if (below && !owned && !runOnOfLaterLabel(layout, line, below.line) && !otherLabelOwning(layout, below.line, line)) {
          const reading = reader(below.text);
          // Tight over another waiting label too: the value of a caption under it as likely as this label's.
          const caption = overAnotherCaption(layout, below.line, line) ? AMBIGUOUS_ROW : 1;
          const underValue = build(
            { reading, line: below.line, labelMatch: LabelMatch.below * inferred * caption, raw: below.text, labelRank },
            below.line,
            valueColumn(layout, below.line),
          );
          // A line under the label that reads as nothing of this field's (the 经营范围 prose under `住所:`, its address
          // stacked over it) leaves the value over the label to be tried.
          if (underValue) {
            candidates.push(withCellWraps(underValue, below.line, below.text));
            continue;
          }
        }
        // A label centred in a grid's label row: its value starts in its cell on the value row under it, wherever
        // the label stands in that cell (grid-rows.ts).
        const gridCellValue = last && !inlineValue ? gridCellOfLabel() : undefined;
        const gridValue = gridCellValue?.line;
        // A cell that reads as nothing of this field's (`2000年7月18日` under `持证者姓名`, a caption under the name
        // over it) leaves the value over the label to be tried.
        const gridReading = gridValue ? reader(gridValue.leading) : null;
        // A value set larger than its label (`2005.05.01` under `注册日期` half its height): the cell is the layout's guess.
        const gridIssues = gridCellValue?.larger ? [GRID_VALUE_LARGER] : [];
        const gridCandidate = gridValue
          ? build(
              {
                reading: gridReading && { ...gridReading, issues: [...gridReading.issues, ...gridIssues] },
                line: gridValue,
                labelMatch: LabelMatch.below * inferred,
                raw: gridValue.leading,
                labelRank,
              },
              gridValue,
              valueColumn(layout, gridValue),
            )
          : undefined;
        // A value wrapped down its narrow cell (`16330176` | `14234652`): the cell's lines read joined, top to bottom,
        // where that reads as well as the first line alone does (grid-rows.ts, `cellWraps`).
        const cellRaw = gridValue && gridCellValue.wraps.length > 0 ? cellLinesJoined([gridValue, ...gridCellValue.wraps]) : '';
        const cellReading = cellRaw ? reader(cellRaw) : null;
        if (gridValue && cellReading && cellReading.plausibility >= (gridReading?.plausibility ?? 0)) {
          const wrapped = [gridValue, ...gridCellValue!.wraps];
          candidates.push({
            reading: { ...cellReading, issues: [...cellReading.issues, ...gridIssues] },
            line: mergeLines(wrapped, cellRaw),
            labelMatch: LabelMatch.below * inferred,
            raw: cellRaw,
            labelRank,
          });
          continue;
        }
        if (gridCandidate) {
          // Lines go on down the cell that the value read without them (`阿依古` over `丽艾` | `力`, joined reading
          // worse): the value may be cut at its cell's wrap, for the clerk to see whole.
          const cut = gridCellValue!.wraps.length > 0 && gridCandidate.line === gridValue;
          candidates.push(cut ? withIssue(gridCandidate, VALUE_MAY_CONTINUE) : gridCandidate);
          continue;
        }
        // Nothing beside or below: a value stacked right above its label (a caption under what it names).
        const overBlock = last && !inlineValue ? valueAboveLabel(layout, line) : undefined;
        if (overBlock) {
          const over = overBlock[overBlock.length - 1];
          const reading = reader(over.leading);
          // Ranked after every value read beside or under a label: the rarer layout yields to the common one.
          push(
            { reading, line: over, labelMatch: LabelMatch.below * OFF_ROW * inferred, raw: over.leading, labelRank: labels.length + labelRank },
            over,
            valueColumn(layout, over),
            overBlock.slice(0, -1),
          );
          continue;
        }
        // Nothing beside, under or over it: a caption centred over a full-width cell, its value flush left in the cell.
        const cell = last && !inlineValue && !hit.otherParty ? valueUnderCentredCaption(layout, line) : undefined;
        if (cell) {
          const reading = reader(cell.leading);
          push(
            {
              reading: reading && { ...reading, issues: [...reading.issues, UNDER_CENTRED_CAPTION] },
              line: cell,
              labelMatch: LabelMatch.below * OFF_ROW * inferred,
              raw: cell.leading,
              labelRank: labels.length + labelRank,
            },
            cell,
            valueColumn(layout, cell),
          );
        }
      }
    }
  }
  return candidates;
}

/**
 * The lines under a label, nearest first, less a line that starts well left of the label when another on its row
 * starts under the label: the previous column's value running on under it (`………91330106MA26Q845W5(1-` level with
 * `浙江西溪建筑工` stacked under `名称`).
 */
function linesUnderLabel(layout: PageLayout, line: LayoutLine): LayoutLine[] {
  const h = line.box.height;
  // A line that ends before the label starts is not under it: the value of the label on its left, printed low. A
  // remark where a signature goes (`龚琪霞` `(盖章)` under `姓名`, the remark nearer the label's start) is no value.
  // Nor is one that starts in the cell of the next waiting label of the row (a grid's label row): that label's value.
  const cellEnd = waitingLabel(line) ? labelCellEnd(layout, line) : Infinity;
  const lines = linesBelow(layout, line).filter((o) => o.box.x + o.box.width > line.box.x && o.box.x < cellEnd && !SIGNATURE_REMARK.test(o.flat));
  const underLabel = (o: LayoutLine) => Math.abs(o.box.x - line.box.x) < h * 1.5;
  const under = lines.filter((o) => o.box.x >= line.box.x - h || !lines.some((p) => p !== o && underLabel(p) && Math.abs(centreY(p) - centreY(o)) < h * 0.5));
  // A short value set flush left in a column of centred labels, wholly left of its label.
  const atEdge = linesAtColumnEdgeUnder(layout, line).filter((o) => !under.includes(o));
  return atEdge.length === 0 ? under : [...under, ...atEdge].sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
}

/**
 * Lines under one label of a box that holds several (`职业名称　　职业技能等级` over `电工` … `三级`): those that start
 * under this label's span, before the next label's. Characters are about evenly spaced in a box.
 */
function linesBelowHit(layout: PageLayout, line: LayoutLine, index: number): LayoutLine[] {
  const hit = line.hits[index];
  const next = line.hits[index + 1];
  const perChar = line.box.width / Math.max(1, line.text.length);
  const x = line.box.x + perChar * hit.start;
  const end = next ? line.box.x + perChar * next.start : line.box.x + line.box.width + line.box.height * 6;
  const own: LayoutLine = { ...line, box: { ...line.box, x, width: perChar * (hit.end - hit.start) } };
  return linesBelow(layout, own).filter((o) => o !== line && o.box.x >= x - line.box.height * 1.5 && o.box.x < end - line.box.height * 0.5);
}

/** A date alone (give or take a stop or a bracket). */
function wholeDate(text: string): boolean {
  const found = findDates(text, { compact: true })[0];
  return found !== undefined && found.length >= text.length - 2;
}

/** Whether `line` could be a piece of a value: text, no label at its start, no label of its own row waiting for it. */
function unclaimed(layout: PageLayout, line: LayoutLine, value: LayoutLine): boolean {
  return (
    line !== value &&
    line.half === value.half &&
    line.hits.length === 0 &&
    line.leading !== '' &&
    /[\p{L}\p{N}]/u.test(line.flat) &&
    !/^[\u3400-\u9fff]$/.test(line.flat) &&
    !onArc(line) &&
    // A date or a number alone on a line (under an issuer, beside a seal) is a field of its own.
    !/\d{15}/.test(line.flat) &&
    !wholeDate(line.flat) &&
    // In their type where a curled page tilts a row (its box then stands over its head's and tail's heights).
    textHeight(line) / textHeight(value) > 0.75 &&
    textHeight(line) / textHeight(value) < 1.33 &&
    // On the row of the value's own label's English gloss (`Issued by` over `认定机构：`), a line is still free.
    (rowOwner(layout, line) === undefined || sameLabelCell(rowOwner(layout, line), rowOwner(layout, value)))
  );
}

/** Starts where the value's column starts, or is centred on the value's line (a value centred in its cell). */
function inValueColumn(line: LayoutLine, value: LayoutLine, column: ColumnSpan, h: number): boolean {
  return line.box.x < column.end - h * 0.5 && (Math.abs(line.box.x - column.start) < h * 1.5 || Math.abs(centreX(line) - centreX(value)) < h * 0.6);
}

/** An unclaimed line right above `top` (a gap under half a line) in the value's column. */
function looseLineAbove(layout: PageLayout, top: LayoutLine, column: ColumnSpan): LayoutLine | undefined {
  const h = Math.max(top.box.height, layout.medianLineHeight * 0.8);
  return layout.lines.find((l) => {
    const gap = top.box.y - (l.box.y + l.box.height);
    return unclaimed(layout, l, top) && gap >= -h * 0.35 && gap < h * 0.5 && inValueColumn(l, top, column, h);
  });
}

/**
 * An unclaimed line under `last` (up to a line and a half below) starting in the value's column, not under its label.
 * Below along `last`'s own row where a curled page tilts it (issue 12 class 3: a value whose column goes on under it
 * with text not joined is flagged, however its row bends).
 */
function looseLineBelow(layout: PageLayout, last: LayoutLine, column: ColumnSpan): LayoutLine | undefined {
  const h = Math.max(textHeight(last), layout.medianLineHeight * 0.8);
  return layout.lines.find((l) => {
    const gap = gapAlongRow(last, l);
    return unclaimed(layout, l, last) && gap >= -h * 0.35 && gap < h * 1.5 && l.box.x >= column.start - h * 0.5 && inValueColumn(l, last, column, h);
  });
}

/** Whether the value read from `raw` is the last text of `line` (no other label's value after it). */
function endsLine(line: LayoutLine, raw: string): boolean {
  const trim = (t: string) => t.replace(/[\s,.;:，。；：、)）]+$/u, '');
  const value = trim(raw);
  return value !== '' && trim(line.flat).endsWith(value);
}

/**
 * Run-on prose (`…住　所　浙江省杭州市西湖区学院路295号19幢` | `402室　经营项目…`): a value that ends at the text's right
 * edge may go on at the start of the next line at the margin, when that line starts with unlabelled text.
 */
function runsOnAtMargin(layout: PageLayout, last: LayoutLine): boolean {
  return marginLineAfter(layout, last) !== undefined;
}

const sameSize = (a: LayoutLine, b: LayoutLine): boolean => a.box.height / b.box.height > 0.6 && a.box.height / b.box.height < 1.65;

/**
 * The line at the margin where run-on prose goes on after `last` (which reaches the right edge of its text block),
 * when it starts with unlabelled text; `undefined` otherwise. See `runsOnAtMargin`. With `wholeValue` (a label that
 * ends its line), the margin line's text is the value itself, so a date or a number alone there counts too.
 */
function marginLineAfter(layout: PageLayout, last: LayoutLine, wholeValue = false, labelX = last.box.x, head = false): LayoutLine | undefined {
  // Tried first past other values' wrapped lines (see wrapOfOtherValue), then as before.
  return marginLineFrom(layout, last, wholeValue, labelX, true, head) ?? marginLineFrom(layout, last, wholeValue, labelX, false, head);
}

/** How far short of the block's edge a value's head that reads as nothing alone may end its row: a word of three digits. */
const HEAD_SHORTFALL = 1.8;

function marginLineFrom(
  layout: PageLayout,
  last: LayoutLine,
  wholeValue: boolean,
  labelX: number,
  pastOtherWraps: boolean,
  head = false,
): LayoutLine | undefined {
  const h = Math.max(last.box.height, layout.medianLineHeight * 0.8);
  const rightOf = (l: LayoutLine) => l.box.x + l.box.width;
  // Text lines of the value's type size only: a watermark's or a title's boxes set no edge or margin.
  const near = layout.lines.filter(
    (l) =>
      l.half === last.half &&
      // Its own line's height, not the page's: a scan's watermark boxes raise the median line height.
      Math.abs(l.box.y - last.box.y) < last.box.height * 6 &&
      l.box.width < layout.width * 0.95 &&
      // A lone character far out is a watermark's or a seal's, not the end of a line of text; so is a pair of the
      // seal's characters the layout read as one box (`职业` in the ring).
      !/^[\u3400-\u9fff]$/.test(l.flat) &&
      !sealPair(layout, l) &&
      l.box.height / last.box.height > 0.6 &&
      l.box.height / last.box.height < 1.65,
  );
  const edge = Math.max(...near.map(rightOf));
  // A value spread character by character (`司` | `马　嘉　涵`) wraps when its next character would not fit: its last
  // box may stop up to a spread pitch short of the edge.
  const shortfall = /^[\u3400-\u9fff]$/.test(last.flat) ? h * 2.5 : head ? h * HEAD_SHORTFALL : h * 0.6;
  // A line sticking out past the block (`注册资本100万元人民币` over a justified block) sets no edge: two lines below,
  // one of them long, ending where the value ends show the block's edge.
  const sharing = near.filter((o) => o !== last && o.box.y > last.box.y && Math.abs(rightOf(o) - rightOf(last)) < h * 0.6);
  const blockEdge = sharing.length >= 2 && sharing.some((o) => o.box.width > layout.width * 0.3);
  // A label ending its row in a column of row-end labels (a licence that flows each value into the next row) is at
  // the block's edge, whatever a centred caption over the block sticks out past it (flowing-rows.ts).
  if (rightOf(last) < edge - shortfall && !blockEdge && !(wholeValue && endsRowInLabelColumn(layout.lines, last, h))) return undefined;
  const bottom = last.box.y + last.box.height;
  const margin = Math.min(...near.map((l) => l.box.x));
  // Off the paragraph's margin (over more of its rows: the rows near the value may all start in a blank's indent),
  // flush under another value's line (`浙江省…296号` | `文新智谷…607室` beside a name `韩飞` ending its row): that
  // value's wrap, not where the prose goes on (`思` | `；居民身份证号码：` further down).
  const textMargin = Math.min(
    margin,
    ...layout.lines
      .filter((l) => l.half === last.half && Math.abs(l.box.y - last.box.y) < last.box.height * 12 && l.flat.length > 1 && sameSize(l, last))
      .map((l) => l.box.x),
  );
  const otherWrap = (l: LayoutLine) => pastOtherWraps && l.box.x >= textMargin + h * 0.5 && wrapOfOtherValue(layout.lines, l, last, h);
  // The next line at the margin: the prose goes on under the tallest blank of its line (values wrapped inside
  // narrow blanks push it down a few rows). A value set inside a blank that opens the line may stand a little in
  // from the margin (`2018年3月25日` centred on its blank): the first text of its row, within three heights.
  const rowStart = (l: LayoutLine) =>
    !layout.lines.some(
      (o) =>
        o !== l &&
        o.half === l.half &&
        o.box.x + o.box.width <= l.box.x + h * 0.3 &&
        Math.abs(o.box.y + o.box.height / 2 - (l.box.y + l.box.height / 2)) < h * 0.5,
    );
  const first = layout.lines
    .filter(
      (l) =>
        l !== last &&
        l.half === last.half &&
        l.box.y >= bottom - h * 0.35 &&
        l.box.y < bottom + h * 8 &&
        (l.box.x < margin + h || (l.box.x < margin + h * 3 && rowStart(l))) &&
        // A box of the whole row ends anywhere: its text before its first label is what goes on (`西园路577号…1708室，
        // 经营范围：…` under `，营业场所：浙江省…留下街道`).
        (l.box.x + l.box.width < labelX || (l.hits.length > 0 && l.leading !== '' && l.hits[0].start > 0)) &&
        !otherWrap(l),
    )
    .sort((a, b) => a.box.y - b.box.y)[0];
  // Under the label column left of the value's own: that column's value goes on there (left-column-wraps.ts).
  // A caption ending in a colon at the margin (`派遣单位：`) opens the next field: prose does not go on there.
  if (!first || wrapOfLeftColumn(layout.lines, first, last, h) || unknownCaption(first)) return undefined;
  // Further than a line and a half down only past rows holding nothing but wrapped blanks (off the margin).
  const blankRows = layout.lines.some(
    (l) =>
      l.half === last.half &&
      l.box.y >= bottom - h * 0.35 &&
      l.box.y < first.box.y - h * 0.5 &&
      (l.box.x >= margin + h || otherWrap(l)) &&
      l.box.x + l.box.width < last.box.x,
  );
  if (first.box.y >= bottom + h * 1.5 && (!blankRows || labelRowsBetween(layout, last, first, h))) return undefined;
  // Text before any label at the margin (`红，有效证件号码：`, a lone `业`): the value's last characters.
  const ratio = first.box.height / last.box.height;
  const runsOn =
    first.leading !== '' &&
    // An English gloss starting the next row is a bilingual grid's label cell, not prose going on.
    !/^[A-Za-z][A-Za-z .'&/:-]*$/.test(first.text.trim()) &&
    /[\p{L}\p{N}]/u.test(first.leading) &&
    !inSealRing(layout, first) &&
    !onArc(first) &&
    // The value set over a caption (`91330106…` over `（统一社会信用代码）`) is that caption's.
    !overCaption(layout, first) &&
    // A bracket closed at the margin that `last` never opened ends another value's wrap (`四级（中级` | `工）`).
    !closesBracketNotOpenedIn(first.leading, last.flat) &&
    // A checker's stamp spread at the margin (`已` `核` `验` `）`) is no value's end (stamped-words.ts).
    !opensStampRemark(rowTextFrom(layout, first, h)) &&
    // A date or a long number alone ends a value that runs on; it is the whole value of a label that ends its line.
    (wholeValue || (!/\d{15}/.test(first.leading) && !wholeDate(first.leading))) &&
    // A scan's boxes vary in height by a third or more between lines of one type size (`…8幢13层` 32 px, `2601室` 43).
    ratio > 0.7 &&
    ratio < 1.5;
  return runsOn ? first : undefined;
}

/** The text of `first` and the boxes after it on its row (up to three, each within four heights of the one before). */
function rowTextFrom(layout: PageLayout, first: LayoutLine, h: number): string {
  const after = layout.lines
    .filter((l) => l !== first && l.half === first.half && l.box.x > first.box.x && Math.abs(centreY(l) - centreY(first)) < h * 0.5)
    .sort((a, b) => a.box.x - b.box.x);
  let text = first.flat;
  let end = first.box.x + first.box.width;
  for (const l of after.slice(0, 3)) {
    if (l.box.x - end > h * 4) break;
    text += l.flat;
    end = l.box.x + l.box.width;
  }
  return text;
}

/**
 * Whether a row between `last`'s and `first`'s holds a label (`；地址：` ending its row, then `；营业期限：` on the next
 * row, then `月04日至长期` at the margin): the margin line further down goes on that label's value, not `last`'s.
 */
function labelRowsBetween(layout: PageLayout, last: LayoutLine, first: LayoutLine, h: number): boolean {
  const bottom = last.box.y + last.box.height;
  return layout.lines.some(
    (l) =>
      l !== last &&
      l !== first &&
      l.half === last.half &&
      l.hits.length > 0 &&
      l.box.y >= bottom - h * 0.35 &&
      l.box.y < first.box.y - h * 0.5 &&
      l.box.height / last.box.height > 0.6 &&
      l.box.height / last.box.height < 1.65,
  );
}

/**
 * Whether `below` is run-on prose of a later label of `label`'s row (`企业住所　　，经营项目　一般` | `项目：技术服务…`,
 * the address barred out): a line that starts under `label` and runs on past the whole of a label further along the
 * row is no value of `label`'s column but the prose going on after that label.
 */
function runOnOfLaterLabel(layout: PageLayout, label: LayoutLine, below: LayoutLine): boolean {
  const centre = label.box.y + label.box.height / 2;
  const belowRight = below.box.x + below.box.width;
  return layout.lines.some(
    (o) =>
      o !== label &&
      o.half === label.half &&
      o.hits.length > 0 &&
      o.box.x > label.box.x + label.box.width &&
      Math.abs(o.box.y + o.box.height / 2 - centre) < Math.min(o.box.height, label.box.height) * 0.5 &&
      below.box.x < o.box.x &&
      belowRight > o.box.x + o.box.width,
  );
}

/**
 * The one lone Chinese character right after a label that ends its row (within a spread pitch, nothing after it, not
 * seal lettering): the first character of a value spread character by character; `undefined` otherwise.
 */
function loneCharacterAfter(layout: PageLayout, label: LayoutLine): LayoutLine | undefined {
  const right = linesRightOf(layout, label);
  const [lone] = right;
  if (right.length !== 1 || !lone || !/^[\u3400-\u9fff]$/.test(lone.flat) || lone.hits.length > 0) return undefined;
  const h = label.box.height;
  const gap = lone.box.x - (label.box.x + label.box.width);
  if (gap > h * 2.5 || Math.abs(lone.box.height - h) > h * 0.2 || inSealRing(layout, lone)) return undefined;
  return lone;
}

/**
 * The value before a separator when what follows it is only the first character or two of a label (`电子商务师，级`,
 * the `级` of a spread `级　别`); `undefined` when the text has no such tail.
 */
function spreadLabelStart(value: string): string | undefined {
  const m = /^(.+?)\s*[，,；;、]\s*([\u3400-\u9fff]{1,2})$/u.exec(value.trim());
  return m && LABEL_PREFIXES.has(m[2]) ? m[1] : undefined;
}

/**
 * The value without the first character or two of a spread label the engine glued to it, when the next box on the
 * row holds the rest of that label (`本人姓名：贺洋性` | `别：男`); `undefined` otherwise.
 */
function gluedLabelStart(layout: PageLayout, line: LayoutLine, value: string): string | undefined {
  const next = linesRightOf(layout, line)[0];
  if (!next || next.box.x - (line.box.x + line.box.width) > line.box.height * 4) return undefined;
  const colon = /^([\u3400-\u9fff]{1,3})\s*[:：]/.exec(next.flat);
  // Without a colon the label's rest runs straight into the next value (`…有限类` | `型有限责任公司…`, a spread
  // `类　型` boxed across): any one to three characters of the next box may be the label's rest.
  const tails = colon
    ? [colon[1]]
    : [1, 2, 3]
        .map((n) => next.flat.slice(0, n))
        // The value after it is two characters or more, or a sex (`李阳国性` | `别女`, a spread `性　别` boxed across),
        // or in a box of its own further on: the label's rest boxed alone (`…恒信类` | `型` | `个体工商户`).
        .filter(
          (t) =>
            /^[\u3400-\u9fff]+$/u.test(t) &&
            (next.flat.length >= t.length + 2 || /^[男女]$/.test(next.flat.slice(t.length)) || (next.flat === t && t.length === 1)),
        );
  // A box that is a whole label by itself (`类型:` after `…有限公司`) takes nothing from the value.
  if (tails.length === 0 || next.hits.some((o) => o.start === 0 && o.end >= tails[0].length)) return undefined;
  const trimmed = value.trim();
  for (const tail of tails) {
    for (let k = 1; k <= 2; k++) {
      if (trimmed.length <= k + 1) break;
      const label = `${trimmed.slice(-k)}${tail}`;
      // The whole printed label, exactly: a near match (`公司` + `型` for `公司类型`) is no evidence.
      const hit = findHits(`${label}:`)[0];
      if (hit && !hit.fuzzy && hit.start === 0 && hit.form === label) return trimmed.slice(0, -k);
    }
  }
  return undefined;
}

/** Issue on a value read by joining lines that prose wrapped (a narrow blank, the text's right edge): a guess about layout. */
export const WRAP_INFERRED = 'value_wrap_inferred';

/** Issue on a value read over a label only a little smaller than it (see LOOSE_CAPTION_RATIO): a guess about layout. */
const CAPTION_INFERRED = 'caption_under_value_inferred';

/** Text of a run-on line up to its first separator (`红，有效证件号码：` → `红`; `2020.04.25 ；合同…` → `2020.04.25`). */
function firstPiece(text: string): string {
  // A text layer spaces a date's digits from their units (`年4 月2 日`): those spaces end no piece.
  const dateSpacesClosed = text.replace(/(?<=[\d年月])[\s\u3000]+(?=[\d年月日])/gu, '');
  return dateSpacesClosed.split(/[，,；;。、\s\u3000]/u)[0] ?? '';
}

/**
 * A value read from `lines` joined (and from the first piece of `margin`, where run-on prose goes on), flagged
 * `value_wrap_inferred`; `undefined` when the joined text does not read.
 */
function joinedWith(
  base: Omit<Candidate, 'reading'>,
  reader: ValueReader,
  lines: readonly LayoutLine[],
  margin?: LayoutLine,
  layout?: PageLayout,
): Candidate | undefined {
  const piece = margin ? firstPiece(margin.leading) : '';
  if (margin && !piece) return undefined;
  // A label's first character at the margin (`性` of a spread `性　别`) starts the next field, not the rest of a value.
  // Not when a whole label follows it on its row (`文` | `身份证号码：`): the character is the value's last.
  if (margin && margin.flat.length === 1 && LABEL_PREFIXES.has(margin.flat) && !(layout && labelFollows(layout.lines, margin))) return undefined;
  // A lone 男/女 at the margin is a sex printed off its 性别 row (`夏侯海` … then `男` over `性别:`), as under a value.
  if (margin && /^[男女]$/.test(margin.flat)) return undefined;
  const index = lines.indexOf(base.line);
  const before = lines.slice(0, Math.max(0, index)).map((l) => l.leading);
  const after = lines.slice(index + 1).map((l) => l.leading);
  const raw = withoutOverprint([...before, base.raw, ...after, piece].join(''));
  const reading = reader(raw);
  if (!reading) return undefined;
  const all = margin ? [...lines, margin] : [...lines];
  return { ...base, reading: { ...reading, issues: [...reading.issues, WRAP_INFERRED] }, line: mergeLines(all, raw), raw };
}

/**
 * Lines of a value wrapped inside a narrow underlined blank of run-on prose (`杭州北山餐饮管` | `理健康服务有限` | `公司`):
 * set flush left under the value, no wider than it, at one steady pitch up to a line and a half apart (wider than a
 * wrapped cell's lines, as prose lines are spaced), holding no label and not owned by a label of their own row.
 */
function stackedBlankLines(layout: PageLayout, first: LayoutLine, column: ColumnSpan, maxLines = 8): LayoutLine[] {
  const out: LayoutLine[] = [];
  const width = first.box.x + first.box.width - column.start;
  let current = first;
  let pitch: number | undefined;
  while (out.length < maxLines) {
    const h = Math.max(current.box.height, layout.medianLineHeight * 0.8);
    const bottom = current.box.y + current.box.height;
    // The nearest line under the value in its column, whatever it holds: a line skipped would break the blank.
    const next = layout.lines
      .filter(
        (l) =>
          l !== current &&
          l.half === first.half &&
          l.box.y >= bottom - h * 0.35 &&
          l.box.y - bottom < h * 1.5 &&
          l.box.x < column.start + width &&
          l.box.x + l.box.width > column.start,
      )
      .sort((a, b) => a.box.y - b.box.y)[0];
    // Alone in the value's span on its row: characters set apart across it are a spread line's, not a wrap.
    const alone =
      next !== undefined &&
      !layout.lines.some(
        (o) =>
          o !== next &&
          o.half === next.half &&
          Math.abs(o.box.y + o.box.height / 2 - (next.box.y + next.box.height / 2)) < h * 0.5 &&
          o.box.x < column.start + width &&
          o.box.x + o.box.width > column.start,
      );
    const flush =
      next !== undefined &&
      alone &&
      // Flush with the value's first character; a label spread into boxes leaves that start known only to a
      // character or so (`地` `址` `: 浙江省…`).
      Math.abs(next.box.x - column.start) < h &&
      next.box.x + next.box.width <= first.box.x + first.box.width + h * 0.3 &&
      next.hits.length === 0 &&
      next.leading !== '' &&
      // The value set over a caption (`男` over `（性别）`) is that caption's.
      !overCaption(layout, next) &&
      /[\p{L}\p{N}]/u.test(next.flat) &&
      // A label's fragment (`生:` of a spread `出　生:`) starts the next field.
      !/[:：]$/.test(next.text.trim()) &&
      !inSealRing(layout, next) &&
      !onArc(next) &&
      !wholeDate(next.flat) &&
      next.box.height / first.box.height > 0.75 &&
      next.box.height / first.box.height < 1.33 &&
      rowOwner(layout, next) === undefined &&
      !ownedByUnknownCaption(layout, next);
    if (!next || !flush) break;
    const step = next.box.y - current.box.y;
    if (pitch !== undefined && Math.abs(step - pitch) > h * 0.3) break;
    pitch = step;
    out.push(next);
    current = next;
  }
  return out;
}

/** How many lines a date wraps into in the narrowest cell (`2019` | `年07` | `月11` | `日`). */
const DATE_CELL_PIECES = 4;

/**
 * A short value wrapped in a narrow cell centred on its label, into more lines than stand within the label's reach
 * (`2019` | `年07` | `月11` | `日` beside `合同期限自:`, only the middle two near its row): read from a head set flush
 * over the topmost reachable piece, nearest head first, as long as the join runs down through a reachable piece (a
 * value of the row above ends before it). Each piece as short as such a cell holds. A guess the clerk confirms.
 */
function joinFromHeadsAbove(
  layout: PageLayout,
  reachable: readonly LayoutLine[],
  readFrom: (head: LayoutLine) => Candidate | undefined,
): Candidate | undefined {
  const top = [...reachable].sort((a, b) => a.box.y - b.box.y)[0];
  if (!top || top.flat.length > 6) return undefined;
  let head = top;
  for (let n = 1; n < DATE_CELL_PIECES; n++) {
    const above = headTightAbove(layout, head);
    if (!above || above.flat.length > 6) return undefined;
    head = above;
    const candidate = readFrom(head);
    if (candidate && candidate.line.box.y + candidate.line.box.height > centreY(top)) return withIssue(candidate, WRAP_INFERRED);
  }
  return undefined;
}

/**
 * The unlabelled line set flush over `line` (same start, same type, less than half a line between them): the head of a
 * short value wrapped in its cell whose tail sits beside the label. Its box may reach `reachInto` of a line down into
 * `line`'s (a curled photo boxes each line taller than its pitch).
 *
 * @example
 * headTightAbove(layout, tailLine)?.text; // '2021年6月' over `13日`
 */
export function headTightAbove(layout: PageLayout, line: LayoutLine, reachInto = 0.1): LayoutLine | undefined {
  const h = line.box.height;
  return layout.lines.find(
    (l) =>
      l !== line &&
      l.half === line.half &&
      l.hits.length === 0 &&
      l.leading !== '' &&
      Math.abs(l.box.x - line.box.x) < h * 0.3 &&
      line.box.y - (l.box.y + l.box.height) > -h * reachInto &&
      line.box.y - (l.box.y + l.box.height) < h * 0.5 &&
      l.box.height / h > 0.8 &&
      l.box.height / h < 1.25,
  );
}

/**
 * The first unlabelled line (top first, then left) of `line`'s half that `under` accepts, given its top's distance
 * under `line`'s bottom: the next line of a value, wherever the caller says a wrap may stand.
 */
function firstLineUnder(layout: PageLayout, line: LayoutLine, under: (l: LayoutLine, gap: number) => boolean): LayoutLine | undefined {
  return layout.lines
    .filter((l) => l !== line && l.half === line.half && l.hits.length === 0 && l.leading !== '' && under(l, gapBelow(line, l)))
    .sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x)[0];
}

/** The unlabelled line set directly under `line` in its column (the next line of a wrapped value), if any. */
function lineUnder(layout: PageLayout, line: LayoutLine, column: ColumnSpan): LayoutLine | undefined {
  const h = Math.max(line.box.height, layout.medianLineHeight * 0.8);
  return firstLineUnder(
    layout,
    line,
    (l, gap) =>
      gap >= -h * 0.35 &&
      gap <= h * 0.9 &&
      l.box.x >= column.min - h * 0.5 &&
      l.box.x < Math.min(column.end - h * 0.5, column.start + h * 2.5) &&
      l.box.height / line.box.height > 0.6 &&
      l.box.height / line.box.height < 1.65,
  );
}

/**
 * The line set tight and centred under `line` (a cell's wrap centred under its first line: `91330106MA20MH5YY` |
 * `5(1-1)`): within 0.6 of a height under it, of its size, no label, its centre within half a height of the line's.
 */
function lineCentredUnder(layout: PageLayout, line: LayoutLine): LayoutLine | undefined {
  const h = line.box.height;
  return firstLineUnder(
    layout,
    line,
    (l, gap) => gap > -h * 0.3 && gap < h * 0.6 && Math.abs(centreX(l) - centreX(line)) < h * 0.5 && l.box.height / h > 0.75 && l.box.height / h < 1.3,
  );
}

/**
 * A value wrapped three or four times down a narrow cell (an ID `33010619` | `85081200` | `27`): `lines` (its first
 * lines, read with a flaw) and the lines under them one at a time, each the next line of the cell (`lineUnder`), up to
 * four in all; the first join that reads whole (plausibility 1, no issue). Undefined when none does: the lines as read
 * stand.
 */
function cellLinesReadingWhole(
  layout: PageLayout,
  head: string,
  lines: readonly LayoutLine[],
  column: ColumnSpan,
  reader: ValueReader,
): { lines: LayoutLine[]; raw: string; reading: Reading } | undefined {
  const pieces = [...lines];
  while (pieces.length < 4) {
    const more = lineUnder(layout, pieces[pieces.length - 1], column);
    if (!more || pieces.includes(more)) return undefined;
    pieces.push(more);
    const raw = `${head}${pieces
      .slice(1)
      .map((l) => l.leading)
      .join('')}`;
    const reading = reader(raw);
    if (reading && reading.plausibility === 1 && reading.issues.length === 0) return { lines: pieces, raw, reading };
  }
  return undefined;
}

/**
 * A line flush under a value's start, boxed far taller than the value (an overprint — a grey seal, a stamp's lettering —
 * swelled its box, so it starts level with the value) and opening with a Chinese character: the value's cell may go on
 * in it (`东方` | `霞仅供补贴申报使用`), a wrap that `lineUnder` cannot take at that size. Undefined when none.
 */
function overprintedLineUnder(layout: PageLayout, line: LayoutLine, column: ColumnSpan): LayoutLine | undefined {
  const h = line.box.height;
  const bottom = line.box.y + h;
  return layout.lines.find(
    (l) =>
      l !== line &&
      l.half === line.half &&
      l.hits.length === 0 &&
      /^[\u3400-\u9fff]/u.test(l.leading) &&
      !onArc(l) &&
      (rowOwner(layout, l) === undefined || sameLabelCell(rowOwner(layout, l), rowOwner(layout, line))) &&
      l.box.height >= h * 1.65 &&
      l.box.y > line.box.y + h * 0.3 &&
      centreY(l) > bottom &&
      l.box.y <= bottom + h * 0.9 &&
      Math.abs(l.box.x - column.start) < h * 0.6,
  );
}

/**
 * The boxes after `line` on its row, each within a line height of the one before, none ending in a colon (a label
 * waiting for its value), up to three: the rest of a value the layout cut at a word the lexicon knows as a label.
 */
function rowPiecesAfter(layout: PageLayout, line: LayoutLine): LayoutLine[] {
  const out: LayoutLine[] = [];
  let current = line;
  while (out.length < 3) {
    const h = current.box.height;
    const end = current.box.x + current.box.width;
    const cy = current.box.y + h / 2;
    const next = layout.lines
      .filter(
        (o) =>
          o !== current &&
          o.half === line.half &&
          Math.abs(o.box.y + o.box.height / 2 - cy) < Math.min(h, o.box.height) * 0.5 &&
          o.box.x >= end - h * 0.3 &&
          o.box.x - end < h &&
          o.box.height / h > 0.75 &&
          o.box.height / h < 1.33,
      )
      .sort((a, b) => a.box.x - b.box.x)[0];
    if (!next || /[:：]/.test(next.flat) || !/^[\u3400-\u9fff]+$/.test(next.flat)) break;
    out.push(next);
    current = next;
  }
  return out;
}

/**
 * An unlabelled box on `line`'s row starting within two character heights after it and inside the value's column:
 * the rest of a value the engine boxed in two pieces, or text printed right after it.
 */
function boxRightAfter(layout: PageLayout, line: LayoutLine, column: ColumnSpan): LayoutLine | undefined {
  const h = line.box.height;
  const end = line.box.x + line.box.width;
  const cy = line.box.y + h / 2;
  return layout.lines.find(
    (o) =>
      o !== line &&
      o.half === line.half &&
      o.hits.length === 0 &&
      o.leading !== '' &&
      !/^[\u3400-\u9fff]$/.test(o.flat) &&
      !onArc(o) &&
      Math.abs(o.box.y + o.box.height / 2 - cy) < Math.min(h, o.box.height) * 0.5 &&
      o.box.x >= end - h * 0.3 &&
      // A scan's engine may drop a stretch of the value (under a watermark) and leave its tail boxes a few
      // characters apart (`电工作业` … `作业`): three heights.
      o.box.x - end < h * 3 &&
      o.box.x < column.end,
  );
}

/**
 * The lines of a value wrapped down its cell, joined: each line's value text, a transliterated name's middle dot kept
 * where the wrap falls at it (`热依拉·` | `艾合买提`: the dot trimmed as a leader would join `热依拉艾合买提`).
 */
function cellLinesJoined(lines: readonly LayoutLine[]): string {
  return lines
    .map((l, i) => {
      const dotBefore = i > 0 && (/[·•・]\s*$/u.test(lines[i - 1].text) || /^\s*[·•・]/u.test(l.text));
      return `${dotBefore && !l.leading.startsWith('·') ? '·' : ''}${l.leading}`;
    })
    .join('');
}
function withIssue(candidate: Candidate, issue: string): Candidate {
  return { ...candidate, reading: { ...candidate.reading, issues: [...candidate.reading.issues, issue] } };
}

/** The column of a value on a line of its own: from its start to the next label column on its row. */
function valueColumn(layout: PageLayout, line: LayoutLine): ColumnSpan {
  // A value after a leader (`···2021年10` | `月04日`) wraps back to its cell's left edge, where the leader began: the
  // engine often boxes only the leader's last dots, so the cell may start two characters or more left of the box.
  const reachBack = LEADER_OPENING.test(line.text) ? LEADER_REACH_BACK : 1;
  return { start: valueStart(line), min: line.box.x - line.box.height * reachBack, end: columnRight(layout, line) };
}

/** A line opening with leader dots or a rule before its value. */
const LEADER_OPENING = /^[…⋯‥·•・･._\-—]{2,}/;
/** How far left of a leader's box, in line heights, its value's wrap may start (the dots the engine did not box). */
const LEADER_REACH_BACK = 2.5;

/**
 * Where a value's first character sits on its line: a line that opens with its label's separator (`: 浙江省…`, the
 * label spread into boxes of its own) starts its value a character or so in, and the wrapped lines are set flush
 * with the value, not with the colon. Characters are about evenly spaced in a box.
 */
function valueStart(line: LayoutLine): number {
  const offset = line.leading ? line.text.indexOf(line.leading) : 0;
  // Spaces, a colon or a leader (`－－－－二〇一四年…`, `……王晓明`) before the value: it starts after them.
  if (offset <= 0 || !/^[\s:：…⋯‥·•・･._\-—*]+$/.test(line.text.slice(0, offset))) return line.box.x;
  return line.box.x + (line.box.width / Math.max(1, line.text.length)) * offset;
}

/**
 * The column of a value printed after its label in one box: it starts after the label (characters are about evenly
 * spaced in a box) and ends at the next label in the box, else at the next label column on the row. A wrapped line
 * may come back under the label (inline-block forms).
 */
function inlineColumn(layout: PageLayout, line: LayoutLine, hit: LabelHit, next: LabelHit | undefined): ColumnSpan {
  const perChar = line.box.width / Math.max(1, line.text.length);
  // The value starts past the space after the label (`名称 杭州…`): wrapped lines align with it.
  const separator = /^\s*/.exec(line.text.slice(hit.end))?.[0].length ?? 0;
  const estimate = line.box.x + perChar * (hit.end + separator);
  const start = next ? estimate : Math.max(estimate, textLayerTailStart(layout, line, line.text.slice(hit.end + separator)));
  const end = next ? line.box.x + perChar * next.start : columnRight(layout, line);
  return { start, min: line.box.x, end };
}

/**
 * Where the value that ends a text-layer box starts, measured back from the box's right end: a text layer's box is
 * as tall as its type, a Chinese character (or full-width sign) one em wide, a Latin letter, digit or space half of
 * one. A label spread across the box's start (`名　　　称杭州西溪餐`) makes the count from the left fall short; from
 * the right, the value's own characters set it (wrapped lines `饮管理有限` sit flush with it). -Infinity elsewhere.
 */
function textLayerTailStart(layout: PageLayout, line: LayoutLine, value: string): number {
  if (value === '') return -Infinity;
  // A scan's box stands a little taller than its characters are wide: the value's width is underestimated, so its
  // start is never put past where it is (a label spread across the box, `名` … `称杭州…`, puts it far right).
  const em = layout.source === 'text_layer' ? line.box.height : line.box.height * 0.85;
  const width = [...value].reduce((sum, ch) => sum + (/[\u0000-\u00ff]/.test(ch) ? em / 2 : em), 0);
  return line.box.x + line.box.width - width;
}

/**
 * A value to the right of its label but printed off the label's row: a dot-matrix fill-in a few millimetres above
 * or below, or a wrapped value beside a label centred on it. Only lines whose nearest label is clearly this one,
 * nearest first.
 */
function offRowValueLines(layout: PageLayout, label: LayoutLine): LayoutLine[] {
  const h = label.box.height;
  const cy = label.box.y + h / 2;
  const labelRight = label.box.x + label.box.width;
  return layout.lines
    .filter(
      (o) =>
        o !== label &&
        o.half === label.half &&
        o.leading !== '' &&
        !/^[\u3400-\u9fff]$/.test(o.flat) &&
        !onArc(o) &&
        o.box.x >= labelRight - h * 0.5 &&
        o.box.x - labelRight < layout.width * 0.6 &&
        Math.abs(o.box.y + o.box.height / 2 - cy) < Math.max(h, o.box.height) * 1.6 &&
        (closestLabelIs(layout, o, label, 0.12) || offRowOwnerIs(layout, o, label)) &&
        !underOtherLabel(layout, o, label) &&
        !labelBetween(layout, label, o) &&
        !otherLabelOwning(layout, o, label) &&
        !otherLabelOwningWrap(layout, o, label) &&
        !valueUnderLabelOnRowOf(layout, label, o),
    )
    .sort((a, b) => Math.abs(a.box.y + a.box.height / 2 - cy) - Math.abs(b.box.y + b.box.height / 2 - cy) || a.box.x - b.box.x);
}

/** A label naming a person: `持证人`, `姓名`, `审核人`. */
const PERSON_LABEL = /(人|姓名)[:：]?$/;
/** A cell holding a name of two to four Chinese characters. */
const NAME_CELL = /^[\u3400-\u9fff]{2,4}$/;

/**
 * True when `o`, below `label`'s row, has a value on its own row standing under the label itself, left of it (a
 * grid's label row over its value row: `持证人　审核人` over `马杰欣　张文萱`): the line under the label is its value,
 * and `o` another cell's, however near the label's row it lies.
 */
function valueUnderLabelOnRowOf(layout: PageLayout, label: LayoutLine, o: LayoutLine): boolean {
  if (centreY(o) <= label.box.y + label.box.height) return false;
  // Only a grid of people's names (`持证人　审核人` over two names): on held-out digital licences and certificates
  // a company's name, an address, a date or an occupation below-right of its label beside another column's value
  // is its own (seven fields lost there when any value counted).
  if (!PERSON_LABEL.test(label.flat) || !NAME_CELL.test(o.flat)) return false;
  return layout.lines.some(
    (p) =>
      p !== o &&
      p.half === o.half &&
      p.hits.length === 0 &&
      p.leading !== '' &&
      right(p) <= o.box.x &&
      p.box.x < right(label) &&
      right(p) > label.box.x &&
      Math.abs(centreY(p) - centreY(o)) < Math.min(p.box.height, o.box.height) * 0.5,
  );
}

/**
 * True when another label stands on the row between `label` and `value` (`起始日期:` … `合同期限至:` `2021/05/13`):
 * a value past the next label of the row is that label's value, however near its row is to this one's.
 */
function labelBetween(layout: PageLayout, label: LayoutLine, value: LayoutLine): boolean {
  const labelRight = label.box.x + label.box.width;
  return layout.lines.some(
    (o) =>
      o !== label &&
      o !== value &&
      o.half === label.half &&
      startsWithLabel(o) &&
      o.box.x >= labelRight - label.box.height * 0.5 &&
      o.box.x + o.box.width <= value.box.x + label.box.height * 0.5 &&
      Math.abs(centreY(o) - centreY(label)) < Math.max(o.box.height, label.box.height) * 0.6,
  );
}

/**
 * True when `value` sits right under (or over) another label's own column, as near that label as to `label`:
 * with labels above their values, the line below-right of a label is the next column's value, not an off-row one.
 */
function underOtherLabel(layout: PageLayout, value: LayoutLine, label: LayoutLine): boolean {
  const mine = Math.abs(centreY(value) - centreY(label));
  return layout.lines.some(
    (o) =>
      o !== label &&
      o !== value &&
      o.half === value.half &&
      o.hits.length > 0 &&
      // A label waiting for its value; or a box of labels one of which, someone else's, waits for a value under it
      // (`名②紧急联系人姓名③担保人…`, a grid's caption row; only item numbering after it): what stands under it is never
      // this label's.
      ((o.leading === '' && o.hits[o.hits.length - 1].inlineValue === '') ||
        o.hits.some((h) => h.otherParty && !/[\u3400-\u9fff0-9A-Za-z]/.test(h.inlineValue))) &&
      waitingPart(o).box.x < value.box.x + value.box.width &&
      o.box.x + o.box.width > value.box.x &&
      Math.abs(centreY(value) - centreY(o)) <= mine + value.box.height * 0.25,
  );
}

// An English sub-label printed after the Chinese one (`职务 Position`, `姓名 Name:`, `起聘日期 From`): never a value.
const GLOSS = /^[A-Za-z][A-Za-z .'&/-]*[:.]?\s*/;

/**
 * The inline value without a leading English sub-label: empty when the gloss is all there is (the value then sits
 * beside or below), the text after it when Chinese follows; codes that start with letters (`S0000…`, `PX2021…`) stay.
 */
function withoutGloss(value: string): string {
  if (!/^[A-Za-z]/.test(value)) return value;
  const rest = value.replace(GLOSS, '');
  if (rest === '') return '';
  return /^[\u3400-\u9fff]/.test(rest) ? rest : value;
}

/**
 * How sure the pairing of a label with the line to its right is. On a scan, a value whose centre is almost as close
 * to another line of the label column (the row above or below) as to its own label may belong to that row: such a
 * pairing must not pass unreviewed on its own. A value far across the page costs a little too.
 */
function sameRowMatch(layout: PageLayout, label: LayoutLine, value: LayoutLine): number {
  const offset = Math.abs(centreY(value) - centreY(label));
  // A text layer sets a value on its label's line; one printed well off it (a fill-in layer shifted by most of a row)
  // is judged like a scan's.
  if (layout.source === 'text_layer' && offset < Math.min(label.box.height, value.box.height) * 0.25) return LabelMatch.sameRow;
  const rivals = layout.lines.filter(
    (o) =>
      o !== label &&
      o !== value &&
      o.half === label.half &&
      o.box.x + o.box.width <= value.box.x &&
      o.box.x < label.box.x + label.box.width &&
      o.box.x + o.box.width > label.box.x &&
      // The label's own English gloss on the line over or under it is one cell with it (`Issued by` / `认定机构：`), no
      // rival: a value centred on that cell sits between the two.
      !glossOfLabel(label, o),
  );
  const rivalOffset = Math.min(...rivals.map((o) => Math.abs(centreY(value) - centreY(o))));
  const ambiguous = rivalOffset < Math.max(offset * 3, Math.min(label.box.height, value.box.height) * 0.5);
  const far = value.box.x - (label.box.x + label.box.width) > layout.width * 0.3;
  return LabelMatch.sameRow * (ambiguous ? 0.88 : 1) * (far ? 0.98 : 1);
}

/** Two Chinese characters in one box among a seal's ring of lone characters (three or more around it). */
function sealPair(layout: PageLayout, line: LayoutLine): boolean {
  if (!/^[\u3400-\u9fff]{2}$/.test(line.flat)) return false;
  const reach = line.box.height * 4;
  const around = layout.lines.filter(
    (o) => o !== line && /^[\u3400-\u9fff]$/.test(o.flat) && Math.hypot(centreX(o) - centreX(line), centreY(o) - centreY(line)) < reach,
  );
  // A ring runs on past the pair, above, below or beside it on both sides: lone characters all clear to one side of it
  // are a heading set down the margin one character a line (`持` `证` `信` `息` left of `姓名`), no seal's.
  const oneSide = around.every((o) => right(o) < line.box.x) || around.every((o) => o.box.x > right(line));
  return around.length >= 3 && !oneSide;
}

/**
 * Seal lettering runs on an arc: its box is far too narrow for its characters set in a straight row (`有限公司` in a
 * box taller than wide). It is never a field's value, however close it sits to a label. A long value on a row a curled
 * page bends is boxed tall too (`杭州恒信…股份有限公司西`, 19 characters in 597 × 103 px): its height is taken less its
 * row's climb (curl24).
 */
export function onArc(line: LayoutLine): boolean {
  const chars = [...line.flat].filter((ch) => /[\u3400-\u9fff]/.test(ch)).length;
  // A straight row of n characters is about n heights wide (less padding and tilt); seal arcs come out at 0.2–0.25.
  return chars >= 2 && line.original.width < chars * heightLessRowTilt(line) * 0.33;
}

/**
 * A watermark's letters alone, with at most one stray mark or digit read with them (`印无9`; never a code's line), or a
 * piece of its phrase with one character misread (`印无双`).
 */
function watermarkLetters(text: string): boolean {
  const letters = text.replace(/[\x21-\x7e]/g, '');
  return (text.length - letters.length <= 1 && isStampCharactersOnly(letters)) || isMisreadWatermarkPiece(text);
}

/** The first line with unlabelled text at its start; a line that starts with a label belongs to that label. */
function nearestValueLine(lines: LayoutLine[]): { line: LayoutLine; text: string } | undefined {
  // A lone Chinese character is seal lettering or a stray mark, never a value we read: look past it.
  // Leader dots and rules between a label and its value carry nothing: look past them too.
  // So are a watermark's letters read between a label and its value (`参保人` `印无9` `魏敏平`).
  const line = lines.find((l) => !/^[\u3400-\u9fff]$/.test(l.flat) && !onArc(l) && /[\p{L}\p{N}]/u.test(l.flat) && !watermarkLetters(l.flat));
  return line?.leading ? { line, text: line.leading } : undefined;
}

/**
 * Every line (or label segment) whose text the reader accepts on its own, for values recognisable without a label
 * (ID numbers, credit codes, dates under a seal).
 *
 * @example
 * findUnlabelledCandidates(layouts, readIdNumber);
 */
export function findUnlabelledCandidates(
  layouts: readonly PageLayout[],
  reader: ValueReader,
  filter: (line: LayoutLine, layout: PageLayout) => boolean = () => true,
): Candidate[] {
  const candidates: Candidate[] = [];
  for (const layout of layouts) {
    for (const line of layout.lines) {
      if (!filter(line, layout)) continue;
      const reading = reader(line.text);
      if (reading) candidates.push({ reading, line, labelMatch: LabelMatch.unlabelled, raw: line.text, labelRank: 99 });
    }
  }
  return candidates;
}

/**
 * Picks the value of a field among its candidates: the best-ranked label, then the surest reading. Other candidates
 * that agree corroborate it; candidates that disagree lower its confidence with `conflicting_values`.
 *
 * @example
 * chooseCandidate(candidates)?.value;
 */
export function chooseCandidate(candidates: readonly Candidate[]): ExtractedField | undefined {
  if (candidates.length === 0) return undefined;
  // A code that failed its check is tried with the engine's second choices first; a code read right at once still
  // comes before one repaired so.
  const scored = candidates.map(withSecondChoices).map((c) => ({ c, confidence: candidateConfidence(c) }));
  scored.sort(
    (a, b) =>
      Number(a.c.reading.evidence === 'failed') - Number(b.c.reading.evidence === 'failed') ||
      Number(readAsSecondChoice(a.c.reading)) - Number(readAsSecondChoice(b.c.reading)) ||
      a.c.labelRank - b.c.labelRank ||
      b.confidence - a.confidence,
  );
  const best = scored[0];
  const issues = [...best.c.reading.issues];
  let confidence = best.confidence;
  const others = scored.slice(1).filter((s) => s.c.line !== best.c.line);
  const agreeing = others.filter((s) => s.c.reading.value === best.c.reading.value);
  // Only a rival that looks as typical as the chosen value contradicts it.
  const disagreeing = others.filter(
    (s) =>
      s.c.reading.value !== best.c.reading.value &&
      s.c.reading.evidence !== 'failed' &&
      !readAsSecondChoice(s.c.reading) &&
      s.c.labelRank < 99 &&
      s.c.reading.plausibility >= Math.min(0.9, best.c.reading.plausibility),
  );
  if (agreeing.length > 0) {
    const second = Math.max(...agreeing.map((s) => s.confidence));
    // Two independent reads that agree: the chance both are wrong the same way is small.
    confidence = 1 - (1 - confidence) * (1 - second * 0.8);
  }
  if (disagreeing.length > 0) {
    issues.push('conflicting_values');
    confidence *= 0.5;
  }
  return {
    value: best.c.reading.value,
    confidence,
    needsReview: false,
    source: { page: best.c.line.page, box: best.c.line.original, raw: best.c.line.raw },
    issues,
    correction: best.c.reading.correction,
  };
}
