import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { conditionPage, createPaddleOcrEngine, loadPaddleModels, type OcrPage, type PaddleModels } from '../../shared/ocr/index.js';
import { turnIfUpsideDown, turnOffItsSide } from '../../shared/ocr/page-orientation.js';
import { printRunsAcross } from '../../shared/ocr/print-direction.js';
import { decodeRaster } from '../../shared/ocr/raster.js';
import { DEFAULT_DETECTION_SETTINGS } from '../../shared/ocr/text-regions.js';
import { DEFAULT_RECOGNITION_SETTINGS } from '../../shared/ocr/text-lines.js';
import { certificateLines, renderTextPage } from './page-factory.js';

// A page on its side was detected twice at full size: as stored (only to learn that it lies on its side and which way
// is up) and again in its final turn. A page whose print runs down it is now first detected small (640 px), and at
// full size only once, in its final turn. Real PP-OCRv4 inference; the detector's inputs are recorded.

/** The certificate excerpt on a page large enough to be read at 1,280 px (1,400 × 820). */
const largePage = () => renderTextPage(certificateLines, { width: 1400, height: 820 });

describe('printRunsAcross', () => {
  it('is positive for print running across the page and negative for the same page on its side', async () => {
    const upright = await decodeRaster(await largePage());
    const onItsSide = await decodeRaster(
      await sharp(await largePage())
        .rotate(90)
        .png()
        .toBuffer(),
    );

    expect(printRunsAcross(upright)).toBeGreaterThan(0.8);
    expect(printRunsAcross(onItsSide)).toBeLessThan(-0.8);
  });

  it('is 0 for a blank page', async () => {
    const blank = await decodeRaster(await renderTextPage([], { width: 1400, height: 820 }));

    expect(printRunsAcross(blank)).toBe(0);
  });
});

describe('a page on its side', { timeout: 300_000 }, () => {
  let models: PaddleModels;
  let inputs: number[][] = [];
  let counted: PaddleModels;

  beforeAll(async () => {
    models = await loadPaddleModels({ intraOpNumThreads: 1 });
    const detection = new Proxy(models.detection, {
      get(target, property) {
        if (property === 'run') {
          return (feeds: Parameters<typeof target.run>[0], ...rest: unknown[]) => {
            const input = Object.values(feeds)[0] as { dims: readonly number[] };
            inputs.push([input.dims[2], input.dims[3]]);
            return (target.run as (...args: unknown[]) => ReturnType<typeof target.run>)(feeds, ...rest);
          };
        }
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    counted = { ...models, detection };
  });

  it('is detected small to learn its side, then at full size once, in its final turn', async () => {
    const stored = await decodeRaster(
      await sharp(await largePage())
        .rotate(90)
        .png()
        .toBuffer(),
    );
    const page = conditionPage(stored).raster;
    inputs = [];

    const onItsFeet = await turnOffItsSide(counted, page, DEFAULT_DETECTION_SETTINGS, stored);
    const upright = await turnIfUpsideDown(counted, onItsFeet, DEFAULT_DETECTION_SETTINGS, DEFAULT_RECOGNITION_SETTINGS);

    expect(upright.rotation).toBe(270);
    expect(upright.detectionPasses).toBe(2);
    expect(inputs).toHaveLength(2);
    expect(Math.max(...inputs[0])).toBeLessThanOrEqual(640);
    expect(Math.max(...inputs[1])).toBe(1280);
  });

  it('detects an upright page once, at full size', async () => {
    const stored = await decodeRaster(await largePage());
    inputs = [];

    const onItsFeet = await turnOffItsSide(counted, conditionPage(stored).raster, DEFAULT_DETECTION_SETTINGS, stored);

    expect(onItsFeet.rotation).toBe(0);
    expect(inputs).toEqual([[736, 1280]]);
  });
});

describe('PaddleOcrEngine reading a large page on its side', { timeout: 600_000 }, () => {
  const engine = createPaddleOcrEngine();
  const linesOf = (page: OcrPage) => page.lines.map(({ text, box }) => ({ text, box }));

  it('reads it into the lines and boxes of the page upright, either way round', async () => {
    const upright = await largePage();
    const uprightPage = await engine.recognize({ bytes: upright, pageNumber: 1 });

    for (const turn of [90, 270] as const) {
      const page = await engine.recognize({ bytes: await sharp(upright).rotate(turn).png().toBuffer(), pageNumber: 1 });

      expect(page.rotation).toBe(360 - turn);
      expect(linesOf(page)).toEqual(linesOf(uprightPage));
    }
  });
});
