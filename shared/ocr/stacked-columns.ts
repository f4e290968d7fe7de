import type { PaddleModels } from './paddle-models.js';
import type { Raster } from './raster.js';
import { recogniseRegions, type RecognisedText, type RecognitionSettings } from './text-lines.js';
import type { TextRegion } from './text-regions.js';

/**
 * Characters stacked one under another on an upright page: a value squeezed into a cell one character wide
 * (`杭` / `州` / `市` … down the cell), or a caption set vertically in a merged cell. The detector boxes such a column
 * as one region running down the page, and the recogniser, which reads along a region, then reads every character
 * lying on its side: nothing, or noise under the drop score (a certificate's issuer lost whole on a turned photo,
 * docs/ocr.md "noisy13"). `readStackedColumns` cuts the column into its characters by the gaps between them and lays
 * them side by side, upright, into a row of their own, and keeps that row's reading when it is the surer one.
 */

/** A region whose reading direction lies within this of vertical runs down the page. */
const DOWN_THE_PAGE = (15 * Math.PI) / 180;
/** A column is at least this many of its own widths long (about three characters). */
const MIN_COLUMN_LENGTH = 2.5;
/** Rows and columns of the column holding fewer ink samples than this are paper (a lone speck is not a stroke). */
const MIN_INK_SAMPLES = 2;
/** Ink runs down the column are one character while together they are at most this many glyph widths tall (`三`, `二`). */
const ONE_CHARACTER = 1.15;
/** Paper and ink must be at least this many grey levels apart for the column to be cut at all. */
const MIN_CONTRAST = 40;
/** Paper between characters laid side by side, and above and below them, as a share of the glyph width. */
const CELL_MARGIN = 0.3;
/** The row's reading replaces the first one only when it is at least this sure. */
const SURE_ROW = 0.85;

/**
 * Whether a region runs down the page (within 15° of vertical, straight, at least 2.5 of its widths long). Pages are
 * upright when regions are read, so their lines run across: a region running down is a stacked column.
 *
 * @example
 * isStackedColumn({ cx: 500, cy: 700, width: 390, height: 33, angle: -Math.PI / 2, score: 0.8 }); // true
 */
export function isStackedColumn(region: TextRegion): boolean {
  return !region.centreLine && Math.abs(Math.cos(region.angle)) < Math.sin(DOWN_THE_PAGE) && region.width >= MIN_COLUMN_LENGTH * region.height;
}

/** A stacked column laid out as a row: the row's pixels, its one region, and where each character came from. */
export interface ColumnAsRow {
  raster: Raster;
  region: TextRegion;
  /** Each character's extent down the column, px from the column's top (first, last ink row). */
  characters: { from: number; to: number }[];
  /** The width of one character's cell in the row (px); the first cell starts at half a margin. */
  cellWidth: number;
  margin: number;
  /** The column's length (px), top to bottom. */
  length: number;
}

/**
 * The column's characters, cut where paper runs across the column between them, laid side by side upright in a row
 * of paper (the column's own paper level), each in a cell of its glyph width plus a margin; undefined when the column
 * shows no contrast, or fewer than two characters.
 *
 * @example
 * const row = columnAsRow(page, column); // row.raster holds `杭州市…` left to right
 */
export function columnAsRow(raster: Raster, region: TextRegion): ColumnAsRow | undefined {
  // Down the column, whichever way the region's reading direction was found.
  const downX = Math.sin(region.angle) >= 0 ? Math.cos(region.angle) : -Math.cos(region.angle);
  const downY = Math.sin(region.angle) >= 0 ? Math.sin(region.angle) : -Math.sin(region.angle);
  // Across the column, left to right.
  const acrossX = downY;
  const acrossY = -downX;
  const length = Math.max(1, Math.round(region.width));
  const thickness = Math.max(1, Math.round(region.height));
  const topX = region.cx - (downX * region.width) / 2;
  const topY = region.cy - (downY * region.width) / 2;
  const at = (s: number, t: number): [number, number] => [
    topX + downX * (s + 0.5) + acrossX * (t + 0.5 - region.height / 2),
    topY + downY * (s + 0.5) + acrossY * (t + 0.5 - region.height / 2),
  ];
  const grey = new Float32Array(length * thickness);
  for (let s = 0; s < length; s++) {
    for (let t = 0; t < thickness; t++) {
      const [x, y] = at(s, t);
      grey[s * thickness + t] = luminanceAt(raster, x, y);
    }
  }
  const sorted = Float32Array.from(grey).sort();
  const ink = sorted[Math.floor(sorted.length * 0.03)];
  const paper = sorted[Math.floor(sorted.length * 0.9)];
  if (paper - ink < MIN_CONTRAST) return undefined;
  const threshold = (ink + paper) / 2;
  const rows = new Uint16Array(length);
  const columns = new Uint16Array(thickness);
  for (let s = 0; s < length; s++) {
    for (let t = 0; t < thickness; t++) {
      if (grey[s * thickness + t] < threshold) {
        rows[s]++;
        columns[t]++;
      }
    }
  }
  const inkColumns = [...columns.keys()].filter((t) => columns[t] >= MIN_INK_SAMPLES);
  if (inkColumns.length === 0) return undefined;
  const acrossFrom = inkColumns[0];
  const glyphWidth = inkColumns.at(-1)! - acrossFrom + 1;
  const acrossMiddle = (acrossFrom + inkColumns.at(-1)!) / 2;
  const characters = charactersDown(rows, glyphWidth);
  if (characters.length < 2) return undefined;
  const margin = Math.max(2, Math.round(glyphWidth * CELL_MARGIN));
  const cellWidth = glyphWidth + margin;
  const rowHeight = glyphWidth + 2 * margin;
  const width = characters.length * cellWidth + margin;
  const data = new Uint8Array(width * rowHeight * 3).fill(Math.round(paper));
  characters.forEach((character, k) => {
    const middle = (character.from + character.to) / 2;
    for (let y = 0; y < rowHeight; y++) {
      const s = middle + y - rowHeight / 2;
      // Only the character's own rows: the next character down stays out of this one's cell.
      if (s < character.from - 1 || s > character.to + 1) continue;
      for (let i = 0; i < cellWidth; i++) {
        const t = acrossMiddle + i - cellWidth / 2;
        if (t < 0 || t >= thickness) continue;
        const [px, py] = at(s, t);
        const o = (y * width + Math.round(margin / 2) + k * cellWidth + i) * 3;
        rgbAt(raster, px, py, data, o);
      }
    }
  });
  return {
    raster: { data, width, height: rowHeight },
    region: { cx: width / 2, cy: rowHeight / 2, width, height: rowHeight, angle: 0, score: region.score },
    characters,
    cellWidth,
    margin,
    length,
  };
}

/**
 * The stacked columns among a page's regions read as rows (see `columnAsRow`): a column whose row reads surer than its
 * first reading, and sure (≥ 0.85), takes the row's reading, with each character placed down the column where it was
 * cut from (so the line's character boxes run top to bottom). The same array when no region is a column (the usual
 * case: no pixel is looked at).
 *
 * @example
 * texts = await readStackedColumns(models, raster, ordered, texts, recognition);
 */
export async function readStackedColumns(
  models: PaddleModels,
  raster: Raster,
  regions: TextRegion[],
  texts: RecognisedText[],
  recognition: RecognitionSettings,
): Promise<RecognisedText[]> {
  let read: RecognisedText[] | undefined;
  for (const [index, region] of regions.entries()) {
    if (!isStackedColumn(region)) continue;
    const row = columnAsRow(raster, region);
    if (!row) continue;
    const [reading] = await recogniseRegions(models.recognition, models.alphabet, row.raster, [row.region], recognition);
    if (reading.confidence < SURE_ROW || reading.confidence <= texts[index].confidence || reading.text.trim() === '') continue;
    read ??= [...texts];
    read[index] = { ...reading, characterPositions: reading.characterPositions.map((p) => positionAlongRegion(row, region, p)) };
  }
  return read ?? texts;
}

/**
 * Where a character read at `p` (share of the row's width) lies along the column's region, as a share of the region's
 * width in its own reading direction (a region found running up the page counts from its bottom).
 */
function positionAlongRegion(row: ColumnAsRow, region: TextRegion, p: number): number {
  const k = Math.min(row.characters.length - 1, Math.max(0, Math.floor((p * row.raster.width - row.margin / 2) / row.cellWidth)));
  const within = (p * row.raster.width - row.margin / 2 - k * row.cellWidth) / row.cellWidth;
  const { from, to } = row.characters[k];
  const down = Math.min(1, Math.max(0, (from + Math.min(1, Math.max(0, within)) * (to - from + 1)) / row.length));
  return Math.sin(region.angle) >= 0 ? down : 1 - down;
}

/**
 * Characters down a column from its ink rows: runs of ink between paper rows, joined while together they stay within
 * one glyph's height (a `三`'s strokes), and a run taller than that (characters touching) cut into equal parts.
 */
function charactersDown(rows: Uint16Array, glyphWidth: number): { from: number; to: number }[] {
  const runs: { from: number; to: number }[] = [];
  for (let s = 0; s < rows.length; s++) {
    if (rows[s] < MIN_INK_SAMPLES) continue;
    const last = runs.at(-1);
    if (last && last.to === s - 1) last.to = s;
    else runs.push({ from: s, to: s });
  }
  const characters: { from: number; to: number }[] = [];
  const tallest = glyphWidth * ONE_CHARACTER;
  for (const run of runs) {
    const last = characters.at(-1);
    if (last && run.to - last.from + 1 <= tallest) {
      last.to = run.to;
      continue;
    }
    const parts = Math.max(1, Math.round((run.to - run.from + 1) / glyphWidth));
    const step = (run.to - run.from + 1) / parts;
    for (let k = 0; k < parts; k++) characters.push({ from: Math.round(run.from + k * step), to: Math.round(run.from + (k + 1) * step) - 1 });
  }
  return characters;
}

function luminanceAt(raster: Raster, x: number, y: number): number {
  const xi = Math.min(raster.width - 1, Math.max(0, Math.round(x - 0.5)));
  const yi = Math.min(raster.height - 1, Math.max(0, Math.round(y - 0.5)));
  const o = (yi * raster.width + xi) * 3;
  return 0.299 * raster.data[o] + 0.587 * raster.data[o + 1] + 0.114 * raster.data[o + 2];
}

/** Bilinear RGB at a point of the raster (border held), written to `target` at `offset`. */
function rgbAt(raster: Raster, x: number, y: number, target: Uint8Array, offset: number): void {
  const fx0 = Math.min(raster.width - 1, Math.max(0, x - 0.5));
  const fy0 = Math.min(raster.height - 1, Math.max(0, y - 0.5));
  const x0 = Math.floor(fx0);
  const y0 = Math.floor(fy0);
  const x1 = Math.min(raster.width - 1, x0 + 1);
  const y1 = Math.min(raster.height - 1, y0 + 1);
  const fx = fx0 - x0;
  const fy = fy0 - y0;
  for (let c = 0; c < 3; c++) {
    const top = raster.data[(y0 * raster.width + x0) * 3 + c] * (1 - fx) + raster.data[(y0 * raster.width + x1) * 3 + c] * fx;
    const bottom = raster.data[(y1 * raster.width + x0) * 3 + c] * (1 - fx) + raster.data[(y1 * raster.width + x1) * 3 + c] * fx;
    target[offset + c] = Math.round(top * (1 - fy) + bottom * fy);
  }
}
