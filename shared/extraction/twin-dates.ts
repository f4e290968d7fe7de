import { LabelMatch } from './confidence.js';
import { fieldFromLine, type DocumentContext, type DraftField } from './document-context.js';
import { findDates } from './dates.js';
import { linesRightOf, type LayoutLine } from './page-layout.js';
import { Evidence, readDateValue } from './value-readers.js';

/** Issue on a date whose one unreadable character was completed from the same date printed elsewhere in the document. */
export const DATE_TWIN_INFERRED = 'date_twin_inferred';

/** Characters a printed date is made of; anything else inside one is a misread (`2b20.03.05`). */
const DATE_CHARACTER = /[0-9〇零一二三四五六七八九十廿卅年月日号.\-/\s]/;
const ARABIC = '0123456789';
const CHINESE = '〇一二三四五六七八九十';

/**
 * Every date `text` reads as when its one character that belongs to no date is taken for each digit in turn
 * (`2b20.03.05` → 2020-03-05 … 2920-03-05, those that are real dates). Junk before and after the date (`…V`) is
 * no part of it. None when the text reads as a date already or holds more than one such character.
 *
 * @example
 * oneCharacterCompletions('2b20.03.05V'); // Set { '2020-03-05' } among others of years 19xx and 20xx
 */
export function oneCharacterCompletions(text: string): Set<string> {
  const out = new Set<string>();
  if (readDateValue(text)) return out;
  const m = /[0-9〇零一二三四五六七八九].*[0-9〇零一二三四五六七八九十日]/.exec(text.replace(/\s+/g, ''));
  if (!m) return out;
  const core = [...m[0]];
  const odd = core.flatMap((ch, i) => (DATE_CHARACTER.test(ch) ? [] : [i]));
  if (odd.length !== 1) return out;
  const digits = /[0-9]/.test(m[0]) ? ARABIC : CHINESE;
  for (const d of digits) {
    const candidate = core.map((ch, i) => (i === odd[0] ? d : ch)).join('');
    for (const found of findDates(candidate)) if (found.length === candidate.length) out.add(found.value);
  }
  return out;
}

/**
 * A labelled date the engine read with one character that belongs to no date (`发证日期：2b20.03.05V`, a digit under a
 * seal's ink), completed when exactly one of its completions is printed as a date elsewhere in the document (the
 * certificate's table, the other party's signing line, the start of a licence's 营业期限). Never confident: the
 * clerk confirms it (DATE_TWIN_INFERRED).
 *
 * @example
 * dateFromTwin(ctx, ['发证日期'])?.value; // '2020-03-05'
 */
export function dateFromTwin(ctx: DocumentContext, labels: readonly string[]): DraftField | undefined {
  const forms = new Set(labels);
  const everyDate = ctx.layouts.flatMap((layout) => layout.lines.flatMap((line) => findDates(line.text).map((d) => ({ value: d.value, line }))));
  for (const layout of ctx.layouts) {
    for (const line of layout.lines) {
      const hit = line.hits.find((h) => forms.has(h.form));
      if (!hit) continue;
      const next = linesRightOf(layout, line)[0];
      const values: Array<[string, LayoutLine]> = [[hit.inlineValue, line], ...(next ? [[next.text, next] as [string, LayoutLine]] : [])];
      for (const [text, source] of values) {
        const completions = oneCharacterCompletions(text);
        if (completions.size === 0) continue;
        const twins = new Set(everyDate.filter((d) => d.line !== source && d.line !== line && completions.has(d.value)).map((d) => d.value));
        if (twins.size !== 1) continue;
        const [value] = twins;
        return fieldFromLine(
          source,
          { value, evidence: Evidence.shape, plausibility: 0.85, issues: [DATE_TWIN_INFERRED] },
          source === line ? LabelMatch.inline : LabelMatch.sameRow,
          text.trim(),
        );
      }
    }
  }
  return undefined;
}
