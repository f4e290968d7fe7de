import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { buildPageLayout } from '../../shared/extraction/page-layout.js';
import { scanPage, type Line } from './support/text-lines.js';

// A date a form justified along its value cell, boxed piece by piece. Constructed lines with values of their own: no
// eval file is read.

const SIZE = { size: { width: 2400, height: 1774 } };
const texts = (lines: Line[]) =>
  buildPageLayout(scanPage(lines, SIZE))
    .lines.filter((l) => l.box.y > 700 && l.box.y < 800)
    .map((l) => l.flat);

const label: Line = ['成立日期', 208, 737, 429, 49];

describe('a date spread along its row', () => {
  it('joins `2014` `年` `3` `月` `7` `日` beside its label into one date', () => {
    const row: Line[] = [
      label,
      ['2014', 772, 743, 82, 38],
      ['年', 940, 742, 43, 37],
      ['3', 1069, 744, 22, 36],
      ['月', 1204, 745, 31, 32],
      ['7', 1332, 745, 20, 28],
      ['日', 1462, 743, 35, 35],
    ];
    expect(texts(row)).toEqual(['成立日期', '2014年3月7日']);
  });

  it('joins pieces that hold their units (`二〇一四年` `三月` `七日`)', () => {
    const row: Line[] = [label, ['二〇一四年', 772, 743, 200, 38], ['三月', 1069, 744, 80, 36], ['七日', 1332, 745, 80, 35]];
    expect(texts(row)).toEqual(['成立日期', '二〇一四年三月七日']);
  });

  it('leaves a run that never reaches its 日, or runs into other text, as read', () => {
    const short: Line[] = [label, ['2014', 772, 743, 82, 38], ['年', 940, 742, 43, 37], ['3', 1069, 744, 22, 36], ['月', 1204, 745, 31, 32]];
    expect(texts(short)).toEqual(['成立日期', '2014', '年', '3', '月']);
    const other: Line[] = [
      label,
      ['2014', 772, 743, 82, 38],
      ['年', 940, 742, 43, 37],
      ['至今', 1069, 744, 80, 36],
      ['7', 1332, 745, 20, 28],
      ['日', 1462, 743, 35, 35],
    ];
    expect(texts(other)).toEqual(['成立日期', '2014', '年', '至今', '7', '日']);
  });
});

describe('a date whose year ends its row and whose rest opens the next, spread', () => {
  // A licence that flows its values into the next row's cells: `注册日期` and `2007` end one row, `年` `8` `月` `15`
  // `日` open the next, each boxed apart.
  const page: Line[] = [
    ['营业执照', 804, 350, 349, 62],
    ['名称', 307, 501, 95, 24],
    ['杭州市西湖区青松', 416, 498, 180, 31],
    ['类型 个体工商户', 626, 497, 218, 33],
    ['经营者王立新', 863, 499, 170, 29],
    ['组成形式个人经营', 1092, 498, 215, 30],
    ['注册日期', 1327, 499, 119, 28],
    ['2007', 1466, 499, 60, 26],
    ['茶饮店', 415, 547, 90, 33],
    ['年', 298, 651, 24, 21],
    ['8', 352, 650, 16, 24],
    ['月', 415, 651, 25, 23],
    ['15', 472, 650, 33, 24],
    ['日', 540, 652, 19, 20],
    ['经营场所', 685, 647, 218, 33],
    ['浙江省杭州市西湖区', 969, 650, 211, 30],
    ['经营范围', 1308, 649, 224, 33],
    ['文二路88号3幢101室', 968, 699, 240, 30],
    ['一般项目:茶饮服务;食品销售(仅销售预包装食品)。(除依法须经批准的项目外,凭营业执照依法自主开展经营活动)', 314, 801, 1243, 33],
    ['登记机关:', 272, 1125, 114, 32],
  ];

  it('joins the rest into one line, and reads the date whole from the label’s row and the next, for the clerk', () => {
    const rows = buildPageLayout(scanPage(page, SIZE)).lines.map((l) => l.flat);
    expect(rows).toContain('年8月15日');
    const doc = extractDocuments([scanPage(page, SIZE)], { today: '2026-12-07' })[0];
    expect(doc.fields.establishedDate).toMatchObject({ value: '2007-08-15', needsReview: true });
  });

  it('leaves a rest that never reaches its 日 as read', () => {
    const cut = page.filter(([text]) => text !== '日');
    expect(buildPageLayout(scanPage(cut, SIZE)).lines.map((l) => l.flat)).toEqual(expect.arrayContaining(['年', '8', '月', '15']));
  });
});
