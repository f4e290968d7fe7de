import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createPaddleOcrEngine, type OcrPage } from '../../shared/ocr/index.js';

// Real PP-OCRv4 inference on a date under a red seal's ring, as a phone photographs it (soft focus, warm light, 4:2:0
// JPEG): the engine's third reading of unsure lines under a seal, from the ink's own channel. The machine is shared, so
// the timeout is generous (nothing here asserts time).

/** Grey print of an issuer and a date, a red ring and star over the date's end, blurred and warm-lit as a photo. */
async function sealedDatePhoto(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="700" height="300">
    <rect width="100%" height="100%" fill="#ffffff"/>
    <text x="40" y="120" font-family="Noto Sans CJK SC" font-size="22" fill="#6e6e6e">发证单位：浙江省人力资源和社会保障厅</text>
    <text x="40" y="170" font-family="Noto Sans CJK SC" font-size="22" fill="#6e6e6e">2008.10.26</text>
    <g style="mix-blend-mode:multiply" opacity="0.8">
      <circle cx="160" cy="140" r="60" fill="none" stroke="#d42020" stroke-width="6"/>
      <polygon fill="#d42020" transform="translate(-170,0)" points="330,110 338,132 360,132 342,146 350,168 330,154 310,168 318,146 300,132 322,132"/>
    </g></svg>`;
  return sharp(Buffer.from(svg)).blur(1.2).linear([0.88, 0.82, 0.74], [0, 0, 0]).jpeg({ quality: 72, chromaSubsampling: '4:2:0' }).toBuffer();
}

const dateLine = (page: OcrPage) => page.lines.find((line) => line.text.startsWith('2008'));

describe('PaddleOcrEngine, third readings under a seal (opt-in: sealThirdReadings)', { timeout: 240_000 }, () => {
  it("reads the date's last digit that the seal's ring took from the red channel, and leaves it flagged", async () => {
    const bytes = await sealedDatePhoto();

    const without = await createPaddleOcrEngine().recognize({ bytes, pageNumber: 1 });
    const withStep = await createPaddleOcrEngine({ sealThirdReadings: true }).recognize({ bytes, pageNumber: 1 });

    // Read from the conditioned page and the page as stored, the ring's `6` is a `0` (flagged: the readings disagree).
    expect(dateLine(without)?.text).toBe('2008.10.20');
    // The third reading is surer throughout and reads it whole; the digit no earlier reading kept stays unsure.
    const read = dateLine(withStep)!;
    expect(read.text).toBe('2008.10.26');
    expect(read.words?.at(-1)?.confidence).toBeLessThanOrEqual(0.5);
    expect(read.secondReading).toMatchObject({ text: '2008.10.20', agrees: false });
  });
});
