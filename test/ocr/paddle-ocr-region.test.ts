import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createPaddleOcrEngine } from '../../shared/ocr/index.js';
import { decodeRaster } from '../../shared/ocr/raster.js';

// Real PP-OCRv4 inference: a region of a page read again on its own (the reader's second look). The machine is shared,
// so the timeout is generous (nothing here asserts time).

/** A form page: labels and values on rows 90 px apart, print 28 px (or `size`) tall. */
async function formPage(size = 28): Promise<Buffer> {
  const rows = [
    ['姓名：', '王晓明'],
    ['法定代表人：', '李国华'],
    ['住所：', '浙江省杭州市西湖区文三路90号'],
  ];
  const text = rows
    .map(
      ([label, value], i) =>
        `<text x="80" y="${200 + i * 90}" font-family="Noto Sans CJK SC" font-size="${size}" fill="#1a1a1a">${label}</text>` +
        `<text x="400" y="${200 + i * 90}" font-family="Noto Sans CJK SC" font-size="${size}" fill="#1a1a1a">${value}</text>`,
    )
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="600"><rect width="100%" height="100%" fill="#ffffff"/>${text}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

describe('PaddleOcrEngine, a region read again', { timeout: 240_000 }, () => {
  it('reads only the region’s lines, their boxes in the page’s pixels', async () => {
    const raster = await decodeRaster(await formPage());
    const engine = createPaddleOcrEngine();
    // The second row's neighbourhood: 法定代表人 and its value, 60 px tall round the row's baseline at y 290.
    const lines = await engine.recognizeRegion(raster, { box: { x: 60, y: 255, width: 700, height: 50 }, lineHeight: 30 }, 1);

    expect(lines.map((l) => l.text).join('|')).toMatch(/法定代表人.*李国华/);
    expect(lines.some((l) => /王晓明|浙江/.test(l.text))).toBe(false);
    const value = lines.find((l) => l.text.includes('李国华'))!;
    expect(value.box.y).toBeGreaterThan(250);
    expect(value.box.y + value.box.height).toBeLessThan(310);
    expect(value.box.x).toBeGreaterThan(380);
  });

  it('enlarges small print before reading it and maps the boxes back', async () => {
    const raster = await decodeRaster(await formPage(14));
    const engine = createPaddleOcrEngine();
    const lines = await engine.recognizeRegion(raster, { box: { x: 60, y: 265, width: 700, height: 40 }, lineHeight: 15 }, 1);

    const value = lines.find((l) => l.text.includes('李国华'));
    expect(value).toBeDefined();
    // Print 14 px tall at y ≈ 278–292 on the page: the box is in page pixels, not in the enlarged crop's.
    expect(value!.box.y).toBeGreaterThan(265);
    expect(value!.box.height).toBeLessThan(30);
    expect(value!.box.x).toBeGreaterThan(380);
    expect(value!.box.x).toBeLessThan(420);
  });
});
