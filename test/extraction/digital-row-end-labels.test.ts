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
