import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { creditCode, residentId } from './support/documents.js';
import { textLayerPage as page, type Line } from './support/text-lines.js';

// Issue 12, class 5: once a watermark over a letter-spaced name is lifted, the detector may box two of its
// characters together and the third alone (`邱思` `雨`, seen on a procedural-v3-dev-scan2 clean scan). Built on
// constructed OCR lines with values of their own: no eval file is read here.

const TODAY = '2026-12-04';
const readOne = (lines: readonly Line[]) => extractDocuments([page(lines)], { today: TODAY })[0];

const employeeId = residentId('19880214', '330104', '316');
const employerCode = creditCode('7KD3N5W2R', '330106');

const TITLE: Line = ['劳动合同书', 600, 130, 430, 69];
const EMPLOYER: Line[] = [
  ['用人单位名称：', 140, 290, 250, 35],
  ['杭州湖滨精密仪器有限公司', 420, 290, 420, 35],
  ['统一社会信用代码：', 880, 290, 320, 35],
  [employerCode, 1220, 290, 330, 37],
];
const TAIL: Line[] = [
  ['合同期限：2020年5月8日至2023年5月7日', 140, 700, 700, 35],
  ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 140, 900, 958, 32],
  ['甲方（盖章）：', 140, 1200, 243, 36],
  ['乙方（签字）：', 827, 1200, 243, 36],
  ['签订日期：2020年5月6日', 140, 1270, 400, 36],
];

describe('a spread name the detector boxed as a pair and a lone character', () => {
  it('reads the pair and the lone character at about the pair’s spacing as one name', () => {
    // 姚 思 雨 at a 70-px pitch (35-px type): 姚思 in one box 105 px wide, 雨 alone 35 px after it.
    const doc = readOne([
      TITLE,
      ...EMPLOYER,
      ['受聘人：', 140, 530, 150, 35],
      ['姚思', 320, 530, 105, 35],
      ['雨', 460, 530, 35, 35],
      ['居民身份证号码：', 832, 530, 300, 35],
      [employeeId, 1142, 530, 347, 37],
      ...TAIL,
    ]);
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.employeeName.value).toBe('姚思雨');
  });

  it('keeps a name in a tight box as it is: the lone character far beyond it is not part of it', () => {
    const doc = readOne([
      TITLE,
      ...EMPLOYER,
      ['受聘人：', 140, 530, 150, 35],
      ['姚思雨', 320, 530, 105, 35],
      ['男', 700, 530, 35, 35],
      ['居民身份证号码：', 832, 530, 300, 35],
      [employeeId, 1142, 530, 347, 37],
      ...TAIL,
    ]);
    expect(doc.fields.employeeName.value).toBe('姚思雨');
  });
});

describe('a spread name whose last character the detector boxed wide, touching the one before', () => {
  it('reads the run before it but flags it: the touching character may be the name’s last', () => {
    // 马 婷 萱 at a 60-px pitch; 萱's box (taller, 64 px wide) reaches back to 婷's end.
    const doc = readOne([
      TITLE,
      ...EMPLOYER,
      ['受聘人：', 140, 530, 150, 33],
      ['马', 320, 530, 33, 33],
      ['婷', 380, 531, 33, 33],
      ['萱', 412, 527, 64, 39],
      ['居民身份证号码：', 832, 530, 300, 35],
      [employeeId, 1142, 530, 347, 37],
      ...TAIL,
    ]);
    const name = doc.fields.employeeName;
    expect(name.value).toMatch(/^马婷/);
    expect(name.needsReview).toBe(true);
  });
});
