import { describe, expect, it } from 'vitest';
import { buildPageLayout, extractDocuments } from '../../shared/extraction/index.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { company, residentId } from './support/documents.js';
import { PageBuilder } from './support/page-builder.js';

// Issue 12, phone photos of contracts whose labels are justified with full-width spaces (`乙　　方：`): the engine
// boxes `乙` alone and reads it as the Latin `Z` (0.5–0.8), so the employee's label was never found and the name was
// lost (5 of 66 perspective photos of the seen contract families, seeds 7401 and 7402). Constructed OCR lines in the
// proportions of those photos: labels at x ≈ 250, values at x ≈ 570, rows 46 px apart.

const TODAY = '2026-12-05';
const EMPLOYEE = { name: '苏雨桐', id: residentId('19930705', '330106', '482') };

/** A contract's first page with its employee's label read as `head` … `tail` (and the value in `value`, if apart). */
function contractPage(head: { text: string; confidence: number }, tail: string, value?: string): OcrPage {
  const b = new PageBuilder({ width: 1312, height: 1745, lineHeight: 31 })
    .at(577, 207, '劳动合同', { height: 48 })
    .at(254, 297, '甲方（用人单位）名称：')
    .at(571, 302, company.name)
    .at(253, 342, '统一社会信用代码：')
    .at(569, 348, company.code)
    .at(254, 480, head.text, { width: 24, height: 28, confidence: head.confidence })
    .at(383, 482, tail, { height: 30 });
  if (value) b.at(566, 486, value);
  b.at(254, 523, '身份证号码：')
    .at(566, 530, EMPLOYEE.id)
    .at(254, 657, '合同期限自：')
    .at(563, 664, '2020-01-06')
    .at(254, 700, '合同终止日期：')
    .at(561, 707, '2025.01.05')
    .at(254, 1100, '签订日期：2020年01月02日');
  return b.build();
}

const readOne = (page: OcrPage) => extractDocuments([page], { today: TODAY })[0];

describe('a letter-spaced label whose first character the engine read as a Latin look-alike', () => {
  it("reads the employee's name beside `乙　方：` when 乙 was read `Z`", () => {
    const doc = readOne(contractPage({ text: 'Z', confidence: 0.8 }, '方：', EMPLOYEE.name));
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.employeeName.value).toBe(EMPLOYEE.name);
  });

  it('reads it when the `Z` is as unsure as a speck', () => {
    const doc = readOne(contractPage({ text: 'Z', confidence: 0.5 }, '方：', EMPLOYEE.name));
    expect(doc.fields.employeeName.value).toBe(EMPLOYEE.name);
  });

  it("reads a short name glued to the label's last character (`乙` … `方汤鹏`)", () => {
    const doc = readOne(contractPage({ text: '乙', confidence: 0.99 }, '方汤鹏'));
    expect(doc.fields.employeeName.value).toBe('汤鹏');
  });

  it('flags a name read through a look-alike as unsure as a speck when the name is glued to the label', () => {
    const doc = readOne(contractPage({ text: 'Z', confidence: 0.52 }, '方汤鹏'));
    expect(doc.fields.employeeName.value).toBe('汤鹏');
    expect(doc.fields.employeeName.needsReview).toBe(true);
  });

  it('drops an unsure `Z` that opens no label, as any speck', () => {
    const page = contractPage({ text: 'Z', confidence: 0.5 }, '方：', EMPLOYEE.name);
    page.lines.push({ text: 'Z', confidence: 0.5, box: { x: 900, y: 1300, width: 24, height: 28 } });
    const texts = buildPageLayout(page).lines.map((l) => l.flat);
    expect(texts).not.toContain('Z');
    expect(texts.some((t) => t.startsWith('乙方'))).toBe(true);
  });
});

describe('a short date label read with a look-alike character', () => {
  it('knows `起始目` as 起始日, after a qualifier too (`用工起始目：`), and reads its date', () => {
    const hitsOf = (text: string) => buildPageLayout(new PageBuilder().line(text).build()).lines[0].hits.map((h) => h.form);
    expect(hitsOf('用工起始目：')).toEqual(['起始日']);
    expect(hitsOf('终止目：')).toEqual(['终止日']);
    // Any other one-character change to a three-character label is too often another word.
    expect(hitsOf('起始月：')).toEqual([]);
    const page = new PageBuilder({ width: 1240, height: 1754, lineHeight: 45 })
      .title('劳动合同书')
      .at(189, 380, '甲方（用人单位）名称：')
      .at(190, 430, company.name)
      .at(198, 560, '劳动者姓名：')
      .at(199, 610, EMPLOYEE.name)
      .at(865, 560, '证件号码：')
      .at(865, 610, EMPLOYEE.id)
      .at(203, 909, '用工起始目：')
      .at(203, 960, '2021年04月15日')
      .at(873, 909, '合同期限至：')
      .at(872, 960, '2022年4月14日')
      .line('一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 214)
      .build();
    const doc = extractDocuments([page], { today: TODAY })[0];
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.startDate.value).toBe('2021-04-15');
  });
});
