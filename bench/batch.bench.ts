/**
 * `npm run bench -- batch [--certificates N]`: a training institution's batch of N (default 1,000) certificates
 * through the embedded stack (real DynamoDB Local, s3rver, the local queue and the real handlers): one ZIP of
 * single-page *digital* certificate PDFs (a text layer, so no OCR — this measures the intake path: ZIP expansion,
 * ingest, process with extraction and rules, storage) uploaded under `incoming/<batchId>/`, plus its roster. Prints
 * the wall time, pages/min, the documents by state, the roster matching, and checks that no file was lost: every
 * ZIP entry has a document record in a final state.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import * as mupdf from 'mupdf';
import { DynamoDbCaseRepository } from '../shared/adapters/dynamodb-case-repository.js';
import { DynamoDbDocumentRepository } from '../shared/adapters/dynamodb-document-repository.js';
import { summariseBatch, type RosterRow } from '../shared/batches/index.js';
import { buildSkillLevelCertificateNumber } from '../shared/extraction/index.js';
import { startEmbeddedStack } from '../local/embedded-stack.js';
import { zipOf } from '../test/web/batch-fixtures.js';
import { FINAL_DOCUMENT_STATES } from '../shared/cases/document-record.js';

const FINAL = new Set<string>(FINAL_DOCUMENT_STATES);
const NAMES = ['王晓明', '李娜', '张伟', '刘洋', '陈静', '杨帆', '赵磊', '黄丽', '周强', '吴敏'];

function argument(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = Number(index >= 0 ? process.argv[index + 1] : process.env[`INTAKE_BENCH_${name.toUpperCase()}`]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** A check character per GB 11643 so generated ID numbers are valid. */
function idNumber(n: number): string {
  const first17 = `330106${1980 + (n % 20)}0${1 + (n % 9)}1${n % 10}${String(n % 1000).padStart(3, '0')}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * weights[index]!, 0);
  return first17 + '10X98765432'[sum % 11];
}

function person(n: number): RosterRow {
  return {
    rowNumber: n + 2,
    holderName: NAMES[n % NAMES.length]! + ['', '一', '二', '三'][Math.floor(n / NAMES.length) % 4],
    idNumber: idNumber(n),
    occupation: n % 2 === 0 ? '电工' : '养老护理员',
    level: 3,
    // A well-formed skill-level number (level and year digits agree with the certificate), as an assessor issues.
    certificateNumber: buildSkillLevelCertificateNumber({ assessor: 'S', organisationCode: '330106000001', year: 2026, level: 3, serial: n + 1 }),
    issueDate: '2026-06-18',
    issues: [],
  };
}

const hex = (text: string) => Buffer.from(text, 'utf16le').swap16().toString('hex');

function certificatePdf(row: RosterRow): Uint8Array {
  const document = new mupdf.PDFDocument();
  const font = document.addCJKFont(new mupdf.Font('zh-Hans'), 'zh-Hans', 0, false);
  const resources = document.addObject({ Font: { F1: font } });
  const lines = [
    ['职业技能等级证书', 24, 200],
    [`姓名：${row.holderName}`, 14, 300],
    [`身份证号：${row.idNumber}`, 14, 330],
    [`职业（工种）：${row.occupation}`, 14, 360],
    ['等级：三级/高级工', 14, 390],
    [`证书编号：${row.certificateNumber}`, 14, 420],
    ['发证日期：2026年06月18日', 14, 450],
    ['评价机构：杭州西湖职业培训学校', 14, 480],
  ] as const;
  const content = lines.map(([text, size, y]) => `BT /F1 ${size} Tf 72 ${842 - y} Td <${hex(text)}> Tj ET`).join('\n');
  document.insertPage(-1, document.addPage([0, 0, 595, 842], 0, resources, content));
  const bytes = document.saveToBuffer('compress').asUint8Array().slice();
  document.destroy();
  return bytes;
}

export async function run(): Promise<void> {
  const count = argument('certificates', 1000);
  const rows = Array.from({ length: count }, (_, n) => person(n));
  const started = performance.now();
  const zip = await zipOf(rows.map((row) => ({ name: `证书/${row.rowNumber}-${row.holderName}.pdf`, bytes: certificatePdf(row) })));
  console.log(
    `generated ${count} digital single-page certificate PDFs, ZIP ${(zip.length / 1024 / 1024).toFixed(1)} MiB in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'intake-batch-bench-'));
  const stack = await startEmbeddedStack({ dataDir, httpPort: false, inboxDir: false });
  let peakRss = 0;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage.rss())), 500);
  try {
    const batchId = `batch-bench-${Date.now().toString(36)}`;
    const { bucket, tableName } = stack.endpoints;
    const t0 = performance.now();
    await stack.s3.send(new PutObjectCommand({ Bucket: bucket, Key: `incoming/${batchId}/certificates.zip`, Body: zip }));
    const documents = new DynamoDbDocumentRepository(stack.db, tableName);
    // settled() covers events and the queue; the expansion's own uploads raise events after it, so poll until all are final.
    let records = await documents.listBySubmission(batchId);
    let lastLog = 0;
    while (records.length < count + 1 || records.some((record) => !FINAL.has(record.status))) {
      await new Promise((resolve) => setTimeout(resolve, 2000));
      records = await documents.listBySubmission(batchId);
      if (performance.now() - lastLog > 15000) {
        lastLog = performance.now();
        console.log(
          `  ${records.filter((record) => FINAL.has(record.status)).length}/${count + 1} documents final after ${((performance.now() - t0) / 1000).toFixed(0)} s`,
        );
      }
      if (performance.now() - t0 > 30 * 60 * 1000) throw new Error('batch did not settle within 30 minutes');
    }
    const seconds = (performance.now() - t0) / 1000;
    const cases = await new DynamoDbCaseRepository(stack.db, tableName).listBySubmission(batchId);
    const summary = summariseBatch({ batchId, rows, documents: records, cases, crossBatchDuplicates: [] });
    const entryKeys = new Set(rows.map((row) => `incoming/${batchId}/certificates.zip/证书/${row.rowNumber}-${row.holderName}.pdf`));
    const lost = [...entryKeys].filter((key) => !records.some((record) => record.key === key));
    console.log(`batch of ${count} certificates (one ZIP, digital single-page PDFs) through the embedded stack:`);
    console.log(`  wall time ${seconds.toFixed(1)} s from upload to every document final → ${((count / seconds) * 60).toFixed(0)} pages/min`);
    console.log(`  documents by state ${JSON.stringify(summary.documentsByStatus)}; cases ${cases.length} ${JSON.stringify(summary.casesByStatus)}`);
    console.log(
      `  roster matching: ${summary.matching.matches.length} matched, ${summary.matching.matches.filter((match) => match.flags.length > 0).length} with flagged fields, ${summary.matching.rowsWithoutCertificate.length} rows without certificate, ${summary.matching.certificatesWithoutRow.length} certificates without row`,
    );
    console.log(
      `  lost files: ${lost.length}${lost.length ? ` (e.g. ${lost[0]})` : ''}; peak RSS of this process ${(peakRss / 1024 / 1024).toFixed(0)} MiB; load average ${os.loadavg()[0]!.toFixed(1)}`,
    );
    if (lost.length > 0) process.exitCode = 1;
  } finally {
    clearInterval(sampler);
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
