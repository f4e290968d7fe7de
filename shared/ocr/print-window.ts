/**
 * The part of the detector's input that holds anything but blank paper: the detector is run on that window alone.
 *
 * The PP-OCRv4 detector costs CPU in proportion to its input's pixels (≈ 0.4 µs a pixel on one thread: 500 ms for a
 * 1,280 × 960 page), and a scanned page is mostly margins: on the A4 scans of the OCR bench the print fills about 60 %
 * of the page. The detector is fully convolutional, so a window of the input aligned to its stride (32 px) and holding
 * a border of blank paper around all the print gives the same probability map over the print as the whole input does,
 * and nothing outside it was there to find (docs/ocr.md, "cpu27").
 */

/** A window of the detector's input (px of the input, multiples of `PRINT_WINDOW_STRIDE`, `x1`/`y1` exclusive). */
export interface PrintWindow {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The detector's output stride: a window starting on a multiple of it sees its pixels in the same phase as the page. */
export const PRINT_WINDOW_STRIDE = 32;
/**
 * Blank paper kept round the print (px of the input): text this far from the window's edge is as far from it as text
 * near a page's own edge usually is, so its probabilities do not see the edge.
 */
export const PRINT_WINDOW_MARGIN = 64;
/**
 * A pixel is print (or anything else but the page's paper) when its darkest channel differs from the page's usual
 * darkest channel by this much, either way: grey and black print, coloured ink (a red seal's green and blue channels),
 * faint copies (ink 40–60 levels under the paper), a desk round a photographed page.
 */
export const PRINT_DIFFERENCE = 20;
/** A row or column holds print when at least this many of its pixels are print (one is a speck of scanner noise). */
export const PRINT_PIXELS_IN_A_LINE = 2;
/** A window that would save less than this share of the input is not worth a second tensor: the whole input is run. */
export const PRINT_WINDOW_MIN_SAVING = 0.15;

/**
 * The window of an RGB input (`pixels`, `width` × `height`, 3 bytes a pixel) holding every row and column with print,
 * grown by `PRINT_WINDOW_MARGIN` and aligned outwards to `PRINT_WINDOW_STRIDE`; undefined when it would not save
 * `PRINT_WINDOW_MIN_SAVING` of the input (a photo on a desk, a noisy scan, a page printed to its edges) or the page
 * holds no print at all (a blank page is detected whole, as before).
 *
 * @example
 * printWindow(pixels, 928, 1280); // { x0: 64, y0: 96, x1: 864, y1: 1120 }: a scan's margins left out
 */
export function printWindow(pixels: Uint8Array, width: number, height: number): PrintWindow | undefined {
  const plane = width * height;
  const darkest = new Uint8Array(plane);
  const histogram = new Uint32Array(256);
  for (let i = 0, p = 0; i < plane; i++, p += 3) {
    const r = pixels[p];
    const g = pixels[p + 1];
    const b = pixels[p + 2];
    const least = r < g ? (r < b ? r : b) : g < b ? g : b;
    darkest[i] = least;
    histogram[least]++;
  }
  // The page's paper: the median of the darkest channel (a page is mostly paper; where it is not, every pixel
  // differs from something and the window is the whole input).
  let paper = 0;
  for (let seen = 0; paper < 255; paper++) {
    seen += histogram[paper];
    if (seen * 2 >= plane) break;
  }
  const rowCounts = new Uint32Array(height);
  const columnCounts = new Uint32Array(width);
  for (let y = 0, i = 0; y < height; y++) {
    for (let x = 0; x < width; x++, i++) {
      const difference = darkest[i] - paper;
      if (difference >= PRINT_DIFFERENCE || difference <= -PRINT_DIFFERENCE) {
        rowCounts[y]++;
        columnCounts[x]++;
      }
    }
  }
  const first = (counts: Uint32Array) => counts.findIndex((count) => count >= PRINT_PIXELS_IN_A_LINE);
  const last = (counts: Uint32Array) => {
    for (let k = counts.length - 1; k >= 0; k--) if (counts[k] >= PRINT_PIXELS_IN_A_LINE) return k;
    return -1;
  };
  const top = first(rowCounts);
  const left = first(columnCounts);
  if (top < 0 || left < 0) return undefined;
  const down = (value: number) => Math.max(0, Math.floor((value - PRINT_WINDOW_MARGIN) / PRINT_WINDOW_STRIDE) * PRINT_WINDOW_STRIDE);
  const up = (value: number, limit: number) => Math.min(limit, Math.ceil((value + 1 + PRINT_WINDOW_MARGIN) / PRINT_WINDOW_STRIDE) * PRINT_WINDOW_STRIDE);
  const window = { x0: down(left), y0: down(top), x1: up(last(columnCounts), width), y1: up(last(rowCounts), height) };
  const saving = 1 - ((window.x1 - window.x0) * (window.y1 - window.y0)) / plane;
  return saving >= PRINT_WINDOW_MIN_SAVING ? window : undefined;
}
