import { describe, expect, it } from 'vitest';
import { liftedReadingRestores } from '../../shared/ocr/grey-sealed-lines.js';
import type { RecognisedText } from '../../shared/ocr/text-lines.js';
import { evenlySpacedReading } from '../support/recognised-text.js';

const reading = (text: string, confidence: number | readonly number[]): RecognisedText => evenlySpacedReading(text, confidence);
const underSeal =
  (...sides: (1 | -1)[]) =>
  (side: 1 | -1) =>
    sides.includes(side);

describe('liftedReadingRestores', () => {
  it.each([
    ['takes a sure reading that restores a glyph the ring ran through', '杭市西湖区职业技能培训学校', '杭州市西湖区职业技能培训学校', 0.98, [], true],
    ['takes a sure reading that restores a digit inside a date', '签订日期：2018年2月6日', '签订日期：2018年12月6日', 0.97, [], true],
    ['refuses a lifted reading that is not sure', '杭市西湖区职业技能培训学校', '杭州市西湖区职业技能培训学校', 0.85, [], false],
    [
      'refuses a Latin letter added between characters that are none (a ring’s arc read `F`)',
      '签订日期：2018年2月6日',
      '签订日期：2018年F2月6日',
      0.95,
      [],
      false,
    ],
    ['refuses a character added at an end (a seal remnant read on)', '2020.03.18', '2020.03.181', 0.96, [1, -1], false],
    ['refuses a swapped character', '曾鸣芳', '會鸣芳', 0.99, [1, -1], false],
    ['takes a reading that sheds the seal’s lettering read on past an end under the seal', '2021-10-131E', '2021-10-13', 0.99, [1], true],
    ['refuses a reading that sheds an end the seal does not reach', '2021-10-131E', '2021-10-13', 0.99, [-1], false],
    ['refuses a reading that sheds characters inside the line', '杭州市西湖区', '杭市西湖区', 0.99, [1, -1], false],
  ] as const)('%s', (_name, first, lifted, confidence, sides, restores) => {
    expect(liftedReadingRestores(reading(first, 0.99), reading(lifted, confidence), underSeal(...sides))).toBe(restores);
  });

  it('refuses a reading whose added character is itself unsure, however sure the line', () => {
    const lifted = reading('杭州市西湖区', [1, 0.6, 1, 1, 1, 1]);
    expect(lifted.confidence).toBeGreaterThan(0.9);

    expect(liftedReadingRestores(reading('杭市西湖区', 0.99), lifted, underSeal())).toBe(false);
  });
});
