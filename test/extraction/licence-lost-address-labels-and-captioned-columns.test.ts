import { describe, expect, it } from 'vitest';
import { registrationNumberCheckDigit } from '../../shared/extraction/credit-code.js';
import { extractDocuments } from '../../shared/extraction/index.js';
import { creditCode } from './support/documents.js';
import { enginePage as engineRead, type Line } from './support/text-lines.js';

// Business licences (licence21): an address whose label the engine never boxed (a watermark over `住所`), an address
// stacked over its bracketed caption in a landscape 副本's second column with its last line level with a label of the
// first, and an old licence's 15-digit 注册号 with a digit read as a look-alike letter. Constructed engine lines from
// the geometry of seen pages (proc-B noisy scan, proc-D large photo, proc-E clean scan), values of their own. No eval
// file is read.

const TODAY = '2026-12-06';

const read = (lines: readonly Line[], size = { width: 1706, height: 2377 }) =>
  extractDocuments([engineRead(lines, { size, confidence: 0.99, typeShare: 0.75 })], { today: TODAY })[0];

const registrationNumber = (first14: string) => `${first14}${registrationNumberCheckDigit(first14)}`;

/** A portrait 正本 whose address label lies under a watermark (`住` boxed with the watermark's `中报`, `所：` alone). */
const addressUnderWatermark = (extra: Line[] = []): Line[] => [
  [`注册号${registrationNumber('33010608529050')}（2-1)`, 121, 173, 493, 53],
  ['营业执照', 613, 223, 419, 98],
  ['(正本)', 780, 326, 108, 48],
  ['杭州云帆信息技术', 422, 471, 273, 51],
  ['其他股份有限公司', 1078, 456, 276, 51],
  ['名', 180, 506, 42, 47],
  ['称：', 315, 498, 54, 51],
  ['类', 790, 491, 43, 49],
  ['型：', 829, 479, 159, 71],
  ['(非上市)', 1081, 505, 131, 49],
  ['股份有限公司', 421, 519, 210, 49],
  ['法定代表人：', 181, 599, 189, 50],
  ['韩立新', 423, 595, 111, 49],
  ['注册资本：', 794, 586, 157, 49],
  ['3000万元人民币', 1081, 578, 247, 50],
  ['2007年03月12日至', 1083, 652, 287, 50],
  ['成立日期：', 184, 699, 156, 47],
  ['二〇〇七年三月十二日', 430, 691, 301, 47],
  ['营业期限：', 796, 684, 155, 48],
  ['2027.03.12', 1085, 703, 176, 46],
  ['浙江省杭州市西湖区', 430, 787, 305, 51],
  ['仅供本次申报', 822, 762, 234, 164],
  ['转塘街道之江路318', 430, 834, 329, 50],
  ['住中报', 182, 856, 131, 64],
  ['所：', 318, 862, 59, 49],
  ['号云栖小镇5幢2', 432, 878, 326, 51],
  ['层2203室', 432, 928, 148, 46],
  ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转', 429, 983, 943, 66],
  ['让、技术推广；软件开发。', 436, 1029, 400, 64],
  ['经营范围：', 191, 1096, 157, 51],
  ...extra,
  ['登记机关', 1365, 1330, 150, 49],
  ['2009.04.18', 1364, 1393, 180, 46],
];

/** A landscape 副本: the address stacked over `(住所)` in the second column, its last line level with `营业期限`. */
const addressOverCaption: Line[] = [
  ['编号：97955424440468430', 1827, 125, 447, 43],
  ['营业执照', 934, 210, 504, 107],
  ['(副本)', 1145, 337, 111, 50],
  ['统一社会信用代码', 144, 487, 318, 51],
  [`${creditCode('MA2KXYXU4')} (1-1)`, 489, 471, 523, 68],
  ['注册资本　80万元人民币', 1101, 469, 550, 78],
  ['名称', 139, 559, 113, 57],
  ['杭州之江电子商务环', 485, 554, 349, 47],
  ['类型', 1103, 561, 111, 54],
  ['有限责任公司(自然', 1410, 554, 325, 47],
  ['境服务有限公司', 483, 604, 277, 50],
  ['人投资或控股)', 1411, 603, 246, 52],
  ['成立日期', 1108, 691, 162, 48],
  ['法定代表人', 144, 744, 200, 52],
  ['2014.09.16', 1109, 735, 200, 45],
  ['邵文博', 479, 771, 112, 52],
  ['浙江省杭州市西湖区之江路', 1149, 812, 500, 47],
  ['营业期限', 144, 880, 218, 47],
  ['517号6幢1402室', 1252, 867, 291, 47],
  ['2014.09.16至长期', 146, 925, 311, 41],
  ['(住所)', 1349, 937, 97, 45],
  ['经营范围', 143, 1010, 219, 45],
  ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开', 490, 1035, 1458, 42],
  ['发；信息系统集成服务。', 486, 1087, 500, 44],
  ['登记机关', 2055, 1342, 200, 60],
  ['2015-01-02', 2061, 1493, 196, 37],
];

describe('a licence address whose label was lost', () => {
  it('reads the one address-shaped line with its wraps when no address label is left, for the clerk to confirm', () => {
    const doc = read(addressUnderWatermark());
    expect(doc.type).toBe('business_license');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区转塘街道之江路318号云栖小镇5幢2层2203室');
    expect(doc.fields.address.issues).toContain('label_inferred');
    expect(doc.fields.address.needsReview).toBe(true);
  });

  it('reads no address when two address-shaped lines stand without a label', () => {
    const doc = read(addressUnderWatermark([['浙江省杭州市西湖区留下街道留和路8号', 420, 1200, 600, 50]]));
    expect(doc.fields.address.value ?? null).toBeNull();
  });
});

describe('a value stacked over its bracketed caption in a second column', () => {
  it('reads the address over `(住所)` though its last line is level with a label of the first column', () => {
    const doc = read(addressOverCaption, { width: 2400, height: 1697 });
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区之江路517号6幢1402室');
    expect(doc.fields.establishedDate.value).toBe('2014-09-16');
  });
});

describe('an old licence’s 注册号 with a digit read as a look-alike letter', () => {
  it('reads a 3 the engine read as Cyrillic `З` when the MOD 11,10 check then passes', () => {
    const number = registrationNumber('33010610979503');
    const misread = `${number.slice(0, 13)}З${number.slice(14)}`;
    expect(number[13]).toBe('3');
    const doc = read(addressUnderWatermark().map((l): Line => (l[0].startsWith('注册号') ? [`注册号：${misread}(2-1)`, l[1], l[2], l[3], l[4]] : l)));
    expect(doc.fields.creditCode.value).toBe(number);
    expect(doc.fields.creditCode.issues).toContain('credit_code_is_registration_number');
  });
});

/** A 个体工商户 正本 with its address wrapped inside a house number (`…古墩路1` | `4号…`). */
const numberCutByWrap = (upper: string, lower: string): Line[] => [
  ['注册号', 266, 119, 114, 51],
  [registrationNumber('33010686241625'), 266, 180, 265, 44],
  ['营业执照', 606, 247, 492, 106],
  ['(正本)', 820, 362, 105, 48],
  ['名称：', 193, 445, 172, 56],
  ['杭州市西湖区云帆', 400, 452, 290, 55],
  ['信息技术店', 402, 502, 182, 50],
  ['类型：', 191, 557, 165, 56],
  ['个体工商户', 400, 565, 182, 50],
  ['经营者：', 190, 623, 162, 52],
  ['严思远', 396, 627, 117, 53],
  ['组成形式：', 191, 687, 157, 49],
  ['个人经营', 396, 690, 148, 51],
  ['经营场所：', 189, 749, 157, 49],
  [upper, 396, 753, 440, 59],
  [lower, 393, 802, 234, 50],
  ['注册日期：', 188, 861, 156, 47],
  ['2011.05.23', 391, 867, 184, 44],
  ['经营范围：', 185, 924, 157, 49],
  ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术', 391, 929, 1116, 70],
  ['登记机关：', 1342, 1345, 165, 57],
  ['2011-06-02', 1341, 1413, 180, 47],
];

describe('a licence address wrapped inside a number', () => {
  it('flags the address for the clerk: a digit at the break may have been left outside the engine’s box', () => {
    const doc = read(numberCutByWrap('浙江省杭州市西湖区保俶路2', '7号3幢1105室'));
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区保俶路27号3幢1105室');
    expect(doc.fields.address.issues).toContain('wrapped_number_incomplete');
    expect(doc.fields.address.needsReview).toBe(true);
  });

  it('leaves an address wrapped between a number and its unit unflagged', () => {
    const doc = read(numberCutByWrap('浙江省杭州市西湖区保俶路27', '号3幢1105室'));
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区保俶路27号3幢1105室');
    expect(doc.fields.address.issues ?? []).not.toContain('wrapped_number_incomplete');
  });
});
