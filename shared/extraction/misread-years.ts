import { findDates } from './dates.js';

/** Issue on a date whose year in Chinese numerals began with a look-alike of `二` the engine read for it. */
export const DATE_YEAR_MISREAD = 'date_year_misread_inferred';

/**
 * The first character of a year in Chinese numerals that no year this century starts with, and the `二` the engine
 * takes it for: `三` with a stroke too many (`三〇一九年` on a clean scan), `一` with one lost.
 */
const TWO_LOOKALIKES = /([三一])(?=[〇零○Oo][〇零○Oo一二三四五六七八九0-9]{2}\s*年)/g;

/**
 * A date in Chinese numerals whose year starts with a look-alike of `二` (`三〇一九年十一月二十一日`, which no date
 * parser takes: 3019 is no year a document bears) read as the twenty-first-century date it gives with `二`. Only a
 * date that parses whole once the year is mended counts; the caller flags it DATE_YEAR_MISREAD, never confident.
 *
 * @example
 * findMisreadYearDate('签订日期:三〇一九年十一月二十一日'); // '2019-11-21'
 */
export function findMisreadYearDate(text: string): string | undefined {
  const mended = text.replace(TWO_LOOKALIKES, '二');
  return mended === text ? undefined : findDates(mended).find((d) => d.value.startsWith('20'))?.value;
}
