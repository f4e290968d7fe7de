import { GetDocumentTextDetectionCommand, type TextractClient } from '@aws-sdk/client-textract';
import { TextractJobState, type TextractJobProbe } from '../ports/textract-jobs.js';

const KNOWN_STATES = new Set<string>(Object.values(TextractJobState));

/**
 * Asks Textract about a job with one GetDocumentTextDetection call (one result, only the status is read).
 * InvalidJobIdException (a job id Textract does not know, or whose results expired after 7 days) is the state
 * `UNKNOWN_JOB`; any other error is thrown for the sweep to retry later.
 *
 * @example
 * const state = await new TextractGetJobProbe(client).state('job-1'); // 'IN_PROGRESS'
 */
export class TextractGetJobProbe implements TextractJobProbe {
  constructor(private readonly client: TextractClient) {}

  async state(jobId: string): Promise<TextractJobState> {
    try {
      const output = await this.client.send(new GetDocumentTextDetectionCommand({ JobId: jobId, MaxResults: 1 }));
      const status = output.JobStatus ?? '';
      if (!KNOWN_STATES.has(status)) throw new Error(`GetDocumentTextDetection returned no known JobStatus (${status || 'none'})`);
      return status as TextractJobState;
    } catch (error) {
      if ((error as { name?: string }).name === 'InvalidJobIdException') return TextractJobState.unknownJob;
      throw error;
    }
  }
}
