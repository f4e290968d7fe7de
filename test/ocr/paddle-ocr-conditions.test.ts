import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createPaddleOcrEngine, MAX_RASTER_LONG_SIDE, ocrPageSchema, type OcrPage } from '../../shared/ocr/index.js';
import { bookletSpread, faintCopy, moire, renderSealedPage, sealedPageTexts, shadowed, watermarked } from './page-factory.js';

// Real PP-OCRv4 inference on pages as people photograph and copy them (issue 12). Each test reads one page; the
// machine is shared, so the timeout is generous (nothing here asserts time).
const squeeze = (text: string) => text.replace(/[\s\u3000]/g, '');

/** The printed lines not found in the page's text (each compared without spaces; a line may come as two boxes). */
function missing(page: OcrPage, expected: string[]): string[] {
  const text = page.lines.map((line) => squeeze(line.text)).join('|');
  return expected.filter((line) => !line.split('　').every((part) => text.includes(squeeze(part))));
}

describe('PaddleOcrEngine on photos, copies and stamped pages', { timeout: 240_000 }, () => {
  const engine = createPaddleOcrEngine();

  it('reads the issuer and date lines under a red seal with a signature over it, and keeps the red title', async () => {
    const bytes = await sharp(await renderSealedPage({ seal: true, signature: true, redTitle: true }))
      .jpeg({ quality: 85 })
      .toBuffer();

    const page = await engine.recognize({ bytes, pageNumber: 1 });

    expect(ocrPageSchema.parse(page)).toBeTruthy();
    expect(missing(page, sealedPageTexts)).toEqual([]);
    const issuer = page.lines.find((line) => line.text.startsWith('发证机构'))!;
    expect(issuer.text).toBe('发证机构：杭州市西湖区职业技能鉴定中心');
    // A line read twice says whether both readings agreed; a disagreeing one is never left at full confidence.
    for (const line of page.lines.filter((l) => l.secondReading && !l.secondReading.agrees)) {
      expect(Math.min(...(line.words ?? []).map((w) => w.confidence))).toBeLessThanOrEqual(0.5);
    }
  });

  it('turns a sealed page photographed on its side (no EXIF tag) upright and reads it', async () => {
    const upright = await renderSealedPage({ seal: true });
    const bytes = await sharp(upright).rotate(90).jpeg({ quality: 85 }).toBuffer();

    const page = await engine.recognize({ bytes, pageNumber: 1 });

    expect(page.rotation).toBe(270);
    expect(page).toMatchObject({ width: 1400, height: 900 });
    expect(missing(page, sealedPageTexts)).toEqual([]);
  });

  it('reads a 6,000-px phone photo stored sideways with EXIF orientation 6, bounded in size before detection', async () => {
    const huge = await renderSealedPage({ scale: 6000 / 1400 });
    const bytes = await sharp(huge).rotate(-90).jpeg({ quality: 85 }).withMetadata({ orientation: 6 }).toBuffer();
    expect((await sharp(bytes).metadata()).height).toBe(6000);

    const page = await engine.recognize({ bytes, pageNumber: 1 });

    expect(page.rotation).toBe(0);
    expect(Math.max(page.width, page.height)).toBe(MAX_RASTER_LONG_SIDE);
    expect(page.width).toBeGreaterThan(page.height);
    expect(missing(page, sealedPageTexts)).toEqual([]);
  });

  it('reads a small image (420 px wide, 9-px type)', async () => {
    const bytes = await sharp(await renderSealedPage())
      .resize({ width: 420 })
      .png()
      .toBuffer();

    const page = await engine.recognize({ bytes, pageNumber: 1 });

    expect(page.width).toBe(420);
    expect(missing(page, sealedPageTexts)).toEqual([]);
  });

  it('reads a booklet spread with a dark binding band between a faint copy and a shadowed page', async () => {
    const plain = await renderSealedPage();
    const left = await sharp(await faintCopy(plain))
      .png()
      .toBuffer();
    const right = await sharp(await shadowed(plain))
      .png()
      .toBuffer();
    const bytes = await bookletSpread(left, right);

    const page = await engine.recognize({ bytes, pageNumber: 1 });

    expect(page.width).toBe(2800);
    const leftLines = page.lines.filter((line) => line.box.x + line.box.width < 1400);
    const rightLines = page.lines.filter((line) => line.box.x > 1400);
    expect(missing({ ...page, lines: leftLines }, sealedPageTexts)).toEqual([]);
    expect(missing({ ...page, lines: rightLines }, sealedPageTexts)).toEqual([]);
  });

  it('reads a photo of a screen with moiré bands', async () => {
    const bytes = await moire(await renderSealedPage());

    const page = await engine.recognize({ bytes, pageNumber: 1 });

    expect(missing(page, sealedPageTexts)).toEqual([]);
  });

  it('reads every line of a page under a tiled grey site watermark, and no piece of the watermark', async () => {
    // Read as stored, the watermark came back as some 30 lines and the name line as 姓名：李静修贴使用.
    const bytes = await watermarked(await renderSealedPage({ seal: true }));

    const page = await engine.recognize({ bytes, pageNumber: 1 });

    expect(missing(page, sealedPageTexts)).toEqual([]);
    expect(page.lines.find((line) => line.text.startsWith('姓名'))?.text).toBe('姓名：李静怡');
    expect(page.lines.filter((line) => /仅限|补贴|使用/.test(line.text))).toEqual([]);
  });
});
