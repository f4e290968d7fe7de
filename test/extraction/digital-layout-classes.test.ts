import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { company, person } from './support/documents.js';
import { textLayerPage as page, type Line } from './support/text-lines.js';

// Issue 12 (digital PDFs: 100 % of fields), classes found on digital-only dev samples of the seen families
// (2026-12-05 afternoon): layouts a text layer renders exactly, so every miss is a reading-of-layout miss. Each test
// builds its own lines with its own values; no eval file is read here.

const TODAY = '2026-12-05';
const readOne = (lines: readonly Line[], size?: { width: number; height: number }) => extractDocuments([page(lines, size)], { today: TODAY })[0];

const contractTitle: Line = ['劳动合同(简易版)', 500, 120, 630, 70];
const contractClauses: Line[] = [
  ['一、乙方同意根据甲方工作需要,在上述岗位工作,服从甲方管理。', 150, 1040, 958, 32],
  ['二、甲方依法为乙方缴纳社会保险费。', 150, 1095, 543, 32],
];

describe('a short value wrapped in two lines beside its label', () => {
  it("reads a date whose two lines stand as far above as below the label's row, top line first", () => {
    // `2021年3月` a little over the label's row, `9日` as far under it: the nearer line is the tail.
    const doc = readOne([
      contractTitle,
      ['甲方(用人单位)名称:', 170, 300, 380, 35],
      [company.name, 600, 300, 420, 35],
      ['乙方(劳动者)姓名:', 170, 400, 330, 35],
      [person.name, 600, 400, 110, 35],
      ['合同起始日期:', 170, 834, 312, 35],
      ['2021年3月', 594, 810, 165, 35],
      ['9日', 594, 856, 55, 35],
      ['合同期限至:', 850, 834, 312, 35],
      ['无固定期限', 1200, 834, 173, 35],
      ...contractClauses,
    ]);
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.startDate.value).toBe('2021-03-09');
    expect(doc.fields.startDate.needsReview).toBe(true);
  });

  it('reads a date printed above its row, its tail beside the label and its head tight over the tail', () => {
    // The whole fill-in sits over a line high: `2022年7月` is nearer the row above's label, whose own value is beside it.
    const doc = readOne([
      contractTitle,
      ['甲方(用人单位)名称:', 134, 300, 380, 32],
      [company.name, 420, 300, 420, 32],
      ['联系电话:', 134, 664, 255, 32],
      ['13571234567', 420, 664, 193, 32],
      ['2022年7月', 420, 705, 150, 32],
      ['15日', 420, 747, 65, 32],
      ['合同起始日期:', 134, 766, 224, 32],
      ['合同期限至:', 645, 766, 300, 32],
      ['2024年7月14日', 1250, 766, 218, 32],
      ...contractClauses,
    ]);
    expect(doc.fields.startDate.value).toBe('2022-07-15');
    expect(doc.fields.startDate.needsReview).toBe(true);
    expect(doc.fields.endDate.value).toBe('2024-07-14');
  });
});

describe("a value printed low, off its label's row", () => {
  it('reads a name printed low beside its label though the label under it is as near, its own value stacked under it', () => {
    const doc = readOne([
      contractTitle,
      ['甲方(用人单位)名称:', 189, 303, 397, 45],
      [company.name, 618, 303, 420, 45],
      ['居民身份证号码:', 844, 744, 325, 45],
      ['劳动者姓名:', 189, 792, 325, 45],
      [person.id, 844, 792, 390, 45],
      [person.name, 618, 832, 108, 45],
      ['联系电话:', 189, 874, 325, 45],
      ['13712345678', 189, 921, 238, 45],
      ...contractClauses.map(([t, x, y, w, h]): Line => [t, x, y + 200, w, h]),
    ]);
    expect(doc.fields.employeeName.value).toBe(person.name);
    expect(doc.fields.employeeName.needsReview).toBe(true);
    expect(doc.fields.employeeIdNumber.value).toBe(person.id);
  });
});

describe('a whole fill-in layer printed off its labels', () => {
  it("reads a number set nearer the next label's row, when that label's own value is nearer it still", () => {
    const doc = readOne([
      ['专项职业能力证书', 459, 207, 711, 84],
      ['持证人', 118, 350, 104, 44],
      [person.name, 393, 315, 104, 44],
      ['证　件　号　码', 118, 475, 243, 44],
      [person.id, 393, 475, 375, 44],
      ['专项能力名称', 118, 617, 208, 44],
      ['家庭照护', 393, 617, 139, 44],
      ['证　书　号', 118, 679, 174, 44],
      ['发　证　日　期', 118, 744, 243, 44],
      ['ZX20223301011261', 393, 715, 329, 44],
      ['二〇二二年五月六日', 393, 729, 312, 44],
      ['发证单位:杭州市职业能力建设指导服务中心', 841, 887, 694, 44],
    ]);
    expect(doc.fields.certificateNumber.value).toBe('ZX20223301011261');
    expect(doc.fields.issueDate.value).toBe('2022-05-06');
  });

  it("never takes for a label's nearer value beside it one past the next label of its row", () => {
    const address = '浙江省杭州市西湖区教工路61号26幢1906室';
    const doc = readOne(
      [
        ['营业执照', 889, 238, 517, 95],
        ['名　称:', 197, 579, 225, 39],
        [company.name, 453, 579, 450, 39],
        ['法定代表人:', 1217, 579, 225, 39],
        [person.name, 1473, 579, 112, 39],
        ['注册资本:', 197, 664, 225, 39],
        ['成立日期:', 1217, 664, 225, 39],
        ['100万元人民币', 453, 689, 244, 39],
        ['2016-05-30', 1473, 648, 188, 39],
        ['住　所:', 197, 748, 225, 39],
        [address, 197, 800, 713, 39],
        ['营业期限:', 1217, 800, 225, 39],
        ['经营范围:', 197, 887, 225, 39],
        ['一般项目:技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广;软件开发', 453, 887, 1725, 39],
      ],
      { width: 2339, height: 1653 },
    );
    expect(doc.fields.address.value).toBe(address);
  });
});

describe('captions under their values all down the form', () => {
  it('reads a number stacked over its caption though the caption over it waits for a value of its own above it', () => {
    const number = `T${person.id}`;
    const doc = readOne([
      ['特种作业操作证', 509, 154, 620, 73],
      ['姓名:', 181, 287, 260, 39],
      [person.name, 237, 337, 110, 39],
      ['作业类别:', 181, 533, 188, 39],
      ['电工作业', 400, 533, 150, 39],
      ['二〇二八年三月十日', 181, 712, 340, 39],
      ['有效期至:', 181, 764, 188, 39],
      [number, 181, 829, 356, 39],
      ['证书编号:', 265, 879, 188, 39],
      ['浙江省应急管理厅', 1135, 1033, 300, 39],
      ['发证日期:2022-03-11', 1097, 1100, 375, 39],
    ]);
    expect(doc.fields.certificateNumber.value).toBe(number);
  });
});

describe('where a wrapped value ends', () => {
  it("stops an address before a date that opens a term, set high beside the next row's label", () => {
    const address = '浙江省杭州市西湖区文三路88号华星科技大厦3幢12层1203室';
    const doc = readOne([
      ['营业执照', 550, 256, 511, 122],
      ['名称:', 118, 503, 108, 45],
      [company.name, 655, 503, 505, 45],
      ['统一社会信用代码:', 118, 430, 400, 45],
      [company.code, 655, 430, 420, 45],
      ['住所:', 118, 951, 108, 45],
      ['浙江省杭州市西湖区文三路88号华星科技大厦', 655, 951, 859, 45],
      ['3幢12层1203室', 655, 999, 300, 45],
      ['营业期限:', 118, 1069, 180, 45],
      ['2015-04-02至长期', 655, 1038, 303, 45],
      ['经营范围:', 118, 1140, 505, 45],
      ['一般项目:技术服务、技术开发、技术咨询。', 655, 1184, 830, 45],
    ]);
    expect(doc.type).toBe('business_license');
    expect(doc.fields.address.value).toBe(address);
  });

  it('reads an address wrapped every five characters down a narrow cell whole', () => {
    const lines = ['浙江省杭州', '市西湖区文', '一西路99', '8号海创园', '综合楼5幢', '12层1201', '室'];
    const doc = readOne([
      ['营业执照', 548, 272, 508, 92],
      ['统一社会信用代码:', 134, 459, 338, 38],
      [company.code, 503, 459, 418, 41],
      ['名称:', 952, 459, 337, 38],
      [company.name, 1321, 459, 190, 38],
      ['法定代表人:', 952, 636, 338, 38],
      [person.name, 1321, 636, 110, 38],
      ['住所:', 952, 988, 150, 38],
      ...lines.map((text, i): Line => [text, 1321, 967 + i * 50, 187, 38]),
      ['经营范围:', 134, 1367, 338, 38],
      ['一般项目:技术服务、技术开发、技术咨询。', 503, 1367, 1012, 38],
    ]);
    expect(doc.fields.address.value).toBe(lines.join(''));
  });

  it('reads a branch’s name stacked two characters a line down ten lines whole', () => {
    // Seen family licence/proc-D (digital): the name's column two characters wide at the page's right edge; nine lines
    // were read and the name flagged as going on (`…西湖区分`).
    const name = ['杭州', '明远', '餐饮', '管理', '有限', '公司', '杭州', '西湖', '区分', '公司'];
    const doc = readOne([
      ['营业执照', 542, 224, 515, 92],
      ['统一社会信用代码：', 165, 382, 338, 38],
      [company.code, 661, 353, 415, 47],
      ['名称：', 1160, 382, 113, 38],
      ...name.map((text, i): Line => [text, 1379, 349 + i * 51, 75, 47]),
      ['类型：', 165, 963, 113, 38],
      ['有限责任公司分公司', 534, 933, 420, 47],
      ['营业期限：', 165, 1130, 188, 38],
      ['二〇一八年十一月一日至长期', 534, 1103, 488, 47],
      ['经营范围：', 165, 1640, 188, 38],
    ]);
    expect(doc.fields.companyName.value).toBe(name.join(''));
    expect(doc.fields.companyName.needsReview).toBe(false);
  });
});

describe('a booklet spread', () => {
  it("reads the unlabelled issuer at the foot of its own half, though the other half's fields run lower", () => {
    const spread = { width: 2339, height: 1653 };
    const [doc] = extractDocuments(
      [
        page(
          [
            ['持　证　人:', 95, 490, 192, 33],
            [person.name, 318, 490, 96, 33],
            ['性　　　别:', 95, 563, 192, 33],
            ['男', 318, 563, 32, 33],
            ['身份证号码:', 95, 707, 192, 33],
            [person.id, 318, 707, 287, 33],
            ['专项职业能力证书', 1458, 125, 561, 67],
            ['专项能力名称:', 1282, 288, 263, 38],
            ['电子商务运营', 1709, 288, 225, 38],
            ['证书编号:', 1282, 369, 188, 38],
            ['ZX20223301873924', 1709, 369, 336, 38],
            ['杭州市职业能力建设指导服务中心', 1260, 523, 563, 38],
            ['2022年5月20日', 1260, 590, 258, 38],
          ],
          spread,
        ),
      ],
      { today: TODAY },
    );
    expect(doc.fields.issuer.value).toBe('杭州市职业能力建设指导服务中心');
  });
});

describe('a stamp set into a value', () => {
  it('keeps the last character of a wrapped address that `(复印件)` was stamped after', () => {
    const doc = readOne([
      ['营业执照', 544, 241, 538, 111],
      ['统一社会信用代码:', 150, 400, 340, 38],
      [company.code, 520, 400, 420, 38],
      ['名 称:', 150, 466, 126, 38],
      [company.name, 362, 466, 460, 38],
      ['住 所:', 150, 828, 126, 38],
      ['浙江省杭州市西湖区文一', 362, 828, 397, 38],
      ['西路522号西溪科创园8幢', 362, 878, 415, 38],
      ['3层1505', 362, 926, 140, 38],
      ['室(复印件)', 362, 976, 220, 38],
      ['经营范围:', 150, 1047, 180, 38],
      ['一般项目:技术服务、技术开发、技术咨询。', 362, 1047, 1119, 38],
    ]);
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区文一西路522号西溪科创园8幢3层1505室');
  });
});

describe('values of another kind are never part of a wrapped value', () => {
  it('stops a company name before a registered capital set high beside the next label', () => {
    const doc = readOne(
      [
        ['注册号　330106143721781 (1-1)', 150, 114, 499, 35],
        ['营业执照', 880, 269, 548, 118],
        ['名　　　称', 150, 543, 224, 32],
        ['杭州之江茶饮管理', 405, 543, 256, 32],
        ['股份有限公司', 405, 587, 192, 32],
        ['3000万元人民币', 405, 614, 231, 35],
        ['注册资本', 150, 647, 160, 32],
        ['法定代表人', 1182, 647, 160, 32],
        [person.name, 1373, 647, 96, 32],
        ['经　营　范　围', 150, 922, 224, 32],
        ['一般项目:技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广;软件开发', 405, 949, 1693, 32],
      ],
      { width: 2339, height: 1653 },
    );
    expect(doc.fields.companyName.value).toBe('杭州之江茶饮管理股份有限公司');
  });

  it("never reads the wrapped lines of the next column's term as the address of a barred-out 住所", () => {
    const doc = readOne([
      ['企业法人营业执照', 168, 228, 1258, 109],
      ['名　　　　　称', 110, 463, 243, 35],
      [company.name, 385, 463, 460, 35],
      ['成　立　日　期', 493, 1155, 243, 35],
      ['二〇一〇年九月十日', 768, 1155, 347, 35],
      ['营　业　期　限', 110, 1359, 243, 35],
      ...['二〇', '一〇', '年九', '月十', '日至', '长期'].map((t, i): Line => [t, 385, 1359 + i * 47, 69, 35]),
      ['住　　　　　所', 493, 1359, 243, 35],
      ['经　营　范　围', 110, 1705, 243, 35],
      ['一般项目:技术服务、技术开发、技术咨询、技术交流、技术转让、技术推', 385, 1705, 1145, 35],
    ]);
    expect(doc.fields.address.value).toBeNull();
    expect(doc.fields.address.needsReview).toBe(true);
  });
});

describe('a value stacked over its label', () => {
  it('reads an address set over its label though the label over it waits, its own value printed a little off its row', () => {
    const address = '浙江省杭州市西湖区转塘街道之江路798号文新智谷产业园1幢21层1805室';
    const doc = readOne(
      [
        ['营业执照', 885, 222, 538, 108],
        ['名 称:', 118, 492, 122, 36],
        [company.name, 462, 492, 460, 36],
        ['统一社会信用代码:', 1134, 492, 312, 36],
        [company.code, 1478, 492, 419, 36],
        ['注册日期:', 118, 725, 313, 36],
        ['2017.09.02', 462, 711, 174, 36],
        ['浙江省杭州市西湖区转塘街道之', 123, 798, 486, 36],
        ['江路798号文新智谷产业园1幢21', 123, 844, 486, 36],
        ['层1805室', 297, 892, 139, 36],
        ['经营场所:', 210, 938, 313, 36],
        ['经营范围:', 118, 1006, 313, 36],
        ['一般项目:技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广;软件开发', 462, 1006, 1631, 36],
      ],
      { width: 2339, height: 1653 },
    );
    expect(doc.fields.address.value).toBe(address);
  });
});

describe('a short value set one character a line', () => {
  const certificate = (level: Line[]) =>
    readOne([
      ['职业技能等级证书', 466, 226, 701, 72],
      ['持证人:', 195, 409, 153, 31],
      [person.name, 402, 409, 92, 31],
      ['身份证号:', 195, 479, 153, 31],
      [person.id, 402, 479, 302, 31],
      ['职业(工种):', 195, 604, 199, 31],
      ['养老护理员', 450, 604, 153, 31],
      ['职业技能等级:', 865, 604, 214, 31],
      ...level,
      ['证书编号:', 195, 904, 214, 31],
      ['Y330106709912213224431', 450, 904, 373, 31],
      ['发证日期:二〇二一年二月二十三日', 1022, 1354, 458, 31],
    ]);

  it('reads two characters stacked in a narrow cell, centred on the row of the label beside them, as one value', () => {
    const doc = certificate([
      ['三', 1120, 586, 31, 31],
      ['级', 1120, 625, 31, 31],
    ]);
    expect(doc.fields.level.value).toBe(3);
  });

  it('leaves two stacked characters apart when no label waits beside them on their middle row', () => {
    const doc = certificate([
      ['三', 1120, 700, 31, 31],
      ['级', 1120, 740, 31, 31],
    ]);
    // Not read from the two characters: only the number's level digit says 3, and the clerk confirms that.
    expect(doc.fields.level.source?.raw).not.toBe('三级');
    expect(doc.fields.level.issues).toContain('level_from_certificate_number_inferred');
    expect(doc.fields.level.needsReview).toBe(true);
  });
});
