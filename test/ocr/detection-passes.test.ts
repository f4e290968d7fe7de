import type * as ort from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeRaster, loadPaddleModels, type PaddleModels } from '../../shared/ocr/index.js';
import { DEFAULT_DETECTION_SETTINGS, detectTextRegions, showsSmallPrint, smallPrintScale } from '../../shared/ocr/text-regions.js';
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

describe('smallPrintScale', () => {
  const small = [10, 10, 11, 12, 13, 14, 15, 16, 17, 18];
  it('brings the tenth shortest line of a pass that measured small print to 20 px', () => {
    expect(smallPrintScale(small, 0.25, 4096, 4096)).toBeCloseTo(0.5);
  });

  it('keeps the input within the long side it is given', () => {
    expect(smallPrintScale(small, 0.3125, 4096, 2560)).toBeCloseTo(0.625);
  });

  it('never enlarges the raster past its own pixels', () => {
    expect(smallPrintScale(small, 0.8, 1600, 2560)).toBe(1);
  });

  it.each([
    { heights: [15, 16, 18, 19, 20, 21, 22], scale: 0.3125, side: 4096, why: 'leaves ordinary print to the one pass' },
    { heights: [6, 7], scale: 0.3125, side: 4096, why: 'takes two lines as no evidence (a blank page costs no second pass)' },
    { heights: small, scale: 0.9, side: 4096, why: 'skips a pass that would enlarge the input by less than a quarter' },
    { heights: small, scale: 0.3125, side: 0, why: 'is off when no long side is given' },
  ])('$why', ({ heights, scale, side }) => {
    expect(smallPrintScale(heights, scale, 4096, side)).toBeUndefined();
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

// Real PP-OCRv4 detection on a rendered 4,000 × 2,800 page: a document shot from afar in a large photo.
describe('detectTextRegions on a large page of small print, with smallPrintSide', () => {
  const smallPrint = { ...DEFAULT_DETECTION_SETTINGS, smallPrintSide: 2560 };
  let models: PaddleModels;
  beforeAll(async () => {
    models = await loadPaddleModels({ intraOpNumThreads: 1 });
  }, 60_000);

  it('detects again at a larger input when the 1,280-px pass measured small print', async () => {
    const raster = await decodeRaster(await renderTextPage(lines(20, 90), { width: 4000, height: 2800 }));
    const sides: number[] = [];

    const { regions } = await detectTextRegions(recordingSession(models.detection, sides), raster, smallPrint);

    expect(sides[0]).toBe(1280);
    expect(sides).toHaveLength(2);
    expect(sides[1]).toBeGreaterThan(1600);
    expect(sides[1]).toBeLessThanOrEqual(2560);
    expect(regions.length).toBeGreaterThanOrEqual(8);
  });

  it('detects once when the print is ordinary for its page', async () => {
    const raster = await decodeRaster(await renderTextPage(lines(80, 240), { width: 4000, height: 2800 }));
    const sides: number[] = [];

    await detectTextRegions(recordingSession(models.detection, sides), raster, smallPrint);

    expect(sides).toEqual([1280]);
  });
});
