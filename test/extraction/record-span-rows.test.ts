import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { scanPage, type Line } from './support/text-lines.js';
import { person } from './support/documents.js';
import { SPAN_MONTH_INFERRED } from '../../shared/extraction/social-insurance-reader.js';
import { mendBackwardSpan } from '../../shared/extraction/span-row-cells.js';

// Issue 12: social-insurance records on phone photos and noisy scans, where the engine's text holds the table's values
// with slips the rows must read through (a dash lost, a colon for a dot, an open span wrapped, a count misread), a
// year-month lost under a seal, or a label's remains boxed with the name. Constructed OCR lines, as the engine gives a
// photographed page (confidence below 1); no eval file is read here.

const scan = (lines: readonly Line[]): OcrPage => scanPage(lines, { size: { width: 1276, height: 1697 } });

const readOne = (lines: readonly Line[]) => extractDocuments([scan(lines)], { today: '2026-12-05' })[0];

const HEADER: Line[] = [
  ['社会保险个人参保证明', 490, 234, 251, 38],
  ['姓名：', 198, 306, 80, 34],
  [person.name, 300, 306, 100, 34],
  ['公民身份号码：', 520, 306, 190, 34],
  [person.id, 720, 306, 260, 34],
];

/** A table whose span is one cell (`缴费起止年月`): employer, span, count, insurance type per row. */
const oneCellTable = (rows: readonly [employer: string, span: string, count: string][], total: string): Line[] => [
  ...HEADER,
  ['缴费单位', 348, 508, 86, 31],
  ['缴费起止年月', 640, 497, 122, 33],
  ['月数', 843, 495, 47, 29],
  ['险种', 949, 489, 48, 31],
  ...rows.flatMap(([employer, span, count], i): Line[] => [
    [employer, 272, 560 + i * 60, 239, 32],
    [span, 621, 560 + i * 60, 165, 32],
    [count, 852, 560 + i * 60, 30, 28],
    ['养老保险', 935, 560 + i * 60, 83, 32],
  ]),
  [total, 207, 560 + rows.length * 60 + 50, 241, 36],
];

/** A table printing starts and ends in columns of their own (`起始年月`, `截止年月`). */
const twoColumnTable = (rows: readonly [employer: string, from: string, to: string, count: string][], total: string): Line[] => [
  ...HEADER,
  ['单位名称', 300, 508, 120, 31],
  ['起始年月', 620, 508, 120, 31],
  ['截止年月', 780, 508, 120, 31],
  ['缴费月数', 940, 508, 120, 31],
  ...rows.flatMap(([employer, from, to, count], i): Line[] =>
    [
      [employer, 200, 560 + i * 60, 330, 32] as Line,
      [from, 620, 560 + i * 60, 120, 32] as Line,
      [to, 780, 560 + i * 60, 120, 32] as Line,
      [count, 980, 560 + i * 60, 40, 28] as Line,
    ].filter(([text]) => text !== ''),
  ),
  [total, 207, 560 + rows.length * 60 + 50, 241, 36],
];

describe("a social-insurance record's span rows on photos and scans", () => {
  it('reads two year-months run together where the engine lost the dash between them', () => {
    const doc = readOne(
      oneCellTable(
        [
          ['杭州智联网络科技有限公司', '2014.082021.10', '87'],
          ['杭州新锐家政服务有限公司', '201204201403', '24'],
        ],
        '实际缴费月数合计111月',
      ),
    );
    expect(doc.fields.employerName.value).toBe('杭州智联网络科技有限公司');
    expect(doc.fields.periodStart.value).toBe('2012-04');
    expect(doc.fields.periodEnd.value).toBe('2021-10');
    expect(doc.fields.monthsPaid.value).toBe(111);
    expect(doc.fields.monthsPaid.needsReview).toBe(false);
  });

  it('reads a year-month whose dot the engine read as a colon', () => {
    const doc = readOne(
      oneCellTable(
        [
          ['杭州智联信息技术股份有限公司', '2014-02-2021:11', '94'],
          ['杭州卓越文化创意股份有限公司', '2012-11-2013-11', '13'],
        ],
        '实际缴费月数合计107月',
      ),
    );
    expect(doc.fields.periodEnd.value).toBe('2021-11');
    expect(doc.fields.employerName.value).toBe('杭州智联信息技术股份有限公司');
    expect(doc.fields.monthsPaid.value).toBe(107);
  });

  it('reads a year-month whose dot the engine read as a comma, in the row that runs to the last month', () => {
    // `2016,03` (a glare photo): the row went unread and the period ended at the earlier row, its employer taken.
    const doc = readOne(
      twoColumnTable(
        [
          ['杭州同创网络科技有限公司', '2013.06', '2015.09', '28'],
          ['杭州汇通网络科技有限公司', '2016,03', '2021.09', '67'],
        ],
        '合计：95个月',
      ),
    );
    expect(doc.fields.employerName.value).toBe('杭州汇通网络科技有限公司');
    expect(doc.fields.periodEnd.value).toBe('2021-09');
    expect(doc.fields.monthsPaid.value).toBe(95);
    expect(doc.fields.periodEnd.issues ?? []).not.toContain('span_row_unreadable');
  });

  it('mends a span that runs backwards (a year misread) from the months the printed total leaves for it, flagged', () => {
    // `2012.02` – `2011.07` for `…2014.07` (a phone photo, rows shuffled): the row went unread, the period started at
    // the other row's 2014-12.
    const doc = readOne(
      twoColumnTable(
        [
          ['杭州云栖汽车维修股份有限公司', '2012.02', '2011.07', ''],
          ['杭州西溪建筑工程有限公司', '2014.12', '2021.09', ''],
        ],
        '实际缴费月数合计112月',
      ),
    );
    expect(doc.fields.periodStart.value).toBe('2012-02');
    expect(doc.fields.periodStart.issues).toContain(SPAN_MONTH_INFERRED);
    expect(doc.fields.periodEnd.value).toBe('2021-09');
    expect(doc.fields.employerName.value).toBe('杭州西溪建筑工程有限公司');
    expect(doc.fields.monthsPaid.value).toBe(112);
  });

  it('mends no backwards span whose worked-out end is not the month the row printed', () => {
    const doc = readOne(
      twoColumnTable(
        [
          ['杭州云栖汽车维修股份有限公司', '2012.02', '2011.07', ''],
          ['杭州西溪建筑工程有限公司', '2014.12', '2021.09', ''],
        ],
        '实际缴费月数合计110月',
      ),
    );
    expect(doc.fields.periodStart.value).toBe('2014-12');
    expect(doc.fields.periodStart.issues).toContain('span_row_unreadable');
  });

  it('joins a span cell left open at its dash with the year-month wrapped under it, and the employer wrapped beside it', () => {
    const doc = readOne([
      ...HEADER,
      ['缴费单位', 438, 580, 149, 51],
      ['缴费起止年月', 787, 581, 210, 48],
      ['月数', 1040, 580, 60, 48],
      ['杭州云栖网络科技股份有限公', 292, 679, 443, 44],
      ['201802-', 822, 682, 144, 38],
      ['41', 1051, 703, 49, 44],
      ['司', 493, 724, 42, 42],
      ['202106', 831, 722, 125, 46],
      ['杭州华创电气设备股份有限公司', 293, 796, 441, 40],
      ['201402-201510', 766, 817, 256, 45],
      ['21', 1054, 820, 47, 43],
      ['合计：62个月', 171, 950, 300, 48],
    ]);
    expect(doc.fields.employerName.value).toBe('杭州云栖网络科技股份有限公司');
    expect(doc.fields.periodEnd.value).toBe('2021-06');
    expect(doc.fields.monthsPaid.value).toBe(62);
    expect(doc.fields.monthsPaid.needsReview).toBe(false);
  });

  it("takes the spans' own months when misread counts disagree with them and the spans add up to the printed total", () => {
    const doc = readOne(
      twoColumnTable(
        [
          ['杭州卓越建筑工程有限公司', '2018-04', '2019-07', '16'],
          ['杭州紫金文化创意有限公司', '2016-07', '2017-12', '18'],
          ['杭州北山家政服务股份有限公司', '2019-12', '2021-09', '2效'],
        ],
        '累计缴费月数：56个月',
      ),
    );
    expect(doc.fields.monthsPaid.value).toBe(56);
    expect(doc.fields.monthsPaid.issues ?? []).not.toContain('span_months_inconsistent');
    expect(doc.fields.employerName.value).toBe('杭州北山家政服务股份有限公司');
  });

  it('still flags counts that disagree with their spans when the spans do not add up to the total either', () => {
    const doc = readOne(
      twoColumnTable(
        [
          ['杭州卓越建筑工程有限公司', '2018-04', '2019-07', '16'],
          ['杭州北山家政服务股份有限公司', '2019-12', '2021-09', '7'],
        ],
        '累计缴费月数：50个月',
      ),
    );
    expect(doc.fields.monthsPaid.needsReview).toBe(true);
    expect(doc.fields.employerName.needsReview).toBe(true);
  });

  it('works out a start lost under a seal from the end and the count, and trusts it only where the total confirms it', () => {
    const doc = readOne(
      twoColumnTable(
        [
          ['杭州钱塘家政服务有限公司', '2013.01', '2015.01', '25'],
          ['杭州紫金信息技术有限公司', '', '2016.05', '15'],
          ['杭州之江电子商务有限公司', '2016.09', '2021.10', '62'],
        ],
        '实际缴费月数合计102月',
      ),
    );
    expect(doc.spans).toContainEqual({ employerName: '杭州紫金信息技术有限公司', from: '2015-03', to: '2016-05', months: 15 });
    expect(doc.fields.monthsPaid.value).toBe(102);
    expect(doc.fields.monthsPaid.needsReview).toBe(false);
    expect(doc.fields.periodStart.needsReview).toBe(false);
    expect(doc.fields.employerName.needsReview).toBe(false);
  });

  it('flags the period and the employer when the current row is the one whose year-month was worked out', () => {
    const doc = readOne(
      twoColumnTable(
        [
          ['杭州北山建筑工程股份有限公司', '2014-03', '2016-03', '25'],
          ['杭州恒信机械制造有限公司', '2016-05', '2018-11', '31'],
          ['杭州同创文化创意股份有限公司', '', '2021-10', '31'],
        ],
        '合计：87个月',
      ),
    );
    expect(doc.fields.periodEnd.value).toBe('2021-10');
    expect(doc.fields.monthsPaid.value).toBe(87);
    expect(doc.fields.employerName.value).toBe('杭州同创文化创意股份有限公司');
    expect(doc.fields.employerName.issues).toContain('span_month_inferred');
    expect(doc.fields.employerName.needsReview).toBe(true);
  });

  it('does not work out a lost end when nothing shows which end the row kept, and flags the rows as not read whole', () => {
    const doc = readOne(
      oneCellTable(
        [
          ['杭州北山建筑工程股份有限公司', '2014-03-2016-03', '25'],
          ['杭州同创文化创意股份有限公司', '2021-10', '31'],
        ],
        '合计：56个月',
      ),
    );
    expect(doc.spans).toHaveLength(1);
    expect(doc.fields.periodEnd.needsReview).toBe(true);
    expect(doc.fields.employerName.needsReview).toBe(true);
  });

  it('counts a row that kept its employer and count but no year-month as a span not read', () => {
    const doc = readOne(
      twoColumnTable(
        [
          ['杭州云栖网络科技有限公司', '2015-07', '2016-12', '18'],
          ['杭州龙井科技有限公司', '', '', '58'],
        ],
        '',
      ).filter(([text]) => text !== ''),
    );
    expect(doc.fields.monthsPaid.issues).toContain('span_row_unreadable');
    expect(doc.fields.periodEnd.needsReview).toBe(true);
    expect(doc.fields.employerName.needsReview).toBe(true);
  });

  it('reports the printed total as the months paid, flagged, when the rows read disagree with it', () => {
    const doc = readOne(
      twoColumnTable(
        [
          ['杭州云栖网络科技有限公司', '2015-07', '2016-12', '18'],
          ['杭州龙井科技有限公司', '', '', '58'],
        ],
        '合计：76个月',
      ),
    );
    expect(doc.fields.monthsPaid.value).toBe(76);
    expect(doc.fields.monthsPaid.issues).toContain('total_months_mismatch_spans');
    expect(doc.fields.monthsPaid.needsReview).toBe(true);
  });

  it("never takes the first row's count under the `缴费月数` heading for a printed total", () => {
    const lines = twoColumnTable(
      [
        ['杭州卓越科技有限公司', '201602', '201703', '14'],
        ['杭州华创餐饮管理股份有限公司', '201705', '202111', '55'],
      ],
      '',
    ).filter(([text]) => text !== '');
    const doc = readOne(lines);
    expect(doc.fields.monthsPaid.value).toBe(69);
    expect(doc.fields.monthsPaid.issues ?? []).not.toContain('total_months_mismatch_spans');
  });

  it('takes no total of more months than a working life holds (`97个月` misread `974`)', () => {
    const doc = readOne(
      twoColumnTable(
        [
          ['杭州启航文化创意有限公司', '2013.06', '2015.08', '27'],
          ['杭州之江机械制造有限公司', '2016.01', '2021.10', '70'],
        ],
        '累计缴费月数:974',
      ),
    );
    expect(doc.fields.monthsPaid.value).toBe(97);
    expect(doc.fields.monthsPaid.issues ?? []).not.toContain('total_months_mismatch_spans');
  });

  it('works out no end from a year-month run into letters (`2016.1l`): it may be cut', () => {
    const doc = readOne(
      oneCellTable(
        [
          ['杭州新锐电气设备有限公司', '2018.09-2020.11', '27'],
          ['杭州之江网络科技有限公司', '2016.1l-', '19'],
        ],
        '合计：46个月',
      ),
    );
    expect(doc.spans).toHaveLength(1);
    expect(doc.fields.periodStart.needsReview).toBe(true);
  });

  it('never reads a print date split in two (`2021年12` | `月01日`) as a span row', () => {
    const doc = readOne([
      ...twoColumnTable([['杭州博远科技股份有限公司', '2016-02', '2018-02', '25']], '合计:25个月'),
      ['2021年12', 202, 900, 78, 21],
      ['月01日', 284, 900, 53, 21],
    ]);
    expect(doc.fields.monthsPaid.value).toBe(25);
    expect(doc.fields.periodEnd.needsReview).toBe(false);
  });
});

describe("a social-insurance record's person boxed with what is left of the label", () => {
  const table = twoColumnTable([['杭州智联物流股份有限公司', '2016-03', '2021-08', '66']], '合计：66个月').filter(
    ([text]) => text !== '姓名：' && text !== person.name,
  );

  it('reads the name after the label tail the head of which the page lost (`保人何文雨`), flagged', () => {
    const doc = readOne([['保人何文雨', 274, 306, 167, 34], ...table]);
    expect(doc.fields.personName.value).toBe('何文雨');
    expect(doc.fields.personName.issues).toContain('label_inferred');
    expect(doc.fields.personName.needsReview).toBe(true);
  });

  it("reads the name boxed with a spread label's last character after its other characters (`公` | `保` | `人公孙明怡`, the head misread)", () => {
    const doc = readOne([['公', 197, 316, 30, 26], ['保', 258, 308, 54, 35], ['人公孙明怡', 367, 306, 133, 34], ...table]);
    expect(doc.fields.personName.value).toBe('公孙明怡');
    expect(doc.fields.personName.needsReview).toBe(true);
  });

  it("never reads a lone label character's line as a name without the label's other characters before it", () => {
    const doc = readOne([['人公孙明怡', 367, 306, 133, 34], ...table]);
    expect(doc.fields.personName.value).toBeNull();
  });
});

describe('mendBackwardSpan', () => {
  it('works out the end whose year is one digit off the printed one, in the month printed', () => {
    expect(mendBackwardSpan({ value: '2012-02', confidence: 1 }, { value: '2011-07', confidence: 0.95 }, 30)).toEqual({
      from: '2012-02',
      to: '2014-07',
      inferred: 'to',
    });
  });

  it('takes the end the engine was less sure of when either could be misread, none when it was as sure of both', () => {
    // 2018-05 – 2017-05 covering 13 months: 2018-05 – 2019-05 or 2016-05 – 2017-05.
    expect(mendBackwardSpan({ value: '2018-05', confidence: 0.9 }, { value: '2017-05', confidence: 1 }, 13)?.from).toBe('2016-05');
    expect(mendBackwardSpan({ value: '2018-05', confidence: 1 }, { value: '2017-05', confidence: 0.9 }, 13)?.to).toBe('2019-05');
    expect(mendBackwardSpan({ value: '2018-05', confidence: 1 }, { value: '2017-05', confidence: 1 }, 13)).toBeUndefined();
  });

  it('leaves a span that runs forwards as it is', () => {
    expect(mendBackwardSpan({ value: '2012-02', confidence: 1 }, { value: '2014-07', confidence: 1 }, 30)).toBeUndefined();
  });
});
