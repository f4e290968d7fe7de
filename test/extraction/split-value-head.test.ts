import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { residentId } from './support/documents.js';
import { textLayerPage, type Line } from './support/text-lines.js';

// Issue 12, class 6 (a value is never shortened): on a scan a value letter-spaced on an underline blank after its
// label had its first character boxed apart, between the label and the rest (`受聘人` `陶` `国振`, `考核项目` `手`
// `机维修`). The reader looked past the lone box as a stray mark and read `国振` at 0.98, `机维修` at 0.97, unflagged
// (two confident-wrongs on a new scan sample, seed 641). The mirror of split-name-tail.test.ts.

const TODAY = '2026-12-05';
const ID = residentId('19970803', '330106', '138');

const scan = (lines: readonly Line[]) => {
  const p = textLayerPage(lines, { width: 1653, height: 2339 });
  return extractDocuments([{ ...p, source: 'paddle', lines: p.lines.map((l) => ({ ...l, confidence: 0.99 })) }], { today: TODAY })[0];
};

const certificate = (holder: readonly Line[], occupation: readonly Line[], extra: readonly Line[] = []): Line[] => [
  ['专项职业能力证书', 566, 230, 625, 66],
  ...holder,
  ['性别：男', 751, 362, 312, 48],
  [`身份证号码：${ID}`, 181, 444, 517, 39],
  ...occupation,
  ['证号：ZX20203301583082', 176, 658, 480, 40],
  ...extra,
  ['杭州市职业能力建设指导服务中心', 1102, 856, 495, 51],
  ['发证时间：2020/12/10', 1142, 917, 368, 45],
];

const HOLDER: Line[] = [
  ['持证人姓名：', 177, 369, 346, 39],
  ['林思远', 539, 365, 150, 44],
];
const OCCUPATION: Line[] = [
  ['考核项目', 174, 578, 337, 46],
  ['手机维修', 668, 579, 330, 42],
];

describe('a value whose first character the engine boxed apart, between its label and the rest', () => {
  it('reads a letter-spaced occupation whole, for the clerk to confirm', () => {
    const doc = scan(
      certificate(HOLDER, [
        ['考核项目', 174, 578, 337, 46],
        ['手', 668, 584, 46, 33],
        ['机维修', 750, 579, 247, 42],
      ]),
    );
    expect(doc.type).toBe('vocational_certificate');
    expect(doc.fields.occupation.value).toBe('手机维修');
    expect(doc.fields.occupation.needsReview).toBe(true);
  });

  it('reads a name whole after a label spread over three boxes', () => {
    const doc = scan(
      certificate(
        [
          ['持', 177, 369, 40, 39],
          ['证', 280, 369, 40, 39],
          ['人', 383, 369, 40, 39],
          ['陶', 470, 372, 41, 35],
          ['国振', 511, 366, 125, 44],
        ],
        OCCUPATION,
      ),
    );
    expect(doc.fields.holderName.value).toBe('陶国振');
    expect(doc.fields.holderName.needsReview).toBe(true);
  });

  it('leaves a whole value alone when no lone character stands before it', () => {
    const doc = scan(certificate(HOLDER, OCCUPATION));
    expect(doc.fields.occupation.value).toBe('手机维修');
    expect(doc.fields.holderName.value).toBe('林思远');
    expect(doc.fields.holderName.needsReview).toBe(false);
  });

  it('does not join a lone character standing well apart from the value, but flags the value', () => {
    const doc = scan(
      certificate(
        [
          ['持证人姓名：', 177, 369, 346, 39],
          ['印', 540, 372, 30, 30],
          ['林思远', 690, 365, 150, 44],
        ],
        OCCUPATION,
      ),
    );
    expect(doc.fields.holderName.value).toBe('林思远');
    expect(doc.fields.holderName.needsReview).toBe(true);
  });

  it('does not take a seal ring character that stands before a value', () => {
    const ring: Line[] = [
      ['杭', 600, 300, 34, 34],
      ['州', 560, 330, 34, 34],
      ['市', 600, 420, 34, 34],
    ];
    const doc = scan(
      certificate(
        [
          ['持证人姓名：', 177, 369, 346, 39],
          ['中', 590, 372, 40, 40],
          ['林思远', 640, 365, 150, 44],
        ],
        OCCUPATION,
        ring,
      ),
    );
    expect(doc.fields.holderName.value).toBe('林思远');
  });
});
