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
  const covered = new Set<number>();
  for (const span of spans) {
    const from = Math.max(monthNumber(span.from), lower);
    const to = Math.min(monthNumber(span.to), upper);
    for (let month = from; month <= to; month++) covered.add(month);
  }
  if (covered.size === 0) return { months: 0, gaps: [] };
  const sorted = [...covered].sort((a, b) => a - b);
  const gaps: { from: string; to: string }[] = [];
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] - sorted[i - 1] > 1) gaps.push({ from: isoMonthOf(sorted[i - 1] + 1), to: isoMonthOf(sorted[i] - 1) });
  }
  return { months: sorted.length, first: isoMonthOf(sorted[0]), last: isoMonthOf(sorted[sorted.length - 1]), gaps };
}
