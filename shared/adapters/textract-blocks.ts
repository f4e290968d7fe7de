import type { Block, Point } from '@aws-sdk/client-textract';
import type { OcrLine, OcrPage } from '../documents/ocr-page.js';

/** Pixel size of a page image; Textract gives geometry as ratios of the page, so the caller says what 1.0 is. */
export interface PagePixels {
  width: number;
  height: number;
}

type Rotation = OcrPage['rotation'];

/**
 * Maps Textract Blocks (PAGE / LINE / WORD, from DetectDocumentText or GetDocumentTextDetection) into one `OcrPage`
 * per page: lines in Textract's reading order with their words; confidence 0–100 → 0–1; ratios → pixels of the
 * page image. Textract does not turn pages; it reports text where it stands, so the page's turn is inferred from the
 * direction of the lines (their polygons run from the first to the last character) and boxes are re-expressed in
 * the upright page, as the `OcrPage` contract asks.
 *
 * @example
 * const pages = textractBlocksToPages(response.Blocks ?? [], () => ({ width: 1654, height: 2339 }));
 */
export function textractBlocksToPages(blocks: Block[], pixelsOf: (pageNumber: number) => PagePixels): OcrPage[] {
  const byId = new Map(blocks.filter((block) => block.Id).map((block) => [block.Id!, block]));
  const pageNumbers = [...new Set(blocks.filter((b) => b.BlockType === 'PAGE').map((b) => b.Page ?? 1))].sort((a, b) => a - b);
  return pageNumbers.map((pageNumber) => {
    const lineBlocks = blocks.filter((block) => block.BlockType === 'LINE' && (block.Page ?? 1) === pageNumber);
    const rotation = inferRotation(lineBlocks);
    const stored = pixelsOf(pageNumber);
    const upright = rotation === 90 || rotation === 270 ? { width: stored.height, height: stored.width } : stored;
    const lines: OcrLine[] = lineBlocks.map((line) => {
      const words = childIds(line)
        .map((id) => byId.get(id))
        .filter((block): block is Block => block?.BlockType === 'WORD')
        .map((word) => ({
          text: word.Text ?? '',
          confidence: ratio(word.Confidence),
          box: pixelBox(word, rotation, upright),
        }));
      return {
        text: line.Text ?? '',
        confidence: ratio(line.Confidence),
        box: pixelBox(line, rotation, upright),
        ...(words.length > 0 ? { words } : {}),
      };
    });
    return { pageNumber, width: upright.width, height: upright.height, rotation, source: 'textract', lines };
  });
}

function childIds(block: Block): string[] {
  return (block.Relationships ?? []).filter((r) => r.Type === 'CHILD').flatMap((r) => r.Ids ?? []);
}

function ratio(confidence: number | undefined): number {
  return Math.min(1, Math.max(0, (confidence ?? 0) / 100));
}

function corners(block: Block): Point[] {
  const polygon = block.Geometry?.Polygon;
  if (polygon && polygon.length >= 4) return polygon;
  const box = block.Geometry?.BoundingBox ?? {};
  const left = box.Left ?? 0;
  const top = box.Top ?? 0;
  const right = left + (box.Width ?? 0);
  const bottom = top + (box.Height ?? 0);
  return [
    { X: left, Y: top },
    { X: right, Y: top },
    { X: right, Y: bottom },
    { X: left, Y: bottom },
  ];
}

/**
 * The clockwise turn that makes the page upright, from the length-weighted direction of its lines: text running
 * down the stored page (+90° in image coordinates) needs 270°, text running up needs 90°, right-to-left needs 180°.
 */
function inferRotation(lines: Block[]): Rotation {
  let dx = 0;
  let dy = 0;
  for (const line of lines) {
    const polygon = line.Geometry?.Polygon;
    if (!polygon || polygon.length < 2) continue;
    dx += (polygon[1].X ?? 0) - (polygon[0].X ?? 0);
    dy += (polygon[1].Y ?? 0) - (polygon[0].Y ?? 0);
  }
  if (dx === 0 && dy === 0) return 0;
  const degrees = (Math.atan2(dy, dx) * 180) / Math.PI;
  if (degrees > -45 && degrees <= 45) return 0;
  if (degrees > 45 && degrees <= 135) return 270;
  if (degrees < -45 && degrees >= -135) return 90;
  return 180;
}

/** A point given as ratios of the stored page, re-expressed as ratios of the page turned `rotation`° clockwise. */
function turn(point: Point, rotation: Rotation): [number, number] {
  const x = point.X ?? 0;
  const y = point.Y ?? 0;
  switch (rotation) {
    case 90:
      return [1 - y, x];
    case 180:
      return [1 - x, 1 - y];
    case 270:
      return [y, 1 - x];
    default:
      return [x, y];
  }
}

function pixelBox(block: Block, rotation: Rotation, page: PagePixels): OcrLine['box'] {
  const points = corners(block).map((point) => turn(point, rotation));
  const xs = points.map(([x]) => Math.min(1, Math.max(0, x)) * page.width);
  const ys = points.map(([, y]) => Math.min(1, Math.max(0, y)) * page.height);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x: round2(x), y: round2(y), width: round2(Math.max(...xs) - x), height: round2(Math.max(...ys) - y) };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}
