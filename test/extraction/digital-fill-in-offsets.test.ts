import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { textLayerPage as page, type Line } from './support/text-lines.js';

// Issue 12 (digital PDFs: 100 % of fields), classes found on a digital-only sample of the seen families (seed 9690,
// 2026-12-06 late morning): a fill-in printed off its labels, and a value wrapped in a table cell beside a row that
// runs to the text's edge. Each test builds its own lines with its own values; no eval file is read here.

const TODAY = '2026-12-06';
const readOne = (lines: readonly Line[], size?: { width: number; height: number }) => extractDocuments([page(lines, size)], { today: TODAY })[0];

/** A seal's name lettered round the top of its ring, one glyph per box (a text layer draws it so), as placed on a page of the sample. */
function sealRing(name: string): Line[] {
  const boxes: Array<[number, number, number]> = [
    [216, 884, 34],
    [218, 843, 42],
    [232, 807, 46],
    [256, 778, 47],
    [290, 760, 44],
    [330, 753, 37],
    [366, 754, 38],
    [399, 762, 45],
    [429, 781, 47],
    [453, 811, 46],
    [471, 848, 41],
    [479, 888, 34],
  ];
  return [...name].map((g, i) => [g, boxes[i][0], boxes[i][1], boxes[i][2], boxes[i][2]] as Line);
}

describe('a digital page whose fill-in sits off its labels, up on one row and down on the next', () => {
  it('reads no skew from label-to-value slopes that agree on nothing, so a value printed a little high stays on its label’s row', () => {
    // Values a fill-in printer set 20–30 px off their labels, some up and some down, and a seal lettered round its ring:
    // the slopes from label to value run from -0.16 to 0.10. Read as one skew (their median), they turned the page
    // some 3° and put the issuer, printed 29 px high, a whole line over `发证单位：`.
    const doc = readOne([
      ['职业技能等级证书', 509, 136, 618, 80],
      ['持证人：', 149, 274, 138, 43],
      ['韩立秋', 423, 249, 104, 43],
      ['性别：', 149, 341, 104, 43],
      ['男', 423, 364, 34, 43],
      ['公民身份号码：', 149, 408, 242, 43],
      ['330106198504123415', 423, 427, 374, 43],
      ['职业（工种）：', 149, 489, 242, 43],
      ['－－－－－－－－－－－－－－－－－－－－－－－－', 423, 489, 832, 43],
      ['育婴员', 1264, 512, 104, 43],
      ['等级：', 149, 556, 104, 43],
      ['................................................................................', 423, 556, 832, 43],
      ['三级', 1299, 579, 69, 43],
      ['（证 书 号）', 149, 679, 165, 37],
      ['S330106978092211899447', 181, 645, 458, 43],
      ['发证单位：', 149, 741, 173, 43],
      ['杭州明远职业技能培训学校', 423, 712, 416, 43],
      ['颁证日期：2022年6月8日', 149, 860, 402, 43],
      ...sealRing('杭州明远职业技能培训学校'),
    ]);
    expect(doc.type).toBe('vocational_certificate');
    expect(doc.fields.issuer.value).toBe('杭州明远职业技能培训学校');
    expect(doc.fields.holderName.value).toBe('韩立秋');
    expect(doc.fields.idNumber.value).toBe('330106198504123415');
  });
});

describe('a licence whose whole fill-in was printed a row high, its names wrapped tight in narrow cells', () => {
  it('moves the fill-in back onto its labels though the wrapped names’ second lines sit level with labels as printed', () => {
    // Every value 69 px over its label; `名 称：` has the name's second line level with it, so line by line as many
    // values sit on label rows as printed as moved back. Value by value, the move explains the page.
    const doc = readOne([
      ['统一社会信用代码　91330106MA2H4K7Q3X (1-1)', 212, 158, 728, 36],
      ['营业执照', 594, 258, 434, 83],
      ['（正本）', 757, 364, 138, 36],
      ['名 称：', 141, 506, 121, 36],
      ['类型：', 946, 506, 104, 36],
      ['成　　　立　　　日　　　期：', 141, 679, 485, 36],
      ['法 定 代 表 人：', 946, 679, 277, 36],
      ['注 册 资 本：', 141, 760, 225, 36],
      ['营业期限：', 946, 760, 173, 36],
      ['住 所：', 141, 885, 121, 36],
      ['经 营 范 围：', 141, 1060, 225, 36],
      ['杭州临平茶', 670, 437, 173, 36],
      ['饮管理有限', 670, 483, 173, 36],
      ['公司', 670, 531, 69, 36],
      ['有限责任公司', 1267, 437, 208, 36],
      ['(自然人投资或', 1267, 483, 225, 36],
      ['控股)', 1267, 531, 86, 36],
      ['2011年5月16日', 670, 610, 225, 36],
      ['欧阳明轩', 1267, 610, 138, 36],
      ['300万元人民币', 670, 691, 225, 36],
      ['2011.05.16至', 1267, 691, 208, 36],
      ['2031.05.15', 1267, 737, 173, 36],
      ['浙江省杭州市西', 670, 816, 242, 36],
      ['湖区文三路20', 670, 864, 242, 36],
      ['8号3幢1203室', 670, 910, 208, 36],
      ['一般项目：技术服务、技术开发、技术咨询、技术交', 670, 991, 798, 36],
      ['流、技术转让、技术推广；软件开发；信息系统集成服', 670, 1037, 832, 36],
      ['务；餐饮管理；日用百货销售（除依法须经批准的项目', 670, 1085, 832, 36],
      ['外，凭营业执照依法自主开展经营活动）。', 670, 1131, 700, 36],
      ['登记机关：', 141, 1537, 173, 36],
      ['二〇一一年九月二十三日', 141, 1600, 381, 36],
    ]);
    expect(doc.type).toBe('business_license');
    expect(doc.fields.legalRepresentative.value).toBe('欧阳明轩');
    expect(doc.fields.establishedDate.value).toBe('2011-05-16');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区文三路208号3幢1203室');
  });
});

describe('a value wrapped in its table cell beside a row that runs to the text’s edge', () => {
  it('joins the line flush under the value’s own box, a dotted leader before it, as the value’s wrap', () => {
    // `培 训 项 目 ……企业新型学` | `徒制（焊工）`, with `培 训 时 间` and a term running to the right edge on the same
    // row: the row looks like run-on prose, but prose never starts a line at a value boxed apart from its label.
    const doc = readOne([
      ['培训结业证书', 614, 206, 420, 64],
      ['持证人姓名', 204, 331, 173, 36],
      ['···················孟可欣', 427, 331, 392, 36],
      ['性　　　别', 851, 331, 173, 36],
      ['女', 1056, 331, 34, 36],
      ['身份证号', 851, 400, 138, 36],
      ['330106199902145622', 1056, 400, 312, 36],
      ['培 训 项 目', 204, 541, 190, 36],
      ['...........企业新型学', 427, 541, 364, 36],
      ['徒制（焊工）', 427, 587, 208, 36],
      ['培 训 时 间', 842, 541, 190, 36],
      ['2022年03月07日至2022年', 1064, 541, 381, 36],
      ['04月29日', 1064, 587, 138, 36],
      ['证 书 编 号', 204, 658, 190, 36],
      ['…………PX202253718842', 427, 658, 383, 36],
      ['发证单位：杭州明远职业培训学校', 928, 800, 520, 36],
      ['2022年5月9日', 1075, 862, 225, 36],
    ]);
    expect(doc.type).toBe('vocational_certificate');
    expect(doc.fields.occupation.value).toBe('企业新型学徒制(焊工)');
  });
});

describe('a form that sets bracketed captions under their values, its fill-in printed a few millimetres high', () => {
  it('reads the value over its caption when the offset leaves half again a caption’s height between them', () => {
    // `武晨丽`-like names over `（劳动者姓名）`: printed 25 px high, so 43 px stand between the value and its caption
    // (the caption boxed 29 px high); the nearest line over the caption is still its value, nothing between.
    const doc = readOne([
      ['劳动合同（简易版）', 436, 211, 760, 72],
      ['用', 173, 361, 33, 34],
      ['人', 250, 361, 33, 34],
      ['单', 328, 361, 33, 34],
      ['位：', 406, 361, 66, 34],
      ['杭州智远建筑工', 504, 336, 233, 41],
      ['程有限公司', 504, 380, 166, 41],
      ['统一社会信用代码：', 173, 482, 300, 34],
      ['91330106MA2B7K4X5Q', 688, 457, 359, 41],
      ['叶静怡', 204, 534, 100, 41],
      ['（法定代表人）', 173, 618, 283, 29],
      ['地', 173, 688, 33, 34],
      ['址：', 406, 688, 66, 34],
      ['浙江省杭州市西湖区转塘街道之江路88号', 504, 663, 620, 41],
      ['程颂文', 204, 784, 100, 41],
      ['（劳动者姓名）', 173, 868, 283, 29],
      ['330106198207053414', 173, 915, 360, 41],
      ['居民身份证号码：', 173, 986, 300, 34],
      ['合　同　类　型：', 173, 1190, 266, 34],
      ['无固定期限', 504, 1167, 166, 41],
      ['合 同 期 限 自：', 173, 1270, 266, 34],
      ['2019-06-03', 504, 1297, 180, 41],
      ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 173, 1514, 920, 32],
      ['二、甲方依法为乙方缴纳社会保险费。', 173, 1566, 521, 32],
      ['甲方（盖章）：', 173, 1738, 233, 34],
      ['乙方（签字）：', 826, 1738, 233, 34],
      ['签订日期：2019-05-28', 173, 1807, 333, 34],
    ]);
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.employeeName.value).toBe('程颂文');
  });
});

describe('two grid cells whose text runs together in one box', () => {
  it('reads the holder’s name after a whole ID number boxed on before it, flagged for the clerk', () => {
    // `2、证件号码` over the number and `3、持证人姓名` over the name, the two cells' text drawn as one run.
    const doc = readOne([
      ['专项职业能力证书', 494, 171, 642, 63],
      ['1、出生日期', 232, 310, 182, 35],
      ['2、证件号码', 545, 310, 185, 35],
      ['3、持证人姓名', 842, 310, 218, 35],
      ['1983/4/12', 187, 385, 151, 35],
      ['330106198304124421邵雨桐', 501, 385, 414, 33],
      ['4、性　　　别', 528, 460, 218, 35],
      ['女', 187, 535, 33, 33],
      ['证书编号', 256, 668, 133, 33],
      ['专项能力名称', 694, 668, 200, 33],
      ['ZX20203301225183', 187, 743, 299, 35],
      ['电子商务运营', 694, 743, 200, 33],
      ['杭州市西湖区人力资源和社会保障局', 954, 874, 533, 33],
      ['颁证日期:2020年10月26日', 1027, 933, 387, 35],
    ]);
    expect(doc.type).toBe('vocational_certificate');
    expect(doc.fields.holderName.value).toBe('邵雨桐');
    expect(doc.fields.holderName.needsReview).toBe(true);
    expect(doc.fields.idNumber.value).toBe('330106198304124421');
  });
});

describe('a value on the row above a caption we do not know', () => {
  it('ends the employer where the next row’s caption `派遣单位：` takes its own value', () => {
    // `用人单位：` and `派遣单位：` (a caption of no field of ours) one row apart, each with a company's name beside it.
    const doc = readOne([
      ['劳动合同（简易版）', 501, 153, 633, 55],
      ['用人单位：', 110, 285, 166, 33],
      ['杭州明湖家政服务有限公司', 475, 285, 400, 33],
      ['派遣单位：', 110, 347, 166, 33],
      ['杭州远航电气设备有限公司', 475, 347, 400, 33],
      ['统一社会信用代码：', 110, 410, 300, 33],
      ['91330106MA2B7K4X5Q', 475, 410, 388, 33],
      ['乙方（劳动者）姓名：', 110, 597, 333, 35],
      ['程颂文', 475, 597, 100, 33],
      ['合同期限自：', 110, 914, 200, 33],
      ['2019-11-28', 475, 914, 289, 35],
      ['合同期限至：', 110, 976, 200, 33],
      ['无固定期限', 475, 976, 166, 33],
      ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 110, 1185, 919, 33],
      ['二、甲方依法为乙方缴纳社会保险费。', 110, 1239, 521, 30],
      ['甲方（盖章）：', 110, 1435, 216, 35],
      ['乙方（签字）：', 826, 1435, 216, 35],
      ['签订日期：2019年11月19日', 110, 1504, 404, 33],
    ]);
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.employerName.value).toBe('杭州明湖家政服务有限公司');
  });
});

describe('a licence whose values wrap every two characters in narrow cells', () => {
  it('reads a legal representative whose compound surname fills the cell’s first line with the given name under it', () => {
    // `司马` | `海浩` beside `法定代表人姓名`, the type beside it wrapped the same way (`有限` | `责任` | `公司`).
    const doc = readOne(
      [
        ['注册号', 133, 133, 112, 39],
        ['330106000123458', 133, 193, 300, 39],
        ['企业法人营业执照', 705, 212, 902, 88],
        ['名称', 95, 416, 64, 33],
        ['杭州龙湖机', 252, 416, 162, 33],
        ['械制造有限', 252, 460, 162, 33],
        ['公司', 252, 504, 64, 33],
        ['类型', 1479, 416, 64, 33],
        ['有限', 1733, 416, 64, 33],
        ['责任', 1733, 460, 64, 33],
        ['公司', 1733, 504, 64, 33],
        ['注册资本', 95, 750, 129, 33],
        ['300万元人民币', 252, 750, 210, 33],
        ['法定代表人姓名', 1479, 750, 226, 33],
        ['欧阳', 1733, 750, 64, 33],
        ['明轩', 1733, 793, 64, 33],
        ['成立日期', 1479, 862, 129, 33],
        ['2004-', 1733, 862, 81, 33],
        ['03-15', 1733, 906, 81, 33],
        ['住所', 95, 977, 64, 33],
        ['浙江省杭州市西湖区文三路208号', 252, 977, 500, 33],
        ['登记机关：', 2064, 1437, 162, 33],
        ['2005年6月9日', 2048, 1495, 194, 33],
      ],
      { width: 2339, height: 1653 },
    );
    expect(doc.type).toBe('business_license');
    expect(doc.fields.legalRepresentative.value).toBe('欧阳明轩');
  });
});
