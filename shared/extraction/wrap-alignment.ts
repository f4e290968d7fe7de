import { LABEL_PREFIXES } from './labels.js';
import type { LayoutLine } from './page-layout.js';
import { centreX, centreY, right } from './line-geometry.js';

/**
 * A wrapped line centred under the value above it (a value set in a centred cell or an inline block: `单位名称：杭州云栖
 * 电子商务健` | `康服务有限公司` two heights in): its centre is on the centre of the value's own text, the part of the
 * box after its label, not of the whole box. Estimates of where the value starts are a character off either way, so
 * the centres may differ by a line height and a half; the line is no wider than the value it continues.
 */
export function centredUnderValue(line: LayoutLine, valueStart: number, valueEnd: number, h: number, lines: readonly LayoutLine[] = []): boolean {
  if (!insideValueSpan(line, valueStart, valueEnd, h, lines)) return false;
  const centre = line.box.x + line.box.width / 2;
  return Math.abs(centre - (valueStart + valueEnd) / 2) < h * 1.5;
}

/**
 * A line set inside a value's span under it, alone on its row, no wider than the value (`名称:杭州新锐建筑工程人` |
 * `力资源服务有限公司` two characters in, where the values of the form are set on a tab stop right of where the label's
 * box puts the value's start): where it starts in the span says nothing against its being the value's next line.
 */
export function insideValueSpan(line: LayoutLine, valueStart: number, valueEnd: number, h: number, lines: readonly LayoutLine[] = []): boolean {
  // An English gloss under a value (`Operator` of the next column's `经营者`) is a label's, never a wrapped line.
  if (/^[A-Za-z][A-Za-z .'&/:-]*$/.test(line.text.trim())) return false;
  const width = valueEnd - valueStart;
  if (width <= 0 || line.box.width > width + h * 0.5) return false;
  // Well inside the value's span: a line reaching back under the label or out past the value is another block's.
  if (line.box.x < valueStart - h * 0.5 || right(line) > valueEnd + h * 0.5) return false;
  // Alone on its row: a piece with neighbours a few characters off (`2027` `年6` `月` `30` `日`, a date spread under the
  // value) belongs to a row of its own.
  const crowded = lines.some(
    (o) =>
      o !== line && o.half === line.half && Math.abs(centreY(o) - centreY(line)) < h * 0.6 && o.box.x < right(line) + h * 3 && right(o) > line.box.x - h * 3,
  );
  return !crowded;
}

/**
 * True when `text` (a line's text before any label) opens by closing a bracket that `from`, the line it would go on
 * from, left unopened (`工）` at the margin after `企业人力资源管理师`): the tail of another value wrapped inside its
 * brackets (`四级（中级` | `工）` in the cell left of it), never where `from`'s prose goes on.
 */
export function closesBracketNotOpenedIn(text: string, from: string): boolean {
  const close = text.search(/[)）]/u);
  if (close < 0 || /[(（]/u.test(text.slice(0, close))) return false;
  const opened = (from.match(/[(（]/gu) ?? []).length;
  const closed = (from.match(/[)）]/gu) ?? []).length;
  return opened <= closed;
}

/**
 * True when `line`, set off the margin, is the wrapped line of another value: flush under a line of a row at or
 * below `from`'s top (not `from` itself), within a row's pitch (`浙江省…文三路296号` | `文新智谷产业园…607室` under an address
 * that shares the row where a name `韩飞` ends at the text's edge). Run-on prose does not go on there: the name's
 * last character is at the margin of the row after (`思` | `；居民身份证号码：`).
 */
export function wrapOfOtherValue(lines: readonly LayoutLine[], line: LayoutLine, from: LayoutLine, h: number): boolean {
  return lines.some(
    (o) =>
      o !== line &&
      o !== from &&
      o.half === line.half &&
      o.box.y >= from.box.y - h * 0.35 &&
      o.box.y + o.box.height <= line.box.y + h * 0.35 &&
      // Prose spaces its rows wider than a cell wraps: up to a row's pitch.
      line.box.y - (o.box.y + o.box.height) < h * 1.5 &&
      Math.abs(o.box.x - line.box.x) < h * 0.5 &&
      o.hits.length === 0 &&
      o.box.height / line.box.height > 0.6 &&
      o.box.height / line.box.height < 1.65,
  );
}

/**
 * True when `owner`, a label taken to wait for `line` on its row, already has a value of its own between them, a
 * little off its row (a bilingual grid centres each value between the label and its gloss: `注册日期` | `2005年11月15日`
 * half a line lower): `line` is then no value of `owner`'s but, say, the first line of the next column's value,
 * centred on that column's label over three lines.
 */
export function ownerValuedBefore(lines: readonly LayoutLine[], owner: LayoutLine, line: LayoutLine): boolean {
  const h = Math.max(owner.box.height, line.box.height);
  return lines.some(
    (o) =>
      o !== owner &&
      o !== line &&
      o.half === owner.half &&
      o.hits.length === 0 &&
      o.leading !== '' &&
      o.box.x >= right(owner) - h * 0.5 &&
      right(o) <= line.box.x + h * 0.5 &&
      Math.abs(centreY(o) - centreY(owner)) < h &&
      o.box.height / owner.box.height > 0.6 &&
      o.box.height / owner.box.height < 1.65,
  );
}

/**
 * True when the next box on `line`'s row, a few characters on, opens with a whole label (`文` | `；身份证号码：`): a
 * lone character before it starts no spread label (`性` | `别`), it ends the value run on from the row above.
 */
export function labelFollows(lines: readonly LayoutLine[], line: LayoutLine): boolean {
  const h = line.box.height;
  const next = lines
    .filter((o) => o !== line && o.half === line.half && o.box.x >= right(line) - h * 0.3 && Math.abs(centreY(o) - centreY(line)) < h * 0.6)
    .sort((a, b) => a.box.x - b.box.x)[0];
  if (!next || next.box.x - right(line) > h * 4) return false;
  return next.hits.length > 0 && next.leading === '' && !next.hits[0].fuzzy;
}

/**
 * One Chinese character boxed alone right after `line` on its row, closer than half a character (`欧阳琪` | `华` on a
 * photo): the last character of the value the engine split off. Not the first character of a spread label (`性` |
 * `别：`), unless a whole label follows it.
 */
export function loneCharacterRightAfter(lines: readonly LayoutLine[], line: LayoutLine): LayoutLine | undefined {
  const h = line.box.height;
  const next = lines
    .filter((o) => o !== line && o.half === line.half && o.box.x >= right(line) - h * 0.3 && Math.abs(centreY(o) - centreY(line)) < h * 0.5)
    .sort((a, b) => a.box.x - b.box.x)[0];
  if (!next || next.box.x - right(line) > h * 0.5 || !/^[\u3400-\u9fff]$/.test(next.flat) || next.hits.length > 0) return undefined;
  if (LABEL_PREFIXES.has(next.flat) && !labelFollows(lines, next)) return undefined;
  // A seal's lettering ends near a value too (`…应急管理厅` | `厅` of the ring): a lone character among three others.
  const ring = lines.filter(
    (o) => o !== next && /^[\u3400-\u9fff]$/.test(o.flat) && Math.hypot(centreX(o) - centreX(next), centreY(o) - centreY(next)) < next.box.height * 4,
  );
  return ring.length >= 3 ? undefined : next;
}

/**
 * True when a value's last wrapped line may as well open the value under it: the value's first line is set off its own
 * label's row (a fill-in printed up or down), and the next value's first line, which the wrap stopped at, stands flush
 * under that last line at the value's own wrap pitch and opens with a character. The lines then run as one column from the value into the next (`西湖龙井炒制`
 * 21 px over `专项能力名称`, `杭州市职业能` | `力建设指导服` | `务中心` centred on `发证单位`): both splits fit the
 * labels, so where the value ends is a guess the clerk confirms. A value level with its label anchors the split.
 *
 * @example
 * wrapMayOpenNextValue(first, [wrap], rejected, label, 33); // true when `wrap` could head `rejected`'s value
 */
export function wrapMayOpenNextValue(
  first: LayoutLine,
  wraps: readonly LayoutLine[],
  next: LayoutLine | undefined,
  ownLabel: LayoutLine | undefined,
  h: number,
): boolean {
  const last = wraps[wraps.length - 1];
  if (!last || !next || !ownLabel) return false;
  const offRow = Math.abs(centreY(first) - centreY(ownLabel)) > h * 0.4;
  // The pitch the value wrapped at, from its first line to its first wrap: the next value's line follows at it.
  const above = wraps.length > 1 ? wraps[wraps.length - 2] : first;
  const pitch = last.box.y - (above.box.y + above.box.height);
  const gap = next.box.y - (last.box.y + last.box.height);
  // Text that could open a name (a date or a number never heads the value above's last line).
  const opensName = /^[\u3400-\u9fff]/u.test(next.flat);
  return offRow && opensName && Math.abs(next.box.x - last.box.x) < h * 0.5 && Math.abs(gap - pitch) < h * 0.25;
}
