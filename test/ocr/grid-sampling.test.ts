import { describe, expect, it } from 'vitest';
import { valueAtPixel } from '../../shared/ocr/grid-sampling.js';

describe('a coarse grid sampled at a pixel', () => {
  const grid = { values: [0, 10, 20, 30], across: 2, down: 2, cellWidth: 100, cellHeight: 100 };

  it("gives a cell's own value at its centre", () => {
    expect(valueAtPixel(grid, 50, 50)).toBe(0);
    expect(valueAtPixel(grid, 150, 150)).toBe(30);
  });

  it('blends the four nearest centres bilinearly between them', () => {
    expect(valueAtPixel(grid, 100, 50)).toBe(5);
    expect(valueAtPixel(grid, 50, 100)).toBe(10);
    expect(valueAtPixel(grid, 100, 100)).toBe(15);
  });

  it("holds the edge cells' values beyond the outer centres", () => {
    expect(valueAtPixel(grid, 0, 0)).toBe(0);
    expect(valueAtPixel(grid, 500, 500)).toBe(30);
  });
});
