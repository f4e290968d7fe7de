import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import type { OcrPage } from '../../shared/ocr/index.js';
import { creditCode, residentId } from './support/documents.js';

// Classes behind the labour-contract fields the reader missed on layouts that spread labels and values character by
// character (issues 12 and 19, development samples procedural-v3-dev2, dev4 and dev6; procedural-v3 itself never
// opened). Built on constructed OCR lines with values of their own: no eval file is read here.

const TODAY = '2026-12-04';
type Line = [text: string, x: number, y: number, width: number, height: number];

function page(lines: readonly Line[]): OcrPage {
  return {
    pageNumber: 1,
    width: 1653,
    height: 2339,
    rotation: 0,
    source: 'text_layer',
    lines: lines.map(([text, x, y, width, height]) => ({ text, confidence: 1, box: { x, y, width, height } })),
  };
}
const readOne = (lines: readonly Line[]) => extractDocuments([page(lines)], { today: TODAY })[0];

/** One box per character, `pitch` pixels from the start of one to the start of the next. */
function spread(text: string, x: number, y: number, pitch: number, size = 35): Line[] {
  return [...text].map((ch, i) => [ch, x + i * pitch, y, size, size]);
}

const employeeId = residentId('19910305', '330104', '218');
const employerCode = creditCode('4HX2M8P1Q', '330106');

const TITLE: Line = ['劳动合同书', 600, 130, 430, 69];
const TAIL: Line[] = [
  ['一、乙方同意根据甲方工作需要，在上述岗位工作，服从甲方管理。', 140, 900, 958, 32],
  ['二、甲方依法为乙方缴纳社会保险费。', 140, 955, 543, 32],
  ['甲方（盖章）：', 140, 1200, 243, 36],
  ['乙方（签字）：', 827, 1200, 243, 36],
  ['签订日期：2020年5月6日', 140, 1270, 400, 36],
];
const EMPLOYER: Line[] = [
  ['用人单位名称：', 140, 290, 250, 35],
  ['杭州湖滨精密仪器有限公司', 420, 290, 420, 35],
  ['统一社会信用代码：', 880, 290, 320, 35],
  [employerCode, 1220, 290, 330, 37],
];
const TERM: Line[] = [['合同期限：2020年5月8日至2023年5月7日', 140, 700, 700, 35]];

describe('a name spread character by character beside its label', () => {
  it('reads the even run of lone characters after a letter-spaced label as one name', () => {
    // The label is spread at its own pitch (121 px); the name at a tighter one (73 px); the next label stands apart.
    const doc = readOne([
      TITLE,
      ...EMPLOYER,
      ...spread('受聘人', 134, 530, 121),
      ...spread('范思远', 495, 530, 73),
      ['居民身份证号码', 832, 530, 278, 35],
      [employeeId, 1142, 530, 347, 37],
      ...TERM,
      ...TAIL,
    ]);
    expect(doc.type).toBe('labor_contract');
    expect(doc.fields.employeeName.value).toBe('范思远');
  });

  it('ends a run at one pitch where a known label begins, taking none of its characters', () => {
    // Name and label set at the same pitch: the label's characters are found first, the name is what is left.
    const doc = readOne([
      TITLE,
      ...EMPLOYER,
      ['受聘人：', 134, 530, 150, 35],
      ...spread('范思远身份证号码', 320, 530, 73),
      [`：${employeeId}`, 900, 530, 380, 37],
      ...TERM,
      ...TAIL,
    ]);
    expect(doc.fields.employeeName.value).toBe('范思远');
    expect(doc.fields.employeeIdNumber.value).toBe(employeeId);
  });
});

describe('a spread name after a label that ends its row', () => {
  it('reads the spread run that opens the next row, and flags the guess', () => {
    const doc = readOne([
      TITLE,
      ...EMPLOYER,
      ['地　　　　　　址:', 140, 538, 288, 31],
      ['浙江省杭州市西湖区文三路88号', 515, 538, 600, 31],
      ['劳动者姓名:', 1219, 538, 253, 31],
      ...spread('岑佳怡', 229, 609, 66, 31),
      ...spread('居民身份证号码', 606, 609, 66, 31),
      [':', 1065, 609, 8, 31],
      [employeeId, 1120, 609, 306, 31],
      ...TERM,
      ...TAIL,
    ]);
    const name = doc.fields.employeeName;
    expect(name.value).toBe('岑佳怡');
    expect(name.needsReview).toBe(true);
  });

  it('reads a name whose first character stayed on the label row before the rest wrapped to the margin, and flags it', () => {
    // `职工姓名:　欧` | `阳　明　轩　身份证号码…`: the next character would not fit before the text's right edge.
    const doc = readOne([
      TITLE,
      ...EMPLOYER,
      ['地　　　　　　址:', 197, 592, 307, 36],
      ['浙江省杭州市西湖区中山路25', 541, 592, 461, 36],
      ['职　工　姓　名:', 1039, 592, 344, 36],
      ['欧', 1422, 592, 35, 36],
      ['0号14幢1301室', 541, 671, 226, 36],
      ...spread('阳明轩', 197, 750, 85, 36),
      ...spread('身份证号码', 660, 750, 85, 36),
      [`: ${employeeId}`, 1086, 750, 440, 36],
      ['联　系　电　话:', 197, 831, 325, 36],
      ['15635413794', 551, 831, 191, 36],
      ['合　同　类　型:', 779, 831, 413, 36],
      ['无固定期限', 1224, 831, 302, 36],
      ...TAIL,
    ]);
    const name = doc.fields.employeeName;
    expect(name.value).toBe('欧阳明轩');
    expect(name.needsReview).toBe(true);
  });
});

describe('a label spread character by character with its brackets', () => {
  it('finds the employer after `甲 方 （ 用 人 单 位 ） 名 称 :`', () => {
    const doc = readOne([
      TITLE,
      ...spread('甲方（用人单位）名称', 181, 327, 95, 31),
      [':', 1134, 327, 8, 31],
      ['杭州湖滨精密仪器有限公司', 1198, 327, 380, 31],
      ['统一社会信用代码:', 181, 467, 335, 31],
      [employerCode, 563, 467, 326, 31],
      ['劳动者姓名:', 181, 538, 253, 31],
      ['岑佳怡', 470, 538, 100, 31],
      ['居民身份证号码:', 606, 538, 300, 31],
      [employeeId, 950, 538, 306, 31],
      ...TERM,
      ...TAIL,
    ]);
    expect(doc.fields.employerName.value).toBe('杭州湖滨精密仪器有限公司');
  });
});
