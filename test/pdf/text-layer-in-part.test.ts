import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PdfFile, readTextLayer } from '../../shared/pdf/index.js';
import { certificatePage, makeDigitalPdf, type PlacedImage, type TextRun } from './pdf-factory.js';

// Digital pages whose text layer holds all but a part of what they show (mixed31): a value pasted as a picture, a
// value drawn in a font of its own whose ToUnicode table is broken. The page keeps its text layer; those parts are
// listed for OCR of their pixels, and the broken font's lines are left out (read with confidence 1, they would be
// confident wrong values).

const parts = (pdf: Uint8Array) => {
  const file = PdfFile.open(pdf);
  try {
    return file.readTextLayerParts(1, 144);
  } finally {
    file.close();
  }
};

/** The certificate with its name's value drawn in the value font, on a line of its own after the label. */
const withValueFont = (name: string): TextRun[] => [
  ...certificatePage.filter((run) => !run.text.startsWith('姓名')),
  { text: '姓名：', x: 72, y: 200 },
  { text: name, x: 120, y: 200, valueFont: true },
];

const picture = async (width: number, height: number): Promise<Uint8Array> =>
  new Uint8Array(
    await sharp({ create: { width, height, channels: 3, background: '#fff' } })
      .composite([
        { input: { create: { width: Math.round(width * 0.8), height: Math.round(height * 0.5), channels: 3, background: '#222' } }, left: 4, top: 4 },
      ])
      .png()
      .toBuffer(),
  );

describe('a value in a font of its own whose ToUnicode table is broken', () => {
  it('leaves out a value whose font names each character by its code neighbour, and lists its line for OCR', () => {
    // 张三丰 named 弡上丱: two characters no page prints, one common (a table off by a code names rare ones mostly).
    const shifted = Object.fromEntries([...'张三丰'].map((c) => [c, String.fromCodePoint(c.codePointAt(0)! + 1)]));

    const read = parts(makeDigitalPdf([withValueFont('张三丰')], { valueFontToUnicode: shifted }));

    // The label and the value its row joins are left out together, and the row read by OCR.
    expect(read?.page.lines.map((line) => line.text)).toEqual(certificatePage.filter((run) => !run.text.startsWith('姓名')).map((run) => run.text));
    expect(read?.unread.map((region) => region.why)).toEqual(['broken_font']);
    // Where the row is drawn (144 dpi: 2 px a point; baseline at 200 pt): from the label to past the value's start.
    const { x, y, width, height } = read!.unread[0]!.box;
    expect(x).toBeCloseTo(144, -1);
    expect(x + width).toBeGreaterThan(240);
    expect(y).toBeLessThan(400);
    expect(y + height).toBeGreaterThan(395);
  });

  it('leaves out a value whose font has no Unicode for its glyphs (U+FFFD), the rest of the page read from its text', () => {
    const unmapped = Object.fromEntries([...'王晓明'].map((c) => [c, '\ufffd']));

    const read = parts(makeDigitalPdf([withValueFont('王晓明')], { valueFontToUnicode: unmapped }));

    expect(read?.page.lines.map((line) => line.text)).toEqual(certificatePage.filter((run) => !run.text.startsWith('姓名')).map((run) => run.text));
    expect(read?.unread.map((region) => region.why)).toEqual(['broken_font']);
  });

  it('leaves out digits whose font’s table names each by the next one, which its glyphs contradict', () => {
    const shifted = Object.fromEntries([...'0123456789'].map((c) => [c, String((Number(c) + 1) % 10)]));
    const page = [...certificatePage.filter((run) => !run.text.startsWith('证书编号')), { text: '证书编号：', x: 72, y: 260 }];

    const read = parts(makeDigitalPdf([[...page, { text: '3301120221100011', x: 300, y: 260, valueFont: true }]], { valueFontToUnicode: shifted }));

    expect(read?.page.lines.map((line) => line.text).join('')).not.toContain('4412231332211122');
    expect(read?.unread.map((region) => region.why)).toEqual(['broken_font']);
  });

  it('keeps a name in a font of its own with one rare character (王堃)', () => {
    const read = parts(makeDigitalPdf([withValueFont('王堃')]));

    expect(read?.page.lines.map((line) => line.text)).toContain('姓名：王堃');
    expect(read?.unread).toEqual([]);
  });
});

describe('pictures on a text-layer page', () => {
  it('lists a line-shaped picture no text touches (a value pasted as an image) for OCR', async () => {
    const pasted: PlacedImage = { png: await picture(120, 28), x: 120, y: 186, width: 60, height: 14 };

    const read = parts(makeDigitalPdf([withValueFont('').slice(0, -1)], { images: [pasted] }));

    expect(read?.page.lines).toHaveLength(certificatePage.length);
    expect(read?.unread).toEqual([{ why: 'image', box: { x: 240, y: 372, width: 120, height: 28 } }]);
  });

  it('lists no picture that is taller than wide (a photo on a card), one under text, or a speck', async () => {
    const images: PlacedImage[] = [
      { png: await picture(80, 100), x: 420, y: 160, width: 80, height: 100 },
      { png: await picture(200, 30), x: 70, y: 218, width: 200, height: 16 },
      { png: await picture(8, 8), x: 400, y: 400, width: 3, height: 3 },
    ];

    const read = parts(makeDigitalPdf([certificatePage], { images }));

    expect(read?.page.lines).toHaveLength(certificatePage.length);
    expect(read?.unread).toEqual([]);
  });

  it('reads an ordinary page as `readTextLayer` does, with nothing left for OCR', () => {
    const pdf = makeDigitalPdf([certificatePage]);

    expect(parts(pdf)).toEqual({ page: readTextLayer(pdf, 1, 144), unread: [] });
  });
});
