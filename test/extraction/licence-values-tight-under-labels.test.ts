import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { creditCode } from './support/documents.js';
import { enginePage as engineRead, type Line } from './support/text-lines.js';

// Issue 12 class 3 on business licences (licence19): a landscape 副本 whose right column stacks the 营业场所 value under
// its label, in the label's column, its first line set so tight that its box reaches a third of the way up the
// label's (a photo's slant), level with the left column's next row. Rebuilt on constructed engine lines from the
// geometry of a seen photo (proc-D), values of their own. No eval file is read.

const TODAY = '2026-12-06';

const enginePage = (lines: readonly Line[]) => engineRead(lines, { size: { width: 2340, height: 1654 }, confidence: 0.99, typeShare: 0.75 });
const read = (lines: readonly Line[]) => extractDocuments([enginePage(lines)], { today: TODAY })[0];

const landscapeBranch = (addressTop: number): Line[] => [
  [`统一社会信用代码${creditCode('MA2KD41P3')}（1-1）`, 164, 129, 773, 41],
  ['营业执照', 882, 208, 538, 113],
  ['(副 本)', 1101, 339, 141, 52],
  ['名称', 152, 456, 89, 47],
  ['杭州明湖文化传媒有限', 352, 444, 360, 41],
  ['类型', 1134, 454, 116, 53],
  ['有限责任公司分公司', 1306, 443, 320, 41],
  ['公司之江分公司', 352, 488, 250, 40],
  ['营业期限', 153, 563, 143, 48],
  ['2011.03.15至长期', 500, 549, 300, 41],
  ['负责人', 1137, 565, 143, 47],
  ['欧阳丽娜', 1925, 548, 144, 45],
  ['营业场所', 1137, 624, 142, 46],
  ['成立日期', 156, 671, 140, 46],
  ['二〇一一年三月十五日', 783, 658, 327, 41],
  ['浙江省杭州市西湖区龙井路', 1139, addressTop, 407, 45],
  ['21号3幢402室', 1139, addressTop + 44, 206, 44],
  ['经营范围', 151, 778, 175, 47],
  ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发；信息系统集成服务；职业', 355, 766, 1696, 37],
  ['登记机关：', 1923, 1025, 166, 46],
  ['发照日期：2012.05.08', 1834, 1085, 353, 44],
];

describe('a value stacked under its label, its first line set tight against it', () => {
  it('reads the address whole when its first line’s box reaches a third of the way up the label’s', () => {
    const doc = read(landscapeBranch(656));
    expect(doc.type).toBe('business_license');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区龙井路21号3幢402室');
  });

  it('reads the address whole when its first line sits clear under the label', () => {
    const doc = read(landscapeBranch(668));
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区龙井路21号3幢402室');
  });
});
