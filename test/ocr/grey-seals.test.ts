import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { greySealLines, liftedReadingCounts, withGreySealsLifted } from '../../shared/ocr/grey-seals.js';
import { decodeRaster, type Raster } from '../../shared/ocr/raster.js';
import type { RecognisedText } from '../../shared/ocr/text-lines.js';
import type { TextRegion } from '../../shared/ocr/text-regions.js';
import { renderSealedPage, sealedPageLines } from './page-factory.js';
import { evenlySpacedReading } from '../support/recognised-text.js';

/** The sealed certificate page as a monochrome photo gives it: the red seal a grey one (multiply-blended, print under it black). */
async function greyPage(options: { seal: boolean }): Promise<Raster> {
  return decodeRaster(
    await sharp(await renderSealedPage({ seal: options.seal }))
      .greyscale()
      .png()
      .toBuffer(),
  );
}

/** Each printed line's box as the detector gives it (the text's baseline at `y`; CJK glyphs about one size wide). */
const lineRegions: TextRegion[] = sealedPageLines.map((line) => {
  const size = line.size ?? 30;
  const width = [...line.text].length * size;
  return { cx: line.x + width / 2, cy: line.y - size * 0.38, width, height: size * 1.3, angle: 0, score: 0.9 };
});
const ISSUER = 5;
const DATE = 6;

function luminance(raster: Raster, x: number, y: number): number {
  const p = (y * raster.width + x) * 3;
  return (raster.data[p] * 77 + raster.data[p + 1] * 150 + raster.data[p + 2] * 29) >> 8;
}

/** The seal's ring as the page factory draws it (centre 960, 680; radius 150 × 0.93, stroke 150 × 0.08). */
const RING = { cx: 960, cy: 680, r: 139.5, half: 6 };

/** Pixels of a region's box on the ring's stroke (away from its soft edge) and, of those, how many are near paper. */
function ringPixels(raster: Raster, region: TextRegion, paper: number): { onRing: number; nearPaper: number } {
  let onRing = 0;
  let nearPaper = 0;
  for (let y = Math.floor(region.cy - region.height / 2); y < region.cy + region.height / 2; y++) {
    for (let x = Math.floor(region.cx - region.width / 2); x < region.cx + region.width / 2; x++) {
      if (Math.abs(Math.hypot(x - RING.cx, y - RING.cy) - RING.r) > RING.half - 2) continue;
      onRing++;
      if (luminance(raster, x, y) >= paper - 20) nearPaper++;
    }
  }
  return { onRing, nearPaper };
}

/** Pixels in a region's box whose luminance lies between `from` and `to`. */
function countBetween(raster: Raster, region: TextRegion, from: number, to: number): number {
  let n = 0;
  for (let y = Math.floor(region.cy - region.height / 2); y < region.cy + region.height / 2; y++) {
    for (let x = Math.floor(region.cx - region.width / 2); x < region.cx + region.width / 2; x++) {
      const v = luminance(raster, x, y);
      if (v >= from && v <= to) n++;
    }
  }
  return n;
}

const reading = (text: string, confidence: number): RecognisedText => evenlySpacedReading(text, confidence);

describe('greySealLines', () => {
  it('finds the issuer and date lines that a grey seal crosses, and no line above it', async () => {
    const page = await greyPage({ seal: true });

    const seals = greySealLines(page, lineRegions);

    expect(seals?.lines.map((line) => line.index)).toEqual([ISSUER, DATE]);
    for (const line of seals!.lines) {
      // The seal's tone sits between print and paper, and the lift keeps print.
      expect(line.sealLevel).toBeGreaterThan(seals!.print + 35);
      expect(line.sealLevel).toBeLessThan(seals!.paper - 20);
      expect(line.keepBelow).toBeLessThan(line.liftFrom);
    }
  });

  it('finds nothing on the same page without its seal (print alone has no broad mid-grey)', async () => {
    const page = await greyPage({ seal: false });

    expect(greySealLines(page, lineRegions)).toBeUndefined();
  });

  it('finds nothing on a page with no lines', async () => {
    const page = await greyPage({ seal: true });

    expect(greySealLines(page, [])).toBeUndefined();
  });
});

describe('withGreySealsLifted', () => {
  it("lifts the seal's ring out of the lines it crosses and keeps their print dark", async () => {
    const page = await greyPage({ seal: true });
    const seals = greySealLines(page, lineRegions)!;
    const issuer = lineRegions[ISSUER];
    const printBefore = countBetween(page, issuer, 0, seals.print + 20);

    const lifted = withGreySealsLifted(page, lineRegions, seals);

    const before = ringPixels(page, issuer, seals.paper);
    const after = ringPixels(lifted, issuer, seals.paper);
    expect(before.onRing).toBeGreaterThan(300);
    expect(before.nearPaper).toBe(0);
    // Two thirds of the ring's stroke is paper now; the rest is where print crosses it (print stays print).
    expect(after.nearPaper).toBeGreaterThan(before.onRing * 0.6);
    expect(countBetween(lifted, issuer, 0, seals.print + 20)).toBeGreaterThan(printBefore * 0.95);
  });

  it('leaves the lines the seal does not cross, and the page given, untouched', async () => {
    const page = await greyPage({ seal: true });
    const copy = new Uint8Array(page.data);
    const seals = greySealLines(page, lineRegions)!;

    const lifted = withGreySealsLifted(page, lineRegions, seals);

    expect(Buffer.from(page.data).equals(Buffer.from(copy))).toBe(true);
    const name = lineRegions[1];
    const row = Math.round(name.cy);
    for (let x = Math.floor(name.cx - name.width / 2); x < name.cx + name.width / 2; x++) {
      expect(luminance(lifted, x, row)).toBe(luminance(page, x, row));
    }
  });
});

describe('liftedReadingCounts', () => {
  it('takes a surer lifted reading of a line read unsure at first', () => {
    expect(liftedReadingCounts(reading('雷梅', 0.7), reading('雷梅飞', 0.93))).toBe(true);
  });

  it('keeps a sure first reading, even against a surer or fuller lifted one (a seal remnant read as a character)', () => {
    expect(liftedReadingCounts(reading('2020.03.18', 0.995), reading('2020.03.181', 0.958))).toBe(false);
    expect(liftedReadingCounts(reading('杭州市西湖区', 0.92), reading('武州市西湖区', 0.93))).toBe(false);
  });

  it('drops a lifted reading that is less sure or empty', () => {
    expect(liftedReadingCounts(reading('盗督管理', 0.82), reading('M7H', 0.2))).toBe(false);
    expect(liftedReadingCounts(reading('旨导', 0.5), reading('', 0))).toBe(false);
  });
});
