/**
 * `intake submit PATH... [--submitter NAME] [--submission ID] [--wait]`: uploads files (folders recursively) as one
 * submission to the running stack's `incoming/` prefix, a progress line per file; with `--wait`, follows each
 * document until it reaches a final state and prints it, then the submission's cases.
 * `intake submit --institution ID --roster roster.xlsx certificates.zip`: a training institution's batch instead
 * (the same as `intake batch submit`: roster checked, batch created, uploads with a progress bar).
 */
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { Command } from 'commander';
import { createDynamoDbDocumentClient, createS3Client } from '../../shared/adapters/aws-clients.js';
import { DynamoDbCaseRepository } from '../../shared/adapters/dynamodb-case-repository.js';
import { DynamoDbDocumentRepository } from '../../shared/adapters/dynamodb-document-repository.js';
import { FINAL_DOCUMENT_STATES, type DocumentRecord, type DocumentStatus } from '../../shared/cases/document-record.js';
import type { ReviewCase } from '../../shared/cases/review-case.js';
import { documentIdFor } from '../../shared/storage/layout.js';
import { resolveStackEndpoints } from '../../local/stack-endpoints.js';
import { submitBatch, type BatchSubmitOptions } from './batch.js';

/** States a document does not leave on its own. */
export const FINAL_DOCUMENT_STATUSES: readonly DocumentStatus[] = FINAL_DOCUMENT_STATES;

export interface SubmitFile {
  /** Path on disk. */
  filePath: string;
  /** Path inside the submission (folders kept). */
  name: string;
}

/**
 * The files a submit covers: files as given, folders walked recursively (hidden files skipped), names relative to
 * the folder given so its structure is kept under the submission.
 *
 * @example
 * collectSubmitFiles(['scans/', 'contract.pdf']); // [{ filePath: 'scans/a.jpg', name: 'a.jpg' }, { filePath: 'contract.pdf', name: 'contract.pdf' }]
 */
export function collectSubmitFiles(paths: string[]): SubmitFile[] {
  const files: SubmitFile[] = [];
  const walk = (dir: string, base: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, base);
      else if (entry.isFile()) files.push({ filePath: full, name: path.relative(base, full).split(path.sep).join('/') });
    }
  };
  for (const given of paths) {
    const stat = statSync(given);
    if (stat.isDirectory()) walk(given, given);
    else files.push({ filePath: given, name: path.basename(given) });
  }
  return files;
}

/**
 * A new submission id: date plus randomness, safe in an S3 key.
 *
 * @example
 * newSubmissionId(new Date('2021-06-18T08:00:00Z')); // 'sub-20210618-3f9a1c2b'
 */
export function newSubmissionId(now = new Date()): string {
  return `sub-${now.toISOString().slice(0, 10).replace(/-/g, '')}-${randomUUID().slice(0, 8)}`;
}

const kb = (bytes: number) => (bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0)} KB`);

function describeDocument(record: DocumentRecord): string {
  const found = (record.documents ?? []).map((d) => d.type).join(', ');
  const pages = record.pageCount !== undefined ? `${record.pageCount} page(s)` : '';
  const error = record.error ? ` — ${record.error.code}: ${record.error.message}` : '';
  const duplicate = record.duplicateOf ? ` — same file as ${record.duplicateOf}` : '';
  return `${record.status}${pages ? `, ${pages}` : ''}${found ? `, found: ${found}` : ''}${error}${duplicate}`;
}

function describeCase(reviewCase: ReviewCase): string {
  const decision = reviewCase.decision ? `${reviewCase.decision.programme} ${reviewCase.decision.outcome} ¥${reviewCase.decision.amountYuan}` : 'no decision';
  return `${reviewCase.caseId}  queue ${reviewCase.queue}  ${reviewCase.status}  ${decision}  ${reviewCase.documents.length} document(s), ${reviewCase.flaggedFieldCount} flagged field(s)`;
}

export interface SubmitOptions {
  submitter?: string;
  submission?: string;
  wait?: boolean;
  timeout: string;
  /** With `roster`: submit a training institution's batch. */
  institution?: string;
  roster?: string;
  partSizeMb: string;
}

/** What `intake submit` does with its options: a plain submission, or an institution's batch. */
export type SubmitMode = { kind: 'plain' } | { kind: 'batch'; batch: BatchSubmitOptions };

/**
 * Picks the submit form from the options: `--institution` and `--roster` together make a batch; either alone, or
 * either with options only a plain submission has, is refused with a sentence saying what to change.
 *
 * @example
 * chooseSubmitMode({ institution: 'inst-1', roster: 'r.xlsx', timeout: '300', partSizeMb: '16' }); // { kind: 'batch', … }
 */
export function chooseSubmitMode(options: SubmitOptions): SubmitMode {
  const { institution, roster } = options;
  if (!institution && !roster) return { kind: 'plain' };
  if (!institution || !roster) {
    throw new Error(`a batch needs both --institution and --roster (got only ${institution ? '--institution' : '--roster'})`);
  }
  const plainOnly = (['submitter', 'submission', 'wait'] as const).filter((key) => options[key] !== undefined);
  if (plainOnly.length > 0) {
    throw new Error(
      `${plainOnly.map((key) => `--${key}`).join(', ')} apply to a plain submission, not to a batch (follow a batch with \`intake batch report BATCH_ID\`)`,
    );
  }
  return { kind: 'batch', batch: { institution, roster, partSizeMb: options.partSizeMb } };
}

/** What the command runs; tests replace them to check the routing without a stack. */
export interface SubmitActions {
  plain(paths: string[], options: SubmitOptions): Promise<void>;
  batch(files: string[], options: BatchSubmitOptions): Promise<void>;
}

async function submit(paths: string[], options: SubmitOptions): Promise<void> {
  const where = resolveStackEndpoints();
  const s3 = createS3Client({ endpoint: where.s3, region: where.region });
  const files = collectSubmitFiles(paths);
  if (files.length === 0) {
    console.error('nothing to submit');
    process.exitCode = 1;
    return;
  }
  const submissionId = options.submission ?? newSubmissionId();
  console.log(`submission ${submissionId}: ${files.length} file(s) → s3://${where.bucket}/incoming/${submissionId}/`);

  const uploaded: Array<{ file: SubmitFile; key: string; documentId: string }> = [];
  for (const [index, file] of files.entries()) {
    const body = readFileSync(file.filePath);
    const key = `incoming/${submissionId}/${file.name}`;
    try {
      const put = await s3.send(
        new PutObjectCommand({
          Bucket: where.bucket,
          Key: key,
          Body: body,
          Metadata: options.submitter ? { submitter: encodeURIComponent(options.submitter) } : undefined,
        }),
      );
      const sourceVersion = (put.VersionId ?? put.ETag ?? '').replace(/"/g, '');
      uploaded.push({ file, key, documentId: documentIdFor(where.bucket, key, sourceVersion) });
      console.log(`  [${index + 1}/${files.length}] ${file.name}  ${kb(body.length)}  uploaded`);
    } catch (error) {
      const refused = (error as { code?: string; cause?: { code?: string } }).code === 'ECONNREFUSED' || String(error).includes('ECONNREFUSED');
      console.error(
        `  [${index + 1}/${files.length}] ${file.name}  failed: ${refused ? `nothing answers at ${where.s3} — is \`npm start\` running?` : String(error)}`,
      );
      process.exitCode = 1;
      if (refused) return;
    }
  }
  if (!options.wait) return;

  const db = createDynamoDbDocumentClient({ endpoint: where.dynamodb, region: where.region });
  const documents = new DynamoDbDocumentRepository(db, where.tableName);
  const deadline = Date.now() + Number(options.timeout) * 1000;
  const pending = new Map(uploaded.map((u) => [u.documentId, u]));
  const lastSeen = new Map<string, string>();
  console.log('waiting for the pipeline …');
  while (pending.size > 0 && Date.now() < deadline) {
    for (const [documentId, upload] of pending) {
      const record = await documents.get(documentId);
      if (!record) continue;
      const progress = record.pageCount ? `${record.status} ${record.pagesDone ?? 0}/${record.pageCount}` : record.status;
      if (lastSeen.get(documentId) !== progress && !FINAL_DOCUMENT_STATUSES.includes(record.status)) {
        console.log(`  ${upload.file.name}  ${progress}`);
        lastSeen.set(documentId, progress);
      }
      if (FINAL_DOCUMENT_STATUSES.includes(record.status)) {
        console.log(`  ${upload.file.name}  ${describeDocument(record)}`);
        if (record.status === 'rejected' || record.status === 'failed') process.exitCode = 1;
        pending.delete(documentId);
      }
    }
    if (pending.size > 0) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  if (pending.size > 0) {
    console.error(`timed out after ${options.timeout}s with ${pending.size} document(s) unfinished (they keep going in the stack)`);
    process.exitCode = 1;
    return;
  }
  const cases = await new DynamoDbCaseRepository(db, where.tableName).listBySubmission(submissionId);
  console.log(cases.length === 0 ? 'no case yet for this submission' : `case(s) of ${submissionId}:`);
  for (const reviewCase of cases) console.log(`  ${describeCase(reviewCase)}`);
}

function reportFailure(error: unknown): void {
  // A person typed this command: one sentence, not a stack trace.
  console.error(`intake submit: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
}

/**
 * Registers `intake submit`.
 *
 * @example
 * register(new Command('intake'));
 */
export function register(program: Command, actions: SubmitActions = { plain: submit, batch: submitBatch }): void {
  program
    .command('submit')
    .description(
      "upload files (folders recursively) as one submission to the running local stack; with --institution and --roster, a training institution's batch",
    )
    .argument('<paths...>', 'files or folders (for a batch: the certificates — a ZIP, files, or one long scan)')
    .option('--submitter <name>', 'who hands the files in (stored as object metadata)')
    .option('--submission <id>', 'submission id (default: a new one)')
    .option('--wait', 'wait until every document reaches a final state and print the cases')
    .option('--timeout <seconds>', 'how long --wait waits', '300')
    .option('--institution <id>', 'submit a batch for this training institution (needs --roster)')
    .option('--roster <file>', 'the batch roster (考核发证名册), XLSX or CSV (needs --institution)')
    .option('--part-size-mb <n>', 'batch uploads: multipart part size and threshold in MiB', '16')
    .action(async (paths: string[], options: SubmitOptions) => {
      try {
        const mode = chooseSubmitMode(options);
        await (mode.kind === 'batch' ? actions.batch(paths, mode.batch) : actions.plain(paths, options));
      } catch (error) {
        reportFailure(error);
      }
    });
}
