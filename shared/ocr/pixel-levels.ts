/**
 * Levels of pixels, as the conditioning and seal steps measure them: a pixel's luminance (Rec. 601 weights in integer
 * form, 0–255) and the level at a share of a histogram of such levels.
 */

/**
 * The luminance of an RGB pixel, 0–255: (77 R + 150 G + 29 B) / 256, rounded down.
 *
 * @example
 * luminance(255, 255, 255); // 255
 */
export function luminance(r: number, g: number, b: number): number {
  return (r * 77 + g * 150 + b * 29) >> 8;
}

/** The luminance of the RGB pixel starting at `offset` in row-major 3-channel `data` (see `luminance`). */
export function luminanceAt(data: Uint8Array, offset: number): number {
  return (data[offset] * 77 + data[offset + 1] * 150 + data[offset + 2] * 29) >> 8;
}

/**
 * The lowest level at which at least `share` of a histogram's `total` samples lie at or below it; the top level when
 * the histogram holds fewer.
 *
 * @example
 * levelAtShare(histogram, total, 0.5); // the median level
 */
export function levelAtShare(histogram: Uint32Array, total: number, share: number): number {
  let seen = 0;
  for (let v = 0; v < histogram.length; v++) {
    seen += histogram[v];
    if (seen >= total * share) return v;
  }
  return histogram.length - 1;
}
