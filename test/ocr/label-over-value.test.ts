import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadPaddleModels } from '../../shared/ocr/paddle-models.js';
import { decodeRaster } from '../../shared/ocr/raster.js';
import { DEFAULT_RECOGNITION_SETTINGS, recogniseRegions } from '../../shared/ocr/text-lines.js';
import { readingOrder, type TextRegion } from '../../shared/ocr/text-regions.js';
import { edgeWindow, labelOverValue, tallishSureRegions, withTwoBandLinesApart } from '../../shared/ocr/two-band-lines.js';
import { withCountedRecognitions } from './support/counted-runs.js';

// A small label with its value printed so close under it that the value's glyphs run up into the label's line, boxed
// by the detector as one region 1.4–2.6 line heights tall: the recogniser reads the value (often surely) and loses the
// label, or reads a garble; a window one line tall at the top holds the value's tops too (docs/ocr.md, "moire31").
// The merge comes from the detector's map on a whole photo, so the model tests hand in the merged region. Real
// models; the machine is shared, so the timeout is generous (nothing here asserts time).

const region = (cx: number, cy: number, width: number, height: number, angle = 0): TextRegion => ({ cx, cy, width, height, angle, score: 0.9 });

const text = (x: number, y: number, s: string, size: number) =>
  `<text x="${x}" y="${y}" font-family="Noto Sans CJK SC" font-size="${size}" fill="#222">${s}</text>`;

/** A contract's lines in 22-px type, with a 13-px label and its 22-px value printed up into the label's line (JPEG). */
async function contractWithValueUpInLabel(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="400"><rect width="100%" height="100%" fill="#fbfaf6"/>
${text(60, 60, '劳动合同书（全日制用工）', 22)}
${text(60, 100, '甲乙双方根据国家有关法律法规签订本合同。', 22)}
${text(60, 148, '用 工 单 位', 13)}
${text(60, 166, '浙江华创电气设备有限公司', 22)}
${text(60, 230, '乙方应当按时完成工作任务，遵守劳动纪律。', 22)}
${text(60, 270, '本合同一式两份，甲乙双方各执一份，具有同等法律效力。', 22)}
</svg>`;
  return sharp(Buffer.from(svg)).blur(0.6).jpeg({ quality: 82 }).toBuffer();
}

describe('edgeWindow', () => {
  it('takes a window as wide as the region at its top or its bottom', () => {
    expect(edgeWindow(region(200, 157, 290, 56), 18, -1)).toMatchObject({ cx: 200, cy: 138, width: 290, height: 18 });
    expect(edgeWindow(region(200, 157, 290, 56), 18, 1)).toMatchObject({ cx: 200, cy: 176, width: 290, height: 18 });
  });
});

describe('tallishSureRegions', () => {
  it('picks level regions 1.4–2.6 line heights tall read surely, tallest first', () => {
    const lines = [40, 80, 400, 440, 480].map((cy) => region(300, cy, 400, 32));
    const regions = [...lines, region(300, 130, 400, 50), region(300, 200, 400, 70), region(300, 300, 400, 90)];
    const read = (confidence: number) => ({ text: '某', confidence, characters: ['某'], characterConfidences: [confidence], characterPositions: [0.5] });
    const texts = [...lines.map(() => read(0.99)), read(0.95), read(0.97), read(0.99)];
    expect(tallishSureRegions(regions, texts)).toEqual([6, 5]);
    expect(
      tallishSureRegions(
        regions,
        texts.map((t, k) => (k === 5 ? read(0.6) : t)),
      ),
    ).toEqual([6]);
  });
});

describe('a value run up into its small label’s line, boxed with it', () => {
  it('is read as the label from a short window at the top and the value from the bottom', { timeout: 180_000 }, async () => {
    const models = await loadPaddleModels({ intraOpNumThreads: 1 });
    const raster = await decodeRaster(new Uint8Array(await contractWithValueUpInLabel()));
    const merged = region(200, 152, 290, 48);
    const [whole] = await recogniseRegions(models.recognition, models.alphabet, raster, [merged]);
    const pair = await labelOverValue(models, raster, merged, 32, whole, DEFAULT_RECOGNITION_SETTINGS);
    expect(pair).not.toBeNull();
    // The recogniser may see a colon after the label (labels mostly have one).
    const [label, value] = pair!.read.map((t) => t.text.replace(/\s/g, ''));
    expect(label).toMatch(/^用工单位[：:]?$/);
    expect(value).toBe('浙江华创电气设备有限公司');
    expect(pair!.lines[0].cy).toBeLessThan(pair!.lines[1].cy);
  });

  it('is parted on the page even where the whole region read surely', { timeout: 180_000 }, async () => {
    const models = await loadPaddleModels({ intraOpNumThreads: 1 });
    const raster = await decodeRaster(new Uint8Array(await contractWithValueUpInLabel()));
    const lines = [region(192, 52, 276, 32), region(280, 92, 460, 32), region(230, 222, 460, 32), region(300, 262, 520, 32)];
    const merged = region(200, 152, 290, 48);
    const ordered = readingOrder([...lines, merged]);
    const texts = await recogniseRegions(models.recognition, models.alphabet, raster, ordered);
    const at = ordered.indexOf(merged);
    // Handed in as read surely (on the photo the value read whole and the label was lost in it).
    const sure = texts.map((t, k) => (k === at ? { ...t, confidence: Math.max(t.confidence, 0.92) } : t));
    const after = await withTwoBandLinesApart(models, raster, ordered, sure, DEFAULT_RECOGNITION_SETTINGS);
    const read = after.texts.map((t) => t.text.replace(/\s/g, ''));
    expect(after.ordered).not.toContain(merged);
    const label = read.findIndex((t) => /^用工单位[：:]?$/.test(t));
    expect(label).toBeGreaterThanOrEqual(0);
    expect(read[label + 1]).toBe('浙江华创电气设备有限公司');
  });

  it('keeps a title in large type read surely whole', { timeout: 180_000 }, async () => {
    const models = await loadPaddleModels({ intraOpNumThreads: 1 });
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="200"><rect width="100%" height="100%" fill="#fbfaf6"/>${text(60, 90, '劳动合同书', 44)}</svg>`;
    const raster = await decodeRaster(new Uint8Array(await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer()));
    const title = region(170, 74, 240, 56);
    const [whole] = await recogniseRegions(models.recognition, models.alphabet, raster, [title]);
    expect(await labelOverValue(models, raster, title, 32, whole, DEFAULT_RECOGNITION_SETTINGS)).toBeNull();
  });

  it('reads the label’s windows only when the bottom window reads a value', { timeout: 180_000 }, async () => {
    const models = await loadPaddleModels({ intraOpNumThreads: 1 });
    // Each recognition the step asks for, counted (one crop a run).
    const counted = withCountedRecognitions(models);
    // A title in 60-px type on a page of 32-px lines: its bottom window holds the glyphs' lower parts only.
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="200"><rect width="100%" height="100%" fill="#fbfaf6"/>${text(60, 100, '劳动合同书', 60)}</svg>`;
    const title = region(210, 74, 320, 80);
    const titlePage = await decodeRaster(new Uint8Array(await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer()));
    const [titleRead] = await recogniseRegions(models.recognition, models.alphabet, titlePage, [title]);
    expect(await labelOverValue(counted.models, titlePage, title, 32, titleRead, DEFAULT_RECOGNITION_SETTINGS)).toBeNull();
    // The title's bottom window reads nothing sure: its three label windows are not read.
    expect(counted.runs()).toBe(1);
    counted.reset();
    const contract = await decodeRaster(new Uint8Array(await contractWithValueUpInLabel()));
    const merged = region(200, 152, 290, 48);
    const [whole] = await recogniseRegions(models.recognition, models.alphabet, contract, [merged]);
    expect(await labelOverValue(counted.models, contract, merged, 32, whole, DEFAULT_RECOGNITION_SETTINGS)).not.toBeNull();
    expect(counted.runs()).toBe(4);
  });
});
