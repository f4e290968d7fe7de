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

  it('measures the offset from the code and the date', () => {
    expect(fillInOffset(buildPageLayout(scanPage(licence())))).toBeCloseTo(46, 0);
  });

  it('reads the name, the address and the date with the fill-in moved back', () => {
    const doc = readScan(licence());
    expect(doc.fields.companyName.value).toBe('杭州远航电气设备人力资源服务有限公司');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区西溪街道天目山路830号紫金港科技城创业大厦9幢2层1802室');
    expect(doc.fields.establishedDate.value).toBe('2017-12-08');
    expect(doc.fields.legalRepresentative.value).toBe('史晨艳');
  });
});
