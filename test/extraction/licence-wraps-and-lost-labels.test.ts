import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { creditCode } from './support/documents.js';
import { enginePage as engineRead, type Line } from './support/text-lines.js';

// Issue 12 on business licences (licence15): wrapped names and addresses, and a name whose label lost its head, as the
// engine boxed them on scans and photos of the seen families (dev seed 9470), rebuilt on constructed lines with values
// of their own. No eval file is read.

const TODAY = '2026-12-05';

/** A page as the engine reads it: each line at 0.99 with a box per character, set evenly across the line's box. */
const enginePage = (lines: readonly Line[], size = { width: 2339, height: 1654 }) => engineRead(lines, { size, confidence: 0.99, typeShare: 0.7 });
const read = (lines: readonly Line[], size?: { width: number; height: number }) => extractDocuments([enginePage(lines, size)], { today: TODAY })[0];

const SCOPE: Line[] = [
  ['经营范围', 142, 1104, 167, 39],
  ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发；信息系统集成服', 539, 1104, 1344, 40],
  ['务；职业技能培训（不含需取得许可的培训）；人力资源服务（不含职业中介活动、劳务派遣服务）；家政', 544, 1145, 1339, 39],
  ['登记机关：', 144, 1395, 127, 41],
  ['2012年9月26日', 142, 1446, 199, 42],
];

describe('a registrant type under a wrapped name', () => {
  it('ends the name before `个体工商户`, the type row’s value set high under its last line', () => {
    // A 个体工商户 licence: the name wraps over three lines beside `名 称`, and `个体工商户` sits half a row over `类型`,
    // flush under the name's last line. No name ends with a registrant type.
    const doc = read([
      ['统一社会信用代码', 212, 166, 248, 32],
      [`${creditCode('MA26WF54E')} (1-1)`, 460, 165, 418, 33],
      ['营业执照', 884, 260, 533, 106],
      ['名', 146, 491, 35, 33],
      ['称', 226, 490, 38, 36],
      ['杭州市上城区恒远', 543, 489, 207, 40],
      ['装饰工程劳务服', 543, 526, 206, 40],
      ['务部', 544, 564, 60, 37],
      ['个体工商户', 543, 600, 150, 47],
      ['类型', 142, 629, 126, 42],
      ['组成形式', 142, 694, 167, 40],
      ['家庭经营', 542, 693, 122, 43],
      ['经营者', 140, 757, 128, 43],
      ['欧晓峰', 142, 795, 124, 42],
      ['注册日期', 143, 863, 378, 37],
      ['2011.11.13', 542, 883, 152, 38],
      ['浙江省杭州市上城区清波街道', 145, 926, 374, 38],
      ['南山路12号', 144, 965, 200, 39],
      ['经营场所', 141, 1037, 125, 44],
      ...SCOPE,
    ]);
    expect(doc.type).toBe('business_license');
    expect(doc.fields.companyName.value).toBe('杭州市上城区恒远装饰工程劳务服务部');
  });
});

describe('a name whose label lost its head', () => {
  it('reads the name and its wrapped lines beside a lone `称`, flagged for the clerk', () => {
    // A fold across `名` left only `称` of the label; the branch's name wraps over three lines beside it.
    const doc = read(
      [
        ['统社会信用代码91330106QF6UABXFEN（1-1）', 250, 214, 373, 23],
        ['营业执照', 477, 305, 287, 68],
        ['有限责任公司分公', 256, 449, 140, 29],
        ['司(自然人投资或', 259, 474, 132, 25],
        ['控股)', 298, 499, 45, 23],
        ['称', 692, 533, 20, 19],
        ['杭州华创信息技术服', 742, 530, 163, 27],
        ['务有限公司杭州西湖', 744, 554, 163, 29],
        ['区分公司', 739, 577, 79, 28],
        ['负责人', 230, 602, 78, 27],
        ['陶文杰', 335, 604, 59, 29],
        ['成立日期', 617, 610, 77, 27],
        ['2006.06.15', 739, 612, 102, 26],
        ['营业场所：', 230, 635, 77, 28],
        ['浙江省杭州市西湖区', 334, 638, 158, 27],
        ['营业期限', 616, 642, 77, 28],
        ['2006.06.15至长期', 738, 645, 154, 28],
        ['教工路146号10幢16', 333, 662, 158, 26],
        ['01室', 331, 686, 44, 24],
        ['经营范围：', 227, 715, 77, 26],
        ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开', 339, 718, 661, 38],
        ['登记机关：', 897, 895, 79, 30],
        ['2008年11月27日', 875, 928, 136, 29],
      ],
      { width: 1240, height: 1754 },
    );
    expect(doc.type).toBe('business_license');
    expect(doc.fields.companyName.value).toBe('杭州华创信息技术服务有限公司杭州西湖区分公司');
    expect(doc.fields.companyName.issues).toContain('label_inferred');
    expect(doc.fields.companyName.needsReview).toBe(true);
  });
});

describe('a long address in a narrow column', () => {
  it('reads an address wrapped over five lines of seven characters whole', () => {
    // A proc-E style two-column grid on a phone photo: `（经营场所）` beside an address of 37 characters in a column
    // seven characters wide. Three wrapped lines were the most read: `1907室` was left off, flagged.
    const doc = read(
      [
        ['统一社会信用代码', 244, 272, 168, 29],
        [`${creditCode('MA2M2L48A')}(2-1)`, 244, 305, 278, 23],
        ['营业执照', 509, 324, 249, 57],
        ['名', 679, 467, 42, 27],
        ['称）', 817, 466, 56, 27],
        ['杭州市西湖区钱', 875, 466, 148, 26],
        ['塘机械制造人力', 876, 490, 147, 31],
        ['资源店', 877, 519, 69, 30],
        ['类', 245, 564, 39, 31],
        ['型）', 377, 564, 39, 27],
        ['个体工商户', 434, 562, 113, 31],
        ['组成形式）', 690, 561, 170, 29],
        ['个人经营', 876, 562, 89, 28],
        ['经', 246, 610, 37, 26],
        ['营', 291, 606, 83, 32],
        ['者', 373, 606, 43, 31],
        ['沈立华', 436, 607, 70, 29],
        ['注', 246, 653, 32, 24],
        ['册日', 296, 651, 67, 28],
        ['期)', 377, 653, 34, 24],
        ['2017.8.11', 438, 651, 105, 27],
        ['（经营场所）', 689, 648, 171, 30],
        ['浙江省杭州市西', 881, 648, 147, 27],
        ['湖区文新街道天', 883, 677, 148, 26],
        ['目山路272号黄龙', 884, 704, 164, 27],
        ['国际中心12幢6层', 883, 729, 166, 31],
        ['1907室', 884, 758, 77, 28],
        ['（经营范围）', 244, 806, 171, 29],
        ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转', 433, 802, 589, 32],
        ['让、技术推广；软件开发；信息系统集成服务：职业技能培训（不', 437, 830, 606, 30],
        ['登记机关：', 951, 1080, 107, 34],
        ['2019.12.19', 948, 1123, 119, 26],
      ],
      { width: 1240, height: 1754 },
    );
    expect(doc.type).toBe('business_license');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区文新街道天目山路272号黄龙国际中心12幢6层1907室');
  });
});

describe("an address head between a date's row and its label", () => {
  it('joins the head set tight over the address when the row above holds a whole date in its column', () => {
    // A photo's rows set tight: `浙江省…天目` sits midway between `成立日期` (its date right over it) and `住所`, flush
    // on `山路819号…` beside `住所`. A whole date goes on nowhere: the head is the address's.
    const doc = read(
      [
        ['注册号', 187, 218, 62, 27],
        ['330106094569114', 189, 248, 170, 19],
        ['企业法人营业执照', 390, 257, 692, 60],
        ['名称:杭州汇通物流', 178, 390, 249, 25],
        ['类型:有限责任公司', 691, 389, 230, 26],
        ['供应链服务有', 309, 414, 117, 27],
        ['(自然人投资或', 811, 412, 118, 29],
        ['限公司', 308, 438, 63, 27],
        ['控股)', 811, 438, 50, 25],
        ['100万元人民币', 691, 476, 126, 26],
        ['法定代表人:', 175, 499, 117, 29],
        ['邱文博', 307, 489, 63, 28],
        ['注册资本:', 695, 500, 111, 27],
        ['实收资本:', 176, 541, 121, 26],
        ['100万元人民币', 307, 540, 133, 26],
        ['成立日期:', 691, 542, 109, 25],
        ['2006年7月30日', 814, 542, 130, 23],
        ['浙江省杭州市西湖区文新街道天目', 814, 560, 262, 26],
        ['营业期限:', 175, 581, 114, 23],
        ['2006-07-30至2026年7月30日', 306, 580, 257, 24],
        ['住所:', 692, 582, 123, 23],
        ['山路819号西溪谷国际商务中心11', 814, 584, 263, 24],
        ['幢22层706室', 814, 608, 110, 24],
        ['经营范围:一般项目:技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广:软件开发:信息系统集成服', 175, 668, 973, 25],
        ['登记机关:', 1156, 824, 86, 28],
        ['发照日期:2008年01月17日', 1093, 858, 218, 24],
      ],
      { width: 1240, height: 1754 },
    );
    expect(doc.type).toBe('business_license');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区文新街道天目山路819号西溪谷国际商务中心11幢22层706室');
    expect(doc.fields.establishedDate.value).toBe('2006-07-30');
  });
});

describe('a fill-in shifted under a header printed in place', () => {
  it('reads the shifted values on their labels when the code in the header sits on its own row', () => {
    // Every fill-in value printed 0.7 of a row above its label (nearer the label above), while the credit code beside
    // `统一社会信用代码` is printed with the form, on its row. The type, the date and the term agree on the offset; the
    // code's own row is no vote against it.
    const doc = read([
      ['统一社会信用代码', 124, 99, 270, 39],
      [creditCode('MA2UED7F4'), 394, 101, 336, 33],
      ['(1-1)', 730, 99, 109, 35],
      ['营业执照', 904, 246, 505, 108],
      ['(副本)', 1121, 368, 99, 45],
      ['杭州云溪信息咨询服务有限公司', 623, 459, 467, 39],
      ['名', 155, 500, 42, 42],
      ['称', 280, 499, 52, 45],
      ['有限责任公司(自然人投资或控股)', 622, 521, 497, 36],
      ['类', 153, 562, 48, 46],
      ['型', 283, 564, 47, 44],
      ['2017-09-21', 619, 584, 176, 36],
      ['成立日期', 154, 622, 142, 45],
      ['方志远', 618, 639, 109, 46],
      ['法定代表人', 154, 685, 174, 43],
      ['200万元人民币', 615, 684, 246, 46],
      ['注', 153, 747, 45, 43],
      ['册', 289, 748, 41, 40],
      ['资', 420, 746, 46, 41],
      ['本', 555, 748, 40, 37],
      ['浙江省杭州市西湖区文二路98号5幢1203室', 618, 757, 644, 52],
      ['住', 153, 810, 45, 43],
      ['所', 287, 810, 44, 43],
      ['2017-09-21至2037年9月20日', 621, 828, 401, 39],
      ['营业期限', 156, 869, 140, 44],
      ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发；信息系统集', 627, 890, 1497, 37],
      ['经营范围', 153, 933, 143, 43],
      ['成服务；职业技能培训（不含需取得许可的培训）；人力资源服务（不含职业中介活动、劳务派遣服', 623, 936, 1466, 38],
      ['登记机关：', 1987, 1216, 154, 46],
      ['2017年9月28日', 1962, 1275, 223, 45],
    ]);
    expect(doc.type).toBe('business_license');
    expect(doc.fields.establishedDate.value).toBe('2017-09-21');
    expect(doc.fields.legalRepresentative.value).toBe('方志远');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区文二路98号5幢1203室');
    expect(doc.fields.creditCode.value).toBe(creditCode('MA2UED7F4'));
  });
});

describe('a label spread by a space inside its box', () => {
  it('reads the operator glued after `经营 者`', () => {
    // The engine kept the spread label's gap as a space inside one box (`经营 者汪琪丽`). Once read as no label (the
    // value then flagged `label_inferred`); since the small hours of 2026-12-06 a spread label of three characters
    // glued to its value is joined (`boxed-spaced-labels.ts`), so the label is found.
    const doc = read([
      ['营业执照', 832, 293, 614, 102],
      ['(副本)', 1096, 412, 151, 51],
      ['名称杭州市上城区望江餐饮服务部', 173, 529, 700, 59],
      ['注册号330106667963015', 1152, 538, 494, 42],
      ['类型', 173, 608, 159, 56],
      ['个体工商户', 332, 612, 221, 48],
      ['经营 者蒋丽华', 1150, 614, 300, 45],
      ['组成形式', 180, 689, 156, 43],
      ['个人经营', 335, 688, 180, 46],
      ['注册日期二〇〇九年五月二十九日', 1152, 691, 593, 42],
      ['经营场所浙江省杭州市上城区望江路12号3幢105室', 180, 765, 926, 42],
      ['经营范围一般项目:技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广;软件开发;信息系统集成', 180, 842, 1910, 43],
      ['发照日期:2009-11-02', 1784, 1182, 377, 46],
    ]);
    expect(doc.type).toBe('business_license');
    expect(doc.fields.legalRepresentative.value).toBe('蒋丽华');
    expect(doc.fields.establishedDate.value).toBe('2009-05-29');
  });
});

/** A company licence whose representative is set high beside the name's last line, the engine joining the two. */
const runOnRepresentative = (representativeLines: Line[]): Line[] => [
  ['统一社会信用代码', 198, 71, 267, 35],
  [creditCode('MA2KNK2K1'), 196, 128, 400, 35],
  ['营业执照', 887, 257, 560, 86],
  ['名称', 146, 437, 167, 35],
  ['浙江安澜餐饮管理供应链服务', 611, 437, 433, 34],
  ['股份有限公司钟雨桐', 610, 481, 300, 33],
  ...representativeLines,
  ['成立日期', 139, 641, 133, 35],
  ['2011年3月8日', 611, 641, 200, 35],
  ['住所', 140, 721, 133, 35],
  ['浙江省杭州市西湖区文三路90号2幢301室', 611, 721, 620, 35],
  ['经营范围', 134, 800, 133, 35],
  ['一般项目:技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广;软件开发;信息系', 600, 800, 1433, 33],
];

describe("the representative's name run on after the registrant's name", () => {
  it('cuts the representative read beside its label off the end of the name, flagged', () => {
    const doc = read(
      runOnRepresentative([
        ['法定代表人', 139, 520, 170, 35],
        ['钟雨桐', 611, 520, 100, 35],
      ]),
    );
    expect(doc.fields.legalRepresentative.value).toBe('钟雨桐');
    expect(doc.fields.companyName.value).toBe('浙江安澜餐饮管理供应链服务股份有限公司');
    expect(doc.fields.companyName.issues).toContain('organisation_name_boundary_inferred');
    expect(doc.fields.companyName.needsReview).toBe(true);
  });

  it('reads the name and the representative from the joined line when the representative has no value of its own', () => {
    const doc = read(runOnRepresentative([['法定代表人', 139, 520, 170, 35]]));
    expect(doc.fields.companyName.value).toBe('浙江安澜餐饮管理供应链服务股份有限公司');
    expect(doc.fields.legalRepresentative.value).toBe('钟雨桐');
    expect(doc.fields.companyName.needsReview).toBe(true);
    expect(doc.fields.legalRepresentative.needsReview).toBe(true);
  });
});
