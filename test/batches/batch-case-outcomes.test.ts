import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildBatchReport, caseOutcomeLines, summariseBatch } from '../../shared/batches/index.js';
import type { Decision } from '../../shared/policy/decision.js';
import { aCaseDocument, aDocumentRecord, aReviewCase } from '../support/fakes/factories.js';

// Issue 16, training bodies: each case's outcome and reason in one line with its file name; the batch report carries
// outcome and reason columns in Chinese.
const batchId = 'batch-o1';

function aDecision(overrides: Partial<Decision>): Decision {
  return {
    programme: 'XH36-3.7.a',
    outcome: 'eligible',
    amountYuan: 500,
    reasons: [],
    missingDocuments: [],
    trace: [],
    unconfirmedParameters: [],
    claimKeys: [],
    evaluatedOn: '2026-11-20',
    ...overrides,
  };
}

function aBatch() {
  const paid = aDocumentRecord({ documentId: 'doc-zhang', submissionId: batchId, fileName: '张三.pdf' });
  const missing = aDocumentRecord({ documentId: 'doc-scan', submissionId: batchId, fileName: '扫描件.pdf' });
  const cases = [
    aReviewCase({
      caseId: 'case-b',
      submissionId: batchId,
      status: 'needs_review',
      personName: '李四',
      documents: [aCaseDocument({ documentId: 'doc-scan', indexInFile: 1, type: 'vocational_certificate' })],
      decision: aDecision({
        outcome: 'missing_documents',
        amountYuan: 0,
        reasons: [{ ruleId: 'XH36-3.7.1', zh: '缺少材料：企业营业执照复印件', en: 'missing document: business licence copy' }],
      }),
    }),
    aReviewCase({
      caseId: 'case-a',
      submissionId: batchId,
      status: 'approved',
      personName: '张三',
      documents: [aCaseDocument({ documentId: 'doc-zhang', indexInFile: 0, type: 'vocational_certificate' })],
      decision: aDecision({ reasons: [{ ruleId: 'XH36-3.7.a', zh: '三级（高级工）证书，补贴500元', en: 'level 3, 500 yuan' }] }),
    }),
    aReviewCase({
      caseId: 'case-c',
      submissionId: batchId,
      status: 'rejected',
      personName: '王五',
      documents: [aCaseDocument({ documentId: 'doc-scan', indexInFile: 0, type: 'vocational_certificate' })],
      rejection: { reason: '证书复印件模糊', by: 'clerk1' },
      decision: aDecision({ outcome: 'ineligible', amountYuan: 0, reasons: [{ ruleId: 'XH36-3.7.a', zh: '证书等级未能识别', en: 'level unread' }] }),
    }),
  ];
  return summariseBatch({ batchId, rows: [], documents: [paid, missing], cases, crossBatchDuplicates: [] });
}

describe('caseOutcomeLines', () => {
  it('gives each case its file name, state, outcome and reasons in Chinese, files in pinyin order', () => {
    const lines = caseOutcomeLines(aBatch());

    expect(lines.map((line) => [line.fileName, line.certificateInFile, line.statusZh, line.outcomeZh, line.amountYuan, line.reasonZh])).toEqual([
      ['扫描件.pdf', 1, '已驳回', '不予补贴', 0, '证书等级未能识别；退回原因：证书复印件模糊'],
      ['扫描件.pdf', 2, '待审核', '缺少材料', 0, '缺少材料：企业营业执照复印件'],
      ['张三.pdf', 1, '已审批', '符合', 500, '三级（高级工）证书，补贴500元'],
    ]);
  });

  it('says a case the rules could not judge waits for a person', () => {
    const summary = summariseBatch({
      batchId,
      rows: [],
      documents: [],
      cases: [aReviewCase({ submissionId: batchId, decision: undefined })],
      crossBatchDuplicates: [],
    });
    expect(caseOutcomeLines(summary)[0]).toMatchObject({ outcomeZh: '未判定', reasonZh: '规则未能判定，待工作人员审核' });
  });
});

describe('buildBatchReport: 案件结果', () => {
  it('lists every case with its file, state, outcome and reason in Chinese', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await buildBatchReport(aBatch())) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('案件结果')!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      '证书文件',
      '文件内序号',
      '姓名',
      '案件状态',
      '审核结果',
      '申领项目',
      '金额（元）',
      '原因',
      '案件',
    ]);
    expect((sheet.getRow(3).values as unknown[]).slice(1, 9)).toEqual([
      '扫描件.pdf',
      2,
      '李四',
      '待审核',
      '缺少材料',
      '高技能人才培训补贴（培训机构）',
      0,
      '缺少材料：企业营业执照复印件',
    ]);
    const overview = workbook
      .getWorksheet('汇总')!
      .getSheetValues()
      .map((values) => (Array.isArray(values) ? values.slice(1) : []));
    expect(overview).toContainEqual(['已审批', 1]);
    expect(overview.flat()).not.toContain('approved');
  });
});

describe("the batch page's programme titles", () => {
  it("match the policy's titles of the programmes a batch claims under", async () => {
    const source = (await import('node:fs')).readFileSync('web/src/batch-upload.ts', 'utf8');
    const { PROGRAMME_TITLES } = await import('../../shared/policy/programmes.js');
    for (const programme of ['XH36-3.7.a', 'XH36-3.7.b'] as const) expect(source).toContain(`'${programme}': '${PROGRAMME_TITLES[programme].zh}'`);
  });
});
