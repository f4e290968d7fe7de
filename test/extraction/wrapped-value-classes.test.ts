import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { company, creditCode, laborContractPages, person } from './support/documents.js';
import { PageBuilder } from './support/page-builder.js';
import { textLayerPage as page, type Line } from './support/text-lines.js';

// Classes behind the values the reader cut short or missed on digital PDFs (issue 12, development samples packets-v1,
// packets-v2, procedural-v3-dev … dev6; procedural-v3 itself never opened). The text layer is exact, so each miss was
// the reader's. Built on constructed OCR lines with values of their own: no eval file is read here.

const TODAY = '2026-12-04';

const readOne = (lines: readonly Line[]) => extractDocuments([page(lines)], { today: TODAY })[0];

/** One box per character, `pitch` pixels from the start of one to the start of the next. */
function spread(text: string, x: number, y: number, pitch: number, size = 36): Line[] {
  return [...text].map((ch, i) => [ch, x + i * pitch, y, size, 38]);
}

describe('an address after a label spread into boxes of its own', () => {
  // `企 业 住 所` one box a character, then `: 浙江省…` in one box: the wrapped line is set flush with the address,
  // a character in from the colon, on a loose row pitch (83 px for 38 px lines).
  const licence = (rest: Line): Line[] => [
    ['统一社会信用代码', 157, 143, 289, 38],
    [creditCode('7KD3N2W5X', '330106'), 157, 201, 325, 38],
    ['营业执照', 581, 235, 460, 89],
    ['名称:', 157, 501, 115, 38],
    [company.name, 327, 501, 500, 38],
    ['成立日期:', 157, 834, 181, 38],
    ['2016/03/11', 393, 834, 181, 38],
    ...spread('企业住所', 157, 916, 83),
    [': 浙江省杭州市拱墅区湖墅南路38', 488, 916, 556, 38],
    rest,
    ...spread('经营范围', 1148, 916, 83),
    ['一般项目：技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件', 178, 1082, 1339, 38],
    ['登记机关:', 1288, 1624, 162, 38],
  ];

  it('joins the wrapped line set flush with the value rather than with its colon', () => {
    const doc = readOne(licence(['7号5幢802室', 528, 999, 235, 38]));
    expect(doc.type).toBe('business_license');
    expect(doc.fields.address.value).toBe('浙江省杭州市拱墅区湖墅南路387号5幢802室');
  });

  it('still leaves alone a line under the value that starts well right of it', () => {
    const doc = readOne(licence(['7号5幢802室', 700, 999, 235, 38]));
    expect(doc.fields.address.value).not.toBe('浙江省杭州市拱墅区湖墅南路387号5幢802室');
    expect(doc.fields.address.needsReview).toBe(true);
  });
});

describe('an address centred on its label, starting a line or two above the label row', () => {
  // A bilingual grid: each value centred in its cell; the address block's first lines sit nearer the previous label
  // (`成立日期:`) than its own, but are set tight with the rest of the block and apart from that label's value.
  const grid = (block: readonly Line[]): Line[] => [
    ['营业执照', 640, 230, 400, 90],
    ['Name', 228, 440, 65, 27],
    ['字号名称:', 173, 474, 174, 35],
    [company.name, 431, 474, 520, 35],
    ['Legal Representative', 847, 602, 228, 27],
    ['法定代表人:', 857, 638, 208, 35],
    [person.name, 1116, 622, 104, 35],
    ['统一社会信用代码:', 173, 638, 300, 35],
    [creditCode('3MB8R1T6Y', '330106'), 498, 680, 300, 37],
    ['Date of Establishment', 140, 719, 241, 27],
    ['成立日期:', 173, 755, 174, 35],
    ['2009年6月14日', 504, 738, 220, 37],
    ['Domicile', 212, 890, 97, 27],
    ['企业住所:', 173, 926, 174, 35],
    ...block,
    ['Business Scope', 175, 1131, 170, 27],
    ['经营范围:', 173, 1167, 174, 35],
    ['一般项目:技术服务、技术开发、技术咨询、技术交流、技术转', 441, 1151, 972, 35],
  ];

  it('reads every line of the block, the first two above the label row', () => {
    const doc = readOne(
      grid([
        ['浙江省杭州市上城区清波', 423, 838, 382, 35],
        ['街道南山路218号湖滨商', 429, 886, 370, 37],
        ['务大厦3幢12层1208', 427, 932, 374, 37],
        ['室', 600, 980, 35, 37],
      ]),
    );
    expect(doc.type).toBe('business_license');
    expect(doc.fields.address.value).toBe('浙江省杭州市上城区清波街道南山路218号湖滨商务大厦3幢12层1208室');
    expect(doc.fields.establishedDate?.value).toBe('2009-06-14');
  });

  it("takes no line above that ends a block begun on the previous label's row", () => {
    // `类型:`'s value wraps down towards the address row, at a wrapped line's gap: it is not the address's start,
    // though it sits nearer `企业住所:` than the type label's centre.
    const doc = readOne([
      ['营业执照', 640, 230, 400, 90],
      ['字号名称:', 173, 474, 174, 35],
      [company.name, 431, 474, 520, 35],
      ['成立日期:', 173, 640, 174, 35],
      ['2009年6月14日', 504, 640, 220, 37],
      ['类型:', 173, 820, 104, 35],
      ['有限责任公司(自然', 431, 820, 330, 35],
      ['人投资或控股)', 431, 868, 250, 37],
      ['企业住所:', 173, 926, 174, 35],
      ['浙江省杭州市上城区南山路218号', 431, 915, 520, 37],
      ['经营范围:', 173, 1167, 174, 35],
      ['一般项目:技术服务、技术开发、技术咨询、技术交流、技术转', 441, 1151, 972, 35],
    ]);
    expect(doc.type).toBe('business_license');
    expect(doc.fields.address.value).toBe('浙江省杭州市上城区南山路218号');
  });
});

describe('a date in words centred on its label over three lines', () => {
  // A bilingual contract grid: `合同期限自:` beside the middle line `三月十七`, the year above, `日` under it.
  const contract = (start: readonly Line[]): Line[] => [
    ['劳动合同', 653, 176, 327, 64],
    ['Employer', 280, 369, 106, 27],
    ['用工单位:', 255, 402, 156, 36],
    [company.name, 497, 402, 420, 36],
    ['社会信用代码:', 751, 450, 226, 36],
    [company.code, 1080, 450, 312, 36],
    ['乙方:', 289, 775, 87, 36],
    [person.name, 488, 759, 104, 36],
    ['身份证号码:', 768, 775, 191, 36],
    [person.id, 1049, 759, 330, 36],
    ['联系电话:', 255, 884, 156, 36],
    ['13905717788', 488, 869, 191, 36],
    ...start,
    ['Term From', 273, 992, 119, 27],
    ['合同期限自:', 237, 1025, 191, 36],
    ['合同期限至:', 768, 1025, 191, 36],
    ['2023年3月16日', 1049, 1009, 226, 36],
    ['工作岗位:', 255, 1165, 156, 36],
    ['保育员', 532, 1148, 104, 36],
    ['一、乙方同意根据甲方工作需要,在上述岗位工作,服从甲方管理。', 197, 1267, 958, 33],
    ['甲方(盖章):', 197, 1521, 243, 36],
    ['乙方(签字):', 827, 1521, 243, 36],
    ['签订日期:二〇二〇年三月十五日', 197, 1592, 521, 36],
  ];

  it('reads the year above, the line beside the label and the day under it as one date, for the clerk to confirm', () => {
    const doc = readOne(
      contract([
        ['二〇二〇年', 497, 961, 174, 36],
        ['三月十七', 506, 1009, 156, 36],
        ['日', 566, 1054, 35, 36],
      ]),
    );
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.startDate.value).toBe('2020-03-17');
    expect(doc.fields.startDate.needsReview).toBe(true);
    expect(doc.fields.endDate.value).toBe('2023-03-16');
  });
});

describe('a contract that ends on a blank change record after its signature page', () => {
  // Booklet contracts end on `劳动合同变更、续订记录`, its date cells empty; the dates both parties wrote sit, with no
  // label, under their signatures on the page before (packets-v1 and v2 development samples).
  const [cover, clauses] = laborContractPages({ pageNumbers: false });
  const signature = (dates: readonly string[]) =>
    new PageBuilder({ pageNumber: 3 })
      .line('（以下无正文）')
      .gap(3)
      .row([
        [215, '甲方（公章）'],
        [932, '乙方（签名）'],
      ])
      .row([
        [215, '法定代表人：苏明'],
        [932, person.name],
      ])
      .row(dates.map((d, i): [number, string] => [i === 0 ? 215 : 932, d]))
      .at(1462, 2210, '3')
      .build();
  const record = new PageBuilder({ pageNumber: 4 })
    .at(509, 243, '劳动合同变更、续订记录', { height: 46 })
    .line('变更（续订）内容')
    .gap(4)
    .line('变更（续订）日期')
    .gap(4)
    .line('甲方（盖章）')
    .gap(4)
    .line('乙方（签字）')
    .at(173, 2210, '4')
    .build();

  it('reads the signing date from the last page that holds one, under both parties', () => {
    const docs = extractDocuments([cover, clauses, signature(['2020年2月26日', '2020年2月26日']), record], { today: TODAY });
    expect(docs).toHaveLength(1);
    const [doc] = docs;
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.signedDate.value).toBe('2020-02-26');
    expect(doc.fields.signedDate.issues ?? []).not.toContain('signed_date_inferred_unlabelled');
  });

  it('flags the date when only one party dated the signature page', () => {
    const [doc] = extractDocuments([cover, clauses, signature(['2020年2月26日']), record], { today: TODAY });
    expect(doc.fields.signedDate.value).toBe('2020-02-26');
    expect(doc.fields.signedDate.needsReview).toBe(true);
  });
});

describe('a label that ends a line of other fields, its value at the margin below', () => {
  // `注册日期:… 经营场所:` ends its row; the address goes on at the margin over three lines at the row pitch. The
  // margin line reaches past where the label's line starts, but not past the label.
  it('reads the address from the margin lines under a label set at the end of a row of fields', () => {
    const doc = readOne([
      ['注册号', 189, 131, 108, 36],
      ['330106838412345 (1-1)', 189, 187, 433, 38],
      ['营业执照', 583, 215, 457, 92],
      ['字号名称:', 165, 393, 159, 38],
      ['杭州市上城区', 370, 393, 221, 36],
      ['类型:', 639, 393, 233, 38],
      ['个体工商户', 943, 393, 185, 36],
      [`经营者:${person.name}`, 1199, 393, 290, 38],
      ['明远信息技术', 370, 474, 221, 36],
      ['服务部', 370, 558, 108, 36],
      ['组成形式:', 165, 641, 313, 38],
      ['个人经营', 536, 641, 157, 36],
      ['注册日期:2011/05/17 经营场所:', 751, 641, 737, 38],
      ['浙江省杭州市上城区清波街道南山', 235, 724, 553, 36],
      ['经营范围', 1103, 724, 317, 36],
      ['路218号湖滨商务大厦3幢12层', 235, 808, 553, 38],
      ['1208室', 235, 891, 120, 38],
      ['一般项目:技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广;软', 213, 972, 1323, 36],
      ['登记机关:', 165, 1497, 154, 38],
      ['二〇一一年六月十日', 165, 1564, 361, 36],
    ]);
    expect(doc.type).toBe('business_license');
    expect(doc.fields.address.value).toBe('浙江省杭州市上城区清波街道南山路218号湖滨商务大厦3幢12层1208室');
    expect(doc.fields.address.needsReview).toBe(true);
  });
});

describe('a two-character label justified across a wide label column', () => {
  // `地` … `址` `:` set to the width of `法定代表人姓名:` (the characters ten heights apart), the address beyond.
  const licence = (second: Line, colon: readonly Line[]): Line[] => [
    ['企业法人营业执照', 307, 258, 1010, 100],
    ['注册号:', 181, 489, 407, 33],
    ['330106087012345', 661, 489, 278, 36],
    ['企业名称:', 1012, 489, 461, 33],
    [company.name, 1080, 564, 420, 33],
    ['法定代表人姓名:', 181, 719, 308, 33],
    [person.name, 517, 719, 110, 36],
    ['成立日期:', 700, 719, 200, 33],
    ['2012 年3 月8 日', 1000, 719, 259, 36],
    ['地', 181, 873, 33, 33],
    second,
    ...colon,
    ['浙江省杭州市上城区清波街道南山路218号湖', 730, 873, 680, 36],
    ['滨商务大厦3幢12层1208室', 730, 948, 463, 36],
    ['经营期限:', 181, 1025, 308, 33],
    ['2012.03.08 至2032 年03 月07 日', 563, 1025, 489, 36],
    ['登记机关:', 181, 1602, 167, 33],
  ];

  it('joins the pair into the label when the colon follows the second character', () => {
    const doc = readOne(licence(['址', 546, 873, 33, 33], [[':', 607, 873, 33, 33]]));
    expect(doc.type).toBe('business_license');
    expect(doc.fields.address.value).toBe('浙江省杭州市上城区清波街道南山路218号湖滨商务大厦3幢12层1208室');
  });

  it('joins the pair without the colon too, as far apart as a four-character label’s column is wide', () => {
    // Ten heights apart: `甲` … `方` across a column as wide as `信　用　代　码` (digital v14's seed made again).
    const doc = readOne(licence(['址', 546, 873, 33, 33], []));
    expect(doc.fields.address.value).toBe('浙江省杭州市上城区清波街道南山路218号湖滨商务大厦3幢12层1208室');
  });

  it('leaves two lone characters further apart than twelve heights alone without the colon', () => {
    const doc = readOne(licence(['址', 650, 873, 33, 33], []));
    expect(doc.fields.address.value).toBeNull();
  });
});

describe('an issuer cut at the right edge of run-on prose, a seal beside it', () => {
  // `，评价单位：` `杭州钱塘` ends its line (no organisation yet), `职业技能培训学校` opens the next at the margin; the seal's
  // ring, one box holding two of its characters, reaches further right than the text and sets no edge.
  const seal: Line[] = [
    ['校', 1409, 802, 25, 25],
    ['职业', 1430, 797, 42, 22],
    ['技', 1471, 798, 23, 23],
    ['训', 1373, 823, 27, 27],
    ['培', 1360, 839, 27, 27],
    ['能', 1489, 804, 26, 26],
    ['等', 1507, 814, 27, 27],
    ['级', 1522, 828, 27, 27],
  ];
  const certificate = (ring: readonly Line[]): Line[] => [
    ['职业技能等级证书', 531, 199, 579, 60],
    ['持证人姓名', 150, 360, 289, 32],
    [':', 473, 360, 15, 32],
    [person.name, 541, 360, 160, 32],
    ['身份证号码:', 150, 502, 168, 32],
    [person.id, 348, 502, 292, 32],
    ['。', 670, 502, 31, 32],
    ['职业名称:', 150, 635, 153, 32],
    ['中式烹调师', 329, 635, 169, 32],
    [',认定等级:', 522, 635, 188, 32],
    ['四级(中级工)', 768, 635, 238, 32],
    [',', 1064, 635, 31, 32],
    ['证书号码:', 150, 704, 139, 32],
    ['S330106957050201234567', 352, 704, 357, 32],
    [',评价单位:', 773, 704, 170, 32],
    ['杭州钱塘', 971, 704, 124, 32],
    ['职业技能培训学校', 150, 775, 244, 32],
    ['。', 420, 775, 31, 32],
    ...ring,
    ['2020.01.16', 1341, 908, 162, 32],
  ];

  it('reads the issuer joined with the margin line, for the clerk to confirm', () => {
    const doc = readOne(certificate(seal));
    expect(doc.type).toBe('vocational_certificate');
    expect(doc.fields.issuer.value).toBe('杭州钱塘职业技能培训学校');
    expect(doc.fields.issuer.needsReview).toBe(true);
  });
});

describe('a branch company name after its label in run-on prose, wrapped on a loose pitch', () => {
  // `，名称 杭州…有限公` ends a row of pairs; `司杭州上城区分公司` is set flush with the name (past the space), two
  // line heights down as the prose rows are spaced.
  it('joins the wrapped line flush with the name, not with the label', () => {
    const doc = readOne([
      ['统一社会信用代码 91330106MA2FY12345 (2-1)', 165, 154, 811, 40],
      ['营业执照', 812, 221, 650, 118],
      ['类型', 118, 510, 144, 36],
      ['有限责任公司分公司(自', 292, 510, 405, 40],
      [',名称 杭州紫光电子商务有限公', 729, 510, 605, 39],
      [',负责人', 1353, 510, 182, 39],
      [person.name, 1566, 510, 108, 36],
      ['然人投资或控股)', 292, 593, 266, 40],
      ['司杭州上城区分公司', 929, 593, 325, 36],
      [',成立日期 2010年3月4日', 118, 677, 420, 39],
      [',营业期限', 560, 677, 234, 39],
      ['2010年3月4日至2030年3月3日', 806, 677, 700, 40],
    ]);
    expect(doc.type).toBe('business_license');
    expect(doc.fields.companyName.value).toBe('杭州紫光电子商务有限公司杭州上城区分公司');
  });
});

describe('an issuer the layout cut into boxes at a word that is itself a label', () => {
  // `杭州市` | `职业` | `能力建设指导服务中心`: `职业` is a label in the lexicon, and `杭州市` alone is no organisation.
  const certificate = (issuerBoxes: readonly Line[]): Line[] => [
    ['专项职业能力证书', 472, 196, 687, 67],
    ['姓名:', 205, 380, 73, 34],
    [person.name, 348, 380, 96, 32],
    [';证件号码:', 711, 380, 169, 34],
    [person.id, 919, 380, 319, 34],
    ['专项能力名称:', 205, 507, 242, 34],
    ['养老护理', 484, 507, 149, 32],
    ['证书号码:', 671, 507, 203, 34],
    ['ZX20203301612345', 930, 507, 286, 34],
    ['发证机关', 205, 582, 205, 32],
    [':', 436, 582, 9, 34],
    ...issuerBoxes,
    ['发证日期:', 205, 655, 137, 34],
    ['2020/11/20', 411, 655, 167, 34],
  ];

  it('reads the boxes side by side as one issuer, for the clerk to confirm', () => {
    const doc = readOne(
      certificate([
        ['杭州市', 540, 582, 147, 32],
        ['职业', 713, 582, 90, 32],
        ['能力建设指导服务中心', 828, 582, 551, 32],
      ]),
    );
    expect(doc.type).toBe('vocational_certificate');
    expect(doc.fields.issuer.value).toBe('杭州市职业能力建设指导服务中心');
    expect(doc.fields.issuer.needsReview).toBe(true);
    expect(doc.fields.issuer.issues ?? []).toContain('split_value_inferred');
  });
});
