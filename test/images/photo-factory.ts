import sharp from 'sharp';
import { applyHomography, homography, type Point, type RgbPixels } from '../../shared/images/index.js';

/** Where the field drawn on a constructed page sits, as shares of the page's width and height. */
export const FIELD_ON_PAGE = { left: 0.25, top: 0.3, right: 0.6, bottom: 0.36 } as const;

/**
 * An upright page: white paper, grey "text" bars, a dark ruled frame near the edge (as certificates have) and one
 * pure blue field box at `FIELD_ON_PAGE`.
 */
export function uprightPage(width: number, height: number): RgbPixels {
  const data = new Uint8Array(width * height * 3).fill(246);
  const paint = (x0: number, y0: number, x1: number, y1: number, rgb: readonly [number, number, number]) => {
    for (let y = Math.round(y0); y < Math.round(y1); y++) {
      for (let x = Math.round(x0); x < Math.round(x1); x++) data.set(rgb, (y * width + x) * 3);
    }
  };
  const frame = Math.round(width * 0.04);
  const rule = Math.max(2, Math.round(width * 0.006));
  paint(frame, frame, width - frame, frame + rule, [150, 40, 40]);
  paint(frame, height - frame - rule, width - frame, height - frame, [150, 40, 40]);
  paint(frame, frame, frame + rule, height - frame, [150, 40, 40]);
  paint(width - frame - rule, frame, width - frame, height - frame, [150, 40, 40]);
  for (let line = 0; line < 12; line++) {
    const y = height * (0.45 + line * 0.04);
    paint(width * 0.12, y, width * (0.5 + (line % 3) * 0.12), y + height * 0.012, [40, 40, 40]);
  }
  const f = FIELD_ON_PAGE;
  paint(width * f.left, height * f.top, width * f.right, height * f.bottom, [20, 40, 230]);
  return { data, width, height };
}

/**
 * `page` photographed on a darker desk: placed with its corners at `corners` (clockwise from the top left) in a
 * `width` × `height` photo, the desk lit unevenly (brighter to the left).
 */
export function photographed(page: RgbPixels, corners: readonly Point[], width: number, height: number): RgbPixels {
  const toPage = homography(corners, [
    { x: 0, y: 0 },
    { x: page.width, y: 0 },
    { x: page.width, y: page.height },
    { x: 0, y: page.height },
  ]);
  const data = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const o = (y * width + x) * 3;
      const p = applyHomography(toPage, { x: x + 0.5, y: y + 0.5 });
      const px = Math.floor(p.x);
      const py = Math.floor(p.y);
      if (px >= 0 && py >= 0 && px < page.width && py < page.height) {
        const light = 0.8 + 0.2 * (1 - x / width);
        const i = (py * page.width + px) * 3;
        data[o] = page.data[i]! * light;
        data[o + 1] = page.data[i + 1]! * light;
        data[o + 2] = page.data[i + 2]! * light;
      } else {
        const light = 0.7 + 0.3 * (1 - x / width);
        data.set([120 * light, 100 * light, 80 * light], o);
      }
    }
  }
  return { data, width, height };
}

/** The pixels as a JPEG file, as a phone would upload them. */
export async function asJpeg(pixels: RgbPixels): Promise<Uint8Array> {
  return new Uint8Array(
    await sharp(pixels.data, { raw: { width: pixels.width, height: pixels.height, channels: 3 } })
      .jpeg({ quality: 90 })
      .toBuffer(),
  );
}

/** The bounding box of the field's blue pixels in `pixels`, and how much of that box is blue. */
export function blueBox(pixels: RgbPixels): { x: number; y: number; width: number; height: number; fill: number } {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -1;
  let y1 = -1;
  let count = 0;
  for (let y = 0; y < pixels.height; y++) {
    for (let x = 0; x < pixels.width; x++) {
      if (!isBlue(pixels, x, y)) continue;
      count++;
      x0 = Math.min(x0, x);
      y0 = Math.min(y0, y);
      x1 = Math.max(x1, x);
      y1 = Math.max(y1, y);
    }
  }
  const width = x1 - x0 + 1;
  const height = y1 - y0 + 1;
  return { x: x0, y: y0, width, height, fill: count / (width * height) };
}

/** Whether the pixel is the field's blue (not the paper, the print or the desk). */
export function isBlue(pixels: RgbPixels, x: number, y: number): boolean {
  const i = (y * pixels.width + x) * 3;
  return pixels.data[i + 2]! > 140 && pixels.data[i]! < 90 && pixels.data[i + 1]! < 110;
}
