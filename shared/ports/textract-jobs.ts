/**
 * Ports of the Textract sweep (shared/pipeline/textract-sweep.ts): the list of asynchronous Textract jobs still
 * waiting for their completion, and a way to ask Textract about one.
 */
import { z } from 'zod';

/** A Textract job process started and whose completion has not been handled yet. */
export const pendingTextractJobSchema = z.object({
  documentId: z.string().min(1),
  jobId: z.string().min(1),
  /** ISO 8601, when process started the job. */
  startedAt: z.string(),
  /** Sweeps that could not ask Textract (throttled, unavailable); informational. */
  attempts: z.number().int().nonnegative().default(0),
  lastError: z.string().optional(),
  lastSweptAt: z.string().optional(),
});
export type PendingTextractJob = z.infer<typeof pendingTextractJobSchema>;

/** Where pending Textract jobs are written down (DynamoDB on AWS and locally). */
export interface TextractJobLedger {
  /** Writes the job down; a second call for the same document keeps the first start time (a redelivered start). */
  record(job: Pick<PendingTextractJob, 'documentId' | 'jobId' | 'startedAt'>): Promise<void>;
  /** Jobs started before `cutoff` (ISO 8601), oldest first, at most `limit`. */
  listStartedBefore(cutoff: string, limit: number): Promise<PendingTextractJob[]>;
  /** Notes a sweep that could not settle the job. */
  noteAttempt(documentId: string, attempt: { attempts: number; lastError: string; lastSweptAt: string }): Promise<void>;
  /** Crosses the job out (its completion was handled, or the document is settled). Removing nothing is not an error. */
  remove(documentId: string): Promise<void>;
}

/** A job's state as GetDocumentTextDetection reports it; `UNKNOWN_JOB` when Textract answers InvalidJobIdException. */
export const TextractJobState = {
  inProgress: 'IN_PROGRESS',
  succeeded: 'SUCCEEDED',
  partialSuccess: 'PARTIAL_SUCCESS',
  failed: 'FAILED',
  error: 'ERROR',
  unknownJob: 'UNKNOWN_JOB',
} as const;
export type TextractJobState = (typeof TextractJobState)[keyof typeof TextractJobState];

/** Asks Textract once about a job. Throws when Textract cannot be asked (the sweep retries later). */
export interface TextractJobProbe {
  state(jobId: string): Promise<TextractJobState>;
}
