import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { residentId } from './support/documents.js';
import { textLayerPage, type Line } from './support/text-lines.js';

// Certificate values on the lines but not read, or read wrong without a flag (cert15: dev sample seed 9480 of the seen
// certificate families under every capture, and the caches of earlier sessions' seen-family samples). Built on
// constructed lines with values of their own: no eval file is read here.

const TODAY = '2026-12-05';

const readDigital = (lines: readonly Line[], size?: { width: number; height: number }) => extractDocuments([textLayerPage(lines, size)], { today: TODAY })[0];

const holderId = residentId('19920316', '330106', '418');

describe('the unlabelled issuer at the foot of a certificate', () => {
  it('reads the issuer over its twin date when a clerk’s line with a phone number stands in the footer', () => {
    // Prepare: the clerk's phone follows the clerk's label on the footer line; it names no field of the certificate.
    const doc = readDigital([
      ['专项职业能力证书', 571, 207, 503, 58],
      ['持证人', 165, 352, 108, 36],
      ['戴文清', 341, 352, 108, 36],
      ['身份证号', 842, 352, 144, 36],
      [holderId, 1018, 352, 357, 36],
      ['①项目名称', 165, 531, 181, 36],
      ['西式面点制作', 377, 531, 217, 36],
      ['②证书编号', 842, 531, 181, 36],
      ['ZX20213301456712', 1054, 531, 405, 36],
      ['③颁证日期', 165, 649, 181, 36],
      ['2021.9.14', 377, 649, 160, 36],
      ['杭州市职业能力建设指导服务中心', 947, 802, 542, 36],
      ['颁证日期：2021-9-14', 1054, 866, 326, 36],
      ['经办人：许明远　　联系电话：0571-86012345', 965, 2268, 546, 25],
    ]);
    // Act
    const issuer = doc.fields.issuer;
    // Assess: found by position alone, so the clerk confirms it.
    expect(issuer.value).toBe('杭州市职业能力建设指导服务中心');
    expect(issuer.needsReview).toBe(true);
  });

  it('reads the issuer over its twin date when a printer’s imprint (…监制) stands at the foot', () => {
    const doc = readDigital([
      ['培训合格证书', 554, 201, 533, 76],
      ['持证人', 246, 386, 104, 36],
      ['韩思远', 246, 450, 104, 36],
      ['证件号码', 700, 386, 139, 36],
      [holderId, 700, 450, 312, 36],
      ['培训项目', 246, 598, 139, 36],
      ['养老护理', 246, 660, 139, 36],
      ['证书编号', 700, 598, 139, 36],
      ['PX202131555126', 700, 660, 243, 36],
      ['杭州西溪职业培训学校', 197, 1084, 347, 36],
      ['颁证日期:2021年5月12日', 197, 1146, 382, 36],
      ['杭州文新技工学校监制', 118, 2261, 250, 26],
    ]);
    expect(doc.fields.issuer.value).toBe('杭州西溪职业培训学校');
  });

  it('reads the issuer whose seal ring spells a label (`职` … `务`) across its own line', () => {
    // Prepare: a landscape spread; the ring's characters are boxed one by one round the issuer's line and two of them
    // on one row are joined into `职务`.
    const doc = readDigital(
      [
        ['持证人姓名', 94, 492, 174, 35],
        ['郑雨桐', 334, 492, 104, 35],
        ['性　　　　别', 94, 569, 208, 35],
        ['男', 334, 569, 35, 35],
        ['公民身份号码', 94, 644, 208, 35],
        [holderId, 334, 644, 330, 35],
        ['专项职业能力证书', 1360, 127, 746, 83],
        ['专项能力名称', 1260, 313, 208, 35],
        ['径山茶炒制', 1500, 313, 208, 35],
        ['证书编号', 1260, 388, 139, 35],
        ['ZX20203301774519', 1500, 388, 330, 35],
        ['发证日期', 1260, 465, 139, 35],
        ['2020年10月9日', 1500, 465, 237, 35],
        ['杭州市职业能力建设指导服务中心', 1700, 647, 521, 35],
        ['发证日期：2020-10-09', 1785, 709, 349, 35],
        ['职', 1675, 674, 36, 36],
        ['务', 1890, 664, 37, 37],
      ],
      { width: 2339, height: 1653 },
    );
    expect(doc.fields.issuer.value).toBe('杭州市职业能力建设指导服务中心');
  });
});

describe('issuers glued to their labels or over a footer', () => {
  it('reads an issuer glued to its label with the colon read as a character (`发证单位志杭州…`), flagged', () => {
    const doc = readScan([
      ['特种作业操作证', 735, 297, 386, 70],
      ['姓名：孙可欣', 115, 430, 300, 45],
      [`公民身份号码：${holderId}`, 115, 505, 560, 45],
      ['准操项目：低压电工作业', 115, 590, 391, 45],
      [`证书编号：T${holderId}`, 115, 672, 500, 45],
      ['颁证日期：2021年3月12日', 115, 760, 400, 45],
      ['发证单位志杭州市应急管理局', 115, 969, 423, 45],
    ]);
    const issuer = doc.fields.issuer;
    expect(issuer.value).toBe('杭州市应急管理局');
    expect(issuer.issues).toContain('label_separator_inferred');
    expect(issuer.needsReview).toBe(true);
  });

  it('reads the issuer at the fields’ foot when the clerk’s phone is boxed apart in the footer', () => {
    const doc = readScan([
      ['培训结业证书', 579, 224, 518, 67],
      ['姓名:', 107, 357, 94, 52],
      ['陶雅琴', 291, 363, 255, 41],
      [`身份证号:${holderId}`, 113, 513, 548, 42],
      ['培训项目:', 112, 699, 153, 40],
      ['保育员', 264, 700, 200, 39],
      ['证书编号:PX202124299731', 113, 773, 451, 42],
      ['杭州之江职业培训学校', 113, 901, 347, 42],
      ['2021/9/2', 110, 961, 151, 46],
      ['经办人:吴思', 1053, 2318, 161, 32],
      ['联系电话:0571-37036668', 1250, 2317, 323, 33],
    ]);
    expect(doc.fields.issuer.value).toBe('杭州之江职业培训学校');
  });
});

describe('holders and occupations in grids and over their labels', () => {
  it('reads the holder under 持证人 in a label row that also holds 鉴定站点', () => {
    // Prepare: four captions over a row of values; the first column's school wraps onto three lines and the others are
    // centred in the tall row.
    const doc = readDigital([
      ['培训合格证书', 554, 201, 533, 76],
      ['鉴定站点', 246, 386, 139, 36],
      ['性　　别', 482, 386, 139, 36],
      ['持证人', 735, 386, 104, 36],
      ['证件号码', 953, 386, 139, 36],
      ['杭州西溪职', 229, 463, 174, 36],
      ['业技术学院', 229, 511, 174, 36],
      ['女', 534, 511, 35, 36],
      ['林若溪', 735, 511, 104, 36],
      [holderId, 926, 511, 312, 36],
      ['考点', 281, 556, 69, 36],
      ['1. 培训项目', 220, 698, 191, 36],
      ['2. 证书编号', 810, 698, 191, 36],
      ['插花花艺', 219, 775, 139, 36],
      ['PX202130999781', 690, 775, 243, 36],
      ['杭州西溪职业培训学校', 197, 1084, 347, 36],
      ['颁证日期:2021年4月28日', 197, 1146, 382, 36],
    ]);
    expect(doc.fields.holderName.value).toBe('林若溪');
    // The assessment site is no issuer.
    expect(doc.fields.issuer.value).toBe('杭州西溪职业培训学校');
  });

  it('reads the occupation at its cell’s left under a grid’s label row set apart from the fields over it', () => {
    // Prepare: names and dates stacked over their values above; a row of four captions, each centred in its cell, set
    // tight over their values, which start at their cells' left (`车工` left of `职业（工种）`).
    const doc = readScan(
      [
        ['职业技能等级证书', 868, 119, 583, 59],
        ['出生日期', 942, 260, 144, 52],
        ['一九八一年三月二日', 228, 341, 356, 40],
        ['公民身份号码', 911, 414, 206, 44],
        [holderId, 223, 489, 594, 43],
        ['持证人姓名', 316, 563, 173, 47],
        ['性别', 1176, 562, 80, 54],
        ['钱浩然', 213, 636, 114, 53],
        ['男', 621, 638, 43, 49],
        ['职业 (工种)', 296, 763, 188, 51],
        ['技能等级', 736, 760, 145, 54],
        ['证书编号', 1145, 762, 142, 52],
        ['评价机构', 1552, 762, 144, 52],
        ['杭州市西湖区职业', 1439, 839, 271, 45],
        ['车工', 214, 860, 79, 50],
        ['四级', 624, 861, 76, 49],
        ['(已核验)', 726, 862, 134, 47],
        ['S330106169342214738970', 1031, 865, 371, 38],
        ['技能培训学校', 1436, 884, 211, 50],
        ['颁证日期', 943, 960, 141, 47],
        ['2021-06-20', 216, 1037, 175, 45],
      ],
      { width: 2340, height: 1654 },
    );
    expect(doc.fields.occupation.value).toBe('车工');
  });

  it('reads values printed on a fill-in line over their labels and set a third of a line down onto them', () => {
    // Prepare: the whole fill-in layer printed 2 mm low: values beside their labels sit low, values over their labels
    // overlap the labels' boxes by a third of a label's height.
    const doc = readDigital([
      ['职业资格证书', 632, 222, 382, 57],
      ['持证人姓名', 157, 409, 174, 36],
      ['性　　　别', 157, 486, 174, 36],
      ['身份证号码', 157, 692, 174, 36],
      ['工 种', 157, 804, 87, 36],
      ['等 级', 157, 884, 87, 36],
      ['证书号', 157, 963, 104, 36],
      ['颁证日期', 157, 1121, 139, 36],
      ['宋嘉禾', 192, 377, 104, 44],
      ['女', 362, 502, 35, 44],
      [holderId, 362, 708, 375, 44],
      ['钳工', 166, 773, 69, 44],
      ['国家职业资格三级', 380, 900, 278, 44],
      ['1933015636274269', 380, 979, 333, 44],
      ['2019.06.21', 380, 1140, 187, 44],
      ['杭州市职业技能鉴定指导中心', 1000, 1300, 451, 44],
    ]);
    expect(doc.fields.holderName.value).toBe('宋嘉禾');
    expect(doc.fields.occupation.value).toBe('钳工');
  });
});

/** A page read by the engine: every line at 0.99. */
const readScan = (lines: readonly Line[], size?: { width: number; height: number }) => {
  const page = textLayerPage(lines, size);
  return extractDocuments([{ ...page, source: 'paddle', lines: page.lines.map((l) => ({ ...l, confidence: 0.99 })) }], { today: TODAY })[0];
};

describe('values the engine read apart or with a look-alike', () => {
  it('reads a special-ability number boxed with the stamp remark after it (`…（盖章）`)', () => {
    const doc = readScan([
      ['专项职业能力证书', 427, 162, 786, 99],
      ['持证人：', 202, 373, 126, 51],
      ['方志远', 502, 363, 113, 50],
      ['身份证号码：', 213, 588, 185, 50],
      [holderId, 510, 576, 337, 53],
      ['专项能力名称：', 215, 654, 226, 52],
      ['茶艺', 470, 647, 100, 49],
      ['ZX20203301512377（盖章）', 215, 720, 435, 60],
      ['证书号：', 374, 769, 121, 49],
      ['杭州市职业能力建设指导服务中心', 983, 852, 491, 60],
      ['2020.05.11', 1149, 919, 166, 50],
    ]);
    expect(doc.fields.certificateNumber.value).toBe('ZX20203301512377');
    expect(doc.fields.certificateNumber.needsReview).toBe(true);
  });

  it('reads `丶` between the items of an operation as the enumeration comma', () => {
    const doc = readScan([
      ['中华人民共和国特种作业操作证', 235, 136, 1181, 77],
      ['持证人姓名', 174, 312, 190, 56],
      ['欧阳雪', 532, 314, 154, 51],
      ['身份证号码', 178, 555, 184, 47],
      [holderId, 538, 560, 320, 36],
      ['作业类别', 177, 681, 153, 48],
      ['高处作业', 442, 679, 152, 51],
      ['操作项目', 173, 758, 152, 53],
      ['高处安装丶维护丶拆除作业', 445, 762, 433, 45],
      ['证书号', 175, 917, 155, 52],
      [`T${holderId}`, 443, 924, 342, 36],
      ['发证日期', 178, 996, 152, 51],
      ['2019年4月3日', 440, 996, 222, 49],
      ['发证机关浙江省应急管理厅', 1028, 1158, 470, 45],
    ]);
    expect(doc.fields.occupation.value).toBe('高处安装、维护、拆除作业');
  });

  it('completes an issue date in Chinese numerals with 廿 whose year lost its head, from the number’s year', () => {
    // Prepare: `二〇〇九年二月廿八日` read `1〇九年二月廿八日`; the qualification number encodes 09.
    const doc = readScan(
      [
        ['中华人民共和国职业资格证书', 743, 332, 846, 58],
        ['持证人：', 167, 501, 133, 51],
        ['罗欣', 415, 500, 88, 51],
        ['身份证号码：', 170, 578, 207, 47],
        [residentId('19790604', '330110', '820'), 415, 579, 338, 41],
        ['职业名称：', 168, 665, 168, 46],
        ['美发师', 381, 665, 121, 47],
        ['技能等级：', 1002, 664, 160, 43],
        ['一级', 1162, 663, 130, 43],
        ['证书编号：', 170, 741, 166, 45],
        ['0933017619130662', 380, 746, 299, 39],
        ['杭州市职业技能鉴定指导中心', 1658, 914, 475, 49],
        ['颁证日期：1〇九年二月廿八日', 1621, 978, 543, 45],
      ],
      { width: 2340, height: 1862 },
    );
    expect(doc.fields.issueDate.value).toBe('2009-02-28');
    expect(doc.fields.issueDate.issues).toContain('issue_date_year_inferred');
  });

  const levelPage = (levelLines: Line[]) =>
    readScan([
      ['职业技能等级证书', 460, 139, 716, 67],
      ['[姓名]', 134, 314, 113, 51],
      ['郑雨晴', 377, 315, 120, 51],
      ['[身份证号码]', 134, 462, 220, 48],
      [holderId, 387, 473, 400, 35],
      ['①证书编号:', 132, 635, 198, 50],
      ['Y330106954672214437949', 453, 642, 403, 36],
      ['②职业技能等级:', 881, 641, 266, 40],
      ...levelLines,
      ['③职业（工种）：钳工', 134, 763, 395, 41],
      ['发证机关：杭州西溪物流有限公司', 977, 871, 544, 57],
      ['2021-10-24', 1155, 950, 189, 39],
    ]);

  it('reads a level numeral beside its label with its 级 wrapped under it (`四` | `级`)', () => {
    const level = levelPage([
      ['四', 1203, 641, 37, 40],
      ['级', 1202, 690, 40, 41],
    ]).fields.level;
    expect(level.value).toBe(4);
    expect(level.issues).toContain('split_value_inferred');
  });

  it('reads a level numeral alone beside its label, flagged as incomplete', () => {
    const level = levelPage([['四', 1203, 641, 37, 40]]).fields.level;
    expect(level.value).toBe(4);
    expect(level.needsReview).toBe(true);
    expect(level.issues).toContain('level_word_incomplete');
  });
});

describe('holders beside a label that lost its tail', () => {
  const page = (labelBoxes: Line[], names: Line[] = [['范雨辰', 607, 426, 84, 30]]) =>
    readScan(
      [
        ['培训合格证书', 757, 309, 371, 56],
        ['性别', 1040, 418, 60, 37],
        ...labelBoxes,
        ...names,
        [holderId, 289, 473, 229, 30],
        ['身份证号）', 357, 512, 104, 31],
        ['养老护理员岗前培训', 297, 580, 224, 33],
        ['培训内容', 344, 620, 132, 32],
        ['证书号PX202094746525', 276, 663, 272, 34],
        ['杭州西溪职业技术培训中心', 1330, 737, 293, 35],
        ['颁证日期：2020年03月14日', 1331, 780, 290, 35],
      ],
      { width: 1905, height: 1432 },
    );

  it('reads the name after `持` | `证` (a spread 持证人 whose 人 was lost), flagged', () => {
    const holder = page([
      ['持', 270, 427, 52, 33],
      ['证', 327, 427, 77, 33],
    ]).fields.holderName;
    expect(holder.value).toBe('范雨辰');
    expect(holder.issues).toContain('label_inferred');
    expect(holder.needsReview).toBe(true);
  });

  it('reads the name stacked under `持证` (its 人 lost), flagged', () => {
    const doc = readScan([
      ['职业技能等级证书', 874, 193, 581, 63],
      ['持证', 185, 341, 128, 46],
      ['欧阳明轩', 187, 390, 141, 44],
      ['出生日期', 187, 574, 204, 44],
      ['1992-03-16', 419, 579, 170, 36],
      ['公民身份号码', 191, 648, 200, 37],
      [holderId, 408, 650, 345, 36],
      ['职业名称', 185, 727, 145, 47],
      ['育婴员', 419, 727, 120, 47],
    ]);
    expect(doc.fields.holderName.value).toBe('欧阳明轩');
    expect(doc.fields.holderName.issues).toContain('label_inferred');
  });

  it('reads the name glued to 持证人 whose 持 was read 特 (`特证人顾雨林`), flagged', () => {
    const doc = readScan([
      ['专项职业能力证书', 468, 276, 352, 65],
      ['特证人顾雨林', 270, 352, 158, 36],
      ['证件号码', 316, 442, 97, 33],
      [holderId, 269, 466, 189, 34],
      ['专项能力名称 网络直播营销', 270, 527, 243, 40],
    ]);
    expect(doc.fields.holderName.value).toBe('顾雨林');
    expect(doc.fields.holderName.needsReview).toBe(true);
  });

  it('reads no name when two stand after such label heads', () => {
    const holder = page(
      [
        ['持', 270, 427, 52, 33],
        ['证', 327, 427, 77, 33],
        ['持证', 270, 1000, 100, 33],
      ],
      [
        ['范雨辰', 607, 426, 84, 30],
        ['林可欣', 607, 1000, 84, 30],
      ],
    ).fields.holderName;
    expect(holder.value).toBeNull();
  });
});
