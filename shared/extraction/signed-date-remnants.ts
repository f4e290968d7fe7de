import { LabelMatch } from './confidence.js';
import { fieldFromLine, type DocumentContext, type DraftField } from './document-context.js';
import { LABELS } from './labels.js';
import { linesRightOf, type LayoutLine, type PageLayout } from './page-layout.js';
import { ROW_PIECES_JOINED } from './row-gap-pieces.js';
import { Evidence, readDateValue } from './value-readers.js';

/** Issue on a signing date whose year the engine lost, taken from the term's start: the clerk confirms the year. */
export const SIGNED_DATE_YEAR_INFERRED = 'signed_date_year_inferred';

/**
 * A date whose year is lost whole or in part: before `年` up to two marks the engine made of it, then, when only part
 * of the year was lost, two or three of its numerals (`0二0年十一月四日`, `一八年六月三十日`, `二0二年一月十八日`); then a
 * month and a day.
 */
const YEAR_LOST =
  /^[^\d〇零○一二三四五六七八九十年]{0,2}([\d〇零○Oo一二三四五六七八九]{2,3})?年\s*((?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十廿卅]{1,3})\s*日)$/;

/** Chinese numerals of a year's digits, for a month and day written in numerals. */
const CHINESE_DIGITS = '〇一二三四五六七八九';

/**
 * A signing date beside its label that the engine boxed in pieces along the row (`签订日期：2018.11` | `.6`, a seal's
 * ink between them): the first text beside the label that reads no date alone but a whole date run on with the pieces
 * after it; one such value on the pages; flagged ROW_PIECES_JOINED (which boxes make the date is read from layout).
 *
 * @example
 * signedDateInRowPieces(ctx)?.value; // '2018-11-06' for `签订日期：2018.11` | `.6`
 */
export function signedDateInRowPieces(ctx: DocumentContext): DraftField | undefined {
  return onlyValueBesideSigningLabels(ctx, ROW_PIECES_JOINED, (texts) => {
    const first = texts[0];
    if (!first || readDateValue(first.text) !== null) return undefined;
    const joined = texts.find((t) => t.line === first.line && t.text !== first.text && typeof readDateValue(t.text)?.value === 'string');
    return joined && { line: joined.line, value: readDateValue(joined.text)!.value as string, raw: joined.text };
  });
}

type BesideText = { line: LayoutLine; text: string };

/**
 * The one value `read` finds beside the document's 签订日期 labels (from the texts `textsBeside` gives each), as a
 * field flagged `issue`; undefined when none is found or the labels disagree.
 */
function onlyValueBesideSigningLabels(
  ctx: DocumentContext,
  issue: string,
  read: (texts: BesideText[]) => { line: LayoutLine; value: string; raw: string } | undefined,
): DraftField | undefined {
  const labels = new Set(LABELS.signedDate);
  const found: { line: LayoutLine; value: string; raw: string }[] = [];
  for (const layout of ctx.layouts) {
    for (const label of layout.lines) {
      const hit = label.hits[label.hits.length - 1];
      if (!hit || !labels.has(hit.form)) continue;
      const value = read(textsBeside(layout, label, hit.inlineValue));
      if (value) found.push(value);
    }
  }
  if (new Set(found.map((f) => f.value)).size !== 1) return undefined;
  const { line, value, raw } = found[0];
  return fieldFromLine(line, { value, evidence: Evidence.shape, plausibility: 0.7, issues: [issue] }, LabelMatch.unlabelled, raw);
}

/** The widest gap, in the label's heights, between two pieces of one date the engine boxed apart on its row. */
const MAX_PIECE_GAP = 1.5;

/**
 * The texts a value beside a signing-date label may be read from, shortest first: the value in the label's box, else
 * the first lines right of it (up to three), each alone and then run on with the pieces after it on the row, as long
 * as each starts within MAX_PIECE_GAP heights of the one before (a seal's ink splits one printed date into boxes:
 * `签订日期：二0二` | `年` | `一月十八日`).
 */
function textsBeside(layout: PageLayout, label: LayoutLine, inline: string): BesideText[] {
  const h = label.box.height;
  const chain: BesideText[] = inline !== '' ? [{ line: label, text: inline }] : [];
  let end = label.box.x + label.box.width;
  for (const piece of linesRightOf(layout, label).slice(0, 3)) {
    // The next label on the row (the other party's `日期：`) ends the value.
    if (piece.hits.length > 0 || (chain.length > 0 && piece.box.x - end > h * MAX_PIECE_GAP)) break;
    chain.push({ line: piece, text: piece.flat });
    end = piece.box.x + piece.box.width;
  }
  // The value in the label's box opens the date: nothing is read from a line after it alone.
  const starts = inline !== '' ? [0] : chain.map((_, k) => k);
  return starts.flatMap((from) =>
    chain.slice(from).map((_, k) => ({
      line: chain[from].line,
      text: chain
        .slice(from, from + k + 1)
        .map((c) => c.text)
        .join(''),
    })),
  );
}

/**
 * The signing date whose year a seal or noise took whole or in part (`签订日期：` | `年二月十二日`, `签订日期：` | `O` |
 * `年九月九日`, `签订日期：0二0年十一月四日`, `签订日期：` | `一八年六月三十日`), its pieces on the label's row run on
 * (`二0二` | `年` | `一月十八日`), on a contract whose term's start was read: a contract is signed on or before the
 * day its term starts, and within a year of it, so the year is the start's when the month and day fall on or before
 * the start's, else the year before; the numerals left of the year (two or three) must be that year's with its head,
 * or one of its numerals, lost. Only the value beside a 签订日期 label, one such value on the pages; always flagged
 * SIGNED_DATE_YEAR_INFERRED.
 *
 * @example
 * signedDateYearLost(ctx, startDate)?.value; // '2021-02-12' for `年二月十二日` and a start of 2021-02-22
 */
export function signedDateYearLost(ctx: DocumentContext, startDate: DraftField | undefined): DraftField | undefined {
  if (typeof startDate?.value !== 'string') return undefined;
  const start = startDate.value;
  return onlyValueBesideSigningLabels(ctx, SIGNED_DATE_YEAR_INFERRED, (texts) => {
    // The shortest text that reads as a date missing its year decides: its year fits, or nothing is read here.
    const text = texts.map((t) => ({ ...t, lost: YEAR_LOST.exec(t.text.replace(/\s+/g, '')) })).find((t) => t.lost);
    const value = text && dateInYearOf(text.lost![2], start, text.lost![1]);
    return value ? { line: text.line, value, raw: text.text } : undefined;
  });
}

/** Digits of a year's numerals (`0二0` → `020`, `〇二一` → `021`). */
function yearDigits(numerals: string): string {
  return [...numerals].map((ch) => (/\d/.test(ch) ? ch : /[〇零○Oo]/.test(ch) ? '0' : String(CHINESE_DIGITS.indexOf(ch)))).join('');
}

/**
 * True when `left` (the numerals the engine left of a year, none when it lost the year whole) are the year's with its
 * head lost (`18` of 2018, `020` of 2020) or, three of them, with any one numeral lost (`202` of 2021).
 */
function leftOfYear(year: number, left: string | undefined): boolean {
  if (left === undefined) return true;
  const digits = String(year);
  const kept = yearDigits(left);
  if (digits.endsWith(kept)) return true;
  return kept.length === 3 && [...digits].some((_, k) => digits.slice(0, k) + digits.slice(k + 1) === kept);
}

/** The month and day `monthDay` on or before `start` (an ISO date), less than a year before it, in a year `left` fits. */
function dateInYearOf(monthDay: string, start: string, left?: string): string | undefined {
  const year = Number(start.slice(0, 4));
  for (const y of [year, year - 1]) {
    const spelled = /\d/.test(monthDay) ? String(y) : [...String(y)].map((d) => CHINESE_DIGITS[Number(d)]).join('');
    const reading = readDateValue(`${spelled}年${monthDay}`);
    if (typeof reading?.value === 'string' && reading.value <= start) return leftOfYear(y, left) ? reading.value : undefined;
  }
  return undefined;
}
