/**
 * A licence's representative and establishment date read by their own shape when the engine lost their labels (labels
 * set one character a box down a cell and read as `)` or `深`, a fold, glare or a dim room over them; issue 12 class 8).
 * A licence prints one person's name and one date of establishment beside the registration's own dates (the term of
 * operation, `…至长期`; the issuing date under `登记机关`), so each is taken only when exactly one line on the pages
 * can be it, always as a guess the clerk confirms (`label_not_found`).
 */
import { fieldFromLine, type DocumentContext, type DraftField } from './document-context.js';
import { LabelMatch } from './confidence.js';
import { onArc } from './field-search.js';
import { findDates } from './dates.js';
import { centreX } from './line-geometry.js';
import type { LayoutLine, PageLayout } from './page-layout.js';
import { LABEL_NOT_FOUND } from './values-by-shape.js';
import { PLACE_PREFIX, readDateValue, type Reading, type ValueReader } from './value-readers.js';

/** A person's name alone on its line: two to four characters, or a transliterated name in parts joined by `·`. */
const NAME_ALONE = /^(?:[\u3400-\u9fff]{2,4}|[\u3400-\u9fff]{2,8}(?:·[\u3400-\u9fff]{2,8})+)$/u;

/** Labels a licence sets its issuing date under or after: its dates below them are the registration's own. */
const ISSUING_LABELS = new Set(['登记机关', '发照日期', '核准日期', '颁发日期', '发证日期', '签发日期']);

/** Whether any page prints one of `labels` (its value then masked, blurred or lost: never guessed from elsewhere). */
function labelPrinted(ctx: DocumentContext, labels: readonly string[]): boolean {
  const forms = new Set(labels);
  return ctx.layouts.some((layout) => layout.lines.some((l) => l.hits.some((h) => forms.has(h.form))));
}

/** A line of the body's type: a seal's lettering or a stamp is boxed far taller, a footnote far smaller. */
function bodySize(layout: PageLayout, line: LayoutLine): boolean {
  return line.box.height > layout.medianLineHeight * 0.7 && line.box.height < layout.medianLineHeight * 1.5;
}

/** Whether a line is a piece of a block of lines set tight over or under it in its column (a wrapped value's line). */
function inBlock(layout: PageLayout, line: LayoutLine): boolean {
  const h = line.box.height;
  return layout.lines.some((o) => {
    if (o === line || o.half !== line.half || o.hits.length > 0 || !/[\u3400-\u9fff\d]{2}/u.test(o.flat)) return false;
    const gap = o.box.y > line.box.y ? o.box.y - (line.box.y + h) : line.box.y - (o.box.y + o.box.height);
    const across = Math.min(o.box.x + o.box.width, line.box.x + line.box.width) - Math.max(o.box.x, line.box.x) > 0;
    return gap > -h * 0.3 && gap < h * 0.6 && (across || Math.abs(centreX(o) - centreX(line)) < h);
  });
}

/**
 * The licence's legal representative (or operator, or person in charge) when no label gave it: the one line on the
 * pages holding no label, of the body's type, not a seal's arc, a place (`杭州`) nor a piece of a wrapped value, that is
 * a person's whole name with a known surname or a transliterated name (`韦飞玲`, `帕提古丽·热合曼`). Two different such
 * names give nothing; so does a page that prints the field's label (its value masked or lost there).
 *
 * @example
 * representativeByShape(ctx, readRepresentativeName, LABELS.legalRepresentative)?.value; // '韦飞玲', its label `法定代表人` set down a cell and read `深`
 */
export function representativeByShape(ctx: DocumentContext, reader: ValueReader, labels: readonly string[]): DraftField | undefined {
  if (labelPrinted(ctx, labels)) return undefined;
  const found: DraftField[] = [];
  for (const layout of ctx.layouts) {
    for (const line of layout.lines) {
      if (line.hits.length > 0 || !NAME_ALONE.test(line.flat) || PLACE_PREFIX.test(line.flat) || !bodySize(layout, line)) continue;
      if (onArc(line) || inBlock(layout, line)) continue;
      const reading = reader(line.flat);
      if (!reading || reading.value !== line.flat || reading.plausibility < 1 || reading.issues.length > 0) continue;
      found.push(guessed(line, reading));
    }
  }
  return new Set(found.map((f) => f.value)).size === 1 ? found[0] : undefined;
}

/**
 * The licence's date of establishment when no label gave it: the one date alone on a line holding no label, above
 * every issuing label (`登记机关`: the date under it is the licence's issue) and not the start of a term (`…至长期`).
 * With no such date, the start of the one term printed (a licence's term of operation runs from its establishment),
 * flagged as read from the term too. Two different dates give nothing; so does a page that prints the field's label.
 *
 * @example
 * establishedDateByShape(ctx, LABELS.establishedDate, ESTABLISHED_DATE_FROM_TERM)?.value; // '2009-01-02' from `2009/01/02`, beside `2009年01月02日至长期` and over `登记机关:` `2009年10月19日`
 */
export function establishedDateByShape(ctx: DocumentContext, labels: readonly string[], fromTerm: string): DraftField | undefined {
  if (labelPrinted(ctx, labels)) return undefined;
  const dates: DraftField[] = [];
  const terms: DraftField[] = [];
  for (const layout of ctx.layouts) {
    const issuing = layout.lines.filter((l) => l.hits.some((h) => ISSUING_LABELS.has(h.form))).map((l) => l.box.y);
    const above = Math.min(...issuing, Infinity);
    for (const line of layout.lines) {
      if (line.hits.length > 0 || onArc(line) || !bodySize(layout, line) || line.box.y > above - line.box.height * 0.5) continue;
      const found = findDates(line.flat, { compact: true })[0];
      if (!found || found.index > 0) continue;
      const rest = line.flat.slice(found.length);
      const term = /^[至到起~～—-]/u.test(rest);
      if (!term && rest.length > 1) continue;
      const reading = readDateValue(line.flat.slice(0, found.length));
      if (!reading || typeof reading.value !== 'string' || reading.plausibility < 1) continue;
      (term ? terms : dates).push(guessed(line, reading, term ? [fromTerm] : []));
    }
  }
  const pick = dates.length > 0 ? dates : terms;
  return new Set(pick.map((f) => f.value)).size === 1 ? pick[0] : undefined;
}

/** A value read from `line` by its shape, flagged `label_not_found` (and any `more` issues). */
function guessed(line: LayoutLine, reading: Reading, more: string[] = []): DraftField {
  const field = fieldFromLine(line, reading, LabelMatch.unlabelled);
  field.issues = [...(field.issues ?? []), LABEL_NOT_FOUND, ...more];
  return field;
}
