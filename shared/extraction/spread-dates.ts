import type { LayoutLine } from './page-layout.js';
import { boxAround, sameRow } from './line-geometry.js';

/** A numeral run of a date: Arabic digits or Chinese numerals. */
const NUMERALS = '0-9〇○零一二三四五六七八九十廿卅';

/** A box that may be a piece of a date spread along its row: numerals, the date's unit characters, or both. */
const PIECE = new RegExp(`^[${NUMERALS}年月日]{1,5}$`, 'u');

/** A year opening the run (`2009`, `二〇〇九`, `2009年`): the only piece a spread date starts with. */
const YEAR_HEAD = new RegExp(`^(?:\\d{4}|[〇○零一二三四五六七八九]{4})年?$`, 'u');

/**
 * A date's rest opening the run (`年` `11` `月` `03` `日` at the start of a row, its year `2005` ending the row above
 * beside its label): a form that flows its values into the next row's cells cut it there.
 */
const REST_HEAD = new RegExp(`^年[${NUMERALS}]{0,3}$`, 'u');

/** What the pieces read so far may be: the head of a date written year 年 month 月 day 日, or of such a date's rest. */
const DATE_SO_FAR = new RegExp(
  `^(?:(?:\\d{4}|[〇○零一二三四五六七八九]{4})(?:年(?:[${NUMERALS}]{1,3}(?:月(?:[${NUMERALS}]{1,3}日?)?)?)?)?|年(?:[${NUMERALS}]{1,3}(?:月(?:[${NUMERALS}]{1,3}日?)?)?)?)$`,
  'u',
);

/** The whole date, or the whole rest of one after its year. */
const WHOLE_DATE = new RegExp(`^(?:\\d{4}|[〇○零一二三四五六七八九]{4})?年[${NUMERALS}]{1,3}月[${NUMERALS}]{1,3}日$`, 'u');

/**
 * Joins a date the form justified along its row (`2009` `年` `10` `月` `29` `日` spread across a licence's value cell
 * beside `注册日期`): boxes on one row, left to right, from a year to its 日, that together read as a whole date and
 * nothing else. Left apart, the label's value is `2009` alone, no date. The pieces sit at most six of their own heights
 * apart; a run that stops short of its 日, or takes in anything but numerals and the date's units, is left as read.
 * A date's rest spread at a row's start (`年` `11` `月` `03` `日`, its year `2005` ending the row above beside
 * `注册日期`, on a form that flows its values into the next row's cells) is joined the same way: the label's value then
 * reads on at the margin (field-search.ts) as a guess the clerk confirms.
 *
 * @example
 * joinSpreadDates(lines); // `2009` `年` `10` `月` `29` `日` → one line `2009年10月29日`
 */
export function joinSpreadDates(lines: LayoutLine[]): void {
  for (let i = 0; i < lines.length; i++) {
    const a = lines[i];
    if (!(YEAR_HEAD.test(a.flat) || REST_HEAD.test(a.flat)) || a.hits.length > 0) continue;
    const h = a.box.height;
    const row = lines.filter((o) => o !== a && o.page === a.page && o.half === a.half && o.box.x > a.box.x && sameRow(o, a)).sort((p, q) => p.box.x - q.box.x);
    const run = [a];
    let text = a.flat;
    for (const b of row) {
      const last = run[run.length - 1];
      if (b.hits.length > 0 || !PIECE.test(b.flat) || b.box.x - (last.box.x + last.box.width) > h * 6) break;
      if (!DATE_SO_FAR.test(text + b.flat)) break;
      run.push(b);
      text += b.flat;
      if (WHOLE_DATE.test(text)) break;
    }
    if (run.length < 2 || !WHOLE_DATE.test(text)) continue;
    const last = run[run.length - 1];
    a.box = boxAround(run.map((p) => p.box));
    a.original = boxAround(run.map((p) => p.original));
    a.raw = run.map((p) => p.raw).join(' ');
    a.text = text;
    a.flat = text;
    a.leading = text;
    a.confidence = Math.min(...run.map((p) => p.confidence));
    a.chars = run.every((p) => p.chars) ? run.flatMap((p) => p.chars!) : undefined;
    a.tailGap = last.tailGap;
    for (const p of run.slice(1)) {
      const at = lines.indexOf(p);
      lines.splice(at, 1);
      if (at < i) i--;
    }
  }
}
