import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import type { OcrLine, OcrPage } from '../../shared/ocr/index.js';
import { residentId } from './support/documents.js';
import { scanPage, type Line } from './support/text-lines.js';

// Certificate values on the engine's lines but not read, and dates that cannot both be right (cert16: dev sample seed
// 9545 of the seen certificate families under clean and noisy scans, photos and turned pages, and the seen samples
// of the evening). Built on constructed lines with values of their own: no eval file is read here.

const TODAY = '2026-12-05';

/** A scanned page (the engine's reading, each line at confidence 0.99) holding `lines`, plus any lines given whole. */
function scannedPage(lines: readonly Line[], size = { width: 1654, height: 2340 }, extra: readonly OcrLine[] = []): OcrPage {
  return scanPage(lines, { size, extra });
}

const readScan = (lines: readonly Line[], size?: { width: number; height: number }, extra?: readonly OcrLine[]) =>
  extractDocuments([scannedPage(lines, size, extra)], { today: TODAY })[0];

const holderId = residentId('19870411', '362502', '924');

describe('the issuer at the foot of a certificate', () => {
  it('reads the issuer under its seal, not the printer’s imprint (`打印单位：…中心`) at the page’s foot', () => {
    // Prepare: an operation certificate whose training body is labelled; the issuer stands unlabelled over its twin date
    // and the footer names who printed the copy.
    const doc = readScan(
      [
        ['经办人：欧阳明', 827, 208, 152, 34],
        ['联系电话：0571-86012345', 1002, 214, 221, 36],
        ['中华人民共和国特种作业操作证', 391, 328, 766, 77],
        ['培训机构名称：', 338, 438, 239, 47],
        ['杭州钱塘职业培训学院', 617, 449, 269, 45],
        ['姓名：', 333, 494, 150, 44],
        ['沈立伟', 613, 506, 89, 41],
        ['公民身份号码：', 329, 723, 236, 46],
        [holderId, 607, 734, 285, 45],
        ['作业类别：', 309, 817, 123, 44],
        ['高处作业', 494, 825, 190, 43],
        ['有效期至：', 308, 931, 118, 43],
        ['2024年3月8日', 489, 938, 183, 44],
        ['颁证日期：', 302, 1044, 121, 42],
        ['2018.03.09', 485, 1053, 142, 41],
        ['杭州市应急管理局', 974, 1405, 219, 46],
        ['颁证日期：2018/3/9', 963, 1451, 237, 48],
        ['打印单位：拱墅区职工学校培训中心', 228, 2223, 283, 41],
      ],
      { width: 1497, height: 2391 },
    );
    // Act
    const issuer = doc.fields.issuer;
    // Assess: found by position alone past a labelled training body, so the clerk confirms it.
    expect(issuer.value).toBe('杭州市应急管理局');
    expect(issuer.needsReview).toBe(true);
  });

  it('takes no issuer from the seal’s own words read with a character of its ring (`业务专用章部`)', () => {
    const doc = readScan(
      [
        ['职业资格证书', 538, 144, 563, 90],
        ['持证人姓名', 147, 349, 176, 46],
        ['罗佳音', 350, 343, 160, 49],
        ['证件号码', 147, 425, 150, 49],
        [holderId, 353, 418, 383, 48],
        ['职业名称', 149, 520, 150, 48],
        ['茶艺师', 152, 565, 150, 49],
        ['证书号1433014320307331', 152, 634, 476, 54],
        ['发证日期', 802, 625, 147, 50],
        ['2014年4月29日', 1035, 620, 258, 45],
        ['杭州市人力资源和社会保障局', 1015, 748, 469, 66],
        ['颁证日期二〇一四年四月二十九日', 968, 815, 567, 61],
        ['业务专用章部', 1053, 889, 216, 56],
      ],
      { width: 1708, height: 2378 },
    );
    expect(doc.fields.issuer.value).toBe('杭州市人力资源和社会保障局');
  });

  it('reads an authority misread at its end (`…积社会保障府`) as the one authority it lies nearest, flagged', () => {
    const doc = readScan(
      [
        ['职业资格证书', 1034, 188, 414, 99],
        ['持证人：', 434, 308, 173, 63],
        ['南宫雅琴', 827, 335, 147, 60],
        ['身份证号：', 424, 455, 207, 65],
        [holderId, 826, 485, 583, 81],
        ['职业技能等级：', 458, 640, 221, 66],
        ['四级', 1029, 678, 83, 58],
        ['工种：', 454, 717, 226, 58],
        ['育婴员', 1029, 755, 200, 69],
        ['浙江省人力资源积社会保障府', 234, 846, 420, 80],
        ['发证日期：2012-05-16', 231, 905, 317, 68],
      ],
      { width: 2400, height: 1774 },
    );
    const issuer = doc.fields.issuer;
    expect(issuer.value).toBe('浙江省人力资源和社会保障厅');
    expect(issuer.needsReview).toBe(true);
    expect(issuer.issues).toContain('authority_name_inferred');
  });

  it('reads an authority read short after its label (`发证机关浙江人开资源…`) as the authority it lies nearest, flagged', () => {
    const doc = readScan(
      [
        ['职业资格证书', 952, 139, 574, 79],
        ['持证人林月华', 605, 280, 316, 47],
        ['性别女', 1280, 280, 164, 48],
        [holderId, 639, 352, 400, 45],
        ['(身份证号)', 622, 413, 159, 39],
        ['发证机关浙江人开资源和社会保障厅', 1232, 792, 659, 59],
        ['2017.10.21', 1458, 867, 209, 44],
      ],
      { width: 2075, height: 2340 },
    );
    const issuer = doc.fields.issuer;
    expect(issuer.value).toBe('浙江省人力资源和社会保障厅');
    expect(issuer.needsReview).toBe(true);
  });

  it('reads an issuer set down its cell whose first character the engine boxed apart over the column', () => {
    // Prepare: `绍` boxed alone, the rest of the name read down the cell as one tall line (characters top to bottom).
    const rest = '兴越秀职业技能培训学校';
    const column: OcrLine = {
      text: rest,
      confidence: 0.99,
      box: { x: 1091, y: 759, width: 55, height: rest.length * 52 },
      words: [...rest].map((ch, i) => ({ text: ch, confidence: 0.99, box: { x: 1096, y: 762 + i * 52, width: 44, height: 46 } })),
    };
    const doc = readScan(
      [
        ['职业技能等级证书', 500, 196, 642, 65],
        ['持证人姓名许晴川', 132, 335, 339, 47],
        ['身份证号码', 135, 402, 192, 44],
        [holderId, 350, 402, 400, 44],
        ['工种', 130, 507, 87, 52],
        ['焊工', 310, 508, 88, 51],
        ['证书编号', 132, 726, 158, 48],
        ['评价机构名称', 841, 730, 230, 40],
        ['绍', 1099, 732, 37, 42],
        ['发证日期：2021年07月17日', 1073, 1455, 444, 42],
      ],
      undefined,
      [column],
    );
    expect(doc.fields.issuer.value).toBe('绍兴越秀职业技能培训学校');
  });
});

describe('the issuer and the level off where the layout looks', () => {
  it('reads an authority’s name printed whole mid-page as the issuer when nothing else names one, flagged', () => {
    // Prepare: a moiré photo; the issuer label's value is lost and the name stands well above the foot.
    const doc = readScan([
      ['中华人民共和国职业资格证书', 369, 170, 902, 55],
      ['持证人:', 182, 298, 170, 49],
      ['诸葛文静', 407, 297, 152, 51],
      ['证件号码:', 186, 378, 166, 48],
      [holderId, 404, 378, 366, 48],
      ['职业名称:', 184, 660, 168, 49],
      ['钳工', 400, 660, 90, 50],
      ['杭州市人力资源和社会保障局', 987, 912, 650, 46],
      ['证书号:', 185, 1205, 169, 44],
      ['0833016702335340', 408, 1210, 322, 36],
      ['发证单位:', 766, 1208, 161, 40],
      ['2008-04-27', 163, 1668, 180, 42],
    ]);
    const issuer = doc.fields.issuer;
    expect(issuer.value).toBe('杭州市人力资源和社会保障局');
    expect(issuer.needsReview).toBe(true);
  });

  it('reads a level the layout took for a level label one character off it (`资格二级` for `资格等级`), flagged', () => {
    const doc = readScan([
      ['职业资格证书', 560, 150, 500, 60],
      ['持证人', 180, 300, 110, 45],
      ['郝明轩', 359, 300, 108, 45],
      ['证件号码', 180, 400, 150, 45],
      [holderId, 359, 400, 400, 45],
      ['职业', 180, 537, 80, 45],
      ['美容师', 359, 536, 108, 45],
      ['等级', 706, 537, 141, 46],
      ['资格二级', 878, 556, 138, 50],
      ['杭州市人力资源和社会保障局', 1000, 900, 500, 46],
    ]);
    const level = doc.fields.level;
    expect(level.value).toBe(2);
    expect(level.needsReview).toBe(true);
    expect(level.issues).toContain('value_read_as_label_inferred');
  });
});

describe('the occupation and the holder', () => {
  it('reads the occupation without the level joined on as its wrap (`互联网营销师` | `高级技师`)', () => {
    // Prepare: the level set half a row low under its spread label, tight under the occupation's value.
    const doc = readScan(
      [
        ['职业资格证书', 544, 282, 369, 64],
        ['持证人姓名：', 300, 388, 134, 40],
        ['钟雨萱', 319, 420, 106, 39],
        ['身份证号：', 297, 511, 112, 38],
        [holderId, 432, 518, 222, 35],
        ['职业（工种）：', 296, 565, 168, 38],
        ['中式烹调师', 479, 572, 147, 35],
        ['等', 294, 610, 39, 34],
        ['级：', 410, 615, 40, 33],
        ['高级技师', 481, 641, 102, 34],
        ['证书编号：', 294, 656, 146, 38],
        ['1433017645164453', 482, 666, 190, 32],
        ['杭州市人力资源和社会保障局', 820, 787, 310, 46],
      ],
      { width: 1434, height: 1907 },
    );
    const occupation = doc.fields.occupation;
    expect(occupation.value).toBe('中式烹调师');
    expect(occupation.needsReview).toBe(true);
  });

  it('reads the holder over a bracketed caption when a `(盖章)` remark is boxed with the name', () => {
    const doc = readScan([
      ['职业技能等级证书', 539, 153, 565, 62],
      ['宋雨桐 (盖章)', 147, 297, 215, 40],
      ['(持证人)', 128, 348, 115, 44],
      ['性别', 854, 347, 112, 41],
      ['证件号码', 115, 416, 135, 42],
      [holderId, 409, 417, 420, 41],
      ['职业名称', 114, 542, 160, 41],
      ['中式面点师', 720, 543, 174, 39],
      ['杭州西溪职业技术培训中心', 1153, 843, 386, 42],
      ['2021年5月10日', 1232, 902, 223, 41],
    ]);
    expect(doc.fields.holderName.value).toBe('宋雨桐');
  });
});

describe('the holder over a misread caption', () => {
  it('reads the name over a bracketed holder caption whose head the engine misread (`（特证人）`), flagged', () => {
    // Prepare: a landscape photo; each value stands over its bracketed caption, `持` read `特`.
    const doc = readScan(
      [
        ['中华人民共和国职业资格证书', 624, 288, 602, 58],
        ['欧阳雪', 330, 406, 78, 34],
        ['性别女', 933, 424, 146, 38],
        ['（特证人）', 305, 443, 101, 35],
        ['身份证号', 300, 491, 93, 35],
        [holderId, 470, 489, 220, 31],
        ['职业技能等级', 914, 526, 141, 32],
        ['国家职业资格二级', 1054, 522, 208, 34],
        ['颁证日期', 915, 578, 100, 33],
        ['2011年1月24日', 1072, 575, 154, 34],
        ['发证机关：浙江省人力资源和社会保障厅', 1166, 669, 423, 37],
      ],
      { width: 1866, height: 1403 },
    );
    const holder = doc.fields.holderName;
    expect(holder.value).toBe('欧阳雪');
    expect(holder.needsReview).toBe(true);
    expect(holder.issues).toContain('label_inferred');
  });
});

describe('dates a certificate cannot hold together', () => {
  /** An operation certificate valid to 2025-02-22, its 颁证日期 printed as `issued`. */
  const operationCertificateIssued = (issued: string) =>
    readScan([
      ['特种作业操作证', 409, 239, 357, 55],
      ['姓名：', 244, 306, 120, 32],
      ['韦明轩', 400, 306, 100, 32],
      ['身份证号码：', 244, 383, 164, 34],
      [holderId, 420, 383, 213, 30],
      ['作业类别：', 243, 425, 103, 31],
      ['电工作业', 420, 425, 120, 30],
      ['有效期至：', 243, 507, 101, 31],
      ['2025年02月22日', 420, 508, 153, 31],
      ['颁证日期：', 242, 589, 103, 32],
      [issued, 420, 591, 153, 29],
      ['发证机关：杭州市应急管理局', 696, 676, 249, 31],
    ]);

  it('flags an issue date on or after the day its validity ends (the 有效期至 read as the 颁证日期)', () => {
    // Prepare: the validity's end printed where the issue date is read from; the two agree on nothing else.
    const doc = operationCertificateIssued('2025年02月22日');
    const issueDate = doc.fields.issueDate;
    expect(issueDate.value).toBe('2025-02-22');
    expect(issueDate.needsReview).toBe(true);
    expect(issueDate.issues).toContain('issue_date_validity_conflict');
  });

  it('leaves an issue date before the validity’s end as read', () => {
    const doc = operationCertificateIssued('2019年02月23日');
    const issueDate = doc.fields.issueDate;
    expect(issueDate.value).toBe('2019-02-23');
    expect(issueDate.issues ?? []).not.toContain('issue_date_validity_conflict');
  });
});

describe('a heading grid whose second value stands flush left in a wide cell', () => {
  it('reads the occupation under 工种 though it starts left of the midpoint between the two labels', () => {
    // proc-E certificate, clean scan (reader25, seed 9932): `等级` and `工种` centred over a narrow and a wide cell,
    // `技师` and `美发师` flush left in them: both start left of the labels' midpoint, so `工种`'s cell held no line
    // and the occupation was null (flagged).
    const doc = readScan([
      ['中华人民共和国职业资格证书', 316, 142, 1012, 66],
      ['三、持证人', 263, 445, 167, 48],
      ['四、性别', 749, 446, 140, 46],
      ['欧阳梅', 279, 519, 139, 47],
      ['女', 799, 517, 44, 49],
      ['五、受理人', 263, 592, 168, 49],
      ['六、公民身份号码', 687, 593, 264, 45],
      ['蔡林', 309, 663, 79, 53],
      [holderId, 659, 668, 320, 43],
      ['等级', 233, 779, 76, 50],
      ['工种', 704, 781, 76, 46],
      ['技师', 125, 851, 80, 51],
      ['茶艺师', 441, 853, 109, 48],
      ['证书号', 530, 929, 106, 45],
      ['12 330190 37248375', 132, 1008, 300, 36],
      ['发证机关:杭州市人力资源和社会保障局', 990, 1195, 557, 43],
      ['2012-3-22', 1190, 1251, 159, 42],
    ]);
    expect(doc.type).toBe('vocational_certificate');
    expect(doc.fields.occupation.value).toBe('茶艺师');
    expect(doc.fields.level.value).toBe(2);
  });
});
