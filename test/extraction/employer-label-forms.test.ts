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

describe('a labour contract sealed beside 甲方(盖章)', () => {
  it('reads the employer printed beside its own label, not the seal’s lettering beside the sealing remark', () => {
    // A leader form: the employer's name set flush right and wrapped; at the foot, `甲方 (盖章)：` with the seal over
    // it, its ring read in pieces (`不南屏茶艺文化`, `有限公司`). Both labels name the first party, but a seal's
    // lettering is read in pieces if at all: the name printed for the label wins (v20's turned leader contract).
    const lines: Line[] = [
      ['劳动合同 (简易版)', 467, 212, 668, 68],
      ['单位名称：', 138, 350, 293, 46],
      ['杭州南屏茶艺文', 1274, 350, 244, 45],
      ['化有限公司', 1342, 396, 175, 46],
      ['统一社会信用代码：', 138, 466, 290, 45],
      [CODE, 1208, 472, 309, 36],
      ['劳动者姓名：', 136, 718, 296, 45],
      ['程思远', 1405, 718, 114, 46],
      ['身份证号码：', 141, 793, 290, 43],
      [ID, 1206, 791, 312, 41],
      ['用工起始日：', 142, 1003, 290, 35],
      ['二〇二〇年八月十九日', 1175, 998, 340, 42],
      ['合同终止日期：', 138, 1067, 290, 45],
      ['2025年08月18日', 1191, 1067, 324, 42],
      ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 141, 1220, 903, 41],
      ['不南屏茶艺文化', 421, 1424, 217, 85],
      ['甲方 (盖章)：', 139, 1470, 208, 44],
      ['乙方 (签字):', 825, 1470, 205, 44],
      ['有限公司', 592, 1457, 103, 146],
      ['订立日期：2020年08月18日', 139, 1542, 489, 40],
    ];
    const doc = extractDocuments([page(lines)], { today: TODAY })[0];
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.employerName.value).toBe('杭州南屏茶艺文化有限公司');
  });
});
