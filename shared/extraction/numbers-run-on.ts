import { centreY, right } from './line-geometry.js';
import type { LayoutLine, PageLayout } from './page-layout.js';
import { Evidence, type Reading, type ValueReader } from './value-readers.js';

/**
 * Issue on a number read from two rows of run-on prose: its head ended the label's line, its rest opened the next
 * row (`身份证号码:330` | `102197701043000。参保状态…`). Which characters the next row gives it is a guess about where the
 * number ends: the clerk confirms it (a check digit that passes makes the guess very likely right, never certain).
 */
export const NUMBER_RUN_ON_NEXT_ROW = 'number_wrap_inferred';

/** A number's head as a label's inline value gives it: capitals and digits, no longer than a whole one. */
const NUMBER_HEAD = /^[0-9A-Z]{1,21}$/;
/** The number's rest opening the next row: capitals and digits up to the first other character, no date's year. */
const NUMBER_REST = /^[0-9A-Z]{2,21}(?![0-9A-Z年月日./-])/;

/**
 * The first line of the row under `line` (its leftmost box within a line and a half below it), when that row starts
 * left of where `line` ends: where prose that ran off `line`'s right end goes on.
 */
function nextRowStart(layout: PageLayout, line: LayoutLine): LayoutLine | undefined {
  const h = line.box.height;
  const bottom = line.box.y + h;
  const below = layout.lines.filter(
    (l) =>
      l !== line &&
      l.half === line.half &&
      l.box.y > bottom - h * 0.5 &&
      l.box.y < bottom + h * 1.6 &&
      l.box.x < right(line) &&
      l.box.height / h > 0.6 &&
      l.box.height / h < 1.65,
  );
  if (below.length === 0) return undefined;
  const row = Math.min(...below.map(centreY));
  return below.filter((l) => Math.abs(centreY(l) - row) < h * 0.5).sort((a, b) => a.box.x - b.box.x)[0];
}

/**
 * A number cut by the wrap of run-on prose: `head` (the label's inline value, at the end of `line`) joined with the
 * capitals and digits that open the next row's first line, as many of them as make a reading; with a check digit
 * (ID numbers, credit codes) only a reading whose check passes. Undefined when the next row opens otherwise.
 *
 * @example
 * numberRunOnNextRow(layout, line, '330', readId); // { reading: '330102197701043000', line: next, raw: '330102197701043000' }
 */
export function numberRunOnNextRow(
  layout: PageLayout,
  line: LayoutLine,
  head: string,
  reader: ValueReader,
): { reading: Reading; next: LayoutLine; raw: string } | undefined {
  const bare = head.replace(/\s/g, '');
  if (!NUMBER_HEAD.test(bare) || !line.flat.endsWith(bare)) return undefined;
  const next = nextRowStart(layout, line);
  const rest = next && next.leading !== '' ? NUMBER_REST.exec(next.leading.replace(/\s/g, ''))?.[0] : undefined;
  if (!next || !rest) return undefined;
  for (let k = rest.length; k >= 1; k--) {
    const raw = `${bare}${rest.slice(0, k)}`;
    const reading = reader(raw);
    if (!reading || reading.value === null) continue;
    // A number with a check digit is taken only where the check passes; one without (a certificate's number) only
    // whole up to the rest's end, never cut inside it, and only from a line of prose, its label in it: a number boxed
    // alone in a form's cell (`证书编码` | `PX202187608171`) ends there, whatever the row under it opens with (`0111`).
    const prose = line.hits.length > 0;
    if (reading.evidence === Evidence.checksum || (prose && k === rest.length && reading.evidence !== Evidence.failed && !reading.correction))
      return { reading: { ...reading, issues: [...reading.issues, NUMBER_RUN_ON_NEXT_ROW] }, next, raw };
  }
  return undefined;
}
