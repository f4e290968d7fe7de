import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadPaddleModels } from '../../shared/ocr/paddle-models.js';
import { decodeRaster } from '../../shared/ocr/raster.js';
import { DEFAULT_RECOGNITION_SETTINGS, recogniseRegions, type RecognisedText } from '../../shared/ocr/text-lines.js';
import { readingOrder, type TextRegion } from '../../shared/ocr/text-regions.js';
import { linesInTwoBands, oneLineTwice, tallishUnsureRegions, topAndBottomLines, twoBands, withTwoBandLinesApart } from '../../shared/ocr/two-band-lines.js';

// A contract prints small labels (`用 工 单 位`, about 0.6 of the value's size) with each value filled in just under
// its label's line; the detector boxed label and value as one region 1.6–2.4 line heights tall and the recogniser read
// the pair as one garbled line (docs/ocr.md, "stack30"). The merge comes from the detector's map on a whole photo, so
// the model tests hand the functions the merged region: the box around both lines. Real models; the machine is shared,
// so the timeout is generous (nothing here asserts time).

const region = (cx: number, cy: number, width: number, height: number, angle = 0): TextRegion => ({ cx, cy, width, height, angle, score: 0.9 });
const reading = (text: string, confidence: number): RecognisedText => ({
  text,
  confidence,
  characters: [...text],
  characterConfidences: [...text].map(() => confidence),
  characterPositions: [...text].map((_, k, all) => (k + 0.5) / all.length),
});

const text = (x: number, y: number, s: string, size: number) =>
  `<text x="${x}" y="${y}" font-family="Noto Sans CJK SC" font-size="${size}" fill="#222">${s}</text>`;

/** A contract's lines in 22-px type, with a 13-px label and its 22-px value printed 1 px under it (JPEG). */
async function contractWithLabelOverValue(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="400"><rect width="100%" height="100%" fill="#fbfaf6"/>
${text(60, 60, '劳动合同书（全日制用工）', 22)}
${text(60, 100, '甲乙双方根据国家有关法律法规签订本合同。', 22)}
${text(60, 150, '用 工 单 位', 13)}
${text(60, 174, '浙江华创电气设备有限公司', 22)}
${text(60, 230, '乙方应当按时完成工作任务，遵守劳动纪律。', 22)}
${text(60, 270, '本合同一式两份，甲乙双方各执一份。', 22)}
</svg>`;
  return sharp(Buffer.from(svg)).blur(0.6).jpeg({ quality: 82 }).toBuffer();
}

describe('twoBands', () => {
  it('cuts a row profile at the gap between a small band and a larger one', () => {
    const profile = [0, 0.3, 0.4, 0.35, 0.3, 0.02, 0, 0.5, 0.6, 0.6, 0.55, 0.6, 0.5, 0];
    expect(twoBands(profile, 3)).toEqual({ cut: 6, upper: [1, 4], lower: [7, 12] });
  });

  it('cuts at a narrow waist where the two bands touch', () => {
    const profile = [0, 0.3, 0.4, 0.35, 0.1, 0.05, 0.5, 0.6, 0.6, 0.55, 0.6, 0.5, 0];
    expect(twoBands(profile, 3)?.cut).toBe(5);
  });

  it('leaves one band of ink (a single tall line) and a line over an underline uncut', () => {
    expect(twoBands([0, 0.2, 0.5, 0.6, 0.55, 0.5, 0.6, 0.58, 0.4, 0.2, 0], 3)).toBeNull();
    expect(twoBands([0, 0.4, 0.6, 0.6, 0.5, 0.6, 0.55, 0.4, 0, 0, 0.9, 0], 3)).toBeNull();
  });
});

describe('topAndBottomLines', () => {
  it('reads one line height from the region’s top and one from its bottom, as wide as the region', () => {
    const [top, bottom] = topAndBottomLines(region(200, 160, 290, 56), 32);
    expect(top).toMatchObject({ cx: 200, width: 290, height: 33.6 });
    expect(top.cy).toBeCloseTo(160 - 11.2, 6);
    expect(bottom.cy).toBeCloseTo(160 + 11.2, 6);
  });
});

describe('oneLineTwice', () => {
  it('tells one line read from its top and its bottom from a label and its value', () => {
    expect(oneLineTwice('物流环境服务', '物流环境服务')).toBe(true);
    expect(oneLineTwice('劳动会同 （简易版）', '劳动合同 （简易版）')).toBe(true);
    expect(oneLineTwice('联系电话：', '13121062056')).toBe(false);
    expect(oneLineTwice('合同起始日期：一日', '一究年十一月一日')).toBe(false);
  });
});

describe('tallishUnsureRegions', () => {
  const lines = [region(200, 20, 300, 22), region(200, 50, 280, 22), region(200, 80, 260, 21), region(200, 110, 320, 23)];

  it('picks a level region 1.6 line heights tall read unsure', () => {
    const regions = [...lines, region(200, 150, 300, 36)];
    const texts = [...lines.map(() => reading('浙江省温州市', 0.99)), reading('鼎汪华创龟气设备环', 0.62)];
    expect(tallishUnsureRegions(regions, texts)).toEqual([4]);
  });

  it('leaves alone a region read surely, one under 1.4 or from 2.6 line heights, a square and a steep region', () => {
    const regions = [
      ...lines,
      region(200, 150, 300, 36),
      region(200, 190, 300, 28),
      region(200, 260, 400, 80),
      region(600, 160, 40, 40),
      region(800, 300, 206, 40, Math.PI / 4),
    ];
    const texts = [
      ...lines.map(() => reading('浙江省温州市', 0.99)),
      reading('劳动合同书', 0.97),
      reading('鼎汪', 0.5),
      reading('', 0.1),
      reading('', 0.2),
      reading('', 0.1),
    ];
    expect(tallishUnsureRegions(regions, texts)).toEqual([]);
  });
});

describe('a small label and the value under it boxed as one region', () => {
  it('is cut where the ink parts, and each part read as its own line, in reading order', { timeout: 180_000 }, async () => {
    const models = await loadPaddleModels({ intraOpNumThreads: 1 });
    const raster = await decodeRaster(new Uint8Array(await contractWithLabelOverValue()));
    // The lines' own boxes (22-px type boxed about 32 px tall), and the pair's box as the photo's pass gave it.
    const lines = [region(192, 52, 276, 32), region(280, 92, 460, 32), region(230, 222, 460, 32), region(245, 262, 390, 32)];
    const merged = region(200, 157, 290, 48);
    const ordered = readingOrder([...lines, merged]);
    const texts = await recogniseRegions(models.recognition, models.alphabet, raster, ordered);
    const whole = texts[ordered.indexOf(merged)];

    const apart = linesInTwoBands(raster, merged, 32);
    expect(apart).toHaveLength(2);
    expect(apart[0].cy).toBeLessThan(apart[1].cy);
    expect(apart[0].width).toBeLessThan(apart[1].width);

    // The whole region is handed in as read unsure (on the page it read garbled; here the recogniser may do better).
    const unsure = texts.map((t, k) =>
      k === ordered.indexOf(merged)
        ? { ...whole, confidence: Math.min(whole.confidence, 0.5), characterConfidences: whole.characterConfidences.map((c) => Math.min(c, 0.5)) }
        : t,
    );
    const after = await withTwoBandLinesApart(models, raster, ordered, unsure, DEFAULT_RECOGNITION_SETTINGS);
    const read = after.texts.map((t) => t.text.replace(/\s/g, ''));
    expect(after.ordered).not.toContain(merged);
    expect(read).toContain('用工单位');
    expect(read).toContain('浙江华创电气设备有限公司');
    expect(read.indexOf('用工单位')).toBe(read.indexOf('浙江华创电气设备有限公司') - 1);
  });

  it('leaves the page as it was when no region is tall and unsure', { timeout: 180_000 }, async () => {
    const models = await loadPaddleModels({ intraOpNumThreads: 1 });
    const raster = await decodeRaster(new Uint8Array(await contractWithLabelOverValue()));
    const ordered = readingOrder([region(192, 52, 276, 32), region(280, 92, 460, 32), region(230, 222, 460, 32)]);
    const texts = await recogniseRegions(models.recognition, models.alphabet, raster, ordered);
    const after = await withTwoBandLinesApart(models, raster, ordered, texts, DEFAULT_RECOGNITION_SETTINGS);
    expect(after.ordered).toBe(ordered);
    expect(after.texts).toBe(texts);
  });

  it('keeps a tall single line (a title in large type) whole', { timeout: 180_000 }, async () => {
    const models = await loadPaddleModels({ intraOpNumThreads: 1 });
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="200"><rect width="100%" height="100%" fill="#fbfaf6"/>${text(60, 90, '劳动合同书', 40)}</svg>`;
    const raster = await decodeRaster(new Uint8Array(await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer()));
    expect(linesInTwoBands(raster, region(160, 76, 220, 52), 30)).toEqual([]);
  });
});
