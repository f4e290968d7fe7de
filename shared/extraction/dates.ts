import { isRealDate } from './resident-id.js';

const CHINESE_DIGITS: Record<string, number> = {
  〇: 0,
  零: 0,
  '○': 0,
  O: 0,
  o: 0,
  // A round 〇 that a scan's noise closes into a tail (`二Q一九年`).
  Q: 0,
  Ｏ: 0,
  '0': 0,
  '1': 1,
  '2': 2,
  '3': 3,
  '4': 4,
  '5': 5,
  '6': 6,
  '7': 7,
  '8': 8,
  '9': 9,
  一: 1,
  '→': 1,
  '-': 1,
  ー: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  // Capital numerals (大写), as contracts drawn up like financial papers print their dates: 贰零贰叁年叁月壹日.
  壹: 1,
  贰: 2,
  貳: 2,
  叁: 3,
  參: 3,
  肆: 4,
  伍: 5,
  陆: 6,
  陸: 6,
  柒: 7,
  捌: 8,
  玖: 9,
};

const CAPITAL = /[壹贰貳叁參肆伍陆陸柒捌玖拾]/;
const CAPITAL_DIGIT = /[壹贰貳叁參肆伍陆陸柒捌玖]/g;

/** A Chinese numeral up to 99 (`十八`, `二十`, `三十一`, `六`) or digits. */
function smallNumber(text: string): number | undefined {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  // 元月 = January.
  if (text === '元') return 1;
  // Capital numerals (叁拾壹) as their everyday forms (三十一).
  if (CAPITAL.test(text)) return smallNumber(text.replace(/拾/g, '十').replace(CAPITAL_DIGIT, (ch) => String(CHINESE_DIGITS[ch])));
  // 廿 = twenty, 卅 = thirty (`三月廿二日`, `卅一日`).
  const tens = /^([廿卅])([一二三四五六七八九1-9])?$/.exec(text);
  if (tens) return (tens[1] === '廿' ? 20 : 30) + (tens[2] ? CHINESE_DIGITS[tens[2]] : 0);
  const m = /^([一二三四五六七八九1-9→ー-])?(十)?([一二三四五六七八九1-9→ー-])?$/.exec(text);
  if (!m || text.length === 0) return undefined;
  if (!m[2]) return m[1] && !m[3] ? CHINESE_DIGITS[m[1]] : undefined;
  return (m[1] ? CHINESE_DIGITS[m[1]] : 1) * 10 + (m[3] ? CHINESE_DIGITS[m[3]] : 0);
}

/** A year written digit by digit (`二〇二一`, `2021`). */
function yearNumber(text: string): number | undefined {
  if (/^\d{4}$/.test(text)) return Number(text);
  if (text.length !== 4) return undefined;
  let year = 0;
  for (const ch of text) {
    const d = CHINESE_DIGITS[ch];
    if (d === undefined) return undefined;
    year = year * 10 + d;
  }
  return year;
}

const pad = (n: number): string => String(n).padStart(2, '0');

// OCR mixes Arabic digits into Chinese numerals (二〇二0年): accept both inside one date.
const CN = '[〇零○一二三四五六七八九十两廿卅OoQ0-9→ー\\-壹贰貳叁參肆伍陆陸柒捌玖拾]';
/**
 * A letter the engine reads for a digit (`l` for 1, `O` for 0): a day that runs on into one is not whole. Unless
 * the digits after it open the next date (`2018.10.102023年10月09日`: two cells' dates boxed as one line).
 */
const NO_DIGIT_AFTER = '(?:(?![\\dlI|Oo])|(?=(?:19|20)\\d{2}\\s*[年./\\-]))';
const DATE_PATTERNS: RegExp[] = [
  // 号 closes a day as 日 does in everyday writing (`3月1号`).
  new RegExp(`(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})${NO_DIGIT_AFTER}\\s*[日号]?`, 'g'),
  new RegExp(`(\\d{4})\\s*[./\\-]\\s*(\\d{1,2})\\s*[./\\-]\\s*(\\d{1,2})${NO_DIGIT_AFTER}`, 'g'),
  // A dotted date with one dot read as a comma (`2004,12.12`).
  new RegExp(`(\\d{4})\\s*\\.\\s*(\\d{1,2})\\s*[,，]\\s*(\\d{1,2})${NO_DIGIT_AFTER}`, 'g'),
  new RegExp(`(\\d{4})\\s*[,，]\\s*(\\d{1,2})\\s*\\.\\s*(\\d{1,2})${NO_DIGIT_AFTER}`, 'g'),
  // 目 is 日 with a stroke the engine saw too many (`二〇一八年五月十五目`): it closes the day as well.
  new RegExp(`(${CN}{4})\\s*年\\s*(${CN}{1,3}|元)\\s*月\\s*(${CN}{1,3})\\s*[日目]`, 'g'),
];
const COMPACT_DATE = /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/g;
const MONTH_PATTERNS: RegExp[] = [
  /(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d{1,2}\s*日)/g,
  /(?<![\d.])(\d{4})\s*[./\-]\s*(\d{1,2})(?!\d)(?!\s*[./\-]\s*\d{1,2}(?!\d))/g,
  /(?<!\d)(\d{4})(\d{2})(?!\d)/g,
];

/** A date of digits whose month keeps its leading zero and whose day has one digit. */
const PADDED_MONTH_SHORT_DAY = /^\d{4}\s*[./\-]\s*0\d\s*[./\-]\s*\d$/;

export interface FoundDate {
  /** `YYYY-MM-DD` */
  value: string;
  index: number;
  length: number;
  raw: string;
  /**
   * A date written with 年 and 月 whose day is not closed by 日 (`2018年3月1`): the day may go on past where the line
   * was read (`1日` under a shadow read as a lone `日`), so `2018-03-01` may be the 11th or the 18th. Also a date of
   * digits with a padded month and a one-digit day (`2020-02-1`).
   */
  open?: true;
  /**
   * The next date follows with no break (`2018.10.10` of `2018.10.102023年10月09日`): where the engine's box of
   * two values was cut between them is a guess (the day could be `1`, the next year `02023`…).
   */
  runOn?: true;
}

/**
 * Every full date in a text, in order of appearance, in any of the forms documents use: 2021年06月18日, 2021年6月18日,
 * 二〇二一年六月十八日, 2021.06.18, 2021-06-18, 2021/6/18 and (only with `compact`) 20210618. Impossible dates are skipped.
 *
 * @example
 * findDates('自2021年1月1日起至2023.12.31止').map((d) => d.value); // ['2021-01-01', '2023-12-31']
 */
export function findDates(text: string, options: { compact?: boolean } = {}): FoundDate[] {
  const found: FoundDate[] = [];
  const patterns = options.compact ? [...DATE_PATTERNS, COMPACT_DATE] : DATE_PATTERNS;
  for (const pattern of patterns) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const year = yearNumber(m[1]);
      const month = smallNumber(m[2]);
      const day = smallNumber(m[3]);
      if (year === undefined || month === undefined || day === undefined) continue;
      if (year < 1900 || year > 2100 || !isRealDate(year, month, day)) continue;
      if (found.some((f) => m!.index < f.index + f.length && f.index < m!.index + m![0].length)) continue;
      const date: FoundDate = { value: `${year}-${pad(month)}-${pad(day)}`, index: m.index, length: m[0].length, raw: m[0] };
      if (/年/.test(m[0]) && !/[日号]$/.test(m[0])) date.open = true;
      // `2020-02-1`: a month printed with its zero and a day of one digit; print pads both or neither, so the day's
      // second digit may be lost (`11` read `1`).
      if (PADDED_MONTH_SHORT_DAY.test(m[0])) date.open = true;
      if (/\d$/.test(m[0]) && /^\s*\d/.test(text.slice(m.index + m[0].length))) date.runOn = true;
      found.push(date);
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * The first full date in a text as `YYYY-MM-DD`, or null.
 *
 * @example
 * parseDate('二〇二一年六月十八日'); // '2021-06-18'
 */
export function parseDate(text: string, options: { compact?: boolean } = {}): string | null {
  return findDates(text, options)[0]?.value ?? null;
}

export interface FoundMonth {
  /** `YYYY-MM` */
  value: string;
  index: number;
  length: number;
}

/**
 * Every year-month in a text (201503, 2015.03, 2015-03, 2015/3, 2015年3月), in order. Full dates are not months.
 *
 * @example
 * findMonths('2015.03-2017.06').map((m) => m.value); // ['2015-03', '2017-06']
 */
export function findMonths(text: string): FoundMonth[] {
  const found: FoundMonth[] = [];
  for (const pattern of MONTH_PATTERNS) {
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
      const year = Number(m[1]);
      const month = Number(m[2]);
      if (year < 1950 || year > 2100 || month < 1 || month > 12) continue;
      if (found.some((f) => m!.index < f.index + f.length && f.index < m!.index + m![0].length)) continue;
      found.push({ value: `${year}-${pad(month)}`, index: m.index, length: m[0].length });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * The first year-month in a text as `YYYY-MM`, or null.
 *
 * @example
 * parseMonth('2015年3月'); // '2015-03'
 */
export function parseMonth(text: string): string | null {
  return findMonths(text)[0]?.value ?? null;
}

/**
 * Months from one `YYYY-MM` to another, both included.
 *
 * @example
 * monthsBetween('2015-03', '2016-02'); // 12
 */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  return (ty - fy) * 12 + (tm - fm) + 1;
}

/**
 * The year-month `by` months after (or, negative, before) a `YYYY-MM`.
 *
 * @example
 * shiftMonth('2014-12', -3); // '2014-09'
 */
export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number);
  const n = y * 12 + (m - 1) + by;
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
}
