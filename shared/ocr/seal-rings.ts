import { levelAtShare } from './pixel-levels.js';
import type { PaddleModels } from './paddle-models.js';
import type { Raster } from './raster.js';
import { recogniseRegions, type RecognisedText, type RecognitionSettings } from './text-lines.js';
import type { PixelBounds } from './text-regions.js';

/**
 * The lettering of a round seal read whole. A Chinese organisation's seal letters its name clockwise round the top of
 * its ring (from about 7-8 o'clock to 4-5 o'clock), each character upright with its top outwards; the detector boxes
 * such an arc in pieces, each a skewed region of a few characters, and no piece holds the name. So the ring is found
 * from the coloured ink (a closed ellipse of it, `sealRingsOnPage`), the band under the ring where the lettering runs
 * is unrolled into a straight strip (`unrolledBand`: angle along x, radius down y, outer edge on top, so the
 * characters stand upright in a row) with only the seal's own colour kept (print crossing the seal drops out), and the
 * strip is read by the recogniser as one line. The arc is where the band holds ink between its widest gaps
 * (`letteringArcs`), whatever the seal's turn; each candidate arc is read and the surest reading kept. The strip takes
 * its shape from the luminance and only its gate from the colour (`sealInkAt`): a photo's colour is stored at half
 * resolution, and a strip drawn from the chroma alone reads as blots.
 */

/** Cells of this many px (of the page as stored) are marked coloured when any sampled pixel in them is. */
const CELL = 4;
/** max − min channel at or above which a pixel is a seal's ink (conditioning's coloured ink is 60; faint seals less). */
const SEAL_CHROMA = 48;
/** Coloured cells this many cells apart belong to one mark (bridges print crossing the ring). */
const BRIDGE = 2;
/** A ring's box is at least this many line heights across, and at most this share of the page's shorter side. */
const SMALLEST_RING = 3;
const LARGEST_RING = 0.6;
/** A ring's box is this close to square (a photo's ring is a slight ellipse). */
const ROUND_FROM = 0.75;
/** Of the angles round the ring, at least this share has ink on the ring's outer rim (print may cross the rest). */
const RING_CLOSED = 0.7;
/** The rim is this outer share of the radius. */
const RIM = 0.12;
/** Inside the rim at most this share of cells is ink (a filled red box, a photo's background, is no seal). */
const MOST_INSIDE_INK = 0.45;
/** The lettering band reaches this far in from the ring's inner edge (share of the radius). */
const BAND_DEPTH = 0.3;
/** Angular bins of the band's ink profile. */
const BINS = 360;
/** An empty run of this many degrees parts arcs of lettering (between characters the band is empty only a few degrees). */
const ARC_GAP = 14;
/** An arc is read when it spans this many degrees or more, and holds ink at this share of its angles or more. */
const SHORTEST_ARC = 40;
const LEAST_ARC_INK = 0.3;
/** The unrolled strip is this many px high (the recogniser's input is 48). */
const STRIP_HEIGHT = 48;
/** The strip runs this many degrees past the arc's ink at each end. */
const ARC_PAD = 10;
/** At most this many rings per page are read (the largest first). */
const MAX_RINGS = 2;
/** A seal's name: four Chinese characters or more. */
const LETTERING = /^[\u3400-\u9fff]{4,}$/u;
/** A reading is reported when at least this sure. */
export const SURE_SEAL_LETTERING = 0.85;

/** A seal's ring on the page: its centre and the semi-axes of its outer edge (px), and its box. */
export interface SealRing {
  cx: number;
  cy: number;
  rx: number;
  ry: number;
  bounds: PixelBounds;
  /** The ink's own strength: the chroma of the ring's strongest pixels (its 90th percentile). */
  inkChroma: number;
  /** The paper's luminance round the seal (the 90th percentile in its box) and the ink's (the darkest tenth of its coloured pixels). */
  paper: number;
  inkLuminance: number;
}

/** One arc of the band holding ink, in degrees clockwise from straight up (`from` < `to`, may pass 180). */
export interface LetteringArc {
  from: number;
  to: number;
  /** The share of the arc's angles where the band holds ink (a name's characters follow each other closely). */
  inked?: number;
}

/** Coloured pixels counted per tile of the page (conditioning's `colouredTiles`), to look for rings only near them. */
export interface ColouredTiles {
  counts: Uint16Array;
  across: number;
  /** The tiles' side (px). */
  tile: number;
}

function colouredTileCount(coloured: ColouredTiles): number {
  let n = 0;
  for (const count of coloured.counts) if (count > 0) n++;
  return n;
}

/** The tiles holding coloured ink and their neighbours (a faint seal's edge is coloured under conditioning's level). */
function nearColour(coloured: ColouredTiles): Uint8Array {
  const { counts, across } = coloured;
  const down = Math.ceil(counts.length / across);
  const near = new Uint8Array(counts.length);
  for (let t = 0; t < counts.length; t++) {
    if (counts[t] === 0) continue;
    const x = t % across;
    const y = (t / across) | 0;
    for (let dy = -1; dy <= 1; dy++) {
      for (let dx = -1; dx <= 1; dx++) {
        if (x + dx >= 0 && x + dx < across && y + dy >= 0 && y + dy < down) near[(y + dy) * across + x + dx] = 1;
      }
    }
  }
  return near;
}

/** A ring's lettering, read whole. */
export interface SealRingReading {
  ring: SealRing;
  reading: RecognisedText;
}

function chroma(data: Uint8Array, i: number): number {
  const r = data[i];
  const g = data[i + 1];
  const b = data[i + 2];
  return Math.max(r, g, b) - Math.min(r, g, b);
}

/**
 * The round seals on a page: marks of coloured ink that close a ring (ink on the rim at `RING_CLOSED` of the angles
 * round it, print allowed to cross it) around an interior mostly paper, at least `SMALLEST_RING` line heights across.
 * The ring is fitted as the axis-aligned ellipse of the mark's box (a photo's ring is slightly flattened). Empty on a
 * page without coloured ink (one sampling pass).
 *
 * @example
 * sealRingsOnPage(page, 40); // [{ cx: 1210, cy: 1830, rx: 158, ry: 160, … }]
 */
export function sealRingsOnPage(raster: Raster, lineHeight: number, coloured?: ColouredTiles): SealRing[] {
  const { data, width, height } = raster;
  const across = Math.ceil(width / CELL);
  const down = Math.ceil(height / CELL);
  const smallest = (SMALLEST_RING * lineHeight) / CELL;
  const near = coloured ? nearColour(coloured) : undefined;
  // A ring at least `smallest` cells across passes through about π × its diameter in tiles of coloured ink.
  if (coloured && colouredTileCount(coloured) < (Math.PI * smallest * CELL) / coloured.tile / 2) return [];
  const ink = new Uint8Array(across * down);
  const inked: number[] = [];
  for (let cy = 0; cy < down; cy++) {
    for (let cx = 0; cx < across; cx++) {
      if (coloured && near && !near[(((cy * CELL) / coloured.tile) | 0) * coloured.across + (((cx * CELL) / coloured.tile) | 0)]) continue;
      let hit = false;
      for (let y = cy * CELL; y < Math.min(height, cy * CELL + CELL) && !hit; y += 2) {
        for (let x = cx * CELL; x < Math.min(width, cx * CELL + CELL); x += 2) {
          if (chroma(data, (y * width + x) * 3) >= SEAL_CHROMA) {
            hit = true;
            break;
          }
        }
      }
      if (hit) {
        ink[cy * across + cx] = 1;
        inked.push(cy * across + cx);
      }
    }
  }
  if (inked.length < smallest * 3) return [];
  // Marks: coloured cells within `BRIDGE` cells of each other.
  const mark = new Int32Array(across * down).fill(-1);
  const rings: SealRing[] = [];
  let marks = 0;
  for (const start of inked) {
    if (mark[start] >= 0) continue;
    const members = [start];
    mark[start] = marks;
    let x0 = across;
    let y0 = down;
    let x1 = 0;
    let y1 = 0;
    for (let k = 0; k < members.length; k++) {
      const cell = members[k];
      const x = cell % across;
      const y = (cell / across) | 0;
      x0 = Math.min(x0, x);
      x1 = Math.max(x1, x);
      y0 = Math.min(y0, y);
      y1 = Math.max(y1, y);
      for (let dy = -BRIDGE; dy <= BRIDGE; dy++) {
        const ny = y + dy;
        if (ny < 0 || ny >= down) continue;
        for (let dx = -BRIDGE; dx <= BRIDGE; dx++) {
          const nx = x + dx;
          if (nx < 0 || nx >= across) continue;
          const next = ny * across + nx;
          if (ink[next] && mark[next] < 0) {
            mark[next] = marks;
            members.push(next);
          }
        }
      }
    }
    marks++;
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    if (Math.min(w, h) < smallest || Math.max(w, h) * CELL > LARGEST_RING * Math.min(width, height)) continue;
    if (Math.min(w, h) / Math.max(w, h) < ROUND_FROM) continue;
    if (!closesRing(ink, across, x0, y0, w, h)) continue;
    const bounds = { x0: x0 * CELL, y0: y0 * CELL, x1: Math.min(width, (x1 + 1) * CELL), y1: Math.min(height, (y1 + 1) * CELL) };
    rings.push({
      cx: (bounds.x0 + bounds.x1) / 2,
      cy: (bounds.y0 + bounds.y1) / 2,
      rx: (bounds.x1 - bounds.x0) / 2,
      ry: (bounds.y1 - bounds.y0) / 2,
      bounds,
      ...inkLevels(raster, bounds),
    });
  }
  return rings.sort((a, b) => b.rx * b.ry - a.rx * a.ry).slice(0, MAX_RINGS);
}

/** Whether a mark's cells close a ring round its box's ellipse and leave the inside mostly paper. */
function closesRing(ink: Uint8Array, across: number, x0: number, y0: number, w: number, h: number): boolean {
  const cx = x0 + w / 2;
  const cy = y0 + h / 2;
  const angles = 72;
  let closed = 0;
  for (let k = 0; k < angles; k++) {
    const t = (2 * Math.PI * k) / angles;
    let hit = false;
    for (let f = 1 - RIM; f <= 1 && !hit; f += 0.02) {
      const x = Math.floor(cx + Math.sin(t) * f * (w / 2 - 0.5));
      const y = Math.floor(cy - Math.cos(t) * f * (h / 2 - 0.5));
      if (ink[y * across + x]) hit = true;
    }
    if (hit) closed++;
  }
  if (closed < RING_CLOSED * angles) return false;
  let inside = 0;
  let inked = 0;
  for (let y = y0; y < y0 + h; y++) {
    for (let x = x0; x < x0 + w; x++) {
      const u = (x + 0.5 - cx) / (w / 2);
      const v = (y + 0.5 - cy) / (h / 2);
      if (u * u + v * v > (1 - RIM) * (1 - RIM)) continue;
      inside++;
      inked += ink[y * across + x];
    }
  }
  return inside > 0 && inked / inside <= MOST_INSIDE_INK;
}

function luminance(data: Uint8Array, i: number): number {
  return (data[i] * 77 + data[i + 1] * 150 + data[i + 2] * 29) >> 8;
}

/** The ink's strength and the paper's and ink's luminance in a seal's box (sampled every other pixel). */
function inkLevels(raster: Raster, bounds: PixelBounds): { inkChroma: number; paper: number; inkLuminance: number } {
  const chromas = new Uint32Array(256);
  const inkLight = new Uint32Array(256);
  const light = new Uint32Array(256);
  let inked = 0;
  let all = 0;
  for (let y = bounds.y0; y < bounds.y1; y += 2) {
    for (let x = bounds.x0; x < bounds.x1; x += 2) {
      const i = (y * raster.width + x) * 3;
      const c = chroma(raster.data, i);
      const l = luminance(raster.data, i);
      light[l]++;
      all++;
      if (c >= SEAL_CHROMA) {
        chromas[c]++;
        inkLight[l]++;
        inked++;
      }
    }
  }
  const paper = levelAtShare(light, all, 0.9);
  const inkLuminance = Math.min(paper - 24, levelAtShare(inkLight, inked, 0.1));
  return { inkChroma: Math.max(SEAL_CHROMA + 1, levelAtShare(chromas, inked, 0.9)), paper, inkLuminance };
}

/**
 * How dark a pixel is as the seal's ink (0 paper, 1 the ink at its darkest), bilinear: its darkness against the paper
 * where it is coloured, nothing where it is not (print crossing the seal). The shape comes from the luminance, at full
 * resolution; a photo's or a JPEG's colour is stored at half (4:2:0), so the chroma only says where the ink is.
 */
function sealInkAt(raster: Raster, ring: SealRing, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  if (x0 < 0 || y0 < 0 || x0 + 1 >= raster.width || y0 + 1 >= raster.height) return 0;
  const fx = x - x0;
  const fy = y - y0;
  const floor = SEAL_CHROMA / 3;
  const gateSpan = (ring.inkChroma - floor) / 2;
  const depth = ring.paper - ring.inkLuminance;
  const at = (px: number, py: number) => {
    const i = (py * raster.width + px) * 3;
    const gate = Math.min(1, Math.max(0, (chroma(raster.data, i) - floor) / gateSpan));
    return gate * Math.min(1, Math.max(0, (ring.paper - luminance(raster.data, i)) / depth));
  };
  return (at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx) * (1 - fy) + (at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx) * fy;
}

/** Where a point at `angle` degrees clockwise from straight up and `share` of the ring's radius lies on the page. */
function pointOnRing(ring: SealRing, angle: number, share: number): [number, number] {
  const t = (angle * Math.PI) / 180;
  return [ring.cx + Math.sin(t) * share * ring.rx, ring.cy - Math.cos(t) * share * ring.ry];
}

/**
 * The ring's inner edge as a share of its radius: going inwards from the rim, where the ink round the top half of the
 * ring falls under half the rim's. The lettering lies just inside it.
 */
function ringInnerEdge(raster: Raster, ring: SealRing): number {
  const density = (share: number) => {
    let sum = 0;
    for (let angle = -180; angle < 180; angle += 3) {
      const [x, y] = pointOnRing(ring, angle, share);
      sum += sealInkAt(raster, ring, x, y);
    }
    return sum / 120;
  };
  let peak = 0;
  let peakAt = 0.95;
  for (let share = 1; share >= 0.8; share -= 0.01) {
    const d = density(share);
    if (d > peak) {
      peak = d;
      peakAt = share;
    }
  }
  for (let share = peakAt; share >= 0.7; share -= 0.01) if (density(share) < peak / 2) return share;
  return 0.9;
}

/**
 * The arcs of the lettering band that may hold the lettering, in degrees clockwise from up: first all the ink but the
 * widest empty run (the ring's bottom), then the runs of ink between empty runs of at least `ARC_GAP` degrees (the
 * gap at the bottom, and beside digits along the bottom), widest first.
 *
 * @example
 * letteringArcs(page, ring, 0.6, 0.9)[0]; // { from: -128, to: 126 }
 */
export function letteringArcs(raster: Raster, ring: SealRing, inner: number, outer: number): LetteringArc[] {
  const profile = new Float32Array(BINS);
  for (let bin = 0; bin < BINS; bin++) {
    let sum = 0;
    for (let share = inner; share <= outer; share += 0.02) {
      const [x, y] = pointOnRing(ring, (bin * 360) / BINS - 180 + 0.5, share);
      sum += sealInkAt(raster, ring, x, y) > 0.35 ? 1 : 0;
    }
    profile[bin] = sum;
  }
  const inked = profile.map((v) => (v > 0 ? 1 : 0));
  if (!inked.some((v) => v === 0)) return [];
  // Runs of empty bins of at least ARC_GAP degrees, round the circle; the arcs are the ink between them.
  const gapBins = Math.round((ARC_GAP * BINS) / 360);
  const gaps: { start: number; length: number }[] = [];
  const first = inked.findIndex((v) => v === 1);
  if (first < 0) return [];
  let run = 0;
  for (let k = 1; k <= BINS; k++) {
    const bin = (first + k) % BINS;
    if (inked[bin] === 0) run++;
    else {
      if (run >= gapBins) gaps.push({ start: (bin - run + BINS) % BINS, length: run });
      run = 0;
    }
  }
  if (gaps.length === 0) return [];
  const arc = (fromBin: number, toBin: number): LetteringArc => {
    const end = toBin <= fromBin ? toBin + BINS : toBin;
    let held = 0;
    for (let bin = fromBin; bin < end; bin++) held += inked[bin % BINS];
    return { from: (fromBin * 360) / BINS - 180, to: (end * 360) / BINS - 180, inked: held / Math.max(1, end - fromBin) };
  };
  const runs = gaps.map((gap, k) => arc(gap.start + gap.length, gaps[(k + 1) % gaps.length].start)).sort((a, b) => b.to - b.from - (a.to - a.from));
  // All the ink but the widest gap (the ring's bottom): the lettering even where a character's faint or crossed
  // stretch parts it; then the widest run alone (the lettering without digits along the bottom).
  const widest = gaps.reduce((a, b) => (b.length > a.length ? b : a));
  const whole = arc(widest.start + widest.length, widest.start);
  return [whole, ...runs.filter((run) => run.from !== whole.from || run.to !== whole.to)];
}

/**
 * The band between `inner` and `outer` shares of the ring's radius, from `arc.from` to `arc.to` clockwise, unrolled
 * into a strip `STRIP_HEIGHT` px high: angle along x, the outer edge on top (a seal's characters stand with their tops
 * outwards, so they come out upright), the seal's ink dark on white and everything else (paper, print crossing the
 * seal) white.
 *
 * @example
 * unrolledBand(page, ring, { from: -128, to: 126 }, 0.6, 0.9); // { width: 760, height: 48, data }
 */
export function unrolledBand(raster: Raster, ring: SealRing, arc: LetteringArc, inner: number, outer: number): Raster {
  const radius = (ring.rx + ring.ry) / 2;
  const scale = STRIP_HEIGHT / ((outer - inner) * radius);
  const middle = (inner + outer) / 2;
  const width = Math.max(STRIP_HEIGHT, Math.round((((arc.to - arc.from) * Math.PI) / 180) * middle * radius * scale));
  const data = new Uint8Array(width * STRIP_HEIGHT * 3);
  for (let row = 0; row < STRIP_HEIGHT; row++) {
    const share = outer - ((row + 0.5) / STRIP_HEIGHT) * (outer - inner);
    for (let column = 0; column < width; column++) {
      const angle = arc.from + ((column + 0.5) / width) * (arc.to - arc.from);
      const [x, y] = pointOnRing(ring, angle, share);
      const value = 255 - Math.round(255 * sealInkAt(raster, ring, x, y));
      const i = (row * width + column) * 3;
      data[i] = data[i + 1] = data[i + 2] = value;
    }
  }
  return { data, width, height: STRIP_HEIGHT };
}

/**
 * The lettering of each round seal on the page, read whole (see the module comment): for each ring up to two arcs of
 * its band (`letteringArcs`: all the ink but the ring's bottom, then the widest run of ink, read only when the first
 * reading is not sure), each unrolled and read, the surer reading kept. Only readings of Chinese characters at least `SURE_SEAL_LETTERING` sure
 * are returned.
 *
 * @example
 * await sealRingReadings(models, page, 40); // [{ ring, reading: { text: '杭州卓越餐饮管理有限公司', confidence: 0.97, … } }]
 */
export async function sealRingReadings(
  models: Pick<PaddleModels, 'recognition' | 'alphabet'>,
  raster: Raster,
  lineHeight: number,
  recognition: RecognitionSettings,
  coloured?: ColouredTiles,
): Promise<SealRingReading[]> {
  const found: SealRingReading[] = [];
  for (const ring of sealRingsOnPage(raster, lineHeight, coloured)) {
    const outer = ringInnerEdge(raster, ring) - 0.01;
    const inner = outer - BAND_DEPTH;
    const arcs = letteringArcs(raster, ring, inner, outer).slice(0, 2);
    let best: RecognisedText | undefined;
    for (const arc of arcs) {
      // Lettering fills its arc closely; an arc holding little ink (the corners of a line inside the ring) is not read.
      if (arc.to - arc.from < SHORTEST_ARC || (arc.inked ?? 1) < LEAST_ARC_INK) continue;
      const strip = unrolledBand(raster, ring, { from: arc.from - ARC_PAD, to: arc.to + ARC_PAD }, inner, outer);
      const [reading] = await recogniseRegions(
        models.recognition,
        models.alphabet,
        strip,
        [{ cx: strip.width / 2, cy: strip.height / 2, width: strip.width, height: strip.height, angle: 0, score: 1 }],
        recognition,
      );
      if (reading && (!best || reading.confidence > best.confidence)) best = reading;
      // A sure reading of the first arc is the lettering: the other is read only when it is not.
      if (best && best.confidence >= SURE_SEAL_LETTERING && LETTERING.test(best.text.trim())) break;
    }
    if (best && best.confidence >= SURE_SEAL_LETTERING && LETTERING.test(best.text.trim())) found.push({ ring, reading: best });
  }
  return found;
}
