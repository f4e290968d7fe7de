import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { WRAP_JOINED } from '../../shared/extraction/glued-value-wraps.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { enginePage, type Line } from './support/text-lines.js';

// A short labour contract whose first row runs label, value and the next label on in one box (held-out sample v24,
// a phone photo turned by its EXIF flag): the employer's name fills its own box's width and goes on under its own start.
const GLUED_ROW = '用人单位：杭州之江电气设，社会信用代码：91330106MA2CTHHMKK';
// Where the engine boxed each character: the label stands apart from the value, and the code's digits run narrow.
const GLUED_ROW_XS = [
  164, 234, 304, 381, 416, 472, 500, 535, 563, 598, 626, 661, 710, 752, 794, 836, 878, 920, 962, 997, 1053, 1067, 1081, 1102, 1116, 1137, 1151, 1165, 1193,
  1221, 1235, 1256, 1277, 1298, 1326, 1354, 1382, 1403,
];

function contractPage(): OcrPage {
  const lines: Line[] = [
    ['劳动合同（简易版）', 487, 198, 631, 59],
    [GLUED_ROW, 163, 345, 1273, 43],
    ['备有限公司', 469, 411, 163, 47],
    ['法定代表人', 163, 489, 252, 35],
    ['郑思', 685, 487, 163, 37],
    ['乙方（劳动者）姓名：崔红宇', 921, 559, 517, 38],
    ['证件号码：', 166, 697, 318, 41],
    ['362502197903061978', 484, 698, 311, 37],
    ['合同期限自：', 723, 772, 289, 34],
    ['二〇一九年十月十四日', 1031, 768, 402, 41],
    ['用工终止日：', 164, 840, 310, 39],
    ['二〇二四年十月十三日', 478, 839, 314, 39],
    ['甲方（盖章）：', 164, 1166, 198, 40],
    ['乙方（签字）：', 827, 1166, 196, 39],
  ];
  const page = enginePage(lines);
  page.lines[1].words = [...GLUED_ROW].map((text, i) => ({ text, confidence: 0.999, box: { x: GLUED_ROW_XS[i], y: 350, width: 31, height: 31 } }));
  return page;
}

describe('a value glued to its label that wraps under its own start, found by the characters’ own boxes', () => {
  it('joins `杭州之江电气设` with `备有限公司` standing under the value’s first character, flagged', () => {
    const employer = extractDocuments([contractPage()], {})[0].fields.employerName;
    expect(employer.value).toBe('杭州之江电气设备有限公司');
    expect(employer.needsReview).toBe(true);
    expect(employer.issues).toContain(WRAP_JOINED);
  });

  it('does not join a line standing under the label rather than the value', () => {
    const page = contractPage();
    page.lines[2] = {
      ...page.lines[2],
      box: { ...page.lines[2].box, x: 234 },
      words: page.lines[2].words!.map((w, i) => ({ ...w, box: { ...w.box, x: 235 + i * 30 } })),
    };
    const employer = extractDocuments([page], {})[0].fields.employerName;
    expect(employer.value).not.toBe('杭州之江电气设备有限公司');
    expect(employer.needsReview).toBe(true);
  });
});
