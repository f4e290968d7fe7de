import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { creditCode } from './support/documents.js';
import { enginePage as engineRead, type Line } from './support/text-lines.js';

// Issue 12 class 4 on business licences (licence19): a 个体工商户 registered as a `…工作室` (a studio), the 类型 row's
// value `个体工商户` set low, between its label's row and the next, and joined to the name as its wrap. Rebuilt on
// constructed engine lines from the geometry of a seen clean scan (proc-CS), values of their own. No eval file is read.

const TODAY = '2026-12-06';

const enginePage = (lines: readonly Line[]) => engineRead(lines, { size: { width: 1654, height: 2340 }, confidence: 0.99, typeShare: 0.75 });
const read = (lines: readonly Line[]) => extractDocuments([enginePage(lines)], { today: TODAY })[0];

const studioLicence = (name: string): Line[] => [
  ['统一社会信用代码', 108, 180, 262, 40],
  [`${creditCode('HK7QTR2C5')} (1-1)`, 105, 229, 432, 46],
  ['营业执照', 535, 216, 535, 96],
  ['名', 201, 466, 44, 40],
  ['称：', 294, 465, 60, 40],
  [name, 392, 465, 31 * [...name].length, 41],
  ['类', 201, 537, 44, 40],
  ['型：', 294, 536, 57, 41],
  ['个体工商户', 394, 565, 165, 44],
  ['经营者：', 199, 605, 139, 48],
  ['沈佳怡', 395, 608, 110, 39],
  ['组成形式：', 202, 677, 146, 43],
  ['个人经营', 395, 663, 133, 39],
  ['注册日期：', 202, 750, 151, 42],
  ['二〇一一年三月九日', 391, 753, 300, 38],
  ['经营场所：', 652, 822, 146, 39],
  ['浙江省杭州市西湖区转塘街道象山路77号2幢506室', 205, 868, 740, 37],
  ['经营范围：一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术', 203, 938, 1218, 37],
  ['登记机关：', 202, 1236, 154, 43],
  ['2012-04-20', 203, 1295, 172, 40],
];

describe('a studio’s name with the registrant type run on after it', () => {
  it('reads `…工作室` without the `个体工商户` joined as its wrap, flagged', () => {
    const doc = read(studioLicence('杭州市西湖区之江陶艺设计工作室'));
    expect(doc.type).toBe('business_license');
    expect(doc.fields.companyName.value).toBe('杭州市西湖区之江陶艺设计工作室');
    expect(doc.fields.companyName.issues).toContain('organisation_name_boundary_inferred');
  });
});
