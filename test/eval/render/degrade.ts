import sharp from 'sharp';
import type { Rng } from '../factory/random.js';
import type { SheetRenderer } from './browser.js';

/** An image file as a scanner or phone would write it. */
export interface ImageFile {
  data: Buffer;
  ext: 'png' | 'jpg';
  /** Resolution the page was captured at, for sizing image PDFs. */
  dpi: number;
}

/**
 * A clean flatbed scan: the rendered page as PNG or a high-quality JPEG.
 *
 * @example
 * await cleanScan(png, rng, 200);
 */
export async function cleanScan(png: Buffer, rng: Rng, dpi: number): Promise<ImageFile> {
  if (rng.chance(0.5)) return { data: png, ext: 'png', dpi };
  return { data: await sharp(png).flatten({ background: '#fff' }).jpeg({ quality: 90 }).toBuffer(), ext: 'jpg', dpi };
}

function sealSvg(size: number, label: string): Buffer {
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 100 100">
  <defs><path id="a" d="M 16 56 A 35 35 0 1 1 84 56"/></defs>
  <g opacity="0.62"><circle cx="50" cy="50" r="45" fill="none" stroke="#e0301e" stroke-width="3.5"/>
  <text font-size="10" fill="#e0301e" font-family="Noto Sans CJK SC"><textPath href="#a" startOffset="50%" text-anchor="middle">${label}</textPath></text>
  <polygon fill="#e0301e" points="50,34 55,46 68,46 58,54 62,67 50,59 38,67 42,54 32,46 45,46"/>
  <text x="50" y="82" font-size="9" fill="#e0301e" text-anchor="middle" font-family="Noto Sans CJK SC">业务专用章</text></g></svg>`);
}

const noiseCache = new Map<string, Buffer>();

/** Gaussian speckle the size of the page; cached per size because making it is the slowest step. */
async function noiseTile(width: number, height: number, sigma: number): Promise<Buffer> {
  const key = `${width}x${height}x${sigma}`;
  let tile = noiseCache.get(key);
  if (!tile) {
    tile = await sharp({ create: { width, height, channels: 3, background: { r: 128, g: 128, b: 128 }, noise: { type: 'gaussian', mean: 128, sigma } } })
      .png({ compressionLevel: 1 })
      .toBuffer();
    if (noiseCache.size > 8) noiseCache.clear();
    noiseCache.set(key, tile);
  }
  return tile;
}

/**
 * A poor office scan: a red seal stamped across the text, often grey, turned a few degrees, blurred, speckled and
 * saved as a low-quality JPEG. Each step is a separate pass so sharp applies them in this order.
 *
 * @example
 * await noisyScan(png, rng, 200);
 */
export async function noisyScan(png: Buffer, rng: Rng, dpi: number): Promise<ImageFile> {
  const meta = await sharp(png).metadata();
  const width = meta.width!;
  const height = meta.height!;
  const sealSize = Math.round(Math.min(width, height) * rng.float(0.22, 0.3));
  // Across the text block: the middle band of the page, where labels and values sit.
  const left = Math.round(rng.float(0.15, 0.6) * width);
  const top = Math.round(rng.float(0.2, 0.55) * height);
  let image = await sharp(png)
    .flatten({ background: '#fff' })
    .composite([{ input: sealSvg(sealSize, rng.pick(['杭州市人力资源和社会保障局', '杭州市职业技能鉴定中心', '西湖区人力社保局'])), left, top, blend: 'multiply' }])
    .toBuffer();
  const grey = rng.chance(0.7);
  const angle = rng.float(1, 4) * (rng.chance(0.5) ? 1 : -1);
  let turned = sharp(image).rotate(angle, { background: '#ffffff' }).blur(rng.float(0.5, 1.1)).modulate({ brightness: rng.float(0.92, 1.04) });
  if (grey) turned = turned.greyscale().toColourspace('srgb');
  image = await turned.removeAlpha().toBuffer();
  const m = await sharp(image).metadata();
  image = await sharp(image)
    .composite([{ input: await noiseTile(m.width!, m.height!, Math.round(rng.float(14, 26))), blend: 'soft-light' }])
    .jpeg({ quality: rng.int(30, 50) })
    .toBuffer();
  return { data: image, ext: 'jpg', dpi };
}

/**
 * A phone photo of the page on a desk: real perspective (chromium 3D transform of the page image), a lower
 * resolution, uneven light (a gradient multiplied over it), slight blur and JPEG compression.
 *
 * @example
 * await phonePhoto(png, renderer, rng);
 */
export async function phonePhoto(png: Buffer, renderer: SheetRenderer, rng: Rng): Promise<ImageFile> {
  const meta = await sharp(png).metadata();
  const aspect = meta.width! / meta.height!;
  // CSS size of the frame: the page fills ~80 % of it, with desk around.
  const frameW = aspect >= 1 ? 1100 : 800;
  const frameH = Math.round(aspect >= 1 ? frameW / 1.33 : frameW * 1.33);
  const pageW = Math.round(Math.min(frameW * 0.82, frameH * 0.82 * aspect));
  const rx = rng.float(-9, 9);
  const ry = rng.float(-8, 8);
  const rz = rng.float(-3, 3);
  const html = `<!doctype html><html><body style="margin:0;width:${frameW}px;height:${frameH}px;overflow:hidden;background:radial-gradient(circle at ${rng.int(20, 80)}% ${rng.int(20, 80)}%, #9c8c76, #4d4234)">
  <img src="data:image/png;base64,${png.toString('base64')}" style="position:absolute;left:50%;top:50%;width:${pageW}px;transform:translate(-50%,-50%) perspective(1400px) rotateX(${rx}deg) rotateY(${ry}deg) rotateZ(${rz}deg);box-shadow:0 6px 24px rgba(0,0,0,0.5)">
  </body></html>`;
  const targetLong = rng.int(1500, 2000);
  const shot = await renderer.capture(html, frameW, frameH, targetLong / Math.max(frameW, frameH));
  const s = await sharp(shot).metadata();
  const angle = rng.int(0, 359);
  const light = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${s.width}" height="${s.height}">
    <defs><linearGradient id="g" gradientTransform="rotate(${angle} 0.5 0.5)"><stop offset="0" stop-color="#ffffff"/><stop offset="1" stop-color="#${rng.pick(['8a8070', '9a9080', '7f7a70'])}"/></linearGradient></defs>
    <rect width="100%" height="100%" fill="url(#g)"/></svg>`);
  const data = await sharp(shot)
    .composite([{ input: light, blend: 'multiply' }])
    .modulate({ brightness: rng.float(0.95, 1.15), saturation: rng.float(0.85, 1.1) })
    .blur(rng.float(0.4, 0.9))
    .jpeg({ quality: rng.int(68, 82) })
    .toBuffer();
  return { data, ext: 'jpg', dpi: 150 };
}

/**
 * The page scanned the wrong way round: turned 90°, 180° or 270° clockwise.
 *
 * @example
 * await turnedPage(png, 180, 200);
 */
export async function turnedPage(png: Buffer, degrees: 90 | 180 | 270, dpi: number, jpeg: boolean): Promise<ImageFile> {
  const turned = sharp(png).flatten({ background: '#fff' }).rotate(degrees);
  return jpeg ? { data: await turned.jpeg({ quality: 88 }).toBuffer(), ext: 'jpg', dpi } : { data: await turned.png().toBuffer(), ext: 'png', dpi };
}

/** A page fed through a sheet-feeder in a batch: grey, barely skewed, mid-quality JPEG. @example await batchScan(png, rng, 200); */
export async function batchScan(png: Buffer, rng: Rng, dpi: number): Promise<ImageFile> {
  const data = await sharp(png)
    .flatten({ background: '#fff' })
    .greyscale()
    .rotate(rng.float(-1.5, 1.5), { background: '#ffffff' })
    .jpeg({ quality: rng.int(60, 80) })
    .toBuffer();
  return { data, ext: 'jpg', dpi };
}
