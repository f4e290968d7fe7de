import type { CertificateKind, ExtractedField } from '../documents/index.js';
import { chooseCandidate, findLabelledCandidates, findUnlabelledCandidates, type SearchOptions } from './field-search.js';
import { LabelMatch, type Candidate } from './confidence.js';
import type { FoundDate } from './dates.js';
import { documentText } from './document-text.js';
import { findSeparatorLostDate } from './misread-dates.js';
import type { LayoutLine, PageLayout } from './page-layout.js';
import { findDatesAcrossBreaks } from './wrapped-dates.js';
import { numberInPieces } from './values-by-shape.js';
import { validateResidentId } from './resident-id.js';
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
 * labelled(ctx, ['住所'], readAddress, { wrap: true })?.value; // the address with its wrapped lines
 */
export function labelled(ctx: DocumentContext, labels: readonly string[], reader: ValueReader, options: SearchOptions = {}): DraftField | undefined {
  return chooseCandidate(findLabelledCandidates(ctx.layouts, labels, reader, options));
}

/**
 * The values labels about someone else lead to (`紧急联系人身份证号:…`, `担保人身份证号` with its number beside it):
 * never the document's own, so no unlabelled search may take them.
 */
function otherPartyValues(ctx: DocumentContext, reader: ValueReader): Set<string> {
  const forms = [...new Set(ctx.layouts.flatMap((l) => l.lines.flatMap((line) => line.hits.filter((h) => h.otherParty).map((h) => h.form))))];
  if (forms.length === 0) return new Set();
  return new Set(findLabelledCandidates(ctx.layouts, forms, reader).map((c) => String(c.reading.value)));
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
  const others = otherPartyValues(ctx, reader);
  const loose = findUnlabelledCandidates(ctx.layouts, reader).filter((c) => c.reading.evidence === Evidence.checksum && !others.has(String(c.reading.value)));
  const distinct = new Set(loose.map((c) => c.reading.value));
  if (distinct.size === 1) {
    const chosen = chooseCandidate(loose)!;
    // The page prints someone else's ID label (`家属身份证号`, `紧急联系人身份证号`) whose number its label did not
    // read (boxed with other text): the one valid number left may be that person's, not the document's own.
    // (Every such label's number read and set aside: the one left is the document's own.)
    return otherPartyIdLabels(ctx) > others.size ? { ...chosen, issues: [...(chosen.issues ?? []), ID_NUMBER_OWNER_INFERRED] } : chosen;
  }
  // Boxed in two pieces on its row, read nowhere whole: only where the page prints no one else's ID label.
  if (!found && loose.length === 0 && otherPartyIdLabels(ctx) === 0) return numberInPieces(ctx.layouts, reader);
  return found;
}

/** Issue on an unlabelled ID number taken on a page that prints someone else's ID label: whose it is is a guess. */
export const ID_NUMBER_OWNER_INFERRED = 'id_number_owner_inferred';

/** How many of someone else's ID labels the document prints (`家属身份证号`, `担保人身份证号`). */
function otherPartyIdLabels(ctx: DocumentContext): number {
  return ctx.layouts.reduce((n, l) => n + l.lines.reduce((m, line) => m + line.hits.filter((h) => h.otherParty && /身份证|证件号/.test(h.form)).length, 0), 0);
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
  const others = otherPartyValues(ctx, readCreditCodeValue);
  // A person's ID number can pass a credit code's check by chance (one in 31): one that passes its own check and
  // holds a real birth date is the person's, never the employer's code.
  const loose = findUnlabelledCandidates(ctx.layouts, readCreditCodeValue).filter(
    (c) =>
      c.reading.evidence === Evidence.checksum &&
      !others.has(String(c.reading.value)) &&
      !validateResidentId(String(c.reading.value), { today: ctx.today }).valid,
  );
  const distinct = new Set(loose.map((c) => c.reading.value));
  if (distinct.size === 1) return chooseCandidate(loose);
  // Boxed in two pieces on its row (`91330106MA2` | `2F47GFXU`), its label lost or its value read nowhere whole.
  const notPersons = (code: string) => !others.has(code) && !validateResidentId(code, { today: ctx.today }).valid;
  return found ?? (loose.length === 0 ? numberInPieces(ctx.layouts, readCreditCodeValue, notPersons) : undefined);
}

/** A field made from one line and one reading (prose patterns, table cells). */
export function fieldFromLine(line: LayoutLine, reading: Reading, labelMatch: number = LabelMatch.prose, raw = line.text): DraftField {
  const candidate: Candidate = { reading, line, labelMatch, raw, labelRank: 0 };
  return chooseCandidate([candidate])!;
}

/** Every line of the document, in order. */
export function allLines(ctx: DocumentContext): LayoutLine[] {
  return ctx.layouts.flatMap((l) => l.lines);
}

const CHECKED = /[☑☒✓✔√■▣●◉]|\[[xX√]\]|\([xX√]\)/;
const UNCHECKED = /[☐□○◯]|\[\s?\]|\(\s?\)/;

export interface DateRange {
  /** `joinGuessed` (on either end): the date wrapped after its year and lost its separator at the break. */
  start?: { date: FoundDate; line: LayoutLine; joinGuessed?: boolean };
  /** `null` for an open-ended term (无固定期限). `joinGuessed`: the date wrapped and lost its separator at the break. */
  /** `separatorGuessed`: the 起 before 至 was misread (`自 A 超至 B`); the end is read, for the clerk to confirm. */
  /** `dateSeparatorLost`: the end's own separator was lost (`至2019-0403止`); its digits give one real date. */
  end?: { date: FoundDate; line: LayoutLine; joinGuessed?: boolean; separatorGuessed?: boolean; dateSeparatorLost?: boolean } | null;
  openEndedLine?: LayoutLine;
}

/**
 * Finds a term (合同期限, 聘期, 实习期限) in the document's running text: two dates joined by 至/到/- (`自2021年1月1日起
 * 至2023年12月31日止`), skipping probation periods and options whose box is unticked; an open-ended term (无固定期限
 * …自 date 起) gives `end: null`. Sentences and dates wrapped over lines are read as one.
 *
 * @example
 * findDateRange(ctx, /合同期限|期限/).end?.date.value; // '2023-12-31'
 */
export function findDateRange(ctx: DocumentContext, preferred: RegExp): DateRange {
  const stream = documentText(ctx.layouts);
  const text = stream.text;
  const { dates, guessed } = findDatesAcrossBreaks(stream);
  const at = (date: FoundDate) => ({ date, line: stream.lineAt(date.index), ...(guessed.has(date) ? { joinGuessed: true } : {}) });
  let best: { range: DateRange; score: number } | undefined;
  const consider = (range: DateRange, before: string) => {
    if (/试用期|见习期/.test(before.slice(-16))) return;
    const mark = before.slice(-14);
    if (UNCHECKED.test(mark) && !CHECKED.test(mark)) return;
    const score = (preferred.test(before.slice(-24)) ? 2 : 0) + (CHECKED.test(mark) ? 2 : 0) + (/[自从]$|[自从]\s*$/.test(before) ? 1 : 0);
    if (!best || score > best.score) best = { range, score };
  };
  for (let i = 0; i < dates.length; i++) {
    const d1 = dates[i];
    const before = text.slice(Math.max(0, d1.index - 40), d1.index);
    const d2 = dates[i + 1];
    if (d2) {
      const between = text.slice(d1.index + d1.length, d2.index);
      if (/^(起)?(至|到|-|~|—|－)$/.test(between)) {
        consider({ start: at(d1), end: at(d2) }, before);
        continue;
      }
      // `自 A 超至 B 止`: one character misread where 起 stands, in a term sentence (自 … 止).
      if (/^[\u3400-\u9fff](至|到)$/.test(between) && /[自从]\s*$/.test(before) && /^止/.test(text.slice(d2.index + d2.length))) {
        consider({ start: at(d1), end: { ...at(d2), separatorGuessed: true } }, before);
        continue;
      }
    }
    const sentence = before.split(/[。;；]/).pop() ?? '';
    if (/无固定期限/.test(sentence) && /^起/.test(text.slice(d1.index + d1.length))) {
      const range: DateRange = { start: at(d1), end: null, openEndedLine: stream.lineAt(d1.index) };
      consider(range, before);
    }
  }
  if (best) return best.range;
  // `…至2023` | `03-23。`: the end date wrapped and its separator fell at the line break. Read it with the break
  // as the separator, as a guess for the clerk.
  for (const d1 of dates) {
    const after = text.slice(d1.index + d1.length);
    const m = /^(起)?(至|到)(\d{4})/.exec(after);
    if (!m) continue;
    const yearEnd = d1.index + d1.length + m[0].length;
    if (stream.lineAt(yearEnd) === stream.lineAt(yearEnd - 1)) continue;
    const rest = /^(\d{1,2})[-./](\d{1,2})/.exec(text.slice(yearEnd));
    if (!rest) continue;
    const month = Number(rest[1]);
    const day = Number(rest[2]);
    if (month < 1 || month > 12 || day < 1 || day > 31) continue;
    const value = `${m[3]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const index = yearEnd - 4;
    const date: FoundDate = { value, index, length: 4 + rest[0].length, raw: `${m[3]}${rest[0]}` };
    const before = text.slice(Math.max(0, d1.index - 40), d1.index);
    if (/试用期|见习期/.test(before.slice(-16))) continue;
    return { start: at(d1), end: { ...at(date), joinGuessed: true } };
  }
  // `自 A 起至 2019-0403 止`: the end lost the separator between its month and its day (the engine's, at a small
  // print). Read when its digits give exactly one real date after the start, for the clerk to confirm.
  for (const d1 of dates) {
    const joined = /^(起)?(至|到)/.exec(text.slice(d1.index + d1.length));
    if (!joined) continue;
    const from = d1.index + d1.length + joined[0].length;
    const piece = /^\d{4}[-./]?\d{3,4}(?![\d\-./年])/.exec(text.slice(from))?.[0];
    const lost = piece ? findSeparatorLostDate(piece) : undefined;
    if (!lost || lost.index !== 0 || lost.raw !== piece || lost.value <= d1.value) continue;
    if (/试用期|见习期/.test(text.slice(Math.max(0, d1.index - 16), d1.index))) continue;
    const date: FoundDate = { value: lost.value, index: from, length: lost.raw.length, raw: lost.raw };
    return { start: at(d1), end: { ...at(date), dateSeparatorLost: true } };
  }
  // No complete term: a start date alone (`…期限…自2020年2月7日起`) still gives the start; the end stays unknown.
  for (const d of dates) {
    const sentence =
      text
        .slice(Math.max(0, d.index - 40), d.index)
        .split(/[。;；]/)
        .pop() ?? '';
    if (/[自从]$/.test(sentence) && /^起/.test(text.slice(d.index + d.length)) && /期限|合同|聘|实习/.test(sentence) && !/试用期|见习期/.test(sentence)) {
      return { start: at(d) };
    }
  }
  return {};
}

/** Kinds whose numbers follow a national structure that can be checked. */
export const STRUCTURED_KINDS: ReadonlySet<CertificateKind> = new Set(['skill_level', 'qualification']);

/** Issue on an end date read where the contract's own type says it has none (`合同类型：无固定期限`). */
export const END_DATE_OPEN_ENDED_CONFLICT = 'end_date_open_ended_conflict';

/**
 * True when the document prints 无固定期限 as a value on its own (the contract type `无固定期限`, or after a label's
 * colon), not as one option of a list to tick: the term then has no end date, and a date read for it belongs to
 * another label (a fill-in printed off its rows).
 *
 * @example
 * printsOpenEndedTerm(ctx); // true when a line reads `无固定期限` or `合同类型:无固定期限`
 */
export function printsOpenEndedTerm(ctx: DocumentContext): boolean {
  return ctx.layouts.some((layout) => layout.lines.some((line) => /(?:^|:)无固定期限(?:劳动合同)?$/.test(line.flat)));
}
