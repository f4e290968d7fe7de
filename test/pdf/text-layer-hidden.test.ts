import * as mupdf from 'mupdf';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { PdfFile, readTextLayer } from '../../shared/pdf/index.js';
import { certificatePage, makeDigitalPdf, makeScannedPdfWithText } from './pdf-factory.js';

// PDFs whose text layer is not the text the page shows (digital30): a scanner app's invisible OCR layer over the page's
// image, fonts whose ToUnicode tables name other code points than the glyphs show. Such a page must be OCRed: its text
// layer would be read with confidence 1, every wrong character a confident wrong value.

const texts = (pdf: Uint8Array) => readTextLayer(pdf, 1, 144)?.lines.map((line) => line.text);

/** The pages of `parts` (PDFs) one after another in one PDF. */
function joined(parts: Uint8Array[]): Uint8Array {
  const document = new mupdf.PDFDocument();
  try {
    for (const part of parts) {
      const source = mupdf.Document.openDocument(part.slice(), 'application/pdf') as mupdf.PDFDocument;
      for (let index = 0; index < source.countPages(); index++) document.graftPage(-1, source, index);
      source.destroy();
    }
    return document.saveToBuffer('compress').asUint8Array().slice();
  } finally {
    document.destroy();
  }
}

const greyPage = async () =>
  new Uint8Array(
    await sharp({ create: { width: 200, height: 280, channels: 3, background: '#eee' } })
      .png()
      .toBuffer(),
  );

describe('text drawn invisibly (render mode 3)', () => {
  it('reads a scan under an invisible OCR layer as a page with no text layer, to be OCRed', async () => {
    // A quick OCR's layer, misread (晓 as 晚, a digit off), and long enough to pass for a scanner's full text.
    const misread = [
      '职业技能等级证书',
      '姓名：王晚明',
      '工作单位：杭州市西湖区人力资源和社会保障局',
      '证书编号：3301120221100017',
      '发证日期：2021年06月18日',
    ];
    const layer = certificatePage.map((run, k) => ({ ...run, text: misread[k], invisible: true }));

    const page = readTextLayer(makeScannedPdfWithText(await greyPage(), layer), 1, 144);

    expect(page).toBeUndefined();
  });

  it('reads a digital contract’s pages from their text and its scanned signature page, OCR layer and all, as a scan', async () => {
    const scanned = makeScannedPdfWithText(await greyPage(), [
      { text: '甲方（盖章）：杭州市西湖区人力资源和社会保障局　乙方（签字）：王晓明', x: 72, y: 600, invisible: true },
      { text: '签订日期：2021年06月18日　签订日期：2021年06月18日', x: 72, y: 640, invisible: true },
    ]);
    const pdf = PdfFile.open(joined([makeDigitalPdf([certificatePage]), scanned, makeDigitalPdf([certificatePage])]));

    try {
      expect([1, 2, 3].map((page) => pdf.readTextLayer(page, 144)?.lines.length)).toEqual([certificatePage.length, undefined, certificatePage.length]);
    } finally {
      pdf.close();
    }
  });

  it('keeps the visible text printed over a scan and leaves out a run drawn invisibly over it', async () => {
    const pdf = makeScannedPdfWithText(await greyPage(), [...certificatePage, { text: '姓名：王小明', x: 300, y: 200, invisible: true }]);

    expect(texts(pdf)).toEqual(certificatePage.map((run) => run.text));
  });

  it('keeps invisible text drawn over no image (text drawn as outlines, its words laid invisibly over them for search)', () => {
    const pdf = makeDigitalPdf([certificatePage.map((run) => ({ ...run, invisible: true }))]);

    expect(texts(pdf)).toEqual(certificatePage.map((run) => run.text));
  });

  it('reads once a visible run drawn where an invisible copy of it lies', () => {
    const pdf = makeDigitalPdf([[...certificatePage, { ...certificatePage[1], invisible: true }]]);

    expect(texts(pdf)?.sort()).toEqual(certificatePage.map((run) => run.text).sort());
  });
});

describe('fonts whose ToUnicode tables name other code points', () => {
  const characters = [...new Set(certificatePage.flatMap((run) => [...run.text]))];

  it('OCRs a page whose table names glyph ids as code points (Braille, CJK Extension A, IPA, Latin Extended-B)', () => {
    const garbage = ['\u0188', '\u28d4', '\u3bf9', '\u0268', '\u2fff'];
    const named = Object.fromEntries(characters.map((c, k) => [c, garbage[k % garbage.length]]));

    expect(texts(makeDigitalPdf([certificatePage], { toUnicode: named }))).toBeUndefined();
  });

  it('OCRs a page whose table names every Chinese character by its neighbour in the code table', () => {
    const named = Object.fromEntries(characters.filter((c) => /\p{Script=Han}/u.test(c)).map((c) => [c, String.fromCodePoint(c.codePointAt(0)! + 1)]));

    expect(texts(makeDigitalPdf([certificatePage], { toUnicode: named }))).toBeUndefined();
  });

  it('reads a page with a rare character in a name, a pinyin name, traditional characters and Uyghur as before', () => {
    const page = [
      ...certificatePage,
      { text: '姓名：王堃 Wáng Kūn', x: 72, y: 320 },
      { text: '發證機關：臺灣職業訓練局', x: 72, y: 350 },
      // A bilingual licence from Xinjiang: a good share of the page in Uyghur.
      ...[380, 410, 440, 470].map((y) => ({ text: '甲乙丙丁戊：己庚辛壬', x: 72, y })),
    ];
    // mupdf's built-in font draws no Arabic: the Uyghur line's glyphs are named by the ToUnicode table (ئىسمى：ئەخم).
    const uyghur = Object.fromEntries([...'甲乙丙丁戊己庚辛壬'].map((c, k) => [c, 'ئىسمىئەخمە'[k]]));

    const lines = texts(makeDigitalPdf([page], { toUnicode: uyghur }));

    // The page is read from its text (mupdf lays the right-to-left line out in its own order).
    expect(lines?.slice(0, -4)).toEqual(page.slice(0, -4).map((run) => run.text));
    expect(lines?.slice(-4).map((line) => [...line].sort().join(''))).toEqual(Array(4).fill([...'ئىسمى：ئەخم'].sort().join('')));
  });
});
