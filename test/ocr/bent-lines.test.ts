import { describe, expect, it } from 'vitest';
import { acrossAt, turnedCentreLine } from '../../shared/ocr/bent-lines.js';
import { sampleRegion } from '../../shared/ocr/text-lines.js';
import type { Raster } from '../../shared/ocr/raster.js';
import { CURL_MIN_BENT_LINES, loneBentLines } from '../../shared/ocr/paddle-ocr-engine.js';
import { DEFAULT_DETECTION_SETTINGS, regionsFromProbability, type TextRegion } from '../../shared/ocr/text-regions.js';

/** Where the middle of a curled line runs: level over the left 60 %, then rising like a page curling up. */
function curl(x: number, width: number, lift: number): number {
  const bend = Math.max(0, x / width - 0.6) / 0.4;
  return -lift * bend * bend;
}

/** A probability map with one line (0.9) of `thickness` whose middle runs at `cy + curl(x)` from x0 to x1. */
function bentLineMap(width: number, height: number, line: { x0: number; x1: number; cy: number; thickness: number; lift: number }): Float32Array {
  const map = new Float32Array(width * height);
  for (let x = line.x0; x < line.x1; x++) {
    const middle = line.cy + curl(x - line.x0, line.x1 - line.x0, line.lift);
    for (let y = 0; y < height; y++) if (Math.abs(y + 0.5 - middle) <= line.thickness / 2) map[y * width + x] = 0.9;
  }
  return map;
}

/** A white raster with dark ink wherever `ink(x, y)` holds. */
function rasterOf(width: number, height: number, ink: (x: number, y: number) => boolean): Raster {
  const data = new Uint8Array(width * height * 3).fill(255);
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) if (ink(x + 0.5, y + 0.5)) data.fill(20, (y * width + x) * 3, (y * width + x) * 3 + 3);
  return { data, width, height };
}

describe('bent text lines (curled pages)', () => {
  it('gives a line that curls up a centre line and its own height, not the height of the rectangle around the bend', () => {
    const map = bentLineMap(400, 120, { x0: 20, x1: 380, cy: 80, thickness: 12, lift: 40 });

    const { regions } = regionsFromProbability(map, 400, 120, DEFAULT_DETECTION_SETTINGS);

    expect(regions).toHaveLength(1);
    const [region] = regions;
    expect(region.centreLine).toBeDefined();
    // The rectangle around the bend would be ≈ 52 px tall before growing; the line itself is 12.
    expect(region.height).toBeLessThan(12 + 2 * 10);
    // The centre line, taken back onto the page, runs where the curled line's middle runs (within half its height).
    const line = region.centreLine!;
    const [ux, uy] = [Math.cos(region.angle), Math.sin(region.angle)];
    const strays = line.along.map((u, k) => {
      const x = region.cx + u * ux - line.across[k] * uy;
      const y = region.cy + u * uy + line.across[k] * ux;
      return Math.abs(y - (80 + curl(x - 20, 360, 40)));
    });
    expect(Math.max(...strays)).toBeLessThan(6);
  });

  it('leaves straight and skewed lines as plain rectangles (flat pages read as before)', () => {
    const level = bentLineMap(400, 120, { x0: 20, x1: 380, cy: 60, thickness: 12, lift: 0 });
    const skewed = new Float32Array(400 * 120);
    for (let x = 20; x < 380; x++) for (let y = 0; y < 120; y++) if (Math.abs(y + 0.5 - (40 + 0.07 * (x - 20))) <= 6) skewed[y * 400 + x] = 0.9;

    const [flat] = regionsFromProbability(level, 400, 120, DEFAULT_DETECTION_SETTINGS).regions;
    const [tilted] = regionsFromProbability(skewed, 400, 120, DEFAULT_DETECTION_SETTINGS).regions;

    expect(flat.centreLine).toBeUndefined();
    expect(tilted.centreLine).toBeUndefined();
    expect(regionsFromProbability(level, 400, 120, DEFAULT_DETECTION_SETTINGS).archedLines).toBe(0);
  });

  it('leaves the text arching round the top of a seal as a rectangle (only sagging lines are followed)', () => {
    // The mirror image of a curl: the middle of the line higher than its ends.
    const map = new Float32Array(400 * 120);
    for (let x = 20; x < 380; x++) {
      const t = (x - 200) / 180;
      const middle = 30 + 40 * t * t;
      for (let y = 0; y < 120; y++) if (Math.abs(y + 0.5 - middle) <= 6) map[y * 400 + x] = 0.9;
    }

    const { regions, archedLines } = regionsFromProbability(map, 400, 120, DEFAULT_DETECTION_SETTINGS);

    expect(regions[0].centreLine).toBeUndefined();
    // Counted, so the engine can look again once it has turned an upside-down curled page.
    expect(archedLines).toBe(1);
  });

  it('follows a line lifted at both ends (a page raised at its edges)', () => {
    const map = new Float32Array(400 * 120);
    for (let x = 20; x < 380; x++) {
      const t = (x - 200) / 180;
      const middle = 90 - 40 * t * t;
      for (let y = 0; y < 120; y++) if (Math.abs(y + 0.5 - middle) <= 6) map[y * 400 + x] = 0.9;
    }

    const { regions } = regionsFromProbability(map, 400, 120, DEFAULT_DETECTION_SETTINGS);

    expect(regions[0].centreLine).toBeDefined();
  });

  it('leaves a short label that bends a little as a rectangle', () => {
    const map = bentLineMap(200, 80, { x0: 20, x1: 60, cy: 50, thickness: 12, lift: 6 });

    const { regions } = regionsFromProbability(map, 200, 80, DEFAULT_DETECTION_SETTINGS);

    expect(regions[0].centreLine).toBeUndefined();
  });

  it('samples the crop of a bent line so its ink runs level through the middle of the crop', () => {
    const lift = 40;
    const page = rasterOf(400, 140, (x, y) => x >= 20 && x < 380 && Math.abs(y - (90 + curl(x - 20, 360, lift))) <= 6);
    const map = bentLineMap(400, 140, { x0: 20, x1: 380, cy: 90, thickness: 12, lift });
    const [region] = regionsFromProbability(map, 400, 140, DEFAULT_DETECTION_SETTINGS).regions;

    // The recogniser's crop: 48 rows, RGB → BGR planes scaled to −1 (black) … 1 (white).
    const outWidth = 480;
    const crop = new Float32Array(3 * 48 * outWidth);
    sampleRegion(page, region, crop, 0, outWidth, outWidth);

    // In every column inside the line, the middle row is ink and the top and bottom rows are paper.
    const at = (x: number, y: number) => crop[y * outWidth + x];
    const inside = Array.from({ length: 20 }, (_, k) => Math.round(outWidth * (0.1 + 0.04 * k)));
    expect(inside.every((x) => at(x, 24) < -0.2)).toBe(true);
    expect(inside.every((x) => at(x, 0) > 0.6 && at(x, 47) > 0.6)).toBe(true);
  });

  it('interpolates the centre line between measured points and holds it level past the ends', () => {
    const line = { along: [-50, 0, 50], across: [6, 0, 10] };

    expect(acrossAt(line, 25)).toBeCloseTo(5, 6);
    expect(acrossAt(line, -80)).toBe(6);
    expect(acrossAt(line, 80)).toBe(10);
  });

  it('turns a centre line with its region when the page is turned 180°', () => {
    expect(turnedCentreLine({ along: [-10, 20], across: [3, -1] })).toEqual({ along: [-20, 10], across: [1, -3] });
  });
});

describe('lone bent lines (a stroke across a flat page, not a curl)', () => {
  const line = (cy: number, bent: boolean): TextRegion => ({
    cx: 400,
    cy,
    width: 600,
    height: 40,
    angle: 0,
    score: 0.9,
    ...(bent ? { centreLine: { along: [-300, 0, 300], across: [0, 6, 0] } } : {}),
  });

  it('checks a bent line among straight ones against its straight reading', () => {
    expect(loneBentLines([line(100, false), line(200, true), line(300, false)])).toEqual([1]);
    expect(loneBentLines([line(100, true), line(200, false), line(300, true)])).toEqual([0, 2]);
  });

  it('trusts the bends of a page where every long line bends (a curl)', () => {
    expect(loneBentLines([line(100, true), line(200, true), line(300, true), line(400, false)])).toEqual([]);
    expect(CURL_MIN_BENT_LINES).toBe(3);
  });

  it('has nothing to check on a page without bent lines', () => {
    expect(loneBentLines([line(100, false), line(200, false)])).toEqual([]);
  });
});
