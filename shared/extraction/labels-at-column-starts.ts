import type { OcrLine } from '../documents/ocr-page.js';
import { LABEL_FORMS, LABELS_BY_FIRST_CHAR, type LabelForm } from './labels.js';

/**
 * A form of two label/value columns, whose left pair's value the engine boxed together with the right column's pair on
 * its row (`名称杭州市西湖区之江电子商务经营者丁辉芳`: the right column's label `经营者` glued to the end of the
 * company's name, with no gap left between them). Read as one value, the name took in the next field's label and
 * value, unflagged. The right column's label starts where that column's labels start on the rows above and below
 * (`类型`, `注册日期`, at the same x within a fraction of a character): a label form beginning there, inside a box that
 * itself opens with a label, is the next column's, and the box is cut before it.
 */

/** A label form a column can open with: two CJK characters or more (a lone `名` or `号` is any value's). */
const columnLabel = (label: LabelForm): boolean => label.form.length >= 2 && /^[\u3400-\u9fff]+$/u.test(label.form);

/** The longest label form's length, in characters. */
const LONGEST_LABEL = Math.max(...LABEL_FORMS.filter(columnLabel).map((l) => l.form.length));

/** The column label form that starts `text` at `at`, the longest (`LABELS_BY_FIRST_CHAR` lists them longest first). */
function labelAt(text: string, at: number): LabelForm | undefined {
  return LABELS_BY_FIRST_CHAR.get(text[at])?.find((l) => columnLabel(l) && text.startsWith(l.form, at));
}

/** Other rows whose label starts at the same x: at least this many make a column of labels. */
const MIN_COLUMN_ROWS = 2;
/** A label starts in the column when its first character lies within this share of a character of the column's x. */
const COLUMN_TOLERANCE = 0.6;
/** Characters of the left pair's value before the cut: a value of one character is no value. */
const MIN_VALUE_CHARACTERS = 2;

/**
 * The page's lines with a box that runs from the left column's pair into the right column's label cut in two at that
 * label.
 *
 * @example
 * withColumnLabelsCut(lines); // '名称杭州…电子商务经营者丁辉芳' → '名称杭州…电子商务', '经营者丁辉芳'
 */
export function withColumnLabelsCut(lines: readonly OcrLine[]): OcrLine[] {
  const labelStarts = lines.filter((line) => labelAt(line.text, 0) !== undefined);
  if (labelStarts.length < MIN_COLUMN_ROWS + 1) return [...lines];
  return lines.flatMap((line) => cut(line, labelStarts) ?? [line]);
}

function cut(line: OcrLine, labelStarts: readonly OcrLine[]): OcrLine[] | undefined {
  const text = line.text;
  const chars = [...text];
  const words = line.words;
  if (!words || words.length !== chars.length || chars.length !== text.length) return undefined;
  const own = labelAt(text, 0);
  if (!own) return undefined;
  const em = line.box.width / chars.length;
  for (let k = own.form.length + MIN_VALUE_CHARACTERS; k < chars.length - 1; k++) {
    const label = labelAt(text, k);
    // Never inside a longer label that starts before it (`社会信用代码`, not `信用代码`).
    if (!label || insideLongerLabel(text, k)) continue;
    const x = words[k].box.x;
    // Lines of other rows: a line of this row starting at this x would lie over this one.
    const column = labelStarts.filter((o) => o !== line && Math.abs(o.box.x - x) < em * COLUMN_TOLERANCE);
    if (column.length < MIN_COLUMN_ROWS) continue;
    // Each piece boxed round its own characters: a tilted line's box is taller than either piece.
    return [piece(line, text.slice(0, k), words.slice(0, k), line.box.x, x), piece(line, text.slice(k), words.slice(k), x, line.box.x + line.box.width)];
  }
  return undefined;
}

function insideLongerLabel(text: string, at: number): boolean {
  for (let j = Math.max(0, at - LONGEST_LABEL); j < at; j++) {
    // The longest form at j reaches furthest: if it stops before `at`, so do the shorter ones.
    if (j + (labelAt(text, j)?.form.length ?? 0) > at) return true;
  }
  return false;
}

function piece(line: OcrLine, text: string, words: NonNullable<OcrLine['words']>, left: number, right: number): OcrLine {
  const top = Math.max(line.box.y, Math.min(...words.map((w) => w.box.y)));
  const bottom = Math.min(line.box.y + line.box.height, Math.max(...words.map((w) => w.box.y + w.box.height)));
  return { text, confidence: line.confidence, box: { x: left, y: top, width: right - left, height: bottom - top }, words };
}
