import { describe, expect, it } from 'vitest';
import { findMonths, monthsBetween, normaliseText, parseDate, parseLevel, parseMonth } from '../../shared/extraction/index.js';

describe('normaliseText', () => {
  it('turns full-width digits, letters and punctuation half-width', () => {
    expect(normaliseText('２０２１年０６月（三级）：ＡＢ')).toBe('2021年06月(三级):AB');
  });

  it('reads the radical 丶 between words as the enumeration comma it stands for', () => {
    expect(normaliseText('高处安装丶维护丶拆除作业')).toBe('高处安装、维护、拆除作业');
  });

  it('removes the spaces OCR puts between single Chinese characters', () => {
    expect(normaliseText('姓 名：王 晓 明')).toBe('姓名:王晓明');
    expect(normaliseText('姓　　名 王晓明')).toBe('姓名 王晓明');
  });

  it('keeps the space between two words so a value and the next label stay apart', () => {
    expect(normaliseText('姓名：王晓明 性别：男')).toBe('姓名:王晓明 性别:男');
  });
});

describe('parseDate', () => {
  it.each([
    ['2021年06月18日', '2021-06-18'],
    ['2021年6月18日', '2021-06-18'],
    ['2021 年 6 月 8 日', '2021-06-08'],
    ['二〇二一年六月十八日', '2021-06-18'],
    ['二〇二〇年十二月二十日', '2020-12-20'],
    ['二〇一九年四月三十一日', null],
    ['2021.06.18', '2021-06-18'],
    ['2021-06-18', '2021-06-18'],
    ['2021/6/18', '2021-06-18'],
    ['20210618', '2021-06-18'],
    ['2021年2月30日', null],
  ])('reads %s as %s', (text, expected) => {
    expect(parseDate(text, { compact: true })).toBe(expected);
  });
});

describe('parseMonth / findMonths', () => {
  it.each([
    ['201503', '2015-03'],
    ['2015.03', '2015-03'],
    ['2015-03', '2015-03'],
    ['2015/3', '2015-03'],
    ['2015年3月', '2015-03'],
  ])('reads %s as %s', (text, expected) => {
    expect(parseMonth(text)).toBe(expected);
  });

  it('reads both ends of a joined range in every style', () => {
    for (const text of ['2015.03-2017.06', '2015-03-2017-06', '201503-201706', '2015年3月至2017年6月']) {
      expect(findMonths(text).map((m) => m.value)).toEqual(['2015-03', '2017-06']);
    }
  });

  it('does not take a full date for a month', () => {
    expect(parseMonth('2021.06.18')).toBeNull();
  });

  it('counts months with both ends included', () => {
    expect(monthsBetween('2015-03', '2017-06')).toBe(28);
  });
});

describe('parseLevel', () => {
  it.each([
    ['一级', 1],
    ['高级技师', 1],
    ['国家职业资格一级', 1],
    ['二级/技师', 2],
    ['技师', 2],
    ['国家职业资格二级', 2],
    ['三级（高级工）', 3],
    ['高级工', 3],
    ['四级/中级工', 4],
    ['中级工', 4],
    ['五级', 5],
    ['初级工', 5],
    ['学徒工', 'apprentice'],
    ['特级技师', 'principal_technician'],
    ['首席技师', 'chief_technician'],
    ['高级', 3],
    ['中级', 4],
    ['初级', 5],
  ])('reads %s as %s', (text, expected) => {
    expect(parseLevel(text)?.value).toBe(expected);
  });

  it('marks a level named twice consistently as corroborated and inconsistently as such', () => {
    expect(parseLevel('二级/技师')).toEqual({ value: 2, corroborated: true, inconsistent: false });
    expect(parseLevel('二级/高级工')?.inconsistent).toBe(true);
  });

  it('returns null when no level is named', () => {
    expect(parseLevel('电工')).toBeNull();
  });
});
