/**
 * A fill-in layer printed off its labels by one offset over a whole page (issue 12 class 5): a preprinted form fed a
 * few millimetres off through a dot-matrix printer moves every value the same way, up or down by as much as a row
 * pitch, so each value can sit nearer the next or previous label's row than its own. Field by field that is
 * ambiguous; page-wide it is not. The offset is measured on the pairs whose value proves itself (a label of a date,
 * an ID number or a registration code with exactly one line near it that the code's validator accepts), and only when
 * several agree and the offset also puts the page's other values on label rows is the page read with the fill-in
 * moved back onto its labels. Otherwise the page is read as it stands.
 */
import { readCreditCode, readResidentId } from './code-reading.js';
import { validateRegistrationNumber } from './credit-code.js';
import { parseDate } from './dates.js';
import { LABEL_GROUP_OF, type LabelGroup, REGISTRANT_TYPE_LABEL } from './labels.js';
import type { LayoutLine, PageLayout } from './page-layout.js';
import { centreX, centreY, right } from './line-geometry.js';

const bottom = (l: LayoutLine): number => l.box.y + l.box.height;

type ValueKind = 'date' | 'term' | 'residentId' | 'creditCode' | 'registrationNumber' | 'registrantType' | 'sex';

/** A term's label (`营业期限`, `有效期限`, `经营期限`): its value is a term, two dates or a date and `长期`. */
const TERM_LABEL = /期限$/;

const KIND_OF_GROUP: Partial<Record<LabelGroup, ValueKind>> = {
  idNumber: 'residentId',
  creditCode: 'creditCode',
  registrationNumber: 'registrationNumber',
  birthDate: 'date',
  issueDate: 'date',
  establishedDate: 'date',
  startDate: 'date',
  endDate: 'date',
  signedDate: 'date',
};

/**
 * A registrant type or make-up as a licence prints it, whole on its line (`个体工商户`, `个人经营`, `家庭经营`,
 * `有限责任公司(自然人投资或控股)`, `股份有限公司(非上市)`): a closed set of terms no other value of the page takes,
 * so it proves its label's row on a 个体工商户 licence, which prints one date and no term.
 */
const REGISTRANT_TYPE =
  /^(个体工商户|个人经营|家庭经营|个人独资企业|(普通|有限|特殊普通)?合伙企业|全民所有制|集体所有制|股份合作制|(其他)?(有限责任公司|股份有限公司)(分公司)?([(（][\u3400-\u9fff、]{2,16}[)）])?)$/u;

/** A person's sex label (`性别`): its value, `男` or `女` alone on its line, proves its row like a closed term. */
const SEX_LABEL = /^性别$/;

/** A line that is a date and nothing else (`2021年11月03日`, `二〇一三年三月廿二日`, `2019.07.01`). */
const DATE_ONLY = /^[0-9〇零一二三四五六七八九十廿卅年月日号.\-/]+$/;

/** True when the whole of `flat` is a value of `kind` its validator accepts. */
function provesKind(flat: string, kind: ValueKind): boolean {
  switch (kind) {
    case 'date':
      return DATE_ONLY.test(flat) && parseDate(flat) !== null;
    case 'term': {
      // `2014年12月04日至2034.12.04`, `2017.12.08至长期`: each side a date and nothing else.
      const sides = flat.split(/[至到]/);
      return sides.length === 2 && provesKind(sides[0], 'date') && (sides[1] === '长期' || provesKind(sides[1], 'date'));
    }
    case 'residentId':
      return flat.length === 18 && readResidentId(flat).valid;
    case 'creditCode':
      return flat.length === 18 && readCreditCode(flat).valid;
    case 'registrationNumber':
      return validateRegistrationNumber(flat);
    case 'registrantType':
      return REGISTRANT_TYPE.test(flat);
    case 'sex':
      return /^[男女]$/.test(flat);
  }
}

/** Fewest agreeing pairs that fix a page's offset. */
const MIN_PAIRS = 2;
/**
 * Pairs agree when each lies within this share of a row pitch of their median. A printer's offset moves the fill-in
 * rigidly (pairs agree within 0.04 of a pitch on the new scans, exactly on text layers); a curled or bent photo
 * displaces values by where they sit, and its pairs spread further (0.18 on a curled dev contract): no page-wide offset.
 */
const AGREEMENT = 0.06;
/**
 * A keystoned photo scales the value column's rows a little against the label column's: the offset drifts evenly
 * down the page (49.7, 47.3, 44.9, 43.3 px on a phone photo whose fill-in sat a whole row low, pitch 50). Three
 * pairs or more that lie within `AGREEMENT` of a straight line over the labels' rows agree too, when the drift over
 * them stays under this share of a pitch; a curl bends them off any line.
 */
const DRIFT_MAX = 0.2;
/**
 * Offsets smaller than this share of a row pitch are left to the field-by-field reading: each value still sits nearer
 * its own label's row than any other, which that reading already handles (stacked-values.ts), and a page-wide move
 * there has more to lose than to gain (a value the shift never touched moved off its row). The pitch is the step from
 * a proving label's row to the next label row its value moves towards (rows are set unevenly round wrapped values).
 */
const MIN_OFFSET = 0.45;
/** How far off its label's row a value is looked for, in row pitches (the class goes up to one pitch). */
const REACH = 1.15;
/** A value sits on a label's row when its centre is within this share of a row pitch of the label's. */
const ON_ROW = 0.25;

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** A label line whose last label has nothing after it on the line. */
function waitsForValue(line: LayoutLine): boolean {
  return line.hits.length > 0 && line.leading === '' && line.hits[line.hits.length - 1].inlineValue.trim() === '';
}

/**
 * A label alone at the head of its line with, after its colon, a value that is none of its kind (`身份证号：石洋`, a
 * name moved a row onto the ID's label by the fill-in's offset): the label still waits for its own value, which may
 * prove the offset as a waiting label's does.
 */
function gluedOtherValue(line: LayoutLine, kind: ValueKind): boolean {
  if (line.hits.length !== 1 || line.leading !== '' || line.hits[0].start !== 0) return false;
  if (!/^\s*[:：]/.test(line.text.slice(line.hits[0].end))) return false;
  const value = line.hits[0].inlineValue.replace(/\s+/g, '');
  return /[\p{L}\p{N}]/u.test(value) && !provesKind(value, kind);
}

/**
 * A caption we read nothing from, alone on its line and ended by its colon (`合　同　类　型：`): printed with the form,
 * it waits for a value of the fill-in like any label (`有固定期限`, which moved with the rest), and is none itself.
 */
const UNKNOWN_CAPTION = /^[\u3400-\u9fff]{2,8}[:：]$/u;

/** A line that may be a fill-in value: no label on it, letters or digits in it, no caption. */
function fillIn(line: LayoutLine): boolean {
  return line.hits.length === 0 && /[\p{L}\p{N}]/u.test(line.flat) && !UNKNOWN_CAPTION.test(line.flat);
}

/** A lone Chinese character other than a sex (`男`, `女`, a value of its own). */
const LONE_CHARACTER = /^(?![男女]$)[\u3400-\u9fff]$/u;

/**
 * A lone character with another lone character within two of its heights: a seal's lettering, which a text layer
 * boxes a character at a time round its arc (`杭` `州` `市` … over `发证单位`'s row). Printed with the seal, not the
 * fill-in, its characters say nothing of where the fill-in sits; counted as values, the four level with a label
 * outweighed the values the offset puts back on their rows.
 */
function ringCharacter(layout: PageLayout, line: LayoutLine): boolean {
  if (!LONE_CHARACTER.test(line.flat)) return false;
  const reach = line.box.height * 2;
  return layout.lines.some((o) => o !== line && LONE_CHARACTER.test(o.flat) && Math.hypot(centreX(o) - centreX(line), centreY(o) - centreY(line)) < reach);
}

/** The page's row pitch: the median step between successive rows of label lines (1.8 line heights without one). */
function rowPitch(layout: PageLayout, labels: readonly LayoutLine[]): number {
  const h = layout.medianLineHeight;
  const rows = [...new Set(labels.map((l) => Math.round(centreY(l))))].sort((a, b) => a - b);
  const steps = rows
    .slice(1)
    .map((y, i) => y - rows[i])
    .filter((d) => d > h * 0.6 && d < h * 4);
  return steps.length > 0 ? median(steps) : h * 1.8;
}

/**
 * Whether `value` stands in `label`'s value column: right of it, in its half of a spread, and not past the next label
 * of the same row (a two-column grid's second label column starts another value column).
 */
function inValueColumn(layout: PageLayout, label: LayoutLine, value: LayoutLine, labels: readonly LayoutLine[]): boolean {
  const h = label.box.height;
  if (value.half !== label.half || value.box.x < right(label) - h * 0.5) return false;
  return !labels.some(
    (o) => o !== label && o.half === label.half && Math.abs(centreY(o) - centreY(label)) < h * 0.5 && o.box.x > right(label) && o.box.x < value.box.x,
  );
}

/**
 * The values near a label that prove its kind only read with the line wrapped tight under them in their column
 * (`二〇〇六年三月二十日至` | `2026年03月20日`, `其他股份有限` | `公司(非上市)`), as [first line, second line].
 */
function provingOverTwoLines(values: readonly LayoutLine[], near: readonly LayoutLine[], kind: ValueKind): [LayoutLine, LayoutLine][] {
  const pairs: [LayoutLine, LayoutLine][] = [];
  for (const v of near) {
    const under = values.filter((w) => w !== v && w.box.y > v.box.y && wrappedOn(v, w));
    if (under.length === 1 && provesKind(v.flat + under[0].flat, kind)) pairs.push([v, under[0]]);
  }
  return pairs;
}

/** A line set as tight on `o` as a wrapped line sits, in its column (overlapping it across) and its half of a spread. */
function wrappedOn(v: LayoutLine, o: LayoutLine): boolean {
  const gap = Math.max(o.box.y - (v.box.y + v.box.height), v.box.y - (o.box.y + o.box.height));
  const overlap = Math.min(right(v), right(o)) - Math.max(v.box.x, o.box.x);
  return v.half === o.half && gap < Math.min(v.box.height, o.box.height) * 0.6 && overlap > 0;
}

/**
 * The vertical offset of the page's fill-in layer from its labels (pixels, + down), when the pairs that prove
 * themselves agree on one large enough to matter and it puts more of the page's values on label rows than it takes
 * off; otherwise undefined.
 *
 * @example
 * // `出生日期` … its date 0.8 of a row lower, `身份证号` … its ID 0.8 lower, `发证日期` … its date 0.8 lower
 * fillInOffset(layout); // ≈ 0.8 × the row pitch
 */
export function fillInOffset(page: PageLayout): number | undefined {
  return measure(page)?.offset;
}

interface Measure {
  /** The page in the boxes the offset was measured in. */
  layout: PageLayout;
  offset: number;
  /** A value line of the page sits on a waiting label's row once moved by `dy`. */
  onRow: (v: LayoutLine, dy: number) => boolean;
  /** The page's row pitch. */
  pitch: number;
}

function measure(page: PageLayout): Measure | undefined {
  const layout = unturned(page);
  const labels = layout.lines.filter((l) => l.hits.length > 0);
  const waiting = labels.filter(waitsForValue);
  if (waiting.length < MIN_PAIRS) return undefined;
  // The values the offset puts on a row wait beside our labels or beside captions we read nothing from.
  const waitingRows = [...waiting, ...layout.lines.filter((l) => l.hits.length === 0 && UNKNOWN_CAPTION.test(l.flat))];
  const pitch = rowPitch(layout, labels);
  const values = layout.lines.filter((l) => fillIn(l) && !ringCharacter(layout, l));
  const offsets: number[] = [];
  // Where each proving label's row is, for the drift of a keystoned photo.
  const labelRows: number[] = [];
  // The values that proved their label: wherever they sit, they are no value of another label's row.
  const provedLines = new Set<LayoutLine>();
  // How far each proving label's row is from the next label row the offset moves its value towards.
  const steps: number[] = [];
  // Each pair's proving line (its first, for a value over two lines).
  const provers: LayoutLine[] = [];
  const rows = [...new Set(labels.map((l) => centreY(l)))];
  for (const line of labels) {
    const form = line.hits[line.hits.length - 1].form;
    const kind = TERM_LABEL.test(form)
      ? 'term'
      : REGISTRANT_TYPE_LABEL.test(form)
        ? 'registrantType'
        : SEX_LABEL.test(form)
          ? 'sex'
          : KIND_OF_GROUP[LABEL_GROUP_OF.get(form) as LabelGroup];
    if (!kind) continue;
    // A label with another row's value glued after its colon (`身份证号：石洋`, the name moved onto the ID's label by
    // the offset) still waits for its own value: measured from the label's part of the box.
    const label = waitsForValue(line) ? line : gluedOtherValue(line, kind) ? labelAndValue(line)?.[0] : undefined;
    if (!label) continue;
    const near = values.filter((v) => Math.abs(centreY(v) - centreY(label)) < pitch * REACH && inValueColumn(layout, label, v, labels));
    const proving = near.filter((v) => provesKind(v.flat, kind));
    const wrapped = proving.length === 0 ? provingOverTwoLines(values, near, kind) : [];
    if (proving.length !== 1 && wrapped.length !== 1) continue;
    const [first, second] = proving.length === 1 ? [proving[0]] : wrapped[0];
    // A value over two lines sits level with its label by its first line, or centred on it (the block's middle on
    // the label's row): a block not centred on it is measured by its first line.
    const blockMiddle = second ? (first.box.y + bottom(second)) / 2 - centreY(label) : undefined;
    const dy = blockMiddle !== undefined && Math.abs(blockMiddle) < pitch * ON_ROW ? blockMiddle : centreY(first) - centreY(label);
    offsets.push(dy);
    provers.push(first);
    labelRows.push(centreY(label));
    provedLines.add(first);
    if (second) provedLines.add(second);
    const toward = rows.map((y) => (y - centreY(label)) * Math.sign(dy)).filter((d) => d > layout.medianLineHeight * 0.6);
    steps.push(Math.min(pitch, ...toward));
  }
  // A pair on its own row among more that agree on one offset is a value printed with the form, not the fill-in (the
  // header's code over a licence whose fill-in moved): the others fix the offset.
  const moved = offsets.map((o, i) => i).filter((i) => Math.abs(offsets[i]) >= pitch * ON_ROW);
  const candidates = moved.length >= MIN_PAIRS && moved.length > offsets.length - moved.length ? moved : offsets.map((o, i) => i);
  // One value between two labels of its kind proves both (a date 0.66 of a row under `合同起始日期` and 0.34 over
  // `合同终止日期`, whose own value is `无固定期限`): it is the value of the label whose offset the page's other pairs
  // share, and the other label's pair says nothing.
  const first = median(candidates.map((i) => offsets[i]));
  const agrees = (i: number) => Math.abs(offsets[i] - first) <= pitch * AGREEMENT;
  const pairs = candidates.filter((i) => agrees(i) || !candidates.some((j) => j !== i && agrees(j) && provers[j] === provers[i]));
  if (pairs.length < MIN_PAIRS) return undefined;
  const offset = median(pairs.map((i) => offsets[i]));
  // Large enough to matter: a proved value nearer the next label row than its own, measured where it sits (rows are
  // set unevenly where values wrap, so the page's median pitch can hide it).
  if (
    Math.abs(offset) < Math.min(...pairs.map((i) => steps[i])) * MIN_OFFSET ||
    (pairs.some((i) => Math.abs(offsets[i] - offset) > pitch * AGREEMENT) &&
      !evenDrift(
        pairs.map((i) => [labelRows[i], offsets[i]]),
        pitch,
      ))
  ) {
    return undefined;
  }
  // The other values must agree too: moved back by the offset, more of them sit on a waiting label's row than before.
  const onRow = (v: LayoutLine, dy: number) =>
    waitingRows.some((l) => Math.abs(centreY(v) - dy - centreY(l)) < pitch * ON_ROW && inValueColumn(layout, l, v, labels));
  // A table's cell under its column's heading (`单位名称` over `杭州之江…`) is that heading's, set below it rather than
  // beside a label: the fill-in's offset says nothing of it either way.
  // A table's rows under a row of three or more column headings (`序号 | 单位名称 | 起始年月 | 截止年月 | 险种`, some of
  // them no label of ours) are the table's: they say nothing of the header's fill-in either.
  const tableTop = headingRowTop(labels, layout.medianLineHeight);
  const near = values.filter(
    (v) =>
      !underHeading(v, labels, pitch) &&
      centreY(v) < tableTop &&
      waiting.some((l) => Math.abs(centreY(v) - centreY(l)) < pitch * (REACH + 0.5) && inValueColumn(layout, l, v, labels)),
  );
  // A proved value on another label's row (a code level with `名称`, a fill-in a whole row low) counts against the
  // page as printed, not for it.
  const stay = near.filter((v) => onRow(v, 0) && !provedLines.has(v));
  const landed = near.filter((v) => onRow(v, offset));
  // Lines wrapped onto a value that lands are explained with it (a name or an address over three lines).
  const explained = withWrappedLines(near, landed).size;
  // Counted by value, not by line, where values wrap: rows set tight round wrapped names put their second lines level
  // with labels as printed (`饮管理有限` level with `名 称：`), which says nothing for the page as it stands.
  const more = landed.length > stay.length || explained > withWrappedLines(near, stay).size;
  return more && explained * 2 >= near.length ? { layout, offset, onRow, pitch } : undefined;
}

/**
 * True when three or more (row, offset) pairs lie within `AGREEMENT` of a pitch of one straight line (least squares)
 * and drift along it by less than `DRIFT_MAX` of a pitch over their rows: one offset scaled evenly down a keystoned
 * photo, not a page bent where it was curled.
 *
 * @example
 * evenDrift([[470, 49.7], [629, 47.3], [788, 44.9], [989, 43.3]], 50); // true
 */
function evenDrift(pairs: ReadonlyArray<readonly [number, number]>, pitch: number): boolean {
  if (pairs.length < 3) return false;
  const n = pairs.length;
  const mx = pairs.reduce((a, [x]) => a + x, 0) / n;
  const my = pairs.reduce((a, [, y]) => a + y, 0) / n;
  const sxx = pairs.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  if (sxx === 0) return false;
  const slope = pairs.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0) / sxx;
  const rows = pairs.map(([x]) => x);
  const drift = Math.abs(slope) * (Math.max(...rows) - Math.min(...rows));
  return drift < pitch * DRIFT_MAX && pairs.every(([x, y]) => Math.abs(y - (my + slope * (x - mx))) <= pitch * AGREEMENT);
}

/**
 * The top of a table: the first row (from the top) on which three or more label lines stand side by side (a table's
 * column headings), less half a line; Infinity when no row holds three. A header grid sets at most two labels a row,
 * each with its value beside it.
 */
function headingRowTop(labels: readonly LayoutLine[], lineHeight: number): number {
  const rows = labels
    .map((l) => centreY(l))
    .filter((y) => labels.filter((o) => Math.abs(centreY(o) - y) < lineHeight * 0.5).length >= 3)
    .sort((a, b) => a - b);
  return rows.length > 0 ? rows[0] - lineHeight * 0.5 : Infinity;
}

/** A line set under a label that spans its middle, within two row pitches above it: a table's cell under its heading. */
function underHeading(value: LayoutLine, labels: readonly LayoutLine[], pitch: number): boolean {
  const middle = value.box.x + value.box.width / 2;
  return labels.some((l) => l.box.x <= middle && right(l) >= middle && centreY(value) - centreY(l) > l.box.height && centreY(value) - centreY(l) < pitch * 2);
}

/**
 * The fill-in lines the offset explains: those it puts on a waiting label's row, and the lines a value wrapped onto
 * under or over one of them (same column, as tight as wrapped lines sit). A line it explains nothing of stays where
 * it was printed (a value the printer never shifted, a page bent rather than shifted).
 */
function linesToMove(m: Measure, lines: readonly LayoutLine[] = m.layout.lines, labelsApart: readonly LayoutLine[] = []): Set<LayoutLine> {
  const values = lines.filter(fillIn);
  return withWrappedLines(
    values,
    values.filter((v) => m.onRow(v, m.offset) || labelsApart.some((l) => landsOn(m, v, l))),
  );
}

/** `seeds` and the lines of `values` wrapped under or over one of them (same column, as tight as wrapped lines sit). */
function withWrappedLines(values: readonly LayoutLine[], seeds: readonly LayoutLine[]): Set<LayoutLine> {
  const moved = new Set(seeds);
  for (let grown = true; grown; ) {
    grown = false;
    for (const v of values) {
      if (moved.has(v) || ![...moved].some((o) => wrappedOn(v, o))) continue;
      moved.add(v);
      grown = true;
    }
  }
  return moved;
}

/** True when fill-in line `v`, moved back by the page's offset, sits on `label`'s row, right of it in its half. */
function landsOn(m: Measure, v: LayoutLine, label: LayoutLine): boolean {
  return v.half === label.half && v.box.x >= right(label) - label.box.height * 0.5 && Math.abs(centreY(v) - m.offset - centreY(label)) < m.pitch * ON_ROW;
}

/**
 * Whether a value glued after a label with no colon (`持证人3301081993…`), moved back by the page's offset, lands on
 * the row of a label waiting in the same label column: where the glued value starts within the line is not known
 * (digits are narrower than the label's characters, a justified label wider), so its column is the line's.
 */
function landsBesideLabelUnder(m: Measure, line: LayoutLine, glued: LayoutLine): boolean {
  const h = line.box.height;
  return m.layout.lines.some(
    (l) =>
      l !== line &&
      l.half === line.half &&
      waitsForValue(l) &&
      Math.abs(l.box.x - line.box.x) < h &&
      Math.abs(centreY(glued) - m.offset - centreY(l)) < m.pitch * ON_ROW,
  );
}

/**
 * The label lines of a shifted page that the engine boxed with the value moved onto their row (`经营场所：林辉宇`, the
 * representative printed a row low, glued after the next row's label), each as its label and that value apart:
 * only when the label's own value lands on its row with the offset (so the glued text is no value of its) and the
 * glued value, moved back, lands on a label waiting for one. The value's box is its share of the line's characters.
 */
function gluedValuesApart(m: Measure): Map<LayoutLine, [LayoutLine, LayoutLine]> {
  const out = new Map<LayoutLine, [LayoutLine, LayoutLine]>();
  const values = m.layout.lines.filter(fillIn);
  for (const line of m.layout.lines) {
    // After its colon: a spread label's last piece glued to a word (`号技师`) is left to the field-by-field reading.
    // Or, with no colon, a number glued on (`持证人3301081993…`): no label's character is a digit or a Latin letter.
    if (line.hits.length !== 1 || line.leading !== '' || line.hits[0].start !== 0) continue;
    const after = line.text.slice(line.hits[0].end).trimStart();
    const colon = /^[:：]/.test(after);
    if (!colon && !/^[\dA-Za-z]/.test(after)) continue;
    const parts = labelAndValue(line);
    if (!parts) continue;
    const [label, glued] = parts;
    if (values.some((v) => landsOn(m, v, label)) && (m.onRow(glued, m.offset) || (!colon && landsBesideLabelUnder(m, line, glued))))
      out.set(line, [label, glued]);
  }
  return out;
}

/**
 * A line of one label and the value glued after it, as two lines: the label, waiting, in the box's part before the
 * value (characters are about evenly spaced in a box), and the value in the rest. Undefined when the value holds no
 * letter or digit or is not the line's end.
 */
function labelAndValue(line: LayoutLine): [LayoutLine, LayoutLine] | undefined {
  const value = line.hits[0].inlineValue.trim();
  const flatValue = value.replace(/\s+/g, '');
  if (!/[\p{L}\p{N}]/u.test(flatValue) || !line.flat.endsWith(flatValue) || !line.text.endsWith(value)) return undefined;
  const at = line.flat.length - flatValue.length;
  const x = line.box.x + (line.box.width * at) / line.flat.length;
  const text = line.text.slice(0, line.text.length - value.length).trimEnd();
  const label: LayoutLine = {
    ...line,
    raw: text,
    text,
    flat: line.flat.slice(0, at),
    box: { ...line.box, width: x - line.box.x },
    chars: line.chars?.slice(0, at),
    tailGap: undefined,
    hits: [{ ...line.hits[0], inlineValue: '' }],
  };
  const glued: LayoutLine = {
    ...line,
    raw: value,
    text: value,
    flat: flatValue,
    box: { ...line.box, x, width: right(line) - x },
    chars: line.chars?.slice(at),
    headGap: undefined,
    hits: [],
    leading: value,
  };
  return [label, glued];
}

/**
 * A text layer's page with the boxes its glyphs have (`original`): a text layer is never turned, but label/value pairs
 * set off level by a shifted fill-in read as a skew, and straightening it would spread the one offset into many. A
 * scan keeps its straightened boxes (its skew is read from the characters of long lines where the engine boxes them).
 */
function unturned(layout: PageLayout): PageLayout {
  if (layout.source !== 'text_layer' || layout.lines.every((l) => l.box === l.original)) return layout;
  return { ...layout, lines: layout.lines.map((l) => ({ ...l, box: l.original })) };
}

const realigned = new WeakMap<PageLayout, PageLayout>();

/**
 * The page with its fill-in moved back onto its labels when `fillInOffset` finds the page's offset, else the page
 * itself. Only the boxes the reader measures move; each line keeps its `original` box, the one a field's source
 * names. Cached per layout (every field's search asks).
 *
 * @example
 * findLabelledCandidates(layouts.map(withFillInRealigned), ['出生日期'], readDateValue);
 */
export function withFillInRealigned(layout: PageLayout): PageLayout {
  const cached = realigned.get(layout);
  if (cached) return cached;
  const m = measure(layout);
  let out = layout;
  if (m) {
    // A label with the value moved onto its row glued after it is read as the label and that value apart.
    const apart = gluedValuesApart(m);
    const parts = m.layout.lines.flatMap((l) => apart.get(l) ?? [l]);
    const moving = linesToMove(
      m,
      parts,
      [...apart.values()].map(([label]) => label),
    );
    const lines = parts.map((l) => (moving.has(l) ? { ...l, box: { ...l.box, y: l.box.y - m.offset } } : l));
    // Reading order again: top to bottom by rows, then left to right (each half of a spread apart).
    lines.sort((a, b) => {
      if ((a.half ?? 0) !== (b.half ?? 0)) return (a.half ?? 0) - (b.half ?? 0);
      const dy = centreY(a) - centreY(b);
      return Math.abs(dy) > Math.min(a.box.height, b.box.height) / 2 ? dy : a.box.x - b.box.x;
    });
    out = { ...layout, lines: lines.map((l, index) => (l.index === index ? l : { ...l, index })) };
  }
  realigned.set(layout, out);
  return out;
}
