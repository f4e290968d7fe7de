import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { PaddleOcrWorkerPool } from '../../shared/ocr/index.js';
import { decodeRaster } from '../../shared/ocr/raster.js';
import { readingEngineFactory } from '../../shared/reading/index.js';
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

  it('reads a region again in a worker thread: the second look’s reading', { timeout: 180_000 }, async () => {
    const bytes = await renderTextPage(certificateLines);
    const page = await pool.recognize({ bytes, pageNumber: 1 });
    const issuer = page.lines.find((line) => line.text.startsWith('发证机构'))!;
    const { x, y, width, height } = issuer.box;

    const lines = await pool.recognizeRegion(
      await decodeRaster(bytes),
      { box: { x: x - 10, y: y - 10, width: width + 20, height: height + 20 }, lineHeight: height },
      1,
    );

    expect(lines.map((line) => line.text)).toEqual(['发证机构：杭州市西湖区职业技能鉴定中心']);
    expect(lines[0]!.box.y).toBeGreaterThanOrEqual(y - 10);
  });

  it('passes a worker’s `ocr_image_unreadable` back as the same error', async () => {
    await expect(pool.recognize({ bytes: new Uint8Array([0, 1, 2]), pageNumber: 5 })).rejects.toMatchObject({
      code: 'ocr_image_unreadable',
      pageNumber: 5,
    });
  });
});

describe('PaddleOcrWorkerPool, the engine each worker builds', () => {
  it('builds every worker’s engine from the factory it names, with the pool’s options', async () => {
    const pool = new PaddleOcrWorkerPool({
      workers: 2,
      engineFactory: { module: new URL('./support/echo-engine-factory.ts', import.meta.url).href, name: 'createEchoEngine' },
    });
    try {
      const pages = await Promise.all([1, 2].map((pageNumber) => pool.recognize({ bytes: new Uint8Array([1]), pageNumber })));
      const region = await pool.recognizeRegion(
        { data: new Uint8Array(12), width: 2, height: 2 },
        { box: { x: 1, y: 0, width: 1, height: 1 }, lineHeight: 1 },
        1,
      );

      expect(pages.map((page) => page.lines[0]!.text)).toEqual(['echo page threads=1 seals=undefined', 'echo page threads=1 seals=undefined']);
      expect(region.map((line) => line.text)).toEqual(['echo region 2x2 at 1,0 threads=1 seals=undefined']);
    } finally {
      await pool.close();
    }
  });

  it('rejects every read with the reason when the named factory does not exist', async () => {
    const pool = new PaddleOcrWorkerPool({
      workers: 1,
      engineFactory: { module: new URL('./support/echo-engine-factory.ts', import.meta.url).href, name: 'createNoSuchEngine' },
    });
    try {
      await expect(pool.recognize({ bytes: new Uint8Array([1]), pageNumber: 3 })).rejects.toThrow(/exports no engine factory createNoSuchEngine/);
    } finally {
      await pool.close();
    }
  });

  it('names the reading engine, seal-ring gate and all, as a factory a worker can import', async () => {
    const module = (await import(readingEngineFactory.module)) as Record<string, unknown>;

    expect(typeof module[readingEngineFactory.name]).toBe('function');
  });
});
