import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { greySealsOnPage } from '../../shared/ocr/grey-seals.js';
import { foundLineCounts, greySealBands } from '../../shared/ocr/lines-under-grey-seals.js';
import { decodeRaster, type Raster } from '../../shared/ocr/raster.js';
import type { RecognisedText } from '../../shared/ocr/text-lines.js';
import { evenlySpacedReading } from '../support/recognised-text.js';

const LINE_HEIGHT = 44;

/** A five-pointed star's outline, centred at (cx, cy). */
function star(cx: number, cy: number, r: number, fill: string): string {
  const points = Array.from({ length: 10 }, (_, k) => {
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    const reach = k % 2 ? r * 0.382 : r;
    return `${(cx + reach * Math.cos(a)).toFixed(1)},${(cy + reach * Math.sin(a)).toFixed(1)}`;
  });
  return `<polygon points="${points.join(' ')}" fill="${fill}"/>`;
}

/**
 * A greyscale contract foot as a faint copy gives it after conditioning: black print, and (optionally) a seal that
 * lost its colour — a grey ring and star — over the signing date, or a grey table row across the page.
 */
async function page(options: { seal?: boolean; greyRow?: boolean }): Promise<Raster> {
  const grey = '#707070';
  const seal = options.seal ? `<circle cx="560" cy="330" r="170" fill="none" stroke="${grey}" stroke-width="14"/>${star(560, 330, 80, grey)}` : '';
  const row = options.greyRow ? `<rect x="60" y="420" width="1280" height="60" fill="${grey}"/>` : '';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1400" height="700"><rect width="100%" height="100%" fill="#fff"/>${seal}${row}
    <text x="120" y="140" font-family="Noto Sans CJK SC" font-size="32" fill="#111">三、本合同一式两份，甲乙双方各执一份，具有同等法律效力。</text>
    <text x="120" y="280" font-family="Noto Sans CJK SC" font-size="32" fill="#111">甲方（盖章）：</text>
    <text x="120" y="350" font-family="Noto Sans CJK SC" font-size="32" fill="#111">签订日期：2019年10月25日</text>
    <text x="120" y="580" font-family="Noto Sans CJK SC" font-size="32" fill="#111">联系电话：13812345678</text></svg>`;
  return decodeRaster(await sharp(Buffer.from(svg)).greyscale().png().toBuffer());
}

const reading = (text: string, confidence: number): RecognisedText => evenlySpacedReading(text, confidence);

describe('greySealsOnPage', () => {
  it('finds a grey ring and star over print, with its box around them and its tone between print and paper', async () => {
    const found = greySealsOnPage(await page({ seal: true }), LINE_HEIGHT);

    expect(found?.seals).toHaveLength(1);
    const { bounds, sealLevel, liftFrom, keepBelow } = found!.seals[0];
    expect(bounds.x0).toBeLessThanOrEqual(400);
    expect(bounds.x1).toBeGreaterThanOrEqual(720);
    expect(bounds.y0).toBeLessThanOrEqual(170);
    expect(bounds.y1).toBeGreaterThanOrEqual(490);
    expect(sealLevel).toBeGreaterThan(found!.print + 35);
    expect(sealLevel).toBeLessThan(found!.paper);
    expect(keepBelow).toBeLessThan(liftFrom);
  });

  it('finds nothing on the same page without the seal', async () => {
    expect(greySealsOnPage(await page({}), LINE_HEIGHT)).toBeUndefined();
  });

  it('takes a grey table row across the page for no seal (a seal is round and hollow)', async () => {
    expect(greySealsOnPage(await page({ greyRow: true }), LINE_HEIGHT)).toBeUndefined();
  });
});

describe('greySealBands', () => {
  it('cuts out the seal’s rows page-wide, a line height above and below it', async () => {
    const raster = await page({ seal: true });
    const [band] = greySealBands(raster, greySealsOnPage(raster, LINE_HEIGHT)!.seals, LINE_HEIGHT);

    expect(band.rows.x0).toBe(0);
    expect(band.rows.x1).toBe(raster.width);
    expect(band.rows.y0).toBe(Math.max(0, band.seal.bounds.y0 - LINE_HEIGHT));
    expect(band.rows.y1).toBe(Math.min(raster.height, band.seal.bounds.y1 + LINE_HEIGHT));
  });
});

describe('foundLineCounts', () => {
  it.each([
    ['keeps a sure line that gains the glyphs under the star', reading('签订日期：2019年10月25日', 0.97), [reading('签订日期：2019年10月2', 0.96)], true],
    ['keeps a sure line found where no region was', reading('二〇二〇年十二月二十六日', 0.93), [], true],
    ['refuses an unsure line', reading('签订日期：2019年10月25日', 0.7), [reading('签订日期：2019年10月2', 0.96)], false],
    ['refuses a line that gains nothing', reading('签订日期：2019年10月2', 0.99), [reading('签订日期：2019年10月2', 0.96)], false],
    ['refuses a line that drops what a sure region read', reading('甲方日期：2019年10月25日', 0.95), [reading('签订日期：2019年10月2', 0.96)], false],
    [
      'refuses two cells of a table row joined over the rule between them',
      reading('杭州西溪家政服务股份有限公司丨2017.09', 0.95),
      [reading('杭州西溪家政服务股份有限公司', 0.99), reading('2017.09', 0.99)],
      false,
    ],
    ['takes no account of an unsure region it covers (a seal’s remnant)', reading('签订日期：2019年10月25日', 0.95), [reading('D', 0.5)], true],
  ])('%s', (_, found, covered, expected) => {
    expect(foundLineCounts(found, covered)).toBe(expected);
  });
});
