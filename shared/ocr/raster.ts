import sharp from 'sharp';

/** Decoded pixels, 3 channels (RGB), row-major. Kept raw between the OCR stages so nothing is re-encoded. */
export interface Raster {
  data: Uint8Array;
  width: number;
  height: number;
}

/**
 * Pages are read at most this long (px). Callers normally pass pages through `normaliseForOcr` first (2400 px);
 * this cap only keeps a raw 50 MP photo handed straight to the engine from costing 150 MB of pixels.
 */
export const MAX_RASTER_LONG_SIDE = 4096;

/**
 * Decodes an encoded image to an upright RGB raster: EXIF orientation applied (phone photos), transparency
 * flattened onto white, grey or CMYK converted to sRGB, longer side capped at `MAX_RASTER_LONG_SIDE`.
 *
 * @example
 * const raster = await decodeRaster(pngBytes);
 */
export async function decodeRaster(bytes: Uint8Array): Promise<Raster> {
  const pipeline = sharp(bytes).rotate().resize({ width: MAX_RASTER_LONG_SIDE, height: MAX_RASTER_LONG_SIDE, fit: 'inside', withoutEnlargement: true });
  return rgbRaster(pipeline);
}

/**
 * The pixels a sharp pipeline ends in, as a Raster: transparency laid on white, sRGB, three channels.
 *
 * @example
 * const raster = await rgbRaster(sharp(bytes, { page: 0 }).rotate());
 */
export async function rgbRaster(pipeline: sharp.Sharp): Promise<Raster> {
  const { data, info } = await pipeline.flatten({ background: '#ffffff' }).toColourspace('srgb').removeAlpha().raw().toBuffer({ resolveWithObject: true });
  if (info.channels !== 3) throw new Error(`expected 3 channels after decoding, got ${info.channels}`);
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
}

/**
 * The raster turned clockwise by 90, 180 or 270 degrees.
 *
 * @example
 * const upright = await rotateRaster(raster, 90);
 */
export async function rotateRaster(raster: Raster, degrees: 90 | 180 | 270): Promise<Raster> {
  const { data, info } = await sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: 3 } })
    .rotate(degrees)
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
}

/**
 * The raster resized to exactly `width` × `height` (aspect ratio not kept: the detector wants multiples of 32).
 *
 * @example
 * const small = await resizeRaster(raster, 960, 672);
 */
export async function resizeRaster(raster: Raster, width: number, height: number): Promise<Raster> {
  if (width === raster.width && height === raster.height) return raster;
  const { data, info } = await sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: 3 } })
    .resize({ width, height, fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
}

/**
 * The raster with contrast-limited local histogram equalisation (sharp's CLAHE): faint or unevenly lit print brought
 * up against its own neighbourhood. `tile` is the window side in px; `maxSlope` limits how far contrast is raised.
 *
 * @example
 * const evened = await localContrastRaster(raster, 64, 3);
 */
export async function localContrastRaster(raster: Raster, tile: number, maxSlope: number): Promise<Raster> {
  const { data, info } = await sharp(raster.data, { raw: { width: raster.width, height: raster.height, channels: 3 } })
    .clahe({ width: tile, height: tile, maxSlope })
    .raw()
    .toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength), width: info.width, height: info.height };
}
