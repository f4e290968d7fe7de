import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { buildPageLayout } from '../../shared/extraction/page-layout.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { creditCode, residentId } from './support/documents.js';
import { textLayerPage as page, type Line } from './support/text-lines.js';

// Classes behind the labour-contract fields the reader missed on layouts that spread labels and values character by
// character (issues 12 and 19, development samples procedural-v3-dev2, dev4 and dev6; procedural-v3 itself never
// opened). Built on constructed OCR lines with values of their own: no eval file is read here.

const TODAY = '2026-12-04';

const readOne = (lines: readonly Line[]) => extractDocuments([page(lines)], { today: TODAY })[0];

/** One box per character, `pitch` pixels from the start of one to the start of the next. */
function spread(text: string, x: number, y: number, pitch: number, size = 35): Line[] {
  return [...text].map((ch, i) => [ch, x + i * pitch, y, size, size]);
}

const employeeId = residentId('19910305', '330104', '218');
const employerCode = creditCode('4HX2M8P1Q', '330106');

const TITLE: Line = ['劳动合同书', 600, 130, 430, 69];
const TAIL: Line[] = [
  ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 140, 900, 958, 32],
  ['二、甲方依法为乙方缴纳社会保险费。', 140, 955, 543, 32],
  ['甲方（盖章）：', 140, 1200, 243, 36],
  ['乙方（签字）：', 827, 1200, 243, 36],
  ['签订日期：2020年5月6日', 140, 1270, 400, 36],
];
const EMPLOYER: Line[] = [
  ['用人单位名称：', 140, 290, 250, 35],
  ['杭州湖滨精密仪器有限公司', 420, 290, 420, 35],
  ['统一社会信用代码：', 880, 290, 320, 35],
  [employerCode, 1220, 290, 330, 37],
];
const TERM: Line[] = [['合同期限：2020年5月8日至2023年5月7日', 140, 700, 700, 35]];

describe('a name spread character by character beside its label', () => {
  it('reads the even run of lone characters after a letter-spaced label as one name', () => {
    // The label is spread at its own pitch (121 px); the name at a tighter one (73 px); the next label stands apart.
    const doc = readOne([
      TITLE,
      ...EMPLOYER,
      ...spread('受聘人', 134, 530, 121),
      ...spread('范思远', 495, 530, 73),
      ['居民身份证号码', 832, 530, 278, 35],
      [employeeId, 1142, 530, 347, 37],
      ...TERM,
      ...TAIL,
    ]);
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.employeeName.value).toBe('范思远');
  });

  it('ends a run at one pitch where a known label begins, taking none of its characters', () => {
    // Name and label set at the same pitch: the label's characters are found first, the name is what is left.
    const doc = readOne([
      TITLE,
      ...EMPLOYER,
      ['受聘人：', 134, 530, 150, 35],
      ...spread('范思远身份证号码', 320, 530, 73),
      [`：${employeeId}`, 900, 530, 380, 37],
      ...TERM,
      ...TAIL,
    ]);
    expect(doc.fields.employeeName.value).toBe('范思远');
    expect(doc.fields.employeeIdNumber.value).toBe(employeeId);
  });
});

describe('a spread name after a label that ends its row', () => {
  it('reads the spread run that opens the next row, and flags the guess', () => {
    const doc = readOne([
      TITLE,
      ...EMPLOYER,
      ['地　　　　　　址:', 140, 538, 288, 31],
      ['浙江省杭州市西湖区文三路88号', 515, 538, 600, 31],
      ['劳动者姓名:', 1219, 538, 253, 31],
      ...spread('岑佳怡', 229, 609, 66, 31),
      ...spread('居民身份证号码', 606, 609, 66, 31),
      [':', 1065, 609, 8, 31],
      [employeeId, 1120, 609, 306, 31],
      ...TERM,
      ...TAIL,
    ]);
    const name = doc.fields.employeeName;
    expect(name.value).toBe('岑佳怡');
    expect(name.needsReview).toBe(true);
  });

  it('reads a name whose first character stayed on the label row before the rest wrapped to the margin, and flags it', () => {
    // `职工姓名:　欧` | `阳　明　轩　身份证号码…`: the next character would not fit before the text's right edge.
    const doc = readOne([
      TITLE,
      ...EMPLOYER,
      ['地　　　　　　址:', 197, 592, 307, 36],
      ['浙江省杭州市西湖区中山路25', 541, 592, 461, 36],
      ['职　工　姓　名:', 1039, 592, 344, 36],
      ['欧', 1422, 592, 35, 36],
      ['0号14幢1301室', 541, 671, 226, 36],
      ...spread('阳明轩', 197, 750, 85, 36),
      ...spread('身份证号码', 660, 750, 85, 36),
      [`: ${employeeId}`, 1086, 750, 440, 36],
      ['联　系　电　话:', 197, 831, 325, 36],
      ['15635413794', 551, 831, 191, 36],
      ['合　同　类　型:', 779, 831, 413, 36],
      ['无固定期限', 1224, 831, 302, 36],
      ...TAIL,
    ]);
    const name = doc.fields.employeeName;
    expect(name.value).toBe('欧阳明轩');
    expect(name.needsReview).toBe(true);
  });
});

describe('a two-character name split across the row end of run-on prose', () => {
  it('reads the lone character at the row end with the one opening the next row, not a wrapped address nearer below', () => {
    const doc = readOne([
      TITLE,
      ['用人单位:', 173, 352, 160, 31],
      ['浙江湖滨精密', 402, 352, 187, 31],
      ['仪器制造有限', 402, 421, 187, 31],
      ['公司', 402, 492, 61, 31],
      ['；统一社会信用代码:', 658, 352, 349, 33],
      [employerCode, 1066, 352, 325, 31],
      ['；', 1450, 352, 31, 33],
      ['法人代表:', 173, 563, 144, 31],
      ['欧阳雨梓', 365, 563, 131, 31],
      ['；地址:', 544, 563, 111, 33],
      ['浙江省杭州市西湖区莫', 697, 563, 312, 31],
      ['干山路377号13幢1106', 697, 634, 312, 31],
      ['室', 697, 702, 31, 31],
      ['；乙方（劳动者）姓名:', 1051, 563, 345, 33],
      ['岑', 1450, 563, 31, 31],
      ['怡', 173, 773, 31, 31],
      ['；身份证号码:', 255, 773, 196, 33],
      [employeeId, 516, 773, 298, 31],
      ['；联系电话:', 881, 773, 165, 33],
      ['13123008571', 1091, 773, 179, 31],
      ['；合同类型:', 1316, 773, 165, 33],
      ['固定期限', 223, 844, 125, 31],
      ['；合同期限自:', 399, 844, 199, 33],
      ['二〇一八年九月十八日', 652, 844, 314, 31],
      ['；用工终止日:', 1020, 844, 199, 33],
      ['2019年09月17', 1284, 844, 196, 31],
      ['日', 173, 913, 31, 31],
      ['；工作岗位:', 269, 913, 163, 33],
      ...TAIL.map(([text, x, y, w, hh]): Line => [text, x, y + 100, w, hh]),
    ]);
    const name = doc.fields.employeeName;
    expect(name.value).toBe('岑怡');
    expect(name.needsReview).toBe(true);
  });
});

describe('a label spread character by character with its brackets', () => {
  it('finds the employer after `甲 方 （ 用 人 单 位 ） 名 称 :`', () => {
    const doc = readOne([
      TITLE,
      ...spread('甲方（用人单位）名称', 181, 327, 95, 31),
      [':', 1134, 327, 8, 31],
      ['杭州湖滨精密仪器有限公司', 1198, 327, 380, 31],
      ['统一社会信用代码:', 181, 467, 335, 31],
      [employerCode, 563, 467, 326, 31],
      ['劳动者姓名:', 181, 538, 253, 31],
      ['岑佳怡', 470, 538, 100, 31],
      ['居民身份证号码:', 606, 538, 300, 31],
      [employeeId, 950, 538, 306, 31],
      ...TERM,
      ...TAIL,
    ]);
    expect(doc.fields.employerName.value).toBe('杭州湖滨精密仪器有限公司');
  });
});

const ISSUER = '杭州市职业能力建设指导服务中心';

/** A special-ability certificate whose lines are `rows`, issued under a seal whose lettering is lone characters. */
function certificate(rows: Line[]): OcrPage {
  // The issuer's name round the seal's arc, one box per character, at the sizes and places a text layer gives them.
  const arc: [number, number, number][] = [
    [914, 816, 25],
    [914, 794, 22],
    [915, 769, 26],
    [923, 746, 29],
    [935, 726, 30],
    [953, 711, 30],
    [974, 701, 28],
    [998, 696, 25],
    [1022, 696, 23],
    [1043, 698, 27],
    [1063, 706, 29],
    [1082, 720, 30],
    [1097, 738, 30],
    [1108, 760, 28],
    [1116, 784, 24],
  ];
  const seal: Line[] = [...ISSUER].map((ch, i) => [ch, arc[i][0], arc[i][1], arc[i][2], arc[i][2]]);
  return page([['专项职业能力证书', 551, 207, 540, 58], ...rows, ...seal, ['发证日期:2019.09.14', 973, 818, 335, 36]]);
}

describe('a spread label whose first piece carries the separator of run-on prose', () => {
  it('finds `受聘人` in `；受` `聘` `人：` and reads the name after it', () => {
    const doc = readOne([
      TITLE,
      ['甲方：浙江湖滨精密仪器有限公司', 142, 300, 560, 36],
      ['；信用代码：', 720, 300, 243, 36],
      [employerCode, 980, 300, 330, 36],
      ['；受', 728, 540, 69, 36],
      ['聘', 850, 540, 35, 36],
      ['人：', 937, 540, 72, 36],
      ['岑佳怡', 1038, 540, 110, 36],
      ['；有效证件号码：', 1180, 540, 297, 36],
      [employeeId, 161, 700, 330, 36],
      ...TERM.map(([text, x, y, w, hh]): Line => [text, x, y + 80, w, hh]),
      ...TAIL,
    ]);
    expect(doc.fields.employeeName.value).toBe('岑佳怡');
  });
});

describe('a date wrapped in a grid cell centred on its label', () => {
  it('reads the line beside the label with the line above it, and flags the join', () => {
    const doc = readOne([
      TITLE,
      ['Employer', 272, 284, 102, 26],
      ['甲方（用人单位）名称：', 140, 317, 367, 33],
      ['杭州湖滨精密仪器有限公司', 550, 317, 400, 33],
      ['Employee', 271, 624, 105, 26],
      ['乙方：', 273, 656, 100, 33],
      ['岑佳怡', 600, 639, 100, 33],
      ['ID No.', 911, 624, 63, 26],
      ['身份证号码：', 843, 656, 200, 33],
      [employeeId, 1145, 639, 333, 33],
      ['Term From', 266, 843, 115, 26],
      ['合同起始日期：', 207, 875, 233, 33],
      ['二〇一九年十', 550, 837, 200, 33],
      ['月八日', 600, 881, 100, 33],
      ['Term To', 900, 843, 85, 26],
      ['终止日期：', 860, 875, 167, 33],
      ['2022.10.07', 1229, 858, 167, 35],
      ...TAIL.map(([text, x, y, w, hh]): Line => [text, x, y + 200, w, hh]),
    ]);
    const start = doc.fields.startDate;
    expect(start.value).toBe('2019-10-08');
    expect(start.needsReview).toBe(true);
  });
});

describe('labels real certificates use that the lexicon lacked', () => {
  it('reads the occupation beside `考核项目` (special-ability certificates) and `申报职业`', () => {
    for (const label of ['考核项目:', '申报职业:']) {
      const [doc] = extractDocuments(
        [
          certificate([
            ['持证人:', 165, 395, 132, 36],
            ['岑佳怡', 327, 395, 118, 36],
            ['公民身份号码:', 165, 477, 227, 36],
            [employeeId, 420, 477, 330, 36],
            [label, 165, 599, 154, 36],
            ['西式面点制作', 362, 599, 217, 36],
            ['证号:', 620, 599, 154, 36],
            ['ZX20193301830271', 808, 599, 468, 36],
            [`发证单位:${ISSUER}`, 792, 754, 696, 36],
          ]),
        ],
        { today: TODAY },
      );
      expect(doc.fields.occupation.value).toBe('西式面点制作');
    }
  });

  it('joins no seal lettering into a spread value: the issuer beside the seal stays whole and confident', () => {
    const [doc] = extractDocuments(
      [
        certificate([
          ['持证人:', 165, 395, 132, 36],
          ['岑佳怡', 327, 395, 118, 36],
          ['考核项目:', 165, 599, 154, 36],
          ['西式面点制作', 362, 599, 217, 36],
          [`发证单位:${ISSUER}`, 792, 754, 696, 36],
        ]),
      ],
      { today: TODAY },
    );
    expect(doc.fields.issuer.value).toBe(ISSUER);
    expect(doc.fields.issuer.needsReview).toBe(false);
  });

  it('leaves lone characters apart when no text shares their row (seal lettering at the top of its arc)', () => {
    const layout = buildPageLayout(
      page([
        ['持证人:', 165, 395, 132, 36],
        ['岑佳怡', 327, 395, 118, 36],
        ['力', 974, 701, 28, 28],
        ['导', 1063, 706, 29, 29],
        [`发证单位:${ISSUER}`, 792, 754, 696, 36],
      ]),
    );
    expect(layout.lines.map((l) => l.flat)).toContain('力');
    expect(layout.lines.map((l) => l.flat)).toContain('导');
  });
});

describe('a payment record whose table cells wrap', () => {
  // Header block in a bilingual grid, then a table whose cells wrap: `2013年03月—2016年08` | `月`,
  // `杭州…股份有限公` | `司`, a vertical `月` | `数` header. Each row's pieces sit a little under the row's other cells.
  const record: Line[] = [
    ['浙江省社会保险参保缴费记录', 556, 168, 542, 44],
    ['个人姓名：', 244, 292, 174, 35],
    ['Insured Person', 248, 335, 165, 24],
    ['岑佳怡', 917, 307, 100, 35],
    ['身份证号码：', 226, 401, 208, 35],
    ['ID No.', 297, 446, 66, 24],
    [employeeId, 780, 417, 343, 35],
    ['缴费单位', 369, 804, 125, 31],
    ['缴费起止年月', 750, 804, 187, 31],
    ['月', 1059, 783, 31, 31],
    ['数', 1059, 825, 31, 31],
    ['险种', 1252, 804, 62, 31],
    ['杭州湖滨精密仪器有限公司', 244, 916, 375, 31],
    ['2013年03月—2016年08', 684, 895, 319, 31],
    ['月', 828, 937, 31, 31],
    ['42', 1057, 916, 34, 31],
    ['企业职工基本养老保', 1142, 895, 281, 31],
    ['险', 1267, 937, 31, 31],
    ['杭州钱江光电科技股份有限公', 228, 1006, 406, 31],
    ['司', 416, 1048, 31, 31],
    ['2017年01月—2020年12', 681, 1006, 325, 31],
    ['月', 828, 1048, 31, 31],
    ['48', 1057, 1027, 34, 31],
    ['养老保险', 1220, 1027, 125, 31],
    ['合计：90个月', 205, 1138, 229, 35],
    ['杭州市西湖区社会保险管理服务中心', 894, 1311, 555, 35],
    ['打印日期：二〇二一年十二月九日', 911, 1374, 521, 35],
  ];

  it('reads each row with its wrapped pieces: the latest employer, the span and the months', () => {
    const doc = readOne(record);
    expect(doc.type).toBe('social_insurance_record');
    expect(doc.fields.employerName.value).toBe('杭州钱江光电科技股份有限公司');
    expect(doc.fields.periodStart.value).toBe('2013-03');
    expect(doc.fields.periodEnd.value).toBe('2020-12');
    expect(doc.fields.monthsPaid.value).toBe(90);
  });

  it('joins no watermark fragment lying under a cell off its centre and start (a scan)', () => {
    const doc = readOne([
      ['浙江省社会保险参保缴费记录', 556, 168, 542, 44],
      ['姓名：岑佳怡', 244, 300, 300, 38],
      [`身份证号码：${employeeId}`, 700, 300, 560, 38],
      ['单位名称', 384, 472, 127, 38],
      ['起始年月', 748, 468, 130, 45],
      ['截止年月', 962, 471, 125, 39],
      ['缴费月数', 1151, 468, 131, 43],
      ['险种', 1348, 468, 78, 47],
      ['杭州钱江光电科技股份有限公司', 234, 538, 423, 39],
      ['2014年04月', 728, 536, 165, 43],
      ['2016年01月', 944, 536, 163, 44],
      ['22', 1184, 527, 65, 64],
      ['养老保险', 1323, 533, 128, 48],
      ['杭州湖滨精密仪器有限公司', 260, 605, 365, 41],
      ['2016年07月', 731, 606, 162, 40],
      ['2021年10月', 947, 606, 158, 40],
      ['64', 1182, 597, 67, 65],
      ['养老保险', 1325, 606, 125, 42],
      ['伟用', 421, 660, 108, 40],
      ['实际缴费月数合计86月', 183, 697, 352, 36],
    ]);
    expect(doc.fields.employerName.value).toBe('杭州湖滨精密仪器有限公司');
  });
});

describe('confident-wrong classes on clean scans of fill-in-the-blank certificates (procedural-v3-dev-scan8)', () => {
  const certificate = (title: string, rows: Line[]): OcrPage =>
    page([[title, 809, 171, 694, 71], ...rows, ['发证单位：杭州市应急管理局', 1832, 657, 398, 36], ['2020年03月16日', 1915, 711, 226, 41]]);
  const read = (p: OcrPage) => extractDocuments([p], { today: TODAY })[0];

  it('cuts a spread label’s first character glued to the value (`本人姓名：岑怡性` | `别：男`) and flags the cut', () => {
    const doc = read(
      certificate('特种作业操作证', [
        ['本人姓名：岑怡性', 105, 316, 424, 47],
        ['别：男', 639, 320, 138, 42],
        ['居民身份证号：', 834, 321, 198, 36],
        [employeeId, 1109, 324, 300, 33],
        ['作业类别：', 107, 414, 188, 41],
        ['低压电工作业', 380, 413, 230, 40],
      ]),
    );
    expect(doc.fields.holderName.value).toBe('岑怡');
    expect(doc.fields.holderName.needsReview).toBe(true);
  });

  it('takes nothing from a value when the next box is a whole label itself (`…有限公司` | `类型：`)', () => {
    const doc = read(
      certificate('特种作业操作证', [
        ['姓名：岑怡', 105, 316, 300, 47],
        ['作业类别：低压电工作业', 107, 414, 400, 41],
        ['性别：男', 639, 316, 138, 42],
      ]),
    );
    expect(doc.fields.holderName.value).toBe('岑怡');
  });

  it('flags a value with a box of text a few characters after it on its row (`电工作业` … `作业`)', () => {
    const doc = read(
      certificate('特种作业操作证', [
        ['本人姓名：岑怡', 105, 316, 300, 47],
        ['作业类别：', 107, 414, 188, 41],
        ['电工作业', 380, 413, 165, 40],
        ['作业', 653, 413, 91, 45],
        ['有效期至：', 1301, 413, 157, 40],
        ['二〇二六年三月十五日', 1549, 414, 408, 37],
      ]),
    );
    expect(doc.fields.occupation.needsReview).toBe(true);
  });

  it('joins no unit of a spread date under the value to it (`家政服务员` over `10` `日` `至` `2021`)', () => {
    const doc = read(
      page([
        ['培训结业证书', 500, 230, 625, 76],
        ['姓名：岑怡', 148, 431, 300, 42],
        ['证件号码：' + employeeId, 152, 513, 509, 37],
        ['培训内容：_', 148, 613, 201, 46],
        ['育婴员技能培训', 366, 613, 328, 45],
        ['培训时间：_2021年', 783, 614, 314, 42],
        ['05', 147, 697, 45, 35],
        ['月', 236, 696, 36, 38],
        ['10', 318, 700, 42, 29],
        ['日', 406, 699, 33, 32],
        ['至', 486, 697, 42, 35],
        ['2021', 569, 698, 78, 34],
        ['年', 692, 698, 44, 32],
        ['发证单位：杭州西溪职业技术培训中心', 800, 900, 600, 40],
      ]),
    );
    expect(doc.fields.occupation.value ?? '').not.toMatch(/[日至]$/);
  });
});
