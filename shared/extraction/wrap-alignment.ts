import type { LayoutLine } from './page-layout.js';

const right = (l: LayoutLine): number => l.box.x + l.box.width;

/**
 * A wrapped line centred under the value above it (a value set in a centred cell or an inline block: `单位名称：杭州云栖
 * 电子商务健` | `康服务有限公司` two heights in): its centre is on the centre of the value's own text, the part of the
 * box after its label, not of the whole box. Estimates of where the value starts are a character off either way, so
 * the centres may differ by a line height and a half; the line is no wider than the value it continues.
 */
export function centredUnderValue(line: LayoutLine, valueStart: number, valueEnd: number, h: number, lines: readonly LayoutLine[] = []): boolean {
  const width = valueEnd - valueStart;
  if (width <= 0 || line.box.width > width + h * 0.5) return false;
  // Well inside the value's span: a line reaching back under the label or out past the value is another block's.
  if (line.box.x < valueStart - h * 0.5 || right(line) > valueEnd + h * 0.5) return false;
  // Alone on its row: a piece with neighbours a few characters off (`2027` `年6` `月` `30` `日`, a date spread under the
  // value) belongs to a row of its own.
  const cy = (l: LayoutLine) => l.box.y + l.box.height / 2;
  const crowded = lines.some(
    (o) => o !== line && o.half === line.half && Math.abs(cy(o) - cy(line)) < h * 0.6 && o.box.x < right(line) + h * 3 && right(o) > line.box.x - h * 3,
  );
  if (crowded) return false;
  const centre = line.box.x + line.box.width / 2;
  return Math.abs(centre - (valueStart + valueEnd) / 2) < h * 1.5;
}
