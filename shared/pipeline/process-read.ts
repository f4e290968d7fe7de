import type { DocumentRecord } from '../cases/document-record.js';
import type { ExtractedDocument } from '../documents/extracted-document.js';
import { describeFailure } from '../intake/failure.js';
import { isReadableType, sniffType } from '../intake/sniff.js';
import { UnsupportedTypeError } from '../intake/errors.js';
import type { PageCheckpoints } from '../reading/read-pages.js';
import { emptyTimings, timed, type StageTimings } from '../documents/stage-timings.js';
import { blobPageCheckpoints } from './checkpoints.js';
import { boxesInPreviewPixels, DEFAULT_PREVIEW_DPI, previewLongSide } from '../documents/page-preview.js';
import type { ProcessDeps, ProcessMessage, ProcessOutcome } from './process.js';

/** Milliseconds spent waiting on the stores, per step of processing one document (logged with the stage timings). */
export interface StorageSteps {
  /** The document record and the original file. */
  fetch: number;
  /** The submission's records listed, its case(s) judged and written, with the file's read and settlement. */
  cases: number;
  /** What was left of the checkpoint writes once the submission was listed (not counted in `cases`). */
  checkpointWait: number;
  /** The document settled on its own (only when no case write took the settlement). */
  settle: number;
}

/**
 * A zeroed record of storage steps.
 *
 * @example
 * const steps = emptySteps(); // { fetch: 0, cases: 0, checkpointWait: 0, settle: 0 }
 */
export const emptySteps = (): StorageSteps => ({ fetch: 0, cases: 0, checkpointWait: 0, settle: 0 });

/** What reading a file gave the settle step: its documents, its pages, and how to keep its last page should it fail. */
export interface DocumentRead {
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
export class CheckpointWrites {
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
export async function readDocument(
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
    const unsaved = read.unsavedLastPage;
    const documents = await timed(timings, 'extract', () => deps.extract(read.pages));
    // Every page gets a stored preview, and every box is put in its pixels: the page view serves only stored files.
    // A page OCR turned has its preview remade upright, after reading's own write of it has landed.
    if (read.pages.some((page) => page.rotation !== 0)) await writes.settled();
    await timed(timings, 'render', () =>
      deps.reading.storePagePreviews({
        blobs: deps.blobs,
        bucket: record.bucket,
        derivedPrefix: deps.derivedPrefix,
        documentId,
        bytes,
        type,
        pages: read.pages,
        stored: writes.previews,
        previewDpi,
        ocrDpi: deps.ocrDpi ?? 200,
        limits: deps.limits,
      }),
    );
    return {
      kind: 'read',
      documents: boxesInPreviewPixels(documents, read.pages, previewLongSide(previewDpi)),
      pageCount: read.pages.length,
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
