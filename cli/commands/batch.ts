/**
 * `intake batch submit --institution ID --roster roster.xlsx FILES...`: a training institution's bulk upload to the
 * running stack — the roster is checked first (missing columns stop it), a batch is created with presigned upload
 * URLs (multipart for large files) exactly as the API hands them out, the files are uploaded with a progress bar,
 * and certificate numbers already claimed by another batch are reported.
 * `intake batch report BATCH_ID [--out FILE.xlsx]`: the batch report (counts by state, amounts under XH36-3.7.a/b,
 * the roster matched against the certificates read).
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CompleteMultipartUploadCommand } from '@aws-sdk/client-s3';
import type { Command } from 'commander';
import { createDynamoDbDocumentClient, createPresigningS3Client, createS3Client } from '../../shared/adapters/aws-clients.js';
import { DynamoDbBatchStore, DynamoDbCertificateClaims } from '../../shared/adapters/dynamodb-batch-store.js';
import { DynamoDbCaseRepository } from '../../shared/adapters/dynamodb-case-repository.js';
import { DynamoDbDocumentRepository } from '../../shared/adapters/dynamodb-document-repository.js';
import { S3BlobStore } from '../../shared/adapters/s3-blob-store.js';
import { S3UploadUrlSigner } from '../../shared/adapters/s3-upload-url-signer.js';
import { buildBatchReport, createBatch, findCrossBatchDuplicates, parseRoster, summariseBatch, type UploadTarget } from '../../shared/batches/index.js';
import { describeFailure } from '../../shared/intake/failure.js';
import { systemClock } from '../../shared/ports/index.js';
import { resolveStackEndpoints } from '../../local/stack-endpoints.js';

/**
 * A one-line progress bar.
 *
 * @example
 * progressBar(512, 1024); // '[##########----------]  50%'
 */
export function progressBar(done: number, total: number, width = 20): string {
  const share = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(share * 100)).padStart(3)}%`;
}

function stack() {
  const where = resolveStackEndpoints();
  const s3 = createS3Client({ endpoint: where.s3, region: where.region });
  const db = createDynamoDbDocumentClient({ endpoint: where.dynamodb, region: where.region });
  // Presigned uploads sign no empty-body checksum (see createPresigningS3Client).
  const presigning = createPresigningS3Client({ endpoint: where.s3, region: where.region });
  return { where, s3, db, presigning, close: () => (s3.destroy(), db.destroy(), presigning.destroy()) };
}

async function put(url: string, body: Uint8Array, contentType?: string): Promise<string> {
  const response = await fetch(url, { method: 'PUT', body: Buffer.from(body), headers: contentType ? { 'content-type': contentType } : {} });
  if (!response.ok) throw new Error(`upload refused: HTTP ${response.status} ${await response.text()}`);
  return response.headers.get('etag') ?? '';
}

/** Options of a batch submit, as commander hands them over (numbers as typed). */
export interface BatchSubmitOptions {
  institution: string;
  roster: string;
  partSizeMb: string;
}

/**
 * Checks the roster, creates the batch and uploads roster and certificates with a progress bar; what `intake batch
 * submit` and `intake submit --institution … --roster …` run.
 *
 * @example
 * await submitBatch(['certificates.zip'], { institution: 'inst-1', roster: 'roster.xlsx', partSizeMb: '16' });
 */
export async function submitBatch(files: string[], options: BatchSubmitOptions): Promise<void> {
  const rosterBytes = new Uint8Array(readFileSync(options.roster));
  try {
    const roster = await parseRoster(rosterBytes, options.roster);
    console.log(
      `roster ${path.basename(options.roster)}: ${roster.rows.length} row(s)${roster.rows.some((row) => row.issues.length) ? ', some with issues' : ''}`,
    );
  } catch (error) {
    const failure = describeFailure(error);
    console.error(`roster refused (${failure.error.code}): ${failure.error.message} — ${(error as Error).message}`);
    process.exitCode = 1;
    return;
  }
  const { where, s3, db, presigning, close } = stack();
  try {
    const all = [{ file: options.roster, role: 'roster' as const }, ...files.map((file) => ({ file, role: 'certificates' as const }))];
    const contentTypeOf = (file: string) => (/\.zip$/i.test(file) ? 'application/zip' : /\.pdf$/i.test(file) ? 'application/pdf' : 'application/octet-stream');
    const { batch, uploads } = await createBatch(
      {
        institutionId: options.institution,
        files: all.map(({ file, role }) => ({ name: path.basename(file), size: statSync(file).size, role, contentType: contentTypeOf(file) })),
      },
      {
        batches: new DynamoDbBatchStore(db, where.tableName),
        signer: new S3UploadUrlSigner(presigning),
        clock: systemClock,
        bucket: where.bucket,
        partSize: Number(options.partSizeMb) * 1024 * 1024,
        multipartThreshold: Number(options.partSizeMb) * 1024 * 1024,
      },
    );
    console.log(`batch ${batch.batchId} for ${batch.institutionId}`);
    const total = all.reduce((sum, { file }) => sum + statSync(file).size, 0);
    let done = 0;
    const show = (name: string) => process.stdout.write(`\r${progressBar(done, total)} ${name}`.padEnd(80));
    for (const [index, upload] of uploads.entries()) {
      const bytes = new Uint8Array(readFileSync(all[index]!.file));
      if (upload.method === 'PUT') {
        await put(upload.url, bytes, contentTypeOf(all[index]!.file));
        done += bytes.length;
        show(upload.name);
      } else {
        const parts = await uploadParts(upload, bytes, (sent) => {
          done += sent;
          show(upload.name);
        });
        await s3.send(
          new CompleteMultipartUploadCommand({ Bucket: where.bucket, Key: upload.key, UploadId: upload.uploadId, MultipartUpload: { Parts: parts } }),
        );
      }
    }
    process.stdout.write('\n');
    const roster = await parseRoster(rosterBytes, options.roster);
    const duplicates = await findCrossBatchDuplicates(roster.rows, batch.batchId, new DynamoDbCertificateClaims(db, where.tableName));
    for (const duplicate of duplicates)
      console.log(
        `  row ${duplicate.rowNumber}: certificate ${duplicate.certificateNumber} also listed in ${duplicate.otherBatches.join(', ')} (the bureau decides)`,
      );
    console.log(`uploaded; follow with \`intake batch report ${batch.batchId}\``);
  } finally {
    close();
  }
}

async function uploadParts(
  upload: Extract<UploadTarget, { method: 'MULTIPART' }>,
  bytes: Uint8Array,
  progress: (sent: number) => void,
): Promise<{ PartNumber: number; ETag: string }[]> {
  const eTags: { PartNumber: number; ETag: string }[] = [];
  for (const part of upload.parts) {
    const chunk = bytes.subarray((part.partNumber - 1) * upload.partSize, part.partNumber * upload.partSize);
    if (chunk.length === 0) continue;
    eTags.push({ PartNumber: part.partNumber, ETag: await put(part.url, chunk) });
    progress(chunk.length);
  }
  return eTags;
}

async function reportBatch(batchId: string, options: { out?: string }): Promise<void> {
  const { where, s3, db, close } = stack();
  try {
    const batch = await new DynamoDbBatchStore(db, where.tableName).get(batchId);
    if (!batch) throw new Error(`no batch ${batchId}`);
    const rows = batch.rosterKey ? (await parseRoster(await new S3BlobStore(s3).get(where.bucket, batch.rosterKey), batch.rosterKey)).rows : [];
    const [documents, cases, crossBatchDuplicates] = await Promise.all([
      new DynamoDbDocumentRepository(db, where.tableName).listBySubmission(batchId),
      new DynamoDbCaseRepository(db, where.tableName).listBySubmission(batchId),
      findCrossBatchDuplicates(rows, batchId, new DynamoDbCertificateClaims(db, where.tableName)),
    ]);
    const summary = summariseBatch({ batchId, rows, documents, cases, crossBatchDuplicates });
    console.log(`batch ${batchId}: documents ${JSON.stringify(summary.documentsByStatus)}, cases ${JSON.stringify(summary.casesByStatus)}`);
    console.log(
      `  matched ${summary.matching.matches.length}/${rows.length}, rows without certificate ${summary.matching.rowsWithoutCertificate.length}, certificates without row ${summary.matching.certificatesWithoutRow.length}, duplicates ${summary.matching.duplicateRows.length + crossBatchDuplicates.length}`,
    );
    const out = options.out ?? `${batchId}-report.xlsx`;
    writeFileSync(out, await buildBatchReport(summary));
    console.log(`  report written to ${out}`);
  } finally {
    close();
  }
}

const fail = (error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
};

/**
 * Adds `intake batch submit` and `intake batch report` to the program.
 *
 * @example
 * register(new Command('intake'));
 */
export function register(program: Command): void {
  const batch = program.command('batch').description("a training institution's bulk upload: roster plus certificates");
  batch
    .command('submit')
    .description('create a batch and upload the roster and the certificates (ZIP, files, or one long scan)')
    .requiredOption('--institution <id>', 'the training institution')
    .requiredOption('--roster <file>', 'the roster (考核发证名册), XLSX or CSV')
    .option('--part-size-mb <n>', 'multipart part size and threshold in MiB', '16')
    .argument('<files...>', 'certificate files')
    .action((files: string[], options: { institution: string; roster: string; partSizeMb: string }) => submitBatch(files, options).catch(fail));
  batch
    .command('report')
    .description('print the batch summary and write the batch report XLSX')
    .argument('<batchId>')
    .option('--out <file>', 'where to write the XLSX')
    .action((batchId: string, options: { out?: string }) => reportBatch(batchId, options).catch(fail));
}
