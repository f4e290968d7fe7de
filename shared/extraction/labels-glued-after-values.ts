import type { OcrLine } from '../documents/ocr-page.js';
import { LABEL_FORMS, type LabelForm } from './labels.js';

/**
 * A value of a closed shape ending a box: a sum (`100万元人民币`), a code or a number, a copy mark (`(1-1)`), a date's
 * day (`2011年05月05日`). Nothing of such a value goes on in Chinese, so a label right after it is the next field's. A
 * bracketed word (`甲方(用人单位)名称`) is a label's qualifier, not a value.
 */
const CLOSED_VALUE_END = /(?:[0-9A-Za-z]|[(（][0-9-]+[)）]|元|人民币|[0-9一二三四五六七八九十]日)$/u;

/** A registration code or number: fifteen letters and digits or more (统一社会信用代码, 注册号). */
const CODE = /^[0-9A-Z]{15,}$/u;

/** An item's number (`（一）`, `3.`, `(2)`). */
const ITEM_NUMBER = /^[(（]?[一二三四五六七八九十0-9]{1,3}[)）.、]?$/u;

/**
 * The label forms a glued label can be, two CJK characters or more, by their last character (each list longest first,
 * as `LABEL_FORMS`). Sorted once: testing every form against a pattern for every line of every page took about a tenth
 * of the reader's CPU (docs/extraction.md, "perf22").
 */
const GLUED_LABEL_FORMS_BY_LAST_CHARACTER: ReadonlyMap<string, readonly LabelForm[]> = (() => {
  const map = new Map<string, LabelForm[]>();
  for (const label of LABEL_FORMS) {
    if (label.form.length < 2 || !/^[\u3400-\u9fff]+$/u.test(label.form)) continue;
    const last = label.form[label.form.length - 1];
    map.set(last, [...(map.get(last) ?? []), label]);
  }
  return map;
})();

const flat = (text: string) => text.replace(/[\s\u3000]/gu, '');
const units = (text: string) => [...text].reduce((n, ch) => n + (/[\u3400-\u9fff\u3000\uff00-\uffef]/u.test(ch) ? 1 : 0.5), 0);

/**
 * The page's lines with a label cut from the end of the box before it: the engine boxed another column's value and
 * the next label as one (`100万元人民币住所` | `浙江省杭州市西湖区人民路34`, the label's value the next box on its
 * row). Only after a value of a closed shape (a sum, a code, a date), only a label of two characters or more that
 * ends the box, and only with a box right after it on its row (within three of its characters): the label then gets
 * a box of its own where it stood, and the value's box ends before it.
 *
 * @example
 * withGluedLabelsCut([{ text: '100万元人民币住所', … }, { text: '浙江省…', … }]); // ['100万元人民币', '住所', '浙江省…']
 */
export function withGluedLabelsCut(lines: readonly OcrLine[]): OcrLine[] {
  return lines.flatMap((line) => cut(line, lines) ?? [line]);
}

function cut(line: OcrLine, lines: readonly OcrLine[]): OcrLine[] | undefined {
  const text = flat(line.text);
  if (text !== line.text) return undefined;
  const label = GLUED_LABEL_FORMS_BY_LAST_CHARACTER.get(text[text.length - 1])?.find((l) => text.length > l.form.length && text.endsWith(l.form));
  if (!label) return undefined;
  const value = text.slice(0, -label.form.length);
  // An item's number before its label (`（一）统一社会信用代码`) is no value.
  if (!CLOSED_VALUE_END.test(value) || ITEM_NUMBER.test(value)) return undefined;
  // A label that is also an ordinary word (`住所`) only after a sum, a code or a number: a date's `日` may run on
  // into a word (`…日期`).
  if (label.weak && /日$/u.test(value)) return undefined;
  const h = line.box.height;
  const end = line.box.x + line.box.width;
  const centre = line.box.y + h / 2;
  const em = line.box.width / Math.max(1, units(text));
  // A code's column ends where the next column's label starts, and that column's value may stand far to the right
  // (`913301064YXJERA3MB名称` | … | `杭州紫金信息技`, 8.6 characters on): a code checks itself, so its reach is a label
  // column's width (as a lone pair's spread label's is), another value's three characters.
  const reach = CODE.test(value) ? 12 : 3;
  const next = lines.some(
    (o) => o !== line && Math.abs(o.box.y + o.box.height / 2 - centre) < Math.min(h, o.box.height) * 0.5 && o.box.x >= end - em && o.box.x - end < em * reach,
  );
  if (!next) return undefined;
  const valueWidth = units(value) * em;
  const words = line.words && line.words.length === [...text].length ? line.words : undefined;
  const at = [...value].length;
  return [
    { text: value, confidence: line.confidence, box: { ...line.box, width: valueWidth }, ...(words ? { words: words.slice(0, at) } : {}) },
    {
      text: label.form,
      confidence: line.confidence,
      box: { x: line.box.x + valueWidth, y: line.box.y, width: line.box.width - valueWidth, height: h },
      ...(words ? { words: words.slice(at) } : {}),
    },
  ];
}
