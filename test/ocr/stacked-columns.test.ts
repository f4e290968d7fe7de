import { describe, expect, it } from 'vitest';
import { blockPage } from '../support/painted-rasters.js';
import { columnAsRow, isStackedColumn } from '../../shared/ocr/stacked-columns.js';
import type { Raster } from '../../shared/ocr/raster.js';
import type { TextRegion } from '../../shared/ocr/text-regions.js';

const WIDTH = 120;
const HEIGHT = 200;

/** A light page with dark rectangles (x0, y0 inclusive; x1, y1 exclusive). */
const page = (blocks: [number, number, number, number][]): Raster => blockPage(WIDTH, HEIGHT, blocks);

/**
 * Three 20-px glyphs stacked down x 50–70, 6 px of paper between them: a solid block, a `三` (three strokes with paper
 * between them), a vertical bar in the glyph's left quarter.
 */
const BLOCK: [number, number, number, number][] = [[50, 40, 70, 60]];
const THREE: [number, number, number, number][] = [
  [50, 66, 70, 69],
  [52, 74, 68, 77],
  [50, 83, 70, 86],
];
const BAR: [number, number, number, number][] = [[50, 92, 55, 112]];
const COLUMN = page([...BLOCK, ...THREE, ...BAR]);

/** The column's region as the detector gives it: reading direction down or up the page, 30 px thick. */
const down: TextRegion = { cx: 60, cy: 76, width: 90, height: 30, angle: Math.PI / 2, score: 0.8 };
const up: TextRegion = { ...down, angle: -Math.PI / 2 };

/** Share of dark pixels in the row's cell `k` (cells of `cellWidth` after half a margin), and in its left quarter. */
function cellInk(raster: Raster, cellWidth: number, margin: number, k: number): { all: number; left: number } {
  let all = 0;
  let left = 0;
  let count = 0;
  const from = Math.round(margin / 2) + k * cellWidth;
  for (let y = 0; y < raster.height; y++) {
    for (let x = from; x < from + cellWidth; x++) {
      count++;
      if (raster.data[(y * raster.width + x) * 3] < 128) {
        all++;
        if (x < from + margin / 2 + cellWidth / 4) left++;
      }
    }
  }
  return { all: all / count, left: all === 0 ? 0 : left / all };
}

describe('isStackedColumn', () => {
  it('takes a straight region running down the page, at least 2.5 of its widths long', () => {
    expect(isStackedColumn(down)).toBe(true);
    expect(isStackedColumn(up)).toBe(true);
    expect(isStackedColumn({ ...down, angle: Math.PI / 2 - 0.2 })).toBe(true);
  });

  it('leaves lines running across the page, short columns and bent lines alone', () => {
    expect(isStackedColumn({ ...down, angle: 0 })).toBe(false);
    expect(isStackedColumn({ ...down, angle: Math.PI / 4 })).toBe(false);
    expect(isStackedColumn({ ...down, width: 60 })).toBe(false);
    expect(isStackedColumn({ ...down, centreLine: { along: [-45, 0, 45], across: [3, 0, 3] } })).toBe(false);
  });
});

describe('columnAsRow', () => {
  it('cuts a column at the paper between its characters, keeping the strokes of a `三` together', () => {
    const row = columnAsRow(COLUMN, down)!;

    expect(row.characters).toHaveLength(3);
    expect(row.raster.width).toBe(3 * row.cellWidth + row.margin);
    expect(row.raster.height).toBeGreaterThan(20);
    expect(row.region).toMatchObject({ angle: 0, width: row.raster.width, height: row.raster.height });
  });

  it('lays the characters side by side, upright and top first, whichever way the region was found', () => {
    for (const region of [down, up]) {
      const row = columnAsRow(COLUMN, region)!;
      const [block, three, bar] = [0, 1, 2].map((k) => cellInk(row.raster, row.cellWidth, row.margin, k));

      // The block fills most of its cell's glyph; the `三`'s strokes are less ink; the bar sits at its cell's left.
      expect(block.all).toBeGreaterThan(three.all);
      expect(three.all).toBeGreaterThan(0.1);
      expect(bar.left).toBeGreaterThan(0.9);
      expect(block.left).toBeLessThan(0.5);
    }
  });

  it('gives nothing for a column of paper, or of a single character', () => {
    expect(columnAsRow(page([]), down)).toBeUndefined();
    expect(columnAsRow(page(BLOCK), { ...down, cy: 50, width: 80 })).toBeUndefined();
  });
});
