/**
 * Form variety (issue 12, family12): what real Chinese forms do that no earlier family drew. Labels numbered
 * (`1. 姓名`, `一、姓名`, `（三）姓名`) or bracketed (`【姓名】`, `[姓名]`) and colons of other shapes (`:`, `∶`);
 * ID numbers and codes written one character per box (方格) or in groups with spaces; values in full-width digits
 * (`２０２１年３月５日`); fields in a shuffled order; extra pairs whose labels look like a field's but name someone or
 * something else (`紧急联系人身份证号`, `原单位`, `培训机构名称`, `曾用名`); and a page header or footer naming another
 * organisation and the clerks who handled the form (`经办人`, `审核人`). Every choice is drawn from the seed, per page
 * or per field, and tagged (`form:…`, `form:…@field`) so by-variant.ts can score it.
 */
import { makeEnterprise } from '../factory/enterprises.js';
import { makeName, makePerson } from '../factory/people.js';
import type { Rng } from '../factory/random.js';
import { esc } from '../templates/kit.js';
import type { Item } from './parts.js';

/** Chances of each form-variety draw; a family without them draws none and takes no draw from the generator. */
export interface FormVarietyChances {
  /** A page's labels numbered (one scheme for the page) or bracketed. */
  labelDecor: number;
  /** An ID number or code written one character per box, or in groups with spaces. */
  codeCells: number;
  /** A code, ID or date value printed in full-width digits. */
  fullwidthDigits: number;
  /** A block holds 1–3 pairs about someone or something else whose labels look like a field's. */
  distractors: number;
  /** A block's pairs in a shuffled order. */
  shuffle: number;
  /** A page header naming another organisation and a footer naming the clerks who handled the form. */
  otherParties: number;
  /** A ruled table's items grouped under a merged caption cell down its left side; absent: never drawn, no draw taken. */
  groupCaption?: number;
}

/** Captions of a merged cell grouping a table's items. */
export const GROUP_CAPTIONS = ['基本信息', '基本情况', '登记事项', '填报信息', '持证信息'] as const;

/** How one label is decorated: a numbering prefix, or brackets around it (no colon after a bracket). */
export interface LabelDecor {
  prefix?: string;
  open?: string;
  close?: string;
}

/** How a code's characters are set: one per ruled box, or in groups separated by spaces. */
export type CodeCells = { style: 'boxes' } | { style: 'groups'; sizes: readonly number[] };

export const FORM_VARIETY_TAGS = {
  numbered: 'form:labels-numbered',
  bracketed: 'form:labels-bracketed',
  boxes: 'form:code-boxes',
  groups: 'form:code-groups',
  fullwidth: 'form:fullwidth-digits',
  distractors: 'form:distractors',
  shuffled: 'form:shuffled',
  otherParties: 'form:other-parties',
  groupCaption: 'form:group-caption',
} as const;

/** Which pool of look-alike pairs a document draws from. */
export type DistractorPool = 'certificate' | 'certificate_training' | 'licence' | 'record' | 'contract';

const CN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六'];
const CIRCLED = ['①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨', '⑩', '⑪', '⑫', '⑬', '⑭', '⑮', '⑯'];
const NUMBERINGS = [
  (n: number) => `${n + 1}. `,
  (n: number) => `${n + 1}、`,
  (n: number) => `${CN_NUMERALS[n]}、`,
  (n: number) => `（${CN_NUMERALS[n]}）`,
  (n: number) => `(${n + 1})`,
  (n: number) => CIRCLED[n],
] as const;
const BRACKETS = [
  ['【', '】'],
  ['[', ']'],
  ['〔', '〕'],
] as const;

const SCHOOLS = ['杭州西湖职业技能培训学校', '浙江之江职业培训学院', '杭州文新技工学校', '西湖区社区学院培训中心', '杭州蓝天职业技能培训中心'];
const RELATIONS = ['紧急联系人', '联系人', '家属', '担保人'];

/** A pair about someone or something else whose label looks like one of the document's own fields. */
function distractor(pool: DistractorPool, rng: Rng): Item {
  const other = makePerson(rng);
  const rel = rng.pick(RELATIONS);
  const company = () => makeEnterprise(rng).name;
  const common: (() => Item)[] = [
    () => ({ label: `${rel}姓名`, value: other.name }),
    () => ({ label: `${rel}身份证号`, value: other.idNumber }),
    () => ({ label: rng.pick(['经办人', '受理人', '审核人']), value: makeName(rng) }),
  ];
  const byPool: Record<DistractorPool, (() => Item)[]> = {
    certificate: [
      () => ({ label: rng.pick(['原工作单位', '工作单位', '推荐单位']), value: company(), long: true }),
      () => ({ label: rng.pick(['培训机构名称', '培训单位']), value: rng.pick(SCHOOLS), long: true }),
      () => ({ label: '原证书编号', value: `${rng.pick(['S', 'Y', ''])}${rng.digits(14)}` }),
    ],
    certificate_training: [
      () => ({ label: rng.pick(['原工作单位', '工作单位']), value: company(), long: true }),
      () => ({ label: rng.pick(['考核站点', '鉴定站点']), value: `${rng.pick(SCHOOLS)}考点` }),
    ],
    licence: [
      () => ({ label: rng.pick(['联络员', '联络员姓名', '财务负责人']), value: other.name }),
      () => ({ label: rng.pick(['联络员身份证号', '财务负责人证件号码']), value: other.idNumber }),
      () => ({ label: rng.pick(['曾用名', '原企业名称']), value: company(), long: true }),
    ],
    record: [
      () => ({ label: rng.pick(['原单位', '原参保单位']), value: company(), long: true }),
      () => ({ label: rng.pick(['代办人', '代办人姓名']), value: other.name }),
      () => ({ label: '代办人身份证号', value: other.idNumber }),
    ],
    contract: [
      () => ({ label: rng.pick(['原单位', '原工作单位', '派遣单位']), value: company(), long: true }),
      () => ({ label: rng.pick(['甲方委托代理人', '甲方经办人']), value: makeName(rng) }),
      () => ({ label: rng.pick(['紧急联系人', '紧急联系人姓名']), value: other.name }),
      () => ({ label: '紧急联系人身份证号', value: other.idNumber }),
    ],
  };
  return rng.pick([...common, ...byPool[pool]])();
}

/** Full-width digits and Latin letters (`２０２１`, `３３０１０６…Ｘ`), as word processors print them. */
export function toFullwidth(text: string): string {
  return text.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

/**
 * A code's characters one per ruled box (方格), or in groups separated by spaces.
 *
 * @example
 * codeCellsHtml('330106199001011234', { style: 'groups', sizes: [6, 8, 4] }); // '330106 19900101 1234'
 */
export function codeCellsHtml(code: string, cells: CodeCells): string {
  const chars = [...code];
  if (cells.style === 'groups') {
    const parts: string[] = [];
    let at = 0;
    for (const size of cells.sizes) {
      if (at >= chars.length) break;
      parts.push(chars.slice(at, at + size).join(''));
      at += size;
    }
    if (at < chars.length) parts.push(chars.slice(at).join(''));
    return esc(parts.join(' '));
  }
  return `<span style="display:inline-flex;vertical-align:middle">${chars
    .map((c) => `<span style="display:inline-block;width:1em;text-align:center;border:1px solid #333;margin-left:-1px;line-height:1.3">${esc(c)}</span>`)
    .join('')}</span>`;
}

/** The fields a code layout may apply to: IDs and codes of 15–18 characters. */
const CODE_FIELDS = new Set(['idNumber', 'employeeIdNumber', 'creditCode', 'employerCreditCode', 'certificateNumber']);
/** The fields full-width digits may apply to: codes and dates. */
const DIGIT_FIELDS = new Set([...CODE_FIELDS, 'issueDate', 'establishedDate', 'startDate', 'endDate', 'signedDate']);

/**
 * Draws a block's form variety: numbered or bracketed labels, code boxes or groups, full-width digits, look-alike
 * pairs and a shuffled order. Returns the items and the tags drawn.
 *
 * @example
 * drawFormVariety(items, { labelDecor: 0.5, codeCells: 0.4, fullwidthDigits: 0.2, distractors: 0.6, shuffle: 0.3, otherParties: 0.5 }, 'contract', rng);
 */
export function drawFormVariety(
  items: readonly Item[],
  chances: FormVarietyChances | undefined,
  pool: DistractorPool | undefined,
  rng: Rng,
): { items: Item[]; tags: string[] } {
  if (!chances) return { items: [...items], tags: [] };
  const tags = new Set<string>();
  const tag = (name: string, field?: string) => {
    tags.add(name);
    if (field) tags.add(`${name}@${field}`);
  };
  let out = items.map((i) => ({ ...i, layout: i.layout ? { ...i.layout } : undefined }));
  if (pool && rng.chance(chances.distractors)) {
    const n = rng.int(1, 3);
    for (let k = 0; k < n; k++) out.splice(rng.int(0, out.length), 0, { ...distractor(pool, rng), layout: undefined });
    tag(FORM_VARIETY_TAGS.distractors);
  }
  if (rng.chance(chances.shuffle)) {
    for (let i = out.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [out[i], out[j]] = [out[j], out[i]];
    }
    tag(FORM_VARIETY_TAGS.shuffled);
  }
  // A wide pair (经营范围) stays last in its block, where forms print it.
  out = [...out.filter((i) => !i.wide), ...out.filter((i) => i.wide)];
  if (rng.chance(chances.labelDecor)) {
    if (rng.chance(0.6)) {
      const numbering = rng.pick(NUMBERINGS);
      out.forEach((i, n) => (i.layout = { ...i.layout, decor: { prefix: numbering(n) } }));
      tag(FORM_VARIETY_TAGS.numbered);
    } else {
      const [open, close] = rng.pick(BRACKETS);
      for (const i of out) i.layout = { ...i.layout, decor: { open, close } };
      tag(FORM_VARIETY_TAGS.bracketed);
    }
  }
  for (const i of out) {
    if (!i.field) continue;
    if (CODE_FIELDS.has(i.field) && !i.layout?.stacked && rng.chance(chances.codeCells)) {
      const boxes = rng.chance(0.5);
      const length = [...i.value].length;
      const sizes =
        length === 18 && i.field.toLowerCase().includes('id')
          ? rng.pick([
              [6, 8, 4],
              [6, 4, 4, 4],
              [3, 3, 4, 4, 4],
            ])
          : rng.pick([
              [4, 4, 4, 4, 2],
              [2, 6, 10],
              [6, 6, 6],
            ]);
      i.layout = { ...i.layout, cells: boxes ? { style: 'boxes' } : { style: 'groups', sizes } };
      // A row of boxes or groups takes the form's whole width, as 方格 rows do: kept to one line, squeezed beside
      // another pair it would run off the page.
      i.wide = true;
      tag(boxes ? FORM_VARIETY_TAGS.boxes : FORM_VARIETY_TAGS.groups, i.field);
    } else if (DIGIT_FIELDS.has(i.field) && /\d/.test(i.value) && rng.chance(chances.fullwidthDigits)) {
      i.layout = { ...i.layout, fullwidth: true };
      // Full-width digits are twice as wide: a code so printed takes a row of its own, or it would run off the page.
      if (CODE_FIELDS.has(i.field)) i.wide = true;
      tag(FORM_VARIETY_TAGS.fullwidth, i.field);
    }
  }
  return { items: out.map((i) => (i.layout && Object.keys(i.layout).length ? i : { ...i, layout: undefined })), tags: [...tags] };
}

/**
 * A header naming another organisation (who printed or supervised the form) and a footer naming the clerks who
 * handled it, both small and away from the fields. Absolute, inside the sheet.
 *
 * @example
 * otherPartiesHtml(rng); // '<div …>杭州西湖职业技能培训学校 印制</div><div …>经办人：李娜　审核人：王强</div>'
 */
export function otherPartiesHtml(rng: Rng): string {
  const org = rng.pick([...SCHOOLS, '杭州市西湖区人力资源和社会保障局', '杭州市人才服务中心', makeEnterprise(rng).name]);
  const header = rng.pick([`${org}　印制`, `${org}监制`, `打印单位：${org}`, `${org}　（存档联）`]);
  const clerks = rng.chance(0.5) ? `经办人：${makeName(rng)}　　审核人：${makeName(rng)}` : `经办人：${makeName(rng)}　　联系电话：0571-${rng.digits(8)}`;
  const top = rng.chance(0.6);
  return `<div style="position:absolute;${top ? 'top' : 'bottom'}:${rng.float(4, 7).toFixed(1)}mm;left:${rng.int(14, 26)}mm;font-size:9pt;color:#444">${esc(header)}</div><div style="position:absolute;${top ? 'bottom' : 'top'}:${rng.float(4, 7).toFixed(1)}mm;right:${rng.int(14, 26)}mm;font-size:9pt;color:#444">${esc(clerks)}</div>`;
}
