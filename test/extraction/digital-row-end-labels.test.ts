import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { buildPageLayout } from '../../shared/extraction/page-layout.js';
import { type Line, textLayerPage } from './support/text-lines.js';

// Digital licences whose label ends a row and whose value opens the next row at the margin, wrapping in a narrow
// blank there. Pages built from constructed lines with values of their own (the geometry of a fill-in licence whose
// labels are set to a cell's width); no eval file is read.

const TODAY = '2026-12-07';
const LANDSCAPE = { width: 2339, height: 1653 };
const read = (lines: readonly Line[]) => extractDocuments([textLayerPage(lines, LANDSCAPE)], { today: TODAY })[0];

describe('a label’s colon boxed apart at the end of its cell', () => {
  const page: Line[] = [
    ['企业法人营业执照', 369, 222, 888, 86],
    ['注册号', 205, 432, 224, 32],
    [':', 456, 432, 32, 32],
    ['330106000123458', 576, 432, 246, 34],
    ['名称', 1166, 432, 224, 32],
    [':', 1417, 432, 32, 32],
    ['杭州西溪电', 261, 507, 163, 32],
    ['类型:', 483, 507, 292, 32],
    ['有限责任公司', 845, 507, 228, 32],
    ['法定代表人姓名:', 1144, 507, 304, 32],
    ['子商务有限', 261, 580, 163, 32],
    ['公司', 261, 653, 64, 32],
    ['陈立平', 1180, 580, 96, 32],
    ['经营范围', 205, 1095, 224, 32],
    [':', 1417, 1095, 32, 32],
    ['一般项目:技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广;软件开发;信息系统集成服务', 261, 1168, 1244, 32],
    ['登记机关:', 1209, 1468, 160, 32],
  ];

  it('joins the colon to the label it follows on its row, and leaves one set across the row apart', () => {
    // Act
    const layout = buildPageLayout(textLayerPage(page, LANDSCAPE));
    // Assess
    const flats = layout.lines.map((l) => l.flat);
    expect(flats).toContain('注册号:');
    expect(flats).toContain('名称:');
    expect(flats).toContain('经营范围');
    expect(flats.filter((f) => f === ':')).toHaveLength(1);
  });

  it('reads the name that opens the next row and wraps in its narrow blank, flagged', () => {
    const doc = read(page);
    expect(doc.type).toBe('business_license');
    expect(doc.fields.companyName.value).toBe('杭州西溪电子商务有限公司');
    expect(doc.fields.companyName.needsReview).toBe(true);
  });
});

describe('a value at the next row’s margin whose end reaches under a label of the row over it', () => {
  it('reads the address after `；地址` ending its row, though its end lies under `；成立日期`', () => {
    const doc = read([
      ['证照编号:125256416305887', 1666, 85, 444, 36],
      ['营业执照', 935, 214, 437, 86],
      ['企业名称', 189, 444, 148, 33],
      ['杭州之江电气设', 386, 444, 238, 33],
      [';注册号', 668, 444, 148, 33],
      ['330106000123458 (2-1)', 849, 444, 361, 36],
      [';类型', 1238, 444, 110, 33],
      ['有限责任公司', 1378, 444, 238, 33],
      [';法定代表人', 1641, 444, 225, 33],
      ['孙立群', 1936, 444, 110, 33],
      [';', 2116, 444, 33, 33],
      ['备工程服务有限', 386, 521, 238, 33],
      ['(自然人投资或', 1378, 521, 238, 36],
      ['公司', 386, 598, 67, 33],
      ['控股)', 1378, 598, 78, 36],
      ['注册资本', 189, 673, 142, 33],
      ['100万元人民币', 366, 673, 236, 36],
      [';成立日期', 637, 673, 178, 33],
      ['2003/04/07 ;营业期限', 854, 673, 561, 36],
      ['2003.04.07至二〇二三年四月七日', 1465, 673, 528, 36],
      [';地址', 2044, 673, 106, 33],
      ['浙江省杭州市西湖区古荡街道', 226, 750, 442, 33],
      [';', 705, 750, 33, 33],
      ['许可经营项目', 940, 750, 1210, 33],
      ['文三路980号华星时代广场1', 226, 827, 442, 36],
      ['幢4层505室', 226, 904, 174, 36],
      ['一般项目:技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广;软件开发;信息', 205, 981, 1428, 33],
      ['登记机关:', 1700, 1300, 160, 33],
    ]);
    expect(doc.type).toBe('business_license');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区古荡街道文三路980号华星时代广场1幢4层505室');
  });
});

describe('a date’s head ending a row of run-on prose short of the block’s edge', () => {
  // A contract's fill-in prose as a text layer gives it: labels spread character by character, the date's head
  // `2021年` ending the row 31 px short of the block's widest row, its rest `10月4日` opening the next row.
  const lines: Line[] = [
    ['劳动合同（简易版）', 437, 164, 760, 67],
    ['用', 142, 323, 31, 31],
    ['工', 203, 323, 31, 31],
    ['单', 264, 323, 31, 31],
    ['位:', 325, 323, 41, 31],
    ['浙', 437, 323, 31, 31],
    ['江', 495, 323, 31, 31],
    ['钱', 554, 323, 31, 31],
    ['塘', 613, 323, 31, 31],
    ['电', 672, 323, 31, 31],
    ['气', 731, 323, 31, 31],
    ['设', 790, 323, 31, 31],
    ['备', 849, 323, 31, 31],
    ['数', 908, 323, 31, 31],
    ['字', 967, 323, 31, 31],
    ['服', 1026, 323, 31, 31],
    ['务', 1085, 323, 31, 31],
    ['股', 1144, 323, 31, 31],
    ['份', 1203, 323, 31, 31],
    ['有', 1262, 323, 31, 31],
    ['限', 1321, 323, 31, 31],
    ['公', 1380, 323, 31, 31],
    ['司', 1439, 323, 31, 31],
    ['社会信用代码:', 142, 394, 224, 31],
    ['91330106MA27XQ3L2K', 434, 394, 344, 31],
    ['法定代表人姓名:', 850, 394, 282, 31],
    ['陈立', 1161, 394, 65, 31],
    ['地', 1254, 394, 65, 31],
    ['址:', 1471, 394, 41, 31],
    ['浙江省杭州市西湖区古荡街道天目山路218 号西溪谷国际商务中心11 幢12 层1203 室', 203, 465, 1247, 31],
    ['受', 142, 534, 31, 31],
    ['聘', 233, 534, 31, 31],
    ['人:', 325, 534, 41, 31],
    ['欧', 485, 534, 31, 31],
    ['阳', 588, 534, 31, 31],
    ['芳', 691, 534, 31, 31],
    ['证', 943, 534, 31, 31],
    ['件', 1004, 534, 31, 31],
    ['号', 1066, 534, 31, 31],
    ['码: 330106198005187613', 1127, 534, 416, 31],
    ['联', 142, 604, 31, 31],
    ['系', 203, 604, 31, 31],
    ['电', 264, 604, 31, 31],
    ['话:', 325, 604, 41, 31],
    ['13757123456', 426, 604, 182, 31],
    ['合', 671, 604, 63, 31],
    ['同', 764, 604, 31, 31],
    ['类', 825, 604, 31, 31],
    ['型: 有固定期限　起', 886, 604, 305, 31],
    ['始', 1222, 604, 31, 31],
    ['日', 1283, 604, 31, 31],
    ['期:', 1344, 604, 41, 31],
    ['2021年', 1414, 604, 97, 31],
    ['10月4日', 142, 675, 109, 31],
    ['合同期限至:', 281, 675, 254, 31],
    ['2022.10.03', 584, 675, 154, 31],
    ['工', 785, 675, 61, 31],
    ['作', 877, 675, 31, 31],
    ['岗', 938, 675, 31, 31],
    ['位:', 999, 675, 41, 31],
    ['电工', 1075, 675, 153, 31],
    ['。', 1263, 675, 31, 31],
    ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 142, 771, 843, 30],
    ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 142, 771, 843, 30],
    ['甲方（盖章）：', 142, 979, 198, 33],
    ['乙方（签字）：', 827, 979, 198, 33],
  ];
  const portrait = (page: readonly Line[]) => extractDocuments([textLayerPage(page)], { today: TODAY })[0];

  it('reads `起始日期：2021年` | `10月4日` at the next row’s margin as one date, flagged', () => {
    const doc = portrait(lines);
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.startDate).toMatchObject({ value: '2021-10-04', needsReview: true });
  });

  it('takes no margin line for a head that ends its row two words short of the edge', () => {
    // The ID's row set wider: the head now ends its row nearly four heights short of the block's edge.
    const doc = portrait(lines.map((l): Line => (l[0].startsWith('码:') ? [l[0], l[1], l[2], 504, l[4]] : l)));
    expect(doc.fields.startDate.value).toBeNull();
  });
});
