import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { creditCode } from './support/documents.js';
import { enginePage as engineRead, type Line } from './support/text-lines.js';

// Business licences (licence21): wrapped values whose first line stands above their label's row — glued after the
// label (`住所 建设路…` under `浙江省杭州市西湖区`), or beside it right under a term's label whose term is printed over
// it — and a caption under its value whose opening bracket the engine lost (`组成形式）`). Constructed engine lines
// from the geometry of seen pages (proc-CS and proc-C noisy scans, a proc-D small photo), values of their own. No
// eval file is read.

const TODAY = '2026-12-06';

const read = (lines: readonly Line[], size = { width: 1654, height: 2340 }) =>
  extractDocuments([engineRead(lines, { size, confidence: 0.99, typeShare: 0.75 })], { today: TODAY })[0];

/** A portrait 正本, values centred on their labels, the engine boxing the middle lines with the labels. */
const gluedMiddleLines: Line[] = [
  ['编号:618496827987091', 1013, 156, 417, 41],
  [`统一社会信用代码${creditCode('DTBDETEW8')}`, 234, 207, 693, 42],
  ['营业执照', 588, 271, 465, 102],
  ['(正本)', 787, 388, 108, 51],
  ['浙江云帆家政服', 389, 462, 248, 46],
  ['钟雅琴', 1040, 462, 113, 48],
  ['名称 务数字服务有限', 204, 502, 434, 52],
  ['法定代表人', 856, 490, 183, 48],
  ['公司', 390, 559, 76, 47],
  ['有限责任公司', 392, 622, 217, 49],
  ['500万元人民币', 1047, 624, 262, 45],
  ['类型 (自然人投资或', 207, 661, 414, 54],
  ['注册资本', 861, 652, 146, 46],
  ['控股)', 395, 718, 89, 48],
  ['2006年3月8日', 400, 782, 232, 46],
  ['2006-03-08至2026-03-07', 1049, 786, 415, 39],
  ['成立日期', 214, 816, 179, 47],
  ['营业期限', 868, 810, 163, 46],
  ['浙江省杭州市西湖区', 402, 850, 315, 45],
  ['住所 保俶路158号12幢1', 214, 887, 492, 51],
  ['203室', 404, 943, 104, 47],
  ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、', 411, 1009, 1015, 45],
  ['经营范围', 220, 1042, 205, 48],
  ['技术推广；软件开发。', 397, 1052, 400, 55],
  ['登记机关', 237, 1410, 141, 48],
  ['2006.04.12', 237, 1471, 193, 45],
];

/** A one-column 正本 whose fill-in is set off its labels: the term over `营业期限`, the address centred on `住所`. */
const addressUnderTermLabel: Line[] = [
  ['统一社会信用代码', 203, 124, 283, 44],
  [`${creditCode('MA2A5Q9GR')} (1-1)`, 202, 180, 417, 40],
  ['营业执照', 524, 276, 554, 101],
  ['浙江云栖建筑工', 189, 493, 245, 40],
  ['程供应链服务有', 186, 536, 248, 46],
  ['限公司', 187, 583, 112, 46],
  ['名', 185, 631, 50, 45],
  ['称', 235, 627, 138, 55],
  ['类', 186, 700, 45, 42],
  ['型', 316, 699, 52, 44],
  ['有限责任公司', 190, 751, 209, 39],
  ['（自然人投资或', 190, 794, 229, 45],
  ['控股)', 184, 839, 94, 51],
  ['法定代表人', 187, 914, 219, 42],
  ['陶嘉文', 406, 915, 120, 40],
  ['注册资本100万元人民币', 187, 984, 452, 41],
  ['成立日期', 187, 1053, 147, 45],
  ['2009-04-17', 186, 1104, 181, 39],
  ['2009年04月17日至2029.04.16', 188, 1173, 454, 39],
  ['营业期限', 186, 1216, 200, 47],
  ['浙江省杭州市西湖区', 413, 1259, 312, 40],
  ['住', 186, 1288, 45, 45],
  ['所', 325, 1289, 42, 42],
  ['玉古路87号15幢120', 410, 1303, 318, 45],
  ['8室', 406, 1351, 63, 46],
  ['经营范围', 187, 1456, 144, 43],
  ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、', 418, 1458, 1029, 41],
  ['登记机关', 187, 1791, 207, 52],
  ['2010-01-05', 187, 1859, 181, 37],
];

/** A 个体工商户 副本 that captions its values in brackets, one caption read without its opening bracket. */
const bracketLostCaption = (caption: string): Line[] => [
  ['统一社会信用代码', 74, 81, 122, 20],
  [creditCode('MA2JE9MJQ'), 74, 106, 163, 21],
  ['营业执照', 414, 111, 227, 45],
  ['（副本）', 504, 161, 62, 20],
  ['杭州市西湖区云帆建筑', 158, 206, 151, 21],
  ['名', 75, 215, 20, 18],
  ['称', 117, 216, 21, 15],
  ['类型', 510, 213, 52, 22],
  ['装饰工作室', 158, 226, 90, 22],
  ['个体工商户', 583, 230, 78, 22],
  ['罗建', 87, 260, 37, 22],
  ['个人经营', 555, 259, 66, 23],
  ['（经营者）', 80, 292, 61, 19],
  [caption, 517, 291, 142, 19],
  ['注册日期', 73, 321, 77, 23],
  ['2012年3月9日', 157, 317, 119, 22],
  ['经营场所', 511, 321, 64, 22],
  ['浙江省杭州市西湖区北山路', 584, 317, 180, 20],
  ['17号2幢601室', 584, 336, 110, 20],
  ['经营范围', 73, 376, 75, 20],
  ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广：软件开发。', 169, 368, 752, 20],
  ['登记机关：', 902, 491, 71, 21],
  ['2012年04月02日', 885, 517, 110, 21],
];

describe('a wrapped licence value glued after its label, its first line above the label’s row', () => {
  it('reads the name and the address with the line above the glued part', () => {
    const doc = read(gluedMiddleLines);
    expect(doc.type).toBe('business_license');
    expect(doc.fields.companyName.value).toBe('浙江云帆家政服务数字服务有限公司');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区保俶路158号12幢1203室');
  });
});

describe('a term’s label over a wrapped address', () => {
  it('reads the address’s first line though it stands nearer `营业期限`, whose term is printed over it', () => {
    const doc = read(addressUnderTermLabel);
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区玉古路87号15幢1208室');
    expect(doc.fields.establishedDate.value).toBe('2009-04-17');
  });
});

describe('a caption whose opening bracket the engine lost', () => {
  it('names the value over it, not the address under it', () => {
    const doc = read(bracketLostCaption('组 成 形 式）'), { width: 1068, height: 755 });
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区北山路17号2幢601室');
  });

  it('reads the address as before when the caption keeps both brackets', () => {
    const doc = read(bracketLostCaption('（组成形式）'), { width: 1068, height: 755 });
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区北山路17号2幢601室');
  });
});

/** A portrait 正本 whose `住所`'s last piece the engine boxed with the address's first character (`所浙`). */
const labelPieceWithValueHead = (pieceText: string): Line[] => [
  ['统一社会信用代码', 164, 117, 306, 47],
  [creditCode('2JJEFHNYC'), 165, 180, 388, 43],
  ['营业执照', 588, 223, 446, 85],
  ['(正本)', 771, 321, 114, 49],
  ['名称 杭州云帆电', 195, 410, 420, 81],
  ['注册资本', 822, 437, 159, 49],
  ['1000万元人民币', 1078, 426, 271, 44],
  ['气设备有限', 414, 471, 195, 52],
  ['公司', 410, 520, 88, 54],
  ['类型', 191, 621, 197, 51],
  ['有限责任公司', 410, 606, 236, 52],
  ['法定代表人 蒋文涛', 816, 601, 560, 79],
  ['(自然人投资或', 414, 658, 243, 49],
  ['控股)', 407, 707, 103, 58],
  ['成立日期', 194, 807, 160, 51],
  ['2013年04月18日', 413, 795, 283, 45],
  ['营业期限', 821, 806, 187, 52],
  ['2013年4月18日至长期', 1078, 795, 362, 46],
  ['住', 194, 991, 49, 51],
  [pieceText, 341, 981, 96, 58],
  ['浙江省杭州市西湖区', 408, 979, 346, 50],
  ['文二路391号8幢15', 414, 1029, 339, 51],
  ['02室', 411, 1079, 91, 53],
  ['经营范围', 192, 1178, 186, 51],
  ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术', 414, 1168, 1017, 42],
  ['登记机关:', 194, 1592, 175, 52],
  ['2013年05月02日', 196, 1653, 284, 58],
];

describe('a character boxed twice: at the end of a label’s piece and at the head of its value', () => {
  it('reads the address’s first character once', () => {
    const doc = read(labelPieceWithValueHead('所浙'));
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区文二路391号8幢1502室');
  });

  it('reads the address as before when the label’s piece is boxed alone', () => {
    const doc = read(labelPieceWithValueHead('所'));
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区文二路391号8幢1502室');
  });
});
