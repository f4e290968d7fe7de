import { describe, expect, it } from 'vitest';
import { findDates } from '../../shared/extraction/dates.js';
import { extractDocuments } from '../../shared/extraction/index.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { scanPage, textLayerPage, type Line } from './support/text-lines.js';

// Classes found on seen-family contract samples (contract19, seeds 9621-9623: contract/proc-A, -C, -CS, -D, -E, -M
// under every condition) and a wide packet set (seed 9625): values on the lines that the reader did not read, and one
// read confidently from someone else's label. Constructed lines, values of their own.

const TODAY = '2026-12-06';

/** The document read from a digital page (`textLayerPage`) or a scan (`scanPage`) holding `lines`. */
function read(lines: readonly Line[], page: (lines: readonly Line[]) => OcrPage = scanPage) {
  return extractDocuments([page(lines)], { today: TODAY })[0];
}

describe('a term’s start wrapped four times in a narrow grid cell centred on its label', () => {
  // A caption grid of a digital contract: values in cells a few characters wide, each centred on its label's row;
  // the start `2021` | `年03` | `月18` | `日`, only its middle two pieces within reach of the label's row.
  const page = (startPieces: Line[]): Line[] => [
    ['劳动合同（简易版）', 469, 156, 697, 66],
    ['①法定代表人:', 211, 314, 244, 39],
    ['韩立', 608, 314, 75, 39],
    ['②甲方（用人单位）名称:', 744, 421, 431, 39],
    ['杭州明远机械制造有', 1216, 396, 338, 39],
    ['限公司', 1216, 448, 113, 39],
    ['③居民身份证号码:', 211, 527, 319, 39],
    ['330106198512037419', 608, 527, 413, 39],
    ['④统一社会信用代码:', 744, 660, 356, 39],
    ['91330106MA2C8K7Q5X', 1216, 660, 338, 39],
    ['⑤合同终止日期:', 211, 816, 281, 39],
    ['2024-', 608, 791, 94, 39],
    ['03-17', 608, 841, 94, 39],
    ['⑥乙方（劳动者）姓名:', 744, 816, 394, 39],
    ['陶静怡', 1216, 816, 113, 39],
    ['⑦合同期限自:', 211, 998, 244, 39],
    ...startPieces,
    ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 189, 1313, 1034, 36],
    ['甲方（盖章）：', 189, 1585, 263, 39],
    ['乙方（签字）：', 827, 1585, 263, 39],
    ['签订日期：2021-03-15', 189, 1660, 375, 39],
  ];

  it('reads `2021` | `年03` | `月18` | `日` joined from the head over the reachable pieces, flagged', () => {
    const doc = read(
      page([
        ['2021', 608, 923, 75, 39],
        ['年03', 608, 973, 75, 39],
        ['月18', 608, 1025, 75, 39],
        ['日', 608, 1075, 38, 39],
      ]),
      textLayerPage,
    );
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.startDate.value).toBe('2021-03-18');
    expect(doc.fields.startDate.needsReview).toBe(true);
    expect(doc.fields.endDate.value).toBe('2024-03-17');
  });

  it('reads no start from a head whose join ends before the pieces beside the label (another row’s value)', () => {
    // `2019-05-02` stands flush over the pieces, but reads whole without them: it is no head of theirs.
    const doc = read(
      page([
        ['2019-', 608, 873, 94, 39],
        ['05-02', 608, 923, 94, 39],
        ['年03', 608, 973, 75, 39],
        ['月18', 608, 1025, 75, 39],
      ]),
      textLayerPage,
    );
    expect(doc.fields.startDate.value).not.toBe('2019-05-02');
    expect(doc.fields.startDate.needsReview).toBe(true);
  });
});

describe('a term’s two dates boxed as one line across their cells', () => {
  // A turned scan: the start's cell and the end's cell side by side, the engine's box across both.
  const lines = (glued: string): Line[] => [
    ['劳动合同', 560, 279, 202, 50],
    ['统一社会信用代码', 685, 369, 159, 29],
    ['杭州之江电气设备有限公司', 411, 376, 257, 31],
    ['91330106MA2D7LXE3P', 857, 394, 211, 25],
    ['法定代表人', 213, 435, 122, 26],
    ['姜文', 410, 445, 67, 30],
    ['乙方（劳动者）姓名', 215, 544, 184, 29],
    ['程雅琴', 412, 555, 68, 29],
    ['（身份证号码）', 695, 547, 102, 27],
    ['330106199005142326', 684, 523, 253, 28],
    ['合同类型', 687, 581, 97, 31],
    ['有固定期限', 859, 595, 99, 27],
    ['合同终止日期', 690, 621, 119, 26],
    ['合同起始日期', 216, 648, 126, 28],
    [glued, 565, 658, 276, 26],
    ['工作岗位', 216, 685, 147, 31],
    ['电工', 217, 724, 105, 26],
    ['甲方（盖章）：', 219, 900, 124, 28],
    ['乙方（签字）：', 670, 892, 121, 31],
    ['签订日期：2019年6月3日', 221, 937, 279, 34],
  ];

  it('reads `2019.06.052022年06月04日` as the start and the end, both flagged', () => {
    const doc = read(lines('2019.06.052022年06月04日'));
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.startDate.value).toBe('2019-06-05');
    expect(doc.fields.endDate.value).toBe('2022-06-04');
    expect(doc.fields.startDate.issues).toContain('value_boundary_inferred');
    expect(doc.fields.endDate.issues).toContain('value_boundary_inferred');
  });

  it('finds a numeric date’s day only where the digits after it open a year', () => {
    expect(findDates('2019.06.052022年06月04日').map((d) => d.value)).toEqual(['2019-06-05', '2022-06-04']);
    expect(findDates('2019.06.0521').map((d) => d.value)).toEqual([]);
    // A day closed by 日 ends where it says: no guess about the boundary.
    expect(findDates('2019年6月5日2022年6月4日')[0].runOn).toBeUndefined();
  });
});

describe('a letter’s dateline whose separator the engine lost', () => {
  // A 聘书 scan in a packet: the letter's date under the signature read `2019-1231`, the term's date in a sentence.
  const letter = (dateline: string): Line[] => [
    ['聘书', 759, 401, 262, 131],
    ['兹聘任 孔婉清 女士 为 质量工程师，聘期两', 422, 838, 946, 92],
    ['年，自二〇二一年四月六日起。', 325, 935, 702, 80],
    ['此聘。', 411, 1049, 140, 63],
    ['杭州明远机械制造有限公司', 821, 1856, 570, 79],
    [dateline, 980, 1932, 245, 58],
  ];

  it('reads `2021-0402` under the signature as the issue date, flagged', () => {
    const doc = read(letter('2021-0402'));
    expect(doc.type).toBe('employment_letter');
    expect(doc.fields.issueDate.value).toBe('2021-04-02');
    expect(doc.fields.issueDate.issues).toContain('date_separator_inferred');
    expect(doc.fields.startDate.value).toBe('2021-04-06');
  });

  it('reads a dateline printed whole as before, unflagged', () => {
    const doc = read(letter('2021-04-02'));
    expect(doc.fields.issueDate.value).toBe('2021-04-02');
    expect(doc.fields.issueDate.issues ?? []).not.toContain('date_separator_inferred');
  });
});

describe('a date in Chinese numerals whose 日 was read 目', () => {
  it('reads `二〇一九年三月二十目` closed by its misread 日', () => {
    expect(findDates('合同起始日期：二〇一九年三月二十目').map((d) => d.value)).toEqual(['2019-03-20']);
  });

  it('reads the start wrapped over its label’s row, `二〇二〇年` | `八月六目`, flagged', () => {
    const lines: Line[] = [
      ['劳动合同（简易版）', 405, 167, 778, 74],
      ['用人单位：', 186, 317, 182, 47],
      ['杭州同创家政服务有限公司', 478, 328, 440, 45],
      ['统一社会信用代码：91330106MA2XGUDYKW', 1041, 314, 480, 66],
      ['乙方：', 182, 716, 116, 57],
      ['郑雨桐', 473, 730, 120, 50],
      ['二〇二〇年', 477, 875, 188, 47],
      ['合同起始日期：', 188, 905, 247, 47],
      ['合同期限至：', 746, 907, 258, 44],
      ['2023年8月5日', 1103, 915, 265, 48],
      ['八月六目', 476, 928, 150, 45],
      ['工作岗位：', 183, 973, 215, 52],
      ['甲方 (盖章)', 184, 1348, 202, 47],
      ['乙方（签字）：', 823, 1345, 249, 52],
      ['签订日期：2020.08.01', 189, 1423, 381, 43],
    ];
    const doc = read(lines);
    expect(doc.fields.startDate.value).toBe('2020-08-06');
    expect(doc.fields.startDate.needsReview).toBe(true);
    expect(doc.fields.endDate.value).toBe('2023-08-05');
  });
});

describe('the one valid ID number left on a page that prints someone else’s ID label', () => {
  // A proc-E caption grid on a photo: the family member's number boxed with the employer's wrap, so its label reads
  // nothing; the employee's number boxed with the phone, a digit of the phone lost, so it reads as no ID (with the
  // whole mobile number after it the 18 are read: contract20's class).
  const page = (employeeId: string): Line[] => [
    ['劳动合同书', 609, 144, 416, 71],
    ['（一）家属身份证号', 159, 306, 309, 48],
    ['（二）甲方', 579, 303, 165, 54],
    ['（三）统一社会信用代码四）法定代表人', 869, 306, 636, 45],
    ['杭州明远网络科技', 494, 385, 290, 45],
    ['330108200103174628服务有限公司', 137, 437, 647, 43],
    ['91330106MA2AE6UUJ网徒浩建', 846, 438, 500, 41],
    ['以下空白', 492, 483, 150, 49],
    ['（五）乙方（劳动者）', 162, 563, 309, 45],
    ['姓）身份证号码', 498, 562, 300, 46],
    ['（七）联系电话', 897, 563, 238, 44],
    ['（八）合同类型', 1250, 561, 237, 49],
    ['邵佳怡', 135, 640, 154, 51],
    [employeeId, 491, 643, 579, 43],
    ['有固定期限', 1196, 638, 192, 52],
    ['（九）合同起始日期', 157, 719, 313, 49],
    ['（十）合同期限至', 522, 717, 277, 52],
    ['2021/5/5', 135, 798, 159, 53],
    ['2026-05-04', 491, 801, 193, 43],
    ['甲方 (盖章)：', 115, 1357, 220, 48],
    ['乙方 (签字)：', 827, 1359, 217, 43],
    ['签订日期：2021-4-30', 117, 1429, 353, 48],
  ];

  it('flags the number as maybe the other person’s when that label’s own number was not read', () => {
    const doc = read(page('33010619881205321X1390571882'));
    expect(doc.fields.employeeIdNumber.value).toBe('330108200103174628');
    expect(doc.fields.employeeIdNumber.needsReview).toBe(true);
    expect(doc.fields.employeeIdNumber.issues).toContain('id_number_owner_inferred');
  });

  it('reads the employee’s own 18, flagged, when a whole mobile number follows them', () => {
    const doc = read(page('33010619881205321X13905718826'));
    expect(doc.fields.employeeIdNumber.value).toBe('33010619881205321X');
    expect(doc.fields.employeeIdNumber.needsReview).toBe(true);
  });
});
