import { type FoundDate, findDates } from './dates.js';
import type { DocumentText } from './document-text.js';

/** The dates of a document's running text, with those rebuilt across a line break marked as guessed. */
export interface StreamDates {
  dates: FoundDate[];
  /** Dates whose separator fell at a line break and was lost (`…自2019` | `03-21起…`): the break was taken for it. */
  guessed: ReadonlySet<FoundDate>;
}

const YEAR_THEN_MONTH_DAY = /(?<!\d)(\d{4})(\d{1,2})([-./])(\d{1,2})(?!\d)/g;

/**
 * findDates over the running text, plus dates written `2019-03-21` that wrapped after the year and lost the
 * separator at the break (the engine drops a line's trailing `-`): the year ends one line, `03-21` opens the next.
 * Such a date is rebuilt only when the break falls exactly after the year and the month and day are possible.
 *
 * @example
 * findDatesAcrossBreaks(documentText(layouts)).dates.map((d) => d.value); // ['2019-03-21', '2021-03-20']
 */
export function findDatesAcrossBreaks(stream: DocumentText): StreamDates {
  const { text } = stream;
  const dates = findDates(text);
  const guessed = new Set<FoundDate>();
  for (const m of text.matchAll(YEAR_THEN_MONTH_DAY)) {
    const index = m.index;
    const yearEnd = index + 4;
    if (stream.lineAt(yearEnd) === stream.lineAt(yearEnd - 1)) continue;
    const [month, day, year] = [Number(m[2]), Number(m[4]), Number(m[1])];
    if (year < 1950 || year > 2100 || month < 1 || month > 12 || day < 1 || day > 31) continue;
    if (new Date(Date.UTC(year, month - 1, day)).getUTCDate() !== day) continue;
    if (dates.some((d) => d.index < index + m[0].length && index < d.index + d.length)) continue;
    const date: FoundDate = {
      value: `${m[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      index,
      length: m[0].length,
      raw: m[0],
    };
    dates.push(date);
    guessed.add(date);
  }
  dates.sort((a, b) => a.index - b.index);
  return { dates, guessed };
}
