import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createPaddleOcrEngine } from '../../shared/ocr/index.js';
import { hasUnsureCharacter } from '../../shared/ocr/unsure-characters.js';

// A line read surely on the whole (mean ≥ 0.85) can hold one character the recogniser was unsure of (`莫千山路`, `千`
// at 0.61 on a noisy scan); such a line is read a second time from a looser crop (docs/ocr.md, "photoline15"). Real
// models in the engine test; the machine is shared, so the timeout is generous (nothing here asserts time).

const read = (characters: string[], characterConfidences: number[]) => ({ characters, characterConfidences });

describe('hasUnsureCharacter', () => {
  it('finds a CJK character, a letter or a digit read under 0.7', () => {
    expect(hasUnsureCharacter(read(['莫', '千', '山', '路'], [1, 0.61, 1, 1]))).toBe(true);
    expect(hasUnsureCharacter(read(['2', '0', '1', '8'], [1, 0.55, 1, 1]))).toBe(true);
    expect(hasUnsureCharacter(read(['M', 'A'], [0.69, 1]))).toBe(true);
  });

  it('does not count unsure punctuation, nor characters at 0.7 and over', () => {
    expect(hasUnsureCharacter(read(['技', '术', '、', '开', '发', '：'], [1, 1, 0.4, 1, 1, 0.5]))).toBe(false);
    expect(hasUnsureCharacter(read(['天', '日', '山'], [0.89, 0.7, 1]))).toBe(false);
    expect(hasUnsureCharacter(read([], []))).toBe(false);
  });
});

/** Two lines in 28-px type, blurred, JPEG 60; the `干` of the second printed so faint that it reads unsure. */
async function addressWithAFaintCharacter(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="300"><rect width="100%" height="100%" fill="#fff"/>
<text x="80" y="80" font-family="Noto Sans CJK SC" font-size="28" fill="#222">经营场所：浙江省杭州市西湖区</text>
<text x="80" y="160" font-family="Noto Sans CJK SC" font-size="28" fill="#222">莫<tspan fill="#f2f2f2">干</tspan>山路297号9幢206室</text></svg>`;
  return sharp(Buffer.from(svg)).blur(1.2).jpeg({ quality: 60 }).toBuffer();
}

describe('PaddleOcrEngine, a sure line with an unsure character', () => {
  it('is read a second time from a looser crop, and only with the step on', { timeout: 180_000 }, async () => {
    const bytes = await addressWithAFaintCharacter();
    const without = await createPaddleOcrEngine({ unsureCharacters: false }).recognize({ bytes, pageNumber: 1 });
    const withStep = await createPaddleOcrEngine().recognize({ bytes, pageNumber: 1 });
    const address = (lines: typeof without.lines) => lines.find((line) => line.text.startsWith('莫'))!;

    // The line's mean is sure, one character is not: no second reading by the mean.
    const first = address(without.lines);
    expect(first.confidence).toBeGreaterThanOrEqual(0.85);
    expect(first.words!.some((word) => word.confidence < 0.7)).toBe(true);
    expect(first.secondReading).toBeUndefined();

    const again = address(withStep.lines);
    expect(again.secondReading).toBeDefined();
    expect(again.text).toBe('莫干山路297号9幢206室');
    // The first line, sure throughout, is not read again.
    expect(withStep.lines[0].secondReading).toBeUndefined();
  });
});
