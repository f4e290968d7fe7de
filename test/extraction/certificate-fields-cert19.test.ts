import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { scanPage, textLayerPage, type Line, type ScanPageOptions } from './support/text-lines.js';

// Certificate values on scans and photos that the reader lost or read wrong (cert19: seen samples of turned pages,
// photos and shifted fill-ins). Built on constructed lines with values of their own: no eval file is read.

const TODAY = '2026-12-06';

const readScan = (lines: readonly Line[], options?: ScanPageOptions) => extractDocuments([scanPage(lines, options)], { today: TODAY })[0];

describe('a certificate number barred out by the uploader', () => {
  const withNumber = (number: string) =>
    readScan([
      ['培训结业证书', 557, 146, 524, 75],
      ['持证人姓名', 167, 293, 181, 49],
      ['陶宇', 554, 290, 87, 57],
      ['培训内容', 168, 592, 148, 46],
      ['家政服务员培训', 351, 592, 250, 44],
      ['证书编号', 169, 794, 147, 48],
      [number, 346, 792, 256, 48],
      ['发证单位', 170, 894, 146, 46],
      ['杭州市滨江区职业技能培训学校', 348, 897, 420, 48],
      ['发证日期', 170, 994, 146, 47],
      ['二〇二一年三月八日', 352, 997, 345, 41],
    ]);

  it('reports no number for `PX2021*****207`, flagged masked, never the head left of the mask', () => {
    // Act
    const number = withNumber('PX2021*****207').fields.certificateNumber;
    // Assess
    expect(number.value).toBeNull();
    expect(number.issues).toContain('value_masked');
  });

  it('still reads a whole number with a lone leader’s dot before it (`*PX202147413285`)', () => {
    const number = withNumber('*PX202147413285').fields.certificateNumber;
    expect(number.value).toBe('PX202147413285');
  });
});

describe('a grid’s labels numbered with circled numbers and spread apart', () => {
  it('reads the holder under `②持` `证` `人` beside `①受` `理` `人`, never one label of the two', () => {
    // Prepare: a turned page's grid, each label spread over its cell with its item number glued to its first
    // character; the other party's label (受理人) first on the row.
    const doc = readScan([
      ['培训结业证书', 560, 130, 512, 68],
      ['①受', 169, 299, 79, 44],
      ['理', 275, 301, 41, 40],
      ['人', 316, 299, 68, 43],
      ['②持', 487, 299, 74, 43],
      ['证', 592, 302, 34, 39],
      ['人', 625, 296, 76, 48],
      ['③性', 795, 295, 85, 52],
      ['别', 968, 296, 51, 49],
      ['韩立', 136, 372, 116, 50],
      ['蒋思远', 450, 372, 115, 48],
      ['男', 766, 374, 43, 47],
      ['④出生日期', 485, 451, 216, 46],
      ['⑤身份证号码', 798, 450, 216, 49],
      ['1990.03.07', 451, 555, 185, 43],
      ['330106199003070017', 767, 556, 347, 41],
      ['证书编号', 520, 1106, 145, 47],
      ['PX202127557098', 352, 1185, 480, 40],
      ['发证单位', 520, 1259, 145, 47],
      ['杭州市西湖区职业技能培训学校', 348, 1341, 487, 40],
    ]);
    // Act
    const holder = doc.fields.holderName;
    // Assess
    expect(holder.value).toBe('蒋思远');
  });
});

describe('an issuer set two characters a line down a narrow cell, centred on its label', () => {
  it('reads every line of it, those over the label’s row as well as those under it, when no line stands on the row', () => {
    // Prepare: a digital grid, `发证单位` level with the gap between `建筑` and `工程` (two thirds of a line from
    // each, so neither stands on its row); the level's cell over the issuer's.
    const doc = extractDocuments(
      [
        textLayerPage([
          ['职业技能等级证书', 516, 210, 614, 72],
          ['①受', 344, 392, 69, 35],
          ['龙凯刚', 593, 392, 104, 35],
          ['②原证书编号', 925, 392, 208, 35],
          ['Y27337690237284', 1175, 392, 291, 35],
          ['③性', 344, 469, 69, 35],
          ['女', 593, 469, 35, 35],
          ['④出生年月', 925, 469, 208, 35],
          ['1980.8.8', 1175, 469, 137, 35],
          ['⑤身份证号码', 344, 628, 208, 35],
          ['3 3 0 1 1 0 1 9 8 0 0 8 0 8 9 1 6 0', 601, 628, 644, 35],
          ['⑥持', 344, 707, 69, 35],
          ['邹文涛（盖章）', 593, 707, 251, 35],
          ['职业（工种）', 343.68, 850.71, 208.21, 34.71],
          ['保育员', 593.42, 850.71, 104.11, 34.92],
          ['技能等级', 1058.76, 850.71, 208.34, 34.71],
          ['二级', 1308.5, 850.71, 69.41, 34.71],
          ['证书编号', 343.68, 1044.46, 208.34, 34.71],
          ['Y330106682387202115841', 593.42, 1044.46, 423.9, 34.71],
          ['发证单位', 1058.76, 1044.46, 208.34, 34.71],
          ['杭州', 1308.5, 927.79, 69.41, 34.71],
          ['启航', 1308.5, 973.62, 69.41, 34.92],
          ['建筑', 1308.5, 1021.54, 69.41, 34.71],
          ['工程', 1308.5, 1067.37, 69.41, 34.71],
          ['有限', 1308.5, 1115.29, 69.41, 34.71],
          ['公司', 1308.5, 1161.12, 69.41, 34.74],
          ['发证日期', 344, 1238, 208, 35],
          ['2020年07月06日', 593, 1238, 259, 35],
        ]),
      ],
      { today: TODAY },
    )[0];
    // Act
    const issuer = doc.fields.issuer;
    // Assess
    expect(issuer.value).toBe('杭州启航建筑工程有限公司');
  });
});

describe('a spread label numbered with a circled number over a look-alike letter', () => {
  it('reads the occupation under `①I` … `种` (`①　工　种`, the `工` read as `I`)', () => {
    // Prepare: a grid whose labels are numbered ①②③④, the values under them; `工` read as a Latin letter, so the
    // circled number stays glued to it.
    const doc = readScan([
      ['职业技能等级证书', 446, 280, 395, 52],
      ['（2）持证人', 592, 386, 120, 34],
      ['（1）经办人', 308, 395, 121, 32],
      ['林秀梅', 620, 428, 64, 32],
      ['张军', 345, 435, 48, 34],
      ['（5）证件号码', 604, 552, 102, 33],
      ['33062119841021638X', 474, 590, 362, 42],
      ['①I', 391, 766, 47, 27],
      ['种', 464, 766, 25, 25],
      ['②技能等级', 825, 753, 102, 32],
      ['茶艺师', 391, 807, 99, 30],
      ['一级', 854, 797, 47, 31],
      ['③证书号', 399, 849, 82, 32],
      ['④发证单位', 827, 839, 104, 32],
      ['Y330106596619201237607', 324, 894, 232, 31],
      ['杭州博远汽车维修有限公司', 764, 883, 233, 34],
    ]);
    // Act
    const occupation = doc.fields.occupation;
    // Assess
    expect(occupation.value).toBe('茶艺师');
  });
});

describe('a fill-in printed a row high, a number glued after the next row’s label with no colon', () => {
  const page = (glued: string): Line[] => [
    ['专项职业能力证书', 952, 180, 532, 82],
    ['欧阳思远', 372, 221, 136, 52],
    ['男', 1199, 253, 45, 45],
    [glued, 206, 283, 458, 63],
    ['性别', 1036, 310, 145, 54],
    ['证件号码', 207, 354, 139, 52],
    ['手机维修', 430, 372, 135, 48],
    ['ZX20213301229627', 1259, 404, 263, 47],
    ['专项能力名称', 206, 428, 199, 51],
    ['杭州市西湖区人力资源和社会保障局', 424, 440, 519, 58],
    ['证书编号', 1035, 458, 189, 49],
    ['2021年1月17日', 1250, 467, 219, 53],
    ['发证机关', 201, 498, 202, 52],
    ['发证日期', 1031, 527, 204, 52],
  ];

  it('reads the holder a row over `持证人` and the ID glued after it as the next row’s (`持证人330108199512260652`)', () => {
    // Act
    const doc = readScan(page('持证人330108199512260652'));
    // Assess
    expect(doc.fields.holderName.value).toBe('欧阳思远');
    expect(doc.fields.idNumber.value).toBe('330108199512260652');
  });
});

describe('a spread label’s first character boxed onto the value before it, set apart with no space read', () => {
  /** An engine line whose characters stand at `xs`, each 30 px wide. */
  const boxed = (text: string, xs: readonly number[], y: number, height: number) => ({
    text,
    confidence: 1,
    box: { x: xs[0] - 8, y, width: xs[xs.length - 1] + 38 - xs[0], height },
    words: [...text].map((ch, i) => ({ text: ch, confidence: 1, box: { x: xs[i], y: y + 4, width: 30, height: 30 } })),
  });
  const read = (occupation: ReturnType<typeof boxed>) =>
    extractDocuments(
      [
        scanPage(
          [
            ['职业资格证书', 548, 187, 550, 71],
            ['姓名:', 192, 358, 158, 44],
            ['性别：女', 777, 358, 240, 45],
            ['钱雅琴', 417, 370, 110, 46],
            ['证件号码:', 195, 427, 180, 40],
            ['330302197106204148', 417, 427, 338, 40],
            ['职业 (工种):', 193, 528, 206, 39],
            ['证书号:', 194, 636, 188, 44],
            ['1933014229376840', 648, 639, 301, 38],
            ['发证单位：杭州市职业技能鉴定指导中心', 198, 786, 600, 36],
            ['发证日期：2019年3月14日', 196, 841, 392, 42],
          ],
          {
            extra: [occupation, boxed('能', [1114], 527, 40), boxed('等', [1240], 525, 42), boxed('级：', [1377, 1399], 525, 43)],
          },
        ),
      ],
      { today: TODAY },
    )[0];

  it('cuts `技` from `中式面点师技` when its box stands an em past `师`, at the label’s spacing (`技　能　等　级：`)', () => {
    // Act
    const doc = read(boxed('中式面点师技', [781, 814, 847, 879, 912, 978], 528, 39));
    // Assess
    expect(doc.fields.occupation.value).toBe('中式面点师');
  });

  it('keeps a last character set apart that starts no label the next box goes on with (`保育　员` | `能`)', () => {
    const doc = read(boxed('保育员', [781, 814, 880], 528, 39));
    expect(doc.fields.occupation.value).toBe('保育员');
  });
});

describe('a wrapped date’s last line over an issuer’s label', () => {
  it('reads the issuer under `发证单位:`, never `月二十八日` (the training period’s wrap) over it', () => {
    // Prepare: the training period wraps over the issuer's label; the issuer's fill-in sits under it.
    const doc = readScan([
      ['培训结业证书', 509, 153, 610, 76],
      ['姓名:', 103, 362, 104, 56],
      ['冯雪梅', 230, 362, 123, 53],
      ['身份证号:', 786, 446, 317, 44],
      ['421002199504039666', 1103, 450, 368, 37],
      ['培训项目:', 108, 518, 169, 43],
      ['焊工', 319, 517, 120, 45],
      ['培训时间:', 840, 518, 175, 44],
      ['2021.12.21至二〇二一年十二', 1052, 517, 474, 47],
      ['月二十八日', 1053, 567, 186, 43],
      ['发证单位:', 841, 639, 167, 47],
      ['证书号:', 107, 690, 134, 47],
      ['杭州市西湖区职业', 842, 691, 294, 45],
      ['PX202121289372', 320, 725, 317, 45],
      ['技能培训学校', 841, 742, 221, 39],
      ['颁证日期:', 111, 817, 166, 39],
      ['2021.12.31', 319, 816, 187, 40],
    ]);
    // Act
    const issuer = doc.fields.issuer;
    // Assess
    expect(issuer.value).toBe('杭州市西湖区职业技能培训学校');
  });
});
