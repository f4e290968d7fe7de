/**
 * **textract-completion** — SNS notifications Textract publishes when an asynchronous text detection (started by
 * process for a multi-page scan) ends. Pages through the results, stores them as the document's page checkpoints and
 * queues the document again so process finishes it (shared/pipeline/async-ocr.ts). A failed job is not the sender's
 * fault: the document is queued with `syncOcr` and its pages are read one by one instead.
 */
import type { Context } from 'aws-lambda';
import { z } from 'zod';
import { parseTextractCompletion } from '../../shared/adapters/textract-ocr-engine.js';
import { asPipelineLogger, functionLogger } from '../compose/logging.js';
import { once } from '../compose/root-options.js';
import { completeTextractJob, type TextractCompletionDeps } from '../compose/textract-job-completion.js';
import { composeTextractCompletion } from './compose.js';
import { resolveLookupSecret } from '../lookup-secret.js';

export type { TextractCompletionDeps } from '../compose/textract-job-completion.js';

await resolveLookupSecret();

const logger = functionLogger('textract-completion');

const snsEventSchema = z.object({ Records: z.array(z.object({ Sns: z.object({ Message: z.string() }) })) });

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
    const withLogger = { ...deps, logger: deps.logger ?? asPipelineLogger(logger) };
    const completed: string[] = [];
    for (const record of snsEventSchema.parse(event).Records) {
      const documentId = await completeTextractJob(parseTextractCompletion(record.Sns.Message), withLogger);
      if (documentId) completed.push(documentId);
    }
    return { completed };
  };
}

export const handler = createTextractCompletionHandler(once(() => composeTextractCompletion({ logger: asPipelineLogger(logger) })));
