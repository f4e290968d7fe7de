import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { scanPage, type Line } from './support/text-lines.js';

// Social-insurance records on curled photos and form-variety scans (issue 12; idrec17): a span whose end month wrapped
// under a cell boxed at another height, and a name under its stacked label with a signature remark beside it.
// Constructed OCR lines as the engine gives them; no eval file is read.

const page = (lines: readonly Line[]): OcrPage => scanPage(lines, { size: { width: 1595, height: 2400 } });

const readOne = (lines: readonly Line[]) => extractDocuments([page(lines)], { today: '2026-12-06' })[0];

describe("a record's span cut after its end year, the month wrapped under it on a curled photo", () => {
  // Three rows, each span cut as `2019年08月－2021年` | `10月`; the second row's month is boxed 46 px high under a
  // 36 px cell (the page's curl), the others about as high as their cells.
  const record = (monthHeight: number, monthText = '10月'): Line[] => [
    ['浙江省社会保险参保缴费记录', 465, 181, 664, 62],
    ['参保人', 169, 300, 120, 53],
    ['许文涛', 320, 300, 150, 53],
    ['身份证号码', 166, 370, 200, 61],
    ['340104199204298903', 373, 370, 361, 49],
    ['缴费单位', 400, 677, 138, 47],
    ['缴费起止年月', 755, 674, 195, 41],
    ['月数', 1049, 675, 60, 49],
    ['1', 203, 785, 29, 36],
    ['杭州云栖汽车维修有限公司', 277, 790, 380, 37],
    ['2015年07月－2017年', 703, 764, 302, 41],
    ['29', 1048, 784, 47, 42],
    ['11月', 814, 806, 76, 44],
    ['2', 206, 894, 26, 33],
    ['杭州紫金电气设备股份有限公司', 276, 880, 386, 39],
    ['2019年08月－2021年', 702, 878, 302, 36],
    ['27', 1048, 896, 47, 42],
    [monthText, 813, 916, 77, monthHeight],
    ['3', 205, 1004, 28, 34],
    ['杭州智联文化创意有限公司', 276, 1010, 384, 39],
    ['2018年03月－2019年', 702, 985, 303, 41],
    ['12', 1051, 1006, 44, 39],
    ['02月', 814, 1028, 77, 45],
    ['合计：68个月', 169, 1110, 225, 49],
  ];

  it('reads the month under the cut span as its end though boxed much taller, the row then read', () => {
    const doc = readOne(record(46));
    expect(doc.fields.periodEnd.value).toBe('2021-10');
    expect(doc.fields.employerName.value).toBe('杭州紫金电气设备股份有限公司');
    expect(doc.fields.monthsPaid.value).toBe(68);
    expect(doc.fields.periodEnd.needsReview).toBe(false);
  });

  it('joins no piece boxed that much taller that is not the month of the cut date', () => {
    // `10日` is no month: the row stays unread and the period is flagged.
    const doc = readOne(record(46, '10日'));
    expect(doc.fields.periodEnd.value).not.toBe('2021-10');
    expect(doc.fields.periodEnd.needsReview).toBe(true);
  });
});

describe('a name under its stacked label with a signature remark beside it', () => {
  // A form-variety grid: `姓名` over `龚琪霞` `(盖章)`, the name set left in its cell, the remark under the label's start.
  const record = (remark: string): Line[] => [
    ['参保人员缴费情况表', 613, 194, 428, 50],
    ['姓名', 317, 321, 76, 52],
    ['代办人', 1010, 320, 108, 53],
    ['龚琪霞', 233, 397, 99, 46],
    [remark, 331, 394, 130, 50],
    ['司徒鸣梓', 996, 394, 139, 50],
    ['公民身份号码', 729, 470, 197, 44],
    ['421002197311111722', 649, 544, 360, 40],
    ['缴费单位', 448, 966, 125, 43],
    ['缴费起止年月', 926, 967, 178, 39],
    ['月数', 1261, 962, 73, 49],
    ['杭州钱塘文化创意有限公司', 338, 1035, 344, 36],
    ['2014年07月－2021年09月', 855, 1029, 320, 42],
    ['87', 1276, 1033, 40, 41],
  ];

  it('reads the name beside the remark, not the remark', () => {
    expect(readOne(record('(盖章)')).fields.personName.value).toBe('龚琪霞');
    expect(readOne(record('（签字）')).fields.personName.value).toBe('龚琪霞');
  });

  it("still takes a name under the label's start over one set left of it", () => {
    // `王芳` is under the label's start: the line there is the value, whatever stands left of it on the row.
    expect(readOne(record('王芳')).fields.personName.value).toBe('王芳');
  });
});

describe("a watermark's letters read between a label and its value", () => {
  // A photo of a record stamped `复印无效` over and over: one piece of it, `印无9` (a stray digit with it), is boxed on
  // the person's row between `参保人` and the name.
  const record = (between: string): Line[] => [
    ['复印无效', 268, 193, 144, 115],
    ['印无效', 587, 203, 118, 96],
    ['社会保险个人参保证明', 509, 274, 288, 48],
    ['参保人', 265, 373, 71, 41],
    [between, 406, 354, 90, 65],
    ['魏敏平', 566, 361, 75, 41],
    ['公民身份号码', 800, 373, 150, 41],
    ['510107196802139272', 980, 373, 226, 40],
    ['缴费单位', 300, 600, 120, 40],
    ['缴费起止年月', 620, 600, 160, 40],
    ['月数', 900, 600, 60, 40],
    ['杭州钱塘文化创意有限公司', 250, 660, 330, 36],
    ['2014年07月－2021年09月', 600, 660, 260, 40],
    ['87', 910, 660, 40, 40],
  ];

  it('reads the name past the watermark piece', () => {
    const doc = readOne(record('印无9'));
    expect(doc.fields.personName.value).toBe('魏敏平');
  });

  it('still reads a name of its own between them as the value', () => {
    // `严华` is no stamp's letters: the nearest value beside the label.
    expect(readOne(record('严华')).fields.personName.value).toBe('严华');
  });
});

describe("someone else's label one character off the record's own", () => {
  // A form-variety record: `姓` | `名毛鹏鹏` (a spread label, its tail glued to the name) and, across the row, the
  // guarantor's `担保人姓名毛浩`, one character off `参保人姓名`.
  const record = (other: string): Line[] => [
    ['杭州市社会保险参保缴费证明 （个人）', 428, 221, 770, 51],
    ['代办人身份证号510107198110268291', 110, 332, 550, 42],
    ['姓', 105, 390, 42, 42],
    ['名毛鹏鹏', 291, 390, 163, 43],
    [other, 837, 388, 317, 47],
    ['身份证号码', 108, 449, 221, 39],
    ['330106197805279136', 355, 452, 305, 36],
    ['缴费单位', 461, 615, 123, 42],
    ['缴费起止年月', 916, 619, 170, 35],
    ['月数', 1261, 615, 73, 49],
    ['杭州钱塘文化创意有限公司', 338, 680, 344, 36],
    ['2014年07月－2021年09月', 855, 680, 320, 42],
    ['87', 1276, 680, 40, 41],
  ];

  it("never reads the guarantor's label as a misread `参保人姓名`", () => {
    const doc = readOne(record('担保人姓名毛浩'));
    expect(doc.fields.personName.value).toBe('毛鹏鹏');
    expect(doc.fields.personName.issues ?? []).not.toContain('conflicting_values');
  });

  it('still reads `参保人姓名` with one character misread elsewhere in it', () => {
    // `参保入姓名` (`人` read `入`) is no one else's word: the own label, misread.
    const doc = readOne(record('参保入姓名毛浩'));
    expect(doc.fields.personName.value).not.toBeNull();
    expect(doc.fields.personName.needsReview).toBe(true);
  });
});
