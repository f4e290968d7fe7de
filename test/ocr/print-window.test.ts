import { beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { decodeRaster, loadPaddleModels, type PaddleModels } from '../../shared/ocr/index.js';
import { PRINT_WINDOW_MARGIN, PRINT_WINDOW_STRIDE, printWindow } from '../../shared/ocr/print-window.js';
import { DEFAULT_DETECTION_SETTINGS, detectTextRegions } from '../../shared/ocr/text-regions.js';
import { renderTextPage } from './page-factory.js';

/** An RGB input of `width` × `height` paper (`paper` grey) with rectangles of ink painted on it. */
function page(width: number, height: number, marks: { x: number; y: number; w: number; h: number; rgb: [number, number, number] }[], paper = 250) {
  const pixels = new Uint8Array(width * height * 3).fill(paper);
  for (const mark of marks)
    for (let y = mark.y; y < mark.y + mark.h; y++) for (let x = mark.x; x < mark.x + mark.w; x++) pixels.set(mark.rgb, (y * width + x) * 3);
  return pixels;
}

describe('printWindow', () => {
  it('leaves a scan’s blank margins out, keeping a margin of paper round the print aligned to the detector’s stride', () => {
    const window = printWindow(page(640, 896, [{ x: 150, y: 200, w: 300, h: 400, rgb: [30, 30, 30] }]), 640, 896);
    expect(window).toEqual({ x0: 64, y0: 128, x1: 544, y1: 672 });
    for (const side of Object.values(window!)) expect(side % PRINT_WINDOW_STRIDE).toBe(0);
    expect(window!.x0).toBeLessThanOrEqual(150 - PRINT_WINDOW_MARGIN);
    expect(window!.y1).toBeGreaterThanOrEqual(600 + PRINT_WINDOW_MARGIN);
  });

  it('counts faint print and a red seal’s ink as print', () => {
    const faint = page(640, 896, [{ x: 100, y: 100, w: 200, h: 20, rgb: [215, 215, 215] }]);
    expect(printWindow(faint, 640, 896)).toEqual({ x0: 32, y0: 32, x1: 384, y1: 192 });
    const seal = page(640, 896, [
      { x: 100, y: 100, w: 200, h: 20, rgb: [30, 30, 30] },
      { x: 300, y: 200, w: 80, h: 80, rgb: [220, 60, 60] },
    ]);
    expect(printWindow(seal, 640, 896)).toEqual({ x0: 32, y0: 32, x1: 448, y1: 352 });
  });

  it('takes a speck of scanner noise alone for no print', () => {
    const speck = page(640, 896, [
      { x: 150, y: 200, w: 300, h: 40, rgb: [30, 30, 30] },
      { x: 600, y: 850, w: 1, h: 1, rgb: [0, 0, 0] },
    ]);
    expect(printWindow(speck, 640, 896)).toEqual({ x0: 64, y0: 128, x1: 544, y1: 320 });
  });

  it('runs the whole input when the window would save little or the page is blank', () => {
    expect(printWindow(page(640, 896, [{ x: 40, y: 40, w: 560, h: 800, rgb: [30, 30, 30] }]), 640, 896)).toBeUndefined();
    expect(printWindow(page(640, 896, []), 640, 896)).toBeUndefined();
  });

  it('takes a page on a dark desk for print everywhere but the paper’s own colour', () => {
    // The median is the desk: the page's paper and its print both differ from it.
    const photo = page(640, 896, [{ x: 200, y: 300, w: 200, h: 250, rgb: [245, 245, 240] }], 60);
    expect(printWindow(photo, 640, 896)).toEqual({ x0: 128, y0: 224, x1: 480, y1: 640 });
  });
});

// Real PP-OCRv4 detection on one rendered page with wide margins (CPU is shared: keep this file small).
describe('detectTextRegions in the print window', () => {
  let models: PaddleModels;
  beforeAll(async () => {
    models = await loadPaddleModels({ intraOpNumThreads: 1 });
  }, 60_000);

  it('finds the same regions as the whole page within 3 px, running the detector on under half of it', async () => {
    const lines = ['第一条 劳动合同期限自2021年06月18日起', '甲方：杭州市西湖区职业技能鉴定中心', '乙方：王晓明'].map((text, k) => ({
      text,
      x: 380,
      y: 520 + k * 70,
      size: 30,
    }));
    const raster = await decodeRaster(
      await sharp(await renderTextPage(lines, { width: 1400, height: 1600 }))
        .png()
        .toBuffer(),
    );
    const sizes: number[] = [];
    const session = {
      inputNames: models.detection.inputNames,
      outputNames: models.detection.outputNames,
      run: (feeds: Parameters<typeof models.detection.run>[0]) => {
        const dims = Object.values(feeds)[0].dims;
        sizes.push(dims[2] * dims[3]);
        return models.detection.run(feeds);
      },
    } as unknown as typeof models.detection;
    const whole = await detectTextRegions(session, raster, { ...DEFAULT_DETECTION_SETTINGS, printWindow: false });
    const windowed = await detectTextRegions(session, raster, DEFAULT_DETECTION_SETTINGS);
    expect(sizes[1]).toBeLessThan(0.5 * sizes[0]);
    expect(windowed.regions).toHaveLength(whole.regions.length);
    windowed.regions.forEach((region, k) => {
      const before = whole.regions[k];
      for (const key of ['cx', 'cy', 'width', 'height'] as const) expect(Math.abs(region[key] - before[key])).toBeLessThan(3);
    });
  }, 60_000);
});
