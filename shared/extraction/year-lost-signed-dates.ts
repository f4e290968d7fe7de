import { LabelMatch } from './confidence.js';
import { fieldFromLine, type DocumentContext, type DraftField } from './document-context.js';
import { LABELS } from './labels.js';
import { linesRightOf, type LayoutLine } from './page-layout.js';
import { Evidence, readDateValue } from './value-readers.js';

/** Issue on a signing date whose year the engine lost, taken from the term's start: the clerk confirms the year. */
export const SIGNED_DATE_YEAR_INFERRED = 'signed_date_year_inferred';

/** A date whose year is lost whole: nothing before `年` but up to two marks the engine made of it, then a month and a day. */
const YEAR_LOST =
  /^[^\d〇零○一二三四五六七八九十年]{0,2}年\s*((?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(?:\d{1,2}|[一二三四五六七八九十廿卅]{1,3})\s*日)$/;

/** Chinese numerals of a year's digits, for a month and day written in numerals. */
const CHINESE_DIGITS = '〇一二三四五六七八九';

/**
 * The signing date whose year a seal or noise took whole (`签订日期：` | `年二月十二日`, `签订日期：` | `O` | `年九月九日`)
 * on a contract whose term's start was read: a contract is signed on or before the day its term starts, and within
 * a year of it, so the year is the start's when the month and day fall on or before the start's, else the year
 * before. Only the value beside a 签订日期 label, one such value on the pages; always flagged
 * SIGNED_DATE_YEAR_INFERRED.
 *
 * @example
 * signedDateYearLost(ctx, startDate)?.value; // '2021-02-12' for `年二月十二日` and a start of 2021-02-22
 */
export function signedDateYearLost(ctx: DocumentContext, startDate: DraftField | undefined): DraftField | undefined {
  if (typeof startDate?.value !== 'string') return undefined;
  const start = startDate.value;
  const labels = new Set(LABELS.signedDate);
  const found: { line: LayoutLine; value: string; raw: string }[] = [];
  for (const layout of ctx.layouts) {
    for (const label of layout.lines) {
      const hit = label.hits[label.hits.length - 1];
      if (!hit || !labels.has(hit.form)) continue;
      // The value in the label's box, else the first line right of it that is not a lost year's mark.
      const beside = linesRightOf(layout, label).filter((l) => l.hits.length === 0);
      const texts = hit.inlineValue !== '' ? [{ line: label, text: hit.inlineValue }] : beside.slice(0, 2).map((l) => ({ line: l, text: l.flat }));
      for (const { line, text } of texts) {
        const lost = YEAR_LOST.exec(text.replace(/\s+/g, ''));
        if (!lost) continue;
        const value = dateInYearOf(lost[1], start);
        if (value) found.push({ line, value, raw: text });
        break;
      }
    }
  }
  if (new Set(found.map((f) => f.value)).size !== 1) return undefined;
  const { line, value, raw } = found[0];
  return fieldFromLine(line, { value, evidence: Evidence.shape, plausibility: 0.7, issues: [SIGNED_DATE_YEAR_INFERRED] }, LabelMatch.unlabelled, raw);
}

/** The month and day `monthDay` on or before `start` (an ISO date) and less than a year before it. */
function dateInYearOf(monthDay: string, start: string): string | undefined {
  const year = Number(start.slice(0, 4));
  for (const y of [year, year - 1]) {
    const spelled = /\d/.test(monthDay) ? String(y) : [...String(y)].map((d) => CHINESE_DIGITS[Number(d)]).join('');
    const reading = readDateValue(`${spelled}年${monthDay}`);
    if (typeof reading?.value === 'string' && reading.value <= start) return reading.value;
  }
  return undefined;
}
