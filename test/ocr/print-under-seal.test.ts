import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { conditionPage, touchesSuppressedInk, type Raster } from '../../shared/ocr/index.js';
import { rgbRaster } from '../../shared/ocr/raster.js';
import { type Paint, paintedPage, pixelAt, type Rgb } from '../support/painted-rasters.js';

/** Warm paper as a phone photo under indoor light shows it (the red channel brightest). */
const WARM_PAPER: Rgb = [224, 210, 190];
const SEAL_RED: Rgb = [212, 40, 40];

/**
 * Small type as a phone photographs it: 2-px strokes every 8 px along a line, blurred to mid grey — the paper's own
 * colour at `share` of its brightness (grey ink under the same warm light), never as dark as a scan's print.
 */
function blurredPrint(x: number, y: number, length: number, paper: Rgb, share: number): Paint[] {
  const grey = paper.map((c) => Math.round(c * share)) as Rgb;
  const strokes = [];
  for (let k = 0; k < length; k += 8) strokes.push({ x: x + k, y, w: 2, h: 36, rgb: grey });
  return strokes;
}

describe('conditionPage on a phone photo of a sealed page', () => {
  it('suppresses a seal over blurred grey print under warm light, which the fixed print level never saw', () => {
    // Print at 70 % of the paper (157 in red), lighter than the fixed level of 110 anywhere; a seal's band over it.
    const photo = paintedPage(
      400,
      240,
      [...blurredPrint(40, 100, 300, WARM_PAPER, 0.7), { x: 120, y: 90, w: 160, h: 56, rgb: SEAL_RED, multiply: true }],
      WARM_PAPER,
    );

    const before = conditionPage(photo, { printAgainstPaper: false });
    const { raster, conditions } = conditionPage(photo);

    expect(before.conditions.suppressedTileCount).toBe(0);
    expect(conditions.suppressedTileCount).toBeGreaterThan(0);
    expect(touchesSuppressedInk(conditions, { x: 120, y: 100, width: 160, height: 36 })).toBe(true);
    // Seal ink between strokes becomes grey at its brightest channel (as light as the paper's red), not red.
    const [r, g, b] = pixelAt(raster, 125, 120);
    expect(Math.max(r, g, b) - Math.min(r, g, b)).toBe(0);
    expect(r).toBeGreaterThan(170);
    // A stroke under the seal stays as dark as the print beside the seal.
    expect(Math.max(...pixelAt(raster, 121, 120))).toBeLessThanOrEqual(Math.max(...pixelAt(photo, 41, 120)));
  });

  it('counts print against the paper of its own tile, so a seal over print in the shadow is suppressed too', () => {
    // The right half lies in a shadow at 45 % of the light: paper 101 in red there, print 71, the seal's red 95.
    const lit = paintedPage(
      400,
      240,
      [...blurredPrint(40, 100, 300, WARM_PAPER, 0.7), { x: 240, y: 90, w: 120, h: 56, rgb: SEAL_RED, multiply: true }],
      WARM_PAPER,
    );
    for (let y = 0; y < lit.height; y++) {
      for (let x = 200; x < lit.width; x++)
        for (let c = 0; c < 3; c++) lit.data[(y * lit.width + x) * 3 + c] = Math.round(lit.data[(y * lit.width + x) * 3 + c] * 0.45);
    }

    const { conditions } = conditionPage(lit);

    expect(touchesSuppressedInk(conditions, { x: 250, y: 100, width: 100, height: 36 })).toBe(true);
  });

  it('keeps dark-blue ink whose soft edges are mid grey when it touches no print (blue labels, a blue title)', () => {
    // A blue label: a core stroke and its anti-aliased edge, the ink mixed half and a third with the paper.
    const blue: Rgb = [30, 58, 110];
    const mix = (a: number): Rgb => WARM_PAPER.map((c, k) => Math.round(c * (1 - a) + blue[k] * a)) as Rgb;
    const strokes = [];
    for (let k = 0; k < 200; k += 10) {
      strokes.push(
        { x: 60 + k, y: 40, w: 3, h: 30, rgb: blue },
        { x: 63 + k, y: 40, w: 1, h: 30, rgb: mix(0.5) },
        { x: 64 + k, y: 40, w: 1, h: 30, rgb: mix(0.3) },
      );
    }
    const labelled = paintedPage(400, 240, [...strokes, ...blurredPrint(40, 160, 300, WARM_PAPER, 0.7)], WARM_PAPER);

    const { raster, conditions } = conditionPage(labelled);

    expect(conditions.suppressedTileCount).toBe(0);
    expect(pixelAt(raster, 61, 50)).toEqual(blue);
  });

  it('finds the seal over the issuer and date lines of a blurred, warm-lit JPEG of the sealed certificate drawn by sharp', async () => {
    // Red seal text, ring and star drawn over grey type; then soft focus, warm light and 4:2:0 JPEG as a phone makes.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="700" height="300">
      <rect width="100%" height="100%" fill="#ffffff"/>
      <text x="40" y="120" font-family="Noto Sans CJK SC" font-size="22" fill="#6e6e6e">发证机构：杭州市西湖区职业技能鉴定中心</text>
      <text x="120" y="170" font-family="Noto Sans CJK SC" font-size="22" fill="#6e6e6e">发证日期：2021年11月10日</text>
      <g style="mix-blend-mode:multiply" opacity="0.8">
        <circle cx="330" cy="140" r="90" fill="none" stroke="#d42020" stroke-width="6"/>
        <text x="260" y="100" font-family="Noto Sans CJK SC" font-size="18" fill="#d42020">杭州市西湖区鉴定中心</text>
        <polygon fill="#d42020" points="330,110 338,132 360,132 342,146 350,168 330,154 310,168 318,146 300,132 322,132"/>
      </g></svg>`;
    const jpeg = await sharp(Buffer.from(svg)).blur(1.1).linear([0.88, 0.82, 0.74], [0, 0, 0]).jpeg({ quality: 72, chromaSubsampling: '4:2:0' }).toBuffer();
    const photo = await rgbRaster(sharp(jpeg));

    const before = conditionPage(photo, { printAgainstPaper: false });
    const { conditions } = conditionPage(photo);

    const issuerLine = { x: 240, y: 98, width: 200, height: 28 };
    const dateLine = { x: 240, y: 148, width: 170, height: 28 };
    expect(before.conditions.suppressedTileCount).toBe(0);
    expect(touchesSuppressedInk(conditions, issuerLine)).toBe(true);
    expect(touchesSuppressedInk(conditions, dateLine)).toBe(true);
    // Lines away from the seal are left as they were.
    expect(touchesSuppressedInk(conditions, { x: 40, y: 98, width: 120, height: 28 })).toBe(false);
  });
});
