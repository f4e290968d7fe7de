import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { readOrganisationName } from '../../shared/extraction/value-readers.js';
import { scanPage, type Line, type ScanPageOptions } from './support/text-lines.js';

// Certificate values on scans and photos that the reader lost or read wrong (cert22: seen samples weighted to noisy
// scans, clean scans and phone photos). Built on constructed lines with values of their own: no eval file is read.

const TODAY = '2026-12-06';

const readScan = (lines: readonly Line[], options?: ScanPageOptions) => extractDocuments([scanPage(lines, options)], { today: TODAY })[0];

describe('a heading grid whose cells differ in width, each label centred in its own', () => {
  it('reads the first value of the row under the first label, though both values start left of the labels’ midpoint', () => {
    // Prepare: `工种` centred over a narrow cell, `等级` centred over a wide one; the values flush left in their cells.
    const doc = readScan([
      ['职业技能等级证书', 435, 217, 700, 71],
      ['姓名', 368, 407, 85, 54],
      ['性别', 826, 409, 82, 48],
      ['柏文涛', 353, 484, 117, 52],
      ['男', 841, 484, 49, 54],
      ['身份证号', 567, 561, 146, 51],
      ['330106198507142312', 479, 642, 321, 41],
      ['工种', 296, 778, 82, 52],
      ['等级', 749, 775, 84, 53],
      ['钳工', 195, 852, 86, 54],
      ['四级 (中级工)', 504, 853, 228, 50],
      ['证书号', 584, 932, 112, 47],
      ['S330106853201457662', 205, 1009, 600, 40],
      ['评价机构', 563, 1081, 151, 53],
      ['杭州之江职业培训学校', 198, 1156, 380, 48],
      ['发证日期：2021/6/9', 1098, 1411, 321, 46],
    ]);
    // Act
    const occupation = doc.fields.occupation;
    // Assess
    expect(occupation.value).toBe('钳工');
  });

  it('reads the trade under a wide first label whose neighbour’s value starts under the label’s end', () => {
    // Prepare: `职业（工种）` over a narrow cell, `技能等级` centred over a wide cell; the level starts right of the
    // first label, one pixel higher than the trade.
    const doc = readScan([
      ['中华人民共和国职业资格证书', 360, 188, 933, 63],
      ['证件号码', 282, 345, 150, 47],
      ['持证人', 609, 342, 120, 53],
      ['330106199208235513', 217, 426, 380, 42],
      ['陶一鸣', 640, 426, 110, 42],
      ['职业 (工种)', 212, 566, 206, 53],
      ['技能等级', 711, 569, 152, 51],
      ['插花员', 213, 648, 121, 52],
      ['三级', 452, 647, 82, 52],
      ['证书编号', 595, 728, 150, 50],
      ['1833013810149921', 222, 808, 607, 49],
      ['浙江省人力资源和社会保障厅', 987, 1012, 472, 46],
      ['颁证日期：2019/4/22', 1059, 1081, 329, 46],
    ]);
    // Act
    const occupation = doc.fields.occupation;
    const level = doc.fields.level;
    // Assess
    expect(occupation.value).toBe('插花员');
    expect(level.value).toBe(3);
  });
});

describe('a name printed between its label’s row and the row under it, whose label is the holder’s sex', () => {
  it('reads the name as the holder’s: the sex label has its `女` on its own row and waits for nothing', () => {
    // Prepare: a small photo of an operation certificate whose name is printed two thirds of a line low, as near the
    // row of `性别：` (which has its `女` beside it) as its own label's.
    const doc = readScan(
      [
        ['中华人民共和国特种作业操作证', 133, 74, 333, 22],
        ['持证人：', 40, 112, 66, 21],
        ['柯云', 140, 126, 37, 22],
        ['性别：', 41, 142, 64, 21],
        ['女', 142, 143, 19, 20],
        ['身份证号：', 40, 172, 86, 22],
        ['330106199003127746', 143, 186, 140, 19],
        ['电工作业', 53, 207, 60, 19],
        ['（作业类别）', 52, 228, 62, 20],
        ['操作项目：', 41, 257, 63, 19],
        ['低压电工作业', 142, 257, 99, 20],
        ['有效期至：', 41, 306, 86, 19],
        ['2027年03月14日', 142, 306, 98, 17],
        ['证书号：', 41, 335, 65, 21],
        ['T330106199003127746', 142, 336, 135, 17],
        ['杭州市应急管理局', 429, 396, 112, 19],
        ['二〇二一年三月十五日', 410, 422, 150, 17],
      ],
      { size: { width: 602, height: 852 } },
    );
    // Act
    const holder = doc.fields.holderName;
    // Assess
    expect(holder.value).toBe('柯云');
  });
});

describe('a fill-in a row low whose name landed glued after the ID’s label and its colon', () => {
  it('proves the offset with the ID under `身份证号：` and reads the name and the trade moved back a row', () => {
    // Prepare: a training certificate whose whole fill-in sits a row low: the name after `身份证号：`'s colon, the ID
    // between that row and the next, the trade beside `证书编号：`, the sex beside nothing.
    const doc = readScan(
      [
        ['培训合格证书', 896, 213, 524, 68],
        ['持证人姓名：', 186, 357, 182, 40],
        ['性别：', 1356, 355, 89, 45],
        ['身', 187, 427, 40, 37],
        ['份', 313, 425, 44, 40],
        ['证', 441, 425, 45, 38],
        ['号：祁南', 567, 422, 166, 45],
        ['男', 1482, 428, 38, 37],
        ['330106199405127714', 662, 496, 322, 39],
        ['培训项目：', 185, 513, 151, 45],
        ['培训时间：', 1182, 514, 148, 43],
        ['证书编号：', 188, 584, 151, 41],
        ['育婴员技能培训', 372, 584, 240, 42],
        ['2021-03-02至二〇二一年三月十九日', 1371, 584, 485, 39],
        ['PX202167410385', 375, 656, 258, 39],
        ['发证单位：杭州西溪职业技术培训中心', 1669, 703, 560, 43],
        ['2021年03月29日', 1790, 761, 241, 46],
      ],
      { size: { width: 2340, height: 1654 } },
    );
    // Act
    const holder = doc.fields.holderName;
    const occupation = doc.fields.occupation;
    // Assess
    expect(holder.value).toBe('祁南');
    expect(occupation.value).toBe('育婴员技能培训');
  });
});

describe('a cell’s rule read as a closing bracket between a label’s colon and its value', () => {
  it('reads the trade after `：」` without the bracket', () => {
    // Prepare: a clean scan whose occupation cell's left rule was read as `」` after the label's colon.
    const doc = readScan([
      ['中华人民共和国职业资格证书', 204, 151, 1226, 77],
      ['1、持证人：', 180, 462, 171, 47],
      ['邵佳怡', 415, 460, 108, 49],
      ['2、性别：', 640, 462, 137, 47],
      ['女', 917, 462, 45, 45],
      ['3、身份证号：', 180, 535, 199, 49],
      ['330106199003127746', 423, 540, 572, 36],
      ['职业（工种）：」茶艺师', 182, 801, 360, 41],
      ['职业技能等级：', 773, 801, 208, 41],
      ['国家职业资格四级', 1010, 797, 355, 54],
      ['证书编号：', 183, 1026, 146, 43],
      ['1933015684439915', 431, 1030, 311, 36],
      ['浙江省人力资源和社会保障厅', 167, 1167, 415, 36],
      ['发证日期:2019.09.24', 163, 1220, 318, 41],
    ]);
    // Act
    const occupation = doc.fields.occupation;
    // Assess
    expect(occupation.value).toBe('茶艺师');
  });
});

describe('an issue date under the issuer joined to its name as a wrap', () => {
  it('reads the name without the date after its suffix, flagged as a guessed boundary', () => {
    // Act
    const reading = readOrganisationName('杭州之江职业培训学校202173/08');
    // Assess
    expect(reading?.value).toBe('杭州之江职业培训学校');
    expect(reading?.issues).toContain('organisation_name_boundary_inferred');
  });

  it('reads the issuer of a photo whose misread issue date stands tight under its line', () => {
    // Prepare: `培训机构：` with the issuer glued after it, the date under it misread (`2021/3/08` as `202173/08`).
    const doc = readScan(
      [
        ['培训结业证书', 513, 269, 281, 50],
        ['一、姓名', 317, 379, 95, 35],
        ['二、性别', 709, 379, 94, 34],
        ['鲁文静', 316, 427, 97, 33],
        ['女', 738, 429, 31, 31],
        ['三、证件号码', 590, 477, 137, 30],
        ['330106199003127746', 523, 527, 269, 28],
        ['培训内容', 348, 581, 96, 35],
        ['培训时间', 738, 581, 97, 35],
        ['茶艺师岗前培训', 296, 633, 170, 31],
        ['2021.02.18至2021.03.01', 656, 633, 265, 28],
        ['证书号', 621, 680, 73, 31],
        ['PX202136737902', 553, 730, 208, 28],
        ['培训机构：杭州之江职业培训学校', 671, 814, 330, 33],
        ['202173/08', 800, 858, 124, 29],
      ],
      { size: { width: 1317, height: 1752 } },
    );
    // Act
    const issuer = doc.fields.issuer;
    // Assess
    expect(issuer.value).toBe('杭州之江职业培训学校');
  });
});

describe('a spread `工　种` whose head glare shrank, its tail glued to the trade', () => {
  it('reads the trade after `种` when the label’s `工` stands alone before it as a small box, flagged', () => {
    // Prepare: a glare photo: `工` boxed at a speck's size, `种家政服务员` glued where the value column starts.
    const doc = readScan(
      [
        ['职业技能等级证书', 460, 234, 338, 47],
        ['持证人姓名韦思远', 250, 341, 170, 28],
        ['性', 507, 340, 25, 25],
        ['别男', 576, 338, 62, 26],
        ['出生年月', 250, 384, 75, 25],
        ['1986.04.12', 353, 385, 96, 21],
        ['身份证号', 507, 382, 75, 27],
        ['33010619860412591X', 614, 381, 168, 24],
        ['工', 253, 434, 14, 17],
        ['种西式面点师', 336, 429, 127, 25],
        ['职业技能等级', 583, 428, 109, 25],
        ['四级/中级工', 692, 427, 110, 24],
        ['证书编号', 245, 495, 76, 27],
        ['Y330106455270204720118', 367, 495, 240, 26],
        ['发证机关：杭州启航网络科技股份有限公司', 660, 605, 357, 27],
        ['颁证日期：2020-07-06', 739, 639, 194, 26],
      ],
      { size: { width: 1232, height: 1638 } },
    );
    // Act
    const occupation = doc.fields.occupation;
    // Assess
    expect(occupation.value).toBe('西式面点师');
    expect(occupation.needsReview).toBe(true);
  });
});
