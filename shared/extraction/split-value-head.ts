import type { LayoutLine } from './page-layout.js';
import { centreX, centreY, right } from './line-geometry.js';

const LONE_HAN = /^[\u3400-\u9fff]$/;

/**
 * One Chinese character boxed alone between a label and the value beside it, right before the value on its row
 * (`受聘人` `陶` `国振`, `考核项目` `手` `机维修`, a value letter-spaced on an underline blank): the head of the value the
 * engine split off. `tight` when it sits no further before the value than one of the value's own letter pitches (or a
 * character height): read joined; further off it may be a stray mark or the head, and the value is only flagged. Never
 * a seal ring's character (three other lone characters round it). `undefined` when there is none.
 *
 * @example
 * loneCharacterRightBefore(layout.lines, valueLine, labelLine)?.line.flat; // '陶'
 */
export function loneCharacterRightBefore(lines: readonly LayoutLine[], value: LayoutLine, label: LayoutLine): { line: LayoutLine; tight: boolean } | undefined {
  const h = value.box.height;
  const pitch = value.box.width / Math.max(1, value.flat.length);
  const head = lines
    .filter(
      (o) =>
        o !== value &&
        o !== label &&
        o.half === value.half &&
        LONE_HAN.test(o.flat) &&
        o.hits.length === 0 &&
        o.box.x >= right(label) - h * 0.3 &&
        right(o) <= value.box.x + h * 0.3 &&
        Math.abs(centreY(o) - centreY(value)) < h * 0.5,
    )
    .sort((a, b) => right(b) - right(a))[0];
  if (!head) return undefined;
  const ring = lines.filter(
    (o) => o !== head && LONE_HAN.test(o.flat) && Math.hypot(centreX(o) - centreX(head), centreY(o) - centreY(head)) < head.box.height * 4,
  );
  if (ring.length >= 3) return undefined;
  return { line: head, tight: value.box.x - right(head) <= Math.max(h, pitch) };
}
