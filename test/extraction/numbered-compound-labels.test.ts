import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { withoutLabelDecorations } from '../../shared/extraction/label-decorations.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { person } from './support/documents.js';

// A numbered label the lexicon lists only in part (`(4)评价机构名称`: 评价机构 and the noun 名称) kept its numbering, and
// the number was read as the tail of the value above it in the column (`评茶员(4)`, 0.94, unflagged, on a clean scan
// of the seen certificate families, seed 9550, 2026-12-05 night). Built on constructed OCR lines: no eval file is read.

function enginePage(lines: ReadonlyArray<[text: string, x: number, y: number, width: number]>): OcrPage {
  return {
    pageNumber: 1,
    width: 1654,
    height: 2340,
    rotation: 0,
    source: 'paddle',
    lines: lines.map(([text, x, y, width]) => {
      const step = width / [...text].length;
      const words = [...text].map((ch, i) => ({ text: ch, confidence: 0.999, box: { x: Math.round(x + i * step), y, width: Math.round(step), height: 46 } }));
      return { text, confidence: 0.999, box: { x, y, width, height: 46 }, words };
    }),
  };
}

describe('a numbered label completed by a generic noun', () => {
  it('loses its numbering like a label the lexicon lists whole', () => {
    expect(withoutLabelDecorations('(4)评价机构名称')).toBe('评价机构名称');
    expect(withoutLabelDecorations('(1)职业名称')).toBe('职业名称');
  });

  it('keeps the numbering of a clause that only opens with a label', () => {
    expect(withoutLabelDecorations('一、乙方同意')).toBe('一、乙方同意');
  });

  it("never reads the next label's number as the tail of the occupation above it", () => {
    const doc = extractDocuments(
      [
        enginePage([
          ['职业技能等级证书', 398, 199, 832],
          ['身份证号', 177, 350, 139],
          ['姓名', 757, 348, 154],
          [person.id, 143, 424, 313],
          [person.name, 616, 426, 141],
          ['(1)职业名称', 195, 525, 186],
          ['(2)等级', 472, 522, 160],
          ['(3)证书号', 806, 525, 222],
          ['评茶员', 230, 601, 108],
          ['二级/技师', 522, 598, 157],
          ['(4)评价机构名称', 162, 680, 251],
          ['(5)颁证日期', 668, 680, 182],
          ['杭州智联家政服务', 150, 755, 271],
          ['2021.2.25', 677, 778, 159],
          ['有限公司', 216, 798, 141],
        ]),
      ],
      { today: '2026-12-05' },
    )[0];
    expect(doc.fields.occupation.value).toBe('评茶员');
  });
});
