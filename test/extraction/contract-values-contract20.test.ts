import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { ID_BOUNDARY_INFERRED, makeIdNumberReader } from '../../shared/extraction/value-readers.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { scanPage, type Line } from './support/text-lines.js';

// Classes found on seen-family contract samples (contract20, seeds 9661-9662: contract/proc-A, -C, -CS, -D, -E, -M
// on scans and photos) and named by this morning's helpers. Constructed lines, values of their own.

const TODAY = '2026-12-06';

/** The document read from a scan (`scanPage`) holding `lines`. */
function read(lines: readonly Line[], page: (lines: readonly Line[]) => OcrPage = scanPage) {
  return extractDocuments([page(lines)], { today: TODAY })[0];
}

describe('an ID number boxed with a mobile number after it', () => {
  const readId = makeIdNumberReader(TODAY);
  const id = '330106197906182448';

  it('reads the 18 characters whose check passes, flagged as a guessed boundary', () => {
    for (const text of [`${id}13822309417`, `身份证号码：${id}15967012345`]) {
      const reading = readId(text);
      expect(reading?.value).toBe(id);
      expect(reading?.issues).toEqual([ID_BOUNDARY_INFERRED]);
    }
  });

  it('keeps the longer token failed when the first 18 do not pass their check', () => {
    const reading = readId(`330106197906182449${'13822309417'}`);
    expect(reading?.value).not.toBe('330106197906182449');
    expect(reading?.issues).not.toEqual([]);
  });

  it('reads the employee’s number from a party row where the phone is boxed onto it', () => {
    const doc = read([
      ['劳动合同书', 520, 120, 300, 60],
      ['甲方（用人单位）：宁波海曙恒远物流有限公司', 160, 260, 760, 40],
      ['统一社会信用代码：91330203MA2H4K8Q1B', 160, 320, 700, 40],
      ['乙方（劳动者）：孙志伟', 160, 400, 420, 40],
      [`身份证号码：${id}13822309417`, 160, 460, 900, 40],
      ['合同期限：自2024年3月1日起至2027年2月28日止。', 160, 560, 900, 40],
      ['签订日期：2024年2月26日', 160, 1500, 420, 40],
    ]);
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.employeeIdNumber.value).toBe(id);
    expect(doc.fields.employeeIdNumber.needsReview).toBe(true);
  });
});

describe('an employer stacked over its caption that wraps over two lines', () => {
  // A proc-C grid photo: each value set over its caption, the employer's name wrapped with only `公司` on its second
  // line, tight over `用人单位`; the last line alone reads as no name.
  const lines: Line[] = [
    ['劳动合同', 597, 310, 204, 52],
    ['宁波海曙恒远智能物流服务有限', 269, 403, 358, 41],
    ['公司', 269, 441, 59, 37],
    ['用人单位', 271, 472, 110, 39],
    ['统一社会信用代码91330203MA2H4K8Q1B', 646, 455, 501, 45],
    ['法定代表人钱立新', 270, 516, 233, 41],
    ['孙志伟', 298, 646, 87, 40],
    ['330106197906182448', 876, 662, 275, 37],
    ['劳动者姓名', 274, 680, 136, 39],
    ['居民身份证号码', 656, 669, 183, 38],
    ['合同期限自', 279, 811, 130, 38],
    ['2024-03-01', 408, 807, 166, 36],
    ['合同终止日期', 658, 797, 161, 41],
    ['2027-02-28', 883, 788, 180, 42],
    ['签订日期：2024-02-26', 284, 1211, 285, 50],
  ];

  it('reads the two lines joined, top first, flagged', () => {
    const doc = read(lines);
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.employerName.value).toBe('宁波海曙恒远智能物流服务有限公司');
    expect(doc.fields.employerName.needsReview).toBe(true);
  });
});

describe('a grid header boxed as one line over several columns', () => {
  // A proc-E grid photo: the header `乙方（劳动者）姓名身份证号码联系电` boxed as one line (its `话` apart), the name
  // under its start tight over the next row's `合同期限自` caption, whose own value stands a little further under it.
  const lines: Line[] = [
    ['劳动合同书', 520, 252, 212, 48],
    ['用人单位', 540, 347, 179, 35],
    ['宁波海曙恒远物流有限公司', 259, 391, 375, 36],
    ['统一社会信用代码', 539, 443, 179, 34],
    ['法定代表人', 260, 543, 184, 29],
    ['乙方（劳动者）姓名身份证号码联系电', 451, 541, 514, 38],
    ['话', 965, 552, 23, 22],
    ['钱立新', 261, 591, 94, 31],
    ['孙伟', 450, 589, 53, 35],
    ['合同类型', 262, 636, 85, 34],
    ['合同期限自', 451, 638, 188, 32],
    ['合同终止日期', 639, 638, 200, 34],
    ['固定期限', 262, 685, 93, 31],
    ['2024.3.1', 451, 687, 104, 29],
    ['2027年2月28日', 636, 687, 140, 28],
    ['签订日期：2024-02-26', 255, 1029, 219, 33],
  ];

  it('reads the name under the header’s first label', () => {
    const doc = read(lines);
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.employeeName.value).toBe('孙伟');
    expect(doc.fields.startDate.value).toBe('2024-03-01');
  });
});
