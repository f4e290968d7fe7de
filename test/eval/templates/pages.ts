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
/**
 * Every style issue 19 lists, for the wide packet families: the above and `2/4`, `- 2 -` (spaced), `第 2 页` (no
 * total). The older families keep drawing from {@link PAGE_NUMBER_STYLES} so the sets made with them stay reproducible.
 */
export const WIDE_PAGE_NUMBER_STYLES = [...PAGE_NUMBER_STYLES, 'slash', 'spaced_hyphen', 'page_only'] as const;
export type PageNumberStyle = (typeof WIDE_PAGE_NUMBER_STYLES)[number];

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
    case 'slash':
      return `${n}/${total}`;
    case 'spaced_hyphen':
      return `- ${n} -`;
    case 'page_only':
      return `第 ${n} 页`;
    case 'none':
      return '';
  }
}

/** A footer (or, with `edge: 'head'`, a header) with the page number, placed where the family's rng says. */
export function pageNumberHtml(style: PageNumberStyle, n: number, total: number, place: 'center' | 'right' | 'outer', edge: 'foot' | 'head' = 'foot'): string {
  const text = pageNumberText(style, n, total);
  if (!text) return '';
  const side = place === 'center' ? 'left:0;right:0;text-align:center' : place === 'right' || n % 2 === 1 ? 'right:22mm' : 'left:22mm';
  return `<div style="position:absolute;${edge === 'foot' ? 'bottom' : 'top'}:12mm;${side};font-size:10.5pt;color:#333">${text}</div>`;
}

/** The back side of a duplex-scanned sheet: nothing printed, sometimes a faint show-through band. */
export function blankBack(rng: Rng, size: { widthMm: number; heightMm: number } = A4): Sheet {
  const shadow = rng.chance(0.5)
    ? `<div style="position:absolute;left:${rng.int(20, 40)}mm;right:${rng.int(20, 40)}mm;top:${rng.int(30, 80)}mm;height:${rng.int(40, 120)}mm;background:repeating-linear-gradient(180deg,#f6f6f6 0 3mm,#fff 3mm 9mm)"></div>`
    : '';
  return { widthMm: size.widthMm, heightMm: size.heightMm, body: shadow, css: '' };
}

/**
 * A near-blank back side: the front's print showing through the paper (mirrored, faint), sometimes the two punch
 * holes of a binder or a staple's shadow at the corner. Nothing on it is readable text; it belongs to no document.
 *
 * @example
 * nearBlankBack(rng, front).body;
 */
export function nearBlankBack(rng: Rng, front: Sheet): Sheet {
  const opacity = rng.pick([0.05, 0.07, 0.09]);
  const showThrough = `<div style="position:absolute;inset:0;transform:scaleX(-1);opacity:${opacity};filter:blur(${rng.pick([0.6, 0.9, 1.2])}px)">${front.body}</div>`;
  const holes = rng.chance(0.4)
    ? [0.38, 0.62]
        .map(
          (f) =>
            `<div style="position:absolute;left:${front.widthMm - 14}mm;top:${Math.round(front.heightMm * f)}mm;width:6mm;height:6mm;border-radius:50%;background:#555"></div>`,
        )
        .join('')
    : '';
  const staple = rng.chance(0.3)
    ? `<div style="position:absolute;right:12mm;top:10mm;width:12mm;height:1.2mm;background:#888;transform:rotate(-40deg)"></div>`
    : '';
  return { widthMm: front.widthMm, heightMm: front.heightMm, body: `${showThrough}${holes}${staple}`, css: front.css ?? '' };
}
