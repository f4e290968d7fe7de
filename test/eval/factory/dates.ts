import type { Rng } from './random.js';

/** A calendar date without time zone trouble. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const CN_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/**
 * The normalised form `intake extract` prints.
 *
 * @example
 * isoDate({ year: 2021, month: 6, day: 18 }); // '2021-06-18'
 */
export function isoDate(d: CalendarDate): string {
  return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
}

/** `YYYY-MM`, the normalised month. @example isoMonth({ year: 2015, month: 3, day: 1 }); // '2015-03' */
export function isoMonth(d: CalendarDate): string {
  return `${d.year}-${pad(d.month)}`;
}

function chineseNumber(n: number): string {
  if (n < 10) return CN_DIGITS[n];
  if (n === 10) return '十';
  if (n < 20) return `十${CN_DIGITS[n % 10]}`;
  return `${CN_DIGITS[Math.floor(n / 10)]}十${n % 10 === 0 ? '' : CN_DIGITS[n % 10]}`;
}

/** The ways documents print a date. */
export const DATE_STYLES = ['cn_padded', 'cn', 'cn_upper', 'dotted', 'dashed'] as const;
export type DateStyle = (typeof DATE_STYLES)[number];

/**
 * Prints a date as a document would: 2021年06月18日, 2021年6月18日, 二〇二一年六月十八日, 2021.06.18, 2021-06-18.
 *
 * @example
 * formatDate({ year: 2021, month: 6, day: 18 }, 'cn_upper'); // '二〇二一年六月十八日'
 */
export function formatDate(d: CalendarDate, style: DateStyle): string {
  switch (style) {
    case 'cn_padded':
      return `${d.year}年${pad(d.month)}月${pad(d.day)}日`;
    case 'cn':
      return `${d.year}年${d.month}月${d.day}日`;
    case 'cn_upper':
      return `${[...String(d.year)].map((c) => CN_DIGITS[Number(c)]).join('')}年${chineseNumber(d.month)}月${chineseNumber(d.day)}日`;
    case 'dotted':
      return `${d.year}.${pad(d.month)}.${pad(d.day)}`;
    case 'dashed':
      return isoDate(d);
  }
}

/** Month styles of social-insurance tables: 201503, 2015-03, 2015年03月, 2015.03. */
export const MONTH_STYLES = ['compact', 'dashed', 'cn', 'dotted'] as const;
export type MonthStyle = (typeof MONTH_STYLES)[number];

/** @example formatMonth({ year: 2015, month: 3, day: 1 }, 'compact'); // '201503' */
export function formatMonth(d: CalendarDate, style: MonthStyle): string {
  switch (style) {
    case 'compact':
      return `${d.year}${pad(d.month)}`;
    case 'dashed':
      return isoMonth(d);
    case 'cn':
      return `${d.year}年${pad(d.month)}月`;
    case 'dotted':
      return `${d.year}.${pad(d.month)}`;
  }
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A random real date between two years (both included). @example randomDate(rng, 2020, 2021); */
export function randomDate(rng: Rng, fromYear: number, toYear: number): CalendarDate {
  const year = rng.int(fromYear, toYear);
  const month = rng.int(1, 12);
  return { year, month, day: rng.int(1, daysIn(year, month)) };
}

/** Adds months (clamping the day), e.g. a contract's end from its start. @example addMonths(d, 36); */
export function addMonths(d: CalendarDate, months: number): CalendarDate {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return { year, month, day: Math.min(d.day, daysIn(year, month)) };
}

/** Adds days. @example addDays(d, -1); */
export function addDays(d: CalendarDate, days: number): CalendarDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

/** Months from `from` to `to` inclusive. @example monthsBetween({year:2020,month:1,day:1},{year:2020,month:12,day:1}); // 12 */
export function monthsBetween(from: CalendarDate, to: CalendarDate): number {
  return (to.year - from.year) * 12 + (to.month - from.month) + 1;
}
