import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { enginePage, type Line } from './support/text-lines.js';

// Issue 12 class 7, a social-insurance record's table. A partnership's form is printed after its name with a space
// (`杭州北山电子商务合伙企业 (有限合伙)`); the row's cells were parted at every space, so the current employer lost
// its form, read sure: a wrong value nobody was asked to check.

function record(employer: string): Line[] {
  return [
    ['浙江省社会保险参保缴费记录', 520, 200, 610, 52],
    ['参保人员姓名', 220, 330, 175, 40],
    ['徐梓明', 485, 325, 112, 44],
    ['身份证件号码', 110, 395, 200, 36],
    ['330105198410167373', 487, 390, 430, 40],
    ['序号', 140, 625, 64, 42],
    ['单位名称', 540, 625, 110, 42],
    ['起始年月', 1004, 625, 110, 42],
    ['截止年月', 1198, 625, 112, 42],
    ['险种', 1415, 625, 63, 42],
    ['1', 159, 697, 23, 25],
    [employer, 368, 691, 440, 37],
    ['2017-07', 1011, 692, 97, 35],
    ['2021-11', 1203, 693, 98, 33],
    ['养老保险', 1391, 690, 111, 40],
    ['2', 156, 754, 28, 33],
    ['杭州汇通家政服务股份有限公司', 418, 751, 355, 38],
    ['2014-04', 1008, 749, 103, 40],
    ['2017-06', 1202, 750, 102, 38],
    ['养老保险', 1391, 748, 110, 42],
    ['合计:92个月', 110, 888, 170, 40],
  ];
}

describe('an employer’s form printed after its name with a space, in a record’s table', () => {
  it('stays part of the employer’s name', () => {
    const [doc] = extractDocuments([enginePage(record('杭州北山电子商务合伙企业 (有限合伙)'))], { today: '2026-12-07' });
    expect(doc.type).toBe('social_insurance_record');
    expect(doc.fields.employerName?.value).toBe('杭州北山电子商务合伙企业(有限合伙)');
    expect(doc.fields.employerName?.source?.raw).toBe('杭州北山电子商务合伙企业 (有限合伙)');
    expect(doc.fields.monthsPaid?.value).toBe(92);
  });
});
