/**
 * What happens when a Textract job ends, shared by the two functions that learn of it: textract-completion (Textract's
 * SNS notice) and textract-sweeper (a job whose notice never came). Pages through the job's results, stores them as the
 * document's page checkpoints and queues the document again so process finishes it (shared/pipeline/async-ocr.ts). A
 * failed job is not the sender's fault: the document is queued with `syncOcr` and its pages are read one by one.
 */
import type { TextractClient } from '@aws-sdk/client-textract';
import { collectTextDetection, type TextractCompletion } from '../../shared/adapters/textract-ocr-engine.js';
import { OcrError } from '../../shared/ocr/errors.js';
import { PdfFile, type PdfInfo } from '../../shared/pdf/index.js';
import { completeAsyncOcr, type CompleteAsyncOcrDeps } from '../../shared/pipeline/async-ocr.js';
import { UnknownDocumentError } from '../../shared/pipeline/errors.js';
import type { TextractJobLedger } from '../../shared/ports/textract-jobs.js';

export interface TextractCompletionDeps extends CompleteAsyncOcrDeps {
  textract: TextractClient;
  /** The resolution page boxes are expressed in (the same as process renders at, so checkpoints match). */
  ocrDpi: number;
  /** The pending-job list the sweeper reads: a handled completion crosses its job out. */
  jobs?: Pick<TextractJobLedger, 'remove'>;
}

/**
 * Takes an ended job's results into the pipeline. Returns the document id, or undefined when the notice names none.
 *
 * @example
 * await completeTextractJob({ JobId: 'j1', Status: 'SUCCEEDED', API: 'StartDocumentTextDetection', JobTag: 'doc-1' }, deps);
 */
export async function completeTextractJob(completion: TextractCompletion, deps: TextractCompletionDeps): Promise<string | undefined> {
  const documentId = completion.JobTag;
  if (!documentId) {
    deps.logger?.error('Textract completion without a job tag; no document to resume', { jobId: completion.JobId });
    return undefined;
  }
  const document = await deps.documents.get(documentId);
  if (!document) throw new UnknownDocumentError(documentId);
  // Textract gives boxes as page ratios; scale them to the pixels process renders pages at.
  // Closed in `finally`: a PDF left open keeps the thread's mupdf store (decoded scans) from being emptied.
  const pdf = PdfFile.open(await deps.blobs.get(document.bucket, document.key));
  let sizes: PdfInfo['pages'];
  try {
    sizes = pdf.info().pages;
  } finally {
    pdf.close();
  }
  const pixelsOf = (pageNumber: number) => {
    const page = sizes[pageNumber - 1] ?? sizes[0]!;
    return { width: Math.round((page.widthPt / 72) * deps.ocrDpi), height: Math.round((page.heightPt / 72) * deps.ocrDpi) };
  };
  try {
    const result = await collectTextDetection({ client: deps.textract }, completion, pixelsOf);
    await completeAsyncOcr({ documentId, jobId: result.jobId, pages: result.pages, missingPages: result.missingPages }, deps);
  } catch (error) {
    if (!(error instanceof OcrError)) throw error;
    deps.logger?.warn('asynchronous OCR failed; the pages will be read one by one', { documentId, jobId: completion.JobId, code: error.code });
    await completeAsyncOcr({ documentId, jobId: completion.JobId, pages: [], missingPages: sizes.map((_, index) => index + 1) }, deps);
  }
  await deps.jobs?.remove(documentId);
  return documentId;
}
