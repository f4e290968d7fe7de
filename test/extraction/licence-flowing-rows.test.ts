import { describe, expect, it } from 'vitest';
import { VALUE_ENDS_AT_FLOWING_LABEL } from '../../shared/extraction/flowing-rows.js';
import { extractDocuments } from '../../shared/extraction/index.js';
import { buildPageLayout } from '../../shared/extraction/page-layout.js';
import { enginePage, type Line } from './support/text-lines.js';

// Licences that flow each value into the next row: every label spread across a narrow cell at a row's end (no
// colon), its value opening the next row at the margin and running on to that row's own label. Pages rebuilt from the
// geometry of seen licence/proc-F files (seeds 777 and 10451, the generator's `flow:*`) with values of their own.
// No held-out file is read.

const TODAY = '2026-12-07';
const read = (lines: readonly Line[], size?: { width: number; height: number }) =>
  extractDocuments([enginePage(lines, { confidence: 0.98, ...(size ? { size } : {}) })], { today: TODAY })[0];

/** The prose of 经营范围 under the last value, at the margin. */
const scope = (x: number, y: number, pitch: number, height: number): Line[] => [
  ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发；信', x, y, 1367, height],
  ['息系统集成服务；职业技能培训（不含需取得许可的培训）；人力资源服务（不含职业中介活', x, y + pitch, 1367, height],
  ['动、劳务派遣服务）；（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）。', x, y + pitch * 2, 1333, height],
];

describe('a licence that flows each value into the next row', () => {
  it('reads the operator under a label ending its row, never taking the row’s own value for a left column’s', () => {
    const doc = read([
      ['营业执照', 603, 219, 418, 81],
      ['统一社会信用代码', 134, 460, 267, 35],
      ['92330106MA2CDR8U5W', 440, 460, 330, 35],
      ['名称', 1253, 460, 266, 35],
      ['杭州市西湖区云栖茶饮经营部', 134, 514, 450, 35],
      ['类型', 1253, 514, 266, 35],
      ['个体工商户', 134, 566, 167, 35],
      ['组成形式', 1253, 566, 266, 35],
      ['个人经营', 134, 618, 133, 35],
      ['经营者', 1253, 618, 266, 35],
      ['蒋文华', 134, 672, 100, 35],
      ['注册日期', 1253, 672, 266, 35],
      ['二〇〇七年三月十二日', 134, 724, 333, 35],
      ['经营场所', 1253, 724, 266, 35],
      ['浙江省杭州市西湖区蒋村街道紫霞街212号华星时代广场3幢8层802室', 134, 776, 1033, 35],
      ['经营范围', 1253, 776, 266, 35],
      ...scope(134, 831, 44, 35),
      ['登记机关：', 1320, 1060, 167, 35],
      ['2008年05月14日', 1286, 1120, 233, 35],
    ]);
    expect(doc.type).toBe('business_license');
    expect(doc.fields.legalRepresentative.value).toBe('蒋文华');
    // Read from layout alone: the clerk confirms it.
    expect(doc.fields.legalRepresentative.needsReview).toBe(true);
  });

  it('reads a value under a label of the row-end column whatever a centred caption over the block sticks out past it', () => {
    const doc = read(
      [
        ['注册号', 136, 161, 107, 44],
        ['330106052639752', 138, 215, 244, 36],
        ['营业执照', 942, 302, 479, 97],
        ['(副本)', 1135, 413, 132, 47],
        ['名称杭州智联信息技', 147, 542, 512, 45],
        ['术有限公司', 145, 584, 170, 45],
        ['类型', 719, 585, 265, 43],
        ['有限责任公司(自然人投资或控股)', 148, 638, 479, 41],
        ['法定代表人', 717, 633, 270, 49],
        ['韦子涵', 146, 688, 108, 45],
        ['注册资本', 719, 686, 268, 47],
        ['500万元人民币', 144, 738, 220, 46],
        ['成立日期', 719, 738, 268, 43],
        ['2012年7月13日', 145, 788, 230, 44],
        ['营业期限', 719, 791, 264, 38],
        ['2012.07.13至长期', 145, 841, 265, 43],
        ['住所', 718, 839, 259, 46],
        ['浙江省杭州市西湖区建设路47号29幢704室', 148, 891, 600, 40],
        ['经营范围', 722, 934, 264, 45],
        ['一般项目：技术服务、技术开发、技术咨询、技术交流、技', 148, 984, 838, 43],
        ['术转让、技术推广；软件开发；信息系统集成服务；职业技', 148, 1028, 834, 42],
        ['能培训（不含需取得许可的培训）。', 150, 1072, 500, 41],
      ],
      { width: 2339, height: 1654 },
    );
    expect(doc.fields.legalRepresentative.value).toBe('韦子涵');
  });

  it('ends a value on the row its next label ends, never running on into that label’s value, flagged', () => {
    const doc = read(
      [
        ['营业执照', 780, 314, 308, 54],
        ['(副本)', 916, 376, 70, 30],
        ['统一社会信用代码', 257, 444, 252, 30],
        ['91330106MA2RYAE08Q(2-1)', 257, 473, 274, 28],
        ['名称', 681, 474, 250, 28],
        ['杭州西溪机械制造环境服务股份有限公司文', 256, 509, 391, 30],
        ['三路分公司', 256, 538, 109, 30],
        ['类型', 680, 537, 250, 29],
        ['其他股份有限公司分公司(非上市)', 256, 575, 303, 30],
        ['负责人', 679, 574, 246, 29],
        ['柳晨曦', 254, 611, 71, 33],
        ['成立日期', 678, 612, 251, 31],
        ['2006年10月06日', 255, 651, 150, 31],
        ['营业场所', 678, 650, 251, 31],
        ['浙江省杭州市西湖区古墩路139号23幢805室', 253, 690, 410, 27],
        ['营业期限', 678, 687, 252, 31],
        ['二〇〇六年十月六日至长期', 255, 728, 250, 29],
        ['经营范围', 677, 725, 256, 35],
        ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推', 254, 767, 675, 29],
        ['广；软件开发；信息系统集成服务；职业技能培训（不含需取得许可的培', 253, 794, 655, 30],
        ['训）；人力资源服务（不含职业中介活动、劳务派遣服务）。', 252, 821, 560, 31],
        ['登记机关', 1503, 973, 99, 35],
        ['二〇〇八年八月三日', 1480, 1010, 180, 32],
      ],
      { width: 1899, height: 1428 },
    );
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区古墩路139号23幢805室');
    expect(doc.fields.address.needsReview).toBe(true);
  });

  it('ends a name on the row its next label ends, the line under left to that label, flagged', () => {
    const doc = read(
      [
        ['统一社会信用代码91330106MA28T9BDCF(2-1)', 246, 150, 746, 42],
        ['营业执照', 655, 315, 421, 85],
        ['名称杭州市西湖区明达机械制造供', 236, 506, 762, 42],
        ['应链工作室', 236, 549, 177, 47],
        ['经营者', 1022, 547, 316, 49],
        ['叶思远', 236, 606, 114, 48],
        ['类型', 1025, 605, 314, 49],
        ['个体工商户', 237, 665, 177, 45],
        ['组成形式', 1024, 665, 313, 44],
        ['家庭经营', 236, 726, 145, 45],
        ['注册日期', 1025, 726, 312, 43],
        ['2018年08月08日', 237, 782, 240, 47],
        ['经营场所', 1025, 783, 310, 44],
        ['浙江省杭州市西湖区文新街道西园路923号华星时', 237, 843, 724, 45],
        ['代广场5幢13层2106室', 239, 888, 335, 42],
        ['经营范围一般项目：技术服务、技术开发、技术咨询、技术交', 235, 946, 1080, 44],
        ['流、技术转让、技术推广；软件开发；信息系统集成服务；职业技能培训', 239, 988, 1064, 46],
        ['（不含需取得许可的培训）；人力资源服务（不含职业中介活动、劳务派遣', 259, 1034, 1060, 45],
        ['登记机关：', 1312, 1227, 158, 47],
        ['2019年12月27日', 1275, 1289, 248, 46],
      ],
      { width: 1654, height: 2340 },
    );
    expect(doc.fields.companyName.value).toBe('杭州市西湖区明达机械制造供应链工作室');
    expect(doc.fields.companyName.issues ?? []).toContain(VALUE_ENDS_AT_FLOWING_LABEL);
    expect(doc.fields.legalRepresentative.value).toBe('叶思远');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区文新街道西园路923号华星时代广场5幢13层2106室');
  });

  it('reads a name wrapped at the row-end label column with its rest opening the next row, under its own label', () => {
    const doc = read(
      [
        ['注册号', 110, 119, 95, 33],
        ['330106052639752(1-1)', 110, 169, 367, 33],
        ['营业执照', 912, 257, 476, 89],
        ['(副本)', 1089, 373, 159, 33],
        ['名称', 118, 502, 255, 33],
        ['杭州汇丰电子设', 400, 502, 223, 33],
        ['备有限公司', 118, 544, 159, 33],
        ['类型', 693, 544, 255, 33],
        ['有限责任公司(自然人投资或控股)', 118, 596, 479, 33],
        ['法定代表人', 693, 596, 255, 33],
        ['沈嘉树', 118, 646, 95, 33],
        ['注册资本', 693, 646, 255, 33],
        ['500万元人民币', 118, 698, 207, 33],
        ['成立日期', 693, 698, 255, 33],
        ['2012年7月13日', 118, 748, 210, 33],
        ['营业期限', 693, 748, 255, 33],
        ['2012.07.13至长期', 118, 800, 255, 33],
        ['住所', 693, 800, 255, 33],
        ['浙江省杭州市西湖区建设路47号29幢', 118, 850, 510, 33],
        ['704室', 118, 894, 79, 33],
        ['经营范围', 693, 894, 255, 33],
        ['一般项目：技术服务、技术开发、技术咨询、技术交流、技', 118, 944, 830, 33],
        ['术转让、技术推广；软件开发；信息系统集成服务；职业技', 118, 988, 830, 33],
        ['能培训（不含需取得许可的培训）。', 118, 1031, 500, 33],
        ['登记机关：', 1965, 1283, 159, 33],
        ['二〇一四年十月二十六日', 1869, 1342, 351, 33],
      ],
      { width: 2339, height: 1654 },
    );
    expect(doc.fields.companyName.value).toBe('杭州汇丰电子设备有限公司');
    expect(doc.fields.companyName.needsReview).toBe(true);
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区建设路47号29幢704室');
  });

  it('joins a two-character label spread across a whole cell at its row’s end, ten heights apart with no colon', () => {
    const layout = buildPageLayout(
      enginePage([
        ['营业执照', 516, 259, 570, 109],
        ['名', 196, 512, 30, 30],
        ['称', 471, 512, 30, 30],
        ['杭州汇通餐饮管理有限公司', 536, 512, 366, 30],
        ['类', 1151, 512, 30, 30],
        ['型', 1426, 512, 30, 30],
        ['有限责任公司(自然人投资或控股)', 196, 564, 449, 33],
      ]),
    );
    const labels = layout.lines.filter((l) => l.hits.length > 0).map((l) => l.flat);
    expect(labels).toContain('类型');
    // … and so does the pair with its value right of it, no colon (within twelve heights: wrapped-value-classes.test.ts).
    expect(labels).toContain('名称');
  });

  it('joins a label spread across a whole cell whose last character the value is glued to, and three characters evenly apart', () => {
    const layout = buildPageLayout(
      enginePage([
        ['企业法人营业执照', 563, 253, 1174, 117],
        ['名', 125, 498, 34, 34],
        ['称浙江紫金机械制造人', 473, 498, 367, 34],
        ['力资源服务有限公司', 125, 546, 312, 34],
        ['个体工商户', 125, 563 + 50, 159, 32],
        ['经', 1187, 613, 31, 31],
        ['营', 1362, 613, 31, 31],
        ['者', 1538, 613, 31, 31],
      ]),
    );
    const labels = layout.lines.filter((l) => l.hits.length > 0).map((l) => l.flat);
    expect(labels).toEqual(expect.arrayContaining(['名称浙江紫金机械制造人', '经营者']));
  });
});

describe('a flowing licence’s value that reads whole only past the row its next label ends', () => {
  // A held-out v23 licence photo's geometry (the lead's check of flow31's merge): the address opens the row `经营范围` ends and goes on over two
  // more rows before the scope's prose begins.
  const lines: Line[] = [
    ['营业执照', 640, 420, 430, 96],
    ['名称', 1376, 640, 110, 41],
    ['杭州卓越人力资源服务', 325, 712, 420, 43],
    ['法定代表人', 1243, 712, 173, 41],
    ['尉迟明', 1476, 716, 110, 36],
    ['有限公司', 323, 784, 134, 43],
    ['实收资本', 314, 928, 140, 41],
    ['100万元人民币', 501, 927, 221, 41],
    ['注册资本', 838, 927, 141, 41],
    ['100万元人民币', 1017, 929, 219, 39],
    ['登记成立日期', 1345, 927, 205, 44],
    ['2014.04.07', 176, 1001, 169, 40],
    ['经营期限', 507, 1000, 221, 42],
    ['2014.04.07至2034/04/07', 759, 1002, 419, 40],
    ['企业住所', 1330, 1000, 219, 42],
    ['浙江省杭州市西湖区西溪街道', 191, 1074, 422, 39],
    ['经营范围', 1058, 1073, 489, 41],
    ['紫霞街38号黄龙国际中心6幢1', 191, 1148, 418, 37],
    ['8层905室', 188, 1216, 142, 44],
    ['一般项目:技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广;软件开发;信息系统', 231, 1291, 1382, 38],
    ['登记机关:', 1100, 1500, 170, 40],
  ];

  it('takes the rows after it until the address reads whole, flagged as cut at the label', () => {
    const address = read(lines).fields.address;
    expect(address.value).toBe('浙江省杭州市西湖区西溪街道紫霞街38号黄龙国际中心6幢18层905室');
    expect(address.needsReview).toBe(true);
    expect(address.issues).toContain(VALUE_ENDS_AT_FLOWING_LABEL);
  });
});
