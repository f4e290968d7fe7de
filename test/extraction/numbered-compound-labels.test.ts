import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { withoutLabelDecorations } from '../../shared/extraction/label-decorations.js';
import { person } from './support/documents.js';
import { enginePage, type Line } from './support/text-lines.js';

/** A line 46 px high at (x, y), `width` wide. */
const at = (text: string, x: number, y: number, width: number): Line => [text, x, y, width, 46];

// A numbered label the lexicon lists only in part (`(4)评价机构名称`: 评价机构 and the noun 名称) kept its numbering, and
// the number was read as the tail of the value above it in the column (`评茶员(4)`, 0.94, unflagged, on a clean scan
// of the seen certificate families, seed 9550, 2026-12-05 night). Built on constructed OCR lines: no eval file is read.

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
          at('职业技能等级证书', 398, 199, 832),
          at('身份证号', 177, 350, 139),
          at('姓名', 757, 348, 154),
          at(person.id, 143, 424, 313),
          at(person.name, 616, 426, 141),
          at('(1)职业名称', 195, 525, 186),
          at('(2)等级', 472, 522, 160),
          at('(3)证书号', 806, 525, 222),
          at('评茶员', 230, 601, 108),
          at('二级/技师', 522, 598, 157),
          at('(4)评价机构名称', 162, 680, 251),
          at('(5)颁证日期', 668, 680, 182),
          at('杭州智联家政服务', 150, 755, 271),
          at('2021.2.25', 677, 778, 159),
          at('有限公司', 216, 798, 141),
        ]),
      ],
      { today: '2026-12-05' },
    )[0];
    expect(doc.fields.occupation.value).toBe('评茶员');
  });
});
