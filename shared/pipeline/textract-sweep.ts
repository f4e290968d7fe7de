/**
 * The sweep of Textract jobs whose completion never came (issue 14, *Operate it*). Textract posts a job's end to SNS
 * once; a notice SNS could not deliver lands in the completion DLQ, but a notice that is never sent (a job stuck, a
 * topic policy changed) leaves the document waiting in `processing` for ever. Every asynchronous job is therefore
 * written down when process starts it (a pending-job item) and crossed out when its completion is handled; a
 * scheduled sweep asks Textract once about each job older than the configured age and settles it:
 * - the job ended (SUCCEEDED, PARTIAL_SUCCESS, FAILED, ERROR): through the completion handler's own path (the pages
 *   become checkpoints, or, for a failed job, the document is read page by page);
 * - Textract no longer knows the job (results expire after 7 days), or it is still running past the give-up age:
 *   the document is marked `failed` with a stored reason (`ocr_job_lost`) and its message kept for a redrive;
 * - Textract could not be asked (throttling, 5xx, a network error, a denied call): nothing changes but the job's
 *   attempt count and last error; the next sweep asks again. A job is never dropped unsettled.
 */
import { z } from 'zod';
import { describeFailure } from '../intake/failure.js';
import { TextractJobState, type PendingTextractJob, type TextractJobLedger, type TextractJobProbe } from '../ports/textract-jobs.js';
import type { Clock } from '../ports/clock.js';
import type { DocumentRepository } from '../ports/document-repository.js';
import type { WorkQueue } from '../ports/work-queue.js';
import type { PipelineLogger } from './logger.js';

/** The completion handler's path for an ended job (the same code an SNS notice runs). */
export type CompleteEndedJob = (job: { documentId: string; jobId: string; state: Exclude<TextractJobState, 'IN_PROGRESS' | 'UNKNOWN_JOB'> }) => Promise<void>;

/** How old a job must be before the sweep asks about it, and when a running job is given up. */
export const textractSweepSettingsSchema = z.object({
  /** A job is asked about once it is this old without a completion (minutes). */
  staleAfterMinutes: z.number().int().positive().default(60),
  /** A job still running this long is given up and its document marked failed (hours). */
  giveUpAfterHours: z.number().int().positive().default(24),
  /** Jobs looked at per sweep (the rest wait for the next one). */
  maxJobsPerSweep: z.number().int().positive().default(100),
});
export type TextractSweepSettings = z.infer<typeof textractSweepSettingsSchema>;

export interface TextractSweepDeps {
  jobs: TextractJobLedger;
  probe: TextractJobProbe;
  complete: CompleteEndedJob;
  documents: DocumentRepository;
  clock: Clock;
  settings: TextractSweepSettings;
  /** Where a failed document's message is kept for a redrive (the failed-documents queue on AWS). */
  kept?: WorkQueue;
  /** Called once per document marked failed (the FailedDocuments metric). */
  onFailed?: (documentId: string) => void;
  logger?: PipelineLogger;
}

/** What the sweep did with one job. */
export type SweepOutcome = 'completed' | 'still_running' | 'marked_failed' | 'retry_later' | 'already_settled';

export interface TextractSweepReport {
  looked: number;
  outcomes: { documentId: string; jobId: string; outcome: SweepOutcome }[];
}

/** The reason stored on a document whose Textract job was lost or never ended. */
export const OCR_JOB_LOST = 'ocr_job_lost';

/**
 * One sweep: every pending job older than `staleAfterMinutes` is asked about once and settled where it can be.
 *
 * @example
 * const report = await sweepTextractJobs(deps);
 * report.outcomes; // [{ documentId: 'doc-1', jobId: 'j1', outcome: 'completed' }]
 */
export async function sweepTextractJobs(deps: TextractSweepDeps): Promise<TextractSweepReport> {
  const now = deps.clock.now();
  const cutoff = new Date(now.getTime() - deps.settings.staleAfterMinutes * 60_000).toISOString();
  const giveUpBefore = now.getTime() - deps.settings.giveUpAfterHours * 3_600_000;
  const pending = await deps.jobs.listStartedBefore(cutoff, deps.settings.maxJobsPerSweep);
  const outcomes: TextractSweepReport['outcomes'] = [];
  for (const job of pending) {
    const outcome = await settleJob(job, giveUpBefore, deps);
    outcomes.push({ documentId: job.documentId, jobId: job.jobId, outcome });
  }
  return { looked: pending.length, outcomes };
}

async function settleJob(job: PendingTextractJob, giveUpBefore: number, deps: TextractSweepDeps): Promise<SweepOutcome> {
  const at = deps.clock.now().toISOString();
  const document = await deps.documents.get(job.documentId);
  // Settled meanwhile (a late completion, a redrive, a clerk's action): nothing is waiting on the job any more.
  if (!document || document.status !== 'processing') {
    await deps.jobs.remove(job.documentId);
    return 'already_settled';
  }
  let state: TextractJobState;
  try {
    state = await deps.probe.state(job.jobId);
  } catch (error) {
    // Throttled, unavailable or denied: the job stays written down and the next sweep asks again.
    const lastError = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    await deps.jobs.noteAttempt(job.documentId, { attempts: job.attempts + 1, lastError: lastError.slice(0, 500), lastSweptAt: at });
    deps.logger?.warn('Textract could not be asked about a job; the next sweep asks again', { documentId: job.documentId, jobId: job.jobId, error: lastError });
    return 'retry_later';
  }
  if (state === TextractJobState.inProgress) {
    if (Date.parse(job.startedAt) > giveUpBefore) {
      await deps.jobs.noteAttempt(job.documentId, { attempts: job.attempts, lastError: 'still IN_PROGRESS', lastSweptAt: at });
      return 'still_running';
    }
  } else if (state !== TextractJobState.unknownJob) {
    await deps.complete({ documentId: job.documentId, jobId: job.jobId, state });
    await deps.jobs.remove(job.documentId);
    deps.logger?.info('Textract job settled by the sweep (its completion never arrived)', { documentId: job.documentId, jobId: job.jobId, state });
    return 'completed';
  }
  // Lost (Textract does not know the job) or running past the give-up age: visible as failed, kept for a redrive
  // that reads the pages one by one.
  const error = describeFailure({ code: OCR_JOB_LOST }).error;
  await deps.documents.update(job.documentId, { status: 'failed', error, updatedAt: at });
  await deps.kept?.send([{ documentId: job.documentId, syncOcr: true }]);
  await deps.jobs.remove(job.documentId);
  deps.onFailed?.(job.documentId);
  deps.logger?.error('Textract job lost or never ended; document marked failed', { documentId: job.documentId, jobId: job.jobId, state });
  return 'marked_failed';
}
