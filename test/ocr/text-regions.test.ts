import { describe, expect, it } from 'vitest';
import { DEFAULT_DETECTION_SETTINGS, readingOrder, regionCorners, regionsFromProbability, type TextRegion } from '../../shared/ocr/text-regions.js';
import { decodeCtc } from '../../shared/ocr/text-lines.js';

/** A probability map with filled rectangles (turned by `angle` degrees about their centre) at probability 0.9. */
function probabilityMap(width: number, height: number, bars: { cx: number; cy: number; length: number; thickness: number; angle?: number }[]): Float32Array {
  const map = new Float32Array(width * height);
  for (const bar of bars) {
    const a = ((bar.angle ?? 0) * Math.PI) / 180;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const dx = x + 0.5 - bar.cx;
        const dy = y + 0.5 - bar.cy;
        const u = dx * Math.cos(a) + dy * Math.sin(a);
        const v = -dx * Math.sin(a) + dy * Math.cos(a);
        if (Math.abs(u) <= bar.length / 2 && Math.abs(v) <= bar.thickness / 2) map[y * width + x] = 0.9;
      }
    }
  }
  return map;
}

describe('regionsFromProbability', () => {
  it('finds a horizontal text kernel and grows it by the unclip distance', () => {
    const map = probabilityMap(200, 60, [{ cx: 100, cy: 30, length: 120, thickness: 10 }]);

    const { regions, lineCount, dominantAngle } = regionsFromProbability(map, 200, 60, DEFAULT_DETECTION_SETTINGS);

    expect(regions).toHaveLength(1);
    expect(lineCount).toBe(1);
    expect(dominantAngle).toBeCloseTo(0, 2);
    const [region] = regions;
    expect(region.cx).toBeCloseTo(100, 0);
    expect(region.cy).toBeCloseTo(30, 0);
    // unclip distance = 120 × 10 × 1.5 / (2 × 130) ≈ 6.9 on each side.
    expect(region.width).toBeCloseTo(120 + 13.8, 0);
    expect(region.height).toBeCloseTo(10 + 13.8, 0);
  });

  it('follows a line skewed by 4° so it can be straightened', () => {
    const map = probabilityMap(300, 120, [{ cx: 150, cy: 60, length: 200, thickness: 12, angle: 4 }]);

    const { regions } = regionsFromProbability(map, 300, 120, DEFAULT_DETECTION_SETTINGS);

    expect((regions[0].angle * 180) / Math.PI).toBeCloseTo(4, 0);
  });

  it('reports a dominant direction near ±90° for a page lying on its side', () => {
    const map = probabilityMap(120, 300, [
      { cx: 30, cy: 150, length: 200, thickness: 12, angle: 90 },
      { cx: 80, cy: 150, length: 160, thickness: 12, angle: 90 },
    ]);

    const { dominantAngle, lineCount } = regionsFromProbability(map, 120, 300, DEFAULT_DETECTION_SETTINGS);

    expect(lineCount).toBe(2);
    expect(Math.abs(dominantAngle)).toBeCloseTo(Math.PI / 2, 2);
  });

  it('grows neighbouring kernels on one line only to the middle of the gap between them', () => {
    // "第四条" and "乙方月工资…" separated by a full-width space: each would otherwise grow into the other.
    const map = probabilityMap(400, 60, [
      { cx: 60, cy: 30, length: 80, thickness: 12 },
      { cx: 240, cy: 30, length: 260, thickness: 12 },
    ]);

    const { regions } = regionsFromProbability(map, 400, 60, DEFAULT_DETECTION_SETTINGS);

    const [left, right] = [...regions].sort((a, b) => a.cx - b.cx);
    const leftEnd = left.cx + left.width / 2;
    const rightStart = right.cx - right.width / 2;
    // Kernels end at x = 100 and start at x = 110 (closer than the ≈ 7.8 px each would grow): the boundary is 105.
    expect(leftEnd).toBeCloseTo(105, 0);
    expect(rightStart).toBeCloseTo(105, 0);
    // The far ends and the height keep the full unclip distance.
    expect(left.cx - left.width / 2).toBeLessThan(15);
    expect(right.height).toBeGreaterThan(20);
  });

  it('drops specks and faint regions under the box threshold', () => {
    const map = probabilityMap(100, 40, [{ cx: 50, cy: 20, length: 2, thickness: 2 }]);
    map.fill(0.4, 0, 100 * 10);

    const { regions } = regionsFromProbability(map, 100, 40, DEFAULT_DETECTION_SETTINGS);

    expect(regions).toEqual([]);
  });
});

describe('readingOrder', () => {
  const region = (cx: number, cy: number): TextRegion => ({ cx, cy, width: 100, height: 30, angle: 0, score: 1 });

  it('orders regions by row, then left to right within a row', () => {
    const value = region(400, 105);
    const label = region(100, 100);
    const below = region(100, 200);

    expect(readingOrder([below, value, label])).toEqual([label, value, below]);
  });
});

describe('regionCorners', () => {
  it('returns the corners clockwise from the top left in reading direction', () => {
    const corners = regionCorners({ cx: 50, cy: 20, width: 40, height: 10, angle: 0, score: 1 });

    expect(corners).toEqual([
      [30, 15],
      [70, 15],
      [70, 25],
      [30, 25],
    ]);
  });
});

describe('decodeCtc', () => {
  it('collapses repeats, drops blanks and averages the kept probabilities', () => {
    const alphabet = ['王', '晓', '明'];
    // Steps: 王 王 blank 晓 明 明 → 王晓明; classes = blank + 3.
    const best = [1, 1, 0, 2, 3, 3];
    const probabilities = new Float32Array(best.length * 4);
    best.forEach((c, t) => {
      probabilities.fill(0.05, t * 4, t * 4 + 4);
      probabilities[t * 4 + c] = c === 3 ? 0.8 : 0.9;
    });

    const decoded = decodeCtc(probabilities, 0, best.length, 4, alphabet);

    expect(decoded.text).toBe('王晓明');
    expect(decoded.characters).toEqual(['王', '晓', '明']);
    // The step that first emitted each character.
    expect(decoded.characterPositions).toEqual([0, 3, 4]);
    expect(decoded.characterConfidences.map((p) => Number(p.toFixed(2)))).toEqual([0.9, 0.9, 0.8]);
    expect(decoded.confidence).toBeCloseTo(0.8667, 3);
  });
});
