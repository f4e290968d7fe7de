import { describe, expect, it } from 'vitest';
import { blockPage } from '../support/painted-rasters.js';
import { UNCONFIRMED_CHARACTER_CONFIDENCE, wholeReadingOfSplitLine } from '../../shared/ocr/paddle-ocr-engine.js';
import type { Raster } from '../../shared/ocr/raster.js';
import type { TextRegion } from '../../shared/ocr/text-regions.js';
import { linesSplitOverGlyphs } from '../../shared/ocr/unboxed-glyphs.js';
import { evenlySpacedReading } from '../support/recognised-text.js';

const WIDTH = 320;
const HEIGHT = 80;

/** A light page with dark rectangles (x0, y0 inclusive; x1, y1 exclusive). */
const page = (blocks: [number, number, number, number][]): Raster => blockPage(WIDTH, HEIGHT, blocks);

/** Square glyphs 16 px high on the row centred at y 40, each 16 px wide, starting at these x. */
function glyphs(...starts: number[]): [number, number, number, number][] {
  return starts.map((x) => [x, 32, x + 16, 48]);
}

/** The first piece, `杭州`: two glyphs at x 20–56, boxed 20–58 in a region 24 px high. */
const first: TextRegion = { cx: 39, cy: 40, width: 38, height: 24, angle: 0, score: 0.9 };
/** The second piece, `溪职业`, boxed from x 80 (a glyph at 60–76 lies between the two, in neither). */
const second: TextRegion = { cx: 110, cy: 40, width: 60, height: 24, angle: 0, score: 0.9 };

describe('linesSplitOverGlyphs', () => {
  it('finds a line cut in two with a glyph between the pieces in neither (a seal’s star over `西`)', () => {
    const raster = page(glyphs(20, 40, 60, 82, 102, 122));

    const splits = linesSplitOverGlyphs(raster, [first, second]);

    expect(splits).toHaveLength(1);
    expect(splits[0].first).toBe(0);
    expect(splits[0].second).toBe(1);
    // The joined region runs from the first piece's start to the second's end, on their band.
    expect(splits[0].joined.cx - splits[0].joined.width / 2).toBeCloseTo(20, 5);
    expect(splits[0].joined.cx + splits[0].joined.width / 2).toBeCloseTo(140, 5);
    expect(splits[0].joined.cy).toBeCloseTo(40, 5);
  });

  it('leaves a label and its value apart when the paper between them is clean', () => {
    const raster = page(glyphs(20, 40, 82, 102, 122));

    expect(linesSplitOverGlyphs(raster, [first, second])).toEqual([]);
  });

  it('leaves pieces apart when another region lies between them', () => {
    const raster = page(glyphs(20, 40, 60, 82, 102, 122));
    const between: TextRegion = { cx: 68, cy: 40, width: 20, height: 24, angle: 0, score: 0.9 };

    expect(linesSplitOverGlyphs(raster, [first, between, second]).some((split) => split.first === 0 && split.second === 2)).toBe(false);
  });

  it('leaves pieces on different rows, or too far apart, alone', () => {
    const raster = page([...glyphs(20, 40, 60, 82, 102, 122), ...glyphs(200, 220, 240)]);
    const lower: TextRegion = { ...second, cy: 52 };
    const far: TextRegion = { cx: 230, cy: 40, width: 60, height: 24, angle: 0, score: 0.9 };

    expect(linesSplitOverGlyphs(raster, [first, lower])).toEqual([]);
    expect(linesSplitOverGlyphs(raster, [first, far])).toEqual([]);
  });
});

describe('wholeReadingOfSplitLine', () => {
  it('keeps the whole reading that holds the pieces and the glyph between them, that glyph capped', () => {
    const whole = wholeReadingOfSplitLine(evenlySpacedReading('杭州', 0.99), evenlySpacedReading('溪职业技术培训中心', 0.95), [
      evenlySpacedReading('杭州西溪职业技术培训中心', 0.99),
    ]);

    expect(whole?.text).toBe('杭州西溪职业技术培训中心');
    // `西` was seen by the whole reading only; its neighbours were read by the pieces but lost a character beside them.
    expect(whole?.characterConfidences[2]).toBe(UNCONFIRMED_CHARACTER_CONFIDENCE);
    expect(whole?.characterConfidences[5]).toBe(0.99);
  });

  it('takes the surer of the readings that hold more (`2014-03-05` over `201.3-05`)', () => {
    const whole = wholeReadingOfSplitLine(evenlySpacedReading('2014', 0.9), evenlySpacedReading('-05', 0.97), [
      evenlySpacedReading('201.3-05', 0.86),
      evenlySpacedReading('2014-03-05', 0.88),
    ]);

    expect(whole?.text).toBe('2014-03-05');
  });

  it('keeps the pieces when the whole reading holds nothing more (a label and its value)', () => {
    const whole = wholeReadingOfSplitLine(evenlySpacedReading('姓名：', 0.99), evenlySpacedReading('王一', 0.99), [evenlySpacedReading('姓名：王一', 0.99)]);

    expect(whole).toBeUndefined();
  });

  it('keeps the pieces when the whole reading gains only a bracket between them (a number and its mark)', () => {
    const whole = wholeReadingOfSplitLine(evenlySpacedReading('S3301061816', 0.99), evenlySpacedReading('复印件)', 0.95), [
      evenlySpacedReading('S3301061816（复印件）', 0.97),
    ]);

    expect(whole).toBeUndefined();
  });

  it('keeps the pieces when the whole reading is unsure or reads other characters', () => {
    const first = evenlySpacedReading('杭州', 0.99);
    const second = evenlySpacedReading('溪职业', 0.99);

    expect(wholeReadingOfSplitLine(first, second, [evenlySpacedReading('杭州西溪职业', 0.6)])).toBeUndefined();
    expect(wholeReadingOfSplitLine(first, second, [evenlySpacedReading('杭城西区文一路', 0.95)])).toBeUndefined();
    expect(wholeReadingOfSplitLine(first, second, [undefined])).toBeUndefined();
  });
});
