import { readFileSync } from 'node:fs';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { conditionPage, loadPaddleModels, type PaddleModels } from '../../shared/ocr/index.js';
import { turnIfUpsideDown, turnOffItsSide } from '../../shared/ocr/page-orientation.js';
import { decodeRaster } from '../../shared/ocr/raster.js';
import { DEFAULT_DETECTION_SETTINGS } from '../../shared/ocr/text-regions.js';
import { DEFAULT_RECOGNITION_SETTINGS } from '../../shared/ocr/text-lines.js';
import { certificateLines, renderTextPage } from './page-factory.js';

// The upside-down check reads a page's 8 longest lines both ways round (16 recognitions, 1.6–3.6 s of a rotated
// page) only when the direction classifier is in doubt: a page it calls upside down while calling the same lines
// turned upright is turned on its word. Real PP-OCRv4 inference; the recogniser's runs are counted.

describe('the upside-down check', { timeout: 300_000 }, () => {
  let models: PaddleModels;
  let recognitions = 0;
  let counted: PaddleModels;

  beforeAll(async () => {
    models = await loadPaddleModels({ intraOpNumThreads: 1 });
    const recognition = new Proxy(models.recognition, {
      get(target, property) {
        if (property === 'run') {
          return (...args: Parameters<typeof target.run>) => {
            recognitions++;
            return target.run(...args);
          };
        }
        const value = Reflect.get(target, property, target) as unknown;
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    counted = { ...models, recognition };
  });

  const turnedUpright = async (bytes: Uint8Array) => {
    const page = conditionPage(await decodeRaster(bytes)).raster;
    recognitions = 0;
    const onItsFeet = await turnOffItsSide(counted, page, DEFAULT_DETECTION_SETTINGS);
    return turnIfUpsideDown(counted, onItsFeet, DEFAULT_DETECTION_SETTINGS, DEFAULT_RECOGNITION_SETTINGS);
  };

  it('turns a page the direction classifier calls upside down, and its turn upright, without reading its lines', async () => {
    const stored = await sharp(await renderTextPage(certificateLines))
      .rotate(180)
      .png()
      .toBuffer();

    const upright = await turnedUpright(stored);

    expect(upright.rotation).toBe(180);
    expect(recognitions).toBe(0);
  });

  it('reads the longest lines both ways when the classifier calls a page and its turn upside down alike', async () => {
    // The cover of a generated noisy contract scan (eval seed 47): the classifier votes 0.54 "upside down" for it and
    // 0.73 for its 180° turn; read both ways, the page stays as it is.
    const bytes = readFileSync(new URL('../fixtures/ocr/noisy-contract-cover.jpg', import.meta.url));

    const upright = await turnedUpright(bytes);

    expect(upright.rotation).toBe(0);
    expect(recognitions).toBeGreaterThan(0);
  });
});
