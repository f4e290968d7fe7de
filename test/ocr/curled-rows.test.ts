import { describe, expect, it } from 'vitest';
import { flattenedRegion, rowFlattening } from '../../shared/ocr/bent-lines.js';
import type { TextRegion } from '../../shared/ocr/text-regions.js';

const PAGE = { width: 2000, height: 1400 };
const ROWS = [200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100];

/** How far a curled page lifts a row at x (px, negative = up): flat over the left 60 %, then rising to the edge. */
function lift(x: number, rise: number): number {
  const bend = Math.max(0, x / PAGE.width - 0.6) / 0.4;
  return -rise * bend * bend;
}

/** A long line from x0 to x1 whose middle runs at `row + lift(x)`, as the detector reports a bent line. */
function bentLine(row: number, x0: number, x1: number, rise: number): TextRegion {
  const xs = Array.from({ length: 31 }, (_, k) => x0 + ((x1 - x0) * k) / 30);
  const ys = xs.map((x) => row + lift(x, rise));
  const middle = ys.reduce((a, b) => a + b, 0) / ys.length;
  const cx = (x0 + x1) / 2;
  return {
    cx,
    cy: middle,
    width: x1 - x0,
    height: 40,
    angle: 0,
    score: 0.9,
    centreLine: { along: xs.map((x) => x - cx), across: ys.map((y) => y - middle) },
  };
}

/** A short line from x0 to x1 on the same row, read as one rectangle along the chord of its stretch of the row. */
function straightLine(row: number, x0: number, x1: number, rise: number): TextRegion {
  const y0 = row + lift(x0, rise);
  const y1 = row + lift(x1, rise);
  const angle = Math.atan2(y1 - y0, x1 - x0);
  return { cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, width: Math.hypot(x1 - x0, y1 - y0), height: 40 + Math.abs(y1 - y0), angle, score: 0.9 };
}

/** A form on a page curled up at its right edge: a label on the flat side, its value on the curled side; every other row also carries a long line across the page. */
function curledForm(rise: number): { regions: TextRegion[]; labels: TextRegion[]; values: TextRegion[] } {
  const labels = ROWS.map((row) => straightLine(row, 100, 400, rise));
  const values = ROWS.map((row) => straightLine(row, 1450, 1850, rise));
  const long = ROWS.filter((_, k) => k % 2 === 1).map((row) => bentLine(row + 50, 100, 1900, rise));
  return { regions: [...labels, ...values, ...long], labels, values };
}

describe('rows of a curled page straightened for the reader', () => {
  it('puts a value on the curled side back on its label’s row', () => {
    const { regions, labels, values } = curledForm(160);

    const flattening = rowFlattening(regions, PAGE.width, PAGE.height);

    expect(flattening).toBeDefined();
    labels.forEach((label, k) => {
      const value = values[k];
      // As the page put them, the value sits about a row higher than its label …
      expect(label.cy - value.cy).toBeGreaterThan(60);
      // … and on the straightened rows within a quarter of a row of it, level.
      const [flatLabel, flatValue] = [flattenedRegion(label, flattening!), flattenedRegion(value, flattening!)];
      expect(Math.abs(flatLabel.cy - flatValue.cy)).toBeLessThan(25);
      expect(flatValue.angle).toBe(0);
    });
  });

  it('keeps the flat side of the page where it is', () => {
    const { regions, labels } = curledForm(160);

    const flattening = rowFlattening(regions, PAGE.width, PAGE.height)!;

    for (const label of labels) expect(Math.abs(flattenedRegion(label, flattening).cy - label.cy)).toBeLessThan(4);
    expect(flattening.referenceX).toBeLessThan(0.6 * PAGE.width);
  });

  it('leaves a flat page alone, even one turned a little in the scanner', () => {
    const skew = Math.tan((2 * Math.PI) / 180);
    const regions = ROWS.map((row): TextRegion => ({ cx: 1000, cy: row, width: 1600, height: 40, angle: Math.atan(skew), score: 0.9 }));

    expect(rowFlattening(regions, PAGE.width, PAGE.height)).toBeUndefined();
  });

  it('leaves a flat page with two bent lines alone (a stroke across a line is not a curl)', () => {
    const { labels, values } = curledForm(0);
    const regions = [...labels, ...values, bentLine(250, 100, 1900, 160), bentLine(450, 100, 1900, 160)];

    expect(rowFlattening(regions, PAGE.width, PAGE.height)).toBeUndefined();
  });

  it('straightens a page curled at its edge where only short labels stand, none long enough to bend', () => {
    // The left edge lifts: labels there are tilted rectangles, values on the flat part level; no bent line at all.
    const edge = (x: number) => lift(PAGE.width - x, 100);
    const tilted = (row: number, x0: number, x1: number): TextRegion => {
      const [y0, y1] = [row + edge(x0), row + edge(x1)];
      return { cx: (x0 + x1) / 2, cy: (y0 + y1) / 2, width: x1 - x0, height: 40 + Math.abs(y1 - y0), angle: Math.atan2(y1 - y0, x1 - x0), score: 0.9 };
    };
    const labels = ROWS.map((row) => tilted(row, 60, 300));
    const values = ROWS.map((row) => tilted(row, 900, 1500));

    const flattening = rowFlattening([...labels, ...values], PAGE.width, PAGE.height);

    expect(flattening).toBeDefined();
    labels.forEach((label, k) => {
      expect(Math.abs(label.cy - values[k].cy)).toBeGreaterThan(50);
      expect(Math.abs(flattenedRegion(label, flattening!).cy - flattenedRegion(values[k], flattening!).cy)).toBeLessThan(25);
    });
  });

  it('leaves a photo’s perspective alone (its rows turn with their height on the page, alike across it)', () => {
    // Keystone: rows converge towards the top; each row is straight, turned by an angle that depends on its height.
    const regions = ROWS.flatMap((row) => {
      const angle = Math.atan((700 - row) * 1e-4);
      return [400, 1000, 1600].map((cx): TextRegion => ({ cx, cy: row, width: 500, height: 40, angle, score: 0.9 }));
    });

    expect(rowFlattening(regions, PAGE.width, PAGE.height)).toBeUndefined();
  });

  it('leaves a flat scan alone whose short labels the detector turns by a degree or two either way', () => {
    const regions = ROWS.flatMap((row, k) => [
      { cx: 200, cy: row, width: 180, height: 40, angle: ((k % 2 === 0 ? 2 : -2) * Math.PI) / 180, score: 0.9 },
      { cx: 1200, cy: row, width: 900, height: 40, angle: 0, score: 0.9 },
    ]);

    expect(rowFlattening(regions, PAGE.width, PAGE.height)).toBeUndefined();
  });

  it('leaves a page whose lines bend by less than half a line height where they are', () => {
    const { regions } = curledForm(12);

    expect(rowFlattening(regions, PAGE.width, PAGE.height)).toBeUndefined();
  });

  it('moves a lone character on the curled side with its row (its angle is the page’s, not the row’s)', () => {
    const { regions, labels } = curledForm(160);
    const flattening = rowFlattening(regions, PAGE.width, PAGE.height)!;
    // The spread label `名　　称` split by the detector: its second character stands alone where the row has lifted.
    const row = ROWS[4];
    const lone: TextRegion = { cx: 1700, cy: row + lift(1700, 160), width: 40, height: 40, angle: 0, score: 0.9 };

    expect(row + lift(1700, 160)).toBeLessThan(row - 60);
    expect(Math.abs(flattenedRegion(lone, flattening).cy - flattenedRegion(labels[4], flattening).cy)).toBeLessThan(25);
  });

  it('leaves a stamp’s turned text where the page put it', () => {
    const { regions } = curledForm(160);
    const flattening = rowFlattening(regions, PAGE.width, PAGE.height)!;
    const stamp: TextRegion = { cx: 1800, cy: 700, width: 200, height: 40, angle: Math.PI / 3, score: 0.9 };
    const watermark: TextRegion = { cx: 1000, cy: 700, width: 800, height: 50, angle: Math.PI / 9, score: 0.9 };

    expect(flattenedRegion(stamp, flattening)).toEqual(stamp);
    expect(flattenedRegion(watermark, flattening)).toEqual(watermark);
  });

  it('leaves a curled page alone when a diagonal watermark crosses it (its lines and the rows disagree)', () => {
    const { regions } = curledForm(160);
    // A site watermark tiled at 20°, its lines as long as the form's.
    const watermark = [300, 700, 1100].flatMap((cy) =>
      [500, 1500].map((cx): TextRegion => ({ cx, cy, width: 900, height: 50, angle: Math.PI / 9, score: 0.9 })),
    );

    expect(rowFlattening(regions, PAGE.width, PAGE.height)).toBeDefined();
    expect(rowFlattening([...regions, ...watermark], PAGE.width, PAGE.height)).toBeUndefined();
  });
});
