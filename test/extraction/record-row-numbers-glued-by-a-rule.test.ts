import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { person } from './support/documents.js';
import { scanPage, type Line } from './support/text-lines.js';

// curl24: on a curled photo of a social-insurance record the engine boxed a row's number with its employer and read
// the table's vertical rule between them as a stroke (`1丨杭州明达电气设备有限公司`): the row kept no employer of its
// own, took the next row's, and the spans came out of order. Constructed lines; no eval file is read here.

const read = (lines: readonly Line[]) => extractDocuments([scanPage(lines)], { today: '2026-12-06' })[0];

const record = (firstEmployerCell: string) =>
  read([
    ['参保人员缴费情况表', 504, 283, 421, 43],
    ['姓名', 83, 375, 83, 45],
    [person.name, 235, 375, 112, 45],
    ['公民身份号码', 692, 385, 200, 41],
    [person.id, 1036, 391, 329, 34],
    ['序号', 92, 537, 83, 45],
    ['单位名称', 326, 543, 125, 37],
    ['起始年月', 610, 550, 124, 41],
    ['截止年月', 747, 552, 128, 42],
    ['缴费月数', 888, 552, 131, 45],
    ['险种', 1147, 552, 71, 42],
    [firstEmployerCell, 120, 615, 446, 40],
    ['2015-08', 615, 615, 118, 36],
    ['2021-09', 756, 618, 116, 37],
    ['74', 930, 618, 50, 40],
    ['企业职工基本养老保险', 1036, 619, 291, 34],
    ['2', 121, 677, 26, 31],
    ['杭州龙井信息技术股份有限公司', 178, 677, 418, 40],
    ['2013-02', 617, 677, 116, 36],
    ['2015-04', 756, 680, 116, 37],
    ['27', 931, 681, 47, 40],
    ['企业职工基本养老保险', 1035, 680, 295, 40],
    ['合计:101个月', 86, 750, 222, 45],
  ]);

describe('a record row whose number the engine glued to its employer across the table’s rule', () => {
  it('reads the employer after the rule read as a stroke, as after a space', () => {
    for (const cell of ['1丨杭州明达电气设备有限公司', '1|杭州明达电气设备有限公司']) {
      const doc = record(cell);
      expect(doc.fields.employerName.value).toBe('杭州明达电气设备有限公司');
      expect(doc.fields.periodStart.value).toBe('2013-02');
      expect(doc.fields.periodEnd.value).toBe('2021-09');
    }
  });
});
