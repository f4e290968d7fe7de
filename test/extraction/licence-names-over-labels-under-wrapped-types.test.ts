import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { enginePage as engineRead, type Line } from './support/text-lines.js';

// Business licences (licence20, class 2 of the lead's list): a narrow label column that stacks values in it, the
// registrant type wrapped under `类型：` and the representative right over `法定代表人：`, tight under the type's last
// line. Rebuilt on constructed engine lines from the geometry of a seen small photo (proc-C), values of their own. No
// eval file is read.

const TODAY = '2026-12-06';

const enginePage = (lines: readonly Line[]) => engineRead(lines, { size: { width: 920, height: 650 }, confidence: 0.99, typeShare: 0.75 });
const read = (lines: readonly Line[]) => extractDocuments([enginePage(lines)], { today: TODAY })[0];

const narrowColumn: Line[] = [
  ['注册号330106015587213', 58, 39, 178, 18],
  ['企业法人营业执照', 286, 82, 348, 30],
  ['（副本）', 444, 115, 53, 19],
  ['名称：', 45, 155, 39, 19],
  ['杭州明德电子', 182, 154, 74, 19],
  ['科技股份有限', 183, 171, 74, 17],
  ['公司', 183, 185, 28, 19],
  ['类型：', 63, 210, 36, 17],
  ['其他股份有限', 45, 225, 75, 19],
  ['公司（非上市)', 48, 242, 70, 16],
  ['宋文静', 69, 264, 40, 19],
  ['法定代表人：', 43, 280, 87, 20],
  ['300万元人民币', 182, 290, 85, 20],
  ['注册资本：', 44, 304, 61, 19],
  ['实收资本：', 44, 327, 60, 19],
  ['300万元人民币', 184, 337, 83, 17],
  ['成立日期：', 44, 352, 130, 17],
  ['2011年3月15日', 183, 352, 87, 17],
  ['营业期限：', 44, 374, 61, 20],
  ['2011年03月15日至长期', 45, 392, 130, 17],
  ['住所：', 44, 415, 39, 18],
  ['浙江省杭州市西湖区', 183, 414, 108, 19],
  ['文三路120号3幢5', 182, 430, 107, 19],
  ['01室', 182, 447, 31, 17],
  ['经营范围：', 43, 469, 71, 20],
  ['一般项目：技术服务、技术开发、技术咨询、技术交流，技术转让、技术推广：软件开发；信息', 185, 470, 485, 17],
  ['登记机关', 815, 579, 60, 20],
  ['2011年10月20日', 798, 601, 99, 18],
];

describe('a name stacked over its label under the wrapped value of the label above', () => {
  it('reads the representative alone, the type’s wrapped lines over it left to the type', () => {
    const doc = read(narrowColumn);
    expect(doc.type).toBe('business_license');
    expect(doc.fields.legalRepresentative.value).toBe('宋文静');
  });
});
