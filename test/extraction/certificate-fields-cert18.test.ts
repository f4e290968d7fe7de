import { describe, expect, it } from 'vitest';
import { nearestAuthorityName } from '../../shared/extraction/authority-names.js';
import { extractDocuments } from '../../shared/extraction/index.js';
import { scanPage, type Line, type ScanPageOptions } from './support/text-lines.js';

// Certificate values on scans and photos that the reader lost or took from the wrong line (cert18: seen samples of
// turned pages, photos and shifted fill-ins). Built on constructed lines with values of their own: no eval file is read.

const TODAY = '2026-12-06';

const readScan = (lines: readonly Line[], options?: ScanPageOptions) => extractDocuments([scanPage(lines, options)], { today: TODAY })[0];

describe('a value beside its label, off its row, over a box of a number and the next label', () => {
  it('reads the occupation set half a line low beside `职业（工种）：` over `证书号：…发证日期：`', () => {
    // Prepare: the fill-in printed low, the occupation tight over the number's box, which ends with a waiting
    // `发证日期：` far right of it.
    const doc = readScan([
      ['职业技能等级证书', 531, 172, 576, 60],
      ['姓名：', 183, 369, 120, 47],
      ['邵雨婷', 421, 365, 110, 50],
      ['身份证号：330106199102134427', 185, 443, 619, 43],
      ['职业（工种）：', 186, 520, 239, 48],
      ['等级：', 946, 518, 119, 51],
      ['三级', 1183, 490, 80, 50],
      ['中式面点师', 461, 554, 180, 45],
      ['证书号：S330106774603213935750发证日期：', 182, 593, 967, 46],
      ['二〇二一年一月二十日', 1186, 623, 300, 48],
      ['发证机关：杭州灵隐餐饮管理股份有限公司', 805, 760, 659, 44],
    ]);
    // Act
    const occupation = doc.fields.occupation;
    // Assess
    expect(occupation.value).toBe('中式面点师');
  });
});

describe('an issuer at the foot with a box before it on its row', () => {
  it('reads a whole name opening with its place without the label’s tail boxed before it (`机构` | `杭州…学校`)', () => {
    // Prepare: `培训机构：` lost but for `机构` under a shadow, the issuer's name whole beside it.
    const doc = readScan([
      ['培训结业证书', 597, 205, 342, 51],
      ['持证人姓名', 199, 286, 130, 27],
      ['柏晓东', 358, 289, 70, 25],
      ['培训项目：', 199, 424, 91, 27],
      ['家政服务员', 320, 427, 120, 26],
      ['证书编号：', 200, 511, 92, 25],
      ['机构', 984, 571, 88, 31],
      ['杭州市西湖区职业技能培训学校', 1071, 571, 256, 29],
    ]);
    // Act
    const issuer = doc.fields.issuer;
    // Assess
    expect(issuer.value).toBe('杭州市西湖区职业技能培训学校');
  });

  it('still joins the boxes a seal broke a name into when the last box opens with no place', () => {
    const doc = readScan([
      ['职业技能等级证书', 597, 205, 342, 51],
      ['姓名：', 199, 286, 90, 27],
      ['柏晓东', 358, 289, 70, 25],
      ['杭州市西湖区人', 900, 1500, 230, 40],
      ['资源和社会保障局', 1170, 1500, 260, 40],
    ]);
    expect(doc.fields.issuer.value).toBe('杭州市西湖区人力资源和社会保障局');
    expect(doc.fields.issuer.needsReview).toBe(true);
  });

  it('takes no name followed on its row by a copy’s mark boxed apart (`…学院` | `存档联`): the form’s keeper', () => {
    // Prepare: the issuer over its dated line; far below, the footer `湖州之江职业培训学院（存档联）`, the mark boxed apart.
    const doc = readScan([
      ['职业技能等级证书', 512, 176, 619, 67],
      ['姓名：', 417, 333, 110, 49],
      ['蔡霞', 560, 333, 100, 48],
      ['职业（工种）：', 405, 849, 186, 47],
      ['保育员', 620, 849, 112, 48],
      ['杭州汇通机械制造有限公司', 1031, 1249, 401, 41],
      ['发证日期：二〇二一年十月三日', 1000, 1312, 462, 40],
      ['湖州之江职业培训学院', 134, 2261, 256, 27],
      ['存档联', 433, 2261, 76, 24],
    ]);
    // Act
    const issuer = doc.fields.issuer;
    // Assess
    expect(issuer.value).toBe('杭州汇通机械制造有限公司');
  });
});

describe('an issue date whose year lost a numeral inside it', () => {
  it('completes `二0二年四月三十日` from the skill-level number’s year, flagged', () => {
    // Prepare: the year's last 〇 lost and its middle one read as the digit 0; the number encodes 2020.
    const doc = readScan([
      ['职业技能等级证书', 717, 273, 335, 43],
      ['持证人姓名', 238, 369, 105, 28],
      ['钱佳慧', 373, 369, 70, 28],
      ['职业（工种）', 235, 450, 113, 28],
      ['保育师', 373, 450, 80, 28],
      ['技能等级四级（中级工）', 914, 450, 223, 27],
      ['证书编号', 239, 497, 90, 20],
      ['Y330106985787204974852', 369, 495, 241, 25],
      ['发证单位杭州万松汽车维修有限公司', 228, 569, 340, 29],
      ['发证日期：二0二年四月三十日', 227, 602, 303, 32],
    ]);
    // Act
    const issueDate = doc.fields.issueDate;
    // Assess: the year is inferred, so the clerk confirms it.
    expect(issueDate.value).toBe('2020-04-30');
    expect(issueDate.needsReview).toBe(true);
    expect(issueDate.issues).toContain('issue_date_year_inferred');
  });

  it('leaves a three-numeral year alone that is no year of the number’s with one numeral lost', () => {
    const doc = readScan([
      ['职业技能等级证书', 717, 273, 335, 43],
      ['持证人姓名', 238, 369, 105, 28],
      ['钱佳慧', 373, 369, 70, 28],
      ['证书编号', 239, 497, 90, 20],
      ['Y330106985787204974852', 369, 495, 241, 25],
      ['发证日期：二一九年四月三十日', 227, 602, 303, 32],
    ]);
    expect(doc.fields.issueDate.value).not.toBe('2020-04-30');
  });
});

/** A qualification certificate whose level line is given; its number `1833012207162638` encodes level 1, 2018. */
const qualification = (level: readonly Line[]): Line[] => [
  ['中华人民共和国职业资格证书', 273, 159, 1215, 111],
  ['姓名：卢燕飞', 166, 340, 225, 51],
  ['身份证号码', 567, 464, 176, 47],
  ['340104199209065754', 760, 472, 359, 49],
  ['职业名称：育婴员', 162, 538, 284, 52],
  ...level,
  ['证书编号：1833012207162638', 157, 698, 500, 48],
  ['发证机关：杭州市人力资源和社会保障局', 153, 915, 631, 62],
  ['颁证日期：二〇一八年七月三日', 150, 974, 498, 63],
];

describe('a certificate’s level and its number’s level digit', () => {
  it('reads the level from the number’s level digit when the printed level is unread, flagged', () => {
    // Prepare: `技能等级` printed, its value lost under the seal.
    const doc = readScan(qualification([['技能等级', 493, 546, 178, 51]]));
    // Act
    const level = doc.fields.level;
    // Assess
    expect(level.value).toBe(1);
    expect(level.needsReview).toBe(true);
    expect(level.issues).toContain('level_from_certificate_number_inferred');
  });

  it('does not let a level read off the number vouch for the number', () => {
    const withLevel = readScan(qualification([['技能等级：一级', 493, 546, 240, 51]]));
    const without = readScan(qualification([['技能等级', 493, 546, 178, 51]]));
    expect(without.fields.certificateNumber.confidence).toBeLessThan(withLevel.fields.certificateNumber.confidence);
  });

  it('takes the title’s level of a level that disagrees with itself when the number’s digit names it, still flagged', () => {
    // Prepare: `一级（高级技师）` with its 一 read 二.
    const doc = readScan(qualification([['技能等级：二级（高级技师）', 493, 546, 360, 51]]));
    // Act
    const level = doc.fields.level;
    // Assess
    expect(level.value).toBe(1);
    expect(level.needsReview).toBe(true);
    expect(level.issues).toContain('level_inconsistent');
  });

  it('keeps the numeral’s level of a self-contradicting level when the number names neither', () => {
    const doc = readScan(qualification([['技能等级：二级（高级工）', 493, 546, 360, 51]]));
    expect(doc.fields.level.value).toBe(2);
    expect(doc.fields.level.needsReview).toBe(true);
  });
});

describe('a grid’s label row over its value row', () => {
  it('reads the holder under `持证人` rather than the date nearer the row that starts in `出生日期`’s cell', () => {
    // Prepare: a turned page's grid: `持证人　出生日期　性别` over `上官勇` … a birth date wrapped in its cell, set higher.
    const doc = readScan([
      ['杭州市西湖区人力资源和社会保障局监制', 118, 49, 453, 32],
      ['专项职业能力证书', 478, 161, 684, 68],
      ['身份证号码', 746, 349, 167, 47],
      ['510107197610028396', 208, 425, 339, 41],
      ['持证人', 263, 496, 173, 48],
      ['出生日期', 586, 498, 169, 43],
      ['性别', 1060, 496, 175, 50],
      ['上官勇', 213, 592, 101, 43],
      ['一九七六年十月二', 534, 570, 254, 44],
      ['男', 843, 592, 43, 44],
      ['日', 529, 619, 36, 38],
      ['项目名称', 336, 751, 139, 46],
      ['证书号', 969, 751, 141, 47],
      ['西湖龙井炒制', 209, 826, 199, 44],
      ['ZX20213301120026', 636, 831, 289, 35],
      ['杭州市西湖区人力资源和社会保障局', 952, 1037, 515, 41],
      ['2021.09.03', 1127, 1096, 168, 35],
    ]);
    // Act
    const holder = doc.fields.holderName;
    // Assess
    expect(holder.value).toBe('上官勇');
  });
});

describe('an issuer read with the seal’s ring lettering joined as its wrap', () => {
  it('cuts the ring’s pieces of the name after the line that completes it (`…技` | `能培训学校` | `职业技` | `浙江`), flagged', () => {
    // Prepare: the issuer wrapped in its cell beside `发证单位`, the seal's ring under it read in pieces of the name.
    const doc = readScan([
      ['培训合格证书', 527, 281, 417, 55],
      ['持证人：韦佳琪', 282, 401, 228, 31],
      ['培训内容：育婴员培训', 282, 616, 260, 30],
      ['证书编号', 281, 710, 97, 29],
      ['PX202052292415', 380, 712, 198, 27],
      ['发证单位', 281, 757, 97, 30],
      ['浙江育才职业技', 386, 758, 163, 30],
      ['能培训学校', 388, 786, 119, 34],
      ['职业技', 465, 839, 76, 34],
      ['浙江', 403, 870, 51, 49],
      ['2020.05.26', 277, 892, 132, 31],
    ]);
    // Act
    const issuer = doc.fields.issuer;
    // Assess
    expect(issuer.value).toBe('浙江育才职业技能培训学校');
    expect(issuer.needsReview).toBe(true);
    expect(issuer.issues).toContain('value_boundary_inferred');
  });
});

describe('a two-character label beside a heading set down the margin', () => {
  it('reads the name beside `姓名` with `持` `证` `信` `息` one a line left of it (no seal’s ring)', () => {
    // Prepare: a small photo of a training certificate, its block headed `持证信息` down the left margin.
    const doc = readScan(
      [
        ['培训合格证书', 432, 90, 189, 32],
        ['持', 80, 157, 20, 21],
        ['姓名', 128, 165, 59, 20],
        ['证', 80, 175, 20, 21],
        ['米雅琴', 247, 163, 50, 25],
        ['性别', 439, 165, 61, 21],
        ['女', 560, 164, 22, 24],
        ['信', 80, 192, 20, 22],
        ['息', 81, 211, 18, 19],
        ['出生年月', 126, 205, 60, 25],
        ['1970年8月30日', 250, 207, 99, 22],
        ['培训项目', 122, 258, 60, 23],
        ['电子商务创业培训', 237, 260, 113, 20],
      ],
      { size: { width: 1100, height: 780 } },
    );
    // Act
    const holder = doc.fields.holderName;
    // Assess
    expect(holder.value).toBe('米雅琴');
  });

  it('still takes no value beside a pair of a seal’s characters with ring characters on both sides of it', () => {
    const doc = readScan([
      ['职业技能等级证书', 524, 213, 586, 58],
      ['姓名：', 184, 346, 168, 48],
      ['肖萱梅', 386, 346, 118, 49],
      ['杭', 1000, 1300, 40, 40],
      ['州', 1040, 1262, 40, 40],
      ['职业', 1090, 1240, 80, 40],
      ['技', 1190, 1262, 40, 40],
      ['能', 1230, 1300, 40, 40],
      ['西湖龙井', 1200, 1240, 160, 40],
    ]);
    expect(doc.fields.occupation.value).not.toBe('西湖龙井');
  });
});

describe('a caption under its value misread by one character', () => {
  it('reads the occupation over `职亚)` (`（职业）` misread) on a form with captions under values, flagged', () => {
    // Prepare: captions under the fill-in; the occupation's caption read `职亚)`, its value set down onto it.
    const doc = readScan([
      ['职业技能等级证书', 524, 213, 586, 58],
      ['姓名：', 184, 346, 168, 48],
      ['肖萱梅', 186, 418, 118, 49],
      ['证件号码：', 187, 481, 162, 44],
      ['410105199804121153', 401, 508, 394, 36],
      ['汽车维修工', 187, 614, 187, 50],
      ['职亚)', 186, 643, 197, 54],
      ['证书号：', 186, 937, 169, 47],
      ['Y330106229466204443671', 396, 962, 484, 42],
      ['杭州北山餐饮管理有限公司', 960, 1374, 433, 43],
      ['颁证日期：二〇二〇年二月二十五日', 883, 1432, 584, 54],
    ]);
    // Act
    const occupation = doc.fields.occupation;
    // Assess
    expect(occupation.value).toBe('汽车维修工');
    expect(occupation.needsReview).toBe(true);
    expect(occupation.issues).toContain('label_inferred');
  });

  it('takes nothing over a bracketed word two characters off every caption', () => {
    const doc = readScan([
      ['职业技能等级证书', 524, 213, 586, 58],
      ['姓名：', 184, 346, 168, 48],
      ['肖萱梅', 186, 418, 118, 49],
      ['汽车维修工', 187, 614, 187, 50],
      ['(盖章)', 186, 643, 197, 54],
    ]);
    expect(doc.fields.occupation.value).toBeNull();
  });
});

describe('a holder’s name after a rule’s end read as `一`', () => {
  it('reads a four-character name with a stroke before it glued to the next label (`一令狐勇一性别女`), flagged', () => {
    // Prepare: a turned page; the fill-in rule's end before the name read `一`, the name and `性别女` in one box.
    const doc = readScan([
      ['职业技能等级证书', 418, 287, 405, 41],
      ['持证人', 249, 362, 112, 28],
      ['一令狐勇一性别女', 479, 363, 212, 26],
      ['身份证号码421002197510124980', 252, 409, 335, 26],
      ['颁证日期2021年6月17日', 484, 587, 265, 27],
    ]);
    // Act
    const holder = doc.fields.holderName;
    // Assess: the whole name, its last `一` kept; the leader is a guess the clerk confirms.
    expect(holder.value).toBe('令狐勇一');
    expect(holder.needsReview).toBe(true);
  });
});

describe('a district authority read past its city misread', () => {
  it('completes the city’s name when the read opens like it (`杭康商湖区…局`, `杭西湖…局`)', () => {
    expect(nearestAuthorityName('杭康商湖区人力资源和社会保障局')).toBe('杭州市西湖区人力资源和社会保障局');
    expect(nearestAuthorityName('杭西湖人力资源和社会保障局')).toBe('杭州市西湖区人力资源和社会保障局');
  });

  it('keeps the district-only name when nothing before it opens like the city', () => {
    expect(nearestAuthorityName('西湖区人分资源和社会保障局')).toBe('西湖区人力资源和社会保障局');
    expect(nearestAuthorityName('业务专用章西湖区人力资源和社会保障局')).toBe('西湖区人力资源和社会保障局');
  });
});

describe('confident-wrong shapes found on the fresh sample', () => {
  it('reads the holder under `持证人` in a grid row, not the next cell’s name below-right of it', () => {
    // Prepare: `持证人　审核人` over `贺嘉宁　陆文萱`, the second name starting past the label, nearer its row.
    const doc = readScan([
      ['职业技能等级证书', 794, 223, 740, 74],
      ['身份证号码', 310, 396, 200, 40],
      ['家属姓名', 713, 395, 208, 44],
      ['原证书编号', 1120, 396, 204, 40],
      ['性别', 1522, 392, 215, 52],
      ['33010520001211636X', 224, 469, 326, 43],
      ['余红', 629, 464, 79, 51],
      ['Y00778341377709', 1041, 469, 273, 43],
      ['女', 1440, 465, 48, 52],
      ['持证人', 305, 540, 207, 47],
      ['审核人', 1119, 541, 208, 45],
      ['贺嘉宁', 222, 609, 109, 53],
      ['陆文萱', 629, 613, 107, 45],
      ['工种', 377, 734, 207, 50],
      ['养老护理员', 394, 808, 168, 50],
    ]);
    // Act
    const holder = doc.fields.holderName;
    // Assess
    expect(holder.value).toBe('贺嘉宁');
  });

  it('still reads a value printed below-right of its label when nothing stands under the label', () => {
    const doc = readScan([
      ['职业技能等级证书', 794, 223, 740, 74],
      ['持证人', 305, 540, 207, 47],
      ['陆文萱', 629, 613, 107, 45],
      ['工种', 305, 734, 207, 50],
      ['养老护理员', 629, 734, 168, 50],
    ]);
    expect(doc.fields.holderName.value).toBe('陆文萱');
  });

  it('cuts a date glued after a training number (`PX202147413285` `2021.04.14`), flagged', () => {
    // Prepare: a shifted fill-in's issue date boxed onto the number beside `证书号`.
    const doc = readScan([
      ['培训合格证书', 525, 292, 304, 49],
      ['持证人姓名肖霞红', 285, 409, 210, 29],
      ['培训内容家政服务员技能', 280, 484, 269, 28],
      ['证书号', 272, 605, 92, 27],
      ['PX202147413285 2021.04.14', 388, 609, 304, 25],
      ['杭州西溪职业技术培训中心', 266, 717, 263, 26],
    ]);
    // Act
    const number = doc.fields.certificateNumber;
    // Assess
    expect(number.value).toBe('PX202147413285');
    expect(number.needsReview).toBe(true);
    expect(number.issues).toContain('value_boundary_inferred');
  });
});
