/**
 * Per-field layout variants (issue 12 classes 1 and 5): a value printed off its label's line by 0.3–0.9 of the line
 * height (with or without an underlined blank), a value stacked above or below its label (or on a fill-in line with
 * its label under it as a caption), leader dots or underscores between label and value, a label spaced out with
 * 1–3 ASCII or full-width spaces. Drawn at random per field, so one page mixes them with ordinary pairs; every field
 * drawn one is tagged twice: on its document (`values:off-baseline`, as the held-out families tag whole pages) and on
 * the field itself (`values:off-baseline@holderName`), which by-variant.ts scores on that field alone.
 */
import type { Rng } from '../factory/random.js';
import type { FieldLayout, Item } from './parts.js';

/** Per-field chances of each variant; a family without them draws none and takes no draw from the generator. */
export interface FieldLayoutChances {
  offBaseline: number;
  stacked: number;
  spaced: number;
  /** Of the labels spaced, the share spaced with ASCII spaces (0.6 when absent). */
  asciiShare?: number;
  /** A value on a fill-in line with its label under it as a caption; absent: never drawn, no draw taken. */
  ruledAbove?: number;
  /** Leader dots or underscores between label and value; absent: never drawn, no draw taken. */
  leader?: number;
}

/** The document tag of each variant (the same names the held-out families' pages carry). */
export const FIELD_VARIANT_TAGS = {
  offBaseline: 'values:off-baseline',
  stacked: 'placement:above',
  leader: 'placement:leader',
  asciiSpaces: 'labels:ascii_spaces',
  fullwidthSpaces: 'labels:fullwidth_spaces',
} as const;

/** The tag of a page whose whole fill-in layer is printed off its labels by one offset (parts.ts `pageShift`). */
export const PAGE_SHIFT_TAG = 'values:page-shift';

/**
 * Draws each item's per-field layout and returns the items with the tags drawn. Items that span a whole row
 * (`wide`) are never stacked (a stacked 经营范围 reads like a heading); a stacked value is never also shifted.
 *
 * @example
 * drawFieldLayouts(items, { offBaseline: 0.25, stacked: 0.2, spaced: 0.3 }, rng).tags; // ['values:off-baseline', …]
 */
export function drawFieldLayouts(items: readonly Item[], chances: FieldLayoutChances | undefined, rng: Rng): { items: Item[]; tags: string[] } {
  if (!chances) return { items: [...items], tags: [] };
  const tags = new Set<string>();
  const tag = (name: string, field: string | undefined) => {
    tags.add(name);
    if (field) tags.add(`${name}@${field}`);
  };
  const out = items.map((item) => {
    const layout: FieldLayout = {};
    if (chances.ruledAbove !== undefined && !item.wide && rng.chance(chances.ruledAbove)) {
      layout.stacked = { valueAbove: true, align: rng.pick(['left', 'center'] as const), ruled: true };
      tag(FIELD_VARIANT_TAGS.stacked, item.field);
    } else if (!item.wide && rng.chance(chances.stacked)) {
      layout.stacked = { valueAbove: rng.chance(0.3), align: rng.pick(['left', 'center'] as const) };
      tag(FIELD_VARIANT_TAGS.stacked, item.field);
    } else if (rng.chance(chances.offBaseline)) {
      layout.shift = { fraction: rng.float(0.3, 0.9) * (rng.chance(0.5) ? 1 : -1), underline: rng.chance(0.5) };
      tag(FIELD_VARIANT_TAGS.offBaseline, item.field);
    }
    // A leader run beside a value of its own width: a long value squeezed after it wraps a few characters a line,
    // and a value moved off the leader's line overprints the next row.
    if (chances.leader !== undefined && !item.long && !layout.stacked && !layout.shift && rng.chance(chances.leader)) {
      const char = rng.pick(['…', '.', '·', '_', '－'] as const);
      layout.leader = { char, count: rng.int(char === '…' ? 2 : 4, char === '…' ? 6 : 14), fill: rng.chance(0.5) };
      tag(FIELD_VARIANT_TAGS.leader, item.field);
    }
    // Forms space short labels out (`姓 名`, `身 份 证 号`); a long one spaced would take half the row.
    if ([...item.label].length > 1 && [...item.label].length <= 5 && rng.chance(chances.spaced)) {
      const ascii = rng.chance(chances.asciiShare ?? 0.6);
      layout.spacing = { char: ascii ? ' ' : '　', count: rng.int(1, 3) };
      tag(ascii ? FIELD_VARIANT_TAGS.asciiSpaces : FIELD_VARIANT_TAGS.fullwidthSpaces, item.field);
    }
    return Object.keys(layout).length ? { ...item, layout } : { ...item };
  });
  return { items: out, tags: [...tags] };
}
