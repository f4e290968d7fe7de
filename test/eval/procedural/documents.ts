/**
 * Composes one document from parts, for every kind the procedural generator draws. Returns the sheets, the truth
 * fields (normalised as `intake extract --json` prints them) and the fields masked on the page.
 */
import { type CalendarDate, formatMonth, type MonthStyle, monthsBetween } from '../factory/dates.js';
import { type DocumentData, LEVEL_NAMES, totalMonths, truthFields } from '../factory/documents.js';
import { type Enterprise, makeRegistrationNumber } from '../factory/enterprises.js';
import type { Rng } from '../factory/random.js';
import type { Sheet } from '../templates/kit.js';
import { esc } from '../templates/kit.js';
import type { TruthValue } from '../truth.js';
import { formatProceduralDate } from './dates.js';
import { drawLayout, type FamilyRegion, type ProceduralFamily } from './families.js';
import { drawFieldLayouts, PAGE_SHIFT_TAG } from './field-variants.js';
import { type DistractorPool, drawFormVariety, FORM_VARIETY_TAGS, otherPartiesHtml } from './form-variety.js';
import { H3_WORDS, LEXICON, type Role } from './lexicon.js';
import { runOnBlock } from './run-on.js';
import {
  block,
  flowBlock,
  inspectionStampHtml,
  type Item,
  type LayoutParams,
  type MaskStyle,
  maskHtml,
  partsCss,
  photoHtml,
  qrHtml,
  sealHtml,
  securityHtml,
  signatureHtml,
  stampHtml,
  watermarkHtml,
} from './parts.js';

export interface ProceduralDocument {
  sheets: Sheet[];
  fields: Record<string, TruthValue>;
  masked: string[];
  /** What was drawn, for the truth file and the README (e.g. `licence:individual`, `placement:cell`). */
  variants: string[];
}

const PORTRAIT = { widthMm: 210, heightMm: 297 };
const LANDSCAPE = { widthMm: 297, heightMm: 210 };

const STREET_TOWNS = ['西溪街道', '蒋村街道', '文新街道', '古荡街道', '翠苑街道', '留下街道', '转塘街道', '三墩镇'];
const BUILDINGS = ['西溪谷国际商务中心', '华星时代广场', '黄龙国际中心', '紫金港科技城创业大厦', '文新智谷产业园', '西湖科技园综合楼'];
const SITES = ['仅供杭州市西湖区人力社保局审核使用', '仅限办理职业技能补贴使用', '复印无效', '仅供本次申报使用'];
const STAMPS = ['与原件一致', '仅限申请补贴使用', '复印件与原件相符', '仅供补贴申报使用，他用无效'];
const AFTER = ['（盖章）', '以下空白', '（已核验）', '（复印件）'];

class Drawer {
  constructor(
    readonly rng: Rng,
    readonly family: ProceduralFamily,
  ) {}

  get r(): FamilyRegion {
    return this.family.region;
  }

  label(role: Role): string {
    const words = LEXICON[role];
    if (this.r.lexicon === 'h3') {
      const h3 = H3_WORDS[role];
      return this.rng.pick(h3 && this.rng.chance(0.6) ? h3 : words.common);
    }
    return this.rng.pick(this.r.lexicon === 'all' && this.rng.chance(0.5) ? words.rare : words.common);
  }

  date(d: CalendarDate): string {
    return formatProceduralDate(d, this.rng.pick(this.r.dateStyles));
  }
}

/** A longer Xihu address, so it wraps: street, number, building, floor and room. */
function longAddress(rng: Rng): string {
  return `浙江省杭州市西湖区${rng.pick(STREET_TOWNS)}${rng.pick(['文三路', '天目山路', '古墩路', '文一西路', '紫霞街', '西园路'])}${rng.int(1, 999)}号${rng.pick(BUILDINGS)}${rng.int(1, 12)}幢${rng.int(2, 23)}层${rng.int(1, 30)}0${rng.int(1, 9)}室`;
}

function longCompanyName(e: Enterprise, rng: Rng): string {
  const extra = rng.pick(['数字', '智慧', '环境', '供应链', '人力资源', '健康']);
  return e.name.replace('杭州', rng.pick(['浙江', '杭州'])).replace(/(有限公司|股份有限公司)$/, `${extra}服务$1`);
}

/** Tags of what only the proc-H3 families draw (by-variant.ts scores them). */
export const H3_TAGS = {
  security: 'paper:security',
  handwritten: 'values:handwritten',
  larger: 'values:larger-other-font',
  dotName: 'name:middle-dot',
  fourChar: 'name:four-char',
  brackets: 'company:brackets',
  lane: 'address:lane-unit',
} as const;

const DOT_FIRST = ['阿不都', '买买提', '古丽娜尔', '努尔艾力', '迪丽努尔', '阿依古丽', '艾克拜尔', '热依拉', '玛依拉', '巴哈尔古丽', '吐尔洪', '帕提古丽'];
const DOT_LAST = ['热合曼', '艾力', '吐尔逊', '阿布都热西提', '买买提', '吾拉木', '艾合买提', '哈力克', '依明', '司马义', '卡德尔'];
const H3_COMPOUND = ['端木', '宇文', '长孙', '独孤', '南宫', '申屠', '呼延', '赫连', '闻人', '澹台'];
const H3_SURNAMES = [...'张王李赵陈刘杨黄周吴徐孙朱马胡郭何高林罗'];
const H3_GIVEN = [...'思雨梓萱浩然子轩欣妍一诺宇航佳怡俊杰雅琪博涛嘉懿沐辰'];
const LANES = ['文三路', '天目山路', '古墩路', '教工路', '学院路', '文一路', '求是路', '保俶路'];
const ESTATES = ['翠苑一区', '嘉绿苑', '府苑新村', '蒋村花园', '骆家庄西苑', '文鼎苑', '耀江文鼎苑', '金都花园'];

/** A name with a middle dot (`阿不都·热合曼`), as Uyghur and other names are written in Chinese. */
function dotName(rng: Rng): string {
  return `${rng.pick(DOT_FIRST)}·${rng.pick(DOT_LAST)}`;
}

/** A four-character name: a compound surname no other family draws, or both parents' surnames, and two given characters. */
function fourCharName(rng: Rng): string {
  const surname = rng.chance(0.5) ? rng.pick(H3_COMPOUND) : rng.pick(H3_SURNAMES) + rng.pick(H3_SURNAMES);
  return surname + rng.pick(H3_GIVEN) + rng.pick(H3_GIVEN);
}

/** proc-H3: a name with a middle dot, a four-character one, or the one drawn. */
function h3Name(name: string, d: Drawer, tags: string[]): string {
  const h3 = d.r.h3!;
  if (d.rng.chance(h3.dotName)) {
    if (!tags.includes(H3_TAGS.dotName)) tags.push(H3_TAGS.dotName);
    return dotName(d.rng);
  }
  if (d.rng.chance(h3.fourChar)) {
    if (!tags.includes(H3_TAGS.fourChar)) tags.push(H3_TAGS.fourChar);
    return fourCharName(d.rng);
  }
  return name;
}

/**
 * proc-H3: a company name with brackets, as real names carry them: `浙江之江网络科技（集团）有限公司`,
 * `之江（杭州）网络科技有限公司`, `之江（中国）科技股份有限公司`, `杭州之江网络科技合伙企业（有限合伙）`.
 */
function h3CompanyName(name: string, d: Drawer, tags: string[]): string {
  if (!d.rng.chance(d.r.h3!.bracketCompany)) return name;
  const m = /^(?:杭州|浙江)?(.{2})(.*?)(股份有限公司|有限公司)$/.exec(name);
  if (!m) return name;
  const [, brand, trade, form] = m;
  if (!tags.includes(H3_TAGS.brackets)) tags.push(H3_TAGS.brackets);
  switch (d.rng.int(0, 3)) {
    case 0:
      return `浙江${brand}${trade}（集团）有限公司`;
    case 1:
      return `${brand}（杭州）${trade}${form}`;
    case 2:
      return `${brand}（中国）${trade}${form}`;
    default:
      return `杭州${brand}${trade}合伙企业（${d.rng.pick(['有限合伙', '普通合伙'])}）`;
  }
}

/** proc-H3: an address with 弄, 单元 or a `3-1-502室` room, as Hangzhou estates number them. */
function h3Address(address: string, d: Drawer, tags: string[]): string {
  const { rng } = d;
  if (!rng.chance(d.r.h3!.laneAddress)) return address;
  if (!tags.includes(H3_TAGS.lane)) tags.push(H3_TAGS.lane);
  const region = /^(?:.*?省)?.*?市.*?[区县市]/.exec(address)?.[0] ?? '浙江省杭州市西湖区';
  const floor = rng.int(1, 18);
  const room = `${floor}0${rng.int(1, 4)}`;
  switch (rng.int(0, 2)) {
    case 0:
      return `${region}${rng.pick(LANES)}${rng.int(2, 480)}弄${rng.int(1, 40)}号${room}室`;
    case 1:
      return `${region}${rng.pick(ESTATES)}${rng.int(1, 36)}幢${rng.int(1, 4)}单元${room}室`;
    default:
      return `${region}${rng.pick(ESTATES)}${rng.int(1, 36)}-${rng.int(1, 4)}-${room}室`;
  }
}

/**
 * proc-H3: the facts real documents hold and the factory does not make — names with a middle dot or of four
 * characters, bracketed company names, addresses with 弄/单元/`3-1-502室` — put into a copy of `data` before it is
 * composed. Companies on licences and contracts are renamed after their long form is drawn (`h3Company`).
 */
function h3Data(data: DocumentData, d: Drawer, tags: string[]): DocumentData {
  // A licence's person is its legal representative; every other kind's is its holder, employee or insured.
  if (data.kind === 'business_license')
    return { ...data, enterprise: { ...data.enterprise, legalRepresentative: h3Name(data.enterprise.legalRepresentative, d, tags) } };
  if (!('person' in data)) return data;
  const person = { ...data.person, name: h3Name(data.person.name, d, tags) };
  // Only an ID card prints its holder's address.
  if (data.kind === 'id_card') person.address = h3Address(data.person.address, d, tags);
  if (person.name.includes('·')) person.ethnicity = '维吾尔';
  const out = { ...data, person } as DocumentData;
  // Every employer may carry brackets; the tag says the current one (the truth's employerName) does.
  if (out.kind === 'social_insurance_record')
    out.spans = out.spans.map((s, i, all) => ({ ...s, employer: h3CompanyName(s.employer, d, i === all.length - 1 ? tags : []) }));
  return out;
}

/** proc-H3: a company's name and address as the region draws them (after the long forms other families draw too). */
function h3Company(e: Enterprise, d: Drawer, tags: string[]): void {
  if (!d.r.h3) return;
  e.name = h3CompanyName(e.name, d, tags);
  e.address = h3Address(e.address, d, tags);
}

function pickMasks(d: Drawer, eligible: readonly string[]): Map<string, MaskStyle> {
  const masks = new Map<string, MaskStyle>();
  if (eligible.length === 0 || !d.rng.chance(d.r.mask.chance)) return masks;
  const n = d.rng.chance(0.3) && eligible.length > 1 ? 2 : 1;
  const pool = [...eligible];
  for (let i = 0; i < n; i++) {
    const field = pool.splice(d.rng.int(0, pool.length - 1), 1)[0];
    masks.set(field, d.rng.pick(d.r.mask.styles));
  }
  return masks;
}

/** A block in the page's placement; run-on prose (run-on.ts) and flowing grids (parts.ts) tag what they drew on the document. */
function renderBlock(items: Item[], p: LayoutParams, masks: Map<string, MaskStyle>, d: Drawer, variants: string[]): string {
  if (p.placement !== 'run_on' && p.placement !== 'flow') return block(items, p, masks, d.rng);
  const { html, tags } = p.placement === 'flow' ? flowBlock(items, p, masks, d.rng) : runOnBlock(items, p, masks, d.rng);
  for (const tag of tags) if (!variants.includes(tag)) variants.push(tag);
  return html;
}

/** Adds overlays that belong to values: text after a value, a stamp across one value. */
function decorate(items: Item[], d: Drawer, variants: string[], pool?: DistractorPool): { items: Item[]; stampAt?: number } {
  const form = drawFormVariety(items, d.r.formVariety, pool, d.rng);
  for (const tag of form.tags) if (!variants.includes(tag)) variants.push(tag);
  const out = form.items.map((i) => ({ ...i }));
  if (d.rng.chance(d.r.overlays.after)) {
    const candidates = out.filter((i) => i.field && !i.wide);
    if (candidates.length) {
      const target = d.rng.pick(candidates);
      target.after = (target.after ?? '') + d.rng.pick(AFTER);
      variants.push('overlay:text-after-value');
    }
  }
  let stampAt: number | undefined;
  if (d.rng.chance(d.r.overlays.stamp)) {
    stampAt = d.rng.int(0, Math.max(0, out.length - 1));
    variants.push('overlay:stamp');
  }
  // A page whose whole fill-in layer is shifted draws no per-field shift or stacked pair on top of it (a value
  // stacked tight under its label and shifted up would print over it).
  const chances = d.r.fieldLayouts && variants.includes(PAGE_SHIFT_TAG) ? { ...d.r.fieldLayouts, offBaseline: 0, stacked: 0 } : d.r.fieldLayouts;
  const drawn = drawFieldLayouts(out, chances, d.rng);
  for (const tag of drawn.tags) if (!variants.includes(tag)) variants.push(tag);
  return { items: drawn.items, stampAt };
}

function stampOverBlock(html: string, d: Drawer, blockHeightMm: number, widthMm: number): string {
  return `<div style="position:relative">${html}${stampHtml(d.rng.pick(STAMPS), { left: d.rng.float(0.15, 0.55) * widthMm, top: d.rng.float(0.1, 0.7) * blockHeightMm }, d.rng)}</div>`;
}

function footerHtml(
  d: Drawer,
  parts: { issuer?: string; issuerLabel?: string; date: string; dateLabel?: string; sealName: string },
  variants: string[],
  masks: Map<string, MaskStyle>,
  p: LayoutParams,
): string {
  const { rng } = d;
  const right = rng.chance(0.7);
  const issuer = parts.issuer === undefined ? '' : masks.has('issuer') ? maskHtml(parts.issuer, masks.get('issuer')!, p.sizePt, rng) : esc(parts.issuer);
  const lines = [
    parts.issuer === undefined ? '' : `<div>${parts.issuerLabel ? `${esc(parts.issuerLabel)}${esc(p.colon || '：')}` : ''}${issuer}</div>`,
    `<div>${parts.dateLabel ? `${esc(parts.dateLabel)}${esc(p.colon || '：')}` : ''}${esc(parts.date)}</div>`,
  ].join('');
  let overlay = '';
  if (rng.chance(d.r.overlays.sealOverIssuer)) {
    overlay += sealHtml(parts.sealName, rng.int(34, 44), { left: rng.float(-8, 25), top: rng.float(-18, -4) }, rng);
    variants.push('overlay:seal-over-issuer');
    if (rng.chance(d.r.overlays.signature)) {
      overlay += signatureHtml({ left: rng.float(0, 30), top: rng.float(-6, 4) }, rng.int(25, 40), rng);
      variants.push('overlay:signature-over-seal');
    }
  }
  return `<div style="position:relative;margin-top:${rng.int(8, 18)}mm;${right ? 'margin-left:auto;width:fit-content;text-align:center' : 'width:fit-content'};line-height:1.8">${lines}<div style="position:absolute;left:0;top:0;width:0;height:0">${overlay}</div></div>`;
}

function sheetOf(size: { widthMm: number; heightMm: number }, p: LayoutParams, body: string, d: Drawer, variants: string[], extraCss = ''): Sheet {
  let overlays = '';
  if (d.rng.chance(d.r.overlays.watermark)) {
    overlays += watermarkHtml(d.rng.pick(SITES), d.rng);
    variants.push('overlay:watermark');
  }
  if (d.r.formVariety && d.rng.chance(d.r.formVariety.otherParties)) {
    overlays += otherPartiesHtml(d.rng);
    variants.push(FORM_VARIETY_TAGS.otherParties);
  }
  // proc-H3: security paper under everything (ID cards carry it on the card instead).
  let under = '';
  const card = variants.some((v) => v.startsWith('id-card:'));
  if (d.r.h3 && !card && d.rng.chance(d.r.h3.security)) {
    under = securityHtml(size.widthMm, size.heightMm, d.rng);
    variants.push(H3_TAGS.security);
  }
  return { ...size, css: partsCss(p) + extraCss, body: under + body + overlays + FIT_SCRIPT };
}

/**
 * Shrinks a `.fit` block (CSS zoom) until it ends above the sheet's bottom margin and its print ends left of the
 * right one, so no drawn value falls off the page whatever the draw of fonts, sizes and wrapping (a printer prints
 * nothing past the paper's edge). The print's right end is that of its blocks and values (`.blk`, `.v`), not the
 * `.fit` box's: a table whose labels and codes cannot wrap grows wider than the box, past the page (a credit code in
 * the right column of a two-column contract table cut after `91330106MA2`). System fonts lay out synchronously, so
 * this runs at parse.
 */
export const FIT_SCRIPT = `<script>(() => { const s = document.querySelector('.sheet'); if (!s) return; const r = s.getBoundingClientRect();
  const printRight = (el) => Math.max(el.getBoundingClientRect().right, ...[...el.querySelectorAll('.blk, .v')].map((o) => o.getBoundingClientRect().right));
  for (const el of document.querySelectorAll('.fit')) { let z = 1; for (let i = 0; i < 12; i++) { const b = el.getBoundingClientRect();
    if (b.bottom <= r.bottom - 30 && printRight(el) <= r.right - 20) break; z *= 0.93; el.style.zoom = String(z); } } })();</script>`;

function content(size: { widthMm: number }, d: Drawer, inner: string, topMm?: number): string {
  const side = d.rng.int(14, 26);
  return `<div class="fit" style="position:absolute;left:${side}mm;right:${side}mm;top:${topMm ?? d.rng.int(14, 28)}mm">${inner}</div>`;
}

function withMaskTruth(
  fields: Record<string, TruthValue>,
  masks: Map<string, MaskStyle>,
  variants: string[],
): { fields: Record<string, TruthValue>; masked: string[] } {
  const out = { ...fields };
  for (const [f, style] of masks) {
    delete out[f];
    variants.push(`mask:${f}:${style}`);
  }
  return { fields: out, masked: [...masks.keys()].sort() };
}

// ---------------------------------------------------------------- certificates

type Certificate = Extract<DocumentData, { issuer: string }>;

const CERT_TITLES: Record<Certificate['kind'], readonly string[]> = {
  skill_level: ['职业技能等级证书'],
  qualification: ['职业资格证书', '中华人民共和国职业资格证书'],
  special_ability: ['专项职业能力证书'],
  special_operation: ['特种作业操作证', '中华人民共和国特种作业操作证'],
  training_completion: ['培训合格证书', '培训结业证书'],
};

function levelText(rng: Rng, level: number, kind: string): string {
  const n = LEVEL_NAMES[level];
  const forms =
    kind === 'skill_level'
      ? [`${n.grade}/${n.title}`, n.grade, `${n.grade}（${n.title}）`]
      : [`国家职业资格${n.grade}`, n.title, n.grade, `${n.grade}（${n.title}）`];
  return rng.pick(forms);
}

function certificateDoc(c: Certificate, d: Drawer): ProceduralDocument {
  const { rng } = d;
  const variants: string[] = [];
  const p = drawLayout(d.r, rng);
  variants.push(`placement:${p.placement}`, `columns:${p.columns}`, `labels:${p.labelStyle}`);
  if (p.pageShift) variants.push(PAGE_SHIFT_TAG);
  if (p.groupCaption) variants.push(FORM_VARIETY_TAGS.groupCaption);
  if (p.valueShiftMm !== 0) variants.push('values:off-baseline');
  if (p.labelScale !== undefined) variants.push('labels:small');
  if (p.valueScale !== undefined) variants.push(H3_TAGS.larger);
  if (p.handwritten) variants.push(H3_TAGS.handwritten);
  const assessor = c.kind === 'skill_level' && rng.chance(0.5);
  if (assessor) variants.push('certificate:assessor');
  const person: Item[] = [
    { field: 'holderName', label: d.label('name'), value: c.person.name },
    { label: d.label('sex'), value: c.person.sex },
    { field: 'idNumber', label: d.label('idNumber'), value: c.person.idNumber },
  ];
  if (rng.chance(0.3)) person.splice(2, 0, { label: d.label('birth'), value: d.date(c.person.birth) });
  const body: Item[] = [];
  const occRole: Role =
    c.kind === 'special_ability'
      ? 'specialAbility'
      : c.kind === 'special_operation'
        ? 'operationItem'
        : c.kind === 'training_completion'
          ? 'training'
          : 'occupation';
  if (c.kind === 'special_operation') body.push({ label: d.label('operationCategory'), value: c.category });
  body.push({ field: 'occupation', label: d.label(occRole), value: c.occupation });
  if (c.kind === 'skill_level' || c.kind === 'qualification') body.push({ field: 'level', label: d.label('level'), value: levelText(rng, c.level, c.kind) });
  if (c.kind === 'special_operation') body.push({ label: d.label('validUntil'), value: d.date(c.validUntil) });
  if (c.kind === 'training_completion') body.push({ label: '培训时间', value: `${d.date(c.trainingFrom)}至${d.date(c.trainingTo)}` });
  body.push({ field: 'certificateNumber', label: d.label('certificateNumber'), value: c.certificateNumber });
  const issuerInBlock = assessor || rng.chance(0.35);
  const issuerRole: Role = assessor ? 'assessor' : c.kind === 'training_completion' ? 'trainingBody' : 'issuer';
  if (issuerInBlock) body.push({ field: 'issuer', label: d.label(issuerRole), value: c.issuer, long: true });
  const dateInBlock = rng.chance(0.5);
  if (dateInBlock) body.push({ label: d.label('issueDate'), value: d.date(c.issueDate) });

  const eligible = ['holderName', 'idNumber', 'certificateNumber'].filter((f) => !(f === 'idNumber' && c.kind === 'special_operation'));
  const masks = pickMasks(d, eligible);
  const title = rng.pick(CERT_TITLES[c.kind]);
  const sealName = assessor ? `${c.issuer}职业技能等级认定专用章` : c.issuer;
  const booklet = rng.chance(d.r.booklet);
  const sentence = !booklet && rng.chance(d.r.sentence);
  const footer = footerHtml(
    d,
    {
      issuer: issuerInBlock ? undefined : c.issuer,
      issuerLabel: rng.chance(0.4) ? d.label(issuerRole) : undefined,
      date: d.date(c.issueDate),
      dateLabel: dateInBlock ? d.label('issueDate') : rng.chance(0.5) ? d.label('issueDate') : undefined,
      sealName,
    },
    variants,
    masks,
    p,
  );
  const { items: personItems, stampAt } = decorate(person, d, variants, c.kind === 'training_completion' ? 'certificate_training' : 'certificate');
  const { items: bodyItems } = decorate(body, d, variants);
  const titleHtml = `<div class="title" style="font-size:${rng.int(20, 30)}pt;letter-spacing:${rng.float(0.05, 0.4).toFixed(2)}em;margin-bottom:${rng.int(5, 12)}mm">${esc(title)}</div>`;

  let sheet: Sheet;
  if (booklet) {
    // An old booklet opened flat: personal page left, award page right, a dark fold between.
    variants.push('certificate:booklet-spread');
    const left = `<div class="fit" style="position:absolute;left:12mm;top:18mm;width:120mm">${photoHtml(26, 36)}<div style="margin-top:6mm">${renderBlock(personItems, { ...p, placement: p.placement === 'above' ? 'above' : 'beside', columns: 1 }, masks, d, variants)}</div></div>`;
    const right = `<div class="fit" style="position:absolute;left:160mm;top:14mm;width:122mm">${titleHtml}${renderBlock(bodyItems, { ...p, columns: 1 }, masks, d, variants)}${footer}</div>`;
    const fold = `<div style="position:absolute;left:146mm;top:0;bottom:0;width:5mm;background:linear-gradient(90deg,#fff,#bbb,#fff)"></div>`;
    sheet = sheetOf(LANDSCAPE, p, `${fold}${left}${right}`, d, variants);
  } else {
    const landscape = rng.chance(d.r.landscape);
    const size = landscape ? LANDSCAPE : PORTRAIT;
    let personHtml = renderBlock(personItems, p, masks, d, variants);
    if (sentence) {
      variants.push('certificate:sentence');
      const nm = masks.has('holderName') ? maskHtml(c.person.name, masks.get('holderName')!, p.sizePt, rng) : esc(c.person.name);
      const id = masks.has('idNumber') ? maskHtml(c.person.idNumber, masks.get('idNumber')!, p.sizePt, rng) : esc(c.person.idNumber);
      personHtml = `<p style="line-height:2.1;text-indent:2em;margin:0 0 4mm">兹证明 ${nm} 同志（${rng.pick(['身份证号', '公民身份号码'])}：${id}）${rng.pick(['经考核合格，特发此证。', '参加评价，成绩合格，准予颁发本证书。'])}</p>`;
    }
    if (stampAt !== undefined) personHtml = stampOverBlock(personHtml, d, 25, size.widthMm - 50);
    const photo = rng.chance(0.5) ? `<div style="position:absolute;right:${rng.int(18, 30)}mm;top:${rng.int(40, 60)}mm">${photoHtml(25, 35)}</div>` : '';
    const frame = rng.chance(0.5)
      ? `<div style="position:absolute;inset:${rng.int(5, 9)}mm;border:${rng.pick(['2.5mm double', '1.2mm solid', '3mm ridge'])} ${rng.pick(['#b8860b', '#1f4e79', '#8b1a1a'])}"></div>`
      : '';
    const width = photo ? `<div style="max-width:${size.widthMm - 90}mm">` : '<div>';
    sheet = sheetOf(
      size,
      p,
      `${frame}${photo}${content(size, d, `${titleHtml}${width}${personHtml}<div style="height:${rng.int(2, 8)}mm"></div>${renderBlock(bodyItems, p, masks, d, variants)}</div>${footer}`)}`,
      d,
      variants,
    );
  }
  const truth = withMaskTruth(truthFields(c), masks, variants);
  return { sheets: [sheet], ...truth, variants };
}

// ---------------------------------------------------------------- business licences

type Licence = Extract<DocumentData, { kind: 'business_license' }>;
export const LICENCE_VARIANTS = ['company', 'company_pre2016', 'legal_person_pre2016', 'individual', 'branch'] as const;
type LicenceVariant = (typeof LICENCE_VARIANTS)[number];

const SCOPE = [
  '一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发；信息系统集成服务；',
  '职业技能培训（不含需取得许可的培训）；人力资源服务（不含职业中介活动、劳务派遣服务）；',
  '家政服务；养老服务；餐饮管理；日用百货销售；',
  '（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）。',
];

function licenceDoc(l: Licence, d: Drawer): ProceduralDocument {
  const { rng } = d;
  const variants: string[] = [];
  const variant: LicenceVariant = d.r.branchLicence !== undefined && rng.chance(d.r.branchLicence) ? 'branch' : rng.pick(LICENCE_VARIANTS);
  variants.push(`licence:${variant}`);
  const e: Enterprise = { ...l.enterprise };
  if (rng.chance(0.5)) e.name = longCompanyName(e, rng);
  if (rng.chance(0.6)) e.address = longAddress(rng);
  h3Company(e, d, variants);
  const pre2016 = variant === 'company_pre2016' || variant === 'legal_person_pre2016' || (variant === 'individual' && rng.chance(0.5));
  if (pre2016) {
    e.creditCode = makeRegistrationNumber(rng, variant === 'individual' ? 'individual' : 'enterprise');
    e.established = { ...e.established, year: Math.min(e.established.year, 2014) };
  }
  let type = e.companyForm;
  let repRole: Role = 'legalRepresentative';
  let repLabel = '';
  let addressLabel = '';
  let establishedLabel = '';
  if (variant === 'individual') {
    const trade = e.name
      .replace(/（[^）]*）|合伙企业$/g, '')
      .replace(/^杭州|^浙江/, '')
      .replace(/(有限公司|股份有限公司)$/, '')
      .replace(/服务$/, '');
    e.name = `杭州市西湖区${trade}${rng.pick(['店', '经营部', '工作室', '服务部'])}`;
    // A trade name keeps no brackets (proc-H3 draws them on companies only).
    if (variants.includes(H3_TAGS.brackets)) variants.splice(variants.indexOf(H3_TAGS.brackets), 1);
    type = '个体工商户';
    repLabel = '经营者';
    addressLabel = '经营场所';
    establishedLabel = '注册日期';
  } else if (variant === 'branch') {
    e.name = `${e.name}${rng.pick(['西湖分公司', '杭州西湖区分公司', '文三路分公司'])}`;
    type = e.companyForm.replace('公司(', '公司分公司(');
    repLabel = '负责人';
    addressLabel = '营业场所';
  } else if (variant === 'legal_person_pre2016') {
    repLabel = rng.pick(['法定代表人姓名', '法定代表人']);
  }
  const issued = pre2016 ? { ...l.issued, year: Math.min(Math.max(l.issued.year, e.established.year), 2015) } : l.issued;
  const p = drawLayout(d.r, rng);
  variants.push(`placement:${p.placement}`, `columns:${p.columns}`, `labels:${p.labelStyle}`);
  if (p.pageShift) variants.push(PAGE_SHIFT_TAG);
  if (p.groupCaption) variants.push(FORM_VARIETY_TAGS.groupCaption);
  if (p.valueShiftMm !== 0) variants.push('values:off-baseline');
  if (p.labelScale !== undefined) variants.push('labels:small');
  if (p.valueScale !== undefined) variants.push(H3_TAGS.larger);
  if (p.handwritten) variants.push(H3_TAGS.handwritten);
  const landscape = rng.chance(d.r.landscape);
  variants.push(landscape ? 'licence:landscape-副本' : 'licence:portrait-正本');
  const codeBeside = rng.pick(['(1-1)', '（1-1）', '(2-1)', '']);
  const codeInBlock = rng.chance(0.35);
  const codeLabel = pre2016 ? '注册号' : '统一社会信用代码';
  const items: Item[] = [];
  if (codeInBlock) items.push({ field: 'creditCode', label: codeLabel, value: e.creditCode, after: codeBeside || undefined });
  items.push({ field: 'companyName', label: d.label('companyName'), value: e.name, long: true });
  items.push({ label: d.label('companyType'), value: type, long: true });
  if (variant === 'individual') {
    items.push({ field: 'legalRepresentative', label: repLabel, value: e.legalRepresentative });
    items.push({ label: '组成形式', value: rng.pick(['个人经营', '家庭经营']) });
  } else items.push({ field: 'legalRepresentative', label: repLabel || d.label(repRole), value: e.legalRepresentative });
  if (variant !== 'individual' && variant !== 'branch') items.push({ label: d.label('capital'), value: e.capital });
  if (variant === 'legal_person_pre2016') items.push({ label: '实收资本', value: e.capital });
  items.push({ field: 'establishedDate', label: establishedLabel || d.label('established'), value: d.date(e.established) });
  if (variant !== 'individual')
    items.push({
      label: d.label('term'),
      value: `${d.date(e.established)}至${rng.pick(['长期', d.date({ ...e.established, year: e.established.year + 20 })])}`,
    });
  items.push({ field: 'address', label: addressLabel || d.label('address'), value: e.address, long: true });
  items.push({ label: d.label('scope'), value: SCOPE.slice(0, rng.int(2, 4)).join('') + SCOPE[3], long: true, wide: true });
  // Shuffle the order a little: real licences differ on which facts come first.
  for (let i = items.length - 2; i > 0; i--) if (rng.chance(0.25)) [items[i], items[i - 1]] = [items[i - 1], items[i]];
  const masks = pickMasks(d, ['legalRepresentative', 'creditCode', 'address']);
  const { items: decorated, stampAt } = decorate(items, d, variants, 'licence');
  const size = landscape ? LANDSCAPE : PORTRAIT;
  const title = variant === 'legal_person_pre2016' ? '企业法人营业执照' : '营业执照';
  const copy = landscape ? rng.pick(['（副　本）', '（副本）']) : rng.pick(['', '（正本）']);
  const numberLabel = rng.pick(['编号', '证照编号', '副本编号']);
  const codeText = masks.has('creditCode') ? maskHtml(e.creditCode, masks.get('creditCode')!, p.sizePt, rng) : esc(e.creditCode);
  const codeHead = codeInBlock
    ? ''
    : `<div style="position:absolute;left:${rng.int(14, 30)}mm;top:${rng.int(12, 22)}mm;line-height:1.6">${codeLabel}${rng.chance(0.5) ? '<br>' : '　'}${codeText}${codeBeside ? ` ${esc(codeBeside)}` : ''}</div>`;
  if (!codeInBlock && codeBeside) variants.push('licence:number-after-code');
  const numberHead = rng.chance(0.6)
    ? `<div style="position:absolute;right:${rng.int(14, 30)}mm;top:${rng.int(10, 16)}mm">${numberLabel}：${rng.digits(rng.pick([11, 15, 17]))}</div>`
    : '';
  const qr = !pre2016 && rng.chance(0.8) ? qrHtml({ left: size.widthMm - rng.int(40, 50), top: rng.int(22, 34) }, rng.int(20, 26), rng) : '';
  const titleHtml = `<div class="title" style="font-size:${rng.int(30, 42)}pt;letter-spacing:${rng.float(0.2, 0.6).toFixed(2)}em">${title}</div><div style="text-align:center;margin-bottom:${rng.int(6, 12)}mm">${copy}</div>`;
  let blockHtml = renderBlock(decorated, p, masks, d, variants);
  if (stampAt !== undefined) blockHtml = stampOverBlock(blockHtml, d, 60, size.widthMm - 60);
  const blockWidth = landscape ? `width:${rng.int(230, 255)}mm` : '';
  const footer = footerHtml(
    d,
    {
      issuer: '',
      issuerLabel: '登记机关',
      date: d.date(issued),
      dateLabel: rng.chance(0.3) ? '发照日期' : undefined,
      sealName: `杭州市西湖区${pre2016 ? '工商行政管理局' : '市场监督管理局'}`,
    },
    variants,
    masks,
    p,
  );
  const inspection =
    pre2016 && rng.chance(d.r.overlays.inspection)
      ? inspectionStampHtml(issued.year + rng.int(1, 2), { left: rng.int(20, 60), top: size.heightMm - rng.int(55, 70) }, rng)
      : '';
  if (inspection) variants.push('overlay:annual-inspection');
  const border = `<div style="position:absolute;inset:${rng.int(5, 8)}mm;border:${rng.pick(['2mm solid #b5462f', '3mm double #b5462f', '1.5mm solid #9c6b30'])}"></div>`;
  const sheet = sheetOf(
    size,
    p,
    `${border}${codeHead}${numberHead}${qr}${content(size, d, `${titleHtml}<div style="${blockWidth}">${blockHtml}</div>${footer}`, rng.int(24, 34))}${inspection}`,
    d,
    variants,
  );
  const truth = withMaskTruth(truthFields({ ...l, enterprise: e }), masks, variants);
  return { sheets: [sheet], ...truth, variants };
}

// ---------------------------------------------------------------- social-insurance records

type InsuranceRecord = Extract<DocumentData, { kind: 'social_insurance_record' }>;

function recordDoc(rec: InsuranceRecord, d: Drawer): ProceduralDocument {
  const { rng } = d;
  const variants: string[] = [];
  const p = drawLayout(d.r, rng);
  variants.push(`placement:${p.placement}`, `columns:${p.columns}`, `labels:${p.labelStyle}`);
  if (p.pageShift) variants.push(PAGE_SHIFT_TAG);
  if (p.groupCaption) variants.push(FORM_VARIETY_TAGS.groupCaption);
  if (p.labelScale !== undefined) variants.push('labels:small');
  if (p.valueScale !== undefined) variants.push(H3_TAGS.larger);
  if (p.handwritten) variants.push(H3_TAGS.handwritten);
  const style: MonthStyle = rng.pick(['compact', 'dashed', 'cn', 'dotted']);
  const items: Item[] = [
    { field: 'personName', label: d.label('insuredName'), value: rec.person.name },
    { field: 'idNumber', label: d.label('insuredId'), value: rec.person.idNumber },
    { label: '参保状态', value: rng.pick(['正常参保', '参保缴费']) },
    { label: '性别', value: rec.person.sex },
  ];
  const masks = pickMasks(d, ['idNumber', 'personName']);
  const { items: decorated, stampAt } = decorate(items, d, variants, 'record');
  // Rows in an order that means nothing: the current employer is the row covering the last month.
  const order = rec.spans.map((_, i) => i);
  const how = rng.pick(['chronological', 'reversed', 'shuffled'] as const);
  if (how === 'reversed') order.reverse();
  if (how === 'shuffled')
    for (let i = order.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [order[i], order[j]] = [order[j], order[i]];
    }
  variants.push(`rows:${how}`);
  const joined = rng.chance(0.4);
  const months = rng.chance(0.7);
  const head = joined
    ? ['缴费单位', '缴费起止年月', ...(months ? ['月数'] : []), '险种']
    : ['单位名称', '起始年月', '截止年月', ...(months ? ['缴费月数'] : []), '险种'];
  const rows = order.map((k) => {
    const s = rec.spans[k];
    const period = joined ? [`${formatMonth(s.from, style)}—${formatMonth(s.to, style)}`] : [formatMonth(s.from, style), formatMonth(s.to, style)];
    return [s.employer, ...period, ...(months ? [String(monthsBetween(s.from, s.to))] : []), rng.pick(['企业职工基本养老保险', '养老保险'])];
  });
  const withIndex = rng.chance(0.6);
  const table = `<table class="rows" style="margin-top:7mm;font-size:0.9em"><tr>${withIndex ? '<th>序号</th>' : ''}${head.map((h) => `<th>${h}</th>`).join('')}</tr>${rows
    .map((cells, n) => `<tr>${withIndex ? `<td>${n + 1}</td>` : ''}${cells.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`)
    .join('')}</table>`;
  const totalText = rng.pick([
    `累计缴费月数：${totalMonths(rec.spans)}个月`,
    `合计：${totalMonths(rec.spans)}个月`,
    `实际缴费月数合计 ${totalMonths(rec.spans)} 月`,
  ]);
  variants.push('record:printed-total');
  let blockHtml = renderBlock(decorated, p, masks, d, variants);
  if (stampAt !== undefined) blockHtml = stampOverBlock(blockHtml, d, 20, 150);
  const title = rng.pick(['杭州市社会保险参保缴费证明（个人）', '社会保险个人参保证明', '浙江省社会保险参保缴费记录', '参保人员缴费情况表']);
  const footer = footerHtml(
    d,
    {
      issuer: rng.pick(['杭州市社会保险事业管理中心', '杭州市西湖区社会保险管理服务中心']),
      date: d.date(rec.printed),
      dateLabel: rng.pick(['打印日期', '出具日期', undefined]),
      sealName: '杭州市社会保险事业管理中心社保业务专用章',
    },
    variants,
    masks,
    p,
  );
  const size = rng.chance(d.r.landscape) ? LANDSCAPE : PORTRAIT;
  const sheet = sheetOf(
    size,
    p,
    content(
      size,
      d,
      `<div class="title" style="font-size:${rng.int(15, 19)}pt;margin-bottom:7mm">${title}</div>${blockHtml}${table}<div style="margin-top:4mm">${esc(totalText)}</div>${footer}`,
    ),
    d,
    variants,
  );
  const truth = withMaskTruth(truthFields(rec), masks, variants);
  return { sheets: [sheet], ...truth, variants };
}

// ---------------------------------------------------------------- ID cards

type IdCard = Extract<DocumentData, { kind: 'id_card' }>;

function idCardDoc(card: IdCard, d: Drawer): ProceduralDocument {
  const { rng } = d;
  const variants: string[] = [];
  const p = drawLayout(d.r, rng);
  const scale = rng.float(1.0, 1.7);
  const w = 85.6 * scale;
  const h = 54 * scale;
  const masks = pickMasks(d, ['idNumber', 'address', 'name']);
  const fs = 3.1 * scale; // mm
  const b = card.person.birth;
  const v = (field: string, value: string) => (masks.has(field) ? maskHtml(value, masks.get(field)!, fs / 0.3528, rng) : esc(value));
  const lb = (t: string) => `<span style="color:#3a6ea5;font-size:0.85em;margin-right:${(1.5 * scale).toFixed(1)}mm">${esc(t)}</span>`;
  const nameLabel = rng.pick(['姓名', '姓　名', '姓 名']);
  // proc-H3: the card's own guilloche under its print.
  const security = d.r.h3 && rng.chance(d.r.h3.security) ? securityHtml(w, h, rng) : '';
  if (security) variants.push(H3_TAGS.security);
  const front = `<div style="position:relative;width:${w}mm;height:${h}mm;border-radius:${3 * scale}mm;border:0.3mm solid #999;background:linear-gradient(135deg,#f3f6f9,#e4ecf2);font-size:${fs}mm;line-height:1.5;overflow:hidden">${security}
    <div style="position:absolute;left:${6 * scale}mm;top:${5 * scale}mm;width:${52 * scale}mm">
      <div>${lb(nameLabel)}${v('name', card.person.name)}</div>
      <div>${lb('性别')}${esc(card.person.sex)}　　${lb('民族')}${esc(card.person.ethnicity)}</div>
      <div>${lb('出生')}${b.year} 年 ${b.month} 月 ${b.day} 日</div>
      <div style="display:flex">${lb('住址')}<span style="display:inline-block;max-width:${36 * scale}mm;word-break:break-all">${v('address', card.person.address)}</span></div>
    </div>
    ${photoHtml(22 * scale, 28 * scale, { left: 58 * scale, top: 8 * scale })}
    <div style="position:absolute;left:${6 * scale}mm;bottom:${5 * scale}mm">${lb('公民身份号码')}<span style="letter-spacing:0.08em;font-family:'Noto Sans Mono CJK SC'">${v('idNumber', card.person.idNumber)}</span></div></div>`;
  const validTo = { ...card.validFrom, year: card.validFrom.year + rng.pick([10, 20]) };
  const back = `<div style="position:relative;width:${w}mm;height:${h}mm;border-radius:${3 * scale}mm;border:0.3mm solid #999;background:linear-gradient(135deg,#f5f2e9,#e9efe4);font-size:${fs}mm">
    <div style="position:absolute;top:${8 * scale}mm;left:0;right:0;text-align:center;font-size:1.5em;letter-spacing:0.2em">中华人民共和国<br>居民身份证</div>
    <div style="position:absolute;left:${16 * scale}mm;bottom:${6 * scale}mm;line-height:1.6">${lb('签发机关')}杭州市公安局西湖分局<br>${lb('有效期限')}${formatProceduralDate(card.validFrom, 'dotted')}-${formatProceduralDate(validTo, 'dotted')}</div></div>`;
  const landscape = rng.chance(d.r.landscape);
  const size = landscape ? LANDSCAPE : PORTRAIT;
  const both = rng.chance(0.8);
  const sideBySide = landscape && w * 2 + 32 < size.widthMm;
  variants.push(both ? 'id-card:front-and-back' : 'id-card:front-only', `id-card:scale-${scale.toFixed(1)}`);
  const gapMm = rng.int(8, 20);
  const left = rng.int(12, Math.max(13, Math.round(size.widthMm - (sideBySide && both ? 2 * w + gapMm : w) - 12)));
  let stamp = '';
  if (rng.chance(d.r.overlays.stamp)) {
    stamp = stampHtml(rng.pick(SITES), { left: left + rng.float(5, w * 0.6), top: rng.float(25, 25 + h * 0.7) }, rng);
    variants.push('overlay:stamp');
  }
  const cards = `<div class="fit" style="position:absolute;left:${left}mm;top:${rng.int(16, 34)}mm;display:flex;flex-direction:${sideBySide ? 'row' : 'column'};gap:${gapMm}mm">${front}${both ? back : ''}</div>`;
  const sheet = sheetOf(size, { ...p, font: 'Noto Sans CJK SC' }, `${cards}${stamp}`, d, variants);
  const truth = withMaskTruth(truthFields(card), masks, variants);
  return { sheets: [sheet], ...truth, variants };
}

// ---------------------------------------------------------------- labour contracts (single-page forms)

type Contract = Extract<DocumentData, { kind: 'labor_contract' }>;

function contractDoc(c: Contract, d: Drawer): ProceduralDocument {
  const { rng } = d;
  const variants: string[] = [];
  const p = drawLayout(d.r, rng);
  variants.push(`placement:${p.placement}`, `columns:${p.columns}`, `labels:${p.labelStyle}`);
  if (p.pageShift) variants.push(PAGE_SHIFT_TAG);
  if (p.groupCaption) variants.push(FORM_VARIETY_TAGS.groupCaption);
  if (p.valueShiftMm !== 0) variants.push('values:off-baseline');
  if (p.labelScale !== undefined) variants.push('labels:small');
  if (p.valueScale !== undefined) variants.push(H3_TAGS.larger);
  if (p.handwritten) variants.push(H3_TAGS.handwritten);
  const e: Enterprise = { ...c.enterprise };
  if (rng.chance(0.5)) e.name = longCompanyName(e, rng);
  if (rng.chance(0.5)) e.address = longAddress(rng);
  h3Company(e, d, variants);
  const items: Item[] = [
    { field: 'employerName', label: d.label('employerName'), value: e.name, long: true },
    { field: 'employerCreditCode', label: d.label('employerCode'), value: e.creditCode },
    { label: d.label('legalRepresentative'), value: e.legalRepresentative },
    { label: '地址', value: e.address, long: true, wide: true },
    { field: 'employeeName', label: d.label('employeeName'), value: c.person.name },
    { field: 'employeeIdNumber', label: d.label('employeeId'), value: c.person.idNumber },
    { label: '联系电话', value: `1${rng.pick(['3', '5', '8'])}${rng.digits(9)}` },
  ];
  const term = c.end === null ? '无固定期限' : rng.pick(['固定期限', '有固定期限']);
  items.push({ label: '合同类型', value: term });
  items.push({ field: 'startDate', label: d.label('contractStart'), value: d.date(c.start) });
  items.push({ field: 'endDate', label: d.label('contractEnd'), value: c.end === null ? '无固定期限' : d.date(c.end) });
  items.push({ label: '工作岗位', value: c.post });
  const masks = pickMasks(d, ['employeeIdNumber', 'employerCreditCode']);
  const { items: decorated, stampAt } = decorate(items, d, variants, 'contract');
  let blockHtml = renderBlock(decorated, p, masks, d, variants);
  if (stampAt !== undefined) blockHtml = stampOverBlock(blockHtml, d, 50, 150);
  const clauses = [
    '一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。',
    '二、甲方依法为乙方缴纳社会保险费。',
    '三、本合同一式两份，甲乙双方各执一份，具有同等法律效力。',
  ]
    .map((t) => `<p style="margin:1.5mm 0">${t}</p>`)
    .join('');
  const sealOverlay = rng.chance(d.r.overlays.sealOverIssuer)
    ? sealHtml(e.name, rng.int(34, 42), { left: rng.float(10, 40), top: rng.float(-20, -6) }, rng)
    : '';
  if (sealOverlay) variants.push('overlay:seal-over-issuer');
  const signature = rng.chance(d.r.overlays.signature) ? signatureHtml({ left: rng.float(110, 140), top: rng.float(-8, 2) }, 32, rng) : '';
  if (signature) variants.push('overlay:signature');
  const signedLabel = d.label('signedDate');
  const sign = `<div style="position:relative;margin-top:${rng.int(8, 14)}mm;display:grid;grid-template-columns:1fr 1fr;row-gap:3mm">
    <div>甲方（盖章）：</div><div>乙方（签字）：</div>
    <div>${esc(signedLabel)}：${esc(d.date(c.signed))}</div><div>${rng.chance(0.5) ? `日期：${esc(d.date(c.signed))}` : ''}</div>
    <div style="position:absolute;left:0;top:0;width:0;height:0">${sealOverlay}${signature}</div></div>`;
  const sheet = sheetOf(
    PORTRAIT,
    p,
    content(
      PORTRAIT,
      d,
      `<div class="title" style="font-size:${rng.int(20, 26)}pt;letter-spacing:0.3em;margin-bottom:8mm">${rng.pick(['劳动合同书', '劳动合同', '劳动合同（简易版）'])}</div>${blockHtml}<div style="margin-top:5mm;font-size:0.92em">${clauses}</div>${sign}`,
    ),
    d,
    variants,
  );
  const truth = withMaskTruth(truthFields({ ...c, enterprise: e }), masks, variants);
  return { sheets: [sheet], ...truth, variants };
}

/**
 * One procedurally composed document of `data`'s kind, drawn from the family's region.
 *
 * @example
 * const doc = composeDocument(makeDocumentData('business_license', rng), family, rng);
 */
export function composeDocument(drawn: DocumentData, family: ProceduralFamily, rng: Rng): ProceduralDocument {
  const d = new Drawer(rng, family);
  if (!family.region.h3) return composeKind(drawn, d);
  const tags: string[] = [];
  const doc = composeKind(h3Data(drawn, d, tags), d);
  return { ...doc, variants: [...doc.variants, ...tags.filter((t) => !doc.variants.includes(t))] };
}

function composeKind(data: DocumentData, d: Drawer): ProceduralDocument {
  switch (data.kind) {
    case 'skill_level':
    case 'qualification':
    case 'special_ability':
    case 'special_operation':
    case 'training_completion':
      return certificateDoc(data, d);
    case 'business_license':
      return licenceDoc(data, d);
    case 'social_insurance_record':
      return recordDoc(data, d);
    case 'id_card':
      return idCardDoc(data, d);
    case 'labor_contract':
      return contractDoc(data, d);
    default:
      throw new Error(`no procedural layout for ${data.kind}`);
  }
}
