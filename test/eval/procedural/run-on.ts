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
function pieces(
  items: readonly Item[],
  p: LayoutParams,
  masks: ReadonlyMap<string, MaskStyle>,
  rng: Rng,
  tags: Set<string>,
  underline: number,
): { html: string; name: boolean }[] {
  // A run-on value flows with its sentence: no forced inline-block wrap of a long value.
  const value = (i: Item) => blank(valueHtml({ ...i, long: false }, p, masks, rng), rng.chance(underline), rng);
  const out: { html: string; name: boolean }[] = [];
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
    out.push({
      html: `<span class="lb" style="color:${p.labelColor}">${runOnLabel(i.label, rng)}</span>${value(i)}`,
      name: /姓名|名称|^乙方$|^甲方$/.test(i.label),
    });
  }
  return out;
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
  const led = parts.map(({ html, name }, k) => {
    if (!prose || k === 0 || name || !rng.chance(0.3)) return html;
    tags.add(RUN_ON_TAGS.proseWords);
    return `${rng.pick(LEAD_WORDS)}${html}`;
  });
  const closing = prose && rng.chance(0.5) ? rng.pick(CLOSINGS) : '';
  if (closing) tags.add(RUN_ON_TAGS.proseWords);
  // A pair's separator: the block's own, now and then another (forms are typed by people).
  const joiner = () => esc(rng.chance(0.8) ? sep : rng.pick(SEPARATORS));
  const lineHeight = rng.float(1.5, 2.3).toFixed(2);
  const width = narrow ? `width:${rng.int(55, 95)}mm;` : '';
  const style = `${width}line-height:${lineHeight};word-break:break-all;text-indent:${rng.chance(0.4) ? '2em' : '0'}`;
  let lines: string[][];
  if (grouping === 'flow') lines = [led];
  else if (grouping === 'line') lines = led.map((l) => [l]);
  else {
    lines = [];
    for (let k = 0; k < led.length; ) {
      const n = rng.int(2, 3);
      lines.push(led.slice(k, k + n));
      k += n;
    }
  }
  const end = rng.pick(['。', '；', '', '']);
  const html = lines
    .map((l, n) => {
      const body = l.join(joiner());
      const last = n === lines.length - 1;
      return `<div style="margin:${rng.float(0, 2).toFixed(1)}mm 0">${body}${last ? `${esc(end)}${closing}` : esc(grouping === 'flow' ? '' : rng.pick([sep, '']))}</div>`;
    })
    .join('');
  return { html: `<div class="blk" style="${style}">${html}</div>`, tags: [...tags] };
}
