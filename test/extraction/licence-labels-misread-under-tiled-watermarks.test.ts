import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { enginePage as engineRead, textLayerPage, type Line } from './support/text-lines.js';

// Business licences (licence22): a digital 正本 whose name is set under its label while the second column sets its
// values over bracketed captions, the type's first line nearer the name's label than any other; and a copy stamp tiled over the page (`仅限办理职业技能补贴使用`), its pieces boxed among
// the fields, the name's label read one character off (`月称：`) beside the second of the name's three lines.
// Constructed engine lines from the geometry of a seen proc-B curled photo, values of their own. No eval file is read.

const TODAY = '2026-12-06';

const read = (lines: readonly Line[], size = { width: 2340, height: 1862 }) =>
  extractDocuments([engineRead(lines, { size, confidence: 0.99, typeShare: 0.75 })], { today: TODAY })[0];

/** A 企业法人营业执照 副本 whose name is centred on its misread label over three lines, stamp pieces between. */
const nameCentredOnMisreadLabel = (name: readonly [string, string, string]): Line[] => [
  ['注册号', 170, 253, 128, 50],
  ['330106******468', 316, 267, 405, 38],
  ['企业法人营业执照', 734, 337, 815, 63],
  ['(副本)', 1108, 425, 96, 42],
  [name[0], 372, 518, 164, 51],
  ['支补财用', 0, 518, 311, 152],
  ['月称：', 245, 555, 105, 40],
  [name[1], 369, 556, 168, 51],
  ['职业技能补贴使用', 430, 528, 412, 129],
  [name[2], 375, 600, 75, 43],
  ['类型：', 160, 676, 196, 63],
  ['有限责任公司', 378, 660, 192, 51],
  ['(自然人投资或', 377, 701, 214, 54],
  ['控股)', 376, 738, 89, 48],
  ['法定代表人：', 163, 776, 208, 69],
  ['严思远', 378, 803, 107, 48],
  ['技能补贴', 645, 805, 231, 76],
  ['注册资本：', 166, 899, 196, 66],
  ['500万元人民币', 386, 927, 234, 61],
  ['成立日期：', 170, 1020, 193, 71],
  ['2011-05-23', 387, 1054, 179, 58],
  ['住所：', 176, 1144, 101, 46],
  ['浙江省杭州市西湖区保俶路27号3幢1105室', 386, 1140, 700, 50],
  ['经营范围：', 175, 1275, 202, 76],
  ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广', 414, 1276, 1190, 52],
  ['登记机关：', 1765, 1531, 275, 101],
];

describe('a licence name centred on its misread label', () => {
  it('reads the name from its line over the label’s row when the lines beside the label alone read as no name', () => {
    const doc = read(nameCentredOnMisreadLabel(['杭州云帆信息', '技术服务有限', '公司']));
    expect(doc.type).toBe('business_license');
    expect(doc.fields.companyName.value).toBe('杭州云帆信息技术服务有限公司');
    expect(doc.fields.companyName.issues).toContain('label_inferred');
    expect(doc.fields.companyName.needsReview).toBe(true);
  });

  it('keeps a name that reads whole from the line beside the label, a stamp’s piece flush over it left out', () => {
    const doc = read(nameCentredOnMisreadLabel(['仅限办理职业', '杭州云帆信息技术有限', '公司']));
    expect(doc.fields.companyName.value).toBe('杭州云帆信息技术有限公司');
  });
});

/** A digital 正本: `名称:` over the name; the second column's type over its caption `(类型 )`, its head nearer `名称:`. */
const nameUnderLabelBesideTypeOverCaption = (type: readonly [string, string]): Line[] => [
  ['证照编号:98547057846691532', 977, 99, 487, 38],
  ['统一社会信用代码', 173, 159, 289, 38],
  ['91330106MA2B7K4N5X (2-1)', 173, 218, 433, 38],
  ['营业执照', 570, 213, 482, 95],
  ['(正本)', 755, 332, 144, 38],
  [type[0], 910, 468, 217, 38],
  ['名称:', 199, 524, 126, 38],
  [type[1], 910, 518, 217, 38],
  ['杭州云帆信息技', 136, 572, 253, 38],
  ['(类型 )', 879, 577, 215, 32],
  ['术服务股份有限', 136, 622, 253, 38],
  ['公司', 226, 670, 72, 38],
  ['法定代表人:', 134, 736, 217, 38],
  ['严思远', 454, 736, 108, 38],
  ['注册资本:', 879, 736, 217, 38],
  ['1000万元人民币', 1127, 736, 253, 38],
  ['成立日期:', 134, 803, 217, 38],
  ['2011年05月23日', 454, 803, 253, 38],
  ['营业期限:', 879, 803, 217, 38],
  ['2011年05月23日至长期', 1127, 803, 361, 38],
  ['住所:', 134, 920, 217, 38],
  ['浙江省杭州市西湖区保俶路27号3幢1105室', 454, 920, 720, 38],
  ['经营范围:', 134, 1132, 289, 38],
  ['一般项目:技术服务、技术开发、技术咨询、技术交流、技术转', 454, 1132, 1011, 38],
  ['登记机关', 1151, 1500, 180, 38],
];

describe('a licence name under its label beside a second column that sets values over captions', () => {
  it('reads the name under its label, not the head of the type wrapped over `(类型)` nearer the label’s row', () => {
    const page = textLayerPage(nameUnderLabelBesideTypeOverCaption(['其他股份有限', '公司(非上市)']), { width: 1653, height: 2339 });
    const doc = extractDocuments([page], { today: TODAY })[0];
    expect(doc.type).toBe('business_license');
    expect(doc.fields.companyName.value).toBe('杭州云帆信息技术服务股份有限公司');
    expect(doc.fields.companyName.needsReview).toBe(false);
  });
});
