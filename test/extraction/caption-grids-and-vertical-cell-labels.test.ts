import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { enginePage, textLayerPage, type Line } from './support/text-lines.js';

// Issue 12/19: digital certificates and licences whose grids a held-out sample set out in ways ours did not. Values
// and positions are our own; the layouts are the classes the sample showed.

const TODAY = '2026-12-08';

describe('a licence whose address label stands down its cell, one character a box', () => {
  // `住` over `所` beside the address, whose last part wraps centred under it (`1208室`); the left column's term ends
  // a gap of more than a character before the label.
  const lines: Line[] = [
    ['营业执照', 560, 250, 520, 100],
    ['统一社会信用代码', 170, 420, 240, 30],
    ['91330106MA2H4K7X3L', 430, 416, 420, 40],
    ['名称', 170, 520, 60, 30],
    ['杭州青禾教育科技有限公司', 260, 514, 520, 42],
    ['法定代表人', 700, 620, 150, 30],
    ['许明哲', 1020, 612, 120, 42],
    ['成立日期', 700, 720, 120, 30],
    ['2016年09月12日', 980, 712, 300, 42],
    ['营业期限', 170, 1010, 120, 30],
    ['2016年09月12日至长期', 300, 996, 360, 42],
    ['住', 700, 1002, 30, 30],
    ['所', 700, 1035, 30, 30],
    ['浙江省杭州市西湖区文二西路99弄7号', 770, 984, 640, 45],
    ['1208室', 1030, 1038, 130, 46],
    ['登记机关:', 160, 1700, 150, 30],
  ];
  const doc = extractDocuments([textLayerPage(lines)], { today: TODAY })[0];

  it('reads the address with its centred wrap as the label’s value, not as a guess from its shape', () => {
    expect(doc.type).toBe('business_license');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区文二西路99弄7号1208室');
    expect(doc.fields.address.issues ?? []).not.toContain('label_inferred');
  });
});

describe('a certificate whose captions close their rows under values at one pitch', () => {
  // Rows 60 px apart: a value row (40 px type), its captions (22 px) 22 px under it, the next value row 28 px under
  // the captions. The occupation is printed right of its caption's span; the issuer under its caption wraps in two.
  const lines: Line[] = [
    ['职业技能等级证书', 560, 220, 530, 60],
    ['欧阳晓岚', 430, 376, 150, 40],
    ['男', 1142, 376, 40, 38],
    ['持证者姓名', 440, 438, 105, 21],
    ['性别', 1138, 438, 48, 22],
    ['1994.03.17', 396, 486, 191, 43],
    ['330106199403172519', 990, 484, 344, 44],
    ['出生年月', 441, 548, 100, 22],
    ['身份证明号码', 1099, 548, 126, 21],
    ['茶艺师', 342, 606, 112, 40],
    ['四级', 786, 602, 82, 44],
    ['S330106037355101228816', 1082, 605, 413, 43],
    ['评价职业(工种)', 189, 668, 176, 22],
    ['等级(级别)', 631, 668, 132, 22],
    ['证书编号', 1073, 668, 105, 23],
    ['杭州明理职业技', 259, 718, 258, 40],
    ['能培训学校', 289, 771, 185, 40],
    ['2021-06-15', 731, 765, 192, 44],
    ['核发机关', 189, 831, 105, 23],
    ['发证日期', 631, 831, 105, 23],
  ];
  const doc = extractDocuments([textLayerPage(lines)], { today: TODAY })[0];

  it('reads the occupation over its caption, not the issuer under it', () => {
    expect(doc.type).toBe('vocational_certificate');
    expect(doc.fields.occupation.value).toBe('茶艺师');
  });
});

describe('a certificate whose name wraps over its caption and whose issuer shares a row with a code', () => {
  // `欧阳晓` | `岚` over `证书持有人`; the issuer centred in four lines over `评价组织`, its last line level with the
  // certificate's code, which starts in the cell of `证书统一编号` and reaches over `评价组织`.
  const lines: Line[] = [
    ['职业技能等级证书', 437, 162, 755, 71],
    ['欧阳晓', 169, 332, 130, 45],
    ['岚', 169, 390, 43, 45],
    ['女', 421, 390, 43, 45],
    ['330110199802253140', 673, 390, 390, 45],
    ['证书持有人', 157, 456, 117, 24],
    ['性别', 409, 456, 58, 24],
    ['公民身份证号', 661, 456, 140, 24],
    ['杭州德润', 912, 515, 173, 45],
    ['智能装备', 912, 576, 173, 45],
    ['三级(高', 420, 634, 173, 45],
    ['股份有限', 912, 634, 173, 45],
    ['焊工', 218, 692, 87, 45],
    ['级工)', 454, 692, 107, 45],
    ['Y330106109623203115527', 661, 692, 477, 45],
    ['公司', 955, 692, 87, 45],
    ['职业名称', 157, 756, 115, 22],
    ['等级(级别)', 403, 756, 126, 22],
    ['证书统一编号', 649, 756, 126, 22],
    ['评价组织', 894, 756, 115, 22],
    ['2021年5', 186, 822, 152, 45],
    ['月9日', 207, 880, 108, 45],
    ['颁证日期', 157, 946, 115, 22],
  ];
  const doc = extractDocuments([textLayerPage(lines)], { today: TODAY })[0];

  it('reads the holder’s name with its last character wrapped over the caption', () => {
    expect(doc.fields.holderName.value).toBe('欧阳晓岚');
  });

  it('reads the issuer from the line that starts in its caption’s cell, not the code reaching over it', () => {
    expect(doc.fields.issuer.value).toBe('杭州德润智能装备股份有限公司');
  });
});

describe('a certificate whose header row stands over a tall row of blocks centred on one line', () => {
  // Four header labels (28 px); under them each cell's value wraps from its own top, the blocks centred on one line:
  // the issuer four lines, the number three, the occupation two, the level one. The identity row over the labels wraps
  // its name and number down to 87 px over them, 1.5 times the gap to the tall row's first line.
  const lines: Line[] = [
    ['职业技能等级证书', 452, 124, 726, 72],
    ['姓名', 328, 280, 55, 28],
    ['性别', 642, 280, 55, 28],
    ['身份证明号码', 901, 280, 165, 28],
    ['阿依古丽·吐尔', 224, 349, 262, 42],
    ['男', 649, 376, 40, 42],
    ['3306211988051', 852, 349, 262, 42],
    ['逊', 335, 403, 40, 42],
    ['24417', 933, 403, 101, 42],
    ['评价职业(工种)', 233, 532, 165, 28],
    ['等级(级别)', 469, 532, 165, 28],
    ['证书号', 746, 532, 82, 28],
    ['签发单位', 968, 532, 110, 28],
    ['杭州远帆', 942, 618, 161, 42],
    ['Y33010652', 696, 645, 181, 42],
    ['健康照护', 235, 672, 161, 42],
    ['物业服务', 942, 672, 161, 42],
    ['三级', 511, 699, 81, 42],
    ['301882051', 696, 699, 181, 42],
    ['师', 296, 726, 40, 42],
    ['股份有限', 942, 726, 161, 42],
    ['2207', 747, 753, 81, 42],
    ['公司', 982, 781, 81, 42],
    ['颁证日期:2022-08-30', 197, 921, 307, 31],
  ];
  const doc = extractDocuments([textLayerPage(lines)], { today: TODAY })[0];

  it('reads the occupation from its cell’s block, though it starts lower than the issuer’s', () => {
    expect(doc.fields.occupation.value).toBe('健康照护师');
  });

  it('reads the certificate number with the lines it wraps onto down its cell', () => {
    expect(doc.fields.certificateNumber.value).toBe('Y330106523018820512207');
  });
});

describe('a licence photographed with its labels set down their cells read as nothing', () => {
  // The engine reads the vertical labels as `)` and `深` (boxed tall) or not at all: the representative's name and the
  // date of establishment stand alone; the term starts on the same day; the issuing date is under `登记机关`.
  const lines: Line[] = [
    ['统一社会信用代码91330106MA2J8P4R6T(1-1)', 273, 223, 438, 28],
    ['营业执照', 490, 315, 250, 50],
    ['市场主体类型', 681, 464, 141, 30],
    ['杭州青苗文化传播有限公司', 292, 508, 359, 29],
    ['有限责任公司(自然人独资)', 744, 507, 260, 30],
    [')', 246, 449, 35, 181],
    ['深', 247, 649, 30, 62],
    ['柏雨欣', 441, 663, 78, 34],
    ['2012/07/19', 776, 666, 124, 30],
    ['注册资本万元', 242, 735, 173, 29],
    ['2012年07月19日至长期', 731, 794, 250, 31],
    ['100万元人民币', 399, 811, 159, 31],
    ['浙江省杭州市西湖区文三路', 290, 930, 377, 28],
    ['88号3幢502室', 290, 962, 200, 29],
    ['经营范围', 241, 1076, 95, 29],
    ['一般项目:文化艺术交流活动;会议及展览服务。', 299, 1077, 641, 27],
    ['登记机关:', 233, 1270, 90, 26],
    ['2012年08月03日', 232, 1303, 149, 30],
  ];
  const page = enginePage(lines, { size: { width: 1200, height: 1600 } });
  const doc = extractDocuments([page], { today: TODAY })[0];

  it('reads the one person’s name on the licence as its representative, flagged for the clerk', () => {
    expect(doc.type).toBe('business_license');
    expect(doc.fields.legalRepresentative.value).toBe('柏雨欣');
    expect(doc.fields.legalRepresentative.needsReview).toBe(true);
  });

  it('reads the one date alone above the issuing label as the date of establishment, flagged', () => {
    expect(doc.fields.establishedDate.value).toBe('2012-07-19');
    expect(doc.fields.establishedDate.needsReview).toBe(true);
  });

  it('takes no name by its shape where the page prints the label and its value was lost', () => {
    // The label read, nothing beside it (blurred out): the name alone elsewhere on the page may be someone else's.
    const masked = enginePage([...lines, ['法定代表人', 240, 1380, 150, 30]], {
      size: { width: 1200, height: 1600 },
    });
    const other = extractDocuments([masked], { today: TODAY })[0];
    expect(other.fields.legalRepresentative?.value ?? null).not.toBe('柏雨欣');
  });
});

describe('a record that sets its captions under its values, the name’s caption lost', () => {
  // `欧马嘉怡` stands over nothing the engine read; the ID and the status below it have their captions under them.
  const lines: Line[] = [
    ['社会保险个人参保证明', 480, 245, 308, 35],
    ['欧马嘉怡', 397, 314, 92, 30],
    ['330106199203150428', 730, 317, 190, 27],
    ['公民身份号码', 787, 349, 79, 19],
    ['正常参保', 398, 374, 91, 31],
    ['参保状态', 412, 408, 63, 23],
    ['序号', 263, 465, 42, 23],
    ['单位名称', 413, 464, 72, 28],
    ['起始年月', 593, 466, 71, 25],
    ['截止年月', 672, 464, 73, 27],
    ['缴费月数', 752, 463, 74, 29],
    ['杭州青禾教育科技有限公司', 333, 502, 232, 24],
    ['2019-03', 596, 503, 65, 24],
    ['2021-08', 677, 502, 64, 25],
    ['30', 778, 504, 23, 21],
  ];
  const doc = extractDocuments([enginePage(lines, { size: { width: 1240, height: 1754 } })], { today: TODAY })[0];

  it('reads the one whole name over the values’ column as the insured person, flagged', () => {
    expect(doc.type).toBe('social_insurance_record');
    expect(doc.fields.personName.value).toBe('欧马嘉怡');
    expect(doc.fields.personName.needsReview).toBe(true);
  });
});

describe('values wrapped at a hyphen and names wrapped down a header row’s cell', () => {
  it('keeps the hyphen an address’s number wraps at (`…西苑31` | `-2-602室`)', () => {
    const lines: Line[] = [
      ['营业执照', 560, 250, 520, 100],
      ['名称', 170, 420, 60, 30],
      ['杭州青禾教育科技有限公司', 260, 414, 520, 42],
      ['住所', 170, 520, 60, 30],
      ['浙江省杭州市西湖区骆家庄西苑31', 260, 514, 600, 42],
      ['-2-602室', 260, 562, 170, 42],
      ['成立日期', 170, 640, 120, 30],
      ['2016年09月12日', 300, 634, 300, 42],
    ];
    const doc = extractDocuments([enginePage(lines)], { today: TODAY })[0];
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区骆家庄西苑31-2-602室');
  });

  /** A contract's header row over a tall row of values, the worker's name wrapped down its cell. */
  const contract = (name: Line[]): Line[] => [
    ['劳动合同书', 610, 227, 413, 67],
    ['甲方单位名称', 237, 407, 115, 29],
    ['统一信用代码', 414, 407, 115, 29],
    ['法定代表人', 592, 407, 115, 29],
    ['员工姓名', 769, 408, 115, 29],
    ['身份证号码', 947, 407, 115, 29],
    ['联系电话', 1124, 408, 115, 29],
    ['杭州明', 233, 497, 124, 41],
    ...name,
    ['913301', 410, 524, 124, 41],
    ['330106', 942, 524, 124, 41],
    ['湖科技', 233, 553, 124, 41],
    ['13957', 1120, 553, 124, 41],
    ['06MA2M', 410, 580, 124, 41],
    ['许明哲', 608, 580, 124, 41],
    ['198805', 942, 580, 124, 41],
    ['有限公', 233, 610, 124, 41],
    ['120836', 1120, 610, 124, 41],
    ['CMGMC0', 410, 637, 124, 41],
    ['124417', 942, 637, 124, 41],
    ['司', 274, 664, 41, 41],
  ];
  const dotted = contract([
    ['买买提·', 765, 531, 124, 41],
    ['吐尔逊', 765, 588, 124, 41],
  ]);

  it('flags a name read from the top of its cell when the lines under it do not read with it', () => {
    // `买买提` | `吐尔逊` | `江` down the cell of `员工姓名`, the name's dot not in the text: never a sure `买买提`.
    const lines: Line[] = [
      ['劳动合同书', 610, 227, 413, 67],
      ['甲方单位名称', 237, 407, 115, 29],
      ['统一信用代码', 414, 407, 115, 29],
      ['法定代表人', 592, 407, 115, 29],
      ['员工姓名', 769, 408, 115, 29],
      ['身份证号码', 947, 407, 115, 29],
      ['联系电话', 1124, 408, 115, 29],
      ['杭州明', 233, 497, 124, 41],
      ['买买提', 765, 503, 124, 41],
      ['913301', 410, 524, 124, 41],
      ['330106', 942, 524, 124, 41],
      ['湖科技', 233, 553, 124, 41],
      ['吐尔逊', 765, 560, 124, 41],
      ['13957', 1120, 553, 124, 41],
      ['06MA2M', 410, 580, 124, 41],
      ['许明哲', 608, 580, 124, 41],
      ['198805', 942, 580, 124, 41],
      ['有限公', 233, 610, 124, 41],
      ['江', 806, 616, 41, 41],
      ['120836', 1120, 610, 124, 41],
      ['CMGMC0', 410, 637, 124, 41],
      ['124417', 942, 637, 124, 41],
      ['司', 274, 664, 41, 41],
    ];
    const doc = extractDocuments([textLayerPage(lines)], { today: TODAY })[0];
    const name = doc.fields.employeeName;
    expect(name.value).toBe('买买提');
    expect(name.needsReview).toBe(true);
    expect(name.issues).toContain('value_may_continue');
  });

  it('keeps a transliterated name’s dot where its cell wraps at it (`买买提·` | `吐尔逊`)', () => {
    const doc = extractDocuments([textLayerPage(dotted)], { today: TODAY })[0];
    expect(doc.fields.employeeName.value).toBe('买买提·吐尔逊');
  });
});
