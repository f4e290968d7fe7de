import { describe, expect, it } from 'vitest';
import { withoutCutFiller } from '../../shared/extraction/cut-filler.js';
import { extractDocuments } from '../../shared/extraction/index.js';
import { readAddress, readOrganisationName } from '../../shared/extraction/value-readers.js';
import { creditCode } from './support/documents.js';
import { textLayerPage as page, type Line } from './support/text-lines.js';

// Classes behind the last digital misses of the development samples (issue 12; procedural-v3-dev … dev6, licences in
// run-on prose and bilingual grids). The text layer is exact, so each miss was the reader's. Built on constructed
// text-layer lines with values of their own: no eval file is read here.

const TODAY = '2026-12-04';
const read = (lines: readonly Line[], size?: { width: number; height: number }) => extractDocuments([page(lines, size)], { today: TODAY })[0];

const SCOPE_1 = '一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发；信';
const SCOPE_2 = '息系统集成服务；职业技能培训（不含需取得许可的培训）；人力资源服务（不含职业中';

describe('a licence address barred out in run-on prose', () => {
  // `；地址：` ends its row; the uploader barred out the address, so the next row opens with `；营业期限：` well in from
  // the margin, and the row after that starts with the term's wrapped end at the margin.
  const prose = (addressRow: Line[]): Line[] => [
    ['统一社会信用代码', 205, 161, 278, 35],
    [creditCode('4RTY8P2M0', '330106'), 205, 215, 401, 38],
    ['营业执照', 577, 214, 458, 86],
    ['名称：', 189, 442, 105, 37],
    ['杭州明远电子商务有限公司', 338, 442, 424, 35],
    ['；主体类型：', 806, 442, 212, 37],
    ['有限责任公司(自然人投资', 1063, 442, 402, 38],
    ['或控股)', 189, 524, 132, 38],
    ['；法定代表人姓名：', 366, 524, 354, 37],
    ['韩立新', 752, 524, 110, 35],
    ['；注册资本：', 900, 524, 234, 37],
    ['100 万元人民币', 1150, 524, 258, 38],
    ['；', 1430, 524, 35, 37],
    ['成立日期：', 189, 603, 230, 37],
    ['二〇一一年五月九日', 497, 603, 500, 37],
    ['；地址：', 1283, 603, 181, 37],
    ...addressRow,
    ['；营业期限：', 1014, 682, 225, 37],
    ['2011年05', 1310, 682, 154, 38],
    ['月09日至长期', 189, 763, 212, 38],
    ['；经营范围：', 469, 763, 208, 37],
    ['一般项目：技术服务、技术开发、技术咨询、技', 735, 763, 730, 37],
    ['术交流、技术转让、技术推广；软件开发；信息系统集成服务；职业技能培训（不', 189, 842, 1276, 37],
    ['登记机关：', 1205, 1297, 174, 37],
  ];

  it('reads no address from the margin line past a row that holds another label', () => {
    const doc = read(prose([]));
    expect(doc.fields.address.value).toBeNull();
    expect(doc.fields.address.needsReview).toBe(true);
  });

  it('still reads an address printed where the barred one was (the guard stops only a labelled row between)', () => {
    const doc = read(prose([['浙江省杭州市西湖区文三路90号', 189, 682, 600, 37]]));
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区文三路90号');
  });

  it('reads no address from the prose a later label of its row runs on into', () => {
    // `企业住所` and then `，经营项目　一般` on one row, the address barred out; the scope runs on at the margin.
    const doc = read([
      ['统一社会信用代码', 118, 160, 267, 33],
      [creditCode('6PLK2WQ81', '330106'), 118, 212, 422, 36],
      ['营业执照', 582, 254, 451, 83],
      ['企业名称', 173, 504, 167, 33],
      ['杭州远景文化传媒有限公司', 384, 504, 400, 33],
      ['，类型', 967, 504, 120, 33],
      ['有限责任公司', 1200, 504, 200, 36],
      ['成立日期', 173, 656, 167, 33],
      ['2015.03.18', 405, 656, 167, 36],
      ['，营业期限', 639, 656, 202, 33],
      ['二〇一五年三月十八日至长期', 914, 656, 459, 33],
      ['，', 1447, 656, 33, 33],
      ['企业住所', 173, 733, 167, 33],
      ['，经营项目', 1146, 733, 208, 33],
      ['一般', 1406, 733, 74, 33],
      [SCOPE_1.slice(2), 173, 810, 1307, 33],
      [SCOPE_2, 173, 887, 1307, 33],
      ['介活动）。', 173, 962, 200, 33],
      ['登记机关：', 173, 1319, 167, 33],
    ]);
    expect(doc.fields.address.value).toBeNull();
    expect(doc.fields.address.needsReview).toBe(true);
  });
});

describe('a value barred out with mask characters', () => {
  it('reads an address holding a run of asterisks as masked, never as what is left', () => {
    const r = readAddress('浙江省杭州********************7室');
    expect(r?.value).toBeNull();
    expect(r?.issues).toContain('value_masked');
  });

  it('reads an organisation name holding a run of blocks as masked', () => {
    const r = readOrganisationName('杭州■■■■科技有限公司');
    expect(r?.value).toBeNull();
    expect(r?.issues).toContain('value_masked');
  });

  it('reads no address from a bilingual label’s English gloss left where the address was barred out', () => {
    expect(readAddress('Business Premises')).toBeNull();
    expect(readAddress('Domicile')).toBeNull();
  });

  it('still reads an address without mask characters', () => {
    expect(readAddress('浙江省杭州市西湖区文三路90号')?.value).toBe('浙江省杭州市西湖区文三路90号');
  });
});

describe('a date cut at the right edge of run-on prose, its rest spaced by the text layer', () => {
  it('reads `2009` | `年7 月15 日` as one date', () => {
    const doc = read([
      ['注册号　330106084306752', 126, 103, 495, 33],
      ['营业执照', 580, 278, 468, 95],
      ['名称', 205, 523, 191, 33],
      ['杭州明远电子商务有限公司', 442, 523, 400, 33],
      ['类型', 870, 523, 100, 33],
      ['有限责任公司', 1161, 523, 261, 33],
      ['注册资本', 205, 671, 192, 33],
      ['3000万元人民币', 422, 671, 226, 33],
      ['法人代表', 674, 671, 256, 33],
      ['李明', 970, 671, 64, 33],
      ['登记成立日期', 1074, 671, 258, 33],
      ['2009', 1385, 671, 64, 33],
      ['年7 月15 日', 205, 744, 354, 33],
      ['营业期限', 616, 744, 267, 33],
      ['2009.07.15 至2029 年7 月14 日', 954, 744, 425, 33],
      ['住所', 205, 817, 191, 33],
      ['浙江省杭州市西湖区文三路90号', 440, 817, 500, 33],
    ]);
    expect(doc.fields.establishedDate.value).toBe('2009-07-15');
  });
});

describe('a filler phrase cut across two boxes', () => {
  const lines: Line[] = [
    ['统一社会信用代码', 165, 105, 278, 35],
    [creditCode('2HJK7L9Q3', '330106'), 165, 161, 371, 37],
    ['营业执照', 588, 223, 441, 83],
    ['字号名称：', 173, 474, 174, 35],
    ['浙江明远建筑工', 431, 388, 243, 35],
    ['程设计服务股份', 431, 434, 243, 35],
    ['有限公司', 484, 482, 139, 35],
    ['以下空', 694, 388, 104, 35],
    ['白', 596, 528, 35, 35],
    ['类型：', 909, 474, 104, 35],
    ['其他股份有限', 1116, 434, 208, 35],
    ['公司(非上市)', 1116, 482, 197, 37],
    ['成立日期：', 173, 755, 174, 35],
    ['2008年2月3日', 504, 738, 220, 37],
  ];

  it('is dropped before the layout: the head cut from its box, the rest alone dropped', () => {
    const out = withoutCutFiller(page(lines).lines);
    expect(out.map((l) => l.text)).not.toContain('白');
    expect(out.map((l) => l.text)).not.toContain('以下空');
    expect(out).toHaveLength(lines.length - 2);
  });

  it('keeps a name wrapped above it whole, without the phrase’s last character', () => {
    const doc = read(lines);
    expect(doc.fields.companyName.value).toBe('浙江明远建筑工程设计服务股份有限公司');
  });

  it('leaves a lone character that finishes no filler phrase alone', () => {
    const out = withoutCutFiller(
      page([
        ['以下空', 694, 388, 104, 35],
        ['红', 596, 528, 35, 35],
      ]).lines,
    );
    expect(out.map((l) => l.text)).toEqual(['以下空', '红']);
  });
});

describe('a text-layer page whose values sit off their labels’ rows', () => {
  // A bilingual grid (landscape 副本): each value centred on its label and its English gloss, so label and value
  // boxes pair up a little off level across the page, and the seal's lettering runs on an arc. Such a page reads as
  // skewed; a text layer's boxes are the glyphs' own, so straightening must not squeeze a wide line to half its height.
  const lines: Line[] = [
    ['编号：71234509876', 1942, 86, 278, 33],
    ['营业执照', 971, 178, 374, 77],
    ['（副本）', 1116, 273, 106, 26],
    ['Name', 249, 405, 50, 20],
    ['名　　　　称:', 191, 433, 166, 28],
    ['杭州远景信', 402, 385, 132, 26],
    ['息科技有限', 402, 421, 132, 26],
    ['公司', 402, 456, 53, 26],
    ['Registration No.', 207, 515, 133, 20],
    ['注　册　号:', 204, 541, 139, 28],
    ['330106000012340 (2-1)', 402, 531, 291, 28],
    ['Type', 254, 626, 40, 20],
    ['公司类型:', 218, 652, 113, 28],
    ['有限责任公司', 402, 604, 158, 26],
    ['(自然人投资或', 402, 639, 167, 28],
    ['控股)', 402, 677, 62, 28],
    ['Legal Representative', 187, 734, 174, 20],
    ['法定代表人:', 204, 762, 139, 28],
    ['欧阳青', 402, 750, 79, 26],
    ['Date of Establishment', 183, 822, 183, 20],
    ['登记成立日期:', 191, 850, 166, 28],
    ['2012年3月8日', 402, 837, 167, 28],
    ['Registered Capital', 198, 907, 151, 20],
    ['注册资本:', 218, 935, 113, 28],
    ['500万元人民币', 402, 923, 176, 28],
    ['Business Term', 214, 995, 121, 20],
    ['营业期限:', 218, 1023, 113, 28],
    ['2012年03月08日至长期', 402, 1010, 276, 28],
    ['Domicile', 237, 1105, 74, 20],
    ['地　　　　址:', 191, 1131, 166, 28],
    ['浙江省杭州市拱墅区湖墅街道湖墅', 402, 1085, 396, 26],
    ['南路288号远景国际商务中心12', 402, 1121, 390, 28],
    ['幢8层1208室', 402, 1156, 152, 28],
    ['Business Scope', 210, 1255, 129, 20],
    ['经营范围:', 218, 1283, 113, 28],
    ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发；信息系统集成服务；职业技能培训', 415, 1218, 1452, 26],
    ['（不含需取得许可的培训）；人力资源服务（不含职业中介活动、劳务派遣服务）；家政服务；养老服务；餐饮管理；日用百货销', 402, 1254, 1478, 26],
    ['售；（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）。（除依法须经批准的项目外，凭营业执照依法自主开展经', 409, 1289, 1465, 26],
    ['营活动）。', 1082, 1325, 119, 26],
    ['登记机关:', 1993, 1475, 113, 28],
    ['发照日期:2012/03/08', 1924, 1523, 251, 28],
    ...(
      [
        ['杭', 1986, 1469, 26],
        ['州', 1993, 1445, 30],
        ['市', 2006, 1424, 31],
        ['拱', 2025, 1409, 30],
        ['墅', 2048, 1400, 28],
        ['区', 2074, 1398, 23],
        ['市', 2097, 1399, 26],
        ['场', 2117, 1405, 30],
        ['监', 2136, 1419, 31],
        ['督', 2152, 1438, 30],
        ['管', 2164, 1462, 27],
        ['理', 2170, 1488, 22],
        ['局', 2165, 1510, 27],
      ] as const
    ).map(([ch, x, y, s]): Line => [ch, x, y, s, s]),
  ];

  it('reads the address centred on its label whole', () => {
    const doc = read(lines, { width: 2339, height: 1653 });
    expect(doc.fields.address.value).toBe('浙江省杭州市拱墅区湖墅街道湖墅南路288号远景国际商务中心12幢8层1208室');
  });
});

describe('a spread label whose last character shares its box with the value', () => {
  it('reads `名` … `称: 杭州市…` (four heights apart) as the label and its value, the wrapped line joined', () => {
    const doc = read([
      ['统一社会信用代码　91330106MA2B7C8D0E', 157, 161, 691, 37],
      ['营业执照', 583, 209, 454, 89],
      ['名', 150, 380, 35, 35],
      ['称: 杭州市西湖区明远文化', 323, 380, 419, 37],
      ['创意环境服务部', 388, 459, 243, 35],
      ['，经', 767, 380, 73, 35],
      ['营', 873, 380, 35, 35],
      ['者:', 979, 380, 44, 37],
      ['柳志强', 1079, 380, 112, 35],
      ['，主体类型:', 1248, 380, 256, 37],
      ['个体工商户', 176, 540, 201, 35],
      ['，注册日期:', 411, 540, 260, 37],
      ['2018 年12 月9 日', 727, 540, 273, 37],
    ]);
    expect(doc.fields.companyName.value).toBe('杭州市西湖区明远文化创意环境服务部');
  });
});

describe('a value glued to a spread label in one text-layer box', () => {
  it('joins the lines wrapped flush with the value, its start measured back from the box’s end', () => {
    // `名　　　称杭州西溪餐` in one box: counted from the left, the spread label's spaces put the value's start two
    // characters early; the wrapped `饮管理有限` | `公司` sit flush with where it really starts.
    const doc = read([
      ['统一社会信用代码　91330106MA2B7C8D0E (1-1)', 205, 152, 675, 33],
      ['营业执照', 581, 271, 460, 95],
      ['名　　　称杭州明远餐', 181, 494, 334, 31],
      ['饮管理有限', 359, 563, 156, 31],
      ['公司', 359, 634, 61, 31],
      ['类　　　型', 536, 494, 221, 31],
      ['有限责任公司', 824, 494, 218, 31],
      ['法定代表人', 1109, 494, 221, 31],
      ['许琪远', 1355, 494, 179, 31],
      ['注册资金', 181, 704, 129, 31],
      ['200万元人民币', 364, 704, 215, 33],
      ['成立日期', 633, 704, 194, 31],
      ['二〇一一年十二月廿四日', 874, 704, 358, 31],
    ]);
    expect(doc.fields.companyName.value).toBe('杭州明远餐饮管理有限公司');
  });
});

describe('a special-ability certificate that labels the ability with the kind’s own name', () => {
  it('reads the occupation beside `专项职业能力：`', () => {
    const doc = read(
      [
        ['专项职业能力证书', 908, 201, 516, 58],
        ['考生姓名：', 156, 361, 174, 35],
        ['Name', 210, 406, 65, 26],
        ['钱晓梅', 371, 378, 104, 35],
        ['证件号码：', 156, 472, 174, 35],
        ['ID No.', 209, 515, 66, 26],
        ['330105199306250964', 371, 486, 347, 35],
        ['Special Ability', 199, 619, 155, 26],
        ['专项职业能力：', 156, 653, 243, 35],
        ['茶艺服务', 440, 638, 139, 35],
        ['Date of Issue', 207, 727, 140, 26],
        ['发证日期：', 190, 763, 174, 35],
        ['2021.11.30', 570, 747, 173, 35],
        ['杭州市职业能力建设指导服务中心', 1684, 936, 521, 35],
      ],
      { width: 2339, height: 1653 },
    );
    expect(doc.fields.occupation.value).toBe('茶艺服务');
  });
});

describe('a seal whose ring holds a label word', () => {
  it('never reads the issuer under the seal as the occupation of `职` `业` in the ring', () => {
    const ring: Line[] = (
      [
        ['杭', 1763, 794, 34],
        ['州', 1771, 763, 38],
        ['市', 1789, 737, 40],
        ['职', 1814, 718, 39],
        ['业', 1844, 707, 35],
        ['技', 1878, 706, 29],
        ['能', 1906, 706, 34],
        ['鉴', 1933, 716, 39],
        ['定', 1957, 734, 40],
        ['指', 1977, 759, 39],
        ['导', 1991, 789, 35],
        ['中', 1999, 824, 28],
        ['心', 1992, 851, 35],
      ] as const
    ).map(([ch, x, y, s]): Line => [ch, x, y, s, s]);
    const doc = read(
      [
        ['中华人民共和国职业资格证书', 668, 184, 994, 68],
        ['持　证　人：郑红颖　性　　　别：', 118, 349, 573, 35],
        ['出生日期：', 866, 349, 202, 35],
        ['一九六八年一月九日', 1121, 349, 304, 35],
        ['身份证件号码：', 1478, 349, 270, 35],
        ['330302196801099999', 172, 426, 300, 35],
        ['申报职业：', 118, 551, 208, 35],
        ['中式烹调师', 385, 551, 208, 35],
        ['；职业技能等级：', 652, 551, 340, 35],
        ['国家职业资格二级', 1052, 551, 340, 35],
        ['；证　书　号：', 1452, 551, 296, 35],
        ['1333010748250355', 171, 626, 267, 35],
        ['。', 490, 626, 33, 35],
        ['杭州市职业技能鉴定指导中心', 1787, 766, 433, 35],
        ['认定日期：2013.10.11', 1837, 826, 333, 35],
        ...ring,
      ],
      { width: 2339, height: 1653 },
    );
    expect(doc.fields.occupation.value).toBe('中式烹调师');
  });
});

describe('a long name wrapped three characters a line in a narrow cell centred on its label', () => {
  it('reads all three lines above the label’s row with the three from it down', () => {
    const doc = read([
      ['统一社会信用代码:', 160, 566, 285, 35],
      ['91330106MA2B7C8D0E', 484, 551, 390, 35],
      ['营业执照', 590, 239, 433, 75],
      ['Name', 1090, 538, 63, 26],
      ['字号名称:', 979, 566, 285, 35],
      ['杭州明', 1309, 439, 101, 35],
      ['远物流', 1309, 482, 101, 35],
      ['有限公', 1309, 528, 101, 35],
      ['司文二', 1309, 574, 101, 35],
      ['路分公', 1309, 620, 101, 35],
      ['司', 1343, 664, 34, 35],
      ['Type', 276, 747, 52, 26],
      ['主体类型:', 160, 776, 285, 35],
      ['有限责任公司分公司', 485, 776, 300, 35],
      ['负责人:', 979, 776, 285, 35],
      ['潘慧', 1326, 776, 67, 35],
    ]);
    expect(doc.fields.companyName.value).toBe('杭州明远物流有限公司文二路分公司');
  });
});

describe('a landscape certificate whose labels and values fill both halves of the page', () => {
  it('is one page, not a booklet spread: `证号：` left of the middle keeps its number just across it', () => {
    const doc = read(
      [
        ['专项职业能力证书', 908, 201, 516, 58],
        ['考生姓名：', 156, 361, 174, 35],
        ['Name', 210, 406, 65, 26],
        ['钱晓梅', 371, 378, 104, 35],
        ['性别：', 1430, 361, 104, 35],
        ['Sex', 1463, 406, 39, 26],
        ['证件号码：', 156, 472, 174, 35],
        ['ID No.', 209, 515, 66, 26],
        ['330105199306250964', 371, 486, 347, 35],
        ['Special Ability', 199, 619, 155, 26],
        ['专项职业能力：', 156, 653, 243, 35],
        ['茶艺服务', 440, 638, 139, 35],
        ['Certificate No.', 915, 619, 156, 26],
        ['证号：', 942, 653, 104, 35],
        ['ZX20213301961520', 1272, 638, 310, 35],
        ['Date of Issue', 207, 727, 140, 26],
        ['发证日期：', 190, 763, 174, 35],
        ['2021.11.30', 570, 747, 173, 35],
        ['杭州市职业能力建设指导服务中心', 1684, 936, 521, 35],
        ['颁证日期：2021年11月30日', 1729, 999, 432, 35],
      ],
      { width: 2339, height: 1653 },
    );
    expect(doc.fields.certificateNumber.value).toBe('ZX20213301961520');
  });
});
