import { isoMonthOf, monthNumber } from '../dates.js';
import type { SocialInsuranceSpanFacts } from '../facts.js';

/** Months counted from spans: each month once however many spans cover it, with the gaps between. */
export interface InsuredMonths {
  months: number;
  first?: string;
  last?: string;
  gaps: { from: string; to: string }[];
}

/**
 * Counts the distinct months covered by contribution spans (overlaps count once), between `fromMonth` and
 * `toMonth` when given, and lists the gaps inside the covered stretch.
 *
 * @example
 * countInsuredMonths([{ from: '2020-01', to: '2020-06' }, { from: '2020-05', to: '2020-08' }]).months; // 8
 */
export function countInsuredMonths(
  spans: readonly Pick<SocialInsuranceSpanFacts, 'from' | 'to'>[],
  window: { fromMonth?: string; toMonth?: string } = {},
): InsuredMonths {
  const lower = window.fromMonth ? monthNumber(window.fromMonth) : -Infinity;
  const upper = window.toMonth ? monthNumber(window.toMonth) : Infinity;
  let min = Infinity;
  let max = -Infinity;
  const clipped: [number, number][] = [];
  for (const span of spans) {
    const from = Math.max(monthNumber(span.from), lower);
    const to = Math.min(monthNumber(span.to), upper);
    if (from > to) continue;
    clipped.push([from, to]);
    if (from < min) min = from;
    if (to > max) max = to;
  }
  if (clipped.length === 0) return { months: 0, gaps: [] };
  // One flag per month of the covered stretch: overlapping spans set the same flag, so no month counts twice.
  const covered = new Uint8Array(max - min + 1);
  for (const [from, to] of clipped) covered.fill(1, from - min, to - min + 1);
  let months = 0;
  const gaps: { from: string; to: string }[] = [];
  let gapStart = -1;
  for (let i = 0; i < covered.length; i++) {
    if (covered[i] === 1) {
      months++;
      if (gapStart >= 0) {
        gaps.push({ from: isoMonthOf(min + gapStart), to: isoMonthOf(min + i - 1) });
        gapStart = -1;
      }
    } else if (gapStart < 0) {
      gapStart = i;
    }
  }
  return { months, first: isoMonthOf(min), last: isoMonthOf(max), gaps };
}
