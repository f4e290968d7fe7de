/**
 * `intake enterprises import FILE.csv` loads the district's enterprise register (统一社会信用代码 / 企业名称 / 所属区 /
 * 成立日期, or the English headers creditCode / name / district / registeredOn) into the intake table;
 * `intake enterprises find CODE|NAME` looks one up. Rows that fail validation are reported with their line numbers
 * and not imported; the exit status is then 1.
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { decodeCsvText, MalformedCsvError, readCsvRecords, type CsvRecord } from '../../shared/batches/csv-records.js';
import { createDynamoDbDocumentClient } from '../../shared/adapters/aws-clients.js';
import { DynamoDbEnterpriseRegister } from '../../shared/adapters/dynamodb-enterprise-register.js';
import { validateCreditCode } from '../../shared/extraction/credit-code.js';
import type { RegisteredEnterprise } from '../../shared/ports/enterprise-register.js';
import { StackNotFoundError, resolveStackEndpoints } from '../../local/stack-endpoints.js';

/** A row the import refused: its line in the file (the header is line 1), a stable code and a sentence. */
export interface EnterpriseCsvProblem {
  line: number;
  code: 'missing_column' | 'credit_code_invalid' | 'name_missing' | 'district_missing' | 'date_invalid' | 'duplicate_credit_code' | 'malformed_csv';
  message: string;
}

export interface EnterpriseCsvResult {
  enterprises: RegisteredEnterprise[];
  problems: EnterpriseCsvProblem[];
}

const headerAliases: Record<keyof RegisteredEnterprise, string[]> = {
  creditCode: ['统一社会信用代码', '社会信用代码', '信用代码', 'creditcode', 'credit_code', 'credit code'],
  name: ['企业名称', '单位名称', '名称', 'name', 'enterprisename', 'enterprise_name', 'company'],
  district: ['所属区', '所属区县', '区', 'district'],
  registeredOn: ['成立日期', '成立时间', 'registeredon', 'registered_on', 'established', 'establishedon'],
  deregisteredOn: ['注销日期', 'deregisteredon', 'deregistered_on'],
};

/** Accepts 2019-03-05, 2019/3/5, 2019.3.5 and 2019年3月5日; returns YYYY-MM-DD or undefined. */
function normaliseDate(raw: string): string | undefined {
  const match = raw.trim().match(/^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/);
  if (!match) return undefined;
  const [, y, m, d] = match;
  const iso = `${y}-${m!.padStart(2, '0')}-${d!.padStart(2, '0')}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : undefined;
}

/**
 * Decodes a register file: UTF-8 (with or without BOM), or GB18030 as Excel on a Chinese Windows saves CSV.
 *
 * @example
 * const text = decodeRegisterFile(readFileSync('register.csv'));
 */
export const decodeRegisterFile = decodeCsvText;

/**
 * Parses and validates the register CSV. Valid rows become enterprises; every invalid row becomes a problem with
 * its line number (nothing is skipped silently).
 *
 * @example
 * parseEnterpriseCsv('统一社会信用代码,企业名称,所属区,成立日期\n91330100716105852F,杭州某某有限公司,西湖区,2015/6/1\n');
 * // → { enterprises: [{ creditCode: '91330100716105852F', name: '杭州某某有限公司', district: '西湖区', registeredOn: '2015-06-01' }], problems: [] }
 */
export function parseEnterpriseCsv(text: string): EnterpriseCsvResult {
  let records: CsvRecord[];
  try {
    records = readCsvRecords(text);
  } catch (error) {
    if (!(error instanceof MalformedCsvError)) throw error;
    return {
      enterprises: [],
      problems: [{ line: error.line, code: 'malformed_csv', message: `CSV 格式错误：${error.reason === 'quote_not_closed' ? '引号未闭合' : '无法解析'}` }],
    };
  }
  const [header, ...rows] = records;
  if (!header) return { enterprises: [], problems: [{ line: 1, code: 'missing_column', message: '文件为空，缺少表头' }] };
  const normalisedHeader = header.fields.map((h) => h.trim().toLowerCase());
  const column = (name: keyof RegisteredEnterprise) => normalisedHeader.findIndex((h) => headerAliases[name].includes(h));
  const columns = {
    creditCode: column('creditCode'),
    name: column('name'),
    district: column('district'),
    registeredOn: column('registeredOn'),
    deregisteredOn: column('deregisteredOn'),
  };
  const missing = (['creditCode', 'name', 'district'] as const).filter((c) => columns[c] < 0);
  if (missing.length > 0) {
    return {
      enterprises: [],
      problems: [{ line: header.line, code: 'missing_column', message: `表头缺少列：${missing.map((c) => headerAliases[c][0]).join('、')}` }],
    };
  }

  const enterprises: RegisteredEnterprise[] = [];
  const problems: EnterpriseCsvProblem[] = [];
  const firstLineOf = new Map<string, number>();
  for (const row of rows) {
    const cell = (index: number) => (index >= 0 ? (row.fields[index] ?? '').trim() : '');
    const creditCode = cell(columns.creditCode).toUpperCase();
    const name = cell(columns.name);
    const district = cell(columns.district);
    const rowProblems: EnterpriseCsvProblem[] = [];
    const validation = validateCreditCode(creditCode);
    if (!validation.valid) {
      rowProblems.push({
        line: row.line,
        code: 'credit_code_invalid',
        message: `统一社会信用代码“${creditCode}”无效（${validation.issue === 'credit_code_checksum_failed' ? '校验位不符' : '格式不符'}）`,
      });
    }
    if (!name) rowProblems.push({ line: row.line, code: 'name_missing', message: '企业名称为空' });
    if (!district) rowProblems.push({ line: row.line, code: 'district_missing', message: '所属区为空' });
    const dates: Partial<Pick<RegisteredEnterprise, 'registeredOn' | 'deregisteredOn'>> = {};
    for (const [field, label] of [
      ['registeredOn', '成立日期'],
      ['deregisteredOn', '注销日期'],
    ] as const) {
      const raw = cell(columns[field]);
      if (!raw) continue;
      const iso = normaliseDate(raw);
      if (iso) dates[field] = iso;
      else rowProblems.push({ line: row.line, code: 'date_invalid', message: `${label}“${raw}”不是有效日期` });
    }
    if (rowProblems.length === 0 && firstLineOf.has(creditCode)) {
      rowProblems.push({ line: row.line, code: 'duplicate_credit_code', message: `统一社会信用代码 ${creditCode} 与第 ${firstLineOf.get(creditCode)} 行重复` });
    }
    if (rowProblems.length > 0) {
      problems.push(...rowProblems);
      continue;
    }
    firstLineOf.set(creditCode, row.line);
    enterprises.push({ creditCode, name, district, ...dates });
  }
  return { enterprises, problems };
}

/**
 * Runs `use` with the register of the running stack: `--table`/`--endpoint` when given, else where `intake submit` and
 * `intake cases` look (INTAKE_TABLE_NAME + AWS_ENDPOINT_URL_DYNAMODB, or the `endpoints.json` that `npm start` writes).
 * No stack found is a sentence and exit status 1, not a stack trace.
 */
async function withRegister<T>(
  options: { table?: string; endpoint?: string },
  use: (registry: DynamoDbEnterpriseRegister) => Promise<T>,
): Promise<T | undefined> {
  let where: { tableName: string; dynamodb?: string; region: string };
  try {
    where = options.table ? { tableName: options.table, dynamodb: options.endpoint, region: process.env.AWS_REGION ?? 'us-east-1' } : resolveStackEndpoints();
  } catch (error) {
    if (!(error instanceof StackNotFoundError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
    return undefined;
  }
  const db = createDynamoDbDocumentClient({ endpoint: options.endpoint ?? where.dynamodb, region: where.region });
  try {
    return await use(new DynamoDbEnterpriseRegister(db, where.tableName));
  } finally {
    db.destroy();
  }
}

/**
 * Adds `intake enterprises import|find` to the command line.
 *
 * @example
 * register(new Command('intake'));
 */
export function register(program: Command): void {
  const enterprises = program.command('enterprises').description('区企业名录（统一社会信用代码）：导入与查询');
  enterprises
    .command('import')
    .argument('<file>', 'CSV: 统一社会信用代码,企业名称,所属区,成立日期 (UTF-8 or GB18030)')
    .option('--table <name>', "DynamoDB table (default: the running stack's, see `intake cases`)")
    .option('--endpoint <url>', 'DynamoDB endpoint (default: $AWS_ENDPOINT_URL_DYNAMODB)')
    .option('--json', 'print the result as JSON')
    .description('import the district enterprise register; invalid rows are reported by line and not imported')
    .action(async (file: string, options: { table?: string; endpoint?: string; json?: boolean }) => {
      const { enterprises: valid, problems } = parseEnterpriseCsv(decodeRegisterFile(readFileSync(file)));
      if (valid.length > 0) {
        const done = await withRegister(options, async (registry) => {
          await registry.upsert(valid);
          return true;
        });
        if (!done) return;
      }
      if (options.json) console.log(JSON.stringify({ imported: valid.length, problems }, null, 2));
      else {
        console.log(`已导入 ${valid.length} 家企业${problems.length ? `，${new Set(problems.map((p) => p.line)).size} 行有误未导入：` : '。'}`);
        for (const p of problems) console.log(`  第 ${p.line} 行 [${p.code}] ${p.message}`);
      }
      if (problems.length > 0) process.exitCode = 1;
    });
  enterprises
    .command('find')
    .argument('<codeOrName>', '统一社会信用代码 or 企业名称')
    .option('--table <name>', "DynamoDB table (default: the running stack's, see `intake cases`)")
    .option('--endpoint <url>', 'DynamoDB endpoint (default: $AWS_ENDPOINT_URL_DYNAMODB)')
    .description('look an enterprise up in the register')
    .action(async (codeOrName: string, options: { table?: string; endpoint?: string }) => {
      const result = await withRegister(options, async (registry) => ({
        found: validateCreditCode(codeOrName).valid ? await registry.findByCreditCode(codeOrName) : await registry.findByName(codeOrName),
      }));
      if (!result) return;
      const { found } = result;
      console.log(found ? JSON.stringify(found, null, 2) : '未找到');
      if (!found) process.exitCode = 1;
    });
}
