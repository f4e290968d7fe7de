import { describe, expect, it } from 'vitest';
import { flattenedRegion, rowFlattening } from '../../shared/ocr/bent-lines.js';
import type { TextRegion } from '../../shared/ocr/text-regions.js';

/** A social-insurance record page as the engine sees it once upright (page scale of a `large` capture). */
const PAGE = { width: 1696, height: 2400 };
const LINE = 44;

function level(cx: number, cy: number, width: number, height = LINE): TextRegion {
  return { cx, cy, width, height, angle: 0, score: 0.9 };
}

/**
 * A label, its dotted leader and its value boxed as one line (`参保人姓名 ........ 刘刚海`): over the dots the line's
 * middle drops to their baseline and rises again at the value, so the detector reports it as bent.
 */
function leaderLine(row: number, x0: number, x1: number, labelEnd: number, valueStart: number): TextRegion {
  const cx = (x0 + x1) / 2;
  const along: number[] = [];
  const across: number[] = [];
  for (let x = x0 + LINE / 2; x < x1; x += LINE) {
    along.push(x - cx);
    across.push(x > labelEnd && x < valueStart ? 0.4 * LINE : 0);
  }
  const middle = across.reduce((a, b) => a + b, 0) / across.length;
  return { ...level(cx, row + middle, x1 - x0), centreLine: { along, across: across.map((v) => v - middle) } };
}

/** The record's lines: a title, label/value pairs (some joined by their leader), a table of payments across the page. */
function flatRecord(): { regions: TextRegion[]; labels: TextRegion[]; values: TextRegion[] } {
  const labels: TextRegion[] = [];
  const values: TextRegion[] = [];
  const regions: TextRegion[] = [level(848, 260, 700, 60)];
  [420, 500, 580, 660, 740, 820].forEach((row, k) => {
    if (k % 2 === 0) {
      regions.push(leaderLine(row, 150, 1500, 420, 1320));
    } else {
      labels.push(level(285, row, 270));
      values.push(level(1410, row, 180));
    }
  });
  for (let row = 1000; row <= 1900; row += 75) {
    for (const [cx, width] of [
      [250, 200],
      [620, 300],
      [1000, 240],
      [1400, 260],
    ] as const)
      regions.push(level(cx, row, width));
  }
  return { regions: [...regions, ...labels, ...values], labels, values };
}

/** A copy watermark (`复印无效`) tiled across the page at `degrees` below level, in larger type than the print. */
function tiledWatermark(degrees: number): TextRegion[] {
  const angle = (-degrees * Math.PI) / 180;
  return [500, 1100, 1700, 2200].flatMap((cy, k) =>
    [300 + (k % 2) * 250, 1000 + (k % 2) * 250].map((cx): TextRegion => ({ cx, cy, width: 420, height: 70, angle, score: 0.8 })),
  );
}

describe('a flat page that only looks curled', () => {
  it('leaves a flat record alone when a copy watermark tiled at 20–24° crosses it', () => {
    const { regions, labels, values } = flatRecord();
    for (const degrees of [20, 22, 24]) {
      const flattening = rowFlattening([...regions, ...tiledWatermark(degrees)], PAGE.width, PAGE.height);

      // No straightening, or one that moves no label off its value's row and no line off where it is printed.
      if (flattening) {
        labels.forEach((label, k) => {
          expect(Math.abs(flattenedRegion(label, flattening).cy - flattenedRegion(values[k], flattening).cy)).toBeLessThan(LINE / 4);
        });
        for (const region of regions) expect(Math.abs(flattenedRegion(region, flattening).cy - region.cy)).toBeLessThan(LINE / 4);
      }
    }
  });

  it('takes a line bent only where its middle drops to its leader dots for no curl', () => {
    const { regions } = flatRecord();
    const leaders = [1000, 1150, 1300, 1450, 1600].map((row) => leaderLine(row + 37, 150, 1550, 380, 1330));

    expect(rowFlattening([...regions, ...leaders], PAGE.width, PAGE.height)).toBeUndefined();
  });

  it('still straightens a record curled at its right edge whose pairs are joined by leaders', () => {
    // The right 40 % of the page lifts by up to 120 px; a line there follows its row up (a leader line with its dip).
    const lift = (x: number) => (-120 * Math.max(0, x / PAGE.width - 0.6) ** 2) / 0.16;
    const curled = (region: TextRegion): TextRegion => {
      const [x0, x1] = [region.cx - region.width / 2, region.cx + region.width / 2];
      if (!region.centreLine) {
        const [y0, y1] = [region.cy + lift(x0), region.cy + lift(x1)];
        return { ...region, cy: (y0 + y1) / 2, angle: Math.atan2(y1 - y0, x1 - x0), height: region.height + Math.abs(y1 - y0) };
      }
      const ys = region.centreLine.along.map((u, k) => region.cy + region.centreLine!.across[k] + lift(region.cx + u));
      const middle = ys.reduce((a, b) => a + b, 0) / ys.length;
      return { ...region, cy: middle, centreLine: { along: region.centreLine.along, across: ys.map((y) => y - middle) } };
    };
    const { regions, labels, values } = flatRecord();

    const flattening = rowFlattening(regions.map(curled), PAGE.width, PAGE.height);

    expect(flattening).toBeDefined();
    labels.forEach((label, k) => {
      const [onPageLabel, onPageValue] = [curled(label), curled(values[k])];
      expect(onPageLabel.cy - onPageValue.cy).toBeGreaterThan(30);
      expect(Math.abs(flattenedRegion(onPageLabel, flattening!).cy - flattenedRegion(onPageValue, flattening!).cy)).toBeLessThan(LINE / 4);
    });
  });
});
