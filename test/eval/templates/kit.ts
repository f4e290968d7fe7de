import type { DocumentData, DocumentKind } from '../factory/documents.js';
import { LEVEL_NAMES } from '../factory/documents.js';
import { type CalendarDate, DATE_STYLES, type DateStyle, formatDate } from '../factory/dates.js';
import type { Rng } from '../factory/random.js';

/** One printed page: its paper size and its HTML (a fragment placed inside a `.sheet` box of that size). */
export interface Sheet {
  widthMm: number;
  heightMm: number;
  body: string;
  css?: string;
}

/** A layout family. Held-out families are never used when tuning the reader; the report keeps them apart. */
export interface TemplateFamily {
  name: string;
  heldOut: boolean;
  kinds: readonly DocumentKind[];
  render(data: DocumentData, rng: Rng): Sheet[];
}

/** Fonts the tuned families draw from. */
export const SEEN_FONTS = ['Noto Serif CJK SC', 'Noto Sans CJK SC', 'AR PL UMing CN', 'WenQuanYi Zen Hei'] as const;
/** Fonts only held-out families use, so "a font never seen" is part of what held-out measures. */
export const HELD_OUT_FONTS = ['AR PL UKai CN', 'WenQuanYi Micro Hei', 'Noto Serif CJK SC'] as const;

export const A4 = { widthMm: 210, heightMm: 297 } as const;
export const A4_LANDSCAPE = { widthMm: 297, heightMm: 210 } as const;

/** Escapes text for HTML. @example esc('<a>'); // '&lt;a&gt;' */
export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A two-character label spread the way forms do: 姓名 → 姓　名 or 姓 名. @example spread('姓名', '　'); */
export function spread(label: string, gap: string): string {
  return [...label].length === 2 ? [...label].join(gap) : label;
}

/** A date in a style drawn from the generator. @example date(rng, d); */
export function date(rng: Rng, d: CalendarDate, styles: readonly DateStyle[] = DATE_STYLES): string {
  return formatDate(d, rng.pick(styles));
}

/** How a level is printed: 三级/高级工, 高级工, 国家职业资格三级, 三级, 三级（高级工）. */
export function levelText(rng: Rng, level: number, forms: readonly ('slash' | 'title' | 'national' | 'grade' | 'paren')[]): string {
  const names = LEVEL_NAMES[level];
  switch (rng.pick(forms)) {
    case 'slash':
      return `${names.grade}/${names.title}`;
    case 'title':
      return names.title;
    case 'national':
      return `国家职业资格${names.grade}`;
    case 'grade':
      return names.grade;
    case 'paren':
      return `${names.grade}（${names.title}）`;
  }
}

/** A field label and the text printed for it. */
export type Entry = readonly [label: string, value: string];

/** Label → value on one line, e.g. `姓名：王晓明`. */
export function inlineEntries(entries: readonly Entry[], colon: string, opts: { underline?: boolean; labelWidthEm?: number } = {}): string {
  const lw = opts.labelWidthEm ? `style="display:inline-block;min-width:${opts.labelWidthEm}em"` : '';
  return entries
    .map(([l, v]) => `<div class="row"><span class="lb" ${lw}>${esc(l)}${colon}</span><span class="v${opts.underline ? ' ul' : ''}">${esc(v)}</span></div>`)
    .join('\n');
}

/** Label above, value below it. */
export function stackedEntries(entries: readonly Entry[], columns: number): string {
  const cells = entries.map(([l, v]) => `<div class="cell"><div class="lb small">${esc(l)}</div><div class="v">${esc(v)}</div></div>`).join('\n');
  return `<div class="stack" style="display:grid;grid-template-columns:repeat(${columns},1fr);gap:5mm 8mm">${cells}</div>`;
}

/** A ruled table of label and value cells, `pairs` pairs per row. */
export function gridEntries(entries: readonly Entry[], pairs: number, opts: { shaded?: boolean } = {}): string {
  const rows: string[] = [];
  for (let i = 0; i < entries.length; i += pairs) {
    const cells = entries
      .slice(i, i + pairs)
      .map(([l, v]) => `<td class="gl"${opts.shaded ? ' style="background:#e8eef5"' : ''}>${esc(l)}</td><td class="gv">${esc(v)}</td>`)
      .join('');
    rows.push(`<tr>${cells}</tr>`);
  }
  return `<table class="grid">${rows.join('')}</table>`;
}

/** Label, a dotted leader, and the value at the right (a layout only held-out families use). */
export function leaderEntries(entries: readonly Entry[]): string {
  return entries.map(([l, v]) => `<div class="leader"><span>${esc(l)}</span><span class="dots"></span><span class="v">${esc(v)}</span></div>`).join('\n');
}

/** Shared CSS for the entry helpers. */
export function baseCss(font: string, sizePt: number): string {
  return `
  .sheet { font-family: '${font}'; font-size: ${sizePt}pt; color: #111; }
  .row { margin: 2.2mm 0; white-space: nowrap; }
  .lb.small { font-size: 0.8em; color: #444; }
  .ul { border-bottom: 1px solid #333; padding: 0 3mm; }
  table.grid { border-collapse: collapse; width: 100%; }
  table.grid td { border: 1px solid #333; padding: 2.2mm 3mm; }
  td.gl { white-space: nowrap; width: 1%; }
  .leader { display: flex; align-items: baseline; margin: 3mm 0; }
  .leader .dots { flex: 1; border-bottom: 2px dotted #666; margin: 0 3mm; }
  .title { text-align: center; font-weight: bold; letter-spacing: 0.3em; }
  p { line-height: 2; margin: 2mm 0; text-indent: 2em; }
  `;
}

/**
 * A round official seal (red ring, star, the organisation's name around the top), drawn semi-transparent so the text
 * under it shows through as it does on paper.
 *
 * @example
 * seal('杭州市人力资源和社会保障局', 40, { left: 200, top: 140 });
 */
export function seal(name: string, sizeMm: number, at: { left: number; top: number }, opacity = 0.8): string {
  const id = `arc${Math.abs([...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) | 0, 7))}${Math.round(at.left)}`;
  return `<svg style="position:absolute;left:${at.left}mm;top:${at.top}mm;width:${sizeMm}mm;height:${sizeMm}mm;opacity:${opacity};mix-blend-mode:multiply" viewBox="0 0 100 100">
  <defs><path id="${id}" d="M 16 56 A 35 35 0 1 1 84 56"/></defs>
  <circle cx="50" cy="50" r="46" fill="none" stroke="#d42020" stroke-width="3.5"/>
  <text font-size="${Math.max(7, Math.min(11, 120 / Math.max(1, [...name].length)))}" fill="#d42020" font-family="Noto Sans CJK SC"><textPath href="#${id}" startOffset="50%" text-anchor="middle">${esc(name)}</textPath></text>
  <polygon fill="#d42020" points="50,36 54,47 66,47 56,54 60,66 50,59 40,66 44,54 34,47 46,47"/>
  </svg>`;
}

/** A photo box with a head-and-shoulders silhouette. */
export function photo(widthMm: number, heightMm: number, at?: { left: number; top: number }): string {
  const pos = at ? `position:absolute;left:${at.left}mm;top:${at.top}mm;` : 'display:inline-block;';
  return `<svg style="${pos}width:${widthMm}mm;height:${heightMm}mm;border:1px solid #999" viewBox="0 0 50 70" preserveAspectRatio="none">
  <rect width="50" height="70" fill="#4a78b5"/><circle cx="25" cy="28" r="11" fill="#e9d2bf"/><path d="M5 70 Q25 38 45 70 Z" fill="#26364d"/></svg>`;
}

/** A guilloche-like frame for certificates. */
export function frame(color: string, insetMm: number): string {
  return `<div style="position:absolute;inset:${insetMm}mm;border:3mm double ${color};"></div>
  <div style="position:absolute;inset:${insetMm + 5}mm;border:0.6mm solid ${color};"></div>`;
}
