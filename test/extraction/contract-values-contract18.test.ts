import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { otherPartyLabelStart } from '../../shared/extraction/other-party-labels.js';
import { DATE_DAY_OVERRUN_INFERRED, readDateOrOverrunDay } from '../../shared/extraction/overrun-days.js';
import { scanPage, type Line } from './support/text-lines.js';

// Classes found on a seen-family contract sample (contract18, seed 9577: scans and photos of contract/proc-A, -C,
// -CS, -D, -E, -M): values on the engine's lines that the reader did not read. Constructed lines, values of their own.

const TODAY = '2026-12-06';

function read(lines: readonly Line[]) {
  return extractDocuments([scanPage(lines)], { today: TODAY })[0];
}

/** The rows under the parties and the signature block every constructed contract ends with. */
const REST: Line[] = [
  ['法定代表人', 284, 590, 217, 58],
  ['段明洋', 577, 590, 113, 58],
  ['乙', 275, 750, 45, 58],
  ['方周晓燕', 501, 750, 181, 58],
  ['居民身份证号码', 284, 820, 275, 58],
  ['410105199607174571', 577, 820, 362, 58],
  ['合同期限自', 284, 1040, 268, 58],
  ['2018年12月13日', 577, 1040, 258, 58],
  ['合同终止日期2019.12.12', 284, 1110, 492, 58],
  ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 249, 1234, 887, 60],
  ['甲方（盖章）：', 230, 1475, 234, 58],
  ['乙方（签字）：', 858, 1475, 232, 58],
  ['签订日期：2018年12月11日', 227, 1545, 465, 58],
];

describe('an employer boxed with its label across the gap between them, wrapped under its own start', () => {
  // `用人单位` and the name's first line in one box, the gap between them inside it: an even share of the box's width
  // puts the name's start two characters left of where it is printed, and of where its wrap stands.
  const page = (wrapX: number): Line[] => [
    ['劳动合同', 760, 254, 333, 97],
    ['用人单位杭州明远建筑工程健', 250, 404, 597, 45],
    ['康服务有限公司', wrapX, 450, 237, 44],
    ['91330106MA2W3457LD', 250, 514, 375, 39],
    ['统一社会信用代码', 247, 554, 275, 45],
    ...REST,
  ];

  it('joins `杭州明远建筑工程健` with `康服务有限公司` set under the name’s start, flagged', () => {
    const doc = read(page(545));
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.employerName.value).toBe('杭州明远建筑工程健康服务有限公司');
    expect(doc.fields.employerName.needsReview).toBe(true);
    expect(doc.fields.employerName.issues).toContain('wrap_joined_inferred');
  });

  it('joins no line standing under the middle of the label (another cell’s text): the cut name stays unread', () => {
    const doc = read(page(330));
    expect(doc.fields.employerName.value).not.toBe('杭州明远建筑工程健康服务有限公司');
    expect(doc.fields.employerName.needsReview).toBe(true);
  });
});

describe('an employer boxed with its label, wrapped down a narrow cell more than once', () => {
  it('joins `杭州西溪家居` | `用品环境服务` | `有限公司` after `甲方（用人单位）名称`, flagged', () => {
    const doc = read([
      ['劳动合同书', 599, 190, 434, 73],
      ['甲方（用人单位）名称杭州西溪家居', 117, 340, 638, 46],
      ['统一社会信用代码91330106MA2K0Y6A42', 794, 340, 753, 46],
      ['用品环境服务', 520, 392, 231, 46],
      ['有限公司', 520, 444, 158, 46],
      ...REST,
    ]);
    expect(doc.fields.employerName.value).toBe('杭州西溪家居用品环境服务有限公司');
    expect(doc.fields.employerName.needsReview).toBe(true);
  });
});

describe('an employer’s wrap boxed with its label, the name’s head on the line above in its column', () => {
  it('reads `浙江青禾物流供应链` over the `服务有限公司` of `甲方 服务有限公司` as one name, flagged', () => {
    // A photo of a page whose fill-in stands half a row high: the name's first line over the label's row, its wrap
    // boxed with `甲方`, the gap between them inside the box.
    const doc = read([
      ['劳动合同书', 478, 277, 226, 42],
      ['浙江青禾物流供应链', 371, 320, 191, 30],
      ['甲方 服务有限公司', 189, 348, 314, 31],
      ['统一社会信用代码', 597, 355, 166, 28],
      ['91330106NCKW7KN124', 773, 376, 220, 27],
      ['法定代表人', 189, 421, 189, 32],
      ['白红宇', 378, 421, 71, 29],
      ['劳动者姓名', 190, 532, 132, 29],
      ['潘艳雨', 376, 532, 74, 30],
      ['签订日期:2018年05月10日', 193, 883, 269, 25],
    ]);
    expect(doc.fields.employerName.value).toBe('浙江青禾物流供应链服务有限公司');
    expect(doc.fields.employerName.needsReview).toBe(true);
  });
});

describe('a letter-spaced caption of someone else’s merged with the employee’s caption beside it', () => {
  it('reads `汪丽华` under `劳动者姓名`, not `武鸣慧` under the spaced `受　理　人` before it', () => {
    // A photo of proc-E's grid of captions (item numbers and all) over values, as the engine boxed it.
    const doc = read([
      ['劳动合同 （简易版）', 354, 241, 459, 68],
      ['②法定代表人', 503, 347, 209, 42],
      ['③合同期限至', 773, 333, 211, 43],
      ['①居民身份证号码', 232, 360, 210, 41],
      ['2023年1月12日以下空', 753, 383, 245, 42],
      ['410105198507169789', 215, 425, 248, 39],
      ['白晨', 481, 419, 55, 37],
      ['属姓名', 580, 476, 138, 38],
      ['紧急联系人身份证号', 767, 463, 230, 42],
      ['④甲方（用人单位）名称', 219, 489, 252, 42],
      ['5家', 509, 485, 53, 29],
      ['杭州启航餐饮管理', 222, 541, 185, 39],
      ['330105198007031169', 759, 529, 248, 39],
      ['秦晓勇', 489, 548, 77, 36],
      ['股份有限公司', 224, 573, 140, 38],
      ['9合', 783, 599, 55, 32],
      ['同', 856, 600, 29, 26],
      ['类', 911, 597, 26, 27],
      ['型', 963, 594, 26, 28],
      // `受　理　人` letter-spaced, boxed a character each, then `劳动者姓名`: the spaced caption's merge ran on into
      // the employee's caption (`受理人劳动者姓名`, all of it someone else's).
      ['理', 346, 621, 33, 30],
      ['人', 425, 618, 30, 31],
      ['劳动者姓名', 515, 605, 208, 40],
      ['受', 247, 622, 56, 37],
      ['汪丽华', 496, 659, 75, 34],
      ['固定期限', 762, 646, 97, 36],
      ['武鸣慧', 229, 671, 76, 37],
      ['工', 520, 707, 54, 33],
      ['作岗位', 591, 699, 137, 39],
      ['美发师', 236, 766, 77, 36],
      ['①统一社会信用代码', 525, 795, 205, 40],
      ['91330106MA2UW00MR1', 244, 853, 283, 40],
      ['③合同起始日期', 663, 883, 204, 39],
      ['2联系电话', 268, 899, 207, 41],
      ['13760065812', 251, 952, 150, 35],
      ['2020年1月13日', 512, 939, 162, 36],
      ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 257, 1113, 579, 52],
      ['乙方（签字）：', 646, 1249, 151, 35],
      ['甲方（盖章）：', 260, 1265, 153, 36],
      ['日期：2020-1-10', 649, 1289, 174, 36],
      ['签订日期：2020/1/10', 264, 1303, 229, 39],
    ]);
    expect(doc.fields.employeeName.value).toBe('汪丽华');
  });

  it('never counts a caption naming the document’s own party as someone else’s; `受理人姓名` still is', () => {
    expect(otherPartyLabelStart('受理人劳动者姓名', 3, 0)).toBeUndefined();
    expect(otherPartyLabelStart('受理人姓名', 3, 0)).toBe(0);
    expect(otherPartyLabelStart('紧急联系人姓名', 5, 0)).toBe(0);
  });
});

describe('a date whose day ran on to a third digit', () => {
  it('reads `签订日期:2021.03.042` as 2021-03-04, flagged for the clerk', () => {
    const doc = read([
      ['劳动合同', 760, 254, 333, 97],
      ['用人单位：杭州明远建筑工程有限公司', 300, 367, 700, 60],
      ['统一社会信用代码', 288, 517, 275, 62],
      ['91330106MA2W3457LD', 600, 517, 375, 62],
      ['劳动者姓名：周晓燕', 284, 600, 400, 60],
      ['合同起始日期：', 123, 753, 286, 41],
      ['2021-03-10', 428, 758, 172, 32],
      ['合同终止日期：2026年3月9日', 839, 753, 476, 42],
      ['甲方(盖章):', 122, 1171, 215, 43],
      ['乙方(签字):', 823, 1169, 217, 47],
      ['签订日期:2021.03.042', 123, 1237, 338, 43],
    ]);
    expect(doc.fields.signedDate.value).toBe('2021-03-04');
    expect(doc.fields.signedDate.needsReview).toBe(true);
    expect(doc.fields.signedDate.issues).toContain(DATE_DAY_OVERRUN_INFERRED);
  });

  it('takes the day’s first two digits only when they make a real day of the month', () => {
    expect(readDateOrOverrunDay('2020年06月261日')?.value).toBe('2020-06-26');
    expect(readDateOrOverrunDay('2021.02.301')).toBeNull();
    // A date read whole is read as before, with no issue.
    expect(readDateOrOverrunDay('2021.03.04')).toMatchObject({ value: '2021-03-04', issues: [] });
  });
});

describe('a term’s end over its label, level with the start’s label across the page', () => {
  it('reads `二〇二四年二月十二日` over `合同终止日期：`, not ruled out by `合同期限自：` a hair over it on its row', () => {
    // A shifted proc-CS page (a noisy scan's): the end's date stands a row over its label, level with the start's
    // label in the first column (its centre a pixel lower), the start's date a row under that label.
    const doc = read([
      ['劳动合同（简易版）', 473, 240, 659, 100],
      ['用人单位：', 171, 400, 285, 60],
      ['杭州明达电气设备有限公司', 663, 400, 420, 60],
      ['统一社会信用代码：', 171, 480, 293, 60],
      ['91330106MA2F2B7PG6', 663, 480, 400, 60],
      ['乙方（劳动者）姓名：', 171, 560, 313, 60],
      ['徐艳', 663, 560, 81, 60],
      ['身份证号码：', 171, 640, 253, 60],
      ['340104197409292135', 663, 640, 307, 60],
      ['合同期限自：', 171, 880, 290, 60],
      ['二〇二四年二月十二日', 908, 881, 333, 60],
      ['合同终止日期：', 911, 960, 282, 60],
      ['2019-02-13', 266, 960, 183, 60],
      ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 216, 1197, 766, 60],
      ['甲方（盖章）：', 230, 1400, 234, 60],
      ['乙方（签字）：', 858, 1400, 232, 60],
      ['签订日期：2019年2月13日', 230, 1500, 380, 60],
    ]);
    expect(doc.fields.endDate.value).toBe('2024-02-12');
    expect(doc.fields.endDate.needsReview).toBe(true);
    expect(doc.fields.startDate.value).toBe('2019-02-13');
  });
});

describe('a term’s start over its label when the next value is glued to the label', () => {
  it('reads `2018-05-10` over `合同起始日期焊工` (the post `焊工` boxed onto the label on a shifted page), flagged', () => {
    // A glare photo of a proc-CS page whose fill-in stands most of a row high: each value between its label's row
    // and the row above, the post of the row under boxed onto the start's label.
    const doc = read([
      ['劳动合同书', 519, 240, 226, 60],
      ['甲方', 213, 340, 80, 40],
      ['浙江西溪物流供应链服务有限公司', 398, 300, 420, 40],
      ['统一社会信用代码', 632, 400, 166, 40],
      ['91330106NCKW7KN124', 809, 360, 220, 40],
      ['劳动者姓名', 213, 460, 132, 40],
      ['潘艳雨', 398, 420, 74, 40],
      ['联系电话', 213, 540, 108, 40],
      ['18818781427', 398, 500, 132, 40],
      ['2018-05-10', 398, 560, 115, 40],
      ['合同起始日期焊工', 213, 600, 240, 40],
      ['合同期限至', 632, 600, 168, 40],
      ['2019年5月9日', 809, 600, 200, 40],
      ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 203, 700, 559, 40],
      ['甲方（盖章）：', 193, 808, 126, 40],
      ['乙方（签字）：', 606, 808, 130, 40],
      ['签订日期：2018年05月10日', 188, 860, 269, 40],
    ]);
    expect(doc.fields.startDate.value).toBe('2018-05-10');
    expect(doc.fields.startDate.needsReview).toBe(true);
    expect(doc.fields.endDate.value).toBe('2019-05-09');
  });
});
