import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { GRAIN_LEVEL, grainOf, withoutDimRoom } from '../../shared/ocr/dim-pages.js';
import { createPaddleOcrEngine } from '../../shared/ocr/index.js';
import { conditionPage } from '../../shared/ocr/page-conditioning.js';
import { decodeRaster, type Raster } from '../../shared/ocr/raster.js';
import { Rng } from '../eval/factory/random.js';
import { lowLight, seededGrain } from '../eval/render/degrade.js';
import { certificateLines, renderTextPage } from './page-factory.js';

/** The page photographed in a dim room under a warm lamp: darkened, tinted, grainy, saved as a JPEG. */
async function inDimRoom(page: Buffer): Promise<Buffer> {
  const { width = 0, height = 0 } = await sharp(page).metadata();
  const dark = await sharp(page).removeAlpha().linear(0.5, 12).tint({ r: 255, g: 222, b: 180 }).toBuffer();
  return sharp(dark)
    .composite([{ input: await seededGrain(width, height, 24, 7), blend: 'overlay' }])
    .jpeg({ quality: 78 })
    .toBuffer();
}

const channelsApart = (raster: Raster) => {
  let most = 0;
  for (let p = 0; p < raster.data.length; p += 3) {
    const [r, g, b] = [raster.data[p], raster.data[p + 1], raster.data[p + 2]];
    most = Math.max(most, Math.max(r, g, b) - Math.min(r, g, b));
  }
  return most;
};

describe('withoutDimRoom', () => {
  it('leaves a page without grain as it is, the same object', async () => {
    const page = await decodeRaster(await renderTextPage(certificateLines));
    const dim = await withoutDimRoom(page);

    expect(grainOf(page)).toBeLessThan(GRAIN_LEVEL);
    expect(dim.cleaned).toBe(false);
    expect(dim.raster).toBe(page);
  });

  it('leaves a clean photo’s JPEG without grain too', async () => {
    const photo = await sharp(await renderTextPage(certificateLines))
      .linear(0.85, 10)
      .tint({ r: 255, g: 240, b: 220 })
      .blur(0.8)
      .jpeg({ quality: 80 })
      .toBuffer();
    const page = await decodeRaster(photo);

    expect(grainOf(page)).toBeLessThan(GRAIN_LEVEL);
    expect((await withoutDimRoom(page)).raster).toBe(page);
  });

  it('reads a dim room’s grain and returns the page grey, its paper brought near white', async () => {
    const page = await decodeRaster(await inDimRoom(await renderTextPage(certificateLines)));
    const dim = await withoutDimRoom(page);

    expect(grainOf(page)).toBeGreaterThanOrEqual(GRAIN_LEVEL);
    expect(dim.cleaned).toBe(true);
    expect(channelsApart(dim.raster)).toBe(0);
    // The paper: the page's median luminance (most of the page is paper).
    const levels = [...dim.raster.data].filter((_, k) => k % 3 === 0).sort((a, b) => a - b);
    expect(levels[levels.length >> 1]).toBeGreaterThan(200);
  });

  it('keeps conditioning from taking a dim room’s grain on a warm page for coloured ink over print', async () => {
    const page = await decodeRaster(await inDimRoom(await renderTextPage(certificateLines)));

    // As stored, the grain on the warm paper puts the channels far apart: tiles of "coloured ink" over the print.
    expect(conditionPage(page).conditions.suppressedTileCount).toBeGreaterThan(20);
    expect(conditionPage((await withoutDimRoom(page)).raster).conditions.suppressedTileCount).toBe(0);
  });
});

describe('PaddleOcrEngine on a photo taken in a dim room', { timeout: 240_000 }, () => {
  it('finds the lines it lost to conditioning’s patchwork once the grain and tint are taken out', async () => {
    // Small print, softened as a phone's lens does, on a table, then the generator's dim room (darkened, warm, grainy).
    const small = certificateLines.map((line, k) => ({ ...line, x: 40, y: 40 + k * 36, size: k === 0 ? 22 : 15 }));
    const page = await sharp(await renderTextPage(small, { width: 600, height: 240 }))
      .extend({ top: 80, bottom: 80, left: 100, right: 100, background: '#9a8878' })
      .blur(1.3)
      .png()
      .toBuffer();
    const bytes = await sharp(await lowLight(page, new Rng(3)))
      .jpeg({ quality: 76 })
      .toBuffer();
    const text = async (options: { dimRooms?: boolean }) =>
      (await createPaddleOcrEngine(options).recognize({ bytes, pageNumber: 1 })).lines.map((line) => line.text).join('|');

    const before = await text({ dimRooms: false });
    const after = await text({});

    expect(before).not.toContain('330106199001011234');
    expect(before).not.toContain('2021年06月18日');
    expect(after).toContain('330106199001011234');
    expect(after).toContain('发证日期：2021年06月18日');
  });
});
