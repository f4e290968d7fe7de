import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { conditionPage } from '../../shared/ocr/page-conditioning.js';
import { drawnInItsTurn } from '../../shared/ocr/page-orientation.js';
import { decodeRaster, rotateRaster } from '../../shared/ocr/raster.js';
import { renderSealedPage } from './page-factory.js';

// A turned page is conditioned in the turn it is read in, from its stored pixels: conditioning lays its tiles from the
// page's top left corner, so only then does a seal over the date lie in the same tiles as on the page given upright.

// Compared as bytes: a deep equality of two 3.8-MB arrays element by element takes minutes.
const samePixels = (a: Uint8Array, b: Uint8Array) =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

describe('drawnInItsTurn', { timeout: 60_000 }, () => {
  for (const turn of [90, 180, 270] as const) {
    it(`conditions a sealed page stored ${turn}° clockwise into exactly the pixels of the same page conditioned upright`, async () => {
      const upright = await decodeRaster(await renderSealedPage({ seal: true }));
      const stored = await rotateRaster(upright, turn);

      const drawn = await drawnInItsTurn(stored, ((360 - turn) % 360) as 90 | 180 | 270, (page) => conditionPage(page));

      const reference = conditionPage(upright);
      expect(reference.conditions.suppressedTileCount).toBeGreaterThan(0);
      expect(samePixels(drawn.stored.data, upright.data)).toBe(true);
      expect(drawn.conditioned?.conditions.suppressedTileCount).toBe(reference.conditions.suppressedTileCount);
      expect(samePixels(drawn.conditioned!.raster.data, reference.raster.data)).toBe(true);
    });
  }

  it('hands back the stored page unconditioned when the engine conditions no page', async () => {
    const stored = await decodeRaster(
      await sharp(await renderSealedPage({ seal: true }))
        .rotate(90)
        .png()
        .toBuffer(),
    );

    const drawn = await drawnInItsTurn(stored, 270);

    expect(drawn.conditioned).toBeUndefined();
    expect({ width: drawn.stored.width, height: drawn.stored.height }).toEqual({ width: stored.height, height: stored.width });
  });
});
