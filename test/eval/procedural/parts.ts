/**
 * The parts a procedural page is composed of: labels (plain or spread 分散对齐), values (wrapping, off their
 * label's baseline, masked), label/value blocks in one of four placements and one or two columns, and overlays
 * (seals, signatures, watermarks, stamps). Every choice is a parameter; families (families.ts) say which region of
 * the parameter space they draw from.
 */
import type { Rng } from '../factory/random.js';
import { esc } from '../templates/kit.js';
import { type CodeCells, codeCellsHtml, type LabelDecor, toFullwidth } from './form-variety.js';
import { englishGloss } from './lexicon.js';

export type LabelStyle = 'plain' | 'justify' | 'fullwidth_spaces' | 'ascii_spaces';
/**
 * Where a value sits relative to its label. `bilingual_cell` (ruled grid, label cell 中文 over an English gloss) and
 * `underline` (pairs flowing inline through a paragraph, each value on an underlined blank) are drawn only by the
 * procedural-v3 held-out families. `grid_stacked` (a ruled grid, each row of label cells over a row of value cells) is
 * drawn by the form-variety families (proc-E). `run_on` (pairs run on in prose, drawn by run-on.ts, not here) by the
 * seen run-on families (proc-R). `flow` (a licence grid of narrow cells: each label spread across the cell at a row's
 * end, its value opening the next row and running on to that row's label; see `flowBlock`) by licence/proc-F.
 */
export type Placement = 'beside' | 'above' | 'cell' | 'leader' | 'bilingual_cell' | 'underline' | 'grid_stacked' | 'run_on' | 'flow' | H3Placement;
/**
 * Placements only the proc-H3 held-out families draw (families.ts): `caption_under` (fill-in lines across a row, each
 * value on its line, its label small under it), `right_label` (labels right-aligned in their column, values
 * left-aligned after a wide gap), `vertical_cell` (ruled label cells set top to bottom, one character a row) and
 * `header_row` (a ruled table: five to seven labels as a header row, one row of values under it).
 */
export const H3_PLACEMENTS = ['caption_under', 'right_label', 'vertical_cell', 'header_row'] as const;
export type H3Placement = (typeof H3_PLACEMENTS)[number];
export type MaskStyle = 'bar' | 'blur' | 'stars';

/** One label and its value; `field` names the truth field it prints (absent for distractors such as 注册资本). */
export interface Item {
  field?: string;
  label: string;
  value: string;
  /** May run over 1–3 lines (company names, addresses, 经营范围, issuers). */
  long?: boolean;
  /** Takes a whole row even in a two-column block (经营范围). */
  wide?: boolean;
  /** Printed right after the value, on the same line (`（1-1）`, `（盖章）`, `以下空白`). */
  after?: string;
  /** How this one field departs from the page's layout (drawn per field by field-variants.ts). */
  layout?: FieldLayout;
}

/**
 * Per-field departures from the page's layout, as real forms show them: a value printed off its label's line by a
 * fraction of the line height (dot-matrix fill-in, over or under its blank), a value stacked above or below its label,
 * a label spaced out with ASCII or full-width spaces (`姓 名`, `身　份　证　号`).
 */
export interface FieldLayout {
  /** Fraction of the line height the value is moved, + down / − up; `underline` leaves a blank at the label's line. */
  shift?: { fraction: number; underline: boolean };
  /**
   * The value on its own line above or below the label, centred on it or left-aligned with it; `ruled`: the value
   * printed on a fill-in line with its label under the line as a caption (`________` over `（姓名）`).
   */
  stacked?: { valueAbove: boolean; align: 'left' | 'center'; ruled?: boolean };
  /**
   * Leader characters between the label and the value (`姓名……王晓明`, `姓名________王晓明`): `fill` runs them across
   * the value's cell to the value set at its right end; otherwise `count` of them precede the value.
   */
  leader?: { char: string; count: number; fill: boolean };
  /** Spaces between the label's characters, overriding the page's label style. */
  spacing?: { char: ' ' | '　'; count: number };
  /** A numbering prefix or brackets around the label (form-variety.ts). */
  decor?: LabelDecor;
  /** A code's characters one per box or in spaced groups (form-variety.ts). */
  cells?: CodeCells;
  /** Digits and letters of the value printed full width (form-variety.ts). */
  fullwidth?: boolean;
}

/** The layout parameters of one page, drawn from a family's region. */
export interface LayoutParams {
  font: string;
  /** Fill-in values may come from another printer (dot-matrix). */
  valueFont: string;
  sizePt: number;
  labelStyle: LabelStyle;
  placement: Placement;
  columns: 1 | 2;
  colon: string;
  /** Vertical offset of values from their label's baseline, mm (dot-matrix fill-in); 0 for most. */
  valueShiftMm: number;
  /**
   * The whole fill-in layer printed off the labels by one offset (a form fed off-true through the printer): `pitches`
   * of a row pitch (line height + row gap), + down / − up, and `dxMm` sideways. Every value of the page moves by it;
   * a value with its own per-field shift keeps that instead.
   */
  pageShift?: { pitches: number; dxMm: number };
  /**
   * A ruled table (`cell`) with a merged caption cell down its left side over every row (`基本信息`, set across or
   * down the cell), as forms group their items; absent: none.
   */
  groupCaption?: { text: string; vertical: boolean };
  /** Lines a long value is wrapped onto (1 = no forced wrap). */
  wrapLines: number;
  rowGapMm: number;
  labelColor: string;
  /** Labels printed at this share of the values' size (small captions on a form); absent: one size. */
  labelScale?: number;
  /** proc-H3: values printed at this multiple of the page's size (a fill-in in larger type); absent: one size. */
  valueScale?: number;
  /** proc-H3: values written by hand (blue ink, each character a little turned, lifted and sized). */
  handwritten?: boolean;
}

const PT_TO_MM = 0.3528;

/** A spread label (分散对齐): the characters justified across a fixed width, in one of three ways. */
export function labelHtml(label: string, widthEm: number, p: LayoutParams, spacing?: FieldLayout['spacing'], decor?: LabelDecor): string {
  const chars = [...label];
  let inner = '';
  if (spacing) inner = esc(chars.join(spacing.char.repeat(spacing.count)));
  else
    switch (p.labelStyle) {
      case 'plain':
        inner = esc(label);
        break;
      case 'justify':
        inner =
          chars.length > 1 && chars.length < widthEm
            ? `<span style="display:inline-block;width:${widthEm}em;text-align:justify;text-align-last:justify">${esc(label)}</span>`
            : esc(label);
        break;
      case 'fullwidth_spaces': {
        const gaps = chars.length > 1 ? Math.max(0, Math.floor((widthEm - chars.length) / (chars.length - 1))) : 0;
        inner = esc(chars.join('　'.repeat(gaps)));
        break;
      }
      case 'ascii_spaces':
        inner = esc(chars.length <= 4 ? chars.join(' ') : label);
        break;
    }
  // A bracketed label takes no colon (`【姓名】王晓明`); a numbered one keeps the page's.
  const size = p.labelScale === undefined ? '' : `;font-size:${p.labelScale}em`;
  if (decor?.open) return `<span class="lb" style="color:${p.labelColor}${size}">${esc(decor.open)}${inner}${esc(decor.close ?? '')}</span>`;
  return `<span class="lb" style="color:${p.labelColor}${size}">${esc(decor?.prefix ?? '')}${inner}${esc(p.colon)}</span>`;
}

/** What an uploader's mask leaves of a value: a bar, a smudge, or stars over the middle of it. */
export function maskHtml(value: string, style: MaskStyle, sizePt: number, rng: Rng): string {
  const chars = [...value];
  const widthMm = Math.max(8, chars.length * sizePt * PT_TO_MM * (/^[\x20-\x7e]+$/.test(value) ? 0.6 : 1));
  const heightMm = sizePt * PT_TO_MM * 1.2;
  if (style === 'stars') {
    const keepHead = Math.min(chars.length - 1, chars.length > 6 ? rng.int(3, 6) : 1);
    const keepTail = chars.length > 6 ? rng.int(2, 4) : 0;
    const starred = chars.map((c, i) => (i < keepHead || i >= chars.length - keepTail ? c : '*')).join('');
    return `<span class="v">${esc(starred)}</span>`;
  }
  if (style === 'bar') {
    return `<span class="v mask" style="display:inline-block;width:${widthMm.toFixed(1)}mm;height:${heightMm.toFixed(1)}mm;background:${rng.pick(['#111', '#222', '#333'])};vertical-align:middle"></span>`;
  }
  // A blurred smudge: grey strokes the shape of a line of text, run through a Gaussian blur. No text is left.
  const id = `bl${rng.int(0, 1e9)}`;
  const strokes = chars
    .map((_, i) => `<rect x="${i * 10 + 1}" y="${rng.int(2, 5)}" width="8" height="${rng.int(9, 13)}" fill="#${rng.pick(['444', '555', '666'])}"/>`)
    .join('');
  return `<svg class="v mask" style="display:inline-block;width:${widthMm.toFixed(1)}mm;height:${heightMm.toFixed(1)}mm;vertical-align:middle" viewBox="0 0 ${chars.length * 10} 18" preserveAspectRatio="none"><defs><filter id="${id}"><feGaussianBlur stdDeviation="${rng.float(2.5, 4).toFixed(1)}"/></filter></defs><rect width="100%" height="100%" fill="#d8d8d8" filter="url(#${id})"/><g filter="url(#${id})">${strokes}</g></svg>`;
}

/** A value as printed: its font, its offset from the label's baseline, a forced wrap width for long values. */
export function valueHtml(item: Item, p: LayoutParams, masks: ReadonlyMap<string, MaskStyle>, rng: Rng): string {
  const mask = item.field ? masks.get(item.field) : undefined;
  const after = item.after ? `<span class="after" style="margin-left:${rng.float(0, 3).toFixed(1)}mm">${esc(item.after)}</span>` : '';
  if (mask) return maskHtml(item.value, mask, p.sizePt, rng) + after;
  const styles = [`font-family:'${p.valueFont}'`];
  if (p.valueScale !== undefined) styles.push(`font-size:${p.valueScale}em`);
  if (p.handwritten) styles.push('color:#1c3d8f');
  const shift = item.layout?.shift;
  const lineMm = p.sizePt * PT_TO_MM * 1.35;
  const page = shift ? undefined : p.pageShift;
  const shiftMm = shift ? shift.fraction * lineMm : page ? page.pitches * (lineMm + p.rowGapMm) : p.valueShiftMm;
  const dxMm = page?.dxMm ?? 0;
  if (shiftMm !== 0 || dxMm !== 0) styles.push(`position:relative;top:${shiftMm.toFixed(1)}mm${dxMm !== 0 ? `;left:${dxMm.toFixed(1)}mm` : ''}`);
  const chars = [...item.value].length;
  if (item.long && p.wrapLines > 1 && chars > 8) {
    const perLine = Math.ceil(chars / p.wrapLines) + 1;
    styles.push(
      `display:inline-block;max-width:${(perLine * p.sizePt * (p.valueScale ?? 1) * PT_TO_MM * 1.02).toFixed(1)}mm;white-space:normal;word-break:break-all;vertical-align:top`,
    );
  }
  const cells = item.layout?.cells;
  // A typed code or date keeps to one line (its cell is sized to it); full-width digits would otherwise wrap it.
  if (cells || item.layout?.fullwidth) styles.push('white-space:nowrap');
  const printed = cells
    ? codeCellsHtml(item.value, cells)
    : p.handwritten
      ? handwrittenHtml(item.value, rng)
      : esc(item.layout?.fullwidth ? toFullwidth(item.value) : item.value);
  const value = `<span class="v" style="${styles.join(';')}">${printed}</span>`;
  // An underlined blank stays on the label's line while the value printed into it misses it.
  if (shift?.underline)
    return `<span class="blank" style="display:inline-block;border-bottom:1px solid #333;padding-right:${rng.float(1, 6).toFixed(1)}mm">${value}</span>${after}`;
  return `${value}${after}`;
}

/**
 * A value written by hand (proc-H3): each character lifted or dropped by up to a fifteenth of its height and sized
 * 0.92–1.1×, the whole slanted a little and in ballpoint blue, as a fill-in by hand looks. No character is turned on
 * its own: the characters stay in order on one baseline band (wrapping between them in a narrow cell), so a digital
 * PDF's text layer holds the value as one run, as it does for every other family.
 */
export function handwrittenHtml(value: string, rng: Rng): string {
  const slant = rng.float(-8, -3).toFixed(1);
  const chars = [...value].map(
    (c) => `<span style="position:relative;top:${rng.float(-0.07, 0.07).toFixed(2)}em;font-size:${rng.float(0.92, 1.1).toFixed(2)}em">${esc(c)}</span>`,
  );
  return `<span class="hand" style="display:inline-block;max-width:100%;transform:skewX(${slant}deg)">${chars.join('')}</span>`;
}

/** A label and its value stacked in one cell, the value above or below, centred on each other or left-aligned. */
function stackedHtml(label: string, value: string, stacked: NonNullable<FieldLayout['stacked']>): string {
  // A label never wraps (forms size its cell to it); a long value may.
  const caption = `<span style="white-space:nowrap">${stacked.ruled ? `<span style="font-size:0.85em">（${label}）</span>` : label}</span>`;
  if (stacked.ruled)
    // A fill-in line a little wider than the value, the value on it, the label under it as a caption.
    return `<div class="stack" style="display:inline-block;text-align:${stacked.align}"><div style="border-bottom:1px solid #222;padding:0 4mm 0.6mm">${value}</div><div>${caption}</div></div>`;
  const lines = stacked.valueAbove ? [value, caption] : [caption, value];
  return `<div class="stack" style="display:inline-block;text-align:${stacked.align}">${lines.map((l) => `<div>${l}</div>`).join('')}</div>`;
}

/** A value preceded by leader characters: run across its cell to the value at the right, or a few before it. */
function leaderHtml(value: string, leader: NonNullable<FieldLayout['leader']>): string {
  if (!leader.fill) return `<span class="ld" style="color:#555">${esc(leader.char.repeat(leader.count))}</span>${value}`;
  // Zero wide to its cell's sizing (the leader run never widens the column), then as wide as the cell, 120 mm at most.
  return `<div style="display:flex;align-items:baseline;width:0;min-width:min(100%,120mm)"><span class="ld" style="flex:1 1 8mm;min-width:8mm;overflow:hidden;white-space:nowrap;color:#555">${esc(leader.char.repeat(80))}</span><span style="max-width:70%">${value}</span></div>`;
}

function labelWidthEm(items: readonly Item[]): number {
  return Math.min(8, Math.max(...items.map((i) => [...i.label].length), 2));
}

/**
 * A block of label/value items in the page's placement and column count.
 *
 * @example
 * block(items, params, new Map(), rng);
 */
export function block(items: readonly Item[], p: LayoutParams, masks: ReadonlyMap<string, MaskStyle>, rng: Rng): string {
  const w = labelWidthEm(items);
  // A caption under a fill-in line takes no colon.
  const lb = (i: Item) => labelHtml(i.label, w, i.layout?.stacked?.ruled ? { ...p, colon: '' } : p, i.layout?.spacing, i.layout?.decor);
  const v = (i: Item) => (i.layout?.leader ? leaderHtml(valueHtml(i, p, masks, rng), i.layout.leader) : valueHtml(i, p, masks, rng));
  const gap = `${p.rowGapMm.toFixed(1)}mm`;
  switch (p.placement) {
    case 'flow':
    case 'run_on':
      throw new Error('run-on prose and flowing grids are composed by runOnBlock and flowBlock, which tag what they draw');
    case 'beside': {
      const cols = p.columns === 2 ? 'auto 1fr auto 1fr' : 'auto 1fr';
      const cells: string[] = [];
      let open = 0; // pairs placed on the current row
      for (const i of items) {
        if (p.columns === 2 && i.wide && open === 1) {
          cells.push('<div></div><div></div>');
          open = 0;
        }
        const span = p.columns === 2 && i.wide ? 'grid-column:span 3;' : '';
        if (i.layout?.stacked)
          // Sized by the tracks it spans, never widening them: a spanning item grows the label column (auto) first.
          cells.push(
            `<div class="c" style="grid-column:span ${p.columns === 2 && i.wide ? 4 : 2};min-width:0"><div style="width:0;min-width:100%">${stackedHtml(lb(i), v(i), i.layout.stacked)}</div></div>`,
          );
        else cells.push(`<div class="l" style="white-space:nowrap">${lb(i)}</div><div class="c" style="${span}">${v(i)}</div>`);
        open = p.columns === 2 && !i.wide ? (open + 1) % 2 : 0;
      }
      return `<div class="blk" style="display:grid;grid-template-columns:${cols};column-gap:4mm;row-gap:${gap};align-items:baseline">${cells.join('')}</div>`;
    }
    case 'above': {
      const n = p.columns === 2 ? 2 : rng.pick([2, 3]);
      const cells = items.map((i) => `<div style="${i.wide ? 'grid-column:1/-1;' : ''}"><div style="font-size:0.82em">${lb(i)}</div><div>${v(i)}</div></div>`);
      return `<div class="blk" style="display:grid;grid-template-columns:repeat(${n},1fr);gap:${gap} 6mm">${cells.join('')}</div>`;
    }
    case 'cell': {
      const rows: string[] = [];
      let row: string[] = [];
      const flush = () => {
        if (row.length) rows.push(`<tr>${row.join('')}${p.columns === 2 && row.length === 2 ? '<td class="gl"></td><td></td>' : ''}</tr>`);
        row = [];
      };
      for (const i of items) {
        const td = i.layout?.stacked
          ? `<td colspan="${p.columns === 2 && i.wide ? 4 : 2}">${stackedHtml(lb(i), v(i), i.layout.stacked)}</td>`
          : `<td class="gl" style="white-space:nowrap">${lb(i)}</td><td${p.columns === 2 && i.wide ? ' colspan="3"' : ''}>${v(i)}</td>`;
        if (p.columns === 2 && i.wide) {
          flush();
          row.push(td);
          flush();
          continue;
        }
        row.push(td);
        if (p.columns === 1 || row.length === 2) flush();
      }
      flush();
      if (p.groupCaption && rows.length > 0) {
        const { text, vertical } = p.groupCaption;
        const style = vertical ? 'writing-mode:vertical-rl;letter-spacing:0.3em' : 'white-space:nowrap';
        rows[0] = rows[0].replace('<tr>', `<tr><td class="gl" rowspan="${rows.length}" style="text-align:center;${style}">${esc(text)}</td>`);
      }
      return `<table class="blk" style="border-collapse:collapse;width:100%">${rows.join('')}</table>`;
    }
    case 'grid_stacked': {
      // Each row of label cells (shaded, no colon) over a row of value cells; a wide item takes a row pair alone.
      const n = p.columns === 2 ? rng.pick([3, 4]) : rng.pick([2, 3]);
      const align = rng.pick(['center', 'left']);
      const shade = rng.pick(['#f0f0f0', '#fff', '#eef3f8']);
      const label = (i: Item) => labelHtml(i.label, w, { ...p, colon: '' }, i.layout?.spacing, i.layout?.decor?.open ? undefined : i.layout?.decor);
      const chunks: Item[][] = [];
      let chunk: Item[] = [];
      for (const i of items) {
        if (i.wide) {
          if (chunk.length) chunks.push(chunk);
          chunks.push([i]);
          chunk = [];
          continue;
        }
        chunk.push(i);
        if (chunk.length === n) {
          chunks.push(chunk);
          chunk = [];
        }
      }
      if (chunk.length) chunks.push(chunk);
      const rows = chunks.map((c) => {
        const span = (k: number) => (c.length === 1 ? n : k === c.length - 1 ? n - c.length + 1 : 1);
        const heads = c.map((i, k) => `<td class="gl" colspan="${span(k)}" style="background:${shade};text-align:center;white-space:nowrap">${label(i)}</td>`);
        const values = c.map((i, k) => `<td colspan="${span(k)}" style="text-align:${align}">${valueHtml(i, p, masks, rng)}</td>`);
        return `<tr>${heads.join('')}</tr><tr>${values.join('')}</tr>`;
      });
      return `<table class="blk" style="border-collapse:collapse;width:100%;table-layout:fixed">${rows.join('')}</table>`;
    }
    case 'bilingual_cell': {
      // A ruled grid whose label cells carry the Chinese label and an English gloss on a second line (or first).
      const englishFirst = rng.chance(0.35);
      const bi = (i: Item) => {
        const en = `<div style="font-size:0.68em;letter-spacing:0;color:#444;font-family:'Noto Sans CJK SC'">${esc(englishGloss(i.label))}</div>`;
        return englishFirst ? `${en}<div>${lb(i)}</div>` : `<div>${lb(i)}</div>${en}`;
      };
      return cellPairsTable(
        items,
        p.columns,
        (i) =>
          `<td class="gl" style="white-space:nowrap;text-align:center;width:1%">${bi(i)}</td><td${p.columns === 2 && i.wide ? ' colspan="3"' : ''} style="text-align:${rng.pick(['left', 'center'])}">${v(i)}</td>`,
      );
    }
    case 'underline':
      // Fill-in-the-blank prose: pairs run on through a paragraph, so a line holds two or three of them and a value
      // may start wherever the last one ended; each value sits on an underlined blank wider than itself.
      return `<p class="blk" style="line-height:2.3;text-align:justify;margin:0">${items
        .map((i) => {
          const pad = rng.float(2, 9).toFixed(1);
          return `<span style="white-space:nowrap">${lb(i)}</span><span style="border-bottom:1px solid #222;padding:0 ${pad}mm">${v(i)}</span>`;
        })
        .join(rng.pick(['，', '；', '　　', '　']))}。</p>`;
    case 'caption_under': {
      // Fill-in lines across the row, each value written on its line and its label small under it (no colon); a wide
      // item takes a line of its own.
      const n = p.columns === 2 ? rng.pick([3, 4]) : rng.pick([2, 3]);
      const align = rng.pick(['left', 'center']);
      const capAlign = rng.pick(['left', 'center']);
      const capSize = rng.float(0.62, 0.78).toFixed(2);
      const cell = (i: Item) =>
        `<div style="${i.wide ? 'grid-column:1/-1;' : ''}min-width:0"><div style="border-bottom:1px solid #222;min-height:1.45em;padding:0 1.5mm 0.6mm;text-align:${align}">${v(i)}</div><div style="font-size:${capSize}em;color:#444;text-align:${capAlign};white-space:nowrap;margin-top:0.6mm">${labelHtml(i.label, w, { ...p, colon: '' }, i.layout?.spacing)}</div></div>`;
      return `<div class="blk" style="display:grid;grid-template-columns:repeat(${n},minmax(0,1fr));gap:${gap} ${rng.float(4, 9).toFixed(1)}mm;align-items:end">${items.map(cell).join('')}</div>`;
    }
    case 'right_label': {
      // Labels right-aligned in their column, values left-aligned after a wide gap (one or two pairs a row).
      const cols = p.columns === 2 ? 'max-content 1fr max-content 1fr' : 'max-content 1fr';
      const gapMm = rng.float(5, 14).toFixed(1);
      const cells: string[] = [];
      let open = 0;
      for (const i of items) {
        if (p.columns === 2 && i.wide && open === 1) {
          cells.push('<div></div><div></div>');
          open = 0;
        }
        const span = p.columns === 2 && i.wide ? 'grid-column:span 3;' : '';
        cells.push(`<div class="l" style="text-align:right;white-space:nowrap">${lb(i)}</div><div class="c" style="${span}min-width:0">${v(i)}</div>`);
        open = p.columns === 2 && !i.wide ? (open + 1) % 2 : 0;
      }
      return `<div class="blk" style="display:grid;grid-template-columns:${cols};column-gap:${gapMm}mm;row-gap:${gap};align-items:baseline">${cells.join('')}</div>`;
    }
    case 'vertical_cell': {
      // A ruled table whose label cells set the label top to bottom, one character a row, beside the value cell.
      const vl = (i: Item) =>
        `<td class="gl" style="writing-mode:vertical-rl;text-orientation:upright;letter-spacing:0.12em;text-align:center;white-space:nowrap;width:1%;padding:1.5mm 1.2mm">${labelHtml(i.label, w, { ...p, colon: '', labelStyle: 'plain' })}</td>`;
      const align = rng.pick(['left', 'center']);
      return cellPairsTable(items, p.columns, (i) => `${vl(i)}<td${p.columns === 2 && i.wide ? ' colspan="3"' : ''} style="text-align:${align}">${v(i)}</td>`);
    }
    case 'header_row': {
      // A ruled table: the labels as a header row (five to seven cells, a label wrapping in its cell), one row of
      // values under it; a wide item takes a row of its own below, its label in the first cell.
      const narrow = items.filter((i) => !i.wide);
      const wide = items.filter((i) => i.wide);
      const per = Math.max(1, Math.min(rng.int(5, 7), narrow.length));
      const chunks: Item[][] = [];
      for (let k = 0; k < narrow.length; k += per) chunks.push(narrow.slice(k, k + per));
      const cols = Math.max(...chunks.map((c) => c.length), 2);
      const shade = rng.pick(['#f3f3f3', '#fff', '#f1f5ee']);
      const head = (i: Item) => labelHtml(i.label, w, { ...p, colon: '', labelStyle: 'plain' });
      const rows = chunks.map((c) => {
        const span = (k: number) => (k === c.length - 1 ? cols - c.length + 1 : 1);
        const heads = c.map((i, k) => `<td class="gl" colspan="${span(k)}" style="background:${shade};text-align:center;font-size:0.9em">${head(i)}</td>`);
        const values = c.map((i, k) => `<td colspan="${span(k)}" style="text-align:center;word-break:break-all">${valueHtml(i, p, masks, rng)}</td>`);
        return `<tr>${heads.join('')}</tr><tr>${values.join('')}</tr>`;
      });
      for (const i of wide)
        rows.push(`<tr><td class="gl" style="background:${shade};text-align:center">${head(i)}</td><td colspan="${cols - 1}">${v(i)}</td></tr>`);
      return `<table class="blk" style="border-collapse:collapse;width:100%;table-layout:fixed">${rows.join('')}</table>`;
    }
    case 'leader':
      return items
        .map(
          (i) =>
            `<div style="display:flex;align-items:baseline;margin:${gap} 0"><span style="white-space:nowrap">${lb(i)}</span><span style="flex:1;border-bottom:2px dotted #777;margin:0 3mm;min-width:8mm"></span><span style="text-align:right;max-width:65%">${v(i)}</span></div>`,
        )
        .join('');
  }
}

/** Tags of what a `flow` block draws (by-variant.ts scores them). */
export const FLOW_TAGS = {
  flow: 'flow:value-opens-next-row',
  dateHead: 'flow:date-year-at-row-end',
  scopeAfter: 'flow:scope-label-at-row-end',
  scopeOwnRow: 'flow:scope-own-row',
} as const;

/**
 * A licence grid that flows each value into the next row (older 个体工商户 and company licences): every label is spread
 * across a narrow cell of its own (`住　　　　所`, 6–12 character widths, no colon) at a row's end; its value opens the
 * next row at the block's margin and runs on, wrapping if it must, to the row's end, where the next label stands. A
 * date may print its year right after the label at the row's end and its rest at the next row's start (`注册日期`
 * `2005` | `年11月03日`). 经营范围's prose fills the rows under the last value, its label at that value's row end or
 * opening a row of its own.
 *
 * @example
 * flowBlock(items, params, new Map(), rng);
 */
export function flowBlock(items: readonly Item[], p: LayoutParams, masks: ReadonlyMap<string, MaskStyle>, rng: Rng): { html: string; tags: string[] } {
  const cellEm = rng.int(6, 12);
  // The grid is narrow: the longest value fills its row or wraps onto the next, running on up to the next label.
  const longest = Math.max(...items.filter((i) => !i.wide).map((i) => [...i.value].length));
  const widthEm = Math.max(cellEm + 10, Math.round(longest * rng.float(0.6, 1.05)) + cellEm + 2);
  const spread = (i: Item) =>
    `<span class="lb" style="color:${p.labelColor};display:inline-block;width:${cellEm}em;text-align:justify;text-align-last:justify;white-space:nowrap">${esc(i.label)}</span>`;
  const labelCell = (i: Item | undefined, head = '') =>
    `<span style="flex:0 0 auto;margin-left:${rng.float(2, 6).toFixed(1)}mm;white-space:nowrap">${i ? spread(i) : `<span style="display:inline-block;width:${cellEm}em"></span>`}${head}</span>`;
  const row = (value: string, end: string) =>
    `<div style="display:flex;align-items:flex-end;margin:${(p.rowGapMm / 2).toFixed(1)}mm 0"><span style="flex:1 1 auto;min-width:0">${value}</span>${end}</div>`;
  const fields = items.filter((i) => !i.wide);
  const scope = items.find((i) => i.wide);
  const scopeAtRowEnd = scope !== undefined && rng.chance(0.5);
  const rows: string[] = [];
  const tags = new Set<string>([FLOW_TAGS.flow]);
  for (let k = 0; k < fields.length; k++) {
    const i = fields[k];
    const next = fields[k + 1] ?? (scopeAtRowEnd ? scope : undefined);
    let value = valueHtml({ ...i, layout: undefined }, p, masks, rng);
    const nextDate = next?.field === 'establishedDate' && !masks.has('establishedDate') ? /^(\d{4})(年.+日)$/.exec(next.value) : null;
    const splitDate = nextDate && rng.chance(0.6);
    // The first value opens the block at its own label, as the grid's first cell.
    if (k === 0) value = `${spread(i)}<span style="margin-left:${rng.float(2, 5).toFixed(1)}mm"></span>${value}`;
    const head = splitDate ? `<span class="v" style="margin-left:${rng.float(1, 3).toFixed(1)}mm">${esc(nextDate[1])}</span>` : '';
    rows.push(row(value, labelCell(next, head)));
    if (splitDate) {
      // The date's rest opens the next row; the item is printed from it on.
      fields[k + 1] = { ...next!, value: nextDate[2] };
      tags.add(FLOW_TAGS.dateHead);
    }
  }
  if (scope) {
    const prose = `<span class="v" style="font-family:'${p.valueFont}'">${esc(scope.value)}</span>`;
    rows.push(scopeAtRowEnd ? row(prose, '') : row(`${spread(scope)}<span style="margin-left:${rng.float(2, 5).toFixed(1)}mm"></span>${prose}`, ''));
  }
  if (scope) tags.add(scopeAtRowEnd ? FLOW_TAGS.scopeAfter : FLOW_TAGS.scopeOwnRow);
  return { html: `<div class="blk" style="width:100%;max-width:${widthEm}em">${rows.join('')}</div>`, tags: [...tags] };
}

/** CSS the blocks rely on (table cells ruled, values a little darker than labels). */
export function partsCss(p: LayoutParams): string {
  return `.sheet { font-family: '${p.font}'; font-size: ${p.sizePt}pt; color: #111; line-height: 1.35; }
  table.blk td { border: 1px solid #333; padding: 1.8mm 2.5mm; vertical-align: middle; }
  .title { text-align: center; font-weight: bold; }
  table.rows { border-collapse: collapse; width: 100%; }
  table.rows td, table.rows th { border: 1px solid #333; padding: 1.6mm 1.5mm; text-align: center; font-weight: normal; }`;
}

/**
 * Security paper (proc-H3): a tinted sheet under a light guilloche — a rosette of hypotrochoid loops and wave bands
 * along the top and bottom — as certificates, licences and ID cards are printed on. Placed first in the body, under
 * everything else; light enough that the print on it reads.
 */
export function securityHtml(widthMm: number, heightMm: number, rng: Rng): string {
  const tint = rng.pick(['#f6f1e3', '#eef5ec', '#f4eef6', '#ecf2f8', '#f8efec']);
  const ink = rng.pick(['#7fa37a', '#8a9cc4', '#c49a7a', '#a58fc0', '#c48a8a']);
  const opacity = rng.float(0.22, 0.38).toFixed(2);
  const cx = widthMm * rng.float(0.35, 0.65);
  const cy = heightMm * rng.float(0.35, 0.6);
  const R = Math.min(widthMm, heightMm) * rng.float(0.22, 0.34);
  const loops = rng.int(14, 26);
  const paths: string[] = [];
  // Hypotrochoids: a point at d from the centre of a circle of radius r rolling inside one of radius R.
  for (let k = 0; k < rng.int(3, 5); k++) {
    const r = R / rng.pick([3, 4, 5, 6]);
    const dd = r * rng.float(0.6, 1.4);
    const turn = rng.float(0, Math.PI);
    const pts: string[] = [];
    for (let t = 0; t <= 2 * Math.PI * (r / gcdLike(R, r)) + 0.001; t += 0.02) {
      const x = (R - r) * Math.cos(t + turn) + dd * Math.cos(((R - r) / r) * t + turn);
      const y = (R - r) * Math.sin(t + turn) - dd * Math.sin(((R - r) / r) * t + turn);
      pts.push(`${(cx + x).toFixed(2)},${(cy + y).toFixed(2)}`);
    }
    paths.push(`<polyline points="${pts.join(' ')}" fill="none" stroke="${ink}" stroke-width="0.12"/>`);
  }
  for (let k = 0; k < loops; k++) {
    const a = (k / loops) * Math.PI;
    paths.push(
      `<ellipse cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" rx="${(R * 1.25).toFixed(1)}" ry="${(R * 0.42).toFixed(1)}" transform="rotate(${((a * 180) / Math.PI).toFixed(1)} ${cx.toFixed(1)} ${cy.toFixed(1)})" fill="none" stroke="${ink}" stroke-width="0.1"/>`,
    );
  }
  // Wave bands along the top and bottom margins.
  const period = rng.float(5, 11);
  for (const base of [rng.float(4, 9), heightMm - rng.float(4, 9)])
    for (let k = 0; k < 6; k++) {
      const pts: string[] = [];
      for (let x = 0; x <= widthMm; x += 0.8)
        pts.push(`${x.toFixed(1)},${(base + 2.2 * Math.sin((x / period) * 2 * Math.PI + k * 0.5) + (k - 3) * 0.25).toFixed(2)}`);
      paths.push(`<polyline points="${pts.join(' ')}" fill="none" stroke="${ink}" stroke-width="0.1"/>`);
    }
  return `<svg class="security" style="position:absolute;left:0;top:0;width:${widthMm}mm;height:${heightMm}mm;background:${tint}" viewBox="0 0 ${widthMm} ${heightMm}"><g opacity="${opacity}">${paths.join('')}</g></svg>`;
}

/** The loop count of a hypotrochoid closes after r / gcd(R, r) turns; for non-integers, a few turns suffice. */
function gcdLike(a: number, b: number): number {
  let [x, y] = [Math.round(a * 10), Math.round(b * 10)];
  while (y) [x, y] = [y, x % y];
  return Math.max(x / 10, b / 6);
}

/** A round official seal, placed absolutely (mm) inside a positioned parent; semi-transparent like ink on paper. */
export function sealHtml(name: string, sizeMm: number, at: { left: number; top: number }, rng: Rng, opacity = rng.float(0.6, 0.85)): string {
  const id = `s${rng.int(0, 1e9)}`;
  const font = Math.max(7, Math.min(11, 120 / Math.max(1, [...name].length)));
  const color = rng.pick(['#d42020', '#e0301e', '#c81e1e']);
  return `<svg style="position:absolute;left:${at.left.toFixed(1)}mm;top:${at.top.toFixed(1)}mm;width:${sizeMm}mm;height:${sizeMm}mm;opacity:${opacity.toFixed(2)};mix-blend-mode:multiply;transform:rotate(${rng.int(-25, 25)}deg);z-index:5" viewBox="0 0 100 100">
  <defs><path id="${id}" d="M 16 56 A 35 35 0 1 1 84 56"/></defs>
  <circle cx="50" cy="50" r="46" fill="none" stroke="${color}" stroke-width="3.5"/>
  <text font-size="${font}" fill="${color}" font-family="Noto Sans CJK SC"><textPath href="#${id}" startOffset="50%" text-anchor="middle">${esc(name)}</textPath></text>
  <polygon fill="${color}" points="50,36 54,47 66,47 56,54 60,66 50,59 40,66 44,54 34,47 46,47"/></svg>`;
}

/** A handwritten signature: a few cursive strokes (no text), over whatever lies beneath. */
export function signatureHtml(at: { left: number; top: number }, widthMm: number, rng: Rng): string {
  let d = `M 2 ${rng.int(14, 22)}`;
  for (let x = 8; x < 96; x += rng.int(5, 10)) d += ` Q ${x - 3} ${rng.int(0, 30)} ${x} ${rng.int(6, 26)}`;
  return `<svg style="position:absolute;left:${at.left.toFixed(1)}mm;top:${at.top.toFixed(1)}mm;width:${widthMm}mm;height:${(widthMm * 0.32).toFixed(1)}mm;z-index:6" viewBox="0 0 100 32"><path d="${d}" fill="none" stroke="${rng.pick(['#1a237e', '#111', '#263238'])}" stroke-width="${rng.float(1.2, 2.2).toFixed(1)}" stroke-linecap="round"/></svg>`;
}

/** A site watermark: a phrase repeated diagonally across the page. */
export function watermarkHtml(text: string, rng: Rng): string {
  const angle = rng.int(-40, -20);
  const color = rng.pick(['rgba(0,0,0,0.13)', 'rgba(40,80,160,0.16)', 'rgba(200,0,0,0.12)']);
  const size = rng.int(14, 24);
  const lines = Array.from(
    { length: 14 },
    (_, i) => `<div style="white-space:nowrap;margin-left:${(i % 2) * 30}mm">${Array.from({ length: 5 }, () => esc(text)).join('　　　')}</div>`,
  ).join('');
  return `<div style="position:absolute;left:-60mm;top:-40mm;width:420mm;transform:rotate(${angle}deg);transform-origin:50% 50%;color:${color};font-size:${size}pt;line-height:2.6;pointer-events:none;z-index:7">${lines}</div>`;
}

/** A rectangular stamp (`仅限…使用`, `与原件一致`), a little turned, in red or blue ink. */
export function stampHtml(text: string, at: { left: number; top: number }, rng: Rng): string {
  const color = rng.pick(['#c62828', '#1e40af', '#7b1fa2']);
  return `<div style="position:absolute;left:${at.left.toFixed(1)}mm;top:${at.top.toFixed(1)}mm;transform:rotate(${rng.int(-12, 12)}deg);border:0.7mm solid ${color};color:${color};padding:1.2mm 3mm;font-size:${rng.int(11, 16)}pt;font-weight:bold;opacity:${rng.float(0.6, 0.85).toFixed(2)};mix-blend-mode:multiply;white-space:nowrap;z-index:6">${esc(text)}</div>`;
}

/** An annual-inspection stamp with a handwritten year in it (older licences). */
export function inspectionStampHtml(year: number, at: { left: number; top: number }, rng: Rng): string {
  return `<div style="position:absolute;left:${at.left}mm;top:${at.top}mm;width:42mm;height:24mm;border:0.6mm solid #1e40af;color:#1e40af;opacity:0.75;transform:rotate(${rng.int(-8, 8)}deg);text-align:center;font-size:10pt;z-index:6">年检合格<br><span style="font-family:'AR PL UMing CN';font-size:13pt;font-style:italic">${year}年度</span></div>
  ${signatureHtml({ left: at.left + 6, top: at.top + 12 }, 30, rng)}`;
}

/** A QR code block of random modules. */
export function qrHtml(at: { left: number; top: number }, sizeMm: number, rng: Rng): string {
  const n = 17;
  const cell = sizeMm / n;
  const cells = Array.from({ length: n * n }, () => (rng.chance(0.5) ? '#111' : '#fff'));
  return `<div style="position:absolute;left:${at.left}mm;top:${at.top}mm;display:grid;grid-template-columns:repeat(${n},${cell.toFixed(2)}mm)">${cells.map((c) => `<div style="width:${cell.toFixed(2)}mm;height:${cell.toFixed(2)}mm;background:${c}"></div>`).join('')}</div>`;
}

/** A photo box with a head-and-shoulders silhouette, in flow or absolute. */
export function photoHtml(widthMm: number, heightMm: number, at?: { left: number; top: number }): string {
  const pos = at ? `position:absolute;left:${at.left}mm;top:${at.top}mm;` : 'display:inline-block;';
  return `<svg style="${pos}width:${widthMm}mm;height:${heightMm}mm;border:1px solid #999" viewBox="0 0 50 70" preserveAspectRatio="none"><rect width="50" height="70" fill="#${['4a78b5', 'c9302c', 'f2f2f2'][Math.floor((widthMm * 7) % 3)]}"/><circle cx="25" cy="28" r="11" fill="#e9d2bf"/><path d="M5 70 Q25 38 45 70 Z" fill="#26364d"/></svg>`;
}

/**
 * A ruled table of label-and-value cell pairs, one pair a row or two (`columns`), a wide item's pair across its row:
 * `cells` gives an item's cells, called once per item in order (so the draws it takes keep their order).
 */
function cellPairsTable(items: readonly Item[], columns: number, cells: (item: Item) => string): string {
  const rows: string[] = [];
  let row: string[] = [];
  const flush = () => {
    if (row.length) rows.push(`<tr>${row.join('')}${columns === 2 && row.length === 1 ? '<td class="gl"></td><td></td>' : ''}</tr>`);
    row = [];
  };
  for (const i of items) {
    const td = cells(i);
    if (columns === 2 && i.wide) {
      flush();
      row.push(td);
      flush();
      continue;
    }
    row.push(td);
    if (columns === 1 || row.length === 2) flush();
  }
  flush();
  return `<table class="blk" style="border-collapse:collapse;width:100%">${rows.join('')}</table>`;
}
