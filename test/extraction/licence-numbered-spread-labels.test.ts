import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { creditCode } from './support/documents.js';
import { enginePage as engineRead, type Line } from './support/text-lines.js';

// Issue 12 class 1 on business licences (licence19): labels numbered with Chinese numerals (`三、负　责　人`), spread
// across their column or not, read by the engine with the numeral glued to the label (or its first piece) and the
// enumeration comma misread (`三·负`) or lost (`五成`, `九住所`). Rebuilt on constructed engine lines, values of their
// own. No eval file is read.

const TODAY = '2026-12-06';

const enginePage = (lines: readonly Line[]) => engineRead(lines, { size: { width: 2400, height: 1774 }, confidence: 0.99, typeShare: 0.7 });
const read = (lines: readonly Line[]) => extractDocuments([enginePage(lines)], { today: TODAY })[0];

/** A branch licence whose labels are numbered `一、` … `六、` and spread, the numeral boxed with the first piece. */
const numberedLicence = (representativeHead: string, dateHead: string): Line[] => [
  ['营业执照', 933, 255, 490, 89],
  ['统一社会信用代码', 247, 431, 248, 37],
  [`${creditCode('LQWJQ7570')}`, 520, 430, 400, 40],
  ['一、名', 247, 531, 86, 40],
  ['称：', 430, 531, 60, 40],
  ['杭州云栖网络科技有限公司西湖分公司', 520, 531, 600, 40],
  ['二、类', 247, 611, 86, 40],
  ['型：', 430, 611, 60, 40],
  ['有限责任公司分公司', 520, 611, 300, 40],
  [representativeHead, 247, 691, 86, 40],
  ['责', 360, 691, 40, 40],
  ['人：', 430, 691, 60, 40],
  ['钟志强', 520, 691, 120, 40],
  ['四、营业场所：', 247, 771, 260, 40],
  ['浙江省杭州市西湖区文三路90号3幢1201室', 520, 771, 700, 40],
  [dateHead, 247, 851, 86, 40],
  ['立', 322, 851, 40, 40],
  ['日', 384, 851, 40, 40],
  ['期：', 446, 851, 60, 40],
  ['2013年06月11日', 520, 851, 300, 40],
  ['六、经营范围：', 247, 931, 260, 40],
  ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广', 520, 931, 1300, 40],
  ['登记机关：', 1857, 1327, 143, 47],
  ['2015年11月30日', 1819, 1387, 217, 40],
];

describe('a spread label numbered with a Chinese numeral glued to its first piece', () => {
  it('reads the representative after `三·负` `责` `人：`, the enumeration comma read as a dot', () => {
    const doc = read(numberedLicence('三·负', '五、成'));
    expect(doc.type).toBe('business_license');
    expect(doc.fields.legalRepresentative.value).toBe('钟志强');
  });

  it('reads the representative after `三负` `责` `人：`, the enumeration comma lost', () => {
    const doc = read(numberedLicence('三负', '五、成'));
    expect(doc.fields.legalRepresentative.value).toBe('钟志强');
  });

  it('reads the establishment date after `五成` `立` `日` `期：`, the enumeration comma lost', () => {
    const doc = read(numberedLicence('三、负', '五成'));
    expect(doc.fields.establishedDate.value).toBe('2013-06-11');
  });

  it('reads the establishment date after `五.成` `立` `日` `期：`', () => {
    const doc = read(numberedLicence('三、负', '五.成'));
    expect(doc.fields.establishedDate.value).toBe('2013-06-11');
  });
});

describe('a label numbered with a Chinese numeral whose enumeration comma was lost', () => {
  it('reads the address under `九住所` in a grid of numbered headings, the value stacked under it', () => {
    // A heading grid (proc-E's shape): numbered labels centred over their cells, the values under them.
    const doc = read([
      ['企业法人营业执照', 287, 256, 605, 56],
      ['一、注册号', 279, 393, 97, 29],
      ['二、名称', 549, 393, 82, 29],
      ['三、类型', 817, 391, 87, 31],
      ['杭州青芝坞文化创', 520, 437, 150, 28],
      ['有限责任公司（自然', 778, 437, 166, 28],
      ['330106000127454(1-1)', 224, 452, 210, 24],
      ['意有限公司', 540, 462, 99, 28],
      ['人投资或控股）', 796, 463, 130, 29],
      ['四、法定代表人姓名', 247, 507, 168, 26],
      ['五、成立日期', 534, 507, 120, 27],
      ['六、注册资本', 799, 507, 123, 28],
      ['严晓东', 302, 550, 61, 26],
      ['2013.5.16', 548, 551, 94, 24],
      ['50万元人民币', 793, 549, 138, 28],
      ['七、实收资本', 277, 592, 114, 27],
      ['八、营业期限', 534, 591, 120, 28],
      ['九住所', 820, 594, 82, 25],
      ['浙江省杭州市西湖区龙井路1', 738, 634, 249, 27],
      ['50万元人民币', 272, 646, 129, 27],
      ['2013.5.16至长期', 520, 649, 150, 23],
      ['8号2幢301室', 785, 660, 130, 26],
      ['十、经营范围', 533, 703, 133, 25],
      ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广：软件开发：信', 236, 744, 749, 29],
      ['登记机关：', 221, 968, 92, 30],
      ['2015年2月3日', 222, 1002, 119, 27],
    ]);
    expect(doc.type).toBe('business_license');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区龙井路18号2幢301室');
  });
});
