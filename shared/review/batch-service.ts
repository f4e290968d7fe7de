import { SERVES_NO_CASE } from '../pipeline/assemble-cases.js';
import {
  buildBatchReport,
  caseOutcomeLines,
  createBatch,
  findCrossBatchDuplicates,
  forInstitution,
  parseRoster,
  summariseBatch,
  type Batch,
  type BatchStore,
  type BatchSummary,
  type CertificateClaims,
  type CrossBatchDuplicate,
  type RosterRow,
  type UploadTarget,
  type UploadUrlSigner,
} from '../batches/index.js';
import { INCOMING_PREFIX } from '../storage/layout.js';
import type { BlobStore, CaseRepository, Clock, DocumentRepository } from '../ports/index.js';
import type { BatchProgress, BatchListItem, CompleteUploadRequest, CreateBatchRequest } from './api-schemas.js';
import { ForbiddenError, ReviewNotFoundError, UnprocessableError } from './errors.js';
import { isStaff, requireRole, type Principal } from './principal.js';
import { isFinalDocumentState } from '../cases/document-record.js';

/** The batch store as the API needs it: besides put/get, an institution's batches newest first. */
export interface ListableBatchStore extends BatchStore {
  listByInstitution(institutionId: string, limit?: number): Promise<Batch[]>;
}

/** The signer as the API needs it: besides presigning, joining the parts of a multipart upload. */
export interface CompletingUploadSigner extends UploadUrlSigner {
  completeMultipartUpload(bucket: string, key: string, uploadId: string, parts: readonly { partNumber: number; eTag: string }[]): Promise<void>;
}

export interface BatchServiceDeps {
  batches: ListableBatchStore;
  signer: CompletingUploadSigner;
  claims: CertificateClaims;
  documents: DocumentRepository;
  cases: CaseRepository;
  blobs: BlobStore;
  clock: Clock;
  bucket: string;
  /** Files above this go multipart (createBatch's default when absent). */
  multipartThreshold?: number;
  partSize?: number;
  expiresInSeconds?: number;
  /**
   * The stored object keys under a prefix (S3 ListObjectsV2). With it, a batch is final only once every object under
   * `incoming/<batchId>/` — ZIP entries included, which ingest stores before their own events register them — has
   * its record. Without it, only the uploaded files are checked.
   */
  listKeys?: (prefix: string) => Promise<string[]>;
  /** Parsed rosters and their cross-batch duplicates kept per roster version (default 200 batches). */
  rosterCacheSize?: number;
}

const isFinal = isFinalDocumentState;

const ROSTER_NAME = /\.(xlsx|csv)$/i;

/** How many of an institution's newest batches the list shows with their state (each costs two queries). */
const LIST_STATES = 20;

/**
 * The roster and certificate files of a new batch, checked before any URL is handed out: exactly one roster, named
 * `.xlsx` or `.csv` (an `.xls` from old Excel cannot be read and would only fail later, out of sight), and at least
 * one certificate file.
 *
 * @example
 * checkBatchFiles([{ name: '名册.xls', size: 9000, role: 'roster' }]); // throws UnprocessableError `roster_file_type`
 */
export function checkBatchFiles(files: CreateBatchRequest['files']): void {
  const rosters = files.filter((file) => file.role === 'roster');
  if (rosters.length !== 1) {
    throw new UnprocessableError(
      'roster_count',
      `每个批次须附且只附一份考核发证名册（收到 ${rosters.length} 份）。`,
      `a batch needs exactly one roster, got ${rosters.length}`,
    );
  }
  const roster = rosters[0]!;
  if (!ROSTER_NAME.test(roster.name)) {
    throw new UnprocessableError(
      'roster_file_type',
      `名册“${roster.name}”须为 Excel 工作簿（.xlsx）或 CSV 文件；旧版 .xls 请另存为 .xlsx 后再上传。`,
      `the roster ${roster.name} is not .xlsx or .csv`,
      { name: roster.name },
    );
  }
  if (roster.size === 0)
    throw new UnprocessableError('roster_empty', `名册“${roster.name}”是空文件。`, `the roster ${roster.name} is empty`, { name: roster.name });
  if (!files.some((file) => file.role === 'certificates')) {
    throw new UnprocessableError('no_certificates', '请至少选择一个证书文件（ZIP 压缩包、PDF 或图片）。', 'a batch needs at least one certificate file');
  }
}

/**
 * A training institution's batches over the API: create one with upload URLs, complete a multipart upload, follow its
 * progress (documents, pages, cases, roster matching, amounts under XH36-3.7.a/b) and download its report. An
 * institution acts on its own batches only; clerks and supervisors may read any.
 *
 * @example
 * const service = new BatchService({ batches, signer, claims, documents, cases, blobs, clock, bucket: 'intake' });
 * const { batch, uploads } = await service.create(institutionUser, { files: [...] });
 */
export class BatchService {
  constructor(private readonly deps: BatchServiceDeps) {}

  /** Creates a batch for the caller's institution (never one named in the body) and hands out the upload targets. */
  async create(principal: Principal, request: CreateBatchRequest): Promise<{ batch: Batch; uploads: UploadTarget[] }> {
    requireRole(principal, ['institution']);
    if (!principal.institutionId)
      throw new ForbiddenError('no_institution', '您的账号未关联培训机构，无法提交批次。', `${principal.userId} has no institution`);
    checkBatchFiles(request.files);
    return createBatch(
      { institutionId: principal.institutionId, files: request.files },
      {
        batches: this.deps.batches,
        signer: this.deps.signer,
        clock: this.deps.clock,
        bucket: this.deps.bucket,
        ...(this.deps.multipartThreshold ? { multipartThreshold: this.deps.multipartThreshold } : {}),
        ...(this.deps.partSize ? { partSize: this.deps.partSize } : {}),
        ...(this.deps.expiresInSeconds ? { expiresInSeconds: this.deps.expiresInSeconds } : {}),
      },
    );
  }

  /** Joins the parts the institution uploaded into one of the batch's files. */
  async completeUpload(principal: Principal, batchId: string, request: CompleteUploadRequest): Promise<{ key: string }> {
    const batch = await this.owned(principal, batchId);
    if (request.key !== batch.rosterKey && !batch.certificateKeys.includes(request.key)) {
      throw new UnprocessableError('not_a_batch_file', '该文件不属于此批次。', `${request.key} is not a file of batch ${batchId}`, { key: request.key });
    }
    await this.deps.signer.completeMultipartUpload(this.deps.bucket, request.key, request.uploadId, request.parts);
    return { key: request.key };
  }

  /** The caller's institution's batches, newest first; staff have no batches of their own. */
  async list(principal: Principal): Promise<BatchListItem[]> {
    if (!principal.institutionId) {
      requireRole(principal, ['institution']);
      return [];
    }
    const batches = await this.deps.batches.listByInstitution(principal.institutionId);
    return Promise.all(
      batches.map(async (batch, i) => (i < LIST_STATES ? { ...listItemOf(batch), state: await this.stateOf(batch.batchId) } : listItemOf(batch))),
    );
  }

  /** A batch's documents read so far and its cases by state: two queries, no roster. */
  private async stateOf(batchId: string): Promise<NonNullable<BatchListItem['state']>> {
    const [documents, cases] = await Promise.all([this.deps.documents.listBySubmission(batchId), this.deps.cases.listBySubmission(batchId)]);
    const casesByStatus: Record<string, number> = {};
    for (const reviewCase of cases) casesByStatus[reviewCase.status] = (casesByStatus[reviewCase.status] ?? 0) + 1;
    return { documents: documents.length, documentsFinal: documents.filter((record) => isFinal(record.status)).length, casesByStatus };
  }

  /** Everything the batch's progress view shows, for its institution or for staff. */
  async progress(principal: Principal, batchId: string, reportUrl: string): Promise<BatchProgress> {
    const { batch, summary, roster } = await this.summary(principal, batchId);
    const documents = summary.documents;
    const final = documents.filter((record) => isFinal(record.status)).length;
    const recorded = new Set(documents.map((record) => record.key));
    // A ZIP's entries become documents of their own, registered by their own events after the ZIP is marked done:
    // the batch is final once every stored object (or, without a listing, every uploaded file) has a final record.
    const stored = this.deps.listKeys ? await this.deps.listKeys(`${INCOMING_PREFIX}${batch.batchId}/`) : [];
    // Certificate files the batch was opened with that never reached storage (an upload left unfinished).
    const notArrived = batch.certificateKeys.filter((key) => !recorded.has(key));
    const everyFileArrived = notArrived.length === 0 && stored.every((key) => recorded.has(key));
    const known = documents.filter((record) => record.pageCount !== undefined);
    const rowsByNumber = new Map(summary.rows.map((row) => [row.rowNumber, row]));
    const nameOf = (rowNumber: number) => rowsByNumber.get(rowNumber)?.holderName;
    const matching = summary.matching;
    return {
      batch: listItemOf(batch),
      documents: {
        total: documents.length,
        final,
        byStatus: summary.documentsByStatus,
        pagesTotal: known.reduce((sum, record) => sum + (record.pageCount ?? 0), 0),
        pagesDone: known.reduce((sum, record) => sum + (isFinal(record.status) ? record.pageCount! : Math.min(record.pageCount!, record.pagesDone ?? 0)), 0),
        problems: documents
          .filter(
            (record) =>
              record.status === 'rejected' || record.status === 'failed' || record.status === 'duplicate' || record.error?.code === SERVES_NO_CASE.code,
          )
          .map((record) => ({
            documentId: record.documentId,
            fileName: record.fileName ?? record.key.split('/').pop()!,
            status: record.status,
            ...(record.error?.code ? { reason: record.error.code } : {}),
          })),
      },
      allFinal: everyFileArrived && documents.length > 0 && final === documents.length,
      // Named, so the training body is not told "being read" about a file nobody holds.
      waitingForFiles: notArrived.map((key) => key.split('/').pop()!),
      cases: { total: summary.cases.length, byStatus: summary.casesByStatus },
      amountsByProgramme: summary.amountsByProgramme,
      roster: roster,
      matching: {
        rosterRows: summary.rows.length,
        matched: matching.matches.length,
        withFlags: matching.matches
          .filter((match) => match.flags.length > 0)
          .map((match) => ({
            rowNumber: match.rowNumber,
            ...optionalName(nameOf(match.rowNumber)),
            ...(match.certificate.caseId ? { caseId: match.certificate.caseId } : {}),
            fields: match.flags.map((flag) => ({ field: flag.field, kind: flag.kind })),
          })),
        rowsWithoutCertificate: matching.rowsWithoutCertificate.map((rowNumber) => ({ rowNumber, ...optionalName(nameOf(rowNumber)) })),
        certificatesWithoutRow: matching.certificatesWithoutRow.map((certificate) => ({
          documentId: certificate.documentId,
          indexInFile: certificate.indexInFile,
          ...(certificate.fileName ? { fileName: certificate.fileName } : {}),
          ...(certificate.caseId ? { caseId: certificate.caseId } : {}),
        })),
        duplicateRows: matching.duplicateRows,
        crossBatchDuplicates: principal.roles.includes('institution') ? summary.crossBatchDuplicates.map(forInstitution) : summary.crossBatchDuplicates,
      },
      caseOutcomes: caseOutcomeLines(summary),
      reportUrl,
    };
  }

  /** The batch report workbook (counts by state, amounts, the roster matched against the certificates). */
  async report(principal: Principal, batchId: string): Promise<Uint8Array> {
    const { summary } = await this.summary(principal, batchId);
    if (!principal.roles.includes('institution')) return buildBatchReport(summary);
    return buildBatchReport({ ...summary, crossBatchDuplicates: summary.crossBatchDuplicates.map(forInstitution) });
  }

  private async summary(principal: Principal, batchId: string): Promise<{ batch: Batch; summary: BatchSummary; roster: BatchProgress['roster'] }> {
    const batch = await this.readable(principal, batchId);
    const { rows, roster, version } = await this.roster(batch);
    const [documents, cases, crossBatchDuplicates] = await Promise.all([
      this.deps.documents.listBySubmission(batchId),
      this.deps.cases.listBySubmission(batchId),
      this.crossBatchDuplicates(batchId, rows, version),
    ]);
    return { batch, summary: summariseBatch({ batchId, rows, documents, cases, crossBatchDuplicates }), roster };
  }

  /**
   * Lists the roster's certificate numbers for the batch and answers those another batch's roster lists too. Another
   * body may list a number later, so the answer is kept for a minute (the page polls every 2 s; a 1,000-row roster is
   * then 1,000 idempotent writes a minute, not every poll) and both batches see the finding within that minute.
   */
  private async crossBatchDuplicates(batchId: string, rows: RosterRow[], version: string | undefined): Promise<CrossBatchDuplicate[]> {
    const key = version ? `${batchId}|${version}` : undefined;
    const now = this.deps.clock.now().getTime();
    const known = key ? this.claimed.get(key) : undefined;
    if (known && now - known.at < CROSS_BATCH_REFRESH_MS) return known.duplicates;
    const duplicates = await findCrossBatchDuplicates(rows, batchId, this.deps.claims);
    if (key) remember(this.claimed, key, { at: now, duplicates }, this.deps.rosterCacheSize ?? 200);
    return duplicates;
  }

  private readonly claimed = new Map<string, { at: number; duplicates: CrossBatchDuplicate[] }>();

  private async roster(batch: Batch): Promise<{ rows: RosterRow[]; roster: BatchProgress['roster']; version?: string }> {
    const fileName = batch.rosterKey?.split('/').pop();
    if (!batch.rosterKey) return { rows: [], roster: { uploaded: false, rows: 0 } };
    const head = await this.deps.blobs.head(this.deps.bucket, batch.rosterKey);
    if (!head) return { rows: [], roster: { uploaded: false, rows: 0, ...(fileName ? { fileName } : {}) } };
    // The page polls every 2 s: a roster version is read and parsed once per process.
    const version = `${batch.rosterKey}#${head.versionId ?? head.eTag ?? head.size}`;
    const read =
      this.rosters.get(version) ?? remember(this.rosters, version, await this.readRoster(batch.rosterKey, fileName), this.deps.rosterCacheSize ?? 200);
    return { ...read, version };
  }

  private readonly rosters = new Map<string, { rows: RosterRow[]; roster: BatchProgress['roster'] }>();

  private async readRoster(rosterKey: string, fileName: string | undefined): Promise<{ rows: RosterRow[]; roster: BatchProgress['roster'] }> {
    try {
      const { rows } = await parseRoster(await this.deps.blobs.get(this.deps.bucket, rosterKey), rosterKey);
      return { rows, roster: { uploaded: true, rows: rows.length, ...(fileName ? { fileName } : {}) } };
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'roster_unreadable';
      const zh =
        code === 'roster_missing_columns'
          ? `名册缺少必需的列：${((error as { context?: { missing?: string[] } }).context?.missing ?? []).join('、')}。`
          : '名册无法读取，请检查文件是否为有效的 Excel 或 CSV。';
      return { rows: [], roster: { uploaded: true, rows: 0, ...(fileName ? { fileName } : {}), error: { code, zh } } };
    }
  }

  /** The batch, if the caller may read it: staff any, an institution its own. */
  private async readable(principal: Principal, batchId: string): Promise<Batch> {
    const batch = await this.deps.batches.get(batchId);
    if (!batch) {
      // An institution learns nothing about batch ids that are not its own, existing or not.
      if (!isStaff(principal)) requireRole(principal, ['institution']);
      throw new ReviewNotFoundError('batch', batchId);
    }
    if (isStaff(principal)) return batch;
    return this.mine(principal, batch);
  }

  /** The batch, if it is the caller's institution's (writes: staff do not upload for institutions). */
  private async owned(principal: Principal, batchId: string): Promise<Batch> {
    requireRole(principal, ['institution']);
    const batch = await this.deps.batches.get(batchId);
    if (!batch) throw new ReviewNotFoundError('batch', batchId);
    return this.mine(principal, batch);
  }

  private mine(principal: Principal, batch: Batch): Batch {
    if (principal.roles.includes('institution') && principal.institutionId && principal.institutionId === batch.institutionId) return batch;
    // Another institution's batch answers as an unknown one does: the answer must not tell which ids exist.
    if (principal.roles.includes('institution')) throw new ReviewNotFoundError('batch', batch.batchId);
    throw new ForbiddenError('not_your_batch', '您无权查看此批次。', `${principal.userId} may not use batch ${batch.batchId}`);
  }

  /** The institution that created a batch, for access to the batch's cases (their applicant may not name it). */
  async ownerOf(submissionId: string): Promise<string | undefined> {
    if (!submissionId.startsWith('batch-')) return undefined;
    return (await this.deps.batches.get(submissionId))?.institutionId;
  }
}

const optionalName = (name: string | undefined) => (name ? { holderName: name } : {});

/** Puts `value` in a map kept to `limit` entries (the oldest goes first) and returns it. */
/** How long a batch's cross-batch findings are kept before its roster is listed again. */
const CROSS_BATCH_REFRESH_MS = 60_000;

function remember<V>(map: Map<string, V>, key: string, value: V, limit: number): V {
  if (map.size >= limit) map.delete(map.keys().next().value!);
  map.set(key, value);
  return value;
}

/**
 * The batch as a list shows it: ids, state, file names, dates.
 *
 * @example
 * listItemOf(batch); // { batchId: 'batch-…', institutionId: 'inst-a', status: 'created', rosterFileName: '名册.xlsx', certificateFiles: ['证书.zip'], … }
 */
export function listItemOf(batch: Batch): BatchListItem {
  return {
    batchId: batch.batchId,
    institutionId: batch.institutionId,
    status: batch.status,
    ...(batch.rosterKey ? { rosterFileName: batch.rosterKey.split('/').pop()! } : {}),
    certificateFiles: batch.certificateKeys.map((key) => key.split('/').pop()!),
    createdAt: batch.createdAt,
    updatedAt: batch.updatedAt,
  };
}
