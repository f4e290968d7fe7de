import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { enginePage, type Line } from './support/text-lines.js';

// A social-insurance record whose `参保人` label a watermark covered (issue 12; idrec18): on a noisy scan of a seen
// family (pool set keystone12/guard) the engine read `苏雪飞` alone, left of `公民身份号码`, its label lost under
// `仅供本次申报使用`. Rebuilt on constructed engine lines with values of their own; no eval file is read.

const record = (extra: Line[] = []): Line[] => [
  ['杭州市社会保险参保缴费证明', 466, 131, 610, 62],
  ['(个人)', 1076, 140, 166, 58],
  ['柏立新', 436, 245, 117, 51],
  ['公民身份号码', 880, 254, 218, 52],
  ['330106198203152415', 1109, 264, 326, 42],
  ['参保状态', 195, 311, 230, 57],
  ['正常参保', 438, 318, 150, 52],
  ['性别男', 990, 328, 172, 53],
  ['单位名称', 382, 430, 132, 48],
  ['起始年月', 702, 437, 135, 46],
  ['截止年月', 859, 440, 135, 48],
  ['缴费月数', 1030, 440, 135, 48],
  ['杭州新锐餐饮管理股份有限公司', 272, 520, 400, 41],
  ['2013.10', 702, 520, 120, 36],
  ['2021.07', 859, 520, 120, 36],
  ['94', 1061, 520, 50, 38],
  ['合计：94个月', 195, 640, 244, 48],
  ...extra,
];
const read = (lines: readonly Line[]) => extractDocuments([enginePage(lines, { size: { width: 1696, height: 2370 } })], { today: '2026-12-06' })[0];

describe("a record's insured person whose label was lost", () => {
  it("reads the one whole name standing at the left of the values' column above the table, flagged label_inferred", () => {
    const doc = read(record());
    expect(doc.fields.personName.value).toBe('柏立新');
    expect(doc.fields.personName.issues).toContain('label_inferred');
    expect(doc.fields.personName.needsReview).toBe(true);
  });

  it('reads no name when two whole names stand in that column', () => {
    const doc = read(record([['贺一嘉', 438, 380, 117, 51]]));
    expect(doc.fields.personName.value).toBeNull();
  });

  it('takes no name that another label stands before on its row (`经办人` 贺一嘉)', () => {
    const lines = record().map((l): Line => (l[0] === '柏立新' ? ['经办人', 195, 245, 150, 51] : l));
    const doc = read([...lines, ['贺一嘉', 436, 245, 117, 51]]);
    expect(doc.fields.personName.value ?? null).not.toBe('贺一嘉');
  });

  it('takes no name with a stray mark where its label was printed (a lone `名`, a seal’s letter)', () => {
    const doc = read(record([['名', 330, 250, 30, 30]]));
    expect(doc.fields.personName.value).toBeNull();
  });

  it('takes no name from below the top of the table', () => {
    const lines = record().filter((l) => l[0] !== '柏立新');
    const doc = read([...lines, ['柏立新', 438, 700, 117, 51]]);
    expect(doc.fields.personName.value).toBeNull();
  });
});

// A record whose fill-in was printed a row low (issue 12 class 5; idrec19, seen record/proc-CS fold and perspective
// photos): `姓名` alone on its row, the name boxed after the next row's label (`参保状态金嘉宇`).
const shifted = (glued: string): Line[] => [
  ['杭州市社会保险参保缴费证明（个人）', 347, 227, 409, 38],
  ['姓名', 181, 283, 97, 31],
  ['身份证号码', 560, 292, 105, 25],
  [glued, 183, 315, 164, 32],
  ['性', 558, 325, 23, 23],
  ['别', 625, 327, 24, 22],
  ['330110199412281159', 675, 324, 167, 24],
  ['参保缴费', 288, 348, 75, 27],
  ['男', 677, 356, 19, 19],
  ['单位名称', 282, 380, 69, 26],
  ['起始年月', 455, 383, 67, 23],
  ['截止年月', 550, 384, 64, 22],
  ['缴费月数', 642, 385, 67, 25],
  ['杭州西溪建筑工程有限公司', 221, 417, 191, 23],
  ['2016.04', 455, 417, 60, 23],
  ['2021.09', 550, 417, 60, 23],
  ['66', 660, 417, 24, 23],
  ['合计：66个月', 181, 470, 120, 26],
];
const readShifted = (lines: readonly Line[]) => extractDocuments([enginePage(lines, { size: { width: 1136, height: 1511 } })], { today: '2026-12-06' })[0];

describe('a record’s insured person printed a row low, glued after the next row’s label', () => {
  it('reads the whole name after a label whose values are never names (`参保状态金嘉宇`), flagged', () => {
    const doc = readShifted(shifted('参保状态金嘉宇'));
    expect(doc.fields.personName.value).toBe('金嘉宇');
    expect(doc.fields.personName.issues).toContain('value_off_row_inferred');
    expect(doc.fields.personName.needsReview).toBe(true);
  });

  it('reads it after an ID number’s label too (`身份证号码孔敏林`)', () => {
    expect(readShifted(shifted('身份证号码孔敏林')).fields.personName.value).toBe('孔敏林');
  });

  it('takes no name after a label whose value is a person (`经办人金嘉宇`)', () => {
    expect(readShifted(shifted('经办人金嘉宇')).fields.personName.value ?? null).toBeNull();
  });

  it('takes no status word or partial name glued there', () => {
    expect(readShifted(shifted('参保状态参保缴费')).fields.personName.value ?? null).toBeNull();
  });
});
