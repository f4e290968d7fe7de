import type { DocumentData } from '../factory/documents.js';
import type { Rng } from '../factory/random.js';
import { PAGE_NUMBER_STYLES, type PageNumberStyle, pageNumberHtml, WIDE_PAGE_NUMBER_STYLES, withMeta } from './pages.js';
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
  return Array.from({ length: count }, (_, i) => `<p><b>第${nums[(from + i) % 10]}条</b>　${FILLER[(from + i + rng.int(0, 6)) % FILLER.length]}</p>`).join(
    '\n',
  );
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
    const partiesPage = sheet(
      font,
      13,
      `${inlineEntries(parties(rng, a), '：', { underline: rng.chance(0.5) })}
      <p style="margin-top:6mm"><b>第一条</b>　${termSentence(rng, a)}</p>
      ${a.kind === 'labor_contract' ? `<p><b>第二条</b>　乙方同意根据甲方工作需要，担任 ${esc(a.post)} 岗位工作。</p>` : ''}
      ${clauses(rng, 2, 4)}`,
    );
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
    const first = sheet(
      font,
      12.5,
      `<div class="title" style="font-size:24pt;margin-bottom:10mm">${TITLE(a)}</div>
      ${gridEntries(parties(rng, a), 1, { shaded: true })}
      <p style="margin-top:6mm"><b>一、合同期限</b>　${termSentence(rng, a)}</p>
      ${clauses(rng, 1, 3)}`,
    );
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
    const first = sheet(
      font,
      13.5,
      `<div class="title" style="font-size:24pt;margin-bottom:10mm">${TITLE(a)}</div>
      <p>${opening}</p><p><b>第一条</b>　${termSentence(rng, a)}</p>${clauses(rng, 1, 4)}`,
    );
    return [first, signaturePage(rng, a, font)];
  },
};

// ---------------------------------------------------------------------------------------------------------------
// Labour contracts as bureaus receive them: several pages, assembled procedurally from parts (cover, instructions,
// parties, ten clauses over several pages, an ending mark, a signature page), with page numbers in several styles.
// The parts, their order, the page-number style and where each field is printed are seeded choices.
// ---------------------------------------------------------------------------------------------------------------

const CLAUSE_TITLES = [
  '劳动合同期限',
  '工作内容和工作地点',
  '工作时间和休息休假',
  '劳动报酬',
  '社会保险和福利待遇',
  '劳动保护、劳动条件和职业危害防护',
  '劳动合同的变更、解除和终止',
  '双方约定的其他事项',
  '违约责任',
  '其他',
];

const CLAUSE_TEXT: readonly (readonly string[])[] = [
  ['合同期满或者双方约定的终止条件出现，本合同即行终止，双方应按规定办理终止手续。'],
  [
    '乙方的工作地点为甲方所在地，甲方因生产经营需要调整乙方工作地点的，应与乙方协商一致。',
    '乙方应按照甲方依法制定的规章制度和岗位职责要求，按时完成工作任务。',
  ],
  [
    '甲方安排乙方执行标准工时制度，每日工作不超过八小时，每周工作不超过四十小时。',
    '甲方安排乙方加班的，应依法安排补休或者支付加班工资。',
    '乙方依法享有法定节假日、年休假、婚丧假、产假等假期。',
  ],
  ['甲方每月 15 日前以货币形式支付乙方上月工资，不低于杭州市最低工资标准。', '乙方试用期工资不低于本单位相同岗位最低档工资的百分之八十。'],
  [
    '甲乙双方按国家和省、市有关规定参加社会保险，甲方为乙方办理有关社会保险手续，并承担相应社会保险义务。',
    '乙方患病或者非因工负伤的医疗待遇按国家和省、市有关规定执行。',
  ],
  [
    '甲方根据生产岗位的需要，按照国家有关劳动安全、卫生的规定为乙方配备必要的安全防护措施，发放必要的劳动保护用品。',
    '甲方对乙方进行职业道德、业务技术、劳动安全卫生及有关规章制度的教育和培训。',
  ],
  ['甲乙双方协商一致，可以变更本合同约定的内容，变更应当采用书面形式。', '甲乙双方解除或终止本合同，应按《中华人民共和国劳动合同法》的规定执行。'],
  ['甲方为乙方提供专项培训费用，对其进行专业技术培训的，可以与乙方另行订立协议，约定服务期。'],
  ['任何一方违反本合同约定，给对方造成经济损失的，应依法承担赔偿责任。'],
  ['本合同未尽事宜，按国家和地方有关规定执行。', '本合同一式两份，甲乙双方各执一份，经双方签字盖章后生效。'],
];

const HAND_FONT = 'AR PL UKai CN';

/** Splits `items` into `parts` contiguous, non-empty runs of random lengths. */
function chunks<T>(rng: Rng, items: readonly T[], parts: number): T[][] {
  const cuts = new Set<number>();
  while (cuts.size < parts - 1) cuts.add(rng.int(1, items.length - 1));
  const sorted = [0, ...[...cuts].sort((a, b) => a - b), items.length];
  return sorted.slice(1).map((end, i) => items.slice(sorted[i], end));
}

/** Splits a long name after a random character so it prints over two lines (a wrapped value). */
function wrapped(rng: Rng, text: string): string {
  const chars = [...text];
  const at = rng.int(Math.min(4, chars.length - 1), Math.max(4, chars.length - 4));
  return `${esc(chars.slice(0, at).join(''))}<br>${esc(chars.slice(at).join(''))}`;
}

function modelTermText(rng: Rng, c: Contract): string {
  if (c.end === null) {
    return rng.chance(0.5)
      ? `本合同为无固定期限劳动合同。本合同于 ${esc(date(rng, c.start))} 生效。`
      : `甲乙双方选择以下第二种形式确定本合同期限：（二）无固定期限：自 ${esc(date(rng, c.start))} 起。`;
  }
  return rng.pick([
    `甲乙双方选择以下第一种形式确定本合同期限：（一）固定期限：自 ${esc(date(rng, c.start))} 起至 ${esc(date(rng, c.end))} 止。`,
    `本合同为固定期限劳动合同，合同期限自 ${esc(date(rng, c.start))} 起至 ${esc(date(rng, c.end))} 止。`,
    `本合同期限自 ${esc(date(rng, c.start))} 起至 ${esc(date(rng, c.end))} 止，其中试用期 ${rng.pick(['一', '二', '三'])} 个月。`,
  ]);
}

/** The body of a clause page: clause headings in the model's `一、` or the employer's `第一条` style. */
function clauseHtml(rng: Rng, c: Contract, index: number, style: 'model' | 'article', paragraphs: number): string {
  const nums = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四'];
  const title = CLAUSE_TITLES[index % CLAUSE_TITLES.length];
  const pool = CLAUSE_TEXT[index % CLAUSE_TEXT.length];
  const texts: string[] = [];
  if (index === 0) texts.push(modelTermText(rng, c));
  if (index === 1) texts.push(`甲方安排乙方在 ${esc(c.post)} 岗位工作。`);
  const from = rng.int(0, pool.length - 1);
  for (let i = 0; texts.length < paragraphs && i < pool.length; i++) texts.push(esc(pool[(from + i) % pool.length]));
  const head = style === 'model' ? `${nums[index]}、${title}` : `第${nums[index]}条　${title}`;
  return `<p class="ch"><b>${head}</b></p>${texts.map((t) => `<p>${t}</p>`).join('')}`;
}

const PACKET_CSS = (font: string, sizePt: number): string =>
  `${baseCss(font, sizePt)} p { line-height: 1.75; margin: 1.2mm 0; } p.ch { text-indent: 0; margin-top: 2.5mm; } .hand { font-family: '${HAND_FONT}'; font-size: 1.35em; }`;

interface ContractParts {
  font: string;
  sizePt: number;
  pageNumbers: PageNumberStyle;
  numberPlace: 'center' | 'right' | 'outer';
  /** Pages before the first numbered page (the cover is never numbered). */
  unnumbered: number;
  /** Where the number is printed (wide families only; the older ones always print it at the foot). */
  edge?: 'foot' | 'head';
  /** A running header repeated on every numbered page (the title, the company, the 合同编号). */
  runningHeader?: string;
}

/** Adds the page numbers to body fragments and makes sheets of them. */
function numbered(parts: ContractParts, bodies: readonly string[]): Sheet[] {
  const total = bodies.length - parts.unnumbered;
  return bodies.map((body, i) => ({
    ...A4,
    css: PACKET_CSS(parts.font, parts.sizePt),
    body: `${body}${i >= parts.unnumbered ? pageNumberHtml(parts.pageNumbers, i - parts.unnumbered + 1, total, parts.numberPlace, parts.edge) : ''}${
      i >= parts.unnumbered && parts.runningHeader
        ? `<div style="position:absolute;top:11mm;left:24mm;right:${parts.edge === 'head' ? 60 : 24}mm;font-size:9.5pt;color:#555;border-bottom:0.5px solid #999;padding-bottom:0.6mm">${parts.runningHeader}</div>`
        : ''
    }`,
  }));
}

const inBox = (html: string, top = 22): string => `<div style="position:absolute;left:24mm;right:24mm;top:${top}mm">${html}</div>`;

const ENDINGS = ['（以下无正文）', '（以下为签署页，无正文）', '以下为签署页', ''];

/**
 * The signatures: the employer's block (seal, representative's hand, date) and the employee's (hand-written name,
 * date), side by side or one under the other. `wide` (the wide families only) also writes the dates by hand.
 */
function signatureBlock(rng: Rng, c: Contract, top: number, wide = false): string {
  const printed = esc(date(rng, c.signed));
  const signed = wide && rng.chance(0.35) ? `<span class="hand">${printed}</span>` : printed;
  const employer = esc(c.enterprise.name);
  const sideBySide = rng.chance(0.6);
  const employerBlock = `<div class="row">甲方（盖章）：</div><div class="row">${employer}</div>
    <div class="row">${rng.pick(['法定代表人（签字）：', '法定代表人或委托代理人（签字或盖章）：', '负责人（签字）：'])}<span class="hand">${esc(c.enterprise.legalRepresentative)}</span></div>
    <div class="row">${rng.pick(['签订日期', '日期', '签约日期'])}：${signed}</div>`;
  const employeeBlock = `<div class="row">乙方（签字）：<span class="hand">${esc(c.person.name)}</span></div>
    <div class="row">${rng.pick(['签订日期', '日期'])}：${signed}</div>`;
  const layout = sideBySide
    ? `<div style="position:absolute;left:24mm;top:${top}mm;width:88mm;white-space:normal">${employerBlock}</div>
       <div style="position:absolute;left:120mm;top:${top}mm;width:70mm">${employeeBlock}</div>`
    : `<div style="position:absolute;left:30mm;top:${top}mm;width:150mm">${employerBlock}</div>
       <div style="position:absolute;left:30mm;top:${top + 58}mm;width:150mm">${employeeBlock}</div>`;
  return `${layout}${seal(c.enterprise.name, 40, { left: sideBySide ? 44 : 60, top: top - 6 })}`;
}

function contract(data: DocumentData): Contract {
  if (data.kind !== 'labor_contract') throw new Error(`not a labour contract: ${data.kind}`);
  return data;
}

/**
 * The 人社局 model contract: a cover (title, 编号, 甲方/乙方, 监制 line), sometimes an instructions page
 * (使用说明), the parties and ten clauses over 2–4 pages, and a signature page with seal, signatures and dates.
 * On some covers the names are printed only there (the parties page then gives codes and addresses only).
 */
const modelContract = modelContractFamily(false);

/**
 * The model contract's family; `wide` (issue 19, the wide packets) adds every page-number style, numbers in the
 * header, running headers, a `本页无正文` mark on the signature page and hand-written dates. Without it the draws are
 * those packets-v1/v2 were made with.
 */
function modelContractFamily(wide: boolean): TemplateFamily {
  return {
    name: wide ? 'contract/model-wide' : 'contract/model',
    heldOut: false,
    kinds: ['labor_contract'],
    render(data, rng) {
      const c = contract(data);
      const structure: string[] = ['cover'];
      const instructions = rng.chance(0.55);
      const clausePages = rng.int(2, instructions ? 3 : 4);
      const namesOnCoverOnly = rng.chance(0.35);
      const parts: ContractParts = {
        font: rng.pick(SEEN_FONTS),
        sizePt: rng.pick([11, 11.5, 12]),
        pageNumbers: rng.pick(wide ? WIDE_PAGE_NUMBER_STYLES : PAGE_NUMBER_STYLES),
        numberPlace: rng.pick(['center', 'center', 'right', 'outer'] as const),
        unnumbered: 1 + (instructions && rng.chance(0.5) ? 1 : 0),
      };
      if (wide) widen(rng, parts, rng.pick(['劳动合同书', `劳动合同书　编号：${esc(c.contractNumber)}`, '杭州市劳动合同（示范文本）']), structure);
      const cover = `<div class="title" style="position:absolute;top:62mm;left:0;right:0;font-size:${rng.int(30, 38)}pt">${rng.pick(['劳动合同书', '劳 动 合 同 书', '劳动合同'])}</div>
      ${rng.chance(0.4) ? `<div style="position:absolute;top:84mm;left:0;right:0;text-align:center;font-size:15pt">（${c.end === null ? '无固定期限' : '固定期限'}）</div>` : ''}
      <div style="position:absolute;top:40mm;right:28mm;font-size:12pt">编号：${esc(c.contractNumber)}</div>
      <div style="position:absolute;left:38mm;top:145mm;font-size:15pt">${inlineEntries(
        [
          [rng.pick(['甲方（用人单位）', '甲　　方', '用人单位']), c.enterprise.name],
          [rng.pick(['乙方（劳动者）', '乙　　方', '劳 动 者']), c.person.name],
        ],
        '：',
        { underline: true },
      )}
      ${rng.chance(0.5) ? `<div class="row">签订日期：<span class="v ul">　　年　　月　　日</span></div>` : ''}</div>
      <div style="position:absolute;bottom:30mm;left:0;right:0;text-align:center;font-size:13pt">${rng.pick(['杭州市人力资源和社会保障局 监制', '浙江省人力资源和社会保障厅 制', '杭州市西湖区人力资源和社会保障局 监制'])}</div>`;
      const bodies = [cover];
      if (instructions) {
        structure.push('instructions');
        const notes = [
          '本合同书可作为用人单位与劳动者签订劳动合同时使用。',
          '用人单位与劳动者签订劳动合同前，应当如实告知劳动者工作内容、工作条件、工作地点、职业危害、安全生产状况、劳动报酬等情况。',
          '签订劳动合同，甲方应加盖公章，法定代表人或主要负责人、委托代理人签字或盖章；乙方应本人签字，不得由他人代签。',
          '合同中的空栏，由双方协商确定后填写，不需填写的栏目应划去。',
          '经当事人双方协商一致，对本合同条款的变更应采用书面形式。',
          '本合同应使用钢笔或签字笔填写，字迹清楚，文字简练、准确，不得擅自涂改。',
        ];
        bodies.push(
          inBox(
            `<div class="title" style="font-size:20pt;margin:10mm 0 8mm">使 用 说 明</div>${notes
              .slice(0, rng.int(4, notes.length))
              .map((n, i) => `<p>${['一', '二', '三', '四', '五', '六'][i]}、${esc(n)}</p>`)
              .join('')}`,
            30,
          ),
        );
      }
      const employerEntries: Entry[] = [
        ...(namesOnCoverOnly ? [] : ([[rng.pick(['甲方（用人单位）名称', '用人单位名称', '甲方名称']), c.enterprise.name]] as Entry[])),
        ['统一社会信用代码', c.enterprise.creditCode],
        [rng.pick(['法定代表人（主要负责人）', '法定代表人']), c.enterprise.legalRepresentative],
        [rng.pick(['住所', '注册地址']), c.enterprise.address],
      ];
      const employeeEntries: Entry[] = [
        ...(namesOnCoverOnly ? [] : ([[rng.pick(['乙方（劳动者）姓名', '乙方姓名', '劳动者姓名']), c.person.name]] as Entry[])),
        ['性别', c.person.sex],
        [rng.pick(['居民身份证号码', '公民身份号码', '身份证号码']), c.person.idNumber],
        [rng.pick(['户籍地址', '户籍所在地']), c.person.address],
      ];
      structure.push(namesOnCoverOnly ? 'names_on_cover_only' : 'names_on_parties_page');
      const paragraphs = clausePages >= 3 ? 2 : 1;
      const clauseGroups = chunks(
        rng,
        Array.from({ length: 10 }, (_, i) => i),
        clausePages,
      );
      const ending = rng.pick(ENDINGS);
      clauseGroups.forEach((group, g) => {
        const parties =
          g === 0
            ? `<div style="font-size:0.95em"><p class="ch"><b>甲方</b></p>${inlineEntries(employerEntries, '：')}<p class="ch"><b>乙方</b></p>${inlineEntries(employeeEntries, '：')}
             <p>${rng.pick(['根据《中华人民共和国劳动合同法》等法律法规，甲乙双方经平等自愿、协商一致签订本合同，共同遵守本合同所列条款。', '甲乙双方根据有关法律法规，遵循合法、公平、平等自愿、协商一致、诚实信用的原则，订立本合同。'])}</p></div>`
            : '';
        const last = g === clauseGroups.length - 1 && ending ? `<p style="text-align:center;text-indent:0;margin-top:6mm">${ending}</p>` : '';
        bodies.push(inBox(`${parties}${group.map((i) => clauseHtml(rng, c, i, 'model', paragraphs)).join('')}${last}`));
      });
      if (ending) structure.push('ending_mark');
      const mark = wide ? rng.pick(SIGNATURE_MARKS) : rng.chance(0.4) ? '（本页为签署页）' : '';
      bodies.push(`${mark ? inBox(`<p style="text-indent:0">${mark}</p>`, 30) : ''}${signatureBlock(rng, c, rng.int(70, 120), wide)}`);
      structure.push(`pages_${bodies.length}`, `page_numbers_${parts.pageNumbers}`);
      return withMeta(numbered(parts, bodies), { structure });
    },
  };
}

/** What a signature page says of itself, in the wide families. */
const SIGNATURE_MARKS = ['（本页为签署页）', '（本页无正文，为签署页）', '（此页无正文，为《劳动合同书》签署页）', '签署页', ''];

/** The wide families' extra choices: the number's edge, a running header, noted in the structure. */
function widen(rng: Rng, parts: ContractParts, header: string, structure: string[]): void {
  parts.edge = rng.chance(0.25) ? 'head' : 'foot';
  // In the header the number sits at the right, clear of the running header's text.
  if (parts.edge === 'head') parts.numberPlace = 'right';
  if (rng.chance(0.45)) {
    parts.runningHeader = header;
    structure.push('running_header');
  }
  if (parts.edge === 'head') structure.push('page_number_in_header');
}

/**
 * An employer's own contract: a letterhead or a plain cover, the 合同编号, parties as lines or a ruled table (the
 * employer's name sometimes wrapped over two lines of its cell), 第X条 clauses over 1–3 pages, and the signatures on
 * their own page or under the last clauses.
 */
const employerContract = employerContractFamily(false);

/**
 * The employer's own contract's family; `wide` adds 1–4 clause pages (2–6 pages in all), every page-number style,
 * numbers in the header, running headers and hand-written dates.
 */
function employerContractFamily(wide: boolean): TemplateFamily {
  return {
    name: wide ? 'contract/employer-wide' : 'contract/employer',
    heldOut: false,
    kinds: ['labor_contract'],
    render(data, rng) {
      const c = contract(data);
      const hasCover = rng.chance(0.4);
      const structure: string[] = [hasCover ? 'cover' : 'no_cover'];
      const clausePages = rng.int(1, wide ? 4 : 3);
      const ownSignaturePage = !hasCover && clausePages === 1 ? true : rng.chance(0.6);
      const parts: ContractParts = {
        font: rng.pick(SEEN_FONTS),
        sizePt: rng.pick([11, 11.5, 12]),
        pageNumbers: rng.pick(wide ? WIDE_PAGE_NUMBER_STYLES : PAGE_NUMBER_STYLES),
        numberPlace: rng.pick(['center', 'right'] as const),
        unnumbered: hasCover ? 1 : 0,
      };
      const title = rng.pick(['劳动合同', '员工劳动合同', '劳动合同书']);
      if (wide) widen(rng, parts, rng.pick([esc(title), `${esc(c.enterprise.name)}　${esc(title)}`, `合同编号：${esc(c.contractNumber)}`]), structure);
      const bodies: string[] = [];
      if (hasCover) {
        bodies.push(`<div style="position:absolute;top:36mm;left:0;right:0;text-align:center;font-size:18pt">${esc(c.enterprise.name)}</div>
        <div class="title" style="position:absolute;top:80mm;left:0;right:0;font-size:32pt">${title}</div>
        <div style="position:absolute;left:45mm;top:150mm;font-size:14pt">${inlineEntries(
          [
            ['合同编号', c.contractNumber],
            [rng.pick(['员工姓名', '乙方姓名', '乙方']), c.person.name],
          ],
          '：',
          { underline: true },
        )}</div>`);
      }
      const wrap = rng.chance(0.35);
      const multiline: string[] = wrap ? ['employerName'] : [];
      const rows: [string, string][] = [
        [rng.pick(['甲方（用人单位）', '甲方', '用人单位']), wrap ? wrapped(rng, c.enterprise.name) : esc(c.enterprise.name)],
        ['统一社会信用代码', esc(c.enterprise.creditCode)],
        [rng.pick(['乙方（员工）', '乙方（劳动者）', '乙方姓名']), esc(c.person.name)],
        [rng.pick(['身份证号码', '公民身份号码']), esc(c.person.idNumber)],
        [rng.pick(['联系地址', '户籍地址']), esc(c.person.address)],
      ];
      const table = rng.chance(0.55);
      const partiesHtml = table
        ? `<table class="grid" style="width:100%">${rows.map(([l, v]) => `<tr><td class="gl">${esc(l)}</td><td class="gv" style="width:${wrap ? '42%' : 'auto'}">${v}</td></tr>`).join('')}</table>`
        : rows.map(([l, v]) => `<div class="row" style="white-space:normal">${esc(l)}：${v}</div>`).join('');
      structure.push(table ? 'parties_table' : 'parties_lines');
      // One clause page holds the parties too: fewer clauses, so none runs off the page.
      const count = clausePages === 1 ? rng.int(5, 7) : rng.int(8, clausePages >= 4 ? 14 : 12);
      const clauseGroups = chunks(
        rng,
        Array.from({ length: count }, (_, i) => i),
        clausePages,
      );
      const ending = rng.pick(ENDINGS);
      clauseGroups.forEach((group, g) => {
        const head =
          g === 0
            ? `<div style="text-align:center;font-size:12pt;color:#444">${esc(c.enterprise.name)}</div>
             <div class="title" style="font-size:20pt;margin:3mm 0 2mm">${title}</div>
             <div style="text-align:right;font-size:10.5pt;margin-bottom:3mm">合同编号：${esc(c.contractNumber)}</div>${partiesHtml}`
            : '';
        const last = g === clauseGroups.length - 1;
        // Under the signatures' block (at 205 mm) only three one-paragraph clauses, so nothing runs into it.
        const paragraphs = group.length > 5 || (last && !ownSignaturePage) ? 1 : 2;
        const shown = last && !ownSignaturePage ? group.slice(0, 3) : group;
        const endMark = last && ending && ownSignaturePage ? `<p style="text-align:center;text-indent:0;margin-top:6mm">${ending}</p>` : '';
        const sig = last && !ownSignaturePage ? signatureBlock(rng, c, 205, wide) : '';
        bodies.push(`${inBox(`${head}${shown.map((i) => clauseHtml(rng, c, i, 'article', paragraphs)).join('')}${endMark}`)}${sig}`);
      });
      if (ownSignaturePage) {
        const mark = wide ? rng.pick(SIGNATURE_MARKS) : '';
        bodies.push(`${mark ? inBox(`<p style="text-indent:0">${mark}</p>`, 30) : ''}${signatureBlock(rng, c, rng.int(50, 110), wide)}`);
      }
      structure.push(ownSignaturePage ? 'signature_page' : 'signature_under_clauses', `pages_${bodies.length}`, `page_numbers_${parts.pageNumbers}`);
      if (ending && ownSignaturePage) structure.push('ending_mark');
      return withMeta(numbered(parts, bodies), { structure, multiline });
    },
  };
}

/**
 * Held out: a booklet contract with fonts no seen family uses, the 编号 in boxes, parties as blanks filled in by
 * hand, the term as a checked box among the printed options, and sometimes a blank 变更/续订 record page at the end.
 */
const bookletContract: TemplateFamily = {
  name: 'contract/booklet',
  heldOut: true,
  kinds: ['labor_contract'],
  render(data, rng) {
    const c = contract(data);
    const hasCover = rng.chance(0.7);
    const structure: string[] = [hasCover ? 'cover' : 'no_cover'];
    const parts: ContractParts = {
      font: rng.pick(HELD_OUT_FONTS),
      sizePt: rng.pick([11, 11.5]),
      pageNumbers: rng.pick(PAGE_NUMBER_STYLES),
      numberPlace: rng.pick(['center', 'outer'] as const),
      unnumbered: hasCover ? 1 : 0,
    };
    const blank = (v: string): string => `<span style="border-bottom:1px solid #222;padding:0 4mm" class="hand">${esc(v)}</span>`;
    const bodies: string[] = [];
    if (hasCover) {
      bodies.push(`<div style="position:absolute;top:30mm;left:30mm;font-size:12pt">编号 <span style="letter-spacing:2.5mm;border:1px solid #333;padding:1mm 2mm">${esc(c.contractNumber)}</span></div>
        <div class="title" style="position:absolute;top:70mm;left:0;right:0;font-size:36pt;letter-spacing:0.6em">劳动合同</div>
        <div style="position:absolute;left:40mm;top:140mm;font-size:15pt;line-height:3">
          <div>用人单位（甲方）${blank(c.enterprise.name)}</div><div>劳动者（乙方）${blank(c.person.name)}</div></div>
        <div style="position:absolute;bottom:26mm;left:0;right:0;text-align:center;font-size:12pt">${rng.pick(['浙江省人力资源和社会保障厅监制', '杭州市劳动合同示范文本'])}</div>`);
    }
    const box = (on: boolean): string => (on ? '☑' : '□');
    const fixed = c.end !== null;
    const term = `<p class="ch"><b>一、合同期限</b></p>
      <p>${box(fixed)} 固定期限：自 ${fixed ? blank(date(rng, c.start)) : '____年__月__日'} 起至 ${fixed && c.end ? blank(date(rng, c.end)) : '____年__月__日'} 止。</p>
      <p>${box(!fixed)} 无固定期限：自 ${!fixed ? blank(date(rng, c.start)) : '____年__月__日'} 起。</p>
      <p>□ 以完成一定工作任务为期限：自____年__月__日起至工作任务完成时止。</p>`;
    const first = `<div class="title" style="font-size:18pt;margin:0 0 4mm">劳动合同</div>
      <p style="text-indent:0">甲方（用人单位）名称：${blank(c.enterprise.name)}</p>
      <p style="text-indent:0">统一社会信用代码：${blank(c.enterprise.creditCode)}</p>
      <p style="text-indent:0">乙方（劳动者）姓名：${blank(c.person.name)}</p>
      <p style="text-indent:0">身份证号码：${blank(c.person.idNumber)}</p>${term}`;
    const rest = Array.from({ length: 9 }, (_, i) => i + 1);
    const groups = chunks(rng, rest, rng.int(1, 2));
    bodies.push(
      inBox(
        `${first}${groups[0]
          .slice(0, 3)
          .map((i) => clauseHtml(rng, c, i, 'model', 1))
          .join('')}`,
      ),
    );
    const remaining = [...groups[0].slice(3), ...(groups[1] ?? [])];
    if (remaining.length > 0) bodies.push(inBox(remaining.map((i) => clauseHtml(rng, c, i, 'model', 1)).join('')));
    const signed = date(rng, c.signed);
    bodies.push(`${inBox('<p style="text-indent:0">（以下无正文）</p>', 24)}
      <table class="grid" style="position:absolute;left:24mm;right:24mm;top:60mm;width:162mm">
        <tr><td style="height:55mm;vertical-align:top">甲方（公章）<br><br>法定代表人：<span class="hand">${esc(c.enterprise.legalRepresentative)}</span><br><br>${esc(signed)}</td>
            <td style="vertical-align:top">乙方（签名）<br><br><span class="hand">${esc(c.person.name)}</span><br><br>${esc(signed)}</td></tr></table>
      ${seal(c.enterprise.name, 40, { left: 45, top: 62 })}`);
    if (rng.chance(0.4)) {
      structure.push('blank_form_page');
      bodies.push(
        inBox(
          `<div class="title" style="font-size:16pt;margin-bottom:6mm">劳动合同变更、续订记录</div>
        <table class="grid">${['变更（续订）内容', '变更（续订）日期', '甲方（盖章）', '乙方（签字）'].map((l) => `<tr><td class="gl">${l}</td><td style="height:22mm"></td></tr>`).join('')}</table>`,
          30,
        ),
      );
    }
    structure.push(`pages_${bodies.length}`, `page_numbers_${parts.pageNumbers}`);
    return withMeta(numbered(parts, bodies), { structure });
  },
};

/**
 * Held out (packets-v3): an employer's own contract with no cover and no page numbers. Page 1 carries the company
 * name, the title and the parties in a four-column ruled table (甲方 | name | 乙方 | name on one row); the clauses are
 * 第一条… in the 合同期限为N年 wording over 1–2 more pages; the signature page holds the seal, the signatures and
 * the date, with the employer's name printed only in the seal or beside 甲方（盖章）.
 */
const tableContract: TemplateFamily = {
  name: 'contract/party-table',
  heldOut: true,
  kinds: ['labor_contract'],
  render(data, rng) {
    const c = contract(data);
    const font = rng.pick(HELD_OUT_FONTS);
    const css = PACKET_CSS(font, rng.pick([11, 11.5]));
    const structure: string[] = ['no_cover', 'party_table', 'page_numbers_none'];
    const title = rng.pick(['劳动合同', '劳动合同书', '员工聘用合同']);
    const cell = (v: string): string => `<td class="gv">${esc(v)}</td>`;
    const label = (v: string): string => `<td class="gl" style="background:#f1f1f1">${esc(v)}</td>`;
    const table = `<table class="grid" style="width:100%;font-size:0.95em">
      <tr>${label('甲方')}${cell(c.enterprise.name)}${label('乙方')}${cell(c.person.name)}</tr>
      <tr>${label('统一社会信用代码')}${cell(c.enterprise.creditCode)}${label('身份证号码')}${cell(c.person.idNumber)}</tr>
      <tr>${label('法定代表人')}${cell(c.enterprise.legalRepresentative)}${label('性别')}${cell(c.person.sex)}</tr>
      <tr>${label('地址')}${cell(c.enterprise.address)}${label('住址')}${cell(c.person.address)}</tr></table>`;
    // The term runs to the day before the anniversary: 2021-01-01 → 2023-12-31 is three years.
    const years = c.end === null ? 0 : c.end.year - c.start.year + (c.start.month === 1 && c.start.day === 1 ? 1 : 0);
    const term =
      c.end === null
        ? `本合同为无固定期限劳动合同，自 ${esc(date(rng, c.start))} 起履行。`
        : rng.pick([
            `合同期限为${YEARS_CN_CONTRACT[years] ?? String(years)}年，自 ${esc(date(rng, c.start))} 起至 ${esc(date(rng, c.end))} 止。`,
            `本合同期限：${esc(date(rng, c.start))} 至 ${esc(date(rng, c.end))}。`,
          ]);
    const nums = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'];
    const count = rng.int(8, 11);
    const article = (i: number): string => {
      const texts = i === 0 ? [term] : i === 1 ? [`乙方同意根据甲方工作需要，在 ${esc(c.post)} 岗位工作。`] : [esc(CLAUSE_TEXT[i % CLAUSE_TEXT.length][0])];
      return `<p><b>第${nums[i]}条</b>　${texts.join('')}</p>`;
    };
    const groups = chunks(
      rng,
      Array.from({ length: count - 3 }, (_, i) => i + 3),
      rng.int(1, 2),
    );
    const first = inBox(`<div style="text-align:center;font-size:13pt">${esc(c.enterprise.name)}</div>
      <div class="title" style="font-size:22pt;margin:4mm 0 6mm">${title}</div>${table}
      <p style="margin-top:5mm">甲乙双方根据《中华人民共和国劳动合同法》，经平等协商，签订本合同，共同遵守。</p>
      ${[0, 1, 2].map(article).join('')}`);
    const bodies = [first, ...groups.map((g) => inBox(g.map(article).join('')))];
    const signed = esc(date(rng, c.signed));
    const nameBeside = rng.chance(0.5);
    structure.push(nameBeside ? 'employer_beside_seal' : 'employer_in_seal_only');
    bodies.push(`<div style="position:absolute;left:26mm;top:${rng.int(60, 110)}mm;width:75mm">
        <div class="row">甲方（盖章）${nameBeside ? `：${esc(c.enterprise.name)}` : ''}</div><div style="height:30mm"></div>
        <div class="row">${signed}</div></div>
      <div style="position:absolute;left:120mm;top:${rng.int(60, 110)}mm;width:70mm">
        <div class="row">乙方（签名）：</div><div class="row hand">${esc(c.person.name)}</div><div style="height:12mm"></div>
        <div class="row">${signed}</div></div>
      ${seal(c.enterprise.name, 42, { left: 40, top: 70 })}`);
    structure.push(`pages_${bodies.length}`);
    return withMeta(
      bodies.map((body) => ({ ...A4, css, body })),
      { structure },
    );
  },
};

const YEARS_CN_CONTRACT: Record<number, string> = { 1: '一', 2: '二', 3: '三', 4: '四', 5: '五', 6: '六', 8: '八', 10: '十' };

/** Held-out families made for packets-v3 only: never in the rotation of other sets, drawn only when named. */
export const CONTRACT_V3_FAMILIES: readonly TemplateFamily[] = [tableContract];

/** Seen contract families with every page-number style, running headers and hand-written dates (wide packets). */
export const CONTRACT_WIDE_FAMILIES: readonly TemplateFamily[] = [modelContractFamily(true), employerContractFamily(true)];

/** The packet families of labour contracts (issue 19). */
export const CONTRACT_PACKET_FAMILIES: readonly TemplateFamily[] = [modelContract, employerContract, bookletContract];

export const AGREEMENT_FAMILIES: readonly TemplateFamily[] = [standard, tabular, narrative, ...CONTRACT_PACKET_FAMILIES];
