import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createPaddleOcrEngine } from '../../shared/ocr/index.js';
import { hasUnsureCharacter, LONG_LINE_HEIGHTS, unsureStretch } from '../../shared/ocr/unsure-characters.js';

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

describe('unsureStretch', () => {
  // A line 20 line heights long (1,000 × 50 px) of 20 characters, each at its centre.
  const positions = Array.from({ length: 20 }, (_, k) => (k + 0.5) / 20);
  const line = (confidences: number[], characters = confidences.map(() => '技')) => ({
    characters,
    characterConfidences: confidences,
    characterPositions: positions,
  });
  const region = (width: number) => ({ cx: 500, cy: 100, width, height: 50, angle: 0, score: 0.9 });
  const sure = Array.from({ length: 20 }, () => 0.99);

  it('is half a line height either side of a long line’s unsure characters, from its centre', () => {
    const one = sure.map((c, k) => (k === 3 ? 0.6 : c));
    expect(unsureStretch(region(1000), line(one))).toEqual({ from: -325 - 25, to: -325 + 25 });
    const two = one.map((c, k) => (k === 15 ? 0.4 : c));
    expect(unsureStretch(region(1000), line(two))).toEqual({ from: -325 - 25, to: 275 + 25 });
  });

  it('is none for a line under LONG_LINE_HEIGHTS line heights, or one with no unsure letter, digit or CJK character', () => {
    const one = sure.map((c, k) => (k === 3 ? 0.6 : c));
    expect(unsureStretch(region(LONG_LINE_HEIGHTS * 50 - 1), line(one))).toBeUndefined();
    expect(unsureStretch(region(1000), line(sure))).toBeUndefined();
    const punctuation = line(
      one,
      one.map((_, k) => (k === 3 ? '、' : '技')),
    );
    expect(unsureStretch(region(1000), punctuation)).toBeUndefined();
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

/** A business licence's scope in one line of 28-px type, blurred, JPEG 60; its `咨` printed light enough to read unsure. */
async function longLineWithAFaintCharacter(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1400" height="300"><rect width="100%" height="100%" fill="#fff"/>
<text x="60" y="80" font-family="Noto Sans CJK SC" font-size="28" fill="#222">经营范围：浙江省杭州市西湖区</text>
<text x="60" y="160" font-family="Noto Sans CJK SC" font-size="28" fill="#222">一般项目：技术服务、技术开发、技术<tspan fill="#d8d8d8">咨</tspan>询、技术交流、技术转让、技术推广；软件开发</text></svg>`;
  return sharp(Buffer.from(svg)).blur(1.2).jpeg({ quality: 60 }).toBuffer();
}

describe('PaddleOcrEngine, a long sure line with an unsure character', () => {
  it('is read a second time only about that character, spliced into its first reading', { timeout: 180_000 }, async () => {
    const bytes = await longLineWithAFaintCharacter();
    let stretchReadings = -1;
    const page = await createPaddleOcrEngine({ onTimings: (timings) => (stretchReadings = timings.stretchReadings) }).recognize({ bytes, pageNumber: 1 });
    const scope = page.lines.find((line) => line.text.startsWith('一般项目'))!;
    expect(scope.secondReading).toBeDefined();
    expect(scope.text).toBe('一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发');
    // One stretch read, not the whole line (main read the whole line again: no stretch there).
    expect(stretchReadings).toBe(1);
  });
});
