import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { register } from '../../cli/commands/report.js';
import { runCliCommand } from '../support/run-cli-command.js';
import { evaluateClaim } from '../support/shipped-policy.js';
import { certificateTrainingClaim, enterpriseClaim } from '../policy/factories.js';
import { aReviewCase } from '../support/fakes/factories.js';
import { scratchDirectory } from '../support/scratch-directory.js';

const run = (...args: string[]) => runCliCommand(register, 'report', ...args);

describe('intake report targets', () => {
  beforeEach(() => {
    process.exitCode = undefined;
  });
  afterEach(() => {
    process.exitCode = undefined;
  });

  it('reports a year from a JSON list of cases against the 12,500 target and writes the XLSX', async () => {
    const dir = scratchDirectory('report-');
    const casesFile = path.join(dir, 'cases.json');
    writeFileSync(
      casesFile,
      JSON.stringify([
        aReviewCase({ status: 'paid', decision: evaluateClaim(certificateTrainingClaim()) }),
        aReviewCase({ status: 'approved', decision: evaluateClaim(enterpriseClaim()) }),
        aReviewCase({ status: 'needs_review', decision: evaluateClaim(enterpriseClaim()) }),
      ]),
    );
    const xlsx = path.join(dir, 'report.xlsx');
    const { out, exitCode } = await run('targets', '--year', '2021', '--cases', casesFile, '--xlsx', xlsx);
    expect(exitCode).toBeUndefined();
    expect(out).toContain('2021年 培训人次 2 / 目标 12500（0%），证书 2，案件 2');
    expect(out).toContain('已审批未拨付 200 元，已拨付 1500 元');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    expect(workbook.getWorksheet('按项目')!.rowCount).toBe(4); // header, 3.2, 3.7.b, total
  });

  it('exits 1 on a year that is not a year', async () => {
    const { err, exitCode } = await run('targets', '--year', '21');
    expect(err).toContain('--year must be a year');
    expect(exitCode).toBe(1);
  });

  it('exits 1 on a cases file that does not hold cases', async () => {
    const file = path.join(scratchDirectory('report-'), 'cases.json');
    writeFileSync(file, JSON.stringify([{ caseId: 1 }]));
    const { err, exitCode } = await run('targets', '--year', '2021', '--cases', file);
    expect(err).toContain('cannot read the cases');
    expect(exitCode).toBe(1);
  });
});
