import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { company, person } from './support/documents.js';
import { textLayerPage, type Line } from './support/text-lines.js';

// Issue 19: a multi-page contract whose running header repeats its number over the first clause of every page.
// Constructed lines; no eval file is read here.

const header: Line = ['合同编号:HT202107315', 189, 96, 299, 26];
const pageOf = (n: number, lines: Line[]) => ({ ...textLayerPage([header, ...lines, [`-${n}-`, 808, 2210, 36, 29]]), pageNumber: n });

describe('a running header holding the contract number', () => {
  it("keeps the pages one document without doubt when the header sits over each page's first clause", () => {
    const docs = extractDocuments(
      [
        pageOf(1, [
          ['劳动合同书', 610, 209, 414, 66],
          [`甲方(用人单位):${company.name}`, 189, 400, 700, 33],
          [`乙方(劳动者):${person.name}`, 189, 470, 500, 33],
          [`身份证号码:${person.id}`, 189, 540, 600, 33],
          ['第一条　合同期限', 189, 640, 433, 33],
          ['本合同期限自2021年8月1日起至2024年7月31日止。', 256, 700, 1000, 33],
        ]),
        pageOf(2, [
          ['第二条　工作内容和工作地点', 189, 208, 433, 33],
          ['乙方同意根据甲方工作需要,担任电工岗位工作。', 256, 275, 1000, 33],
          ['第三条　劳动报酬', 189, 400, 433, 33],
          ['甲方每月15日前以货币形式支付乙方工资。', 256, 470, 1000, 33],
        ]),
        pageOf(3, [
          ['第四条　其他事项', 189, 208, 433, 33],
          ['本合同一式两份,甲乙双方各执一份。', 256, 275, 1000, 33],
          ['甲方(盖章):', 189, 600, 250, 33],
          ['乙方(签字):', 827, 600, 250, 33],
          ['签订日期:2021年7月28日', 189, 680, 400, 33],
        ]),
      ],
      { today: '2026-12-05' },
    );
    expect(docs).toHaveLength(1);
    expect(docs[0].pages).toEqual([1, 2, 3]);
    expect(docs[0].issues ?? []).not.toContain('document_boundary_inconsistent');
  });
});
