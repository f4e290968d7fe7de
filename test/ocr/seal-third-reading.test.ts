import { describe, expect, it } from 'vitest';
import type { PageConditions } from '../../shared/ocr/page-conditioning.js';
import { inkChannelCrop, linesForSealReading, unsureStretch, withSealReading, type MergedLine } from '../../shared/ocr/seal-third-reading.js';
import { evenlySpacedReading } from '../support/recognised-text.js';
import { paintedPage, pixelAt, type Rgb } from '../support/painted-rasters.js';

// The third reading of unsure lines under a seal (issue 12 item 5): the crop it reads, the lines it picks, and how its
// reading is weighed against the first two. Constructed pixels and readings; the engine's use is pinned in
// paddle-ocr-seal-third-reading.test.ts.

const WARM_PAPER: Rgb = [224, 210, 190];
const SEAL_RED: Rgb = [212, 40, 40];
const TILE = 16;

/** Grey print strokes (2 px every 8 px) along a line, at `share` of the paper's brightness (a phone photo's blur). */
function printStrokes(x: number, y: number, length: number, share: number) {
  const grey = WARM_PAPER.map((c) => Math.round(c * share)) as Rgb;
  const strokes = [];
  for (let k = 0; k < length; k += 8) strokes.push({ x: x + k, y, w: 2, h: 30, rgb: grey });
  return strokes;
}

/** Conditions of a `width` × `height` px page with ink tiles suppressed over px `x0`–`x1` × `y0`–`y1`. */
function conditionsWithBlock(width: number, height: number, x0: number, x1: number, y0: number, y1: number): PageConditions {
  const tilesAcross = Math.ceil(width / TILE);
  const tilesDown = Math.ceil(height / TILE);
  const suppressedTiles = new Uint8Array(tilesAcross * tilesDown);
  let suppressedTileCount = 0;
  for (let ty = Math.floor(y0 / TILE); ty <= Math.floor(y1 / TILE); ty++) {
    for (let tx = Math.floor(x0 / TILE); tx <= Math.floor(x1 / TILE); tx++) {
      suppressedTiles[ty * tilesAcross + tx] = 1;
      suppressedTileCount++;
    }
  }
  return {
    suppressedTiles,
    tilesAcross,
    tilesDown,
    suppressedTileCount,
    colouredTiles: new Uint16Array(tilesAcross * tilesDown),
    inkTile: TILE,
    unevenLight: false,
    faintInk: false,
    lightOverprint: false,
  };
}

const region = (cx: number, cy: number, width: number) => ({ cx, cy, width, height: 30, angle: 0, score: 0.9 });

describe('inkChannelCrop', () => {
  it('lifts a red seal over grey print to white in the red channel, and keeps print dark under it and beside it', () => {
    const page = paintedPage(400, 200, [...printStrokes(40, 85, 300, 0.6), { x: 150, y: 70, w: 120, h: 60, rgb: SEAL_RED, multiply: true }], WARM_PAPER);

    const crop = inkChannelCrop(page, region(190, 100, 310))!;

    // The region is in the crop's pixels: its box starts 0.3 line heights before the line's.
    expect(crop.region.cx).toBeCloseTo(190 - Math.floor(190 - 155 - 9), 0);
    const at = (x: number, y: number) => pixelAt(crop.raster, Math.round(x - 190 + crop.region.cx), Math.round(y - 100 + crop.region.cy));
    // The seal's ink between strokes is (nearly) paper white; print under the seal and beside it stays dark.
    expect(at(155, 100)[0]).toBeGreaterThan(230);
    expect(at(152, 100)[0]).toBe(0);
    expect(at(48, 100)[0]).toBeLessThan(96);
    // Paper away from the seal is white too.
    expect(at(60, 100)[0]).toBe(255);
  });

  it("gives no crop for a line that is the seal's own ink (its name around the ring, read as a line)", () => {
    const sealText = [];
    for (let k = 0; k < 200; k += 12) sealText.push({ x: 100 + k, y: 85, w: 5, h: 30, rgb: SEAL_RED, multiply: true });
    const page = paintedPage(400, 200, sealText, WARM_PAPER);

    expect(inkChannelCrop(page, region(200, 100, 220))).toBeUndefined();
  });

  it('gives no crop for a line with no coloured ink in it', () => {
    const page = paintedPage(400, 200, printStrokes(40, 85, 300, 0.6), WARM_PAPER);

    expect(inkChannelCrop(page, region(190, 100, 310))).toBeUndefined();
  });
});

describe('linesForSealReading', () => {
  const page = paintedPage(800, 400, []);
  const conditions = conditionsWithBlock(800, 400, 400, 560, 160, 260);
  const underSeal = region(450, 200, 300);
  const awayFromSeal = region(200, 80, 300);
  const merged = (text: string, confidences: number | number[], agrees?: boolean): MergedLine => ({
    reading: evenlySpacedReading(text, confidences),
    region: underSeal,
    ...(agrees === undefined ? {} : { other: { text, confidence: 0.9, agrees } }),
  });

  it('picks a line under suppressed ink whose readings disagree or that has an unsure character', () => {
    const lines = [merged('发证日期：2008.10.26', 0.95, false), merged('200810.26', [1, 1, 1, 1, 0.75, 1, 1, 1, 1], true)];

    expect(linesForSealReading(conditions, page, [underSeal, underSeal], lines)).toEqual([0, 1]);
  });

  it('leaves a sure line under the seal, and an unsure line away from it, read twice at most', () => {
    const lines = [merged('2008.10.26', 0.99, true), merged('姓名：王一', 0.6, false)];

    expect(linesForSealReading(conditions, page, [underSeal, awayFromSeal], lines)).toEqual([]);
  });

  it('reads nothing on a page where no ink was suppressed', () => {
    const none = { ...conditions, suppressedTiles: new Uint8Array(conditions.suppressedTiles.length), suppressedTileCount: 0 };

    expect(linesForSealReading(none, page, [underSeal], [merged('200810.26', 0.8, false)])).toEqual([]);
  });
});

describe('unsureStretch', () => {
  // 19 characters of 45 px on a line 855 px long: character k's middle lies 45 k − 405 px from the line's centre.
  const issuerLine = { cx: 1000, cy: 400, width: 855, height: 45, angle: 0, score: 0.9 };
  const issuer = '发证机构：杭州市西湖区职业技能鉴定中心';

  it('is the stretch around the unsure characters, cut between characters, the rest of the line kept', () => {
    const confidences = [...issuer].map((_, k) => (k === 15 ? 0.59 : k === 16 ? 0.88 : 0.99));

    const stretch = unsureStretch(issuerLine, evenlySpacedReading(issuer, confidences))!;

    // 鉴定 (15, 16) and one line height either side: characters 14–17 are read again, 0–13 and 18 kept.
    expect(stretch.keptBefore).toBe(14);
    expect(stretch.keptFrom).toBe(18);
  });

  it('is undefined (the whole line is read) when the unsure characters span most of the line', () => {
    const confidences = [...issuer].map((_, k) => (k === 2 || k === 17 ? 0.7 : 0.99));

    expect(unsureStretch(issuerLine, evenlySpacedReading(issuer, confidences))).toBeUndefined();
  });
});

describe('withSealReading', () => {
  const line = region(450, 200, 300);

  it('takes a surer third reading that restores a character both earlier readings lost, capping that character', () => {
    // Both earlier readings lost the '.' under the seal's ring and agreed; the second was fairly sure throughout.
    const first = evenlySpacedReading('200810.26', [1, 1, 1, 0.98, 0.75, 0.96, 0.99, 1, 1]);
    const merged: MergedLine = {
      reading: first,
      region: line,
      other: { text: '200810.26', confidence: 0.95, agrees: true },
      readings: [first, evenlySpacedReading('200810.26', [1, 1, 1, 0.9, 0.8, 0.95, 0.96, 1, 0.95])],
    };

    const result = withSealReading(merged, evenlySpacedReading('2008.10.26', 0.99));

    expect(result.reading.text).toBe('2008.10.26');
    expect(result.reading.characterConfidences[4]).toBe(0.5);
    expect(result.reading.characterConfidences[0]).toBe(0.99);
    expect(result.other).toEqual({ text: '200810.26', confidence: expect.closeTo(0.96, 2), agrees: false });
  });

  it('flags two agreeing readings that a third, less sure reading contradicts (they may have lost the same character)', () => {
    const merged: MergedLine = {
      reading: evenlySpacedReading('二一年九月二十六日', [0.89, 0.76, 1, 1, 1, 1, 1, 1, 1]),
      region: line,
      other: { text: '二一年九月二十六日', confidence: 0.92, agrees: true },
    };

    const result = withSealReading(merged, evenlySpacedReading('二〇二一年九月二十六日', 0.9));

    expect(result.reading.text).toBe('二一年九月二十六日');
    expect(result.reading.characterConfidences.slice(0, 2)).toEqual([0.5, 0.5]);
    expect(result.reading.characterConfidences.slice(3)).toEqual([1, 1, 1, 1, 1, 1]);
    expect(result.other?.agrees).toBe(false);
  });

  it("does not take a third reading that is surer only than the merge's caps, not than the readings themselves", () => {
    // The first reading was sure of its 8; the second read 6 there, so the merge capped both. A third reading that
    // agrees with the second is not clearly surer than the first reading was.
    const first = evenlySpacedReading('2008.10.26', [1, 1, 0.98, 0.97, 0.92, 0.95, 0.98, 0.95, 0.93, 0.98]);
    const second = evenlySpacedReading('2006.0.6', 0.9);
    const merged: MergedLine = {
      reading: { ...first, characterConfidences: [1, 1, 0.98, 0.5, 0.92, 0.5, 0.98, 0.95, 0.5, 0.98] },
      region: line,
      other: { text: '2006.0.6', confidence: 0.9, agrees: false },
      readings: [first, second],
    };

    const result = withSealReading(merged, evenlySpacedReading('2006.10.26', [1, 1, 1, 0.92, 0.99, 0.97, 1, 1, 1, 1]));

    expect(result.reading.text).toBe('2008.10.26');
    expect(result.reading.characterConfidences[3]).toBe(0.5);
  });

  it('raises no confidence when the third reading agrees', () => {
    const merged: MergedLine = { reading: evenlySpacedReading('2021年11月10日', [1, 1, 1, 1, 1, 1, 0.6, 1, 1, 1, 1]), region: line };

    const result = withSealReading(merged, evenlySpacedReading('2021年11月10日', 0.99));

    expect(result).toBe(merged);
  });

  it('counts full- and half-width brackets, and 〇 and 0, as the same marks', () => {
    const merged: MergedLine = {
      reading: evenlySpacedReading('甲方（盖章）：二〇二〇年', 0.95),
      region: line,
      other: { text: '甲方（盖章）：二〇二〇年', confidence: 0.95, agrees: true },
    };

    expect(withSealReading(merged, evenlySpacedReading('甲方 (盖章)：二0二0年', 0.97))).toBe(merged);
  });

  it('ignores a third reading that is the merged one with characters left out (strokes lost with the ink)', () => {
    const merged: MergedLine = { reading: evenlySpacedReading('杭州之江职业培训学校', 0.88), region: line };

    expect(withSealReading(merged, evenlySpacedReading('杭州之江职业训学校', 0.98))).toBe(merged);
  });

  it('takes a third reading that is neither surer nor fairly sure (under 0.8) as noise, not as evidence', () => {
    const merged: MergedLine = { reading: evenlySpacedReading('签订日期', 0.92), region: line, other: { text: '签订日期', confidence: 0.93, agrees: true } };

    expect(withSealReading(merged, evenlySpacedReading('签：日期', 0.61))).toBe(merged);
  });

  it("ignores a third reading that lost most of the line (the seal's own text, lifted with its ink)", () => {
    const merged: MergedLine = { reading: evenlySpacedReading('杭州市应急管理局', 0.7), region: line };

    expect(withSealReading(merged, evenlySpacedReading('应局', 0.99))).toBe(merged);
  });
});
