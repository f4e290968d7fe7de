import { describe, expect, it } from 'vitest';
import { blockPage } from '../support/painted-rasters.js';
import { glyphPastEnd, regionsBesideBareLabels, withGlyphsPastLineEnds } from '../../shared/ocr/unboxed-glyphs.js';
import type { Raster } from '../../shared/ocr/raster.js';
import type { TextRegion } from '../../shared/ocr/text-regions.js';

const WIDTH = 200;
const HEIGHT = 80;

/** A light page with dark rectangles (x0, y0 inclusive; x1, y1 exclusive). */
const page = (blocks: [number, number, number, number][]): Raster => blockPage(WIDTH, HEIGHT, blocks);

/** A boxed character: a square glyph 14 px high at x 40–54 on the row centred at y 40, in a region 24 px high. */
const GLYPH: [number, number, number, number] = [40, 33, 54, 47];
const region: TextRegion = { cx: 50, cy: 40, width: 24, height: 24, angle: 0, score: 0.9 };
/** A `一` beside it: a stroke 2 px thick and 13 px long, starting 2 px past the glyph (inside the region's margin). */
const STROKE: [number, number, number, number] = [56, 39, 69, 41];

describe('withGlyphsPastLineEnds', () => {
  it('grows a line over a thin stroke the detector cut off at its end (the `一` of `王一`)', () => {
    const raster = page([GLYPH, STROKE]);

    const [grown] = withGlyphsPastLineEnds(raster, [region]);

    const end = grown.cx + grown.width / 2;
    const start = grown.cx - grown.width / 2;
    expect(end).toBeGreaterThanOrEqual(69);
    expect(end).toBeLessThan(69 + 0.3 * region.height);
    // The other end and the line's band stay as they were.
    expect(start).toBeCloseTo(region.cx - region.width / 2, 5);
    expect(grown.cy).toBe(region.cy);
    expect(grown.height).toBe(region.height);
  });

  it('grows a line at its start too (a `二` left out before a date)', () => {
    const raster = page([[27, 36, 37, 38], [27, 43, 37, 45], GLYPH]);
    const boxed: TextRegion = { ...region, cx: 47, width: 18 };

    const [grown] = withGlyphsPastLineEnds(raster, [boxed]);

    expect(grown.cx - grown.width / 2).toBeLessThanOrEqual(27);
    expect(grown.cx + grown.width / 2).toBeCloseTo(56, 5);
  });

  it('returns the very same array when no line has ink past its ends', () => {
    const regions = [region];

    expect(withGlyphsPastLineEnds(page([GLYPH]), regions)).toBe(regions);
  });

  it('leaves a line alone when the ink past its end reaches out of its band (a table rule)', () => {
    const rule: [number, number, number, number] = [64, 5, 66, 75];

    expect(glyphPastEnd(page([GLYPH, rule]), region, 1, [region], 0)).toBeUndefined();
  });

  it('leaves a line alone when the ink past its end runs on wider than a character (an underline, a rule)', () => {
    const line: [number, number, number, number] = [56, 39, 120, 41];

    expect(glyphPastEnd(page([GLYPH, line]), region, 1, [region], 0)).toBeUndefined();
  });

  it('leaves a line alone when the ink past its end starts too far away (a separate value)', () => {
    const far: [number, number, number, number] = [80, 39, 93, 41];

    expect(glyphPastEnd(page([GLYPH, far]), region, 1, [region], 0)).toBeUndefined();
  });

  it('does not grow a line over ink that another region already holds', () => {
    const neighbour: TextRegion = { cx: 66, cy: 40, width: 14, height: 20, angle: 0, score: 0.9 };

    expect(glyphPastEnd(page([GLYPH, STROKE]), region, 1, [region, neighbour], 0)).toBeUndefined();
  });

  it('leaves bent and steep lines alone', () => {
    const raster = page([GLYPH, STROKE]);
    const bent: TextRegion = { ...region, centreLine: { along: [-10, 0, 10], across: [2, 0, 2] } };
    const steep: TextRegion = { ...region, angle: Math.PI / 4 };

    expect(withGlyphsPastLineEnds(raster, [bent, steep])).toEqual([bent, steep]);
  });
});

describe('regionsBesideBareLabels', () => {
  /** A label `等级：` as one region at x 20–60 on the row centred at y 40. */
  const label: TextRegion = { cx: 40, cy: 40, width: 40, height: 24, angle: 0, score: 0.9 };
  /** `十一` three line heights right of it: a cross and a stroke, thin ink the detector leaves unboxed. */
  const SHI: [number, number, number, number][] = [
    [120, 39, 134, 41],
    [126, 33, 128, 47],
  ];
  const YI: [number, number, number, number] = [137, 39, 150, 41];
  /** The label's own print (its ink and paper set the level ink is told by). */
  const LABEL: [number, number, number, number] = [24, 33, 56, 47];

  it('finds the unboxed value of thin strokes right of a label that ends in a colon, on the label row', () => {
    const raster = page([LABEL, ...SHI, YI]);

    const [value, ...more] = regionsBesideBareLabels(raster, [label], ['等级：']);

    expect(more).toEqual([]);
    expect(value.cx - value.width / 2).toBeLessThanOrEqual(120);
    expect(value.cx + value.width / 2).toBeGreaterThanOrEqual(150);
    expect(value.cx + value.width / 2).toBeLessThan(150 + 0.3 * label.height);
    expect(value.cy).toBe(label.cy);
    expect(value.height).toBe(label.height);
  });

  it('looks beside labels only: a line that does not end in a colon gets nothing', () => {
    expect(regionsBesideBareLabels(page([LABEL, ...SHI, YI]), [label], ['等级'])).toEqual([]);
  });

  it('leaves a label alone when a region starts right beside it (its value was boxed)', () => {
    const value: TextRegion = { cx: 80, cy: 40, width: 30, height: 24, angle: 0, score: 0.9 };

    expect(regionsBesideBareLabels(page([LABEL, ...SHI, YI]), [label, value], ['等级：', '四级'])).toEqual([]);
  });

  it('finds nothing where the ink beside a label reaches out of its row (a table rule) or runs on (a rule line)', () => {
    const rule: [number, number, number, number] = [100, 2, 102, 78];
    const underline: [number, number, number, number] = [70, 39, 198, 41];

    expect(regionsBesideBareLabels(page([LABEL, rule, ...SHI, YI]), [label], ['等级：'])).toEqual([]);
    expect(regionsBesideBareLabels(page([LABEL, underline]), [label], ['等级：'])).toEqual([]);
  });
});
