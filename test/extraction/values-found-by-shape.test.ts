import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { scanPage, type Line } from './support/text-lines.js';

// Values found by their own shape when their label is lost (issue 12, shape23). Seen on proc-S pages (seeds 9821 and
// the lead's 9801): a licence photo whose `名称` a fill-in covered (a speck `名` left, the name wrapped over three
// lines), a scanner-app licence whose `称：` the engine boxed over the name's first line, a noisy contract scan whose
// employer was printed over `用人单位` (only `甲` read) and whose credit code the engine boxed in two pieces with the
// `2` at the cut in both. Rebuilt on constructed engine lines with values of their own; no eval file is read.

const read = (lines: readonly Line[], size = { width: 1496, height: 1990 }) => extractDocuments([scanPage(lines, { size })], { today: '2026-12-06' })[0];

const licence = (name: Line[], extra: Line[] = []): Line[] => [
  ['统一社会信用代码', 209, 305, 184, 39],
  ['91330106MA2CR0RT2Y(1-1)', 391, 290, 323, 45],
  ['营业执照', 531, 315, 357, 90],
  ['（正本）', 688, 408, 72, 32],
  ...name,
  ['者', 453, 649, 30, 27],
  ['吴明杰', 489, 630, 82, 42],
  ['经营', 267, 649, 131, 44],
  ['个体工商户', 496, 673, 121, 40],
  ['类', 275, 701, 35, 30],
  ['型', 313, 696, 61, 36],
  ['2015.03.12', 501, 795, 121, 36],
  ['注册日期', 280, 817, 99, 36],
  ['浙江省杭州市西湖区蒋村街道文', 283, 840, 318, 46],
  ['一西路182号西溪产业园3幢1', 284, 871, 314, 46],
  ['2层1208室', 285, 910, 115, 36],
  ['经营', 284, 951, 104, 39],
  ['场', 422, 953, 31, 25],
  ['所', 488, 950, 30, 27],
  ['登记机关：', 302, 1233, 104, 36],
  ['2017年05月11日', 303, 1272, 168, 39],
  ...extra,
];
const shopName: Line[] = [
  ['名', 309, 527, 12, 14],
  ['杭州市西湖区明', 266, 529, 168, 43],
  ['远家政服务供应', 267, 562, 167, 40],
  ['链工作室', 303, 593, 100, 39],
];

describe('a licence whose name label was lost', () => {
  it('reads the one line of a registered name’s shape with its wraps, flagged label_not_found', () => {
    const doc = read(licence(shopName));
    expect(doc.fields.companyName.value).toBe('杭州市西湖区明远家政服务供应链工作室');
    expect(doc.fields.companyName.issues).toContain('label_not_found');
    expect(doc.fields.companyName.needsReview).toBe(true);
  });

  it('reads no name when two lines of a registered name’s shape stand on the page', () => {
    const doc = read(licence(shopName, [['杭州市上城区华创汽车维修店', 700, 1400, 300, 40]]));
    expect(doc.fields.companyName.value ?? null).toBeNull();
  });

  it('takes neither the registering bureau’s name nor a seal’s ring for the registrant', () => {
    const lost = shopName.filter((l) => l[0] === '名');
    const doc = read(
      licence(lost, [
        ['杭州市西湖区市场监督管理局', 302, 1320, 300, 40],
        ['杭州天目山汽车维修有限公司', 900, 1500, 60, 300],
      ]),
    );
    expect(doc.fields.companyName.value ?? null).toBeNull();
  });

  it('reads no address as a name (`…工作室` and `…1208室` both end in 室)', () => {
    const doc = read(licence([['杭州市西湖区文三路18号2幢302室', 266, 529, 330, 43]]));
    expect(doc.fields.companyName.value ?? null).toBeNull();
  });
});

const contract = (extra: Line[] = [], code: Line[] = [['91330106MA2HK3QF5B', 237, 503, 360, 42]]): Line[] => [
  ['劳动合同', 768, 179, 293, 81],
  ['甲', 271, 301, 30, 26],
  ['杭州钱塘汽车维修服', 246, 319, 327, 59],
  ['务股份有限公司', 280, 369, 254, 58],
  ['统一社会信用代码', 289, 471, 296, 70],
  ...code,
  ['法定代表人', 223, 647, 190, 56],
  ['地', 216, 727, 53, 50],
  ['址', 476, 745, 40, 37],
  ['浙江省杭州市西湖区文新街道西园路57号3幢1207室', 541, 723, 710, 77],
  ['乙方姓名', 209, 830, 150, 56],
  ['邵文华', 400, 830, 130, 56],
  ['居民身份证号码', 199, 1019, 417, 60],
  ['330106199306062417', 650, 1019, 359, 60],
  ['合同起始日期：2019年4月16日', 188, 1424, 500, 60],
  ['合同终止日期：2022年4月15日', 181, 1554, 500, 61],
  ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 175, 1770, 970, 91],
  ['甲方 (盖章)：', 161, 1991, 223, 58],
  ['乙方 (签字)：', 832, 2023, 223, 59],
  ['签订日期：2019年04月12日', 157, 2061, 451, 68],
  ...extra,
];
const size = { width: 1752, height: 2400 };

describe('a labour contract whose employer label was lost', () => {
  it('reads the one name of a company’s shape over the signature block, flagged label_not_found', () => {
    const doc = read(contract(), size);
    expect(doc.fields.employerName.value).toBe('杭州钱塘汽车维修服务股份有限公司');
    expect(doc.fields.employerName.issues).toContain('label_not_found');
    expect(doc.fields.employerName.needsReview).toBe(true);
  });

  it('takes no company from the signature block or under it (a seal’s lettering read straight)', () => {
    const lines = contract().filter((l) => !/^(杭州钱塘|务股份)/.test(l[0]));
    const doc = read([...lines, ['杭州钱塘汽车维修服务股份有限公司', 180, 2120, 500, 50]], size);
    expect(doc.fields.employerName.value ?? null).toBeNull();
  });

  it('reads no employer when two names of a company’s shape stand over the block', () => {
    const doc = read(contract([['杭州灵隐人力资源服务有限公司', 900, 1100, 450, 50]]), size);
    expect(doc.fields.employerName.value ?? null).toBeNull();
  });
});

describe('a credit code boxed in two pieces', () => {
  const codePieces = (tail: string): Line[] =>
    contract(
      [],
      [
        ['91330106MA2', 237, 503, 220, 42],
        [tail, 464, 517, 171, 37],
      ],
    );

  it('reads the pieces joined, the character boxed in both once, flagged', () => {
    const doc = read(codePieces('2HK3QF5B'), size);
    expect(doc.fields.employerCreditCode.value).toBe('91330106MA2HK3QF5B');
    expect(doc.fields.employerCreditCode.issues).toContain('label_not_found');
    expect(doc.fields.employerCreditCode.needsReview).toBe(true);
  });

  it('reads no code from pieces whose join fails the check', () => {
    const doc = read(codePieces('2HK3QF5X'), size);
    expect(doc.fields.employerCreditCode.value ?? null).toBeNull();
  });
});

describe('a resident ID boxed in two pieces', () => {
  const pieces = (tail: string): Line[] =>
    contract().flatMap((l): Line[] =>
      l[0] === '330106199306062417'
        ? [
            ['3301061993', 650, 1019, 200, 60],
            [tail, 856, 1022, 160, 56],
          ]
        : [l],
    );

  it('reads the pieces joined when the join passes the check, flagged', () => {
    const doc = read(pieces('06062417'), size);
    expect(doc.fields.employeeIdNumber.value).toBe('330106199306062417');
    expect(doc.fields.employeeIdNumber.issues).toContain('label_not_found');
    expect(doc.fields.employeeIdNumber.needsReview).toBe(true);
  });

  it('reads no number from pieces whose join fails the check', () => {
    const doc = read(pieces('06062418'), size);
    expect(doc.fields.employeeIdNumber.value ?? null).toBeNull();
  });
});

// A noisy proc-S contract scan (seed 9822): the employee's name printed over `乙方姓名`, only its head `乙` read, the
// name flush under it and the address of the row above reaching over its row on the right.
const employeeUnderLabelHead = (extra: Line[] = []): Line[] => [
  ['劳动合同', 768, 266, 339, 95],
  ['用人单位', 416, 390, 259, 64],
  ['浙江新锐电气设备智慧服务有限公司', 253, 451, 573, 83],
  ['法定代表人', 249, 501, 187, 60],
  ['侯欣宇', 277, 576, 120, 58],
  ['地', 237, 627, 50, 52],
  ['址', 486, 647, 48, 46],
  ['乙', 234, 701, 45, 49],
  ['浙江省杭州市西湖区建设路291号2幢1203室', 551, 666, 697, 98],
  ['钱文凯', 228, 771, 120, 58],
  ['居民身份证号码', 909, 797, 256, 63],
  ['330106199306062417', 1220, 843, 362, 67],
  ['合同期限自', 264, 949, 182, 59],
  ['2019年07月20日', 213, 1017, 283, 65],
  ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 209, 1151, 971, 111],
  ['甲方（盖章', 190, 1397, 199, 58],
  ['乙方（签字）：', 869, 1442, 234, 64],
  ...extra,
];

describe('a labour contract whose employee label lost all but its head `乙`', () => {
  it('reads the whole name flush under the lone `乙`, flagged', () => {
    const doc = read(employeeUnderLabelHead(), { width: 1775, height: 2400 });
    expect(doc.fields.employeeName.value).toBe('钱文凯');
    expect(doc.fields.employeeName.needsReview).toBe(true);
  });

  it('reads no name under `乙` when another lone `乙` has a whole name under it too', () => {
    const doc = read(
      employeeUnderLabelHead([
        ['乙', 900, 1600, 45, 49],
        ['孙丽华', 895, 1670, 120, 58],
      ]),
      { width: 1775, height: 2400 },
    );
    expect(doc.fields.employeeName.value ?? null).not.toBe('钱文凯');
  });
});

describe('a credit code read with a mark inside it', () => {
  it('reads the code with the mark taken out when that passes the check, flagged', () => {
    const doc = read(contract([], [['91330106MA2HK3.QF5B', 237, 503, 380, 42]]), size);
    expect(doc.fields.employerCreditCode.value).toBe('91330106MA2HK3QF5B');
    expect(doc.fields.employerCreditCode.issues).toContain('credit_code_mark_inferred');
    expect(doc.fields.employerCreditCode.needsReview).toBe(true);
  });

  it('reads no code when the characters on both sides fail the check', () => {
    const doc = read(contract([], [['91330106MA2HK3.QF5X', 237, 503, 380, 42]]), size);
    expect(doc.fields.employerCreditCode.value ?? null).not.toBe('91330106MA2HK3QF5X');
    expect(doc.fields.employerCreditCode.needsReview).toBe(true);
  });
});

// A proc-S licence photo (seed 9823): the name printed over `名称`, only specks `名` `称` read inside its box, the
// registrant type over `类型` in the next column read beside the specks as the name.
const nameOverSpecks = (extra: Line[] = []): Line[] => [
  ['注册号', 277, 185, 71, 35],
  ['330106034568897(2-1)', 276, 217, 223, 43],
  ['企业法人营业执照', 565, 308, 611, 99],
  ['（副本）', 854, 394, 62, 31],
  ['名', 299, 470, 15, 15],
  ['称', 379, 475, 19, 17],
  ['有限责任公司（自然', 845, 462, 166, 38],
  ['杭州龙井物流供应链', 251, 477, 192, 42],
  ['人投资或控股）', 863, 488, 126, 36],
  ['服务有限公司', 280, 508, 129, 36],
  ['类型', 869, 522, 110, 39],
  ['欧阳丽', 254, 542, 92, 35],
  ['法定代表人', 241, 577, 111, 37],
  ['注册资本', 855, 584, 87, 35],
  ['200万元人民币', 240, 605, 144, 37],
  ['实收资本', 238, 641, 91, 33],
  ['成立日期2010.06.16', 826, 668, 205, 34],
  ...extra,
];

describe('a licence whose name label’s specks took the registrant type beside them', () => {
  it('reads the one registered name of its shape instead of a value that is no name, flagged', () => {
    const doc = read(nameOverSpecks(), { width: 1747, height: 1313 });
    expect(doc.fields.companyName.value).toBe('杭州龙井物流供应链服务有限公司');
    expect(doc.fields.companyName.issues).toContain('label_not_found');
  });

  it('keeps the read (flagged) when two registered names of that shape stand on the page', () => {
    const doc = read(nameOverSpecks([['杭州之江建筑工程有限公司', 240, 1100, 300, 36]]), { width: 1747, height: 1313 });
    expect(doc.fields.companyName.value).not.toBe('杭州龙井物流供应链服务有限公司');
    expect(doc.fields.companyName.needsReview).toBe(true);
  });
});
