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
    .composite([
      { input: sealSvg(sealSize, rng.pick(['杭州市人力资源和社会保障局', '杭州市职业技能鉴定中心', '西湖区人力社保局'])), left, top, blend: 'multiply' },
    ])
    .toBuffer();
  const grey = rng.chance(0.7);
  const angle = rng.float(1, 4) * (rng.chance(0.5) ? 1 : -1);
  let turned = sharp(image)
    .rotate(angle, { background: '#ffffff' })
    .blur(rng.float(0.5, 1.1))
    .modulate({ brightness: rng.float(0.92, 1.04) });
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
export async function phonePhoto(png: Buffer, renderer: SheetRenderer, rng: Rng, longSide?: number): Promise<ImageFile> {
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
  const targetLong = longSide ?? rng.int(1500, 2000);
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
 * Two pages in one image, left to right, as a contract lying open or two sheets laid side by side: a narrow fold
 * between them, shaded towards it. The taller page sets the height; the other sits at the top.
 *
 * @example
 * await sideBySide(leftPng, rightPng);
 */
export async function sideBySide(left: Buffer, right: Buffer): Promise<Buffer> {
  const [a, b] = await Promise.all([left, right].map((png) => sharp(png).flatten({ background: '#fff' }).png().toBuffer()));
  const [ma, mb] = await Promise.all([size(a), size(b)]);
  const fold = Math.round(ma.width * 0.02);
  const height = Math.max(ma.height, mb.height);
  const shade = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${fold}" height="${height}"><defs><linearGradient id="g"><stop offset="0" stop-color="#e8e6e0"/><stop offset="0.5" stop-color="#9a968e"/><stop offset="1" stop-color="#e8e6e0"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`,
  );
  return sharp({ create: { width: ma.width + fold + mb.width, height, channels: 3, background: '#ffffff' } })
    .composite([
      { input: a, left: 0, top: 0 },
      { input: await sharp(shade).png().toBuffer(), left: ma.width, top: 0 },
      { input: b, left: ma.width + fold, top: 0 },
    ])
    .png()
    .toBuffer();
}

/** How two documents lie in one image (pair25): which comes first, side by side or one above the other, their sizes and turns. */
export interface TwoDocumentLayout {
  /** One above the other (else side by side). */
  stacked: boolean;
  /** Scale of each document against its rendered size. */
  scales: [number, number];
  /** Small turns of each, in degrees. */
  turns: [number, number];
  /** The gap between them, as a share of the first one's width (side by side) or height (stacked). */
  gap: number;
  /** A desk under a phone, or a flatbed's white lid. */
  on: 'desk' | 'flatbed';
}

/**
 * Two documents in one image, as people lay them on a desk or a flatbed: side by side or one above the other, of
 * different sizes and each turned a little, centred across the other axis.
 *
 * @example
 * await twoDocuments(certificatePng, idCardPng, { stacked: false, scales: [1, 0.7], turns: [-2, 1.5], gap: 0.06, on: 'desk' });
 */
export async function twoDocuments(first: Buffer, second: Buffer, layout: TwoDocumentLayout): Promise<Buffer> {
  const background = layout.on === 'desk' ? { r: 0x8c, g: 0x7c, b: 0x66, alpha: 1 } : { r: 255, g: 255, b: 255, alpha: 1 };
  const laid = await Promise.all(
    [first, second].map(async (png, i) => {
      const meta = await sharp(png).metadata();
      const turned = await sharp(png)
        .flatten({ background: '#fff' })
        .resize(Math.round(meta.width! * layout.scales[i]))
        .rotate(layout.turns[i], { background: { r: 0, g: 0, b: 0, alpha: 0 } })
        .png()
        .toBuffer();
      return { png: turned, ...(await size(turned)) };
    }),
  );
  const [a, b] = laid;
  const margin = Math.round(Math.max(a.width, a.height) * 0.04);
  const gap = Math.round((layout.stacked ? a.height : a.width) * layout.gap);
  const width = layout.stacked ? Math.max(a.width, b.width) + 2 * margin : a.width + gap + b.width + 2 * margin;
  const height = layout.stacked ? a.height + gap + b.height + 2 * margin : Math.max(a.height, b.height) + 2 * margin;
  const placeA = layout.stacked ? { left: Math.round((width - a.width) / 2), top: margin } : { left: margin, top: Math.round((height - a.height) / 2) };
  const placeB = layout.stacked
    ? { left: Math.round((width - b.width) / 2), top: margin + a.height + gap }
    : { left: margin + a.width + gap, top: Math.round((height - b.height) / 2) };
  return sharp({ create: { width, height, channels: 4, background } })
    .composite([
      { input: a.png, ...placeA },
      { input: b.png, ...placeB },
    ])
    .flatten({ background: '#fff' })
    .png()
    .toBuffer();
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

/**
 * Photo and copy conditions as people make them. Each is a real image operation (sharp, or chromium for curl and
 * perspective) and is recorded in the truth's `capture` list so evaluation can report by it.
 */
export const PHOTO_CAPTURES = [
  'perspective',
  'glare',
  'fold',
  'shadow',
  'curl',
  'moire',
  'faint_copy',
  'scanner_app',
  'booklet_spread',
  'exif_orientation',
  'turned_no_flag',
  'large',
  'small',
] as const;
/**
 * Captures only named by `--captures` (never in `--captures all`, which would shift which capture every earlier seed's
 * files get): a phone shaken as it shoots, a dim room, a chat app's re-save, a thumb holding the page by its margin,
 * the page small on a patterned table. Drawn for the proc-H3 held-out region (2026-12-07, family32), usable on any.
 */
export const H3_CAPTURES = ['motion_blur', 'low_light', 'chat_resave', 'thumb', 'small_on_table'] as const;
export type PhotoCapture = (typeof PHOTO_CAPTURES)[number] | (typeof H3_CAPTURES)[number];

async function size(image: Buffer): Promise<{ width: number; height: number }> {
  const m = await sharp(image).metadata();
  return { width: m.width!, height: m.height! };
}

/** A bright, soft-edged reflection (a lamp or window on glossy paper), screened over the page. */
async function addGlare(png: Buffer, rng: Rng): Promise<Buffer> {
  const { width, height } = await size(png);
  const cx = rng.float(0.25, 0.75) * width;
  const cy = rng.float(0.25, 0.75) * height;
  const r = rng.float(0.12, 0.25) * Math.max(width, height);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><radialGradient id="g"><stop offset="0" stop-color="#fff" stop-opacity="${rng.float(0.75, 0.95).toFixed(2)}"/><stop offset="0.45" stop-color="#fff" stop-opacity="0.55"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient></defs><ellipse cx="${cx}" cy="${cy}" rx="${r * rng.float(1, 1.8)}" ry="${r}" fill="url(#g)"/></svg>`;
  return sharp(png)
    .flatten({ background: '#fff' })
    .composite([{ input: Buffer.from(svg), blend: 'over' }])
    .png()
    .toBuffer();
}

/** Folds and creases: a dark valley line with a light ridge beside it, and the panels lit a little differently. */
async function addFolds(png: Buffer, rng: Rng): Promise<Buffer> {
  const { width, height } = await size(png);
  const parts: string[] = [];
  const n = rng.int(1, 3);
  for (let i = 0; i < n; i++) {
    const horizontal = i % 2 === 0;
    const at = rng.float(0.3, 0.7) * (horizontal ? height : width);
    const tilt = rng.float(-0.03, 0.03) * (horizontal ? width : height);
    const [x1, y1, x2, y2] = horizontal ? [0, at, width, at + tilt] : [at, 0, at + tilt, height];
    const dx = horizontal ? 0 : 3;
    const dy = horizontal ? 3 : 0;
    parts.push(`<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" stroke="#555" stroke-opacity="0.55" stroke-width="${rng.int(2, 4)}"/>`);
    parts.push(`<line x1="${x1 + dx}" y1="${y1 + dy}" x2="${x2 + dx}" y2="${y2 + dy}" stroke="#fff" stroke-opacity="0.8" stroke-width="2"/>`);
    parts.push(
      horizontal
        ? `<rect x="0" y="${at}" width="${width}" height="${height - at}" fill="#000" fill-opacity="${rng.float(0.03, 0.1).toFixed(2)}"/>`
        : `<rect x="${at}" y="0" width="${width - at}" height="${height}" fill="#000" fill-opacity="${rng.float(0.03, 0.1).toFixed(2)}"/>`,
    );
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><filter id="b"><feGaussianBlur stdDeviation="1.2"/></filter><g filter="url(#b)">${parts.join('')}</g></svg>`;
  return sharp(png)
    .flatten({ background: '#fff' })
    .composite([{ input: Buffer.from(svg) }])
    .png()
    .toBuffer();
}

/** The shadow of the phone and hand falling across part of the page. */
async function addShadow(png: Buffer, rng: Rng): Promise<Buffer> {
  const { width, height } = await size(png);
  const corner = rng.int(0, 3);
  const w = rng.float(0.35, 0.7) * width;
  const h = rng.float(0.3, 0.6) * height;
  const x = corner % 2 === 0 ? -w * 0.2 : width - w * 0.8;
  const y = corner < 2 ? -h * 0.2 : height - h * 0.8;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><filter id="b"><feGaussianBlur stdDeviation="${Math.round(width / 40)}"/></filter><ellipse cx="${x + w / 2}" cy="${y + h / 2}" rx="${w / 2}" ry="${h / 2}" fill="#000" fill-opacity="${rng.float(0.3, 0.5).toFixed(2)}" filter="url(#b)"/></svg>`;
  return sharp(png)
    .flatten({ background: '#fff' })
    .composite([{ input: Buffer.from(svg) }])
    .png()
    .toBuffer();
}

/**
 * A page photographed off a monitor: two fine line gratings at slightly different pitch and angle multiplied over
 * the page beat into moiré bands; a blue colour cast and softness. Made as raw pixels (an SVG pattern of this
 * size takes minutes to rasterise).
 */
async function addMoire(png: Buffer, rng: Rng): Promise<Buffer> {
  const { width, height } = await size(png);
  const p1 = rng.float(3.2, 4.6);
  const p2 = p1 * rng.float(1.04, 1.1);
  const a1 = (rng.float(-6, 6) * Math.PI) / 180;
  const a2 = a1 + (rng.float(2, 5) * Math.PI) / 180;
  const depth = rng.float(0.1, 0.18);
  const raw = Buffer.alloc(width * height);
  const [c1, s1, c2, s2] = [Math.cos(a1), Math.sin(a1), Math.cos(a2), Math.sin(a2)];
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const g1 = 0.5 + 0.5 * Math.sin(((x * s1 + y * c1) * 2 * Math.PI) / p1);
      const g2 = 0.5 + 0.5 * Math.sin(((x * s2 + y * c2) * 2 * Math.PI) / p2);
      raw[y * width + x] = Math.round(255 * (1 - depth * g1) * (1 - depth * g2));
    }
  }
  const grating = await sharp(raw, { raw: { width, height, channels: 1 } })
    .toColourspace('srgb')
    .png()
    .toBuffer();
  return sharp(png)
    .flatten({ background: '#fff' })
    .composite([{ input: grating, blend: 'multiply' }])
    .tint({ r: 225, g: 235, b: 255 })
    .blur(rng.float(0.5, 0.9))
    .png()
    .toBuffer();
}

/** Where a photographed page curls: towards a free edge, into the binding, or bowed along its whole width. */
export const CURL_SHAPES = ['edge', 'binding', 'bowed'] as const;
export type CurlShape = (typeof CURL_SHAPES)[number];

/**
 * How a curled page lies in a photo, drawn once per page: `lift(x)` (0–1) is how far the paper at page column `x`
 * stands off the desk, and a row through page point (x, y) moves down by `rowShift(x, y)` pixels. The shift grows with
 * the lift and changes with the row's height on the page (a lifted strip nearer the lens is magnified about the
 * photo's centre, so rows above and below it bow by different amounts, even the opposite way): a wrap's second line
 * starts lower or higher than its first line's row predicts. Columns where the paper turns away are foreshortened.
 */
export interface CurlField {
  shape: CurlShape;
  /** The paper's lift at page column x (0 flat … 1 highest). */
  lift(x: number): number;
  /** How far (px, down positive) the curl moves the row through page point (x, y). */
  rowShift(x: number, y: number): number;
  /** The bow of the row at height y: how far its highest point stands from its lowest (px). */
  rowBow(y: number): number;
}

/**
 * Draws a curl for a page of `width` × `height` px. Rows bow by about one to five line heights (1.5–6 % of the page's
 * height) where the paper lifts most, as real curled photos show: a page lifting towards a free edge (over its last
 * 30–55 %), dropping into a binding (its first or last 12–35 %, steeply), or bowed over its whole width (a folded
 * letter relaxing, hump or trough).
 *
 * @example
 * const field = curlField(1654, 2339, new Rng(9)); field.rowBow(400); // e.g. 96
 */
export function curlField(width: number, height: number, rng: Rng): CurlField {
  const shape = rng.pick(CURL_SHAPES);
  const fromRight = rng.chance(0.5);
  const reach = shape === 'edge' ? rng.float(0.3, 0.55) : shape === 'binding' ? rng.float(0.12, 0.35) : 1;
  const power = shape === 'binding' ? rng.float(1.6, 2.6) : rng.float(1.5, 2.2);
  const hump = rng.chance(0.5);
  // The shift through the page's middle row (c) and its change from the top row to the bottom (s), as shares of the
  // height. Either may dominate: a page shot square on bows its top and bottom rows apart.
  const sign = rng.chance(0.5) ? 1 : -1;
  const c = sign * rng.float(0.012, 0.05);
  const s = (rng.chance(0.5) ? 1 : -1) * rng.float(0.015, 0.07);
  const lift = (x: number): number => {
    const t = fromRight ? x / Math.max(1, width - 1) : 1 - x / Math.max(1, width - 1);
    if (shape === 'bowed') {
      const u = Math.abs(2 * t - 1);
      return hump ? 1 - u ** power : u ** power;
    }
    return Math.max(0, t - (1 - reach)) ** power / reach ** power;
  };
  const rowShift = (x: number, y: number): number => lift(x) * height * (c + s * (y / height - 0.5));
  const rowBow = (y: number): number => Math.abs(c + s * (y / height - 0.5)) * height;
  return { shape, lift, rowShift, rowBow };
}

/**
 * A curled page (`curlField`): rows bow, columns where the paper turns away narrow, and the turned paper darkens as it
 * leaves the light. Drawn in pixels, so the bend is smooth as on paper: the earlier chromium version laid 60 strips
 * side by side, whose 5–10 px steps cut characters into shifted pieces no camera produces. Until curl24 (2026-12-06)
 * only the last 40 % of the width lifted, every row alike, too gently to put a wrapped value on a bent row.
 */
async function curl(png: Buffer, rng: Rng): Promise<Buffer> {
  const { data, info } = await sharp(png).flatten({ background: '#fff' }).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  const { width, height } = info;
  const field = curlField(width, height, rng);
  // Foreshortening: a column is seen narrowed by the cosine of the paper's turn there (the paper stands off the desk by
  // up to a tenth of the page's width where it lifts most).
  const stand = rng.float(0.05, 0.12) * width;
  const seen = new Float64Array(width + 1);
  for (let x = 0; x < width; x++) {
    const turn = Math.atan((field.lift(x + 1) - field.lift(x)) * stand);
    seen[x + 1] = seen[x] + Math.cos(turn);
  }
  const outWidth = Math.max(1, Math.round(seen[width]));
  const source = new Float64Array(outWidth);
  for (let X = 0, x = 0; X < outWidth; X++) {
    const at = ((X + 0.5) * seen[width]) / outWidth;
    while (x < width - 1 && seen[x + 1] < at) x++;
    source[X] = x + (at - seen[x]) / Math.max(1e-6, seen[x + 1] - seen[x]) - 0.5;
  }
  let most = 0;
  for (let x = 0; x < width; x += 4) most = Math.max(most, Math.abs(field.rowShift(x, 0)), Math.abs(field.rowShift(x, height)));
  // Desk above and below the page, as the chromium frame had (40 CSS px of a 900 px wide frame), and room for the bow.
  const margin = Math.round((40 * width) / 900 + most);
  const outHeight = height + 2 * margin;
  const out = Buffer.alloc(outWidth * outHeight * 3);
  for (let k = 0; k < outWidth * outHeight; k++) out.set([0x6b, 0x5d, 0x4c], k * 3);
  for (let X = 0; X < outWidth; X++) {
    const sx = Math.min(width - 1, Math.max(0, source[X]));
    const x0 = Math.floor(sx);
    const x1 = Math.min(width - 1, x0 + 1);
    const fx = sx - x0;
    const z = field.lift(sx);
    const shade = 1 - 0.22 * z;
    // rowShift(x, y) = z·H·(c + s·(y/H − ½)) is linear in y: solved for the source row exactly.
    const at0 = field.rowShift(sx, 0);
    const slope = (field.rowShift(sx, height) - at0) / height;
    for (let Y = 0; Y < outHeight; Y++) {
      const sy = (Y + 0.5 - margin - at0) / (1 + slope) - 0.5;
      if (sy < -0.5 || sy > height - 0.5) continue;
      const y0 = Math.max(0, Math.floor(sy));
      const y1 = Math.min(height - 1, y0 + 1);
      const fy = Math.min(1, Math.max(0, sy - y0));
      for (let ch = 0; ch < 3; ch++) {
        const top = data[(y0 * width + x0) * 3 + ch] * (1 - fx) + data[(y0 * width + x1) * 3 + ch] * fx;
        const bottom = data[(y1 * width + x0) * 3 + ch] * (1 - fx) + data[(y1 * width + x1) * 3 + ch] * fx;
        out[(Y * outWidth + X) * 3 + ch] = Math.round((top * (1 - fy) + bottom * fy) * shade);
      }
    }
  }
  return sharp(out, { raw: { width: outWidth, height: outHeight, channels: 3 } })
    .png()
    .toBuffer();
}

/** A booklet opened flat on a scanner: the page beside a dark binding edge and the edge of the facing page. */
async function bookletSpread(png: Buffer, rng: Rng): Promise<Buffer> {
  const { width, height } = await size(png);
  const gutter = Math.round(width * rng.float(0.06, 0.1));
  const facing = Math.round(width * rng.float(0.15, 0.3));
  const left = rng.chance(0.5);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${gutter + facing}" height="${height}"><defs><linearGradient id="g" x1="${left ? 0 : 1}" x2="${left ? 1 : 0}"><stop offset="0" stop-color="#f2f0ea"/><stop offset="${(facing / (gutter + facing)).toFixed(2)}" stop-color="#d8d4cc"/><stop offset="${((facing + gutter * 0.6) / (gutter + facing)).toFixed(2)}" stop-color="#151515"/><stop offset="1" stop-color="#6a6a6a"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`;
  const edge = await sharp(Buffer.from(svg)).png().toBuffer();
  return sharp({ create: { width: width + gutter + facing, height, channels: 3, background: '#ffffff' } })
    .composite([
      { input: edge, left: left ? 0 : width, top: 0 },
      { input: await sharp(png).flatten({ background: '#fff' }).png().toBuffer(), left: left ? gutter + facing : 0, top: 0 },
    ])
    .png()
    .toBuffer();
}

/**
 * Hand shake: the image smeared along one direction by `lengthPx` (a line kernel at `angleDeg`), as a phone moved
 * during a long exposure.
 *
 * @example
 * await motionBlur(jpeg, 20, 9);
 */
export async function motionBlur(image: Buffer, angleDeg: number, lengthPx: number): Promise<Buffer> {
  const n = Math.max(3, lengthPx | 1);
  const kernel = new Array<number>(n * n).fill(0);
  const c = (n - 1) / 2;
  const [dx, dy] = [Math.cos((angleDeg * Math.PI) / 180), Math.sin((angleDeg * Math.PI) / 180)];
  // Sample the line finely and spread each sample over the cells it falls in, so any angle gets a smooth kernel.
  for (let t = -c; t <= c; t += 0.25) {
    const x = c + t * dx;
    const y = c + t * dy;
    const [x0, y0] = [Math.floor(x), Math.floor(y)];
    for (const [xi, wx] of [
      [x0, 1 - (x - x0)],
      [x0 + 1, x - x0],
    ])
      for (const [yi, wy] of [
        [y0, 1 - (y - y0)],
        [y0 + 1, y - y0],
      ])
        if (xi >= 0 && xi < n && yi >= 0 && yi < n) kernel[yi * n + xi] += wx * wy;
  }
  const sum = kernel.reduce((a, b) => a + b, 0);
  return sharp(image)
    .flatten({ background: '#fff' })
    .convolve({ width: n, height: n, kernel: kernel.map((k) => k / sum) })
    .png()
    .toBuffer();
}

/**
 * A dim room: the photo darkened and flattened, warm, with the sensor's grain (luminance and colour noise) that a
 * phone's high ISO leaves.
 *
 * @example
 * await lowLight(jpeg, rng);
 */
export async function lowLight(image: Buffer, rng: Rng): Promise<Buffer> {
  const { width, height } = await size(image);
  const dark = await sharp(image)
    .flatten({ background: '#fff' })
    .removeAlpha()
    .linear(rng.float(0.42, 0.6), rng.float(6, 18))
    .tint({ r: 255, g: rng.int(215, 235), b: rng.int(170, 200) })
    .toBuffer();
  return sharp(dark)
    .composite([{ input: await seededGrain(width, height, rng.float(16, 28), rng.int(1, 2 ** 31 - 1)), blend: 'overlay' }])
    .png()
    .toBuffer();
}

/**
 * Sensor grain drawn from `seed` (libvips' gaussnoise, which noisyScan uses, is not seeded, so its files differ from
 * run to run; this one repeats): per channel, a sum of three uniforms about mid-grey with spread `sigma`.
 */
export async function seededGrain(width: number, height: number, sigma: number, seed: number): Promise<Buffer> {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 4294967296;
  };
  const raw = Buffer.alloc(width * height * 3);
  const k = sigma * 2; // three uniforms on [-1, 1] sum to a spread of 1
  for (let i = 0; i < raw.length; i++) raw[i] = Math.max(0, Math.min(255, Math.round(128 + k * (next() + next() + next() - 1.5))));
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/**
 * A chat app's re-save: the photo scaled to 1,280 px or less on its long side and saved as a low-quality JPEG, then
 * forwarded and saved again, smaller and worse.
 *
 * @example
 * await chatResave(jpeg, rng); // { data, long: 960, quality: [42, 31] }
 */
export async function chatResave(image: Buffer, rng: Rng): Promise<{ data: Buffer; long: number; quality: [number, number] }> {
  const { width, height } = await size(image);
  const long = Math.min(Math.max(width, height), rng.pick([1280, 1080, 960]));
  const f = long / Math.max(width, height);
  const q1 = rng.int(35, 50);
  const q2 = rng.int(22, 38);
  const once = await sharp(image)
    .flatten({ background: '#fff' })
    .resize(Math.round(width * f), Math.round(height * f))
    .jpeg({ quality: q1, chromaSubsampling: '4:2:0' })
    .toBuffer();
  const data = await sharp(once).jpeg({ quality: q2, chromaSubsampling: '4:2:0' }).toBuffer();
  return { data, long, quality: [q1, q2] };
}

/** How far in from a side edge a thumb may reach (mm): every drawn value sits at least 12 mm in (documents.ts). */
export const THUMB_REACH_MM = 9;

/**
 * A thumb holding the page by its left or right margin, reaching at most `THUMB_REACH_MM` in from the edge (so it
 * covers no value: the page's print starts 12 mm or more from its side edges), skin-toned, shaded, with a nail and a
 * soft shadow beside it. Returns the page with the thumb and where it lies (the side and its top/bottom, px).
 *
 * @example
 * await addThumb(png, 200, rng); // { image, side: 'left', top: 1400, bottom: 1820 }
 */
export async function addThumb(png: Buffer, dpi: number, rng: Rng): Promise<{ image: Buffer; side: 'left' | 'right'; top: number; bottom: number }> {
  const { width, height } = await size(png);
  const mm = dpi / 25.4;
  const side = rng.chance(0.5) ? 'left' : 'right';
  const reach = rng.float(5, THUMB_REACH_MM) * mm;
  const rx = rng.float(9, 12) * mm; // half the thumb's width, across the edge
  const ry = rng.float(16, 22) * mm; // half its length, along the edge
  const cy = rng.float(0.2, 0.8) * height;
  const cx = side === 'left' ? reach - rx : width - reach + rx;
  const tilt = rng.float(-12, 12);
  const skin = rng.pick(['#e2b99a', '#d7a886', '#c99574', '#eac3a6']);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs>
  <radialGradient id="t" cx="${side === 'left' ? 0.7 : 0.3}" cy="0.4" r="0.8"><stop offset="0" stop-color="${skin}"/><stop offset="1" stop-color="#8a5a40"/></radialGradient>
  <filter id="s"><feGaussianBlur stdDeviation="${(2 * mm).toFixed(1)}"/></filter><filter id="e"><feGaussianBlur stdDeviation="${(0.3 * mm).toFixed(1)}"/></filter></defs>
  <clipPath id="c"><rect x="${side === 'left' ? 0 : width - reach}" y="0" width="${reach}" height="${height}"/></clipPath>
  <g clip-path="url(#c)" transform="rotate(${tilt.toFixed(1)} ${cx.toFixed(0)} ${cy.toFixed(0)})">
  <ellipse cx="${(cx + (side === 'left' ? 1.5 : -1.5) * mm).toFixed(0)}" cy="${(cy + 2 * mm).toFixed(0)}" rx="${rx.toFixed(0)}" ry="${ry.toFixed(0)}" fill="#000" fill-opacity="0.35" filter="url(#s)"/>
  <ellipse cx="${cx.toFixed(0)}" cy="${cy.toFixed(0)}" rx="${rx.toFixed(0)}" ry="${ry.toFixed(0)}" fill="url(#t)" filter="url(#e)"/>
  <ellipse cx="${(cx + (side === 'left' ? 0.45 : -0.45) * rx).toFixed(0)}" cy="${(cy - 0.55 * ry).toFixed(0)}" rx="${(0.38 * rx).toFixed(0)}" ry="${(0.3 * ry).toFixed(0)}" fill="#f3d9cc" fill-opacity="0.85" stroke="#b98a74" stroke-width="${(0.3 * mm).toFixed(1)}"/></g></svg>`;
  const image = await sharp(png)
    .flatten({ background: '#fff' })
    .composite([{ input: Buffer.from(svg) }])
    .png()
    .toBuffer();
  const reachTilted = ry + rx; // bound on the vertical extent under the tilt
  return { image, side, top: Math.max(0, Math.round(cy - reachTilted)), bottom: Math.min(height, Math.round(cy + reachTilted)) };
}

/** Patterned tables and tablecloths a page is photographed on. */
const TABLE_PATTERNS = [
  // Gingham
  (rng: Rng) =>
    `background-color:${rng.pick(['#f2f2f2', '#fbe9e9'])};background-image:repeating-linear-gradient(0deg, ${rng.pick(['rgba(200,40,40,0.45)', 'rgba(40,80,170,0.45)', 'rgba(30,120,60,0.45)'])} 0 14px, transparent 14px 28px),repeating-linear-gradient(90deg, rgba(0,0,0,0.25) 0 14px, transparent 14px 28px)`,
  // Wood grain
  (rng: Rng) =>
    `background-color:#8b5a2b;background-image:repeating-linear-gradient(${rng.int(85, 95)}deg, rgba(60,30,10,0.35) 0 3px, rgba(255,220,170,0.12) 3px 9px, rgba(60,30,10,0.2) 9px 11px, transparent 11px 23px)`,
  // Dotted cloth
  (rng: Rng) =>
    `background-color:${rng.pick(['#2f4f6f', '#6b2f3f', '#3f5f3f'])};background-image:radial-gradient(circle, rgba(255,255,255,0.55) 0 4px, transparent 5px),radial-gradient(circle, rgba(255,230,120,0.5) 0 3px, transparent 4px);background-size:30px 30px, 30px 30px;background-position:0 0, 15px 15px`,
  // Marble-like stone: diagonal veins
  (rng: Rng) =>
    `background-color:#d9d6d0;background-image:repeating-linear-gradient(${rng.int(20, 70)}deg, rgba(90,90,90,0.25) 0 2px, transparent 2px 17px, rgba(60,60,60,0.15) 17px 18px, transparent 18px 41px)`,
];

/**
 * The page lying small in the frame on a patterned table (a photo taken from standing height): the page 35–55 % of the
 * frame's long side, a little turned and in perspective, the pattern all around it.
 *
 * @example
 * await onPatternedTable(png, renderer, rng); // { data, pageShare: 0.42 }
 */
export async function onPatternedTable(png: Buffer, renderer: SheetRenderer, rng: Rng): Promise<{ data: Buffer; pageShare: number }> {
  const meta = await sharp(png).metadata();
  const aspect = meta.width! / meta.height!;
  const frameW = rng.chance(0.5) ? 1000 : 750;
  const frameH = Math.round(frameW === 1000 ? 750 : 1000);
  const pageShare = rng.float(0.35, 0.55);
  const pageLong = Math.max(frameW, frameH) * pageShare;
  const pageW = Math.round(aspect >= 1 ? pageLong : pageLong * aspect);
  const pattern = rng.pick(TABLE_PATTERNS)(rng);
  const html = `<!doctype html><html><body style="margin:0;width:${frameW}px;height:${frameH}px;overflow:hidden;${pattern}">
  <img src="data:image/png;base64,${png.toString('base64')}" style="position:absolute;left:${rng.int(35, 65)}%;top:${rng.int(38, 62)}%;width:${pageW}px;transform:translate(-50%,-50%) perspective(1400px) rotateX(${rng.float(-12, 12).toFixed(1)}deg) rotateY(${rng.float(-8, 8).toFixed(1)}deg) rotateZ(${rng.float(-10, 10).toFixed(1)}deg);box-shadow:0 4px 14px rgba(0,0,0,0.5)">
  </body></html>`;
  const targetLong = rng.int(2600, 3400);
  const shot = await renderer.capture(html, frameW, frameH, targetLong / Math.max(frameW, frameH));
  const data = await sharp(shot)
    .modulate({ brightness: rng.float(0.92, 1.08) })
    .blur(rng.float(0.4, 0.8))
    .jpeg({ quality: rng.int(72, 85) })
    .toBuffer();
  return { data, pageShare: Math.round(pageShare * 100) / 100 };
}

/**
 * One photo or copy condition applied to a rendered page. Returns the image file and the capture tags for the truth
 * (e.g. `photo:glare`, `exif:6`, `size:6000`).
 *
 * @example
 * const { image, capture } = await capturePhoto(png, 'glare', renderer, rng, 200);
 */
export async function capturePhoto(
  png: Buffer,
  kind: PhotoCapture,
  renderer: SheetRenderer,
  rng: Rng,
  dpi: number,
): Promise<{ image: ImageFile; capture: string[] }> {
  const tag = `photo:${kind}`;
  const photo = async (page: Buffer, extra: string[] = []) => ({ image: await phonePhoto(page, renderer, rng), capture: [tag, 'photo:perspective', ...extra] });
  const jpeg = async (image: sharp.Sharp, quality: number, outDpi = dpi) => ({
    data: await image.jpeg({ quality }).toBuffer(),
    ext: 'jpg' as const,
    dpi: outDpi,
  });
  switch (kind) {
    case 'perspective':
      return { image: await phonePhoto(png, renderer, rng), capture: [tag] };
    case 'glare': {
      // The reflection is on the photo, not on the paper: added after the perspective shot, then compressed again.
      const shot = await phonePhoto(png, renderer, rng);
      return { image: await jpeg(sharp(await addGlare(shot.data, rng)), rng.int(70, 85), shot.dpi), capture: [tag, 'photo:perspective'] };
    }
    case 'fold':
      return photo(await addFolds(png, rng));
    case 'shadow':
      return photo(await addShadow(png, rng));
    case 'curl':
      return { image: await jpeg(sharp(await curl(png, rng)).modulate({ brightness: rng.float(0.92, 1.05) }), rng.int(72, 85)), capture: [tag] };
    case 'moire':
      return { image: await jpeg(sharp(await addMoire(png, rng)), rng.int(70, 85)), capture: [tag] };
    case 'faint_copy': {
      // A photocopier low on toner: grey, washed out, a streak down the page.
      const { width, height } = await size(png);
      const streak = Buffer.from(
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect x="${rng.float(0.1, 0.9) * width}" width="${rng.int(8, 30)}" height="${height}" fill="#fff" fill-opacity="0.35"/></svg>`,
      );
      const grey = await sharp(png)
        .flatten({ background: '#fff' })
        .composite([{ input: streak }])
        .greyscale()
        .linear(rng.float(0.35, 0.5), rng.float(125, 150))
        .png()
        .toBuffer();
      return { image: await jpeg(sharp(grey).blur(0.6), rng.int(60, 80)), capture: [tag] };
    }
    case 'scanner_app': {
      // A scanner app's "document" filter on a phone photo: grey, contrast stretched hard, sharpened.
      const shot = await phonePhoto(png, renderer, rng);
      return {
        image: await jpeg(sharp(shot.data).greyscale().normalise().linear(1.9, -120).sharpen({ sigma: 1.2 }), rng.int(70, 85), shot.dpi),
        capture: [tag],
      };
    }
    case 'booklet_spread':
      return { image: await jpeg(sharp(await bookletSpread(png, rng)), rng.int(75, 88)), capture: [tag] };
    case 'exif_orientation': {
      // Pixels stored turned; the EXIF Orientation tag says how to show them (6: turn 90° clockwise, 8: 270°, 3: 180°).
      const orientation = rng.pick([6, 8, 3] as const);
      const stored = orientation === 6 ? 270 : orientation === 8 ? 90 : 180;
      const data = await sharp(await sharp(png).flatten({ background: '#fff' }).rotate(stored).toBuffer())
        .withMetadata({ orientation })
        .jpeg({ quality: 85 })
        .toBuffer();
      return { image: { data, ext: 'jpg', dpi }, capture: [tag, `exif:${orientation}`] };
    }
    case 'turned_no_flag': {
      const degrees = rng.pick([90, 270] as const);
      const shot = await phonePhoto(png, renderer, rng);
      return { image: await jpeg(sharp(shot.data).rotate(degrees), 82, shot.dpi), capture: [tag, `turned:${degrees}`] };
    }
    case 'large': {
      const { width, height } = await size(png);
      const long = rng.int(5600, 6200);
      const f = long / Math.max(width, height);
      const img = sharp(png)
        .flatten({ background: '#fff' })
        .resize(Math.round(width * f), Math.round(height * f), { kernel: 'lanczos3' })
        .sharpen();
      return { image: await jpeg(img, 88, Math.round(dpi * f)), capture: [tag, `size:${long}`] };
    }
    case 'small': {
      const { width, height } = await size(png);
      const long = rng.int(850, 1100);
      const f = long / Math.max(width, height);
      const img = sharp(png)
        .flatten({ background: '#fff' })
        .resize(Math.round(width * f), Math.round(height * f));
      return { image: await jpeg(img, rng.int(65, 80), Math.round(dpi * f)), capture: [tag, `size:${long}`] };
    }
    case 'motion_blur': {
      // The shake is on the photo: smeared after the perspective shot, then saved again.
      const shot = await phonePhoto(png, renderer, rng);
      const angle = rng.int(0, 179);
      const length = rng.pick([5, 7, 9, 11]);
      return {
        image: await jpeg(sharp(await motionBlur(shot.data, angle, length)), rng.int(72, 85), shot.dpi),
        capture: [tag, 'photo:perspective', `blur:${length}px@${angle}`],
      };
    }
    case 'low_light': {
      const shot = await phonePhoto(png, renderer, rng);
      return { image: await jpeg(sharp(await lowLight(shot.data, rng)), rng.int(70, 82), shot.dpi), capture: [tag, 'photo:perspective'] };
    }
    case 'chat_resave': {
      const shot = await phonePhoto(png, renderer, rng);
      const saved = await chatResave(shot.data, rng);
      return {
        image: { data: saved.data, ext: 'jpg', dpi: shot.dpi },
        capture: [tag, 'photo:perspective', `size:${saved.long}`, `jpeg:${saved.quality.join('>')}`],
      };
    }
    case 'thumb': {
      // The thumb holds the page by a side margin; it covers no value (THUMB_REACH_MM), so nothing is masked.
      const held = await addThumb(png, dpi, rng);
      return photo(held.image, [`thumb:${held.side}`]);
    }
    case 'small_on_table': {
      const laid = await onPatternedTable(png, renderer, rng);
      return { image: { data: laid.data, ext: 'jpg', dpi: 150 }, capture: [tag, `page-share:${laid.pageShare}`] };
    }
  }
}
