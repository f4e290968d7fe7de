import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  buildBatchReport,
  createBatch,
  findCrossBatchDuplicates,
  matchBatch,
  summariseBatch,
  type BatchCertificate,
  type RosterRow,
} from '../../shared/batches/index.js';
import type { DocumentRecord } from '../../shared/cases/document-record.js';
import type { ReviewCase } from '../../shared/cases/review-case.js';
import { caseIdFor } from '../../shared/cases/case-id.js';
import { PROGRAMME_TITLES } from '../../shared/policy/programmes.js';
import { FixedClock } from '../support/fakes/index.js';
import { FakeSigner, InMemoryBatchStore, InMemoryCertificateClaims } from './batch-fakes.js';

const row = (rowNumber: number, overrides: Partial<RosterRow> = {}): RosterRow => ({
  rowNumber,
  holderName: `学员${rowNumber}`,
  idNumber: `33010619900101${String(1000 + rowNumber)}`,
  occupation: '电工',
  level: 4,
  certificateNumber: `S0000330100${rowNumber}`,
  issueDate: '2026-05-12',
  issues: [],
  ...overrides,
});

const certificateFor = (source: RosterRow, overrides: Record<string, unknown> = {}, documentId = `doc-${source.rowNumber}`): BatchCertificate => ({
  documentId,
  indexInFile: 0,
  fileName: `${source.holderName}.pdf`,
  fields: Object.fromEntries(
    Object.entries({
      holderName: source.holderName,
      idNumber: source.idNumber,
      occupation: source.occupation,
      level: source.level,
      certificateNumber: source.certificateNumber,
      issueDate: source.issueDate,
      ...overrides,
    }).map(([name, value]) => [name, { value }]),
  ),
});

describe('matchBatch', () => {
  it('matches by certificate number and flags each field whose value differs from the roster', () => {
    const rows = [row(3), row(4)];
    const result = matchBatch(rows, [certificateFor(rows[0]!), certificateFor(rows[1]!, { holderName: '学员四', level: 3 })]);
    expect(result.matches.map((match) => [match.rowNumber, match.matchedBy, match.flags])).toEqual([
      [3, 'certificateNumber', []],
      [
        4,
        'certificateNumber',
        [
          { field: 'holderName', kind: 'mismatch', roster: '学员4', certificate: '学员四' },
          { field: 'level', kind: 'mismatch', roster: 4, certificate: 3 },
        ],
      ],
    ]);
  });

  it('falls back to the ID number when the certificate number was misread, and flags the number', () => {
    const rows = [row(3)];
    const result = matchBatch(rows, [certificateFor(rows[0]!, { certificateNumber: 'S0000330100X' })]);
    expect(result.matches[0]).toMatchObject({ rowNumber: 3, matchedBy: 'idNumber', flags: [{ field: 'certificateNumber', kind: 'mismatch' }] });
  });

  it('flags a field the certificate did not yield as `unread`, and accepts a longer occupation name', () => {
    const rows = [row(3)];
    const result = matchBatch(rows, [certificateFor(rows[0]!, { issueDate: null, occupation: '电工（维修电工）' })]);
    expect(result.matches[0]?.flags).toEqual([{ field: 'issueDate', kind: 'unread', roster: '2026-05-12', certificate: null }]);
  });

  it('reports a roster row without a certificate and a certificate without a row', () => {
    const rows = [row(3), row(4)];
    const stranger = certificateFor(row(99, { holderName: '路人' }), {}, 'doc-x');
    const result = matchBatch(rows, [certificateFor(rows[0]!), stranger]);
    expect(result.rowsWithoutCertificate).toEqual([4]);
    expect(result.certificatesWithoutRow).toEqual([{ documentId: 'doc-x', indexInFile: 0, fileName: '路人.pdf' }]);
  });

  it('reports a certificate number listed on two roster rows', () => {
    const result = matchBatch([row(3), row(4, { certificateNumber: row(3).certificateNumber })], []);
    expect(result.duplicateRows).toEqual([{ certificateNumber: row(3).certificateNumber, rowNumbers: [3, 4] }]);
  });
});

describe('findCrossBatchDuplicates', () => {
  it('flags a certificate number already claimed in another batch, and not the batch claiming it again', async () => {
    const claims = new InMemoryCertificateClaims();
    expect(await findCrossBatchDuplicates([row(3), row(4)], 'batch-1', claims)).toEqual([]);
    expect(await findCrossBatchDuplicates([row(3), row(4)], 'batch-1', claims)).toEqual([]);
    expect(await findCrossBatchDuplicates([row(7, { certificateNumber: row(4).certificateNumber })], 'batch-2', claims)).toEqual([
      { certificateNumber: row(4).certificateNumber, rowNumber: 7, otherBatches: ['batch-1'] },
    ]);
  });
});

describe('createBatch', () => {
  it('puts the roster under batches/ and the certificates under incoming/<batchId>/, large files as multipart', async () => {
    const batches = new InMemoryBatchStore();
    const { batch, uploads } = await createBatch(
      {
        institutionId: 'inst-7',
        files: [
          { name: '名册.xlsx', size: 9_000, role: 'roster' },
          { name: '证书.zip', size: 40 * 1024 * 1024, role: 'certificates', contentType: 'application/zip' },
        ],
      },
      { batches, signer: new FakeSigner(), clock: new FixedClock('2026-11-27T01:00:00Z'), bucket: 'intake', newBatchId: () => 'batch-t1' },
    );
    expect(batch).toMatchObject({
      batchId: 'batch-t1',
      institutionId: 'inst-7',
      rosterKey: 'batches/batch-t1/名册.xlsx',
      certificateKeys: ['incoming/batch-t1/证书.zip'],
    });
    expect(uploads[0]).toMatchObject({ method: 'PUT', key: 'batches/batch-t1/名册.xlsx' });
    expect(uploads[1]).toMatchObject({ method: 'MULTIPART', uploadId: 'upload-1', partSize: 16 * 1024 * 1024 });
    expect((uploads[1] as { parts: unknown[] }).parts).toHaveLength(3);
    expect(await batches.get('batch-t1')).toEqual(batch);
  });
});

describe('buildBatchReport', () => {
  it('writes counts by state, amounts under XH36-3.7.a/b, the row-by-row comparison and the gaps as XLSX', async () => {
    const batchId = 'batch-r1';
    const rows = [row(3), row(4)];
    const record: DocumentRecord = {
      documentId: 'doc-a',
      submissionId: batchId,
      bucket: 'intake',
      key: `incoming/${batchId}/a.pdf`,
      sourceVersion: 'e',
      fileName: 'a.pdf',
      status: 'needs_review',
      documents: [
        { type: 'vocational_certificate', pages: [1], typeConfidence: 0.9, fields: certificateFor(rows[0]!, { holderName: '学员三' }).fields as never },
      ],
      createdAt: '2026-11-27T01:00:00Z',
      updatedAt: '2026-11-27T01:00:00Z',
    };
    const caseId = caseIdFor(batchId, { documentId: 'doc-a', indexInFile: 0 });
    const cases = [
      {
        caseId,
        submissionId: batchId,
        queue: 'XH36-3.7.a',
        status: 'pending_review',
        documents: [],
        flaggedFieldCount: 1,
        version: 1,
        createdAt: '',
        updatedAt: '',
        decision: {
          programme: 'XH36-3.7.a',
          outcome: 'eligible',
          amountYuan: 1200,
          reasons: [],
          missingDocuments: [],
          trace: [],
          unconfirmedParameters: [],
          claimKeys: [],
          evaluatedOn: '2026-11-27',
        },
      },
    ] as unknown as ReviewCase[];
    const summary = summariseBatch({ batchId, rows, documents: [record], cases, crossBatchDuplicates: [] });
    expect(summary.amountsByProgramme).toEqual({ 'XH36-3.7.a': 1200, 'XH36-3.7.b': 0 });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await buildBatchReport(summary)) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['汇总', '名册比对', '案件结果', '缺失与多余', '重复证书']);
    const overview = workbook
      .getWorksheet('汇总')!
      .getSheetValues()
      .map((values) => (Array.isArray(values) ? values.slice(1) : []));
    expect(overview).toContainEqual([`${PROGRAMME_TITLES['XH36-3.7.a'].zh}（XH36-3.7.a）`, 1200]);
    expect(overview).toContainEqual(['待人工核对', 1]);
    const comparison = workbook.getWorksheet('名册比对')!.getRow(2).values as unknown[];
    expect(comparison.slice(1, 9)).toEqual([
      3,
      '学员3',
      row(3).idNumber,
      row(3).certificateNumber,
      'a.pdf',
      '证书编号',
      '姓名：名册「学员3」/证书「学员三」',
      caseId,
    ]);
    expect(workbook.getWorksheet('缺失与多余')!.getRow(2).values).toEqual([undefined, '有名册无证书', 4, '学员4']);
  });
});
