import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { underlinesAsSpaces } from '../../shared/extraction/underline-blanks.js';
import { creditCode, laborContractPages } from './support/documents.js';
import { scanPage, type Line } from './support/text-lines.js';

// Classes behind the scan and photo fields the reader missed although the engine read their true value verbatim
// (issue 12, development samples procedural-v3-dev-scan…dev-scan8; procedural-v3 itself never opened). Each class is
// built on constructed OCR lines with values of its own: no eval file is read here.

const TODAY = '2026-12-04';

/** A scanned page (A4 at 200 dpi) read by the engine: every line at `confidence`. */
function scanAt(lines: readonly Line[], confidence = 0.99): OcrPage {
  return scanPage(lines, { confidence });
}

const readOne = (p: OcrPage) => extractDocuments([p], { today: TODAY })[0];

const code = creditCode('3K7P9W2X1', '330106');
const BRANCH = '杭州青禾文化传媒有限公司留下分公司';

/** The scope paragraph and registration block under a licence's run-on header. */
const LICENCE_TAIL: Line[] = [
  ['经营期限：2015年3月9日至2035.03.08', 149, 628, 638, 40],
  ['，营业场所：浙江省杭州市西湖区转塘街道', 787, 625, 719, 44],
  ['象山路88号2幢3层301室，经营范围：一般项目：技术服务、技术', 151, 709, 1355, 36],
  ['开发、技术咨询；文化艺术交流活动（除依法须经批准的项目外，凭营业执照依法自主开展经营活动)。', 150, 787, 1357, 43],
  ['登记机关：', 1235, 1109, 161, 48],
  ['二〇一五年三月九日', 1124, 1171, 381, 46],
];

describe('a value that ends where the next field of its run-on row starts', () => {
  // A licence set as prose: `名称：…，类型：…` on one row, the 类型 value wrapping to the margin of the next row.
  // The line under the name runs across where 类型 starts: it goes on from 类型, not from the name.
  it('does not join the next row of prose to a name followed on its row by another label in a box of its own', () => {
    const doc = readOne(
      scanAt([
        ['营业执照', 481, 223, 637, 111],
        ['统一社会信用代码', 125, 175, 282, 40],
        [code, 125, 231, 352, 40],
        [`名称：　${BRANCH}`, 144, 462, 852, 50],
        ['，类', 996, 465, 194, 46],
        ['型：有限责任公司分', 1190, 465, 315, 44],
        ['公司(自然人投资或控股），负责人：欧阳明轩，成立日期：2015年3月9日', 149, 546, 1279, 46],
        ...LICENCE_TAIL,
      ]),
    );
    expect(doc.type).toBe('business_license');
    expect(doc.fields.companyName.value).toBe(BRANCH);
  });

  it('does not join the next row to a name that a label follows inside its own box', () => {
    // The label ends its row; the name opens the next one and 主体类型 follows it in the same box.
    const doc = readOne(
      scanAt([
        ['营业执照', 583, 222, 467, 96],
        ['统一社会信用代码', 181, 452, 278, 36],
        [code, 521, 451, 559, 38],
        ['；企业名称', 1128, 448, 350, 45],
        [`${BRANCH}　；主体类型有限`, 231, 526, 1243, 42],
        ['责任公司分公司（自然人投资或控股）；成立日期：2015年03月09日；', 178, 601, 1274, 48],
        ['负责人：欧阳明轩', 180, 681, 400, 42],
        ...LICENCE_TAIL,
      ]),
    );
    expect(doc.fields.companyName.value).toBe(BRANCH);
  });

  it('still joins a name that wraps inside its own column beside a second label column', () => {
    const doc = readOne(
      scanAt([
        ['营业执照', 583, 222, 467, 96],
        ['统一社会信用代码：', 150, 450, 320, 40],
        [code, 480, 450, 400, 40],
        ['名称：杭州青禾文化传媒', 150, 530, 420, 40],
        ['注册资本：壹佰万元整', 900, 530, 400, 40],
        ['有限公司', 270, 590, 160, 40],
        ['类型：有限责任公司(自然人投资或控股)', 150, 670, 700, 40],
        ['成立日期：2015年03月09日', 900, 670, 460, 40],
        ['法定代表人：欧阳明轩', 150, 750, 400, 40],
        ['住所：浙江省杭州市西湖区转塘街道象山路88号2幢3层301室', 150, 830, 1100, 40],
      ]),
    );
    expect(doc.fields.companyName.value).toBe('杭州青禾文化传媒有限公司');
  });
});

describe('a wrapped value that ends at a label inside its continuation line', () => {
  // An address at the end of a row of prose wraps to the margin; the scope label follows its last characters on that
  // line and the scope runs on below. Only the text before the label continues the address.
  it('joins the continuation line up to its label and not the lines after it', () => {
    const doc = readOne(
      scanAt([
        ['营业执照', 583, 222, 467, 96],
        ['统一社会信用代码', 181, 452, 278, 36],
        [code, 521, 451, 559, 38],
        ['名称：杭州青禾文化传媒有限公司', 180, 526, 700, 42],
        ['负责人：欧阳明轩　；成立日期：2015年03月09日', 180, 601, 900, 42],
        ['营业场所_浙江省杭州市西湖区转塘街道象山路88号青禾创意园2幢3', 177, 758, 1298, 44],
        ['层301室；经营范围一般项目：技术服务、技术开发、技术咨询、技术交流', 181, 832, 1288, 44],
        ['技术转让、技术推广；软件开发；信息系统集成服务；职业技能培训（不含需取得许可', 183, 912, 1290, 37],
        ['的培训）；（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）。', 182, 987, 1100, 41],
      ]),
    );
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区转塘街道象山路88号青禾创意园2幢3层301室');
  });
});

describe('underlines read as underscores', () => {
  // Fill-in-the-blank forms print values on underlines; the engine reads the underline's ends, and a label's
  // letter-spacing over one, as `_`. It is spacing, never part of a label or a value.
  it('reads the term of a contract whose dates were filled in on underlines', () => {
    const pages = laborContractPages().map((p) => ({
      ...p,
      lines: p.lines.map((l) => (l.text.startsWith('固定期限') ? { ...l, text: '①固定期限：自_2020年3月1日起至_2023年02月28日' } : l)),
    }));
    const doc = extractDocuments(pages, { today: TODAY })[0];
    expect(doc.fields.startDate.value).toBe('2020-03-01');
    expect(doc.fields.endDate.value).toBe('2023-02-28');
  });

  it('treats underscores as spaces except the blank opening right after a colon', () => {
    expect(underlinesAsSpaces('企业名_称_杭州青禾文化传媒有限公司')).toBe('企业名 称 杭州青禾文化传媒有限公司');
    expect(underlinesAsSpaces('字号名称：_杭州青禾_，注册资本')).toBe('字号名称：_杭州青禾 ，注册资本');
  });
});

describe('a label cut between boxes or lines of run-on prose', () => {
  // Spread labels (`企　业　名　称`) in run-on prose: the engine ends a box inside the label, so its first character
  // is glued after the previous value's separator (`…至长期；地`) and the rest opens the next box (`址浙江省`), on the
  // same row or at the margin of the next.
  const licence = (rows: Line[]) =>
    scanAt([
      ['营业执照', 533, 238, 543, 96],
      ['统一社会信用代码', 133, 450, 261, 36],
      ...rows,
      ['登记机关：', 1199, 1172, 158, 44],
      ['发照日期：二〇一五年四月二日', 1042, 1229, 480, 41],
    ]);

  it('reads the name and the address whose labels start in the box before them', () => {
    const doc = readOne(
      licence([
        [`${code}(1-1)；类`, 439, 445, 546, 48],
        ['型有限责任公司(自然', 1168, 448, 356, 41],
        ['人投资或控股)；企', 134, 523, 370, 42],
        ['业名_称_杭州青禾文化传媒有限公司', 530, 521, 760, 45],
        ['法定代表人姓名', 133, 598, 308, 36],
        ['欧阳明轩', 456, 599, 160, 36],
        ['；成立日期2015/03/09', 700, 597, 500, 43],
        ['；经营期限_二〇一五年三月九日至长期_；地', 166, 668, 1050, 43],
        ['址浙江省', 1326, 668, 199, 44],
        ['杭州市西湖区转塘街道象山路88号2幢301室', 135, 744, 700, 38],
        ['；经营项目', 850, 746, 200, 36],
        ['一般项目：技术服务、技术开发。', 1060, 745, 450, 37],
      ]),
    );
    expect(doc.type).toBe('business_license');
    expect(doc.fields.companyName.value).toBe('杭州青禾文化传媒有限公司');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区转塘街道象山路88号2幢301室');
  });

  it('reads a name whose label starts at the end of the row above', () => {
    const doc = readOne(
      licence([
        [code, 439, 445, 546, 48],
        ['类型：有限责任公司；成立日期：2015年03月09日；名', 133, 523, 1380, 42],
        ['称：杭州青禾文化传媒有限公司；法定代表人：欧阳明轩；', 134, 598, 1100, 42],
        ['住所：浙江省杭州市西湖区转塘街道象山路88号2幢301室', 134, 668, 1000, 42],
      ]),
    );
    expect(doc.fields.companyName.value).toBe('杭州青禾文化传媒有限公司');
  });
});

describe('a two-character label justified across a wide column, its second character opening the value', () => {
  // `甲　　　　　方:杭州…` justified to the width of the column's longest label: the engine boxes `甲` alone and
  // `方:` with the value, six heights further.
  it('reads the employer after a label whose characters sit six heights apart', () => {
    const doc = readOne(
      scanAt([
        ['劳动合同书', 641, 169, 418, 71],
        ['甲', 188, 327, 40, 37],
        ['方:杭州青禾文化传媒有限公司', 474, 325, 560, 43],
        ['统一社会信用代码:', 1168, 325, 359, 41],
        [code, 258, 397, 350, 38],
        ['法定代表人:', 704, 395, 223, 38],
        ['欧阳明轩', 926, 395, 140, 40],
        ['乙方(劳动者)姓名:', 1218, 465, 311, 42],
        ['丁一鸣', 197, 541, 133, 35],
        ['身份证号码:', 335, 538, 258, 38],
        ['合同期限：自2019年03月05日起至2022年03月04日止。', 189, 610, 900, 40],
        ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 128, 854, 899, 41],
        ['二、甲方依法为乙方缴纳社会保险费。', 128, 909, 501, 36],
        ['甲方(盖章):', 124, 1082, 216, 45],
        ['乙方(签字):', 900, 1082, 216, 45],
      ]),
    );
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.employerName.value).toBe('杭州青禾文化传媒有限公司');
  });
});

describe('a party label that lost the gap before its value', () => {
  // Plain labels in run-on prose: the engine read `甲方　杭州…` without the gap, the label glued to the name.
  const contract = (first: Line) =>
    scanAt([
      ['劳动合同书', 646, 226, 348, 59],
      first,
      [`${code}　；法定代表人姓名欧阳明轩　；地址　浙江省杭州市西湖`, 186, 452, 1343, 40],
      ['区转塘街道象山路88号2幢301室　；劳动者姓名', 124, 526, 1142, 45],
      ['丁一鸣', 1330, 529, 104, 38],
      ['合同期限自　2018年03月04日　；终止日期　2019年03月03日', 123, 678, 1100, 46],
      ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 128, 854, 899, 41],
      ['甲方应按月足额支付乙方劳动报酬。', 128, 909, 601, 36],
      ['甲方(盖章):', 124, 1082, 216, 45],
    ]);

  it('reads the employer glued to 甲方 at the start of a line', () => {
    const doc = readOne(contract(['甲方杭州青禾文化传媒有限公司　；统一社会信用代码', 124, 373, 1406, 42]));
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.employerName.value).toBe('杭州青禾文化传媒有限公司');
  });

  it('does not take a clause that opens with 甲方 for the employer', () => {
    const doc = readOne(contract(['统一社会信用代码', 124, 373, 400, 42]));
    expect(doc.fields.employerName.value ?? '').not.toContain('支付');
  });
});

describe("a spread label's first character glued after a value in a box of its own", () => {
  // `企业名称:` | `杭州…有限公司类` | `型:有限责任公司…`: the label's box and the value's are apart, and the engine cut
  // the spread `类　型` after its first character.
  it('reads the name without the character and flags the cut', () => {
    const doc = readOne(
      scanAt([
        ['企业法人营业执照', 742, 207, 831, 78],
        ['统一社会信用代码:', 195, 380, 300, 40],
        [code, 500, 380, 400, 40],
        ['企业名称:', 195, 452, 238, 40],
        ['杭州青禾文化传媒有限公司类', 433, 450, 623, 45],
        ['型:有限责任公司(自然人投资或控股)', 1056, 453, 678, 39],
        ['法定代表人:', 195, 522, 200, 40],
        ['欧阳明轩', 441, 524, 160, 39],
        ['住所:浙江省杭州市西湖区转塘街道象山路88号2幢301室', 195, 600, 1000, 40],
      ]),
    );
    expect(doc.fields.companyName.value).toBe('杭州青禾文化传媒有限公司');
    expect(doc.fields.companyName.needsReview).toBe(true);
  });
});

describe("a date's month and day wrapped to the margin under another value", () => {
  // Run-on prose wraps the row's last date after its year (`发证日期二〇二〇年` | `三月廿二日。`); the tail lands at
  // the margin, right under the row's first value, and is never the rest of it.
  it("does not join the tail of the row's issue date to the training project", () => {
    const doc = readOne(
      scanAt([
        ['培训合格证书', 963, 215, 401, 59],
        ['姓名丁一鸣', 159, 360, 300, 44],
        ['身份证件号码', 937, 361, 193, 42],
        ['330106198704123162', 1174, 364, 312, 36],
        ['培训项目家政服务员培训', 162, 479, 390, 40],
        ['培训时间 2020.02.24至2020.03.14', 600, 482, 470, 35],
        ['证书号码PX202053417454', 1100, 476, 380, 49],
        ['发证日期二〇二〇年', 1500, 482, 312, 37],
        ['三月廿二日。', 161, 548, 220, 45],
        ['杭州青禾职业技能培训学校', 1404, 688, 373, 46],
      ]),
    );
    expect(doc.fields.occupation.value).toBe('家政服务员培训');
  });
});

describe("the margin under a full row of prose goes on from the row's last field", () => {
  // `职业(工种)名称 电工 ;职业技能等级三` fills its row; `级 ;证` opens the next at the margin, under the occupation's
  // label: it is the level's tail, not the occupation's.
  it("does not join the next row's margin to a value followed by another field on a full row", () => {
    const doc = readOne(
      scanAt([
        ['职业技能等级证书', 413, 137, 808, 76],
        ['持证人姓名', 202, 330, 310, 40],
        ['丁一鸣', 522, 331, 155, 39],
        ['身份证号', 203, 411, 224, 44],
        ['330106198704123162', 437, 415, 352, 37],
        ['职业(工种)名称 育婴员 ;职业技能等级三', 198, 538, 955, 56],
        ['级 ;证', 199, 620, 153, 53],
        ['书号', 434, 625, 174, 40],
        ['Y330106217366201792246', 641, 629, 444, 37],
        ['发证机构:杭州青禾职业技能培训学校', 198, 709, 700, 40],
      ]),
    );
    expect(doc.fields.occupation.value).toBe('育婴员');
  });
});
