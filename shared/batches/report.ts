import type { DocumentRecord } from '../cases/document-record.js';
import type { ReviewCase } from '../cases/review-case.js';
import { caseIdFor } from '../cases/case-id.js';
import { PROGRAMME_TITLES, programmeIdSchema } from '../policy/programmes.js';
import { CASE_STATUS_ZH, clerkText } from '../cases/labels-zh.js';
import { displayedOutcome, shownReasons } from '../cases/displayed-outcome.js';
import type { CrossBatchDuplicate } from './certificate-claims.js';
import { matchBatch, type BatchCertificate, type BatchMatching } from './matching.js';
import type { RosterRow } from './roster.js';
import { newWorkbook, workbookBytes } from '../exports/worksheet.js';

/** The programmes a training body's batch claims under (POLICY.md XH36-3.7.a/b). */
export const BATCH_PROGRAMMES = ['XH36-3.7.a', 'XH36-3.7.b'] as const;

export interface BatchSummary {
  batchId: string;
  documentsByStatus: Record<string, number>;
  casesByStatus: Record<string, number>;
  /** Yuan claimed (decided amounts) per programme. */
  amountsByProgramme: Record<string, number>;
  matching: BatchMatching;
  crossBatchDuplicates: CrossBatchDuplicate[];
  rows: RosterRow[];
  cases: ReviewCase[];
  documents: DocumentRecord[];
}

/**
 * The certificates found in a batch's documents: each vocational certificate of each file, with its case.
 *
 * @example
 * certificatesOf('batch-1', await documents.listBySubmission('batch-1'));
 */
export function certificatesOf(batchId: string, records: readonly DocumentRecord[]): BatchCertificate[] {
  const out: BatchCertificate[] = [];
  for (const record of records) {
    (record.documents ?? []).forEach((document, indexInFile) => {
      if (document.type !== 'vocational_certificate') return;
      out.push({
        documentId: record.documentId,
        indexInFile,
        fileName: record.fileName,
        caseId: caseIdFor(batchId, { documentId: record.documentId, indexInFile }),
        fields: document.fields as BatchCertificate['fields'],
      });
    });
  }
  return out;
}

const countBy = <T>(items: readonly T[], key: (item: T) => string): Record<string, number> =>
  items.reduce<Record<string, number>>((counts, item) => ({ ...counts, [key(item)]: (counts[key(item)] ?? 0) + 1 }), {});

/**
 * Everything the batch page and report show: counts by state, amounts under XH36-3.7.a/b, the roster matched against
 * the certificates read, and certificate numbers another batch already holds.
 *
 * @example
 * const summary = summariseBatch({ batchId, rows: roster.rows, documents, cases, crossBatchDuplicates: [] });
 */
export function summariseBatch(input: {
  batchId: string;
  rows: RosterRow[];
  documents: DocumentRecord[];
  cases: ReviewCase[];
  crossBatchDuplicates: CrossBatchDuplicate[];
}): BatchSummary {
  const amountsByProgramme: Record<string, number> = Object.fromEntries(BATCH_PROGRAMMES.map((programme) => [programme, 0]));
  for (const item of input.cases) {
    const decision = item.decision;
    // A case held by an open finding counts no amount (displayedOutcome), as on its line.
    if (decision && decision.outcome !== 'ineligible' && decision.programme in amountsByProgramme)
      amountsByProgramme[decision.programme]! += displayedOutcome(item)?.amountYuan ?? 0;
  }
  return {
    batchId: input.batchId,
    documentsByStatus: countBy(input.documents, (record) => record.status),
    casesByStatus: countBy(input.cases, (item) => item.status),
    amountsByProgramme,
    matching: matchBatch(input.rows, certificatesOf(input.batchId, input.documents)),
    crossBatchDuplicates: input.crossBatchDuplicates,
    rows: input.rows,
    cases: input.cases,
    documents: input.documents,
  };
}

/** Why a case held by an open finding (documents of different persons) waits, as a training body reads it. */
const FINDINGS_OPEN_REASON_ZH = '各材料所写人员不一致，待工作人员核对';

/** One case of a batch as a training body reads it: its file, its state and outcome in Chinese, and why, in one line. */
export interface CaseOutcomeLine {
  caseId: string;
  fileName: string;
  /** 1-based place of the certificate in its file (a ZIP entry or a long scan holds several). */
  certificateInFile: number;
  holderName?: string;
  status: string;
  statusZh: string;
  outcome?: string;
  outcomeZh: string;
  programmeTitle?: string;
  /** Yuan the outcome carries (0 when none is payable); absent while an open finding holds the amount back. */
  amountYuan?: number;
  /** The decision's reasons (and a rejection's), in Chinese, joined with `；`. */
  reasonZh: string;
}

const programmeTitle = (programme: string | undefined) => {
  const id = programmeIdSchema.safeParse(programme);
  return id.success ? PROGRAMME_TITLES[id.data].zh : programme;
};

/**
 * Each case of the batch with its file name, state, outcome and reasons in Chinese — one line each on the batch page
 * and in the report (issue 16, training bodies). Files in pinyin order (zh-CN collation), then by place in the file.
 *
 * @example
 * caseOutcomeLines(summary)[0]; // { fileName: '张三.pdf', statusZh: '待审核', outcomeZh: '缺少材料', reasonZh: '缺少材料：企业营业执照复印件', … }
 */
export function caseOutcomeLines(summary: Pick<BatchSummary, 'cases' | 'documents'>): CaseOutcomeLine[] {
  const files = new Map(summary.documents.map((record) => [record.documentId, record.fileName ?? record.key.split('/').pop() ?? record.documentId]));
  const lines = summary.cases.map((item): CaseOutcomeLine => {
    const certificate = item.documents.find((document) => document.type === 'vocational_certificate') ?? item.documents[0];
    const decision = item.decision;
    const shown = displayedOutcome(item);
    const reasons = [
      ...(shown?.findingsOpen ? [FINDINGS_OPEN_REASON_ZH] : []),
      // As the case view words them: no rules paths, document ids or parameter names (issue 16).
      ...shownReasons(item).map((reason) => clerkText(reason.zh, item.documents)),
      ...(item.status === 'rejected' && item.rejection ? [`退回原因：${item.rejection.reason}`] : []),
    ];
    return {
      caseId: item.caseId,
      fileName: certificate ? (files.get(certificate.documentId) ?? certificate.documentId) : '',
      certificateInFile: (certificate?.indexInFile ?? 0) + 1,
      ...(item.personName ? { holderName: item.personName } : {}),
      status: item.status,
      statusZh: CASE_STATUS_ZH[item.status] ?? item.status,
      ...(decision ? { outcome: decision.outcome } : {}),
      outcomeZh: shown ? shown.outcomeZh : '未判定',
      ...(decision ? { programmeTitle: programmeTitle(decision.programme) } : {}),
      ...(shown?.findingsOpen && decision?.outcome !== 'ineligible'
        ? {}
        : { amountYuan: decision && decision.outcome !== 'ineligible' ? (shown?.amountYuan ?? 0) : 0 }),
      reasonZh: reasons.length > 0 ? [...new Set(reasons)].join('；') : decision ? '' : '规则未能判定，待工作人员审核',
    };
  });
  return lines.sort((a, b) => a.fileName.localeCompare(b.fileName, 'zh-CN') || a.certificateInFile - b.certificateInFile || a.caseId.localeCompare(b.caseId));
}

const FIELD_LABELS: Record<string, string> = {
  holderName: '姓名',
  idNumber: '身份证号',
  occupation: '职业(工种)',
  level: '等级',
  certificateNumber: '证书编号',
  issueDate: '发证日期',
};
const STATUS_LABELS: Record<string, string> = {
  received: '已接收',
  processing: '处理中',
  processed: '已识别',
  needs_review: '待人工核对',
  rejected: '已拒收',
  failed: '处理失败',
  duplicate: '重复上传',
};

/**
 * The batch report as an XLSX workbook (Chinese, for the institution and the clerks): 汇总 (counts by state,
 * amounts under XH36-3.7.a/b), 名册比对 (each roster row, its certificate, flagged fields, case and amount), 缺失与多余
 * (rows without a certificate, certificates without a row), 重复证书 (numbers listed twice or claimed in another batch).
 *
 * @example
 * const xlsx = await buildBatchReport(summary);
 */
export async function buildBatchReport(summary: BatchSummary): Promise<Uint8Array> {
  const workbook = newWorkbook();
  const casesById = new Map(summary.cases.map((item) => [item.caseId, item]));

  const overview = workbook.addWorksheet('汇总');
  overview.columns = [{ width: 28 }, { width: 16 }];
  overview.addRow(['批次', summary.batchId]);
  overview.addRow([]);
  overview.addRow(['文件状态', '数量']).font = { bold: true };
  for (const [status, count] of Object.entries(summary.documentsByStatus)) overview.addRow([STATUS_LABELS[status] ?? status, count]);
  overview.addRow([]);
  overview.addRow(['案件状态', '数量']).font = { bold: true };
  for (const [status, count] of Object.entries(summary.casesByStatus)) overview.addRow([CASE_STATUS_ZH[status] ?? status, count]);
  overview.addRow([]);
  overview.addRow(['申领项目', '金额（元）']).font = { bold: true };
  for (const [programme, amount] of Object.entries(summary.amountsByProgramme)) overview.addRow([`${programmeTitle(programme)}（${programme}）`, amount]);
  overview.addRow([]);
  overview.addRow(['名册行数', summary.rows.length]);
  overview.addRow(['已匹配证书', summary.matching.matches.length]);
  overview.addRow(['有名册无证书', summary.matching.rowsWithoutCertificate.length]);
  overview.addRow(['有证书无名册', summary.matching.certificatesWithoutRow.length]);
  overview.addRow(['字段不一致的证书', summary.matching.matches.filter((match) => match.flags.length > 0).length]);
  overview.addRow(['重复证书编号', summary.matching.duplicateRows.length + summary.crossBatchDuplicates.length]);

  const rows = workbook.addWorksheet('名册比对');
  rows.addRow([
    '名册行',
    '姓名',
    '身份证号',
    '证书编号',
    '证书文件',
    '匹配依据',
    '不一致字段',
    '案件',
    '案件状态',
    '申领项目',
    '金额（元）',
    '审核结果',
    '原因',
  ]).font = { bold: true };
  rows.getColumn(3).numFmt = '@';
  const outcomeByCase = new Map(caseOutcomeLines(summary).map((line) => [line.caseId, line]));
  const matchByRow = new Map(summary.matching.matches.map((match) => [match.rowNumber, match]));
  for (const row of summary.rows) {
    const match = matchByRow.get(row.rowNumber);
    const item = match?.certificate.caseId ? casesById.get(match.certificate.caseId) : undefined;
    const flags = match?.flags
      .map(
        (flag) =>
          `${FIELD_LABELS[flag.field] ?? flag.field}：名册「${String(flag.roster)}」/证书「${flag.certificate === null ? '未识别' : String(flag.certificate)}」`,
      )
      .join('；');
    rows.addRow([
      row.rowNumber,
      row.holderName ?? '',
      row.idNumber ?? '',
      row.certificateNumber ?? '',
      match?.certificate.fileName ?? '（未找到证书）',
      match?.matchedBy ? { certificateNumber: '证书编号', idNumber: '身份证号', holderName: '姓名' }[match.matchedBy] : '',
      flags ?? '',
      item?.caseId ?? '',
      item ? (CASE_STATUS_ZH[item.status] ?? item.status) : '',
      item?.decision ? (programmeTitle(item.decision.programme) ?? '') : '',
      item?.decision ? (outcomeByCase.get(item.caseId)?.amountYuan ?? '') : '',
      item ? (outcomeByCase.get(item.caseId)?.outcomeZh ?? '') : '',
      item ? (outcomeByCase.get(item.caseId)?.reasonZh ?? '') : '',
    ]);
  }

  const outcomes = workbook.addWorksheet('案件结果');
  outcomes.columns = [
    { header: '证书文件', width: 28 },
    { header: '文件内序号', width: 10 },
    { header: '姓名', width: 10 },
    { header: '案件状态', width: 10 },
    { header: '审核结果', width: 10 },
    { header: '申领项目', width: 30 },
    { header: '金额（元）', width: 12 },
    { header: '原因', width: 80 },
    { header: '案件', width: 36 },
  ];
  outcomes.getRow(1).font = { bold: true };
  for (const line of caseOutcomeLines(summary)) {
    outcomes.addRow([
      line.fileName,
      line.certificateInFile,
      line.holderName ?? '',
      line.statusZh,
      line.outcomeZh,
      line.programmeTitle ?? '',
      line.amountYuan ?? '',
      line.reasonZh,
      line.caseId,
    ]);
  }

  const gaps = workbook.addWorksheet('缺失与多余');
  gaps.addRow(['类别', '名册行 / 文件', '说明']).font = { bold: true };
  const rowByNumber = new Map(summary.rows.map((row) => [row.rowNumber, row]));
  for (const rowNumber of summary.matching.rowsWithoutCertificate) gaps.addRow(['有名册无证书', rowNumber, rowByNumber.get(rowNumber)?.holderName ?? '']);
  for (const certificate of summary.matching.certificatesWithoutRow)
    gaps.addRow(['有证书无名册', `${certificate.fileName ?? certificate.documentId} 第${certificate.indexInFile + 1}份`, '']);

  const duplicates = workbook.addWorksheet('重复证书');
  duplicates.addRow(['证书编号', '名册行', '说明']).font = { bold: true };
  for (const duplicate of summary.matching.duplicateRows) duplicates.addRow([duplicate.certificateNumber, duplicate.rowNumbers.join('、'), '名册内重复']);
  for (const duplicate of summary.crossBatchDuplicates) {
    // A training body's report names no other body's batch (`forInstitution` empties the list); the bureau's names them.
    const note = duplicate.otherBatches.length > 0 ? `另见批次 ${duplicate.otherBatches.join('、')}，待核对` : '该证书编号另有申报，待区人社局核对';
    duplicates.addRow([duplicate.certificateNumber, duplicate.rowNumber, note]);
  }

  return workbookBytes(workbook);
}
