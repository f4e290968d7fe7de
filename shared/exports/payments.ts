import { z } from 'zod';
import type { CaseDocument, ReviewCase } from '../cases/review-case.js';
import { amountStatusSchema, type AmountStatus } from '../policy/decision.js';
import { PROGRAMME_TITLES, programmeIdSchema } from '../policy/programmes.js';
import { CASE_STATUS_ZH, PARAMETER_TITLES_ZH } from '../cases/labels-zh.js';
import { addTableSheet, addTotalRow, newWorkbook, workbookBytes, type SheetColumn } from './worksheet.js';

/** One payment for the finance bureau: who is paid, under which clause, how much, for which case. */
export const paymentRowSchema = z.object({
  payeeName: z.string(),
  /** The resident ID number of a person, or the unified social credit code of an organisation. */
  payeeId: z.string(),
  payeeKind: z.enum(['person', 'organisation']),
  programme: z.string(),
  programmeTitle: z.string(),
  /** The clause the amount rests on (the programme's clause id, e.g. `XH36-3.7.c`). */
  clause: z.string(),
  amountYuan: z.number().int().positive(),
  /** `awaiting_confirmation` when the amount rests on a figure the bureau has not confirmed yet (issue 17.5). */
  amountStatus: amountStatusSchema,
  /** The unconfirmed parameters the amount rests on (empty when final). */
  awaitingParameters: z.array(z.string()),
  /** `已确定`, or `待确认标准：` naming the figures by their Chinese titles. */
  amountStatusZh: z.string(),
  status: z.string(),
  statusZh: z.string(),
  caseId: z.string(),
  /** ISO instant (UTC). */
  approvedAt: z.string(),
  /** The same instant in Beijing time, `YYYY-MM-DD HH:mm:ss` (UTC+8), as the files show it. */
  approvedAtBeijing: z.string(),
  approvedBy: z.string(),
  confirmedBy: z.string(),
  /** The approver and the clerk who confirmed, by display name as kept at the time; the user id for older cases. */
  approvedByName: z.string(),
  confirmedByName: z.string(),
});
export type PaymentRow = z.infer<typeof paymentRowSchema>;

/** The columns, in order, with the headers finance reads: titles, states and times as a person reads them. */
const COLUMNS: (SheetColumn<keyof PaymentRow> & { text?: boolean })[] = [
  { key: 'payeeName', header: '收款人', width: 28 },
  { key: 'payeeId', header: '身份证号/统一社会信用代码', width: 26, text: true, numFmt: '@' },
  { key: 'programmeTitle', header: '补贴项目', width: 34 },
  { key: 'clause', header: '政策条款', width: 12 },
  { key: 'amountYuan', header: '金额（元）', width: 12, numFmt: '#,##0' },
  { key: 'amountStatusZh', header: '金额状态', width: 40 },
  { key: 'statusZh', header: '案件状态', width: 10 },
  { key: 'caseId', header: '案件编号', width: 30 },
  { key: 'approvedAtBeijing', header: '审批时间（北京时间）', width: 20 },
  { key: 'confirmedByName', header: '经办人', width: 12 },
  { key: 'approvedByName', header: '审批人', width: 12 },
];

/**
 * The amount's state as finance reads it: `已确定`, or `待确认标准：` with the figures the amount rests on, by their
 * Chinese titles (XH36 delegates some figures to other documents; the bureau confirms them, issue 17.5). A parameter
 * with no title keeps its name, so nothing the amount rests on goes unnamed; the `awaitingParameters` column keeps the
 * names for machines.
 *
 * @example
 * amountStatusZh('awaiting_confirmation', ['apprenticeship.student_standard_per_year']); // '待确认标准：学生学徒补贴标准（每人每年）'
 */
export function amountStatusZh(status: AmountStatus, parameters: readonly string[]): string {
  if (status !== 'awaiting_confirmation') return '已确定';
  const titles = [...new Set(parameters.map((parameter) => PARAMETER_TITLES_ZH[parameter] ?? parameter))];
  return `待确认标准：${titles.length > 0 ? titles.join('、') : '（未列明参数）'}`;
}

/**
 * An ISO instant as Beijing time (UTC+8, no daylight saving), `YYYY-MM-DD HH:mm:ss`.
 *
 * @example
 * beijingTime('2026-11-30T16:00:00.000Z'); // '2026-12-01 00:00:00'
 */
export function beijingTime(iso: string): string {
  const shifted = new Date(Date.parse(iso) + 8 * 3600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)}`;
}

const ORGANISATION_NAME = ['companyName', 'employerName', 'enterpriseName'];
const ORGANISATION_CODE = ['creditCode', 'employerCreditCode'];

function firstString(documents: readonly CaseDocument[], names: string[], type?: CaseDocument['type']): string | undefined {
  for (const document of documents) {
    if (type && document.type !== type) continue;
    for (const name of names) {
      const value = document.fields[name]?.value;
      if (typeof value === 'string' && value.trim()) return value.trim();
    }
  }
  return undefined;
}

/**
 * The payee of an approved case: the person for an individual's claim, otherwise the applying organisation (its
 * name and credit code from the application, else from its business licence among the documents).
 *
 * @example
 * payeeOf(individualCase); // { payeeName: '王晓明', payeeId: '330106199001011234', payeeKind: 'person' }
 */
export function payeeOf(reviewCase: ReviewCase): Pick<PaymentRow, 'payeeName' | 'payeeId' | 'payeeKind'> {
  if (!reviewCase.applicant || reviewCase.applicant.kind === 'individual') {
    return { payeeName: reviewCase.personName ?? '', payeeId: reviewCase.personIdNumber ?? '', payeeKind: 'person' };
  }
  const name = reviewCase.applicant.name ?? firstString(reviewCase.documents, ORGANISATION_NAME, 'business_license') ?? '';
  const code = firstString(reviewCase.documents, ORGANISATION_CODE, 'business_license') ?? reviewCase.applicant.id ?? '';
  return { payeeName: name, payeeId: code, payeeKind: 'organisation' };
}

/**
 * The payments approved between `from` and `to` (dates of approval, both inclusive, `YYYY-MM-DD` in UTC+8 — the
 * bureau's day), one row per approved case, oldest approval first. A follow-up case (documents that arrived after
 * its predecessor was decided) pays the difference to the predecessor's decided amount, never the whole amount again.
 *
 * @example
 * paymentRows(await cases.listByStatus('approved'), { from: '2026-11-01', to: '2026-11-30' });
 */
export function paymentRows(cases: readonly ReviewCase[], range: { from: string; to: string }): PaymentRow[] {
  const rows: PaymentRow[] = [];
  for (const reviewCase of cases) {
    const decision = reviewCase.decision;
    const approvedAt = reviewCase.approvedAt ?? reviewCase.updatedAt;
    if (reviewCase.status !== 'approved' || !decision || decision.outcome !== 'eligible' || decision.amountYuan <= 0) continue;
    // A follow-up pays only what its decision adds to the amount already decided on the case it follows.
    const amountYuan = decision.amountYuan - (reviewCase.followUpOf?.decidedAmountYuan ?? 0);
    if (amountYuan <= 0) continue;
    const day = bureauDay(approvedAt);
    if (day < range.from || day > range.to) continue;
    const programme = programmeIdSchema.safeParse(decision.programme);
    const awaiting = decision.amountStatus === 'awaiting_confirmation' || (decision.amountStatus === undefined && decision.unconfirmedParameters.length > 0);
    const awaitingParameters = awaiting
      ? [...new Set([...(decision.awaitingConfirmation ?? []).map((a) => a.parameter), ...decision.unconfirmedParameters])]
      : [];
    const amountStatus: AmountStatus = awaiting ? 'awaiting_confirmation' : 'final';
    rows.push({
      ...payeeOf(reviewCase),
      programme: decision.programme,
      programmeTitle: programme.success ? PROGRAMME_TITLES[programme.data].zh : decision.programme,
      clause: decision.programme,
      amountYuan,
      amountStatus,
      awaitingParameters,
      amountStatusZh: amountStatusZh(amountStatus, awaitingParameters),
      status: reviewCase.status,
      statusZh: CASE_STATUS_ZH[reviewCase.status] ?? reviewCase.status,
      caseId: reviewCase.caseId,
      approvedAt,
      approvedAtBeijing: beijingTime(approvedAt),
      approvedBy: reviewCase.approvedBy ?? '',
      confirmedBy: reviewCase.confirmedBy ?? '',
      approvedByName: reviewCase.approvedByName ?? reviewCase.approvedBy ?? '',
      confirmedByName: reviewCase.confirmedByName ?? reviewCase.confirmedBy ?? '',
    });
  }
  return rows.sort((a, b) => a.approvedAt.localeCompare(b.approvedAt) || a.caseId.localeCompare(b.caseId));
}

/** The calendar day in Hangzhou (UTC+8, no daylight saving) of an ISO instant. */
function bureauDay(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
}

function csvCell(value: string | number | readonly string[], asText = false): string {
  const text = String(value);
  // A long run of digits (an ID number) would open in Excel as a rounded number: `="…"` keeps it as text.
  if (asText && /^\d{9,}[\dXx]?$/.test(text)) return `="${text}"`;
  // A cell starting with = + - @ would run as a formula in Excel (CSV injection): prefix it with a quote.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The rows as CSV (UTF-8 with a byte-order mark so Excel opens the Chinese correctly, CRLF line ends), headed in
 * Chinese; no total line, so finance systems can import it as it is. An ID number is written `="330106…"`, which
 * Excel opens as text (a bare 18-digit number would be rounded to 15 significant digits).
 *
 * @example
 * const csv = paymentsCsv(rows); // '\uFEFF收款人,身份证号/统一社会信用代码,...\r\n王晓明,="3301...",高技能人才一次性补贴（个人）,XH36-3.7.c,...'
 */
export function paymentsCsv(rows: readonly PaymentRow[]): string {
  const lines = [COLUMNS.map((c) => csvCell(c.header)).join(',')];
  for (const row of rows) lines.push(COLUMNS.map((c) => csvCell(row[c.key], c.text)).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * The rows as an XLSX workbook (sheet `支付清单`): ID numbers and codes as text (never rounded to numbers), amounts as
 * numbers, and a total row as a formula.
 *
 * @example
 * const bytes = await paymentsXlsx(rows);
 */
export async function paymentsXlsx(rows: readonly PaymentRow[], meta: { from: string; to: string } = { from: '', to: '' }): Promise<Uint8Array> {
  const workbook = newWorkbook(meta.from ? `补贴支付清单 ${meta.from} 至 ${meta.to}` : undefined);
  // Cells under the columns' keys only: a key no column names (the list of awaited parameters) is not written.
  const sheet = addTableSheet(workbook, '支付清单', COLUMNS, rows);
  if (rows.length > 0) addTotalRow(sheet, { payeeName: '合计' }, { amountYuan: rows.reduce((sum, r) => sum + r.amountYuan, 0) });
  return workbookBytes(workbook);
}
