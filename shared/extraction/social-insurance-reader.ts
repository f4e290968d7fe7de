import type { SocialInsuranceSpanRow } from '../documents/index.js';
import { LabelMatch } from './confidence.js';
import { LABELS } from './labels.js';
import { allLines, fieldFromLine, idNumberField, labelled, type DocumentContext, type DraftField, type DraftFields } from './document-context.js';
import { findMonths, monthsBetween } from './dates.js';
import { currentSpan } from './current-span.js';
import { chooseCandidate, findLabelledCandidates } from './field-search.js';
import type { LayoutLine } from './page-layout.js';
import { Evidence, readEmployerName, readPersonName, type ValueReader } from './value-readers.js';
import { completeSurnameOnlyName } from './surname-only-names.js';
import { nameBesideLabelRemains } from './label-tail-names.js';
import { valueNearPartyLabel } from './values-near-party-labels.js';
import { centreY } from './line-geometry.js';

interface SpanRow {
  span: SocialInsuranceSpanRow;
  lines: LayoutLine[];
  /** The employer was not printed on this row and was carried from the row above (a merged cell). */
  employerInherited: boolean;
  monthsPrinted: boolean;
  monthsConsistent: boolean;
}

/**
 * A table whose cells wrap (`2015年02月—2021年09` | `月`, `杭州…股份有限公` | `司`): a line set just under a cell's line,
 * inside its width, on a row that holds no year of its own (no next table row), is the rest of that cell. Joined
 * copies; the page's lines are left as they are.
 */
function joinWrappedCells(lines: readonly LayoutLine[], lineHeight: number): LayoutLine[] {
  const out = lines.map((l) => ({ ...l }));
  const taken = new Set<LayoutLine>();
  for (const cell of out) {
    if (taken.has(cell) || cell.hits.length > 0) continue;
    const h = cell.box.height;
    for (;;) {
      const bottom = cell.box.y + cell.box.height;
      const piece = out.find(
        (m) =>
          m !== cell &&
          !taken.has(m) &&
          m.page === cell.page &&
          m.hits.length === 0 &&
          m.box.y - bottom > -h * 0.2 &&
          m.box.y - bottom < h * 0.6 &&
          m.box.x >= cell.box.x - h * 0.3 &&
          m.box.x + m.box.width <= cell.box.x + cell.box.width + h * 0.3 &&
          m.box.width < cell.box.width &&
          // Set like the cell's own text: the same type size, centred under it or flush with its start (a watermark's
          // fragments on a scan fall anywhere, at any size).
          Math.abs(m.box.height - h) < h * 0.25 &&
          (Math.abs(m.box.x + m.box.width / 2 - (cell.box.x + cell.box.width / 2)) < h * 0.5 || Math.abs(m.box.x - cell.box.x) < h * 0.3),
      );
      if (!piece) break;
      const rowHasYear = out.some(
        (o) => o !== cell && Math.abs(centreY(o) - centreY(piece)) < lineHeight * 0.6 && o.box.y >= bottom - h * 0.2 && /\d{4}/.test(o.text),
      );
      if (rowHasYear) break;
      taken.add(piece);
      const top = cell.box.y;
      cell.box = { ...cell.box, height: piece.box.y + piece.box.height - top };
      cell.text = `${cell.text}${piece.text}`;
      cell.flat = `${cell.flat}${piece.flat}`;
      cell.raw = `${cell.raw}${piece.raw}`;
      cell.leading = `${cell.leading}${piece.leading}`;
      cell.confidence = Math.min(cell.confidence, piece.confidence);
    }
  }
  return out.filter((l) => !taken.has(l));
}

/** Lines grouped into table rows: same page, vertical centres within half a line of each other. */
function rows(ctx: DocumentContext): LayoutLine[][] {
  const out: LayoutLine[][] = [];
  for (const layout of ctx.layouts) {
    const sorted = joinWrappedCells(layout.lines, layout.medianLineHeight).sort((a, b) => a.box.y + a.box.height / 2 - (b.box.y + b.box.height / 2));
    let current: LayoutLine[] = [];
    let centre = -Infinity;
    for (const line of sorted) {
      const c = line.box.y + line.box.height / 2;
      if (current.length > 0 && Math.abs(c - centre) > layout.medianLineHeight * 0.6) {
        out.push(current.sort((a, b) => a.box.x - b.box.x));
        current = [];
      }
      if (current.length === 0) centre = c;
      current.push(line);
    }
    if (current.length > 0) out.push(current.sort((a, b) => a.box.x - b.box.x));
  }
  return out;
}

const NOT_EMPLOYER = /^(养老|医疗|失业|工伤|生育|基本|正常|补缴|缴费|已到账|企业职工|城镇职工|职工|保险)/;

function readRow(row: LayoutLine[], previousEmployer: string | undefined): Omit<SpanRow, 'lines'> | undefined {
  const text = row.map((l) => l.text).join(' ');
  const months = findMonths(text);
  if (months.length < 2) return undefined;
  const [from, to] = [months[0].value, months[1].value];
  if (from > to) return undefined;
  // Cells: split every line on spaces (a text layer may give a whole row as one line).
  const cells = row.flatMap((l) => l.text.split(/\s+/));
  const employerCell = cells
    .map((cell) => ({ cell, reading: readEmployerName(cell) }))
    .filter((c) => c.reading && !NOT_EMPLOYER.test(c.cell) && !/\d{4}/.test(c.cell))
    .sort((a, b) => b.reading!.plausibility - a.reading!.plausibility)[0];
  const employerName = employerCell ? String(employerCell.reading!.value) : previousEmployer;
  if (!employerName) return undefined;
  const expected = monthsBetween(from, to);
  // Printed month counts: small integers that are not part of a year-month or an amount.
  const afterMonths = text.slice(months[1].index + months[1].length);
  const numbers = [...afterMonths.matchAll(/(?<![\d.])(\d{1,3})(?![\d.])/g)].map((m) => Number(m[1]));
  const printed = numbers.find((n) => n === expected) ?? numbers.find((n) => n > 0 && n <= expected);
  return {
    span: { employerName, from, to, months: printed ?? expected },
    employerInherited: !employerCell,
    monthsPrinted: printed !== undefined,
    monthsConsistent: printed === undefined || printed === expected,
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
  const personLabels = ['参保人姓名', '参保人员姓名', '参保人', '姓名'];
  // A label whose head a photo or a seal took (`保人`, `名:`): the name beside what is left of it, flagged.
  const personName =
    labelled(ctx, personLabels, readInsuredPersonName) ??
    nameBesideLabelRemains(ctx, personLabels, readInsuredPersonName) ??
    // Printed off its label's row (a page shifted by half a row) where no layout rule pairs it: flagged.
    valueNearPartyLabel(ctx, personLabels, readInsuredPersonName);
  completeSurnameOnlyName(ctx, personName, readInsuredPersonName);
  const idNumber = idNumberField(ctx, ['公民身份号码', '身份证号码', '身份证号', '证件号码', '社会保障号码', '社会保障卡号', '身份证件号码']);
  const spanRows: SpanRow[] = [];
  let previous: string | undefined;
  const tableRows = rows(ctx);
  // Rows that hold a year-month but could not be read as a span: inside the table (or open-ended, 至今) they mean a
  // span is missing from the total, so the totals must not be trusted.
  const unreadable: number[] = [];
  for (const [index, row] of tableRows.entries()) {
    const read = readRow(row, previous);
    if (!read) {
      const text = row.map((l) => l.text).join(' ');
      if (findMonths(text).length > 0 && !/打印|出具|日期|时间:/.test(text)) unreadable.push(index);
      // An employer beside digits the month reader could not split (`2016.112018.05`, the dash lost): a span row.
      else if (/\d{4}/.test(text) && EMPLOYER_CELL.test(text) && !/打印|出具|日期|时间:/.test(text)) unreadable.push(index);
      if (/至今/.test(text)) unreadable.push(index);
      continue;
    }
    previous = read.span.employerName;
    const duplicate = spanRows.some((r) => r.span.employerName === read.span.employerName && r.span.from === read.span.from && r.span.to === read.span.to);
    // Records listing each insurance type on its own row repeat spans; count each span once.
    if (!duplicate) spanRows.push({ ...read, lines: row });
  }
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
  const worst = Math.min(...spanRows.map(rowConfidence));
  const inconsistent = spanRows.some((r) => !r.monthsConsistent);
  const sum = spans.reduce((total, s) => total + (s.months ?? 0), 0);
  const first = spans.reduce((a, b) => (b.from < a.from ? b : a));
  // The current row from the table's own evidence (rows come in any order; see current-span.ts).
  const current = currentSpan(spanRows);
  const lastRow = spanRows[current.index];
  const last = lastRow.span;
  const firstRow = spanRows[spans.indexOf(first)];

  // Every printed form of the total: a label missing here would silently skip the cross-check.
  const readCount: ValueReader = (text) => {
    const m = /(\d{1,3})\s*(个月|月)?/.exec(text);
    return m ? { value: Number(m[1]), evidence: Evidence.shape, plausibility: 1, issues: [] } : null;
  };
  // A row's own month count is never the total: a column header read as a total's label (`缴费月数`, one character
  // short of `总缴费月数`) would take the first row's count under it.
  const total =
    totalSentence(ctx, readCount) ??
    chooseCandidate(findLabelledCandidates(ctx.layouts, [...LABELS.totalMonths, '合计'], readCount).filter((c) => !allRows.includes(c.line)));
  const monthsIssues: string[] = [];
  if (inconsistent) monthsIssues.push('span_months_inconsistent');
  if (total && total.value !== sum) monthsIssues.push('total_months_mismatch_spans');
  // Any row that holds a year-month but could not be read as a span means the table was not read whole: the sum,
  // and the first or last span, may be missing one.
  // Rows are printed in any order (issue 12): a row not read may hold the first or the last span wherever it sits.
  const rowsBeforeFirst = unreadable.length > 0;
  const rowsAfterLast = unreadable.length > 0;
  if (unreadable.length > 0) monthsIssues.push('span_row_unreadable');
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
  const employerReading = readEmployerName(last.employerName);
  const employerLine = lastRow.lines.find((l) => l.text.includes(last.employerName)) ?? lastRow.lines[0];
  fields.employerName = employerReading
    ? fieldFromLine(employerLine, employerReading, lastRow.employerInherited ? LabelMatch.below : LabelMatch.sameRow)
    : undefined;
  const labelledEmployer = chooseCandidate(
    findLabelledCandidates(ctx.layouts, ['当前参保单位', '参保单位', '工作单位'], readEmployerName).filter((c) => c.labelMatch === LabelMatch.inline),
  );
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
