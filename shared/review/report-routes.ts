/**
 * Supervisors' reports on the review API: the yearly targets report of XH36-1 (一、总体要求: 平均每年培训1.25万人次以上)
 * as JSON for the page and as an XLSX workbook. Registered by the router (`createReviewApi`) when a `ReportService` is
 * given; its routes are listed in the router's OpenAPI document from `REPORT_ROUTES`.
 */
import type { Context, Hono } from 'hono';
import { z } from 'zod';
import type { ReviewCase } from '../cases/review-case.js';
import { targetsReport, targetsReportSchema, targetsReportXlsx, type TargetsReport } from '../exports/index.js';
import { yearlyTarget, type ParameterSet } from '../policy/index.js';
import type { CaseRepository } from '../ports/index.js';
import { InvalidRequestError } from './errors.js';
import { requireRole, type Principal } from './principal.js';

/** `?year=YYYY`: the calendar year the report counts (cases count in the year of their decision's relevant date). */
export const targetsReportQuerySchema = z.object({
  year: z
    .string()
    .regex(/^\d{4}$/, 'year must be YYYY')
    .transform(Number),
});

/** The statuses whose cases the report reads: approved and paid claims, and confirmed sector-training records (XH36-3.5). */
const REPORTED_STATUSES = ['approved', 'paid', 'confirmed'] as const;

export interface ReportServiceDeps {
  cases: Pick<CaseRepository, 'listByStatus'>;
  /** The dated parameters the target is read from (the composition root's). */
  parameters: ParameterSet;
}

/**
 * The reports supervisors read (and nobody else: clerks and institutions get 403 `role_required`, as on the payments
 * export).
 *
 * @example
 * const reports = new ReportService({ cases, parameters });
 * const report = await reports.targets(supervisor, 2021); // report.target?.personTimes === 12500
 */
export class ReportService {
  constructor(private readonly deps: ReportServiceDeps) {}

  /** The targets report of `year` from the approved and paid cases, against the year's target when one is in force. */
  async targets(principal: Principal, year: number): Promise<TargetsReport> {
    requireRole(principal, ['supervisor']);
    const lists = await Promise.all(REPORTED_STATUSES.map((status) => this.deps.cases.listByStatus(status)));
    const cases: ReviewCase[] = lists.flat();
    return targetsReport(cases, { year, target: yearlyTarget(this.deps.parameters, year) });
  }
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The report routes as the router's OpenAPI document lists them (same shape as its own route table). */
export const REPORT_ROUTES = [
  {
    method: 'get',
    path: '/reports/targets',
    summary:
      'The yearly targets report (XH36-1): person-times and certificates by programme and level from approved and paid cases, against the 12,500 target, with amounts',
    roles: 'supervisor',
    query: targetsReportQuerySchema,
    response: 'TargetsReport',
    errors: [400, 401, 403],
  },
  {
    method: 'get',
    path: '/reports/targets.xlsx',
    summary: 'The yearly targets report as an XLSX workbook (sheets 年度目标, 按项目, 证书)',
    roles: 'supervisor',
    query: targetsReportQuerySchema,
    responseContent: { [XLSX]: 'binary' },
    errors: [400, 401, 403],
  },
] as const;

/** Components the report routes add to the OpenAPI document. */
export const REPORT_COMPONENTS: Record<string, z.ZodType> = { TargetsReport: targetsReportSchema };

function yearOf(c: Context): number {
  const parsed = targetsReportQuerySchema.safeParse(c.req.query());
  if (!parsed.success) throw new InvalidRequestError(parsed.error.issues.map((i) => `${i.path.join('.') || '(query)'}: ${i.message}`).join('; '));
  return parsed.data.year;
}

/**
 * Adds the report routes to the API (after its authentication middleware, so `principal` is set).
 *
 * @example
 * registerReportRoutes(app, new ReportService({ cases })); // GET /reports/targets?year=2021
 */
export function registerReportRoutes(app: Hono<{ Variables: { principal: Principal } }>, reports: ReportService): void {
  app.get('/reports/targets', async (c) => {
    const report = await reports.targets(c.get('principal'), yearOf(c));
    c.header('cache-control', 'no-store');
    return c.json(targetsReportSchema.parse(report));
  });
  app.get('/reports/targets.xlsx', async (c) => {
    const year = yearOf(c);
    const bytes = await targetsReportXlsx(await reports.targets(c.get('principal'), year));
    c.header('content-type', XLSX);
    c.header('content-disposition', `attachment; filename="targets-${year}.xlsx"`);
    c.header('cache-control', 'no-store');
    return c.body(bytes as Uint8Array<ArrayBuffer>);
  });
}
