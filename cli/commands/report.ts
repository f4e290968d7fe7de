/**
 * `intake report targets --year YYYY [--cases FILE.json] [--xlsx FILE] [--json]`: the yearly report of XH36-1 (一、总体
 * 要求: 平均每年培训1.25万人次以上) — person-times and certificates by programme and level from approved cases, against the
 * target, with the amounts approved, paid and recovered. Reads the store, or a JSON list of cases (`intake cases --json`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { z } from 'zod';
import { reviewCaseSchema, type ReviewCase } from '../../shared/cases/review-case.js';
import { targetsReport, targetsReportXlsx, type TargetsReport } from '../../shared/exports/index.js';
import { yearlyTarget } from '../../shared/policy/index.js';
import { cliParameters } from './rules.js';

/**
 * Registers the `report` command group.
 *
 * @example
 * register(new Command('intake')); // intake report targets --year 2021 --xlsx 2021.xlsx
 */
export function register(program: Command): void {
  const report = program.command('report').description('reports for supervisors (yearly targets of 西人社〔2020〕36号 一)');
  report
    .command('targets')
    .requiredOption('--year <year>', 'the calendar year (cases count in the year of their relevant date)')
    .option('--cases <file>', 'a JSON list of cases (as `intake cases --json` prints) instead of the store')
    .option('--xlsx <file>', 'also write the report as an XLSX workbook')
    .option('--json', 'print the report as JSON')
    .description('person-times and certificates by programme and level from approved cases, against the 12,500 a year target')
    .action(async (options: { year: string; cases?: string; xlsx?: string; json?: boolean }) => {
      const year = Number(options.year);
      if (!/^\d{4}$/.test(options.year)) {
        console.error(`--year must be a year (YYYY), got ${options.year}`);
        process.exitCode = 1;
        return;
      }
      let cases: ReviewCase[];
      try {
        cases = options.cases ? readCases(options.cases) : await casesFromStore();
      } catch (error) {
        console.error(`cannot read the cases: ${(error as Error).message}`);
        process.exitCode = 1;
        return;
      }
      const result = targetsReport(cases, { year, target: yearlyTarget(cliParameters(), year) });
      if (options.xlsx) writeFileSync(options.xlsx, await targetsReportXlsx(result));
      console.log(options.json ? JSON.stringify(result, null, 2) : formatTargetsReport(result));
      if (options.xlsx) console.log(`wrote ${options.xlsx}`);
    });
}

function readCases(file: string): ReviewCase[] {
  const parsed = z.array(reviewCaseSchema).safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `${file}: ${parsed.error.issues
        .slice(0, 3)
        .map((i) => `${i.path.join('.')}: ${i.message}`)
        .join('; ')}`,
    );
  return parsed.data;
}

async function casesFromStore(): Promise<ReviewCase[]> {
  // Loaded only when the store is asked for, so `--cases` works without the local stack's modules.
  const { createDynamoDbDocumentClient } = await import('../../shared/adapters/aws-clients.js');
  const { DynamoDbCaseRepository } = await import('../../shared/adapters/dynamodb-case-repository.js');
  const { resolveStackEndpoints } = await import('../../local/stack-endpoints.js');
  const where = resolveStackEndpoints();
  const db = createDynamoDbDocumentClient({ endpoint: where.dynamodb, region: where.region });
  try {
    const repository = new DynamoDbCaseRepository(db, where.tableName);
    const lists = await Promise.all((['approved', 'paid', 'confirmed'] as const).map((status) => repository.listByStatus(status)));
    return lists.flat();
  } finally {
    db.destroy();
  }
}

/**
 * The report as a supervisor reads it in a terminal.
 *
 * @example
 * console.log(formatTargetsReport(report));
 */
export function formatTargetsReport(report: TargetsReport): string {
  const t = report.totals;
  const lines = [
    `${report.year}年 培训人次 ${t.personTimes}${report.target ? ` / 目标 ${report.target.personTimes}（${t.percentOfTarget}%）` : '（该年无目标）'}，证书 ${t.certificates}，案件 ${t.cases}`,
    `  已审批未拨付 ${t.approvedYuan} 元，已拨付 ${t.paidYuan} 元，已追回 ${t.recoveredYuan} 元`,
  ];
  for (const row of report.byProgramme) {
    lines.push(
      `  ${row.programme.padEnd(11)} ${row.programmeTitle}: ${row.personTimes} 人次, ${row.certificates} 证书, 拨付 ${row.paidYuan} 元, 待拨付 ${row.approvedYuan} 元`,
    );
  }
  for (const c of report.certificates) lines.push(`    ${c.programme} ${c.kindZh} ${c.levelZh}: ${c.count}`);
  if (report.estimatedCaseIds.length > 0)
    lines.push(`  ${report.estimatedCaseIds.length} case(s) decided before targetCounts existed: counted as 1 person-time each`);
  return lines.join('\n');
}
