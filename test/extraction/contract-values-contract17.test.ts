import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { readContractEmployerName, withoutCreditCode } from '../../shared/extraction/contract-titles.js';
import { textLayerPage, type Line } from './support/text-lines.js';

// Classes found on a seen-family contract sample (contract17, seed 9560: scans and photos of contract/proc-A, -C,
// -CS, -D, -E, -M): values on the engine's lines that the reader did not read. Constructed lines, values of their own.

const TODAY = '2026-12-06';

/** A scanned page: the engine's lines, each read at 0.99. */
function scanned(lines: readonly Line[], size?: { width: number; height: number }) {
  const p = textLayerPage(lines, size);
  return { ...p, source: 'paddle' as const, lines: p.lines.map((l) => ({ ...l, confidence: 0.99 })) };
}

function read(lines: readonly Line[], size?: { width: number; height: number }) {
  return extractDocuments([scanned(lines, size)], { today: TODAY })[0];
}

/** The clauses and signature block every constructed contract ends with. */
const SIGNATURES: Line[] = [
  ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 232, 1189, 856, 68],
  ['二、甲方依法为乙方缴纳社会保险费。', 225, 1237, 479, 59],
  ['甲方（盖章）：', 206, 1397, 230, 55],
  ['乙方（签字）：', 853, 1431, 196, 51],
  ['签订日期：2021年03月27日', 213, 1478, 401, 57],
];

/**
 * proc-E's grid of captions over values, each value at its cell's left; the employee's cell holds `employee` (or
 * nothing), and the next row's caption `合同类型` (no label of ours) stands right under `劳动者姓名`'s span.
 */
function gridWithEmployee(employee: string | undefined): Line[] {
  const lines: Line[] = [
    ['劳动合同书', 656, 238, 450, 86],
    ['甲方（用人单位）名称', 300, 388, 327, 55],
    ['统一社会信用代码', 754, 402, 264, 53],
    ['法定代表人', 1225, 415, 170, 54],
    ['杭州青禾园林绿化有限公司', 267, 459, 400, 55],
    ['91330106MA2B4K7Q1P', 688, 498, 395, 52],
    ['郭凯欣', 1111, 507, 109, 50],
    ['劳动者姓名', 371, 579, 171, 52],
    ['居民身份证号码', 767, 591, 230, 52],
    ['联系电话', 1186, 603, 240, 57],
    ['362502200011096635', 684, 665, 324, 54],
    ['15906376708', 1107, 677, 204, 52],
    ['合同类型', 334, 724, 238, 57],
    ['合同期限自', 794, 738, 166, 55],
    ['合同期限至', 1217, 751, 171, 56],
    ['无固定期限', 255, 795, 169, 55],
    ['2021-03-30', 679, 812, 173, 48],
    ['工作岗位', 755, 884, 236, 54],
    ['焊工', 246, 942, 81, 54],
    ...SIGNATURES,
  ];
  return employee === undefined ? lines : [...lines, [employee, 256, 648, 81, 52]];
}

describe('a party’s name at the left of its label’s grid cell', () => {
  it('reads `苏慧` at the cell’s left under `劳动者姓名`, not the next row’s caption `合同类型` under the label’s span', () => {
    const doc = read(gridWithEmployee('苏慧'));
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.employeeName.value).toBe('苏慧');
    // The pairing is the layout's: the clerk confirms it.
    expect(doc.fields.employeeName.needsReview).toBe(true);
  });

  it('reads `钱晨晓` at the left of the spread `乙　方`’s cell, not `邵梓凯` of the `法定代表人` cell beside it', () => {
    // A grid of spread captions over values, each value at its cell's left (as the engine boxed a clean scan).
    const lines: Line[] = [
      ['劳动合同书', 632, 165, 372, 62],
      ['甲', 687, 310, 47, 50],
      ['方', 919, 309, 52, 51],
      ['杭州汇通家政服务智慧', 165, 382, 341, 43],
      ['服务股份有限公司', 164, 429, 275, 44],
      ['统一社会信用代码', 689, 501, 277, 44],
      ['91330106MA2BC6AY35', 168, 574, 604, 51],
      ['法定代表人', 348, 648, 281, 48],
      ['乙', 1026, 647, 48, 55],
      ['方', 1261, 648, 47, 52],
      ['邵梓凯', 162, 721, 114, 49],
      ['钱晨晓', 840, 719, 116, 53],
      ['居民身份证号码', 693, 800, 271, 40],
      ['510107200204158587', 171, 873, 598, 41],
      ['联', 351, 949, 45, 38],
      ['系', 427, 949, 43, 37],
      ['电', 506, 949, 43, 37],
      ['话', 550, 946, 79, 44],
      ['合', 1029, 946, 41, 46],
      ['同', 1106, 949, 44, 40],
      ['类', 1183, 949, 46, 40],
      ['型', 1260, 946, 46, 46],
      ['15023720276', 166, 1018, 211, 47],
      ['无固定期限', 843, 1018, 176, 47],
      ['紧急联系人姓名', 350, 1089, 277, 49],
      ['派', 1030, 1095, 40, 38],
      ['遣', 1108, 1096, 43, 37],
      ['单', 1184, 1095, 43, 38],
      ['位', 1264, 1095, 42, 39],
      ['杭州新锐机械制', 843, 1163, 242, 48],
      ['田远飞', 161, 1185, 118, 54],
      ['造有限公司', 842, 1213, 177, 45],
      ['合同期限自', 350, 1284, 276, 47],
      ['合同终止日期', 1030, 1285, 275, 45],
      ['2019-07-21', 163, 1356, 180, 50],
      ['无固定期限', 843, 1357, 177, 47],
      ['受', 347, 1430, 47, 52],
      ['理', 466, 1435, 45, 45],
      ['人', 582, 1432, 47, 50],
      ['工', 1033, 1438, 40, 37],
      ['作', 1108, 1438, 43, 37],
      ['岗', 1182, 1437, 45, 38],
      ['位', 1263, 1436, 41, 39],
      ['袁燕颖', 164, 1504, 112, 49],
      ['数控车工', 842, 1503, 145, 51],
      ['地', 685, 1580, 49, 51],
      ['址', 919, 1579, 52, 51],
      ['浙江省杭州市西湖区建设路27', 168, 1657, 437, 36],
      ['0号17幢805室', 163, 1700, 219, 44],
      ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 147, 1794, 907, 41],
      ['二、甲方依法为乙方缴纳社会保险费。', 151, 1849, 502, 38],
      ['三、本合同一式两份，甲乙双方各执一份，具有同等法律效力。', 146, 1903, 847, 37],
      ['甲方 (盖章):', 144, 2031, 207, 45],
      ['乙方 (签字):', 827, 2033, 202, 43],
      ['签订日期：2019/7/11', 146, 2097, 318, 47],
    ];
    const doc = read(lines, { width: 1654, height: 2340 });
    expect(doc.fields.employeeName.value).toBe('钱晨晓');
    expect(doc.fields.employeeName.needsReview).toBe(true);
  });

  it('takes no name into the empty cell: the caption stays a flagged guess, never a name from elsewhere', () => {
    const doc = read(gridWithEmployee(undefined));
    expect(doc.fields.employeeName?.value).not.toBe('郭凯欣');
    if (doc.fields.employeeName?.value) expect(doc.fields.employeeName.needsReview).toBe(true);
  });

  it('keeps a whole name read beside its label: the cell rule never replaces it', () => {
    const lines: Line[] = [
      ['劳动合同书', 656, 238, 450, 86],
      ['用人单位：杭州青禾园林绿化有限公司', 240, 380, 700, 50],
      ['统一社会信用代码：91330106MA2B4K7Q1P', 240, 450, 700, 50],
      ['乙方（劳动者）姓名：', 240, 520, 260, 50],
      ['欧阳明远', 520, 520, 130, 50],
      // The emergency contact's value sits a row down, beside its own label.
      ['紧急联系人：', 240, 590, 180, 50],
      ['韩志强', 440, 585, 100, 50],
      ['合同期限自：2019-04-02', 240, 660, 400, 50],
      ['合同期限至：2022-04-01', 240, 730, 400, 50],
      ...SIGNATURES,
    ];
    const doc = read(lines);
    expect(doc.fields.employeeName.value).toBe('欧阳明远');
  });
});

describe('an employer’s first line boxed with the credit code beside it', () => {
  it('reads `浙江嘉禾汽车` | `维修供应链服` | `务有限公司` whole when the first line holds the next column’s code', () => {
    const lines: Line[] = [
      ['劳动合同', 719, 162, 291, 73],
      ['统一社会信用代码', 1148, 310, 296, 54],
      ['用人单位', 205, 338, 155, 51],
      ['浙江嘉禾汽车91330106MA2BC6AY35', 852, 352, 638, 63],
      ['维修供应链服', 850, 402, 225, 53],
      ['务有限公司', 848, 450, 190, 52],
      ['法定代表人', 202, 515, 614, 50],
      ['汪燕娟', 848, 562, 135, 46],
      ['劳动者姓名', 197, 719, 188, 55],
      ['陈俊颖', 848, 720, 121, 54],
      ['合同起始日期', 192, 1023, 225, 53],
      ['2021.03.06', 848, 1023, 193, 51],
      ...SIGNATURES,
    ];
    const doc = read(lines);
    expect(doc.fields.employerName.value).toBe('浙江嘉禾汽车维修供应链服务有限公司');
    expect(doc.fields.employerName.needsReview).toBe(true);
    expect(doc.fields.employerCreditCode.value).toBe('91330106MA2BC6AY35');
  });

  it('takes out only a run that passes the credit code’s check', () => {
    expect(withoutCreditCode('浙江嘉禾汽车91330106MA2BC6AY35')).toBe('浙江嘉禾汽车');
    // One character off: not a code, left in (the name reader then refuses the line).
    expect(withoutCreditCode('浙江嘉禾汽车91330106MA2BC6AY36')).toBe('浙江嘉禾汽车91330106MA2BC6AY36');
    expect(readContractEmployerName('杭州之江建筑工程有限公司91330106MA2BC6AY35')?.value).toBe('杭州之江建筑工程有限公司');
  });
});

describe('the employer’s credit code away from its label, beside an ID number that passes the same check', () => {
  it('reads the one credit code on the page; the employee’s ID, which passes a credit code’s check by chance, is no rival', () => {
    // A scanner app's page (as the engine boxed it): the fill-in printed half a row high, the code over its label's
    // row, the spread captions in pieces (`身份证` | `号` | `码`), so no label pairs either code.
    const lines: Line[] = [
      ['劳动合同（简易版）', 458, 276, 345, 43],
      ['甲方（用人单位）名称', 309, 355, 205, 30],
      ['91330106F1T5K3AB5N', 813, 361, 198, 25],
      ['杭州西溪电气设备有限公司', 288, 383, 246, 29],
      ['统一社会信用代码', 629, 378, 173, 31],
      ['法定代表人雷芳宇', 285, 421, 246, 30],
      ['地', 282, 463, 28, 28],
      ['址浙江省杭州市西湖区天目山路391号3幢1604室', 423, 459, 460, 30],
      ['330302196806258418', 810, 481, 200, 27],
      ['乙', 283, 503, 24, 26],
      ['方姜宇', 420, 501, 89, 31],
      ['身份证', 628, 502, 95, 28],
      ['号', 722, 502, 37, 26],
      ['码', 776, 506, 23, 20],
      ['有固定期限', 812, 521, 111, 30],
      ['联', 281, 544, 45, 23],
      ['系电', 325, 543, 57, 26],
      ['话', 382, 543, 45, 27],
      ['15678308149', 460, 545, 118, 22],
      ['合同类', 628, 542, 121, 28],
      ['型', 776, 544, 22, 24],
      ['合同期限自', 278, 581, 149, 32],
      ['2019.10.19', 457, 585, 111, 25],
      ['合同终止日期二〇二一年十月十八', 626, 584, 380, 27],
      ['日', 811, 614, 25, 25],
      ['工', 279, 653, 47, 20],
      ['作', 326, 654, 20, 21],
      ['岗', 345, 649, 53, 29],
      ['位美发师', 413, 651, 109, 28],
      ['、乙方同意根据甲方工作需要，在上岗位工作，服从甲方管理', 283, 697, 560, 33],
      ['二、甲方依法为乙方缴纳社会保险费。', 270, 729, 321, 31],
      ['本合同', 287, 764, 82, 23],
      ['式两份', 375, 762, 71, 27],
      ['甲乙双方各执一份，具有同等法律效力。', 431, 759, 376, 39],
      ['甲方（盖章）：', 267, 827, 133, 28],
      ['乙方（签字）：', 627, 829, 142, 36],
      ['签订日期：2019年10月19日', 264, 865, 252, 35],
    ];
    // A scanner app's page, smaller than A4 at 200 dpi.
    const doc = read(lines, { width: 1258, height: 1673 });
    expect(doc.fields.employerCreditCode.value).toBe('91330106F1T5K3AB5N');
    expect(doc.fields.employeeIdNumber.value).toBe('330302196806258418');
  });
});

describe('an employer printed over its label in its column', () => {
  it('reads `杭州卓越科技有限公司` set a row over `甲方：` on a photo, not the seal’s `科技有限公`', () => {
    // A perspective photo (as the engine boxed it): the fill-in a row high, nothing beside `甲方：`, the seal's
    // lettering boxed under the clauses.
    const lines: Line[] = [
      ['劳动合同', 570, 312, 233, 65],
      ['杭州卓越科技有限公司', 284, 425, 222, 44],
      ['统一社会信用代码：', 692, 438, 197, 40],
      ['91330106MA2MX5H8A2', 912, 425, 273, 41],
      ['甲方：', 284, 466, 60, 33],
      ['法定代表人：', 285, 511, 125, 39],
      ['上官丽', 544, 503, 71, 34],
      ['浙江省杭州市西湖区和平路260号6幢705室', 543, 541, 426, 49],
      ['地址：', 287, 569, 60, 32],
      ['曹超', 288, 618, 53, 34],
      ['身份证号码：', 700, 629, 126, 36],
      ['510107200002058932', 919, 618, 231, 37],
      ['乙方（劳动者）姓名：', 291, 641, 210, 42],
      ['话：', 482, 694, 39, 28],
      ['18322917837', 546, 677, 140, 36],
      ['合同类型：', 702, 682, 102, 32],
      ['联系电', 290, 695, 162, 38],
      ['有固定期限', 920, 697, 124, 36],
      ['2021.07.24', 294, 749, 116, 35],
      ['二O二二年七月二十三日', 926, 752, 252, 39],
      ['合同起始日期：', 296, 777, 144, 38],
      ['合同期限至：', 704, 764, 126, 35],
      ['工作岗位：', 300, 831, 100, 34],
      ['工具钳工', 555, 823, 93, 34],
      ['、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 310, 869, 580, 48],
      ['二、甲方依法为乙方缴纳社会保险费。', 304, 913, 321, 39],
      ['三、本合同一式两份，甲乙双方各执一份，具有同等法律效力。', 304, 942, 548, 44],
      ['科技有限公', 515, 985, 112, 58],
      ['乙方（签字）：', 712, 1038, 137, 35],
      ['甲方（盖章）：', 304, 1047, 135, 33],
      ['签订日期：2021.07.23', 309, 1091, 219, 33],
      ['日期：2021年07月23日', 712, 1083, 234, 34],
    ];
    const doc = read(lines, { width: 1419, height: 1887 });
    expect(doc.fields.employerName.value).toBe('杭州卓越科技有限公司');
    expect(doc.fields.employerName.needsReview).toBe(true);
  });

  it('keeps the employer beside its label when a header over the label names another organisation', () => {
    const lines: Line[] = [
      ['杭州文新技工学校', 284, 380, 222, 40],
      ['劳动合同', 570, 312, 233, 65],
      ['甲方：', 284, 466, 60, 33],
      ['杭州之江建筑工程有限公司', 360, 466, 300, 33],
      ['统一社会信用代码：91330106MA2MX5H8A2', 692, 466, 400, 33],
      ['乙方（劳动者）姓名：欧阳明远', 291, 641, 400, 42],
      ['合同起始日期：2021.07.24', 296, 777, 300, 38],
      ['甲方（盖章）：', 304, 1047, 135, 33],
      ['签订日期：2021.07.23', 309, 1091, 219, 33],
    ];
    expect(read(lines, { width: 1419, height: 1887 }).fields.employerName.value).toBe('杭州之江建筑工程有限公司');
  });
});
