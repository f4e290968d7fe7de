import { describe, expect, it } from 'vitest';
import { Rng } from './factory/random.js';
import { ALL_PROCEDURAL_FAMILIES, PROCEDURAL_FAMILIES, PROCEDURAL_FIELD_FAMILIES, PROCEDURAL_WHERE_FAMILIES } from './procedural/families.js';
import { drawFieldLayouts, FIELD_VARIANT_TAGS } from './procedural/field-variants.js';
import { block, type Item, labelHtml } from './procedural/parts.js';
import { PLAIN_LAYOUT, textOf } from '../support/procedural-layout.js';

const params = PLAIN_LAYOUT;

const items = (): Item[] => [
  { field: 'holderName', label: '姓名', value: '王晓明' },
  { field: 'idNumber', label: '身份证号', value: '330106199001011234' },
  { label: '经营范围', value: '技术服务', wide: true },
];

describe('per-field layout variants of the procedural generator', () => {
  it('spaces one label with 1–3 ASCII or full-width spaces, whatever the page label style', () => {
    expect(textOf(labelHtml('身份证号', 4, params, { char: ' ', count: 1 }))).toBe('身 份 证 号：');
    expect(textOf(labelHtml('姓名', 4, { ...params, labelStyle: 'justify' }, { char: '　', count: 3 }))).toBe('姓　　　名：');
  });

  it('moves an off-baseline value by its fraction of the line height, its underlined blank left on the line', () => {
    const [name] = items();
    const html = block([{ ...name, layout: { shift: { fraction: -0.5, underline: true } } }], params, new Map(), new Rng(1));
    // 12 pt × 0.3528 mm × 1.35 line height × 0.5 = 2.9 mm up.
    expect(html).toContain('position:relative;top:-2.9mm');
    expect(html).toMatch(/class="blank" style="[^"]*border-bottom:1px solid/);
    expect(textOf(html)).toBe('姓名：王晓明');
  });

  it('stacks a value below or above its label in one cell spanning label and value columns', () => {
    const [name, id] = items();
    const below = block([{ ...name, layout: { stacked: { valueAbove: false, align: 'center' } } }], params, new Map(), new Rng(1));
    expect(below).toContain('grid-column:span 2');
    expect(below).toContain('text-align:center');
    expect(textOf(below)).toBe('姓名：王晓明');
    const above = block([{ ...id, layout: { stacked: { valueAbove: true, align: 'left' } } }], { ...params, placement: 'cell' }, new Map(), new Rng(1));
    expect(above).toContain('colspan="2"');
    expect(textOf(above)).toBe('330106199001011234身份证号：');
  });

  it('tags each variant on the document and on the field it was drawn for, never stacking a wide item', () => {
    const drawn = drawFieldLayouts(items(), { offBaseline: 0, stacked: 1, spaced: 1 }, new Rng(7));
    expect(drawn.items[0].layout?.stacked).toBeDefined();
    expect(drawn.items[2].layout?.stacked).toBeUndefined();
    expect(drawn.tags).toContain(FIELD_VARIANT_TAGS.stacked);
    expect(drawn.tags).toContain(`${FIELD_VARIANT_TAGS.stacked}@holderName`);
    expect(drawn.tags).not.toContain(`${FIELD_VARIANT_TAGS.stacked}@undefined`);
    expect(drawn.tags.some((t) => t.startsWith('labels:') && t.endsWith('@idNumber'))).toBe(true);
    const shifted = drawFieldLayouts(items(), { offBaseline: 1, stacked: 0, spaced: 0 }, new Rng(8)).items.map((i) => i.layout?.shift?.fraction ?? 0);
    for (const f of shifted) expect(Math.abs(f)).toBeGreaterThanOrEqual(0.3);
    for (const f of shifted) expect(Math.abs(f)).toBeLessThanOrEqual(0.9);
  });

  it('draws nothing and takes no draw for a family without per-field chances, so v1/v2 regenerate unchanged', () => {
    const rng = new Rng(11);
    const drawn = drawFieldLayouts(items(), undefined, rng);
    expect(drawn.tags).toEqual([]);
    expect(drawn.items.every((i) => i.layout === undefined)).toBe(true);
    expect(rng.next()).toBe(new Rng(11).next());
    for (const f of PROCEDURAL_FAMILIES) expect(f.region.fieldLayouts).toBeUndefined();
  });

  it('keeps the per-field families tuned: seen, off every held-out font and placement, drawable by name', () => {
    const heldOut = ALL_PROCEDURAL_FAMILIES.filter((f) => f.heldOut);
    const heldOutFonts = new Set(heldOut.flatMap((f) => f.region.fonts));
    for (const f of [...PROCEDURAL_FIELD_FAMILIES, ...PROCEDURAL_WHERE_FAMILIES]) {
      expect(f.heldOut).toBe(false);
      expect(f.region.fonts.some((font) => heldOutFonts.has(font))).toBe(false);
      expect(f.region.placements).not.toContain('above');
      expect(f.region.labelStyles).not.toContain('ascii_spaces');
      expect(f.region.lexicon).toBe('common');
      expect(ALL_PROCEDURAL_FAMILIES).toContain(f);
    }
  });

  it('prints a value on a fill-in line with its label under the line as a caption', () => {
    const [name] = items();
    const html = block([{ ...name, layout: { stacked: { valueAbove: true, align: 'center', ruled: true } } }], params, new Map(), new Rng(1));
    expect(html).toMatch(/border-bottom:1px solid #222[^>]*>.*王晓明/);
    expect(textOf(html)).toBe('王晓明（姓名）');
  });

  it('sets leader dots or underscores between a label and its value, a few or run across the cell', () => {
    const [name] = items();
    const few = block([{ ...name, layout: { leader: { char: '.', count: 6, fill: false } } }], params, new Map(), new Rng(1));
    expect(textOf(few)).toBe('姓名：......王晓明');
    const fill = block([{ ...name, layout: { leader: { char: '_', count: 6, fill: true } } }], { ...params, placement: 'cell' }, new Map(), new Rng(1));
    expect(fill).toContain('display:flex');
    expect(textOf(fill)).toBe(`姓名：${'_'.repeat(80)}王晓明`);
  });

  it('draws ruled captions and leaders only for families that ask, tagged placement:above and placement:leader', () => {
    const drawn = drawFieldLayouts(items(), { offBaseline: 0, stacked: 0, spaced: 0, ruledAbove: 1, leader: 1 }, new Rng(5));
    expect(drawn.items[0].layout?.stacked?.ruled).toBe(true);
    expect(drawn.items[0].layout?.leader).toBeUndefined();
    expect(drawn.items[2].layout?.leader).toBeDefined();
    expect(drawn.tags).toEqual(expect.arrayContaining(['placement:above@holderName', FIELD_VARIANT_TAGS.leader]));
    const asciiOnly = drawFieldLayouts(items(), { offBaseline: 0, stacked: 0, spaced: 1, asciiShare: 1 }, new Rng(6));
    expect(asciiOnly.items[0].layout?.spacing?.char).toBe(' ');
    const proC = drawFieldLayouts(items(), PROCEDURAL_FIELD_FAMILIES[0].region.fieldLayouts, new Rng(9));
    expect(proC.items.every((i) => !i.layout?.leader && !i.layout?.stacked?.ruled)).toBe(true);
  });

  it('draws branch licences on half the licences of the where-values-sit family, two columns', () => {
    const licence = PROCEDURAL_WHERE_FAMILIES.find((f) => f.name === 'licence/proc-D')!;
    expect(licence.region.branchLicence).toBe(0.5);
    expect(licence.region.columns).toEqual([2]);
    expect(PROCEDURAL_FIELD_FAMILIES.every((f) => f.region.branchLicence === undefined)).toBe(true);
  });
});
