import { describe, expect, it } from 'vitest';
import { registrationNumberCheckDigit } from '../../shared/extraction/credit-code.js';
import { extractDocuments } from '../../shared/extraction/index.js';
import { creditCode } from './support/documents.js';
import { enginePage as engineRead, type Line } from './support/text-lines.js';

// Issue 12 on business licences (licence16): a spread label whose last piece holds a short value, a 注册号 whose label
// was lost, a representative looked for where the registrant type wraps, and a shifted fill-in that only a wrapped
// term proves. Rebuilt on constructed engine lines from the geometry of dev pages (seed 9542), with values of their
// own. No eval file is read.

const TODAY = '2026-12-05';

/** A page as the engine reads it: each line at 0.99 with a box per character, set evenly across the line's box. */
const enginePage = (lines: readonly Line[], size = { width: 2400, height: 1774 }) => engineRead(lines, { size, confidence: 0.99, typeShare: 0.7 });
const read = (lines: readonly Line[]) => extractDocuments([enginePage(lines)], { today: TODAY })[0];

const SCOPE: Line[] = [
  ['经营范围', 243, 1191, 155, 42],
  ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发；信息系统集成服务；职业技能', 522, 1184, 1594, 60],
  ['登记机关：', 1957, 1427, 143, 47],
  ['2015年11月30日', 1919, 1487, 217, 40],
];

describe('a spread label whose last piece holds the label’s end and a short value', () => {
  it('reads `负` `责` `人孙琪` as 负责人 and its value 孙琪', () => {
    // A branch licence, `负　责　人` justified across its label column: the engine boxed the third character with the
    // name after it, so the third piece looks like a piece of the label (three characters) and no label was joined.
    const doc = read([
      ['营业执照', 933, 355, 490, 89],
      ['统一社会信用代码', 247, 711, 248, 37],
      [`${creditCode('LQWJQ7570')}(1-1)`, 493, 710, 453, 40],
      ['名称', 1204, 711, 255, 42],
      ['杭州云栖网络科技有限公司西湖分公司', 1475, 711, 600, 42],
      ['负', 247, 781, 43, 38],
      ['责', 348, 781, 47, 38],
      ['人孙琪', 454, 778, 134, 42],
      ['类型', 1201, 779, 86, 45],
      ['有限责任公司分公司', 1475, 780, 300, 42],
      ['成立日期', 248, 934, 399, 36],
      ['2013年06月11日', 700, 934, 300, 38],
      ['营业场所', 246, 1042, 249, 38],
      ['浙江省杭州市西湖区文三路90号3幢1201室', 515, 1043, 700, 38],
      ...SCOPE,
    ]);
    expect(doc.type).toBe('business_license');
    expect(doc.fields.legalRepresentative.value).toBe('孙琪');
    expect(doc.fields.companyName.value).toBe('杭州云栖网络科技有限公司西湖分公司');
  });
});

describe('a name glued to the rest of its label', () => {
  it('reads the name after `称` when it opens with its place, the label’s head a speck apart, flagged', () => {
    // A keystoned photo: `名` boxed as a speck far left, `称` glued to the name's first line, the name over three lines.
    const doc = read([
      ['营业执照', 702, 314, 294, 58],
      [`统一社会信用代码${creditCode('JPU7NB0A2')}(1-1)`, 267, 451, 435, 31],
      ['类型', 890, 457, 167, 24],
      ['有限责任公司分公司', 1057, 457, 160, 30],
      ['名', 270, 552, 17, 14],
      ['称浙江灵峰机械制造供', 402, 546, 217, 29],
      ['负责人', 891, 546, 73, 30],
      ['令狐明', 1056, 547, 70, 28],
      ['应链服务有限公司西', 441, 572, 179, 28],
      ['湖分公司', 439, 597, 84, 27],
      ['成立日期', 263, 640, 106, 29],
      ['2011.04.18', 441, 641, 113, 27],
      ['营业场所浙江省杭州市西湖区', 894, 638, 332, 28],
      ['学院路228号6幢1606室', 1060, 664, 200, 26],
    ]);
    expect(doc.fields.companyName.value).toBe('浙江灵峰机械制造供应链服务有限公司西湖分公司');
    expect(doc.fields.companyName.needsReview).toBe(true);
    expect(doc.fields.companyName.issues).toContain('label_inferred');
  });
});

describe('a 注册号 whose label was lost', () => {
  const number = `33010600121446${registrationNumberCheckDigit('33010600121446')}`;
  const licence = (code: string): Line[] => [
    ['营业执照', 851, 261, 586, 116],
    [code, 618, 433, 305, 38],
    ['注', 135, 485, 59, 46],
    ['号:', 400, 488, 73, 45],
    ['(1-1)', 952, 492, 78, 36],
    ['名称:', 138, 661, 101, 45],
    ['浙江紫云电气设备有限公司', 617, 651, 400, 43],
    ['法定代表人:', 139, 771, 197, 45],
    ['陈一鸣', 616, 781, 120, 47],
    ['成立日期:', 137, 902, 168, 45],
    ['2014年08月07日', 618, 902, 263, 46],
    ['住所:', 138, 967, 101, 46],
    ['浙江省杭州市西湖区文一西路232号19幢705室', 618, 958, 700, 43],
    ...SCOPE,
  ];

  it('reads the one 15-digit number on a licence that passes its MOD 11,10 check as the 注册号, flagged', () => {
    // `注　册　号:` with `册` lost to a fold: no label, and no credit code anywhere on the page.
    const doc = read(licence(number));
    expect(doc.fields.creditCode.value).toBe(number);
    expect(doc.fields.creditCode.needsReview).toBe(true);
    expect(doc.fields.creditCode.issues).toContain('label_inferred');
  });

  it('reads no 注册号 from a 15-digit number that fails its check', () => {
    const wrong = `${number.slice(0, 14)}${(Number(number[14]) + 1) % 10}`;
    expect(read(licence(wrong)).fields.creditCode?.value ?? null).toBeNull();
  });
});

describe('a representative looked for where the registrant type wraps', () => {
  it('reads no `控股)` (the type’s last line) as the representative, and takes the name under the label', () => {
    // A phone photo of a 正本 in a narrow column: the type wraps over three lines, its last, `控股)`, set a little over
    // `法定代表人`'s row, and the representative's name sits under the label.
    const doc = read([
      ['注册号', 325, 318, 79, 37],
      [`33010602602710${registrationNumberCheckDigit('33010602602710')}`, 326, 355, 206, 34],
      ['营业执照', 535, 350, 315, 55],
      ['(正本)', 668, 410, 81, 35],
      ['名称', 272, 479, 109, 34],
      ['杭州西岭文', 409, 480, 129, 32],
      ['化创意有限', 411, 512, 128, 33],
      ['公司', 411, 544, 56, 32],
      ['类型', 267, 591, 67, 34],
      ['有限责任公司', 410, 608, 151, 33],
      ['(自然人投资或', 407, 639, 164, 37],
      ['控股)', 406, 672, 66, 33],
      ['法定代表人', 264, 704, 130, 35],
      ['韩立', 300, 737, 59, 35],
      ['注册资本1000万元人民币', 263, 786, 322, 33],
      ['成立日期', 259, 869, 133, 32],
      ['2014年11月12日', 400, 869, 230, 32],
      ['住所 浙江省杭州市西湖区', 255, 1005, 373, 32],
      ['文三路66号24幢901室', 402, 1038, 240, 32],
    ]);
    expect(doc.fields.legalRepresentative.value).toBe('韩立');
  });
});

describe('a fill-in printed off its labels, proved by a wrapped term', () => {
  it('moves the values back onto their labels when a date and a term wrapped over two lines agree on the offset', () => {
    // A landscape 副本 in two columns, every value 0.45 of a row below its label: the representative then sits nearer
    // `住所`'s row than its own, the name's last line nearer `类型`'s. One date proves its row on its own; the term
    // proves its row only read over its two lines.
    const doc = read([
      [`统一社会信用代码${creditCode('DW69XPK80')}(1-1)`, 172, 230, 805, 38],
      ['营业执照', 903, 387, 496, 88],
      ['名称:', 152, 600, 101, 50],
      ['注册资本:', 1167, 600, 169, 43],
      ['杭州松涛网络', 695, 669, 224, 48],
      ['50万元人民币', 1705, 667, 227, 45],
      ['科技股份有限', 692, 720, 227, 47],
      ['类型:', 151, 776, 101, 49],
      ['公司', 692, 768, 85, 50],
      ['法定代表人:', 1164, 774, 200, 50],
      ['其他股份有限', 693, 848, 226, 48],
      ['郑涛', 1704, 844, 84, 49],
      ['成立日期:', 154, 908, 172, 47],
      ['公司(非上市)', 695, 897, 212, 49],
      ['住所:', 1164, 906, 102, 51],
      ['2007.04.21', 693, 980, 190, 44],
      ['浙江省杭州市西湖区', 1710, 977, 323, 40],
      ['解放路208号7幢170', 1707, 1026, 327, 43],
      ['营业期限:', 152, 1078, 198, 49],
      ['5室', 1703, 1072, 67, 47],
      ['二〇〇七年四月二十一日至', 696, 1155, 402, 46],
      ['经营范围:', 154, 1204, 180, 45],
      ['2027年04月20日', 693, 1205, 276, 44],
      ['一般项目:技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广;软件开发;', 704, 1288, 1415, 36],
      ['登记机关:', 1998, 1560, 169, 46],
      ['2008.07.24', 1997, 1627, 191, 42],
    ]);
    expect(doc.fields.legalRepresentative.value).toBe('郑涛');
    expect(doc.fields.companyName.value).toBe('杭州松涛网络科技股份有限公司');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区解放路208号7幢1705室');
    expect(doc.fields.establishedDate.value).toBe('2007-04-21');
  });
});

describe('a wrapped name whose first row the engine split round a glare', () => {
  const licence = (pieceOverWrap: boolean): Line[] => [
    ['营业执照', 460, 290, 321, 61],
    ['统一社会信用代码', 219, 389, 174, 29],
    ['名称', 687, 391, 176, 26],
    ['杭州', 871, 383, 50, 24],
    ...(pieceOverWrap ? ([['明远', 1003, 381, 38, 24]] as Line[]) : []),
    [`${creditCode('PWFJDJB0A')}(2-`, 399, 396, 278, 54],
    ['百货服务经营', 872, 405, 172, 28],
    ['1)', 405, 447, 24, 23],
    ['部', 871, 435, 29, 26],
    ['类型', 218, 482, 173, 28],
    ['个体工商户', 406, 473, 110, 28],
    ['经营者', 683, 481, 161, 29],
    ['刘红', 871, 471, 75, 30],
    ['组成形式', 218, 560, 173, 28],
    ['个人经营', 406, 560, 110, 28],
    ['注册日期', 683, 560, 161, 29],
    ['2016年05月11日', 871, 560, 220, 28],
    ['经营场所', 218, 640, 173, 28],
    ['浙江省杭州市西湖区文三路90号3幢1201室', 406, 640, 600, 28],
  ];

  it('flags the name when a box on its first row stands over the wrap’s span (text the wrap passed over)', () => {
    // Glare ate `市西湖区`: the engine boxed `杭州` and `明远` 82 px apart; the wrap under them was joined to `杭州`.
    const doc = read(licence(true));
    expect(doc.fields.companyName.value).toBe('杭州百货服务经营部');
    expect(doc.fields.companyName.needsReview).toBe(true);
    expect(doc.fields.companyName.issues).toContain('value_may_continue');
  });

  it('leaves the name unflagged by that rule when nothing stands on its first row', () => {
    expect(read(licence(false)).fields.companyName.issues ?? []).not.toContain('value_may_continue');
  });
});
