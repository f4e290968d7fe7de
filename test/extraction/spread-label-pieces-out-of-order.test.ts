import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { buildPageLayout } from '../../shared/extraction/page-layout.js';
import { scanPage, type Line } from './support/text-lines.js';

// A label justified character by character across a form's label column on a turned page, its pieces a few pixels
// up and down: reading order put a piece set higher than the label's head before the head. Constructed lines with
// values of their own: no eval file is read.

const SIZE = { size: { width: 1654, height: 2340 } };
const read = (lines: readonly Line[]) => extractDocuments([scanPage(lines, SIZE)], { today: '2026-12-07' })[0];

const contract = (startRow: Line[], endRow: Line[]): Line[] => [
  ['劳动合同', 407, 198, 500, 73],
  ['甲方（用人单位）名称：', 134, 344, 410, 48],
  ['宁波远达机械有限公司', 1142, 326, 380, 47],
  ['乙', 130, 689, 46, 45],
  ['方：', 388, 684, 83, 54],
  ['郑雨桐', 1400, 664, 129, 56],
  ['居民身份证号码：', 133, 764, 331, 46],
  ['330203199105124426', 1178, 744, 347, 45],
  ...startRow,
  ...endRow,
  ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 137, 1220, 1010, 44],
  ['甲方（盖章）：', 132, 1482, 240, 50],
  ['乙方（签字）：', 825, 1482, 242, 52],
];

const start: Line[] = [
  ['始', 308, 983, 66, 47],
  ['日：', 397, 985, 68, 42],
  ['二〇二一年三月九日', 1142, 962, 380, 48],
  ['用', 134, 988, 39, 39],
  ['工起', 200, 987, 108, 37],
];
const end: Line[] = [
  ['日：', 397, 1057, 68, 47],
  ['2024/03/08', 1328, 1037, 198, 49],
  ['用', 134, 1063, 37, 38],
  ['工', 201, 1063, 40, 34],
  ['终', 263, 1063, 43, 37],
  ['止', 329, 1063, 41, 37],
];

describe('a spread label whose later pieces stand higher than its head', () => {
  it('is one label line, however reading order put its pieces', () => {
    // Act
    const layout = buildPageLayout(scanPage([...start, ...end], SIZE));
    // Assess
    const labels = layout.lines.filter((l) => l.hits.length > 0).map((l) => [l.flat, l.hits[0].form]);
    expect(labels).toEqual([
      ['用工起始日:', '起始日'],
      ['用工终止日:', '终止日'],
    ]);
  });

  it('joins `用` `工起` `始` `日：` and `用` `工` `终` `止` `日：` and reads the term beside them', () => {
    // Act
    const doc = read(contract(start, end));
    // Assess
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.startDate.value).toBe('2021-03-09');
    expect(doc.fields.endDate.value).toBe('2024-03-08');
  });
});

describe('a spread label with a speck beside one of its characters read as a character of its own', () => {
  const speckStart: Line[] = [
    ['起', 248, 983, 46, 46],
    ['始', 328, 984, 43, 41],
    ['冏日', 371, 985, 77, 38],
    ['期：', 484, 984, 55, 38],
    ['2021/03/09', 567, 983, 182, 45],
  ];
  const plainEnd: Line[] = [
    ['终止日期：', 248, 1057, 290, 47],
    ['2024年3月8日', 897, 1057, 233, 44],
  ];

  it('joins `起` `始` `冏日` `期：` as 起始日期, the speck’s character left out and the label marked as misread', () => {
    // Act
    const layout = buildPageLayout(scanPage(speckStart, SIZE));
    // Assess
    const label = layout.lines.find((l) => l.hits.length > 0);
    expect(label?.hits[0]).toMatchObject({ form: '起始日期', fuzzy: true });
  });

  it('reads the start date beside it', () => {
    expect(read(contract(speckStart, plainEnd)).fields.startDate.value).toBe('2021-03-09');
  });

  it('joins no label where the piece’s other character is no speck of it (`起` `始` `冏X` `期：` spell nothing)', () => {
    const layout = buildPageLayout(
      scanPage(
        [
          ['起', 248, 983, 46, 46],
          ['始', 328, 984, 43, 41],
          ['冏图', 371, 985, 77, 38],
          ['期：', 484, 984, 55, 38],
        ],
        SIZE,
      ),
    );
    expect(layout.lines.some((l) => l.hits.some((h) => h.form === '起始日期'))).toBe(false);
  });
});
