import type { DocumentData } from '../factory/documents.js';
import type { Rng } from '../factory/random.js';
import { A4, baseCss, date, type Entry, esc, gridEntries, HELD_OUT_FONTS, inlineEntries, seal, SEEN_FONTS, type Sheet, type TemplateFamily } from './kit.js';

type Contract = Extract<DocumentData, { kind: 'labor_contract' }>;
type Internship = Extract<DocumentData, { kind: 'internship_agreement' }>;
type Agreement = Contract | Internship;

function agreement(data: DocumentData): Agreement {
  if (data.kind !== 'labor_contract' && data.kind !== 'internship_agreement') throw new Error(`not an agreement: ${data.kind}`);
  return data;
}

const FILLER = [
  '甲方根据工作需要，安排乙方从事相应岗位工作，乙方应按照甲方的要求，按时完成规定的工作数量，达到规定的质量标准。',
  '甲方实行标准工时制度，乙方每日工作时间不超过八小时，平均每周工作时间不超过四十小时。',
  '甲方每月以货币形式按时足额支付乙方工资，不低于当地最低工资标准。',
  '甲方依法为乙方办理社会保险，按时足额缴纳社会保险费，乙方个人缴纳部分由甲方代扣代缴。',
  '甲方为乙方提供符合国家规定的劳动安全卫生条件和必要的劳动防护用品。',
  '双方解除或者终止本合同，应当按照《中华人民共和国劳动合同法》的有关规定执行。',
  '本合同未尽事宜，按国家和地方有关规定执行；本合同一式两份，甲乙双方各执一份，具有同等法律效力。',
];

function clauses(rng: Rng, from: number, count: number): string {
  const nums = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  return Array.from({ length: count }, (_, i) => `<p><b>第${nums[(from + i) % 10]}条</b>　${FILLER[(from + i + rng.int(0, 6)) % FILLER.length]}</p>`).join('\n');
}

function sheet(font: string, sizePt: number, body: string): Sheet {
  return { ...A4, body: `<div style="position:absolute;left:24mm;right:24mm;top:24mm">${body}</div>`, css: baseCss(font, sizePt) };
}

function termSentence(rng: Rng, a: Agreement): string {
  if (a.kind === 'internship_agreement') {
    return `实习期限自 ${esc(date(rng, a.start))} 起至 ${esc(date(rng, a.end))} 止。`;
  }
  if (a.end === null) return `本合同为无固定期限劳动合同，自 ${esc(date(rng, a.start))} 起履行。`;
  return `本合同为固定期限劳动合同，期限自 ${esc(date(rng, a.start))} 起至 ${esc(date(rng, a.end))} 止。`;
}

function parties(rng: Rng, a: Agreement): Entry[] {
  const first: Entry[] =
    a.kind === 'labor_contract'
      ? [
          [rng.pick(['甲方（用人单位）名称', '用人单位', '甲方']), a.enterprise.name],
          ['统一社会信用代码', a.enterprise.creditCode],
          [rng.pick(['法定代表人', '法定代表人（主要负责人）']), a.enterprise.legalRepresentative],
          [rng.pick(['乙方（劳动者）姓名', '劳动者姓名', '乙方']), a.person.name],
          [rng.pick(['公民身份号码', '身份证号码', '居民身份证号码']), a.person.idNumber],
          [rng.pick(['户籍地址', '家庭住址']), a.person.address],
        ]
      : [
          [rng.pick(['甲方（实习单位）', '实习单位']), a.enterprise.name],
          [rng.pick(['乙方（学生）姓名', '学生姓名', '乙方']), a.person.name],
          [rng.pick(['身份证号码', '公民身份号码']), a.person.idNumber],
          [rng.pick(['丙方（学校）', '学校名称', '所在学校']), a.school],
        ];
  return first;
}

function signaturePage(rng: Rng, a: Agreement, font: string): Sheet {
  const signed = date(rng, a.signed);
  const employer = a.enterprise.name;
  return {
    ...A4,
    css: baseCss(font, 14),
    body: `<div style="position:absolute;left:24mm;right:24mm;top:24mm">${clauses(rng, 7, 2)}</div>
    <div style="position:absolute;left:24mm;top:120mm;width:80mm">
      <div class="row">甲方（盖章）：</div><div class="row">${esc(employer)}</div>
      <div class="row">法定代表人（签字）：</div>
      <div class="row">${rng.pick(['签订日期', '日期', '签约日期'])}：${esc(signed)}</div>
    </div>
    <div style="position:absolute;left:118mm;top:120mm;width:70mm">
      <div class="row">乙方（签字）：</div><div class="row" style="font-family:'AR PL UKai CN';font-size:18pt">${esc(a.person.name)}</div>
      <div class="row">日期：${esc(signed)}</div>
    </div>
    ${a.kind === 'internship_agreement' ? `<div style="position:absolute;left:24mm;top:200mm"><div class="row">丙方（盖章）：${esc(a.school)}</div></div>` : ''}
    ${seal(employer, 40, { left: 40, top: 108 })}`,
  };
}

const TITLE = (a: Agreement): string => (a.kind === 'labor_contract' ? '劳动合同书' : '学生实习协议书');

/** Cover page, a page of parties as label：value lines with the term clause, and a signature page. */
const standard: TemplateFamily = {
  name: 'agreement/standard',
  heldOut: false,
  kinds: ['labor_contract', 'internship_agreement'],
  render(data, rng) {
    const a = agreement(data);
    const font = rng.pick(SEEN_FONTS);
    const cover: Sheet = {
      ...A4,
      css: baseCss(font, 16),
      body: `<div class="title" style="position:absolute;top:60mm;left:0;right:0;font-size:34pt">${TITLE(a)}</div>
      <div style="position:absolute;left:40mm;top:150mm">${inlineEntries(
        [
          [a.kind === 'labor_contract' ? '甲方（用人单位）' : '甲方（实习单位）', a.enterprise.name],
          [a.kind === 'labor_contract' ? '乙方（劳动者）' : '乙方（学生）', a.person.name],
          ['编号', a.kind === 'labor_contract' ? a.contractNumber : `SX${a.start.year}${a.person.idNumber.slice(-4)}`],
        ],
        '：',
        { underline: true },
      )}</div>
      <div style="position:absolute;bottom:30mm;left:0;right:0;text-align:center;font-size:12pt">杭州市西湖区人力资源和社会保障局 监制</div>`,
    };
    const partiesPage = sheet(font, 13, `${inlineEntries(parties(rng, a), '：', { underline: rng.chance(0.5) })}
      <p style="margin-top:6mm"><b>第一条</b>　${termSentence(rng, a)}</p>
      ${a.kind === 'labor_contract' ? `<p><b>第二条</b>　乙方同意根据甲方工作需要，担任 ${esc(a.post)} 岗位工作。</p>` : ''}
      ${clauses(rng, 2, 4)}`);
    return [cover, partiesPage, signaturePage(rng, a, font)];
  },
};

/** Parties in a ruled table on the first page (no cover), clauses, and a signature page. */
const tabular: TemplateFamily = {
  name: 'agreement/tabular',
  heldOut: false,
  kinds: ['labor_contract', 'internship_agreement'],
  render(data, rng) {
    const a = agreement(data);
    const font = rng.pick(SEEN_FONTS);
    const first = sheet(font, 12.5, `<div class="title" style="font-size:24pt;margin-bottom:10mm">${TITLE(a)}</div>
      ${gridEntries(parties(rng, a), 1, { shaded: true })}
      <p style="margin-top:6mm"><b>一、合同期限</b>　${termSentence(rng, a)}</p>
      ${clauses(rng, 1, 3)}`);
    return [first, sheet(font, 13, clauses(rng, 4, 6)), signaturePage(rng, a, font)];
  },
};

/** Held out: the parties named inside the opening sentence, not in label：value lines. */
const narrative: TemplateFamily = {
  name: 'agreement/narrative',
  heldOut: true,
  kinds: ['labor_contract', 'internship_agreement'],
  render(data, rng) {
    const a = agreement(data);
    const font = rng.pick(HELD_OUT_FONTS);
    const opening =
      a.kind === 'labor_contract'
        ? `用人单位 ${esc(a.enterprise.name)}（统一社会信用代码：${esc(a.enterprise.creditCode)}，以下简称甲方）与劳动者 ${esc(a.person.name)}（公民身份号码：${esc(a.person.idNumber)}，以下简称乙方）根据《中华人民共和国劳动合同法》，经平等协商，订立本合同。`
        : `实习单位 ${esc(a.enterprise.name)}（以下简称甲方）、学生 ${esc(a.person.name)}（身份证号码：${esc(a.person.idNumber)}，以下简称乙方）与学校 ${esc(a.school)}（以下简称丙方）经协商一致，签订本协议。`;
    const first = sheet(font, 13.5, `<div class="title" style="font-size:24pt;margin-bottom:10mm">${TITLE(a)}</div>
      <p>${opening}</p><p><b>第一条</b>　${termSentence(rng, a)}</p>${clauses(rng, 1, 4)}`);
    return [first, signaturePage(rng, a, font)];
  },
};

export const AGREEMENT_FAMILIES: readonly TemplateFamily[] = [standard, tabular, narrative];
