import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { normaliseForOcr } from '../../shared/images/index.js';
import { decodeRaster, type Raster } from '../../shared/ocr/index.js';
import { imagePageRasters } from '../../shared/reading/index.js';

// Every path an uploaded image takes to the OCR engine must show the page as the phone showed it: the EXIF
// Orientation tag applied before anything else (issue 12, item 8). Real JPEGs carrying tags 3, 6 and 8.

const WIDTH = 300;
const HEIGHT = 200;

/** The page as seen: landscape, white, a black mark in its top-left corner (so any wrong turn moves the mark). */
async function uprightPage(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}">
    <rect width="100%" height="100%" fill="#ffffff"/><rect x="0" y="0" width="60" height="40" fill="#000000"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

/** Clockwise turn that stores the page so that a viewer applying `orientation` shows it upright again. */
const STORED_TURN = { 3: 180, 6: 270, 8: 90 } as const;

async function photoWithOrientation(orientation: 3 | 6 | 8): Promise<Uint8Array> {
  const stored = await sharp(await uprightPage())
    .rotate(STORED_TURN[orientation])
    .png()
    .toBuffer();
  return new Uint8Array(await sharp(stored).jpeg({ quality: 92 }).withMetadata({ orientation }).toBuffer());
}

function meanLuminance(raster: Raster, x0: number, y0: number, x1: number, y1: number): number {
  let sum = 0;
  let n = 0;
  for (let y = y0; y < y1; y++) {
    for (let x = x0; x < x1; x++) {
      const p = (y * raster.width + x) * 3;
      sum += (raster.data[p] + raster.data[p + 1] + raster.data[p + 2]) / 3;
      n++;
    }
  }
  return sum / n;
}

/** Upright and unmirrored: landscape as seen, the mark top-left and no other corner dark. */
function expectUpright(raster: Raster): void {
  expect({ width: raster.width, height: raster.height }).toEqual({ width: WIDTH, height: HEIGHT });
  expect(meanLuminance(raster, 5, 5, 50, 30)).toBeLessThan(60);
  expect(meanLuminance(raster, WIDTH - 50, 5, WIDTH - 5, 30)).toBeGreaterThan(200);
  expect(meanLuminance(raster, 5, HEIGHT - 30, 50, HEIGHT - 5)).toBeGreaterThan(200);
  expect(meanLuminance(raster, WIDTH - 50, HEIGHT - 30, WIDTH - 5, HEIGHT - 5)).toBeGreaterThan(200);
}

async function rasterOfPng(png: Uint8Array): Promise<Raster> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height };
}

describe('EXIF orientation on every image path to OCR', () => {
  for (const orientation of [3, 6, 8] as const) {
    it(`stores the test photo turned and tagged Orientation ${orientation}`, async () => {
      const bytes = await photoWithOrientation(orientation);

      const meta = await sharp(bytes).metadata();

      expect(meta.orientation).toBe(orientation);
      expect(meta.width).toBe(orientation === 3 ? WIDTH : HEIGHT);
    });

    it(`normaliseForOcr shows an Orientation ${orientation} photo upright`, async () => {
      const [page] = await normaliseForOcr(await photoWithOrientation(orientation));

      expectUpright(await rasterOfPng(page.bytes));
      // The PNG handed on carries no tag, so nothing downstream can turn it a second time.
      expect((await sharp(page.bytes).metadata()).orientation).toBeUndefined();
    });

    it(`imagePageRasters (the raw-pixel path) shows an Orientation ${orientation} photo upright`, async () => {
      const rasters = await imagePageRasters(await photoWithOrientation(orientation));

      expectUpright(await rasters.page(1));
    });

    it(`the engine's own decoder shows an Orientation ${orientation} photo upright`, async () => {
      expectUpright(await decodeRaster(await photoWithOrientation(orientation)));
    });
  }
});
