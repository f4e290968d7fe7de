import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  CHAT_PAGE_LONG_SIDE,
  coarseJpegBlocking,
  COARSE_DC_STEP,
  dcStepOf,
  jpegLumaQuantisation,
  jpegQualityOf,
  measureBlockGrid,
  withoutJpegBlocking,
} from '../../shared/ocr/jpeg-blocking.js';
import { createPaddleOcrEngine } from '../../shared/ocr/index.js';
import { decodeRaster } from '../../shared/ocr/raster.js';
import { certificateLines, renderTextPage } from './page-factory.js';

/**
 * The certificate excerpt as a photo shows it: dark grey ink on grey paper lit unevenly (lighter to the right and
 * down), softened, with grain from a fixed seed; 1,200 × 800 px.
 */
async function photographed(): Promise<Buffer> {
  const width = 1200;
  const height = 800;
  const page = await renderTextPage(
    certificateLines.map((line, k) => ({ ...line, x: 60, y: 70 + k * 60, size: k === 0 ? 34 : 26 })),
    { width, height },
  );
  const { data } = await sharp(page).blur(0.7).greyscale().raw().toBuffer({ resolveWithObject: true });
  const out = Buffer.alloc(width * height * 3);
  let seed = 12345;
  const grain = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff - 0.5) * 8;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const light = 170 + (45 * x) / width + (25 * y) / height;
      const v = 40 + ((light - 40) * data[y * width + x]) / 255 + grain();
      out.fill(Math.max(0, Math.min(255, Math.round(v))), (y * width + x) * 3, (y * width + x) * 3 + 3);
    }
  }
  return sharp(out, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

/** A chat app's re-save: scaled down, saved at `first`, then saved again at `second` (4:2:0). */
async function chatResaved(png: Buffer, long: number, first: number, second: number): Promise<Buffer> {
  const once = await sharp(png).resize({ width: long }).jpeg({ quality: first, chromaSubsampling: '4:2:0' }).toBuffer();
  return sharp(once).jpeg({ quality: second, chromaSubsampling: '4:2:0' }).toBuffer();
}

describe('jpegLumaQuantisation', () => {
  it('reads the luminance table a file was saved with, and its quality', async () => {
    const bytes = await sharp(await photographed())
      .jpeg({ quality: 30 })
      .toBuffer();
    const table = jpegLumaQuantisation(bytes)!;

    expect(table).toHaveLength(64);
    expect(table[0]).toBe(27); // 16 × 5000 / 30 / 100, rounded
    expect(Math.abs(jpegQualityOf(table) - 30)).toBeLessThanOrEqual(1);
    expect(jpegLumaQuantisation(await photographed())).toBeUndefined();
  });
});

describe('dcStepOf', () => {
  it('reads the last save’s DC step from the pixels alone, on the grid it measures', async () => {
    for (const [first, second] of [
      [45, 30],
      [40, 25],
    ]) {
      const bytes = await chatResaved(await photographed(), 960, first, second);
      const raster = await decodeRaster(bytes);
      const grid = measureBlockGrid(raster);

      expect(grid.phaseX).toBe(0);
      expect(grid.phaseY).toBe(0);
      expect(dcStepOf(raster, grid), `saved at ${first} then ${second}`).toBe(jpegLumaQuantisation(bytes)![0]);
    }
  });

  it('finds no coarse step on a phone’s own JPEG or on a PNG', async () => {
    const phone = await decodeRaster(
      await sharp(await photographed())
        .jpeg({ quality: 80 })
        .toBuffer(),
    );
    const png = await decodeRaster(await photographed());

    expect(dcStepOf(phone, measureBlockGrid(phone), COARSE_DC_STEP)).toBe(1);
    expect(dcStepOf(png, measureBlockGrid(png), COARSE_DC_STEP)).toBe(1);
  });
});

describe('withoutJpegBlocking', () => {
  it('leaves a PNG, a phone’s JPEG and a JPEG at quality 60 as they are, the same object', async () => {
    for (const bytes of [
      await photographed(),
      await sharp(await photographed())
        .jpeg({ quality: 80 })
        .toBuffer(),
      await sharp(await photographed())
        .jpeg({ quality: 60 })
        .toBuffer(),
    ]) {
      const raster = await decodeRaster(bytes);

      expect(withoutJpegBlocking(raster).raster).toBe(raster);
    }
  });

  it('leaves a scan larger than a chat app’s page as it is, however coarsely it was saved', async () => {
    // The same page at a scanner's 2,400 px, saved once at quality 30: its grid and DC step are a chat re-save's.
    const bytes = await sharp(await photographed())
      .resize({ width: 2400 })
      .jpeg({ quality: 30, chromaSubsampling: '4:2:0' })
      .toBuffer();
    const raster = await decodeRaster(bytes);
    const grid = measureBlockGrid(raster);

    expect(Math.max(raster.width, raster.height)).toBeGreaterThan(CHAT_PAGE_LONG_SIDE);
    expect(dcStepOf(raster, grid, COARSE_DC_STEP)).toBeGreaterThanOrEqual(COARSE_DC_STEP);
    expect(coarseJpegBlocking(raster)).toBeUndefined();
  });

  it('smooths a chat app’s re-save, and says the step it read', async () => {
    const raster = await decodeRaster(await chatResaved(await photographed(), 960, 40, 28));
    const { raster: smooth, blocking } = withoutJpegBlocking(raster);

    expect(smooth).not.toBe(raster);
    expect(blocking?.dcStep).toBeGreaterThanOrEqual(COARSE_DC_STEP);
    expect(measureBlockGrid(smooth).ratioX).toBeLessThan(measureBlockGrid(raster).ratioX);
  });
});

describe('the engine on a chat app’s re-save', () => {
  it('reads the ID number in 10-px print right once the blocks are smoothed, which it misreads on the blocks', async () => {
    const engine = createPaddleOcrEngine();
    const before = createPaddleOcrEngine({ jpegBlocking: false });
    for (const [first, second] of [
      [40, 28],
      [35, 25],
    ]) {
      // 1,200 px to 440: the 26-px type comes down to 9.5 px, as a whole page's print does in a chat app.
      const bytes = await chatResaved(await photographed(), 440, first, second);
      const read = (await engine.recognize({ bytes, pageNumber: 1 })).lines.map((line) => line.text);
      const blocky = (await before.recognize({ bytes, pageNumber: 1 })).lines.map((line) => line.text);

      expect(read, `saved at ${first} then ${second}`).toContain('证件号码：330106199001011234');
      expect(blocky, `saved at ${first} then ${second}, read on its blocks`).not.toContain('证件号码：330106199001011234');
    }
  });
});
