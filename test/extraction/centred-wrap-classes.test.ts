import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { readAddress } from '../../shared/extraction/value-readers.js';
import { creditCode, person } from './support/documents.js';
import { textLayerPage as page, type Line } from './support/text-lines.js';

// Issue 12, class 3 (values that wrap): a long value set in a centred cell or an inline block wraps onto a shorter
// line centred under the value's own text, not flush with it and not with the label. Seen on dev scans (an employer
// `…电子商务健` | `康服务有限公司` two heights in, an address `…紫霞街82号文` | `新智谷…室` a little more than a wrapped
// line's gap down). Constructed lines with values of their own: no eval file is read here.

const TODAY = '2026-12-05';

const LANDSCAPE = { width: 2340, height: 1654 };
const readOne = (lines: readonly Line[]) => extractDocuments([page(lines, LANDSCAPE)], { today: TODAY })[0];
/** The same lines read from a scan: the engine's boxes, each read at 0.99. */
const readScan = (lines: readonly Line[]) => {
  const scan = page(lines, LANDSCAPE);
  return extractDocuments([{ ...scan, source: 'paddle', lines: scan.lines.map((l) => ({ ...l, confidence: 0.99 })) }], { today: TODAY })[0];
};

describe('an address wrapped onto a line centred under it', () => {
  // A landscape licence: `；营业场所 ` then the address in one box reaching the text's right edge; its last line set
  // centred under the address itself, 35 px below a 37 px line (a row pitch of about two heights).
  const licence = (rest: readonly Line[]): Line[] => [
    ['编号：318204775160324', 1753, 131, 369, 37],
    ['营业执照', 928, 266, 453, 88],
    ['统一社会信用代码', 167, 420, 300, 37],
    [creditCode('4KQ7W2M8X', '330106'), 520, 420, 340, 37],
    ['名称', 1200, 420, 80, 37],
    ['杭州南屏茶艺文化有限公司', 1320, 420, 480, 37],
    ['经营期限2016/05/09至长期', 168, 802, 706, 38],
    ['；营业场所 浙江省杭州市上城区望江街道秋涛路318号钱', 947, 804, 968, 37],
    ...rest,
    ['许可经营项目', 167, 950, 261, 41],
    ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发；信息系统集成服务', 200, 1024, 1832, 42],
    ['登记机关：', 1923, 1381, 151, 49],
    ['发照日期：2016年5月9日', 1846, 1437, 400, 50],
  ];

  it('reads the centred line as the rest of the address on a text layer', () => {
    // The text layer sets the address from x = 1193 to 1915: the line is centred on 1554.
    const doc = readOne(licence([['江国际中心3幢12层1207室', 1350, 876, 408, 41]]));
    expect(doc.type).toBe('business_license');
    expect(doc.fields.address.value).toBe('浙江省杭州市上城区望江街道秋涛路318号钱江国际中心3幢12层1207室');
  });

  it('reads it on a scan too, where where the address starts in its box is only estimated', () => {
    const doc = readScan(licence([['江国际中心3幢12层1207室', 1288, 876, 408, 41]]));
    expect(doc.type).toBe('business_license');
    expect(doc.fields.address.value).toBe('浙江省杭州市上城区望江街道秋涛路318号钱江国际中心3幢12层1207室');
  });

  it('leaves a centred piece with neighbours on its row (a date spread under the value) to its own row, flagged', () => {
    const doc = readOne(
      licence([
        ['2036', 1330, 880, 85, 38],
        ['年', 1440, 880, 40, 38],
        ['3', 1500, 880, 30, 38],
        ['月', 1560, 880, 40, 38],
        ['日', 1640, 880, 40, 38],
      ]),
    );
    expect(doc.fields.address.value).not.toContain('2036');
    expect(doc.fields.address.needsReview).toBe(true);
  });

  it('does not take a line under the address that is off its centre and starts well in from it', () => {
    const doc = readOne(licence([['江国际中心3幢12层1207室', 1500, 876, 408, 41]]));
    expect(doc.fields.address.value).not.toBe('浙江省杭州市上城区望江街道秋涛路318号钱江国际中心3幢12层1207室');
    expect(doc.fields.address.needsReview).toBe(true);
  });
});

describe("an employer's name wrapped onto a line centred under it", () => {
  const contract = (rest: readonly Line[]): Line[] => [
    ['劳动合同书', 592, 230, 451, 73],
    ['单位名称：杭州北山数字文化传媒健', 154, 388, 671, 41],
    ...rest,
    ['统一社会信用代码：', 155, 532, 432, 37],
    [creditCode('8HT5N3R6Y', '330106'), 600, 530, 355, 40],
    ['乙方：', 1121, 604, 90, 40],
    [person.name, 1230, 604, 130, 40],
    ['居民身份证号码：', 894, 741, 330, 41],
    [person.id, 1230, 741, 400, 41],
    ['用工起始日：2019.03.01', 154, 880, 445, 40],
    ['合同期限至：2022年2月28日', 647, 880, 491, 40],
    ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 160, 1052, 836, 33],
    ['甲方(盖章):', 156, 1276, 198, 43],
    ['乙方(签字):', 825, 1268, 239, 43],
    ['签订日期：二〇一九年二月二十日', 154, 1343, 465, 41],
  ];

  it('joins the centred line, for the clerk to confirm', () => {
    const doc = readScan(contract([['康咨询有限公司', 480, 460, 221, 40]]));
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.employerName.value).toBe('杭州北山数字文化传媒健康咨询有限公司');
    expect(doc.fields.employerName.needsReview).toBe(true);
  });
});

describe('a value centred on its label over three lines, beside a label column whose values sit off their rows', () => {
  // A bilingual grid: each value centred in its cell between the label and its English gloss, so the left column's
  // date sits half a line under `注册日期`, and the right column's address starts a line above `经营场所`, level with
  // `注册日期` (which already has its date): the address's first line is no value of `注册日期`'s.
  const grid: Line[] = [
    ['统一社会信用代码', 126, 169, 244, 31],
    ['营业执照', 559, 215, 493, 92],
    ['9133010258KD3W7T2C （1-1）', 126, 217, 427, 31],
    ['字号名称', 260, 456, 122, 31],
    ['杭州南屏茶艺服务部', 467, 456, 280, 31],
    ['类型', 791, 456, 61, 31],
    ['个体工商户', 952, 471, 153, 31],
    ['Name', 293, 496, 57, 23],
    ['Type', 798, 496, 47, 23],
    ['组成形式', 260, 584, 122, 31],
    ['经营者', 776, 584, 92, 31],
    ['个人经营', 513, 598, 122, 31],
    ['陈建国', 952, 598, 92, 31],
    ['Form', 296, 623, 51, 23],
    ['Operator', 778, 623, 87, 23],
    ['浙江省杭州市上城区望江', 965, 684, 366, 31],
    ['注册日期', 260, 700, 122, 31],
    ['经营场所', 760, 711, 122, 31],
    ['2012年9月6日', 461, 725, 227, 31],
    ['街道秋涛路318号钱江国际', 955, 725, 387, 31],
    ['Date of Registration', 226, 750, 190, 23],
    ['Business Premises', 732, 750, 178, 23],
    ['中心3幢12层1207室', 982, 767, 332, 31],
    ['经营范围', 260, 927, 122, 31],
    ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转', 473, 910, 855, 31],
    ['登记机关：', 1100, 1300, 153, 31],
    ['2012年9月6日', 1100, 1350, 227, 31],
  ];

  it('reads the address from its first line', () => {
    const doc = extractDocuments([page(grid)], { today: TODAY })[0];
    expect(doc.type).toBe('business_license');
    expect(doc.fields.address.value).toBe('浙江省杭州市上城区望江街道秋涛路318号钱江国际中心3幢12层1207室');
    expect(doc.fields.establishedDate.value).toBe('2012-09-06');
  });
});

describe('an address read from a wrapped line that is not its first', () => {
  it('is less plausible when it opens on a street rather than an area, so the clerk sees it', () => {
    expect(readAddress('街道秋涛路318号钱江国际中心3幢12层1207室')?.plausibility).toBeLessThan(0.9);
    expect(readAddress('浙江省杭州市上城区望江街道秋涛路318号钱江国际中心3幢12层1207室')?.plausibility).toBe(1);
    expect(readAddress('上城区秋涛路318号1207室')?.plausibility).toBe(1);
    expect(readAddress('杭州上城区秋涛路318号')?.plausibility).toBe(1);
  });
});

describe('a name wrapped over two lines beside its spread label, its second line level with the label', () => {
  // A small photo: `名 称` boxed as two characters, centred on the name's two lines, so the second line is on the
  // label's own row. It is still the name's, not a value the label waits for.
  const licence = (second: Line[]): Line[] => [
    ['副本编号：23715568643830563', 399, 35, 204, 22],
    ['注册号', 48, 40, 46, 19],
    ['330102057270222(1-1)', 49, 62, 149, 20],
    ['企业法人营业执照', 94, 117, 451, 45],
    ['法定代表人', 85, 220, 71, 18],
    ['陈建国', 169, 217, 47, 23],
    ['杭州南屏茶艺文化', 169, 248, 129, 22],
    ['名', 83, 256, 24, 24],
    ['称', 138, 257, 23, 22],
    ...second,
    ['住所', 85, 300, 40, 20],
    ['浙江省杭州市上城区秋涛路318号', 169, 300, 250, 21],
    ['成立日期', 85, 330, 70, 20],
    ['2015年3月9日', 169, 330, 110, 21],
  ];
  const scan = (lines: readonly Line[]) => {
    const p = page(lines, { width: 652, height: 923 });
    return extractDocuments([{ ...p, source: 'paddle', lines: p.lines.map((l) => ({ ...l, confidence: 0.99 })) }], { today: TODAY })[0];
  };

  it('reads both lines as the name', () => {
    const doc = scan(licence([['传媒有限公司', 170, 267, 87, 21]]));
    expect(doc.type).toBe('business_license');
    expect(doc.fields.companyName.value).toBe('杭州南屏茶艺文化传媒有限公司');
    // Read through a line level with the label, which could as well be a value that label waits for: a guess about
    // layout, for the clerk to confirm (nothing else on the page prints the name whole).
    expect(doc.fields.companyName.needsReview).toBe(true);
    expect(doc.fields.companyName.issues).toContain('value_wrap_inferred');
  });
});
