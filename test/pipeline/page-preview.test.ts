import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../shared/documents/extracted-document.js';
import { DEFAULT_INTAKE_LIMITS } from '../../shared/intake/limits.js';
import type { OcrPage } from '../../shared/documents/ocr-page.js';
import { boxesInPreviewPixels, previewGeometry, previewLongSide } from '../../shared/documents/page-preview.js';
import { storePagePreviews } from '../../shared/reading/page-previews.js';
import { InMemoryBlobStore } from '../support/fakes/index.js';
import { makeDigitalPdf } from '../pdf/pdf-factory.js';
import { readTextLayer } from '../../shared/pdf/index.js';

const page = (pageNumber: number, width: number, height: number, extra: Partial<OcrPage> = {}): OcrPage => ({
  pageNumber,
  width,
  height,
  rotation: 0,
  source: 'paddle',
  lines: [],
  ...extra,
});

describe('page previews', () => {
  it('sizes every preview inside the long side, never enlarged', () => {
    expect(previewLongSide(96)).toBe(1123);
    expect(previewGeometry({ width: 1654, height: 2339 }, 1123)).toMatchObject({ width: 794, height: 1123 });
    expect(previewGeometry({ width: 4000, height: 3000 }, 1123)).toMatchObject({ width: 1123, height: 842 });
    expect(previewGeometry({ width: 600, height: 400 }, 1123)).toEqual({ width: 600, height: 400, scaleX: 1, scaleY: 1 });
  });

  it('moves each field box from the read page pixels to the preview pixels of its own page', () => {
    const documents: ExtractedDocument[] = [
      {
        type: 'labor_contract',
        pages: [1, 2],
        fields: {
          employeeName: { value: '王晓明', confidence: 0.9, needsReview: false, source: { page: 1, box: { x: 400, y: 200, width: 200, height: 40 } } },
          signedDate: { value: '2021-03-01', confidence: 0.9, needsReview: false, source: { page: 2, box: { x: 100, y: 1000, width: 300, height: 50 } } },
          term: { value: null, confidence: 0, needsReview: true },
        },
      },
    ];
    const [moved] = boxesInPreviewPixels(documents, [page(1, 2246, 1000), page(2, 800, 1123)], 1123);
    expect(moved!.fields.employeeName!.source!.box).toEqual({ x: 200, y: 100, width: 100, height: 20 });
    // A page already inside the long side keeps its pixels.
    expect(moved!.fields.signedDate!.source!.box).toEqual({ x: 100, y: 1000, width: 300, height: 50 });
    expect(moved!.fields.term).toEqual(documents[0]!.fields.term);
  });

  it('renders a digital page at the preview size and turns a page OCR read sideways upright', async () => {
    const blobs = new InMemoryBlobStore();
    const pdf = makeDigitalPdf([
      [
        { text: '职业技能等级证书', x: 72, y: 100 },
        { text: '姓名：王晓明', x: 72, y: 160 },
      ],
    ]);
    const textPage = page(1, 1654, 2339, { source: 'text_layer' });
    await storePagePreviews({
      blobs,
      bucket: 'b',
      derivedPrefix: 'derived/',
      documentId: 'doc-pdf',
      bytes: pdf,
      type: 'pdf',
      pages: [textPage],
      stored: new Set(),
      previewDpi: 96,
      ocrDpi: 200,
      limits: DEFAULT_INTAKE_LIMITS,
    });
    const rendered = await sharp(await blobs.get('b', 'derived/doc-pdf/pages/1')).metadata();
    expect({ width: rendered.width, height: rendered.height }).toEqual({ width: 794, height: 1123 });

    // A landscape photo whose text OCR found lying on its side: read turned 90° (a portrait page of 600 × 900).
    const photo = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#fff' } })
      .composite([{ input: { create: { width: 100, height: 600, channels: 3, background: '#000' } }, left: 0, top: 0 }])
      .png()
      .toBuffer();
    const turned = page(1, 600, 900, { rotation: 90 });
    // What reading stored (sideways) is replaced.
    await blobs.put('b', 'derived/doc-img/pages/1', photo, 'image/png');
    await storePagePreviews({
      blobs,
      bucket: 'b',
      derivedPrefix: 'derived/',
      documentId: 'doc-img',
      bytes: photo,
      type: 'png',
      pages: [turned],
      stored: new Set([1]),
      previewDpi: 96,
      ocrDpi: 200,
      limits: DEFAULT_INTAKE_LIMITS,
    });
    const upright = sharp(await blobs.get('b', 'derived/doc-img/pages/1'));
    const { data, info } = await upright.raw().toBuffer({ resolveWithObject: true });
    expect({ width: info.width, height: info.height }).toEqual({ width: 600, height: 900 });
    // Turned 90° clockwise, the dark left band of the photo is the top band of the page.
    const at = (x: number, y: number) => data[(y * info.width + x) * info.channels]!;
    expect(at(300, 20)).toBeLessThan(60);
    expect(at(300, 500)).toBeGreaterThan(200);
  });

  it('renders a digital page whose text runs down it turned upright, as its text layer was read', async () => {
    const blobs = new InMemoryBlobStore();
    // A landscape form printed sideways onto a portrait page: its text runs down, near the page's right edge.
    const pdf = makeDigitalPdf([[{ text: '职业技能等级证书职业技能等级证书', x: 560, y: 60, size: 28, angle: -90 }]]);
    const read = readTextLayer(pdf, 1, 200)!;
    expect(read).toMatchObject({ rotation: 270, width: 2339, height: 1653 });
    await storePagePreviews({
      blobs,
      bucket: 'b',
      derivedPrefix: 'derived/',
      documentId: 'doc-turned',
      bytes: pdf,
      type: 'pdf',
      pages: [read],
      stored: new Set(),
      previewDpi: 96,
      ocrDpi: 200,
      limits: DEFAULT_INTAKE_LIMITS,
    });
    const { data, info } = await sharp(await blobs.get('b', 'derived/doc-turned/pages/1'))
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect({ width: info.width, height: info.height }).toEqual({ width: 1123, height: 794 });
    // The title's ink lies where its line's box says, in the preview's pixels: across the top of the landscape page.
    const { x, y, width, height } = read.lines[0]!.box;
    const scale = info.width / read.width;
    const darkIn = (x0: number, y0: number, x1: number, y1: number) => {
      let dark = 0;
      for (let row = Math.round(y0 * scale); row < Math.round(y1 * scale); row++)
        for (let col = Math.round(x0 * scale); col < Math.round(x1 * scale); col++) if (data[row * info.width + col]! < 128) dark++;
      return dark;
    };
    expect(darkIn(x, y, x + width, y + height)).toBeGreaterThan(500);
    expect(darkIn(x, y + height * 2, x + width, y + height * 3)).toBe(0);
  });

  it('turns a page OCR read sideways upright from the pixels OCR read, without decoding the file again', async () => {
    // Prepare: the landscape photo's pixels as OCR read them, and bytes that cannot be decoded.
    const { data: pixels, info: size } = await sharp({ create: { width: 900, height: 600, channels: 3, background: '#fff' } })
      .composite([{ input: { create: { width: 100, height: 600, channels: 3, background: '#000' } }, left: 0, top: 0 }])
      .removeAlpha()
      .raw()
      .toBuffer({ resolveWithObject: true });
    const raster = { data: new Uint8Array(pixels), width: size.width, height: size.height };
    const blobs = new InMemoryBlobStore();

    // Act
    const made = await storePagePreviews({
      blobs,
      bucket: 'b',
      derivedPrefix: 'derived/',
      documentId: 'doc-known',
      bytes: new Uint8Array(16),
      type: 'png',
      pages: [page(1, 600, 900, { rotation: 90 })],
      stored: new Set([1]),
      previewDpi: 96,
      ocrDpi: 200,
      limits: DEFAULT_INTAKE_LIMITS,
      known: { pageNumber: 1, raster },
    });

    // Assess: upright, the dark left band of the photo on top.
    expect(made).toBe(1);
    const { data, info } = await sharp(await blobs.get('b', 'derived/doc-known/pages/1'))
      .raw()
      .toBuffer({ resolveWithObject: true });
    expect({ width: info.width, height: info.height }).toEqual({ width: 600, height: 900 });
    const at = (x: number, y: number) => data[(y * info.width + x) * info.channels]!;
    expect(at(300, 20)).toBeLessThan(60);
    expect(at(300, 500)).toBeGreaterThan(200);
  });

  it('leaves an upright scanned page whose preview reading stored alone', async () => {
    const blobs = new InMemoryBlobStore();
    const made = await storePagePreviews({
      blobs,
      bucket: 'b',
      derivedPrefix: 'derived/',
      documentId: 'doc',
      bytes: new Uint8Array(),
      type: 'png',
      pages: [page(1, 1000, 700)],
      stored: new Set([1]),
      previewDpi: 96,
      ocrDpi: 200,
      limits: DEFAULT_INTAKE_LIMITS,
    });
    expect(made).toBe(0);
  });
});
