import { mergeLines } from './continuation.js';
import type { LayoutLine, PageLayout } from './page-layout.js';

/**
 * How an issuer printed at a certificate's foot comes apart on scans and photos (issue 12 class 5, seals over values):
 * its seal's ring lettering read as a line of its own (`程股份有限公司`, squeezed on the ring), the name broken into
 * boxes along its row where the seal's red hid characters (`杭州市西湖区人` | `资源和社会保障局`), or the name
 * wrapped under itself (`杭州华创建筑工程` | `股份有限公司`). These say which lines are the name's.
 */

const CJK_CHAR = /[\u3400-\u9fff]/gu;

/**
 * Width a line gives each character as the engine read it (a Chinese or full-width character counts one, any other
 * half), over two such characters or more.
 */
function pitch(line: LayoutLine): number | undefined {
  const raw = line.raw.replace(/\s+/g, '');
  const wide = (raw.match(/[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/gu) ?? []).length;
  const units = wide + (raw.length - wide) * 0.5;
  return units >= 2 ? line.original.width / units : undefined;
}

/**
 * True when the line's characters are set at under 60 % of the width the page's printed lines give theirs (the median
 * over its lines): a seal's ring lettering, small round the ring and boxed as a straight line,
 * never a printed name. Box heights say nothing here: a seal's red swells the box of the line it lies on.
 *
 * @example
 * squeezedLettering(layout, line('程股份有限公司')); // true (19.6 px a character where the page prints 38)
 */
export function squeezedLettering(layout: PageLayout, line: LayoutLine): boolean {
  if ((line.flat.match(CJK_CHAR) ?? []).length < 3) return false;
  const own = pitch(line);
  if (own === undefined) return false;
  const all = layout.lines
    .map(pitch)
    .filter((p): p is number => p !== undefined)
    .sort((a, b) => a - b);
  return all.length >= 5 && own < all[Math.floor(all.length / 2)] * 0.6;
}

const centreY = (l: LayoutLine) => l.box.y + l.box.height / 2;
const right = (l: LayoutLine) => l.box.x + l.box.width;

/**
 * The boxes before `line` on its row that the same name was broken into: each ends within four line heights of the
 * next, carries no label and is printed text (not ring lettering). Left to right, `line` excluded; with the number of
 * characters the gaps between them could hold, which a seal may have hidden.
 *
 * @example
 * piecesBefore(layout, line('资源和社会保障局')); // { pieces: [line('杭州市西湖区人')], hidden: 1 }
 */
export function piecesBefore(layout: PageLayout, line: LayoutLine): { pieces: LayoutLine[]; hidden: number } {
  const pieces: LayoutLine[] = [];
  let hidden = 0;
  let next = line;
  for (;;) {
    const h = Math.max(next.box.height, layout.medianLineHeight);
    const before = layout.lines
      .filter(
        (o) =>
          o !== next &&
          !pieces.includes(o) &&
          o.half === line.half &&
          o.hits.length === 0 &&
          right(o) <= next.box.x + h * 0.5 &&
          next.box.x - right(o) < h * 4 &&
          Math.abs(centreY(o) - centreY(next)) < Math.min(o.box.height, next.box.height) * 0.5 &&
          (o.flat.match(CJK_CHAR) ?? []).length >= 2 &&
          !squeezedLettering(layout, o),
      )
      .sort((a, b) => right(b) - right(a))[0];
    if (!before) break;
    const pitch = before.original.width / Math.max(1, [...before.flat].length);
    hidden += Math.max(0, Math.round((next.box.x - right(before)) / Math.max(pitch, 1) - 0.5));
    pieces.unshift(before);
    next = before;
  }
  return { pieces, hidden };
}

/**
 * The line over `line` that its name wrapped from: flush left with it (within a character), tight above it (less
 * than a line's height between), no label on it, printed text. `undefined` when there is none.
 *
 * @example
 * wrapAbove(layout, line('股份有限公司')); // line('杭州华创建筑工程')
 */
export function wrapAbove(layout: PageLayout, line: LayoutLine): LayoutLine | undefined {
  const h = Math.max(line.box.height, layout.medianLineHeight);
  return layout.lines.find(
    (o) =>
      o !== line &&
      o.half === line.half &&
      o.hits.length === 0 &&
      Math.abs(o.box.x - line.box.x) < h &&
      o.box.y + o.box.height <= line.box.y + h * 0.3 &&
      line.box.y - (o.box.y + o.box.height) < h &&
      (o.flat.match(CJK_CHAR) ?? []).length >= 2 &&
      !/\d/.test(o.flat) &&
      !squeezedLettering(layout, o),
  );
}

/** Lines joined into one, in the order given, for a value read across them. */
export function joinedLine(lines: readonly LayoutLine[]): LayoutLine {
  return mergeLines(lines, lines.map((l) => l.text).join(''));
}
