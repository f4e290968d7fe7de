import { findDates } from './dates.js';
import { Evidence, readDateValue, type ValueReader } from './value-readers.js';

/** Issue on a date whose year was read without its 〇 (`二一九年` for 二〇一九年): the clerk confirms the year. */
export const DATE_YEAR_ZERO_INFERRED = 'date_year_zero_inferred';

/**
 * A year of this century written in numerals that lost its `〇` (a thin ring glare or a seal takes): `二` and two
 * numerals, the first no `〇` (`二一九年`, `二二一年`, `二一〇年`). Every year from 2000 to 2099 is written `二〇…`, so
 * the ring is the one character such a year can have lost and still read this way.
 */
const YEAR_LOST_ZERO = /(?<![〇零○一二三四五六七八九十\d])二([一二三四五六七八九])([〇零○一二三四五六七八九])(?=\s*年)/;

/**
 * The date a text prints with its year's `〇` lost (`签订日期：二一九年十二月十一日` → 2019-12-11). Undefined when
 * there is none; never confident (the caller flags it DATE_YEAR_ZERO_INFERRED).
 *
 * @example
 * findYearZeroLostDate('二一九年十二月十一日'); // '2019-12-11'
 */
export function findYearZeroLostDate(text: string): string | undefined {
  const lost = YEAR_LOST_ZERO.exec(text);
  if (!lost) return undefined;
  const repaired = `${text.slice(0, lost.index)}二〇${lost[1]}${lost[2]}${text.slice(lost.index + lost[0].length)}`;
  const found = findDates(repaired)[0];
  return found?.value;
}

/**
 * A year of this century whose `〇` the engine read as another character (`二天一九年`: a glare or a seal's ink over the
 * ring): `二`, one character that is no numeral, and two numerals. The second digit of every year from 2000 to 2099 is
 * `〇`, so that character can only be it.
 */
const YEAR_ZERO_MISREAD =
  /(?<![〇零○一二三四五六七八九十\d])二([^\s〇零○一二三四五六七八九十\d年月日,，:：])([〇零○一二三四五六七八九])([〇零○一二三四五六七八九])(?=\s*年)/;

/**
 * The date a text prints with its year's `〇` read as another character (`二天一九年八月十三日` → 2019-08-13). Never
 * confident: the caller flags it DATE_YEAR_ZERO_INFERRED.
 *
 * @example
 * findYearZeroMisreadDate('二天一九年八月十三日'); // '2019-08-13'
 */
export function findYearZeroMisreadDate(text: string): string | undefined {
  const misread = YEAR_ZERO_MISREAD.exec(text);
  if (!misread) return undefined;
  const repaired = `${text.slice(0, misread.index)}二〇${misread[2]}${misread[3]}${text.slice(misread.index + misread[0].length)}`;
  return findDates(repaired)[0]?.value;
}

/**
 * A date as readDateValue reads it, else one whose year lost its `〇` (flagged DATE_YEAR_ZERO_INFERRED, plausibility
 * 0.85). Only for a field no other reading found: a date printed whole elsewhere is the better witness.
 *
 * @example
 * readDateOrYearLostZero('签订日期：二一九年十二月十一日')?.value; // '2019-12-11'
 */
export const readDateOrYearLostZero: ValueReader = (text) => {
  const plain = readDateValue(text);
  if (plain) return plain;
  const value = findYearZeroLostDate(text);
  return value ? { value, evidence: Evidence.shape, plausibility: 0.85, issues: [DATE_YEAR_ZERO_INFERRED] } : null;
};
