/**
 * The parts of a shared page: two documents printed on one image (a certificate photographed beside an ID card) each
 * hold the page with the part they were read from (`ExtractedDocument.regions`, pair25). A part is named to the clerk
 * by where it lies beside the other part (左侧/右侧/上方/下方), never by its pixels.
 */
import type { PageRegion } from './extracted-document.js';
import type { Box } from './extracted-field.js';

export const PART_SIDES = ['left', 'right', 'top', 'bottom'] as const;
export type PartSide = (typeof PART_SIDES)[number];
export const PART_SIDE_ZH: Record<PartSide, string> = { left: '左侧', right: '右侧', top: '上方', bottom: '下方' };

/** A document as far as its pages go: the pages it holds and the parts of those it shares. */
export interface DocumentPages {
  pages: readonly number[];
  regions?: readonly PageRegion[];
}

/**
 * Where `part` lies beside `other` on their page: along the axis their centres are further apart on.
 *
 * @example
 * partSide({ x: 0, y: 0, width: 900, height: 1400 }, { x: 1000, y: 0, width: 2000, height: 1400 }); // 'left'
 */
export function partSide(part: Box, other: Box): PartSide {
  const dx = part.x + part.width / 2 - (other.x + other.width / 2);
  const dy = part.y + part.height / 2 - (other.y + other.height / 2);
  if (Math.abs(dx) >= Math.abs(dy)) return dx < 0 ? 'left' : 'right';
  return dy < 0 ? 'top' : 'bottom';
}

/**
 * The share of the smaller box that the other covers (0 when apart, 1 when one lies inside the other).
 *
 * @example
 * overlapShare({ x: 0, y: 0, width: 10, height: 10 }, { x: 5, y: 0, width: 10, height: 10 }); // 0.5
 */
export function overlapShare(a: Box, b: Box): number {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  if (width <= 0 || height <= 0) return 0;
  return (width * height) / Math.max(1, Math.min(a.width * a.height, b.width * b.height));
}

/** The part of page `n` the document covers, if it shares that page. */
export const regionOn = (document: DocumentPages, n: number): Box | undefined => document.regions?.find((r) => r.page === n)?.box;

/**
 * Where the clerk finds the side of a shared page `document` covers: the side of its part beside the part another
 * document of the same file holds there (`undefined` for a page it holds whole).
 *
 * @example
 * sideOn(idCard, 1, [certificate, idCard]); // 'right'
 */
export function sideOn(document: DocumentPages, n: number, fileDocuments: readonly DocumentPages[]): PartSide | undefined {
  const own = regionOn(document, n);
  if (!own) return undefined;
  const other = fileDocuments.find((d) => d !== document && regionOn(d, n));
  return other ? partSide(own, regionOn(other, n)!) : undefined;
}

/**
 * A document's pages as the clerk reads them: `第1、2页`, and for a page shared with another document of the file the
 * side it covers (`第1页右侧`, `第1页右侧、第2页`).
 *
 * @example
 * pagesInWords(idCard, [certificate, idCard]); // '第1页右侧'
 */
export function pagesInWords(document: DocumentPages, fileDocuments: readonly DocumentPages[]): string {
  if (!document.regions?.length) return `第${document.pages.join('、')}页`;
  return document.pages
    .map((n) => {
      if (!regionOn(document, n)) return `第${n}页`;
      const side = sideOn(document, n, fileDocuments);
      return `第${n}页${side ? PART_SIDE_ZH[side] : '的一部分'}`;
    })
    .join('、');
}
