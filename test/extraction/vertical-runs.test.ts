import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { withVerticalRunsJoined } from '../../shared/extraction/vertical-runs.js';
import type { OcrLine } from '../../shared/ocr/index.js';
import { textLayerPage as page, type Line } from './support/text-lines.js';

// Issue 12 (digital): a value set one character per box down a column, as a narrow cell wraps it: `杭` | `州` | `市` …
// one under another beside its label, the run centred on the label's row. Constructed text-layer lines with values of
// their own.

const TODAY = '2026-12-04';
const LANDSCAPE = { width: 2339, height: 1653 };

/** One character a box down the column at x, centred on the row whose centre is `centreY`. */
function column(text: string, x: number, centreY: number, size = 21, pitch = 28): Line[] {
  const chars = [...text];
  const top = Math.round(centreY - ((chars.length - 1) * pitch + size) / 2);
  return chars.map((ch, i) => [ch, x, top + i * pitch, size, size]);
}

const licence = (name: string, date: string): Line[] => [
  ['注册号', 197, 176, 96, 32],
  ['330105600123456', 197, 228, 290, 32],
  ['营业执照', 963, 179, 383, 74],
  ['（副　本）', 1118, 267, 103, 21],
  ['企业名称:', 122, 548, 88, 21],
  ['Name', 147, 573, 39, 16],
  ...column(name, 259, 558),
  ['经　营　者:', 313, 548, 109, 21],
  ['Operator', 338, 573, 59, 16],
  ['李建国', 455, 557, 62, 21],
  ['组成形式:', 323, 848, 88, 21],
  ['家庭经营', 455, 857, 83, 21],
  ['注册日期:', 122, 1090, 88, 21],
  ['Date of Registration', 102, 1117, 128, 16],
  ...column(date, 259, 1100),
  ['经营场所:', 323, 1090, 88, 21],
  ['杭州市拱墅区湖墅南路88号', 455, 1099, 250, 21],
];

describe('a value set one character per box down a column', () => {
  it('reads a licence name and date written down a narrow cell beside their labels', () => {
    const doc = extractDocuments([page(licence('杭州市拱墅区宏达五金经营部', '二〇一八年七月十六日'), LANDSCAPE)], { today: TODAY })[0];
    expect(doc.fields.companyName.value).toBe('杭州市拱墅区宏达五金经营部');
    expect(doc.fields.establishedDate.value).toBe('2018-07-16');
    expect(doc.fields.legalRepresentative.value).toBe('李建国');
  });

  it('joins the column into one line laid flat on the run’s middle, keeping the weakest confidence', () => {
    const lines: OcrLine[] = column('宏达五金经营部', 259, 558).map(([text, x, y, width, height], i) => ({
      text,
      confidence: i === 3 ? 0.7 : 0.99,
      box: { x, y, width, height },
    }));
    const joined = withVerticalRunsJoined(lines);
    expect(joined).toHaveLength(1);
    expect(joined[0].text).toBe('宏达五金经营部');
    expect(joined[0].confidence).toBe(0.7);
    expect(joined[0].box.y + joined[0].box.height / 2).toBeCloseTo(558, -1);
    expect(joined[0].box.width).toBe(21 * 7);
  });

  it('leaves a seal’s ring alone: its characters curve off any one column', () => {
    const ring: OcrLine[] = [
      ['杭', 2074, 1484, 25],
      ['州', 2082, 1464, 27],
      ['市', 2096, 1448, 27],
      ['西', 2115, 1437, 26],
      ['湖', 2137, 1432, 22],
      ['区', 2159, 1432, 21],
      ['管', 2231, 1499, 22],
      ['理', 2232, 1520, 21],
      ['局', 2225, 1539, 25],
    ].map(([text, x, y, s]) => ({ text: String(text), confidence: 1, box: { x: Number(x), y: Number(y), width: Number(s), height: Number(s) } }));
    expect(withVerticalRunsJoined(ring)).toEqual(ring);
  });

  it('leaves a straight stretch of a seal’s ring alone: its characters crowd into each other', () => {
    const side: OcrLine[] = [
      ['人', 1010, 770, 30],
      ['省', 1008, 799, 29],
      ['江', 1008, 826, 29],
      ['浙', 1010, 852, 30],
      ['市', 1010, 880, 30],
    ].map(([text, x, y, s]) => ({ text: String(text), confidence: 1, box: { x: Number(x), y: Number(y), width: Number(s), height: Number(s) } }));
    expect(withVerticalRunsJoined(side)).toEqual(side);
  });

  it('leaves a table column of one-character cells alone: rows have padding between them', () => {
    const cells: OcrLine[] = ['男', '女', '男', '男', '女'].map((text, i) => ({
      text,
      confidence: 1,
      box: { x: 900, y: 700 + i * 64, width: 28, height: 28 },
    }));
    expect(withVerticalRunsJoined(cells)).toEqual(cells);
  });

  it('leaves the first characters of spread labels alone, one under another, each with its label’s rest beside it', () => {
    // `用　工　单　位：` / `信　用　代　码：` / `地　　　址：` / `联　系　电　话：` on a scan: the first characters make a
    // column with less than a character's gap between rows.
    const rows: Array<[string, string]> = [
      ['用', '工'],
      ['信', '用'],
      ['地', '址：'],
      ['联', '系'],
      ['开', '户'],
    ];
    const lines: OcrLine[] = rows.flatMap(([first, next], i) => [
      { text: first, confidence: 1, box: { x: 114, y: 392 + i * 66, width: 46, height: 46 } },
      { text: next, confidence: 1, box: { x: 255, y: 395 + i * 66, width: 44, height: 44 } },
    ]);
    expect(withVerticalRunsJoined(lines)).toEqual(lines);
  });

  it('leaves three stacked characters alone (a short vertical label, not a value)', () => {
    const short: OcrLine[] = ['备', '注', '栏'].map((text, i) => ({ text, confidence: 1, box: { x: 100, y: 700 + i * 28, width: 21, height: 21 } }));
    expect(withVerticalRunsJoined(short)).toEqual(short);
  });
  it('reads a two-character name stacked beside its label when the next column’s label stands right of it', () => {
    // A record's header grid (digital): `姓名：` | `方` / `岚` (one character a box, centred on the label's row) |
    // `身份证号码：` two characters' widths further right. The next column's label is no rest of the characters' words.
    const record: Line[] = [
      ['社会保险个人参保证明', 577, 183, 500, 51],
      ['姓名：', 391, 342, 104, 35],
      ['方', 606, 319, 35, 35],
      ['岚', 606, 365, 35, 35],
      ['身份证号码：', 709, 342, 208, 35],
      ['330102197807043287', 994, 342, 343, 35],
      ['序号', 203, 793, 62, 31],
      ['缴费单位', 452, 793, 125, 31],
      ['缴费起止年月', 796, 793, 187, 31],
      ['月数', 1045, 793, 62, 31],
      ['1', 226, 862, 17, 31],
      ['杭州之江机械制造股份有限公司', 296, 862, 437, 32],
      ['2016-03—2021-08', 764, 862, 253, 33],
      ['66', 1059, 862, 34, 31],
    ];
    const doc = extractDocuments([page(record)], { today: TODAY })[0];
    expect(doc.type).toBe('social_insurance_record');
    expect(doc.fields.personName.value).toBe('方岚');
    expect(doc.fields.idNumber.value).toBe('330102197807043287');
  });

  it('still leaves two stacked characters alone when text other than a label stands beside them', () => {
    const lines: OcrLine[] = [
      { text: '姓名：', confidence: 1, box: { x: 391, y: 342, width: 104, height: 35 } },
      { text: '方', confidence: 1, box: { x: 606, y: 319, width: 35, height: 35 } },
      { text: '岚', confidence: 1, box: { x: 606, y: 365, width: 35, height: 35 } },
      { text: '正常参保', confidence: 1, box: { x: 709, y: 319, width: 140, height: 35 } },
      { text: '缴费中', confidence: 1, box: { x: 709, y: 365, width: 105, height: 35 } },
    ];
    expect(withVerticalRunsJoined(lines)).toEqual(lines);
  });
  it('reads a three-character name down a grid’s value column far from its short label ending in `∶`', () => {
    // `（四）乙方∶` (its colon U+2236) six characters short of the column the grid sets every value in.
    const contract: Line[] = [
      ['劳动合同书', 638, 175, 360, 56],
      ['（一）法定代表人∶', 288, 389, 261, 30],
      ['钟思一', 728, 389, 87, 30],
      ['（三）联系电话∶', 288, 570, 232, 30],
      ['13581308991', 728, 570, 160, 30],
      ['（四）乙方∶', 1042, 570, 174, 30],
      ['包', 1396, 530, 29, 30],
      ['雪', 1396, 570, 29, 30],
      ['娟', 1396, 609, 29, 30],
      ['（五）身份证号码∶', 288, 676, 261, 30],
      ['340104199301220091', 736, 678, 300, 30],
      ['（六）甲方（用人单位）名称∶', 288, 782, 407, 30],
      ['杭州同创电子商务有限公司', 728, 782, 350, 30],
      ['签订日期：2020-12-21', 288, 1500, 330, 30],
    ];
    const doc = extractDocuments([page(contract)], { today: TODAY })[0];
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.employeeName.value).toBe('包雪娟');
  });
});

describe('a value run down a column from its label’s row', () => {
  it('lies flat on the row of the label before its first character, not on the run’s middle', () => {
    // A digital skill-level certificate (seen family certificate/proc-C): the assessor's name twelve characters down
    // a narrow cell from `评价机构名称：`'s row. Laid flat on its middle it stood seven rows below its label: no issuer.
    const issuer = '杭州明远餐饮管理有限公司';
    const doc = extractDocuments(
      [
        page([
          ['职业技能等级证书', 428, 228, 773, 78],
          ['持证人：', 205, 367, 139, 35],
          ['孙立平', 410, 367, 104, 35],
          ['证件号码：', 205, 434, 174, 35],
          ['330106199003074512', 410, 434, 343, 35],
          ['职业（工种）：', 205, 567, 226, 35],
          ['评茶员', 462, 567, 104, 35],
          ['职业技能等级：', 917, 522, 243, 35],
          ['四级', 1004, 567, 69, 35],
          ['证书号：', 205, 632, 139, 35],
          ['Y330106002882204411085', 462, 632, 424, 35],
          ['评价机构名称：', 917, 632, 243, 35],
          ...[...issuer].map((ch, i): Line => [ch, 1192, 632 + i * 47, 35, 35]),
          ['2020-03-26', 205, 1322, 176, 35],
        ]),
      ],
      { today: TODAY },
    )[0];
    expect(doc.fields.issuer.value).toBe(issuer);
    const flat = withVerticalRunsJoined([
      { text: '评价机构名称：', confidence: 1, box: { x: 917, y: 632, width: 243, height: 35 } },
      ...[...issuer].map((ch, i): OcrLine => ({ text: ch, confidence: 1, box: { x: 1192, y: 632 + i * 47, width: 35, height: 35 } })),
    ]).find((l) => l.text === issuer);
    expect(flat?.box.y).toBe(632);
  });

  it('still lies flat on the run’s middle when a label stands beside that middle', () => {
    const flat = withVerticalRunsJoined([
      { text: '名称：', confidence: 1, box: { x: 1080, y: 700, width: 100, height: 35 } },
      ...[...'杭州明远餐饮管理'].map((ch, i): OcrLine => ({ text: ch, confidence: 1, box: { x: 1192, y: 550 + i * 47, width: 35, height: 35 } })),
    ]).find((l) => l.text === '杭州明远餐饮管理');
    expect(flat?.box.y).toBe(Math.round((550 + 550 + 7 * 47 + 35) / 2 - 35 / 2));
  });
});
