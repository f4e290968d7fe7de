import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { withSpreadLabelHeadsCut } from '../../shared/extraction/spread-label-heads.js';
import type { OcrLine } from '../../shared/ocr/index.js';
import { textLayerPage as page, type Line } from './support/text-lines.js';

// Issue 12 (digital; a new seed-313 sample): a justified label `等　　　级` whose first character the text layer puts
// in the box of the value before it, after a wide gap: `职业(工种)名称…师　　等` | `级` | `国家职业资格二级`. The
// occupation was read `…师等`, unflagged. Constructed text-layer lines with values of their own.

const TODAY = '2026-12-04';

const certificate = (occupationBox: string, width: number): Line[] => [
  ['中华人民共和国职业资格证书', 210, 150, 1216, 78],
  ['申请人姓名', 165, 339, 200, 33],
  ['孙明哲', 440, 339, 143, 33],
  ['，性', 658, 339, 88, 33],
  ['别', 879, 339, 33, 33],
  ['女', 1003, 339, 33, 33],
  ['，身份证件号码', 1127, 339, 361, 33],
  ['330106199203150425', 226, 417, 333, 36],
  ['。', 620, 417, 33, 33],
  [occupationBox, 165, 525, width, 36],
  ['级', 1042, 525, 33, 33],
  ['国家职业资格三级', 1146, 525, 272, 33],
  ['证', 165, 602, 33, 33],
  ['书', 282, 602, 33, 33],
  ['号', 399, 602, 33, 33],
  ['1633010600451287', 501, 602, 296, 36],
  ['。', 867, 602, 33, 33],
  ['认定机构：浙江省人力资源和社会保障厅', 888, 796, 600, 33],
  ['2019年06月12日', 1064, 856, 248, 36],
];

const line = (text: string, x: number, width: number): OcrLine => ({ text, confidence: 1, box: { x, y: 525, width, height: 33 } });

describe('a spread label’s first character at the end of the value before it', () => {
  it('reads the occupation without the level label’s first character', () => {
    const doc = extractDocuments([page(certificate('职业(工种)名称健康管理师　　等', 544))], { today: TODAY })[0];
    expect(doc.fields.occupation.value).toBe('健康管理师');
    expect(doc.fields.level.value).toBe(3);
  });

  it('gives the character a box of its own where it stood and ends the value before the gap', () => {
    const out = withSpreadLabelHeadsCut([line('职业(工种)名称健康管理师　　等', 165, 544), line('级', 1042, 33)]);
    expect(out.map((l) => l.text)).toEqual(['职业(工种)名称健康管理师', '等', '级']);
    expect(out[1].box.x + out[1].box.width).toBeCloseTo(165 + 544, 0);
    expect(out[0].box.x + out[0].box.width).toBeLessThan(out[1].box.x);
  });

  it('keeps a last character that starts no label the next box goes on with', () => {
    const lines = [line('职业(工种)名称健康管理师　　等', 165, 544), line('国家职业资格三级', 1042, 272)];
    expect(withSpreadLabelHeadsCut(lines)).toEqual(lines);
  });

  it('keeps a last character set without a gap (a value that ends in it)', () => {
    const lines = [line('职业(工种)名称健康管理师等', 165, 478), line('级', 1042, 33)];
    expect(withSpreadLabelHeadsCut(lines)).toEqual(lines);
  });

  it('keeps the character when the box after it is beyond a spread label’s reach', () => {
    const lines = [line('职业(工种)名称健康管理师　　等', 165, 544), line('级', 165 + 544 + 33 * 13, 33)];
    expect(withSpreadLabelHeadsCut(lines)).toEqual(lines);
  });
});

describe('a spread label’s first character boxed alone under the value above it', () => {
  // A 个体工商户 licence (seen family proc-CS, clean scan): the operator's name `钟静` stacked under a spread
  // `经　营　者：`, then `经　营　场　所：` spread, its `经` left alone flush under the name when the other pieces were
  // joined. The name was read `钟静经` (flagged). Constructed lines, boxed as the engine boxed them, with values of
  // their own.
  const licence = (placeRow: Line[]): Line[] => [
    ['营业执照', 823, 227, 636, 125],
    ['(副 本)', 1104, 371, 133, 46],
    ['名', 171, 462, 37, 41],
    ['称：', 392, 451, 112, 54],
    ['杭州市西湖区明远电子商务经营部', 479, 447, 560, 42],
    ['统一社会信用代码：92330106MA2B7K4N5X', 1178, 462, 671, 41],
    ['经', 169, 519, 41, 40],
    ['营', 296, 519, 44, 43],
    ['者：', 422, 518, 69, 46],
    ['彭宇', 168, 562, 76, 44],
    ['类型：', 1176, 564, 161, 43],
    ['个体工商户', 1496, 562, 169, 44],
    ['所：', 391, 615, 69, 47],
    ['浙江省杭州市西湖区文二路88号5幢1203室', 492, 603, 617, 39],
    ['个人经营', 1496, 608, 137, 43],
    ...placeRow,
    ['组成形式：', 1174, 619, 193, 45],
    ['注', 171, 682, 38, 36],
    ['册', 246, 682, 38, 36],
    ['日', 319, 684, 39, 34],
    ['期：', 391, 682, 69, 37],
    ['2011年03月18日', 491, 684, 251, 36],
    ['登记机关：', 1989, 946, 200, 44],
    ['2011.03.25', 1988, 1011, 185, 44],
  ];

  it('reads the operator’s name without the label’s first character', () => {
    const doc = extractDocuments(
      [
        page(
          licence([
            ['经', 171, 623, 42, 35],
            ['营', 248, 623, 38, 36],
            ['场', 315, 623, 44, 35],
          ]),
          { width: 2340, height: 1654 },
        ),
      ],
      { today: TODAY },
    )[0];
    expect(doc.type).toBe('business_license');
    expect(doc.fields.legalRepresentative.value).toBe('彭宇');
  });

  it('still takes a lone character under the name when no label goes on from it', () => {
    const doc = extractDocuments(
      [
        page(
          licence([
            ['杰', 171, 608, 42, 42],
            ['营', 248, 623, 38, 36],
            ['场', 315, 623, 44, 35],
          ]),
          { width: 2340, height: 1654 },
        ),
      ],
      { today: TODAY },
    )[0];
    expect(doc.fields.legalRepresentative.value).toBe('彭宇杰');
    expect(doc.fields.legalRepresentative.needsReview).toBe(true);
  });
});

describe('a spread label’s first character read after a code, across a scan’s gap', () => {
  // A branch licence (seen family proc-D, clean scan): `名　　称` spread far apart right of the credit code; the engine
  // boxed `名` with the code (`91330106NDB73KPDY8_名`, the gap read as `_`) and `称` with the name's first line. The
  // name was lost (flagged). Constructed lines, boxed as the engine boxed them, with values of their own.
  const licence = (codeBox: string): Line[] => [
    ['营业执照', 528, 295, 559, 109],
    ['统一社会信用代码', 196, 499, 284, 44],
    [codeBox, 504, 510, 466, 47],
    ['称杭州远景信息', 1170, 499, 283, 44],
    ['(2-1)', 512, 549, 84, 46],
    ['科技有限公司', 1238, 546, 213, 46],
    ['杭州西湖区分', 1240, 596, 211, 39],
    ['公司', 1233, 636, 84, 54],
    ['负责', 925, 715, 156, 51],
    ['人', 1142, 725, 29, 29],
    ['类型', 190, 762, 91, 49],
    ['有限责任公司分公司(自', 504, 763, 362, 45],
    ['陈立', 1014, 762, 80, 47],
    ['然人投资或控股)', 503, 811, 260, 47],
    ['营业期限', 195, 885, 250, 47],
    ['2011年3月9日至2031年', 505, 888, 393, 40],
    ['成立日期', 920, 887, 178, 44],
    ['2011年03月', 1239, 886, 190, 44],
    ['03月08日', 501, 936, 154, 44],
    ['09日', 1237, 934, 80, 43],
    ['浙江省杭州市西湖区蒋村街道文三路183', 229, 1058, 616, 42],
    ['号紫金港科技城创业大厦11幢9层2103室', 230, 1107, 621, 41],
    ['(营业场所)', 207, 1162, 243, 43],
    ['登记机关：', 1277, 1550, 163, 47],
    ['2011-03-15', 1277, 1617, 185, 40],
  ];
  const read = (codeBox: string) => extractDocuments([page(licence(codeBox), { width: 1654, height: 2340 })], { today: TODAY })[0];

  it('reads the name after the label joined again, with every line it wraps onto', () => {
    const doc = read('91330106MA2B7K4N5X_名');
    expect(doc.type).toBe('business_license');
    expect(doc.fields.companyName.value).toBe('杭州远景信息科技有限公司杭州西湖区分公司');
  });

  it('cuts the character after one space when a code stands before it', () => {
    const out = withSpreadLabelHeadsCut([line('91330106MA2B7K4N5X 名', 504, 466), line('称杭州远景信息', 1170, 283)]);
    expect(out.map((l) => l.text)).toEqual(['91330106MA2B7K4N5X', '名', '称杭州远景信息']);
  });

  it('keeps a character after one space in Chinese text (a value that ends in it)', () => {
    const lines = [line('职业(工种)名称健康管理师 等', 165, 478), line('级', 1042, 33)];
    expect(withSpreadLabelHeadsCut(lines)).toEqual(lines);
  });
});
