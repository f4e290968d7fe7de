import sharp from 'sharp';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_INTAKE_LIMITS } from '../../shared/intake/index.js';
import type { OcrEngine, OcrLine, OcrPage, Raster, RegionToRead } from '../../shared/ocr/index.js';
import { PdfFile } from '../../shared/pdf/index.js';
import { readPages, regionReader } from '../../shared/reading/index.js';
import { makeScannedPdf } from '../pdf/pdf-factory.js';

/** An engine that reads raw pixels and regions of them, remembering the pixels each was given. */
function rememberingOcr(): OcrEngine & { pages: Raster[]; regions: Raster[] } {
  const engine = {
    name: 'paddle' as const,
    pages: [] as Raster[],
    regions: [] as Raster[],
    async recognize(): Promise<OcrPage> {
      throw new Error('pixels are handed over raw');
    },
    async recognizeRaster(raster: Raster, pageNumber: number): Promise<OcrPage> {
      engine.pages.push(raster);
      return { pageNumber, width: raster.width, height: raster.height, rotation: 0, source: 'paddle', lines: [] };
    },
    async recognizeRegion(raster: Raster, region: RegionToRead): Promise<OcrLine[]> {
      engine.regions.push(raster);
      return [{ text: '王晓明', confidence: 0.99, box: region.box }];
    },
  };
  return engine;
}

/** A 150 dpi A4 scan: grey paper with a dark bar at `barY` (px), so each page's pixels are its own. */
async function scan(barY: number): Promise<Uint8Array> {
  const bar = await sharp({ create: { width: 900, height: 60, channels: 3, background: '#202020' } })
    .png()
    .toBuffer();
  const png = await sharp({ create: { width: 1240, height: 1754, channels: 3, background: '#f0efe8' } })
    .composite([{ input: bar, left: 170, top: barY }])
    .png()
    .toBuffer();
  return new Uint8Array(png);
}

const region = { box: { x: 150, y: 280, width: 900, height: 120 }, lineHeight: 40 };

afterEach(() => {
  vi.restoreAllMocks();
});

describe('regionReader on a scanned PDF', () => {
  it('reads a page’s region again from the very pixels the page pass read', async () => {
    // Prepare
    const bytes = makeScannedPdf([await scan(300), await scan(900)]);
    const ocr = rememberingOcr();
    const { pages } = await readPages(bytes, 'pdf', { ocr, limits: DEFAULT_INTAKE_LIMITS });

    // Act
    const readRegion = regionReader(bytes, 'pdf', { ocr, limits: DEFAULT_INTAKE_LIMITS })!;
    const lines = await readRegion(pages[1], region);

    // Assess
    expect(lines?.map((line) => line.text)).toEqual(['王晓明']);
    expect(ocr.regions).toHaveLength(1);
    expect(ocr.regions[0].width).toBe(ocr.pages[1].width);
    expect(ocr.regions[0].height).toBe(ocr.pages[1].height);
    expect(Buffer.compare(Buffer.from(ocr.regions[0].data), Buffer.from(ocr.pages[1].data))).toBe(0);
  });

  it('opens the file and draws a page once for all of that page’s regions, and closes the file after', async () => {
    // Prepare
    const bytes = makeScannedPdf([await scan(300), await scan(900)]);
    const ocr = rememberingOcr();
    const { pages } = await readPages(bytes, 'pdf', { ocr, limits: DEFAULT_INTAKE_LIMITS });
    const opened = vi.spyOn(PdfFile, 'open');
    const drawn = vi.spyOn(PdfFile.prototype, 'ocrRaster');
    const closed = vi.spyOn(PdfFile.prototype, 'close');

    // Act
    const readRegion = regionReader(bytes, 'pdf', { ocr, limits: DEFAULT_INTAKE_LIMITS })!;
    for (const page of pages) for (let n = 0; n < 3; n++) await readRegion(page, { ...region, box: { ...region.box, y: 200 + 300 * n } });

    // Assess: one opening and one drawing per page asked about, each file closed before the next page's.
    expect(ocr.regions).toHaveLength(6);
    expect(opened).toHaveBeenCalledTimes(2);
    expect(drawn.mock.calls.map(([pageNumber]) => pageNumber)).toEqual([1, 2]);
    expect(closed).toHaveBeenCalledTimes(2);
  });
});

describe('regionReader with the pixels reading handed over', () => {
  it('reads the last OCRed page’s regions from the pixels its page pass read, without opening the file again', async () => {
    // Prepare
    const bytes = makeScannedPdf([await scan(300), await scan(900)]);
    const ocr = rememberingOcr();
    const { pages, lastRaster } = await readPages(bytes, 'pdf', { ocr, limits: DEFAULT_INTAKE_LIMITS });
    const opened = vi.spyOn(PdfFile, 'open');

    // Act
    const readRegion = regionReader(bytes, 'pdf', { ocr, limits: DEFAULT_INTAKE_LIMITS, known: lastRaster })!;
    await readRegion(pages[1], region);

    // Assess: the second page is the one handed over, read from the very buffer OCR had; the file is not opened.
    expect(lastRaster?.pageNumber).toBe(2);
    expect(ocr.regions[0] === ocr.pages[1]).toBe(true);
    expect(opened).not.toHaveBeenCalled();
  });

  it('still decodes a page other than the one handed over, to the same pixels its page pass read', async () => {
    // Prepare
    const bytes = makeScannedPdf([await scan(300), await scan(900)]);
    const ocr = rememberingOcr();
    const { pages, lastRaster } = await readPages(bytes, 'pdf', { ocr, limits: DEFAULT_INTAKE_LIMITS });

    // Act
    const readRegion = regionReader(bytes, 'pdf', { ocr, limits: DEFAULT_INTAKE_LIMITS, known: lastRaster })!;
    await readRegion(pages[0], region);

    // Assess
    expect(ocr.regions[0] === ocr.pages[0]).toBe(false);
    expect(Buffer.compare(Buffer.from(ocr.regions[0].data), Buffer.from(ocr.pages[0].data))).toBe(0);
  });

  it('reads an image’s page from the pixels handed over, without decoding the file again', async () => {
    // Prepare
    const bytes = await scan(300);
    const ocr = rememberingOcr();
    const { pages, lastRaster } = await readPages(bytes, 'png', { ocr, limits: DEFAULT_INTAKE_LIMITS });

    // Act: bytes that cannot be decoded, so only the pixels handed over can give the region.
    const readRegion = regionReader(new Uint8Array(16), 'png', { ocr, limits: DEFAULT_INTAKE_LIMITS, known: lastRaster })!;
    const lines = await readRegion(pages[0], region);

    // Assess
    expect(lines?.map((line) => line.text)).toEqual(['王晓明']);
    expect(ocr.regions[0] === ocr.pages[0]).toBe(true);
  });
});
