import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { loadPaddleModels } from '../../shared/ocr/paddle-models.js';
import { decodeRaster } from '../../shared/ocr/raster.js';
import { linesInTallRegion, tallUnsureRegions, typicalLineHeight, withMergedLinesApart } from '../../shared/ocr/merged-lines.js';
import { DEFAULT_RECOGNITION_SETTINGS, recogniseRegions, type RecognisedText } from '../../shared/ocr/text-lines.js';
import { detectTextRegions, readingOrder, type TextRegion } from '../../shared/ocr/text-regions.js';

// On a phone photo of an ID card the page's detection pass merged the address's second line with a slanted violet
// stamp below it into one region three lines tall, which read as nothing (docs/ocr.md, "photoline15"). The merge
// itself comes from the detector's map on the whole page, so these tests hand the functions the merged region: the
// union of the two lines' own regions, as the page's pass gave it. Real models; the machine is shared, so the timeout
// is generous (nothing here asserts time).

const region = (cx: number, cy: number, width: number, height: number, angle = 0): TextRegion => ({ cx, cy, width, height, angle, score: 0.9 });
const reading = (text: string, confidence: number): RecognisedText => ({
  text,
  confidence,
  characters: [...text],
  characterConfidences: [...text].map(() => confidence),
  characterPositions: [...text].map((_, k, all) => (k + 0.5) / all.length),
});

/** An ID card's left column in 20-px type, the address's second line with a violet stamp just under it (JPEG). */
async function cardWithStamp(): Promise<Buffer> {
  const text = (x: number, y: number, s: string, fill = '#222', size = 20) =>
    `<text x="${x}" y="${y}" font-family="Noto Sans CJK SC" font-size="${size}" fill="${fill}">${s}</text>`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="994" height="703"><rect width="100%" height="100%" fill="#eef1f6"/>
${text(60, 110, '姓名', '#4a78a8')}${text(130, 110, '夏俊芳')}
${text(60, 140, '性别', '#4a78a8')}${text(110, 140, '男')}
${text(60, 170, '出生', '#4a78a8')}${text(110, 170, '1988年7月21日')}
${text(60, 200, '住址', '#4a78a8')}${text(110, 200, '浙江省温州市鹿城区建设')}
${text(110, 226, '路347号14幢605室')}
<g transform="translate(70 220) rotate(8)"><rect x="0" y="0" width="190" height="32" fill="none" stroke="#7a4fa8" stroke-width="2"/>${text(10, 24, '仅限办理职业技能补贴使用', '#7a4fa8', 17)}</g>
${text(60, 330, '公民身份号码', '#4a78a8')}${text(190, 330, '330302198807210650')}
</svg>`;
  return sharp(Buffer.from(svg)).blur(0.8).jpeg({ quality: 80 }).toBuffer();
}

/** The smallest level rectangle holding both regions (what the page's pass gave the two lines). */
function union(a: TextRegion, b: TextRegion): TextRegion {
  const x0 = Math.min(a.cx - a.width / 2, b.cx - b.width / 2);
  const x1 = Math.max(a.cx + a.width / 2, b.cx + b.width / 2);
  const y0 = Math.min(a.cy - a.height / 2, b.cy - b.height / 2);
  const y1 = Math.max(a.cy + a.height / 2, b.cy + b.height / 2);
  return region((x0 + x1) / 2, (y0 + y1) / 2, x1 - x0, y1 - y0);
}

describe('typicalLineHeight', () => {
  it('is the median height of the line-shaped regions, leaving out squares and columns', () => {
    const regions = [region(100, 10, 200, 20), region(100, 40, 300, 22), region(100, 70, 240, 24), region(400, 40, 60, 60), region(500, 300, 30, 400)];
    expect(typicalLineHeight(regions)).toBe(22);
    expect(typicalLineHeight([region(10, 10, 40, 40)])).toBe(0);
  });
});

describe('tallUnsureRegions', () => {
  const lines = [region(200, 20, 300, 20), region(200, 50, 280, 21), region(200, 80, 260, 22), region(200, 110, 320, 20)];

  it('picks a region three lines tall that reads as nothing', () => {
    const regions = [...lines, region(200, 160, 206, 66)];
    const texts = [...lines.map(() => reading('浙江省温州市', 0.99)), reading('', 0)];
    expect(tallUnsureRegions(regions, texts)).toEqual([4]);
  });

  it('leaves alone a tall line read surely (a title), a square (a seal or a photo), a column and a steep region', () => {
    const regions = [...lines, region(200, 160, 300, 66), region(600, 160, 80, 80), region(700, 300, 40, 200), region(800, 300, 206, 66, Math.PI / 4)];
    const texts = [...lines.map(() => reading('浙江省温州市', 0.99)), reading('劳动合同书', 0.99), reading('', 0), reading('', 0.2), reading('', 0.1)];
    expect(tallUnsureRegions(regions, texts)).toEqual([]);
  });

  it('takes only regions at least twice the page line height', () => {
    const regions = [...lines, region(200, 160, 206, 38)];
    const texts = [...lines.map(() => reading('浙江省温州市', 0.99)), reading('', 0)];
    expect(tallUnsureRegions(regions, texts)).toEqual([]);
  });
});

describe('lines the page pass merged into one tall region', () => {
  it('are found again on the region crop and read as their own lines', { timeout: 180_000 }, async () => {
    const models = await loadPaddleModels({ intraOpNumThreads: 1 });
    const raster = await decodeRaster(new Uint8Array(await cardWithStamp()));
    const { regions } = await detectTextRegions(models.detection, raster);
    const detected = readingOrder(regions);
    const read = await recogniseRegions(models.recognition, models.alphabet, raster, detected);
    const address = read.findIndex((text) => text.text === '路347号14幢605室');
    const stamp = read.findIndex((text) => text.text.includes('职业技能补贴'));
    // On the constructed card the page's pass keeps them apart; the photo's pass did not.
    expect(address).toBeGreaterThanOrEqual(0);
    expect(stamp).toBeGreaterThanOrEqual(0);

    const merged = union(detected[address], detected[stamp]);
    const ordered = readingOrder([...detected.filter((_, k) => k !== address && k !== stamp), merged]);
    const texts = ordered.map((r) => (r === merged ? reading('', 0) : read[detected.indexOf(r)]));

    const apart = await linesInTallRegion(models, raster, merged, typicalLineHeight(ordered));
    expect(apart).toHaveLength(2);
    apart.forEach((line) => expect(line.height).toBeLessThan(merged.height * 0.75));

    const after = await withMergedLinesApart(models, raster, ordered, texts, DEFAULT_RECOGNITION_SETTINGS);
    const afterTexts = after.texts.map((text) => text.text);
    expect(after.ordered).not.toContain(merged);
    expect(afterTexts).toContain('路347号14幢605室');
    expect(afterTexts.some((text) => text.includes('职业技能补贴'))).toBe(true);
    // In reading order: the address's second line follows its first.
    expect(afterTexts.indexOf('路347号14幢605室')).toBe(afterTexts.indexOf('住址浙江省温州市鹿城区建设') + 1);
  });

  it('puts the parted lines in the order it is given (a curled page orders by its straightened rows)', { timeout: 180_000 }, async () => {
    const models = await loadPaddleModels({ intraOpNumThreads: 1 });
    const raster = await decodeRaster(new Uint8Array(await cardWithStamp()));
    const { regions } = await detectTextRegions(models.detection, raster);
    const detected = readingOrder(regions);
    const read = await recogniseRegions(models.recognition, models.alphabet, raster, detected);
    const address = read.findIndex((text) => text.text === '路347号14幢605室');
    const stamp = read.findIndex((text) => text.text.includes('职业技能补贴'));
    const merged = union(detected[address], detected[stamp]);
    // An order other than the page's own (bottom row first), as a curled page's straightened rows may give.
    const bottomUp = (list: TextRegion[]) => readingOrder(list).reverse();
    const ordered = bottomUp([...detected.filter((_, k) => k !== address && k !== stamp), merged]);
    const texts = ordered.map((r) => (r === merged ? reading('', 0) : read[detected.indexOf(r)]));

    const after = await withMergedLinesApart(models, raster, ordered, texts, DEFAULT_RECOGNITION_SETTINGS, undefined, bottomUp);

    expect(after.ordered).toEqual(bottomUp(after.ordered));
    const afterTexts = after.texts.map((text) => text.text);
    expect(afterTexts.indexOf('路347号14幢605室')).toBe(afterTexts.indexOf('住址浙江省温州市鹿城区建设') - 1);
  });

  it('leaves the page as it was when no region is tall and unsure', { timeout: 180_000 }, async () => {
    const models = await loadPaddleModels({ intraOpNumThreads: 1 });
    const raster = await decodeRaster(new Uint8Array(await cardWithStamp()));
    const ordered = readingOrder((await detectTextRegions(models.detection, raster)).regions);
    const texts = await recogniseRegions(models.recognition, models.alphabet, raster, ordered);
    const after = await withMergedLinesApart(models, raster, ordered, texts, DEFAULT_RECOGNITION_SETTINGS);
    expect(after.ordered).toBe(ordered);
    expect(after.texts).toBe(texts);
  });

  it('keeps a tall region whose crop holds a single line (no split)', { timeout: 180_000 }, async () => {
    const models = await loadPaddleModels({ intraOpNumThreads: 1 });
    const raster = await decodeRaster(new Uint8Array(await cardWithStamp()));
    const ordered = readingOrder((await detectTextRegions(models.detection, raster)).regions);
    const texts = await recogniseRegions(models.recognition, models.alphabet, raster, ordered);
    const number = texts.findIndex((text) => text.text.includes('330302198807210650'));
    // The ID number's row (alone on its band) grown to over twice its height: one line of print in it, nothing to split.
    const tall = { ...ordered[number], height: ordered[number].height * 2.2 };
    expect(await linesInTallRegion(models, raster, tall, typicalLineHeight(ordered))).toEqual([]);
  });
});
