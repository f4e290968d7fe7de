import { describe, expect, it } from 'vitest';
import { buildPageLayout, extractDocuments } from '../../shared/extraction/index.js';
import { fillInOffset } from '../../shared/extraction/page-shift.js';
import { creditCode, residentId } from './support/documents.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { textLayerPage, type Line } from './support/text-lines.js';

// Issue 12, class 3 (values that wrap), on licences and ID cards: where a wrapped company name or address ends, and
// where it starts. Each layout was seen on a dev scan or photo of the seen families (seed 8412), rebuilt here on
// constructed OCR lines with values of their own: no eval file is read.

const TODAY = '2026-12-05';
const LANDSCAPE = { width: 2340, height: 1654 };
const A4 = { width: 1654, height: 2340 };

/**
 * The lines as the engine reads a level scan: each at 0.99, with a box per character along the line (the characters
 * say the page is level, as the engine's do; without them values set off their labels' rows would read as a skew).
 */
function scanPage(lines: readonly Line[], size = LANDSCAPE): OcrPage {
  const scan = textLayerPage(lines, size);
  return {
    ...scan,
    source: 'paddle',
    lines: scan.lines.map((l) => {
      const chars = [...l.text];
      const w = l.box.width / chars.length;
      const words = chars.map((text, i) => ({ text, confidence: 0.99, box: { x: l.box.x + i * w, y: l.box.y, width: w, height: l.box.height } }));
      return { ...l, confidence: 0.99, words };
    }),
  };
}
const readScan = (lines: readonly Line[], size = LANDSCAPE) => extractDocuments([scanPage(lines, size)], { today: TODAY })[0];

const SCOPE: Line[] = [
  ['经营范围:', 170, 859, 168, 45],
  ['一般项目:技术服务、技术开发、技术咨询、技术交流、技术转让、', 388, 832, 1053, 41],
  ['技术推广;软件开发;信息系统集成服务;职业技能培训(不含需取', 381, 879, 1087, 46],
  ['登记机关:', 1277, 1182, 165, 47],
  ['2013年9月1日', 1255, 1241, 243, 53],
];

describe('a wrapped company name above the next value, which is centred on its own label', () => {
  // A 个体工商户 licence on a turned page: each value centred on its label over two to four lines, so the address's
  // first line stands above `经营场所:`, a gap under the name's last line and tight on the address's next line.
  const licence = (): Line[] => [
    ['注册号330106678526839(2-1)', 166, 142, 528, 45],
    ['营业执照', 536, 239, 530, 93],
    ['(正本)', 769, 345, 116, 49],
    ['杭州市西湖区远航网络科', 381, 430, 400, 46],
    ['个体工商户', 1049, 427, 188, 52],
    ['名称:', 168, 456, 170, 53],
    ['技文化服务部', 380, 480, 226, 48],
    ['类型:', 837, 458, 170, 47],
    ['浙江省杭州市西湖区蒋村', 382, 548, 398, 44],
    ['吴思远', 1046, 545, 120, 50],
    ['经营场所:', 169, 576, 169, 48],
    ['街道天目山路218号紫金港', 381, 593, 426, 49],
    ['经营者:', 837, 573, 136, 52],
    ['科技城创业大厦5幢2层1208', 380, 645, 406, 44],
    ['室', 378, 692, 46, 47],
    ['个人经营', 380, 762, 150, 46],
    ['2012年6月23日', 1050, 761, 249, 47],
    ['组成形式:', 168, 784, 168, 52],
    ['注册日期:', 841, 790, 163, 43],
    ...SCOPE,
  ];

  it('reads the name without the address line set apart under it, and the address whole', () => {
    const doc = readScan(licence(), A4);
    expect(doc.type).toBe('business_license');
    expect(doc.fields.companyName.value).toBe('杭州市西湖区远航网络科技文化服务部');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区蒋村街道天目山路218号紫金港科技城创业大厦5幢2层1208室');
  });
});

describe('a wrapped company name over the head of a date centred on the next label', () => {
  // A branch licence photo: `营业期限` centred on its term's two lines, the first `二〇一一年十二月二十` (its first
  // figure lost) right under the name's second line, in the name's column.
  const licence = (dateHead: string): Line[] => [
    ['营业执照', 568, 329, 320, 74],
    ['(正本)', 707, 410, 71, 29],
    [`统一社会信用代码${creditCode('MA21DC25X')}`, 290, 531, 413, 36],
    ['名称 杭州远航文化创意有限', 291, 573, 435, 36],
    ['负责人 郑文博', 766, 578, 217, 33],
    ['公司杭州西湖区分公司', 497, 606, 229, 32],
    [dateHead, 514, 631, 211, 31],
    ['成立日期', 761, 648, 163, 32],
    ['营业期限', 291, 676, 170, 34],
    ['五日至长期', 496, 662, 122, 33],
    ['2011-12-25', 761, 681, 121, 30],
    ['营业场所', 292, 722, 167, 29],
    ['浙江省杭州市西湖区翠', 496, 721, 232, 31],
    ['苑街道古墩路692号文新', 498, 753, 240, 32],
    ['智谷产业园5幢19层505', 498, 782, 234, 31],
    ['室', 498, 815, 29, 28],
    ['经营范围', 289, 854, 173, 33],
    ['一般项目:技术服务技术开发技术咨询、技术交流技术转让、', 520, 855, 635, 28],
    ['登记机关:', 296, 1105, 107, 35],
  ];

  it('ends the name before a line that opens with a year and a month', () => {
    const doc = readScan(licence('0一一年十二月二十'), { width: 1495, height: 1200 });
    expect(doc.fields.companyName.value).toBe('杭州远航文化创意有限公司杭州西湖区分公司');
  });

  it('ends it before a whole year too (`二〇一一年十二月二十`)', () => {
    const doc = readScan(licence('二〇一一年十二月二十'), { width: 1495, height: 1200 });
    expect(doc.fields.companyName.value).toBe('杭州远航文化创意有限公司杭州西湖区分公司');
  });
});

describe('a company name printed over its label, the row above it printed low', () => {
  // `类型`'s value printed a line low, tight over the name, which stands over its label `名称` (centred on it). The
  // type's line is neither flush with the name nor centred on it: it is no line of the name.
  const licence = (): Line[] => [
    [`统一社会信用代码${creditCode('MA22KLXMM')}(1-1)`, 174, 103, 771, 37],
    ['营业执照', 848, 287, 594, 104],
    ['(副本)', 1120, 407, 102, 50],
    ['类型', 199, 524, 147, 47],
    ['有限责任公司分公司(自然人投资或控股)', 371, 560, 587, 39],
    ['浙江远航网络科技数字服务有限公司杭州西湖区分公司', 204, 595, 802, 40],
    ['名称', 513, 636, 182, 50],
    ['负责人', 202, 707, 110, 44],
    ['程丽佳', 367, 710, 130, 41],
    ['成立日期', 201, 775, 144, 45],
    ['2011.08.04', 204, 824, 172, 35],
    ['营业场所', 201, 887, 142, 46],
    ['浙江省杭州市西湖区留下街道文一西路964号华星时代广场2幢2层1804室', 368, 870, 1070, 42],
    ['营业期限', 204, 961, 140, 41],
    ['2011-08-04至长期', 368, 964, 275, 36],
    ['经营范围一般项目:技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广;软件开发;信息系统集成服务;', 202, 1029, 1785, 42],
    ['登记机关', 1874, 1342, 213, 72],
    ['发照日期2011-10-16', 1795, 1411, 339, 45],
  ];

  it('reads the name alone, not with the type line over it', () => {
    const doc = readScan(licence());
    expect(doc.fields.companyName.value).toBe('浙江远航网络科技数字服务有限公司杭州西湖区分公司');
  });
});

describe('a wrapped line centred under the part of a box before its next label', () => {
  // Two columns read as one box: `名称:杭州…服务类型:有限责任…(自然`, the name's wrap centred under the name's part of
  // the box (not under the whole box), the type's wrap under the type's part.
  const licence = (): Line[] => [
    ['统一社会信用代码', 219, 135, 304, 40],
    [creditCode('MA2864MCW'), 222, 196, 431, 36],
    ['营业执照', 573, 234, 481, 102],
    ['名称:杭州华远电气设备数字服务类型:有限责任公司分公司(自然', 131, 419, 1357, 49],
    ['有限公司文三路分公司', 350, 471, 377, 45],
    ['人投资或控股)', 1059, 471, 240, 46],
    ['成立日期:二〇〇四年十一月三十日', 135, 538, 631, 44],
    ['负责人:', 840, 540, 189, 43],
    ['郭林颖', 1054, 536, 126, 48],
    ['营业期限:2004-11-30至2024.11.30', 137, 610, 706, 37],
    ['营业场所:', 843, 610, 222, 40],
    ['浙江省杭州市西湖区文新街', 1064, 609, 449, 41],
    ['道文一西路928号紫金港科', 1062, 659, 441, 41],
    ['技城创业大厦8幢3层2304', 1060, 708, 438, 42],
    ['室', 1056, 754, 49, 48],
    ['经营范围:一般项目:技术服务、技术开发、技术咨询、技术交流、技术转让、技', 133, 826, 1384, 43],
    ['登记机关:', 1323, 1180, 184, 49],
    ['2006-07-25', 1318, 1250, 208, 40],
  ];

  it('reads the name with its centred wrap', () => {
    const doc = readScan(licence(), A4);
    expect(doc.fields.companyName.value).toBe('杭州华远电气设备数字服务有限公司文三路分公司');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区文新街道文一西路928号紫金港科技城创业大厦8幢3层2304室');
  });
});

describe('a spread label whose first character is boxed wide, into its pair', () => {
  // `名` boxed 67 px wide for 41 high on a noisy scan, reaching 24 px into `称:`.
  const licence = (): Line[] => [
    ['注册号', 187, 184, 118, 50],
    ['330106825625428 (1-1)', 187, 245, 386, 47],
    ['营业执照', 960, 244, 434, 90],
    ['名', 221, 466, 67, 41],
    ['称:', 264, 465, 131, 46],
    ['杭州市西湖区远航电气设备经营部', 433, 466, 545, 43],
    ['类型:', 217, 541, 173, 51],
    ['个体工商户', 432, 542, 186, 45],
    ['经营者:', 216, 619, 174, 49],
    ['公孙鸣勇', 432, 619, 152, 49],
    ['经营场所:', 218, 775, 168, 48],
    ['浙江省杭州市西湖区建设路143号1幢805室', 435, 778, 680, 42],
    ['注册日期:', 220, 853, 163, 45],
    ['二〇一四年一月三十日', 433, 855, 533, 44],
  ];

  it('joins the two characters into the label and reads its value', () => {
    const doc = readScan(licence());
    expect(doc.fields.companyName.value).toBe('杭州市西湖区远航电气设备经营部');
  });
});

describe('an ID card whose address label was misread', () => {
  // A phone photo of a card: `住址` read `佳址`, the address glued after it and wrapped onto a line under it.
  const card = (labelHead: string): Line[] => [
    [`姓名董国涵`, 227, 268, 106, 28],
    ['性别女民族汉', 230, 292, 141, 27],
    ['出生1968年3月27日', 232, 317, 166, 25],
    [`${labelHead}浙江省温州市鹿城区文三`, 232, 343, 213, 24],
    ['路183号8幢2306室', 267, 368, 138, 21],
    [`公民身份号码${residentId('19680327', '330302', '076')}`, 233, 474, 259, 24],
    ['中华人民共和国', 839, 283, 206, 29],
    ['居民身份证', 868, 316, 149, 33],
  ];

  it('reads the address after the near-label with its wrapped line, for the clerk to confirm', () => {
    const doc = readScan(card('佳址'), { width: 1519, height: 1000 });
    expect(doc.type).toBe('id_card');
    expect(doc.fields.address.value).toBe('浙江省温州市鹿城区文三路183号8幢2306室');
    expect(doc.fields.address.needsReview).toBe(true);
    expect(doc.fields.address.issues).toContain('label_inferred');
  });

  it('reads a correctly read label as before, unflagged by the near-label route', () => {
    const doc = readScan(card('住址'), { width: 1519, height: 1000 });
    expect(doc.fields.address.value).toBe('浙江省温州市鹿城区文三路183号8幢2306室');
    expect(doc.fields.address.issues ?? []).not.toContain('label_inferred');
  });
});

describe('a licence whose fill-in is printed low, its label rows set unevenly', () => {
  // A two-column 副本 whose values wrap, so label rows are set 75 to 164 px apart (median 162): the fill-in sits 46 px
  // low, a third of the median pitch but over half the 75 px from `成立日期` to `营业期限` under it, so the date is
  // nearer the wrong label. The offset is judged against the step the value moves towards.
  const licence = (): Line[] => [
    ['营业执照', 955, 250, 408, 87],
    ['(副本)', 1119, 354, 105, 48],
    ['统一社会信用代码', 147, 450, 274, 40],
    ['(1-1)', 845, 448, 89, 47],
    ['名称', 1111, 446, 114, 49],
    [creditCode('MA2HBD0Q8'), 446, 497, 377, 40],
    ['杭州远航电气设', 1446, 491, 240, 47],
    ['备人力资源服务', 1445, 536, 239, 47],
    ['有限公司', 1443, 581, 143, 50],
    ['类型', 146, 611, 276, 47],
    ['法定代表人', 1113, 611, 309, 45],
    ['有限责任公司', 444, 655, 206, 45],
    ['史晨艳', 1446, 653, 108, 49],
    ['(自然人投资或', 446, 702, 217, 44],
    ['控股)', 442, 744, 89, 48],
    ['注册资本', 143, 771, 247, 49],
    ['成立日期', 1112, 772, 247, 48],
    ['3000万元人民币', 445, 821, 253, 44],
    ['2017年12月8日', 1446, 818, 245, 46],
    ['住所', 144, 847, 278, 45],
    ['营业期限', 1113, 848, 242, 43],
    ['浙江省杭州市西湖区西溪街道天目', 448, 897, 497, 37],
    ['2017.12.08至长期', 1447, 893, 285, 43],
    ['山路830号紫金港科技城创业大厦', 447, 938, 494, 43],
    ['9幢2层1802室', 447, 985, 222, 41],
    ['经营范围', 145, 1012, 243, 44],
    ['一般项目:技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广;软件开发;信息', 448, 1058, 1399, 42],
    ['登记机关', 2012, 1216, 172, 51],
    ['2019.08.05', 2008, 1278, 185, 42],
  ];

  it('measures the offset from the code, the date and the term', () => {
    expect(fillInOffset(buildPageLayout(scanPage(licence())))).toBeCloseTo(46, -1);
  });

  it('reads the name, the address and the date with the fill-in moved back', () => {
    const doc = readScan(licence());
    expect(doc.fields.companyName.value).toBe('杭州远航电气设备人力资源服务有限公司');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区西溪街道天目山路830号紫金港科技城创业大厦9幢2层1802室');
    expect(doc.fields.establishedDate.value).toBe('2017-12-08');
    expect(doc.fields.legalRepresentative.value).toBe('史晨艳');
  });
});

describe('a wrapped name whose second line the column test passes over', () => {
  // `名称:杭州…工程人(盖章)` in one box on a photo: the values of the form sit on a tab stop right of where the box
  // puts the value's start, so the name's second line starts past the column test, and its third line is centred
  // under the name. Read `…工程人西湖分公司` at 0.95, unflagged, before (dev seed 8422).
  const licence = (): Line[] => [
    [`统一社会信用代码${creditCode('MA2GJ9U3P')}(2-1)`, 297, 254, 535, 23],
    ['营业执照', 813, 303, 310, 59],
    ['(副本)', 943, 372, 77, 34],
    ['名称:杭州远航建筑工程人(盖章)', 297, 459, 435, 31],
    ['力资源服务有限公司', 435, 493, 217, 30],
    ['西湖分公司', 435, 524, 124, 32],
    ['类型:有限责任公司分公', 298, 577, 330, 32],
    ['司(自然人投资或', 436, 611, 183, 31],
    ['控股)', 434, 642, 66, 35],
    ['负责人:', 301, 695, 112, 35],
    ['成立日期:', 303, 751, 106, 33],
    ['二〇〇六年七月二十五日', 440, 751, 256, 32],
    ['营业期限:', 305, 803, 105, 34],
    ['二〇〇六年七月廿五日至长期', 440, 805, 309, 32],
    ['营业场所:', 306, 856, 109, 34],
    ['浙江省杭州市西湖区', 440, 859, 214, 31],
    ['学院路311号15幢180', 440, 889, 217, 33],
    ['2室', 438, 922, 47, 33],
    ['经营范围:', 307, 973, 108, 33],
    ['登记机关', 1563, 1179, 109, 39],
    ['2006-09-25', 1563, 1226, 133, 32],
  ];

  it('never joins the line under the passed-over one unflagged', () => {
    const doc = readScan(licence(), { width: 1966, height: 1400 });
    const name = doc.fields.companyName;
    expect(name.value).not.toBe('杭州远航建筑工程人西湖分公司');
    if (name.value !== '杭州远航建筑工程人力资源服务有限公司西湖分公司') expect(name.needsReview).toBe(true);
  });
});

describe('a licence whose fill-in is printed low, proved by a date and a term', () => {
  // Only `成立日期`'s date proves itself among the labels of its column; `营业期限`'s term (two dates joined by 至)
  // proves the same offset, 46 px down, where the values sit nearer the next label than their own.
  const licence = (): Line[] => [
    ['编号:329926915004550', 1756, 108, 414, 44],
    ['营业执照', 929, 269, 463, 97],
    ['(副本)', 1117, 382, 106, 49],
    ['名称:', 170, 508, 207, 50],
    ['杭州远航物流数字', 418, 555, 296, 49],
    ['法定代表人:', 172, 627, 201, 45],
    ['服务有限公司', 419, 606, 223, 44],
    ['类型:', 169, 694, 205, 50],
    ['钱文博', 416, 669, 120, 52],
    ['有限责任公司(自然', 419, 740, 307, 49],
    ['成立日期:', 169, 811, 205, 48],
    ['人投资或控股)', 411, 785, 370, 48],
    ['注册资本:', 169, 880, 195, 48],
    ['2014.12.04', 419, 860, 190, 44],
    ['1000万元人民币', 422, 930, 261, 40],
    ['营业期限:', 170, 950, 201, 45],
    ['2014年12月04日至2034.12.04', 420, 994, 491, 46],
    ['住所:', 168, 1017, 109, 49],
    ['浙江省杭州市西湖区留下街道西园路310号西溪', 422, 1065, 746, 44],
    ['经营范围:', 169, 1135, 192, 48],
    ['谷国际商务中心11幢2层2805室', 422, 1114, 503, 46],
    ['一般项目:技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广;软件开发;信息系统集', 425, 1185, 1620, 42],
    ['登记机关:', 1900, 1350, 180, 48],
    ['2014.12.20', 1890, 1410, 200, 44],
  ];

  it('measures the offset from the date and the term', () => {
    expect(fillInOffset(buildPageLayout(scanPage(licence())))).toBeCloseTo(46, -1);
  });

  it('reads the name, the address, the date and the representative with the fill-in moved back', () => {
    const doc = readScan(licence());
    expect(doc.fields.companyName.value).toBe('杭州远航物流数字服务有限公司');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区留下街道西园路310号西溪谷国际商务中心11幢2层2805室');
    expect(doc.fields.establishedDate.value).toBe('2014-12-04');
    expect(doc.fields.legalRepresentative.value).toBe('钱文博');
  });
});

describe('a name centred on its label, the next value printed high a gap under it', () => {
  // `浙江…科技` | `人力资源服务股份` | `有限公司` set two to six pixels apart round `名称`, then `莫红` 24 px lower,
  // nearer `法定代表人` than `名称`.
  const licence = (): Line[] => [
    ['注册号', 220, 120, 116, 46],
    ['330106104888165', 224, 179, 268, 36],
    ['企业法人营业执照', 266, 267, 1080, 99],
    ['(正本)', 775, 392, 101, 42],
    ['浙江远航网络科技', 509, 442, 283, 45],
    ['其他股份有限', 1130, 441, 215, 46],
    ['名称', 127, 495, 101, 51],
    ['人力资源服务股份', 512, 493, 277, 40],
    ['类型', 922, 498, 177, 46],
    ['公司(非上市)', 1126, 491, 212, 45],
    ['有限公司', 507, 535, 145, 47],
    ['莫红', 505, 606, 82, 51],
    ['法定代表人', 130, 666, 312, 43],
    ['成立日期', 923, 737, 182, 43],
    ['2011-10-15', 1127, 737, 183, 44],
    ['住所', 127, 808, 100, 48],
    ['浙江省杭州市西湖区建设路207号14幢1503室', 508, 808, 700, 43],
  ];

  it('reads the name without the line set apart under it', () => {
    const doc = readScan(licence(), A4);
    expect(doc.fields.companyName.value).toBe('浙江远航网络科技人力资源服务股份有限公司');
  });
});

describe('an address whose first line sits tight over it, level between its label and the one above', () => {
  // `住所` centred on the address's two lines; the first line is about as near `成立日期` above, which has its own date
  // beside it: the line is the address's head.
  const licence = (): Line[] => [
    ['证照编号:136110997713580', 672, 200, 249, 22],
    ['统一社会信用代码', 258, 220, 156, 26],
    [`${creditCode('XEWXWY3BP')}(1-1)`, 258, 251, 280, 23],
    ['营业执照', 433, 293, 302, 55],
    ['名称', 237, 452, 97, 24],
    ['杭州远航电子商务有限公司', 346, 452, 280, 26],
    ['类型', 229, 544, 52, 29],
    ['有限责任公司(自然人投资或控股)', 345, 545, 340, 26],
    ['成立日期', 230, 614, 112, 25],
    ['2014.09.02', 342, 609, 102, 24],
    ['浙江省杭州市西湖区和平路', 343, 639, 232, 27],
    ['住所', 230, 661, 101, 26],
    ['97号27幢1905室', 338, 664, 151, 27],
    ['经营范围', 227, 730, 103, 27],
    ['一般项目:技术服务、技术开发、技术咨询、技术交流、技术转让、技术', 343, 746, 617, 26],
  ];

  it('reads the address with its first line', () => {
    const doc = readScan(licence(), { width: 1187, height: 900 });
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区和平路97号27幢1905室');
  });
});

describe('an address printed over its label, a date label over it and prose under the label', () => {
  // A photo of a licence whose values stand over their labels: the address's three lines sit tight over `住所:`,
  // 11 px under `成立日期:` (whose date is printed high, beside it), and the 经营范围 prose runs under `住所:`.
  const licence = (): Line[] => [
    ['编号:62947870356', 1313, 198, 209, 32],
    ['注册号330106154895427', 262, 250, 255, 32],
    ['企业法人营业执照', 517, 282, 741, 80],
    ['名称:', 287, 451, 55, 29],
    ['杭州远航文', 288, 480, 108, 32],
    ['法定代表人:余雪宇', 835, 475, 238, 32],
    ['化创意有限', 288, 507, 109, 32],
    ['公司', 291, 537, 45, 29],
    ['注册资本:', 844, 628, 119, 31],
    ['500万元人民币', 836, 657, 146, 30],
    ['2014年10月29日', 1003, 673, 160, 29],
    ['成立日期:', 838, 697, 97, 26],
    ['浙江省杭州市西湖区古荡街道', 838, 734, 276, 27],
    ['西园路665号文新智谷产业园9', 839, 762, 282, 28],
    ['幢9层1908室', 840, 791, 124, 28],
    ['营业期限:', 298, 818, 94, 26],
    ['住所:', 836, 818, 60, 30],
    ['经营范围:', 299, 881, 95, 27],
    ['一般项目:技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广;软件开发;信息系统集成服', 420, 887, 979, 22],
  ];

  it('reads the address over the label, for the clerk to confirm', () => {
    const doc = readScan(licence(), { width: 1796, height: 1200 });
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区古荡街道西园路665号文新智谷产业园9幢9层1908室');
    expect(doc.fields.address.needsReview).toBe(true);
  });
});

describe('a wrapped company name over the credit code set high beside its label', () => {
  // `统一社会信用代码`'s code printed half a line high, flush under the name's second line in the name's column.
  const code = creditCode('MA287RX1R');
  const licence = (): Line[] => [
    ['营业执照', 889, 234, 516, 94],
    ['(副本)', 1121, 341, 98, 46],
    ['名称', 104, 459, 95, 49],
    ['杭州远航文化创意有限公', 396, 462, 358, 41],
    ['司杭州西湖区分公司', 394, 507, 296, 42],
    [code, 392, 550, 300, 35],
    ['统一社会信用代码', 106, 577, 266, 44],
    ['(1-1)', 720, 579, 86, 42],
    ['类型', 106, 650, 264, 42],
    ['有限责任公司分公司(自', 393, 652, 341, 37],
    ['然人投资或控股)', 396, 697, 242, 36],
    ['负责人', 105, 762, 140, 45],
    ['段平', 390, 778, 79, 51],
    ['营业期限', 104, 836, 238, 44],
    ['2015年5月20日至2035-05-20', 393, 815, 412, 39],
  ];

  it('ends the name before the code', () => {
    const doc = readScan(licence());
    expect(doc.fields.companyName.value).toBe('杭州远航文化创意有限公司杭州西湖区分公司');
    expect(doc.fields.creditCode.value).toBe(code);
  });
});

describe('a spread label whose pieces reading order splits with a value box set a little high', () => {
  // `名` … `称:` with the name's first line `杭州万松…` 20 px higher on the row: ordered between the two pieces.
  const licence = (): Line[] => [
    ['统一社会信用代码', 103, 119, 266, 44],
    [`${creditCode('MA22G4XX1')} (1-1)`, 104, 170, 459, 46],
    ['营业执照', 932, 228, 451, 107],
    ['名', 150, 496, 43, 45],
    ['杭州远航科技有限公', 351, 476, 294, 44],
    ['称:', 237, 493, 80, 55],
    ['司西湖分公司', 353, 517, 196, 46],
    ['有限责任公司分公司(自', 354, 593, 331, 41],
    ['类型:', 147, 608, 171, 57],
    ['然人投资或控股)', 351, 635, 241, 45],
    ['负责人:', 148, 706, 135, 49],
    ['杨辉子', 350, 708, 105, 45],
  ];

  it('joins the pieces into the label and reads the wrapped name', () => {
    const doc = readScan(licence());
    expect(doc.fields.companyName.value).toBe('杭州远航科技有限公司西湖分公司');
  });
});

describe('a date half a line off its label, a spread label of the next column a line off it', () => {
  // A contract photo: `合` `同` `类` `型` spread across the row above (`有固定期限` set high beside it), the end date
  // `2024.05.21` half a line above `合同期限至`'s row, past `类型` but a line under its row. Once `类` `型` is read as a
  // label (its pieces found along the row), it must not take the date from `合同期限至`.
  const contract = (): Line[] => [
    ['劳动合同 (简易版)', 459, 316, 468, 44],
    ['浙江远航信息技术服务股份有限公司', 253, 393, 461, 32],
    ['甲方', 455, 443, 59, 33],
    ['乙方(劳动者)姓名', 255, 717, 234, 36],
    ['戴林', 503, 704, 60, 33],
    ['联系电话', 253, 774, 129, 35],
    ['15111776473', 618, 760, 147, 30],
    ['合', 777, 775, 29, 31],
    ['类', 972, 775, 38, 31],
    ['有固定期限', 1120, 756, 133, 38],
    ['同', 877, 776, 38, 30],
    ['型', 1075, 775, 30, 27],
    ['2019-05-22', 585, 817, 136, 30],
    ['合同期限至', 777, 828, 130, 34],
    ['2024.05.21', 1118, 814, 133, 32],
    ['合同期限自', 257, 829, 133, 36],
    ['工作岗位', 255, 885, 127, 34],
    ['评茶员', 504, 867, 84, 36],
    ['一、乙方同意根据甲方工作需要,在上述岗位工作,服从甲方管理。', 263, 945, 675, 34],
    ['签订日期:2019.05.21', 259, 1158, 259, 36],
  ];

  it('reads the end date from its own label', () => {
    const doc = readScan(contract(), { width: 1429, height: 1500 });
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.endDate.value).toBe('2024-05-21');
  });
});
