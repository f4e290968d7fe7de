import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { textLayerPage as page, type Line } from './support/text-lines.js';

// Issue 12, classes 2 and 3 (two label/value columns, values that wrap), on a grid of label rows over value rows
// (seen family licence/proc-E): each value set at its cell's left under its label, a short value centred in its cell
// when the value beside it wraps over three lines. The representative was lost on digital PDFs and clean scans of
// the seen-family caches (`钱建玲`, `薛杰轩`, `罗浩雪`, `郭伟强`). Constructed text-layer lines with values of their own.

const TODAY = '2026-12-05';

/** Rows as the form sets them: code and type over their values, then name and 负责人, then the dates. */
const licence = (representative: Line[]): Line[] => [
  ['副本编号：27119298356', 1126, 109, 385, 37],
  ['营业执照', 606, 278, 417, 86],
  ['统一社会信用代码', 317, 469, 312, 35],
  ['类型', 1024, 469, 312, 35],
  ['有限责任公司分公', 847, 547, 278, 35],
  ['91330106MA2B7K4N5X (1-1)', 140, 594, 507, 37],
  ['司(自然人投资或', 847, 594, 255, 37],
  ['控股)', 847, 640, 81, 37],
  ['名称', 317, 719, 312, 35],
  ['负责人', 1042, 719, 278, 35],
  ['杭州明远餐饮管理人', 140, 797, 312, 35],
  ['力资源服务有限公司', 140, 842, 312, 35],
  ...representative,
  ['西湖分公司', 140, 890, 174, 35],
  ['成立日期', 334, 967, 278, 35],
  ['营业期限', 1042, 967, 278, 35],
  ['2011.3.9', 140, 1044, 154, 37],
  ['2011.03.09至长期', 847, 1044, 277, 37],
  ['营业场所', 688, 1122, 278, 35],
  ['浙江省杭州市西湖区文二路88号5幢1203室', 140, 1199, 660, 35],
  ['登记机关：', 1240, 1588, 174, 35],
  ['2011-03-15', 1240, 1640, 185, 40],
];

describe('a short value centred in its cell beside a value wrapped over three lines', () => {
  it('reads the representative from the middle line of the value row', () => {
    const doc = extractDocuments([page(licence([['彭宇杰', 847, 842, 104, 35]]))], { today: TODAY })[0];
    expect(doc.type).toBe('business_license');
    expect(doc.fields.legalRepresentative.value).toBe('彭宇杰');
    expect(doc.fields.companyName.value).toBe('杭州明远餐饮管理人力资源服务有限公司西湖分公司');
  });

  it('reads it from the value row’s top line, past the wrapped value row above', () => {
    const doc = extractDocuments([page(licence([['彭宇杰', 847, 797, 104, 35]]))], { today: TODAY })[0];
    expect(doc.fields.legalRepresentative.value).toBe('彭宇杰');
  });

  it('finds nothing in an empty cell rather than a value of the row below', () => {
    const doc = extractDocuments([page(licence([]))], { today: TODAY })[0];
    expect(doc.fields.legalRepresentative.value).toBeNull();
  });
});

describe('the last label of a grid row whose own value ends before the label starts', () => {
  // A 个体工商户 licence (seen family licence/proc-E, digital): `类型` and `名称` centred over two cells, the type at
  // the first cell's left margin, the name wrapped over three lines at the second cell's left, all of it left of
  // where `名称` starts. The type at the margin read as run-on prose after `名称` (flagged, but the name lost).
  const lines: Line[] = [
    ['统一社会信用代码　92330106MA2H8K3L5T (1-1)营业执照', 173, 167, 1202, 87],
    ['经营场所', 428, 372, 108, 27],
    ['经营者', 1144, 372, 81, 27],
    ['浙江省杭州市西湖区文三路', 146, 432, 324, 27],
    ['118号5幢1201室', 146, 468, 200, 29],
    ['韩立新', 849, 450, 81, 27],
    ['类型', 455, 566, 54, 27],
    ['名称', 1158, 566, 54, 27],
    ['个体工商户', 146, 662, 135, 27],
    ['杭州市西湖区', 849, 624, 162, 27],
    ['古荡茶饮经营', 849, 662, 162, 27],
    ['服务部', 849, 697, 81, 27],
    ['组成形式', 1131, 757, 108, 27],
    ['个人经营', 849, 818, 108, 27],
    ['注册日期', 779, 880, 108, 27],
    ['2019-4-2', 146, 940, 124, 29],
    ['登记机关：', 1926, 1489, 135, 28],
    ['发照日期：二〇二〇年五月十一日', 1777, 1539, 432, 28],
  ];

  it('reads the name from its own cell, not the first cell’s value at the margin', () => {
    const doc = extractDocuments([page(lines, { width: 2339, height: 1653 })], { today: TODAY })[0];
    expect(doc.type).toBe('business_license');
    expect(doc.fields.companyName.value).toBe('杭州市西湖区古荡茶饮经营服务部');
  });
});

describe('a grid whose first value row wraps beside a one-line value centred on it', () => {
  // A simple contract (seen family contract/proc-E, digital): circled numbers before centred labels, the employer
  // wrapped over two lines beside its credit code set level between them. The code's row overlapped the wrap's top
  // line, so the grid was not seen as labels over values and `⑥乙方` took `⑤法定代表人`'s value at the margin.
  const lines: Line[] = [
    ['劳动合同（简易版）', 421, 175, 792, 87],
    ['①用　人　单　位', 340, 345, 267, 42],
    ['②统一社会信用代码', 1031, 345, 300, 42],
    ['杭州明远餐饮管', 140, 420, 233, 42],
    ['理有限公司', 140, 466, 167, 42],
    ['91330106MA2B7K4N5X', 847, 443, 352, 42],
    ['③担保人姓名', 373, 541, 200, 42],
    ['④家　属　姓　名', 1047, 541, 267, 42],
    ['孙立平', 140, 616, 100, 42],
    ['孙晓梅', 847, 616, 100, 42],
    ['⑤法定代表人', 373, 693, 200, 42],
    ['⑥乙　　　　　　方', 1031, 693, 300, 42],
    ['周文', 140, 768, 67, 42],
    ['何平', 847, 768, 67, 42],
    ['⑦居民身份证号码', 693, 843, 267, 42],
    ['330106199003074512', 140, 918, 600, 42],
    ['⑩合同起始日期', 356, 1145, 233, 42],
    ['⑪合同终止日期', 1064, 1145, 233, 42],
    ['2021.06.24', 140, 1220, 180, 42],
    ['2024.06.23', 847, 1220, 180, 42],
    ['甲方（盖章）：', 118, 1893, 233, 42],
    ['乙方（签字）：', 827, 1893, 233, 42],
    ['签订日期：2021-06-19', 118, 1962, 347, 42],
  ];

  it('reads the employee from its own cell, not the representative at the margin', () => {
    const doc = extractDocuments([page(lines)], { today: TODAY })[0];
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.employeeName.value).toBe('何平');
  });
});
