import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeRegisterFile, parseEnterpriseCsv, register as registerEnterpriseCommands } from '../../cli/commands/enterprises.js';
import { DynamoDbEnterpriseRegister, normaliseEnterpriseName } from '../../shared/adapters/dynamodb-enterprise-register.js';
import { aCreditCode } from '../support/fakes/factories.js';
import { createTestTable, type TestTable } from '../support/local-aws.js';
import { scratchDirectory } from '../support/scratch-directory.js';

describe('parseEnterpriseCsv', () => {
  it('reads Chinese headers, quoted names with commas and varied date formats', () => {
    const csv = [
      '统一社会信用代码,企业名称,所属区,成立日期',
      `${aCreditCode(1)},杭州甲科技有限公司,西湖区,2015/6/1`,
      `${aCreditCode(2).toLowerCase()},"杭州乙（西湖）贸易有限公司,分公司",西湖区,2019年3月5日`,
      `${aCreditCode(3)},杭州丙有限公司,西湖区,`,
    ].join('\r\n');

    const { enterprises, problems } = parseEnterpriseCsv(csv);

    expect(problems).toEqual([]);
    expect(enterprises).toEqual([
      { creditCode: aCreditCode(1), name: '杭州甲科技有限公司', district: '西湖区', registeredOn: '2015-06-01' },
      { creditCode: aCreditCode(2), name: '杭州乙（西湖）贸易有限公司,分公司', district: '西湖区', registeredOn: '2019-03-05' },
      { creditCode: aCreditCode(3), name: '杭州丙有限公司', district: '西湖区' },
    ]);
  });

  it('accepts the English headers in any order', () => {
    const { enterprises } = parseEnterpriseCsv(`district,name,creditCode,registeredOn\n西湖区,Acme,${aCreditCode(4)},2020-01-02\n`);
    expect(enterprises).toEqual([{ creditCode: aCreditCode(4), name: 'Acme', district: '西湖区', registeredOn: '2020-01-02' }]);
  });

  it('reports every invalid row with its line number and code instead of skipping it', () => {
    const badCheck = aCreditCode(5).slice(0, 17) + (aCreditCode(5).endsWith('0') ? '1' : '0');
    const csv = [
      '统一社会信用代码,企业名称,所属区,成立日期',
      `${aCreditCode(6)},好企业,西湖区,2018-01-01`,
      `${badCheck},校验位错,西湖区,2018-01-01`,
      `${aCreditCode(7)},,西湖区,2018-02-30`,
      '"多行',
      '名称",x,y,z',
      `${aCreditCode(6)},重复企业,西湖区,2018-01-01`,
    ].join('\n');

    const { enterprises, problems } = parseEnterpriseCsv(csv);

    expect(enterprises.map((e) => e.creditCode)).toEqual([aCreditCode(6)]);
    expect(problems.map((p) => [p.line, p.code])).toEqual([
      [3, 'credit_code_invalid'],
      [4, 'name_missing'],
      [4, 'date_invalid'],
      [5, 'credit_code_invalid'],
      [5, 'date_invalid'],
      [7, 'duplicate_credit_code'],
    ]);
    expect(problems[0]!.message).toContain('校验位不符');
    expect(problems[5]!.message).toContain('第 2 行');
  });

  it('refuses a file without the required columns, naming them', () => {
    const { enterprises, problems } = parseEnterpriseCsv('企业名称,成立日期\n甲,2020-01-01\n');
    expect(enterprises).toEqual([]);
    expect(problems).toEqual([{ line: 1, code: 'missing_column', message: '表头缺少列：统一社会信用代码、所属区' }]);
  });

  it('decodes a GB18030 file as Excel saves it, and UTF-8 with a BOM', () => {
    const text = `统一社会信用代码,企业名称,所属区\n${aCreditCode(8)},杭州丁有限公司,西湖区\n`;
    expect(parseEnterpriseCsv(decodeRegisterFile(iconv.encode(text, 'gb18030'))).enterprises[0]?.name).toBe('杭州丁有限公司');
    expect(parseEnterpriseCsv(decodeRegisterFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).enterprises).toHaveLength(1);
  });
});

describe('DynamoDbEnterpriseRegister against DynamoDB Local', () => {
  let table: TestTable;
  let enterpriseRegister: DynamoDbEnterpriseRegister;
  beforeAll(async () => {
    table = await createTestTable();
    enterpriseRegister = new DynamoDbEnterpriseRegister(table.db, table.tableName);
  });
  afterAll(() => table.drop());

  it('finds an enterprise by credit code (any letter case) and by name with full-width brackets or spaces', async () => {
    await enterpriseRegister.upsert([{ creditCode: aCreditCode(10), name: '杭州某某（西湖）科技有限公司', district: '西湖区', registeredOn: '2016-05-01' }]);

    expect(await enterpriseRegister.findByCreditCode(aCreditCode(10).toLowerCase())).toEqual({
      creditCode: aCreditCode(10),
      name: '杭州某某（西湖）科技有限公司',
      district: '西湖区',
      registeredOn: '2016-05-01',
    });
    expect((await enterpriseRegister.findByName('杭州某某(西湖)科技 有限公司'))?.creditCode).toBe(aCreditCode(10));
    expect(normaliseEnterpriseName('杭州某某（西湖）科技 有限公司')).toBe('杭州某某(西湖)科技有限公司');
    expect(await enterpriseRegister.findByCreditCode(aCreditCode(11))).toBeUndefined();
  });

  it('replaces an entry on upsert, so a renamed enterprise is found under its new name only', async () => {
    await enterpriseRegister.upsert([{ creditCode: aCreditCode(12), name: '旧名有限公司', district: '西湖区' }]);
    await enterpriseRegister.upsert([{ creditCode: aCreditCode(12), name: '新名有限公司', district: '西湖区' }]);
    expect(await enterpriseRegister.findByName('旧名有限公司')).toBeUndefined();
    expect((await enterpriseRegister.findByName('新名有限公司'))?.creditCode).toBe(aCreditCode(12));
  });

  it('imports a 60-row register file through `intake enterprises import`, reporting the bad rows and exiting 1', async () => {
    const lines = ['统一社会信用代码,企业名称,所属区,成立日期'];
    for (let i = 100; i < 160; i++) lines.push(`${aCreditCode(i)},杭州第${i}号有限公司,西湖区,2010-01-${String((i % 28) + 1).padStart(2, '0')}`);
    lines.push('not-a-code,坏行,西湖区,2010-01-01');
    const file = path.join(scratchDirectory('enterprises-'), '名录.csv');
    writeFileSync(file, iconv.encode(lines.join('\r\n'), 'gb18030'));
    const printed: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((line: string) => void printed.push(line));
    const exitCodeBefore = process.exitCode;
    const program = new Command('intake').exitOverride();
    registerEnterpriseCommands(program);

    try {
      await program.parseAsync(['enterprises', 'import', file, '--table', table.tableName, '--endpoint', table.endpoint, '--json'], { from: 'user' });
    } finally {
      log.mockRestore();
    }

    expect(JSON.parse(printed.join('\n'))).toEqual({
      imported: 60,
      problems: [{ line: 62, code: 'credit_code_invalid', message: expect.stringContaining('not-a-code'.toUpperCase()) }],
    });
    expect(process.exitCode).toBe(1);
    process.exitCode = exitCodeBefore;
    expect((await enterpriseRegister.findByCreditCode(aCreditCode(159)))?.name).toBe('杭州第159号有限公司');
    expect((await enterpriseRegister.findByName('杭州第100号有限公司'))?.registeredOn).toBe('2010-01-17');
  });
});
