import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { createPaddleOcrEngine, type OcrLine, type OcrPage } from '../../shared/ocr/index.js';
import { renderTextPage, type PageText } from './page-factory.js';

// Issue 12, class 8: a phone photo of a curled page. The right part of the page lifts towards its edge, so a value
// printed there sits up to a row higher on the image than its label on the flat part. Real models; the machine is
// shared, so the timeout is generous (nothing here asserts time).

const WIDTH = 1500;
const HEIGHT = 1000;
const ROWS = [
  { label: '持证人姓名', value: '王晓明', y: 200 },
  { label: '证件号码', value: '330106199001011234', y: 360 },
  { label: '发证日期', value: '2021年06月18日', y: 520 },
  { label: '发证机构', value: '西湖区鉴定中心', y: 680 },
];
const LONG_LINE = '一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广';

function formTexts(): PageText[] {
  const texts: PageText[] = [];
  for (const row of ROWS) {
    texts.push({ text: row.label, x: 80, y: row.y, size: 34 }, { text: row.value, x: 1130, y: row.y, size: 34 });
    // A long line across the page under each row: the lines that bend on a curled page.
    texts.push({ text: LONG_LINE, x: 80, y: row.y + 80, size: 34 });
  }
  return texts;
}

/** The page curled up at its right edge: the last 40 % of the width lifts (quadratically, `lift` × height), column by column. */
async function curled(png: Buffer, lift: number): Promise<Buffer> {
  const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  const out = Buffer.alloc(width * height * 3, 255);
  for (let x = 0; x < width; x++) {
    const bend = Math.max(0, x / (width - 1) - 0.6) / 0.4;
    const dy = -lift * height * bend * bend;
    for (let y = 0; y < height; y++) {
      const source = Math.round(y - dy);
      if (source < 0 || source >= height) continue;
      for (let c = 0; c < 3; c++) out[(y * width + x) * 3 + c] = data[(source * width + x) * 3 + c];
    }
  }
  return sharp(out, { raw: { width, height, channels: 3 } })
    .png()
    .toBuffer();
}

const centreY = (box: OcrLine['box']) => box.y + box.height / 2;
const lineWith = (page: OcrPage, text: string) => page.lines.find((line) => line.text.replace(/\s/g, '').includes(text));

describe('PaddleOcrEngine on a curled page', { timeout: 240_000 }, () => {
  it('reports a value on the curled side on its label’s row, and where it lies on the image as its page box', async () => {
    const bytes = await curled(await renderTextPage(formTexts(), { width: WIDTH, height: HEIGHT }), 0.15);

    const straight = await createPaddleOcrEngine().recognize({ bytes, pageNumber: 1 });
    const asPhotographed = await createPaddleOcrEngine({ straightenRows: false }).recognize({ bytes, pageNumber: 1 });

    for (const row of ROWS) {
      const [label, value] = [lineWith(straight, row.label), lineWith(straight, row.value)];
      expect(label, row.label).toBeDefined();
      expect(value, row.value).toBeDefined();
      // On the straightened rows the value shares its label's row (within a third of a line height) …
      expect(Math.abs(centreY(value!.box) - centreY(label!.box))).toBeLessThan(label!.box.height / 3);
      // … and its page box is where the curl put it: higher on the image, as the page as photographed reports it.
      const photographed = lineWith(asPhotographed, row.value)!;
      expect(value!.pageBox).toBeDefined();
      expect(Math.abs(centreY(value!.pageBox!) - centreY(photographed.box))).toBeLessThan(4);
      expect(centreY(label!.box) - centreY(photographed.box)).toBeGreaterThan(label!.box.height / 2);
    }
  });

  it('draws a value’s field box on its ink on the image as photographed, not on the straightened row', async () => {
    const titled = [{ text: '职业技能等级证书', x: 560, y: 60, size: 48 }, ...formTexts()];
    const bytes = await curled(await renderTextPage(titled, { width: WIDTH, height: HEIGHT }), 0.15);

    const page = await createPaddleOcrEngine().recognize({ bytes, pageNumber: 1 });
    const asPhotographed = await createPaddleOcrEngine({ straightenRows: false }).recognize({ bytes, pageNumber: 1 });
    const [doc] = extractDocuments([page], { today: '2026-12-05' });

    const holder = doc.fields.holderName;
    expect(holder.value).toBe('王晓明');
    // Where the ink is: the engine's box for the name with straightening off.
    const ink = lineWith(asPhotographed, '王晓明')!.box;
    const box = holder.source!.box!;
    expect(box.y).toBeLessThanOrEqual(ink.y + ink.height * 0.2);
    expect(box.y + box.height).toBeGreaterThanOrEqual(ink.y + ink.height * 0.8);
    expect(box.x).toBeLessThanOrEqual(ink.x + ink.height * 0.5);
    expect(box.x + box.width).toBeGreaterThanOrEqual(ink.x + ink.width - ink.height * 0.5);
    // The straightened box the reader laid it out by lies a row lower, off the ink.
    const laidOut = lineWith(page, '王晓明')!.box;
    expect(laidOut.y - ink.y).toBeGreaterThan(ink.height / 2);
  });

  it('reads a flat page exactly as with straightening off', async () => {
    const bytes = await renderTextPage(formTexts(), { width: WIDTH, height: HEIGHT });

    const straight = await createPaddleOcrEngine().recognize({ bytes, pageNumber: 1 });
    const off = await createPaddleOcrEngine({ straightenRows: false }).recognize({ bytes, pageNumber: 1 });

    expect(straight).toEqual(off);
    expect(straight.lines.some((line) => line.pageBox)).toBe(false);
  });
});
