import { describe, expect, it } from 'vitest';
import { describeFailure, reasonText } from '../../shared/intake/failure.js';
import { ImageCorruptError, ImageTooLargeError, ImageUnsupportedError, inspectImage, normaliseForOcr } from '../../shared/images/index.js';
import { makeJpegWithOrientation, makeMultiPageTiff, makePng, makePngBomb } from './image-factory.js';
import sharp from 'sharp';

describe('inspectImage', () => {
  it('reports format, size and page count from the header', async () => {
    const png = await makePng(320, 200);

    const info = await inspectImage(png);

    expect(info).toEqual({ format: 'png', width: 320, height: 200, pages: 1 });
  });

  it('counts the pages of a multi-page TIFF scan', async () => {
    const tiff = makeMultiPageTiff(120, 80, [40, 200, 120]);

    expect(await inspectImage(tiff)).toEqual({ format: 'tiff', width: 120, height: 80, pages: 3 });
  });

  it('refuses a decompression bomb with code `image_too_large` without decoding it', async () => {
    const bomb = makePngBomb(60_000, 60_000);

    const error = await inspectImage(bomb).catch((e: unknown) => e);

    expect(bomb.length).toBeLessThan(100_000);
    expect(error).toBeInstanceOf(ImageTooLargeError);
    expect(error).toMatchObject({ code: 'image_too_large', pixels: 3_600_000_000, name: 'ImageTooLargeError' });
    expect(describeFailure(error)).toMatchObject({ status: 'rejected', error: { code: 'image_too_large', message: reasonText('image_too_large').zh } });
  });

  it('refuses an image over a pixel limit passed in', async () => {
    const png = await makePng(200, 200);

    await expect(inspectImage(png, { pixelLimit: 10_000 })).rejects.toMatchObject({ code: 'image_too_large' });
  });

  it('refuses bytes that are no image with code `image_corrupt`', async () => {
    const garbage = new TextEncoder().encode('this is not an image at all');

    await expect(inspectImage(garbage)).rejects.toBeInstanceOf(ImageCorruptError);
  });

  it('refuses formats other than JPEG, PNG and TIFF with code `image_unsupported`', async () => {
    const gif = new Uint8Array(
      await sharp(await makePng(20, 20))
        .gif()
        .toBuffer(),
    );

    await expect(inspectImage(gif)).rejects.toBeInstanceOf(ImageUnsupportedError);
  });
});

describe('normaliseForOcr', () => {
  it('applies the EXIF orientation of a phone photo', async () => {
    const jpeg = await makeJpegWithOrientation(300, 100, 6);

    const [page] = await normaliseForOcr(jpeg);

    expect(page).toMatchObject({ pageNumber: 1, width: 100, height: 300, scale: 1 });
    const meta = await sharp(page.bytes).metadata();
    expect(meta).toMatchObject({ format: 'png', width: 100, height: 300 });
    expect(meta.orientation).toBeUndefined();
  });

  it('splits a multi-page TIFF into upright PNG pages in order', async () => {
    const tiff = makeMultiPageTiff(120, 80, [40, 200, 120]);

    const pages = await normaliseForOcr(tiff);

    expect(pages.map((page) => [page.pageNumber, page.width, page.height])).toEqual([
      [1, 120, 80],
      [2, 120, 80],
      [3, 120, 80],
    ]);
    const levels = await Promise.all(pages.map(async (page) => (await sharp(page.bytes).stats()).channels[0].mean));
    expect(levels.map(Math.round)).toEqual([40, 200, 120]);
  });

  it('downscales a page whose long side exceeds the OCR limit', async () => {
    const png = await makePng(1000, 500);

    const [page] = await normaliseForOcr(png, { longSide: 400 });

    expect(page).toMatchObject({ width: 400, height: 200, scale: 0.4 });
  });

  it('rejects a truncated JPEG whose header still reads with code `image_corrupt`', async () => {
    const jpeg = await makeJpegWithOrientation(400, 400, 1);
    const truncated = jpeg.slice(0, Math.floor(jpeg.length * 0.6));

    await expect(normaliseForOcr(truncated)).rejects.toMatchObject({ code: 'image_corrupt' });
  });
});
