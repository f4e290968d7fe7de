import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { enginePage, type Line } from './support/text-lines.js';

// A qualification certificate photographed (seed 9575 of the seen families): the engine lost the thin brackets of
// `职业(工种)` and the closing bracket of the `(复印件)` stamped after the occupation. Constructed from the page's lines.
const lines = (occupationLabel: string, occupation: string): Line[] => [
  ['中华人民共和国职业资格证书', 567, 275, 630, 63],
  ['持证人', 246, 381, 65, 33],
  ['余鹏梅', 344, 379, 67, 31],
  ['身份证号', 258, 502, 81, 28],
  ['33010819891222877X', 349, 497, 191, 30],
  [occupationLabel, 259, 552, 107, 30],
  [occupation, 390, 545, 199, 34],
  ['证书号', 264, 630, 66, 31],
  ['1533014612338925', 396, 625, 172, 30],
];
const occupationOf = (label: string, value: string) =>
  extractDocuments([enginePage(lines(label, value), { size: { width: 1789, height: 1345 } })], {})[0].fields.occupation.value;

describe('marks the engine loses on a photo', () => {
  it('reads 职业工种 as the label 职业(工种) whose brackets were lost', () => {
    expect(occupationOf('职业工种', '西式面点师')).toBe('西式面点师');
  });

  it('strips a stamped (复印件 whose closing bracket was lost at the box’s end', () => {
    expect(occupationOf('职业(工种)', '西式面点师（复印件')).toBe('西式面点师');
  });

  it('reads both at once, as the photo had them', () => {
    expect(occupationOf('职业工种', '西式面点师（复印件')).toBe('西式面点师');
  });
});
