import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createPaddleOcrEngine, type OcrPage } from '../../shared/ocr/index.js';
import { letteringArcs, sealRingsOnPage } from '../../shared/ocr/seal-rings.js';
import { decodeRaster } from '../../shared/ocr/raster.js';

// Real PP-OCRv4 inference on a round red seal whose name runs round the top of its ring, each character upright with
// its top outwards, over a line of print: the engine reads the ring's lettering whole from the band unrolled. The
// machine is shared, so the timeout is generous (nothing here asserts time).

const NAME = '杭州卓越餐饮管理有限公司';

/**
 * A page with a line of print and a seal over it: ring, star, `turn` degrees turned, the name lettered clockwise from
 * about 8 to 4 o'clock (each character drawn on its own, turned about the seal's centre).
 */
async function sealedPage(turn: number, options: { photo?: boolean } = {}): Promise<Buffer> {
  const [cx, cy, r] = [620, 420, 170];
  const chars = [...NAME];
  const letters = chars
    .map((ch, i) => {
      const angle = turn - 120 + (240 * i) / (chars.length - 1);
      return `<text transform="rotate(${angle.toFixed(2)} ${cx} ${cy})" x="${cx}" y="${cy - r * 0.7}" text-anchor="middle" font-size="${r * 0.24}" font-family="Noto Sans CJK SC" fill="#d42020">${ch}</text>`;
    })
    .join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800">
    <rect width="100%" height="100%" fill="#ffffff"/>
    <text x="80" y="200" font-family="Noto Sans CJK SC" font-size="30" fill="#1a1a1a">特发此聘书。</text>
    <text x="300" y="440" font-family="Noto Sans CJK SC" font-size="30" fill="#1a1a1a">二〇二〇年十二月二十五日</text>
    <g style="mix-blend-mode:multiply" opacity="0.85">
      <circle cx="${cx}" cy="${cy}" r="${r * 0.95}" fill="none" stroke="#d42020" stroke-width="${r * 0.07}"/>
      <polygon fill="#d42020" transform="translate(${cx} ${cy}) rotate(${turn}) scale(${r / 40})" points="0,-16 4,-3 16,-3 6,4 10,16 0,9 -10,16 -6,4 -16,-3 -4,-3"/>
      ${letters}
    </g></svg>`;
  const image = sharp(Buffer.from(svg));
  return options.photo
    ? image.resize(1200, 760, { fit: 'fill' }).blur(1).linear([0.9, 0.84, 0.76], [0, 0, 0]).jpeg({ quality: 75 }).toBuffer()
    : image.png().toBuffer();
}

describe('PaddleOcrEngine, a round seal’s lettering', { timeout: 240_000 }, () => {
  it('reports the lettering round a seal’s ring as one line, marked as a seal’s, with the seal’s box', async () => {
    const page = await createPaddleOcrEngine({ sealRings: true }).recognize({ bytes: await sealedPage(0), pageNumber: 1 });

    const ring = page.lines.filter((line) => line.sealLettering);
    expect(ring.map((line) => line.text)).toEqual([NAME]);
    expect(ring[0].confidence).toBeGreaterThanOrEqual(0.85);
    expect(ring[0].box.x).toBeLessThan(620 - 150);
    expect(ring[0].box.x + ring[0].box.width).toBeGreaterThan(620 + 150);
  });

  it('reads the lettering of a turned seal on a slightly squashed photo from where the band’s ink begins', async () => {
    const page = await createPaddleOcrEngine({ sealRings: true }).recognize({ bytes: await sealedPage(35, { photo: true }), pageNumber: 1 });

    expect(page.lines.filter((line) => line.sealLettering).map((line) => line.text)).toEqual([NAME]);
  });

  it('finds no ring where coloured ink is only a red title', async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="800"><rect width="100%" height="100%" fill="#fff"/>
      <text x="200" y="200" font-family="Noto Sans CJK SC" font-size="90" fill="#c81e1e">荣誉证书</text></svg>`;
    const raster = await decodeRaster(new Uint8Array(await sharp(Buffer.from(svg)).png().toBuffer()));

    expect(sealRingsOnPage(raster, 30)).toEqual([]);
  });

  it('puts the lettering’s arc round the top whatever way the seal is turned', async () => {
    const raster = await decodeRaster(new Uint8Array(await sealedPage(-40)));
    const [ring] = sealRingsOnPage(raster, 30);

    const [arc] = letteringArcs(raster, ring, 0.55, 0.88);
    const middle = (((arc.from + arc.to) / 2 + 540) % 360) - 180;
    expect(Math.abs(middle - -40)).toBeLessThan(12);
  });

  it('reads no ring on a page its gate refuses, and reads it where the gate accepts the page’s own lines', async () => {
    const seen: string[][] = [];
    const gate = (accept: boolean) => (page: OcrPage) => {
      seen.push(page.lines.map((line) => line.text));
      return accept;
    };
    const bytes = await sealedPage(0);

    const refused = await createPaddleOcrEngine({ sealRings: gate(false) }).recognize({ bytes, pageNumber: 1 });
    const accepted = await createPaddleOcrEngine({ sealRings: gate(true) }).recognize({ bytes, pageNumber: 1 });

    expect(refused.lines.filter((line) => line.sealLettering)).toEqual([]);
    expect(accepted.lines.filter((line) => line.sealLettering).map((line) => line.text)).toEqual([NAME]);
    expect(seen).toHaveLength(2);
    for (const lines of seen) expect(lines).toContain('特发此聘书。');
  });

  it('hands the gate the page’s lines upright on a page scanned on its side', async () => {
    const seen: string[][] = [];
    const turned = await sharp(await sealedPage(0))
      .rotate(90)
      .png()
      .toBuffer();

    await createPaddleOcrEngine({ sealRings: (page) => (seen.push(page.lines.map((line) => line.text)), false) }).recognize({ bytes: turned, pageNumber: 1 });

    expect(seen[0]).toContain('特发此聘书。');
  });
});
