import { Evidence, readDateValue, type ValueReader } from './value-readers.js';

/** Issue on a date read from a day of three digits (`2021.03.042`): the clerk confirms the day. */
export const DATE_DAY_OVERRUN_INFERRED = 'date_day_overrun_inferred';

/**
 * A numeric date whose day runs on to three digits, nothing after it but its `日` (`签订日期:2021.03.042`,
 * `2020年06月261日`): a speck, a seal's stroke or the `日` itself read as one more digit after the day.
 */
const DAY_OVERRUN = /(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{2})\d\s*日?\s*$/;

/**
 * A date as readDateValue reads it, else one whose day ran on to a third digit: the first two digits, when they make
 * a real day of that month (the engine adds a digit after a day; the day's own digits stand before it). Flagged
 * DATE_DAY_OVERRUN_INFERRED (plausibility 0.85); only for a field no other reading found.
 *
 * @example
 * readDateOrOverrunDay('签订日期:2021.03.042')?.value; // '2021-03-04'
 */
export const readDateOrOverrunDay: ValueReader = (text) => {
  const plain = readDateValue(text);
  if (plain) return plain;
  const overrun = DAY_OVERRUN.exec(text);
  if (!overrun) return null;
  const [, year, month, day] = overrun;
  const repaired = readDateValue(`${year}年${month}月${day}日`);
  if (!repaired || typeof repaired.value !== 'string') return null;
  return { value: repaired.value, evidence: Evidence.shape, plausibility: 0.85, issues: [DATE_DAY_OVERRUN_INFERRED] };
};
