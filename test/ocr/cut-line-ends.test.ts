import { describe, expect, it } from 'vitest';
import { blockPage } from '../support/painted-rasters.js';
import { readingPastCutEnds, UNCONFIRMED_CHARACTER_CONFIDENCE } from '../../shared/ocr/paddle-ocr-engine.js';
import type { Raster } from '../../shared/ocr/raster.js';
import type { TextRegion } from '../../shared/ocr/text-regions.js';
import { lineEndsAgainstMarks } from '../../shared/ocr/unboxed-glyphs.js';
import { evenlySpacedReading } from '../support/recognised-text.js';

/** Square glyphs 16 px high on the row centred at y 40, each 16 px wide, starting at these x. */
function glyphs(...starts: number[]): [number, number, number, number][] {
  return starts.map((x) => [x, 32, x + 16, 48]);
}

/** A seal's ring crossing the row: a stroke 4 px wide from well above the line's band to well below it. */
function ringAt(x: number): [number, number, number, number] {
  return [x, 14, x + 4, 66];
}

const page = (blocks: [number, number, number, number][]): Raster => blockPage(320, 80, blocks);

/** A line of four glyphs at x 20–76, boxed 19–77 in a region 24 px high; a fifth glyph at 82–98 lies past its end. */
const line: TextRegion = { cx: 48, cy: 40, width: 58, height: 24, angle: 0, score: 0.9 };

describe('lineEndsAgainstMarks', () => {
  it('grows a line over the glyph left out past its end where a seal’s ring touches that glyph', () => {
    const raster = page([...glyphs(20, 40, 60, 82), ringAt(98)]);

    const cut = lineEndsAgainstMarks(raster, [line]);

    expect(cut).toHaveLength(1);
    expect(cut[0].index).toBe(0);
    expect(cut[0].sides).toEqual([1]);
    // The start stays; the end now lies past the left-out glyph (82–98).
    expect(cut[0].grown.cx - cut[0].grown.width / 2).toBeCloseTo(19, 5);
    expect(cut[0].grown.cx + cut[0].grown.width / 2).toBeGreaterThan(98);
  });

  it('leaves a glyph with clean paper after it to the ordinary growth, and a ring with no glyph before it alone', () => {
    expect(lineEndsAgainstMarks(page(glyphs(20, 40, 60, 82)), [line])).toEqual([]);
    expect(lineEndsAgainstMarks(page([...glyphs(20, 40, 60), ringAt(82)]), [line])).toEqual([]);
  });

  it('leaves ink another line’s region holds alone (a value boxed on its own just past its label)', () => {
    const raster = page([...glyphs(20, 40, 60, 82, 102), ringAt(118)]);
    const value: TextRegion = { cx: 100, cy: 40, width: 40, height: 24, angle: 0, score: 0.9 };

    expect(lineEndsAgainstMarks(raster, [line, value]).some((cut) => cut.index === 0)).toBe(false);
  });
});

describe('readingPastCutEnds', () => {
  it('takes the digit a seal’s ring hid past a date’s end, capped, and drops the ring read as a bracket', () => {
    const reading = readingPastCutEnds(evenlySpacedReading('签订日期：2019-06-1', 0.99), evenlySpacedReading('签订日期：2019-06-17)', 0.98), [1]);

    expect(reading?.text).toBe('签订日期：2019-06-17');
    expect(reading?.characterConfidences.at(-1)).toBe(UNCONFIRMED_CHARACTER_CONFIDENCE);
    expect(reading?.characterConfidences[0]).toBe(0.99);
  });

  it('keeps the line’s own last character where the grown reading changed it less surely (`有限公` + `司`)', () => {
    const grown = evenlySpacedReading('杭州华创电气设备有限密司', [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.39, 1]);

    const reading = readingPastCutEnds(evenlySpacedReading('杭州华创电气设备有限公', [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.77]), grown, [1]);

    expect(reading?.text).toBe('杭州华创电气设备有限公司');
    expect(reading?.characterConfidences.slice(-2)).toEqual([UNCONFIRMED_CHARACTER_CONFIDENCE, UNCONFIRMED_CHARACTER_CONFIDENCE]);
  });

  it('gives nothing when the grown reading changes the line elsewhere, gains only marks, or gains at an end not grown', () => {
    expect(readingPastCutEnds(evenlySpacedReading('签订日期：2019-06-1', 0.99), evenlySpacedReading('签订日期：2018-06-17', 0.98), [1])).toBeUndefined();
    expect(readingPastCutEnds(evenlySpacedReading('签订日期：2019-06-1', 0.99), evenlySpacedReading('签订日期：2019-06-1)|', 0.98), [1])).toBeUndefined();
    expect(readingPastCutEnds(evenlySpacedReading('签订日期：2019-06-1', 0.99), evenlySpacedReading('印签订日期：2019-06-1', 0.98), [1])).toBeUndefined();
  });
});
