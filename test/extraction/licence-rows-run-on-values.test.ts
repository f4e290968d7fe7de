import { describe, expect, it } from 'vitest';
import { ADDRESS_TAIL_INFERRED, withAddressShapeChecked } from '../../shared/extraction/address-shape.js';
import type { DraftField } from '../../shared/extraction/document-context.js';
import { extractDocuments } from '../../shared/extraction/index.js';
import { creditCode } from './support/documents.js';
import { enginePage as engineRead, type Line } from './support/text-lines.js';

// Issue 12 on business licences (licence18): a licence whose values sit half a row above their labels, each row's
// value set tight under the one before it in one column, so a join reads the next rows' values as a wrap of the name
// and of the address. Rebuilt on constructed engine lines from the geometry of a seen phone photo (a proc-CS small
// capture), with values of their own. No eval file is read.

const TODAY = '2026-12-06';

const enginePage = (lines: readonly Line[]) => engineRead(lines, { size: { width: 1828, height: 1292 }, confidence: 0.99, typeShare: 0.75 });
const read = (lines: readonly Line[]) => extractDocuments([enginePage(lines)], { today: TODAY })[0];

/** A pre-2016 licence (注册号) whose fill-in sits half a row above its labels: the rows' values one tight column. */
const raisedLicence = (name: string, type: string, person: string, address: string): Line[] => [
  ['注册号', 138, 124, 84, 38],
  ['330106000023450(1-1)', 138, 164, 274, 32],
  ['营业执照', 724, 182, 362, 82],
  [name, 462, 326, 24 * [...name].length, 34],
  ['名', 104, 352, 30, 30],
  ['称：', 176, 350, 38, 32],
  [type, 464, 378, 22 * [...type].length, 36],
  ['类型：', 98, 398, 84, 40],
  [person, 460, 426, 84, 40],
  ['法', 102, 454, 32, 28],
  ['定', 176, 456, 30, 28],
  ['代', 244, 454, 38, 30],
  ['表', 318, 454, 34, 30],
  ['人：', 384, 454, 42, 28],
  ['2011年08月07日', 460, 480, 182, 38],
  ['成立日期：', 98, 504, 138, 36],
  ['50万元人民币', 460, 532, 154, 36],
  ['注册资本：', 98, 556, 142, 38],
  [address, 462, 586, 26 * [...address].length, 34],
  ['住', 102, 610, 36, 32],
  ['所：', 194, 610, 44, 34],
  ['2011-08-07至长期', 462, 642, 206, 30],
  ['营业期限：', 100, 658, 154, 40],
  ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广', 470, 690, 1118, 34],
  ['经营范围：', 100, 710, 138, 38],
  ['登记机关：', 1572, 950, 116, 38],
  ['2012年04月11日', 1544, 994, 184, 34],
];

describe('a licence whose rows’ values run on as one column', () => {
  it('reads the name before the registrant type and the representative run on after it, flagged', () => {
    const doc = read(
      raisedLicence('杭州云栖机械制造智能服务有限公司', '有限责任公司（自然人投资或控股）', '方志军', '浙江省杭州市西湖区文一西路252号1幢22层2205室'),
    );
    expect(doc.type).toBe('business_license');
    expect(doc.fields.companyName.value).toBe('杭州云栖机械制造智能服务有限公司');
    expect(doc.fields.companyName.needsReview).toBe(true);
    expect(doc.fields.companyName.issues).toContain('organisation_name_boundary_inferred');
  });

  it('reads the address up to its room when the term under it was joined as its wrap, flagged', () => {
    const doc = read(
      raisedLicence('杭州云栖机械制造智能服务有限公司', '有限责任公司（自然人投资或控股）', '方志军', '浙江省杭州市西湖区文一西路252号1幢22层2205室'),
    );
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区文一西路252号1幢22层2205室');
    expect(doc.fields.address.needsReview).toBe(true);
    expect(doc.fields.address.issues).toContain(ADDRESS_TAIL_INFERRED);
  });
});

describe('an address with a date, a term or a sum after its last unit', () => {
  it('cuts the value after the unit and flags the cut', () => {
    for (const [text, address] of [
      ['浙江省杭州市西湖区紫霞街60号1幢13层2007室2011-08-07至长期', '浙江省杭州市西湖区紫霞街60号1幢13层2007室'],
      ['浙江省杭州市西湖区西园路21号11幢2013年5月4日', '浙江省杭州市西湖区西园路21号11幢'],
      ['浙江省杭州市西湖区文三路90号3幢1201室100万元人民币', '浙江省杭州市西湖区文三路90号3幢1201室'],
    ]) {
      const field = withAddressShapeChecked<DraftField>({ value: text, confidence: 0.97, needsReview: false });
      expect(field.value).toBe(address);
      expect(field.issues).toContain(ADDRESS_TAIL_INFERRED);
    }
  });

  it('keeps a building number that follows a street number (`…252号2011室` is no date)', () => {
    const field = withAddressShapeChecked<DraftField>({ value: '浙江省杭州市西湖区文一西路252号2011室', confidence: 0.97, needsReview: false });
    expect(field.value).toBe('浙江省杭州市西湖区文一西路252号2011室');
    expect(field.issues ?? []).not.toContain(ADDRESS_TAIL_INFERRED);
  });
});

/** A phone photo of a licence whose fill-in sits a whole row low, the offset drifting from 50 to 43 px down the page. */
const lowLicence: Line[] = [
  ['营业执照', 505, 320, 336, 69],
  ['统一社会信用代码', 259, 456, 184, 29],
  ['(1-1)', 712, 456, 57, 33],
  ['名称', 259, 504, 53, 31],
  [creditCode('MA2N4PN23'), 469, 505, 245, 25],
  ['杭州云栖餐', 468, 550, 115, 31],
  ['饮管理有限', 470, 581, 115, 31],
  ['类型', 262, 613, 51, 33],
  ['公司', 469, 609, 53, 32],
  ['有限责任公司', 472, 660, 135, 28],
  ['（自然人投资或', 471, 688, 144, 32],
  ['法定代表人', 264, 721, 117, 34],
  ['控股）', 469, 719, 60, 31],
  ['成立日期', 265, 773, 96, 30],
  ['蒋立浩', 470, 765, 74, 33],
  ['注册资本', 266, 820, 95, 31],
  ['2008.05.14', 472, 816, 115, 29],
  ['住所', 267, 870, 52, 30],
  ['1000万元人民币', 473, 863, 162, 31],
  ['浙江省杭州市西湖区文新街道紫', 475, 909, 304, 31],
  ['霞街256号西溪谷国际商务中心5', 474, 938, 311, 32],
  ['营业期限', 268, 973, 96, 33],
  ['幢12层2601室', 474, 969, 142, 28],
  ['经营范围', 269, 1022, 95, 31],
  ['二〇〇八年五月十四日至长期', 476, 1014, 283, 31],
  ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转', 478, 1054, 594, 38],
  ['让、技术推广；软件开发；信息系统集成服务；职业技能培训', 476, 1083, 617, 40],
  ['登记机关：', 274, 1261, 104, 32],
];

describe('a keystoned photo whose fill-in sits a whole row low', () => {
  it('moves the fill-in back onto its labels though the offset drifts evenly down the page', () => {
    const doc = extractDocuments([engineRead(lowLicence, { size: { width: 1380, height: 1836 }, confidence: 0.99, typeShare: 0.75 })], { today: TODAY })[0];
    expect(doc.type).toBe('business_license');
    expect(doc.fields.companyName.value).toBe('杭州云栖餐饮管理有限公司');
    expect(doc.fields.legalRepresentative.value).toBe('蒋立浩');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区文新街道紫霞街256号西溪谷国际商务中心5幢12层2601室');
    expect(doc.fields.establishedDate.value).toBe('2008-05-14');
  });
});

/** A 个体工商户 licence photographed with its fill-in a whole row low: the operator glued after `经营场所：`. */
const operatorGluedLow = (placeLine: string): Line[] => [
  ['营业执照', 831, 357, 615, 110],
  ['(副本)', 1117, 491, 109, 48],
  ['注册号：', 142, 598, 166, 49],
  ['(2-1)', 698, 596, 89, 50],
  ['名称：', 1065, 592, 145, 50],
  ['330106081234569', 372, 673, 321, 43],
  ['杭州市西湖区云栖网络', 1297, 670, 348, 41],
  ['类型：', 142, 717, 110, 51],
  ['组成形式：', 1068, 719, 177, 43],
  ['科技信息服务店', 1294, 718, 250, 43],
  ['经营者：', 143, 794, 151, 50],
  ['个体工商户', 371, 795, 186, 48],
  ['注册日期：个人经营', 1066, 794, 376, 48],
  [placeLine, 141, 870, 348, 50],
  ['二〇一六年三月九日', 1296, 871, 317, 44],
  ['浙江省杭州市西湖区紫霞街36', 371, 945, 470, 52],
  ['经营范围：', 142, 992, 184, 45],
  ['8号2幢1502室', 371, 997, 242, 45],
  ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发；信息系统集', 378, 1075, 1560, 37],
  ['成服务；职业技能培训（不含需取得许可的培训）；人力资源服务（不含职业中介活动、劳务派遣服', 378, 1124, 1527, 37],
  ['登记机关：', 1965, 1289, 173, 46],
  ['2017年12月23日', 1918, 1353, 274, 43],
];
const readPhoto = (lines: readonly Line[]) =>
  extractDocuments([engineRead(lines, { size: { width: 2340, height: 1862 }, confidence: 0.99, typeShare: 0.75 })], { today: TODAY })[0];

describe('a shifted licence whose moved value the engine glued after the next row’s label', () => {
  it('reads the operator glued after `经营场所：` as 经营者’s, and the address moved onto 经营场所’s row', () => {
    const doc = readPhoto(operatorGluedLow('经营场所：韩立宇'));
    expect(doc.fields.legalRepresentative.value).toBe('韩立宇');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区紫霞街368号2幢1502室');
    expect(doc.fields.establishedDate.value).toBe('2016-03-09');
  });
});

describe('a wrapped name beside a bracketed caption under its own value', () => {
  it('reads the name on through the row of `（注册号）`, whose number is set over it', () => {
    const lines: Line[] = [
      ['营业执照', 441, 244, 248, 49],
      ['（正本）', 548, 297, 56, 24],
      ['330106081234569(2-1)', 241, 351, 196, 24],
      ['（注册号）', 291, 380, 94, 26],
      ['名', 581, 379, 32, 23],
      ['称：', 646, 377, 37, 25],
      ['杭州云栖电子', 705, 367, 113, 28],
      ['商务股份有限', 705, 393, 112, 23],
      ['公司', 703, 415, 45, 29],
      ['二〇一五年三月二十日', 598, 463, 190, 24],
      ['类型：', 221, 488, 55, 26],
      ['其他股份有限', 343, 488, 112, 27],
      ['（成立日期）', 587, 491, 90, 25],
      ['公司（非上市）', 344, 513, 106, 27],
      ['法定代表人：', 222, 548, 102, 26],
      ['韩立宇', 248, 573, 58, 24],
      ['注册资本：', 578, 573, 104, 26],
      ['50万元人民币', 703, 575, 113, 24],
      ['营业期限：', 223, 608, 99, 23],
      ['二〇一五年三月二十日至长期', 344, 609, 240, 24],
    ];
    const doc = extractDocuments([engineRead(lines, { size: { width: 1143, height: 1520 }, confidence: 0.99, typeShare: 0.75 })], { today: TODAY })[0];
    expect(doc.fields.companyName.value).toBe('杭州云栖电子商务股份有限公司');
  });
});
