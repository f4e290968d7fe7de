import { LabelMatch } from './confidence.js';
import { findDates } from './dates.js';
import { allLines, fieldFromLine, type DocumentContext, type DraftField } from './document-context.js';
import type { LayoutLine } from './page-layout.js';
import { DATE_RUN_ON_NEXT, Evidence } from './value-readers.js';

/** The start and end of a labour contract's term as read so far. */
export interface TermDates {
  startDate?: DraftField;
  endDate?: DraftField;
}

/**
 * A term's two dates boxed as one line (`2018.10.102023年10月09日`): the start's cell and the end's cell side by side,
 * the engine's box across both, so each label reads the line's first date, or only one label reaches it. When the
 * start or the end was read from such a line (two dates, the first running into the second, in order), the first is
 * the start and the second the end: a term is printed start first (劳动合同法 第十九条's 合同期限, 起始 then 终止).
 * Both flagged `value_boundary_inferred` (where the box was cut is a guess). Unchanged otherwise.
 *
 * @example
 * termFromRunOnLine(ctx, { endDate }).startDate?.value; // '2018-10-10' from `2018.10.102023年10月09日`
 */
export function termFromRunOnLine(ctx: DocumentContext, term: TermDates): TermDates {
  const line = allLines(ctx).find((l) => [term.startDate, term.endDate].some((f) => f && readFrom(f, l)) && runOnPair(l.text) !== undefined);
  if (!line) return term;
  const [start, end] = runOnPair(line.text)!;
  const field = (value: string, raw: string) =>
    fieldFromLine(line, { value, evidence: Evidence.shape, plausibility: 1, issues: [DATE_RUN_ON_NEXT] }, LabelMatch.sameRow, raw);
  return { startDate: field(start.value, start.raw), endDate: field(end.value, end.raw) };
}

/** The line's two dates when it holds exactly two, the first running into the second and earlier than it. */
function runOnPair(text: string) {
  const dates = findDates(text);
  if (dates.length !== 2 || !dates[0].runOn || dates[0].value >= dates[1].value) return undefined;
  return dates as [(typeof dates)[0], (typeof dates)[1]];
}

/** True when `field` was read from `line` (its source box inside the line's box as the engine printed it). */
function readFrom(field: DraftField, line: LayoutLine): boolean {
  const box = field.source?.box;
  if (!box || field.source?.page !== line.page) return false;
  const printed = line.original;
  const tolerance = printed.height * 0.25;
  return (
    box.x >= printed.x - tolerance &&
    box.y >= printed.y - tolerance &&
    box.x + box.width <= printed.x + printed.width + tolerance &&
    box.y + box.height <= printed.y + printed.height + tolerance
  );
}
