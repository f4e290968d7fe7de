import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { createPaddleOcrEngine, type PaddleStageTimings } from '../../shared/ocr/index.js';
import { suppressedStretch, type PageConditions } from '../../shared/ocr/page-conditioning.js';
import { splicedReading, stretchToReadAgain } from '../../shared/ocr/paddle-ocr-engine.js';
import type { RecognisedText } from '../../shared/ocr/text-lines.js';
import { renderSealedPage, shadowed } from './page-factory.js';
import { evenlySpacedReading } from '../support/recognised-text.js';

// A fairly sure line under a seal is read again from the page as stored only where the seal's ink was suppressed
// (issue 12: second readings must not cost more than the page needs). Constructed conditions and readings.

const TILE = 16;

/** Conditions of a `width` × `height` px page with the given ink tiles (tile x, tile y) suppressed. */
function conditionsWith(width: number, height: number, tiles: [number, number][]): PageConditions {
  const tilesAcross = Math.ceil(width / TILE);
  const tilesDown = Math.ceil(height / TILE);
  const suppressedTiles = new Uint8Array(tilesAcross * tilesDown);
  for (const [tx, ty] of tiles) suppressedTiles[ty * tilesAcross + tx] = 1;
  return {
    suppressedTiles,
    tilesAcross,
    tilesDown,
    suppressedTileCount: tiles.length,
    colouredTiles: new Uint16Array(tilesAcross * tilesDown),
    inkTile: 16,
    unevenLight: false,
    faintInk: false,
    lightOverprint: false,
  };
}

/** A block of suppressed tiles covering px `x0`–`x1` × `y0`–`y1` (a seal's ink over print). */
function block(x0: number, x1: number, y0: number, y1: number): [number, number][] {
  const tiles: [number, number][] = [];
  for (let ty = Math.floor(y0 / TILE); ty <= Math.floor(y1 / TILE); ty++) {
    for (let tx = Math.floor(x0 / TILE); tx <= Math.floor(x1 / TILE); tx++) tiles.push([tx, ty]);
  }
  return tiles;
}

const line = { cx: 1000, cy: 400, width: 900, height: 45, angle: 0, score: 0.9 };
// 19 characters of 45 px on a line 855 px long: character k's middle lies 45 k − 405 px from the line's centre.
const issuer = '发证机构：杭州市西湖区职业技能鉴定中心';
const issuerLine = { ...line, width: 855 };

describe('suppressedStretch', () => {
  it('gives the stretch of a line that suppressed tiles touch, along the line from its centre', () => {
    const conditions = conditionsWith(2000, 1000, block(1200, 1390, 360, 440));

    const stretch = suppressedStretch(conditions, line)!;

    // Tiles 75–86 across (px 1200–1391), each counted out to its corners (±11.3 px about its centre).
    expect(stretch.from).toBeCloseTo(1208 - 1000 - 8 * Math.SQRT2, 5);
    expect(stretch.to).toBeCloseTo(1384 - 1000 + 8 * Math.SQRT2, 5);
  });

  it('finds nothing when the suppressed ink lies off the line', () => {
    const conditions = conditionsWith(2000, 1000, block(1200, 1390, 600, 700));

    expect(suppressedStretch(conditions, line)).toBeUndefined();
  });

  it('measures along the reading direction of a line that runs down the page', () => {
    const down = { ...line, angle: Math.PI / 2, cx: 400, cy: 1000 };
    const conditions = conditionsWith(1000, 2000, block(360, 440, 1200, 1390));

    const stretch = suppressedStretch(conditions, down)!;

    expect(stretch.from).toBeGreaterThan(180);
    expect(stretch.to).toBeLessThan(410);
  });
});

describe('stretchToReadAgain', () => {
  it('widens the inked stretch by a line height each side and cuts it midway between two characters', () => {
    const first = evenlySpacedReading(issuer, 0.98);

    // Ink over 鉴定 (characters 15 and 16, middles 270 and 315 px from the line's centre).
    const stretch = stretchToReadAgain(issuerLine, first, { from: 250, to: 335 })!;

    // 205–380 px wanted: characters 14–17 (能鉴定中) lie inside, 13 and 18 outside; the crop reaches half a line height
    // further each side, so that neither end cuts a character.
    expect(stretch).toEqual({ from: 202.5, to: 382.5, keptBefore: 14, keptFrom: 18, readFrom: 180, readTo: 405 });
  });

  it('reads the whole line again when the inked stretch covers most of it', () => {
    expect(stretchToReadAgain(issuerLine, evenlySpacedReading(issuer, 0.98), { from: -300, to: 300 })).toBeUndefined();
  });

  it('takes in both characters around ink that lies in a gap the first reading left (a character may have vanished)', () => {
    // The first reading lost 急 under the seal: 应 ends at 25 % of the line and 管 starts at 50 %.
    const first: RecognisedText = {
      ...evenlySpacedReading('浙江省应管理厅', 0.98),
      characterPositions: [0.05, 0.12, 0.19, 0.25, 0.5, 0.6, 0.7],
    };
    const wide = { ...line, height: 10 };

    const stretch = stretchToReadAgain(wide, first, { from: -180, to: -120 })!;

    expect(stretch.keptBefore).toBe(3);
    expect(stretch.keptFrom).toBe(5);
    expect(stretch.from).toBeLessThan(-180);
    expect(stretch.to).toBeGreaterThan(-120);
  });
});

describe('splicedReading', () => {
  it("keeps the first reading outside the stretch and the crop's characters placed inside it, along the whole line", () => {
    const first = evenlySpacedReading('发证机构：杭州市西湖区职业技能鉴宏中心', 0.98);
    const stretch = { from: 202.5, to: 382.5, keptBefore: 14, keptFrom: 18, readFrom: 180, readTo: 405 };
    // The crop (180–405 px) also caught 技 and 心 at its ends, placed outside the stretch: they are not used.
    const along = [190, 225, 270, 315, 360, 398];
    const cropRead = { ...evenlySpacedReading('技能鉴定中心', 0.9), characterPositions: along.map((u) => (u - 180) / 225) };

    const spliced = splicedReading(first, stretch, cropRead, issuerLine.width);

    expect(spliced.text).toBe(issuer);
    expect(spliced.characters).toHaveLength(19);
    // Back in place along the whole line: the middles of characters 14–17.
    spliced.characterPositions.slice(14, 18).forEach((p, k) => expect((p - 0.5) * issuerLine.width).toBeCloseTo(225 + 45 * k, 6));
    expect(spliced.characterPositions.slice(0, 14)).toEqual(first.characterPositions.slice(0, 14));
    expect(spliced.characterConfidences.slice(13, 19)).toEqual([0.98, 0.9, 0.9, 0.9, 0.9, 0.98]);
    expect(spliced.confidence).toBeCloseTo((15 * 0.98 + 4 * 0.9) / 19, 10);
  });
});

describe('PaddleOcrEngine on a scanned certificate under a red seal', { timeout: 120_000 }, () => {
  it('reads the issuer line again along the seal only, and the spliced reading agrees with the first', async () => {
    const bytes = await sharp(await renderSealedPage({ seal: true, signature: true, scale: 1.6 }))
      .jpeg({ quality: 85 })
      .toBuffer();
    const timings: PaddleStageTimings[] = [];
    const engine = createPaddleOcrEngine({ onTimings: (t) => timings.push(t) });

    const page = await engine.recognize({ bytes, pageNumber: 1 });

    const issuer = page.lines.find((line) => line.text.startsWith('发证机构'))!;
    expect(issuer.text).toBe(issuer.secondReading?.text);
    expect(issuer).toMatchObject({ text: '发证机构：杭州市西湖区职业技能鉴定中心', secondReading: { agrees: true } });
    expect(timings[0]).toMatchObject({ secondReadings: 1, stretchReadings: 1 });
  });

  it('reads the line whole again on a shadowed photo of it, whose flattened page differs from the stored one everywhere', async () => {
    const sealed = await sharp(await renderSealedPage({ seal: true, signature: true, scale: 1.6 }))
      .jpeg({ quality: 85 })
      .toBuffer();
    const timings: PaddleStageTimings[] = [];
    const engine = createPaddleOcrEngine({ onTimings: (t) => timings.push(t) });

    const page = await engine.recognize({ bytes: await shadowed(sealed), pageNumber: 1 });

    const issuer = page.lines.find((line) => line.text.startsWith('发证机构'))!;
    expect(issuer).toMatchObject({ text: '发证机构：杭州市西湖区职业技能鉴定中心', secondReading: { agrees: true } });
    expect(timings[0]).toMatchObject({ secondReadings: 1, stretchReadings: 0 });
  });
});
