import { describe, expect, it } from 'vitest';
import { decodeRaster, type Raster } from '../../shared/ocr/raster.js';
import { findScreenPattern, withoutScreenPattern } from '../../shared/ocr/screen-pattern.js';
import { certificateLines, renderTextPage } from './page-factory.js';

/** The certificate excerpt twice down a 900 × 1100 page as a scan gives it (print on white; rows 960–1090 blank). */
async function printedPage(): Promise<Raster> {
  const lines = [0, 450].flatMap((top) => certificateLines.map((line) => ({ ...line, y: line.y + top })));
  return decodeRaster(await renderTextPage(lines, { width: 900, height: 1100 }));
}

interface Grating {
  period: number;
  degrees: number;
  depth: number;
}

/**
 * Gratings multiplied over the page as a monitor photographed shows them (stripes `period` px apart, turned `degrees`
 * from horizontal, darkening by up to `depth`), only where `where` says (default everywhere).
 */
function withGratings(page: Raster, gratings: Grating[], where: (x: number, y: number) => boolean = () => true): Raster {
  const data = new Uint8Array(page.data);
  for (let y = 0; y < page.height; y++) {
    for (let x = 0; x < page.width; x++) {
      if (!where(x, y)) continue;
      let factor = 1;
      for (const { period, degrees, depth } of gratings) {
        const a = (degrees * Math.PI) / 180;
        factor *= 1 - depth * (0.5 + 0.5 * Math.sin((2 * Math.PI * (x * Math.sin(a) + y * Math.cos(a))) / period));
      }
      for (let c = 0; c < 3; c++) data[(y * page.width + x) * 3 + c] = Math.round(data[(y * page.width + x) * 3 + c] * factor);
    }
  }
  return { data, width: page.width, height: page.height };
}

/** Mean absolute deviation of luminance over a blank strip of paper (rows 980–1080). */
function paperRipple(raster: Raster): number {
  let sum = 0;
  let n = 0;
  let mean = 0;
  const values: number[] = [];
  for (let y = 980; y < 1080; y++) {
    for (let x = 100; x < 800; x++) {
      const p = (y * raster.width + x) * 3;
      values.push((raster.data[p] * 77 + raster.data[p + 1] * 150 + raster.data[p + 2] * 29) / 256);
    }
  }
  mean = values.reduce((a, b) => a + b, 0) / values.length;
  for (const v of values) {
    sum += Math.abs(v - mean);
    n++;
  }
  return sum / n;
}

/** The darkest luminance in a box (where print is). */
function darkest(raster: Raster, x0: number, y0: number, x1: number, y1: number): number {
  let min = 255;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const p = (y * raster.width + x) * 3;
      min = Math.min(min, (raster.data[p] * 77 + raster.data[p + 1] * 150 + raster.data[p + 2] * 29) / 256);
    }
  }
  return min;
}

const MONITOR: Grating[] = [
  { period: 3.8, degrees: 3, depth: 0.14 },
  { period: 4.1, degrees: 6, depth: 0.12 },
];

describe('findScreenPattern', { timeout: 120_000 }, () => {
  it('finds the stripes of a photographed monitor at their period', async () => {
    const photo = withGratings(await printedPage(), MONITOR);

    const pattern = findScreenPattern(photo);

    expect(pattern).toBeDefined();
    const periods = pattern!.gratings.map((g) => g.period);
    expect(periods.some((p) => Math.abs(p - 3.8) < 0.15 || Math.abs(p - 4.1) < 0.15)).toBe(true);
  });

  it('finds nothing on a page of print alone (a scan)', async () => {
    expect(findScreenPattern(await printedPage())).toBeUndefined();
  });

  it('finds nothing in a faint fine background print over part of the page (a licence template)', async () => {
    const page = withGratings(await printedPage(), [{ period: 5, degrees: 0, depth: 0.05 }], (x) => x < 450);

    expect(findScreenPattern(page)).toBeUndefined();
  });
});

describe('withoutScreenPattern', { timeout: 120_000 }, () => {
  it('averages the stripes out of the paper and keeps print dark', async () => {
    const clean = await printedPage();
    const photo = withGratings(clean, MONITOR);
    const pattern = findScreenPattern(photo)!;

    const evened = withoutScreenPattern(photo, pattern);

    expect(paperRipple(photo)).toBeGreaterThan(8);
    expect(paperRipple(evened)).toBeLessThan(paperRipple(photo) / 4);
    // The name line `姓名：王晓明` (y 180, 34 px type): its strokes stay print-dark.
    expect(darkest(evened, 80, 150, 400, 190)).toBeLessThan(80);
  });

  it('leaves the page it was given untouched', async () => {
    const photo = withGratings(await printedPage(), MONITOR);
    const before = Uint8Array.from(photo.data);

    withoutScreenPattern(photo, findScreenPattern(photo)!);

    expect(Buffer.from(photo.data).equals(Buffer.from(before))).toBe(true);
  });
});
