/**
 * Values found by their own shape when their label is lost (issue 12: "the type's validators deciding between
 * candidates"). A fill-in printed over its label, a faint copy, a tiled overlay or a watermark can take a label from
 * the engine's text while its value is still there: a registrant's or employer's name ending as registered names end
 * (`…有限公司`, `…工作室`), a credit code or an ID number the engine boxed in two pieces. Such a value is taken only when exactly one
 * line (or one joined pair of pieces) on the pages can be it, and always as a guess the clerk confirms
 * (`label_not_found`): two lines of the shape give no value.
 */
import { LabelMatch } from './confidence.js';
import type { ExtractedField } from '../documents/index.js';
import { chooseCandidate, onArc } from './field-search.js';
import { columnRight, continuationLines, mergeLines, VALUE_MAY_CONTINUE } from './continuation.js';
import { centreY, right } from './line-geometry.js';
import type { LayoutLine, PageLayout } from './page-layout.js';
import { ROW_PIECES_JOINED } from './row-gap-pieces.js';
import { Evidence, readAddress, type Reading, type ValueReader } from './value-readers.js';

/** Issue on a value taken by its own shape, its label not found on the page: which field it is the clerk confirms. */
export const LABEL_NOT_FOUND = 'label_not_found';

/** Where a company, a branch, a shop or a workshop ends its registered name (never a bureau: `局`, `厅`). */
const PARTY_NAME_END = /(?:公司|工作室|服务部|经营部|商行|事务所|合作社|店|厂)$/u;

/**
 * Words of a seal's lettering, a form printer's line (`监制`) or a public body's name: the ring of a seal, the bureau
 * that registered the licence or printed the form are never its registrant or employer.
 */
const NOT_A_PARTY = /专用章|合同章|监制|印制|人力资源和社会保障|市场监督管理|社会保险|应急管理|职业技能鉴定|职业能力建设/u;

/** The lines of a page `where` applies to (the employer's part of a contract, the whole of a licence). */
export type ShapeRegion = (line: LayoutLine, layout: PageLayout) => boolean;

interface ShapeCandidate {
  field: ExtractedField;
  lines: LayoutLine[];
}

/**
 * The registrant's or employer's name read by its shape when no label gave it: the one line holding no label (not a
 * seal's arc, not a bureau's or a printer's line) that, with the lines it wraps onto in its column, reads whole by
 * `reader` and ends as a company, a shop or a workshop does, and is no address (`…工作室` and `…2904室` both end in
 * 室). A wrap of another such name is not a name of its own. Exactly one such name on the pages (a name repeated by the
 * signature block agrees with it) is taken, flagged `label_not_found`; two different ones give nothing.
 *
 * @example
 * organisationByShape(layouts, readOrganisationName)?.value; // '杭州市西湖区智联汽车维修供应链工作室' from `杭州市西湖区智` | `联汽车维修供应` | `链工作室`, the label lost
 */
export function organisationByShape(layouts: readonly PageLayout[], reader: ValueReader, where: ShapeRegion = () => true): ExtractedField | undefined {
  const found: ShapeCandidate[] = [];
  for (const layout of layouts) {
    for (const head of layout.lines) {
      if (head.hits.length > 0 || onArc(head) || NOT_A_PARTY.test(head.flat) || !where(head, layout)) continue;
      const column = { start: head.box.x, min: head.box.x - head.box.height, end: columnRight(layout, head) };
      const { lines: below, more } = continuationLines(layout, head, column);
      // The longest join that reads whole: a branch's name runs on past its company's (`…有限公司` | `西湖区分公司`).
      for (let n = below.length; n >= 0; n--) {
        const lines = [head, ...below.slice(0, n)];
        const raw = `${head.text}${lines
          .slice(1)
          .map((l) => l.leading)
          .join('')}`;
        const reading = wholePartyName(raw, reader);
        if (!reading || lines.some((l) => NOT_A_PARTY.test(l.flat))) continue;
        const field = chooseCandidate([{ reading, line: mergeLines(lines, raw), labelMatch: LabelMatch.unlabelled, raw, labelRank: 99 }])!;
        field.issues = [...(field.issues ?? []), LABEL_NOT_FOUND, ...(more && n === below.length ? [VALUE_MAY_CONTINUE] : [])];
        found.push({ field, lines });
        break;
      }
    }
  }
  // A line another name wraps onto is part of that name.
  const heads = found.filter((c) => !found.some((o) => o !== c && o.lines.slice(1).includes(c.lines[0])));
  return heads.length > 0 && new Set(heads.map((c) => c.field.value)).size === 1 ? heads[0].field : undefined;
}

/** A whole registered name by `reader` ending as a party's name does, and no address. */
function wholePartyName(raw: string, reader: ValueReader): Reading | null {
  const reading = reader(raw);
  if (!reading || reading.plausibility < 1 || typeof reading.value !== 'string' || !PARTY_NAME_END.test(reading.value)) return null;
  const address = readAddress(reading.value);
  return address && address.plausibility >= 1 && /\d/.test(reading.value) ? null : reading;
}

/**
 * An 18-character number (a credit code, a resident ID) the engine boxed in two pieces on one row (`91330106MA2` |
 * `2F47GFXU`, the characters at the cut boxed in both when they overlap): the two joined (the repeated characters
 * once) when `reader` reads the join with its check passed and `accept` keeps it. The one such number on the pages is
 * taken, flagged `label_not_found` and `split_value_inferred` (whose number it is, and the join, the clerk confirms);
 * two different ones give nothing.
 *
 * @example
 * numberInPieces(layouts, readCreditCodeValue)?.value; // '91330106MA2F47GFXU' from `91330106MA2` | `2F47GFXU`
 */
export function numberInPieces(
  layouts: readonly PageLayout[],
  reader: ValueReader,
  accept: (value: string) => boolean = () => true,
): ExtractedField | undefined {
  const found: ExtractedField[] = [];
  for (const layout of layouts) {
    for (const a of layout.lines) {
      if (!NUMBER_PIECE.test(a.flat)) continue;
      for (const b of layout.lines) {
        if (b === a || !NUMBER_PIECE.test(b.flat)) continue;
        const h = Math.max(a.box.height, b.box.height);
        const gap = b.box.x - right(a);
        if (gap < -h || gap > h * 2 || Math.abs(centreY(a) - centreY(b)) > h * 0.6) continue;
        for (const joined of piecesJoined(a.flat, b.flat)) {
          const reading = reader(joined);
          if (!reading || reading.evidence !== Evidence.checksum || reading.correction || !accept(String(reading.value))) continue;
          const field = chooseCandidate([{ reading, line: mergeLines([a, b], joined), labelMatch: LabelMatch.unlabelled, raw: joined, labelRank: 99 }])!;
          field.issues = [...(field.issues ?? []), LABEL_NOT_FOUND, ROW_PIECES_JOINED];
          found.push(field);
        }
      }
    }
  }
  return found.length > 0 && new Set(found.map((f) => f.value)).size === 1 ? found[0] : undefined;
}

/** A piece of a code or an ID number: capitals and digits only, shorter than the whole. */
const NUMBER_PIECE = /^[0-9A-Z]{2,16}$/;

/** Two pieces of an 18-character code: joined, or with the characters boxed at the end of one and the start of the other once. */
function piecesJoined(a: string, b: string): string[] {
  const joins = [`${a}${b}`];
  for (let k = 1; k <= 2; k++) if (a.slice(-k) === b.slice(0, k)) joins.push(`${a}${b.slice(k)}`);
  return joins.filter((j) => j.length === 18);
}
