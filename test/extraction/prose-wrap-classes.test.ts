import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { company, creditCode, person, residentId } from './support/documents.js';
import { textLayerPage as page, type Line } from './support/text-lines.js';

// Classes behind the fields the reader missed or read short on fill-in-the-blank prose and ruled bilingual grids
// (issue 12, development samples procedural-v3-dev…dev6; procedural-v3 itself never opened). Each is built on
// constructed OCR lines with values of its own: no eval file is read here.

const TODAY = '2026-12-04';

const readOne = (p: OcrPage) => extractDocuments([p], { today: TODAY })[0];

const employeeId = residentId('19870412', '330102', '316');
const employerCode = creditCode('5Q8T3K2W1', '330106');

/** The clauses and signing block under a one-page labour contract's header paragraph. */
const CONTRACT_TAIL: Line[] = [
  ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 150, 1120, 958, 32],
  ['二、甲方依法为乙方缴纳社会保险费。', 150, 1175, 543, 32],
  ['甲方（盖章）：', 150, 1350, 226, 35],
  ['乙方（签字）：', 827, 1350, 226, 35],
  ['签订日期：2019/06/02', 150, 1420, 355, 37],
];

describe('a value wrapped inside a narrow blank of prose', () => {
  // The blank is narrower than the name: the name wraps inside it, each line flush under the last at the
  // paragraph's line pitch (over two heights apart, wider than a wrapped cell's lines).
  const header = (employerLines: Line[]): OcrPage =>
    page([
      ['劳动合同', 650, 150, 340, 69],
      ['甲方：', 150, 300, 125, 37],
      ...employerLines,
      ['，统一社会信用代码：', 560, 300, 439, 37],
      [employerCode, 1040, 300, 362, 37],
      ['，', 1450, 300, 35, 37],
      ['劳动者姓名：', 150, 540, 220, 35],
      [person.name, 400, 540, 110, 35],
      ['，居民身份证号码：', 560, 540, 400, 37],
      [employeeId, 1000, 540, 350, 37],
      ['合同期限：2019年06月03日至2022年06月02日。', 150, 620, 720, 37],
      ...CONTRACT_TAIL,
    ]);

  it('reads an employer name whose lines sit flush under it at the prose pitch, and flags the join', () => {
    const doc = readOne(
      header([
        ['浙江青山湖电', 320, 300, 210, 35],
        ['子元件研究院', 320, 380, 210, 35],
        ['有限公司', 320, 460, 140, 35],
      ]),
    );
    expect(doc.type).toBe('labor_contract');
    const employer = doc.fields.employerName;
    expect(employer.value).toBe('浙江青山湖电子元件研究院有限公司');
    expect(employer.needsReview).toBe(true);
  });

  it('does not join a line that starts further in than the blank', () => {
    const doc = readOne(
      header([
        ['浙江青山湖电', 320, 300, 210, 35],
        ['子元件研究院', 420, 380, 210, 35],
      ]),
    );
    expect(doc.fields.employerName.value).not.toBe('浙江青山湖电子元件研究院');
    expect(doc.fields.employerName.needsReview).toBe(true);
  });
});

/** A one-page labour contract in run-on prose, its lines justified to x = 1485. */
function contractProse(lines: readonly Line[]): OcrPage {
  return page([
    ['劳动合同（简易版）', 470, 130, 700, 61],
    ['单位名称：', 150, 290, 250, 35],
    [company.name, 440, 290, 420, 35],
    ['信用代码：', 900, 290, 297, 35],
    [company.code, 1123, 290, 362, 37],
    ...lines,
    ...CONTRACT_TAIL,
  ]);
}

describe('a label or a value at the end of a prose line', () => {
  it('reads the value of a label that ends its line from the start of the next row, and flags it', () => {
    const doc = readOne(
      contractProse([
        ['劳动者姓名：', 150, 370, 257, 35],
        [person.name, 440, 370, 110, 35],
        ['有效证件号码：', 640, 370, 378, 35],
        [person.id, 1100, 370, 347, 37],
        ['合同类型：固定期限　合同起始日期：', 690, 450, 795, 35],
        // The value is centred on a blank that opens the row: it stands a little in from the margin.
        ['2019年6月3日', 215, 530, 230, 37],
        ['，终止日期：', 520, 530, 250, 35],
        ['2022年6月2日', 800, 530, 230, 37],
      ]),
    );
    expect(doc.type).toBe('labor_contract');
    const start = doc.fields.startDate;
    expect(start.value).toBe('2019-06-03');
    expect(start.needsReview).toBe(true);
    expect(start.issues ?? []).toContain('value_wrap_inferred');
  });

  it('reads a date cut at the right edge with its end at the margin', () => {
    const doc = readOne(
      contractProse([
        ['劳动者姓名：', 150, 370, 257, 35],
        [person.name, 440, 370, 110, 35],
        ['有效证件号码：', 640, 370, 378, 35],
        [person.id, 1100, 370, 347, 37],
        ['合同类型：固定期限，起始日期：', 500, 450, 600, 35],
        ['二〇一九年六月', 1230, 450, 255, 35],
        ['三日', 150, 530, 70, 35],
        ['，用工终止日：2022.06.02，工作岗位：', 260, 530, 700, 37],
        ['焊工', 1000, 530, 70, 35],
      ]),
    );
    const start = doc.fields.startDate;
    expect(start.value).toBe('2019-06-03');
    expect(start.needsReview).toBe(true);
  });

  it('reads a name glued to its label at the line end with its last character at the margin', () => {
    const doc = readOne(
      contractProse([
        ['法定代表人：', 150, 370, 260, 35],
        ['孙建平', 440, 370, 110, 35],
        ['，劳动者姓名：欧', 1180, 370, 305, 37],
        ['阳靖，居民身份证号码：', 150, 450, 470, 37],
        [person.id, 660, 450, 347, 37],
        ['合同期限：2019年06月03日至2022年06月02日。', 150, 530, 720, 37],
      ]),
    );
    const name = doc.fields.employeeName;
    expect(name.value).toBe('欧阳靖');
    expect(name.needsReview).toBe(true);
  });

  it('does not run a value on into the first character of a spread label at the margin', () => {
    // `发证单位：…局` ends its line; the next row opens with `性` of a spread `性　别`: a new field, not the rest.
    const doc = readOne(
      page(
        [
          ['专项职业能力证书', 1500, 160, 530, 70],
          ['项目名称：茶叶加工', 1290, 290, 330, 51],
          ['证书编号：ZX20193301606702', 1290, 355, 520, 52],
          ['姓', 118, 490, 47, 45],
          ['名：郑可欣', 237, 492, 200, 51],
          ['发证单位：杭州市余杭区人力资源和社会保障局', 1605, 505, 700, 62],
          ['性', 116, 554, 44, 44],
          ['别：女', 235, 554, 140, 54],
          ['身份证号码', 118, 624, 157, 43],
          [employeeId, 274, 628, 343, 47],
          ['2019.05.28', 1806, 580, 206, 53],
        ],
        { width: 2382, height: 1714 },
      ),
    );
    expect(doc.type).toBe('vocational_certificate');
    const issuer = doc.fields.issuer;
    expect(issuer.value).toBe('杭州市余杭区人力资源和社会保障局');
  });
});

describe('a ruled bilingual grid', () => {
  /** A certificate grid: the English gloss on its own line over each Chinese label, values centred in their cells. */
  const grid = (issuerLines: Line[]): OcrPage =>
    page([
      ['专项职业能力证书', 470, 140, 700, 78],
      ['申请人姓名：', 150, 350, 192, 32],
      ['Name', 215, 390, 60, 24],
      [person.name, 750, 365, 110, 32],
      ['身份证件号码：', 132, 450, 224, 32],
      ['ID No.', 213, 490, 61, 24],
      [person.id, 700, 465, 320, 32],
      ['Special Ability', 140, 615, 143, 24],
      ['考核项目：', 132, 650, 160, 32],
      ['茶艺服务', 470, 635, 130, 32],
      ['Certificate No.', 790, 615, 143, 24],
      ['证书编号：', 782, 650, 160, 32],
      ['ZX20213301245117', 983, 635, 300, 32],
      ['Issued by', 164, 727, 95, 24],
      ['认定机构：', 132, 760, 160, 32],
      ...issuerLines,
      ['Date of Issue', 798, 727, 128, 24],
      ['颁证日期：', 782, 760, 160, 32],
      ['2021年3月9日', 983, 745, 220, 32],
    ]);

  it('reads an issuer centred over two lines whose first line sits on the row of the English gloss', () => {
    const doc = readOne(
      grid([
        ['杭州市职业能力建设', 393, 722, 287, 32],
        ['指导服务中心', 441, 766, 192, 32],
      ]),
    );
    expect(doc.type).toBe('vocational_certificate');
    const issuer = doc.fields.issuer;
    // Never the second line alone with confidence: read whole, or flagged.
    expect(issuer.value === '杭州市职业能力建设指导服务中心' || issuer.needsReview).toBe(true);
    expect(issuer.value).toBe('杭州市职业能力建设指导服务中心');
  });

  it('keeps a one-line issuer in the same grid confident', () => {
    const doc = readOne(grid([['杭州市职业能力建设指导服务中心', 320, 745, 430, 32]]));
    expect(doc.fields.issuer.value).toBe('杭州市职业能力建设指导服务中心');
    expect(doc.fields.issuer.needsReview).toBe(false);
  });

  it('reads an employer whose first line sits above the label row, the rest under it', () => {
    const doc = readOne(
      page([
        ['劳动合同', 653, 176, 327, 64],
        ['Employer', 280, 369, 106, 27],
        ['用工单位:', 255, 402, 156, 36],
        ['杭州钱江新', 497, 340, 174, 36],
        ['材料研究院', 497, 386, 174, 36],
        ['有限公司', 514, 434, 139, 36],
        ['Unified Social Credit Code', 721, 369, 287, 27],
        ['社会信用代码:', 751, 402, 226, 36],
        [employerCode, 1080, 386, 312, 36],
        ['Employee', 278, 744, 110, 27],
        ['乙方:', 289, 775, 87, 36],
        [person.name, 488, 759, 110, 36],
        ['ID No.', 831, 744, 66, 27],
        ['身份证号码:', 768, 775, 191, 36],
        [employeeId, 1049, 759, 320, 36],
        ['Term From', 273, 992, 119, 27],
        ['合同期限自:', 237, 1025, 191, 36],
        ['2019年6月3日', 470, 1009, 226, 36],
        ['Term To', 820, 992, 88, 27],
        ['合同期限至:', 768, 1025, 191, 36],
        ['2022年6月2日', 1049, 1009, 226, 36],
        ...CONTRACT_TAIL.map((l): Line => [l[0], l[1], l[2] + 200, l[3], l[4]]),
      ]),
    );
    expect(doc.type).toBe('labor_contract');
    const employer = doc.fields.employerName;
    expect(employer.value).toBe('杭州钱江新材料研究院有限公司');
  });
});

describe('prose values after spread labels, and an issuer dated at the foot', () => {
  it('reads an address wrapped in its blank after a label spread into boxes', () => {
    // `地` `址` `: 浙江省…`: the value's first character is placed only to a character or so.
    const doc = readOne(
      page([
        ['统一社会信用代码　' + employerCode, 150, 129, 710, 33],
        ['营业执照', 551, 275, 511, 101],
        ['名称:', 165, 492, 92, 33],
        [company.name, 303, 492, 400, 31],
        ['；法定代表人:', 942, 492, 256, 33],
        [person.name, 1272, 492, 113, 31],
        ['成立日期: 2012年05月09日；注册资本:', 165, 704, 572, 33],
        ['500万元人民币', 792, 704, 222, 33],
        ['；', 660, 773, 31, 33],
        ['地', 722, 773, 31, 31],
        ['址', 784, 773, 31, 31],
        [': 浙江省杭州市上城区', 845, 773, 308, 33],
        ['凤起东路58号3幢1', 873, 844, 280, 33],
        ['12室', 873, 915, 65, 33],
        ['登记机关:', 1245, 1454, 132, 33],
        ['发照日期:2012年05月09日', 1134, 1509, 354, 33],
      ]),
    );
    expect(doc.type).toBe('business_license');
    const address = doc.fields.address;
    expect(address.value).toBe('浙江省杭州市上城区凤起东路58号3幢112室');
    expect(address.needsReview).toBe(true);
  });

  it('reads the value opening the next prose row together with its own wrapped line', () => {
    const doc = readOne(
      page([
        ['注册号　330106881156580', 110, 129, 428, 31],
        ['营业执照', 511, 227, 574, 100],
        ['类型:', 173, 447, 69, 31],
        ['个体工商户', 294, 447, 150, 29],
        ['名称:', 496, 447, 120, 31],
        ['杭州市上城区明远五金店', 660, 447, 330, 29],
        ['组成形式:', 1162, 447, 190, 31],
        ['个人', 1421, 447, 59, 29],
        ['经营者:', 173, 581, 174, 31],
        [person.name, 400, 581, 110, 29],
        ['注册日期:', 707, 581, 207, 31],
        ['2013年01月29日', 973, 581, 237, 31],
        ['经营场所:', 1273, 581, 208, 31],
        ['浙江省杭州市上城区望江路17', 202, 647, 387, 31],
        ['号5幢302室', 202, 714, 160, 31],
        ['登记机关:', 1287, 1176, 125, 31],
        ['二〇一五年六月六日', 1218, 1229, 263, 29],
      ]),
    );
    expect(doc.type).toBe('business_license');
    const address = doc.fields.address;
    expect(address.value).toBe('浙江省杭州市上城区望江路17号5幢302室');
    expect(address.needsReview).toBe(true);
  });

  it('never joins the characters of a spread line under a name', () => {
    const doc = readOne(
      page([
        ['培训结业证书', 534, 167, 563, 75],
        ['姓', 150, 351, 32, 32],
        ['名：林书瑶　性　别：', 245, 351, 408, 32],
        ['女', 699, 351, 32, 32],
        ['出生年月：', 776, 351, 199, 32],
        ['一九', 1029, 351, 65, 32],
        ...[...'九一年三月二日'].map((ch, i): Line => [ch, 150 + i * 70, 424, 32, 32]),
        ['证件号：', 897, 424, 160, 32],
        [employeeId, 220, 499, 319, 34],
        ['培训项目：', 150, 620, 160, 32],
        ['中式烹调师', 343, 620, 170, 34],
        ['证书编号：', 586, 693, 204, 32],
        ['PX202097984961', 818, 693, 250, 34],
        ['发证日期：', 150, 766, 160, 32],
        ['2020年11月15日', 371, 766, 238, 34],
        ['杭州钱江职业培训学校', 1185, 941, 319, 32],
      ]),
    );
    expect(doc.type).toBe('vocational_certificate');
    expect(doc.fields.holderName.value).toBe('林书瑶');
  });

  it('takes for the issuer an organisation line over the dated line of its block, and flags it', () => {
    const doc = readOne(
      page([
        ['专项职业能力证书', 446, 142, 742, 75],
        ['考生姓名：', 211, 299, 160, 32],
        ['Name', 261, 337, 60, 24],
        [person.name, 444, 314, 110, 32],
        ['居民身份证号：', 179, 503, 224, 32],
        ['ID No.', 261, 543, 61, 24],
        [person.id, 799, 518, 320, 32],
        ['Special Ability', 220, 637, 143, 24],
        ['专项能力名称：', 179, 670, 224, 32],
        ['茶艺服务', 444, 655, 130, 32],
        ['Certificate No.', 219, 739, 143, 24],
        ['证号：', 243, 772, 96, 32],
        ['ZX20213301792896', 444, 757, 286, 32],
        ['Date of Issue', 227, 841, 128, 24],
        ['认定日期：', 211, 874, 160, 32],
        ['2021年9月14日', 444, 859, 220, 32],
        ['杭州市上城区人力资源和社会保障局', 985, 1003, 511, 32],
        ['发证时间：2021年09月14日', 1042, 1061, 397, 32],
      ]),
    );
    expect(doc.type).toBe('vocational_certificate');
    const issuer = doc.fields.issuer;
    expect(issuer.value).toBe('杭州市上城区人力资源和社会保障局');
    expect(issuer.needsReview).toBe(true);
    expect(issuer.issues ?? []).toContain('issuer_position_inferred');
  });
});

describe('confident-wrong classes on clean scans of fill-in-the-blank certificates', () => {
  it('ends a value at the separator before the first character of a spread label, and flags it', () => {
    const doc = readOne({
      ...page([
        ['职业技能等级证书', 477, 235, 691, 72],
        ['持证人：', 151, 407, 292, 45],
        [person.name, 448, 411, 183, 39],
        ['公民身份号码：', 155, 490, 251, 44],
        [employeeId, 424, 490, 330, 40],
        ['职业(工种)名称：茶艺师，级', 154, 584, 500, 46],
        ['别：', 943, 586, 76, 43],
        ['四', 1070, 593, 32, 30],
        ['证书编号：S330106295197214530979', 156, 668, 600, 40],
        ['评价机构：浙江育英职业技能培训学校', 156, 747, 640, 40],
        ['发证时间：2021年2月11日', 159, 830, 420, 40],
      ]),
      source: 'paddle',
    });
    expect(doc.type).toBe('vocational_certificate');
    const occupation = doc.fields.occupation;
    expect(occupation.value).toBe('茶艺师');
    expect(occupation.needsReview).toBe(true);
  });

  it('never takes the date beside 出生日期 for the issue date when the issue date itself is unreadable', () => {
    const doc = readOne({
      ...page([
        ['培训结业证书', 581, 204, 488, 71],
        ['考生姓名' + person.name, 141, 349, 237, 43],
        ['性', 452, 349, 48, 38],
        ['别男', 587, 347, 116, 47],
        ['出生日期', 793, 348, 141, 43],
        ['1990年03月07日', 979, 351, 248, 36],
        ['身份证号码', 1345, 347, 173, 48],
        [person.id, 194, 425, 320, 37],
        ['培训内容养老护理员岗前培训　，培训时间　2021年4月16日至2021.05.11　，证书号', 140, 537, 1372, 38],
        ['PX202196483528', 202, 612, 258, 40],
        ['杭州钱江职业培训学校', 1176, 814, 325, 45],
        ['5二一年五月二年六日', 1198, 870, 316, 46],
      ]),
      source: 'paddle',
    });
    expect(doc.type).toBe('vocational_certificate');
    const issued = doc.fields.issueDate;
    expect(issued.value !== '1990-03-07' || issued.needsReview).toBe(true);
  });
});

describe('a two-character label justified across a wide label column', () => {
  it('joins `名` and `称:` set the width of 统一社会信用代码 apart', () => {
    const doc = readOne(
      page(
        [
          ['营业执照', 866, 228, 560, 106],
          ['统一社会信用代码：', 130, 500, 256, 28],
          [employerCode, 996, 487, 367, 31],
          ['名', 130, 598, 28, 28],
          ['称：', 329, 598, 57, 28],
          [company.name, 425, 598, 380, 28],
          ['类', 130, 698, 28, 28],
          ['型：', 329, 698, 57, 28],
          ['有限责任公司', 425, 698, 170, 28],
          ['法定代表人：', 130, 790, 256, 28],
          [person.name, 425, 790, 85, 28],
          ['成立日期：', 130, 883, 256, 28],
          ['2015年03月12日', 425, 883, 200, 28],
          ['住　　　　所：', 130, 976, 256, 28],
          ['浙江省杭州市上城区望江路17号', 425, 976, 400, 28],
          ['登记机关', 1700, 1300, 150, 28],
          ['2015年03月12日', 1700, 1350, 200, 28],
        ],
        { width: 2339, height: 1653 },
      ),
    );
    expect(doc.type).toBe('business_license');
    expect(doc.fields.companyName.value).toBe(company.name);
  });
});

describe('confident-wrong classes of a second clean-scan sample', () => {
  it('never continues a value with a short label piece ending in a colon', () => {
    const doc = readOne({
      ...page([
        ['职业技能等级证书', 502, 171, 638, 68],
        ['考生姓名：' + person.name, 132, 324, 422, 41],
        ['公民身份号码：', 134, 398, 213, 40],
        [employeeId, 400, 402, 290, 32],
        ['职业(工种)名称：_中式面点师', 133, 497, 452, 37],
        ['等', 678, 496, 39, 38],
        ['级：四级', 902, 496, 157, 42],
        ['证', 130, 569, 77, 39],
        ['雞书', 206, 568, 86, 42],
        ['号：', 350, 567, 69, 44],
        ['Y330106429665204312819', 455, 573, 363, 33],
        ['发证机关：　杭州钱塘烹饪技能培训学校', 130, 638, 701, 47],
        ['发证时间:2020/04/18', 133, 846, 309, 44],
      ]),
      source: 'paddle',
    });
    expect(doc.type).toBe('vocational_certificate');
    const occupation = doc.fields.occupation;
    expect(occupation.value === '中式面点师' || occupation.needsReview).toBe(true);
    expect(occupation.value).not.toBe('中式面点师号');
  });

  it('flags or completes an address cut at the right edge of a scan whose next box is taller', () => {
    const doc = readOne({
      ...page([
        ['统一社会信用代码', 114, 144, 244, 42],
        [employerCode, 115, 193, 328, 37],
        ['营业执照', 542, 263, 532, 96],
        ['名称', 108, 489, 127, 36],
        [company.name, 284, 488, 500, 37],
        ['公司类型', 1051, 485, 131, 43],
        ['有限责任公司', 1234, 486, 313, 41],
        ['负责人', 105, 552, 100, 45],
        [person.name, 240, 552, 110, 45],
        ['成立日期', 1293, 553, 129, 42],
        ['2019年11月3日', 1380, 600, 170, 37],
        ['营业场所', 369, 622, 129, 40],
        ['浙江省杭州市西湖区转塘街道天目山路269号紫金港科技城创业大厦8幢13层', 546, 627, 1001, 32],
        ['2601室', 105, 688, 105, 43],
        ['经营范围', 311, 692, 125, 34],
        ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软', 486, 691, 1063, 37],
        ['件开发；信息系统集成服务；职业技能培训（不含需取得许可的培训）；人力资源服务（不含职业中介活动、劳', 108, 756, 1440, 40],
        ['登记机关：', 107, 1019, 148, 40],
        ['2020/03/07', 108, 1076, 155, 35],
      ]),
      source: 'paddle',
    });
    expect(doc.type).toBe('business_license');
    const address = doc.fields.address;
    expect(address.value === '浙江省杭州市西湖区转塘街道天目山路269号紫金港科技城创业大厦8幢13层2601室' || address.needsReview).toBe(true);
  });
});

describe('a name centred over four evenly spaced lines of a grid cell', () => {
  it('reads the lines above the label row with it, though the spacing varies by a few pixels', () => {
    const doc = readOne(
      page([
        ['劳动合同书', 646, 192, 344, 54],
        ['Employer', 330, 394, 106, 27],
        ['单　位　名　称：', 244, 425, 278, 36],
        ['浙江钱江新', 580, 340, 174, 36],
        ['材料研究院', 580, 386, 174, 36],
        ['股份有限公', 580, 434, 174, 36],
        ['司', 580, 479, 35, 36],
        ['Unified Social Credit Code', 825, 394, 287, 27],
        ['统一社会信用代码：', 812, 425, 312, 36],
        [employerCode, 1166, 411, 312, 36],
        ['Employee', 328, 792, 110, 27],
        ['劳动者姓名：', 279, 823, 208, 36],
        [person.name, 580, 806, 110, 36],
        ['ID No.', 936, 792, 66, 27],
        ['居民身份证号码：', 830, 823, 278, 36],
        [employeeId, 1166, 806, 312, 36],
        ['Term From', 323, 1017, 119, 27],
        ['合同起始日期：', 261, 1048, 243, 36],
        ['2019年6月3日', 589, 1034, 226, 36],
        ['Term To', 924, 1017, 88, 27],
        ['合同期限至：', 864, 1048, 208, 36],
        ['2022/06/02', 1166, 1034, 174, 36],
        ...CONTRACT_TAIL.map((l): Line => [l[0], l[1], l[2] + 300, l[3], l[4]]),
      ]),
    );
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.employerName.value).toBe('浙江钱江新材料研究院股份有限公司');
  });
});
