import { findDates } from './dates.js';
import { centreY, right } from './line-geometry.js';
import type { LayoutLine, PageLayout } from './page-layout.js';

/**
 * True when a box stands on `first`'s row after it, inside the value's column and over the span of the line wrapped
 * under it (`杭州` … `明达` over `家政服务健康经营`, glare having eaten `市西湖区` between the two): text of the same
 * printed block the wrap passed over, however wide the gap (`piecesAcrossGap` joins only pieces a gap of a line and
 * a half away). Unlabelled, in the line's type, two characters or more (a seal's lone character is none), no date,
 * no code.
 *
 * @example
 * pieceOverWrap(layout, line('杭州'), line('家政服务健康经营'), 1900); // true with `明达` on `杭州`'s row over the wrap
 */
export function pieceOverWrap(layout: PageLayout, first: LayoutLine, wrap: LayoutLine, columnEnd: number): boolean {
  const h = first.box.height;
  return layout.lines.some(
    (o) =>
      o !== first &&
      o !== wrap &&
      o.half === first.half &&
      o.hits.length === 0 &&
      [...o.flat].length >= 2 &&
      Math.abs(centreY(o) - centreY(first)) < Math.min(h, o.box.height) * 0.4 &&
      o.box.x >= right(first) - h * 0.3 &&
      o.box.x < Math.min(columnEnd, right(wrap)) &&
      o.box.height / h > 0.75 &&
      o.box.height / h < 1.33 &&
      findDates(o.flat, { compact: true }).length === 0 &&
      !/\d{6}/.test(o.flat),
  );
}
