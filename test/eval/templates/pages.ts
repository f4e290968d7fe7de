import type { Rng } from '../factory/random.js';
import { A4, type Sheet } from './kit.js';

/**
 * What a family tells the truth file about the document it drew, beyond its fields: the letter form of a 聘书, the
 * fields whose value it wrapped over several lines, and the structural classes it used (cover, page-number style …),
 * which the report breaks down by.
 */
export interface DrawnMeta {
  letterForm?: string;
  multiline?: string[];
  structure?: string[];
}

/** Sheets with the family's notes about them attached (a plain `Sheet[]` when the family has none). */
export type DrawnSheets = Sheet[] & { meta?: DrawnMeta };

/** @example withMeta(sheets, { letterForm: 'appoint/range' }); */
export function withMeta(sheets: Sheet[], meta: DrawnMeta): DrawnSheets {
  return Object.assign(sheets, { meta });
}

/** @example metaOf(family.render(data, rng)).structure; */
export function metaOf(sheets: readonly Sheet[]): DrawnMeta {
  return (sheets as DrawnSheets).meta ?? {};
}

/** How a page carries its number: `第 2 页 共 4 页`, `— 3 —`, `-3-`, a bare `3`, or not at all. */
export const PAGE_NUMBER_STYLES = ['of_total', 'em_dash', 'hyphen', 'bare', 'none'] as const;
export type PageNumberStyle = (typeof PAGE_NUMBER_STYLES)[number];

/** The printed page number, or '' for `none`. @example pageNumberText('of_total', 2, 4); // '第 2 页 共 4 页' */
export function pageNumberText(style: PageNumberStyle, n: number, total: number): string {
  switch (style) {
    case 'of_total':
      return `第 ${n} 页 共 ${total} 页`;
    case 'em_dash':
      return `— ${n} —`;
    case 'hyphen':
      return `-${n}-`;
    case 'bare':
      return String(n);
    case 'none':
      return '';
  }
}

/** A footer (or, rarely, header) with the page number, placed where the family's rng says. */
export function pageNumberHtml(style: PageNumberStyle, n: number, total: number, place: 'center' | 'right' | 'outer'): string {
  const text = pageNumberText(style, n, total);
  if (!text) return '';
  const side = place === 'center' ? 'left:0;right:0;text-align:center' : place === 'right' || n % 2 === 1 ? 'right:22mm' : 'left:22mm';
  return `<div style="position:absolute;bottom:12mm;${side};font-size:10.5pt;color:#333">${text}</div>`;
}

/** The back side of a duplex-scanned sheet: nothing printed, sometimes a faint show-through band. */
export function blankBack(rng: Rng, size: { widthMm: number; heightMm: number } = A4): Sheet {
  const shadow = rng.chance(0.5)
    ? `<div style="position:absolute;left:${rng.int(20, 40)}mm;right:${rng.int(20, 40)}mm;top:${rng.int(30, 80)}mm;height:${rng.int(40, 120)}mm;background:repeating-linear-gradient(180deg,#f6f6f6 0 3mm,#fff 3mm 9mm)"></div>`
    : '';
  return { widthMm: size.widthMm, heightMm: size.heightMm, body: shadow, css: '' };
}
