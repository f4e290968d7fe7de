/**
 * **textract-sweeper** — run by an EventBridge schedule (every 15 minutes): Textract jobs whose completion never
 * arrived are asked about once and settled (shared/pipeline/textract-sweep.ts): an ended job goes through the
 * completion handler's path, a lost one marks its document `failed` with the reason `ocr_job_lost` (kept for a
 * redrive, counted in FailedDocuments), and a job Textract could not be asked about waits for the next sweep.
 */
import type { Context } from 'aws-lambda';
import { sweepTextractJobs, type TextractSweepDeps, type TextractSweepReport } from '../../shared/pipeline/textract-sweep.js';
import { asPipelineLogger, functionLogger } from '../compose/logging.js';
import { once } from '../compose/root-options.js';
import { composeTextractSweeper } from './compose.js';
import { resolveLookupSecret } from '../lookup-secret.js';

await resolveLookupSecret();

const logger = functionLogger('textract-sweeper');

/**
 * A sweeper handler over the given dependencies (the exported `handler` uses the environment's). The scheduled
 * event carries nothing the sweep needs.
 *
 * @example
 * const sweep = createTextractSweeperHandler(() => deps);
 * const report = await sweep({});
 */
export function createTextractSweeperHandler(resolve: () => TextractSweepDeps) {
  return async (_event: unknown, context?: Context): Promise<TextractSweepReport> => {
    if (context) logger.addContext(context);
    const report = await sweepTextractJobs(resolve());
    if (report.looked > 0) logger.info('Textract sweep', { looked: report.looked, outcomes: report.outcomes });
    return report;
  };
}

export const handler = createTextractSweeperHandler(once(() => composeTextractSweeper({ logger: asPipelineLogger(logger) })));
