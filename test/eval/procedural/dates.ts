import { type CalendarDate, formatDate, isoDate } from '../factory/dates.js';

const CN_DIGITS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/**
 * Every way a procedural page prints a date: the factory's five styles plus Chinese numerals with 廿/卅
 * (`二〇一三年三月廿二日`), `2013/03/22`, `2013年 3月 22日`, the spaced fill-in form `2013 年 03 月 22 日`, and
 * `2013-3-22`, `2013/3/22`, `2013.3.22` without leading zeros.
 */
export const PROCEDURAL_DATE_STYLES = [
  'cn_padded',
  'cn',
  'cn_upper',
  'dotted',
  'dashed',
  'cn_nian',
  'slashed',
  'cn_spaced',
  'fill_in',
  'dashed_short',
  'slashed_short',
  'dotted_short',
] as const;
export type ProceduralDateStyle = (typeof PROCEDURAL_DATE_STYLES)[number];

/** A day of the month in Chinese numerals with 廿 (20s) and 卅 (30s): 22 → 廿二, 20 → 二十, 31 → 卅一. */
function nianDay(n: number): string {
  if (n <= 10) return n === 10 ? '十' : CN_DIGITS[n];
  if (n < 20) return `十${CN_DIGITS[n % 10]}`;
  if (n === 20) return '二十';
  if (n < 30) return `廿${CN_DIGITS[n % 10]}`;
  if (n === 30) return '三十';
  return `卅${CN_DIGITS[n % 10]}`;
}

function cnMonth(n: number): string {
  return n <= 10 ? (n === 10 ? '十' : CN_DIGITS[n]) : `十${CN_DIGITS[n % 10]}`;
}

/**
 * @example
 * formatProceduralDate({ year: 2013, month: 3, day: 22 }, 'cn_nian'); // '二〇一三年三月廿二日'
 */
export function formatProceduralDate(d: CalendarDate, style: ProceduralDateStyle): string {
  const p = (n: number) => String(n).padStart(2, '0');
  switch (style) {
    case 'cn_nian':
      return `${[...String(d.year)].map((c) => CN_DIGITS[Number(c)]).join('')}年${cnMonth(d.month)}月${nianDay(d.day)}日`;
    case 'slashed':
      return `${d.year}/${p(d.month)}/${p(d.day)}`;
    case 'cn_spaced':
      return `${d.year}年 ${d.month}月 ${d.day}日`;
    case 'fill_in':
      return `${d.year} 年 ${p(d.month)} 月 ${p(d.day)} 日`;
    // Month and day without their leading zero, as forms filled in by hand or by Excel print them.
    case 'dashed_short':
      return `${d.year}-${d.month}-${d.day}`;
    case 'slashed_short':
      return `${d.year}/${d.month}/${d.day}`;
    case 'dotted_short':
      return `${d.year}.${d.month}.${d.day}`;
    default:
      return formatDate(d, style);
  }
}

/** Every printed form of an ISO date (what a test looks for in a text layer). @example printedDateForms('2013-03-22'); */
export function printedDateForms(iso: string): string[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return [iso];
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  if (isoDate(d) !== iso) return [iso];
  return PROCEDURAL_DATE_STYLES.map((s) => formatProceduralDate(d, s));
}
