import type * as ort from 'onnxruntime-node';
import type { Raster } from './raster.js';
import { recogniseRegions, type RecognisedText } from './text-lines.js';
import type { CentreLine, TextRegion } from './text-regions.js';

/**
 * How far a bent line's middle lies from its region's centre line at `along` px from the region's centre (linear
 * between the measured points, held level past the ends).
 *
 * @example
 * acrossAt({ along: [-50, 0, 50], across: [6, 0, 6] }, 25); // 3
 */
export function acrossAt(line: CentreLine, along: number): number {
  const { along: us, across: vs } = line;
  if (along <= us[0]) return vs[0];
  const last = us.length - 1;
  if (along >= us[last]) return vs[last];
  let k = 1;
  while (us[k] < along) k++;
  const t = (along - us[k - 1]) / (us[k] - us[k - 1]);
  return vs[k - 1] + t * (vs[k] - vs[k - 1]);
}

/**
 * The strip of the page under a bent line, straightened: column by column along the line, the pixels across it
 * centred on where the line's middle runs in that column (bilinear, border replicated). The strip is `region.width` ×
 * `region.height` px and upright, so the line reads as if it had been printed straight.
 *
 * @example
 * const strip = straightenedLine(raster, region); // region.centreLine set by the detector
 */
export function straightenedLine(raster: Raster, region: TextRegion): Raster {
  const { data, width, height } = raster;
  const outWidth = Math.max(1, Math.ceil(region.width));
  const outHeight = Math.max(1, Math.ceil(region.height));
  const ux = Math.cos(region.angle);
  const uy = Math.sin(region.angle);
  const line = region.centreLine;
  const out = new Uint8Array(outWidth * outHeight * 3);
  for (let i = 0; i < outWidth; i++) {
    const u = ((i + 0.5) / outWidth - 0.5) * region.width;
    const shift = line ? acrossAt(line, u) : 0;
    for (let j = 0; j < outHeight; j++) {
      const v = ((j + 0.5) / outHeight - 0.5) * region.height + shift;
      let x = region.cx + u * ux - v * uy - 0.5;
      let y = region.cy + u * uy + v * ux - 0.5;
      x = x < 0 ? 0 : x > width - 1 ? width - 1 : x;
      y = y < 0 ? 0 : y > height - 1 ? height - 1 : y;
      const x0 = Math.floor(x);
      const y0 = Math.floor(y);
      const x1 = x0 + 1 < width ? x0 + 1 : x0;
      const y1 = y0 + 1 < height ? y0 + 1 : y0;
      const fx = x - x0;
      const fy = y - y0;
      const p00 = (y0 * width + x0) * 3;
      const p10 = (y0 * width + x1) * 3;
      const p01 = (y1 * width + x0) * 3;
      const p11 = (y1 * width + x1) * 3;
      const at = (j * outWidth + i) * 3;
      for (let c = 0; c < 3; c++) {
        const top = data[p00 + c] + (data[p10 + c] - data[p00 + c]) * fx;
        const bottom = data[p01 + c] + (data[p11 + c] - data[p01 + c]) * fx;
        out[at + c] = Math.round(top + (bottom - top) * fy);
      }
    }
  }
  return { data: out, width: outWidth, height: outHeight };
}

/**
 * `recogniseRegions`, except that a region the detector found bent (`centreLine`, a curled page) is read from its
 * straightened strip rather than from one rotated rectangle, which would cut through the bend and take in the lines
 * above and below. Straight regions cost exactly what they did; results are in the order of `regions`, with character
 * positions as fractions along each region as before.
 *
 * @example
 * const texts = await recogniseFollowingBends(models.recognition, models.alphabet, raster, regions);
 */
export async function recogniseFollowingBends(
  session: ort.InferenceSession,
  alphabet: string[],
  raster: Raster,
  regions: TextRegion[],
): Promise<RecognisedText[]> {
  const straight: number[] = [];
  const bent: number[] = [];
  regions.forEach((region, index) => (region.centreLine ? bent : straight).push(index));
  if (bent.length === 0) return recogniseRegions(session, alphabet, raster, regions);
  const results: RecognisedText[] = new Array(regions.length);
  const read = await recogniseRegions(
    session,
    alphabet,
    raster,
    straight.map((index) => regions[index]),
  );
  straight.forEach((index, k) => (results[index] = read[k]));
  for (const index of bent) {
    const strip = straightenedLine(raster, regions[index]);
    const whole: TextRegion = { cx: strip.width / 2, cy: strip.height / 2, width: strip.width, height: strip.height, angle: 0, score: regions[index].score };
    [results[index]] = await recogniseRegions(session, alphabet, strip, [whole]);
  }
  return results;
}

/**
 * A bent region's centre line seen from the page turned 180° (its axes turn with it, so both offsets change sign).
 *
 * @example
 * turnedCentreLine({ along: [-10, 20], across: [3, -1] }); // { along: [-20, 10], across: [1, -3] }
 */
export function turnedCentreLine(line: CentreLine): CentreLine {
  return { along: line.along.map((u) => -u).reverse(), across: line.across.map((v) => -v).reverse() };
}
