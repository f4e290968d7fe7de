import { describe, expect, it } from 'vitest';
import { UNCONFIRMED_CHARACTER_CONFIDENCE, withEndsUnconfirmed } from '../../shared/ocr/paddle-ocr-engine.js';
import type { Raster } from '../../shared/ocr/raster.js';
import type { RecognisedText } from '../../shared/ocr/text-lines.js';
import type { TextRegion } from '../../shared/ocr/text-regions.js';
import { withGlyphsPastLineEnds } from '../../shared/ocr/unboxed-glyphs.js';

const WIDTH = 200;
const HEIGHT = 80;
const PAPER = 250;

/** A page of paper at 250 with blocks of the given luminance (x0, y0 inclusive; x1, y1 exclusive). */
function page(blocks: [number, number, number, number, number][]): Raster {
  const data = new Uint8Array(WIDTH * HEIGHT * 3).fill(PAPER);
  for (const [x0, y0, x1, y1, level] of blocks) {
    for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) data.set([level, level, level], (y * WIDTH + x) * 3);
  }
  return { data, width: WIDTH, height: HEIGHT };
}

/** Two boxed characters, dark print (30) 14 px high on the row centred at y 40, in a region 24 px high at x 48–92. */
const PRINT: [number, number, number, number, number][] = [
  [52, 33, 66, 47, 30],
  [72, 33, 86, 47, 30],
];
const line: TextRegion = { cx: 70, cy: 40, width: 44, height: 24, angle: 0, score: 0.9 };
/** A `一` before the line's start, crossing it: 13 px long, 3 px thick. */
const strokeAt = (level: number): [number, number, number, number, number] => [38, 39, 51, 42, level];
const start = (region: TextRegion): number => region.cx - region.width / 2;

describe('withGlyphsPastLineEnds on faint glyphs', () => {
  it('grows a line over a faint stroke before its start and notes that end (a blurred `一` at 210 on paper at 250)', () => {
    const [grown] = withGlyphsPastLineEnds(page([...PRINT, strokeAt(210)]), [line]);

    expect(start(grown)).toBeLessThanOrEqual(38);
    expect(start(grown)).toBeGreaterThan(38 - 0.3 * line.height);
    expect(grown.faintEnds).toEqual([-1]);
  });

  it('notes no faint end where the stroke is dark enough for the half-way test', () => {
    const [grown] = withGlyphsPastLineEnds(page([...PRINT, strokeAt(60)]), [line]);

    expect(start(grown)).toBeLessThanOrEqual(38);
    expect(grown.faintEnds).toBeUndefined();
  });

  it('leaves a line alone beside paper grain paler than the faint test (a JPEG ripple at 235)', () => {
    const regions = [line];

    expect(withGlyphsPastLineEnds(page([...PRINT, strokeAt(235)]), regions)).toBe(regions);
  });

  it('leaves a line alone where the faint ink runs on past a character (a pale rule) or another region holds it', () => {
    const rule: [number, number, number, number, number] = [94, 39, 190, 42, 210];
    const beside: [number, number, number, number, number] = [94, 39, 107, 42, 210];
    const holder: TextRegion = { cx: 101, cy: 40, width: 16, height: 24, angle: 0, score: 0.9 };

    expect(withGlyphsPastLineEnds(page([...PRINT, beside]), [line])[0].faintEnds).toEqual([1]);
    expect(withGlyphsPastLineEnds(page([...PRINT, rule]), [line])[0]).toBe(line);
    expect(withGlyphsPastLineEnds(page([...PRINT, beside]), [line, holder])[0]).toBe(line);
  });
});

describe('withEndsUnconfirmed', () => {
  const reading: RecognisedText = {
    text: '一西路377号：',
    confidence: 0.99,
    characters: ['一', '西', '路', '3', '7', '7', '号', '：'],
    characterConfidences: [0.96, 1, 1, 0.99, 1, 1, 1, 0.98],
    characterPositions: [0.04, 0.12, 0.25, 0.38, 0.47, 0.56, 0.7, 0.9],
  };

  it('caps the letter or digit at a faint end, passing over punctuation, and leaves the rest and the text', () => {
    const capped = UNCONFIRMED_CHARACTER_CONFIDENCE;

    expect(withEndsUnconfirmed(reading, [-1]).characterConfidences).toEqual([capped, 1, 1, 0.99, 1, 1, 1, 0.98]);
    expect(withEndsUnconfirmed(reading, [1]).characterConfidences).toEqual([0.96, 1, 1, 0.99, 1, 1, capped, 0.98]);
    expect(withEndsUnconfirmed(reading, [1, -1]).text).toBe('一西路377号：');
  });
});
