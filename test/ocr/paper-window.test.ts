import { describe, expect, it } from 'vitest';
import { paperWindow } from '../../shared/ocr/text-regions.js';

// A photo of a document on a table: the table around the paper holds no print, so the page's detection reads the
// paper's window only (docs/ocr.md, "cpu32"). Synthetic RGB pages, levels drawn directly.

/** A `width` × `height` grey page at `level`, with `paint(x, y)` overriding the level where it returns one. */
function page(width: number, height: number, level: number, paint: (x: number, y: number) => number | undefined): Uint8Array {
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) data.fill(paint(x, y) ?? level, (y * width + x) * 3, (y * width + x) * 3 + 3);
  }
  return data;
}

/** Print: 3-px strokes every 12 px along rows 20 px apart, inside the box. */
const strokes = (x0: number, y0: number, x1: number, y1: number) => (x: number, y: number) =>
  x >= x0 && x < x1 && y >= y0 && y < y1 && (y - y0) % 20 < 14 && (x - x0) % 12 < 3 ? 30 : undefined;

describe('paperWindow', () => {
  it('finds a bright paper on a darker table, grown a margin, as shares of the page', () => {
    const print = strokes(150, 150, 650, 850);
    const data = page(800, 1000, 90, (x, y) => print(x, y) ?? (x >= 100 && x < 700 && y >= 100 && y < 900 ? 230 : undefined));

    const window = paperWindow(data, 800, 1000);

    expect(window).toBeDefined();
    // The paper spans 0.125–0.875 across and 0.1–0.9 down; 2.5 % of the 1,000-px side is kept around it.
    expect(window!.x0).toBeCloseTo(0.094, 2);
    expect(window!.x1).toBeCloseTo(0.906, 2);
    expect(window!.y0).toBeCloseTo(0.075, 2);
    expect(window!.y1).toBeCloseTo(0.925, 2);
  });

  it('leaves a scan, all paper, whole', () => {
    const data = page(800, 1000, 235, strokes(80, 80, 720, 920));

    expect(paperWindow(data, 800, 1000)).toBeUndefined();
  });

  it('leaves a page whole where a shadow darkens the paper’s edge with print in it', () => {
    // The left quarter shadowed down to the table's level, labels printed in it.
    const print = strokes(40, 100, 760, 900);
    const data = page(800, 1000, 230, (x, y) => {
      const ink = print(x, y);
      if (x < 200) return ink !== undefined ? 20 : 95;
      return ink;
    });

    expect(paperWindow(data, 800, 1000)).toBeUndefined();
  });
});
