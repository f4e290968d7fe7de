import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createPaddleOcrEngine } from '../../shared/ocr/index.js';
import { detectionScale, finerDetection, printWindow, SMALL_PRINT_INPUT_TARGET, quarterLineHeight } from '../../shared/ocr/small-print.js';
import { DEFAULT_DETECTION_SETTINGS, type TextRegion } from '../../shared/ocr/text-regions.js';
import { certificateLines, renderTextPage } from './page-factory.js';

/** Line regions `height` px tall (px of the raster), ten of them, laid down a page from (x, y). */
function lines(height: number, x = 400, y = 300): TextRegion[] {
  return Array.from({ length: 10 }, (_, k) => ({ cx: x + 200, cy: y + k * 2 * height, width: 400, height, angle: 0, score: 0.9 }));
}

describe('small print measured from the page’s first detection', () => {
  it('leaves ordinary print as it was: no finer detection', () => {
    // A phone photo of 1,800 px, its lines 30 px tall: 21 px at the detector's 1,280.
    expect(finerDetection(lines(30), 1800, DEFAULT_DETECTION_SETTINGS)).toBeUndefined();
  });

  it('detects a page small on a table again at the scale that brings its print to the target', () => {
    // A 2,400-px photo of a table, the page's lines 18 px tall (9.6 px at the detector's 1,280), its print 900 px across.
    const finer = finerDetection(lines(18), 2400, DEFAULT_DETECTION_SETTINGS, 900);
    expect(finer).toBeDefined();
    expect(18 * detectionScale(2400, finer!)).toBeCloseTo(SMALL_PRINT_INPUT_TARGET, 0);
  });

  it('enlarges a chat app’s small re-save for the detector, at most twice', () => {
    // A 960-px re-save, its lines 9 px tall, read at its own size until now.
    const finer = finerDetection(lines(9), 960, DEFAULT_DETECTION_SETTINGS);
    expect(detectionScale(960, finer!)).toBeCloseTo(2, 5);
  });

  it('keeps the finer detection’s input within its limit when the print fills the photo', () => {
    const finer = finerDetection(lines(18), 2400, DEFAULT_DETECTION_SETTINGS);
    expect(2400 * detectionScale(2400, finer!)).toBeLessThanOrEqual(2560);
  });

  it('takes no measure from a page with too few lines', () => {
    expect(quarterLineHeight(lines(9).slice(0, 3))).toBeUndefined();
    expect(finerDetection(lines(9).slice(0, 3), 960, DEFAULT_DETECTION_SETTINGS)).toBeUndefined();
  });

  it('windows the finer detection on where print was found, the table around it left out', () => {
    const window = printWindow(lines(18, 900, 800), 2400, 1800, 18);
    expect(window.x0).toBeGreaterThan(0.3);
    expect(window.x1).toBeLessThan(0.7);
    expect(window.y0).toBeGreaterThan(0.35);
    expect(window.y1).toBeLessThan(0.75);
  });

  it('reads a certificate lying small on a striped table that the detector’s 1,280 px lost lines of', async () => {
    // 10-px print on a 360 × 125 page, lying on a table in a 2,400 × 1,800 photo: 5 px at the detector's input.
    const small = certificateLines.map((line, k) => ({ ...line, x: 30, y: 34 + k * 22, size: k === 0 ? 15 : 10 }));
    const page = await renderTextPage(small, { width: 360, height: 125 });
    const table = Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="2400" height="1800"><defs><pattern id="p" width="40" height="40" patternUnits="userSpaceOnUse" patternTransform="rotate(35)"><rect width="40" height="40" fill="#d9d6d0"/><rect width="6" height="40" fill="#8a8a8a"/></pattern></defs><rect width="100%" height="100%" fill="url(#p)"/></svg>`,
    );
    const bytes = await sharp(table)
      .composite([{ input: page, left: 900, top: 800 }])
      .blur(0.6)
      .jpeg({ quality: 85 })
      .toBuffer();
    const text = async (smallPrint: boolean) =>
      (await createPaddleOcrEngine({ smallPrint }).recognize({ bytes, pageNumber: 1 })).lines.map((line) => line.text).join('|');

    const before = await text(false);
    const after = await text(true);

    expect(before).not.toContain('330106199001011234');
    expect(before).not.toContain('杭州市西湖区职业技能鉴定中心');
    expect(after).toContain('证件号码：330106199001011234');
    expect(after).toContain('发证机构：杭州市西湖区职业技能鉴定中心');
  });
});
