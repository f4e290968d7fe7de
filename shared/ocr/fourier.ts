/**
 * The discrete Fourier transform the page steps share: a screen's moiré found in the spectra of a page's windows
 * (`screen-pattern.ts`) and a shaking hand's smear measured and taken out (`motion-blur.ts`). Radix 2, in place,
 * with the twiddles and the bit-reversed order taken from tables made once for each size.
 */

interface FourierTables {
  reversed: Uint32Array;
  /** cos(−2πk/n) and sin(−2πk/n), k < n/2: the forward transform's twiddles. */
  cos: Float64Array;
  sin: Float64Array;
}

const TABLES = new Map<number, FourierTables>();

function tablesOf(n: number): FourierTables {
  let tables = TABLES.get(n);
  if (!tables) {
    const reversed = Uint32Array.from({ length: n }, (_, i) => {
      let j = 0;
      for (let bit = 1, k = n >> 1; bit < n; bit <<= 1, k >>= 1) if (i & bit) j |= k;
      return j;
    });
    const cos = Float64Array.from({ length: n / 2 }, (_, k) => Math.cos((-2 * Math.PI * k) / n));
    const sin = Float64Array.from({ length: n / 2 }, (_, k) => Math.sin((-2 * Math.PI * k) / n));
    tables = { reversed, cos, sin };
    TABLES.set(n, tables);
  }
  return tables;
}

/**
 * In-place radix-2 FFT of `n` complex values of `re`/`im` (n a power of two) spaced `stride` apart from `offset`: a row
 * of a 2-D field (stride 1) or a column (stride its width). `inverse` turns the twiddles the other way and scales by
 * 1/n.
 *
 * @example
 * for (let y = 0; y < h; y++) fft(re, im, w, y * w, 1); // the rows of a w × h field
 */
export function fft(re: Float64Array, im: Float64Array, n: number, offset = 0, stride = 1, inverse = false): void {
  const { reversed, cos, sin } = tablesOf(n);
  for (let i = 1; i < n; i++) {
    const j = reversed[i];
    if (i < j) {
      const a = offset + i * stride;
      const b = offset + j * stride;
      const r = re[a];
      re[a] = re[b];
      re[b] = r;
      const m = im[a];
      im[a] = im[b];
      im[b] = m;
    }
  }
  const turn = inverse ? -1 : 1;
  for (let len = 2; len <= n; len <<= 1) {
    const half = len >> 1;
    const twiddleStep = n / len;
    for (let i = 0; i < n; i += len) {
      for (let k = 0; k < half; k++) {
        const cr = cos[k * twiddleStep];
        const ci = turn * sin[k * twiddleStep];
        const a = offset + (i + k) * stride;
        const b = a + half * stride;
        const tr = re[b] * cr - im[b] * ci;
        const ti = re[b] * ci + im[b] * cr;
        re[b] = re[a] - tr;
        im[b] = im[a] - ti;
        re[a] += tr;
        im[a] += ti;
      }
    }
  }
  if (inverse) {
    for (let i = 0; i < n; i++) {
      re[offset + i * stride] /= n;
      im[offset + i * stride] /= n;
    }
  }
}

/**
 * In-place 2-D FFT of a `w` × `h` complex field, row-major (both powers of two): the rows, then the columns.
 *
 * @example
 * fft2(re, im, 256, 256); // spectrum of a 256-px tile
 */
export function fft2(re: Float64Array, im: Float64Array, w: number, h: number, inverse = false): void {
  for (let y = 0; y < h; y++) fft(re, im, w, y * w, 1, inverse);
  // Each column copied out and back: transformed in place a column strides the whole field, and on a 2,048-px frame
  // that took 1.6 times the CPU of the copies.
  const columnRe = new Float64Array(h);
  const columnIm = new Float64Array(h);
  for (let x = 0; x < w; x++) {
    for (let y = 0; y < h; y++) {
      columnRe[y] = re[y * w + x];
      columnIm[y] = im[y * w + x];
    }
    fft(columnRe, columnIm, h, 0, 1, inverse);
    for (let y = 0; y < h; y++) {
      re[y * w + x] = columnRe[y];
      im[y * w + x] = columnIm[y];
    }
  }
}
