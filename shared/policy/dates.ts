/**
 * Calendar arithmetic on ISO dates (`YYYY-MM-DD`) and months (`YYYY-MM`) without time zones: claims are judged by
 * calendar day in China, and day numbers keep the hot path free of Date objects.
 */

const MS_PER_DAY = 86_400_000;

/**
 * Days since 1970-01-01 for an ISO date.
 *
 * @example
 * dayNumber('1970-01-02'); // 1
 */
export function dayNumber(isoDate: string): number {
  // Days from the civil date (H. Hinnant's algorithm), read digit by digit: this runs on every rule's hot path.
  let y = digits(isoDate, 0, 4);
  const m = digits(isoDate, 5, 7);
  const d = digits(isoDate, 8, 10);
  if (m <= 2) y -= 1;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function digits(text: string, start: number, end: number): number {
  let value = 0;
  for (let i = start; i < end; i++) value = value * 10 + (text.charCodeAt(i) - 48);
  return value;
}

/**
 * The ISO date of a day number.
 *
 * @example
 * isoDateOf(1); // '1970-01-02'
 */
export function isoDateOf(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * The date `years` calendar years later; 29 February falls back to 28 February, as a contract anniversary does.
 *
 * @example
 * addYears('2019-07-01', 2); // '2021-07-01'
 */
export function addYears(isoDate: string, years: number): string {
  const year = Number(isoDate.slice(0, 4)) + years;
  const rest = isoDate.slice(4);
  if (rest === '-02-29' && !isLeapYear(year)) return `${year}-02-28`;
  return `${String(year).padStart(4, '0')}${rest}`;
}

/**
 * The day after an ISO date.
 *
 * @example
 * nextDay('2021-12-31'); // '2022-01-01'
 */
export function nextDay(isoDate: string): string {
  return isoDateOf(dayNumber(isoDate) + 1);
}

/**
 * The day before an ISO date.
 *
 * @example
 * previousDay('2022-01-01'); // '2021-12-31'
 */
export function previousDay(isoDate: string): string {
  return isoDateOf(dayNumber(isoDate) - 1);
}

/**
 * Whether an inclusive period `[start, end]` lasts at least `years` whole calendar years
 * (2019-07-01 → 2021-06-30 is exactly two years).
 *
 * @example
 * lastsAtLeastYears('2019-07-01', '2021-06-30', 2); // true
 */
export function lastsAtLeastYears(start: string, endInclusive: string, years: number): boolean {
  return dayNumber(addYears(start, years)) <= dayNumber(endInclusive) + 1;
}

/**
 * A month (`YYYY-MM`) as a running month number, so spans can be counted and merged.
 *
 * @example
 * monthNumber('2021-01') - monthNumber('2020-12'); // 1
 */
export function monthNumber(isoMonth: string): number {
  return digits(isoMonth, 0, 4) * 12 + digits(isoMonth, 5, 7) - 1;
}

/**
 * The `YYYY-MM` of a running month number.
 *
 * @example
 * isoMonthOf(monthNumber('2021-03')); // '2021-03'
 */
export function isoMonthOf(month: number): string {
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}
