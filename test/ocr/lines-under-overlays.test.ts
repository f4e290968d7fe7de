import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createPaddleOcrEngine, type OcrPage } from '../../shared/ocr/index.js';
import { differsOnlyUnderOverlay, overlayOnPage, withOverlayLifted } from '../../shared/ocr/lines-under-overlays.js';
import { decodeRaster, type Raster } from '../../shared/ocr/raster.js';
import type { TextRegion } from '../../shared/ocr/text-regions.js';
import { evenlySpacedReading } from '../support/recognised-text.js';
import { faintCopy, renderSealedPage, sealedPageTexts, watermarked } from './page-factory.js';

/** Level print lines (black, or `printGrey`) and, optionally, a diagonal phrase tiled in light grey beside and across them. */
async function page(options: { watermark?: boolean; printGrey?: string; turns?: number[] }): Promise<{ raster: Raster; regions: TextRegion[] }> {
  const ink = options.printGrey ?? '#111';
  const print = [140, 260, 380, 500].map(
    (y) => `<text x="100" y="${y}" font-family="Noto Sans CJK SC" font-size="36" fill="${ink}">公民身份号码：330106198805124321</text>`,
  );
  const marks: string[] = [];
  const regions: TextRegion[] = [140, 260, 380, 500].map((y) => ({ cx: 100 + 330, cy: y - 13, width: 660, height: 44, angle: 0, score: 1 }));
  if (options.watermark) {
    // Four clear of the print, one last across a print line (its box holds print: no overlay line).
    for (const [k, [x, y]] of [
      [780, 180],
      [950, 330],
      [780, 450],
      [900, 620],
      [400, 560],
    ].entries()) {
      // Parallel rows (a tiled phrase), or each its own way (`turns`, degrees: a seal's lettering boxed along its arc).
      const degrees = options.turns?.[k] ?? -30;
      const angle = (degrees * Math.PI) / 180;
      marks.push(
        `<text x="${x}" y="${y}" font-family="Noto Sans CJK SC" font-size="40" fill="#d8d8d8" transform="rotate(${degrees} ${x} ${y})">复印无效</text>`,
      );
      // The phrase's box: 4 glyphs of 40 px along its direction from its baseline's start.
      regions.push({
        cx: x + 80 * Math.cos(angle) + 14 * Math.sin(angle),
        cy: y + 80 * Math.sin(angle) - 14 * Math.cos(angle),
        width: 164,
        height: 46,
        angle,
        score: 1,
      });
    }
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="700"><rect width="100%" height="100%" fill="#fff"/>${print.join('')}${marks.join('')}</svg>`;
  return { raster: await decodeRaster(await sharp(Buffer.from(svg)).png().toBuffer()), regions };
}

describe('overlayOnPage', () => {
  it('finds a light diagonal phrase tiled across the page, with its tone between print and paper', async () => {
    const { raster, regions } = await page({ watermark: true });

    const overlay = overlayOnPage(raster, regions);

    expect(overlay?.overlayLines).toEqual([4, 5, 6, 7]);
    expect(overlay!.tone).toBeGreaterThan(overlay!.print + 100);
    expect(overlay!.tone).toBeLessThan(overlay!.paper);
  });

  it('finds nothing on the same page without the phrase', async () => {
    const { raster, regions } = await page({});

    expect(overlayOnPage(raster, regions)).toBeUndefined();
  });

  it('takes light phrases each turned its own way (a seal’s lettering boxed along its arc) for no overlay', async () => {
    const { raster, regions } = await page({ watermark: true, turns: [-60, -20, 20, 60, -30] });

    expect(overlayOnPage(raster, regions)).toBeUndefined();
  });

  it('takes light grey print set level (a grey table’s figures) for no overlay', async () => {
    const { raster, regions } = await page({ printGrey: '#c0c0c0' });

    expect(overlayOnPage(raster, [...regions, ...regions.map((region) => ({ ...region, cy: region.cy + 1 }))])).toBeUndefined();
  });

  it('lifts the phrase to paper and keeps the print under it dark', async () => {
    const { raster, regions } = await page({ watermark: true });
    const lifted = withOverlayLifted(raster, overlayOnPage(raster, regions)!);

    const darkest = (r: Raster, x0: number, y0: number, x1: number, y1: number) => {
      let min = 255;
      for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) min = Math.min(min, r.data[(y * r.width + x) * 3]);
      return min;
    };
    // The phrase at (900, 620) lies clear of print; the print line at y 500 stays black.
    expect(darkest(raster, 900, 540, 1060, 630)).toBeLessThan(235);
    expect(darkest(lifted, 900, 540, 1060, 630)).toBeGreaterThan(250);
    expect(darkest(lifted, 100, 470, 700, 510)).toBeLessThan(60);
  });
});

describe('differsOnlyUnderOverlay', () => {
  const region: TextRegion = { cx: 150, cy: 50, width: 240, height: 60, angle: 0, score: 1 };
  /** A lifted page with print in the line's right two thirds (`卢婷`) and paper, or print too, in its first third. */
  const lifted = (printedHead: boolean): Raster => {
    const width = 300;
    const height = 100;
    const data = new Uint8Array(width * height * 3).fill(255);
    for (let y = 35; y < 65; y++) {
      for (let x = printedHead ? 40 : 110; x < 260; x += 6) data.fill(20, (y * width + x) * 3, (y * width + x + 2) * 3);
    }
    return { data, width, height };
  };

  it('takes a reading that sheds a glyph read where nothing is printed (the overlay’s own)', () => {
    expect(differsOnlyUnderOverlay(evenlySpacedReading('印卢婷', 0.95), evenlySpacedReading('卢婷', 0.97), lifted(false), region, 180)).toBe(true);
  });

  it('refuses a reading that sheds a glyph over print', () => {
    expect(differsOnlyUnderOverlay(evenlySpacedReading('印卢婷', 0.95), evenlySpacedReading('卢婷', 0.97), lifted(true), region, 180)).toBe(false);
  });

  it('refuses a reading that only adds characters to the first', () => {
    expect(differsOnlyUnderOverlay(evenlySpacedReading('卢婷', 0.95), evenlySpacedReading('卢婷：', 0.97), lifted(false), region, 180)).toBe(false);
  });
});

// Real PP-OCRv4 inference on a faint copy of a sealed certificate under a light tiled `复印无效` that conditioning does
// not lift (on the faint copy it lies within a few levels of the paper). The machine is shared: the timeout is generous.
const squeeze = (text: string) => text.replace(/[\s\u3000]/g, '');

/** The page's printed values (from `sealedPageTexts`) not found in its text, compared without spaces. */
const VALUES = ['李静怡', '330106198805124321', '保育师', '四级', 'S000033010600213000456', '杭州市西湖区职业技能鉴定中心', '2022年09月26日'];

function missing(page: OcrPage): string[] {
  const text = page.lines.map((line) => squeeze(line.text)).join('|');
  return VALUES.filter((value) => !text.includes(value));
}

const watermarkLines = (page: OcrPage) => page.lines.filter((line) => /^[复印无效]+$/.test(squeeze(line.text)));

describe('PaddleOcrEngine on a faint copy under a copy watermark', { timeout: 300_000 }, () => {
  it('drops the watermark’s own lines and keeps every printed line', async () => {
    const bytes = await faintCopy(await watermarked(await renderSealedPage({ seal: true }), '复印无效'));
    const before = await createPaddleOcrEngine({ overlayLines: false }).recognize({ bytes, pageNumber: 1 });
    const page = await createPaddleOcrEngine().recognize({ bytes, pageNumber: 1 });

    // Without the step the watermark is read as lines of its own all over the page.
    expect(watermarkLines(before).length).toBeGreaterThan(20);
    expect(watermarkLines(page).length).toBeLessThanOrEqual(5);
    expect(sealedPageTexts.join('')).toContain('李静怡');
    expect(missing(page)).toEqual([]);
  });

  it('reads a page without an overlay exactly as the engine without the step', async () => {
    const bytes = await faintCopy(await renderSealedPage({ seal: true }));
    const before = await createPaddleOcrEngine({ overlayLines: false }).recognize({ bytes, pageNumber: 1 });
    const page = await createPaddleOcrEngine().recognize({ bytes, pageNumber: 1 });

    expect(page.lines).toEqual(before.lines);
  });
});
