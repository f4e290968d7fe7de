import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { normaliseForOcr } from '../../shared/images/index.js';
import { DEFAULT_INTAKE_LIMITS } from '../../shared/intake/index.js';
import { decodeRaster, type OcrEngine, type OcrPage, type PageImage, type Raster } from '../../shared/ocr/index.js';
import { PdfFile } from '../../shared/pdf/index.js';
import { imagePageRasters, readPages, type PageCheckpoints, type PagePreview } from '../../shared/reading/index.js';
import { makeScannedPdf } from '../pdf/pdf-factory.js';

/** An engine that reads raw pixels, remembering what it was given; `recognize` is not expected to be called. */
function rasterOcr(): OcrEngine & { rasters: Raster[]; encoded: number } {
  const engine = {
    name: 'paddle' as const,
    rasters: [] as Raster[],
    encoded: 0,
    async recognize(image: PageImage): Promise<OcrPage> {
      engine.encoded++;
      return { pageNumber: image.pageNumber, width: 1, height: 1, rotation: 0, source: 'paddle', lines: [] };
    },
    async recognizeRaster(raster: Raster, pageNumber: number): Promise<OcrPage> {
      engine.rasters.push(raster);
      return {
        pageNumber,
        width: raster.width,
        height: raster.height,
        rotation: 0,
        source: 'paddle',
        lines: [{ text: '职业技能等级证书', confidence: 0.99, box: { x: 0, y: 0, width: 10, height: 10 } }],
      };
    },
  };
  return engine;
}

function previewsKept(): PageCheckpoints & { previews: Map<number, PagePreview> } {
  const previews = new Map<number, PagePreview>();
  return { previews, load: async () => undefined, save: async (page, preview) => void (preview && previews.set(page.pageNumber, preview)) };
}

/** A photo-like page: a gradient with dark strokes, so resampling differences would show. */
async function photo(width: number, height: number, orientation?: number): Promise<Uint8Array> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <defs><linearGradient id="g"><stop offset="0" stop-color="#f4efe2"/><stop offset="1" stop-color="#c9c3b5"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/>
    <text x="${width * 0.1}" y="${height * 0.3}" font-size="${height * 0.08}" fill="#1c1c1c">职业技能等级证书 2021-06-18</text></svg>`;
  const image = sharp(Buffer.from(svg)).jpeg({ quality: 85 });
  return new Uint8Array(await (orientation ? image.withMetadata({ orientation }) : image).toBuffer());
}

describe('readPages with an engine that reads raw pixels', () => {
  it('hands a scanned PDF page over as the same pixels the PNG path would decode, without calling `recognize`', async () => {
    const png = new Uint8Array(
      await sharp(await photo(400, 560))
        .png()
        .toBuffer(),
    );
    const pdf = makeScannedPdf([png]);
    const ocr = rasterOcr();
    const checkpoints = previewsKept();

    const { pages } = await readPages(pdf, 'pdf', { ocr, limits: DEFAULT_INTAKE_LIMITS, ocrDpi: 100, checkpoints, previewDpi: 48 });

    const file = PdfFile.open(pdf);
    const viaPng = await decodeRaster(file.renderPage(1, 100));
    file.close();
    expect(ocr.encoded).toBe(0);
    expect(pages).toHaveLength(1);
    expect({ width: ocr.rasters[0]!.width, height: ocr.rasters[0]!.height }).toEqual({ width: viaPng.width, height: viaPng.height });
    expect(Buffer.from(ocr.rasters[0]!.data).equals(Buffer.from(viaPng.data))).toBe(true);
    expect(checkpoints.previews.get(1)!.contentType).toBe('image/jpeg');
    expect((await sharp(checkpoints.previews.get(1)!.bytes).metadata()).format).toBe('jpeg');
  });

  it('decodes a turned, oversized phone photo once, to the pixels normaliseForOcr and the engine would have made', async () => {
    const jpeg = await photo(3000, 2000, 6);
    const ocr = rasterOcr();
    const checkpoints = previewsKept();

    const { pages } = await readPages(jpeg, 'jpeg', { ocr, limits: DEFAULT_INTAKE_LIMITS, checkpoints, previewDpi: 48 });

    const [normalised] = await normaliseForOcr(jpeg);
    const viaPng = await decodeRaster(normalised!.bytes);
    expect(ocr.encoded).toBe(0);
    expect(pages[0]).toMatchObject({ pageNumber: 1, width: 1600, height: 2400 });
    expect({ width: ocr.rasters[0]!.width, height: ocr.rasters[0]!.height }).toEqual({ width: viaPng.width, height: viaPng.height });
    expect(Buffer.from(ocr.rasters[0]!.data).equals(Buffer.from(viaPng.data))).toBe(true);
    const preview = await sharp(checkpoints.previews.get(1)!.bytes).metadata();
    expect({ format: preview.format, tall: preview.height! > preview.width! }).toEqual({ format: 'jpeg', tall: true });
  });
});

describe('imagePageRasters', () => {
  it('refuses an image over the pixel limit before decoding it (`image_too_large`)', async () => {
    await expect(imagePageRasters(await photo(400, 300), { pixelLimit: 1000 })).rejects.toMatchObject({ code: 'image_too_large' });
  });
});

describe('previews stored while the page is read', () => {
  it("stores a scanned page's preview before OCR returns when the checkpoints can, and its text after, without the preview again", async () => {
    const scan = await photo(400, 300);
    const png = new Uint8Array(await sharp(scan).png().toBuffer());
    for (const [bytes, type] of [
      [scan, 'jpeg'],
      [makeScannedPdf([png]), 'pdf'],
    ] as const) {
      const events: string[] = [];
      let previewStored!: () => void;
      const stored = new Promise<void>((resolve) => (previewStored = resolve));
      const checkpoints: PageCheckpoints = {
        load: async () => undefined,
        save: async (page, preview) => void events.push(`save ${page.pageNumber} ${preview ? 'with preview' : 'text only'}`),
        savePreview: async (pageNumber, preview) => {
          events.push(`preview ${pageNumber} ${preview.contentType}`);
          previewStored();
        },
      };
      const engine = rasterOcr();
      const slowEngine: OcrEngine = {
        ...engine,
        // Answers only once the preview is stored: the preview cannot be waiting for OCR.
        recognizeRaster: async (raster, pageNumber) => {
          await stored;
          events.push(`ocr ${pageNumber}`);
          return engine.recognizeRaster!(raster, pageNumber);
        },
      };

      await readPages(bytes, type, { ocr: slowEngine, limits: DEFAULT_INTAKE_LIMITS, checkpoints, previewDpi: 48 });

      expect(events, type).toEqual(['preview 1 image/jpeg', 'ocr 1', 'save 1 text only']);
    }
  });

  it("leaves the last page's text unstored when asked and hands it back, never a preview", async () => {
    const png = new Uint8Array(
      await sharp(await photo(400, 300))
        .png()
        .toBuffer(),
    );
    const saved: number[] = [];
    const previews: number[] = [];
    const checkpoints: PageCheckpoints = {
      load: async () => undefined,
      save: async (page) => void saved.push(page.pageNumber),
      savePreview: async (pageNumber) => void previews.push(pageNumber),
    };

    const read = await readPages(makeScannedPdf([png, png, png]), 'pdf', {
      ocr: rasterOcr(),
      limits: DEFAULT_INTAKE_LIMITS,
      checkpoints,
      previewDpi: 48,
      checkpointLastPage: false,
    });

    expect(read.pages.map((page) => page.pageNumber)).toEqual([1, 2, 3]);
    expect(saved).toEqual([1, 2]);
    expect(previews.sort()).toEqual([1, 2, 3]);
    expect(read.unsavedLastPage).toBe(read.pages[2]);
    const byDefault = await readPages(makeScannedPdf([png]), 'pdf', { ocr: rasterOcr(), limits: DEFAULT_INTAKE_LIMITS, checkpoints, previewDpi: 48 });
    expect(byDefault.unsavedLastPage).toBeUndefined();
    expect(saved).toEqual([1, 2, 1]);
  });

  it('passes the preview to `save` when the checkpoints cannot store it ahead', async () => {
    const checkpoints = previewsKept();
    await readPages(await photo(400, 300), 'jpeg', { ocr: rasterOcr(), limits: DEFAULT_INTAKE_LIMITS, checkpoints, previewDpi: 48 });
    expect(checkpoints.previews.get(1)?.contentType).toBe('image/jpeg');
  });
});
