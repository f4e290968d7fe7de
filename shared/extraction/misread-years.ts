import { findDates } from './dates.js';

/** Issue on a date whose year in Chinese numerals began with a look-alike of `二` the engine read for it. */
export const DATE_YEAR_MISREAD = 'date_year_misread_inferred';

/**
 * The first character of a year in Chinese numerals that no year this century starts with, and the `二` the engine
 * takes it for: `三` with a stroke too many (`三〇一九年` on a clean scan), `一` with one lost.
 */
const TWO_LOOKALIKES = /([三一])(?=[〇零○Oo][〇零○Oo一二三四五六七八九0-9]{2}\s*年)/g;

/**
 * The first digit of a year in Arabic digits that no year a document bears starts with, read for the `2` of this
 * century's `20…`: `3020年12月23日` (a noisy scan's `2` with its foot lost to a `3`). Only before 年 or a date
 * separator, so a house number or an amount is never taken for a year.
 */
const TWO_DIGIT_LOOKALIKES = /(?<![0-9])3(?=0[0-9]{2}\s*(?:年|[./-][01]?[0-9][./-]))/g;

/**
 * A date whose year starts with a look-alike of `二` or `2` (`三〇一九年十一月二十一日`, `3020年12月23日`, which no
 * date parser takes: 3019 is no year a document bears) read as the twenty-first-century date it gives with `二` or `2`.
 * Only a date that parses whole once the year is mended counts; the caller flags it DATE_YEAR_MISREAD, never confident.
 *
 * @example
 * findMisreadYearDate('签订日期:三〇一九年十一月二十一日'); // '2019-11-21'
 * findMisreadYearDate('发证日期:3020年12月23日'); // '2020-12-23'
 */
export function findMisreadYearDate(text: string): string | undefined {
  const mended = text.replace(TWO_LOOKALIKES, '二').replace(TWO_DIGIT_LOOKALIKES, '2');
  return mended === text ? undefined : findDates(mended).find((d) => d.value.startsWith('20'))?.value;
}
