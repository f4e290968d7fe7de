import { describe, expect, it } from 'vitest';
import { conditionPage, type Raster } from '../../shared/ocr/index.js';

/**
 * Issue 12, class 8 (phone photos): a tiled site watermark on a photographed page. The light is flattened first; the
 * watermark is then judged on the flattened page, where it is a peak of light grey below the paper, while a photo's
 * blur and the remains of a shadow's edge only rise steadily towards the paper.
 */

type Rgb = [number, number, number];

function blankPage(width: number, height: number): Raster {
  return { data: new Uint8Array(width * height * 3).fill(255), width, height };
}

function multiply(raster: Raster, x: number, y: number, w: number, h: number, rgb: Rgb): void {
  for (let yy = y; yy < y + h; yy++) {
    for (let xx = x; xx < x + w; xx++) {
      const p = (yy * raster.width + xx) * 3;
      for (let c = 0; c < 3; c++) raster.data[p + c] = Math.round((raster.data[p + c] * rgb[c]) / 255);
    }
  }
}

/** Print: dark strokes 3 px wide every 8 px along a line 40 px high. */
function printLine(raster: Raster, x: number, y: number, length: number): void {
  for (let k = 0; k < length; k += 8) multiply(raster, x + k, y, 3, 40, [25, 25, 25]);
}

/** A tiled watermark: 4-px dabs of `grey` every 12 px over the whole page (7 % of it). */
function tileWatermark(raster: Raster, grey: number): void {
  for (let y = 0; y + 4 <= raster.height; y += 12) {
    for (let x = (y / 2) % 12; x + 4 <= raster.width; x += 12) multiply(raster, x, y, 4, 4, [grey, grey, grey]);
  }
}

/** Light falling from `dim` of full at the left edge to full light at the right (a hand's shadow, a lamp to one side). */
function sideLight(raster: Raster, dim: number): void {
  const { width, height, data } = raster;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const light = dim + ((1 - dim) * x) / (width - 1);
      for (let c = 0; c < 3; c++) data[(y * width + x) * 3 + c] = Math.round(data[(y * width + x) * 3 + c] * light);
    }
  }
}

function pixel(raster: Raster, x: number, y: number): Rgb {
  const p = (y * raster.width + x) * 3;
  return [raster.data[p], raster.data[p + 1], raster.data[p + 2]];
}

describe('conditionPage on a photographed page under a watermark', () => {
  it('flattens the light, then lifts the watermark on the flattened page to paper white', () => {
    const photo = blankPage(640, 480);
    printLine(photo, 40, 100, 560);
    printLine(photo, 40, 300, 560);
    tileWatermark(photo, 220);
    sideLight(photo, 0.4);
    // (12, 12): a watermark dab on the dim side; (600, 456): one in full light.
    expect(pixel(photo, 12, 12)[0]).toBeLessThan(110);
    expect(pixel(photo, 600, 456)[0]).toBeLessThan(225);

    const { raster, conditions } = conditionPage(photo);

    expect(conditions.unevenLight).toBe(true);
    expect(conditions.lightOverprint).toBe(true);
    expect(pixel(raster, 12, 12)).toEqual([255, 255, 255]);
    expect(pixel(raster, 600, 456)).toEqual([255, 255, 255]);
  });

  it("keeps the print under a photo's watermark dark", () => {
    const photo = blankPage(640, 480);
    printLine(photo, 40, 100, 560);
    printLine(photo, 40, 300, 560);
    tileWatermark(photo, 220);
    sideLight(photo, 0.4);

    const { raster } = conditionPage(photo);

    // (42, 108): a stroke with a dab over it, in the dimmer half; (560, 320): a stroke in full light.
    expect(pixel(raster, 42, 108)[0]).toBeLessThan(80);
    expect(pixel(raster, 560, 320)[0]).toBeLessThan(40);
    // The paper between strokes under a dab is white.
    expect(pixel(raster, 44, 108)).toEqual([255, 255, 255]);
  });

  it("leaves a photo alone whose light greys only rise towards the paper (blur, a shadow's soft edge)", () => {
    const photo = blankPage(640, 480);
    printLine(photo, 40, 100, 560);
    printLine(photo, 40, 300, 560);
    // Paper texture: most pixels at the paper, fewer and fewer the darker (down to 205), no peak below the paper.
    let seed = 7;
    for (let p = 0; p < photo.width * photo.height; p++) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const u = seed / 0x7fffffff;
      const v = 255 - Math.floor(50 * u * u * u);
      for (let c = 0; c < 3; c++) photo.data[p * 3 + c] = Math.round((photo.data[p * 3 + c] * v) / 255);
    }
    sideLight(photo, 0.4);
    const before = pixel(photo, 620, 20);

    const { raster, conditions } = conditionPage(photo);

    expect(conditions.unevenLight).toBe(true);
    expect(conditions.lightOverprint).toBe(false);
    // Only the light was evened: a pixel in full light keeps its own level.
    expect(Math.abs(pixel(raster, 620, 20)[0] - before[0])).toBeLessThan(8);
  });

  it("leaves a straightened photo's thin light-grey band alone: under 2 % of the page is a blur's edges, not a watermark", () => {
    // A page straightened out of a desk photo is paper to its edges: no desk tiles keep a small bump of light grey (the
    // blurred edges of the print, here 2-px dabs over the left half of the page, 1.2 % of it) under the spread.
    const photo = blankPage(640, 480);
    printLine(photo, 40, 100, 560);
    printLine(photo, 40, 300, 560);
    for (let y = 0; y + 2 <= photo.height; y += 12) {
      for (let x = 0; x + 2 <= 320; x += 12) multiply(photo, x, y, 2, 2, [205, 205, 205]);
    }
    sideLight(photo, 0.6);

    const { raster, conditions } = conditionPage(photo);

    expect(conditions.unevenLight).toBe(true);
    expect(conditions.lightOverprint).toBe(false);
    // (300, 24): a light-grey dab keeps its grey.
    expect(pixel(raster, 300, 24)[0]).toBeLessThan(235);
  });

  it('reads the page as before when the photo watermark step is turned off', () => {
    const photo = blankPage(640, 480);
    printLine(photo, 40, 100, 560);
    tileWatermark(photo, 220);
    sideLight(photo, 0.4);

    const { raster, conditions } = conditionPage(photo, { photoOverprint: false });

    expect(conditions.unevenLight).toBe(true);
    expect(conditions.lightOverprint).toBe(false);
    expect(pixel(raster, 600, 456)[0]).toBeLessThan(235);
  });
});
