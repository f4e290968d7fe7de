import type { SocialInsuranceSpanRow } from '../documents/index.js';
import { LabelMatch } from './confidence.js';
import { LABELS } from './labels.js';
import { allLines, fieldFromLine, idNumberField, labelled, type DocumentContext, type DraftField, type DraftFields } from './document-context.js';
import { findMonths, monthsBetween, shiftMonth } from './dates.js';
import { currentSpan } from './current-span.js';
import { gapAlongRow, onBentRow, rowDistance, textHeight } from './bent-rows.js';
import { chooseCandidate, findLabelledCandidates } from './field-search.js';
import type { LayoutLine } from './page-layout.js';
import { Evidence, readEmployerName, readPersonName, type ValueReader } from './value-readers.js';
import { completeSurnameOnlyName } from './surname-only-names.js';
import { nameBesideLabelRemains } from './label-tail-names.js';
import { nameGluedToLabelRemains } from './label-remains-glued-names.js';
import { nameGluedAfterNextLabel, valueNearPartyLabel } from './values-near-party-labels.js';
import { recordNameWithLabelLost } from './record-name-label-lost.js';
import { centreX, centreY } from './line-geometry.js';
import { mendBackwardSpan, printedCounts, spanCellText } from './span-row-cells.js';

interface SpanRow {
  span: SocialInsuranceSpanRow;
  lines: LayoutLine[];
  /** The employer was not printed on this row and was carried from the row above (a merged cell). */
  employerInherited: boolean;
  monthsPrinted: boolean;
  monthsConsistent: boolean;
  /** The months the span's two year-months cover (the printed count may differ). */
  spanMonths: number;
  /** The end of the span the engine lost, worked out from the other end and the printed count. */
  inferred?: 'from' | 'to';
  /** The span was mended from the months the printed total leaves for it: the total cannot then confirm it. */
  fromTotal?: boolean;
  /** The row's place in the table, top to bottom. */
  order: number;
}

/** Issue on a span end worked out from the row's other year-month and its printed month count (the engine lost it). */
export const SPAN_MONTH_INFERRED = 'span_month_inferred';

/** A span cell left open at its dash: one year-month and the dash after it (`201802-`, `2019.08—`). */
const OPEN_SPAN = /^\D*(?:\d{4}\s*[./-]\s*\d{1,2}|\d{6}|\d{4}\s*年\s*\d{1,2}\s*月)\s*[-—–一~～至]$/;
/** One year-month alone (`202106`, `2021.08`, `2021年08月`). */
const LONE_MONTH = /^\s*(?:\d{4}\s*[./-]\s*\d{1,2}|\d{6}|\d{4}\s*年\s*\d{1,2}\s*月)\s*$/;

/**
 * True when `piece` sits just under `cell` (a line of its own, no label), inside its width and at most about as wide,
 * set like the cell's own text: the same type size, centred under it or flush with its start (a watermark's fragments
 * on a scan fall anywhere, at any size). `h` is the cell's first line's height.
 */
function wrapsUnder(cell: LayoutLine, piece: LayoutLine, h = textHeight(cell)): boolean {
  // Under the cell along its own row, in its type, where a curled page tilts the row (its box then stands taller).
  const gap = gapAlongRow(cell, piece);
  return (
    piece.page === cell.page &&
    piece.hits.length === 0 &&
    gap > -h * 0.2 &&
    gap < h * 0.6 &&
    piece.box.x >= cell.box.x - h * 0.3 &&
    piece.box.x + piece.box.width <= cell.box.x + cell.box.width + h * 0.3 &&
    // Narrower, or as wide where the cell's text fills its width line after line (`杭州智联信` | `息技术有限` | `公司`).
    piece.box.width < cell.box.width + h * 0.3 &&
    Math.abs(textHeight(piece) - h) < h * (monthOfCutDate(cell, piece) ? 0.4 : 0.25) &&
    (Math.abs(piece.box.x + piece.box.width / 2 - (cell.box.x + cell.box.width / 2)) < h * 0.5 || Math.abs(piece.box.x - cell.box.x) < h * 0.3)
  );
}

/**
 * A date cut after its year (`2019年08月－2021年`) and its month alone under it (`10月`): what the piece says joins the
 * cell whatever the page's curl did to the boxes' heights (36 px over 46 px on a curled photo).
 */
function monthOfCutDate(cell: LayoutLine, piece: LayoutLine): boolean {
  return /\d{4}年$/.test(cell.flat) && /^\d{1,2}月$/.test(piece.flat);
}

/**
 * A table whose cells wrap (`2015年02月—2021年09` | `月`, `杭州…股份有限公` | `司`): a line set just under a cell's line,
 * inside its width, on a row that holds no year of its own (no next table row), is the rest of that cell. Joined
 * copies; the page's lines are left as they are.
 */
function joinWrappedCells(lines: readonly LayoutLine[], lineHeight: number): { lines: LayoutLine[]; firstLines: Map<LayoutLine, LayoutLine> } {
  const out = lines.map((l) => ({ ...l }));
  // A joined cell's first line as it was: the row the cell stands on.
  const firstLines = new Map<LayoutLine, LayoutLine>();
  const taken = new Set<LayoutLine>();
  // A span cell left open at its dash (`201802-`) and the one year-month under it (`202106`) are one cell whose end
  // wrapped: the year it holds is the span's, not a next row's, so it stops no wrap joining, its own or one beside it
  // (`杭州…有限公` | `司`).
  const wrappedSpanEnds = new Set(
    out.filter(
      (piece) =>
        LONE_MONTH.test(spanCellText(piece.text)) && out.some((cell) => cell !== piece && OPEN_SPAN.test(spanCellText(cell.text)) && wrapsUnder(cell, piece)),
    ),
  );
  for (const cell of out) {
    if (taken.has(cell) || cell.hits.length > 0) continue;
    const h = textHeight(cell);
    const row = { ...cell };
    for (;;) {
      const piece = out.find((m) => m !== cell && !taken.has(m) && wrapsUnder(cell, m, h));
      if (!piece) break;
      // Rows and gaps along the rows where a curled page tilts them.
      const rowHasYear = out.some(
        (o) =>
          o !== cell &&
          !taken.has(o) &&
          !wrappedSpanEnds.has(o) &&
          rowDistance(piece, o, row) < lineHeight * 0.6 &&
          gapAlongRow(cell, o) >= -h * 0.2 &&
          /\d{4}/.test(o.text) &&
          // A long run of digits that holds no month is a number's wrap (an ID down its narrow cell), no year; a
          // span printed as two months run together (`201207201408`) is a year.
          (findMonths(o.text).length > 0 || !/^\d{7,}$/.test(o.flat) || findMonths(spanCellText(o.flat)).length > 0),
      );
      if (rowHasYear) break;
      taken.add(piece);
      // On a row a curled page tilts, the joined cell keeps to its first line's row; elsewhere its box's middle serves.
      if (onBentRow(row)) firstLines.set(cell, row);
      const top = cell.box.y;
      cell.box = { ...cell.box, height: piece.box.y + piece.box.height - top };
      cell.text = `${cell.text}${piece.text}`;
      cell.flat = `${cell.flat}${piece.flat}`;
      cell.raw = `${cell.raw}${piece.raw}`;
      cell.leading = `${cell.leading}${piece.leading}`;
      cell.confidence = Math.min(cell.confidence, piece.confidence);
      // Two lines now: the box says nothing of the first line's row any more.
      cell.rowSlope = undefined;
    }
  }
  return { lines: out.filter((l) => !taken.has(l)), firstLines };
}

/** Lines grouped into table rows: same page, vertical centres within half a line of each other. */
function rows(ctx: DocumentContext): LayoutLine[][] {
  const out: LayoutLine[][] = [];
  for (const layout of ctx.layouts) {
    const { lines, firstLines } = joinWrappedCells(layout.lines, layout.medianLineHeight);
    const sorted = lines.sort((a, b) => a.box.y + a.box.height / 2 - (b.box.y + b.box.height / 2));
    // A cell joined with its wrapped line stands on the row of its first line.
    const rowLine = (l: LayoutLine) => firstLines.get(l) ?? l;
    let current: LayoutLine[] = [];
    for (const line of sorted) {
      // Off the row's first cell by more than half a line, measured along that cell's row where a curled page bends
      // it (rows bend: a cell is matched by the local slope, not the page's; issue 12, curl23).
      if (current.length > 0 && rowDistance(rowLine(current[0]), rowLine(line)) > layout.medianLineHeight * 0.6) {
        out.push(current.sort((a, b) => a.box.x - b.box.x));
        current = [];
      }
      current.push(line);
    }
    if (current.length > 0) out.push(current.sort((a, b) => a.box.x - b.box.x));
  }
  return out;
}

const NOT_EMPLOYER = /^(养老|医疗|失业|工伤|生育|基本|正常|补缴|缴费|已到账|企业职工|城镇职工|职工|保险)/;

/** A year-month found in a row, with the line it was read from. */
interface RowMonth {
  value: string;
  line: LayoutLine;
  /** Where it ends in the row's text (lines joined by spaces, in order). */
  end: number;
  /** Where it starts in the row's text. */
  start: number;
}

/**
 * Where a row's text parts into cells: spaces, or a table's vertical rule the engine read as a stroke. A space before a
 * bracket parts nothing: the bracket goes on with the cell before it (`杭州北山电子商务合伙企业 (有限合伙)`, a
 * partnership's form printed after its name with a space; cut there, the employer lost its form, unflagged).
 */
const TABLE_RULE = /\s+(?![(（])|[丨|｜]/u;

/** A row's cells read for a span: its year-months (through the engine's slips), employer and the text around them. */
interface RowCells {
  text: string;
  months: RowMonth[];
  employerName?: string;
  employerInherited: boolean;
}

/**
 * A cell whose employer runs straight into the row's span (`杭州…有限公司2015-01—2021-10`: a text layer gives a table
 * row's adjacent cells as one run when nothing is drawn between them): the text before the first year-month, when
 * that text holds no digit; else the cell as it is. Without it the row's employer was lost and the one of the row
 * above carried down, unflagged.
 */
function employerBeforeSpan(cell: string): string {
  const [first] = findMonths(cell);
  if (!first || first.index === 0) return cell;
  const head = cell.slice(0, first.index);
  return /\d/.test(head) ? cell : head;
}

function rowCells(row: LayoutLine[], previousEmployer: string | undefined): RowCells {
  // The row's text as before (lines joined by spaces), each line's slips undone; each year-month keeps the line it
  // starts in.
  const starts: number[] = [];
  let text = '';
  for (const [i, line] of row.entries()) {
    if (text) text += ' ';
    starts.push(text.length);
    // Each line with the next one in view: `2021年12` | `月01日` is a date split in two, not a month whose 月 was lost.
    text += spanCellText(`${line.text}\n${row[i + 1]?.text ?? ''}`).split('\n')[0];
  }
  const lineAt = (index: number) => row[starts.findLastIndex((s) => s <= index)];
  const months: RowMonth[] = findMonths(text).map((m) => ({ value: m.value, line: lineAt(m.index), start: m.index, end: m.index + m.length }));
  // Cells: split every line on spaces (a text layer may give a whole row as one line), and on a table's rule read as a
  // stroke between two cells (`1丨杭州明达…有限公司`, the row's number and its employer boxed as one on a curled photo:
  // no name holds 丨 or |).
  const cells = row.flatMap((l) => l.text.split(TABLE_RULE)).map(employerBeforeSpan);
  const employerCell = cells
    .map((cell) => ({ cell, reading: readEmployerName(cell) }))
    .filter((c) => c.reading && !NOT_EMPLOYER.test(c.cell) && !/\d{4}/.test(c.cell))
    .sort((a, b) => b.reading!.plausibility - a.reading!.plausibility)[0];
  return { text, months, employerName: employerCell ? String(employerCell.reading!.value) : previousEmployer, employerInherited: !employerCell };
}

function readRow(cells: RowCells): Omit<SpanRow, 'lines' | 'order'> | undefined {
  const { months, text, employerName } = cells;
  if (months.length < 2) return undefined;
  const [from, to] = [months[0].value, months[1].value];
  if (from > to) return undefined;
  if (!employerName) return undefined;
  const expected = monthsBetween(from, to);
  // Printed month counts: small integers that are not part of a year-month or an amount.
  const { counts } = printedCounts(text.slice(months[1].end));
  const printed = counts.find((n) => n === expected) ?? counts.find((n) => n > 0 && n <= expected);
  return {
    span: { employerName, from, to, months: printed ?? expected },
    employerInherited: cells.employerInherited,
    monthsPrinted: printed !== undefined,
    monthsConsistent: printed === undefined || printed === expected,
    spanMonths: expected,
  };
}

/** Where the table's start and end year-months stand when printed in columns of their own (their lines' centres). */
interface MonthColumns {
  from?: number;
  to?: number;
}

function monthColumns(rows: readonly { cells: RowCells }[]): MonthColumns {
  const froms: number[] = [];
  const tos: number[] = [];
  for (const { cells } of rows) {
    const [a, b] = cells.months;
    if (cells.months.length !== 2 || a.line === b.line) continue;
    froms.push(centreX(a.line));
    tos.push(centreX(b.line));
  }
  const middle = (xs: number[]) => (xs.length === 0 ? undefined : [...xs].sort((p, q) => p - q)[Math.floor(xs.length / 2)]);
  return { from: middle(froms), to: middle(tos) };
}

const SPAN_DASH = /[-—–一~～至]/;

/**
 * Which end of its span a row's only year-month is: the start when a dash follows it in its cell (`2019.04-`), the end
 * when one comes before it (`-2021.10`); else by the column it stands in, when the table prints its starts and ends in
 * columns of their own and it stands clearly in one of them.
 */
function loneMonthEnd(cells: RowCells, month: RowMonth, columns: MonthColumns): 'from' | 'to' | undefined {
  const cell = spanCellText(month.line.text);
  const at = findMonths(cell).find((m) => m.value === month.value);
  if (at) {
    const before = cell.slice(0, at.index).trim();
    const after = cell.slice(at.index + at.length).trim();
    if (SPAN_DASH.test(after[0] ?? '') && after.length === 1) return 'from';
    if (SPAN_DASH.test(before.slice(-1)) && !/\d/.test(after)) return 'to';
  }
  if (columns.from === undefined || columns.to === undefined) return undefined;
  const x = centreX(month.line);
  const h = month.line.box.height;
  const dFrom = Math.abs(x - columns.from);
  const dTo = Math.abs(x - columns.to);
  if (dTo < h * 1.5 && dFrom > dTo * 3) return 'to';
  if (dFrom < h * 1.5 && dTo > dFrom * 3) return 'from';
  return undefined;
}

/**
 * A row that kept one year-month of its span (the other lost under a seal, cut or misread past reading) and prints its
 * month count: the lost end worked out from them, flagged wherever it decides a field. Undefined when the row holds no
 * employer, no single whole count after the year-month, or when which end it kept is not clear.
 */
function readRowWithLostEnd(cells: RowCells, columns: MonthColumns): Omit<SpanRow, 'lines' | 'order'> | undefined {
  if (cells.months.length !== 1 || !cells.employerName) return undefined;
  const [month] = cells.months;
  // A year-month run into letters or digits (`2016.1l`) may be cut: no end is worked out from it.
  if (/[A-Za-z0-9]/.test(cells.text[month.start - 1] ?? '') || /[A-Za-z0-9]/.test(cells.text[month.end] ?? '')) return undefined;
  // Another year on the row (`2017.14`, a month misread past reading): the row's other end is there, misread.
  if (/(?:19|20)\d{2}/.test(cells.text.slice(0, month.start) + ' ' + cells.text.slice(month.end))) return undefined;
  const { counts, misread } = printedCounts(cells.text.slice(month.end));
  if (counts.length !== 1 || misread || counts[0] < 1) return undefined;
  const end = loneMonthEnd(cells, month, columns);
  if (!end) return undefined;
  const count = counts[0];
  const from = end === 'from' ? month.value : shiftMonth(month.value, -(count - 1));
  const to = end === 'to' ? month.value : shiftMonth(month.value, count - 1);
  return {
    span: { employerName: cells.employerName, from, to, months: count },
    employerInherited: cells.employerInherited,
    monthsPrinted: true,
    monthsConsistent: true,
    spanMonths: count,
    inferred: end === 'from' ? 'to' : 'from',
  };
}

/** A row with two year-months, the first after the second, and an employer: a span with a year misread. */
function runsBackwards(cells: RowCells): boolean {
  return cells.months.length === 2 && cells.months[0].value > cells.months[1].value && cells.employerName !== undefined;
}

/**
 * A row whose span runs backwards, mended with the months it must cover: what the printed total leaves for it. Flagged
 * where it decides a field, as a span end worked out from a count is (`inferred`); the total cannot confirm it.
 */
function readBackwardRow(cells: RowCells, months: number): Omit<SpanRow, 'lines' | 'order'> | undefined {
  const [a, b] = cells.months;
  const mended = mendBackwardSpan({ value: a.value, confidence: a.line.confidence }, { value: b.value, confidence: b.line.confidence }, months);
  if (!mended || !cells.employerName) return undefined;
  return {
    span: { employerName: cells.employerName, from: mended.from, to: mended.to, months },
    employerInherited: cells.employerInherited,
    monthsPrinted: false,
    monthsConsistent: true,
    spanMonths: months,
    inferred: mended.inferred,
    fromTotal: true,
  };
}

/**
 * A record's status words (`正常参保`, `参保缴费`, `暂停缴费`, `已退休`): the value of 参保状态, never the insured
 * person, though `正` or `参` may open a name. On a page shifted by part of a row the status sits as near `姓名` as the
 * name does.
 */
const RECORD_STATUS = /^(?:正常|暂停|中断|终止|停止|已|在职|退休)?(?:参保|缴费|停保|退休|在职|转出|转入)/;

/** A person's name, but never one of the record's status words. */
const readInsuredPersonName: ValueReader = (text) => (RECORD_STATUS.test(text.replace(/[\s\u3000:：]/g, '')) ? null : readPersonName(text));

/** An employer's name in a table cell. */
const EMPLOYER_CELL = /(公司|集团|中心|学校|学院|医院|厂|商行|事务所|合作社)/;
/** An insurance type as a table prints it in its own cell (`养老保险`, `企业职工基本养老保险`). */
const INSURANCE_TYPE_CELL = /^(?:企业职工|城镇职工|职工)?(?:基本)?(?:养老|医疗|失业|工伤|生育)保险$/;

/**
 * A table row that kept its employer's cell and its month count or insurance type but no year-month (a seal over the
 * span's cells): a span the rows cannot give, so the sum and the ends may miss it.
 */
function spanRowWithoutMonths(row: readonly LayoutLine[]): boolean {
  const cells = row.flatMap((l) => l.text.split(/\s+/)).filter(Boolean);
  const employer = cells.some((c) => c.length >= 6 && EMPLOYER_CELL.test(c) && !/[:：]|保险|社保|人力资源/.test(c) && readEmployerName(c) !== null);
  return employer && cells.some((c) => INSURANCE_TYPE_CELL.test(c) || /^\d{1,3}(个?月)?$/.test(c));
}

/** Fifty years of contributions: no printed total is more. */
const MAX_TOTAL_MONTHS = 600;
/** Months paid summed from the rows without a printed total to check it against. */
const NO_TOTAL = 0.9;

/**
 * Reads a social-insurance payment record: the person, the table of spans by employer (rows by position, cells by
 * shape: two year-months, a month count, an employer), and from the spans the total months paid, the first and last
 * month and the current (latest) employer. A printed total that disagrees with the rows is flagged.
 *
 * @example
 * readSocialInsuranceRecord(ctx).fields.monthsPaid?.value; // 48
 */
export function readSocialInsuranceRecord(ctx: DocumentContext): { fields: DraftFields; spans: SocialInsuranceSpanRow[] } {
  const personLabels = ['参保人姓名', '参保人员姓名', '参保人', '被保险人姓名', '被保险人', '参保者姓名', '参保者', '姓名'];
  // A label whose head a photo or a seal took (`保人`, `名:`): the name beside what is left of it, flagged.
  const personName =
    labelled(ctx, personLabels, readInsuredPersonName) ??
    nameBesideLabelRemains(ctx, personLabels, readInsuredPersonName) ??
    // The same remains boxed with the name (`保人何文雨`, `保` | `人公孙明怡`): flagged.
    nameGluedToLabelRemains(ctx, personLabels, readInsuredPersonName) ??
    // Printed off its label's row (a page shifted by half a row) where no layout rule pairs it: flagged.
    valueNearPartyLabel(ctx, personLabels, readInsuredPersonName) ??
    // Printed a row low and boxed after the next row's label (`姓名` over `参保状态金嘉宇`): flagged.
    nameGluedAfterNextLabel(ctx, personLabels, readInsuredPersonName) ??
    // The label lost altogether (a watermark over it): the one whole name in the values' column, flagged.
    recordNameWithLabelLost(ctx, readInsuredPersonName);
  completeSurnameOnlyName(ctx, personName, readInsuredPersonName);
  const idNumber = idNumberField(ctx, ['公民身份号码', '身份证号码', '身份证号', '证件号码', '社会保障号码', '社会保障卡号', '身份证件号码']);
  const spanRows: SpanRow[] = [];
  let previous: string | undefined;
  const tableRows = rows(ctx);
  // Rows that hold a year-month but could not be read as a span: inside the table (or open-ended, 至今) they mean a
  // span is missing from the total, so the totals must not be trusted.
  const unreadable: number[] = [];
  // Rows that kept one year-month: read once the table's columns are known (see readRowWithLostEnd).
  const lostEnd: { index: number; row: LayoutLine[]; cells: RowCells }[] = [];
  // Rows whose two year-months run backwards (a year misread): mended once the other rows and the total are read.
  const backward: { index: number; row: LayoutLine[]; cells: RowCells }[] = [];
  const read: { cells: RowCells }[] = [];
  const add = (row: Omit<SpanRow, 'lines' | 'order'>, lines: LayoutLine[], order: number) => {
    const duplicate = spanRows.some((r) => r.span.employerName === row.span.employerName && r.span.from === row.span.from && r.span.to === row.span.to);
    // Records listing each insurance type on its own row repeat spans; count each span once.
    if (!duplicate) spanRows.push({ ...row, lines, order });
  };
  for (const [index, row] of tableRows.entries()) {
    const cells = rowCells(row, previous);
    const span = readRow(cells);
    if (!span) {
      const text = row.map((l) => l.text).join(' ');
      const printDate = /打印|出具|日期|时间:/.test(text);
      if (cells.months.length === 1 && !printDate && !/至今/.test(text)) lostEnd.push({ index, row, cells });
      else if (runsBackwards(cells) && !printDate && !/至今/.test(text)) backward.push({ index, row, cells });
      else if (cells.months.length > 0 && !printDate) unreadable.push(index);
      // An employer beside digits the month reader could not split: a span row.
      else if (/\d{4}/.test(text) && EMPLOYER_CELL.test(text) && !printDate) unreadable.push(index);
      // An employer and a month count, or an insurance type, with no year-month left (a seal over both): a span row.
      else if (!printDate && spanRowWithoutMonths(row)) unreadable.push(index);
      if (/至今/.test(text)) unreadable.push(index);
      continue;
    }
    previous = span.span.employerName;
    read.push({ cells });
    add(span, row, index);
  }
  const columns = monthColumns(read);
  for (const { index, row, cells } of lostEnd) {
    const span = readRowWithLostEnd(cells, columns);
    if (span) add(span, row, index);
    else unreadable.push(index);
  }
  // Every printed form of the total: a label missing here would silently skip the cross-check.
  // A working life holds at most MAX_TOTAL_MONTHS: more is a misread (`97个月` read `974`), no total.
  const readCount: ValueReader = (text) => {
    const m = /(\d{1,3})\s*(个月|月)?/.exec(text);
    return m && Number(m[1]) <= MAX_TOTAL_MONTHS ? { value: Number(m[1]), evidence: Evidence.shape, plausibility: 1, issues: [] } : null;
  };
  const tableLines = [...spanRows.flatMap((r) => r.lines), ...backward.flatMap((b) => b.row)];
  // A row's own month count is never the total: a column header read as a total's label (`缴费月数`, one character
  // short of `总缴费月数`) would take the first row's count under it.
  const total =
    totalSentence(ctx, readCount) ??
    chooseCandidate(
      findLabelledCandidates(ctx.layouts, [...LABELS.totalMonths, '合计'], readCount).filter(
        // The rows hold copies of the page's lines (wrapped cells joined): the same line is the same page and index.
        (c) => !tableLines.some((l) => l.page === c.line.page && l.index === c.line.index),
      ),
    );
  // A row whose span runs backwards, alone unread in a table with a printed total: the months the total leaves for it
  // decide which year was misread (see mendBackwardSpan).
  for (const { index, row, cells } of backward) {
    const left = typeof total?.value === 'number' ? total.value - spanRows.reduce((n, r) => n + (r.span.months ?? 0), 0) : 0;
    const span = backward.length === 1 && unreadable.length === 0 ? readBackwardRow(cells, left) : undefined;
    if (span) add(span, row, index);
    else unreadable.push(index);
  }
  spanRows.sort((p, q) => p.order - q.order);
  const spans = spanRows.map((r) => r.span);
  const fields: DraftFields = { personName, idNumber };
  if (spanRows.length === 0) return { fields, spans };

  // A span rests on its two month cells; a printed month count that agrees with them makes a misread of either
  // (which would change the count) very unlikely.
  const monthLines = (r: SpanRow) => r.lines.filter((l) => /\d{4}/.test(l.text));
  const rowConfidence = (r: SpanRow) => {
    const c = Math.min(...monthLines(r).map((l) => l.confidence)) ** 3;
    return r.monthsPrinted && r.monthsConsistent ? 1 - (1 - c) * 0.3 : c;
  };
  const allRows = spanRows.flatMap((r) => r.lines);
  // Printed counts that disagree with their spans while the spans' own months add up to the printed total: the counts
  // were misread (`2效`, a digit lost), the spans are what the total confirms.
  const countsMisread =
    total !== undefined &&
    spanRows.some((r) => !r.monthsConsistent) &&
    spans.reduce((n, s) => n + (s.months ?? 0), 0) !== total.value &&
    spanRows.reduce((n, r) => n + r.spanMonths, 0) === total.value;
  if (countsMisread)
    for (const r of spanRows) {
      if (r.monthsConsistent) continue;
      r.span.months = r.spanMonths;
      r.monthsPrinted = false;
      r.monthsConsistent = true;
    }
  const worst = Math.min(...spanRows.map(rowConfidence));
  const inconsistent = spanRows.some((r) => !r.monthsConsistent);
  const sum = spans.reduce((n, s) => n + (s.months ?? 0), 0);
  const first = spans.reduce((a, b) => (b.from < a.from ? b : a));
  // The current row from the table's own evidence (rows come in any order; see current-span.ts).
  const current = currentSpan(spanRows);
  const lastRow = spanRows[current.index];
  const last = lastRow.span;
  const firstRow = spanRows[spans.indexOf(first)];

  const monthsIssues: string[] = [];
  if (inconsistent) monthsIssues.push('span_months_inconsistent');
  if (total && total.value !== sum) monthsIssues.push('total_months_mismatch_spans');
  // Any row that holds a year-month but could not be read as a span means the table was not read whole: the sum,
  // and the first or last span, may be missing one.
  // Rows are printed in any order (issue 12): a row not read may hold the first or the last span wherever it sits.
  const rowsBeforeFirst = unreadable.length > 0;
  const rowsAfterLast = unreadable.length > 0;
  if (unreadable.length > 0) monthsIssues.push('span_row_unreadable');
  // A span end worked out from a printed count rests on that count: only a printed total that agrees confirms it.
  // A span mended from the total agrees with it by construction: the total confirms nothing then.
  const confirmed = total !== undefined && total.value === sum && !spanRows.some((r) => r.fromTotal);
  if (spanRows.some((r) => r.inferred) && !confirmed) monthsIssues.push(SPAN_MONTH_INFERRED);
  // A printed total that disagrees with the rows most likely means a row was missed, which would also change the
  // first and last span and the latest employer.
  const totalDisagrees = total !== undefined && total.value !== sum;
  // Months are computed from several cells: the weakest row bounds the confidence; a matching printed total confirms.
  let monthsConfidence = worst;
  if (total && total.value === sum) monthsConfidence = 1 - (1 - monthsConfidence) * 0.3;
  // With no printed total, nothing shows that every row was read: a sum over the rows found is a guess at the whole.
  if (!total) monthsConfidence *= NO_TOTAL;
  fields.monthsPaid = {
    value: sum,
    confidence: monthsConfidence,
    needsReview: false,
    source: { page: allRows[0].page, box: allRows[0].original, raw: allRows.map((l) => l.raw).join(' | ') },
    issues: monthsIssues,
  };
  // Rows that disagree with the printed total: the total is the record's own statement of the months paid, the sum
  // only what was read of the rows. The clerk is shown the total, flagged with why it is in doubt.
  if (total && totalDisagrees) fields.monthsPaid = { ...fields.monthsPaid, value: total.value, source: total.source };
  const monthField = (value: string, row: SpanRow): DraftField => ({
    value,
    confidence: rowConfidence(row),
    needsReview: false,
    source: { page: row.lines[0].page, box: row.lines[0].original, raw: row.lines.map((l) => l.raw).join(' ') },
    issues: [],
  });
  fields.periodStart = monthField(first.from, firstRow);
  fields.periodEnd = monthField(last.to, lastRow);
  if (rowsBeforeFirst) fields.periodStart.issues = ['span_row_unreadable'];
  // A later span we could not read (e.g. `2021.06-至今`): the last span read may not be the current one.
  if (rowsAfterLast) fields.periodEnd.issues = ['span_row_unreadable'];
  if (totalDisagrees) {
    fields.periodStart.issues = [...(fields.periodStart.issues ?? []), 'total_months_mismatch_spans'];
    fields.periodEnd.issues = [...(fields.periodEnd.issues ?? []), 'total_months_mismatch_spans'];
  }
  // A span end worked out from its row's count: flagged where it is the period's start or end; and, unless a printed
  // total confirms the counts, wherever such an end could have been the first or the last month.
  const inferredStart = firstRow.inferred === 'from' || (!confirmed && (firstRow.inferred !== undefined || spanRows.some((r) => r.inferred === 'from')));
  const inferredEnd = lastRow.inferred === 'to' || (!confirmed && (lastRow.inferred !== undefined || spanRows.some((r) => r.inferred === 'to')));
  if (inferredStart) fields.periodStart.issues = [...(fields.periodStart.issues ?? []), SPAN_MONTH_INFERRED];
  if (inferredEnd) fields.periodEnd.issues = [...(fields.periodEnd.issues ?? []), SPAN_MONTH_INFERRED];
  const employerReading = readEmployerName(last.employerName);
  const employerLine = lastRow.lines.find((l) => l.flat.includes(last.employerName.replace(/\s+/g, ''))) ?? lastRow.lines[0];
  fields.employerName = employerReading
    ? withLegalFormTailCompleted(fieldFromLine(employerLine, employerReading, lastRow.employerInherited ? LabelMatch.below : LabelMatch.sameRow))
    : undefined;
  const labelledEmployer = chooseCandidate(
    findLabelledCandidates(ctx.layouts, ['当前参保单位', '参保单位', '工作单位'], readEmployerName).filter((c) => c.labelMatch === LabelMatch.inline),
  );
  // The current row lost a year-month to a seal or a cut: whatever took it may have taken its employer's characters.
  if (fields.employerName && (lastRow.inferred || inferredEnd)) fields.employerName.issues = [...(fields.employerName.issues ?? []), SPAN_MONTH_INFERRED];
  if (fields.employerName && current.ambiguous) fields.employerName.issues = [...(fields.employerName.issues ?? []), 'current_row_conflict'];
  if (fields.employerName && rowsAfterLast) fields.employerName.issues = [...(fields.employerName.issues ?? []), 'span_row_unreadable'];
  if (fields.employerName && totalDisagrees) fields.employerName.issues = [...(fields.employerName.issues ?? []), 'total_months_mismatch_spans'];
  if (fields.employerName && labelledEmployer && labelledEmployer.value !== fields.employerName.value) {
    // A header naming a different employer than the latest row: one of them is misread, or the header is stale.
    fields.employerName.issues = [...(fields.employerName.issues ?? []), 'conflicting_values'];
  }
  void allLines;
  return { fields, spans };
}

/** Issue on an employer whose legal form lost its last character (`…股份有限公`), completed as a guess the clerk confirms. */
export const EMPLOYER_TAIL_INFERRED = 'employer_tail_inferred';

/** A legal form cut before its last character: no registered name ends `有限公` or `有限责任公`. */
const LEGAL_FORM_CUT = /有限(?:责任)?公$/u;

/**
 * An employer's cell whose `司` the engine lost at the cell's edge (`杭州万松汽车维修股份有限公`, a phone photo):
 * completed to its legal form (`…有限公司`), flagged `employer_tail_inferred`.
 */
function withLegalFormTailCompleted(field: DraftField): DraftField {
  if (typeof field.value !== 'string' || !LEGAL_FORM_CUT.test(field.value)) return field;
  return { ...field, value: `${field.value}司`, issues: [...(field.issues ?? []), EMPLOYER_TAIL_INFERRED] };
}

/** The total written as a line of its own (`合计：64个月`, `累计缴费64个月`), which no label of ours opens. */
const TOTAL_SENTENCE = /^(合计|总计|共计|累计缴费|累计)[:：]?\s*(?:缴费)?\s*(\d{1,3})\s*个?月$/;

function totalSentence(ctx: DocumentContext, reader: ValueReader): DraftField | undefined {
  for (const layout of ctx.layouts)
    for (const line of layout.lines) {
      const m = TOTAL_SENTENCE.exec(line.flat);
      const reading = m ? reader(m[2]) : null;
      if (reading) return fieldFromLine(line, reading, LabelMatch.inline);
    }
  return undefined;
}
