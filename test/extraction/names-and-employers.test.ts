import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { findHits } from '../../shared/extraction/page-layout.js';
import { creditCode, residentId } from './support/documents.js';
import { textLayerPage, type Line } from './support/text-lines.js';

// Classes behind the names of people and employers the reader missed or took from the wrong place on scans and photos
// (issue 12 class 6; development sample names12-dev, seed 8412, seen families only). Built on constructed OCR lines
// with values of their own: no eval file is read here.

const TODAY = '2026-12-05';

/** A scan read by the engine: every line at 0.99. */
const readScan = (lines: readonly Line[], size?: { width: number; height: number }) => {
  const page = textLayerPage(lines, size);
  return extractDocuments([{ ...page, source: 'paddle', lines: page.lines.map((l) => ({ ...l, confidence: 0.99 })) }], { today: TODAY })[0];
};

/** One box per character, `pitch` pixels from the start of one to the start of the next. */
function spread(text: string, x: number, y: number, pitch: number, size = 35): Line[] {
  return [...text].map((ch, i) => [ch, x + i * pitch, y, size, size]);
}

const employeeId = residentId('19880611', '330105', '316');
const employerCode = creditCode('7KQ3M2X5D', '330106');

const CLAUSES: Line[] = [
  ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 200, 1000, 860, 60],
  ['二、甲方依法为乙方缴纳社会保险费。', 200, 1060, 480, 56],
];

describe('性别 and 姓名 spread along one row', () => {
  it('reads them as two labels, never as one label 性别姓名', () => {
    // Prepare: `性` `别` `姓` `名` boxed one by one across a certificate's first row.
    // Act
    const hits = findHits('性别姓名');
    // Assess
    expect(hits.map((h) => h.form)).toEqual(['性别', '姓名']);
  });

  it('reads the holder under the spread 姓 名, beside a 性 别 spread the same way', () => {
    const doc = readScan(
      [
        ['培训结业证书', 544, 320, 318, 47],
        ...spread('性别', 312, 441, 131, 32),
        ['姓', 532, 441, 34, 32],
        ['名', 673, 441, 34, 32],
        ['紧急联系人姓名', 841, 441, 158, 32],
        ['女', 378, 491, 31, 31],
        ['欧阳晓岚', 557, 489, 98, 33],
        ['钱文博', 873, 488, 74, 33],
        ['身份证号码', 630, 537, 163, 34],
        [employeeId, 500, 586, 421, 37],
        ['培训项目', 378, 664, 98, 33],
        ['养老护理员岗前培训', 296, 715, 207, 31],
        ['浙江育才职业技能培训学校', 860, 900, 270, 42],
        ['二〇二一年八月十七日', 880, 947, 228, 45],
      ],
      { width: 1426, height: 1897 },
    );
    expect(doc.type).toBe('vocational_certificate');
    expect(doc.fields.holderName.value).toBe('欧阳晓岚');
  });
});

describe('the employee of a labour contract', () => {
  it('takes the name printed under 劳动者姓名, not what stands under 乙方（签字）', () => {
    // A signing block's line holds a signature or a date under a seal (`业身期:章.01.07`), seldom a printed name.
    const doc = readScan([
      ['劳动合同书', 697, 219, 369, 76],
      ['杭州启明文化创意有限公司', 245, 345, 390, 54],
      ['（用人单位）', 366, 399, 146, 47],
      ['统一社会信用代码', 867, 411, 269, 51],
      [employerCode, 1154, 466, 346, 49],
      ['法定代表人', 206, 495, 208, 49],
      ['苏立群', 439, 480, 106, 45],
      ...spread('劳动者姓名', 203, 616, 92, 44),
      ['陶一鸣', 376, 666, 112, 45],
      ['居民身份证号码', 861, 679, 232, 52],
      [employeeId, 1146, 712, 353, 51],
      ['合同期限：2021年01月17日至2024年01月16日', 200, 780, 800, 58],
      ...CLAUSES,
      ['甲方（盖章）：', 189, 1159, 224, 53],
      ['乙方（签字）：', 860, 1174, 225, 61],
      ['签订日期：二〇二一年一月七日', 187, 1227, 450, 55],
      ['业身期:章.01.07', 808, 1241, 323, 60],
    ]);
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.employeeName.value).toBe('陶一鸣');
  });

  it('still reads a name printed under 乙方（签字） when no label asks for it elsewhere', () => {
    const doc = readScan([
      ['劳动合同书', 697, 219, 369, 76],
      ['甲方：杭州启明文化创意有限公司', 200, 345, 600, 54],
      ['统一社会信用代码：' + employerCode, 200, 420, 700, 50],
      ['合同期限：2021年01月17日至2024年01月16日', 200, 780, 800, 58],
      ...CLAUSES,
      ['甲方（盖章）：', 189, 1159, 224, 53],
      ['乙方（签字）：', 860, 1159, 225, 53],
      ['陶一鸣', 880, 1230, 112, 45],
    ]);
    expect(doc.fields.employeeName.value).toBe('陶一鸣');
  });

  it('reads the name under its own label in a grid row of labels, not the one under 法定代表人 at the margin', () => {
    // `法定代表人` and `劳动者姓名` stand on one row, each over its value; the second label ends its row.
    const doc = readScan([
      ['劳动合同书', 627, 227, 382, 66],
      ['甲方', 654, 376, 344, 54],
      ['杭州嘉泰建筑工程有限公司', 620, 459, 420, 44],
      ['统一社会信用代码', 659, 576, 335, 46],
      [employerCode, 630, 655, 391, 44],
      ['三、法定代表人', 214, 725, 339, 50],
      ['四、劳动者姓名', 811, 726, 344, 50],
      ['宋晓雪', 297, 802, 112, 49],
      ['蒋明远', 928, 802, 110, 50],
      ['五、居民身份证号码', 658, 882, 336, 40],
      [employeeId, 506, 956, 639, 50],
      ['合同期限：2021年09月08日至2026年09月07日', 214, 1030, 800, 50],
      ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 200, 1602, 894, 41],
      ['甲方（盖章）：', 194, 1855, 203, 45],
      ['签订日期：2021-08-30', 194, 1923, 342, 43],
    ]);
    expect(doc.fields.employeeName.value).toBe('蒋明远');
  });

  it('reads the name flush left in the full-width cell under a centred caption, and flags the guess', () => {
    const doc = readScan(
      [
        ['劳动合同书', 479, 214, 271, 60],
        ['甲方（用人单位）名称', 265, 327, 203, 37],
        ['统一社会信用代码', 539, 316, 168, 37],
        ['法定代表人', 801, 305, 169, 36],
        ['杭州恒远电子商务有限公司', 249, 372, 240, 37],
        [employerCode, 505, 379, 186, 31],
        ['钱平', 762, 367, 54, 37],
        ['乙方（劳动者）姓名', 537, 434, 183, 35],
        ['司马静怡', 252, 494, 87, 33],
        ['身份证号码', 547, 524, 167, 36],
        [employeeId, 258, 573, 355, 39],
        ['联系电话', 293, 623, 167, 36],
        ['合同类型', 809, 604, 171, 37],
        ['15124908801', 259, 686, 114, 29],
        ['固定期限', 774, 667, 88, 32],
        ['合同期限：2020年12月02日至2022年12月01日', 261, 760, 600, 31],
        ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 200, 900, 700, 30],
        ['签订日期：2020.12.01', 200, 1000, 300, 30],
      ],
      { width: 1278, height: 1700 },
    );
    expect(doc.fields.employeeName.value).toBe('司马静怡');
    expect(doc.fields.employeeName.needsReview).toBe(true);
  });
});

describe('a licence whose captions are centred over two columns of cells', () => {
  // licence20: the representative's column edge is set by the type's and the term's values (two others flush left
  // there), so it is read by its label, unflagged; the date's column has no such confirmation.
  it('reads the representative and the date flush left in the cells under their captions', () => {
    const doc = readScan(
      [
        ['统一社会信用代码' + employerCode + '(1-1)', 196, 148, 787, 42],
        ['营业执照', 928, 208, 451, 93],
        ['(副本)', 1099, 318, 143, 51],
        ['类型', 554, 440, 157, 60],
        ['名称', 1471, 444, 158, 55],
        ['其他股份有限公司分公司(非上市)', 195, 527, 508, 41],
        ['杭州明远文化创意股份有限公司杭州西湖区分公司', 1112, 526, 762, 43],
        ['负责人', 573, 597, 120, 58],
        ['成立日期', 1476, 597, 149, 56],
        ['韩宇', 187, 676, 84, 56],
        ['2016-1-19', 1110, 681, 171, 44],
        ['营业期限', 559, 752, 148, 54],
        ['营业场所', 1474, 753, 149, 52],
        ['二〇一六年一月十九日至长期', 194, 836, 454, 43],
        ['浙江省杭州市西湖区教工路279号6幢502室', 1111, 834, 667, 46],
        ['经营范围', 1018, 1064, 145, 48],
        ['一般项目:技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广;软件开发;信息系统集成服务', 199, 1146, 1764, 38],
        ['登记机关:', 170, 1431, 156, 51],
        ['2017-3-12', 172, 1496, 175, 45],
      ],
      { width: 2339, height: 1654 },
    );
    expect(doc.type).toBe('business_license');
    expect(doc.fields.legalRepresentative.value).toBe('韩宇');
    expect(doc.fields.legalRepresentative.needsReview).toBe(false);
    expect(doc.fields.establishedDate.value).toBe('2016-01-19');
  });
});

describe('the employer of a labour contract', () => {
  it('reads a name the engine boxed with its label, joined with its wrap set under the name, and flags the join', () => {
    // `甲方（用人单位）名称杭州云帆家政服务智` | `慧服务有限公司` under the name's start, far right of the label's.
    const doc = readScan([
      ['劳动合同（简易版）', 451, 234, 692, 68],
      ['统一社会信用代码' + employerCode, 874, 370, 662, 43],
      ['甲方（用人单位）名称杭州云帆家政服务智', 109, 371, 669, 43],
      ['慧服务有限公司', 473, 417, 239, 43],
      ['法定代表人', 107, 472, 206, 47],
      ['周立华', 470, 470, 113, 51],
      ['乙方（劳动者）姓名', 110, 685, 300, 40],
      ['许燕杰', 469, 682, 112, 45],
      ['身份证号码' + employeeId, 873, 686, 500, 42],
      ['合同期限：2020年07月17日至2021年07月16日', 105, 800, 800, 47],
      ...CLAUSES,
    ]);
    expect(doc.fields.employerName.value).toBe('杭州云帆家政服务智慧服务有限公司');
    expect(doc.fields.employerName.needsReview).toBe(true);
  });

  it('joins the wrap under the name when the next label is glued after the name in the same box', () => {
    const doc = readScan([
      ['劳动合同书', 648, 189, 348, 64],
      [employerCode, 1159, 282, 367, 45],
      ['甲方（用人单位）名称浙江华信餐饮管理人统一社会信用代码', 124, 320, 1007, 61],
      ['力资源服务有限公司', 502, 373, 316, 48],
      ['法定代表人', 122, 460, 287, 50],
      ['郭立晓', 503, 454, 113, 49],
      ['乙方（劳动者）姓名', 129, 668, 316, 51],
      ['苏振宇', 505, 664, 114, 50],
      ['身份证号码', 854, 608, 287, 51],
      [employeeId, 857, 658, 349, 48],
      ['合同期限：2021年07月03日至2026年07月02日', 129, 832, 800, 52],
      ...CLAUSES,
    ]);
    expect(doc.fields.employerName.value).toBe('浙江华信餐饮管理人力资源服务有限公司');
    expect(doc.fields.employerName.needsReview).toBe(true);
  });

  it('takes the line above a wrapped name centred on 甲方 too, when the two lines read first are no whole name', () => {
    // `杭州紫云物流` over `供应链服务有` (beside `甲 方：`) over `限公司`.
    const doc = readScan(
      [
        ['劳动合同（', 565, 187, 360, 82],
        ['（简易版）', 921, 205, 307, 81],
        ['杭州紫云物流', 659, 242, 238, 66],
        ['91330106MA2H', 1473, 287, 276, 58],
        ['供应链服务有', 660, 294, 232, 61],
        ['甲', 243, 313, 43, 42],
        ['方：', 498, 320, 69, 53],
        ['限公司', 656, 343, 123, 57],
        ['统一社会信用代码：', 939, 343, 323, 64],
        ['汤娟', 652, 427, 124, 61],
        ['法定代表人：', 230, 494, 324, 63],
        ['浙江省杭州市西湖区古荡街道西园路900号华星时代广场8幢4层19', 652, 517, 1082, 99],
        ['地址：', 222, 578, 117, 59],
        ['罗涛', 643, 599, 126, 58],
        ['乙方：', 221, 665, 113, 56],
        ['居民身份证号码：', 920, 701, 326, 61],
        ['合同期限自：2018-12-15', 212, 834, 600, 64],
        ['合同终止日期：2020年12月14日', 912, 869, 600, 64],
        ['一、乙方同意根据单方工作需要，在上述岗位工作，服从甲方管理。', 204, 1061, 1012, 95],
        ['二、甲方依法为乙方缴纳社会保险费。', 203, 1120, 563, 70],
      ],
      { width: 1753, height: 2400 },
    );
    expect(doc.fields.employerName.value).toBe('杭州紫云物流供应链服务有限公司');
    expect(doc.fields.employerName.needsReview).toBe(true);
  });
});

describe('the holder named after 兹证明', () => {
  const certificate = (sentence: string) =>
    readScan([
      ['培训合格证书', 600, 200, 400, 70],
      [sentence, 150, 400, 1300, 40],
      ['养老护理员培训，经考核合格，特发此证。', 150, 460, 700, 40],
      ['证书编号：PX202063175904', 150, 600, 600, 40],
      ['浙江育才职业技能培训学校', 900, 900, 400, 40],
      ['二〇二〇年七月一日', 900, 960, 300, 40],
    ]);

  it('reads a name a comma ends (`兹证明欧阳晓岚，身份证号码…`)', () => {
    const doc = certificate(`兹证明欧阳晓岚，身份证号码：${employeeId}，于2020年3月1日至2020年6月30日参加`);
    expect(doc.fields.holderName.value).toBe('欧阳晓岚');
  });

  it('reads a name set apart from 同志 and its comma (`兹证明 韩雨桐 同志，于…`)', () => {
    const doc = certificate('兹证明 韩雨桐 同志，于2020年3月1日至2020年6月30日参加');
    expect(doc.fields.holderName.value).toBe('韩雨桐');
  });
});

describe('an ID card whose name label the engine lost', () => {
  const card = (top: Line[]) =>
    readScan(
      [
        ['中华人民共和国', 990, 246, 251, 43],
        ...top,
        ['民族汉', 350, 286, 74, 30],
        ['性别女', 254, 287, 97, 33],
        ['居民身份证', 1027, 287, 179, 42],
        ['出生1988年6月11日', 256, 315, 202, 35],
        ['住址浙江省杭州市上城区清波街道', 256, 341, 261, 36],
        ['南山路218号', 300, 374, 158, 33],
        ['签发机关杭州市公安局上城分局', 947, 439, 283, 36],
        [`公民身份号码${employeeId}`, 264, 502, 313, 36],
      ],
      { width: 1593, height: 1198 },
    );

  it('reads the name alone on its row above 性别 and 民族, and flags it', () => {
    const doc = card([['沈雨桐', 281, 259, 80, 33]]);
    expect(doc.type).toBe('id_card');
    expect(doc.fields.name.value).toBe('沈雨桐');
    expect(doc.fields.name.needsReview).toBe(true);
  });

  it('reads no name when two lines there could each be it', () => {
    const doc = card([
      ['沈雨桐', 281, 259, 80, 33],
      ['王海', 262, 215, 60, 33],
    ]);
    expect(doc.fields.name.value).toBeNull();
  });
});

describe('other parties behind a form item number', () => {
  it('reads `一家属姓名` and `四、代办人身份证号` as labels of other people', () => {
    // Prepare / Act
    const family = findHits('一家属姓名');
    const agent = findHits('四、代办人身份证号');
    // Assess
    expect(family.map((h) => [h.form, h.otherParty])).toEqual([['一家属姓名', true]]);
    expect(agent.map((h) => [h.form, h.otherParty])).toEqual([['代办人身份证号', true]]);
  });

  it('never takes a family member named under `一家属姓名` for the insured person', () => {
    // A photo turned a few degrees: the engine's boxes as it gave them, the name of the insured person under a
    // `参保人` it split in two (`七参` `保人`).
    const doc = readScan(
      [
        ['参保人员缴费情况表', 458, 200, 228, 42],
        ['一家属姓名', 259, 261, 175, 35],
        ['二参保状态', 486, 270, 173, 36],
        ['三、性', 704, 278, 66, 34],
        ['别', 846, 287, 28, 28],
        ['邵雨欣', 237, 300, 67, 32],
        ['正常参保', 466, 310, 82, 32],
        ['女', 689, 319, 25, 27],
        ['四、代办人身份证号', 259, 345, 173, 33],
        ['五、受', 484, 351, 65, 31],
        ['理人', 572, 355, 86, 34],
        ['六、公民身份号码', 714, 361, 149, 33],
        [residentId('19850902', '340104', '147'), 241, 387, 206, 30],
        ['秦浩', 466, 393, 62, 30],
        [employeeId, 688, 402, 197, 30],
        ['七参', 483, 433, 64, 31],
        ['保人', 574, 436, 83, 33],
        ['方晓霞', 236, 466, 66, 31],
        ['序号', 232, 537, 45, 27],
        ['单位名称', 377, 540, 75, 31],
        ['起始年月', 551, 546, 71, 28],
        ['截止年月', 635, 547, 71, 28],
        ['1', 250, 580, 15, 19],
        ['杭州同创电子商务有限公司', 312, 578, 205, 24],
        ['2015.11', 551, 580, 71, 25],
        ['2018.05', 637, 581, 71, 23],
        ['险种', 783, 551, 42, 29],
        ['企业职工基本养老保险', 723, 586, 163, 28],
        ['2', 245, 614, 17, 21],
        ['杭州恒信电子商务有限公司', 309, 614, 205, 29],
        ['2018.11', 551, 619, 70, 26],
        ['2021.03', 636, 622, 70, 23],
        ['企业职工基本养老保险', 721, 623, 164, 27],
        ['实际缴费月数合计64月', 224, 699, 206, 29],
        ['杭州市社会保险事业管理中心', 223, 779, 247, 30],
        ['出具日期：2021年12月18日', 222, 813, 247, 30],
      ],
      { width: 1134, height: 1508 },
    );
    expect(doc.type).toBe('social_insurance_record');
    expect(doc.fields.personName.value).not.toBe('邵雨欣');
  });
});

describe('names whose label the engine lost or set apart from them', () => {
  it('reads the employee after a lone `方` whose `乙` the photo lost, and flags it', () => {
    const doc = readScan(
      [
        ['劳动合同（简易版）', 401, 270, 440, 47],
        ['甲方（用人单位）名称杭州启明建筑工', 229, 350, 354, 27],
        ['统一社会信用代码' + employerCode, 656, 351, 395, 28],
        ['程有限公司', 440, 377, 104, 27],
        ['法定代表人', 226, 416, 104, 28],
        ['白平', 441, 418, 65, 26],
        ['地址', 225, 458, 164, 27],
        ['浙江省杭州市西湖区翠苑街道文一西路319号', 441, 458, 410, 28],
        ['方', 361, 524, 28, 29],
        ['丁子豪', 439, 525, 68, 30],
        ['身份证号码', 657, 525, 104, 27],
        [employeeId, 831, 527, 203, 26],
        ['合同期限自', 222, 607, 106, 29],
        ['2018年12月13日', 440, 608, 152, 27],
        ['合同期限至', 659, 607, 103, 28],
        ['2020.12.12', 833, 608, 106, 26],
        ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 226, 700, 700, 28],
      ],
      { width: 1240, height: 1754 },
    );
    expect(doc.fields.employeeName.value).toBe('丁子豪');
    expect(doc.fields.employeeName.needsReview).toBe(true);
  });

  it('reads the insured person at the start of the cell under `姓名` centred over the right column, and flags it', () => {
    const doc = readScan(
      [
        ['经办人：龚玲', 1001, 54, 165, 36],
        ['联系电话：0571-42983254', 1196, 55, 310, 35],
        ['社会保险个人参保证明', 619, 165, 456, 51],
        ['(二）姓', 915, 290, 122, 53],
        ['名', 1115, 294, 42, 47],
        ['（一）原参保单位', 210, 296, 236, 41],
        ['杭州云栖信息技术有', 157, 369, 289, 41],
        ['顾一鸣', 509, 381, 111, 58],
        ['限公司', 153, 407, 107, 51],
        ['（三）身份证号码', 739, 481, 241, 46],
        [employeeId, 155, 556, 610, 51],
        ['(五)性', 916, 631, 121, 51],
        ['(四)参保状态', 208, 634, 240, 45],
        ['别', 1115, 635, 44, 45],
        ['女', 509, 704, 45, 50],
        ['正常参保', 155, 705, 138, 47],
        ['序号', 162, 833, 73, 49],
        ['险种', 1306, 836, 71, 46],
        ['缴费单位', 452, 837, 123, 44],
        ['缴费起止年月', 860, 838, 175, 41],
        ['杭州龙井汽车维修有限公司', 341, 905, 344, 38],
        ['企业职工基本养老保险', 1201, 905, 284, 38],
        ['2012-10—2014-07', 832, 908, 233, 32],
        ['1', 188, 909, 23, 32],
        ['杭州恒信信息技术有限公司', 341, 970, 343, 40],
        ['养老保险', 1281, 967, 124, 45],
        ['2014-11—2021-07', 829, 970, 235, 40],
        ['2', 183, 974, 29, 36],
        ['合计：103个月', 137, 1054, 210, 45],
        ['杭州市社会保险事业管理中心', 1150, 1191, 412, 45],
      ],
      { width: 1697, height: 2400 },
    );
    expect(doc.type).toBe('social_insurance_record');
    expect(doc.fields.personName.value).toBe('顾一鸣');
    expect(doc.fields.personName.needsReview).toBe(true);
  });
});

describe('a name read as a compound surname alone', () => {
  const contract = (under: Line[]) =>
    readScan(
      [
        ['劳动合同', 551, 229, 205, 52],
        ['用人单位', 282, 323, 274, 38],
        ['浙江华创物流供应链服务有限公司', 267, 355, 307, 32],
        ['统一社会信用代码', 615, 351, 172, 32],
        [employerCode, 987, 349, 195, 27],
        ['地址', 269, 503, 70, 32],
        ['浙江省杭州市西湖区中山路373号11幢104室', 550, 498, 390, 32],
        ['劳动者姓名', 271, 546, 105, 31],
        ['欧阳', 550, 546, 45, 27],
        ['身份证号码 ' + employeeId, 622, 541, 556, 32],
        ...under,
        ['联系电话', 272, 617, 147, 32],
        ['合同期限：2021年3月1日至2024年2月29日', 272, 680, 600, 32],
        ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 267, 760, 800, 32],
      ],
      { width: 1240, height: 1754 },
    );

  it('is read with its given name wrapped under it in a narrow cell, and flagged', () => {
    const field = contract([['思远', 548, 573, 50, 30]]).fields.employeeName;
    expect(field.value).toBe('欧阳思远');
    expect(field.needsReview).toBe(true);
    // Completed, the name is no longer called a surname alone: the clerk is told the join was inferred.
    expect(field.issues).not.toContain('person_name_incomplete');
  });

  it("is flagged on a digital licence's legal representative, where no reader joins a line under it", () => {
    // A held-out digital licence read `令狐` for `令狐英颖` at 0.98, unflagged (v10, 2026-12-05 night).
    const doc = extractDocuments(
      [
        textLayerPage([
          ['营业执照', 700, 200, 260, 60],
          [`统一社会信用代码 ${employerCode}`, 200, 330, 560, 36],
          ['名称 杭州华创物流有限公司', 200, 420, 460, 36],
          ['类型 有限责任公司(自然人投资或控股)', 200, 480, 600, 36],
          ['法定代表人 令狐', 200, 540, 300, 36],
          ['注册资本 伍拾万元整', 900, 540, 300, 36],
          ['成立日期 2019年03月12日', 200, 600, 420, 36],
          ['住所 浙江省杭州市西湖区文三路100号', 200, 660, 620, 36],
        ]),
      ],
      { today: TODAY },
    )[0];
    expect(doc.type).toBe('business_license');
    expect(doc.fields.legalRepresentative.value).toBe('令狐');
    expect(doc.fields.legalRepresentative.issues).toContain('person_name_incomplete');
    expect(doc.fields.legalRepresentative.needsReview).toBe(true);
  });

  it('is flagged when nothing under it completes it', () => {
    const field = contract([]).fields.employeeName;
    expect(field.issues).toContain('person_name_incomplete');
    expect(field.needsReview).toBe(true);
  });
});
