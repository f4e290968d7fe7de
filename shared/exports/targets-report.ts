import { z } from 'zod';
import type { ReviewCase } from '../cases/review-case.js';
import { PROGRAMME_TITLES, programmeIdSchema } from '../policy/programmes.js';
import { LEVEL_NAMES } from '../policy/rules/common.js';
import { addTableSheet, addTotalRow, newWorkbook, workbookBytes, type SheetColumn } from './worksheet.js';

/** Cases whose claims count: approved by a supervisor, or paid since (XH36-1 counts training that was approved). */
const COUNTED_STATUSES: readonly ReviewCase['status'][] = ['approved', 'paid'];

/** What the report counts, for a programme and in total. */
const countsShape = {
  cases: z.number().int().nonnegative(),
  personTimes: z.number().int().nonnegative(),
  certificates: z.number().int().nonnegative(),
  /** Approved, not yet paid. */
  approvedYuan: z.number().int().nonnegative(),
  /** Paid, before recoveries. */
  paidYuan: z.number().int().nonnegative(),
  /** Recovered after payment (XH36-4.2). */
  recoveredYuan: z.number().int().nonnegative(),
};

const programmeRowSchema = z.object({
  programme: z.string(),
  programmeTitle: z.string(),
  ...countsShape,
});

const certificateRowSchema = z.object({
  programme: z.string(),
  /** qualification, skill_level, special_ability, special_operation, training_completion, entrepreneurship_training. */
  kind: z.string(),
  /** '1' … '5', a newer level, or absent where the certificate has none. */
  level: z.string().optional(),
  /** The kind and the level as the page and the workbook show them (证书类别, 等级; `—` without a level). */
  kindZh: z.string(),
  levelZh: z.string(),
  count: z.number().int().nonnegative(),
});

/**
 * The yearly report of XH36-1 (一、总体要求: 平均每年培训1.25万人次以上): person-times and certificates by programme and
 * level from approved (and paid) cases, against the target, with the amounts approved, paid and recovered. The page
 * and the API can serve it as it is (JSON).
 */
export const targetsReportSchema = z.object({
  year: z.number().int(),
  target: z.object({ personTimes: z.number().int().positive(), reference: z.string() }).optional(),
  totals: z.object({
    ...countsShape,
    /** personTimes / target, rounded to 0.1 %; absent without a target. */
    percentOfTarget: z.number().nonnegative().optional(),
  }),
  byProgramme: z.array(programmeRowSchema),
  certificates: z.array(certificateRowSchema),
  /** Counted cases whose decision predates `targetCounts`: counted as one person-time each, listed for a check. */
  estimatedCaseIds: z.array(z.string()),
});
export type TargetsReport = z.infer<typeof targetsReportSchema>;

/**
 * Builds the year's report. A case counts in the year of its decision's relevant date (`evaluatedOn`: the certificate's
 * issue date, the end of training, …), when it is `approved` or `paid` and its decision is not refused (sector training,
 * XH36-3.5, is not a claim: its trainees count once a clerk confirmed the record). Person-times
 * and certificates come from the decision's `targetCounts`; amounts from the decision (approved: not yet paid; paid:
 * minus nothing, recoveries shown apart).
 *
 * @example
 * targetsReport(await cases.listByStatus('paid'), { year: 2021, target: { personTimes: 12500, reference: '西人社〔2020〕36号 一' } });
 */
export function targetsReport(cases: readonly ReviewCase[], options: { year: number; target?: { personTimes: number; reference: string } }): TargetsReport {
  const byProgramme = new Map<string, z.infer<typeof programmeRowSchema>>();
  const certificates = new Map<string, z.infer<typeof certificateRowSchema>>();
  const estimated: string[] = [];
  const seen = new Set<string>();
  for (const reviewCase of cases) {
    const decision = reviewCase.decision;
    if (seen.has(reviewCase.caseId) || !decision || !isCounted(reviewCase.status, decision)) continue;
    if (Number(decision.evaluatedOn.slice(0, 4)) !== options.year) continue;
    seen.add(reviewCase.caseId);
    const row = byProgramme.get(decision.programme) ?? emptyRow(decision.programme);
    byProgramme.set(decision.programme, row);
    row.cases++;
    const counts = decision.targetCounts;
    if (counts) {
      row.personTimes += counts.personTimes;
      for (const c of counts.certificates) {
        row.certificates += c.count;
        const key = `${decision.programme}\u0000${c.kind}\u0000${c.level ?? ''}`;
        const existing = certificates.get(key) ?? {
          programme: decision.programme,
          kind: c.kind,
          ...(c.level ? { level: c.level } : {}),
          kindZh: KIND_NAMES[c.kind] ?? c.kind,
          levelZh: c.level ? (LEVEL_NAMES[c.level] ?? c.level) : '—',
          count: 0,
        };
        existing.count += c.count;
        certificates.set(key, existing);
      }
    } else {
      row.personTimes += 1;
      estimated.push(reviewCase.caseId);
    }
    if (reviewCase.status === 'paid') row.paidYuan += decision.amountYuan;
    else row.approvedYuan += decision.amountYuan;
    row.recoveredYuan += (reviewCase.recoveries ?? []).reduce((sum, r) => sum + r.amountYuan, 0);
  }
  const rows = [...byProgramme.values()].sort((a, b) => a.programme.localeCompare(b.programme));
  const sum = (key: keyof z.infer<typeof programmeRowSchema>) => rows.reduce((total, r) => total + (r[key] as number), 0);
  const personTimes = sum('personTimes');
  return {
    year: options.year,
    ...(options.target ? { target: options.target } : {}),
    totals: {
      cases: sum('cases'),
      personTimes,
      certificates: sum('certificates'),
      approvedYuan: sum('approvedYuan'),
      paidYuan: sum('paidYuan'),
      recoveredYuan: sum('recoveredYuan'),
      ...(options.target ? { percentOfTarget: Math.round((personTimes / options.target.personTimes) * 1000) / 10 } : {}),
    },
    byProgramme: rows,
    certificates: [...certificates.values()].sort(
      (a, b) => a.programme.localeCompare(b.programme) || a.kind.localeCompare(b.kind) || (a.level ?? '').localeCompare(b.level ?? ''),
    ),
    estimatedCaseIds: estimated,
  };
}

// Approved or paid claims that are not refused; sector training (三（五）) is recorded, never paid: it counts once a
// clerk confirmed the record.
function isCounted(status: ReviewCase['status'], decision: NonNullable<ReviewCase['decision']>): boolean {
  if (decision.programme === 'XH36-3.5') return SECTOR_STATUSES.includes(status);
  return COUNTED_STATUSES.includes(status) && decision.outcome !== 'ineligible';
}

const SECTOR_STATUSES: readonly ReviewCase['status'][] = ['confirmed', 'approved', 'paid'];

function emptyRow(programme: string): z.infer<typeof programmeRowSchema> {
  return { programme, programmeTitle: titleOf(programme), cases: 0, personTimes: 0, certificates: 0, approvedYuan: 0, paidYuan: 0, recoveredYuan: 0 };
}

function titleOf(programme: string): string {
  const id = programmeIdSchema.safeParse(programme);
  return id.success ? PROGRAMME_TITLES[id.data].zh : programme;
}

const KIND_NAMES: Record<string, string> = {
  qualification: '职业资格证书',
  skill_level: '职业技能等级证书',
  special_ability: '专项能力证书',
  special_operation: '特种作业操作证',
  training_completion: '培训合格证书',
  entrepreneurship_training: '创业培训合格证书',
};

/** The first two columns of the sheets by programme: the clause and the programme's title. */
const PROGRAMME_COLUMNS: readonly SheetColumn<'programme' | 'programmeTitle'>[] = [
  { key: 'programme', header: '政策条款', width: 12 },
  { key: 'programmeTitle', header: '项目名称', width: 34 },
];

/** Sheet 按项目: what each programme counts, amounts grouped by thousands. */
const BY_PROGRAMME_COLUMNS: readonly SheetColumn[] = [
  ...PROGRAMME_COLUMNS,
  { key: 'cases', header: '案件数', width: 10 },
  { key: 'personTimes', header: '培训人次', width: 10 },
  { key: 'certificates', header: '证书数', width: 10 },
  { key: 'approvedYuan', header: '已审批未拨付（元）', width: 18, numFmt: '#,##0' },
  { key: 'paidYuan', header: '已拨付（元）', width: 14, numFmt: '#,##0' },
  { key: 'recoveredYuan', header: '已追回（元）', width: 14, numFmt: '#,##0' },
];

/** Sheet 证书: certificates by programme, kind and level. */
const CERTIFICATE_COLUMNS: readonly SheetColumn[] = [
  ...PROGRAMME_COLUMNS,
  { key: 'kind', header: '证书类别', width: 20 },
  { key: 'level', header: '等级', width: 16 },
  { key: 'count', header: '证书数', width: 10 },
];

/**
 * The report as an XLSX workbook for supervisors: sheet `年度目标` (totals against the 12,500 target), `按项目`
 * (by programme), `证书` (certificates by programme, kind and level). Amounts and counts are numbers.
 *
 * @example
 * const bytes = await targetsReportXlsx(targetsReport(cases, { year: 2021 }));
 */
export async function targetsReportXlsx(report: TargetsReport): Promise<Uint8Array> {
  const workbook = newWorkbook(`${report.year}年职业技能提升行动完成情况`);

  const summary = addTableSheet(workbook, '年度目标', [
    { key: 'item', header: '项目', width: 34 },
    { key: 'value', header: '数值', width: 16 },
  ]);
  summary.addRow({ item: '年度', value: report.year });
  summary.addRow({ item: '培训人次（已审批案件）', value: report.totals.personTimes });
  if (report.target) {
    summary.addRow({ item: `年度目标人次（${report.target.reference}）`, value: report.target.personTimes });
    summary.addRow({ item: '完成目标比例（%）', value: report.totals.percentOfTarget ?? 0 });
  }
  summary.addRow({ item: '证书数', value: report.totals.certificates });
  summary.addRow({ item: '案件数', value: report.totals.cases });
  summary.addRow({ item: '已审批未拨付金额（元）', value: report.totals.approvedYuan });
  summary.addRow({ item: '已拨付金额（元）', value: report.totals.paidYuan });
  summary.addRow({ item: '已追回金额（元）', value: report.totals.recoveredYuan });
  if (report.estimatedCaseIds.length > 0) summary.addRow({ item: '按每案1人次估算的案件数（旧决定）', value: report.estimatedCaseIds.length });

  const programmes = addTableSheet(workbook, '按项目', BY_PROGRAMME_COLUMNS, report.byProgramme);
  if (report.byProgramme.length > 0) {
    const { cases, personTimes, certificates, approvedYuan, paidYuan, recoveredYuan } = report.totals;
    addTotalRow(programmes, { programme: '合计' }, { cases, personTimes, certificates, approvedYuan, paidYuan, recoveredYuan });
  }

  addTableSheet(
    workbook,
    '证书',
    CERTIFICATE_COLUMNS,
    report.certificates.map((row) => ({
      programme: row.programme,
      programmeTitle: titleOf(row.programme),
      kind: row.kindZh,
      level: row.levelZh,
      count: row.count,
    })),
  );
  return workbookBytes(workbook);
}
