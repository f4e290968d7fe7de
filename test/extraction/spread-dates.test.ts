import { describe, expect, it } from 'vitest';
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
