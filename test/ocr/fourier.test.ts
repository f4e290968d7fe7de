import { describe, expect, it } from 'vitest';
import { fft, fft2 } from '../../shared/ocr/fourier.js';

/** The transform by its definition: X[k] = Σ x[j] e^(−2πi jk/n). */
function dft(re: readonly number[], im: readonly number[]): [number[], number[]] {
  const n = re.length;
  const outRe: number[] = [];
  const outIm: number[] = [];
  for (let k = 0; k < n; k++) {
    let r = 0;
    let i = 0;
    for (let j = 0; j < n; j++) {
      const a = (-2 * Math.PI * j * k) / n;
      r += re[j] * Math.cos(a) - im[j] * Math.sin(a);
      i += re[j] * Math.sin(a) + im[j] * Math.cos(a);
    }
    outRe.push(r);
    outIm.push(i);
  }
  return [outRe, outIm];
}

describe('the shared FFT', () => {
  it('gives the transform of its definition, on a strided column of a field as on a row', () => {
    const values = [3, -1, 4, 1, -5, 9, 2, -6];
    const [wantRe, wantIm] = dft(
      values,
      values.map(() => 0),
    );
    // The same values down the second column of an 8 × 3 field.
    const re = new Float64Array(24);
    const im = new Float64Array(24);
    values.forEach((v, j) => (re[j * 3 + 1] = v));
    fft(re, im, 8, 1, 3);
    values.forEach((_, k) => {
      expect(re[k * 3 + 1]).toBeCloseTo(wantRe[k], 9);
      expect(im[k * 3 + 1]).toBeCloseTo(wantIm[k], 9);
    });
    // The other columns are untouched.
    expect([...re].filter((_, i) => i % 3 !== 1).every((v) => v === 0)).toBe(true);
  });

  it('gives back the field it transformed when run inverse', () => {
    const re = Float64Array.from({ length: 16 * 8 }, (_, i) => Math.sin(i * 0.37) * 50 + (i % 7));
    const im = new Float64Array(re.length);
    const original = Float64Array.from(re);
    fft2(re, im, 16, 8);
    fft2(re, im, 16, 8, true);
    original.forEach((v, i) => {
      expect(re[i]).toBeCloseTo(v, 9);
      expect(im[i]).toBeCloseTo(0, 9);
    });
  });
});
