/**
 * **textract-completion** — SNS notifications Textract publishes when an asynchronous text detection (started by
 * process for a multi-page scan) ends. Pages through the results, stores them as the document's page checkpoints and
 * queues the document again so process finishes it (shared/pipeline/async-ocr.ts). A failed job is not the sender's
 * fault: the document is queued with `syncOcr` and its pages are read one by one instead.
 */
import type { Context, SNSEvent } from 'aws-lambda';
import type { TextractClient } from '@aws-sdk/client-textract';
import { z } from 'zod';
import { collectTextDetection, parseTextractCompletion } from '../../shared/adapters/textract-ocr-engine.js';
import { OcrError } from '../../shared/ocr/errors.js';
import { completeAsyncOcr, type CompleteAsyncOcrDeps } from '../../shared/pipeline/async-ocr.js';
import { UnknownDocumentError } from '../../shared/pipeline/errors.js';
import { PdfFile } from '../../shared/pdf/index.js';
import type { TextractJobLedger } from '../../shared/pipeline/textract-sweep.js';
import { asPipelineLogger, functionLogger } from '../compose/logging.js';
import { once } from '../compose/root-options.js';
import { composeTextractCompletion } from './compose.js';
import { resolveLookupSecret } from '../lookup-secret.js';

await resolveLookupSecret();

const logger = functionLogger('textract-completion');

const snsEventSchema = z.object({ Records: z.array(z.object({ Sns: z.object({ Message: z.string() }) })) });

export interface TextractCompletionDeps extends CompleteAsyncOcrDeps {
  textract: TextractClient;
  /** The resolution page boxes are expressed in (the same as process renders at, so checkpoints match). */
  ocrDpi: number;
  /** The pending-job list the sweeper reads: a handled completion crosses its job out. */
  jobs?: Pick<TextractJobLedger, 'remove'>;
}

/**
 * A completion handler over the given dependencies (the exported `handler` uses the environment's).
 *
 * @example
 * const complete = createTextractCompletionHandler(() => deps);
 * await complete(snsEvent);
 */
export function createTextractCompletionHandler(resolve: () => TextractCompletionDeps) {
  return async (event: unknown, context?: Context): Promise<{ completed: string[] }> => {
    if (context) logger.addContext(context);
    const deps = resolve();
    const completed: string[] = [];
    for (const record of snsEventSchema.parse(event).Records) {
      const completion = parseTextractCompletion(record.Sns.Message);
      const documentId = completion.JobTag;
      if (!documentId) {
        logger.error('Textract completion without a job tag; no document to resume', { jobId: completion.JobId });
        continue;
      }
      const document = await deps.documents.get(documentId);
      if (!document) throw new UnknownDocumentError(documentId);
      // Textract gives boxes as page ratios; scale them to the pixels process renders pages at.
      const pdf = PdfFile.open(await deps.blobs.get(document.bucket, document.key));
      const sizes = pdf.info().pages;
      pdf.close();
      const pixelsOf = (pageNumber: number) => {
        const page = sizes[pageNumber - 1] ?? sizes[0]!;
        return { width: Math.round((page.widthPt / 72) * deps.ocrDpi), height: Math.round((page.heightPt / 72) * deps.ocrDpi) };
      };
      try {
        const result = await collectTextDetection({ client: deps.textract }, completion, pixelsOf);
        await completeAsyncOcr({ documentId, jobId: result.jobId, pages: result.pages, missingPages: result.missingPages }, deps);
      } catch (error) {
        if (!(error instanceof OcrError)) throw error;
        logger.warn('asynchronous OCR failed; the pages will be read one by one', { documentId, jobId: completion.JobId, code: error.code });
        await completeAsyncOcr({ documentId, jobId: completion.JobId, pages: [], missingPages: sizes.map((_, index) => index + 1) }, deps);
      }
      await deps.jobs?.remove(documentId);
      completed.push(documentId);
    }
    return { completed };
  };
}

export const handler = createTextractCompletionHandler(once(() => composeTextractCompletion({ logger: asPipelineLogger(logger) })));
