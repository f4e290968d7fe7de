/**
 * A field's box on the page the clerk sees, for a page photographed at an angle: OCR reads the straightened page, the
 * stored preview is that straightened page, and the box moved into the preview's pixels (`boxesInPreviewPixels`, what
 * the page view draws) covers the field there — for the preview made while reading and for one made afterwards.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { ExtractedDocument } from '../../shared/documents/extracted-document.js';
import type { OcrPage } from '../../shared/documents/ocr-page.js';
import { boxesInPreviewPixels, previewLongSide } from '../../shared/documents/page-preview.js';
import { normaliseForOcr, type Point, type RgbPixels } from '../../shared/images/index.js';
import { DEFAULT_INTAKE_LIMITS } from '../../shared/intake/index.js';
import type { OcrEngine, Raster } from '../../shared/ocr/index.js';
import { imagePageRasters, pageReadingStraighteningPhotos, readPages, type PagePreview } from '../../shared/reading/index.js';
import { storePagePreviews } from '../../shared/reading/page-previews.js';
import { InMemoryBlobStore } from '../support/fakes/index.js';
import { asJpeg, blueBox, FIELD_ON_PAGE, isBlue, photographed, uprightPage } from './photo-factory.js';

const CORNERS: Point[] = [
  { x: 240, y: 190 },
  { x: 1060, y: 150 },
  { x: 1110, y: 1480 },
  { x: 170, y: 1420 },
];

/** An engine that "reads" the blue field: one line whose box is where the field's pixels are in what it was given. */
function fieldReadingOcr(): OcrEngine {
  return {
    name: 'paddle',
    recognize: () => Promise.reject(new Error('raw pixels expected')),
    async recognizeRaster(raster: Raster, pageNumber: number): Promise<OcrPage> {
      const { x, y, width, height } = blueBox(raster);
      return {
        pageNumber,
        width: raster.width,
        height: raster.height,
        rotation: 0,
        source: 'paddle',
        lines: [{ text: '杭州市职业技能鉴定中心', confidence: 0.98, box: { x, y, width, height } }],
      };
    },
  };
}

async function decoded(bytes: Uint8Array): Promise<RgbPixels> {
  const { data, info } = await sharp(bytes).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height };
}

/** Share of the box's pixels that are the field's blue (a pixel in from each side, past JPEG's soft edges). */
function blueShare(image: RgbPixels, box: { x: number; y: number; width: number; height: number }): number {
  let blue = 0;
  let all = 0;
  for (let y = Math.ceil(box.y) + 1; y < Math.floor(box.y + box.height) - 1; y++) {
    for (let x = Math.ceil(box.x) + 1; x < Math.floor(box.x + box.width) - 1; x++) {
      all++;
      if (isBlue(image, x, y)) blue++;
    }
  }
  return blue / all;
}

function shownBox(page: OcrPage) {
  const document: ExtractedDocument = {
    type: 'vocational_certificate',
    pages: [1],
    fields: { issuer: { value: '杭州市职业技能鉴定中心', confidence: 0.98, needsReview: false, source: { page: 1, box: page.lines[0]!.box } } },
  };
  return boxesInPreviewPixels([document], [page], previewLongSide(96))[0]!.fields.issuer!.source!.box!;
}

describe('field boxes on a photographed page', () => {
  it('puts the box on the field in the preview the page view serves, for a page photographed at an angle', async () => {
    const jpeg = await asJpeg(photographed(uprightPage(1000, 1400), CORNERS, 1300, 1700));
    const previews = new Map<number, PagePreview>();

    const { pages } = await readPages(jpeg, 'jpeg', {
      ocr: fieldReadingOcr(),
      limits: DEFAULT_INTAKE_LIMITS,
      previewDpi: 96,
      straightenPhotos: true,
      checkpoints: { load: async () => undefined, save: async (page, preview) => void (preview && previews.set(page.pageNumber, preview)) },
    });

    const page = pages[0]!;
    // OCR read the straightened page (no desk around it), so the field sits where it is on the paper.
    expect(page.width / page.height).toBeCloseTo(1000 / 1400, 1);
    expect(page.lines[0]!.box.x / page.width).toBeCloseTo(FIELD_ON_PAGE.left, 2);
    expect(page.lines[0]!.box.y / page.height).toBeCloseTo(FIELD_ON_PAGE.top, 2);
    const preview = await decoded(previews.get(1)!.bytes);
    const box = shownBox(page);
    expect(blueShare(preview, box)).toBeGreaterThan(0.97);
    // And the box is the field's, not a larger one around it: the field fills most of it in the preview.
    const field = blueBox(preview);
    expect(Math.abs(field.x - box.x)).toBeLessThan(3);
    expect(Math.abs(field.y - box.y)).toBeLessThan(3);
    expect(Math.abs(field.width - box.width)).toBeLessThan(4);
    expect(Math.abs(field.height - box.height)).toBeLessThan(4);
  });

  it('makes a later preview of the same photo (storePagePreviews) the same straightened page, so the box stays right', async () => {
    const jpeg = await asJpeg(photographed(uprightPage(1000, 1400), CORNERS, 1300, 1700));
    const { pages } = await readPages(jpeg, 'jpeg', { ocr: fieldReadingOcr(), limits: DEFAULT_INTAKE_LIMITS, straightenPhotos: true });
    const blobs = new InMemoryBlobStore();

    await storePagePreviews({
      blobs,
      bucket: 'b',
      derivedPrefix: 'derived/',
      documentId: 'photo',
      bytes: jpeg,
      type: 'jpeg',
      pages,
      stored: new Set(),
      previewDpi: 96,
      ocrDpi: 200,
      limits: DEFAULT_INTAKE_LIMITS,
      straightenPhotos: true,
    });

    const preview = await decoded(await blobs.get('b', 'derived/photo/pages/1'));
    expect(blueShare(preview, shownBox(pages[0]!))).toBeGreaterThan(0.97);
  });

  it('reads the photo as it was taken unless straightening is asked for (the default)', async () => {
    const photo = photographed(uprightPage(1000, 1400), CORNERS, 1300, 1700);
    const { pages } = await readPages(await asJpeg(photo), 'jpeg', { ocr: fieldReadingOcr(), limits: DEFAULT_INTAKE_LIMITS });

    expect({ width: pages[0]!.width, height: pages[0]!.height }).toEqual({ width: 1300, height: 1700 });
  });

  it('straightens through pageReadingStraighteningPhotos, the reader a root passes to turn it on', async () => {
    const jpeg = await asJpeg(photographed(uprightPage(1000, 1400), CORNERS, 1300, 1700));
    const { pages } = await pageReadingStraighteningPhotos.readPages(jpeg, 'jpeg', { ocr: fieldReadingOcr(), limits: DEFAULT_INTAKE_LIMITS });
    const blobs = new InMemoryBlobStore();

    await pageReadingStraighteningPhotos.storePagePreviews({
      blobs,
      bucket: 'b',
      derivedPrefix: 'derived/',
      documentId: 'photo',
      bytes: jpeg,
      type: 'jpeg',
      pages,
      stored: new Set(),
      previewDpi: 96,
      ocrDpi: 200,
      limits: DEFAULT_INTAKE_LIMITS,
    });

    expect(pages[0]!.width / pages[0]!.height).toBeCloseTo(1000 / 1400, 1);
    const preview = await decoded(await blobs.get('b', 'derived/photo/pages/1'));
    expect(blueShare(preview, shownBox(pages[0]!))).toBeGreaterThan(0.97);
  });

  it('gives the engines without a raw-pixel path (normaliseForOcr) the same straightened page', async () => {
    const jpeg = await asJpeg(photographed(uprightPage(1000, 1400), CORNERS, 1300, 1700));

    const [encoded] = await normaliseForOcr(jpeg, { straightenPhotos: true });
    const raster = await (await imagePageRasters(jpeg, { straightenPhotos: true })).page(1);

    expect({ width: encoded!.width, height: encoded!.height }).toEqual({ width: raster.width, height: raster.height });
    const field = blueBox(await decoded(encoded!.bytes));
    expect(field.x / encoded!.width).toBeCloseTo(FIELD_ON_PAGE.left, 2);
    expect(field.fill).toBeGreaterThan(0.97);
  });
});
