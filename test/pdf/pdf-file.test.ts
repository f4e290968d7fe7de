import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import {
  PdfCorruptError,
  PdfEncryptedError,
  PdfFile,
  PdfTooManyPagesError,
  inspectPdf,
  readTextLayer,
  renderPage,
  splitPdf,
} from '../../shared/pdf/index.js';
import { ocrPageSchema } from '../../shared/ocr/index.js';
import { makeDigitalPdf, makeEncryptedPdf, makeScannedPdf } from './pdf-factory.js';

const certificatePage = [
  { text: '职业技能等级证书', x: 200, y: 120, size: 24 },
  { text: '姓名：王晓明', x: 72, y: 200 },
  { text: '证件号码：330106199001011234', x: 72, y: 230 },
  { text: '发证日期：2021年06月18日', x: 72, y: 260 },
];

describe('inspectPdf', () => {
  it('counts the pages of a readable PDF and reports their sizes in points', () => {
    const pdf = makeDigitalPdf([certificatePage, certificatePage, certificatePage]);

    const info = inspectPdf(pdf);

    expect(info.pageCount).toBe(3);
    expect(info.pages[2]).toEqual({ pageNumber: 3, widthPt: 595, heightPt: 842 });
  });

  it('rejects an encrypted PDF with reason `pdf_encrypted`', () => {
    const encrypted = makeEncryptedPdf();

    expect(() => inspectPdf(encrypted)).toThrow(PdfEncryptedError);
    expect(() => inspectPdf(encrypted)).toThrow(expect.objectContaining({ code: 'pdf_encrypted' }));
  });

  it('rejects a truncated PDF (an interrupted upload) with reason `pdf_corrupt`', () => {
    const pdf = makeDigitalPdf([certificatePage, certificatePage]);

    for (const share of [0.95, 0.5, 0.1]) {
      const truncated = pdf.slice(0, Math.floor(pdf.length * share));
      expect(() => inspectPdf(truncated)).toThrow(PdfCorruptError);
    }
  });

  it('rejects bytes that are no PDF at all with reason `pdf_corrupt`', () => {
    const notPdf = new TextEncoder().encode('%PDF-1.7\nthis is not a PDF body\n%%EOF\n');

    expect(() => inspectPdf(notPdf)).toThrow(expect.objectContaining({ code: 'pdf_corrupt' }));
  });

  it('keeps mupdf’s diagnostics on the corrupt-PDF error instead of printing them', () => {
    const notPdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj garbage\n%%EOF\n');

    const error = (() => {
      try {
        inspectPdf(notPdf);
      } catch (e) {
        return e;
      }
    })();

    expect(error).toBeInstanceOf(PdfCorruptError);
    expect((error as PdfCorruptError).mupdfMessages.length).toBeGreaterThan(0);
  });

  it('opens a PDF with a broken cross-reference offset, repaired, and records the warning', () => {
    const pdf = Buffer.from(makeDigitalPdf([certificatePage]));
    const text = pdf.toString('latin1');
    const broken = Buffer.from(text.replace(/startxref\s+\d+/, 'startxref\n9'), 'latin1');

    const file = PdfFile.open(new Uint8Array(broken));
    try {
      expect(file.repaired).toBe(true);
      expect(file.warnings.join('\n')).toMatch(/repair/i);
      expect(file.readTextLayer(1)?.lines[1].text).toBe('姓名：王晓明');
    } finally {
      file.close();
    }
  });

  it('rejects a PDF over the page limit with reason `pdf_too_many_pages`', () => {
    const pdf = makeDigitalPdf([certificatePage, certificatePage, certificatePage]);

    const error = (() => {
      try {
        inspectPdf(pdf, { maxPages: 2 });
      } catch (e) {
        return e;
      }
    })();

    expect(error).toBeInstanceOf(PdfTooManyPagesError);
    expect(error).toMatchObject({ code: 'pdf_too_many_pages', pageCount: 3, maxPages: 2 });
    expect((error as PdfTooManyPagesError).messageZh).toContain('3 页');
  });
});

describe('readTextLayer', () => {
  it('reads the text layer of a digital PDF with boxes in pixels of the page at the given dpi', () => {
    const pdf = makeDigitalPdf([certificatePage]);

    const page = readTextLayer(pdf, 1, 144);

    expect(ocrPageSchema.parse(page)).toBeTruthy();
    expect(page).toMatchObject({ pageNumber: 1, width: 1190, height: 1684, rotation: 0, source: 'text_layer' });
    expect(page!.lines.map((line) => line.text)).toEqual([
      '职业技能等级证书',
      '姓名：王晓明',
      '证件号码：330106199001011234',
      '发证日期：2021年06月18日',
    ]);
    const name = page!.lines[1];
    expect(name.confidence).toBe(1);
    // Baseline at y = 200 pt, 14 pt text → the box spans roughly 186–204 pt, i.e. ×2 at 144 dpi.
    expect(name.box.x).toBeCloseTo(144, 0);
    expect(name.box.y).toBeGreaterThan(360);
    expect(name.box.y + name.box.height).toBeLessThan(420);
    expect(name.box.width).toBeGreaterThan(150);
  });

  it('returns undefined for a scanned page with no text layer', async () => {
    const png = new Uint8Array(await sharp({ create: { width: 200, height: 280, channels: 3, background: '#eee' } }).png().toBuffer());
    const pdf = makeScannedPdf([png]);

    expect(readTextLayer(pdf, 1)).toBeUndefined();
  });

  it('returns undefined when the text layer has fewer real characters than the rule asks', () => {
    const pdf = makeDigitalPdf([[{ text: '第1页', x: 72, y: 800 }]]);

    expect(readTextLayer(pdf, 1)).toBeUndefined();
  });
});

describe('renderPage', () => {
  it('renders a page as a PNG of the page size at the given dpi', async () => {
    const pdf = makeDigitalPdf([certificatePage]);

    const png = renderPage(pdf, 1, 72);

    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 595, height: 842 });
  });
});

describe('PdfFile.renderPageRaster', () => {
  it('renders raw RGB pixels of the page size at the given dpi', () => {
    const pdf = PdfFile.open(makeDigitalPdf([certificatePage]));
    try {
      const raster = pdf.renderPageRaster(1, 72);

      expect(raster).toMatchObject({ width: 595, height: 842 });
      expect(raster.data.length).toBe(595 * 842 * 3);
      // White paper in the top-left corner, dark ink somewhere in the title line.
      expect([...raster.data.subarray(0, 3)]).toEqual([255, 255, 255]);
      const titleRow = raster.data.subarray(110 * 595 * 3, 111 * 595 * 3);
      expect(Math.min(...titleRow)).toBeLessThan(100);
    } finally {
      pdf.close();
    }
  });
});

describe('splitPdf', () => {
  it('splits a PDF into single-page PDFs that keep their text', () => {
    const first = [{ text: '劳动合同 第一页 甲方：杭州西湖科技有限公司', x: 72, y: 100 }];
    const second = [{ text: '劳动合同 第二页 乙方：王晓明 签字', x: 72, y: 100 }];
    const pdf = makeDigitalPdf([first, second]);

    const parts = splitPdf(pdf);

    expect(parts).toHaveLength(2);
    expect(parts.map((part) => inspectPdf(part).pageCount)).toEqual([1, 1]);
    expect(readTextLayer(parts[1], 1)!.lines[0].text).toBe(second[0].text);
  });
});

describe('PdfFile', () => {
  it('reads many pages from one opened file', () => {
    const pdf = PdfFile.open(makeDigitalPdf([certificatePage, certificatePage]));
    try {
      expect([1, 2].map((n) => pdf.readTextLayer(n, 72)?.lines.length)).toEqual([4, 4]);
    } finally {
      pdf.close();
    }
  });
});
