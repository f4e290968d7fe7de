import { describe, expect, it } from 'vitest';
import { describeFailure } from '../../shared/intake/index.js';
import { parseRoster, rosterDate, RosterMissingColumnsError, RosterUnreadableError } from '../../shared/batches/index.js';
import { HEADERS, people, rosterCsvGbk, rosterXlsx } from './roster-factory.js';

describe('parseRoster', () => {
  it('finds the header under a merged title row and reads each person with level and date normalised', async () => {
    const roster = await parseRoster(await rosterXlsx(people(2)));
    expect(roster.rows).toEqual([
      {
        rowNumber: 3,
        holderName: '王晓明',
        idNumber: '330106199001011000',
        occupation: '电工',
        level: 4,
        certificateNumber: 'S00003301000100000',
        issueDate: '2026-05-12',
        employer: '杭州西湖职业培训学校',
        issues: [],
      },
      {
        rowNumber: 4,
        holderName: '李娜',
        idNumber: '330106199001011001',
        occupation: '养老护理员',
        level: 3,
        certificateNumber: 'S00003301000100001',
        issueDate: '2026-05-13',
        employer: '杭州西湖职业培训学校',
        issues: [],
      },
    ]);
  });

  it('turns dates stored as Excel serial numbers into YYYY-MM-DD', async () => {
    const roster = await parseRoster(await rosterXlsx(people(1), { serialDates: true }));
    expect(roster.rows[0]?.issueDate).toBe('2026-05-12');
    expect(rosterDate(45058)).toBe('2023-05-12');
  });

  it('fills a cell merged down several rows into each row', async () => {
    const roster = await parseRoster(await rosterXlsx(people(3), { mergeEmployer: true }));
    expect(roster.rows.map((row) => row.employer)).toEqual(['杭州西湖职业培训学校', '杭州西湖职业培训学校', '杭州西湖职业培训学校']);
  });

  it('reads header variants (公民身份号码, 证书号, 单位名称)', async () => {
    const headers = ['序号', '学员姓名', '公民身份号码', '职业（工种）', '技能等级', '证书号', '发证时间', '单位名称'];
    const roster = await parseRoster(await rosterXlsx(people(1), { headers }));
    expect(roster.headers).toMatchObject({
      holderName: '学员姓名',
      idNumber: '公民身份号码',
      certificateNumber: '证书号',
      employer: '单位名称',
      level: '技能等级',
      issueDate: '发证时间',
    });
    expect(roster.rows[0]).toMatchObject({ holderName: '王晓明', certificateNumber: 'S00003301000100000' });
  });

  it('refuses a roster missing the ID-number column with reason `roster_missing_columns`, naming it', async () => {
    const error = await parseRoster(await rosterXlsx(people(1), { omit: ['身份证号'] })).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RosterMissingColumnsError);
    expect((error as RosterMissingColumnsError).missing).toEqual(['身份证号']);
    expect(describeFailure(error).error.code).toBe('roster_missing_columns');
  });

  it('reads a GBK CSV exported from Excel', async () => {
    const roster = await parseRoster(rosterCsvGbk(people(2)));
    expect(roster.rows.map((row) => [row.holderName, row.issueDate, row.level])).toEqual([
      ['王晓明', '2026-05-12', 4],
      ['李娜', '2026-05-13', 3],
    ]);
  });

  it('reads a UTF-8 CSV with a BOM and CRLF line ends, a quoted comma in a cell, each row numbered by its first line', async () => {
    const csv = [
      '2026年第三季度考核发证名册,,,',
      '姓名,身份证号,证书编号,工作单位',
      '王晓明,330106199001011000,S00003301000100000,"杭州西湖职业培训学校,分校"',
      '李娜,330106199001011001,S00003301000100001,"杭州',
      '西湖区"',
      ',,,',
      '张伟,330106199001011002,S00003301000100002,"某""名""单位"',
    ].join('\r\n');
    // Quoted commas defeat the sniffer's column count: the `.csv` name is trusted (see parseRoster).
    const roster = await parseRoster(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(csv)]), 'roster.csv');
    expect(roster.headers.holderName).toBe('姓名');
    expect(roster.rows.map((row) => [row.rowNumber, row.holderName, row.employer])).toEqual([
      [3, '王晓明', '杭州西湖职业培训学校,分校'],
      [4, '李娜', '杭州\n西湖区'],
      [7, '张伟', '某"名"单位'],
    ]);
  });

  it('refuses a CSV whose quoted cell is never closed with reason `roster_unreadable`', async () => {
    const error = await parseRoster(new TextEncoder().encode('姓名,身份证号,证书编号\n王晓明,"330106199001011000,S1\n'), 'roster.csv').catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RosterUnreadableError);
    expect(describeFailure(error).error.code).toBe('roster_unreadable');
  });

  it('notes an ID number typed as a number (digits lost by Excel)', async () => {
    const person = { ...people(1)[0]!, idNumber: 330106199001011000 as unknown as string };
    const roster = await parseRoster(await rosterXlsx([person]));
    expect(roster.rows[0]?.issues).toContain('idNumber_as_number');
  });

  it('refuses bytes that are neither XLSX nor CSV with reason `roster_unreadable`', async () => {
    const error = await parseRoster(new TextEncoder().encode('%PDF-1.7 not a roster')).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RosterUnreadableError);
    expect(HEADERS).toContain('姓名');
  });
});
