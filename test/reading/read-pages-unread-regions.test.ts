import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { OcrLine } from '../../shared/documents/ocr-page.js';
import { DEFAULT_INTAKE_LIMITS } from '../../shared/intake/index.js';
import type { OcrEngine, OcrPage, PageImage, Raster, RegionToRead } from '../../shared/ocr/index.js';
import { readTextLayer } from '../../shared/pdf/index.js';
import { readPages, UNREAD_REGION_CONFIDENCE } from '../../shared/reading/index.js';
import { certificatePage, makeDigitalPdf } from '../pdf/pdf-factory.js';

// A text-layer page with a value pasted as a picture (mixed31): the page is read from its text, and the picture's
// pixels alone by OCR, its lines added with their confidence under the review threshold.

/** An engine whose region reading answers `read` (in the region's pixels), remembering the rasters it was handed. */
function regionOcr(read: { text: string; confidence: number } | undefined): OcrEngine & { regions: { raster: Raster; region: RegionToRead }[] } {
  const engine = {
    name: 'paddle' as const,
    regions: [] as { raster: Raster; region: RegionToRead }[],
    async recognize(image: PageImage): Promise<OcrPage> {
      return { pageNumber: image.pageNumber, width: 1, height: 1, rotation: 0, source: 'paddle', lines: [] };
    },
    async recognizeRegion(raster: Raster, region: RegionToRead): Promise<OcrLine[]> {
      engine.regions.push({ raster, region });
      if (!read) return [];
      const box = { x: region.box.x + 2, y: region.box.y + 2, width: region.box.width - 4, height: region.box.height - 4 };
      return [{ ...read, box, words: [{ text: read.text, confidence: read.confidence, box }] }];
    },
  };
  return engine;
}

const pastedName = async () => {
  const png = new Uint8Array(
    await sharp({ create: { width: 120, height: 28, channels: 3, background: '#fff' } })
      .composite([{ input: { create: { width: 90, height: 14, channels: 3, background: '#222' } }, left: 10, top: 7 }])
      .png()
      .toBuffer(),
  );
  const runs = [...certificatePage.filter((run) => !run.text.startsWith('姓名')), { text: '姓名：', x: 72, y: 200 }];
  return makeDigitalPdf([runs], { images: [{ png, x: 120, y: 186, width: 60, height: 14 }] });
};

describe('readPages on a text-layer page with a value pasted as a picture', () => {
  it('adds what OCR reads in the picture alone, where the picture lies, under the review threshold', async () => {
    const pdf = await pastedName();
    const ocr = regionOcr({ text: '王晓明', confidence: 0.98 });

    const { pages } = await readPages(pdf, 'pdf', { ocr, limits: DEFAULT_INTAKE_LIMITS, ocrDpi: 144 });

    expect(pages[0]!.source).toBe('text_layer');
    expect(pages[0]!.lines.slice(0, -1)).toEqual(readTextLayer(pdf, 1, 144)!.lines);
    const added = pages[0]!.lines.at(-1)!;
    expect(added).toMatchObject({ text: '王晓明', confidence: UNREAD_REGION_CONFIDENCE, words: [{ text: '王晓明' }] });
    // The picture at 144 dpi: (240, 372), 120 × 28 px; the engine's box was 2 px inside it.
    expect(added.box).toEqual({ x: 242, y: 374, width: 116, height: 24 });
    // Only the picture's pixels were handed over: the label beside it is white there.
    const { raster, region } = ocr.regions[0]!;
    expect(region.box).toEqual({ x: 8, y: 8, width: 120, height: 28 });
    expect(raster.width).toBe(136);
    expect(Math.min(...raster.data.subarray(0, 8 * raster.width * 3))).toBe(255);
  });

  it('adds nothing OCR is unsure of (a mask over a value reads as a guess)', async () => {
    const pdf = await pastedName();

    const { pages } = await readPages(pdf, 'pdf', { ocr: regionOcr({ text: '王', confidence: 0.6 }), limits: DEFAULT_INTAKE_LIMITS, ocrDpi: 144 });

    expect(pages[0]).toEqual(readTextLayer(pdf, 1, 144));
  });

  it('reads an ordinary text-layer page without asking the engine for anything', async () => {
    const pdf = makeDigitalPdf([certificatePage]);
    const ocr = regionOcr({ text: '王晓明', confidence: 0.98 });

    const { pages } = await readPages(pdf, 'pdf', { ocr, limits: DEFAULT_INTAKE_LIMITS, ocrDpi: 144 });

    expect(pages[0]).toEqual(readTextLayer(pdf, 1, 144));
    expect(ocr.regions).toHaveLength(0);
  });
});
