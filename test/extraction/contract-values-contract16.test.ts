import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { isContractTitle, readContractEmployerName } from '../../shared/extraction/contract-titles.js';
import { DATE_YEAR_ZERO_INFERRED, findYearZeroLostDate } from '../../shared/extraction/lost-zero-years.js';
import { buildPageLayout, findHits } from '../../shared/extraction/page-layout.js';
import { textLayerPage, type Line } from './support/text-lines.js';

// Classes found on a seen-family contract sample (contract16, seed 9539: scans and photos of contract/proc-A, -C,
// -CS, -D, -E, -M): values on the engine's lines that the reader did not read. Constructed lines, values of their own.

const TODAY = '2026-12-05';

/** A scanned page: the engine's lines, each read at 0.99. */
function scanned(lines: readonly Line[]) {
  const p = textLayerPage(lines);
  return { ...p, source: 'paddle' as const, lines: p.lines.map((l) => ({ ...l, confidence: 0.99 })) };
}

function read(lines: readonly Line[]) {
  return extractDocuments([scanned(lines)], { today: TODAY })[0];
}

/** The signature block every constructed contract ends with. */
const SIGNATURES: Line[] = [
  ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 251, 1033, 581, 25],
  ['二、甲方依法为乙方缴纳社会保险费。', 253, 1069, 326, 26],
  ['甲方（盖章）：', 245, 1156, 143, 35],
  ['乙方（签字）：', 736, 1167, 132, 33],
];

describe('a contract’s title is never its employer', () => {
  it('reads the employer stacked under `用人单位：`, not `劳动合同书` printed large over the label', () => {
    const lines: Line[] = [
      ['劳动合同书', 578, 278, 310, 58],
      ['用人单位：', 239, 375, 196, 37],
      // The name wrapped in a narrow cell under its label.
      ['杭州青禾园林绿', 261, 407, 165, 34],
      ['化有限公司', 284, 438, 118, 33],
      ['统一社会信用代码：', 240, 482, 195, 34],
      ['91330106MA2B4K7Q1P', 482, 485, 242, 32],
      ['乙方（劳动者）姓名：', 245, 677, 212, 33],
      ['欧阳明远', 484, 677, 120, 33],
      ['合同期限自：', 246, 857, 192, 32],
      ['2019-04-02', 484, 858, 122, 30],
      ['合同期限至：', 248, 931, 190, 33],
      ['2022-04-01', 484, 931, 122, 30],
      ...SIGNATURES,
      ['签订日期：2019.03.28', 245, 1202, 223, 35],
    ];
    const doc = read(lines);
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.employerName.value).toBe('杭州青禾园林绿化有限公司');
  });

  it('knows a title in its forms and keeps an employer whose name holds 合同', () => {
    expect(isContractTitle('劳动合同书')).toBe(true);
    expect(isContractTitle('劳动合同(简易版)')).toBe(true);
    expect(isContractTitle('劳务派遣协议书')).toBe(true);
    expect(readContractEmployerName('劳动合同（简易版）')).toBeNull();
    expect(readContractEmployerName('杭州合同能源管理有限公司')?.value).toBe('杭州合同能源管理有限公司');
  });
});

/** A numbered grid of captions over values (proc-E's form), the term's kind printed as `kind`. */
function gridOfTerm(kind: string): Line[] {
  return [
    ['劳动合同书', 572, 308, 220, 47],
    ['①甲方（用人单位）名称', 569, 396, 236, 36],
    ['杭州西溪文旅发展股份有限公司', 297, 435, 301, 36],
    ['②统一社会信用代码', 592, 487, 193, 36],
    ['91330106MA2B4K7Q1P', 297, 529, 382, 35],
    ['③法定代表人', 421, 576, 133, 32],
    ['④紧急联系人', 821, 581, 133, 35],
    ['韩志强', 290, 618, 76, 36],
    ['陆敏', 697, 626, 53, 33],
    ['③劳动者姓名', 622, 670, 133, 36],
    ['柴静', 289, 712, 54, 33],
    ['联系电话', 394, 861, 181, 35],
    ['8合同类型', 803, 864, 179, 36],
    [kind, 698, 910, 96, 36],
    ['13857112233', 288, 911, 138, 29],
    ['9合同期限自', 415, 957, 138, 35],
    ['合同期限至', 827, 960, 135, 33],
    ['二〇二二年三月二日', 288, 1007, 220, 31],
    ['2027-03-01', 702, 1011, 116, 28],
    ['工作岗位', 601, 1056, 180, 33],
    ['西式面点师', 283, 1106, 117, 31],
    ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 269, 1270, 596, 32],
    ['二、甲方依法为乙方缴纳社会保险费。', 266, 1308, 337, 30],
    ['乙方（签字）：', 690, 1443, 139, 35],
    ['甲方（盖章）：', 260, 1447, 143, 35],
    ['签订日期：二〇二二年二月二十六日', 260, 1491, 360, 39],
  ];
}

describe('a term’s end printed off its label’s row in its column', () => {
  it('reads the end set over its caption `（合同期限至）`, level with the start’s label across the page', () => {
    // Two columns; the start's value stacked under its label, the end's over its bracketed caption.
    const lines: Line[] = [
      ['劳动合同', 671, 169, 289, 66],
      ['甲方', 133, 300, 93, 54],
      ['杭州之江电梯工程有限公司', 404, 305, 420, 46],
      ['统一社会信用代码', 840, 305, 280, 46],
      ['91330106MA2B4K7Q1P', 1139, 312, 364, 32],
      ['乙方', 134, 626, 93, 53],
      ['司马佳怡', 400, 628, 140, 49],
      ['2023-08-14', 838, 782, 175, 40],
      ['合同期限自', 138, 788, 174, 47],
      ['2020年08月15日', 138, 833, 266, 44],
      ['（合同期限至）', 845, 836, 175, 41],
      ['工作岗位茶艺师', 136, 908, 373, 45],
      ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 143, 992, 896, 40],
      ['甲方（盖章）：', 138, 1241, 232, 47],
      ['乙方（签字）：', 823, 1241, 234, 48],
      ['签订日期：二〇二〇年八月十日', 141, 1313, 500, 41],
    ];
    const doc = read(lines);
    expect(doc.fields.startDate.value).toBe('2020-08-15');
    expect(doc.fields.endDate.value).toBe('2023-08-14');
    // The pairing is the layout's: the clerk confirms it.
    expect(doc.fields.endDate.needsReview).toBe(true);
  });

  it('reads the end at the left of its grid cell under `合同期限至`, the start’s date under the label beside it', () => {
    // A grid of captions over values, each value at its cell's left; `合同类型` (no label of ours) breaks the grid.
    const doc = read(gridOfTerm('固定期限'));
    expect(doc.fields.startDate.value).toBe('2022-03-02');
    expect(doc.fields.endDate.value).toBe('2027-03-01');
    expect(doc.fields.endDate.needsReview).toBe(true);
  });

  it('reads no end beside an open-ended term', () => {
    // The same grid, the term open-ended: the date in the end's cell is no end.
    const lines = gridOfTerm('无固定期限').filter(([text]) => text !== '二〇二二年三月二日');
    expect(read(lines).fields.endDate?.value ?? null).toBeNull();
  });
});

describe('an employer wrapped more than once in a narrow cell', () => {
  it('joins the name down its column until it reads whole (`杭州青禾园林` | `绿化工程环境` | `股份有限公司`)', () => {
    // A text layer: the cell's lines a little under the label's row, beside it.
    const lines: Line[] = [
      ['劳动合同（简易版）', 502, 122, 633, 70],
      ['统一社会信用代码:', 831, 256, 312, 44],
      ['甲方（用人单位）名称:', 150, 302, 382, 44],
      ['91330106MA2B4K7Q1P', 831, 302, 371, 44],
      ['杭州青禾园林', 563, 342, 208, 44],
      ['绿化工程环境', 563, 390, 208, 44],
      ['股份有限公司', 563, 435, 208, 44],
      ['法定代表人:', 150, 460, 208, 44],
      ['韩志强', 563, 460, 104, 44],
      ['乙方:', 150, 587, 115, 44],
      ['欧阳明远', 563, 587, 139, 44],
      ['合同期限自:', 150, 762, 205, 44],
      ['2021-04-23', 563, 762, 190, 44],
      ['合同期限至:', 831, 785, 205, 44],
      ['2026-04-22', 1209, 785, 190, 44],
      ['签订日期:2021年4月16日', 150, 1292, 420, 44],
    ];
    const doc = extractDocuments([textLayerPage(lines)], { today: TODAY })[0];
    expect(doc.fields.employerName.value).toBe('杭州青禾园林绿化工程环境股份有限公司');
  });

  it('never runs the name into the next row’s value when it does not read whole', () => {
    const lines: Line[] = [
      ['劳动合同（简易版）', 502, 122, 633, 70],
      ['甲方（用人单位）名称:', 150, 302, 382, 44],
      ['杭州青禾园林', 563, 342, 208, 44],
      ['绿化工程环境', 563, 390, 208, 44],
      ['法定代表人:', 150, 460, 208, 44],
      ['韩志强', 563, 460, 104, 44],
      ['乙方:', 150, 587, 115, 44],
      ['欧阳明远', 563, 587, 139, 44],
      ['签订日期:2021年4月16日', 150, 1292, 420, 44],
    ];
    const employer = extractDocuments([textLayerPage(lines)], { today: TODAY })[0].fields.employerName;
    expect(employer.value).not.toContain('韩志强');
    expect(employer.needsReview).toBe(true);
  });

  it('reads a name wrapped up its cell whose last line alone is level with the label (`杭州灵隐网` | `络科技有限` | `公司`)', () => {
    const lines: Line[] = [
      ['劳动合同书', 592, 136, 448, 72],
      ['杭州望江网', 721, 248, 195, 47],
      ['络科技有限', 720, 300, 197, 50],
      ['公司', 721, 351, 84, 47],
      ['统一社会信用代码', 977, 381, 309, 48],
      ['甲方(用人单位)名称', 205, 384, 379, 45],
      ['91330106MA2B4K7Q1P', 1290, 387, 340, 39],
      ['韩志强', 719, 447, 124, 50],
      ['法定代表人', 201, 451, 307, 44],
      ['乙方', 202, 579, 311, 51],
      ['欧阳明远', 721, 580, 160, 47],
      ['合同期限自', 200, 700, 311, 51],
      ['2021-04-23', 721, 700, 190, 47],
      ['合同期限至', 200, 780, 311, 51],
      ['2026-04-22', 721, 780, 190, 47],
      ['签订日期:2021年4月16日', 200, 1292, 420, 44],
    ];
    const employer = read(lines).fields.employerName;
    expect(employer.value).toBe('杭州望江网络科技有限公司');
    expect(employer.needsReview).toBe(true);
  });
});

describe('a term’s start beside a bare `合同期限`', () => {
  /** A contract whose start's label lost its `自` (`合同期限` … the start), the end beside its own label. */
  const term = (start: string, end: string): Line[] => [
    ['劳动合同（简易版）', 430, 300, 420, 50],
    ['甲方（用人单位）名称：', 253, 380, 260, 30],
    ['杭州青禾园林绿化有限公司', 493, 380, 330, 30],
    ['乙方（劳动者）姓名：', 253, 460, 240, 30],
    ['欧阳明远', 493, 460, 120, 30],
    ['合同类型', 253, 594, 83, 29],
    ['固定期限', 493, 594, 85, 29],
    ['合同期限', 253, 635, 83, 30],
    [start, 493, 636, 138, 27],
    [end, 495, 678, 139, 27],
    ['合同终止日期:', 254, 679, 129, 27],
    ['甲方（盖章）：', 242, 900, 143, 27],
    ['乙方（签字）：', 593, 900, 132, 27],
    ['签订日期：2019年11月12日', 242, 948, 214, 25],
  ];

  it('reads the date beside `合同期限` as the start when the end’s own label gives a later date, flagged', () => {
    const doc = read(term('2019年11月21日', '2024年11月20日'));
    expect(doc.fields.startDate.value).toBe('2019-11-21');
    expect(doc.fields.startDate.needsReview).toBe(true);
    expect(doc.fields.endDate.value).toBe('2024-11-20');
  });

  it('takes no start from `合同期限` when its date is the end’s', () => {
    const doc = read(term('2024年11月20日', '2024年11月20日'));
    expect(doc.fields.startDate?.value ?? null).toBeNull();
  });
});

describe('labels the engine misread or cut apart', () => {
  it('reads a bracketed caption with one character misread (`（用大单位）`) as the employer’s label', () => {
    expect(findHits('(用大单位)')[0]?.form).toBe('用人单位');
    // The name stacked over its caption, wrapped.
    const lines: Line[] = [
      ['劳动合同', 657, 158, 358, 76],
      ['杭州鼎盛文化', 226, 334, 201, 44],
      ['有限公司', 258, 381, 134, 36],
      ['（用大单位）', 243, 407, 169, 44],
      ['统一社会信用代码：', 192, 472, 289, 43],
      ['91330106MA2B4K7Q1P', 512, 493, 359, 42],
      ['乙方：', 192, 710, 294, 46],
      ['贺佳', 509, 726, 81, 54],
      ['合同期限自：', 195, 1075, 193, 47],
      ['2021-05-06', 513, 1106, 180, 39],
      ['合同期限至：', 195, 1141, 191, 44],
      ['2024-05-05', 513, 1161, 180, 39],
      ['乙方（签字）：', 850, 1511, 222, 47],
      ['甲方（盖章）', 193, 1514, 226, 44],
      ['签订日期：2021.04.29', 195, 1583, 345, 42],
    ];
    expect(read(lines).fields.employerName.value).toBe('杭州鼎盛文化有限公司');
  });

  it('joins a spread `甲　方` whose item number lost its stop (`1甲` … `方`)', () => {
    const layout = buildPageLayout(
      scanned([
        ['1甲', 639, 350, 112, 60],
        ['方', 957, 353, 58, 58],
        ['杭州博雅机械制', 694, 437, 266, 44],
      ]),
    );
    const label = layout.lines.find((l) => l.hits.length > 0);
    expect(label?.hits[0].form).toBe('甲方');
    expect(label?.flat).toBe('1甲方');
  });
});

describe('a signing date whose year lost its 〇', () => {
  it('reads `二一九年` as 2019, flagged for the clerk', () => {
    const lines: Line[] = [
      ['劳动合同书', 578, 278, 310, 58],
      ['甲方（用人单位）名称：', 239, 375, 260, 37],
      ['杭州青禾园林绿化有限公司', 520, 375, 380, 37],
      ['乙方（劳动者）姓名：', 245, 677, 212, 33],
      ['欧阳明远', 484, 677, 120, 33],
      ['合同期限自：', 246, 857, 192, 32],
      ['2019-12-12', 484, 858, 122, 30],
      ['合同期限至：', 248, 931, 190, 33],
      ['2022-12-11', 484, 931, 122, 30],
      ...SIGNATURES,
      ['签订日期：二一九年十二月九日', 245, 1202, 380, 35],
    ];
    const doc = read(lines);
    expect(doc.fields.signedDate.value).toBe('2019-12-09');
    expect(doc.fields.signedDate.needsReview).toBe(true);
    expect(doc.fields.signedDate.issues).toContain(DATE_YEAR_ZERO_INFERRED);
  });

  it('puts back only a lost 〇: a year that keeps it, or a year of another century, is left', () => {
    expect(findYearZeroLostDate('二二〇年二月二十三日')).toBe('2020-02-23');
    expect(findYearZeroLostDate('二〇九年六月二日')).toBeUndefined();
    expect(findYearZeroLostDate('一九九年六月二日')).toBeUndefined();
    expect(findYearZeroLostDate('十二月二日')).toBeUndefined();
  });
});
