import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadPaddleModels } from '../../shared/ocr/paddle-models.js';
import { decodeRaster } from '../../shared/ocr/raster.js';
import { DEFAULT_RECOGNITION_SETTINGS, fillsRegionHeight, recogniseRegions } from '../../shared/ocr/text-lines.js';
import { readingOrder, type TextRegion } from '../../shared/ocr/text-regions.js';
import { withTwoBandLinesApart } from '../../shared/ocr/two-band-lines.js';
import { withCountedRecognitions } from './support/counted-runs.js';

// A title in large type, boxed 1.4–2.6 of the page's line heights tall and read surely, has the geometry of a label
// boxed with the value under it; `labelOverValue` read a value window and three label windows of it, each as wide as
// the title and so wider than any of the page's lines, and every one read the title again (docs/ocr.md, "cpu33").
// Real models; the machine is shared, so the timeout is generous (nothing here asserts time).

const region = (cx: number, cy: number, width: number, height: number): TextRegion => ({ cx, cy, width, height, angle: 0, score: 0.9 });

const text = (x: number, y: number, s: string, size: number) =>
  `<text x="${x}" y="${y}" font-family="Noto Sans CJK SC" font-size="${size}" fill="#222">${s}</text>`;

describe('fillsRegionHeight', () => {
  const read = (positions: number[]) => ({ characterPositions: positions });

  it('is true where the characters stand as far apart as the region is tall', () => {
    // 13 characters over 600 px: 46 px apart in a 56-px region.
    expect(fillsRegionHeight(region(0, 0, 640, 56), read(Array.from({ length: 13 }, (_, k) => 0.03 + (0.94 * k) / 12)))).toBe(true);
  });

  it('is false for a value whose characters stand closer than the region is tall', () => {
    // `杭州启航电气设` in a 249 × 77 region: 37 px apart, 0.49 of its height.
    expect(fillsRegionHeight(region(0, 0, 249, 77), read(Array.from({ length: 7 }, (_, k) => 0.05 + (0.9 * k) / 6)))).toBe(false);
  });

  it('says nothing of a reading of one character', () => {
    expect(fillsRegionHeight(region(0, 0, 200, 40), read([0.5]))).toBe(false);
  });
});

describe('a title in large type read surely', () => {
  it('is read once, with no window of it read again', { timeout: 180_000 }, async () => {
    const models = await loadPaddleModels({ intraOpNumThreads: 1 });
    // Each recognition the step asks for, counted (one crop a run).
    const counted = withCountedRecognitions(models);
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="900" height="320"><rect width="100%" height="100%" fill="#fbfaf6"/>
${text(60, 80, '职业资格证书', 44)}
${text(60, 150, '持证人姓名：陈宇超', 22)}
${text(60, 200, '身份证号：410105198501210509', 22)}
${text(60, 250, '发证单位：杭州市人力资源和社会保障局', 22)}
</svg>`;
    const raster = await decodeRaster(new Uint8Array(await sharp(Buffer.from(svg)).jpeg({ quality: 85 }).toBuffer()));
    const title = region(192, 64, 290, 50);
    const lines = [region(165, 142, 230, 32), region(230, 192, 360, 32), region(270, 242, 440, 32)];
    const ordered = readingOrder([title, ...lines]);
    const texts = await recogniseRegions(models.recognition, models.alphabet, raster, ordered);
    const at = ordered.indexOf(title);
    expect(texts[at].text.replace(/\s/g, '')).toBe('职业资格证书');
    expect(texts[at].confidence).toBeGreaterThanOrEqual(0.9);

    const after = await withTwoBandLinesApart(counted.models, raster, ordered, texts, DEFAULT_RECOGNITION_SETTINGS);

    expect(after.ordered).toBe(ordered);
    expect(after.texts).toBe(texts);
    expect(counted.runs()).toBe(0);
  });
});
