import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { textLayerPage, type Line } from './support/text-lines.js';

// digital29: a labour contract's fill-in printed after a dotted blank, run on to the column's end and wrapped back to
// the column's start (seen on a digital proc-D contract, d10231). Constructed lines, names of their own.

const CONTRACT: Line[] = [
  ['劳动合同书', 637, 192, 362, 58],
  ['甲方（用人单位）名称', 173, 330, 347, 37],
  ['浙江青禾文化传媒有限公司', 552, 335, 520, 44],
  ['乙方（劳动者）姓名', 173, 728, 312, 37],
  ['（居民身份证号码）', 883, 732, 266, 32],
  ['合同起始日期', 173, 994, 208, 35],
  ['2018年1月18日', 552, 1000, 250, 44],
  ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 173, 1266, 958, 34],
  ['甲方（盖章）：', 173, 1519, 226, 37],
  ['乙方（签字）：', 827, 1519, 226, 37],
];

const employeeName = (lines: Line[]) =>
  extractDocuments([textLayerPage([...CONTRACT, ...lines])], { today: '2026-12-07' }).find((d) => d.type === 'labor_contract')?.fields.employeeName;

describe('a value run on after a blank and wrapped back to the column’s start', () => {
  it('takes the name’s head printed right after the blank’s last dot, its tail under the blank’s start (flagged)', () => {
    const name = employeeName([
      ['·············', 552, 728, 148, 35],
      ['沈', 699, 733, 35, 44],
      ['梓涵', 552, 785, 69, 44],
    ]);

    expect(name).toMatchObject({ value: '沈梓涵', needsReview: true });
  });

  it('leaves a name under a blank alone when nothing stands at the blank’s end', () => {
    const name = employeeName([
      ['·············', 552, 728, 148, 35],
      ['沈梓涵', 552, 785, 104, 44],
    ]);

    expect(name?.value).toBe('沈梓涵');
  });
});
