import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { type Line, textLayerPage } from './support/text-lines.js';

// Fill-in forms that print each value on a rule with its label small under it, no colon and no brackets: the value
// over a caption, the next row's value further under it. Constructed lines with values of their own.

const TODAY = '2026-12-07';
const LANDSCAPE = { width: 2339, height: 1653 };

const certificate = (captionGap: number): Line[] => [
  ['职业技能等级证书', 834, 180, 659, 75],
  ['欧阳雪梅', 246, 365, 186, 46],
  ['女', 777, 362, 46, 44],
  ['330106198508120027', 1055, 362, 354, 48],
  ['持证者姓名', 197 + 80, 411 + captionGap, 104, 21],
  ['性别', 620 + 60, 411 + captionGap, 125, 21],
  ['身份证件号码', 1044 + 60, 411 + captionGap, 125, 21],
  ['数控车工', 206, 507, 161, 44],
  ['二级(技师)', 767, 509, 238, 45],
  ['S330106428845212885366', 1330, 506, 431, 48],
  ['职业名称', 409, 573, 83, 21],
  ['技能等级', 970, 573, 83, 21],
  ['证书编号', 1531, 573, 83, 21],
  ['杭州市西湖区职业技能鉴定中心', 1400, 800, 420, 40],
  ['2021-07-26', 1500, 860, 155, 31],
];

describe('a label set small under its value', () => {
  it('names the value over it, not the next row’s value under it', () => {
    const doc = extractDocuments([textLayerPage(certificate(19), LANDSCAPE)], { today: TODAY })[0];
    expect(doc.type).toBe('vocational_certificate');
    expect(doc.fields.holderName.value).toBe('欧阳雪梅');
  });

  it('leaves a small label set tight over the next row’s value to that value (a grid’s label row)', () => {
    // The same labels moved down to sit 6 px over the second row: labels over their values, the first row far above.
    const doc = extractDocuments([textLayerPage(certificate(69), LANDSCAPE)], { today: TODAY })[0];
    expect(doc.fields.holderName.value).not.toBe('欧阳雪梅');
    expect(doc.fields.holderName.source?.box?.y).toBe(507);
  });
});
