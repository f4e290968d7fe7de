import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createPaddleOcrEngine, type OcrPage } from '../../shared/ocr/index.js';
import { renderSealedPage, sealedPageTexts } from './page-factory.js';

// Real PP-OCRv4 inference on a seal that lost its colour (a monochrome photo, a grey copy): the engine's opt-in
// `greySeals` step. The machine is shared, so the timeout is generous (nothing here asserts time).
const squeeze = (text: string) => text.replace(/[\s\u3000]/g, '');

function missing(page: OcrPage, expected: string[]): string[] {
  const text = page.lines.map((line) => squeeze(line.text)).join('|');
  return expected.filter((line) => !line.split('　').every((part) => text.includes(squeeze(part))));
}

describe('PaddleOcrEngine with greySeals', { timeout: 240_000 }, () => {
  it('reads every line of a page under a grey seal, and changes nothing on lines it read sure', async () => {
    const bytes = await sharp(await renderSealedPage({ seal: true }))
      .greyscale()
      .jpeg({ quality: 85 })
      .toBuffer();

    const plain = await createPaddleOcrEngine().recognize({ bytes, pageNumber: 1 });
    const withStep = await createPaddleOcrEngine({ greySeals: true }).recognize({ bytes, pageNumber: 1 });

    expect(missing(withStep, sealedPageTexts)).toEqual([]);
    // Only a line first read unsure can take a lifted reading: every sure line comes out as it did without the step.
    for (const line of plain.lines.filter((l) => l.confidence >= 0.85 && !l.secondReading)) {
      expect(withStep.lines.find((l) => l.text === line.text)?.confidence).toBe(line.confidence);
    }
  });
});
