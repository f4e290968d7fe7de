import { describe, expect, it } from 'vitest';
import { makeDocumentData } from './factory/documents.js';
import { Rng } from './factory/random.js';
import { composeDocument } from './procedural/documents.js';
import { drawLayout, PROCEDURAL_FIELD_FAMILIES, PROCEDURAL_PAGE_SHIFT_FAMILIES } from './procedural/families.js';
import { FIELD_VARIANT_TAGS, PAGE_SHIFT_TAG } from './procedural/field-variants.js';
import { type Item, valueHtml } from './procedural/parts.js';
import { PLAIN_LAYOUT } from '../support/procedural-layout.js';

// Issue 12 class 5, page-wide: the generator's fill-in layer printed off the labels by one offset for a whole page.

const params = PLAIN_LAYOUT;
const name: Item = { field: 'holderName', label: '姓名', value: '王晓明' };

describe('a page-level fill-in offset in the procedural generator', () => {
  it('moves every value by its share of the row pitch (line height + row gap), and sideways by its dx', () => {
    // 12 pt × 0.3528 mm × 1.35 = 5.72 mm line + 2 mm gap = 7.72 mm pitch; × −0.5 = 3.9 mm up.
    const html = valueHtml(name, { ...params, pageShift: { pitches: -0.5, dxMm: 1.5 } }, new Map(), new Rng(1));
    expect(html).toContain('position:relative;top:-3.9mm;left:1.5mm');
  });

  it('leaves a value with its own per-field shift where that shift puts it', () => {
    const own: Item = { ...name, layout: { shift: { fraction: 0.5, underline: false } } };
    const html = valueHtml(own, { ...params, pageShift: { pitches: 0.9, dxMm: 2 } }, new Map(), new Rng(1));
    expect(html).toContain('position:relative;top:2.9mm');
    expect(html).not.toContain('left:');
  });

  it('draws the offset between 0.3 and 1.0 of a pitch either way for the proc-CS families only', () => {
    const drawn = Array.from({ length: 60 }, (_, i) => drawLayout(PROCEDURAL_PAGE_SHIFT_FAMILIES[0].region, new Rng(100 + i)).pageShift);
    const shifts = drawn.filter((s) => s !== undefined);
    expect(shifts.length).toBeGreaterThan(20);
    expect(shifts.some((s) => s.pitches < 0) && shifts.some((s) => s.pitches > 0)).toBe(true);
    for (const s of shifts) expect(Math.abs(s.pitches)).toBeGreaterThanOrEqual(0.3);
    for (const s of shifts) expect(Math.abs(s.pitches)).toBeLessThanOrEqual(1);
    for (const s of shifts) expect(Math.abs(s.dxMm)).toBeLessThanOrEqual(3);
    for (const f of PROCEDURAL_FIELD_FAMILIES) expect(drawLayout(f.region, new Rng(3)).pageShift).toBeUndefined();
    expect(PROCEDURAL_PAGE_SHIFT_FAMILIES.map((f) => f.name)).toEqual(PROCEDURAL_FIELD_FAMILIES.map((f) => f.name.replace('proc-C', 'proc-CS')));
    expect(PROCEDURAL_PAGE_SHIFT_FAMILIES.every((f) => !f.heldOut)).toBe(true);
  });

  it('tags a shifted page values:page-shift and draws no per-field shift or stacked pair on it', () => {
    const family = PROCEDURAL_PAGE_SHIFT_FAMILIES.find((f) => f.name === 'certificate/proc-CS')!;
    let tagged = 0;
    for (let seed = 1; seed <= 12; seed++) {
      const rng = new Rng(seed);
      const doc = composeDocument(makeDocumentData('skill_level', rng), family, rng);
      if (!doc.variants.includes(PAGE_SHIFT_TAG)) continue;
      tagged++;
      expect(doc.variants).not.toContain(FIELD_VARIANT_TAGS.offBaseline);
      expect(doc.variants).not.toContain(FIELD_VARIANT_TAGS.stacked);
      expect(doc.sheets.map((s) => s.body).join('')).toMatch(/class="v" style="[^"]*position:relative;top:-?\d/);
    }
    expect(tagged).toBeGreaterThan(3);
  });
});
