import { describe, expect, it } from 'vitest';
import { localContrastRaster, type Raster } from '../../shared/ocr/index.js';

const SIDE = 256;
const isInk = (x: number, y: number) => y % 16 < 4 && x >= 32 && x < 224;

/** A washed-out copy: grey paper (≈ 215) with faint ink strokes (≈ 190) every 16 rows, both with a little noise. */
function faintCopy(): Raster {
  const data = new Uint8Array(SIDE * SIDE * 3);
  let seed = 7;
  const noise = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff - 0.5) * 16;
  for (let y = 0; y < SIDE; y++) {
    for (let x = 0; x < SIDE; x++) {
      const p = (y * SIDE + x) * 3;
      data.fill(Math.round((isInk(x, y) ? 190 : 215) + noise()), p, p + 3);
    }
  }
  return { data, width: SIDE, height: SIDE };
}

/** Mean paper level minus mean ink level, inside the strokes' columns. */
function inkContrast(raster: Raster): number {
  const sums = { ink: 0, inkCount: 0, paper: 0, paperCount: 0 };
  for (let y = 0; y < SIDE; y++) {
    for (let x = 40; x < 216; x++) {
      const v = raster.data[(y * SIDE + x) * 3];
      if (isInk(x, y)) {
        sums.ink += v;
        sums.inkCount++;
      } else {
        sums.paper += v;
        sums.paperCount++;
      }
    }
  }
  return sums.paper / sums.paperCount - sums.ink / sums.inkCount;
}

describe('localContrastRaster', () => {
  it('spreads the faint ink of a washed-out copy further from its paper and keeps the page size', async () => {
    const page = faintCopy();

    const evened = await localContrastRaster(page, 64, 3);

    expect({ width: evened.width, height: evened.height }).toEqual({ width: SIDE, height: SIDE });
    expect(inkContrast(evened)).toBeGreaterThan(inkContrast(page) + 1);
  });
});
