import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { company, person } from './support/documents.js';
import { textLayerPage as page, type Line } from './support/text-lines.js';

// Issue 12, where values sit (labels12c): a value on a fill-in line with its label under it as a caption, leader dots
// or underscores between a label and its value, labels spaced with ASCII spaces, branch licences (负责人, 营业场所)
// whose long address wraps in a two-column grid. Constructed OCR lines with their own values; no eval file is read.

const TODAY = '2026-12-05';
const readOne = (lines: readonly Line[]) => extractDocuments([page(lines)], { today: TODAY })[0];

const recordTail: Line[] = [
  ['序号', 141, 657, 57, 30],
  ['单位名称', 431, 657, 115, 30],
  ['起始年月', 791, 657, 115, 30],
  ['截止年月', 989, 657, 115, 30],
  ['缴费月数', 1187, 657, 115, 30],
  ['1', 162, 722, 14, 30],
  [company.name, 316, 722, 345, 30],
  ['2014.08', 798, 722, 100, 30],
  ['2021.10', 996, 722, 100, 30],
  ['87', 1230, 722, 29, 30],
];

describe('a value on a fill-in line, its label under the line as a caption', () => {
  it('reads a name over its bracketed caption a ruled line apart, nothing beside the caption', () => {
    const doc = readOne([
      ['社会保险个人参保证明', 576, 171, 500, 49],
      [person.name, 171, 292, 96, 33],
      ['（姓　　　　名）', 110, 347, 217, 28],
      ['公民身份号码：', 110, 411, 224, 33],
      [person.id, 365, 411, 287, 33],
      ...recordTail,
    ]);
    expect(doc.type).toBe('social_insurance_record');
    expect(doc.fields.personName.value).toBe(person.name);
    expect(doc.fields.idNumber.value).toBe(person.id);
  });

  it('reads each of a row of captioned values for its own caption, never the caption over it', () => {
    // Two captioned rows stacked: the second value sits under the first caption, which names the line above it.
    const doc = readOne([
      ['社会保险个人参保证明', 576, 171, 500, 49],
      [person.name, 171, 262, 96, 33],
      ['（姓名）', 150, 317, 120, 28],
      [person.id, 140, 372, 287, 33],
      ['（公民身份号码）', 150, 427, 260, 28],
      ...recordTail,
    ]);
    expect(doc.fields.personName.value).toBe(person.name);
    expect(doc.fields.idNumber.value).toBe(person.id);
  });
});

describe('branch licences: a value stacked over its label in a two-column grid', () => {
  const licenceHead: Line[] = [
    ['营业执照', 951, 287, 411, 86],
    ['统一社会信用代码', 110, 478, 255, 32],
    [`${company.code} (2-1)`, 557, 478, 459, 35],
    ['名　　　　　　称', 1198, 478, 255, 32],
    ['杭州西子智能科技有限公司西湖分公司', 1485, 478, 560, 32],
    ['负　责　人', 1198, 676, 160, 32],
    [`………………………………${person.name}`, 1485, 676, 500, 32],
  ];

  it('reads an address wrapped over two lines right above 营业场所, the label over it having its date beside it', () => {
    const doc = readOne([
      ...licenceHead,
      ['成 立 日 期', 110, 747, 152, 35],
      ['………………………………2008年10月06日', 557, 747, 610, 35],
      ['浙江省杭州市西湖区古墩路36', 110, 818, 419, 35],
      ['3号14幢603室', 110, 859, 200, 35],
      ['营　　　业　　　场　　　所', 110, 903, 415, 32],
      ['经　　　营　　　范　　　围', 110, 972, 415, 32],
      ['一般项目：技术服务、技术开发。', 557, 972, 700, 32],
    ]);
    expect(doc.type).toBe('business_license');
    expect(doc.fields.legalRepresentative.value).toBe(person.name);
    expect(doc.fields.establishedDate.value).toBe('2008-10-06');
    expect(doc.fields.address.value).toBe('浙江省杭州市西湖区古墩路363号14幢603室');
  });

  it('never reads for 成立日期 over an address with nothing beside it the address under it', () => {
    // Labels over their values: the address under 成立日期 is no date, and the one over 营业场所 still is its.
    const doc = readOne([
      ...licenceHead,
      ['成 立 日 期', 110, 747, 152, 35],
      ['浙江省杭州市西湖区古墩路363号', 110, 800, 450, 35],
      ['营　　　业　　　场　　　所', 110, 845, 415, 32],
      ['经　　　营　　　范　　　围', 110, 972, 415, 32],
      ['一般项目：技术服务、技术开发。', 557, 972, 700, 32],
    ]);
    expect(doc.fields.establishedDate.value).toBeNull();
  });
});

describe('a wrapped value whose lines are boxed taller than their pitch (a curled photo)', () => {
  it('never joins a wrapped line past one it passed over inside the line before: the value is flagged', () => {
    const doc = readOne([
      ['营业执照', 532, 295, 499, 108],
      ['统一社会信用代码', 135, 192, 248, 36],
      [company.code, 383, 196, 378, 29],
      ['名称', 172, 450, 80, 45],
      [company.name, 352, 450, 400, 45],
      ['浙江省杭州市西湖区三墩镇紫', 952, 795, 410, 94],
      ['霞街690号文新智谷产业园8', 952, 841, 394, 90],
      ['住所', 849, 844, 107, 53],
      ['幢11层2302室', 951, 910, 216, 61],
      ['成立日期', 172, 1008, 161, 46],
      ['2007年09月10日', 352, 1008, 245, 38],
    ]);
    const address = doc.fields.address;
    expect(address.value === null || address.needsReview).toBe(true);
    expect(address.value).not.toBe('浙江省杭州市西湖区三墩镇紫幢11层2302室');
  });
});
