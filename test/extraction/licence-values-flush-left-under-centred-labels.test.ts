import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { creditCode } from './support/documents.js';
import { enginePage as engineRead, type Line } from './support/text-lines.js';

// Business licences (licence20, class 1 of the lead's list): a heading grid whose right column centres its labels over
// values set flush left at the column's edge, so a short value (a representative of three characters) sits wholly left
// of its label. Rebuilt on constructed engine lines from the geometry of a seen photo (proc-E), values of their own.
// No eval file is read.

const TODAY = '2026-12-06';

const enginePage = (lines: readonly Line[]) => engineRead(lines, { size: { width: 1240, height: 1754 }, confidence: 0.99, typeShare: 0.75 });
const read = (lines: readonly Line[]) => extractDocuments([enginePage(lines)], { today: TODAY })[0];

const centredColumn = (representativeX: number): Line[] => [
  ['营业执照', 652, 252, 241, 61],
  ['（副本）', 756, 308, 55, 30],
  ['统一社会信用代码', 394, 355, 135, 33],
  [`${creditCode('MA27QX3L5')}（1-1)`, 229, 382, 228, 36],
  ['类', 858, 385, 20, 21],
  ['型', 964, 389, 21, 22],
  ['有限责任公司（自然人投资或控股）', 699, 408, 230, 37],
  ['名', 390, 426, 23, 24],
  ['称', 501, 432, 25, 24],
  ['杭州云溪数据服务有限公司', 224, 452, 199, 34],
  ['法定代表人', 877, 451, 82, 30],
  ['欧阳岚', representativeX, 476, 57, 30],
  ['注册资本', 392, 496, 121, 33],
  ['500万元人民币', 219, 523, 127, 31],
  ['成立日期', 859, 521, 116, 31],
  ['二〇一二年五月八日', 693, 547, 176, 34],
  ['营业期限', 387, 567, 122, 32],
  ['住', 848, 592, 24, 23],
  ['所', 956, 595, 25, 25],
  ['2012/05/08至长期', 213, 606, 151, 32],
  ['浙江省杭州市西湖区文三路88号西溪谷国际商务中心', 688, 618, 434, 45],
  ['5幢12层1203室', 688, 641, 128, 28],
  ['财务负责人', 399, 661, 87, 31],
  ['郑海燕', 204, 687, 61, 31],
  ['用名', 876, 682, 95, 31],
  ['杭州云溪信息技术有限公司', 684, 710, 195, 33],
  ['经营范围', 616, 744, 120, 30],
  ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发。', 215, 763, 911, 62],
  ['登记机关：', 183, 871, 79, 29],
  ['2013-02-17', 181, 901, 96, 26],
];

describe('a value set flush left in a column of centred labels', () => {
  it('reads a short representative set at the column’s left edge, wholly left of its centred label', () => {
    const doc = read(centredColumn(694));
    expect(doc.type).toBe('business_license');
    expect(doc.fields.legalRepresentative.value).toBe('欧阳岚');
    // Read by its label, as the column's other values are: no guess for the clerk to confirm.
    expect(doc.fields.legalRepresentative.needsReview).toBe(false);
  });

  it('reads the representative as before when it starts under its label', () => {
    const doc = read(centredColumn(880));
    expect(doc.fields.legalRepresentative.value).toBe('欧阳岚');
  });
});
