import { SETTLED_FOR_PROCESSING as SETTLED, type DocumentRecord, type DocumentStatus } from '../cases/document-record.js';
import { caseIdFor } from '../cases/case-id.js';
import type { ExtractedDocument } from '../documents/extracted-document.js';
import { ocrPageSchema, type OcrPage } from '../documents/ocr-page.js';
import { boxesInPreviewPixels, DEFAULT_PREVIEW_DPI, previewLongSide } from '../documents/page-preview.js';
import { emptyTimings, timed, type StageTimings } from '../documents/stage-timings.js';
import { describeFailure } from '../intake/failure.js';
import { UnsupportedTypeError } from '../intake/errors.js';
import type { IntakeLimits } from '../intake/limits.js';
import { isReadableType, sniffType, type ReadableType } from '../intake/sniff.js';
import type { OcrEngine } from '../ocr/ocr-engine.js';
import { BlobNotFoundError, type BlobStore } from '../ports/blob-store.js';
import type { CaseRepository, DocumentSettlement } from '../ports/case-repository.js';
import type { Clock } from '../ports/clock.js';
import type { DocumentRepository } from '../ports/document-repository.js';
import type { ProcessDocumentMessage } from '../ports/work-queue.js';
import { withSecondLook } from '../extraction/second-look.js';
import type { ExtractDocuments } from '../reading/read-file.js';
import type { PageCheckpoints, PagePreview, ReadPagesResult } from '../reading/read-pages.js';
import { derivedKeys } from '../storage/layout.js';
import type { AsyncPageOcr } from './async-ocr.js';
import {
  SERVES_NO_CASE,
  announceSharedDocument,
  attachSharedDocuments,
  caseDocumentsOf,
  flaggedFieldCount,
  takeUpSharedDocuments,
  planCases,
  submissionKindOf,
  writeCase,
  type CaseWriteResult,
  type SubmissionKind,
} from './assemble-cases.js';
import { CaseChangedError, UnknownDocumentError } from './errors.js';
import type { ClaimJudge } from './judge.js';
import type { PipelineLogger } from './logger.js';
import type { PageReading } from './page-reading.js';

export interface ProcessDeps {
  blobs: BlobStore;
  documents: DocumentRepository;
  cases: CaseRepository;
  clock: Clock;
  ocr: OcrEngine;
  /** Pages and previews from the file's bytes (the PDF and image work): `pageReading` of `shared/reading`. */
  reading: PageReading;
  extract: ExtractDocuments;
  /** Cross-checks a submission's documents (same person's name and ID across them); identity when absent. */
  crossCheck?: (documents: ExtractedDocument[]) => ExtractedDocument[];
  judge: ClaimJudge;
  limits: IntakeLimits;
  derivedPrefix: string;
  ocrDpi?: number;
  /** Resolution of the page previews stored for the page view (default `DEFAULT_PREVIEW_DPI`; every page gets one). */
  previewDpi?: number;
  /** How a submission is judged (default: `submissionKindOf`). */
  submissionKind?: (submissionId: string, records: readonly DocumentRecord[]) => SubmissionKind;
  /** An asynchronous OCR job for multi-page scanned PDFs (Textract); without it every page is read in turn. */
  asyncOcr?: AsyncPageOcr;
  /** Least time between two progress writes on a long file. */
  progressIntervalMs?: number;
  logger?: PipelineLogger;
}

export type ProcessOutcome =
  | { kind: 'skipped'; documentId: string; status: DocumentStatus }
  | { kind: 'rejected'; documentId: string; code: string }
  | { kind: 'waiting'; documentId: string; jobId: string; pages: number[] }
  | {
      kind: 'done';
      documentId: string;
      status: 'processed' | 'needs_review';
      cases: CaseWriteResult[];
      pageCount: number;
      resumedPages: number;
      timings: StageTimings;
    };

/**
 * What the queue message says beyond the document id (`syncOcr`; `source`, read beside the record, which decides),
 * and SQS's receive count: on a first delivery there are no checkpoints to look for.
 */
export type ProcessMessage = Omit<ProcessDocumentMessage, 'documentId'> & { receiveCount?: number };

/**
 * The **process** stage for one document (file), in two steps: **read** (`readDocument`: fetch the original, read its
 * pages — text layer or OCR, each checkpointed with its preview — render, extract its documents) and **settle**
 * (`settleDocument`: put the submission's documents into their case(s) — cross-checked, judged by the rules, written
 * into the review queue with claim keys — and settle the document as `processed` or `needs_review`).
 *
 * Every step can be repeated: checkpoints make a redelivered message resume at the first unread page (the last
 * page's text is stored only when the file's final write fails — otherwise it is saved with the case), cases have
 * deterministic ids and only ever gain documents, and what the file read is saved and the file settled in the same
 * transaction as its case — so a file is never settled without its case, and another file of the submission sees its
 * documents exactly when the case has them. A crash anywhere followed by redelivery therefore yields exactly one case
 * and loses no page.
 *
 * @example
 * const outcome = await processDocument('doc-1', deps);
 * // { kind: 'done', status: 'needs_review', cases: [{ caseId: 'case-sub-1', action: 'created' }], ... }
 */
export async function processDocument(documentId: string, deps: ProcessDeps, message: ProcessMessage = {}): Promise<ProcessOutcome> {
  const steps = emptySteps();
  // The original is read beside the record when the message says where it is (ingest's messages do).
  const source = message.source;
  const original = source ? deps.blobs.get(source.bucket, source.key, source.versionId) : undefined;
  // Not awaited when the record turns out settled or already read: its failure must not go unhandled.
  original?.catch(() => undefined);
  const record: DocumentRecord | undefined = await timed(steps, 'fetch', () => deps.documents.get(documentId));
  if (!record) throw new UnknownDocumentError(documentId);
  if (SETTLED.includes(record.status)) {
    deps.logger?.info('document already settled; nothing to do', { documentId, status: record.status });
    return { kind: 'skipped', documentId, status: record.status };
  }
  // The record is the authority on which object version is read.
  const sameSource = source?.bucket === record.bucket && source.key === record.key && source.versionId === record.sourceVersionId;
  const readOriginal = () => (sameSource && original ? original : deps.blobs.get(record.bucket, record.key, record.sourceVersionId));
  const writes = new CheckpointWrites();
  try {
    // The submission it settles into is read while its pages are (see readSubmissionEarly).
    const earlyRead = readSubmissionEarly(record, deps);
    const read = await readDocument(record, deps, message, { writes, steps, readOriginal });
    if (read.kind !== 'read') return read;
    return await settleDocument(record, read, deps, { writes, steps, earlyRead });
  } finally {
    // Whatever happened, no checkpoint write is left running behind the caller's back (a retry looks for them).
    await writes.settled();
  }
}

/** Milliseconds spent waiting on the stores, per step of processing one document (logged with the stage timings). */
interface StorageSteps {
  /** The document record and the original file. */
  fetch: number;
  /** The submission's records listed, its case(s) judged and written, with the file's read and settlement. */
  cases: number;
  /** What was left of the checkpoint writes once the submission was listed (not counted in `cases`). */
  checkpointWait: number;
  /** The document settled on its own (only when no case write took the settlement). */
  settle: number;
}

/** A zeroed record of storage steps. */
const emptySteps = (): StorageSteps => ({ fetch: 0, cases: 0, checkpointWait: 0, settle: 0 });

/** What reading a file gave the settle step: its documents, its pages, and how to keep its last page should it fail. */
interface DocumentRead {
  kind: 'read';
  documents: ExtractedDocument[];
  pageCount: number;
  resumedPages: number;
  timings: StageTimings;
  /** Stores the last page's text, left unstored because the file's read is saved with its case (see settle). */
  keepLastPage?: () => Promise<void>;
}

/**
 * Checkpoint writes (page JSON + preview, two S3 PUTs) started without waiting: they run while the next page is read,
 * and after the last page while the documents are extracted, saved and put into cases. They only help a redelivery
 * resume and the page view show a preview (which it can also render on demand), so nothing waits for them but the
 * document's settling, which fails (and is retried) if one did.
 *
 * @example
 * const writes = new CheckpointWrites();
 * await readPages(bytes, type, { ...options, checkpoints: writes.around(checkpoints) });
 * await writes.done(); // before the document settles
 */
class CheckpointWrites {
  readonly #running: Promise<void>[] = [];
  #failure: unknown;

  /** Pages whose preview reading stored (or is storing): the others get theirs from `storePagePreviews`. */
  readonly previews = new Set<number>();

  /** The checkpoints with `save` returning at once. */
  around(checkpoints: PageCheckpoints): PageCheckpoints {
    return {
      load: (pageNumber) => checkpoints.load(pageNumber),
      save: async (page, preview) => {
        if (preview) this.previews.add(page.pageNumber);
        this.start(checkpoints.save(page, preview));
      },
      ...(checkpoints.savePreview && {
        savePreview: async (pageNumber, preview) => {
          this.previews.add(pageNumber);
          this.start(checkpoints.savePreview!(pageNumber, preview));
        },
      }),
    };
  }

  private start(write: Promise<void>): void {
    this.#running.push(
      write.catch((error: unknown) => {
        this.#failure ??= error;
      }),
    );
  }

  /** Waits for every write started so far; throws the first failure. */
  async done(): Promise<void> {
    await this.settled();
    if (this.#failure !== undefined) throw this.#failure;
  }

  async settled(): Promise<void> {
    await Promise.all(this.#running);
  }
}

/**
 * Page checkpoints in the blob store, under the document's derived prefix: the page's text as JSON and its preview
 * image for the clerk's page view. A scanned page's preview is written while the page is still being OCRed
 * (`savePreview`), its text once read; should a crash leave a checkpoint without its preview, the page view renders it
 * from the original (`storePagePreviews`).
 *
 * @example
 * const checkpoints = blobPageCheckpoints(blobs, 'intake', 'derived/', 'doc-1');
 * await readPages(bytes, 'pdf', { ocr, limits, checkpoints });
 */
export function blobPageCheckpoints(blobs: BlobStore, bucket: string, derivedPrefix: string, documentId: string): PageCheckpoints {
  const keys = derivedKeys(derivedPrefix, documentId);
  return {
    async load(pageNumber: number): Promise<OcrPage | undefined> {
      try {
        const bytes = await blobs.get(bucket, keys.checkpoint(pageNumber));
        const parsed = ocrPageSchema.safeParse(JSON.parse(Buffer.from(bytes).toString('utf8')));
        // A checkpoint from an older format is read again rather than trusted.
        return parsed.success ? parsed.data : undefined;
      } catch (error) {
        if (error instanceof BlobNotFoundError) return undefined;
        throw error;
      }
    },
    async save(page: OcrPage, preview?: PagePreview): Promise<void> {
      await Promise.all([
        preview ? blobs.put(bucket, keys.preview(page.pageNumber), preview.bytes, preview.contentType) : undefined,
        blobs.put(bucket, keys.checkpoint(page.pageNumber), Buffer.from(JSON.stringify(page)), 'application/json'),
      ]);
    },
    async savePreview(pageNumber: number, preview: PagePreview): Promise<void> {
      await blobs.put(bucket, keys.preview(pageNumber), preview.bytes, preview.contentType);
    },
  };
}

/**
 * The **read** half of processing a file: fetches the original, reads its pages (text layer or OCR, each page
 * checkpointed with its preview under the derived prefix), extracts its documents and renders a stored preview of
 * every page with the boxes put in its pixels. A file whose record already holds its documents (read by an earlier
 * delivery) is not read again. Bad input found while decoding rejects the file; a multi-page scan with an
 * asynchronous OCR job starts the job and waits for it.
 *
 * @example
 * const read = await readDocument(record, deps, message, { writes, steps, readOriginal });
 * if (read.kind === 'read') await settleDocument(record, read, deps, { writes, steps, earlyRead });
 */
async function readDocument(
  record: DocumentRecord,
  deps: ProcessDeps,
  message: ProcessMessage,
  io: { writes: CheckpointWrites; steps: StorageSteps; readOriginal: () => Promise<Uint8Array> },
): Promise<DocumentRead | Extract<ProcessOutcome, { kind: 'rejected' | 'waiting' }>> {
  const { writes, steps } = io;
  const documentId = record.documentId;
  const timings = emptyTimings();
  const now = () => deps.clock.now().toISOString();
  if (record.documents) return { kind: 'read', documents: record.documents, pageCount: record.pageCount ?? 0, resumedPages: 0, timings };
  const bytes = await timed(steps, 'fetch', io.readOriginal);
  const type = sniffType(bytes);
  try {
    if (!isReadableType(type)) throw new UnsupportedTypeError(type);
    // Counted from the start of reading: a file read within the interval (most) costs no progress write at all.
    let lastProgressAt = Date.now();
    const checkpoints = blobPageCheckpoints(deps.blobs, record.bucket, deps.derivedPrefix, documentId);
    // Saves a store round trip per OCRed page; a duplicate first delivery at worst reads a page twice.
    const firstAttempt = message.receiveCount === 1 && !message.syncOcr && (record.pagesDone ?? 0) === 0;
    // A multi-page scan goes to the asynchronous job once; its completion re-queues the message with `syncOcr`.
    const deferOcr = Boolean(deps.asyncOcr) && type === 'pdf' && (record.pageCount ?? 0) > 1 && !message.syncOcr;
    const previewDpi = deps.previewDpi || DEFAULT_PREVIEW_DPI;
    const read = await deps.reading.readPages(bytes, type, {
      deferOcr,
      ocr: deps.ocr,
      limits: deps.limits,
      ocrDpi: deps.ocrDpi,
      previewDpi,
      checkpoints: writes.around(firstAttempt ? { ...checkpoints, load: async () => undefined } : checkpoints),
      checkpointLastPage: false,
      onPage: async (pagesDone, total) => {
        const at = Date.now();
        // The last page's progress is written with the file's read, in its case's transaction.
        if (pagesDone >= total || at - lastProgressAt < (deps.progressIntervalMs ?? 2000)) return;
        lastProgressAt = at;
        await deps.documents.update(documentId, { pagesDone, pageCount: total, updatedAt: now() });
      },
    });
    Object.assign(timings, read.timings);
    if (read.deferredPages.length > 0 && deps.asyncOcr) {
      await writes.done();
      const jobId = await deps.asyncOcr.start({
        bucket: record.bucket,
        key: record.key,
        documentId,
        ...(record.sourceVersionId ? { version: record.sourceVersionId } : {}),
      });
      await deps.documents.update(documentId, { pagesDone: read.pages.length, updatedAt: now() });
      deps.logger?.info('asynchronous OCR started for the scanned pages', { documentId, jobId, pages: read.deferredPages.length });
      return { kind: 'waiting', documentId, jobId, pages: read.deferredPages };
    }
    const first = await timed(timings, 'extract', () => deps.extract(read.pages));
    // The reader's second look: the neighbourhoods of the labels whose values it lacks, read again on their own crops
    // (at most MAX_SECOND_LOOKS_PER_PAGE a page, once); the pages stored are the ones with those lines put in. The last
    // page OCR read is looked at again in the pixels OCR had, not decoded from the file a second time.
    const looked = await secondLook(read.pages, first, deps, { bytes, type, known: read.lastRaster }, timings);
    if (looked?.regions.length) deps.logger?.info('second look read regions again', { documentId, regions: looked.regions.length });
    const pages = looked?.pages ?? read.pages;
    const documents = looked?.documents ?? first;
    const changed = pages.filter((page, k) => page !== read.pages[k] && page !== read.unsavedLastPage);
    await Promise.all(changed.map((page) => checkpoints.save(page)));
    const unsaved = read.unsavedLastPage && pages.find((page) => page.pageNumber === read.unsavedLastPage!.pageNumber);
    // Every page gets a stored preview, and every box is put in its pixels: the page view serves only stored files.
    // A page OCR turned has its preview remade upright, after reading's own write of it has landed.
    if (pages.some((page) => page.rotation !== 0)) await writes.settled();
    await timed(timings, 'render', () =>
      deps.reading.storePagePreviews({
        blobs: deps.blobs,
        bucket: record.bucket,
        derivedPrefix: deps.derivedPrefix,
        documentId,
        bytes,
        type,
        pages,
        stored: writes.previews,
        previewDpi,
        ocrDpi: deps.ocrDpi ?? 200,
        limits: deps.limits,
        ...(read.lastRaster ? { known: read.lastRaster } : {}),
      }),
    );
    return {
      kind: 'read',
      documents: boxesInPreviewPixels(documents, pages, previewLongSide(previewDpi)),
      pageCount: pages.length,
      resumedPages: read.resumedPages,
      timings,
      ...(unsaved ? { keepLastPage: () => checkpoints.save(unsaved) } : {}),
    };
  } catch (error) {
    const failure = describeFailure(error);
    if (failure.status !== 'rejected') throw error;
    // Damage found only while decoding (a page that will not render) is still bad input, not a failure.
    await deps.documents.update(documentId, { status: 'rejected', error: failure.error, updatedAt: now() });
    deps.logger?.warn('document rejected while reading', { documentId, code: failure.error.code, detail: failure.logMessage });
    return { kind: 'rejected', documentId, code: failure.error.code };
  }
}

/**
 * The reader's second look (`withSecondLook`) with its time put where it belongs: the regions' recognition under `ocr`,
 * the page pixels made again for them under `render`, the extractions run again and the reader's choice of regions
 * under `extract`. (All of it used to count as OCR, which hid its non-OCR part from the overhead figure.) Undefined
 * when the reading has no region reader (Textract).
 *
 * @example
 * const looked = await secondLook(read.pages, first, deps, { bytes, type, known: read.lastRaster }, timings);
 */
async function secondLook(
  pages: OcrPage[],
  first: ExtractedDocument[],
  deps: Pick<ProcessDeps, 'reading' | 'ocr' | 'extract' | 'limits' | 'ocrDpi'>,
  file: { bytes: Uint8Array; type: ReadableType; known?: ReadPagesResult['lastRaster'] },
  timings: StageTimings,
): Promise<Awaited<ReturnType<typeof withSecondLook>> | undefined> {
  const spent = { ocr: 0, render: 0 };
  const since = (started: number) => performance.now() - started;
  const { ocr } = deps;
  const recognizeRegion = ocr.recognizeRegion?.bind(ocr);
  const regionOcr: OcrEngine = {
    name: ocr.name,
    recognize: (image) => ocr.recognize(image),
    ...(recognizeRegion && {
      recognizeRegion: async (raster, region, pageNumber) => {
        const started = performance.now();
        try {
          return await recognizeRegion(raster, region, pageNumber);
        } finally {
          spent.ocr += since(started);
        }
      },
    }),
  };
  const options = { ocr: regionOcr, limits: deps.limits, ocrDpi: deps.ocrDpi, ...(file.known ? { known: file.known } : {}) };
  const readRegion = deps.reading.regionReader?.(file.bytes, file.type, options);
  if (!readRegion) return undefined;
  const started = performance.now();
  const looked = await withSecondLook(pages, first, deps.extract, async (page, region) => {
    const regionStarted = performance.now();
    const ocrBefore = spent.ocr;
    try {
      return await readRegion(page, region);
    } finally {
      spent.render += since(regionStarted) - (spent.ocr - ocrBefore);
    }
  });
  timings.ocr += spent.ocr;
  timings.render += spent.render;
  timings.extract += since(started) - spent.ocr - spent.render;
  return looked;
}

/** The submission's files, and its own case (the usual plan), as the settle step lists them. */
type SubmissionRead = Promise<[DocumentRecord[], Awaited<ReturnType<ProcessDeps['cases']['get']>>]>;

function readSubmission(record: DocumentRecord, deps: ProcessDeps): SubmissionRead {
  return Promise.all([deps.documents.listBySubmission(record.submissionId), deps.cases.get(caseIdFor(record.submissionId))]);
}

/**
 * The submission a file that is about to be read will settle into, read while its pages are: OCR takes about a
 * second a page, these reads tens of milliseconds. A file settling into the case meanwhile fails this one's case write
 * on its version, which lists the submission again, so an early read costs a retry at worst, never a lost document.
 * Undefined for a file already read, and for a batch's file, which is judged from itself alone and reads nothing.
 *
 * @example
 * const earlyRead = readSubmissionEarly(record, deps);
 */
function readSubmissionEarly(record: DocumentRecord, deps: ProcessDeps): SubmissionRead | undefined {
  const kindOf = deps.submissionKind ?? submissionKindOf;
  const earlyRead = !record.documents && kindOf(record.submissionId, [record]).kind !== 'batch' ? readSubmission(record, deps) : undefined;
  // Not awaited should reading fail first: its own failure must not surface as an unhandled rejection.
  earlyRead?.catch(() => undefined);
  return earlyRead;
}

/**
 * The **settle** half of processing a file: puts the submission's documents into their case(s) — cross-checked,
 * judged by the rules, written into the review queue with claim keys — and settles the file as `processed` or
 * `needs_review`, saving what it read in the same transaction as its case (the last one, when it goes into several),
 * so other files of the submission see its documents exactly when its case has them. A case changed meanwhile by
 * another file of the submission means listing it again; should the settle fail, the last page's text is stored so
 * the retry reads no page again.
 *
 * @example
 * const outcome = await settleDocument(record, read, deps, { writes, steps, earlyRead });
 * // { kind: 'done', status: 'needs_review', cases: [{ caseId: 'case-sub-1', action: 'created' }], ... }
 */
async function settleDocument(
  record: DocumentRecord,
  read: DocumentRead,
  deps: ProcessDeps,
  io: { writes: Pick<CheckpointWrites, 'done'>; steps: StorageSteps; earlyRead: SubmissionRead | undefined },
): Promise<Extract<ProcessOutcome, { kind: 'done' }>> {
  const { writes, steps, earlyRead } = io;
  const { documents: readDocuments, pageCount, resumedPages, timings, keepLastPage } = read;
  const documentId = record.documentId;
  const now = () => deps.clock.now().toISOString();
  const kindOf = deps.submissionKind ?? submissionKindOf;
  const likelyCaseId = caseIdFor(record.submissionId);
  // A file needs a clerk's eye when it gave no document, or any of its documents is unknown or has a flagged field.
  const status = readDocuments.length === 0 || flaggedFieldCount(readDocuments) > 0 ? 'needs_review' : 'processed';
  // Every checkpoint write lands before the file can settle (a failed one fails the message, to be retried); the last
  // ones finish while the submission is listed.
  const checkpointsWritten = writes.done();
  checkpointsWritten.catch(() => undefined);

  const casesStarted = performance.now();
  // A training body's batch is judged certificate by certificate, from this file's own documents (and its own upload
  // date): listing and cross-checking the whole submission for each of its files would read a 1,000-certificate
  // batch a million times. Roster matching and certificate-number claims compare a batch's certificates instead.
  const own: DocumentRecord = { ...record, documents: readDocuments };
  const ownKind = kindOf(record.submissionId, [own]);
  const judgedAlone = ownKind.kind === 'batch';
  // What this file read is saved, and the file settled, in the same transaction as the case it goes into (the last
  // one, when it goes into several): other files of the submission see its documents exactly when its case has them.
  const settlement = (caseIds: string[]): DocumentSettlement => ({
    documentId,
    changes: { documents: readDocuments, pageCount, pagesDone: pageCount, status, caseIds, error: undefined, updatedAt: now() },
  });
  let cases: CaseWriteResult[] = [];
  let settled = false;
  try {
    for (let attempt = 1; ; attempt++) {
      const [listed, likelyCase] = judgedAlone
        ? [[own], undefined]
        : await (attempt === 1 && earlyRead ? earlyRead.catch(() => readSubmission(record, deps)) : readSubmission(record, deps));
      await timed(steps, 'checkpointWait', () => checkpointsWritten);
      const records = listed.map((r) => (r.documentId === documentId ? { ...r, documents: readDocuments } : r));
      const readRecords = records.filter((r) => r.documents && r.status !== 'rejected' && r.status !== 'duplicate');
      // Every file in the case settled with it, so a listing that lacks one of them is older than the case (read beside
      // it, or an index still catching up): list again rather than judge without that file.
      const listedIds = new Set(readRecords.map((r) => r.documentId));
      if (likelyCase?.documents.some((d) => !listedIds.has(d.documentId)) && attempt < 8) {
        await new Promise((resolve) => setTimeout(resolve, 20 * attempt));
        continue;
      }
      const kind = judgedAlone ? ownKind : kindOf(record.submissionId, records);
      let caseDocuments = caseDocumentsOf(readRecords);
      if (deps.crossCheck) {
        const checked = deps.crossCheck(caseDocuments);
        caseDocuments = caseDocuments.map((document, index) => ({
          ...document,
          ...checked[index],
          documentId: document.documentId,
          indexInFile: document.indexInFile,
        }));
      }
      // The claim is dated by its first upload, whichever file finishes last, so every file judges it the same way.
      const firstUpload = records.map((r) => r.createdAt).sort()[0] ?? record.createdAt;
      const context = { submissionId: record.submissionId, applicant: kind.applicant, claimDate: firstUpload.slice(0, 10) };
      const plans = planCases(record.submissionId, kind, caseDocuments).filter((plan) => plan.documents.some((d) => d.documentId === documentId));
      const caseIds = plans.map((plan) => plan.caseId);
      cases = [];
      const writeDeps = { cases: deps.cases, judge: deps.judge, clock: deps.clock, logger: deps.logger };
      // A batch file without a certificate (the body's business licence…) serves the batch's certificate cases that ask
      // for it: those written later take it up (told first), those already written get it now.
      if (judgedAlone && plans.length === 0 && caseDocuments.length > 0) {
        // What it read is saved before any file is told of it: a certificate file told may take it up at once.
        await deps.documents.update(documentId, { documents: readDocuments, pageCount, pagesDone: pageCount, updatedAt: now() });
        await announceSharedDocument(record.submissionId, documentId, deps.documents);
        cases = await attachSharedDocuments(record.submissionId, caseDocuments, context, writeDeps);
        break;
      }
      try {
        for (const [index, plan] of plans.entries()) {
          const known = plan.caseId === likelyCaseId ? { existing: likelyCase } : undefined;
          const last = index === plans.length - 1;
          // A submission's files are planned from a listing: a case changed since (another file settled into it) means
          // listing again, so that the last file to settle has judged every file saved before it. A batch file is
          // planned from itself alone and merges into its case as before.
          const written = await writeCase(plan, context, writeDeps, known, {
            ...(last ? { alongside: settlement(caseIds) } : {}),
            onConflict: judgedAlone ? 'retry' : 'report',
          });
          cases.push(written);
          if (last) settled = written.action !== 'unchanged';
        }
        // The training body's documents that settled while this file was read reach its cases now.
        if (judgedAlone && cases.length > 0)
          await takeUpSharedDocuments(
            documentId,
            cases.map((c) => c.caseId),
            context,
            writeDeps,
            deps.documents,
          );
        break;
      } catch (error) {
        if (!(error instanceof CaseChangedError) || attempt >= 8) throw error;
        deps.logger?.info('case changed by another file of the submission; listing it again', { documentId, caseId: error.caseId, attempt });
      }
    }
    // The wait for the checkpoint writes happens inside this step but is its own figure.
    steps.cases += performance.now() - casesStarted - steps.checkpointWait;
    // No case took the settlement (none planned, or its case already held all of this): the file settles on its own.
    // A file whose documents went into no case says so (a visible state with its reason), never silently dropped.
    // (Until a certificate case written later takes it up: `takeUpSharedDocuments` then clears the reason.)
    const servesNoCase = cases.length === 0 && readDocuments.length > 0;
    if (!settled || servesNoCase) {
      const changes = settlement(cases.map((c) => c.caseId)).changes;
      await timed(steps, 'settle', () => deps.documents.update(documentId, servesNoCase ? { ...changes, error: { ...SERVES_NO_CASE } } : changes));
    }
  } catch (error) {
    // The message will be retried: with the last page's text stored, the retry reads no page again.
    await keepLastPage?.().catch(() => undefined);
    throw error;
  }
  // The storage steps beside the reading stages: the pipeline bench prints each.
  deps.logger?.info('document processed', {
    documentId,
    status,
    pageCount,
    resumedPages,
    cases: cases.map((c) => `${c.caseId}:${c.action}`),
    timings: { ...timings, ...steps },
  });
  return { kind: 'done', documentId, status, cases, pageCount, resumedPages, timings };
}
