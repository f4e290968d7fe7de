import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { Rng } from './factory/random.js';
import type { SheetRenderer } from './render/browser.js';
import { capturePhoto, CURL_SHAPES, curlField } from './render/degrade.js';

// An A4 page at 200 dpi and its 12 pt type's line height.
const WIDTH = 1654;
const HEIGHT = 2339;
const LINE = 33;

/** How far the row at height y climbs or falls across the page (px). */
function bowAcross(field: ReturnType<typeof curlField>, y: number): number {
  let low = Infinity;
  let high = -Infinity;
  for (let x = 0; x < WIDTH; x += 8) {
    const shift = field.rowShift(x, y);
    low = Math.min(low, shift);
    high = Math.max(high, shift);
  }
  return high - low;
}

describe('curl capture', () => {
  const fields = Array.from({ length: 60 }, (_, i) => curlField(WIDTH, HEIGHT, new Rng(100 + i)));

  it('bows some row of every curled page by a line height or more', () => {
    for (const field of fields) {
      const worst = Math.max(...Array.from({ length: 21 }, (_, k) => bowAcross(field, (k * HEIGHT) / 20)));
      expect(worst).toBeGreaterThanOrEqual(LINE);
      expect(worst).toBeLessThan(0.13 * HEIGHT);
    }
  });

  it('curls pages at a free edge, into the binding and over the whole width', () => {
    expect(new Set(fields.map((f) => f.shape))).toEqual(new Set(CURL_SHAPES));
    const bowed = fields.find((f) => f.shape === 'bowed')!;
    // A page bowed over its whole width lifts its middle column and one third of the width apart.
    expect(Math.abs(bowed.lift(WIDTH / 2) - bowed.lift(WIDTH / 6))).toBeGreaterThan(0.2);
  });

  it('bows rows high and low on the page by different amounts, so a wrap’s line under a bent row is off its row', () => {
    const apart = fields.filter((f) => Math.abs(bowAcross(f, 0.2 * HEIGHT) - bowAcross(f, 0.8 * HEIGHT)) >= LINE);
    expect(apart.length).toBeGreaterThan(fields.length / 4);
    // Two rows one pitch apart are a few pixels nearer or further apart where the paper lifts than where it lies flat.
    const pitchChange = (f: (typeof fields)[number]) =>
      Math.abs(f.rowShift(WIDTH - 1, 1050) - f.rowShift(WIDTH - 1, 1000) - f.rowShift(0, 1050) + f.rowShift(0, 1000));
    expect(Math.max(...fields.map(pitchChange))).toBeGreaterThan(2);
  });

  it('draws a straight rule bent in the photo, smoothly, by the field’s bow', async () => {
    const page = await sharp({ create: { width: 800, height: 1130, channels: 3, background: '#ffffff' } })
      .composite([
        {
          input: Buffer.from(
            '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="1130"><rect x="0" y="180" width="800" height="6" fill="#000"/></svg>',
          ),
        },
      ])
      .png()
      .toBuffer();
    const { image, capture } = await capturePhoto(page, 'curl', undefined as unknown as SheetRenderer, new Rng(12), 100);
    expect(capture).toEqual(['photo:curl']);
    const { data, info } = await sharp(image.data).greyscale().raw().toBuffer({ resolveWithObject: true });
    // The rule's centre in each column (the darkest run in the top half, away from the desk's brown border).
    const centres: number[] = [];
    for (let x = 2; x < info.width - 2; x += 2) {
      let sum = 0;
      let n = 0;
      for (let y = 0; y < info.height / 2; y++) {
        if (data[y * info.width + x] < 60) {
          sum += y;
          n++;
        }
      }
      if (n > 0) centres.push(sum / n);
    }
    expect(centres.length).toBeGreaterThan(info.width / 2 - 10);
    const field = curlField(800, 1130, new Rng(12));
    let low = Infinity;
    let high = -Infinity;
    for (let x = 0; x < 800; x += 2) {
      low = Math.min(low, field.rowShift(x, 183));
      high = Math.max(high, field.rowShift(x, 183));
    }
    expect(high - low).toBeGreaterThan(LINE / 2);
    expect(Math.abs(Math.max(...centres) - Math.min(...centres) - (high - low))).toBeLessThan(3);
    // Smooth as paper: neighbouring columns 2 px apart put the rule within 2 px of each other.
    for (let i = 1; i < centres.length; i++) expect(Math.abs(centres[i] - centres[i - 1])).toBeLessThan(2);
  });
});
