import { LabelMatch } from './confidence.js';
import {
  allLines,
  creditCodeField,
  END_DATE_OPEN_ENDED_CONFLICT,
  fieldFromLine,
  findDateRange,
  idNumberField,
  labelled,
  printsOpenEndedTerm,
  type DateRange,
  type DocumentContext,
  type DraftField,
  type DraftFields,
} from './document-context.js';
import { VALUE_MAY_CONTINUE } from './continuation.js';
import { organisationByShape, type ShapeRegion } from './values-by-shape.js';
import { WRAP_INFERRED } from './field-search.js';
import { findDates } from './dates.js';
import { readDateOrOverrunDay } from './overrun-days.js';
import { startsUnderText, valueWrappedUnderGluedLabel, WRAP_JOINED } from './glued-value-wraps.js';
import { completeSurnameOnlyName } from './surname-only-names.js';
import { headRunOnAfterBlank } from './blank-run-on-heads.js';
import { readContractEmployerName, withoutCreditCode } from './contract-titles.js';
import { inLabelColumn, overlapAcross, startsInLabelCell } from './label-columns.js';
import { readDateOrYearLostZero } from './lost-zero-years.js';
import { documentText } from './document-text.js';
import { LABEL_GROUP_OF, LABELS, type LabelGroup } from './labels.js';
import { DATE_TWIN_INFERRED, dateFromTwin } from './twin-dates.js';
import { VALUE_OFF_ROW_INFERRED, valueInLabelCell, valueNearPartyLabel, valueOverItsLabel } from './values-near-party-labels.js';
import { sixteenthBirthday } from './holder-age.js';
import { signedDateInRowPieces, signedDateYearLost } from './signed-date-remnants.js';
import { buildPageLayout, linesOfSource, linesRightOf, type LayoutLine, type PageLayout } from './page-layout.js';
import { classifyPage, documentTitles } from './classify.js';
import type { OcrPage } from '../documents/ocr-page.js';
import { sealLettering } from './seal-lettering.js';
import { centreX, centreY } from './line-geometry.js';
import { termFromRunOnLine } from './run-on-term-dates.js';
import { DATE_SEPARATOR_INFERRED } from './misread-dates.js';
import { readLetterSentences, readPartiesSentence, readPost, readWholePersonName } from './letter-reading.js';
import { Evidence, readDateValue, readEmployerName, readOrganisationName, readPersonName, readSchoolName, type ValueReader } from './value-readers.js';

/**
 * Where a contract prints its parties: over its signature block's captions (`甲方(盖章)`, `乙方(签字)`; a seal's
 * lettering and the signers stand beside and under them), the whole page when it prints no block.
 */
const overSignatureBlock: ShapeRegion = (line, layout) =>
  layout.lines.every((l) => !(EMPLOYER_SIGNS.test(l.flat) || EMPLOYEE_SIGNS.test(l.flat)) || line.box.y + line.box.height <= l.box.y + l.box.height * 0.5);

/** Marks a null end date as the answer (an open-ended term), not a missing value. */
export const OPEN_ENDED = 'open_ended_term';

/**
 * `无固定期限` as the value of an end date's label (`合同终止日期：无固定期限`): the term has no end, which is the answer,
 * not a date missing (read so wherever the page's fill-in sits, moved back onto its labels or not).
 *
 * @example
 * readOpenEndedTerm('无固定期限')?.issues; // ['open_ended_term']
 */
const readOpenEndedTerm: ValueReader = (text) =>
  /^无固定期限(劳动合同)?$/.test(text.replace(/[\s:：]/g, '')) ? { value: null, evidence: Evidence.shape, plausibility: 1, issues: [OPEN_ENDED] } : null;

function termFields(ctx: DocumentContext, range: DateRange, labels: { start: readonly string[]; end: readonly string[] }) {
  const startDate: DraftField | undefined = range.start
    ? fieldFromLine(
        range.start.line,
        { value: range.start.date.value, evidence: Evidence.shape, plausibility: 1, issues: range.start.joinGuessed ? ['date_wrap_inferred'] : [] },
        LabelMatch.inline,
        range.start.date.raw,
      )
    : (labelled(ctx, labels.start, readDateValue) ?? dateFromTwin(ctx, labels.start) ?? labelled(ctx, labels.start, readDateOrYearLostZero));
  let endDate: DraftField | undefined;
  if (range.end === null && range.openEndedLine) {
    endDate = fieldFromLine(
      range.openEndedLine,
      { value: null, evidence: Evidence.shape, plausibility: 1, issues: [OPEN_ENDED] },
      LabelMatch.inline,
      '无固定期限',
    );
  } else if (range.end) {
    const issues = [
      ...(range.end.joinGuessed ? ['date_wrap_inferred'] : []),
      ...(range.end.separatorGuessed ? ['term_separator_unreadable'] : []),
      ...(range.end.dateSeparatorLost ? [DATE_SEPARATOR_INFERRED] : []),
    ];
    endDate = fieldFromLine(
      range.end.line,
      { value: range.end.date.value, evidence: Evidence.shape, plausibility: 1, issues },
      LabelMatch.inline,
      range.end.date.raw,
    );
  } else {
    endDate =
      labelled(ctx, labels.end, readDateValue) ??
      dateFromTwin(ctx, labels.end) ??
      labelled(ctx, labels.end, readDateOrYearLostZero) ??
      labelled(ctx, labels.end, readOpenEndedTerm);
  }
  if (startDate && endDate && typeof startDate.value === 'string' && typeof endDate.value === 'string' && startDate.value > endDate.value) {
    startDate.issues = [...(startDate.issues ?? []), 'start_after_end_order'];
    endDate.issues = [...(endDate.issues ?? []), 'start_after_end_order'];
  }
  return { startDate, endDate };
}

/** Whether a field holds a value that reads whole by `reader` (a name with its known surname, not `合同类型`). */
function isWholeValue(field: DraftField | undefined, reader: ValueReader): boolean {
  return typeof field?.value === 'string' && reader(field.value)?.plausibility === 1;
}

/** A value that is only an organisation's ending, never a name by itself. */
const ORGANISATION_ENDING_ONLY = /^(?:股份|集团|控股)?(?:有限)?(?:责任)?公司$|^(?:集团|股份有限公司)$/;

/**
 * Whether a name joined from two lines is printed whole on one line elsewhere in the document (the signature page,
 * the opening sentence): that agreement confirms the join.
 */
function printedWholeElsewhere(ctx: DocumentContext, name: string): boolean {
  return allLines(ctx).some((l) => l.flat.includes(name));
}

/**
 * A labelled organisation name: read on its line, and only when that is no whole name (`杭州灵隐汽车维修有限`), read
 * again with the lines its value wraps onto (a whole name is never run on into the clause under it).
 */
function organisationField(ctx: DocumentContext, labels: readonly string[], reader: ValueReader): DraftField | undefined {
  const found = labelledOrganisation(ctx, labels, reader);
  if (typeof found?.value === 'string' && readOrganisationName(found.value)?.plausibility === 1) return found;
  // Not read whole: the engine may have boxed the name with its label, its wrap set under the name's own start.
  return valueWrappedUnderGluedLabel(ctx, labels, reader) ?? found;
}

function labelledOrganisation(ctx: DocumentContext, labels: readonly string[], reader: ValueReader): DraftField | undefined {
  const single = labelled(ctx, labels, reader);
  if (typeof single?.value !== 'string' || readOrganisationName(single.value)?.plausibility === 1) return single;
  const wrapped = labelled(ctx, labels, reader, { wrap: true });
  // The wrapped read may start above the line read alone (a value centred on its label's row): it must hold it.
  const whole = typeof wrapped?.value === 'string' && wrapped.value.includes(single.value);
  if (!whole || readOrganisationName(wrapped!.value as string)?.plausibility !== 1) return single;
  // The join is read from layout alone: the clerk confirms it, unless another page prints the name whole.
  if (printedWholeElsewhere(ctx, wrapped!.value as string)) return wrapped!;
  return { ...wrapped!, issues: [...(wrapped!.issues ?? []), WRAP_JOINED] };
}

/**
 * An organisation's name cut at a cell's edge (`杭州之江建筑工` over `程有限公司`): when the value lacks an
 * organisation's ending and the line just under it, in its column, completes one, the two are joined (flagged
 * `wrap_joined_inferred` for the clerk, since the join is read from layout alone).
 */
function completeOrganisationName(ctx: DocumentContext, field: DraftField | undefined): void {
  if (!field?.source?.box || typeof field.value !== 'string') return;
  // Lines joined by layout alone are confirmed when the document prints the joined name whole elsewhere.
  if (field.issues?.includes(WRAP_INFERRED) && printedWholeElsewhere(ctx, field.value)) field.issues = field.issues.filter((issue) => issue !== WRAP_INFERRED);
  const layout = ctx.layouts.find((l) => l.page === field.source!.page);
  // A value read with its wrap has a box round its lines: the name goes on above its first line, below its last.
  const lines = layout ? linesOfSource(layout.lines, field.source.box) : [];
  const line = lines[0];
  const lastLine = lines[lines.length - 1];
  if (!layout || !line) return;
  // The value may be boxed with its label (`甲方 服务有限公司`): the column is the value's, not the box's.
  const valueAt = line.hits.length > 0 ? line.text.indexOf(field.value.slice(0, 2), line.hits[line.hits.length - 1].end) : 0;
  const inColumn = (l: LayoutLine) =>
    !lines.includes(l) && l.hits.length === 0 && (Math.abs(l.box.x - line.box.x) < line.box.height * 1.5 || (valueAt > 0 && startsUnderText(line, valueAt, l)));
  // A cell centred on its label's row puts the name's beginning on the line above the label (`杭州紫金建` / label
  // / `筑工程有限公司`). The line above is joined when what was read is no whole name by itself (`有限公司`,
  // `筑工程有限公司`), or when another line of the document prints the joined name whole; flagged unless the latter.
  const above = layout.lines
    .filter((l) => inColumn(l) && l.box.y < line.box.y - line.box.height * 0.4 && l.box.y > line.box.y - line.box.height * 1.6)
    .sort((a, b) => b.box.y - a.box.y)[0];
  // The line above may hold the next column's credit code boxed onto the name's first line (`浙江嘉禾汽车9133…`).
  const head = above ? withoutCreditCode(above.flat) : '';
  const whole = above ? readOrganisationName(head + field.value) : null;
  if (whole && whole.plausibility === 1) {
    const confirmed = printedWholeElsewhere(ctx, whole.value as string);
    if (confirmed || ORGANISATION_ENDING_ONLY.test(field.value) || (readOrganisationName(field.value)?.plausibility ?? 0) < 1) {
      if (confirmed) takeConfirmedJoin(field, whole.value as string);
      else field.value = whole.value;
      if (!confirmed) field.issues = [...(field.issues ?? []), WRAP_JOINED];
      return;
    }
  }
  if (readOrganisationName(field.value)?.plausibility === 1) return;
  const lineUnder = (above: LayoutLine) =>
    layout.lines
      .filter(
        (l) =>
          !lines.includes(l) &&
          l.hits.length === 0 &&
          l.box.y > above.box.y + above.box.height * 0.4 &&
          l.box.y < above.box.y + above.box.height * 1.6 &&
          Math.abs(l.box.x - above.box.x) < above.box.height * 1.5,
      )
      .sort((a, b) => a.box.y - b.box.y)[0];
  // A narrow cell wraps a long name more than once (`杭州嘉禾建筑` | `工程环境服务` | `股份有限公司`): the lines down
  // its column, up to three more, until the name reads whole; none is taken if it never does.
  let joined: ReturnType<typeof readOrganisationName> = null;
  let text = field.value;
  // A name wrapped down from the line above too (`浙江嘉禾汽车` | `维修供应链服` | `务有限公司`, read from its middle
  // line): the head is taken with the lines under when only together they make the name whole, never the value read.
  const needsHead = head !== '' && ((readOrganisationName(field.value)?.plausibility ?? 0) < 1 || ORGANISATION_ENDING_ONLY.test(field.value));
  for (let k = 0, last: LayoutLine | undefined = lastLine; k < 3 && last && !joined; k++) {
    last = lineUnder(last);
    if (!last) break;
    text += last.flat;
    const reading = readOrganisationName(text);
    const headed = needsHead ? readOrganisationName(head + text) : null;
    if (reading?.plausibility === 1) joined = reading;
    else if (headed?.plausibility === 1) joined = headed;
  }
  if (!joined || joined.plausibility !== 1) {
    // Still without an organisation's ending and nothing under it completes one: the clerk reads it whole.
    if (!field.issues?.includes(VALUE_MAY_CONTINUE)) field.issues = [...(field.issues ?? []), VALUE_MAY_CONTINUE];
    return;
  }
  if (printedWholeElsewhere(ctx, joined.value as string)) takeConfirmedJoin(field, joined.value as string);
  else {
    field.value = joined.value;
    field.issues = [...(field.issues ?? []), WRAP_JOINED];
  }
}

/**
 * Takes a name joined across a cell's wrap that another line of the document prints whole. The part read beside the
 * label was scored as a doubtful name (no organisation's ending, or an ending alone); the whole name is not, so the
 * field's confidence is scored again with the whole name's plausibility instead of the part's.
 */
function takeConfirmedJoin(field: DraftField, whole: string): void {
  const part = readOrganisationName(String(field.value))?.plausibility;
  const joined = readOrganisationName(whole)?.plausibility ?? 0;
  if (part && part > 0 && joined > part) field.confidence = Math.min(1, (field.confidence * joined) / part);
  field.value = whole;
}

/** The day a contract takes effect (`本合同于 A 生效`, `自 A 起生效`), and a null end when it says it is open-ended. */
function effectiveDate(ctx: DocumentContext): { start: DraftField; openEnded?: DraftField } | undefined {
  const stream = documentText(ctx.layouts);
  const text = stream.text;
  for (const d of findDates(text)) {
    const before = text.slice(Math.max(0, d.index - 12), d.index);
    const after = text.slice(d.index + d.length, d.index + d.length + 6);
    if (!/(合同|本合同).{0,4}[于自从]$|[于自从]$/.test(before) || !/^(起)?(生效|开始履行|起算)/.test(after)) continue;
    if (!/合同/.test(before) && !/合同/.test(text.slice(Math.max(0, d.index - 30), d.index))) continue;
    const line = stream.lineAt(d.index);
    const start = fieldFromLine(line, { value: d.value, evidence: Evidence.shape, plausibility: 1, issues: [] }, LabelMatch.inline, d.raw);
    const sentence = text.slice(Math.max(0, d.index - 40), d.index);
    const openEnded = /无固定期限/.test(sentence)
      ? fieldFromLine(line, { value: null, evidence: Evidence.shape, plausibility: 1, issues: [OPEN_ENDED] }, LabelMatch.inline, '无固定期限')
      : undefined;
    return { start, openEnded };
  }
  return undefined;
}

/** Below this, a digit the engine scored may be another digit (a seal or a stain over the date): the clerk checks. */
export const DIGIT_CONFIDENCE_FLOOR = 0.9;

/**
 * Flags a date read off a line whose digits the engine scored low (`date_characters_unreadable`): one wrong
 * digit is a plausible but wrong date, so such a date is never reported confident.
 */
function flagUncertainDigits(ctx: DocumentContext, field: DraftField | undefined): void {
  if (!field?.source?.box) return;
  const line = ctx.layouts.find((l) => l.page === field.source!.page)?.lines.find((l) => l.original === field.source!.box);
  const digits = line?.chars?.filter((c) => /[0-9０-９〇零一二三四五六七八九十]/.test(c.text)) ?? [];
  if (digits.length === 0 || Math.min(...digits.map((c) => c.confidence)) >= DIGIT_CONFIDENCE_FLOOR) return;
  field.issues = [...(field.issues ?? []), 'date_characters_unreadable'];
}

/** `甲方（盖章）`, `用人单位（公章）`: the employer's signing block. */
const EMPLOYER_SIGNS = /^(?:甲方|用人单位)[(（]?(?:盖章|公章|签章|签字|签名)/;
/** `乙方（签名）`, `劳动者（签字）`: the employee's signing block. */
const EMPLOYEE_SIGNS = /^(?:乙方|劳动者)[(（]?(?:签字|签名|签章|盖章)/;

/**
 * A signature page whose dates carry no label but stand one under each party's block (`甲方（盖章）` … date,
 * `乙方（签名）` … date): when both blocks are there and every date of the page is the same day, printed at least
 * twice, that day is the signing date (issue 19: "the signing date beside the seals"), not a date to confirm.
 */
function signedUnderBothParties(page: DocumentContext['layouts'][number], dateLines: readonly LayoutLine[], value: unknown): boolean {
  if (dateLines.length < 2) return false;
  if (!page.lines.some((l) => EMPLOYER_SIGNS.test(l.flat)) || !page.lines.some((l) => EMPLOYEE_SIGNS.test(l.flat))) return false;
  return dateLines.every((l) => readDateValue(l.text)?.value === value);
}

/** Issue on a signing date more than a year from the term's start (a year or a month misread in one of the two). */
export const SIGNED_DATE_START_CONFLICT = 'signed_date_start_conflict';
/** Issue on a start date before the worker's sixteenth birthday (the legal working age), read off the ID number. */
export const START_DATE_HOLDER_AGE_CONFLICT = 'start_date_holder_age_conflict';

/** Issue on an end date less than a month after the signing date. */
export const END_DATE_SIGNED_DATE_CONFLICT = 'end_date_signed_date_conflict';

const DAY_MS = 86_400_000;

/**
 * Dates of one contract that cannot all be right: a signing date more than a year from the start (contracts are
 * signed days or weeks around it) flags both, since either may hold the misread digit; an end less than a month after
 * the signing flags the end; a start before the worker turned sixteen flags the start.
 */
function flagImplausibleTermDates(f: { signedDate?: DraftField; startDate?: DraftField; endDate?: DraftField; idNumber?: DraftField }): void {
  const { signedDate, startDate, endDate, idNumber } = f;
  if (typeof signedDate?.value === 'string' && typeof endDate?.value === 'string') {
    // No labour contract ends within a month of its signing: such an end is most likely the start's date, read
    // beside the end's label (a fill-in shifted onto the next row).
    if ((Date.parse(endDate.value) - Date.parse(signedDate.value)) / DAY_MS < 31) endDate.issues = [...(endDate.issues ?? []), END_DATE_SIGNED_DATE_CONFLICT];
  }
  if (typeof signedDate?.value === 'string' && typeof startDate?.value === 'string') {
    const apart = Math.abs(Date.parse(signedDate.value) - Date.parse(startDate.value)) / DAY_MS;
    if (apart > 366) {
      signedDate.issues = [...(signedDate.issues ?? []), SIGNED_DATE_START_CONFLICT];
      startDate.issues = [...(startDate.issues ?? []), SIGNED_DATE_START_CONFLICT];
    }
  }
  const sixteen = sixteenthBirthday(idNumber);
  if (sixteen && typeof startDate?.value === 'string' && startDate.value < sixteen) {
    startDate.issues = [...(startDate.issues ?? []), START_DATE_HOLDER_AGE_CONFLICT];
  }
}

/** Label groups of dates that are not the signing date. */
const OTHER_DATE_GROUPS: ReadonlySet<LabelGroup> = new Set(['startDate', 'endDate', 'birthDate', 'issueDate', 'establishedDate', 'term']);

/** The signing date: a labelled 签订日期, else the last date on the last page near the signatures. */
function signedDateField(ctx: DocumentContext, taken: readonly (DraftField | undefined)[] = []): DraftField | undefined {
  const found =
    labelled(ctx, [...LABELS.signedDate, '日期'], readDateValue) ??
    dateFromTwin(ctx, [...LABELS.signedDate, '日期']) ??
    labelled(ctx, [...LABELS.signedDate, '日期'], readDateOrYearLostZero) ??
    labelled(ctx, [...LABELS.signedDate, '日期'], readDateOrOverrunDay);
  if (found) return found;
  // The signature page is the last page that holds a date: a contract may end on a blank record page
  // (`劳动合同变更、续订记录` with empty date cells) after the one both parties signed.
  // A date beside another date's label (`合同到期日：…`, `出生日期：…`), or the line the term's start or end was read
  // from (a value boxed apart from its label), is that field's, never the signing date.
  const takenBoxes = new Set(taken.flatMap((f) => (f?.source?.box ? [f.source.box] : [])));
  const dated = (page: DocumentContext['layouts'][number]) =>
    page.lines.filter(
      (l) =>
        findDates(l.text).length === 1 &&
        !/自|至|起|期限/.test(l.flat) &&
        !l.hits.some((h) => OTHER_DATE_GROUPS.has(LABEL_GROUP_OF.get(h.form)!)) &&
        !takenBoxes.has(l.original),
    );
  const last = [...ctx.layouts].reverse().find((page) => dated(page).length > 0) ?? ctx.layouts[ctx.layouts.length - 1];
  const lines = dated(last);
  const later = laterPartyDate(last, lines);
  const line = later ?? lines[lines.length - 1];
  const reading = line ? readDateValue(line.text) : null;
  if (!line || !reading) return undefined;
  const field = fieldFromLine(line, reading, LabelMatch.unlabelled);
  if (signedUnderBothParties(last, lines, reading.value)) return field;
  // A date with no 签订日期 beside it may be any date of the last page (the term's end beside its label, a seal's
  // date): the clerk confirms it, it is never reported confident.
  field.issues = [...(field.issues ?? []), 'signed_date_inferred_unlabelled', ...(later ? [PARTY_SIGNING_DATES_DIFFER] : [])];
  return field;
}

/** Issue on a signing date taken as the later of the two parties' different dates: the clerk confirms which is meant. */
export const PARTY_SIGNING_DATES_DIFFER = 'party_signing_dates_differ';

/**
 * Of two different dates under the two parties' signing blocks (`甲方（盖章）` … its date, `乙方（签字）` … its date, no
 * 签订日期 label), the later: a labour contract takes effect once both parties have signed or sealed it (劳动合同法
 * 第十六条: "经用人单位与劳动者在劳动合同文本上签字或者盖章生效"), so the day the second party signed is the contract's.
 * Undefined unless the page holds both blocks and its dated lines exactly two dates, each under one block's column.
 */
function laterPartyDate(page: DocumentContext['layouts'][number], dateLines: readonly LayoutLine[]): LayoutLine | undefined {
  const employer = page.lines.find((l) => EMPLOYER_SIGNS.test(l.flat));
  const employee = page.lines.find((l) => EMPLOYEE_SIGNS.test(l.flat));
  if (!employer || !employee || dateLines.length !== 2) return undefined;
  const dated = dateLines.map((line) => ({ line, value: readDateValue(line.text)?.value }));
  if (dated.some((d) => typeof d.value !== 'string') || dated[0].value === dated[1].value) return undefined;
  // Each date under its own block: nearer that block's start across the page than the other's, and below it.
  const nearest = (l: LayoutLine) => (Math.abs(l.box.x - employer.box.x) <= Math.abs(l.box.x - employee.box.x) ? employer : employee);
  const blocks = dated.map((d) => nearest(d.line));
  if (blocks[0] === blocks[1] || dated.some((d, k) => d.line.box.y < blocks[k].box.y)) return undefined;
  return (dated[0].value! > dated[1].value! ? dated[0] : dated[1]).line;
}

/**
 * A date that cannot be right (a signing date in the future: `二050年七月二十九日`, one digit misread) when the
 * document prints, on another line, exactly one past date one digit away from it (the other party's signing line):
 * that date, flagged DATE_TWIN_INFERRED for the clerk.
 */
function pastTwinOfDate(ctx: DocumentContext, field: DraftField): DraftField | undefined {
  const misread = String(field.value);
  const oneDigitAway = (value: string) => value.length === misread.length && [...value].filter((ch, i) => ch !== misread[i]).length === 1;
  const twins = allLines(ctx).flatMap((line) =>
    line.original === field.source?.box ? [] : findDates(line.text).flatMap((d) => (d.value <= ctx.today && oneDigitAway(d.value) ? [{ d, line }] : [])),
  );
  if (new Set(twins.map((t) => t.d.value)).size !== 1) return undefined;
  const { d, line } = twins[0];
  return fieldFromLine(line, { value: d.value, evidence: Evidence.shape, plausibility: 0.85, issues: [DATE_TWIN_INFERRED] }, LabelMatch.unlabelled, d.raw);
}

/** A numeric date that ends its line one digit into its day (`签订日期：2018-12-1`): the day's second digit may be lost. */
const DAY_CUT_AT_LINE_END = /(\d{4})[-./](\d{1,2})[-./](\d)\s*$/;

/**
 * A signing date read from a line that ends one digit into the day (`2018-12-1`, the `4` of `14` lost to noise or a
 * seal) when exactly one other line prints the same year and month with a two-digit day opening with that digit (the
 * other party's `日期：2018.12.14`): that date, flagged DATE_TWIN_INFERRED for the clerk. Undefined otherwise.
 */
function longerTwinOfCutDay(ctx: DocumentContext, field: DraftField, taken: readonly (DraftField | undefined)[]): DraftField | undefined {
  const line = allLines(ctx).find((l) => l.original === field.source?.box);
  const cut = line ? DAY_CUT_AT_LINE_END.exec(line.text) : null;
  if (!line || !cut || typeof field.value !== 'string') return undefined;
  const [, year, month, digit] = cut;
  const prefix = `${year}-${month.padStart(2, '0')}-${digit}`;
  if (field.value !== `${prefix.slice(0, 8)}0${digit}`) return undefined;
  // The term's dates are no twin of the signing (a term may start days after it).
  // (A bare `日期：` is the signing line's label on a contract, whatever group it has elsewhere.)
  const takenBoxes = new Set(taken.flatMap((f) => (f?.source?.box ? [f.source.box] : [])));
  const termLine = (l: LayoutLine) =>
    takenBoxes.has(l.original) || /自|至|起|期限/.test(l.flat) || l.hits.some((h) => h.form !== '日期' && OTHER_DATE_GROUPS.has(LABEL_GROUP_OF.get(h.form)!));
  const twins = allLines(ctx).flatMap((l) =>
    l === line || termLine(l) ? [] : findDates(l.text).flatMap((d) => (d.value.startsWith(prefix) && d.value.length === 10 ? [{ d, l }] : [])),
  );
  if (new Set(twins.map((t) => t.d.value)).size !== 1) return undefined;
  const { d, l } = twins[0];
  return fieldFromLine(l, { value: d.value, evidence: Evidence.shape, plausibility: 0.85, issues: [DATE_TWIN_INFERRED] }, LabelMatch.unlabelled, d.raw);
}

/** Issue on a party whose name two pages of the contract give differently (the cover's 乙方 and the signature page's). */
export const PARTY_NAMES_CONFLICT = 'party_names_conflict';

const SECOND_PARTY_LINE = /^(?:乙方|劳动者)(?:[(（][^)）]{0,8}[)）])?(?:姓名|签字|签名|签章|本人签字|本人签名)?(?:[(（][^)）]{0,8}[)）])?[:：](.+)$/;
const FIRST_PARTY_LINE = /^(?:甲方|用人单位)(?:[(（][^)）]{0,8}[)）])?(?:名称|盖章|公章|签章)?(?:[(（][^)）]{0,8}[)）])?[:：](.+)$/;

/**
 * Every page of a contract may name its parties (the cover, the first clauses, the signature page): where any of
 * them names a party otherwise than the value read, the field is flagged PARTY_NAMES_CONFLICT for the clerk.
 */
function checkPartyAgreement(ctx: DocumentContext, field: DraftField | undefined, pattern: RegExp, reader: ValueReader): void {
  if (!field || typeof field.value !== 'string') return;
  for (const line of allLines(ctx)) {
    const m = pattern.exec(line.flat);
    const reading = m ? reader(m[1]) : null;
    if (!reading || typeof reading.value !== 'string' || reading.plausibility < 0.9) continue;
    if (reading.value !== field.value && !field.issues?.includes(PARTY_NAMES_CONFLICT)) {
      field.issues = [...(field.issues ?? []), PARTY_NAMES_CONFLICT];
    }
  }
}

/**
 * The lines on the row under a caption (`方`, a spread `乙　方` that lost its head) that stand in its cell: within two
 * and a half rows under it, with the caption the nearest line of its row across (a row of captions over a row of
 * values: each value sits under the caption nearest it).
 */
function namesUnderCaption(layout: PageLayout, caption: LayoutLine): LayoutLine[] {
  const h = Math.max(caption.box.height, layout.medianLineHeight);
  const bottom = caption.box.y + caption.box.height;
  const row = layout.lines.filter((l) => l.half === caption.half && Math.abs(centreY(l) - centreY(caption)) < h * 0.5);
  return layout.lines.filter((o) => {
    if (o.half !== caption.half || o.hits.length > 0 || centreY(o) < bottom || o.box.y > bottom + h * 2.5) return false;
    const nearest = row.reduce((a, b) => (Math.abs(centreX(b) - centreX(o)) < Math.abs(centreX(a) - centreX(o)) ? b : a));
    return nearest === caption;
  });
}

/**
 * The employee beside a party label whose head the engine lost (`乙` of a spread `乙　方`, one thin stroke a photo's
 * blur or shadow takes): a lone `方` (or `方:`) boxed alone — or the label's head `乙` alone, the rest of `乙方姓名` lost
 * under a fill-in printed over it — then on its row (or, in a grid of captions over values, in its cell
 * on the row under it) a line that is nothing but a person's name with a known surname; or `方` glued before such a
 * name in one box (`方吴杰`: read `吴杰`, flagged all the same, `方` being a surname too). The employer of a labour contract is an organisation, so a person's name there is 乙方's. Read only
 * when nothing else names the employee, and flagged `label_inferred`; never when two such lines are on the pages.
 */
function nameAfterLabelTail(ctx: DocumentContext): DraftField | undefined {
  const found: DraftField[] = [];
  for (const layout of ctx.layouts) {
    // With or without the colon the label ends in (`乙　方:` → `方:`); or its head alone (`乙` of `乙方姓名`, the rest
    // under the value printed over it).
    for (const tail of layout.lines.filter((l) => /^(?:方:?|乙)$/.test(l.flat) && l.hits.length === 0)) {
      const right = linesRightOf(layout, tail)[0];
      const beside = right && right.hits.length === 0 && right.box.x - (tail.box.x + tail.box.width) <= tail.box.height * 4 ? right : undefined;
      // In a grid of captions over values the name stands on the row under the caption, in its cell.
      for (const next of beside ? [beside] : namesUnderCaption(layout, tail)) {
        const reading = readWholePersonName(next.text);
        if (!reading || reading.plausibility !== 1 || reading.value !== next.flat) continue;
        const field = fieldFromLine(next, reading, LabelMatch.unlabelled);
        field.issues = [...(field.issues ?? []), 'label_inferred'];
        found.push(field);
      }
    }
  }
  // The `方` glued to the name in one box (`方吴杰`, the `乙` lost): the name after it, if it is whole alone.
  for (const layout of ctx.layouts) {
    for (const line of layout.lines.filter((l) => l.hits.length === 0 && /^方[\u3400-\u9fff]{2,4}$/.test(l.flat))) {
      const rest = line.flat.slice(1);
      const reading = readWholePersonName(rest);
      if (!reading || reading.plausibility !== 1 || reading.value !== rest) continue;
      const field = fieldFromLine(line, reading, LabelMatch.unlabelled, rest);
      field.issues = [...(field.issues ?? []), 'label_inferred', 'value_boundary_inferred'];
      found.push(field);
    }
  }
  return found.length === 1 ? found[0] : undefined;
}

/** Label groups of a date: a date near one of their labels is that label's candidate before any other's. */
const DATE_GROUPS: ReadonlySet<LabelGroup> = new Set(['startDate', 'endDate', 'signedDate', 'birthDate', 'issueDate', 'establishedDate']);

/**
 * A term's date printed off its label's row in the label's own column (`2020.10.04` set over `合同起始日期：`, between
 * it and the row above, whose value is beside its own label; `2021-12-07` set over its caption `（合同期限至）`, level
 * with the start's label across the page; `2026-06-14` at the left of the cell under `合同期限至` in a grid of
 * captions over values): a line that is one date and nothing else, in the waiting label's column (over or under its
 * span, or under it starting in its grid cell), within two of its heights above or below it, nearer that label than
 * any other date label of its column, and no field's source already. Taken only when exactly one such date is on the
 * pages; flagged VALUE_OFF_ROW_INFERRED.
 */
function dateOverOrUnderItsLabel(ctx: DocumentContext, labels: readonly string[], taken: readonly (DraftField | undefined)[]): DraftField | undefined {
  const forms = new Set(labels);
  const takenBoxes = new Set(taken.flatMap((f) => (f?.source?.box ? [f.source.box] : [])));
  const found = new Map<string, DraftField>();
  for (const layout of ctx.layouts) {
    const dateLabels = layout.lines.filter((l) => l.hits.some((h) => DATE_GROUPS.has(LABEL_GROUP_OF.get(h.form)!)));
    for (const label of layout.lines) {
      const hit = label.hits[label.hits.length - 1];
      // A label still waits for its date when what the engine boxed after it holds none (`合同起始日期焊工`: a shifted
      // page's next value glued to it).
      if (!hit || !forms.has(hit.form) || findDates(hit.inlineValue).length > 0 || readDateValue(hit.inlineValue)) continue;
      const h = label.box.height;
      for (const o of layout.lines) {
        if (o.hits.length > 0 || takenBoxes.has(o.original) || o.half !== label.half || !inLabelColumn(layout, label, o)) continue;
        const dy = Math.abs(centreY(o) - centreY(label));
        if (dy < h * 0.6 || dy > h * 2.2) continue;
        const reading = readDateValue(o.text);
        const dates = findDates(o.text);
        if (!reading || typeof reading.value !== 'string' || dates.length !== 1 || dates[0].raw.replace(/\s/g, '') !== o.flat) continue;
        // A date label of another column (the start's, level with the date across the page) is no rival: a label
        // alone on its row has the whole row for its grid cell, so one level with the date (a hair over it) is
        // its rival only over or under the date, never beside it.
        const underIt = (d: LayoutLine) => centreY(o) - centreY(d) > d.box.height * 0.5 && startsInLabelCell(layout, d, o);
        if (dateLabels.some((d) => d !== label && Math.abs(centreY(o) - centreY(d)) < dy && (overlapAcross(d, o) || underIt(d)))) continue;
        found.set(reading.value, fieldFromLine(o, { ...reading, issues: [...reading.issues, VALUE_OFF_ROW_INFERRED] }, LabelMatch.unlabelled));
      }
    }
  }
  return found.size === 1 ? [...found.values()][0] : undefined;
}

/** Issue on a value read beside a label that names more than its field (the term's `合同期限` for its start). */
const LABEL_INFERRED = 'label_inferred';

/**
 * The term's start beside a bare `合同期限` (its `自` lost to glare or a seal: `合同期限` … `2019年11月21日`) when the
 * end is read beside its own label (`合同终止日期：2024年11月20日`) and is later: a term has one start and one end, and
 * the end's is taken. Flagged `label_inferred`: which end of the term the label named is the clerk's to confirm.
 */
function startBesideBareTermLabel(ctx: DocumentContext, endDate: DraftField | undefined): DraftField | undefined {
  if (typeof endDate?.value !== 'string') return undefined;
  const found = labelled(ctx, ['合同期限', '期限'], readDateValue);
  if (typeof found?.value !== 'string' || found.value >= endDate.value || found.source?.box === endDate.source?.box) return undefined;
  return { ...found, issues: [...(found.issues ?? []), LABEL_INFERRED] };
}

/** A line that is nothing but a leader (`－－－－－－`, `······`, `____`): where a fill-in is written after it. */
const LEADER_ONLY = /^[－\-—─_＿·.…。]+$/;

/**
 * The value written after a leader that wrapped its cell (`乙 方` | `－－－－－－` / `－－－－－－` / `－` `郑敏`): the
 * leader's pieces stacked one under another in one column beside a waiting label of `labels`, the value on the last
 * piece's row right after it (within two of its heights). Flagged `value_wrap_inferred`: the pairing is the layout's.
 */
function valueAfterWrappedLeader(ctx: DocumentContext, labels: readonly string[], reader: ValueReader): DraftField | undefined {
  const forms = new Set(labels);
  const found: DraftField[] = [];
  for (const layout of ctx.layouts) {
    for (const label of layout.lines) {
      const hit = label.hits[label.hits.length - 1];
      if (!hit || !forms.has(hit.form) || hit.inlineValue !== '' || hit.otherParty || hit.signature) continue;
      let piece = linesRightOf(layout, label)[0];
      if (!piece || !LEADER_ONLY.test(piece.flat) || piece.box.x - (label.box.x + label.box.width) > label.box.height * 6) continue;
      // Down the leader's column, piece by piece, as tight as a cell's wrapped lines sit.
      for (;;) {
        const last = piece;
        const h = last.box.height;
        const next = layout.lines.find(
          (l) =>
            l !== last &&
            LEADER_ONLY.test(l.flat) &&
            Math.abs(l.box.x - last.box.x) < h * 0.5 &&
            l.box.y > last.box.y + h * 0.5 &&
            l.box.y - (last.box.y + h) < h * 0.8,
        );
        if (!next) break;
        piece = next;
      }
      if (piece === linesRightOf(layout, label)[0]) continue;
      const end = piece.box.x + piece.box.width;
      const value = layout.lines.find(
        (l) =>
          l.hits.length === 0 &&
          !LEADER_ONLY.test(l.flat) &&
          l.box.x >= end - piece.box.height * 0.3 &&
          l.box.x - end < piece.box.height * 2 &&
          Math.abs(centreY(l) - centreY(piece)) < piece.box.height * 0.6,
      );
      const reading = value ? reader(value.text) : null;
      if (!value || !reading || reading.plausibility !== 1 || reading.value !== value.flat) continue;
      found.push(fieldFromLine(value, { ...reading, issues: [...reading.issues, WRAP_INFERRED] }, LabelMatch.unlabelled));
    }
  }
  return found.length === 1 ? found[0] : undefined;
}

/**
 * Reads a labour contract spread over its pages: parties from the cover or first clauses, the term (with `null`
 * end for 无固定期限), and the signing date from the signature page.
 *
 * @example
 * readLaborContract(ctx).endDate?.value; // null for an open-ended contract
 */
export function readLaborContract(ctx: DocumentContext): DraftFields {
  const employerLabels = ['甲方(用人单位)名称', '甲方(用人单位)', '用人单位名称', '用人单位', '甲方', '单位名称', '用工单位'];
  let employerName = organisationField(ctx, employerLabels, readContractEmployerName);
  const employerCreditCode = creditCodeField(ctx, LABELS.creditCode);
  const employeeLabels = ['乙方(劳动者)姓名', '乙方(劳动者)', '乙方', '劳动者', '劳动者姓名', '姓名', '员工姓名', '职工姓名', '受聘人姓名', '受聘人'];
  let employeeName = labelled(ctx, employeeLabels, readWholePersonName);
  // Read under its label but no whole name (`合同类型`, the next row's caption under the label's span), or paired only
  // by a walk down the grid's rows (the name of the cell to the left, `邵梓凯` under `法定代表人`): the whole name at
  // the left of the label's own grid cell, if one stands there, is the value.
  if (!isWholeValue(employeeName, readWholePersonName) || employeeName?.issues?.includes(WRAP_INFERRED)) {
    employeeName = valueInLabelCell(ctx, employeeLabels, readWholePersonName) ?? employeeName;
  }
  const employeeIdNumber = idNumberField(ctx, LABELS.idNumber);
  completeOrganisationName(ctx, employerName);
  // Parties named in the opening sentence rather than beside labels.
  const sentence = !employerName || !employeeName ? readPartiesSentence(ctx) : {};
  employerName ??= sentence.employerName;
  employeeName ??= sentence.employeeName;
  employeeName ??= nameAfterLabelTail(ctx);
  // Printed off its label's row where no layout rule pairs it: the one whole value of its kind nearest the label.
  employerName ??= valueNearPartyLabel(ctx, employerLabels, readContractEmployerName);
  // Not read whole anywhere near its row: a whole name printed over the label in its column (a fill-in set a row high).
  if (!isWholeValue(employerName, readContractEmployerName)) employerName = valueOverItsLabel(ctx, employerLabels, readContractEmployerName) ?? employerName;
  // Its label lost (`甲` left of `用人单位`, a fill-in over it): the one name of a company's shape in the parties' part.
  employerName ??= organisationByShape(ctx.layouts.slice(0, 1), readContractEmployerName, overSignatureBlock);
  employeeName ??= valueNearPartyLabel(ctx, employeeLabels, readWholePersonName);
  employeeName ??= valueAfterWrappedLeader(ctx, employeeLabels, readWholePersonName);
  employeeName = headRunOnAfterBlank(ctx, employeeName, readWholePersonName);
  completeSurnameOnlyName(ctx, employeeName, readWholePersonName);
  checkPartyAgreement(ctx, employeeName, SECOND_PARTY_LINE, readWholePersonName);
  checkPartyAgreement(ctx, employerName, FIRST_PARTY_LINE, readContractEmployerName);
  const range = findDateRange(ctx, /合同期限|期限/);
  let { startDate, endDate } = termFromRunOnLine(ctx, termFields(ctx, range, { start: LABELS.startDate, end: LABELS.endDate }));
  startDate ??= dateOverOrUnderItsLabel(ctx, LABELS.startDate, [endDate]);
  startDate ??= startBesideBareTermLabel(ctx, endDate);
  // An open-ended term has no end to look for.
  if (endDate === undefined && !printsOpenEndedTerm(ctx)) endDate = dateOverOrUnderItsLabel(ctx, LABELS.endDate, [startDate]);
  if (!startDate) {
    // `本合同为无固定期限劳动合同。本合同于2020-02-10生效`: the term starts when the contract takes effect.
    const effective = effectiveDate(ctx);
    if (effective) {
      startDate = effective.start;
      endDate ??= effective.openEnded;
    }
  }
  if (endDate && endDate.value !== null && printsOpenEndedTerm(ctx)) endDate.issues = [...(endDate.issues ?? []), END_DATE_OPEN_ENDED_CONFLICT];
  let signedDate = signedDateField(ctx, [startDate, endDate]);
  if (!signedDate || signedDate.value === null) signedDate = signedDateInRowPieces(ctx) ?? signedDateYearLost(ctx, startDate) ?? signedDate;
  if (signedDate) signedDate = longerTwinOfCutDay(ctx, signedDate, [startDate, endDate]) ?? signedDate;
  flagUncertainDigits(ctx, signedDate);
  if (signedDate && signedDate.value !== null && signedDate.value === endDate?.value) {
    // Signed the day the term ends: the date read is most likely the term's end (`合同终止日期` holds `日期`).
    signedDate.issues = [...(signedDate.issues ?? []), 'signed_date_term_end_conflict'];
  }
  if (signedDate && typeof signedDate.value === 'string' && signedDate.value > ctx.today) {
    signedDate = pastTwinOfDate(ctx, signedDate) ?? { ...signedDate, issues: [...(signedDate.issues ?? []), 'signed_date_in_future'] };
  }
  flagImplausibleTermDates({ signedDate, startDate, endDate, idNumber: employeeIdNumber });
  return { employerName, employerCreditCode, employeeName, employeeIdNumber, startDate, endDate, signedDate };
}

/** The labels a letter of engagement prints its employer beside. */
const LETTER_EMPLOYER_LABELS = ['聘任单位', '聘用单位', '单位名称', '用人单位', '甲方'];

/**
 * Reads a letter of engagement (聘书): labelled forms (受聘人, 聘任职务, 聘期) and letters written as sentences
 * (兹聘请王晓明同志为我公司高级技师，聘期自…至…; a salutation then 特聘请您为…; 聘期三年，自…起 with the end
 * computed and marked), signed by the employer under its seal, with the date it was issued.
 *
 * @example
 * readEmploymentLetter(ctx).title?.value; // '高级技师'
 */
export function readEmploymentLetter(ctx: DocumentContext): DraftFields {
  const prose = readLetterSentences(ctx);
  const employeeName = labelled(ctx, ['受聘人姓名', '受聘人', '被聘人', '姓名', '应聘人'], readWholePersonName) ?? prose.employeeName;
  const title = labelled(ctx, LABELS.title, readPost) ?? prose.title;
  const lines = allLines(ctx);
  let employerName = organisationField(ctx, LETTER_EMPLOYER_LABELS, readEmployerName);
  if (!employerName) {
    // The employer signs at the bottom, under or beside its seal.
    const orgLines = lines.filter((l) => signedOrganisationName(l) !== null);
    const line = orgLines[orgLines.length - 1];
    if (line) employerName = fieldFromLine(line, signedOrganisationName(line)!, LabelMatch.unlabelled);
    // Another whole organisation name elsewhere in the letter (a letterhead, a second signature): which one engages
    // the person is for the clerk to say.
    const names = new Set(orgLines.map((l) => signedOrganisationName(l)!.value));
    if (employerName && names.size > 1) employerName.issues = [...(employerName.issues ?? []), 'conflicting_values'];
  }
  // No printed signature: the employer named only in its seal (issue 19), or missing.
  employerName ??= employerFromSeal(ctx);
  const range = findDateRange(ctx, /聘期|聘任期|期限/);
  let { startDate, endDate } = termFields(ctx, range, { start: LABELS.startDate, end: LABELS.endDate });
  if (prose.endDate && !range.end && !endDate) {
    // `聘期三年，自 A 起`: the end is computed from the term's length (flagged for the clerk).
    startDate = startDate ?? prose.startDate;
    endDate = prose.endDate;
  }
  const issueDate = labelled(ctx, ['发证日期', '签发日期', '落款日期', '日期'], readDateValue) ?? prose.issueDate;
  return { employerName, employeeName, title, startDate, endDate, issueDate };
}

/**
 * A letter's line that prints a whole organisation's name on its own (a signature, a letterhead), read as the
 * employer: unlabelled but for a seal's note (`杭州某某有限公司（盖章）`: the note is no part of the name, nor a stray
 * bracket the seal's ring left before it, `…有限公司）（盖章）`), and no sentence of engagement (聘, 兹).
 *
 * @example
 * signedOrganisationName(line)?.value; // '杭州某某有限公司' for `杭州某某有限公司（盖章）`
 */
function signedOrganisationName(line: LayoutLine): ReturnType<ValueReader> {
  if (!line.hits.every((h) => /章/.test(h.form)) || /聘|兹/.test(line.flat)) return null;
  const reading = readOrganisationName(line.text.replace(/\s*[)）]?\s*[(（]?\s*(?:盖章|公章|签章|印章|章)\s*[)）]?\s*$/, ''));
  return reading?.plausibility === 1 ? reading : null;
}

/**
 * Whether a page read by the engine may be a letter of engagement naming its employer only in its seal (issue 19),
 * so that the engine reads its seals' rings whole (`sealRings`, a cost of 10–17 % on a sealed page): its text has a
 * 聘书's title or its words (`classifyPage`'s vocabulary), and no line prints the employer the letter reader would
 * take first (beside its label, `labelledEmployerName`, or on its own, `signedOrganisationName`). A page holding
 * another document's title too (a certificate photographed beside a 聘书) is read whatever its lines print: the other
 * document's names are not the letter's employer. Certificates, contracts, licences and records never ask for rings.
 *
 * @example
 * const engine = createPaddleOcrEngine({ sealRings: mayNameEmployerOnlyInSeal });
 */
export function mayNameEmployerOnlyInSeal(page: OcrPage): boolean {
  const layout = buildPageLayout(page);
  const titles = documentTitles(layout);
  const letter = titles.some((t) => t.type === 'employment_letter') || (classifyPage(layout).scores.employment_letter ?? 0) >= 2;
  if (!letter) return false;
  if (titles.some((t) => t.type !== 'employment_letter')) return true;
  return !layout.lines.some((line) => signedOrganisationName(line) !== null || labelledEmployerName(line) !== null);
}

/** The employer's whole name printed on its label's line (`用人单位：杭州某某有限公司`), which the letter reader takes first. */
function labelledEmployerName(line: LayoutLine): ReturnType<ValueReader> {
  const hit = line.hits.find((h) => LETTER_EMPLOYER_LABELS.includes(h.form) && !h.otherParty);
  const reading = hit ? readEmployerName(hit.inlineValue) : null;
  return reading && readOrganisationName(reading.value as string)?.plausibility === 1 ? reading : null;
}

/** Issue on an employer read from its seal's lettering alone: the arc is read in pieces, for the clerk to confirm. */
export const EMPLOYER_FROM_SEAL = 'employer_inferred_from_seal';

/**
 * The employer a letter names only in its seal (no printed signature line, issue 19): the seal's lettering read whole
 * as an organisation's name, never with characters lost between its pieces, and never anything else on the page.
 * Two seals naming different organisations give the last, marked `conflicting_values`. Always for the clerk to
 * confirm (`EMPLOYER_FROM_SEAL`).
 */
function employerFromSeal(ctx: DocumentContext): DraftField | undefined {
  const names = ctx.layouts.flatMap((layout) =>
    sealLettering(layout).flatMap((seal) => {
      const reading = seal.gap ? null : readOrganisationName(seal.text);
      return reading?.plausibility === 1 ? [{ seal, reading }] : [];
    }),
  );
  const last = names[names.length - 1];
  if (!last) return undefined;
  const { seal, reading } = last;
  const line: LayoutLine = {
    ...seal.pieces[0],
    raw: seal.text,
    text: seal.text,
    flat: seal.text,
    leading: seal.text,
    confidence: seal.confidence,
    box: seal.box,
    original: seal.box,
    hits: [],
  };
  delete line.chars;
  const field = fieldFromLine(line, reading, LabelMatch.unlabelled);
  const conflict = new Set(names.map((n) => n.reading.value)).size > 1;
  field.issues = [...(field.issues ?? []), EMPLOYER_FROM_SEAL, ...(conflict ? ['conflicting_values'] : [])];
  return field;
}

const notSchool: ValueReader = (text) => {
  const r = readEmployerName(text);
  return r && !readSchoolName(text) ? r : null;
};

/**
 * Reads an internship agreement. The parties' roles vary between templates (甲方 may be the enterprise or the
 * school), so each party label is read by what its value is: a school, an enterprise or a person.
 *
 * @example
 * readInternshipAgreement(ctx).schoolName?.value; // '杭州市西湖职业高级中学'
 */
export function readInternshipAgreement(ctx: DocumentContext): DraftFields {
  const parties = ['甲方(实习单位)', '丙方(学校)', '乙方(学生)姓名', '甲方', '乙方', '丙方', '甲方(用人单位)', '乙方(劳动者)'];
  const enterpriseName = organisationField(ctx, ['实习单位', '企业名称', '用人单位', '单位名称', ...parties], notSchool);
  const schoolName = labelled(ctx, [...LABELS.school, ...parties], readSchoolName);
  const studentName = labelled(ctx, ['学生姓名', '实习生姓名', '实习学生', '实习生', '姓名', ...parties], readWholePersonName);
  const studentIdNumber = idNumberField(ctx, LABELS.idNumber);
  const range = findDateRange(ctx, /实习期限|实习期间|实习时间|期限/);
  const { startDate, endDate } = termFields(ctx, range, { start: LABELS.startDate, end: LABELS.endDate });
  return { enterpriseName, studentName, studentIdNumber, schoolName, startDate, endDate };
}

export { readOrganisationName };
