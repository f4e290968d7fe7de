import type { CertificateKind, ExtractedField } from '../documents/index.js';
import { chooseCandidate, findLabelledCandidates, findUnlabelledCandidates } from './field-search.js';
import { LabelMatch, type Candidate } from './confidence.js';
import { findDates, type FoundDate } from './dates.js';
import type { LayoutLine, PageLayout } from './page-layout.js';
import { Evidence, makeIdNumberReader, readCreditCodeValue, type Reading, type ValueReader } from './value-readers.js';

/** What a type reader gets: the document's pages and the options of the run. */
export interface DocumentContext {
  layouts: PageLayout[];
  kind?: CertificateKind;
  today: string;
}

/** A field before it is finalised (confidence not yet thresholded). */
export type DraftField = ExtractedField;

/** Fields by name, as a type reader returns them. */
export type DraftFields = Record<string, DraftField | undefined>;

/**
 * The value of a labelled field, or undefined when no label led to a readable value.
 *
 * @example
 * labelled(ctx, ['姓名', '持证人'], readPersonName)?.value; // '王晓明'
 */
export function labelled(ctx: DocumentContext, labels: readonly string[], reader: ValueReader): DraftField | undefined {
  return chooseCandidate(findLabelledCandidates(ctx.layouts, labels, reader));
}

/**
 * A labelled ID number, else the one valid ID number printed anywhere (unlabelled, only when its checksum passes
 * and it is the only such number in the document).
 *
 * @example
 * idNumberField(ctx, ['身份证号'])?.value; // '11010519491231002X'
 */
export function idNumberField(ctx: DocumentContext, labels: readonly string[]): DraftField | undefined {
  const reader = makeIdNumberReader(ctx.today);
  const found = labelled(ctx, labels, reader);
  if (found && found.issues?.length === 0) return found;
  const loose = findUnlabelledCandidates(ctx.layouts, reader).filter((c) => c.reading.evidence === Evidence.checksum);
  const distinct = new Set(loose.map((c) => c.reading.value));
  if (distinct.size === 1) return chooseCandidate(loose);
  return found;
}

/**
 * A labelled credit code, else the one valid credit code printed anywhere.
 *
 * @example
 * creditCodeField(ctx, ['统一社会信用代码'])?.value; // '91330100716105852F'
 */
export function creditCodeField(ctx: DocumentContext, labels: readonly string[]): DraftField | undefined {
  const found = labelled(ctx, labels, readCreditCodeValue);
  if (found && found.issues?.length === 0) return found;
  const loose = findUnlabelledCandidates(ctx.layouts, readCreditCodeValue).filter((c) => c.reading.evidence === Evidence.checksum);
  const distinct = new Set(loose.map((c) => c.reading.value));
  if (distinct.size === 1) return chooseCandidate(loose);
  return found;
}

/** A field made from one line and one reading (prose patterns, table cells). */
export function fieldFromLine(line: LayoutLine, reading: Reading, labelMatch: number = LabelMatch.prose): DraftField {
  const candidate: Candidate = { reading, line, labelMatch, raw: line.text, labelRank: 0 };
  return chooseCandidate([candidate])!;
}

/** Every line of the document, in order. */
export function allLines(ctx: DocumentContext): LayoutLine[] {
  return ctx.layouts.flatMap((l) => l.lines);
}

const CHECKED = /[☑☒✓✔√■▣●◉]|\[[xX√]\]|\([xX√]\)/;
const UNCHECKED = /[☐□○◯]|\[\s?\]|\(\s?\)/;

export interface DateRange {
  start?: { date: FoundDate; line: LayoutLine };
  /** `null` for an open-ended term (无固定期限). */
  end?: { date: FoundDate; line: LayoutLine } | null;
  openEndedLine?: LayoutLine;
}

/**
 * Finds a term (合同期限, 聘期, 实习期限): a line with two dates joined by 至/到/- (`自2021年1月1日起至2023年12月31日止`),
 * skipping probation periods and options whose box is unticked; an open-ended term (无固定期限, ticked or alone)
 * gives `end: null`.
 *
 * @example
 * findDateRange(ctx, /合同期限|期限/).end?.date.value; // '2023-12-31'
 */
export function findDateRange(ctx: DocumentContext, preferred: RegExp): DateRange {
  const lines = allLines(ctx);
  let best: { range: DateRange; score: number } | undefined;
  lines.forEach((line, i) => {
    const flat = line.flat;
    if (/试用期|见习期/.test(flat)) return;
    const openEnded = /无固定期限/.test(flat) && !/以完成一定工作任务/.test(flat.split('无固定期限')[0].slice(-3));
    const optionMark = flat.slice(0, 3);
    if (UNCHECKED.test(optionMark) && !CHECKED.test(optionMark)) return;
    // Two dates on the line, or a date here and one on the next line when the sentence wraps.
    let dates = findDates(line.text).map((date) => ({ date, line }));
    if (dates.length === 1 && /[至到-]$|至$/.test(flat) && lines[i + 1]) {
      dates = dates.concat(findDates(lines[i + 1].text).slice(0, 1).map((date) => ({ date, line: lines[i + 1] })));
    }
    const score = (preferred.test(flat) ? 2 : 0) + (/自|从|起/.test(flat) ? 1 : 0) + (CHECKED.test(optionMark) ? 2 : 0);
    let range: DateRange | undefined;
    if (openEnded && dates.length >= 1 && (CHECKED.test(optionMark) || !/(^|[^无])固定期限/.test(flat))) {
      range = { start: dates[0], end: null, openEndedLine: line };
    } else if (dates.length >= 2 && /至|到|-|~|—|起/.test(flat)) {
      range = { start: dates[0], end: dates[1] };
    }
    if (range && (!best || score > best.score)) best = { range, score };
  });
  return best?.range ?? {};
}

/** Kinds whose numbers follow a national structure that can be checked. */
export const STRUCTURED_KINDS: ReadonlySet<CertificateKind> = new Set(['skill_level', 'qualification']);
