/**
 * Label/value pairs run on in prose (fill-in-the-blank forms): `类 型个体工商户，企业名称杭州市西湖区启明店，经营者韩思霞`.
 * The label and its value glued with or without a colon, pairs joined by `，、；。`, a space or nothing, several to a
 * line or one a line, prose words between them (`本人`, `现`, `特此证明`), dates in prose (`于2019年3月5日取得`), the
 * values on underlined blanks or not, in a narrow column (a value wrapping onto the next line mid-sentence) or a wide
 * one. Drawn by the seen run-on families (`proc-R`, families.ts) from seen fonts and wording; every choice is drawn
 * here, per block and per pair, so no two pages share a template.
 */
import type { Rng } from '../factory/random.js';
import { esc } from '../templates/kit.js';
import { LEXICON } from './lexicon.js';
import { type Item, type LayoutParams, type MaskStyle, valueHtml } from './parts.js';

/** The variant tags a run-on block carries (on its document, as the other placements' tags do). */
export const RUN_ON_TAGS = {
  narrow: 'run-on:narrow-column',
  onePerLine: 'run-on:one-pair-a-line',
  flowing: 'run-on:flowing',
  grouped: 'run-on:pairs-grouped',
  underlined: 'run-on:underlined',
  proseWords: 'run-on:prose-words',
  proseDate: 'run-on:prose-date',
  noSeparator: 'run-on:no-separator',
  labelCut: 'run-on:label-cut-by-wrap',
  labelSpread: 'run-on:label-spread',
  valueCut: 'run-on:value-cut-by-wrap',
} as const;

const SEPARATORS = ['，', '，', '、', '；', '。', ' ', '　', ''] as const;
/** Words a form's sentence puts before a pair (never before a name's label: `本人姓名` is held-out wording). */
const LEAD_WORDS = ['本人', '现', '其', '经核实', '现有'] as const;
const CLOSINGS = ['特此证明。', '特此证明', '以上情况属实。', '特此登记。'] as const;

const DATE_ROLES: readonly string[] = [...LEXICON.issueDate.common, ...LEXICON.established.common, '注册日期', ...LEXICON.signedDate.common];
/** Verbs a date in prose takes by what the date was (`于2019年3月5日取得`, `于2019年3月5日成立`). */
const DATE_VERBS: Record<string, readonly string[]> = {
  issue: ['取得本证', '发证', '颁发此证', '取得'],
  established: ['成立', '登记成立', '注册成立'],
  registered: ['注册', '登记注册'],
  signed: ['签订本合同', '签订'],
};

function dateKind(label: string): keyof typeof DATE_VERBS | undefined {
  if (!DATE_ROLES.includes(label)) return undefined;
  if ((LEXICON.issueDate.common as readonly string[]).includes(label)) return 'issue';
  if ((LEXICON.signedDate.common as readonly string[]).includes(label)) return 'signed';
  return label === '注册日期' ? 'registered' : 'established';
}

/** A label as a run-on form prints it: spaced or not inside (`类 型`, `姓　名`), a colon or none. */
function runOnLabel(label: string, rng: Rng): string {
  const chars = [...label];
  const spaced = chars.length > 1 && chars.length <= 4 && rng.chance(0.35) ? chars.join(rng.pick([' ', ' ', '　', '  '])) : label;
  return `${esc(spaced)}${esc(rng.pick(['', '', '', '：', ':', '：']))}`;
}

/** A value on an underlined blank a little wider than itself, or as printed. */
function blank(html: string, underline: boolean, rng: Rng): string {
  if (!underline) return html;
  const pad = rng.float(0.5, 5).toFixed(1);
  return `<span class="blank" style="border-bottom:1px solid #333;padding:0 ${pad}mm 0.3mm ${rng.float(0.5, 3).toFixed(1)}mm">${html}</span>`;
}

/**
 * The pieces of prose one block prints: each pair (or a date set in a sentence) as HTML, in the items' order, with
 * the contract's start and end dates folded into one `合同期限自…起至…止` when drawn.
 */
function pieces(items: readonly Item[], p: LayoutParams, masks: ReadonlyMap<string, MaskStyle>, rng: Rng, tags: Set<string>, underline: number): Piece[] {
  // A run-on value flows with its sentence: no forced inline-block wrap of a long value.
  const value = (i: Item) => blank(valueHtml({ ...i, long: false }, p, masks, rng), rng.chance(underline), rng);
  const out: Piece[] = [];
  const proseDates = rng.chance(0.5);
  for (let k = 0; k < items.length; k++) {
    const i = items[k];
    const next = items[k + 1];
    if (proseDates && i.field === 'startDate' && next?.field === 'endDate' && rng.chance(0.6)) {
      const open = next.value === '无固定期限';
      out.push({
        name: false,
        html: open
          ? `合同期限自${value(i)}起${rng.pick(['，为', '，', ''])}${value(next)}`
          : `合同期限${rng.pick(['自', '从'])}${value(i)}${rng.pick(['起至', '至'])}${value(next)}${rng.pick(['止', ''])}`,
      });
      tags.add(RUN_ON_TAGS.proseDate);
      k++;
      continue;
    }
    const kind = dateKind(i.label);
    if (proseDates && kind && rng.chance(0.6)) {
      // `于2019年3月5日取得`, or the label kept in the sentence: `成立日期为2019年3月5日`.
      const html = rng.chance(0.6) ? `于${value(i)}${rng.pick(DATE_VERBS[kind])}` : `${esc(i.label)}${rng.pick(['为', '是', ''])}${value(i)}`;
      out.push({ html, name: false });
      tags.add(RUN_ON_TAGS.proseDate);
      continue;
    }
    const onBlank = rng.chance(underline);
    const whole = blank(valueHtml({ ...i, long: false }, p, masks, rng), onBlank, rng);
    const labelHtml = `<span class="lb" style="color:${p.labelColor}">${runOnLabel(i.label, rng)}</span>`;
    out.push({
      html: `${labelHtml}${whole}`,
      name: /姓名|名称|^乙方$|^甲方$/.test(i.label),
      chars: [...i.label].length + [...i.value].length,
      cutLabel: cutLabel(i.label, p.labelColor, rng, whole),
      cutValue: i.field && masks.has(i.field) ? undefined : cutValue(i, p, masks, rng, labelHtml, onBlank),
    });
  }
  return out;
}

/** One pair or date sentence of a block; a pair also as it prints cut by a wrap inside its label or its value. */
interface Piece {
  html: string;
  name: boolean;
  /** About how many characters it prints (a date sentence: unknown, taken as long). */
  chars?: number;
  /** The pair with its label cut after one or more characters: what ends the line, what opens the next. */
  cutLabel?: Cut;
  /** The pair with its value cut: the label and the value's head, then the value's rest. */
  cutValue?: Cut;
}

interface Cut {
  head: string;
  rest: string;
  /** A tag the cut adds (a spread label). */
  tag?: string;
  /** The truth field of a cut value. */
  field?: string;
}

/**
 * A label cut inside by the wrap (`…305号西；职` | `工姓名：钟飞红`): its head ends a line, its rest opens the next. Its
 * characters set apart or not (a spread label, letter-spaced: `工  姓  名：`, which the engine may box in pieces).
 */
function cutLabel(label: string, color: string, rng: Rng, value: string): Cut | undefined {
  const chars = [...label];
  if (chars.length < 2) return undefined;
  const at = rng.int(1, chars.length - 1);
  const gap = rng.pick(['', '', '', ' ', '　']);
  const spread = rng.chance(0.35) ? `letter-spacing:${rng.float(0.4, 1.4).toFixed(2)}em;` : '';
  const colon = rng.pick(['', '', '：', ':', '：']);
  const span = (text: string) => `<span class="lb" style="color:${color};${spread}">${esc(text)}</span>`;
  return {
    head: span(chars.slice(0, at).join(gap)),
    rest: `${span(chars.slice(at).join(gap) + colon)}${value}`,
    tag: spread ? RUN_ON_TAGS.labelSpread : undefined,
  };
}

const NAME_FIELDS: readonly string[] = ['holderName', 'personName', 'employeeName', 'legalRepresentative'];
const DATE_FIELDS: readonly string[] = ['startDate', 'endDate', 'establishedDate', 'issueDate'];

/**
 * Where the wrap cuts a value, by what the value is, as prose wraps cut them: a person's name with its last one or two
 * characters on the next line (`受聘人：余涵` | `丽`), a date inside its year or between the year and the month
 * (`20` | `24年3月1日`, `2024年` | `3月1日`), a company's name, an occupation or an address anywhere at least two
 * characters in (`浙江紫金汽车维` | `修数字服务…`), a number anywhere.
 */
function valueCutAt(i: Item, chars: readonly string[], rng: Rng): number | undefined {
  const n = chars.length;
  if (i.field && NAME_FIELDS.includes(i.field)) return n < 2 ? undefined : n - rng.int(1, Math.min(2, n - 1));
  if (i.field && DATE_FIELDS.includes(i.field) && n >= 6) {
    // The year's end: four characters (digits or Chinese numerals) then 年, `-`, `.` or `/`.
    const cuts = [2, 3, 5];
    const month = chars.findIndex((c, k) => k > 5 && /[月\-./]/.test(c));
    if (month > 0 && month + 1 < n) cuts.push(month + 1);
    return rng.pick(cuts);
  }
  if (n < 3) return undefined;
  if (n >= 4 && !/^[0-9A-Z]/.test(chars[0])) return rng.int(2, n - 2);
  return rng.int(1, n - 1);
}

/** A value cut by the wrap (`身份证号码：330` | `102197701043000`, `2020年3` | `月5日`): its head ends a line. */
function cutValue(i: Item, p: LayoutParams, masks: ReadonlyMap<string, MaskStyle>, rng: Rng, label: string, onBlank: boolean): Cut | undefined {
  const chars = [...i.value];
  if (chars.length < 2 || i.layout?.cells || i.value === '无固定期限') return undefined;
  const at = valueCutAt(i, chars, rng);
  if (at === undefined) return undefined;
  const part = (value: string, after: boolean) =>
    blank(valueHtml({ ...i, value, long: false, after: after ? i.after : undefined }, p, masks, rng), onBlank, rng);
  const tag = `${RUN_ON_TAGS.valueCut}:${i.field ?? 'other'}`;
  return { head: `${label}${part(chars.slice(0, at).join(''), false)}`, rest: part(chars.slice(at).join(''), true), tag, field: i.field };
}

/** Fields whose value a wrap cuts that the reader must join (names, dates, company names, occupations). */
const JOINED_FIELDS: readonly string[] = [...NAME_FIELDS, ...DATE_FIELDS, 'companyName', 'employerName', 'occupation'];
/** A clause that opens a paragraph before its first pair (`现将有关情况登记如下：姓名：余涵` | `丽`). */
const OPENINGS = ['现将有关情况登记如下：', '经审核，有关情况如下：', '根据有关规定，现登记如下：', '经核实，情况如下：'] as const;

/**
 * Where a block's wrap is drawn to fall inside a pair (three blocks in five): the pair `at`, cut in its label or its
 * value, its line opening with the pair `from` (one or two pairs before it, so the cut comes after a clause:
 * `…305号西；职`) or, for a value the reader must join with no pair before it, with an opening clause. A value of a
 * name, a date, a company's name or an occupation is drawn three times as often as another cut. Undefined when the
 * block draws no cut.
 */
function drawCut(parts: readonly Piece[], rng: Rng): { from: number; at: number; part: 'label' | 'value'; opening: string } | undefined {
  if (!rng.chance(0.6)) return undefined;
  // The line up to the cut sets the paragraph's width: it holds one or two pairs before the cut, eight to 28
  // characters (a long scope would run off the page, a short line would make a column of a few characters).
  const lineFrom = (at: number) => {
    let from = at;
    let total = 0;
    while (from > 0 && parts[from - 1].chars !== undefined && total + parts[from - 1].chars! <= 28 && (from === at || total < 14)) {
      from--;
      total += parts[from].chars!;
    }
    return total >= 8 ? from : undefined;
  };
  const joined = (k: number) => parts[k].cutValue?.field !== undefined && JOINED_FIELDS.includes(parts[k].cutValue!.field!);
  const cuttable = parts
    .map((_, k) => k)
    .filter((k) => ((parts[k].cutLabel || parts[k].cutValue) && lineFrom(k) !== undefined) || joined(k))
    .flatMap((k) => (joined(k) ? [k, k, k] : [k]));
  if (cuttable.length === 0) return undefined;
  const at = rng.pick(cuttable);
  const from = lineFrom(at);
  const part = from !== undefined && parts[at].cutLabel && (!parts[at].cutValue || rng.chance(joined(at) ? 0.25 : 0.4)) ? 'label' : 'value';
  if (part === 'value' && !parts[at].cutValue) return undefined;
  return { from: from ?? at, at, part, opening: from === undefined ? rng.pick(OPENINGS) : '' };
}

/**
 * A block of pairs run on in prose. Returns the HTML and the tags drawn.
 *
 * @example
 * runOnBlock(items, params, new Map(), rng).html; // '<div class="blk" …>姓名<span class="v">王晓明</span>，性别…'
 */
export function runOnBlock(items: readonly Item[], p: LayoutParams, masks: ReadonlyMap<string, MaskStyle>, rng: Rng): { html: string; tags: string[] } {
  const tags = new Set<string>();
  const narrow = rng.chance(0.45);
  const grouping = rng.pick(['flow', 'line', 'groups'] as const);
  const sep = rng.pick(SEPARATORS);
  const underline = rng.pick([0, 0, 0.5, 1]);
  const prose = rng.chance(0.6);
  if (narrow) tags.add(RUN_ON_TAGS.narrow);
  tags.add(grouping === 'flow' ? RUN_ON_TAGS.flowing : grouping === 'line' ? RUN_ON_TAGS.onePerLine : RUN_ON_TAGS.grouped);
  if (underline > 0) tags.add(RUN_ON_TAGS.underlined);
  if (sep === '') tags.add(RUN_ON_TAGS.noSeparator);
  const parts = pieces(items, p, masks, rng, tags, underline);
  // Prose words before some pairs: never before a name's label (`本人姓名` is another form's label).
  const leads = parts.map(({ name }, k) => {
    if (!prose || k === 0 || name || !rng.chance(0.3)) return '';
    tags.add(RUN_ON_TAGS.proseWords);
    return rng.pick(LEAD_WORDS);
  });
  const led = parts.map(({ html }, k) => `${leads[k]}${html}`);
  const closing = prose && rng.chance(0.5) ? rng.pick(CLOSINGS) : '';
  if (closing) tags.add(RUN_ON_TAGS.proseWords);
  // A pair's separator: the block's own, now and then another (forms are typed by people).
  const joiner = () => esc(rng.chance(0.8) ? sep : rng.pick(SEPARATORS));
  const lineHeight = rng.float(1.5, 2.3).toFixed(2);
  const width = narrow ? `width:${rng.int(55, 95)}mm;` : '';
  const style = `${width}line-height:${lineHeight};word-break:break-all;text-indent:${rng.chance(0.4) ? '2em' : '0'}`;
  const end = rng.pick(['。', '；', '', '']);
  const cut = drawCut(parts, rng);
  let lines: string[][];
  if (grouping === 'flow') lines = [led.slice(0, cut?.from ?? led.length)];
  else if (grouping === 'line') lines = led.slice(0, cut?.from ?? led.length).map((l) => [l]);
  else {
    lines = [];
    for (let k = 0; k < (cut?.from ?? led.length); ) {
      const n = rng.int(2, 3);
      lines.push(led.slice(k, Math.min(k + n, cut?.from ?? led.length)));
      k += n;
    }
  }
  const margin = () => `margin:${rng.float(0, 2).toFixed(1)}mm 0`;
  const rows = lines
    .filter((l) => l.length > 0)
    .map((l, n, all) => {
      const body = l.join(joiner());
      const last = !cut && n === all.length - 1;
      return `<div style="${margin()}">${body}${last ? `${esc(end)}${closing}` : esc(grouping === 'flow' ? '' : rng.pick([sep, '']))}</div>`;
    });
  if (cut) {
    // The wrap falls where it was drawn: the line up to the cut is set whole and sets the paragraph's width, the rest
    // wraps under it at that width (`…305号西；职` | `工姓名：钟飞红，身份证号码…`), as a justified paragraph's rows end at
    // its margin. A label's head may be glued to the clause before it, no separator.
    const { from, at, part, opening } = cut;
    const split = part === 'label' ? parts[at].cutLabel! : parts[at].cutValue!;
    tags.add(part === 'label' ? RUN_ON_TAGS.labelCut : RUN_ON_TAGS.valueCut);
    if (split.tag) tags.add(split.tag);
    const glue = part === 'label' && rng.chance(0.35) ? '' : joiner();
    const first = [opening, ...led.slice(from, at).map((h, k) => (k > 0 ? joiner() : '') + h), at > from ? glue : '', leads[at], split.head].join('');
    const rest = [split.rest, ...led.slice(at + 1).map((h) => joiner() + h), esc(end), closing].join('');
    rows.push(
      `<div style="display:inline-block;${margin()};text-indent:0"><div style="white-space:nowrap">${first}</div>` +
        `<div style="width:0;min-width:100%">${rest}</div></div>`,
    );
  }
  const html = rows.join('');
  return { html: `<div class="blk" style="${style}">${html}</div>`, tags: [...tags] };
}
