import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { PaddleOcrWorkerPool } from '../../shared/ocr/index.js';
import { certificateLines, certificateTexts, renderTextPage } from './page-factory.js';

// Two workers, each loading its own models: one test reads two pages at once.
describe('PaddleOcrWorkerPool', () => {
  const pool = new PaddleOcrWorkerPool({ workers: 2 });

  afterAll(async () => {
    await pool.close();
  });

  // Each worker loads its own models first: slow when the shared machine is busy.
  it('reads pages in parallel worker threads with the same results as the engine', { timeout: 180_000 }, async () => {
    const upright = await renderTextPage(certificateLines);
    const upsideDown = await sharp(upright).rotate(180).png().toBuffer();

    const [first, second] = await Promise.all([pool.recognize({ bytes: upright, pageNumber: 1 }), pool.recognize({ bytes: upsideDown, pageNumber: 2 })]);

    expect(first).toMatchObject({ pageNumber: 1, rotation: 0, source: 'paddle' });
    expect(second).toMatchObject({ pageNumber: 2, rotation: 180 });
    expect(first.lines.map((line) => line.text)).toEqual(certificateTexts);
    expect(second.lines.map((line) => line.text)).toEqual(certificateTexts);
  });

  it('passes a worker’s `ocr_image_unreadable` back as the same error', async () => {
    await expect(pool.recognize({ bytes: new Uint8Array([0, 1, 2]), pageNumber: 5 })).rejects.toMatchObject({
      code: 'ocr_image_unreadable',
      pageNumber: 5,
    });
  });
});
