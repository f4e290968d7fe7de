/**
 * A page photographed on a desk, found and straightened: its four edges against the background, and the page warped
 * to an upright rectangle through the homography of its corners (issue 12, class 8: perspective). Pure pixels in,
 * pixels out (no sharp: it has no perspective warp). The image paths (`imagePageRasters`, `normaliseForOcr`) apply it,
 * when asked (`straightenPhotos`, off by default: docs/ocr.md), to the very pixels OCR reads and the page preview is
 * made from, so boxes are in the straightened page's pixels.
 */

/** Decoded pixels, 3 channels (RGB), row-major: the shape of `shared/ocr`'s `Raster`. */
export interface RgbPixels {
  data: Uint8Array;
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** A page found in a photo: its corners in the photo's pixels, clockwise from the top left. */
export interface PageQuad {
  corners: readonly [topLeft: Point, topRight: Point, bottomRight: Point, bottomLeft: Point];
  /** Which of the page's edges were seen against the background (a missing one is the photo's own border). */
  edgesFound: { top: boolean; right: boolean; bottom: boolean; left: boolean };
  /** Size of the upright page the quad is warped to. */
  width: number;
  height: number;
}

/** Long side (px) of the grey thumbnail the edges are looked for on. */
const THUMB_LONG_SIDE = 480;
/** A page edge is a rise in grey of at least this much (0–255) from the background to the paper. */
const MIN_EDGE_STEP = 24;
/** Rows (columns) scanned for an edge: this share of the side's span, in the middle (corners are left out). */
const SCAN_SPAN = [0.12, 0.88] as const;
/** How far in from the border (share of the width or height) an edge is looked for. */
const SCAN_DEPTH = 0.42;
/** A side is found when this share of its scanned lines has an edge point on one straight line (within 1.5 px). */
const MIN_INLIER_SHARE = 0.55;
/** A quad covering more of the photo than this is the frame itself (a scan or a crop): left as it is. */
const MAX_AREA_SHARE = 0.94;
/** A quad covering less than this is not a page held up to the camera (a card on a table, a stray rectangle). */
const MIN_AREA_SHARE = 0.18;
/** A side counts as inset (background beyond it) when it lies at least this share of the photo in from the border. */
const MIN_INSET = 0.015;

/**
 * The page's quad in a phone photo, when the photo's own pixels show one: at least three of the page's edges rise
 * from a darker background along straight lines, the quad is convex with corners of 55–125°, it covers 18–94 % of
 * the photo, and at least two edges lie inside the frame. Scans, digital pages and crops (paper to the border, or a
 * quad that is the frame) give `undefined`.
 *
 * @example
 * const quad = findPageQuad(raster); // undefined for a scan
 */
export function findPageQuad(pixels: RgbPixels): PageQuad | undefined {
  const thumb = greyThumbnail(pixels);
  const { width: w, height: h, scale } = thumb;
  const left = fitSide(thumb, 'left');
  const right = fitSide(thumb, 'right');
  const top = fitSide(thumb, 'top');
  const bottom = fitSide(thumb, 'bottom');
  const found = { top: top !== undefined, right: right !== undefined, bottom: bottom !== undefined, left: left !== undefined };
  if (Object.values(found).filter(Boolean).length < 3) return undefined;
  // A missing side is the photo's border: x = a·y + b for left/right, y = a·x + b for top/bottom.
  const L = left ?? { a: 0, b: 0 };
  const R = right ?? { a: 0, b: w - 1 };
  const T = top ?? { a: 0, b: 0 };
  const B = bottom ?? { a: 0, b: h - 1 };
  const thumbCorners = [meet(L, T), meet(R, T), meet(R, B), meet(L, B)];
  if (thumbCorners.some((c) => c === undefined)) return undefined;
  const corners = (thumbCorners as Point[]).map((c) => ({ x: clamp((c.x + 0.5) * scale, 0, pixels.width), y: clamp((c.y + 0.5) * scale, 0, pixels.height) }));
  const insets = [
    found.left && L.b + L.a * (h / 2) >= MIN_INSET * w,
    found.right && w - 1 - (R.b + R.a * (h / 2)) >= MIN_INSET * w,
    found.top && T.b + T.a * (w / 2) >= MIN_INSET * h,
    found.bottom && h - 1 - (B.b + B.a * (w / 2)) >= MIN_INSET * h,
  ].filter(Boolean).length;
  if (insets < 2) return undefined;
  const areaShare = polygonArea(corners) / (pixels.width * pixels.height);
  if (areaShare < MIN_AREA_SHARE || areaShare > MAX_AREA_SHARE) return undefined;
  if (!isConvexWithSaneAngles(corners)) return undefined;
  const [tl, tr, br, bl] = corners;
  let width = Math.max(distance(tl, tr), distance(bl, br));
  let height = Math.max(distance(tl, bl), distance(tr, br));
  const aspect = width / height;
  if (aspect < 0.4 || aspect > 2.5) return undefined;
  // Never larger than the photo's own long side: the page is read at the resolution it was photographed at.
  const cap = Math.max(pixels.width, pixels.height) / Math.max(width, height);
  if (cap < 1) {
    width *= cap;
    height *= cap;
  }
  return { corners: [tl, tr, br, bl], edgesFound: found, width: Math.round(width), height: Math.round(height) };
}

/**
 * The quad's content as an upright `quad.width` × `quad.height` image: each output pixel is taken (bilinear) from
 * where the homography of the quad's corners puts it in the photo.
 *
 * @example
 * const page = warpPageQuad(raster, quad);
 */
export function warpPageQuad(pixels: RgbPixels, quad: PageQuad): RgbPixels {
  const { width, height } = quad;
  const h = homography(
    [
      { x: 0, y: 0 },
      { x: width, y: 0 },
      { x: width, y: height },
      { x: 0, y: height },
    ],
    quad.corners,
  );
  const out = new Uint8Array(width * height * 3);
  const src = pixels.data;
  const sw = pixels.width;
  const maxX = pixels.width - 1;
  const maxY = pixels.height - 1;
  const rowBytes = sw * 3;
  let o = 0;
  for (let v = 0; v < height; v++) {
    const vc = v + 0.5;
    // Numerators and denominator are linear in u: stepped along the row.
    let nx = h[0] * 0.5 + h[1] * vc + h[2];
    let ny = h[3] * 0.5 + h[4] * vc + h[5];
    let d = h[6] * 0.5 + h[7] * vc + 1;
    for (let u = 0; u < width; u++) {
      const x = Math.min(maxX, Math.max(0, nx / d - 0.5));
      const y = Math.min(maxY, Math.max(0, ny / d - 0.5));
      const x0 = x | 0;
      const y0 = y | 0;
      const fx = x - x0;
      const fy = y - y0;
      const i00 = (y0 * sw + x0) * 3;
      const i01 = x0 < maxX ? i00 + 3 : i00;
      const i10 = y0 < maxY ? i00 + rowBytes : i00;
      const i11 = x0 < maxX ? i10 + 3 : i10;
      const w00 = (1 - fx) * (1 - fy);
      const w01 = fx * (1 - fy);
      const w10 = (1 - fx) * fy;
      const w11 = fx * fy;
      out[o] = src[i00] * w00 + src[i01] * w01 + src[i10] * w10 + src[i11] * w11 + 0.5;
      out[o + 1] = src[i00 + 1] * w00 + src[i01 + 1] * w01 + src[i10 + 1] * w10 + src[i11 + 1] * w11 + 0.5;
      out[o + 2] = src[i00 + 2] * w00 + src[i01 + 2] * w01 + src[i10 + 2] * w10 + src[i11 + 2] * w11 + 0.5;
      o += 3;
      nx += h[0];
      ny += h[3];
      d += h[6];
    }
  }
  return { data: out, width, height };
}

/**
 * The photographed page straightened when the photo shows one (`findPageQuad`), else the same object, untouched.
 *
 * @example
 * const { pixels, quad } = straightenPhotographedPage(raster);
 */
export function straightenPhotographedPage<P extends RgbPixels>(pixels: P): { pixels: P | RgbPixels; quad?: PageQuad } {
  const quad = findPageQuad(pixels);
  if (!quad) return { pixels };
  return { pixels: warpPageQuad(pixels, quad), quad };
}

/**
 * The 3×3 homography (h[8] = 1, as 8 numbers) taking each `from` point to the matching `to` point.
 *
 * @example
 * const h = homography(rectangleCorners, photoCorners);
 */
export function homography(from: readonly Point[], to: readonly Point[]): number[] {
  const a: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const { x, y } = from[i];
    const { x: X, y: Y } = to[i];
    a.push([x, y, 1, 0, 0, 0, -x * X, -y * X, X]);
    a.push([0, 0, 0, x, y, 1, -x * Y, -y * Y, Y]);
  }
  // Gaussian elimination with partial pivoting on the 8 × 9 augmented matrix.
  for (let col = 0; col < 8; col++) {
    let pivot = col;
    for (let row = col + 1; row < 8; row++) if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) pivot = row;
    [a[col], a[pivot]] = [a[pivot], a[col]];
    for (let row = 0; row < 8; row++) {
      if (row === col) continue;
      const f = a[row][col] / a[col][col];
      for (let k = col; k < 9; k++) a[row][k] -= f * a[col][k];
    }
  }
  return a.map((row, i) => row[8] / row[i]);
}

/**
 * Where the homography `h` (from `homography`) takes a point.
 *
 * @example
 * applyHomography(h, { x: 0, y: 0 }); // the photo's top-left corner of the page
 */
export function applyHomography(h: readonly number[], p: Point): Point {
  const d = h[6] * p.x + h[7] * p.y + 1;
  return { x: (h[0] * p.x + h[1] * p.y + h[2]) / d, y: (h[3] * p.x + h[4] * p.y + h[5]) / d };
}

interface Thumbnail {
  grey: Float32Array;
  width: number;
  height: number;
  /** Photo pixels per thumbnail pixel. */
  scale: number;
}

/** Block means of the luminance, long side about `THUMB_LONG_SIDE` (every other pixel of a block is sampled). */
function greyThumbnail(pixels: RgbPixels): Thumbnail {
  const scale = Math.max(1, Math.ceil(Math.max(pixels.width, pixels.height) / THUMB_LONG_SIDE));
  const width = Math.floor(pixels.width / scale);
  const height = Math.floor(pixels.height / scale);
  const grey = new Float32Array(width * height);
  const step = scale >= 4 ? 2 : 1;
  const { data } = pixels;
  for (let ty = 0; ty < height; ty++) {
    for (let tx = 0; tx < width; tx++) {
      let sum = 0;
      let n = 0;
      for (let y = ty * scale; y < (ty + 1) * scale; y += step) {
        let i = (y * pixels.width + tx * scale) * 3;
        for (let x = 0; x < scale; x += step, i += 3 * step) {
          sum += 0.299 * data[i] + 0.587 * data[i + 1] + 0.114 * data[i + 2];
          n++;
        }
      }
      grey[ty * width + tx] = sum / n;
    }
  }
  return { grey, width, height, scale };
}

type Side = 'left' | 'right' | 'top' | 'bottom';

/** A side's line: across = a · along + b (x of y for left/right, y of x for top/bottom), in thumbnail pixels. */
interface SideLine {
  a: number;
  b: number;
}

/**
 * The straight line of one page edge: along each scanned row (column), the first rise from background to paper coming
 * in from that border, then the line through most of those points (RANSAC, seeded: the same photo gives the same
 * line), refitted by least squares on its inliers.
 */
function fitSide(thumb: Thumbnail, side: Side): SideLine | undefined {
  const horizontal = side === 'left' || side === 'right';
  const alongLength = horizontal ? thumb.height : thumb.width;
  const acrossLength = horizontal ? thumb.width : thumb.height;
  const at = (along: number, across: number) => (horizontal ? thumb.grey[along * thumb.width + across] : thumb.grey[across * thumb.width + along]);
  const fromEnd = side === 'right' || side === 'bottom';
  const depth = Math.floor(acrossLength * SCAN_DEPTH);
  const points: Point[] = [];
  const start = Math.floor(alongLength * SCAN_SPAN[0]);
  const end = Math.ceil(alongLength * SCAN_SPAN[1]);
  for (let along = start; along < end; along++) {
    // g(k): grey k pixels in from the border.
    const g = (k: number) => at(along, fromEnd ? acrossLength - 1 - k : k);
    let edge = -1;
    for (let k = 3; k < depth - 3; k++) {
      const rise = g(k + 2) - g(k - 2);
      if (rise < MIN_EDGE_STEP) continue;
      // The paper stays lighter than the background a few pixels on (not a thin light line on the desk).
      if (g(k + 3) - g(k - 3) < MIN_EDGE_STEP) continue;
      // And the whole way in from the border was background, darker than the paper: a ruled frame or a dark line
      // printed on a page that fills the photo rises from white margin, not from a desk.
      const paper = g(k + 3);
      let lit = 0;
      for (let j = 0; j <= k - 3; j++) if (g(j) > paper - MIN_EDGE_STEP) lit++;
      if (lit > 0.1 * (k - 2)) continue;
      // Walk to the steepest point of the rise.
      let best = k;
      for (let j = k + 1; j <= k + 3 && j < depth - 2; j++) if (g(j + 1) - g(j - 1) > g(best + 1) - g(best - 1)) best = j;
      edge = best;
      break;
    }
    if (edge < 0) continue;
    points.push({ x: along, y: fromEnd ? acrossLength - 1 - edge : edge });
  }
  const scanned = end - start;
  if (points.length < scanned * MIN_INLIER_SHARE) return undefined;
  let best: SideLine | undefined;
  let bestCount = 0;
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x80000000;
  };
  for (let iteration = 0; iteration < 150; iteration++) {
    const p = points[Math.floor(random() * points.length)];
    const q = points[Math.floor(random() * points.length)];
    if (Math.abs(q.x - p.x) < scanned / 4) continue;
    const a = (q.y - p.y) / (q.x - p.x);
    if (Math.abs(a) > 0.35) continue;
    const b = p.y - a * p.x;
    const count = points.filter((r) => Math.abs(a * r.x + b - r.y) <= 1.5).length;
    if (count > bestCount) {
      bestCount = count;
      best = { a, b };
    }
  }
  if (!best || bestCount < scanned * MIN_INLIER_SHARE) return undefined;
  const line = best;
  const inliers = points.filter((r) => Math.abs(line.a * r.x + line.b - r.y) <= 1.5);
  return leastSquares(inliers) ?? best;
}

function leastSquares(points: readonly Point[]): SideLine | undefined {
  const n = points.length;
  let sx = 0;
  let sy = 0;
  let sxx = 0;
  let sxy = 0;
  for (const p of points) {
    sx += p.x;
    sy += p.y;
    sxx += p.x * p.x;
    sxy += p.x * p.y;
  }
  const den = n * sxx - sx * sx;
  if (Math.abs(den) < 1e-9) return undefined;
  const a = (n * sxy - sx * sy) / den;
  return { a, b: (sy - a * sx) / n };
}

/** Where a left/right line (x = a·y + b) meets a top/bottom line (y = c·x + d). */
function meet(vertical: SideLine, horizontal: SideLine): Point | undefined {
  const den = 1 - vertical.a * horizontal.a;
  if (Math.abs(den) < 1e-6) return undefined;
  const x = (vertical.a * horizontal.b + vertical.b) / den;
  return { x, y: horizontal.a * x + horizontal.b };
}

function isConvexWithSaneAngles(corners: readonly Point[]): boolean {
  for (let i = 0; i < 4; i++) {
    const prev = corners[(i + 3) % 4];
    const p = corners[i];
    const next = corners[(i + 1) % 4];
    const ax = prev.x - p.x;
    const ay = prev.y - p.y;
    const bx = next.x - p.x;
    const by = next.y - p.y;
    // Clockwise in image coordinates (y down): the cross product of (next − p) × (prev − p) is positive.
    if (bx * ay - by * ax <= 0) return false;
    const angle = (Math.acos((ax * bx + ay * by) / (Math.hypot(ax, ay) * Math.hypot(bx, by))) * 180) / Math.PI;
    if (angle < 55 || angle > 125) return false;
  }
  return true;
}

function polygonArea(corners: readonly Point[]): number {
  let twice = 0;
  for (let i = 0; i < corners.length; i++) {
    const p = corners[i];
    const q = corners[(i + 1) % corners.length];
    twice += p.x * q.y - q.x * p.y;
  }
  return Math.abs(twice) / 2;
}

function distance(p: Point, q: Point): number {
  return Math.hypot(q.x - p.x, q.y - p.y);
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}
