import { beforeAll, describe, expect, it } from 'vitest';
import { createPaddleOcrEngine, type OcrPage } from '../../shared/ocr/index.js';
import { recognitionSlotWidth } from '../../shared/ocr/text-lines.js';
import { certificateLines, certificateTexts, renderTextPage } from './page-factory.js';

describe('recognitionSlotWidth', () => {
  it.each([
    { crop: 131, minWidth: 320, slot: 320, why: 'PP-OCR pads every narrower crop to 320 px' },
    { crop: 131, minWidth: 96, slot: 136, why: 'a short crop is read at its own width, rounded up to the column stride of 8' },
    { crop: 136, minWidth: 96, slot: 136, why: 'a width already a multiple of 8 is kept' },
    { crop: 40, minWidth: 96, slot: 96, why: 'a crop narrower than the floor is padded to the floor' },
    { crop: 317, minWidth: 96, slot: 320, why: 'just under 320 px rounds up to 320' },
    { crop: 417, minWidth: 96, slot: 417, why: 'from 320 px on, a crop is read at its own width, as before' },
    { crop: 417, minWidth: 320, slot: 417, why: 'the same with the 320-px floor' },
  ])('reads a $crop px crop in a $slot px input with a $minWidth px floor ($why)', ({ crop, minWidth, slot }) => {
    expect(recognitionSlotWidth(crop, minWidth)).toBe(slot);
  });
});

// Real PP-OCRv4 inference on one small page (CPU is shared: keep this file small).
describe('PaddleOcrEngine with a narrow recognition floor', () => {
  const engine = createPaddleOcrEngine({ recognition: { minWidth: 96 } });
  let page: OcrPage;

  beforeAll(async () => {
    // Every certificate line but the issuer is narrower than 320 px at the recogniser's 48-px height.
    page = await engine.recognize({ bytes: await renderTextPage(certificateLines), pageNumber: 1 });
  });

  it('reads short lines at their own width as the 320-px padding read them', () => {
    expect(page.lines.map((line) => line.text)).toEqual(certificateTexts);
    for (const line of page.lines) expect(line.confidence).toBeGreaterThan(0.9);
  });

  it('places each character of a short line along it, not along the padding it no longer has', () => {
    const name = page.lines[1];
    expect(name.words?.map((word) => word.text).join('')).toBe('姓名：王晓明');
    // The name line is drawn at x = 80 in 34-px type: 王 is the fourth character, 明 the last (ends near 80 + 6 × 34).
    const centre = (text: string) => {
      const word = name.words!.find((w) => w.text === text)!;
      return word.box.x + word.box.width / 2;
    };
    expect(centre('王')).toBeGreaterThan(80 + 2.5 * 34);
    expect(centre('王')).toBeLessThan(80 + 4 * 34);
    expect(centre('明')).toBeGreaterThan(80 + 4.5 * 34);
    expect(centre('明')).toBeLessThan(80 + 6.5 * 34);
  });
});
