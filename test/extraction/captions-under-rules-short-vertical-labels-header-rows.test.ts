import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { readOrganisationName } from '../../shared/extraction/value-readers.js';
import { ONE_ROW_TABLE } from './support/insurance-record.js';
import { type Line, textLayerPage } from './support/text-lines.js';

// Three layouts of printed forms, each from a text layer (one line a box, confidence 1). Constructed lines with values
// of their own; no eval file is read.
// - A fill-in form that writes each value from its rule's left end and centres a small caption under the rule: a short
//   value has no overlap with its caption at all.
// - A licence whose labels stand one character a row down their own narrow cells, two or three characters long.
// - A licence that prints a header row of small labels over a row of large values, each value centred in its tall
//   cell, a name wrapped in its narrow cell.

const TODAY = '2026-12-07';
const LANDSCAPE = { width: 2339, height: 1653 };

const contract: Line[] = [
  ['劳动合同', 646, 161, 340, 67],
  ['钱塘（浙江）物流仓储服务有', 193, 315, 520, 37],
  ['限公司', 193, 367, 112, 37],
  ['91330106MA2B8L3X0P', 871, 367, 336, 40],
  ['用人单位（甲方）', 412, 423, 152, 20],
  ['统一信用代码', 1109, 423, 114, 20],
  ['韩立新', 193, 484, 112, 37],
  ['法定代表人（负责人）', 393, 541, 189, 20],
  ['浙江省杭州市西湖区文一西路58号2幢1102室', 193, 600, 735, 40],
  ['地　　　　　　址', 751, 658, 152, 20],
  ['沈嘉怡', 193, 719, 112, 37],
  ['330106199208143326', 871, 719, 336, 40],
  ['乙方（劳动者）姓名', 402, 775, 171, 20],
  ['乙方身份证号', 1109, 775, 114, 20],
  ['2019年3月11日', 193, 953, 230, 40],
  ['2024/03/10', 871, 953, 187, 40],
  ['聘　用　期　自', 421, 1010, 133, 20],
  ['聘　用　期　至', 1100, 1010, 133, 20],
  ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 181, 1193, 805, 28],
  ['甲方（盖章）：', 181, 1420, 204, 31],
  ['乙方（签字）：', 827, 1420, 204, 31],
];

const down = (label: string, x: number, top: number): Line[] => [...label].map((c, k): Line => [c, x, top + k * 35, 31, 31]);

const verticalLicence: Line[] = [
  ['营业执照', 902, 265, 509, 112],
  ['（副本）', 1107, 394, 124, 31],
  ...down('注册号', 142, 531),
  ['330106600123458', 206, 567, 356, 39],
  ...down('名称', 870, 548),
  ['杭州市西湖区晨光文具经营部', 935, 567, 520, 37],
  ...down('类型', 142, 694),
  ['个体工商户', 206, 713, 186, 37],
  ...down('经营者', 142, 840),
  ['邵一帆', 206, 876, 112, 37],
  ...down('经营场所', 870, 823),
  ['浙江省杭州市西湖区文三路90号3幢201室', 935, 876, 700, 39],
  ...down('注册日期', 142, 985),
  ['2009/04/17', 206, 1038, 186, 39],
  ['登记机关：', 2025, 1473, 155, 31],
  ['2011年6月2日', 1991, 1529, 223, 34],
];

const headerRowLicence: Line[] = [
  ['营业执照', 931, 255, 446, 92],
  ['（副本）', 1108, 363, 122, 31],
  ['市场主体名称', 183, 465, 165, 28],
  ['注册号', 532, 465, 82, 28],
  ['经营者', 840, 465, 82, 28],
  ['市场主体类型', 1107, 465, 165, 28],
  ['组成形式', 1442, 465, 110, 28],
  ['注册日期', 1751, 465, 110, 28],
  ['杭州市西湖区', 149, 533, 247, 48],
  ['晨曦茶叶经营', 140, 593, 248, 49],
  ['部', 232, 652, 51, 47],
  ['330106600123458', 441, 572, 300, 50],
  ['古丽娜尔·艾', 767, 564, 232, 51],
  ['买提', 838, 625, 82, 42],
  ['个体工商户', 1086, 592, 207, 50],
  ['个人经营', 1415, 596, 162, 46],
  ['2007.11.23', 1702, 593, 205, 48],
  ['经营场所', 980, 742, 110, 28],
  ['浙江省杭州市西湖区古荡新村', 772, 807, 533, 49],
  ['12幢2单元302室', 866, 864, 335, 52],
  ['登记机关:', 110, 1319, 132, 33],
  ['2008年 5月 9日', 110, 1373, 221, 33],
];

describe('a value written from its rule’s left end over a caption centred under the rule', () => {
  const doc = extractDocuments([textLayerPage(contract)], { today: TODAY })[0];

  it('reads the name over a caption it does not overlap', () => {
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.employeeName.value).toBe('沈嘉怡');
  });

  it('reads a wrapped employer over its caption with the party in brackets after the label', () => {
    expect(doc.fields.employerName.value).toBe('钱塘(浙江)物流仓储服务有限公司');
  });

  it('reads a term’s two ends over `聘用期自` and `聘用期至`, each from its own rule', () => {
    expect(doc.fields.startDate.value).toBe('2019-03-11');
    expect(doc.fields.endDate.value).toBe('2024-03-10');
  });
});

describe('labels of two or three characters set down their own narrow cells', () => {
  const doc = extractDocuments([textLayerPage(verticalLicence, LANDSCAPE)], { today: TODAY })[0];

  it('reads the value beside `名` / `称` and beside `经` / `营` / `者`', () => {
    expect(doc.type).toBe('business_license');
    expect(doc.fields.companyName.value).toBe('杭州市西湖区晨光文具经营部');
    expect(doc.fields.legalRepresentative.value).toBe('邵一帆');
  });

  it('still reads the labels of four characters down their cells', () => {
    expect(doc.fields.establishedDate.value).toBe('2009-04-17');
  });
});

describe('a header row of small labels over large values centred in their tall cells', () => {
  const doc = extractDocuments([textLayerPage(headerRowLicence, LANDSCAPE)], { today: TODAY })[0];

  it('reads the date under `注册日期` alone, without the next row’s wrap of another cell', () => {
    expect(doc.fields.establishedDate.value).toBe('2007-11-23');
    expect(doc.fields.establishedDate.source?.box?.x).toBe(1702);
  });

  it('reads a minority name wrapped in its narrow cell whole, for the clerk to confirm', () => {
    expect(doc.fields.legalRepresentative.value).toBe('古丽娜尔·艾买提');
    expect(doc.fields.legalRepresentative.needsReview).toBe(true);
  });
});

describe('other words for the insured person', () => {
  it('reads the name beside `被保险人姓名：` on a record', () => {
    const record: Line[] = [
      ['参保人员缴费情况表', 589, 201, 475, 55],
      ['被保险人姓名：', 215, 365, 210, 38],
      ['欧阳雪梅', 440, 365, 152, 38],
      ['公民身份号码：', 814, 365, 210, 38],
      ['330106198508120027', 1030, 365, 342, 38],
      ...ONE_ROW_TABLE,
    ];
    const doc = extractDocuments([textLayerPage(record)], { today: TODAY })[0];
    expect(doc.type).toBe('social_insurance_record');
    expect(doc.fields.personName.value).toBe('欧阳雪梅');
  });
});

describe('other words for labels and names of other forms', () => {
  it('reads the issuer beside `核发机关：`', () => {
    const certificate: Line[] = [
      ['中华人民共和国职业资格证书', 741, 124, 852, 60],
      ['姓名：欧阳雪梅', 130, 322, 300, 48],
      ['身份证件号码：330106198508120027', 130, 428, 600, 45],
      ['职业名称：育婴员', 130, 693, 300, 47],
      ['等级：技师', 1089, 693, 220, 47],
      ['证书编号：1633017614234652', 130, 1027, 500, 37],
      ['核发机关：浙江省人力资源和社会保障厅', 1194, 1278, 680, 40],
      ['颁发日期：2016年10月21日', 1279, 1337, 357, 36],
    ];
    const doc = extractDocuments([textLayerPage(certificate, LANDSCAPE)], { today: TODAY })[0];
    expect(doc.fields.issuer.value).toBe('浙江省人力资源和社会保障厅');
  });

  it('reads a completion certificate’s issuer beside `培训组织单位：`, without the label', () => {
    const certificate: Line[] = [
      ['培训结业证书', 633, 181, 382, 63],
      ['姓名：周杨杰嘉', 130, 322, 300, 48],
      ['身份证件号码：340104197305072162', 130, 428, 600, 45],
      ['培训项目：电子商务创业培训', 130, 530, 500, 47],
      ['证书编号：PX202108041825', 130, 640, 500, 37],
      ['培训组织单位：杭州市西湖区职业技能培训学校', 204, 830, 678, 42],
      ['二〇二一年十一月二十九日', 207, 886, 386, 46],
    ];
    const doc = extractDocuments([textLayerPage(certificate, LANDSCAPE)], { today: TODAY })[0];
    expect(doc.fields.issuer.value).toBe('杭州市西湖区职业技能培训学校');
  });

  it('takes `组织机构代码` before the credit code’s label for a label, never the employer', () => {
    const lines: Line[] = [
      ['劳动合同书', 635, 190, 365, 63],
      ['紫金(杭州)网', 160, 323, 253, 45],
      ['络科技环境服务', 157, 371, 255, 44],
      ['股份有限公司', 157, 420, 222, 45],
      ['91330106MA2J8BP5EE', 510, 423, 330, 36],
      ['用人单位 (甲方)', 213, 474, 165, 37],
      ['组织机构代码/统一社会信用代码', 500, 475, 305, 32],
      ['姜一建', 156, 699, 117, 42],
      ['330621199304149253', 510, 702, 326, 36],
      ['员工姓名', 160, 760, 96, 42],
      ['公民身份号码(乙方)', 510, 760, 208, 35],
    ];
    const doc = extractDocuments([textLayerPage(lines)], { today: TODAY })[0];
    expect(doc.fields.employerName.value).toBe('紫金(杭州)网络科技环境服务股份有限公司');
  });

  it('finds a registered name whole when it sets its place in brackets after the trade name', () => {
    expect(readOrganisationName('网易（杭州）网络有限公司')?.plausibility).toBe(1);
    expect(readOrganisationName('网易网络有限公司')?.plausibility).toBeLessThan(1);
  });

  it('finds a partnership’s and a sole proprietorship’s names whole by their legal forms', () => {
    expect(readOrganisationName('杭州灵隐建筑工程服务合伙企业（普通合伙）')?.plausibility).toBe(1);
    expect(readOrganisationName('杭州西溪茶叶个人独资企业')?.plausibility).toBe(1);
  });
});

describe('a page whose labels were read with a character wrong', () => {
  it('is still an ID card by the labels its lines were matched to', () => {
    const card: Line[] = [
      ['姓名欧阳雪梅', 472, 301, 128, 23],
      ['女民汉', 473, 321, 100, 23],
      ['出生1985年8月12日', 473, 340, 149, 24],
      ['佳址浙江省杭州市西湖区文三', 474, 359, 182, 23],
      ['路90号10幢1504室', 504, 378, 117, 23],
      ['公线身份号码330106198508120027', 476, 465, 218, 21],
    ];
    const doc = extractDocuments([textLayerPage(card, { width: 1000, height: 700 })], { today: TODAY })[0];
    expect(doc.type).toBe('id_card');
    expect(doc.fields.idNumber.value).toBe('330106198508120027');
  });
});

describe('captions under their values, a row of values under the captions as well', () => {
  const certificate: Line[] = [
    ['专项职业能力证书', 552, 265, 659, 69],
    ['热依拉·买买提(盖章)', 281, 413, 342, 46],
    ['女', 775, 410, 54, 49],
    ['持证者姓名', 268, 469, 118, 37],
    ['性别', 766, 469, 62, 40],
    ['2001年3月9日', 278, 533, 283, 47],
    ['510107200103094049', 778, 536, 337, 41],
    ['出生年月', 267, 589, 115, 37],
    ['身份证号', 768, 589, 112, 37],
    ['插花', 279, 749, 161, 49],
    ['ZX20203301451834', 602, 754, 300, 41],
    ['能力项目', 267, 806, 123, 41],
    ['证书编号(No.)', 590, 809, 173, 37],
    ['2020/08/12', 278, 874, 196, 47],
    ['发证日期 (年月日)', 271, 931, 202, 37],
  ];
  const doc = extractDocuments([textLayerPage(certificate, LANDSCAPE)], { today: TODAY })[0];

  it('reads the name over its caption when the cell under the caption holds no name', () => {
    expect(doc.fields.holderName.value).toBe('热依拉·买买提');
  });

  it('reads the ability over `能力项目`', () => {
    expect(doc.fields.occupation.value).toBe('插花');
  });
});

describe('a wrapped line the engine boxed in two pieces a pixel off each other’s row', () => {
  it('never reads the name without the left piece unflagged', () => {
    const licence: Line[] = [
      ['营业执照', 920, 259, 477, 103],
      ['市场主体名称:', 181, 472, 194, 35],
      ['浙江西溪家政服务', 480, 476, 302, 44],
      ['类型:', 1348, 465, 87, 47],
      ['有限责任公司(自然', 1532, 473, 332, 50],
      ['(集团)', 504, 533, 105, 45],
      ['有限公司', 633, 532, 148, 43],
      ['人投资或控股)', 1524, 528, 251, 54],
      ['营业期限:', 1292, 627, 137, 39],
      ['2014年11月10日至2034/11/10', 1529, 624, 498, 42],
      ['注册资本:', 238, 720, 144, 39],
      ['3000万元人民币', 474, 711, 273, 50],
      ['成立日期(注册日期):', 1108, 722, 325, 37],
      ['2014年11月10日', 1528, 712, 312, 48],
    ];
    const page = textLayerPage(licence, LANDSCAPE);
    const scan = { ...page, source: 'paddle' as const, lines: page.lines.map((l) => ({ ...l, confidence: 0.99 })) };
    const doc = extractDocuments([scan], { today: TODAY })[0];
    expect(doc.fields.companyName.needsReview).toBe(true);
  });
});
