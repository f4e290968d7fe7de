import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createPaddleOcrEngine, type OcrPage } from '../../shared/ocr/index.js';
import { renderSealedPage } from './page-factory.js';

// A page photographed turned, with no EXIF flag (issue 12, item 8): the engine turns it upright and reports
// `rotation`, the clockwise turn that makes the stored image upright. The page preview is the stored image turned by
// `rotation` (shared/pipeline/page-preview.ts) and the review page draws `source.box` on it, so every box must sit in
// that upright image's pixels: where the same line sits when the page is given upright. Real PP-OCRv4 inference.

const squeeze = (text: string) => text.replace(/[\s\u3000]/g, '');

function boxOf(page: OcrPage, startsWith: string): OcrPage['lines'][number]['box'] {
  const line = page.lines.find((l) => squeeze(l.text).startsWith(startsWith));
  if (!line) throw new Error(`no line starting ${startsWith} in ${page.lines.map((l) => l.text).join(' | ')}`);
  return line.box;
}

describe('PaddleOcrEngine on pages turned without an EXIF flag', { timeout: 300_000 }, () => {
  const engine = createPaddleOcrEngine();
  // The page given upright, read once for all three turns.
  let reference: Promise<OcrPage> | undefined;
  const readUpright = (upright: Buffer) =>
    (reference ??= sharp(upright)
      .jpeg({ quality: 90 })
      .toBuffer()
      .then((bytes) => engine.recognize({ bytes, pageNumber: 1 })));

  for (const turn of [90, 180, 270] as const) {
    it(`turns a page stored ${turn}° clockwise upright and places its boxes in the upright image's pixels`, async () => {
      const upright = await renderSealedPage();
      const stored = await sharp(upright).rotate(turn).jpeg({ quality: 90 }).toBuffer();
      const uprightPage = await readUpright(upright);

      const page = await engine.recognize({ bytes: stored, pageNumber: 1 });

      expect(page.rotation).toBe((360 - turn) % 360);
      // The preview the review page draws on: the stored image turned by `rotation`.
      const { info: preview } = await sharp(stored).rotate(page.rotation).toBuffer({ resolveWithObject: true });
      expect({ width: page.width, height: page.height }).toEqual({ width: preview.width, height: preview.height });
      for (const label of ['姓名', '证书编号', '发证机构']) {
        const expected = boxOf(uprightPage, label);
        const actual = boxOf(page, label);
        expect(Math.abs(actual.x - expected.x)).toBeLessThanOrEqual(12);
        expect(Math.abs(actual.y - expected.y)).toBeLessThanOrEqual(12);
        expect(Math.abs(actual.width - expected.width)).toBeLessThanOrEqual(16);
        expect(Math.abs(actual.height - expected.height)).toBeLessThanOrEqual(12);
      }
    });
  }
});
