import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { findHits } from '../../shared/extraction/page-layout.js';
import { withBoxedSpacedLabelJoined } from '../../shared/extraction/boxed-spaced-labels.js';
import { labelLostLastCharacter } from '../../shared/extraction/label-tails.js';
import { creditCode, residentId } from './support/documents.js';
import { textLayerPage, type Line } from './support/text-lines.js';

// Labour contracts whose values the engine read but the reader did not take (issue 12, contract13; development sample
// seed 9313, seen contract families only): labels boxed or read a character off, values printed off their rows,
// dates wrapped in narrow cells, a signing date misread into the future. Built on constructed OCR lines with values of
// their own: no eval file is read here.

const TODAY = '2026-12-05';
const SIZE = { width: 1232, height: 1639 };

/** A scan read by the engine: every line at 0.99. */
const readScan = (lines: readonly Line[]) => {
  const page = textLayerPage(lines, SIZE);
  return extractDocuments([{ ...page, source: 'paddle', lines: page.lines.map((l) => ({ ...l, confidence: 0.99 })) }], { today: TODAY })[0];
};

const employeeId = residentId('19850412', '330106', '217');
const employerCode = creditCode('5RK8T2M4P', '330106');

const TITLE: Line = ['劳动合同', 520, 150, 200, 52];
const CLAUSES: Line[] = [
  ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 250, 1000, 560, 40],
  ['二、甲方依法为乙方缴纳社会保险费。', 250, 1040, 315, 40],
  ['甲方（盖章）：', 240, 1120, 160, 36],
  ['乙方（签字）：', 610, 1120, 130, 36],
];

/** A single-page contract: label column at x 250, values at x 450, rows 45 px apart from y 300. */
function form(rows: ReadonlyArray<[label: string, value?: string]>, extra: readonly Line[] = []): Line[] {
  const lines: Line[] = [TITLE];
  rows.forEach(([label, value], i) => {
    const y = 300 + i * 45;
    lines.push([label, 250, y, label.length * 24, 34]);
    if (value) lines.push([value, 450, y, value.length * 22, 32]);
  });
  return [...lines, ...CLAUSES, ...extra];
}

describe('a label the engine boxed in two at its last character', () => {
  it('reads `合同期限` | `至` as the end date’s label, not the term’s with a stray character', () => {
    // Prepare: the label spread as `合同期限` and `至`, touching, the end date beyond (contract/proc-A, noisy scan).
    const doc = readScan([
      ...form([
        ['甲方（用人单位）名称', '杭州明远建筑工程股份有限公司'],
        ['乙方', '方晓琪'],
        ['居民身份证号码', employeeId],
        ['合同起始日期', '2018-08-21'],
      ]),
      ['合同期限', 250, 480, 96, 34],
      ['至', 346, 482, 24, 30],
      ['2023年08月20日', 450, 480, 180, 32],
    ]);
    // Assess
    expect(doc.fields.startDate?.value).toBe('2018-08-21');
    expect(doc.fields.endDate?.value).toBe('2023-08-20');
  });

  it('never joins a character set apart from the label: a gap of a character or more leaves it alone', () => {
    // Prepare: `至` two characters' widths right of `合同期限`.
    const lines = readScan([...form([['乙方', '方晓琪']]), ['合同期限', 250, 480, 96, 34], ['至', 420, 482, 24, 30], ['2023年08月20日', 500, 480, 180, 32]]);
    // Assess: no end date's label was made, so the date is not read as the term's end from a label.
    expect(lines.fields.endDate?.source?.box?.x).not.toBe(250);
  });
});

describe('a label whose last character the engine boxed apart, before the value', () => {
  it('reads `劳动者姓` | `名` | `方娟敏` as the label whole and the name alone, never `名方娟敏`', () => {
    // Prepare: contract/proc-A moiré photo: the label's `名` in a box of its own, the name further right.
    const doc = readScan([
      TITLE,
      ['甲方', 223, 376, 273, 42],
      ['浙江灵隐建筑工程有限公司', 533, 376, 300, 44],
      ['劳动者姓', 223, 691, 212, 48],
      ['名', 434, 693, 66, 45],
      ['陶嘉怡', 532, 692, 109, 46],
      ['身份证号码', 775, 693, 275, 44],
      [employeeId, 1084, 698, 334, 38],
      ...CLAUSES,
    ]);
    // Assess
    expect(doc.fields.employeeName?.value).toBe('陶嘉怡');
  });
});

describe('a longer label that lost its last character', () => {
  it('reads `用人单位名：` as 用人单位名称, never `名：` as the employer’s head', () => {
    // Act
    const doc = readScan(form([['用人单位名：'], ['乙方', '方晓琪']], [['杭州西溪科技有限公司', 450, 300, 220, 32]]));
    // Assess
    expect(doc.fields.employerName?.value).toBe('杭州西溪科技有限公司');
  });

  it('finds the longer form only when one label fits, and never past a label that is whole', () => {
    expect(labelLostLastCharacter('用人单位名:杭州西溪科技有限公司', 0, 4)).toEqual({ form: '用人单位名称', end: 5 });
    expect(labelLostLastCharacter('乙方(劳动者)姓', 0, 7)).toEqual({ form: '乙方(劳动者)姓名', end: 8 });
    expect(labelLostLastCharacter('姓名:王晓明', 0, 2)).toBeUndefined();
    // A character glued to the text after it is a value's head, not a label's lost tail.
    expect(labelLostLastCharacter('用人单位名杭州西溪科技有限公司', 0, 4)).toBeUndefined();
  });

  it('reads `签定日期` (a common spelling of 签订日期) as the signing date’s label', () => {
    expect(findHits('签定日期:2020年12月25日')[0]?.form).toBe('签定日期');
  });
});

describe('a label letter-spaced inside one box', () => {
  it('joins `用人　单位` at a box’s start into the label, and finds the employer wrapped under its value', () => {
    // Prepare: contract/proc-CS turned page: label, value and the next column's label in one box, the wrap under the value.
    const doc = readScan([
      TITLE,
      ['用人　单位　杭州华创汽车　统一社会信用代码', 168, 347, 839, 50],
      [employerCode, 1206, 351, 378, 43],
      ['维修有限公司', 478, 394, 218, 45],
      ['劳动者姓名', 170, 667, 285, 45],
      ['尹丽鸣', 480, 668, 118, 45],
      ...CLAUSES,
    ]);
    // Assess: read joined from layout alone, so the clerk confirms it.
    expect(doc.fields.employerName?.value).toBe('杭州华创汽车维修有限公司');
    expect(doc.fields.employerName?.needsReview).toBe(true);
  });

  it('joins only pieces that spell a known label exactly, never two words of a value', () => {
    expect(withBoxedSpacedLabelJoined('用人 单位 杭州华创汽车')).toBe('用人单位 杭州华创汽车');
    expect(withBoxedSpacedLabelJoined('王晓明 性别')).toBe('王晓明 性别');
    expect(withBoxedSpacedLabelJoined('杭州 西溪 科技')).toBe('杭州 西溪 科技');
  });
});

describe('a spread party label whose head the engine boxed tight', () => {
  it('reads `甲` (boxed to its ink) … `方杭州…` as 甲方 and its employer', () => {
    // Prepare: contract/proc-C phone photo: `甲` boxed 25×24, the line boxed 40 high with its margins.
    const doc = readScan([
      TITLE,
      ['甲', 266, 335, 25, 24],
      ['方杭州卓越餐饮管理有限公司', 412, 329, 292, 40],
      [`统一社会信用代码${employerCode}`, 263, 378, 419, 47],
      ['乙方', 258, 511, 57, 35],
      ['沈雨涵', 444, 511, 70, 33],
      ...CLAUSES,
    ]);
    // Assess
    expect(doc.fields.employerName?.value).toBe('杭州卓越餐饮管理有限公司');
  });
});

describe('a lone `方` (its `乙` lost) over the employee in a grid of captions', () => {
  const grid = (names: readonly Line[]): Line[] => [
    TITLE,
    ['用人单位', 300, 326, 143, 30],
    ['统一社会信用代码', 526, 320, 150, 32],
    ['杭州龙井电气设备股份有限公司', 275, 366, 400, 29],
    [employerCode, 702, 374, 198, 27],
    ['方', 417, 429, 26, 26],
    ['原工作单位', 526, 426, 146, 28],
    ['杭州卓越汽车维修有限公司', 500, 466, 260, 28],
    ...names,
    ['居民身份证号码', 299, 533, 142, 28],
    [employeeId, 274, 574, 190, 25],
    ...CLAUSES,
  ];

  it('reads the one name in the caption’s cell on the row under it, flagged', () => {
    // Act
    const doc = readScan(grid([['韩阳远', 341, 482, 58, 25]]));
    // Assess
    expect(doc.fields.employeeName?.value).toBe('韩阳远');
    expect(doc.fields.employeeName?.issues).toContain('label_inferred');
    expect(doc.fields.employeeName?.needsReview).toBe(true);
  });

  it('reads no name from the cell of another caption of the row', () => {
    // Act: the name stands under `原工作单位`, not under `方`.
    const doc = readScan(grid([['韩阳远', 560, 510, 58, 25]]));
    // Assess
    expect(doc.fields.employeeName?.value ?? null).toBeNull();
  });
});

describe('a date wrapped twice in a narrow cell', () => {
  /** A contract form whose start-date label has the given pieces of its value in the narrow cell beside it. */
  const startCell = (...pieces: Line[]) =>
    readScan(
      form(
        [
          ['用人单位：', '杭州紫金文化创意有限公司'],
          ['劳动者姓名：', '尉迟辉'],
        ],
        [['合同起始日期：', 250, 600, 180, 34], ...pieces],
      ),
    );

  it('reads `2018` | `年9月` | `5日` beside its label joined, flagged', () => {
    // Act
    const doc = startCell(['2018', 450, 600, 60, 34], ['年9月', 450, 640, 70, 34], ['5日', 450, 680, 45, 34]);
    // Assess
    expect(doc.fields.startDate?.value).toBe('2018-09-05');
    expect(doc.fields.startDate?.needsReview).toBe(true);
  });
  it('reads a date wrapped three times (`2019` | `年7` | `月4` | `日`), not its day cut at `4`', () => {
    // Act
    const doc = startCell(['2019', 450, 600, 60, 34], ['年7', 450, 636, 40, 34], ['月4', 450, 672, 40, 34], ['日', 450, 708, 24, 34]);
    // Assess
    expect(doc.fields.startDate?.value).toBe('2019-07-04');
    expect(doc.fields.startDate?.needsReview).toBe(true);
  });

  it('never joins a whole line under the short pieces (a value of its own)', () => {
    // Act: the line under `2018` | `年9月` is a clause of its own, not the cell's last piece.
    const doc = startCell(['2018', 450, 600, 60, 34], ['年9月', 450, 640, 70, 34], ['5日起试用三个月', 450, 680, 200, 34]);
    // Assess
    expect(doc.fields.startDate?.source?.box?.y ?? 0).not.toBe(600);
  });
});

describe('a party printed off its label’s row where no layout rule pairs it', () => {
  it('reads the one name half a row low under `乙方（劳动者）姓名`, overlapping the label’s box, flagged', () => {
    // Prepare: contract/proc-D phone photo: the fill-in 20 px under the label's top, neither beside nor under it.
    const doc = readScan([
      TITLE,
      ['杭州汇通信息技术股份有限公司', 304, 338, 300, 38],
      ['（甲方（用人单位）名称）', 288, 380, 189, 36],
      ['乙方（劳动者）姓名', 268, 603, 184, 39],
      ['郝涛敏', 326, 626, 69, 30],
      ['身份证号码', 295, 671, 125, 33],
      [employeeId, 262, 704, 188, 36],
      ...CLAUSES,
    ]);
    // Assess
    expect(doc.fields.employeeName?.value).toBe('郝涛敏');
    expect(doc.fields.employeeName?.issues).toContain('value_off_row_inferred');
    expect(doc.fields.employeeName?.needsReview).toBe(true);
  });

  it('reads an employer printed a third of a row low, level with the next column’s label, flagged', () => {
    // Prepare: contract/proc-C turned page: the name nearer `用人单位`'s row than `统一社会信用代码`'s.
    const doc = readScan([
      TITLE,
      ['用人单位', 133, 288, 240, 45],
      ['浙江华创文化创意智慧服务股份有限公司', 396, 317, 621, 47],
      ['统一社会信用代码', 194, 354, 275, 46],
      [employerCode, 130, 402, 401, 43],
      ['乙方', 128, 629, 88, 51],
      ['梁辉宇', 393, 630, 113, 48],
      ...CLAUSES,
    ]);
    // Assess
    expect(doc.fields.employerName?.value).toBe('浙江华创文化创意智慧服务股份有限公司');
    expect(doc.fields.employerName?.needsReview).toBe(true);
  });

  it('takes nothing when two such values could be the party’s', () => {
    // Act: two whole names half a row under the label, both inside its span.
    const doc = readScan([
      TITLE,
      ['乙方（劳动者）姓名', 268, 603, 184, 39],
      ['郝涛敏', 270, 626, 69, 30],
      ['吴晓兰', 360, 626, 69, 30],
      ['身份证号码', 295, 671, 125, 33],
      ...CLAUSES,
    ]);
    // Assess
    expect(doc.fields.employeeName?.value ?? null).toBeNull();
  });
});

describe('a signing date misread into the future', () => {
  it('takes the one past date one digit away printed on another line (the other party’s), flagged', () => {
    // Prepare: `二050年` for 二0二0年 under the seal; the employee's signing line prints `2020.7.29`.
    const doc = readScan(
      form(
        [
          ['用人单位：', '杭州龙井科技有限公司'],
          ['劳动者姓名：', '陈佳宁'],
          ['合同起始日期：', '2020年8月6日'],
          ['合同终止日期：', '2025/8/5'],
        ],
        [
          ['2020.7.29', 640, 1160, 150, 40],
          ['签订日期：二050年七月二十九日', 240, 1180, 380, 40],
        ],
      ),
    );
    // Assess
    expect(doc.fields.signedDate?.value).toBe('2020-07-29');
    expect(doc.fields.signedDate?.issues).toContain('date_twin_inferred');
    expect(doc.fields.signedDate?.needsReview).toBe(true);
  });

  it('keeps the future date, flagged, when no past date one digit away is printed', () => {
    // Act
    const doc = readScan(
      form(
        [
          ['用人单位：', '杭州龙井科技有限公司'],
          ['劳动者姓名：', '陈佳宁'],
          ['合同起始日期：', '2020年8月6日'],
        ],
        [['签订日期：二050年七月二十九日', 240, 1180, 380, 40]],
      ),
    );
    // Assess
    expect(doc.fields.signedDate?.value).toBe('2050-07-29');
    expect(doc.fields.signedDate?.issues).toContain('signed_date_in_future');
  });
});

describe('a grid row of captions, someone else’s numbered with circled numerals', () => {
  it('never takes the value under `②紧急联系人姓名` for the employee (it was read confident)', () => {
    // Prepare: contract/proc-E perspective photo: `劳动者姓` | `名②紧急联系人姓名③担保人身份证号…` over
    // `史磊霞` (under 劳动者姓名) and `谢飞文` (under 紧急联系人姓名).
    const doc = readScan([
      TITLE,
      ['劳动者姓', 271, 356, 188, 33],
      ['名②紧急联系人姓名③担保人身份证号④甲方委托代理', 457, 358, 609, 39],
      ['黎晓岚', 270, 405, 80, 36],
      ['顾明哲', 478, 407, 79, 35],
      ['统一社会信用代码', 572, 556, 208, 34],
      [employerCode, 272, 606, 273, 31],
      ...CLAUSES,
    ]);
    // Assess
    expect(doc.fields.employeeName?.value).toBe('黎晓岚');
  });

  it('reads a label after a circled numeral as someone else’s when its word says so', () => {
    expect(findHits('名②紧急联系人姓名③担保人身份证号').map((h) => [h.form, h.otherParty ?? false])).toEqual([
      ['紧急联系人姓名', true],
      ['担保人身份证号', true],
    ]);
  });
});

describe('labels of a grid of captions over values', () => {
  it('joins a letter-spaced `合　同　期　限` with its `至` set at the label’s own spacing, and reads the end under it', () => {
    // Prepare: contract/proc-E turned page: `合同期限` spread over 271 px, `至` 28 px after it, the date under both.
    const doc = readScan([
      TITLE,
      ['甲方', 654, 300, 344, 40],
      ['杭州嘉禾建筑工程有限公司', 705, 350, 400, 40],
      ['劳动者姓名', 811, 420, 344, 40],
      ['田宇静', 928, 470, 110, 40],
      ['合同期限', 219, 560, 271, 40],
      ['至', 518, 562, 35, 37],
      ['2026.09.07', 267, 640, 172, 39],
      ...CLAUSES,
    ]);
    // Assess
    expect(doc.fields.endDate?.value).toBe('2026-09-07');
  });

  it('reads a caption under its value whose closing bracket the engine lost (`（合同期限自`)', () => {
    // Prepare: contract/proc-D small print: values over bracketed captions.
    const doc = readScan([
      TITLE,
      ['杭州华创餐饮管理有限公司', 255, 300, 250, 20],
      ['（甲方（用人单位）名称）', 250, 325, 200, 18],
      ['余国敏', 254, 360, 49, 21],
      ['（乙方）', 250, 385, 60, 18],
      ['2020年02月08日', 107, 494, 107, 20],
      ['（合同期限自', 54, 518, 215, 17],
      ['2023年02月07日', 107, 549, 107, 20],
      ['（合同期限至）', 54, 571, 124, 20],
      ...CLAUSES,
    ]);
    // Assess
    expect(doc.fields.startDate?.value).toBe('2020-02-08');
    expect(doc.fields.endDate?.value).toBe('2023-02-07');
  });

  it('reads beside a bracketed label when nothing over it is its value (a form of bracketed labels, values beside)', () => {
    // Prepare: contract/proc-E perspective photo: `（合同起始日期）` under `合同类型：` … `固定期限`, its date beside it.
    const doc = readScan([
      TITLE,
      ['（用人单位）', 252, 300, 174, 29],
      ['杭州汇通建筑工程有限公司', 477, 300, 250, 30],
      ['（乙方）', 252, 345, 100, 29],
      ['汤明涛', 477, 345, 76, 32],
      ['合同类型：', 259, 676, 175, 32],
      ['固定期限', 479, 676, 98, 33],
      ['（合同起始日期）', 259, 718, 150, 33],
      ['2019/9/15', 480, 720, 112, 32],
      ['（合同终止日期）', 260, 762, 151, 32],
      ['2024/9/14', 490, 762, 112, 33],
      ...CLAUSES,
    ]);
    // Assess
    expect(doc.fields.startDate?.value).toBe('2019-09-15');
    expect(doc.fields.endDate?.value).toBe('2024-09-14');
  });
});
