import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { WRAPPED_LINE_HEAD_INCOMPLETE } from '../../shared/extraction/wrapped-line-heads.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { creditCode } from './support/documents.js';

// Issue 12, class 3 (values that wrap) on licences: a wrapped value's lines as the engine boxes them on scans and
// photos of the seen families (dev seed 9430 and the addr12/licence13 dev caches), rebuilt on constructed lines with
// values of their own. No eval file is read.

const TODAY = '2026-12-05';
const A4 = { width: 1654, height: 2340 };

/** One engine line: text, box, and optionally where its first character starts inside the box and its type's height. */
type EngineLine = [text: string, x: number, y: number, width: number, height: number, options?: { headGap?: number; type?: number; boxes?: number[] }];

/**
 * A scan as the engine reads it: each line at 0.99 with a box per character, set evenly from `headGap` into the box
 * (ink the engine boxed but did not read leaves that gap), each character `type` pixels high (the line's height less
 * the detector's margin unless given), or at the `boxes` tops given (a label's pieces on a slanted row).
 */
function enginePage(lines: readonly EngineLine[]): OcrPage {
  return {
    pageNumber: 1,
    ...A4,
    rotation: 0,
    source: 'paddle',
    lines: lines.map(([text, x, y, width, height, options = {}]) => {
      const chars = [...text.replace(/\s/g, '')];
      const from = x + (options.headGap ?? 0);
      const w = (x + width - from) / chars.length;
      const type = options.type ?? Math.round(height * 0.7);
      const words = chars.map((ch, i) => ({
        text: ch,
        confidence: 0.99,
        box: { x: from + i * w, y: options.boxes?.[i] ?? y + (height - type) / 2, width: w, height: type },
      }));
      return { text, confidence: 0.99, box: { x, y, width, height }, words };
    }),
  };
}
const read = (lines: readonly EngineLine[]) => extractDocuments([enginePage(lines)], { today: TODAY })[0];

const SCOPE: EngineLine[] = [
  ['经营范围', 201, 1025, 155, 39],
  ['一般项目:技术服务、技术开发、技术咨询、技术交流、技术转让、技', 457, 1002, 957, 41],
  ['术推广;软件开发;信息系统集成服务;职业技能培训(不含需取得许', 465, 1045, 947, 38],
  ['登记机关:', 202, 1372, 143, 43],
  ['2012年11月02日', 202, 1426, 225, 42],
];

/** A branch licence whose address wraps over three lines in the right-hand column of its label. */
const licence = (address: EngineLine[]): EngineLine[] => [
  ['营业执照', 607, 278, 412, 83],
  ['统一社会信用代码', 204, 446, 250, 36],
  [creditCode('MA2DHF6LM'), 459, 446, 369, 41],
  ['名称', 871, 445, 251, 38],
  ['杭州灵隐餐饮管理有限公司', 1127, 446, 420, 41],
  ['负责人', 869, 560, 213, 36],
  ['许凯红', 1127, 560, 100, 40],
  ['成立日期', 202, 640, 224, 43],
  ['2012年2月22日', 463, 640, 260, 40],
  ['营业场所', 202, 760, 222, 38],
  ...address,
  ...SCOPE,
];

describe('a wrapped line that lost a character at its head', () => {
  it('flags an address whose middle line starts an em in from the flush lines above and below it', () => {
    // `文一西路`: the engine never boxed the thin `一` at the head of the second line, which starts a character
    // further in than the lines round it; read on, `…文西路553号…` looks whole.
    const doc = read(
      licence([
        ['浙江省杭州市西湖区翠苑街道文', 463, 740, 356, 37, { type: 25 }],
        ['西路553号西湖科技园综合楼8', 488, 778, 342, 31, { type: 25 }],
        ['幢5层1705室', 462, 810, 152, 34, { type: 25 }],
      ]),
    );
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区翠苑街道文西路553号西湖科技园综合楼8幢5层1705室');
    expect(doc.fields.address.issues).toContain(WRAPPED_LINE_HEAD_INCOMPLETE);
    expect(doc.fields.address.needsReview).toBe(true);
  });

  it('flags an address whose last line was boxed from the column but read only from an em further in', () => {
    // `…大厦9` | `4层705室` boxed from the column's edge, its first character read 45 px in: `幢1` unread.
    const doc = read(
      licence([
        ['浙江省杭州市西湖区文新街道天目', 463, 740, 521, 41, { type: 31 }],
        ['山路194号紫金港科技城创业大厦9', 465, 786, 521, 41, { type: 31 }],
        ['4层705室', 462, 832, 198, 44, { type: 31, headGap: 45 }],
      ]),
    );
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区文新街道天目山路194号紫金港科技城创业大厦94层705室');
    expect(doc.fields.address.issues).toContain(WRAPPED_LINE_HEAD_INCOMPLETE);
    expect(doc.fields.address.needsReview).toBe(true);
  });

  it('leaves an address whose lines start flush, and a short last line centred under them, unflagged by it', () => {
    const doc = read(
      licence([
        ['浙江省杭州市西湖区翠苑街道文', 463, 740, 356, 37, { type: 25 }],
        ['一西路553号西湖科技园综合楼', 462, 778, 356, 31, { type: 25 }],
        ['8幢5层1705室', 570, 810, 152, 34, { type: 25 }],
      ]),
    );
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区翠苑街道文一西路553号西湖科技园综合楼8幢5层1705室');
    expect(doc.fields.address.issues ?? []).not.toContain(WRAPPED_LINE_HEAD_INCOMPLETE);
  });
});

describe("a wrapped address line whose number's last digit was lost before its suffix", () => {
  it('flags an address whose last line opens on 室 with half an em of unread ink, under a line ending in a digit', () => {
    // `…28幢170` | `5室`: the faint `5` boxed with `室` but not read; `…28幢170室` reads as whole as the true address.
    const doc = read(
      licence([
        ['浙江省杭州市西湖区北山街道', 463, 740, 338, 37, { type: 25 }],
        ['解放路125号28幢170', 463, 778, 338, 37, { type: 25 }],
        ['室', 463, 816, 48, 37, { type: 25, headGap: 12 }],
      ]),
    );
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区北山街道解放路125号28幢170室');
    expect(doc.fields.address.issues).toContain(WRAPPED_LINE_HEAD_INCOMPLETE);
    expect(doc.fields.address.needsReview).toBe(true);
  });

  it('leaves a room number wrapped before its 室 unflagged when the line starts as its neighbours do', () => {
    const doc = read(
      licence([
        ['浙江省杭州市西湖区北山街道', 463, 740, 338, 37, { type: 25 }],
        ['解放路125号28幢1705', 463, 778, 338, 37, { type: 25 }],
        ['室', 463, 816, 40, 37, { type: 25, headGap: 4 }],
      ]),
    );
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区北山街道解放路125号28幢1705室');
    expect(doc.fields.address.issues ?? []).not.toContain(WRAPPED_LINE_HEAD_INCOMPLETE);
  });
});

describe('a wrapped name under a label line joined from pieces on a slanted row', () => {
  it('reads the name on through lines in its type, though the joined label line is boxed much taller', () => {
    // A perspective photo: the spread label's head `名` glued after the code on the row above (no gap read), cut off
    // and joined with `称:杭州新锐家`; the joined box is 56 px tall, the name's lines 32-34 px, all in 24 px type.
    const doc = read([
      ['营业执照', 520, 328, 262, 64],
      [`统一社会信用代码:${creditCode('MA2091D09')}名`, 259, 431, 519, 50, { type: 24, boxes: [...Array(27).fill(436), 453] }],
      ['称:杭州新锐家', 909, 455, 176, 38, { type: 24 }],
      ['政服务股份', 964, 487, 114, 34, { type: 24 }],
      ['有限公司文', 964, 517, 114, 36, { type: 24 }],
      ['三路分公司', 964, 547, 115, 35, { type: 24 }],
      ['负责人:龚建萱', 257, 600, 303, 37, { type: 24 }],
      ['成立日期:2011年2月1日', 260, 694, 379, 34, { type: 24 }],
      ['营业场所:', 259, 775, 232, 32, { type: 24 }],
      ['浙江省杭州市西湖区天目', 491, 776, 245, 28, { type: 24 }],
      ['山路123号24幢301室', 488, 806, 223, 30, { type: 24 }],
      ...SCOPE,
    ]);
    expect(doc.fields.companyName.value).toBe('杭州新锐家政服务股份有限公司文三路分公司');
  });
});

describe("a spread label's head glued after a copy mark, no gap read", () => {
  it('cuts `名` off `…(1-1)名` when the next box on its row goes on `称:` and reads the name there', () => {
    // A small photo: `注册号:330106025282112(1-1)名` | `称:杭州恒信机械制造供应` | `链服务有限公司` under it.
    const doc = read([
      ['企业法人营业执照', 89, 120, 505, 48],
      ['注册号:330106025282112(1-1)名', 51, 267, 328, 21],
      ['称:杭州恒信机械制造供应', 451, 266, 196, 22],
      ['链服务有限公司', 489, 288, 111, 20],
      ['类型:有限责任公司(自然', 52, 316, 266, 22],
      ['法定代表人姓名:公孙凯鹏', 360, 317, 195, 21],
      ['人投资或控股)', 183, 338, 101, 19],
      ['注册资本:500万元人民币', 51, 365, 235, 21],
      ['成立日期:2003年7月29日', 340, 395, 250, 17],
      ['住所:浙江省杭州市西湖区西', 52, 421, 289, 22],
      ['溪街道西园路595号紫金', 182, 444, 165, 20],
      ['港科技城创业大厦4幢20', 183, 463, 166, 21],
      ['层2402室', 182, 484, 66, 22],
      ['经营范围:一般项目:技术服务、技术开发、技术咨询、技术交流、技术转让、', 51, 513, 594, 20],
      ['登记机关:', 582, 670, 78, 28],
    ]);
    expect(doc.fields.companyName.value).toBe('杭州恒信机械制造供应链服务有限公司');
  });

  it('keeps a character glued after a bracket when the next box does not go on with its label and a colon', () => {
    const doc = read([
      ['企业法人营业执照', 89, 120, 505, 48],
      ['注册号:330106025282112(1-1)名', 51, 267, 328, 21],
      ['称杭州恒信机械制造供应', 451, 266, 196, 22],
      ['住所:浙江省杭州市西湖区西园路595号', 52, 421, 400, 22],
    ]);
    expect(doc.fields.companyName.value ?? null).not.toBe('杭州恒信机械制造供应');
  });
});

describe('a label the engine boxed with the value before it', () => {
  // A licence photo: `注册资本` | `100万元人民币住所` | `浙江省杭州市西湖区人民路34` | `0号28幢2001室`, the next
  // column's label `住所` read into the capital's box.
  const licence = (capitalBox: string): EngineLine[] => [
    ['营业执照', 631, 261, 271, 48],
    ['名称 杭州同创文化创意供应', 736, 420, 280, 25],
    ['链服务有限公司', 839, 444, 127, 25],
    ['类型', 208, 477, 110, 24],
    ['有限责任公司(自然', 318, 477, 154, 25],
    ['法定代表人万涛欣', 735, 477, 165, 27],
    ['人投资或控股)', 316, 501, 119, 26],
    ['注册资本', 207, 538, 97, 24],
    [capitalBox, 598, 536, 182, 26],
    ['浙江省杭州市西湖区人民路34', 840, 536, 229, 25],
    ['0号28幢2001室', 838, 560, 125, 25],
    ['成立日期', 206, 595, 100, 27],
    ['2011年05月05日', 318, 610, 136, 23],
    ['经营范围', 207, 630, 100, 27],
    ['一般项目:技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广;软件开发', 317, 626, 908, 30],
  ];

  it('cuts a label off the end of a sum and reads the address beside it', () => {
    const doc = read(licence('100万元人民币住所'));
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区人民路340号28幢2001室');
  });

  it('cuts the next column’s label off a credit code whose column’s value stands far to the right', () => {
    // A turned landscape 副本: `统一社会信用代码` | `913301…名称` | (8.6 characters of blank) | the name in three lines.
    const doc = read([
      ['营业执照', 965, 237, 389, 86],
      ['统一社会信用代码', 181, 460, 285, 44],
      ['91330106MA2H3K8X1Q名称', 663, 459, 507, 45],
      ['杭州西溪云创信息技', 1565, 457, 249, 46],
      ['术有限公司古墩', 1563, 506, 248, 44],
      ['路分公司', 1563, 551, 147, 47],
      ['类型', 178, 617, 289, 51],
      ['有限责任公司分公司', 664, 620, 420, 45],
      ['成立日期', 178, 781, 257, 50],
      ['2012-12-13', 664, 785, 250, 41],
    ]);
    expect(doc.fields.companyName.value).toBe('杭州西溪云创信息技术有限公司古墩路分公司');
  });

  it('leaves an item number before its label (`（一）统一社会信用代码`) whole', async () => {
    const { withGluedLabelsCut } = await import('../../shared/extraction/labels-glued-after-values.js');
    const line = (text: string, x: number) => ({ text, confidence: 1, box: { x, y: 420, width: text.length * 28, height: 30 } });
    const lines = [line('（一）统一社会信用代码', 235), line('91330106MA2XMUWLNP', 560)];
    expect(withGluedLabelsCut(lines).map((l) => l.text)).toEqual(['（一）统一社会信用代码', '91330106MA2XMUWLNP']);
  });
});

describe('an address centred on its label over four lines, the value of the row above set apart over it', () => {
  // A photo of a 企业法人 licence: `实收资本` | `3000万元人民币`, then 18 px lower the address's first two lines, the
  // label `住所` level with its third; the first line is nearer `实收资本`'s row than `住所`'s.
  it('reads the address from its first line', () => {
    const doc = read([
      ['企业法人营业执照', 411, 353, 638, 76],
      ['注册号', 267, 515, 132, 39],
      ['330106003716394(2-1)', 421, 521, 264, 36],
      ['名称', 271, 638, 132, 33],
      ['杭州灵隐家政服务有限公司', 423, 639, 300, 36],
      ['法定代表人', 270, 726, 134, 36],
      ['彭静丽', 420, 726, 87, 36],
      ['实收资本', 756, 728, 129, 35],
      ['3000万元人民币', 925, 729, 177, 35],
      ['浙江省杭州市西湖区', 927, 782, 217, 35],
      ['蒋村街道文三路595', 926, 815, 215, 34],
      ['成立日期', 271, 848, 132, 32],
      ['2013年11月15日', 429, 848, 175, 33],
      ['住所', 759, 848, 123, 33],
      ['号西溪谷国际商务中', 928, 847, 218, 34],
      ['心6幢12层2305室', 928, 881, 190, 33],
      ['营业期限', 271, 984, 135, 37],
      ['2013.11.15至2033年11月15日', 427, 984, 330, 30],
      ['经营范围', 271, 1056, 135, 37],
      ['一般项目:技术服务、技术开发、技术咨询、技术交流、技术转让、', 426, 1056, 711, 26],
    ]);
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区蒋村街道文三路595号西溪谷国际商务中心6幢12层2305室');
  });
});

describe('a representative printed high, tight under a signature remark', () => {
  // A branch licence whose fill-in sits half a row high: `许凯红` 27 px over `负责人`'s row, 3 px under the `(盖章)`
  // printed beside the name's last line. The remark waits for a seal, not for the name.
  it('reads the name as the representative', () => {
    const doc = read([
      ['营业执照', 607, 278, 412, 83],
      ['统一社会信用代码', 204, 446, 250, 36],
      [creditCode('MA2DHF6LM'), 459, 422, 369, 41],
      ['名称', 871, 445, 251, 38],
      ['杭州灵隐餐饮管理', 1127, 421, 251, 41],
      ['有限公司杭州西湖', 1122, 460, 257, 46],
      ['区分公司', 1126, 500, 132, 45],
      ['(盖章)', 1176, 565, 99, 46],
      ['许凯红', 1127, 614, 100, 45],
      ['类型', 201, 640, 253, 42],
      ['负责人', 869, 641, 213, 36],
      ['有限责任公司分公司', 464, 616, 300, 43],
      ['2012年2月22日至长期', 1128, 776, 305, 35],
      ['成立日期', 202, 794, 224, 43],
      ['营业期限', 866, 794, 225, 44],
      ['2012年2月22日', 465, 775, 300, 38],
      ...SCOPE,
    ]);
    expect(doc.fields.legalRepresentative.value).toBe('许凯红');
  });
});

describe("the establishment date's label with its head lost", () => {
  it('reads the date beside `立日期` on a licence, for the clerk to confirm', () => {
    const doc = read(
      licence([['浙江省杭州市西湖区留下街道文一西路273号', 463, 760, 700, 40]]).map(
        (l): EngineLine => (l[0] === '成立日期' ? ['立日期', 242, 640, 170, 43] : l),
      ),
    );
    expect(doc.fields.establishedDate.value).toBe('2012-02-22');
    expect(doc.fields.establishedDate.issues).toContain('label_inferred');
    expect(doc.fields.establishedDate.needsReview).toBe(true);
  });
});

describe('a label qualified by a bracketed word, boxed with the label after it', () => {
  it('keeps `甲方(用人单位)名称` one label box: a bracketed word is no value', async () => {
    const { withGluedLabelsCut } = await import('../../shared/extraction/labels-glued-after-values.js');
    const line = (text: string, x: number) => ({ text, confidence: 1, box: { x, y: 391, width: text.length * 24, height: 33 } });
    const lines = [line('甲方(用人单位)名称', 248), line('浙江西溪网络科技智慧', 477)];
    expect(withGluedLabelsCut(lines).map((l) => l.text)).toEqual(['甲方(用人单位)名称', '浙江西溪网络科技智慧']);
  });
});

describe("an ID card's address whose line the engine split at a gap", () => {
  // The card's address in small type beside the photo, two or three lines; glare or a fold leaves a gap inside a
  // line and the engine boxes its two sides apart.
  const card = (address: EngineLine[]): EngineLine[] => [
    ['姓名孙凯', 943, 247, 160, 49],
    ['性别女', 946, 301, 161, 50],
    ['民族汉', 1118, 303, 131, 49],
    ['出生1980年6月22日', 950, 360, 360, 42],
    ...address,
    ['公民身份号码330302198006226847', 950, 699, 562, 40],
    ['中华人民共和国', 1146, 1026, 431, 57],
    ['居民身份证', 1206, 1097, 309, 59],
  ];
  const readCard = (address: EngineLine[]) => extractDocuments([{ ...enginePage(card(address)), width: 2340, height: 1654 }], { today: TODAY })[0];

  it('flags an address whose first line has a piece across a gap that the wrap under it passed over', () => {
    const doc = readCard([
      ['住址 浙江省温州', 949, 410, 240, 42],
      ['市鹿城区莫干', 1210, 410, 203, 42],
      ['山路130号21幢2304室', 1027, 460, 354, 46],
    ]);
    expect(doc.fields.address.issues).toContain('value_may_continue');
    expect(doc.fields.address.needsReview).toBe(true);
  });

  it('reads a wrapped line across its gap, flagged `split_value_inferred`', () => {
    const doc = readCard([
      ['住址 浙江省温州市鹿城区莫干', 949, 410, 464, 42],
      ['山路130号西溪谷', 1027, 460, 220, 46],
      ['国际商务中', 1260, 460, 160, 46],
      ['心21幢2304室', 1027, 510, 200, 46],
    ]);
    expect(doc.fields.address.value).toBe('浙江省温州市鹿城区莫干山路130号西溪谷国际商务中心21幢2304室');
    expect(doc.fields.address.issues).toContain('split_value_inferred');
    expect(doc.fields.address.needsReview).toBe(true);
  });
});

describe("a grid's next cell beside a wrapped line", () => {
  it("joins no other column's value set flush in its own cells (`陈辉文` under `联络员姓名`)", () => {
    // A licence of label rows over value rows: the address's second line ends a character before the next cell's
    // value, which starts where that column's other values do.
    const doc = read([
      ['企业法人营业执照', 327, 346, 783, 82],
      ['注册号', 337, 497, 167, 34],
      ['名称', 664, 502, 159, 31],
      ['类型', 979, 507, 154, 27],
      ['330106103019426(1-1)', 269, 564, 246, 33],
      ['浙江龙井电气设备人力资', 595, 551, 241, 32],
      ['其他股份有限公司', 910, 551, 174, 34],
      ['源服务股份有限公司', 596, 581, 200, 33],
      ['法定代表人姓名', 341, 629, 162, 33],
      ['家属身份证号', 666, 630, 156, 32],
      ['注册资本', 978, 630, 155, 34],
      ['尹文', 269, 680, 57, 32],
      ['330105197005178891', 596, 683, 216, 30],
      ['100万元人民币', 912, 680, 145, 34],
      ['实收资本', 341, 732, 165, 33],
      ['营业期限', 664, 730, 161, 35],
      ['成立日期', 978, 730, 155, 33],
      ['100万元人民币', 271, 783, 154, 32],
      ['2007.11.3至2027.11.3', 598, 782, 215, 31],
      ['二〇〇七年十一月三日', 916, 779, 209, 34],
      ['住所', 346, 835, 160, 30],
      ['联络员姓名', 666, 832, 160, 33],
      ['原企业名称', 980, 830, 155, 31],
      ['浙江省杭州市西湖区蒋村街道', 275, 886, 290, 28],
      ['杭州博远文化创', 915, 894, 153, 30],
      ['文一西路231号黄龙国际中心9', 278, 916, 290, 26],
      ['陈辉文', 596, 911, 76, 31],
      ['意有限公司', 914, 924, 112, 29],
      ['幢3层2703室', 276, 946, 150, 28],
    ]);
    expect(doc.fields.address.value ?? '').not.toContain('陈辉文');
  });
});
