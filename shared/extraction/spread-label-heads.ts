import type { OcrLine } from '../documents/ocr-page.js';
import { LABELS_BY_FIRST_CHAR } from './labels.js';

/**
 * A value's box ending in a spread gap and one Chinese character: two spaces or a full-width one, an underscore the
 * engine read in a scan's gap (`91330106NDB73KPDY8_名`), or one space after a code or a number (which never goes on
 * in Chinese).
 */
const HEAD_AFTER_GAP = /^(.*?\S)(?:[ \t]{2,}|\u3000+|[ \t]*\u3000[ \t\u3000]*|[ \t\u3000]*_+[ \t\u3000]*|(?<=[0-9A-Za-z)）])[ \t])([\u3400-\u9fff])$/u;

/**
 * A copy mark or a number closing a box with one Chinese character glued on, no gap read between them
 * (`注册号:330106025282112(1-1)名` | `称:杭州恒信…` on a small photo): the character starts the next box's label only
 * when that box goes on with the rest of the label and its colon, since nothing else there would end that way.
 */
const HEAD_GLUED = /^(.*?[0-9A-Za-z)）])([\u3400-\u9fff])$/u;

/**
 * How far a box's last character must stand from the one before it, in its own widths and past the widest blank
 * between the box's other characters, to be set apart from them (`西式面点师　技`, read with no space: the character
 * boxes show the blank).
 */
const SET_APART = 0.6;

/**
 * A box's value and its last Chinese character when the engine's character boxes set that character apart by a
 * blank its text does not show (the spread gap `HEAD_AFTER_GAP` reads from spaces); undefined otherwise.
 */
function headSetApart(line: OcrLine): [value: string, head: string] | undefined {
  const words = line.words;
  const text = line.text.trimEnd();
  if (!words || words.length < 3 || words.length !== [...flat(text)].length) return undefined;
  const last = words[words.length - 1];
  if (!/^[\u3400-\u9fff]$/u.test(last.text) || !text.endsWith(last.text)) return undefined;
  const blank = (i: number) => words[i].box.x - (words[i - 1].box.x + words[i - 1].box.width);
  const inner = Math.max(0, ...words.slice(1, -1).map((_, k) => blank(k + 1)));
  const gap = blank(words.length - 1);
  if (gap < last.box.width * SET_APART || gap - inner < last.box.width * SET_APART) return undefined;
  return [text.slice(0, -last.text.length).trimEnd(), last.text];
}

const units = (text: string) => [...text].reduce((n, ch) => n + (/[\u3400-\u9fff\u3000\uff00-\uffef]/u.test(ch) ? 1 : 0.5), 0);
const flat = (text: string) => text.replace(/[\s\u3000]/gu, '');

/**
 * The page's lines with a spread label's first character cut from the value before it: a text layer sets a row
 * `职业(工种)名称企业人力资源管理师　　等` | `级` | `国家职业资格二级`, the justified label `等　　　级` starting in the
 * occupation's box after a wide gap. When a box ends with a gap and one character, and the next box on its row
 * (within twelve heights: a spread label's reach) goes on with the rest of a label that character starts (`级` for
 * `等级`), the character is the label's: it gets a box of its own where it stood, and the value's box ends before the
 * gap. Without the gap the character is read as part of the value (`…管理师等`).
 *
 * @example
 * withSpreadLabelHeadsCut([{ text: '…管理师　　等', … }, { text: '级', … }]); // [{ text: '…管理师' }, { text: '等' }, { text: '级' }]
 */
export function withSpreadLabelHeadsCut(lines: readonly OcrLine[]): OcrLine[] {
  const out: OcrLine[] = [];
  for (const line of lines) {
    const m = HEAD_AFTER_GAP.exec(line.text);
    const glued = m ? null : HEAD_GLUED.exec(line.text);
    const apart = m || glued ? undefined : headSetApart(line);
    const split = m
      ? cut(line, m[1], m[2], lines)
      : glued
        ? cut(line, glued[1], glued[2], lines, true)
        : apart
          ? cut(line, apart[0], apart[1], lines)
          : undefined;
    if (split) out.push(...split);
    else out.push(line);
  }
  return out;
}

function cut(line: OcrLine, value: string, head: string, lines: readonly OcrLine[], withColon = false): OcrLine[] | undefined {
  const h = line.box.height;
  const end = line.box.x + line.box.width;
  const centre = line.box.y + h / 2;
  const next = lines
    .filter(
      (o) =>
        o !== line && Math.abs(o.box.y + o.box.height / 2 - centre) < Math.min(h, o.box.height) * 0.5 && o.box.x >= end - h * 0.3 && o.box.x - end < h * 12,
    )
    .sort((a, b) => a.box.x - b.box.x)[0];
  if (!next) return undefined;
  const rest = flat(next.text);
  const label = (LABELS_BY_FIRST_CHAR.get(head) ?? []).find((l) => {
    const tail = l.form.slice(1);
    if (withColon) return tail.length > 0 && rest.startsWith(tail) && /^[:：]/.test(rest.slice(tail.length));
    return tail.length > 0 && rest.length > 0 && (rest.startsWith(tail) || tail.startsWith(rest));
  });
  if (!label) return undefined;
  const em = line.box.width / Math.max(1, units(line.text));
  const valueWidth = Math.max(em, units(value) * em);
  // The engine's boxes of single characters go with them: the last is the head's.
  const words = line.words && line.words.length === [...flat(line.text)].length ? line.words : undefined;
  return [
    { text: value, confidence: line.confidence, box: { ...line.box, width: valueWidth }, ...(words ? { words: words.slice(0, -1) } : {}) },
    { text: head, confidence: line.confidence, box: { x: end - em, y: line.box.y, width: em, height: h }, ...(words ? { words: words.slice(-1) } : {}) },
  ];
}
