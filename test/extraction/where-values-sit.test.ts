import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { buildPageLayout } from '../../shared/extraction/page-layout.js';
import { company, person } from './support/documents.js';
import { textLayerPage as page, type Line } from './support/text-lines.js';

// Issue 12, where values sit (labels12c): a value on a fill-in line with its label under it as a caption, leader dots
// or underscores between a label and its value, labels spaced with ASCII spaces, branch licences (负责人, 营业场所)
// whose long address wraps in a two-column grid. Constructed OCR lines with their own values; no eval file is read.

const TODAY = '2026-12-05';
const readOne = (lines: readonly Line[]) => extractDocuments([page(lines)], { today: TODAY })[0];

const recordTail: Line[] = [
  ['序号', 141, 657, 57, 30],
  ['单位名称', 431, 657, 115, 30],
  ['起始年月', 791, 657, 115, 30],
  ['截止年月', 989, 657, 115, 30],
  ['缴费月数', 1187, 657, 115, 30],
  ['1', 162, 722, 14, 30],
  [company.name, 316, 722, 345, 30],
  ['2014.08', 798, 722, 100, 30],
  ['2021.10', 996, 722, 100, 30],
  ['87', 1230, 722, 29, 30],
];

describe('a value on a fill-in line, its label under the line as a caption', () => {
  it('reads a name over its bracketed caption a ruled line apart, nothing beside the caption', () => {
    const doc = readOne([
      ['社会保险个人参保证明', 576, 171, 500, 49],
      [person.name, 171, 292, 96, 33],
      ['（姓　　　　名）', 110, 347, 217, 28],
      ['公民身份号码：', 110, 411, 224, 33],
      [person.id, 365, 411, 287, 33],
      ...recordTail,
    ]);
    expect(doc.type).toBe('social_insurance_record');
    expect(doc.fields.personName.value).toBe(person.name);
    expect(doc.fields.idNumber.value).toBe(person.id);
  });

  it('reads a name over a caption spread into two boxes, each holding a bracket', () => {
    const doc = readOne([
      ['社会保险个人参保证明', 618, 117, 416, 45],
      [person.name, 211, 218, 114, 50],
      ['(姓', 157, 278, 60, 43],
      ['名)', 321, 278, 59, 46],
      ['公民身份号码', 148, 346, 211, 44],
      [person.id, 359, 349, 405, 37],
      ...recordTail,
    ]);
    expect(doc.fields.personName.value).toBe(person.name);
  });

  it('reads an address wrapped over three lines over its caption, the last a lone character', () => {
    const doc = readOne([
      ['注册号', 306, 181, 119, 54],
      ['330106835673089(1-1)', 304, 242, 377, 63],
      ['营业执照', 943, 270, 548, 147],
      ['名称', 185, 541, 120, 47],
      ['杭州市西湖区西溪机械制造店', 413, 547, 560, 60],
      ['类型', 177, 705, 150, 57],
      ['个体工商户', 401, 715, 187, 58],
      ['经营者', 1179, 763, 120, 64],
      [person.name, 1320, 763, 150, 64],
      ['浙江省杭州市西湖区', 1205, 835, 329, 44],
      ['学院路53号20幢2405', 1206, 881, 332, 50],
      ['室', 1206, 933, 48, 42],
      ['注册日期', 160, 924, 154, 55],
      ['2014-09-15', 386, 924, 326, 55],
      ['（经营场所）', 1195, 990, 152, 43],
    ]);
    expect(doc.type).toBe('business_license');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区学院路53号20幢2405室');
  });

  it('never wraps a name under its label into the value over the next caption (`男` over `（性别）`)', () => {
    const doc = readOne([
      ['职业资格证书', 554, 167, 533, 78],
      ['持证人：', 181, 310, 144, 36],
      ['陆芳', 217, 358, 72, 36],
      ['男', 224, 433, 36, 36],
      ['（性别）', 181, 494, 123, 31],
      ['身份证号码：', 181, 564, 217, 36],
      [person.id, 429, 564, 361, 36],
      ['评茶员', 213, 643, 108, 36],
      ['（工 种）', 202, 704, 130, 31],
      ['证 书 号：', 181, 849, 161, 36],
      ['1933014770310676', 373, 849, 321, 36],
    ]);
    expect(doc.fields.holderName.value).toBe('陆芳');
    expect(doc.fields.occupation.value).toBe('评茶员');
  });

  it('still wraps an address over `（盖章）`: where to stamp names no value', () => {
    const doc = readOne([
      ['营业执照', 494, 253, 614, 155],
      ['统一社会信用代码：', 617, 492, 238, 53],
      [company.code, 880, 492, 380, 53],
      ['名称：', 133, 551, 80, 56],
      [company.name, 230, 551, 360, 56],
      ['法定代表人：', 142, 720, 240, 56],
      [person.name, 400, 720, 112, 56],
      ['住所：', 560, 822, 80, 56],
      ['浙江省杭州市西湖区留下街道', 660, 822, 436, 56],
      ['古墩路930号华星时代广场10', 660, 867, 422, 56],
      ['幢16层109室', 660, 912, 192, 56],
      ['（盖章）', 663, 970, 114, 50],
      ['成立日期：', 142, 1040, 180, 56],
      ['2011年12月13日', 340, 1040, 320, 56],
    ]);
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区留下街道古墩路930号华星时代广场10幢16层109室');
  });

  it("never runs a name at a row's end on into the code set over the next row's caption", () => {
    const doc = readOne([
      ['劳动合同书', 592, 217, 448, 70],
      ['甲方（用人单位）名称：', 110, 370, 397, 38],
      [company.name, 539, 370, 505, 38],
      // A code with letters in its organisation part (no run of 15 digits, which a value never runs on into).
      ['91330106J1NW2K4N5L', 142, 443, 325, 38],
      ['（统一社会信用代码）', 151, 504, 307, 32],
      ['秦勇鹏', 142, 570, 108, 38],
      ['（法定代表人）', 110, 631, 215, 32],
      ['地　　　　　　址：', 110, 699, 325, 38],
      ['浙江省杭州市西湖区中山路167号6幢803室', 539, 699, 668, 38],
      ['乙方（劳动者）姓名：', 110, 770, 361, 38],
      [person.name, 539, 770, 108, 38],
      ['居民身份证号码：', 110, 843, 289, 38],
      [person.id, 539, 843, 325, 38],
      ['13827519986', 110, 916, 199, 38],
      ['联　系　电　话：', 110, 964, 289, 38],
      ['合　同　类　型：', 110, 1036, 289, 38],
      ['............固定期限', 539, 1036, 361, 38],
      ['合同起始日期：', 110, 1109, 253, 38],
      ['2019年6月10日', 539, 1109, 235, 38],
    ]);
    expect(doc.fields.employerName.value).toBe(company.name);
    expect(doc.fields.employerCreditCode.value).toBe('91330106J1NW2K4N5L');
  });

  it('reads an employer wrapped over two lines above a caption with brackets inside it', () => {
    const doc = readOne([
      ['劳动合同书', 626, 126, 383, 67],
      ['杭州西子智能', 219, 248, 200, 46],
      ['科技有限公司', 218, 294, 200, 44],
      ['统一社会信用代码：', 772, 367, 306, 45],
      [company.code, 1114, 367, 391, 41],
      ['（甲方（用人单位）名称）', 200, 372, 330, 40],
      ['法定代表人：', 184, 446, 302, 47],
      ['司徒明浩', 531, 446, 146, 47],
      ['劳动者姓名：', 185, 560, 300, 44],
      [person.name, 531, 560, 114, 44],
      ['身份证号码：', 772, 560, 300, 44],
      [person.id, 1114, 560, 349, 41],
      ['合同起始日期：', 185, 650, 300, 44],
      ['2021年2月10日', 531, 650, 240, 44],
    ]);
    expect(doc.fields.employerName.value).toBe(company.name);
  });

  it('reads each of a row of captioned values for its own caption, never the caption over it', () => {
    // Two captioned rows stacked: the second value sits under the first caption, which names the line above it.
    const doc = readOne([
      ['社会保险个人参保证明', 576, 171, 500, 49],
      [person.name, 171, 262, 96, 33],
      ['（姓名）', 150, 317, 120, 28],
      [person.id, 140, 372, 287, 33],
      ['（公民身份号码）', 150, 427, 260, 28],
      ...recordTail,
    ]);
    expect(doc.fields.personName.value).toBe(person.name);
    expect(doc.fields.idNumber.value).toBe(person.id);
  });
});

describe('branch licences: a value stacked over its label in a two-column grid', () => {
  const licenceHead: Line[] = [
    ['营业执照', 951, 287, 411, 86],
    ['统一社会信用代码', 110, 478, 255, 32],
    [`${company.code} (2-1)`, 557, 478, 459, 35],
    ['名　　　　　　称', 1198, 478, 255, 32],
    ['杭州西子智能科技有限公司西湖分公司', 1485, 478, 560, 32],
    ['负　责　人', 1198, 676, 160, 32],
    [`………………………………${person.name}`, 1485, 676, 500, 32],
  ];

  it('reads an address wrapped over two lines right above 营业场所, the label over it having its date beside it', () => {
    const doc = readOne([
      ...licenceHead,
      ['成 立 日 期', 110, 747, 152, 35],
      ['………………………………2008年10月06日', 557, 747, 610, 35],
      ['浙江省杭州市西湖区古墩路36', 110, 818, 419, 35],
      ['3号14幢603室', 110, 859, 200, 35],
      ['营　　　业　　　场　　　所', 110, 903, 415, 32],
      ['经　　　营　　　范　　　围', 110, 972, 415, 32],
      ['一般项目：技术服务、技术开发。', 557, 972, 700, 32],
    ]);
    expect(doc.type).toBe('business_license');
    expect(doc.fields.legalRepresentative.value).toBe(person.name);
    expect(doc.fields.establishedDate.value).toBe('2008-10-06');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区古墩路363号14幢603室');
  });

  it('never reads for 成立日期 over an address with nothing beside it the address under it', () => {
    // Labels over their values: the address under 成立日期 is no date, and the one over 营业场所 still is its.
    const doc = readOne([
      ...licenceHead,
      ['成 立 日 期', 110, 747, 152, 35],
      ['浙江省杭州市西湖区古墩路363号', 110, 800, 450, 35],
      ['营　　　业　　　场　　　所', 110, 845, 415, 32],
      ['经　　　营　　　范　　　围', 110, 972, 415, 32],
      ['一般项目：技术服务、技术开发。', 557, 972, 700, 32],
    ]);
    expect(doc.fields.establishedDate.value).toBeNull();
  });
});

describe("a licence address wrapped over the next row's value set high beside its label", () => {
  it('ends the address at a line opening with a word and a colon (`一般项目：…`)', () => {
    // `经营范围` is centred on its three lines, so their first sits right under the address's last character.
    const doc = readOne([
      ['营业执照', 200, 60, 300, 60],
      ['统一社会信用代码', 57, 150, 160, 20],
      [company.code, 230, 150, 220, 20],
      ['名称', 57, 400, 40, 20],
      [company.name, 144, 400, 260, 20],
      ['法定代表人', 57, 460, 100, 20],
      [person.name, 170, 460, 60, 20],
      ['住所', 57, 521, 40, 21],
      ['浙江省杭州市西湖区教工路395号6幢301', 144, 521, 400, 21],
      ['室', 144, 543, 19, 19],
      ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技', 154, 573, 435, 20],
      ['术推广；软件开发；信息系统集成服务；（除依法须经批准的项目', 145, 596, 434, 21],
      ['经营范围', 56, 620, 62, 20],
      ['外，凭营业执照依法自主开展经营活动）。', 146, 620, 300, 19],
      ['成立日期', 57, 700, 80, 20],
      ['2016年03月04日', 144, 700, 160, 20],
    ]);
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区教工路395号6幢301室');
  });
});

describe('a wrapped value whose lines are boxed taller than their pitch (a curled photo)', () => {
  it('never joins a wrapped line past one it passed over inside the line before: the value is flagged', () => {
    const doc = readOne([
      ['营业执照', 532, 295, 499, 108],
      ['统一社会信用代码', 135, 192, 248, 36],
      [company.code, 383, 196, 378, 29],
      ['名称', 172, 450, 80, 45],
      [company.name, 352, 450, 400, 45],
      ['浙江省杭州市西湖区三墩镇紫', 952, 795, 410, 94],
      ['霞街690号文新智谷产业园8', 952, 841, 394, 90],
      ['住所', 849, 844, 107, 53],
      ['幢11层2302室', 951, 910, 216, 61],
      ['成立日期', 172, 1008, 161, 46],
      ['2007年09月10日', 352, 1008, 245, 38],
    ]);
    const address = doc.fields.address;
    expect(address.value === null || address.needsReview).toBe(true);
    expect(address.value).not.toBe('浙江省杭州市西湖区三墩镇紫幢11层2302室');
  });
});

describe('leaders between a label and its value', () => {
  const certificate = (name: string, occupation: string): Line[] => [
    ['职业资格证书', 560, 150, 520, 60],
    ['姓 名：', 200, 300, 110, 38],
    [name, 420, 300, 200, 38],
    ['身份证号码：', 200, 380, 200, 38],
    [person.id, 420, 380, 330, 38],
    ['职 业 名 称：', 200, 460, 200, 38],
    [occupation, 420, 460, 300, 38],
    ['证书编号：', 200, 540, 180, 38],
    ['1933013482311092', 420, 540, 300, 38],
  ];

  it('reads a name after a dash leader the engine read as 一, flagged', () => {
    const doc = readOne(certificate(`一${person.name}`, '电工'));
    expect(doc.fields.holderName.value).toBe(person.name);
    expect(doc.fields.holderName.needsReview).toBe(true);
  });

  it('reads an occupation after a run of 一 (a dash leader), and after dots', () => {
    expect(readOne(certificate(person.name, '一一电子商务运营')).fields.occupation.value).toBe('电子商务运营');
    expect(readOne(certificate(`……………${person.name}`, '·······电工')).fields.holderName.value).toBe(person.name);
  });

  it('reads a date wrapped after a dash leader, its second line flush with the date, not the cell', () => {
    const doc = readOne([
      ['营业执照', 580, 219, 468, 100],
      ['统一社会信用代码', 181, 162, 289, 36],
      [company.code, 181, 220, 400, 40],
      ['名 称', 134, 479, 81, 40],
      [company.name, 337, 479, 440, 36],
      ['负责人', 134, 604, 108, 36],
      [person.name, 337, 604, 108, 36],
      ['成 立 日 期', 842, 654, 172, 40],
      ['－－－－二〇一四年六月二十', 1046, 654, 467, 39],
      ['三日', 1188, 702, 72, 36],
    ]);
    expect(doc.fields.establishedDate.value).toBe('2014-06-23');
  });

  it('reads a whole ID after a leader whose last dot the engine read as `*`, but never a barred-out one', () => {
    expect(
      readOne(certificate(person.name, '电工').map((l) => (l[0] === person.id ? ([`*${person.id}`, ...l.slice(1)] as Line) : l))).fields.idNumber.value,
    ).toBe(person.id);
    const barred = `${person.id.slice(0, 6)}********${person.id.slice(14)}`;
    expect(readOne(certificate(person.name, '电工').map((l) => (l[0] === person.id ? ([barred, ...l.slice(1)] as Line) : l))).fields.idNumber.value).toBeNull();
  });

  it('keeps a name that starts with 一 when no surname follows it', () => {
    expect(readOne(certificate('一丹', '电工')).fields.holderName.value).toBe('一丹');
  });
});

describe('a value stacked under a label of the second column', () => {
  it("looks past the first column's value running on under the label's row", () => {
    // `名称` (right column) has its name stacked under it; the credit code of the left column, with its leader and
    // `(1-1)`, runs on level with the name's first line and ends under `名称`.
    const doc = readOne([
      ['营业执照', 527, 214, 561, 108],
      ['名　　　　　　称：', 842, 474, 300, 35],
      ['统一社会信用代码：', 173, 518, 300, 35],
      [`………${company.code}(1-`, 505, 518, 442, 35],
      ['杭州西子智能', 842, 518, 233, 35],
      ['1)', 597, 564, 33, 35],
      ['科技有限公司', 842, 564, 233, 35],
      ['类 型：', 173, 685, 117, 35],
      ['有限责任公司', 505, 685, 200, 35],
      ['法定代表人：', 842, 685, 200, 35],
      [`－－－－${person.name}`, 1174, 685, 233, 35],
      ['成立日期：', 173, 770, 180, 35],
      ['2018年10月08日', 505, 770, 260, 35],
    ]);
    expect(doc.type).toBe('business_license');
    expect(doc.fields.companyName.value).toBe(company.name);
    expect(doc.fields.creditCode.value).toBe(company.code);
    expect(doc.fields.legalRepresentative.value).toBe(person.name);
  });
});

describe('a date cut at its box', () => {
  it('flags a Chinese date with one digit of day and no 日 at the end of its box', () => {
    const lines: Line[] = [
      ['职业技能等级证书', 575, 214, 377, 40],
      ['姓名', 235, 289, 47, 28],
      [person.name, 331, 286, 58, 24],
      ['证件号码', 240, 429, 87, 25],
      [person.id, 333, 425, 188, 23],
      ['职业（工种）', 240, 471, 96, 24],
      ['工具钳工', 372, 465, 72, 24],
      ['证书编号', 242, 546, 72, 25],
      ['Y330106311368204217256', 352, 539, 224, 23],
    ];
    const cut = readOne([...lines, ['发证日期：2020年4月2', 245, 731, 178, 27]]).fields.issueDate;
    expect(cut.value).toBe('2020-04-02');
    expect(cut.needsReview).toBe(true);
    const whole = readOne([...lines, ['发证日期：2020年4月22日', 245, 731, 200, 27]]).fields.issueDate;
    expect(whole.value).toBe('2020-04-22');
    expect(whole.needsReview).toBe(false);
  });
});

describe('a two-character label spread with no colon, its value glued to the second character', () => {
  const labelsOf = (lines: readonly Line[]) => buildPageLayout(page(lines)).lines.flatMap((l) => l.hits.map((h) => h.form));

  it('joins `名` … `称杭州西溪…` into the label 名称, the characters boxed the same size', () => {
    expect(
      labelsOf([
        ['名', 1168, 513, 41, 47],
        ['称杭州西溪汽车维修数', 1418, 513, 399, 45],
      ]),
    ).toContain('名称');
  });

  it('joins a lone character of the body type drawn wide over a noisy box that holds the label’s tail and the value', () => {
    // A noisy scan: `工` boxed 88 px wide for 45 high, reaching into `种焊工`, boxed 86 px high with the noise round it.
    const lines: Line[] = [
      ['持证人', 172, 353, 190, 51],
      ['沈娜', 414, 307, 90, 55],
      ['公民身份号码', 176, 428, 224, 52],
      ['330108197810075851', 427, 438, 394, 53],
      ['工', 182, 606, 88, 45],
      ['种焊工', 247, 592, 196, 86],
      ['证书编号', 186, 730, 152, 50],
    ];
    expect(labelsOf(lines)).toContain('工种');
    expect(labelsOf(lines.filter(([text]) => text !== '工'))).not.toContain('工种');
  });

  it('never takes a small mark boxed apart for the head of a label far across the row', () => {
    expect(
      labelsOf([
        ['名', 697, 524, 18, 18],
        ['称杭州华创餐饮管理', 833, 518, 209, 28],
      ]),
    ).not.toContain('名称');
  });
});

describe('a value glued to a spread label on a scan, wrapped under itself', () => {
  it('reads the wrapped lines flush under the value, not under where an even spacing of the box puts it', () => {
    // `名` … `称杭州西溪…` joined into one box: spaced evenly, its characters would put the value's start far left of
    // where it is, and the wrapped lines (flush under the value) would stand outside its column.
    const scan = { ...page([]), source: 'paddle' as const, width: 2339, height: 1653 };
    const lines: Line[] = [
      ['营业执照', 844, 258, 591, 104],
      ['统一社会信用代码', 173, 516, 292, 41],
      [company.code, 584, 516, 400, 41],
      ['名', 1168, 513, 41, 47],
      ['称杭州西溪汽车维修数', 1418, 513, 399, 45],
      ['字服务有限公司杭州', 1491, 563, 324, 42],
      ['西湖区分公司', 1490, 611, 220, 46],
      ['类型', 171, 738, 100, 47],
      ['有限责任公司分公司', 424, 738, 359, 46],
      ['负责人', 1168, 738, 150, 47],
      [person.name, 1418, 738, 150, 47],
      ['成立日期', 172, 910, 260, 45],
      ['2007年11月24日', 584, 910, 300, 45],
    ];
    scan.lines = lines.map(([text, x, y, width, height]) => ({ text, confidence: 0.98, box: { x, y, width, height } }));
    const doc = extractDocuments([scan], { today: TODAY })[0];
    expect(doc.fields.companyName.value).toBe('杭州西溪汽车维修数字服务有限公司杭州西湖区分公司');
  });
});
