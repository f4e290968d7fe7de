import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createPaddleOcrEngine } from '../../shared/ocr/index.js';
import { MIN_SMEAR, SMEAR_TROUGH, smearOf, withoutSmear } from '../../shared/ocr/motion-blur.js';
import { decodeRaster } from '../../shared/ocr/raster.js';
import { motionBlur } from '../eval/render/degrade.js';
import { certificateLines, renderTextPage } from './page-factory.js';

/** The certificate excerpt in 24-px type (a photo's print size), 900 × 520 px. */
const smallCertificate = () =>
  renderTextPage(
    certificateLines.map((line, k) => ({ ...line, x: 60, y: 70 + k * 53, size: k === 0 ? 31 : 24 })),
    { width: 900, height: 520 },
  );

/** The page photographed with a shaking hand: smeared along `angle` by `length` px, saved as a JPEG. */
async function shaken(page: Buffer, angle: number, length: number): Promise<Buffer> {
  return sharp(await motionBlur(page, angle, length))
    .jpeg({ quality: 80 })
    .toBuffer();
}

/** Angles apart, on a half turn (a smear along 178° is one along −2°). */
const apart = (a: number, b: number) => Math.min(Math.abs(a - b), 180 - Math.abs(a - b));

describe('withoutSmear', () => {
  it('leaves a sharp page as it is, the same object', async () => {
    const page = await decodeRaster(await renderTextPage(certificateLines));

    expect(withoutSmear(page).raster).toBe(page);
  });

  it('leaves a sharp photo’s JPEG and a short 5 px smear as they are', async () => {
    const photo = await decodeRaster(
      await sharp(await smallCertificate())
        .blur(0.8)
        .jpeg({ quality: 80 })
        .toBuffer(),
    );
    const short = await decodeRaster(await shaken(await smallCertificate(), 60, 5));

    expect(withoutSmear(photo).raster).toBe(photo);
    expect(withoutSmear(short).raster).toBe(short);
  });

  it('measures a smear’s direction and length from the page alone', async () => {
    for (const [angle, length] of [
      [30, 11],
      [165, 9],
      [100, 7],
    ]) {
      const smear = smearOf(await decodeRaster(await shaken(await smallCertificate(), angle, length)));

      expect(smear, `${length} px at ${angle}°`).toBeDefined();
      expect(smear!.trough).toBeLessThanOrEqual(SMEAR_TROUGH);
      expect(smear!.length).toBeGreaterThanOrEqual(Math.max(MIN_SMEAR, length - 1));
      expect(smear!.length).toBeLessThanOrEqual(length + 1);
      expect(apart(smear!.angle, angle)).toBeLessThanOrEqual(8);
    }
  });

  it('measures a diagonal smear’s length to the pixel, not a pixel past it', async () => {
    // Off the axes the cepstrum's trough sits up to 0.75 px past the smear's extent; a kernel a pixel long rings.
    for (const [angle, length] of [
      [130, 7],
      [42, 9],
      [135, 9],
    ]) {
      const smear = smearOf(await decodeRaster(await shaken(await smallCertificate(), angle, length)));

      expect(smear?.length, `${length} px at ${angle}°`).toBe(length);
    }
  });
});

describe('PaddleOcrEngine on a photo taken with a shaking hand', { timeout: 240_000 }, () => {
  it('reads the ID number and date an 11 px smear hid, once the page is deconvolved', async () => {
    const bytes = await shaken(await smallCertificate(), 30, 11);
    const text = async (options: { motionBlur?: boolean }) =>
      (await createPaddleOcrEngine(options).recognize({ bytes, pageNumber: 1 })).lines.map((line) => line.text).join('|');

    const before = await text({ motionBlur: false });
    const after = await text({});

    expect(before).not.toContain('330106199001011234');
    expect(before).not.toContain('2021年06月18日');
    expect(after).toContain('证件号码：330106199001011234');
    expect(after).toContain('发证日期：2021年06月18日');
  });

  it('reads a line of a smeared page again from the deconvolved page when the reader asks for its region', async () => {
    const page = await decodeRaster(await shaken(await smallCertificate(), 30, 11));
    const engine = createPaddleOcrEngine({});
    const idLine = (await engine.recognizeRaster(page, 1)).lines.find((line) => line.text.startsWith('证件号码'));

    expect(idLine).toBeDefined();
    // The region's crop is too small to measure a smear on: cut from the page as it came, it read `正话号话：31168900001124`.
    const again = await engine.recognizeRegion(page, { box: idLine!.box, lineHeight: 24 }, 1);

    expect(again.map((line) => line.text)).toContain('证件号码：330106199001011234');
  });
});
