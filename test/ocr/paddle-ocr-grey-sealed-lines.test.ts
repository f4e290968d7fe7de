import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createPaddleOcrEngine, type OcrPage } from '../../shared/ocr/index.js';
import { renderSealedPage, sealedPageTexts } from './page-factory.js';

// Real PP-OCRv4 inference on a faint photocopy (grey, washed out, blurred, as the generator's `faint_copy` capture
// makes it) whose seal lost its colour: the engine's `greySealedLines` step. The machine is shared, so the timeout is
// generous (nothing here asserts time).
const squeeze = (text: string) => text.replace(/[\s\u3000]/g, '');

async function faintCopyOf(png: Buffer): Promise<Buffer> {
  return sharp(png).greyscale().linear(0.42, 140).blur(0.6).jpeg({ quality: 70 }).toBuffer();
}

function lines(page: OcrPage): string[] {
  return page.lines.map((line) => `${line.text}@${line.confidence}`);
}

describe('PaddleOcrEngine with greySealedLines', { timeout: 240_000 }, () => {
  it('reads every line of a faint copy under a grey seal, and keeps a sure line the lifted page reads worse', async () => {
    const bytes = await faintCopyOf(await renderSealedPage({ seal: true }));

    const page = await createPaddleOcrEngine().recognize({ bytes, pageNumber: 1 });
    const without = await createPaddleOcrEngine({ greySealedLines: false }).recognize({ bytes, pageNumber: 1 });

    const text = page.lines.map((line) => squeeze(line.text)).join('|');
    expect(sealedPageTexts.filter((line) => !text.includes(squeeze(line)))).toEqual([]);
    // The seal's `鉴定专用章` reads `监定专用` with the seal lifted: a reading that swaps and sheds is refused.
    expect(lines(page)).toEqual(lines(without));
  });

  it('reads a faint copy without a seal exactly as without the step', async () => {
    const bytes = await faintCopyOf(await renderSealedPage({}));

    const page = await createPaddleOcrEngine().recognize({ bytes, pageNumber: 1 });
    const without = await createPaddleOcrEngine({ greySealedLines: false }).recognize({ bytes, pageNumber: 1 });

    expect(page.lines).toEqual(without.lines);
  });
});
