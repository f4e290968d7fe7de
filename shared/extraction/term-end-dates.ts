import { findDates } from './dates.js';
import { centreY, right } from './line-geometry.js';
import type { LayoutLine, PageLayout } from './page-layout.js';

/** What joins a term's two ends (`2020年3月1日至2020年3月20日`, `2020.03.01-2020.03.20`, `… ~ …`). */
const TERM_JOIN = /(至|到|止|[-—–~～])$/;
const TERM_JOIN_OPENING = /^(至|到|止|[-—–~～])/;

/**
 * Whether the one date on `line` is an end of a term read in pieces: a training period or a validity whose two dates
 * the engine boxed apart (`2020年3月1日至` | `2020年3月20日`, or `至` alone between them), or whose line opens or
 * closes with the join (`至2020年3月20日`, `2020年3月1日至`). Either end of a period is never the day a document
 * was issued.
 *
 * @example
 * endsTerm(layout, line); // true for `2020年3月20日` beside `培训时间：2020年3月1日至`
 */
export function endsTerm(layout: PageLayout, line: LayoutLine): boolean {
  const dates = findDates(line.text);
  if (dates.length !== 1) return false;
  const before = line.text.slice(0, dates[0].index).replace(/[\s:：]+/g, '');
  const after = line.text.slice(dates[0].index + dates[0].length).replace(/\s+/g, '');
  if (TERM_JOIN.test(before) || TERM_JOIN_OPENING.test(after)) return true;
  const left = nearestOnRow(layout, line, 'left');
  const leftText = left?.text.replace(/\s+/g, '') ?? '';
  // The join alone, or a date the join ends: the start of the term.
  if (TERM_JOIN.test(leftText) && (leftText.length === 1 || findDates(leftText).length > 0)) return true;
  const rightText = nearestOnRow(layout, line, 'right')?.text.replace(/\s+/g, '') ?? '';
  // The join and the end after it.
  return TERM_JOIN_OPENING.test(rightText) && (rightText.length === 1 || findDates(rightText).length > 0);
}

/** The nearest line on `line`'s row on the given side of it, if any. */
function nearestOnRow(layout: PageLayout, line: LayoutLine, side: 'left' | 'right'): LayoutLine | undefined {
  const centre = centreY(line);
  let nearest: LayoutLine | undefined;
  for (const other of layout.lines) {
    if (other === line || other.half !== line.half) continue;
    const apart = side === 'left' ? right(other) <= line.box.x + line.box.height * 0.5 : other.box.x >= right(line) - line.box.height * 0.5;
    if (!apart) continue;
    if (Math.abs(centreY(other) - centre) >= Math.min(line.box.height, other.box.height) * 0.6) continue;
    if (!nearest || (side === 'left' ? right(other) > right(nearest) : other.box.x < nearest.box.x)) nearest = other;
  }
  return nearest;
}
