import type * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeRaster, loadPaddleModels, type PaddleModels } from '../../shared/ocr/index.js';
import { DEFAULT_DETECTION_SETTINGS, detectTextRegions, showsSmallPrint } from '../../shared/ocr/text-regions.js';
import { renderTextPage, type PageText } from './page-factory.js';

describe('showsSmallPrint', () => {
  it.each([
    { heights: [18, 19, 20, 21, 22], small: false, why: 'print 18–22 px tall at the first pass is read there' },
    { heights: [9, 10, 18, 19, 20, 21, 22, 23, 24, 25, 26], small: true, why: 'a tenth of the lines under 12 px: small print' },
    { heights: [11, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28], small: false, why: 'one short line in twelve is not a tenth' },
    { heights: [30, 40], small: true, why: 'two lines are no evidence of the page’s print' },
    { heights: [], small: true, why: 'nothing found at the first pass' },
  ])('$why', ({ heights, small }) => {
    expect(showsSmallPrint(heights)).toBe(small);
  });
});

/** The detector session, recording the long side of each input it is given. */
function recordingSession(session: ort.InferenceSession, sides: number[]): ort.InferenceSession {
  return {
    inputNames: session.inputNames,
    outputNames: session.outputNames,
    run: (feeds: ort.InferenceSession.FeedsType) => {
      const dims = Object.values(feeds)[0].dims;
      sides.push(Math.max(dims[2], dims[3]));
      return session.run(feeds);
    },
  } as unknown as ort.InferenceSession;
}

const lines = (size: number, step: number): PageText[] =>
  Array.from({ length: 8 }, (_, k) => ({ text: `第${k + 1}条 劳动合同期限自2021年06月18日起`, x: 120, y: 200 + k * step, size }));

// Real PP-OCRv4 detection on two rendered 2,000 × 1,400 pages (CPU is shared: keep this file small).
describe('detectTextRegions on a large page with a 960-px first pass', () => {
  const firstPass = { ...DEFAULT_DETECTION_SETTINGS, firstPassSide: 960 };
  let models: PaddleModels;
  beforeAll(async () => {
    models = await loadPaddleModels({ intraOpNumThreads: 1 });
  }, 60_000);

  it('keeps the 960-px pass when the print is ordinary', async () => {
    const raster = await decodeRaster(await renderTextPage(lines(40, 120), { width: 2000, height: 1400 }));
    const sides: number[] = [];

    const { regions } = await detectTextRegions(recordingSession(models.detection, sides), raster, firstPass);

    expect(sides).toEqual([960]);
    expect(regions.length).toBeGreaterThanOrEqual(8);
  });

  it('detects again at 1,280 px when the first pass shows small print', async () => {
    // 10-px type: under 5 px at 960 px, where the detector finds 2 of the 8 lines; at 1,280 px it finds all 8.
    const raster = await decodeRaster(await renderTextPage(lines(10, 40), { width: 2000, height: 1400 }));
    const sides: number[] = [];

    const { regions } = await detectTextRegions(recordingSession(models.detection, sides), raster, firstPass);

    expect(sides).toEqual([960, 1280]);
    expect(regions.length).toBeGreaterThanOrEqual(8);
  });

  it('detects once at 1,280 px by default (no first pass: it lost fields)', async () => {
    const raster = await decodeRaster(await renderTextPage(lines(40, 120), { width: 2000, height: 1400 }));
    const sides: number[] = [];

    await detectTextRegions(recordingSession(models.detection, sides), raster, DEFAULT_DETECTION_SETTINGS);

    expect(sides).toEqual([1280]);
  });
});
