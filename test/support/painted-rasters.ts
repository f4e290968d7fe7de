import type { Raster } from '../../shared/ocr/index.js';

export type Rgb = [number, number, number];

/** A rectangle of colour: replacing the pixels under it, or multiplied over them (ink on paper). */
export interface Paint {
  x: number;
  y: number;
  w: number;
  h: number;
  rgb: Rgb;
  multiply?: boolean;
}

/** A page of `paper` (white unless given) with rectangles painted on it: stand-ins for strokes of print and ink. */
export function paintedPage(width: number, height: number, paint: readonly Paint[], paper: Rgb = [255, 255, 255]): Raster {
  const data = new Uint8Array(width * height * 3);
  for (let p = 0; p < width * height; p++) data.set(paper, p * 3);
  for (const { x, y, w, h, rgb, multiply } of paint) {
    for (let yy = y; yy < y + h; yy++) {
      for (let xx = x; xx < x + w; xx++) {
        const p = (yy * width + xx) * 3;
        for (let c = 0; c < 3; c++) data[p + c] = multiply ? Math.round((data[p + c] * rgb[c]) / 255) : rgb[c];
      }
    }
  }
  return { data, width, height };
}

/** The colour of one pixel of an RGB raster. */
export function pixelAt(raster: Raster, x: number, y: number): Rgb {
  const p = (y * raster.width + x) * 3;
  return [raster.data[p], raster.data[p + 1], raster.data[p + 2]];
}

/** A light grey page (250) with dark blocks (30) given by their corners: x0, y0 inclusive; x1, y1 exclusive. */
export function blockPage(width: number, height: number, blocks: readonly (readonly [number, number, number, number])[]): Raster {
  return paintedPage(
    width,
    height,
    blocks.map(([x0, y0, x1, y1]) => ({ x: x0, y: y0, w: x1 - x0, h: y1 - y0, rgb: [30, 30, 30] as Rgb })),
    [250, 250, 250],
  );
}
