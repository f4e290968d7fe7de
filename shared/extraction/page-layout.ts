import type { Box } from '../documents/index.js';
import type { OcrPage } from '../ocr/index.js';
import { LABELS_BY_FIRST_CHAR } from './labels.js';
import { normaliseText, toHalfWidth, trimValue } from './text.js';

/** A label found in a line and the text that follows it up to the next label (its inline value). */
export interface LabelHit {
  form: string;
  start: number;
  end: number;
  /** Text after the label (colon and a leading parenthetical such as `(用人单位)` removed) up to the next label. */
  inlineValue: string;
  /** Label is followed by a colon, a space or a parenthesis: a strong sign it really is a label. */
  clean: boolean;
  /** Known only from its English sub-label: the Chinese label itself was not read. */
  inferred?: boolean;
}

/** One OCR line in normal form, with where it sits. */
export interface LayoutLine {
  page: number;
  index: number;
  raw: string;
  text: string;
  /** The same text without any space, for keyword matching. */
  flat: string;
  confidence: number;
  /** The box in a deskewed frame (rows level even on a scan turned a few degrees): use it for layout relations. */
  box: Box;
  /** The box as the OCR engine reported it, for `source`. */
  original: Box;
  /** Per-character confidences where the engine gives them (normal form, no spaces), to score a value by its own characters. */
  chars?: { text: string; confidence: number }[];
  /** 0 = left half, 1 = right half of a two-page spread; undefined on single pages. */
  half?: 0 | 1;
  hits: LabelHit[];
  /** Text before the first label (the whole text if the line has no label). */
  leading: string;
}

export interface PageLayout {
  page: number;
  width: number;
  height: number;
  source: OcrPage['source'];
  lines: LayoutLine[];
  /** Whole page text without spaces, lines in reading order, for classification. */
  flat: string;
  /** True when the lines fall into two side-by-side halves (a booklet spread). */
  spread: boolean;
  medianLineHeight: number;
}

const BILINGUAL_LABEL = /^[\u3400-\u9fff()]{1,10}\s*[A-Za-z][A-Za-z .'&/-]*[:.]?$/;

/** English sub-labels of bilingual forms and the Chinese label each stands for. */
const GLOSSES: ReadonlyArray<[RegExp, string]> = [
  [/^(full )?name$/i, '姓名'],
  [/^(id|id card|identity card|citizen id) ?(no|number)\.?$/i, '身份证号'],
  [/^(sex|gender)$/i, '性别'],
  [/^(occupation|trade|profession)$/i, '职业(工种)'],
  [/^(level|grade)$/i, '等级'],
  [/^(certificate|cert\.?) ?(no|number)\.?$/i, '证书编号'],
  [/^(date of issue|issue date|issued on|date issued)$/i, '发证日期'],
  [/^(issuing authority|issued by|issuer|issuing organi[sz]ation)$/i, '发证机关'],
  [/^(position|post)$/i, '职务'],
  [/^appointee$/i, '受聘人'],
  [/^employer$/i, '聘任单位'],
];

/**
 * A label whose Chinese the engine lost or misread (`名 Name` with 姓 gone under letter-spacing), known by its
 * English sub-label. Marked `inferred`, so a value read through it is shown to the clerk.
 */
function labelFromGloss(text: string): LabelHit | undefined {
  if (!BILINGUAL_LABEL.test(text)) return undefined;
  const gloss = text.replace(/^[\u3400-\u9fff()]+\s*/, '').replace(/[:.]$/, '').trim();
  const form = GLOSSES.find(([pattern]) => pattern.test(gloss))?.[1];
  return form ? { form, start: 0, end: text.length, inlineValue: '', clean: true, inferred: true } : undefined;
}
// `业务用章`: the 专 of a seal's lettering is often lost under the red ink.
const SEAL_TEXT = /^(业务|合同|财务|人事|行政)?专?用章$|^(公章|印章)$/;
const SEPARATOR = /[\s:;,，；|(（\[【]/;
/** Nouns that, right after another label, complete it (`甲方(用人单位)名称`). */
const GENERIC_NOUNS = new Set(['名称', '姓名']);

function findHits(text: string): LabelHit[] {
  const hits: Omit<LabelHit, 'inlineValue'>[] = [];
  for (let i = 0; i < text.length; i++) {
    const candidates = LABELS_BY_FIRST_CHAR.get(text[i]);
    if (!candidates) continue;
    const atStart = i === 0 || SEPARATOR.test(text[i - 1]);
    for (const label of candidates) {
      if (!text.startsWith(label.form, i)) continue;
      const end = i + label.form.length;
      const colon = text[end] === ':';
      if (label.weak && !atStart && !colon) continue;
      const previous = hits[hits.length - 1];
      if (text[i - 1] === '(' && text[end] === ')' && previous && previous.end === i - 1) {
        // `甲方(实习单位)`: the parenthesis qualifies the label before it, it is not a label of its own.
        i = end;
        break;
      }
      if (/^\(.*\)$/.test(label.form) && previous && /^\s*$/.test(text.slice(previous.end, i))) {
        // `丙方(盖章):杭州…学院`: a signature remark right after a label qualifies it; the value after it is the label's.
        previous.end = end;
        previous.clean = true;
        i = end - 1;
        break;
      }
      if (GENERIC_NOUNS.has(label.form) && previous && /^(\([^)]{1,8}\))?$/.test(text.slice(previous.end, i))) {
        // `乙方(学生)姓名`: the noun completes the label before it.
        previous.end = end;
        previous.clean = text[end] === ':' || end === text.length || /[\s(]/.test(text[end]);
        i = end - 1;
        break;
      }
      // A label glued to the text after it (`姓名王晓明`) is weaker evidence than `姓名:` or `姓名 王晓明`.
      const separated = colon || end === text.length || /[\s(]/.test(text[end]);
      // A short label glued to running text (`乙方应按…`, `甲方根据…`) is a word in a sentence, not a label.
      if (label.weak && !separated && /[\u3400-\u9fff]/.test(text[end])) continue;
      hits.push({ form: label.form, start: i, end, clean: separated });
      i = end - 1;
      break;
    }
  }
  return hits.map((hit, k) => {
    const stop = k + 1 < hits.length ? hits[k + 1].start : text.length;
    let value = text.slice(hit.end, stop);
    // A parenthetical right after the label qualifies it: `甲方(用人单位):`, `法定代表人(签字):`.
    value = value.replace(/^\s*:?\s*[(（][^)）]{1,8}[)）]\s*/, '');
    return { ...hit, inlineValue: trimValue(value) };
  });
}

function median(values: number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Levels a page scanned a few degrees off: the skew is the median slope between neighbouring boxes on one row
 * (cells of a table, label and value), and every box centre is turned back by it. Box heights lose the part a
 * slanted line adds (`width × slope`).
 */
function deskew(lines: LayoutLine[], width: number, height: number, ocrLines: readonly OcrPage['lines'][number][]): void {
  const slope = slopeFromCharacters(ocrLines) ?? slopeFromNeighbours(lines);
  if (slope === undefined || Math.abs(slope) < 0.008 || Math.abs(slope) > 0.2) return;
  for (const line of lines) {
    const { x, y, width: w, height: h } = line.box;
    const cx = x + w / 2;
    const cy = y + h / 2;
    const ncx = cx + slope * (cy - height / 2);
    const ncy = cy - slope * (cx - width / 2);
    const nh = Math.max(h - Math.abs(slope) * w, h * 0.4);
    line.box = { x: ncx - w / 2, y: ncy - nh / 2, width: w, height: nh };
  }
}

/**
 * The skew read from the characters of long lines where the engine boxes each character: their centres climb or
 * fall along the line. Unlike pairing boxes on a row, this cannot mistake the next row for the same one when values
 * sit far from their labels.
 */
function slopeFromCharacters(ocrLines: readonly OcrPage['lines'][number][]): number | undefined {
  const slopes: number[] = [];
  for (const line of ocrLines) {
    const words = line.words;
    if (!words || words.length < 4) continue;
    const xs = words.map((w) => w.box.x + w.box.width / 2);
    const ys = words.map((w) => w.box.y + w.box.height / 2);
    const span = Math.max(...xs) - Math.min(...xs);
    if (span < line.box.height * 3) continue;
    const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
    const my = ys.reduce((a, b) => a + b, 0) / ys.length;
    let sxy = 0;
    let sxx = 0;
    for (let i = 0; i < xs.length; i++) {
      sxy += (xs[i] - mx) * (ys[i] - my);
      sxx += (xs[i] - mx) ** 2;
    }
    if (sxx === 0) continue;
    const slope = sxy / sxx;
    // Seal lettering runs on an arc: only characters that lie on a straight line say how the page is turned.
    const residual = Math.sqrt(ys.reduce((sum, y, i) => sum + (y - my - slope * (xs[i] - mx)) ** 2, 0) / ys.length);
    const charHeight = median(words.map((w) => w.box.height));
    if (residual < charHeight * 0.2) slopes.push(slope);
  }
  return slopes.length >= 3 ? median(slopes) : undefined;
}

/** The skew from neighbouring boxes on one row (cells of a table, label and value), for engines without character boxes. */
function slopeFromNeighbours(lines: LayoutLine[]): number | undefined {
  const slopes: number[] = [];
  for (const a of lines) {
    const ah = a.box.height;
    const acx = a.box.x + a.box.width / 2;
    const acy = a.box.y + ah / 2;
    let best: LayoutLine | undefined;
    for (const b of lines) {
      if (b === a || b.box.x < a.box.x + a.box.width - ah * 0.5) continue;
      if (Math.abs(b.box.y + b.box.height / 2 - acy) > Math.max(ah, b.box.height) * 0.9) continue;
      if (!best || b.box.x < best.box.x) best = b;
    }
    if (!best) continue;
    const dx = best.box.x + best.box.width / 2 - acx;
    if (dx > ah * 2) slopes.push((best.box.y + best.box.height / 2 - acy) / dx);
  }
  return slopes.length < 3 ? undefined : median(slopes);
}

/**
 * Joins a label the engine read as separate boxes because of wide letter-spacing (`住` … `所`) when the pieces sit
 * side by side on one row and together make a known label.
 */
function mergeSpacedLabels(lines: LayoutLine[]): void {
  for (let i = 0; i + 1 < lines.length; i++) {
    const a = lines[i];
    const b = lines[i + 1];
    if (a.flat.length > 2 || b.flat.length > 2 || a.page !== b.page) continue;
    const h = Math.min(a.box.height, b.box.height);
    const sameRow = Math.abs(a.box.y + a.box.height / 2 - (b.box.y + b.box.height / 2)) < h / 2;
    const gap = b.box.x - (a.box.x + a.box.width);
    const joined = a.flat + b.flat;
    if (!sameRow || gap < 0 || gap > h * 4 || !LABELS_BY_FIRST_CHAR.get(joined[0])?.some((l) => l.form === joined)) continue;
    const right = b.box.x + b.box.width;
    a.box = { x: a.box.x, y: Math.min(a.box.y, b.box.y), width: right - a.box.x, height: Math.max(a.box.height, b.box.height) };
    a.original = a.box;
    a.raw = `${a.raw}${b.raw}`;
    a.text = joined;
    a.flat = joined;
    a.confidence = Math.min(a.confidence, b.confidence);
    a.chars = a.chars && b.chars ? [...a.chars, ...b.chars] : undefined;
    a.hits = findHits(joined);
    a.leading = '';
    lines.splice(i + 1, 1);
  }
}

/** Lines of a spread fall clearly in one half; a few titles or seals may cross the gutter. */
function detectSpread(page: OcrPage, lines: LayoutLine[]): boolean {
  // Lone characters (seal lettering, ticks) say nothing about columns.
  const text = lines.filter((l) => l.flat.length > 1);
  if (page.width < page.height * 1.2 || text.length < 8) return false;
  const mid = page.width / 2;
  const margin = page.width * 0.01;
  let left = 0;
  let right = 0;
  let crossing = 0;
  for (const line of text) {
    if (line.box.x + line.box.width < mid - margin) left++;
    else if (line.box.x > mid + margin) right++;
    else crossing++;
  }
  if (left < 4 || right < 4 || crossing > Math.max(1, text.length * 0.05)) return false;
  // Each page of a booklet spread carries labels of its own; a landscape form with labels on the left and their
  // values far to the right is one page, not two.
  const labelled = (half: LayoutLine[]) => half.filter((l) => l.hits.length > 0).length;
  return labelled(text.filter((l) => l.box.x + l.box.width < mid - margin)) >= 2 && labelled(text.filter((l) => l.box.x > mid + margin)) >= 2;
}

/**
 * Puts an OCR page in normal form: text normalised, labels found, lines in reading order, booklet spreads detected.
 *
 * @example
 * buildPageLayout(ocrPage).lines[0].hits[0].form; // '姓名'
 */
export function buildPageLayout(page: OcrPage): PageLayout {
  const lines: LayoutLine[] = page.lines
    // Seal lettering read as a line (`业务专用章`, `合同专用章`) belongs to no field.
    .filter((line) => line.text.trim().length > 0 && !SEAL_TEXT.test(line.text.replace(/\s+/g, '')))
    .map((line, index) => {
      const text = normaliseText(line.text);
      const hits = findHits(text);
      if (hits.length === 0) {
        const glossed = labelFromGloss(text);
        if (glossed) hits.push(glossed);
      }
      return {
        page: page.pageNumber,
        index,
        raw: line.text,
        text,
        flat: text.replace(/\s+/g, ''),
        confidence: page.source === 'text_layer' ? 1 : line.confidence,
        box: line.box,
        original: line.box,
        chars:
          page.source === 'text_layer' || !line.words?.length
            ? undefined
            : line.words.flatMap((w) => [...toHalfWidth(w.text).replace(/\s+/g, '')].map((ch) => ({ text: ch, confidence: w.confidence }))),
        hits,
        // A short Chinese label with its English sub-label (`起聘日期 From`) is a label we do not know, never a value.
        leading: BILINGUAL_LABEL.test(text) ? '' : trimValue(hits.length > 0 ? text.slice(0, hits[0].start) : text),
      };
    });
  deskew(lines, page.width, page.height, page.lines);
  const medianLineHeight = median(lines.map((l) => l.box.height)) || 20;
  // Reading order: top to bottom by rows, then left to right. Two lines share a row when their centres are within
  // half the smaller height (a tall title or a slanted long line must not pull the next line into its row).
  lines.sort((a, b) => {
    const dy = a.box.y + a.box.height / 2 - (b.box.y + b.box.height / 2);
    return Math.abs(dy) > Math.min(a.box.height, b.box.height) / 2 ? dy : a.box.x - b.box.x;
  });
  mergeSpacedLabels(lines);
  const spread = detectSpread(page, lines);
  if (spread) {
    const mid = page.width / 2;
    for (const line of lines) line.half = line.box.x + line.box.width / 2 < mid ? 0 : 1;
    // On a spread, reading order is the left half then the right half.
    lines.sort((a, b) => (a.half ?? 0) - (b.half ?? 0));
  }
  lines.forEach((line, i) => (line.index = i));
  return {
    page: page.pageNumber,
    width: page.width,
    height: page.height,
    source: page.source,
    lines,
    flat: lines.map((l) => l.flat).join('\n'),
    spread,
    medianLineHeight,
  };
}

/**
 * The lowest confidence among the characters of `text` within the line, when the engine scored characters and the
 * text can be found among them; otherwise undefined (the line's confidence stands).
 *
 * @example
 * valueCharacterConfidence(line, '王晓明'); // 0.87 when 晓 was read at 0.87
 */
export function valueCharacterConfidence(line: LayoutLine, text: string): number | undefined {
  if (!line.chars) return undefined;
  const wanted = text.replace(/\s+/g, '');
  if (!wanted) return undefined;
  const all = line.chars.map((c) => c.text).join('');
  const at = all.indexOf(wanted);
  if (at < 0) return undefined;
  let min = 1;
  for (let i = at; i < at + wanted.length; i++) min = Math.min(min, line.chars[i].confidence);
  return min;
}

const centreY = (box: Box): number => box.y + box.height / 2;

/** Lines on the same row as `line`, to its right and in the same half, nearest first. */
export function linesRightOf(layout: PageLayout, line: LayoutLine): LayoutLine[] {
  const right = line.box.x + line.box.width;
  // Leader layouts put values across most of the page; a far pairing is scored down where it is used.
  const maxGap = layout.width * 0.6;
  return layout.lines
    .filter(
      (other) =>
        other !== line &&
        other.half === line.half &&
        Math.abs(centreY(other.box) - centreY(line.box)) < Math.max(line.box.height, other.box.height) * 0.6 &&
        other.box.x >= right - line.box.height * 0.5 &&
        other.box.x - right < maxGap,
    )
    .sort((a, b) => a.box.x - b.box.x);
}

/** Lines just below `line` (within ~2.2 line heights) that overlap it horizontally, in the same half, nearest first. */
export function linesBelow(layout: PageLayout, line: LayoutLine, reach = 2.2): LayoutLine[] {
  const bottom = line.box.y + line.box.height;
  const limit = bottom + Math.max(line.box.height, layout.medianLineHeight) * reach;
  const left = line.box.x - line.box.height * 1.5;
  const right = line.box.x + Math.max(line.box.width, line.box.height * 6);
  return layout.lines
    .filter(
      (other) =>
        other !== line &&
        other.half === line.half &&
        other.box.y >= bottom - line.box.height * 0.3 &&
        other.box.y <= limit &&
        other.box.x < right &&
        other.box.x + other.box.width > left,
    )
    .sort((a, b) => a.box.y - b.box.y || a.box.x - b.box.x);
}
