import type { SocialInsuranceSpanRow } from '../documents/index.js';

/** What the table shows about one row read as a span. */
export interface SpanEvidence {
  span: SocialInsuranceSpanRow;
  /** The row prints its own month count. */
  monthsPrinted: boolean;
  /** The printed count (when there is one) equals the months the row's two year-months span. */
  monthsConsistent: boolean;
}

/**
 * The row of a social-insurance record that holds the current employer (issue 12, class 7: "the row that covers the
 * last month and agrees with the printed totals, not the first or last row"). Rows come in any order, so the choice
 * rests on the rows' own evidence: the latest month covered; among rows of different employers that all run to it,
 * those whose printed month count agrees with their span (a count that disagrees means one of its year-months was
 * misread). When rows of different employers still tie, `ambiguous` is set: the employer is flagged `current_row_conflict`.
 *
 * @example
 * currentSpan(rows); // { index: 2, ambiguous: false }
 */
export function currentSpan(rows: readonly SpanEvidence[]): { index: number; ambiguous: boolean } {
  const lastMonth = rows.reduce((m, r) => (r.span.to > m ? r.span.to : m), rows[0].span.to);
  const covering = rows.map((r, index) => ({ r, index })).filter(({ r }) => r.span.to === lastMonth);
  const agreeing = covering.filter(({ r }) => r.monthsPrinted && r.monthsConsistent);
  const pool = agreeing.length > 0 ? agreeing : covering;
  const employers = new Set(pool.map(({ r }) => r.span.employerName));
  return { index: pool[0].index, ambiguous: employers.size > 1 };
}
