import { isRealDate } from './resident-id.js';
import { findDates } from './dates.js';

/** Issue on a date read with one of its separators lost or misread by the engine (`2018-0713`, `2014/1726`). */
export const DATE_SEPARATOR_INFERRED = 'date_separator_inferred';

/** Characters the engine reads for a slash between digits (`2014/01/26` → `2014/1726`). */
const SLASH_LOOKALIKES = new Set(['1', '7']);

// A year, its separator, then month and day run together (`2016.1003`, `2018-0713`, `2014/1726`).
const YEAR_THEN_RUN = /(?<![\d./-])((?:19|20)\d{2})([./-])(\d{3,4})(?![\d./-])/g;
// Year and month run together, then the separator and the day (`201402-17`).
const RUN_THEN_DAY = /(?<![\d./-])((?:19|20)\d{2})(\d{1,2})([./-])(\d{1,2})(?![\d./-])/g;

export interface SeparatorLostDate {
  /** `YYYY-MM-DD` */
  value: string;
  index: number;
  raw: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Every real month and day a run of digits splits into, month first (`1003` → 10-03; `113` → 1-13 and 11-3). */
function splits(year: number, run: string): string[] {
  const out: string[] = [];
  for (let cut = 1; cut < run.length; cut++) {
    const [m, d] = [run.slice(0, cut), run.slice(cut)];
    if (m.length > 2 || d.length > 2) continue;
    if (isRealDate(year, Number(m), Number(d))) out.push(`${year}-${pad(Number(m))}-${pad(Number(d))}`);
  }
  return [...new Set(out)];
}

/**
 * A numeric date the engine read with one separator lost (`2016.1003`, `2018-0713`, `201402-17`) or with a slash
 * read as a digit (`2014/1726` for `2014/01/26`, its `0` lost too): read only when the digits give exactly one real
 * date. Splitting the run comes first; a slash's look-alike is dropped only when no split is a real date. Never
 * confident: the caller flags it DATE_SEPARATOR_INFERRED.
 *
 * @example
 * findSeparatorLostDate('签订日期：2018-0713')?.value; // '2018-07-13'
 * findSeparatorLostDate('2018-113'); // undefined (1-13 or 11-3)
 */
export function findSeparatorLostDate(text: string): SeparatorLostDate | undefined {
  const compact = text.replace(/\s+/g, '');
  for (const m of compact.matchAll(YEAR_THEN_RUN)) {
    const year = Number(m[1]);
    let values = splits(year, m[3]);
    if (values.length === 0 && m[2] === '/') {
      // The slash itself read as a digit: drop it where it stands between a month and a day.
      const dropped = [...m[3]].flatMap((ch, i) =>
        SLASH_LOOKALIKES.has(ch) && i > 0 && i < m[3].length - 1 ? [[m[3].slice(0, i), m[3].slice(i + 1)] as const] : [],
      );
      values = [
        ...new Set(
          dropped
            .filter(([mo, d]) => mo.length <= 2 && d.length <= 2 && isRealDate(year, Number(mo), Number(d)))
            .map(([mo, d]) => `${year}-${pad(Number(mo))}-${pad(Number(d))}`),
        ),
      ];
    }
    if (values.length === 1) return { value: values[0], index: m.index, raw: m[0] };
  }
  for (const m of compact.matchAll(RUN_THEN_DAY)) {
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[4])];
    if (isRealDate(year, month, day)) return { value: `${year}-${pad(month)}-${pad(day)}`, index: m.index, raw: m[0] };
  }
  return undefined;
}

/** Issue on a date read with a letter the engine put for a digit (`2023.12.3l`, `2023年1O月1日`). */
export const DATE_LETTER_DIGIT_INFERRED = 'date_letter_digit_inferred';

const DIGIT_OF_LETTER: Record<string, string> = { l: '1', I: '1', '|': '1', O: '0', o: '0' };
/** A look-alike letter touching a digit (before or after it). */
const LETTER_BY_DIGIT = /(?<=\d)[lI|Oo]|[lI|Oo](?=\d)/g;

/**
 * A date whose digits the engine read partly as letters (`l` for 1, `O` for 0), read with each such letter that
 * touches a digit taken for its digit, when that gives a date whose span holds one of them. Never confident: the
 * caller flags it DATE_LETTER_DIGIT_INFERRED.
 *
 * @example
 * findLetterDigitDate('发证日期：2023.12.3l'); // '2023-12-31'
 */
export function findLetterDigitDate(text: string): string | undefined {
  let read = text;
  // Twice, so that a letter between two letters that touch digits (`1OO`) is reached too.
  for (let i = 0; i < 2; i++) read = read.replace(LETTER_BY_DIGIT, (ch) => DIGIT_OF_LETTER[ch]);
  if (read === text) return undefined;
  const changed = [...text].flatMap((ch, i) => (read[i] !== ch ? [i] : []));
  const date = findDates(read).find((d) => changed.some((i) => i >= d.index && i < d.index + d.length));
  return date?.value;
}
