import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createPaddleOcrEngine, type OcrPage } from '../../shared/ocr/index.js';

// PP-OCR's detector gives thin strokes (`一`, `二`, `十`) little or no text probability: at small print it boxes `王一`
// as `王`, and a value made only of such strokes beside its label gets no box at all. Real models; the machine is
// shared, so the timeout is generous (nothing here asserts time).

const ROWS = [
  { label: '姓名：', value: '王一' },
  { label: '等级：', value: '二十一' },
  // A lone stroke: read unsure beside its label, so not kept (a mark beside a label is not always a value).
  { label: '编号：', value: '一' },
];

/** A form in 16-px type on a 1700-px page (as a phone photo of a certificate comes to the engine), JPEG. */
async function smallPrintForm(): Promise<Buffer> {
  const rows = ROWS.map(
    (row, k) =>
      `<text x="80" y="${120 + 110 * k}" font-family="Noto Sans CJK SC" font-size="16" fill="#222">${row.label}</text>` +
      `<text x="176" y="${120 + 110 * k}" font-family="Noto Sans CJK SC" font-size="16" fill="#222">${row.value}</text>`,
  );
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1700" height="480"><rect width="100%" height="100%" fill="#fff"/>${rows.join('')}</svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 75 }).toBuffer();
}

const texts = (page: OcrPage) => page.lines.map((line) => line.text);

describe('PaddleOcrEngine, thin glyphs the detector leaves unboxed', () => {
  it('reads a trailing `一` and values of thin strokes beside their labels', { timeout: 120_000 }, async () => {
    const bytes = await smallPrintForm();

    const asDetected = await createPaddleOcrEngine({ unboxedGlyphs: false }).recognize({ bytes, pageNumber: 1 });
    const page = await createPaddleOcrEngine().recognize({ bytes, pageNumber: 1 });

    // The detector's blind spot, as it is: `王一` boxed as `王`, the other values not boxed.
    expect(texts(asDetected)).toContain('王');
    expect(texts(asDetected)).not.toContain('二十一');
    expect(texts(page)).toEqual(['姓名：', '王一', '等级：', '二十一', '编号：']);
    const name = page.lines[1];
    const label = page.lines[0];
    expect(Math.abs(name.box.y + name.box.height / 2 - (label.box.y + label.box.height / 2))).toBeLessThan(label.box.height / 2);
  });
});
