import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { buildPageLayout, printOpeningStamp } from '../../shared/extraction/page-layout.js';
import { textLayerPage, type Line } from './support/text-lines.js';

// Issue 12, classes 5 and 8 (grey seals and stamps): on a faint photocopy a name wrapped in its table cell (`东方` |
// `霞`) had a grey stamp (`仅供补贴申报使用，他用无效`) printed over its second line; the engine boxed the stamp with
// the name's last character (`霞仅供补申报使用，用无效`, boxed almost twice a line high), the layout dropped that box
// as a stamp fragment, and the name was read `东方` at 0.98, unflagged (a confident-wrong on the moire12 dev sample,
// seed 7121). The lines below are that page's OCR lines.

const TODAY = '2026-12-05';

const certificate = (stampBox: Line): Line[] => [
  ['职业技能等级证书', 470, 145, 688, 59],
  ['东方', 423, 287, 79, 49],
  ['持证人姓名', 199, 315, 188, 48],
  stampBox,
  ['2001年4月7日', 418, 416, 240, 50],
  ['出生年月', 199, 488, 188, 49],
  ['身份证号 340104200104076268', 553, 492, 615, 41],
  ['职业名称', 198, 710, 233, 48],
  ['茶艺师', 453, 707, 123, 52],
  ['职业技能等级', 974, 708, 225, 48],
  ['四级', 1231, 787, 99, 49],
  ['证书编号 Y330106407370204597219', 197, 861, 747, 47],
  ['杭州北山信息技术有限公司', 1035, 1132, 433, 47],
  ['发证日期：2020年2月20日', 1033, 1202, 439, 41],
];

const photocopy = (lines: readonly Line[]) => {
  const p = textLayerPage(lines, { width: 1654, height: 2340 });
  return { ...p, source: 'paddle' as const, lines: p.lines.map((l) => ({ ...l, confidence: 0.99 })) };
};

describe('a name whose last character a grey stamp covers', () => {
  it('is flagged, not read short with confidence, when the stamp was boxed with the character', () => {
    const page = photocopy(certificate(['霞仅供补申报使用，用无效', 420, 309, 516, 89]));

    const doc = extractDocuments([page], { today: TODAY })[0];

    expect(doc.type).toBe('vocational_certificate');
    expect(doc.fields.holderName.needsReview).toBe(true);
    expect(doc.fields.holderName.issues).toContain('value_may_continue');
  });

  it('keeps the character as a line of its own, and drops a stamp fragment that holds no print', () => {
    const withPrint = buildPageLayout(photocopy(certificate(['霞仅供补申报使用，用无效', 420, 309, 516, 89])));
    const stampOnly = buildPageLayout(photocopy(certificate(['仅供补贴申报使用，用无效', 420, 309, 516, 89])));

    expect(withPrint.lines.map((l) => l.flat)).toContain('霞');
    expect(stampOnly.lines.some((l) => /仅供|无效/.test(l.flat))).toBe(false);
  });

  it('leaves a name alone when the stamp fragment under it is boxed at the type size (no overprint swelled it)', () => {
    const page = photocopy(certificate(['补贴申报使用', 420, 345, 200, 48]));

    const doc = extractDocuments([page], { today: TODAY })[0];

    expect(doc.fields.holderName.value).toBe('东方');
    expect(doc.fields.holderName.issues ?? []).not.toContain('value_may_continue');
  });
});

describe('printOpeningStamp', () => {
  it('gives the character of print that opens a swelled stamp fragment, and nothing for other lines', () => {
    const line = (text: string, height: number) => ({ text, confidence: 0.9, box: { x: 420, y: 309, width: 516, height } });

    expect(printOpeningStamp(line('霞仅供补申报使用，用无效', 89), 48)).toBe('霞');
    // Boxed at the type size: a stamp fragment beside print, not print swallowed by a stamp.
    expect(printOpeningStamp(line('霞仅供补申报使用，用无效', 50), 48)).toBeUndefined();
    // Opening with a stamp's own character, or no stamp at all.
    expect(printOpeningStamp(line('仅供补贴申报使用，他用无效', 89), 48)).toBeUndefined();
    expect(printOpeningStamp(line('杭州市西湖区人力资源', 89), 48)).toBeUndefined();
  });
});

describe('a date wrapped from the row above the occupation', () => {
  // A phone photo of a 职业资格证书: `出生年月1986年10` wrapped its day `月19日` onto a line of its own, level with the
  // top of the next row, over `工种`'s value `服装制版师`. The line was joined as the occupation's head
  // (`月19日服装制版师`, 0.96, unflagged). The lines are that page's, the names of their own.
  const lines: Line[] = [
    ['中华人民共和国职业资格证书', 315, 261, 668, 91],
    ['姓名', 248, 337, 52, 32],
    ['周文静', 354, 337, 96, 33],
    ['性别', 469, 353, 58, 33],
    ['女', 569, 361, 35, 29],
    ['出生年月1986年10', 245, 403, 210, 43],
    ['月19日', 349, 438, 75, 34],
    ['身份证号36250219861019806X', 453, 418, 349, 52],
    ['工种', 241, 468, 52, 32],
    ['服装制版师', 345, 475, 116, 36],
    ['等级', 568, 490, 50, 31],
    ['高级工', 668, 497, 70, 33],
    ['证书编号1033016639301172', 238, 506, 300, 45],
    ['浙江省人力资源和社会保障厅', 774, 617, 274, 47],
    ['发证日期：2010.05.17', 799, 654, 224, 45],
  ];

  it('leaves the day’s line to the date: the occupation is its own line', () => {
    const doc = extractDocuments([photocopy(lines)], { today: TODAY })[0];

    expect(doc.type).toBe('vocational_certificate');
    expect(doc.fields.occupation.value).toBe('服装制版师');
  });
});
