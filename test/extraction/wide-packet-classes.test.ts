import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { buildPageLayout as buildLayout } from '../../shared/extraction/page-layout.js';
import { pageSignals, showThroughOnly } from '../../shared/extraction/page-signals.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { company } from './support/documents.js';
import { blankPage, modelContractPages, renumber } from './support/model-contract.js';
import { PageBuilder } from './support/page-builder.js';

// Classes found on the wide packets (issue 19, letters19c): what the packet generator did not draw before.

const read = (pages: OcrPage[]) => extractDocuments(renumber(pages), { today: '2026-12-05' });

/** A duplex scan's back side with the front's print showing through: mirrored words, read with low confidence. */
function showThrough(lines: Array<[string, number]>): OcrPage {
  const b = new PageBuilder();
  lines.forEach(([text, confidence], i) => b.at(1500 - text.length * 32, 300 + i * 130, text, { confidence }));
  return b.build();
}

const MIRRORED: Array<[string, number]> = [
  ['：（章盖）甲', 0.89],
  ['：宇签）人寿分宝志', 0.75],
  ['：日', 0.49],
  ['志雷：（宅签）式', 0.6],
  ['页共页≤集', 0.6],
];

describe('back sides that show the front through the paper', () => {
  it('takes a page of mirrored words read with low confidence for a blank back side', () => {
    expect(showThroughOnly(buildLayout(showThrough(MIRRORED)))).toBe(true);
  });

  it('leaves the show-through backs of a duplex scan out of the contract and splits nothing at them', () => {
    const pages = modelContractPages({ numbers: 'none' }).flatMap((p, i) => [
      p,
      i % 2 === 0
        ? showThrough(MIRRORED)
        : showThrough([
            ['同合本', 0.88],
            ['日十二月正书大一二自：期限实固（一）：别限回合本', 0.62],
            ['业', 0.92],
          ]),
    ]);
    const docs = read(pages);
    expect(docs.map((d) => [d.type, d.pages])).toEqual([['labor_contract', [1, 3, 5, 7, 9, 11]]]);
    expect(docs[0].fields.signedDate.value).toBe('2020-02-26');
  });

  it('takes mirrored words read fairly confidently, spelling no label, for show-through too', () => {
    const page = showThrough([
      ['霓：（宇签）', 0.83],
      ['（章盖）六甲', 0.94],
      ['日月9012o：日', 0.46],
      ['（宇签）人责贡', 0.87],
      ['2上eo手1so：日签', 0.52],
      ['S共页S', 0.87],
    ]);
    expect(showThroughOnly(buildLayout(page))).toBe(true);
    const docs = read(modelContractPages({ numbers: 'none', instructions: false }).flatMap((p) => [p, page]));
    expect(docs.map((d) => d.pages)).toEqual([[1, 3, 5, 7, 9]]);
  });

  it('keeps a page whose few words are read with confidence (a signature page) as text of its own', () => {
    const signature = new PageBuilder()
      .row([
        [150, '甲方（盖章）'],
        [900, '乙方（签字）'],
      ])
      .build();
    expect(showThroughOnly(buildLayout(signature))).toBe(false);
    // A signature page read poorly still spells its labels (甲方, 盖章, 签字): it is no show-through.
    const poor = showThrough([
      ['甲方（盖章）：', 0.72],
      ['杭州万松汽车维修有限公司', 0.7],
      ['乙方（签字）：王明君', 0.74],
      ['日期：2019年5月18日', 0.7],
    ]);
    expect(showThroughOnly(buildLayout(poor))).toBe(false);
    // Faint but real text, much of it read confidently, is not show-through either.
    expect(
      showThroughOnly(
        buildLayout(
          showThrough([
            ['第十条 本合同一式两份', 0.9],
            ['甲乙双方各执一份', 0.7],
          ]),
        ),
      ),
    ).toBe(false);
    expect(read([...modelContractPages({ numbers: 'none' }), blankPage()]).map((d) => d.pages)).toEqual([[1, 2, 3, 4, 5, 6]]);
  });
});

function letter(title: string, body: string[]): OcrPage {
  const b = new PageBuilder().title(title);
  for (const line of body) b.line(line, 210);
  return b.gap(2).line(company.name, 900).line('2019-03-15', 900).build();
}

describe('letters whose title reads like the verb', () => {
  it.each(['聘任书', '聘请书', '聘用书'])('does not take the title %s for 聘任 and its 书 for the name', (title) => {
    const [doc] = read([letter(title, ['兹聘任邓子伟为我单位高级技师，聘期两', '年，自2020年11月4日起。', '特发此证。'])]);
    expect(doc.fields.employeeName).toMatchObject({ value: '邓子伟', needsReview: false });
    expect(doc.fields.title.value).toBe('高级技师');
    expect(doc.fields.endDate).toMatchObject({ value: '2022-11-03', issues: ['end_date_inferred_from_term'] });
  });
});

describe('a term date that wrapped after its year and lost the dash at the break', () => {
  it('reads 聘期自2019 | 03-21起至… with the start rebuilt and flagged', () => {
    const [doc] = read([
      new PageBuilder()
        .title('聘书')
        .line('尊敬的陶一桂先生：')
        .line('特聘请您为本公司质量工程师，聘期自2019', 210)
        .line('03-21起至二0二一年三月二十日止', 150)
        .line('特此聘请。', 210)
        .gap(2)
        .line(company.name, 900)
        .line('2019-03-15', 900)
        .build(),
    ]);
    expect(doc.fields.employeeName.value).toBe('陶一桂');
    expect(doc.fields.startDate).toMatchObject({ value: '2019-03-21', needsReview: true, issues: ['date_wrap_inferred'] });
    expect(doc.fields.endDate).toMatchObject({ value: '2021-03-20' });
    expect(doc.fields.issueDate.value).toBe('2019-03-15');
  });

  it('rebuilds the start of 聘期三年，自2019 | 03-21起 and computes the end', () => {
    const [doc] = read([letter('聘书', ['兹聘任王晓明为我公司高级技师，聘期三年，自2019', '03-21起。', '特发此证。'])]);
    expect(doc.fields.startDate).toMatchObject({ value: '2019-03-21', needsReview: true });
    expect(doc.fields.endDate).toMatchObject({ value: '2022-03-20', needsReview: true });
  });

  it('rebuilds nothing where the year and the digits after it share a line', () => {
    const [doc] = read([letter('聘书', ['兹聘任王晓明为我公司高级技师，编号201903-21，', '聘期自2019年3月1日至2022年2月28日。'])]);
    expect(doc.fields.startDate).toMatchObject({ value: '2019-03-01', needsReview: false });
    expect(doc.fields.endDate).toMatchObject({ value: '2022-02-28', needsReview: false });
  });
});

/** A clause page whose running header shares its top row with the page number (two boxes, or one box). */
function headedPage(header: string, number: string, merged: boolean): OcrPage {
  const b = new PageBuilder({ top: 300 });
  if (merged) b.at(150, 70, `${header}　　　　${number}`, { height: 24 });
  else b.at(150, 70, header, { height: 24 }).at(1450, 70, number, { height: 24 });
  return b
    .line('第四条 劳动报酬')
    .line('甲方每月 15 日前以货币形式支付乙方工资。')
    .line('第五条 社会保险和福利待遇')
    .line('甲乙双方按国家和省市规定参加社会保险。')
    .build();
}

describe('page numbers at the end of a running header', () => {
  it.each([
    ['2/4', { index: 2, count: 4 }],
    ['- 2 -', { index: 2 }],
    ['— 2 —', { index: 2 }],
    ['第 2 页', { index: 2 }],
  ])('reads %s at the right of the header row, as its own box or in the header’s box', (number, printed) => {
    for (const merged of [false, true]) {
      const s = pageSignals(buildLayout(headedPage('劳动合同书　合同编号：HT2019-0317', number, merged)));
      expect(s.printed, `${number} merged=${merged}`).toMatchObject(printed);
    }
  });

  it('takes no number from a header that ends in a code or a date', () => {
    for (const header of ['合同编号：HT2018/12', '杭州市劳动合同 2019-03-21', '编号：沪劳2018-12-3']) {
      expect(pageSignals(buildLayout(headedPage(header, '', true))).printed, header).toBeUndefined();
    }
  });
});

describe('letters signed under a seal that the scan marks', () => {
  it('reads the employer where the seal left a bracket before （盖章）', () => {
    const b = new PageBuilder().title('聘书');
    b.line('兹聘任令狐辉生为本公司技术主管，聘期为五年，自2018年01月13日起至', 210).line('2023.01.12 止。', 150).line('特发此证。', 210);
    const [doc] = read([b.gap(2).line(`${company.name}）（盖章）`, 900).line('2018年1月9日', 900).build()]);
    expect(doc.fields.employerName.value).toBe(company.name);
    expect(doc.fields.employeeName.value).toBe('令狐辉生');
    expect(doc.fields.endDate.value).toBe('2023-01-12');
  });

  it('reads a date whose 〇 the scan closed into a Q (二Q一九年六月十七日)', () => {
    const [doc] = read([letterDated('二Q一九年六月十七日')]);
    expect(doc.fields.issueDate.value).toBe('2019-06-17');
  });
});

function letterDated(date: string): OcrPage {
  const b = new PageBuilder().title('聘书');
  b.line('兹聘任王晓明为我公司高级技师，聘期自2019年7月1日至2022年6月30日。', 210);
  return b.gap(2).line(company.name, 900).line(date, 900).build();
}

describe('a term whose 起 the engine misread', () => {
  const contract = (term: string) =>
    new PageBuilder()
      .title('劳动合同')
      .line(`甲方（用人单位）：${company.name}`)
      .line('乙方（劳动者）：王晓明')
      .line('第一条 劳动合同期限')
      .line(term)
      .line('第二条 工作内容 乙方担任电工岗位工作。')
      .build();

  it('reads 自 A 超至 B 止 with the end flagged', () => {
    const [doc] = read([contract('本合同期限自2018年10月23日超至2019-10-22止，其中试用期三个月。')]);
    expect(doc.fields.startDate.value).toBe('2018-10-23');
    expect(doc.fields.endDate).toMatchObject({ value: '2019-10-22', needsReview: true, issues: ['term_separator_unreadable'] });
  });

  it('reads no term from two dates a word apart outside a 自 … 止 sentence', () => {
    const [doc] = read([contract('本合同于2018年10月23日签订，截至2019-10-22前有效。')]);
    expect(doc.fields.endDate?.value ?? null).not.toBe('2019-10-22');
  });
});

describe('names spread across the line in a letter', () => {
  it.each([
    ['兹聘任 张　伟 同志为我公司 高级技师，聘期自2021年3月1日至2024年2月29日。', '张伟'],
    ['兹聘请 王 晓 明 先生为本公司 技术顾问，聘期自2021年3月1日至2024年2月29日。', '王晓明'],
  ])('reads the name of %s whole, without its spaces', (sentence, name) => {
    const [doc] = read([letter('聘 书', [sentence, '特发此证。'])]);
    expect(doc.fields.employeeName).toMatchObject({ value: name, needsReview: false });
  });

  it('reads a spread name from the salutation', () => {
    const b = new PageBuilder().title('聘书').line('尊敬的 欧阳 晓 君 女士：', 150).line('特聘请您为我公司 质量总监，聘期自2021年3月1日至2024年2月29日。', 210);
    const [doc] = read([b.gap(2).line(company.name, 900).line('2021年2月20日', 900).build()]);
    expect(doc.fields.employeeName.value).toBe('欧阳晓君');
    expect(doc.fields.title.value).toBe('质量总监');
  });
});

describe('a whole page of text showing through', () => {
  const dense = showThrough([
    ['默味剑会,正', 0.74],
    ['并，手剑会关里六六甲，剑会参宝财关市，省味家国式双甲', 0.76],
    ['宝财关市省味国因的资工因非患', 0.73],
    ['左洪面牛用采当立更变，容内帕宝同合本更变可，一商时六双甲', 0.86],
    ['宝财的《却同合坛荣国味共另人半中》立，同合本止黎式双甲', 0.73],
    ['事其帕宝式八', 0.61],
    ['，立行民，帕心部业寺其，甲费寺共甲', 0.64],
    ['麒长宝', 0.7],
    ['责彭尔', 0.56],
    ['责尝承立，帕夫剂丸，宝同合本彭一', 0.59],
    ['其十', 1],
    ['效主司章盖宇签六双，一各六双二甲，两左一同合本', 0.78],
    ['宝财关六味家国，宜事风未同合本', 0.79],
    ['(文五天不)', 0.76],
  ]);

  it('takes a page that spells 合同 and 签字 only backwards for show-through, however many lines it has', () => {
    expect(showThroughOnly(buildLayout(dense))).toBe(true);
    const docs = read(modelContractPages({ numbers: 'none', instructions: false }).flatMap((p) => [p, dense]));
    expect(docs.map((d) => d.pages)).toEqual([[1, 3, 5, 7, 9]]);
  });

  it('keeps a poorly read clause page that spells its words forwards', () => {
    const poor = showThrough([
      ['第七条 劳动合同的变更、解除和终止', 0.72],
      ['甲乙双方协商一致，可以变更本合同约定的内容', 0.7],
      ['同合本 章盖', 0.6],
    ]);
    expect(showThroughOnly(buildLayout(poor))).toBe(false);
  });
});

describe('a post whose 一职 lost its 一 at a line start', () => {
  it('reads the post before a bare 职 and flags it', () => {
    const [doc] = read([letter('聘任书', ['经研究决定，聘任严萱怡担任我单位技术总监', '职，聘期五年（自2020年3月1日起计算）。', '特此聘任。'])]);
    expect(doc.fields.title).toMatchObject({ value: '技术总监', needsReview: true, issues: ['post_suffix_inferred'] });
    expect(doc.fields.employeeName.value).toBe('严萱怡');
  });

  it('reads 一职 and 职务 unflagged', () => {
    const [doc] = read([letter('聘任书', ['经研究决定，聘任严萱怡担任我单位技术总监一职，聘期自2020年3月1日至2025年2月28日。'])]);
    expect(doc.fields.title).toMatchObject({ value: '技术总监', needsReview: false });
  });
});

describe('a 聘书 whose spaced title the engine returned as two boxes', () => {
  it('starts the letter after a contract even though its seal line reads like a signature', () => {
    const b = new PageBuilder();
    b.at(960, 250, '聘', { height: 110 }).at(1070, 240, '书', { height: 130, confidence: 0.5 });
    b.at(270, 560, '邓梓辉女士：').at(360, 670, '经公司研究，特聘请您为生产经理，聘期两年（自2019.01.19起计算)。').at(350, 775, '特此聘请。');
    b.at(1340, 1286, company.name).at(1870, 1291, '(盖章)').at(1546, 1376, '2019年1月11日');
    const docs = read([...modelContractPages({ numbers: 'none' }), b.build()]);
    expect(docs.map((d) => [d.type, d.pages])).toEqual([
      ['labor_contract', [1, 2, 3, 4, 5, 6]],
      ['employment_letter', [7]],
    ]);
    expect(docs[1].fields.employeeName.value).toBe('邓梓辉');
    expect(docs[1].fields.title.value).toBe('生产经理');
  });
});

describe('a 聘书 whose spaced title holds a speck read as a colon, its body saying 兹聘', () => {
  it('reads it as a letter (`聘` | `：` | `书`; `兹聘X同志为…`), not a page of no known type', () => {
    const b = new PageBuilder();
    b.at(962, 268, '聘', { height: 116 }).at(1086, 284, '：', { height: 76, confidence: 0.5 }).at(1235, 260, '书', { height: 116 });
    b.at(373, 565, '兹聘孙娜海同志为本公司生产经理，聘期自2020年4月2日起至2025年04月01日').at(286, 703, '止。').at(372, 802, '特发此证。');
    b.at(1555, 1303, '杭州明达餐饮管理有限公司').at(1664, 1386, '2020年3月25日');
    const [doc] = read([b.build()]);
    expect(doc.type).toBe('employment_letter');
    expect(doc.fields.employeeName.value).toBe('孙娜海');
    expect(doc.fields.title.value).toBe('生产经理');
  });
});

describe('a salutation whose name was filled in by hand', () => {
  it('reads the name boxed apart from its form of address (`尊敬的 毛凯` | `同志：`)', () => {
    const b = new PageBuilder().title('聘 书');
    b.at(268, 824, '尊敬的 毛凯', { height: 67 }).at(609, 835, '同志：', { height: 47 });
    b.at(357, 953, '特聘请您为我公司 班组长').at(973, 964, '，聘期为五年，自').at(268, 1066, '2019年11月06日 起至 2024年11月5日 止。');
    const [doc] = read([b.at(837, 1833, company.name).at(992, 1898, '2019.11.03').build()]);
    expect(doc.fields.employeeName).toMatchObject({ value: '毛凯', needsReview: false });
    expect(doc.fields.title.value).toBe('班组长');
  });

  it('takes no name from a line whose neighbour on the row is no form of address', () => {
    const b = new PageBuilder().title('聘 书');
    b.at(268, 824, '尊敬的 毛凯', { height: 67 }).at(609, 835, '经理：', { height: 47 });
    b.at(357, 953, '特聘请您为我公司 班组长，聘期自2019年11月6日至2024年11月5日。');
    const [doc] = read([b.at(837, 1833, company.name).at(992, 1898, '2019.11.03').build()]);
    expect(doc.fields.employeeName?.value ?? null).not.toBe('毛凯经理');
  });
});

describe('a digital letter whose seal lettering is text', () => {
  it('does not turn the page by the slope of the seal’s arc (the wrapped term end stays after its start)', () => {
    // A landscape 聘书 from a PDF's text layer: the seal's name is one glyph per box along its arc.
    const boxes: Array<[number, number, number, number, string]> = [
      [963, 251, 380, 106, '聘任书'],
      [362, 563, 1689, 47, '兹聘请 董斌伟 同志 为本公司 高级技师，聘期自 二〇一八年十二月四日 起至 2021'],
      [268, 663, 325, 47, '年12月3日 止。'],
      [362, 777, 283, 47, '特发此聘书。'],
      [1394, 1290, 661, 47, '杭州龙井汽车维修股份有限公司'],
      [1549, 1375, 351, 47, '2018年12月04日'],
      ...[
        [1590, 1289, 28],
        [1590, 1258, 32],
        [1598, 1228, 36],
        [1614, 1202, 38],
        [1636, 1183, 38],
        [1664, 1170, 35],
        [1695, 1166, 30],
        [1724, 1166, 30],
        [1750, 1170, 35],
        [1775, 1183, 38],
        [1796, 1202, 38],
        [1814, 1228, 36],
        [1826, 1258, 32],
        [1831, 1289, 28],
      ].map(([x, y, h], i): [number, number, number, number, string] => [x, y, h, h, '杭州龙井汽车维修股份有限公司'[i]]),
    ];
    const page: OcrPage = {
      pageNumber: 1,
      width: 2339,
      height: 1653,
      rotation: 0,
      source: 'text_layer',
      lines: boxes.map(([x, y, width, height, text]) => ({ text, confidence: 1, box: { x, y, width, height } })),
    };
    const [doc] = read([page]);
    expect(doc.fields.employeeName.value).toBe('董斌伟');
    expect(doc.fields.startDate.value).toBe('2018-12-04');
    expect(doc.fields.endDate).toMatchObject({ value: '2021-12-03', needsReview: false });
  });
});
