import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { describeFailure, reasonText } from '../../shared/intake/failure.js';
import {
  PdfCorruptError,
  PdfEncryptedError,
  MAX_RENDER_PIXELS,
  PdfFile,
  PdfPageTooLargeError,
  PdfTooManyPagesError,
  inspectPdf,
  readTextLayer,
  renderPage,
  splitPdf,
} from '../../shared/pdf/index.js';
import { ocrPageSchema } from '../../shared/ocr/index.js';
import { makeDigitalPdf, makeEncryptedPdf, makeHandWrittenPdf, makeScannedPdf, makeScannedPdfWithOverlay, makeScannedPdfWithText } from './pdf-factory.js';

const certificatePage = [
  { text: '职业技能等级证书', x: 200, y: 120, size: 24 },
  { text: '姓名：王晓明', x: 72, y: 200 },
  { text: '证件号码：330106199001011234', x: 72, y: 230 },
  { text: '发证日期：2021年06月18日', x: 72, y: 260 },
];

describe('page size limits', () => {
  it('refuses a 1 KB PDF declaring a 5000 × 5000 pt page as `pdf_page_too_large` before rendering anything', () => {
    const bomb = makeHandWrittenPdf(5000, 5000);
    expect(bomb.length).toBeLessThan(1024);
    const rss = process.memoryUsage().rss;

    expect(() => PdfFile.open(bomb)).toThrow(PdfPageTooLargeError);
    expect(() => inspectPdf(bomb)).toThrow(expect.objectContaining({ code: 'pdf_page_too_large' }));
    // Nothing was drawn: the process did not grow by the gigabyte a 200-dpi render of that page needs.
    expect(process.memoryUsage().rss - rss).toBeLessThan(200 * 1024 * 1024);
  });

  it('renders a page larger than A1 within the pixel cap, its text-layer boxes in the same (lowered) scale', () => {
    const poster = PdfFile.open(makeHandWrittenPdf(2000, 3000));
    try {
      const raster = poster.renderPageRaster(1, 200);
      const layer = poster.readTextLayer(1, 200);
      expect(raster.width * raster.height).toBeLessThanOrEqual(MAX_RENDER_PIXELS);
      expect(raster.width * raster.height).toBeGreaterThan(MAX_RENDER_PIXELS * 0.95);
      // Same pixels for the image and for the boxes; an A4 page is untouched by the cap.
      if (layer) expect([layer.width, layer.height]).toEqual([raster.width, raster.height]);
    } finally {
      poster.close();
    }
    const a4 = PdfFile.open(makeDigitalPdf([certificatePage]));
    try {
      expect(a4.renderPageRaster(1, 200)).toMatchObject({ width: Math.round((595 * 200) / 72), height: Math.round((842 * 200) / 72) });
    } finally {
      a4.close();
    }
  });
});

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
    expect(error).toMatchObject({ code: 'pdf_too_many_pages', pageCount: 3, maxPages: 2, context: { pageCount: 3, maxPages: 2 } });
    expect(describeFailure(error)).toMatchObject({ status: 'rejected', error: { code: 'pdf_too_many_pages', message: reasonText('pdf_too_many_pages').zh } });
  });
});

describe('readTextLayer', () => {
  it('reads the text layer of a digital PDF with boxes in pixels of the page at the given dpi', () => {
    const pdf = makeDigitalPdf([certificatePage]);

    const page = readTextLayer(pdf, 1, 144);

    expect(ocrPageSchema.parse(page)).toBeTruthy();
    expect(page).toMatchObject({ pageNumber: 1, width: 1190, height: 1684, rotation: 0, source: 'text_layer' });
    expect(page!.lines.map((line) => line.text)).toEqual(['职业技能等级证书', '姓名：王晓明', '证件号码：330106199001011234', '发证日期：2021年06月18日']);
    const name = page!.lines[1];
    expect(name.confidence).toBe(1);
    // Baseline at y = 200 pt, 14 pt text → the box spans roughly 186–204 pt, i.e. ×2 at 144 dpi.
    expect(name.box.x).toBeCloseTo(144, 0);
    expect(name.box.y).toBeGreaterThan(360);
    expect(name.box.y + name.box.height).toBeLessThan(420);
    expect(name.box.width).toBeGreaterThan(150);
  });

  it('returns undefined for a scanned page with no text layer', async () => {
    const png = new Uint8Array(
      await sharp({ create: { width: 200, height: 280, channels: 3, background: '#eee' } })
        .png()
        .toBuffer(),
    );
    const pdf = makeScannedPdf([png]);

    expect(readTextLayer(pdf, 1)).toBeUndefined();
  });

  it('leaves a watermark drawn across the page out of the text layer, and keeps the rows and a turned column', () => {
    const watermark = (y: number) => ({ text: '仅供杭州市西湖区人力社保局审核使用', x: 40, y, size: 20, angle: 35 });
    const pdf = makeDigitalPdf([[...certificatePage, watermark(500), watermark(700), { text: '副本编号甲乙', x: 560, y: 700, angle: 90 }]]);

    const page = readTextLayer(pdf, 1, 144);

    expect(page!.lines.map((line) => line.text)).toEqual([...certificatePage.map((run) => run.text), '副本编号甲乙']);
  });

  it('keeps a seal’s lettering drawn one character to a line, each turned round the ring', () => {
    const ring = [...'杭州之江职业培训学校'].map((text, i) => ({ text, x: 400 + 40 * Math.cos(i / 3), y: 600 - 40 * Math.sin(i / 3), angle: 90 - i * 20 }));
    const pdf = makeDigitalPdf([[...certificatePage, ...ring]]);

    const page = readTextLayer(pdf, 1, 144);

    expect(page!.lines.map((line) => line.text).slice(certificatePage.length)).toEqual([...'杭州之江职业培训学校']);
  });

  it('reads a scan under a slanted text watermark as a scan: the watermark makes no text layer', async () => {
    const png = new Uint8Array(
      await sharp({ create: { width: 200, height: 280, channels: 3, background: '#eee' } })
        .png()
        .toBuffer(),
    );
    const slanted = [300, 500, 700].map((y) => ({ text: '仅供杭州市西湖区人力社保局审核使用', x: 40, y, size: 20, angle: 30 }));
    const pdf = makeScannedPdfWithText(png, slanted);

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

/** An A4 scan at `dpi`: light paper, one dark bar (ink) across the top quarter; optionally transparent at the left. */
async function scanImage(dpi: number, options: { format?: 'jpeg' | 'png'; transparentLeft?: boolean } = {}): Promise<Uint8Array> {
  const width = Math.round((595 * dpi) / 72);
  const height = Math.round((842 * dpi) / 72);
  const bar = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect x="${width / 4}" y="${height / 8}" width="${width / 2}" height="${height / 16}" fill="#202020"/></svg>`,
  );
  let image = sharp({ create: { width, height, channels: 4, background: { r: 240, g: 238, b: 230, alpha: 1 } } }).composite([{ input: bar }]);
  if (options.transparentLeft) {
    const clear = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width / 8}" height="${height}" fill="#000"/></svg>`,
    );
    image = sharp(await image.png().toBuffer()).composite([{ input: clear, blend: 'dest-out' }]);
  }
  return new Uint8Array(options.format === 'jpeg' ? await image.flatten().jpeg({ quality: 90 }).toBuffer() : await image.png().toBuffer());
}

function meanDifference(a: Uint8Array, b: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i] - b[i]);
  return sum / a.length;
}

describe('PdfFile.ocrRaster', () => {
  it("gives a scanned page's own image pixels, the same pixels mupdf renders at the scan's resolution", async () => {
    const pdf = PdfFile.open(makeScannedPdf([await scanImage(200, { format: 'jpeg' })]));
    try {
      const { raster, source } = await pdf.ocrRaster(1, 200);
      const rendered = pdf.renderPageRaster(1, 200);

      expect(source).toBe('scan_image');
      expect(raster).toMatchObject({ width: rendered.width, height: rendered.height });
      expect(meanDifference(raster.data, rendered.data)).toBeLessThan(1);
    } finally {
      pdf.close();
    }
  });

  it('does not upscale a 150 dpi scan to the OCR resolution', async () => {
    const pdf = PdfFile.open(makeScannedPdf([await scanImage(150)]));
    try {
      const { raster, source } = await pdf.ocrRaster(1, 200);

      expect(source).toBe('scan_image');
      expect(raster).toMatchObject({ width: 1240, height: 1754 });
      expect(raster.data.length).toBe(1240 * 1754 * 3);
    } finally {
      pdf.close();
    }
  });

  it('scales a 300 dpi scan down to the page size at the OCR resolution', async () => {
    const pdf = PdfFile.open(makeScannedPdf([await scanImage(300, { format: 'jpeg' })]));
    try {
      const { raster, source } = await pdf.ocrRaster(1, 200);

      expect(source).toBe('scan_image');
      expect(raster).toMatchObject({ width: 1653, height: 2339 });
      // The ink bar is still where it was: dark in the middle of the top quarter, paper beside it.
      const at = (x: number, y: number) => raster.data[(y * raster.width + x) * 3];
      expect(at(826, 352)).toBeLessThan(60);
      expect(at(100, 352)).toBeGreaterThan(200);
    } finally {
      pdf.close();
    }
  });

  it("lays a scan's transparent parts onto white paper", async () => {
    const pdf = PdfFile.open(makeScannedPdf([await scanImage(150, { transparentLeft: true })]));
    try {
      const { raster, source } = await pdf.ocrRaster(1, 200);

      expect(source).toBe('scan_image');
      expect([...raster.data.subarray(0, 3)]).toEqual([255, 255, 255]);
      const paper = ((1754 / 2) * 1240 + 600) * 3;
      expect(raster.data[paper]).toBeGreaterThan(225);
      expect(raster.data[paper]).toBeLessThan(250);
    } finally {
      pdf.close();
    }
  });

  it('renders a page whose scan has marks drawn over it, a digital page, and a scan too small for the detector', async () => {
    const stamped = makeScannedPdfWithOverlay(await scanImage(150), '1 0 0 rg 400 100 80 80 re f');
    const small = makeScannedPdf([await scanImage(72)]);
    for (const bytes of [stamped, makeDigitalPdf([certificatePage]), small]) {
      const pdf = PdfFile.open(bytes);
      try {
        const { raster, source } = await pdf.ocrRaster(1, 100);

        const rendered = pdf.renderPageRaster(1, 100);

        expect(source).toBe('rendered');
        expect(raster).toMatchObject({ width: rendered.width, height: rendered.height });
        expect(Buffer.from(raster.data).equals(Buffer.from(rendered.data))).toBe(true);
      } finally {
        pdf.close();
      }
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
