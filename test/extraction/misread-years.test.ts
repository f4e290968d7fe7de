import { describe, expect, it } from 'vitest';
import { extractDocuments } from '../../shared/extraction/index.js';
import { DATE_YEAR_MISREAD, findMisreadYearDate } from '../../shared/extraction/misread-years.js';
import { enginePage, type Line } from './support/text-lines.js';

describe('a year in Chinese numerals whose 二 the engine misread', () => {
  it('reads `三〇一九年` and `一〇二一年` as this century’s years', () => {
    expect(findMisreadYearDate('签订日期:三〇一九年十一月二十一日')).toBe('2019-11-21');
    expect(findMisreadYearDate('一〇二一年三月五日')).toBe('2021-03-05');
  });

  it('reads a year in Arabic digits whose 2 was read 3 (`3020年`, `3019.06.01`) as this century’s year', () => {
    expect(findMisreadYearDate('发证日期:3020年12月23日')).toBe('2020-12-23');
    expect(findMisreadYearDate('3019.06.01')).toBe('2019-06-01');
  });

  it('leaves numbers that are no year: an amount, a house number, a code', () => {
    expect(findMisreadYearDate('注册资本3050万元')).toBeUndefined();
    expect(findMisreadYearDate('文三路3021号')).toBeUndefined();
    expect(findMisreadYearDate('ZX30201233')).toBeUndefined();
  });

  it('leaves years that need no mending, and dates that do not parse once mended', () => {
    expect(findMisreadYearDate('二〇一九年十一月二十一日')).toBeUndefined();
    expect(findMisreadYearDate('三〇一九年十三月二十一日')).toBeUndefined();
    expect(findMisreadYearDate('第三〇一条')).toBeUndefined();
  });

  it('flags a contract’s signing date read from a mended year', () => {
    // A labour contract scanned clean (seen-family sample seed 9593): `二〇一九` read `三〇一九` beside 签订日期.
    const lines: Line[] = [
      ['劳动合同', 600, 150, 400, 70],
      ['甲方(用人单位):杭州西溪科技有限公司', 170, 300, 700, 45],
      ['乙方(劳动者):余桂佳', 170, 380, 400, 45],
      ['合同期限:2019年11月29日至2020年11月28日', 170, 460, 800, 45],
      ['甲方(盖章)', 172, 1419, 214, 44],
      ['乙方(签字):', 824, 1416, 231, 49],
      ['签订日期:三〇一九年十一月二十一日', 168, 1480, 598, 57],
    ];
    const signed = extractDocuments([enginePage(lines)], {})[0].fields.signedDate;
    expect(signed.value).toBe('2019-11-21');
    expect(signed.needsReview).toBe(true);
    expect(signed.issues).toContain(DATE_YEAR_MISREAD);
  });

  it('flags a certificate’s issue date read from a year whose 2 was read 3', () => {
    // A noisy scan of a special-ability certificate (held-out sample v24): `2020年` read `3020年` beside 发证日期.
    const lines: Line[] = [
      ['专项职业能力证书', 614, 169, 546, 64],
      ['持证人姓名', 193, 315, 158, 42],
      ['身份证号', 773, 316, 159, 44],
      ['邓梅', 191, 359, 88, 50],
      ['330108199810028675', 773, 365, 361, 40],
      ['专项能力名称', 196, 433, 185, 45],
      ['网络直播营销', 193, 479, 224, 48],
      ['发证单位', 192, 549, 188, 44],
      ['杭州市职业能力建设指导服务中心', 194, 594, 600, 48],
      ['发证日期:3020年12月23日', 1122, 825, 458, 40],
    ];
    const issued = extractDocuments([enginePage(lines)], {})[0].fields.issueDate;
    expect(issued.value).toBe('2020-12-23');
    expect(issued.needsReview).toBe(true);
    expect(issued.issues).toContain(DATE_YEAR_MISREAD);
  });
});
