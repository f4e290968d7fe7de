import { describe, expect, it } from 'vitest';
import { conditionPage, touchesSuppressedInk, type Raster } from '../../shared/ocr/index.js';
import { mergeReadings } from '../../shared/ocr/paddle-ocr-engine.js';
import { paintedPage, pixelAt, type Rgb } from '../support/painted-rasters.js';
import { evenlySpacedReading } from '../support/recognised-text.js';

/** Print: dark strokes 3 px wide every 8 px along a line 40 px high. */
function printedLine(x: number, y: number, length: number): { x: number; y: number; w: number; h: number; rgb: Rgb }[] {
  const strokes = [];
  for (let k = 0; k < length; k += 8) strokes.push({ x: x + k, y, w: 3, h: 40, rgb: [25, 25, 25] as Rgb });
  return strokes;
}

const SEAL_RED: Rgb = [210, 40, 40];

describe('conditionPage', () => {
  it('leaves a clean page alone, returning the very same raster', () => {
    const clean = paintedPage(400, 300, printedLine(40, 40, 300));

    const conditioned = conditionPage(clean);

    expect(conditioned.changed).toBe(false);
    expect(conditioned.raster).toBe(clean);
  });

  it('turns red seal ink over print nearly white and keeps the print under it black', () => {
    // A seal's red band multiplied over a printed line: paper between strokes turns red, strokes stay dark.
    const sealed = paintedPage(400, 300, [...printedLine(40, 100, 300), { x: 120, y: 90, w: 160, h: 60, rgb: SEAL_RED, multiply: true }]);

    const { raster, changed, conditions } = conditionPage(sealed);

    expect(changed).toBe(true);
    expect(pixelAt(sealed, 125, 120)).toEqual(SEAL_RED);
    // Between strokes under the seal: red became light grey.
    const [r, g, b] = pixelAt(raster, 125, 120);
    expect(Math.min(r, g, b)).toBeGreaterThan(190);
    // A stroke under the seal stays dark.
    expect(Math.max(...pixelAt(raster, 121, 120))).toBeLessThan(60);
    expect(touchesSuppressedInk(conditions, { x: 100, y: 95, width: 100, height: 50 })).toBe(true);
    expect(touchesSuppressedInk(conditions, { x: 40, y: 220, width: 300, height: 40 })).toBe(false);
  });

  it('keeps red ink that lies over no print (a red title may be text)', () => {
    const titled = paintedPage(400, 300, [{ x: 100, y: 20, w: 200, h: 40, rgb: SEAL_RED }, ...printedLine(40, 200, 300)]);

    const { raster, conditions } = conditionPage(titled);

    expect(conditions.suppressedTileCount).toBe(0);
    expect(pixelAt(raster, 150, 40)).toEqual(SEAL_RED);
  });

  it('flattens a shadow so that the paper is white across the page and the print stays dark', () => {
    const width = 640;
    const height = 320;
    const shaded = paintedPage(width, height, printedLine(40, 140, 560));
    // Light falls from 30 % at the left edge to 100 % at the right.
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const light = 0.3 + (0.7 * x) / (width - 1);
        for (let c = 0; c < 3; c++) shaded.data[(y * width + x) * 3 + c] = Math.round(shaded.data[(y * width + x) * 3 + c] * light);
      }
    }

    const { raster, conditions } = conditionPage(shaded);

    expect(conditions.unevenLight).toBe(true);
    expect(pixelAt(shaded, 20, 40)[0]).toBeLessThan(100);
    expect(pixelAt(raster, 20, 40)[0]).toBeGreaterThan(220);
    expect(pixelAt(raster, 600, 40)[0]).toBeGreaterThan(220);
    expect(pixelAt(raster, 41, 160)[0]).toBeLessThan(60);
  });

  it('stretches the faint ink of a pale photocopy towards black', () => {
    const faint = paintedPage(
      400,
      300,
      printedLine(40, 100, 300).map((stroke) => ({ ...stroke, rgb: [175, 175, 175] as Rgb })),
      [240, 240, 240],
    );

    const { raster, conditions } = conditionPage(faint);

    expect(conditions.faintInk).toBe(true);
    expect(pixelAt(raster, 41, 120)[0]).toBeLessThan(60);
    expect(pixelAt(raster, 45, 120)[0]).toBeGreaterThan(230);
  });
});

/** A light-grey watermark multiplied over the whole page: 4-px dabs every 12 px (7 % of the page) in `grey`. */
function watermark(width: number, height: number, grey: number): { x: number; y: number; w: number; h: number; rgb: Rgb; multiply: true }[] {
  const dabs = [];
  for (let y = 0; y + 4 <= height; y += 12) {
    for (let x = (y / 2) % 12; x + 4 <= width; x += 12) dabs.push({ x, y, w: 4, h: 4, rgb: [grey, grey, grey] as Rgb, multiply: true as const });
  }
  return dabs;
}

describe('conditionPage on light overprint (watermarks, grey stamped text)', () => {
  it('lifts a light-grey watermark spread over the page to paper white', () => {
    const marked = paintedPage(640, 480, [...printedLine(40, 100, 560), ...printedLine(40, 300, 560), ...watermark(640, 480, 220)]);
    expect(pixelAt(marked, 0, 0)).toEqual([220, 220, 220]);

    const { raster, conditions, changed } = conditionPage(marked);

    expect(conditions.lightOverprint).toBe(true);
    expect(changed).toBe(true);
    expect(pixelAt(raster, 0, 0)).toEqual([255, 255, 255]);
    expect(pixelAt(raster, 600, 460)).toEqual([255, 255, 255]);
  });

  it('keeps print under the watermark and the paper between strokes white', () => {
    const marked = paintedPage(640, 480, [...printedLine(40, 100, 560), ...watermark(640, 480, 220)]);
    // (42, 108) is a stroke with a watermark dab multiplied over it; (44, 108) is paper under a dab.
    expect(pixelAt(marked, 42, 108)[0]).toBeLessThan(25);
    expect(pixelAt(marked, 44, 108)[0]).toBe(220);

    const { raster } = conditionPage(marked);

    expect(pixelAt(raster, 42, 108)[0]).toBeLessThan(30);
    expect(pixelAt(raster, 42, 130)[0]).toBeLessThan(30);
    expect(pixelAt(raster, 44, 108)).toEqual([255, 255, 255]);
  });

  it('lifts a tinted (pinkish) watermark as a whole, not channel by channel', () => {
    const marked = paintedPage(640, 480, [...printedLine(40, 100, 560), ...watermark(640, 480, 255).map((d) => ({ ...d, rgb: [240, 212, 212] as Rgb }))]);

    const { raster, conditions } = conditionPage(marked);

    expect(conditions.lightOverprint).toBe(true);
    expect(pixelAt(raster, 0, 0)).toEqual([255, 255, 255]);
  });

  it('leaves the light print of a faint copy alone: no dark print, so no overprint to tell it from', () => {
    // Print at 200 on 245 paper sits exactly where a watermark would (82 % of the paper).
    const faint = paintedPage(
      640,
      480,
      [...printedLine(40, 100, 560), ...printedLine(40, 300, 560)].map((stroke) => ({ ...stroke, rgb: [200, 200, 200] as Rgb })),
      [245, 245, 245],
    );

    const { raster, conditions } = conditionPage(faint);

    expect(conditions.lightOverprint).toBe(false);
    expect(conditions.faintInk).toBe(true);
    expect(pixelAt(raster, 41, 120)[0]).toBeLessThan(60);
  });

  it('keeps light-grey marks confined to one corner (a grey logo, a shaded box): not spread over the page', () => {
    const logo = paintedPage(640, 480, [...printedLine(40, 100, 560), { x: 500, y: 380, w: 100, h: 60, rgb: [220, 220, 220] }]);

    const { raster, conditions } = conditionPage(logo);

    expect(conditions.lightOverprint).toBe(false);
    expect(raster).toBe(logo);
  });

  it('returns a clean page with dark print only as the very same raster', () => {
    const clean = paintedPage(640, 480, [...printedLine(40, 100, 560), ...printedLine(40, 300, 560)]);

    const conditioned = conditionPage(clean);

    expect(conditioned.conditions.lightOverprint).toBe(false);
    expect(conditioned.raster).toBe(clean);
  });
});

describe('mergeReadings (a line read twice)', () => {
  const region = { cx: 100, cy: 20, width: 200, height: 30, angle: 0, score: 0.9 };

  it('reports agreement and keeps the surer reading when both readings match', () => {
    const first = evenlySpacedReading('杭州市', [0.8, 0.9, 0.9]);
    const again = evenlySpacedReading('杭州市', [0.95, 0.95, 0.99]);

    const merged = mergeReadings(first, region, { reading: again, region });

    expect(merged.other).toEqual({ text: '杭州市', confidence: 0.8667, agrees: true });
    expect(merged.reading.characterConfidences).toEqual([0.95, 0.95, 0.99]);
  });

  it('keeps the surer reading and lowers the characters the other reading did not confirm', () => {
    const first = evenlySpacedReading('发证机构：杭州市', [0.99, 0.99, 0.99, 0.99, 0.99, 0.7, 0.99, 0.99]);
    const again = evenlySpacedReading('发证机构：抗州市', [0.99, 0.99, 0.99, 0.99, 0.99, 0.6, 0.99, 0.99]);

    const merged = mergeReadings(first, region, { reading: again, region });

    expect(merged.reading.text).toBe('发证机构：杭州市');
    expect(merged.other.agrees).toBe(false);
    expect(merged.other.text).toBe('发证机构：抗州市');
    expect(merged.reading.characterConfidences[5]).toBeLessThanOrEqual(0.5);
    expect(merged.reading.characterConfidences[6]).toBe(0.99);
  });

  it('keeps the fuller reading when the surer one lost a character, and flags the characters around the gap', () => {
    // Seen on a generated phone photo: the seal-suppressed reading dropped 急 at 0.99, the page as stored read it at 0.94.
    const first = evenlySpacedReading('浙江省应管理厅', [0.99, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99]);
    const again = evenlySpacedReading('浙江省应急管理厅', [0.94, 0.94, 0.94, 0.94, 0.9, 0.94, 0.94, 0.94]);

    const merged = mergeReadings(first, region, { reading: again, region });

    expect(merged.reading.text).toBe('浙江省应急管理厅');
    expect(merged.other).toMatchObject({ text: '浙江省应管理厅', agrees: false });
    expect(merged.reading.characterConfidences[4]).toBeLessThanOrEqual(0.5);
  });

  it('flags both neighbours of a character the kept reading lacks', () => {
    const first = evenlySpacedReading('浙江省应管理厅', [0.99, 0.99, 0.99, 0.99, 0.99, 0.99, 0.99]);
    const again = evenlySpacedReading('浙江省应急管理厅', [0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6]);

    const merged = mergeReadings(first, region, { reading: again, region });

    expect(merged.reading.text).toBe('浙江省应管理厅');
    expect(merged.reading.characterConfidences.map((c) => c <= 0.5)).toEqual([false, false, false, true, true, false, false]);
  });
});
