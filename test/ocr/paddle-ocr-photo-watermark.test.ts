import { describe, expect, it } from 'vitest';
import { createPaddleOcrEngine, type OcrPage } from '../../shared/ocr/index.js';
import { renderSealedPage, sealedPageTexts, shadowed, watermarked } from './page-factory.js';

// Real PP-OCRv4 inference on a photographed page under a tiled site watermark (issue 12, class 8: phone photos). The
// machine is shared, so the timeout is generous (nothing here asserts time).
const squeeze = (text: string) => text.replace(/[\s\u3000]/g, '');

/** The printed lines not found in the page's text (each compared without spaces; a line may come as two boxes). */
function missing(page: OcrPage, expected: string[]): string[] {
  const text = page.lines.map((line) => squeeze(line.text)).join('|');
  return expected.filter((line) => !line.split('　').every((part) => text.includes(squeeze(part))));
}

const watermarkLines = (page: OcrPage) => page.lines.filter((line) => /仅限|办理|补贴|使用/.test(line.text));

describe('PaddleOcrEngine on a shadowed photo under a watermark', { timeout: 240_000 }, () => {
  it('flattens the light, lifts the watermark and reads every printed line with no piece of the watermark', async () => {
    const bytes = await shadowed(await watermarked(await renderSealedPage({ seal: true })));
    // The engine before: no photo watermark lift, nor the lines under overlays (which find the same watermark from its lines).
    const before = createPaddleOcrEngine({ photoOverprint: false, overlayLines: false });
    const engine = createPaddleOcrEngine();

    const asBefore = await before.recognize({ bytes, pageNumber: 1 });
    const page = await engine.recognize({ bytes, pageNumber: 1 });

    // Without the step the flattened watermark is read as lines of its own.
    expect(watermarkLines(asBefore).length).toBeGreaterThan(3);
    expect(watermarkLines(page)).toEqual([]);
    expect(missing(page, sealedPageTexts)).toEqual([]);
  });
});
