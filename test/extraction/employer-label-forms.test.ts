import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { creditCode, residentId } from './support/documents.js';
import { textLayerPage as page, type Line } from './support/text-lines.js';

// Issue 12, class 4 (other kinds of the same document): an employer's own contract names its side `用工单位`, plain
// or spread (`用 工 单 位`). The reader knew only 用人单位/甲方/单位名称 for a labour contract, so the employer was not
// found on two digital samples. Constructed lines with values of their own: no eval file is read here.

const TODAY = '2026-12-05';
const CODE = creditCode('5RK2W8M3T', '330102');
const ID = residentId('19920318', '330102', '415');

const contract = (head: readonly Line[]): Line[] => [
  ['劳动合同书', 637, 135, 362, 56],
  ...head,
  ['法定代表人', 118, 353, 175, 31],
  ['周明华', 335, 353, 90, 31],
  [`，劳动者姓名　程思远，证件号码　${ID}`, 118, 420, 1100, 31],
  ['，合同类型　固定期限，起始日期　2021年3月1日，合同终止日期　2024年2月29日', 118, 486, 1300, 31],
  ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 118, 600, 996, 31],
  ['签订日期：2021年2月26日', 118, 1400, 500, 31],
];

describe('a labour contract whose employer is labelled 用工单位', () => {
  it('reads the employer after the label run on in prose', () => {
    const doc = extractDocuments([page(contract([[`用工单位杭州南屏茶艺文化有限公司，社会信用代码　${CODE}`, 118, 286, 1200, 31]]))], {
      today: TODAY,
    })[0];
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.employerName.value).toBe('杭州南屏茶艺文化有限公司');
    expect(doc.fields.employerCreditCode.value).toBe(CODE);
  });

  it('reads it after the label spread one character a box', () => {
    const doc = extractDocuments(
      [
        page(
          contract([
            ['用', 118, 286, 31, 31],
            ['工', 190, 286, 31, 31],
            ['单', 262, 286, 31, 31],
            [`位杭州南屏茶艺文化有限公司，社会信用代码　${CODE}`, 334, 286, 1150, 31],
          ]),
        ),
      ],
      { today: TODAY },
    )[0];
    expect(doc.fields.employerName.value).toBe('杭州南屏茶艺文化有限公司');
  });
});
