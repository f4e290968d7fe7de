import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { company, person } from './support/documents.js';
import { textLayerPage as page, type Line } from './support/text-lines.js';

// Issue 12 classes 1 and 5 and the stacked placements of real forms, on constructed OCR lines with their own values:
// a value printed most of a line off its label's baseline, a value stacked right above or below its label, labels
// spaced with ASCII or full-width spaces. No eval file is read here.

const TODAY = '2026-12-05';
const readOne = (lines: readonly Line[]) => extractDocuments([page(lines)], { today: TODAY })[0];

const title: Line = ['职业技能等级证书', 560, 150, 520, 60];
const tail: Line[] = [
  ['职业名称', 200, 900, 144, 36],
  ['电工', 420, 900, 72, 36],
  ['证书编号', 200, 980, 144, 36],
  ['S000033010600213000123', 420, 980, 390, 36],
];

describe('a value stacked above or below its label', () => {
  it('reads a name printed right above its label, with nothing beside or below the label', () => {
    const doc = readOne([
      title,
      [person.name, 200, 282, 108, 38],
      ['公民身份号码', 900, 282, 216, 38],
      ['姓名', 200, 330, 72, 38],
      [person.id, 900, 330, 325, 38],
      ['性别:男', 200, 450, 130, 38],
      ...tail,
    ]);
    expect(doc.fields.holderName.value).toBe(person.name);
    expect(doc.fields.idNumber.value).toBe(person.id);
  });

  it("reads a name under its label past a line on its row that is stacked over the next column's label", () => {
    // 姓名's row holds, far right, the ID stacked tight over `公民身份号码`, which has nothing beside or under it.
    const doc = readOne([
      title,
      ['姓名', 176, 331, 76, 40],
      [person.id, 925, 335, 334, 39],
      [person.name, 177, 378, 108, 40],
      ['公民身份号码', 923, 378, 245, 40],
      ['性别:男', 921, 440, 143, 40],
      ...tail,
    ]);
    expect(doc.fields.holderName.value).toBe(person.name);
    expect(doc.fields.idNumber.value).toBe(person.id);
  });

  it('reads a company name wrapped over three lines centred above its label, top line first', () => {
    const doc = readOne([
      ['营业执照', 666, 247, 966, 86],
      ['统一社会信用代码 ' + company.code, 110, 130, 700, 34],
      ['杭州西子智能', 1145, 482, 192, 32],
      ['科技有限', 1161, 524, 128, 32],
      ['公司', 1193, 568, 64, 32],
      ['类型:', 118, 611, 90, 33],
      ['名称:', 1246, 611, 103, 34],
      ['有限责任公司', 597, 611, 192, 32],
      ['法定代表人:', 118, 774, 200, 34],
      [person.name, 597, 774, 96, 32],
      ['成立日期:', 1143, 849, 160, 33],
      ['2007年5月12日', 1430, 849, 220, 34],
    ]);
    expect(doc.type).toBe('business_license');
    expect(doc.fields.companyName.value).toBe(company.name);
  });

  it('never reads for a label whose value is masked the value printed low under the label above it', () => {
    // `姓名` waits over its name, printed low so it sits tight on `身份证号`, whose own value is barred out: the
    // ID is missing, never the name.
    const doc = readOne([title, ['姓名', 200, 300, 72, 38], [person.name, 200, 372, 108, 36], ['身份证号', 200, 414, 144, 38], ...tail]);
    expect(doc.fields.holderName.value).toBe(person.name);
    expect(doc.fields.idNumber.value).toBeNull();
  });
});

describe("a value off its label's baseline", () => {
  it("looks past the wrapped end of the row above's address to the name printed low beside its label", () => {
    const doc = readOne([
      ['劳动合同(简易版)', 404, 141, 823, 72],
      ['地址', 205, 633, 289, 36],
      ['浙江省杭州市西湖区文一西路33', 525, 670, 510, 37],
      ['1号24幢1705室', 525, 720, 243, 37],
      ['乙方', 205, 754, 81, 37],
      ['身份证号码', 775, 754, 181, 36],
      [person.id, 1160, 754, 357, 36],
      [person.name, 525, 797, 108, 36],
      ['联系电话', 205, 829, 253, 36],
      ['18631876220', 525, 829, 218, 36],
      ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 205, 1115, 996, 36],
    ]);
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.employeeName.value).toBe(person.name);
    expect(doc.fields.employeeIdNumber.value).toBe(person.id);
  });

  it("reads a date stacked under the next column's label though it sits level with the first column's label", () => {
    const doc = readOne([
      ['劳动合同书', 628, 138, 379, 61],
      ['劳动者姓名:', 150, 542, 183, 31],
      [person.name, 517, 542, 92, 31],
      ['合同终止日期:', 842, 706, 214, 31],
      ['合同起始日期:', 150, 748, 214, 31],
      ['2020年3月4日', 842, 748, 194, 34],
      ['2019.03.05', 517, 773, 154, 34],
      ['工作岗位:', 150, 811, 150, 31],
      ['西式面点师', 517, 811, 153, 31],
      ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 150, 892, 843, 30],
    ]);
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.startDate.value).toBe('2019-03-05');
    expect(doc.fields.endDate.value).toBe('2020-03-04');
  });

  it('looks off the row for the value when nothing beside the label reads as one (a `(2-1)` after it)', () => {
    const doc = readOne([
      ['企业法人营业执照', 671, 249, 971, 98],
      ['名称', 154, 455, 226, 32],
      [company.name, 409, 455, 400, 32],
      ['注册号', 1035, 455, 226, 32],
      ['(2-1)', 1659, 455, 69, 35],
      ['330106000123451', 1388, 482, 269, 34],
      ['类型', 154, 661, 226, 32],
      ['有限责任公司', 409, 661, 194, 32],
      ['成立日期', 154, 824, 226, 32],
      ['二〇一二年十二月三十日', 409, 824, 355, 32],
    ]);
    expect(doc.type).toBe('business_license');
    expect(doc.fields.creditCode.value).toBe('330106000123451');
  });

  it("never reads for a label the value set beside the next column's label, however near its own row", () => {
    // `合同起始日期` waits with its date stacked under it; the next column's `合同期限至` sits a line lower with its own
    // date beside it, which is within an off-baseline reach of 起始日期's row: it stays 期限至's.
    const doc = readOne([
      ['劳动合同书', 610, 209, 414, 66],
      ['乙方(劳动者)姓名', 107, 684, 366, 44],
      [person.name, 235, 730, 112, 45],
      ['合同起始日期', 109, 903, 206, 43],
      ['2019.01.21', 106, 951, 176, 43],
      ['合同期限至', 856, 948, 175, 47],
      ['2020年1月20日', 1188, 952, 232, 40],
      ['工作岗位', 107, 1014, 142, 45],
      ['评茶员', 571, 1014, 129, 45],
      ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 113, 1100, 899, 37],
    ]);
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.endDate.value).toBe('2020-01-20');
    expect(doc.fields.startDate.value).toBe('2019-01-21');
  });

  it('reads a name printed most of a line under its label, nearer the next row whose label has its own value', () => {
    const doc = readOne([
      title,
      ['姓名:', 200, 700, 90, 36],
      [person.name, 420, 738, 108, 36],
      ['身份证号:', 200, 780, 160, 36],
      [person.id, 420, 780, 325, 36],
      ...tail,
    ]);
    expect(doc.fields.holderName.value).toBe(person.name);
    expect(doc.fields.idNumber.value).toBe(person.id);
  });

  it("reads a value half a line above its label row (partial overlap) and keeps the next row's value its own", () => {
    const doc = readOne([
      title,
      ['姓名:', 200, 700, 90, 36],
      [person.name, 420, 700, 108, 36],
      ['身份证号:', 200, 780, 160, 36],
      [person.id, 420, 758, 325, 36],
      ...tail,
    ]);
    expect(doc.fields.holderName.value).toBe(person.name);
    expect(doc.fields.idNumber.value).toBe(person.id);
  });
});

describe('labels spaced with ASCII or full-width spaces', () => {
  it.each([
    ['ASCII, one space', '身 份 证 号:', '姓 名:'],
    ['ASCII, three spaces', '身   份   证   号', '姓   名'],
    ['full-width, two spaces', '身　　份　　证　　号', '姓　　名'],
  ])('reads the values beside labels spaced with %s', (_, idLabel, nameLabel) => {
    const doc = readOne([
      title,
      [nameLabel, 200, 300, 200, 36],
      [person.name, 460, 300, 108, 36],
      [idLabel, 200, 380, 240, 36],
      [person.id, 460, 380, 325, 36],
      ...tail,
    ]);
    expect(doc.fields.holderName.value).toBe(person.name);
    expect(doc.fields.idNumber.value).toBe(person.id);
  });
});

describe('a date printed half a line off its label, a mark where to stamp under it', () => {
  // A contract's grid with fill-ins half a line high: `2019-04-04` above `合同期限自`'s row and `（盖章）` below it in
  // the value's column. The mark waits for a seal, not for the date over it.
  const contract = (mark: string): Line[] => [
    ['劳动合同', 639, 209, 354, 70],
    ['甲方', 171, 428, 72, 38],
    [company.name, 393, 428, 460, 38],
    ['统一社会信用代码', 900, 428, 289, 38],
    [company.code, 1210, 428, 325, 38],
    ['劳动者姓名', 171, 764, 181, 38],
    [person.name, 393, 764, 108, 38],
    ['合同期限自', 171, 947, 181, 38],
    ['2019-04-04', 393, 922, 181, 38],
    [mark, 411, 972, 144, 38],
    ['合同期限至', 679, 947, 181, 38],
    ['2022年4月3日', 1010, 947, 217, 38],
    ['签订日期：2019-04-02', 150, 1505, 361, 38],
  ];

  it.each(['（盖章）', '（签字）'])('reads the start date over %s as the row label’s value', (mark) => {
    const doc = readOne(contract(mark));
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.startDate.value).toBe('2019-04-04');
    expect(doc.fields.endDate.value).toBe('2022-04-03');
  });
});

describe('labels of a row over values printed low, each value starting after its own label', () => {
  // A special-operation certificate turned 180°: the spread `作　业　类　别` (its 类 misread `尖`) and `准操项目`
  // (misread `准操项自`) on one row, their values a line and a half lower, each right of its own label. The line
  // under `作业类别`'s value ends 4 px into the margin left of `准操项目` and was read as the item, confident.
  const lines: Line[] = [
    ['中华人民共和国特种作业操作证', 165, 187, 1317, 73],
    ['姓名：', 104, 322, 110, 50],
    ['崔静文', 313, 389, 118, 50],
    ['身份证号：', 838, 389, 200, 50],
    [person.id, 1045, 466, 369, 45],
    ['作', 109, 492, 45, 42],
    ['业', 251, 492, 44, 40],
    ['尖', 399, 505, 38, 28],
    ['别', 549, 500, 36, 24],
    ['准操项自', 924, 492, 150, 43],
    ['焊接与热切割', 639, 555, 225, 45],
    ['熔化焊接与热切割作业', 1153, 555, 366, 45],
    ['有效期至：', 104, 611, 391, 50],
    ['作业', 637, 601, 83, 50],
    ['证书编号：', 921, 614, 194, 45],
    [`T${person.id}`, 1154, 684, 387, 36],
    ['发证单位：浙江省应急管理厅', 1075, 823, 470, 42],
    ['2019年07月20日', 1173, 888, 272, 43],
  ];

  it('never takes the left neighbour’s value, ending before the label starts, as the value under the label', () => {
    const doc = readOne(lines);

    expect(doc.type).toBe('vocational_certificate');
    expect(doc.fields.occupation.value === '焊接与热切割' && !doc.fields.occupation.needsReview).toBe(false);
    expect(doc.fields.occupation.value).toBe('熔化焊接与热切割作业');
  });
});

describe('a name set right in its cell with a lone character at the cell’s left on the next line', () => {
  // A pre-2016 licence turned 270°: `东方平` printed right in the cell of `法定代表人姓名：`, `燕` alone at the cell's
  // left on the next line. `东方平` was read at 0.98, unflagged; which order the pieces go in the layout cannot tell.
  const licence = (lone: Line[]): Line[] => [
    ['注册号', 124, 100, 112, 44],
    ['330106118016517', 235, 104, 307, 36],
    ['企业法人营业执照', 246, 271, 1111, 90],
    ['杭州北山电子商务', 428, 500, 292, 45],
    ['名称：', 106, 525, 110, 45],
    ['类型：', 836, 521, 116, 53],
    ['其他股份有限公司', 1159, 500, 294, 45],
    ['股份有限公司', 429, 547, 222, 49],
    ['东方平', 677, 619, 121, 56],
    ['注册资本:', 839, 640, 274, 49],
    ['50万元人民币', 1158, 622, 233, 50],
    ['法定代表人姓名：', 108, 646, 265, 40],
    ...lone,
    ['2005.06.02', 872, 752, 203, 44],
    ['实收资本:', 106, 829, 220, 48],
  ];

  const photo = (lines: readonly Line[]) => {
    const p = page(lines, { width: 1654, height: 2340 });
    return extractDocuments([{ ...p, source: 'paddle' as const, lines: p.lines.map((l) => ({ ...l, confidence: 0.99 })) }], { today: TODAY })[0];
  };

  it('flags the name read without it', () => {
    const doc = photo(licence([['燕', 428, 676, 43, 47]]));

    expect(doc.type).toBe('business_license');
    expect(doc.fields.legalRepresentative.value === '东方平' && !doc.fields.legalRepresentative.needsReview).toBe(false);
  });

  it('leaves the name unflagged by this when nothing stands under it', () => {
    const doc = photo(licence([]));

    expect(doc.fields.legalRepresentative.value).toBe('东方平');
    expect(doc.fields.legalRepresentative.issues ?? []).not.toContain('value_may_continue');
  });
});
