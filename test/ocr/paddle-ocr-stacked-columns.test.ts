import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createPaddleOcrEngine, type OcrPage } from '../../shared/ocr/index.js';

// A value squeezed into a cell one character wide is printed down the cell, one character under another; the detector
// boxes the column as one region running down the page, and read along that region every character lies on its side.
// Real models; the machine is shared, so the timeout is generous (nothing here asserts time).

const ISSUER = '杭州市职业能力建设指导中心';

/** A certificate's rows across the page in 22-px type, and the issuer stacked down a narrow cell beside its label. */
async function pageWithStackedIssuer(): Promise<Buffer> {
  const text = (x: number, y: number, s: string) => `<text x="${x}" y="${y}" font-family="Noto Sans CJK SC" font-size="22" fill="#222">${s}</text>`;
  const rows = [text(80, 80, '专项职业能力证书'), text(80, 140, '姓名：司马伟军'), text(80, 190, '证件号码：330108197011269465'), text(80, 240, '发证机关：')];
  const column = [...ISSUER].map((c, k) => text(200, 276 + 26 * k, c));
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="680"><rect width="100%" height="100%" fill="#fff"/>${rows.join('')}${column.join('')}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer();
}

const texts = (page: OcrPage) => page.lines.map((line) => line.text);

describe('PaddleOcrEngine, characters stacked down a column', () => {
  it('reads a column of stacked characters top to bottom, with its character boxes down the column', { timeout: 120_000 }, async () => {
    const bytes = await pageWithStackedIssuer();

    const alongRegions = await createPaddleOcrEngine({ stackedColumns: false }).recognize({ bytes, pageNumber: 1 });
    const page = await createPaddleOcrEngine().recognize({ bytes, pageNumber: 1 });

    // Read along its region, the column is lost.
    expect(texts(alongRegions)).not.toContain(ISSUER);
    const issuer = page.lines.find((line) => line.text === ISSUER);
    expect(issuer).toBeDefined();
    expect(issuer!.box.height).toBeGreaterThan(issuer!.box.width * 5);
    const tops = issuer!.words!.map((word) => word.box.y);
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
    expect(issuer!.words![0].box.y).toBeLessThan(270);
    // The lines across the page read as before.
    expect(texts(page).filter((line) => line !== ISSUER)).toEqual(texts(alongRegions).filter((line) => line.length > 1));
  });
});
